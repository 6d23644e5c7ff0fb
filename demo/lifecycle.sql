/*
 * demo/lifecycle.sql — one expert through the whole workflow, as the
 * application would drive it: plain UPDATEs for the review, the API for the
 * interview.  The database checks every step and keeps the rest in line:
 * stamps, the expert's status, the completed-interview record, the call
 * counters and the history.
 */
\set QUIET on
\set ON_ERROR_STOP on
\pset footer off
\pset linestyle unicode
\pset border 2
\pset pager off

SET expert_network.user_id = 'user_demo_1';
\set expert '50000000-0000-4000-8000-000000000010'
\set state 'SELECT e.name, e.status, e.is_new, (e.reviewed_at IS NOT NULL) AS reviewed, c.scheduled_calls || '' scheduled, '' || c.completed_calls || '' completed'' AS campaign_calls FROM expert_network.experts e JOIN expert_network.campaigns c ON c.id = e.campaign_id WHERE e.id = :''expert'''

\echo
\echo '── Lifecycle: one expert, proposal to rated call'
\echo 'The next steps the UI can offer a proposed expert:'
SELECT string_agg(s, ', ') AS "allowed next" FROM expert_network.allowed_transitions('expert', 'proposed') AS s;
:state;

\echo 'Jumping straight to completed is refused:'
\set ON_ERROR_STOP off
UPDATE expert_network.experts SET status = 'completed' WHERE id = :'expert';
\set ON_ERROR_STOP on

\echo 'Reviewed (stamps reviewed_at, clears is_new):'
UPDATE expert_network.experts SET status = 'reviewed' WHERE id = :'expert';
:state;

\echo 'schedule_interview(): the expert moves to scheduled, the campaign counts the call'
SELECT expert_network.schedule_interview(:'expert', '2024-10-04', '16:00', 45, 'Europe/Amsterdam') AS interview \gset
:state;

\echo 'complete_interview() and rate_interview(): the expert is completed, the record exists'
SELECT expert_network.complete_interview(:'interview', 'Confirms distributor rebates are the main switching cost.') AS record \gset
SELECT expert_network.rate_interview(:'interview', 4.5, 5, 4, 4.5, 'Clear and specific.') \gset
:state;
SELECT interview_date, interview_time, duration, rating, notes
  FROM expert_network.completed_interviews WHERE id = :'record';

\echo 'The history the database kept:'
SELECT h.entity, coalesce(h.from_status, '(new)') AS "from", h.to_status AS "to"
  FROM expert_network.status_history h
 WHERE h.row_id IN (:'expert', :'interview')
 ORDER BY h.changed_at, h.id;
