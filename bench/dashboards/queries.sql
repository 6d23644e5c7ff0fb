-- bench/dashboards/queries.sql — what bench/dashboards.sh times: each view
-- as the application reads it (row-level security supplies the user), and
-- the same rows written by hand for one user, with an explicit user_id on
-- every table, as an application without the views would (run as the
-- superuser, which bypasses row-level security).  Same columns, types and
-- rounding, so that both give identical rows.  psql variable: uid.
\set ON_ERROR_STOP on

CREATE TABLE bench.queries (ord integer PRIMARY KEY, name text NOT NULL, view_sql text NOT NULL, hand_sql text NOT NULL);

INSERT INTO bench.queries VALUES
(1, 'campaign_dashboard', 'SELECT * FROM expert_network.campaign_dashboard', format($q$
SELECT c.id, c.user_id, c.project_id, p.project_code, p.project_name, c.campaign_name, c.industry_vertical,
       c.target_regions, c.status, c.start_date, c.target_completion_date,
       c.target_completion_date - CURRENT_DATE,
       c.min_calls, c.max_calls, c.completed_calls, c.scheduled_calls,
       round(c.completed_calls::numeric / nullif(c.min_calls, 0), 4),
       round(c.completed_calls::numeric / nullif(c.max_calls, 0), 4),
       coalesce(x.proposed, 0), coalesce(x.reviewed, 0), coalesce(x.scheduling, 0), coalesce(x.scheduled, 0),
       coalesce(x.completed, 0), coalesce(x.rejected, 0), coalesce(x.total, 0),
       coalesce(t.size, 0), coalesce(t.names, '{}'),
       coalesce(v.enrolled, 0), coalesce(v.pending, 0), coalesce(v.names, '{}'),
       coalesce(k.cost, 0), round(coalesce(k.cost, 0) / nullif(c.completed_calls, 0), 2),
       coalesce(r.rated, 0), r.average,
       p.display_order, c.display_order
  FROM expert_network.campaigns c
  LEFT JOIN expert_network.projects p ON p.id = c.project_id AND p.user_id = %1$L
  LEFT JOIN (SELECT campaign_id,
                    count(*) FILTER (WHERE status = 'proposed')::int AS proposed,
                    count(*) FILTER (WHERE status = 'reviewed')::int AS reviewed,
                    count(*) FILTER (WHERE status = 'scheduling')::int AS scheduling,
                    count(*) FILTER (WHERE status = 'scheduled')::int AS scheduled,
                    count(*) FILTER (WHERE status = 'completed')::int AS completed,
                    count(*) FILTER (WHERE status = 'rejected')::int AS rejected,
                    count(*)::int AS total
               FROM expert_network.experts WHERE user_id = %1$L GROUP BY campaign_id) x ON x.campaign_id = c.id
  LEFT JOIN (SELECT a.campaign_id, count(*)::int AS size, array_agg(m.name ORDER BY m.name, m.id) AS names
               FROM expert_network.campaign_team_assignments a
               JOIN expert_network.team_members m ON m.id = a.team_member_id
              WHERE a.user_id = %1$L AND m.user_id = %1$L GROUP BY a.campaign_id) t ON t.campaign_id = c.id
  LEFT JOIN (SELECT n.campaign_id,
                    count(*) FILTER (WHERE n.status = 'enrolled')::int AS enrolled,
                    count(*) FILTER (WHERE n.status = 'pending')::int AS pending,
                    array_agg(vp.name ORDER BY vp.name) FILTER (WHERE n.status = 'enrolled') AS names
               FROM expert_network.campaign_vendor_enrollments n
               JOIN expert_network.vendor_platforms vp ON vp.id = n.vendor_platform_id
              WHERE n.user_id = %1$L GROUP BY n.campaign_id) v ON v.campaign_id = c.id
  LEFT JOIN (SELECT campaign_id, sum(amount_usd) AS cost
               FROM expert_network.campaign_costs WHERE user_id = %1$L GROUP BY campaign_id) k ON k.campaign_id = c.id
  LEFT JOIN (SELECT campaign_id, count(rating)::int AS rated, round(avg(rating), 2) AS average
               FROM expert_network.completed_interviews WHERE user_id = %1$L GROUP BY campaign_id) r
         ON r.campaign_id = c.id
 WHERE c.user_id = %1$L
$q$, :'uid')),
(2, 'vendor_scorecard', 'SELECT * FROM expert_network.vendor_scorecard', format($q$
WITH en AS (SELECT vendor_platform_id, count(*)::int AS campaigns,
                   count(*) FILTER (WHERE status = 'enrolled')::int AS enrolled
              FROM expert_network.campaign_vendor_enrollments WHERE user_id = %1$L GROUP BY 1),
     ex AS (SELECT vendor_platform_id, count(*)::int AS proposed,
                   count(*) FILTER (WHERE status IN ('reviewed', 'scheduling', 'scheduled', 'completed'))::int AS reviewed,
                   count(*) FILTER (WHERE status = 'rejected')::int AS rejected
              FROM expert_network.experts WHERE user_id = %1$L GROUP BY 1),
     firsts AS (SELECT n.vendor_platform_id, avg(extract(epoch FROM f.first_at - n.enrolled_at) / 86400) AS days
                  FROM expert_network.campaign_vendor_enrollments n
                  JOIN (SELECT campaign_id, vendor_platform_id, min(created_at) AS first_at
                          FROM expert_network.experts WHERE user_id = %1$L GROUP BY 1, 2) f
                    ON f.campaign_id = n.campaign_id AND f.vendor_platform_id = n.vendor_platform_id
                 WHERE n.user_id = %1$L GROUP BY 1),
     calls AS (SELECT e.vendor_platform_id, count(*)::int AS calls,
                      round(avg(k.rating), 2) AS rating, round(avg(k.relevance_rating), 2) AS relevance,
                      round(avg(k.expertise_rating), 2) AS expertise, round(avg(k.communication_rating), 2) AS communication
                 FROM expert_network.completed_interviews k JOIN expert_network.experts e ON e.id = k.expert_id
                WHERE k.user_id = %1$L AND e.user_id = %1$L GROUP BY 1),
     costs AS (SELECT vendor_platform_id, sum(amount_usd) AS cost
                 FROM expert_network.campaign_costs
                WHERE user_id = %1$L AND vendor_platform_id IS NOT NULL GROUP BY 1),
     vendors AS (SELECT vendor_platform_id FROM en UNION SELECT vendor_platform_id FROM ex
                 UNION SELECT vendor_platform_id FROM calls UNION SELECT vendor_platform_id FROM costs)
SELECT %1$L::text, v.vendor_platform_id, vp.name,
       coalesce(en.campaigns, 0), coalesce(en.enrolled, 0),
       coalesce(ex.proposed, 0), coalesce(ex.reviewed, 0), coalesce(ex.rejected, 0),
       round(ex.reviewed::numeric / nullif(ex.proposed, 0), 4), round(ex.rejected::numeric / nullif(ex.proposed, 0), 4),
       coalesce(calls.calls, 0), calls.rating, calls.relevance, calls.expertise, calls.communication,
       coalesce(costs.cost, 0), round(coalesce(costs.cost, 0) / nullif(calls.calls, 0), 2),
       round(firsts.days, 1)
  FROM vendors v
  JOIN expert_network.vendor_platforms vp ON vp.id = v.vendor_platform_id
  LEFT JOIN en USING (vendor_platform_id)
  LEFT JOIN ex USING (vendor_platform_id)
  LEFT JOIN firsts USING (vendor_platform_id)
  LEFT JOIN calls USING (vendor_platform_id)
  LEFT JOIN costs USING (vendor_platform_id)
$q$, :'uid')),
(3, 'team_workload', 'SELECT * FROM expert_network.team_workload', format($q$
SELECT m.id, m.user_id, m.name, m.designation, m.email,
       coalesce(a.campaigns, 0), coalesce(a.active, 0),
       coalesce(i.scheduled, 0), coalesce(i.completed, 0), coalesce(i.scheduled_minutes, 0),
       coalesce(i.completed_minutes, 0), i.next_call
  FROM expert_network.team_members m
  LEFT JOIN (SELECT ca.team_member_id, count(*)::int AS campaigns,
                    count(*) FILTER (WHERE c.status = 'active')::int AS active
               FROM expert_network.campaign_team_assignments ca
               JOIN expert_network.campaigns c ON c.id = ca.campaign_id
              WHERE ca.user_id = %1$L AND c.user_id = %1$L GROUP BY 1) a ON a.team_member_id = m.id
  LEFT JOIN (SELECT ia.team_member_id,
                    count(*) FILTER (WHERE iv.status IN ('pending', 'scheduled', 'confirmed'))::int AS scheduled,
                    count(*) FILTER (WHERE iv.status = 'completed')::int AS completed,
                    sum(iv.duration_minutes) FILTER (WHERE iv.status IN ('pending', 'scheduled', 'confirmed'))::int
                        AS scheduled_minutes,
                    sum(iv.duration_minutes) FILTER (WHERE iv.status = 'completed')::int AS completed_minutes,
                    min(iv.scheduled_date) FILTER (WHERE iv.status IN ('pending', 'scheduled', 'confirmed')) AS next_call
               FROM expert_network.interview_team_assignments ia
               JOIN expert_network.interviews iv ON iv.id = ia.interview_id
              WHERE ia.user_id = %1$L AND iv.user_id = %1$L GROUP BY 1) i ON i.team_member_id = m.id
 WHERE m.user_id = %1$L
$q$, :'uid'));

-- pair(ord, rounds): each round runs the view as bench_app with the
-- identity and the hand-written query as the caller (the superuser), in
-- alternating order, each planned and run anew (EXECUTE) and every column
-- of every row read (a checksum of the rows, which also shows both gave
-- the same); the wall-clock ms of each, measured in the server
CREATE FUNCTION bench.pair(q integer, rounds integer, uid text)
RETURNS TABLE (round integer, view_ms double precision, hand_ms double precision, same boolean)
LANGUAGE plpgsql AS $f$
DECLARE
    v text;
    h text;
    t0 timestamptz;
    sum_v text;
    sum_h text;
    wrap constant text := 'SELECT md5(string_agg(t::text, E''\n'' ORDER BY t::text)) FROM (%s) AS t';
BEGIN
    SELECT x.view_sql, x.hand_sql INTO STRICT v, h FROM bench.queries x WHERE x.ord = q;
    FOR r IN 1 .. rounds LOOP
        round := r;
        FOR side IN 0 .. 1 LOOP
            IF (side + r) % 2 = 0 THEN
                PERFORM set_config('role', 'bench_app', true);
                PERFORM set_config('expert_network.user_id', uid, true);
                t0 := clock_timestamp();
                EXECUTE format(wrap, v) INTO sum_v;
                view_ms := 1000 * extract(epoch FROM clock_timestamp() - t0);
                PERFORM set_config('role', 'none', true);
                PERFORM set_config('expert_network.user_id', '', true);
            ELSE
                t0 := clock_timestamp();
                EXECUTE format(wrap, h) INTO sum_h;
                hand_ms := 1000 * extract(epoch FROM clock_timestamp() - t0);
            END IF;
        END LOOP;
        same := sum_v IS NOT DISTINCT FROM sum_h AND sum_v IS NOT NULL;
        RETURN NEXT;
    END LOOP;
END
$f$;
