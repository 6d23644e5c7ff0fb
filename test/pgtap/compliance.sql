-- test/pgtap/compliance.sql — the compliance gates (0.10.0) by role: what
-- the restricted list (QC001), the cooling-off periods (QC002) and the
-- attestations (QC003) refuse, on every write path; the date boundaries;
-- the company keys (tickers, aliases); exceptions; the compliance log; the
-- per-user scoping of every screen; who is screened (a BYPASSRLS role, a
-- superuser without an identity) and who is not (a restore); experts.company
-- following the employments; erasure.  The structure of the compliance
-- tables is test/pgtap/structure.sql's, their CHECK constraints
-- test/pgtap/constraints.sql's, the levels' privileges
-- test/pgtap/scoping.sql's; sql/compliance.sql has the messages in full.
--
-- A. Fixture, and the conflicts it leaves (compliance_conflicts())
-- B. Each gate on each write path: schedule_interview(),
--    complete_interview(), INSERT, UPDATE of status, of scheduled_date, of
--    expert_id, INSERT ... SELECT of several rows, UPDATE ... FROM, MERGE
--    (both actions), INSERT ... ON CONFLICT DO UPDATE: refused with the
--    gate's SQLSTATE, the whole statement undone, its log rows included
-- C. Date boundaries and company matching, through compliance_check() and
--    real bookings
-- D. Exceptions: the compliance level approves them, stamped; an excepted
--    decision is logged with its exception; an expired exception, or one
--    for another rule, does not count
-- E. The log: a row per decision; nobody updates or deletes it, nobody but
--    the gates inserts into it; compliance_check(..., log => true) needs
--    the right to append (readonly: 42501), log => false does not
-- F. Per-user scoping: another user's list and exceptions never decide a
--    screen, another user's expert is P0002, compliance_conflicts() shows
--    the caller's interviews only
-- G. A BYPASSRLS role and a superuser without an identity are screened;
--    only a restore (no identity and row_security off) is not
-- H. experts.company follows the open-ended employment
-- I. delete_user_data() erases every compliance row of the user, and only
--    those
-- J. The overlap of company keys (0.11.0): expert_network.&& matches as
--    pg_catalog.&& does, and the restricted list's GIN index serves it for
--    the app role under row-level security (pg_catalog.&&, not leakproof,
--    cannot be pushed below the policy)
--
-- Runs under pg_prove in a database with pgtap and expert_network installed
-- (test/suite), as a superuser, in one transaction that is rolled back: the
-- roles created here (tap_c_*) vanish with it.  The writes run as roles of
-- the levels of grant_access() (app, compliance, readonly, admin), with the
-- identity set as an application sets it, set_config(..., true) (its result
-- sent to /dev/null to keep the TAP stream clean).  The gates compare call
-- dates, not today's date: the calls are in 2027, the exceptions' expiry
-- is relative to now().
--
-- Fixture ids.  User cp_u1:
--   c1…01 campaign C1 (GLG enrolled); subject companies 51…01 "widget works",
--         51…02 "Private Parts"
--   e1…01 Ann  employed at "Acme Corporation" (ACM) since 2020 (d1…01)
--   e1…02 Bob  left "Widget Works Inc." (public) on 2026-10-31 (d1…02),
--              at "Gadget Partners" since (d1…03)
--   e1…03 Cy   "Clear Ltd" (experts.company, no employment rows)
--   e1…04 Dee  left "Private Parts LLC" (private) on 2026-12-31 (d1…04)
--   e1…05 Eve  "ZETA HOLDINGS, Inc." (experts.company only)
--   e1…06 Fay  at "Totally Unrelated Name", ticker "acm" (d1…05)
--   e1…07 Gus  "ACM" (experts.company only: a name, not the ticker)
--   e1…08 Hal  for experts.company following the employments
--   f1…01 restricted "ACME Corp." (ACM, alias "Acme Holdings"),
--         2027-01-10 to 2027-03-31; f1…02 "Zed Group" (alias "Zeta
--         Holdings") from 2027-01-01
--   policy: cooling-off 6 months (public), 2 (private), attestations required
--   a1…NN interviews, ee1…NN exceptions
-- User cp_u2: c2…01 campaign C2, e2…01 Ivy at "Ivy Corp" (d2…01), f2…01
--   restricted "Clear Ltd", f2…02 "Ivy Corp", a2…01 Ivy's interview,
--   ee2…01 an exception for Ivy.

SET client_min_messages = warning;

BEGIN;

SELECT plan(130);

CREATE ROLE tap_c_app NOLOGIN;
CREATE ROLE tap_c_officer NOLOGIN;
CREATE ROLE tap_c_ro NOLOGIN;
CREATE ROLE tap_c_admin NOLOGIN;
CREATE ROLE tap_c_bypass NOLOGIN BYPASSRLS;
SELECT expert_network.grant_access('tap_c_app', 'app') \g /dev/null
SELECT expert_network.grant_access('tap_c_officer', 'compliance') \g /dev/null
SELECT expert_network.grant_access('tap_c_ro', 'readonly') \g /dev/null
SELECT expert_network.grant_access('tap_c_admin', 'admin') \g /dev/null
SELECT expert_network.grant_access('tap_c_bypass', 'app') \g /dev/null

-- the number of rows of a table, as the superuser sees them (every user's)
CREATE FUNCTION pg_temp.rows_of(tbl text, who text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
BEGIN
    EXECUTE format('SELECT count(*) FROM expert_network.%I WHERE user_id = %L', tbl, who) INTO n;
    RETURN n;
END;
$$;

/* ========================================================================
 * A. Fixture (as the app and the compliance roles), and the conflicts it
 *    leaves (12)
 * ======================================================================== */

SET LOCAL ROLE tap_c_app;
SELECT set_config('expert_network.user_id', 'cp_u1', true) \g /dev/null

INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date, target_completion_date, status)
VALUES ('c1000000-0000-4000-8000-000000000001', 'Widgets', 'Industrials', '2027-01-01', '2027-12-31', 'active');
INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
VALUES ('c1000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'enrolled');
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, company, status)
SELECT v.id::uuid, 'c1000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001',
       v.name, 'Expert', v.company, 'reviewed'
  FROM (VALUES ('e1000000-0000-4000-8000-000000000001', 'Ann', NULL),
               ('e1000000-0000-4000-8000-000000000002', 'Bob', NULL),
               ('e1000000-0000-4000-8000-000000000003', 'Cy', 'Clear Ltd'),
               ('e1000000-0000-4000-8000-000000000004', 'Dee', NULL),
               ('e1000000-0000-4000-8000-000000000005', 'Eve', 'ZETA HOLDINGS, Inc.'),
               ('e1000000-0000-4000-8000-000000000006', 'Fay', NULL),
               ('e1000000-0000-4000-8000-000000000007', 'Gus', 'ACM'),
               ('e1000000-0000-4000-8000-000000000008', 'Hal', NULL)) AS v(id, name, company);
INSERT INTO expert_network.expert_employments (id, expert_id, company, ticker, publicly_traded, started_on, ended_on) VALUES
('d1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000001', 'Acme Corporation', 'ACM', true, '2020-01-01', NULL),
('d1000000-0000-4000-8000-000000000002', 'e1000000-0000-4000-8000-000000000002', 'Widget Works Inc.', 'WDGT', true, '2015-01-01', '2026-10-31'),
('d1000000-0000-4000-8000-000000000003', 'e1000000-0000-4000-8000-000000000002', 'Gadget Partners', NULL, false, '2026-11-01', NULL),
('d1000000-0000-4000-8000-000000000004', 'e1000000-0000-4000-8000-000000000004', 'Private Parts LLC', NULL, false, '2018-01-01', '2026-12-31'),
('d1000000-0000-4000-8000-000000000005', 'e1000000-0000-4000-8000-000000000006', 'Totally Unrelated Name', 'acm', true, '2019-01-01', NULL);

-- booked while nothing is on the list: a pending call with Ann on
-- 2027-01-20, a scheduled one on 2027-01-15, a pending call with Bob on
-- 2027-02-01; each booking logs its two decisions (no policy yet: no
-- attestation is asked)
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status) VALUES
('a1000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000001', '2027-01-20', '08:00', 'pending'),
('a1000000-0000-4000-8000-000000000007', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000001', '2027-01-15', '08:00', 'scheduled'),
('a1000000-0000-4000-8000-000000000002', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000002', '2027-02-01', '08:00', 'pending');

-- (2)
SELECT results_eq(
    $$ SELECT name, company FROM expert_network.experts ORDER BY name $$,
    $$ VALUES ('Ann'::text, 'Acme Corporation'::text), ('Bob', 'Gadget Partners'), ('Cy', 'Clear Ltd'),
              ('Dee', NULL), ('Eve', 'ZETA HOLDINGS, Inc.'), ('Fay', 'Totally Unrelated Name'), ('Gus', 'ACM'),
              ('Hal', NULL) $$,
    'fixture: experts.company is the open-ended employment''s company, or the one written for an expert without employments');
SELECT results_eq(
    $$ SELECT interview_id, rule, decision, exception_id, detail, decided_by
         FROM expert_network.compliance_log ORDER BY id $$,
    $$ VALUES ('a1000000-0000-4000-8000-000000000001'::uuid, 'restricted_list'::expert_network.compliance_rule, 'passed'::expert_network.compliance_decision, NULL::uuid, NULL::jsonb, 'tap_c_app'::text),
              ('a1000000-0000-4000-8000-000000000001', 'cooling_off', 'passed', NULL, NULL, 'tap_c_app'),
              ('a1000000-0000-4000-8000-000000000007', 'restricted_list', 'passed', NULL, NULL, 'tap_c_app'),
              ('a1000000-0000-4000-8000-000000000007', 'cooling_off', 'passed', NULL, NULL, 'tap_c_app'),
              ('a1000000-0000-4000-8000-000000000002', 'restricted_list', 'passed', NULL, NULL, 'tap_c_app'),
              ('a1000000-0000-4000-8000-000000000002', 'cooling_off', 'passed', NULL, NULL, 'tap_c_app') $$,
    'a booked call logs one row per decision, in the order of the calls and the rules, by the role whose statement was screened');

-- the restricted list and the policy are the compliance team's (3)
SELECT throws_ok(
    $$ INSERT INTO expert_network.restricted_companies (company) VALUES ('Anything') $$,
    '42501', 'permission denied for table restricted_companies',
    'app: cannot write the restricted list');
SELECT throws_ok(
    $$ INSERT INTO expert_network.compliance_policies (attestation_required) VALUES (false) $$,
    '42501', 'permission denied for table compliance_policies',
    'app: cannot write the compliance policy');

RESET ROLE;
SET LOCAL ROLE tap_c_officer;
SELECT set_config('expert_network.user_id', 'cp_u1', true) \g /dev/null
SELECT lives_ok(
    $$ INSERT INTO expert_network.restricted_companies (id, company, ticker, aliases, applies_from, applies_until, reason)
       VALUES ('f1000000-0000-4000-8000-000000000001', 'ACME Corp.', 'ACM', ARRAY['Acme Holdings'],
               '2027-01-10', '2027-03-31', 'Position in ACM'),
              ('f1000000-0000-4000-8000-000000000002', 'Zed Group', NULL, ARRAY['Zeta Holdings'],
               '2027-01-01', NULL, 'Deal team');
       INSERT INTO expert_network.compliance_policies (cooling_off_public_months, cooling_off_private_months, attestation_required)
       VALUES (6, 2, true) $$,
    'compliance: writes the restricted list and the policy');

RESET ROLE;
SET LOCAL ROLE tap_c_app;
SELECT set_config('expert_network.user_id', 'cp_u1', true) \g /dev/null
INSERT INTO expert_network.campaign_subject_companies (id, campaign_id, company) VALUES
('51000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001', 'widget works'),
('51000000-0000-4000-8000-000000000002', 'c1000000-0000-4000-8000-000000000001', 'Private Parts');

-- calls that pass: Cy's (a clean expert), Ann's before the entry applies,
-- Bob's after his cooling-off period, Gus's (attested below) (4)
SELECT lives_ok(
    $$ INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time) VALUES
       ('a1000000-0000-4000-8000-000000000003', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000003', '2027-01-20', '10:00') $$,
    'a call with an expert on no list, in no cooling-off period, is booked');
SELECT lives_ok(
    $$ INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time) VALUES
       ('a1000000-0000-4000-8000-000000000004', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000001', '2027-01-09', '10:00') $$,
    'restricted list: a call the day before the entry''s applies_from is booked');
SELECT lives_ok(
    $$ INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time) VALUES
       ('a1000000-0000-4000-8000-000000000005', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000002', '2027-04-30', '10:00') $$,
    'cooling-off: a call on the day the period ends (2026-10-31 + 6 months) is booked');
SELECT lives_ok(
    $$ INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time) VALUES
       ('a1000000-0000-4000-8000-000000000006', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000007', '2027-01-20', '10:00');
       INSERT INTO expert_network.interview_attestations (interview_id, attested_by, terms_version,
              no_material_nonpublic_information, no_conflicting_obligations)
       VALUES ('a1000000-0000-4000-8000-000000000006', 'Gus', 'v1', true, true) $$,
    'a call with Gus ("ACM" is a name, not the ticker $ACM) is booked, and attested');

-- what the gates would refuse now: the calls booked before the entry and
-- the subject company, one row per broken rule (3)
SELECT results_eq(
    $$ SELECT interview_id, expert_id, call_date, rule, company, entry_id, clears_on
         FROM expert_network.compliance_conflicts() ORDER BY call_date, rule $$,
    $$ VALUES ('a1000000-0000-4000-8000-000000000007'::uuid, 'e1000000-0000-4000-8000-000000000001'::uuid, '2027-01-15'::date,
               'restricted_list'::text, 'Acme Corporation'::text, 'f1000000-0000-4000-8000-000000000001'::uuid, '2027-04-01'::date),
              ('a1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000001', '2027-01-20',
               'restricted_list', 'Acme Corporation', 'f1000000-0000-4000-8000-000000000001', '2027-04-01'),
              ('a1000000-0000-4000-8000-000000000002', 'e1000000-0000-4000-8000-000000000002', '2027-02-01',
               'cooling_off', 'Widget Works Inc.', '51000000-0000-4000-8000-000000000001', '2027-04-30') $$,
    'compliance_conflicts(): the live calls booked before the entry or the subject company, with the rule, the entry and when it clears');
SELECT ok((SELECT pg_catalog.bool_and(reason LIKE 'Rule ' || rule || ':%') FROM expert_network.compliance_conflicts()),
          'compliance_conflicts(): each reason names its rule');
SELECT is((SELECT count(*)::int FROM expert_network.compliance_log), 14,
          'the four calls booked since logged 2 decisions each (no attestation is asked of a scheduled call)');

/* ========================================================================
 * B. Each gate on each write path (app role, cp_u1) (33)
 * ======================================================================== */

CREATE TEMPORARY TABLE paths (ord serial PRIMARY KEY, state text NOT NULL, msg text, sql text NOT NULL, what text NOT NULL);
INSERT INTO paths (state, msg, sql, what) VALUES
-- QC001: Ann's employer, Acme Corporation, is on the list from 2027-01-10
('QC001', NULL,
 $$ SELECT expert_network.schedule_interview('e1000000-0000-4000-8000-000000000001', '2027-01-20', '10:00') $$,
 'QC001: schedule_interview()'),
('QC001', 'interview a1000000-0000-4000-8000-0000000000a1 cannot be scheduled: the expert''s employer is on the restricted list on 2027-01-20',
 $$ INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
    VALUES ('a1000000-0000-4000-8000-0000000000a1', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000001', '2027-01-20', '10:00') $$,
 'QC001: INSERT (the message names the interview, its new status and the date)'),
('QC001', 'interview a1000000-0000-4000-8000-0000000000a2 cannot be booked: the expert''s employer is on the restricted list on 2027-01-10',
 $$ INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
    VALUES ('a1000000-0000-4000-8000-0000000000a2', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000001', '2027-01-10', '10:00', 'pending') $$,
 'QC001: INSERT of a pending call, on the entry''s first day'),
('QC001', NULL,
 $$ UPDATE expert_network.interviews SET status = 'scheduled' WHERE id = 'a1000000-0000-4000-8000-000000000001' $$,
 'QC001: UPDATE of status (pending to scheduled) of a call booked before the entry'),
('QC001', NULL,
 $$ UPDATE expert_network.interviews SET status = 'confirmed' WHERE id = 'a1000000-0000-4000-8000-000000000001' $$,
 'QC001: UPDATE of status (pending to confirmed): the list is reported before the missing attestation'),
('QC001', NULL,
 $$ UPDATE expert_network.interviews SET scheduled_date = '2027-01-10' WHERE id = 'a1000000-0000-4000-8000-000000000004' $$,
 'QC001: UPDATE of scheduled_date into the entry''s period'),
('QC001', NULL,
 $$ UPDATE expert_network.interviews SET expert_id = 'e1000000-0000-4000-8000-000000000001' WHERE id = 'a1000000-0000-4000-8000-000000000003' $$,
 'QC001: UPDATE of expert_id to an expert whose employer is listed'),
('QC001', 'interview a1000000-0000-4000-8000-0000000000a3 cannot be scheduled: the expert''s employer is on the restricted list on 2027-01-20',
 $$ INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
    SELECT v.id::uuid, 'c1000000-0000-4000-8000-000000000001', v.expert::uuid, '2027-01-20', '11:00'
      FROM (VALUES ('a1000000-0000-4000-8000-0000000000a4', 'e1000000-0000-4000-8000-000000000003'),
                   ('a1000000-0000-4000-8000-0000000000a3', 'e1000000-0000-4000-8000-000000000001'),
                   ('a1000000-0000-4000-8000-0000000000a5', 'e1000000-0000-4000-8000-000000000007')) AS v(id, expert) $$,
 'QC001: INSERT ... SELECT of three calls, one refused: the statement is refused, naming that call'),
('QC001', NULL,
 $$ UPDATE expert_network.interviews AS i SET scheduled_date = v.d
      FROM (VALUES ('a1000000-0000-4000-8000-000000000003'::uuid, '2027-01-21'::date),
                   ('a1000000-0000-4000-8000-000000000004', '2027-01-21')) AS v(id, d)
     WHERE i.id = v.id $$,
 'QC001: UPDATE ... FROM re-dating two calls, one into the entry''s period'),
('QC001', NULL,
 $$ MERGE INTO expert_network.interviews AS i
    USING (VALUES ('a1000000-0000-4000-8000-0000000000a6'::uuid)) AS v(id) ON i.id = v.id
     WHEN NOT MATCHED THEN INSERT (id, campaign_id, expert_id, scheduled_date, scheduled_time)
          VALUES (v.id, 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000001', '2027-01-20', '09:00') $$,
 'QC001: MERGE ... WHEN NOT MATCHED THEN INSERT'),
('QC001', NULL,
 $$ MERGE INTO expert_network.interviews AS i
    USING (VALUES ('a1000000-0000-4000-8000-000000000004'::uuid)) AS v(id) ON i.id = v.id
     WHEN MATCHED THEN UPDATE SET scheduled_date = '2027-01-20' $$,
 'QC001: MERGE ... WHEN MATCHED THEN UPDATE'),
('QC001', NULL,
 $$ INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
    VALUES ('a1000000-0000-4000-8000-000000000004', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000001', '2027-01-08', '10:00')
    ON CONFLICT (id) DO UPDATE SET scheduled_date = '2027-01-20' $$,
 'QC001: INSERT ... ON CONFLICT DO UPDATE'),
-- QC002: Bob left Widget Works Inc. (a subject company) on 2026-10-31
('QC002', NULL,
 $$ SELECT expert_network.schedule_interview('e1000000-0000-4000-8000-000000000002', '2027-02-01', '10:00') $$,
 'QC002: schedule_interview()'),
('QC002', 'interview a1000000-0000-4000-8000-0000000000b1 cannot be scheduled: the expert is in a cooling-off period on 2027-04-29',
 $$ INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
    VALUES ('a1000000-0000-4000-8000-0000000000b1', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000002', '2027-04-29', '10:00') $$,
 'QC002: INSERT on the last day of the period'),
('QC002', NULL,
 $$ UPDATE expert_network.interviews SET status = 'scheduled' WHERE id = 'a1000000-0000-4000-8000-000000000002' $$,
 'QC002: UPDATE of status (pending to scheduled) of a call booked before the subject company'),
('QC002', NULL,
 $$ UPDATE expert_network.interviews SET scheduled_date = '2027-04-29' WHERE id = 'a1000000-0000-4000-8000-000000000005' $$,
 'QC002: UPDATE of scheduled_date into the period'),
('QC002', NULL,
 $$ UPDATE expert_network.interviews SET expert_id = 'e1000000-0000-4000-8000-000000000002' WHERE id = 'a1000000-0000-4000-8000-000000000003' $$,
 'QC002: UPDATE of expert_id to an expert in a cooling-off period'),
('QC002', NULL,
 $$ INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
    SELECT x.iid, x.campaign_id, x.id, '2027-02-02', '12:00'
      FROM (SELECT gen_random_uuid() AS iid, e.* FROM expert_network.experts AS e) AS x
     WHERE x.name IN ('Cy', 'Bob', 'Gus') $$,
 'QC002: INSERT ... SELECT of three calls, one refused'),
('QC002', NULL,
 $$ UPDATE expert_network.interviews AS i SET scheduled_date = '2027-03-01'
      FROM expert_network.experts AS x
     WHERE x.id = i.expert_id AND x.name IN ('Bob', 'Cy')
       AND i.id IN ('a1000000-0000-4000-8000-000000000003', 'a1000000-0000-4000-8000-000000000005') $$,
 'QC002: UPDATE ... FROM re-dating two calls, one into the period'),
('QC002', NULL,
 $$ MERGE INTO expert_network.interviews AS i
    USING (VALUES ('a1000000-0000-4000-8000-0000000000b2'::uuid)) AS v(id) ON i.id = v.id
     WHEN NOT MATCHED THEN INSERT (id, campaign_id, expert_id, scheduled_date, scheduled_time)
          VALUES (v.id, 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000002', '2026-11-01', '09:00') $$,
 'QC002: MERGE ... WHEN NOT MATCHED THEN INSERT, the day after leaving'),
('QC002', NULL,
 $$ MERGE INTO expert_network.interviews AS i
    USING (VALUES ('a1000000-0000-4000-8000-000000000005'::uuid)) AS v(id) ON i.id = v.id
     WHEN MATCHED THEN UPDATE SET scheduled_date = '2027-02-01' $$,
 'QC002: MERGE ... WHEN MATCHED THEN UPDATE'),
('QC002', NULL,
 $$ INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
    VALUES ('a1000000-0000-4000-8000-000000000005', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000002', '2027-06-01', '10:00')
    ON CONFLICT (id) DO UPDATE SET scheduled_date = '2027-02-01' $$,
 'QC002: INSERT ... ON CONFLICT DO UPDATE'),
-- QC003: the policy requires an attestation; Cy's call a1…03 has none
('QC003', NULL,
 $$ SELECT expert_network.complete_interview('a1000000-0000-4000-8000-000000000003') $$,
 'QC003: complete_interview() of a call without an attestation'),
('QC003', 'interview a1000000-0000-4000-8000-000000000003 cannot be confirmed without an attestation',
 $$ UPDATE expert_network.interviews SET status = 'confirmed' WHERE id = 'a1000000-0000-4000-8000-000000000003' $$,
 'QC003: UPDATE of status to confirmed'),
('QC003', NULL,
 $$ UPDATE expert_network.interviews SET status = 'completed' WHERE id = 'a1000000-0000-4000-8000-000000000003' $$,
 'QC003: UPDATE of status to completed'),
('QC003', NULL,
 $$ INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
    VALUES ('a1000000-0000-4000-8000-0000000000c1', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000003', '2027-01-22', '10:00', 'confirmed') $$,
 'QC003: INSERT of a confirmed call (a new call has no attestation)'),
('QC003', NULL,
 $$ UPDATE expert_network.interviews AS i SET status = 'confirmed'
      FROM (VALUES ('a1000000-0000-4000-8000-000000000006'::uuid), ('a1000000-0000-4000-8000-000000000003')) AS v(id)
     WHERE i.id = v.id $$,
 'QC003: UPDATE ... FROM confirming two calls, one attested, one not'),
('QC003', NULL,
 $$ MERGE INTO expert_network.interviews AS i
    USING (VALUES ('a1000000-0000-4000-8000-000000000003'::uuid)) AS v(id) ON i.id = v.id
     WHEN MATCHED THEN UPDATE SET status = 'confirmed' $$,
 'QC003: MERGE ... WHEN MATCHED THEN UPDATE'),
('QC003', NULL,
 $$ INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
    VALUES ('a1000000-0000-4000-8000-000000000003', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000003', '2027-01-20', '10:00')
    ON CONFLICT (id) DO UPDATE SET status = 'confirmed' $$,
 'QC003: INSERT ... ON CONFLICT DO UPDATE');
GRANT SELECT ON paths TO PUBLIC;

CREATE TEMPORARY TABLE before AS
SELECT (SELECT count(*) FROM expert_network.interviews) AS interviews,
       (SELECT count(*) FROM expert_network.compliance_log) AS log_rows,
       (SELECT pg_catalog.string_agg(ROW(i.id, i.status, i.scheduled_date, i.expert_id)::text, ',' ORDER BY i.id)
          FROM expert_network.interviews AS i) AS calls;
GRANT SELECT ON before TO PUBLIC;

-- (29)
SELECT throws_ok(sql, state, msg, what) FROM paths ORDER BY ord;

-- nothing any of them wrote is left, the log's rows included (1)
SELECT results_eq(
    $$ SELECT (SELECT count(*) FROM expert_network.interviews),
              (SELECT count(*) FROM expert_network.compliance_log),
              (SELECT pg_catalog.string_agg(ROW(i.id, i.status, i.scheduled_date, i.expert_id)::text, ',' ORDER BY i.id)
                 FROM expert_network.interviews AS i) $$,
    $$ SELECT interviews, log_rows, calls FROM before $$,
    'the refused statements left no interview, no change and no log row (their passed rows included)');

-- what passes on the same paths (3)
SELECT lives_ok(
    $$ SELECT expert_network.schedule_interview('e1000000-0000-4000-8000-000000000003', '2027-01-21', '10:00') $$,
    'schedule_interview() of a clean call books it as scheduled: no attestation is asked yet');
SELECT lives_ok(
    $$ INSERT INTO expert_network.interview_attestations (interview_id, attested_by, terms_version,
              no_material_nonpublic_information, no_conflicting_obligations)
       VALUES ('a1000000-0000-4000-8000-000000000003', 'Cy', 'v1', true, true);
       UPDATE expert_network.interviews SET status = 'confirmed' WHERE id = 'a1000000-0000-4000-8000-000000000003' $$,
    'an attested call is confirmed');
SELECT results_eq(
    $$ SELECT rule, decision FROM expert_network.compliance_log
        WHERE interview_id = 'a1000000-0000-4000-8000-000000000003' ORDER BY id $$,
    $$ VALUES ('restricted_list'::expert_network.compliance_rule, 'passed'::expert_network.compliance_decision), ('cooling_off', 'passed'),
              ('restricted_list', 'passed'), ('cooling_off', 'passed'), ('attestation', 'passed') $$,
    'the log: the booking''s two decisions, then the confirmation''s three (a confirmed call is screened again, and attested)');

/* ========================================================================
 * C. Date boundaries and company matching (20)
 * ======================================================================== */

CREATE FUNCTION pg_temp.decision(expert text, day date, rule text) RETURNS text
LANGUAGE sql AS $$
    SELECT c.decision FROM expert_network.compliance_check(expert::uuid, day) AS c WHERE c.rule = $3
$$;

SELECT is(pg_temp.decision('e1000000-0000-4000-8000-000000000001', d::date, 'restricted_list'), want,
          format('restricted list (2027-01-10 to 2027-03-31): a call with Ann on %s is %s (%s)', d, want, why))
  FROM (VALUES (1, '2027-01-09', 'passed',  'the day before applies_from'),
               (2, '2027-01-10', 'refused', 'applies_from is the first day'),
               (3, '2027-03-31', 'refused', 'applies_until is the last day it applies'),
               (4, '2027-04-01', 'passed',  'the day after applies_until')) AS v(n, d, want, why)
 ORDER BY n;
SELECT is(pg_temp.decision('e1000000-0000-4000-8000-000000000002', d::date, 'cooling_off'), want,
          format('cooling-off (public, 6 months after 2026-10-31): a call with Bob on %s is %s (%s)', d, want, why))
  FROM (VALUES (1, '2026-10-31', 'passed',  'his last day employed is not a cooling-off day'),
               (2, '2026-11-01', 'refused', 'the day after leaving is inside'),
               (3, '2027-04-29', 'refused', 'the last day of the period'),
               (4, '2027-04-30', 'passed',  'the day the period ends')) AS v(n, d, want, why)
 ORDER BY n;
SELECT is(pg_temp.decision('e1000000-0000-4000-8000-000000000004', d::date, 'cooling_off'), want,
          format('cooling-off (private, the policy''s 2 months after 2026-12-31): a call with Dee on %s is %s (%s)', d, want, why))
  FROM (VALUES (1, '2027-02-27', 'refused', 'inside'),
               (2, '2027-02-28', 'passed',  '2026-12-31 + 2 months, clamped to February''s end'),
               (3, '2027-03-30', 'passed',  'the default 3 months would still refuse it')) AS v(n, d, want, why)
 ORDER BY n;
SELECT results_eq(
    $$ SELECT rule, decision, passed, company, entry_id, clears_on, exception_id
         FROM expert_network.compliance_check('e1000000-0000-4000-8000-000000000002', '2027-02-01') $$,
    $$ VALUES ('restricted_list'::text, 'passed'::text, true, NULL::text, NULL::uuid, NULL::date, NULL::uuid),
              ('cooling_off', 'refused', false, 'Widget Works Inc.', '51000000-0000-4000-8000-000000000001', '2027-04-30', NULL),
              ('attestation', 'refused', false, NULL, NULL, NULL, NULL) $$,
    'compliance_check(): a row per rule, the refusal with the company left, the subject company and when it clears; a call not booked yet is never attested');
SELECT is((SELECT clears_on FROM expert_network.compliance_check('e1000000-0000-4000-8000-000000000004', '2027-01-15')
            WHERE rule = 'cooling_off'),
          '2027-02-28'::date,
          'compliance_check(): the private period clears on 2027-02-28, from the policy''s private months');
-- the employer on the call date: Bob worked at Widget Works until
-- 2026-10-31; on the list from 2026-01-01 it would refuse a call in 2026 on
-- that rule, not the current employer's (1)
SELECT is(pg_temp.decision('e1000000-0000-4000-8000-000000000001', '2019-12-31', 'restricted_list'), 'passed',
          'restricted list: before Ann''s employment started (2020-01-01), Acme was not her employer');

-- company keys: the ticker matches whatever the name, an alias as the
-- name, case, punctuation and legal forms aside; a name is not a ticker (4)
SELECT results_eq(
    $$ SELECT decision, company, entry_id FROM expert_network.compliance_check('e1000000-0000-4000-8000-000000000006', '2027-01-20')
        WHERE rule = 'restricted_list' $$,
    $$ VALUES ('refused'::text, 'Totally Unrelated Name'::text, 'f1000000-0000-4000-8000-000000000001'::uuid) $$,
    'restricted list: Fay''s employer, "Totally Unrelated Name" with ticker "acm", matches the entry''s ticker ACM');
SELECT results_eq(
    $$ SELECT decision, company, entry_id FROM expert_network.compliance_check('e1000000-0000-4000-8000-000000000005', '2027-01-20')
        WHERE rule = 'restricted_list' $$,
    $$ VALUES ('refused'::text, 'ZETA HOLDINGS, Inc.'::text, 'f1000000-0000-4000-8000-000000000002'::uuid) $$,
    'restricted list: Eve''s company, "ZETA HOLDINGS, Inc." (experts.company, no employment rows), matches the alias "Zeta Holdings"');
SELECT is(pg_temp.decision('e1000000-0000-4000-8000-000000000007', '2027-01-20', 'restricted_list'), 'passed',
          'restricted list: Gus''s company "ACM" (a name) does not match the ticker ACM');
SELECT throws_ok(
    $$ INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
       VALUES ('a1000000-0000-4000-8000-0000000000d1', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000005', '2027-01-02', '10:00') $$,
    'QC001', NULL,
    'restricted list: a booking with Eve is refused through the alias (QC001)');

-- a subject company counts for the campaign it is a subject of, and an
-- entry of the restricted list counts for cooling-off too (2)
RESET ROLE;
SET LOCAL ROLE tap_c_officer;
SELECT set_config('expert_network.user_id', 'cp_u1', true) \g /dev/null
INSERT INTO expert_network.restricted_companies (id, company, applies_from)
VALUES ('f1000000-0000-4000-8000-000000000003', 'Gadget Partners', '2027-06-01');
RESET ROLE;
SET LOCAL ROLE tap_c_app;
SELECT set_config('expert_network.user_id', 'cp_u1', true) \g /dev/null
SELECT is(pg_temp.decision('e1000000-0000-4000-8000-000000000002', '2027-06-01', 'restricted_list'), 'refused',
          'restricted list: an entry added for Bob''s current employer refuses calls from its applies_from');
UPDATE expert_network.expert_employments SET ended_on = '2027-05-31' WHERE id = 'd1000000-0000-4000-8000-000000000003';
SELECT results_eq(
    $$ SELECT decision, company, entry_id, clears_on FROM expert_network.compliance_check('e1000000-0000-4000-8000-000000000002', '2027-06-15')
        WHERE rule IN ('restricted_list', 'cooling_off') ORDER BY rule DESC $$,
    $$ VALUES ('passed'::text, NULL::text, NULL::uuid, NULL::date),
              ('refused', 'Gadget Partners', 'f1000000-0000-4000-8000-000000000003', '2027-07-31') $$,
    'cooling-off: once Bob has left Gadget Partners (private, 2 months), the restricted list no longer applies but its entry starts a cooling-off period');

/* ========================================================================
 * D. Exceptions (13)
 * ======================================================================== */

SELECT throws_ok(
    $$ INSERT INTO expert_network.compliance_exceptions (expert_id, rule, reason, expires_at)
       VALUES ('e1000000-0000-4000-8000-000000000001', 'restricted_list', 'Cleared', now() + interval '30 days') $$,
    '42501', 'permission denied for table compliance_exceptions',
    'app: cannot approve an exception');

RESET ROLE;
SET LOCAL ROLE tap_c_officer;
SELECT set_config('expert_network.user_id', 'cp_u1', true) \g /dev/null
SELECT lives_ok(
    $$ INSERT INTO expert_network.compliance_exceptions (id, expert_id, rule, reason, approved_by, approved_at, expires_at)
       VALUES ('ee100000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000001', 'restricted_list',
               'Cleared by the CCO: topic unrelated to ACM', 'someone_else', '2000-01-01', now() + interval '30 days'),
              ('ee100000-0000-4000-8000-000000000002', 'e1000000-0000-4000-8000-000000000002', 'restricted_list',
               'Cleared for the list only', NULL, NULL, now() + interval '30 days') $$,
    'compliance: approves exceptions');
SELECT results_eq(
    $$ SELECT id, approved_by, approved_at = now() FROM expert_network.compliance_exceptions ORDER BY id $$,
    $$ VALUES ('ee100000-0000-4000-8000-000000000001'::uuid, 'tap_c_officer'::text, true),
              ('ee100000-0000-4000-8000-000000000002', 'tap_c_officer', true) $$,
    'approved_by and approved_at are stamped (the approving role, the transaction''s start), whatever the writer says');
SELECT lives_ok(
    $$ UPDATE expert_network.compliance_exceptions SET approved_by = 'someone_else', approved_at = '2000-01-01',
              reason = 'Cleared by the CCO: topic unrelated to ACM (reviewed)'
        WHERE id = 'ee100000-0000-4000-8000-000000000001' $$,
    'compliance: updates an exception');
SELECT is((SELECT ROW(approved_by, approved_at = now())::text FROM expert_network.compliance_exceptions
            WHERE id = 'ee100000-0000-4000-8000-000000000001'),
          '(tap_c_officer,t)',
          'an UPDATE of an exception stamps it again');

-- an expired exception (loaded as a restore would, with its own dates) does
-- not count
RESET ROLE;
SELECT set_config('expert_network.user_id', '', true) \g /dev/null
SET LOCAL row_security = off;
INSERT INTO expert_network.compliance_exceptions (id, user_id, expert_id, rule, reason, approved_by, approved_at, expires_at)
VALUES ('ee100000-0000-4000-8000-000000000003', 'cp_u1', 'e1000000-0000-4000-8000-000000000002', 'cooling_off',
        'Expired', 'tap_c_officer', '2026-01-01', '2026-02-01');
SET LOCAL row_security = on;
SET LOCAL ROLE tap_c_app;
SELECT set_config('expert_network.user_id', 'cp_u1', true) \g /dev/null

SELECT results_eq(
    $$ SELECT rule, decision, passed, exception_id FROM expert_network.compliance_check('e1000000-0000-4000-8000-000000000001', '2027-01-20')
        WHERE rule <> 'attestation' $$,
    $$ VALUES ('restricted_list'::text, 'excepted'::text, true, 'ee100000-0000-4000-8000-000000000001'::uuid),
              ('cooling_off', 'passed', true, NULL) $$,
    'compliance_check(): an unexpired exception for the expert and the rule turns the refusal into excepted, naming it');
SELECT lives_ok(
    $$ INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
       VALUES ('a1000000-0000-4000-8000-0000000000e1', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000001', '2027-01-20', '10:00') $$,
    'the excepted call with Ann is booked');
SELECT results_eq(
    $$ SELECT rule, decision, exception_id, detail->>'entry_id', detail->>'company', decided_by
         FROM expert_network.compliance_log WHERE interview_id = 'a1000000-0000-4000-8000-0000000000e1' ORDER BY id $$,
    $$ VALUES ('restricted_list'::expert_network.compliance_rule, 'excepted'::expert_network.compliance_decision, 'ee100000-0000-4000-8000-000000000001'::uuid,
               'f1000000-0000-4000-8000-000000000001'::text, 'Acme Corporation'::text, 'tap_c_app'::text),
              ('cooling_off', 'passed', NULL, NULL, NULL, 'tap_c_app') $$,
    'the log: the excepted decision with its exception and what decided it, then the passed one');
SELECT lives_ok(
    $$ SELECT expert_network.schedule_interview('e1000000-0000-4000-8000-000000000001', '2027-02-01', '10:00') $$,
    'schedule_interview() of an excepted call books it');
SELECT throws_ok(
    $$ INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
       VALUES ('a1000000-0000-4000-8000-0000000000e2', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000002', '2027-02-01', '10:00') $$,
    'QC002', NULL,
    'an exception for another rule (restricted_list) and an expired one (cooling_off) do not count: Bob''s call is still refused');
SELECT is((SELECT exception_id FROM expert_network.compliance_check('e1000000-0000-4000-8000-000000000002', '2027-02-01')
            WHERE rule = 'cooling_off'),
          NULL,
          'compliance_check(): neither exception is named for Bob''s cooling-off');
-- an exception for the attestation rule lets an unattested call be confirmed
RESET ROLE;
SET LOCAL ROLE tap_c_officer;
SELECT set_config('expert_network.user_id', 'cp_u1', true) \g /dev/null
INSERT INTO expert_network.compliance_exceptions (id, expert_id, rule, reason, expires_at)
VALUES ('ee100000-0000-4000-8000-000000000004', 'e1000000-0000-4000-8000-000000000003', 'attestation',
        'Attested on paper', now() + interval '1 day');
RESET ROLE;
SET LOCAL ROLE tap_c_app;
SELECT set_config('expert_network.user_id', 'cp_u1', true) \g /dev/null
SELECT lives_ok(
    $$ INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
       VALUES ('a1000000-0000-4000-8000-0000000000e3', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000003', '2027-01-22', '10:00', 'confirmed') $$,
    'an exception for the attestation rule lets a call with Cy be booked confirmed');
SELECT results_eq(
    $$ SELECT rule, decision, exception_id FROM expert_network.compliance_log
        WHERE interview_id = 'a1000000-0000-4000-8000-0000000000e3' ORDER BY id $$,
    $$ VALUES ('restricted_list'::expert_network.compliance_rule, 'passed'::expert_network.compliance_decision, NULL::uuid), ('cooling_off', 'passed', NULL),
              ('attestation', 'excepted', 'ee100000-0000-4000-8000-000000000004') $$,
    'the log: the attestation excepted, with its exception');

/* ========================================================================
 * E. The log (15)
 * ======================================================================== */

-- a screen recorded by compliance_check(..., log => true): no interview, no
-- attestation row (a call not booked has none to check)
SELECT is((SELECT count(*)::int FROM expert_network.compliance_check('e1000000-0000-4000-8000-000000000004', '2027-01-15', log => true)),
          3, 'compliance_check(..., log => true) returns its three rows');
SELECT results_eq(
    $$ SELECT interview_id, expert_id, call_date, rule, decision, detail->>'matched', detail->>'clears_on', decided_by
         FROM expert_network.compliance_log WHERE interview_id IS NULL ORDER BY id $$,
    $$ VALUES (NULL::uuid, 'e1000000-0000-4000-8000-000000000004'::uuid, '2027-01-15'::date, 'restricted_list'::expert_network.compliance_rule, 'passed'::expert_network.compliance_decision,
               NULL::text, NULL::text, 'tap_c_app'::text),
              (NULL, 'e1000000-0000-4000-8000-000000000004', '2027-01-15', 'cooling_off', 'refused',
               'subject company', '2027-02-28', 'tap_c_app') $$,
    'the log keeps the recorded screen, its refusal included, with what decided it');

-- nobody but the gates inserts into it; nobody updates it; only erasure
-- deletes from it
SELECT throws_ok(
    $$ INSERT INTO expert_network.compliance_log (expert_id, call_date, rule, decision)
       VALUES ('e1000000-0000-4000-8000-000000000001', '2027-01-20', 'restricted_list', 'passed') $$,
    '42501', 'compliance_log is written by expert_network only',
    'app: a direct INSERT into the log is refused (it holds INSERT for the gates)');
SELECT throws_ok(
    $$ UPDATE expert_network.compliance_log SET decision = 'passed' $$,
    '42501', 'permission denied for table compliance_log', 'app: cannot UPDATE the log');
SELECT throws_ok(
    $$ DELETE FROM expert_network.compliance_log $$,
    '42501', 'permission denied for table compliance_log', 'app: cannot DELETE from the log');

RESET ROLE;
SET LOCAL ROLE tap_c_officer;
SELECT set_config('expert_network.user_id', 'cp_u1', true) \g /dev/null
SELECT throws_ok(
    $$ INSERT INTO expert_network.compliance_log (expert_id, call_date, rule, decision, exception_id)
       VALUES ('e1000000-0000-4000-8000-000000000001', '2027-01-20', 'restricted_list', 'excepted',
               'ee100000-0000-4000-8000-000000000001') $$,
    '42501', 'compliance_log is written by expert_network only',
    'compliance: a direct INSERT into the log is refused');
SELECT throws_ok(
    $$ UPDATE expert_network.compliance_log SET decision = 'excepted' WHERE decision = 'refused' $$,
    '42501', 'permission denied for table compliance_log', 'compliance: cannot UPDATE the log');
SELECT throws_ok(
    $$ DELETE FROM expert_network.compliance_log WHERE decision = 'refused' $$,
    '42501', 'permission denied for table compliance_log', 'compliance: cannot DELETE from the log');

RESET ROLE;
SET LOCAL ROLE tap_c_admin;
SELECT set_config('expert_network.user_id', 'cp_u1', true) \g /dev/null
SELECT throws_ok(
    $$ UPDATE expert_network.compliance_log SET decision = 'passed' $$,
    '42501', 'permission denied for table compliance_log', 'admin: cannot UPDATE the log');
SELECT throws_ok(
    $$ DELETE FROM expert_network.compliance_log WHERE decision = 'refused' $$,
    '42501', 'compliance_log is written by expert_network only',
    'admin: cannot DELETE from the log (it holds DELETE for delete_user_data() only)');

RESET ROLE;
SET LOCAL ROLE tap_c_ro;
SELECT set_config('expert_network.user_id', 'cp_u1', true) \g /dev/null
SELECT throws_ok(
    $$ UPDATE expert_network.compliance_log SET decision = 'passed' $$,
    '42501', 'permission denied for table compliance_log', 'readonly: cannot UPDATE the log');
SELECT throws_ok(
    $$ DELETE FROM expert_network.compliance_log $$,
    '42501', 'permission denied for table compliance_log', 'readonly: cannot DELETE from the log');
SELECT throws_ok(
    $$ SELECT * FROM expert_network.compliance_check('e1000000-0000-4000-8000-000000000001', '2027-01-20', log => true) $$,
    '42501', 'permission denied for table compliance_log',
    'readonly: compliance_check(..., log => true) is refused (it may not append to the log)');
-- (fails with 0.10.0 as built: the screen is one statement whose INSERT
-- into the log is skipped by WHERE $8, but the INSERT privilege is checked
-- when it starts, whatever $8 says: 42501 for the readonly level)
SELECT lives_ok(
    $$ SELECT rule, decision FROM expert_network.compliance_check('e1000000-0000-4000-8000-000000000002', '2027-02-01', log => false) $$,
    'readonly: compliance_check(..., log => false) screens (it appends nothing, so needs no INSERT on the log)');

RESET ROLE;
SELECT is((SELECT count(*)::int FROM expert_network.compliance_log WHERE decided_by = 'tap_c_ro'), 0,
          'nothing was logged as the readonly role');

/* ========================================================================
 * F. Per-user scoping (10)
 * ======================================================================== */

-- user cp_u2: an expert at Ivy Corp, booked; then its list takes in Ivy
-- Corp and Clear Ltd (cp_u1's Cy's company)
SET LOCAL ROLE tap_c_app;
SELECT set_config('expert_network.user_id', 'cp_u2', true) \g /dev/null
INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date, target_completion_date, status)
VALUES ('c2000000-0000-4000-8000-000000000001', 'Other', 'Industrials', '2027-01-01', '2027-12-31', 'active');
INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
VALUES ('c2000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'enrolled');
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, status)
VALUES ('e2000000-0000-4000-8000-000000000001', 'c2000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'Ivy', 'Expert', 'reviewed');
INSERT INTO expert_network.expert_employments (id, expert_id, company, started_on)
VALUES ('d2000000-0000-4000-8000-000000000001', 'e2000000-0000-4000-8000-000000000001', 'Ivy Corp', '2020-01-01');
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
VALUES ('a2000000-0000-4000-8000-000000000001', 'c2000000-0000-4000-8000-000000000001', 'e2000000-0000-4000-8000-000000000001', '2027-01-20', '10:00');
INSERT INTO expert_network.interview_attestations (interview_id, attested_by, terms_version,
       no_material_nonpublic_information, no_conflicting_obligations)
VALUES ('a2000000-0000-4000-8000-000000000001', 'Ivy', 'v1', true, true);
INSERT INTO expert_network.campaign_subject_companies (campaign_id, company)
VALUES ('c2000000-0000-4000-8000-000000000001', 'Clear Ltd');
RESET ROLE;
SET LOCAL ROLE tap_c_officer;
SELECT set_config('expert_network.user_id', 'cp_u2', true) \g /dev/null
INSERT INTO expert_network.restricted_companies (id, company, applies_from) VALUES
('f2000000-0000-4000-8000-000000000001', 'Clear Ltd', '2027-01-01'),
('f2000000-0000-4000-8000-000000000002', 'Ivy Corp', '2027-01-01');
INSERT INTO expert_network.compliance_policies (attestation_required) VALUES (true);
INSERT INTO expert_network.compliance_exceptions (id, expert_id, rule, reason, expires_at)
VALUES ('ee200000-0000-4000-8000-000000000001', 'e2000000-0000-4000-8000-000000000001', 'attestation',
        'cp_u2''s exception', now() + interval '1 day');

SELECT results_eq(
    $$ SELECT interview_id, rule, entry_id FROM expert_network.compliance_conflicts() $$,
    $$ VALUES ('a2000000-0000-4000-8000-000000000001'::uuid, 'restricted_list'::text, 'f2000000-0000-4000-8000-000000000002'::uuid) $$,
    'compliance_conflicts() as cp_u2: its own conflict only');
SELECT throws_ok(
    $$ SELECT * FROM expert_network.compliance_check('e1000000-0000-4000-8000-000000000001') $$,
    'P0002', 'expert e1000000-0000-4000-8000-000000000001 not found',
    'compliance_check() of another user''s expert: P0002, as an expert that does not exist');

RESET ROLE;
SET LOCAL ROLE tap_c_app;
SELECT set_config('expert_network.user_id', 'cp_u1', true) \g /dev/null
SELECT is(pg_temp.decision('e1000000-0000-4000-8000-000000000003', '2027-01-25', 'restricted_list'), 'passed',
          'cp_u2''s list (Clear Ltd) does not decide cp_u1''s screen of Cy');
SELECT lives_ok(
    $$ INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
       VALUES ('a1000000-0000-4000-8000-0000000000f1', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000003', '2027-01-25', '10:00') $$,
    'cp_u1 books a call with Cy, whose company is on cp_u2''s list');
SELECT results_eq(
    $$ SELECT DISTINCT interview_id FROM expert_network.compliance_conflicts() ORDER BY 1 $$,
    $$ VALUES ('a1000000-0000-4000-8000-000000000002'::uuid) $$,
    'compliance_conflicts() as cp_u1: its own calls only (Ann''s are excepted now)');
SELECT is((SELECT count(*)::int FROM expert_network.compliance_log WHERE user_id <> 'cp_u1'), 0,
          'cp_u1 sees no log row of cp_u2');

-- a BYPASSRLS role sees every user's list, employments and exceptions, but
-- each screen matches the user's own
RESET ROLE;
SET LOCAL ROLE tap_c_bypass;
SELECT set_config('expert_network.user_id', 'cp_u1', true) \g /dev/null
SELECT ok((SELECT count(*) FROM expert_network.restricted_companies WHERE user_id = 'cp_u2') = 2,
          'BYPASSRLS: the role sees cp_u2''s list');
SELECT is(pg_temp.decision('e1000000-0000-4000-8000-000000000003', '2027-01-26', 'restricted_list'), 'passed',
          'BYPASSRLS: cp_u2''s list still does not decide cp_u1''s screen of Cy');
SELECT lives_ok(
    $$ INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
       VALUES ('a1000000-0000-4000-8000-0000000000f2', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000003', '2027-01-26', '10:00') $$,
    'BYPASSRLS: a call with Cy is booked for cp_u1, cp_u2''s list notwithstanding');
SELECT throws_ok(
    $$ INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
       VALUES ('a1000000-0000-4000-8000-0000000000f3', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000007', '2027-01-27', '10:00', 'confirmed') $$,
    'QC003', NULL,
    'BYPASSRLS: a call with Gus booked confirmed, unattested, is refused under cp_u1''s policy (QC003)');

/* ========================================================================
 * G. Who is screened: a BYPASSRLS role, a superuser without an identity;
 *    not a restore (8)
 * ======================================================================== */

SELECT throws_ok(
    $$ INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
       VALUES ('a1000000-0000-4000-8000-0000000000f4', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000002', '2027-02-01', '10:00') $$,
    'QC002', NULL,
    'BYPASSRLS (app level): a call in a cooling-off period is refused');
SELECT throws_ok(
    $$ UPDATE expert_network.interviews SET status = 'scheduled' WHERE id = 'a1000000-0000-4000-8000-000000000002' $$,
    'QC002', NULL,
    'BYPASSRLS (app level): scheduling the pending call in a cooling-off period is refused');

RESET ROLE;
SELECT set_config('expert_network.user_id', '', true) \g /dev/null
SELECT throws_ok(
    $$ INSERT INTO expert_network.interviews (id, user_id, campaign_id, expert_id, scheduled_date, scheduled_time)
       VALUES ('a1000000-0000-4000-8000-0000000000f5', 'cp_u1', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000006', '2027-01-20', '10:00') $$,
    'QC001', NULL,
    'superuser without an identity (row_security on): a call with Fay on cp_u1''s list is refused');
SELECT throws_ok(
    $$ INSERT INTO expert_network.interviews (id, user_id, campaign_id, expert_id, scheduled_date, scheduled_time)
       VALUES ('a2000000-0000-4000-8000-0000000000f6', 'cp_u2', 'c2000000-0000-4000-8000-000000000001', 'e2000000-0000-4000-8000-000000000001', '2027-01-21', '10:00') $$,
    'QC001', NULL,
    'superuser without an identity: a call with Ivy is screened against cp_u2''s list, the row''s owner');
SELECT lives_ok(
    $$ INSERT INTO expert_network.interviews (id, user_id, campaign_id, expert_id, scheduled_date, scheduled_time)
       VALUES ('a1000000-0000-4000-8000-0000000000f7', 'cp_u1', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000003', '2027-01-28', '10:00') $$,
    'superuser without an identity: a clean call with Cy is booked for cp_u1 (cp_u2''s list does not count)');

CREATE TEMPORARY TABLE log_count AS SELECT count(*) AS n FROM expert_network.compliance_log;
SET LOCAL row_security = off;
SELECT lives_ok(
    $$ INSERT INTO expert_network.interviews (id, user_id, campaign_id, expert_id, scheduled_date, scheduled_time)
       VALUES ('a1000000-0000-4000-8000-0000000000f8', 'cp_u1', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000006', '2027-01-20', '10:00');
       UPDATE expert_network.interviews SET status = 'confirmed' WHERE id = 'a1000000-0000-4000-8000-0000000000f8' $$,
    'restore (no identity, row_security off): a call on the list is loaded, and confirmed without an attestation');
SET LOCAL row_security = on;
SELECT is((SELECT count(*) FROM expert_network.compliance_log), (SELECT n FROM log_count),
          'restore: nothing was screened, so nothing was logged');
SELECT ok(EXISTS (SELECT FROM expert_network.compliance_conflicts() WHERE interview_id = 'a1000000-0000-4000-8000-0000000000f8'),
          'restore: the loaded call is a conflict compliance_conflicts() lists (a superuser sees every user''s)');

/* ========================================================================
 * H. experts.company follows the open-ended employment (9)
 * ======================================================================== */

SET LOCAL ROLE tap_c_app;
SELECT set_config('expert_network.user_id', 'cp_u1', true) \g /dev/null

CREATE FUNCTION pg_temp.hals_company() RETURNS text
LANGUAGE sql AS $$ SELECT company FROM expert_network.experts WHERE id = 'e1000000-0000-4000-8000-000000000008' $$;

SELECT lives_ok(
    $$ UPDATE expert_network.experts SET company = 'Freelance' WHERE id = 'e1000000-0000-4000-8000-000000000008' $$,
    'an expert without an open employment may have any company written');
INSERT INTO expert_network.expert_employments (id, expert_id, company, started_on)
VALUES ('d1000000-0000-4000-8000-000000000008', 'e1000000-0000-4000-8000-000000000008', 'First Co', '2021-01-01');
SELECT is(pg_temp.hals_company(), 'First Co', 'inserting an open-ended employment sets experts.company');
SELECT throws_ok(
    $$ UPDATE expert_network.experts SET company = 'Somewhere Else' WHERE id = 'e1000000-0000-4000-8000-000000000008' $$,
    '23514', 'the company of expert e1000000-0000-4000-8000-000000000008 is its current employer''s',
    'UPDATE experts SET company to another company while an employment is open: 23514');
SELECT lives_ok(
    $$ UPDATE expert_network.experts SET company = 'First Co', title = 'Chief' WHERE id = 'e1000000-0000-4000-8000-000000000008' $$,
    'an UPDATE that keeps the current employer''s company is allowed');
UPDATE expert_network.expert_employments SET company = 'First Company' WHERE id = 'd1000000-0000-4000-8000-000000000008';
SELECT is(pg_temp.hals_company(), 'First Company', 'renaming the open-ended employment''s company renames experts.company');
UPDATE expert_network.expert_employments SET ended_on = '2026-12-31' WHERE id = 'd1000000-0000-4000-8000-000000000008';
SELECT is(pg_temp.hals_company(), NULL, 'ending the employment leaves experts.company NULL (no current employer)');
INSERT INTO expert_network.expert_employments (id, expert_id, company, started_on)
VALUES ('d1000000-0000-4000-8000-000000000009', 'e1000000-0000-4000-8000-000000000008', 'Second Co', '2027-01-01');
SELECT is(pg_temp.hals_company(), 'Second Co', 'a new open-ended employment sets experts.company again');
DELETE FROM expert_network.expert_employments WHERE id = 'd1000000-0000-4000-8000-000000000009';
SELECT is(pg_temp.hals_company(), NULL, 'deleting the open-ended employment leaves experts.company NULL');
DELETE FROM expert_network.expert_employments WHERE id = 'd1000000-0000-4000-8000-000000000008';
SELECT is(pg_temp.hals_company(), NULL, 'deleting the ended employment changes nothing');

/* ========================================================================
 * I. delete_user_data() erases every compliance row of the user, and only
 *    those (4)
 * ======================================================================== */

RESET ROLE;
CREATE TEMPORARY TABLE kept AS
SELECT t, pg_temp.rows_of(t, 'cp_u1') AS u1, pg_temp.rows_of(t, 'cp_u2') AS u2
  FROM pg_catalog.unnest(ARRAY['compliance_log', 'compliance_exceptions', 'interview_attestations',
                               'expert_employments', 'campaign_subject_companies', 'restricted_companies',
                               'compliance_policies']) AS t;
GRANT SELECT ON kept TO PUBLIC;
SELECT is((SELECT pg_catalog.bool_and(u1 > 0 AND u2 > 0) FROM kept), true,
          'before the erasure, both users have rows in each of the seven compliance tables');

SET LOCAL ROLE tap_c_admin;
SELECT set_config('expert_network.user_id', 'cp_u1', true) \g /dev/null
SELECT set_eq(
    $$ SELECT table_name, deleted FROM expert_network.delete_user_data('cp_u2')
        WHERE table_name IN (SELECT t FROM kept) $$,
    $$ SELECT t, u2 FROM kept $$,
    'admin: delete_user_data(''cp_u2'') deletes every compliance row of cp_u2, and says so per table');
RESET ROLE;
SELECT is_empty(
    $$ SELECT t FROM kept WHERE pg_temp.rows_of(t, 'cp_u2') <> 0 $$,
    'after the erasure: no compliance row of cp_u2 is left (counted as the superuser)');
SELECT is_empty(
    $$ SELECT t FROM kept WHERE pg_temp.rows_of(t, 'cp_u1') <> u1 $$,
    'after the erasure: every compliance row of cp_u1 is still there');

/* ------------------------------------------------------------------------
 * J. The overlap of company keys and the restricted list's index (0.11.0)
 * ------------------------------------------------------------------------ */

\ir lib/plan_of.sql

SELECT is(ARRAY[ARRAY['acme', '$ACM'] OPERATOR(expert_network.&&) ARRAY['$ACM'],
                ARRAY['acme'] OPERATOR(expert_network.&&) ARRAY['acmeholdings'],
                ARRAY[]::text[] OPERATOR(expert_network.&&) ARRAY['acme'],
                NULL::text[] OPERATOR(expert_network.&&) ARRAY['acme']],
          ARRAY[true, false, false, NULL],
          'expert_network.&&: true when the arrays share a key, false when not or one is empty, NULL for NULL');

-- a third user's long list, so that the planner, which knows it, weighs
-- the GIN index against reading all of the caller's entries
SET LOCAL ROLE tap_c_officer;
SELECT set_config('expert_network.user_id', 'cp_u3', true) \g /dev/null
INSERT INTO expert_network.restricted_companies (company)
SELECT 'Listed Company ' || n FROM pg_catalog.generate_series(1, 2000) AS n;
RESET ROLE;
ANALYZE expert_network.restricted_companies;
SET LOCAL ROLE tap_c_app;
SELECT set_config('expert_network.user_id', 'cp_u1', true) \g /dev/null
SELECT set_eq(
    $$ SELECT r.company FROM expert_network.restricted_companies AS r
        WHERE r.match_keys OPERATOR(expert_network.&&) expert_network.company_keys('Acme Inc', NULL, NULL) $$,
    $$ VALUES ('ACME Corp.') $$,
    'app: the caller''s restricted list, matched with expert_network.&&');
-- (no plan but an index's on the match keys, if one is allowed)
SET LOCAL enable_seqscan = off;
SET LOCAL enable_indexscan = off;
SELECT ok(EXISTS (
    SELECT FROM pg_temp.plan_of($$ SELECT r.id FROM expert_network.restricted_companies AS r
                                    WHERE r.match_keys OPERATOR(expert_network.&&) ARRAY['acme'] $$) AS l
     WHERE l ~ 'Index Cond: \(match_keys OPERATOR\(expert_network\.&&\)'),
    'app, under row-level security: a probe of the list with expert_network.&& uses idx_restricted_companies_keys');
SELECT ok(NOT EXISTS (
    SELECT FROM pg_temp.plan_of($$ SELECT r.id FROM expert_network.restricted_companies AS r
                                    WHERE r.match_keys OPERATOR(pg_catalog.&&) ARRAY['acme'] $$) AS l
     WHERE l ~ 'Index Cond: \(match_keys &&'),
    'app, under row-level security: with pg_catalog.&& (not leakproof) the index cannot serve the probe');
RESET ROLE;
SELECT is((SELECT pg_catalog.count(*) FROM pg_temp.plan_of(
               $$ SELECT r.id FROM expert_network.restricted_companies AS r
                   WHERE r.match_keys OPERATOR(expert_network.&&) ARRAY['acme'] $$) AS l
            WHERE l ~ 'Index Cond: \(match_keys OPERATOR\(expert_network\.&&\)'),
          1::bigint,
          'superuser: the same probe uses the index');
RESET enable_seqscan;
RESET enable_indexscan;
SELECT is((SELECT pg_catalog.count(*) FROM expert_network.restricted_companies AS r
            WHERE r.match_keys OPERATOR(expert_network.&&) ARRAY['acme', 'zetaholdings']),
          (SELECT pg_catalog.count(*) FROM expert_network.restricted_companies AS r
            WHERE r.match_keys OPERATOR(pg_catalog.&&) ARRAY['acme', 'zetaholdings']),
          'expert_network.&& finds the rows pg_catalog.&& finds');

SELECT * FROM finish();

ROLLBACK;
