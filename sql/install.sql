-- install: CREATE EXTENSION as superuser and as a non-superuser database
-- owner (trusted), what the extension consists of, DROP leaves no object.
\set VERBOSITY terse

CREATE EXTENSION expert_network;
SELECT extname, extversion, extrelocatable, extnamespace::regnamespace
FROM pg_extension WHERE extname = 'expert_network';

-- every member, by kind
SELECT pg_describe_object(classid, objid, 0) AS member
FROM pg_depend
WHERE refclassid = 'pg_extension'::regclass
  AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'expert_network')
  AND deptype = 'e'
ORDER BY pg_describe_object(classid, objid, 0) COLLATE "C";

-- PUBLIC can use nothing
SELECT has_schema_privilege('public', 'expert_network', 'USAGE') AS public_schema_usage,
       has_table_privilege('public', 'expert_network.campaigns', 'SELECT') AS public_select,
       has_function_privilege('public', 'expert_network.set_updated_at()', 'EXECUTE') AS public_execute;

-- DROP removes every object; the schema named in the control file is left,
-- empty, as PostgreSQL does for every extension with a fixed schema
DROP EXTENSION expert_network;
SELECT (SELECT count(*) FROM pg_class WHERE relnamespace = 'expert_network'::regnamespace) AS relations,
       (SELECT count(*) FROM pg_proc WHERE pronamespace = 'expert_network'::regnamespace) AS functions,
       (SELECT count(*) FROM pg_type WHERE typnamespace = 'expert_network'::regnamespace) AS types;
DROP SCHEMA expert_network;

-- a database owner who is not a superuser may install it (trusted)
CREATE ROLE regress_en_owner LOGIN;
CREATE ROLE regress_en_other LOGIN;
SELECT format('GRANT CREATE ON DATABASE %I TO regress_en_owner', current_database()) \gexec
SET ROLE regress_en_other;
CREATE EXTENSION expert_network;
\echo :LAST_ERROR_SQLSTATE
SET ROLE regress_en_owner;
CREATE EXTENSION expert_network;
SELECT pg_get_userbyid(extowner) AS extension_owner FROM pg_extension WHERE extname = 'expert_network';
SET expert_network.user_id = 'user_1';
INSERT INTO expert_network.projects (id, project_code, project_name)
VALUES ('10000000-0000-4000-8000-000000000001', 'ATL', 'Atlas');
SELECT user_id, project_code, project_name FROM expert_network.projects;
-- the installer may pass its rights on, PUBLIC still has none
SELECT has_table_privilege('regress_en_owner', 'expert_network.experts', 'INSERT WITH GRANT OPTION') AS owner_can_grant,
       has_table_privilege('regress_en_other', 'expert_network.experts', 'SELECT') AS other_select;
-- 0.8.0: the levels' record and apply_access_levels() are the installer's
-- too, and no one else's; the record starts empty
SELECT (SELECT bool_and(has_table_privilege('regress_en_owner', 'expert_network.access_levels', p || ' WITH GRANT OPTION'))
          FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE']) AS p) AS owner_can_record,
       has_function_privilege('regress_en_owner', 'expert_network.apply_access_levels()', 'EXECUTE WITH GRANT OPTION') AS owner_can_apply,
       has_table_privilege('public', 'expert_network.access_levels', 'SELECT') AS public_read_levels,
       has_function_privilege('public', 'expert_network.apply_access_levels()', 'EXECUTE') AS public_apply;
SELECT count(*) AS recorded_levels FROM expert_network.access_levels;
SET ROLE regress_en_other;
SELECT * FROM expert_network.projects;
\echo :LAST_ERROR_SQLSTATE
SET ROLE regress_en_owner;
DROP EXTENSION expert_network;
RESET ROLE;
RESET expert_network.user_id;

-- and CREATE again in the same database works; the other tests use this one
DROP SCHEMA expert_network;
CREATE EXTENSION expert_network;
SELECT count(*) AS tables FROM pg_tables WHERE schemaname = 'expert_network';
SELECT format('REVOKE CREATE ON DATABASE %I FROM regress_en_owner', current_database()) \gexec
DROP ROLE regress_en_owner;
DROP ROLE regress_en_other;
