-- (B) Q1, baseline: explicit user_id, RLS bypassed
-- pgbench script, run as the superuser (bypasses RLS) by bench/scoping.sh: a random campaign :c and its owner :u
-- The identity is set per transaction, as the application does; the whole
-- transaction goes in one pipeline (one round trip), so what differs between
-- variants is the query, not the network.
\set c random(1, 2000)
\set u (:c + 1) / 2
\startpipeline
BEGIN;
SELECT set_config('expert_network.user_id', 'user-' || :u, true);
SELECT id, name, status FROM expert_network.experts WHERE campaign_id = ('cafe0000000040008000' || lpad(to_hex(:c::int), 12, '0'))::uuid AND user_id = 'user-' || :u;
COMMIT;
\endpipeline
