-- bench/compliance/insert_select.sql — part 1: one INSERT ... SELECT of
-- interviews, status 'scheduled', one for each of experts :first .. :last
-- (each in its own campaign, 1 + (e - 1) / 1000), the call on 2025-01-06 +
-- e % 300: every trigger does its full work (owner, transition, history,
-- call counters, lifecycle: the expert moves reviewed -> scheduled; the
-- compliance gate: one screen of every call, two decisions logged per
-- call).  Included by bench/compliance.sh as bench_app with the identity
-- user-1 set; 1 .. 10000 timed, 1 .. 1 for the warm-up.
INSERT INTO expert_network.interviews
    (campaign_id, expert_id, scheduled_date, scheduled_time, duration_minutes,
     timezone, status, color_tag)
SELECT bench.campaign_uuid(1 + (e - 1) / 1000),
       bench.expert_uuid(e),
       date '2025-01-06' + e % 300,
       time '08:00' + (e % 20) * interval '30 minutes',
       (ARRAY[30, 45, 60, 90])[1 + e % 4],
       (ARRAY['UTC', 'America/New_York', 'Europe/London', 'Asia/Singapore'])[1 + e % 4],
       'scheduled',
       (ARRAY['blue', 'green', 'amber', NULL])[1 + e % 4]
FROM pg_catalog.generate_series(:first, :last) AS e;
