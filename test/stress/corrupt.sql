-- test/stress/corrupt.sql — rows broken on purpose, one way per check of
-- invariants.sql, to show that each check can fail.  test/t/stress.sh runs
-- one corruption at a time (psql -v corruption=NAME), then the checks, in a
-- transaction it rolls back.  Triggers are off (session_replication_role =
-- replica), as only a superuser can make them: what the extension prevents
-- cannot be written otherwise.
SET session_replication_role = replica;
SELECT :'corruption' = 'counter' AS counter, :'corruption' = 'bad_edge' AS bad_edge,
       :'corruption' = 'broken_chain' AS broken_chain, :'corruption' = 'unrecorded' AS unrecorded,
       :'corruption' = 'owner' AS owner, :'corruption' = 'history_owner' AS history_owner,
       :'corruption' = 'no_record' AS no_record, :'corruption' = 'rejected_live' AS rejected_live,
       :'corruption' = 'cycle' AS cycle, :'corruption' = 'too_deep' AS too_deep,
       :'corruption' = 'other_campaign' AS other_campaign, :'corruption' = 'orphan' AS orphan,
       :'corruption' = 'overlap' AS overlap \gset

\if :counter
-- a counter one off
UPDATE expert_network.campaigns SET scheduled_calls = scheduled_calls + 1
 WHERE id = 'c0000000-0000-4000-8000-000000000001';
\elif :bad_edge
-- a cancelled interview back to pending and cancelled again: the chain and
-- the current status agree, one step is no edge of the graph
INSERT INTO expert_network.status_history (user_id, entity, row_id, from_status, to_status, changed_at)
SELECT i.user_id, 'interview', i.id, s.from_status, s.to_status, pg_catalog.clock_timestamp() + s.later
  FROM (SELECT * FROM expert_network.interviews WHERE status = 'cancelled' LIMIT 1) AS i,
       (VALUES ('cancelled', 'pending', interval '1 hour'), ('pending', 'cancelled', interval '2 hours'))
         AS s(from_status, to_status, later);
\elif :broken_chain
-- a step in the middle of a row's history lost
DELETE FROM expert_network.status_history
 WHERE id = (SELECT id FROM (SELECT id, pg_catalog.row_number() OVER w AS n, pg_catalog.count(*) OVER w2 AS len
                               FROM expert_network.status_history
                             WINDOW w AS (PARTITION BY row_id ORDER BY changed_at, id),
                                    w2 AS (PARTITION BY row_id)) AS s
              WHERE n = 2 AND len >= 3 LIMIT 1);
\elif :unrecorded
-- a status changed without its history row
UPDATE expert_network.interviews SET status = 'cancelled'
 WHERE id = (SELECT id FROM expert_network.interviews WHERE status = 'pending' LIMIT 1);
\elif :overlap
-- a second live call of an expert at the time of one it has
INSERT INTO expert_network.interviews (user_id, campaign_id, expert_id, scheduled_date, scheduled_time,
                                       duration_minutes, timezone, status)
SELECT user_id, campaign_id, expert_id, scheduled_date, scheduled_time, duration_minutes, timezone, 'pending'
  FROM expert_network.interviews WHERE status IN ('pending', 'scheduled', 'confirmed') LIMIT 1;
\elif :owner
-- an interview of the first user's campaign owned by the second user
UPDATE expert_network.interviews SET user_id = 'stress2'
 WHERE id = (SELECT id FROM expert_network.interviews
              WHERE campaign_id = 'c0000000-0000-4000-8000-000000000001' LIMIT 1);
\elif :history_owner
-- a history row owned by another user than its row
UPDATE expert_network.status_history SET user_id = 'stress2'
 WHERE id = (SELECT id FROM expert_network.status_history WHERE user_id = 'stress1' LIMIT 1);
\elif :no_record
-- a completed interview without its record
DELETE FROM expert_network.completed_interviews
 WHERE id = (SELECT id FROM expert_network.completed_interviews LIMIT 1);
\elif :rejected_live
-- an expert with a live interview rejected (its history row written too)
WITH e AS (UPDATE expert_network.experts SET status = 'rejected'
            WHERE id = (SELECT expert_id FROM expert_network.interviews
                         WHERE status IN ('pending', 'scheduled', 'confirmed')
                           AND expert_id IN (SELECT id FROM expert_network.experts WHERE status = 'scheduled')
                         LIMIT 1)
           RETURNING id, user_id)
INSERT INTO expert_network.status_history (user_id, entity, row_id, from_status, to_status, changed_at)
SELECT user_id, 'expert', id, 'scheduled', 'rejected', pg_catalog.clock_timestamp() + interval '1 hour' FROM e;
\elif :cycle
-- two questions of a campaign each the other's parent
WITH pair AS (SELECT pg_catalog.array_agg(id) AS q
                FROM (SELECT id FROM expert_network.screening_questions
                       WHERE campaign_id = 'c0000000-0000-4000-8000-000000000001' LIMIT 2) AS s)
UPDATE expert_network.screening_questions AS q
   SET parent_question_id = CASE WHEN q.id = pair.q[1] THEN pair.q[2] ELSE pair.q[1] END
  FROM pair WHERE q.id = ANY (pair.q);
\elif :too_deep
-- a chain of questions one level deeper than the cap allows
INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text, user_id)
SELECT pg_catalog.md5('deep' || g)::uuid, 'c0000000-0000-4000-8000-000000000001',
       CASE WHEN g > 0 THEN pg_catalog.md5('deep' || (g - 1))::uuid END, 'Level ' || g, 'stress1'
  FROM pg_catalog.generate_series(0, :max_depth) AS g;
\elif :other_campaign
-- a question under a question of another campaign of the same user
UPDATE expert_network.screening_questions
   SET parent_question_id = (SELECT id FROM expert_network.screening_questions
                              WHERE campaign_id = 'c0000000-0000-4000-8000-000000000002' LIMIT 1)
 WHERE id = (SELECT id FROM expert_network.screening_questions
              WHERE campaign_id = 'c0000000-0000-4000-8000-000000000001' LIMIT 1);
\elif :orphan
-- an expert gone, its interviews left behind
DELETE FROM expert_network.experts
 WHERE id = (SELECT expert_id FROM expert_network.interviews LIMIT 1);
\else
\warn 'unknown corruption' :corruption
\quit
\endif
SET session_replication_role = origin;
