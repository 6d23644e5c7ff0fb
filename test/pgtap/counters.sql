-- test/pgtap/counters.sql — the call counters and chat recency (0.3.0),
-- behaviour.
--
-- campaigns.scheduled_calls counts the campaign's interviews in pending,
-- scheduled or confirmed, completed_calls those in completed; the extension
-- keeps them exact (statement triggers on interviews) and nobody else may
-- write them.  Every write path of the application is run here as an app
-- role (grant_access(role, 'app'): neither superuser nor BYPASSRLS, so
-- row-level security applies), with the identity set the way an application
-- does it (set_config('expert_network.user_id', ..., true), its result sent
-- to /dev/null); after each, the counters are compared three ways: with the
-- values worked out by hand below, with a fresh count(*) of the interviews,
-- and with verify_counters(), which must find nothing.  Then the cascades
-- (an expert, a campaign, delete_user_data()), the protection of the
-- counters, verify_counters() / repair_counters() after a drift made with
-- the triggers off, TRUNCATE, and the chat sessions' recency.
--
-- Since 0.4.0 the rows follow the workflows (test/pgtap/workflow.sql): the
-- experts' vendors are enrolled and the experts reviewed before they get
-- interviews, and every change of an interview's status below is a step of
-- the interview workflow: C walks each of its steps (the 20 ordered pairs
-- of statuses that 0.3.0 walked include 12 that are no longer possible,
-- from completed or cancelled, or pending → completed; the restore path
-- would not help, as it is for INSERTs and an UPDATE is checked all the
-- same).  Only the drift in M, made with every trigger off, moves a
-- completed interview back.
--
-- Since 0.15.0 interviews.status is the enum expert_network.interview_status:
-- the statuses below that come as text (columns of VALUES lists, of the temp
-- table walk, the helpers' arguments) are cast to it, and a status outside
-- the set is refused with 22P02 (invalid input value for enum).  user_id
-- keeps its default, the identity, written (expert_network.current_user_id()
-- COLLATE pg_catalog."default") so that drizzle-kit renders it as sql`...`:
-- an INSERT made with every trigger off (M) still leaves user_id out, and
-- M checks that the default gave it its owner.
--
-- Runs under pg_prove in a database with pgtap and expert_network installed
-- (test/suite), as a superuser.  Everything happens in one transaction that
-- is rolled back: the roles created here vanish with it.  now() is constant
-- in it, so the rows are given timestamps in the past, to tell an untouched
-- updated_at from a stamped one.
--
-- Fixture (user cu1), ids x0000000-0000-4000-8000-0000000000NN, x being
--   c  campaigns C1 (01), C2 (02), C3 (03); C4 (04) comes in step B4; C5
--      and C6 (05, 06) come and go in step L; other users' campaigns D1
--      (d1, cu2) and C7 (07, cu3)
--   e  experts E1 (01, of C1), E2 (02, of C2), E3 (03, of C3), E4 (04, of C1)
--   a  interviews: a…NY is inserted in campaign CN (N = 1..4, 6, 7), but for
--      a…5Y (C1, expert E4) and a…dY (D1); a…27 to a…2b are C2's for the
--      walk in C; a…31 moves to C1 in C2, a…13 to C3 and a…22 to C1 in D
--   d  chat sessions S1, S2, S3
-- The counters after each step are given as (campaign, scheduled, completed).

SET client_min_messages = warning;

BEGIN;

SELECT plan(123);

CREATE ROLE en_cnt_app NOLOGIN;
CREATE ROLE en_cnt_ro NOLOGIN;
CREATE ROLE en_cnt_admin NOLOGIN;
SELECT expert_network.grant_access('en_cnt_app', 'app') \g /dev/null
SELECT expert_network.grant_access('en_cnt_ro', 'readonly') \g /dev/null
SELECT expert_network.grant_access('en_cnt_admin', 'admin') \g /dev/null

/* ------------------------------------------------------------------------
 * Helpers, run as the role of the moment (they see what it sees):
 *   pg_temp.check_counters(expected, what)   three tests: the counters are
 *       the expected VALUES (campaign_name, scheduled, completed), they equal
 *       a fresh count of the interviews, verify_counters() is empty
 *   pg_temp.transition(id, from, to)   moves one interview from one status to
 *       another; returns the rows updated and the change of its campaign's
 *       counters
 *   pg_temp.error_of(sql)   'SQLSTATE: message / detail / hint' of its error
 * ------------------------------------------------------------------------ */

CREATE FUNCTION pg_temp.check_counters(expected text, what text) RETURNS SETOF text
LANGUAGE plpgsql AS $$
BEGIN
    RETURN NEXT results_eq(
        $q$ SELECT campaign_name, scheduled_calls, completed_calls
              FROM expert_network.campaigns ORDER BY campaign_name $q$,
        expected,
        what || ': the counters are as worked out');
    RETURN NEXT results_eq(
        $q$ SELECT id, scheduled_calls, completed_calls
              FROM expert_network.campaigns ORDER BY id $q$,
        $q$ SELECT c.id,
                   (count(i.id) FILTER (WHERE i.status IN ('pending', 'scheduled', 'confirmed')))::int,
                   (count(i.id) FILTER (WHERE i.status = 'completed'))::int
              FROM expert_network.campaigns c
              LEFT JOIN expert_network.interviews i ON i.campaign_id = c.id
             GROUP BY c.id ORDER BY c.id $q$,
        what || ': the counters equal a fresh count(*) of the interviews');
    RETURN NEXT is_empty(
        $q$ SELECT * FROM expert_network.verify_counters() $q$,
        what || ': verify_counters() finds no drift');
END;
$$;

CREATE FUNCTION pg_temp.transition(iid uuid, from_status text, to_status text)
RETURNS TABLE (updated bigint, d_scheduled integer, d_completed integer)
LANGUAGE plpgsql AS $$
DECLARE
    s0 integer; c0 integer; s1 integer; c1 integer; n bigint;
BEGIN
    SELECT c.scheduled_calls, c.completed_calls INTO s0, c0
      FROM expert_network.campaigns c JOIN expert_network.interviews i ON i.campaign_id = c.id
     WHERE i.id = iid;
    UPDATE expert_network.interviews SET status = to_status::expert_network.interview_status
     WHERE id = iid AND status = from_status::expert_network.interview_status;
    GET DIAGNOSTICS n = ROW_COUNT;
    SELECT c.scheduled_calls, c.completed_calls INTO s1, c1
      FROM expert_network.campaigns c JOIN expert_network.interviews i ON i.campaign_id = c.id
     WHERE i.id = iid;
    RETURN QUERY SELECT n, s1 - s0, c1 - c0;
END;
$$;

CREATE FUNCTION pg_temp.error_of(sql text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    st text; msg text; det text; hnt text;
BEGIN
    EXECUTE sql;
    RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
                            det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT;
    RETURN format('%s: %s / %s / %s', st, msg, det, hnt);
END;
$$;

/* ------------------------------------------------------------------------
 * Fixture, as the app role (1)
 * ------------------------------------------------------------------------ */

SET LOCAL ROLE en_cnt_app;
SELECT set_config('expert_network.user_id', 'cu1', true) \g /dev/null

INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date,
                                      target_completion_date, created_at, updated_at)
VALUES ('c0000000-0000-4000-8000-000000000001', 'C1', 'Technology', '2025-01-01', '2025-06-30',
        '1999-01-01 00:00:00+00', '2000-01-01 00:00:00+00'),
       ('c0000000-0000-4000-8000-000000000002', 'C2', 'Energy', '2025-01-01', '2025-06-30',
        '1999-01-01 00:00:00+00', '2000-01-01 00:00:00+00'),
       ('c0000000-0000-4000-8000-000000000003', 'C3', 'Healthcare', '2025-01-01', '2025-06-30',
        '1999-01-01 00:00:00+00', '2000-01-01 00:00:00+00');

-- the experts' vendors enrolled in their campaigns, the experts reviewed:
-- the way the application gets there (and what later versions require)
INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
VALUES ('c0000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'enrolled'),
       ('c0000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'enrolled'),
       ('c0000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'enrolled'),
       ('c0000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000002', 'enrolled');

INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, status)
VALUES ('e0000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000001',
        '00000000-0000-4000-8000-000000000001', 'E1', 'Former CFO', 'reviewed'),
       ('e0000000-0000-4000-8000-000000000002', 'c0000000-0000-4000-8000-000000000002',
        '00000000-0000-4000-8000-000000000001', 'E2', 'Former COO', 'reviewed'),
       ('e0000000-0000-4000-8000-000000000003', 'c0000000-0000-4000-8000-000000000003',
        '00000000-0000-4000-8000-000000000002', 'E3', 'Former CTO', 'reviewed'),
       ('e0000000-0000-4000-8000-000000000004', 'c0000000-0000-4000-8000-000000000001',
        '00000000-0000-4000-8000-000000000002', 'E4', 'Former VP Sales', 'reviewed');

SELECT results_eq(
    $$ SELECT campaign_name, scheduled_calls, completed_calls, user_id
         FROM expert_network.campaigns ORDER BY campaign_name $$,
    $$ VALUES ('C1'::text, 0, 0, 'cu1'::text), ('C2', 0, 0, 'cu1'), ('C3', 0, 0, 'cu1') $$,
    'fixture: the app role, as cu1, created three campaigns, with no calls');

/* ------------------------------------------------------------------------
 * A. A single-row INSERT (3): (C1 1 0) (C2 0 0) (C3 0 0)
 * ------------------------------------------------------------------------ */

INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
VALUES ('a0000000-0000-4000-8000-000000000010', 'c0000000-0000-4000-8000-000000000001',
        'e0000000-0000-4000-8000-000000000001', '2025-02-01', '07:00');  -- before section B's calls of this expert

SELECT pg_temp.check_counters(
    $$ VALUES ('C1'::text, 1, 0), ('C2', 0, 0), ('C3', 0, 0) $$,
    'A. one interview inserted (status defaults to scheduled)');

/* ------------------------------------------------------------------------
 * B. A multi-row INSERT … SELECT across the three campaigns, one interview
 * in each status in each, rows in no particular order (3):
 * a…X1 pending, X2 scheduled, X3 confirmed, X4 completed, X5 cancelled
 * (C1 4 1) (C2 3 1) (C3 3 1)
 * ------------------------------------------------------------------------ */

INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
SELECT v.id, e.campaign_id, e.id,
       -- a slot of its own (a day per id's tens, an hour per its units):
       -- since 0.13.0 one expert's live calls may not overlap, and these
       -- move between experts
       DATE '2025-02-01' + pg_catalog.substr(v.id::text, 35, 1)::int,
       pg_catalog.make_time(8 + pg_catalog.right(v.id::text, 1)::int, 0, 0),
       v.status::expert_network.interview_status
  FROM (VALUES
    ('a0000000-0000-4000-8000-000000000035'::uuid, 'e0000000-0000-4000-8000-000000000003'::uuid, 'cancelled'),
    ('a0000000-0000-4000-8000-000000000011', 'e0000000-0000-4000-8000-000000000001', 'pending'),
    ('a0000000-0000-4000-8000-000000000024', 'e0000000-0000-4000-8000-000000000002', 'completed'),
    ('a0000000-0000-4000-8000-000000000032', 'e0000000-0000-4000-8000-000000000003', 'scheduled'),
    ('a0000000-0000-4000-8000-000000000012', 'e0000000-0000-4000-8000-000000000001', 'scheduled'),
    ('a0000000-0000-4000-8000-000000000021', 'e0000000-0000-4000-8000-000000000002', 'pending'),
    ('a0000000-0000-4000-8000-000000000013', 'e0000000-0000-4000-8000-000000000001', 'confirmed'),
    ('a0000000-0000-4000-8000-000000000033', 'e0000000-0000-4000-8000-000000000003', 'confirmed'),
    ('a0000000-0000-4000-8000-000000000022', 'e0000000-0000-4000-8000-000000000002', 'scheduled'),
    ('a0000000-0000-4000-8000-000000000014', 'e0000000-0000-4000-8000-000000000001', 'completed'),
    ('a0000000-0000-4000-8000-000000000031', 'e0000000-0000-4000-8000-000000000003', 'pending'),
    ('a0000000-0000-4000-8000-000000000023', 'e0000000-0000-4000-8000-000000000002', 'confirmed'),
    ('a0000000-0000-4000-8000-000000000015', 'e0000000-0000-4000-8000-000000000001', 'cancelled'),
    ('a0000000-0000-4000-8000-000000000034', 'e0000000-0000-4000-8000-000000000003', 'completed'),
    ('a0000000-0000-4000-8000-000000000025', 'e0000000-0000-4000-8000-000000000002', 'cancelled')
  ) AS v(id, expert, status)
  JOIN expert_network.experts e ON e.id = v.expert;

SELECT pg_temp.check_counters(
    $$ VALUES ('C1'::text, 4, 1), ('C2', 3, 1), ('C3', 3, 1) $$,
    'B. 15 interviews inserted by one INSERT … SELECT across three campaigns');

-- B2. cancelled interviews count nowhere (3)
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
VALUES ('a0000000-0000-4000-8000-000000000016', 'c0000000-0000-4000-8000-000000000001',
        'e0000000-0000-4000-8000-000000000001', '2025-02-02', '10:00', 'cancelled'),
       ('a0000000-0000-4000-8000-000000000036', 'c0000000-0000-4000-8000-000000000003',
        'e0000000-0000-4000-8000-000000000003', '2025-02-02', '10:00', 'cancelled');

SELECT pg_temp.check_counters(
    $$ VALUES ('C1'::text, 4, 1), ('C2', 3, 1), ('C3', 3, 1) $$,
    'B2. two cancelled interviews inserted: no counter moves');

-- B3. a statement that fails counts nothing (2).  The statuses come as
-- text and are cast row by row as the statement runs (a literal 'done' would
-- be refused while the statement is parsed, before any row), so the second
-- row fails after the first is inserted: 22P02 since 0.15.0 (an enum type,
-- no more CHECK constraint)
SELECT throws_ok(
    $$ INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
       SELECT v.id, v.campaign_id, v.expert_id, '2025-02-03', '10:00', v.status::expert_network.interview_status
         FROM (VALUES ('a0000000-0000-4000-8000-000000000017'::uuid, 'c0000000-0000-4000-8000-000000000001'::uuid,
                       'e0000000-0000-4000-8000-000000000001'::uuid, 'scheduled'),
                      ('a0000000-0000-4000-8000-000000000026', 'c0000000-0000-4000-8000-000000000002',
                       'e0000000-0000-4000-8000-000000000002', 'done')) AS v(id, campaign_id, expert_id, status) $$,
    '22P02', 'invalid input value for enum expert_network.interview_status: "done"',
    'B3. an INSERT whose second row is invalid (status ''done'') fails');
SELECT results_eq(
    $$ SELECT campaign_name, scheduled_calls, completed_calls FROM expert_network.campaigns ORDER BY campaign_name $$,
    $$ VALUES ('C1'::text, 4, 1), ('C2', 3, 1), ('C3', 3, 1) $$,
    'B3. the failed INSERT left every counter as it was');

-- B4. a campaign, its expert and its interviews in one statement (3):
-- (C4 1 1)
WITH c AS (
    INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date,
                                          target_completion_date, created_at, updated_at)
    VALUES ('c0000000-0000-4000-8000-000000000004', 'C4', 'Retail', '2025-01-01', '2025-06-30',
            '1999-01-01 00:00:00+00', '2000-01-01 00:00:00+00')
    RETURNING id),
v AS (
    INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
    SELECT id, '00000000-0000-4000-8000-000000000003', 'enrolled' FROM c
    RETURNING campaign_id, vendor_platform_id),
e AS (
    INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, status)
    SELECT 'e0000000-0000-4000-8000-000000000005', campaign_id, vendor_platform_id, 'E5', 'Buyer', 'reviewed'
      FROM v
    RETURNING id, campaign_id)
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
SELECT v.id, e.campaign_id, e.id, '2025-02-04', pg_catalog.make_time(8 + pg_catalog.strpos('0123456789abcdef', pg_catalog.right(v.id::text, 1)) % 12, 0, 0),  -- an hour per id
       v.status::expert_network.interview_status
  FROM e, (VALUES ('a0000000-0000-4000-8000-000000000041'::uuid, 'confirmed'),
                  ('a0000000-0000-4000-8000-000000000042'::uuid, 'completed')) AS v(id, status);

SELECT pg_temp.check_counters(
    $$ VALUES ('C1'::text, 4, 1), ('C2', 3, 1), ('C3', 3, 1), ('C4', 1, 1) $$,
    'B4. a campaign inserted with its interviews by one statement (writable CTEs)');

/* ------------------------------------------------------------------------
 * C. Every change of status, one at a time.  Since 0.4.0 an interview's
 * status moves only along the interview workflow (completed and cancelled
 * are final; pending does not jump to completed), so the walk takes the 8
 * steps of its graph, which are every change of status an UPDATE can make:
 * five interviews of C2 inserted for it, a…27, a…28, a…29 pending and a…2a,
 * a…2b scheduled (C2 8 1), take one step each at a time (1 + 8 + 3); two
 * steps the graph lacks fail and count nothing (3); the walk's interviews
 * are deleted again (3)
 * ------------------------------------------------------------------------ */

INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
SELECT v.id, 'c0000000-0000-4000-8000-000000000002', 'e0000000-0000-4000-8000-000000000002',
       '2025-02-05', v.at, v.status::expert_network.interview_status   -- an hour apart: one expert's live calls
  FROM (VALUES ('a0000000-0000-4000-8000-000000000027'::uuid, 'pending', TIME '10:00'),
               ('a0000000-0000-4000-8000-000000000028'::uuid, 'pending', '11:00'),
               ('a0000000-0000-4000-8000-000000000029'::uuid, 'pending', '12:00'),
               ('a0000000-0000-4000-8000-00000000002a'::uuid, 'scheduled', '13:00'),
               ('a0000000-0000-4000-8000-00000000002b'::uuid, 'scheduled', '14:00')) AS v(id, status, at);

CREATE TEMPORARY TABLE walk (n integer PRIMARY KEY, iid uuid, f text, t text, ds integer, dc integer);
INSERT INTO walk VALUES
    (1, 'a0000000-0000-4000-8000-000000000027', 'pending',   'scheduled',  0, 0),
    (2, 'a0000000-0000-4000-8000-000000000028', 'pending',   'confirmed',  0, 0),
    (3, 'a0000000-0000-4000-8000-000000000029', 'pending',   'cancelled', -1, 0),
    (4, 'a0000000-0000-4000-8000-000000000027', 'scheduled', 'confirmed',  0, 0),
    (5, 'a0000000-0000-4000-8000-00000000002a', 'scheduled', 'completed', -1, 1),
    (6, 'a0000000-0000-4000-8000-00000000002b', 'scheduled', 'cancelled', -1, 0),
    (7, 'a0000000-0000-4000-8000-000000000027', 'confirmed', 'completed', -1, 1),
    (8, 'a0000000-0000-4000-8000-000000000028', 'confirmed', 'cancelled', -1, 0);

SELECT set_eq(
    $$ SELECT from_status, to_status FROM expert_network.workflow_transitions WHERE entity = 'interview' $$,
    $$ SELECT f, t FROM walk $$,
    'C. the walk takes each step of the interview workflow (expert_network.workflow_transitions), once');

SELECT results_eq(
    format('SELECT * FROM pg_temp.transition(%L, %L, %L)', iid, f, t),
    format('VALUES (1::bigint, %s, %s)', ds, dc),
    format('C. %s → %s: scheduled_calls %s, completed_calls %s', f, t,
           CASE WHEN ds > 0 THEN '+' ELSE '' END || ds, CASE WHEN dc > 0 THEN '+' ELSE '' END || dc))
  FROM walk
 ORDER BY n;

SELECT pg_temp.check_counters(
    $$ VALUES ('C1'::text, 4, 1), ('C2', 3, 3), ('C3', 3, 1), ('C4', 1, 1) $$,
    'C. after the 8 steps');

SELECT throws_ok(
    $$ UPDATE expert_network.interviews SET status = 'pending' WHERE id = 'a0000000-0000-4000-8000-000000000027' $$,
    '23514', 'invalid interview status transition from "completed" to "pending"',
    'C. completed → pending is refused');
SELECT throws_ok(
    $$ UPDATE expert_network.interviews SET status = 'scheduled'
        WHERE id IN ('a0000000-0000-4000-8000-000000000021', 'a0000000-0000-4000-8000-000000000028') $$,
    '23514', 'invalid interview status transition from "cancelled" to "scheduled"',
    'C. an UPDATE of two interviews, one of them cancelled → scheduled, is refused as a whole');
SELECT results_eq(
    $$ SELECT campaign_name, scheduled_calls, completed_calls FROM expert_network.campaigns ORDER BY campaign_name $$,
    $$ VALUES ('C1'::text, 4, 1), ('C2', 3, 3), ('C3', 3, 1), ('C4', 1, 1) $$,
    'C. the refused UPDATEs left every counter as it was');

DELETE FROM expert_network.interviews
 WHERE id IN ('a0000000-0000-4000-8000-000000000027', 'a0000000-0000-4000-8000-000000000028',
              'a0000000-0000-4000-8000-000000000029', 'a0000000-0000-4000-8000-00000000002a',
              'a0000000-0000-4000-8000-00000000002b');

SELECT pg_temp.check_counters(
    $$ VALUES ('C1'::text, 4, 1), ('C2', 3, 1), ('C3', 3, 1), ('C4', 1, 1) $$,
    'C. the walk''s five interviews deleted again');

-- C2. one UPDATE of four interviews: in C1 a scheduled one is confirmed
-- (a…10) and another cancelled (a…12), while a pending one of C3 (a…31)
-- moves into C1, to expert E1: C1's changes net to nothing; in C3 a
-- scheduled one (a…32) completes (4):
-- (C1 4 1) (C2 3 1) (C3 1 2) (C4 1 1)
SELECT ctid::text AS c1_ctid FROM expert_network.campaigns WHERE campaign_name = 'C1' \gset

UPDATE expert_network.interviews
   SET status = CASE id WHEN 'a0000000-0000-4000-8000-000000000010' THEN 'confirmed'
                        WHEN 'a0000000-0000-4000-8000-000000000012' THEN 'cancelled'
                        WHEN 'a0000000-0000-4000-8000-000000000032' THEN 'completed'
                        ELSE status END,
       campaign_id = CASE id WHEN 'a0000000-0000-4000-8000-000000000031' THEN 'c0000000-0000-4000-8000-000000000001'::uuid
                             ELSE campaign_id END,
       expert_id = CASE id WHEN 'a0000000-0000-4000-8000-000000000031' THEN 'e0000000-0000-4000-8000-000000000001'::uuid
                           ELSE expert_id END,
       -- clear of E1's other live calls (one person, one calendar)
       scheduled_time = CASE id WHEN 'a0000000-0000-4000-8000-000000000031' THEN TIME '15:00'
                                ELSE scheduled_time END
 WHERE id IN ('a0000000-0000-4000-8000-000000000010', 'a0000000-0000-4000-8000-000000000012',
              'a0000000-0000-4000-8000-000000000031', 'a0000000-0000-4000-8000-000000000032');

SELECT pg_temp.check_counters(
    $$ VALUES ('C1'::text, 4, 1), ('C2', 3, 1), ('C3', 1, 2), ('C4', 1, 1) $$,
    'C2. one UPDATE changing the status or the campaign of interviews of two campaigns');
SELECT is((SELECT ctid::text FROM expert_network.campaigns WHERE campaign_name = 'C1'), :'c1_ctid',
          'C2. the campaign whose changes net to nothing was not even updated');

/* ------------------------------------------------------------------------
 * D. Moving interviews to another campaign (6)
 * ------------------------------------------------------------------------ */

-- a confirmed one from C1 to C3: (C1 3 1) (C3 2 2)
UPDATE expert_network.interviews
   SET campaign_id = 'c0000000-0000-4000-8000-000000000003', expert_id = 'e0000000-0000-4000-8000-000000000003'
 WHERE id = 'a0000000-0000-4000-8000-000000000013';

SELECT pg_temp.check_counters(
    $$ VALUES ('C1'::text, 3, 1), ('C2', 3, 1), ('C3', 2, 2), ('C4', 1, 1) $$,
    'D. a confirmed interview moved from C1 to C3');

-- a scheduled one from C2 to C1, completed in the same UPDATE:
-- (C1 3 2) (C2 2 1)
UPDATE expert_network.interviews
   SET campaign_id = 'c0000000-0000-4000-8000-000000000001', expert_id = 'e0000000-0000-4000-8000-000000000001',
       status = 'completed'
 WHERE id = 'a0000000-0000-4000-8000-000000000022';

SELECT pg_temp.check_counters(
    $$ VALUES ('C1'::text, 3, 2), ('C2', 2, 1), ('C3', 2, 2), ('C4', 1, 1) $$,
    'D. a scheduled interview moved from C2 to C1 and completed, in one UPDATE');

/* ------------------------------------------------------------------------
 * E. DELETE (6)
 * ------------------------------------------------------------------------ */

-- a pending one of C1: (C1 2 2)
DELETE FROM expert_network.interviews WHERE id = 'a0000000-0000-4000-8000-000000000011';

SELECT pg_temp.check_counters(
    $$ VALUES ('C1'::text, 2, 2), ('C2', 2, 1), ('C3', 2, 2), ('C4', 1, 1) $$,
    'E. a pending interview deleted');

-- five of three campaigns in one statement: C1 a cancelled and a completed
-- one, C2 a completed one, C3 a confirmed and a completed one:
-- (C1 2 1) (C2 2 0) (C3 1 1)
DELETE FROM expert_network.interviews
 WHERE id IN ('a0000000-0000-4000-8000-000000000015', 'a0000000-0000-4000-8000-000000000022',
              'a0000000-0000-4000-8000-000000000024', 'a0000000-0000-4000-8000-000000000033',
              'a0000000-0000-4000-8000-000000000034');

SELECT pg_temp.check_counters(
    $$ VALUES ('C1'::text, 2, 1), ('C2', 2, 0), ('C3', 1, 1), ('C4', 1, 1) $$,
    'E. five interviews of three campaigns deleted by one statement');

/* ------------------------------------------------------------------------
 * F. An UPDATE of other columns changes no counter and writes no
 * campaign (4)
 * ------------------------------------------------------------------------ */

SELECT string_agg(ctid::text, ',' ORDER BY id) AS all_ctids FROM expert_network.campaigns \gset

UPDATE expert_network.interviews
   SET color_tag = 'blue', duration_minutes = 45, scheduled_date = scheduled_date + 7;

SELECT pg_temp.check_counters(
    $$ VALUES ('C1'::text, 2, 1), ('C2', 2, 0), ('C3', 1, 1), ('C4', 1, 1) $$,
    'F. every interview''s color, duration and date changed');
SELECT is((SELECT string_agg(ctid::text, ',' ORDER BY id) FROM expert_network.campaigns), :'all_ctids',
          'F. no campaign row was written');

/* ------------------------------------------------------------------------
 * G. The upsert (INSERT … ON CONFLICT DO UPDATE): a new confirmed interview
 * in C1, a confirmed one of C2 completed (3): (C1 3 1) (C2 1 1)
 * ------------------------------------------------------------------------ */

INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
VALUES ('a0000000-0000-4000-8000-000000000017', 'c0000000-0000-4000-8000-000000000001',
        'e0000000-0000-4000-8000-000000000001', '2025-03-01', '10:00', 'confirmed'),
       ('a0000000-0000-4000-8000-000000000023', 'c0000000-0000-4000-8000-000000000002',
        'e0000000-0000-4000-8000-000000000002', '2025-03-01', '10:00', 'completed')
ON CONFLICT (id) DO UPDATE SET status = excluded.status;

SELECT pg_temp.check_counters(
    $$ VALUES ('C1'::text, 3, 1), ('C2', 1, 1), ('C3', 1, 1), ('C4', 1, 1) $$,
    'G. an upsert inserting one interview and updating another');

/* ------------------------------------------------------------------------
 * H. MERGE, inserting, updating and deleting in one statement: a confirmed
 * one of C1 deleted, a pending one of C2 cancelled, a pending one added to
 * C3 (3): (C1 2 1) (C2 0 1) (C3 2 1)
 * ------------------------------------------------------------------------ */

MERGE INTO expert_network.interviews AS t
USING (VALUES ('a0000000-0000-4000-8000-000000000010'::uuid, NULL::uuid, NULL::uuid, 'delete'),
              ('a0000000-0000-4000-8000-000000000021', NULL, NULL, 'cancelled'),
              ('a0000000-0000-4000-8000-000000000037', 'c0000000-0000-4000-8000-000000000003',
               'e0000000-0000-4000-8000-000000000003', 'pending')) AS s(id, campaign_id, expert_id, action)
   ON t.id = s.id
 WHEN MATCHED AND s.action = 'delete' THEN DELETE
 WHEN MATCHED THEN UPDATE SET status = s.action::expert_network.interview_status
 WHEN NOT MATCHED THEN INSERT (id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
                       VALUES (s.id, s.campaign_id, s.expert_id, '2025-03-02', '10:00',
                               s.action::expert_network.interview_status);

SELECT pg_temp.check_counters(
    $$ VALUES ('C1'::text, 2, 1), ('C2', 0, 1), ('C3', 2, 1), ('C4', 1, 1) $$,
    'H. one MERGE deleting, updating and inserting interviews');

-- (1)
SELECT results_eq(
    $$ SELECT campaign_name, updated_at FROM expert_network.campaigns ORDER BY campaign_name $$,
    $$ VALUES ('C1'::text, '2000-01-01 00:00:00+00'::timestamptz), ('C2', '2000-01-01 00:00:00+00'),
              ('C3', '2000-01-01 00:00:00+00'), ('C4', '2000-01-01 00:00:00+00') $$,
    'A-H: the counters changed, but no campaign''s updated_at did: counting is not an edit');

/* ------------------------------------------------------------------------
 * I. Cascades (11)
 * ------------------------------------------------------------------------ */

-- deleting an expert deletes its interviews: E4 of C1 gets a scheduled, a
-- completed and a cancelled one (C1 3 2), then goes (C1 2 1)
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
VALUES ('a0000000-0000-4000-8000-000000000051', 'c0000000-0000-4000-8000-000000000001',
        'e0000000-0000-4000-8000-000000000004', '2025-04-01', '10:00', 'scheduled'),
       ('a0000000-0000-4000-8000-000000000052', 'c0000000-0000-4000-8000-000000000001',
        'e0000000-0000-4000-8000-000000000004', '2025-04-01', '11:00', 'completed'),
       ('a0000000-0000-4000-8000-000000000053', 'c0000000-0000-4000-8000-000000000001',
        'e0000000-0000-4000-8000-000000000004', '2025-04-01', '12:00', 'cancelled');

SELECT pg_temp.check_counters(
    $$ VALUES ('C1'::text, 3, 2), ('C2', 0, 1), ('C3', 2, 1), ('C4', 1, 1) $$,
    'I. three interviews of expert E4 inserted');

DELETE FROM expert_network.experts WHERE id = 'e0000000-0000-4000-8000-000000000004';

SELECT pg_temp.check_counters(
    $$ VALUES ('C1'::text, 2, 1), ('C2', 0, 1), ('C3', 2, 1), ('C4', 1, 1) $$,
    'I. expert E4 deleted, and with it (ON DELETE CASCADE) its interviews');

-- deleting a campaign deletes its interviews, whose counting then finds the
-- campaign gone
SELECT lives_ok(
    $$ DELETE FROM expert_network.campaigns WHERE id = 'c0000000-0000-4000-8000-000000000004' $$,
    'I. campaign C4, with an expert and two interviews, can be deleted');
SELECT results_eq(
    $$ SELECT (SELECT count(*) FROM expert_network.campaigns WHERE id = 'c0000000-0000-4000-8000-000000000004'),
              (SELECT count(*) FROM expert_network.interviews WHERE campaign_id = 'c0000000-0000-4000-8000-000000000004') $$,
    $$ VALUES (0::bigint, 0::bigint) $$,
    'I. campaign C4 and its interviews are gone (the counting did not bring the campaign back)');

SELECT pg_temp.check_counters(
    $$ VALUES ('C1'::text, 2, 1), ('C2', 0, 1), ('C3', 2, 1) $$,
    'I. campaign C4 deleted');

/* ------------------------------------------------------------------------
 * J. An edit of a campaign is still stamped (1)
 * ------------------------------------------------------------------------ */

UPDATE expert_network.campaigns SET brief_description = 'Edited'
 WHERE id = 'c0000000-0000-4000-8000-000000000002';

SELECT results_eq(
    $$ SELECT campaign_name, updated_at FROM expert_network.campaigns ORDER BY campaign_name $$,
    $$ VALUES ('C1'::text, '2000-01-01 00:00:00+00'::timestamptz), ('C2', now()),
              ('C3', '2000-01-01 00:00:00+00') $$,
    'J. an edit of C2 stamps its updated_at; the cascades left the others'' alone');

/* ------------------------------------------------------------------------
 * K. delete_user_data() (7)
 * ------------------------------------------------------------------------ */

SELECT set_config('expert_network.user_id', 'cu2', true) \g /dev/null

INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date, target_completion_date)
VALUES ('c0000000-0000-4000-8000-0000000000d1', 'D1', 'Energy', '2025-01-01', '2025-06-30');
INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
VALUES ('c0000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-000000000001', 'enrolled');
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, status)
VALUES ('e0000000-0000-4000-8000-0000000000d1', 'c0000000-0000-4000-8000-0000000000d1',
        '00000000-0000-4000-8000-000000000001', 'ED', 'Analyst', 'reviewed');
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
SELECT v.id, 'c0000000-0000-4000-8000-0000000000d1', 'e0000000-0000-4000-8000-0000000000d1',
       '2025-05-01', pg_catalog.make_time(8 + pg_catalog.strpos('0123456789abcdef', pg_catalog.right(v.id::text, 1)) % 12, 0, 0),  -- an hour per id
       v.status::expert_network.interview_status
  FROM (VALUES ('a0000000-0000-4000-8000-0000000000d1'::uuid, 'scheduled'),
               ('a0000000-0000-4000-8000-0000000000d2'::uuid, 'completed'),
               ('a0000000-0000-4000-8000-0000000000d3'::uuid, 'confirmed')) AS v(id, status);

SELECT results_eq(
    $$ SELECT campaign_name, scheduled_calls, completed_calls FROM expert_network.campaigns $$,
    $$ VALUES ('D1'::text, 2, 1) $$,
    'K. cu2 sees only its campaign D1, with its counters');

RESET ROLE;
SET LOCAL ROLE en_cnt_admin;
SELECT set_config('expert_network.user_id', 'cu-admin', true) \g /dev/null

SELECT results_eq(
    $$ SELECT table_name, deleted FROM expert_network.delete_user_data('cu2')
        WHERE table_name IN ('interviews', 'experts', 'campaigns') $$,
    $$ VALUES ('interviews'::text, 3::bigint), ('experts', 1), ('campaigns', 1) $$,
    'K. an admin''s delete_user_data(''cu2'') deletes cu2''s interviews, expert and campaign');

RESET ROLE;

SELECT is((SELECT count(*)::int FROM expert_network.campaigns WHERE user_id = 'cu2'), 0,
          'K. (as the superuser) no campaign of cu2 is left');
SELECT is_empty($$ SELECT * FROM expert_network.verify_counters() $$,
                'K. (as the superuser, seeing every campaign) verify_counters() finds no drift');

SET LOCAL ROLE en_cnt_app;
SELECT set_config('expert_network.user_id', 'cu1', true) \g /dev/null

SELECT pg_temp.check_counters(
    $$ VALUES ('C1'::text, 2, 1), ('C2', 0, 1), ('C3', 2, 1) $$,
    'K. cu1 after delete_user_data(''cu2'')');

/* ------------------------------------------------------------------------
 * L. Nobody but the extension writes the counters (17)
 * ------------------------------------------------------------------------ */

SELECT throws_ok(
    $$ UPDATE expert_network.campaigns SET scheduled_calls = 99
        WHERE id = 'c0000000-0000-4000-8000-000000000001' $$,
    '23514', 'column "scheduled_calls" of relation "campaigns" is maintained by expert_network',
    'L. the app cannot UPDATE scheduled_calls');
SELECT throws_ok(
    $$ UPDATE expert_network.campaigns SET completed_calls = 99
        WHERE id = 'c0000000-0000-4000-8000-000000000001' $$,
    '23514', 'column "completed_calls" of relation "campaigns" is maintained by expert_network',
    'L. the app cannot UPDATE completed_calls');
SELECT throws_ok(
    $$ UPDATE expert_network.campaigns SET completed_calls = completed_calls + 1 $$,
    '23514', 'column "completed_calls" of relation "campaigns" is maintained by expert_network',
    'L. the app cannot move completed_calls on by one');
SELECT is(pg_temp.error_of($$ UPDATE expert_network.campaigns SET scheduled_calls = 0
                               WHERE id = 'c0000000-0000-4000-8000-000000000003' $$),
          '23514: column "scheduled_calls" of relation "campaigns" is maintained by expert_network'
          ' / It counts the campaign''s interviews; it changes when they do.'
          ' / To fix a drifted counter, run expert_network.repair_counters().',
          'L. the refusal of an UPDATE says why and what to run instead');
SELECT lives_ok(
    $$ UPDATE expert_network.campaigns
          SET campaign_name = campaign_name, scheduled_calls = scheduled_calls, completed_calls = completed_calls
        WHERE id = 'c0000000-0000-4000-8000-000000000002' $$,
    'L. an UPDATE writing back the counters'' current values is accepted');

SELECT throws_ok(
    $$ INSERT INTO expert_network.campaigns (campaign_name, industry_vertical, start_date,
                                             target_completion_date, scheduled_calls)
       VALUES ('Preloaded', 'Technology', '2025-01-01', '2025-06-30', 3) $$,
    '23514', 'column "scheduled_calls" of relation "campaigns" is maintained by expert_network',
    'L. the app cannot INSERT a campaign with scheduled_calls 3');
SELECT throws_ok(
    $$ INSERT INTO expert_network.campaigns (campaign_name, industry_vertical, start_date,
                                             target_completion_date, completed_calls)
       VALUES ('Preloaded', 'Technology', '2025-01-01', '2025-06-30', 1) $$,
    '23514', 'column "completed_calls" of relation "campaigns" is maintained by expert_network',
    'L. the app cannot INSERT a campaign with completed_calls 1');
SELECT is(pg_temp.error_of($$ INSERT INTO expert_network.campaigns (campaign_name, industry_vertical, start_date,
                                                                    target_completion_date, completed_calls)
                              VALUES ('Preloaded', 'Technology', '2025-01-01', '2025-06-30', 1) $$),
          '23514: column "completed_calls" of relation "campaigns" is maintained by expert_network'
          ' / A new campaign has no interviews, so no calls. / Leave the column out.',
          'L. the refusal of an INSERT says why');
SELECT lives_ok(
    $$ INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date,
                                             target_completion_date, scheduled_calls, completed_calls)
       VALUES ('c0000000-0000-4000-8000-000000000005', 'C5', 'Technology', '2025-01-01', '2025-06-30', 0, 0) $$,
    'L. the app may INSERT a campaign naming its counters, if they are 0');
DELETE FROM expert_network.campaigns WHERE id = 'c0000000-0000-4000-8000-000000000005';

-- a superuser is refused too, with or without an identity
RESET ROLE;
SELECT throws_ok(
    $$ UPDATE expert_network.campaigns SET completed_calls = 5
        WHERE id = 'c0000000-0000-4000-8000-000000000001' $$,
    '23514', 'column "completed_calls" of relation "campaigns" is maintained by expert_network',
    'L. a superuser (with an identity) cannot UPDATE completed_calls');

SELECT set_config('expert_network.user_id', '', true) \g /dev/null

SELECT throws_ok(
    $$ UPDATE expert_network.campaigns SET scheduled_calls = 5
        WHERE id = 'c0000000-0000-4000-8000-000000000001' $$,
    '23514', 'column "scheduled_calls" of relation "campaigns" is maintained by expert_network',
    'L. a superuser without an identity cannot UPDATE scheduled_calls either');

-- 0.8.0: without an identity but with row_security on (the default), a
-- superuser's write is no restore: it is held to the rules
SELECT throws_ok(
    $$ INSERT INTO expert_network.campaigns (id, user_id, campaign_name, industry_vertical, start_date,
                                             target_completion_date, scheduled_calls, completed_calls)
       VALUES ('c0000000-0000-4000-8000-000000000006', 'cu1', 'C6', 'Energy', '2025-01-01', '2025-06-30', 5, 3) $$,
    '23514', 'column "scheduled_calls" of relation "campaigns" is maintained by expert_network',
    'L. a superuser without an identity, row_security on, cannot INSERT a campaign with counters 5 and 3 (no restore)');

-- the restore path (no identity, row_security off, as pg_dump's output
-- sets it): a dump's campaign comes with its counters; its interviews come
-- next and count themselves
SET LOCAL row_security = off;
SELECT throws_ok(
    $$ UPDATE expert_network.campaigns SET scheduled_calls = 5
        WHERE id = 'c0000000-0000-4000-8000-000000000001' $$,
    '23514', 'column "scheduled_calls" of relation "campaigns" is maintained by expert_network',
    'L. the restore path (no identity, row_security off) cannot UPDATE scheduled_calls either');
SELECT lives_ok(
    $$ INSERT INTO expert_network.campaigns (id, user_id, campaign_name, industry_vertical, start_date,
                                             target_completion_date, scheduled_calls, completed_calls)
       VALUES ('c0000000-0000-4000-8000-000000000006', 'cu1', 'C6', 'Energy', '2025-01-01', '2025-06-30', 5, 3) $$,
    'L. restore: a superuser without an identity, row_security off, may INSERT a campaign with counters 5 and 3');
SELECT results_eq(
    $$ SELECT scheduled_calls, completed_calls FROM expert_network.campaigns
        WHERE id = 'c0000000-0000-4000-8000-000000000006' $$,
    $$ VALUES (0, 0) $$,
    'L. restore: the campaign is stored with 0 calls, since it has no interview yet');
INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
VALUES ('c0000000-0000-4000-8000-000000000006', '00000000-0000-4000-8000-000000000001', 'enrolled');
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, status)
VALUES ('e0000000-0000-4000-8000-000000000006', 'c0000000-0000-4000-8000-000000000006',
        '00000000-0000-4000-8000-000000000001', 'E6', 'Restored', 'reviewed');
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
SELECT v.id, 'c0000000-0000-4000-8000-000000000006', 'e0000000-0000-4000-8000-000000000006',
       '2025-05-01', pg_catalog.make_time(8 + pg_catalog.strpos('0123456789abcdef', pg_catalog.right(v.id::text, 1)) % 12, 0, 0),  -- an hour per id
       v.status::expert_network.interview_status
  FROM (VALUES ('a0000000-0000-4000-8000-000000000061'::uuid, 'scheduled'),
               ('a0000000-0000-4000-8000-000000000062'::uuid, 'completed')) AS v(id, status);
SELECT results_eq(
    $$ SELECT user_id, scheduled_calls, completed_calls FROM expert_network.campaigns
        WHERE id = 'c0000000-0000-4000-8000-000000000006' $$,
    $$ VALUES ('cu1'::text, 1, 1) $$,
    'L. restore: its restored interviews count themselves');
SELECT lives_ok(
    $$ DELETE FROM expert_network.campaigns WHERE id = 'c0000000-0000-4000-8000-000000000006' $$,
    'L. restore: (the restored campaign is deleted again)');
SET LOCAL row_security = on;

/* ------------------------------------------------------------------------
 * M. verify_counters() and repair_counters() after a drift made with the
 * triggers off (15)
 * ------------------------------------------------------------------------ */

-- a campaign of cu3 with a scheduled and a completed interview: (C7 1 1)
SELECT set_config('expert_network.user_id', 'cu3', true) \g /dev/null
INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date, target_completion_date,
                                      created_at, updated_at)
VALUES ('c0000000-0000-4000-8000-000000000007', 'C7', 'Energy', '2025-01-01', '2025-06-30',
        '1999-01-01 00:00:00+00', '2000-01-01 00:00:00+00');
INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
VALUES ('c0000000-0000-4000-8000-000000000007', '00000000-0000-4000-8000-000000000001', 'enrolled');
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, status)
VALUES ('e0000000-0000-4000-8000-000000000007', 'c0000000-0000-4000-8000-000000000007',
        '00000000-0000-4000-8000-000000000001', 'E7', 'Engineer', 'reviewed');
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
VALUES ('a0000000-0000-4000-8000-000000000071', 'c0000000-0000-4000-8000-000000000007',
        'e0000000-0000-4000-8000-000000000007', '2025-05-01', '10:00', 'scheduled'),
       ('a0000000-0000-4000-8000-000000000072', 'c0000000-0000-4000-8000-000000000007',
        'e0000000-0000-4000-8000-000000000007', '2025-05-01', '11:00', 'completed');

-- with every trigger off, as a superuser (the workflow's triggers too:
-- completed is final for the application): C1 gets two live interviews, in
-- C2 the completed one is confirmed again, in C3 the completed one is
-- cancelled, in C7 the completed one is deleted.  Stored: (C1 2 1) (C2 0 1)
-- (C3 2 1) (C7 1 1); actual: (C1 4 1) (C2 1 0) (C3 2 0) (C7 1 0).  The
-- INSERT leaves user_id out: with the triggers off the owner-key trigger
-- does not run, and the column default, the identity (0.15.0: written
-- (expert_network.current_user_id() COLLATE pg_catalog."default")), is
-- what gives the rows their owner.
SET LOCAL session_replication_role = replica;
SELECT set_config('expert_network.user_id', 'cu1', true) \g /dev/null
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
VALUES ('a0000000-0000-4000-8000-000000000018', 'c0000000-0000-4000-8000-000000000001',
        'e0000000-0000-4000-8000-000000000001', '2025-06-01', '10:00', 'scheduled'),
       ('a0000000-0000-4000-8000-000000000019', 'c0000000-0000-4000-8000-000000000001',
        'e0000000-0000-4000-8000-000000000001', '2025-06-01', '11:00', 'pending');
SELECT results_eq(
    $$ SELECT id, user_id FROM expert_network.interviews
        WHERE id IN ('a0000000-0000-4000-8000-000000000018', 'a0000000-0000-4000-8000-000000000019')
        ORDER BY id $$,
    $$ VALUES ('a0000000-0000-4000-8000-000000000018'::uuid, 'cu1'::text),
              ('a0000000-0000-4000-8000-000000000019', 'cu1') $$,
    'M. with the triggers off, an INSERT that leaves user_id out takes the identity cu1 from the column default');
UPDATE expert_network.interviews SET status = 'confirmed' WHERE id = 'a0000000-0000-4000-8000-000000000023';
UPDATE expert_network.interviews SET status = 'cancelled' WHERE id = 'a0000000-0000-4000-8000-000000000032';
DELETE FROM expert_network.interviews WHERE id = 'a0000000-0000-4000-8000-000000000072';
SET LOCAL session_replication_role = origin;

SELECT results_eq(
    $$ SELECT * FROM expert_network.verify_counters() $$,
    $$ VALUES ('c0000000-0000-4000-8000-000000000001'::uuid, 'scheduled_calls'::text, 2, 4),
              ('c0000000-0000-4000-8000-000000000002', 'completed_calls', 1, 0),
              ('c0000000-0000-4000-8000-000000000002', 'scheduled_calls', 0, 1),
              ('c0000000-0000-4000-8000-000000000003', 'completed_calls', 1, 0),
              ('c0000000-0000-4000-8000-000000000007', 'completed_calls', 1, 0) $$,
    'M. (superuser) verify_counters() lists exactly the 5 drifted counters, as (campaign, counter, stored, actual)');

SET LOCAL ROLE en_cnt_app;

SELECT results_eq(
    $$ SELECT * FROM expert_network.verify_counters() $$,
    $$ VALUES ('c0000000-0000-4000-8000-000000000001'::uuid, 'scheduled_calls'::text, 2, 4),
              ('c0000000-0000-4000-8000-000000000002', 'completed_calls', 1, 0),
              ('c0000000-0000-4000-8000-000000000002', 'scheduled_calls', 0, 1),
              ('c0000000-0000-4000-8000-000000000003', 'completed_calls', 1, 0) $$,
    'M. (app, cu1) verify_counters() lists the drifted counters of cu1''s campaigns only');
SELECT is(expert_network.repair_counters(), 4,
          'M. (app, cu1) repair_counters() fixes cu1''s 4 drifted counters, and says so');
SELECT pg_temp.check_counters(
    $$ VALUES ('C1'::text, 4, 1), ('C2', 1, 0), ('C3', 2, 0) $$,
    'M. cu1 after repair_counters()');
SELECT results_eq(
    $$ SELECT campaign_name, updated_at FROM expert_network.campaigns ORDER BY campaign_name $$,
    $$ VALUES ('C1'::text, '2000-01-01 00:00:00+00'::timestamptz), ('C2', now()),
              ('C3', '2000-01-01 00:00:00+00') $$,
    'M. repairing is not an edit either: updated_at is left alone');

RESET ROLE;
SELECT results_eq(
    $$ SELECT * FROM expert_network.verify_counters() $$,
    $$ VALUES ('c0000000-0000-4000-8000-000000000007'::uuid, 'completed_calls'::text, 1, 0) $$,
    'M. (superuser) only cu3''s drifted counter is left');

SET LOCAL ROLE en_cnt_ro;
SELECT set_config('expert_network.user_id', 'cu3', true) \g /dev/null
SELECT results_eq(
    $$ SELECT * FROM expert_network.verify_counters() $$,
    $$ VALUES ('c0000000-0000-4000-8000-000000000007'::uuid, 'completed_calls'::text, 1, 0) $$,
    'M. (readonly, cu3) verify_counters() shows cu3''s drifted counter');
SELECT throws_ok(
    $$ SELECT expert_network.repair_counters() $$,
    '42501', 'permission denied for table campaigns',
    'M. (readonly, cu3) repair_counters() is refused: it writes');

RESET ROLE;
SELECT is(expert_network.repair_counters(), 1,
          'M. (superuser) repair_counters() fixes the last drifted counter');
SELECT is_empty($$ SELECT * FROM expert_network.verify_counters() $$,
                'M. (superuser) verify_counters() then finds no drift anywhere');
SELECT is(expert_network.repair_counters(), 0,
          'M. (superuser) repair_counters() again has nothing to fix');
SELECT results_eq(
    $$ SELECT scheduled_calls, completed_calls, updated_at FROM expert_network.campaigns
        WHERE id = 'c0000000-0000-4000-8000-000000000007' $$,
    $$ VALUES (1, 0, '2000-01-01 00:00:00+00'::timestamptz) $$,
    'M. C7 repaired to (1, 0), updated_at untouched');

/* ------------------------------------------------------------------------
 * N. TRUNCATE, as a superuser (the app may not TRUNCATE) (7)
 * ------------------------------------------------------------------------ */

SELECT lives_ok($$ TRUNCATE expert_network.interviews CASCADE $$,
                'N. TRUNCATE interviews CASCADE');
SELECT is_empty(
    $$ SELECT campaign_name FROM expert_network.campaigns WHERE scheduled_calls <> 0 OR completed_calls <> 0 $$,
    'N. after TRUNCATE interviews, every campaign has 0 calls');
SELECT is_empty($$ SELECT * FROM expert_network.verify_counters() $$,
                'N. after TRUNCATE interviews, verify_counters() finds no drift');
SELECT results_eq(
    $$ SELECT campaign_name, updated_at FROM expert_network.campaigns ORDER BY campaign_name $$,
    $$ VALUES ('C1'::text, '2000-01-01 00:00:00+00'::timestamptz), ('C2', now()),
              ('C3', '2000-01-01 00:00:00+00'), ('C7', '2000-01-01 00:00:00+00') $$,
    'N. resetting the counters is not an edit: updated_at is left alone');

-- a TRUNCATE that reaches interviews through CASCADE resets them too
SELECT set_config('expert_network.user_id', 'cu1', true) \g /dev/null
INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time, status)
VALUES ('c0000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000001', '2025-07-01', '10:00', 'scheduled'),
       ('c0000000-0000-4000-8000-000000000003', 'e0000000-0000-4000-8000-000000000003', '2025-07-01', '10:00', 'completed');
SELECT results_eq(
    $$ SELECT campaign_name, scheduled_calls, completed_calls FROM expert_network.campaigns
        WHERE scheduled_calls <> 0 OR completed_calls <> 0 ORDER BY campaign_name $$,
    $$ VALUES ('C1'::text, 1, 0), ('C3', 0, 1) $$,
    'N. two interviews inserted again, and counted');
SELECT lives_ok($$ TRUNCATE expert_network.experts CASCADE $$,
                'N. TRUNCATE experts CASCADE (which truncates interviews)');
SELECT is_empty(
    $$ SELECT campaign_name FROM expert_network.campaigns WHERE scheduled_calls <> 0 OR completed_calls <> 0 $$,
    'N. after TRUNCATE experts CASCADE, every campaign has 0 calls');

/* ------------------------------------------------------------------------
 * O. Chat recency: a session's updated_at follows its latest message (5)
 * ------------------------------------------------------------------------ */

SET LOCAL ROLE en_cnt_app;
SELECT set_config('expert_network.user_id', 'cu1', true) \g /dev/null

INSERT INTO expert_network.chat_sessions (id, title, created_at, updated_at)
VALUES ('d0000000-0000-4000-8000-000000000001', 'S1', '1999-01-01 00:00:00+00', '2000-01-01 00:00:00+00'),
       ('d0000000-0000-4000-8000-000000000002', 'S2', '1999-01-01 00:00:00+00', '2000-01-01 00:00:00+00'),
       ('d0000000-0000-4000-8000-000000000003', 'S3', '1999-01-01 00:00:00+00', '2000-01-01 00:00:00+00');

INSERT INTO expert_network.chat_messages (chat_session_id, role, content, created_at)
VALUES ('d0000000-0000-4000-8000-000000000001', 'user', 'First question', '2020-01-01 10:00:00+00');

SELECT results_eq(
    $$ SELECT title, updated_at FROM expert_network.chat_sessions ORDER BY title $$,
    $$ VALUES ('S1'::text, '2020-01-01 10:00:00+00'::timestamptz), ('S2', '2000-01-01 00:00:00+00'),
              ('S3', '2000-01-01 00:00:00+00') $$,
    'O. a message sets its session''s updated_at to its created_at (not to now()), and leaves the other sessions alone');

INSERT INTO expert_network.chat_messages (chat_session_id, role, content, created_at)
VALUES ('d0000000-0000-4000-8000-000000000002', 'user',      'Q', '2021-04-01 00:00:00+00'),
       ('d0000000-0000-4000-8000-000000000001', 'assistant', 'A', '2021-03-01 00:00:00+00'),
       ('d0000000-0000-4000-8000-000000000002', 'assistant', 'A', '2021-05-01 00:00:00+00'),
       ('d0000000-0000-4000-8000-000000000003', 'user',      'Q', '2021-06-01 00:00:00+00'),
       ('d0000000-0000-4000-8000-000000000001', 'user',      'Q', '2021-02-01 00:00:00+00'),
       ('d0000000-0000-4000-8000-000000000002', 'user',      'Q', '2021-01-01 00:00:00+00');

SELECT results_eq(
    $$ SELECT title, updated_at FROM expert_network.chat_sessions ORDER BY title $$,
    $$ VALUES ('S1'::text, '2021-03-01 00:00:00+00'::timestamptz), ('S2', '2021-05-01 00:00:00+00'),
              ('S3', '2021-06-01 00:00:00+00') $$,
    'O. one INSERT of 6 messages in 3 sessions: each session gets its latest message''s created_at');

INSERT INTO expert_network.chat_messages (chat_session_id, role, content, created_at)
VALUES ('d0000000-0000-4000-8000-000000000001', 'user', 'Imported old message', '2010-01-01 00:00:00+00');

SELECT results_eq(
    $$ SELECT title, updated_at FROM expert_network.chat_sessions ORDER BY title $$,
    $$ VALUES ('S1'::text, '2021-03-01 00:00:00+00'::timestamptz), ('S2', '2021-05-01 00:00:00+00'),
              ('S3', '2021-06-01 00:00:00+00') $$,
    'O. a message older than the session''s updated_at leaves it alone');

INSERT INTO expert_network.chat_messages (chat_session_id, role, content)
VALUES ('d0000000-0000-4000-8000-000000000003', 'user', 'A message of now');

SELECT results_eq(
    $$ SELECT title, updated_at FROM expert_network.chat_sessions ORDER BY title $$,
    $$ VALUES ('S1'::text, '2021-03-01 00:00:00+00'::timestamptz), ('S2', '2021-05-01 00:00:00+00'),
              ('S3', now()) $$,
    'O. a message with the default created_at (now()) brings its session to now()');

SELECT results_eq(
    $$ SELECT title, created_at FROM expert_network.chat_sessions ORDER BY title $$,
    $$ VALUES ('S1'::text, '1999-01-01 00:00:00+00'::timestamptz), ('S2', '1999-01-01 00:00:00+00'),
              ('S3', '1999-01-01 00:00:00+00') $$,
    'O. the sessions'' created_at is never touched');

RESET ROLE;

SELECT * FROM finish();

ROLLBACK;
