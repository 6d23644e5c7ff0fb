-- cancel: cancel_interview() of a pending, scheduled or confirmed interview
-- of a random campaign (none, if another client took it meanwhile).  The
-- row is locked first and skipped if another client moved it meanwhile, so
-- that the function is never called on a row it must refuse; SKIP LOCKED,
-- as a queue is read: in random order, a wait for one client's row while
-- holding the lock of a row skipped before (moved meanwhile, it fails the
-- recheck but stays locked) would deadlock with a client locking the other
-- way round.
\set u random(1, 2)
\set k random(1, 20)
\set c (:u - 1) * 20 + :k
BEGIN;
SELECT pg_catalog.set_config('expert_network.user_id', 'stress' || :u, true);
WITH picked AS MATERIALIZED (
  SELECT id FROM expert_network.interviews
   WHERE campaign_id = ('c0000000-0000-4000-8000-' || pg_catalog.lpad(:c::text, 12, '0'))::uuid
     AND status IN ('pending', 'scheduled', 'confirmed')
   ORDER BY pg_catalog.random() LIMIT 1
     FOR UPDATE SKIP LOCKED)
SELECT expert_network.cancel_interview(picked.id) FROM picked;
COMMIT;
