-- (C) Q1, seed-002 policy: campaign_id IN (the user's campaigns)
-- pgbench script, run as bench_app by bench/scoping.sh: a random campaign :c and its owner :u
-- The identity is set per transaction, as the application does; the whole
-- transaction goes in one pipeline (one round trip), so what differs between
-- variants is the query, not the network.
\set c random(1, 2000)
\set u (:c + 1) / 2
\startpipeline
BEGIN;
SELECT set_config('expert_network.user_id', 'user-' || :u, true);
SELECT id, name, status FROM bench.experts_seed002 WHERE campaign_id = ('cafe0000000040008000' || lpad(to_hex(:c::int), 12, '0'))::uuid;
COMMIT;
\endpipeline
