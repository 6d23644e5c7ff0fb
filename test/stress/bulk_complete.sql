-- bulk_complete: every scheduled or confirmed interview of a random campaign
-- completed by one UPDATE (a day's calls marked done), the rows locked in id
-- order first, as another bulk writer of the campaign locks them
\set u random(1, 2)
\set k random(1, 20)
\set c (:u - 1) * 20 + :k
BEGIN;
SELECT pg_catalog.set_config('expert_network.user_id', 'stress' || :u, true);
UPDATE expert_network.interviews SET status = 'completed'
 WHERE status IN ('scheduled', 'confirmed')
   AND id IN (SELECT id FROM expert_network.interviews
               WHERE campaign_id = ('c0000000-0000-4000-8000-' || pg_catalog.lpad(:c::text, 12, '0'))::uuid
                 AND status IN ('scheduled', 'confirmed')
               ORDER BY id FOR UPDATE);
COMMIT;
