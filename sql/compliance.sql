-- compliance: company keys, the gates on every write path, exceptions,
-- the log, the preview and the conflicts (0.10.0)
\set VERBOSITY default
CREATE ROLE regress_en_c_app;
CREATE ROLE regress_en_c_officer;
SELECT expert_network.grant_access('regress_en_c_app');
SELECT expert_network.grant_access('regress_en_c_officer', 'compliance');
SET expert_network.user_id = 'user_c';

-- company keys: case, accents, punctuation, spacing and legal forms do not count
SELECT n, expert_network.company_key(n) AS key
  FROM unnest(ARRAY['Acme Corp.', 'ACME Corporation', 'acme inc', 'The Acme Company, Ltd.',
                    'Société Générale S.A.', 'AT&T Inc.', 'AT and T', 'McDonald’s', 'L.L.C.',
                    'Ｔｏｙｏｔａ Motor', 'the', '...', '']) AS n;
SELECT expert_network.company_keys('Apple Inc.', 'NASDAQ: aapl', ARRAY['Apple Computer', NULL, 'APPLE']);
SELECT expert_network.company_keys(NULL, NULL, NULL);
SELECT expert_network.company_keys('x', NULL, ARRAY[['a'], ['b']]);
-- immutable, so indexable
SELECT provolatile, proparallel FROM pg_proc
 WHERE oid IN ('expert_network.company_key(text)'::regprocedure,
               'expert_network.company_keys(text, text, text[])'::regprocedure);

INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date, target_completion_date, status)
VALUES ('c0000000-0000-4000-8000-000000000001', 'Widgets', 'Industrials', '2027-01-04', '2027-03-26', 'active');
INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
VALUES ('c0000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'enrolled'),
       ('c0000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'enrolled');
SET ROLE regress_en_c_app;
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, company, status)
VALUES ('e0000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'Ann Current', 'VP', 'Acme Corporation', 'reviewed'),
       ('e0000000-0000-4000-8000-000000000002', 'c0000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'Bob Former', 'Director', 'Other Co', 'reviewed'),
       ('e0000000-0000-4000-8000-000000000003', 'c0000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'Cy Clear', 'Analyst', 'Clear Ltd', 'reviewed');

-- employments: experts.company follows the open-ended one
INSERT INTO expert_network.expert_employments (id, expert_id, company, ticker, started_on, ended_on, publicly_traded)
VALUES ('d0000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000002', 'Widget Works Inc.', 'WDGT', '2015-01-01', '2026-10-31', true),
       ('d0000000-0000-4000-8000-000000000002', 'e0000000-0000-4000-8000-000000000002', 'Gadget Partners', NULL, '2026-11-01', NULL, false);
SELECT name, company FROM expert_network.experts ORDER BY name;
UPDATE expert_network.experts SET company = 'Somewhere Else' WHERE name = 'Bob Former';
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.expert_employments (expert_id, company, started_on)
VALUES ('e0000000-0000-4000-8000-000000000002', 'Second Current', '2026-12-01');
\echo :LAST_ERROR_SQLSTATE

-- nothing on the list yet: a call is booked, each decision logged
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
VALUES ('b0000000-0000-4000-8000-000000000000', 'c0000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000001', '2027-01-15', '10:00');
SELECT rule, decision, detail FROM expert_network.compliance_log ORDER BY id;

-- the restricted list is the compliance team's: the app level cannot write it
INSERT INTO expert_network.restricted_companies (company) VALUES ('Anything');
\echo :LAST_ERROR_SQLSTATE
SET ROLE regress_en_c_officer;
-- matched through the company key
INSERT INTO expert_network.restricted_companies (id, company, ticker, aliases, applies_from, reason)
VALUES ('f0000000-0000-4000-8000-000000000001', 'ACME Corp.', 'ACM', ARRAY['Acme Holdings'], '2027-01-10', 'Position in ACM');
SET ROLE regress_en_c_app;
SELECT * FROM expert_network.compliance_check('e0000000-0000-4000-8000-000000000001', '2027-01-20');
-- an entry that starts after the call does not apply
SELECT rule, decision, passed FROM expert_network.compliance_check('e0000000-0000-4000-8000-000000000001', '2027-01-09');
\set VERBOSITY sqlstate
SELECT expert_network.schedule_interview('e0000000-0000-4000-8000-000000000001', '2027-01-20', '10:00');
\set VERBOSITY default
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
VALUES ('b0000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000001', '2027-01-20', '10:00', 'pending');
\echo :LAST_ERROR_SQLSTATE
-- the refused statement wrote nothing, its log rows included
SELECT count(*) AS interviews FROM expert_network.interviews;
SELECT count(*) AS log_rows FROM expert_network.compliance_log;
-- the interview booked before the entry is now a conflict, listed
SELECT interview_id IS NOT NULL AS listed, rule, reason, company FROM expert_network.compliance_conflicts();
-- moving it to another date is screened too
UPDATE expert_network.interviews SET scheduled_date = '2027-01-09';
UPDATE expert_network.interviews SET scheduled_date = '2027-01-21';
\echo :LAST_ERROR_SQLSTATE
-- a ticker matches whatever the name
SET ROLE regress_en_c_officer;
UPDATE expert_network.restricted_companies SET company = 'Totally Different', aliases = '{}';
SET ROLE regress_en_c_app;
SELECT rule, decision, company FROM expert_network.compliance_check('e0000000-0000-4000-8000-000000000001', '2027-01-20');
INSERT INTO expert_network.expert_employments (expert_id, company, ticker, started_on)
VALUES ('e0000000-0000-4000-8000-000000000001', 'Acme Corporation', 'acm', '2020-01-01');
SELECT rule, decision, company FROM expert_network.compliance_check('e0000000-0000-4000-8000-000000000001', '2027-01-20');

-- cooling-off: Bob left Widget Works (public) on 2026-10-31; six months by default
INSERT INTO expert_network.campaign_subject_companies (id, campaign_id, company)
VALUES ('a0000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000001', 'widget works');
SELECT rule, decision, passed, reason, clears_on FROM expert_network.compliance_check('e0000000-0000-4000-8000-000000000002', '2027-04-29');
-- the day the cooling-off period ends (2026-10-31 plus six months), the call passes
SELECT rule, decision, clears_on FROM expert_network.compliance_check('e0000000-0000-4000-8000-000000000002', '2027-04-30');
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
VALUES ('b0000000-0000-4000-8000-000000000002', 'c0000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000002', '2027-04-29', '10:00');
\echo :LAST_ERROR_SQLSTATE
-- the day after the employment ended is inside the period; the last day employed is not a cooling-off day
SELECT rule, decision FROM expert_network.compliance_check('e0000000-0000-4000-8000-000000000002', '2026-11-01') WHERE rule = 'cooling_off';
SELECT rule, decision FROM expert_network.compliance_check('e0000000-0000-4000-8000-000000000002', '2026-10-31') WHERE rule = 'cooling_off';
-- a policy with three months for public companies clears it (the app
-- level may not turn the policy down)
INSERT INTO expert_network.compliance_policies (cooling_off_public_months, attestation_required) VALUES (0, false);
\echo :LAST_ERROR_SQLSTATE
SET ROLE regress_en_c_officer;
INSERT INTO expert_network.compliance_policies (cooling_off_public_months, attestation_required) VALUES (3, true);
SET ROLE regress_en_c_app;
SELECT rule, decision FROM expert_network.compliance_check('e0000000-0000-4000-8000-000000000002', '2027-04-30');

-- multi-row statements: one refused row refuses the statement, named
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
SELECT ('b0000000-0000-4000-8000-00000000001' || row_number() OVER (ORDER BY x.name DESC))::uuid,
       'c0000000-0000-4000-8000-000000000001', x.id, '2027-01-20', '11:00'
  FROM expert_network.experts AS x ORDER BY x.name DESC;
\echo :LAST_ERROR_SQLSTATE

-- every statement shape goes through the gate: UPDATE ... FROM, MERGE, ON CONFLICT
UPDATE expert_network.interviews AS i SET scheduled_date = '2027-01-22'
  FROM expert_network.experts AS x
 WHERE x.id = i.expert_id AND x.name = 'Ann Current' AND i.id = 'b0000000-0000-4000-8000-000000000000';
\echo :LAST_ERROR_SQLSTATE
MERGE INTO expert_network.interviews AS i
USING (VALUES ('b0000000-0000-4000-8000-000000000004'::uuid, 'e0000000-0000-4000-8000-000000000002'::uuid)) AS v (id, expert)
   ON i.id = v.id
 WHEN NOT MATCHED THEN INSERT (id, campaign_id, expert_id, scheduled_date, scheduled_time)
      VALUES (v.id, 'c0000000-0000-4000-8000-000000000001', v.expert, '2027-01-20', '09:00');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
VALUES ('b0000000-0000-4000-8000-000000000000', 'c0000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000001', '2027-01-09', '10:00')
ON CONFLICT (id) DO UPDATE SET scheduled_date = '2027-01-25';
\echo :LAST_ERROR_SQLSTATE
SELECT scheduled_date FROM expert_network.interviews WHERE id = 'b0000000-0000-4000-8000-000000000000';

-- attestations: confirming needs one under this policy
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
VALUES ('b0000000-0000-4000-8000-000000000003', 'c0000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000003', '2027-01-20', '10:00');
\set cy_call b0000000-0000-4000-8000-000000000003
UPDATE expert_network.interviews SET status = 'confirmed' WHERE id = :'cy_call';
\echo :LAST_ERROR_SQLSTATE
SELECT expert_network.complete_interview(:'cy_call');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.interview_attestations (interview_id, attested_by, terms_version,
       no_material_nonpublic_information, no_conflicting_obligations)
VALUES (:'cy_call', 'Cy Clear', '2027-01', true, false);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.interview_attestations (interview_id, attested_by, terms_version,
       no_material_nonpublic_information, no_conflicting_obligations)
VALUES (:'cy_call', 'Cy Clear', '2027-01', true, true);
UPDATE expert_network.interviews SET status = 'confirmed' WHERE id = :'cy_call' RETURNING status;

-- exceptions: not for the app's own approval...
INSERT INTO expert_network.compliance_exceptions (expert_id, rule, reason, expires_at)
VALUES ('e0000000-0000-4000-8000-000000000001', 'restricted_list', 'Cleared by CCO', now() + interval '30 days');
\echo :LAST_ERROR_SQLSTATE
-- ...the compliance level approves them, stamped with its role
SET ROLE regress_en_c_officer;
INSERT INTO expert_network.compliance_exceptions (expert_id, rule, reason, approved_by, approved_at, expires_at)
VALUES ('e0000000-0000-4000-8000-000000000001', 'restricted_list', 'Cleared by CCO: topic unrelated to ACM', 'someone_else',
        '2000-01-01', now() + interval '30 days');
SELECT rule, approved_by, approved_at > '2000-01-01' AS stamped_time FROM expert_network.compliance_exceptions;
SET ROLE regress_en_c_app;
SELECT rule, decision, passed, exception_id IS NOT NULL AS excepted
  FROM expert_network.compliance_check('e0000000-0000-4000-8000-000000000001', '2027-01-20');
SELECT expert_network.schedule_interview('e0000000-0000-4000-8000-000000000001', '2027-01-20', '10:00') IS NOT NULL AS booked;
SELECT rule, decision, exception_id IS NOT NULL AS with_exception, detail->>'entry' AS entry
  FROM expert_network.compliance_log WHERE decision <> 'passed' ORDER BY id;
SET ROLE regress_en_c_officer;
INSERT INTO expert_network.compliance_exceptions (expert_id, rule, reason, expires_at)
VALUES ('e0000000-0000-4000-8000-000000000001', 'insider', 'x', now() + interval '1 day');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.compliance_exceptions (expert_id, rule, reason, expires_at)
VALUES ('e0000000-0000-4000-8000-000000000001', 'cooling_off', ' ', now() + interval '1 day');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.compliance_exceptions (expert_id, rule, reason, expires_at)
VALUES ('e0000000-0000-4000-8000-000000000001', 'cooling_off', 'x', now() - interval '1 day');
\echo :LAST_ERROR_SQLSTATE
SET ROLE regress_en_c_app;

-- the log: the gates' alone, in time order
INSERT INTO expert_network.compliance_log (expert_id, call_date, rule, decision)
VALUES ('e0000000-0000-4000-8000-000000000001', '2027-01-20', 'restricted_list', 'passed');
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.compliance_log SET decision = 'passed';
\echo :LAST_ERROR_SQLSTATE
DELETE FROM expert_network.compliance_log;
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) > 0 AS logged, bool_and(decided_by = current_user) AS by_role FROM expert_network.compliance_log;
-- a screen can be recorded
SELECT count(*) FROM expert_network.compliance_check('e0000000-0000-4000-8000-000000000002', '2027-02-01', log => true);
SELECT rule, decision, interview_id IS NULL AS screen FROM expert_network.compliance_log ORDER BY id DESC LIMIT 2;

-- a single booking is screened by a short query that passes it or hands it
-- to the full screen (0.11.0): on every day around every boundary, for an
-- expert with a current employment, one who left a subject company, and
-- one with no employment rows (experts.company), a booking goes through
-- exactly when compliance_check() passes the list and the cooling-off
-- try_booking(): book a call and undo it; what became of it ('booked', or
-- the refusal's SQLSTATE) and whether compliance_check() passes the list
-- and the cooling-off that day
RESET ROLE;
CREATE FUNCTION pg_temp.try_booking(campaign uuid, expert uuid, day date, OUT outcome text, OUT screened boolean)
LANGUAGE plpgsql AS $$
BEGIN
    BEGIN
        INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time)
        VALUES (campaign, expert, day, '16:00');
        RAISE SQLSTATE 'EN999';     -- booked: undo it
    EXCEPTION
        WHEN SQLSTATE 'EN999' THEN outcome := 'booked';
        WHEN SQLSTATE 'QC001' OR SQLSTATE 'QC002' THEN outcome := SQLSTATE;
    END;
    SELECT bool_and(c.passed) INTO screened
      FROM expert_network.compliance_check(expert, day) AS c
     WHERE c.rule <> 'attestation';
END
$$;
SET ROLE regress_en_c_officer;
INSERT INTO expert_network.restricted_companies (id, company, applies_from, applies_until)
VALUES ('f0000000-0000-4000-8000-000000000002', 'Clear Limited', '2027-02-01', '2027-02-10'),
       ('f0000000-0000-4000-8000-000000000003', 'Gadget Partners LLC', '2027-03-01', '2027-03-05');
SET ROLE regress_en_c_app;
DO $$
DECLARE
    booked boolean;
    screened boolean;
    passes integer := 0;
    refusals integer := 0;
    disagreements integer := 0;
    call record;
BEGIN
    FOR call IN
        SELECT x.id AS expert_id, d::date AS day
          FROM expert_network.experts AS x,
               generate_series(date '2026-10-28', date '2027-05-03', interval '1 day') AS d
         ORDER BY x.name, d
    LOOP
        SELECT t.outcome = 'booked', t.screened INTO booked, screened
          FROM pg_temp.try_booking('c0000000-0000-4000-8000-000000000001', call.expert_id, call.day) AS t;
        IF booked THEN passes := passes + 1; ELSE refusals := refusals + 1; END IF;
        IF booked IS DISTINCT FROM screened THEN
            disagreements := disagreements + 1;
            RAISE NOTICE 'expert %, %: booked %, screened %', call.expert_id, call.day, booked, screened;
        END IF;
    END LOOP;
    RAISE NOTICE 'bookings passed %, refused %, disagreeing with the screen %', passes, refusals, disagreements;
END
$$;
SET ROLE regress_en_c_officer;
DELETE FROM expert_network.restricted_companies
 WHERE id IN ('f0000000-0000-4000-8000-000000000002', 'f0000000-0000-4000-8000-000000000003');
SET ROLE regress_en_c_app;

-- the quick pass reads the gates' tables through their indexes
-- (compliance_probe.c): it passes a call only when nothing could refuse
-- it, and says why it hands any other to the full screen (DEBUG2)
SET client_min_messages = debug2;
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
VALUES ('b0000000-0000-4000-8000-0000000000a1', 'c0000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000003', '2027-02-22', '10:00');
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
VALUES ('b0000000-0000-4000-8000-0000000000a2', 'c0000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000001', '2027-02-22', '10:00');
RESET client_min_messages;
-- and on random data (another user's): restricted entries that start and
-- end, names written several ways, tickers and aliases, experts with no
-- employment rows or up to four, ended or current, subject companies; for
-- every expert on random days and on every boundary of its data, a booking
-- goes through exactly when compliance_check() passes it
RESET ROLE;
SET expert_network.user_id = 'user_r';
INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date, target_completion_date, status)
VALUES ('c0000000-0000-4000-8000-0000000000f1', 'Random', 'Mixed', '2026-06-01', '2027-12-31', 'active');
INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
VALUES ('c0000000-0000-4000-8000-0000000000f1', '00000000-0000-4000-8000-000000000001', 'enrolled');
SELECT setseed(0.14);
CREATE TEMP TABLE company_pool AS
SELECT p.n, p.name, p.ticker FROM unnest(ARRAY['Acme Corp', 'ACME Corporation', 'Globex', 'Initech LLC', 'Umbrella Inc.', 'Hooli',
                           'Vandelay Industries', 'Stark Ltd', 'Wayne Enterprises', 'Tyrell', 'Cyberdyne Systems', 'Soylent Co'],
                     ARRAY['ACM', NULL, 'GLBX', NULL, 'UMB', NULL, NULL, 'STRK', NULL, NULL, 'CYB', NULL])
       WITH ORDINALITY AS p (name, ticker, n);
GRANT SELECT ON company_pool TO regress_en_c_app, regress_en_c_officer;
SET ROLE regress_en_c_officer;
INSERT INTO expert_network.restricted_companies (company, ticker, aliases, applies_from, applies_until)
SELECT p.name, CASE WHEN random() < 0.5 THEN p.ticker END,
       CASE WHEN random() < 0.3 THEN ARRAY[(SELECT q.name FROM company_pool AS q WHERE q.n = 1 + (g * 7) % 12)] ELSE '{}' END,
       d.day, CASE WHEN random() < 0.5 THEN d.day + 30 + (random() * 170)::integer END
  FROM generate_series(1, 10) AS g
  CROSS JOIN LATERAL (SELECT date '2025-09-01' + (random() * 500)::integer + g * 0 AS day) AS d
  JOIN company_pool AS p ON p.n = 1 + (g * 5 + (random() * 3)::integer) % 12;
SET ROLE regress_en_c_app;
INSERT INTO expert_network.campaign_subject_companies (campaign_id, company, ticker)
SELECT 'c0000000-0000-4000-8000-0000000000f1', p.name, p.ticker FROM company_pool AS p WHERE p.n IN (3, 6, 10);
DO $$
DECLARE
    expert uuid;
    started date;
    ended date;
    outcome text;
    booked boolean;
    screened boolean;
    bookings integer := 0;
    passes integer := 0;
    listed integer := 0;
    cooling integer := 0;
    disagreements integer := 0;
    call record;
BEGIN
    FOR e IN 1..12 LOOP
        INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title, company, status)
        VALUES ('c0000000-0000-4000-8000-0000000000f1', '00000000-0000-4000-8000-000000000001', 'Random ' || e, 'VP',
                (SELECT p.name FROM company_pool AS p WHERE p.n = 1 + e % 12), 'reviewed')
        RETURNING id INTO expert;
        -- one in three has no employment rows (experts.company is screened)
        CONTINUE WHEN e % 3 = 0;
        started := date '2025-01-01' + (random() * 200)::integer;
        FOR j IN 1..1 + (random() * 3)::integer LOOP
            ended := started + 60 + (random() * 400)::integer;
            IF ended > date '2026-12-01' AND random() < 0.7 THEN ended := NULL; END IF;
            INSERT INTO expert_network.expert_employments (expert_id, company, ticker, started_on, ended_on, publicly_traded)
            SELECT expert, p.name, p.ticker, started, ended, random() < 0.5
              FROM company_pool AS p WHERE p.n = 1 + (e * 3 + j * 5) % 12;
            EXIT WHEN ended IS NULL;
            started := ended + 1 + (random() * 20)::integer;
        END LOOP;
    END LOOP;

    FOR call IN
        WITH days AS (
            SELECT x.id AS expert_id, date '2025-10-01' + (random() * 600)::integer AS day
              FROM expert_network.experts AS x, generate_series(1, 20)
            UNION
            SELECT j.expert_id, b.day
              FROM expert_network.expert_employments AS j,
                   unnest(ARRAY[j.started_on - 1, j.started_on, j.ended_on, j.ended_on + 1,
                                (j.ended_on + interval '3 months')::date - 1, (j.ended_on + interval '3 months')::date,
                                (j.ended_on + interval '6 months')::date - 1, (j.ended_on + interval '6 months')::date]) AS b (day)
             WHERE b.day IS NOT NULL
            UNION
            SELECT x.id, b.day
              FROM expert_network.experts AS x, expert_network.restricted_companies AS r,
                   unnest(ARRAY[r.applies_from - 1, r.applies_from, r.applies_until, r.applies_until + 1]) AS b (day)
             WHERE b.day IS NOT NULL)
        SELECT * FROM days ORDER BY expert_id, day
    LOOP
        SELECT t.outcome, t.screened INTO outcome, screened
          FROM pg_temp.try_booking('c0000000-0000-4000-8000-0000000000f1', call.expert_id, call.day) AS t;
        booked := outcome = 'booked';
        bookings := bookings + 1;
        IF booked THEN passes := passes + 1; END IF;
        IF outcome = 'QC001' THEN listed := listed + 1; END IF;
        IF outcome = 'QC002' THEN cooling := cooling + 1; END IF;
        IF booked IS DISTINCT FROM screened THEN
            disagreements := disagreements + 1;
            RAISE NOTICE 'expert %, %: booked %, screened %', call.expert_id, call.day, booked, screened;
        END IF;
    END LOOP;
    RAISE NOTICE 'random data: over 500 bookings %, some passed %, some refused on the list % and in a cooling-off period %, disagreeing with the screen %',
        bookings > 500, passes > 0, listed > 0, cooling > 0, disagreements;
END
$$;
RESET ROLE;
SELECT sum(deleted) > 0 AS erased FROM expert_network.delete_user_data('user_r');
DROP TABLE company_pool;
SET expert_network.user_id = 'user_c';
SET ROLE regress_en_c_app;
-- what the statement itself wrote before the gate counts: an employment,
-- added by the booking's own CTE, at a company on the list by its ticker
-- (left 2026-12-31, a private company: cooling off until 2027-03-31)
WITH job AS (
    INSERT INTO expert_network.expert_employments (expert_id, company, ticker, started_on, ended_on, publicly_traded)
    VALUES ('e0000000-0000-4000-8000-000000000003', 'Acme Holdings', 'ACM', '2020-01-01', '2026-12-31', false))
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
VALUES ('b0000000-0000-4000-8000-0000000000a3', 'c0000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000003', '2027-02-24', '10:00');
\echo :LAST_ERROR_SQLSTATE
-- a role that may not read one of the gates' tables is not passed on what
-- it cannot see: the full screen reports the missing privilege
RESET ROLE;
BEGIN;
REVOKE SELECT ON expert_network.restricted_companies FROM regress_en_c_app;
SET ROLE regress_en_c_app;
INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time)
VALUES ('c0000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000003', '2027-02-26', '10:00');
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;
SET expert_network.user_id = 'user_c';
SET ROLE regress_en_c_app;
SELECT id, status FROM expert_network.interviews
 WHERE expert_id = 'e0000000-0000-4000-8000-000000000003' ORDER BY scheduled_date;

-- bad input
SELECT * FROM expert_network.compliance_check(NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM expert_network.compliance_check('e0000000-0000-4000-8000-0000000000ff');
\echo :LAST_ERROR_SQLSTATE
SET ROLE regress_en_c_officer;
INSERT INTO expert_network.restricted_companies (company) VALUES ('Inc.');
INSERT INTO expert_network.restricted_companies (company) VALUES ('---');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.restricted_companies (company, applies_from, applies_until) VALUES ('X', '2027-02-01', '2027-01-01');
\echo :LAST_ERROR_SQLSTATE
SET ROLE regress_en_c_app;

-- another user sees none of it
SET expert_network.user_id = 'user_other';
SELECT (SELECT count(*) FROM expert_network.restricted_companies) AS list,
       (SELECT count(*) FROM expert_network.compliance_log) AS log,
       (SELECT count(*) FROM expert_network.compliance_conflicts()) AS conflicts;
SELECT * FROM expert_network.compliance_check('e0000000-0000-4000-8000-000000000001');
\echo :LAST_ERROR_SQLSTATE
RESET expert_network.user_id;
RESET ROLE;

-- erasure takes every compliance row of the user, the log included
SELECT * FROM expert_network.delete_user_data('user_c') WHERE deleted > 0;
SELECT expert_network.revoke_access('regress_en_c_app');
SELECT expert_network.revoke_access('regress_en_c_officer');
DROP ROLE regress_en_c_app;
DROP ROLE regress_en_c_officer;
