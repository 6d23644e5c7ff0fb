-- bench/bulk/experts.sql — one INSERT ... SELECT of experts :first .. :last
-- of the run's campaign, all from GLG and all 'reviewed' (an insert may use
-- any status: imports).  Included by bench/bulk.sh as bench_app with the
-- identity set.
INSERT INTO expert_network.experts
    (id, campaign_id, vendor_platform_id, name, title, company, description,
     skills, rating, ai_fit_score, status)
SELECT bench.expert_uuid(e),
       bench.campaign_id(),
       '00000000-0000-4000-8000-000000000001',
       'Expert ' || e,
       (ARRAY['Former VP Sales', 'Head of Procurement', 'CFO', 'Director of Operations',
              'Product Manager', 'Regional Manager', 'Chief Medical Officer'])[1 + e % 7],
       'Company ' || (e % 500),
       'Twenty years in the industry; led the integration of two acquisitions (' || e || ').',
       ARRAY['pricing', 'procurement', 'strategy'],
       (e % 50) / 10.0,
       e % 11,
       'reviewed'
FROM pg_catalog.generate_series(:first, :last) AS e;
