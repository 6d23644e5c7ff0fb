-- counters: campaigns.scheduled_calls (pending + scheduled + confirmed) and
-- completed_calls (completed) kept exact by the database (0.3.0)
\set VERBOSITY terse
SET expert_network.user_id = 'user_1';

INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date, target_completion_date)
VALUES ('20000000-0000-4000-8000-000000000001', 'North America', 'Industrials', '2026-01-05', '2026-02-27'),
       ('20000000-0000-4000-8000-000000000002', 'Europe', 'Distribution', '2026-01-05', '2026-02-27');
INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
VALUES ('20000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'enrolled'),
       ('20000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000002', 'enrolled');
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, status)
VALUES ('30000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001',
        '00000000-0000-4000-8000-000000000001', 'Dana Example', 'VP Operations', 'reviewed'),
       ('30000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000002',
        '00000000-0000-4000-8000-000000000002', 'Lee Example', 'Distributor', 'reviewed');
\set calls 'SELECT campaign_name, scheduled_calls, completed_calls FROM expert_network.campaigns ORDER BY campaign_name'

-- a single interview, then several across both campaigns in one statement
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
VALUES ('40000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001',
        '30000000-0000-4000-8000-000000000001', '2026-01-12', '15:00');
:calls;
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
SELECT ('40000000-0000-4000-8000-0000000001' || lpad(g::text, 2, '0'))::uuid,
       e.campaign_id, e.id, '2026-01-20', TIME '08:00' + g * INTERVAL '1 hour',
       (ARRAY['pending', 'scheduled', 'confirmed', 'completed', 'cancelled']::expert_network.interview_status[])[1 + g % 5]
FROM generate_series(1, 10) AS g
JOIN expert_network.experts AS e ON e.id = ('30000000-0000-4000-8000-00000000000' || (1 + g % 2))::uuid;
:calls;

-- status changes, in both directions of the count
UPDATE expert_network.interviews SET status = 'completed' WHERE status = 'confirmed';
:calls;
UPDATE expert_network.interviews SET status = 'cancelled' WHERE status = 'pending';
:calls;
-- an update of other columns counts nothing
UPDATE expert_network.interviews SET color_tag = 'blue';
:calls;

-- moving an interview to the other campaign (with an expert of that campaign)
UPDATE expert_network.interviews
   SET campaign_id = '20000000-0000-4000-8000-000000000002', expert_id = '30000000-0000-4000-8000-000000000002'
 WHERE id = '40000000-0000-4000-8000-000000000001';
:calls;

-- deletes, and cascades from experts
DELETE FROM expert_network.interviews WHERE id = '40000000-0000-4000-8000-000000000001';
:calls;
DELETE FROM expert_network.experts WHERE id = '30000000-0000-4000-8000-000000000001';
:calls;
SELECT * FROM expert_network.verify_counters();

-- counting is not editing: the campaign's updated_at stays
SELECT updated_at = created_at AS untouched FROM expert_network.campaigns ORDER BY campaign_name;

-- only the extension writes the counters
UPDATE expert_network.campaigns SET scheduled_calls = 99;
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.campaigns SET completed_calls = completed_calls + 1;
\echo :LAST_ERROR_SQLSTATE
INSERT INTO expert_network.campaigns (campaign_name, industry_vertical, start_date, target_completion_date, completed_calls)
VALUES ('Imported', 'Energy', '2026-01-05', '2026-02-27', 3);
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.campaigns SET campaign_name = 'Europe (DACH)' WHERE campaign_name = 'Europe';
:calls;

-- drift (triggers off, as in a replica or an old backup), seen and repaired
SET session_replication_role = replica;
INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time)
VALUES ('20000000-0000-4000-8000-000000000002', '30000000-0000-4000-8000-000000000002', '2026-02-02', '09:00');
UPDATE expert_network.interviews SET status = 'completed' WHERE status = 'scheduled' AND scheduled_date = '2026-01-20';
RESET session_replication_role;
SELECT counter, stored, actual FROM expert_network.verify_counters();
SELECT expert_network.repair_counters() AS fixed;
SELECT * FROM expert_network.verify_counters();
SELECT expert_network.repair_counters() AS fixed;
:calls;

-- TRUNCATE resets them
TRUNCATE expert_network.interviews CASCADE;
:calls;

-- a superuser without an identity is no restore while row_security is on
-- (0.8.0): its campaign with counters is refused like anyone's
RESET expert_network.user_id;
INSERT INTO expert_network.campaigns (id, user_id, campaign_name, industry_vertical, start_date, target_completion_date, scheduled_calls, completed_calls)
VALUES ('20000000-0000-4000-8000-000000000003', 'user_1', 'Restored', 'Energy', '2026-01-05', '2026-02-27', 4, 7);
\echo :LAST_ERROR_SQLSTATE
-- a campaign restored from a dump (no identity, superuser, row_security
-- off as pg_dump's output sets it) starts at zero: its interviews, restored
-- after it, count themselves
SET row_security = off;
INSERT INTO expert_network.campaigns (id, user_id, campaign_name, industry_vertical, start_date, target_completion_date, scheduled_calls, completed_calls)
VALUES ('20000000-0000-4000-8000-000000000003', 'user_1', 'Restored', 'Energy', '2026-01-05', '2026-02-27', 4, 7);
INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time, status)
SELECT '20000000-0000-4000-8000-000000000003', e.id, '2026-01-20', '10:00', s
FROM expert_network.experts AS e, unnest(ARRAY['scheduled', 'completed', 'completed']::expert_network.interview_status[]) AS s
WHERE e.id = '30000000-0000-4000-8000-000000000002';
SELECT campaign_name, scheduled_calls, completed_calls FROM expert_network.campaigns WHERE campaign_name = 'Restored';
RESET row_security;

-- chat recency: a new message moves its session up the chat list
SET expert_network.user_id = 'user_1';
INSERT INTO expert_network.chat_sessions (id, title, created_at, updated_at)
VALUES ('50000000-0000-4000-8000-000000000001', 'Market sizing', '2026-01-01 09:00+00', '2026-01-01 09:00+00'),
       ('50000000-0000-4000-8000-000000000002', 'Pricing', '2026-01-01 09:00+00', '2026-01-01 09:00+00');
INSERT INTO expert_network.chat_messages (chat_session_id, role, content, created_at)
VALUES ('50000000-0000-4000-8000-000000000001', 'user', 'How big is it?', '2026-01-03 10:00+00'),
       ('50000000-0000-4000-8000-000000000001', 'assistant', 'About 4 billion.', '2026-01-03 10:01+00'),
       ('50000000-0000-4000-8000-000000000002', 'user', 'And prices?', '2026-01-02 08:00+00');
SELECT title, updated_at AT TIME ZONE 'UTC' AS updated_at FROM expert_network.chat_sessions ORDER BY updated_at DESC;
-- an older message leaves it alone
INSERT INTO expert_network.chat_messages (chat_session_id, role, content, created_at)
VALUES ('50000000-0000-4000-8000-000000000002', 'user', 'Earlier note', '2025-12-31 08:00+00');
SELECT title, updated_at AT TIME ZONE 'UTC' AS updated_at FROM expert_network.chat_sessions ORDER BY updated_at DESC;

-- the triggers keep their plans for the session; a change of the table's
-- columns makes them plan again (an interview inserted before and after)
SET expert_network.user_id = 'user_1';
INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time)
VALUES ('20000000-0000-4000-8000-000000000002', '30000000-0000-4000-8000-000000000002', '2026-02-03', '10:00');
ALTER TABLE expert_network.interviews ADD COLUMN regress_note text;
INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time, regress_note)
VALUES ('20000000-0000-4000-8000-000000000002', '30000000-0000-4000-8000-000000000002', '2026-02-04', '10:00', 'added');
ALTER TABLE expert_network.interviews DROP COLUMN regress_note;
UPDATE expert_network.interviews SET status = 'cancelled' WHERE scheduled_date = '2026-02-03';
SELECT campaign_name, scheduled_calls, completed_calls FROM expert_network.campaigns WHERE campaign_name = 'Europe (DACH)';
SELECT count(*) AS drifted FROM expert_network.verify_counters();

-- leave the database as the next test expects it
RESET expert_network.user_id;
DELETE FROM expert_network.campaigns;
DELETE FROM expert_network.chat_sessions;
