-- constraints: what the seed left in comments, enforced as named
-- constraints.  Each rejected row prints its message (naming the
-- constraint) and SQLSTATE.  pgTAP (test/pgtap/constraints.sql) covers the
-- boundaries of each one.
\set VERBOSITY terse
-- as an application does: the user whose rows these are (0.2.0)
SET expert_network.user_id = 'user_1';

INSERT INTO expert_network.projects (id, user_id, project_code, project_name)
VALUES ('10000000-0000-4000-8000-000000000001', 'user_1', 'ATL', 'Atlas');
INSERT INTO expert_network.campaigns (id, user_id, project_id, campaign_name, industry_vertical,
                                      start_date, target_completion_date, min_calls, max_calls)
VALUES ('20000000-0000-4000-8000-000000000001', 'user_1', '10000000-0000-4000-8000-000000000001',
        'Automation buyers', 'Industrials', '2026-01-05', '2026-02-27', 5, 10);
INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
VALUES ('20000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'enrolled');
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, status)
VALUES ('30000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001',
        '00000000-0000-4000-8000-000000000001', 'Dana Example', 'VP Operations', 'reviewed');
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
VALUES ('40000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001',
        '30000000-0000-4000-8000-000000000001', '2026-01-12', '15:00');
INSERT INTO expert_network.chat_sessions (id, user_id, title)
VALUES ('50000000-0000-4000-8000-000000000001', 'user_1', 'Market sizing');

-- defaults the dashboard relies on
SELECT status, scheduled_calls, completed_calls, target_regions FROM expert_network.campaigns;
SELECT status, is_new, skills FROM expert_network.experts;
SELECT status, duration_minutes, timezone FROM expert_network.interviews;

-- 0.15.0: defaults that schema readers render as SQL, not as code.  The
-- owner's and the roles' are expressions in parentheses; the arrays have
-- none, fill_empty_arrays gives them '{}': an INSERT's NULL too, not an
-- UPDATE's
SELECT user_id FROM expert_network.experts;
SELECT a.attname, pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS "default", pg_catalog.count(*)
  FROM pg_catalog.pg_attribute AS a
  LEFT JOIN pg_catalog.pg_attrdef AS d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  JOIN pg_catalog.pg_class AS c ON c.oid = a.attrelid
 WHERE c.relnamespace = 'expert_network'::pg_catalog.regnamespace AND c.relkind = 'r'
   AND (a.attname IN ('user_id', 'approved_by', 'decided_by')
        OR (pg_catalog.format_type(a.atttypid, a.atttypmod) = 'text[]' AND a.attgenerated = ''))
 GROUP BY 1, 2 ORDER BY 1, 2;
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, skills)
VALUES ('30000000-0000-4000-8000-0000000000a1', '20000000-0000-4000-8000-000000000001',
        '00000000-0000-4000-8000-000000000001', 'Null Skills', 'Analyst', NULL)
RETURNING skills;
UPDATE expert_network.experts SET skills = NULL WHERE id = '30000000-0000-4000-8000-0000000000a1'
RETURNING skills IS NULL AS skills_null;
UPDATE expert_network.campaigns SET target_regions = NULL;
\echo :LAST_ERROR_SQLSTATE
DELETE FROM expert_network.experts WHERE id = '30000000-0000-4000-8000-0000000000a1';
-- fill_empty_arrays refuses what it cannot do, by its arguments
CREATE TEMPORARY TABLE fill_probe (a text[], b integer);
CREATE TRIGGER fill BEFORE INSERT ON fill_probe FOR EACH ROW EXECUTE FUNCTION expert_network.fill_empty_arrays('b');
INSERT INTO fill_probe VALUES (NULL, 1);
\echo :LAST_ERROR_SQLSTATE
DROP TRIGGER fill ON fill_probe;
CREATE TRIGGER fill BEFORE INSERT ON fill_probe FOR EACH ROW EXECUTE FUNCTION expert_network.fill_empty_arrays('c');
INSERT INTO fill_probe VALUES (NULL, 1);
\echo :LAST_ERROR_SQLSTATE
DROP TRIGGER fill ON fill_probe;
CREATE TRIGGER fill BEFORE INSERT ON fill_probe FOR EACH ROW EXECUTE FUNCTION expert_network.fill_empty_arrays();
INSERT INTO fill_probe VALUES (NULL, 1);
\echo :LAST_ERROR_SQLSTATE
DROP TRIGGER fill ON fill_probe;
CREATE TRIGGER fill AFTER INSERT ON fill_probe FOR EACH ROW EXECUTE FUNCTION expert_network.fill_empty_arrays('a');
INSERT INTO fill_probe VALUES (NULL, 1);
\echo :LAST_ERROR_SQLSTATE
DROP TRIGGER fill ON fill_probe;
CREATE TRIGGER fill BEFORE INSERT ON fill_probe FOR EACH ROW EXECUTE FUNCTION expert_network.fill_empty_arrays('a');
INSERT INTO fill_probe VALUES (NULL, 1), ('{x}', 2) RETURNING a, b;
DROP TABLE fill_probe;
-- 0.15.0: the statuses are enum types; a status compared with text is cast
SELECT pg_catalog.pg_typeof(status) FROM expert_network.experts;
SELECT name FROM expert_network.experts WHERE status::text = 'scheduled';

-- status value sets: enum types since 0.15.0, a value outside the set is 22P02
UPDATE expert_network.campaigns SET status = 'running';
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.experts SET status = 'interviewed';
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.interviews SET status = 'rated';
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
VALUES ('20000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'maybe');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.research_activities (chat_session_id, activity_name, status)
VALUES ('50000000-0000-4000-8000-000000000001', 'Size the market', 'done');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.research_sources (chat_session_id, source_name, source_type, status)
VALUES ('50000000-0000-4000-8000-000000000001', 'Annual report', 'Document', 'read');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.screening_questions (campaign_id, question_text, question_type)
VALUES ('20000000-0000-4000-8000-000000000001', 'Years in role?', 'number');
\echo :LAST_ERROR_SQLSTATE

-- ranges
UPDATE expert_network.experts SET rating = 5.5;
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.experts SET ai_fit_score = 11;
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.experts SET rating = 5, ai_fit_score = 10 RETURNING rating, ai_fit_score;
UPDATE expert_network.interviews SET duration_minutes = 0;
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.research_activities (chat_session_id, activity_name, confidence)
VALUES ('50000000-0000-4000-8000-000000000001', 'Size the market', 101);
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.vendor_platforms SET overall_score = 5.1 WHERE name = 'GLG';
\echo :LAST_ERROR_SQLSTATE

-- orderings
UPDATE expert_network.campaigns SET min_calls = 12;
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.campaigns SET min_calls = 10 RETURNING min_calls, max_calls;
UPDATE expert_network.campaigns SET target_completion_date = '2026-01-04';
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.vendor_platforms SET avg_cost_per_call_min = 1200, avg_cost_per_call_max = 900 WHERE name = 'GLG';
\echo :LAST_ERROR_SQLSTATE

-- amounts and counters are never negative
INSERT INTO expert_network.campaign_costs (campaign_id, fee_type, amount_usd)
VALUES ('20000000-0000-4000-8000-000000000001', 'per_call', -1);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.campaign_costs (campaign_id, fee_type, amount_usd)
VALUES ('20000000-0000-4000-8000-000000000001', 'finders_fee', 100);
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.campaigns SET scheduled_calls = -1;
\echo :LAST_ERROR_SQLSTATE

-- UI and chat
INSERT INTO expert_network.user_ui_preferences (user_id, theme) VALUES ('user_1', 'sepia');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.chat_messages (chat_session_id, role, content)
VALUES ('50000000-0000-4000-8000-000000000001', 'system', 'You are helpful');
\echo :LAST_ERROR_SQLSTATE

-- uniqueness
INSERT INTO expert_network.projects (user_id, project_code, project_name) VALUES ('user_1', 'ATL', 'Atlas again');
\echo :LAST_ERROR_SQLSTATE
SET expert_network.user_id = 'user_2';
INSERT INTO expert_network.projects (user_id, project_code, project_name) VALUES ('user_2', 'ATL', 'Another user''s Atlas');
SET expert_network.user_id = 'user_1';
INSERT INTO expert_network.vendor_platforms (name) VALUES ('GLG');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.completed_interviews (interview_id, campaign_id, expert_id, interview_date, interview_time, duration)
SELECT '40000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001',
       '30000000-0000-4000-8000-000000000001', '2026-01-12', '15:00', '60 min'
FROM generate_series(1, 2);
\echo :LAST_ERROR_SQLSTATE

-- references and ON DELETE rules
INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title)
VALUES ('20000000-0000-4000-8000-0000000000ff', '00000000-0000-4000-8000-000000000001', 'Nobody', 'None');
\echo :LAST_ERROR_SQLSTATE
DELETE FROM expert_network.vendor_platforms WHERE name = 'GLG';
\echo :LAST_ERROR_SQLSTATE
DELETE FROM expert_network.projects WHERE project_code = 'ATL' AND user_id = 'user_1';
SELECT campaign_name, project_id FROM expert_network.campaigns;
DELETE FROM expert_network.campaigns;
SELECT (SELECT count(*) FROM expert_network.experts) AS experts,
       (SELECT count(*) FROM expert_network.interviews) AS interviews;
SELECT title, campaign_id FROM expert_network.chat_sessions;

-- leave the database as the next test expects it
DELETE FROM expert_network.projects;
DELETE FROM expert_network.chat_sessions;
RESET expert_network.user_id;
