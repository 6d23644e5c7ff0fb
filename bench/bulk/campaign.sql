-- bench/bulk/campaign.sql — the start of every run, as bench_app with the
-- identity set, in the run's transaction: a new campaign and GLG (shipped
-- vendor 1) enrolled in it, so that its experts may be inserted.
INSERT INTO expert_network.campaigns
    (id, campaign_name, industry_vertical, brief_description,
     start_date, target_completion_date, target_regions, min_calls, max_calls, status)
VALUES (bench.campaign_id(), 'Bulk load', 'Industrials',
        'Commercial diligence on a mid-market target: the bulk-load benchmark',
        date '2025-01-01', date '2025-03-01', ARRAY['North America', 'Europe'],
        10, 200000, 'active');

INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
VALUES (bench.campaign_id(), '00000000-0000-4000-8000-000000000001', 'enrolled');
