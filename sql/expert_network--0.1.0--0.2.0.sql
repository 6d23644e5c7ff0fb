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
\echo Use "ALTER EXTENSION expert_network UPDATE TO '0.2.0'" to load this file. \quit

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
