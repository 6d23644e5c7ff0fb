/*
 * demo/calendar.sql — one person, one calendar (0.13.0) on the sample data:
 * AlphaSights proposes Daniel Whitaker, whom GLG proposed first; the
 * duplicates view finds him across the two networks, booking him through
 * the second row is refused, and so is a call with Sandra Kowalski that
 * overlaps her booked call once New York and London times are compared.
 * Load after demo/sample.sql and demo/compliance.sql, as the database owner
 * (the call cap is written as demo_compliance_officer, which
 * demo/compliance.sql creates).  It also gives call_caps a row, for the
 * dump and restore test.
 */
\set QUIET on
\set ON_ERROR_STOP on
\pset footer off
\pset linestyle unicode
\pset border 2
\pset pager off

SET expert_network.user_id = 'user_demo_1';
\set na_buyers '20000000-0000-4000-8000-000000000001'
\set daniel_glg '50000000-0000-4000-8000-000000000001'
\set daniel_as '50000000-0000-4000-8000-0000000000a1'
\set sandra '50000000-0000-4000-8000-000000000002'

-- the profile GLG gave for Daniel, and AlphaSights' proposal of the same
-- man a week later (another spelling of the same LinkedIn profile)
UPDATE expert_network.experts SET profile_url = 'https://www.linkedin.com/in/daniel-whitaker-harlan/',
                                  email = 'dwhitaker@harlanpack.example'
 WHERE id = :'daniel_glg';
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, company, status,
                                    profile_url, created_at, reviewed_at)
VALUES (:'daniel_as', :'na_buyers', '00000000-0000-4000-8000-000000000002', 'Dan Whitaker',
        'VP, Manufacturing Engineering', 'Harlan Packaging Inc.', 'reviewed',
        'http://linkedin.com/in/Daniel-Whitaker-Harlan?trk=profile', '2024-09-19 09:00:00+00', '2024-09-19 11:00:00+00');

\echo
\echo '── One person, one calendar: the same expert proposed by two networks'
\echo 'AlphaSights proposes "Dan Whitaker"; GLG proposed "Daniel Whitaker" a week earlier. Their profile URLs'
\echo 'normalize to one person key, and expert_duplicates shows the group, with who proposed him first:'
SELECT person_key, expert_rows AS rows, vendors, first_vendor, first_proposed_at
  FROM expert_network.expert_duplicates;

\echo 'He already had a call through GLG''s row in this campaign; booking him through AlphaSights'' row is refused:'
\set ON_ERROR_STOP off
SELECT expert_network.schedule_interview(:'daniel_as', '2024-10-03', '11:00', 60, 'America/Chicago');
\set ON_ERROR_STOP on

\echo
\echo 'Sandra Kowalski has a follow-up call on 2 October at 10:00 in New York:'
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time,
                                       duration_minutes, timezone)
VALUES ('70000000-0000-4000-8000-0000000000a1', :'na_buyers', :'sandra', '2024-10-02', '10:00', 60, 'America/New_York');
SELECT scheduled_date, scheduled_time, timezone, starts_at AT TIME ZONE 'UTC' AS starts_utc,
       ends_at AT TIME ZONE 'UTC' AS ends_utc
  FROM expert_network.interviews WHERE id = '70000000-0000-4000-8000-0000000000a1';
\echo 'A second call with her at 15:30 London time the same day is the same hour: refused, in both time zones:'
\set ON_ERROR_STOP off
SELECT expert_network.schedule_interview(:'sandra', '2024-10-02', '15:30', 30, 'Europe/London');
\set ON_ERROR_STOP on

-- the client's call cap: 12 calls with one person in any 12 months
SET ROLE demo_compliance_officer;
INSERT INTO expert_network.call_caps (max_calls, call_window) VALUES (12, '12 months');
RESET ROLE;
\echo 'The call cap (compliance level): at most 12 calls with one person in any 12 months:'
SELECT max_calls, call_window FROM expert_network.call_caps;
