#!/usr/bin/env bash
# clients: the client examples run against a fresh install as an app-level
# role and print what examples/expected.txt and examples/drizzle.expected
# say (ids in messages read as <uuid>): node-postgres (examples/node/pg.mjs),
# Drizzle ORM (examples/node/drizzle.mjs) and psycopg 3 (examples/python/app.py).
# A client whose runtime is missing (node and npm; Debian's python3 with
# python3-psycopg, which tools/deps installs as root) is skipped, saying so.
set -u
. "$(dirname "$0")/lib.bash"
examples=$(cd "$(dirname "$0")/../../examples" && pwd)
db=en_clients
role=en_example_app
pw=example

app_db $db $role $pw

# run NAME EXPECTED COMMAND...: as the app role; the output, ids masked, must
# be the expected file
run() {
  local name=$1 expected=$2 out
  shift 2
  out=$(PGUSER=$role PGPASSWORD=$pw PGDATABASE=$db "$@" 2>&1 |
        sed -E 's/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/<uuid>/g')
  is "$out" "$(cat "$expected")" "$name prints $(basename "$expected")"
}
skip() { _n=$((_n + 1)); echo "ok $_n # SKIP $*"; }

if command -v node >/dev/null && command -v npm >/dev/null; then
  work=$(mktemp -d)
  cp "$examples"/node/package.json "$examples"/node/package-lock.json "$examples"/node/*.mjs "$work"/
  (cd "$work" && npm ci --no-audit --no-fund --loglevel=error >npm.log 2>&1)
  ok $? "npm ci: pg and drizzle-orm as examples/node/package-lock.json pins them" || cat "$work/npm.log" | sed 's/^/# /'
  run "node-postgres example" "$examples/expected.txt" node "$work/pg.mjs"
  run "Drizzle example" "$examples/drizzle.expected" node "$work/drizzle.mjs"
  rm -rf "$work"
else
  skip "node-postgres example: node or npm is not installed"
  skip "Drizzle example: node or npm is not installed"
fi

if /usr/bin/python3 -c 'import psycopg' 2>/dev/null; then
  # the Python example's rows are a user's own: another user's run starts clean
  q $db "SET row_security = off; SET client_min_messages = warning;
         TRUNCATE expert_network.status_history, expert_network.projects CASCADE" >/dev/null
  run "psycopg example" "$examples/expected.txt" /usr/bin/python3 "$examples/python/app.py"
else
  skip "psycopg example: Debian's python3 with python3-psycopg is not installed (tools/deps installs it as root)"
fi

dropdb $db
q postgres "DROP ROLE $role" >/dev/null
done_testing
