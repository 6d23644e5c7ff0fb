# bench/lib.bash — sourced by bench/*.sh: build and install the extension,
# then run the benchmark again inside a throwaway cluster (pg_virtualenv -t;
# never a cluster you already run) with server settings for this machine
# kind (2 cores, 24 GiB).  fsync is already off in a pg_virtualenv cluster.
# shellcheck shell=bash

# en_bench_outside SCRIPT [-o setting=value ...]: does not return
en_bench_outside() {
  local script=$1 status
  shift
  . tools/prepare.bash
  if [ -n "${SCRATCH_EXTENSION:-}" ]; then en_free_port; else en_prepare "$script"; fi
  local opts=(
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
    "$@"
  )
  # pg_virtualenv prints the server log when the command fails: keep it
  set +e
  pg_virtualenv -t -v 15 "${opts[@]}" bash "$script" --inside 2>&1 |
    grep --line-buffered -v -e '^Creating new PostgreSQL cluster' -e '^Dropping cluster'
  status=${PIPESTATUS[0]}
  exit "$status"
}
