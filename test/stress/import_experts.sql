-- import_experts: a vendor's list of 10 experts into a random campaign, in
-- one INSERT … SELECT, with the statuses the vendor's system gives them
-- (an INSERT may use any status: imports)
\set u random(1, 2)
\set k random(1, 20)
\set c (:u - 1) * 20 + :k
BEGIN;
SELECT pg_catalog.set_config('expert_network.user_id', 'stress' || :u, true);
INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title, company, skills, status)
SELECT ('c0000000-0000-4000-8000-' || pg_catalog.lpad(:c::text, 12, '0'))::uuid, '00000000-0000-4000-8000-000000000001',
       'Imported expert ' || g, 'Director of operations', 'Company ' || g, ARRAY['supply chain'],
       (ARRAY['proposed', 'proposed', 'reviewed', 'rejected'])[1 + g % 4]
  FROM pg_catalog.generate_series(1, 10) AS g;
COMMIT;
