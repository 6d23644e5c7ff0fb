-- (B) Q2, baseline: explicit user_id, RLS bypassed
-- pgbench script, run as the superuser (bypasses RLS) by bench/scoping.sh: a random user :u
-- The identity is set per transaction, as the application does; the whole
-- transaction goes in one pipeline (one round trip), so what differs between
-- variants is the query, not the network.
\set u random(1, 1000)
\startpipeline
BEGIN;
SELECT set_config('expert_network.user_id', 'user-' || :u, true);
SELECT count(*) FROM expert_network.experts WHERE user_id = 'user-' || :u;
COMMIT;
\endpipeline
