-- test/pgtap/constraints.sql — behaviour of the constraints of schema
-- expert_network (sql/expert_network.sql): every named CHECK and UNIQUE
-- constraint (and the primary keys on natural keys) rejects what it should,
-- with PostgreSQL's exact message, and accepts its boundary values; the
-- UNIQUE (id, user_id) keys of 0.7.0, which no row can break before its
-- primary key does, as what the composite foreign keys reference; the
-- ON DELETE rules of the foreign keys end to end; the set_updated_at
-- trigger on every table that has it.  The call counters, which only the
-- extension writes (0.3.0), are checked through that protection, and with
-- the extension's triggers off for their CHECK constraints.  0.10.0: the
-- CHECK constraints of the compliance tables, the one open-ended employment
-- per expert (the partial unique index idx_expert_employments_current), the
-- level 'compliance' of access_levels, and the compliance tables in the
-- cascades and the set_updated_at checks.  The compliance rows written here
-- belong to users of their own (u-list, u-policy) or match no expert's
-- company, so that the gates (test/pgtap/compliance.sql) let every interview
-- of the file through.
--
-- Runs under pg_prove in a database with pgtap and expert_network installed
-- (test/suite).  Everything happens in one transaction that is rolled back,
-- so the rows the accepted statements leave behind never outlive the test.
--
-- It runs as a superuser, but writes the way the application does (0.2.0):
-- the transaction first sets the identity expert_network.user_id, and no
-- statement names user_id: the top-level rows default to the identity, the
-- others get their parents' owner from the owner-key trigger (0.15.0: the
-- default is written (expert_network.current_user_id() COLLATE
-- pg_catalog."default"), the same value; the history, which has no
-- owner-key trigger, gets its owner from that default too, and the
-- compliance log its decided_by from DEFAULT (CURRENT_USER::pg_catalog.text
-- COLLATE pg_catalog."default")).  (Without an
-- identity a superuser's rows would only have the owner they carry or
-- their parent's; with row_security off too, it would take the restore
-- path.)  Row-level security itself, which a superuser bypasses, is
-- test/pgtap/scoping.sql's.
--
-- The workflow rules of 0.4.0 (test/pgtap/workflow.sql) shape the fixtures:
-- an expert's vendor is enrolled in its campaign before the expert is
-- added, an expert is reviewed before it gets an interview, and an UPDATE
-- of a status takes a step of its graph.  An INSERT may still use any valid
-- status, which is how each status is tried below.

SET client_min_messages = warning;

BEGIN;

SELECT plan(275);

-- the application user that every row below belongs to, unless said otherwise
SET LOCAL expert_network.user_id = 'u1';

/* ------------------------------------------------------------------------
 * Fixture: one row of each table, with fixed ids
 *
 *   a1…01 project P1 (user u1, code P-001)     c1…01 campaign C1 in P1
 *   f1…01 vendor "Constraint Test Vendor"       b1…01 team member T1
 *   e1…01 screening question on C1              e5…01 enrollment C1 × f1…01, enrolled
 *   e2…01 expert on C1, vendor f1…01, reviewed  e3…01 interview of e2…01 (scheduled)
 *   e4…01 completed-interview record of e3…01   e6…01 chat session on C1
 *   e7…01 campaign cost on C1, vendor GLG
 * (the record e4…01 is written by hand, as an import would: the interview
 * itself is left scheduled, so the trigger that completing it would run does
 * not write one of its own)
 * ------------------------------------------------------------------------ */

INSERT INTO expert_network.projects (id, project_code, project_name)
VALUES ('a1000000-0000-4000-8000-000000000001', 'P-001', 'Project One');

INSERT INTO expert_network.campaigns (id, project_id, campaign_name, industry_vertical,
                                      start_date, target_completion_date)
VALUES ('c1000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000001',
        'Campaign One', 'Technology', '2025-01-01', '2025-03-31');

INSERT INTO expert_network.vendor_platforms (id, name)
VALUES ('f1000000-0000-4000-8000-000000000001', 'Constraint Test Vendor');

INSERT INTO expert_network.team_members (id, name, designation)
VALUES ('b1000000-0000-4000-8000-000000000001', 'Team Member One', 'Associate');

INSERT INTO expert_network.screening_questions (id, campaign_id, question_text)
VALUES ('e1000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001',
        'How many years in the industry?');

INSERT INTO expert_network.campaign_vendor_enrollments (id, campaign_id, vendor_platform_id, status)
VALUES ('e5000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001',
        'f1000000-0000-4000-8000-000000000001', 'enrolled');

INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, status)
VALUES ('e2000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001',
        'f1000000-0000-4000-8000-000000000001', 'Expert One', 'Former VP Sales', 'reviewed');

INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
VALUES ('e3000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001',
        'e2000000-0000-4000-8000-000000000001', '2025-02-01', '10:00');

INSERT INTO expert_network.completed_interviews (id, interview_id, campaign_id, expert_id,
                                                 interview_date, interview_time, duration)
VALUES ('e4000000-0000-4000-8000-000000000001', 'e3000000-0000-4000-8000-000000000001',
        'c1000000-0000-4000-8000-000000000001', 'e2000000-0000-4000-8000-000000000001',
        '2025-02-01', '10:00 AM', '60 min');

INSERT INTO expert_network.chat_sessions (id, campaign_id, title)
VALUES ('e6000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001',
        'Session One');

INSERT INTO expert_network.campaign_costs (id, campaign_id, vendor_platform_id, fee_type, amount_usd)
VALUES ('e7000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001',
        '00000000-0000-4000-8000-000000000001', 'per_call', 1200);

INSERT INTO expert_network.campaign_team_assignments (campaign_id, team_member_id)
VALUES ('c1000000-0000-4000-8000-000000000001', 'b1000000-0000-4000-8000-000000000001');

INSERT INTO expert_network.interview_team_assignments (interview_id, team_member_id)
VALUES ('e3000000-0000-4000-8000-000000000001', 'b1000000-0000-4000-8000-000000000001');

INSERT INTO expert_network.user_ui_preferences DEFAULT VALUES;

-- the statements below that UPDATE a fixture row rely on it being there
SELECT results_eq(
    $$ SELECT (SELECT count(*) FROM expert_network.campaigns WHERE id = 'c1000000-0000-4000-8000-000000000001')
            + (SELECT count(*) FROM expert_network.campaign_vendor_enrollments WHERE id = 'e5000000-0000-4000-8000-000000000001')
            + (SELECT count(*) FROM expert_network.experts WHERE id = 'e2000000-0000-4000-8000-000000000001')
            + (SELECT count(*) FROM expert_network.interviews WHERE id = 'e3000000-0000-4000-8000-000000000001')
            + (SELECT count(*) FROM expert_network.completed_interviews WHERE id = 'e4000000-0000-4000-8000-000000000001')
            + (SELECT count(*) FROM expert_network.user_ui_preferences WHERE user_id = 'u1') $$,
    $$ VALUES (6::bigint) $$,
    'fixture: the rows updated by the tests below exist');

SELECT is_empty(
    $$ SELECT 'projects' AS tbl, user_id FROM expert_network.projects WHERE user_id <> 'u1'
       UNION ALL SELECT 'campaigns', user_id FROM expert_network.campaigns WHERE user_id <> 'u1'
       UNION ALL SELECT 'team_members', user_id FROM expert_network.team_members WHERE user_id <> 'u1'
       UNION ALL SELECT 'campaign_team_assignments', user_id FROM expert_network.campaign_team_assignments WHERE user_id <> 'u1'
       UNION ALL SELECT 'screening_questions', user_id FROM expert_network.screening_questions WHERE user_id <> 'u1'
       UNION ALL SELECT 'campaign_vendor_enrollments', user_id FROM expert_network.campaign_vendor_enrollments WHERE user_id <> 'u1'
       UNION ALL SELECT 'experts', user_id FROM expert_network.experts WHERE user_id <> 'u1'
       UNION ALL SELECT 'interviews', user_id FROM expert_network.interviews WHERE user_id <> 'u1'
       UNION ALL SELECT 'interview_team_assignments', user_id FROM expert_network.interview_team_assignments WHERE user_id <> 'u1'
       UNION ALL SELECT 'completed_interviews', user_id FROM expert_network.completed_interviews WHERE user_id <> 'u1'
       UNION ALL SELECT 'chat_sessions', user_id FROM expert_network.chat_sessions WHERE user_id <> 'u1'
       UNION ALL SELECT 'user_ui_preferences', user_id FROM expert_network.user_ui_preferences WHERE user_id <> 'u1'
       UNION ALL SELECT 'campaign_costs', user_id FROM expert_network.campaign_costs WHERE user_id <> 'u1'
       UNION ALL SELECT 'status_history', user_id FROM expert_network.status_history WHERE user_id <> 'u1' $$,
    'fixture: every row belongs to the identity u1, though no INSERT named user_id (the history''s too)');

/* ------------------------------------------------------------------------
 * Every named CHECK and UNIQUE constraint of the schema is exercised here
 * (the seven UNIQUE (id, user_id) keys of 0.7.0 through the composite
 * foreign keys that reference them, in "Foreign keys end to end")
 * ------------------------------------------------------------------------ */

SELECT set_eq(
    $$ SELECT conname::text FROM pg_catalog.pg_constraint
        WHERE connamespace = 'expert_network'::regnamespace AND contype IN ('c', 'u') $$,
    ARRAY[
      'campaigns_dates_check', 'campaigns_min_calls_check',
      'campaigns_max_calls_check', 'campaigns_calls_range_check',
      'campaigns_estimated_calls_check', 'campaigns_completed_calls_check',
      'campaigns_scheduled_calls_check',
      'screening_questions_question_type_check',
      'vendor_platforms_overall_score_check', 'vendor_platforms_cost_min_check',
      'vendor_platforms_cost_max_check', 'vendor_platforms_cost_range_check',
      'experts_rating_check', 'experts_ai_fit_score_check',
      'interviews_duration_minutes_check',
      'completed_interviews_rating_check', 'completed_interviews_relevance_rating_check',
      'completed_interviews_expertise_rating_check',
      'completed_interviews_communication_rating_check',
      'chat_messages_role_check',
      'status_history_entity_check',
      'research_activities_confidence_check',
      'user_ui_preferences_theme_check',
      'access_levels_level_check',
      -- 0.10.0
      'restricted_companies_company_check', 'restricted_companies_dates_check',
      'expert_employments_dates_check', 'campaign_subject_companies_company_check',
      'compliance_policies_months_check', 'interview_attestations_statements_check',
      'compliance_exceptions_reason_check', 'compliance_exceptions_expiry_check',
      -- 0.13.0
      'call_caps_max_calls_check', 'call_caps_call_window_check',
      'campaign_costs_fee_type_check', 'campaign_costs_amount_usd_check',
      'campaign_costs_units_check',
      'projects_user_id_project_code_key', 'vendor_platforms_name_key',
      'campaign_vendor_enrollments_campaign_id_vendor_platform_id_key',
      'completed_interviews_interview_id_key',
      -- 0.7.0: the targets of the composite foreign keys
      'projects_id_user_id_key', 'campaigns_id_user_id_key', 'team_members_id_user_id_key',
      'screening_questions_id_user_id_key', 'experts_id_user_id_key', 'interviews_id_user_id_key',
      'chat_sessions_id_user_id_key'
    ],
    'the schema has exactly the 37 CHECK and 11 UNIQUE constraints this file tests (0.15.0: no <table>_status_check any more; 0.16.0: no compliance_exceptions_rule_check, compliance_log_rule_check or compliance_log_decision_check)');

-- 0.15.0: the six workflow statuses are enum types, whose labels are the
-- value sets the six <table>_status_check constraints used to hold
SELECT results_eq(
    $$ SELECT c.relname::text COLLATE "default", a.atttypid::pg_catalog.regtype::text,
              (SELECT pg_catalog.array_agg(e.enumlabel::text COLLATE "default" ORDER BY e.enumsortorder)
                 FROM pg_catalog.pg_enum e WHERE e.enumtypid = a.atttypid)
         FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        WHERE c.relnamespace = 'expert_network'::regnamespace AND c.relkind = 'r'
          AND a.attname = 'status' AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY c.relname $$,
    $$ VALUES ('campaign_vendor_enrollments', 'expert_network.enrollment_status',
               ARRAY['not_enrolled', 'pending', 'enrolled']),
              ('campaigns', 'expert_network.campaign_status',
               ARRAY['draft', 'active', 'paused', 'completed', 'archived']),
              ('experts', 'expert_network.expert_status',
               ARRAY['proposed', 'reviewed', 'rejected', 'scheduling', 'scheduled', 'completed']),
              ('interviews', 'expert_network.interview_status',
               ARRAY['pending', 'scheduled', 'confirmed', 'completed', 'cancelled']),
              ('research_activities', 'expert_network.research_activity_status',
               ARRAY['queued', 'processing', 'completed', 'failed']),
              ('research_sources', 'expert_network.research_source_status',
               ARRAY['processing', 'scraped', 'failed']) $$,
    'the six status columns are of the enum types expert_network.<entity>_status, with these labels in this order');

/* ------------------------------------------------------------------------
 * projects
 * ------------------------------------------------------------------------ */

SELECT throws_ok(
    $$ INSERT INTO expert_network.projects (project_code, project_name)
       VALUES ('P-001', 'Same code again') $$,
    '23505', 'duplicate key value violates unique constraint "projects_user_id_project_code_key"',
    'projects: a user cannot have two projects with the same code');

SET LOCAL expert_network.user_id = 'u2';
SELECT lives_ok(
    $$ INSERT INTO expert_network.projects (project_code, project_name)
       VALUES ('P-001', 'Same code, other user') $$,
    'projects: two users may use the same project code');
SET LOCAL expert_network.user_id = 'u1';

/* ------------------------------------------------------------------------
 * campaigns
 * ------------------------------------------------------------------------ */

SELECT lives_ok(
    format($$ INSERT INTO expert_network.campaigns (campaign_name, industry_vertical,
                                                    start_date, target_completion_date, status)
              VALUES ('Status %s', 'Technology', '2025-01-01', '2025-03-31', %L) $$, s, s),
    format('campaigns: status %L is accepted', s))
  FROM pg_catalog.unnest(ARRAY['draft', 'active', 'paused', 'completed', 'archived'])
       WITH ORDINALITY AS u(s, n)
 ORDER BY n;

-- a status outside the set (here and for the other five statuses below):
-- since 0.15.0 the enum type refuses it, 22P02, where campaigns_status_check
-- refused it with 23514
SELECT throws_ok(
    $$ INSERT INTO expert_network.campaigns (campaign_name, industry_vertical,
                                             start_date, target_completion_date, status)
       VALUES ('Bogus status', 'Technology', '2025-01-01', '2025-03-31', 'cancelled') $$,
    '22P02', 'invalid input value for enum expert_network.campaign_status: "cancelled"',
    'campaigns: status ''cancelled'' is rejected');

SELECT throws_ok(
    $$ UPDATE expert_network.campaigns SET status = 'Active'
        WHERE id = 'c1000000-0000-4000-8000-000000000001' $$,
    '22P02', 'invalid input value for enum expert_network.campaign_status: "Active"',
    'campaigns: UPDATE to status ''Active'' (wrong case) is rejected');

SELECT lives_ok(
    $$ INSERT INTO expert_network.campaigns (campaign_name, industry_vertical,
                                             start_date, target_completion_date)
       VALUES ('One-day campaign', 'Technology', '2025-03-31', '2025-03-31') $$,
    'campaigns: start_date = target_completion_date is accepted');

SELECT throws_ok(
    $$ INSERT INTO expert_network.campaigns (campaign_name, industry_vertical,
                                             start_date, target_completion_date)
       VALUES ('Ends before it starts', 'Technology', '2025-04-01', '2025-03-31') $$,
    '23514', 'new row for relation "campaigns" violates check constraint "campaigns_dates_check"',
    'campaigns: start_date one day after target_completion_date is rejected');

SELECT lives_ok(
    $$ INSERT INTO expert_network.campaigns (campaign_name, industry_vertical,
                                             start_date, target_completion_date, min_calls)
       VALUES ('min 0', 'Technology', '2025-01-01', '2025-03-31', 0) $$,
    'campaigns: min_calls 0 is accepted');

SELECT throws_ok(
    $$ INSERT INTO expert_network.campaigns (campaign_name, industry_vertical,
                                             start_date, target_completion_date, min_calls)
       VALUES ('min -1', 'Technology', '2025-01-01', '2025-03-31', -1) $$,
    '23514', 'new row for relation "campaigns" violates check constraint "campaigns_min_calls_check"',
    'campaigns: min_calls -1 is rejected');

SELECT lives_ok(
    $$ INSERT INTO expert_network.campaigns (campaign_name, industry_vertical,
                                             start_date, target_completion_date, max_calls)
       VALUES ('max 0', 'Technology', '2025-01-01', '2025-03-31', 0) $$,
    'campaigns: max_calls 0 is accepted');

SELECT throws_ok(
    $$ INSERT INTO expert_network.campaigns (campaign_name, industry_vertical,
                                             start_date, target_completion_date, max_calls)
       VALUES ('max -1', 'Technology', '2025-01-01', '2025-03-31', -1) $$,
    '23514', 'new row for relation "campaigns" violates check constraint "campaigns_max_calls_check"',
    'campaigns: max_calls -1 is rejected');

SELECT lives_ok(
    $$ INSERT INTO expert_network.campaigns (campaign_name, industry_vertical,
                                             start_date, target_completion_date, min_calls, max_calls)
       VALUES ('min = max', 'Technology', '2025-01-01', '2025-03-31', 5, 5) $$,
    'campaigns: min_calls = max_calls is accepted');

SELECT throws_ok(
    $$ INSERT INTO expert_network.campaigns (campaign_name, industry_vertical,
                                             start_date, target_completion_date, min_calls, max_calls)
       VALUES ('min > max', 'Technology', '2025-01-01', '2025-03-31', 6, 5) $$,
    '23514', 'new row for relation "campaigns" violates check constraint "campaigns_calls_range_check"',
    'campaigns: min_calls > max_calls is rejected');

SELECT lives_ok(
    $$ INSERT INTO expert_network.campaigns (campaign_name, industry_vertical,
                                             start_date, target_completion_date, estimated_calls)
       VALUES ('estimated 0', 'Technology', '2025-01-01', '2025-03-31', 0) $$,
    'campaigns: estimated_calls 0 is accepted');

SELECT throws_ok(
    $$ INSERT INTO expert_network.campaigns (campaign_name, industry_vertical,
                                             start_date, target_completion_date, estimated_calls)
       VALUES ('estimated -1', 'Technology', '2025-01-01', '2025-03-31', -1) $$,
    '23514', 'new row for relation "campaigns" violates check constraint "campaigns_estimated_calls_check"',
    'campaigns: estimated_calls -1 is rejected');

-- completed_calls and scheduled_calls (0.3.0): the extension keeps them
-- (test/pgtap/counters.sql); a write of another value is refused before
-- the CHECK constraints see it, with the same SQLSTATE 23514.  The
-- constraints stay, as the last line: with the extension's triggers off
-- (session_replication_role = replica, for a superuser) they still refuse
-- a negative count.
SELECT is(pg_catalog.pg_get_constraintdef(c.oid), 'CHECK ((completed_calls >= 0))',
          'campaigns: campaigns_completed_calls_check is still CHECK (completed_calls >= 0)')
  FROM pg_catalog.pg_constraint c
 WHERE c.conrelid = 'expert_network.campaigns'::regclass AND c.conname = 'campaigns_completed_calls_check';
SELECT is(pg_catalog.pg_get_constraintdef(c.oid), 'CHECK ((scheduled_calls >= 0))',
          'campaigns: campaigns_scheduled_calls_check is still CHECK (scheduled_calls >= 0)')
  FROM pg_catalog.pg_constraint c
 WHERE c.conrelid = 'expert_network.campaigns'::regclass AND c.conname = 'campaigns_scheduled_calls_check';

SELECT lives_ok(
    $$ INSERT INTO expert_network.campaigns (campaign_name, industry_vertical, start_date,
                                             target_completion_date, completed_calls, scheduled_calls)
       VALUES ('calls 0', 'Technology', '2025-01-01', '2025-03-31', 0, 0) $$,
    'campaigns: INSERT with completed_calls 0 and scheduled_calls 0 is accepted');

SELECT throws_ok(
    $$ INSERT INTO expert_network.campaigns (campaign_name, industry_vertical, start_date,
                                             target_completion_date, completed_calls)
       VALUES ('completed -1', 'Technology', '2025-01-01', '2025-03-31', -1) $$,
    '23514', 'column "completed_calls" of relation "campaigns" is maintained by expert_network',
    'campaigns: INSERT with completed_calls -1 is rejected (the counter is the extension''s)');

SELECT throws_ok(
    $$ INSERT INTO expert_network.campaigns (campaign_name, industry_vertical, start_date,
                                             target_completion_date, scheduled_calls)
       VALUES ('scheduled -1', 'Technology', '2025-01-01', '2025-03-31', -1) $$,
    '23514', 'column "scheduled_calls" of relation "campaigns" is maintained by expert_network',
    'campaigns: INSERT with scheduled_calls -1 is rejected (the counter is the extension''s)');

SELECT lives_ok(
    $$ UPDATE expert_network.campaigns SET completed_calls = completed_calls, scheduled_calls = scheduled_calls
        WHERE id = 'c1000000-0000-4000-8000-000000000001' $$,
    'campaigns: an UPDATE writing back the counters'' own values is accepted');

SELECT throws_ok(
    $$ UPDATE expert_network.campaigns SET completed_calls = -1
        WHERE id = 'c1000000-0000-4000-8000-000000000001' $$,
    '23514', 'column "completed_calls" of relation "campaigns" is maintained by expert_network',
    'campaigns: UPDATE to completed_calls -1 is rejected (the counter is the extension''s)');

SELECT throws_ok(
    $$ UPDATE expert_network.campaigns SET scheduled_calls = -1
        WHERE id = 'c1000000-0000-4000-8000-000000000001' $$,
    '23514', 'column "scheduled_calls" of relation "campaigns" is maintained by expert_network',
    'campaigns: UPDATE to scheduled_calls -1 is rejected (the counter is the extension''s)');

SET LOCAL session_replication_role = replica;

SELECT lives_ok(
    $$ UPDATE expert_network.campaigns SET completed_calls = 0, scheduled_calls = 0
        WHERE campaign_name = 'calls 0' $$,
    'campaigns, triggers off: completed_calls 0 and scheduled_calls 0 pass the CHECK constraints');

SELECT throws_ok(
    $$ UPDATE expert_network.campaigns SET completed_calls = -1
        WHERE campaign_name = 'calls 0' $$,
    '23514', 'new row for relation "campaigns" violates check constraint "campaigns_completed_calls_check"',
    'campaigns, triggers off: completed_calls -1 is rejected by the CHECK constraint');

SELECT throws_ok(
    $$ UPDATE expert_network.campaigns SET scheduled_calls = -1
        WHERE campaign_name = 'calls 0' $$,
    '23514', 'new row for relation "campaigns" violates check constraint "campaigns_scheduled_calls_check"',
    'campaigns, triggers off: scheduled_calls -1 is rejected by the CHECK constraint');

SET LOCAL session_replication_role = origin;

SELECT is_empty($$ SELECT * FROM expert_network.verify_counters() $$,
                'campaigns: after these tests every counter is still exact (verify_counters() is empty)');

/* ------------------------------------------------------------------------
 * team assignments (primary keys on natural keys)
 * ------------------------------------------------------------------------ */

SELECT throws_ok(
    $$ INSERT INTO expert_network.campaign_team_assignments (campaign_id, team_member_id)
       VALUES ('c1000000-0000-4000-8000-000000000001', 'b1000000-0000-4000-8000-000000000001') $$,
    '23505', 'duplicate key value violates unique constraint "campaign_team_assignments_pkey"',
    'campaign_team_assignments: a member cannot be assigned to the same campaign twice');

SELECT throws_ok(
    $$ INSERT INTO expert_network.interview_team_assignments (interview_id, team_member_id)
       VALUES ('e3000000-0000-4000-8000-000000000001', 'b1000000-0000-4000-8000-000000000001') $$,
    '23505', 'duplicate key value violates unique constraint "interview_team_assignments_pkey"',
    'interview_team_assignments: a member cannot be assigned to the same interview twice');

/* ------------------------------------------------------------------------
 * screening_questions
 * ------------------------------------------------------------------------ */

SELECT lives_ok(
    format($$ INSERT INTO expert_network.screening_questions (campaign_id, question_text, question_type)
              VALUES ('c1000000-0000-4000-8000-000000000001', 'Question of type %s', %L) $$, t, t),
    format('screening_questions: question_type %L is accepted', t))
  FROM pg_catalog.unnest(ARRAY['text', 'multiple-choice', 'rating']) WITH ORDINALITY AS u(t, n)
 ORDER BY n;

SELECT throws_ok(
    $$ INSERT INTO expert_network.screening_questions (campaign_id, question_text, question_type)
       VALUES ('c1000000-0000-4000-8000-000000000001', 'Pick several', 'checkbox') $$,
    '23514', 'new row for relation "screening_questions" violates check constraint "screening_questions_question_type_check"',
    'screening_questions: question_type ''checkbox'' is rejected');

/* ------------------------------------------------------------------------
 * vendor_platforms
 * ------------------------------------------------------------------------ */

SELECT throws_ok(
    $$ INSERT INTO expert_network.vendor_platforms (name) VALUES ('GLG') $$,
    '23505', 'duplicate key value violates unique constraint "vendor_platforms_name_key"',
    'vendor_platforms: a second vendor named GLG is rejected');

SELECT lives_ok(
    $$ INSERT INTO expert_network.vendor_platforms (name, overall_score) VALUES ('Score 0', 0) $$,
    'vendor_platforms: overall_score 0 is accepted');
SELECT lives_ok(
    $$ INSERT INTO expert_network.vendor_platforms (name, overall_score) VALUES ('Score 5', 5) $$,
    'vendor_platforms: overall_score 5 is accepted');
SELECT throws_ok(
    $$ INSERT INTO expert_network.vendor_platforms (name, overall_score) VALUES ('Score 5.1', 5.1) $$,
    '23514', 'new row for relation "vendor_platforms" violates check constraint "vendor_platforms_overall_score_check"',
    'vendor_platforms: overall_score 5.1 is rejected');
SELECT throws_ok(
    $$ INSERT INTO expert_network.vendor_platforms (name, overall_score) VALUES ('Score -0.1', -0.1) $$,
    '23514', 'new row for relation "vendor_platforms" violates check constraint "vendor_platforms_overall_score_check"',
    'vendor_platforms: overall_score -0.1 is rejected');

SELECT lives_ok(
    $$ INSERT INTO expert_network.vendor_platforms (name, avg_cost_per_call_min) VALUES ('Cost min 0', 0) $$,
    'vendor_platforms: avg_cost_per_call_min 0 is accepted');
SELECT throws_ok(
    $$ INSERT INTO expert_network.vendor_platforms (name, avg_cost_per_call_min) VALUES ('Cost min -1', -1) $$,
    '23514', 'new row for relation "vendor_platforms" violates check constraint "vendor_platforms_cost_min_check"',
    'vendor_platforms: avg_cost_per_call_min -1 is rejected');

SELECT lives_ok(
    $$ INSERT INTO expert_network.vendor_platforms (name, avg_cost_per_call_max) VALUES ('Cost max 0', 0) $$,
    'vendor_platforms: avg_cost_per_call_max 0 is accepted');
SELECT throws_ok(
    $$ INSERT INTO expert_network.vendor_platforms (name, avg_cost_per_call_max) VALUES ('Cost max -1', -1) $$,
    '23514', 'new row for relation "vendor_platforms" violates check constraint "vendor_platforms_cost_max_check"',
    'vendor_platforms: avg_cost_per_call_max -1 is rejected');

SELECT lives_ok(
    $$ INSERT INTO expert_network.vendor_platforms (name, avg_cost_per_call_min, avg_cost_per_call_max)
       VALUES ('Cost min = max', 1000, 1000) $$,
    'vendor_platforms: avg_cost_per_call_min = avg_cost_per_call_max is accepted');
SELECT throws_ok(
    $$ INSERT INTO expert_network.vendor_platforms (name, avg_cost_per_call_min, avg_cost_per_call_max)
       VALUES ('Cost min > max', 1001, 1000) $$,
    '23514', 'new row for relation "vendor_platforms" violates check constraint "vendor_platforms_cost_range_check"',
    'vendor_platforms: avg_cost_per_call_min > avg_cost_per_call_max is rejected');

/* ------------------------------------------------------------------------
 * campaign_vendor_enrollments
 * ------------------------------------------------------------------------ */

-- from enrolled, each status in turn, one step of the enrollment workflow
-- each: enrolled → not_enrolled → pending → enrolled
SELECT lives_ok(
    format($$ UPDATE expert_network.campaign_vendor_enrollments SET status = %L
               WHERE id = 'e5000000-0000-4000-8000-000000000001' $$, s),
    format('campaign_vendor_enrollments: status %L is accepted', s))
  FROM pg_catalog.unnest(ARRAY['not_enrolled', 'pending', 'enrolled']) WITH ORDINALITY AS u(s, n)
 ORDER BY n;

SELECT throws_ok(
    $$ UPDATE expert_network.campaign_vendor_enrollments SET status = 'declined'
        WHERE id = 'e5000000-0000-4000-8000-000000000001' $$,
    '22P02', 'invalid input value for enum expert_network.enrollment_status: "declined"',
    'campaign_vendor_enrollments: status ''declined'' is rejected');

SELECT throws_ok(
    $$ INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id)
       VALUES ('c1000000-0000-4000-8000-000000000001', 'f1000000-0000-4000-8000-000000000001') $$,
    '23505', 'duplicate key value violates unique constraint "campaign_vendor_enrollments_campaign_id_vendor_platform_id_key"',
    'campaign_vendor_enrollments: a vendor cannot be enrolled twice in one campaign');

SELECT lives_ok(
    $$ INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id)
       VALUES ('c1000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001') $$,
    'campaign_vendor_enrollments: a second vendor may be enrolled in the same campaign');

/* ------------------------------------------------------------------------
 * experts
 * ------------------------------------------------------------------------ */

SELECT lives_ok(
    format($$ INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title, status)
              VALUES ('c1000000-0000-4000-8000-000000000001', 'f1000000-0000-4000-8000-000000000001',
                      'Expert %s', 'Title', %L) $$, s, s),
    format('experts: status %L is accepted', s))
  FROM pg_catalog.unnest(ARRAY['proposed', 'reviewed', 'rejected', 'scheduling', 'scheduled', 'completed'])
       WITH ORDINALITY AS u(s, n)
 ORDER BY n;

SELECT throws_ok(
    $$ INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title, status)
       VALUES ('c1000000-0000-4000-8000-000000000001', 'f1000000-0000-4000-8000-000000000001',
               'Expert bogus', 'Title', 'hired') $$,
    '22P02', 'invalid input value for enum expert_network.expert_status: "hired"',
    'experts: status ''hired'' is rejected');

SELECT lives_ok(
    format($$ INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title, rating)
              VALUES ('c1000000-0000-4000-8000-000000000001', 'f1000000-0000-4000-8000-000000000001',
                      'Rated', 'Title', %s) $$, r),
    format('experts: rating %s is accepted', r))
  FROM pg_catalog.unnest(ARRAY['0', '5']) WITH ORDINALITY AS u(r, n)
 ORDER BY n;

SELECT throws_ok(
    format($$ INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title, rating)
              VALUES ('c1000000-0000-4000-8000-000000000001', 'f1000000-0000-4000-8000-000000000001',
                      'Rated', 'Title', %s) $$, r),
    '23514', 'new row for relation "experts" violates check constraint "experts_rating_check"',
    format('experts: rating %s is rejected', r))
  FROM pg_catalog.unnest(ARRAY['5.1', '-0.1']) WITH ORDINALITY AS u(r, n)
 ORDER BY n;

SELECT lives_ok(
    format($$ INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title, ai_fit_score)
              VALUES ('c1000000-0000-4000-8000-000000000001', 'f1000000-0000-4000-8000-000000000001',
                      'Scored', 'Title', %s) $$, v),
    format('experts: ai_fit_score %s is accepted', v))
  FROM pg_catalog.unnest(ARRAY['0', '10']) WITH ORDINALITY AS u(v, n)
 ORDER BY n;

SELECT throws_ok(
    format($$ INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title, ai_fit_score)
              VALUES ('c1000000-0000-4000-8000-000000000001', 'f1000000-0000-4000-8000-000000000001',
                      'Scored', 'Title', %s) $$, v),
    '23514', 'new row for relation "experts" violates check constraint "experts_ai_fit_score_check"',
    format('experts: ai_fit_score %s is rejected', v))
  FROM pg_catalog.unnest(ARRAY['-1', '11']) WITH ORDINALITY AS u(v, n)
 ORDER BY n;

/* ------------------------------------------------------------------------
 * interviews
 * ------------------------------------------------------------------------ */

-- (an hour apart: since 0.13.0 calls with one person may not overlap)
SELECT lives_ok(
    format($$ INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time, status)
              VALUES ('c1000000-0000-4000-8000-000000000001', 'e2000000-0000-4000-8000-000000000001',
                      '2025-02-02', %L, %L) $$, pg_catalog.make_time(10 + n::int, 0, 0), s),
    format('interviews: status %L is accepted', s))
  FROM pg_catalog.unnest(ARRAY['pending', 'scheduled', 'confirmed', 'completed', 'cancelled'])
       WITH ORDINALITY AS u(s, n)
 ORDER BY n;

SELECT throws_ok(
    $$ UPDATE expert_network.interviews SET status = 'no_show'
        WHERE id = 'e3000000-0000-4000-8000-000000000001' $$,
    '22P02', 'invalid input value for enum expert_network.interview_status: "no_show"',
    'interviews: UPDATE to status ''no_show'' is rejected');

SELECT lives_ok(
    $$ INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time, duration_minutes)
       VALUES ('c1000000-0000-4000-8000-000000000001', 'e2000000-0000-4000-8000-000000000001',
               '2025-02-03', '09:00', 1) $$,
    'interviews: duration_minutes 1 is accepted');

SELECT throws_ok(
    $$ INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time, duration_minutes)
       VALUES ('c1000000-0000-4000-8000-000000000001', 'e2000000-0000-4000-8000-000000000001',
               '2025-02-03', '09:00', 0) $$,
    '23514', 'new row for relation "interviews" violates check constraint "interviews_duration_minutes_check"',
    'interviews: duration_minutes 0 is rejected');

SELECT throws_ok(
    $$ UPDATE expert_network.interviews SET duration_minutes = -30
        WHERE id = 'e3000000-0000-4000-8000-000000000001' $$,
    '23514', 'new row for relation "interviews" violates check constraint "interviews_duration_minutes_check"',
    'interviews: UPDATE to duration_minutes -30 is rejected');

/* ------------------------------------------------------------------------
 * completed_interviews: four 0–5 ratings and one row per interview
 * ------------------------------------------------------------------------ */

SELECT lives_ok(
    format($$ UPDATE expert_network.completed_interviews SET %I = %s
               WHERE id = 'e4000000-0000-4000-8000-000000000001' $$, c, v),
    format('completed_interviews: %s %s is accepted', c, v))
  FROM pg_catalog.unnest(ARRAY['rating', 'relevance_rating', 'expertise_rating', 'communication_rating'])
       WITH ORDINALITY AS cu(c, cn),
       pg_catalog.unnest(ARRAY['0', '5']) WITH ORDINALITY AS vu(v, vn)
 ORDER BY cn, vn;

SELECT throws_ok(
    format($$ UPDATE expert_network.completed_interviews SET %I = %s
               WHERE id = 'e4000000-0000-4000-8000-000000000001' $$, c, v),
    '23514',
    format('new row for relation "completed_interviews" violates check constraint "completed_interviews_%s_check"', c),
    format('completed_interviews: %s %s is rejected', c, v))
  FROM pg_catalog.unnest(ARRAY['rating', 'relevance_rating', 'expertise_rating', 'communication_rating'])
       WITH ORDINALITY AS cu(c, cn),
       pg_catalog.unnest(ARRAY['5.1', '-0.1']) WITH ORDINALITY AS vu(v, vn)
 ORDER BY cn, vn;

SELECT results_eq(
    $$ SELECT rating, relevance_rating, expertise_rating, communication_rating
         FROM expert_network.completed_interviews
        WHERE id = 'e4000000-0000-4000-8000-000000000001' $$,
    $$ VALUES (5.0::numeric(2,1), 5.0::numeric(2,1), 5.0::numeric(2,1), 5.0::numeric(2,1)) $$,
    'completed_interviews: the accepted ratings were stored, the rejected ones were not');

SELECT throws_ok(
    $$ INSERT INTO expert_network.completed_interviews (interview_id, campaign_id, expert_id,
                                                        interview_date, interview_time, duration)
       VALUES ('e3000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001',
               'e2000000-0000-4000-8000-000000000001', '2025-02-01', '10:00 AM', '60 min') $$,
    '23505', 'duplicate key value violates unique constraint "completed_interviews_interview_id_key"',
    'completed_interviews: an interview cannot be completed twice');

/* ------------------------------------------------------------------------
 * chat_messages, research_activities, research_sources
 * ------------------------------------------------------------------------ */

SELECT lives_ok(
    format($$ INSERT INTO expert_network.chat_messages (chat_session_id, role, content)
              VALUES ('e6000000-0000-4000-8000-000000000001', %L, 'hello') $$, r),
    format('chat_messages: role %L is accepted', r))
  FROM pg_catalog.unnest(ARRAY['user', 'assistant']) WITH ORDINALITY AS u(r, n)
 ORDER BY n;

SELECT throws_ok(
    $$ INSERT INTO expert_network.chat_messages (chat_session_id, role, content)
       VALUES ('e6000000-0000-4000-8000-000000000001', 'system', 'hello') $$,
    '23514', 'new row for relation "chat_messages" violates check constraint "chat_messages_role_check"',
    'chat_messages: role ''system'' is rejected');

SELECT lives_ok(
    format($$ INSERT INTO expert_network.research_activities (chat_session_id, activity_name, status)
              VALUES ('e6000000-0000-4000-8000-000000000001', 'Activity', %L) $$, s),
    format('research_activities: status %L is accepted', s))
  FROM pg_catalog.unnest(ARRAY['queued', 'processing', 'completed', 'failed']) WITH ORDINALITY AS u(s, n)
 ORDER BY n;

SELECT throws_ok(
    $$ INSERT INTO expert_network.research_activities (chat_session_id, activity_name, status)
       VALUES ('e6000000-0000-4000-8000-000000000001', 'Activity', 'running') $$,
    '22P02', 'invalid input value for enum expert_network.research_activity_status: "running"',
    'research_activities: status ''running'' is rejected');

SELECT lives_ok(
    format($$ INSERT INTO expert_network.research_activities (chat_session_id, activity_name, confidence)
              VALUES ('e6000000-0000-4000-8000-000000000001', 'Activity', %s) $$, v),
    format('research_activities: confidence %s is accepted', v))
  FROM pg_catalog.unnest(ARRAY['0', '100']) WITH ORDINALITY AS u(v, n)
 ORDER BY n;

SELECT throws_ok(
    format($$ INSERT INTO expert_network.research_activities (chat_session_id, activity_name, confidence)
              VALUES ('e6000000-0000-4000-8000-000000000001', 'Activity', %s) $$, v),
    '23514', 'new row for relation "research_activities" violates check constraint "research_activities_confidence_check"',
    format('research_activities: confidence %s is rejected', v))
  FROM pg_catalog.unnest(ARRAY['-1', '101']) WITH ORDINALITY AS u(v, n)
 ORDER BY n;

SELECT lives_ok(
    format($$ INSERT INTO expert_network.research_sources (chat_session_id, source_name, source_type, status)
              VALUES ('e6000000-0000-4000-8000-000000000001', 'Source', 'URL', %L) $$, s),
    format('research_sources: status %L is accepted', s))
  FROM pg_catalog.unnest(ARRAY['processing', 'scraped', 'failed']) WITH ORDINALITY AS u(s, n)
 ORDER BY n;

SELECT throws_ok(
    $$ INSERT INTO expert_network.research_sources (chat_session_id, source_name, source_type, status)
       VALUES ('e6000000-0000-4000-8000-000000000001', 'Source', 'URL', 'queued') $$,
    '22P02', 'invalid input value for enum expert_network.research_source_status: "queued"',
    'research_sources: status ''queued'' is rejected');

/* ------------------------------------------------------------------------
 * status_history (0.4.0): only the extension writes it, but its CHECK
 * holds for anyone who may write it at all (here the superuser): the six
 * workflow entities, nothing else.  It has no owner-key trigger: its owner
 * is the column default, the identity (0.15.0: written
 * (expert_network.current_user_id() COLLATE pg_catalog."default")), so
 * these INSERTs leave user_id out, as the application's statements do.
 * ------------------------------------------------------------------------ */

SELECT lives_ok(
    format($$ INSERT INTO expert_network.status_history (entity, row_id, from_status, to_status)
              VALUES (%L, '99000000-0000-4000-8000-000000000001', NULL, 'x') $$, e),
    format('status_history: entity %L is accepted', e))
  FROM pg_catalog.unnest(ARRAY['campaign', 'expert', 'interview', 'enrollment', 'research_activity', 'research_source'])
       WITH ORDINALITY AS u(e, n)
 ORDER BY n;

-- the six rows took their owner from the default: the identity u1
SELECT results_eq(
    $$ SELECT entity, user_id FROM expert_network.status_history
        WHERE row_id = '99000000-0000-4000-8000-000000000001' ORDER BY entity $$,
    $$ VALUES ('campaign'::text, 'u1'::text), ('enrollment', 'u1'), ('expert', 'u1'),
              ('interview', 'u1'), ('research_activity', 'u1'), ('research_source', 'u1') $$,
    'status_history: a row that leaves user_id out gets the identity (the default expert_network.current_user_id())');

SELECT throws_ok(
    $$ INSERT INTO expert_network.status_history (entity, row_id, to_status)
       VALUES ('vendor', '99000000-0000-4000-8000-000000000001', 'x') $$,
    '23514', 'new row for relation "status_history" violates check constraint "status_history_entity_check"',
    'status_history: entity ''vendor'' is rejected');

SELECT throws_ok(
    $$ INSERT INTO expert_network.status_history (entity, row_id, to_status)
       VALUES ('research activity', '99000000-0000-4000-8000-000000000001', 'x') $$,
    '23514', 'new row for relation "status_history" violates check constraint "status_history_entity_check"',
    'status_history: entity ''research activity'' (a space for the underscore) is rejected');

SELECT throws_ok(
    $$ INSERT INTO expert_network.status_history (entity, row_id, from_status)
       VALUES ('campaign', '99000000-0000-4000-8000-000000000001', 'draft') $$,
    '23502', 'null value in column "to_status" of relation "status_history" violates not-null constraint',
    'status_history: a row without to_status is rejected (from_status may be NULL, to_status may not)');

-- without an identity the default is NULL, and nothing else fills the owner
SET LOCAL expert_network.user_id = '';
SELECT throws_ok(
    $$ INSERT INTO expert_network.status_history (entity, row_id, to_status)
       VALUES ('campaign', '99000000-0000-4000-8000-000000000001', 'draft') $$,
    '23502', 'null value in column "user_id" of relation "status_history" violates not-null constraint',
    'status_history: without an identity a row that leaves user_id out is rejected (the default current_user_id() is NULL)');
SET LOCAL expert_network.user_id = 'u1';

/* ------------------------------------------------------------------------
 * user_ui_preferences
 * ------------------------------------------------------------------------ */

-- one row per user: each theme is tried by a user of its own
SET LOCAL expert_network.user_id = 'theme-light';
SELECT lives_ok(
    $$ INSERT INTO expert_network.user_ui_preferences (theme) VALUES ('light') $$,
    'user_ui_preferences: theme ''light'' is accepted');
SET LOCAL expert_network.user_id = 'theme-dark';
SELECT lives_ok(
    $$ INSERT INTO expert_network.user_ui_preferences (theme) VALUES ('dark') $$,
    'user_ui_preferences: theme ''dark'' is accepted');
SET LOCAL expert_network.user_id = 'u1';

SELECT throws_ok(
    $$ UPDATE expert_network.user_ui_preferences SET theme = 'system' WHERE user_id = 'u1' $$,
    '23514', 'new row for relation "user_ui_preferences" violates check constraint "user_ui_preferences_theme_check"',
    'user_ui_preferences: UPDATE to theme ''system'' is rejected');

SELECT throws_ok(
    $$ INSERT INTO expert_network.user_ui_preferences DEFAULT VALUES $$,
    '23505', 'duplicate key value violates unique constraint "user_ui_preferences_pkey"',
    'user_ui_preferences: one row per user');

/* ------------------------------------------------------------------------
 * campaign_costs
 * ------------------------------------------------------------------------ */

SELECT lives_ok(
    format($$ INSERT INTO expert_network.campaign_costs (campaign_id, fee_type, amount_usd)
              VALUES ('c1000000-0000-4000-8000-000000000001', %L, 100) $$, f),
    format('campaign_costs: fee_type %L is accepted', f))
  FROM pg_catalog.unnest(ARRAY['recruiting_fee', 'per_call', 'subscription']) WITH ORDINALITY AS u(f, n)
 ORDER BY n;

SELECT throws_ok(
    $$ INSERT INTO expert_network.campaign_costs (campaign_id, fee_type, amount_usd)
       VALUES ('c1000000-0000-4000-8000-000000000001', 'per-call', 100) $$,
    '23514', 'new row for relation "campaign_costs" violates check constraint "campaign_costs_fee_type_check"',
    'campaign_costs: fee_type ''per-call'' is rejected');

SELECT lives_ok(
    $$ INSERT INTO expert_network.campaign_costs (campaign_id, fee_type, amount_usd)
       VALUES ('c1000000-0000-4000-8000-000000000001', 'per_call', 0) $$,
    'campaign_costs: amount_usd 0 is accepted');

SELECT throws_ok(
    $$ INSERT INTO expert_network.campaign_costs (campaign_id, fee_type, amount_usd)
       VALUES ('c1000000-0000-4000-8000-000000000001', 'per_call', -0.01) $$,
    '23514', 'new row for relation "campaign_costs" violates check constraint "campaign_costs_amount_usd_check"',
    'campaign_costs: amount_usd -0.01 is rejected');

SELECT lives_ok(
    $$ INSERT INTO expert_network.campaign_costs (campaign_id, fee_type, amount_usd, units)
       VALUES ('c1000000-0000-4000-8000-000000000001', 'per_call', 100, 0) $$,
    'campaign_costs: units 0 is accepted');

SELECT throws_ok(
    $$ INSERT INTO expert_network.campaign_costs (campaign_id, fee_type, amount_usd, units)
       VALUES ('c1000000-0000-4000-8000-000000000001', 'per_call', 100, -1) $$,
    '23514', 'new row for relation "campaign_costs" violates check constraint "campaign_costs_units_check"',
    'campaign_costs: units -1 is rejected');

/* ------------------------------------------------------------------------
 * access_levels (0.8.0): grant_access() writes it, but its CHECK holds for
 * anyone who may write it at all (here the superuser): the four levels
 * (0.10.0: compliance), nothing else; and one row per role (its primary
 * key, a natural key)
 * ------------------------------------------------------------------------ */

CREATE ROLE en_con_readonly NOLOGIN;
CREATE ROLE en_con_app NOLOGIN;
CREATE ROLE en_con_compliance NOLOGIN;
CREATE ROLE en_con_admin NOLOGIN;

SELECT lives_ok(
    format($$ INSERT INTO expert_network.access_levels (role, level) VALUES (%L, %L) $$, 'en_con_' || l, l),
    format('access_levels: level %L is accepted', l))
  FROM pg_catalog.unnest(ARRAY['readonly', 'app', 'compliance', 'admin']) WITH ORDINALITY AS u(l, n)
 ORDER BY n;

SELECT throws_ok(
    $$ UPDATE expert_network.access_levels SET level = 'superuser' WHERE role = 'en_con_admin'::regrole $$,
    '23514', 'new row for relation "access_levels" violates check constraint "access_levels_level_check"',
    'access_levels: UPDATE to level ''superuser'' is rejected');

SELECT throws_ok(
    $$ UPDATE expert_network.access_levels SET level = 'Admin' WHERE role = 'en_con_admin'::regrole $$,
    '23514', 'new row for relation "access_levels" violates check constraint "access_levels_level_check"',
    'access_levels: level ''Admin'' (not lower case) is rejected');

SELECT throws_ok(
    $$ INSERT INTO expert_network.access_levels (role, level) VALUES ('en_con_app', 'readonly') $$,
    '23505', 'duplicate key value violates unique constraint "access_levels_pkey"',
    'access_levels: one level per role');
SELECT throws_ok(
    $$ UPDATE expert_network.access_levels SET level = 'officer' WHERE role = 'en_con_compliance'::regrole $$,
    '23514', 'new row for relation "access_levels" violates check constraint "access_levels_level_check"',
    'access_levels: level ''officer'' (not the name of the compliance level) is rejected');

/* ------------------------------------------------------------------------
 * The compliance tables (0.10.0).  A superuser writes them all here (the
 * levels that may are test/pgtap/scoping.sql's, the log's protection and
 * the gates test/pgtap/compliance.sql's); the restricted list and the
 * policy as users of their own.
 * ------------------------------------------------------------------------ */

-- restricted_companies: a company with a matching key (not empty once the
-- legal form and punctuation are gone), an end not before the start
SET LOCAL expert_network.user_id = 'u-list';
SELECT lives_ok(
    format($$ INSERT INTO expert_network.restricted_companies (company) VALUES (%L) $$, c),
    format('restricted_companies: company %L (key %L) is accepted', c, expert_network.company_key(c)))
  FROM pg_catalog.unnest(ARRAY['X', 'Inc.', 'L.L.C.', 'The Acme Company, Ltd.']) WITH ORDINALITY AS u(c, n)
 ORDER BY n;
SELECT throws_ok(
    format($$ INSERT INTO expert_network.restricted_companies (company) VALUES (%L) $$, c),
    '23514', 'new row for relation "restricted_companies" violates check constraint "restricted_companies_company_check"',
    format('restricted_companies: company %L (an empty key) is rejected', c))
  FROM pg_catalog.unnest(ARRAY['---', '', '   ', '...']) WITH ORDINALITY AS u(c, n)
 ORDER BY n;
SELECT lives_ok(
    $$ INSERT INTO expert_network.restricted_companies (company, applies_from, applies_until)
       VALUES ('One Day Co', '2027-01-01', '2027-01-01') $$,
    'restricted_companies: an entry that applies for one day (applies_until = applies_from) is accepted');
SELECT lives_ok(
    $$ INSERT INTO expert_network.restricted_companies (company, applies_from, applies_until)
       VALUES ('Open Co', '2027-01-01', NULL) $$,
    'restricted_companies: an entry until further notice (applies_until NULL) is accepted');
SELECT throws_ok(
    $$ INSERT INTO expert_network.restricted_companies (company, applies_from, applies_until)
       VALUES ('Backwards Co', '2027-01-02', '2027-01-01') $$,
    '23514', 'new row for relation "restricted_companies" violates check constraint "restricted_companies_dates_check"',
    'restricted_companies: an entry that ends the day before it starts is rejected');
SELECT throws_ok(
    $$ UPDATE expert_network.restricted_companies SET company = '?!' WHERE company = 'X' $$,
    '23514', 'new row for relation "restricted_companies" violates check constraint "restricted_companies_company_check"',
    'restricted_companies: UPDATE to a company whose key is empty (''?!'') is rejected');
SELECT results_eq(
    $$ SELECT match_keys FROM expert_network.restricted_companies WHERE company = 'The Acme Company, Ltd.' $$,
    $$ VALUES ('{acme}'::text[]) $$,
    'restricted_companies: match_keys is generated from the company''s key');
SELECT throws_ok(
    $$ INSERT INTO expert_network.restricted_companies (company, match_keys) VALUES ('Forged', '{acme}') $$,
    '428C9', 'cannot insert a non-DEFAULT value into column "match_keys"',
    'restricted_companies: match_keys cannot be written');

-- compliance_policies: cooling-off periods of 0 to 120 months, one policy
-- per user (its primary key, user_id)
SET LOCAL expert_network.user_id = 'u-policy';
SELECT lives_ok(
    $$ INSERT INTO expert_network.compliance_policies (cooling_off_public_months, cooling_off_private_months)
       VALUES (0, 120) $$,
    'compliance_policies: 0 months (public) and 120 months (private) are accepted');
SELECT lives_ok(
    $$ UPDATE expert_network.compliance_policies SET cooling_off_public_months = 120, cooling_off_private_months = 0 $$,
    'compliance_policies: 120 months (public) and 0 months (private) are accepted');
SELECT throws_ok(
    format($$ UPDATE expert_network.compliance_policies SET %I = %s $$, col, v),
    '23514', 'new row for relation "compliance_policies" violates check constraint "compliance_policies_months_check"',
    format('compliance_policies: %s = %s is rejected', col, v))
  FROM (VALUES (1, 'cooling_off_public_months', -1), (2, 'cooling_off_public_months', 121),
               (3, 'cooling_off_private_months', -1), (4, 'cooling_off_private_months', 121)) AS v(n, col, v)
 ORDER BY n;
SELECT throws_ok(
    $$ INSERT INTO expert_network.compliance_policies DEFAULT VALUES $$,
    '23505', 'duplicate key value violates unique constraint "compliance_policies_pkey"',
    'compliance_policies: one policy per user');
-- call_caps (0.13.0): 1 to 10,000 calls in a window of more than nothing
-- and at most 10 years, one cap per user
SELECT lives_ok(
    $$ INSERT INTO expert_network.call_caps (max_calls, call_window) VALUES (1, '10 years') $$,
    'call_caps: 1 call in 10 years is accepted');
SELECT lives_ok(
    $$ UPDATE expert_network.call_caps SET max_calls = 10000, call_window = '1 second' $$,
    'call_caps: 10,000 calls in 1 second is accepted');
SELECT throws_ok(
    format($$ UPDATE expert_network.call_caps SET %I = %L $$, col, v),
    '23514', format('new row for relation "call_caps" violates check constraint "call_caps_%s_check"', col),
    format('call_caps: %s = %s is rejected', col, v))
  FROM (VALUES (1, 'max_calls', '0'), (2, 'max_calls', '10001'),
               (3, 'call_window', '0'), (4, 'call_window', '-1 day'), (5, 'call_window', '10 years 1 day')) AS v(n, col, v)
 ORDER BY n;
SELECT throws_ok(
    $$ INSERT INTO expert_network.call_caps (max_calls) VALUES (12) $$,
    '23505', 'duplicate key value violates unique constraint "call_caps_pkey"',
    'call_caps: one cap per user');
SET LOCAL expert_network.user_id = 'u1';

-- expert_employments: an end not before the start; one open-ended
-- (current) employment per expert, any number of ended ones
SELECT lives_ok(
    $$ INSERT INTO expert_network.expert_employments (expert_id, company, started_on, ended_on)
       VALUES ('e2000000-0000-4000-8000-000000000001', 'One Day Employer', '2020-01-01', '2020-01-01'),
              ('e2000000-0000-4000-8000-000000000001', 'Undated Employer', NULL, '2020-06-30') $$,
    'expert_employments: an employment of one day, and one without a start, are accepted');
SELECT throws_ok(
    $$ INSERT INTO expert_network.expert_employments (expert_id, company, started_on, ended_on)
       VALUES ('e2000000-0000-4000-8000-000000000001', 'Backwards Employer', '2020-01-02', '2020-01-01') $$,
    '23514', 'new row for relation "expert_employments" violates check constraint "expert_employments_dates_check"',
    'expert_employments: an employment that ends the day before it starts is rejected');
SELECT lives_ok(
    $$ INSERT INTO expert_network.expert_employments (expert_id, company, started_on)
       VALUES ('e2000000-0000-4000-8000-000000000001', 'Current Employer', '2021-01-01') $$,
    'expert_employments: an open-ended (current) employment is accepted');
SELECT throws_ok(
    $$ INSERT INTO expert_network.expert_employments (expert_id, company, started_on)
       VALUES ('e2000000-0000-4000-8000-000000000001', 'Second Current Employer', '2022-01-01') $$,
    '23505', 'duplicate key value violates unique constraint "idx_expert_employments_current"',
    'expert_employments: a second open-ended employment of the same expert is rejected (idx_expert_employments_current)');
SELECT throws_ok(
    $$ UPDATE expert_network.expert_employments SET ended_on = NULL WHERE company = 'Undated Employer' $$,
    '23505', 'duplicate key value violates unique constraint "idx_expert_employments_current"',
    'expert_employments: reopening an ended employment while another is open is rejected');

-- campaign_subject_companies: a company with a matching key
SELECT lives_ok(
    $$ INSERT INTO expert_network.campaign_subject_companies (campaign_id, company, ticker)
       VALUES ('c1000000-0000-4000-8000-000000000001', 'Subject Co', 'SBJ') $$,
    'campaign_subject_companies: a subject company with a ticker is accepted');
SELECT throws_ok(
    $$ INSERT INTO expert_network.campaign_subject_companies (campaign_id, company, ticker)
       VALUES ('c1000000-0000-4000-8000-000000000001', ', .', 'SBJ') $$,
    '23514', 'new row for relation "campaign_subject_companies" violates check constraint "campaign_subject_companies_company_check"',
    'campaign_subject_companies: a company whose key is empty is rejected, whatever its ticker');

-- interview_attestations: both statements made
SELECT lives_ok(
    $$ INSERT INTO expert_network.interview_attestations (interview_id, attested_by, terms_version,
                                                          no_material_nonpublic_information, no_conflicting_obligations)
       VALUES ('e3000000-0000-4000-8000-000000000001', 'Expert One', 'v1', true, true) $$,
    'interview_attestations: an attestation making both statements is accepted');
SELECT throws_ok(
    format($$ INSERT INTO expert_network.interview_attestations (interview_id, attested_by, terms_version,
                                                                 no_material_nonpublic_information, no_conflicting_obligations)
              VALUES ('e3000000-0000-4000-8000-000000000001', 'Expert One', 'v1', %L, %L) $$, a, b),
    '23514', 'new row for relation "interview_attestations" violates check constraint "interview_attestations_statements_check"',
    format('interview_attestations: no_material_nonpublic_information %s, no_conflicting_obligations %s is rejected', a, b))
  FROM (VALUES (1, true, false), (2, false, true), (3, false, false)) AS v(n, a, b)
 ORDER BY n;

-- compliance_exceptions: one of the three rules, a reason, an expiry after
-- the approval (approved_at is the transaction's start, stamped whatever
-- the row says)
SELECT lives_ok(
    format($$ INSERT INTO expert_network.compliance_exceptions (expert_id, rule, reason, expires_at)
              VALUES ('e2000000-0000-4000-8000-000000000001', %L, 'Cleared', now() + interval '1 day') $$, r),
    format('compliance_exceptions: rule %L is accepted', r))
  FROM pg_catalog.unnest(ARRAY['restricted_list', 'cooling_off', 'attestation']) WITH ORDINALITY AS u(r, n)
 ORDER BY n;
SELECT throws_ok(
    format($$ INSERT INTO expert_network.compliance_exceptions (expert_id, rule, reason, expires_at)
              VALUES ('e2000000-0000-4000-8000-000000000001', %L, 'Cleared', now() + interval '1 day') $$, r),
    '22P02', format('invalid input value for enum expert_network.compliance_rule: "%s"', r),
    format('compliance_exceptions: rule %L is rejected (0.16.0: the enum compliance_rule)', r))
  FROM pg_catalog.unnest(ARRAY['restricted list', 'insider', 'Cooling_off']) WITH ORDINALITY AS u(r, n)
 ORDER BY n;
SELECT throws_ok(
    format($$ INSERT INTO expert_network.compliance_exceptions (expert_id, rule, reason, expires_at)
              VALUES ('e2000000-0000-4000-8000-000000000001', 'cooling_off', %L, now() + interval '1 day') $$, r),
    '23514', 'new row for relation "compliance_exceptions" violates check constraint "compliance_exceptions_reason_check"',
    format('compliance_exceptions: reason %L is rejected', r))
  FROM pg_catalog.unnest(ARRAY['', '   ']) WITH ORDINALITY AS u(r, n)
 ORDER BY n;
SELECT throws_ok(
    $$ INSERT INTO expert_network.compliance_exceptions (expert_id, rule, reason, expires_at)
       VALUES ('e2000000-0000-4000-8000-000000000001', 'cooling_off', 'Cleared', now()) $$,
    '23514', 'new row for relation "compliance_exceptions" violates check constraint "compliance_exceptions_expiry_check"',
    'compliance_exceptions: an exception expiring when it is approved is rejected');
SELECT lives_ok(
    $$ INSERT INTO expert_network.compliance_exceptions (expert_id, rule, reason, expires_at)
       VALUES ('e2000000-0000-4000-8000-000000000001', 'cooling_off', 'Cleared', now() + interval '1 microsecond') $$,
    'compliance_exceptions: an exception expiring a microsecond after its approval is accepted');
SELECT throws_ok(
    $$ INSERT INTO expert_network.compliance_exceptions (expert_id, rule, reason, approved_at, expires_at)
       VALUES ('e2000000-0000-4000-8000-000000000001', 'cooling_off', 'Cleared', '1999-01-01', '2000-01-01') $$,
    '23514', 'new row for relation "compliance_exceptions" violates check constraint "compliance_exceptions_expiry_check"',
    'compliance_exceptions: the expiry is checked against the stamped approval time, not the approved_at written');

-- compliance_log: the three rules, the three decisions (a superuser may
-- write it; protect_compliance_log refuses anyone else).  These INSERTs
-- leave user_id and decided_by out: the defaults give the identity and the
-- role (0.15.0: decided_by's written (CURRENT_USER::pg_catalog.text COLLATE
-- pg_catalog."default")).
SELECT lives_ok(
    format($$ INSERT INTO expert_network.compliance_log (expert_id, call_date, rule, decision)
              VALUES ('e2000000-0000-4000-8000-000000000001', '2025-02-01', %L, %L) $$, r, d),
    format('compliance_log: rule %L, decision %L is accepted', r, d))
  FROM (VALUES (1, 'restricted_list', 'passed'), (2, 'cooling_off', 'refused'), (3, 'attestation', 'excepted')) AS v(n, r, d)
 ORDER BY n;
SELECT throws_ok(
    $$ INSERT INTO expert_network.compliance_log (expert_id, call_date, rule, decision)
       VALUES ('e2000000-0000-4000-8000-000000000001', '2025-02-01', 'insider', 'passed') $$,
    '22P02', 'invalid input value for enum expert_network.compliance_rule: "insider"',
    'compliance_log: rule ''insider'' is rejected (0.16.0: the enum compliance_rule)');
SELECT throws_ok(
    $$ INSERT INTO expert_network.compliance_log (expert_id, call_date, rule, decision)
       VALUES ('e2000000-0000-4000-8000-000000000001', '2025-02-01', 'cooling_off', 'approved') $$,
    '22P02', 'invalid input value for enum expert_network.compliance_decision: "approved"',
    'compliance_log: decision ''approved'' is rejected (0.16.0: the enum compliance_decision)');
-- the three accepted rows (no interview: the gates' own rows for the
-- fixture's calls name one): decided_by is the role that wrote them (here
-- the superuser running the file), not the identity u1, which is their owner
SELECT results_eq(
    $$ SELECT rule::text, decision::text, user_id, decided_by FROM expert_network.compliance_log
        WHERE expert_id = 'e2000000-0000-4000-8000-000000000001' AND call_date = '2025-02-01'
          AND interview_id IS NULL ORDER BY compliance_log.rule $$,
    format($$ VALUES ('restricted_list'::text, 'passed'::text, 'u1'::text, %1$L::text),
                     ('cooling_off', 'refused', 'u1', %1$L), ('attestation', 'excepted', 'u1', %1$L) $$,
           CURRENT_USER),
    'compliance_log: a row that leaves decided_by out gets CURRENT_USER (the default), and user_id the identity (ORDER BY rule: the enum''s order, 0.16.0)');

/* ------------------------------------------------------------------------
 * Foreign keys end to end
 *
 *   a1…02 project P2 with campaign c1…03
 *   c1…02 campaign C2, to be deleted, with one row in every child table
 *         (0.10.0: a subject company; an employment and an exception of its
 *         expert e2…02, an attestation of its interview e3…02)
 *   f1…02 vendor referenced by a campaign cost only
 *   f1…03 vendor referenced by an enrollment only
 * ------------------------------------------------------------------------ */

SELECT throws_ok(
    $$ INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title)
       VALUES ('c1000000-0000-4000-8000-0000000000ff', 'f1000000-0000-4000-8000-000000000001',
               'Orphan', 'Title') $$,
    '23503', 'insert or update on table "experts" violates foreign key constraint "experts_campaign_id_fkey"',
    'experts: an expert of a campaign that does not exist is rejected');

-- 0.7.0: a reference is to the parent's (id, user_id) (the UNIQUE
-- (id, user_id) keys): a row of another owner than its parent's is refused
-- even on the restore path (a superuser without an identity and, 0.8.0,
-- with row_security off, which writes the user_id the row carries) (2)
SET LOCAL expert_network.user_id = '';
SET LOCAL row_security = off;
SELECT throws_ok(
    $$ INSERT INTO expert_network.campaign_costs (user_id, campaign_id, fee_type, amount_usd)
       VALUES ('u2', 'c1000000-0000-4000-8000-000000000001', 'per_call', 1) $$,
    '23503', 'insert or update on table "campaign_costs" violates foreign key constraint "campaign_costs_campaign_id_fkey"',
    'campaign_costs: a cost whose user_id is not its campaign''s is rejected (campaigns_id_user_id_key)');
SELECT throws_ok(
    $$ INSERT INTO expert_network.campaigns (user_id, project_id, campaign_name, industry_vertical,
                                             start_date, target_completion_date)
       VALUES ('u2', 'a1000000-0000-4000-8000-000000000001', 'Other owner', 'Technology', '2025-01-01', '2025-03-31') $$,
    '23503', 'insert or update on table "campaigns" violates foreign key constraint "campaigns_project_id_fkey"',
    'campaigns: a campaign whose user_id is not its project''s is rejected (projects_id_user_id_key)');
SET LOCAL row_security = on;
SET LOCAL expert_network.user_id = 'u1';

INSERT INTO expert_network.projects (id, project_code, project_name)
VALUES ('a1000000-0000-4000-8000-000000000002', 'P-002', 'Project Two');

INSERT INTO expert_network.campaigns (id, project_id, campaign_name, industry_vertical,
                                      start_date, target_completion_date)
VALUES ('c1000000-0000-4000-8000-000000000002', 'a1000000-0000-4000-8000-000000000002',
        'Campaign Two', 'Healthcare', '2025-01-01', '2025-03-31'),
       ('c1000000-0000-4000-8000-000000000003', 'a1000000-0000-4000-8000-000000000002',
        'Campaign Three', 'Healthcare', '2025-01-01', '2025-03-31');

INSERT INTO expert_network.vendor_platforms (id, name) VALUES
    ('f1000000-0000-4000-8000-000000000002', 'Cost-only Vendor'),
    ('f1000000-0000-4000-8000-000000000003', 'Enrollment-only Vendor');

INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text) VALUES
    ('e1000000-0000-4000-8000-000000000002', 'c1000000-0000-4000-8000-000000000002', NULL, 'Parent question'),
    ('e1000000-0000-4000-8000-000000000003', 'c1000000-0000-4000-8000-000000000002',
     'e1000000-0000-4000-8000-000000000002', 'Sub-question');

INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
VALUES ('c1000000-0000-4000-8000-000000000002', 'f1000000-0000-4000-8000-000000000001', 'enrolled'),
       ('c1000000-0000-4000-8000-000000000001', 'f1000000-0000-4000-8000-000000000003', 'pending');

INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, status)
VALUES ('e2000000-0000-4000-8000-000000000002', 'c1000000-0000-4000-8000-000000000002',
        'f1000000-0000-4000-8000-000000000001', 'Expert Two', 'CFO', 'reviewed');

INSERT INTO expert_network.expert_screening_responses (expert_id, screening_question_id, response_text)
VALUES ('e2000000-0000-4000-8000-000000000002', 'e1000000-0000-4000-8000-000000000003', '12 years');

INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
VALUES ('e3000000-0000-4000-8000-000000000002', 'c1000000-0000-4000-8000-000000000002',
        'e2000000-0000-4000-8000-000000000002', '2025-02-10', '15:00');

INSERT INTO expert_network.interview_team_assignments (interview_id, team_member_id)
VALUES ('e3000000-0000-4000-8000-000000000002', 'b1000000-0000-4000-8000-000000000001');

INSERT INTO expert_network.completed_interviews (interview_id, campaign_id, expert_id,
                                                 interview_date, interview_time, duration)
VALUES ('e3000000-0000-4000-8000-000000000002', 'c1000000-0000-4000-8000-000000000002',
        'e2000000-0000-4000-8000-000000000002', '2025-02-10', '3:00 PM', '45 min');

INSERT INTO expert_network.campaign_costs (campaign_id, vendor_platform_id, fee_type, amount_usd)
VALUES ('c1000000-0000-4000-8000-000000000002', NULL, 'subscription', 5000),
       ('c1000000-0000-4000-8000-000000000001', 'f1000000-0000-4000-8000-000000000002', 'recruiting_fee', 300);

INSERT INTO expert_network.campaign_team_assignments (campaign_id, team_member_id)
VALUES ('c1000000-0000-4000-8000-000000000002', 'b1000000-0000-4000-8000-000000000001');

INSERT INTO expert_network.chat_sessions (id, campaign_id, title)
VALUES ('e6000000-0000-4000-8000-000000000002', 'c1000000-0000-4000-8000-000000000002',
        'Session Two');

INSERT INTO expert_network.chat_messages (chat_session_id, role, content)
VALUES ('e6000000-0000-4000-8000-000000000002', 'user', 'question');
INSERT INTO expert_network.research_activities (chat_session_id, activity_name)
VALUES ('e6000000-0000-4000-8000-000000000002', 'Activity');
INSERT INTO expert_network.research_sources (chat_session_id, source_name, source_type)
VALUES ('e6000000-0000-4000-8000-000000000002', 'Source', 'URL');
INSERT INTO expert_network.answer_sections (chat_session_id, title, content)
VALUES ('e6000000-0000-4000-8000-000000000002', 'Summary', 'text');

INSERT INTO expert_network.campaign_subject_companies (campaign_id, company)
VALUES ('c1000000-0000-4000-8000-000000000002', 'Cascade Subject Co');
INSERT INTO expert_network.expert_employments (expert_id, company, started_on, ended_on)
VALUES ('e2000000-0000-4000-8000-000000000002', 'Cascade Employer', '2010-01-01', '2015-12-31');
INSERT INTO expert_network.compliance_exceptions (expert_id, rule, reason, expires_at)
VALUES ('e2000000-0000-4000-8000-000000000002', 'attestation', 'Cascade', now() + interval '1 day');
INSERT INTO expert_network.interview_attestations (interview_id, attested_by, terms_version,
                                                  no_material_nonpublic_information, no_conflicting_obligations)
VALUES ('e3000000-0000-4000-8000-000000000002', 'Expert Two', 'v1', true, true);

-- sub-question cascade: deleting a parent question removes its sub-questions
-- and their responses
SELECT lives_ok(
    $$ DELETE FROM expert_network.screening_questions WHERE id = 'e1000000-0000-4000-8000-000000000002' $$,
    'screening_questions: a parent question can be deleted');
SELECT is((SELECT count(*)::int FROM expert_network.screening_questions
            WHERE id = 'e1000000-0000-4000-8000-000000000003'), 0,
          'screening_questions: deleting a parent question deletes its sub-questions');
SELECT is((SELECT count(*)::int FROM expert_network.expert_screening_responses
            WHERE expert_id = 'e2000000-0000-4000-8000-000000000002'), 0,
          'expert_screening_responses: deleting a question deletes the responses to it');

-- the vendor rules: NO ACTION from experts and campaign_costs, CASCADE from enrollments
SELECT throws_ok(
    $$ DELETE FROM expert_network.vendor_platforms WHERE id = 'f1000000-0000-4000-8000-000000000001' $$,
    '23503', 'update or delete on table "vendor_platforms" violates foreign key constraint "experts_vendor_platform_id_fkey" on table "experts"',
    'vendor_platforms: a vendor referenced by an expert cannot be deleted');

SELECT throws_ok(
    $$ DELETE FROM expert_network.vendor_platforms WHERE id = 'f1000000-0000-4000-8000-000000000002' $$,
    '23503', 'update or delete on table "vendor_platforms" violates foreign key constraint "campaign_costs_vendor_platform_id_fkey" on table "campaign_costs"',
    'vendor_platforms: a vendor referenced by a campaign cost cannot be deleted');

SELECT lives_ok(
    $$ DELETE FROM expert_network.vendor_platforms WHERE id = 'f1000000-0000-4000-8000-000000000003' $$,
    'vendor_platforms: a vendor referenced only by an enrollment can be deleted');
SELECT is((SELECT count(*)::int FROM expert_network.campaign_vendor_enrollments
            WHERE vendor_platform_id = 'f1000000-0000-4000-8000-000000000003'), 0,
          'campaign_vendor_enrollments: deleting a vendor deletes its enrollments');

-- deleting a campaign
SELECT lives_ok(
    $$ DELETE FROM expert_network.campaigns WHERE id = 'c1000000-0000-4000-8000-000000000002' $$,
    'campaigns: a campaign with rows in every child table can be deleted');

SELECT is((SELECT count(*)::int FROM expert_network.experts
            WHERE campaign_id = 'c1000000-0000-4000-8000-000000000002'), 0,
          'deleting a campaign deletes its experts');
SELECT is((SELECT count(*)::int FROM expert_network.interviews
            WHERE campaign_id = 'c1000000-0000-4000-8000-000000000002'), 0,
          'deleting a campaign deletes its interviews');
SELECT is((SELECT count(*)::int FROM expert_network.screening_questions
            WHERE campaign_id = 'c1000000-0000-4000-8000-000000000002'), 0,
          'deleting a campaign deletes its screening questions');
SELECT is((SELECT count(*)::int FROM expert_network.completed_interviews
            WHERE campaign_id = 'c1000000-0000-4000-8000-000000000002'), 0,
          'deleting a campaign deletes its completed interviews');
SELECT is((SELECT count(*)::int FROM expert_network.campaign_vendor_enrollments
            WHERE campaign_id = 'c1000000-0000-4000-8000-000000000002'), 0,
          'deleting a campaign deletes its vendor enrollments');
SELECT is((SELECT count(*)::int FROM expert_network.campaign_costs
            WHERE campaign_id = 'c1000000-0000-4000-8000-000000000002'), 0,
          'deleting a campaign deletes its costs');
SELECT is((SELECT count(*)::int FROM expert_network.campaign_team_assignments
            WHERE campaign_id = 'c1000000-0000-4000-8000-000000000002'), 0,
          'deleting a campaign deletes its team assignments');
SELECT is((SELECT count(*)::int FROM expert_network.interview_team_assignments
            WHERE interview_id = 'e3000000-0000-4000-8000-000000000002'), 0,
          'deleting a campaign deletes the team assignments of its interviews');
-- 0.10.0 (4)
SELECT is((SELECT count(*)::int FROM expert_network.campaign_subject_companies
            WHERE campaign_id = 'c1000000-0000-4000-8000-000000000002'), 0,
          'deleting a campaign deletes its subject companies');
SELECT is((SELECT count(*)::int FROM expert_network.expert_employments
            WHERE expert_id = 'e2000000-0000-4000-8000-000000000002'), 0,
          'deleting a campaign deletes the employments of its experts');
SELECT is((SELECT count(*)::int FROM expert_network.compliance_exceptions
            WHERE expert_id = 'e2000000-0000-4000-8000-000000000002'), 0,
          'deleting a campaign deletes the compliance exceptions of its experts');
SELECT is((SELECT count(*)::int FROM expert_network.interview_attestations
            WHERE interview_id = 'e3000000-0000-4000-8000-000000000002'), 0,
          'deleting a campaign deletes the attestations of its interviews');
SELECT results_eq(
    $$ SELECT campaign_id, user_id FROM expert_network.chat_sessions
        WHERE id = 'e6000000-0000-4000-8000-000000000002' $$,
    $$ VALUES (NULL::uuid, 'u1'::text) $$,
    'deleting a campaign keeps its chat sessions, with campaign_id set to NULL and user_id kept (ON DELETE SET NULL (campaign_id))');
SELECT is((SELECT count(*)::int FROM expert_network.team_members
            WHERE id = 'b1000000-0000-4000-8000-000000000001'), 1,
          'deleting a campaign keeps the team members that were assigned to it');
SELECT is((SELECT count(*)::int FROM expert_network.experts
            WHERE campaign_id = 'c1000000-0000-4000-8000-000000000001'), 11,
          'deleting a campaign leaves the experts of other campaigns alone');

-- deleting a chat session
SELECT lives_ok(
    $$ DELETE FROM expert_network.chat_sessions WHERE id = 'e6000000-0000-4000-8000-000000000002' $$,
    'chat_sessions: a session with messages, activities, sources and sections can be deleted');
SELECT is((SELECT (SELECT count(*) FROM expert_network.chat_messages
                    WHERE chat_session_id = 'e6000000-0000-4000-8000-000000000002')
                + (SELECT count(*) FROM expert_network.research_activities
                    WHERE chat_session_id = 'e6000000-0000-4000-8000-000000000002')
                + (SELECT count(*) FROM expert_network.research_sources
                    WHERE chat_session_id = 'e6000000-0000-4000-8000-000000000002')
                + (SELECT count(*) FROM expert_network.answer_sections
                    WHERE chat_session_id = 'e6000000-0000-4000-8000-000000000002'))::int,
          0,
          'deleting a chat session deletes its messages, activities, sources and answer sections');

-- deleting a project
SELECT lives_ok(
    $$ DELETE FROM expert_network.projects WHERE id = 'a1000000-0000-4000-8000-000000000002' $$,
    'projects: a project with a campaign can be deleted');
SELECT results_eq(
    $$ SELECT id, project_id, user_id FROM expert_network.campaigns
        WHERE id = 'c1000000-0000-4000-8000-000000000003' $$,
    $$ VALUES ('c1000000-0000-4000-8000-000000000003'::uuid, NULL::uuid, 'u1'::text) $$,
    'deleting a project keeps its campaigns, with project_id set to NULL ("Other Campaigns") and user_id kept (ON DELETE SET NULL (project_id))');

-- deleting a team member
SELECT lives_ok(
    $$ DELETE FROM expert_network.team_members WHERE id = 'b1000000-0000-4000-8000-000000000001' $$,
    'team_members: an assigned team member can be deleted');
SELECT is((SELECT (SELECT count(*) FROM expert_network.campaign_team_assignments
                    WHERE team_member_id = 'b1000000-0000-4000-8000-000000000001')
                + (SELECT count(*) FROM expert_network.interview_team_assignments
                    WHERE team_member_id = 'b1000000-0000-4000-8000-000000000001'))::int,
          0,
          'deleting a team member deletes their campaign and interview assignments');

-- deleting an expert
SELECT lives_ok(
    $$ DELETE FROM expert_network.experts WHERE id = 'e2000000-0000-4000-8000-000000000001' $$,
    'experts: an expert with an interview and a completed interview can be deleted');
SELECT is((SELECT (SELECT count(*) FROM expert_network.interviews
                    WHERE expert_id = 'e2000000-0000-4000-8000-000000000001')
                + (SELECT count(*) FROM expert_network.completed_interviews
                    WHERE expert_id = 'e2000000-0000-4000-8000-000000000001'))::int,
          0,
          'deleting an expert deletes their interviews and completed interviews');
-- 0.10.0: and their employments, exceptions and the attestations of their
-- interviews (the compliance log, a record, keeps its rows) (2)
SELECT is((SELECT (SELECT count(*) FROM expert_network.expert_employments
                    WHERE expert_id = 'e2000000-0000-4000-8000-000000000001')
                + (SELECT count(*) FROM expert_network.compliance_exceptions
                    WHERE expert_id = 'e2000000-0000-4000-8000-000000000001')
                + (SELECT count(*) FROM expert_network.interview_attestations
                    WHERE interview_id = 'e3000000-0000-4000-8000-000000000001'))::int,
          0,
          'deleting an expert deletes their employments, compliance exceptions and the attestations of their interviews');
SELECT ok((SELECT count(*) FROM expert_network.compliance_log
            WHERE expert_id = 'e2000000-0000-4000-8000-000000000001') > 0,
          'deleting an expert keeps the compliance log''s rows about them (no foreign key: the log is a record)');

/* ------------------------------------------------------------------------
 * The set_updated_at trigger: an UPDATE stamps updated_at with the
 * transaction timestamp (now()) and leaves created_at alone.  The rows are
 * inserted with timestamps in the past, since now() is constant in this
 * transaction, and belong to a user of their own, u-trigger.
 * ------------------------------------------------------------------------ */

SET LOCAL expert_network.user_id = 'u-trigger';

INSERT INTO expert_network.projects (id, project_code, project_name, created_at, updated_at)
VALUES ('a1000000-0000-4000-8000-0000000000aa', 'TRIG', 'Trigger project',
        '1999-01-01 00:00:00+00', '2000-01-01 00:00:00+00');
INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical,
                                      start_date, target_completion_date, created_at, updated_at)
VALUES ('c1000000-0000-4000-8000-0000000000aa', 'Trigger campaign', 'Energy',
        '2025-01-01', '2025-03-31', '1999-01-01 00:00:00+00', '2000-01-01 00:00:00+00');
INSERT INTO expert_network.screening_questions (id, campaign_id, question_text, created_at, updated_at)
VALUES ('e1000000-0000-4000-8000-0000000000aa', 'c1000000-0000-4000-8000-0000000000aa', 'Trigger question',
        '1999-01-01 00:00:00+00', '2000-01-01 00:00:00+00');
INSERT INTO expert_network.vendor_platforms (id, name, created_at, updated_at)
VALUES ('f1000000-0000-4000-8000-0000000000aa', 'Trigger Vendor',
        '1999-01-01 00:00:00+00', '2000-01-01 00:00:00+00');
-- the vendor enrolled, the expert already scheduled, the interview pending:
-- inserting the interview then changes no other row (a new live interview
-- moves only a reviewed or scheduling expert), so each row's updated_at is
-- the one it was given until the UPDATEs below
INSERT INTO expert_network.campaign_vendor_enrollments (id, campaign_id, vendor_platform_id, status,
                                                        created_at, updated_at)
VALUES ('e5000000-0000-4000-8000-0000000000aa', 'c1000000-0000-4000-8000-0000000000aa',
        'f1000000-0000-4000-8000-0000000000aa', 'enrolled', '1999-01-01 00:00:00+00', '2000-01-01 00:00:00+00');
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, status, created_at, updated_at)
VALUES ('e2000000-0000-4000-8000-0000000000aa', 'c1000000-0000-4000-8000-0000000000aa',
        'f1000000-0000-4000-8000-0000000000aa', 'Trigger expert', 'Title', 'scheduled',
        '1999-01-01 00:00:00+00', '2000-01-01 00:00:00+00');
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status,
                                       created_at, updated_at)
VALUES ('e3000000-0000-4000-8000-0000000000aa', 'c1000000-0000-4000-8000-0000000000aa',
        'e2000000-0000-4000-8000-0000000000aa', '2025-02-01', '10:00', 'pending',
        '1999-01-01 00:00:00+00', '2000-01-01 00:00:00+00');
INSERT INTO expert_network.chat_sessions (id, title, created_at, updated_at)
VALUES ('e6000000-0000-4000-8000-0000000000aa', 'Trigger session',
        '1999-01-01 00:00:00+00', '2000-01-01 00:00:00+00');
INSERT INTO expert_network.user_ui_preferences (updated_at)
VALUES ('2000-01-01 00:00:00+00');
INSERT INTO expert_network.campaign_costs (id, campaign_id, fee_type, amount_usd, created_at, updated_at)
VALUES ('e7000000-0000-4000-8000-0000000000aa', 'c1000000-0000-4000-8000-0000000000aa', 'per_call', 10,
        '1999-01-01 00:00:00+00', '2000-01-01 00:00:00+00');
-- 0.10.0: an ended employment (experts.company stays as it is), an entry
-- of the restricted list for a company no expert has, the policy
INSERT INTO expert_network.restricted_companies (id, company, created_at, updated_at)
VALUES ('e8000000-0000-4000-8000-0000000000aa', 'Trigger Listed Co',
        '1999-01-01 00:00:00+00', '2000-01-01 00:00:00+00');
INSERT INTO expert_network.expert_employments (id, expert_id, company, ended_on, created_at, updated_at)
VALUES ('e9000000-0000-4000-8000-0000000000aa', 'e2000000-0000-4000-8000-0000000000aa', 'Trigger Employer',
        '2010-01-01', '1999-01-01 00:00:00+00', '2000-01-01 00:00:00+00');
INSERT INTO expert_network.compliance_policies (attestation_required, updated_at)
VALUES (false, '2000-01-01 00:00:00+00');

SELECT results_eq(
    format($$ SELECT updated_at FROM expert_network.%I WHERE %I = %L $$, tbl, key, id),
    $$ VALUES ('2000-01-01 00:00:00+00'::timestamptz) $$,
    format('set_updated_at: INSERT into %s keeps the updated_at it is given (the trigger is for UPDATE only)', tbl))
  FROM (VALUES
    (1, 'projects',                    'id', 'a1000000-0000-4000-8000-0000000000aa'),
    (2, 'campaign_vendor_enrollments', 'id', 'e5000000-0000-4000-8000-0000000000aa'),
    (3, 'experts',                     'id', 'e2000000-0000-4000-8000-0000000000aa'),
    (4, 'interviews',                  'id', 'e3000000-0000-4000-8000-0000000000aa'),
    (5, 'restricted_companies',        'id', 'e8000000-0000-4000-8000-0000000000aa'),
    (6, 'expert_employments',          'id', 'e9000000-0000-4000-8000-0000000000aa'),
    (7, 'compliance_policies',         'user_id', 'u-trigger')
  ) AS v(n, tbl, key, id)
 ORDER BY n;

UPDATE expert_network.projects SET project_name = 'Trigger project, renamed'
 WHERE id = 'a1000000-0000-4000-8000-0000000000aa';
UPDATE expert_network.campaigns SET campaign_name = 'Trigger campaign, renamed'
 WHERE id = 'c1000000-0000-4000-8000-0000000000aa';
UPDATE expert_network.screening_questions SET question_text = 'Trigger question, reworded'
 WHERE id = 'e1000000-0000-4000-8000-0000000000aa';
UPDATE expert_network.vendor_platforms SET location = 'Somewhere'
 WHERE id = 'f1000000-0000-4000-8000-0000000000aa';
UPDATE expert_network.campaign_vendor_enrollments SET status = 'not_enrolled'
 WHERE id = 'e5000000-0000-4000-8000-0000000000aa';
UPDATE expert_network.experts SET status = 'scheduling'
 WHERE id = 'e2000000-0000-4000-8000-0000000000aa';
UPDATE expert_network.interviews SET status = 'confirmed'
 WHERE id = 'e3000000-0000-4000-8000-0000000000aa';
UPDATE expert_network.chat_sessions SET title = 'Trigger session, renamed'
 WHERE id = 'e6000000-0000-4000-8000-0000000000aa';
UPDATE expert_network.user_ui_preferences SET theme = 'dark'
 WHERE user_id = 'u-trigger';
UPDATE expert_network.campaign_costs SET amount_usd = 20
 WHERE id = 'e7000000-0000-4000-8000-0000000000aa';
UPDATE expert_network.restricted_companies SET reason = 'Trigger reason'
 WHERE id = 'e8000000-0000-4000-8000-0000000000aa';
UPDATE expert_network.expert_employments SET title = 'Trigger title'
 WHERE id = 'e9000000-0000-4000-8000-0000000000aa';
UPDATE expert_network.compliance_policies SET cooling_off_public_months = 12
 WHERE user_id = 'u-trigger';

SELECT results_eq(
    format($$ SELECT updated_at FROM expert_network.%I WHERE %I = %L $$, tbl, key, id),
    $$ VALUES (now()) $$,
    format('set_updated_at: UPDATE on %s sets updated_at to the transaction timestamp', tbl))
  FROM (VALUES
    (1,  'projects',                    'id',      'a1000000-0000-4000-8000-0000000000aa'),
    (2,  'campaigns',                   'id',      'c1000000-0000-4000-8000-0000000000aa'),
    (3,  'screening_questions',         'id',      'e1000000-0000-4000-8000-0000000000aa'),
    (4,  'vendor_platforms',            'id',      'f1000000-0000-4000-8000-0000000000aa'),
    (5,  'campaign_vendor_enrollments', 'id',      'e5000000-0000-4000-8000-0000000000aa'),
    (6,  'experts',                     'id',      'e2000000-0000-4000-8000-0000000000aa'),
    (7,  'interviews',                  'id',      'e3000000-0000-4000-8000-0000000000aa'),
    (8,  'chat_sessions',               'id',      'e6000000-0000-4000-8000-0000000000aa'),
    (9,  'user_ui_preferences',         'user_id', 'u-trigger'),
    (10, 'campaign_costs',              'id',      'e7000000-0000-4000-8000-0000000000aa'),
    (11, 'restricted_companies',        'id',      'e8000000-0000-4000-8000-0000000000aa'),
    (12, 'expert_employments',          'id',      'e9000000-0000-4000-8000-0000000000aa'),
    (13, 'compliance_policies',         'user_id', 'u-trigger')
  ) AS v(n, tbl, key, id)
 ORDER BY n;

SELECT results_eq(
    format($$ SELECT created_at FROM expert_network.%I WHERE id = %L $$, tbl, id),
    $$ VALUES ('1999-01-01 00:00:00+00'::timestamptz) $$,
    format('set_updated_at: UPDATE on %s leaves created_at unchanged', tbl))
  FROM (VALUES
    (1, 'projects',                    'a1000000-0000-4000-8000-0000000000aa'),
    (2, 'campaigns',                   'c1000000-0000-4000-8000-0000000000aa'),
    (3, 'screening_questions',         'e1000000-0000-4000-8000-0000000000aa'),
    (4, 'vendor_platforms',            'f1000000-0000-4000-8000-0000000000aa'),
    (5, 'campaign_vendor_enrollments', 'e5000000-0000-4000-8000-0000000000aa'),
    (6, 'experts',                     'e2000000-0000-4000-8000-0000000000aa'),
    (7, 'interviews',                  'e3000000-0000-4000-8000-0000000000aa'),
    (8, 'chat_sessions',               'e6000000-0000-4000-8000-0000000000aa'),
    (9, 'campaign_costs',              'e7000000-0000-4000-8000-0000000000aa'),
    (10, 'restricted_companies',       'e8000000-0000-4000-8000-0000000000aa'),
    (11, 'expert_employments',         'e9000000-0000-4000-8000-0000000000aa')
  ) AS v(n, tbl, id)
 ORDER BY n;

SELECT results_eq(
    $$ SELECT project_name FROM expert_network.projects WHERE id = 'a1000000-0000-4000-8000-0000000000aa' $$,
    $$ VALUES ('Trigger project, renamed'::text) $$,
    'set_updated_at: the UPDATE''s own changes are kept');

SELECT results_eq(
    $$ SELECT theme FROM expert_network.user_ui_preferences WHERE user_id = 'u-trigger' $$,
    $$ VALUES ('dark'::text) $$,
    'set_updated_at: the UPDATE''s own changes are kept (user_ui_preferences)');

-- an explicit updated_at in the UPDATE is overridden; a no-op UPDATE still stamps
INSERT INTO expert_network.projects (id, project_code, project_name, created_at, updated_at)
VALUES ('a1000000-0000-4000-8000-0000000000ab', 'TRIG-2', 'Explicit stamp',
        '1999-01-01 00:00:00+00', '2000-01-01 00:00:00+00'),
       ('a1000000-0000-4000-8000-0000000000ac', 'TRIG-3', 'No-op update',
        '1999-01-01 00:00:00+00', '2000-01-01 00:00:00+00');

UPDATE expert_network.projects SET updated_at = '2010-06-15 12:00:00+00'
 WHERE id = 'a1000000-0000-4000-8000-0000000000ab';
UPDATE expert_network.projects SET project_name = project_name
 WHERE id = 'a1000000-0000-4000-8000-0000000000ac';

SELECT results_eq(
    $$ SELECT updated_at FROM expert_network.projects WHERE id = 'a1000000-0000-4000-8000-0000000000ab' $$,
    $$ VALUES (now()) $$,
    'set_updated_at: an updated_at written by the UPDATE itself is replaced by the transaction timestamp');

SELECT results_eq(
    $$ SELECT updated_at FROM expert_network.projects WHERE id = 'a1000000-0000-4000-8000-0000000000ac' $$,
    $$ VALUES (now()) $$,
    'set_updated_at: an UPDATE that changes nothing still stamps updated_at');

SELECT * FROM finish();

ROLLBACK;
