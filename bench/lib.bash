# bench/lib.bash — sourced by bench/*.sh and bench/run: build and install
# the extension, then run a benchmark again inside a throwaway cluster
# (pg_virtualenv -t; never a cluster you already run) with server settings
# for this machine kind (2 cores, 24 GiB); and the row every comparison
# leaves for the report of `make bench`.  fsync is already off in a
# pg_virtualenv cluster.
# shellcheck shell=bash

# the settings every benchmark runs with; each script adds its own
# (shared_buffers...), bench/run the union of theirs (en_bench_union)
en_bench_settings=(
  -o effective_cache_size=16GB
  -o work_mem=16MB
  -o maintenance_work_mem=1GB
  -o max_wal_size=8GB
  -o checkpoint_timeout=30min
  -o synchronous_commit=off
  -o random_page_cost=1.1
  # one client on two cores: per-query cost, not parallel speed-up
  -o max_parallel_workers_per_gather=0
  # large statements would cross jit_above_cost and time the compiler
  -o jit=off
  # nothing runs behind the timings; the scripts vacuum by hand
  -o autovacuum=off
)
# what the benchmarks add, all of them in one cluster: the largest
# shared_buffers any asks for (scoping.sh: 4GB; counters.sh,
# workflow.sh and dashboards.sh 2GB, questions.sh 1GB), and scoping.sh's I/O setting
# shellcheck disable=SC2034  # used by bench/run
en_bench_union=(
  -o shared_buffers=4GB
  -o effective_io_concurrency=200
)

# en_bench_outside SCRIPT [-o setting=value ...]: does not return
en_bench_outside() {
  local script=$1 status
  shift
  . tools/prepare.bash
  if [ -n "${SCRATCH_EXTENSION:-}" ]; then en_free_port; else en_prepare "$script"; fi
  # pg_virtualenv prints the server log when the command fails: keep it
  set +e
  pg_virtualenv -t -v 15 "${en_bench_settings[@]}" "$@" bash "$script" --inside 2>&1 |
    grep --line-buffered -v -e '^Creating new PostgreSQL cluster' -e '^Dropping cluster'
  status=${PIPESTATUS[0]}
  exit "$status"
}

# en_bench_row BENCHMARK COMPARISON FIRST SECOND RATIO OP BOUND [ALSO]: one
# comparison for the report of bench/run, appended to $BENCH_RESULTS when
# set (a benchmark run alone prints only its own table).  FIRST and SECOND
# are the two medians with their unit, RATIO the one the script judges
# (FIRST / SECOND, or its own median of per-round ratios), OP BOUND the
# target (<= 1.25), or "- -" for a comparison shown without one; ALSO the
# script's other measures of the same ratio.
# A tab-separated line: benchmark, comparison, first, second, ratio,
# target, met / missed / informational / no result, also.
en_bench_row() {
  local verdict
  [ -n "${BENCH_RESULTS:-}" ] || return 0
  verdict=$(awk -v r="$5" -v op="$6" -v b="$7" 'BEGIN {
    if (r == "-" || r == "") print "no result";
    else if (op == "-") print "informational";
    else if ((op == "<=" && r + 0 <= b + 0) || (op == ">=" && r + 0 >= b + 0)) print "met";
    else print "missed" }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "${5:--}" \
    "$([ "$6" = - ] && echo - || echo "$6 $7")" "$verdict" "${8:-}" \
    >>"$BENCH_RESULTS"
}

# Inside the cluster, for a benchmark's own output: en_bench_start TITLE
# creates the extension and prints what runs on what; en_step NAME starts a
# timed phase's line, en_took T0 ends it with the seconds since $SECONDS T0.
en_bench_start() {
  local run=(command psql -X -q -v ON_ERROR_STOP=1)
  echo "== expert_network $1 benchmark"
  "${run[@]}" -c 'CREATE EXTENSION expert_network'
  echo "PostgreSQL $("${run[@]}" -Atc 'SHOW server_version')," \
    "expert_network $("${run[@]}" -Atc "SELECT extversion FROM pg_extension WHERE extname = 'expert_network'");" \
    "shared_buffers $("${run[@]}" -Atc 'SHOW shared_buffers'), $(nproc) cores"
}
en_step() { printf '%-58s' "$1"; }
en_took() { echo "$(( SECONDS - $1 )) s"; }
