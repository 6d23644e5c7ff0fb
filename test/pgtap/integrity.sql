-- test/pgtap/integrity.sql — integrity under every statement shape (0.8.0,
-- issue 13): what one statement cannot do, however it is written.
--
-- A. protect_completed_record(): its definition, its two triggers on
--    completed_interviews, and the trigger protocol it insists on (39P01).
-- B. A screening question cannot become its own ancestor within one
--    statement: a multi-row INSERT of questions naming each other as
--    parents, an INSERT ... SELECT closing a 3-cycle, an UPDATE ... FROM
--    swapping two questions' parents, a writable CTE, MERGE (which fires the
--    row triggers: its UPDATE and INSERT actions alike), INSERT ... ON
--    CONFLICT DO UPDATE, an UPDATE of ids closing a loop: each refused with
--    23514, nothing written, the walks of the screener still working (never
--    XX001).  What is legitimate still works: a child listed before its
--    parent in one INSERT; and the depth cap
--    (expert_network.max_question_depth) holds for a chain inserted in one
--    statement, in any order.
-- C. The id of a row of the six workflow tables never changes: 23000 (never
--    XX000) for every one of them, one row or several, as the app role, as a
--    superuser with or without an identity, and when restoring; by UPDATE,
--    ON CONFLICT DO UPDATE and MERGE.  Other tables' ids may change where no
--    foreign key refuses it.
-- D. The completed-interview record (protect_completed_record): its
--    interview_id, campaign_id and expert_id never change (23000); the
--    record of an interview that is still completed is not deleted (23001),
--    by DELETE, MERGE or a writable CTE, by the app role or a superuser; its
--    other columns change; deleting the interview, its expert or its
--    campaign takes the record along without an error.
-- E. A column whose type an administrator changed (scheduled_calls to
--    numeric, interviews.status to another enum than the extension's
--    expert_network.interview_status (0.15.0) or back to text, experts.is_new
--    dropped and added again as text, screening_questions.display_order to
--    bigint) is refused
--    with 42804 by the next write or walk that reads it, never misread; a
--    column the module needs, dropped, with 42703; after the change is
--    rolled back, everything works again.  One assertion there is marked
--    A dropped campaigns.scheduled_calls is 42703 too (it was XX000).
-- F. Restores and erasure are not held to the record's rule: with no
--    identity and row_security off a superuser may delete a record, after
--    which rate_interview() fails with P0002 (never XX000), and
--    complete_interview() with 23514 (the interview is completed already);
--    complete_interview() in restore mode, which writes no record, fails
--    with P0002; delete_user_data() erases a user's records.
--
-- Everything but the superuser's writes runs as an app role
-- (grant_access(role, 'app')), with the identity set as an application sets
-- it.  Runs under pg_prove in a database with pgtap and expert_network
-- installed (test/suite), as a superuser, in one transaction that is rolled
-- back: the roles, types and schema changes made here vanish with it.  Schema
-- changes (section E) are made inside pg_temp.altered(), which always rolls
-- them back before the assertion about what they caused is made.
--
-- Fixture ids, user ig_u1 unless said otherwise:
--   c1…0N campaigns: C1 active (GLG enrolled, AlphaSights pending), C2
--         draft, C3 active (the cascade tests), C5 user ig_u2's
--   ce…0N enrollments   e1…0N experts   a1…0N interviews
--   5e…01 chat session  ad…0N research activities  be…0N research sources
--   f1…0N C1's screener: Q1 (top), Q2 (under Q1), Q3 (under Q2), Q4 (top)

SET client_min_messages = warning;

BEGIN;

SELECT plan(121);

CREATE ROLE en_ig_app NOLOGIN;
CREATE ROLE en_ig_admin NOLOGIN;
SELECT expert_network.grant_access('en_ig_app', 'app') \g /dev/null
SELECT expert_network.grant_access('en_ig_admin', 'admin') \g /dev/null

/* ------------------------------------------------------------------------
 * Helpers
 *   pg_temp.attempt(sql)        runs sql as the role of the moment and
 *       undoes it, whatever happened: 'ok', or 'SQLSTATE: message'
 *   pg_temp.altered(ddl, sql)   runs ddl as the caller (a superuser), then
 *       sql as en_ig_app, and undoes both: what sql gave, as attempt()
 * ------------------------------------------------------------------------ */

CREATE FUNCTION pg_temp.attempt(sql text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    result text;
BEGIN
    BEGIN
        BEGIN
            EXECUTE sql;
            result := 'ok';
        EXCEPTION WHEN OTHERS THEN
            GET STACKED DIAGNOSTICS result = RETURNED_SQLSTATE;
            result := result || ': ' || SQLERRM;
        END;
        RAISE EXCEPTION USING ERRCODE = 'EN999', MESSAGE = 'undo';
    EXCEPTION WHEN SQLSTATE 'EN999' THEN
        NULL;
    END;
    RETURN result;
END;
$$;

CREATE FUNCTION pg_temp.altered(ddl text, sql text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    result text;
BEGIN
    BEGIN
        EXECUTE ddl;
        EXECUTE 'SET LOCAL ROLE en_ig_app';
        BEGIN
            EXECUTE sql;
            result := 'ok';
        EXCEPTION WHEN OTHERS THEN
            GET STACKED DIAGNOSTICS result = RETURNED_SQLSTATE;
            result := result || ': ' || SQLERRM;
        END;
        RAISE EXCEPTION USING ERRCODE = 'EN999', MESSAGE = 'undo';
    EXCEPTION WHEN SQLSTATE 'EN999' THEN
        NULL;
    END;
    RETURN result;
END;
$$;

/* ------------------------------------------------------------------------
 * A. protect_completed_record() and its two triggers (4); the fixture, as
 *    the app role (1)
 * ------------------------------------------------------------------------ */

SELECT results_eq(
    $$ SELECT l.lanname::text COLLATE "default", p.prorettype::regtype::text, p.provolatile::text, p.proparallel::text,
              p.prosecdef, p.proisstrict, p.prosrc COLLATE "default", p.probin COLLATE "default"
         FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_language l ON l.oid = p.prolang
        WHERE p.oid = 'expert_network.protect_completed_record()'::regprocedure $$,
    $$ VALUES ('c'::text, 'trigger'::text, 'v'::text, 'u'::text, false, false,
               'expert_network_protect_completed_record'::text, '$libdir/expert_network'::text) $$,
    'protect_completed_record(): LANGUAGE c, returns trigger, VOLATILE, PARALLEL UNSAFE, not SECURITY DEFINER, not STRICT, its C symbol');
SELECT ok(
    NOT pg_catalog.has_function_privilege('public', 'expert_network.protect_completed_record()', 'EXECUTE'),
    'PUBLIC may not execute protect_completed_record()');
-- tgtype: ROW 1, BEFORE 2, DELETE 8, UPDATE 16 (an AFTER STATEMENT trigger sets neither 1 nor 2)
SELECT results_eq(
    $$ SELECT t.tgname::text COLLATE "default", t.tgfoid::regproc::text, t.tgtype::int, t.tgenabled::text, t.tgnargs::int,
              t.tgqual IS NULL, t.tgattr::text, t.tgoldtable::text COLLATE "default", t.tgnewtable::text COLLATE "default"
         FROM pg_catalog.pg_trigger t
        WHERE t.tgrelid = 'expert_network.completed_interviews'::regclass
          AND t.tgfoid = 'expert_network.protect_completed_record()'::regprocedure
        ORDER BY t.tgname $$,
    $$ VALUES ('protect_completed_record'::text, 'expert_network.protect_completed_record'::text, 19, 'O'::text, 0,
               true, ''::text, NULL::text, NULL::text),
              ('protect_completed_record_delete', 'expert_network.protect_completed_record', 8, 'O', 0,
               true, '', 'en_old', NULL) $$,
    'completed_interviews: protect_completed_record BEFORE UPDATE FOR EACH ROW, protect_completed_record_delete AFTER DELETE FOR EACH STATEMENT REFERENCING OLD TABLE AS en_old; enabled, no arguments, WHEN or column list');
-- fired anywhere else, it refuses (39P01) rather than read what it does not know
SELECT is(
    pg_temp.attempt($$
        CREATE TEMPORARY TABLE ig_elsewhere (id uuid, interview_id uuid);
        INSERT INTO ig_elsewhere VALUES (pg_catalog.gen_random_uuid(), pg_catalog.gen_random_uuid());
        CREATE TRIGGER ig_t BEFORE UPDATE ON ig_elsewhere
            FOR EACH ROW EXECUTE FUNCTION expert_network.protect_completed_record();
        UPDATE ig_elsewhere SET interview_id = pg_catalog.gen_random_uuid() $$),
    '39P01: function protect_completed_record must be fired BEFORE UPDATE FOR EACH ROW, or AFTER DELETE FOR EACH STATEMENT with transition table en_old, on expert_network.completed_interviews',
    'protect_completed_record() fired on another table fails with 39P01 (trigger protocol violated)');

SET LOCAL ROLE en_ig_app;
SELECT set_config('expert_network.user_id', 'ig_u1', true) \g /dev/null

INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date, target_completion_date, status)
VALUES ('c1000000-0000-4000-8000-000000000001', 'C1', 'Technology', '2026-01-01', '2026-06-30', 'active'),
       ('c1000000-0000-4000-8000-000000000002', 'C2', 'Technology', '2026-01-01', '2026-06-30', 'draft'),
       ('c1000000-0000-4000-8000-000000000003', 'C3', 'Energy',     '2026-01-01', '2026-06-30', 'active');
INSERT INTO expert_network.campaign_vendor_enrollments (id, campaign_id, vendor_platform_id, status)
VALUES ('ce000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'enrolled'),
       ('ce000000-0000-4000-8000-000000000002', 'c1000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'pending'),
       ('ce000000-0000-4000-8000-000000000003', 'c1000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000001', 'enrolled');
-- E1, E2, E6: C1's, with interviews I1, I2 (completed in section D) and
-- I6 (scheduled); E8 (proposed): C1's, for section E; E3, E4, E5: C3's,
-- with interviews I3, I4, I5 (completed in section D)
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, status)
SELECT ('e1000000-0000-4000-8000-00000000000' || n)::uuid, ('c1000000-0000-4000-8000-00000000000' || c)::uuid,
       '00000000-0000-4000-8000-000000000001', 'E' || n, 'Title', s::expert_network.expert_status
  FROM (VALUES (1, 1, 'reviewed'), (2, 1, 'reviewed'), (3, 3, 'reviewed'), (4, 3, 'reviewed'),
               (5, 3, 'reviewed'), (6, 1, 'reviewed'), (8, 1, 'proposed')) AS v(n, c, s);
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
SELECT ('a1000000-0000-4000-8000-00000000000' || n)::uuid, ('c1000000-0000-4000-8000-00000000000' || c)::uuid,
       ('e1000000-0000-4000-8000-00000000000' || n)::uuid, '2026-02-01', '10:00', 'scheduled'
  FROM (VALUES (1, 1), (2, 1), (3, 3), (4, 3), (5, 3), (6, 1)) AS v(n, c);
INSERT INTO expert_network.chat_sessions (id, title) VALUES ('5e000000-0000-4000-8000-000000000001', 'S1');
INSERT INTO expert_network.research_activities (id, chat_session_id, activity_name, status)
VALUES ('ad000000-0000-4000-8000-000000000001', '5e000000-0000-4000-8000-000000000001', 'AD1', 'queued'),
       ('ad000000-0000-4000-8000-000000000002', '5e000000-0000-4000-8000-000000000001', 'AD2', 'processing');
INSERT INTO expert_network.research_sources (id, chat_session_id, source_name, source_type, status)
VALUES ('be000000-0000-4000-8000-000000000001', '5e000000-0000-4000-8000-000000000001', 'BE1', 'URL', 'processing'),
       ('be000000-0000-4000-8000-000000000002', '5e000000-0000-4000-8000-000000000001', 'BE2', 'URL', 'failed');
INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text, display_order)
VALUES ('f1000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001', NULL, 'Q1', 1),
       ('f1000000-0000-4000-8000-000000000002', 'c1000000-0000-4000-8000-000000000001', 'f1000000-0000-4000-8000-000000000001', 'Q2', 1),
       ('f1000000-0000-4000-8000-000000000003', 'c1000000-0000-4000-8000-000000000001', 'f1000000-0000-4000-8000-000000000002', 'Q3', 1),
       ('f1000000-0000-4000-8000-000000000004', 'c1000000-0000-4000-8000-000000000001', NULL, 'Q4', 2);

-- user ig_u2: C5, its expert E7 and interview I7, for delete_user_data()
SELECT set_config('expert_network.user_id', 'ig_u2', true) \g /dev/null
INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date, target_completion_date, status)
VALUES ('c1000000-0000-4000-8000-000000000005', 'C5', 'Technology', '2026-01-01', '2026-06-30', 'active');
INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
VALUES ('c1000000-0000-4000-8000-000000000005', '00000000-0000-4000-8000-000000000001', 'enrolled');
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, status)
VALUES ('e1000000-0000-4000-8000-000000000007', 'c1000000-0000-4000-8000-000000000005',
        '00000000-0000-4000-8000-000000000001', 'E7', 'Title', 'reviewed');
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
VALUES ('a1000000-0000-4000-8000-000000000007', 'c1000000-0000-4000-8000-000000000005',
        'e1000000-0000-4000-8000-000000000007', '2026-02-01', '10:00', 'scheduled');
SELECT expert_network.complete_interview('a1000000-0000-4000-8000-000000000007') \g /dev/null
SELECT set_config('expert_network.user_id', 'ig_u1', true) \g /dev/null

SELECT results_eq(
    $$ SELECT (SELECT count(*) FROM expert_network.campaigns), (SELECT count(*) FROM expert_network.experts),
              (SELECT count(*) FROM expert_network.interviews), (SELECT count(*) FROM expert_network.screening_questions),
              current_user::text COLLATE "default",
              (SELECT rolsuper OR rolbypassrls FROM pg_catalog.pg_roles WHERE rolname = current_user) $$,
    $$ VALUES (3::bigint, 7::bigint, 6::bigint, 4::bigint, 'en_ig_app'::text, false) $$,
    'fixture: the app role (neither superuser nor BYPASSRLS), as ig_u1, sees its 3 campaigns, 7 experts, 6 interviews, 4 questions');

/* ------------------------------------------------------------------------
 * B. No question becomes its own ancestor within one statement (13); the
 *    screener is intact and walks (3); a child listed before its parent
 *    (2); the depth cap in one statement (4); a question's id may change
 *    (1)
 * ------------------------------------------------------------------------ */

-- two new questions naming each other as parents (VALUES order: the second
-- one closes the loop)
SELECT is(
    pg_temp.attempt($$
        INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text)
        VALUES ('f2000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001', 'f2000000-0000-4000-8000-000000000002', 'A'),
               ('f2000000-0000-4000-8000-000000000002', 'c1000000-0000-4000-8000-000000000001', 'f2000000-0000-4000-8000-000000000001', 'B') $$),
    '23514: screening question f2000000-0000-4000-8000-000000000002 cannot be its own ancestor',
    'a 2-row INSERT of A under B and B under A is refused (23514)');
-- the order reversed: the loop is closed by the other row
SELECT is(
    pg_temp.attempt($$
        INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text)
        VALUES ('f2000000-0000-4000-8000-000000000002', 'c1000000-0000-4000-8000-000000000001', 'f2000000-0000-4000-8000-000000000001', 'B'),
               ('f2000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001', 'f2000000-0000-4000-8000-000000000002', 'A') $$),
    '23514: screening question f2000000-0000-4000-8000-000000000001 cannot be its own ancestor',
    'the same 2-cycle listed the other way round is refused too (23514)');
SELECT is(
    pg_temp.attempt($$
        INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text)
        SELECT ('f3000000-0000-4000-8000-00000000000' || i)::uuid, 'c1000000-0000-4000-8000-000000000001',
               ('f3000000-0000-4000-8000-00000000000' || (i % 3 + 1))::uuid, 'Q' || i
          FROM pg_catalog.generate_series(1, 3) AS i ORDER BY i $$),
    '23514: screening question f3000000-0000-4000-8000-000000000003 cannot be its own ancestor',
    'a 3-row INSERT ... SELECT forming a 3-cycle (1 under 2 under 3 under 1) is refused (23514)');
-- a 3-cycle hanging below an existing question is no better
SELECT is(
    pg_temp.attempt($$
        INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text)
        VALUES ('f3000000-0000-4000-8000-000000000004', 'c1000000-0000-4000-8000-000000000001', 'f1000000-0000-4000-8000-000000000003', 'ok leaf'),
               ('f3000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001', 'f3000000-0000-4000-8000-000000000003', 'X'),
               ('f3000000-0000-4000-8000-000000000002', 'c1000000-0000-4000-8000-000000000001', 'f3000000-0000-4000-8000-000000000001', 'Y'),
               ('f3000000-0000-4000-8000-000000000003', 'c1000000-0000-4000-8000-000000000001', 'f3000000-0000-4000-8000-000000000002', 'Z') $$),
    '23514: screening question f3000000-0000-4000-8000-000000000003 cannot be its own ancestor',
    'a 4-row INSERT, one legitimate leaf and a 3-cycle, is refused as a whole (23514)');
SELECT matches(
    pg_temp.attempt($$
        UPDATE expert_network.screening_questions AS q SET parent_question_id = v.p
          FROM (VALUES ('f1000000-0000-4000-8000-000000000001'::uuid, 'f1000000-0000-4000-8000-000000000004'::uuid),
                       ('f1000000-0000-4000-8000-000000000004'::uuid, 'f1000000-0000-4000-8000-000000000001'::uuid)) AS v(id, p)
         WHERE q.id = v.id $$),
    '^23514: screening question f1000000-0000-4000-8000-00000000000[14] cannot be its own ancestor$',
    'an UPDATE ... FROM putting Q1 under Q4 and Q4 under Q1 is refused (23514)');
SELECT matches(
    pg_temp.attempt($$
        UPDATE expert_network.screening_questions AS q SET parent_question_id = v.p
          FROM (VALUES ('f1000000-0000-4000-8000-000000000001'::uuid, 'f1000000-0000-4000-8000-000000000003'::uuid),
                       ('f1000000-0000-4000-8000-000000000004'::uuid, 'f1000000-0000-4000-8000-000000000002'::uuid)) AS v(id, p)
         WHERE q.id = v.id $$),
    '^23514: screening question f1000000-0000-4000-8000-000000000001 cannot be its own ancestor$',
    'an UPDATE ... FROM moving Q1 under its own grandchild Q3 (and Q4 elsewhere) is refused (23514)');
SELECT matches(
    pg_temp.attempt($$
        WITH moved AS (
            UPDATE expert_network.screening_questions SET parent_question_id = 'f1000000-0000-4000-8000-000000000004'
             WHERE id = 'f1000000-0000-4000-8000-000000000001' RETURNING id)
        UPDATE expert_network.screening_questions SET parent_question_id = 'f1000000-0000-4000-8000-000000000003'
         WHERE id = 'f1000000-0000-4000-8000-000000000004' $$),
    '^23514: screening question f1000000-0000-4000-8000-00000000000[14] cannot be its own ancestor$',
    'a writable CTE putting Q1 under Q4 while the main UPDATE puts Q4 under Q3 (below Q1) is refused (23514)');
-- MERGE fires the row triggers, for its UPDATE and its INSERT actions
SELECT matches(
    pg_temp.attempt($$
        MERGE INTO expert_network.screening_questions AS q
        USING (VALUES ('f1000000-0000-4000-8000-000000000001'::uuid, 'f1000000-0000-4000-8000-000000000004'::uuid),
                      ('f1000000-0000-4000-8000-000000000004'::uuid, 'f1000000-0000-4000-8000-000000000001'::uuid)) AS v(id, p)
           ON q.id = v.id
         WHEN MATCHED THEN UPDATE SET parent_question_id = v.p $$),
    '^23514: screening question f1000000-0000-4000-8000-00000000000[14] cannot be its own ancestor$',
    'MERGE ... WHEN MATCHED THEN UPDATE swapping Q1 and Q4 under each other is refused (23514): MERGE fires the row triggers');
SELECT is(
    pg_temp.attempt($$
        MERGE INTO expert_network.screening_questions AS q
        USING (VALUES ('f2000000-0000-4000-8000-000000000001'::uuid, 'f2000000-0000-4000-8000-000000000002'::uuid),
                      ('f2000000-0000-4000-8000-000000000002'::uuid, 'f2000000-0000-4000-8000-000000000001'::uuid)) AS v(id, p)
           ON q.id = v.id
         WHEN NOT MATCHED THEN INSERT (id, campaign_id, parent_question_id, question_text)
                               VALUES (v.id, 'c1000000-0000-4000-8000-000000000001', v.p, 'M') $$),
    '23514: screening question f2000000-0000-4000-8000-000000000002 cannot be its own ancestor',
    'MERGE ... WHEN NOT MATCHED THEN INSERT of a 2-cycle is refused (23514)');
SELECT matches(
    pg_temp.attempt($$
        MERGE INTO expert_network.screening_questions AS q
        USING (VALUES ('f1000000-0000-4000-8000-000000000001'::uuid, 'f2000000-0000-4000-8000-000000000001'::uuid),
                      ('f2000000-0000-4000-8000-000000000001'::uuid, 'f1000000-0000-4000-8000-000000000003'::uuid)) AS v(id, p)
           ON q.id = v.id
         WHEN MATCHED THEN UPDATE SET parent_question_id = v.p
         WHEN NOT MATCHED THEN INSERT (id, campaign_id, parent_question_id, question_text)
                               VALUES (v.id, 'c1000000-0000-4000-8000-000000000001', v.p, 'M') $$),
    '^23514: screening question f[12]000000-0000-4000-8000-000000000001 cannot be its own ancestor$',
    'MERGE moving Q1 under a new question that it inserts under Q3 (below Q1) is refused (23514)');
SELECT matches(
    pg_temp.attempt($$
        INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text)
        VALUES ('f1000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001', 'f1000000-0000-4000-8000-000000000004', 'Q1'),
               ('f1000000-0000-4000-8000-000000000004', 'c1000000-0000-4000-8000-000000000001', 'f1000000-0000-4000-8000-000000000001', 'Q4')
        ON CONFLICT (id) DO UPDATE SET parent_question_id = excluded.parent_question_id $$),
    '^23514: screening question f1000000-0000-4000-8000-00000000000[14] cannot be its own ancestor$',
    'INSERT ... ON CONFLICT DO UPDATE re-parenting Q1 under Q4 and Q4 under Q1 is refused (23514)');
SELECT is(
    pg_temp.attempt($$
        INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text)
        VALUES ('f2000000-0000-4000-8000-000000000003', 'c1000000-0000-4000-8000-000000000001', 'f1000000-0000-4000-8000-000000000003', 'N'),
               ('f1000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001', 'f2000000-0000-4000-8000-000000000003', 'Q1')
        ON CONFLICT (id) DO UPDATE SET parent_question_id = excluded.parent_question_id $$),
    '23514: screening question f1000000-0000-4000-8000-000000000001 cannot be its own ancestor',
    'INSERT ... ON CONFLICT DO UPDATE adding N under Q3 and moving Q1 under N is refused (23514)');
-- ids rewritten: Q1 takes a new id, Q3 takes Q1's, under Q2, which is under
-- (the id) Q1: a loop, if allowed
SELECT is(
    pg_temp.attempt($$
        UPDATE expert_network.screening_questions
           SET id = CASE id WHEN 'f1000000-0000-4000-8000-000000000001' THEN 'f2000000-0000-4000-8000-0000000000ff'::uuid
                            ELSE 'f1000000-0000-4000-8000-000000000001'::uuid END
         WHERE id IN ('f1000000-0000-4000-8000-000000000001', 'f1000000-0000-4000-8000-000000000003') $$),
    '23514: screening question f1000000-0000-4000-8000-000000000001 cannot be its own ancestor',
    'an UPDATE of ids that would close a loop (Q1 takes a new id, Q3 takes Q1''s, below Q2) is refused (23514)');

SELECT results_eq(
    $$ SELECT position, question_text FROM expert_network.question_tree('c1000000-0000-4000-8000-000000000001') $$,
    $$ VALUES ('1', 'Q1'), ('1.1', 'Q2'), ('1.1.1', 'Q3'), ('2', 'Q4') $$,
    'after the refused statements, question_tree() of C1 walks (no XX001) and the screener is as it was: nothing written');
SELECT results_eq(
    $$ SELECT (SELECT count(*) FROM expert_network.question_subtree('f1000000-0000-4000-8000-000000000001')),
              (SELECT pg_catalog.array_agg(question_text ORDER BY depth)
                 FROM expert_network.question_ancestors('f1000000-0000-4000-8000-000000000003')) $$,
    $$ VALUES (3::bigint, ARRAY['Q1', 'Q2', 'Q3']) $$,
    'question_subtree(Q1) has its 3 rows, question_ancestors(Q3) walks up Q1, Q2, Q3');
SELECT is((SELECT count(*) FROM expert_network.screening_questions), 4::bigint,
          'no question of the refused statements was written');

-- legitimate: a child listed before its parent in one INSERT (C2)
SELECT lives_ok(
    $$ INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text, display_order)
       VALUES ('f4000000-0000-4000-8000-000000000002', 'c1000000-0000-4000-8000-000000000002', 'f4000000-0000-4000-8000-000000000001', 'Child', 1),
              ('f4000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000002', NULL, 'Parent', 1) $$,
    'a parent and its child in one INSERT, the child listed first, is accepted');
SELECT results_eq(
    $$ SELECT position, question_text, depth FROM expert_network.question_tree('c1000000-0000-4000-8000-000000000002') $$,
    $$ VALUES ('1', 'Parent', 0), ('1.1', 'Child', 1) $$,
    'and the child is below its parent');

-- the depth cap in one statement: a superuser lowers it to 3 (depths 0..2)
RESET ROLE;
SET LOCAL expert_network.max_question_depth = 3;
SET LOCAL ROLE en_ig_app;
SELECT lives_ok(
    $$ INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text, display_order)
       VALUES ('f5000000-0000-4000-8000-000000000003', 'c1000000-0000-4000-8000-000000000002', 'f5000000-0000-4000-8000-000000000002', 'd2', 1),
              ('f5000000-0000-4000-8000-000000000002', 'c1000000-0000-4000-8000-000000000002', 'f5000000-0000-4000-8000-000000000001', 'd1', 1),
              ('f5000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000002', NULL, 'd0', 2) $$,
    'max_question_depth 3: a chain of 3 (depths 0..2) inserted in one statement, deepest first, is accepted');
SELECT matches(
    pg_temp.attempt($$
        INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text)
        VALUES ('f6000000-0000-4000-8000-000000000004', 'c1000000-0000-4000-8000-000000000002', 'f6000000-0000-4000-8000-000000000003', 'd3'),
               ('f6000000-0000-4000-8000-000000000003', 'c1000000-0000-4000-8000-000000000002', 'f6000000-0000-4000-8000-000000000002', 'd2'),
               ('f6000000-0000-4000-8000-000000000002', 'c1000000-0000-4000-8000-000000000002', 'f6000000-0000-4000-8000-000000000001', 'd1'),
               ('f6000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000002', NULL, 'd0') $$),
    '^23514: screening question f6000000-0000-4000-8000-00000000000[1-4] would (put its sub-questions at|be at) depth 3$',
    'max_question_depth 3: a chain of 4 inserted in one statement, deepest first, is refused (23514)');
SELECT is(
    pg_temp.attempt($$
        INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text)
        VALUES ('f6000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000002', NULL, 'd0'),
               ('f6000000-0000-4000-8000-000000000002', 'c1000000-0000-4000-8000-000000000002', 'f6000000-0000-4000-8000-000000000001', 'd1'),
               ('f6000000-0000-4000-8000-000000000003', 'c1000000-0000-4000-8000-000000000002', 'f6000000-0000-4000-8000-000000000002', 'd2'),
               ('f6000000-0000-4000-8000-000000000004', 'c1000000-0000-4000-8000-000000000002', 'f6000000-0000-4000-8000-000000000003', 'd3') $$),
    '23514: screening question f6000000-0000-4000-8000-000000000004 would be at depth 3',
    'max_question_depth 3: a chain of 4 inserted top first is refused at its last row (23514)');
SELECT matches(
    pg_temp.attempt($$
        INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text)
        VALUES ('f6000000-0000-4000-8000-000000000002', 'c1000000-0000-4000-8000-000000000002', 'f6000000-0000-4000-8000-000000000001', 'd1'),
               ('f6000000-0000-4000-8000-000000000004', 'c1000000-0000-4000-8000-000000000002', 'f6000000-0000-4000-8000-000000000003', 'd3'),
               ('f6000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000002', NULL, 'd0'),
               ('f6000000-0000-4000-8000-000000000003', 'c1000000-0000-4000-8000-000000000002', 'f6000000-0000-4000-8000-000000000002', 'd2') $$),
    '^23514: screening question f6000000-0000-4000-8000-00000000000[1-4] would (put its sub-questions at|be at) depth 3$',
    'max_question_depth 3: a chain of 4 inserted in shuffled order (d1, d3, d0, d2) is refused (23514)');
RESET ROLE;
RESET expert_network.max_question_depth;
SET LOCAL ROLE en_ig_app;

-- a question's id is not a workflow row's: it may change where no foreign
-- key refuses it (a leaf)
SELECT lives_ok(
    $$ UPDATE expert_network.screening_questions SET id = 'f4000000-0000-4000-8000-0000000000c2'
        WHERE id = 'f4000000-0000-4000-8000-000000000002' $$,
    'the id of a leaf question may change (screening_questions is no workflow table)');

/* ------------------------------------------------------------------------
 * C. The id of a workflow row never changes: the six tables, one row and
 *    two, as the app role (12), as a superuser with an identity (6),
 *    without one (6) and restoring (6); ON CONFLICT DO UPDATE and MERGE
 *    (2); an id set to itself (1); every row is still there (1)
 * ------------------------------------------------------------------------ */

CREATE TEMPORARY TABLE wf (ord int PRIMARY KEY, tbl text, id1 uuid, id2 uuid);
INSERT INTO wf VALUES
(1, 'campaigns',                   'c1000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000002'),
(2, 'experts',                     'e1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000002'),
(3, 'interviews',                  'a1000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000002'),
(4, 'campaign_vendor_enrollments', 'ce000000-0000-4000-8000-000000000001', 'ce000000-0000-4000-8000-000000000002'),
(5, 'research_activities',         'ad000000-0000-4000-8000-000000000001', 'ad000000-0000-4000-8000-000000000002'),
(6, 'research_sources',            'be000000-0000-4000-8000-000000000001', 'be000000-0000-4000-8000-000000000002');
GRANT SELECT ON wf TO PUBLIC;

SELECT throws_ok(
    format('UPDATE expert_network.%I SET id = pg_catalog.gen_random_uuid() WHERE id = %L', tbl, id1),
    '23000', format('the id of a row of "%s" cannot change', tbl),
    format('app role: the id of one row of %s cannot change (23000)', tbl))
  FROM wf ORDER BY ord;
SELECT throws_ok(
    format('UPDATE expert_network.%I SET id = pg_catalog.gen_random_uuid() WHERE id IN (%L, %L)', tbl, id1, id2),
    '23000', format('the id of a row of "%s" cannot change', tbl),
    format('app role: nor the ids of two rows of %s (23000)', tbl))
  FROM wf ORDER BY ord;

SELECT throws_ok(
    $$ INSERT INTO expert_network.campaign_vendor_enrollments (id, campaign_id, vendor_platform_id, status)
       VALUES ('ce000000-0000-4000-8000-0000000000ff', 'c1000000-0000-4000-8000-000000000001',
               '00000000-0000-4000-8000-000000000001', 'enrolled')
       ON CONFLICT (campaign_id, vendor_platform_id) DO UPDATE SET id = excluded.id $$,
    '23000', 'the id of a row of "campaign_vendor_enrollments" cannot change',
    'app role: INSERT ... ON CONFLICT DO UPDATE SET id = excluded.id of an enrollment is refused (23000)');
SELECT throws_ok(
    $$ MERGE INTO expert_network.experts AS e
       USING (VALUES ('e1000000-0000-4000-8000-000000000002'::uuid)) AS v(id) ON e.id = v.id
        WHEN MATCHED THEN UPDATE SET id = pg_catalog.gen_random_uuid() $$,
    '23000', 'the id of a row of "experts" cannot change',
    'app role: MERGE ... UPDATE SET id of an expert is refused (23000)');
SELECT lives_ok(
    $$ UPDATE expert_network.campaigns SET id = id, campaign_name = campaign_name
        WHERE id IN ('c1000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000002') $$,
    'app role: an UPDATE setting the id to itself passes');

RESET ROLE;
SELECT throws_ok(
    format('UPDATE expert_network.%I SET id = pg_catalog.gen_random_uuid() WHERE id IN (%L, %L)', tbl, id1, id2),
    '23000', format('the id of a row of "%s" cannot change', tbl),
    format('superuser with an identity: the ids of %s cannot change (23000)', tbl))
  FROM wf ORDER BY ord;
SELECT set_config('expert_network.user_id', '', true) \g /dev/null
SELECT throws_ok(
    format('UPDATE expert_network.%I SET id = pg_catalog.gen_random_uuid() WHERE id IN (%L, %L)', tbl, id1, id2),
    '23000', format('the id of a row of "%s" cannot change', tbl),
    format('superuser without an identity (row_security on): the ids of %s cannot change (23000)', tbl))
  FROM wf ORDER BY ord;
SET LOCAL row_security = off;
SELECT throws_ok(
    format('UPDATE expert_network.%I SET id = pg_catalog.gen_random_uuid() WHERE id IN (%L, %L)', tbl, id1, id2),
    '23000', format('the id of a row of "%s" cannot change', tbl),
    format('restoring (no identity, row_security off): the ids of %s cannot change either (23000)', tbl))
  FROM wf ORDER BY ord;
SET LOCAL row_security = on;
SELECT set_config('expert_network.user_id', 'ig_u1', true) \g /dev/null

SELECT is(
    (SELECT pg_catalog.array_agg(n ORDER BY ord) FROM (
        SELECT wf.ord, (pg_catalog.xpath('/row/n/text()', pg_catalog.query_to_xml(
                   format('SELECT count(*) AS n FROM expert_network.%I WHERE id IN (%L, %L)', wf.tbl, wf.id1, wf.id2),
                   false, true, '')))[1]::text AS n
          FROM wf) AS c),
    ARRAY['2', '2', '2', '2', '2', '2'],
    'the two rows of each of the six tables are still there under their ids');

SET LOCAL ROLE en_ig_app;

/* ------------------------------------------------------------------------
 * D. The completed-interview record stays with its completed interview:
 *    written (1); its keys (6); its other columns (3); not deleted (6); as
 *    a superuser (3); unchanged (1); its own id may change (2); deleting
 *    the interview, its expert or its campaign (7)
 * ------------------------------------------------------------------------ */

SELECT expert_network.complete_interview(id, 'Notes ' || id::text) FROM expert_network.interviews
 WHERE id IN ('a1000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000002',
              'a1000000-0000-4000-8000-000000000003', 'a1000000-0000-4000-8000-000000000004',
              'a1000000-0000-4000-8000-000000000005') \g /dev/null

SELECT results_eq(
    $$ SELECT interview_id, campaign_id, expert_id FROM expert_network.completed_interviews
        WHERE campaign_id = 'c1000000-0000-4000-8000-000000000001' ORDER BY interview_id $$,
    $$ VALUES ('a1000000-0000-4000-8000-000000000001'::uuid, 'c1000000-0000-4000-8000-000000000001'::uuid, 'e1000000-0000-4000-8000-000000000001'::uuid),
              ('a1000000-0000-4000-8000-000000000002', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000002') $$,
    'complete_interview() wrote the records of I1 and I2');

SELECT throws_ok(
    $$ UPDATE expert_network.completed_interviews SET interview_id = 'a1000000-0000-4000-8000-000000000003'
        WHERE interview_id = 'a1000000-0000-4000-8000-000000000001' $$,
    '23000', 'column "interview_id" of a completed interview record cannot change',
    'a record''s interview_id cannot change (23000)');
SELECT throws_ok(
    $$ UPDATE expert_network.completed_interviews SET campaign_id = 'c1000000-0000-4000-8000-000000000002'
        WHERE interview_id = 'a1000000-0000-4000-8000-000000000001' $$,
    '23000', 'column "campaign_id" of a completed interview record cannot change',
    'a record''s campaign_id cannot change, even to a campaign of its user (23000)');
SELECT throws_ok(
    $$ UPDATE expert_network.completed_interviews SET expert_id = 'e1000000-0000-4000-8000-000000000002'
        WHERE interview_id = 'a1000000-0000-4000-8000-000000000001' $$,
    '23000', 'column "expert_id" of a completed interview record cannot change',
    'a record''s expert_id cannot change, even to an expert of its campaign (23000)');
SELECT throws_ok(
    $$ UPDATE expert_network.completed_interviews SET expert_id = 'e1000000-0000-4000-8000-000000000001'
        WHERE campaign_id = 'c1000000-0000-4000-8000-000000000001' $$,
    '23000', 'column "expert_id" of a completed interview record cannot change',
    'a two-row UPDATE giving both records I1''s expert is refused (23000)');
SELECT throws_ok(
    $$ INSERT INTO expert_network.completed_interviews (interview_id, campaign_id, expert_id, interview_date,
                                                        interview_time, duration)
       VALUES ('a1000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001',
               'e1000000-0000-4000-8000-000000000002', '2026-02-01', '10:00 UTC', '60 min')
       ON CONFLICT (interview_id) DO UPDATE SET expert_id = excluded.expert_id $$,
    '23000', 'column "expert_id" of a completed interview record cannot change',
    'INSERT ... ON CONFLICT DO UPDATE SET expert_id is refused (23000)');
SELECT throws_ok(
    $$ MERGE INTO expert_network.completed_interviews AS c
       USING (VALUES ('a1000000-0000-4000-8000-000000000001'::uuid)) AS v(id) ON c.interview_id = v.id
        WHEN MATCHED THEN UPDATE SET campaign_id = 'c1000000-0000-4000-8000-000000000002' $$,
    '23000', 'column "campaign_id" of a completed interview record cannot change',
    'MERGE ... UPDATE SET campaign_id is refused (23000)');

SELECT lives_ok(
    $$ UPDATE expert_network.completed_interviews
          SET notes = 'Edited', rating = 4.5, interview_id = interview_id, campaign_id = campaign_id, expert_id = expert_id
        WHERE interview_id = 'a1000000-0000-4000-8000-000000000001' $$,
    'a record''s notes and rating may change (its keys set to themselves)');
SELECT lives_ok(
    $$ SELECT expert_network.rate_interview('a1000000-0000-4000-8000-000000000002', 4, 3, 5, 4, 'Good') $$,
    'rate_interview() rates a completed interview');
SELECT results_eq(
    $$ SELECT interview_id, notes, rating, relevance_rating, review_text, rated_at IS NOT NULL
         FROM expert_network.completed_interviews
        WHERE campaign_id = 'c1000000-0000-4000-8000-000000000001' ORDER BY interview_id $$,
    $$ VALUES ('a1000000-0000-4000-8000-000000000001'::uuid, 'Edited'::text, 4.5::numeric(2,1), NULL::numeric(2,1), NULL::text, false),
              ('a1000000-0000-4000-8000-000000000002', 'Notes a1000000-0000-4000-8000-000000000002', 4.0, 3.0, 'Good', true) $$,
    'the records carry the edited notes and rating, and the ratings rate_interview() gave');

SELECT throws_ok(
    $$ DELETE FROM expert_network.completed_interviews WHERE interview_id = 'a1000000-0000-4000-8000-000000000001' $$,
    '23001', 'interview a1000000-0000-4000-8000-000000000001 is completed: its completed_interviews record stays',
    'the record of a completed interview cannot be deleted (23001)');
SELECT throws_ok(
    $$ DELETE FROM expert_network.completed_interviews WHERE campaign_id = 'c1000000-0000-4000-8000-000000000001' $$,
    '23001', NULL,
    'nor both of C1''s records in one DELETE (23001)');
SELECT throws_ok(
    $$ MERGE INTO expert_network.completed_interviews AS c
       USING (VALUES ('a1000000-0000-4000-8000-000000000002'::uuid)) AS v(id) ON c.interview_id = v.id
        WHEN MATCHED THEN DELETE $$,
    '23001', 'interview a1000000-0000-4000-8000-000000000002 is completed: its completed_interviews record stays',
    'nor by MERGE ... WHEN MATCHED THEN DELETE (23001)');
SELECT throws_ok(
    $$ WITH gone AS (DELETE FROM expert_network.completed_interviews
                      WHERE interview_id = 'a1000000-0000-4000-8000-000000000002' RETURNING interview_id)
       SELECT count(*) FROM gone $$,
    '23001', 'interview a1000000-0000-4000-8000-000000000002 is completed: its completed_interviews record stays',
    'nor by a writable CTE (23001)');
SELECT throws_ok(
    $$ WITH touched AS (UPDATE expert_network.interviews SET color_tag = 'red'
                         WHERE id = 'a1000000-0000-4000-8000-000000000002' RETURNING id)
       DELETE FROM expert_network.completed_interviews WHERE interview_id IN (SELECT id FROM touched) $$,
    '23001', 'interview a1000000-0000-4000-8000-000000000002 is completed: its completed_interviews record stays',
    'nor by a DELETE next to a write of its interview that leaves it completed (23001)');
SELECT throws_ok(
    $$ UPDATE expert_network.interviews SET status = 'cancelled' WHERE id = 'a1000000-0000-4000-8000-000000000001' $$,
    '23514', NULL,
    'and the interview cannot stop being completed (23514): completed is final');

RESET ROLE;
SELECT throws_ok(
    $$ DELETE FROM expert_network.completed_interviews WHERE interview_id = 'a1000000-0000-4000-8000-000000000001' $$,
    '23001', 'interview a1000000-0000-4000-8000-000000000001 is completed: its completed_interviews record stays',
    'superuser with an identity: the record of a completed interview cannot be deleted (23001)');
SELECT set_config('expert_network.user_id', '', true) \g /dev/null
SELECT throws_ok(
    $$ DELETE FROM expert_network.completed_interviews WHERE interview_id = 'a1000000-0000-4000-8000-000000000001' $$,
    '23001', 'interview a1000000-0000-4000-8000-000000000001 is completed: its completed_interviews record stays',
    'superuser without an identity, row_security on: it cannot be deleted either (23001)');
SELECT throws_ok(
    $$ UPDATE expert_network.completed_interviews SET interview_id = 'a1000000-0000-4000-8000-000000000002'
        WHERE interview_id = 'a1000000-0000-4000-8000-000000000001' $$,
    '23000', 'column "interview_id" of a completed interview record cannot change',
    'superuser without an identity, row_security on: a record''s interview_id cannot change (23000)');
SELECT set_config('expert_network.user_id', 'ig_u1', true) \g /dev/null
SET LOCAL ROLE en_ig_app;

SELECT results_eq(
    $$ SELECT interview_id, campaign_id, expert_id FROM expert_network.completed_interviews ORDER BY interview_id $$,
    $$ VALUES ('a1000000-0000-4000-8000-000000000001'::uuid, 'c1000000-0000-4000-8000-000000000001'::uuid, 'e1000000-0000-4000-8000-000000000001'::uuid),
              ('a1000000-0000-4000-8000-000000000002', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000002'),
              ('a1000000-0000-4000-8000-000000000003', 'c1000000-0000-4000-8000-000000000003', 'e1000000-0000-4000-8000-000000000003'),
              ('a1000000-0000-4000-8000-000000000004', 'c1000000-0000-4000-8000-000000000003', 'e1000000-0000-4000-8000-000000000004'),
              ('a1000000-0000-4000-8000-000000000005', 'c1000000-0000-4000-8000-000000000003', 'e1000000-0000-4000-8000-000000000005') $$,
    'every record is still there, tied to its interview, campaign and expert');

-- a record's own id is not a workflow row's: demo/sample.sql fills in the
-- record the extension wrote with INSERT ... ON CONFLICT DO UPDATE SET id = excluded.id
SELECT lives_ok(
    $$ INSERT INTO expert_network.completed_interviews (id, interview_id, campaign_id, expert_id, interview_date,
                                                        interview_time, duration, notes)
       VALUES ('cd000000-0000-4000-8000-000000000002', 'a1000000-0000-4000-8000-000000000002',
               'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000002',
               '2026-02-01', '10:00 UTC', '60 min', 'Upserted')
       ON CONFLICT (interview_id) DO UPDATE SET id = excluded.id, notes = excluded.notes $$,
    'INSERT ... ON CONFLICT (interview_id) DO UPDATE SET id = excluded.id (as demo/sample.sql) passes');
SELECT results_eq(
    $$ SELECT id, notes FROM expert_network.completed_interviews WHERE interview_id = 'a1000000-0000-4000-8000-000000000002' $$,
    $$ VALUES ('cd000000-0000-4000-8000-000000000002'::uuid, 'Upserted'::text) $$,
    'and I2''s record has the new id and notes');

-- the interview's deletion takes its record along
SELECT lives_ok(
    $$ DELETE FROM expert_network.interviews WHERE id = 'a1000000-0000-4000-8000-000000000003' $$,
    'deleting completed interview I3 succeeds');
SELECT is((SELECT count(*) FROM expert_network.completed_interviews WHERE interview_id = 'a1000000-0000-4000-8000-000000000003'),
          0::bigint, 'and its record went with it (cascade)');
SELECT lives_ok(
    $$ DELETE FROM expert_network.experts WHERE id = 'e1000000-0000-4000-8000-000000000004' $$,
    'deleting expert E4, whose interview I4 is completed, succeeds');
SELECT is((SELECT count(*) FROM expert_network.completed_interviews WHERE expert_id = 'e1000000-0000-4000-8000-000000000004'),
          0::bigint, 'and I4''s record went with it (cascade)');
SELECT lives_ok(
    $$ DELETE FROM expert_network.campaigns WHERE id = 'c1000000-0000-4000-8000-000000000003' $$,
    'deleting campaign C3, with its completed interview I5, succeeds');
SELECT is((SELECT count(*) FROM expert_network.completed_interviews WHERE campaign_id = 'c1000000-0000-4000-8000-000000000003'),
          0::bigint, 'and I5''s record went with it (cascade)');

-- the cascades' order does not matter: with interviews' foreign key to
-- campaigns made again (its triggers now fire after the record's), deleting
-- C1 still succeeds
RESET ROLE;
SELECT is(
    pg_temp.altered(
        $$ ALTER TABLE expert_network.interviews DROP CONSTRAINT interviews_campaign_id_fkey,
             ADD CONSTRAINT interviews_campaign_id_fkey FOREIGN KEY (campaign_id, user_id)
                 REFERENCES expert_network.campaigns (id, user_id) ON DELETE CASCADE $$,
        $$ DELETE FROM expert_network.campaigns WHERE id = 'c1000000-0000-4000-8000-000000000001' $$),
    'ok',
    'deleting campaign C1, its records cascading before its interviews, succeeds (rolled back)');

/* ------------------------------------------------------------------------
 * E. Columns whose type an administrator changed: refused while a view
 *    reads them (1; 0.12.0); otherwise 42804, never misread
 *    (14); a dropped column (2); after the rollback, everything works (4)
 * ------------------------------------------------------------------------ */

-- 0.12.0: the dashboard views read campaigns.scheduled_calls and
-- interviews.status, and PostgreSQL refuses to change the type of a column
-- a view uses (1); an administrator takes the views out of the extension
-- and drops them first, as the changes below do
SELECT throws_ok(
    $$ ALTER TABLE expert_network.campaigns ALTER COLUMN scheduled_calls TYPE numeric $$,
    '0A000', 'cannot alter type of a column used by a view or rule',
    'a column the dashboards read keeps its type while they exist');
SELECT set_config('en_ig.drop_views',
    'ALTER EXTENSION expert_network DROP VIEW expert_network.campaign_dashboard;
     ALTER EXTENSION expert_network DROP VIEW expert_network.team_workload;
     DROP VIEW expert_network.campaign_dashboard, expert_network.team_workload;', true) \g /dev/null

-- campaigns.scheduled_calls: numeric
SELECT is(
    pg_temp.altered(current_setting('en_ig.drop_views') || $$ ALTER TABLE expert_network.campaigns ALTER COLUMN scheduled_calls TYPE numeric $$,
                    $$ SELECT expert_network.schedule_interview('e1000000-0000-4000-8000-000000000006', '2026-03-01', '10:00') $$),
    '42804: column "scheduled_calls" of relation "campaigns" is of type numeric, not integer',
    'scheduled_calls numeric: schedule_interview() (the counters follow) fails with 42804');
SELECT is(
    pg_temp.altered(current_setting('en_ig.drop_views') || $$ ALTER TABLE expert_network.campaigns ALTER COLUMN scheduled_calls TYPE numeric $$,
                    $$ UPDATE expert_network.campaigns SET campaign_name = 'Renamed' WHERE id = 'c1000000-0000-4000-8000-000000000001' $$),
    '42804: column "scheduled_calls" of relation "campaigns" is of type numeric, not integer',
    'scheduled_calls numeric: an UPDATE of a campaign (protect_call_counters reads it) fails with 42804');
SELECT is(
    pg_temp.altered(current_setting('en_ig.drop_views') || $$ ALTER TABLE expert_network.campaigns ALTER COLUMN scheduled_calls TYPE numeric $$,
                    $$ DELETE FROM expert_network.interviews WHERE id = 'a1000000-0000-4000-8000-000000000001' $$),
    '42804: column "scheduled_calls" of relation "campaigns" is of type numeric, not integer',
    'scheduled_calls numeric: deleting an interview (the counters follow) fails with 42804');

-- interviews.status: an enum of the administrator's, with the same labels,
-- in place of the extension's own expert_network.interview_status (0.15.0;
-- the column's default dropped first, the labels converted through text,
-- as there is no cast from one enum to another)
SELECT set_config('en_ig.status_ddl', current_setting('en_ig.drop_views') || $$
    CREATE TYPE public.en_ig_status AS ENUM ('pending', 'scheduled', 'confirmed', 'completed', 'cancelled');
    ALTER TABLE expert_network.interviews ALTER COLUMN status DROP DEFAULT;
    ALTER TABLE expert_network.interviews ALTER COLUMN status TYPE public.en_ig_status USING status::text::public.en_ig_status;
    ALTER TABLE expert_network.interviews ALTER COLUMN status SET DEFAULT 'scheduled' $$, true) \g /dev/null
SELECT matches(
    pg_temp.altered(current_setting('en_ig.status_ddl'),
                    $$ SELECT expert_network.schedule_interview('e1000000-0000-4000-8000-000000000006', '2026-03-01', '10:00') $$),
    '^42804: column "status" of relation "interviews" is of type \S*en_ig_status, not expert_network\.interview_status$',
    'interviews.status an enum: schedule_interview() fails with 42804');
SELECT matches(
    pg_temp.altered(current_setting('en_ig.status_ddl'),
                    $$ UPDATE expert_network.interviews SET color_tag = 'red' WHERE id = 'a1000000-0000-4000-8000-000000000001' $$),
    '^42804: column "status" of relation "interviews" is of type \S*en_ig_status, not expert_network\.interview_status$',
    'interviews.status an enum: an UPDATE of an interview (check_transition reads the status) fails with 42804');
SELECT matches(
    pg_temp.altered(current_setting('en_ig.status_ddl'),
                    $$ DELETE FROM expert_network.interviews WHERE id = 'a1000000-0000-4000-8000-000000000002' $$),
    '^42804: column "status" of relation "interviews" is of type \S*en_ig_status, not expert_network\.interview_status$',
    'interviews.status an enum: deleting an interview (the counters read the status) fails with 42804');
SELECT matches(
    pg_temp.altered(current_setting('en_ig.status_ddl'),
                    $$ SELECT expert_network.cancel_interview('a1000000-0000-4000-8000-000000000006') $$),
    '^42804: column "status" of relation "interviews" is of type \S*en_ig_status, not expert_network\.interview_status$',
    'interviews.status an enum: cancel_interview() of scheduled I6 fails with 42804 (its UPDATE''s untyped ''cancelled'' fits the column; the triggers that read the status refuse it)');
-- and back to text, the type it had before 0.15.0 (what an ORM's migration
-- might make of an enum it cannot map): refused the same way
SELECT is(
    pg_temp.altered(current_setting('en_ig.drop_views') || $$
                        ALTER TABLE expert_network.interviews ALTER COLUMN status DROP DEFAULT;
                        ALTER TABLE expert_network.interviews ALTER COLUMN status TYPE text USING status::text;
                        ALTER TABLE expert_network.interviews ALTER COLUMN status SET DEFAULT 'scheduled' $$,
                    $$ UPDATE expert_network.interviews SET color_tag = 'red' WHERE id = 'a1000000-0000-4000-8000-000000000001' $$),
    '42804: column "status" of relation "interviews" is of type text, not expert_network.interview_status',
    'interviews.status text again: an UPDATE of an interview (check_transition reads the status) fails with 42804');

-- experts.is_new: dropped, and added again as text
SELECT is(
    pg_temp.altered($$ ALTER TABLE expert_network.experts DROP COLUMN is_new;
                       ALTER TABLE expert_network.experts ADD COLUMN is_new text NOT NULL DEFAULT 'yes' $$,
                    $$ UPDATE expert_network.experts SET status = 'reviewed' WHERE id = 'e1000000-0000-4000-8000-000000000008' $$),
    '42804: column "is_new" of relation "experts" is of type text, not boolean',
    'experts.is_new added again as text: reviewing an expert (which clears is_new) fails with 42804');

-- screening_questions.display_order: bigint
SELECT is(
    pg_temp.altered($$ ALTER TABLE expert_network.screening_questions ALTER COLUMN display_order TYPE bigint $$,
                    $$ SELECT * FROM expert_network.question_tree('c1000000-0000-4000-8000-000000000001') $$),
    '42804: column "display_order" of relation "screening_questions" is of type bigint, not integer',
    'display_order bigint: question_tree() fails with 42804');
SELECT is(
    pg_temp.altered($$ ALTER TABLE expert_network.screening_questions ALTER COLUMN display_order TYPE bigint $$,
                    $$ SELECT * FROM expert_network.question_subtree('f1000000-0000-4000-8000-000000000001') $$),
    '42804: column "display_order" of relation "screening_questions" is of type bigint, not integer',
    'display_order bigint: question_subtree() fails with 42804');
SELECT is(
    pg_temp.altered($$ ALTER TABLE expert_network.screening_questions ALTER COLUMN display_order TYPE bigint $$,
                    $$ SELECT * FROM expert_network.question_ancestors('f1000000-0000-4000-8000-000000000003') $$),
    '42804: column "display_order" of relation "screening_questions" is of type bigint, not integer',
    'display_order bigint: question_ancestors() fails with 42804');
SELECT is(
    pg_temp.altered($$ ALTER TABLE expert_network.screening_questions ALTER COLUMN display_order TYPE bigint $$,
                    $$ SELECT expert_network.copy_question_tree('c1000000-0000-4000-8000-000000000001',
                                                               'c1000000-0000-4000-8000-000000000002') $$),
    '42804: column "display_order" of relation "screening_questions" is of type bigint, not integer',
    'display_order bigint: copy_question_tree() fails with 42804');

-- the same check on other columns the module reads by number
SELECT is(
    pg_temp.altered($$ ALTER TABLE expert_network.interviews ALTER COLUMN completed_at TYPE timestamp $$,
                    $$ SELECT expert_network.complete_interview(
                           expert_network.schedule_interview('e1000000-0000-4000-8000-000000000006', '2026-03-01', '10:00')) $$),
    '42804: column "completed_at" of relation "interviews" is of type timestamp without time zone, not timestamp with time zone',
    'interviews.completed_at without time zone: completing an interview (its stamp) fails with 42804');

-- a column the module needs, dropped: 42703 (0.8.0), not an internal error
SELECT is(
    pg_temp.altered($$ ALTER TABLE expert_network.experts DROP COLUMN is_new $$,
                    $$ UPDATE expert_network.experts SET status = 'reviewed' WHERE id = 'e1000000-0000-4000-8000-000000000008' $$),
    '42703: column "is_new" of relation "experts" does not exist',
    'experts.is_new dropped: reviewing an expert fails with 42703');
-- BUG (found writing this test, not fixed here): protect_call_counters
-- reports a missing counter column with elog(), SQLSTATE XX000 ("relation
-- \"campaigns\" has no call counters"), where en_column_number() reports
-- 42703 since 0.8.0.  The correct behaviour asserted: 42703, never XX000.
SELECT matches(
    pg_temp.altered(current_setting('en_ig.drop_views') || $$ ALTER TABLE expert_network.campaigns DROP COLUMN scheduled_calls CASCADE $$,
                    $$ UPDATE expert_network.campaigns SET campaign_name = 'Renamed' WHERE id = 'c1000000-0000-4000-8000-000000000001' $$),
    '^42703: ',
    'campaigns.scheduled_calls dropped: an UPDATE of a campaign fails with 42703, not XX000');

-- every change was rolled back: everything works again
SET LOCAL ROLE en_ig_app;
SELECT lives_ok(
    $$ SELECT expert_network.schedule_interview('e1000000-0000-4000-8000-000000000006', '2026-03-01', '10:00') $$,
    'after the rollbacks: schedule_interview() works again');
SELECT results_eq(
    $$ SELECT scheduled_calls, completed_calls FROM expert_network.campaigns WHERE id = 'c1000000-0000-4000-8000-000000000001' $$,
    $$ VALUES (2, 2) $$,
    'and C1''s counters count its two scheduled interviews (I6 and the new one) and its two completed ones');
SELECT lives_ok(
    $$ UPDATE expert_network.experts SET status = 'reviewed' WHERE id = 'e1000000-0000-4000-8000-000000000008' $$,
    'reviewing an expert works again');
SELECT results_eq(
    $$ SELECT position, question_text FROM expert_network.question_tree('c1000000-0000-4000-8000-000000000001') $$,
    $$ VALUES ('1', 'Q1'), ('1.1', 'Q2'), ('1.1.1', 'Q3'), ('2', 'Q4') $$,
    'question_tree() works again');

/* ------------------------------------------------------------------------
 * F. Restores and erasure are not held to the record's rule (9)
 * ------------------------------------------------------------------------ */

RESET ROLE;
SELECT set_config('expert_network.user_id', '', true) \g /dev/null
SET LOCAL row_security = off;
SELECT is(
    pg_temp.attempt($$ UPDATE expert_network.completed_interviews SET expert_id = 'e1000000-0000-4000-8000-000000000002'
                        WHERE interview_id = 'a1000000-0000-4000-8000-000000000001' $$),
    'ok',
    'restoring (no identity, row_security off): a record''s keys may be written as the dump has them (undone)');
SELECT lives_ok(
    $$ DELETE FROM expert_network.completed_interviews WHERE interview_id = 'a1000000-0000-4000-8000-000000000001' $$,
    'restoring: the record of completed interview I1 may be deleted');
SELECT is((SELECT count(*) FROM expert_network.completed_interviews WHERE interview_id = 'a1000000-0000-4000-8000-000000000001'),
          0::bigint, 'restoring: and it is gone');
-- restore mode writes no record: completing an interview then finds none
SELECT lives_ok(
    $$ INSERT INTO expert_network.interviews (id, user_id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
       VALUES ('a1000000-0000-4000-8000-000000000009', 'ig_u1', 'c1000000-0000-4000-8000-000000000001',
               'e1000000-0000-4000-8000-000000000006', '2026-04-01', '10:00', 'scheduled') $$,
    'restoring: a scheduled interview I9');
SELECT throws_ok(
    $$ SELECT expert_network.complete_interview('a1000000-0000-4000-8000-000000000009') $$,
    'P0002', 'completed interview a1000000-0000-4000-8000-000000000009 has no completed_interviews record',
    'restoring: complete_interview() of I9 (no record written when restoring) fails with P0002, not XX000');
SET LOCAL row_security = on;
SELECT set_config('expert_network.user_id', 'ig_u1', true) \g /dev/null

SET LOCAL ROLE en_ig_app;
SELECT throws_ok(
    $$ SELECT expert_network.rate_interview('a1000000-0000-4000-8000-000000000001', 4) $$,
    'P0002', 'completed interview a1000000-0000-4000-8000-000000000001 has no completed_interviews record',
    'app role: rate_interview() of I1, whose record a restore deleted, fails with P0002, not XX000');
-- I1 is completed already: completing it again is a refused transition
-- (before any record is looked for)
SELECT throws_ok(
    $$ SELECT expert_network.complete_interview('a1000000-0000-4000-8000-000000000001') $$,
    '23514', NULL,
    'app role: complete_interview() of I1 (completed, without record) is refused (23514), not XX000');

-- erasure: delete_user_data() takes ig_u2's completed interview and record
RESET ROLE;
SET LOCAL ROLE en_ig_admin;
SELECT results_eq(
    $$ SELECT table_name, deleted FROM expert_network.delete_user_data('ig_u2')
        WHERE table_name IN ('completed_interviews', 'interviews', 'campaigns') ORDER BY table_name $$,
    $$ VALUES ('campaigns'::text, 1::bigint), ('completed_interviews', 1), ('interviews', 1) $$,
    'admin: delete_user_data(''ig_u2'') deletes its campaign, its completed interview and that interview''s record');
RESET ROLE;
SELECT is((SELECT count(*) FROM expert_network.completed_interviews WHERE user_id = 'ig_u2'), 0::bigint,
          '(as the superuser) no record of ig_u2 is left');

SELECT * FROM finish();

ROLLBACK;
