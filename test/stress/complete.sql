-- complete: a scheduled or confirmed interview of a random campaign, by a
-- plain UPDATE (none, if another client took it meanwhile).  The WHERE
-- repeats the statuses the step may leave: a row another client moved
-- meanwhile is skipped, not refused (completed and cancelled are final: an
-- UPDATE of such a row fails with 23514).
\set u random(1, 2)
\set k random(1, 20)
\set c (:u - 1) * 20 + :k
BEGIN;
SELECT pg_catalog.set_config('expert_network.user_id', 'stress' || :u, true);
UPDATE expert_network.interviews SET status = 'completed'
 WHERE status IN ('scheduled', 'confirmed')
   AND id = (SELECT id FROM expert_network.interviews
              WHERE campaign_id = ('c0000000-0000-4000-8000-' || pg_catalog.lpad(:c::text, 12, '0'))::uuid
                AND status IN ('scheduled', 'confirmed')
              ORDER BY pg_catalog.random() LIMIT 1);
COMMIT;
