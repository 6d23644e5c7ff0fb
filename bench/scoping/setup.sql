-- bench/scoping/setup.sql — the app role and the policies of the copies.
-- Run as the superuser after load.sql and copies.sql.
\set ON_ERROR_STOP on

-- (A) runs as an application role: not superuser, not BYPASSRLS
CREATE ROLE bench_app LOGIN PASSWORD 'bench_app' NOSUPERUSER NOBYPASSRLS;
SELECT expert_network.grant_access('bench_app', 'app');
GRANT USAGE ON SCHEMA bench TO bench_app;
GRANT SELECT ON bench.experts_seed002, bench.experts_setting TO bench_app;

-- (B) of the paired runs: the same privileges, but bypasses RLS; reached by
-- SET ROLE from the superuser's session, as bench_app is there
CREATE ROLE bench_bypass NOLOGIN NOSUPERUSER BYPASSRLS;
SELECT expert_network.grant_access('bench_bypass', 'app');

-- (C) the seed-002 policy: rows reach a user through their campaign.  The
-- sub-select on campaigns is itself subject to campaigns' owner_rows policy.
ALTER TABLE bench.experts_seed002 ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY seed002_rows ON bench.experts_seed002
    USING (campaign_id IN (SELECT id FROM expert_network.campaigns
                           WHERE user_id = current_setting('expert_network.user_id')));

-- (D) the bare setting, no sub-select around it
ALTER TABLE bench.experts_setting ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY setting_rows ON bench.experts_setting
    USING (user_id = current_setting('expert_network.user_id', true));
