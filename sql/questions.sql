-- questions: screeners as trees — walks, integrity on write, move and copy
-- (issue 6).  As the superuser of the suite, with user_1's identity: the
-- owner-key trigger fills in user_id, the rules are the same for everyone.
\set VERBOSITY terse
SET expert_network.user_id = 'user_1';

\set c1 '26000000-0000-4000-8000-000000000001'
\set c2 '26000000-0000-4000-8000-000000000002'
\set c3 '26000000-0000-4000-8000-000000000003'
\set e1 '36000000-0000-4000-8000-000000000001'
\set e2 '36000000-0000-4000-8000-000000000002'

INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date, target_completion_date)
VALUES (:'c1', 'Automation buyers', 'Industrials', '2026-01-05', '2026-02-27'),
       (:'c2', 'Distributors', 'Industrials', '2026-01-05', '2026-02-27'),
       (:'c3', 'Empty screener', 'Industrials', '2026-01-05', '2026-02-27');
INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
VALUES (:'c1', '00000000-0000-4000-8000-000000000001', 'enrolled'),
       (:'c2', '00000000-0000-4000-8000-000000000002', 'enrolled');
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title)
VALUES (:'e1', :'c1', '00000000-0000-4000-8000-000000000001', 'Dana Example', 'VP Operations'),
       (:'e2', :'c2', '00000000-0000-4000-8000-000000000002', 'Lee Example', 'Distributor');

-- the outline of a campaign, in the walk's order (WITH ORDINALITY keeps it)
CREATE FUNCTION pg_temp.outline(c uuid)
RETURNS TABLE (outline text, depth integer, display_order integer)
LANGUAGE sql STABLE
AS $$
SELECT pg_catalog.repeat('    ', t.depth) || t.position || '  ' || t.question_text, t.depth, t.display_order
  FROM expert_network.question_tree(c) WITH ORDINALITY AS t
 ORDER BY t.ordinality
$$;

-- a screener: three top-level questions, sub-questions three levels deep;
-- among the sub-questions of 2, ties on display_order fall to created_at,
-- then to id (6600...0107 before 6600...0108)
INSERT INTO expert_network.screening_questions
       (id, campaign_id, parent_question_id, question_text, question_type, options, display_order, created_at)
VALUES
('66000000-0000-4000-8000-000000000101', :'c1', NULL, 'What is your role in purchasing automation?', 'text', NULL, 1, '2026-01-01 09:00+00'),
('66000000-0000-4000-8000-000000000102', :'c1', NULL, 'Which vendors have you evaluated?', 'multiple-choice', '["ABB", "Fanuc", "KUKA"]', 2, '2026-01-01 09:00+00'),
('66000000-0000-4000-8000-000000000103', :'c1', NULL, 'How satisfied are you with your vendor?', 'rating', NULL, 3, '2026-01-01 09:00+00'),
('66000000-0000-4000-8000-000000000104', :'c1', '66000000-0000-4000-8000-000000000101', 'Do you sign off on budgets?', 'text', NULL, 1, '2026-01-01 09:00+00'),
('66000000-0000-4000-8000-000000000105', :'c1', '66000000-0000-4000-8000-000000000101', 'How large is your annual budget?', 'text', NULL, 2, '2026-01-01 09:00+00'),
('66000000-0000-4000-8000-000000000106', :'c1', '66000000-0000-4000-8000-000000000105', 'Is it above USD 1 million?', 'text', NULL, 1, '2026-01-01 09:00+00'),
('66000000-0000-4000-8000-000000000108', :'c1', '66000000-0000-4000-8000-000000000102', 'Why Fanuc? (order 2, 10:00, id ...108)', 'text', NULL, 2, '2026-01-01 10:00+00'),
('66000000-0000-4000-8000-000000000107', :'c1', '66000000-0000-4000-8000-000000000102', 'Why ABB? (order 2, 10:00, id ...107)', 'text', NULL, 2, '2026-01-01 10:00+00'),
('66000000-0000-4000-8000-00000000010a', :'c1', '66000000-0000-4000-8000-000000000102', 'Why KUKA? (order 1, 11:00)', 'text', NULL, 1, '2026-01-01 11:00+00'),
('66000000-0000-4000-8000-000000000109', :'c1', '66000000-0000-4000-8000-000000000102', 'Shortlist? (order 1, 09:30)', 'text', NULL, 1, '2026-01-01 09:30+00'),
('66000000-0000-4000-8000-00000000010b', :'c1', '66000000-0000-4000-8000-000000000106', 'Who approves it?', 'text', NULL, 1, '2026-01-01 09:00+00');
INSERT INTO expert_network.screening_questions (id, campaign_id, question_text, display_order)
VALUES ('66000000-0000-4000-8000-000000000201', :'c2', 'Which regions do you serve?', 1);

SELECT * FROM pg_temp.outline(:'c1');

-- every column, for the deepest question and its parent
SELECT id, parent_question_id, depth, position, path, question_type, options, display_order
  FROM expert_network.question_tree(:'c1') WHERE depth >= 2;

-- subtree and ancestors keep the depths and positions of the whole tree
SELECT position, depth, question_text FROM expert_network.question_subtree('66000000-0000-4000-8000-000000000102');
SELECT position, depth, question_text FROM expert_network.question_subtree('66000000-0000-4000-8000-000000000105');
SELECT position, depth, question_text FROM expert_network.question_subtree('66000000-0000-4000-8000-00000000010b');
SELECT position, depth, question_text, path[1] = '66000000-0000-4000-8000-000000000101' AS from_root
  FROM expert_network.question_ancestors('66000000-0000-4000-8000-00000000010b') WITH ORDINALITY
 ORDER BY ordinality;
SELECT position, question_text FROM expert_network.question_ancestors('66000000-0000-4000-8000-000000000103');

-- an unknown question is an error (no_data_found); NULL and an unknown campaign give nothing
SELECT * FROM expert_network.question_subtree('66000000-0000-4000-8000-0000000001ff');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM expert_network.question_ancestors('66000000-0000-4000-8000-0000000001ff');
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM expert_network.question_subtree(NULL);
SELECT count(*) FROM expert_network.question_tree('26000000-0000-4000-8000-0000000000ff');
SELECT count(*) FROM expert_network.question_tree(:'c3');

/* ------------------------------------------------------------------------
 * Integrity on write: every rule fails with 23514
 * ------------------------------------------------------------------------ */

-- a parent in another campaign
INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text)
VALUES ('66000000-0000-4000-8000-000000000202', :'c2', '66000000-0000-4000-8000-000000000101', 'Cross-campaign?');
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.screening_questions SET parent_question_id = '66000000-0000-4000-8000-000000000201'
 WHERE id = '66000000-0000-4000-8000-000000000104';
\echo :LAST_ERROR_SQLSTATE

-- its own parent, its own ancestor (two levels down, three levels down)
INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text)
VALUES ('66000000-0000-4000-8000-0000000001f0', :'c1', '66000000-0000-4000-8000-0000000001f0', 'Myself?');
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.screening_questions SET parent_question_id = id
 WHERE id = '66000000-0000-4000-8000-000000000101';
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.screening_questions SET parent_question_id = '66000000-0000-4000-8000-000000000106'
 WHERE id = '66000000-0000-4000-8000-000000000101';
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.screening_questions SET parent_question_id = '66000000-0000-4000-8000-00000000010b'
 WHERE id = '66000000-0000-4000-8000-000000000105';
\echo :LAST_ERROR_SQLSTATE
-- two rows of one statement that would point at each other
UPDATE expert_network.screening_questions
   SET parent_question_id = CASE WHEN id = '66000000-0000-4000-8000-000000000103'
                                 THEN '66000000-0000-4000-8000-000000000104'::uuid
                                 ELSE '66000000-0000-4000-8000-000000000103'::uuid END
 WHERE id IN ('66000000-0000-4000-8000-000000000103', '66000000-0000-4000-8000-000000000104');
\echo :LAST_ERROR_SQLSTATE

-- one statement bringing a sub-question before its parent: fine in one
-- campaign (the parent's insert finds it), refused across campaigns
INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text, display_order)
VALUES ('66000000-0000-4000-8000-0000000001c2', :'c1', '66000000-0000-4000-8000-0000000001c1', 'Child first', 1),
       ('66000000-0000-4000-8000-0000000001c1', :'c1', NULL, 'Parent second', 9);
SELECT position, question_text FROM expert_network.question_subtree('66000000-0000-4000-8000-0000000001c1');
DELETE FROM expert_network.screening_questions WHERE id = '66000000-0000-4000-8000-0000000001c1';
INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text)
VALUES ('66000000-0000-4000-8000-0000000002c2', :'c1', '66000000-0000-4000-8000-0000000002c1', 'Child in campaign 1'),
       ('66000000-0000-4000-8000-0000000002c1', :'c2', NULL, 'Parent in campaign 2');
\echo :LAST_ERROR_SQLSTATE

-- to another campaign: not with sub-questions, not as a sub-question, not
-- when experts of the old campaign answered it; alone, it may go
UPDATE expert_network.screening_questions SET campaign_id = :'c2'
 WHERE id = '66000000-0000-4000-8000-000000000102';
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.screening_questions SET campaign_id = :'c2'
 WHERE id = '66000000-0000-4000-8000-000000000104';
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.expert_screening_responses (expert_id, screening_question_id, response_text)
VALUES (:'e1', '66000000-0000-4000-8000-000000000103', '4 of 5');
UPDATE expert_network.screening_questions SET campaign_id = :'c2'
 WHERE id = '66000000-0000-4000-8000-000000000103';
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.screening_questions SET campaign_id = :'c2', parent_question_id = NULL
 WHERE id = '66000000-0000-4000-8000-000000000104';
SELECT * FROM pg_temp.outline(:'c2');
UPDATE expert_network.screening_questions SET campaign_id = :'c1', parent_question_id = '66000000-0000-4000-8000-000000000101'
 WHERE id = '66000000-0000-4000-8000-000000000104';

-- judged on what the statement leaves (0.9.0): a parent and its child
-- swapped by one UPDATE make a tree, and a screener moved whole to another
-- campaign by one UPDATE is whole there; a cycle is refused however the
-- statement writes it (MERGE, ON CONFLICT, a writable WITH)
INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text, display_order)
VALUES ('66000000-0000-4000-8000-0000000003a1', :'c3', NULL, 'Swap: parent', 1),
       ('66000000-0000-4000-8000-0000000003a2', :'c3', '66000000-0000-4000-8000-0000000003a1', 'Swap: child', 1),
       ('66000000-0000-4000-8000-0000000003a3', :'c3', '66000000-0000-4000-8000-0000000003a2', 'Swap: grandchild', 1);
UPDATE expert_network.screening_questions
   SET parent_question_id = CASE id WHEN '66000000-0000-4000-8000-0000000003a1' THEN '66000000-0000-4000-8000-0000000003a2'::uuid END
 WHERE id IN ('66000000-0000-4000-8000-0000000003a1', '66000000-0000-4000-8000-0000000003a2');
SELECT * FROM pg_temp.outline(:'c3');
UPDATE expert_network.screening_questions SET campaign_id = :'c2' WHERE campaign_id = :'c3';
SELECT position, question_text FROM expert_network.question_subtree('66000000-0000-4000-8000-0000000003a2');
UPDATE expert_network.screening_questions SET campaign_id = :'c3'
 WHERE id = '66000000-0000-4000-8000-0000000003a2';
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.screening_questions SET campaign_id = :'c3'
 WHERE id IN ('66000000-0000-4000-8000-0000000003a1', '66000000-0000-4000-8000-0000000003a2', '66000000-0000-4000-8000-0000000003a3');
INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text)
VALUES ('66000000-0000-4000-8000-0000000003a2', :'c3', '66000000-0000-4000-8000-0000000003a1', 'Swap: back under its child?')
    ON CONFLICT (id) DO UPDATE SET parent_question_id = EXCLUDED.parent_question_id;
\echo :LAST_ERROR_SQLSTATE
MERGE INTO expert_network.screening_questions AS q
USING (VALUES ('66000000-0000-4000-8000-0000000003b1'::uuid, '66000000-0000-4000-8000-0000000003b2'::uuid),
              ('66000000-0000-4000-8000-0000000003b2'::uuid, '66000000-0000-4000-8000-0000000003b1'::uuid)) AS v (id, parent)
   ON q.id = v.id
 WHEN NOT MATCHED THEN INSERT (id, campaign_id, parent_question_id, question_text) VALUES (v.id, :'c3', v.parent, 'Merged loop');
\echo :LAST_ERROR_SQLSTATE
WITH a AS (INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text)
           VALUES ('66000000-0000-4000-8000-0000000003c1', :'c3', '66000000-0000-4000-8000-0000000003c2', 'Loop via WITH, 1')),
     b AS (INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text)
           VALUES ('66000000-0000-4000-8000-0000000003c2', :'c3', '66000000-0000-4000-8000-0000000003c1', 'Loop via WITH, 2'))
SELECT;
\echo :LAST_ERROR_SQLSTATE
DELETE FROM expert_network.screening_questions WHERE campaign_id = :'c3';

-- responses: to a question of the expert's own campaign only
INSERT INTO expert_network.expert_screening_responses (expert_id, screening_question_id, response_text)
VALUES (:'e2', '66000000-0000-4000-8000-000000000103', 'Not my campaign');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.expert_screening_responses (expert_id, screening_question_id, response_text)
VALUES (:'e2', '66000000-0000-4000-8000-000000000201', 'North America');
UPDATE expert_network.expert_screening_responses SET screening_question_id = '66000000-0000-4000-8000-000000000101'
 WHERE expert_id = :'e2';
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.expert_screening_responses SET expert_id = :'e1'
 WHERE expert_id = :'e2';
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.expert_screening_responses SET response_text = 'North America, Europe'
 WHERE expert_id = :'e2';
SELECT e.name, q.question_text, r.response_text
  FROM expert_network.expert_screening_responses r
  JOIN expert_network.experts e ON e.id = r.expert_id
  JOIN expert_network.screening_questions q ON q.id = r.screening_question_id
 ORDER BY e.name;

-- depth: with a cap of 3 the deepest allowed depth is 2, for a new question
-- and for the deepest sub-question of a moved one (existing rows stay)
SET expert_network.max_question_depth = 3;
INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text)
VALUES ('66000000-0000-4000-8000-0000000001d3', :'c1', '66000000-0000-4000-8000-000000000106', 'Depth 3?');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text, display_order)
VALUES ('66000000-0000-4000-8000-0000000001d2', :'c1', '66000000-0000-4000-8000-000000000104', 'Depth 2 is fine', 1);
UPDATE expert_network.screening_questions SET parent_question_id = '66000000-0000-4000-8000-000000000103'
 WHERE id = '66000000-0000-4000-8000-000000000101';
\echo :LAST_ERROR_SQLSTATE
SELECT expert_network.move_question('66000000-0000-4000-8000-000000000105', '66000000-0000-4000-8000-000000000102', 1);
\echo :LAST_ERROR_SQLSTATE
SELECT expert_network.move_question('66000000-0000-4000-8000-000000000104', '66000000-0000-4000-8000-000000000103', 1);
SELECT * FROM pg_temp.outline(:'c1');
SET expert_network.max_question_depth = 0;
\echo :LAST_ERROR_SQLSTATE
RESET expert_network.max_question_depth;
SHOW expert_network.max_question_depth;
DELETE FROM expert_network.screening_questions WHERE id = '66000000-0000-4000-8000-0000000001d2';

/* ------------------------------------------------------------------------
 * move_question(): re-parent and place; both sibling lists renumbered 1..n
 * ------------------------------------------------------------------------ */

-- within one parent, to the front (ties become a plain 1..n)
SELECT expert_network.move_question('66000000-0000-4000-8000-000000000108', '66000000-0000-4000-8000-000000000102', 1);
SELECT * FROM pg_temp.outline(:'c1');
-- across parents, into the middle
SELECT expert_network.move_question('66000000-0000-4000-8000-000000000107', '66000000-0000-4000-8000-000000000101', 2);
SELECT * FROM pg_temp.outline(:'c1');
-- to the top level, first; then past the end of a list: last
SELECT expert_network.move_question('66000000-0000-4000-8000-000000000105', NULL, 1);
SELECT expert_network.move_question('66000000-0000-4000-8000-000000000104', '66000000-0000-4000-8000-000000000105', 99);
SELECT * FROM pg_temp.outline(:'c1');
-- back where they were
SELECT expert_network.move_question('66000000-0000-4000-8000-000000000105', '66000000-0000-4000-8000-000000000101', 2);
SELECT expert_network.move_question('66000000-0000-4000-8000-000000000104', '66000000-0000-4000-8000-000000000101', 1);
SELECT expert_network.move_question('66000000-0000-4000-8000-000000000107', '66000000-0000-4000-8000-000000000102', 1);
SELECT * FROM pg_temp.outline(:'c1');
-- what it refuses
SELECT expert_network.move_question('66000000-0000-4000-8000-000000000104', NULL, 0);
\echo :LAST_ERROR_SQLSTATE
SELECT expert_network.move_question('66000000-0000-4000-8000-000000000104', NULL, NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT expert_network.move_question('66000000-0000-4000-8000-0000000001ff', NULL, 1);
\echo :LAST_ERROR_SQLSTATE
SELECT expert_network.move_question('66000000-0000-4000-8000-000000000104', '66000000-0000-4000-8000-0000000001ff', 1);
\echo :LAST_ERROR_SQLSTATE
SELECT expert_network.move_question('66000000-0000-4000-8000-000000000101', '66000000-0000-4000-8000-00000000010b', 1);
\echo :LAST_ERROR_SQLSTATE
SELECT expert_network.move_question('66000000-0000-4000-8000-000000000104', '66000000-0000-4000-8000-000000000201', 1);
\echo :LAST_ERROR_SQLSTATE

/* ------------------------------------------------------------------------
 * copy_question_tree(): a whole screener under another campaign
 * ------------------------------------------------------------------------ */

SELECT expert_network.copy_question_tree(:'c1', :'c2') AS copied;
SELECT * FROM pg_temp.outline(:'c2');
-- same texts, types and options in the same places; none of the same ids
SELECT (SELECT array_agg(ROW(t.depth, t.question_text, t.question_type, t.options, t.display_order) ORDER BY t.ordinality)
          FROM expert_network.question_tree(:'c1') WITH ORDINALITY AS t)
     = (SELECT array_agg(ROW(t.depth, t.question_text, t.question_type, t.options,
                             t.display_order - CASE WHEN t.depth = 0 THEN 1 ELSE 0 END) ORDER BY t.ordinality)
          FROM expert_network.question_tree(:'c2') WITH ORDINALITY AS t WHERE t.ordinality > 1) AS same_screener,
       (SELECT count(*) FROM expert_network.screening_questions a
          JOIN expert_network.screening_questions b USING (id)
         WHERE a.campaign_id = :'c1' AND b.campaign_id = :'c2') AS shared_ids;
SELECT expert_network.copy_question_tree(:'c3', :'c2') AS copied_from_empty;
SELECT expert_network.copy_question_tree('26000000-0000-4000-8000-0000000000ff', :'c2');
\echo :LAST_ERROR_SQLSTATE

/* ------------------------------------------------------------------------
 * Deleting a question deletes the questions below it
 * ------------------------------------------------------------------------ */

DELETE FROM expert_network.screening_questions WHERE id = '66000000-0000-4000-8000-000000000101';
SELECT * FROM pg_temp.outline(:'c1');

/* ------------------------------------------------------------------------
 * Data the triggers would have refused (written with them off) ends a walk
 * with an error instead of looping
 * ------------------------------------------------------------------------ */

ALTER TABLE expert_network.screening_questions DISABLE TRIGGER question_integrity_update;
UPDATE expert_network.screening_questions SET parent_question_id = '66000000-0000-4000-8000-000000000109'
 WHERE id = '66000000-0000-4000-8000-000000000102';
ALTER TABLE expert_network.screening_questions ENABLE TRIGGER question_integrity_update;
SELECT count(*) FROM expert_network.question_tree(:'c1');
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM expert_network.question_ancestors('66000000-0000-4000-8000-000000000109');
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM expert_network.question_subtree('66000000-0000-4000-8000-000000000109');
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM expert_network.question_tree(:'c2');

-- leave the database as the next test expects it
DELETE FROM expert_network.campaigns WHERE id IN (:'c1', :'c2', :'c3');
RESET expert_network.user_id;
SELECT (SELECT count(*) FROM expert_network.screening_questions) AS questions,
       (SELECT count(*) FROM expert_network.expert_screening_responses) AS responses;
