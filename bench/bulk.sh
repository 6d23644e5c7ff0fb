#!/usr/bin/env bash
# bench/bulk.sh — whether a bulk INSERT ... SELECT costs linear time (issue
# 13, "Linear cost"): the time per row of 1,000, 10,000 and 100,000-row
# inserts of interviews and of experts, as the application role.
#
# Builds and installs the extension like test/run and the other benchmarks,
# then, in a throwaway cluster (pg_virtualenv -t; never a cluster you already
# run), creates the application role bench_app (grant_access 'app': not
# superuser, not BYPASSRLS; bench/bulk/load.sql) and nothing else: every run
# writes its own rows, as bench_app with SET LOCAL expert_network.user_id =
# 'user-1', in one transaction it rolls back.  For each size N:
#
#   session 1  BEGIN; a new campaign, GLG (shipped vendor 1) enrolled in it
#              (bench/bulk/campaign.sql);
#              (E) INSERT ... SELECT of N experts, status 'reviewed', from
#                  generate_series (bench/bulk/experts.sql): the first
#                  experts statement of the session;
#              a one-row INSERT of an interview, for expert 1, so that the
#              plans the extension keeps for the session are made for a
#              one-row statement (the scenario that was quadratic before
#              "Lifecycle steps by primary key": 2,000 interviews in 1 s,
#              8,000 in 12 s);
#              (I) INSERT ... SELECT of N - 1 interviews, status 'scheduled',
#                  one for each of the other experts (bench/bulk/
#                  interviews.sql), each moving its expert reviewed ->
#                  scheduled: every trigger does its full work (owner,
#                  transition, history, call counters, lifecycle);
#              ROLLBACK
#   session 2  BEGIN; the same campaign and enrollment; a one-row INSERT of
#              an expert, then
#              (F) INSERT ... SELECT of the other N - 1 experts: the experts
#                  statement after a one-row one in the same session;
#              ROLLBACK
#
# Each timed statement is timed in the server: clock_timestamp() before and
# after it (AFTER triggers included: they fire at the end of the statement),
# and the backend's /proc/<pid>/schedstat (bench.took: wall clock, time on
# a CPU, time waiting for one).  Before each session, as the superuser:
# VACUUM (no ANALYZE) of the tables the runs write, which takes the
# rolled-back rows out and truncates them back to empty, and CHECKPOINT.
# Table statistics are never gathered (autovacuum is off in the bench
# cluster): the planner sees the tables as the last VACUUM left them, empty,
# while they hold the statement's rows — stale, as in a real bulk load.
# One untimed round at 1,000 rows, then BENCH_RUNS (3) runs, each of the
# sizes 1k 10k 1k 100k 1k 10k 1k in that order: the short ones before and
# after the long one and more often (12 samples of 1k, 6 of 10k, 3 of 100k
# in all), as the machine's speed moves within seconds when it is shared
# and a single short sample is one moment's.  The result is the median per
# size and statement.
#
# The result: per-row time (median ms / rows) at 10,000 and at 100,000 rows
# divided by per-row time at 1,000, for (I), (E) and (F).  Target (issue
# 13): <= 1.5 for each, i.e. flat; a quadratic statement gives about 10 and
# 100.  Judged on the wall clock; the same ratio of on-CPU time, and the
# ratio within each run (its N rows against its own 1k samples), also
# shown.  (E) at 1k carries the session's first experts statement's fixed
# costs (plans of the foreign keys and of the extension), which lower its
# ratios a little; (I) and (F) come after a one-row statement that paid
# them.
# Ratios, not absolute times, are the result.  A benchmark, not a test:
# exits 0 whatever the timings; non-zero only when something failed to run.
# About 2 minutes on a quiet machine.
# Environment: BENCH_RUNS (timed runs, 3).
set -eu
cd "$(dirname "$0")/.."

. bench/lib.bash
if [ "${1:-}" != --inside ]; then
  en_bench_outside bench/bulk.sh -o shared_buffers=1GB
fi

# ---------------------------------------------------------------------------
# Inside the throwaway cluster: PGHOST, PGPORT, PGUSER (the superuser) and
# PGPASSWORD are set by pg_virtualenv; under bench/run (make bench), which
# runs every benchmark in one cluster, PGDATABASE is a database of its own.
# ---------------------------------------------------------------------------
dir=bench/bulk
runs=${BENCH_RUNS:-3}
sizes=(1000 10000 100000)
# the sizes of one run, in order: the short ones before and after the long
# one, and more often, so that their medians are not one moment's
pattern=(1k 10k 1k 100k 1k 10k 1k)
work=$(mktemp -d /tmp/expert_network_bulk.XXXXXX)
trap 'rm -rf "$work"' EXIT
app_user=bench_app
app_password=bench_app		# as in load.sql
identity=user-1

psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
su_sql() { psql -At -c 'SET client_min_messages = warning' "$@"; }
app_psql() { PGUSER=$app_user PGPASSWORD=$app_password psql -At "$@"; }
median() { sort -g "$1" | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)]; else print "-" }'; }
fail() { echo "$*" >&2; touch "$work/failed"; }
label() { case $1 in 1000) echo 1k ;; 10000) echo 10k ;; 100000) echo 100k ;; *) echo "$1" ;; esac; }

echo "== expert_network bulk-insert benchmark: per-row time of INSERT ... SELECT at 1k, 10k and 100k rows"
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
machine="nproc $(nproc), memory $mem"
echo "machine: $machine, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
psql -c 'CREATE EXTENSION expert_network'
echo "PostgreSQL $(psql -Atc 'SHOW server_version')," \
  "expert_network $(psql -Atc "SELECT extversion FROM pg_extension WHERE extname = 'expert_network'")," \
  "shared_buffers $(psql -Atc 'SHOW shared_buffers'), work_mem $(psql -Atc 'SHOW work_mem')"
psql -f $dir/load.sql >/dev/null

# the tables the runs write: VACUUM takes the rolled-back rows out and
# truncates the tables back to empty (no ANALYZE: the statistics stay stale)
tables=(campaigns campaign_vendor_enrollments experts interviews status_history completed_interviews)
reset_tables() {
  local t args=()
  for t in "${tables[@]}"; do args+=(-c "VACUUM expert_network.$t"); done
  su_sql "${args[@]}" -c 'CHECKPOINT'
}

# session1 N [extra psql on stdin]: (E) N experts, a one-row interview, (I)
# N - 1 interviews, in one transaction of a new session of bench_app; prints
# "E wall cpu waited", "I wall cpu waited", then what the extra psql prints,
# run after (I), before the rollback
session1() {
  local extra
  extra=$(cat)
  reset_tables
  app_psql <<SQL
\\set ON_ERROR_STOP on
BEGIN;
SET LOCAL expert_network.user_id = '$identity';
\\i $dir/campaign.sql
\\set first 1
\\set last $1
SELECT clock_timestamp() AS t0, bench.schedstat() AS s0 \\gset
\\i $dir/experts.sql
SELECT 'E ' || bench.took(:'t0', :'s0');
-- one row first: the extension's kept plans for interviews made for one row
\\set last 1
\\i $dir/interviews.sql
\\set first 2
\\set last $1
SELECT clock_timestamp() AS t0, bench.schedstat() AS s0 \\gset
\\i $dir/interviews.sql
SELECT 'I ' || bench.took(:'t0', :'s0');
$extra
ROLLBACK;
SQL
}

# session2 N [extra psql on stdin]: a one-row expert, then (F) N - 1
# experts, in one transaction of a new session of bench_app; prints
# "F wall cpu waited", then what the extra psql prints
session2() {
  local extra
  extra=$(cat)
  reset_tables
  app_psql <<SQL
\\set ON_ERROR_STOP on
BEGIN;
SET LOCAL expert_network.user_id = '$identity';
\\i $dir/campaign.sql
\\set first 1
\\set last 1
\\i $dir/experts.sql
\\set first 2
\\set last $1
SELECT clock_timestamp() AS t0, bench.schedstat() AS s0 \\gset
\\i $dir/experts.sql
SELECT 'F ' || bench.took(:'t0', :'s0');
$extra
ROLLBACK;
SQL
}

# what the statements did, read before the rollback of run 1
check1='SELECT format($$check: %s experts, %s scheduled; %s interviews; campaign scheduled_calls %s; history: %s expert, %s interview rows$$,
       (SELECT count(*) FROM expert_network.experts),
       (SELECT count(*) FROM expert_network.experts WHERE status = $$scheduled$$),
       (SELECT count(*) FROM expert_network.interviews),
       (SELECT scheduled_calls FROM expert_network.campaigns),
       (SELECT count(*) FROM expert_network.status_history WHERE entity = $$expert$$),
       (SELECT count(*) FROM expert_network.status_history WHERE entity = $$interview$$));'
check2='SELECT format($$check: %s experts, %s reviewed; history: %s expert rows$$,
       (SELECT count(*) FROM expert_network.experts),
       (SELECT count(*) FROM expert_network.experts WHERE status = $$reviewed$$),
       (SELECT count(*) FROM expert_network.status_history WHERE entity = $$expert$$));'

# one size: both sessions; records each measurement (in all and per run)
# and prints one line part; with a check also what the statements did, to
# $work/check.txt
measure() {			# N run (0: untimed) check?
  local n=$1 out part="" line s extra k w c q
  for s in 1 2; do
    extra=
    if [ "$3" = yes ]; then
      if [ "$s" = 1 ]; then extra=$check1; else extra=$check2; fi
    fi
    if out=$(session$s "$n" <<<"$extra" 2>&1); then
      while read -r line; do
        case $line in
          [EIF]\ *)
            read -r k w c q <<<"$line"
            part+=$(printf ' %s %s ms (cpu %s, waited %s);' "$k" "$w" "$c" "$q")
            if [ "$2" != 0 ]; then
              echo "$w" >>"$work/$k.$n.ms"
              echo "$c" >>"$work/$k.$n.cpu"
              echo "$w" >>"$work/$k.$n.r$2.ms"
              echo "$c" >>"$work/$k.$n.r$2.cpu"
            fi ;;
          check:*) printf '%-5s session %s %s\n' "$(label "$n")" "$s" "$line" >>"$work/check.txt" ;;
          *) [ -z "$line" ] || part+=" [$line]" ;;
        esac
      done <<<"$out"
    else
      fail "    $(label "$n") session $s failed: $out"
    fi
  done
  echo "$part"
}

echo
echo "== the inserts, as $app_user with SET LOCAL expert_network.user_id = '$identity', each run rolled back"
echo "   (E) N experts, first experts statement of the session; (I) N - 1 interviews after a one-row interview;"
echo "   (F) N - 1 experts after a one-row expert; wall-clock ms, the backend's CPU ms and ms waited for a CPU"
echo "  untimed round, 1k:$(measure 1000 0 no)"
echo "  timed runs, each: ${pattern[*]} rows (the small sizes around the large one, more samples of the short ones)"
declare -A checked=()
for r in $(seq 1 "$runs"); do
  for n in "${pattern[@]}"; do
    n=${n%k}000
    check=no
    if [ -z "${checked[$n]:-}" ]; then check=yes; checked[$n]=1; fi
    printf '    run %s, %-5s%s  (load %s)\n' "$r" "$(label "$n"):" "$(measure "$n" "$r" "$check")" "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
echo "  what the statements did (run 1, before its rollback):"
sort -g "$work/check.txt" 2>/dev/null | sed 's/^/    /'
echo "  (expected, session 1: N experts, N scheduled, N interviews, scheduled_calls N, 2N expert and N interview rows;"
echo "   session 2: N experts, N reviewed, N expert rows)"

# --- result --------------------------------------------------------------------
rows_of() { if [ "$1" = E ]; then echo "$2"; else echo $(( $2 - 1 )); fi; }
med() { if [ -s "$work/$1" ]; then median "$work/$1"; else echo -; fi; }
# µs per row of a median of ms
per_row() {			# ms statement size
  awk -v t="$1" -v r="$(rows_of "$2" "$3")" 'BEGIN { if (t == "-") print "-"; else printf "%.1f", 1000 * t / r }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f", a / b }'; }
verdict() {			# ratio, op, bound
  awk -v r="$1" -v op="$2" -v b="$3" 'BEGIN {
    if (r == "-") print "no result";
    else if ((op == "<=" && r <= b) || (op == ">=" && r >= b)) print "met";
    else print "missed" }'
}
declare -A m us n_of
for k in E I F; do
  for n in "${sizes[@]}"; do
    for u in ms cpu; do
      m[$k.$n.$u]=$(med "$k.$n.$u")
      us[$k.$n.$u]=$(per_row "${m[$k.$n.$u]}" "$k" "$n")
    done
    n_of[$k.$n]=$( { wc -l <"$work/$k.$n.ms"; } 2>/dev/null || echo 0)
  done
done
# the ratio within each run: the run's N rows against its own 1k samples,
# taken minutes apart from the other runs' (prints the ratios, then their
# median in brackets)
per_run() {			# statement size
  local r a b
  for r in $(seq 1 "$runs"); do
    a=$(per_row "$(med "$1.$2.r$r.ms")" "$1" "$2")
    b=$(per_row "$(med "$1.1000.r$r.ms")" "$1" 1000)
    ratio "$a" "$b"; echo
  done >"$work/per_run"
  echo "$(grep -v '^-$' "$work/per_run" | paste -sd ' ') (median $(grep -v '^-$' "$work/per_run" | median /dev/stdin))"
}

echo
echo "== result (machine: $machine; load average now $(cut -d' ' -f1-3 /proc/loadavg))"
echo "   medians over $runs runs (samples: 1k ${n_of[I.1000]}, 10k ${n_of[I.10000]}, 100k ${n_of[I.100000]});"
echo "   µs/row = median ms / rows, (I) and (F) N - 1 rows, (E) N; x1k = µs/row / µs/row at 1k"
fmt='%5s | %9s %7s %5s | %9s %7s %5s | %9s %7s %5s\n'
printf '%5s | %-23s | %-23s | %s\n' '' '(I) interviews' '(E) experts' '(F) experts after 1 row'
printf "$fmt" size ms 'µs/row' x1k ms 'µs/row' x1k ms 'µs/row' x1k
for n in "${sizes[@]}"; do
  line=("$(label "$n")")
  for k in I E F; do
    x=
    [ "$n" = 1000 ] || x=$(ratio "${us[$k.$n.ms]}" "${us[$k.1000.ms]}")
    line+=("${m[$k.$n.ms]}" "${us[$k.$n.ms]}" "$x")
  done
  printf "$fmt" "${line[@]}"
done
echo
echo "   per-row time at N / per-row time at 1k; target (issue 13) <= 1.5: flat (quadratic would be about 10 and 100)"
fmt='%-48s %9s %9s %6s %7s  %-7s %7s  %s\n'
printf "$fmt" comparison first second ratio target result on-CPU 'within each run'
declare -A what=(
  [I]='interviews after a one-row insert (I)'
  [E]='experts, first in the session (E)'
  [F]='experts after a one-row insert (F)'
)
for k in I E F; do
  for n in 10000 100000; do
    r=$(ratio "${us[$k.$n.ms]}" "${us[$k.1000.ms]}")
    rc=$(ratio "${us[$k.$n.cpu]}" "${us[$k.1000.cpu]}")
    rr=$(per_run "$k" "$n")
    printf "$fmt" "${what[$k]}, $(label "$n")/1k" "${us[$k.$n.ms]} µs" "${us[$k.1000.ms]} µs" \
      "$r" '<= 1.5' "$(verdict "$r" '<=' 1.5)" "$rc" "$rr"
    # the report of bench/run: wall clock judged; on-CPU and per run also
    en_bench_row bulk "INSERT...SELECT µs per row, $(label "$n") / 1k rows: ${what[$k]}" \
      "${us[$k.$n.ms]} µs" "${us[$k.1000.ms]} µs" "$r" '<=' 1.5 "backend on-CPU $rc; within each run $rr"
  done
done
echo "   (wall clock judged; on-CPU: the same ratio of the backend's time on a CPU, which waiting for one"
echo "   does not move; within each run: each run's N rows against its own 1k samples)"

[ ! -e "$work/failed" ]
