-- test/stress/fixture.sql — the rows test/t/counters_stress.sh starts from:
-- 20 campaigns of user "stress", ids c0000000-0000-4000-8000-0000000000NN
-- (NN = 01…20, as the pgbench scripts compute them), each with GLG enrolled,
-- two reviewed experts and five interviews, one in each status, all with the
-- first expert (whom they schedule and complete: 0.4.0's lifecycle; the
-- second stays reviewed until the run schedules it).  Run as a superuser,
-- with the identity set, so that the rows are the user's and follow the
-- workflow rules (enrolled vendor, reviewed experts), not the restore path.
\set ON_ERROR_STOP 1
BEGIN;
SET LOCAL expert_network.user_id = 'stress';

INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date,
                                      target_completion_date, created_at, updated_at)
SELECT ('c0000000-0000-4000-8000-' || pg_catalog.lpad(n::text, 12, '0'))::uuid,
       'Stress campaign ' || n, 'Technology', '2026-01-01', '2026-12-31',
       '2000-01-01 00:00:00+00', '2000-01-01 00:00:00+00'
  FROM pg_catalog.generate_series(1, 20) AS n;

INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
SELECT id, '00000000-0000-4000-8000-000000000001', 'enrolled' FROM expert_network.campaigns;

INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title, status)
SELECT c.id, '00000000-0000-4000-8000-000000000001', 'Expert ' || k || ' of ' || c.campaign_name,
       'Former executive', 'reviewed'
  FROM expert_network.campaigns AS c, pg_catalog.generate_series(1, 2) AS k;

INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time, status)
SELECT e.campaign_id, e.id, '2026-02-01', '10:00', s.status
  FROM (SELECT DISTINCT ON (campaign_id) id, campaign_id FROM expert_network.experts
         ORDER BY campaign_id, id) AS e,
       pg_catalog.unnest(ARRAY['pending', 'scheduled', 'confirmed', 'completed', 'cancelled']) AS s(status);

COMMIT;
