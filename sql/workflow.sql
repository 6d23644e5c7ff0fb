-- workflow: status state machines with stamps, cross-entity rules, the
-- interview lifecycle, the API and the history (0.4.0)
\set VERBOSITY terse
-- earlier tests' rows left history behind
DELETE FROM expert_network.status_history;
SET expert_network.user_id = 'user_1';

-- the graphs, as data
SELECT entity, string_agg(from_status || ' -> ' || to_status, ', ') AS edges
FROM expert_network.workflow_transitions GROUP BY entity ORDER BY entity;
SELECT * FROM expert_network.allowed_transitions('expert', 'reviewed');
SELECT * FROM expert_network.allowed_transitions('interview', 'completed');
SELECT * FROM expert_network.allowed_transitions('invoice', 'paid');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM expert_network.allowed_transitions('expert', 'interviewed');
\echo :LAST_ERROR_SQLSTATE

INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date, target_completion_date)
VALUES ('20000000-0000-4000-8000-000000000001', 'North America', 'Industrials', '2026-01-05', '2026-02-27');
INSERT INTO expert_network.campaign_vendor_enrollments (id, campaign_id, vendor_platform_id, status)
VALUES ('a0000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'pending');

-- campaign: draft -> active; a skipped or backward step is refused
UPDATE expert_network.campaigns SET status = 'paused';
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.campaigns SET status = 'active';

-- experts come only from enrolled vendors
INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title)
VALUES ('20000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'Dana Example', 'VP Operations');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title)
VALUES ('20000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'Dana Example', 'VP Operations');
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.campaign_vendor_enrollments SET status = 'enrolled' RETURNING status, enrolled_at = now() AS stamped;
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title)
VALUES ('30000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'Dana Example', 'VP Operations'),
       ('30000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'Lee Example', 'Plant Manager');

-- expert: proposed -> completed is not a step; interviews need a reviewed expert
UPDATE expert_network.experts SET status = 'completed' WHERE name = 'Dana Example';
\echo :LAST_ERROR_SQLSTATE
SELECT expert_network.schedule_interview('30000000-0000-4000-8000-000000000001', '2026-01-12', '15:00');
\echo :LAST_ERROR_SQLSTATE
-- leaving proposed stamps reviewed_at once and clears is_new
UPDATE expert_network.experts SET status = 'reviewed' WHERE name = 'Dana Example'
RETURNING status, is_new, reviewed_at = now() AS stamped;

-- the lifecycle, through the API
SELECT expert_network.schedule_interview('30000000-0000-4000-8000-000000000001', '2026-01-12', '15:00', 45, 'America/New_York') AS interview_id \gset
SELECT status, duration_minutes, timezone FROM expert_network.interviews WHERE id = :'interview_id';
SELECT name, status FROM expert_network.experts ORDER BY name;
SELECT scheduled_calls, completed_calls FROM expert_network.campaigns;
SELECT expert_network.schedule_interview('30000000-0000-4000-8000-000000000001', '2026-01-12', '15:00', 45, 'Mars/Olympus_Mons');
\echo :LAST_ERROR_SQLSTATE
SELECT expert_network.schedule_interview('30000000-0000-4000-8000-0000000000ff', '2026-01-12', '15:00');
\echo :LAST_ERROR_SQLSTATE
SELECT expert_network.schedule_interview(NULL, '2026-01-12', '15:00');
\echo :LAST_ERROR_SQLSTATE
SELECT expert_network.complete_interview(:'interview_id', 'Strong on switching costs', 'https://example.com/t/1') IS NOT NULL AS completed;
SELECT status, completed_at IS NOT NULL AS stamped FROM expert_network.interviews WHERE id = :'interview_id';
SELECT interview_date, interview_time, duration, notes, transcript_available FROM expert_network.completed_interviews;
SELECT name, status FROM expert_network.experts ORDER BY name;
SELECT scheduled_calls, completed_calls FROM expert_network.campaigns;
SELECT expert_network.complete_interview(:'interview_id');
\echo :LAST_ERROR_SQLSTATE
SELECT expert_network.cancel_interview(:'interview_id');
\echo :LAST_ERROR_SQLSTATE
SELECT expert_network.rate_interview(:'interview_id', 4.5, 5, 4, 4.5, 'Would call again');
SELECT rating, relevance_rating, expertise_rating, communication_rating, review_text, rated_at IS NOT NULL AS stamped
FROM expert_network.completed_interviews;
SELECT expert_network.rate_interview(:'interview_id', 6);
\echo :LAST_ERROR_SQLSTATE

-- new live interviews schedule the expert; cancelling the last one sends it
-- back to scheduling; a plain UPDATE to completed gets exactly one record
UPDATE expert_network.experts SET status = 'reviewed' WHERE name = 'Lee Example';
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
VALUES ('40000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000001',
        '30000000-0000-4000-8000-000000000002', '2026-01-13', '09:30', 'confirmed'),
       ('40000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000001',
        '30000000-0000-4000-8000-000000000002', '2026-01-14', '09:30', 'pending');
SELECT name, status FROM expert_network.experts WHERE name = 'Lee Example';
-- only completed interviews are rated
SELECT expert_network.rate_interview('40000000-0000-4000-8000-000000000002', 4.5);
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.interviews SET status = 'cancelled' WHERE id = '40000000-0000-4000-8000-000000000003'
RETURNING status, cancelled_at = now() AS stamped;
SELECT name, status FROM expert_network.experts WHERE name = 'Lee Example';
SELECT expert_network.cancel_interview('40000000-0000-4000-8000-000000000002');
SELECT name, status FROM expert_network.experts WHERE name = 'Lee Example';
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
VALUES ('40000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000001',
        '30000000-0000-4000-8000-000000000002', '2026-01-15', '11:00');
SELECT name, status FROM expert_network.experts WHERE name = 'Lee Example';
UPDATE expert_network.interviews SET status = 'completed' WHERE id = '40000000-0000-4000-8000-000000000004';
UPDATE expert_network.interviews SET color_tag = 'green' WHERE id = '40000000-0000-4000-8000-000000000004';
SELECT interview_time, duration FROM expert_network.completed_interviews
WHERE interview_id = '40000000-0000-4000-8000-000000000004';
SELECT name, status FROM expert_network.experts WHERE name = 'Lee Example';
UPDATE expert_network.experts SET status = 'reviewed' WHERE name = 'Lee Example';
\echo :LAST_ERROR_SQLSTATE
SELECT scheduled_calls, completed_calls FROM expert_network.campaigns;

-- an interview is in its expert's campaign
INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date, target_completion_date)
VALUES ('20000000-0000-4000-8000-000000000002', 'Europe', 'Distribution', '2026-01-05', '2026-02-27');
INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time)
VALUES ('20000000-0000-4000-8000-000000000002', '30000000-0000-4000-8000-000000000001', '2026-01-20', '10:00');
\echo :LAST_ERROR_SQLSTATE
-- nothing new in an archived campaign
UPDATE expert_network.campaigns SET status = 'archived' WHERE campaign_name = 'Europe';
INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title)
VALUES ('20000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'Late Expert', 'CFO');
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.campaigns SET status = 'active' WHERE campaign_name = 'Europe';
\echo :LAST_ERROR_SQLSTATE

-- enrollments and research
UPDATE expert_network.campaign_vendor_enrollments SET status = 'pending';
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.chat_sessions (id, title) VALUES ('50000000-0000-4000-8000-000000000001', 'Sizing');
INSERT INTO expert_network.research_activities (id, chat_session_id, activity_name)
VALUES ('82000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000001', 'Size the market');
UPDATE expert_network.research_activities SET status = 'completed';
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.research_activities SET status = 'processing';
UPDATE expert_network.research_activities SET status = 'completed' RETURNING status, completed_at = now() AS stamped;
INSERT INTO expert_network.research_sources (id, chat_session_id, source_name, source_type, status)
VALUES ('83000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000001', 'Annual report', 'Document', 'scraped');
UPDATE expert_network.research_sources SET status = 'processing';
\echo :LAST_ERROR_SQLSTATE

-- refusals carry the table, and the deciding column where there is one, in
-- the error fields a client maps (PG_DIAG_TABLE_NAME, PG_DIAG_COLUMN_NAME)
CREATE FUNCTION pg_temp.fields_of(statement text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    state text; message text; tab text; col text;
BEGIN
    EXECUTE statement;
    RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT,
                            tab = TABLE_NAME, col = COLUMN_NAME;
    RETURN concat_ws(' | ', state, tab, col, message);
END $$;
SELECT pg_temp.fields_of($$UPDATE expert_network.experts SET status = 'proposed'
                           WHERE id = '30000000-0000-4000-8000-000000000001'$$);
SELECT pg_temp.fields_of($$UPDATE expert_network.campaign_vendor_enrollments SET status = 'pending'$$);
SELECT pg_temp.fields_of($$INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title)
                           SELECT '20000000-0000-4000-8000-000000000001', id, 'Outside Expert', 'COO'
                           FROM expert_network.vendor_platforms WHERE name = 'Third Bridge'$$);
-- (the new expert's id is random)
SELECT regexp_replace(pg_temp.fields_of($$WITH e AS (
                             INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title)
                             VALUES ('20000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'New Expert', 'CTO')
                             RETURNING id, campaign_id)
                           INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time)
                           SELECT campaign_id, id, '2026-01-21', '10:00' FROM e$$),
                      'expert \S+ is', 'expert <new> is') AS fields_of;

-- the history: every initial status and every change, in order
SELECT entity, from_status, to_status
FROM expert_network.status_history
WHERE row_id IN ('20000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000001',
                 '30000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000001',
                 '40000000-0000-4000-8000-000000000002', '40000000-0000-4000-8000-000000000004',
                 '82000000-0000-4000-8000-000000000001')
   OR row_id = :'interview_id'
ORDER BY entity, changed_at, row_id;
-- a statement that changes nothing's status writes no history
SELECT count(*) AS before FROM expert_network.status_history \gset
UPDATE expert_network.experts SET title = title;
SELECT count(*) - :before AS new_rows FROM expert_network.status_history;

-- leave the database as the next test expects it
RESET expert_network.user_id;
DELETE FROM expert_network.campaigns;
DELETE FROM expert_network.chat_sessions;
DELETE FROM expert_network.status_history;
