#!/usr/bin/env bash
# bench/dashboards.sh — what the dashboard views (0.12.0) cost a read.
#
# Builds and installs the extension like test/run, then, in a throwaway
# cluster (pg_virtualenv -t; never a cluster you already run), loads 1,000
# users with 10 campaigns, 40 enrollments, 1,000 experts, about 333
# interviews (167 completed and rated), 5 team members and 30 costs each
# (bench/dashboards/load.sql: 1,000,000 experts in all), and times, for one
# user (user-501), each view against the same rows written by hand
# (bench/dashboards/queries.sql):
#
#   (A) view   SELECT * FROM expert_network.<view>, as an app role
#              (grant_access 'app') with the identity set: row-level
#              security through security_invoker supplies the user
#   (B) hand   the equivalent query with an explicit user_id = 'user-501'
#              on every table, as the superuser (no row-level security)
#
# for campaign_dashboard, vendor_scorecard and team_workload.  Each round
# runs (A) and (B) once, in alternating order, in one server function
# (bench.pair): each statement planned and run anew, every column of every
# row read, its wall-clock time taken in the server.  Prints EXPLAIN
# (ANALYZE, BUFFERS) of each view as the app role (the user_id and
# per-campaign indexes at work), whether (A) and (B) gave identical rows,
# then the median times over BENCH_ROUNDS rounds (default 41, after 5 for
# warming up), their ratio and the median of the per-round ratios.  Target:
# (A)/(B) <= 2 for each view.
#
# A benchmark, not a test: exits 0 after printing, whatever the timings;
# non-zero only when something failed to run or a view and its hand-written
# query gave different rows.  About 3 minutes, most of it the load.
set -eu
cd "$(dirname "$0")/.."

. bench/lib.bash
if [ "${1:-}" != --inside ]; then
  en_bench_outside bench/dashboards.sh -o shared_buffers=2GB
fi

# ---------------------------------------------------------------------------
# Inside the throwaway cluster: PGHOST, PGPORT, PGUSER (the superuser) and
# PGPASSWORD are set by pg_virtualenv; under bench/run (make bench), which
# runs every benchmark in one cluster, PGDATABASE is a database of its own.
# ---------------------------------------------------------------------------
dir=bench/dashboards
rounds=${BENCH_ROUNDS:-41}
uid=user-501
failed=0

psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }

en_bench_start dashboards

t=$SECONDS
en_step "load: 1,000 users, 10,000 campaigns, 1,000,000 experts"
psql -f $dir/load.sql >/dev/null
en_took "$t"

t=$SECONDS
en_step "role, queries, VACUUM ANALYZE, prewarm"
psql <<'SQL' >/dev/null
CREATE SCHEMA bench;
-- the application role: not superuser, not BYPASSRLS
CREATE ROLE bench_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
SELECT expert_network.grant_access('bench_app', 'app');
SQL
psql -v uid=$uid -f $dir/queries.sql >/dev/null
psql -c 'VACUUM ANALYZE' -c 'CHECKPOINT'
if psql -c 'CREATE EXTENSION pg_prewarm' 2>/dev/null; then
  psql -At >/dev/null -c "
    SELECT pg_prewarm(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'expert_network' AND c.relkind IN ('r', 'i')"
fi
en_took "$t"
psql -At -F ' ' -c "
  SELECT 'rows:', string_agg(format('%s %s', c.relname, c.reltuples::bigint), ', ' ORDER BY c.relname)
    FROM pg_class c
   WHERE c.relnamespace = 'expert_network'::regnamespace AND c.relkind = 'r' AND c.reltuples > 0"

views=(campaign_dashboard vendor_scorecard team_workload)

# --- plans: each view as the app role, for user-501 --------------------------
for i in 0 1 2; do
  v=${views[$i]}
  echo
  echo "== EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM expert_network.$v, as bench_app, identity $uid:"
  psql <<SQL 2>&1 | sed 's/^/   /' || failed=1
BEGIN;
SET LOCAL ROLE bench_app;
SELECT set_config('expert_network.user_id', '$uid', true) \g /dev/null
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM expert_network.$v;
COMMIT;
SQL
done

# --- sanity and timings ------------------------------------------------------
echo
echo "== sanity: rows of each view for $uid (app role) and of its hand-written query (superuser)"
out=$(psql -At -F ' ' <<SQL
SELECT q.name,
       (SELECT count(*) FROM bench.pair(q.ord, 1, '$uid') p WHERE p.same)
  FROM bench.queries q ORDER BY q.ord;
SQL
)
while read -r name same; do
  n=$(psql -At <<SQL
BEGIN;
SET LOCAL ROLE bench_app;
SELECT set_config('expert_network.user_id', '$uid', true) \g /dev/null
SELECT count(*) FROM expert_network.$name;
COMMIT;
SQL
)
  if [ "$same" = 1 ] && [ "$n" -gt 0 ]; then
    printf '  %-20s %4s rows, identical\n' "$name" "$n"
  else
    printf '  %-20s %4s rows, DIFFERENT from the hand-written query\n' "$name" "$n"
    failed=1
  fi
done <<<"$out"

echo
echo "== timings: $rounds rounds (after 5 for warming up), medians of wall-clock ms in the server"
printf '%-20s %10s %10s %7s %10s %8s\n' view '(A) view' '(B) hand' ratio 'by round' 'target'
printf '%.0s-' {1..70}; echo
for i in 0 1 2; do
  v=${views[$i]}
  read -r a b ratio by_round same < <(psql -At -F ' ' <<SQL
SELECT count(*) FROM bench.pair($((i + 1)), 5, '$uid') \g /dev/null
WITH p AS (SELECT * FROM bench.pair($((i + 1)), $rounds, '$uid'))
SELECT round(percentile_disc(0.5) WITHIN GROUP (ORDER BY view_ms)::numeric, 3),
       round(percentile_disc(0.5) WITHIN GROUP (ORDER BY hand_ms)::numeric, 3),
       round((percentile_disc(0.5) WITHIN GROUP (ORDER BY view_ms)
              / percentile_disc(0.5) WITHIN GROUP (ORDER BY hand_ms))::numeric, 2),
       round(percentile_disc(0.5) WITHIN GROUP (ORDER BY view_ms / hand_ms)::numeric, 2),
       bool_and(same)
  FROM p;
SQL
)
  printf '%-20s %10s %10s %7s %10s %8s\n' "$v" "$a" "$b" "$ratio" "$by_round" '<= 2'
  [ "$same" = t ] || { echo "  $v: rows differed in some round"; failed=1; }
  en_bench_row dashboards "$v for one user of 1,000: (A) view with RLS / (B) hand-written WHERE user_id" \
    "$a ms" "$b ms" "$ratio" '<=' 2 "median of per-round ratios $by_round"
done
cat <<'TXT'

(A) is what an application runs: the view, with the identity set, as its role; row-level
security puts user_id = (SELECT current_user_id()) on every table the view reads.  (B) is
what it would have to write instead, user_id named on every table, run as the superuser
(no row-level security).  Both are planned and executed anew each round, and each round
runs them back to back in alternating order, so that a busy machine slows both alike.
TXT
[ "$failed" = 0 ]
