-- test/pgtap/structure.sql — the structure of schema expert_network, as
-- written in sql/expert_network.sql (0.10.0): tables, columns (type,
-- nullability, default, order; the generated columns), keys, foreign keys
-- and their ON DELETE rules, indexes, triggers (with their transition
-- tables), functions, the views (workflow_transitions; 0.12.0: the
-- dashboards), comments, the shipped vendor catalog and the pg_dump
-- registrations.  0.10.0 adds the seven tables of the compliance gates
-- (restricted_companies, expert_employments, campaign_subject_companies,
-- compliance_policies, interview_attestations, compliance_exceptions,
-- compliance_log), their triggers and functions, and
-- the access level 'compliance'; how the gates behave is
-- test/pgtap/compliance.sql's.  0.13.0 adds experts.profile_url, email and
-- person_key, interviews.starts_at and ends_at, the table call_caps, the
-- view expert_duplicates and booking_gate's triggers (double_booking_*);
-- how they behave is test/pgtap/calendar.sql's.  0.15.0 makes the six
-- workflow statuses enum types (expert_network.<entity>_status), writes the
-- defaults of user_id, approved_by and decided_by as parenthesised
-- expressions with COLLATE so that drizzle-kit pull renders them as
-- sql`...`, drops the '{}' defaults of the text[] columns and adds
-- fill_empty_arrays() and its triggers a_fill_empty_arrays.
-- How the call counters and chat recency behave is
-- test/pgtap/counters.sql's, how the workflows behave test/pgtap/workflow.sql's.
-- Row-level security, policies, trigger order and privileges, and how
-- scoping behaves, are in test/pgtap/scoping.sql (but for status_history's
-- row-level security and policy, which are checked here too).
--
-- Runs under pg_prove in a database with pgtap and expert_network installed
-- (test/suite).  Everything happens in one transaction that is rolled back.
--
-- The per-column, per-foreign-key and per-function assertions are driven by
-- temporary tables (cols, fks, funcs, user_tables for the 26 tables that
-- hold the application's rows, workflow_triggers, compliance_triggers,
-- 0.15.0's enum_types and fill_triggers) that transcribe the script: one row per column, foreign
-- key or function, one assertion per row and check.

SET client_min_messages = warning;

BEGIN;

SELECT plan(1961);

/* ------------------------------------------------------------------------
 * Schema and tables
 * ------------------------------------------------------------------------ */

SELECT has_schema('expert_network', 'schema expert_network exists');
-- 0.7.0: the schema passes to the owner of the extension's objects, so that
-- the role that installed it can neither rename it nor add objects to it
SELECT is((SELECT n.nspowner FROM pg_catalog.pg_namespace n WHERE n.nspname = 'expert_network'),
          (SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = 'expert_network.campaigns'::regclass),
          'schema expert_network belongs to the owner of its objects (0.7.0)');

SELECT tables_are('expert_network', ARRAY[
    'projects', 'campaigns', 'team_members', 'campaign_team_assignments',
    'screening_questions', 'vendor_platforms', 'campaign_vendor_enrollments',
    'experts', 'expert_screening_responses', 'interviews',
    'interview_team_assignments', 'completed_interviews', 'chat_sessions',
    'chat_messages', 'research_activities', 'research_sources',
    'answer_sections', 'user_ui_preferences', 'campaign_costs',
    'status_history', 'access_levels',
    -- 0.10.0
    'restricted_companies', 'expert_employments', 'campaign_subject_companies',
    'compliance_policies', 'interview_attestations', 'compliance_exceptions',
    'compliance_log',
    -- 0.13.0
    'call_caps'
]::name[], 'schema expert_network has exactly the 29 tables of the script');

/* ------------------------------------------------------------------------
 * Columns: exact lists
 * ------------------------------------------------------------------------ */

SELECT columns_are('expert_network', 'projects', ARRAY[
    'id', 'user_id', 'project_code', 'project_name', 'description',
    'display_order', 'created_at', 'updated_at'
]::name[], 'projects has exactly its 8 columns');

SELECT columns_are('expert_network', 'campaigns', ARRAY[
    'id', 'user_id', 'project_id', 'campaign_name', 'industry_vertical',
    'custom_industry', 'brief_description', 'expanded_description',
    'start_date', 'target_completion_date', 'target_regions', 'min_calls',
    'max_calls', 'estimated_calls', 'completed_calls', 'scheduled_calls',
    'status', 'display_order', 'created_at', 'updated_at'
]::name[], 'campaigns has exactly its 20 columns');

SELECT columns_are('expert_network', 'team_members', ARRAY[
    'id', 'user_id', 'name', 'email', 'designation', 'avatar_url', 'created_at'
]::name[], 'team_members has exactly its 7 columns');

SELECT columns_are('expert_network', 'campaign_team_assignments', ARRAY[
    'campaign_id', 'team_member_id', 'assigned_at', 'user_id'
]::name[], 'campaign_team_assignments has exactly its 4 columns');

SELECT columns_are('expert_network', 'screening_questions', ARRAY[
    'id', 'campaign_id', 'parent_question_id', 'question_text',
    'question_type', 'options', 'display_order', 'created_at', 'updated_at',
    'user_id'
]::name[], 'screening_questions has exactly its 10 columns');

SELECT columns_are('expert_network', 'vendor_platforms', ARRAY[
    'id', 'name', 'logo_url', 'location', 'overall_score',
    'avg_cost_per_call_min', 'avg_cost_per_call_max', 'description', 'tags',
    'is_active', 'created_at', 'updated_at'
]::name[], 'vendor_platforms has exactly its 12 columns');

SELECT columns_are('expert_network', 'campaign_vendor_enrollments', ARRAY[
    'id', 'campaign_id', 'vendor_platform_id', 'status', 'enrolled_at',
    'account_manager_name', 'account_manager_email', 'notes', 'created_at',
    'updated_at', 'user_id'
]::name[], 'campaign_vendor_enrollments has exactly its 11 columns');

SELECT columns_are('expert_network', 'experts', ARRAY[
    'id', 'campaign_id', 'vendor_platform_id', 'name', 'title', 'company',
    'avatar_url', 'description', 'work_history', 'skills', 'rating',
    'ai_fit_score', 'status', 'is_new', 'created_at', 'updated_at',
    'reviewed_at', 'user_id',
    -- 0.13.0
    'profile_url', 'email', 'person_key'
]::name[], 'experts has exactly its 21 columns');

SELECT columns_are('expert_network', 'expert_screening_responses', ARRAY[
    'id', 'expert_id', 'screening_question_id', 'response_text', 'created_at',
    'user_id'
]::name[], 'expert_screening_responses has exactly its 6 columns');

SELECT columns_are('expert_network', 'interviews', ARRAY[
    'id', 'campaign_id', 'expert_id', 'scheduled_date', 'scheduled_time',
    'duration_minutes', 'timezone', 'status', 'color_tag', 'created_at',
    'updated_at', 'completed_at', 'cancelled_at', 'user_id',
    -- 0.13.0
    'starts_at', 'ends_at'
]::name[], 'interviews has exactly its 16 columns');

SELECT columns_are('expert_network', 'interview_team_assignments', ARRAY[
    'interview_id', 'team_member_id', 'user_id'
]::name[], 'interview_team_assignments has exactly its 3 columns');

SELECT columns_are('expert_network', 'completed_interviews', ARRAY[
    'id', 'interview_id', 'campaign_id', 'expert_id', 'interview_date',
    'interview_time', 'duration', 'transcript_url', 'transcript_available',
    'recording_url', 'notes', 'rating', 'relevance_rating',
    'expertise_rating', 'communication_rating', 'review_text',
    'completed_at', 'rated_at', 'user_id'
]::name[], 'completed_interviews has exactly its 19 columns');

SELECT columns_are('expert_network', 'chat_sessions', ARRAY[
    'id', 'user_id', 'campaign_id', 'title', 'created_at', 'updated_at'
]::name[], 'chat_sessions has exactly its 6 columns');

SELECT columns_are('expert_network', 'chat_messages', ARRAY[
    'id', 'chat_session_id', 'role', 'content', 'created_at', 'user_id'
]::name[], 'chat_messages has exactly its 6 columns');

SELECT columns_are('expert_network', 'research_activities', ARRAY[
    'id', 'chat_session_id', 'activity_name', 'status', 'confidence',
    'result_data', 'created_at', 'completed_at', 'user_id'
]::name[], 'research_activities has exactly its 9 columns');

SELECT columns_are('expert_network', 'research_sources', ARRAY[
    'id', 'chat_session_id', 'source_name', 'source_type', 'status',
    'size_text', 'url', 'content_preview', 'metadata', 'created_at',
    'user_id'
]::name[], 'research_sources has exactly its 11 columns');

SELECT columns_are('expert_network', 'answer_sections', ARRAY[
    'id', 'chat_session_id', 'title', 'content', 'display_order', 'created_at',
    'user_id'
]::name[], 'answer_sections has exactly its 7 columns');

SELECT columns_are('expert_network', 'user_ui_preferences', ARRAY[
    'user_id', 'column_widths', 'panel_sizing', 'theme', 'expanded_projects',
    'updated_at'
]::name[], 'user_ui_preferences has exactly its 6 columns');

SELECT columns_are('expert_network', 'campaign_costs', ARRAY[
    'id', 'campaign_id', 'vendor_platform_id', 'fee_type', 'amount_usd',
    'units', 'memo', 'invoice_date', 'created_at', 'updated_at', 'user_id'
]::name[], 'campaign_costs has exactly its 11 columns');

SELECT columns_are('expert_network', 'status_history', ARRAY[
    'id', 'user_id', 'entity', 'row_id', 'from_status', 'to_status', 'changed_at'
]::name[], 'status_history has exactly its 7 columns');

SELECT columns_are('expert_network', 'access_levels', ARRAY[
    'role', 'level', 'may_set_identity', 'granted_at'
]::name[], 'access_levels has exactly its 4 columns');

-- 0.10.0: the compliance gates' tables
SELECT columns_are('expert_network', 'restricted_companies', ARRAY[
    'id', 'company', 'ticker', 'aliases', 'applies_from', 'applies_until',
    'reason', 'match_keys', 'created_at', 'updated_at', 'user_id'
]::name[], 'restricted_companies has exactly its 11 columns');

SELECT columns_are('expert_network', 'expert_employments', ARRAY[
    'id', 'expert_id', 'company', 'ticker', 'publicly_traded', 'title',
    'started_on', 'ended_on', 'match_keys', 'created_at', 'updated_at', 'user_id'
]::name[], 'expert_employments has exactly its 12 columns');

SELECT columns_are('expert_network', 'campaign_subject_companies', ARRAY[
    'id', 'campaign_id', 'company', 'ticker', 'match_keys', 'created_at', 'user_id'
]::name[], 'campaign_subject_companies has exactly its 7 columns');

SELECT columns_are('expert_network', 'compliance_policies', ARRAY[
    'user_id', 'cooling_off_public_months', 'cooling_off_private_months',
    'attestation_required', 'updated_at'
]::name[], 'compliance_policies has exactly its 5 columns');

SELECT columns_are('expert_network', 'interview_attestations', ARRAY[
    'id', 'interview_id', 'attested_by', 'attested_at', 'terms_version',
    'no_material_nonpublic_information', 'no_conflicting_obligations',
    'conflicts_disclosed', 'user_id'
]::name[], 'interview_attestations has exactly its 9 columns');

SELECT columns_are('expert_network', 'compliance_exceptions', ARRAY[
    'id', 'expert_id', 'rule', 'reason', 'approved_by', 'approved_at',
    'expires_at', 'user_id'
]::name[], 'compliance_exceptions has exactly its 8 columns');

SELECT columns_are('expert_network', 'compliance_log', ARRAY[
    'id', 'user_id', 'logged_at', 'interview_id', 'expert_id', 'call_date',
    'rule', 'decision', 'detail', 'exception_id', 'decided_by'
]::name[], 'compliance_log has exactly its 11 columns');

/* ------------------------------------------------------------------------
 * Columns: type, NOT NULL, default — one row per column of the script.
 * dflt is the default as col_default_is takes it: a constant (compared as
 * a value of the column's type) or a function call or other expression
 * (compared as text, as pg_get_expr shows it); NULL means the column has no
 * default.  0.15.0: the six statuses are of the enum types
 * expert_network.<entity>_status; the defaults are written as parenthesised
 * expressions with COLLATE so that drizzle-kit pull renders them as
 * sql`...`: every user_id (the 27 tables, status_history included) defaults
 * to (expert_network.current_user_id() COLLATE pg_catalog."default"), shown
 * as (expert_network.current_user_id() COLLATE "default"), the value it had
 * before (NULL without an identity), and compliance_exceptions.approved_by
 * and compliance_log.decided_by to (CURRENT_USER::pg_catalog.text COLLATE
 * pg_catalog."default"), shown as ((CURRENT_USER)::text COLLATE "default");
 * the five text[] columns that defaulted to '{}' have no default any more
 * (drizzle-kit renders '{}' as a one-element array): a_fill_empty_arrays
 * fills them.
 * ------------------------------------------------------------------------ */

CREATE TEMPORARY TABLE cols (
    ord      serial PRIMARY KEY,
    tbl      name NOT NULL,
    col      name NOT NULL,
    typ      text NOT NULL,
    not_null boolean NOT NULL,
    dflt     text
);

INSERT INTO cols (tbl, col, typ, not_null, dflt) VALUES
-- projects (8)
('projects', 'id',            'uuid',                     true,  'gen_random_uuid()'),
('projects', 'user_id',       'text',                     true,  '(expert_network.current_user_id() COLLATE "default")'),
('projects', 'project_code',  'text',                     true,  NULL),
('projects', 'project_name',  'text',                     true,  NULL),
('projects', 'description',   'text',                     false, NULL),
('projects', 'display_order', 'integer',                  true,  '0'),
('projects', 'created_at',    'timestamp with time zone', true,  'now()'),
('projects', 'updated_at',    'timestamp with time zone', true,  'now()'),
-- campaigns (20)
('campaigns', 'id',                     'uuid',                     true,  'gen_random_uuid()'),
('campaigns', 'user_id',                'text',                     true,  '(expert_network.current_user_id() COLLATE "default")'),
('campaigns', 'project_id',             'uuid',                     false, NULL),
('campaigns', 'campaign_name',          'text',                     true,  NULL),
('campaigns', 'industry_vertical',      'text',                     true,  NULL),
('campaigns', 'custom_industry',        'text',                     false, NULL),
('campaigns', 'brief_description',      'text',                     false, NULL),
('campaigns', 'expanded_description',   'text',                     false, NULL),
('campaigns', 'start_date',             'date',                     true,  NULL),
('campaigns', 'target_completion_date', 'date',                     true,  NULL),
('campaigns', 'target_regions',         'text[]',                   true,  NULL), -- 0.15.0: '{}' by a_fill_empty_arrays
('campaigns', 'min_calls',              'integer',                  false, NULL),
('campaigns', 'max_calls',              'integer',                  false, NULL),
('campaigns', 'estimated_calls',        'integer',                  false, NULL),
('campaigns', 'completed_calls',        'integer',                  true,  '0'),
('campaigns', 'scheduled_calls',        'integer',                  true,  '0'),
('campaigns', 'status',                 'expert_network.campaign_status', true,  'draft'),
('campaigns', 'display_order',          'integer',                  true,  '0'),
('campaigns', 'created_at',             'timestamp with time zone', true,  'now()'),
('campaigns', 'updated_at',             'timestamp with time zone', true,  'now()'),
-- team_members (7)
('team_members', 'id',          'uuid',                     true,  'gen_random_uuid()'),
('team_members', 'user_id',     'text',                     true,  '(expert_network.current_user_id() COLLATE "default")'),
('team_members', 'name',        'text',                     true,  NULL),
('team_members', 'email',       'text',                     false, NULL),
('team_members', 'designation', 'text',                     true,  NULL),
('team_members', 'avatar_url',  'text',                     false, NULL),
('team_members', 'created_at',  'timestamp with time zone', true,  'now()'),
-- campaign_team_assignments (4)
('campaign_team_assignments', 'campaign_id',    'uuid',                     true, NULL),
('campaign_team_assignments', 'team_member_id', 'uuid',                     true, NULL),
('campaign_team_assignments', 'assigned_at',    'timestamp with time zone', true, 'now()'),
('campaign_team_assignments', 'user_id',        'text',                     true, '(expert_network.current_user_id() COLLATE "default")'),
-- screening_questions (10)
('screening_questions', 'id',                 'uuid',                     true,  'gen_random_uuid()'),
('screening_questions', 'campaign_id',        'uuid',                     true,  NULL),
('screening_questions', 'parent_question_id', 'uuid',                     false, NULL),
('screening_questions', 'question_text',      'text',                     true,  NULL),
('screening_questions', 'question_type',      'text',                     false, 'text'),
('screening_questions', 'options',            'jsonb',                    false, NULL),
('screening_questions', 'display_order',      'integer',                  true,  '0'),
('screening_questions', 'created_at',         'timestamp with time zone', true,  'now()'),
('screening_questions', 'updated_at',         'timestamp with time zone', true,  'now()'),
('screening_questions', 'user_id',            'text',                     true,  '(expert_network.current_user_id() COLLATE "default")'),
-- vendor_platforms (12)
('vendor_platforms', 'id',                    'uuid',                     true,  'gen_random_uuid()'),
('vendor_platforms', 'name',                  'text',                     true,  NULL),
('vendor_platforms', 'logo_url',              'text',                     false, NULL),
('vendor_platforms', 'location',              'text',                     false, NULL),
('vendor_platforms', 'overall_score',         'numeric(2,1)',             false, NULL),
('vendor_platforms', 'avg_cost_per_call_min', 'integer',                  false, NULL),
('vendor_platforms', 'avg_cost_per_call_max', 'integer',                  false, NULL),
('vendor_platforms', 'description',           'text',                     false, NULL),
('vendor_platforms', 'tags',                  'text[]',                   false, NULL), -- 0.15.0: '{}' by a_fill_empty_arrays
('vendor_platforms', 'is_active',             'boolean',                  true,  'true'),
('vendor_platforms', 'created_at',            'timestamp with time zone', true,  'now()'),
('vendor_platforms', 'updated_at',            'timestamp with time zone', true,  'now()'),
-- campaign_vendor_enrollments (11)
('campaign_vendor_enrollments', 'id',                    'uuid',                     true,  'gen_random_uuid()'),
('campaign_vendor_enrollments', 'campaign_id',           'uuid',                     true,  NULL),
('campaign_vendor_enrollments', 'vendor_platform_id',    'uuid',                     true,  NULL),
('campaign_vendor_enrollments', 'status',                'expert_network.enrollment_status', true,  'pending'),
('campaign_vendor_enrollments', 'enrolled_at',           'timestamp with time zone', false, NULL),
('campaign_vendor_enrollments', 'account_manager_name',  'text',                     false, NULL),
('campaign_vendor_enrollments', 'account_manager_email', 'text',                     false, NULL),
('campaign_vendor_enrollments', 'notes',                 'text',                     false, NULL),
('campaign_vendor_enrollments', 'created_at',            'timestamp with time zone', true,  'now()'),
('campaign_vendor_enrollments', 'updated_at',            'timestamp with time zone', true,  'now()'),
('campaign_vendor_enrollments', 'user_id',               'text',                     true,  '(expert_network.current_user_id() COLLATE "default")'),
-- experts (18)
('experts', 'id',                 'uuid',                     true,  'gen_random_uuid()'),
('experts', 'campaign_id',        'uuid',                     true,  NULL),
('experts', 'vendor_platform_id', 'uuid',                     true,  NULL),
('experts', 'name',               'text',                     true,  NULL),
('experts', 'title',              'text',                     true,  NULL),
('experts', 'company',            'text',                     false, NULL),
('experts', 'avatar_url',         'text',                     false, NULL),
('experts', 'description',        'text',                     false, NULL),
('experts', 'work_history',       'text',                     false, NULL),
('experts', 'skills',             'text[]',                   false, NULL), -- 0.15.0: '{}' by a_fill_empty_arrays
('experts', 'rating',             'numeric(2,1)',             false, NULL),
('experts', 'ai_fit_score',       'integer',                  false, NULL),
('experts', 'status',             'expert_network.expert_status', true,  'proposed'),
('experts', 'is_new',             'boolean',                  true,  'true'),
('experts', 'created_at',         'timestamp with time zone', true,  'now()'),
('experts', 'updated_at',         'timestamp with time zone', true,  'now()'),
('experts', 'reviewed_at',        'timestamp with time zone', false, NULL),
('experts', 'user_id',            'text',                     true,  '(expert_network.current_user_id() COLLATE "default")'),
-- expert_screening_responses (6)
('expert_screening_responses', 'id',                    'uuid',                     true, 'gen_random_uuid()'),
('expert_screening_responses', 'expert_id',             'uuid',                     true, NULL),
('expert_screening_responses', 'screening_question_id', 'uuid',                     true, NULL),
('expert_screening_responses', 'response_text',         'text',                     true, NULL),
('expert_screening_responses', 'created_at',            'timestamp with time zone', true, 'now()'),
('expert_screening_responses', 'user_id',               'text',                     true, '(expert_network.current_user_id() COLLATE "default")'),
-- interviews (14)
('interviews', 'id',               'uuid',                     true,  'gen_random_uuid()'),
('interviews', 'campaign_id',      'uuid',                     true,  NULL),
('interviews', 'expert_id',        'uuid',                     true,  NULL),
('interviews', 'scheduled_date',   'date',                     true,  NULL),
('interviews', 'scheduled_time',   'time without time zone',   true,  NULL),
('interviews', 'duration_minutes', 'integer',                  true,  '60'),
('interviews', 'timezone',         'text',                     true,  'UTC'),
('interviews', 'status',           'expert_network.interview_status', true,  'scheduled'),
('interviews', 'color_tag',        'text',                     false, NULL),
('interviews', 'created_at',       'timestamp with time zone', true,  'now()'),
('interviews', 'updated_at',       'timestamp with time zone', true,  'now()'),
('interviews', 'completed_at',     'timestamp with time zone', false, NULL),
('interviews', 'cancelled_at',     'timestamp with time zone', false, NULL),
('interviews', 'user_id',          'text',                     true,  '(expert_network.current_user_id() COLLATE "default")'),
-- interview_team_assignments (3)
('interview_team_assignments', 'interview_id',   'uuid', true, NULL),
('interview_team_assignments', 'team_member_id', 'uuid', true, NULL),
('interview_team_assignments', 'user_id',        'text', true, '(expert_network.current_user_id() COLLATE "default")'),
-- completed_interviews (19)
('completed_interviews', 'id',                   'uuid',                     true,  'gen_random_uuid()'),
('completed_interviews', 'interview_id',         'uuid',                     true,  NULL),
('completed_interviews', 'campaign_id',          'uuid',                     true,  NULL),
('completed_interviews', 'expert_id',            'uuid',                     true,  NULL),
('completed_interviews', 'interview_date',       'date',                     true,  NULL),
('completed_interviews', 'interview_time',       'text',                     true,  NULL),
('completed_interviews', 'duration',             'text',                     true,  NULL),
('completed_interviews', 'transcript_url',       'text',                     false, NULL),
('completed_interviews', 'transcript_available', 'boolean',                  true,  'false'),
('completed_interviews', 'recording_url',        'text',                     false, NULL),
('completed_interviews', 'notes',                'text',                     false, NULL),
('completed_interviews', 'rating',               'numeric(2,1)',             false, NULL),
('completed_interviews', 'relevance_rating',     'numeric(2,1)',             false, NULL),
('completed_interviews', 'expertise_rating',     'numeric(2,1)',             false, NULL),
('completed_interviews', 'communication_rating', 'numeric(2,1)',             false, NULL),
('completed_interviews', 'review_text',          'text',                     false, NULL),
('completed_interviews', 'completed_at',         'timestamp with time zone', true,  'now()'),
('completed_interviews', 'rated_at',             'timestamp with time zone', false, NULL),
('completed_interviews', 'user_id',              'text',                     true,  '(expert_network.current_user_id() COLLATE "default")'),
-- chat_sessions (6)
('chat_sessions', 'id',          'uuid',                     true,  'gen_random_uuid()'),
('chat_sessions', 'user_id',     'text',                     true,  '(expert_network.current_user_id() COLLATE "default")'),
('chat_sessions', 'campaign_id', 'uuid',                     false, NULL),
('chat_sessions', 'title',       'text',                     true,  NULL),
('chat_sessions', 'created_at',  'timestamp with time zone', true,  'now()'),
('chat_sessions', 'updated_at',  'timestamp with time zone', true,  'now()'),
-- chat_messages (6)
('chat_messages', 'id',              'uuid',                     true, 'gen_random_uuid()'),
('chat_messages', 'chat_session_id', 'uuid',                     true, NULL),
('chat_messages', 'role',            'text',                     true, NULL),
('chat_messages', 'content',         'text',                     true, NULL),
('chat_messages', 'created_at',      'timestamp with time zone', true, 'now()'),
('chat_messages', 'user_id',         'text',                     true, '(expert_network.current_user_id() COLLATE "default")'),
-- research_activities (9)
('research_activities', 'id',              'uuid',                     true,  'gen_random_uuid()'),
('research_activities', 'chat_session_id', 'uuid',                     true,  NULL),
('research_activities', 'activity_name',   'text',                     true,  NULL),
('research_activities', 'status',          'expert_network.research_activity_status', true,  'queued'),
('research_activities', 'confidence',      'integer',                  false, NULL),
('research_activities', 'result_data',     'jsonb',                    false, NULL),
('research_activities', 'created_at',      'timestamp with time zone', true,  'now()'),
('research_activities', 'completed_at',    'timestamp with time zone', false, NULL),
('research_activities', 'user_id',         'text',                     true,  '(expert_network.current_user_id() COLLATE "default")'),
-- research_sources (11)
('research_sources', 'id',              'uuid',                     true,  'gen_random_uuid()'),
('research_sources', 'chat_session_id', 'uuid',                     true,  NULL),
('research_sources', 'source_name',     'text',                     true,  NULL),
('research_sources', 'source_type',     'text',                     true,  NULL),
('research_sources', 'status',          'expert_network.research_source_status', true,  'processing'),
('research_sources', 'size_text',       'text',                     false, NULL),
('research_sources', 'url',             'text',                     false, NULL),
('research_sources', 'content_preview', 'text',                     false, NULL),
('research_sources', 'metadata',        'jsonb',                    false, NULL),
('research_sources', 'created_at',      'timestamp with time zone', true,  'now()'),
('research_sources', 'user_id',         'text',                     true,  '(expert_network.current_user_id() COLLATE "default")'),
-- answer_sections (7)
('answer_sections', 'id',              'uuid',                     true, 'gen_random_uuid()'),
('answer_sections', 'chat_session_id', 'uuid',                     true, NULL),
('answer_sections', 'title',           'text',                     true, NULL),
('answer_sections', 'content',         'text',                     true, NULL),
('answer_sections', 'display_order',   'integer',                  true, '0'),
('answer_sections', 'created_at',      'timestamp with time zone', true, 'now()'),
('answer_sections', 'user_id',         'text',                     true, '(expert_network.current_user_id() COLLATE "default")'),
-- user_ui_preferences (6)
('user_ui_preferences', 'user_id',           'text',                     true,  '(expert_network.current_user_id() COLLATE "default")'),
('user_ui_preferences', 'column_widths',     'jsonb',                    true,
 '{"dragHandle": 16, "campaignName": 400, "industry": 180, "timeline": 250, "targetRegions": 288, "divider": 1, "callsProgress": 200, "status": 96, "cost": 80, "team": 80, "delete": 32}'),
('user_ui_preferences', 'panel_sizing',      'jsonb',                    true,
 '{"chatWidth": 400, "answerWidth": 600, "topHeight": 300, "activitiesWidth": 300, "sourcesWidth": 300}'),
('user_ui_preferences', 'theme',             'text',                     true,  'light'),
('user_ui_preferences', 'expanded_projects', 'text[]',                   false, NULL), -- 0.15.0: '{}' by a_fill_empty_arrays
('user_ui_preferences', 'updated_at',        'timestamp with time zone', true,  'now()'),
-- campaign_costs (11)
('campaign_costs', 'id',                 'uuid',                     true,  'gen_random_uuid()'),
('campaign_costs', 'campaign_id',        'uuid',                     true,  NULL),
('campaign_costs', 'vendor_platform_id', 'uuid',                     false, NULL),
('campaign_costs', 'fee_type',           'text',                     true,  NULL),
('campaign_costs', 'amount_usd',         'numeric(10,2)',            true,  NULL),
('campaign_costs', 'units',              'integer',                  false, NULL),
('campaign_costs', 'memo',               'text',                     false, NULL),
('campaign_costs', 'invoice_date',       'date',                     false, NULL),
('campaign_costs', 'created_at',         'timestamp with time zone', true,  'now()'),
('campaign_costs', 'updated_at',         'timestamp with time zone', true,  'now()'),
('campaign_costs', 'user_id',            'text',                     true,  '(expert_network.current_user_id() COLLATE "default")'),
-- status_history (7), 0.4.0: changed_at is clock time, so that the changes
-- of one transaction keep their order
('status_history', 'id',          'uuid',                     true,  'expert_network.uuid_v7()'),
('status_history', 'user_id',     'text',                     true,  '(expert_network.current_user_id() COLLATE "default")'),
('status_history', 'entity',      'text',                     true,  NULL),
('status_history', 'row_id',      'uuid',                     true,  NULL),
('status_history', 'from_status', 'text',                     false, NULL),
('status_history', 'to_status',   'text',                     true,  NULL),
('status_history', 'changed_at',  'timestamp with time zone', true,  'clock_timestamp()'),
-- access_levels (4), 0.8.0: the record of each role's level
('access_levels', 'role',             'regrole',                  true,  NULL),
('access_levels', 'level',            'text',                     true,  NULL),
('access_levels', 'may_set_identity', 'boolean',                  true,  'true'),
('access_levels', 'granted_at',       'timestamp with time zone', true,  'now()'),
-- restricted_companies (11), 0.10.0: the user's restricted list; match_keys
-- is GENERATED ALWAYS AS (...) STORED, its expression read as its default
('restricted_companies', 'id',            'uuid',                     true,  'gen_random_uuid()'),
('restricted_companies', 'company',       'text',                     true,  NULL),
('restricted_companies', 'ticker',        'text',                     false, NULL),
('restricted_companies', 'aliases',       'text[]',                   true,  NULL), -- 0.15.0: '{}' by a_fill_empty_arrays
('restricted_companies', 'applies_from',  'date',                     true,  'CURRENT_DATE'),
('restricted_companies', 'applies_until', 'date',                     false, NULL),
('restricted_companies', 'reason',        'text',                     false, NULL),
('restricted_companies', 'match_keys',    'text[]',                   false, 'expert_network.company_keys(company, ticker, aliases)'),
('restricted_companies', 'created_at',    'timestamp with time zone', true,  'now()'),
('restricted_companies', 'updated_at',    'timestamp with time zone', true,  'now()'),
('restricted_companies', 'user_id',       'text',                     true,  '(expert_network.current_user_id() COLLATE "default")'),
-- expert_employments (12)
('expert_employments', 'id',              'uuid',                     true,  'gen_random_uuid()'),
('expert_employments', 'expert_id',       'uuid',                     true,  NULL),
('expert_employments', 'company',         'text',                     true,  NULL),
('expert_employments', 'ticker',          'text',                     false, NULL),
('expert_employments', 'publicly_traded', 'boolean',                  true,  'true'),
('expert_employments', 'title',           'text',                     false, NULL),
('expert_employments', 'started_on',      'date',                     false, NULL),
('expert_employments', 'ended_on',        'date',                     false, NULL),
('expert_employments', 'match_keys',      'text[]',                   false, 'expert_network.company_keys(company, ticker, NULL::text[])'),
('expert_employments', 'created_at',      'timestamp with time zone', true,  'now()'),
('expert_employments', 'updated_at',      'timestamp with time zone', true,  'now()'),
('expert_employments', 'user_id',         'text',                     true,  '(expert_network.current_user_id() COLLATE "default")'),
-- campaign_subject_companies (7)
('campaign_subject_companies', 'id',          'uuid',                     true,  'gen_random_uuid()'),
('campaign_subject_companies', 'campaign_id', 'uuid',                     true,  NULL),
('campaign_subject_companies', 'company',     'text',                     true,  NULL),
('campaign_subject_companies', 'ticker',      'text',                     false, NULL),
('campaign_subject_companies', 'match_keys',  'text[]',                   false, 'expert_network.company_keys(company, ticker, NULL::text[])'),
('campaign_subject_companies', 'created_at',  'timestamp with time zone', true,  'now()'),
('campaign_subject_companies', 'user_id',     'text',                     true,  '(expert_network.current_user_id() COLLATE "default")'),
-- compliance_policies (5): one row per user, keyed by user_id
('compliance_policies', 'user_id',                    'text',                     true, '(expert_network.current_user_id() COLLATE "default")'),
('compliance_policies', 'cooling_off_public_months',  'integer',                  true, '6'),
('compliance_policies', 'cooling_off_private_months', 'integer',                  true, '3'),
('compliance_policies', 'attestation_required',       'boolean',                  true, 'true'),
('compliance_policies', 'updated_at',                 'timestamp with time zone', true, 'now()'),
-- interview_attestations (9)
('interview_attestations', 'id',                                'uuid',                     true,  'gen_random_uuid()'),
('interview_attestations', 'interview_id',                      'uuid',                     true,  NULL),
('interview_attestations', 'attested_by',                       'text',                     true,  NULL),
('interview_attestations', 'attested_at',                       'timestamp with time zone', true,  'now()'),
('interview_attestations', 'terms_version',                     'text',                     true,  NULL),
('interview_attestations', 'no_material_nonpublic_information', 'boolean',                  true,  NULL),
('interview_attestations', 'no_conflicting_obligations',        'boolean',                  true,  NULL),
('interview_attestations', 'conflicts_disclosed',               'text',                     false, NULL),
('interview_attestations', 'user_id',                           'text',                     true,  '(expert_network.current_user_id() COLLATE "default")'),
-- compliance_exceptions (8): approved_by and approved_at are stamped by
-- stamp_exception whatever the defaults (0.15.0: approved_by's default is
-- written (CURRENT_USER::pg_catalog.text COLLATE pg_catalog."default"))
('compliance_exceptions', 'id',          'uuid',                     true, 'gen_random_uuid()'),
('compliance_exceptions', 'expert_id',   'uuid',                     true, NULL),
('compliance_exceptions', 'rule',        'expert_network.compliance_rule', true, NULL),
('compliance_exceptions', 'reason',      'text',                     true, NULL),
('compliance_exceptions', 'approved_by', 'text',                     true, '((CURRENT_USER)::text COLLATE "default")'),
('compliance_exceptions', 'approved_at', 'timestamp with time zone', true, 'now()'),
('compliance_exceptions', 'expires_at',  'timestamp with time zone', true, NULL),
('compliance_exceptions', 'user_id',     'text',                     true, '(expert_network.current_user_id() COLLATE "default")'),
-- compliance_log (11): time-ordered ids and clock time, as status_history;
-- decided_by defaults to the role (0.15.0: written with COLLATE, as
-- approved_by)
('compliance_log', 'id',           'uuid',                     true,  'expert_network.uuid_v7()'),
('compliance_log', 'user_id',      'text',                     true,  '(expert_network.current_user_id() COLLATE "default")'),
('compliance_log', 'logged_at',    'timestamp with time zone', true,  'clock_timestamp()'),
('compliance_log', 'interview_id', 'uuid',                     false, NULL),
('compliance_log', 'expert_id',    'uuid',                     true,  NULL),
('compliance_log', 'call_date',    'date',                     true,  NULL),
('compliance_log', 'rule',         'expert_network.compliance_rule', true,  NULL),
('compliance_log', 'decision',     'expert_network.compliance_decision', true,  NULL),
('compliance_log', 'detail',       'jsonb',                    false, NULL),
('compliance_log', 'exception_id', 'uuid',                     false, NULL),
('compliance_log', 'decided_by',   'text',                     true,  '((CURRENT_USER)::text COLLATE "default")'),
-- 0.13.0: the contact keys and the person behind an expert row, an
-- interview's absolute start and end (generated), the user's call cap
('experts', 'profile_url', 'text',                     false, NULL),
('experts', 'email',       'text',                     false, NULL),
('experts', 'person_key',  'text',                     false, 'expert_network.person_key(profile_url, email, name, company)'),
('interviews', 'starts_at', 'timestamp with time zone', false, 'expert_network.interview_starts_at(scheduled_date, scheduled_time, timezone)'),
('interviews', 'ends_at',   'timestamp with time zone', false, 'expert_network.interview_ends_at(scheduled_date, scheduled_time, duration_minutes, timezone)'),
('call_caps', 'user_id',     'text',                     true,  '(expert_network.current_user_id() COLLATE "default")'),
('call_caps', 'max_calls',   'integer',                  true,  NULL),
('call_caps', 'call_window', 'interval',                 true,  '1 year'),
('call_caps', 'updated_at',  'timestamp with time zone', true,  'now()');

-- the transcription itself covers every column of the schema (1 assertion)
SELECT set_eq(
    $$ SELECT c.relname::text, a.attname::text
         FROM pg_catalog.pg_attribute a
         JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        WHERE c.relnamespace = 'expert_network'::regnamespace AND c.relkind = 'r'
          AND a.attnum > 0 AND NOT a.attisdropped $$,
    $$ SELECT tbl::text, col::text FROM cols $$,
    'the column table of this test lists exactly the 271 columns of the schema');

-- and in the order of the script: user_id comes second in the tables that
-- had it in 0.1.0 (first in user_ui_preferences) and last in the 13 tables
-- that 0.2.0 gave it, where ALTER TABLE ADD COLUMN puts it on upgrade;
-- 0.10.0's tables have it last, but compliance_policies (first, its key)
-- and compliance_log (second, as status_history) (1)
SELECT set_eq(
    $$ SELECT c.relname::text, a.attname::text,
              pg_catalog.row_number() OVER (PARTITION BY c.relname ORDER BY a.attnum)
         FROM pg_catalog.pg_attribute a
         JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        WHERE c.relnamespace = 'expert_network'::regnamespace AND c.relkind = 'r'
          AND a.attnum > 0 AND NOT a.attisdropped $$,
    $$ SELECT tbl::text, col::text, pg_catalog.row_number() OVER (PARTITION BY tbl ORDER BY ord)
         FROM cols $$,
    'every table has its columns in the order of the script');

-- types (262)
SELECT col_type_is('expert_network', tbl, col, typ,
                   format('%s.%s is %s', tbl, col, typ))
  FROM cols ORDER BY ord;

-- nullability (262)
SELECT CASE WHEN not_null
            THEN col_not_null('expert_network', tbl, col, format('%s.%s is NOT NULL', tbl, col))
            ELSE col_is_null('expert_network', tbl, col, format('%s.%s is nullable', tbl, col))
       END
  FROM cols ORDER BY ord;

-- defaults (262)
SELECT CASE WHEN dflt IS NULL
            THEN col_hasnt_default('expert_network', tbl, col,
                                   format('%s.%s has no default', tbl, col))
            ELSE col_default_is('expert_network', tbl, col, dflt,
                                format('%s.%s defaults to %s', tbl, col,
                                       CASE WHEN length(dflt) > 60 THEN left(dflt, 56) || ' ...}'
                                            ELSE dflt END))
       END
  FROM cols ORDER BY ord;

-- 0.10.0: the company keys are generated, stored columns, and the only
-- generated columns of the schema (1)
SELECT set_eq(
    $$ SELECT c.relname::text, a.attname::text, a.attgenerated::text,
              pg_catalog.pg_get_expr(d.adbin, d.adrelid)
         FROM pg_catalog.pg_attribute a
         JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
         LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE c.relnamespace = 'expert_network'::regnamespace AND c.relkind = 'r'
          AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated <> '' $$,
    $$ VALUES ('restricted_companies', 'match_keys', 's', 'expert_network.company_keys(company, ticker, aliases)'),
              ('expert_employments', 'match_keys', 's', 'expert_network.company_keys(company, ticker, NULL::text[])'),
              ('campaign_subject_companies', 'match_keys', 's', 'expert_network.company_keys(company, ticker, NULL::text[])'),
              ('experts', 'person_key', 's', 'expert_network.person_key(profile_url, email, name, company)'),
              ('interviews', 'starts_at', 's', 'expert_network.interview_starts_at(scheduled_date, scheduled_time, timezone)'),
              ('interviews', 'ends_at', 's', 'expert_network.interview_ends_at(scheduled_date, scheduled_time, duration_minutes, timezone)') $$,
    'the generated columns are exactly the three match_keys (0.10.0) and 0.13.0''s person_key, starts_at and ends_at, all STORED');

/* ------------------------------------------------------------------------
 * Types (0.15.0): one enum type per workflow status, its labels in
 * workflow order (the order ORDER BY status gives), with a comment; the
 * six status columns are of them (their types are in cols above) and have
 * no CHECK constraint any more (a label outside the type is 22P02, how the
 * columns refuse it is test/pgtap/constraints.sql's).  0.16.0: the gates'
 * rules and decisions likewise (compliance_rule, compliance_decision), for
 * the three columns that hold them.
 * ------------------------------------------------------------------------ */

CREATE TEMPORARY TABLE enum_types (
    ord     serial PRIMARY KEY,
    typ     name   NOT NULL,
    labels  name[] NOT NULL,
    note    text   NOT NULL
);
INSERT INTO enum_types (typ, labels, note) VALUES
('campaign_status',          '{draft,active,paused,completed,archived}',
 'The status of a campaign (campaigns.status)'),
('enrollment_status',        '{not_enrolled,pending,enrolled}',
 'The status of a vendor''s enrollment in a campaign (campaign_vendor_enrollments.status)'),
('expert_status',            '{proposed,reviewed,rejected,scheduling,scheduled,completed}',
 'The status of an expert (experts.status)'),
('interview_status',         '{pending,scheduled,confirmed,completed,cancelled}',
 'The status of an interview (interviews.status)'),
('research_activity_status', '{queued,processing,completed,failed}',
 'The status of a research activity (research_activities.status)'),
('research_source_status',   '{processing,scraped,failed}',
 'The status of a research source (research_sources.status)'),
('compliance_rule',          '{restricted_list,cooling_off,attestation}',
 'A compliance gate (compliance_exceptions.rule, compliance_log.rule)'),
('compliance_decision',      '{passed,refused,excepted}',
 'A gate''s decision on a call (compliance_log.decision)');

-- the columns of each type
CREATE TEMPORARY TABLE enum_columns (tbl name NOT NULL, col name NOT NULL, typ name NOT NULL);
INSERT INTO enum_columns VALUES
('campaigns', 'status', 'campaign_status'),
('campaign_vendor_enrollments', 'status', 'enrollment_status'),
('experts', 'status', 'expert_status'),
('interviews', 'status', 'interview_status'),
('research_activities', 'status', 'research_activity_status'),
('research_sources', 'status', 'research_source_status'),
('compliance_exceptions', 'rule', 'compliance_rule'),
('compliance_log', 'rule', 'compliance_rule'),
('compliance_log', 'decision', 'compliance_decision');

-- the schema's types are exactly the eight enums (table and view row types
-- and array types aside) (2)
SELECT types_are('expert_network', ARRAY(SELECT typ FROM enum_types ORDER BY ord),
                 'schema expert_network has exactly the 8 types campaign_status, enrollment_status, expert_status, interview_status, research_activity_status, research_source_status, compliance_rule, compliance_decision');
SELECT enums_are('expert_network', ARRAY(SELECT typ FROM enum_types ORDER BY ord),
                 'schema expert_network has exactly the 8 enum types: the six statuses (0.15.0), the gates'' rules and decisions (0.16.0)');

-- the labels, in order (8), the comment (8)
SELECT enum_has_labels('expert_network', typ, labels,
                       format('enum expert_network.%s has the labels %s, in this order', typ,
                              pg_catalog.array_to_string(labels, ', ')))
  FROM enum_types ORDER BY ord;
SELECT is(pg_catalog.obj_description(format('expert_network.%I', typ)::regtype, 'pg_type'), note,
          format('type expert_network.%s has its comment', typ))
  FROM enum_types ORDER BY ord;

-- owned as the tables, members of the extension, and the type of exactly
-- the nine columns above (3)
SELECT is_empty(
    $$ SELECT t.typname::text FROM pg_catalog.pg_type t JOIN enum_types e ON e.typ = t.typname
        WHERE t.typnamespace = 'expert_network'::regnamespace
          AND (t.typowner <> (SELECT c.relowner FROM pg_catalog.pg_class c
                               WHERE c.oid = 'expert_network.campaigns'::regclass)
               OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                               WHERE d.classid = 'pg_catalog.pg_type'::regclass AND d.objid = t.oid
                                 AND d.refclassid = 'pg_catalog.pg_extension'::regclass AND d.deptype = 'e'
                                 AND d.refobjid = (SELECT x.oid FROM pg_catalog.pg_extension x
                                                    WHERE x.extname = 'expert_network'))) $$,
    'the eight enum types belong to the owner of the tables and are members of the extension');
SELECT set_eq(
    $$ SELECT c.relname::text, a.attname::text, t.typname::text
         FROM pg_catalog.pg_attribute a
         JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
         JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
        WHERE c.relnamespace = 'expert_network'::regnamespace AND c.relkind = 'r'
          AND t.typnamespace = 'expert_network'::regnamespace
          AND a.attnum > 0 AND NOT a.attisdropped $$,
    $$ SELECT tbl::text, col::text, typ::text FROM enum_columns $$,
    'the enum types are the types of exactly the six status columns and the three rule and decision columns');
SELECT is_empty(
    $$ SELECT c.conrelid::regclass::text, c.conname::text
         FROM pg_catalog.pg_constraint c
         JOIN enum_columns e ON c.conrelid = format('expert_network.%I', e.tbl)::regclass
        WHERE c.contype = 'c'
          AND (SELECT a.attnum FROM pg_catalog.pg_attribute a
                WHERE a.attrelid = c.conrelid AND a.attname = e.col) = ANY (c.conkey) $$,
    'no CHECK constraint is left on the nine enum columns (the <table>_status_check constraints are gone, and 0.16.0''s compliance_log_rule_check, compliance_log_decision_check and compliance_exceptions_rule_check)');

/* ------------------------------------------------------------------------
 * Primary keys and unique constraints
 * ------------------------------------------------------------------------ */

SELECT has_pk('expert_network', 'projects', 'projects has a primary key');
SELECT col_is_pk('expert_network', 'projects', ARRAY['id']::name[], 'projects primary key is (id)');
SELECT has_pk('expert_network', 'campaigns', 'campaigns has a primary key');
SELECT col_is_pk('expert_network', 'campaigns', ARRAY['id']::name[], 'campaigns primary key is (id)');
SELECT has_pk('expert_network', 'team_members', 'team_members has a primary key');
SELECT col_is_pk('expert_network', 'team_members', ARRAY['id']::name[], 'team_members primary key is (id)');
SELECT has_pk('expert_network', 'campaign_team_assignments', 'campaign_team_assignments has a primary key');
SELECT col_is_pk('expert_network', 'campaign_team_assignments', ARRAY['campaign_id', 'team_member_id']::name[],
                 'campaign_team_assignments primary key is (campaign_id, team_member_id)');
SELECT has_pk('expert_network', 'screening_questions', 'screening_questions has a primary key');
SELECT col_is_pk('expert_network', 'screening_questions', ARRAY['id']::name[], 'screening_questions primary key is (id)');
SELECT has_pk('expert_network', 'vendor_platforms', 'vendor_platforms has a primary key');
SELECT col_is_pk('expert_network', 'vendor_platforms', ARRAY['id']::name[], 'vendor_platforms primary key is (id)');
SELECT has_pk('expert_network', 'campaign_vendor_enrollments', 'campaign_vendor_enrollments has a primary key');
SELECT col_is_pk('expert_network', 'campaign_vendor_enrollments', ARRAY['id']::name[], 'campaign_vendor_enrollments primary key is (id)');
SELECT has_pk('expert_network', 'experts', 'experts has a primary key');
SELECT col_is_pk('expert_network', 'experts', ARRAY['id']::name[], 'experts primary key is (id)');
SELECT has_pk('expert_network', 'expert_screening_responses', 'expert_screening_responses has a primary key');
SELECT col_is_pk('expert_network', 'expert_screening_responses', ARRAY['id']::name[], 'expert_screening_responses primary key is (id)');
SELECT has_pk('expert_network', 'interviews', 'interviews has a primary key');
SELECT col_is_pk('expert_network', 'interviews', ARRAY['id']::name[], 'interviews primary key is (id)');
SELECT has_pk('expert_network', 'interview_team_assignments', 'interview_team_assignments has a primary key');
SELECT col_is_pk('expert_network', 'interview_team_assignments', ARRAY['interview_id', 'team_member_id']::name[],
                 'interview_team_assignments primary key is (interview_id, team_member_id)');
SELECT has_pk('expert_network', 'completed_interviews', 'completed_interviews has a primary key');
SELECT col_is_pk('expert_network', 'completed_interviews', ARRAY['id']::name[], 'completed_interviews primary key is (id)');
SELECT has_pk('expert_network', 'chat_sessions', 'chat_sessions has a primary key');
SELECT col_is_pk('expert_network', 'chat_sessions', ARRAY['id']::name[], 'chat_sessions primary key is (id)');
SELECT has_pk('expert_network', 'chat_messages', 'chat_messages has a primary key');
SELECT col_is_pk('expert_network', 'chat_messages', ARRAY['id']::name[], 'chat_messages primary key is (id)');
SELECT has_pk('expert_network', 'research_activities', 'research_activities has a primary key');
SELECT col_is_pk('expert_network', 'research_activities', ARRAY['id']::name[], 'research_activities primary key is (id)');
SELECT has_pk('expert_network', 'research_sources', 'research_sources has a primary key');
SELECT col_is_pk('expert_network', 'research_sources', ARRAY['id']::name[], 'research_sources primary key is (id)');
SELECT has_pk('expert_network', 'answer_sections', 'answer_sections has a primary key');
SELECT col_is_pk('expert_network', 'answer_sections', ARRAY['id']::name[], 'answer_sections primary key is (id)');
SELECT has_pk('expert_network', 'user_ui_preferences', 'user_ui_preferences has a primary key');
SELECT col_is_pk('expert_network', 'user_ui_preferences', ARRAY['user_id']::name[], 'user_ui_preferences primary key is (user_id)');
SELECT has_pk('expert_network', 'campaign_costs', 'campaign_costs has a primary key');
SELECT col_is_pk('expert_network', 'campaign_costs', ARRAY['id']::name[], 'campaign_costs primary key is (id)');
SELECT has_pk('expert_network', 'status_history', 'status_history has a primary key');
SELECT col_is_pk('expert_network', 'status_history', ARRAY['id']::name[], 'status_history primary key is (id)');
SELECT has_pk('expert_network', 'access_levels', 'access_levels has a primary key');
SELECT col_is_pk('expert_network', 'access_levels', ARRAY['role']::name[], 'access_levels primary key is (role): one level per role');
-- 0.10.0 (14)
SELECT has_pk('expert_network', t, format('%s has a primary key', t))
  FROM pg_catalog.unnest(ARRAY['restricted_companies', 'expert_employments', 'campaign_subject_companies',
                               'compliance_policies', 'interview_attestations', 'compliance_exceptions',
                               'compliance_log']) WITH ORDINALITY AS u(t, n)
 ORDER BY n;
SELECT col_is_pk('expert_network', t, ARRAY[k]::name[], format('%s primary key is (%s)', t, k))
  FROM (VALUES (1, 'restricted_companies', 'id'), (2, 'expert_employments', 'id'),
               (3, 'campaign_subject_companies', 'id'), (4, 'compliance_policies', 'user_id'),
               (5, 'interview_attestations', 'id'), (6, 'compliance_exceptions', 'id'),
               (7, 'compliance_log', 'id')) AS v(n, t, k)
 ORDER BY n;

SELECT col_is_unique('expert_network', 'projects', ARRAY['user_id', 'project_code']::name[],
                     'projects has UNIQUE (user_id, project_code)');
SELECT col_is_unique('expert_network', 'vendor_platforms', ARRAY['name']::name[],
                     'vendor_platforms has UNIQUE (name)');
SELECT col_is_unique('expert_network', 'campaign_vendor_enrollments', ARRAY['campaign_id', 'vendor_platform_id']::name[],
                     'campaign_vendor_enrollments has UNIQUE (campaign_id, vendor_platform_id)');
SELECT col_is_unique('expert_network', 'completed_interviews', ARRAY['interview_id']::name[],
                     'completed_interviews has UNIQUE (interview_id)');

-- 0.7.0: every parent of a user's rows has UNIQUE (id, user_id), the target
-- of the composite foreign keys (7)
SELECT col_is_unique('expert_network', t, ARRAY['id', 'user_id']::name[],
                     format('%s has UNIQUE (id, user_id), the target of the composite foreign keys', t))
  FROM pg_catalog.unnest(ARRAY['projects', 'campaigns', 'team_members', 'screening_questions',
                               'experts', 'interviews', 'chat_sessions']) WITH ORDINALITY AS u(t, n)
 ORDER BY n;

SELECT set_eq(
    $$ SELECT conrelid::regclass::text, conname::text FROM pg_catalog.pg_constraint
        WHERE connamespace = 'expert_network'::regnamespace AND contype = 'u' $$,
    $$ VALUES ('expert_network.projects', 'projects_user_id_project_code_key'),
              ('expert_network.vendor_platforms', 'vendor_platforms_name_key'),
              ('expert_network.campaign_vendor_enrollments', 'campaign_vendor_enrollments_campaign_id_vendor_platform_id_key'),
              ('expert_network.completed_interviews', 'completed_interviews_interview_id_key'),
              -- 0.7.0
              ('expert_network.projects', 'projects_id_user_id_key'),
              ('expert_network.campaigns', 'campaigns_id_user_id_key'),
              ('expert_network.team_members', 'team_members_id_user_id_key'),
              ('expert_network.screening_questions', 'screening_questions_id_user_id_key'),
              ('expert_network.experts', 'experts_id_user_id_key'),
              ('expert_network.interviews', 'interviews_id_user_id_key'),
              ('expert_network.chat_sessions', 'chat_sessions_id_user_id_key') $$,
    'the schema has exactly the 11 named UNIQUE constraints of the script (the 4 of 0.1.0, the 7 (id, user_id) keys of 0.7.0)');

/* ------------------------------------------------------------------------
 * Foreign keys: target, constraint name and ON DELETE rule, one row per FK.
 * 0.7.0: every reference to a user's row is a composite key, (col, user_id)
 * to the parent's (id, user_id) (owned: true); the references to the
 * shared vendor catalog stay single-column (owned: false).  The two SET
 * NULL rules set only the reference to NULL, never user_id.
 * ------------------------------------------------------------------------ */

CREATE TEMPORARY TABLE fks (
    ord        serial PRIMARY KEY,
    tbl        name    NOT NULL,
    col        name    NOT NULL,
    ref_tbl    name    NOT NULL,
    ref_col    name    NOT NULL,
    conname    name    NOT NULL,
    on_delete  text    NOT NULL,
    owned      boolean NOT NULL
);

INSERT INTO fks (tbl, col, ref_tbl, ref_col, conname, on_delete, owned) VALUES
('campaigns',                   'project_id',            'projects',            'id', 'campaigns_project_id_fkey',                             'SET NULL (project_id)',  true),
('campaign_team_assignments',   'campaign_id',           'campaigns',           'id', 'campaign_team_assignments_campaign_id_fkey',            'CASCADE',                true),
('campaign_team_assignments',   'team_member_id',        'team_members',        'id', 'campaign_team_assignments_team_member_id_fkey',         'CASCADE',                true),
('screening_questions',         'campaign_id',           'campaigns',           'id', 'screening_questions_campaign_id_fkey',                  'CASCADE',                true),
('screening_questions',         'parent_question_id',    'screening_questions', 'id', 'screening_questions_parent_question_id_fkey',           'CASCADE',                true),
('campaign_vendor_enrollments', 'campaign_id',           'campaigns',           'id', 'campaign_vendor_enrollments_campaign_id_fkey',          'CASCADE',                true),
('campaign_vendor_enrollments', 'vendor_platform_id',    'vendor_platforms',    'id', 'campaign_vendor_enrollments_vendor_platform_id_fkey',   'CASCADE',                false),
('experts',                     'campaign_id',           'campaigns',           'id', 'experts_campaign_id_fkey',                              'CASCADE',                true),
('experts',                     'vendor_platform_id',    'vendor_platforms',    'id', 'experts_vendor_platform_id_fkey',                       'NO ACTION',              false),
('expert_screening_responses',  'expert_id',             'experts',             'id', 'expert_screening_responses_expert_id_fkey',             'CASCADE',                true),
('expert_screening_responses',  'screening_question_id', 'screening_questions', 'id', 'expert_screening_responses_screening_question_id_fkey', 'CASCADE',                true),
('interviews',                  'campaign_id',           'campaigns',           'id', 'interviews_campaign_id_fkey',                           'CASCADE',                true),
('interviews',                  'expert_id',             'experts',             'id', 'interviews_expert_id_fkey',                             'CASCADE',                true),
('interview_team_assignments',  'interview_id',          'interviews',          'id', 'interview_team_assignments_interview_id_fkey',          'CASCADE',                true),
('interview_team_assignments',  'team_member_id',        'team_members',        'id', 'interview_team_assignments_team_member_id_fkey',        'CASCADE',                true),
('completed_interviews',        'interview_id',          'interviews',          'id', 'completed_interviews_interview_id_fkey',                'CASCADE',                true),
('completed_interviews',        'campaign_id',           'campaigns',           'id', 'completed_interviews_campaign_id_fkey',                 'CASCADE',                true),
('completed_interviews',        'expert_id',             'experts',             'id', 'completed_interviews_expert_id_fkey',                   'CASCADE',                true),
('chat_sessions',               'campaign_id',           'campaigns',           'id', 'chat_sessions_campaign_id_fkey',                        'SET NULL (campaign_id)', true),
('chat_messages',               'chat_session_id',       'chat_sessions',       'id', 'chat_messages_chat_session_id_fkey',                    'CASCADE',                true),
('research_activities',         'chat_session_id',       'chat_sessions',       'id', 'research_activities_chat_session_id_fkey',              'CASCADE',                true),
('research_sources',            'chat_session_id',       'chat_sessions',       'id', 'research_sources_chat_session_id_fkey',                 'CASCADE',                true),
('answer_sections',             'chat_session_id',       'chat_sessions',       'id', 'answer_sections_chat_session_id_fkey',                  'CASCADE',                true),
('campaign_costs',              'campaign_id',           'campaigns',           'id', 'campaign_costs_campaign_id_fkey',                       'CASCADE',                true),
('campaign_costs',              'vendor_platform_id',    'vendor_platforms',    'id', 'campaign_costs_vendor_platform_id_fkey',                'NO ACTION',              false),
-- 0.10.0
('expert_employments',          'expert_id',             'experts',             'id', 'expert_employments_expert_id_fkey',                     'CASCADE',                true),
('campaign_subject_companies',  'campaign_id',           'campaigns',           'id', 'campaign_subject_companies_campaign_id_fkey',           'CASCADE',                true),
('interview_attestations',      'interview_id',          'interviews',          'id', 'interview_attestations_interview_id_fkey',              'CASCADE',                true),
('compliance_exceptions',       'expert_id',             'experts',             'id', 'compliance_exceptions_expert_id_fkey',                  'CASCADE',                true);

-- the schema has exactly these foreign keys, under these names (1)
SELECT set_eq(
    $$ SELECT conrelid::regclass::text, conname::text FROM pg_catalog.pg_constraint
        WHERE connamespace = 'expert_network'::regnamespace AND contype = 'f' $$,
    $$ SELECT 'expert_network.' || tbl, conname::text FROM fks $$,
    'the schema has exactly the 29 foreign keys of the script, with their names');

-- columns and target of each foreign key, in order: (col, user_id) to the
-- parent's (id, user_id), or (col) to vendor_platforms (id) (29)
SELECT fk_ok('expert_network', tbl,
             CASE WHEN owned THEN ARRAY[col, 'user_id'] ELSE ARRAY[col] END::name[],
             'expert_network', ref_tbl,
             CASE WHEN owned THEN ARRAY[ref_col, 'user_id'] ELSE ARRAY[ref_col] END::name[],
             CASE WHEN owned
                  THEN format('%s (%s, user_id) references %s (%s, user_id)', tbl, col, ref_tbl, ref_col)
                  ELSE format('%s.%s references %s.%s', tbl, col, ref_tbl, ref_col)
             END)
  FROM fks ORDER BY ord;

-- ON DELETE rule of each foreign key, with the columns a SET NULL sets (29)
SELECT is((SELECT CASE c.confdeltype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT'
                                     WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL'
                                     WHEN 'd' THEN 'SET DEFAULT' END
                  || COALESCE(' (' || (SELECT pg_catalog.string_agg(a.attname::text, ', ' ORDER BY u.n)
                                         FROM pg_catalog.unnest(c.confdelsetcols) WITH ORDINALITY AS u(attnum, n)
                                         JOIN pg_catalog.pg_attribute a
                                           ON a.attrelid = c.conrelid AND a.attnum = u.attnum) || ')', '')
             FROM pg_catalog.pg_constraint c
            WHERE c.conrelid = format('expert_network.%I', fks.tbl)::regclass
              AND c.conname = fks.conname AND c.contype = 'f'),
          on_delete,
          format('%s (%s.%s) is ON DELETE %s', conname, tbl, col, on_delete))
  FROM fks ORDER BY ord;

SELECT is_empty(
    $$ SELECT conname FROM pg_catalog.pg_constraint
        WHERE connamespace = 'expert_network'::regnamespace AND contype = 'f'
          AND (confupdtype <> 'a' OR confmatchtype <> 's' OR condeferrable) $$,
    'no foreign key has an ON UPDATE action, MATCH FULL or is deferrable');

-- the lookups a parent's DELETE (or a change of its key) makes in the child
-- table, WHERE col = $1 AND user_id = $2, are found by an index leading with
-- the foreign key's first column, the parent's id, which is unique on its
-- own: that column, never user_id, leads some (non-partial) index (1)
SELECT is_empty(
    $$ SELECT c.conrelid::regclass::text, c.conname
         FROM pg_catalog.pg_constraint c
        WHERE c.connamespace = 'expert_network'::regnamespace AND c.contype = 'f'
          AND ((SELECT a.attname FROM pg_catalog.pg_attribute a
                 WHERE a.attrelid = c.conrelid AND a.attnum = c.conkey[1]) = 'user_id'
               OR NOT EXISTS (
                SELECT 1 FROM pg_catalog.pg_index i
                 WHERE i.indrelid = c.conrelid AND i.indpred IS NULL
                   AND i.indkey[0] = c.conkey[1])) $$,
    'every foreign key''s first column (the parent''s id, not user_id) leads some (non-partial) index of its table');

/* ------------------------------------------------------------------------
 * Indexes: exact lists, primary-key and unique-constraint indexes included
 * ------------------------------------------------------------------------ */

SELECT indexes_are('expert_network', 'projects', ARRAY[
    'projects_pkey', 'projects_user_id_project_code_key', 'idx_projects_order',
    'projects_id_user_id_key'
]::name[], 'projects has exactly its 4 indexes');
SELECT indexes_are('expert_network', 'campaigns', ARRAY[
    'campaigns_pkey', 'idx_campaigns_user', 'idx_campaigns_project',
    'idx_campaigns_order', 'idx_campaigns_dates',
    'campaigns_id_user_id_key'
]::name[], 'campaigns has exactly its 6 indexes');
SELECT indexes_are('expert_network', 'team_members', ARRAY[
    'team_members_pkey', 'idx_team_members_user',
    'team_members_id_user_id_key'
]::name[], 'team_members has exactly its 3 indexes');
SELECT indexes_are('expert_network', 'campaign_team_assignments', ARRAY[
    'campaign_team_assignments_pkey', 'idx_campaign_team_member',
    'idx_campaign_team_assignments_user'
]::name[], 'campaign_team_assignments has exactly its 3 indexes');
SELECT indexes_are('expert_network', 'screening_questions', ARRAY[
    'screening_questions_pkey', 'idx_screening_campaign', 'idx_screening_parent',
    'idx_screening_order', 'idx_screening_top',
    'idx_screening_questions_user',
    'screening_questions_id_user_id_key'
]::name[], 'screening_questions has exactly its 7 indexes');
SELECT indexes_are('expert_network', 'vendor_platforms', ARRAY[
    'vendor_platforms_pkey', 'vendor_platforms_name_key', 'idx_vendors_active'
]::name[], 'vendor_platforms has exactly its 3 indexes');
SELECT indexes_are('expert_network', 'campaign_vendor_enrollments', ARRAY[
    'campaign_vendor_enrollments_pkey',
    'campaign_vendor_enrollments_campaign_id_vendor_platform_id_key',
    'idx_enrollments_vendor', 'idx_enrollments_status',
    'idx_campaign_vendor_enrollments_user'
]::name[], 'campaign_vendor_enrollments has exactly its 5 indexes');
SELECT indexes_are('expert_network', 'experts', ARRAY[
    'experts_pkey', 'idx_experts_campaign', 'idx_experts_vendor',
    'idx_experts_status', 'idx_experts_campaign_status',
    'idx_experts_user',
    'experts_id_user_id_key',
    'idx_experts_person'
]::name[], 'experts has exactly its 8 indexes');
SELECT indexes_are('expert_network', 'expert_screening_responses', ARRAY[
    'expert_screening_responses_pkey', 'idx_responses_expert', 'idx_responses_question',
    'idx_expert_screening_responses_user'
]::name[], 'expert_screening_responses has exactly its 4 indexes');
SELECT indexes_are('expert_network', 'interviews', ARRAY[
    'interviews_pkey', 'idx_interviews_campaign', 'idx_interviews_expert',
    'idx_interviews_date', 'idx_interviews_status', 'idx_interviews_campaign_status',
    'idx_interviews_user',
    'interviews_id_user_id_key'
]::name[], 'interviews has exactly its 8 indexes');
SELECT indexes_are('expert_network', 'interview_team_assignments', ARRAY[
    'interview_team_assignments_pkey', 'idx_interview_team_member',
    'idx_interview_team_assignments_user'
]::name[], 'interview_team_assignments has exactly its 3 indexes');
SELECT indexes_are('expert_network', 'completed_interviews', ARRAY[
    'completed_interviews_pkey', 'completed_interviews_interview_id_key',
    'idx_completed_campaign', 'idx_completed_expert', 'idx_completed_date',
    'idx_completed_rating',
    'idx_completed_interviews_user'
]::name[], 'completed_interviews has exactly its 7 indexes');
SELECT indexes_are('expert_network', 'chat_sessions', ARRAY[
    'chat_sessions_pkey', 'idx_chat_sessions_user', 'idx_chat_sessions_campaign',
    'idx_chat_sessions_updated',
    'chat_sessions_id_user_id_key'
]::name[], 'chat_sessions has exactly its 5 indexes');
SELECT indexes_are('expert_network', 'chat_messages', ARRAY[
    'chat_messages_pkey', 'idx_chat_messages_session', 'idx_chat_messages_created',
    'idx_chat_messages_user'
]::name[], 'chat_messages has exactly its 4 indexes');
SELECT indexes_are('expert_network', 'research_activities', ARRAY[
    'research_activities_pkey', 'idx_research_session', 'idx_research_status',
    'idx_research_activities_user'
]::name[], 'research_activities has exactly its 4 indexes');
SELECT indexes_are('expert_network', 'research_sources', ARRAY[
    'research_sources_pkey', 'idx_sources_session', 'idx_sources_status',
    'idx_research_sources_user'
]::name[], 'research_sources has exactly its 4 indexes');
SELECT indexes_are('expert_network', 'answer_sections', ARRAY[
    'answer_sections_pkey', 'idx_answer_sections_session', 'idx_answer_sections_order',
    'idx_answer_sections_user'
]::name[], 'answer_sections has exactly its 4 indexes');
SELECT indexes_are('expert_network', 'user_ui_preferences', ARRAY[
    'user_ui_preferences_pkey'
]::name[], 'user_ui_preferences has exactly its 1 index');
SELECT indexes_are('expert_network', 'campaign_costs', ARRAY[
    'campaign_costs_pkey', 'idx_campaign_costs_campaign', 'idx_campaign_costs_vendor',
    'idx_campaign_costs_user'
]::name[], 'campaign_costs has exactly its 4 indexes');
SELECT indexes_are('expert_network', 'status_history', ARRAY[
    'status_history_pkey', 'idx_status_history_user', 'idx_status_history_row'
]::name[], 'status_history has exactly its 3 indexes');
SELECT indexes_are('expert_network', 'access_levels', ARRAY[
    'access_levels_pkey'
]::name[], 'access_levels has exactly its 1 index');
-- 0.10.0
SELECT indexes_are('expert_network', 'restricted_companies', ARRAY[
    'restricted_companies_pkey', 'idx_restricted_companies_user', 'idx_restricted_companies_keys'
]::name[], 'restricted_companies has exactly its 3 indexes');
SELECT indexes_are('expert_network', 'expert_employments', ARRAY[
    'expert_employments_pkey', 'idx_expert_employments_expert', 'idx_expert_employments_user',
    'idx_expert_employments_current'
]::name[], 'expert_employments has exactly its 4 indexes');
SELECT indexes_are('expert_network', 'campaign_subject_companies', ARRAY[
    'campaign_subject_companies_pkey', 'idx_campaign_subject_companies_campaign',
    'idx_campaign_subject_companies_user'
]::name[], 'campaign_subject_companies has exactly its 3 indexes');
SELECT indexes_are('expert_network', 'compliance_policies', ARRAY[
    'compliance_policies_pkey'
]::name[], 'compliance_policies has exactly its 1 index');
SELECT indexes_are('expert_network', 'interview_attestations', ARRAY[
    'interview_attestations_pkey', 'idx_interview_attestations_interview', 'idx_interview_attestations_user'
]::name[], 'interview_attestations has exactly its 3 indexes');
SELECT indexes_are('expert_network', 'compliance_exceptions', ARRAY[
    'compliance_exceptions_pkey', 'idx_compliance_exceptions_expert', 'idx_compliance_exceptions_user'
]::name[], 'compliance_exceptions has exactly its 3 indexes');
SELECT indexes_are('expert_network', 'compliance_log', ARRAY[
    'compliance_log_pkey', 'idx_compliance_log_user_expert'
]::name[], 'compliance_log has exactly its 2 indexes (0.16.0: one besides the key)');

-- the indexes of the script are on the right columns (1)
SELECT set_eq(
    $$ SELECT c.relname::text, pg_catalog.pg_get_indexdef(c.oid)
         FROM pg_catalog.pg_class c
        WHERE c.relnamespace = 'expert_network'::regnamespace AND c.relkind = 'i'
          AND c.relname LIKE 'idx\_%' $$,
    $$ VALUES
    ('idx_projects_order',             'CREATE INDEX idx_projects_order ON expert_network.projects USING btree (user_id, display_order)'),
    ('idx_campaigns_user',             'CREATE INDEX idx_campaigns_user ON expert_network.campaigns USING btree (user_id)'),
    ('idx_campaigns_project',          'CREATE INDEX idx_campaigns_project ON expert_network.campaigns USING btree (project_id)'),
    ('idx_campaigns_order',            'CREATE INDEX idx_campaigns_order ON expert_network.campaigns USING btree (user_id, project_id, display_order)'),
    ('idx_campaigns_dates',            'CREATE INDEX idx_campaigns_dates ON expert_network.campaigns USING btree (start_date, target_completion_date)'),
    ('idx_team_members_user',          'CREATE INDEX idx_team_members_user ON expert_network.team_members USING btree (user_id)'),
    ('idx_campaign_team_member',       'CREATE INDEX idx_campaign_team_member ON expert_network.campaign_team_assignments USING btree (team_member_id)'),
    ('idx_screening_campaign',         'CREATE INDEX idx_screening_campaign ON expert_network.screening_questions USING btree (campaign_id)'),
    ('idx_screening_parent',           'CREATE INDEX idx_screening_parent ON expert_network.screening_questions USING btree (parent_question_id)'),
    ('idx_screening_order',            'CREATE INDEX idx_screening_order ON expert_network.screening_questions USING btree (campaign_id, display_order)'),
    ('idx_screening_top',              'CREATE INDEX idx_screening_top ON expert_network.screening_questions USING btree (campaign_id) WHERE (parent_question_id IS NULL)'),
    ('idx_vendors_active',             'CREATE INDEX idx_vendors_active ON expert_network.vendor_platforms USING btree (is_active)'),
    ('idx_enrollments_vendor',         'CREATE INDEX idx_enrollments_vendor ON expert_network.campaign_vendor_enrollments USING btree (vendor_platform_id)'),
    ('idx_enrollments_status',         'CREATE INDEX idx_enrollments_status ON expert_network.campaign_vendor_enrollments USING btree (status)'),
    ('idx_experts_campaign',           'CREATE INDEX idx_experts_campaign ON expert_network.experts USING btree (campaign_id)'),
    ('idx_experts_vendor',             'CREATE INDEX idx_experts_vendor ON expert_network.experts USING btree (vendor_platform_id)'),
    ('idx_experts_status',             'CREATE INDEX idx_experts_status ON expert_network.experts USING btree (status)'),
    ('idx_experts_campaign_status',    'CREATE INDEX idx_experts_campaign_status ON expert_network.experts USING btree (campaign_id, status)'),
    ('idx_responses_expert',           'CREATE INDEX idx_responses_expert ON expert_network.expert_screening_responses USING btree (expert_id)'),
    ('idx_responses_question',         'CREATE INDEX idx_responses_question ON expert_network.expert_screening_responses USING btree (screening_question_id)'),
    ('idx_interviews_campaign',        'CREATE INDEX idx_interviews_campaign ON expert_network.interviews USING btree (campaign_id)'),
    ('idx_interviews_expert',          'CREATE INDEX idx_interviews_expert ON expert_network.interviews USING btree (expert_id, user_id)'),
    ('idx_interviews_date',            'CREATE INDEX idx_interviews_date ON expert_network.interviews USING btree (scheduled_date)'),
    ('idx_interviews_status',          'CREATE INDEX idx_interviews_status ON expert_network.interviews USING btree (status)'),
    ('idx_interviews_campaign_status', 'CREATE INDEX idx_interviews_campaign_status ON expert_network.interviews USING btree (campaign_id, status)'),
    ('idx_interview_team_member',      'CREATE INDEX idx_interview_team_member ON expert_network.interview_team_assignments USING btree (team_member_id, user_id)'),
    ('idx_completed_campaign',         'CREATE INDEX idx_completed_campaign ON expert_network.completed_interviews USING btree (campaign_id)'),
    ('idx_completed_expert',           'CREATE INDEX idx_completed_expert ON expert_network.completed_interviews USING btree (expert_id)'),
    ('idx_completed_date',             'CREATE INDEX idx_completed_date ON expert_network.completed_interviews USING btree (interview_date)'),
    ('idx_completed_rating',           'CREATE INDEX idx_completed_rating ON expert_network.completed_interviews USING btree (rating)'),
    ('idx_chat_sessions_user',         'CREATE INDEX idx_chat_sessions_user ON expert_network.chat_sessions USING btree (user_id)'),
    ('idx_chat_sessions_campaign',     'CREATE INDEX idx_chat_sessions_campaign ON expert_network.chat_sessions USING btree (campaign_id)'),
    ('idx_chat_sessions_updated',      'CREATE INDEX idx_chat_sessions_updated ON expert_network.chat_sessions USING btree (user_id, updated_at DESC)'),
    ('idx_chat_messages_session',      'CREATE INDEX idx_chat_messages_session ON expert_network.chat_messages USING btree (chat_session_id)'),
    ('idx_chat_messages_created',      'CREATE INDEX idx_chat_messages_created ON expert_network.chat_messages USING btree (chat_session_id, created_at)'),
    ('idx_research_session',           'CREATE INDEX idx_research_session ON expert_network.research_activities USING btree (chat_session_id)'),
    ('idx_research_status',            'CREATE INDEX idx_research_status ON expert_network.research_activities USING btree (status)'),
    ('idx_sources_session',            'CREATE INDEX idx_sources_session ON expert_network.research_sources USING btree (chat_session_id)'),
    ('idx_sources_status',             'CREATE INDEX idx_sources_status ON expert_network.research_sources USING btree (status)'),
    ('idx_answer_sections_session',    'CREATE INDEX idx_answer_sections_session ON expert_network.answer_sections USING btree (chat_session_id)'),
    ('idx_answer_sections_order',      'CREATE INDEX idx_answer_sections_order ON expert_network.answer_sections USING btree (chat_session_id, display_order)'),
    ('idx_campaign_costs_campaign',    'CREATE INDEX idx_campaign_costs_campaign ON expert_network.campaign_costs USING btree (campaign_id)'),
    ('idx_campaign_costs_vendor',      'CREATE INDEX idx_campaign_costs_vendor ON expert_network.campaign_costs USING btree (vendor_platform_id)'),
    -- 0.2.0: the owner key of the tables that got user_id
    ('idx_campaign_team_assignments_user',   'CREATE INDEX idx_campaign_team_assignments_user ON expert_network.campaign_team_assignments USING btree (user_id)'),
    ('idx_screening_questions_user',         'CREATE INDEX idx_screening_questions_user ON expert_network.screening_questions USING btree (user_id)'),
    ('idx_campaign_vendor_enrollments_user', 'CREATE INDEX idx_campaign_vendor_enrollments_user ON expert_network.campaign_vendor_enrollments USING btree (user_id)'),
    ('idx_experts_user',                     'CREATE INDEX idx_experts_user ON expert_network.experts USING btree (user_id)'),
    ('idx_expert_screening_responses_user',  'CREATE INDEX idx_expert_screening_responses_user ON expert_network.expert_screening_responses USING btree (user_id)'),
    ('idx_interviews_user',                  'CREATE INDEX idx_interviews_user ON expert_network.interviews USING btree (user_id)'),
    ('idx_interview_team_assignments_user',  'CREATE INDEX idx_interview_team_assignments_user ON expert_network.interview_team_assignments USING btree (user_id)'),
    ('idx_completed_interviews_user',        'CREATE INDEX idx_completed_interviews_user ON expert_network.completed_interviews USING btree (user_id)'),
    ('idx_chat_messages_user',               'CREATE INDEX idx_chat_messages_user ON expert_network.chat_messages USING btree (user_id)'),
    ('idx_research_activities_user',         'CREATE INDEX idx_research_activities_user ON expert_network.research_activities USING btree (user_id)'),
    ('idx_research_sources_user',            'CREATE INDEX idx_research_sources_user ON expert_network.research_sources USING btree (user_id)'),
    ('idx_answer_sections_user',             'CREATE INDEX idx_answer_sections_user ON expert_network.answer_sections USING btree (user_id)'),
    ('idx_campaign_costs_user',              'CREATE INDEX idx_campaign_costs_user ON expert_network.campaign_costs USING btree (user_id)'),
    -- 0.4.0: the history, by owner and by row in time order
    ('idx_status_history_user',              'CREATE INDEX idx_status_history_user ON expert_network.status_history USING btree (user_id)'),
    ('idx_status_history_row',               'CREATE INDEX idx_status_history_row ON expert_network.status_history USING btree (row_id, changed_at)'),
    -- 0.10.0: the compliance tables by owner and by parent; the restricted
    -- list's keys for the overlap of the gates (0.11.0: with the leakproof
    -- expert_network.&&, which row-level security lets it serve); one
    -- open-ended employment per expert
    ('idx_restricted_companies_user',           'CREATE INDEX idx_restricted_companies_user ON expert_network.restricted_companies USING btree (user_id)'),
    ('idx_restricted_companies_keys',           'CREATE INDEX idx_restricted_companies_keys ON expert_network.restricted_companies USING gin (match_keys expert_network.company_keys_ops)'),
    ('idx_expert_employments_expert',           'CREATE INDEX idx_expert_employments_expert ON expert_network.expert_employments USING btree (expert_id, user_id)'),
    ('idx_expert_employments_user',             'CREATE INDEX idx_expert_employments_user ON expert_network.expert_employments USING btree (user_id)'),
    ('idx_expert_employments_current',          'CREATE UNIQUE INDEX idx_expert_employments_current ON expert_network.expert_employments USING btree (expert_id) WHERE (ended_on IS NULL)'),
    ('idx_campaign_subject_companies_campaign', 'CREATE INDEX idx_campaign_subject_companies_campaign ON expert_network.campaign_subject_companies USING btree (campaign_id, user_id)'),
    ('idx_campaign_subject_companies_user',     'CREATE INDEX idx_campaign_subject_companies_user ON expert_network.campaign_subject_companies USING btree (user_id)'),
    ('idx_interview_attestations_interview',    'CREATE INDEX idx_interview_attestations_interview ON expert_network.interview_attestations USING btree (interview_id, user_id)'),
    ('idx_interview_attestations_user',         'CREATE INDEX idx_interview_attestations_user ON expert_network.interview_attestations USING btree (user_id)'),
    ('idx_compliance_exceptions_expert',        'CREATE INDEX idx_compliance_exceptions_expert ON expert_network.compliance_exceptions USING btree (expert_id, user_id)'),
    ('idx_compliance_exceptions_user',          'CREATE INDEX idx_compliance_exceptions_user ON expert_network.compliance_exceptions USING btree (user_id)'),
    ('idx_compliance_log_user_expert',          'CREATE INDEX idx_compliance_log_user_expert ON expert_network.compliance_log USING btree (user_id, expert_id)'),
    -- 0.13.0: a user's rows of one person
    ('idx_experts_person',                      'CREATE INDEX idx_experts_person ON expert_network.experts USING btree (user_id, person_key)')
    $$,
    'the 72 idx_* indexes have the definitions of the script');

-- what the policies filter on is indexed: user_id leads some index of every
-- table that has it (the primary key of user_ui_preferences, the unique key
-- of projects, idx_<table>_user elsewhere) (1)
SELECT is_empty(
    $$ SELECT a.attrelid::regclass::text
         FROM pg_catalog.pg_attribute a
         JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        WHERE c.relnamespace = 'expert_network'::regnamespace AND c.relkind = 'r'
          AND a.attname = 'user_id' AND NOT a.attisdropped
          AND NOT EXISTS (
                SELECT 1 FROM pg_catalog.pg_index i
                 WHERE i.indrelid = a.attrelid AND i.indpred IS NULL
                   AND i.indkey[0] = a.attnum) $$,
    'user_id leads some (non-partial) index of every table that has it');

/* ------------------------------------------------------------------------
 * Triggers: set_updated_at on exactly the tables with updated_at; the two
 * scoping triggers a_enforce_owner and a_require_identity on exactly the
 * tables with user_id that the application writes (every table but
 * vendor_platforms and status_history); the counters' triggers (0.3.0):
 * count_calls_* on interviews, protect_call_counters on campaigns,
 * touch_chat_sessions on chat_messages; the workflow's (0.4.0):
 * check_transition (BEFORE row), history_insert and history_update (AFTER
 * statement, record_transitions()) on the six tables with a status,
 * interview_lifecycle_* on interviews (0.8.0: _delete too), which fire
 * after history_* (AFTER
 * triggers fire in name order: an interview's change is recorded before the
 * expert's change it causes).
 * status_history, written only by the extension, has one trigger (0.7.0):
 * protect_history, BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE FOR EACH
 * STATEMENT, which refuses every write the extension does not make itself
 * (how it behaves is test/pgtap/scoping.sql's and test/pgtap/workflow.sql's).
 * completed_interviews has protect_completed_record and
 * protect_completed_record_delete (0.8.0: the record stays with its
 * completed interview; how they are defined and behave is
 * test/pgtap/integrity.sql's).
 * 0.10.0: the seven compliance tables have the two scoping triggers (the
 * log too: the gates write it as the caller); interviews has the gates,
 * compliance_gate_insert and compliance_gate_update (AFTER statement, with
 * the transition tables); compliance_log has protect_compliance_log (as
 * status_history's protect_history); compliance_exceptions has
 * stamp_exception (BEFORE row); expert_employments has
 * follow_current_employment_insert, _update and _delete (AFTER statement),
 * and experts follow_current_employment (BEFORE UPDATE OF company FOR EACH
 * ROW WHEN the company changes); restricted_companies, expert_employments
 * and compliance_policies have set_updated_at.
 * 0.15.0: the five tables with a text[] column that used to default to '{}'
 * (campaigns, vendor_platforms, experts, user_ui_preferences,
 * restricted_companies) have a_fill_empty_arrays, BEFORE INSERT FOR EACH
 * ROW, whose argument names that column.
 * ------------------------------------------------------------------------ */

SELECT triggers_are('expert_network', 'projects', ARRAY['a_enforce_owner', 'a_require_identity', 'set_updated_at']::name[], 'projects has exactly the triggers a_enforce_owner, a_require_identity, set_updated_at');
SELECT triggers_are('expert_network', 'campaigns', ARRAY['a_enforce_owner', 'a_fill_empty_arrays', 'a_require_identity', 'check_transition', 'history_insert', 'history_update', 'protect_call_counters', 'set_updated_at']::name[], 'campaigns has exactly the triggers a_enforce_owner, a_fill_empty_arrays (0.15.0), a_require_identity, check_transition, history_insert, history_update, protect_call_counters, set_updated_at');
SELECT triggers_are('expert_network', 'team_members', ARRAY['a_enforce_owner', 'a_require_identity']::name[], 'team_members has exactly the triggers a_enforce_owner, a_require_identity');
SELECT triggers_are('expert_network', 'campaign_team_assignments', ARRAY['a_enforce_owner', 'a_require_identity']::name[], 'campaign_team_assignments has exactly the triggers a_enforce_owner, a_require_identity');
SELECT triggers_are('expert_network', 'screening_questions', ARRAY['a_enforce_owner', 'a_require_identity', 'question_integrity_insert', 'question_integrity_update', 'set_updated_at']::name[], 'screening_questions has exactly the triggers a_enforce_owner, a_require_identity, question_integrity_insert, question_integrity_update, set_updated_at');
SELECT triggers_are('expert_network', 'vendor_platforms', ARRAY['a_fill_empty_arrays', 'set_updated_at']::name[], 'vendor_platforms has exactly the triggers a_fill_empty_arrays (0.15.0) and set_updated_at (no scoping trigger)');
SELECT triggers_are('expert_network', 'campaign_vendor_enrollments', ARRAY['a_enforce_owner', 'a_require_identity', 'check_transition', 'history_insert', 'history_update', 'set_updated_at']::name[], 'campaign_vendor_enrollments has exactly the triggers a_enforce_owner, a_require_identity, check_transition, history_insert, history_update, set_updated_at');
SELECT triggers_are('expert_network', 'experts', ARRAY['a_enforce_owner', 'a_fill_empty_arrays', 'a_require_identity', 'check_transition', 'double_booking_update', 'follow_current_employment', 'history_insert', 'history_update', 'set_updated_at']::name[], 'experts has exactly the triggers a_enforce_owner, a_fill_empty_arrays (0.15.0), a_require_identity, check_transition, double_booking_update, follow_current_employment, history_insert, history_update, set_updated_at');
SELECT triggers_are('expert_network', 'expert_screening_responses', ARRAY['a_enforce_owner', 'a_require_identity', 'response_integrity_insert', 'response_integrity_update']::name[], 'expert_screening_responses has exactly the triggers a_enforce_owner, a_require_identity, response_integrity_insert, response_integrity_update');
SELECT triggers_are('expert_network', 'interviews', ARRAY['a_enforce_owner', 'a_require_identity', 'check_transition', 'compliance_gate_insert', 'compliance_gate_update', 'count_calls_delete', 'count_calls_insert', 'count_calls_truncate', 'count_calls_update', 'double_booking_insert', 'double_booking_update', 'history_insert', 'history_update', 'interview_lifecycle_delete', 'interview_lifecycle_insert', 'interview_lifecycle_update', 'set_updated_at']::name[], 'interviews has exactly the triggers a_enforce_owner, a_require_identity, check_transition, compliance_gate_insert, compliance_gate_update, count_calls_delete, count_calls_insert, count_calls_truncate, count_calls_update, double_booking_insert, double_booking_update, history_insert, history_update, interview_lifecycle_delete, interview_lifecycle_insert, interview_lifecycle_update, set_updated_at');
SELECT triggers_are('expert_network', 'interview_team_assignments', ARRAY['a_enforce_owner', 'a_require_identity', 'double_booking_insert', 'double_booking_update']::name[], 'interview_team_assignments has exactly the triggers a_enforce_owner, a_require_identity, double_booking_insert, double_booking_update');
SELECT triggers_are('expert_network', 'completed_interviews', ARRAY['a_enforce_owner', 'a_require_identity', 'protect_completed_record', 'protect_completed_record_delete']::name[], 'completed_interviews has exactly the triggers a_enforce_owner, a_require_identity, protect_completed_record, protect_completed_record_delete');
SELECT triggers_are('expert_network', 'chat_sessions', ARRAY['a_enforce_owner', 'a_require_identity', 'set_updated_at']::name[], 'chat_sessions has exactly the triggers a_enforce_owner, a_require_identity, set_updated_at');
SELECT triggers_are('expert_network', 'chat_messages', ARRAY['a_enforce_owner', 'a_require_identity', 'touch_chat_sessions']::name[], 'chat_messages has exactly the triggers a_enforce_owner, a_require_identity, touch_chat_sessions');
SELECT triggers_are('expert_network', 'research_activities', ARRAY['a_enforce_owner', 'a_require_identity', 'check_transition', 'history_insert', 'history_update']::name[], 'research_activities has exactly the triggers a_enforce_owner, a_require_identity, check_transition, history_insert, history_update');
SELECT triggers_are('expert_network', 'research_sources', ARRAY['a_enforce_owner', 'a_require_identity', 'check_transition', 'history_insert', 'history_update']::name[], 'research_sources has exactly the triggers a_enforce_owner, a_require_identity, check_transition, history_insert, history_update');
SELECT triggers_are('expert_network', 'answer_sections', ARRAY['a_enforce_owner', 'a_require_identity']::name[], 'answer_sections has exactly the triggers a_enforce_owner, a_require_identity');
SELECT triggers_are('expert_network', 'user_ui_preferences', ARRAY['a_enforce_owner', 'a_fill_empty_arrays', 'a_require_identity', 'set_updated_at']::name[], 'user_ui_preferences has exactly the triggers a_enforce_owner, a_fill_empty_arrays (0.15.0), a_require_identity, set_updated_at');
SELECT triggers_are('expert_network', 'campaign_costs', ARRAY['a_enforce_owner', 'a_require_identity', 'set_updated_at']::name[], 'campaign_costs has exactly the triggers a_enforce_owner, a_require_identity, set_updated_at');
SELECT triggers_are('expert_network', 'status_history', ARRAY['protect_history']::name[], 'status_history has exactly the trigger protect_history (only the extension writes it)');
SELECT triggers_are('expert_network', 'access_levels', ARRAY[]::name[], 'access_levels has no trigger');
-- 0.10.0 (7)
SELECT triggers_are('expert_network', 'restricted_companies', ARRAY['a_enforce_owner', 'a_fill_empty_arrays', 'a_require_identity', 'set_updated_at']::name[], 'restricted_companies has exactly the triggers a_enforce_owner, a_fill_empty_arrays (0.15.0), a_require_identity, set_updated_at');
SELECT triggers_are('expert_network', 'expert_employments', ARRAY['a_enforce_owner', 'a_require_identity', 'follow_current_employment_delete', 'follow_current_employment_insert', 'follow_current_employment_update', 'set_updated_at']::name[], 'expert_employments has exactly the triggers a_enforce_owner, a_require_identity, follow_current_employment_delete, follow_current_employment_insert, follow_current_employment_update, set_updated_at');
SELECT triggers_are('expert_network', 'campaign_subject_companies', ARRAY['a_enforce_owner', 'a_require_identity']::name[], 'campaign_subject_companies has exactly the triggers a_enforce_owner, a_require_identity');
SELECT triggers_are('expert_network', 'compliance_policies', ARRAY['a_enforce_owner', 'a_require_identity', 'set_updated_at']::name[], 'compliance_policies has exactly the triggers a_enforce_owner, a_require_identity, set_updated_at');
SELECT triggers_are('expert_network', 'interview_attestations', ARRAY['a_enforce_owner', 'a_require_identity']::name[], 'interview_attestations has exactly the triggers a_enforce_owner, a_require_identity');
SELECT triggers_are('expert_network', 'compliance_exceptions', ARRAY['a_enforce_owner', 'a_require_identity', 'stamp_exception']::name[], 'compliance_exceptions has exactly the triggers a_enforce_owner, a_require_identity, stamp_exception');
SELECT triggers_are('expert_network', 'compliance_log', ARRAY['a_enforce_owner', 'a_require_identity', 'protect_compliance_log']::name[], 'compliance_log has exactly the triggers a_enforce_owner, a_require_identity, protect_compliance_log');
-- 0.13.0 (1)
SELECT triggers_are('expert_network', 'call_caps', ARRAY['a_enforce_owner', 'a_require_identity', 'set_updated_at']::name[], 'call_caps has exactly the triggers a_enforce_owner, a_require_identity, set_updated_at');
SELECT trigger_is('expert_network', 'status_history', 'protect_history', 'expert_network', 'protect_history',
                  'status_history.protect_history calls expert_network.protect_history()');
-- tgtype 62 = BEFORE (2) | INSERT (4) | DELETE (8) | UPDATE (16) | TRUNCATE (32), not ROW
SELECT is((SELECT ROW(t.tgtype, t.tgenabled, t.tgnargs, t.tgqual IS NULL, t.tgattr::text,
                      t.tgoldtable IS NULL AND t.tgnewtable IS NULL)::text
             FROM pg_catalog.pg_trigger t
            WHERE t.tgrelid = 'expert_network.status_history'::regclass AND t.tgname = 'protect_history'),
          ROW(62::int2, 'O'::"char", 0::int2, true, '', true)::text,
          'status_history.protect_history is BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE FOR EACH STATEMENT (tgtype 62), enabled, without arguments, WHEN, column list or transition table');

SELECT trigger_is('expert_network', 'projects', 'set_updated_at', 'expert_network', 'set_updated_at',
                  'projects.set_updated_at calls expert_network.set_updated_at()');
SELECT trigger_is('expert_network', 'campaigns', 'set_updated_at', 'expert_network', 'set_updated_at',
                  'campaigns.set_updated_at calls expert_network.set_updated_at()');
SELECT trigger_is('expert_network', 'screening_questions', 'set_updated_at', 'expert_network', 'set_updated_at',
                  'screening_questions.set_updated_at calls expert_network.set_updated_at()');
SELECT trigger_is('expert_network', 'vendor_platforms', 'set_updated_at', 'expert_network', 'set_updated_at',
                  'vendor_platforms.set_updated_at calls expert_network.set_updated_at()');
SELECT trigger_is('expert_network', 'campaign_vendor_enrollments', 'set_updated_at', 'expert_network', 'set_updated_at',
                  'campaign_vendor_enrollments.set_updated_at calls expert_network.set_updated_at()');
SELECT trigger_is('expert_network', 'experts', 'set_updated_at', 'expert_network', 'set_updated_at',
                  'experts.set_updated_at calls expert_network.set_updated_at()');
SELECT trigger_is('expert_network', 'interviews', 'set_updated_at', 'expert_network', 'set_updated_at',
                  'interviews.set_updated_at calls expert_network.set_updated_at()');
SELECT trigger_is('expert_network', 'chat_sessions', 'set_updated_at', 'expert_network', 'set_updated_at',
                  'chat_sessions.set_updated_at calls expert_network.set_updated_at()');
SELECT trigger_is('expert_network', 'user_ui_preferences', 'set_updated_at', 'expert_network', 'set_updated_at',
                  'user_ui_preferences.set_updated_at calls expert_network.set_updated_at()');
SELECT trigger_is('expert_network', 'campaign_costs', 'set_updated_at', 'expert_network', 'set_updated_at',
                  'campaign_costs.set_updated_at calls expert_network.set_updated_at()');
-- 0.10.0 (3)
SELECT trigger_is('expert_network', t, 'set_updated_at', 'expert_network', 'set_updated_at',
                  format('%s.set_updated_at calls expert_network.set_updated_at()', t))
  FROM pg_catalog.unnest(ARRAY['restricted_companies', 'expert_employments', 'compliance_policies', 'call_caps'])
       WITH ORDINALITY AS u(t, n)
 ORDER BY n;

-- the 26 tables holding the rows the application writes, in the order of
-- the script (status_history, written by the extension, is not one of them;
-- 0.10.0's compliance_log, written by the gates as the caller, is, as every
-- compliance table: the two scoping triggers guard them all)
CREATE TEMPORARY TABLE user_tables (ord serial PRIMARY KEY, tbl name NOT NULL UNIQUE);
INSERT INTO user_tables (tbl) VALUES
    ('projects'), ('campaigns'), ('team_members'), ('campaign_team_assignments'),
    ('screening_questions'), ('campaign_vendor_enrollments'), ('experts'),
    ('expert_screening_responses'), ('interviews'), ('interview_team_assignments'),
    ('completed_interviews'), ('chat_sessions'), ('chat_messages'),
    ('research_activities'), ('research_sources'), ('answer_sections'),
    ('user_ui_preferences'), ('campaign_costs'),
    ('restricted_companies'), ('expert_employments'), ('campaign_subject_companies'),
    ('compliance_policies'), ('interview_attestations'), ('compliance_exceptions'),
    ('compliance_log'),
    ('call_caps');

SELECT set_eq(
    $$ SELECT a.attrelid::regclass::text FROM pg_catalog.pg_attribute a
         JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        WHERE c.relnamespace = 'expert_network'::regnamespace AND c.relkind = 'r'
          AND a.attname = 'user_id' AND NOT a.attisdropped $$,
    $$ SELECT 'expert_network.' || tbl FROM user_tables UNION ALL SELECT 'expert_network.status_history' $$,
    'the tables with a user_id column are the 26 tables of this test and status_history: every table but vendor_platforms and access_levels');

-- a_enforce_owner (25), a_require_identity (25)
SELECT trigger_is('expert_network', tbl, 'a_enforce_owner', 'expert_network', 'enforce_owner',
                  format('%s.a_enforce_owner calls expert_network.enforce_owner()', tbl))
  FROM user_tables ORDER BY ord;
SELECT trigger_is('expert_network', tbl, 'a_require_identity', 'expert_network', 'require_identity',
                  format('%s.a_require_identity calls expert_network.require_identity()', tbl))
  FROM user_tables ORDER BY ord;

-- tgtype 19 = ROW (1) | BEFORE (2) | UPDATE (16); no arguments, no WHEN
SELECT is_empty(
    $$ SELECT tgrelid::regclass::text FROM pg_catalog.pg_trigger
        WHERE tgname = 'set_updated_at' AND NOT tgisinternal
          AND (tgtype <> 19 OR tgnargs <> 0 OR tgqual IS NOT NULL OR tgenabled <> 'O')
          AND tgrelid IN (SELECT oid FROM pg_catalog.pg_class
                           WHERE relnamespace = 'expert_network'::regnamespace) $$,
    'every set_updated_at trigger is BEFORE UPDATE FOR EACH ROW, enabled, without arguments or WHEN');

-- tgtype 23 = ROW (1) | BEFORE (2) | INSERT (4) | UPDATE (16)
SELECT is_empty(
    $$ SELECT tgrelid::regclass::text FROM pg_catalog.pg_trigger
        WHERE tgname = 'a_enforce_owner' AND NOT tgisinternal
          AND (tgtype <> 23 OR tgnargs <> 0 OR tgqual IS NOT NULL OR tgenabled <> 'O'
               OR tgattr::text <> '')
          AND tgrelid IN (SELECT oid FROM pg_catalog.pg_class
                           WHERE relnamespace = 'expert_network'::regnamespace) $$,
    'every a_enforce_owner trigger is BEFORE INSERT OR UPDATE (of any column) FOR EACH ROW, enabled, without arguments or WHEN');

-- tgtype 30 = BEFORE (2) | INSERT (4) | DELETE (8) | UPDATE (16), not ROW
SELECT is_empty(
    $$ SELECT tgrelid::regclass::text FROM pg_catalog.pg_trigger
        WHERE tgname = 'a_require_identity' AND NOT tgisinternal
          AND (tgtype <> 30 OR tgnargs <> 0 OR tgqual IS NOT NULL OR tgenabled <> 'O'
               OR tgattr::text <> '')
          AND tgrelid IN (SELECT oid FROM pg_catalog.pg_class
                           WHERE relnamespace = 'expert_network'::regnamespace) $$,
    'every a_require_identity trigger is BEFORE INSERT OR UPDATE OR DELETE FOR EACH STATEMENT, enabled, without arguments or WHEN');

SELECT set_eq(
    $$ SELECT tgrelid::regclass::text FROM pg_catalog.pg_trigger
        WHERE tgname = 'set_updated_at' AND NOT tgisinternal
          AND tgrelid IN (SELECT oid FROM pg_catalog.pg_class
                           WHERE relnamespace = 'expert_network'::regnamespace) $$,
    $$ SELECT a.attrelid::regclass::text FROM pg_catalog.pg_attribute a
         JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        WHERE c.relnamespace = 'expert_network'::regnamespace AND c.relkind = 'r'
          AND a.attname = 'updated_at' AND NOT a.attisdropped $$,
    'the tables with set_updated_at are exactly the tables with an updated_at column');

SELECT set_eq(
    $$ SELECT tgrelid::regclass::text FROM pg_catalog.pg_trigger
        WHERE tgname = 'a_enforce_owner' AND NOT tgisinternal
          AND tgrelid IN (SELECT oid FROM pg_catalog.pg_class
                           WHERE relnamespace = 'expert_network'::regnamespace) $$,
    $$ SELECT 'expert_network.' || tbl FROM user_tables $$,
    'the tables with a_enforce_owner are exactly the 26 tables with user_id that the application writes');

SELECT set_eq(
    $$ SELECT tgrelid::regclass::text FROM pg_catalog.pg_trigger
        WHERE tgname = 'a_require_identity' AND NOT tgisinternal
          AND tgrelid IN (SELECT oid FROM pg_catalog.pg_class
                           WHERE relnamespace = 'expert_network'::regnamespace) $$,
    $$ SELECT 'expert_network.' || tbl FROM user_tables $$,
    'the tables with a_require_identity are exactly the 26 tables with user_id that the application writes');

-- the counters' triggers (0.3.0), one row each: the table, the function,
-- tgtype (ROW 1, BEFORE 2, INSERT 4, DELETE 8, UPDATE 16, TRUNCATE 32; an
-- AFTER STATEMENT trigger sets neither 1 nor 2) and the transition tables
-- (pg_trigger.tgoldtable, tgnewtable)
CREATE TEMPORARY TABLE counter_triggers (
    ord      serial PRIMARY KEY,
    tbl      name    NOT NULL,
    trg      name    NOT NULL,
    fn       name    NOT NULL,
    tgtype   integer NOT NULL,
    kind     text    NOT NULL,
    oldtable name,
    newtable name
);
INSERT INTO counter_triggers (tbl, trg, fn, tgtype, kind, oldtable, newtable) VALUES
('interviews',    'count_calls_insert',    'count_calls',           4,  'AFTER INSERT FOR EACH STATEMENT',            NULL,     'en_new'),
('interviews',    'count_calls_update',    'count_calls',           16, 'AFTER UPDATE FOR EACH STATEMENT',            'en_old', 'en_new'),
('interviews',    'count_calls_delete',    'count_calls',           8,  'AFTER DELETE FOR EACH STATEMENT',            'en_old', NULL),
('interviews',    'count_calls_truncate',  'count_calls',           32, 'AFTER TRUNCATE FOR EACH STATEMENT',          NULL,     NULL),
('campaigns',     'protect_call_counters', 'protect_call_counters', 23, 'BEFORE INSERT OR UPDATE FOR EACH ROW',       NULL,     NULL),
('chat_messages', 'touch_chat_sessions',   'touch_chat_sessions',   4,  'AFTER INSERT FOR EACH STATEMENT',            NULL,     'en_new');

-- the function (6), when and for what (6), the transition tables (6)
SELECT trigger_is('expert_network', tbl, trg, 'expert_network', fn,
                  format('%s.%s calls expert_network.%s()', tbl, trg, fn))
  FROM counter_triggers ORDER BY ord;
SELECT is((SELECT t.tgtype::integer FROM pg_catalog.pg_trigger t
            WHERE t.tgrelid = format('expert_network.%I', c.tbl)::regclass AND t.tgname = c.trg),
          c.tgtype,
          format('%s.%s is %s (tgtype %s)', c.tbl, c.trg, c.kind, c.tgtype))
  FROM counter_triggers c ORDER BY c.ord;
SELECT is((SELECT ROW(t.tgoldtable, t.tgnewtable)::text FROM pg_catalog.pg_trigger t
            WHERE t.tgrelid = format('expert_network.%I', c.tbl)::regclass AND t.tgname = c.trg),
          ROW(c.oldtable, c.newtable)::text,
          format('%s.%s: %s', c.tbl, c.trg,
                 CASE WHEN c.oldtable IS NULL AND c.newtable IS NULL THEN 'no transition table'
                      ELSE 'REFERENCING ' || concat_ws(' ', 'OLD TABLE AS ' || c.oldtable, 'NEW TABLE AS ' || c.newtable)
                 END))
  FROM counter_triggers c ORDER BY c.ord;

-- (1)
SELECT is_empty(
    $$ SELECT t.tgrelid::regclass::text, t.tgname FROM pg_catalog.pg_trigger t
         JOIN counter_triggers c ON t.tgrelid = format('expert_network.%I', c.tbl)::regclass AND t.tgname = c.trg
        WHERE t.tgisinternal OR t.tgnargs <> 0 OR t.tgqual IS NOT NULL OR t.tgenabled <> 'O'
           OR t.tgattr::text <> '' $$,
    'every counters'' trigger is enabled, without arguments, WHEN or column list');

-- the workflow's triggers (0.4.0), described as the counters' above
CREATE TEMPORARY TABLE workflow_triggers (
    ord      serial PRIMARY KEY,
    tbl      name    NOT NULL,
    trg      name    NOT NULL,
    fn       name    NOT NULL,
    tgtype   integer NOT NULL,
    kind     text    NOT NULL,
    oldtable name,
    newtable name
);
INSERT INTO workflow_triggers (tbl, trg, fn, tgtype, kind, oldtable, newtable)
SELECT t.tbl, v.trg, v.fn, v.tgtype, v.kind, v.oldtable, v.newtable
  FROM pg_catalog.unnest(ARRAY['campaigns', 'experts', 'interviews', 'campaign_vendor_enrollments',
                               'research_activities', 'research_sources']) WITH ORDINALITY AS t(tbl, tn),
       (VALUES (1, 'check_transition',          'check_transition',   23, 'BEFORE INSERT OR UPDATE FOR EACH ROW', NULL,     NULL),
               (2, 'history_insert', 'record_transitions', 4,  'AFTER INSERT FOR EACH STATEMENT',      NULL,     'en_new'),
               (3, 'history_update', 'record_transitions', 16, 'AFTER UPDATE FOR EACH STATEMENT',      'en_old', 'en_new'))
         AS v(vn, trg, fn, tgtype, kind, oldtable, newtable)
 ORDER BY t.tn, v.vn;
INSERT INTO workflow_triggers (tbl, trg, fn, tgtype, kind, oldtable, newtable) VALUES
('interviews', 'interview_lifecycle_insert', 'interview_lifecycle', 4,  'AFTER INSERT FOR EACH STATEMENT', NULL,     'en_new'),
('interviews', 'interview_lifecycle_update', 'interview_lifecycle', 16, 'AFTER UPDATE FOR EACH STATEMENT', 'en_old', 'en_new'),
-- 0.8.0: deleting a live interview moves its expert, as cancelling it does
('interviews', 'interview_lifecycle_delete', 'interview_lifecycle', 8,  'AFTER DELETE FOR EACH STATEMENT', 'en_old', NULL);

-- the function (21), when and for what (21), the transition tables (21)
SELECT trigger_is('expert_network', tbl, trg, 'expert_network', fn,
                  format('%s.%s calls expert_network.%s()', tbl, trg, fn))
  FROM workflow_triggers ORDER BY ord;
SELECT is((SELECT t.tgtype::integer FROM pg_catalog.pg_trigger t
            WHERE t.tgrelid = format('expert_network.%I', w.tbl)::regclass AND t.tgname = w.trg),
          w.tgtype,
          format('%s.%s is %s (tgtype %s)', w.tbl, w.trg, w.kind, w.tgtype))
  FROM workflow_triggers w ORDER BY w.ord;
SELECT is((SELECT ROW(t.tgoldtable, t.tgnewtable)::text FROM pg_catalog.pg_trigger t
            WHERE t.tgrelid = format('expert_network.%I', w.tbl)::regclass AND t.tgname = w.trg),
          ROW(w.oldtable, w.newtable)::text,
          format('%s.%s: %s', w.tbl, w.trg,
                 CASE WHEN w.oldtable IS NULL AND w.newtable IS NULL THEN 'no transition table'
                      ELSE 'REFERENCING ' || concat_ws(' ', 'OLD TABLE AS ' || w.oldtable, 'NEW TABLE AS ' || w.newtable)
                 END))
  FROM workflow_triggers w ORDER BY w.ord;

-- (2)
SELECT is_empty(
    $$ SELECT t.tgrelid::regclass::text, t.tgname FROM pg_catalog.pg_trigger t
         JOIN workflow_triggers w ON t.tgrelid = format('expert_network.%I', w.tbl)::regclass AND t.tgname = w.trg
        WHERE t.tgisinternal OR t.tgnargs <> 0 OR t.tgqual IS NOT NULL OR t.tgenabled <> 'O'
           OR t.tgattr::text <> '' $$,
    'every workflow trigger is enabled, without arguments, WHEN or column list');
SELECT set_eq(
    $$ SELECT t.tgrelid::regclass::text, t.tgname::text FROM pg_catalog.pg_trigger t
        WHERE NOT t.tgisinternal
          AND t.tgfoid IN ('expert_network.check_transition()'::regprocedure,
                           'expert_network.record_transitions()'::regprocedure,
                           'expert_network.interview_lifecycle()'::regprocedure) $$,
    $$ SELECT 'expert_network.' || tbl, trg::text FROM workflow_triggers $$,
    'the workflow''s trigger functions are fired by exactly these 21 triggers');

-- the compliance gates' triggers (0.10.0), described as the counters' above,
-- with the column list (tgattr) and whether there is a WHEN (tgqual)
CREATE TEMPORARY TABLE compliance_triggers (
    ord      serial PRIMARY KEY,
    tbl      name    NOT NULL,
    trg      name    NOT NULL,
    fn       name    NOT NULL,
    tgtype   integer NOT NULL,
    kind     text    NOT NULL,
    oldtable name,
    newtable name,
    cols     name[]  NOT NULL DEFAULT '{}',
    qual     text
);
INSERT INTO compliance_triggers (tbl, trg, fn, tgtype, kind, oldtable, newtable, cols, qual) VALUES
('interviews',            'compliance_gate_insert',           'compliance_gate',           4,  'AFTER INSERT FOR EACH STATEMENT',  NULL,     'en_new', '{}', NULL),
('interviews',            'compliance_gate_update',           'compliance_gate',           16, 'AFTER UPDATE FOR EACH STATEMENT',  'en_old', 'en_new', '{}', NULL),
('compliance_log',        'protect_compliance_log',           'protect_compliance_log',    62, 'BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE FOR EACH STATEMENT', NULL, NULL, '{}', NULL),
('compliance_exceptions', 'stamp_exception',                  'stamp_exception',           23, 'BEFORE INSERT OR UPDATE FOR EACH ROW', NULL, NULL, '{}', NULL),
('expert_employments',    'follow_current_employment_insert', 'follow_current_employment', 4,  'AFTER INSERT FOR EACH STATEMENT',  NULL,     'en_new', '{}', NULL),
('expert_employments',    'follow_current_employment_update', 'follow_current_employment', 16, 'AFTER UPDATE FOR EACH STATEMENT',  'en_old', 'en_new', '{}', NULL),
('expert_employments',    'follow_current_employment_delete', 'follow_current_employment', 8,  'AFTER DELETE FOR EACH STATEMENT',  'en_old', NULL,     '{}', NULL),
('experts',               'follow_current_employment',        'follow_current_employment', 19, 'BEFORE UPDATE OF company FOR EACH ROW', NULL, NULL, '{company}',
 '(old.company IS DISTINCT FROM new.company)');

-- the function (8), when and for what (8), the transition tables (8), the
-- column list and WHEN (8)
SELECT trigger_is('expert_network', tbl, trg, 'expert_network', fn,
                  format('%s.%s calls expert_network.%s()', tbl, trg, fn))
  FROM compliance_triggers ORDER BY ord;
SELECT is((SELECT t.tgtype::integer FROM pg_catalog.pg_trigger t
            WHERE t.tgrelid = format('expert_network.%I', c.tbl)::regclass AND t.tgname = c.trg),
          c.tgtype,
          format('%s.%s is %s (tgtype %s)', c.tbl, c.trg, c.kind, c.tgtype))
  FROM compliance_triggers c ORDER BY c.ord;
SELECT is((SELECT ROW(t.tgoldtable, t.tgnewtable)::text FROM pg_catalog.pg_trigger t
            WHERE t.tgrelid = format('expert_network.%I', c.tbl)::regclass AND t.tgname = c.trg),
          ROW(c.oldtable, c.newtable)::text,
          format('%s.%s: %s', c.tbl, c.trg,
                 CASE WHEN c.oldtable IS NULL AND c.newtable IS NULL THEN 'no transition table'
                      ELSE 'REFERENCING ' || concat_ws(' ', 'OLD TABLE AS ' || c.oldtable, 'NEW TABLE AS ' || c.newtable)
                 END))
  FROM compliance_triggers c ORDER BY c.ord;
SELECT is((SELECT ROW((SELECT COALESCE(pg_catalog.array_agg(a.attname ORDER BY u.n), '{}')
                         FROM pg_catalog.unnest(t.tgattr::int2[]) WITH ORDINALITY AS u(attnum, n)
                         JOIN pg_catalog.pg_attribute a ON a.attrelid = t.tgrelid AND a.attnum = u.attnum),
                      pg_catalog.substring(pg_catalog.pg_get_triggerdef(t.oid), 'WHEN \((.*)\) EXECUTE'))::text
             FROM pg_catalog.pg_trigger t
            WHERE t.tgrelid = format('expert_network.%I', c.tbl)::regclass AND t.tgname = c.trg),
          ROW(c.cols, c.qual)::text,
          format('%s.%s: %s', c.tbl, c.trg,
                 CASE WHEN c.qual IS NULL THEN 'no column list, no WHEN'
                      ELSE format('OF %s, WHEN %s', pg_catalog.array_to_string(c.cols, ', '), c.qual) END))
  FROM compliance_triggers c ORDER BY c.ord;

-- (2)
SELECT is_empty(
    $$ SELECT t.tgrelid::regclass::text, t.tgname FROM pg_catalog.pg_trigger t
         JOIN compliance_triggers c ON t.tgrelid = format('expert_network.%I', c.tbl)::regclass AND t.tgname = c.trg
        WHERE t.tgisinternal OR t.tgnargs <> 0 OR t.tgenabled <> 'O' $$,
    'every compliance trigger is enabled, without arguments');
SELECT set_eq(
    $$ SELECT t.tgrelid::regclass::text, t.tgname::text FROM pg_catalog.pg_trigger t
        WHERE NOT t.tgisinternal
          AND t.tgfoid IN ('expert_network.compliance_gate()'::regprocedure,
                           'expert_network.protect_compliance_log()'::regprocedure,
                           'expert_network.stamp_exception()'::regprocedure,
                           'expert_network.follow_current_employment()'::regprocedure) $$,
    $$ SELECT 'expert_network.' || tbl, trg::text FROM compliance_triggers $$,
    'the compliance trigger functions are fired by exactly these 8 triggers');

-- 0.15.0: a_fill_empty_arrays, BEFORE INSERT FOR EACH ROW (tgtype 7 = ROW
-- (1) | BEFORE (2) | INSERT (4)), with the array column it fills as its
-- one argument, on the five tables whose text[] column defaulted to '{}'
CREATE TEMPORARY TABLE fill_triggers (ord serial PRIMARY KEY, tbl name NOT NULL, col name NOT NULL);
INSERT INTO fill_triggers (tbl, col) VALUES
('campaigns',            'target_regions'),
('vendor_platforms',     'tags'),
('experts',              'skills'),
('user_ui_preferences',  'expanded_projects'),
('restricted_companies', 'aliases');

-- the function (5), the definition: when, for what, the argument, no WHEN,
-- column list or transition table (5)
SELECT trigger_is('expert_network', tbl, 'a_fill_empty_arrays', 'expert_network', 'fill_empty_arrays',
                  format('%s.a_fill_empty_arrays calls expert_network.fill_empty_arrays()', tbl))
  FROM fill_triggers ORDER BY ord;
SELECT is((SELECT pg_catalog.pg_get_triggerdef(t.oid) FROM pg_catalog.pg_trigger t
            WHERE t.tgrelid = format('expert_network.%I', f.tbl)::regclass AND t.tgname = 'a_fill_empty_arrays'),
          format('CREATE TRIGGER a_fill_empty_arrays BEFORE INSERT ON expert_network.%s FOR EACH ROW EXECUTE FUNCTION expert_network.fill_empty_arrays(%L)',
                 f.tbl, f.col),
          format('%s.a_fill_empty_arrays is BEFORE INSERT FOR EACH ROW, fill_empty_arrays(%L)', f.tbl, f.col))
  FROM fill_triggers f ORDER BY f.ord;

-- (3)
SELECT is_empty(
    $$ SELECT t.tgrelid::regclass::text FROM pg_catalog.pg_trigger t
         JOIN fill_triggers f ON t.tgrelid = format('expert_network.%I', f.tbl)::regclass
        WHERE t.tgname = 'a_fill_empty_arrays'
          AND (t.tgisinternal OR t.tgtype <> 7 OR t.tgnargs <> 1 OR t.tgenabled <> 'O') $$,
    'every a_fill_empty_arrays trigger is BEFORE INSERT FOR EACH ROW (tgtype 7), enabled, with one argument');
SELECT set_eq(
    $$ SELECT t.tgrelid::regclass::text, t.tgname::text FROM pg_catalog.pg_trigger t
        WHERE NOT t.tgisinternal AND t.tgfoid = 'expert_network.fill_empty_arrays()'::regprocedure $$,
    $$ SELECT 'expert_network.' || tbl AS tbl, 'a_fill_empty_arrays' AS trg FROM fill_triggers $$,
    'fill_empty_arrays() is fired by exactly the 5 a_fill_empty_arrays triggers');
SELECT set_eq(
    $$ SELECT c.relname::text, a.attname::text
         FROM pg_catalog.pg_attribute a
         JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        WHERE c.relnamespace = 'expert_network'::regnamespace AND c.relkind = 'r'
          AND a.atttypid = 'pg_catalog.text[]'::pg_catalog.regtype AND a.attgenerated = ''
          AND a.attnum > 0 AND NOT a.attisdropped $$,
    $$ SELECT tbl::text, col::text FROM fill_triggers $$,
    'the columns a_fill_empty_arrays fills are exactly the text[] columns of the schema that are not generated');

/* ------------------------------------------------------------------------
 * Functions: the trigger functions (set_updated_at, enforce_owner,
 * require_identity; count_calls, protect_call_counters,
 * touch_chat_sessions; check_transition, record_transitions,
 * interview_lifecycle), the identity (current_user_id), the access
 * functions (grant_access, revoke_access, delete_user_data), the counters'
 * check and repair (verify_counters, repair_counters), the workflow graphs
 * as data (allowed_transitions, transition_graph) and the interview API
 * (schedule_interview, complete_interview, cancel_interview,
 * rate_interview); 0.7.0's set_user_id (the right to act as a user) and
 * protect_history (status_history's trigger); 0.8.0's apply_access_levels
 * (the levels of access_levels applied) and protect_completed_record
 * (completed_interviews' triggers); 0.10.0's company_key and
 * company_keys (the matching keys), the trigger functions of the gates
 * (compliance_gate, protect_compliance_log, stamp_exception,
 * follow_current_employment) and their screens for a UI
 * (compliance_check, compliance_conflicts); 0.15.0's fill_empty_arrays
 * (the trigger that fills the empty arrays of a new row).  None is SECURITY
 * DEFINER or has settings since 0.7.0.  Their privileges are in
 * test/pgtap/scoping.sql, but for set_updated_at's and the 0.3.0, 0.4.0,
 * 0.7.0, 0.10.0 and 0.15.0 functions'.
 * ------------------------------------------------------------------------ */

SELECT functions_are('expert_network', ARRAY[
    'current_user_id', 'set_updated_at', 'require_identity', 'enforce_owner',
    'grant_access', 'revoke_access', 'delete_user_data',
    'count_calls', 'protect_call_counters', 'touch_chat_sessions',
    'verify_counters', 'repair_counters',
    'check_transition', 'record_transitions', 'interview_lifecycle',
    'allowed_transitions', 'transition_graph',
    'schedule_interview', 'complete_interview', 'cancel_interview', 'rate_interview',
    'question_tree', 'question_subtree', 'question_ancestors', 'move_question',
    'copy_question_tree', 'question_integrity', 'response_integrity',
    'uuid_v7',
    'set_user_id', 'protect_history',
    'apply_access_levels', 'protect_completed_record',
    'company_key', 'company_keys', 'compliance_gate', 'protect_compliance_log',
    'stamp_exception', 'follow_current_employment', 'compliance_check', 'compliance_conflicts',
    'keys_overlap',
    'person_key', 'interview_starts_at', 'interview_ends_at', 'booking_gate',
    -- 0.15.0
    'fill_empty_arrays'
]::name[], 'schema expert_network has exactly its 47 functions');

CREATE TEMPORARY TABLE funcs (
    ord       serial PRIMARY KEY,
    fname     name    NOT NULL,
    args      name[]  NOT NULL,
    rettype   text    NOT NULL,
    definer   boolean NOT NULL,
    strict    boolean NOT NULL,
    volat     text    NOT NULL,
    parallel  text    NOT NULL,
    symbol    text    NOT NULL
);

INSERT INTO funcs (fname, args, rettype, definer, strict, volat, parallel, symbol) VALUES
('current_user_id',  '{}',              'text',         false, false, 'STABLE',   's', 'expert_network_current_user_id'),
('set_updated_at',   '{}',              'trigger',      false, false, 'VOLATILE', 'u', 'expert_network_set_updated_at'),
('require_identity', '{}',              'trigger',      false, false, 'VOLATILE', 'u', 'expert_network_require_identity'),
('enforce_owner',    '{}',              'trigger',      false, false, 'VOLATILE', 'u', 'expert_network_enforce_owner'),
('grant_access',     '{regrole,text,boolean}',
                                        'void',         false, true,  'VOLATILE', 'u', 'expert_network_grant_access'),
('revoke_access',    '{regrole}',       'void',         false, true,  'VOLATILE', 'u', 'expert_network_revoke_access'),
('delete_user_data', '{text}',          'setof record', false, true,  'VOLATILE', 'u', 'expert_network_delete_user_data'),
-- 0.3.0
('count_calls',           '{}', 'trigger',      false, false, 'VOLATILE', 'u', 'expert_network_count_calls'),
('protect_call_counters', '{}', 'trigger',      false, false, 'VOLATILE', 'u', 'expert_network_protect_call_counters'),
('touch_chat_sessions',   '{}', 'trigger',      false, false, 'VOLATILE', 'u', 'expert_network_touch_chat_sessions'),
('verify_counters',       '{}', 'setof record', false, false, 'STABLE',   'u', 'expert_network_verify_counters'),
('repair_counters',       '{}', 'integer',      false, false, 'VOLATILE', 'u', 'expert_network_repair_counters'),
-- 0.4.0
('check_transition',    '{}',                          'trigger',      false, false, 'VOLATILE',  'u', 'expert_network_check_transition'),
('record_transitions',  '{}',                          'trigger',      false, false, 'VOLATILE',  'u', 'expert_network_record_transitions'),
('interview_lifecycle', '{}',                          'trigger',      false, false, 'VOLATILE',  'u', 'expert_network_interview_lifecycle'),
('allowed_transitions', '{text,text}',                 'setof text',   false, true,  'IMMUTABLE', 's', 'expert_network_allowed_transitions'),
('transition_graph',    '{}',                          'setof record', false, false, 'IMMUTABLE', 's', 'expert_network_transition_graph'),
('schedule_interview',  '{uuid,date,"time without time zone",integer,text}',
                                                       'uuid',         false, false, 'VOLATILE',  'u', 'expert_network_schedule_interview'),
('complete_interview',  '{uuid,text,text,text}',       'uuid',         false, false, 'VOLATILE',  'u', 'expert_network_complete_interview'),
('cancel_interview',    '{uuid}',                      'void',         false, false, 'VOLATILE',  'u', 'expert_network_cancel_interview'),
('rate_interview',      '{uuid,numeric,numeric,numeric,numeric,text}',
                                                       'void',         false, false, 'VOLATILE',  'u', 'expert_network_rate_interview'),
-- 0.5.0 (the walks run SPI: PARALLEL RESTRICTED)
('question_tree',       '{uuid}',                      'setof record', false, true,  'STABLE',    'r', 'expert_network_question_tree'),
('question_subtree',    '{uuid}',                      'setof record', false, true,  'STABLE',    'r', 'expert_network_question_subtree'),
('question_ancestors',  '{uuid}',                      'setof record', false, true,  'STABLE',    'r', 'expert_network_question_ancestors'),
('move_question',       '{uuid,uuid,integer}',         'void',         false, false, 'VOLATILE',  'u', 'expert_network_move_question'),
('copy_question_tree',  '{uuid,uuid}',                 'integer',      false, true,  'VOLATILE',  'u', 'expert_network_copy_question_tree'),
('question_integrity',  '{}',                          'trigger',      false, false, 'VOLATILE',  'u', 'expert_network_question_integrity'),
('response_integrity',  '{}',                          'trigger',      false, false, 'VOLATILE',  'u', 'expert_network_response_integrity'),
-- 0.6.0
('uuid_v7',             '{}',                          'uuid',         false, false, 'VOLATILE',  's', 'expert_network_uuid_v7'),
-- 0.7.0
('set_user_id',         '{text}',                      'text',         false, false, 'VOLATILE',  'u', 'expert_network_set_user_id'),
('protect_history',     '{}',                          'trigger',      false, false, 'VOLATILE',  'u', 'expert_network_protect_history'),
-- 0.8.0
('apply_access_levels', '{}',                          'setof record', false, false, 'VOLATILE',  'u', 'expert_network_apply_access_levels'),
('protect_completed_record', '{}',                     'trigger',      false, false, 'VOLATILE',  'u', 'expert_network_protect_completed_record'),
-- 0.10.0: the keys are IMMUTABLE and PARALLEL SAFE (company_key is STRICT;
-- company_keys is not: a NULL ticker or aliases still gives the name's key)
('company_key',               '{text}',                'text',         false, true,  'IMMUTABLE', 's', 'expert_network_company_key'),
('company_keys',              '{text,text,text[]}',    'text[]',       false, false, 'IMMUTABLE', 's', 'expert_network_company_keys'),
('compliance_gate',           '{}',                    'trigger',      false, false, 'VOLATILE',  'u', 'expert_network_compliance_gate'),
('protect_compliance_log',    '{}',                    'trigger',      false, false, 'VOLATILE',  'u', 'expert_network_protect_compliance_log'),
('stamp_exception',           '{}',                    'trigger',      false, false, 'VOLATILE',  'u', 'expert_network_stamp_exception'),
('follow_current_employment', '{}',                    'trigger',      false, false, 'VOLATILE',  'u', 'expert_network_follow_current_employment'),
('compliance_check',          '{uuid,date,boolean}',   'setof record', false, false, 'VOLATILE',  'u', 'expert_network_compliance_check'),
('compliance_conflicts',      '{}',                    'setof record', false, false, 'STABLE',    'u', 'expert_network_compliance_conflicts'),
-- 0.11.0: the overlap of company keys, the function of expert_network.&&
('keys_overlap',              '{text[],text[]}',       'boolean',      false, true,  'IMMUTABLE', 's', 'expert_network_keys_overlap'),
-- 0.13.0: the identity key and the absolute times are IMMUTABLE (generated
-- columns) and PARALLEL SAFE; person_key() takes NULLs (a missing detail)
('person_key',                '{text,text,text,text}', 'text',         false, false, 'IMMUTABLE', 's', 'expert_network_person_key'),
('interview_starts_at',       '{date,"time without time zone",text}',
                                                       'timestamp with time zone', false, true, 'IMMUTABLE', 's', 'expert_network_interview_starts_at'),
('interview_ends_at',         '{date,"time without time zone",integer,text}',
                                                       'timestamp with time zone', false, true, 'IMMUTABLE', 's', 'expert_network_interview_ends_at'),
('booking_gate',              '{}',                    'trigger',      false, false, 'VOLATILE',  'u', 'expert_network_booking_gate'),
-- 0.15.0: the empty arrays the five text[] columns no longer default to
('fill_empty_arrays',         '{}',                    'trigger',      false, false, 'VOLATILE',  'u', 'expert_network_fill_empty_arrays');

-- existence (47), result type (47), language (47)
SELECT has_function('expert_network', fname, args,
                    format('function expert_network.%s(%s) exists', fname, pg_catalog.array_to_string(args, ', ')))
  FROM funcs ORDER BY ord;
SELECT function_returns('expert_network', fname, args, rettype,
                        format('expert_network.%s() returns %s', fname, rettype))
  FROM funcs ORDER BY ord;
SELECT function_lang_is('expert_network', fname, args, 'c',
                        format('expert_network.%s() is written in C', fname))
  FROM funcs ORDER BY ord;

-- SECURITY DEFINER or not (47: none, since 0.7.0), STRICT or not (47), volatility (47)
SELECT CASE WHEN definer
            THEN is_definer('expert_network', fname, args, format('expert_network.%s() is SECURITY DEFINER', fname))
            ELSE isnt_definer('expert_network', fname, args, format('expert_network.%s() is not SECURITY DEFINER', fname))
       END
  FROM funcs ORDER BY ord;
SELECT CASE WHEN strict
            THEN is_strict('expert_network', fname, args, format('expert_network.%s() is STRICT', fname))
            ELSE isnt_strict('expert_network', fname, args, format('expert_network.%s() is not STRICT', fname))
       END
  FROM funcs ORDER BY ord;
SELECT volatility_is('expert_network', fname, args, volat,
                     format('expert_network.%s() is %s', fname, volat))
  FROM funcs ORDER BY ord;

-- parallel safety, C symbol and library, configuration (1 each)
SELECT set_eq(
    $$ SELECT p.proname::text, p.proparallel::text FROM pg_catalog.pg_proc p
        WHERE p.pronamespace = 'expert_network'::regnamespace $$,
    $$ SELECT fname::text, parallel FROM funcs $$,
    'current_user_id(), allowed_transitions(), transition_graph(), uuid_v7(), company_key(), company_keys(), keys_overlap(), person_key(), interview_starts_at() and interview_ends_at() are PARALLEL SAFE, the question walks PARALLEL RESTRICTED, every other function PARALLEL UNSAFE');
-- 0.11.0: keys_overlap() alone is LEAKPROOF (it is pg_catalog.arrayoverlap
-- on text[], which raises no error that depends on the values), with the
-- cost that makes the planner prefer the GIN index; the operator on it and
-- the GIN operator class for it (3)
SELECT set_eq(
    $$ SELECT p.proname::text, p.procost FROM pg_catalog.pg_proc p
        WHERE p.pronamespace = 'expert_network'::regnamespace AND (p.proleakproof OR p.proname = 'keys_overlap') $$,
    $$ VALUES ('keys_overlap', 50::real) $$,
    'keys_overlap() is the one LEAKPROOF function, of cost 50');
SELECT is((SELECT pg_catalog.format('%s %s %s %s', o.oprcode::regprocedure, o.oprcom::regoperator, o.oprrest, o.oprjoin)
             FROM pg_catalog.pg_operator o WHERE o.oid = 'expert_network.&&(text[], text[])'::regoperator),
          'expert_network.keys_overlap(text[],text[]) expert_network.&&(text[],text[]) matchingsel matchingjoinsel',
          'operator expert_network.&&(text[], text[]) is keys_overlap(), its own commutator, estimated by matchingsel');
SELECT set_eq(
    $$ SELECT o.amopstrategy::integer, o.amopopr::regoperator::text
         FROM pg_catalog.pg_amop o JOIN pg_catalog.pg_opclass c ON c.opcfamily = o.amopfamily
        WHERE c.opcname = 'company_keys_ops' AND c.opcnamespace = 'expert_network'::regnamespace
          AND c.opcmethod = (SELECT a.oid FROM pg_catalog.pg_am a WHERE a.amname = 'gin') $$,
    $$ VALUES (1, 'expert_network.&&(text[],text[])') $$,
    'GIN operator class expert_network.company_keys_ops has the one operator, expert_network.&&');
SELECT set_eq(
    $$ SELECT p.proname::text, p.prosrc, p.probin FROM pg_catalog.pg_proc p
        WHERE p.pronamespace = 'expert_network'::regnamespace $$,
    $$ SELECT fname::text, symbol, '$libdir/expert_network' FROM funcs $$,
    'every function is its C symbol expert_network_<name> in $libdir/expert_network');
SELECT is_empty(
    $$ SELECT p.proname::text, p.proconfig FROM pg_catalog.pg_proc p
        WHERE p.pronamespace = 'expert_network'::regnamespace AND p.proconfig IS NOT NULL $$,
    'no function has settings (0.7.0: delete_user_data() runs as its caller, without a pinned search_path)');

-- signatures as written: argument names and defaults, the result tables (9)
SELECT is(pg_catalog.pg_get_function_arguments('expert_network.grant_access(regrole, text, boolean)'::regprocedure),
          'role regrole, level text DEFAULT ''app''::text, may_set_identity boolean DEFAULT true',
          'grant_access(role regrole, level text DEFAULT ''app'', may_set_identity boolean DEFAULT true)');
SELECT is(pg_catalog.pg_get_function_arguments('expert_network.set_user_id(text)'::regprocedure),
          'user_id text',
          'set_user_id(user_id text)');
SELECT is(pg_catalog.pg_get_function_result('expert_network.set_user_id(text)'::regprocedure),
          'text',
          'set_user_id() returns text');
SELECT is(pg_catalog.pg_get_function_arguments('expert_network.revoke_access(regrole)'::regprocedure),
          'role regrole',
          'revoke_access(role regrole)');
SELECT is(pg_catalog.pg_get_function_arguments('expert_network.delete_user_data(text)'::regprocedure),
          'user_id text',
          'delete_user_data(user_id text)');
SELECT is(pg_catalog.pg_get_function_result('expert_network.delete_user_data(text)'::regprocedure),
          'TABLE(table_name text, deleted bigint)',
          'delete_user_data() returns TABLE(table_name text, deleted bigint)');
SELECT is(pg_catalog.pg_get_function_result('expert_network.verify_counters()'::regprocedure),
          'TABLE(campaign_id uuid, counter text, stored integer, actual integer)',
          'verify_counters() returns TABLE(campaign_id uuid, counter text, stored integer, actual integer)');
SELECT is(pg_catalog.pg_get_function_result('expert_network.repair_counters()'::regprocedure),
          'integer',
          'repair_counters() returns integer');
SELECT is(pg_catalog.pg_get_function_result('expert_network.apply_access_levels()'::regprocedure),
          'TABLE(role regrole, level text)',
          'apply_access_levels() returns TABLE(role regrole, level text)');

-- 0.10.0: the keys' and the screens' signatures (6)
SELECT is(pg_catalog.pg_get_function_arguments(f::regprocedure), args, format('%s(%s)', pg_catalog.split_part(f, '(', 1), args))
  FROM (VALUES
    (1, 'expert_network.company_key(text)', 'name text'),
    (2, 'expert_network.company_keys(text, text, text[])', 'company text, ticker text, aliases text[]'),
    (3, 'expert_network.compliance_check(uuid, date, boolean)',
        'expert_id uuid, call_date date DEFAULT CURRENT_DATE, log boolean DEFAULT false'),
    (4, 'expert_network.compliance_conflicts()', '')
  ) AS v(n, f, args)
 ORDER BY n;
SELECT is(pg_catalog.pg_get_function_result('expert_network.compliance_check(uuid, date, boolean)'::regprocedure),
          'TABLE(rule text, decision text, passed boolean, reason text, company text, entry_id uuid, clears_on date, exception_id uuid)',
          'compliance_check() returns TABLE(rule text, decision text, passed boolean, reason text, company text, entry_id uuid, clears_on date, exception_id uuid)');
SELECT is(pg_catalog.pg_get_function_result('expert_network.compliance_conflicts()'::regprocedure),
          'TABLE(interview_id uuid, expert_id uuid, call_date date, rule text, reason text, company text, entry_id uuid, clears_on date)',
          'compliance_conflicts() returns TABLE(interview_id uuid, expert_id uuid, call_date date, rule text, reason text, company text, entry_id uuid, clears_on date)');

-- 0.4.0: the API's and the graphs' signatures (8)
SELECT is(pg_catalog.pg_get_function_arguments(f::regprocedure), args, format('%s(%s)', pg_catalog.split_part(f, '(', 1), args))
  FROM (VALUES
    (1, 'expert_network.allowed_transitions(text, text)',
        'entity text, from_status text'),
    (2, 'expert_network.schedule_interview(uuid, date, time, integer, text)',
        'expert_id uuid, scheduled_date date, scheduled_time time without time zone, duration_minutes integer DEFAULT 60, timezone text DEFAULT ''UTC''::text'),
    (3, 'expert_network.complete_interview(uuid, text, text, text)',
        'interview_id uuid, notes text DEFAULT NULL::text, transcript_url text DEFAULT NULL::text, recording_url text DEFAULT NULL::text'),
    (4, 'expert_network.cancel_interview(uuid)',
        'interview_id uuid'),
    (5, 'expert_network.rate_interview(uuid, numeric, numeric, numeric, numeric, text)',
        'interview_id uuid, rating numeric, relevance numeric DEFAULT NULL::numeric, expertise numeric DEFAULT NULL::numeric, communication numeric DEFAULT NULL::numeric, review text DEFAULT NULL::text')
  ) AS v(n, f, args)
 ORDER BY n;
SELECT is(pg_catalog.pg_get_function_result('expert_network.allowed_transitions(text, text)'::regprocedure),
          'SETOF text',
          'allowed_transitions() returns SETOF text');
SELECT is(pg_catalog.pg_get_function_result('expert_network.transition_graph()'::regprocedure),
          'TABLE(entity text, from_status text, to_status text)',
          'transition_graph() returns TABLE(entity text, from_status text, to_status text)');
SELECT is(pg_catalog.pg_get_function_result('expert_network.schedule_interview(uuid, date, time, integer, text)'::regprocedure),
          'uuid',
          'schedule_interview() returns uuid (the interview''s id)');

SELECT is(
    (SELECT count(*)::int FROM pg_catalog.pg_proc p,
            LATERAL pg_catalog.aclexplode(p.proacl) a
      WHERE p.oid = 'expert_network.set_updated_at()'::regprocedure AND a.grantee = 0),
    0,
    'PUBLIC has no privilege on expert_network.set_updated_at()');
SELECT isnt(p.proacl, NULL, 'expert_network.set_updated_at() has an explicit ACL (not the default that grants EXECUTE to PUBLIC)')
  FROM pg_catalog.pg_proc p WHERE p.oid = 'expert_network.set_updated_at()'::regprocedure;

-- the 0.3.0 functions: PUBLIC has no privilege (5), and an explicit ACL
-- takes away the default one (5)
SELECT is((SELECT count(*)::int FROM pg_catalog.pg_proc p,
                  LATERAL pg_catalog.aclexplode(p.proacl) a
            WHERE p.oid = format('expert_network.%I()', f)::regprocedure AND a.grantee = 0),
          0,
          format('PUBLIC has no privilege on expert_network.%s()', f))
  FROM pg_catalog.unnest(ARRAY['count_calls', 'protect_call_counters', 'touch_chat_sessions',
                               'verify_counters', 'repair_counters']) WITH ORDINALITY AS u(f, n)
 ORDER BY n;
SELECT isnt((SELECT p.proacl FROM pg_catalog.pg_proc p
              WHERE p.oid = format('expert_network.%I()', f)::regprocedure),
            NULL,
            format('expert_network.%s() has an explicit ACL (not the default that grants EXECUTE to PUBLIC)', f))
  FROM pg_catalog.unnest(ARRAY['count_calls', 'protect_call_counters', 'touch_chat_sessions',
                               'verify_counters', 'repair_counters']) WITH ORDINALITY AS u(f, n)
 ORDER BY n;

-- the 0.4.0 functions: PUBLIC has no privilege (9), and an explicit ACL
-- takes away the default one (9)
SELECT is((SELECT count(*)::int FROM pg_catalog.pg_proc p,
                  LATERAL pg_catalog.aclexplode(p.proacl) a
            WHERE p.oid = f::regprocedure AND a.grantee = 0),
          0,
          format('PUBLIC has no privilege on %s', f))
  FROM pg_catalog.unnest(ARRAY[
         'expert_network.check_transition()', 'expert_network.record_transitions()',
         'expert_network.interview_lifecycle()', 'expert_network.allowed_transitions(text, text)',
         'expert_network.transition_graph()',
         'expert_network.schedule_interview(uuid, date, time, integer, text)',
         'expert_network.complete_interview(uuid, text, text, text)',
         'expert_network.cancel_interview(uuid)',
         'expert_network.rate_interview(uuid, numeric, numeric, numeric, numeric, text)']) WITH ORDINALITY AS u(f, n)
 ORDER BY n;
SELECT isnt((SELECT p.proacl FROM pg_catalog.pg_proc p WHERE p.oid = f::regprocedure),
            NULL,
            format('%s has an explicit ACL (not the default that grants EXECUTE to PUBLIC)', f))
  FROM pg_catalog.unnest(ARRAY[
         'expert_network.check_transition()', 'expert_network.record_transitions()',
         'expert_network.interview_lifecycle()', 'expert_network.allowed_transitions(text, text)',
         'expert_network.transition_graph()',
         'expert_network.schedule_interview(uuid, date, time, integer, text)',
         'expert_network.complete_interview(uuid, text, text, text)',
         'expert_network.cancel_interview(uuid)',
         'expert_network.rate_interview(uuid, numeric, numeric, numeric, numeric, text)']) WITH ORDINALITY AS u(f, n)
 ORDER BY n;

-- the 0.7.0 functions (set_user_id: EXECUTE on it is the right to act as a
-- user, so PUBLIC must not hold it) and 0.8.0's apply_access_levels (the
-- extension owner's, as grant_access): PUBLIC has no privilege (4), and an
-- explicit ACL takes away the default one (4)
SELECT is((SELECT count(*)::int FROM pg_catalog.pg_proc p,
                  LATERAL pg_catalog.aclexplode(p.proacl) a
            WHERE p.oid = f::regprocedure AND a.grantee = 0),
          0,
          format('PUBLIC has no privilege on %s', f))
  FROM pg_catalog.unnest(ARRAY[
         'expert_network.set_user_id(text)', 'expert_network.protect_history()',
         'expert_network.grant_access(regrole, text, boolean)',
         'expert_network.apply_access_levels()']) WITH ORDINALITY AS u(f, n)
 ORDER BY n;
SELECT isnt((SELECT p.proacl FROM pg_catalog.pg_proc p WHERE p.oid = f::regprocedure),
            NULL,
            format('%s has an explicit ACL (not the default that grants EXECUTE to PUBLIC)', f))
  FROM pg_catalog.unnest(ARRAY[
         'expert_network.set_user_id(text)', 'expert_network.protect_history()',
         'expert_network.grant_access(regrole, text, boolean)',
         'expert_network.apply_access_levels()']) WITH ORDINALITY AS u(f, n)
 ORDER BY n;

-- the 0.10.0 functions: PUBLIC has no privilege (8), and an explicit ACL
-- takes away the default one (8)
SELECT is((SELECT count(*)::int FROM pg_catalog.pg_proc p,
                  LATERAL pg_catalog.aclexplode(p.proacl) a
            WHERE p.oid = f::regprocedure AND a.grantee = 0),
          0,
          format('PUBLIC has no privilege on %s', f))
  FROM pg_catalog.unnest(ARRAY[
         'expert_network.company_key(text)', 'expert_network.company_keys(text, text, text[])',
         'expert_network.compliance_gate()', 'expert_network.protect_compliance_log()',
         'expert_network.stamp_exception()', 'expert_network.follow_current_employment()',
         'expert_network.compliance_check(uuid, date, boolean)',
         'expert_network.compliance_conflicts()']) WITH ORDINALITY AS u(f, n)
 ORDER BY n;
SELECT isnt((SELECT p.proacl FROM pg_catalog.pg_proc p WHERE p.oid = f::regprocedure),
            NULL,
            format('%s has an explicit ACL (not the default that grants EXECUTE to PUBLIC)', f))
  FROM pg_catalog.unnest(ARRAY[
         'expert_network.company_key(text)', 'expert_network.company_keys(text, text, text[])',
         'expert_network.compliance_gate()', 'expert_network.protect_compliance_log()',
         'expert_network.stamp_exception()', 'expert_network.follow_current_employment()',
         'expert_network.compliance_check(uuid, date, boolean)',
         'expert_network.compliance_conflicts()']) WITH ORDINALITY AS u(f, n)
 ORDER BY n;

-- the 0.15.0 function, as the other trigger functions: PUBLIC has no
-- privilege, an explicit ACL takes away the default one, and the extension
-- owner holds EXECUTE WITH GRANT OPTION (3)
SELECT is((SELECT count(*)::int FROM pg_catalog.pg_proc p,
                  LATERAL pg_catalog.aclexplode(p.proacl) a
            WHERE p.oid = 'expert_network.fill_empty_arrays()'::regprocedure AND a.grantee = 0),
          0,
          'PUBLIC has no privilege on expert_network.fill_empty_arrays()');
SELECT isnt((SELECT p.proacl FROM pg_catalog.pg_proc p
              WHERE p.oid = 'expert_network.fill_empty_arrays()'::regprocedure),
            NULL,
            'expert_network.fill_empty_arrays() has an explicit ACL (not the default that grants EXECUTE to PUBLIC)');
SELECT ok(EXISTS (SELECT 1 FROM pg_catalog.pg_proc p,
                         LATERAL pg_catalog.aclexplode(p.proacl) a,
                         pg_catalog.pg_extension e
                   WHERE p.oid = 'expert_network.fill_empty_arrays()'::regprocedure
                     AND e.extname = 'expert_network'
                     AND a.grantee = e.extowner AND a.privilege_type = 'EXECUTE' AND a.is_grantable),
          'the extension owner holds EXECUTE WITH GRANT OPTION on expert_network.fill_empty_arrays()');

/* ------------------------------------------------------------------------
 * The view workflow_transitions (0.4.0): the graphs as data, straight from
 * transition_graph() (what the graphs hold is test/pgtap/workflow.sql's)
 * ------------------------------------------------------------------------ */

SELECT views_are('expert_network', ARRAY['workflow_transitions',
                                         -- 0.12.0: the dashboards
                                         'campaign_dashboard', 'vendor_scorecard', 'team_workload',
                                         -- 0.13.0
                                         'expert_duplicates']::name[],
                 'schema expert_network has exactly the views workflow_transitions, campaign_dashboard, vendor_scorecard, team_workload and (0.13.0) expert_duplicates (its shape is test/pgtap/calendar.sql''s)');
SELECT columns_are('expert_network', 'workflow_transitions', ARRAY['entity', 'from_status', 'to_status']::name[],
                   'workflow_transitions has exactly the columns entity, from_status, to_status');
SELECT col_type_is('expert_network', 'workflow_transitions', c, 'text',
                   format('workflow_transitions.%s is text', c))
  FROM pg_catalog.unnest(ARRAY['entity', 'from_status', 'to_status']) WITH ORDINALITY AS u(c, n)
 ORDER BY n;
SELECT is(pg_catalog.regexp_replace(pg_catalog.pg_get_viewdef('expert_network.workflow_transitions'::regclass), '\s+', ' ', 'g'),
          ' SELECT g.entity, g.from_status, g.to_status FROM expert_network.transition_graph() g(entity, from_status, to_status);',
          'workflow_transitions selects entity, from_status, to_status from transition_graph()');
SELECT is_empty(
    $$ SELECT entity, from_status, to_status FROM expert_network.workflow_transitions
       EXCEPT ALL SELECT entity, from_status, to_status FROM expert_network.transition_graph() $$,
    'workflow_transitions has the rows of transition_graph()');

/* ------------------------------------------------------------------------
 * The dashboards (0.12.0): views read with the caller's rights and
 * row-level security (security_invoker), with exactly these columns and
 * types (what they show is sql/dashboards.sql's, their cost
 * bench/dashboards.sh's)
 * ------------------------------------------------------------------------ */

CREATE TEMPORARY TABLE dash_cols (ord serial, view name, col name, typ text);
INSERT INTO dash_cols (view, col, typ) VALUES
    ('campaign_dashboard', 'campaign_id', 'uuid'),
    ('campaign_dashboard', 'user_id', 'text'),
    ('campaign_dashboard', 'project_id', 'uuid'),
    ('campaign_dashboard', 'project_code', 'text'),
    ('campaign_dashboard', 'project_name', 'text'),
    ('campaign_dashboard', 'campaign_name', 'text'),
    ('campaign_dashboard', 'industry_vertical', 'text'),
    ('campaign_dashboard', 'target_regions', 'text[]'),
    ('campaign_dashboard', 'status', 'expert_network.campaign_status'),  -- 0.15.0: the column's enum type
    ('campaign_dashboard', 'start_date', 'date'),
    ('campaign_dashboard', 'target_completion_date', 'date'),
    ('campaign_dashboard', 'days_remaining', 'integer'),
    ('campaign_dashboard', 'min_calls', 'integer'),
    ('campaign_dashboard', 'max_calls', 'integer'),
    ('campaign_dashboard', 'completed_calls', 'integer'),
    ('campaign_dashboard', 'scheduled_calls', 'integer'),
    ('campaign_dashboard', 'progress_to_min', 'numeric'),
    ('campaign_dashboard', 'progress_to_max', 'numeric'),
    ('campaign_dashboard', 'experts_proposed', 'integer'),
    ('campaign_dashboard', 'experts_reviewed', 'integer'),
    ('campaign_dashboard', 'experts_scheduling', 'integer'),
    ('campaign_dashboard', 'experts_scheduled', 'integer'),
    ('campaign_dashboard', 'experts_completed', 'integer'),
    ('campaign_dashboard', 'experts_rejected', 'integer'),
    ('campaign_dashboard', 'experts_total', 'integer'),
    ('campaign_dashboard', 'team_size', 'integer'),
    ('campaign_dashboard', 'team_members', 'text[]'),
    ('campaign_dashboard', 'vendors_enrolled', 'integer'),
    ('campaign_dashboard', 'vendors_pending', 'integer'),
    ('campaign_dashboard', 'enrolled_vendors', 'text[]'),
    ('campaign_dashboard', 'cost_total_usd', 'numeric'),
    ('campaign_dashboard', 'cost_per_completed_call', 'numeric'),
    ('campaign_dashboard', 'rated_calls', 'integer'),
    ('campaign_dashboard', 'average_rating', 'numeric'),
    ('campaign_dashboard', 'project_display_order', 'integer'),
    ('campaign_dashboard', 'display_order', 'integer'),
    ('vendor_scorecard', 'user_id', 'text'),
    ('vendor_scorecard', 'vendor_platform_id', 'uuid'),
    ('vendor_scorecard', 'vendor_name', 'text'),
    ('vendor_scorecard', 'campaigns', 'integer'),
    ('vendor_scorecard', 'campaigns_enrolled', 'integer'),
    ('vendor_scorecard', 'experts_proposed', 'integer'),
    ('vendor_scorecard', 'experts_reviewed', 'integer'),
    ('vendor_scorecard', 'experts_rejected', 'integer'),
    ('vendor_scorecard', 'share_reviewed', 'numeric'),
    ('vendor_scorecard', 'share_rejected', 'numeric'),
    ('vendor_scorecard', 'calls_completed', 'integer'),
    ('vendor_scorecard', 'average_rating', 'numeric'),
    ('vendor_scorecard', 'average_relevance', 'numeric'),
    ('vendor_scorecard', 'average_expertise', 'numeric'),
    ('vendor_scorecard', 'average_communication', 'numeric'),
    ('vendor_scorecard', 'cost_total_usd', 'numeric'),
    ('vendor_scorecard', 'cost_per_completed_call', 'numeric'),
    ('vendor_scorecard', 'days_to_first_proposal', 'numeric'),
    ('team_workload', 'team_member_id', 'uuid'),
    ('team_workload', 'user_id', 'text'),
    ('team_workload', 'name', 'text'),
    ('team_workload', 'designation', 'text'),
    ('team_workload', 'email', 'text'),
    ('team_workload', 'campaigns', 'integer'),
    ('team_workload', 'active_campaigns', 'integer'),
    ('team_workload', 'scheduled_calls', 'integer'),
    ('team_workload', 'completed_calls', 'integer'),
    ('team_workload', 'scheduled_minutes', 'integer'),
    ('team_workload', 'completed_minutes', 'integer'),
    ('team_workload', 'next_call_date', 'date');

-- the columns, in order (3), their types (66)
SELECT is((SELECT pg_catalog.array_agg(a.attname::text ORDER BY a.attnum) FROM pg_catalog.pg_attribute a
            WHERE a.attrelid = format('expert_network.%I', v.view)::regclass AND a.attnum > 0),
          (SELECT pg_catalog.array_agg(d.col::text ORDER BY d.ord) FROM dash_cols d WHERE d.view = v.view),
          format('%s has exactly its documented columns, in order', v.view))
  FROM (VALUES (1, 'campaign_dashboard'::name), (2, 'vendor_scorecard'), (3, 'team_workload')) AS v (n, view)
 ORDER BY v.n;
SELECT col_type_is('expert_network', d.view, d.col, d.typ, format('%s.%s is %s', d.view, d.col, d.typ))
  FROM dash_cols d ORDER BY d.ord;
-- security_invoker, no security_barrier (3); a comment on each view and
-- column (3 + 66)
SELECT is((SELECT c.reloptions FROM pg_catalog.pg_class c WHERE c.oid = format('expert_network.%I', v)::regclass),
          ARRAY['security_invoker=true'],
          format('%s is security_invoker (row-level security of its caller)', v))
  FROM pg_catalog.unnest(ARRAY['campaign_dashboard', 'vendor_scorecard', 'team_workload']) WITH ORDINALITY AS u(v, n)
 ORDER BY n;
SELECT isnt(pg_catalog.obj_description(format('expert_network.%I', v)::regclass, 'pg_class'), NULL,
            format('view %s has a comment', v))
  FROM pg_catalog.unnest(ARRAY['campaign_dashboard', 'vendor_scorecard', 'team_workload']) WITH ORDINALITY AS u(v, n)
 ORDER BY n;
SELECT isnt(pg_catalog.col_description(format('expert_network.%I', d.view)::regclass,
                                       (SELECT a.attnum FROM pg_catalog.pg_attribute a
                                         WHERE a.attrelid = format('expert_network.%I', d.view)::regclass
                                           AND a.attname = d.col)),
            NULL, format('column %s.%s has a comment', d.view, d.col))
  FROM dash_cols d ORDER BY d.ord;
-- every table they read is named with its schema (3)
SELECT is_empty(
    format($$ SELECT m[1] FROM pg_catalog.regexp_matches(pg_catalog.pg_get_viewdef('expert_network.%I'::regclass),
                                                         '(?:FROM|JOIN)\s+(?!expert_network\.|LATERAL\M)(\w+)', 'g') AS m $$, v),
    format('%s reads only tables named expert_network.*', v))
  FROM pg_catalog.unnest(ARRAY['campaign_dashboard', 'vendor_scorecard', 'team_workload']) WITH ORDINALITY AS u(v, n)
 ORDER BY n;

/* ------------------------------------------------------------------------
 * status_history's row-level security (0.4.0), as the other 25 tables'
 * (test/pgtap/scoping.sql has how it behaves)
 * ------------------------------------------------------------------------ */

SELECT is((SELECT ROW(c.relrowsecurity, c.relforcerowsecurity)::text FROM pg_catalog.pg_class c
            WHERE c.oid = 'expert_network.status_history'::regclass),
          '(t,t)',
          'status_history: row-level security is enabled and forced');
SELECT policies_are('expert_network', 'status_history', ARRAY['owner_rows']::name[],
                    'status_history has exactly the policy owner_rows');
SELECT is((SELECT ROW(p.polcmd, p.polpermissive, p.polroles, pg_catalog.pg_get_expr(p.polqual, p.polrelid),
                      p.polwithcheck IS NULL)::text
             FROM pg_catalog.pg_policy p
            WHERE p.polrelid = 'expert_network.status_history'::regclass AND p.polname = 'owner_rows'),
          ROW('*'::"char", true, '{0}'::oid[], '(user_id = ( SELECT expert_network.current_user_id() AS current_user_id))', true)::text,
          'status_history.owner_rows: FOR ALL, PERMISSIVE, TO PUBLIC, USING (user_id = (SELECT expert_network.current_user_id())), no WITH CHECK');
SELECT col_has_check('expert_network', 'status_history', 'entity',
                     'status_history.entity has a CHECK constraint');
SELECT is(pg_catalog.pg_get_constraintdef(c.oid),
          'CHECK ((entity = ANY (ARRAY[''campaign''::text, ''expert''::text, ''interview''::text, ''enrollment''::text, ''research_activity''::text, ''research_source''::text])))',
          'status_history_entity_check: entity is one of the six workflow entities')
  FROM pg_catalog.pg_constraint c
 WHERE c.conrelid = 'expert_network.status_history'::regclass AND c.conname = 'status_history_entity_check';

/* ------------------------------------------------------------------------
 * access_levels (0.8.0): each role's level, one of the four (0.10.0:
 * compliance), which
 * grant_access() and revoke_access() keep (test/pgtap/scoping.sql has how,
 * and that it has no row-level security, as vendor_platforms)
 * ------------------------------------------------------------------------ */

SELECT col_has_check('expert_network', 'access_levels', 'level',
                     'access_levels.level has a CHECK constraint');
SELECT is(pg_catalog.pg_get_constraintdef(c.oid),
          'CHECK ((level = ANY (ARRAY[''readonly''::text, ''app''::text, ''compliance''::text, ''admin''::text])))',
          'access_levels_level_check: level is readonly, app, compliance (0.10.0) or admin')
  FROM pg_catalog.pg_constraint c
 WHERE c.conrelid = 'expert_network.access_levels'::regclass AND c.conname = 'access_levels_level_check';

/* ------------------------------------------------------------------------
 * The shipped vendor catalog
 * ------------------------------------------------------------------------ */

SELECT set_eq(
    $$ SELECT id, name FROM expert_network.vendor_platforms $$,
    $$ VALUES ('00000000-0000-4000-8000-000000000001'::uuid, 'GLG'),
              ('00000000-0000-4000-8000-000000000002', 'AlphaSights'),
              ('00000000-0000-4000-8000-000000000003', 'Guidepoint'),
              ('00000000-0000-4000-8000-000000000004', 'Third Bridge'),
              ('00000000-0000-4000-8000-000000000005', 'Coleman Research'),
              ('00000000-0000-4000-8000-000000000006', 'Dialectica'),
              ('00000000-0000-4000-8000-000000000007', 'Tegus'),
              ('00000000-0000-4000-8000-000000000008', 'proSapient'),
              ('00000000-0000-4000-8000-000000000009', 'Atheneum'),
              ('00000000-0000-4000-8000-00000000000a', 'NewtonX'),
              ('00000000-0000-4000-8000-00000000000b', 'Capvision'),
              ('00000000-0000-4000-8000-00000000000c', 'Arbolus') $$,
    'a fresh install has exactly the 12 shipped vendors, with their fixed ids');

SELECT is_empty(
    $$ SELECT name FROM expert_network.vendor_platforms
        WHERE NOT is_active OR location IS NULL OR description IS NULL
           OR tags IS NULL OR pg_catalog.cardinality(tags) = 0 $$,
    'every shipped vendor is active and has a location, a description and tags');

/* ------------------------------------------------------------------------
 * Comments
 * ------------------------------------------------------------------------ */

SELECT isnt(pg_catalog.obj_description('expert_network'::regnamespace, 'pg_namespace'), NULL,
            'schema expert_network has a comment');
-- every function (47)
SELECT isnt(pg_catalog.obj_description(format('expert_network.%I(%s)', fname,
                                              pg_catalog.array_to_string(args, ', '))::regprocedure, 'pg_proc'),
            NULL,
            format('function expert_network.%s() has a comment', fname))
  FROM funcs ORDER BY ord;

-- every table (28), and the view (1)
SELECT isnt(pg_catalog.obj_description(format('expert_network.%I', t)::regclass, 'pg_class'), NULL,
            format('table %s has a comment', t))
  FROM pg_catalog.unnest(ARRAY[
    'projects', 'campaigns', 'team_members', 'campaign_team_assignments',
    'screening_questions', 'vendor_platforms', 'campaign_vendor_enrollments',
    'experts', 'expert_screening_responses', 'interviews',
    'interview_team_assignments', 'completed_interviews', 'chat_sessions',
    'chat_messages', 'research_activities', 'research_sources',
    'answer_sections', 'user_ui_preferences', 'campaign_costs',
    'status_history', 'access_levels',
    'restricted_companies', 'expert_employments', 'campaign_subject_companies',
    'compliance_policies', 'interview_attestations', 'compliance_exceptions',
    'compliance_log'
  ]) WITH ORDINALITY AS u(t, n)
 ORDER BY n;
SELECT isnt(pg_catalog.obj_description('expert_network.workflow_transitions'::regclass, 'pg_class'), NULL,
            'view workflow_transitions has a comment');

-- every column with a COMMENT in the script (84)
SELECT isnt(pg_catalog.col_description(format('expert_network.%I', v.tbl)::regclass,
                                       (SELECT a.attnum FROM pg_catalog.pg_attribute a
                                         WHERE a.attrelid = format('expert_network.%I', v.tbl)::regclass
                                           AND a.attname = v.col)),
            NULL,
            format('column %s.%s has a comment', v.tbl, v.col))
  FROM (VALUES
    (1,  'projects', 'user_id'),
    (2,  'projects', 'display_order'),
    (3,  'campaigns', 'user_id'),
    (4,  'campaigns', 'project_id'),
    (5,  'campaigns', 'target_regions'),
    (6,  'campaigns', 'estimated_calls'),
    (7,  'campaigns', 'completed_calls'),
    (8,  'campaigns', 'scheduled_calls'),
    (9,  'campaigns', 'status'),
    (10, 'team_members', 'user_id'),
    (11, 'screening_questions', 'parent_question_id'),
    (12, 'screening_questions', 'question_type'),
    (13, 'screening_questions', 'options'),
    (14, 'vendor_platforms', 'overall_score'),
    (15, 'vendor_platforms', 'avg_cost_per_call_min'),
    (16, 'vendor_platforms', 'avg_cost_per_call_max'),
    (17, 'campaign_vendor_enrollments', 'status'),
    (18, 'experts', 'rating'),
    (19, 'experts', 'ai_fit_score'),
    (20, 'experts', 'status'),
    (21, 'interviews', 'status'),
    (22, 'interviews', 'color_tag'),
    (23, 'completed_interviews', 'interview_id'),
    (24, 'completed_interviews', 'rating'),
    (25, 'chat_sessions', 'user_id'),
    (26, 'chat_sessions', 'campaign_id'),
    (27, 'chat_messages', 'role'),
    (28, 'research_activities', 'status'),
    (29, 'research_activities', 'confidence'),
    (30, 'research_sources', 'source_type'),
    (31, 'research_sources', 'status'),
    (32, 'research_sources', 'size_text'),
    (33, 'user_ui_preferences', 'user_id'),
    (34, 'user_ui_preferences', 'column_widths'),
    (35, 'user_ui_preferences', 'panel_sizing'),
    (36, 'user_ui_preferences', 'theme'),
    (37, 'user_ui_preferences', 'expanded_projects'),
    (38, 'campaign_costs', 'fee_type'),
    (39, 'campaign_costs', 'amount_usd'),
    (40, 'campaign_costs', 'units'),
    -- 0.2.0: the owner key added to the tables that had none
    (41, 'campaign_team_assignments', 'user_id'),
    (42, 'screening_questions', 'user_id'),
    (43, 'campaign_vendor_enrollments', 'user_id'),
    (44, 'experts', 'user_id'),
    (45, 'expert_screening_responses', 'user_id'),
    (46, 'interviews', 'user_id'),
    (47, 'interview_team_assignments', 'user_id'),
    (48, 'completed_interviews', 'user_id'),
    (49, 'chat_messages', 'user_id'),
    (50, 'research_activities', 'user_id'),
    (51, 'research_sources', 'user_id'),
    (52, 'answer_sections', 'user_id'),
    (53, 'campaign_costs', 'user_id'),
    -- 0.4.0
    (54, 'status_history', 'user_id'),
    (55, 'status_history', 'entity'),
    (56, 'status_history', 'row_id'),
    (57, 'status_history', 'from_status'),
    (58, 'status_history', 'changed_at'),
    -- 0.8.0
    (59, 'access_levels', 'role'),
    (60, 'access_levels', 'level'),
    (61, 'access_levels', 'may_set_identity'),
    (62, 'access_levels', 'granted_at'),
    -- 0.10.0
    (63, 'restricted_companies', 'user_id'),
    (64, 'restricted_companies', 'aliases'),
    (65, 'restricted_companies', 'applies_from'),
    (66, 'restricted_companies', 'applies_until'),
    (67, 'restricted_companies', 'match_keys'),
    (68, 'expert_employments', 'user_id'),
    (69, 'expert_employments', 'publicly_traded'),
    (70, 'expert_employments', 'ended_on'),
    (71, 'expert_employments', 'match_keys'),
    (72, 'campaign_subject_companies', 'user_id'),
    (73, 'compliance_policies', 'user_id'),
    (74, 'compliance_policies', 'attestation_required'),
    (75, 'interview_attestations', 'user_id'),
    (76, 'interview_attestations', 'attested_by'),
    (77, 'interview_attestations', 'terms_version'),
    (78, 'compliance_exceptions', 'user_id'),
    (79, 'compliance_exceptions', 'rule'),
    (80, 'compliance_exceptions', 'approved_by'),
    (81, 'compliance_exceptions', 'approved_at'),
    (82, 'compliance_log', 'interview_id'),
    (83, 'compliance_log', 'detail'),
    (84, 'compliance_log', 'decided_by')
  ) AS v(n, tbl, col)
 ORDER BY v.n;

-- 0.3.0: the counters' comments say what they count and who keeps them (2)
SELECT is(pg_catalog.col_description('expert_network.campaigns'::regclass,
                                     (SELECT a.attnum FROM pg_catalog.pg_attribute a
                                       WHERE a.attrelid = 'expert_network.campaigns'::regclass
                                         AND a.attname = 'scheduled_calls')),
          'Number of interviews scheduled but not yet completed: pending, scheduled or confirmed (kept by the extension)',
          'the comment of campaigns.scheduled_calls names the statuses it counts and says the extension keeps it');
SELECT is(pg_catalog.col_description('expert_network.campaigns'::regclass,
                                     (SELECT a.attnum FROM pg_catalog.pg_attribute a
                                       WHERE a.attrelid = 'expert_network.campaigns'::regclass
                                         AND a.attname = 'completed_calls')),
          'Number of interviews completed (kept by the extension)',
          'the comment of campaigns.completed_calls says the extension keeps it');

/* ------------------------------------------------------------------------
 * pg_dump registration (pg_extension_config_dump)
 * ------------------------------------------------------------------------ */

SELECT set_eq(
    $$ SELECT u.tab::regclass::text
         FROM pg_catalog.pg_extension e,
              LATERAL pg_catalog.unnest(e.extconfig) AS u(tab)
        WHERE e.extname = 'expert_network' $$,
    ARRAY[
      'expert_network.projects', 'expert_network.campaigns',
      'expert_network.team_members', 'expert_network.campaign_team_assignments',
      'expert_network.screening_questions', 'expert_network.vendor_platforms',
      'expert_network.campaign_vendor_enrollments', 'expert_network.experts',
      'expert_network.expert_screening_responses', 'expert_network.interviews',
      'expert_network.interview_team_assignments', 'expert_network.completed_interviews',
      'expert_network.chat_sessions', 'expert_network.chat_messages',
      'expert_network.research_activities', 'expert_network.research_sources',
      'expert_network.answer_sections', 'expert_network.user_ui_preferences',
      'expert_network.campaign_costs', 'expert_network.status_history',
      'expert_network.access_levels',
      'expert_network.restricted_companies', 'expert_network.expert_employments',
      'expert_network.campaign_subject_companies', 'expert_network.compliance_policies',
      'expert_network.interview_attestations', 'expert_network.compliance_exceptions',
      'expert_network.compliance_log',
      'expert_network.call_caps'
    ],
    'all 29 tables are registered for pg_dump (pg_extension.extconfig)');

SELECT is(
    (SELECT pg_catalog.cardinality(e.extconfig) FROM pg_catalog.pg_extension e
      WHERE e.extname = 'expert_network'),
    29,
    'extconfig holds each table once');

SELECT is_empty(
    $$ SELECT u.tab::regclass::text, u.cond
         FROM pg_catalog.pg_extension e,
              LATERAL ROWS FROM (pg_catalog.unnest(e.extconfig), pg_catalog.unnest(e.extcondition)) AS u(tab, cond)
        WHERE e.extname = 'expert_network'
          AND u.tab <> 'expert_network.vendor_platforms'::regclass
          AND u.cond IS DISTINCT FROM '' $$,
    'every table but vendor_platforms is dumped whole (empty filter condition)');

SELECT ok(
    (SELECT u.cond ~ '\S'
       FROM pg_catalog.pg_extension e,
            LATERAL ROWS FROM (pg_catalog.unnest(e.extconfig), pg_catalog.unnest(e.extcondition)) AS u(tab, cond)
      WHERE e.extname = 'expert_network'
        AND u.tab = 'expert_network.vendor_platforms'::regclass),
    'vendor_platforms is registered with a non-empty filter condition');

SELECT is(
    (SELECT count(*)::int FROM expert_network.vendor_platforms),
    12,
    'before the filter checks: only the 12 shipped vendors are present');

SELECT is_empty(
    'SELECT name FROM expert_network.vendor_platforms ' ||
    (SELECT u.cond
       FROM pg_catalog.pg_extension e,
            LATERAL ROWS FROM (pg_catalog.unnest(e.extconfig), pg_catalog.unnest(e.extcondition)) AS u(tab, cond)
      WHERE e.extname = 'expert_network'
        AND u.tab = 'expert_network.vendor_platforms'::regclass),
    'the vendor_platforms dump filter matches none of the 12 shipped vendors');

INSERT INTO expert_network.vendor_platforms (name, location)
VALUES ('Structure Test Vendor', 'Nowhere');

SELECT results_eq(
    'SELECT name FROM expert_network.vendor_platforms ' ||
    (SELECT u.cond
       FROM pg_catalog.pg_extension e,
            LATERAL ROWS FROM (pg_catalog.unnest(e.extconfig), pg_catalog.unnest(e.extcondition)) AS u(tab, cond)
      WHERE e.extname = 'expert_network'
        AND u.tab = 'expert_network.vendor_platforms'::regclass),
    $$ VALUES ('Structure Test Vendor'::text) $$,
    'the vendor_platforms dump filter matches a vendor added by the user (and only it)');

SELECT * FROM finish();

ROLLBACK;
