#!/usr/bin/env bash
# upgrade: for every earlier version with a full install script, install it,
# ALTER EXTENSION ... UPDATE, and compare the catalog (test/catalog.sql) with
# a fresh install of the latest version.  They must be identical.
set -u
. "$(dirname "$0")/lib.bash"
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

latest=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" "$root/expert_network.control")
# full scripts are expert_network--X.sql; upgrade scripts expert_network--A--B.sql
versions=$(cd "$root/sql" && ls expert_network--*.sql | grep -v -- '--.*--' |
           sed 's/^expert_network--\(.*\)\.sql$/\1/' | sort -V)

fresh_db en_fresh
q en_fresh "CREATE EXTENSION expert_network" >/dev/null
is "$(q en_fresh "SELECT extversion FROM pg_extension WHERE extname = 'expert_network'")" "$latest" \
   "a fresh install is the latest version, $latest"
snapshot en_fresh >"$work/fresh"

# rows per table of the schema (or of the tables named), as text
row_counts() {
  local t out="" tables=${2:-$(q "$1" "SELECT relname FROM pg_class WHERE relnamespace = 'expert_network'::regnamespace AND relkind = 'r' ORDER BY 1")}
  for t in $tables; do
    out="$out $t=$(q "$1" "SELECT count(*) FROM expert_network.$t")"
  done
  echo "$out"
}

# every row of every table, as checksums (the shipped vendors, which the
# dump leaves to CREATE EXTENSION, by id and name only)
row_sums() {
  local t
  for t in $(q "$1" "SELECT relname FROM pg_class WHERE relnamespace = 'expert_network'::regnamespace AND relkind = 'r' ORDER BY 1"); do
    if [ "$t" = vendor_platforms ]; then
      echo "$t $(q "$1" "SELECT md5(string_agg(id || name, ',' ORDER BY id)) FROM expert_network.vendor_platforms")"
    else
      echo "$t $(q "$1" "SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '-') FROM expert_network.$t t")"
    fi
  done
}

paths=0
for v in $versions; do
  [ "$v" = "$latest" ] && continue
  paths=$((paths + 1))
  db="en_from_$(echo "$v" | tr . _)"
  fresh_db "$db"
  q "$db" "CREATE EXTENSION expert_network VERSION '$v'" >/dev/null
  ok $? "install $v"
  # realistic data in every table, written as that version's application would
  psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f "$root/demo/sample.sql" >/dev/null
  ok $? "$v: the sample data loads"
  tables_before=$(q "$db" "SELECT relname FROM pg_class WHERE relnamespace = 'expert_network'::regnamespace AND relkind = 'r' ORDER BY 1")
  counts_before=$(row_counts "$db")
  q "$db" "ALTER EXTENSION expert_network UPDATE" >/dev/null
  ok $? "update $v to $latest"
  is "$(row_counts "$db" "$tables_before")" "$counts_before" "$v: every row survives the update"
  is "$(psql -X -qAt -d "$db" -f "$root/test/history.sql" | grep -v '|0$')" "" \
     "$v: every row's status history ends in its current status"
  is "$(psql -X -qAt -d "$db" -f "$root/test/owners.sql" | grep -v '|0$')" "" \
     "$v: every row's owner is its parents' owner"
  is "$(q "$db" "SELECT count(*) FROM expert_network.verify_counters()")" "0" \
     "$v: every campaign's call counters are exact"
  is "$(q "$db" "SELECT count(*) FROM expert_network.campaigns WHERE scheduled_calls + completed_calls > 0")" \
     "$(q "$db" "SELECT count(DISTINCT campaign_id) FROM expert_network.interviews WHERE status <> 'cancelled'")" \
     "$v: and counted, not left at zero"
  # the updated database dumps and restores into a fresh install: same rows
  pg_dump -d "$db" -f "$work/$v.dump.sql" 2>/dev/null && fresh_db "${db}_restored" &&
    psql -X -q -v ON_ERROR_STOP=1 -d "${db}_restored" -f "$work/$v.dump.sql" >/dev/null 2>&1
  ok $? "$v: the updated database restores from pg_dump"
  is "$(row_sums "${db}_restored")" "$(row_sums "$db")" "$v: the restore has every row of every table"
  is "$(q "${db}_restored" "SELECT count(*) FROM expert_network.verify_counters()")" "0" \
     "$v: and exact counters"
  dropdb "${db}_restored"
  snapshot "$db" >"$work/$v"
  diff -u "$work/fresh" "$work/$v" >"$work/$v.diff"
  ok $? "$v updated has exactly the catalog of a fresh $latest"
  sed 's/^/# /' "$work/$v.diff" | head -60
  dropdb "$db"
done
echo "# $paths upgrade path(s) to $latest"

# the comparison itself sees differences (so that a pass above means something)
fresh_db en_tampered
q en_tampered "CREATE EXTENSION expert_network" >/dev/null
q en_tampered "CREATE INDEX en_extra ON expert_network.projects (project_name)" >/dev/null
snapshot en_tampered | diff -q "$work/fresh" - >/dev/null
ok $(( ! $? )) "the comparison notices an extra index"
q en_tampered "DROP INDEX expert_network.en_extra; ALTER FUNCTION expert_network.set_updated_at() SECURITY DEFINER" >/dev/null
snapshot en_tampered | diff -q "$work/fresh" - >/dev/null
ok $(( ! $? )) "the comparison notices a function's security"
q en_tampered "ALTER FUNCTION expert_network.set_updated_at() SECURITY INVOKER; GRANT SELECT ON expert_network.experts TO PUBLIC" >/dev/null
snapshot en_tampered | diff -q "$work/fresh" - >/dev/null
ok $(( ! $? )) "the comparison notices a grant"
q en_tampered "REVOKE SELECT ON expert_network.experts FROM PUBLIC;
               UPDATE pg_catalog.pg_extension SET extcondition[1] = 'WHERE false' WHERE extname = 'expert_network'" >/dev/null
snapshot en_tampered | diff -q "$work/fresh" - >/dev/null
ok $(( ! $? )) "the comparison notices a config-dump registration"
q en_tampered "UPDATE pg_catalog.pg_extension SET extcondition[1] = '' WHERE extname = 'expert_network'" >/dev/null
snapshot en_tampered | diff -q "$work/fresh" - >/dev/null
ok $? "and nothing else differs once they are undone"

dropdb en_fresh; dropdb en_tampered
done_testing
