# test/t/lib.bash — a few TAP helpers for the shell tests, which run inside the
# throwaway cluster of test/suite (PGHOST/PGPORT/PGUSER/PGPASSWORD set).
# shellcheck shell=bash

_n=0
_failed=0

# ok CONDITION-STATUS NAME: pass when the status is 0; returns the status,
# so that `ok $? NAME || diagnostics` prints the diagnostics of a failure
ok() {
  local status=$1; shift
  _n=$((_n + 1))
  if [ "$status" -eq 0 ]; then echo "ok $_n - $*"; else echo "not ok $_n - $*"; _failed=$((_failed + 1)); fi
  return "$status"
}

# is GOT EXPECTED NAME
is() {
  local got=$1 want=$2; shift 2
  if [ "$got" = "$want" ]; then ok 0 "$@"; else ok 1 "$@"; printf '#   got:      %s\n#   expected: %s\n' "$got" "$want"; fi
}

done_testing() { echo "1..$_n"; [ "$_failed" -eq 0 ]; }

# q DB SQL: one value, unaligned, errors fatal
q() { psql -X -qAt -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }

# fresh_db NAME: an empty database
fresh_db() { dropdb --if-exists "$1" >/dev/null 2>&1; createdb "$1"; }

# snapshot DB: the catalog description of expert_network in DB (test/catalog.sql)
snapshot() { psql -X -qAt -v ON_ERROR_STOP=1 -d "$1" -f "$(dirname "${BASH_SOURCE[0]}")/../catalog.sql"; }

# app_db DB ROLE PASSWORD: a fresh DB with the extension, and ROLE (LOGIN,
# PASSWORD) at the app level; two test results
app_db() {
  fresh_db "$1"
  q "$1" "CREATE EXTENSION expert_network" >/dev/null
  ok $? "CREATE EXTENSION"
  q postgres "DROP ROLE IF EXISTS $2" >/dev/null 2>&1
  q postgres "CREATE ROLE $2 LOGIN PASSWORD '$3'" >/dev/null &&
    q "$1" "SELECT expert_network.grant_access('$2', 'app')" >/dev/null
  ok $? "an application role at the app level"
}
