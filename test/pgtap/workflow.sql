-- test/pgtap/workflow.sql — the workflow state machines (0.4.0), behaviour.
--
-- The graphs, transcribed from issue 4 into the table graph below, are
-- what workflow_transitions and allowed_transitions() show, and what every
-- UPDATE of a status obeys: each edge of every entity succeeds and every
-- other pair of distinct statuses fails with 23514 and the exact message;
-- the stamps of the steps; the cross-entity rules (enrolled vendor, nothing
-- new in an archived campaign, an interview in its expert's campaign, for a
-- reviewed / scheduling / scheduled / completed expert); the interview
-- lifecycle's effects on experts (0.8.0: deleting a live interview,
-- directly or by cascade, too); exactly one completed_interviews row
-- however an interview completes; the interview API, its results and its
-- errors; the history (initial statuses, every change in order, owned,
-- written only by the extension); a superuser's writes with no identity,
-- which obey every rule (0.8.0) unless row_security is off: the restore
-- path, which takes none of the cross-entity rules, lifecycle effects or
-- history.
--
-- Everything but the superuser's writes runs as an app role
-- (grant_access(role, 'app'): neither superuser nor BYPASSRLS, so row-level
-- security applies), with the identity set the way an application does it,
-- set_config('expert_network.user_id', ..., true), its result sent to
-- /dev/null.  Runs under pg_prove in a database with pgtap and
-- expert_network installed (test/suite), as a superuser, in one transaction
-- that is rolled back: the role created here vanishes with it.  now() is
-- constant in it: the stamps of the steps are now().
--
-- Fixture ids 0000000N-0000-4000-8000-00000000XXXX with N
--   1 campaigns   2 experts   3 interviews   4 chat sessions
-- W0 (1…0001) is user wf_u1's active campaign with GLG enrolled, X0
-- (2…0001) its completed expert, whom the interviews of the graph tests are
-- with (a completed expert is final: no lifecycle effect moves it); S0
-- (4…0001) a chat session for the research rows.  Other rows are made by
-- pg_temp.new_row(), or named in their section.

SET client_min_messages = warning;

BEGIN;

SELECT plan(278);

CREATE ROLE en_wf_app NOLOGIN;
SELECT expert_network.grant_access('en_wf_app', 'app') \g /dev/null

/* ------------------------------------------------------------------------
 * The graphs, as issue 4 states them (ord: the order of the steps), and
 * the statuses of each entity, as its table's CHECK constraint listed them
 * (0.15.0: the labels of its status column's enum type, in their order)
 * ------------------------------------------------------------------------ */

CREATE TEMPORARY TABLE graph (ord serial PRIMARY KEY, entity text, from_status text, to_status text);
INSERT INTO graph (entity, from_status, to_status) VALUES
('campaign', 'draft', 'active'), ('campaign', 'draft', 'archived'),
('campaign', 'active', 'paused'), ('campaign', 'active', 'completed'),
('campaign', 'paused', 'active'), ('campaign', 'paused', 'completed'),
('campaign', 'completed', 'active'), ('campaign', 'completed', 'archived'),
('expert', 'proposed', 'reviewed'), ('expert', 'proposed', 'rejected'),
('expert', 'reviewed', 'scheduling'), ('expert', 'reviewed', 'scheduled'), ('expert', 'reviewed', 'rejected'),
('expert', 'scheduling', 'scheduled'), ('expert', 'scheduling', 'rejected'),
('expert', 'scheduled', 'completed'), ('expert', 'scheduled', 'scheduling'),
('expert', 'rejected', 'reviewed'),
('interview', 'pending', 'scheduled'), ('interview', 'pending', 'confirmed'), ('interview', 'pending', 'cancelled'),
('interview', 'scheduled', 'confirmed'), ('interview', 'scheduled', 'completed'), ('interview', 'scheduled', 'cancelled'),
('interview', 'confirmed', 'completed'), ('interview', 'confirmed', 'cancelled'),
('enrollment', 'not_enrolled', 'pending'),
('enrollment', 'pending', 'enrolled'), ('enrollment', 'pending', 'not_enrolled'),
('enrollment', 'enrolled', 'not_enrolled'),
('research_activity', 'queued', 'processing'), ('research_activity', 'queued', 'failed'),
('research_activity', 'processing', 'completed'), ('research_activity', 'processing', 'failed'),
('research_activity', 'failed', 'queued'),
('research_source', 'processing', 'scraped'), ('research_source', 'processing', 'failed'),
('research_source', 'failed', 'processing');

CREATE TEMPORARY TABLE entities (ord integer PRIMARY KEY, entity text UNIQUE, tbl name, statuses text[]);
INSERT INTO entities VALUES
(1, 'campaign',          'campaigns',                   ARRAY['draft', 'active', 'paused', 'completed', 'archived']),
(2, 'expert',            'experts',                     ARRAY['proposed', 'reviewed', 'rejected', 'scheduling', 'scheduled', 'completed']),
(3, 'interview',         'interviews',                  ARRAY['pending', 'scheduled', 'confirmed', 'completed', 'cancelled']),
(4, 'enrollment',        'campaign_vendor_enrollments', ARRAY['not_enrolled', 'pending', 'enrolled']),
(5, 'research_activity', 'research_activities',         ARRAY['queued', 'processing', 'completed', 'failed']),
(6, 'research_source',   'research_sources',            ARRAY['processing', 'scraped', 'failed']);

GRANT SELECT ON graph, entities TO PUBLIC;

/* ------------------------------------------------------------------------
 * Helpers, run as the role of the moment:
 *   pg_temp.new_row(entity, status)   INSERTs a row of the entity in that
 *       status (campaigns, enrollments with a campaign of their own, experts
 *       in W0, interviews with X0, research rows in S0); returns its id
 *       (0.15.0: the status, text here, cast to the table's enum type)
 *   pg_temp.status_of(entity, id)     the row's status
 *   pg_temp.error_of(sql)             'SQLSTATE: message / detail / hint'
 *   pg_temp.history_of(id)            the row's history, in order, as
 *       'from>to' items ('>to' for the initial status)
 * ------------------------------------------------------------------------ */

CREATE FUNCTION pg_temp.new_row(p_entity text, p_status text) RETURNS uuid
LANGUAGE plpgsql AS $$
DECLARE
    new_id uuid;
    c uuid;
BEGIN
    CASE p_entity
    WHEN 'campaign' THEN
        INSERT INTO expert_network.campaigns (campaign_name, industry_vertical, start_date,
                                              target_completion_date, status)
        VALUES ('Graph campaign', 'Technology', '2026-01-01', '2026-06-30',
                p_status::expert_network.campaign_status)
        RETURNING id INTO new_id;
    WHEN 'expert' THEN
        INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title, status)
        VALUES ('00000001-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001',
                'Graph expert', 'Title', p_status::expert_network.expert_status)
        RETURNING id INTO new_id;
    WHEN 'interview' THEN
        INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time, status)
        VALUES ('00000001-0000-4000-8000-000000000001', '00000002-0000-4000-8000-000000000001',
                -- a day of its own: since 0.13.0 one expert's live calls may not overlap
                (SELECT COALESCE(pg_catalog.max(i.scheduled_date), DATE '2030-01-01') FROM expert_network.interviews AS i
                  WHERE i.scheduled_date >= DATE '2030-01-01') + 1, '10:00',
                p_status::expert_network.interview_status)
        RETURNING id INTO new_id;
    WHEN 'enrollment' THEN
        INSERT INTO expert_network.campaigns (campaign_name, industry_vertical, start_date, target_completion_date)
        VALUES ('Enrollment campaign', 'Technology', '2026-01-01', '2026-06-30')
        RETURNING id INTO c;
        INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
        VALUES (c, '00000000-0000-4000-8000-000000000001', p_status::expert_network.enrollment_status)
        RETURNING id INTO new_id;
    WHEN 'research_activity' THEN
        INSERT INTO expert_network.research_activities (chat_session_id, activity_name, status)
        VALUES ('00000004-0000-4000-8000-000000000001', 'Graph activity',
                p_status::expert_network.research_activity_status)
        RETURNING id INTO new_id;
    WHEN 'research_source' THEN
        INSERT INTO expert_network.research_sources (chat_session_id, source_name, source_type, status)
        VALUES ('00000004-0000-4000-8000-000000000001', 'Graph source', 'URL',
                p_status::expert_network.research_source_status)
        RETURNING id INTO new_id;
    END CASE;
    RETURN new_id;
END;
$$;

CREATE FUNCTION pg_temp.status_of(p_entity text, p_id uuid) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    s text;
BEGIN
    EXECUTE format('SELECT status FROM expert_network.%I WHERE id = $1',
                   (SELECT tbl FROM entities WHERE entity = p_entity))
       INTO s USING p_id;
    RETURN s;
END;
$$;

CREATE FUNCTION pg_temp.error_of(sql text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    st text; msg text; det text; hnt text;
BEGIN
    EXECUTE sql;
    RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
                            det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT;
    RETURN format('%s: %s / %s / %s', st, msg, det, hnt);
END;
$$;

CREATE FUNCTION pg_temp.history_of(p_id uuid) RETURNS text
LANGUAGE sql AS $$
    SELECT pg_catalog.string_agg(COALESCE(from_status, '') || '>' || to_status, ' ' ORDER BY changed_at)
      FROM expert_network.status_history WHERE row_id = p_id
$$;

/* ------------------------------------------------------------------------
 * Fixture, as the app role (1)
 * ------------------------------------------------------------------------ */

SET LOCAL ROLE en_wf_app;
SELECT set_config('expert_network.user_id', 'wf_u1', true) \g /dev/null

INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date, target_completion_date, status)
VALUES ('00000001-0000-4000-8000-000000000001', 'W0', 'Technology', '2026-01-01', '2026-06-30', 'active');
INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
VALUES ('00000001-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'enrolled');
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, status)
VALUES ('00000002-0000-4000-8000-000000000001', '00000001-0000-4000-8000-000000000001',
        '00000000-0000-4000-8000-000000000001', 'X0', 'Former CFO', 'completed');
INSERT INTO expert_network.chat_sessions (id, title) VALUES ('00000004-0000-4000-8000-000000000001', 'S0');

SELECT results_eq(
    $$ SELECT (SELECT count(*) FROM expert_network.campaigns), (SELECT count(*) FROM expert_network.experts),
              (SELECT count(*) FROM expert_network.chat_sessions), current_user::text COLLATE "default",
              (SELECT rolsuper OR rolbypassrls FROM pg_catalog.pg_roles WHERE rolname = current_user) $$,
    $$ VALUES (1::bigint, 1::bigint, 1::bigint, 'en_wf_app'::text, false) $$,
    'fixture: the app role (neither superuser nor BYPASSRLS), as wf_u1, has W0, X0 and S0');

/* ------------------------------------------------------------------------
 * The graphs as data: workflow_transitions, allowed_transitions() (2 + 1
 * (0.15.0: the enum types) + 26 + 2)
 * ------------------------------------------------------------------------ */

SELECT set_eq(
    $$ SELECT entity, from_status, to_status FROM expert_network.workflow_transitions $$,
    $$ SELECT entity, from_status, to_status FROM graph $$,
    'workflow_transitions has exactly the 38 steps of the six graphs');
SELECT set_eq(
    $$ SELECT entity, s FROM graph, LATERAL (VALUES (from_status), (to_status)) AS v(s) $$,
    $$ SELECT entity, s FROM entities, pg_catalog.unnest(statuses) AS s $$,
    'the graphs know exactly the statuses the tables allow');
-- 0.15.0: the statuses are the labels of each status column's enum type, in
-- the type's order (the workflow order ORDER BY status gives)
SELECT results_eq(
    $$ SELECT n.entity, e.enumlabel::text COLLATE "default", pg_catalog.row_number() OVER (PARTITION BY n.entity ORDER BY e.enumsortorder)
         FROM entities n
         JOIN pg_catalog.pg_attribute a
           ON a.attrelid = format('expert_network.%I', n.tbl)::regclass AND a.attname = 'status'
         JOIN pg_catalog.pg_enum e ON e.enumtypid = a.atttypid
        ORDER BY n.ord, e.enumsortorder $$,
    $$ SELECT n.entity, s.s, s.i FROM entities n, pg_catalog.unnest(n.statuses) WITH ORDINALITY AS s(s, i)
        ORDER BY n.ord, s.i $$,
    'each table''s status column is of an enum type whose labels are the entity''s statuses, in workflow order (0.15.0)');

-- for each entity and status, the next states, in workflow order (none from
-- a final status)
SELECT results_eq(
    format('SELECT * FROM expert_network.allowed_transitions(%L, %L)', e.entity, s.s),
    format('SELECT to_status FROM graph WHERE entity = %L AND from_status = %L ORDER BY ord', e.entity, s.s),
    format('allowed_transitions(%L, %L): %s', e.entity, s.s,
           COALESCE((SELECT pg_catalog.string_agg(g.to_status, ', ' ORDER BY g.ord) FROM graph g
                      WHERE g.entity = e.entity AND g.from_status = s.s), 'none (final)')))
  FROM entities e, pg_catalog.unnest(e.statuses) WITH ORDINALITY AS s(s, n)
 ORDER BY e.ord, s.n;

SELECT throws_ok(
    $$ SELECT * FROM expert_network.allowed_transitions('invoice', 'paid') $$,
    '22023', 'unknown workflow entity "invoice"',
    'allowed_transitions() of an unknown entity fails with 22023');
SELECT throws_ok(
    $$ SELECT * FROM expert_network.allowed_transitions('expert', 'interviewed') $$,
    '22023', 'unknown expert status "interviewed"',
    'allowed_transitions() of an unknown status fails with 22023');

/* ------------------------------------------------------------------------
 * Every step of every graph succeeds: a row is INSERTed in the step's from
 * status, then UPDATEd to its to status (38 + 1)
 * ------------------------------------------------------------------------ */

CREATE TEMPORARY TABLE edge_rows AS
SELECT g.ord, g.entity, g.from_status, g.to_status, pg_temp.new_row(g.entity, g.from_status) AS id
  FROM graph g ORDER BY g.ord;

SELECT lives_ok(
    format('UPDATE expert_network.%I SET status = %L WHERE id = %L', e.tbl, r.to_status, r.id),
    format('%s: %s → %s is allowed', r.entity, r.from_status, r.to_status))
  FROM edge_rows r JOIN entities e USING (entity)
 ORDER BY r.ord;

SELECT is_empty(
    $$ SELECT entity, from_status, to_status FROM edge_rows
        WHERE pg_temp.status_of(entity, id) IS DISTINCT FROM to_status $$,
    'every allowed step took effect: each of the 38 rows is in its step''s to status');

/* ------------------------------------------------------------------------
 * Every other pair of distinct statuses fails, 23514, naming entity, from
 * and to (56 + 1), with a detail and a hint (3); an UPDATE that leaves the
 * status as it is passes, final statuses included (2)
 * ------------------------------------------------------------------------ */

CREATE TEMPORARY TABLE refused_rows AS
SELECT pg_catalog.row_number() OVER (ORDER BY e.ord, f.n, t.n) AS ord,
       e.entity, f.s AS from_status, t.s AS to_status, pg_temp.new_row(e.entity, f.s) AS id
  FROM entities e,
       pg_catalog.unnest(e.statuses) WITH ORDINALITY AS f(s, n),
       pg_catalog.unnest(e.statuses) WITH ORDINALITY AS t(s, n)
 WHERE f.s <> t.s
   AND NOT EXISTS (SELECT 1 FROM graph g
                    WHERE g.entity = e.entity AND g.from_status = f.s AND g.to_status = t.s)
 ORDER BY e.ord, f.n, t.n;

SELECT throws_ok(
    format('UPDATE expert_network.%I SET status = %L WHERE id = %L', e.tbl, r.to_status, r.id),
    '23514',
    format('invalid %s status transition from "%s" to "%s"', r.entity, r.from_status, r.to_status),
    format('%s: %s → %s is refused', r.entity, r.from_status, r.to_status))
  FROM refused_rows r JOIN entities e USING (entity)
 ORDER BY r.ord;

SELECT results_eq(
    $$ SELECT entity, count(*)::int FROM refused_rows
        WHERE pg_temp.status_of(entity, id) = from_status GROUP BY entity ORDER BY entity $$,
    $$ VALUES ('campaign'::text, 12), ('enrollment', 2), ('expert', 20), ('interview', 12),
              ('research_activity', 7), ('research_source', 3) $$,
    'the 56 refused pairs (12 + 20 + 12 + 2 + 7 + 3) left every row in its from status');

SELECT is(pg_temp.error_of(format($$ UPDATE expert_network.experts SET status = 'completed' WHERE id = %L $$,
                                  pg_temp.new_row('expert', 'proposed'))),
          '23514: invalid expert status transition from "proposed" to "completed"'
          ' / The expert workflow has no step from proposed to completed.'
          ' / Allowed next states: reviewed, rejected.',
          'a refused step: the detail names the missing step, the hint the allowed next states');
SELECT is(pg_temp.error_of(format($$ UPDATE expert_network.interviews SET status = 'cancelled' WHERE id = %L $$,
                                  pg_temp.new_row('interview', 'completed'))),
          '23514: invalid interview status transition from "completed" to "cancelled"'
          ' / The interview workflow has no step from completed to cancelled.'
          ' / None: completed is a final status.',
          'a step from a final status: the hint says it is final');
SELECT is(pg_temp.error_of(format($$ UPDATE expert_network.campaigns SET status = 'draft' WHERE id = %L $$,
                                  pg_temp.new_row('campaign', 'archived'))),
          '23514: invalid campaign status transition from "archived" to "draft"'
          ' / The campaign workflow has no step from archived to draft.'
          ' / None: archived is a final status.',
          'archived is final for a campaign');

SELECT lives_ok(
    format('UPDATE expert_network.%I SET status = status WHERE id = %L', e.tbl, pg_temp.new_row(e.entity, s))
    || format('; UPDATE expert_network.%I SET status = %L WHERE id IN (SELECT id FROM edge_rows WHERE to_status = %L AND entity = %L)',
              e.tbl, s, s, e.entity),
    format('%s: an UPDATE leaving %s as it is passes', e.entity, s))
  FROM (VALUES ('interview', 'completed', 1), ('campaign', 'archived', 2)) AS v(entity, s, n)
  JOIN entities e USING (entity)
 ORDER BY v.n;

/* ------------------------------------------------------------------------
 * The stamps of the steps (11)
 * ------------------------------------------------------------------------ */

-- leaving proposed stamps reviewed_at and clears is_new, to reviewed or to
-- rejected; a reviewed_at already there (an import) is kept
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, status, is_new, reviewed_at)
VALUES ('00000002-0000-4000-8000-000000000101', '00000001-0000-4000-8000-000000000001',
        '00000000-0000-4000-8000-000000000001', 'Stamp 1', 'Title', 'proposed', true, NULL),
       ('00000002-0000-4000-8000-000000000102', '00000001-0000-4000-8000-000000000001',
        '00000000-0000-4000-8000-000000000001', 'Stamp 2', 'Title', 'proposed', true, NULL),
       ('00000002-0000-4000-8000-000000000103', '00000001-0000-4000-8000-000000000001',
        '00000000-0000-4000-8000-000000000001', 'Stamp 3', 'Title', 'proposed', true, '2020-01-01 00:00:00+00'),
       ('00000002-0000-4000-8000-000000000104', '00000001-0000-4000-8000-000000000001',
        '00000000-0000-4000-8000-000000000001', 'Stamp 4', 'Title', 'rejected', true, '2020-01-01 00:00:00+00');

SELECT results_eq(
    $$ SELECT name, is_new, reviewed_at FROM expert_network.experts
        WHERE id BETWEEN '00000002-0000-4000-8000-000000000101' AND '00000002-0000-4000-8000-000000000104'
        ORDER BY name $$,
    $$ VALUES ('Stamp 1'::text, true, NULL::timestamptz), ('Stamp 2', true, NULL),
              ('Stamp 3', true, '2020-01-01 00:00:00+00'), ('Stamp 4', true, '2020-01-01 00:00:00+00') $$,
    'stamps: an INSERT, whatever its status, stamps nothing');

UPDATE expert_network.experts SET status = 'reviewed' WHERE id = '00000002-0000-4000-8000-000000000101';
UPDATE expert_network.experts SET status = 'rejected' WHERE id = '00000002-0000-4000-8000-000000000102';
UPDATE expert_network.experts SET status = 'reviewed' WHERE id = '00000002-0000-4000-8000-000000000103';

SELECT results_eq(
    $$ SELECT status, is_new, reviewed_at FROM expert_network.experts WHERE id = '00000002-0000-4000-8000-000000000101' $$,
    $$ VALUES ('reviewed'::expert_network.expert_status, false, now()) $$,
    'stamps: proposed → reviewed sets reviewed_at and is_new = false');
SELECT results_eq(
    $$ SELECT status, is_new, reviewed_at FROM expert_network.experts WHERE id = '00000002-0000-4000-8000-000000000102' $$,
    $$ VALUES ('rejected'::expert_network.expert_status, false, now()) $$,
    'stamps: proposed → rejected sets reviewed_at and is_new = false too');
SELECT results_eq(
    $$ SELECT status, is_new, reviewed_at FROM expert_network.experts WHERE id = '00000002-0000-4000-8000-000000000103' $$,
    $$ VALUES ('reviewed'::expert_network.expert_status, false, '2020-01-01 00:00:00+00'::timestamptz) $$,
    'stamps: leaving proposed keeps a reviewed_at the row already has (reviewed_at is stamped once)');

-- a second trip through proposed is impossible (nothing leads back to it);
-- rejected → reviewed keeps reviewed_at (and is_new)
UPDATE expert_network.experts SET status = 'reviewed' WHERE id = '00000002-0000-4000-8000-000000000104';
SELECT results_eq(
    $$ SELECT status, is_new, reviewed_at FROM expert_network.experts WHERE id = '00000002-0000-4000-8000-000000000104' $$,
    $$ VALUES ('reviewed'::expert_network.expert_status, true, '2020-01-01 00:00:00+00'::timestamptz) $$,
    'stamps: rejected → reviewed does not overwrite reviewed_at, nor touch is_new');
UPDATE expert_network.experts SET status = 'rejected' WHERE id = '00000002-0000-4000-8000-000000000101';
UPDATE expert_network.experts SET status = 'reviewed' WHERE id = '00000002-0000-4000-8000-000000000101';
SELECT results_eq(
    $$ SELECT status, is_new, reviewed_at FROM expert_network.experts WHERE id = '00000002-0000-4000-8000-000000000101' $$,
    $$ VALUES ('reviewed'::expert_network.expert_status, false, now()) $$,
    'stamps: reviewed → rejected → reviewed leaves the stamps of the first review');

-- interviews: completed_at, cancelled_at
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
VALUES ('00000003-0000-4000-8000-000000000101', '00000001-0000-4000-8000-000000000001',
        '00000002-0000-4000-8000-000000000001', '2026-02-01', '10:00', 'confirmed'),
       ('00000003-0000-4000-8000-000000000102', '00000001-0000-4000-8000-000000000001',
        '00000002-0000-4000-8000-000000000001', '2026-02-01', '11:00', 'pending');
UPDATE expert_network.interviews SET status = 'completed' WHERE id = '00000003-0000-4000-8000-000000000101';
UPDATE expert_network.interviews SET status = 'cancelled' WHERE id = '00000003-0000-4000-8000-000000000102';
SELECT results_eq(
    $$ SELECT status, completed_at, cancelled_at FROM expert_network.interviews
        WHERE id IN ('00000003-0000-4000-8000-000000000101', '00000003-0000-4000-8000-000000000102') ORDER BY id $$,
    $$ VALUES ('completed'::expert_network.interview_status, now(), NULL::timestamptz), ('cancelled', NULL, now()) $$,
    'stamps: an interview → completed gets completed_at, → cancelled cancelled_at');

-- enrollments: enrolled_at
SELECT pg_temp.new_row('enrollment', 'pending') AS enr \gset
SELECT is((SELECT enrolled_at FROM expert_network.campaign_vendor_enrollments WHERE id = :'enr'), NULL,
          'stamps: a pending enrollment has no enrolled_at');
UPDATE expert_network.campaign_vendor_enrollments SET status = 'enrolled' WHERE id = :'enr';
SELECT is((SELECT enrolled_at FROM expert_network.campaign_vendor_enrollments WHERE id = :'enr'), now(),
          'stamps: an enrollment → enrolled gets enrolled_at');

-- research activities: completed_at, on completed and on failed
SELECT pg_temp.new_row('research_activity', 'processing') AS ra1,
       pg_temp.new_row('research_activity', 'processing') AS ra2,
       pg_temp.new_row('research_activity', 'queued') AS ra3 \gset
SELECT is_empty(
    format($$ SELECT id FROM expert_network.research_activities
               WHERE id IN (%L, %L, %L) AND completed_at IS NOT NULL $$, :'ra1', :'ra2', :'ra3'),
    'stamps: new research activities have no completed_at');
UPDATE expert_network.research_activities SET status = 'completed' WHERE id = :'ra1';
UPDATE expert_network.research_activities SET status = 'failed' WHERE id IN (:'ra2', :'ra3');
SELECT results_eq(
    format($$ SELECT status, completed_at FROM expert_network.research_activities
               WHERE id IN (%L, %L, %L) ORDER BY status, id = %L $$, :'ra1', :'ra2', :'ra3', :'ra3'),
    $$ VALUES ('completed'::expert_network.research_activity_status, now()), ('failed', now()), ('failed', now()) $$,
    'stamps: a research activity → completed, processing → failed and queued → failed get completed_at');

/* ------------------------------------------------------------------------
 * The cross-entity rules (17)
 * ------------------------------------------------------------------------ */

-- campaign W1 (1…0002): AlphaSights pending, Guidepoint not_enrolled,
-- Third Bridge none, GLG enrolled; an expert of W1 for the checks below
INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date, target_completion_date)
VALUES ('00000001-0000-4000-8000-000000000002', 'W1', 'Energy', '2026-01-01', '2026-06-30');
INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
VALUES ('00000001-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000002', 'pending'),
       ('00000001-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003', 'not_enrolled'),
       ('00000001-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'enrolled');

SELECT throws_ok(
    $$ INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title)
       VALUES ('00000001-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000004', 'Rule', 'Title') $$,
    '23514', 'vendor "Third Bridge" is not enrolled in campaign 00000001-0000-4000-8000-000000000002',
    'rules: no expert from a vendor with no enrollment in the campaign');
SELECT throws_ok(
    $$ INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title)
       VALUES ('00000001-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000002', 'Rule', 'Title') $$,
    '23514', 'vendor "AlphaSights" is not enrolled in campaign 00000001-0000-4000-8000-000000000002',
    'rules: no expert from a vendor whose enrollment is pending');
SELECT is(pg_temp.error_of(
              $$ INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title)
                 VALUES ('00000001-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003', 'Rule', 'Title') $$),
          '23514: vendor "Guidepoint" is not enrolled in campaign 00000001-0000-4000-8000-000000000002'
          ' / Its enrollment is not_enrolled; experts come only from enrolled vendors.'
          ' / Enroll the vendor in the campaign first.',
          'rules: no expert from a vendor whose enrollment is not_enrolled (the detail says which)');
SELECT lives_ok(
    $$ INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, status)
       VALUES ('00000002-0000-4000-8000-000000000201', '00000001-0000-4000-8000-000000000002',
               '00000000-0000-4000-8000-000000000001', 'Rule expert', 'Title', 'reviewed') $$,
    'rules: an expert from the enrolled vendor is accepted');
SELECT throws_ok(
    $$ UPDATE expert_network.experts SET vendor_platform_id = '00000000-0000-4000-8000-000000000002'
        WHERE id = '00000002-0000-4000-8000-000000000201' $$,
    '23514', 'vendor "AlphaSights" is not enrolled in campaign 00000001-0000-4000-8000-000000000002',
    'rules: nor can an expert be moved to a vendor not enrolled (UPDATE)');

-- an interview is in its expert's campaign
SELECT throws_ok(
    $$ INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time)
       VALUES ('00000001-0000-4000-8000-000000000001', '00000002-0000-4000-8000-000000000201', '2026-02-02', '10:00') $$,
    '23514', 'interview''s campaign 00000001-0000-4000-8000-000000000001 is not its expert''s campaign 00000001-0000-4000-8000-000000000002',
    'rules: an interview in a campaign other than its expert''s is refused');
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
VALUES ('00000003-0000-4000-8000-000000000201', '00000001-0000-4000-8000-000000000002',
        '00000002-0000-4000-8000-000000000201', '2026-02-02', '10:00');
SELECT throws_ok(
    $$ UPDATE expert_network.interviews SET campaign_id = '00000001-0000-4000-8000-000000000001'
        WHERE id = '00000003-0000-4000-8000-000000000201' $$,
    '23514', 'interview''s campaign 00000001-0000-4000-8000-000000000001 is not its expert''s campaign 00000001-0000-4000-8000-000000000002',
    'rules: nor can an interview be moved away from its expert''s campaign (UPDATE)');

-- an interview is for an expert in reviewed, scheduling, scheduled or
-- completed (a follow-up call)
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, status)
SELECT ('00000002-0000-4000-8000-00000000021' || n)::uuid, '00000001-0000-4000-8000-000000000002',
       '00000000-0000-4000-8000-000000000001', 'Expert ' || s, 'Title', s::expert_network.expert_status
  FROM pg_catalog.unnest(ARRAY['proposed', 'reviewed', 'rejected', 'scheduling', 'scheduled', 'completed'])
       WITH ORDINALITY AS u(s, n);

SELECT throws_ok(
    format($$ INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time)
              VALUES ('00000001-0000-4000-8000-000000000002', '00000002-0000-4000-8000-00000000021%s', '2026-02-03', '10:00') $$, n),
    '23514', format('expert 00000002-0000-4000-8000-00000000021%s is %s', n, s),
    format('rules: no interview for a %s expert', s))
  FROM (VALUES (1, 'proposed'), (3, 'rejected')) AS v(n, s)
 ORDER BY n;
SELECT lives_ok(
    format($$ INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time)
              VALUES ('00000001-0000-4000-8000-000000000002', '00000002-0000-4000-8000-00000000021%s', '2026-02-03', '10:00') $$, n),
    format('rules: an interview for a %s expert is accepted%s', s,
           CASE s WHEN 'completed' THEN ' (a follow-up call)' ELSE '' END))
  FROM (VALUES (2, 'reviewed'), (4, 'scheduling'), (5, 'scheduled'), (6, 'completed')) AS v(n, s)
 ORDER BY n;

-- nothing new in an archived campaign: W1 goes active → completed →
-- archived
UPDATE expert_network.campaigns SET status = 'active' WHERE id = '00000001-0000-4000-8000-000000000002';
UPDATE expert_network.campaigns SET status = 'completed' WHERE id = '00000001-0000-4000-8000-000000000002';
UPDATE expert_network.campaigns SET status = 'archived' WHERE id = '00000001-0000-4000-8000-000000000002';
SELECT throws_ok(
    $$ INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title)
       VALUES ('00000001-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'Late', 'Title') $$,
    '23514', 'campaign 00000001-0000-4000-8000-000000000002 is archived',
    'rules: no new expert in an archived campaign, even from an enrolled vendor');
SELECT throws_ok(
    $$ INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time)
       VALUES ('00000001-0000-4000-8000-000000000002', '00000002-0000-4000-8000-000000000201', '2026-02-04', '10:00') $$,
    '23514', 'campaign 00000001-0000-4000-8000-000000000002 is archived',
    'rules: no new interview in an archived campaign, even with a reviewed expert of it');
SELECT is(pg_temp.error_of(
              $$ SELECT expert_network.schedule_interview('00000002-0000-4000-8000-000000000201', '2026-02-04', '10:00') $$),
          '23514: campaign 00000001-0000-4000-8000-000000000002 is archived'
          ' / No interview can be added to an archived campaign.'
          ' / Archived is a final status; start a new campaign.',
          'rules: nor through schedule_interview()');
SELECT throws_ok(
    $$ UPDATE expert_network.experts SET campaign_id = '00000001-0000-4000-8000-000000000002'
        WHERE id = '00000002-0000-4000-8000-000000000101' $$,
    '23514', 'campaign 00000001-0000-4000-8000-000000000002 is archived',
    'rules: nor can an expert be moved into an archived campaign');

/* ------------------------------------------------------------------------
 * The interview lifecycle moves the expert (11)
 * ------------------------------------------------------------------------ */

-- experts L1 … L8 (2…03NN) of W0
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, status)
SELECT ('00000002-0000-4000-8000-00000000030' || n)::uuid, '00000001-0000-4000-8000-000000000001',
       '00000000-0000-4000-8000-000000000001', 'L' || n, 'Title', s::expert_network.expert_status
  FROM pg_catalog.unnest(ARRAY['reviewed', 'scheduling', 'reviewed', 'scheduled', 'scheduled', 'scheduled', 'reviewed', 'reviewed'])
       WITH ORDINALITY AS u(s, n);

-- a new live interview: a reviewed expert (L1, pending) and a scheduling one
-- (L2, confirmed) are scheduled
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
VALUES ('00000003-0000-4000-8000-000000000301', '00000001-0000-4000-8000-000000000001',
        '00000002-0000-4000-8000-000000000301', '2026-03-01', '10:00', 'pending'),
       ('00000003-0000-4000-8000-000000000302', '00000001-0000-4000-8000-000000000001',
        '00000002-0000-4000-8000-000000000302', '2026-03-01', '11:00', 'confirmed');
SELECT results_eq(
    $$ SELECT name, status FROM expert_network.experts WHERE name IN ('L1', 'L2') ORDER BY name $$,
    $$ VALUES ('L1'::text, 'scheduled'::expert_network.expert_status), ('L2', 'scheduled') $$,
    'lifecycle: a new live interview moves a reviewed expert (pending) and a scheduling one (confirmed) to scheduled');

-- an interview that is not live leaves a reviewed expert alone
INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time, status)
VALUES ('00000001-0000-4000-8000-000000000001', '00000002-0000-4000-8000-000000000303', '2026-03-01', '12:00', 'cancelled');
SELECT is((SELECT status FROM expert_network.experts WHERE name = 'L3'), 'reviewed',
          'lifecycle: a new cancelled interview leaves a reviewed expert reviewed');

-- two live interviews with L4 (scheduled): cancelling one keeps L4
-- scheduled, cancelling the last one sends it back to scheduling
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
VALUES ('00000003-0000-4000-8000-000000000401', '00000001-0000-4000-8000-000000000001',
        '00000002-0000-4000-8000-000000000304', '2026-03-02', '10:00', 'scheduled'),
       ('00000003-0000-4000-8000-000000000402', '00000001-0000-4000-8000-000000000001',
        '00000002-0000-4000-8000-000000000304', '2026-03-02', '11:00', 'pending');
UPDATE expert_network.interviews SET status = 'cancelled' WHERE id = '00000003-0000-4000-8000-000000000401';
SELECT is((SELECT status FROM expert_network.experts WHERE name = 'L4'), 'scheduled',
          'lifecycle: cancelling a non-last live interview keeps the expert scheduled');
UPDATE expert_network.interviews SET status = 'cancelled' WHERE id = '00000003-0000-4000-8000-000000000402';
SELECT is((SELECT status FROM expert_network.experts WHERE name = 'L4'), 'scheduling',
          'lifecycle: cancelling the last live interview moves a scheduled expert back to scheduling');
SELECT is(pg_temp.history_of('00000002-0000-4000-8000-000000000304'), '>scheduled scheduled>scheduling',
          'lifecycle: L4''s history has its one step back');

-- completing moves a scheduled expert to completed (L5); with another live
-- interview left, too (L6), and cancelling that one then leaves L6
-- completed
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
VALUES ('00000003-0000-4000-8000-000000000501', '00000001-0000-4000-8000-000000000001',
        '00000002-0000-4000-8000-000000000305', '2026-03-03', '10:00', 'scheduled'),
       ('00000003-0000-4000-8000-000000000601', '00000001-0000-4000-8000-000000000001',
        '00000002-0000-4000-8000-000000000306', '2026-03-03', '11:00', 'confirmed'),
       ('00000003-0000-4000-8000-000000000602', '00000001-0000-4000-8000-000000000001',
        '00000002-0000-4000-8000-000000000306', '2026-03-03', '12:00', 'pending');
UPDATE expert_network.interviews SET status = 'completed'
 WHERE id IN ('00000003-0000-4000-8000-000000000501', '00000003-0000-4000-8000-000000000601');
SELECT results_eq(
    $$ SELECT name, status FROM expert_network.experts WHERE name IN ('L5', 'L6') ORDER BY name $$,
    $$ VALUES ('L5'::text, 'completed'::expert_network.expert_status), ('L6', 'completed') $$,
    'lifecycle: completing an interview moves a scheduled expert to completed, live interviews left or not');
UPDATE expert_network.interviews SET status = 'cancelled' WHERE id = '00000003-0000-4000-8000-000000000602';
SELECT is((SELECT status FROM expert_network.experts WHERE name = 'L6'), 'completed',
          'lifecycle: cancelling the last live interview of a completed expert leaves it completed');

-- one INSERT of two live interviews with L7: one step of the expert
INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time, status)
VALUES ('00000001-0000-4000-8000-000000000001', '00000002-0000-4000-8000-000000000307', '2026-03-04', '10:00', 'scheduled'),
       ('00000001-0000-4000-8000-000000000001', '00000002-0000-4000-8000-000000000307', '2026-03-04', '11:00', 'pending');
SELECT is(pg_temp.history_of('00000002-0000-4000-8000-000000000307'), '>reviewed reviewed>scheduled',
          'lifecycle: one INSERT of two live interviews with a reviewed expert schedules it once');

-- the whole lifecycle of L8 through the API: scheduled, cancelled (back to
-- scheduling), scheduled again, completed
SELECT expert_network.schedule_interview('00000002-0000-4000-8000-000000000308', '2026-03-05', '10:00') AS l8a \gset
SELECT expert_network.cancel_interview(:'l8a') \g /dev/null
SELECT expert_network.schedule_interview('00000002-0000-4000-8000-000000000308', '2026-03-06', '10:00') AS l8b \gset
SELECT expert_network.complete_interview(:'l8b') \g /dev/null
SELECT is(pg_temp.history_of('00000002-0000-4000-8000-000000000308'),
          '>reviewed reviewed>scheduled scheduled>scheduling scheduling>scheduled scheduled>completed',
          'lifecycle: through the API, L8 goes reviewed → scheduled → scheduling → scheduled → completed');
-- an interview's change is recorded before the expert's change it causes
SELECT ok((SELECT max(changed_at) FROM expert_network.status_history WHERE row_id = :'l8b')
          < (SELECT max(changed_at) FROM expert_network.status_history
              WHERE row_id = '00000002-0000-4000-8000-000000000308'),
          'lifecycle: the interview''s step to completed is recorded before the expert''s step it causes');
SELECT ok((SELECT min(changed_at) FROM expert_network.status_history WHERE row_id = :'l8a' AND from_status IS NULL)
          < (SELECT min(changed_at) FROM expert_network.status_history
              WHERE row_id = '00000002-0000-4000-8000-000000000308' AND to_status = 'scheduled'),
          'lifecycle: a new interview''s initial status is recorded before the expert''s step it causes');

/* ------------------------------------------------------------------------
 * Deleting an interview moves the expert too (0.8.0): a live interview
 * deleted, directly or by cascade, is a cancelled one, but for
 * delete_user_data() (13)
 * ------------------------------------------------------------------------ */

-- W4 (1…0004), active, GLG enrolled; experts M1 … M8 (2…09NN), reviewed,
-- each scheduled by its first live interview (3…09NN):
--   M1 0901 scheduled                  M5 0907 scheduled (completed below)
--   M2 0902 pending                    M6 0908 scheduled, 0909 cancelled
--   M3 0903 confirmed, 0904 pending    M7 090a scheduled (gone with W4)
--   M4 0905 scheduled, 0906 confirmed  M8 090b scheduled (M8 moves to W0)
INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date, target_completion_date, status)
VALUES ('00000001-0000-4000-8000-000000000004', 'W4', 'Technology', '2026-01-01', '2026-06-30', 'active');
INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
VALUES ('00000001-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000001', 'enrolled');
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, status)
SELECT ('00000002-0000-4000-8000-00000000090' || n)::uuid, '00000001-0000-4000-8000-000000000004',
       '00000000-0000-4000-8000-000000000001', 'M' || n, 'Title', 'reviewed'
  FROM pg_catalog.generate_series(1, 8) AS n;
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
SELECT ('00000003-0000-4000-8000-00000000' || v.i)::uuid, '00000001-0000-4000-8000-000000000004',
       ('00000002-0000-4000-8000-00000000090' || v.m)::uuid, '2026-04-01', v.t::time, v.s::expert_network.interview_status
  FROM (VALUES ('0901', 1, '10:00', 'scheduled'), ('0902', 2, '10:00', 'pending'),
               ('0903', 3, '10:00', 'confirmed'), ('0904', 3, '11:00', 'pending'),
               ('0905', 4, '10:00', 'scheduled'), ('0906', 4, '11:00', 'confirmed'),
               ('0907', 5, '10:00', 'scheduled'), ('0908', 6, '10:00', 'scheduled'),
               ('0909', 6, '11:00', 'cancelled'), ('090a', 7, '10:00', 'scheduled'),
               ('090b', 8, '10:00', 'scheduled')) AS v(i, m, t, s);
SELECT results_eq(
    $$ SELECT pg_catalog.count(*)::int, pg_catalog.bool_and(status = 'scheduled')
         FROM expert_network.experts WHERE campaign_id = '00000001-0000-4000-8000-000000000004' $$,
    $$ VALUES (8, true) $$,
    'delete: (fixture) M1 … M8 are scheduled by their live interviews');

-- one live interview deleted: the expert goes back to scheduling, recorded
DELETE FROM expert_network.interviews WHERE id = '00000003-0000-4000-8000-000000000901';
SELECT is((SELECT status FROM expert_network.experts WHERE name = 'M1'), 'scheduling',
          'delete: deleting the only live interview of a scheduled expert moves it back to scheduling');
SELECT is(pg_temp.history_of('00000002-0000-4000-8000-000000000901'), '>reviewed reviewed>scheduled scheduled>scheduling',
          'delete: M1''s history has the step back');
SELECT results_eq(
    $$ SELECT user_id FROM expert_network.status_history
        WHERE row_id = '00000002-0000-4000-8000-000000000901' AND from_status = 'scheduled' $$,
    $$ VALUES ('wf_u1'::text) $$,
    'delete: the step back is recorded once, with the expert''s owner');

-- one DELETE of three live interviews: M2 loses its one, M3 both of its
-- own; each goes back once
DELETE FROM expert_network.interviews
 WHERE id IN ('00000003-0000-4000-8000-000000000902', '00000003-0000-4000-8000-000000000903',
              '00000003-0000-4000-8000-000000000904');
SELECT results_eq(
    $$ SELECT name, status FROM expert_network.experts WHERE name IN ('M2', 'M3') ORDER BY name $$,
    $$ VALUES ('M2'::text, 'scheduling'::expert_network.expert_status), ('M3', 'scheduling') $$,
    'delete: one DELETE of several live interviews moves each of their experts (pending, confirmed) back to scheduling');
SELECT is(pg_temp.history_of('00000002-0000-4000-8000-000000000903'), '>reviewed reviewed>scheduled scheduled>scheduling',
          'delete: M3, whose two live interviews went in one DELETE, steps back once');

-- a live interview left: the expert stays scheduled
DELETE FROM expert_network.interviews WHERE id = '00000003-0000-4000-8000-000000000905';
SELECT results_eq(
    $$ SELECT status, pg_temp.history_of(id) FROM expert_network.experts WHERE name = 'M4' $$,
    $$ VALUES ('scheduled'::expert_network.expert_status, '>reviewed reviewed>scheduled'::text) $$,
    'delete: an expert with another live interview left stays scheduled, with no new history row');

-- a completed interview deleted leaves its completed expert completed; a
-- cancelled one deleted leaves a scheduled expert scheduled
UPDATE expert_network.interviews SET status = 'completed' WHERE id = '00000003-0000-4000-8000-000000000907';
DELETE FROM expert_network.interviews WHERE id = '00000003-0000-4000-8000-000000000907';
SELECT results_eq(
    $$ SELECT status, pg_temp.history_of(id) FROM expert_network.experts WHERE name = 'M5' $$,
    $$ VALUES ('completed'::expert_network.expert_status, '>reviewed reviewed>scheduled scheduled>completed'::text) $$,
    'delete: deleting a completed interview leaves its completed expert alone');
DELETE FROM expert_network.interviews WHERE id = '00000003-0000-4000-8000-000000000909';
SELECT results_eq(
    $$ SELECT status, pg_temp.history_of(id) FROM expert_network.experts WHERE name = 'M6' $$,
    $$ VALUES ('scheduled'::expert_network.expert_status, '>reviewed reviewed>scheduled'::text) $$,
    'delete: deleting a cancelled interview leaves a scheduled expert scheduled');

-- by cascade: deleting W4 takes its experts and their live interviews
-- along, and the live interview M8 left in W4 when it moved to W0: M8
-- stays, and goes back to scheduling
UPDATE expert_network.experts SET campaign_id = '00000001-0000-4000-8000-000000000001'
 WHERE id = '00000002-0000-4000-8000-000000000908';
SELECT lives_ok(
    $$ DELETE FROM expert_network.campaigns WHERE id = '00000001-0000-4000-8000-000000000004' $$,
    'delete: deleting a campaign whose scheduled experts have live interviews cascades without an error');
SELECT results_eq(
    $$ SELECT campaign_id, status, pg_temp.history_of(id) FROM expert_network.experts WHERE name = 'M8' $$,
    $$ VALUES ('00000001-0000-4000-8000-000000000001'::uuid, 'scheduling'::expert_network.expert_status,
               '>reviewed reviewed>scheduled scheduled>scheduling'::text) $$,
    'delete: an expert whose last live interview goes by cascade (with its campaign) moves back to scheduling');
SELECT results_eq(
    $$ SELECT (SELECT pg_catalog.count(*) FROM expert_network.experts
                WHERE campaign_id = '00000001-0000-4000-8000-000000000004')::int,
              (SELECT pg_catalog.count(*) FROM expert_network.interviews
                WHERE campaign_id = '00000001-0000-4000-8000-000000000004')::int $$,
    $$ VALUES (0, 0) $$,
    'delete: the campaign''s experts and interviews are gone with it');
DELETE FROM expert_network.experts WHERE id = '00000002-0000-4000-8000-000000000908';

-- not while delete_user_data() erases a user: the interviews go before the
-- experts, and no step back is made or recorded on the way (wf_u3: campaign
-- W5 1…0005, expert M9 2…0909 scheduled by its interview 3…090c; 5 history
-- rows)
SELECT set_config('expert_network.user_id', 'wf_u3', true) \g /dev/null
INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date, target_completion_date, status)
VALUES ('00000001-0000-4000-8000-000000000005', 'W5', 'Technology', '2026-01-01', '2026-06-30', 'active');
INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
VALUES ('00000001-0000-4000-8000-000000000005', '00000000-0000-4000-8000-000000000001', 'enrolled');
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, status)
VALUES ('00000002-0000-4000-8000-000000000909', '00000001-0000-4000-8000-000000000005',
        '00000000-0000-4000-8000-000000000001', 'M9', 'Title', 'reviewed');
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
VALUES ('00000003-0000-4000-8000-00000000090c', '00000001-0000-4000-8000-000000000005',
        '00000002-0000-4000-8000-000000000909', '2026-04-02', '10:00', 'scheduled');
RESET ROLE;
SELECT results_eq(
    $$ SELECT table_name, deleted FROM expert_network.delete_user_data('wf_u3')
        WHERE table_name IN ('interviews', 'experts', 'status_history') ORDER BY table_name $$,
    $$ VALUES ('experts'::text, 1::bigint), ('interviews', 1), ('status_history', 5) $$,
    'delete: delete_user_data() takes a scheduled expert''s live interview without a step back (its 5 history rows, no 6th)');
SET LOCAL ROLE en_wf_app;
SELECT set_config('expert_network.user_id', 'wf_u1', true) \g /dev/null

/* ------------------------------------------------------------------------
 * Exactly one completed_interviews row, however an interview completes
 * (8)
 * ------------------------------------------------------------------------ */

-- Q1 by complete_interview(), Q2 by a plain UPDATE, Q3 and Q4 by one UPDATE
-- of both, Q5 inserted completed; with X0 (3…07NN)
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time,
                                       duration_minutes, timezone, status)
VALUES ('00000003-0000-4000-8000-000000000701', '00000001-0000-4000-8000-000000000001',
        '00000002-0000-4000-8000-000000000001', '2026-04-01', '15:30', 45, 'America/New_York', 'scheduled'),
       ('00000003-0000-4000-8000-000000000702', '00000001-0000-4000-8000-000000000001',
        '00000002-0000-4000-8000-000000000001', '2026-04-02', '09:05', 30, 'Europe/Paris', 'confirmed'),
       ('00000003-0000-4000-8000-000000000703', '00000001-0000-4000-8000-000000000001',
        '00000002-0000-4000-8000-000000000001', '2026-04-03', '10:00', 60, 'UTC', 'scheduled'),
       ('00000003-0000-4000-8000-000000000704', '00000001-0000-4000-8000-000000000001',
        '00000002-0000-4000-8000-000000000001', '2026-04-04', '23:59', 90, 'Asia/Tokyo', 'confirmed'),
       ('00000003-0000-4000-8000-000000000705', '00000001-0000-4000-8000-000000000001',
        '00000002-0000-4000-8000-000000000001', '2026-04-05', '08:00', 15, 'UTC', 'completed');
SELECT expert_network.complete_interview('00000003-0000-4000-8000-000000000701') \g /dev/null
UPDATE expert_network.interviews SET status = 'completed' WHERE id = '00000003-0000-4000-8000-000000000702';
UPDATE expert_network.interviews SET status = 'completed'
 WHERE id IN ('00000003-0000-4000-8000-000000000703', '00000003-0000-4000-8000-000000000704');

SELECT results_eq(
    $$ SELECT i.id, count(c.id)::int FROM expert_network.interviews i
         LEFT JOIN expert_network.completed_interviews c ON c.interview_id = i.id
        WHERE i.id BETWEEN '00000003-0000-4000-8000-000000000701' AND '00000003-0000-4000-8000-000000000705'
        GROUP BY i.id ORDER BY i.id $$,
    $$ VALUES ('00000003-0000-4000-8000-000000000701'::uuid, 1), ('00000003-0000-4000-8000-000000000702', 1),
              ('00000003-0000-4000-8000-000000000703', 1), ('00000003-0000-4000-8000-000000000704', 1),
              ('00000003-0000-4000-8000-000000000705', 1) $$,
    'one row: by complete_interview(), a plain UPDATE, a two-row UPDATE and an INSERT as completed, one completed_interviews row each');
SELECT results_eq(
    $$ SELECT interview_id, campaign_id, expert_id, interview_date, interview_time, duration, user_id
         FROM expert_network.completed_interviews
        WHERE interview_id BETWEEN '00000003-0000-4000-8000-000000000701' AND '00000003-0000-4000-8000-000000000705'
        ORDER BY interview_id $$,
    $$ VALUES ('00000003-0000-4000-8000-000000000701'::uuid, '00000001-0000-4000-8000-000000000001'::uuid,
               '00000002-0000-4000-8000-000000000001'::uuid, '2026-04-01'::date, '15:30 America/New_York'::text, '45 min'::text, 'wf_u1'::text),
              ('00000003-0000-4000-8000-000000000702', '00000001-0000-4000-8000-000000000001',
               '00000002-0000-4000-8000-000000000001', '2026-04-02', '09:05 Europe/Paris', '30 min', 'wf_u1'),
              ('00000003-0000-4000-8000-000000000703', '00000001-0000-4000-8000-000000000001',
               '00000002-0000-4000-8000-000000000001', '2026-04-03', '10:00 UTC', '60 min', 'wf_u1'),
              ('00000003-0000-4000-8000-000000000704', '00000001-0000-4000-8000-000000000001',
               '00000002-0000-4000-8000-000000000001', '2026-04-04', '23:59 Asia/Tokyo', '90 min', 'wf_u1'),
              ('00000003-0000-4000-8000-000000000705', '00000001-0000-4000-8000-000000000001',
               '00000002-0000-4000-8000-000000000001', '2026-04-05', '08:00 UTC', '15 min', 'wf_u1') $$,
    'one row: its campaign, expert, date, time (HH:MM and time zone) and duration are the interview''s, its owner the interview''s');
SELECT is_empty(
    $$ SELECT c.interview_id FROM expert_network.completed_interviews c
         JOIN expert_network.interviews i ON i.id = c.interview_id
        WHERE c.interview_id BETWEEN '00000003-0000-4000-8000-000000000701' AND '00000003-0000-4000-8000-000000000704'
          AND (c.completed_at IS DISTINCT FROM i.completed_at OR c.completed_at <> now()) $$,
    'one row: completed_at is the interview''s completed_at, now()');

-- later writes do not add another
UPDATE expert_network.interviews SET color_tag = 'green', status = 'completed'
 WHERE id BETWEEN '00000003-0000-4000-8000-000000000701' AND '00000003-0000-4000-8000-000000000705';
SELECT throws_ok(
    $$ INSERT INTO expert_network.completed_interviews (interview_id, campaign_id, expert_id,
                                                        interview_date, interview_time, duration)
       VALUES ('00000003-0000-4000-8000-000000000702', '00000001-0000-4000-8000-000000000001',
               '00000002-0000-4000-8000-000000000001', '2026-04-02', '09:05', '30 min') $$,
    '23505', 'duplicate key value violates unique constraint "completed_interviews_interview_id_key"',
    'one row: an explicit INSERT of the record of a completed interview conflicts on interview_id');
SELECT lives_ok(
    $$ INSERT INTO expert_network.completed_interviews (interview_id, campaign_id, expert_id,
                                                        interview_date, interview_time, duration, notes)
       VALUES ('00000003-0000-4000-8000-000000000702', '00000001-0000-4000-8000-000000000001',
               '00000002-0000-4000-8000-000000000001', '2026-04-02', '09:05', '30 min', 'Imported notes')
       ON CONFLICT (interview_id) DO UPDATE SET notes = excluded.notes $$,
    'one row: with ON CONFLICT (interview_id) DO UPDATE, the application adds to the record instead');
SELECT results_eq(
    $$ SELECT count(*)::int, pg_catalog.count(notes)::int FROM expert_network.completed_interviews
        WHERE interview_id BETWEEN '00000003-0000-4000-8000-000000000701' AND '00000003-0000-4000-8000-000000000705' $$,
    $$ VALUES (5, 1) $$,
    'one row: after an UPDATE of the completed interviews and the upsert, still one record each');

-- an interview that is not completed has none
SELECT is_empty(
    $$ SELECT c.interview_id FROM expert_network.completed_interviews c
         JOIN expert_network.interviews i ON i.id = c.interview_id WHERE i.status <> 'completed' $$,
    'one row: no interview that is not completed has a completed_interviews row');
SELECT is_empty(
    $$ SELECT i.id FROM expert_network.interviews i
        WHERE i.status = 'completed'
          AND (SELECT count(*) FROM expert_network.completed_interviews c WHERE c.interview_id = i.id) <> 1 $$,
    'one row: every completed interview of this test (graph steps, stamps, lifecycle included) has exactly one');

/* ------------------------------------------------------------------------
 * The API (48)
 * ------------------------------------------------------------------------ */

-- experts A1 (reviewed) and A2 (proposed) of W0; user wf_u2's campaign W2,
-- expert B1 and interview BI
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, status)
VALUES ('00000002-0000-4000-8000-000000000501', '00000001-0000-4000-8000-000000000001',
        '00000000-0000-4000-8000-000000000001', 'A1', 'Title', 'reviewed'),
       ('00000002-0000-4000-8000-000000000502', '00000001-0000-4000-8000-000000000001',
        '00000000-0000-4000-8000-000000000001', 'A2', 'Title', 'proposed');
SELECT set_config('expert_network.user_id', 'wf_u2', true) \g /dev/null
INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date, target_completion_date)
VALUES ('00000001-0000-4000-8000-000000000003', 'W2', 'Retail', '2026-01-01', '2026-06-30');
INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
VALUES ('00000001-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000001', 'enrolled');
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, status)
VALUES ('00000002-0000-4000-8000-000000000b01', '00000001-0000-4000-8000-000000000003',
        '00000000-0000-4000-8000-000000000001', 'B1', 'Title', 'reviewed');
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
VALUES ('00000003-0000-4000-8000-000000000b01', '00000001-0000-4000-8000-000000000003',
        '00000002-0000-4000-8000-000000000b01', '2026-05-01', '10:00');
SELECT set_config('expert_network.user_id', 'wf_u1', true) \g /dev/null

-- schedule_interview()
SELECT expert_network.schedule_interview('00000002-0000-4000-8000-000000000501', '2026-05-02', '14:15') AS api1 \gset
SELECT isnt(:'api1'::uuid, NULL, 'schedule_interview() returns the new interview''s id');
SELECT results_eq(
    format($$ SELECT campaign_id, expert_id, scheduled_date, scheduled_time, duration_minutes, timezone, status, user_id
               FROM expert_network.interviews WHERE id = %L $$, :'api1'),
    $$ VALUES ('00000001-0000-4000-8000-000000000001'::uuid, '00000002-0000-4000-8000-000000000501'::uuid,
               '2026-05-02'::date, '14:15'::time, 60, 'UTC'::text, 'scheduled'::expert_network.interview_status, 'wf_u1'::text) $$,
    'schedule_interview(): the campaign is the expert''s, duration 60 and time zone UTC by default, status scheduled');
SELECT is((SELECT status FROM expert_network.experts WHERE id = '00000002-0000-4000-8000-000000000501'), 'scheduled',
          'schedule_interview(): the reviewed expert is now scheduled');
SELECT expert_network.schedule_interview('00000002-0000-4000-8000-000000000501', '2026-05-03', '08:00', 45, 'Europe/Berlin') AS api2 \gset
SELECT results_eq(
    format($$ SELECT duration_minutes, timezone FROM expert_network.interviews WHERE id = %L $$, :'api2'),
    $$ VALUES (45, 'Europe/Berlin'::text) $$,
    'schedule_interview(): a duration and a time zone given are stored');
SELECT throws_ok(
    $$ SELECT expert_network.schedule_interview('00000002-0000-4000-8000-000000000501', '2026-05-03', '08:00', 45, 'Mars/Olympus_Mons') $$,
    '22023', 'time zone "Mars/Olympus_Mons" not recognized',
    'schedule_interview(): an unknown time zone fails with 22023');
SELECT throws_ok(
    format('SELECT expert_network.schedule_interview(%s)', args),
    '22004', format('%s must not be NULL', arg),
    format('schedule_interview(): a NULL %s fails with 22004', arg))
  FROM (VALUES
    (1, 'expert_id',        $$NULL, '2026-05-03', '08:00'$$),
    (2, 'scheduled_date',   $$'00000002-0000-4000-8000-000000000501', NULL, '08:00'$$),
    (3, 'scheduled_time',   $$'00000002-0000-4000-8000-000000000501', '2026-05-03', NULL$$),
    (4, 'duration_minutes', $$'00000002-0000-4000-8000-000000000501', '2026-05-03', '08:00', NULL$$),
    (5, 'timezone',         $$'00000002-0000-4000-8000-000000000501', '2026-05-03', '08:00', 60, NULL$$)
  ) AS v(n, arg, args)
 ORDER BY n;
SELECT throws_ok(
    $$ SELECT expert_network.schedule_interview('00000002-0000-4000-8000-0000000005ff', '2026-05-03', '08:00') $$,
    'P0002', 'expert 00000002-0000-4000-8000-0000000005ff does not exist',
    'schedule_interview(): an expert that does not exist fails with P0002');
-- 0.7.0: another user's id is answered exactly as an unknown one (P0002):
-- an error never tells a user that another user's id exists
SELECT throws_ok(
    $$ SELECT expert_network.schedule_interview('00000002-0000-4000-8000-000000000b01', '2026-05-03', '08:00') $$,
    'P0002', 'expert 00000002-0000-4000-8000-000000000b01 does not exist',
    'schedule_interview(): another user''s expert fails with P0002, as one that does not exist');
SELECT throws_ok(
    $$ SELECT expert_network.schedule_interview('00000002-0000-4000-8000-000000000502', '2026-05-03', '08:00') $$,
    '23514', 'expert 00000002-0000-4000-8000-000000000502 is proposed',
    'schedule_interview(): a proposed expert fails with 23514 (the rules hold for the API)');
SELECT is((SELECT count(*)::int FROM expert_network.interviews WHERE expert_id = '00000002-0000-4000-8000-000000000501'), 2,
          'schedule_interview(): the failed calls scheduled nothing');

-- complete_interview()
SELECT expert_network.complete_interview(:'api1', 'Strong on pricing', 'https://example.com/t/1',
                                         'https://example.com/r/1') AS api1_done \gset
SELECT is(:'api1_done'::uuid,
          (SELECT id FROM expert_network.completed_interviews WHERE interview_id = :'api1'),
          'complete_interview() returns the id of the interview''s completed_interviews row');
SELECT results_eq(
    format($$ SELECT notes, transcript_url, transcript_available, recording_url
               FROM expert_network.completed_interviews WHERE interview_id = %L $$, :'api1'),
    $$ VALUES ('Strong on pricing'::text, 'https://example.com/t/1'::text, true, 'https://example.com/r/1'::text) $$,
    'complete_interview(): the notes and links are stored, transcript_available is true with a transcript');
SELECT results_eq(
    format($$ SELECT status, completed_at FROM expert_network.interviews WHERE id = %L $$, :'api1'),
    $$ VALUES ('completed'::expert_network.interview_status, now()) $$,
    'complete_interview(): the interview is completed, and stamped');
SELECT is((SELECT status FROM expert_network.experts WHERE id = '00000002-0000-4000-8000-000000000501'), 'completed',
          'complete_interview(): the scheduled expert is completed');
SELECT expert_network.complete_interview(:'api2') AS api2_done \gset
SELECT results_eq(
    format($$ SELECT id, notes, transcript_url, transcript_available, recording_url
               FROM expert_network.completed_interviews WHERE interview_id = %L $$, :'api2'),
    format($$ VALUES (%L::uuid, NULL::text, NULL::text, false, NULL::text) $$, :'api2_done'),
    'complete_interview() without notes or links: none stored, transcript_available false');
SELECT throws_ok(
    format('SELECT expert_network.complete_interview(%L)', :'api1'),
    '23514', 'invalid interview status transition from "completed" to "completed"',
    'complete_interview() of a completed interview fails with 23514');
SELECT is(pg_temp.error_of(format('SELECT expert_network.complete_interview(%L)', :'api1')),
          '23514: invalid interview status transition from "completed" to "completed"'
          ' / The interview is already completed. / None: completed is a final status.',
          'complete_interview() of a completed interview: the detail says it is already completed');
SELECT throws_ok(
    format('SELECT expert_network.complete_interview(%L)', :'l8a'),
    '23514', 'invalid interview status transition from "cancelled" to "completed"',
    'complete_interview() of a cancelled interview fails with 23514');
SELECT throws_ok(
    $$ SELECT expert_network.complete_interview('00000003-0000-4000-8000-000000000301') $$,
    '23514', 'invalid interview status transition from "pending" to "completed"',
    'complete_interview() of a pending interview fails with 23514 (pending is not a step from completed)');
SELECT is((SELECT count(*)::int FROM expert_network.completed_interviews WHERE interview_id = :'api1'), 1,
          'complete_interview(): the failed calls added no record');
SELECT throws_ok(
    $$ SELECT expert_network.complete_interview(NULL) $$,
    '22004', 'interview_id must not be NULL',
    'complete_interview(NULL) fails with 22004');
SELECT throws_ok(
    $$ SELECT expert_network.complete_interview('00000003-0000-4000-8000-0000000005ff') $$,
    'P0002', 'interview 00000003-0000-4000-8000-0000000005ff does not exist',
    'complete_interview() of an interview that does not exist fails with P0002');
SELECT throws_ok(
    $$ SELECT expert_network.complete_interview('00000003-0000-4000-8000-000000000b01') $$,
    'P0002', 'interview 00000003-0000-4000-8000-000000000b01 does not exist',
    'complete_interview() of another user''s interview fails with P0002, as one that does not exist');

-- cancel_interview()
SELECT expert_network.schedule_interview('00000002-0000-4000-8000-000000000501', '2026-05-04', '08:00') AS api3 \gset
SELECT lives_ok(format('SELECT expert_network.cancel_interview(%L)', :'api3'),
                'cancel_interview() of a scheduled interview');
SELECT results_eq(
    format($$ SELECT status, cancelled_at, completed_at FROM expert_network.interviews WHERE id = %L $$, :'api3'),
    $$ VALUES ('cancelled'::expert_network.interview_status, now(), NULL::timestamptz) $$,
    'cancel_interview(): the interview is cancelled, and stamped');
SELECT throws_ok(
    format('SELECT expert_network.cancel_interview(%L)', :'api3'),
    '23514', 'invalid interview status transition from "cancelled" to "cancelled"',
    'cancel_interview() of a cancelled interview fails with 23514');
SELECT throws_ok(
    format('SELECT expert_network.cancel_interview(%L)', :'api1'),
    '23514', 'invalid interview status transition from "completed" to "cancelled"',
    'cancel_interview() of a completed interview fails with 23514');
SELECT throws_ok(
    $$ SELECT expert_network.cancel_interview(NULL) $$,
    '22004', 'interview_id must not be NULL',
    'cancel_interview(NULL) fails with 22004');
SELECT throws_ok(
    $$ SELECT expert_network.cancel_interview('00000003-0000-4000-8000-0000000005ff') $$,
    'P0002', 'interview 00000003-0000-4000-8000-0000000005ff does not exist',
    'cancel_interview() of an interview that does not exist fails with P0002');
SELECT throws_ok(
    $$ SELECT expert_network.cancel_interview('00000003-0000-4000-8000-000000000b01') $$,
    'P0002', 'interview 00000003-0000-4000-8000-000000000b01 does not exist',
    'cancel_interview() of another user''s interview fails with P0002, as one that does not exist');

-- rate_interview()
SELECT lives_ok(format($$ SELECT expert_network.rate_interview(%L, 4.5, 5, 4, 3.5, 'Would call again') $$, :'api1'),
                'rate_interview() of a completed interview');
SELECT results_eq(
    format($$ SELECT rating, relevance_rating, expertise_rating, communication_rating, review_text, rated_at
               FROM expert_network.completed_interviews WHERE interview_id = %L $$, :'api1'),
    $$ VALUES (4.5::numeric(2,1), 5.0::numeric(2,1), 4.0::numeric(2,1), 3.5::numeric(2,1), 'Would call again'::text, now()) $$,
    'rate_interview(): the ratings and review are stored, rated_at is set');
SELECT lives_ok(format($$ SELECT expert_network.rate_interview(%L, 3) $$, :'api2'),
                'rate_interview() with the overall rating only');
SELECT results_eq(
    format($$ SELECT rating, relevance_rating, expertise_rating, communication_rating, review_text, rated_at
               FROM expert_network.completed_interviews WHERE interview_id = %L $$, :'api2'),
    $$ VALUES (3.0::numeric(2,1), NULL::numeric(2,1), NULL::numeric(2,1), NULL::numeric(2,1), NULL::text, now()) $$,
    'rate_interview() with the overall rating only: the others stay NULL');
SELECT throws_ok(
    format('SELECT expert_network.rate_interview(%L, 4)', :'api3'),
    '55000', format('interview %s is cancelled, not completed', :'api3'),
    'rate_interview() of a cancelled interview fails with 55000');
SELECT throws_ok(
    $$ SELECT expert_network.rate_interview('00000003-0000-4000-8000-000000000301', 4) $$,
    '55000', 'interview 00000003-0000-4000-8000-000000000301 is pending, not completed',
    'rate_interview() of a pending interview fails with 55000');
SELECT throws_ok(
    $$ SELECT expert_network.rate_interview('00000003-0000-4000-8000-000000000302', 4) $$,
    '55000', 'interview 00000003-0000-4000-8000-000000000302 is confirmed, not completed',
    'rate_interview() of a confirmed interview fails with 55000');
SELECT is(pg_temp.error_of($$ SELECT expert_network.rate_interview('00000003-0000-4000-8000-000000000302', 4) $$),
          '55000: interview 00000003-0000-4000-8000-000000000302 is confirmed, not completed'
          ' / Only completed interviews can be rated.'
          ' / Complete it first with expert_network.complete_interview().',
          'rate_interview() of an interview that is not completed: the detail and hint say why and what to do');
SELECT throws_ok(
    format('SELECT expert_network.rate_interview(%L, 6)', :'api1'),
    '23514', 'new row for relation "completed_interviews" violates check constraint "completed_interviews_rating_check"',
    'rate_interview() with rating 6 fails with 23514');
SELECT throws_ok(
    format('SELECT expert_network.rate_interview(%L, 4, 5.5)', :'api1'),
    '23514', 'new row for relation "completed_interviews" violates check constraint "completed_interviews_relevance_rating_check"',
    'rate_interview() with relevance 5.5 fails with 23514');
SELECT throws_ok(
    format('SELECT expert_network.rate_interview(%L, NULL)', :'api1'),
    '22004', 'rating must not be NULL',
    'rate_interview() with a NULL rating fails with 22004');
SELECT throws_ok(
    $$ SELECT expert_network.rate_interview('00000003-0000-4000-8000-0000000005ff', 4) $$,
    'P0002', 'interview 00000003-0000-4000-8000-0000000005ff does not exist',
    'rate_interview() of an interview that does not exist fails with P0002');
SELECT throws_ok(
    $$ SELECT expert_network.rate_interview('00000003-0000-4000-8000-000000000b01', 4) $$,
    'P0002', 'interview 00000003-0000-4000-8000-000000000b01 does not exist',
    'rate_interview() of another user''s interview fails with P0002, as one that does not exist');
SELECT is((SELECT rating FROM expert_network.completed_interviews WHERE interview_id = :'api1'), 4.5::numeric(2,1),
          'rate_interview(): the failed calls left the rating as it was');

/* ------------------------------------------------------------------------
 * The history (19)
 * ------------------------------------------------------------------------ */

-- H1 (2…0601) walks the expert graph by UPDATEs, with two UPDATEs that do
-- not change its status between
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title)
VALUES ('00000002-0000-4000-8000-000000000601', '00000001-0000-4000-8000-000000000001',
        '00000000-0000-4000-8000-000000000001', 'H1', 'Title');
SELECT results_eq(
    $$ SELECT entity, row_id, from_status, to_status, user_id FROM expert_network.status_history
        WHERE row_id = '00000002-0000-4000-8000-000000000601' $$,
    $$ VALUES ('expert'::text, '00000002-0000-4000-8000-000000000601'::uuid, NULL::text, 'proposed'::text, 'wf_u1'::text) $$,
    'history: an INSERT records the initial status, from NULL, with the owner of the row');
UPDATE expert_network.experts SET status = 'reviewed' WHERE id = '00000002-0000-4000-8000-000000000601';
UPDATE expert_network.experts SET name = 'H1 renamed' WHERE id = '00000002-0000-4000-8000-000000000601';
UPDATE expert_network.experts SET status = 'scheduling' WHERE id = '00000002-0000-4000-8000-000000000601';
UPDATE expert_network.experts SET status = status, title = 'Other title' WHERE id = '00000002-0000-4000-8000-000000000601';
UPDATE expert_network.experts SET status = 'scheduled' WHERE id = '00000002-0000-4000-8000-000000000601';
UPDATE expert_network.experts SET status = 'completed' WHERE id = '00000002-0000-4000-8000-000000000601';
SELECT results_eq(
    $$ SELECT from_status, to_status FROM expert_network.status_history
        WHERE row_id = '00000002-0000-4000-8000-000000000601' ORDER BY changed_at $$,
    $$ VALUES (NULL::text, 'proposed'::text), ('proposed', 'reviewed'), ('reviewed', 'scheduling'),
              ('scheduling', 'scheduled'), ('scheduled', 'completed') $$,
    'history: one row per change, in order; none for the UPDATEs that left the status as it was');
SELECT is_empty(
    $$ SELECT changed_at FROM (SELECT changed_at, pg_catalog.lag(changed_at) OVER (ORDER BY changed_at) AS prev
                                 FROM expert_network.status_history
                                WHERE row_id = '00000002-0000-4000-8000-000000000601') s
        WHERE changed_at <= prev $$,
    'history: changed_at strictly increases, within one transaction too (clock time)');
SELECT is_empty(
    $$ SELECT changed_at FROM expert_network.status_history
        WHERE row_id = '00000002-0000-4000-8000-000000000601'
          AND (changed_at < now() OR changed_at > pg_catalog.clock_timestamp()) $$,
    'history: changed_at is a clock time of this transaction');
SELECT is(pg_temp.history_of('00000002-0000-4000-8000-000000000101'), '>proposed proposed>reviewed reviewed>rejected rejected>reviewed',
          'history: each step of an expert that went back and forth');

-- a statement changing three rows records three, one statement's UPDATE
-- that changes no status none
SELECT pg_temp.new_row('research_source', 'processing') AS rs1,
       pg_temp.new_row('research_source', 'processing') AS rs2,
       pg_temp.new_row('research_source', 'failed') AS rs3 \gset
SELECT count(*) AS h0 FROM expert_network.status_history \gset
UPDATE expert_network.research_sources SET status = CASE status WHEN 'failed' THEN 'processing' ELSE 'scraped' END::expert_network.research_source_status
 WHERE id IN (:'rs1', :'rs2', :'rs3');
SELECT results_eq(
    format($$ SELECT row_id, from_status, to_status FROM expert_network.status_history
               WHERE row_id IN (%L, %L, %L) AND from_status IS NOT NULL ORDER BY row_id $$, :'rs1', :'rs2', :'rs3'),
    format($$ SELECT * FROM (VALUES (%L::uuid, 'processing'::text, 'scraped'::text), (%L, 'processing', 'scraped'),
                                    (%L, 'failed', 'processing')) AS v ORDER BY 1 $$, :'rs1', :'rs2', :'rs3'),
    'history: one UPDATE of three rows records the three changes');
SELECT count(*) AS h1 FROM expert_network.status_history \gset
UPDATE expert_network.research_sources SET source_name = 'renamed' WHERE id IN (:'rs1', :'rs2', :'rs3');
UPDATE expert_network.campaigns SET brief_description = 'no status change';
SELECT is((SELECT count(*) FROM expert_network.status_history) - :h1, 0::bigint,
          'history: UPDATEs of many rows that change no status record nothing');
SELECT is((:h1 - :h0)::bigint, 3::bigint, 'history: and the three-row UPDATE recorded exactly three rows');

-- one statement in which only some rows change status records just those
SELECT pg_temp.new_row('research_source', 'processing') AS rs4,
       pg_temp.new_row('research_source', 'processing') AS rs5,
       pg_temp.new_row('research_source', 'failed') AS rs6 \gset
SELECT count(*) AS h2 FROM expert_network.status_history \gset
UPDATE expert_network.research_sources
   SET status = CASE WHEN id = :'rs5' THEN 'scraped' ELSE status END, source_name = 'mixed'
 WHERE id IN (:'rs4', :'rs5', :'rs6');
SELECT results_eq(
    format($$ SELECT row_id, from_status, to_status FROM expert_network.status_history
               ORDER BY changed_at DESC LIMIT %s $$, (SELECT count(*) FROM expert_network.status_history) - :h2),
    format($$ VALUES (%L::uuid, 'processing'::text, 'scraped'::text) $$, :'rs5'),
    'history: an UPDATE of three rows that changes the status of one records that one');

-- a statement large enough for its transition tables to spill past work_mem
-- (record_transitions reads them side by side, from disk)
SET LOCAL work_mem = '64kB';
INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title)
SELECT '00000001-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'Bulk ' || n, 'Title'
  FROM pg_catalog.generate_series(1, 3000) AS n;
UPDATE expert_network.experts SET status = 'reviewed' WHERE name LIKE 'Bulk %';
SELECT results_eq(
    $$ SELECT h.from_status, h.to_status, count(*)::int, count(DISTINCT h.row_id)::int
         FROM expert_network.status_history AS h JOIN expert_network.experts AS e ON e.id = h.row_id
        WHERE e.name LIKE 'Bulk %' GROUP BY 1, 2 ORDER BY 1 NULLS FIRST $$,
    $$ VALUES (NULL::text, 'proposed'::text, 3000, 3000), ('proposed', 'reviewed', 3000, 3000) $$,
    'history: 3,000 rows inserted and updated in bulk, transition tables spilled to disk: each change recorded once');
RESET work_mem;
DELETE FROM expert_network.experts WHERE name LIKE 'Bulk %';

-- history ids are version 7 UUIDs: time first, so that they increase
SELECT is_empty(
    $$ SELECT id FROM expert_network.status_history
        WHERE pg_catalog.substr(id::text, 15, 1) <> '7' OR pg_catalog.substr(id::text, 20, 1) NOT IN ('8', '9', 'a', 'b') $$,
    'history: every id is a version 7, variant 10 UUID');
SELECT is((SELECT count(*) FROM (SELECT u, pg_catalog.lag(u) OVER (ORDER BY n) AS prev
                                   FROM (SELECT expert_network.uuid_v7() AS u, n
                                           FROM pg_catalog.generate_series(1, 10000) AS n) AS g) AS s
            WHERE u <= prev), 0::bigint,
          'uuid_v7(): 10,000 ids made in one statement strictly increase');
SELECT ok(abs(('x' || pg_catalog.substr(pg_catalog.replace(expert_network.uuid_v7()::text, '-', ''), 1, 12))::bit(48)::bigint
              - (extract(epoch FROM pg_catalog.clock_timestamp()) * 1000)::bigint) < 1000,
          'uuid_v7(): its first 48 bits are the Unix time in milliseconds');

-- every history row of wf_u1's rows is wf_u1's, and wf_u2 sees none of them
SELECT is_empty(
    $$ SELECT h.row_id FROM expert_network.status_history h WHERE h.user_id <> 'wf_u1' $$,
    'history: wf_u1 sees only its own history rows');
SELECT is((SELECT count(*)::int FROM expert_network.status_history
            WHERE row_id = '00000003-0000-4000-8000-000000000b01'), 0,
          'history: wf_u1 does not see the history of wf_u2''s interview');
SELECT set_config('expert_network.user_id', 'wf_u2', true) \g /dev/null
SELECT results_eq(
    $$ SELECT user_id, count(*)::int FROM expert_network.status_history GROUP BY user_id $$,
    $$ VALUES ('wf_u2'::text, 5) $$,
    'history: wf_u2 sees its 5 history rows (W2, its enrollment, B1 reviewed and then scheduled by BI, BI) and none of wf_u1''s');
SELECT set_config('expert_network.user_id', 'wf_u1', true) \g /dev/null

-- only the extension writes it (0.7.0: as the caller, so the app role holds
-- INSERT on it; the statement trigger protect_history refuses any INSERT the
-- extension does not make itself)
SELECT throws_ok(
    $$ INSERT INTO expert_network.status_history (entity, row_id, from_status, to_status)
       VALUES ('expert', '00000002-0000-4000-8000-000000000601', 'completed', 'proposed') $$,
    '42501', 'status_history is written by expert_network only',
    'history: the app role cannot INSERT into status_history (protect_history)');
SELECT throws_ok(
    $$ UPDATE expert_network.status_history SET to_status = 'rejected'
        WHERE row_id = '00000002-0000-4000-8000-000000000601' $$,
    '42501', 'permission denied for table status_history',
    'history: the app role cannot UPDATE status_history');
SELECT throws_ok(
    $$ DELETE FROM expert_network.status_history WHERE row_id = '00000002-0000-4000-8000-000000000601' $$,
    '42501', 'permission denied for table status_history',
    'history: the app role cannot DELETE from status_history');

/* ------------------------------------------------------------------------
 * A superuser with no identity (0.8.0).  With row_security on, as it is by
 * default, its writes obey every rule: cross-entity rules, lifecycle,
 * history, the rows taking their parents' owner (8).  The restore path is
 * no identity and row_security off, as pg_dump's output sets it: rows are
 * written as a dump has them, with no cross-entity rule, no lifecycle
 * effect and no history (10)
 * ------------------------------------------------------------------------ */

RESET ROLE;

-- with an identity, a superuser is not restoring: the rules hold
SELECT throws_ok(
    $$ INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title)
       VALUES ('00000001-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'Not restored', 'Title') $$,
    '23514', 'vendor "AlphaSights" is not enrolled in campaign 00000001-0000-4000-8000-000000000001',
    'restore: a superuser with an identity set is held to the rules');

SELECT set_config('expert_network.user_id', '', true) \g /dev/null

-- nor is it without an identity while row_security is on: an
-- administrator's writes; AE1 (2…00e1; not the API's A1: another person),
-- an expert of W0 inserted without user_id, gets an interview AI (3…00e1),
-- which a plain UPDATE completes
SELECT throws_ok(
    $$ INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title)
       VALUES ('00000001-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'Not restored', 'Title') $$,
    '23514', 'vendor "AlphaSights" is not enrolled in campaign 00000001-0000-4000-8000-000000000001',
    'admin write: a superuser without an identity, row_security on, is held to the cross-entity rules');
SELECT lives_ok(
    $$ INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, status)
       VALUES ('00000002-0000-4000-8000-0000000000e1', '00000001-0000-4000-8000-000000000001',
               '00000000-0000-4000-8000-000000000001', 'AE1', 'Title', 'reviewed') $$,
    'admin write: a superuser without an identity may INSERT an expert without user_id');
INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
VALUES ('00000003-0000-4000-8000-0000000000e1', '00000001-0000-4000-8000-000000000001',
        '00000002-0000-4000-8000-0000000000e1', '2026-02-03', '10:00', 'scheduled');
SELECT results_eq(
    $$ SELECT user_id, status FROM expert_network.experts WHERE id = '00000002-0000-4000-8000-0000000000e1' $$,
    $$ VALUES ('wf_u1'::text, 'scheduled'::expert_network.expert_status) $$,
    'admin write: the expert took its campaign''s owner, and its new live interview scheduled it (lifecycle)');
SELECT lives_ok(
    $$ UPDATE expert_network.interviews SET status = 'completed' WHERE id = '00000003-0000-4000-8000-0000000000e1' $$,
    'admin write: a superuser without an identity completes an interview by an UPDATE');
SELECT results_eq(
    $$ SELECT user_id, campaign_id, expert_id FROM expert_network.completed_interviews
        WHERE interview_id = '00000003-0000-4000-8000-0000000000e1' $$,
    $$ VALUES ('wf_u1'::text, '00000001-0000-4000-8000-000000000001'::uuid, '00000002-0000-4000-8000-0000000000e1'::uuid) $$,
    'admin write: the completed interview gets its completed_interviews row, the interview''s owner''s');
SELECT results_eq(
    $$ SELECT status, pg_temp.history_of(id) FROM expert_network.experts WHERE id = '00000002-0000-4000-8000-0000000000e1' $$,
    $$ VALUES ('completed'::expert_network.expert_status, '>reviewed reviewed>scheduled scheduled>completed'::text) $$,
    'admin write: the expert is moved to completed, every step recorded');
SELECT results_eq(
    $$ SELECT pg_temp.history_of('00000003-0000-4000-8000-0000000000e1'),
              (SELECT pg_catalog.array_agg(DISTINCT user_id) FROM expert_network.status_history
                WHERE row_id IN ('00000002-0000-4000-8000-0000000000e1', '00000003-0000-4000-8000-0000000000e1')) $$,
    $$ VALUES ('>scheduled scheduled>completed'::text, ARRAY['wf_u1'::text]) $$,
    'admin write: the interview''s steps are recorded too, and every history row is the rows'' owner''s');
SELECT is_empty($$ SELECT * FROM expert_network.verify_counters() $$,
                'admin write: the counters followed (verify_counters() finds no drift)');

-- the restore path: no identity and row_security off (row_security off
-- with an identity is no restore either)
SET LOCAL row_security = off;
SELECT set_config('expert_network.user_id', 'wf_u1', true) \g /dev/null
SELECT throws_ok(
    $$ INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title)
       VALUES ('00000001-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'Not restored', 'Title') $$,
    '23514', 'vendor "AlphaSights" is not enrolled in campaign 00000001-0000-4000-8000-000000000001',
    'restore: row_security off with an identity set is held to the rules');
SELECT set_config('expert_network.user_id', '', true) \g /dev/null
SELECT count(*) AS hr0 FROM expert_network.status_history \gset

-- R0 (1…00f1), user wf_r's campaign, archived; expert R1 (2…00f1) from
-- a vendor with no enrollment, proposed; interviews RI (3…00f1) completed
-- and RJ (3…00f2) pending with R1
SELECT lives_ok(
    $$ INSERT INTO expert_network.campaigns (id, user_id, campaign_name, industry_vertical, start_date,
                                             target_completion_date, status)
       VALUES ('00000001-0000-4000-8000-0000000000f1', 'wf_r', 'R0', 'Energy', '2026-01-01', '2026-06-30', 'archived') $$,
    'restore: a campaign, archived');
SELECT lives_ok(
    $$ INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title, status)
       VALUES ('00000002-0000-4000-8000-0000000000f1', '00000001-0000-4000-8000-0000000000f1',
               '00000000-0000-4000-8000-000000000002', 'R1', 'Title', 'proposed') $$,
    'restore: an expert from a vendor not enrolled in the campaign, in an archived campaign');
SELECT lives_ok(
    $$ INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time, status)
       VALUES ('00000003-0000-4000-8000-0000000000f1', '00000001-0000-4000-8000-0000000000f1',
               '00000002-0000-4000-8000-0000000000f1', '2026-02-01', '10:00', 'completed'),
              ('00000003-0000-4000-8000-0000000000f2', '00000001-0000-4000-8000-0000000000f1',
               '00000002-0000-4000-8000-0000000000f1', '2026-02-02', '10:00', 'pending') $$,
    'restore: a completed and a pending interview for a proposed expert');
SELECT results_eq(
    $$ SELECT user_id, status FROM expert_network.experts WHERE id = '00000002-0000-4000-8000-0000000000f1' $$,
    $$ VALUES ('wf_r'::text, 'proposed'::expert_network.expert_status) $$,
    'restore: no lifecycle effect: the expert is still proposed (neither scheduled nor completed)');
SELECT is_empty(
    $$ SELECT id FROM expert_network.completed_interviews WHERE interview_id = '00000003-0000-4000-8000-0000000000f1' $$,
    'restore: no completed_interviews row is made for the completed interview (the dump carries its own)');
SELECT is((SELECT count(*) FROM expert_network.status_history), :hr0::bigint,
          'restore: no history row is written (the dump carries the history)');
SELECT lives_ok(
    $$ INSERT INTO expert_network.completed_interviews (interview_id, campaign_id, expert_id, interview_date,
                                                        interview_time, duration, notes)
       VALUES ('00000003-0000-4000-8000-0000000000f1', '00000001-0000-4000-8000-0000000000f1',
               '00000002-0000-4000-8000-0000000000f1', '2026-02-01', '10:00 UTC', '60 min', 'From the dump') $$,
    'restore: the dump''s completed_interviews row then goes in without a conflict');
SELECT lives_ok(
    $$ INSERT INTO expert_network.status_history (user_id, entity, row_id, from_status, to_status, changed_at)
       VALUES ('wf_r', 'expert', '00000002-0000-4000-8000-0000000000f1', NULL, 'proposed', '2025-12-01 00:00:00+00') $$,
    'restore: and so do the dump''s history rows (the superuser may write them)');
SET LOCAL row_security = on;

SELECT * FROM finish();

ROLLBACK;
