-- bench/workflow/load.sql — data and the application role for
-- bench/workflow.sh.  Run once as the cluster's superuser with no identity
-- set: the restore path, in which the extension writes rows as given (no
-- cross-entity rules, no history), the fast way to load.
--
--   user-1   campaigns 1..100, every shipped vendor (12) enrolled in each,
--            1,000 experts per campaign, all 'proposed': 100,000 experts,
--            the rows the timed UPDATE moves
--   user-2   campaign 101, likewise with 1,000 'proposed' experts: rows the
--            timed UPDATE must not see (row-level security)
--
-- Ids are computed (bench.campaign_uuid, bench.expert_uuid).
\set ON_ERROR_STOP on

SELECT pg_catalog.set_config('expert_network.user_id', '', false);

CREATE SCHEMA bench;

CREATE FUNCTION bench.campaign_uuid(c integer) RETURNS uuid
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ('cafe0000000040008000' || lpad(to_hex(c), 12, '0'))::uuid;

CREATE FUNCTION bench.expert_uuid(e integer) RETURNS uuid
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ('e0e00000000040008000' || lpad(to_hex(e), 12, '0'))::uuid;

INSERT INTO expert_network.campaigns
    (id, user_id, campaign_name, industry_vertical, brief_description,
     start_date, target_completion_date, target_regions, min_calls, max_calls, status)
SELECT bench.campaign_uuid(c),
       CASE WHEN c <= 100 THEN 'user-1' ELSE 'user-2' END,
       'Campaign ' || c,
       (ARRAY['Healthcare', 'Technology', 'Industrials', 'Consumer', 'Energy'])[1 + c % 5],
       'Commercial diligence on a mid-market target, campaign ' || c,
       date '2025-01-01' + c,
       date '2025-01-01' + c + 60,
       ARRAY['North America', 'Europe'],
       500, 5000,
       'active'
FROM pg_catalog.generate_series(1, 101) AS c;

-- every shipped vendor enrolled in every campaign
INSERT INTO expert_network.campaign_vendor_enrollments
    (campaign_id, vendor_platform_id, status, enrolled_at, user_id)
SELECT bench.campaign_uuid(c), v.id, 'enrolled', timestamptz '2025-01-02 09:00+00',
       CASE WHEN c <= 100 THEN 'user-1' ELSE 'user-2' END
FROM pg_catalog.generate_series(1, 101) AS c
CROSS JOIN expert_network.vendor_platforms AS v;

-- expert e is in campaign 1 + (e - 1) / 1000, from vendor 1 + e % 12
INSERT INTO expert_network.experts
    (id, campaign_id, vendor_platform_id, name, title, company, description,
     skills, rating, ai_fit_score, status, is_new, reviewed_at, user_id)
SELECT bench.expert_uuid(e),
       bench.campaign_uuid(c),
       ('00000000-0000-4000-8000-' || lpad(to_hex(1 + e % 12), 12, '0'))::uuid,
       'Expert ' || e,
       (ARRAY['Former VP Sales', 'Head of Procurement', 'CFO', 'Director of Operations',
              'Product Manager', 'Regional Manager', 'Chief Medical Officer'])[1 + e % 7],
       'Company ' || (e % 500),
       'Twenty years in the industry; led the integration of two acquisitions (' || e || ').',
       ARRAY['pricing', 'procurement', 'strategy'],
       (e % 50) / 10.0,
       e % 11,
       'proposed', true, NULL,
       CASE WHEN c <= 100 THEN 'user-1' ELSE 'user-2' END
FROM pg_catalog.generate_series(1, 101 * 1000) AS e,
     LATERAL (SELECT (e - 1) / 1000 + 1 AS c) AS k;

-- the timing functions and the application role bench_app
\ir ../app_role.sql

-- the floor of any history implementation, for the decomposition in
-- bench/workflow.sh: user-1's 100,000 (id, user_id) pairs, from which one
-- INSERT ... SELECT writes the same 100,000 status_history rows as the
-- UPDATE's history, with nothing else
CREATE TABLE bench.history_src AS
SELECT id, user_id FROM expert_network.experts WHERE user_id = 'user-1';
