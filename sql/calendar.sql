-- calendar: the person behind each expert row, duplicates across networks,
-- one booking per person per campaign, call caps, no overlapping calls for
-- a person or a team member (0.13.0, issue 15)
\set VERBOSITY default
CREATE ROLE regress_en_k_app;
CREATE ROLE regress_en_k_officer;
SELECT expert_network.grant_access('regress_en_k_app');
SELECT expert_network.grant_access('regress_en_k_officer', 'compliance');
SET expert_network.user_id = 'user_k';

-- person keys: the strongest detail, normalized, prefixed by its kind
SELECT u AS profile_url, expert_network.person_key(u, NULL, 'X', NULL) AS key
  FROM unnest(ARRAY['https://www.LinkedIn.com/in/JaneDoe/?trk=abc', 'http://uk.linkedin.com/in/janedoe/details/experience/',
                    'linkedin.com/in/janedoe', 'HTTPS://Example.COM:443/People/Jane/#bio', '//www.example.com/People/Jane',
                    'https://example.com/people/jane', 'mailto:jane@example.com', 'not a url', '   ']) AS u;
SELECT e AS email, expert_network.person_key(NULL, e, 'X', NULL) AS key
  FROM unnest(ARRAY[' Jane.Doe@Example.COM ', 'MAILTO:jane.doe@example.com', 'jane.doe+glg@gmail.com', 'no-at-sign', '@example.com', 'jane@']) AS e;
SELECT n, c, expert_network.person_key(NULL, NULL, n, c) AS key
  FROM (VALUES ('Jane O''Neil', 'Acme Corp.'), ('JANE ONEIL', 'ACME Inc'), ('Jane Oneil', NULL), ('?!', 'Acme')) AS t (n, c);
-- kinds never collide; the URL wins over the e-mail, the e-mail over the name
SELECT expert_network.person_key('https://example.com/a', 'a@example.com', 'A', 'B'),
       expert_network.person_key(NULL, 'a@example.com', 'A', 'B'),
       expert_network.person_key(NULL, NULL, NULL, NULL);
SELECT provolatile, proparallel FROM pg_proc
 WHERE oid IN ('expert_network.person_key(text, text, text, text)'::regprocedure,
               'expert_network.interview_starts_at(date, time, text)'::regprocedure);

-- absolute time, the way AT TIME ZONE resolves it: the spring-forward gap
-- (02:30 does not exist on 2027-03-14 in New York) and the fall-back overlap
SELECT d, t, z, expert_network.interview_starts_at(d, t, z) AT TIME ZONE 'UTC' AS starts_utc,
       expert_network.interview_ends_at(d, t, 90, z) AT TIME ZONE 'UTC' AS ends_utc
  FROM (VALUES (DATE '2027-03-14', TIME '01:30', 'America/New_York'), ('2027-03-14', '02:30', 'America/New_York'),
               ('2027-03-14', '03:30', 'America/New_York'), ('2027-11-07', '01:30', 'America/New_York'),
               ('2027-03-28', '00:30', 'Europe/London'), ('2027-03-28', '01:30', 'Europe/London'),
               ('2027-01-15', '10:00', 'Asia/Kolkata'), ('2027-01-15', '10:00', 'UTC')) AS v (d, t, z);
SELECT expert_network.interview_starts_at('2027-01-15', '10:00', 'Mars/Olympus_Mons');
\echo :LAST_ERROR_SQLSTATE

INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date, target_completion_date, status)
VALUES ('c1000000-0000-4000-8000-000000000001', 'Robots', 'Industrials', '2027-01-04', '2027-12-31', 'active'),
       ('c1000000-0000-4000-8000-000000000002', 'Drives', 'Industrials', '2027-01-04', '2027-12-31', 'active');
INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
SELECT c, v, 'enrolled'
  FROM unnest(ARRAY['c1000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000002']::uuid[]) AS c,
       unnest(ARRAY['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002']::uuid[]) AS v;
INSERT INTO expert_network.team_members (id, name, email, designation)
VALUES ('a1000000-0000-4000-8000-000000000001', 'Tess Analyst', 'tess@fund.example', 'Analyst');
SET ROLE regress_en_k_app;
-- GLG proposes Jane first, AlphaSights the same person a minute later
-- (another spelling of her profile URL), and a second campaign has her too
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, company, status, profile_url, created_at)
VALUES ('e1000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001',
        'Jane Doe', 'Former VP', 'Acme Corp.', 'reviewed', 'https://www.linkedin.com/in/janedoe/', '2027-01-05 09:00+00'),
       ('e1000000-0000-4000-8000-000000000002', 'c1000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002',
        'Jane M. Doe', 'VP Operations (former)', 'Acme', 'reviewed', 'linkedin.com/in/JaneDoe?utm=x', '2027-01-05 09:01+00'),
       ('e1000000-0000-4000-8000-000000000003', 'c1000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000002',
        'Jane Doe', 'Former VP', 'Acme', 'reviewed', 'http://uk.linkedin.com/in/janedoe', '2027-01-06 09:00+00'),
       ('e1000000-0000-4000-8000-000000000004', 'c1000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001',
        'Raj Patel', 'Plant manager', 'Bolt Works', 'reviewed', NULL, '2027-01-05 10:00+00');
SELECT name, person_key FROM expert_network.experts ORDER BY id;
-- person_key cannot be written
INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title, person_key)
VALUES ('c1000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'Forger', 'X', 'url:linkedin.com/in/janedoe');
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.experts SET person_key = 'x';
\echo :LAST_ERROR_SQLSTATE

-- the duplicates: one group, three rows, two vendors, two campaigns, GLG first
SELECT person_key, expert_rows, expert_ids, vendors, campaign_ids, first_expert_id, first_vendor, first_proposed_at
  FROM expert_network.expert_duplicates;

-- a call with Jane through GLG's row
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, duration_minutes, timezone)
VALUES ('b1000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000001',
        '2027-03-10', '10:00', 60, 'America/New_York');
SELECT starts_at AT TIME ZONE 'UTC' AS starts_utc, ends_at AT TIME ZONE 'UTC' AS ends_utc FROM expert_network.interviews;
-- the same person through AlphaSights' row in the same campaign: refused (QC004)
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, timezone)
VALUES ('b1000000-0000-4000-8000-000000000002', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000002', '2027-04-10', '10:00', 'Europe/London');
-- the error's fields name the table and the deciding column
DO $$
DECLARE s text; t text; c text;
BEGIN
    PERFORM expert_network.schedule_interview('e1000000-0000-4000-8000-000000000002', '2027-04-10', '10:00');
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS s = RETURNED_SQLSTATE, t = TABLE_NAME, c = COLUMN_NAME;
    RAISE NOTICE 'schedule_interview: % on %.%', s, t, c;
END
$$;
-- a follow-up call with the same row is fine
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, timezone)
VALUES ('b1000000-0000-4000-8000-000000000021', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000001', '2027-04-10', '10:00', 'America/New_York');
-- an overlapping call with the same person in another campaign, in London time: refused (QC006)
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, duration_minutes, timezone)
VALUES ('b1000000-0000-4000-8000-000000000003', 'c1000000-0000-4000-8000-000000000002', 'e1000000-0000-4000-8000-000000000003',
        '2027-03-10', '14:30', 60, 'Europe/London');
-- back to back is not an overlap (10:00-11:00 New York is 15:00-16:00 London that day:
-- New York is still on standard time, London too)
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, duration_minutes, timezone)
VALUES ('b1000000-0000-4000-8000-000000000003', 'c1000000-0000-4000-8000-000000000002', 'e1000000-0000-4000-8000-000000000003',
        '2027-03-10', '16:00', 30, 'Europe/London');
-- moving it into the first call is refused; so is lengthening the first into it
UPDATE expert_network.interviews SET scheduled_time = '15:45' WHERE id = 'b1000000-0000-4000-8000-000000000003';
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.interviews SET duration_minutes = 61 WHERE id = 'b1000000-0000-4000-8000-000000000001';
\echo :LAST_ERROR_SQLSTATE
-- one statement booking two overlapping calls with Raj: refused
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, timezone)
VALUES ('b1000000-0000-4000-8000-000000000004', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000004', '2027-05-03', '09:00', 'UTC'),
       ('b1000000-0000-4000-8000-000000000005', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000004', '2027-05-03', '09:59', 'UTC');
\echo :LAST_ERROR_SQLSTATE
-- DST: 01:30 for 60 minutes on the spring-forward night ends at 03:30 EDT, when 02:30 (in the gap) starts
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, timezone)
VALUES ('b1000000-0000-4000-8000-000000000010', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000004', '2027-03-14', '01:30', 'America/New_York'),
       ('b1000000-0000-4000-8000-000000000011', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000004', '2027-03-14', '02:30', 'America/New_York');
SELECT scheduled_time, starts_at AT TIME ZONE 'UTC' AS starts_utc, ends_at AT TIME ZONE 'UTC' AS ends_utc
  FROM expert_network.interviews WHERE scheduled_date = '2027-03-14' ORDER BY starts_at;
-- fall back: 01:30 EST (after the repeat) vs 01:30 as PostgreSQL reads it: one of them, so they overlap
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, timezone)
VALUES ('b1000000-0000-4000-8000-000000000006', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000004', '2027-11-07', '01:30', 'America/New_York'),
       ('b1000000-0000-4000-8000-000000000007', 'c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000004', '2027-11-07', '06:30', 'UTC');
\echo :LAST_ERROR_SQLSTATE
-- an unknown time zone: 22023, not written
INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time, timezone)
VALUES ('c1000000-0000-4000-8000-000000000001', 'e1000000-0000-4000-8000-000000000004', '2027-06-01', '09:00', 'Nowhere/Land');
\echo :LAST_ERROR_SQLSTATE
-- cancelled calls are neither overlaps nor bookings
SELECT expert_network.cancel_interview('b1000000-0000-4000-8000-000000000001');
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, timezone)
VALUES ('b1000000-0000-4000-8000-000000000008', 'c1000000-0000-4000-8000-000000000002', 'e1000000-0000-4000-8000-000000000003', '2027-03-10', '14:30', 'Europe/London');
\echo :LAST_ERROR_SQLSTATE

-- team members: one person cannot attend two overlapping calls
INSERT INTO expert_network.interview_team_assignments (interview_id, team_member_id)
SELECT id, 'a1000000-0000-4000-8000-000000000001' FROM expert_network.interviews
 WHERE scheduled_date = '2027-03-14';
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, timezone)
VALUES ('b1000000-0000-4000-8000-000000000009', 'c1000000-0000-4000-8000-000000000002', 'e1000000-0000-4000-8000-000000000003',
        '2027-03-14', '08:00', 'Europe/London');
INSERT INTO expert_network.interview_team_assignments (interview_id, team_member_id)
VALUES ('b1000000-0000-4000-8000-000000000009', 'a1000000-0000-4000-8000-000000000001');
-- after moving the call an hour later it fits; moving it back is refused
UPDATE expert_network.interviews SET scheduled_time = '09:30' WHERE id = 'b1000000-0000-4000-8000-000000000009';
INSERT INTO expert_network.interview_team_assignments (interview_id, team_member_id)
VALUES ('b1000000-0000-4000-8000-000000000009', 'a1000000-0000-4000-8000-000000000001');
UPDATE expert_network.interviews SET scheduled_time = '08:00' WHERE id = 'b1000000-0000-4000-8000-000000000009';
\echo :LAST_ERROR_SQLSTATE

-- call caps: the compliance team's; 2 calls per person in 12 months
INSERT INTO expert_network.call_caps (max_calls) VALUES (2);
\echo :LAST_ERROR_SQLSTATE
SET ROLE regress_en_k_officer;
INSERT INTO expert_network.call_caps (max_calls) VALUES (2);
SELECT user_id, max_calls, call_window FROM expert_network.call_caps;
SET ROLE regress_en_k_app;
SELECT e.name, count(*) FROM expert_network.interviews AS i JOIN expert_network.experts AS e ON e.id = i.expert_id
 WHERE i.status <> 'cancelled' GROUP BY e.person_key, e.name ORDER BY 1;
-- Jane has 3 calls (Raj 2): the next one with her, a year later, is within a window with the April call
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
VALUES ('b1000000-0000-4000-8000-000000000012', 'c1000000-0000-4000-8000-000000000002', 'e1000000-0000-4000-8000-000000000003', '2028-01-10', '10:00');
-- a call one window after her others passes
SELECT expert_network.schedule_interview('e1000000-0000-4000-8000-000000000003', '2028-06-01', '10:00') IS NOT NULL AS booked;
-- a call before the others counts too: windows ending on later calls
\set VERBOSITY sqlstate
SELECT expert_network.schedule_interview('e1000000-0000-4000-8000-000000000004', '2027-01-20', '10:00');
\set VERBOSITY default
SET ROLE regress_en_k_officer;
DELETE FROM expert_network.call_caps;
SET ROLE regress_en_k_app;

-- contact details that merge two persons: Raj's row gets Jane's URL, which
-- gives two rows of one person in one campaign: refused
UPDATE expert_network.experts SET profile_url = 'https://linkedin.com/in/janedoe' WHERE name = 'Raj Patel';
-- an e-mail on a row that has a URL changes nothing
UPDATE expert_network.experts SET email = 'raj@bolt.example' WHERE name = 'Raj Patel';
SELECT name, person_key FROM expert_network.experts WHERE name = 'Raj Patel';

-- MERGE and ON CONFLICT go through the same check
MERGE INTO expert_network.interviews AS i
USING (VALUES ('b1000000-0000-4000-8000-000000000020'::uuid)) AS v (id) ON i.id = v.id
 WHEN NOT MATCHED THEN INSERT (id, campaign_id, expert_id, scheduled_date, scheduled_time, timezone)
      VALUES (v.id, 'c1000000-0000-4000-8000-000000000002', 'e1000000-0000-4000-8000-000000000003', '2027-03-14', '09:45', 'Europe/London');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, timezone)
VALUES ('b1000000-0000-4000-8000-000000000003', 'c1000000-0000-4000-8000-000000000002', 'e1000000-0000-4000-8000-000000000003',
        '2027-03-14', '09:45', 'Europe/London')
ON CONFLICT (id) DO UPDATE SET scheduled_date = excluded.scheduled_date, scheduled_time = excluded.scheduled_time;
\echo :LAST_ERROR_SQLSTATE

-- multi-row statements against a plain-SQL reading of the rules: 300
-- random INSERT ... SELECT of 1 to 5 calls (three persons, one of them with
-- two rows in one campaign; a cap of 3 calls in 10 days; eight calls
-- already booked), each rolled back; the refusal's SQLSTATE must be the
-- rule of the first booking (in statement order) that breaks one, rules
-- in the order QC004, QC005, QC006
SET expert_network.user_id = 'user_kf';
SET ROLE regress_en_k_officer;
INSERT INTO expert_network.call_caps (max_calls, call_window) VALUES (3, '10 days');
SET ROLE regress_en_k_app;
INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date, target_completion_date, status)
VALUES ('c1f00000-0000-4000-8000-000000000001', 'Fuzz 1', 'Industrials', '2027-01-04', '2027-12-31', 'active'),
       ('c1f00000-0000-4000-8000-000000000002', 'Fuzz 2', 'Industrials', '2027-01-04', '2027-12-31', 'active');
INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
SELECT c, '00000000-0000-4000-8000-000000000001', 'enrolled'
  FROM unnest(ARRAY['c1f00000-0000-4000-8000-000000000001', 'c1f00000-0000-4000-8000-000000000002']::uuid[]) AS c;
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, status, profile_url)
VALUES ('e1f00000-0000-4000-8000-000000000001', 'c1f00000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'Ann', 'X', 'reviewed', 'linkedin.com/in/ann'),
       ('e1f00000-0000-4000-8000-000000000002', 'c1f00000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'Ann B.', 'X', 'reviewed', 'https://linkedin.com/in/ann/'),
       ('e1f00000-0000-4000-8000-000000000003', 'c1f00000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'Ann', 'X', 'reviewed', 'linkedin.com/in/ann'),
       ('e1f00000-0000-4000-8000-000000000004', 'c1f00000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'Bo', 'X', 'reviewed', 'linkedin.com/in/bo'),
       ('e1f00000-0000-4000-8000-000000000005', 'c1f00000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'Bo', 'X', 'reviewed', 'linkedin.com/in/bo'),
       ('e1f00000-0000-4000-8000-000000000006', 'c1f00000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'Cy', 'X', 'reviewed', NULL);
INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time, duration_minutes, status)
SELECT x.campaign_id, x.id, DATE '2027-06-01' + v.d, v.t, 60, v.status::expert_network.interview_status
  FROM (VALUES (1, 2, TIME '09:00', 'scheduled'), (1, 20, '09:00', 'pending'), (3, 5, '10:00', 'scheduled'),
               (4, 3, '09:00', 'scheduled'), (5, 10, '11:00', 'pending'), (5, 30, '08:00', 'scheduled'),
               (6, 7, '09:30', 'pending'), (6, 8, '09:30', 'cancelled')) AS v (e, d, t, status)
  JOIN expert_network.experts AS x ON x.id = ('e1f00000-0000-4000-8000-00000000000' || v.e)::uuid;
CREATE TEMPORARY TABLE fuzz_outcome (refused text, expected text);
DO $$
DECLARE
    state text;
    expected text;
BEGIN
    PERFORM setseed(0.15);
    FOR trial IN 1..300 LOOP
        DROP TABLE IF EXISTS fuzz_call;
        CREATE TEMPORARY TABLE fuzz_call AS
        SELECT n, x.id AS expert_id, x.campaign_id, x.person_key,
               DATE '2027-06-01' + d AS scheduled_date, make_time(8 + h, 30 * m, 0) AS scheduled_time,
               (ARRAY[30, 60, 120])[1 + k] AS duration_minutes,
               (ARRAY['pending', 'scheduled', 'cancelled', 'scheduled']::expert_network.interview_status[])[1 + st] AS status
          FROM (SELECT n, 1 + floor(random() * 6)::int AS e, floor(random() * 25)::int AS d,
                       floor(random() * 4)::int AS h, floor(random() * 2)::int AS m,
                       floor(random() * 3)::int AS k, floor(random() * 4)::int AS st
                  FROM generate_series(1, 1 + floor(random() * 5)::int) AS n) AS r
          JOIN expert_network.experts AS x ON x.id = ('e1f00000-0000-4000-8000-00000000000' || r.e)::uuid;
        -- the rules in plain SQL, over the calls booked and the statement's
        WITH calls AS (
            SELECT i.expert_id, i.campaign_id, x.person_key, i.starts_at, i.ends_at, i.status, 0 AS n
              FROM expert_network.interviews AS i JOIN expert_network.experts AS x ON x.id = i.expert_id
             WHERE i.status <> 'cancelled'
            UNION ALL
            SELECT f.expert_id, f.campaign_id, f.person_key, s, s + f.duration_minutes * interval '1 minute', f.status, f.n
              FROM fuzz_call AS f, LATERAL (SELECT (f.scheduled_date + f.scheduled_time) AT TIME ZONE 'UTC') AS t (s)
             WHERE f.status <> 'cancelled'),
        broken AS (
            SELECT b.n, 1 AS rule FROM calls AS b JOIN calls AS c
                ON c.person_key = b.person_key AND c.campaign_id = b.campaign_id AND c.expert_id <> b.expert_id
             WHERE b.n > 0
            UNION ALL
            SELECT b.n, 2 FROM calls AS b JOIN calls AS a ON a.person_key = b.person_key
             WHERE b.n > 0 AND a.starts_at >= b.starts_at AND a.starts_at < b.starts_at + interval '10 days'
               AND (SELECT count(*) FROM calls AS c WHERE c.person_key = a.person_key
                       AND c.starts_at > a.starts_at - interval '10 days' AND c.starts_at <= a.starts_at) > 3
            UNION ALL
            SELECT b.n, 3 FROM calls AS b JOIN calls AS c ON c.person_key = b.person_key
             WHERE b.n > 0 AND c.n <> b.n
               AND b.status <> 'completed' AND c.status <> 'completed'
               AND c.starts_at < b.ends_at AND b.starts_at < c.ends_at)
        SELECT 'QC00' || (3 + rule) INTO expected FROM broken ORDER BY n, rule LIMIT 1;
        state := NULL;
        BEGIN
            INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time,
                                                   duration_minutes, timezone, status)
            SELECT campaign_id, expert_id, scheduled_date, scheduled_time, duration_minutes, 'UTC', status
              FROM fuzz_call ORDER BY n;
            RAISE EXCEPTION USING ERRCODE = 'P0004';
        EXCEPTION WHEN SQLSTATE 'QC004' OR SQLSTATE 'QC005' OR SQLSTATE 'QC006' OR SQLSTATE 'P0004' THEN
            GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE;
        END;
        INSERT INTO fuzz_outcome VALUES (NULLIF(state, 'P0004'), expected);
    END LOOP;
END
$$;
-- every trial as the plain SQL says, and each rule broken (and none) several times
SELECT count(*) AS trials, count(*) FILTER (WHERE refused IS DISTINCT FROM expected) AS mismatches
  FROM fuzz_outcome;
SELECT coalesce(expected, 'booked') AS outcome, count(*) >= 10 AS at_least_10 FROM fuzz_outcome GROUP BY 1 ORDER BY 1;
SELECT count(*) AS booked_after FROM expert_network.interviews;
DROP TABLE fuzz_call, fuzz_outcome;
DELETE FROM expert_network.interviews;
DELETE FROM expert_network.experts;
DELETE FROM expert_network.campaign_vendor_enrollments;
DELETE FROM expert_network.campaigns;
SET ROLE regress_en_k_officer;
DELETE FROM expert_network.call_caps;
SET ROLE regress_en_k_app;
SET expert_network.user_id = 'user_k';

-- another user sees none of it
SET expert_network.user_id = 'user_k2';
SELECT count(*) FROM expert_network.expert_duplicates;
SELECT count(*) FROM expert_network.call_caps;
RESET ROLE;
RESET expert_network.user_id;
-- erasure takes the call cap along
SELECT * FROM expert_network.delete_user_data('user_k') WHERE deleted > 0;
SELECT expert_network.revoke_access('regress_en_k_app');
SELECT expert_network.revoke_access('regress_en_k_officer');
DROP ROLE regress_en_k_app;
DROP ROLE regress_en_k_officer;
