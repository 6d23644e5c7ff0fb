-- bench/bulk/load.sql — the application role and timing helpers for
-- bench/bulk.sh.  Run once as the cluster's superuser.  No data: every run
-- of the benchmark writes its own campaign, enrollment, experts and
-- interviews as the application role, in one transaction it rolls back.
--
-- Ids are computed (bench.expert_uuid) so that the statements need no
-- look-ups of their own; the campaign is always bench.campaign_id().
\set ON_ERROR_STOP on

CREATE SCHEMA bench;

CREATE FUNCTION bench.campaign_id() RETURNS uuid
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN 'cafe0000-0000-4000-8000-000000000001'::uuid;

CREATE FUNCTION bench.expert_uuid(e integer) RETURNS uuid
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ('e0e00000000040008000' || lpad(to_hex(e), 12, '0'))::uuid;

-- Timing: bench.schedstat() is this backend's /proc/<pid>/schedstat: ns
-- spent on a CPU and ns spent waiting for one (other work on the machine);
-- bench.took(t0, s0) gives "wall-clock ms, on-CPU ms, waited ms" since
-- clock_timestamp() t0 and schedstat s0.  SECURITY DEFINER (the superuser
-- may read server files), so that bench_app can call it.  As in
-- bench/workflow/load.sql.
CREATE FUNCTION bench.schedstat() RETURNS bigint[]
LANGUAGE sql SECURITY DEFINER
RETURN (pg_catalog.string_to_array(pg_catalog.btrim(
            pg_catalog.pg_read_file('/proc/' || pg_catalog.pg_backend_pid() || '/schedstat'), E' \n'), ' '))[1:2]::bigint[];

CREATE FUNCTION bench.took(t0 timestamptz, s0 bigint[]) RETURNS text
LANGUAGE sql
RETURN (SELECT format('%s %s %s', round(1000 * extract(epoch FROM pg_catalog.clock_timestamp() - t0), 1),
                      round((s[1] - s0[1]) / 1e6, 1), round((s[2] - s0[2]) / 1e6, 1))
        FROM (SELECT bench.schedstat() AS s) AS x);

-- the application role: not superuser, not BYPASSRLS
CREATE ROLE bench_app LOGIN PASSWORD 'bench_app' NOSUPERUSER NOBYPASSRLS;
SELECT expert_network.grant_access('bench_app', 'app');
GRANT USAGE ON SCHEMA bench TO bench_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA bench TO bench_app;
