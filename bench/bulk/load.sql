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

-- the timing functions and the application role bench_app
\ir ../app_role.sql
