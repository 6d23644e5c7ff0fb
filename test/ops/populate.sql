-- test/ops/populate.sql — the rows the operations tests (test/perl/
-- 002_pg_upgrade.pl, 003_standby.pl) add on top of test/stress/fixture.sql,
-- written the way an application writes them: as the app role (psql
-- variable role), with the identity set, through the API functions.  Run as
-- a superuser with psql -X -v ON_ERROR_STOP=1 -v role=NAME, after
-- fixture.sql (users stress1 and stress2, 20 campaigns each).
--
-- For each user: a project holding the campaigns; in every campaign the
-- second expert scheduled through schedule_interview() and that interview
-- then completed and rated, confirmed, cancelled or left scheduled (by the
-- campaign's number modulo 4), the fixture's completed interview rated, its
-- confirmed one completed and its pending one cancelled in some campaigns;
-- a second vendor enrolled and one of its experts proposed and rejected;
-- the screener grown to depth 2 and 3 under every follow-up (multiple-choice
-- and rating questions), one top-level question moved with its subtree under
-- another's deepest question (depths up to 7), and campaign 1's screener
-- copied into campaign 2; campaigns left active, paused, completed and
-- archived.  status_history records every step.
\set ON_ERROR_STOP 1

BEGIN;
SET LOCAL ROLE :"role";
\set user stress1
\ir populate_user.sql
COMMIT;

BEGIN;
SET LOCAL ROLE :"role";
\set user stress2
\ir populate_user.sql
COMMIT;
