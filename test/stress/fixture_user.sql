-- test/stress/fixture_user.sql — one user's part of fixture.sql: 20
-- campaigns from number :first on, for user :user (psql variables), written
-- as the app role: row-level security shows it only this user's rows.
SET LOCAL expert_network.user_id = :'user';

INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date,
                                      target_completion_date, created_at, updated_at)
SELECT ('c0000000-0000-4000-8000-' || pg_catalog.lpad(n::text, 12, '0'))::uuid,
       'Stress campaign ' || n, 'Technology', '2026-01-01', '2026-12-31',
       '2000-01-01 00:00:00+00', '2000-01-01 00:00:00+00'
  FROM pg_catalog.generate_series(:first, :first + 19) AS n;

INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
SELECT id, '00000000-0000-4000-8000-000000000001', 'enrolled' FROM expert_network.campaigns;

INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title, status)
SELECT c.id, '00000000-0000-4000-8000-000000000001', 'Expert ' || k || ' of ' || c.campaign_name,
       'Former executive', 'reviewed'
  FROM expert_network.campaigns AS c, pg_catalog.generate_series(1, 2) AS k;

INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time, status)
SELECT e.campaign_id, e.id, '2026-02-01', pg_catalog.make_time(8 + s.n::int, 0, 0), s.status
  FROM (SELECT DISTINCT ON (campaign_id) id, campaign_id FROM expert_network.experts
         ORDER BY campaign_id, id) AS e,
       pg_catalog.unnest(ARRAY['pending', 'scheduled', 'confirmed', 'completed', 'cancelled']::expert_network.interview_status[])
         WITH ORDINALITY AS s(status, n);  -- an hour apart (0.13.0: no overlapping calls)

INSERT INTO expert_network.screening_questions (id, campaign_id, question_text, display_order)
SELECT pg_catalog.md5(c.id::text || g)::uuid, c.id, 'Question ' || g, g
  FROM expert_network.campaigns AS c, pg_catalog.generate_series(1, 3) AS g;
INSERT INTO expert_network.screening_questions (campaign_id, parent_question_id, question_text, display_order)
SELECT q.campaign_id, q.id, 'Follow-up to ' || q.question_text, 1
  FROM expert_network.screening_questions AS q;
