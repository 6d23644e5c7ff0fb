-- test/pgtap/question_rows.sql — the rows the screener walks return, in
-- every shape a row can take (issue 6): question_tree(), question_subtree()
-- and question_ancestors() read the questions through their own receiver
-- and lay out each result row themselves, so each kind of value is checked
-- against a WITH RECURSIVE reference:
--
--   nulls         a top-level question (no parent), a NULL question_type, a
--                 NULL options, all three at once, none
--   varlenas      short texts (1-byte headers), a 200-byte text (a 4-byte
--                 header), a large compressible jsonb (compressed in the
--                 row), a large incompressible text (a TOAST pointer)
--   paths         a chain 12 levels deep: paths longer than fit a 1-byte
--                 header, outline numbers with two-digit ranks
--   calls         LATERAL, one call per campaign (the result memory of a
--                 call is reused by the next), a scrollable cursor read
--                 backwards, a result larger than work_mem (written to a
--                 temporary file); rows copied into a table, then the
--                 questions deleted (no TOAST pointer is left behind)
--
-- Runs under pg_prove in a database with pgtap and expert_network
-- (test/suite), as a superuser, in one transaction rolled back at the end.

SET client_min_messages = warning;

BEGIN;

SELECT plan(19);

SELECT set_config('expert_network.user_id', 'user_rows', true) \g /dev/null
INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date, target_completion_date)
SELECT ('29000000-0000-4000-8000-00000000000' || c)::uuid, 'Rows ' || c, 'Industrials', '2026-01-05', '2026-02-27'
  FROM generate_series(1, 4) AS c;

-- campaign 1: every shape of row.  A chain of 12 questions, each with 11
-- siblings before it (ranks up to 12); along the chain and beside it, rows
-- with and without question_type and options, and long values.
CREATE TEMPORARY TABLE chain AS
SELECT d, md5('chain' || d)::uuid AS id, CASE WHEN d > 0 THEN md5('chain' || (d - 1))::uuid END AS parent_id
  FROM generate_series(0, 11) AS d;
INSERT INTO expert_network.screening_questions
       (id, campaign_id, parent_question_id, question_text, question_type, options, display_order)
SELECT c.id, '29000000-0000-4000-8000-000000000001', c.parent_id,
       CASE c.d % 4
           WHEN 0 THEN 'Chain ' || c.d
           WHEN 1 THEN repeat('long text ', 20)             -- 200 bytes: a 4-byte header
           WHEN 2 THEN (SELECT string_agg(md5(c.d || '.' || i), '') FROM generate_series(1, 400) AS i)
           ELSE 'Chain ' || c.d
       END,
       CASE WHEN c.d % 3 = 1 THEN NULL ELSE 'multiple-choice' END,
       CASE c.d % 3
           WHEN 0 THEN jsonb_build_array('Yes', 'No', c.d)
           WHEN 1 THEN NULL
           ELSE jsonb_build_object('choices', repeat('abc ', 2000))   -- compressed in the row
       END,
       12
  FROM chain AS c ORDER BY c.d;
INSERT INTO expert_network.screening_questions
       (id, campaign_id, parent_question_id, question_text, question_type, options, display_order)
SELECT md5('beside' || c.d || '.' || s)::uuid, '29000000-0000-4000-8000-000000000001', c.parent_id,
       'Beside ' || c.d || '.' || s,
       CASE WHEN s % 2 = 0 THEN NULL ELSE 'rating' END,
       CASE WHEN s % 3 = 0 THEN NULL ELSE jsonb_build_object('scale', s) END,
       s
  FROM chain AS c, generate_series(1, 11) AS s;

-- campaigns 2 and 3: small screeners for the LATERAL calls; campaign 4: one
-- of 2,000 questions, for a result larger than work_mem
INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text, display_order)
SELECT md5('small' || c || '.' || i)::uuid, ('29000000-0000-4000-8000-00000000000' || c)::uuid,
       CASE WHEN i > 3 THEN md5('small' || c || '.' || (i / 3))::uuid END, 'Small ' || c || '.' || i, 5 - i % 5
  FROM generate_series(2, 3) AS c, generate_series(1, 30 * c) AS i
 ORDER BY c, i;
INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text, options, display_order)
SELECT md5('big' || i)::uuid, '29000000-0000-4000-8000-000000000004',
       CASE WHEN i > 10 THEN md5('big' || (i / 10))::uuid END, 'Big ' || i, jsonb_build_array(i, i * 2), i % 7
  FROM generate_series(1, 2000) AS i
 ORDER BY i;

-- the reference outline: pg_temp.reference(campaign)
\ir lib/question_reference.sql

SELECT results_eq(
    $$ SELECT bool_or(pg_column_size(q.question_text) BETWEEN 128 AND 2000),
              bool_or(octet_length(q.question_text) > 8192 AND pg_column_compression(q.question_text) IS NULL),
              bool_or(pg_column_compression(q.options) IS NOT NULL AND pg_column_size(q.options) < 1000),
              bool_or(q.question_type IS NULL AND q.options IS NULL),
              bool_or(q.question_type IS NOT NULL AND q.options IS NOT NULL AND q.parent_question_id IS NOT NULL)
         FROM expert_network.screening_questions AS q
        WHERE q.campaign_id = '29000000-0000-4000-8000-000000000001' $$,
    $$ VALUES (true, true, true, true, true) $$,
    'campaign 1 has 200-byte texts, an incompressible text larger than a page (TOASTed), a jsonb compressed in the row, rows with nulls and without');
SELECT is(
    (SELECT max(depth) FROM pg_temp.reference('29000000-0000-4000-8000-000000000001')),
    11, 'its chain is 12 levels deep');

SELECT results_eq(
    $$ SELECT * FROM expert_network.question_tree('29000000-0000-4000-8000-000000000001') WITH ORDINALITY AS t
         (id, parent_question_id, depth, "position", path, question_text, question_type, options, display_order, n) $$,
    $$ SELECT r.id, r.parent_question_id, r.depth, r.position, r.path, r.question_text, r.question_type,
              r.options, r.display_order, r.n
         FROM pg_temp.reference('29000000-0000-4000-8000-000000000001') AS r ORDER BY r.n $$,
    'question_tree(): every column of every shape of row equals the reference');
-- the rows' bytes, as stored when copied into a table: a row without a
-- TOAST pointer is stored as the function laid it out, and must be laid out
-- as PostgreSQL lays out the same values (the reference's rows)
CREATE EXTENSION pageinspect;
CREATE TEMPORARY TABLE layout_c AS
SELECT * FROM expert_network.question_tree('29000000-0000-4000-8000-000000000001') AS t
 WHERE t.id NOT IN (md5('chain2')::uuid, md5('chain6')::uuid, md5('chain10')::uuid);
CREATE TEMPORARY TABLE layout_r AS
SELECT r.id, r.parent_question_id, r.depth, r.position, r.path, r.question_text, r.question_type,
       r.options, r.display_order
  FROM pg_temp.reference('29000000-0000-4000-8000-000000000001') AS r
 WHERE r.id NOT IN (md5('chain2')::uuid, md5('chain6')::uuid, md5('chain10')::uuid);
CREATE FUNCTION pg_temp.stored_rows(rel regclass)
RETURNS TABLE (infomask integer, bits text, data bytea)
LANGUAGE sql AS $$
SELECT i.t_infomask & 7, i.t_bits, i.t_data      -- HEAP_HASNULL, HEAP_HASVARWIDTH, HEAP_HASEXTERNAL
  FROM generate_series(0, pg_relation_size(rel) / current_setting('block_size')::int - 1) AS b,
       heap_page_items(get_raw_page(rel::text, b::int)) AS i
$$;
SELECT results_eq(
    $$ SELECT * FROM pg_temp.stored_rows('layout_c') ORDER BY data $$,
    $$ SELECT * FROM pg_temp.stored_rows('layout_r') ORDER BY data $$,
    'question_tree()''s rows are laid out byte for byte as PostgreSQL lays out the same values');
SELECT results_eq(
    $$ SELECT (SELECT count(*) FROM pg_temp.stored_rows('layout_c')),
              (SELECT bool_or(infomask & 1 = 1) AND bool_or(infomask & 1 = 0) FROM pg_temp.stored_rows('layout_c')),
              bool_or(pg_column_size(l.path) > 127), bool_or(pg_column_size(l.question_text) > 127),
              bool_or(pg_column_compression(l.options) IS NOT NULL)
         FROM layout_c AS l $$,
    $$ SELECT count(*), true, true, true, true FROM layout_c $$,
    'among them rows with nulls and without, deep paths, long texts and compressed jsonb (4-byte headers)');

SELECT results_eq(
    $$ SELECT t.*, pg_column_size(t.path) > 127, pg_column_size(t.question_text)
         FROM expert_network.question_tree('29000000-0000-4000-8000-000000000001') AS t
        WHERE t.id = md5('chain11')::uuid $$,
    $$ SELECT r.id, r.parent_question_id, r.depth, r.position, r.path, r.question_text, r.question_type,
              r.options, r.display_order, true, pg_column_size(r.question_text)
         FROM pg_temp.reference('29000000-0000-4000-8000-000000000001') AS r WHERE r.id = md5('chain11')::uuid $$,
    'the deepest question: a path of 12 ids, outline 12.12.(...).12');
SELECT results_eq(
    $$ SELECT * FROM expert_network.question_subtree(md5('chain6')::uuid) $$,
    $$ SELECT r.id, r.parent_question_id, r.depth, r.position, r.path, r.question_text, r.question_type,
              r.options, r.display_order
         FROM pg_temp.reference('29000000-0000-4000-8000-000000000001') AS r
        WHERE md5('chain6')::uuid = ANY (r.path) ORDER BY r.n $$,
    'question_subtree() half way down the chain equals the reference''s rows below it');
SELECT results_eq(
    $$ SELECT * FROM expert_network.question_ancestors(md5('chain11')::uuid) $$,
    $$ SELECT r.id, r.parent_question_id, r.depth, r.position, r.path, r.question_text, r.question_type,
              r.options, r.display_order
         FROM pg_temp.reference('29000000-0000-4000-8000-000000000001') AS r
        WHERE r.id = ANY ((SELECT x.path FROM pg_temp.reference('29000000-0000-4000-8000-000000000001') AS x
                            WHERE x.id = md5('chain11')::uuid)::uuid[])
        ORDER BY r.depth $$,
    'question_ancestors() of the deepest question equals the reference''s chain, top first');
SELECT results_eq(
    $$ SELECT * FROM expert_network.question_ancestors(md5('beside5.7')::uuid) $$,
    $$ SELECT r.id, r.parent_question_id, r.depth, r.position, r.path, r.question_text, r.question_type,
              r.options, r.display_order
         FROM pg_temp.reference('29000000-0000-4000-8000-000000000001') AS r
        WHERE r.id = ANY ((SELECT x.path FROM pg_temp.reference('29000000-0000-4000-8000-000000000001') AS x
                            WHERE x.id = md5('beside5.7')::uuid)::uuid[])
        ORDER BY r.depth $$,
    'question_ancestors() of a question beside the chain: nulls, long values and all');

-- one call per campaign, in one query, twice over: each call's result is
-- read to the end before the next call
SELECT results_eq(
    $$ SELECT c.id, t.n, t.id, t.depth, t.position, t.path, t.question_text, t.options
         FROM (VALUES (1), (2), (3), (2), (1), (4), (3)) AS v (k)
         CROSS JOIN LATERAL (SELECT ('29000000-0000-4000-8000-00000000000' || v.k)::uuid AS id) AS c
         CROSS JOIN LATERAL expert_network.question_tree(c.id) WITH ORDINALITY AS t
                   (id, parent_question_id, depth, position, path, question_text, question_type, options,
                    display_order, n) $$,
    $$ SELECT c.id, r.n, r.id, r.depth, r.position, r.path, r.question_text, r.options
         FROM ROWS FROM (unnest(ARRAY[1, 2, 3, 2, 1, 4, 3])) WITH ORDINALITY AS v (k, o)
         CROSS JOIN LATERAL (SELECT ('29000000-0000-4000-8000-00000000000' || v.k)::uuid AS id) AS c
         CROSS JOIN LATERAL pg_temp.reference(c.id) AS r
        ORDER BY v.o, r.n $$,
    'question_tree() once per outer row (LATERAL), campaigns repeated: each call equals the reference');
SELECT results_eq(
    $$ SELECT q.id, t.id, t.depth, t.position, t.path
         FROM expert_network.screening_questions AS q
         CROSS JOIN LATERAL expert_network.question_ancestors(q.id) WITH ORDINALITY AS t
        WHERE q.campaign_id = '29000000-0000-4000-8000-000000000003'
        ORDER BY q.id, t.ordinality $$,
    $$ SELECT q.id, r.id, r.depth, r.position, r.path
         FROM expert_network.screening_questions AS q
         JOIN pg_temp.reference('29000000-0000-4000-8000-000000000003') AS x ON x.id = q.id
         JOIN pg_temp.reference('29000000-0000-4000-8000-000000000003') AS r ON r.id = ANY (x.path)
        ORDER BY q.id, r.depth $$,
    'question_ancestors() of every question of a campaign, one call per question (LATERAL)');

-- a scrollable cursor: the result is read backwards, then from row 12 on
DECLARE rows_back SCROLL CURSOR FOR
SELECT t.id, t.position FROM expert_network.question_tree('29000000-0000-4000-8000-000000000001') AS t;
CREATE FUNCTION pg_temp.read_back(cur refcursor, n integer)
RETURNS TABLE (id uuid, "position" text)
LANGUAGE plpgsql AS $$
BEGIN
    MOVE LAST FROM cur;
    FOR i IN 1 .. n LOOP
        FETCH PRIOR FROM cur INTO id, "position";
        RETURN NEXT;
    END LOOP;
END
$$;
SELECT results_eq(
    $$ SELECT * FROM pg_temp.read_back('rows_back', 3) $$,
    $$ SELECT r.id, r.position FROM pg_temp.reference('29000000-0000-4000-8000-000000000001') AS r
        ORDER BY r.n DESC OFFSET 1 LIMIT 3 $$,
    'a scrollable cursor over question_tree() reads the rows backwards');
MOVE ABSOLUTE 11 IN rows_back;
SELECT results_eq(
    'rows_back'::refcursor,
    $$ SELECT r.id, r.position FROM pg_temp.reference('29000000-0000-4000-8000-000000000001') AS r
        WHERE r.n >= 12 ORDER BY r.n $$,
    'and again from row 12 to the end');
CLOSE rows_back;

-- 2,000 rows of about 200 bytes do not fit in 64kB: the tuplestore writes
-- them to a temporary file
SET LOCAL work_mem = '64kB';
SELECT results_eq(
    $$ SELECT * FROM expert_network.question_tree('29000000-0000-4000-8000-000000000004') WITH ORDINALITY AS t
         (id, parent_question_id, depth, "position", path, question_text, question_type, options, display_order, n) $$,
    $$ SELECT r.id, r.parent_question_id, r.depth, r.position, r.path, r.question_text, r.question_type,
              r.options, r.display_order, r.n
         FROM pg_temp.reference('29000000-0000-4000-8000-000000000004') AS r ORDER BY r.n $$,
    'question_tree() of 2,000 questions with work_mem 64kB equals the reference');
DECLARE big_back SCROLL CURSOR FOR
SELECT t.id, t.position FROM expert_network.question_tree('29000000-0000-4000-8000-000000000004') AS t;
SELECT results_eq(
    $$ SELECT * FROM pg_temp.read_back('big_back', 3) $$,
    $$ SELECT r.id, r.position FROM pg_temp.reference('29000000-0000-4000-8000-000000000004') AS r
        ORDER BY r.n DESC OFFSET 1 LIMIT 3 $$,
    'a scrollable cursor reads it backwards, from the temporary file');
CLOSE big_back;
SELECT results_eq(
    $$ SELECT count(*), count(DISTINCT t.id) FROM generate_series(1, 3) AS g,
              LATERAL expert_network.question_tree('29000000-0000-4000-8000-000000000004') AS t $$,
    $$ VALUES (6000::bigint, 2000::bigint) $$,
    'and once per outer row');
RESET work_mem;

-- campaign 1 read as another user: none of its rows
SELECT set_config('expert_network.user_id', 'user_other', true) \g /dev/null
CREATE ROLE en_tap_rows_app;
SELECT expert_network.grant_access('en_tap_rows_app', 'app') \g /dev/null
SET LOCAL ROLE en_tap_rows_app;
SELECT is(
    (SELECT count(*) FROM expert_network.question_tree('29000000-0000-4000-8000-000000000001')),
    0::bigint, 'for another user, row-level security leaves question_tree() no rows');
-- question_ancestors() keeps a campaign's screener for the rest of a query
-- (LATERAL), but only for the identity that read it: the identity changed
-- before the fourth call (user_rows's question, read as user_other) makes
-- the question unknown, not an answer from the kept screener
SELECT throws_ok(
    $$ SELECT a.id
         FROM (VALUES (1, md5('small3.1')::uuid), (2, md5('small3.2')::uuid),
                      (3, md5('small3.3')::uuid), (4, md5('small3.4')::uuid)) AS v (n, id),
              LATERAL (SELECT pg_catalog.set_config('expert_network.user_id',
                                                    CASE WHEN v.n < 4 THEN 'user_rows' ELSE 'user_other' END,
                                                    true) AS who) AS s,
              LATERAL expert_network.question_ancestors(CASE WHEN s.who IS NOT NULL THEN v.id END) AS a $$,
    'P0002', 'screening question ' || md5('small3.4')::uuid || ' does not exist',
    'question_ancestors() in a LATERAL serves its kept screener to the identity that read it only');
RESET ROLE;

-- a row that carries a TOAST pointer says so (HEAP_HASEXTERNAL): a table
-- the rows are copied into stores the large values in its own TOAST table,
-- not pointers into screening_questions'
CREATE TEMPORARY TABLE kept AS
SELECT * FROM expert_network.question_tree('29000000-0000-4000-8000-000000000001');
SELECT results_eq(
    $$ SELECT pg_relation_size(c.reltoastrelid) > 0,
              (SELECT string_agg(md5(k.question_text), ',' ORDER BY k.id) FROM kept AS k)
         FROM pg_class AS c WHERE c.oid = 'kept'::regclass $$,
    $$ SELECT true, (SELECT string_agg(md5(r.question_text), ',' ORDER BY r.id)
                       FROM pg_temp.reference('29000000-0000-4000-8000-000000000001') AS r) $$,
    'question_tree()''s rows copied into a table: the large texts are in the table''s own TOAST table');

SELECT * FROM finish();

ROLLBACK;
