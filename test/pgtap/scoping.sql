-- test/pgtap/scoping.sql — per-user scoping (0.2.0), structure and behaviour.
--
-- Structure: row-level security enabled and forced on the 26 tables holding
-- users' rows, one policy owner_rows each whose USING compares user_id with a
-- sub-select of current_user_id() (an InitPlan: evaluated once per
-- statement); none on vendor_platforms nor (0.8.0) access_levels; the
-- owner-key trigger first among the BEFORE row triggers of the 25 tables
-- that have it (every one but status_history); the properties of current_user_id() and
-- delete_user_data(); what PUBLIC may do (nothing); no SECURITY DEFINER
-- function (0.7.0).
--
-- The 19th table, status_history (0.4.0), is owner-scoped like the others
-- and readable at every level, but only the extension writes it: its rows
-- carry the owner of the row whose status changed.  Since 0.7.0 the history
-- is written as the caller, so the app level holds INSERT on it (and admin
-- DELETE, for delete_user_data()), and its statement trigger
-- protect_history refuses every INSERT, UPDATE or DELETE the extension does
-- not make itself (42501); delete_user_data() erases it too.
--
-- 0.10.0 adds the seven compliance tables, scoped like the others, and the
-- level compliance.  The app level writes expert_employments,
-- campaign_subject_companies and interview_attestations; the restricted
-- list, the policy and the exceptions are the compliance level's to write
-- (admin only deletes them, with a user's data); compliance_log is the
-- gates', which write it as the caller: the app and compliance levels hold
-- INSERT on it (admin DELETE too, for delete_user_data()), and
-- protect_compliance_log refuses every other write (42501).  Here a role of
-- the compliance level writes and changes the compliance team's rows; how
-- the gates behave is test/pgtap/compliance.sql's.
-- The fixture follows the workflows of 0.4.0: the vendor is enrolled and
-- the expert reviewed before the interview, which is completed with
-- complete_interview() (its completed_interviews row is the trigger's).
--
-- Behaviour, as roles that are neither superuser nor BYPASSRLS (a superuser
-- bypasses row-level security and would pass every test): an app role
-- writes a full set of rows in every table as user_a, then as user_b; each
-- user sees, updates and deletes only its own; every reference to another
-- user's row fails on its composite foreign key (0.7.0: 23503, exactly as a
-- reference to a row that does not exist, and naming neither the other
-- user nor its row); an explicit foreign user_id and a change of owner fail
-- with 42501; the application's upsert works; without an identity nothing
-- is visible and every write fails; the readonly, app and admin levels of
-- grant_access() (0.10.0: and compliance), and the right to set the
-- identity (set_user_id(), 0.7.0);
-- delete_user_data(); revoke_access() and the levels' record, access_levels
-- (0.8.0); a superuser's writes without an identity (0.8.0: a restore only
-- with row_security off).  The identity is switched the way an application
-- does it, set_config('expert_network.user_id', ..., true); its result is
-- sent to /dev/null (\g) to keep the TAP stream clean.
--
-- Runs under pg_prove in a database with pgtap and expert_network installed
-- (test/suite), as a superuser.  Everything happens in one transaction that
-- is rolled back: the roles created here vanish with it.
--
-- Fixture ids: user_a's rows are a0000000-0000-4000-8000-0000000000NN,
-- user_b's b0000000-…-0000000000NN, with NN
--   01 project          02 campaign (in 01)    03 team member
--   04 question         05 sub-question of 04  06 vendor enrollment
--   07 expert           08 response (07 to 05) 09 interview of 07
--   0b chat session     0c message             0d activity
--   0e source           0f answer section      10 campaign cost
--   11 ended employment of 07                  12 subject company of 02
--   13 attestation of 09                       14 restricted-list entry
--   15 compliance exception for 07
-- plus the two team assignments (02 × 03, 09 × 03), the UI preferences, the
-- completed-interview record of 09 (written by complete_interview()), the
-- 11 history rows of 02, 06, 07, 09, 0d and 0e (every initial status and
-- every change, the expert's two lifecycle steps included), the compliance
-- policy and the 2 compliance-log rows of 09's booking (restricted_list and
-- cooling_off passed; no attestation is asked without a policy, which comes
-- after the call is completed).

SET client_min_messages = warning;

BEGIN;

SELECT plan(648);

/* ------------------------------------------------------------------------
 * The 27 tables holding users' rows, with what the behaviour tests need:
 * how many rows each user's fixture puts there (n), the fixture's rows as a
 * WHERE clause (sel, %1$s being the user's letter a or b), a harmless
 * change for the UPDATE tests (chg), whether the app level writes the
 * table (app_writes: all but status_history and, 0.10.0, the compliance
 * team's tables and the compliance log), whether only the compliance level
 * writes it (comp_writes: restricted_companies, compliance_policies,
 * compliance_exceptions) and whether it has the scoping triggers
 * (owner_key: all but status_history).
 * ------------------------------------------------------------------------ */

CREATE TEMPORARY TABLE ut (
    ord        serial PRIMARY KEY,
    tbl        name    NOT NULL UNIQUE,
    n          integer NOT NULL,
    sel        text    NOT NULL,
    chg        text    NOT NULL,
    app_writes boolean NOT NULL DEFAULT true,
    comp_writes boolean NOT NULL DEFAULT false,
    owner_key  boolean NOT NULL DEFAULT true
);

INSERT INTO ut (tbl, n, sel, chg) VALUES
('projects',                    1, $$id = '%1$s0000000-0000-4000-8000-000000000001'$$,          $$project_name = 'changed'$$),
('campaigns',                   1, $$id = '%1$s0000000-0000-4000-8000-000000000002'$$,          $$campaign_name = 'changed'$$),
('team_members',                1, $$id = '%1$s0000000-0000-4000-8000-000000000003'$$,          $$name = 'changed'$$),
('campaign_team_assignments',   1, $$campaign_id = '%1$s0000000-0000-4000-8000-000000000002'$$, $$assigned_at = '2001-01-01 00:00:00+00'$$),
('screening_questions',         2, $$campaign_id = '%1$s0000000-0000-4000-8000-000000000002'$$, $$question_text = 'changed'$$),
('campaign_vendor_enrollments', 1, $$id = '%1$s0000000-0000-4000-8000-000000000006'$$,          $$notes = 'changed'$$),
('experts',                     1, $$id = '%1$s0000000-0000-4000-8000-000000000007'$$,          $$name = 'changed'$$),
('expert_screening_responses',  1, $$id = '%1$s0000000-0000-4000-8000-000000000008'$$,          $$response_text = 'changed'$$),
('interviews',                  1, $$id = '%1$s0000000-0000-4000-8000-000000000009'$$,          $$color_tag = 'changed'$$),
('interview_team_assignments',  1, $$interview_id = '%1$s0000000-0000-4000-8000-000000000009'$$, $$team_member_id = team_member_id$$),
('completed_interviews',        1, $$interview_id = '%1$s0000000-0000-4000-8000-000000000009'$$, $$notes = 'changed'$$),
('chat_sessions',               1, $$id = '%1$s0000000-0000-4000-8000-00000000000b'$$,          $$title = 'changed'$$),
('chat_messages',               1, $$id = '%1$s0000000-0000-4000-8000-00000000000c'$$,          $$content = 'changed'$$),
('research_activities',         1, $$id = '%1$s0000000-0000-4000-8000-00000000000d'$$,          $$activity_name = 'changed'$$),
('research_sources',            1, $$id = '%1$s0000000-0000-4000-8000-00000000000e'$$,          $$source_name = 'changed'$$),
('answer_sections',             1, $$id = '%1$s0000000-0000-4000-8000-00000000000f'$$,          $$content = 'changed'$$),
('user_ui_preferences',         1, $$user_id = 'user_%1$s'$$,                                   $$theme = 'dark'$$),
('campaign_costs',              1, $$id = '%1$s0000000-0000-4000-8000-000000000010'$$,          $$memo = 'changed'$$);
INSERT INTO ut (tbl, n, sel, chg, app_writes, owner_key) VALUES
('status_history',             11, $$row_id::text LIKE '%1$s0000000-%%'$$,                      $$to_status = to_status$$, false, false);
-- 0.10.0
INSERT INTO ut (tbl, n, sel, chg, app_writes, comp_writes) VALUES
('restricted_companies',        1, $$id = '%1$s0000000-0000-4000-8000-000000000014'$$,          $$reason = 'changed'$$,                  false, true),
('expert_employments',          1, $$id = '%1$s0000000-0000-4000-8000-000000000011'$$,          $$title = 'changed'$$,                   true,  false),
('campaign_subject_companies',  1, $$id = '%1$s0000000-0000-4000-8000-000000000012'$$,          $$ticker = 'CHG'$$,                      true,  false),
('compliance_policies',         1, $$user_id = 'user_%1$s'$$,                                   $$cooling_off_private_months = 4$$,      false, true),
('interview_attestations',      1, $$id = '%1$s0000000-0000-4000-8000-000000000013'$$,          $$conflicts_disclosed = 'changed'$$,     true,  false),
('compliance_exceptions',       1, $$id = '%1$s0000000-0000-4000-8000-000000000015'$$,          $$reason = 'changed'$$,                  false, true),
('compliance_log',              2, $$interview_id = '%1$s0000000-0000-4000-8000-000000000009'$$, $$decision = decision$$,                false, false),
-- 0.13.0: the call cap is the compliance team's, as its policy
('call_caps',                   1, $$user_id = 'user_%1$s'$$,                                   $$max_calls = 13$$,                      false, true);

GRANT SELECT ON ut TO PUBLIC;

/* ========================================================================
 * Structure (147)
 * ======================================================================== */

-- the list above is every table with user_id (1)
SELECT set_eq(
    $$ SELECT c.relname::text FROM pg_catalog.pg_attribute a
         JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        WHERE c.relnamespace = 'expert_network'::regnamespace AND c.relkind = 'r'
          AND a.attname = 'user_id' AND NOT a.attisdropped $$,
    $$ SELECT tbl::text FROM ut $$,
    'the 27 tables of this test are exactly the tables with a user_id column');

-- row-level security enabled and forced (26)
SELECT is((SELECT ROW(c.relrowsecurity, c.relforcerowsecurity)::text FROM pg_catalog.pg_class c
            WHERE c.oid = format('expert_network.%I', tbl)::regclass),
          '(t,t)',
          format('%s: row-level security is enabled and forced', tbl))
  FROM ut ORDER BY ord;

-- exactly one policy, owner_rows (26)
SELECT policies_are('expert_network', tbl, ARRAY['owner_rows']::name[],
                    format('%s has exactly the policy owner_rows', tbl))
  FROM ut ORDER BY ord;

-- for every command (26)
SELECT policy_cmd_is('expert_network', tbl, 'owner_rows', 'ALL',
                     format('%s.owner_rows is FOR ALL commands', tbl))
  FROM ut ORDER BY ord;

-- comparing user_id with a sub-select, not a per-row call (26)
SELECT is((SELECT pg_catalog.pg_get_expr(p.polqual, p.polrelid) FROM pg_catalog.pg_policy p
            WHERE p.polrelid = format('expert_network.%I', tbl)::regclass AND p.polname = 'owner_rows'),
          '(user_id = ( SELECT expert_network.current_user_id() AS current_user_id))',
          format('%s.owner_rows: USING (user_id = (SELECT expert_network.current_user_id()))', tbl))
  FROM ut ORDER BY ord;

-- USING also checks new rows: no WITH CHECK of its own (1)
SELECT is_empty(
    $$ SELECT p.polrelid::regclass::text, p.polname FROM pg_catalog.pg_policy p
         JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
        WHERE c.relnamespace = 'expert_network'::regnamespace
          AND (NOT p.polpermissive OR p.polroles <> '{0}' OR p.polwithcheck IS NOT NULL) $$,
    'every policy of the schema is PERMISSIVE, TO PUBLIC, with no separate WITH CHECK');

-- vendor_platforms is the shared catalog (2)
SELECT policies_are('expert_network', 'vendor_platforms', ARRAY[]::name[],
                    'vendor_platforms has no policy');
SELECT is((SELECT ROW(c.relrowsecurity, c.relforcerowsecurity)::text FROM pg_catalog.pg_class c
            WHERE c.oid = 'expert_network.vendor_platforms'::regclass),
          '(f,f)',
          'vendor_platforms: row-level security is off');

-- so is access_levels (0.8.0), the record of the roles' levels: no user_id,
-- no policy (2)
SELECT policies_are('expert_network', 'access_levels', ARRAY[]::name[],
                    'access_levels has no policy');
SELECT is((SELECT ROW(c.relrowsecurity, c.relforcerowsecurity)::text FROM pg_catalog.pg_class c
            WHERE c.oid = 'expert_network.access_levels'::regclass),
          '(f,f)',
          'access_levels: row-level security is off');

-- triggers fire in name order: the owner key is settled before any other
-- BEFORE row trigger (such as 0.4.0's check_transition, 0.10.0's
-- stamp_exception) sees the row (25)
SELECT is((SELECT t.tgname FROM pg_catalog.pg_trigger t
            WHERE t.tgrelid = format('expert_network.%I', tbl)::regclass
              AND t.tgtype::int & 3 = 3          -- ROW | BEFORE
            ORDER BY t.tgname COLLATE "C" LIMIT 1),
          'a_enforce_owner'::name,
          format('%s: a_enforce_owner is the first BEFORE row trigger', tbl))
  FROM ut WHERE owner_key ORDER BY ord;

-- 0.10.0: the compliance log's statement triggers: a_require_identity
-- first, then protect_compliance_log (BEFORE INSERT OR UPDATE OR DELETE OR
-- TRUNCATE, tgtype 62), which keeps everyone but the gates out (1)
SELECT is(
    (SELECT pg_catalog.array_agg(ROW(t.tgname, t.tgfoid::regprocedure, t.tgtype)::text ORDER BY t.tgname COLLATE "C")
       FROM pg_catalog.pg_trigger t
      WHERE t.tgrelid = 'expert_network.compliance_log'::regclass AND NOT t.tgisinternal
        AND t.tgtype::int & 1 = 0),
    ARRAY[ROW('a_require_identity'::name, 'expert_network.require_identity()'::regprocedure, 30::int2)::text,
          ROW('protect_compliance_log'::name, 'expert_network.protect_compliance_log()'::regprocedure, 62::int2)::text],
    'compliance_log: the statement triggers a_require_identity, then protect_compliance_log');

-- the history has no row trigger, no owner key among them: the extension
-- writes each row with the owner of the row whose status changed; its one
-- trigger (0.7.0) is the statement trigger protect_history, BEFORE INSERT OR
-- UPDATE OR DELETE OR TRUNCATE (tgtype 62), which keeps everyone else out (1)
SELECT is(
    (SELECT pg_catalog.array_agg(ROW(t.tgname, t.tgfoid::regprocedure, t.tgtype)::text)
       FROM pg_catalog.pg_trigger t
      WHERE t.tgrelid = 'expert_network.status_history'::regclass AND NOT t.tgisinternal),
    ARRAY[ROW('protect_history'::name, 'expert_network.protect_history()'::regprocedure, 62::int2)::text],
    'status_history: no row trigger (no owner key: the extension writes the rows'' owner), only the statement trigger protect_history');

-- current_user_id() (4)
SELECT function_lang_is('expert_network', 'current_user_id', ARRAY[]::name[], 'c',
                        'current_user_id() is written in C');
SELECT volatility_is('expert_network', 'current_user_id', ARRAY[]::name[], 'stable',
                     'current_user_id() is STABLE');
SELECT is((SELECT p.proparallel FROM pg_catalog.pg_proc p
            WHERE p.oid = 'expert_network.current_user_id()'::regprocedure),
          's'::"char",
          'current_user_id() is PARALLEL SAFE');
SELECT isnt_definer('expert_network', 'current_user_id', ARRAY[]::name[],
                    'current_user_id() is not SECURITY DEFINER');

-- delete_user_data() (2): since 0.7.0 it runs as its caller
SELECT isnt_definer('expert_network', 'delete_user_data', ARRAY['text']::name[],
                    'delete_user_data() is not SECURITY DEFINER (it runs as its caller)');
SELECT is((SELECT p.proconfig FROM pg_catalog.pg_proc p
            WHERE p.oid = 'expert_network.delete_user_data(text)'::regprocedure),
          NULL,
          'delete_user_data() has no settings (no pinned search_path: it runs nothing as another role)');

-- PUBLIC (3)
SELECT is_empty(
    $$ SELECT p.oid::regprocedure::text FROM pg_catalog.pg_proc p
        WHERE p.pronamespace = 'expert_network'::regnamespace
          AND pg_catalog.has_function_privilege('public', p.oid, 'EXECUTE') $$,
    'PUBLIC may execute no function of the schema');
SELECT is_empty(
    $$ SELECT c.relname::text FROM pg_catalog.pg_class c
        WHERE c.relnamespace = 'expert_network'::regnamespace AND c.relkind IN ('r', 'v', 'm', 'S', 'p')
          AND (pg_catalog.has_table_privilege('public', c.oid,
                   'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
               OR pg_catalog.has_any_column_privilege('public', c.oid, 'SELECT, INSERT, UPDATE, REFERENCES')) $$,
    'PUBLIC has no privilege on any table of the schema, nor on any of its columns');
SELECT ok(NOT pg_catalog.has_schema_privilege('public', 'expert_network', 'USAGE, CREATE'),
          'PUBLIC has neither USAGE nor CREATE on schema expert_network');

-- no SECURITY DEFINER at all since 0.7.0 (and so none without a pinned
-- search_path) (1)
SELECT is_empty(
    $$ SELECT p.oid::regprocedure::text FROM pg_catalog.pg_proc p
        WHERE p.pronamespace = 'expert_network'::regnamespace AND p.prosecdef $$,
    'no function of the schema is SECURITY DEFINER');

/* ========================================================================
 * Roles and access levels (22)
 * ======================================================================== */

CREATE ROLE en_tap_app NOLOGIN;
CREATE ROLE en_tap_ro NOLOGIN;
CREATE ROLE en_tap_admin NOLOGIN;
CREATE ROLE en_tap_noid NOLOGIN;
CREATE ROLE en_tap_comp NOLOGIN;

-- (6)
SELECT is_empty(
    $$ SELECT rolname FROM pg_catalog.pg_roles
        WHERE rolname IN ('en_tap_app', 'en_tap_ro', 'en_tap_admin', 'en_tap_noid', 'en_tap_comp')
          AND (rolsuper OR rolbypassrls) $$,
    'the test roles are neither superuser nor BYPASSRLS: row-level security applies to them');
SELECT lives_ok($$ SELECT expert_network.grant_access('en_tap_app', 'app') $$,
                'grant_access(en_tap_app, ''app'')');
SELECT lives_ok($$ SELECT expert_network.grant_access('en_tap_ro', 'readonly') $$,
                'grant_access(en_tap_ro, ''readonly'')');
SELECT lives_ok($$ SELECT expert_network.grant_access('en_tap_admin', 'admin') $$,
                'grant_access(en_tap_admin, ''admin'')');
SELECT lives_ok($$ SELECT expert_network.grant_access('en_tap_noid', 'app', may_set_identity => false) $$,
                'grant_access(en_tap_noid, ''app'', may_set_identity => false)');
SELECT lives_ok($$ SELECT expert_network.grant_access('en_tap_comp', 'compliance') $$,
                'grant_access(en_tap_comp, ''compliance'') (0.10.0)');

-- 0.8.0: each level is recorded in access_levels (1)
SELECT results_eq(
    $$ SELECT role::text, level, may_set_identity, granted_at = now() FROM expert_network.access_levels
        WHERE role::text LIKE 'en\_tap\_%' ORDER BY role::text $$,
    $$ VALUES ('en_tap_admin'::text, 'admin'::text, true, true), ('en_tap_app', 'app', true, true),
              ('en_tap_comp', 'compliance', true, true),
              ('en_tap_noid', 'app', false, true), ('en_tap_ro', 'readonly', true, true) $$,
    'grant_access() records each role''s level and identity right in access_levels');

-- what each level holds (7)
CREATE TEMPORARY TABLE table_privs AS
SELECT r.rolname::text AS role, c.relname::text AS tbl, p.priv
  FROM pg_catalog.pg_roles r,
       pg_catalog.pg_class c,
       pg_catalog.unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) AS p(priv)
 WHERE r.rolname IN ('en_tap_app', 'en_tap_ro', 'en_tap_admin', 'en_tap_noid', 'en_tap_comp')
   AND c.relnamespace = 'expert_network'::regnamespace AND c.relkind = 'r'
   AND pg_catalog.has_table_privilege(r.oid, c.oid, p.priv);

SELECT set_eq(
    $$ SELECT tbl, priv FROM table_privs WHERE role = 'en_tap_ro' $$,
    $$ SELECT tbl::text, 'SELECT' FROM ut UNION ALL SELECT 'vendor_platforms', 'SELECT'
       UNION ALL SELECT 'access_levels', 'SELECT' $$,
    'readonly: SELECT on every table, status_history and access_levels included, nothing more');
-- 0.7.0: the history is written as the caller, through the workflow tables:
-- the app level holds INSERT on it (protect_history refuses any INSERT the
-- extension does not make), not UPDATE or DELETE; 0.10.0: the same for the
-- compliance log, which the gates write as the caller; only SELECT on the
-- compliance team's tables (an application cannot clear its own calls)
SELECT set_eq(
    $$ SELECT tbl, priv FROM table_privs WHERE role = 'en_tap_app' $$,
    $$ SELECT tbl::text, p FROM ut, pg_catalog.unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE']) AS p
        WHERE app_writes
       UNION ALL SELECT tbl::text, 'SELECT' FROM ut WHERE comp_writes
       UNION ALL SELECT 'vendor_platforms', 'SELECT'
       UNION ALL SELECT 'access_levels', 'SELECT'
       UNION ALL SELECT 'status_history', 'SELECT'
       UNION ALL SELECT 'status_history', 'INSERT'
       UNION ALL SELECT 'compliance_log', 'SELECT'
       UNION ALL SELECT 'compliance_log', 'INSERT' $$,
    'app: SELECT, INSERT, UPDATE, DELETE on the user tables (never TRUNCATE, REFERENCES or TRIGGER), only SELECT on vendor_platforms, access_levels, restricted_companies, compliance_policies and compliance_exceptions, SELECT and INSERT (no UPDATE, DELETE) on status_history and compliance_log');
-- 0.10.0: the compliance level is app's, and writes the compliance team's
-- tables
SELECT set_eq(
    $$ SELECT tbl, priv FROM table_privs WHERE role = 'en_tap_comp' $$,
    $$ SELECT tbl::text, p FROM ut, pg_catalog.unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE']) AS p
        WHERE app_writes OR comp_writes
       UNION ALL SELECT 'vendor_platforms', 'SELECT'
       UNION ALL SELECT 'access_levels', 'SELECT'
       UNION ALL SELECT 'status_history', 'SELECT'
       UNION ALL SELECT 'status_history', 'INSERT'
       UNION ALL SELECT 'compliance_log', 'SELECT'
       UNION ALL SELECT 'compliance_log', 'INSERT' $$,
    'compliance: app''s privileges, and SELECT, INSERT, UPDATE, DELETE on restricted_companies, compliance_policies and compliance_exceptions');
-- 0.7.0: delete_user_data() runs as its caller, an admin: DELETE on the
-- history too (protect_history lets only delete_user_data() use it); 0.8.0:
-- the levels are the extension owner's to write (grant_access()), every
-- level only reads them
-- 0.10.0: admin deletes the compliance team's rows and the compliance log
-- with a user's data, but writes neither
SELECT set_eq(
    $$ SELECT tbl, priv FROM table_privs WHERE role = 'en_tap_admin' $$,
    $$ SELECT t, p FROM (SELECT tbl::text FROM ut WHERE app_writes UNION ALL SELECT 'vendor_platforms') AS u(t),
                        pg_catalog.unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE']) AS p
       UNION ALL SELECT tbl::text, p FROM ut, pg_catalog.unnest(ARRAY['SELECT', 'DELETE']) AS p WHERE comp_writes
       UNION ALL SELECT 'access_levels', 'SELECT'
       UNION ALL SELECT 'status_history', 'SELECT'
       UNION ALL SELECT 'status_history', 'INSERT'
       UNION ALL SELECT 'status_history', 'DELETE'
       UNION ALL SELECT 'compliance_log', 'SELECT'
       UNION ALL SELECT 'compliance_log', 'INSERT'
       UNION ALL SELECT 'compliance_log', 'DELETE' $$,
    'admin: SELECT, INSERT, UPDATE, DELETE on every table, vendor_platforms included (never TRUNCATE, REFERENCES or TRIGGER), but no UPDATE on status_history and compliance_log, only SELECT and DELETE on the compliance team''s tables and only SELECT on access_levels');
SELECT set_eq(
    $$ SELECT tbl, priv FROM table_privs WHERE role = 'en_tap_noid' $$,
    $$ SELECT tbl, priv FROM table_privs WHERE role = 'en_tap_app' $$,
    'app without the identity right: the same table privileges as app');
SELECT set_eq(
    $$ SELECT r.rolname::text, p.proname::text
         FROM pg_catalog.pg_roles r, pg_catalog.pg_proc p
        WHERE r.rolname IN ('en_tap_app', 'en_tap_ro', 'en_tap_admin', 'en_tap_noid', 'en_tap_comp')
          AND p.pronamespace = 'expert_network'::regnamespace
          AND pg_catalog.has_function_privilege(r.oid, p.oid, 'EXECUTE') $$,
    $$ SELECT r, f
         FROM pg_catalog.unnest(ARRAY['en_tap_app', 'en_tap_ro', 'en_tap_admin', 'en_tap_noid', 'en_tap_comp']) AS r,
              pg_catalog.unnest(ARRAY['current_user_id', 'set_updated_at', 'require_identity', 'enforce_owner',
                                      'count_calls', 'protect_call_counters', 'touch_chat_sessions',
                                      'verify_counters', 'repair_counters',
                                      'check_transition', 'record_transitions', 'interview_lifecycle',
                                      'allowed_transitions', 'transition_graph',
                                      'schedule_interview', 'complete_interview', 'cancel_interview',
                                      'rate_interview',
                                      'question_tree', 'question_subtree', 'question_ancestors',
                                      'move_question', 'copy_question_tree',
                                      'question_integrity', 'response_integrity', 'uuid_v7',
                                      'protect_history', 'protect_completed_record',
                                      'company_key', 'company_keys', 'compliance_gate',
                                      'protect_compliance_log', 'stamp_exception',
                                      'follow_current_employment', 'compliance_check',
                                      'compliance_conflicts', 'keys_overlap',
                                      'person_key', 'interview_starts_at', 'interview_ends_at',
                                      'booking_gate',
                                      -- 0.15.0
                                      'fill_empty_arrays']) AS f
       UNION ALL SELECT r, 'set_user_id'
         FROM pg_catalog.unnest(ARRAY['en_tap_app', 'en_tap_ro', 'en_tap_admin', 'en_tap_comp']) AS r
       UNION ALL SELECT 'en_tap_admin', 'delete_user_data' $$,
    'every level executes the trigger functions, current_user_id(), verify_counters(), repair_counters(), the workflow graphs, the interview API, the question tree functions and (0.10.0) the company keys and the compliance screens (0.11.0: and their overlap, keys_overlap(); 0.13.0: person_key(), the interview times and booking_gate; 0.15.0: fill_empty_arrays), and set_user_id() unless may_set_identity is false; admin also delete_user_data(); none grant_access(), revoke_access() or apply_access_levels()');
SELECT is_empty(
    $$ SELECT rolname FROM pg_catalog.pg_roles
        WHERE rolname IN ('en_tap_app', 'en_tap_ro', 'en_tap_admin', 'en_tap_noid', 'en_tap_comp')
          AND NOT (pg_catalog.has_schema_privilege(oid, 'expert_network', 'USAGE')
                   AND NOT pg_catalog.has_schema_privilege(oid, 'expert_network', 'CREATE')) $$,
    'every level has USAGE on the schema, none CREATE');
SELECT is_empty(
    $$ SELECT rolname FROM pg_catalog.pg_roles
        WHERE rolname IN ('en_tap_app', 'en_tap_ro', 'en_tap_admin', 'en_tap_noid', 'en_tap_comp')
          AND NOT pg_catalog.has_table_privilege(oid, 'expert_network.workflow_transitions', 'SELECT') $$,
    'every level may read the view workflow_transitions');
-- 0.12.0: and read, never write, the dashboards
SELECT set_eq(
    $$ SELECT r.rolname::text, c.relname::text, p.priv
         FROM pg_catalog.pg_roles r, pg_catalog.pg_class c,
              pg_catalog.unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) AS p(priv)
        WHERE r.rolname IN ('en_tap_app', 'en_tap_ro', 'en_tap_admin', 'en_tap_noid', 'en_tap_comp')
          AND c.relnamespace = 'expert_network'::regnamespace AND c.relkind = 'v'
          AND c.relname NOT IN ('workflow_transitions', 'expert_duplicates')
          AND pg_catalog.has_table_privilege(r.oid, c.oid, p.priv) $$,
    $$ SELECT r, v, 'SELECT'
         FROM pg_catalog.unnest(ARRAY['en_tap_app', 'en_tap_ro', 'en_tap_admin', 'en_tap_noid', 'en_tap_comp']) AS r,
              pg_catalog.unnest(ARRAY['campaign_dashboard', 'vendor_scorecard', 'team_workload']) AS v $$,
    'every level may read the dashboards (0.12.0), and none write them');
SELECT is_empty(
    $$ SELECT rolname FROM pg_catalog.pg_roles
        WHERE rolname IN ('en_tap_app', 'en_tap_ro', 'en_tap_admin', 'en_tap_noid', 'en_tap_comp')
          AND (NOT pg_catalog.has_table_privilege(oid, 'expert_network.expert_duplicates', 'SELECT')
               OR pg_catalog.has_table_privilege(oid, 'expert_network.expert_duplicates', 'INSERT, UPDATE, DELETE')) $$,
    'every level may read the view expert_duplicates (0.13.0), none write it');

-- 0.7.0: the owners cannot be given a level (their privileges come with
-- what they own) (4)
SELECT throws_ok(
    format('SELECT expert_network.grant_access(%L, ''readonly'')', e.extowner::regrole),
    '22023', format('grant_access cannot change the access of role "%s"', pg_catalog.pg_get_userbyid(e.extowner)),
    'grant_access() refuses the extension''s owner')
  FROM pg_catalog.pg_extension e WHERE e.extname = 'expert_network';
SELECT throws_ok(
    format('SELECT expert_network.revoke_access(%L)', e.extowner::regrole),
    '22023', format('revoke_access cannot change the access of role "%s"', pg_catalog.pg_get_userbyid(e.extowner)),
    'revoke_access() refuses the extension''s owner')
  FROM pg_catalog.pg_extension e WHERE e.extname = 'expert_network';
SELECT throws_ok(
    format('SELECT expert_network.grant_access(%L, ''readonly'')', c.relowner::regrole),
    '22023', format('grant_access cannot change the access of role "%s"', pg_catalog.pg_get_userbyid(c.relowner)),
    'grant_access() refuses the tables'' owner')
  FROM pg_catalog.pg_class c WHERE c.oid = 'expert_network.campaigns'::regclass;
SELECT throws_ok(
    format('SELECT expert_network.revoke_access(%L)', c.relowner::regrole),
    '22023', format('revoke_access cannot change the access of role "%s"', pg_catalog.pg_get_userbyid(c.relowner)),
    'revoke_access() refuses the tables'' owner')
  FROM pg_catalog.pg_class c WHERE c.oid = 'expert_network.campaigns'::regclass;

-- 0.7.0: acting as a user is a privilege, EXECUTE on set_user_id(): a role
-- without it, logged in as itself, may not set the identity, by set_config()
-- or SET, but may clear it; a login role with the right decides for the
-- roles it SET ROLE to (4)
SET LOCAL ROLE en_tap_noid;
SELECT lives_ok(
    $$ SELECT pg_catalog.set_config('expert_network.user_id', 'user_a', true) $$,
    'app without the identity right, after SET ROLE from a login role with it: set_config() is allowed');
RESET ROLE;
SELECT pg_catalog.set_config('expert_network.user_id', '', true) \g /dev/null
SET LOCAL SESSION AUTHORIZATION en_tap_noid;
SELECT throws_ok(
    $$ SELECT pg_catalog.set_config('expert_network.user_id', 'user_a', true) $$,
    '42501', 'permission denied to set parameter "expert_network.user_id"',
    'app without the identity right: set_config() of expert_network.user_id is refused');
SELECT throws_ok(
    $$ SET LOCAL expert_network.user_id = 'user_a' $$,
    '42501', 'permission denied to set parameter "expert_network.user_id"',
    'app without the identity right: SET LOCAL expert_network.user_id is refused');
SELECT lives_ok(
    $$ SELECT pg_catalog.set_config('expert_network.user_id', '', true) $$,
    'app without the identity right: clearing the identity is allowed');
RESET SESSION AUTHORIZATION;

/* ========================================================================
 * Behaviour.  Helpers, run as the role of the moment:
 *   pg_temp.affected(sql)   the number of rows a statement touched
 *   pg_temp.plan_of(sql)    the lines of EXPLAIN (COSTS OFF)
 * ======================================================================== */

CREATE FUNCTION pg_temp.affected(sql text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
BEGIN
    EXECUTE sql;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END;
$$;

\ir lib/plan_of.sql

-- the statements that build one user's rows, user_id never named; %1$s is
-- the user's letter
CREATE TEMPORARY TABLE fixture (ord serial PRIMARY KEY, what text NOT NULL, sql text NOT NULL,
                                 lvl text NOT NULL DEFAULT 'app');
INSERT INTO fixture (what, sql) VALUES
('a project',
 $$ INSERT INTO expert_network.projects (id, project_code, project_name)
    VALUES ('%1$s0000000-0000-4000-8000-000000000001', 'P-1', 'Project of user_%1$s') $$),
('a campaign in the project',
 $$ INSERT INTO expert_network.campaigns (id, project_id, campaign_name, industry_vertical,
                                          start_date, target_completion_date)
    VALUES ('%1$s0000000-0000-4000-8000-000000000002', '%1$s0000000-0000-4000-8000-000000000001',
            'Campaign of user_%1$s', 'Technology', '2025-01-01', '2025-06-30') $$),
('a team member',
 $$ INSERT INTO expert_network.team_members (id, name, designation)
    VALUES ('%1$s0000000-0000-4000-8000-000000000003', 'Member of user_%1$s', 'Associate') $$),
('the member''s campaign assignment',
 $$ INSERT INTO expert_network.campaign_team_assignments (campaign_id, team_member_id)
    VALUES ('%1$s0000000-0000-4000-8000-000000000002', '%1$s0000000-0000-4000-8000-000000000003') $$),
('a screening question',
 $$ INSERT INTO expert_network.screening_questions (id, campaign_id, question_text)
    VALUES ('%1$s0000000-0000-4000-8000-000000000004', '%1$s0000000-0000-4000-8000-000000000002',
            'Years in the industry?') $$),
('a sub-question',
 $$ INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text)
    VALUES ('%1$s0000000-0000-4000-8000-000000000005', '%1$s0000000-0000-4000-8000-000000000002',
            '%1$s0000000-0000-4000-8000-000000000004', 'In which segment?') $$),
('an enrollment with a shipped vendor',
 $$ INSERT INTO expert_network.campaign_vendor_enrollments (id, campaign_id, vendor_platform_id)
    VALUES ('%1$s0000000-0000-4000-8000-000000000006', '%1$s0000000-0000-4000-8000-000000000002',
            '00000000-0000-4000-8000-000000000001') $$),
('the enrollment accepted (pending → enrolled): experts come only from enrolled vendors',
 $$ UPDATE expert_network.campaign_vendor_enrollments SET status = 'enrolled'
     WHERE id = '%1$s0000000-0000-4000-8000-000000000006' $$),
('an expert',
 $$ INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title)
    VALUES ('%1$s0000000-0000-4000-8000-000000000007', '%1$s0000000-0000-4000-8000-000000000002',
            '00000000-0000-4000-8000-000000000001', 'Expert of user_%1$s', 'Former VP Sales') $$),
('the expert reviewed (proposed → reviewed): interviews are for reviewed experts',
 $$ UPDATE expert_network.experts SET status = 'reviewed'
     WHERE id = '%1$s0000000-0000-4000-8000-000000000007' $$),
('the expert''s response to the sub-question',
 $$ INSERT INTO expert_network.expert_screening_responses (id, expert_id, screening_question_id, response_text)
    VALUES ('%1$s0000000-0000-4000-8000-000000000008', '%1$s0000000-0000-4000-8000-000000000007',
            '%1$s0000000-0000-4000-8000-000000000005', '12 years') $$),
('an interview',
 $$ INSERT INTO expert_network.interviews (id, campaign_id, expert_id, scheduled_date, scheduled_time)
    VALUES ('%1$s0000000-0000-4000-8000-000000000009', '%1$s0000000-0000-4000-8000-000000000002',
            '%1$s0000000-0000-4000-8000-000000000007', '2025-02-01', '10:00') $$),
('the member''s interview assignment',
 $$ INSERT INTO expert_network.interview_team_assignments (interview_id, team_member_id)
    VALUES ('%1$s0000000-0000-4000-8000-000000000009', '%1$s0000000-0000-4000-8000-000000000003') $$),
('the interview completed with complete_interview(), which records it in completed_interviews',
 $$ SELECT expert_network.complete_interview('%1$s0000000-0000-4000-8000-000000000009', 'Notes of user_%1$s') $$),
('a chat session on the campaign',
 $$ INSERT INTO expert_network.chat_sessions (id, campaign_id, title)
    VALUES ('%1$s0000000-0000-4000-8000-00000000000b', '%1$s0000000-0000-4000-8000-000000000002',
            'Session of user_%1$s') $$),
('a chat message',
 $$ INSERT INTO expert_network.chat_messages (id, chat_session_id, role, content)
    VALUES ('%1$s0000000-0000-4000-8000-00000000000c', '%1$s0000000-0000-4000-8000-00000000000b',
            'user', 'What is the market size?') $$),
('a research activity',
 $$ INSERT INTO expert_network.research_activities (id, chat_session_id, activity_name)
    VALUES ('%1$s0000000-0000-4000-8000-00000000000d', '%1$s0000000-0000-4000-8000-00000000000b',
            'Searching transcripts') $$),
('a research source',
 $$ INSERT INTO expert_network.research_sources (id, chat_session_id, source_name, source_type)
    VALUES ('%1$s0000000-0000-4000-8000-00000000000e', '%1$s0000000-0000-4000-8000-00000000000b',
            'Annual report', 'Document') $$),
('an answer section',
 $$ INSERT INTO expert_network.answer_sections (id, chat_session_id, title, content)
    VALUES ('%1$s0000000-0000-4000-8000-00000000000f', '%1$s0000000-0000-4000-8000-00000000000b',
            'Summary', 'About 2 bn USD') $$),
('UI preferences',
 $$ INSERT INTO expert_network.user_ui_preferences (theme) VALUES ('light') $$),
('a campaign cost',
 $$ INSERT INTO expert_network.campaign_costs (id, campaign_id, vendor_platform_id, fee_type, amount_usd)
    VALUES ('%1$s0000000-0000-4000-8000-000000000010', '%1$s0000000-0000-4000-8000-000000000002',
            '00000000-0000-4000-8000-000000000001', 'per_call', 1200) $$),
-- 0.10.0: ended (experts.company stays NULL), so that no gate has a
-- company to screen
('an ended employment of the expert',
 $$ INSERT INTO expert_network.expert_employments (id, expert_id, company, started_on, ended_on)
    VALUES ('%1$s0000000-0000-4000-8000-000000000011', '%1$s0000000-0000-4000-8000-000000000007',
            'Former Employer of user_%1$s', '2015-01-01', '2020-12-31') $$),
('a subject company of the campaign',
 $$ INSERT INTO expert_network.campaign_subject_companies (id, campaign_id, company)
    VALUES ('%1$s0000000-0000-4000-8000-000000000012', '%1$s0000000-0000-4000-8000-000000000002',
            'Subject of user_%1$s') $$),
('the expert''s attestation of the interview',
 $$ INSERT INTO expert_network.interview_attestations (id, interview_id, attested_by, terms_version,
                                                       no_material_nonpublic_information, no_conflicting_obligations)
    VALUES ('%1$s0000000-0000-4000-8000-000000000013', '%1$s0000000-0000-4000-8000-000000000009',
            'Expert of user_%1$s', 'v1', true, true) $$);
-- the compliance team's rows (0.10.0), written at the compliance level
INSERT INTO fixture (what, sql, lvl) VALUES
('a restricted-list entry',
 $$ INSERT INTO expert_network.restricted_companies (id, company, applies_from, reason)
    VALUES ('%1$s0000000-0000-4000-8000-000000000014', 'Listed by user_%1$s', '2025-01-01', 'Position') $$,
 'compliance'),
('a compliance policy',
 $$ INSERT INTO expert_network.compliance_policies (cooling_off_public_months) VALUES (12) $$,
 'compliance'),
('a call cap (0.13.0)',
 $$ INSERT INTO expert_network.call_caps (max_calls) VALUES (12) $$,
 'compliance'),
('a compliance exception for the expert',
 $$ INSERT INTO expert_network.compliance_exceptions (id, expert_id, rule, reason, expires_at)
    VALUES ('%1$s0000000-0000-4000-8000-000000000015', '%1$s0000000-0000-4000-8000-000000000007',
            'cooling_off', 'Cleared by the CCO', '2100-01-01') $$,
 'compliance');
GRANT SELECT ON fixture TO PUBLIC;

/* ------------------------------------------------------------------------
 * As the app role: user_a, then user_b, build their rows (48); then as the
 * compliance role, the compliance team's (6)
 * ------------------------------------------------------------------------ */

SET LOCAL ROLE en_tap_app;

SELECT set_config('expert_network.user_id', 'user_a', true) \g /dev/null

SELECT lives_ok(format(sql, 'a'), format('user_a (app role) creates %s', what))
  FROM fixture WHERE lvl = 'app' ORDER BY ord;

SELECT set_config('expert_network.user_id', 'user_b', true) \g /dev/null

SELECT lives_ok(format(sql, 'b'), format('user_b (app role) creates %s', what))
  FROM fixture WHERE lvl = 'app' ORDER BY ord;

RESET ROLE;
SET LOCAL ROLE en_tap_comp;

SELECT set_config('expert_network.user_id', 'user_a', true) \g /dev/null

SELECT lives_ok(format(sql, 'a'), format('user_a (compliance role) creates %s', what))
  FROM fixture WHERE lvl = 'compliance' ORDER BY ord;

SELECT set_config('expert_network.user_id', 'user_b', true) \g /dev/null

SELECT lives_ok(format(sql, 'b'), format('user_b (compliance role) creates %s', what))
  FROM fixture WHERE lvl = 'compliance' ORDER BY ord;

-- as stored (read as the superuser, who sees every row): each fixture row
-- carries its user's id, though no INSERT named user_id; so does each
-- history row, though the application never writes one; and (0.10.0)
-- each compliance-log row (26)
RESET ROLE;

SELECT results_eq(
    format($$ SELECT user_id, count(*)::int FROM expert_network.%I
               WHERE %s OR %s GROUP BY user_id ORDER BY user_id $$,
           tbl, format(sel, 'a'), format(sel, 'b')),
    format($$ VALUES ('user_a'::text, %s), ('user_b', %s) $$, n, n),
    format('%s: the rows of user_a and user_b were given their owner''s user_id', tbl))
  FROM ut ORDER BY ord;

-- user_b's rows as they are now, to compare with after user_a's attempts
CREATE TEMPORARY TABLE b_rows (tbl name, r jsonb);
DO $$
DECLARE
    t name;
BEGIN
    FOR t IN SELECT tbl FROM ut ORDER BY ord LOOP
        EXECUTE format($q$ INSERT INTO b_rows SELECT %L, pg_catalog.to_jsonb(x)
                             FROM expert_network.%I x WHERE user_id = 'user_b' $q$, t, t);
    END LOOP;
END;
$$;

/* ------------------------------------------------------------------------
 * Each user sees its own rows, and only them (52)
 * ------------------------------------------------------------------------ */

SET LOCAL ROLE en_tap_app;

SELECT set_config('expert_network.user_id', 'user_a', true) \g /dev/null

SELECT results_eq(
    format('SELECT user_id, count(*)::int FROM expert_network.%I GROUP BY user_id', tbl),
    format($$ VALUES ('user_a'::text, %s) $$, n),
    format('%s: user_a sees its %s row(s) and no one else''s', tbl, n))
  FROM ut ORDER BY ord;

SELECT set_config('expert_network.user_id', 'user_b', true) \g /dev/null

SELECT results_eq(
    format('SELECT user_id, count(*)::int FROM expert_network.%I GROUP BY user_id', tbl),
    format($$ VALUES ('user_b'::text, %s) $$, n),
    format('%s: user_b sees its %s row(s) and no one else''s', tbl, n))
  FROM ut ORDER BY ord;

/* ------------------------------------------------------------------------
 * user_a can neither change nor delete user_b's rows, by their known keys,
 * while the same UPDATE reaches its own: as the app role where it writes
 * (63), as the compliance role on the compliance team's tables (9); the
 * policy is evaluated once per statement (26); user_b's rows are as they
 * were (26); nobody but the extension writes the history or (0.10.0) the
 * compliance log, not even its own rows (6)
 * ------------------------------------------------------------------------ */

SELECT set_config('expert_network.user_id', 'user_a', true) \g /dev/null

SELECT is(pg_temp.affected(format('UPDATE expert_network.%I SET %s WHERE %s', tbl, chg, format(sel, 'b'))),
          0::bigint,
          format('%s: user_a''s UPDATE of user_b''s row(s) by key touches nothing', tbl))
  FROM ut WHERE app_writes ORDER BY ord;

SELECT is(pg_temp.affected(format('DELETE FROM expert_network.%I WHERE %s', tbl, format(sel, 'b'))),
          0::bigint,
          format('%s: user_a''s DELETE of user_b''s row(s) by key touches nothing', tbl))
  FROM ut WHERE app_writes ORDER BY ord;

SELECT is(pg_temp.affected(format('UPDATE expert_network.%I SET %s WHERE %s', tbl, chg, format(sel, 'a'))),
          n::bigint,
          format('%s: the same UPDATE of user_a''s own row(s) reaches them', tbl))
  FROM ut WHERE app_writes ORDER BY ord;

-- (0.7.0: the app level holds INSERT on the history, for the rows the
-- extension writes as the caller; protect_history refuses any other)
SELECT throws_ok(
    $$ INSERT INTO expert_network.status_history (entity, row_id, from_status, to_status)
       VALUES ('expert', 'a0000000-0000-4000-8000-000000000007', 'completed', 'proposed') $$,
    '42501', 'status_history is written by expert_network only',
    'status_history: the app role cannot INSERT a history row, even of its own expert (protect_history)');
SELECT throws_ok(
    $$ UPDATE expert_network.status_history SET to_status = 'rejected'
        WHERE row_id = 'a0000000-0000-4000-8000-000000000007' $$,
    '42501', 'permission denied for table status_history',
    'status_history: the app role cannot UPDATE its own history');
SELECT throws_ok(
    $$ DELETE FROM expert_network.status_history WHERE row_id = 'a0000000-0000-4000-8000-000000000007' $$,
    '42501', 'permission denied for table status_history',
    'status_history: the app role cannot DELETE its own history');
-- (0.10.0: the same for the compliance log, which the gates write as the
-- caller: protect_compliance_log refuses any other INSERT)
SELECT throws_ok(
    $$ INSERT INTO expert_network.compliance_log (expert_id, call_date, rule, decision)
       VALUES ('a0000000-0000-4000-8000-000000000007', '2025-02-01', 'restricted_list', 'passed') $$,
    '42501', 'compliance_log is written by expert_network only',
    'compliance_log: the app role cannot INSERT a log row, even about its own expert (protect_compliance_log)');
SELECT throws_ok(
    $$ UPDATE expert_network.compliance_log SET decision = 'passed'
        WHERE interview_id = 'a0000000-0000-4000-8000-000000000009' $$,
    '42501', 'permission denied for table compliance_log',
    'compliance_log: the app role cannot UPDATE its own log');
SELECT throws_ok(
    $$ DELETE FROM expert_network.compliance_log WHERE interview_id = 'a0000000-0000-4000-8000-000000000009' $$,
    '42501', 'permission denied for table compliance_log',
    'compliance_log: the app role cannot DELETE its own log');

-- the compliance team's tables, as the compliance role
RESET ROLE;
SET LOCAL ROLE en_tap_comp;
SELECT set_config('expert_network.user_id', 'user_a', true) \g /dev/null

SELECT is(pg_temp.affected(format('UPDATE expert_network.%I SET %s WHERE %s', tbl, chg, format(sel, 'b'))),
          0::bigint,
          format('%s: user_a''s UPDATE (compliance role) of user_b''s row(s) by key touches nothing', tbl))
  FROM ut WHERE comp_writes ORDER BY ord;

SELECT is(pg_temp.affected(format('DELETE FROM expert_network.%I WHERE %s', tbl, format(sel, 'b'))),
          0::bigint,
          format('%s: user_a''s DELETE (compliance role) of user_b''s row(s) by key touches nothing', tbl))
  FROM ut WHERE comp_writes ORDER BY ord;

SELECT is(pg_temp.affected(format('UPDATE expert_network.%I SET %s WHERE %s', tbl, chg, format(sel, 'a'))),
          n::bigint,
          format('%s: the same UPDATE (compliance role) of user_a''s own row(s) reaches them', tbl))
  FROM ut WHERE comp_writes ORDER BY ord;

RESET ROLE;
SET LOCAL ROLE en_tap_app;
SELECT set_config('expert_network.user_id', 'user_a', true) \g /dev/null

SELECT is((SELECT ROW(pg_catalog.bool_or(line ~ '^ *InitPlan 1 \(returns \$0\)'),
                       pg_catalog.bool_or(line ~ '(Filter|Cond): \(user_id = \$0\)'),
                       pg_catalog.bool_or(line ~ 'current_user_id'))::text
             FROM pg_temp.plan_of(format('SELECT * FROM expert_network.%I', tbl)) AS l(line)),
          '(t,t,f)',
          format('%s: the plan compares user_id with an InitPlan computed once per statement', tbl))
  FROM ut ORDER BY ord;

RESET ROLE;

SELECT set_eq(
    format($$ SELECT pg_catalog.to_jsonb(x) FROM expert_network.%I x WHERE user_id = 'user_b' $$, tbl),
    format($$ SELECT r FROM b_rows WHERE tbl = %L $$, tbl),
    format('%s: user_b''s rows are all there, unchanged', tbl))
  FROM ut ORDER BY ord;

/* ------------------------------------------------------------------------
 * No reference to another user's row (28).  0.7.0: every reference is a
 * composite foreign key, (parent_id, user_id) to the parent's (id,
 * user_id), so a reference to user_b's row fails exactly as one to a row
 * that does not exist: 23503, the foreign key's own message, and no error
 * text names user_b or its row (row-level security keeps the key out of
 * the detail).  The constraints of the row itself are checked first: the
 * completed-interview record of user_b's interview collides with user_b's
 * own record on UNIQUE (interview_id) before its foreign key is checked.
 * ------------------------------------------------------------------------ */

CREATE FUNCTION pg_temp.error_of(sql text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    st text; msg text; det text; hnt text;
BEGIN
    EXECUTE sql;
    RETURN NULL;
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT;
    RETURN pg_catalog.concat_ws(' / ', st || ': ' || msg, NULLIF(det, ''), NULLIF(hnt, ''));
END;
$$;

CREATE TEMPORARY TABLE cross_refs (ord serial PRIMARY KEY, sql text NOT NULL, state text NOT NULL,
                                   msg text NOT NULL, what text NOT NULL);
INSERT INTO cross_refs (sql, state, msg, what) VALUES
($$ INSERT INTO expert_network.campaigns (project_id, campaign_name, industry_vertical,
                                          start_date, target_completion_date)
    VALUES ('b0000000-0000-4000-8000-000000000001', 'Intruder', 'Technology', '2025-01-01', '2025-06-30') $$,
 '23503', 'insert or update on table "campaigns" violates foreign key constraint "campaigns_project_id_fkey"',
 'user_a cannot create a campaign in user_b''s project'),
($$ UPDATE expert_network.campaigns SET project_id = 'b0000000-0000-4000-8000-000000000001'
     WHERE id = 'a0000000-0000-4000-8000-000000000002' $$,
 '23503', 'insert or update on table "campaigns" violates foreign key constraint "campaigns_project_id_fkey"',
 'user_a cannot move its campaign into user_b''s project (UPDATE)'),
($$ INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title)
    VALUES ('b0000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'Intruder', 'CFO') $$,
 '23503', 'insert or update on table "experts" violates foreign key constraint "experts_campaign_id_fkey"',
 'user_a cannot create an expert under user_b''s campaign'),
($$ UPDATE expert_network.experts SET campaign_id = 'b0000000-0000-4000-8000-000000000002'
     WHERE id = 'a0000000-0000-4000-8000-000000000007' $$,
 '23503', 'insert or update on table "experts" violates foreign key constraint "experts_campaign_id_fkey"',
 'user_a cannot move its expert under user_b''s campaign (UPDATE)'),
($$ INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time)
    VALUES ('a0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000007', '2025-03-01', '09:00') $$,
 '23503', 'insert or update on table "interviews" violates foreign key constraint "interviews_expert_id_fkey"',
 'user_a cannot schedule an interview with user_b''s expert'),
($$ INSERT INTO expert_network.screening_questions (campaign_id, question_text)
    VALUES ('b0000000-0000-4000-8000-000000000002', 'Intruding question') $$,
 '23503', 'insert or update on table "screening_questions" violates foreign key constraint "screening_questions_campaign_id_fkey"',
 'user_a cannot add a question to user_b''s campaign'),
($$ INSERT INTO expert_network.screening_questions (campaign_id, parent_question_id, question_text)
    VALUES ('a0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000004', 'Intruding sub-question') $$,
 '23503', 'insert or update on table "screening_questions" violates foreign key constraint "screening_questions_parent_question_id_fkey"',
 'user_a cannot add a sub-question under user_b''s question'),
($$ INSERT INTO expert_network.expert_screening_responses (expert_id, screening_question_id, response_text)
    VALUES ('a0000000-0000-4000-8000-000000000007', 'b0000000-0000-4000-8000-000000000004', 'Intruding answer') $$,
 '23503', 'insert or update on table "expert_screening_responses" violates foreign key constraint "expert_screening_responses_screening_question_id_fkey"',
 'user_a cannot record a response to user_b''s question'),
($$ INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id)
    VALUES ('b0000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000002') $$,
 '23503', 'insert or update on table "campaign_vendor_enrollments" violates foreign key constraint "campaign_vendor_enrollments_campaign_id_fkey"',
 'user_a cannot enroll a vendor in user_b''s campaign'),
($$ INSERT INTO expert_network.campaign_costs (campaign_id, fee_type, amount_usd)
    VALUES ('b0000000-0000-4000-8000-000000000002', 'per_call', 1) $$,
 '23503', 'insert or update on table "campaign_costs" violates foreign key constraint "campaign_costs_campaign_id_fkey"',
 'user_a cannot add a cost to user_b''s campaign'),
($$ INSERT INTO expert_network.chat_messages (chat_session_id, role, content)
    VALUES ('b0000000-0000-4000-8000-00000000000b', 'user', 'Intruding message') $$,
 '23503', 'insert or update on table "chat_messages" violates foreign key constraint "chat_messages_chat_session_id_fkey"',
 'user_a cannot post a message in user_b''s chat session'),
($$ INSERT INTO expert_network.research_activities (chat_session_id, activity_name)
    VALUES ('b0000000-0000-4000-8000-00000000000b', 'Intruding activity') $$,
 '23503', 'insert or update on table "research_activities" violates foreign key constraint "research_activities_chat_session_id_fkey"',
 'user_a cannot add a research activity to user_b''s chat session'),
($$ INSERT INTO expert_network.research_sources (chat_session_id, source_name, source_type)
    VALUES ('b0000000-0000-4000-8000-00000000000b', 'Intruding source', 'URL') $$,
 '23503', 'insert or update on table "research_sources" violates foreign key constraint "research_sources_chat_session_id_fkey"',
 'user_a cannot add a research source to user_b''s chat session'),
($$ INSERT INTO expert_network.answer_sections (chat_session_id, title, content)
    VALUES ('b0000000-0000-4000-8000-00000000000b', 'Intruding section', 'text') $$,
 '23503', 'insert or update on table "answer_sections" violates foreign key constraint "answer_sections_chat_session_id_fkey"',
 'user_a cannot add an answer section to user_b''s chat session'),
($$ INSERT INTO expert_network.campaign_team_assignments (campaign_id, team_member_id)
    VALUES ('a0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000003') $$,
 '23503', 'insert or update on table "campaign_team_assignments" violates foreign key constraint "campaign_team_assignments_team_member_id_fkey"',
 'user_a cannot assign user_b''s team member to its campaign'),
($$ INSERT INTO expert_network.interview_team_assignments (interview_id, team_member_id)
    VALUES ('b0000000-0000-4000-8000-000000000009', 'a0000000-0000-4000-8000-000000000003') $$,
 '23503', 'insert or update on table "interview_team_assignments" violates foreign key constraint "interview_team_assignments_interview_id_fkey"',
 'user_a cannot assign its team member to user_b''s interview'),
($$ INSERT INTO expert_network.completed_interviews (interview_id, campaign_id, expert_id,
                                                     interview_date, interview_time, duration)
    VALUES ('b0000000-0000-4000-8000-000000000009', 'a0000000-0000-4000-8000-000000000002',
            'a0000000-0000-4000-8000-000000000007', '2025-02-01', '10:00 AM', '60 min') $$,
 '23503', 'insert or update on table "completed_interviews" violates foreign key constraint "completed_interviews_interview_id_fkey"',
 'user_a cannot complete user_b''s interview, though user_b''s record of it holds UNIQUE (interview_id): refused before that key can tell'),
($$ UPDATE expert_network.completed_interviews SET campaign_id = 'b0000000-0000-4000-8000-000000000002'
     WHERE interview_id = 'a0000000-0000-4000-8000-000000000009' $$,
 '23000', 'column "campaign_id" of a completed interview record cannot change',
 'user_a cannot move its completed-interview record to user_b''s campaign (UPDATE): refused as any change of its campaign (0.8.0), telling nothing of user_b''s'),
($$ INSERT INTO expert_network.chat_sessions (campaign_id, title)
    VALUES ('b0000000-0000-4000-8000-000000000002', 'Intruding session') $$,
 '23503', 'insert or update on table "chat_sessions" violates foreign key constraint "chat_sessions_campaign_id_fkey"',
 'user_a cannot tie a chat session to user_b''s campaign'),
($$ INSERT INTO expert_network.expert_screening_responses (expert_id, screening_question_id, response_text)
    VALUES ('b0000000-0000-4000-8000-000000000007', 'a0000000-0000-4000-8000-000000000004', 'Borrowed expert') $$,
 '23503', 'insert or update on table "expert_screening_responses" violates foreign key constraint "expert_screening_responses_expert_id_fkey"',
 'user_a cannot record a response of user_b''s expert'),
-- 0.10.0
($$ INSERT INTO expert_network.expert_employments (expert_id, company)
    VALUES ('b0000000-0000-4000-8000-000000000007', 'Intruding Employer') $$,
 '23503', 'insert or update on table "expert_employments" violates foreign key constraint "expert_employments_expert_id_fkey"',
 'user_a cannot record an employment of user_b''s expert'),
($$ INSERT INTO expert_network.campaign_subject_companies (campaign_id, company)
    VALUES ('b0000000-0000-4000-8000-000000000002', 'Intruding Subject') $$,
 '23503', 'insert or update on table "campaign_subject_companies" violates foreign key constraint "campaign_subject_companies_campaign_id_fkey"',
 'user_a cannot add a subject company to user_b''s campaign'),
($$ INSERT INTO expert_network.interview_attestations (interview_id, attested_by, terms_version,
                                                       no_material_nonpublic_information, no_conflicting_obligations)
    VALUES ('b0000000-0000-4000-8000-000000000009', 'Intruder', 'v1', true, true) $$,
 '23503', 'insert or update on table "interview_attestations" violates foreign key constraint "interview_attestations_interview_id_fkey"',
 'user_a cannot attest user_b''s interview'),
($$ UPDATE expert_network.expert_employments SET expert_id = 'b0000000-0000-4000-8000-000000000007'
     WHERE id = 'a0000000-0000-4000-8000-000000000011' $$,
 '23503', 'insert or update on table "expert_employments" violates foreign key constraint "expert_employments_expert_id_fkey"',
 'user_a cannot move its expert''s employment to user_b''s expert (UPDATE)');
GRANT SELECT ON cross_refs TO PUBLIC;

SET LOCAL ROLE en_tap_app;
SELECT set_config('expert_network.user_id', 'user_a', true) \g /dev/null

-- (24)
SELECT throws_ok(sql, state, msg, what) FROM cross_refs ORDER BY ord;

-- (2)
SELECT is_empty(
    $$ SELECT what, e FROM (SELECT what, pg_temp.error_of(sql) AS e FROM cross_refs) AS x
        WHERE e IS NULL OR e ~ '(user_b|b0000000-)' $$,
    'none of these errors (message, detail or hint) names user_b or the id of user_b''s row');
-- the same statements with ids that nobody has (d0000000-…) in place of
-- user_b's fail with the very same error text, but for the record that
-- collides with user_b's on UNIQUE (interview_id) (see above)
SELECT is_empty(
    $$ SELECT what FROM cross_refs
        WHERE state = '23503'
          AND pg_temp.error_of(sql)
              IS DISTINCT FROM pg_temp.error_of(pg_catalog.replace(sql, 'b0000000-', 'd0000000-')) $$,
    'a reference to user_b''s row fails exactly as a reference to a row that does not exist: someone else''s row looks like no row');

-- 0.10.0: nor an exception for user_b's expert, approved at the compliance
-- level (2)
RESET ROLE;
SET LOCAL ROLE en_tap_comp;
SELECT throws_ok(
    $$ INSERT INTO expert_network.compliance_exceptions (expert_id, rule, reason, expires_at)
       VALUES ('b0000000-0000-4000-8000-000000000007', 'restricted_list', 'Intruding exception', '2100-01-01') $$,
    '23503', 'insert or update on table "compliance_exceptions" violates foreign key constraint "compliance_exceptions_expert_id_fkey"',
    'user_a (compliance role) cannot approve an exception for user_b''s expert');
SELECT is(pg_temp.error_of($$ INSERT INTO expert_network.compliance_exceptions (expert_id, rule, reason, expires_at)
                              VALUES ('b0000000-0000-4000-8000-000000000007', 'restricted_list', 'x', '2100-01-01') $$),
          pg_temp.error_of($$ INSERT INTO expert_network.compliance_exceptions (expert_id, rule, reason, expires_at)
                              VALUES ('d0000000-0000-4000-8000-000000000007', 'restricted_list', 'x', '2100-01-01') $$),
          'an exception for user_b''s expert fails exactly as one for an expert that does not exist');
RESET ROLE;
SET LOCAL ROLE en_tap_app;

/* ------------------------------------------------------------------------
 * No foreign owner, no change of owner (42501) (7)
 * ------------------------------------------------------------------------ */

SELECT throws_ok(
    $$ INSERT INTO expert_network.projects (user_id, project_code, project_name)
       VALUES ('user_b', 'P-X', 'Planted project') $$,
    '42501', 'new row of "projects" names user_id "user_b", not the current user',
    'user_a cannot create a project with user_id user_b');

SELECT throws_ok(
    $$ INSERT INTO expert_network.chat_messages (chat_session_id, user_id, role, content)
       VALUES ('a0000000-0000-4000-8000-00000000000b', 'user_b', 'user', 'Planted message') $$,
    '42501', 'new row of "chat_messages" names user_id "user_b", not the current user',
    'user_a cannot create a chat message with user_id user_b, even in its own session');

SELECT throws_ok(
    $$ UPDATE expert_network.projects SET user_id = 'user_b'
        WHERE id = 'a0000000-0000-4000-8000-000000000001' $$,
    '42501', 'the owner of a row of "projects" cannot change',
    'user_a cannot give its project to user_b (UPDATE of user_id)');

SELECT throws_ok(
    $$ UPDATE expert_network.experts SET user_id = 'user_b'
        WHERE id = 'a0000000-0000-4000-8000-000000000007' $$,
    '42501', 'the owner of a row of "experts" cannot change',
    'user_a cannot give its expert to user_b (UPDATE of user_id)');

SELECT throws_ok(
    $$ UPDATE expert_network.user_ui_preferences SET user_id = 'user_c' WHERE user_id = 'user_a' $$,
    '42501', 'the owner of a row of "user_ui_preferences" cannot change',
    'user_a cannot rename its UI preferences to another user (UPDATE of the primary key user_id)');

SELECT throws_ok(
    $$ INSERT INTO expert_network.expert_employments (expert_id, user_id, company)
       VALUES ('a0000000-0000-4000-8000-000000000007', 'user_b', 'Planted Employer') $$,
    '42501', 'new row of "expert_employments" names user_id "user_b", not the current user',
    'user_a cannot create an employment with user_id user_b, even of its own expert (0.10.0)');

SELECT throws_ok(
    $$ UPDATE expert_network.interview_attestations SET user_id = 'user_b'
        WHERE id = 'a0000000-0000-4000-8000-000000000013' $$,
    '42501', 'the owner of a row of "interview_attestations" cannot change',
    'user_a cannot give its attestation to user_b (UPDATE of user_id) (0.10.0)');

/* ------------------------------------------------------------------------
 * The upsert an application does for its preferences reaches its own row
 * (user_b's, checked after delete_user_data below, is untouched) (2)
 * ------------------------------------------------------------------------ */

SELECT is(pg_temp.affected(
              $$ INSERT INTO expert_network.user_ui_preferences (theme) VALUES ('light')
                 ON CONFLICT (user_id) DO UPDATE SET theme = excluded.theme $$),
          1::bigint,
          'user_a''s upsert of its UI preferences (ON CONFLICT (user_id) DO UPDATE) touches one row');
SELECT results_eq(
    $$ SELECT user_id, theme FROM expert_network.user_ui_preferences $$,
    $$ VALUES ('user_a'::text, 'light'::text) $$,
    'the upsert updated user_a''s own preferences, user_id filled in by the owner key');

/* ------------------------------------------------------------------------
 * Without an identity: nothing visible, every write refused: as the app
 * role (1 + 26 + 63), as the compliance role on the compliance team's
 * tables (9), and an INSERT into the compliance log (1)
 * ------------------------------------------------------------------------ */

SELECT set_config('expert_network.user_id', '', true) \g /dev/null

SELECT is(expert_network.current_user_id(), NULL,
          'with expert_network.user_id empty, current_user_id() is NULL');

SELECT is(pg_temp.affected(format('SELECT * FROM expert_network.%I', tbl)), 0::bigint,
          format('%s: without an identity, SELECT returns no row', tbl))
  FROM ut ORDER BY ord;

SELECT throws_ok(format('INSERT INTO expert_network.%I DEFAULT VALUES', tbl),
                 '42501', 'expert_network.user_id is not set',
                 format('%s: without an identity, INSERT fails', tbl))
  FROM ut WHERE app_writes ORDER BY ord;

SELECT throws_ok(format('UPDATE expert_network.%I SET user_id = user_id', tbl),
                 '42501', 'expert_network.user_id is not set',
                 format('%s: without an identity, UPDATE fails', tbl))
  FROM ut WHERE app_writes ORDER BY ord;

SELECT throws_ok(format('DELETE FROM expert_network.%I', tbl),
                 '42501', 'expert_network.user_id is not set',
                 format('%s: without an identity, DELETE fails', tbl))
  FROM ut WHERE app_writes ORDER BY ord;

-- the identity is asked for first: a_require_identity fires before
-- protect_compliance_log
SELECT throws_ok($$ INSERT INTO expert_network.compliance_log (expert_id, call_date, rule, decision)
                    VALUES ('a0000000-0000-4000-8000-000000000007', '2025-02-01', 'restricted_list', 'passed') $$,
                 '42501', 'expert_network.user_id is not set',
                 'compliance_log: without an identity, INSERT fails');

RESET ROLE;
SET LOCAL ROLE en_tap_comp;

SELECT throws_ok(format('INSERT INTO expert_network.%I DEFAULT VALUES', tbl),
                 '42501', 'expert_network.user_id is not set',
                 format('%s: without an identity, INSERT (compliance role) fails', tbl))
  FROM ut WHERE comp_writes ORDER BY ord;

SELECT throws_ok(format('UPDATE expert_network.%I SET user_id = user_id', tbl),
                 '42501', 'expert_network.user_id is not set',
                 format('%s: without an identity, UPDATE (compliance role) fails', tbl))
  FROM ut WHERE comp_writes ORDER BY ord;

SELECT throws_ok(format('DELETE FROM expert_network.%I', tbl),
                 '42501', 'expert_network.user_id is not set',
                 format('%s: without an identity, DELETE (compliance role) fails', tbl))
  FROM ut WHERE comp_writes ORDER BY ord;

RESET ROLE;
SET LOCAL ROLE en_tap_app;

/* ------------------------------------------------------------------------
 * The app level: the vendor catalog is read-only, no TRUNCATE, no erasure,
 * no handing out of access (10); 0.10.0: the compliance team's tables are
 * read-only too (9)
 * ------------------------------------------------------------------------ */

SELECT set_config('expert_network.user_id', 'user_a', true) \g /dev/null

SELECT is((SELECT count(*)::int FROM expert_network.vendor_platforms), 12,
          'app: sees the 12 shipped vendors');
SELECT throws_ok(
    $$ INSERT INTO expert_network.vendor_platforms (name) VALUES ('App Vendor') $$,
    '42501', 'permission denied for table vendor_platforms',
    'app: cannot INSERT into vendor_platforms');
SELECT throws_ok(
    $$ UPDATE expert_network.vendor_platforms SET location = 'Elsewhere'
        WHERE id = '00000000-0000-4000-8000-000000000001' $$,
    '42501', 'permission denied for table vendor_platforms',
    'app: cannot UPDATE vendor_platforms');
SELECT throws_ok(
    $$ DELETE FROM expert_network.vendor_platforms WHERE id = '00000000-0000-4000-8000-00000000000c' $$,
    '42501', 'permission denied for table vendor_platforms',
    'app: cannot DELETE from vendor_platforms');
SELECT throws_ok(
    $$ TRUNCATE expert_network.chat_messages $$,
    '42501', 'permission denied for table chat_messages',
    'app: cannot TRUNCATE a user table (TRUNCATE ignores row-level security)');
SELECT throws_ok(
    $$ SELECT * FROM expert_network.delete_user_data('user_b') $$,
    '42501', 'permission denied for function delete_user_data',
    'app: cannot run delete_user_data()');
SELECT throws_ok(
    $$ SELECT expert_network.grant_access('en_tap_app', 'admin') $$,
    '42501', 'permission denied for function grant_access',
    'app: cannot raise its own access level with grant_access()');
SELECT throws_ok(
    $$ SELECT expert_network.revoke_access('en_tap_admin') $$,
    '42501', 'permission denied for function revoke_access',
    'app: cannot run revoke_access()');
SELECT throws_ok(
    $$ SELECT * FROM expert_network.apply_access_levels() $$,
    '42501', 'permission denied for function apply_access_levels',
    'app: cannot run apply_access_levels()');
SELECT throws_ok(
    $$ INSERT INTO expert_network.access_levels (role, level) VALUES ('en_tap_app', 'admin') $$,
    '42501', 'permission denied for table access_levels',
    'app: cannot record a level for itself in access_levels');

SELECT throws_ok(format('INSERT INTO expert_network.%I DEFAULT VALUES', tbl),
                 '42501', format('permission denied for table %s', tbl),
                 format('app: cannot INSERT into %s', tbl))
  FROM ut WHERE comp_writes ORDER BY ord;
SELECT throws_ok(format('UPDATE expert_network.%I SET %s WHERE %s', tbl, chg, format(sel, 'a')),
                 '42501', format('permission denied for table %s', tbl),
                 format('app: cannot UPDATE its own rows of %s', tbl))
  FROM ut WHERE comp_writes ORDER BY ord;
SELECT throws_ok(format('DELETE FROM expert_network.%I WHERE %s', tbl, format(sel, 'a')),
                 '42501', format('permission denied for table %s', tbl),
                 format('app: cannot DELETE its own rows of %s', tbl))
  FROM ut WHERE comp_writes ORDER BY ord;

/* ------------------------------------------------------------------------
 * The readonly level (5)
 * ------------------------------------------------------------------------ */

RESET ROLE;
SET LOCAL ROLE en_tap_ro;
SELECT set_config('expert_network.user_id', 'user_a', true) \g /dev/null

SELECT results_eq(
    'SELECT count(*)::int, pg_catalog.bool_and(user_id = ''user_a'') FROM ('
    || (SELECT pg_catalog.string_agg(format('SELECT user_id FROM expert_network.%I', tbl), ' UNION ALL ' ORDER BY ord) FROM ut)
    || ') AS s',
    $$ VALUES (39, true) $$,
    'readonly: user_a sees its 39 rows across the 27 tables (11 of them history, 2 compliance log, 1 call cap), and only its own');
SELECT is((SELECT count(*)::int FROM expert_network.vendor_platforms), 12,
          'readonly: sees the vendor catalog');
SELECT throws_ok(
    $$ INSERT INTO expert_network.projects (project_code, project_name) VALUES ('P-RO', 'Read-only project') $$,
    '42501', 'permission denied for table projects',
    'readonly: INSERT fails');
SELECT throws_ok(
    $$ UPDATE expert_network.projects SET project_name = 'renamed'
        WHERE id = 'a0000000-0000-4000-8000-000000000001' $$,
    '42501', 'permission denied for table projects',
    'readonly: UPDATE of its own row fails');
SELECT throws_ok(
    $$ DELETE FROM expert_network.projects WHERE id = 'a0000000-0000-4000-8000-000000000001' $$,
    '42501', 'permission denied for table projects',
    'readonly: DELETE of its own row fails');

/* ------------------------------------------------------------------------
 * The admin level: the vendor catalog, not the history nor the levels,
 * delete_user_data() (9); 0.10.0: not the compliance log, not the
 * compliance team's tables (3)
 * ------------------------------------------------------------------------ */

RESET ROLE;
SET LOCAL ROLE en_tap_admin;
SELECT set_config('expert_network.user_id', 'user_admin', true) \g /dev/null

SELECT lives_ok(
    $$ INSERT INTO expert_network.vendor_platforms (id, name, location)
       VALUES ('f0000000-0000-4000-8000-000000000001', 'Admin Vendor', 'Nowhere') $$,
    'admin: can add a vendor to the catalog');
SELECT is(pg_temp.affected($$ UPDATE expert_network.vendor_platforms SET location = 'Somewhere'
                                WHERE id = 'f0000000-0000-4000-8000-000000000001' $$),
          1::bigint,
          'admin: can update a vendor of the catalog');
-- (0.7.0: admin holds DELETE on the history, for delete_user_data(), which
-- runs as its caller; protect_history refuses any other DELETE)
SELECT throws_ok(
    $$ DELETE FROM expert_network.status_history $$,
    '42501', 'status_history is written by expert_network only',
    'admin: cannot DELETE from status_history either (only delete_user_data() erases a user''s history)');
SELECT throws_ok(
    $$ UPDATE expert_network.access_levels SET level = 'admin' WHERE role = 'en_tap_ro'::regrole $$,
    '42501', 'permission denied for table access_levels',
    'admin: cannot change a recorded level in access_levels');
SELECT throws_ok(
    $$ DELETE FROM expert_network.access_levels $$,
    '42501', 'permission denied for table access_levels',
    'admin: cannot DELETE from access_levels');
-- (0.10.0: admin holds DELETE on the compliance log, for delete_user_data();
-- protect_compliance_log refuses any other DELETE)
SELECT throws_ok(
    $$ DELETE FROM expert_network.compliance_log $$,
    '42501', 'compliance_log is written by expert_network only',
    'admin: cannot DELETE from compliance_log either (only delete_user_data() erases a user''s log)');
SELECT throws_ok(
    $$ INSERT INTO expert_network.compliance_exceptions (expert_id, rule, reason, expires_at)
       VALUES ('a0000000-0000-4000-8000-000000000007', 'restricted_list', 'Admin exception', '2100-01-01') $$,
    '42501', 'permission denied for table compliance_exceptions',
    'admin: cannot approve a compliance exception (the compliance level''s)');
SELECT throws_ok(
    $$ INSERT INTO expert_network.restricted_companies (company) VALUES ('Admin Listed') $$,
    '42501', 'permission denied for table restricted_companies',
    'admin: cannot write the restricted list (the compliance level''s)');
SELECT throws_ok(
    $$ SELECT * FROM expert_network.delete_user_data('') $$,
    '22023', 'user_id must not be empty',
    'admin: delete_user_data('''') is refused');

-- children first, so that each count is the table's own rows, not a cascade's
SELECT results_eq(
    $$ SELECT table_name, deleted FROM expert_network.delete_user_data('user_a') $$,
    $$ VALUES ('call_caps'::text, 1::bigint), ('compliance_log', 2), ('compliance_exceptions', 1), ('interview_attestations', 1),
              ('expert_employments', 1), ('campaign_subject_companies', 1), ('restricted_companies', 1),
              ('compliance_policies', 1),
              ('chat_messages', 1), ('research_activities', 1), ('research_sources', 1),
              ('answer_sections', 1), ('interview_team_assignments', 1), ('completed_interviews', 1),
              ('expert_screening_responses', 1), ('interviews', 1), ('experts', 1),
              ('campaign_vendor_enrollments', 1), ('campaign_team_assignments', 1), ('campaign_costs', 1),
              ('screening_questions', 2), ('chat_sessions', 1), ('campaigns', 1), ('team_members', 1),
              ('projects', 1), ('user_ui_preferences', 1), ('status_history', 11) $$,
    'admin: delete_user_data(''user_a'') deletes exactly the 39 rows of user_a, its history, (0.10.0) its compliance rows and (0.13.0) its call cap included, and says so per table');

RESET ROLE;

SELECT results_eq(
    'SELECT count(*)::int FROM ('
    || (SELECT pg_catalog.string_agg(format($$SELECT 1 FROM expert_network.%I WHERE user_id = 'user_a'$$, tbl),
                                     ' UNION ALL ' ORDER BY ord) FROM ut)
    || ') AS s',
    $$ VALUES (0) $$,
    'after delete_user_data(''user_a''): no row of user_a is left anywhere (counted as the superuser)');

SELECT set_eq(
    'SELECT tbl, r FROM ('
    || (SELECT pg_catalog.string_agg(format($$SELECT %L::name AS tbl, pg_catalog.to_jsonb(x) AS r
                                               FROM expert_network.%I x WHERE user_id = 'user_b'$$, tbl, tbl),
                                     ' UNION ALL ' ORDER BY ord) FROM ut)
    || ') AS s',
    $$ SELECT tbl, r FROM b_rows $$,
    'after delete_user_data(''user_a''): every row of user_b is still there, unchanged');

/* ------------------------------------------------------------------------
 * grant_access() levels, revoke_access(), and their records in access_levels
 * (9)
 * ------------------------------------------------------------------------ */

SELECT throws_ok(
    $$ SELECT expert_network.grant_access('en_tap_app', 'superuser') $$,
    '22023', 'invalid access level "superuser"',
    'grant_access() knows no level ''superuser''');

SELECT lives_ok($$ SELECT expert_network.revoke_access('en_tap_app') $$,
                'revoke_access(en_tap_app)');

-- 0.8.0: revoke_access() removes the role's record, grant_access() of
-- another level replaces it (2)
SELECT expert_network.grant_access('en_tap_noid', 'admin') \g /dev/null
SELECT results_eq(
    $$ SELECT role::text, level, may_set_identity FROM expert_network.access_levels
        WHERE role::text LIKE 'en\_tap\_%' ORDER BY role::text $$,
    $$ VALUES ('en_tap_admin'::text, 'admin'::text, true), ('en_tap_comp', 'compliance', true),
              ('en_tap_noid', 'admin', true), ('en_tap_ro', 'readonly', true) $$,
    'access_levels: revoke_access() removed en_tap_app''s record; grant_access() replaced en_tap_noid''s (admin, identity right by default)');
SELECT ok(pg_catalog.has_function_privilege('en_tap_noid', 'expert_network.delete_user_data(text)', 'EXECUTE')
          AND pg_catalog.has_function_privilege('en_tap_noid', 'expert_network.set_user_id(text)', 'EXECUTE'),
          'grant_access(en_tap_noid, ''admin''): the role holds its new level, as recorded');

SELECT is_empty(
    $$ SELECT c.relname FROM pg_catalog.pg_class c
        WHERE c.relnamespace = 'expert_network'::regnamespace
          AND (pg_catalog.has_table_privilege('en_tap_app', c.oid,
                   'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
               OR pg_catalog.has_any_column_privilege('en_tap_app', c.oid, 'SELECT, INSERT, UPDATE, REFERENCES')) $$,
    'after revoke_access: en_tap_app has no privilege on any table');
SELECT is_empty(
    $$ SELECT p.oid::regprocedure FROM pg_catalog.pg_proc p
        WHERE p.pronamespace = 'expert_network'::regnamespace
          AND pg_catalog.has_function_privilege('en_tap_app', p.oid, 'EXECUTE') $$,
    'after revoke_access: en_tap_app may execute no function of the schema');
SELECT ok(NOT pg_catalog.has_schema_privilege('en_tap_app', 'expert_network', 'USAGE'),
          'after revoke_access: en_tap_app has no USAGE on the schema');

-- 0.7.0: not even set the identity (set_user_id() went too); the superuser
-- sets it for the read below
SET LOCAL SESSION AUTHORIZATION en_tap_app;
SELECT throws_ok(
    $$ SELECT pg_catalog.set_config('expert_network.user_id', 'user_b', true) $$,
    '42501', 'permission denied to set parameter "expert_network.user_id"',
    'after revoke_access: en_tap_app can no longer set the identity');
RESET SESSION AUTHORIZATION;
SELECT set_config('expert_network.user_id', 'user_b', true) \g /dev/null
SET LOCAL ROLE en_tap_app;
SELECT throws_ok(
    $$ SELECT count(*) FROM expert_network.projects $$,
    '42501', 'permission denied for schema expert_network',
    'after revoke_access: en_tap_app cannot even read its user''s rows');
RESET ROLE;

/* ------------------------------------------------------------------------
 * A superuser without an identity writes the owner the data carries, a
 * child without one takes its parent's, and references must still agree:
 * as an administrator's write, with row_security on (0.8.0: no restore,
 * every rule holds) (6), and as a restore, with row_security off as
 * pg_dump's output sets it (4)
 * ------------------------------------------------------------------------ */

SELECT set_config('expert_network.user_id', '', true) \g /dev/null

SELECT lives_ok(
    $$ INSERT INTO expert_network.projects (id, user_id, project_code, project_name)
       VALUES ('c0000000-0000-4000-8000-000000000001', 'user_r', 'P-R', 'Administered project') $$,
    'no identity, row_security on: a superuser writes a project with the user_id it carries');
SELECT lives_ok(
    $$ INSERT INTO expert_network.campaigns (id, project_id, campaign_name, industry_vertical,
                                             start_date, target_completion_date)
       VALUES ('c0000000-0000-4000-8000-000000000002', 'c0000000-0000-4000-8000-000000000001',
               'Administered campaign', 'Energy', '2025-01-01', '2025-06-30') $$,
    'no identity, row_security on: a campaign without user_id is accepted');
SELECT is((SELECT user_id FROM expert_network.campaigns WHERE id = 'c0000000-0000-4000-8000-000000000002'),
          'user_r',
          'no identity, row_security on: the campaign took its project''s owner');
SELECT throws_ok(
    $$ INSERT INTO expert_network.projects (project_code, project_name) VALUES ('P-N', 'Nobody''s project') $$,
    '23502', 'null value in column "user_id" of relation "projects" violates not-null constraint',
    'no identity, row_security on: a top-level row with no user_id has no owner, and is refused');
SELECT throws_ok(
    $$ INSERT INTO expert_network.chat_sessions (user_id, campaign_id, title)
       VALUES ('user_r', 'b0000000-0000-4000-8000-000000000002', 'Mixed-up session') $$,
    '23503', 'insert or update on table "chat_sessions" violates foreign key constraint "chat_sessions_campaign_id_fkey"',
    'no identity, row_security on: a row whose user_id disagrees with its parent''s is refused by the composite foreign key (23503)');
SELECT throws_ok(
    $$ INSERT INTO expert_network.chat_messages (chat_session_id, role, content)
       VALUES ('c0000000-0000-4000-8000-0000000000ff', 'user', 'Orphan') $$,
    '23503', 'chat session c0000000-0000-4000-8000-0000000000ff does not exist',
    'no identity, row_security on: a row without user_id whose parent does not exist is refused (23503)');

SET LOCAL row_security = off;
SELECT lives_ok(
    $$ INSERT INTO expert_network.projects (id, user_id, project_code, project_name)
       VALUES ('c0000000-0000-4000-8000-000000000003', 'user_s', 'P-S', 'Restored project');
       INSERT INTO expert_network.campaigns (id, project_id, campaign_name, industry_vertical,
                                             start_date, target_completion_date)
       VALUES ('c0000000-0000-4000-8000-000000000004', 'c0000000-0000-4000-8000-000000000003',
               'Restored campaign', 'Energy', '2025-01-01', '2025-06-30') $$,
    'restore (row_security off): a project with the user_id it carries, and a campaign without one');
SELECT is((SELECT user_id FROM expert_network.campaigns WHERE id = 'c0000000-0000-4000-8000-000000000004'),
          'user_s',
          'restore: the campaign took its project''s owner');
SELECT throws_ok(
    $$ INSERT INTO expert_network.projects (project_code, project_name) VALUES ('P-N', 'Nobody''s project') $$,
    '23502', 'null value in column "user_id" of relation "projects" violates not-null constraint',
    'restore: a top-level row with no user_id and no identity has no owner, and is refused');
SELECT throws_ok(
    $$ INSERT INTO expert_network.chat_sessions (user_id, campaign_id, title)
       VALUES ('user_s', 'b0000000-0000-4000-8000-000000000002', 'Mixed-up session') $$,
    '23503', 'insert or update on table "chat_sessions" violates foreign key constraint "chat_sessions_campaign_id_fkey"',
    'restore: a row whose user_id disagrees with its parent''s is refused by the composite foreign key (23503)');
SET LOCAL row_security = on;

SELECT * FROM finish();

ROLLBACK;
