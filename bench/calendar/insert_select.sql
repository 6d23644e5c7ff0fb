-- the bookings: 10 calls with each of user-1's 1,000 people (its GLG rows),
-- 10,000 interviews, on 10 days a week apart, 10:00 in one of four time
-- zones; no two of one person's calls overlap, none is refused
INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time, duration_minutes, timezone, status)
SELECT x.campaign_id, x.id, DATE '2025-03-03' + 7 * k, TIME '10:00', 60,
       (ARRAY['America/New_York', 'Europe/London', 'Asia/Tokyo', 'UTC'])[1 + k % 4], 'scheduled'
  FROM expert_network.experts AS x, generate_series(0, 9) AS k
 WHERE x.vendor_platform_id = '00000000-0000-4000-8000-000000000001';
