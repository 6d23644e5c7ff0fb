-- (C) Q2, seed-002 policy: campaign_id IN (the user's campaigns)
-- pgbench script, run as bench_app by bench/scoping.sh: a random user :u
-- The identity is set per transaction, as the application does; the whole
-- transaction goes in one pipeline (one round trip), so what differs between
-- variants is the query, not the network.
\set u random(1, 1000)
\startpipeline
BEGIN;
SELECT set_config('expert_network.user_id', 'user-' || :u, true);
SELECT count(*) FROM bench.experts_seed002;
COMMIT;
\endpipeline
