/*
 * sql/expert_network--0.4.0--0.7.0.sql — written by tools/direct-updates; do not edit.
 *
 * The direct update from 0.4.0 to 0.7.0: the guard of
 * expert_network--0.6.0--0.7.0.sql, the released update scripts from
 * 0.4.0 to 0.6.0, then the rest of expert_network--0.6.0--0.7.0.sql.
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
