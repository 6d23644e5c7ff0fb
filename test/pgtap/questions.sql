-- test/pgtap/questions.sql — screeners as trees (issue 6): structure, a
-- property test of the walks and of move_question(), and behaviour as
-- non-superuser roles.
--
-- Structure: the functions' volatility, strictness, parallel safety and
-- privileges; the two triggers, after the owner-key trigger; the setting
-- (superuser-only since 0.7.0: it is an integrity limit).
--
-- Property: a random screener of 3,000 questions (setseed: the same every
-- run), with many ties on display_order and created_at, walked by
-- question_tree() equals a WITH RECURSIVE reference in order, depth,
-- position, path and every other column; question_subtree() and
-- question_ancestors() of a sample of questions equal the matching slices of
-- the reference; then 300 random move_question() calls: those refused are
-- exactly the cycles (plus any too deep), the tree still equals the
-- reference, and every sibling list a move touched is numbered 1..n.
--
-- Behaviour, as an app role and a readonly role (neither superuser nor
-- BYPASSRLS): user_a's screener works for user_a; for user_b, user_a's
-- campaign has no questions and user_a's questions are unknown (P0002) or,
-- referenced by a row, refused by the composite foreign keys (23503, 0.7.0)
-- exactly as questions and campaigns that do not exist; the app role may
-- not change expert_network.max_question_depth (42501).
--
-- Runs under pg_prove in a database with pgtap and expert_network
-- (test/suite), as a superuser, in one transaction rolled back at the end.

SET client_min_messages = warning;

BEGIN;

SELECT plan(47);

/* ========================================================================
 * Structure (8)
 * ======================================================================== */

SELECT results_eq(
    $$ SELECT p.proname::text COLLATE "default", p.provolatile::text, p.proparallel::text, p.proisstrict, p.prosecdef
         FROM pg_proc p
        WHERE p.pronamespace = 'expert_network'::regnamespace
          AND p.proname IN ('question_tree', 'question_subtree', 'question_ancestors', 'move_question',
                            'copy_question_tree', 'question_integrity', 'response_integrity')
        ORDER BY p.proname $$,
    $$ VALUES ('copy_question_tree', 'v', 'u', true, false),
              ('move_question', 'v', 'u', false, false),
              ('question_ancestors', 's', 'r', true, false),
              ('question_integrity', 'v', 'u', false, false),
              ('question_subtree', 's', 'r', true, false),
              ('question_tree', 's', 'r', true, false),
              ('response_integrity', 'v', 'u', false, false) $$,
    'the walks are STABLE STRICT PARALLEL RESTRICTED; the writers VOLATILE; none SECURITY DEFINER');
SELECT is(
    (SELECT count(*) FROM pg_proc p
      WHERE p.pronamespace = 'expert_network'::regnamespace
        AND p.proname IN ('question_tree', 'question_subtree', 'question_ancestors', 'move_question',
                          'copy_question_tree', 'question_integrity', 'response_integrity')
        AND has_function_privilege('public', p.oid, 'EXECUTE')),
    0::bigint, 'PUBLIC may execute none of them');
SELECT has_function('expert_network', 'question_tree', ARRAY['uuid'], 'question_tree(uuid) exists');
SELECT function_returns('expert_network', 'move_question', ARRAY['uuid', 'uuid', 'integer'], 'void',
                        'move_question(uuid, uuid, integer) returns void');
SELECT trigger_is('expert_network', 'screening_questions', 'question_integrity_' || e,
                  'expert_network', 'question_integrity', 'screening_questions has trigger question_integrity_' || e)
  FROM unnest(ARRAY['insert', 'update']) AS e;
SELECT trigger_is('expert_network', 'expert_screening_responses', 'response_integrity_' || e,
                  'expert_network', 'response_integrity', 'expert_screening_responses has trigger response_integrity_' || e)
  FROM unnest(ARRAY['insert', 'update']) AS e;
SELECT results_eq(
    $$ SELECT c.relname::text COLLATE "default", array_agg(t.tgname::text COLLATE "default" ORDER BY t.tgname)
         FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE c.relnamespace = 'expert_network'::regnamespace
          AND c.relname IN ('screening_questions', 'expert_screening_responses')
          AND NOT t.tgisinternal
          AND (t.tgtype & 2) <> 0 AND (t.tgtype & 1) <> 0   -- BEFORE, FOR EACH ROW
        GROUP BY c.relname ORDER BY c.relname $$,
    $$ VALUES ('expert_screening_responses', ARRAY['a_enforce_owner']),
              ('screening_questions', ARRAY['a_enforce_owner', 'set_updated_at']) $$,
    'the BEFORE row triggers, in firing order: the owner-key trigger first');
SELECT results_eq(
    $$ SELECT c.relname::text COLLATE "default", t.tgname::text COLLATE "default",
              t.tgtype & 28 = 4 AS on_insert, t.tgtype & 28 = 16 AS on_update,
              t.tgoldtable IS NOT NULL AS old_table, t.tgnewtable IS NOT NULL AS new_table
         FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE c.relnamespace = 'expert_network'::regnamespace
          AND c.relname IN ('screening_questions', 'expert_screening_responses')
          AND NOT t.tgisinternal
          AND (t.tgtype & 2) = 0 AND (t.tgtype & 1) = 0   -- AFTER, FOR EACH STATEMENT
          AND t.tgname LIKE '%integrity%'
        ORDER BY 1, 2 $$,
    $$ VALUES ('expert_screening_responses', 'response_integrity_insert', true, false, false, true),
              ('expert_screening_responses', 'response_integrity_update', false, true, true, true),
              ('screening_questions', 'question_integrity_insert', true, false, false, true),
              ('screening_questions', 'question_integrity_update', false, true, true, true) $$,
    'the integrity checks are AFTER statement triggers over the transition tables, one per event (0.9.0)');
-- the module defines its settings when it is loaded: by the first call of one
-- of its functions, or LOAD
LOAD 'expert_network';
SELECT results_eq(
    $$ SELECT setting, min_val, max_val, context, vartype FROM pg_settings
        WHERE name = 'expert_network.max_question_depth' $$,
    $$ VALUES ('16', '1', '1000', 'superuser', 'integer') $$,
    'expert_network.max_question_depth: integer, default 16, 1 to 1000, only a superuser may set it (0.7.0)');

/* ========================================================================
 * Property: a random screener (12)
 * ======================================================================== */

SELECT set_config('expert_network.user_id', 'user_p', true) \g /dev/null
INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date, target_completion_date)
VALUES ('28000000-0000-4000-8000-000000000001', 'Random screener', 'Industrials', '2026-01-05', '2026-02-27'),
       ('28000000-0000-4000-8000-000000000002', 'Copy target', 'Industrials', '2026-01-05', '2026-02-27');

SELECT setseed(0.20260105) \g /dev/null
-- 40 top-level questions; question i > 40 hangs below one of 1 .. i/3, so
-- parents come first and the tree is 5 to 6 levels deep; display_order in
-- 0..3 and created_at among three hours make ties common, ties on both too
CREATE TEMPORARY TABLE gen AS
SELECT i,
       md5(random()::text)::uuid AS id,
       CASE WHEN i <= 40 THEN NULL ELSE 1 + floor(random() * (i / 3))::int END AS parent_i,
       floor(random() * 4)::int AS display_order,
       timestamptz '2026-01-01 09:00+00' + floor(random() * 3) * interval '1 hour' AS created_at,
       (ARRAY['text', 'multiple-choice', 'rating'])[1 + floor(random() * 3)::int] AS question_type
  FROM generate_series(1, 3000) AS i;
INSERT INTO expert_network.screening_questions
       (id, campaign_id, parent_question_id, question_text, question_type, options, display_order, created_at)
SELECT g.id, '28000000-0000-4000-8000-000000000001', p.id, 'Question ' || g.i, g.question_type,
       CASE WHEN g.question_type = 'multiple-choice' THEN jsonb_build_array('Yes', 'No', g.i) END,
       g.display_order, g.created_at
  FROM gen AS g LEFT JOIN gen AS p ON p.i = g.parent_i
 ORDER BY g.i;

-- the reference outline: pg_temp.reference(campaign)
\ir lib/question_reference.sql

SELECT is(
    (SELECT count(*) FROM expert_network.screening_questions
      WHERE campaign_id = '28000000-0000-4000-8000-000000000001'),
    3000::bigint, 'the random screener has 3,000 questions');
SELECT ok(
    (SELECT max(depth) >= 4 FROM pg_temp.reference('28000000-0000-4000-8000-000000000001'))
    AND EXISTS (SELECT FROM expert_network.screening_questions
                 WHERE campaign_id = '28000000-0000-4000-8000-000000000001'
                 GROUP BY parent_question_id, display_order, created_at HAVING count(*) > 1),
    'it is at least 5 levels deep and has siblings tied on display_order and created_at');
SELECT results_eq(
    $$ SELECT * FROM expert_network.question_tree('28000000-0000-4000-8000-000000000001') WITH ORDINALITY AS t
         (id, parent_question_id, depth, "position", path, question_text, question_type, options, display_order, n) $$,
    $$ SELECT r.id, r.parent_question_id, r.depth, r.position, r.path, r.question_text, r.question_type,
              r.options, r.display_order, r.n
         FROM pg_temp.reference('28000000-0000-4000-8000-000000000001') AS r ORDER BY r.n $$,
    'question_tree() equals the WITH RECURSIVE reference: order, depth, position, path, every column');

CREATE TEMPORARY TABLE ref AS SELECT * FROM pg_temp.reference('28000000-0000-4000-8000-000000000001');
CREATE TEMPORARY TABLE sample AS
SELECT id FROM ref ORDER BY md5(id::text || 'sample') LIMIT 60;

SELECT is(
    (SELECT count(*) FROM sample AS s
      WHERE (SELECT array_agg(ROW(t.id, t.depth, t.position, t.path)::text ORDER BY t.ordinality)
               FROM expert_network.question_subtree(s.id) WITH ORDINALITY AS t)
            IS DISTINCT FROM
            (SELECT array_agg(ROW(r.id, r.depth, r.position, r.path)::text ORDER BY r.n)
               FROM ref AS r WHERE s.id = ANY (r.path))),
    0::bigint, 'question_subtree() of 60 questions: the reference''s rows below each, same depths and positions');
SELECT is(
    (SELECT count(*) FROM sample AS s
      WHERE (SELECT array_agg(ROW(t.id, t.depth, t.position, t.path)::text ORDER BY t.ordinality)
               FROM expert_network.question_ancestors(s.id) WITH ORDINALITY AS t)
            IS DISTINCT FROM
            (SELECT array_agg(ROW(r.id, r.depth, r.position, r.path)::text ORDER BY r.depth)
               FROM ref AS r WHERE r.id = ANY ((SELECT x.path FROM ref AS x WHERE x.id = s.id)::uuid[]))),
    0::bigint, 'question_ancestors() of 60 questions: the reference''s rows on each path, top first');

SELECT is(
    expert_network.copy_question_tree('28000000-0000-4000-8000-000000000001', '28000000-0000-4000-8000-000000000002'),
    3000, 'copy_question_tree() copies the 3,000 questions');
SELECT results_eq(
    $$ SELECT depth, position, question_text, question_type, options
         FROM expert_network.question_tree('28000000-0000-4000-8000-000000000002') $$,
    $$ SELECT depth, position, question_text, question_type, options
         FROM ref ORDER BY n $$,
    'the copy has the same outline: shape, order, texts, types and options');

-- 300 random moves of a random question, at a random position: one in ten
-- to the top level, one in seven somewhere in its own subtree, the rest
-- under any question; what is refused is recorded with whether the new
-- parent was the question or below it (a cycle)
CREATE TEMPORARY TABLE moves (
    n int, question uuid, new_parent uuid, old_parent uuid, cycle boolean, state text, message text);
DO $$
DECLARE
    ids uuid[] := ARRAY(SELECT id FROM ref ORDER BY n);
    q uuid;
    p uuid;
    old uuid;
    r float8;
    is_cycle boolean;
    st text;
    msg text;
BEGIN
    FOR k IN 1 .. 300 LOOP
        q := ids[1 + floor(random() * 3000)::int];
        r := random();
        IF r < 0.1 THEN
            p := NULL;
        ELSIF r < 0.25 THEN
            -- somewhere in its own subtree, itself included: always a cycle
            SELECT t.id INTO p FROM expert_network.question_subtree(q) AS t ORDER BY random() LIMIT 1;
        ELSE
            p := ids[1 + floor(random() * 3000)::int];
        END IF;
        SELECT parent_question_id INTO old FROM expert_network.screening_questions WHERE id = q;
        is_cycle := p IS NOT NULL AND EXISTS (
            SELECT FROM expert_network.question_subtree(q) AS t WHERE t.id = p);
        st := NULL;
        msg := NULL;
        BEGIN
            PERFORM expert_network.move_question(q, p, 1 + floor(random() * 6)::int);
        EXCEPTION WHEN OTHERS THEN
            GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
        END;
        INSERT INTO moves VALUES (k, q, p, old, is_cycle, st, msg);
    END LOOP;
END
$$;

SELECT diag(format('random moves: %s done, %s refused as cycles, %s refused for depth',
                   count(*) FILTER (WHERE state IS NULL), count(*) FILTER (WHERE cycle),
                   count(*) FILTER (WHERE state IS NOT NULL AND NOT cycle)))
  FROM moves;
SELECT ok(
    (SELECT count(*) FILTER (WHERE state IS NULL) >= 100 AND count(*) FILTER (WHERE cycle) >= 10 FROM moves),
    'the random moves include at least 100 done and 10 cycles');
SELECT is(
    (SELECT count(*) FROM moves WHERE cycle AND (state IS DISTINCT FROM '23514' OR message NOT LIKE '%cannot be its own ancestor')),
    0::bigint, 'every move that would close a cycle is refused as one (23514)');
SELECT is(
    (SELECT count(*) FROM moves WHERE NOT cycle AND state IS NOT NULL AND NOT (state = '23514' AND message LIKE '%at depth%')),
    0::bigint, 'every other move is done, or refused for depth (23514)');
SELECT results_eq(
    $$ SELECT * FROM expert_network.question_tree('28000000-0000-4000-8000-000000000001') WITH ORDINALITY AS t
         (id, parent_question_id, depth, "position", path, question_text, question_type, options, display_order, n) $$,
    $$ SELECT r.id, r.parent_question_id, r.depth, r.position, r.path, r.question_text, r.question_type,
              r.options, r.display_order, r.n
         FROM pg_temp.reference('28000000-0000-4000-8000-000000000001') AS r ORDER BY r.n $$,
    'after the moves, question_tree() still equals the reference: 3,000 questions, no cycle');
SELECT is(
    (SELECT count(*) FROM (
        SELECT array_agg(s.display_order ORDER BY s.display_order, s.created_at, s.id) AS orders,
               count(*)::int AS n
          FROM (SELECT new_parent AS parent FROM moves WHERE state IS NULL
                UNION SELECT old_parent FROM moves WHERE state IS NULL) AS l
          JOIN expert_network.screening_questions AS s
            ON s.campaign_id = '28000000-0000-4000-8000-000000000001'
           AND s.parent_question_id IS NOT DISTINCT FROM l.parent
         GROUP BY l.parent) AS lists
      WHERE orders <> ARRAY(SELECT generate_series(1, n))),
    0::bigint, 'every sibling list a move left or entered is numbered 1..n');

/* ========================================================================
 * Depth and corrupt data (3)
 * ======================================================================== */

-- a chain of 16 questions (depths 0..15) is the most the default allows
DO $$
DECLARE
    parent uuid := NULL;
    q uuid;
BEGIN
    FOR d IN 0 .. 15 LOOP
        INSERT INTO expert_network.screening_questions (campaign_id, parent_question_id, question_text)
        VALUES ('28000000-0000-4000-8000-000000000002', parent, 'Level ' || d) RETURNING id INTO q;
        parent := q;
    END LOOP;
    PERFORM set_config('en_tap.deepest', q::text, true);
END
$$;
SELECT throws_ok(
    format($$ INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text)
              VALUES ('28000000-0000-4000-8000-0000000000d1', '28000000-0000-4000-8000-000000000002', %L, 'Level 16') $$,
           current_setting('en_tap.deepest')),
    '23514', 'screening question 28000000-0000-4000-8000-0000000000d1 would be at depth 16',
    'depth 16 is refused with the default expert_network.max_question_depth of 16');

-- a loop written with the trigger off (a top-level question under one of
-- its own depth-2 descendants): the walks end with an error
SELECT set_config('en_tap.looped', id::text, true), set_config('en_tap.root', path[1]::text, true)
  FROM expert_network.question_tree('28000000-0000-4000-8000-000000000001')
 WHERE depth = 2 LIMIT 1 \g /dev/null
ALTER TABLE expert_network.screening_questions DISABLE TRIGGER question_integrity_update;
UPDATE expert_network.screening_questions SET parent_question_id = current_setting('en_tap.looped')::uuid
 WHERE id = current_setting('en_tap.root')::uuid;
ALTER TABLE expert_network.screening_questions ENABLE TRIGGER question_integrity_update;
SELECT throws_ok(
    $$ SELECT count(*) FROM expert_network.question_tree('28000000-0000-4000-8000-000000000001') $$,
    'XX001', NULL, 'question_tree() of a screener with a loop fails (data_corrupted) instead of looping');
SELECT throws_ok(
    format($$ SELECT count(*) FROM expert_network.question_ancestors(%L) $$, current_setting('en_tap.looped')),
    'XX001', NULL, 'question_ancestors() on the loop fails too');

/* ========================================================================
 * As an app role and a readonly role (21)
 * ======================================================================== */

-- pg_temp.error_of(sql): 'SQLSTATE: message / detail / hint' of the error
-- the statement raises, 'no error' if none
CREATE FUNCTION pg_temp.error_of(sql text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    st text; msg text; det text; hnt text;
BEGIN
    EXECUTE sql;
    RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT;
    RETURN pg_catalog.concat_ws(' / ', st || ': ' || msg, NULLIF(det, ''), NULLIF(hnt, ''));
END;
$$;

CREATE ROLE en_tap_q_app NOLOGIN;
CREATE ROLE en_tap_q_ro NOLOGIN;
SELECT expert_network.grant_access('en_tap_q_app', 'app') \g /dev/null
SELECT expert_network.grant_access('en_tap_q_ro', 'readonly') \g /dev/null

SET LOCAL ROLE en_tap_q_app;
SELECT set_config('expert_network.user_id', 'user_a', true) \g /dev/null
INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date, target_completion_date)
VALUES ('a8000000-0000-4000-8000-000000000001', 'A one', 'Industrials', '2026-01-05', '2026-02-27'),
       ('a8000000-0000-4000-8000-000000000002', 'A two', 'Industrials', '2026-01-05', '2026-02-27');
INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text, display_order)
VALUES ('a8000000-0000-4000-8000-000000000011', 'a8000000-0000-4000-8000-000000000001', NULL, 'Role?', 1),
       ('a8000000-0000-4000-8000-000000000012', 'a8000000-0000-4000-8000-000000000001', 'a8000000-0000-4000-8000-000000000011', 'Budget?', 1),
       ('a8000000-0000-4000-8000-000000000013', 'a8000000-0000-4000-8000-000000000001', NULL, 'Vendors?', 2);
SELECT expert_network.move_question('a8000000-0000-4000-8000-000000000013', NULL, 1) \g /dev/null

SELECT results_eq(
    $$ SELECT position, question_text, user_id
         FROM expert_network.question_tree('a8000000-0000-4000-8000-000000000001')
         JOIN expert_network.screening_questions USING (id, question_text)
        ORDER BY position $$,
    $$ VALUES ('1', 'Vendors?', 'user_a'), ('2', 'Role?', 'user_a'), ('2.1', 'Budget?', 'user_a') $$,
    'app role, user_a: moves and walks its own screener');
SELECT is(expert_network.copy_question_tree('a8000000-0000-4000-8000-000000000001', 'a8000000-0000-4000-8000-000000000002'),
          3, 'app role, user_a: copies its screener to its other campaign');
SELECT is((SELECT count(*) FROM expert_network.screening_questions
            WHERE campaign_id = 'a8000000-0000-4000-8000-000000000002' AND user_id = 'user_a'),
          3::bigint, 'the copies belong to user_a');

SELECT set_config('expert_network.user_id', 'user_b', true) \g /dev/null
INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date, target_completion_date)
VALUES ('b8000000-0000-4000-8000-000000000001', 'B one', 'Industrials', '2026-01-05', '2026-02-27');
INSERT INTO expert_network.screening_questions (id, campaign_id, question_text)
VALUES ('b8000000-0000-4000-8000-000000000011', 'b8000000-0000-4000-8000-000000000001', 'B''s question');
INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
VALUES ('b8000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'enrolled');
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title)
VALUES ('b8000000-0000-4000-8000-000000000021', 'b8000000-0000-4000-8000-000000000001',
        '00000000-0000-4000-8000-000000000001', 'B''s expert', 'CFO');

SELECT is_empty(
    $$ SELECT * FROM expert_network.question_tree('a8000000-0000-4000-8000-000000000001') $$,
    'user_b: user_a''s campaign has no questions');
SELECT throws_ok(
    $$ SELECT * FROM expert_network.question_subtree('a8000000-0000-4000-8000-000000000011') $$,
    'P0002', 'screening question a8000000-0000-4000-8000-000000000011 does not exist',
    'user_b: question_subtree() of user_a''s question: unknown');
SELECT throws_ok(
    $$ SELECT * FROM expert_network.question_ancestors('a8000000-0000-4000-8000-000000000012') $$,
    'P0002', 'screening question a8000000-0000-4000-8000-000000000012 does not exist',
    'user_b: question_ancestors() of user_a''s question: unknown');
SELECT throws_ok(
    $$ SELECT expert_network.move_question('a8000000-0000-4000-8000-000000000012', NULL, 1) $$,
    'P0002', 'screening question a8000000-0000-4000-8000-000000000012 does not exist',
    'user_b: moving user_a''s question: unknown');
SELECT throws_ok(
    $$ SELECT expert_network.move_question('b8000000-0000-4000-8000-000000000011', 'a8000000-0000-4000-8000-000000000011', 1) $$,
    'P0002', 'screening question a8000000-0000-4000-8000-000000000011 does not exist',
    'user_b: moving its question under user_a''s: unknown');
SELECT throws_ok(
    $$ UPDATE expert_network.screening_questions SET parent_question_id = 'a8000000-0000-4000-8000-000000000011'
        WHERE id = 'b8000000-0000-4000-8000-000000000011' $$,
    '23503', 'insert or update on table "screening_questions" violates foreign key constraint "screening_questions_parent_question_id_fkey"',
    'user_b: the same by UPDATE: the composite foreign key refuses it (23503), as a parent that does not exist');
SELECT throws_ok(
    $$ SELECT expert_network.copy_question_tree('a8000000-0000-4000-8000-000000000001', 'b8000000-0000-4000-8000-000000000001') $$,
    'P0002', 'campaign a8000000-0000-4000-8000-000000000001 does not exist',
    'user_b: copying user_a''s screener: unknown campaign');
SELECT throws_ok(
    $$ SELECT expert_network.copy_question_tree('b8000000-0000-4000-8000-000000000001', 'a8000000-0000-4000-8000-000000000001') $$,
    '23503', 'insert or update on table "screening_questions" violates foreign key constraint "screening_questions_campaign_id_fkey"',
    'user_b: copying its screener into user_a''s campaign: 23503 from the composite foreign key');
SELECT throws_ok(
    $$ INSERT INTO expert_network.expert_screening_responses (expert_id, screening_question_id, response_text)
       VALUES ('b8000000-0000-4000-8000-000000000021', 'a8000000-0000-4000-8000-000000000011', 'Hi') $$,
    '23503', 'insert or update on table "expert_screening_responses" violates foreign key constraint "expert_screening_responses_screening_question_id_fkey"',
    'user_b: answering user_a''s question: 23503 from the composite foreign key');
-- user_a's question and campaign look exactly like ones that do not exist
-- (d8000000-…): the same errors, naming neither user_a nor its rows
SELECT is(
    ARRAY[pg_temp.error_of($$ UPDATE expert_network.screening_questions SET parent_question_id = 'a8000000-0000-4000-8000-000000000011'
                               WHERE id = 'b8000000-0000-4000-8000-000000000011' $$),
          pg_temp.error_of($$ SELECT expert_network.copy_question_tree('b8000000-0000-4000-8000-000000000001', 'a8000000-0000-4000-8000-000000000001') $$),
          pg_temp.error_of($$ INSERT INTO expert_network.expert_screening_responses (expert_id, screening_question_id, response_text)
                               VALUES ('b8000000-0000-4000-8000-000000000021', 'a8000000-0000-4000-8000-000000000011', 'Hi') $$)],
    ARRAY[pg_temp.error_of($$ UPDATE expert_network.screening_questions SET parent_question_id = 'd8000000-0000-4000-8000-000000000011'
                               WHERE id = 'b8000000-0000-4000-8000-000000000011' $$),
          pg_temp.error_of($$ SELECT expert_network.copy_question_tree('b8000000-0000-4000-8000-000000000001', 'd8000000-0000-4000-8000-000000000001') $$),
          pg_temp.error_of($$ INSERT INTO expert_network.expert_screening_responses (expert_id, screening_question_id, response_text)
                               VALUES ('b8000000-0000-4000-8000-000000000021', 'd8000000-0000-4000-8000-000000000011', 'Hi') $$)],
    'user_b: the three references to user_a''s rows fail exactly as references to rows that do not exist');
SELECT lives_ok(
    $$ INSERT INTO expert_network.expert_screening_responses (expert_id, screening_question_id, response_text)
       VALUES ('b8000000-0000-4000-8000-000000000021', 'b8000000-0000-4000-8000-000000000011', 'Yes') $$,
    'user_b: its expert answers its own campaign''s question');

SELECT set_config('expert_network.user_id', 'user_a', true) \g /dev/null
SELECT results_eq(
    $$ SELECT position, question_text FROM expert_network.question_tree('a8000000-0000-4000-8000-000000000001') $$,
    $$ VALUES ('1', 'Vendors?'), ('2', 'Role?'), ('2.1', 'Budget?') $$,
    'user_a''s screener is as it was');
-- 0.7.0: the depth cap is superuser-only
SELECT throws_ok(
    $$ SET LOCAL expert_network.max_question_depth = 1000 $$,
    '42501', 'permission denied to set parameter "expert_network.max_question_depth"',
    'app role: SET expert_network.max_question_depth is refused (42501): only a superuser may change it');
SELECT throws_ok(
    $$ SELECT pg_catalog.set_config('expert_network.max_question_depth', '1000', true) $$,
    '42501', 'permission denied to set parameter "expert_network.max_question_depth"',
    'app role: set_config() of expert_network.max_question_depth is refused (42501)');
SELECT is(pg_catalog.current_setting('expert_network.max_question_depth'), '16',
          'app role: expert_network.max_question_depth is still 16');
RESET ROLE;

SET LOCAL ROLE en_tap_q_ro;
SELECT set_config('expert_network.user_id', 'user_a', true) \g /dev/null
SELECT is((SELECT count(*) FROM expert_network.question_ancestors('a8000000-0000-4000-8000-000000000012')),
          2::bigint, 'readonly role: walks its user''s screener');
SELECT throws_ok(
    $$ SELECT expert_network.move_question('a8000000-0000-4000-8000-000000000012', NULL, 1) $$,
    '42501', NULL, 'readonly role: move_question() is refused (42501)');
SELECT throws_ok(
    $$ SELECT expert_network.copy_question_tree('a8000000-0000-4000-8000-000000000001', 'a8000000-0000-4000-8000-000000000002') $$,
    '42501', NULL, 'readonly role: copy_question_tree() is refused (42501)');
RESET ROLE;

SELECT * FROM finish();

ROLLBACK;
