#!/usr/bin/env bash
# bench/scoping.sh — what per-user scoping (0.2.0) costs a read.
#
# Builds and installs the extension like test/run, then, in a throwaway
# cluster (pg_virtualenv -t; never a cluster you already run), loads 1,000
# users / 2,000 campaigns / 1,000,000 experts and times two queries with
# pgbench in four variants:
#
#   Q1  one campaign's experts    SELECT id, name, status ... WHERE campaign_id = $1
#   Q2  count of a user's experts SELECT count(*) FROM expert_network.experts
#
#   (A) RLS      as an app role (grant_access 'app'), policy owner_rows:
#                user_id = (SELECT expert_network.current_user_id())
#   (B) baseline the same query with an explicit user_id = ..., as the
#                superuser, which bypasses row-level security
#   (C) seed002  a copy of experts with the seed-002 policy:
#                campaign_id IN (SELECT id FROM campaigns WHERE user_id = current_setting(...))
#   (D) setting  a copy with the bare policy user_id = current_setting(..., true)
#
# Prints a sanity check of what each variant sees, EXPLAIN (ANALYZE, BUFFERS)
# of the plans pgbench runs, then a table of average latency (median of 3
# pgbench runs), its ratio to (B) and the server's CPU time per transaction,
# and paired runs of (A) and (B) mixed in one pgbench run, which a busy
# machine cannot skew.  The target is (A)/(B) <= 1.10 for both queries.
# Ratios are the point, not absolute times; on a shared machine look at
# "machine busy" and the per-round ratios before believing one.
#
# A benchmark, not a test: exits 0 after printing, whatever the timings;
# non-zero only when something failed to run or a variant saw wrong rows.
#
# Environment: BENCH_SECONDS (length of one pgbench run, default 10),
# BENCH_RUNS (runs per variant, default 3).  About 7 minutes in all, 8 on a
# busy machine.
set -eu
cd "$(dirname "$0")/.."

. bench/lib.bash
if [ "${1:-}" != --inside ]; then
  en_bench_outside bench/scoping.sh -o shared_buffers=4GB -o effective_io_concurrency=200
fi

# ---------------------------------------------------------------------------
# Inside the throwaway cluster: PGHOST, PGPORT, PGUSER (the superuser) and
# PGPASSWORD are set by pg_virtualenv; under bench/run (make bench), which
# runs every benchmark in one cluster, PGDATABASE is a database of its own.
# ---------------------------------------------------------------------------
dir=bench/scoping
seconds=${BENCH_SECONDS:-10}
runs=${BENCH_RUNS:-3}
pgbench=/usr/lib/postgresql/15/bin/pgbench
work=$(mktemp -d /tmp/expert_network_bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
super_user=$PGUSER
super_password=$PGPASSWORD
app_user=bench_app
app_password=bench_app		# as in setup.sql

psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
step() { printf '%-58s' "$1"; }
took() { echo "$(( SECONDS - $1 )) s"; }

echo "== expert_network scoping benchmark"
psql -c 'CREATE EXTENSION expert_network'
version=$(psql -Atc "SELECT extversion FROM pg_extension WHERE extname = 'expert_network'")
echo "PostgreSQL $(psql -Atc 'SHOW server_version'), expert_network $version;" \
  "shared_buffers $(psql -Atc 'SHOW shared_buffers'), $(nproc) cores"

# --- data ------------------------------------------------------------------
t=$SECONDS
step "load: 2,000 campaigns, 1,000,000 experts"
psql -f $dir/load.sql >/dev/null
took "$t"

t=$SECONDS
step "copies for (C) and (D), in parallel"
psql -c 'CREATE SCHEMA bench'
psql -v copy=experts_seed002 -f $dir/copies.sql >/dev/null &
c1=$!
psql -v copy=experts_setting -f $dir/copies.sql >/dev/null &
c2=$!
wait "$c1"
wait "$c2"
took "$t"

t=$SECONDS
step "roles, policies, VACUUM ANALYZE, prewarm"
psql -f $dir/setup.sql >/dev/null
psql -c 'VACUUM ANALYZE' -c 'CHECKPOINT'
# everything the queries touch into shared_buffers (pg_prewarm is in contrib)
if psql -c 'CREATE EXTENSION pg_prewarm' 2>/dev/null; then
  psql -At >/dev/null -c "
    SELECT pg_prewarm(c.oid)
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname IN ('expert_network', 'bench') AND c.relkind IN ('r', 'i')"
fi
took "$t"
psql -At -F ' ' -c "
  SELECT 'sizes:', string_agg(format('%s %s', c.relname,
                                     pg_size_pretty(pg_total_relation_size(c.oid))), ', ' ORDER BY c.relname)
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname IN ('expert_network', 'bench') AND c.relname IN ('campaigns', 'experts', 'experts_seed002', 'experts_setting')"

# --- the variants ----------------------------------------------------------
variants=(a b c d)
declare -A vname=(
  [a]='(A) RLS owner_rows'
  [b]='(B) baseline'
  [c]='(C) seed-002 policy'
  [d]='(D) current_setting()'
)
# who runs each variant: (B) bypasses RLS as the superuser
as() {				# variant: sets PGUSER/PGPASSWORD for it
  if [ "$1" = b ]; then
    PGUSER=$super_user PGPASSWORD=$super_password
  else
    PGUSER=$app_user PGPASSWORD=$app_password
  fi
}

# the measured statement of a script, with its pgbench variables turned into
# parameters (Q1: :c is $1, :u is $2; Q2: :u is $1), for PREPARE
query_of() {
  local q
  local c='(^|[^:]):c([^[:alnum:]_]|$)' u='(^|[^:]):u([^[:alnum:]_]|$)'
  q=$(grep -E '^SELECT' "$1" | grep -v set_config)
  q=${q%;}
  if grep -Eq "$c" <<<"$q"; then
    sed -E -e "s/$c/\\1\$1\\2/g" -e "s/$u/\\1\$2\\2/g" <<<"$q"
  else
    sed -E "s/$u/\\1\$1\\2/g" <<<"$q"
  fi
}

# in_variant V: run the psql script on stdin as variant V's role, inside a
# transaction whose identity is user-501 (campaigns 1001 and 1002 are hers);
# the statements of the variant's Q1 and Q2 are prepared as q1 and q2, with
# the parameter types pgbench's own preparation ends up with (Q1: campaign
# number, user number; Q2: user number; unused ones are allowed)
in_variant() {
  local v=$1 q1 q2
  q1=$(query_of "$dir/q1_$v.sql")
  q2=$(query_of "$dir/q2_$v.sql")
  (
    as "$v"
    export PGUSER PGPASSWORD
    {
      echo "BEGIN;"
      echo "SELECT set_config('expert_network.user_id', 'user-501', true) \\g /dev/null"
      echo "PREPARE q1 (integer, text) AS $q1;"
      echo "PREPARE q2 (text) AS $q2;"
      cat
      echo "COMMIT;"
    } | psql -At
  )
}
args() { [ "$1" = q1 ] && echo "(1001, '501')" || echo "('501')"; }

# --- sanity: each variant sees what it should ------------------------------
echo
echo "== sanity, identity user-501: Q1 on her campaign 1001, Q1 on campaign 1003 (user-502's), Q2"
for v in "${variants[@]}"; do
  got=$(in_variant "$v" 2>&1 <<'SQL' | paste -sd ' '
EXECUTE q1(1001, '501') \g /dev/null
\echo :ROW_COUNT rows,
EXECUTE q1(1003, '501') \g /dev/null
\echo :ROW_COUNT rows, count
EXECUTE q2('501');
SQL
)
  if [ "$got" = '500 rows, 0 rows, count 1000' ]; then
    printf '  %-24s %s\n' "${vname[$v]}" "$got"
  else
    printf '  %-24s UNEXPECTED: %s\n' "${vname[$v]}" "$got"
    touch "$work/failed"
  fi
done
echo "  (expected: 500 rows, 0 rows, count 1000)"
# the roles of the paired runs, taken by SET LOCAL ROLE in the superuser's session
got=$( (as b; export PGUSER PGPASSWORD; psql -At 2>&1 <<'SQL'
BEGIN;
SET LOCAL ROLE bench_app;
SELECT set_config('expert_network.user_id', 'user-501', true) \g /dev/null
SELECT count(*) FROM expert_network.experts;
COMMIT;
BEGIN;
SET LOCAL ROLE bench_bypass;
SELECT count(*) FROM expert_network.experts;
COMMIT;
SQL
) | paste -sd' ')
if [ "$got" = '1000 1000000' ]; then
  echo "  paired runs: bench_app sees 1000 experts of user-501, bench_bypass all 1000000"
else
  echo "  paired runs: UNEXPECTED: $got (expected: 1000 1000000)"
  touch "$work/failed"
fi

# --- plans -------------------------------------------------------------------
# The plans pgbench -M prepared runs: after 5 custom plans the plan cache
# settles on a generic one when it is no dearer; the 7th execution is shown.
explain() {			# variant, query, EXPLAIN options
  in_variant "$1" <<SQL
EXECUTE $2$(args "$2") \\g /dev/null
EXECUTE $2$(args "$2") \\g /dev/null
EXECUTE $2$(args "$2") \\g /dev/null
EXECUTE $2$(args "$2") \\g /dev/null
EXECUTE $2$(args "$2") \\g /dev/null
EXECUTE $2$(args "$2") \\g /dev/null
EXPLAIN ($3) EXECUTE $2$(args "$2");
SELECT format('(plan cache: %s generic, %s custom plans so far)', generic_plans, custom_plans)
FROM pg_prepared_statements WHERE name = '$2';
SQL
}
echo
for q in q1 q2; do
  echo "== EXPLAIN (ANALYZE, BUFFERS) ${vname[a]} ${q^^}, as $app_user, identity user-501:"
  echo "   $(query_of $dir/${q}_a.sql)"
  out=$(explain a $q 'ANALYZE, BUFFERS' 2>&1) || touch "$work/failed"
  printf '%s\n' "$out" | sed 's/^/   /'
  echo
done
for q in q1 q2; do
  for v in b c d; do
    echo "== EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${vname[$v]} ${q^^}:"
    echo "   $(query_of $dir/${q}_$v.sql)"
    out=$(explain $v $q 'ANALYZE, BUFFERS, COSTS OFF' 2>&1) || touch "$work/failed"
    printf '%s\n' "$out" | sed 's/^/   /'
    echo
  done
done

# --- measuring conditions ----------------------------------------------------
# The client (psql, pgbench) and the server on one core.  In a pipeline the
# two take turns, so they lose nothing by sharing it; on separate cores
# every turn is a cross-CPU wake-up, which on this virtual machine doubles
# the latency of a small query and makes it depend on where the scheduler
# puts them.  This script (so every client it starts from now on) and this
# cluster's postmaster (so every backend it starts from now on) go to the
# last CPU; the others are left to whatever else runs on the machine.
postmaster=$(head -1 "$(psql -Atc 'SHOW data_directory')/postmaster.pid")
# The postmaster gets its CPUs back on exit: under bench/run the other
# benchmarks run in the same cluster after this one.
pinned=
if command -v taskset >/dev/null; then
  last_cpu=$(( $(nproc) - 1 ))
  postmaster_cpus=$(taskset -p -c "$postmaster" | sed 's/^.*: *//')
  trap 'taskset -p -c "$postmaster_cpus" "$postmaster" >/dev/null; rm -rf "$work"' EXIT
  if taskset -p -c "$last_cpu" "$postmaster" >/dev/null && taskset -p -c "$last_cpu" $$ >/dev/null; then
    pinned=$last_cpu
  fi
fi

div() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f\n", a / b }'; }
median() {			# of the numbers on stdin ("-" lines ignored)
  grep -v '^-$' | sort -g |
    awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)]; else print "-" }'
}

# --- pgbench -----------------------------------------------------------------
# The machine may be shared: before each run, wait (up to 10 s, 60 s in
# all) until the other processes leave it idle, and report how busy it was
# during the run (100% = both cores; this benchmark alone keeps it at about
# half that: much more means someone else was using it too).
cpu_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }
busy_since() {			# busy total (from cpu_ticks): busy % since then
  local b0=$1 t0=$2 b1 t1
  read -r b1 t1 < <(cpu_ticks)
  awk -v b=$(( b1 - b0 )) -v t=$(( t1 - t0 )) 'BEGIN { printf "%.0f\n", (t > 0) ? 100 * b / t : 0 }'
}
wait_budget=60
wait_quiet() {
  local b0 t0
  for _ in $(seq 1 10); do
    read -r b0 t0 < <(cpu_ticks)
    sleep 1
    [ "$(busy_since "$b0" "$t0")" -le 10 ] && return 0
    wait_budget=$(( wait_budget - 1 ))
    [ "$wait_budget" -gt 0 ] || return 0
  done
  return 0
}

# CPU time used so far by this cluster: the postmaster, its children that
# have exited (a pgbench run's backend exits with it) and those still running
clk_tck=$(getconf CLK_TCK)
cluster_ticks() {
  local p sum=0 t
  for p in "$postmaster" $(pgrep -P "$postmaster"); do
    # the fields after "pid (comm) ": utime, stime, cutime, cstime are 12-15
    t=$(sed 's/^.*) //' "/proc/$p/stat" 2>/dev/null | awk '{ print $12 + $13 + $14 + $15 }') || t=0
    sum=$(( sum + ${t:-0} ))
  done
  echo "$sum"
}

bench() {			# query, variant, seconds, log: prints "latency tps busy% cpu-us/tx"
  local out=$4 b0 t0 c0 c1 busy
  read -r b0 t0 < <(cpu_ticks)
  c0=$(cluster_ticks)
  if ! ( as "$2"; export PGUSER PGPASSWORD
         "$pgbench" -n -M prepared -T "$3" -c 1 -f "$dir/${1}_$2.sql" ) >"$out" 2>&1; then
    echo "pgbench ${1}_$2 failed:" >&2
    tail -5 "$out" >&2
    touch "$work/failed"
    echo "- - - -"
    return
  fi
  busy=$(busy_since "$b0" "$t0")
  sleep 0.3			# for the backend to exit and be counted
  c1=$(cluster_ticks)
  awk -v busy="$busy" -v ticks=$(( c1 - c0 )) -v hz="$clk_tck" '
    /^latency average/ { l = $4 }
    /^tps/ { t = $3 }
    /^number of transactions actually processed/ { split($NF, n, "/"); tx = n[1] }
    END { printf "%s %s %s %.0f\n", l, t, busy, (tx > 0) ? 1e6 * ticks / hz / tx : 0 }' "$out"
}

# Paired runs: (A) and (B) transactions mixed at random in one pgbench run,
# so that both see exactly the same machine; pgbench reports each script's
# average latency.  One session (the superuser's) runs both: each
# transaction first takes its role with SET LOCAL ROLE, bench_app for (A)
# (RLS applies) and bench_bypass for (B) (same privileges, BYPASSRLS), the
# same extra statement on both sides.
for q in q1 q2; do
  sed '/^BEGIN;$/a SET LOCAL ROLE bench_app;' $dir/${q}_a.sql >"$work/paired_${q}_a.sql"
  sed '/^BEGIN;$/a SET LOCAL ROLE bench_bypass;' $dir/${q}_b.sql >"$work/paired_${q}_b.sql"
done
bench_paired() {		# query, seconds, log: prints "latency-A latency-B busy%"
  local out=$3 b0 t0 busy
  read -r b0 t0 < <(cpu_ticks)
  if ! ( as b; export PGUSER PGPASSWORD
         "$pgbench" -n -M prepared -T "$2" -c 1 -f "$work/paired_${1}_a.sql" -f "$work/paired_${1}_b.sql" ) >"$out" 2>&1; then
    echo "pgbench paired $1 failed:" >&2
    tail -5 "$out" >&2
    touch "$work/failed"
    echo "- - -"
    return
  fi
  busy=$(busy_since "$b0" "$t0")
  awk -v busy="$busy" '
    /^SQL script [0-9]+:/ { s = $3 + 0 }
    /^ - latency average/ { l[s] = $5 }
    END { print (1 in l) ? l[1] : "-", (2 in l) ? l[2] : "-", busy }' "$out"
}

echo
total=$(( 10 * runs * (seconds + 1) + 10 * 2 ))
echo "== pgbench -n -M prepared -c 1 -T $seconds: $runs rounds of the 8 scripts and 2 paired runs (~$total s);" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "$pinned" ] && echo "   pgbench and this cluster's backends pinned to CPU $pinned"
# warm-up: 2 s each, not counted
for q in q1 q2; do
  for v in "${variants[@]}"; do
    bench $q "$v" 2 "$work/warmup.log" >/dev/null
  done
  bench_paired $q 2 "$work/warmup.log" >/dev/null
done
for r in $(seq 1 "$runs"); do
  for q in q1 q2; do
    for v in "${variants[@]}"; do
      wait_quiet
      read -r lat tps busy cpu < <(bench $q "$v" "$seconds" "$work/${q}_${v}_$r.log")
      echo "$lat" >>"$work/${q}_$v.lat"
      echo "$tps" >>"$work/${q}_$v.tps"
      echo "$cpu" >>"$work/${q}_$v.cpu"
      printf '  round %d %s %-24s %8s ms %8.0f tps %8s us server CPU/tx   machine busy %3s%%\n' \
        "$r" "${q^^}" "${vname[$v]}" "$lat" "${tps/-/0}" "$cpu" "$busy"
    done
    wait_quiet
    read -r lat_a lat_b busy < <(bench_paired $q "$seconds" "$work/paired_${q}_$r.log")
    echo "$lat_a $lat_b" >>"$work/paired_$q"
    printf '  round %d %s %-24s %8s ms (A), %s ms (B), ratio %s   machine busy %3s%%\n' \
      "$r" "${q^^}" "paired (A)+(B)" "$lat_a" "$lat_b" "$(div "$lat_a" "$lat_b")" "$busy"
  done
done
echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- result ----------------------------------------------------------------
echo
echo "== result: median of $runs pgbench runs of $seconds s each; ratio = to (B) of the same query"
echo "   latency: pgbench's average latency; by round: the latency ratio within each round (runs"
echo "   next to each other in time); server CPU: CPU time of the cluster per transaction"
printf '%-5s %-24s %10s %7s %6s  %-15s %12s %6s\n' \
  query variant 'latency ms' tps ratio 'by round' 'server CPU us' ratio
printf '%.0s-' {1..94}; echo
declare -A ratio cpu_ratio paired
for q in q1 q2; do
  base=$(median <"$work/${q}_b.lat")
  base_cpu=$(median <"$work/${q}_b.cpu")
  for v in "${variants[@]}"; do
    lat=$(median <"$work/${q}_$v.lat")
    tps=$(median <"$work/${q}_$v.tps")
    cpu=$(median <"$work/${q}_$v.cpu")
    ratio[$q$v]=$(div "$lat" "$base")
    cpu_ratio[$q$v]=$(div "$cpu" "$base_cpu")
    rounds=$(paste -d' ' "$work/${q}_$v.lat" "$work/${q}_b.lat" |
               while read -r a b; do div "$a" "$b"; done | paste -sd' ')
    printf '%-5s %-24s %10s %7.0f %6s  %-15s %12s %6s\n' "${q^^}" "${vname[$v]}" "$lat" "${tps/-/0}" \
      "${ratio[$q$v]}" "$rounds" "$cpu" "${cpu_ratio[$q$v]}"
  done
done
echo
echo "paired runs, (A) and (B) mixed in one pgbench run: ratio of their average latencies (median over runs)"
for q in q1 q2; do
  pr=$(while read -r a b; do div "$a" "$b"; done <"$work/paired_$q" | paste -sd' ')
  paired[$q]=$(tr ' ' '\n' <<<"$pr" | median)
  printf '  %s  (A)/(B) %s   by round: %s\n' "${q^^}" "${paired[$q]}" "$pr"
done
echo
verdict() { awk -v r="$1" 'BEGIN { if (r == "-") print "no result"; else if (r <= 1.10) print "met"; else print "NOT met" }'; }
echo "target (A)/(B) <= 1.10"
printf '  %-46s Q1 %5s %-8s Q2 %5s %s\n' \
  "separate runs (median latency, table above):" "${ratio[q1a]}" "$(verdict "${ratio[q1a]}")," \
  "${ratio[q2a]}" "$(verdict "${ratio[q2a]}")" \
  "paired runs (same machine state for both):" "${paired[q1]}" "$(verdict "${paired[q1]}")," \
  "${paired[q2]}" "$(verdict "${paired[q2]}")" \
  "server CPU per transaction:" "${cpu_ratio[q1a]}" "$(verdict "${cpu_ratio[q1a]}")," \
  "${cpu_ratio[q2a]}" "$(verdict "${cpu_ratio[q2a]}")"
echo "  (where they disagree and \"machine busy\" was well above 50%, other processes moved the"
echo "  separate runs: trust the paired runs)"
declare -A qname=([q1]="Q1 one campaign's experts" [q2]="Q2 count of a user's experts")
for q in q1 q2; do
  en_bench_row scoping "${qname[$q]}, latency: (A) RLS / (B) explicit user_id" \
    "$(median <"$work/${q}_a.lat") ms" "$(median <"$work/${q}_b.lat") ms" "${ratio[${q}a]}" '<=' 1.10 \
    "paired runs ${paired[$q]}, server CPU ${cpu_ratio[${q}a]}"
done
cat <<'TXT'

How the identity is set.  Every transaction picks a random campaign (Q1) or
user (Q2) and sets the identity the way the application does, with
set_config('expert_network.user_id', ..., true) inside BEGIN ... COMMIT.
PGOPTIONS='-c expert_network.user_id=...' would cost nothing per transaction
but fixes one user for a whole run (Q1 would read 2 of the 2,000 campaigns
over and over).  So every variant, the baseline included, runs the same four
statements (BEGIN, set_config, the query, COMMIT), and pgbench sends them as
one pipeline (\startpipeline ... \endpipeline): one round trip per
transaction, so the difference between variants is the query and its
policy, not extra network waits.  (B) runs as the superuser, which bypasses
row-level security, on the same table as (A); (C) and (D) run as bench_app
on copies of experts with the same rows, order and indexes.  The paired
runs mix (A) and (B) transactions in one pgbench run (each takes its role
with SET LOCAL ROLE: bench_app, or bench_bypass with BYPASSRLS), so both see
exactly the same machine: on a shared machine, the ratio to trust.  The server
CPU column is what the query and its policy cost the server, undiluted by
the client and the network; it suffers less than latency from other
processes sharing the machine, but does not escape them.
TXT
[ ! -e "$work/failed" ]
