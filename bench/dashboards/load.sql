-- bench/dashboards/load.sql — the data: 1,000 users, each with 2 projects,
-- 10 campaigns, 5 team members, 40 vendor enrollments (3 enrolled, 1
-- pending per campaign), 1,000 experts (100 per campaign), about 333
-- interviews (one per expert scheduled or completed), 167 completed
-- interviews with ratings, 333 interview team assignments and 30 costs:
-- 1,000,000 experts in all.  Run by bench/dashboards.sh as the superuser.
--
-- Loaded as a restore is (session_replication_role = replica: the rows
-- are consistent by construction, so no trigger or foreign-key check runs),
-- then the call counters are set by repair_counters().  Ids are computed:
--   user u (1..1000)            user_id 'user-<u>'
--   campaign c (1..10000)       ('ca000000000040008000' || lpad(to_hex(c), 12, '0'))::uuid, user (c + 9) / 10
--   expert g (1..1000000)       ('e0000000000040008000' || ...), campaign (g - 1) / 100 + 1
\set ON_ERROR_STOP on

SELECT pg_catalog.set_config('expert_network.user_id', '', false);
SET session_replication_role = replica;

CREATE FUNCTION pg_temp.id(prefix text, n bigint) RETURNS uuid
LANGUAGE sql IMMUTABLE
RETURN (prefix || '000000000040008000' || lpad(to_hex(n), 12, '0'))::uuid;
-- vendor j (0..2 enrolled, 3 pending) of campaign c: one of the 12 shipped
CREATE FUNCTION pg_temp.vendor(c bigint, j integer) RETURNS uuid
LANGUAGE sql IMMUTABLE
RETURN ('00000000-0000-4000-8000-' || lpad(to_hex(1 + (c + j) % 12), 12, '0'))::uuid;

INSERT INTO expert_network.projects (id, user_id, project_code, project_name, display_order)
SELECT pg_temp.id('b0', p), 'user-' || ((p + 1) / 2), 'P' || p, 'Project ' || p, p % 2
FROM generate_series(1, 2000) AS p;

INSERT INTO expert_network.campaigns
    (id, user_id, project_id, campaign_name, industry_vertical, start_date, target_completion_date,
     target_regions, min_calls, max_calls, status, display_order)
SELECT pg_temp.id('ca', c), 'user-' || ((c + 9) / 10),
       CASE WHEN c % 10 <> 0 THEN pg_temp.id('b0', 2 * ((c + 9) / 10) - c % 2) END,
       'Campaign ' || c,
       (ARRAY['Healthcare', 'Technology', 'Industrials', 'Consumer', 'Energy'])[1 + c % 5],
       date '2026-01-05' + (c % 60), date '2026-01-05' + (c % 60) + 56,
       ARRAY['North America', 'Europe'],
       CASE WHEN c % 7 <> 0 THEN 8 END, 20,
       (ARRAY['draft', 'active', 'active', 'paused', 'completed']::expert_network.campaign_status[])[1 + c % 5],
       c % 10
FROM generate_series(1, 10000) AS c;

INSERT INTO expert_network.team_members (id, user_id, name, email, designation)
SELECT pg_temp.id('d0', t), 'user-' || ((t + 4) / 5), 'Member ' || t, 'member' || t || '@example.com',
       (ARRAY['Partner', 'Principal', 'Associate', 'Analyst', 'Consultant'])[1 + t % 5]
FROM generate_series(1, 5000) AS t;

INSERT INTO expert_network.campaign_team_assignments (campaign_id, team_member_id, user_id)
SELECT pg_temp.id('ca', c), pg_temp.id('d0', 5 * ((c + 9) / 10) - 4 + (c + j) % 5), 'user-' || ((c + 9) / 10)
FROM generate_series(1, 10000) AS c, generate_series(0, 1) AS j;

INSERT INTO expert_network.campaign_vendor_enrollments
    (campaign_id, vendor_platform_id, status, enrolled_at, user_id)
SELECT pg_temp.id('ca', c), pg_temp.vendor(c, j),
       (CASE WHEN j < 3 THEN 'enrolled' ELSE 'pending' END)::expert_network.enrollment_status,
       CASE WHEN j < 3 THEN (date '2026-01-05' + (c % 60) + j)::timestamptz END,
       'user-' || ((c + 9) / 10)
FROM generate_series(1, 10000) AS c, generate_series(0, 3) AS j;

-- experts, by status g % 6: proposed, reviewed, rejected, scheduling, scheduled, completed
INSERT INTO expert_network.experts
    (id, campaign_id, vendor_platform_id, name, title, company, rating, ai_fit_score, status, is_new,
     created_at, reviewed_at, user_id)
SELECT pg_temp.id('e0', g), pg_temp.id('ca', c), pg_temp.vendor(c, (g % 3)::integer),
       'Expert ' || g,
       (ARRAY['Former VP Sales', 'Head of Procurement', 'CFO', 'Director of Operations'])[1 + g % 4],
       'Company ' || (g % 5000), (g % 50) / 10.0, g % 11,
       (ARRAY['proposed', 'reviewed', 'rejected', 'scheduling', 'scheduled', 'completed']::expert_network.expert_status[])[1 + g % 6],
       g % 6 = 0,
       (date '2026-01-05' + (c % 60))::timestamptz + make_interval(hours => (24 + g % 100)::integer),
       CASE WHEN g % 6 <> 0 THEN (date '2026-01-05' + (c % 60) + 6)::timestamptz END,
       'user-' || ((c + 9) / 10)
FROM generate_series(1, 1000000) AS g, LATERAL (SELECT (g - 1) / 100 + 1 AS c) AS k;

-- one interview per expert scheduled (live) or completed
INSERT INTO expert_network.interviews
    (id, campaign_id, expert_id, scheduled_date, scheduled_time, duration_minutes, status, completed_at, user_id)
SELECT pg_temp.id('f0', g), pg_temp.id('ca', c), pg_temp.id('e0', g),
       date '2026-01-05' + (c % 60) + 10 + (g % 30), time '09:00' + make_interval(hours => (g % 8)::integer),
       (ARRAY[30, 45, 60])[1 + g % 3],
       (CASE WHEN g % 6 = 4 THEN 'scheduled' ELSE 'completed' END)::expert_network.interview_status,
       CASE WHEN g % 6 = 5 THEN (date '2026-01-05' + (c % 60) + 10 + (g % 30))::timestamptz END,
       'user-' || ((c + 9) / 10)
FROM generate_series(1, 1000000) AS g, LATERAL (SELECT (g - 1) / 100 + 1 AS c) AS k
WHERE g % 6 IN (4, 5);

INSERT INTO expert_network.completed_interviews
    (interview_id, campaign_id, expert_id, interview_date, interview_time, duration,
     rating, relevance_rating, expertise_rating, communication_rating, user_id)
SELECT pg_temp.id('f0', g), pg_temp.id('ca', c), pg_temp.id('e0', g),
       date '2026-01-05' + (c % 60) + 10 + (g % 30), '10:00', '60 min',
       CASE WHEN g % 4 <> 0 THEN 1 + g % 5 END, 1 + g % 4, 2 + g % 4, 1 + g % 5,
       'user-' || ((c + 9) / 10)
FROM generate_series(1, 1000000) AS g, LATERAL (SELECT (g - 1) / 100 + 1 AS c) AS k
WHERE g % 6 = 5;

INSERT INTO expert_network.interview_team_assignments (interview_id, team_member_id, user_id)
SELECT pg_temp.id('f0', g), pg_temp.id('d0', 5 * ((c + 9) / 10) - 4 + g % 5), 'user-' || ((c + 9) / 10)
FROM generate_series(1, 1000000) AS g, LATERAL (SELECT (g - 1) / 100 + 1 AS c) AS k
WHERE g % 6 IN (4, 5);

-- a recruiting fee and per-call fees to two of the enrolled vendors, a subscription of none
INSERT INTO expert_network.campaign_costs (campaign_id, vendor_platform_id, fee_type, amount_usd, units, user_id)
SELECT pg_temp.id('ca', c),
       CASE WHEN j < 2 THEN pg_temp.vendor(c, j) END,
       (ARRAY['recruiting_fee', 'per_call', 'subscription'])[1 + j],
       (ARRAY[2500, 1200, 800])[1 + j] + c % 100,
       CASE WHEN j = 1 THEN 1 + c % 10 END,
       'user-' || ((c + 9) / 10)
FROM generate_series(1, 10000) AS c, generate_series(0, 2) AS j;

RESET session_replication_role;
-- the counters, as the extension keeps them
SELECT expert_network.repair_counters() AS counters_set;
