#!/usr/bin/env bash
# reinstall: CREATE / DROP / CREATE in one database and installs in two
# databases of one cluster work and leave nothing behind; a non-superuser
# database owner installs it (trusted extension).
set -u
. "$(dirname "$0")/lib.bash"

# what a database holds outside the catalogs' own schemas, as text
objects() {
  q "$1" "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')" \
  && q "$1" "SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')" \
  && q "$1" "SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
             WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')"
}

fresh_db en_one
fresh_db en_two
before=$(objects en_one)

q en_one "CREATE EXTENSION expert_network" >/dev/null
ok $? "CREATE EXTENSION in a first database"
q en_two "CREATE EXTENSION expert_network" >/dev/null
ok $? "CREATE EXTENSION in a second database of the same cluster"
is "$(snapshot en_one | md5sum)" "$(snapshot en_two | md5sum)" "both databases hold the same extension"

q en_one "INSERT INTO expert_network.projects (user_id, project_code, project_name) VALUES ('u1', 'P1', 'One')" >/dev/null
is "$(q en_two "SELECT count(*) FROM expert_network.projects")" "0" "the databases do not share rows"

first=$(snapshot en_one)
q en_one "DROP EXTENSION expert_network" >/dev/null
ok $? "DROP EXTENSION"
q en_one "DROP SCHEMA expert_network" >/dev/null
ok $? "the schema is empty after DROP EXTENSION"
is "$(objects en_one)" "$before" "nothing is left behind"
is "$(q en_two "SELECT count(*) FROM expert_network.vendor_platforms")" "12" "the other database is untouched"

q en_one "CREATE EXTENSION expert_network" >/dev/null
ok $? "CREATE EXTENSION again"
is "$(snapshot en_one)" "$first" "the second install equals the first"
q en_one "DROP EXTENSION expert_network; DROP SCHEMA expert_network; CREATE EXTENSION expert_network" >/dev/null
ok $? "DROP and CREATE again within one transaction"

# a database owner without superuser (trusted extension)
psql -X -q -c "DROP ROLE IF EXISTS en_dbowner" -c "CREATE ROLE en_dbowner LOGIN PASSWORD 'en_dbowner'" 2>/dev/null
fresh_db en_owned
psql -X -q -c "ALTER DATABASE en_owned OWNER TO en_dbowner"
as_owner() { PGUSER=en_dbowner PGPASSWORD=en_dbowner psql -X -qAt -v ON_ERROR_STOP=1 -d en_owned -c "$1"; }
as_owner "CREATE EXTENSION expert_network" >/dev/null
ok $? "a non-superuser database owner installs it"
is "$(as_owner "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")" "f" "that owner is not a superuser"
as_owner "SET LOCAL expert_network.user_id = 'u1';
          INSERT INTO expert_network.campaigns (user_id, campaign_name, industry_vertical, start_date, target_completion_date)
          VALUES ('u1', 'C', 'Industrials', '2026-01-01', '2026-02-01')" >/dev/null
ok $? "the owner can write its tables"
as_owner "SET LOCAL expert_network.user_id = 'u1'; UPDATE expert_network.campaigns SET status = 'active'" >/dev/null
ok $? "the owner's updates fire the C trigger"
as_owner "DROP EXTENSION expert_network" >/dev/null
ok $? "the owner drops it"
# the schema belongs to the extension's superuser (0.7.0): it outlives DROP
# EXTENSION, out of the owner's reach, and CREATE EXTENSION takes it back
is "$(as_owner "SELECT nspowner::regrole FROM pg_namespace WHERE nspname = 'expert_network'" 2>&1)" \
   "$(psql -X -qAt -c "SELECT rolname FROM pg_roles WHERE oid = 10")" \
   "the schema left behind belongs to the bootstrap superuser"
as_owner "DROP SCHEMA expert_network" >/dev/null 2>&1
ok $((! $?)) "which the database owner cannot drop"
as_owner "CREATE EXTENSION expert_network" >/dev/null
ok $? "and installs it again"

dropdb en_one; dropdb en_two; dropdb en_owned
psql -X -q -c "DROP ROLE en_dbowner"
done_testing
