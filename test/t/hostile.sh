#!/usr/bin/env bash
# hostile: install and use the extension with an attacker's schema first in
# search_path, holding look-alikes of the built-ins the scripts and the C code
# use (=, now(), gen_random_uuid(), current_user_id(), a domain named text).
# The objects created must be those of a clean install, and none of the
# attacker's functions may ever run.
set -u
. "$(dirname "$0")/lib.bash"

fresh_db en_clean
q en_clean "CREATE EXTENSION expert_network" >/dev/null
fresh_db en_hostile
psql -X -q -v ON_ERROR_STOP=1 -d en_hostile <<'SQL'
CREATE SCHEMA attacker;
CREATE TABLE attacker.hits (what text, at timestamptz DEFAULT pg_catalog.clock_timestamp());
GRANT ALL ON SCHEMA attacker TO PUBLIC;
GRANT ALL ON attacker.hits TO PUBLIC;
CREATE FUNCTION attacker.text_eq(a text, b text) RETURNS boolean LANGUAGE sql AS
  $$ INSERT INTO attacker.hits (what) VALUES ('text ='); SELECT true $$;
CREATE OPERATOR attacker.= (LEFTARG = text, RIGHTARG = text, FUNCTION = attacker.text_eq);
CREATE FUNCTION attacker.uuid_eq(a uuid, b uuid) RETURNS boolean LANGUAGE sql AS
  $$ INSERT INTO attacker.hits (what) VALUES ('uuid ='); SELECT true $$;
CREATE OPERATOR attacker.= (LEFTARG = uuid, RIGHTARG = uuid, FUNCTION = attacker.uuid_eq);
CREATE FUNCTION attacker.now() RETURNS timestamptz LANGUAGE sql AS
  $$ INSERT INTO attacker.hits (what) VALUES ('now()'); SELECT '2000-01-01'::timestamptz $$;
CREATE FUNCTION attacker.gen_random_uuid() RETURNS uuid LANGUAGE sql AS
  $$ INSERT INTO attacker.hits (what) VALUES ('gen_random_uuid()'); SELECT '00000000-0000-0000-0000-000000000000'::uuid $$;
CREATE FUNCTION attacker.current_user_id() RETURNS text LANGUAGE sql AS
  $$ INSERT INTO attacker.hits (what) VALUES ('current_user_id()'); SELECT 'attacker'::text $$;
CREATE FUNCTION attacker.unnest(anyarray) RETURNS SETOF anyelement LANGUAGE sql AS
  $$ INSERT INTO attacker.hits (what) VALUES ('unnest()'); SELECT NULL $$;
CREATE DOMAIN attacker.text AS pg_catalog.varchar(3);
-- pg_catalog listed after the attacker: unqualified built-ins would resolve to the look-alikes
ALTER DATABASE en_hostile SET search_path = attacker, pg_catalog, public;
SQL
ok $? "an attacker schema with look-alike operators, functions and types"

q en_hostile "CREATE EXTENSION expert_network" >/dev/null
ok $? "CREATE EXTENSION with the attacker's schema first in search_path"
is "$(snapshot en_hostile)" "$(snapshot en_clean)" "the objects created are those of a clean install"

# use it, as an application would, with the hostile search_path in force
# (this test's own queries qualify their operators, so that any hit is ours)
psql -X -q -v ON_ERROR_STOP=1 -d en_hostile >/dev/null <<'SQL'
CREATE ROLE en_hostile_app;
SELECT expert_network.grant_access('en_hostile_app');
SET ROLE en_hostile_app;
BEGIN;
SET LOCAL expert_network.user_id = 'alice';
INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date, target_completion_date)
VALUES ('20000000-0000-4000-8000-00000000000a', 'Automation buyers', 'Industrials', '2026-01-05', '2026-02-27');
INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
VALUES ('20000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-000000000001', 'enrolled');
INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title)
VALUES ('20000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-000000000001', 'Dana Example', 'VP Operations');
UPDATE expert_network.experts SET status = 'reviewed';
SELECT expert_network.schedule_interview(id, '2026-01-12', '15:00', 60, 'Europe/Berlin') FROM expert_network.experts;
SELECT expert_network.complete_interview(id, 'notes') FROM expert_network.interviews;
SELECT * FROM expert_network.allowed_transitions('expert', 'completed');
COMMIT;
SQL
ok $? "inserts and updates through policies and triggers"
is "$(q en_hostile "SET expert_network.user_id = 'bob'; SET ROLE en_hostile_app; SELECT count(*) FROM expert_network.experts")" "0" \
   "the policies still compare with the real identity"
is "$(q en_hostile "SELECT count(*) FROM expert_network.experts WHERE user_id OPERATOR(pg_catalog.=) 'alice' AND id OPERATOR(pg_catalog.<>) '00000000-0000-0000-0000-000000000000' AND updated_at OPERATOR(pg_catalog.>) '2001-01-01'")" "1" \
   "defaults and stamps come from pg_catalog"
q en_hostile "ALTER EXTENSION expert_network UPDATE" >/dev/null
ok $? "ALTER EXTENSION UPDATE with the attacker's schema first"
is "$(q en_hostile "SELECT coalesce(string_agg(DISTINCT what, ', '), 'none') FROM attacker.hits")" "none" \
   "none of the attacker's functions ever ran"

# a schema of the extension's name, made beforehand by someone else: its
# owner could drop and replace the tables later, so installing is refused
fresh_db en_squatted
psql -X -q -c "DROP ROLE IF EXISTS en_squatter" -c "CREATE ROLE en_squatter" \
     -c "GRANT CREATE ON DATABASE en_squatted TO en_squatter" 2>/dev/null
q en_squatted "SET ROLE en_squatter; CREATE SCHEMA expert_network" >/dev/null
err=$(q en_squatted "CREATE EXTENSION expert_network" 2>&1 >/dev/null)
is "$err" 'ERROR:  schema "expert_network" is owned by role "en_squatter", not by the role installing expert_network
DETAIL:  The owner of a schema may drop and replace any object in it.
HINT:  Drop or rename that schema, or have its owner install the extension.' \
   "installing into a schema another role owns is refused"
is "$(q en_squatted "SELECT count(*) FROM pg_class WHERE relnamespace = 'expert_network'::regnamespace")" "0" \
   "and nothing is created there"
q en_squatted "DROP SCHEMA expert_network; CREATE SCHEMA expert_network; CREATE EXTENSION expert_network" >/dev/null
ok $? "a schema the installing role owns is fine"

dropdb en_clean; dropdb en_hostile; dropdb en_squatted
psql -X -q -c "DROP ROLE en_hostile_app" -c "DROP ROLE en_squatter"
done_testing
