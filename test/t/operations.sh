#!/usr/bin/env bash
# operations: the life of a real deployment (0.8.0), with the commands of
# the README's Operations section.
#
#  R. Restore.  A database installed by a superuser, and one installed by a
#     non-superuser database owner (the trusted install), each with two
#     users' data and three roles holding levels, restored by a superuser
#     every way people restore: pg_dump | psql, pg_restore, pg_restore -j 2,
#     --single-transaction, --clean --if-exists over an existing install;
#     and by the database owner with BYPASSRLS (what PostgreSQL needs of a
#     role that loads tables under row-level security), pg_restore
#     --no-owner.  Every row of every table comes back identical, the
#     derived data checks out, each role keeps exactly its privileges.
#  L. Levels survive updates: roles given levels on every earlier version
#     that has grant_access() hold, after ALTER EXTENSION ... UPDATE, exactly
#     what grant_access() gives on a fresh install, with no manual step.
#  M. Restore mode is explicit: an administrator's write without an
#     identity obeys every rule unless row_security is off.
set -u
. "$(dirname "$0")/lib.bash"
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
chmod 755 "$work"

OWNER=en_ops_owner
APP=en_ops_app
RO=en_ops_ro
ADMIN=en_ops_admin
BYPASS=en_ops_bypass
ROLES="$APP $RO $ADMIN"
DBS=""

cleanup() {
  for db in $DBS; do dropdb --if-exists "$db" >/dev/null 2>&1; done
  for r in $ROLES $BYPASS $OWNER; do psql -X -q -d postgres -c "DROP ROLE IF EXISTS $r" >/dev/null 2>&1; done
  rm -rf "$work"
}
trap cleanup EXIT
cleanup_roles_first() {
  for r in $ROLES $BYPASS $OWNER; do psql -X -q -d postgres -c "DROP ROLE IF EXISTS $r" >/dev/null 2>&1; done
}
cleanup_roles_first
for r in $ROLES $OWNER; do q postgres "CREATE ROLE $r" >/dev/null; done
q postgres "CREATE ROLE $BYPASS BYPASSRLS" >/dev/null

# new_db NAME: an empty database owned by the database owner
new_db() { dropdb --if-exists "$1" >/dev/null 2>&1; createdb -O $OWNER "$1"; DBS="$DBS $1"; }

# every row of a table that pg_dump is to carry (its registered filter
# leaves out the shipped vendors), in a stable order, as one checksum
table_sum() {
  local cond
  cond=$(q "$1" "SELECT c.cond FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS c(tab, cond)
                 WHERE e.extname = 'expert_network' AND c.tab = 'expert_network.$2'::regclass")
  q "$1" "SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '-') FROM expert_network.$2 t $cond"
}
all_sums() {
  local t
  for t in $(q "$1" "SELECT c.relname FROM pg_extension e, unnest(e.extconfig) AS x(tab) JOIN pg_class c ON c.oid = x.tab
                     WHERE e.extname = 'expert_network' ORDER BY 1"); do
    echo "$t $(table_sum "$1" "$t")"
  done
}

# what a role holds on the extension's objects (any grantor), one line each
privileges() {
  q "$1" "SELECT string_agg(o.kind || ' ' || o.name || ' ' || a.privilege_type || CASE WHEN a.is_grantable THEN '*' ELSE '' END,
                            E'\n' ORDER BY o.kind, o.name, a.privilege_type)
            FROM (SELECT 'schema' AS kind, n.nspname::text AS name, n.nspacl AS acl FROM pg_namespace n WHERE n.nspname = 'expert_network'
                  UNION ALL SELECT 'relation', c.relname::text, c.relacl FROM pg_class c WHERE c.relnamespace = 'expert_network'::regnamespace
                  UNION ALL SELECT 'function', p.oid::regprocedure::text, p.proacl FROM pg_proc p WHERE p.pronamespace = 'expert_network'::regnamespace
                 ) AS o, LATERAL aclexplode(o.acl) AS a
           WHERE a.grantee = '$2'::regrole"
}
levels() { q "$1" "SELECT string_agg(role || ':' || level || ':' || may_set_identity, ' ' ORDER BY role::text) FROM expert_network.access_levels"; }

# checks that the data a database holds is whole: the status history ends
# in each row's status, the call counters are exact, every invariant holds
derived_ok() {
  local db=$1 what=$2
  is "$(psql -X -qAt -d "$db" -f "$root/test/history.sql" | grep -v '|0$')" "" "$what: every row's history ends in its status"
  is "$(q "$db" "SELECT count(*) FROM expert_network.verify_counters()")" 0 "$what: the call counters are exact"
  is "$(psql -X -qAt -v max_depth=6 -d "$db" -f "$root/test/stress/invariants.sql" | grep -v '|0$')" "" \
     "$what: every invariant holds (owners, references, trees, lifecycle)"
}

# the source databases: two users' data, three levels (the readonly role
# may not act as a user), a vendor of the users' own
populate() {
  local db=$1 as=$2
  psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f "$root/demo/sample.sql" >/dev/null &&
  q "$db" "SET expert_network.user_id = 'user_ops_2';
           INSERT INTO expert_network.projects (id, project_code, project_name) VALUES ('1f000000-0000-4000-8000-0000000000e2', 'OPS', 'Operations');
           INSERT INTO expert_network.campaigns (project_id, campaign_name, industry_vertical, start_date, target_completion_date)
           VALUES ('1f000000-0000-4000-8000-0000000000e2', 'Cold-chain buyers', 'Logistics', '2026-03-02', '2026-04-30');" >/dev/null &&
  q "$db" "SET ROLE $as; SELECT expert_network.grant_access('$APP', 'app');
           SELECT expert_network.grant_access('$RO', 'readonly', false);
           SELECT expert_network.grant_access('$ADMIN', 'admin');" >/dev/null
}

# ===========================================================================
# R. Restore
# ===========================================================================
new_db en_ops_su
q en_ops_su "CREATE EXTENSION expert_network" >/dev/null
populate en_ops_su "$(q postgres 'SELECT current_user')"
ok $? "R: a superuser's install with two users' data and three levels"
new_db en_ops_own
q en_ops_own "SET ROLE $OWNER; CREATE EXTENSION expert_network" >/dev/null
populate en_ops_own $OWNER
ok $? "R: the database owner's install (trusted), with the same"
is "$(q en_ops_own "SELECT extowner::regrole FROM pg_extension WHERE extname = 'expert_network'")" $OWNER \
   "R: the database owner owns that extension"

for src in en_ops_su en_ops_own; do
  is "$(levels $src)" "$ADMIN:admin:true $APP:app:true $RO:readonly:false" "R $src: access_levels records the three levels"
  pg_dump -d $src -f "$work/$src.sql" 2>/dev/null && pg_dump -Fc -d $src -f "$work/$src.dump" 2>/dev/null
  ok $? "R $src: pg_dump, plain and custom format"
  all_sums $src >"$work/$src.sums"
  for r in $ROLES; do privileges $src $r >"$work/$src.$r"; done

  # every way a superuser restores, into new databases of the same owner
  for way in plain custom parallel single clean owner; do
    db=${src}_$way
    new_db $db
    case $way in
      plain)    psql -X -q -v ON_ERROR_STOP=1 -d $db -f "$work/$src.sql" >"$work/$db.log" 2>&1 ;;
      custom)   pg_restore --exit-on-error -d $db "$work/$src.dump" >"$work/$db.log" 2>&1 ;;
      # pg_restore -j loads tables in any order; the extension's foreign
      # keys exist before the data, so their checks wait for the load
      parallel) PGOPTIONS="-c session_replication_role=replica" \
                pg_restore --exit-on-error -j 2 -d $db "$work/$src.dump" >"$work/$db.log" 2>&1 ;;
      single)   pg_restore --exit-on-error --single-transaction -d $db "$work/$src.dump" >"$work/$db.log" 2>&1 ;;
      clean)    # over an existing install holding other rows
                q $db "CREATE EXTENSION expert_network;
                       SET expert_network.user_id = 'someone_else';
                       INSERT INTO expert_network.projects (project_code, project_name) VALUES ('OLD', 'Overwritten')" >/dev/null &&
                pg_restore --exit-on-error --clean --if-exists -d $db "$work/$src.dump" >"$work/$db.log" 2>&1 ;;
      owner)    # the database owner, BYPASSRLS for the load
                q postgres "ALTER ROLE $OWNER BYPASSRLS" >/dev/null
                pg_restore --exit-on-error --no-owner --role=$OWNER -d $db "$work/$src.dump" >"$work/$db.log" 2>&1
                rc=$?
                q postgres "ALTER ROLE $OWNER NOBYPASSRLS" >/dev/null
                (exit $rc) ;;
    esac
    ok $? "R $src → $way: restores without an error"
    [ -s "$work/$db.log" ] && sed 's/^/#   /' "$work/$db.log" | head -5
    is "$(all_sums $db)" "$(cat "$work/$src.sums")" "R $src → $way: every row of every table is identical"
    derived_ok $db "R $src → $way"
    same=0
    for r in $ROLES; do [ "$(privileges $db $r)" = "$(cat "$work/$src.$r")" ] || same=1; done
    ok $same "R $src → $way: each role holds exactly the privileges it held"
    is "$(levels $db)" "$(levels $src)" "R $src → $way: the levels' record is back"
    is "$(q $db "SELECT count(*) FROM expert_network.vendor_platforms WHERE id BETWEEN '00000000-0000-4000-8000-000000000000' AND '00000000-0000-4000-8000-0000000000ff'")" \
       12 "R $src → $way: the shipped vendors are there once"
  done
done

# the restored data is live: the application carries on, under the rules
db=en_ops_own_custom
is "$(q $db "SET ROLE $APP; SET expert_network.user_id = 'user_demo_1';
             SELECT expert_network.cancel_interview(id) FROM expert_network.interviews WHERE status = 'scheduled' ORDER BY id LIMIT 1;
             SELECT count(*) FROM expert_network.verify_counters()")" "
0" "R: after a restore the app role's writes go through the workflow, counters exact"

# the schema-owner protection still refuses a schema holding an unrelated
# role's objects (the dump itself hands the schema to the restoring
# superuser, as its ALTER SCHEMA ... OWNER says)
new_db en_ops_foreign
q en_ops_foreign "CREATE SCHEMA expert_network AUTHORIZATION $APP;
                  SET ROLE $APP; CREATE FUNCTION expert_network.lookalike() RETURNS int LANGUAGE sql AS 'SELECT 1'" >/dev/null
# (psql carrying on after errors, as a careless restore does)
psql -X -q -d en_ops_foreign -f "$work/en_ops_own.sql" >"$work/foreign.log" 2>&1
is "$(grep -o 'schema "expert_network" holds objects of role "[a-z_]*"' "$work/foreign.log" | head -1)" \
   "schema \"expert_network\" holds objects of role \"$APP\"" \
   "R: a restore into a database where another role owns schema expert_network is refused"
is "$(q en_ops_foreign "SELECT count(*) FROM pg_extension WHERE extname = 'expert_network'")" 0 \
   "R: ... and nothing of the extension is installed there"

# ===========================================================================
# L. Levels survive updates from every earlier version with grant_access()
# ===========================================================================
latest=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" "$root/expert_network.control")
new_db en_ops_fresh
q en_ops_fresh "CREATE EXTENSION expert_network" >/dev/null
q en_ops_fresh "SELECT expert_network.grant_access('$APP', 'app'); SELECT expert_network.grant_access('$RO', 'readonly');
                SELECT expert_network.grant_access('$ADMIN', 'admin')" >/dev/null
for r in $ROLES; do privileges en_ops_fresh $r >"$work/fresh.$r"; done
paths=0
for v in $(cd "$root/sql" && ls expert_network--*.sql | grep -v -- '--.*--' | sed 's/^expert_network--\(.*\)\.sql$/\1/' | sort -V); do
  [ "$v" = "$latest" ] && continue
  grep -q 'grant_access' "$root/sql/expert_network--$v.sql" || continue
  paths=$((paths + 1))
  db="en_ops_up_$(echo "$v" | tr . _)"
  new_db $db
  q $db "CREATE EXTENSION expert_network VERSION '$v'" >/dev/null
  q $db "SELECT expert_network.grant_access('$APP', 'app'); SELECT expert_network.grant_access('$RO', 'readonly');
         SELECT expert_network.grant_access('$ADMIN', 'admin')" >/dev/null
  ok $? "L $v: three roles given a level"
  q $db "ALTER EXTENSION expert_network UPDATE" >/dev/null
  ok $? "L $v: ALTER EXTENSION expert_network UPDATE, and nothing else"
  for r in $ROLES; do
    is "$(privileges $db $r)" "$(cat "$work/fresh.$r")" "L $v: $r holds exactly what grant_access() gives on $latest"
  done
  is "$(levels $db | sed 's/:true//g')" "$ADMIN:admin $APP:app $RO:readonly" "L $v: the levels are recorded"
done
ok $([ $paths -ge 5 ]; echo $?) "L: $paths earlier versions checked"

# the record is what apply_access_levels() follows, and revoke_access() clears it
db=en_ops_fresh
q $db "REVOKE SELECT ON expert_network.campaigns FROM $APP" >/dev/null
q $db "SELECT count(*) FROM expert_network.apply_access_levels()" >/dev/null
is "$(privileges $db $APP)" "$(cat "$work/fresh.$APP")" "L: apply_access_levels() gives a recorded role its level back"
q $db "SELECT expert_network.revoke_access('$RO')" >/dev/null
is "$(levels $db | sed 's/:true//g')" "$ADMIN:admin $APP:app" "L: revoke_access() removes the role's record"
is "$(privileges $db $RO)" "" "L: ... and every privilege"
is "$(q $db "SET ROLE $APP; SELECT expert_network.apply_access_levels()" 2>&1 | grep -c 'permission denied')" 1 \
   "L: a level role may not run apply_access_levels()"
is "$(q $db "SET ROLE $ADMIN; INSERT INTO expert_network.access_levels VALUES ('$RO', 'admin')" 2>&1 | grep -c 'permission denied')" 1 \
   "L: nor write access_levels (an admin cannot raise a role's level)"

# ===========================================================================
# M. Restore mode is explicit
# ===========================================================================
db=en_ops_su_custom
q $db "GRANT $APP TO $BYPASS" >/dev/null
interview=$(q $db "SELECT id FROM expert_network.interviews WHERE status IN ('scheduled', 'confirmed') ORDER BY id LIMIT 1")
expert=$(q $db "SELECT expert_id FROM expert_network.interviews WHERE id = '$interview'")
for who in superuser bypassrls; do
  set_role=""; [ $who = bypassrls ] && set_role="SET ROLE $BYPASS;"
  got=$(q $db "BEGIN; $set_role
               UPDATE expert_network.interviews SET status = 'completed' WHERE id = '$interview';
               SELECT (SELECT count(*) FROM expert_network.completed_interviews WHERE interview_id = '$interview') || ' ' ||
                      (SELECT status FROM expert_network.experts WHERE id = '$expert') || ' ' ||
                      (SELECT count(*) FROM expert_network.status_history WHERE row_id = '$interview' AND to_status = 'completed') || ' ' ||
                      (SELECT count(*) FROM expert_network.verify_counters());
               ROLLBACK;")
  is "$got" "1 completed 1 0" "M $who, no identity: completing an interview writes its record, moves the expert, records history, counts"
  got=$(q $db "BEGIN; $set_role SET LOCAL row_security = off;
               UPDATE expert_network.interviews SET status = 'completed' WHERE id = '$interview';
               SELECT (SELECT count(*) FROM expert_network.completed_interviews WHERE interview_id = '$interview') || ' ' ||
                      (SELECT status FROM expert_network.experts WHERE id = '$expert') || ' ' ||
                      (SELECT count(*) FROM expert_network.status_history WHERE row_id = '$interview' AND to_status = 'completed');
               ROLLBACK;")
  is "$got" "0 scheduled 0" "M $who, no identity, row_security off: the write is taken as it is (restore or repair)"
done
# the README's repair, as written: taken as written, then counters repaired
got=$(psql -X -qAt -v ON_ERROR_STOP=1 -d $db <<SQL
BEGIN;
SET LOCAL row_security = off;      -- no identity: rows taken as written
UPDATE expert_network.interviews SET status = 'completed' WHERE id = '$interview';
SELECT expert_network.repair_counters();
COMMIT;
SELECT (SELECT status FROM expert_network.interviews WHERE id = '$interview') || ' ' ||
       (SELECT count(*) FROM expert_network.completed_interviews WHERE interview_id = '$interview') || ' ' ||
       (SELECT count(*) FROM expert_network.verify_counters());
SQL
)
is "$(echo $got)" "0 completed 0 0" "M: the README's repair: the row as written, no derived row; the counters, kept even then, need no repair"
is "$(q $db "SELECT count(*) FROM expert_network.verify_counters()")" 0 "M: ... and exact afterwards"
is "$(q $db "SET ROLE $APP; SET expert_network.user_id = 'user_demo_1'; SET row_security = off;
             UPDATE expert_network.interviews SET status = 'completed' WHERE id = '$interview'" 2>&1 | grep -c 'row-level security')" 1 \
   "M: a role subject to row-level security cannot enter restore mode (PostgreSQL refuses row_security off)"

done_testing
