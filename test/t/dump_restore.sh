#!/usr/bin/env bash
# dump_restore: a database with data, dumped with pg_dump (plain and custom
# format) and restored into fresh databases, gives back every row; the
# shipped vendor rows are not dumped twice; a role's access level (0.8.0:
# recorded in access_levels) comes back with its privileges.
set -u
. "$(dirname "$0")/lib.bash"
root=$(cd "$(dirname "$0")/../.." && pwd)
dump=$(mktemp -d)
trap 'rm -rf "$dump"' EXIT

tables=$(sed -n "s/^SELECT pg_catalog.pg_extension_config_dump('expert_network\.\([a-z_]*\)'.*/\1/p" "$root/sql/expert_network.sql")

# every row of a table that pg_dump is to carry (the registered filter
# leaves out the shipped vendors), in a stable order, as one checksum
table_sum() {
  local cond
  cond=$(q "$1" "SELECT c.cond FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS c(tab, cond)
                 WHERE e.extname = 'expert_network' AND c.tab = 'expert_network.$2'::regclass")
  q "$1" "SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '-') FROM expert_network.$2 t $cond"
}

fresh_db en_src
q en_src "CREATE EXTENSION expert_network" >/dev/null
psql -X -q -v ON_ERROR_STOP=1 -d en_src -f "$root/demo/sample.sql" >/dev/null &&
  psql -X -q -v ON_ERROR_STOP=1 -d en_src -f "$root/demo/compliance.sql" >/dev/null 2>&1 &&
  psql -X -q -v ON_ERROR_STOP=1 -d en_src -f "$root/demo/calendar.sql" >/dev/null 2>&1 &&
  q en_src "SELECT expert_network.revoke_access('demo_compliance_officer')" >/dev/null
ok $? "the sample data loads, and the compliance story (0.10.0) and the calendar (0.13.0) on it"
# a vendor of the user's own, enrolled in a campaign, with an expert of it
q en_src "INSERT INTO expert_network.vendor_platforms (id, name, location) VALUES ('0f000000-0000-4000-8000-000000000001', 'Boutique Experts Ltd', 'Dublin, Ireland');
          SET expert_network.user_id = 'user_demo_1';
          INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
          SELECT id, '0f000000-0000-4000-8000-000000000001', 'enrolled' FROM expert_network.campaigns ORDER BY id LIMIT 1;
          INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title)
          SELECT id, '0f000000-0000-4000-8000-000000000001', 'Sam Example', 'Plant manager' FROM expert_network.campaigns ORDER BY id LIMIT 1;" >/dev/null
ok $? "a user-defined vendor and an expert of it"
# a second user, written through the application path
q en_src "SET expert_network.user_id = 'user_demo_2';
          INSERT INTO expert_network.projects (id, project_code, project_name) VALUES ('1f000000-0000-4000-8000-000000000002', 'BOR', 'Boreal');
          INSERT INTO expert_network.campaigns (project_id, campaign_name, industry_vertical, start_date, target_completion_date)
          VALUES ('1f000000-0000-4000-8000-000000000002', 'Grid storage buyers', 'Energy', '2026-03-02', '2026-04-30');" >/dev/null
ok $? "a second user's project and campaign"
# a role with a level: access_levels, empty after the install, gets its row
psql -X -q -c "DROP ROLE IF EXISTS en_dump_app" -c "CREATE ROLE en_dump_app" >/dev/null 2>&1
is "$(q en_src "SELECT count(*) FROM expert_network.access_levels")" "0" "access_levels is empty after the install"
q en_src "SELECT expert_network.grant_access('en_dump_app', 'app', may_set_identity => false)" >/dev/null
is "$(q en_src "SELECT role::text || ' ' || level || ' ' || may_set_identity FROM expert_network.access_levels")" \
   "en_dump_app app false" "grant_access() records the level of a role in access_levels"

empty=""
for t in $tables; do
  [ "$(q en_src "SELECT count(*) FROM expert_network.$t")" -gt 0 ] || empty="$empty $t"
done
is "$empty" "" "every table holds rows before the dump"

pg_dump -d en_src -f "$dump/plain.sql" && pg_dump -d en_src -Fc -f "$dump/custom.dump"
ok $? "pg_dump, plain and custom format"

fresh_db en_plain
psql -X -q -v ON_ERROR_STOP=1 -d en_plain -f "$dump/plain.sql" >"$dump/plain.log" 2>&1
ok $? "the plain dump restores with psql, without error"
fresh_db en_custom
pg_restore --exit-on-error -d en_custom "$dump/custom.dump" >"$dump/custom.log" 2>&1
ok $? "the custom dump restores with pg_restore, without error"

for db in en_plain en_custom; do
  for t in $tables; do
    is "$(table_sum "$db" "$t")" "$(table_sum en_src "$t")" "$db: $t has every row"
  done
  is "$(q "$db" "SELECT count(*) FROM expert_network.vendor_platforms WHERE id BETWEEN '00000000-0000-4000-8000-000000000000' AND '00000000-0000-4000-8000-0000000000ff'")" \
     "12" "$db: the shipped vendors are there once"
  is "$(snapshot "$db")" "$(snapshot en_src)" "$db: the restored extension has the same catalog"
  is "$(psql -X -qAt -d "$db" -f "$root/test/history.sql" | grep -v '|0$')" "" \
     "$db: status history restored, ending in each row's current status"
  is "$(q "$db" "SELECT count(*) FROM expert_network.verify_counters()")" "0" \
     "$db: call counters exact, not counted twice"
  is "$(q "$db" "SELECT string_agg(DISTINCT user_id, ',' ORDER BY user_id) FROM expert_network.campaigns")" \
     "user_demo_1,user_demo_2" "$db: both users' rows keep their owners"
  is "$(q "$db" "SELECT role::text || ' ' || level || ' ' || may_set_identity FROM expert_network.access_levels")" \
     "en_dump_app app false" "$db: the recorded level comes back, as granted"
  is "$(q "$db" "SELECT has_table_privilege('en_dump_app', 'expert_network.experts', 'INSERT'),
                        has_table_privilege('en_dump_app', 'expert_network.access_levels', 'SELECT'),
                        has_table_privilege('en_dump_app', 'expert_network.access_levels', 'INSERT'),
                        has_function_privilege('en_dump_app', 'expert_network.set_user_id(text)', 'EXECUTE')")" \
     "t|t|f|f" "$db: and so does the role's app level (without the identity right)"
done

dropdb en_src; dropdb en_plain; dropdb en_custom
psql -X -q -c "DROP ROLE en_dump_app" >/dev/null
done_testing
