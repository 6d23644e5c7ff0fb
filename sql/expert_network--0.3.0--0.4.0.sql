/*
 * sql/expert_network--0.3.0--0.4.0.sql — workflow state machines with history.
 *
 * Creates status_history and seeds it with every existing row's current
 * status, then the workflow triggers (transitions, stamps, cross-entity
 * rules, lifecycle), the graphs as data and the interview API.  Existing
 * rows are not re-checked: INSERT-time rules apply to new rows.
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION expert_network UPDATE TO '0.4.0'" to load this file. \quit

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
