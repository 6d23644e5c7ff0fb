-- review_experts: one review decision on an expert of a random campaign:
-- a proposed one is reviewed or rejected, a rejected one reconsidered, a
-- reviewed one (or one back in scheduling) rejected.  Under READ COMMITTED
-- the SET is computed on the row as it is when locked, so the step taken is
-- always one the workflow has.
\set u random(1, 2)
\set k random(1, 20)
\set c (:u - 1) * 20 + :k
\set accept random(1, 2)
BEGIN;
SELECT pg_catalog.set_config('expert_network.user_id', 'stress' || :u, true);
UPDATE expert_network.experts
   SET status = CASE status WHEN 'proposed' THEN (ARRAY['reviewed', 'rejected']::expert_network.expert_status[])[:accept]
                            WHEN 'rejected' THEN 'reviewed'
                            ELSE 'rejected' END
 WHERE status IN ('proposed', 'rejected', 'reviewed', 'scheduling')
   AND id = (SELECT id FROM expert_network.experts
              WHERE campaign_id = ('c0000000-0000-4000-8000-' || pg_catalog.lpad(:c::text, 12, '0'))::uuid
                AND status IN ('proposed', 'rejected', 'reviewed', 'scheduling')
              ORDER BY pg_catalog.random() LIMIT 1);
COMMIT;
