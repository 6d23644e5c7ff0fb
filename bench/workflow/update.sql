-- bench/workflow/update.sql — the timed statement of bench/workflow.sh: ONE
-- UPDATE moving every 'proposed' expert the identity sees (row-level
-- security: user-1's 100,000 in 100 campaigns; user-2's 1,000 stay) to
-- 'reviewed'.  Included with the identity set (SET LOCAL
-- expert_network.user_id) by the application role bench_app; :filter
-- narrows it (the one-row warm-up) or is empty.
UPDATE expert_network.experts SET status = 'reviewed' WHERE status = 'proposed' :filter;
