-- rate: rate_interview() of a completed interview of a random campaign,
-- ratings 0 to 5 (none, if another client deleted it meanwhile).  The row is
-- locked first, so that a concurrent delete waits or wins, and the function
-- is never called on a row that is gone; SKIP LOCKED, as a queue is read
-- (in random order, waiting for one row while holding a skipped one would
-- deadlock with a client locking the other way round).
\set u random(1, 2)
\set k random(1, 20)
\set c (:u - 1) * 20 + :k
\set r1 random(0, 10)
\set r2 random(0, 10)
\set r3 random(0, 10)
\set r4 random(0, 10)
BEGIN;
SELECT pg_catalog.set_config('expert_network.user_id', 'stress' || :u, true);
WITH picked AS MATERIALIZED (
  SELECT id FROM expert_network.interviews
   WHERE campaign_id = ('c0000000-0000-4000-8000-' || pg_catalog.lpad(:c::text, 12, '0'))::uuid
     AND status IN ('completed')
   ORDER BY pg_catalog.random() LIMIT 1
     FOR UPDATE SKIP LOCKED)
SELECT expert_network.rate_interview(picked.id, :r1 / 2.0, :r2 / 2.0, :r3 / 2.0, :r4 / 2.0, 'Rated under load') FROM picked;
COMMIT;
