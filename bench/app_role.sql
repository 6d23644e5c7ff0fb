-- bench/app_role.sql — included (\ir) by the load scripts of the
-- benchmarks that time statements of the application role in the server:
-- the timing functions and the role.  Needs the schema bench.

-- Timing: bench.schedstat() is this backend's /proc/<pid>/schedstat: ns
-- spent on a CPU and ns spent waiting for one (other work on the machine);
-- bench.took(t0, s0) gives "wall-clock ms, on-CPU ms, waited ms" since
-- clock_timestamp() t0 and schedstat s0.  SECURITY DEFINER (the superuser
-- may read server files), so that bench_app can call it.
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
