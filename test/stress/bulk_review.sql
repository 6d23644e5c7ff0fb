-- bulk_review: every proposed or rejected expert of a random campaign
-- reviewed by one UPDATE, the rows locked in id order first
\set u random(1, 2)
\set k random(1, 20)
\set c (:u - 1) * 20 + :k
BEGIN;
SELECT pg_catalog.set_config('expert_network.user_id', 'stress' || :u, true);
UPDATE expert_network.experts SET status = 'reviewed'
 WHERE status IN ('proposed', 'rejected')
   AND id IN (SELECT id FROM expert_network.experts
               WHERE campaign_id = ('c0000000-0000-4000-8000-' || pg_catalog.lpad(:c::text, 12, '0'))::uuid
                 AND status IN ('proposed', 'rejected')
               ORDER BY id FOR UPDATE);
COMMIT;
