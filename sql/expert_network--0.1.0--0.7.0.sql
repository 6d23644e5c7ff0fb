/*
 * sql/expert_network--0.1.0--0.7.0.sql — written by tools/direct-updates; do not edit.
 *
 * The direct update from 0.1.0 to 0.7.0: the guard of
 * expert_network--0.6.0--0.7.0.sql, the released update scripts from
 * 0.1.0 to 0.6.0, then the rest of expert_network--0.6.0--0.7.0.sql.
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION expert_network UPDATE TO '0.7.0'" to load this file. \quit

-- BEGIN guard (also the start of every direct update to 0.7.0)
-- Before anything runs: the names below must lead to the extension's own
-- schema, and no other role's code may be attached to the extension, for
-- this script writes the tables as a superuser.  Before 0.7.0 the role that
-- installed the extension could put triggers and foreign keys on its tables
-- and objects in its schema; an update refuses to run while any is there.
DO $$
DECLARE
    ext pg_catalog.oid;
    nsp pg_catalog.oid;
    found pg_catalog.text;
BEGIN
    SELECT e.oid, e.extnamespace INTO ext, nsp FROM pg_catalog.pg_extension AS e
     WHERE e.extname OPERATOR(pg_catalog.=) 'expert_network';
    IF nsp IS DISTINCT FROM pg_catalog.to_regnamespace('expert_network')::pg_catalog.oid THEN
        RAISE EXCEPTION 'the schema of extension expert_network is not named expert_network'
            USING ERRCODE = '55000',
                  HINT = 'Rename it back to expert_network, then update the extension.';
    END IF;

    SELECT pg_catalog.string_agg(x.what, '; ' ORDER BY x.what) INTO found FROM (
        -- triggers on its tables that run a function not its own
        SELECT pg_catalog.format('trigger %I on %s', t.tgname, c.relname) AS what
          FROM pg_catalog.pg_trigger AS t
          JOIN pg_catalog.pg_class AS c ON c.oid OPERATOR(pg_catalog.=) t.tgrelid
         WHERE c.relnamespace OPERATOR(pg_catalog.=) nsp AND NOT t.tgisinternal
           AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend AS d
                            WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
                              AND d.objid OPERATOR(pg_catalog.=) t.tgfoid
                              AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
                              AND d.refobjid OPERATOR(pg_catalog.=) ext
                              AND d.deptype OPERATOR(pg_catalog.=) 'e')
        UNION ALL
        -- foreign keys of other tables on its tables
        SELECT pg_catalog.format('foreign key %I of %s', k.conname, k.conrelid::pg_catalog.regclass)
          FROM pg_catalog.pg_constraint AS k
          JOIN pg_catalog.pg_class AS c ON c.oid OPERATOR(pg_catalog.=) k.confrelid
          JOIN pg_catalog.pg_class AS r ON r.oid OPERATOR(pg_catalog.=) k.conrelid
         WHERE k.contype OPERATOR(pg_catalog.=) 'f'
           AND c.relnamespace OPERATOR(pg_catalog.=) nsp
           AND r.relnamespace OPERATOR(pg_catalog.<>) nsp
        UNION ALL
        -- objects in its schema that a role other than a superuser owns
        SELECT pg_catalog.format('%s, owned by %s', pg_catalog.pg_describe_object(o.classid, o.objid, 0),
                                 a.rolname)
          FROM (SELECT 'pg_catalog.pg_class'::pg_catalog.regclass, c.oid, c.relowner
                  FROM pg_catalog.pg_class AS c WHERE c.relnamespace OPERATOR(pg_catalog.=) nsp
                UNION ALL
                SELECT 'pg_catalog.pg_proc'::pg_catalog.regclass, p.oid, p.proowner
                  FROM pg_catalog.pg_proc AS p WHERE p.pronamespace OPERATOR(pg_catalog.=) nsp
                UNION ALL
                SELECT 'pg_catalog.pg_type'::pg_catalog.regclass, t.oid, t.typowner
                  FROM pg_catalog.pg_type AS t WHERE t.typnamespace OPERATOR(pg_catalog.=) nsp
                UNION ALL
                SELECT 'pg_catalog.pg_operator'::pg_catalog.regclass, o.oid, o.oprowner
                  FROM pg_catalog.pg_operator AS o WHERE o.oprnamespace OPERATOR(pg_catalog.=) nsp
               ) AS o (classid, objid, owner)
          JOIN pg_catalog.pg_authid AS a ON a.oid OPERATOR(pg_catalog.=) o.owner
         WHERE NOT a.rolsuper
    ) AS x;
    IF found IS NOT NULL THEN
        RAISE EXCEPTION 'expert_network cannot be updated while other roles'' objects are attached to it'
            USING ERRCODE = '42501',
                  DETAIL = found || '.',
                  HINT = 'A superuser should review and drop them, then update again.  Versions before 0.7.0 let the role that installed the extension create them; their code would run as a superuser during the update.';
    END IF;
END
$$;
-- END guard

/* ---- expert_network--0.1.0--0.2.0.sql, as released ---- */
/*
 * sql/expert_network--0.1.0--0.2.0.sql — per-user scoping.
 *
 * The identity setting expert_network.user_id and current_user_id(); an
 * owner key user_id on every table that reached its user only through a
 * parent, filled in here from the parents; forced row-level security with
 * one policy per table; the owner-key and identity triggers; access levels
 * and erasure.  updated_at is left as it was: filling in user_id is not an
 * update of the rows.
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION

CREATE FUNCTION expert_network.current_user_id()
RETURNS text
LANGUAGE c STABLE PARALLEL SAFE
AS 'MODULE_PATHNAME', 'expert_network_current_user_id';

COMMENT ON FUNCTION expert_network.current_user_id() IS
'The application user whose rows this session sees and writes: the setting expert_network.user_id, or NULL when it is unset or empty';

-- the owners of the top-level rows default to the identity
ALTER TABLE expert_network.projects ALTER COLUMN user_id SET DEFAULT expert_network.current_user_id();
ALTER TABLE expert_network.campaigns ALTER COLUMN user_id SET DEFAULT expert_network.current_user_id();
ALTER TABLE expert_network.team_members ALTER COLUMN user_id SET DEFAULT expert_network.current_user_id();
ALTER TABLE expert_network.chat_sessions ALTER COLUMN user_id SET DEFAULT expert_network.current_user_id();
ALTER TABLE expert_network.user_ui_preferences ALTER COLUMN user_id SET DEFAULT expert_network.current_user_id();

-- every other row gets its parent's owner

ALTER TABLE expert_network.campaign_team_assignments ADD COLUMN user_id text;
UPDATE expert_network.campaign_team_assignments AS r SET user_id = p.user_id
    FROM expert_network.campaigns AS p WHERE p.id OPERATOR(pg_catalog.=) r.campaign_id;
ALTER TABLE expert_network.campaign_team_assignments
    ALTER COLUMN user_id SET DEFAULT expert_network.current_user_id(),
    ALTER COLUMN user_id SET NOT NULL;
COMMENT ON COLUMN expert_network.campaign_team_assignments.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';

ALTER TABLE expert_network.screening_questions ADD COLUMN user_id text;
ALTER TABLE expert_network.screening_questions DISABLE TRIGGER set_updated_at;
UPDATE expert_network.screening_questions AS r SET user_id = p.user_id
    FROM expert_network.campaigns AS p WHERE p.id OPERATOR(pg_catalog.=) r.campaign_id;
ALTER TABLE expert_network.screening_questions ENABLE TRIGGER set_updated_at;
ALTER TABLE expert_network.screening_questions
    ALTER COLUMN user_id SET DEFAULT expert_network.current_user_id(),
    ALTER COLUMN user_id SET NOT NULL;
COMMENT ON COLUMN expert_network.screening_questions.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';

ALTER TABLE expert_network.campaign_vendor_enrollments ADD COLUMN user_id text;
ALTER TABLE expert_network.campaign_vendor_enrollments DISABLE TRIGGER set_updated_at;
UPDATE expert_network.campaign_vendor_enrollments AS r SET user_id = p.user_id
    FROM expert_network.campaigns AS p WHERE p.id OPERATOR(pg_catalog.=) r.campaign_id;
ALTER TABLE expert_network.campaign_vendor_enrollments ENABLE TRIGGER set_updated_at;
ALTER TABLE expert_network.campaign_vendor_enrollments
    ALTER COLUMN user_id SET DEFAULT expert_network.current_user_id(),
    ALTER COLUMN user_id SET NOT NULL;
COMMENT ON COLUMN expert_network.campaign_vendor_enrollments.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';

ALTER TABLE expert_network.experts ADD COLUMN user_id text;
ALTER TABLE expert_network.experts DISABLE TRIGGER set_updated_at;
UPDATE expert_network.experts AS r SET user_id = p.user_id
    FROM expert_network.campaigns AS p WHERE p.id OPERATOR(pg_catalog.=) r.campaign_id;
ALTER TABLE expert_network.experts ENABLE TRIGGER set_updated_at;
ALTER TABLE expert_network.experts
    ALTER COLUMN user_id SET DEFAULT expert_network.current_user_id(),
    ALTER COLUMN user_id SET NOT NULL;
COMMENT ON COLUMN expert_network.experts.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';

ALTER TABLE expert_network.interviews ADD COLUMN user_id text;
ALTER TABLE expert_network.interviews DISABLE TRIGGER set_updated_at;
UPDATE expert_network.interviews AS r SET user_id = p.user_id
    FROM expert_network.campaigns AS p WHERE p.id OPERATOR(pg_catalog.=) r.campaign_id;
ALTER TABLE expert_network.interviews ENABLE TRIGGER set_updated_at;
ALTER TABLE expert_network.interviews
    ALTER COLUMN user_id SET DEFAULT expert_network.current_user_id(),
    ALTER COLUMN user_id SET NOT NULL;
COMMENT ON COLUMN expert_network.interviews.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';

ALTER TABLE expert_network.campaign_costs ADD COLUMN user_id text;
ALTER TABLE expert_network.campaign_costs DISABLE TRIGGER set_updated_at;
UPDATE expert_network.campaign_costs AS r SET user_id = p.user_id
    FROM expert_network.campaigns AS p WHERE p.id OPERATOR(pg_catalog.=) r.campaign_id;
ALTER TABLE expert_network.campaign_costs ENABLE TRIGGER set_updated_at;
ALTER TABLE expert_network.campaign_costs
    ALTER COLUMN user_id SET DEFAULT expert_network.current_user_id(),
    ALTER COLUMN user_id SET NOT NULL;
COMMENT ON COLUMN expert_network.campaign_costs.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';

ALTER TABLE expert_network.expert_screening_responses ADD COLUMN user_id text;
UPDATE expert_network.expert_screening_responses AS r SET user_id = p.user_id
    FROM expert_network.experts AS p WHERE p.id OPERATOR(pg_catalog.=) r.expert_id;
ALTER TABLE expert_network.expert_screening_responses
    ALTER COLUMN user_id SET DEFAULT expert_network.current_user_id(),
    ALTER COLUMN user_id SET NOT NULL;
COMMENT ON COLUMN expert_network.expert_screening_responses.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';

ALTER TABLE expert_network.interview_team_assignments ADD COLUMN user_id text;
UPDATE expert_network.interview_team_assignments AS r SET user_id = p.user_id
    FROM expert_network.interviews AS p WHERE p.id OPERATOR(pg_catalog.=) r.interview_id;
ALTER TABLE expert_network.interview_team_assignments
    ALTER COLUMN user_id SET DEFAULT expert_network.current_user_id(),
    ALTER COLUMN user_id SET NOT NULL;
COMMENT ON COLUMN expert_network.interview_team_assignments.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';

ALTER TABLE expert_network.completed_interviews ADD COLUMN user_id text;
UPDATE expert_network.completed_interviews AS r SET user_id = p.user_id
    FROM expert_network.interviews AS p WHERE p.id OPERATOR(pg_catalog.=) r.interview_id;
ALTER TABLE expert_network.completed_interviews
    ALTER COLUMN user_id SET DEFAULT expert_network.current_user_id(),
    ALTER COLUMN user_id SET NOT NULL;
COMMENT ON COLUMN expert_network.completed_interviews.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';

ALTER TABLE expert_network.chat_messages ADD COLUMN user_id text;
UPDATE expert_network.chat_messages AS r SET user_id = p.user_id
    FROM expert_network.chat_sessions AS p WHERE p.id OPERATOR(pg_catalog.=) r.chat_session_id;
ALTER TABLE expert_network.chat_messages
    ALTER COLUMN user_id SET DEFAULT expert_network.current_user_id(),
    ALTER COLUMN user_id SET NOT NULL;
COMMENT ON COLUMN expert_network.chat_messages.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';

ALTER TABLE expert_network.research_activities ADD COLUMN user_id text;
UPDATE expert_network.research_activities AS r SET user_id = p.user_id
    FROM expert_network.chat_sessions AS p WHERE p.id OPERATOR(pg_catalog.=) r.chat_session_id;
ALTER TABLE expert_network.research_activities
    ALTER COLUMN user_id SET DEFAULT expert_network.current_user_id(),
    ALTER COLUMN user_id SET NOT NULL;
COMMENT ON COLUMN expert_network.research_activities.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';

ALTER TABLE expert_network.research_sources ADD COLUMN user_id text;
UPDATE expert_network.research_sources AS r SET user_id = p.user_id
    FROM expert_network.chat_sessions AS p WHERE p.id OPERATOR(pg_catalog.=) r.chat_session_id;
ALTER TABLE expert_network.research_sources
    ALTER COLUMN user_id SET DEFAULT expert_network.current_user_id(),
    ALTER COLUMN user_id SET NOT NULL;
COMMENT ON COLUMN expert_network.research_sources.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';

ALTER TABLE expert_network.answer_sections ADD COLUMN user_id text;
UPDATE expert_network.answer_sections AS r SET user_id = p.user_id
    FROM expert_network.chat_sessions AS p WHERE p.id OPERATOR(pg_catalog.=) r.chat_session_id;
ALTER TABLE expert_network.answer_sections
    ALTER COLUMN user_id SET DEFAULT expert_network.current_user_id(),
    ALTER COLUMN user_id SET NOT NULL;
COMMENT ON COLUMN expert_network.answer_sections.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';

/* ------------------------------------------------------------------------
 * Scoping (0.2.0): every row belongs to one application user.
 *
 * Each table holding users' rows has user_id, one index leading with it, and
 * one policy comparing it with current_user_id(), evaluated once per
 * statement (the sub-select is an InitPlan).  Row-level security is forced,
 * so it holds for the tables' owner too; superusers and BYPASSRLS roles
 * bypass it, which is what restoring a dump needs.
 *
 * Two C triggers on each such table, named to fire before every other BEFORE
 * trigger: enforce_owner settles user_id and refuses references to another
 * user's rows (42501); require_identity makes a write without an identity an
 * error rather than a silent no-op.
 * ------------------------------------------------------------------------ */

CREATE FUNCTION expert_network.require_identity()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_require_identity';

COMMENT ON FUNCTION expert_network.require_identity() IS
'BEFORE statement trigger: a write needs expert_network.user_id set, unless the role bypasses row-level security';

CREATE FUNCTION expert_network.enforce_owner()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_enforce_owner';

COMMENT ON FUNCTION expert_network.enforce_owner() IS
'BEFORE INSERT OR UPDATE row trigger: fills user_id from the identity or the parent rows, refuses references to another user''s rows';

CREATE INDEX idx_campaign_team_assignments_user ON expert_network.campaign_team_assignments (user_id);
CREATE INDEX idx_screening_questions_user ON expert_network.screening_questions (user_id);
CREATE INDEX idx_campaign_vendor_enrollments_user ON expert_network.campaign_vendor_enrollments (user_id);
CREATE INDEX idx_experts_user ON expert_network.experts (user_id);
CREATE INDEX idx_expert_screening_responses_user ON expert_network.expert_screening_responses (user_id);
CREATE INDEX idx_interviews_user ON expert_network.interviews (user_id);
CREATE INDEX idx_interview_team_assignments_user ON expert_network.interview_team_assignments (user_id);
CREATE INDEX idx_completed_interviews_user ON expert_network.completed_interviews (user_id);
CREATE INDEX idx_chat_messages_user ON expert_network.chat_messages (user_id);
CREATE INDEX idx_research_activities_user ON expert_network.research_activities (user_id);
CREATE INDEX idx_research_sources_user ON expert_network.research_sources (user_id);
CREATE INDEX idx_answer_sections_user ON expert_network.answer_sections (user_id);
CREATE INDEX idx_campaign_costs_user ON expert_network.campaign_costs (user_id);

ALTER TABLE expert_network.projects ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.projects
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.projects
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.projects
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();

ALTER TABLE expert_network.campaigns ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.campaigns
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.campaigns
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.campaigns
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();

ALTER TABLE expert_network.team_members ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.team_members
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.team_members
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.team_members
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();

ALTER TABLE expert_network.campaign_team_assignments ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.campaign_team_assignments
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.campaign_team_assignments
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.campaign_team_assignments
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();

ALTER TABLE expert_network.screening_questions ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.screening_questions
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.screening_questions
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.screening_questions
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();

ALTER TABLE expert_network.campaign_vendor_enrollments ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.campaign_vendor_enrollments
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.campaign_vendor_enrollments
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.campaign_vendor_enrollments
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();

ALTER TABLE expert_network.experts ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.experts
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.experts
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.experts
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();

ALTER TABLE expert_network.expert_screening_responses ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.expert_screening_responses
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.expert_screening_responses
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.expert_screening_responses
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();

ALTER TABLE expert_network.interviews ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.interviews
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.interviews
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.interviews
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();

ALTER TABLE expert_network.interview_team_assignments ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.interview_team_assignments
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.interview_team_assignments
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.interview_team_assignments
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();

ALTER TABLE expert_network.completed_interviews ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.completed_interviews
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.completed_interviews
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.completed_interviews
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();

ALTER TABLE expert_network.chat_sessions ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.chat_sessions
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.chat_sessions
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.chat_sessions
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();

ALTER TABLE expert_network.chat_messages ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.chat_messages
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.chat_messages
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.chat_messages
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();

ALTER TABLE expert_network.research_activities ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.research_activities
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.research_activities
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.research_activities
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();

ALTER TABLE expert_network.research_sources ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.research_sources
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.research_sources
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.research_sources
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();

ALTER TABLE expert_network.answer_sections ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.answer_sections
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.answer_sections
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.answer_sections
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();

ALTER TABLE expert_network.user_ui_preferences ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.user_ui_preferences
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.user_ui_preferences
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.user_ui_preferences
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();

ALTER TABLE expert_network.campaign_costs ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.campaign_costs
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.campaign_costs
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.campaign_costs
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();

/* ------------------------------------------------------------------------
 * Access levels and erasure (0.2.0)
 * ------------------------------------------------------------------------ */

CREATE FUNCTION expert_network.grant_access(role regrole, level text DEFAULT 'app')
RETURNS void
LANGUAGE c STRICT
AS 'MODULE_PATHNAME', 'expert_network_grant_access';

COMMENT ON FUNCTION expert_network.grant_access(regrole, text) IS
'Gives a role exactly the privileges of an access level: readonly (read own rows), app (read and write own rows), admin (also the vendor catalog and delete_user_data)';

CREATE FUNCTION expert_network.revoke_access(role regrole)
RETURNS void
LANGUAGE c STRICT
AS 'MODULE_PATHNAME', 'expert_network_revoke_access';

COMMENT ON FUNCTION expert_network.revoke_access(regrole) IS
'Takes every privilege on the extension''s objects away from a role';

CREATE FUNCTION expert_network.delete_user_data(user_id text)
RETURNS TABLE (table_name text, deleted bigint)
LANGUAGE c STRICT SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS 'MODULE_PATHNAME', 'expert_network_delete_user_data';

COMMENT ON FUNCTION expert_network.delete_user_data(text) IS
'Deletes every row of one application user, in every table, in one transaction; returns the rows deleted per table. For admin roles';

/* ------------------------------------------------------------------------
 * Privileges of the new functions
 * ------------------------------------------------------------------------ */

REVOKE ALL ON FUNCTION expert_network.current_user_id() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.require_identity() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.enforce_owner() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.grant_access(regrole, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.revoke_access(regrole) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.delete_user_data(text) FROM PUBLIC;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA expert_network TO @extowner@ WITH GRANT OPTION;

/* ---- expert_network--0.2.0--0.3.0.sql, as released ---- */
/*
 * sql/expert_network--0.2.0--0.3.0.sql — call counters and chat recency.
 *
 * Recounts every campaign's calls from its interviews (without touching
 * updated_at: counting is not an edit), then installs the triggers that keep
 * them exact, the protection of the counters, chat recency, and
 * verify_counters() / repair_counters().
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION

-- writers of interviews in flight finish first, and none start until the
-- counting triggers exist: the recount below sees every interview
LOCK TABLE expert_network.interviews IN SHARE ROW EXCLUSIVE MODE;

ALTER TABLE expert_network.campaigns DISABLE TRIGGER set_updated_at;
UPDATE expert_network.campaigns AS c
   SET scheduled_calls = a.scheduled, completed_calls = a.completed
  FROM (SELECT p.id,
               pg_catalog.count(i.id) FILTER (WHERE i.status OPERATOR(pg_catalog.=) ANY (ARRAY['pending', 'scheduled', 'confirmed']::pg_catalog.text[])) AS scheduled,
               pg_catalog.count(i.id) FILTER (WHERE i.status OPERATOR(pg_catalog.=) 'completed') AS completed
          FROM expert_network.campaigns AS p
          LEFT JOIN expert_network.interviews AS i ON i.campaign_id OPERATOR(pg_catalog.=) p.id
         GROUP BY p.id) AS a
 WHERE c.id OPERATOR(pg_catalog.=) a.id
   AND (c.scheduled_calls OPERATOR(pg_catalog.<>) a.scheduled
        OR c.completed_calls OPERATOR(pg_catalog.<>) a.completed);
ALTER TABLE expert_network.campaigns ENABLE TRIGGER set_updated_at;

COMMENT ON COLUMN expert_network.campaigns.completed_calls IS 'Number of interviews completed (kept by the extension)';
COMMENT ON COLUMN expert_network.campaigns.scheduled_calls IS 'Number of interviews scheduled but not yet completed: pending, scheduled or confirmed (kept by the extension)';

CREATE FUNCTION expert_network.count_calls()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_count_calls';

COMMENT ON FUNCTION expert_network.count_calls() IS
'AFTER statement trigger on interviews: applies the statement''s net change of each campaign''s call counters (TRUNCATE: resets them)';

CREATE FUNCTION expert_network.protect_call_counters()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_protect_call_counters';

COMMENT ON FUNCTION expert_network.protect_call_counters() IS
'BEFORE row trigger on campaigns: the call counters start at zero and change only with the interviews';

CREATE FUNCTION expert_network.touch_chat_sessions()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_touch_chat_sessions';

COMMENT ON FUNCTION expert_network.touch_chat_sessions() IS
'AFTER INSERT statement trigger on chat_messages: moves each session''s updated_at up to its latest message';

CREATE FUNCTION expert_network.verify_counters()
RETURNS TABLE (campaign_id uuid, counter text, stored integer, actual integer)
LANGUAGE c STABLE
AS 'MODULE_PATHNAME', 'expert_network_verify_counters';

COMMENT ON FUNCTION expert_network.verify_counters() IS
'One row per call counter that differs from the interviews, of the campaigns the caller sees; no rows when all are exact';

CREATE FUNCTION expert_network.repair_counters()
RETURNS integer
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_repair_counters';

COMMENT ON FUNCTION expert_network.repair_counters() IS
'Sets every drifted call counter of the campaigns the caller sees to the actual count; returns how many counters it fixed';

CREATE TRIGGER count_calls_insert AFTER INSERT ON expert_network.interviews
    REFERENCING NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.count_calls();
CREATE TRIGGER count_calls_update AFTER UPDATE ON expert_network.interviews
    REFERENCING OLD TABLE AS en_old NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.count_calls();
CREATE TRIGGER count_calls_delete AFTER DELETE ON expert_network.interviews
    REFERENCING OLD TABLE AS en_old
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.count_calls();
CREATE TRIGGER count_calls_truncate AFTER TRUNCATE ON expert_network.interviews
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.count_calls();
CREATE TRIGGER protect_call_counters BEFORE INSERT OR UPDATE ON expert_network.campaigns
    FOR EACH ROW EXECUTE FUNCTION expert_network.protect_call_counters();
CREATE TRIGGER touch_chat_sessions AFTER INSERT ON expert_network.chat_messages
    REFERENCING NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.touch_chat_sessions();

REVOKE ALL ON FUNCTION expert_network.count_calls() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.protect_call_counters() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.touch_chat_sessions() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.verify_counters() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.repair_counters() FROM PUBLIC;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA expert_network TO @extowner@ WITH GRANT OPTION;

/* ---- expert_network--0.3.0--0.4.0.sql, as released ---- */
/*
 * sql/expert_network--0.3.0--0.4.0.sql — workflow state machines with history.
 *
 * Creates status_history and seeds it with every existing row's current
 * status, then the workflow triggers (transitions, stamps, cross-entity
 * rules, lifecycle), the graphs as data and the interview API.  Existing
 * rows are not re-checked: INSERT-time rules apply to new rows.
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION

CREATE TABLE expert_network.status_history (
    id          uuid        NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
    user_id     text        NOT NULL DEFAULT expert_network.current_user_id(),
    entity      text        NOT NULL,
    row_id      uuid        NOT NULL,
    from_status text,
    to_status   text        NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    CONSTRAINT status_history_pkey PRIMARY KEY (id),
    CONSTRAINT status_history_entity_check
        CHECK (entity OPERATOR(pg_catalog.=) ANY (ARRAY['campaign', 'expert', 'interview', 'enrollment', 'research_activity', 'research_source']::text[]))
);

COMMENT ON TABLE expert_network.status_history IS 'Every status change of campaigns, experts, interviews, enrollments and research, and each row''s initial status; written by the extension';
COMMENT ON COLUMN expert_network.status_history.user_id IS 'Owner: that of the row whose status changed';
COMMENT ON COLUMN expert_network.status_history.entity IS 'campaign, expert, interview, enrollment, research_activity or research_source';
COMMENT ON COLUMN expert_network.status_history.row_id IS 'id of the row whose status changed';
COMMENT ON COLUMN expert_network.status_history.from_status IS 'NULL for the status a row was inserted with';
COMMENT ON COLUMN expert_network.status_history.changed_at IS 'When (clock time, so that changes within one transaction keep their order)';

CREATE INDEX idx_status_history_user ON expert_network.status_history (user_id);
CREATE INDEX idx_status_history_row ON expert_network.status_history (row_id, changed_at);

ALTER TABLE expert_network.status_history ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.status_history
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));


-- status writers in flight finish first, and none start until the history
-- triggers exist: the seed below sees every row's current status
LOCK TABLE expert_network.campaigns, expert_network.experts, expert_network.interviews,
           expert_network.campaign_vendor_enrollments, expert_network.research_activities,
           expert_network.research_sources IN SHARE ROW EXCLUSIVE MODE;

-- every existing row's current status becomes its first history row
INSERT INTO expert_network.status_history (user_id, entity, row_id, from_status, to_status, changed_at)
SELECT user_id, 'campaign', id, NULL, status, updated_at FROM expert_network.campaigns
UNION ALL SELECT user_id, 'expert', id, NULL, status, updated_at FROM expert_network.experts
UNION ALL SELECT user_id, 'interview', id, NULL, status, updated_at FROM expert_network.interviews
UNION ALL SELECT user_id, 'enrollment', id, NULL, status, updated_at FROM expert_network.campaign_vendor_enrollments
UNION ALL SELECT user_id, 'research_activity', id, NULL, status, COALESCE(completed_at, created_at) FROM expert_network.research_activities
UNION ALL SELECT user_id, 'research_source', id, NULL, status, created_at FROM expert_network.research_sources;

CREATE FUNCTION expert_network.check_transition()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_check_transition';

COMMENT ON FUNCTION expert_network.check_transition() IS
'BEFORE row trigger: a status moves only along its workflow graph, with the step''s stamps; experts and interviews obey the cross-entity rules';

CREATE FUNCTION expert_network.record_transitions()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_record_transitions';

COMMENT ON FUNCTION expert_network.record_transitions() IS
'AFTER statement trigger: records initial and changed statuses in status_history, one INSERT per statement';

CREATE FUNCTION expert_network.interview_lifecycle()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_interview_lifecycle';

COMMENT ON FUNCTION expert_network.interview_lifecycle() IS
'AFTER statement trigger on interviews: completed interviews get their record; new, completed and cancelled interviews move their experts';

CREATE TRIGGER check_transition BEFORE INSERT OR UPDATE ON expert_network.campaigns
    FOR EACH ROW EXECUTE FUNCTION expert_network.check_transition();
CREATE TRIGGER history_insert AFTER INSERT ON expert_network.campaigns
    REFERENCING NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.record_transitions();
CREATE TRIGGER history_update AFTER UPDATE ON expert_network.campaigns
    REFERENCING OLD TABLE AS en_old NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.record_transitions();
CREATE TRIGGER check_transition BEFORE INSERT OR UPDATE ON expert_network.experts
    FOR EACH ROW EXECUTE FUNCTION expert_network.check_transition();
CREATE TRIGGER history_insert AFTER INSERT ON expert_network.experts
    REFERENCING NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.record_transitions();
CREATE TRIGGER history_update AFTER UPDATE ON expert_network.experts
    REFERENCING OLD TABLE AS en_old NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.record_transitions();
CREATE TRIGGER check_transition BEFORE INSERT OR UPDATE ON expert_network.interviews
    FOR EACH ROW EXECUTE FUNCTION expert_network.check_transition();
CREATE TRIGGER history_insert AFTER INSERT ON expert_network.interviews
    REFERENCING NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.record_transitions();
CREATE TRIGGER history_update AFTER UPDATE ON expert_network.interviews
    REFERENCING OLD TABLE AS en_old NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.record_transitions();
CREATE TRIGGER check_transition BEFORE INSERT OR UPDATE ON expert_network.campaign_vendor_enrollments
    FOR EACH ROW EXECUTE FUNCTION expert_network.check_transition();
CREATE TRIGGER history_insert AFTER INSERT ON expert_network.campaign_vendor_enrollments
    REFERENCING NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.record_transitions();
CREATE TRIGGER history_update AFTER UPDATE ON expert_network.campaign_vendor_enrollments
    REFERENCING OLD TABLE AS en_old NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.record_transitions();
CREATE TRIGGER check_transition BEFORE INSERT OR UPDATE ON expert_network.research_activities
    FOR EACH ROW EXECUTE FUNCTION expert_network.check_transition();
CREATE TRIGGER history_insert AFTER INSERT ON expert_network.research_activities
    REFERENCING NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.record_transitions();
CREATE TRIGGER history_update AFTER UPDATE ON expert_network.research_activities
    REFERENCING OLD TABLE AS en_old NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.record_transitions();
CREATE TRIGGER check_transition BEFORE INSERT OR UPDATE ON expert_network.research_sources
    FOR EACH ROW EXECUTE FUNCTION expert_network.check_transition();
CREATE TRIGGER history_insert AFTER INSERT ON expert_network.research_sources
    REFERENCING NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.record_transitions();
CREATE TRIGGER history_update AFTER UPDATE ON expert_network.research_sources
    REFERENCING OLD TABLE AS en_old NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.record_transitions();
CREATE TRIGGER interview_lifecycle_insert AFTER INSERT ON expert_network.interviews
    REFERENCING NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.interview_lifecycle();
CREATE TRIGGER interview_lifecycle_update AFTER UPDATE ON expert_network.interviews
    REFERENCING OLD TABLE AS en_old NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.interview_lifecycle();

CREATE FUNCTION expert_network.allowed_transitions(entity text, from_status text)
RETURNS SETOF text
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'expert_network_allowed_transitions';

COMMENT ON FUNCTION expert_network.allowed_transitions(text, text) IS
'The statuses one step away from from_status in the workflow of entity (campaign, expert, interview, enrollment, research_activity, research_source); none from a final status';

CREATE FUNCTION expert_network.transition_graph()
RETURNS TABLE (entity text, from_status text, to_status text)
LANGUAGE c IMMUTABLE PARALLEL SAFE
AS 'MODULE_PATHNAME', 'expert_network_transition_graph';

COMMENT ON FUNCTION expert_network.transition_graph() IS
'Every edge of every workflow graph';

CREATE VIEW expert_network.workflow_transitions AS
    SELECT g.entity, g.from_status, g.to_status FROM expert_network.transition_graph() AS g;

COMMENT ON VIEW expert_network.workflow_transitions IS
'The workflow graphs as data: a UI renders the next-step buttons from it';

CREATE FUNCTION expert_network.schedule_interview(expert_id uuid, scheduled_date date, scheduled_time time,
                                                  duration_minutes integer DEFAULT 60, timezone text DEFAULT 'UTC')
RETURNS uuid
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_schedule_interview';

COMMENT ON FUNCTION expert_network.schedule_interview(uuid, date, time, integer, text) IS
'Schedules an interview with an expert (the campaign is the expert''s) and returns its id; an unknown time zone fails with 22023';

CREATE FUNCTION expert_network.complete_interview(interview_id uuid, notes text DEFAULT NULL,
                                                  transcript_url text DEFAULT NULL, recording_url text DEFAULT NULL)
RETURNS uuid
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_complete_interview';

COMMENT ON FUNCTION expert_network.complete_interview(uuid, text, text, text) IS
'Completes a scheduled or confirmed interview and returns its completed_interviews id, with the notes and links given';

CREATE FUNCTION expert_network.cancel_interview(interview_id uuid)
RETURNS void
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_cancel_interview';

COMMENT ON FUNCTION expert_network.cancel_interview(uuid) IS
'Cancels a pending, scheduled or confirmed interview';

CREATE FUNCTION expert_network.rate_interview(interview_id uuid, rating numeric, relevance numeric DEFAULT NULL,
                                              expertise numeric DEFAULT NULL, communication numeric DEFAULT NULL,
                                              review text DEFAULT NULL)
RETURNS void
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_rate_interview';

COMMENT ON FUNCTION expert_network.rate_interview(uuid, numeric, numeric, numeric, numeric, text) IS
'Rates a completed interview (0 to 5 each) and sets rated_at; 55000 if the interview is not completed';

SELECT pg_catalog.pg_extension_config_dump('expert_network.status_history', '');

REVOKE ALL ON FUNCTION expert_network.check_transition() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.record_transitions() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.interview_lifecycle() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.allowed_transitions(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.transition_graph() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.schedule_interview(uuid, date, time, integer, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.complete_interview(uuid, text, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.cancel_interview(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.rate_interview(uuid, numeric, numeric, numeric, numeric, text) FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER
    ON expert_network.status_history, expert_network.workflow_transitions TO @extowner@ WITH GRANT OPTION;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA expert_network TO @extowner@ WITH GRANT OPTION;

/* ---- expert_network--0.4.0--0.5.0.sql, as released ---- */
/*
 * sql/expert_network--0.4.0--0.5.0.sql — screeners as trees.
 *
 * The walks question_tree(), question_subtree(), question_ancestors(); the
 * integrity triggers on screening_questions and expert_screening_responses;
 * move_question() and copy_question_tree(); an index on each campaign's
 * top-level questions.  Existing rows are not re-checked: the triggers check
 * writes.  A screener that already breaks the rules (a parent in another
 * campaign, a cycle, written with triggers off) makes the walks stop with
 * data_corrupted (XX001) rather than loop.
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION

-- A campaign's top-level questions: the first level of every outline.
-- question_ancestors() reads them to number the top of a chain,
-- move_question() to renumber the top level, copy_question_tree() to append
-- after the last; without it each of these reads the whole campaign through
-- idx_screening_campaign.  (With display_order as a second column the
-- planner would not use it: it prefers idx_screening_campaign's heap order.)
CREATE INDEX idx_screening_top ON expert_network.screening_questions (campaign_id)
    WHERE parent_question_id IS NULL;

CREATE FUNCTION expert_network.question_tree(campaign_id pg_catalog.uuid)
RETURNS TABLE (id pg_catalog.uuid, parent_question_id pg_catalog.uuid, depth pg_catalog.int4,
               "position" pg_catalog.text, path pg_catalog.uuid[], question_text pg_catalog.text,
               question_type pg_catalog.text, options pg_catalog.jsonb, display_order pg_catalog.int4)
LANGUAGE c STABLE STRICT PARALLEL RESTRICTED ROWS 50
AS 'MODULE_PATHNAME', 'expert_network_question_tree';

COMMENT ON FUNCTION expert_network.question_tree(pg_catalog.uuid) IS
'The campaign''s screening questions as an outline, depth first, siblings by display_order, created_at, id: depth (0 at the top), position (outline number such as 1.2.1) and path (ids from the top-level question down)';

CREATE FUNCTION expert_network.question_subtree(question_id pg_catalog.uuid)
RETURNS TABLE (id pg_catalog.uuid, parent_question_id pg_catalog.uuid, depth pg_catalog.int4,
               "position" pg_catalog.text, path pg_catalog.uuid[], question_text pg_catalog.text,
               question_type pg_catalog.text, options pg_catalog.jsonb, display_order pg_catalog.int4)
LANGUAGE c STABLE STRICT PARALLEL RESTRICTED ROWS 10
AS 'MODULE_PATHNAME', 'expert_network_question_subtree';

COMMENT ON FUNCTION expert_network.question_subtree(pg_catalog.uuid) IS
'The question and the questions below it, in the order, depths and positions of question_tree(); an unknown question is an error (P0002)';

CREATE FUNCTION expert_network.question_ancestors(question_id pg_catalog.uuid)
RETURNS TABLE (id pg_catalog.uuid, parent_question_id pg_catalog.uuid, depth pg_catalog.int4,
               "position" pg_catalog.text, path pg_catalog.uuid[], question_text pg_catalog.text,
               question_type pg_catalog.text, options pg_catalog.jsonb, display_order pg_catalog.int4)
LANGUAGE c STABLE STRICT PARALLEL RESTRICTED ROWS 4
AS 'MODULE_PATHNAME', 'expert_network_question_ancestors';

COMMENT ON FUNCTION expert_network.question_ancestors(pg_catalog.uuid) IS
'The questions above the question, top-level first, then the question itself, with the columns of question_tree(); an unknown question is an error (P0002)';

CREATE FUNCTION expert_network.move_question(question_id pg_catalog.uuid, new_parent_id pg_catalog.uuid,
                                             new_position pg_catalog.int4)
RETURNS pg_catalog.void
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_move_question';

COMMENT ON FUNCTION expert_network.move_question(pg_catalog.uuid, pg_catalog.uuid, pg_catalog.int4) IS
'Moves a question under new_parent_id (NULL: to the top level) at the 1-based new_position among its new siblings (past the end: last); renumbers the old and the new siblings 1..n';

CREATE FUNCTION expert_network.copy_question_tree(from_campaign pg_catalog.uuid, to_campaign pg_catalog.uuid)
RETURNS pg_catalog.int4
LANGUAGE c STRICT
AS 'MODULE_PATHNAME', 'expert_network_copy_question_tree';

COMMENT ON FUNCTION expert_network.copy_question_tree(pg_catalog.uuid, pg_catalog.uuid) IS
'Copies a campaign''s screener (new ids, same shape, texts, types, options and order) under another campaign, after its top-level questions; returns the number of questions copied';

CREATE FUNCTION expert_network.question_integrity()
RETURNS pg_catalog.trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_question_integrity';

COMMENT ON FUNCTION expert_network.question_integrity() IS
'BEFORE INSERT OR UPDATE row trigger on screening_questions: a parent in the same campaign, no question its own ancestor, depth below expert_network.max_question_depth, no change of campaign leaving sub-questions or responses behind (23514)';

CREATE FUNCTION expert_network.response_integrity()
RETURNS pg_catalog.trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_response_integrity';

COMMENT ON FUNCTION expert_network.response_integrity() IS
'BEFORE INSERT OR UPDATE row trigger on expert_screening_responses: the question answered is one of the expert''s campaign (23514)';

-- named to fire after a_enforce_owner: a reference to another user's row is
-- refused as such (42501) before these rules look at it
CREATE TRIGGER question_integrity BEFORE INSERT OR UPDATE ON expert_network.screening_questions
    FOR EACH ROW EXECUTE FUNCTION expert_network.question_integrity();
CREATE TRIGGER response_integrity BEFORE INSERT OR UPDATE ON expert_network.expert_screening_responses
    FOR EACH ROW EXECUTE FUNCTION expert_network.response_integrity();

REVOKE ALL ON FUNCTION expert_network.question_tree(pg_catalog.uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.question_subtree(pg_catalog.uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.question_ancestors(pg_catalog.uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.move_question(pg_catalog.uuid, pg_catalog.uuid, pg_catalog.int4) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.copy_question_tree(pg_catalog.uuid, pg_catalog.uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.question_integrity() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.response_integrity() FROM PUBLIC;

GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA expert_network TO @extowner@ WITH GRANT OPTION;

/* ---- expert_network--0.5.0--0.6.0.sql, as released ---- */
/*
 * sql/expert_network--0.5.0--0.6.0.sql — cheaper status history.
 *
 * New status_history rows take time-ordered ids (uuid_v7()), so that a bulk
 * status change appends to the primary key instead of writing all over it.
 * Existing ids are kept: they stay unique, only their order means nothing.
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION

CREATE FUNCTION expert_network.uuid_v7()
RETURNS pg_catalog.uuid
LANGUAGE c VOLATILE PARALLEL SAFE
AS 'MODULE_PATHNAME', 'expert_network_uuid_v7';

COMMENT ON FUNCTION expert_network.uuid_v7() IS
'A time-ordered UUID (version 7, RFC 9562): Unix time in milliseconds and a sub-millisecond fraction, then 62 random bits; increasing within a session.  The ids of status_history, so that its primary key grows at its right edge';

ALTER TABLE expert_network.status_history
    ALTER COLUMN id SET DEFAULT expert_network.uuid_v7();

COMMENT ON COLUMN expert_network.status_history.id IS 'Time-ordered (uuid_v7()): ids of later changes sort after those of earlier ones made in the same session';

REVOKE ALL ON FUNCTION expert_network.uuid_v7() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION expert_network.uuid_v7() TO @extowner@ WITH GRANT OPTION;

/* ---- expert_network--0.6.0--0.7.0.sql, after its guard ---- */

ALTER SCHEMA expert_network OWNER TO CURRENT_USER;

-- the extension's owner: the use of the schema, with grant option; no role
-- but the tables' owner: TRIGGER, TRUNCATE or REFERENCES (earlier versions
-- gave them to the extension's owner, with grant option, whence they may
-- have gone further: CASCADE)
DO $$
DECLARE
    extowner pg_catalog.oid := (SELECT e.extowner FROM pg_catalog.pg_extension AS e
                                 WHERE e.extname OPERATOR(pg_catalog.=) 'expert_network');
    tables_owner pg_catalog.oid := (SELECT c.relowner FROM pg_catalog.pg_class AS c
                                     WHERE c.oid OPERATOR(pg_catalog.=) 'expert_network.campaigns'::pg_catalog.regclass);
    grantee pg_catalog.oid;
BEGIN
    EXECUTE pg_catalog.format('GRANT USAGE ON SCHEMA expert_network TO %I WITH GRANT OPTION',
                              pg_catalog.pg_get_userbyid(extowner));
    FOR grantee IN
        SELECT DISTINCT a.grantee
          FROM pg_catalog.pg_class AS c, LATERAL pg_catalog.aclexplode(c.relacl) AS a
         WHERE c.relnamespace OPERATOR(pg_catalog.=) 'expert_network'::pg_catalog.regnamespace
           AND a.privilege_type OPERATOR(pg_catalog.=) ANY (ARRAY['TRIGGER', 'TRUNCATE', 'REFERENCES'])
           AND a.grantee OPERATOR(pg_catalog.<>) ALL (ARRAY[0, tables_owner]::pg_catalog.oid[])
         ORDER BY 1
    LOOP
        EXECUTE pg_catalog.format('REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA expert_network FROM %I CASCADE',
                                  pg_catalog.pg_get_userbyid(grantee));
    END LOOP;
    IF extowner OPERATOR(pg_catalog.=) tables_owner THEN
        -- a superuser's install granted them to the owner itself: only the
        -- explicit grant options go, as a fresh install has it
        EXECUTE pg_catalog.format('REVOKE GRANT OPTION FOR TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA expert_network FROM %I CASCADE',
                                  pg_catalog.pg_get_userbyid(extowner));
    END IF;
END
$$;

-- every reference to a user's row names the user too: drop the old keys
ALTER TABLE expert_network.campaigns DROP CONSTRAINT campaigns_project_id_fkey;
ALTER TABLE expert_network.campaign_team_assignments DROP CONSTRAINT campaign_team_assignments_campaign_id_fkey;
ALTER TABLE expert_network.campaign_team_assignments DROP CONSTRAINT campaign_team_assignments_team_member_id_fkey;
ALTER TABLE expert_network.screening_questions DROP CONSTRAINT screening_questions_campaign_id_fkey;
ALTER TABLE expert_network.screening_questions DROP CONSTRAINT screening_questions_parent_question_id_fkey;
ALTER TABLE expert_network.campaign_vendor_enrollments DROP CONSTRAINT campaign_vendor_enrollments_campaign_id_fkey;
ALTER TABLE expert_network.experts DROP CONSTRAINT experts_campaign_id_fkey;
ALTER TABLE expert_network.expert_screening_responses DROP CONSTRAINT expert_screening_responses_expert_id_fkey;
ALTER TABLE expert_network.expert_screening_responses DROP CONSTRAINT expert_screening_responses_screening_question_id_fkey;
ALTER TABLE expert_network.interviews DROP CONSTRAINT interviews_campaign_id_fkey;
ALTER TABLE expert_network.interviews DROP CONSTRAINT interviews_expert_id_fkey;
ALTER TABLE expert_network.interview_team_assignments DROP CONSTRAINT interview_team_assignments_interview_id_fkey;
ALTER TABLE expert_network.interview_team_assignments DROP CONSTRAINT interview_team_assignments_team_member_id_fkey;
ALTER TABLE expert_network.completed_interviews DROP CONSTRAINT completed_interviews_interview_id_fkey;
ALTER TABLE expert_network.completed_interviews DROP CONSTRAINT completed_interviews_campaign_id_fkey;
ALTER TABLE expert_network.completed_interviews DROP CONSTRAINT completed_interviews_expert_id_fkey;
ALTER TABLE expert_network.chat_sessions DROP CONSTRAINT chat_sessions_campaign_id_fkey;
ALTER TABLE expert_network.chat_messages DROP CONSTRAINT chat_messages_chat_session_id_fkey;
ALTER TABLE expert_network.research_activities DROP CONSTRAINT research_activities_chat_session_id_fkey;
ALTER TABLE expert_network.research_sources DROP CONSTRAINT research_sources_chat_session_id_fkey;
ALTER TABLE expert_network.answer_sections DROP CONSTRAINT answer_sections_chat_session_id_fkey;
ALTER TABLE expert_network.campaign_costs DROP CONSTRAINT campaign_costs_campaign_id_fkey;

-- the targets: (id, user_id) is unique wherever id is
ALTER TABLE expert_network.projects ADD CONSTRAINT projects_id_user_id_key UNIQUE (id, user_id);
ALTER TABLE expert_network.campaigns ADD CONSTRAINT campaigns_id_user_id_key UNIQUE (id, user_id);
ALTER TABLE expert_network.team_members ADD CONSTRAINT team_members_id_user_id_key UNIQUE (id, user_id);
ALTER TABLE expert_network.screening_questions ADD CONSTRAINT screening_questions_id_user_id_key UNIQUE (id, user_id);
ALTER TABLE expert_network.experts ADD CONSTRAINT experts_id_user_id_key UNIQUE (id, user_id);
ALTER TABLE expert_network.interviews ADD CONSTRAINT interviews_id_user_id_key UNIQUE (id, user_id);
ALTER TABLE expert_network.chat_sessions ADD CONSTRAINT chat_sessions_id_user_id_key UNIQUE (id, user_id);

-- and the composite keys, checked against the existing rows
ALTER TABLE expert_network.campaigns ADD CONSTRAINT campaigns_project_id_fkey
    FOREIGN KEY (project_id, user_id) REFERENCES expert_network.projects (id, user_id) ON DELETE SET NULL (project_id);
ALTER TABLE expert_network.campaign_team_assignments ADD CONSTRAINT campaign_team_assignments_campaign_id_fkey
    FOREIGN KEY (campaign_id, user_id) REFERENCES expert_network.campaigns (id, user_id) ON DELETE CASCADE;
ALTER TABLE expert_network.campaign_team_assignments ADD CONSTRAINT campaign_team_assignments_team_member_id_fkey
    FOREIGN KEY (team_member_id, user_id) REFERENCES expert_network.team_members (id, user_id) ON DELETE CASCADE;
ALTER TABLE expert_network.screening_questions ADD CONSTRAINT screening_questions_campaign_id_fkey
    FOREIGN KEY (campaign_id, user_id) REFERENCES expert_network.campaigns (id, user_id) ON DELETE CASCADE;
ALTER TABLE expert_network.screening_questions ADD CONSTRAINT screening_questions_parent_question_id_fkey
    FOREIGN KEY (parent_question_id, user_id) REFERENCES expert_network.screening_questions (id, user_id) ON DELETE CASCADE;
ALTER TABLE expert_network.campaign_vendor_enrollments ADD CONSTRAINT campaign_vendor_enrollments_campaign_id_fkey
    FOREIGN KEY (campaign_id, user_id) REFERENCES expert_network.campaigns (id, user_id) ON DELETE CASCADE;
ALTER TABLE expert_network.experts ADD CONSTRAINT experts_campaign_id_fkey
    FOREIGN KEY (campaign_id, user_id) REFERENCES expert_network.campaigns (id, user_id) ON DELETE CASCADE;
ALTER TABLE expert_network.expert_screening_responses ADD CONSTRAINT expert_screening_responses_expert_id_fkey
    FOREIGN KEY (expert_id, user_id) REFERENCES expert_network.experts (id, user_id) ON DELETE CASCADE;
ALTER TABLE expert_network.expert_screening_responses ADD CONSTRAINT expert_screening_responses_screening_question_id_fkey
    FOREIGN KEY (screening_question_id, user_id) REFERENCES expert_network.screening_questions (id, user_id) ON DELETE CASCADE;
ALTER TABLE expert_network.interviews ADD CONSTRAINT interviews_campaign_id_fkey
    FOREIGN KEY (campaign_id, user_id) REFERENCES expert_network.campaigns (id, user_id) ON DELETE CASCADE;
ALTER TABLE expert_network.interviews ADD CONSTRAINT interviews_expert_id_fkey
    FOREIGN KEY (expert_id, user_id) REFERENCES expert_network.experts (id, user_id) ON DELETE CASCADE;
ALTER TABLE expert_network.interview_team_assignments ADD CONSTRAINT interview_team_assignments_interview_id_fkey
    FOREIGN KEY (interview_id, user_id) REFERENCES expert_network.interviews (id, user_id) ON DELETE CASCADE;
ALTER TABLE expert_network.interview_team_assignments ADD CONSTRAINT interview_team_assignments_team_member_id_fkey
    FOREIGN KEY (team_member_id, user_id) REFERENCES expert_network.team_members (id, user_id) ON DELETE CASCADE;
ALTER TABLE expert_network.completed_interviews ADD CONSTRAINT completed_interviews_interview_id_fkey
    FOREIGN KEY (interview_id, user_id) REFERENCES expert_network.interviews (id, user_id) ON DELETE CASCADE;
ALTER TABLE expert_network.completed_interviews ADD CONSTRAINT completed_interviews_campaign_id_fkey
    FOREIGN KEY (campaign_id, user_id) REFERENCES expert_network.campaigns (id, user_id) ON DELETE CASCADE;
ALTER TABLE expert_network.completed_interviews ADD CONSTRAINT completed_interviews_expert_id_fkey
    FOREIGN KEY (expert_id, user_id) REFERENCES expert_network.experts (id, user_id) ON DELETE CASCADE;
ALTER TABLE expert_network.chat_sessions ADD CONSTRAINT chat_sessions_campaign_id_fkey
    FOREIGN KEY (campaign_id, user_id) REFERENCES expert_network.campaigns (id, user_id) ON DELETE SET NULL (campaign_id);
ALTER TABLE expert_network.chat_messages ADD CONSTRAINT chat_messages_chat_session_id_fkey
    FOREIGN KEY (chat_session_id, user_id) REFERENCES expert_network.chat_sessions (id, user_id) ON DELETE CASCADE;
ALTER TABLE expert_network.research_activities ADD CONSTRAINT research_activities_chat_session_id_fkey
    FOREIGN KEY (chat_session_id, user_id) REFERENCES expert_network.chat_sessions (id, user_id) ON DELETE CASCADE;
ALTER TABLE expert_network.research_sources ADD CONSTRAINT research_sources_chat_session_id_fkey
    FOREIGN KEY (chat_session_id, user_id) REFERENCES expert_network.chat_sessions (id, user_id) ON DELETE CASCADE;
ALTER TABLE expert_network.answer_sections ADD CONSTRAINT answer_sections_chat_session_id_fkey
    FOREIGN KEY (chat_session_id, user_id) REFERENCES expert_network.chat_sessions (id, user_id) ON DELETE CASCADE;
ALTER TABLE expert_network.campaign_costs ADD CONSTRAINT campaign_costs_campaign_id_fkey
    FOREIGN KEY (campaign_id, user_id) REFERENCES expert_network.campaigns (id, user_id) ON DELETE CASCADE;

/* ------------------------------------------------------------------------
 * Who may act as an application user
 * ------------------------------------------------------------------------ */

CREATE FUNCTION expert_network.set_user_id(user_id text)
RETURNS text
LANGUAGE c VOLATILE
AS 'MODULE_PATHNAME', 'expert_network_set_user_id';

COMMENT ON FUNCTION expert_network.set_user_id(text) IS
'Sets expert_network.user_id until the end of the transaction (NULL or empty clears it) and returns it.  EXECUTE on this function is the right to set the identity at all: SET and set_config() of expert_network.user_id are checked against it';

DROP FUNCTION expert_network.grant_access(regrole, text);

CREATE FUNCTION expert_network.grant_access(role regrole, level text DEFAULT 'app',
                                            may_set_identity boolean DEFAULT true)
RETURNS void
LANGUAGE c STRICT
AS 'MODULE_PATHNAME', 'expert_network_grant_access';

COMMENT ON FUNCTION expert_network.grant_access(regrole, text, boolean) IS
'Gives a role exactly the privileges of an access level, whoever granted it what it had: readonly (read own rows), app (read and write own rows), admin (also the vendor catalog and delete_user_data); may_set_identity false withholds set_user_id(), the right to act as an application user';

COMMENT ON FUNCTION expert_network.revoke_access(regrole) IS
'Takes every privilege on the extension''s objects away from a role, whoever granted it';

ALTER FUNCTION expert_network.delete_user_data(text) SECURITY INVOKER RESET ALL;

COMMENT ON FUNCTION expert_network.delete_user_data(text) IS
'Deletes every row of one application user, in every table, in one transaction, as the caller acting for that user; returns the rows deleted per table. For admin roles';

/* ------------------------------------------------------------------------
 * The history, written as the caller
 * ------------------------------------------------------------------------ */

CREATE FUNCTION expert_network.protect_history()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_protect_history';

COMMENT ON FUNCTION expert_network.protect_history() IS
'BEFORE statement trigger on status_history: only the extension writes the history (record_transitions inserts, delete_user_data erases); a restore loads it';

CREATE TRIGGER protect_history BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON expert_network.status_history
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.protect_history();

REVOKE ALL ON FUNCTION expert_network.set_user_id(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.protect_history() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.grant_access(regrole, text, boolean) FROM PUBLIC;
DO $$
BEGIN
    EXECUTE pg_catalog.format(
        'GRANT EXECUTE ON FUNCTION expert_network.set_user_id(text), expert_network.protect_history(),'
        ' expert_network.grant_access(regrole, text, boolean) TO %I WITH GRANT OPTION',
        (SELECT pg_catalog.pg_get_userbyid(e.extowner) FROM pg_catalog.pg_extension AS e
          WHERE e.extname OPERATOR(pg_catalog.=) 'expert_network'));
END
$$;

/* ------------------------------------------------------------------------
 * Roles given a level by 0.6.0 keep working: app and admin roles may write
 * the history through the workflow tables, admin roles erase it, and every
 * level may act as an application user, as before.  Granted as ordinary
 * privileges, not the extension's initial ones, so that pg_dump keeps them.
 * ------------------------------------------------------------------------ */

CREATE FUNCTION expert_network.carry_levels_forward() RETURNS void
LANGUAGE c AS 'MODULE_PATHNAME', 'expert_network_carry_levels_forward';
SELECT expert_network.carry_levels_forward();
DROP FUNCTION expert_network.carry_levels_forward();
