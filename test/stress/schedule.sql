-- schedule: a new interview, pending or scheduled, with each expert of a
-- random campaign (one INSERT … SELECT of two rows)
\set c random(1, 20)
\set s random(1, 2)
BEGIN;
SELECT pg_catalog.set_config('expert_network.user_id', 'stress', true);
INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time, status)
SELECT e.campaign_id, e.id, DATE '2026-03-01' + :c, TIME '09:00', (ARRAY['pending', 'scheduled'])[:s]
  FROM expert_network.experts AS e
 WHERE e.campaign_id = ('c0000000-0000-4000-8000-' || pg_catalog.lpad(:c::text, 12, '0'))::uuid;
COMMIT;
