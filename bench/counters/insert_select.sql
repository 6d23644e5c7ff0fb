-- bench/counters/insert_select.sql — part (1): one INSERT ... SELECT of
-- 100,000 interviews across user-1's 100 campaigns, 1,000 each, interleaved
-- (row g goes to campaign 1 + g % 100), each with one of its campaign's 50
-- experts and a status from bench.status_of (10 % pending, 25 % scheduled,
-- 15 % confirmed, 40 % completed, 10 % cancelled within every campaign).
-- Included by bench/counters.sh with the identity user-1 set; :n is the
-- number of rows (100000 timed, 1 for the warm-up).
INSERT INTO expert_network.interviews
    (campaign_id, expert_id, scheduled_date, scheduled_time, duration_minutes,
     timezone, status, color_tag, completed_at, cancelled_at)
SELECT bench.campaign_uuid(c),
       bench.expert_uuid((c - 1) * 50 + 1 + k % 50),
       date '2025-01-06' + k % 300,
       time '08:00' + (k % 20) * interval '30 minutes',
       (ARRAY[30, 45, 60, 90])[1 + k % 4],
       (ARRAY['UTC', 'America/New_York', 'Europe/London', 'Asia/Singapore'])[1 + c % 4],
       s,
       (ARRAY['blue', 'green', 'amber', NULL])[1 + k % 4],
       CASE WHEN s = 'completed' THEN timestamptz '2025-01-06 09:00+00' + k * interval '1 day' END,
       CASE WHEN s = 'cancelled' THEN timestamptz '2025-01-05 09:00+00' + k * interval '1 day' END
FROM pg_catalog.generate_series(1, :n) AS g,
     LATERAL (SELECT 1 + g % 100 AS c, g / 100 AS k) AS p,
     LATERAL (SELECT bench.status_of(p.k * 7) AS s) AS q;
