-- hostile_input: every SQL-callable function with NULLs, unknown ids,
-- absurd sizes and malformed values fails with a clear error and a
-- documented SQLSTATE, or returns its documented empty result; the server
-- keeps running and nothing is half-written
\set VERBOSITY terse
SET expert_network.user_id = 'user_1';

-- NULLs: STRICT functions return nothing, the others say which argument
SELECT count(*) AS rows FROM expert_network.allowed_transitions(NULL, 'draft');
SELECT count(*) AS rows FROM expert_network.question_tree(NULL);
SELECT expert_network.copy_question_tree(NULL, NULL) IS NULL AS strict_null;
SELECT expert_network.schedule_interview(NULL, NULL, NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT expert_network.complete_interview(NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT expert_network.cancel_interview(NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT expert_network.rate_interview('40000000-0000-4000-8000-0000000000ff', NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT expert_network.move_question(NULL, NULL, 1);
\echo :LAST_ERROR_SQLSTATE
SELECT expert_network.move_question('60000000-0000-4000-8000-0000000000ff', NULL, NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT expert_network.grant_access(NULL) IS NULL AS strict_null;
SELECT count(*) AS rows FROM expert_network.delete_user_data(NULL);

-- unknown ids
SELECT expert_network.complete_interview('40000000-0000-4000-8000-0000000000ff');
\echo :LAST_ERROR_SQLSTATE
SELECT expert_network.cancel_interview('40000000-0000-4000-8000-0000000000ff');
\echo :LAST_ERROR_SQLSTATE
SELECT expert_network.rate_interview('40000000-0000-4000-8000-0000000000ff', 3);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM expert_network.question_subtree('60000000-0000-4000-8000-0000000000ff');
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM expert_network.question_ancestors('60000000-0000-4000-8000-0000000000ff');
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) AS rows FROM expert_network.question_tree('20000000-0000-4000-8000-0000000000ff');
SELECT expert_network.copy_question_tree('20000000-0000-4000-8000-0000000000fe', '20000000-0000-4000-8000-0000000000ff');
\echo :LAST_ERROR_SQLSTATE

-- malformed values
SELECT count(*) FROM expert_network.allowed_transitions('expert', repeat('x', 1000000));
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM expert_network.allowed_transitions(repeat('e', 1000000), 'draft');
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM expert_network.allowed_transitions('', '');
\echo :LAST_ERROR_SQLSTATE
SELECT expert_network.grant_access('pg_monitor', repeat('admin', 200000));
\echo :LAST_ERROR_SQLSTATE

-- a row to work on, then absurd inputs against it
INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date, target_completion_date, target_regions)
VALUES ('20000000-0000-4000-8000-000000000001', repeat('Huge name ', 100000), 'Industrials', '2026-01-05', '2026-02-27',
        (SELECT array_agg('Region ' || g) FROM generate_series(1, 100000) g));
SELECT length(campaign_name), cardinality(target_regions) FROM expert_network.campaigns;
INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
VALUES ('20000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'enrolled');
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, status, skills)
VALUES ('30000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001',
        '00000000-0000-4000-8000-000000000001', 'Dana Example', 'VP Operations', 'reviewed',
        (SELECT array_agg('skill ' || g) FROM generate_series(1, 100000) g));
SELECT expert_network.schedule_interview('30000000-0000-4000-8000-000000000001', '2026-01-12', '15:00', 60, repeat('Europe/', 100000));
\echo :LAST_ERROR_SQLSTATE
SELECT expert_network.schedule_interview('30000000-0000-4000-8000-000000000001', '2026-01-12', '15:00', 60, '');
\echo :LAST_ERROR_SQLSTATE
SELECT expert_network.schedule_interview('30000000-0000-4000-8000-000000000001', '2026-01-12', '15:00', 0);
\echo :LAST_ERROR_SQLSTATE
SELECT expert_network.schedule_interview('30000000-0000-4000-8000-000000000001', '2026-01-12', '15:00', -2147483648);
\echo :LAST_ERROR_SQLSTATE
SELECT expert_network.schedule_interview('30000000-0000-4000-8000-000000000001', 'infinity', '24:00') IS NOT NULL AS scheduled;
SELECT count(*) AS interviews, max(scheduled_date) AS latest FROM expert_network.interviews;
UPDATE expert_network.experts SET status = repeat('s', 1000000);
\echo :LAST_ERROR_SQLSTATE
UPDATE expert_network.experts SET status = NULL;
\echo :LAST_ERROR_SQLSTATE
-- a deep screener: the depth cap holds, and the walks stay bounded
SET expert_network.max_question_depth = 1000;
INSERT INTO expert_network.screening_questions (id, campaign_id, question_text)
VALUES ('60000000-0000-4000-8000-000000000000', '20000000-0000-4000-8000-000000000001', 'Level 0');
INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text)
SELECT ('60000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, '20000000-0000-4000-8000-000000000001',
       ('60000000-0000-4000-8000-' || lpad(to_hex(g - 1), 12, '0'))::uuid, 'Level ' || g
FROM generate_series(1, 999) g;
SELECT count(*) AS questions, max(depth) AS deepest, max(cardinality(path)) AS longest_path
FROM expert_network.question_tree('20000000-0000-4000-8000-000000000001');
INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text)
VALUES ('61000000-0000-4000-8000-000000000000', '20000000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-0000000003e7', 'Level 1000');
\echo :LAST_ERROR_SQLSTATE
SET expert_network.max_question_depth = 0;
\echo :LAST_ERROR_SQLSTATE
SET expert_network.max_question_depth = 1001;
\echo :LAST_ERROR_SQLSTATE
SET expert_network.no_such_setting = 1;
\echo :LAST_ERROR_SQLSTATE
RESET expert_network.max_question_depth;
SELECT count(*) AS ancestors FROM expert_network.question_ancestors('60000000-0000-4000-8000-0000000003e7');

-- compliance (0.10.0): company keys of megabyte names and 100,000 aliases,
-- screens of unknown experts and absurd dates
SELECT length(expert_network.company_key(repeat('Acme Corp. ', 100000))) AS key_length;
SELECT expert_network.company_key(repeat('.', 1000000)) = '' AS empty_key;
SELECT cardinality(expert_network.company_keys('Acme', repeat('x', 100000),
       (SELECT array_agg('Alias ' || g) FROM generate_series(1, 100000) g))) AS keys;
SELECT expert_network.company_keys('Acme', NULL, ARRAY[NULL, '', '!!!']) AS keys;
SELECT count(*) FROM expert_network.compliance_check('30000000-0000-4000-8000-0000000000ff');
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM expert_network.compliance_check('30000000-0000-4000-8000-000000000001', 'infinity');
SELECT count(*) FROM expert_network.compliance_check('30000000-0000-4000-8000-000000000001', '-infinity', NULL);
\echo :LAST_ERROR_SQLSTATE

-- the server is still there, and the refused statements left nothing
SELECT count(*) AS experts, min(status) AS status FROM expert_network.experts;
SELECT count(*) AS history_rows FROM expert_network.status_history WHERE row_id = '30000000-0000-4000-8000-000000000001';

RESET expert_network.user_id;
DELETE FROM expert_network.campaigns;
DELETE FROM expert_network.status_history;
