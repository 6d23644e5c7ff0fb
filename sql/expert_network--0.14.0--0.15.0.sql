/*
 * sql/expert_network--0.14.0--0.15.0.sql — 0.15.0.
 *
 * Issue 17, a schema ORMs read: the defaults of user_id, approved_by and
 * decided_by written so that introspection tools render them as SQL; no
 * default on the array columns, whose empty array fill_empty_arrays() gives;
 * the six workflow statuses as enum types.  The dashboard views read the
 * statuses: they are dropped and made again, with their comments and grants
 * (grants the extension's owner made on them by hand are not kept;
 * apply_access_levels() gives every recorded role its level again).
 *
 * Every name is qualified, operators included.
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION expert_network UPDATE TO '0.15.0'" to load this file. \quit

-- the defaults of the owner key, the approver and the decider: the same
-- values, as expressions in parentheses, which drizzle-kit pull writes as
-- sql`...` (see sql/expert_network.sql, "A schema ORMs read")
ALTER TABLE expert_network.projects ALTER COLUMN user_id SET DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default");
ALTER TABLE expert_network.campaigns ALTER COLUMN user_id SET DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default");
ALTER TABLE expert_network.team_members ALTER COLUMN user_id SET DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default");
ALTER TABLE expert_network.campaign_team_assignments ALTER COLUMN user_id SET DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default");
ALTER TABLE expert_network.screening_questions ALTER COLUMN user_id SET DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default");
ALTER TABLE expert_network.campaign_vendor_enrollments ALTER COLUMN user_id SET DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default");
ALTER TABLE expert_network.experts ALTER COLUMN user_id SET DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default");
ALTER TABLE expert_network.expert_screening_responses ALTER COLUMN user_id SET DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default");
ALTER TABLE expert_network.interviews ALTER COLUMN user_id SET DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default");
ALTER TABLE expert_network.interview_team_assignments ALTER COLUMN user_id SET DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default");
ALTER TABLE expert_network.completed_interviews ALTER COLUMN user_id SET DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default");
ALTER TABLE expert_network.chat_sessions ALTER COLUMN user_id SET DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default");
ALTER TABLE expert_network.chat_messages ALTER COLUMN user_id SET DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default");
ALTER TABLE expert_network.research_activities ALTER COLUMN user_id SET DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default");
ALTER TABLE expert_network.research_sources ALTER COLUMN user_id SET DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default");
ALTER TABLE expert_network.answer_sections ALTER COLUMN user_id SET DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default");
ALTER TABLE expert_network.user_ui_preferences ALTER COLUMN user_id SET DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default");
ALTER TABLE expert_network.campaign_costs ALTER COLUMN user_id SET DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default");
ALTER TABLE expert_network.status_history ALTER COLUMN user_id SET DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default");
ALTER TABLE expert_network.restricted_companies ALTER COLUMN user_id SET DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default");
ALTER TABLE expert_network.expert_employments ALTER COLUMN user_id SET DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default");
ALTER TABLE expert_network.campaign_subject_companies ALTER COLUMN user_id SET DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default");
ALTER TABLE expert_network.compliance_policies ALTER COLUMN user_id SET DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default");
ALTER TABLE expert_network.interview_attestations ALTER COLUMN user_id SET DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default");
ALTER TABLE expert_network.compliance_exceptions ALTER COLUMN user_id SET DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default");
ALTER TABLE expert_network.compliance_log ALTER COLUMN user_id SET DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default");
ALTER TABLE expert_network.call_caps ALTER COLUMN user_id SET DEFAULT (expert_network.current_user_id() COLLATE pg_catalog."default");
ALTER TABLE expert_network.compliance_exceptions ALTER COLUMN approved_by SET DEFAULT (CURRENT_USER::pg_catalog.text COLLATE pg_catalog."default");
ALTER TABLE expert_network.compliance_log ALTER COLUMN decided_by SET DEFAULT (CURRENT_USER::pg_catalog.text COLLATE pg_catalog."default");

-- the empty arrays
ALTER TABLE expert_network.campaigns ALTER COLUMN target_regions DROP DEFAULT;
ALTER TABLE expert_network.vendor_platforms ALTER COLUMN tags DROP DEFAULT;
ALTER TABLE expert_network.experts ALTER COLUMN skills DROP DEFAULT;
ALTER TABLE expert_network.user_ui_preferences ALTER COLUMN expanded_projects DROP DEFAULT;
ALTER TABLE expert_network.restricted_companies ALTER COLUMN aliases DROP DEFAULT;

CREATE FUNCTION expert_network.fill_empty_arrays()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_fill_empty_arrays';

COMMENT ON FUNCTION expert_network.fill_empty_arrays() IS
'BEFORE INSERT row trigger: the empty array for each array column named by the trigger''s arguments that the row leaves NULL';

CREATE TRIGGER a_fill_empty_arrays BEFORE INSERT ON expert_network.campaigns
    FOR EACH ROW EXECUTE FUNCTION expert_network.fill_empty_arrays('target_regions');
CREATE TRIGGER a_fill_empty_arrays BEFORE INSERT ON expert_network.vendor_platforms
    FOR EACH ROW EXECUTE FUNCTION expert_network.fill_empty_arrays('tags');
CREATE TRIGGER a_fill_empty_arrays BEFORE INSERT ON expert_network.experts
    FOR EACH ROW EXECUTE FUNCTION expert_network.fill_empty_arrays('skills');
CREATE TRIGGER a_fill_empty_arrays BEFORE INSERT ON expert_network.user_ui_preferences
    FOR EACH ROW EXECUTE FUNCTION expert_network.fill_empty_arrays('expanded_projects');
CREATE TRIGGER a_fill_empty_arrays BEFORE INSERT ON expert_network.restricted_companies
    FOR EACH ROW EXECUTE FUNCTION expert_network.fill_empty_arrays('aliases');

REVOKE ALL ON FUNCTION expert_network.fill_empty_arrays() FROM PUBLIC;

-- the statuses: the views that read them go first
DROP VIEW expert_network.campaign_dashboard, expert_network.vendor_scorecard, expert_network.team_workload;

CREATE TYPE expert_network.campaign_status AS ENUM ('draft', 'active', 'paused', 'completed', 'archived');
COMMENT ON TYPE expert_network.campaign_status IS 'The status of a campaign (campaigns.status)';

CREATE TYPE expert_network.enrollment_status AS ENUM ('not_enrolled', 'pending', 'enrolled');
COMMENT ON TYPE expert_network.enrollment_status IS 'The status of a vendor''s enrollment in a campaign (campaign_vendor_enrollments.status)';

CREATE TYPE expert_network.expert_status AS ENUM ('proposed', 'reviewed', 'rejected', 'scheduling', 'scheduled', 'completed');
COMMENT ON TYPE expert_network.expert_status IS 'The status of an expert (experts.status)';

CREATE TYPE expert_network.interview_status AS ENUM ('pending', 'scheduled', 'confirmed', 'completed', 'cancelled');
COMMENT ON TYPE expert_network.interview_status IS 'The status of an interview (interviews.status)';

CREATE TYPE expert_network.research_activity_status AS ENUM ('queued', 'processing', 'completed', 'failed');
COMMENT ON TYPE expert_network.research_activity_status IS 'The status of a research activity (research_activities.status)';

CREATE TYPE expert_network.research_source_status AS ENUM ('processing', 'scraped', 'failed');
COMMENT ON TYPE expert_network.research_source_status IS 'The status of a research source (research_sources.status)';

ALTER TABLE expert_network.campaigns
    DROP CONSTRAINT campaigns_status_check,
    ALTER COLUMN status DROP DEFAULT,
    ALTER COLUMN status TYPE expert_network.campaign_status USING status::pg_catalog.text::expert_network.campaign_status,
    ALTER COLUMN status SET DEFAULT 'draft';
ALTER TABLE expert_network.campaign_vendor_enrollments
    DROP CONSTRAINT campaign_vendor_enrollments_status_check,
    ALTER COLUMN status DROP DEFAULT,
    ALTER COLUMN status TYPE expert_network.enrollment_status USING status::pg_catalog.text::expert_network.enrollment_status,
    ALTER COLUMN status SET DEFAULT 'pending';
ALTER TABLE expert_network.experts
    DROP CONSTRAINT experts_status_check,
    ALTER COLUMN status DROP DEFAULT,
    ALTER COLUMN status TYPE expert_network.expert_status USING status::pg_catalog.text::expert_network.expert_status,
    ALTER COLUMN status SET DEFAULT 'proposed';
ALTER TABLE expert_network.interviews
    DROP CONSTRAINT interviews_status_check,
    ALTER COLUMN status DROP DEFAULT,
    ALTER COLUMN status TYPE expert_network.interview_status USING status::pg_catalog.text::expert_network.interview_status,
    ALTER COLUMN status SET DEFAULT 'scheduled';
ALTER TABLE expert_network.research_activities
    DROP CONSTRAINT research_activities_status_check,
    ALTER COLUMN status DROP DEFAULT,
    ALTER COLUMN status TYPE expert_network.research_activity_status USING status::pg_catalog.text::expert_network.research_activity_status,
    ALTER COLUMN status SET DEFAULT 'queued';
ALTER TABLE expert_network.research_sources
    DROP CONSTRAINT research_sources_status_check,
    ALTER COLUMN status DROP DEFAULT,
    ALTER COLUMN status TYPE expert_network.research_source_status USING status::pg_catalog.text::expert_network.research_source_status,
    ALTER COLUMN status SET DEFAULT 'processing';

CREATE VIEW expert_network.campaign_dashboard WITH (security_invoker = true) AS
SELECT c.id AS campaign_id,
       c.user_id,
       c.project_id,
       p.project_code,
       p.project_name,
       c.campaign_name,
       c.industry_vertical,
       c.target_regions,
       c.status,
       c.start_date,
       c.target_completion_date,
       c.target_completion_date OPERATOR(pg_catalog.-) CURRENT_DATE AS days_remaining,
       c.min_calls,
       c.max_calls,
       c.completed_calls,
       c.scheduled_calls,
       pg_catalog.round(c.completed_calls::pg_catalog.numeric OPERATOR(pg_catalog./)
                        CASE WHEN c.min_calls OPERATOR(pg_catalog.>) 0 THEN c.min_calls END, 4) AS progress_to_min,
       pg_catalog.round(c.completed_calls::pg_catalog.numeric OPERATOR(pg_catalog./)
                        CASE WHEN c.max_calls OPERATOR(pg_catalog.>) 0 THEN c.max_calls END, 4) AS progress_to_max,
       x.experts_proposed,
       x.experts_reviewed,
       x.experts_scheduling,
       x.experts_scheduled,
       x.experts_completed,
       x.experts_rejected,
       x.experts_total,
       t.team_size,
       t.team_members,
       v.vendors_enrolled,
       v.vendors_pending,
       v.enrolled_vendors,
       k.cost_total_usd,
       pg_catalog.round(k.cost_total_usd OPERATOR(pg_catalog./)
                        CASE WHEN c.completed_calls OPERATOR(pg_catalog.>) 0 THEN c.completed_calls END, 2)
           AS cost_per_completed_call,
       r.rated_calls,
       r.average_rating,
       p.display_order AS project_display_order,
       c.display_order
  FROM expert_network.campaigns AS c
  LEFT JOIN expert_network.projects AS p ON p.id OPERATOR(pg_catalog.=) c.project_id
 CROSS JOIN LATERAL (
       SELECT pg_catalog.count(*) FILTER (WHERE e.status OPERATOR(pg_catalog.=) 'proposed')::pg_catalog.int4,
              pg_catalog.count(*) FILTER (WHERE e.status OPERATOR(pg_catalog.=) 'reviewed')::pg_catalog.int4,
              pg_catalog.count(*) FILTER (WHERE e.status OPERATOR(pg_catalog.=) 'scheduling')::pg_catalog.int4,
              pg_catalog.count(*) FILTER (WHERE e.status OPERATOR(pg_catalog.=) 'scheduled')::pg_catalog.int4,
              pg_catalog.count(*) FILTER (WHERE e.status OPERATOR(pg_catalog.=) 'completed')::pg_catalog.int4,
              pg_catalog.count(*) FILTER (WHERE e.status OPERATOR(pg_catalog.=) 'rejected')::pg_catalog.int4,
              pg_catalog.count(*)::pg_catalog.int4
         FROM expert_network.experts AS e
        WHERE e.campaign_id OPERATOR(pg_catalog.=) c.id
       ) AS x (experts_proposed, experts_reviewed, experts_scheduling, experts_scheduled,
               experts_completed, experts_rejected, experts_total)
 CROSS JOIN LATERAL (
       SELECT pg_catalog.count(*)::pg_catalog.int4,
              COALESCE(pg_catalog.array_agg(m.name ORDER BY m.name, m.id), '{}'::pg_catalog.text[])
         FROM expert_network.campaign_team_assignments AS a
         JOIN expert_network.team_members AS m ON m.id OPERATOR(pg_catalog.=) a.team_member_id
        WHERE a.campaign_id OPERATOR(pg_catalog.=) c.id
       ) AS t (team_size, team_members)
 CROSS JOIN LATERAL (
       SELECT pg_catalog.count(*) FILTER (WHERE n.status OPERATOR(pg_catalog.=) 'enrolled')::pg_catalog.int4,
              pg_catalog.count(*) FILTER (WHERE n.status OPERATOR(pg_catalog.=) 'pending')::pg_catalog.int4,
              COALESCE(pg_catalog.array_agg(vp.name ORDER BY vp.name)
                           FILTER (WHERE n.status OPERATOR(pg_catalog.=) 'enrolled'),
                       '{}'::pg_catalog.text[])
         FROM expert_network.campaign_vendor_enrollments AS n
         JOIN expert_network.vendor_platforms AS vp ON vp.id OPERATOR(pg_catalog.=) n.vendor_platform_id
        WHERE n.campaign_id OPERATOR(pg_catalog.=) c.id
       ) AS v (vendors_enrolled, vendors_pending, enrolled_vendors)
 CROSS JOIN LATERAL (
       SELECT COALESCE(pg_catalog.sum(o.amount_usd), 0)::pg_catalog.numeric
         FROM expert_network.campaign_costs AS o
        WHERE o.campaign_id OPERATOR(pg_catalog.=) c.id
       ) AS k (cost_total_usd)
 CROSS JOIN LATERAL (
       SELECT pg_catalog.count(ci.rating)::pg_catalog.int4,
              pg_catalog.round(pg_catalog.avg(ci.rating), 2)
         FROM expert_network.completed_interviews AS ci
        WHERE ci.campaign_id OPERATOR(pg_catalog.=) c.id
       ) AS r (rated_calls, average_rating);

COMMENT ON VIEW expert_network.campaign_dashboard IS
'One row per campaign of the current user: status, timeline, calls progress from the call counters against min/max, the experts pipeline by status, team, vendors enrolled, cost total and per completed call, average rating (security_invoker: row-level security of the caller)';
COMMENT ON COLUMN expert_network.campaign_dashboard.campaign_id IS 'The campaign (campaigns.id)';
COMMENT ON COLUMN expert_network.campaign_dashboard.user_id IS 'Owner: the BetterAuth user id';
COMMENT ON COLUMN expert_network.campaign_dashboard.project_id IS 'The campaign''s project; NULL for "Other Campaigns"';
COMMENT ON COLUMN expert_network.campaign_dashboard.project_code IS 'The project''s code; NULL without a project';
COMMENT ON COLUMN expert_network.campaign_dashboard.project_name IS 'The project''s name; NULL without a project';
COMMENT ON COLUMN expert_network.campaign_dashboard.campaign_name IS 'campaigns.campaign_name';
COMMENT ON COLUMN expert_network.campaign_dashboard.industry_vertical IS 'campaigns.industry_vertical';
COMMENT ON COLUMN expert_network.campaign_dashboard.target_regions IS 'campaigns.target_regions';
COMMENT ON COLUMN expert_network.campaign_dashboard.status IS 'Workflow status: draft, active, paused, completed, archived';
COMMENT ON COLUMN expert_network.campaign_dashboard.start_date IS 'Timeline: first day';
COMMENT ON COLUMN expert_network.campaign_dashboard.target_completion_date IS 'Timeline: target last day';
COMMENT ON COLUMN expert_network.campaign_dashboard.days_remaining IS 'Days from today (CURRENT_DATE) to target_completion_date; negative once it has passed';
COMMENT ON COLUMN expert_network.campaign_dashboard.min_calls IS 'Target: at least this many completed calls';
COMMENT ON COLUMN expert_network.campaign_dashboard.max_calls IS 'Target: at most this many completed calls';
COMMENT ON COLUMN expert_network.campaign_dashboard.completed_calls IS 'Interviews completed (the call counter)';
COMMENT ON COLUMN expert_network.campaign_dashboard.scheduled_calls IS 'Interviews pending, scheduled or confirmed (the call counter)';
COMMENT ON COLUMN expert_network.campaign_dashboard.progress_to_min IS 'completed_calls / min_calls (1 = minimum reached); NULL when min_calls is NULL or 0';
COMMENT ON COLUMN expert_network.campaign_dashboard.progress_to_max IS 'completed_calls / max_calls; NULL when max_calls is NULL or 0';
COMMENT ON COLUMN expert_network.campaign_dashboard.experts_proposed IS 'Experts in status proposed';
COMMENT ON COLUMN expert_network.campaign_dashboard.experts_reviewed IS 'Experts in status reviewed';
COMMENT ON COLUMN expert_network.campaign_dashboard.experts_scheduling IS 'Experts in status scheduling';
COMMENT ON COLUMN expert_network.campaign_dashboard.experts_scheduled IS 'Experts in status scheduled';
COMMENT ON COLUMN expert_network.campaign_dashboard.experts_completed IS 'Experts in status completed';
COMMENT ON COLUMN expert_network.campaign_dashboard.experts_rejected IS 'Experts in status rejected';
COMMENT ON COLUMN expert_network.campaign_dashboard.experts_total IS 'All the campaign''s experts';
COMMENT ON COLUMN expert_network.campaign_dashboard.team_size IS 'Team members assigned to the campaign';
COMMENT ON COLUMN expert_network.campaign_dashboard.team_members IS 'Their names, sorted; empty when none';
COMMENT ON COLUMN expert_network.campaign_dashboard.vendors_enrolled IS 'Vendors whose enrollment is enrolled';
COMMENT ON COLUMN expert_network.campaign_dashboard.vendors_pending IS 'Vendors whose enrollment is pending';
COMMENT ON COLUMN expert_network.campaign_dashboard.enrolled_vendors IS 'The enrolled vendors'' names, sorted; empty when none';
COMMENT ON COLUMN expert_network.campaign_dashboard.cost_total_usd IS 'Sum of the campaign''s costs (campaign_costs.amount_usd); 0 when none';
COMMENT ON COLUMN expert_network.campaign_dashboard.cost_per_completed_call IS 'cost_total_usd / completed_calls, rounded to cents; NULL before the first completed call';
COMMENT ON COLUMN expert_network.campaign_dashboard.rated_calls IS 'Completed interviews with a rating';
COMMENT ON COLUMN expert_network.campaign_dashboard.average_rating IS 'Average rating (0-5) of the completed interviews, two decimals; NULL when none is rated';
COMMENT ON COLUMN expert_network.campaign_dashboard.project_display_order IS 'The project''s display order (dashboard order: project, then campaign); NULL without a project';
COMMENT ON COLUMN expert_network.campaign_dashboard.display_order IS 'The campaign''s display order within its project';

CREATE VIEW expert_network.vendor_scorecard WITH (security_invoker = true) AS
SELECT s.user_id,
       s.vendor_platform_id,
       vp.name AS vendor_name,
       s.campaigns,
       s.campaigns_enrolled,
       s.experts_proposed,
       s.experts_reviewed,
       s.experts_rejected,
       pg_catalog.round(s.experts_reviewed::pg_catalog.numeric OPERATOR(pg_catalog./)
                        CASE WHEN s.experts_proposed OPERATOR(pg_catalog.>) 0 THEN s.experts_proposed END, 4)
           AS share_reviewed,
       pg_catalog.round(s.experts_rejected::pg_catalog.numeric OPERATOR(pg_catalog./)
                        CASE WHEN s.experts_proposed OPERATOR(pg_catalog.>) 0 THEN s.experts_proposed END, 4)
           AS share_rejected,
       s.calls_completed,
       pg_catalog.round(s.rating_sum OPERATOR(pg_catalog./)
                        CASE WHEN s.rating_n OPERATOR(pg_catalog.>) 0 THEN s.rating_n END, 2) AS average_rating,
       pg_catalog.round(s.relevance_sum OPERATOR(pg_catalog./)
                        CASE WHEN s.relevance_n OPERATOR(pg_catalog.>) 0 THEN s.relevance_n END, 2) AS average_relevance,
       pg_catalog.round(s.expertise_sum OPERATOR(pg_catalog./)
                        CASE WHEN s.expertise_n OPERATOR(pg_catalog.>) 0 THEN s.expertise_n END, 2) AS average_expertise,
       pg_catalog.round(s.communication_sum OPERATOR(pg_catalog./)
                        CASE WHEN s.communication_n OPERATOR(pg_catalog.>) 0 THEN s.communication_n END, 2)
           AS average_communication,
       s.cost_total_usd,
       pg_catalog.round(s.cost_total_usd OPERATOR(pg_catalog./)
                        CASE WHEN s.calls_completed OPERATOR(pg_catalog.>) 0 THEN s.calls_completed END, 2)
           AS cost_per_completed_call,
       pg_catalog.round(s.days_to_first_proposal, 1) AS days_to_first_proposal
  FROM (
       -- per vendor, from the per-campaign rows below
       SELECT g.user_id, g.vendor_platform_id,
              pg_catalog.count(g.enrollment_status)::pg_catalog.int4,
              pg_catalog.count(*) FILTER (WHERE g.enrollment_status OPERATOR(pg_catalog.=) 'enrolled')::pg_catalog.int4,
              pg_catalog.sum(g.proposed)::pg_catalog.int4,
              pg_catalog.sum(g.reviewed)::pg_catalog.int4,
              pg_catalog.sum(g.rejected)::pg_catalog.int4,
              pg_catalog.sum(g.calls)::pg_catalog.int4,
              pg_catalog.sum(g.rating_sum), pg_catalog.sum(g.rating_n),
              pg_catalog.sum(g.relevance_sum), pg_catalog.sum(g.relevance_n),
              pg_catalog.sum(g.expertise_sum), pg_catalog.sum(g.expertise_n),
              pg_catalog.sum(g.communication_sum), pg_catalog.sum(g.communication_n),
              COALESCE(pg_catalog.sum(g.cost), 0)::pg_catalog.numeric,
              pg_catalog.avg(EXTRACT(EPOCH FROM g.first_proposed_at OPERATOR(pg_catalog.-) g.enrolled_at)
                             OPERATOR(pg_catalog./) 86400)
         FROM (
              -- per campaign and vendor: its enrollment, experts, completed calls and costs
              SELECT u.user_id, u.campaign_id, u.vendor_platform_id,
                     pg_catalog.min(u.enrollment_status),
                     pg_catalog.min(u.enrolled_at),
                     pg_catalog.count(u.expert_status),
                     pg_catalog.count(*) FILTER (WHERE u.expert_status OPERATOR(pg_catalog.=)
                                                       ANY ('{reviewed,scheduling,scheduled,completed}')),
                     pg_catalog.count(*) FILTER (WHERE u.expert_status OPERATOR(pg_catalog.=) 'rejected'),
                     pg_catalog.min(u.proposed_at),
                     pg_catalog.count(u.call_id),
                     pg_catalog.sum(u.rating), pg_catalog.count(u.rating),
                     pg_catalog.sum(u.relevance), pg_catalog.count(u.relevance),
                     pg_catalog.sum(u.expertise), pg_catalog.count(u.expertise),
                     pg_catalog.sum(u.communication), pg_catalog.count(u.communication),
                     pg_catalog.sum(u.amount_usd)
                FROM (-- every column named in every branch: the definition reads back the same
                      -- after pg_dump (pg_upgrade), which would name an unnamed NULL::text "text"
                      SELECT n.user_id, n.campaign_id, n.vendor_platform_id,
                             n.status AS enrollment_status, n.enrolled_at,
                             NULL::expert_network.expert_status AS expert_status, NULL::pg_catalog.timestamptz AS proposed_at,
                             NULL::pg_catalog.uuid AS call_id, NULL::pg_catalog.numeric AS rating,
                             NULL::pg_catalog.numeric AS relevance, NULL::pg_catalog.numeric AS expertise,
                             NULL::pg_catalog.numeric AS communication, NULL::pg_catalog.numeric AS amount_usd
                        FROM expert_network.campaign_vendor_enrollments AS n
                      UNION ALL
                      SELECT e.user_id, e.campaign_id, e.vendor_platform_id,
                             NULL AS enrollment_status, NULL AS enrolled_at,
                             e.status AS expert_status, e.created_at AS proposed_at,
                             NULL AS call_id, NULL AS rating, NULL AS relevance, NULL AS expertise,
                             NULL AS communication, NULL AS amount_usd
                        FROM expert_network.experts AS e
                      UNION ALL
                      SELECT ci.user_id, ci.campaign_id, e.vendor_platform_id,
                             NULL AS enrollment_status, NULL AS enrolled_at,
                             NULL AS expert_status, NULL AS proposed_at,
                             ci.id AS call_id, ci.rating, ci.relevance_rating AS relevance,
                             ci.expertise_rating AS expertise, ci.communication_rating AS communication,
                             NULL AS amount_usd
                        FROM expert_network.completed_interviews AS ci
                        JOIN expert_network.experts AS e ON e.id OPERATOR(pg_catalog.=) ci.expert_id
                      UNION ALL
                      SELECT o.user_id, o.campaign_id, o.vendor_platform_id,
                             NULL AS enrollment_status, NULL AS enrolled_at,
                             NULL AS expert_status, NULL AS proposed_at,
                             NULL AS call_id, NULL AS rating, NULL AS relevance, NULL AS expertise,
                             NULL AS communication, o.amount_usd
                        FROM expert_network.campaign_costs AS o
                       WHERE o.vendor_platform_id IS NOT NULL
                     ) AS u (user_id, campaign_id, vendor_platform_id, enrollment_status, enrolled_at,
                             expert_status, proposed_at, call_id, rating, relevance, expertise,
                             communication, amount_usd)
               GROUP BY u.user_id, u.campaign_id, u.vendor_platform_id
              ) AS g (user_id, campaign_id, vendor_platform_id, enrollment_status, enrolled_at,
                      proposed, reviewed, rejected, first_proposed_at, calls,
                      rating_sum, rating_n, relevance_sum, relevance_n, expertise_sum, expertise_n,
                      communication_sum, communication_n, cost)
        GROUP BY g.user_id, g.vendor_platform_id
       ) AS s (user_id, vendor_platform_id, campaigns, campaigns_enrolled,
               experts_proposed, experts_reviewed, experts_rejected, calls_completed,
               rating_sum, rating_n, relevance_sum, relevance_n, expertise_sum, expertise_n,
               communication_sum, communication_n, cost_total_usd, days_to_first_proposal)
  JOIN expert_network.vendor_platforms AS vp ON vp.id OPERATOR(pg_catalog.=) s.vendor_platform_id;

COMMENT ON VIEW expert_network.vendor_scorecard IS
'One row per vendor the current user works with (an enrollment, an expert or a cost in one of the user''s campaigns): experts proposed, share reviewed and rejected, calls completed, average ratings, cost per completed call, days from enrollment to first proposal (security_invoker: row-level security of the caller)';
COMMENT ON COLUMN expert_network.vendor_scorecard.user_id IS 'Owner: the BetterAuth user id';
COMMENT ON COLUMN expert_network.vendor_scorecard.vendor_platform_id IS 'The vendor (vendor_platforms.id)';
COMMENT ON COLUMN expert_network.vendor_scorecard.vendor_name IS 'vendor_platforms.name';
COMMENT ON COLUMN expert_network.vendor_scorecard.campaigns IS 'Campaigns with an enrollment of the vendor, whatever its status';
COMMENT ON COLUMN expert_network.vendor_scorecard.campaigns_enrolled IS 'Campaigns whose enrollment of the vendor is enrolled';
COMMENT ON COLUMN expert_network.vendor_scorecard.experts_proposed IS 'Experts the vendor proposed, in any status';
COMMENT ON COLUMN expert_network.vendor_scorecard.experts_reviewed IS 'Of those, experts that passed review: reviewed, scheduling, scheduled or completed';
COMMENT ON COLUMN expert_network.vendor_scorecard.experts_rejected IS 'Of those, experts rejected';
COMMENT ON COLUMN expert_network.vendor_scorecard.share_reviewed IS 'experts_reviewed / experts_proposed, four decimals; NULL without experts';
COMMENT ON COLUMN expert_network.vendor_scorecard.share_rejected IS 'experts_rejected / experts_proposed, four decimals; NULL without experts';
COMMENT ON COLUMN expert_network.vendor_scorecard.calls_completed IS 'Completed interviews with the vendor''s experts';
COMMENT ON COLUMN expert_network.vendor_scorecard.average_rating IS 'Average overall rating (0-5) of those calls, two decimals; NULL when none is rated';
COMMENT ON COLUMN expert_network.vendor_scorecard.average_relevance IS 'Average relevance rating; NULL when none';
COMMENT ON COLUMN expert_network.vendor_scorecard.average_expertise IS 'Average expertise rating; NULL when none';
COMMENT ON COLUMN expert_network.vendor_scorecard.average_communication IS 'Average communication rating; NULL when none';
COMMENT ON COLUMN expert_network.vendor_scorecard.cost_total_usd IS 'Sum of the costs booked to the vendor (campaign_costs.amount_usd); 0 when none';
COMMENT ON COLUMN expert_network.vendor_scorecard.cost_per_completed_call IS 'cost_total_usd / calls_completed, rounded to cents; NULL before the first completed call';
COMMENT ON COLUMN expert_network.vendor_scorecard.days_to_first_proposal IS 'Average over the vendor''s enrollments with an enrolled_at of the days from enrolled_at to the vendor''s first expert in that campaign, one decimal; NULL when there is none';

CREATE VIEW expert_network.team_workload WITH (security_invoker = true) AS
SELECT m.id AS team_member_id,
       m.user_id,
       m.name,
       m.designation,
       m.email,
       a.campaigns,
       a.active_campaigns,
       i.scheduled_calls,
       i.completed_calls,
       i.scheduled_minutes,
       i.completed_minutes,
       i.next_call_date
  FROM expert_network.team_members AS m
 CROSS JOIN LATERAL (
       SELECT pg_catalog.count(*)::pg_catalog.int4,
              pg_catalog.count(*) FILTER (WHERE c.status OPERATOR(pg_catalog.=) 'active')::pg_catalog.int4
         FROM expert_network.campaign_team_assignments AS ca
         JOIN expert_network.campaigns AS c ON c.id OPERATOR(pg_catalog.=) ca.campaign_id
        WHERE ca.team_member_id OPERATOR(pg_catalog.=) m.id
       ) AS a (campaigns, active_campaigns)
 CROSS JOIN LATERAL (
       SELECT pg_catalog.count(*) FILTER (WHERE iv.status OPERATOR(pg_catalog.=)
                                                ANY ('{pending,scheduled,confirmed}'))::pg_catalog.int4,
              pg_catalog.count(*) FILTER (WHERE iv.status OPERATOR(pg_catalog.=) 'completed')::pg_catalog.int4,
              COALESCE(pg_catalog.sum(iv.duration_minutes)
                           FILTER (WHERE iv.status OPERATOR(pg_catalog.=)
                                         ANY ('{pending,scheduled,confirmed}')), 0)::pg_catalog.int4,
              COALESCE(pg_catalog.sum(iv.duration_minutes)
                           FILTER (WHERE iv.status OPERATOR(pg_catalog.=) 'completed'), 0)::pg_catalog.int4,
              pg_catalog.min(iv.scheduled_date)
                  FILTER (WHERE iv.status OPERATOR(pg_catalog.=) ANY ('{pending,scheduled,confirmed}'))
         FROM expert_network.interview_team_assignments AS ia
         JOIN expert_network.interviews AS iv ON iv.id OPERATOR(pg_catalog.=) ia.interview_id
        WHERE ia.team_member_id OPERATOR(pg_catalog.=) m.id
       ) AS i (scheduled_calls, completed_calls, scheduled_minutes, completed_minutes, next_call_date);

COMMENT ON VIEW expert_network.team_workload IS
'One row per team member of the current user: campaigns assigned (active ones), calls assigned that are still to happen and done, their minutes, the next call''s date (security_invoker: row-level security of the caller)';
COMMENT ON COLUMN expert_network.team_workload.team_member_id IS 'The team member (team_members.id)';
COMMENT ON COLUMN expert_network.team_workload.user_id IS 'Owner: the BetterAuth user id';
COMMENT ON COLUMN expert_network.team_workload.name IS 'team_members.name';
COMMENT ON COLUMN expert_network.team_workload.designation IS 'team_members.designation';
COMMENT ON COLUMN expert_network.team_workload.email IS 'team_members.email';
COMMENT ON COLUMN expert_network.team_workload.campaigns IS 'Campaigns the member is assigned to';
COMMENT ON COLUMN expert_network.team_workload.active_campaigns IS 'Of those, campaigns in status active';
COMMENT ON COLUMN expert_network.team_workload.scheduled_calls IS 'Interviews assigned to the member that are pending, scheduled or confirmed';
COMMENT ON COLUMN expert_network.team_workload.completed_calls IS 'Interviews assigned to the member that are completed';
COMMENT ON COLUMN expert_network.team_workload.scheduled_minutes IS 'Minutes of the scheduled calls (duration_minutes); 0 when none';
COMMENT ON COLUMN expert_network.team_workload.completed_minutes IS 'Minutes of the completed calls; 0 when none';
COMMENT ON COLUMN expert_network.team_workload.next_call_date IS 'The earliest scheduled_date of the scheduled calls; NULL when none';

-- what a fresh install gives the role that installed it (@extowner@ would
-- name the role running this update, not the extension's owner)
DO $$
DECLARE
    owner pg_catalog.text;
BEGIN
    SELECT pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(e.extowner)) INTO STRICT owner
      FROM pg_catalog.pg_extension AS e WHERE e.extname OPERATOR(pg_catalog.=) 'expert_network';
    EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE expert_network.campaign_dashboard,'
            ' expert_network.vendor_scorecard, expert_network.team_workload TO '
            OPERATOR(pg_catalog.||) owner OPERATOR(pg_catalog.||) ' WITH GRANT OPTION';
    EXECUTE 'GRANT EXECUTE ON FUNCTION expert_network.fill_empty_arrays() TO '
            OPERATOR(pg_catalog.||) owner OPERATOR(pg_catalog.||) ' WITH GRANT OPTION';
END
$$;

-- every recorded role gets exactly its level on 0.15.0's objects
SELECT pg_catalog.count(*) FROM expert_network.apply_access_levels();
