-- bench/calendar/load.sql — the data of bench/calendar.sh, loaded as the
-- superuser on the restore path (row_security off: no rule runs):
--   user-1: 10 campaigns, GLG and AlphaSights enrolled in each; 1,000
--   people, each proposed by GLG (the row booked) and by AlphaSights (same
--   profile URL, another campaign, never booked): 2,000 experts, 1,000
--   duplicate groups; a call cap of 100 calls per 12 months;
--   users 2..10: 10,890 experts each (5,445 people, two rows each), so that
--   the duplicates view reads 100,010 experts of which a user sees 10,890
--   (98,010 and the first user's 2,000);
-- and the application role bench_app with the timing functions.
\set ON_ERROR_STOP on

SELECT pg_catalog.set_config('expert_network.user_id', '', false);
SELECT pg_catalog.set_config('row_security', 'off', false);

CREATE SCHEMA bench;
\ir ../app_role.sql

INSERT INTO expert_network.campaigns (id, user_id, campaign_name, industry_vertical, start_date,
                                      target_completion_date, status)
SELECT ('cafe0000-0000-4000-8000-' || lpad(to_hex(u * 100 + c), 12, '0'))::uuid, 'user-' || u,
       'Campaign ' || c, 'Industrials', '2025-01-01', '2026-12-31', 'active'
  FROM generate_series(1, 10) AS u, generate_series(1, 10) AS c;
INSERT INTO expert_network.campaign_vendor_enrollments (user_id, campaign_id, vendor_platform_id, status)
SELECT c.user_id, c.id, v, 'enrolled'
  FROM expert_network.campaigns AS c,
       unnest(ARRAY['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002']::uuid[]) AS v;
-- person p of user u: a GLG row (vendor 1) and an AlphaSights row (vendor
-- 2), in campaigns p % 10 + 1 and (p + 1) % 10 + 1
INSERT INTO expert_network.experts (id, user_id, campaign_id, vendor_platform_id, name, title, company,
                                    status, profile_url, created_at)
SELECT ('e0e00000-0000-4000-8000-' || lpad(to_hex(u * 100000 + p * 2 + v), 12, '0'))::uuid, 'user-' || u,
       ('cafe0000-0000-4000-8000-' || lpad(to_hex(u * 100 + (p + v) % 10 + 1), 12, '0'))::uuid,
       ('00000000-0000-4000-8000-00000000000' || (v + 1))::uuid,
       'Person ' || p, 'Director', 'Company ' || (p % 700), 'reviewed',
       CASE v WHEN 0 THEN 'https://www.linkedin.com/in/person-' || u || '-' || p || '/'
              ELSE 'linkedin.com/in/Person-' || u || '-' || p END,
       '2025-01-01'::timestamptz + (p * 2 + v) * interval '1 minute'
  FROM generate_series(1, 10) AS u, generate_series(0, 5444) AS p, generate_series(0, 1) AS v
 WHERE u > 1 OR p < 1000;
INSERT INTO expert_network.call_caps (user_id, max_calls, call_window) VALUES ('user-1', 100, '12 months');
ANALYZE;
