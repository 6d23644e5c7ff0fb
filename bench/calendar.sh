#!/usr/bin/env bash
# bench/calendar.sh — what one person, one calendar (0.13.0, issue 15) costs:
#
# Part 1, booking: one INSERT ... SELECT of 10,000 interviews, 10 with each
# of 1,000 people (bench/calendar/insert_select.sql), as the application
# role bench_app, in a transaction rolled back, timed in the server
# (clock_timestamp() and the backend's schedstat: bench.took), with
#   (A) checks     as installed: every booking checked for the person's
#                  other rows in the campaign, the call cap (a cap of 100
#                  per 12 months is set) and overlaps, under the advisory
#                  locks
#   (B) no checks  double_booking_insert and double_booking_update of
#                  interviews disabled (as the superuser)
# after a one-row insert rolled back in the same session (plans, caches);
# the tables the runs write vacuumed and a checkpoint before each run; one
# untimed run of each, then BENCH_RUNS (5) of each, alternating A B, B A.
# Target (issue 15): A/B <= 1.3.
#
# Part 2, the duplicates view over 100,000 experts (10 users; a user sees
# 10,000, in 5,000 groups... user-1 2,000 in 1,000): SELECT count(*) FROM
# expert_duplicates as bench_app for user-2, against a plain count(*) of the
# same user's experts, medians of BENCH_RUNS; and EXPLAIN of the view's
# query, to show which index serves it under row-level security.
#
# Part 3, single bookings: pgbench -n -M prepared -T BENCH_SECONDS (10)
# -c 2 -j 2, one schedule_interview() per transaction for one of user-1's
# people, rolled back (bench/calendar/schedule_one.pgbench), as bench_app,
# (A) against (B) as in part 1; BENCH_TPS_RUNS (3) runs of each,
# alternating, after a 3 s warm-up of each; median TPS.  No target: what a
# single booking pays for the checks (0.15.0 keeps their plans for a
# statement of one booking; planning them was about half of its time).
#
# Ratios, not absolute times, are the result.  A benchmark, not a test:
# exits 0 whatever the timings; non-zero only when something failed to run.
# About 3 minutes on a quiet machine with 2 cores (build not included).
set -eu
cd "$(dirname "$0")/.."

. bench/lib.bash
if [ "${1:-}" != --inside ]; then
  en_bench_outside bench/calendar.sh -o shared_buffers=1GB
fi

runs=${BENCH_RUNS:-5}
work=$(mktemp -d /tmp/expert_network_calendar.XXXXXX)
trap 'rm -rf "$work"' EXIT
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
su_sql() { psql -At -c 'SET client_min_messages = warning' "$@"; }
app_psql() { PGUSER=bench_app PGPASSWORD=bench_app psql -At "$@"; }
median() { sort -g "$1" | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)]; else print "-" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }

echo "== expert_network calendar benchmark: booking with and without the double-booking checks; the duplicates view"
echo "machine: nproc $(nproc), $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
psql -c 'CREATE EXTENSION expert_network'
echo "PostgreSQL $(psql -Atc 'SHOW server_version'), expert_network $(psql -Atc "SELECT extversion FROM pg_extension WHERE extname = 'expert_network'")"
t=$SECONDS
psql -f bench/calendar/load.sql >/dev/null
echo "loaded in $((SECONDS - t)) s: $(psql -Atc "SELECT count(*) FROM expert_network.experts") experts, $(psql -Atc "SELECT count(*) FROM expert_network.expert_duplicates") duplicate groups (as the superuser)"

checks() {			# on | off
  local what=ENABLE
  [ "$1" = on ] || what=DISABLE
  su_sql -c "ALTER TABLE expert_network.interviews $what TRIGGER double_booking_insert" \
         -c "ALTER TABLE expert_network.interviews $what TRIGGER double_booking_update" >/dev/null
}
prepare() {
  su_sql -c 'VACUUM expert_network.interviews' -c 'VACUUM expert_network.experts' \
         -c 'VACUUM expert_network.campaigns' -c 'VACUUM expert_network.status_history' \
         -c 'VACUUM expert_network.compliance_log' -c 'CHECKPOINT' >/dev/null
}
book() {			# one timed run: "wall cpu wait" in ms
  app_psql <<SQL | tail -1
BEGIN;
SET LOCAL expert_network.user_id = 'user-1';
INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time)
SELECT x.campaign_id, x.id, '2024-01-01', '10:00' FROM expert_network.experts AS x LIMIT 1;
ROLLBACK;
BEGIN;
SET LOCAL expert_network.user_id = 'user-1';
SELECT pg_catalog.clock_timestamp() AS t0, bench.schedstat() AS s0 \gset
\i bench/calendar/insert_select.sql
SELECT bench.took(:'t0', :'s0');
ROLLBACK;
SQL
}

echo
echo "-- part 1: one INSERT ... SELECT of 10,000 interviews (1,000 people, 10 calls each), as bench_app"
for v in A B; do
  checks "$([ $v = A ] && echo on || echo off)"; prepare; book >/dev/null
done
: >"$work/A"; : >"$work/B"; : >"$work/cA"; : >"$work/cB"
for ((r = 1; r <= runs; r++)); do
  order="A B"; [ $((r % 2)) -eq 0 ] && order="B A"
  for v in $order; do
    checks "$([ $v = A ] && echo on || echo off)"; prepare
    read -r wall cpu wait <<<"$(book)"
    echo "$wall" >>"$work/$v"; echo "$cpu" >>"$work/c$v"
    printf '   run %d %s: %s ms (on CPU %s ms, waiting %s ms)\n' "$r" "$v" "$wall" "$cpu" "$wait"
  done
done
checks on
ma=$(median "$work/A"); mb=$(median "$work/B"); ca=$(median "$work/cA"); cb=$(median "$work/cB")
echo "   median (A) checks $ma ms, (B) no checks $mb ms: A/B $(ratio "$ma" "$mb") (target <= 1.3); on CPU $(ratio "$ca" "$cb")"

echo
echo "-- part 2: the duplicates view over 100,000 experts, as bench_app for user-2"
dup() {				# the query, timed in the server
  app_psql <<SQL | tail -1
BEGIN;
SET LOCAL expert_network.user_id = 'user-2';
SELECT pg_catalog.clock_timestamp() AS t0, bench.schedstat() AS s0 \gset
SELECT count(*) FROM $1;
SELECT bench.took(:'t0', :'s0');
ROLLBACK;
SQL
}
: >"$work/V"; : >"$work/S"
dup expert_network.expert_duplicates >/dev/null; dup expert_network.experts >/dev/null
for ((r = 1; r <= runs; r++)); do
  read -r wall _ <<<"$(dup expert_network.expert_duplicates)"; echo "$wall" >>"$work/V"
  read -r wall _ <<<"$(dup expert_network.experts)"; echo "$wall" >>"$work/S"
done
mv=$(median "$work/V"); ms=$(median "$work/S")
echo "   groups seen: $(app_psql -c "SET expert_network.user_id = 'user-2'" -c 'SELECT count(*) FROM expert_network.expert_duplicates')"
echo "   median: expert_duplicates $mv ms, count(*) of the same user's experts $ms ms: $(ratio "$mv" "$ms")"
echo "   the plan (EXPLAIN ANALYZE, as bench_app, user-2):"
app_psql -c "SET expert_network.user_id = 'user-2'" \
         -c 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT * FROM expert_network.expert_duplicates' |
  sed 's/^/     /'
echo "   one person's rows by key (EXPLAIN, as bench_app, user-2):"
app_psql -c "SET expert_network.user_id = 'user-2'" \
         -c "EXPLAIN (COSTS OFF) SELECT id FROM expert_network.experts WHERE person_key = 'url:linkedin.com/in/person-2-7'" |
  sed 's/^/     /'

echo
seconds=${BENCH_SECONDS:-10}
tps_runs=${BENCH_TPS_RUNS:-3}
echo "-- part 3: pgbench -n -M prepared -T $seconds -c 2 -j 2, one schedule_interview() per transaction, rolled back, as bench_app"
tps() {				# V SECONDS: the TPS of one run
  checks "$([ "$1" = A ] && echo on || echo off)"; prepare
  PGUSER=bench_app PGPASSWORD=bench_app /usr/lib/postgresql/15/bin/pgbench -n -M prepared -T "$2" -c 2 -j 2 \
    -f bench/calendar/schedule_one.pgbench >"$work/pgbench.log" 2>&1 &&
    grep -q '^number of failed transactions: 0 ' "$work/pgbench.log" ||
    { echo "pgbench failed: $(tail -3 "$work/pgbench.log")" >&2; exit 1; }
  awk '/^tps/ { print $3 }' "$work/pgbench.log"
}
tps A 3 >/dev/null; tps B 3 >/dev/null
: >"$work/TA"; : >"$work/TB"
for ((r = 1; r <= tps_runs; r++)); do
  order="A B"; [ $((r % 2)) -eq 0 ] && order="B A"
  for v in $order; do
    n=$(tps "$v" "$seconds"); echo "$n" >>"$work/T$v"
    printf '   run %d %s: %s tps\n' "$r" "$v" "$n"
  done
done
checks on
ta=$(median "$work/TA"); tb=$(median "$work/TB")
echo "   median (A) checks $ta tps, (B) no checks $tb tps: A/B $(ratio "$ta" "$tb")"

en_bench_row calendar "INSERT...SELECT of 10,000 interviews, 1,000 people: (A) double-booking checks / (B) checks disabled" \
  "$ma ms" "$mb ms" "$(ratio "$ma" "$mb")" '<=' 1.3 "backend on-CPU $(ratio "$ca" "$cb")"
en_bench_row calendar "expert_duplicates of a user of 100,000 experts / count(*) of the user's experts" \
  "$mv ms" "$ms ms" "$(ratio "$mv" "$ms")" - -
en_bench_row calendar "schedule_interview(), pgbench -c 2 TPS: (A) double-booking checks / (B) checks disabled" \
  "$ta tps" "$tb tps" "$(ratio "$ta" "$tb")" - -
