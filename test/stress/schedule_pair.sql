-- schedule_pair: one INSERT of interviews into two neighbouring campaigns
-- (c and c + 1, 20 and 1), in the order drawn: clients often insert into
-- the same two campaigns at once, in opposite orders
\set c random(1, 20)
\set flip random(0, 1)
BEGIN;
SELECT pg_catalog.set_config('expert_network.user_id', 'stress', true);
INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time, status)
SELECT e.campaign_id, e.id, DATE '2026-04-01', TIME '14:00', 'scheduled'
  FROM (VALUES (:flip, :c), (1 - :flip, :c % 20 + 1)) AS v(ord, c)
  JOIN expert_network.experts AS e
    ON e.campaign_id = ('c0000000-0000-4000-8000-' || pg_catalog.lpad(v.c::text, 12, '0'))::uuid
 ORDER BY v.ord, e.id;
COMMIT;
