/*
 * demo/picture.sql — print a readable picture of the demo data
 * (demo/sample.sql):  psql -X -q -f demo/picture.sql
 *
 * The dashboards come from the extension's views (0.12.0):
 * campaign_dashboard, vendor_scorecard and team_workload.  Run as the
 * superuser, the views show every user's rows; an application role sees its
 * current user's only (see the end).
 *
 * Read-only, apart from a few temporary helper functions.  Times are shown
 * in New York time, where the deal team sits, next to the expert's own.
 */

\set QUIET on
\set ON_ERROR_STOP on
\encoding UTF8
\pset footer off
\pset null ''
\pset linestyle unicode
\pset border 2
\pset pager off

SET search_path = expert_network, pg_catalog;
SET TimeZone = 'America/New_York';

-- wrap(t, width, indent): word-wrap t into lines of at most width characters
CREATE FUNCTION pg_temp.wrap(t text, width integer, indent text DEFAULT '')
RETURNS text LANGUAGE sql IMMUTABLE
RETURN indent || rtrim(regexp_replace(t, '(.{1,' || width || '})(\s+|$)', '\1' || E'\n' || indent, 'g'), E'\n ');

-- label(campaign name): short name for narrow columns, the part after the dash
CREATE FUNCTION pg_temp.label(name text) RETURNS text LANGUAGE sql IMMUTABLE
RETURN coalesce(nullif(split_part(name, ' — ', 2), ''), name);

-- stars(rating 0-5): ★★★★½
CREATE FUNCTION pg_temp.stars(r numeric) RETURNS text LANGUAGE sql IMMUTABLE
RETURN repeat('★', floor(r)::integer) || CASE WHEN r > floor(r) THEN '½' ELSE '' END;

-- usd(amount): $1,275
CREATE FUNCTION pg_temp.usd(a numeric) RETURNS text LANGUAGE sql IMMUTABLE
RETURN to_char(a, 'FM$999,999,990');

-- campaigns in dashboard order, with their dashboard row
CREATE TEMPORARY VIEW ordered_campaigns AS
SELECT d.campaign_id AS id, d.*,
       row_number() OVER (ORDER BY d.project_display_order NULLS LAST, d.project_name, d.display_order, d.campaign_name) AS n
  FROM campaign_dashboard d;

/* ------------------------------------------------------------------------ */
\pset tuples_only on
\pset format unaligned
SELECT format(E'\n━━ %s (%s) ━━ owner %s, %s campaigns\n%s',
              p.project_name, p.project_code, p.user_id,
              (SELECT count(*) FROM campaigns c WHERE c.project_id = p.id),
              pg_temp.wrap(p.description, 88, '   '))
  FROM projects p
 ORDER BY p.user_id, p.display_order;
\pset format aligned
\pset tuples_only off

/* ------------------------------------------------------------------------ */
\echo
\echo '── Campaigns dashboard'
SELECT f.n, f.field AS " ", c.campaign_name, c.n AS cn, f.value
  FROM ordered_campaigns c
 CROSS JOIN LATERAL (VALUES
   (1, 'Project',   coalesce(c.project_name || ' (' || c.project_code || ')', 'Other campaigns')),
   (2, 'Industry',  c.industry_vertical),
   (3, 'Timeline',  to_char(c.start_date, 'Mon FMDD') || ' – ' || to_char(c.target_completion_date, 'Mon FMDD, YYYY')),
   (4, 'Regions',   array_to_string(c.target_regions, ', ')),
   (5, 'Status',    c.status::text),
   (6, 'Calls',     format('%s%s completed, %s scheduled', c.completed_calls, '/' || coalesce(c.min_calls, c.max_calls), c.scheduled_calls)),
   (7, 'Target',    concat_ws('–', c.min_calls, c.max_calls) || ' calls'
                    || coalesce(format(' (%s%% of the minimum)', round(100 * c.progress_to_min)), '')),
   (8, 'Cost',      pg_temp.usd(c.cost_total_usd) || coalesce(', ' || pg_temp.usd(c.cost_per_completed_call) || ' per call', '')),
   (9, 'Rating',    coalesce(rpad(pg_temp.stars(c.average_rating), 5) || ' ' || c.average_rating
                             || format(' (%s rated)', c.rated_calls), '')),
   (10, 'Vendors',  array_to_string(c.enrolled_vendors, ', ') || coalesce(format(' (+%s pending)', nullif(c.vendors_pending, 0)), '')),
   (11, 'Team',     array_to_string(c.team_members, ', '))
 ) AS f (n, field, value)
 ORDER BY f.n, c.n
\crosstabview 2 3 5 4

\echo '── Team workload'
SELECT w.name AS "Name", w.designation AS "Role",
       (SELECT string_agg(pg_temp.label(c.campaign_name), ', ' ORDER BY c.n)
          FROM campaign_team_assignments a JOIN ordered_campaigns c ON c.id = a.campaign_id
         WHERE a.team_member_id = w.team_member_id) AS "Campaigns",
       w.completed_calls AS "Calls done", w.completed_minutes AS "Min",
       w.scheduled_calls AS "Booked", w.scheduled_minutes AS "Min ",
       coalesce(to_char(w.next_call_date, 'Dy Mon FMDD'), '') AS "Next call"
  FROM team_workload w JOIN team_members t ON t.id = w.team_member_id
 ORDER BY t.created_at, w.name;

/* ------------------------------------------------------------------------ */
\echo '── Vendor enrollments'
SELECT v.name AS "Vendor", c.campaign_name, c.n,
       CASE e.status
         WHEN 'enrolled' THEN format('enrolled %s, %s', to_char(e.enrolled_at, 'Mon FMDD'), e.account_manager_name)
         WHEN 'pending'  THEN 'pending' || coalesce(' — ' || e.notes, '')
         ELSE 'not enrolled' || coalesce(' — ' || e.notes, '')
       END
  FROM campaign_vendor_enrollments e
  JOIN vendor_platforms v ON v.id = e.vendor_platform_id
  JOIN ordered_campaigns c ON c.id = e.campaign_id
 ORDER BY v.name, c.n
\crosstabview 1 2 4 3

\echo '── Vendor scorecard'
SELECT s.vendor_name AS "Vendor", s.campaigns_enrolled || '/' || s.campaigns AS "Enrolled",
       s.experts_proposed AS "Proposed",
       coalesce(round(100 * s.share_reviewed) || '%', '') AS "Passed review",
       coalesce(round(100 * s.share_rejected) || '%', '') AS "Rejected",
       s.calls_completed AS "Calls",
       coalesce(s.average_rating::text, '') AS "Rating",
       pg_temp.usd(s.cost_total_usd) AS "Cost",
       coalesce(pg_temp.usd(s.cost_per_completed_call), '') AS "Per call",
       coalesce(s.days_to_first_proposal || ' d', '') AS "First expert"
  FROM vendor_scorecard s
 ORDER BY s.user_id, s.calls_completed DESC, s.experts_proposed DESC, s.vendor_name;

\pset tuples_only on
\pset format unaligned
SELECT format(E'Catalog: %s vendors, %s of them shipped with the extension%s\n',
              count(*),
              count(*) FILTER (WHERE id BETWEEN '00000000-0000-4000-8000-000000000000'
                                            AND '00000000-0000-4000-8000-0000000000ff'),
              coalesce('; added here: ' || string_agg(name, ', ' ORDER BY name)
                         FILTER (WHERE id NOT BETWEEN '00000000-0000-4000-8000-000000000000'
                                                  AND '00000000-0000-4000-8000-0000000000ff'), ''))
  FROM vendor_platforms;
\pset format aligned
\pset tuples_only off

/* ------------------------------------------------------------------------ */
\echo '── Experts pipeline'
SELECT s.n, s.status AS "Status", c.campaign_name, c.n AS cn, s.experts
  FROM ordered_campaigns c
 CROSS JOIN LATERAL (VALUES (1, 'proposed', c.experts_proposed), (2, 'reviewed', c.experts_reviewed),
                            (3, 'scheduling', c.experts_scheduling), (4, 'scheduled', c.experts_scheduled),
                            (5, 'completed', c.experts_completed), (6, 'rejected', c.experts_rejected),
                            (99, 'total', c.experts_total)) AS s (n, status, experts)
 ORDER BY 1, 4
\crosstabview 2 3 5 4

-- one table per campaign, headed by the campaign's name
SELECT format($q$
SELECT e.name || ' · ' || e.title || coalesce(', ' || e.company, '') AS %I,
       v.name AS "Vendor", e.ai_fit_score AS "Fit",
       e.status || CASE WHEN e.is_new THEN ' (new)' ELSE '' END AS "Status"
  FROM expert_network.experts e JOIN expert_network.vendor_platforms v ON v.id = e.vendor_platform_id
 WHERE e.campaign_id = %L
 ORDER BY array_position(ARRAY['completed', 'scheduled', 'scheduling', 'reviewed', 'proposed', 'rejected'], e.status::text),
          e.ai_fit_score DESC NULLS LAST, e.name
$q$, c.campaign_name, c.id)
  FROM ordered_campaigns c
 WHERE EXISTS (SELECT FROM experts e WHERE e.campaign_id = c.id)
 ORDER BY c.n
\gexec

/* ------------------------------------------------------------------------ */
\echo '── Screeners'
\pset tuples_only on
\pset format unaligned
-- each screener as an outline, walked by the extension (question_tree, C)
SELECT line FROM (
  SELECT c.n, 0 AS ord,
         format(E'\n%s  (%s questions)', c.campaign_name,
                (SELECT count(*) FROM expert_network.question_tree(c.id))) AS line
    FROM ordered_campaigns c
  UNION ALL
  SELECT c.n, q.ord,
         repeat('    ', q.depth + 1) || rpad(q.position, 5) || q.question_text
         || CASE q.question_type
              WHEN 'multiple-choice' THEN
                E'\n' || repeat('    ', q.depth + 1) || '     ○ '
                || (SELECT string_agg(o, '  ○ ' ORDER BY i)
                      FROM jsonb_array_elements_text(q.options) WITH ORDINALITY AS x (o, i))
              WHEN 'rating' THEN
                E'\n' || repeat('    ', q.depth + 1) || '     rating '
                || coalesce(q.options->>'min', '1') || '–' || coalesce(q.options->>'max', '5')
                || coalesce(' (' || (q.options->'labels'->>0) || ' … ' || (q.options->'labels'->>1) || ')', '')
              ELSE ''
            END
    FROM ordered_campaigns c,
         LATERAL expert_network.question_tree(c.id) WITH ORDINALITY AS q(id, parent_question_id, depth, position,
                                                                        path, question_text, question_type,
                                                                        options, display_order, ord)
) lines
ORDER BY n, ord;
\echo
\pset format aligned
\pset tuples_only off

/* ------------------------------------------------------------------------ */
\echo '── Interviews calendar: booked and cancelled (New York time)'
SELECT to_char(s.starts_at, 'Dy Mon FMDD, HH24:MI TZ') AS "When",
       to_char(i.scheduled_time, 'HH24:MI') || ' ' || replace(regexp_replace(i.timezone, '^.*/', ''), '_', ' ') AS "Expert's time",
       i.duration_minutes AS "Min",
       e.name AS "Expert",
       pg_temp.label(c.campaign_name) AS "Campaign",
       i.status AS "Status",
       (SELECT string_agg(split_part(t.name, ' ', 1), ', ' ORDER BY t.name)
          FROM interview_team_assignments a JOIN team_members t ON t.id = a.team_member_id
         WHERE a.interview_id = i.id) AS "Team"
  FROM interviews i
  JOIN experts e ON e.id = i.expert_id
  JOIN campaigns c ON c.id = i.campaign_id
 CROSS JOIN LATERAL (SELECT (i.scheduled_date + i.scheduled_time) AT TIME ZONE i.timezone AS starts_at) AS s
 WHERE i.status <> 'completed'
 ORDER BY s.starts_at;

\echo '── Completed interviews'
SELECT to_char(k.interview_date, 'Mon DD') AS "Date",
       e.name AS "Expert",
       pg_temp.label(c.campaign_name) AS "Campaign",
       k.duration AS "Length",
       rpad(pg_temp.stars(k.rating), 5) || ' ' || k.rating AS "Rating",
       concat_ws(' / ', k.relevance_rating, k.expertise_rating, k.communication_rating) AS "Rel / Exp / Comm",
       CASE WHEN k.transcript_available THEN 'transcript'
            WHEN k.recording_url IS NOT NULL THEN 'recording'
            ELSE '' END AS "Files"
  FROM completed_interviews k
  JOIN experts e ON e.id = k.expert_id
  JOIN ordered_campaigns c ON c.id = k.campaign_id
 ORDER BY k.interview_date, k.interview_time;

\pset tuples_only on
\pset format unaligned
SELECT format(E'  %s, %s — %s\n%s\n%s', e.name, to_char(k.interview_date, 'Mon DD'), k.review_text,
              pg_temp.wrap('Notes: ' || k.notes, 90, '      '), '')
  FROM completed_interviews k JOIN experts e ON e.id = k.expert_id
 ORDER BY k.interview_date, k.interview_time;
\pset format aligned
\pset tuples_only off

/* ------------------------------------------------------------------------ */
\echo '── Costs'
SELECT CASE WHEN grouping(c.n) = 1 THEN 'All campaigns'
            WHEN grouping(v.name, k.fee_type, k.id) = 7 THEN '  total'
            ELSE pg_temp.label(c.campaign_name) END AS "Campaign",
       CASE WHEN grouping(k.id) = 0 THEN v.name
            ELSE '' END AS "Vendor",
       CASE WHEN grouping(k.id) = 0 THEN replace(k.fee_type, '_', ' ') END AS "Fee",
       CASE WHEN grouping(k.id) = 0 THEN min(k.units) END AS "Units",
       lpad(pg_temp.usd(sum(k.amount_usd)), 7) AS "Amount",
       CASE WHEN grouping(k.id) = 0 THEN min(k.memo)
            ELSE format('%s per completed call', pg_temp.usd(sum(k.amount_usd) / nullif(
                   CASE WHEN grouping(c.n) = 1 THEN (SELECT sum(completed_calls) FROM campaigns)
                        ELSE max(c.completed_calls) END, 0)))
       END AS "Memo"
  FROM campaign_costs k
  JOIN ordered_campaigns c ON c.id = k.campaign_id
  LEFT JOIN vendor_platforms v ON v.id = k.vendor_platform_id
 GROUP BY ROLLUP ((c.n, c.campaign_name), (v.name, k.fee_type, k.id))
 ORDER BY c.n NULLS LAST, grouping(k.id), v.name, k.fee_type;

/* ------------------------------------------------------------------------ */
\echo '── Research assistant'
\pset tuples_only on
\pset format unaligned
SELECT format(E'"%s"  (%s, %s)', s.title,
              coalesce(c.campaign_name, 'no campaign'), to_char(s.created_at, 'Mon FMDD'))
       || (SELECT string_agg(E'\n' || rpad(CASE m.role WHEN 'user' THEN 'You' ELSE 'Assistant' END, 10)
                             || to_char(m.created_at, 'HH24:MI') || E'\n'
                             || pg_temp.wrap(m.content, 84, '    '),
                             '' ORDER BY m.created_at, m.id)
             FROM chat_messages m WHERE m.chat_session_id = s.id)
       || E'\n'
  FROM chat_sessions s LEFT JOIN campaigns c ON c.id = s.campaign_id
 ORDER BY s.updated_at DESC;
\pset format aligned
\pset tuples_only off

\echo 'Research activities'
SELECT a.activity_name AS "Activity", a.status AS "Status",
       coalesce(a.confidence || '%', '') AS "Confidence",
       coalesce(to_char(a.completed_at - a.created_at, 'FMMI"m"SS"s"'), '') AS "Took"
  FROM research_activities a
 ORDER BY a.created_at, a.id;

\echo 'Sources'
SELECT r.source_name AS "Source", r.source_type AS "Type", r.status AS "Status",
       coalesce(r.size_text, '') AS "Size"
  FROM research_sources r
 ORDER BY r.created_at, r.id;

\pset tuples_only on
\pset format unaligned
\echo 'Answer'
SELECT format(E'%s. %s\n%s\n', a.display_order, a.title, pg_temp.wrap(a.content, 84, '   '))
  FROM answer_sections a
 ORDER BY a.chat_session_id, a.display_order;

\echo '── UI preferences'
SELECT format(E'%s: %s theme; expanded in the sidebar: %s; chat panel %s px wide\n',
              u.user_id, u.theme,
              coalesce((SELECT string_agg(p.project_name, ', ' ORDER BY p.display_order)
                          FROM projects p WHERE p.id::text = ANY (u.expanded_projects)), 'none'),
              u.panel_sizing->>'chatWidth')
  FROM user_ui_preferences u
 ORDER BY u.user_id;

\echo '── Scoping: what an application role sees, per user'
-- a role like an application's: not superuser, so row-level security applies
CREATE ROLE demo_app;
SELECT expert_network.grant_access('demo_app', 'app') \gset
SET ROLE demo_app;
\set visible 'SELECT format(''%-38s -> %s campaigns, %s experts, %s interviews; dashboards: %s campaigns, %s vendors, %s team members'', coalesce(''expert_network.user_id = '' || quote_literal(expert_network.current_user_id()), ''no identity''), (SELECT count(*) FROM expert_network.campaigns), (SELECT count(*) FROM expert_network.experts), (SELECT count(*) FROM expert_network.interviews), (SELECT count(*) FROM expert_network.campaign_dashboard), (SELECT count(*) FROM expert_network.vendor_scorecard), (SELECT count(*) FROM expert_network.team_workload))'
SET expert_network.user_id = 'user_demo_1';
:visible;
SET expert_network.user_id = 'user_demo_2';
:visible;
RESET expert_network.user_id;
:visible;
RESET ROLE;
SELECT expert_network.revoke_access('demo_app') \gset
DROP ROLE demo_app;
