/*
 * sql/expert_network.sql — the maintained source of the whole current schema.
 *
 * `make` copies this file to sql/expert_network--<default_version>.sql, the
 * full install script of the latest version.  Full scripts of released
 * versions are frozen: a change to any object here ships as a new version,
 * with sql/expert_network--A--B.sql taking older installs forward.
 *
 * Rules for this file (trusted extension, see the PostgreSQL docs, "Security
 * Considerations for Extensions"): every name is schema-qualified, built-ins
 * included; no CREATE OR REPLACE and no IF NOT EXISTS; every object has a
 * COMMENT; every table holding data is registered for pg_dump.
 */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION expert_network" to load this file. \quit

-- refuse a schema someone else owns: they could replace our tables (0.2.0)
CREATE FUNCTION expert_network.check_schema_owner() RETURNS void
LANGUAGE c AS 'MODULE_PATHNAME', 'expert_network_check_schema_owner';
SELECT expert_network.check_schema_owner();
DROP FUNCTION expert_network.check_schema_owner();

-- the schema belongs to the owner of its objects, so that the role that ran
-- CREATE EXTENSION can neither rename it nor create objects in it (0.7.0)
ALTER SCHEMA expert_network OWNER TO CURRENT_USER;

COMMENT ON SCHEMA expert_network IS 'Expert-network research: projects, campaigns, vendors, experts, screeners, interviews, research sessions';

/* ------------------------------------------------------------------------
 * Scoping: who the application user is (0.2.0)
 * ------------------------------------------------------------------------ */

CREATE FUNCTION expert_network.current_user_id()
RETURNS text
LANGUAGE c STABLE PARALLEL SAFE
AS 'MODULE_PATHNAME', 'expert_network_current_user_id';

COMMENT ON FUNCTION expert_network.current_user_id() IS
'The application user whose rows this session sees and writes: the setting expert_network.user_id, or NULL when it is unset or empty';

CREATE FUNCTION expert_network.set_user_id(user_id text)
RETURNS text
LANGUAGE c VOLATILE
AS 'MODULE_PATHNAME', 'expert_network_set_user_id';

COMMENT ON FUNCTION expert_network.set_user_id(text) IS
'Sets expert_network.user_id until the end of the transaction (NULL or empty clears it) and returns it.  EXECUTE on this function is the right to set the identity at all: SET and set_config() of expert_network.user_id are checked against it';

/* ------------------------------------------------------------------------
 * Timestamps
 * ------------------------------------------------------------------------ */

CREATE FUNCTION expert_network.set_updated_at()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_set_updated_at';

COMMENT ON FUNCTION expert_network.set_updated_at() IS
'BEFORE UPDATE row trigger: sets updated_at (or the column named by the trigger argument) to the transaction timestamp';

/* ------------------------------------------------------------------------
 * Statuses (0.15.0): one enum type for each workflow table's status, so
 * that schema readers and ORMs see each as the closed set it is (they were
 * text with a CHECK constraint).  The labels are in workflow order, which
 * is the order ORDER BY status gives.  The transitions between them are
 * the workflow's (workflow_graph.c); a value outside the set is refused
 * with 22P02.
 * ------------------------------------------------------------------------ */

CREATE TYPE expert_network.campaign_status AS ENUM ('draft', 'active', 'paused', 'completed', 'archived');
COMMENT ON TYPE expert_network.campaign_status IS 'The status of a campaign (campaigns.status)';

CREATE TYPE expert_network.enrollment_status AS ENUM ('not_enrolled', 'pending', 'enrolled');
COMMENT ON TYPE expert_network.enrollment_status IS 'The status of a vendor''s enrollment in a campaign (campaign_vendor_enrollments.status)';

CREATE TYPE expert_network.expert_status AS ENUM ('proposed', 'reviewed', 'rejected', 'scheduling', 'scheduled', 'completed');
COMMENT ON TYPE expert_network.expert_status IS 'The status of an expert (experts.status)';

CREATE TYPE expert_network.interview_status AS ENUM ('pending', 'scheduled', 'confirmed', 'completed', 'cancelled');
COMMENT ON TYPE expert_network.interview_status IS 'The status of an interview (interviews.status)';

CREATE TYPE expert_network.research_activity_status AS ENUM ('queued', 'processing', 'completed', 'failed');
COMMENT ON TYPE expert_network.research_activity_status IS 'The status of a research activity (research_activities.status)';

CREATE TYPE expert_network.research_source_status AS ENUM ('processing', 'scraped', 'failed');
COMMENT ON TYPE expert_network.research_source_status IS 'The status of a research source (research_sources.status)';

/* ------------------------------------------------------------------------
 * Projects and campaigns
 * ------------------------------------------------------------------------ */

CREATE TABLE expert_network.projects (
    id              uuid        NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
    user_id         text        NOT NULL DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default"),
    project_code    text        NOT NULL,
    project_name    text        NOT NULL,
    description     text,
    display_order   integer     NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT pg_catalog.now(),
    updated_at      timestamptz NOT NULL DEFAULT pg_catalog.now(),
    CONSTRAINT projects_pkey PRIMARY KEY (id),
    CONSTRAINT projects_id_user_id_key UNIQUE (id, user_id),
    CONSTRAINT projects_user_id_project_code_key UNIQUE (user_id, project_code)
);

COMMENT ON TABLE expert_network.projects IS 'Top-level organizational container for campaigns';
COMMENT ON COLUMN expert_network.projects.user_id IS 'Owner: the BetterAuth user id';
COMMENT ON COLUMN expert_network.projects.display_order IS 'User-specific ordering for dashboard display';

CREATE INDEX idx_projects_order ON expert_network.projects (user_id, display_order);

CREATE TABLE expert_network.campaigns (
    id                      uuid        NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
    user_id                 text        NOT NULL DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default"),
    project_id              uuid,
    campaign_name           text        NOT NULL,
    industry_vertical       text        NOT NULL,
    custom_industry         text,
    brief_description       text,
    expanded_description    text,
    start_date              date        NOT NULL,
    target_completion_date  date        NOT NULL,
    target_regions          text[]      NOT NULL,
    min_calls               integer,
    max_calls               integer,
    estimated_calls         integer,
    completed_calls         integer     NOT NULL DEFAULT 0,
    scheduled_calls         integer     NOT NULL DEFAULT 0,
    status                  expert_network.campaign_status NOT NULL DEFAULT 'draft',
    display_order           integer     NOT NULL DEFAULT 0,
    created_at              timestamptz NOT NULL DEFAULT pg_catalog.now(),
    updated_at              timestamptz NOT NULL DEFAULT pg_catalog.now(),
    CONSTRAINT campaigns_pkey PRIMARY KEY (id),
    CONSTRAINT campaigns_id_user_id_key UNIQUE (id, user_id),
    CONSTRAINT campaigns_project_id_fkey FOREIGN KEY (project_id, user_id)
        REFERENCES expert_network.projects (id, user_id) ON DELETE SET NULL (project_id),
    CONSTRAINT campaigns_dates_check
        CHECK (start_date OPERATOR(pg_catalog.<=) target_completion_date),
    CONSTRAINT campaigns_min_calls_check CHECK (min_calls OPERATOR(pg_catalog.>=) 0),
    CONSTRAINT campaigns_max_calls_check CHECK (max_calls OPERATOR(pg_catalog.>=) 0),
    CONSTRAINT campaigns_calls_range_check CHECK (min_calls OPERATOR(pg_catalog.<=) max_calls),
    CONSTRAINT campaigns_estimated_calls_check CHECK (estimated_calls OPERATOR(pg_catalog.>=) 0),
    CONSTRAINT campaigns_completed_calls_check CHECK (completed_calls OPERATOR(pg_catalog.>=) 0),
    CONSTRAINT campaigns_scheduled_calls_check CHECK (scheduled_calls OPERATOR(pg_catalog.>=) 0)
);

COMMENT ON TABLE expert_network.campaigns IS 'Interview campaigns for commercial diligence projects';
COMMENT ON COLUMN expert_network.campaigns.user_id IS 'Owner: the BetterAuth user id';
COMMENT ON COLUMN expert_network.campaigns.project_id IS 'NULL means "Other Campaigns"';
COMMENT ON COLUMN expert_network.campaigns.target_regions IS 'Array of regions: North America, Europe, Asia Pacific, etc.';
COMMENT ON COLUMN expert_network.campaigns.estimated_calls IS 'Deprecated but kept for backwards compatibility';
COMMENT ON COLUMN expert_network.campaigns.completed_calls IS 'Number of interviews completed (kept by the extension)';
COMMENT ON COLUMN expert_network.campaigns.scheduled_calls IS 'Number of interviews scheduled but not yet completed: pending, scheduled or confirmed (kept by the extension)';
COMMENT ON COLUMN expert_network.campaigns.status IS 'Workflow status: draft, active, paused, completed, archived';

CREATE INDEX idx_campaigns_user ON expert_network.campaigns (user_id);
CREATE INDEX idx_campaigns_project ON expert_network.campaigns (project_id);
CREATE INDEX idx_campaigns_order ON expert_network.campaigns (user_id, project_id, display_order);
CREATE INDEX idx_campaigns_dates ON expert_network.campaigns (start_date, target_completion_date);

/* ------------------------------------------------------------------------
 * Team
 * ------------------------------------------------------------------------ */

CREATE TABLE expert_network.team_members (
    id          uuid        NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
    user_id     text        NOT NULL DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default"),
    name        text        NOT NULL,
    email       text,
    designation text        NOT NULL,
    avatar_url  text,
    created_at  timestamptz NOT NULL DEFAULT pg_catalog.now(),
    CONSTRAINT team_members_pkey PRIMARY KEY (id),
    CONSTRAINT team_members_id_user_id_key UNIQUE (id, user_id)
);

COMMENT ON TABLE expert_network.team_members IS 'Pool of team members that can be assigned to campaigns';
COMMENT ON COLUMN expert_network.team_members.user_id IS 'Owner: the BetterAuth user id';

CREATE INDEX idx_team_members_user ON expert_network.team_members (user_id);

CREATE TABLE expert_network.campaign_team_assignments (
    campaign_id     uuid        NOT NULL,
    team_member_id  uuid        NOT NULL,
    assigned_at     timestamptz NOT NULL DEFAULT pg_catalog.now(),
    user_id text NOT NULL DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default"),
    CONSTRAINT campaign_team_assignments_pkey PRIMARY KEY (campaign_id, team_member_id),
    CONSTRAINT campaign_team_assignments_campaign_id_fkey FOREIGN KEY (campaign_id, user_id)
        REFERENCES expert_network.campaigns (id, user_id) ON DELETE CASCADE,
    CONSTRAINT campaign_team_assignments_team_member_id_fkey FOREIGN KEY (team_member_id, user_id)
        REFERENCES expert_network.team_members (id, user_id) ON DELETE CASCADE
);

COMMENT ON TABLE expert_network.campaign_team_assignments IS 'Many-to-many relationship between campaigns and team members';
COMMENT ON COLUMN expert_network.campaign_team_assignments.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';

CREATE INDEX idx_campaign_team_member ON expert_network.campaign_team_assignments (team_member_id);

/* ------------------------------------------------------------------------
 * Screening questions
 * ------------------------------------------------------------------------ */

CREATE TABLE expert_network.screening_questions (
    id                  uuid        NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
    campaign_id         uuid        NOT NULL,
    parent_question_id  uuid,
    question_text       text        NOT NULL,
    question_type       text                 DEFAULT 'text',
    options             jsonb,
    display_order       integer     NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL DEFAULT pg_catalog.now(),
    updated_at          timestamptz NOT NULL DEFAULT pg_catalog.now(),
    user_id text NOT NULL DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default"),
    CONSTRAINT screening_questions_pkey PRIMARY KEY (id),
    CONSTRAINT screening_questions_id_user_id_key UNIQUE (id, user_id),
    CONSTRAINT screening_questions_campaign_id_fkey FOREIGN KEY (campaign_id, user_id)
        REFERENCES expert_network.campaigns (id, user_id) ON DELETE CASCADE,
    CONSTRAINT screening_questions_parent_question_id_fkey FOREIGN KEY (parent_question_id, user_id)
        REFERENCES expert_network.screening_questions (id, user_id) ON DELETE CASCADE,
    CONSTRAINT screening_questions_question_type_check
        CHECK (question_type OPERATOR(pg_catalog.=) ANY (ARRAY['text', 'multiple-choice', 'rating']::text[]))
);

COMMENT ON TABLE expert_network.screening_questions IS 'Screening questions for expert vetting, supports hierarchical sub-questions';
COMMENT ON COLUMN expert_network.screening_questions.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';
COMMENT ON COLUMN expert_network.screening_questions.parent_question_id IS 'NULL for top-level questions, references parent for sub-questions';
COMMENT ON COLUMN expert_network.screening_questions.question_type IS 'text, multiple-choice or rating';
COMMENT ON COLUMN expert_network.screening_questions.options IS 'For multiple-choice questions';

CREATE INDEX idx_screening_campaign ON expert_network.screening_questions (campaign_id);
CREATE INDEX idx_screening_parent ON expert_network.screening_questions (parent_question_id);
CREATE INDEX idx_screening_order ON expert_network.screening_questions (campaign_id, display_order);

/* ------------------------------------------------------------------------
 * Vendor catalog and enrollments
 * ------------------------------------------------------------------------ */

CREATE TABLE expert_network.vendor_platforms (
    id                      uuid         NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
    name                    text         NOT NULL,
    logo_url                text,
    location                text,
    overall_score           numeric(2,1),
    avg_cost_per_call_min   integer,
    avg_cost_per_call_max   integer,
    description             text,
    tags                    text[],
    is_active               boolean      NOT NULL DEFAULT true,
    created_at              timestamptz  NOT NULL DEFAULT pg_catalog.now(),
    updated_at              timestamptz  NOT NULL DEFAULT pg_catalog.now(),
    CONSTRAINT vendor_platforms_pkey PRIMARY KEY (id),
    CONSTRAINT vendor_platforms_name_key UNIQUE (name),
    CONSTRAINT vendor_platforms_overall_score_check
        CHECK (overall_score OPERATOR(pg_catalog.>=) 0 AND overall_score OPERATOR(pg_catalog.<=) 5),
    CONSTRAINT vendor_platforms_cost_min_check CHECK (avg_cost_per_call_min OPERATOR(pg_catalog.>=) 0),
    CONSTRAINT vendor_platforms_cost_max_check CHECK (avg_cost_per_call_max OPERATOR(pg_catalog.>=) 0),
    CONSTRAINT vendor_platforms_cost_range_check
        CHECK (avg_cost_per_call_min OPERATOR(pg_catalog.<=) avg_cost_per_call_max)
);

COMMENT ON TABLE expert_network.vendor_platforms IS 'Global catalog of expert network platforms (GLG, AlphaSights, etc.)';
COMMENT ON COLUMN expert_network.vendor_platforms.overall_score IS 'Score from 0 to 5';
COMMENT ON COLUMN expert_network.vendor_platforms.avg_cost_per_call_min IS 'In USD';
COMMENT ON COLUMN expert_network.vendor_platforms.avg_cost_per_call_max IS 'In USD';

CREATE INDEX idx_vendors_active ON expert_network.vendor_platforms (is_active);

CREATE TABLE expert_network.campaign_vendor_enrollments (
    id                      uuid        NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
    campaign_id             uuid        NOT NULL,
    vendor_platform_id      uuid        NOT NULL,
    status                  expert_network.enrollment_status NOT NULL DEFAULT 'pending',
    enrolled_at             timestamptz,
    account_manager_name    text,
    account_manager_email   text,
    notes                   text,
    created_at              timestamptz NOT NULL DEFAULT pg_catalog.now(),
    updated_at              timestamptz NOT NULL DEFAULT pg_catalog.now(),
    user_id text NOT NULL DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default"),
    CONSTRAINT campaign_vendor_enrollments_pkey PRIMARY KEY (id),
    CONSTRAINT campaign_vendor_enrollments_campaign_id_vendor_platform_id_key
        UNIQUE (campaign_id, vendor_platform_id),
    CONSTRAINT campaign_vendor_enrollments_campaign_id_fkey FOREIGN KEY (campaign_id, user_id)
        REFERENCES expert_network.campaigns (id, user_id) ON DELETE CASCADE,
    CONSTRAINT campaign_vendor_enrollments_vendor_platform_id_fkey FOREIGN KEY (vendor_platform_id)
        REFERENCES expert_network.vendor_platforms (id) ON DELETE CASCADE
);

COMMENT ON TABLE expert_network.campaign_vendor_enrollments IS 'Tracks which vendors are enrolled for each campaign';
COMMENT ON COLUMN expert_network.campaign_vendor_enrollments.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';
COMMENT ON COLUMN expert_network.campaign_vendor_enrollments.status IS 'not_enrolled, pending or enrolled';

CREATE INDEX idx_enrollments_vendor ON expert_network.campaign_vendor_enrollments (vendor_platform_id);
CREATE INDEX idx_enrollments_status ON expert_network.campaign_vendor_enrollments (status);

/* ------------------------------------------------------------------------
 * Experts and their screening responses
 * ------------------------------------------------------------------------ */

CREATE TABLE expert_network.experts (
    id                  uuid         NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
    campaign_id         uuid         NOT NULL,
    vendor_platform_id  uuid         NOT NULL,
    name                text         NOT NULL,
    title               text         NOT NULL,
    company             text,
    avatar_url          text,
    description         text,
    work_history        text,
    skills              text[],
    rating              numeric(2,1),
    ai_fit_score        integer,
    status              expert_network.expert_status NOT NULL DEFAULT 'proposed',
    is_new              boolean      NOT NULL DEFAULT true,
    created_at          timestamptz  NOT NULL DEFAULT pg_catalog.now(),
    updated_at          timestamptz  NOT NULL DEFAULT pg_catalog.now(),
    reviewed_at         timestamptz,
    user_id text NOT NULL DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default"),
    CONSTRAINT experts_pkey PRIMARY KEY (id),
    CONSTRAINT experts_id_user_id_key UNIQUE (id, user_id),
    CONSTRAINT experts_campaign_id_fkey FOREIGN KEY (campaign_id, user_id)
        REFERENCES expert_network.campaigns (id, user_id) ON DELETE CASCADE,
    CONSTRAINT experts_vendor_platform_id_fkey FOREIGN KEY (vendor_platform_id)
        REFERENCES expert_network.vendor_platforms (id),
    CONSTRAINT experts_rating_check
        CHECK (rating OPERATOR(pg_catalog.>=) 0 AND rating OPERATOR(pg_catalog.<=) 5),
    CONSTRAINT experts_ai_fit_score_check
        CHECK (ai_fit_score OPERATOR(pg_catalog.>=) 0 AND ai_fit_score OPERATOR(pg_catalog.<=) 10)
);

COMMENT ON TABLE expert_network.experts IS 'Expert profiles proposed by vendors for campaigns';
COMMENT ON COLUMN expert_network.experts.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';
COMMENT ON COLUMN expert_network.experts.rating IS 'Overall rating (0-5)';
COMMENT ON COLUMN expert_network.experts.ai_fit_score IS 'AI-generated score indicating how well expert matches campaign requirements';
COMMENT ON COLUMN expert_network.experts.status IS 'proposed, reviewed, rejected, scheduling, scheduled or completed';

CREATE INDEX idx_experts_campaign ON expert_network.experts (campaign_id);
CREATE INDEX idx_experts_vendor ON expert_network.experts (vendor_platform_id);
CREATE INDEX idx_experts_status ON expert_network.experts (status);
CREATE INDEX idx_experts_campaign_status ON expert_network.experts (campaign_id, status);

CREATE TABLE expert_network.expert_screening_responses (
    id                      uuid        NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
    expert_id               uuid        NOT NULL,
    screening_question_id   uuid        NOT NULL,
    response_text           text        NOT NULL,
    created_at              timestamptz NOT NULL DEFAULT pg_catalog.now(),
    user_id text NOT NULL DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default"),
    CONSTRAINT expert_screening_responses_pkey PRIMARY KEY (id),
    CONSTRAINT expert_screening_responses_expert_id_fkey FOREIGN KEY (expert_id, user_id)
        REFERENCES expert_network.experts (id, user_id) ON DELETE CASCADE,
    CONSTRAINT expert_screening_responses_screening_question_id_fkey FOREIGN KEY (screening_question_id, user_id)
        REFERENCES expert_network.screening_questions (id, user_id) ON DELETE CASCADE
);

COMMENT ON TABLE expert_network.expert_screening_responses IS 'Experts responses to screening questions';
COMMENT ON COLUMN expert_network.expert_screening_responses.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';

CREATE INDEX idx_responses_expert ON expert_network.expert_screening_responses (expert_id);
CREATE INDEX idx_responses_question ON expert_network.expert_screening_responses (screening_question_id);

/* ------------------------------------------------------------------------
 * Interviews
 * ------------------------------------------------------------------------ */

CREATE TABLE expert_network.interviews (
    id                  uuid        NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
    campaign_id         uuid        NOT NULL,
    expert_id           uuid        NOT NULL,
    scheduled_date      date        NOT NULL,
    scheduled_time      time        NOT NULL,
    duration_minutes    integer     NOT NULL DEFAULT 60,
    timezone            text        NOT NULL DEFAULT 'UTC',
    status              expert_network.interview_status NOT NULL DEFAULT 'scheduled',
    color_tag           text,
    created_at          timestamptz NOT NULL DEFAULT pg_catalog.now(),
    updated_at          timestamptz NOT NULL DEFAULT pg_catalog.now(),
    completed_at        timestamptz,
    cancelled_at        timestamptz,
    user_id text NOT NULL DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default"),
    CONSTRAINT interviews_pkey PRIMARY KEY (id),
    CONSTRAINT interviews_id_user_id_key UNIQUE (id, user_id),
    CONSTRAINT interviews_campaign_id_fkey FOREIGN KEY (campaign_id, user_id)
        REFERENCES expert_network.campaigns (id, user_id) ON DELETE CASCADE,
    CONSTRAINT interviews_expert_id_fkey FOREIGN KEY (expert_id, user_id)
        REFERENCES expert_network.experts (id, user_id) ON DELETE CASCADE,
    CONSTRAINT interviews_duration_minutes_check CHECK (duration_minutes OPERATOR(pg_catalog.>) 0)
);

COMMENT ON TABLE expert_network.interviews IS 'Scheduled interviews with experts';
COMMENT ON COLUMN expert_network.interviews.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';
COMMENT ON COLUMN expert_network.interviews.status IS 'pending, scheduled, confirmed, completed or cancelled';
COMMENT ON COLUMN expert_network.interviews.color_tag IS 'For calendar display';

CREATE INDEX idx_interviews_campaign ON expert_network.interviews (campaign_id);
CREATE INDEX idx_interviews_expert ON expert_network.interviews (expert_id, user_id);
CREATE INDEX idx_interviews_date ON expert_network.interviews (scheduled_date);
CREATE INDEX idx_interviews_status ON expert_network.interviews (status);
CREATE INDEX idx_interviews_campaign_status ON expert_network.interviews (campaign_id, status);

CREATE TABLE expert_network.interview_team_assignments (
    interview_id    uuid NOT NULL,
    team_member_id  uuid NOT NULL,
    user_id text NOT NULL DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default"),
    CONSTRAINT interview_team_assignments_pkey PRIMARY KEY (interview_id, team_member_id),
    CONSTRAINT interview_team_assignments_interview_id_fkey FOREIGN KEY (interview_id, user_id)
        REFERENCES expert_network.interviews (id, user_id) ON DELETE CASCADE,
    CONSTRAINT interview_team_assignments_team_member_id_fkey FOREIGN KEY (team_member_id, user_id)
        REFERENCES expert_network.team_members (id, user_id) ON DELETE CASCADE
);

COMMENT ON TABLE expert_network.interview_team_assignments IS 'Assigns team members to specific interviews';
COMMENT ON COLUMN expert_network.interview_team_assignments.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';

CREATE INDEX idx_interview_team_member ON expert_network.interview_team_assignments (team_member_id, user_id);

CREATE TABLE expert_network.completed_interviews (
    id                      uuid         NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
    interview_id            uuid         NOT NULL,
    campaign_id             uuid         NOT NULL,
    expert_id               uuid         NOT NULL,
    interview_date          date         NOT NULL,
    interview_time          text         NOT NULL,
    duration                text         NOT NULL,
    transcript_url          text,
    transcript_available    boolean      NOT NULL DEFAULT false,
    recording_url           text,
    notes                   text,
    rating                  numeric(2,1),
    relevance_rating        numeric(2,1),
    expertise_rating        numeric(2,1),
    communication_rating    numeric(2,1),
    review_text             text,
    completed_at            timestamptz  NOT NULL DEFAULT pg_catalog.now(),
    rated_at                timestamptz,
    user_id text NOT NULL DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default"),
    CONSTRAINT completed_interviews_pkey PRIMARY KEY (id),
    CONSTRAINT completed_interviews_interview_id_key UNIQUE (interview_id),
    CONSTRAINT completed_interviews_interview_id_fkey FOREIGN KEY (interview_id, user_id)
        REFERENCES expert_network.interviews (id, user_id) ON DELETE CASCADE,
    CONSTRAINT completed_interviews_campaign_id_fkey FOREIGN KEY (campaign_id, user_id)
        REFERENCES expert_network.campaigns (id, user_id) ON DELETE CASCADE,
    CONSTRAINT completed_interviews_expert_id_fkey FOREIGN KEY (expert_id, user_id)
        REFERENCES expert_network.experts (id, user_id) ON DELETE CASCADE,
    CONSTRAINT completed_interviews_rating_check
        CHECK (rating OPERATOR(pg_catalog.>=) 0 AND rating OPERATOR(pg_catalog.<=) 5),
    CONSTRAINT completed_interviews_relevance_rating_check
        CHECK (relevance_rating OPERATOR(pg_catalog.>=) 0 AND relevance_rating OPERATOR(pg_catalog.<=) 5),
    CONSTRAINT completed_interviews_expertise_rating_check
        CHECK (expertise_rating OPERATOR(pg_catalog.>=) 0 AND expertise_rating OPERATOR(pg_catalog.<=) 5),
    CONSTRAINT completed_interviews_communication_rating_check
        CHECK (communication_rating OPERATOR(pg_catalog.>=) 0 AND communication_rating OPERATOR(pg_catalog.<=) 5)
);

COMMENT ON TABLE expert_network.completed_interviews IS 'Completed interviews with transcripts and ratings';
COMMENT ON COLUMN expert_network.completed_interviews.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';
COMMENT ON COLUMN expert_network.completed_interviews.interview_id IS 'One-to-one with interviews';
COMMENT ON COLUMN expert_network.completed_interviews.rating IS 'Overall rating (0-5)';

CREATE INDEX idx_completed_campaign ON expert_network.completed_interviews (campaign_id);
CREATE INDEX idx_completed_expert ON expert_network.completed_interviews (expert_id);
CREATE INDEX idx_completed_date ON expert_network.completed_interviews (interview_date);
CREATE INDEX idx_completed_rating ON expert_network.completed_interviews (rating);

/* ------------------------------------------------------------------------
 * Research assistant: chat sessions and what they produce
 * ------------------------------------------------------------------------ */

CREATE TABLE expert_network.chat_sessions (
    id          uuid        NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
    user_id     text        NOT NULL DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default"),
    campaign_id uuid,
    title       text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT pg_catalog.now(),
    updated_at  timestamptz NOT NULL DEFAULT pg_catalog.now(),
    CONSTRAINT chat_sessions_pkey PRIMARY KEY (id),
    CONSTRAINT chat_sessions_id_user_id_key UNIQUE (id, user_id),
    CONSTRAINT chat_sessions_campaign_id_fkey FOREIGN KEY (campaign_id, user_id)
        REFERENCES expert_network.campaigns (id, user_id) ON DELETE SET NULL (campaign_id)
);

COMMENT ON TABLE expert_network.chat_sessions IS 'AI assistant chat sessions for research and analysis';
COMMENT ON COLUMN expert_network.chat_sessions.user_id IS 'Owner: the BetterAuth user id';
COMMENT ON COLUMN expert_network.chat_sessions.campaign_id IS 'Optional: chat can be campaign-specific or general';

CREATE INDEX idx_chat_sessions_user ON expert_network.chat_sessions (user_id);
CREATE INDEX idx_chat_sessions_campaign ON expert_network.chat_sessions (campaign_id);
CREATE INDEX idx_chat_sessions_updated ON expert_network.chat_sessions (user_id, updated_at DESC);

CREATE TABLE expert_network.chat_messages (
    id              uuid        NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
    chat_session_id uuid        NOT NULL,
    role            text        NOT NULL,
    content         text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT pg_catalog.now(),
    user_id text NOT NULL DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default"),
    CONSTRAINT chat_messages_pkey PRIMARY KEY (id),
    CONSTRAINT chat_messages_chat_session_id_fkey FOREIGN KEY (chat_session_id, user_id)
        REFERENCES expert_network.chat_sessions (id, user_id) ON DELETE CASCADE,
    CONSTRAINT chat_messages_role_check
        CHECK (role OPERATOR(pg_catalog.=) ANY (ARRAY['user', 'assistant']::text[]))
);

COMMENT ON TABLE expert_network.chat_messages IS 'Messages within AI assistant chat sessions';
COMMENT ON COLUMN expert_network.chat_messages.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';
COMMENT ON COLUMN expert_network.chat_messages.role IS 'user or assistant';

CREATE INDEX idx_chat_messages_session ON expert_network.chat_messages (chat_session_id);
CREATE INDEX idx_chat_messages_created ON expert_network.chat_messages (chat_session_id, created_at);

CREATE TABLE expert_network.research_activities (
    id              uuid        NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
    chat_session_id uuid        NOT NULL,
    activity_name   text        NOT NULL,
    status          expert_network.research_activity_status NOT NULL DEFAULT 'queued',
    confidence      integer,
    result_data     jsonb,
    created_at      timestamptz NOT NULL DEFAULT pg_catalog.now(),
    completed_at    timestamptz,
    user_id text NOT NULL DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default"),
    CONSTRAINT research_activities_pkey PRIMARY KEY (id),
    CONSTRAINT research_activities_chat_session_id_fkey FOREIGN KEY (chat_session_id, user_id)
        REFERENCES expert_network.chat_sessions (id, user_id) ON DELETE CASCADE,
    CONSTRAINT research_activities_confidence_check
        CHECK (confidence OPERATOR(pg_catalog.>=) 0 AND confidence OPERATOR(pg_catalog.<=) 100)
);

COMMENT ON TABLE expert_network.research_activities IS 'Tracks research tasks and agents during assistant sessions';
COMMENT ON COLUMN expert_network.research_activities.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';
COMMENT ON COLUMN expert_network.research_activities.status IS 'queued, processing, completed or failed';
COMMENT ON COLUMN expert_network.research_activities.confidence IS 'Percentage (0-100)';

CREATE INDEX idx_research_session ON expert_network.research_activities (chat_session_id);
CREATE INDEX idx_research_status ON expert_network.research_activities (status);

CREATE TABLE expert_network.research_sources (
    id              uuid        NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
    chat_session_id uuid        NOT NULL,
    source_name     text        NOT NULL,
    source_type     text        NOT NULL,
    status          expert_network.research_source_status NOT NULL DEFAULT 'processing',
    size_text       text,
    url             text,
    content_preview text,
    metadata        jsonb,
    created_at      timestamptz NOT NULL DEFAULT pg_catalog.now(),
    user_id text NOT NULL DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default"),
    CONSTRAINT research_sources_pkey PRIMARY KEY (id),
    CONSTRAINT research_sources_chat_session_id_fkey FOREIGN KEY (chat_session_id, user_id)
        REFERENCES expert_network.chat_sessions (id, user_id) ON DELETE CASCADE
);

COMMENT ON TABLE expert_network.research_sources IS 'Sources gathered during research sessions';
COMMENT ON COLUMN expert_network.research_sources.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';
COMMENT ON COLUMN expert_network.research_sources.source_type IS 'URL, Document, API, etc.';
COMMENT ON COLUMN expert_network.research_sources.status IS 'processing, scraped or failed';
COMMENT ON COLUMN expert_network.research_sources.size_text IS 'Human-readable size, e.g. 142 KB';

CREATE INDEX idx_sources_session ON expert_network.research_sources (chat_session_id);
CREATE INDEX idx_sources_status ON expert_network.research_sources (status);

CREATE TABLE expert_network.answer_sections (
    id              uuid        NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
    chat_session_id uuid        NOT NULL,
    title           text        NOT NULL,
    content         text        NOT NULL,
    display_order   integer     NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT pg_catalog.now(),
    user_id text NOT NULL DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default"),
    CONSTRAINT answer_sections_pkey PRIMARY KEY (id),
    CONSTRAINT answer_sections_chat_session_id_fkey FOREIGN KEY (chat_session_id, user_id)
        REFERENCES expert_network.chat_sessions (id, user_id) ON DELETE CASCADE
);

COMMENT ON TABLE expert_network.answer_sections IS 'Structured answer sections generated during research sessions';
COMMENT ON COLUMN expert_network.answer_sections.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';

CREATE INDEX idx_answer_sections_session ON expert_network.answer_sections (chat_session_id);
CREATE INDEX idx_answer_sections_order ON expert_network.answer_sections (chat_session_id, display_order);

/* ------------------------------------------------------------------------
 * UI preferences
 * ------------------------------------------------------------------------ */

CREATE TABLE expert_network.user_ui_preferences (
    user_id             text        NOT NULL DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default"),
    column_widths       jsonb       NOT NULL DEFAULT '{
        "dragHandle": 16,
        "campaignName": 400,
        "industry": 180,
        "timeline": 250,
        "targetRegions": 288,
        "divider": 1,
        "callsProgress": 200,
        "status": 96,
        "cost": 80,
        "team": 80,
        "delete": 32
    }'::jsonb,
    panel_sizing        jsonb       NOT NULL DEFAULT '{
        "chatWidth": 400,
        "answerWidth": 600,
        "topHeight": 300,
        "activitiesWidth": 300,
        "sourcesWidth": 300
    }'::jsonb,
    theme               text        NOT NULL DEFAULT 'light',
    expanded_projects   text[],
    updated_at          timestamptz NOT NULL DEFAULT pg_catalog.now(),
    CONSTRAINT user_ui_preferences_pkey PRIMARY KEY (user_id),
    CONSTRAINT user_ui_preferences_theme_check
        CHECK (theme OPERATOR(pg_catalog.=) ANY (ARRAY['light', 'dark']::text[]))
);

COMMENT ON TABLE expert_network.user_ui_preferences IS 'Stores per-user UI preferences, layouts, and settings';
COMMENT ON COLUMN expert_network.user_ui_preferences.user_id IS 'Owner: the BetterAuth user id';
COMMENT ON COLUMN expert_network.user_ui_preferences.column_widths IS 'Dashboard column widths in pixels';
COMMENT ON COLUMN expert_network.user_ui_preferences.panel_sizing IS 'Workspace panel dimensions in pixels';
COMMENT ON COLUMN expert_network.user_ui_preferences.theme IS 'light or dark';
COMMENT ON COLUMN expert_network.user_ui_preferences.expanded_projects IS 'Project IDs that are expanded in sidebar';

/* ------------------------------------------------------------------------
 * Costs (seed 001)
 * ------------------------------------------------------------------------ */

CREATE TABLE expert_network.campaign_costs (
    id                  uuid          NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
    campaign_id         uuid          NOT NULL,
    vendor_platform_id  uuid,
    fee_type            text          NOT NULL,
    amount_usd          numeric(10,2) NOT NULL,
    units               integer,
    memo                text,
    invoice_date        date,
    created_at          timestamptz   NOT NULL DEFAULT pg_catalog.now(),
    updated_at          timestamptz   NOT NULL DEFAULT pg_catalog.now(),
    user_id text NOT NULL DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default"),
    CONSTRAINT campaign_costs_pkey PRIMARY KEY (id),
    CONSTRAINT campaign_costs_campaign_id_fkey FOREIGN KEY (campaign_id, user_id)
        REFERENCES expert_network.campaigns (id, user_id) ON DELETE CASCADE,
    CONSTRAINT campaign_costs_vendor_platform_id_fkey FOREIGN KEY (vendor_platform_id)
        REFERENCES expert_network.vendor_platforms (id),
    CONSTRAINT campaign_costs_fee_type_check
        CHECK (fee_type OPERATOR(pg_catalog.=) ANY (ARRAY['recruiting_fee', 'per_call', 'subscription']::text[])),
    CONSTRAINT campaign_costs_amount_usd_check CHECK (amount_usd OPERATOR(pg_catalog.>=) 0),
    CONSTRAINT campaign_costs_units_check CHECK (units OPERATOR(pg_catalog.>=) 0)
);

COMMENT ON TABLE expert_network.campaign_costs IS 'Fees paid to expert networks per campaign';
COMMENT ON COLUMN expert_network.campaign_costs.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';
COMMENT ON COLUMN expert_network.campaign_costs.fee_type IS 'recruiting_fee, per_call or subscription';
COMMENT ON COLUMN expert_network.campaign_costs.amount_usd IS 'Amount in USD';
COMMENT ON COLUMN expert_network.campaign_costs.units IS 'Number of calls, hours, etc.';

CREATE INDEX idx_campaign_costs_campaign ON expert_network.campaign_costs (campaign_id);
CREATE INDEX idx_campaign_costs_vendor ON expert_network.campaign_costs (vendor_platform_id);

/* ------------------------------------------------------------------------
 * updated_at maintenance: one C trigger function on every such table
 * ------------------------------------------------------------------------ */

CREATE TRIGGER set_updated_at BEFORE UPDATE ON expert_network.projects
    FOR EACH ROW EXECUTE FUNCTION expert_network.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON expert_network.campaigns
    FOR EACH ROW EXECUTE FUNCTION expert_network.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON expert_network.screening_questions
    FOR EACH ROW EXECUTE FUNCTION expert_network.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON expert_network.vendor_platforms
    FOR EACH ROW EXECUTE FUNCTION expert_network.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON expert_network.campaign_vendor_enrollments
    FOR EACH ROW EXECUTE FUNCTION expert_network.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON expert_network.experts
    FOR EACH ROW EXECUTE FUNCTION expert_network.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON expert_network.interviews
    FOR EACH ROW EXECUTE FUNCTION expert_network.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON expert_network.chat_sessions
    FOR EACH ROW EXECUTE FUNCTION expert_network.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON expert_network.user_ui_preferences
    FOR EACH ROW EXECUTE FUNCTION expert_network.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON expert_network.campaign_costs
    FOR EACH ROW EXECUTE FUNCTION expert_network.set_updated_at();

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

-- Each row-level security policy adds user_id = current_user_id() to every
-- query, the extension's own included.  The per-row look-ups of the gates
-- and triggers (an expert's interviews, a team member's assignments, an
-- expert's employments, exceptions and attestations, a campaign's subject
-- companies) use indexes whose second column is user_id (0.14.0): planned
-- without statistics, as in a bulk load in one transaction, a look-up on an
-- index of the key alone was ANDed with the user's index below, reading all
-- the user's rows for each row looked up.
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

CREATE FUNCTION expert_network.grant_access(role regrole, level text DEFAULT 'app',
                                            may_set_identity boolean DEFAULT true)
RETURNS void
LANGUAGE c STRICT
AS 'MODULE_PATHNAME', 'expert_network_grant_access';

COMMENT ON FUNCTION expert_network.grant_access(regrole, text, boolean) IS
'Gives a role exactly the privileges of an access level, whoever granted it what it had: readonly (read own rows), app (read and write own rows, but not the restricted list, the compliance policy or compliance exceptions), compliance (app, and those), admin (app, and the vendor catalog and delete_user_data); may_set_identity false withholds set_user_id(), the right to act as an application user';

CREATE FUNCTION expert_network.revoke_access(role regrole)
RETURNS void
LANGUAGE c STRICT
AS 'MODULE_PATHNAME', 'expert_network_revoke_access';

COMMENT ON FUNCTION expert_network.revoke_access(regrole) IS
'Takes every privilege on the extension''s objects away from a role, whoever granted it';

-- the record of each role's level, kept by grant_access() and
-- revoke_access() and dumped, from which every update re-grants (0.8.0)
CREATE TABLE expert_network.access_levels (
    role regrole PRIMARY KEY,
    level text NOT NULL
        CONSTRAINT access_levels_level_check CHECK (level OPERATOR(pg_catalog.=) ANY (ARRAY['readonly', 'app', 'compliance', 'admin']::pg_catalog.text[])),
    may_set_identity boolean NOT NULL DEFAULT true,
    granted_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);

COMMENT ON TABLE expert_network.access_levels IS
'The access level of each role that grant_access() gave one; every update of the extension gives each role here exactly its level''s privileges on the new version';
COMMENT ON COLUMN expert_network.access_levels.role IS 'The role holding the level';
COMMENT ON COLUMN expert_network.access_levels.level IS 'readonly, app, compliance or admin';
COMMENT ON COLUMN expert_network.access_levels.may_set_identity IS 'Whether the role may act as an application user (EXECUTE on set_user_id)';
COMMENT ON COLUMN expert_network.access_levels.granted_at IS 'When grant_access() last gave the level';

CREATE FUNCTION expert_network.apply_access_levels()
RETURNS TABLE (role regrole, level text)
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_apply_access_levels';

COMMENT ON FUNCTION expert_network.apply_access_levels() IS
'Gives every role in access_levels exactly the privileges of its level on the extension''s current objects; every update script runs it. For the extension''s owner';

CREATE FUNCTION expert_network.delete_user_data(user_id text)
RETURNS TABLE (table_name text, deleted bigint)
LANGUAGE c STRICT
AS 'MODULE_PATHNAME', 'expert_network_delete_user_data';

COMMENT ON FUNCTION expert_network.delete_user_data(text) IS
'Deletes every row of one application user, in every table, in one transaction, as the caller acting for that user; returns the rows deleted per table. For admin roles';

/* ------------------------------------------------------------------------
 * Call counters and chat recency (0.3.0)
 *
 * campaigns.scheduled_calls counts the campaign's interviews in pending,
 * scheduled or confirmed; completed_calls those in completed.  Statement
 * triggers on interviews net each statement's changes per campaign from its
 * transition tables and update each touched campaign once, in id order (no
 * deadlock between transactions touching the same campaigns).  Only the
 * extension writes the counters; a new campaign starts at zero.
 * ------------------------------------------------------------------------ */

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

/* ------------------------------------------------------------------------
 * Workflow (0.4.0): status state machines with history
 *
 * check_transition (C, BEFORE row) lets a status move only along its graph,
 * sets the step's stamps, and checks the cross-entity rules of experts and
 * interviews; record_transitions (C, AFTER statement, transition tables)
 * writes the history set-based; interview_lifecycle (C, AFTER statement)
 * carries an interview's progress to its expert and its completed-interview
 * record.  AFTER triggers fire in name order: history_* before
 * interview_lifecycle_*, so an interview's change is recorded before the
 * expert's change it causes.  The graphs live in the C module;
 * workflow_transitions shows them.
 * ------------------------------------------------------------------------ */

CREATE FUNCTION expert_network.uuid_v7()
RETURNS pg_catalog.uuid
LANGUAGE c VOLATILE PARALLEL SAFE
AS 'MODULE_PATHNAME', 'expert_network_uuid_v7';

COMMENT ON FUNCTION expert_network.uuid_v7() IS
'A time-ordered UUID (version 7, RFC 9562): Unix time in milliseconds and a sub-millisecond fraction, then 62 random bits; increasing within a session.  The ids of status_history, so that its primary key grows at its right edge';

CREATE TABLE expert_network.status_history (
    id          uuid        NOT NULL DEFAULT expert_network.uuid_v7(),
    user_id     text        NOT NULL DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default"),
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
COMMENT ON COLUMN expert_network.status_history.id IS 'Time-ordered (uuid_v7()): ids of later changes sort after those of earlier ones made in the same session';
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

CREATE FUNCTION expert_network.protect_history()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_protect_history';

COMMENT ON FUNCTION expert_network.protect_history() IS
'BEFORE statement trigger on status_history: only the extension writes the history (record_transitions inserts, delete_user_data erases); a restore loads it';

CREATE TRIGGER protect_history BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON expert_network.status_history
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.protect_history();

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
'AFTER statement trigger on interviews: completed interviews get their record; new, completed, cancelled and deleted interviews move their experts';

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
-- (0.8.0)
CREATE TRIGGER interview_lifecycle_delete AFTER DELETE ON expert_network.interviews
    REFERENCING OLD TABLE AS en_old
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

/* ------------------------------------------------------------------------
 * Screeners as trees (0.5.0): walks, integrity on write, move and copy
 *
 * A question's place among its siblings is display_order, then created_at,
 * then id.  The walks (C, src/questions.c) read a campaign's questions once
 * and walk the tree in memory; they read as the caller, so row-level
 * security limits them to the caller's rows and another user's question is
 * unknown to them (P0002).  They are PARALLEL RESTRICTED: each call runs an
 * SPI query, and there is no partial walk to share out.  The setting
 * expert_network.max_question_depth (default 16) caps the depth, counted
 * from 0 at the top level.  question_integrity and response_integrity fire
 * after a_enforce_owner, so another user's row is refused as such first.
 * ------------------------------------------------------------------------ */

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
'AFTER INSERT and AFTER UPDATE statement trigger on screening_questions, checking the statement''s final state: a parent in the same campaign, no question its own ancestor, depth below expert_network.max_question_depth, no change of campaign leaving sub-questions or responses behind (23514)';

CREATE FUNCTION expert_network.response_integrity()
RETURNS pg_catalog.trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_response_integrity';

COMMENT ON FUNCTION expert_network.response_integrity() IS
'AFTER INSERT and AFTER UPDATE statement trigger on expert_screening_responses: the question answered is one of the expert''s campaign (23514)';

-- once per statement, on what it leaves (0.9.0): after the row triggers, so
-- that a reference to another user's row is refused as such (42501), and
-- after the foreign keys' checks
CREATE TRIGGER question_integrity_insert AFTER INSERT ON expert_network.screening_questions
    REFERENCING NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.question_integrity();
CREATE TRIGGER question_integrity_update AFTER UPDATE ON expert_network.screening_questions
    REFERENCING OLD TABLE AS en_old NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.question_integrity();
CREATE TRIGGER response_integrity_insert AFTER INSERT ON expert_network.expert_screening_responses
    REFERENCING NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.response_integrity();
CREATE TRIGGER response_integrity_update AFTER UPDATE ON expert_network.expert_screening_responses
    REFERENCING OLD TABLE AS en_old NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.response_integrity();

REVOKE ALL ON FUNCTION expert_network.question_tree(pg_catalog.uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.question_subtree(pg_catalog.uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.question_ancestors(pg_catalog.uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.move_question(pg_catalog.uuid, pg_catalog.uuid, pg_catalog.int4) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.copy_question_tree(pg_catalog.uuid, pg_catalog.uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.question_integrity() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.response_integrity() FROM PUBLIC;

/* ------------------------------------------------------------------------
 * Compliance gates (0.10.0): restricted lists, cooling-off periods,
 * per-call attestations, exceptions and an append-only compliance log
 *
 * The gates (C, src/compliance.c) screen every interview a statement makes
 * live, or moves to scheduled or confirmed, or re-dates: the expert's
 * employer on the call date must not be on the user's restricted list, and
 * the call must not fall in the cooling-off period after the expert left a
 * company that is one of the campaign's subject companies or on the list.
 * An interview moving to confirmed or completed needs an attestation when
 * the user's policy asks for one.  Each decision goes to compliance_log;
 * a refusal is an error (QC001, QC002, QC003) naming the rule and the
 * entry, and an exception approved by a compliance officer turns it into a
 * logged "excepted".  Companies match on their keys (src/companies.c):
 * case, accents, punctuation, spacing and legal forms do not count; tickers
 * and aliases do.
 * ------------------------------------------------------------------------ */

CREATE FUNCTION expert_network.company_key(name pg_catalog.text)
RETURNS pg_catalog.text
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'expert_network_company_key';

COMMENT ON FUNCTION expert_network.company_key(pg_catalog.text) IS
'A company name''s matching key: lower case, no accents, punctuation or spaces, no leading "the" or trailing legal form ("Acme Corp.", "ACME Corporation" and "acme inc" give "acme")';

CREATE FUNCTION expert_network.company_keys(company pg_catalog.text, ticker pg_catalog.text,
                                            aliases pg_catalog.text[])
RETURNS pg_catalog.text[]
LANGUAGE c IMMUTABLE PARALLEL SAFE
AS 'MODULE_PATHNAME', 'expert_network_company_keys';

COMMENT ON FUNCTION expert_network.company_keys(pg_catalog.text, pg_catalog.text, pg_catalog.text[]) IS
'The distinct keys of a company''s name, ticker ("$" and the ticker in upper case) and aliases: two companies match when their keys overlap (&&)';

/*
 * Company keys overlap (0.11.0).  pg_catalog.&& on arrays is not leakproof:
 * it compares elements with their type's equality, which need not be.  So
 * under the tables' forced row-level security a GIN index on match_keys
 * could not serve a role's screen (the policy's filter must come first),
 * and every check read the user's whole list.  On text[] the same C
 * function, arrayoverlap, compares with texteq, which is leakproof, and
 * raises no error that depends on the arrays' contents.  keys_overlap
 * (src/companies.c) calls arrayoverlap and declares exactly that; the
 * operator expert_network.&& and the GIN operator class company_keys_ops
 * (PostgreSQL's array GIN support, text keys) let the restricted list's
 * index serve the screens as they run, as the application's role.  Its
 * cost, 50 (a loop over both arrays, against 1 for an equality), is what
 * makes the planner prefer that index to testing every entry of the list.
 */
CREATE FUNCTION expert_network.keys_overlap(pg_catalog.text[], pg_catalog.text[])
RETURNS pg_catalog.bool
LANGUAGE c IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE COST 50
AS 'MODULE_PATHNAME', 'expert_network_keys_overlap';

COMMENT ON FUNCTION expert_network.keys_overlap(pg_catalog.text[], pg_catalog.text[]) IS
'Whether two key arrays share a key (pg_catalog.arrayoverlap on text[], leakproof); the function of the operator expert_network.&&';

CREATE OPERATOR expert_network.&& (
    LEFTARG = pg_catalog.text[],
    RIGHTARG = pg_catalog.text[],
    FUNCTION = expert_network.keys_overlap,
    COMMUTATOR = OPERATOR(expert_network.&&),
    RESTRICT = pg_catalog.matchingsel,
    JOIN = pg_catalog.matchingjoinsel
);

COMMENT ON OPERATOR expert_network.&& (pg_catalog.text[], pg_catalog.text[]) IS
'Companies match: their keys overlap (leakproof, so that the GIN operator class company_keys_ops serves it under row-level security)';

CREATE OPERATOR CLASS expert_network.company_keys_ops
    FOR TYPE pg_catalog.text[] USING gin AS
        OPERATOR 1 expert_network.&& (pg_catalog.text[], pg_catalog.text[]),
        FUNCTION 1 pg_catalog.bttextcmp(pg_catalog.text, pg_catalog.text),
        FUNCTION 2 pg_catalog.ginarrayextract(pg_catalog.anyarray, pg_catalog.internal,
                                              pg_catalog.internal),
        FUNCTION 3 pg_catalog.ginqueryarrayextract(pg_catalog.anyarray, pg_catalog.internal,
                                                   pg_catalog.int2, pg_catalog.internal,
                                                   pg_catalog.internal, pg_catalog.internal,
                                                   pg_catalog.internal),
        FUNCTION 4 pg_catalog.ginarrayconsistent(pg_catalog.internal, pg_catalog.int2,
                                                 pg_catalog.anyarray, pg_catalog.int4,
                                                 pg_catalog.internal, pg_catalog.internal,
                                                 pg_catalog.internal, pg_catalog.internal),
        FUNCTION 6 pg_catalog.ginarraytriconsistent(pg_catalog.internal, pg_catalog.int2,
                                                    pg_catalog.anyarray, pg_catalog.int4,
                                                    pg_catalog.internal, pg_catalog.internal,
                                                    pg_catalog.internal),
        STORAGE pg_catalog.text;

COMMENT ON OPERATOR CLASS expert_network.company_keys_ops USING gin IS
'GIN over company keys (text[]) for expert_network.&&: the restricted list''s index';

CREATE TABLE expert_network.restricted_companies (
    id              uuid        NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
    company         text        NOT NULL,
    ticker          text,
    aliases         text[]      NOT NULL,
    applies_from    date        NOT NULL DEFAULT CURRENT_DATE,
    applies_until   date,
    reason          text,
    match_keys      text[]      GENERATED ALWAYS AS (expert_network.company_keys(company, ticker, aliases)) STORED,
    created_at      timestamptz NOT NULL DEFAULT pg_catalog.now(),
    updated_at      timestamptz NOT NULL DEFAULT pg_catalog.now(),
    user_id text NOT NULL DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default"),
    CONSTRAINT restricted_companies_pkey PRIMARY KEY (id),
    CONSTRAINT restricted_companies_company_check
        CHECK (expert_network.company_key(company) OPERATOR(pg_catalog.<>) ''),
    CONSTRAINT restricted_companies_dates_check CHECK (applies_until OPERATOR(pg_catalog.>=) applies_from)
);

COMMENT ON TABLE expert_network.restricted_companies IS 'The user''s restricted list: companies whose current employees are not to be consulted while an entry applies';
COMMENT ON COLUMN expert_network.restricted_companies.user_id IS 'Owner: the BetterAuth user id';
COMMENT ON COLUMN expert_network.restricted_companies.aliases IS 'Other names of the company, matched like its name';
COMMENT ON COLUMN expert_network.restricted_companies.applies_from IS 'First day the entry applies';
COMMENT ON COLUMN expert_network.restricted_companies.applies_until IS 'Last day the entry applies; NULL: until further notice';
COMMENT ON COLUMN expert_network.restricted_companies.match_keys IS 'company_keys(company, ticker, aliases)';

CREATE INDEX idx_restricted_companies_user ON expert_network.restricted_companies (user_id);
CREATE INDEX idx_restricted_companies_keys ON expert_network.restricted_companies
    USING gin (match_keys expert_network.company_keys_ops);

CREATE TABLE expert_network.expert_employments (
    id              uuid        NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
    expert_id       uuid        NOT NULL,
    company         text        NOT NULL,
    ticker          text,
    publicly_traded boolean     NOT NULL DEFAULT true,
    title           text,
    started_on      date,
    ended_on        date,
    match_keys      text[]      GENERATED ALWAYS AS (expert_network.company_keys(company, ticker, NULL)) STORED,
    created_at      timestamptz NOT NULL DEFAULT pg_catalog.now(),
    updated_at      timestamptz NOT NULL DEFAULT pg_catalog.now(),
    user_id text NOT NULL DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default"),
    CONSTRAINT expert_employments_pkey PRIMARY KEY (id),
    CONSTRAINT expert_employments_expert_id_fkey FOREIGN KEY (expert_id, user_id)
        REFERENCES expert_network.experts (id, user_id) ON DELETE CASCADE,
    CONSTRAINT expert_employments_dates_check CHECK (ended_on OPERATOR(pg_catalog.>=) started_on)
);

COMMENT ON TABLE expert_network.expert_employments IS 'An expert''s employment history; the open-ended employment is the current employer, which experts.company follows';
COMMENT ON COLUMN expert_network.expert_employments.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';
COMMENT ON COLUMN expert_network.expert_employments.publicly_traded IS 'Whether the employer is a public company: which cooling-off period applies after leaving it';
COMMENT ON COLUMN expert_network.expert_employments.ended_on IS 'Last day of employment; NULL: current';
COMMENT ON COLUMN expert_network.expert_employments.match_keys IS 'company_keys(company, ticker, NULL)';

CREATE INDEX idx_expert_employments_expert ON expert_network.expert_employments (expert_id, user_id);
CREATE INDEX idx_expert_employments_user ON expert_network.expert_employments (user_id);
CREATE UNIQUE INDEX idx_expert_employments_current ON expert_network.expert_employments (expert_id)
    WHERE ended_on IS NULL;

CREATE TABLE expert_network.campaign_subject_companies (
    id              uuid        NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
    campaign_id     uuid        NOT NULL,
    company         text        NOT NULL,
    ticker          text,
    match_keys      text[]      GENERATED ALWAYS AS (expert_network.company_keys(company, ticker, NULL)) STORED,
    created_at      timestamptz NOT NULL DEFAULT pg_catalog.now(),
    user_id text NOT NULL DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default"),
    CONSTRAINT campaign_subject_companies_pkey PRIMARY KEY (id),
    CONSTRAINT campaign_subject_companies_campaign_id_fkey FOREIGN KEY (campaign_id, user_id)
        REFERENCES expert_network.campaigns (id, user_id) ON DELETE CASCADE,
    CONSTRAINT campaign_subject_companies_company_check
        CHECK (expert_network.company_key(company) OPERATOR(pg_catalog.<>) '')
);

COMMENT ON TABLE expert_network.campaign_subject_companies IS 'The companies a campaign''s brief is about: former employees are in a cooling-off period for them';
COMMENT ON COLUMN expert_network.campaign_subject_companies.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';

CREATE INDEX idx_campaign_subject_companies_campaign ON expert_network.campaign_subject_companies (campaign_id, user_id);
CREATE INDEX idx_campaign_subject_companies_user ON expert_network.campaign_subject_companies (user_id);

CREATE TABLE expert_network.compliance_policies (
    user_id                     text        NOT NULL DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default"),
    cooling_off_public_months   integer     NOT NULL DEFAULT 6,
    cooling_off_private_months  integer     NOT NULL DEFAULT 3,
    attestation_required        boolean     NOT NULL DEFAULT true,
    updated_at                  timestamptz NOT NULL DEFAULT pg_catalog.now(),
    CONSTRAINT compliance_policies_pkey PRIMARY KEY (user_id),
    CONSTRAINT compliance_policies_months_check
        CHECK (cooling_off_public_months OPERATOR(pg_catalog.>=) 0 AND cooling_off_public_months OPERATOR(pg_catalog.<=) 120
           AND cooling_off_private_months OPERATOR(pg_catalog.>=) 0 AND cooling_off_private_months OPERATOR(pg_catalog.<=) 120)
);

COMMENT ON TABLE expert_network.compliance_policies IS 'The user''s compliance policy; without a row: cooling-off 6 months (public) and 3 (private), attestations not required';
COMMENT ON COLUMN expert_network.compliance_policies.user_id IS 'Owner: the BetterAuth user id';
COMMENT ON COLUMN expert_network.compliance_policies.attestation_required IS 'Whether an interview is confirmed or completed only with an attestation';

CREATE TABLE expert_network.interview_attestations (
    id                  uuid        NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
    interview_id        uuid        NOT NULL,
    attested_by         text        NOT NULL,
    attested_at         timestamptz NOT NULL DEFAULT pg_catalog.now(),
    terms_version       text        NOT NULL,
    no_material_nonpublic_information boolean NOT NULL,
    no_conflicting_obligations        boolean NOT NULL,
    conflicts_disclosed text,
    user_id text NOT NULL DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default"),
    CONSTRAINT interview_attestations_pkey PRIMARY KEY (id),
    CONSTRAINT interview_attestations_interview_id_fkey FOREIGN KEY (interview_id, user_id)
        REFERENCES expert_network.interviews (id, user_id) ON DELETE CASCADE,
    CONSTRAINT interview_attestations_statements_check
        CHECK (no_material_nonpublic_information AND no_conflicting_obligations)
);

COMMENT ON TABLE expert_network.interview_attestations IS 'The expert''s attestation before a call: no material non-public information, no obligation forbidding the discussion, conflicts disclosed';
COMMENT ON COLUMN expert_network.interview_attestations.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';
COMMENT ON COLUMN expert_network.interview_attestations.attested_by IS 'Who attested: the expert, as signed';
COMMENT ON COLUMN expert_network.interview_attestations.terms_version IS 'The version of the attestation terms';

CREATE INDEX idx_interview_attestations_interview ON expert_network.interview_attestations (interview_id, user_id);
CREATE INDEX idx_interview_attestations_user ON expert_network.interview_attestations (user_id);

-- the gates' rules and decisions, as enum types (0.16.0; before, text with
-- CHECK constraints, which cost each log write a compiled expression)
CREATE TYPE expert_network.compliance_rule AS ENUM ('restricted_list', 'cooling_off', 'attestation');
COMMENT ON TYPE expert_network.compliance_rule IS 'A compliance gate (compliance_exceptions.rule, compliance_log.rule)';

CREATE TYPE expert_network.compliance_decision AS ENUM ('passed', 'refused', 'excepted');
COMMENT ON TYPE expert_network.compliance_decision IS 'A gate''s decision on a call (compliance_log.decision)';

CREATE TABLE expert_network.compliance_exceptions (
    id              uuid        NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
    expert_id       uuid        NOT NULL,
    rule            expert_network.compliance_rule NOT NULL,
    reason          text        NOT NULL,
    approved_by     text        NOT NULL DEFAULT (CURRENT_USER::pg_catalog.text COLLATE pg_catalog."default"),
    approved_at     timestamptz NOT NULL DEFAULT pg_catalog.now(),
    expires_at      timestamptz NOT NULL,
    user_id text NOT NULL DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default"),
    CONSTRAINT compliance_exceptions_pkey PRIMARY KEY (id),
    CONSTRAINT compliance_exceptions_expert_id_fkey FOREIGN KEY (expert_id, user_id)
        REFERENCES expert_network.experts (id, user_id) ON DELETE CASCADE,
    CONSTRAINT compliance_exceptions_reason_check CHECK (pg_catalog.btrim(reason) OPERATOR(pg_catalog.<>) ''),
    CONSTRAINT compliance_exceptions_expiry_check CHECK (expires_at OPERATOR(pg_catalog.>) approved_at)
);

COMMENT ON TABLE expert_network.compliance_exceptions IS 'Exceptions to one rule for one expert, approved by a compliance officer (level compliance) with a reason, until they expire';
COMMENT ON COLUMN expert_network.compliance_exceptions.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';
COMMENT ON COLUMN expert_network.compliance_exceptions.rule IS 'The rule excepted: restricted_list, cooling_off or attestation';
COMMENT ON COLUMN expert_network.compliance_exceptions.approved_by IS 'The role that approved it: set by the extension';
COMMENT ON COLUMN expert_network.compliance_exceptions.approved_at IS 'When it was approved: set by the extension';

CREATE INDEX idx_compliance_exceptions_expert ON expert_network.compliance_exceptions (expert_id, user_id);
CREATE INDEX idx_compliance_exceptions_user ON expert_network.compliance_exceptions (user_id);

CREATE TABLE expert_network.compliance_log (
    id              uuid        NOT NULL DEFAULT expert_network.uuid_v7(),
    user_id         text        NOT NULL DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default"),
    logged_at       timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    interview_id    uuid,
    expert_id       uuid        NOT NULL,
    call_date       date        NOT NULL,
    rule            expert_network.compliance_rule NOT NULL,
    decision        expert_network.compliance_decision NOT NULL,
    detail          jsonb,
    exception_id    uuid,
    decided_by      text        NOT NULL DEFAULT (CURRENT_USER::pg_catalog.text COLLATE pg_catalog."default"),
    CONSTRAINT compliance_log_pkey PRIMARY KEY (id)
);

COMMENT ON TABLE expert_network.compliance_log IS 'Every decision of the compliance gates, in time order; written by the extension, never changed (erasure deletes a user''s rows)';
COMMENT ON COLUMN expert_network.compliance_log.interview_id IS 'The interview decided on; NULL for a screen logged by compliance_check()';
COMMENT ON COLUMN expert_network.compliance_log.detail IS 'What decided a refusal or an exception: the company, the list entry, the dates';
COMMENT ON COLUMN expert_network.compliance_log.decided_by IS 'The role whose statement was screened';

-- one index besides the key, so that a decision writes two index entries:
-- a user's log, and an expert's in it (under row-level security, or erasure)
CREATE INDEX idx_compliance_log_user_expert ON expert_network.compliance_log (user_id, expert_id);

CREATE FUNCTION expert_network.compliance_gate()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_compliance_gate';

COMMENT ON FUNCTION expert_network.compliance_gate() IS
'AFTER INSERT and AFTER UPDATE statement trigger on interviews: screens the calls the statement books, confirms or completes against the restricted list, cooling-off periods and attestations (QC001, QC002, QC003) and logs every decision';

CREATE FUNCTION expert_network.protect_compliance_log()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_protect_compliance_log';

COMMENT ON FUNCTION expert_network.protect_compliance_log() IS
'BEFORE statement trigger on compliance_log: only the gates write it, delete_user_data erases it; a restore loads it';

CREATE FUNCTION expert_network.stamp_exception()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_stamp_exception';

COMMENT ON FUNCTION expert_network.stamp_exception() IS
'BEFORE row trigger on compliance_exceptions: approved_by is the approving role and approved_at the time of approval';

CREATE FUNCTION expert_network.follow_current_employment()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_follow_current_employment';

COMMENT ON FUNCTION expert_network.follow_current_employment() IS
'Triggers on expert_employments and experts: experts.company is the open-ended employment''s company (NULL when the expert''s employments have ended), and is not set to another';

CREATE FUNCTION expert_network.compliance_check(expert_id pg_catalog.uuid,
                                                call_date pg_catalog.date DEFAULT CURRENT_DATE,
                                                log pg_catalog.bool DEFAULT false)
RETURNS TABLE (rule pg_catalog.text, decision pg_catalog.text, passed pg_catalog.bool, reason pg_catalog.text,
               company pg_catalog.text, entry_id pg_catalog.uuid, clears_on pg_catalog.date,
               exception_id pg_catalog.uuid)
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_compliance_check';

COMMENT ON FUNCTION expert_network.compliance_check(pg_catalog.uuid, pg_catalog.date, pg_catalog.bool) IS
'The screen of a call with the expert on call_date, gate by gate (restricted_list, cooling_off, attestation): passed or not, why, and when it clears; log => true appends the decisions to compliance_log';

CREATE FUNCTION expert_network.compliance_conflicts()
RETURNS TABLE (interview_id pg_catalog.uuid, expert_id pg_catalog.uuid, call_date pg_catalog.date,
               rule pg_catalog.text, reason pg_catalog.text, company pg_catalog.text,
               entry_id pg_catalog.uuid, clears_on pg_catalog.date)
LANGUAGE c STABLE
AS 'MODULE_PATHNAME', 'expert_network_compliance_conflicts';

COMMENT ON FUNCTION expert_network.compliance_conflicts() IS
'Every live interview the caller sees that the gates would now refuse (a restricted-list entry, an employment or a subject company added since it was booked), with the rule and the entry';

CREATE TRIGGER compliance_gate_insert AFTER INSERT ON expert_network.interviews
    REFERENCING NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.compliance_gate();
CREATE TRIGGER compliance_gate_update AFTER UPDATE ON expert_network.interviews
    REFERENCING OLD TABLE AS en_old NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.compliance_gate();
CREATE TRIGGER protect_compliance_log BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON expert_network.compliance_log
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.protect_compliance_log();
CREATE TRIGGER stamp_exception BEFORE INSERT OR UPDATE ON expert_network.compliance_exceptions
    FOR EACH ROW EXECUTE FUNCTION expert_network.stamp_exception();
CREATE TRIGGER follow_current_employment_insert AFTER INSERT ON expert_network.expert_employments
    REFERENCING NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.follow_current_employment();
CREATE TRIGGER follow_current_employment_update AFTER UPDATE ON expert_network.expert_employments
    REFERENCING OLD TABLE AS en_old NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.follow_current_employment();
CREATE TRIGGER follow_current_employment_delete AFTER DELETE ON expert_network.expert_employments
    REFERENCING OLD TABLE AS en_old
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.follow_current_employment();
CREATE TRIGGER follow_current_employment BEFORE UPDATE OF company ON expert_network.experts
    FOR EACH ROW WHEN (OLD.company IS DISTINCT FROM NEW.company)
    EXECUTE FUNCTION expert_network.follow_current_employment();

CREATE TRIGGER set_updated_at BEFORE UPDATE ON expert_network.restricted_companies
    FOR EACH ROW EXECUTE FUNCTION expert_network.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON expert_network.expert_employments
    FOR EACH ROW EXECUTE FUNCTION expert_network.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON expert_network.compliance_policies
    FOR EACH ROW EXECUTE FUNCTION expert_network.set_updated_at();

-- every table of a user's compliance data is scoped like the others
ALTER TABLE expert_network.restricted_companies ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.restricted_companies
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.restricted_companies
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.restricted_companies
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();
ALTER TABLE expert_network.expert_employments ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.expert_employments
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.expert_employments
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.expert_employments
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();
ALTER TABLE expert_network.campaign_subject_companies ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.campaign_subject_companies
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.campaign_subject_companies
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.campaign_subject_companies
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();
ALTER TABLE expert_network.compliance_policies ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.compliance_policies
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.compliance_policies
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.compliance_policies
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();
ALTER TABLE expert_network.interview_attestations ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.interview_attestations
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.interview_attestations
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.interview_attestations
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();
ALTER TABLE expert_network.compliance_exceptions ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.compliance_exceptions
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.compliance_exceptions
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.compliance_exceptions
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();
ALTER TABLE expert_network.compliance_log ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.compliance_log
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.compliance_log
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.compliance_log
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();

REVOKE ALL ON FUNCTION expert_network.company_key(pg_catalog.text) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.company_keys(pg_catalog.text, pg_catalog.text, pg_catalog.text[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.keys_overlap(pg_catalog.text[], pg_catalog.text[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.compliance_gate() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.protect_compliance_log() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.stamp_exception() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.follow_current_employment() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.compliance_check(pg_catalog.uuid, pg_catalog.date, pg_catalog.bool) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.compliance_conflicts() FROM PUBLIC;

/* ------------------------------------------------------------------------
 * The shipped vendor catalog
 *
 * Shipped rows have fixed ids in 00000000-0000-4000-8000-0000000000xx so that
 * every install agrees on them (a restored expert still points at the right
 * vendor) and so that pg_dump can leave them out: CREATE EXTENSION in the
 * target database ships them again.
 * ------------------------------------------------------------------------ */

INSERT INTO expert_network.vendor_platforms (id, name, location, description, tags) VALUES
('00000000-0000-4000-8000-000000000001', 'GLG', 'New York, NY, USA',
 'Gerson Lehrman Group, founded in 1998; the largest expert network, offering phone consultations, surveys and events with industry professionals.',
 ARRAY['calls', 'surveys', 'events', 'global']),
('00000000-0000-4000-8000-000000000002', 'AlphaSights', 'London, UK',
 'Founded in 2008; expert calls for investment and consulting firms, with offices across Europe, North America and Asia.',
 ARRAY['calls', 'global']),
('00000000-0000-4000-8000-000000000003', 'Guidepoint', 'New York, NY, USA',
 'Founded in 2003; expert calls, surveys and tracking data for investors and corporations.',
 ARRAY['calls', 'surveys', 'data', 'global']),
('00000000-0000-4000-8000-000000000004', 'Third Bridge', 'London, UK',
 'Founded in 2007; expert calls and Forum, a library of expert interview transcripts.',
 ARRAY['calls', 'transcripts', 'global']),
('00000000-0000-4000-8000-000000000005', 'Coleman Research', 'New York, NY, USA',
 'Founded in 2003; expert calls and project support for investment and corporate clients.',
 ARRAY['calls', 'surveys']),
('00000000-0000-4000-8000-000000000006', 'Dialectica', 'Athens, Greece',
 'Founded in 2015; expert calls and surveys for private equity, consulting and corporate clients.',
 ARRAY['calls', 'surveys', 'global']),
('00000000-0000-4000-8000-000000000007', 'Tegus', 'Chicago, IL, USA',
 'Founded in 2016; expert calls and a searchable library of expert call transcripts; part of AlphaSense since 2024.',
 ARRAY['calls', 'transcripts']),
('00000000-0000-4000-8000-000000000008', 'proSapient', 'London, UK',
 'Founded in 2016; expert calls and surveys with compliance tooling.',
 ARRAY['calls', 'surveys']),
('00000000-0000-4000-8000-000000000009', 'Atheneum', 'Berlin, Germany',
 'Founded in 2009; expert calls and market research for consulting, corporate and investment clients.',
 ARRAY['calls', 'surveys', 'global']),
('00000000-0000-4000-8000-00000000000a', 'NewtonX', 'New York, NY, USA',
 'Founded in 2016; recruits verified B2B professionals for calls and surveys using search technology.',
 ARRAY['calls', 'surveys', 'b2b']),
('00000000-0000-4000-8000-00000000000b', 'Capvision', 'Shanghai, China',
 'Founded in 2006; expert calls with a network concentrated in Asia.',
 ARRAY['calls', 'asia']),
('00000000-0000-4000-8000-00000000000c', 'Arbolus', 'London, UK',
 'Founded in 2017; expert calls and surveys through a self-serve platform.',
 ARRAY['calls', 'surveys']);

/* ------------------------------------------------------------------------
 * Backups: every table's rows are dumped by pg_dump (extension tables are
 * skipped unless registered); the catalog without the rows shipped above.
 * ------------------------------------------------------------------------ */

SELECT pg_catalog.pg_extension_config_dump('expert_network.projects', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.campaigns', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.team_members', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.campaign_team_assignments', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.screening_questions', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.vendor_platforms',
    $$WHERE NOT (id BETWEEN '00000000-0000-4000-8000-000000000000' AND '00000000-0000-4000-8000-0000000000ff')$$);
SELECT pg_catalog.pg_extension_config_dump('expert_network.campaign_vendor_enrollments', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.experts', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.expert_screening_responses', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.interviews', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.interview_team_assignments', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.completed_interviews', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.chat_sessions', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.chat_messages', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.research_activities', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.research_sources', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.answer_sections', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.user_ui_preferences', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.campaign_costs', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.status_history', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.access_levels', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.restricted_companies', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.expert_employments', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.campaign_subject_companies', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.compliance_policies', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.interview_attestations', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.compliance_exceptions', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.compliance_log', '');

/* ------------------------------------------------------------------------
 * Privileges.  The objects above, and the schema, belong to the installing
 * superuser (for a trusted extension, the bootstrap superuser); the role
 * that ran CREATE EXTENSION gets the use of them and may pass it on, with
 * grant_access() or by hand.  It gets no TRIGGER, TRUNCATE or REFERENCES:
 * a trigger of its own on these tables would run as whoever writes them,
 * TRUNCATE ignores row-level security, and a foreign key of its own could
 * block or watch every tenant's deletes (0.7.0).  PUBLIC gets nothing.
 * ------------------------------------------------------------------------ */

REVOKE ALL ON FUNCTION expert_network.set_updated_at() FROM PUBLIC;
GRANT USAGE ON SCHEMA expert_network TO @extowner@ WITH GRANT OPTION;
GRANT SELECT, INSERT, UPDATE, DELETE
    ON ALL TABLES IN SCHEMA expert_network TO @extowner@ WITH GRANT OPTION;

-- functions: PUBLIC gets none; grant_access() hands them out by level
REVOKE ALL ON FUNCTION expert_network.current_user_id() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.set_user_id(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.protect_history() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.require_identity() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.enforce_owner() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.grant_access(regrole, text, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.revoke_access(regrole) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.apply_access_levels() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.delete_user_data(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.count_calls() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.protect_call_counters() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.touch_chat_sessions() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.verify_counters() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.repair_counters() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.check_transition() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.record_transitions() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.uuid_v7() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.interview_lifecycle() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.allowed_transitions(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.transition_graph() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.schedule_interview(uuid, date, time, integer, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.complete_interview(uuid, text, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.cancel_interview(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.rate_interview(uuid, numeric, numeric, numeric, numeric, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.protect_completed_record() FROM PUBLIC;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA expert_network TO @extowner@ WITH GRANT OPTION;

/* ------------------------------------------------------------- begin issue 17 */

/* ------------------------------------------------------------------------
 * Dashboards (0.12.0; issue 17): the campaign dashboard, the vendor
 * scorecard and the team's workload as views, so that no application has to
 * write (and scope) those aggregates itself.
 *
 * security_invoker: each table a view reads is read with the rights and the
 * row-level security of the role querying the view, so a view shows the
 * rows of the current user (expert_network.user_id) and nothing else, as the
 * tables do.  The policies' filter, user_id = (SELECT current_user_id()),
 * lands on every table scan inside the view and is served by its user_id
 * index or, in the per-campaign and per-member subqueries, by the index on
 * the parent key.  No security_barrier: the views hide no rows of their own
 * (the tables' policies do, and PostgreSQL already evaluates those before
 * any condition a caller adds), so a barrier would only keep a caller's
 * WHERE campaign_id = ... from reaching the indexes.
 *
 * Calls progress reads the call counters (campaigns.completed_calls,
 * scheduled_calls), which the extension keeps exact; what no counter holds
 * (experts by status, enrollments, costs, ratings, the team) is counted per
 * campaign, per vendor or per team member from the indexes, never over the
 * whole table.  Counts are int4, ratios and money numeric, dates date; a
 * ratio whose denominator is zero is NULL.
 * ------------------------------------------------------------------------ */

CREATE VIEW expert_network.campaign_dashboard WITH (security_invoker = true) AS
SELECT c.id AS campaign_id,
       c.user_id,
       c.project_id,
       p.project_code,
       p.project_name,
       c.campaign_name,
       c.industry_vertical,
       c.target_regions,
       c.status,
       c.start_date,
       c.target_completion_date,
       c.target_completion_date OPERATOR(pg_catalog.-) CURRENT_DATE AS days_remaining,
       c.min_calls,
       c.max_calls,
       c.completed_calls,
       c.scheduled_calls,
       pg_catalog.round(c.completed_calls::pg_catalog.numeric OPERATOR(pg_catalog./)
                        CASE WHEN c.min_calls OPERATOR(pg_catalog.>) 0 THEN c.min_calls END, 4) AS progress_to_min,
       pg_catalog.round(c.completed_calls::pg_catalog.numeric OPERATOR(pg_catalog./)
                        CASE WHEN c.max_calls OPERATOR(pg_catalog.>) 0 THEN c.max_calls END, 4) AS progress_to_max,
       x.experts_proposed,
       x.experts_reviewed,
       x.experts_scheduling,
       x.experts_scheduled,
       x.experts_completed,
       x.experts_rejected,
       x.experts_total,
       t.team_size,
       t.team_members,
       v.vendors_enrolled,
       v.vendors_pending,
       v.enrolled_vendors,
       k.cost_total_usd,
       pg_catalog.round(k.cost_total_usd OPERATOR(pg_catalog./)
                        CASE WHEN c.completed_calls OPERATOR(pg_catalog.>) 0 THEN c.completed_calls END, 2)
           AS cost_per_completed_call,
       r.rated_calls,
       r.average_rating,
       p.display_order AS project_display_order,
       c.display_order
  FROM expert_network.campaigns AS c
  LEFT JOIN expert_network.projects AS p ON p.id OPERATOR(pg_catalog.=) c.project_id
 CROSS JOIN LATERAL (
       SELECT pg_catalog.count(*) FILTER (WHERE e.status OPERATOR(pg_catalog.=) 'proposed')::pg_catalog.int4,
              pg_catalog.count(*) FILTER (WHERE e.status OPERATOR(pg_catalog.=) 'reviewed')::pg_catalog.int4,
              pg_catalog.count(*) FILTER (WHERE e.status OPERATOR(pg_catalog.=) 'scheduling')::pg_catalog.int4,
              pg_catalog.count(*) FILTER (WHERE e.status OPERATOR(pg_catalog.=) 'scheduled')::pg_catalog.int4,
              pg_catalog.count(*) FILTER (WHERE e.status OPERATOR(pg_catalog.=) 'completed')::pg_catalog.int4,
              pg_catalog.count(*) FILTER (WHERE e.status OPERATOR(pg_catalog.=) 'rejected')::pg_catalog.int4,
              pg_catalog.count(*)::pg_catalog.int4
         FROM expert_network.experts AS e
        WHERE e.campaign_id OPERATOR(pg_catalog.=) c.id
       ) AS x (experts_proposed, experts_reviewed, experts_scheduling, experts_scheduled,
               experts_completed, experts_rejected, experts_total)
 CROSS JOIN LATERAL (
       SELECT pg_catalog.count(*)::pg_catalog.int4,
              COALESCE(pg_catalog.array_agg(m.name ORDER BY m.name, m.id), '{}'::pg_catalog.text[])
         FROM expert_network.campaign_team_assignments AS a
         JOIN expert_network.team_members AS m ON m.id OPERATOR(pg_catalog.=) a.team_member_id
        WHERE a.campaign_id OPERATOR(pg_catalog.=) c.id
       ) AS t (team_size, team_members)
 CROSS JOIN LATERAL (
       SELECT pg_catalog.count(*) FILTER (WHERE n.status OPERATOR(pg_catalog.=) 'enrolled')::pg_catalog.int4,
              pg_catalog.count(*) FILTER (WHERE n.status OPERATOR(pg_catalog.=) 'pending')::pg_catalog.int4,
              COALESCE(pg_catalog.array_agg(vp.name ORDER BY vp.name)
                           FILTER (WHERE n.status OPERATOR(pg_catalog.=) 'enrolled'),
                       '{}'::pg_catalog.text[])
         FROM expert_network.campaign_vendor_enrollments AS n
         JOIN expert_network.vendor_platforms AS vp ON vp.id OPERATOR(pg_catalog.=) n.vendor_platform_id
        WHERE n.campaign_id OPERATOR(pg_catalog.=) c.id
       ) AS v (vendors_enrolled, vendors_pending, enrolled_vendors)
 CROSS JOIN LATERAL (
       SELECT COALESCE(pg_catalog.sum(o.amount_usd), 0)::pg_catalog.numeric
         FROM expert_network.campaign_costs AS o
        WHERE o.campaign_id OPERATOR(pg_catalog.=) c.id
       ) AS k (cost_total_usd)
 CROSS JOIN LATERAL (
       SELECT pg_catalog.count(ci.rating)::pg_catalog.int4,
              pg_catalog.round(pg_catalog.avg(ci.rating), 2)
         FROM expert_network.completed_interviews AS ci
        WHERE ci.campaign_id OPERATOR(pg_catalog.=) c.id
       ) AS r (rated_calls, average_rating);

COMMENT ON VIEW expert_network.campaign_dashboard IS
'One row per campaign of the current user: status, timeline, calls progress from the call counters against min/max, the experts pipeline by status, team, vendors enrolled, cost total and per completed call, average rating (security_invoker: row-level security of the caller)';
COMMENT ON COLUMN expert_network.campaign_dashboard.campaign_id IS 'The campaign (campaigns.id)';
COMMENT ON COLUMN expert_network.campaign_dashboard.user_id IS 'Owner: the BetterAuth user id';
COMMENT ON COLUMN expert_network.campaign_dashboard.project_id IS 'The campaign''s project; NULL for "Other Campaigns"';
COMMENT ON COLUMN expert_network.campaign_dashboard.project_code IS 'The project''s code; NULL without a project';
COMMENT ON COLUMN expert_network.campaign_dashboard.project_name IS 'The project''s name; NULL without a project';
COMMENT ON COLUMN expert_network.campaign_dashboard.campaign_name IS 'campaigns.campaign_name';
COMMENT ON COLUMN expert_network.campaign_dashboard.industry_vertical IS 'campaigns.industry_vertical';
COMMENT ON COLUMN expert_network.campaign_dashboard.target_regions IS 'campaigns.target_regions';
COMMENT ON COLUMN expert_network.campaign_dashboard.status IS 'Workflow status: draft, active, paused, completed, archived';
COMMENT ON COLUMN expert_network.campaign_dashboard.start_date IS 'Timeline: first day';
COMMENT ON COLUMN expert_network.campaign_dashboard.target_completion_date IS 'Timeline: target last day';
COMMENT ON COLUMN expert_network.campaign_dashboard.days_remaining IS 'Days from today (CURRENT_DATE) to target_completion_date; negative once it has passed';
COMMENT ON COLUMN expert_network.campaign_dashboard.min_calls IS 'Target: at least this many completed calls';
COMMENT ON COLUMN expert_network.campaign_dashboard.max_calls IS 'Target: at most this many completed calls';
COMMENT ON COLUMN expert_network.campaign_dashboard.completed_calls IS 'Interviews completed (the call counter)';
COMMENT ON COLUMN expert_network.campaign_dashboard.scheduled_calls IS 'Interviews pending, scheduled or confirmed (the call counter)';
COMMENT ON COLUMN expert_network.campaign_dashboard.progress_to_min IS 'completed_calls / min_calls (1 = minimum reached); NULL when min_calls is NULL or 0';
COMMENT ON COLUMN expert_network.campaign_dashboard.progress_to_max IS 'completed_calls / max_calls; NULL when max_calls is NULL or 0';
COMMENT ON COLUMN expert_network.campaign_dashboard.experts_proposed IS 'Experts in status proposed';
COMMENT ON COLUMN expert_network.campaign_dashboard.experts_reviewed IS 'Experts in status reviewed';
COMMENT ON COLUMN expert_network.campaign_dashboard.experts_scheduling IS 'Experts in status scheduling';
COMMENT ON COLUMN expert_network.campaign_dashboard.experts_scheduled IS 'Experts in status scheduled';
COMMENT ON COLUMN expert_network.campaign_dashboard.experts_completed IS 'Experts in status completed';
COMMENT ON COLUMN expert_network.campaign_dashboard.experts_rejected IS 'Experts in status rejected';
COMMENT ON COLUMN expert_network.campaign_dashboard.experts_total IS 'All the campaign''s experts';
COMMENT ON COLUMN expert_network.campaign_dashboard.team_size IS 'Team members assigned to the campaign';
COMMENT ON COLUMN expert_network.campaign_dashboard.team_members IS 'Their names, sorted; empty when none';
COMMENT ON COLUMN expert_network.campaign_dashboard.vendors_enrolled IS 'Vendors whose enrollment is enrolled';
COMMENT ON COLUMN expert_network.campaign_dashboard.vendors_pending IS 'Vendors whose enrollment is pending';
COMMENT ON COLUMN expert_network.campaign_dashboard.enrolled_vendors IS 'The enrolled vendors'' names, sorted; empty when none';
COMMENT ON COLUMN expert_network.campaign_dashboard.cost_total_usd IS 'Sum of the campaign''s costs (campaign_costs.amount_usd); 0 when none';
COMMENT ON COLUMN expert_network.campaign_dashboard.cost_per_completed_call IS 'cost_total_usd / completed_calls, rounded to cents; NULL before the first completed call';
COMMENT ON COLUMN expert_network.campaign_dashboard.rated_calls IS 'Completed interviews with a rating';
COMMENT ON COLUMN expert_network.campaign_dashboard.average_rating IS 'Average rating (0-5) of the completed interviews, two decimals; NULL when none is rated';
COMMENT ON COLUMN expert_network.campaign_dashboard.project_display_order IS 'The project''s display order (dashboard order: project, then campaign); NULL without a project';
COMMENT ON COLUMN expert_network.campaign_dashboard.display_order IS 'The campaign''s display order within its project';

CREATE VIEW expert_network.vendor_scorecard WITH (security_invoker = true) AS
SELECT s.user_id,
       s.vendor_platform_id,
       vp.name AS vendor_name,
       s.campaigns,
       s.campaigns_enrolled,
       s.experts_proposed,
       s.experts_reviewed,
       s.experts_rejected,
       pg_catalog.round(s.experts_reviewed::pg_catalog.numeric OPERATOR(pg_catalog./)
                        CASE WHEN s.experts_proposed OPERATOR(pg_catalog.>) 0 THEN s.experts_proposed END, 4)
           AS share_reviewed,
       pg_catalog.round(s.experts_rejected::pg_catalog.numeric OPERATOR(pg_catalog./)
                        CASE WHEN s.experts_proposed OPERATOR(pg_catalog.>) 0 THEN s.experts_proposed END, 4)
           AS share_rejected,
       s.calls_completed,
       pg_catalog.round(s.rating_sum OPERATOR(pg_catalog./)
                        CASE WHEN s.rating_n OPERATOR(pg_catalog.>) 0 THEN s.rating_n END, 2) AS average_rating,
       pg_catalog.round(s.relevance_sum OPERATOR(pg_catalog./)
                        CASE WHEN s.relevance_n OPERATOR(pg_catalog.>) 0 THEN s.relevance_n END, 2) AS average_relevance,
       pg_catalog.round(s.expertise_sum OPERATOR(pg_catalog./)
                        CASE WHEN s.expertise_n OPERATOR(pg_catalog.>) 0 THEN s.expertise_n END, 2) AS average_expertise,
       pg_catalog.round(s.communication_sum OPERATOR(pg_catalog./)
                        CASE WHEN s.communication_n OPERATOR(pg_catalog.>) 0 THEN s.communication_n END, 2)
           AS average_communication,
       s.cost_total_usd,
       pg_catalog.round(s.cost_total_usd OPERATOR(pg_catalog./)
                        CASE WHEN s.calls_completed OPERATOR(pg_catalog.>) 0 THEN s.calls_completed END, 2)
           AS cost_per_completed_call,
       pg_catalog.round(s.days_to_first_proposal, 1) AS days_to_first_proposal
  FROM (
       -- per vendor, from the per-campaign rows below
       SELECT g.user_id, g.vendor_platform_id,
              pg_catalog.count(g.enrollment_status)::pg_catalog.int4,
              pg_catalog.count(*) FILTER (WHERE g.enrollment_status OPERATOR(pg_catalog.=) 'enrolled')::pg_catalog.int4,
              pg_catalog.sum(g.proposed)::pg_catalog.int4,
              pg_catalog.sum(g.reviewed)::pg_catalog.int4,
              pg_catalog.sum(g.rejected)::pg_catalog.int4,
              pg_catalog.sum(g.calls)::pg_catalog.int4,
              pg_catalog.sum(g.rating_sum), pg_catalog.sum(g.rating_n),
              pg_catalog.sum(g.relevance_sum), pg_catalog.sum(g.relevance_n),
              pg_catalog.sum(g.expertise_sum), pg_catalog.sum(g.expertise_n),
              pg_catalog.sum(g.communication_sum), pg_catalog.sum(g.communication_n),
              COALESCE(pg_catalog.sum(g.cost), 0)::pg_catalog.numeric,
              pg_catalog.avg(EXTRACT(EPOCH FROM g.first_proposed_at OPERATOR(pg_catalog.-) g.enrolled_at)
                             OPERATOR(pg_catalog./) 86400)
         FROM (
              -- per campaign and vendor: its enrollment, experts, completed calls and costs
              SELECT u.user_id, u.campaign_id, u.vendor_platform_id,
                     pg_catalog.min(u.enrollment_status),
                     pg_catalog.min(u.enrolled_at),
                     pg_catalog.count(u.expert_status),
                     pg_catalog.count(*) FILTER (WHERE u.expert_status OPERATOR(pg_catalog.=)
                                                       ANY ('{reviewed,scheduling,scheduled,completed}')),
                     pg_catalog.count(*) FILTER (WHERE u.expert_status OPERATOR(pg_catalog.=) 'rejected'),
                     pg_catalog.min(u.proposed_at),
                     pg_catalog.count(u.call_id),
                     pg_catalog.sum(u.rating), pg_catalog.count(u.rating),
                     pg_catalog.sum(u.relevance), pg_catalog.count(u.relevance),
                     pg_catalog.sum(u.expertise), pg_catalog.count(u.expertise),
                     pg_catalog.sum(u.communication), pg_catalog.count(u.communication),
                     pg_catalog.sum(u.amount_usd)
                FROM (-- every column named in every branch: the definition reads back the same
                      -- after pg_dump (pg_upgrade), which would name an unnamed NULL::text "text"
                      SELECT n.user_id, n.campaign_id, n.vendor_platform_id,
                             n.status AS enrollment_status, n.enrolled_at,
                             NULL::expert_network.expert_status AS expert_status, NULL::pg_catalog.timestamptz AS proposed_at,
                             NULL::pg_catalog.uuid AS call_id, NULL::pg_catalog.numeric AS rating,
                             NULL::pg_catalog.numeric AS relevance, NULL::pg_catalog.numeric AS expertise,
                             NULL::pg_catalog.numeric AS communication, NULL::pg_catalog.numeric AS amount_usd
                        FROM expert_network.campaign_vendor_enrollments AS n
                      UNION ALL
                      SELECT e.user_id, e.campaign_id, e.vendor_platform_id,
                             NULL AS enrollment_status, NULL AS enrolled_at,
                             e.status AS expert_status, e.created_at AS proposed_at,
                             NULL AS call_id, NULL AS rating, NULL AS relevance, NULL AS expertise,
                             NULL AS communication, NULL AS amount_usd
                        FROM expert_network.experts AS e
                      UNION ALL
                      SELECT ci.user_id, ci.campaign_id, e.vendor_platform_id,
                             NULL AS enrollment_status, NULL AS enrolled_at,
                             NULL AS expert_status, NULL AS proposed_at,
                             ci.id AS call_id, ci.rating, ci.relevance_rating AS relevance,
                             ci.expertise_rating AS expertise, ci.communication_rating AS communication,
                             NULL AS amount_usd
                        FROM expert_network.completed_interviews AS ci
                        JOIN expert_network.experts AS e ON e.id OPERATOR(pg_catalog.=) ci.expert_id
                      UNION ALL
                      SELECT o.user_id, o.campaign_id, o.vendor_platform_id,
                             NULL AS enrollment_status, NULL AS enrolled_at,
                             NULL AS expert_status, NULL AS proposed_at,
                             NULL AS call_id, NULL AS rating, NULL AS relevance, NULL AS expertise,
                             NULL AS communication, o.amount_usd
                        FROM expert_network.campaign_costs AS o
                       WHERE o.vendor_platform_id IS NOT NULL
                     ) AS u (user_id, campaign_id, vendor_platform_id, enrollment_status, enrolled_at,
                             expert_status, proposed_at, call_id, rating, relevance, expertise,
                             communication, amount_usd)
               GROUP BY u.user_id, u.campaign_id, u.vendor_platform_id
              ) AS g (user_id, campaign_id, vendor_platform_id, enrollment_status, enrolled_at,
                      proposed, reviewed, rejected, first_proposed_at, calls,
                      rating_sum, rating_n, relevance_sum, relevance_n, expertise_sum, expertise_n,
                      communication_sum, communication_n, cost)
        GROUP BY g.user_id, g.vendor_platform_id
       ) AS s (user_id, vendor_platform_id, campaigns, campaigns_enrolled,
               experts_proposed, experts_reviewed, experts_rejected, calls_completed,
               rating_sum, rating_n, relevance_sum, relevance_n, expertise_sum, expertise_n,
               communication_sum, communication_n, cost_total_usd, days_to_first_proposal)
  JOIN expert_network.vendor_platforms AS vp ON vp.id OPERATOR(pg_catalog.=) s.vendor_platform_id;

COMMENT ON VIEW expert_network.vendor_scorecard IS
'One row per vendor the current user works with (an enrollment, an expert or a cost in one of the user''s campaigns): experts proposed, share reviewed and rejected, calls completed, average ratings, cost per completed call, days from enrollment to first proposal (security_invoker: row-level security of the caller)';
COMMENT ON COLUMN expert_network.vendor_scorecard.user_id IS 'Owner: the BetterAuth user id';
COMMENT ON COLUMN expert_network.vendor_scorecard.vendor_platform_id IS 'The vendor (vendor_platforms.id)';
COMMENT ON COLUMN expert_network.vendor_scorecard.vendor_name IS 'vendor_platforms.name';
COMMENT ON COLUMN expert_network.vendor_scorecard.campaigns IS 'Campaigns with an enrollment of the vendor, whatever its status';
COMMENT ON COLUMN expert_network.vendor_scorecard.campaigns_enrolled IS 'Campaigns whose enrollment of the vendor is enrolled';
COMMENT ON COLUMN expert_network.vendor_scorecard.experts_proposed IS 'Experts the vendor proposed, in any status';
COMMENT ON COLUMN expert_network.vendor_scorecard.experts_reviewed IS 'Of those, experts that passed review: reviewed, scheduling, scheduled or completed';
COMMENT ON COLUMN expert_network.vendor_scorecard.experts_rejected IS 'Of those, experts rejected';
COMMENT ON COLUMN expert_network.vendor_scorecard.share_reviewed IS 'experts_reviewed / experts_proposed, four decimals; NULL without experts';
COMMENT ON COLUMN expert_network.vendor_scorecard.share_rejected IS 'experts_rejected / experts_proposed, four decimals; NULL without experts';
COMMENT ON COLUMN expert_network.vendor_scorecard.calls_completed IS 'Completed interviews with the vendor''s experts';
COMMENT ON COLUMN expert_network.vendor_scorecard.average_rating IS 'Average overall rating (0-5) of those calls, two decimals; NULL when none is rated';
COMMENT ON COLUMN expert_network.vendor_scorecard.average_relevance IS 'Average relevance rating; NULL when none';
COMMENT ON COLUMN expert_network.vendor_scorecard.average_expertise IS 'Average expertise rating; NULL when none';
COMMENT ON COLUMN expert_network.vendor_scorecard.average_communication IS 'Average communication rating; NULL when none';
COMMENT ON COLUMN expert_network.vendor_scorecard.cost_total_usd IS 'Sum of the costs booked to the vendor (campaign_costs.amount_usd); 0 when none';
COMMENT ON COLUMN expert_network.vendor_scorecard.cost_per_completed_call IS 'cost_total_usd / calls_completed, rounded to cents; NULL before the first completed call';
COMMENT ON COLUMN expert_network.vendor_scorecard.days_to_first_proposal IS 'Average over the vendor''s enrollments with an enrolled_at of the days from enrolled_at to the vendor''s first expert in that campaign, one decimal; NULL when there is none';

CREATE VIEW expert_network.team_workload WITH (security_invoker = true) AS
SELECT m.id AS team_member_id,
       m.user_id,
       m.name,
       m.designation,
       m.email,
       a.campaigns,
       a.active_campaigns,
       i.scheduled_calls,
       i.completed_calls,
       i.scheduled_minutes,
       i.completed_minutes,
       i.next_call_date
  FROM expert_network.team_members AS m
 CROSS JOIN LATERAL (
       SELECT pg_catalog.count(*)::pg_catalog.int4,
              pg_catalog.count(*) FILTER (WHERE c.status OPERATOR(pg_catalog.=) 'active')::pg_catalog.int4
         FROM expert_network.campaign_team_assignments AS ca
         JOIN expert_network.campaigns AS c ON c.id OPERATOR(pg_catalog.=) ca.campaign_id
        WHERE ca.team_member_id OPERATOR(pg_catalog.=) m.id
       ) AS a (campaigns, active_campaigns)
 CROSS JOIN LATERAL (
       SELECT pg_catalog.count(*) FILTER (WHERE iv.status OPERATOR(pg_catalog.=)
                                                ANY ('{pending,scheduled,confirmed}'))::pg_catalog.int4,
              pg_catalog.count(*) FILTER (WHERE iv.status OPERATOR(pg_catalog.=) 'completed')::pg_catalog.int4,
              COALESCE(pg_catalog.sum(iv.duration_minutes)
                           FILTER (WHERE iv.status OPERATOR(pg_catalog.=)
                                         ANY ('{pending,scheduled,confirmed}')), 0)::pg_catalog.int4,
              COALESCE(pg_catalog.sum(iv.duration_minutes)
                           FILTER (WHERE iv.status OPERATOR(pg_catalog.=) 'completed'), 0)::pg_catalog.int4,
              pg_catalog.min(iv.scheduled_date)
                  FILTER (WHERE iv.status OPERATOR(pg_catalog.=) ANY ('{pending,scheduled,confirmed}'))
         FROM expert_network.interview_team_assignments AS ia
         JOIN expert_network.interviews AS iv ON iv.id OPERATOR(pg_catalog.=) ia.interview_id
        WHERE ia.team_member_id OPERATOR(pg_catalog.=) m.id
       ) AS i (scheduled_calls, completed_calls, scheduled_minutes, completed_minutes, next_call_date);

COMMENT ON VIEW expert_network.team_workload IS
'One row per team member of the current user: campaigns assigned (active ones), calls assigned that are still to happen and done, their minutes, the next call''s date (security_invoker: row-level security of the caller)';
COMMENT ON COLUMN expert_network.team_workload.team_member_id IS 'The team member (team_members.id)';
COMMENT ON COLUMN expert_network.team_workload.user_id IS 'Owner: the BetterAuth user id';
COMMENT ON COLUMN expert_network.team_workload.name IS 'team_members.name';
COMMENT ON COLUMN expert_network.team_workload.designation IS 'team_members.designation';
COMMENT ON COLUMN expert_network.team_workload.email IS 'team_members.email';
COMMENT ON COLUMN expert_network.team_workload.campaigns IS 'Campaigns the member is assigned to';
COMMENT ON COLUMN expert_network.team_workload.active_campaigns IS 'Of those, campaigns in status active';
COMMENT ON COLUMN expert_network.team_workload.scheduled_calls IS 'Interviews assigned to the member that are pending, scheduled or confirmed';
COMMENT ON COLUMN expert_network.team_workload.completed_calls IS 'Interviews assigned to the member that are completed';
COMMENT ON COLUMN expert_network.team_workload.scheduled_minutes IS 'Minutes of the scheduled calls (duration_minutes); 0 when none';
COMMENT ON COLUMN expert_network.team_workload.completed_minutes IS 'Minutes of the completed calls; 0 when none';
COMMENT ON COLUMN expert_network.team_workload.next_call_date IS 'The earliest scheduled_date of the scheduled calls; NULL when none';

-- what the role that installed the extension gets on every relation
GRANT SELECT, INSERT, UPDATE, DELETE
    ON TABLE expert_network.campaign_dashboard, expert_network.vendor_scorecard, expert_network.team_workload
    TO @extowner@ WITH GRANT OPTION;

/* --------------------------------------------------------------- end issue 17 */

/* ------------------------------------------------------------------------
 * One person, one calendar (0.13.0; issue 15): the person behind each
 * expert row, duplicates across networks, one booking per person per
 * campaign, call caps, and no overlapping calls for a person or a team
 * member
 *
 * experts.person_key is generated from the strongest contact detail of the
 * row (person_key(), src/persons.c): the profile URL, else the e-mail, else
 * the name and current company, normalized.  interviews.starts_at and
 * ends_at are the call's absolute start and end, from its date, time,
 * duration and time zone (PostgreSQL's AT TIME ZONE).  booking_gate (C,
 * src/calendar.c), an AFTER statement trigger on interviews, their team
 * assignments and experts, refuses a second expert row of one person in a
 * campaign (QC004), a call beyond the user's call cap (QC005) and
 * overlapping live calls of one person (QC006) or one team member (QC007),
 * under advisory locks per person and team member.
 * ------------------------------------------------------------------------ */

CREATE FUNCTION expert_network.person_key(profile_url pg_catalog.text, email pg_catalog.text,
                                          name pg_catalog.text, company pg_catalog.text)
RETURNS pg_catalog.text
LANGUAGE c IMMUTABLE PARALLEL SAFE
AS 'MODULE_PATHNAME', 'expert_network_person_key';

COMMENT ON FUNCTION expert_network.person_key(pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text) IS
'A person''s identity key from the strongest detail given: "url:" and the normalized profile URL, else "email:" and the normalized address, else "name:" and the name''s and company''s keys (company_key); NULL without any';

CREATE FUNCTION expert_network.interview_starts_at(scheduled_date pg_catalog.date, scheduled_time pg_catalog.time,
                                                   timezone pg_catalog.text)
RETURNS pg_catalog.timestamptz
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'expert_network_interview_starts_at';

COMMENT ON FUNCTION expert_network.interview_starts_at(pg_catalog.date, pg_catalog.time, pg_catalog.text) IS
'The absolute start of a call at a local date and time in a time zone: (date + time) AT TIME ZONE timezone, daylight-saving changes as PostgreSQL resolves them; an unknown zone fails with 22023';

CREATE FUNCTION expert_network.interview_ends_at(scheduled_date pg_catalog.date, scheduled_time pg_catalog.time,
                                                 duration_minutes pg_catalog.int4, timezone pg_catalog.text)
RETURNS pg_catalog.timestamptz
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'expert_network_interview_ends_at';

COMMENT ON FUNCTION expert_network.interview_ends_at(pg_catalog.date, pg_catalog.time, pg_catalog.int4, pg_catalog.text) IS
'The absolute end of a call: its start plus duration_minutes of elapsed time';

ALTER TABLE expert_network.experts
    ADD COLUMN profile_url text,
    ADD COLUMN email text,
    ADD COLUMN person_key text
        GENERATED ALWAYS AS (expert_network.person_key(profile_url, email, name, company)) STORED;

COMMENT ON COLUMN expert_network.experts.profile_url IS 'The person''s profile URL (e.g. LinkedIn), the strongest identity key';
COMMENT ON COLUMN expert_network.experts.email IS 'The person''s e-mail address, the identity key when there is no profile URL';
COMMENT ON COLUMN expert_network.experts.person_key IS 'The person behind the row (generated by person_key()): rows of one user with the same key are the same person';

CREATE INDEX idx_experts_person ON expert_network.experts (user_id, person_key);

ALTER TABLE expert_network.interviews
    ADD COLUMN starts_at timestamptz
        GENERATED ALWAYS AS (expert_network.interview_starts_at(scheduled_date, scheduled_time, timezone)) STORED,
    ADD COLUMN ends_at timestamptz
        GENERATED ALWAYS AS (expert_network.interview_ends_at(scheduled_date, scheduled_time, duration_minutes, timezone)) STORED;

COMMENT ON COLUMN expert_network.interviews.starts_at IS 'The call''s absolute start: scheduled_date and scheduled_time in timezone (generated)';
COMMENT ON COLUMN expert_network.interviews.ends_at IS 'The call''s absolute end: starts_at plus duration_minutes (generated)';

CREATE TABLE expert_network.call_caps (
    user_id     text        NOT NULL DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default"),
    max_calls   integer     NOT NULL,
    call_window interval    NOT NULL DEFAULT '12 mons',
    updated_at  timestamptz NOT NULL DEFAULT pg_catalog.now(),
    CONSTRAINT call_caps_pkey PRIMARY KEY (user_id),
    CONSTRAINT call_caps_max_calls_check
        CHECK (max_calls OPERATOR(pg_catalog.>=) 1 AND max_calls OPERATOR(pg_catalog.<=) 10000),
    CONSTRAINT call_caps_call_window_check
        CHECK (call_window OPERATOR(pg_catalog.>) '00:00:00'::pg_catalog.interval
           AND call_window OPERATOR(pg_catalog.<=) '10 years'::pg_catalog.interval)
);

COMMENT ON TABLE expert_network.call_caps IS 'The user''s call cap: at most max_calls live or completed calls with one person in any call_window, across campaigns and vendors; without a row, no cap';
COMMENT ON COLUMN expert_network.call_caps.user_id IS 'Owner: the BetterAuth user id';
COMMENT ON COLUMN expert_network.call_caps.max_calls IS 'Calls allowed with one person in a window';
COMMENT ON COLUMN expert_network.call_caps.call_window IS 'The rolling window (default 12 months)';

CREATE VIEW expert_network.expert_duplicates WITH (security_invoker = true) AS
    SELECT x.user_id, x.person_key,
           pg_catalog.count(*) AS expert_rows,
           pg_catalog.array_agg(x.id ORDER BY x.created_at, x.id) AS expert_ids,
           pg_catalog.array_agg(DISTINCT v.name) AS vendors,
           pg_catalog.array_agg(DISTINCT x.campaign_id) AS campaign_ids,
           (pg_catalog.array_agg(x.id ORDER BY x.created_at, x.id))[1] AS first_expert_id,
           (pg_catalog.array_agg(v.id ORDER BY x.created_at, x.id))[1] AS first_vendor_id,
           (pg_catalog.array_agg(v.name ORDER BY x.created_at, x.id))[1] AS first_vendor,
           pg_catalog.min(x.created_at) AS first_proposed_at
      FROM expert_network.experts AS x
      JOIN expert_network.vendor_platforms AS v ON v.id OPERATOR(pg_catalog.=) x.vendor_platform_id
     WHERE x.person_key IS NOT NULL
     GROUP BY x.user_id, x.person_key
    HAVING pg_catalog.count(*) OPERATOR(pg_catalog.>) 1;

COMMENT ON VIEW expert_network.expert_duplicates IS
'Every group of expert rows of one user that are the same person (one person_key), across vendors and campaigns, with the row and vendor that proposed the person first (created_at, then id); security invoker: row-level security applies';

CREATE FUNCTION expert_network.booking_gate()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_booking_gate';

COMMENT ON FUNCTION expert_network.booking_gate() IS
'AFTER statement trigger on interviews, interview_team_assignments and experts (UPDATE): refuses a second expert row of one person in a campaign (QC004), calls beyond the call cap (QC005), and overlapping live calls of one person (QC006) or team member (QC007)';

-- (the names sort after compliance_gate: a compliance refusal is reported first)
CREATE TRIGGER double_booking_insert AFTER INSERT ON expert_network.interviews
    REFERENCING NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.booking_gate();
CREATE TRIGGER double_booking_update AFTER UPDATE ON expert_network.interviews
    REFERENCING OLD TABLE AS en_old NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.booking_gate();
CREATE TRIGGER double_booking_insert AFTER INSERT ON expert_network.interview_team_assignments
    REFERENCING NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.booking_gate();
CREATE TRIGGER double_booking_update AFTER UPDATE ON expert_network.interview_team_assignments
    REFERENCING OLD TABLE AS en_old NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.booking_gate();
CREATE TRIGGER double_booking_update AFTER UPDATE ON expert_network.experts
    REFERENCING OLD TABLE AS en_old NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.booking_gate();

CREATE TRIGGER set_updated_at BEFORE UPDATE ON expert_network.call_caps
    FOR EACH ROW EXECUTE FUNCTION expert_network.set_updated_at();
ALTER TABLE expert_network.call_caps ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.call_caps
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.call_caps
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.call_caps
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();

SELECT pg_catalog.pg_extension_config_dump('expert_network.call_caps', '');

REVOKE ALL ON FUNCTION expert_network.person_key(pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.interview_starts_at(pg_catalog.date, pg_catalog.time, pg_catalog.text) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.interview_ends_at(pg_catalog.date, pg_catalog.time, pg_catalog.int4, pg_catalog.text) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.booking_gate() FROM PUBLIC;

GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE expert_network.call_caps, expert_network.expert_duplicates
    TO @extowner@ WITH GRANT OPTION;
GRANT EXECUTE ON FUNCTION
    expert_network.person_key(pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text),
    expert_network.interview_starts_at(pg_catalog.date, pg_catalog.time, pg_catalog.text),
    expert_network.interview_ends_at(pg_catalog.date, pg_catalog.time, pg_catalog.int4, pg_catalog.text),
    expert_network.booking_gate()
    TO @extowner@ WITH GRANT OPTION;

/* ---------------------------------------------------------------- end 0.13.0, issue 15 */

/* ------------------------------------------------------------------------
 * A schema ORMs read (0.15.0; issue 17).  Introspection tools turn column
 * defaults into code.  drizzle-kit pull writes a default it does not
 * recognise as it is, so that expert_network.current_user_id() and
 * CURRENT_USER became TypeScript that does not compile, unless the default
 * is an expression in parentheses, which it writes as sql`...`.  So the
 * defaults of user_id, approved_by and decided_by are written
 * (... COLLATE pg_catalog."default"): the same value (the columns' own
 * collation), an expression the catalog keeps in parentheses, and a column
 * an insert may leave out in the ORM's types as in SQL.  '{}' comes out as
 * a one-element array whatever it is written as, so the array columns have
 * no default: fill_empty_arrays, a BEFORE INSERT row trigger, gives them
 * the empty array.  The statuses are enum types (above).
 * ------------------------------------------------------------------------ */

CREATE FUNCTION expert_network.fill_empty_arrays()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_fill_empty_arrays';

COMMENT ON FUNCTION expert_network.fill_empty_arrays() IS
'BEFORE INSERT row trigger: the empty array for each array column named by the trigger''s arguments that the row leaves NULL';

CREATE TRIGGER a_fill_empty_arrays BEFORE INSERT ON expert_network.campaigns
    FOR EACH ROW EXECUTE FUNCTION expert_network.fill_empty_arrays('target_regions');
CREATE TRIGGER a_fill_empty_arrays BEFORE INSERT ON expert_network.vendor_platforms
    FOR EACH ROW EXECUTE FUNCTION expert_network.fill_empty_arrays('tags');
CREATE TRIGGER a_fill_empty_arrays BEFORE INSERT ON expert_network.experts
    FOR EACH ROW EXECUTE FUNCTION expert_network.fill_empty_arrays('skills');
CREATE TRIGGER a_fill_empty_arrays BEFORE INSERT ON expert_network.user_ui_preferences
    FOR EACH ROW EXECUTE FUNCTION expert_network.fill_empty_arrays('expanded_projects');
CREATE TRIGGER a_fill_empty_arrays BEFORE INSERT ON expert_network.restricted_companies
    FOR EACH ROW EXECUTE FUNCTION expert_network.fill_empty_arrays('aliases');

REVOKE ALL ON FUNCTION expert_network.fill_empty_arrays() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION expert_network.fill_empty_arrays() TO @extowner@ WITH GRANT OPTION;

/* ---------------------------------------------------------------- end 0.15.0, issue 17 */
