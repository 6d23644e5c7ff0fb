-- test/stress/invariants.sql — what the extension keeps in step, checked
-- after concurrent traffic (test/t/stress.sh) and after a crash
-- (test/perl/001_crash.pl).  One line per check, "name|count of offending
-- rows": every count must be 0.  Run as a superuser (row-level security
-- would hide rows), with psql -X -qAt -v max_depth=N, N the
-- expert_network.max_question_depth the traffic ran with.  Each check is
-- plain SQL, independent of the C code it checks; stress.sh shows that each
-- one fails on rows broken on purpose (corrupt.sql).

-- every row's owner is the owner of each row it references
\ir ../owners.sql

-- no row references a row that is gone (the foreign keys of the tables the
-- traffic writes)
SELECT 'references: orphans', pg_catalog.count(*)
  FROM (SELECT c.id FROM expert_network.campaign_vendor_enrollments AS c
         WHERE NOT EXISTS (SELECT FROM expert_network.campaigns AS p WHERE p.id = c.campaign_id)
        UNION ALL
        SELECT c.id FROM expert_network.experts AS c
         WHERE NOT EXISTS (SELECT FROM expert_network.campaigns AS p WHERE p.id = c.campaign_id)
            OR NOT EXISTS (SELECT FROM expert_network.vendor_platforms AS p WHERE p.id = c.vendor_platform_id)
        UNION ALL
        SELECT c.id FROM expert_network.interviews AS c
         WHERE NOT EXISTS (SELECT FROM expert_network.campaigns AS p WHERE p.id = c.campaign_id)
            OR NOT EXISTS (SELECT FROM expert_network.experts AS p WHERE p.id = c.expert_id)
        UNION ALL
        SELECT c.id FROM expert_network.completed_interviews AS c
         WHERE NOT EXISTS (SELECT FROM expert_network.interviews AS p WHERE p.id = c.interview_id)
            OR NOT EXISTS (SELECT FROM expert_network.experts AS p WHERE p.id = c.expert_id)
            OR NOT EXISTS (SELECT FROM expert_network.campaigns AS p WHERE p.id = c.campaign_id)
        UNION ALL
        SELECT c.id FROM expert_network.screening_questions AS c
         WHERE NOT EXISTS (SELECT FROM expert_network.campaigns AS p WHERE p.id = c.campaign_id)
            OR (c.parent_question_id IS NOT NULL AND
                NOT EXISTS (SELECT FROM expert_network.screening_questions AS p WHERE p.id = c.parent_question_id))
       ) AS orphans;

-- every status row's current status is the last its history records
\ir ../history.sql

-- call counters: the extension's own verification, and a fresh count
SELECT 'counters: verify_counters()', pg_catalog.count(*) FROM expert_network.verify_counters();
SELECT 'counters: fresh count', pg_catalog.count(*)
  FROM expert_network.campaigns AS c
 WHERE c.scheduled_calls <> (SELECT pg_catalog.count(*) FROM expert_network.interviews AS i
                              WHERE i.campaign_id = c.id AND i.status IN ('pending', 'scheduled', 'confirmed'))
    OR c.completed_calls <> (SELECT pg_catalog.count(*) FROM expert_network.interviews AS i
                              WHERE i.campaign_id = c.id AND i.status = 'completed');

-- history: every step recorded is an edge of its workflow graph, each row's
-- history is one chain (the first entry an initial status, each later one
-- leaving the status the one before it entered), and it is its row's owner's
SELECT 'history: steps not in workflow_transitions', pg_catalog.count(*)
  FROM expert_network.status_history AS h
 WHERE h.from_status IS NOT NULL
   AND NOT EXISTS (SELECT FROM expert_network.workflow_transitions AS t
                    WHERE t.entity = h.entity AND t.from_status = h.from_status AND t.to_status = h.to_status);
SELECT 'history: broken chains', pg_catalog.count(*)
  FROM (SELECT h.from_status,
               pg_catalog.lag(h.to_status) OVER w AS previous,
               pg_catalog.row_number() OVER w AS n
          FROM expert_network.status_history AS h
        WINDOW w AS (PARTITION BY h.row_id ORDER BY h.changed_at, h.id)) AS s
 WHERE (s.n = 1 AND s.from_status IS NOT NULL)
    OR (s.n > 1 AND s.from_status IS DISTINCT FROM s.previous);
SELECT 'history: owner not the row''s', pg_catalog.count(*)
  FROM expert_network.status_history AS h
  JOIN (SELECT id, user_id FROM expert_network.campaigns
        UNION ALL SELECT id, user_id FROM expert_network.experts
        UNION ALL SELECT id, user_id FROM expert_network.interviews
        UNION ALL SELECT id, user_id FROM expert_network.campaign_vendor_enrollments) AS r
    ON r.id = h.row_id
 WHERE h.user_id IS DISTINCT FROM r.user_id;

-- the interview lifecycle: one completed-interview record per completed
-- interview and none for the others; a live interview's expert is scheduled
-- (or completed: a follow-up call), never proposed, reviewed, rejected or
-- back in scheduling
SELECT 'lifecycle: completed-interview records', pg_catalog.count(*)
  FROM expert_network.interviews AS i
 WHERE (i.status = 'completed') <>
       EXISTS (SELECT FROM expert_network.completed_interviews AS c WHERE c.interview_id = i.id);
SELECT 'lifecycle: experts of live interviews', pg_catalog.count(*)
  FROM expert_network.experts AS e
 WHERE e.status NOT IN ('scheduled', 'completed')
   AND EXISTS (SELECT FROM expert_network.interviews AS i
                WHERE i.expert_id = e.id AND i.status IN ('pending', 'scheduled', 'confirmed'));

-- one person, one calendar (0.13.0): no two live calls of one person (the
-- same expert row, or rows with one person_key) overlap
SELECT 'calendar: overlapping live calls of one person', pg_catalog.count(*)
  FROM expert_network.interviews AS a
  JOIN expert_network.experts AS xa ON xa.id = a.expert_id
  JOIN expert_network.interviews AS b ON b.user_id = a.user_id AND b.id > a.id
  JOIN expert_network.experts AS xb ON xb.id = b.expert_id
 WHERE a.status IN ('pending', 'scheduled', 'confirmed') AND b.status IN ('pending', 'scheduled', 'confirmed')
   AND (xa.id = xb.id OR xa.person_key = xb.person_key)
   AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at;

-- screeners are trees: every question is reached from a top-level question
-- (a question on a cycle never is), within the depth cap, with its parent
-- in its own campaign
WITH RECURSIVE reached AS (
    SELECT q.id, 0 AS depth FROM expert_network.screening_questions AS q
     WHERE q.parent_question_id IS NULL
    UNION ALL
    SELECT q.id, r.depth + 1 FROM expert_network.screening_questions AS q
      JOIN reached AS r ON q.parent_question_id = r.id
)
SELECT 'questions: not reached from the top (cycles)', pg_catalog.count(*)
  FROM expert_network.screening_questions AS q
 WHERE NOT EXISTS (SELECT FROM reached AS r WHERE r.id = q.id)
UNION ALL
SELECT 'questions: deeper than max_question_depth allows', pg_catalog.count(*)
  FROM reached WHERE depth >= :max_depth;
SELECT 'questions: parent in another campaign', pg_catalog.count(*)
  FROM expert_network.screening_questions AS q
  JOIN expert_network.screening_questions AS p ON p.id = q.parent_question_id
 WHERE p.campaign_id <> q.campaign_id;
