-- schedule_pair: one INSERT of interviews into two neighbouring campaigns of
-- one user (k and k + 1, 20 and 1), in the order drawn: clients often insert
-- into the same two campaigns at once, in opposite orders (through
-- stress_schedule(): see test/stress/fixture.sql), at a random hour of a
-- random day
\set u random(1, 2)
\set k random(1, 20)
\set c (:u - 1) * 20 + :k
\set flip random(0, 1)
\set d random(0, 364)
\set h random(0, 23)
BEGIN;
SELECT pg_catalog.set_config('expert_network.user_id', 'stress' || :u, true);
SELECT public.stress_schedule(pg_catalog.format($q$
INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time, status)
SELECT e.campaign_id, e.id, DATE '2026-04-01' + %s, pg_catalog.make_time(%s, 0, 0), 'scheduled'
  FROM (VALUES (%s, %s), (1 - %s, %s)) AS v(ord, c)
  CROSS JOIN LATERAL
       (SELECT x.id, x.campaign_id FROM expert_network.experts AS x
         WHERE x.campaign_id = ('c0000000-0000-4000-8000-' || pg_catalog.lpad(v.c::text, 12, '0'))::uuid
           AND x.status IN ('reviewed', 'scheduling', 'scheduled', 'completed')
         ORDER BY pg_catalog.random() LIMIT 2) AS e
 ORDER BY v.ord, e.id $q$, :d, :h, :flip, :c, :flip, (:u - 1) * 20 + :k % 20 + 1));
COMMIT;
