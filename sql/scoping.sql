-- scoping: every row belongs to one application user (0.2.0).  Run as roles
-- that are neither superuser nor BYPASSRLS: superusers bypass row-level
-- security and would see everything.
\set VERBOSITY terse

CREATE ROLE regress_en_app;
CREATE ROLE regress_en_ro;
CREATE ROLE regress_en_admin;
SELECT expert_network.grant_access('regress_en_app');
SELECT expert_network.grant_access('regress_en_ro', 'readonly');
SELECT expert_network.grant_access('regress_en_admin', 'admin');
SELECT expert_network.grant_access('regress_en_app', 'superuser');
\echo :LAST_ERROR_SQLSTATE
SELECT expert_network.grant_access(0::regrole);
\echo :LAST_ERROR_SQLSTATE
-- only the extension's owner hands out access
SET ROLE regress_en_admin;
SELECT expert_network.grant_access('regress_en_ro', 'admin');
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;

SET ROLE regress_en_app;

-- no identity: reads see nothing, writes say why they cannot happen
SELECT expert_network.current_user_id() IS NULL AS no_identity;
SELECT count(*) FROM expert_network.vendor_platforms;
INSERT INTO expert_network.projects (project_code, project_name) VALUES ('X', 'Nobody''s');
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.campaigns SET campaign_name = 'x';
\echo :LAST_ERROR_SQLSTATE
DELETE FROM expert_network.experts;
\echo :LAST_ERROR_SQLSTATE
SET expert_network.user_id = '';
SELECT expert_network.current_user_id() IS NULL AS empty_is_no_identity;

-- alice and bob each run a campaign; no insert names an owner
BEGIN;
SELECT set_config('expert_network.user_id', 'alice', true);
INSERT INTO expert_network.projects (id, project_code, project_name)
VALUES ('10000000-0000-4000-8000-00000000000a', 'ATL', 'Atlas');
INSERT INTO expert_network.campaigns (id, project_id, campaign_name, industry_vertical, start_date, target_completion_date)
VALUES ('20000000-0000-4000-8000-00000000000a', '10000000-0000-4000-8000-00000000000a',
        'Automation buyers', 'Industrials', '2026-01-05', '2026-02-27');
INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
VALUES ('20000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-000000000001', 'enrolled');
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, status)
VALUES ('30000000-0000-4000-8000-00000000000a', '20000000-0000-4000-8000-00000000000a',
        '00000000-0000-4000-8000-000000000001', 'Dana Example', 'VP Operations', 'reviewed');
INSERT INTO expert_network.screening_questions (id, campaign_id, question_text)
VALUES ('60000000-0000-4000-8000-00000000000a', '20000000-0000-4000-8000-00000000000a', 'Role in purchasing?');
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
VALUES ('40000000-0000-4000-8000-00000000000a', '20000000-0000-4000-8000-00000000000a',
        '30000000-0000-4000-8000-00000000000a', '2026-01-12', '15:00');
INSERT INTO expert_network.team_members (id, name, designation)
VALUES ('70000000-0000-4000-8000-00000000000a', 'Maya Reyes', 'Engagement Manager');
INSERT INTO expert_network.chat_sessions (id, campaign_id, title)
VALUES ('50000000-0000-4000-8000-00000000000a', '20000000-0000-4000-8000-00000000000a', 'Market sizing');
COMMIT;
BEGIN;
SELECT set_config('expert_network.user_id', 'bob', true);
INSERT INTO expert_network.projects (id, project_code, project_name)
VALUES ('10000000-0000-4000-8000-00000000000b', 'ATL', 'Bob''s Atlas');
INSERT INTO expert_network.campaigns (id, project_id, campaign_name, industry_vertical, start_date, target_completion_date)
VALUES ('20000000-0000-4000-8000-00000000000b', '10000000-0000-4000-8000-00000000000b',
        'Channel checks', 'Distribution', '2026-01-05', '2026-02-27');
INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
VALUES ('20000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-000000000002', 'enrolled');
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, status)
VALUES ('30000000-0000-4000-8000-00000000000b', '20000000-0000-4000-8000-00000000000b',
        '00000000-0000-4000-8000-000000000002', 'Lee Example', 'Distributor', 'reviewed');
INSERT INTO expert_network.screening_questions (id, campaign_id, question_text)
VALUES ('60000000-0000-4000-8000-00000000000b', '20000000-0000-4000-8000-00000000000b', 'Regions covered?');
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
VALUES ('40000000-0000-4000-8000-00000000000b', '20000000-0000-4000-8000-00000000000b',
        '30000000-0000-4000-8000-00000000000b', '2026-01-13', '09:00');
INSERT INTO expert_network.team_members (id, name, designation)
VALUES ('70000000-0000-4000-8000-00000000000b', 'Lukas Brandt', 'Consultant');
INSERT INTO expert_network.chat_sessions (id, title)
VALUES ('50000000-0000-4000-8000-00000000000b', 'Bob''s notes');
COMMIT;

-- each sees their own rows only; children carry their parent's owner
SET expert_network.user_id = 'alice';
SELECT 'projects' AS tab, user_id, project_name AS name FROM expert_network.projects
UNION ALL SELECT 'campaigns', user_id, campaign_name FROM expert_network.campaigns
UNION ALL SELECT 'experts', user_id, name FROM expert_network.experts
UNION ALL SELECT 'questions', user_id, question_text FROM expert_network.screening_questions
UNION ALL SELECT 'interviews', user_id, scheduled_date::text FROM expert_network.interviews
UNION ALL SELECT 'team', user_id, name FROM expert_network.team_members
UNION ALL SELECT 'chats', user_id, title FROM expert_network.chat_sessions;
SET expert_network.user_id = 'bob';
SELECT 'projects' AS tab, user_id, project_name AS name FROM expert_network.projects
UNION ALL SELECT 'experts', user_id, name FROM expert_network.experts
UNION ALL SELECT 'interviews', user_id, scheduled_date::text FROM expert_network.interviews;

-- alice knows bob's ids, and still cannot touch his rows
SET expert_network.user_id = 'alice';
SELECT count(*) AS visible FROM expert_network.campaigns WHERE id = '20000000-0000-4000-8000-00000000000b';
UPDATE expert_network.campaigns SET campaign_name = 'Mine now' WHERE id = '20000000-0000-4000-8000-00000000000b'
RETURNING id;
DELETE FROM expert_network.experts WHERE id = '30000000-0000-4000-8000-00000000000b'
RETURNING id;

-- nor point at them: 23503, exactly as for a row that does not exist
INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title)
VALUES ('20000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-000000000001', 'Planted', 'Spy');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time)
VALUES ('20000000-0000-4000-8000-00000000000a', '30000000-0000-4000-8000-00000000000b', '2026-01-20', '10:00');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.screening_questions (campaign_id, parent_question_id, question_text)
VALUES ('20000000-0000-4000-8000-00000000000a', '60000000-0000-4000-8000-00000000000b', 'Follow-up');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.expert_screening_responses (expert_id, screening_question_id, response_text)
VALUES ('30000000-0000-4000-8000-00000000000a', '60000000-0000-4000-8000-00000000000b', 'Yes');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.campaign_costs (campaign_id, fee_type, amount_usd)
VALUES ('20000000-0000-4000-8000-00000000000b', 'per_call', 1200);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.chat_messages (chat_session_id, role, content)
VALUES ('50000000-0000-4000-8000-00000000000b', 'user', 'Read me');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.campaign_team_assignments (campaign_id, team_member_id)
VALUES ('20000000-0000-4000-8000-00000000000a', '70000000-0000-4000-8000-00000000000b');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.interview_team_assignments (interview_id, team_member_id)
VALUES ('40000000-0000-4000-8000-00000000000b', '70000000-0000-4000-8000-00000000000a');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.chat_sessions (campaign_id, title)
VALUES ('20000000-0000-4000-8000-00000000000b', 'About bob''s campaign');
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.campaigns SET project_id = '10000000-0000-4000-8000-00000000000b'
WHERE id = '20000000-0000-4000-8000-00000000000a';
\echo :LAST_ERROR_SQLSTATE
-- a row that also breaks a check constraint reports that first: the
-- composite foreign key is checked after the row
INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title, rating)
VALUES ('20000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-000000000001', 'Planted', 'Spy', 9);
\echo :LAST_ERROR_SQLSTATE

-- owners are not chosen by the row
INSERT INTO expert_network.team_members (user_id, name, designation) VALUES ('bob', 'Planted', 'Spy');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.team_members (user_id, name, designation) VALUES ('alice', 'Priya Shah', 'Associate')
RETURNING user_id, name;
UPDATE expert_network.projects SET user_id = 'bob';
\echo :LAST_ERROR_SQLSTATE

-- a child row names its parent, and gets the parent's owner
INSERT INTO expert_network.completed_interviews (interview_id, campaign_id, expert_id, interview_date, interview_time, duration)
VALUES ('40000000-0000-4000-8000-00000000000a', '20000000-0000-4000-8000-00000000000a',
        '30000000-0000-4000-8000-00000000000a', '2026-01-12', '15:00', '60 min')
RETURNING user_id, interview_date;

-- levels: readonly reads, app cannot write the catalog, admin can
SET ROLE regress_en_ro;
SELECT campaign_name FROM expert_network.campaigns;
INSERT INTO expert_network.team_members (name, designation) VALUES ('Reader', 'Intern');
\echo :LAST_ERROR_SQLSTATE
SET ROLE regress_en_app;
SELECT count(*) AS vendors FROM expert_network.vendor_platforms;
INSERT INTO expert_network.vendor_platforms (name) VALUES ('Regress Networks');
\echo :LAST_ERROR_SQLSTATE
SET ROLE regress_en_admin;
INSERT INTO expert_network.vendor_platforms (name) VALUES ('Regress Networks') RETURNING name;
DELETE FROM expert_network.vendor_platforms WHERE name = 'Regress Networks';

-- erasure: admin only, everything of one user, nobody else's
SET ROLE regress_en_app;
SELECT * FROM expert_network.delete_user_data('alice');
\echo :LAST_ERROR_SQLSTATE
SET ROLE regress_en_admin;
SELECT * FROM expert_network.delete_user_data('alice');
SELECT * FROM expert_network.delete_user_data('');
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) AS alice_rows_left FROM expert_network.campaigns;
SET expert_network.user_id = 'bob';
SELECT (SELECT campaign_name FROM expert_network.campaigns) AS campaign,
       (SELECT count(*) FROM expert_network.projects) AS projects,
       (SELECT count(*) FROM expert_network.campaigns) AS campaigns,
       (SELECT count(*) FROM expert_network.experts) AS experts,
       (SELECT count(*) FROM expert_network.interviews) AS interviews;
SELECT * FROM expert_network.delete_user_data('bob') WHERE deleted > 0;
RESET ROLE;
RESET expert_network.user_id;

-- revoke_access takes everything away
SELECT expert_network.revoke_access('regress_en_app');
SELECT expert_network.revoke_access('regress_en_ro');
SELECT expert_network.revoke_access('regress_en_admin');
SELECT count(*) AS privileges_left
FROM pg_class c, unnest(ARRAY['regress_en_app', 'regress_en_ro', 'regress_en_admin']) AS r(role)
WHERE c.relnamespace = 'expert_network'::regnamespace AND c.relkind = 'r'
  AND has_table_privilege(r.role, c.oid, 'SELECT, INSERT, UPDATE, DELETE');
DROP ROLE regress_en_app;
DROP ROLE regress_en_ro;
DROP ROLE regress_en_admin;
