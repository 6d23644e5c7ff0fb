-- dashboards (0.12.0): campaign_dashboard, vendor_scorecard, team_workload
-- read as application roles (not superuser: row-level security applies to
-- them through security_invoker), on two users' small fixture; each user
-- sees exactly their rows, with the counts, ratios, costs and NULLs below.
\set VERBOSITY terse
CREATE ROLE regress_dash_app;
CREATE ROLE regress_dash_ro;
SELECT expert_network.grant_access('regress_dash_app', 'app');
SELECT expert_network.grant_access('regress_dash_ro', 'readonly');
SET ROLE regress_dash_app;

-- user_a: project Atlas with campaign A1 (GLG and AlphaSights enrolled,
-- Guidepoint pending), and campaign A2 outside any project, with nothing
SET expert_network.user_id = 'user_a';
INSERT INTO expert_network.projects (id, project_code, project_name, display_order)
VALUES ('10000000-0000-4000-8000-00000000000a', 'ATL', 'Atlas', 1);
INSERT INTO expert_network.campaigns (id, project_id, campaign_name, industry_vertical, start_date,
                                      target_completion_date, target_regions, min_calls, max_calls, status)
VALUES ('20000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-00000000000a', 'A1 buyers',
        'Industrials', '2026-01-05', '2026-02-27', '{North America}', 4, 6, 'active'),
       ('20000000-0000-4000-8000-0000000000a2', NULL, 'A2 channel', 'Distribution', '2026-03-02',
        '2026-04-24', '{Europe}', NULL, 5, 'draft');
INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status, enrolled_at)
VALUES ('20000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000001', 'enrolled', '2026-01-05 09:00+00'),
       ('20000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000002', 'enrolled', '2026-01-06 09:00+00'),
       ('20000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000003', 'pending', NULL);
INSERT INTO expert_network.team_members (id, name, designation)
VALUES ('30000000-0000-4000-8000-0000000000a1', 'Maya Reyes', 'Engagement Manager'),
       ('30000000-0000-4000-8000-0000000000a2', 'Jonah Okafor', 'Associate'),
       ('30000000-0000-4000-8000-0000000000a3', 'Priya Shah', 'Consultant');
INSERT INTO expert_network.campaign_team_assignments (campaign_id, team_member_id)
VALUES ('20000000-0000-4000-8000-0000000000a1', '30000000-0000-4000-8000-0000000000a1'),
       ('20000000-0000-4000-8000-0000000000a1', '30000000-0000-4000-8000-0000000000a2'),
       ('20000000-0000-4000-8000-0000000000a2', '30000000-0000-4000-8000-0000000000a1');
-- GLG proposes four (first 2 days after enrolling), AlphaSights one (half a day)
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, status, created_at)
VALUES ('40000000-0000-4000-8000-0000000000a1', '20000000-0000-4000-8000-0000000000a1',
        '00000000-0000-4000-8000-000000000001', 'Expert 1', 'VP Operations', 'reviewed', '2026-01-07 09:00+00'),
       ('40000000-0000-4000-8000-0000000000a2', '20000000-0000-4000-8000-0000000000a1',
        '00000000-0000-4000-8000-000000000001', 'Expert 2', 'Plant Manager', 'reviewed', '2026-01-08 09:00+00'),
       ('40000000-0000-4000-8000-0000000000a3', '20000000-0000-4000-8000-0000000000a1',
        '00000000-0000-4000-8000-000000000001', 'Expert 3', 'Buyer', 'rejected', '2026-01-09 09:00+00'),
       ('40000000-0000-4000-8000-0000000000a4', '20000000-0000-4000-8000-0000000000a1',
        '00000000-0000-4000-8000-000000000001', 'Expert 4', 'Engineer', 'proposed', '2026-01-10 09:00+00'),
       ('40000000-0000-4000-8000-0000000000a5', '20000000-0000-4000-8000-0000000000a1',
        '00000000-0000-4000-8000-000000000002', 'Expert 5', 'CFO', 'reviewed', '2026-01-06 21:00+00');
-- two calls with GLG's experts completed and rated, one with AlphaSights' booked
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, duration_minutes)
VALUES ('50000000-0000-4000-8000-0000000000a1', '20000000-0000-4000-8000-0000000000a1',
        '40000000-0000-4000-8000-0000000000a1', '2026-01-12', '15:00', 60),
       ('50000000-0000-4000-8000-0000000000a2', '20000000-0000-4000-8000-0000000000a1',
        '40000000-0000-4000-8000-0000000000a2', '2026-01-13', '15:00', 30),
       ('50000000-0000-4000-8000-0000000000a5', '20000000-0000-4000-8000-0000000000a1',
        '40000000-0000-4000-8000-0000000000a5', '2026-01-20', '10:00', 45);
INSERT INTO expert_network.interview_team_assignments (interview_id, team_member_id)
VALUES ('50000000-0000-4000-8000-0000000000a1', '30000000-0000-4000-8000-0000000000a1'),
       ('50000000-0000-4000-8000-0000000000a5', '30000000-0000-4000-8000-0000000000a1'),
       ('50000000-0000-4000-8000-0000000000a2', '30000000-0000-4000-8000-0000000000a2');
SELECT expert_network.complete_interview('50000000-0000-4000-8000-0000000000a1') IS NOT NULL AS completed,
       expert_network.complete_interview('50000000-0000-4000-8000-0000000000a2') IS NOT NULL AS completed;
SELECT expert_network.rate_interview('50000000-0000-4000-8000-0000000000a1', 4.5, 4, 5, 4.5),
       expert_network.rate_interview('50000000-0000-4000-8000-0000000000a2', 3.5, 3);
-- costs: GLG's recruiting fee, AlphaSights' per-call fee, a subscription of no vendor
INSERT INTO expert_network.campaign_costs (campaign_id, vendor_platform_id, fee_type, amount_usd, units)
VALUES ('20000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000001', 'recruiting_fee', 1000, NULL),
       ('20000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000002', 'per_call', 500, 1),
       ('20000000-0000-4000-8000-0000000000a1', NULL, 'subscription', 300.50, NULL);

-- user_b: one campaign, GLG enrolled, one expert proposed, nothing else
SET expert_network.user_id = 'user_b';
INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date, target_completion_date,
                                      min_calls, max_calls)
VALUES ('20000000-0000-4000-8000-0000000000b1', 'B1 pricing', 'Software', '2026-01-05', '2026-02-27', 0, 0);
INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status, enrolled_at)
VALUES ('20000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-000000000001', 'enrolled', '2026-01-05 09:00+00');
INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title, created_at)
VALUES ('20000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-000000000001', 'Expert B', 'CTO',
        '2026-01-05 21:00+00');
INSERT INTO expert_network.team_members (name, designation) VALUES ('Zoe Lin', 'Analyst');

\x on
-- user_a's campaign dashboard: calls progress from the counters, pipeline,
-- team, vendors, cost 1,800.50 over 2 completed calls, average of 4.5 and 3.5
SET expert_network.user_id = 'user_a';
SELECT campaign_id, user_id, project_code, project_name, campaign_name, industry_vertical, target_regions, status,
       start_date, target_completion_date,
       days_remaining = target_completion_date - CURRENT_DATE AS days_remaining_from_today,
       min_calls, max_calls, completed_calls, scheduled_calls, progress_to_min, progress_to_max,
       experts_proposed, experts_reviewed, experts_scheduling, experts_scheduled, experts_completed,
       experts_rejected, experts_total, team_size, team_members, vendors_enrolled, vendors_pending,
       enrolled_vendors, cost_total_usd, cost_per_completed_call, rated_calls, average_rating,
       project_display_order, display_order
  FROM expert_network.campaign_dashboard
 ORDER BY project_display_order NULLS LAST, display_order, campaign_name;

-- user_a's vendor scorecard: GLG 2 of 4 reviewed, 1 rejected, 2 calls at
-- 500.00 each, first proposal 2 days after enrolling; AlphaSights 1 of 1,
-- no call yet (NULL per call), half a day; Guidepoint pending, no expert
SELECT * FROM expert_network.vendor_scorecard ORDER BY vendor_name;

-- user_a's team: Maya has both campaigns (A1 active), one call done and
-- one booked; Jonah one done; Priya nothing
SELECT name, designation, campaigns, active_campaigns, scheduled_calls, completed_calls,
       scheduled_minutes, completed_minutes, next_call_date
  FROM expert_network.team_workload ORDER BY name;
\x off

-- user_b sees only user_b's: min_calls and max_calls 0 (no progress ratio),
-- no completed call (no cost per call, no rating), a scorecard of 1 proposed
SET expert_network.user_id = 'user_b';
SELECT campaign_name, user_id, project_name, completed_calls, progress_to_min, progress_to_max, experts_total,
       team_size, team_members, vendors_enrolled, enrolled_vendors, cost_total_usd, cost_per_completed_call,
       rated_calls, average_rating
  FROM expert_network.campaign_dashboard;
SELECT user_id, vendor_name, campaigns, campaigns_enrolled, experts_proposed, experts_reviewed, experts_rejected,
       share_reviewed, share_rejected, calls_completed, average_rating, cost_total_usd, cost_per_completed_call,
       days_to_first_proposal
  FROM expert_network.vendor_scorecard;
SELECT name, campaigns, scheduled_calls, completed_calls, scheduled_minutes, next_call_date
  FROM expert_network.team_workload;

-- one campaign's row; another user's campaign is no row
SELECT campaign_name, experts_total FROM expert_network.campaign_dashboard
 WHERE campaign_id = '20000000-0000-4000-8000-0000000000b1';
SELECT count(*) AS other_users_campaign FROM expert_network.campaign_dashboard
 WHERE campaign_id = '20000000-0000-4000-8000-0000000000a1';

-- no identity: no rows
RESET expert_network.user_id;
SELECT (SELECT count(*) FROM expert_network.campaign_dashboard) AS campaigns,
       (SELECT count(*) FROM expert_network.vendor_scorecard) AS vendors,
       (SELECT count(*) FROM expert_network.team_workload) AS members;

-- the counters move the dashboard: the booked call cancelled
SET expert_network.user_id = 'user_a';
SELECT expert_network.cancel_interview('50000000-0000-4000-8000-0000000000a5');
SELECT campaign_name, completed_calls, scheduled_calls, progress_to_min, cost_per_completed_call
  FROM expert_network.campaign_dashboard WHERE campaign_name = 'A1 buyers';

-- the views are read, not written, at every level
INSERT INTO expert_network.campaign_dashboard (campaign_name) VALUES ('x');
\echo :LAST_ERROR_SQLSTATE
DELETE FROM expert_network.vendor_scorecard;
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.team_workload SET name = 'x';
\echo :LAST_ERROR_SQLSTATE
SET ROLE regress_dash_ro;
SELECT count(*) AS readonly_sees FROM expert_network.campaign_dashboard;
RESET ROLE;
SELECT r AS role, v AS view,
       has_table_privilege(r, 'expert_network.' || v, 'SELECT') AS can_select,
       has_table_privilege(r, 'expert_network.' || v, 'INSERT, UPDATE, DELETE') AS can_write
  FROM unnest(ARRAY['regress_dash_app', 'regress_dash_ro']) AS r,
       unnest(ARRAY['campaign_dashboard', 'vendor_scorecard', 'team_workload']) AS v
 ORDER BY 1, 2;
SELECT relname, reloptions FROM pg_class
 WHERE relnamespace = 'expert_network'::regnamespace AND relkind = 'v' ORDER BY relname;

-- a superuser bypasses row-level security and sees both users; a filter on
-- user_id gives one user's rows, as that user sees them
RESET expert_network.user_id;
SELECT user_id, count(*) AS campaigns FROM expert_network.campaign_dashboard GROUP BY user_id ORDER BY user_id;
SELECT vendor_name, experts_proposed, share_reviewed FROM expert_network.vendor_scorecard
 WHERE user_id = 'user_b';

-- leave the database as the next test expects it
SELECT sum(deleted) > 0 AS erased FROM expert_network.delete_user_data('user_a');
SELECT sum(deleted) > 0 AS erased FROM expert_network.delete_user_data('user_b');
SELECT expert_network.revoke_access('regress_dash_app');
SELECT expert_network.revoke_access('regress_dash_ro');
DROP ROLE regress_dash_app;
DROP ROLE regress_dash_ro;
