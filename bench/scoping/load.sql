-- bench/scoping/load.sql — the data: 1,000 users, 2 campaigns each, 500
-- experts per campaign (1,000,000 experts).  Run by bench/scoping.sh as the
-- cluster's superuser with no identity set: the restore path, where the
-- owner-key trigger takes user_id from the row itself.
--
-- Ids are computed, so that the pgbench scripts can name a random campaign
-- and its owner without a look-up:
--   user u (1..1000)          user_id 'user-<u>'
--   campaign c (1..2000)      id ('cafe0000000040008000' || lpad(to_hex(c), 12, '0'))::uuid,
--                             owned by user (c + 1) / 2
--   expert g (1..1000000)     in campaign (g - 1) / 500 + 1
\set ON_ERROR_STOP on

SELECT pg_catalog.set_config('expert_network.user_id', '', false);

-- campaigns: 2,000 rows, through the triggers (no identity: owner from the data)
INSERT INTO expert_network.campaigns
    (id, user_id, campaign_name, industry_vertical, brief_description,
     start_date, target_completion_date, target_regions, min_calls, max_calls, status)
SELECT ('cafe0000000040008000' || lpad(to_hex(c), 12, '0'))::uuid,
       'user-' || ((c + 1) / 2),
       'Campaign ' || c,
       (ARRAY['Healthcare', 'Technology', 'Industrials', 'Consumer', 'Energy'])[1 + c % 5],
       'Commercial diligence on a mid-market target, campaign ' || c,
       date '2025-01-01' + (c % 300),
       date '2025-01-01' + (c % 300) + 30 + (c % 60),
       ARRAY['North America', 'Europe'],
       5, 20,
       (ARRAY['draft', 'active', 'paused', 'completed', 'archived']::expert_network.campaign_status[])[1 + c % 5]
FROM pg_catalog.generate_series(1, 2000) AS c;

-- experts: 1,000,000 rows in campaign order (a campaign's experts arrive
-- together, as a vendor's batch would).  User triggers off for the bulk
-- load; the foreign keys are still checked.
ALTER TABLE expert_network.experts DISABLE TRIGGER USER;
INSERT INTO expert_network.experts
    (campaign_id, vendor_platform_id, name, title, company, description,
     skills, rating, ai_fit_score, status, is_new, user_id)
SELECT ('cafe0000000040008000' || lpad(to_hex(c), 12, '0'))::uuid,
       ('00000000-0000-4000-8000-' || lpad(to_hex(1 + g % 12), 12, '0'))::uuid,
       'Expert ' || g,
       (ARRAY['Former VP Sales', 'Head of Procurement', 'CFO', 'Director of Operations',
              'Product Manager', 'Regional Manager', 'Chief Medical Officer'])[1 + g % 7],
       'Company ' || (g % 5000),
       'Twenty years in the industry; led the integration of two acquisitions (' || g || ').',
       ARRAY['pricing', 'procurement', 'strategy'],
       (g % 50) / 10.0,
       g % 11,
       (ARRAY['proposed', 'reviewed', 'rejected', 'scheduling', 'scheduled', 'completed']::expert_network.expert_status[])[1 + g % 6],
       g % 3 = 0,
       'user-' || ((c + 1) / 2)
FROM pg_catalog.generate_series(1, 1000000) AS g,
     LATERAL (SELECT (g - 1) / 500 + 1 AS c) AS k;
ALTER TABLE expert_network.experts ENABLE TRIGGER USER;
