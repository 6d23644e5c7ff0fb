/*
 * demo/sample.sql — a small, realistic data set for expert_network.
 *
 * Load into a database where `CREATE EXTENSION expert_network` has been run:
 *
 *     psql -X -v ON_ERROR_STOP=1 -f demo/sample.sql
 *
 * One consultant (BetterAuth user 'user_demo_1') runs Project Atlas, a
 * commercial due diligence on a mid-market industrial-automation company, with
 * two expert-call campaigns: end-customer buyers in North America and
 * distributor channel checks in Europe.  The story stands on Friday
 * 27 September 2024: four calls are done, three are booked, one was cancelled.
 *
 * Every one of the extension's 19 tables gets at least one row (the dump and
 * restore test uses this file).  People and companies are fictional; vendors
 * are the shipped catalog rows, referenced by their fixed ids:
 *   ...0001 GLG   ...0002 AlphaSights   ...0003 Guidepoint   ...0004 Third Bridge
 *   ...0006 Dialectica   ...0009 Atheneum
 * plus one vendor the team added to the catalog (Hartwell Experts,
 * fictional), so that vendor_platforms has a row of its own to dump.
 *
 * Fixed ids, readable by their first digit:
 *   1... projects        2... campaigns         3... team members   a... vendors
 *   4... enrollments     5... experts           6... screening questions
 *   61.. responses       7... interviews        71.. completed interviews
 *   8... chat session    81.. messages  82.. activities  83.. sources
 *   84.. answer sections 9... campaign costs
 * Screening question ids carry the campaign and the outline: ...0000000103 is
 * campaign 1, third row of its screener.
 */

SET client_encoding = 'UTF8';

BEGIN;
-- as an application does: the user whose rows these are, for this transaction
SET LOCAL expert_network.user_id = 'user_demo_1';

/* ------------------------------------------------------------------------
 * Project and campaigns
 * ------------------------------------------------------------------------ */

INSERT INTO expert_network.projects
    (id, user_id, project_code, project_name, description, display_order, created_at, updated_at)
VALUES
('10000000-0000-4000-8000-000000000001', 'user_demo_1', 'ATL-24', 'Project Atlas',
 'Commercial due diligence for a mid-market private equity fund on a $180M-revenue maker of '
 'motion-control drives and machine-vision modules for packaging, food & beverage and '
 'automotive-parts plants. Key questions: share of wallet with top customers, switching costs, '
 'channel health in Europe, pricing power against the large automation vendors.',
 0, '2024-09-09 14:12:00+00', '2024-09-09 14:12:00+00');

-- Call counters start at zero and are set from the interviews at the end.
INSERT INTO expert_network.campaigns
    (id, user_id, project_id, campaign_name, industry_vertical, custom_industry,
     brief_description, expanded_description, start_date, target_completion_date,
     target_regions, min_calls, max_calls, status, display_order, created_at, updated_at)
VALUES
('20000000-0000-4000-8000-000000000001', 'user_demo_1', '10000000-0000-4000-8000-000000000001',
 'Factory automation buyers — North America', 'Industrial Automation', NULL,
 'Plant and engineering leaders who buy motion control and machine vision.',
 'Interview controls engineers, plant managers and automation buyers at packaging, food & '
 'beverage and automotive-parts plants in the US and Canada. Test the target''s reputation on '
 'reliability and support, how suppliers get short-listed, the cost of switching away from an '
 'installed base, and expected automation spend over 2025-2027.',
 '2024-09-16', '2024-10-18', ARRAY['North America'], 8, 12, 'active', 0,
 '2024-09-10 09:30:00+00', '2024-09-10 09:30:00+00'),
('20000000-0000-4000-8000-000000000002', 'user_demo_1', '10000000-0000-4000-8000-000000000001',
 'Distributor channel checks — Europe', 'Industrial Distribution', 'Automation components distribution',
 'Owners and product managers at automation distributors in DACH, Italy and Benelux.',
 'Check the target''s standing with the distributors that carry its drives in Europe: sell-through '
 'trends, stock levels, margin and rebate programmes, and whether distributors are shifting '
 'shelf space towards competing lines.',
 '2024-09-23', '2024-10-25', ARRAY['Europe'], 4, 6, 'active', 1,
 '2024-09-12 16:05:00+00', '2024-09-12 16:05:00+00');

/* ------------------------------------------------------------------------
 * Team
 * ------------------------------------------------------------------------ */

INSERT INTO expert_network.team_members (id, user_id, name, email, designation, created_at) VALUES
('30000000-0000-4000-8000-000000000001', 'user_demo_1', 'Maya Reyes',   'maya.reyes@example.com',   'Engagement Manager', '2024-09-09 14:20:00+00'),
('30000000-0000-4000-8000-000000000002', 'user_demo_1', 'Jonah Okafor', 'jonah.okafor@example.com', 'Associate',          '2024-09-09 14:21:00+00'),
('30000000-0000-4000-8000-000000000003', 'user_demo_1', 'Priya Shah',   'priya.shah@example.com',   'Senior Consultant',  '2024-09-09 14:21:00+00'),
('30000000-0000-4000-8000-000000000004', 'user_demo_1', 'Lukas Brandt', 'lukas.brandt@example.com', 'Consultant',         '2024-09-12 16:10:00+00');

INSERT INTO expert_network.campaign_team_assignments (campaign_id, team_member_id, assigned_at) VALUES
('20000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000001', '2024-09-10 09:35:00+00'),
('20000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000002', '2024-09-10 09:35:00+00'),
('20000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000003', '2024-09-10 09:36:00+00'),
('20000000-0000-4000-8000-000000000002', '30000000-0000-4000-8000-000000000001', '2024-09-12 16:11:00+00'),
('20000000-0000-4000-8000-000000000002', '30000000-0000-4000-8000-000000000004', '2024-09-12 16:11:00+00');

/* ------------------------------------------------------------------------
 * Vendors: the shipped catalog, plus one boutique network the team added
 * (an id outside the shipped range, so pg_dump keeps it)
 * ------------------------------------------------------------------------ */

INSERT INTO expert_network.vendor_platforms
    (id, name, location, overall_score, avg_cost_per_call_min, avg_cost_per_call_max,
     description, tags, is_active, created_at, updated_at)
VALUES
('a0000000-0000-4000-8000-000000000001', 'Hartwell Experts', 'Cleveland, OH, USA',
 4.2, 600, 900,
 'Boutique network of former plant, maintenance and engineering leaders in North American manufacturing.',
 ARRAY['calls', 'industrial', 'boutique'], true, '2024-09-19 15:00:00+00', '2024-09-19 15:00:00+00');

/* ------------------------------------------------------------------------
 * Vendor enrollments
 * ------------------------------------------------------------------------ */

INSERT INTO expert_network.campaign_vendor_enrollments
    (id, campaign_id, vendor_platform_id, status, enrolled_at,
     account_manager_name, account_manager_email, notes, created_at, updated_at)
VALUES
-- North America buyers
('40000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001',
 '00000000-0000-4000-8000-000000000001', 'enrolled', '2024-09-11 15:00:00+00',
 'Hannah Price', 'hannah.price@example.com', 'Rush recruiting for the first five calls',
 '2024-09-10 10:00:00+00', '2024-09-11 15:00:00+00'),
('40000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000001',
 '00000000-0000-4000-8000-000000000002', 'enrolled', '2024-09-12 13:30:00+00',
 'Oliver Grant', 'oliver.grant@example.com', NULL,
 '2024-09-10 10:00:00+00', '2024-09-12 13:30:00+00'),
('40000000-0000-4000-8000-000000000009', '20000000-0000-4000-8000-000000000001',
 'a0000000-0000-4000-8000-000000000001', 'enrolled', '2024-09-20 14:00:00+00',
 'Dana Whitfield', 'dana.whitfield@example.com', 'Pilot: maintenance and reliability profiles',
 '2024-09-19 15:05:00+00', '2024-09-20 14:00:00+00'),
('40000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000001',
 '00000000-0000-4000-8000-000000000004', 'pending', NULL,
 NULL, NULL, 'Waiting on legal for the MSA',
 '2024-09-10 10:01:00+00', '2024-09-10 10:01:00+00'),
('40000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000001',
 '00000000-0000-4000-8000-000000000003', 'not_enrolled', NULL,
 NULL, NULL, 'Advising another bidder',
 '2024-09-10 10:01:00+00', '2024-09-10 10:01:00+00'),
-- Europe distributors
('40000000-0000-4000-8000-000000000005', '20000000-0000-4000-8000-000000000002',
 '00000000-0000-4000-8000-000000000002', 'enrolled', '2024-09-16 08:45:00+00',
 'Sophie Laurent', 'sophie.laurent@example.com', 'German- and Italian-speaking recruiters',
 '2024-09-12 16:20:00+00', '2024-09-16 08:45:00+00'),
('40000000-0000-4000-8000-000000000006', '20000000-0000-4000-8000-000000000002',
 '00000000-0000-4000-8000-000000000006', 'enrolled', '2024-09-17 11:10:00+00',
 'Nikos Andreou', 'nikos.andreou@example.com', 'Strong in Southern Europe',
 '2024-09-12 16:20:00+00', '2024-09-17 11:10:00+00'),
('40000000-0000-4000-8000-000000000007', '20000000-0000-4000-8000-000000000002',
 '00000000-0000-4000-8000-000000000009', 'pending', NULL,
 NULL, NULL, 'Comparing per-call rates',
 '2024-09-12 16:21:00+00', '2024-09-12 16:21:00+00'),
('40000000-0000-4000-8000-000000000008', '20000000-0000-4000-8000-000000000002',
 '00000000-0000-4000-8000-000000000001', 'not_enrolled', NULL,
 NULL, NULL, 'Covered by other vendors',
 '2024-09-12 16:21:00+00', '2024-09-12 16:21:00+00');

/* ------------------------------------------------------------------------
 * Screeners: top-level questions and sub-questions (parent_question_id),
 * display_order among siblings
 * ------------------------------------------------------------------------ */

INSERT INTO expert_network.screening_questions
    (id, campaign_id, parent_question_id, question_text, question_type, options, display_order, created_at, updated_at)
VALUES
-- North America buyers
('60000000-0000-4000-8000-000000000101', '20000000-0000-4000-8000-000000000001', NULL,
 'What is your role in selecting motion-control or machine-vision suppliers for your plant?',
 'multiple-choice', '["Final decision maker", "Part of the selection team", "User / specifier only", "No involvement"]',
 1, '2024-09-10 11:00:00+00', '2024-09-10 11:00:00+00'),
('60000000-0000-4000-8000-000000000102', '20000000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-000000000101',
 'Which suppliers were on your last short list, and who won?',
 'text', NULL, 1, '2024-09-10 11:02:00+00', '2024-09-10 11:02:00+00'),
('60000000-0000-4000-8000-000000000103', '20000000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-000000000101',
 'Roughly how much did your site spend on automation hardware over the last three years?',
 'multiple-choice', '["Under $250k", "$250k-$1M", "$1M-$5M", "Over $5M"]',
 2, '2024-09-10 11:03:00+00', '2024-09-10 11:03:00+00'),
('60000000-0000-4000-8000-000000000104', '20000000-0000-4000-8000-000000000001', NULL,
 'How many production lines at your site run servo drives or vision inspection today?',
 'text', NULL, 2, '2024-09-10 11:05:00+00', '2024-09-10 11:05:00+00'),
('60000000-0000-4000-8000-000000000105', '20000000-0000-4000-8000-000000000001', NULL,
 'How familiar are you with the target''s drives and vision modules?',
 'rating', '{"min": 1, "max": 5, "labels": ["Never heard of it", "Use them every day"]}',
 3, '2024-09-10 11:06:00+00', '2024-09-10 11:06:00+00'),
('60000000-0000-4000-8000-000000000106', '20000000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-000000000105',
 'If you use them: how do they compare with your other suppliers on reliability and price?',
 'text', NULL, 1, '2024-09-10 11:07:00+00', '2024-09-10 11:07:00+00'),
('60000000-0000-4000-8000-000000000107', '20000000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-000000000105',
 'What would it take for your plant to switch away from them?',
 'text', NULL, 2, '2024-09-10 11:08:00+00', '2024-09-10 11:08:00+00'),
-- Europe distributors
('60000000-0000-4000-8000-000000000201', '20000000-0000-4000-8000-000000000002', NULL,
 'Which automation product lines does your company distribute?',
 'text', NULL, 1, '2024-09-13 09:00:00+00', '2024-09-13 09:00:00+00'),
('60000000-0000-4000-8000-000000000202', '20000000-0000-4000-8000-000000000002', '60000000-0000-4000-8000-000000000201',
 'What share of your revenue comes from drives and motion control?',
 'multiple-choice', '["Under 10%", "10-25%", "25-50%", "Over 50%"]',
 1, '2024-09-13 09:02:00+00', '2024-09-13 09:02:00+00'),
('60000000-0000-4000-8000-000000000203', '20000000-0000-4000-8000-000000000002', NULL,
 'How many years have you worked in industrial distribution?',
 'multiple-choice', '["Less than 3", "3-10", "More than 10"]',
 2, '2024-09-13 09:04:00+00', '2024-09-13 09:04:00+00'),
('60000000-0000-4000-8000-000000000204', '20000000-0000-4000-8000-000000000002', NULL,
 'How would you rate the target''s support for distributors compared with other suppliers?',
 'rating', '{"min": 1, "max": 5}',
 3, '2024-09-13 09:05:00+00', '2024-09-13 09:05:00+00'),
('60000000-0000-4000-8000-000000000205', '20000000-0000-4000-8000-000000000002', '60000000-0000-4000-8000-000000000204',
 'Which programmes matter most to you: rebates, training, stock rotation, co-marketing?',
 'text', NULL, 1, '2024-09-13 09:06:00+00', '2024-09-13 09:06:00+00'),
('60000000-0000-4000-8000-000000000206', '20000000-0000-4000-8000-000000000002', '60000000-0000-4000-8000-000000000204',
 'Have you moved shelf space towards or away from the target in the last 12 months?',
 'text', NULL, 2, '2024-09-13 09:07:00+00', '2024-09-13 09:07:00+00');

/* ------------------------------------------------------------------------
 * Experts proposed by the enrolled vendors
 * ------------------------------------------------------------------------ */

INSERT INTO expert_network.experts
    (id, campaign_id, vendor_platform_id, name, title, company, description, work_history,
     skills, rating, ai_fit_score, status, is_new, created_at, updated_at, reviewed_at)
VALUES
-- North America buyers
('50000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001',
 'Daniel Whitaker', 'VP Manufacturing Engineering', 'Harlan Packaging',
 'Runs engineering for 14 packaging lines across three US plants; signs off on all drive and vision purchases.',
 'Harlan Packaging, VP Manufacturing Engineering (2019-present); Plant Engineering Manager (2013-2019).',
 ARRAY['servo drives', 'packaging lines', 'capex planning'], 4.5, 9, 'completed', false,
 '2024-09-12 18:00:00+00', '2024-09-18 16:10:00+00', '2024-09-13 14:00:00+00'),
('50000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002',
 'Sandra Kowalski', 'Director of Controls Engineering', 'Brightwater Beverage',
 'Owns the controls standard for 9 bottling sites; led a 2023 vision-inspection retrofit.',
 'Brightwater Beverage, Director of Controls Engineering (2018-present); controls integrator (2010-2018).',
 ARRAY['PLC standards', 'machine vision', 'food & beverage'], 4.0, 8, 'completed', false,
 '2024-09-13 15:20:00+00', '2024-09-19 19:00:00+00', '2024-09-13 17:30:00+00'),
('50000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001',
 'Marcus Bell', 'Former Plant Manager', 'Ridgeview Automotive',
 'Managed a 600-person stamping and assembly plant until 2024; oversaw a full line re-automation.',
 'Ridgeview Automotive Components, Plant Manager (2016-2024); Operations Manager (2011-2016).',
 ARRAY['automotive parts', 'line automation', 'operations'], 3.5, 7, 'completed', false,
 '2024-09-13 20:45:00+00', '2024-09-24 16:45:00+00', '2024-09-16 13:00:00+00'),
('50000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001',
 'Elena Vasquez', 'Head of Automation Procurement', 'Summit Consumer Products',
 'Category lead for automation hardware across North American plants; runs the annual supplier review.',
 'Summit Consumer Products, Head of Automation Procurement (2020-present); Senior Buyer, MRO (2015-2020).',
 ARRAY['procurement', 'supplier negotiation', 'consumer goods'], NULL, 9, 'scheduled', false,
 '2024-09-17 14:00:00+00', '2024-09-23 15:30:00+00', '2024-09-18 12:00:00+00'),
('50000000-0000-4000-8000-000000000005', '20000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002',
 'Thomas Greer', 'Senior Automation Engineer', 'Lakeshore Pharma',
 'Specifies motion and vision components for blister-packing and labelling lines.',
 'Lakeshore Pharma Manufacturing, Senior Automation Engineer (2017-present).',
 ARRAY['pharma packaging', 'motion control', 'validation'], NULL, 7, 'scheduled', false,
 '2024-09-18 16:30:00+00', '2024-09-26 14:00:00+00', '2024-09-19 10:00:00+00'),
('50000000-0000-4000-8000-000000000006', '20000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002',
 'Greg Hollis', 'Former Regional Sales Director', 'Vantor Drives',
 'Sold a competitor''s drives into the Midwest until 2023; rejected as a conflict.',
 'Vantor Drives, Regional Sales Director (2015-2023).',
 ARRAY['drive sales', 'channel'], NULL, 4, 'rejected', false,
 '2024-09-18 16:30:00+00', '2024-09-19 10:05:00+00', '2024-09-19 10:05:00+00'),
('50000000-0000-4000-8000-000000000007', '20000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001',
 'Nadia Fournier', 'Reliability Manager', 'Laurentian Paperboard',
 'Runs maintenance for two converting plants in Quebec and Ontario; tracks drive failure rates.',
 'Laurentian Paperboard, Reliability Manager (2019-present).',
 ARRAY['reliability', 'maintenance', 'paper & packaging'], NULL, 8, 'reviewed', false,
 '2024-09-24 13:00:00+00', '2024-09-25 09:00:00+00', '2024-09-25 09:00:00+00'),
-- Europe distributors
('50000000-0000-4000-8000-000000000008', '20000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000002',
 'Katrin Vogel', 'Managing Director', 'Rheinland Antriebstechnik',
 'Owner-manager of a 40-person distributor of drives and sensors in North Rhine-Westphalia.',
 'Rheinland Antriebstechnik Vertrieb, Managing Director (2012-present).',
 ARRAY['distribution', 'drives', 'DACH'], 5.0, 9, 'completed', false,
 '2024-09-18 09:00:00+00', '2024-09-25 09:20:00+00', '2024-09-18 15:00:00+00'),
('50000000-0000-4000-8000-000000000009', '20000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000006',
 'Luca Ferrante', 'Head of Product Management', 'Nord Italia Componenti',
 'Manages supplier lines and stocking for a distributor with 12 branches in Northern Italy.',
 'Nord Italia Componenti Industriali, Head of Product Management (2020-present).',
 ARRAY['product management', 'distribution', 'Italy'], NULL, 8, 'scheduling', false,
 '2024-09-20 10:30:00+00', '2024-09-26 08:00:00+00', '2024-09-23 08:30:00+00'),
('50000000-0000-4000-8000-000000000010', '20000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000006',
 'Pieter de Wit', 'Former Purchasing Director', 'Lage Landen Techniek',
 'Bought drives and PLCs for a Benelux distributor until 2024.',
 'Lage Landen Techniek, Purchasing Director (2014-2024).',
 ARRAY['purchasing', 'Benelux'], NULL, 6, 'proposed', true,
 '2024-09-26 15:40:00+00', '2024-09-26 15:40:00+00', NULL);

INSERT INTO expert_network.expert_screening_responses (id, expert_id, screening_question_id, response_text, created_at) VALUES
('61000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-000000000101',
 'Final decision maker', '2024-09-12 18:00:00+00'),
('61000000-0000-4000-8000-000000000002', '50000000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-000000000102',
 'The target, one large automation vendor and a local integrator''s house brand; the target won on lead time.', '2024-09-12 18:00:00+00'),
('61000000-0000-4000-8000-000000000003', '50000000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-000000000105',
 '5', '2024-09-12 18:00:00+00'),
('61000000-0000-4000-8000-000000000004', '50000000-0000-4000-8000-000000000002', '60000000-0000-4000-8000-000000000101',
 'Part of the selection team', '2024-09-13 15:20:00+00'),
('61000000-0000-4000-8000-000000000005', '50000000-0000-4000-8000-000000000002', '60000000-0000-4000-8000-000000000105',
 '4', '2024-09-13 15:20:00+00'),
('61000000-0000-4000-8000-000000000006', '50000000-0000-4000-8000-000000000006', '60000000-0000-4000-8000-000000000101',
 'No involvement', '2024-09-18 16:30:00+00'),
('61000000-0000-4000-8000-000000000007', '50000000-0000-4000-8000-000000000008', '60000000-0000-4000-8000-000000000201',
 'Servo and frequency drives, sensors, two vision brands including the target''s.', '2024-09-18 09:00:00+00'),
('61000000-0000-4000-8000-000000000008', '50000000-0000-4000-8000-000000000008', '60000000-0000-4000-8000-000000000202',
 '25-50%', '2024-09-18 09:00:00+00'),
('61000000-0000-4000-8000-000000000009', '50000000-0000-4000-8000-000000000008', '60000000-0000-4000-8000-000000000204',
 '4', '2024-09-18 09:00:00+00');

/* ------------------------------------------------------------------------
 * Interviews: three done, one cancelled and re-booked, three to come
 * ------------------------------------------------------------------------ */

INSERT INTO expert_network.interviews
    (id, campaign_id, expert_id, scheduled_date, scheduled_time, duration_minutes, timezone,
     status, color_tag, created_at, updated_at, completed_at, cancelled_at)
VALUES
('70000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000001',
 '2024-09-18', '10:00', 60, 'America/Chicago', 'completed', 'blue',
 '2024-09-13 14:30:00+00', '2024-09-18 16:05:00+00', '2024-09-18 16:02:00+00', NULL),
('70000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000002',
 '2024-09-19', '14:00', 45, 'America/New_York', 'completed', 'blue',
 '2024-09-16 12:00:00+00', '2024-09-19 18:50:00+00', '2024-09-19 18:47:00+00', NULL),
('70000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000003',
 '2024-09-24', '11:30', 60, 'America/Detroit', 'completed', 'blue',
 '2024-09-17 13:15:00+00', '2024-09-24 16:30:00+00', '2024-09-24 16:28:00+00', NULL),
('70000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000004',
 '2024-09-30', '13:00', 60, 'America/Chicago', 'confirmed', 'green',
 '2024-09-23 15:30:00+00', '2024-09-24 09:00:00+00', NULL, NULL),
('70000000-0000-4000-8000-000000000005', '20000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000005',
 '2024-09-26', '09:00', 45, 'America/Los_Angeles', 'cancelled', 'gray',
 '2024-09-19 17:00:00+00', '2024-09-25 21:10:00+00', NULL, '2024-09-25 21:10:00+00'),
('70000000-0000-4000-8000-000000000006', '20000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000005',
 '2024-10-02', '09:00', 45, 'America/Los_Angeles', 'scheduled', 'green',
 '2024-09-26 14:00:00+00', '2024-09-26 14:00:00+00', NULL, NULL),
('70000000-0000-4000-8000-000000000007', '20000000-0000-4000-8000-000000000002', '50000000-0000-4000-8000-000000000008',
 '2024-09-25', '10:00', 60, 'Europe/Berlin', 'completed', 'purple',
 '2024-09-19 08:00:00+00', '2024-09-25 09:15:00+00', '2024-09-25 09:05:00+00', NULL),
('70000000-0000-4000-8000-000000000008', '20000000-0000-4000-8000-000000000002', '50000000-0000-4000-8000-000000000009',
 '2024-10-03', '15:00', 45, 'Europe/Rome', 'pending', 'yellow',
 '2024-09-26 08:00:00+00', '2024-09-26 08:00:00+00', NULL, NULL);

INSERT INTO expert_network.interview_team_assignments (interview_id, team_member_id) VALUES
('70000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000001'),
('70000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000002'),
('70000000-0000-4000-8000-000000000002', '30000000-0000-4000-8000-000000000002'),
('70000000-0000-4000-8000-000000000003', '30000000-0000-4000-8000-000000000001'),
('70000000-0000-4000-8000-000000000003', '30000000-0000-4000-8000-000000000003'),
('70000000-0000-4000-8000-000000000004', '30000000-0000-4000-8000-000000000002'),
('70000000-0000-4000-8000-000000000005', '30000000-0000-4000-8000-000000000003'),
('70000000-0000-4000-8000-000000000006', '30000000-0000-4000-8000-000000000003'),
('70000000-0000-4000-8000-000000000007', '30000000-0000-4000-8000-000000000004'),
('70000000-0000-4000-8000-000000000008', '30000000-0000-4000-8000-000000000004'),
('70000000-0000-4000-8000-000000000008', '30000000-0000-4000-8000-000000000001');

INSERT INTO expert_network.completed_interviews
    (id, interview_id, campaign_id, expert_id, interview_date, interview_time, duration,
     transcript_url, transcript_available, recording_url, notes,
     rating, relevance_rating, expertise_rating, communication_rating, review_text, completed_at, rated_at)
VALUES
('71000000-0000-4000-8000-000000000001', '70000000-0000-4000-8000-000000000001',
 '20000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000001',
 '2024-09-18', '10:00 AM CDT', '62 min',
 'https://transcripts.example.com/atlas/ATL-24-NA-01.pdf', true, NULL,
 'Standardised on the target''s servo drives in 2021; switching would mean re-validating 14 lines. Price rises of 6-8% a year accepted so far.',
 4.5, 5.0, 4.5, 4.0, 'Exactly the buyer profile we need; very concrete on switching costs.',
 '2024-09-18 16:02:00+00', '2024-09-18 17:30:00+00'),
('71000000-0000-4000-8000-000000000002', '70000000-0000-4000-8000-000000000002',
 '20000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000002',
 '2024-09-19', '2:00 PM EDT', '47 min',
 'https://transcripts.example.com/atlas/ATL-24-NA-02.pdf', true, NULL,
 'Uses the target for vision only; drives come from a large vendor under a corporate framework agreement.',
 4.0, 4.0, 4.5, 4.0, 'Good on vision, less relevant on drives.',
 '2024-09-19 18:47:00+00', '2024-09-20 13:00:00+00'),
('71000000-0000-4000-8000-000000000003', '70000000-0000-4000-8000-000000000003',
 '20000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000003',
 '2024-09-24', '11:30 AM EDT', '58 min',
 NULL, false, 'https://recordings.example.com/atlas/ATL-24-NA-03.m4a',
 'Left the plant in March; views on 2025 budgets are second-hand. Useful history of the 2019 re-automation.',
 3.5, 3.0, 4.0, 4.0, 'Dated; would not book again for budget questions.',
 '2024-09-24 16:28:00+00', '2024-09-24 18:00:00+00'),
('71000000-0000-4000-8000-000000000004', '70000000-0000-4000-8000-000000000007',
 '20000000-0000-4000-8000-000000000002', '50000000-0000-4000-8000-000000000008',
 '2024-09-25', '10:00 CEST', '65 min',
 'https://transcripts.example.com/atlas/ATL-24-EU-01.pdf', true, NULL,
 'Sell-through of the target''s drives up mid-single digits; stock levels normal. Rebate programme seen as generous but paperwork-heavy.',
 5.0, 5.0, 5.0, 4.5, 'Outstanding; ask her for introductions to two peers.',
 '2024-09-25 09:05:00+00', '2024-09-25 12:00:00+00')
-- from 0.4.0 on, completing an interview creates its record: fill it in
ON CONFLICT (interview_id) DO UPDATE SET
    id = EXCLUDED.id, interview_date = EXCLUDED.interview_date,
    interview_time = EXCLUDED.interview_time, duration = EXCLUDED.duration,
    transcript_url = EXCLUDED.transcript_url, transcript_available = EXCLUDED.transcript_available,
    recording_url = EXCLUDED.recording_url, notes = EXCLUDED.notes,
    rating = EXCLUDED.rating, relevance_rating = EXCLUDED.relevance_rating,
    expertise_rating = EXCLUDED.expertise_rating, communication_rating = EXCLUDED.communication_rating,
    review_text = EXCLUDED.review_text, completed_at = EXCLUDED.completed_at, rated_at = EXCLUDED.rated_at;

/* ------------------------------------------------------------------------
 * Research assistant session
 * ------------------------------------------------------------------------ */

INSERT INTO expert_network.chat_sessions (id, user_id, campaign_id, title, created_at, updated_at) VALUES
('80000000-0000-4000-8000-000000000001', 'user_demo_1', '20000000-0000-4000-8000-000000000001',
 'Atlas: what buyers say about switching costs', '2024-09-25 14:00:00+00', '2024-09-25 14:03:10+00');

INSERT INTO expert_network.chat_messages (id, chat_session_id, role, content, created_at) VALUES
('81000000-0000-4000-8000-000000000001', '80000000-0000-4000-8000-000000000001', 'user',
 'Summarise what the completed buyer calls say about the cost of switching away from the target.',
 '2024-09-25 14:00:00+00'),
('81000000-0000-4000-8000-000000000002', '80000000-0000-4000-8000-000000000001', 'assistant',
 'Two of three buyers describe high switching costs: re-validating lines and retraining maintenance staff. The vision-only customer could switch within a budget cycle.',
 '2024-09-25 14:01:30+00'),
('81000000-0000-4000-8000-000000000003', '80000000-0000-4000-8000-000000000001', 'user',
 'Which questions should we add for the next calls?',
 '2024-09-25 14:02:40+00'),
('81000000-0000-4000-8000-000000000004', '80000000-0000-4000-8000-000000000001', 'assistant',
 'Ask for the number of lines that would need re-validation, and whether a price rise above 10% would trigger a tender.',
 '2024-09-25 14:03:10+00');

INSERT INTO expert_network.research_activities
    (id, chat_session_id, activity_name, status, confidence, result_data, created_at, completed_at)
VALUES
('82000000-0000-4000-8000-000000000001', '80000000-0000-4000-8000-000000000001',
 'Read three interview transcripts', 'completed', 85,
 '{"interviews": 3, "quotes_extracted": 11, "themes": ["re-validation effort", "lead times", "price increases"]}',
 '2024-09-25 14:00:05+00', '2024-09-25 14:01:20+00'),
('82000000-0000-4000-8000-000000000002', '80000000-0000-4000-8000-000000000001',
 'Compare with screener answers', 'completed', 70,
 '{"experts": 2, "agrees_with_calls": true}',
 '2024-09-25 14:00:06+00', '2024-09-25 14:01:25+00'),
('82000000-0000-4000-8000-000000000003', '80000000-0000-4000-8000-000000000001',
 'Draft follow-up questions', 'processing', NULL, NULL,
 '2024-09-25 14:02:45+00', NULL);

INSERT INTO expert_network.research_sources
    (id, chat_session_id, source_name, source_type, status, size_text, url, content_preview, metadata, created_at)
VALUES
('83000000-0000-4000-8000-000000000001', '80000000-0000-4000-8000-000000000001',
 'Call transcript: VP Manufacturing Engineering, packaging OEM', 'Document', 'scraped', '42 KB',
 'https://transcripts.example.com/atlas/ATL-24-NA-01.pdf',
 'We standardised on their servo drives in 2021. Moving off them means re-validating fourteen lines...',
 '{"interview_id": "70000000-0000-4000-8000-000000000001", "pages": 11}',
 '2024-09-25 14:00:05+00'),
('83000000-0000-4000-8000-000000000002', '80000000-0000-4000-8000-000000000001',
 'Call transcript: Director of Controls Engineering, beverage', 'Document', 'scraped', '35 KB',
 'https://transcripts.example.com/atlas/ATL-24-NA-02.pdf',
 'For vision we went with them after a bake-off; drives are under the corporate agreement...',
 '{"interview_id": "70000000-0000-4000-8000-000000000002", "pages": 9}',
 '2024-09-25 14:00:05+00'),
('83000000-0000-4000-8000-000000000003', '80000000-0000-4000-8000-000000000001',
 'Call recording: Former Plant Manager, automotive parts', 'Audio', 'failed', '54 MB',
 'https://recordings.example.com/atlas/ATL-24-NA-03.m4a', NULL,
 '{"error": "no transcript yet"}',
 '2024-09-25 14:00:06+00');

INSERT INTO expert_network.answer_sections (id, chat_session_id, title, content, display_order, created_at) VALUES
('84000000-0000-4000-8000-000000000001', '80000000-0000-4000-8000-000000000001',
 'Switching costs are high where drives are installed',
 'Buyers with the target''s drives on several lines cite re-validation (weeks per line) and retraining as the main barriers.',
 1, '2024-09-25 14:01:30+00'),
('84000000-0000-4000-8000-000000000002', '80000000-0000-4000-8000-000000000001',
 'Vision-only customers are at risk',
 'Where the target supplies only vision modules, buyers could move within one budget cycle if a framework supplier offered a bundle.',
 2, '2024-09-25 14:01:30+00');

/* ------------------------------------------------------------------------
 * UI preferences and costs
 * ------------------------------------------------------------------------ */

INSERT INTO expert_network.user_ui_preferences
    (user_id, column_widths, panel_sizing, theme, expanded_projects, updated_at)
VALUES
('user_demo_1',
 '{"dragHandle": 16, "campaignName": 420, "industry": 180, "timeline": 250, "targetRegions": 240,
   "divider": 1, "callsProgress": 220, "status": 96, "cost": 96, "team": 96, "delete": 32}',
 '{"chatWidth": 420, "answerWidth": 640, "topHeight": 300, "activitiesWidth": 280, "sourcesWidth": 300}',
 'dark', ARRAY['10000000-0000-4000-8000-000000000001'], '2024-09-25 14:05:00+00');

INSERT INTO expert_network.campaign_costs
    (id, campaign_id, vendor_platform_id, fee_type, amount_usd, units, memo, invoice_date, created_at, updated_at)
VALUES
('90000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001',
 'per_call', 2500.00, 2, 'Calls with D. Whitaker and M. Bell', '2024-09-30',
 '2024-09-24 18:00:00+00', '2024-09-24 18:00:00+00'),
('90000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001',
 'recruiting_fee', 750.00, NULL, 'Rush recruiting, first five calls', '2024-09-30',
 '2024-09-24 18:00:00+00', '2024-09-24 18:00:00+00'),
('90000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002',
 'per_call', 1150.00, 1, 'Call with S. Kowalski', '2024-09-27',
 '2024-09-20 12:00:00+00', '2024-09-20 12:00:00+00'),
('90000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000002',
 'per_call', 1275.00, 1, 'Call with K. Vogel (65 min)', '2024-09-30',
 '2024-09-25 12:00:00+00', '2024-09-25 12:00:00+00'),
('90000000-0000-4000-8000-000000000005', '20000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000006',
 'subscription', 400.00, 1, 'Monthly platform access, October', '2024-10-01',
 '2024-09-17 11:15:00+00', '2024-09-17 11:15:00+00');

-- campaigns.scheduled_calls and completed_calls count themselves (0.3.0)

COMMIT;
