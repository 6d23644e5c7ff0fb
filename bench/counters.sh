#!/usr/bin/env bash
# bench/counters.sh — what the call counters (0.3.0) cost a write.
#
# Builds and installs the extension like test/run and bench/scoping.sh, then,
# in a throwaway cluster (pg_virtualenv -t; never a cluster you already run),
# loads 102 campaigns with 50 experts each (bench/counters/load.sql) and
# compares, on the real expert_network.interviews with every other trigger it
# has (a_enforce_owner, a_require_identity, set_updated_at, the foreign keys,
# the compliance gates with their tables empty), but for the double-booking
# checks (0.13.0), disabled by load.sql in every variant: the runs book calls
# at slots that overlap, and bench/calendar.sh measures those checks:
#
#   (A) counters   as installed: the C statement triggers count_calls_*
#   (B) none       count_calls_* disabled (ALTER TABLE ... DISABLE TRIGGER, as
#                  the superuser): the same table and triggers, no counters
#   (C) plpgsql    count_calls_* disabled, the usual PL/pgSQL row trigger
#                  bench.count_calls_row() enabled (one UPDATE of campaigns
#                  per row); protect_call_counters on campaigns disabled too,
#                  as it refuses counter writes that are not the extension's
#
# Part 1: one INSERT ... SELECT of 100,000 interviews across 100 campaigns
# (bench/counters/insert_select.sql), as the application role with its
# identity set; median of BENCH_RUNS (5) runs per variant, order rotated,
# each in a new session and its own transaction, rolled back, on a freshly
# truncated interviews and rewritten campaigns; a one-row insert first in the
# same session (plans, caches, PL/pgSQL compiled), and an untimed round of
# (A) and (B) before the first timed run.  Targets: A/B <= 1.25, C/A >= 3.
#
# Part 2: pgbench -n -M prepared -T BENCH_SECONDS (20) -c 2 -j 2, one
# interview per transaction (BEGIN; set_config(identity); INSERT; COMMIT),
# each client on its own campaign; BENCH_TPS_RUNS (3) runs of (A) and of (B),
# alternating, median TPS.  Target: TPS(A)/TPS(B) >= 0.85.
#
# Both parts also measure CPU time: the inserting backend's (part 1, from
# /proc) and, per transaction, the server's backends' plus pgbench's (part
# 2).  On a machine shared with other work, wall time and TPS move with the
# neighbours' load; CPU time much less.  The table shows both.
#
# Then where the time goes (track_functions, auto_explain with triggers and
# nested statements, the delta query planned per call or once), and the
# result table.  A benchmark, not a test: exits 0 whatever the timings;
# non-zero only when something failed to run.  About 7 minutes, (C) half of
# it.  The schema is the default version (see BENCH_EXTVERSION below).
set -eu
cd "$(dirname "$0")/.."

. bench/lib.bash
if [ "${1:-}" != --inside ]; then
  en_bench_outside bench/counters.sh -o shared_buffers=2GB
fi

# ---------------------------------------------------------------------------
# Inside the throwaway cluster: PGHOST, PGPORT, PGUSER (the superuser) and
# PGPASSWORD are set by pg_virtualenv; under bench/run (make bench), which
# runs every benchmark in one cluster, PGDATABASE is a database of its own.
# ---------------------------------------------------------------------------
dir=bench/counters
runs=${BENCH_RUNS:-5}
seconds=${BENCH_SECONDS:-20}
tps_runs=${BENCH_TPS_RUNS:-3}
rows=100000
pgbench=/usr/lib/postgresql/15/bin/pgbench
work=$(mktemp -d /tmp/expert_network_counters.XXXXXX)
trap 'rm -rf "$work"' EXIT
app_user=bench_app
app_password=bench_app		# as in load.sql
tick=$(getconf CLK_TCK)		# /proc CPU times are in these

psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
su_sql() { psql -At -c 'SET client_min_messages = warning' "$@"; }
app_psql() { PGUSER=$app_user PGPASSWORD=$app_password psql -At "$@"; }
step() { printf '%-58s' "$1"; }
took() { echo "$(( SECONDS - $1 )) s"; }
median() { sort -g "$1" | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)]; else print "-" }'; }
fail() { echo "$*" >&2; touch "$work/failed"; }
# CPU time (user + system, in ticks) of the children a process has reaped:
# for the postmaster, that of its exited backends
cpu_of_children() { awk '{ print $16 + $17 }' "/proc/$1/stat"; }
# psql's \! runs this with EN_BENCH_PID set (\setenv) to the backend's pid
printf '#!/bin/sh\nawk %s "/proc/$EN_BENCH_PID/stat" >>"$1"\n' "'{ print \$14 + \$15 }'" >"$work/ticks.sh"

echo "== expert_network call counter benchmark"
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
echo "machine: nproc $(nproc), memory $mem, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"

# The schema under test: the default version, every trigger the product has
# (from 0.4.0 the workflow triggers run too, in (A) and (B) alike).
# BENCH_EXTVERSION=0.3.0 measures the counters as 0.3.0 shipped them (0.2.0
# plus the 0.2.0--0.3.0 upgrade script), BENCH_EXTVERSION=x.y.z that
# version's full script.
extversion=${BENCH_EXTVERSION:-default}
case $extversion in
  default) psql -c 'CREATE EXTENSION expert_network' ;;
  0.3.0)   psql -c "CREATE EXTENSION expert_network VERSION '0.2.0'" \
                -c "ALTER EXTENSION expert_network UPDATE TO '0.3.0'" ;;
  *)       psql -c "CREATE EXTENSION expert_network VERSION '$extversion'" ;;
esac
echo "PostgreSQL $(psql -Atc 'SHOW server_version')," \
  "expert_network $(psql -Atc "SELECT extversion FROM pg_extension WHERE extname = 'expert_network'")," \
  "shared_buffers $(psql -Atc 'SHOW shared_buffers'), synchronous_commit $(psql -Atc 'SHOW synchronous_commit')"
postmaster=$(head -1 "$(psql -Atc 'SHOW data_directory')/postmaster.pid")

# --- data ------------------------------------------------------------------
t=$SECONDS
step "load: 102 campaigns, 5,100 experts, role, (C) trigger"
psql -f $dir/load.sql >/dev/null
su_sql -c 'VACUUM ANALYZE' -c 'CHECKPOINT'
if su_sql -c 'CREATE EXTENSION pg_prewarm' 2>/dev/null; then
  su_sql >/dev/null -c "
    SELECT pg_prewarm(c.oid)
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'expert_network' AND c.relkind IN ('r', 'i') AND c.relpages > 0"
fi
took "$t"

# --- variants --------------------------------------------------------------
variants=(a b c)
declare -A vname=(
  [a]='(A) C counters'
  [b]='(B) no counters'
  [c]='(C) PL/pgSQL row trigger'
)
# set_variant V: the trigger state of variant V, as the superuser
set_variant() {
  local on_c=ENABLE on_p=DISABLE protect=ENABLE t
  case $1 in
    b) on_c=DISABLE ;;
    c) on_c=DISABLE on_p=ENABLE protect=DISABLE ;;
  esac
  {
    echo "BEGIN;"
    for t in count_calls_insert count_calls_update count_calls_delete count_calls_truncate; do
      echo "ALTER TABLE expert_network.interviews $on_c TRIGGER $t;"
    done
    echo "ALTER TABLE expert_network.interviews $on_p TRIGGER count_calls_plpgsql;"
    echo "ALTER TABLE expert_network.campaigns $protect TRIGGER protect_call_counters;"
    echo "COMMIT;"
  } | psql -At
}
# reset: interviews empty (its TRUNCATE trigger zeroes the counters),
# campaigns rewritten without the versions earlier runs left, nothing dirty
reset_tables() {
  set_variant a
  su_sql -c 'TRUNCATE expert_network.interviews CASCADE' \
         -c 'VACUUM FULL expert_network.campaigns' \
         -c 'VACUUM expert_network.experts' \
         -c 'CHECKPOINT'
}
triggers_of() {
  su_sql -F ' ' -c "
    SELECT string_agg(tgname || CASE WHEN tgenabled = 'D' THEN ' (off)' ELSE '' END, ', ' ORDER BY tgname)
    FROM pg_trigger WHERE tgrelid = '$1'::regclass AND NOT tgisinternal"
}

echo
echo "== triggers per variant (foreign-key triggers, always on, not shown)"
for v in "${variants[@]}"; do
  set_variant "$v"
  echo "  ${vname[$v]}"
  echo "    interviews: $(triggers_of expert_network.interviews)"
  echo "    campaigns:  $(triggers_of expert_network.campaigns)"
done

# --- part 1: INSERT ... SELECT ----------------------------------------------
# insert_run V: one timed insert of $rows rows in variant V, in a new session
# of bench_app; prints "wall-ms cpu-ms" (the backend's CPU time over the
# insert), then whatever the psql on stdin prints, run after the timing and
# before the rollback
insert_run() {
  local v=$1 extra out ticks
  extra=$(cat)
  reset_tables
  set_variant "$v"
  rm -f "$work/ticks"
  out=$(app_psql <<SQL
\\set ON_ERROR_STOP on
-- warm-up: a one-row insert, rolled back (plans, catalog caches, PL/pgSQL)
BEGIN;
SELECT set_config('expert_network.user_id', 'user-1', true) \\g /dev/null
\\set n 1
\\i $dir/insert_select.sql
ROLLBACK;
-- its function statistics out of the way of the next transaction's
SELECT pg_stat_force_next_flush() \\g /dev/null
SELECT pg_backend_pid() AS pid \\gset
\\setenv EN_BENCH_PID :pid
\\set n $rows
BEGIN;
SELECT set_config('expert_network.user_id', 'user-1', true) \\g /dev/null
\\! sh $work/ticks.sh $work/ticks
SELECT clock_timestamp() AS t0 \\gset
\\i $dir/insert_select.sql
SELECT round(1000 * extract(epoch FROM clock_timestamp() - :'t0'::timestamptz), 1);
\\! sh $work/ticks.sh $work/ticks
$extra
ROLLBACK;
SQL
) || { printf '%s\n' "$out"; return 1; }
  ticks=$(paste -sd ' ' "$work/ticks")
  printf '%s %s\n' "$(sed -n 1p <<<"$out")" \
    "$(awk -v t="$ticks" -v hz="$tick" 'BEGIN { split(t, a, " "); printf "%.0f", (a[2] - a[1]) * 1000 / hz }')"
  sed -n '2,$p' <<<"$out"
}

echo
echo "== part 1: INSERT ... SELECT of $rows interviews across 100 campaigns, as $app_user"
echo "   (wall ms, and the backend's CPU ms in brackets)"
# what the counters read after the insert
check_counters='SELECT format($$counters: %s campaigns, scheduled %s, completed %s; verify_counters(): %s drifted$$,
       count(*), sum(scheduled_calls), sum(completed_calls),
       (SELECT count(*) FROM expert_network.verify_counters()))
FROM expert_network.campaigns;'
# untimed: (A) and (B) once each, so that every timed run, the first
# included, finds the experts and campaigns as the runs before left them
# ((C) takes half a minute and leaves the same state)
line="  untimed warm-up:"
for v in a b; do
  if out=$(insert_run "$v" </dev/null 2>&1); then
    read -r ms cpu <<<"$out"
    line+=$(printf ' %s %s ms (%s);' "${v^^}" "$ms" "$cpu")
  else
    fail "    ${vname[$v]} failed: $out"
  fi
done
echo "$line"
echo "  timed runs, order rotated each run:"
for r in $(seq 1 "$runs"); do
  order=("${variants[@]:$(( (r - 1) % 3 ))}" "${variants[@]:0:$(( (r - 1) % 3 ))}")
  line="    run $r:"
  for v in "${order[@]}"; do
    # the first run also reads the counters
    extra=
    [ "$r" = 1 ] && extra=$check_counters
    if out=$(insert_run "$v" <<<"$extra" 2>&1); then
      read -r ms cpu <<<"$out"
      echo "$ms" >>"$work/insert_$v.ms"
      echo "$cpu" >>"$work/insert_$v.cpu"
      line+=$(printf ' %s %s ms (%s);' "${v^^}" "$ms" "$cpu")
      [ "$r" = 1 ] && printf '%-26s %s\n' "${vname[$v]}" "$(sed -n 2p <<<"$out")" >>"$work/counters.txt"
    else
      fail "    ${vname[$v]} failed: $out"
    fi
  done
  echo "$line"
done
echo "  after the insert of run 1, before its rollback:"
sort "$work/counters.txt" 2>/dev/null | sed 's/^/    /'
echo "  (expected: (A) and (C) scheduled 50000, completed 40000, 0 drifted; (B) 0, 0, 200 drifted)"

# --- part 2: single-row inserts with pgbench ---------------------------------
# tps_run V SECONDS LOG: prints "tps cpu-µs-per-transaction", the CPU of the
# server's backends (reaped by the postmaster) plus pgbench's own
tps_run() {
  local c0 c1 n tps pb
  reset_tables
  set_variant "$1"
  sleep 0.5			# the backends of the resets reaped
  c0=$(cpu_of_children "$postmaster")
  if ! { TIMEFORMAT='pgbench cpu %U %S'
         time PGUSER=$app_user PGPASSWORD=$app_password \
           "$pgbench" -n -M prepared -T "$2" -c 2 -j 2 -f $dir/insert_one.pgbench; } >"$3" 2>&1; then
    fail "pgbench (${vname[$1]}) failed: $(tail -5 "$3")"
    echo "- -"
    return
  fi
  sleep 1			# the clients' backends reaped
  c1=$(cpu_of_children "$postmaster")
  tps=$(awk '/^tps/ { print $3 }' "$3")
  n=$(awk '/^number of transactions actually processed/ { print $NF }' "$3")
  pb=$(awk '/^pgbench cpu/ { print $3 + $4 }' "$3")
  awk -v tps="$tps" -v n="$n" -v c=$(( c1 - c0 )) -v hz="$tick" -v pb="$pb" \
    'BEGIN { printf "%s %.0f\n", tps, (c / hz + pb) * 1e6 / n }'
}

echo
echo "== part 2: pgbench -n -M prepared -T $seconds -c 2 -j 2, one interview per transaction, as $app_user"
echo "   (tps, and in brackets CPU µs per transaction: server backends + pgbench)"
for v in a b; do
  tps_run "$v" 3 "$work/warmup.log" >/dev/null
done
for r in $(seq 1 "$tps_runs"); do
  if [ $(( r % 2 )) -eq 1 ]; then order=(a b); else order=(b a); fi
  line="    run $r:"
  for v in "${order[@]}"; do
    read -r tps cpu < <(tps_run "$v" "$seconds" "$work/tps_${v}_$r.log")
    if [ "$tps" != - ]; then
      echo "$tps" >>"$work/tps_$v.tps"
      echo "$cpu" >>"$work/tps_$v.cpu"
    fi
    line+=$(printf ' %s %.0f tps (%s µs)' "${v^^}" "${tps/-/0}" "$cpu")
    if [ "$v" = a ]; then
      line+=$(su_sql -c "SELECT format(' %s rows, %s counters drifted;', (SELECT count(*) FROM expert_network.interviews),
                                       (SELECT count(*) FROM expert_network.verify_counters()))")
    else
      line+=';'
    fi
  done
  echo "$line"
done

# --- where the time goes -----------------------------------------------------
echo
echo "== where the time goes (1): one more INSERT ... SELECT of (A) and (B), track_functions = all"
echo "   (trigger functions; total includes the statements they run through SPI;"
echo "   foreign-key checks are internal functions, not counted here)"
su_sql -c "ALTER ROLE $app_user SET track_functions = 'all'"
for v in a b; do
  out=$(insert_run "$v" 2>&1 <<'SQL'
SELECT format('      %-40s %8s calls %10s ms total %10s ms self', schemaname || '.' || funcname,
              calls, round(total_time::numeric, 1), round(self_time::numeric, 1))
FROM pg_stat_xact_user_functions ORDER BY total_time DESC;
SQL
) || fail "    ${vname[$v]} failed: $out"
  echo "    ${vname[$v]}: INSERT $(sed -n 1p <<<"$out" | awk '{ print $1 }') ms"
  sed -n '2,$p' <<<"$out"
done
su_sql -c "ALTER ROLE $app_user RESET track_functions"

echo
echo "== where the time goes (2): (A) the INSERT ... SELECT under auto_explain (ANALYZE, triggers, nested statements over 5 ms)"
echo "   (as the superuser with the identity user-1; the 200,000 parent look-ups of a_enforce_owner are each far below 5 ms)"
reset_tables
set_variant a
out=$(psql -At -v n="$rows" 2>&1 <<SQL
\\set ON_ERROR_STOP on
LOAD 'auto_explain';
SET auto_explain.log_min_duration = 5;
SET auto_explain.log_analyze = on;
SET auto_explain.log_nested_statements = on;
SET auto_explain.log_triggers = on;
SET auto_explain.log_level = notice;
SET client_min_messages = notice;
BEGIN;
SELECT set_config('expert_network.user_id', 'user-1', true) \\g /dev/null
\\i $dir/insert_select.sql
ROLLBACK;
SQL
) || fail "auto_explain run failed: $out"
# the nested statements: from the delta query's notice up to the insert's own
awk '/Query Text: SELECT campaign_id/ { p = 1 } /Query Text: INSERT INTO expert_network.interviews/ { p = 0 } p' <<<"$out" |
  sed -e 's/^psql:[^ ]* NOTICE: */NOTICE: /' -e 's/^/   /' | cut -c1-160
echo "   the INSERT itself: $(grep -o 'Insert on interviews.*' <<<"$out" | head -1)"
grep -E '^\s*Trigger ' <<<"$out" | sed 's/^ */     /' | head -12

echo
echo "== where the time goes (3): (A) single-row inserts, pgbench -T 5 -c 2 -j 2 as in part 2, track_functions = all"
reset_tables
set_variant a
su_sql -c "ALTER ROLE $app_user SET track_functions = 'all'" -c 'SELECT pg_stat_reset()' >/dev/null
tps=$(PGUSER=$app_user PGPASSWORD=$app_password \
      "$pgbench" -n -M prepared -T 5 -c 2 -j 2 -f $dir/insert_one.pgbench 2>&1 | awk '/^tps/ { print $3 }') ||
  fail "pgbench with track_functions failed"
sleep 1				# the clients' backends report their counts as they exit
su_sql -c "ALTER ROLE $app_user RESET track_functions"
echo "   $(printf '%.0f' "${tps:-0}") tps; per call of each trigger function:"
su_sql -c "
  SELECT format('     %-40s %8s calls %8s µs total %8s µs self', schemaname || '.' || funcname, calls,
                round((1000 * total_time / calls)::numeric, 1), round((1000 * self_time / calls)::numeric, 1))
  FROM pg_stat_user_functions WHERE schemaname = 'expert_network' AND calls > 0 ORDER BY total_time DESC"

echo
echo "== where the time goes (4): count_calls' delta query on a one-row statement, as SPI_execute runs it"
echo "   (parsed, analysed and planned at every call) and as a kept plan would (planned once);"
echo "   a tight loop over a one-row temporary table en_new standing in for the transition table"
delta=$(grep -o 'Query Text: SELECT campaign_id.*' <<<"$out" | head -1 | sed 's/^Query Text: //')
if [ -n "$delta" ]; then
  psql -At -v delta="$delta" 2>&1 <<'SQL' | sed -n 's/^.*NOTICE: *//p' | sed 's/^/   /'
\set ON_ERROR_STOP on
SET client_min_messages = notice;
CREATE TEMP TABLE en_new AS SELECT bench.campaign_uuid(101) AS campaign_id, 'scheduled'::expert_network.interview_status AS status;
ANALYZE en_new;
SELECT set_config('bench.delta', :'delta', false) \g /dev/null
PREPARE delta AS :delta;
DO $$
DECLARE
    q text := current_setting('bench.delta');
    n int := 3000;
    t timestamptz;
    each_call float8;
    prepared float8;
    floor float8;
BEGIN
    FOR i IN 1..100 LOOP EXECUTE q; EXECUTE 'EXECUTE delta'; EXECUTE 'SELECT 1'; END LOOP;
    t := clock_timestamp();
    FOR i IN 1..n LOOP EXECUTE q; END LOOP;
    each_call := 1e6 * extract(epoch FROM clock_timestamp() - t) / n;
    t := clock_timestamp();
    FOR i IN 1..n LOOP EXECUTE 'EXECUTE delta'; END LOOP;
    prepared := 1e6 * extract(epoch FROM clock_timestamp() - t) / n;
    t := clock_timestamp();
    FOR i IN 1..n LOOP EXECUTE 'SELECT 1'; END LOOP;
    floor := 1e6 * extract(epoch FROM clock_timestamp() - t) / n;
    RAISE NOTICE 'parsed and planned every call: % µs; prepared: % µs; (dynamic SELECT 1: % µs)',
        round(each_call::numeric, 1), round(prepared::numeric, 1), round(floor::numeric, 1);
END
$$;
SQL
else
  echo "   (the delta query's text was not found in the auto_explain output)"
fi

# --- result --------------------------------------------------------------------
echo
med() { if [ -s "$work/$1" ]; then median "$work/$1"; else echo -; fi; }
ma=$(med insert_a.ms); mb=$(med insert_b.ms); mc=$(med insert_c.ms)
ca=$(med insert_a.cpu); cb=$(med insert_b.cpu); cc=$(med insert_c.cpu)
ta=$(med tps_a.tps); tb=$(med tps_b.tps)
pa=$(med tps_a.cpu); pb=$(med tps_b.cpu)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f", a / b }'; }
verdict() {			# ratio, op, bound
  awk -v r="$1" -v op="$2" -v b="$3" 'BEGIN {
    if (r == "-") print "no result";
    else if ((op == "<=" && r <= b) || (op == ">=" && r >= b)) print "met";
    else print "NOT met" }'
}
num() { [ "$1" = - ] && echo - || printf '%.0f' "$1"; }
echo "== result (machine: nproc $(nproc), memory $mem; load average now $(cut -d' ' -f1-3 /proc/loadavg))"
echo "   part 1: median of $runs runs of one INSERT ... SELECT of $rows rows; part 2: median of $tps_runs pgbench runs of ${seconds} s"
fmt='%-44s %13s %13s %6s %8s  %s\n'
row() {				# comparison, first, second, unit, op, bound
  local r
  r=$(ratio "$2" "$3")
  printf "$fmt" "$1" "$(num "$2") $4" "$(num "$3") $4" "$r" "$5 $6" "$(verdict "$r" "$5" "$6")"
}
printf "$fmt" comparison first second ratio target result
row 'INSERT...SELECT time (A) counters / (B) none' "$ma" "$mb" ms '<=' 1.25
row 'INSERT...SELECT time (C) PL/pgSQL / (A)' "$mc" "$ma" ms '>=' 3
row 'pgbench TPS (A) counters / (B) none' "$ta" "$tb" tps '>=' 0.85
echo "   the same by CPU time, which other work on the machine moves much less:"
row 'INSERT...SELECT CPU (A) / (B)' "$ca" "$cb" ms '<=' 1.25
row 'INSERT...SELECT CPU (C) / (A)' "$cc" "$ca" ms '>=' 3
row 'pgbench CPU per transaction (B) / (A)' "$pb" "$pa" us '>=' 0.85

# the report of bench/run: wall clock and TPS judged, as above; CPU also
en_bench_row counters 'INSERT...SELECT of 100,000 rows: (A) counters / (B) none' \
  "$(num "$ma") ms" "$(num "$mb") ms" "$(ratio "$ma" "$mb")" '<=' 1.25 "backend CPU $(ratio "$ca" "$cb")"
en_bench_row counters 'INSERT...SELECT of 100,000 rows: (C) PL/pgSQL row trigger / (A) counters' \
  "$(num "$mc") ms" "$(num "$ma") ms" "$(ratio "$mc" "$ma")" '>=' 3 "backend CPU $(ratio "$cc" "$ca")"
en_bench_row counters 'single-row inserts, pgbench -c 2 TPS: (A) counters / (B) none' \
  "$(num "$ta") tps" "$(num "$tb") tps" "$(ratio "$ta" "$tb")" '>=' 0.85 \
  "CPU per transaction (B)/(A) $(ratio "$pb" "$pa")"

[ ! -e "$work/failed" ]
