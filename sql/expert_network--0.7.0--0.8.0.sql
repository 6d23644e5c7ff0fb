/*
 * sql/expert_network--0.7.0--0.8.0.sql — operations: levels that survive
 * updates and restores, administrators' writes under the rules, deletes
 * that drive the interview lifecycle.
 *
 * - access_levels records each role's level (grant_access() writes it,
 *   revoke_access() removes it, pg_dump carries it); apply_access_levels()
 *   gives every recorded role exactly its level's privileges on the current
 *   objects.  This script records the levels roles hold now, and every
 *   update script from here on ends with apply_access_levels().
 * - Deleting a live interview (directly or by cascade) moves a scheduled
 *   expert with no other live interview back to scheduling, as cancelling
 *   it does: a new AFTER DELETE lifecycle trigger.
 * - The completed-interview record stays with its interview: a new trigger,
 *   protect_completed_record, refuses to re-point it or to delete the
 *   record of a still completed interview.
 * - (In the module: a write without an identity by a superuser or a
 *   BYPASSRLS role is a restore only with row_security off, as pg_dump's
 *   output sets it; otherwise every rule holds.  A row's id never changes;
 *   a question cannot become its own ancestor within one statement either;
 *   a column whose type an administrator changed is refused, not misread.)
 *
 * Every name is qualified, operators included.
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION expert_network UPDATE TO '0.8.0'" to load this file. \quit

CREATE TABLE expert_network.access_levels (
    role regrole PRIMARY KEY,
    level text NOT NULL
        CONSTRAINT access_levels_level_check CHECK (level OPERATOR(pg_catalog.=) ANY (ARRAY['readonly', 'app', 'admin']::pg_catalog.text[])),
    may_set_identity boolean NOT NULL DEFAULT true,
    granted_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);

COMMENT ON TABLE expert_network.access_levels IS
'The access level of each role that grant_access() gave one; every update of the extension gives each role here exactly its level''s privileges on the new version';
COMMENT ON COLUMN expert_network.access_levels.role IS 'The role holding the level';
COMMENT ON COLUMN expert_network.access_levels.level IS 'readonly, app or admin';
COMMENT ON COLUMN expert_network.access_levels.may_set_identity IS 'Whether the role may act as an application user (EXECUTE on set_user_id)';
COMMENT ON COLUMN expert_network.access_levels.granted_at IS 'When grant_access() last gave the level';

SELECT pg_catalog.pg_extension_config_dump('expert_network.access_levels', '');

CREATE FUNCTION expert_network.apply_access_levels()
RETURNS TABLE (role regrole, level text)
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_apply_access_levels';

COMMENT ON FUNCTION expert_network.apply_access_levels() IS
'Gives every role in access_levels exactly the privileges of its level on the extension''s current objects; every update script runs it. For the extension''s owner';

REVOKE ALL ON FUNCTION expert_network.apply_access_levels() FROM PUBLIC;


-- deletes drive the lifecycle
COMMENT ON FUNCTION expert_network.interview_lifecycle() IS
'AFTER statement trigger on interviews: completed interviews get their record; new, completed, cancelled and deleted interviews move their experts';

CREATE TRIGGER interview_lifecycle_delete AFTER DELETE ON expert_network.interviews
    REFERENCING OLD TABLE AS en_old
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.interview_lifecycle();

-- the completed-interview record is the extension's: it stays with its
-- interview (0.8.0)
CREATE FUNCTION expert_network.protect_completed_record()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_protect_completed_record';

COMMENT ON FUNCTION expert_network.protect_completed_record() IS
'Trigger on completed_interviews: a record''s interview, campaign and expert never change, and the record of a still completed interview is not deleted (23001); erasure and restores are not held to it';

CREATE TRIGGER protect_completed_record BEFORE UPDATE ON expert_network.completed_interviews
    FOR EACH ROW EXECUTE FUNCTION expert_network.protect_completed_record();
CREATE TRIGGER protect_completed_record_delete AFTER DELETE ON expert_network.completed_interviews
    REFERENCING OLD TABLE AS en_old
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.protect_completed_record();

REVOKE ALL ON FUNCTION expert_network.protect_completed_record() FROM PUBLIC;

-- what a fresh install gives the role that installed it (@extowner@ would
-- name the role running this update, not the extension's owner)
DO $$
DECLARE
    owner pg_catalog.text;
BEGIN
    SELECT pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(e.extowner)) INTO STRICT owner
      FROM pg_catalog.pg_extension AS e WHERE e.extname OPERATOR(pg_catalog.=) 'expert_network';
    EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE expert_network.access_levels TO '
            OPERATOR(pg_catalog.||) owner OPERATOR(pg_catalog.||) ' WITH GRANT OPTION';
    EXECUTE 'GRANT EXECUTE ON FUNCTION expert_network.apply_access_levels(),'
            ' expert_network.protect_completed_record() TO '
            OPERATOR(pg_catalog.||) owner OPERATOR(pg_catalog.||) ' WITH GRANT OPTION';
END
$$;

-- the levels roles hold now, read from what they hold (from any grantor):
-- USAGE on the schema (every level), INSERT on experts (app and admin),
-- EXECUTE on delete_user_data (admin), EXECUTE on set_user_id (the right to
-- act as an application user).  Never PUBLIC or the owners.
INSERT INTO expert_network.access_levels (role, level, may_set_identity)
SELECT h.grantee::pg_catalog.regrole,
       CASE WHEN h.admin THEN 'admin' WHEN h.write THEN 'app' ELSE 'readonly' END,
       h.identity
  FROM (SELECT a.grantee,
               pg_catalog.bool_or(o.kind OPERATOR(pg_catalog.=) 'read') AS read,
               pg_catalog.bool_or(o.kind OPERATOR(pg_catalog.=) 'write') AS write,
               pg_catalog.bool_or(o.kind OPERATOR(pg_catalog.=) 'admin') AS admin,
               pg_catalog.bool_or(o.kind OPERATOR(pg_catalog.=) 'identity') AS identity
          FROM (SELECT 'read', n.nspacl, 'USAGE' FROM pg_catalog.pg_namespace AS n
                 WHERE n.nspname OPERATOR(pg_catalog.=) 'expert_network'
                UNION ALL
                SELECT 'write', c.relacl, 'INSERT' FROM pg_catalog.pg_class AS c
                 WHERE c.oid OPERATOR(pg_catalog.=) 'expert_network.experts'::pg_catalog.regclass
                UNION ALL
                SELECT 'admin', p.proacl, 'EXECUTE' FROM pg_catalog.pg_proc AS p
                 WHERE p.oid OPERATOR(pg_catalog.=) 'expert_network.delete_user_data(pg_catalog.text)'::pg_catalog.regprocedure
                UNION ALL
                SELECT 'identity', p.proacl, 'EXECUTE' FROM pg_catalog.pg_proc AS p
                 WHERE p.oid OPERATOR(pg_catalog.=) 'expert_network.set_user_id(pg_catalog.text)'::pg_catalog.regprocedure
               ) AS o (kind, acl, privilege),
               LATERAL pg_catalog.aclexplode(o.acl) AS a
         WHERE a.privilege_type OPERATOR(pg_catalog.=) o.privilege
         GROUP BY a.grantee) AS h
 WHERE h.read
   AND h.grantee OPERATOR(pg_catalog.<>) 0
   AND h.grantee OPERATOR(pg_catalog.<>) (SELECT e.extowner FROM pg_catalog.pg_extension AS e
                                           WHERE e.extname OPERATOR(pg_catalog.=) 'expert_network')
   AND h.grantee OPERATOR(pg_catalog.<>) (SELECT c.relowner FROM pg_catalog.pg_class AS c
                                           WHERE c.oid OPERATOR(pg_catalog.=) 'expert_network.campaigns'::pg_catalog.regclass);

-- every recorded role gets exactly its level on 0.8.0's objects
SELECT pg_catalog.count(*) FROM expert_network.apply_access_levels();
