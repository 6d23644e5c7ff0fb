-- test/history.sql — rows whose current status is not the last one their
-- history records, per entity; every count must be 0.  Run as a superuser.
WITH last AS (
    SELECT DISTINCT ON (row_id) row_id, to_status
    FROM expert_network.status_history
    ORDER BY row_id, changed_at DESC, id
),
current AS (
    SELECT 'campaign' AS entity, id, status::text AS status FROM expert_network.campaigns
    UNION ALL SELECT 'expert', id, status::text FROM expert_network.experts
    UNION ALL SELECT 'interview', id, status::text FROM expert_network.interviews
    UNION ALL SELECT 'enrollment', id, status::text FROM expert_network.campaign_vendor_enrollments
    UNION ALL SELECT 'research_activity', id, status::text FROM expert_network.research_activities
    UNION ALL SELECT 'research_source', id, status::text FROM expert_network.research_sources
)
SELECT c.entity, count(*) FILTER (WHERE l.to_status IS DISTINCT FROM c.status) AS bad
FROM current c LEFT JOIN last l ON l.row_id = c.id
GROUP BY c.entity
ORDER BY c.entity;
