-- delete: any interview of a random campaign (none, if another client
-- deleted it meanwhile)
\set u random(1, 2)
\set k random(1, 20)
\set c (:u - 1) * 20 + :k
BEGIN;
SELECT pg_catalog.set_config('expert_network.user_id', 'stress' || :u, true);
DELETE FROM expert_network.interviews
 WHERE id = (SELECT id FROM expert_network.interviews
              WHERE campaign_id = ('c0000000-0000-4000-8000-' || pg_catalog.lpad(:c::text, 12, '0'))::uuid
              ORDER BY pg_catalog.random() LIMIT 1);
COMMIT;
