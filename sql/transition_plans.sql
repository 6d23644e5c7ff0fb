-- transition_plans: a plan over a trigger's transition tables (the interview
-- lifecycle's steps, the chat sessions' recency) is prepared once in a
-- session and kept; it is prepared again when an administrator changes the
-- table's columns.  Each preparation says so at DEBUG1; a kept generic plan
-- made again after an invalidation (0.16.0's module) says so at DEBUG2.
\set VERBOSITY terse
SET expert_network.user_id = 'user_plans';
INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date, target_completion_date, status)
VALUES ('2a000000-0000-4000-8000-000000000001', 'Plans', 'Industrials', '2026-01-05', '2026-02-27', 'active');
INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
VALUES ('2a000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'enrolled');
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, status)
VALUES ('3a000000-0000-4000-8000-000000000001', '2a000000-0000-4000-8000-000000000001',
        '00000000-0000-4000-8000-000000000001', 'Kim Example', 'CFO', 'reviewed');
INSERT INTO expert_network.chat_sessions (id, title)
VALUES ('5a000000-0000-4000-8000-000000000001', 'Plans');

-- a live interview (lock, schedule, check), cancelled (reschedule), a chat
-- message (recency): each runs the same statements twice
CREATE FUNCTION pg_temp.round(n integer) RETURNS text LANGUAGE sql AS $$
  INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
  VALUES (('4a000000-0000-4000-8000-00000000000' || n)::uuid, '2a000000-0000-4000-8000-000000000001',
          '3a000000-0000-4000-8000-000000000001', '2026-01-12', '15:00', 'pending');
  UPDATE expert_network.interviews SET status = 'cancelled'
   WHERE id = ('4a000000-0000-4000-8000-00000000000' || n)::uuid;
  INSERT INTO expert_network.chat_messages (chat_session_id, role, content)
  VALUES ('5a000000-0000-4000-8000-000000000001', 'user', 'round ' || n);
  SELECT status FROM expert_network.experts WHERE id = '3a000000-0000-4000-8000-000000000001';
$$;

SET client_min_messages = debug1;
-- the first round prepares the plans
SELECT pg_temp.round(1);
-- the second keeps them
SELECT pg_temp.round(2);
RESET client_min_messages;

-- a column added: the plans are prepared again, once
ALTER TABLE expert_network.interviews ADD COLUMN plans_note text;
ALTER TABLE expert_network.chat_messages ADD COLUMN plans_note text;
SET client_min_messages = debug1;
SELECT pg_temp.round(3);
SELECT pg_temp.round(4);
RESET client_min_messages;

-- and dropped again: likewise
ALTER TABLE expert_network.interviews DROP COLUMN plans_note;
ALTER TABLE expert_network.chat_messages DROP COLUMN plans_note;
SET client_min_messages = debug1;
SELECT pg_temp.round(5);
SELECT pg_temp.round(6);
RESET client_min_messages;

-- an ANALYZE voids the kept generic plans that read its tables: each is
-- made again once, by its keys as when first made, and then kept
ANALYZE expert_network.interviews;
ANALYZE expert_network.experts;
SET client_min_messages = debug2;
SELECT pg_temp.round(7);
SELECT pg_temp.round(8);
RESET client_min_messages;

SELECT count(*) AS cancelled FROM expert_network.interviews
WHERE expert_id = '3a000000-0000-4000-8000-000000000001' AND status = 'cancelled';
DELETE FROM expert_network.campaigns WHERE id = '2a000000-0000-4000-8000-000000000001';
DELETE FROM expert_network.chat_sessions WHERE id = '5a000000-0000-4000-8000-000000000001';
RESET expert_network.user_id;
