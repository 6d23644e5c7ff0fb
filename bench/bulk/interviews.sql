-- bench/bulk/interviews.sql — one INSERT ... SELECT of interviews, one for
-- each of experts :first .. :last of the run's campaign, all 'scheduled'
-- (each moves its expert reviewed -> scheduled).  Included by bench/bulk.sh
-- as bench_app with the identity set.
INSERT INTO expert_network.interviews
    (campaign_id, expert_id, scheduled_date, scheduled_time, duration_minutes,
     timezone, status, color_tag)
SELECT bench.campaign_id(),
       bench.expert_uuid(e),
       date '2025-01-06' + e % 300,
       time '08:00' + (e % 20) * interval '30 minutes',
       (ARRAY[30, 45, 60, 90])[1 + e % 4],
       (ARRAY['UTC', 'America/New_York', 'Europe/London', 'Asia/Singapore'])[1 + e % 4],
       'scheduled',
       (ARRAY['blue', 'green', 'amber', NULL])[1 + e % 4]
FROM pg_catalog.generate_series(:first, :last) AS e;
