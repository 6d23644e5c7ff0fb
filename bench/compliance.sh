#!/usr/bin/env bash
# bench/compliance.sh — what the compliance gates (0.10.0, 0.11.0) cost scheduling
# (issue 14, item 7, "Cost"): a bulk INSERT ... SELECT of 10,000 interviews
# screened against a 5,000-entry restricted list and 5 employments per
# expert, against the same statement with the gates' tables empty; and
# single bookings through schedule_interview() with and without the gates.
#
# Builds and installs the extension like test/run and the other benchmarks,
# then, in a throwaway cluster (pg_virtualenv -t; never a cluster you already
# run), loads as the superuser on the restore path (bench/compliance/
# load.sql): user-1's 10 campaigns, GLG enrolled in each, 10,000 experts
# 'reviewed' (1,000 per campaign), and the application role bench_app
# (grant_access 'app': not superuser, not BYPASSRLS); then the gates'
# tables (bench/compliance/gates.sql): a 5,000-entry restricted list
# (realistic company names, 40 % with a ticker, 30 % with aliases), 5
# employments per expert (the current one; the previous one, left in
# mid-2024, so that most calls fall in its 3- or 6-month cooling-off
# window, at a company neither restricted nor a subject; three older ones,
# for one expert in ten the oldest at a restricted company), 3 subject
# companies per campaign, a policy (6 and 3 months, attestations required),
# and 20 approved exceptions for the only 20 experts a screen catches (10
# working at a restricted company written another way, 10 who left a
# subject company 30 days before their call): every call passes or is
# excepted, none is refused (a refusal would abort the statement).
#
#   (A) gates      as installed, the gates' tables filled
#   (B) empty      as installed, restricted_companies, expert_employments,
#                  campaign_subject_companies, compliance_policies and
#                  compliance_exceptions emptied (TRUNCATE, as the
#                  superuser): the gate still screens every call (the
#                  employer is then experts.company) and logs two decisions
#                  per call
#   (C) no gates   compliance_gate_insert and compliance_gate_update disabled
#                  (ALTER TABLE ... DISABLE TRIGGER, as the superuser): no
#                  screen, no log
#
# Part 1: one INSERT ... SELECT of 10,000 interviews, status 'scheduled',
# one per expert, the call on 2025-01-06 + e % 300 (bench/compliance/
# insert_select.sql), as bench_app with SET LOCAL expert_network.user_id =
# 'user-1', in a new session after a one-row insert rolled back (plans,
# caches), in a transaction rolled back.  Timed in the server:
# clock_timestamp() before and after (AFTER triggers included: they fire at
# the end of the statement) and the backend's /proc/<pid>/schedstat
# (bench.took: wall clock, time on a CPU, time waiting for one).  Before each
# run, as the superuser: VACUUM (no ANALYZE) of the tables the runs write
# (interviews, experts, campaigns, status_history, compliance_log), which
# takes the rolled-back rows out, and CHECKPOINT; whenever the gates' tables
# are filled or emptied, VACUUM ANALYZE of those five, so that the planner
# knows them as they are (the rest was analyzed once after loading, the
# written tables empty).  One untimed run of each variant, then BENCH_RUNS
# (5) runs, in the order A C B, then B C A, and so on (the tables change
# once per run).  Target (issue 14): A/B <= 1.3; B/C shown, what the gate
# costs with nothing to find.
#
# Part 2: pgbench -n -M prepared -T BENCH_SECONDS (15) -c 2 -j 2, one
# schedule_interview() per transaction, rolled back (bench/compliance/
# schedule_one.pgbench; client 0 books experts 1..5,000, client 1 the
# others, any date of the 300), as bench_app; (A) against (C), the gates'
# tables filled; BENCH_TPS_RUNS (5) runs of each, alternating, after a 3 s
# warm-up of each; the tables the runs write vacuumed before each.  Median
# TPS; the CPU per transaction (the server's backends, reaped by the
# postmaster, plus pgbench's own) also shown, and the median of each run's
# own A/C ratio (its two variants run one after the other, so the load of
# the machine moves both alike).  Target: TPS(A)/TPS(C) >= 0.85.
#
# Then where the time goes: the plan of the gate's screen query in one (A)
# statement (auto_explain in bench_app's session: ANALYZE, nested
# statements), whether the restricted list's GIN index serves the screens'
# probes under row-level security (with the leakproof expert_network.&& of
# 0.11.0, and, for contrast, with pg_catalog.&&, which 0.10.0 used), and
# the gate's time per booking (track_functions = all).
#
# Ratios, not absolute times, are the result.  A benchmark, not a test:
# exits 0 whatever the timings; non-zero only when something failed to run.
# About 4 minutes on a quiet machine with 2 cores (build not included).
# Environment: BENCH_RUNS (5), BENCH_SECONDS (15), BENCH_TPS_RUNS (5).
set -eu
cd "$(dirname "$0")/.."

. bench/lib.bash
if [ "${1:-}" != --inside ]; then
  en_bench_outside bench/compliance.sh -o shared_buffers=1GB
fi

# ---------------------------------------------------------------------------
# Inside the throwaway cluster: PGHOST, PGPORT, PGUSER (the superuser) and
# PGPASSWORD are set by pg_virtualenv; under bench/run (make bench), which
# runs every benchmark in one cluster, PGDATABASE is a database of its own.
# ---------------------------------------------------------------------------
dir=bench/compliance
runs=${BENCH_RUNS:-5}
seconds=${BENCH_SECONDS:-15}
tps_runs=${BENCH_TPS_RUNS:-5}
rows=10000
pgbench=/usr/lib/postgresql/15/bin/pgbench
work=$(mktemp -d /tmp/expert_network_compliance.XXXXXX)
app_user=bench_app
app_password=bench_app		# as in app_role.sql
identity=user-1
tick=$(getconf CLK_TCK)		# /proc CPU times are in these

psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
su_sql() { psql -At -c 'SET client_min_messages = warning' "$@"; }
app_psql() { PGUSER=$app_user PGPASSWORD=$app_password psql -At "$@"; }
step() { printf '%-62s' "$1"; }
took() { echo "$(( SECONDS - $1 )) s"; }
median() { sort -g "$1" | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)]; else print "-" }'; }
fail() { echo "$*" >&2; touch "$work/failed"; }
# CPU time (user + system, in ticks) of the children a process has reaped:
# for the postmaster, that of its exited backends
cpu_of_children() { awk '{ print $16 + $17 }' "/proc/$1/stat"; }

# what the run changed in the cluster, undone whatever happens
cleanup() {
  su_sql -c "ALTER ROLE $app_user RESET ALL" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== expert_network compliance gate benchmark: scheduling with and without the gates"
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
machine="nproc $(nproc), memory $mem"
echo "machine: $machine, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
psql -c 'CREATE EXTENSION expert_network'
echo "PostgreSQL $(psql -Atc 'SHOW server_version')," \
  "expert_network $(psql -Atc "SELECT extversion FROM pg_extension WHERE extname = 'expert_network'")," \
  "shared_buffers $(psql -Atc 'SHOW shared_buffers'), work_mem $(psql -Atc 'SHOW work_mem')"
postmaster=$(head -1 "$(psql -Atc 'SHOW data_directory')/postmaster.pid")

# --- data ------------------------------------------------------------------
# the gates' tables, filled (gates.sql) or emptied, as the superuser on the
# restore path; then analyzed as they are.  The state is kept in a file, as
# the runs call this from subshells.
gate_tables=(restricted_companies expert_employments campaign_subject_companies
             compliance_policies compliance_exceptions)
set_tables() {			# filled | empty
  local t list="" analyze=()
  [ "$(cat "$work/tables" 2>/dev/null)" != "$1" ] || return 0
  for t in "${gate_tables[@]}"; do
    list+="${list:+, }expert_network.$t"
    analyze+=(-c "VACUUM ANALYZE expert_network.$t")
  done
  if [ "$1" = filled ]; then
    su_sql -c "SET row_security = off" -c "SET expert_network.user_id = ''" -f $dir/gates.sql >/dev/null
  else
    su_sql -c "TRUNCATE $list"
  fi
  su_sql "${analyze[@]}"
  echo "$1" >"$work/tables"
}

t=$SECONDS
step "load: 10 campaigns, 10,000 experts, role bench_app"
psql -f $dir/load.sql >/dev/null
took "$t"
t=$SECONDS
step "the gates' tables (bench/compliance/gates.sql)"
set_tables filled
su_sql -c 'VACUUM ANALYZE' -c 'CHECKPOINT'
if su_sql -c 'CREATE EXTENSION IF NOT EXISTS pg_prewarm' 2>/dev/null; then
  su_sql >/dev/null -c "
    SELECT pg_prewarm(c.oid)
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'expert_network' AND c.relkind IN ('r', 'i') AND c.relpages > 0"
fi
took "$t"
su_sql -c "SET row_security = off" -c "
  SELECT format('  restricted_companies %s (%s with a ticker, %s with aliases, %s closed); expert_employments %s (%s current, %s public)',
                (SELECT count(*) FROM expert_network.restricted_companies),
                (SELECT count(*) FROM expert_network.restricted_companies WHERE ticker IS NOT NULL),
                (SELECT count(*) FROM expert_network.restricted_companies WHERE aliases <> '{}'),
                (SELECT count(*) FROM expert_network.restricted_companies WHERE applies_until IS NOT NULL),
                (SELECT count(*) FROM expert_network.expert_employments),
                (SELECT count(*) FROM expert_network.expert_employments WHERE ended_on IS NULL),
                (SELECT count(*) FROM expert_network.expert_employments WHERE publicly_traded))" \
  -c "
  SELECT format('  campaign_subject_companies %s; compliance_policies %s; compliance_exceptions %s; experts %s reviewed',
                (SELECT count(*) FROM expert_network.campaign_subject_companies),
                (SELECT count(*) FROM expert_network.compliance_policies),
                (SELECT count(*) FROM expert_network.compliance_exceptions),
                (SELECT count(*) FROM expert_network.experts WHERE status = 'reviewed'))" \
  -c "
  SELECT format('  keys shared by an employment and a list entry: %s employments (%s current: the excepted ones)',
                count(*), count(*) FILTER (WHERE e.ended_on IS NULL))
  FROM expert_network.expert_employments e
  WHERE EXISTS (SELECT FROM expert_network.restricted_companies r WHERE r.match_keys && e.match_keys)"

# --- variants --------------------------------------------------------------
declare -A vname=(
  [a]='(A) gates, tables filled'
  [b]='(B) gates, tables empty'
  [c]='(C) gates disabled'
)
set_gates() {			# ENABLE | DISABLE
  su_sql -c "ALTER TABLE expert_network.interviews $1 TRIGGER compliance_gate_insert" \
         -c "ALTER TABLE expert_network.interviews $1 TRIGGER compliance_gate_update"
}
# set_variant V: the tables and triggers of variant V ((C) leaves the tables
# as they are: nothing reads them)
set_variant() {
  case $1 in
    a) set_tables filled; set_gates ENABLE ;;
    b) set_tables empty; set_gates ENABLE ;;
    c) set_gates DISABLE ;;
  esac
}
# the tables the runs write: the rolled-back rows out, nothing dirty
reset_tables() {
  su_sql -c 'VACUUM expert_network.interviews' -c 'VACUUM expert_network.experts' \
         -c 'VACUUM expert_network.campaigns' -c 'VACUUM expert_network.status_history' \
         -c 'VACUUM expert_network.compliance_log' -c 'CHECKPOINT'
}

# --- part 1: INSERT ... SELECT ----------------------------------------------
# insert_run V: one timed insert of $rows interviews in variant V, in a new
# session of bench_app; prints "wall cpu waited", then whatever the psql on
# stdin prints, run after the timing and before the rollback
insert_run() {
  local extra
  extra=$(cat)
  set_variant "$1"
  reset_tables
  app_psql <<SQL
\\set ON_ERROR_STOP on
-- warm-up: a one-row insert, rolled back (plans, catalog caches)
BEGIN;
SET LOCAL expert_network.user_id = '$identity';
\\set first 1
\\set last 1
\\i $dir/insert_select.sql
ROLLBACK;
BEGIN;
SET LOCAL expert_network.user_id = '$identity';
\\set last $rows
SELECT clock_timestamp() AS t0, bench.schedstat() AS s0 \\gset
\\i $dir/insert_select.sql
SELECT bench.took(:'t0', :'s0');
$extra
ROLLBACK;
SQL
}

# what the statement did, read before the rollback of run 1
check='SELECT format($$%s interviews, %s experts scheduled; log: %s passed, %s excepted, %s refused$$,
       (SELECT count(*) FROM expert_network.interviews),
       (SELECT count(*) FROM expert_network.experts WHERE status = $$scheduled$$),
       (SELECT count(*) FROM expert_network.compliance_log WHERE decision = $$passed$$),
       (SELECT count(*) FROM expert_network.compliance_log WHERE decision = $$excepted$$),
       (SELECT count(*) FROM expert_network.compliance_log WHERE decision = $$refused$$));'

# one measurement: records it (under the name $3, default the variant) when
# timed, and prints its part of a line
measure() {			# variant timed(yes|no) [name] [check]
  local v=$1 name=${3:-$1} label out w c q
  label=${name^^}
  [ "${name:0:1}" != w ] || label="${label:1}'"	# the what-if runs: A', B'
  if out=$(insert_run "$v" <<<"${4:-}" 2>&1); then
    read -r w c q <<<"$(sed -n 1p <<<"$out")"
    if [ "$2" = yes ]; then
      echo "$w" >>"$work/insert_$name.ms"
      echo "$c" >>"$work/insert_$name.cpu"
    fi
    [ -z "${4:-}" ] || printf '    %-26s %s\n' "${vname[$v]}:" "$(sed -n 2p <<<"$out")" >>"$work/check.txt"
    printf ' %s %s ms (cpu %s, waited %s);' "$label" "$w" "$c" "$q"
  else
    fail "    ${vname[$v]} failed: $(tail -5 <<<"$out")"
    printf ' %s failed;' "$label"
  fi
}

echo
echo "== part 1: INSERT ... SELECT of $rows interviews as $app_user with SET LOCAL expert_network.user_id = '$identity', rolled back"
echo "   (wall-clock ms, the backend's CPU ms and ms waited for a CPU)"
line="  untimed:"
for v in a c b; do line+=$(measure "$v" no); done
echo "$line"
echo "  timed runs, A C B then B C A (the gates' tables filled or emptied once per run):"
for r in $(seq 1 "$runs"); do
  if [ $(( r % 2 )) -eq 1 ]; then order=(a c b); else order=(b c a); fi
  line="    run $r:"
  for v in "${order[@]}"; do
    extra=
    [ "$r" = 1 ] && extra=$check
    line+=$(measure "$v" yes "$v" "$extra")
  done
  echo "$line  (load $(cut -d' ' -f1 /proc/loadavg))"
done
echo "  what the statement did (run 1, before its rollback):"
cat "$work/check.txt" 2>/dev/null
echo "  (expected: $rows interviews and experts scheduled in each; (A) $(( 2 * rows - 20 )) passed, 20 excepted (one rule each);"
echo "   (B) $(( 2 * rows )) passed; (C) no log; none refused)"

# --- part 2: single bookings with pgbench -----------------------------------
# tps_run V SECONDS LOG: prints "tps cpu-µs-per-transaction", the CPU of the
# server's backends (reaped by the postmaster) plus pgbench's own
tps_run() {
  local c0 c1 n tps pb
  set_variant "$1"
  reset_tables
  sleep 0.5			# the backends of the resets reaped
  c0=$(cpu_of_children "$postmaster")
  if ! { TIMEFORMAT='pgbench cpu %U %S'
         time PGUSER=$app_user PGPASSWORD=$app_password \
           "$pgbench" -n -M prepared -T "$2" -c 2 -j 2 -f $dir/schedule_one.pgbench; } >"$3" 2>&1 ||
     ! grep -q '^number of failed transactions: 0 ' "$3"; then
    fail "pgbench (${vname[$1]}) failed: $(grep -v '^pgbench cpu' "$3" | tail -5)"
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
echo "== part 2: pgbench -n -M prepared -T $seconds -c 2 -j 2, one schedule_interview() per transaction, rolled back, as $app_user"
echo "   (tps, and in brackets CPU µs per transaction: server backends + pgbench)"
for v in a c; do
  tps_run "$v" 3 "$work/warmup.log" >/dev/null
done
for r in $(seq 1 "$tps_runs"); do
  if [ $(( r % 2 )) -eq 1 ]; then order=(a c); else order=(c a); fi
  line="    run $r:"
  tps_a=- tps_c=-
  for v in "${order[@]}"; do
    read -r tps cpu < <(tps_run "$v" "$seconds" "$work/tps_${v}_$r.log")
    if [ "$tps" != - ]; then
      echo "$tps" >>"$work/tps_$v.tps"
      echo "$cpu" >>"$work/tps_$v.cpu"
    fi
    line+=$(printf ' %s %.0f tps (%s µs);' "${v^^}" "${tps/-/0}" "$cpu")
    if [ "$v" = a ]; then tps_a=$tps; else tps_c=$tps; fi
  done
  # the run's own ratio: its two variants ran one after the other
  [ "$tps_a" = - ] || [ "$tps_c" = - ] || awk -v a="$tps_a" -v c="$tps_c" 'BEGIN { print a / c }' >>"$work/tps_pairs"
  echo "$line  (load $(cut -d' ' -f1 /proc/loadavg))"
done
echo "  left behind (every transaction rolled back): $(su_sql -c "SET row_security = off" -c "
  SELECT format('%s interviews, %s log rows, %s experts not reviewed', (SELECT count(*) FROM expert_network.interviews),
                (SELECT count(*) FROM expert_network.compliance_log),
                (SELECT count(*) FROM expert_network.experts WHERE status <> 'reviewed'))")"

# --- where the time goes -----------------------------------------------------
echo
echo "== where the time goes (1): the gate's screen query in one (A) INSERT ... SELECT of $rows rows,"
echo "   auto_explain (ANALYZE, nested statements over 20 ms) in $app_user's session; plan nodes of 5 ms or more"
su_sql -c "ALTER ROLE $app_user SET session_preload_libraries = 'auto_explain'" \
       -c "ALTER ROLE $app_user SET auto_explain.log_min_duration = '20ms'" \
       -c "ALTER ROLE $app_user SET auto_explain.log_analyze = on" \
       -c "ALTER ROLE $app_user SET auto_explain.log_nested_statements = on" \
       -c "ALTER ROLE $app_user SET auto_explain.log_level = notice"
out=$(insert_run a <<<'' 2>&1) || fail "auto_explain run failed: $(tail -5 <<<"$out")"
su_sql -c "ALTER ROLE $app_user RESET ALL"
echo "   the statements that took 20 ms or more (the INSERT, then what its triggers ran):"
awk '/NOTICE:  duration:/ { d = $0; sub(/.*duration: /, "", d); sub(/ *plan:.*/, "", d); getline q
       sub(/^Query Text: */, "", q); gsub(/  +/, " ", q); printf "     %10s  %s\n", d, substr(q, 1, 110) }' <<<"$out"
echo "   the screen (WITH calls AS ...; inclusive times; loops multiply):"
awk '/^Query Text: WITH calls AS/ { p = 1; next } /^Query Text:|NOTICE:/ { p = 0 } p' <<<"$out" >"$work/screen_plan"
awk '
  function trim(s) { sub(/  \(cost=[^)]*\)/, "", s); return s }
  /actual time=/ {
    t = $0; sub(/.*actual time=[0-9.]+\.\./, "", t); sub(/ .*/, "", t)
    l = $0; sub(/.*loops=/, "", l); sub(/\).*/, "", l)
    keep = (t * l >= 5); if (keep) print "     " substr(trim($0), 1, 170); next }
  /->|never executed/ { keep = 0; next }
  keep && /(Join Filter|Rows Removed by Join Filter|Rows Removed by Filter|Recheck Cond|Index Cond): / {
    print "     " substr($0, 1, 170) }
' "$work/screen_plan"
[ -s "$work/screen_plan" ] || echo "     (the screen's plan was not found in the auto_explain output)"

echo
echo "== where the time goes (2): does the restricted list's GIN index serve the screens' probes?"
echo "   expert_network.keys_overlap (the operator expert_network.&&) leakproof: $(su_sql -c "SELECT proleakproof FROM pg_proc WHERE oid = 'expert_network.keys_overlap'::regproc")"
for op in expert_network pg_catalog; do
  probe="EXPLAIN (COSTS OFF) SELECT id FROM expert_network.restricted_companies WHERE match_keys OPERATOR($op.&&) ARRAY['acmebaypaperboard']"
  echo "   as $app_user, under the row-level security policy, with $op.&&:"
  app_psql -c "SET expert_network.user_id = '$identity'" -c "$probe" | sed 's/^/     /'
done

echo
echo "== where the time goes (3): (A) single bookings, pgbench -T 5 -c 2 -j 2 as in part 2, track_functions = all"
set_variant a
reset_tables
su_sql -c "ALTER ROLE $app_user SET track_functions = 'all'" -c 'SELECT pg_stat_reset()' >/dev/null
tps=$(PGUSER=$app_user PGPASSWORD=$app_password \
      "$pgbench" -n -M prepared -T 5 -c 2 -j 2 -f $dir/schedule_one.pgbench 2>&1 | awk '/^tps/ { print $3 }') ||
  fail "pgbench with track_functions failed"
sleep 1				# the clients' backends report their counts as they exit
su_sql -c "ALTER ROLE $app_user RESET track_functions"
echo "   $(printf '%.0f' "${tps:-0}") tps; per call of each function (total includes what it runs through SPI):"
su_sql -c "
  SELECT format('     %-40s %8s calls %8s µs total %8s µs self', schemaname || '.' || funcname, calls,
                round((1000 * total_time / calls)::numeric, 1), round((1000 * self_time / calls)::numeric, 1))
  FROM pg_stat_user_functions WHERE schemaname = 'expert_network' AND calls > 0 ORDER BY total_time DESC"

# --- result --------------------------------------------------------------------
echo
med() { if [ -s "$work/$1" ]; then median "$work/$1"; else echo -; fi; }
ma=$(med insert_a.ms); mb=$(med insert_b.ms); mc=$(med insert_c.ms)
ca=$(med insert_a.cpu); cb=$(med insert_b.cpu); cc=$(med insert_c.cpu)
ta=$(med tps_a.tps); tc=$(med tps_c.tps); tr=$(med tps_pairs)
pa=$(med tps_a.cpu); pc=$(med tps_c.cpu)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f", a / b }'; }
verdict() {			# ratio, op, bound
  awk -v r="$1" -v op="$2" -v b="$3" 'BEGIN {
    if (r == "-") print "no result";
    else if (op == "-") print "informational";
    else if ((op == "<=" && r <= b) || (op == ">=" && r >= b)) print "met";
    else print "NOT met" }'
}
num() { [ "$1" = - ] && echo - || printf '%.0f' "$1"; }
echo "== result (machine: $machine; load average now $(cut -d' ' -f1-3 /proc/loadavg))"
echo "   part 1: median of $runs runs of one INSERT ... SELECT of $rows interviews; part 2: median of $tps_runs pgbench runs of ${seconds} s"
fmt='%-52s %11s %11s %6s %8s  %s\n'
row() {				# comparison, first, second, unit, op, bound
  local r
  r=$(ratio "$2" "$3")
  printf "$fmt" "$1" "$(num "$2") $4" "$(num "$3") $4" "$r" "$5 $6" "$(verdict "$r" "$5" "$6")"
}
printf "$fmt" comparison first second ratio target result
row 'INSERT...SELECT time (A) gates / (B) tables empty' "$ma" "$mb" ms '<=' 1.3
row 'INSERT...SELECT time (B) tables empty / (C) no gates' "$mb" "$mc" ms - ''
row 'INSERT...SELECT time (A) gates / (C) no gates' "$ma" "$mc" ms - ''
row 'pgbench TPS (A) gates / (C) no gates' "$ta" "$tc" tps '>=' 0.85
printf '%-52s %31s\n' '  the median of the runs'"'"' own A/C ratios' "$(awk -v r="$tr" 'BEGIN { if (r == "-") print "-"; else printf "%.2f", r }')"
echo "   the same by CPU time, which other work on the machine moves much less:"
row 'INSERT...SELECT CPU (A) / (B)' "$ca" "$cb" ms '<=' 1.3
row 'INSERT...SELECT CPU (B) / (C)' "$cb" "$cc" ms - ''
row 'pgbench CPU per transaction (C) / (A)' "$pc" "$pa" us '>=' 0.85

# the report of bench/run: wall clock and TPS judged, as above; CPU also
en_bench_row compliance "INSERT...SELECT of $rows interviews: (A) gates, 5,000-entry list, 5 employments per expert / (B) gates' tables empty" \
  "$(num "$ma") ms" "$(num "$mb") ms" "$(ratio "$ma" "$mb")" '<=' 1.3 "backend on-CPU $(ratio "$ca" "$cb")"
en_bench_row compliance "INSERT...SELECT of $rows interviews: (B) gates' tables empty / (C) gate triggers disabled" \
  "$(num "$mb") ms" "$(num "$mc") ms" "$(ratio "$mb" "$mc")" - - "backend on-CPU $(ratio "$cb" "$cc")"
en_bench_row compliance 'schedule_interview(), pgbench -c 2 TPS: (A) gates / (C) gate triggers disabled' \
  "$(num "$ta") tps" "$(num "$tc") tps" "$(ratio "$ta" "$tc")" '>=' 0.85 \
  "CPU per transaction (C)/(A) $(ratio "$pc" "$pa"); median of the runs' own ratios $(awk -v r="$tr" 'BEGIN { if (r == "-") print "-"; else printf "%.2f", r }')"

[ ! -e "$work/failed" ]
