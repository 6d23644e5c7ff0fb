-- import_experts: a vendor's list of 10 experts into a random campaign, in
-- one INSERT … SELECT, with the statuses the vendor's system gives them
-- (an INSERT may use any status: imports).  Each list is one of 50 drawn at
-- random: a list imported twice into one campaign proposes the same persons
-- again (the second row of a person is then unschedulable there, QC004),
-- and does so rarely enough that most campaigns keep schedulable experts.
\set u random(1, 2)
\set r random(0, 49)
\set k random(1, 20)
\set c (:u - 1) * 20 + :k
BEGIN;
SELECT pg_catalog.set_config('expert_network.user_id', 'stress' || :u, true);
INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title, company, skills, status)
SELECT ('c0000000-0000-4000-8000-' || pg_catalog.lpad(:c::text, 12, '0'))::uuid, '00000000-0000-4000-8000-000000000001',
       'Imported expert ' || (:r * 10 + g), 'Director of operations', 'Company ' || (:r * 10 + g), ARRAY['supply chain'],
       (ARRAY['proposed', 'proposed', 'reviewed', 'rejected']::expert_network.expert_status[])[1 + g % 4]
  FROM pg_catalog.generate_series(1, 10) AS g;
COMMIT;
