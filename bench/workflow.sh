#!/usr/bin/env bash
# bench/workflow.sh — what the workflow state machine (0.4.0) costs a bulk
# status change.
#
# Builds and installs the extension like test/run and the other benchmarks,
# then, in a throwaway cluster (pg_virtualenv -t; never a cluster you already
# run), loads 101 campaigns with every shipped vendor enrolled and 101,000
# 'proposed' experts (bench/workflow/load.sql; user-1 owns 100 campaigns and
# 100,000 experts, user-2 one campaign and 1,000), and times ONE statement
# (bench/workflow/update.sql):
#
#   UPDATE expert_network.experts SET status = 'reviewed' WHERE status = 'proposed'
#
# run by the application role bench_app (grant_access 'app': not superuser,
# not BYPASSRLS) with SET LOCAL expert_network.user_id = 'user-1', so that
# the real path runs: row-level security, and every trigger of experts doing
# its full work (not the restore path).  It moves user-1's 100,000 experts.
# Three variants of the same real table:
#
#   (A) extension  as installed: the trigger running check_transition (C,
#                  BEFORE row: graph, stamps) and the AFTER UPDATE statement
#                  trigger running record_transitions (C, transition tables:
#                  one INSERT ... SELECT into status_history), plus the other
#                  triggers of experts: a_enforce_owner (row),
#                  a_require_identity (statement), set_updated_at (row), and
#                  the AFTER INSERT history trigger.  The script finds the
#                  two triggers by their functions, whatever their names
#                  (check_transition and history_update when written)
#   (B) none       ALTER TABLE ... DISABLE TRIGGER USER (as the superuser),
#                  and the extension's history trigger dropped: a disabled
#                  trigger with transition tables still makes PostgreSQL
#                  capture every row's old and new versions.  No trigger at
#                  all but the foreign keys' internal ones, which stay on
#                  and cost nothing here (no key column changes, so
#                  PostgreSQL queues no RI event)
#   (C) plpgsql    as (A), with the extension's check_transition trigger
#                  disabled and its history trigger dropped, and the
#                  PL/pgSQL row triggers of bench/workflow/plpgsql.sql
#                  enabled (same rules, stamps and history: BEFORE row check
#                  and stamps, AFTER row INSERT of one history row per row);
#                  the other triggers stay on in (A) and (C), so they cost
#                  both alike
#
# Each timed run: its own session of bench_app; a one-row warm-up of the
# same UPDATE in a transaction rolled back (catalog caches, plans, PL/pgSQL
# compiled), then BEGIN; SET LOCAL identity; the UPDATE, timed with
# clock_timestamp() around it (AFTER triggers included: they fire at the
# end of the statement); ROLLBACK.  Each run also reads the backend's
# /proc/<pid>/schedstat before and after (bench.schedstat()): the time it
# spent on a CPU and the time it waited for one, so that a run slowed by
# other work on the machine shows as such; the result table gives the
# ratios of both wall-clock and on-CPU medians.  Before each run, as the
# superuser: VACUUM experts and status_history (the rolled-back versions
# out), and CHECKPOINT (nothing dirty left from the previous run).
# Everything is in shared_buffers (pg_prewarm after the load).  One untimed round of the three
# variants, then BENCH_RUNS (5) timed rounds, the order rotated each round;
# the result is the median of each variant.
#
# Targets (issue 4): C/A >= 2 (the extension at least twice as fast as the
# PL/pgSQL version), A/B <= 2 (at most twice the UPDATE without triggers).
# Then, informational: a decomposition ((O) the UPDATE with the other
# triggers only, (F) the 100,000 history rows written alone: the floor of
# any implementation), and where the time goes (auto_explain with trigger
# times and nested statements, pg_stat_xact_user_functions with
# track_functions = all).
# Environment: BENCH_RUNS (timed rounds, 5), BENCH_DECOMP_RUNS (3),
# BENCH_EXTVERSION (the extension version to create; default: the default).
# A benchmark, not a test: exits 0 whatever the timings; non-zero only when
# something failed to run.  About a minute on a quiet machine, two on a
# busy one.
set -eu
cd "$(dirname "$0")/.."

. bench/lib.bash
if [ "${1:-}" != --inside ]; then
  en_bench_outside bench/workflow.sh -o shared_buffers=2GB
fi

# ---------------------------------------------------------------------------
# Inside the throwaway cluster: PGHOST, PGPORT, PGUSER (the superuser) and
# PGPASSWORD are set by pg_virtualenv; under bench/run (make bench), which
# runs every benchmark in one cluster, PGDATABASE is a database of its own.
# ---------------------------------------------------------------------------
dir=bench/workflow
runs=${BENCH_RUNS:-5}
work=$(mktemp -d /tmp/expert_network_workflow.XXXXXX)
trap 'rm -rf "$work"' EXIT
app_user=bench_app
app_password=bench_app		# as in load.sql
identity=user-1

psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
su_sql() { psql -At -c 'SET client_min_messages = warning' "$@"; }
app_psql() { PGUSER=$app_user PGPASSWORD=$app_password psql -At "$@"; }
step() { printf '%-58s' "$1"; }
took() { echo "$(( SECONDS - $1 )) s"; }
median() { sort -g "$1" | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)]; else print "-" }'; }
fail() { echo "$*" >&2; touch "$work/failed"; }
# a measurement is "wall-clock ms, on-CPU ms, ms waited for a CPU" (bench.took)
record() { read -r w c q <<<"$2"; echo "$w" >>"$work/$1.ms"; echo "$c" >>"$work/$1.cpu"; echo "$q" >>"$work/$1.wait"; }
show() { read -r w c q <<<"$2"; printf ' %s %s ms (cpu %s, waited %s);' "$1" "$w" "$c" "$q"; }

echo "== expert_network workflow benchmark: one UPDATE moving 100,000 experts proposed -> reviewed"
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
machine="nproc $(nproc), memory $mem"
echo "machine: $machine, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
# the schema under test: the default version (0.4.0 brought the workflow;
# later versions keep its triggers on experts), or BENCH_EXTVERSION=x.y.z
# for that version's full script (the module is always the one just built)
if [ -n "${BENCH_EXTVERSION:-}" ]; then
  psql -c "CREATE EXTENSION expert_network VERSION '$BENCH_EXTVERSION'"
else
  psql -c 'CREATE EXTENSION expert_network'
fi
echo "PostgreSQL $(psql -Atc 'SHOW server_version')," \
  "expert_network $(psql -Atc "SELECT extversion FROM pg_extension WHERE extname = 'expert_network'")," \
  "shared_buffers $(psql -Atc 'SHOW shared_buffers'), work_mem $(psql -Atc 'SHOW work_mem')"

# --- data ------------------------------------------------------------------
t=$SECONDS
step "load: 101 campaigns, 1,212 enrollments, 101,000 experts"
psql -f $dir/load.sql >/dev/null
psql -f $dir/plpgsql.sql >/dev/null
su_sql -c 'VACUUM ANALYZE' -c 'CHECKPOINT'
if su_sql -c 'CREATE EXTENSION pg_prewarm' 2>/dev/null; then
  su_sql >/dev/null -c "
    SELECT pg_prewarm(c.oid)
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname IN ('expert_network', 'bench') AND c.relkind IN ('r', 'i') AND c.relpages > 0"
fi
took "$t"
su_sql -F ' ' -c "
  SELECT 'sizes:', string_agg(format('%s %s', c.relname, pg_size_pretty(pg_total_relation_size(c.oid))), ', ' ORDER BY c.relname)
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'expert_network' AND c.relname IN ('experts', 'status_history', 'campaigns', 'campaign_vendor_enrollments')"
su_sql -F ' ' -c "
  SELECT 'experts indexes (each non-HOT update inserts into all):', string_agg(indexrelid::regclass::text, ', ' ORDER BY indexrelid::regclass::text)
  FROM pg_index WHERE indrelid = 'expert_network.experts'::regclass"

# --- variants --------------------------------------------------------------
# the extension's two workflow triggers on experts, by function: the BEFORE
# row check_transition and the AFTER UPDATE statement record_transitions
# (tgtype bits: 1 row, 16 update)
trigger_by() {
  su_sql -c "SELECT string_agg(quote_ident(tgname), ' ') FROM pg_trigger
             WHERE tgrelid = 'expert_network.experts'::regclass AND tgfoid = '$1'::regproc AND $2"
}
ext_check=$(trigger_by expert_network.check_transition 'tgtype & 1 <> 0')
ext_history=$(trigger_by expert_network.record_transitions 'tgtype & 1 = 0 AND tgtype & 16 <> 0')
if [ -z "$ext_check" ] || [ -z "$ext_history" ] || [ "${ext_check// /}" != "$ext_check" ] || [ "${ext_history// /}" != "$ext_history" ]; then
  echo "expected one check_transition row trigger and one record_transitions AFTER UPDATE statement trigger on experts;" \
    "found '$ext_check' and '$ext_history'" >&2
  exit 1
fi
echo "extension triggers replaced in (C): $ext_check (check_transition), $ext_history (record_transitions, AFTER UPDATE)"
# A trigger with transition tables makes PostgreSQL capture every updated
# row's old and new versions (here about 60 MB, spilled to temporary files
# past work_mem) even while it is disabled: capture is decided from the
# triggers the table has, enabled or not.  So (B), (C) and (O) drop the
# extension's history trigger rather than disable it, and (A) creates it
# again, as pg_get_triggerdef() gave it.
ext_history_def=$(su_sql -c "SELECT pg_get_triggerdef(oid) FROM pg_trigger
                             WHERE tgrelid = 'expert_network.experts'::regclass AND tgname = '$ext_history'")
variants=(a b c)
declare -A vname=(
  [a]='(A) extension (C triggers)'
  [b]='(B) no triggers'
  [c]='(C) PL/pgSQL row triggers'
)
# set_variant V: the trigger state of variant V, as the superuser
set_variant() {
  local e="ALTER TABLE expert_network.experts"
  local sql="BEGIN; DROP TRIGGER IF EXISTS $ext_history ON expert_network.experts;"
  [ "$1" = a ] && sql+=" $ext_history_def;"
  sql+=" $e ENABLE TRIGGER USER;"
  case $1 in
    a) sql+=" $e DISABLE TRIGGER check_transition_plpgsql; $e DISABLE TRIGGER record_transitions_plpgsql;" ;;
    b) sql+=" $e DISABLE TRIGGER USER;" ;;
    c) sql+=" $e DISABLE TRIGGER $ext_check;" ;;
    o) sql+=" $e DISABLE TRIGGER $ext_check;
              $e DISABLE TRIGGER check_transition_plpgsql; $e DISABLE TRIGGER record_transitions_plpgsql;" ;;
  esac
  psql -At -c 'SET client_min_messages = warning' -c "$sql COMMIT;"
}
# reset: the rolled-back versions of the last run vacuumed away, nothing dirty
reset_tables() {
  su_sql -c 'VACUUM expert_network.experts' \
         -c 'VACUUM expert_network.status_history' \
         -c 'CHECKPOINT'
}
triggers_of() {
  su_sql -F ' ' -c "
    SELECT string_agg(tgname || CASE WHEN tgenabled = 'D' THEN ' (off)' ELSE '' END, ', ' ORDER BY tgname)
    FROM pg_trigger WHERE tgrelid = '$1'::regclass AND NOT tgisinternal"
}

# update_run V [extra psql on stdin]: one timed UPDATE in variant V, in a new
# session of bench_app; prints the milliseconds, then whatever the extra
# psql prints, run after the UPDATE, before the rollback
update_run() {
  local v=$1 extra
  extra=$(cat)
  reset_tables >/dev/null
  set_variant "$v" >/dev/null
  app_psql <<SQL
\\set ON_ERROR_STOP on
-- warm-up: the same UPDATE on one row, rolled back
BEGIN;
SET LOCAL expert_network.user_id = '$identity';
\\set filter 'AND id = bench.expert_uuid(1)'
\\i $dir/update.sql
ROLLBACK;
SELECT pg_stat_force_next_flush() \\g /dev/null
\\set filter ''
BEGIN;
SET LOCAL expert_network.user_id = '$identity';
SELECT clock_timestamp() AS t0, bench.schedstat() AS s0 \\gset
\\i $dir/update.sql
SELECT bench.took(:'t0', :'s0');
$extra
ROLLBACK;
SQL
}

echo
echo "== triggers of expert_network.experts per variant (foreign-key triggers, always on, not shown)"
echo "   and a refused step (proposed -> completed) in each, rolled back:"
for v in "${variants[@]}"; do
  set_variant "$v"
  echo "  ${vname[$v]}"
  echo "    triggers: $(triggers_of expert_network.experts)"
  out=$(app_psql 2>&1 <<SQL || true
BEGIN;
SET LOCAL expert_network.user_id = '$identity';
UPDATE expert_network.experts SET status = 'completed' WHERE id = bench.expert_uuid(1);
ROLLBACK;
SQL
)
  echo "    refused step: $(tr '\n' ' ' <<<"${out:-accepted}" | sed -e 's/psql:[^ ]* //' -e 's/  */ /g')"
done

echo
echo "== the UPDATE, as $app_user with SET LOCAL expert_network.user_id = '$identity'"
# what the UPDATE did, read before the rollback of each variant's first timed run
check='SELECT format($$%s reviewed, %s with reviewed_at = now(), %s not is_new; %s history rows proposed -> reviewed$$,
       count(*) FILTER (WHERE status = $$reviewed$$),
       count(*) FILTER (WHERE reviewed_at = now()),
       count(*) FILTER (WHERE NOT is_new),
       (SELECT count(*) FROM expert_network.status_history
         WHERE entity = $$expert$$ AND from_status = $$proposed$$ AND to_status = $$reviewed$$))
FROM expert_network.experts;'
line="  untimed round:"
for v in "${variants[@]}"; do
  if ms=$(update_run "$v" </dev/null 2>&1); then
    line+=$(show "${v^^}" "$ms")
  else
    fail "    ${vname[$v]} failed: $ms"
  fi
done
echo "$line"
echo "  timed rounds, order rotated each round:"
for r in $(seq 1 "$runs"); do
  order=("${variants[@]:$(( (r - 1) % 3 ))}" "${variants[@]:0:$(( (r - 1) % 3 ))}")
  line="    round $r:"
  declare -A cur=()
  for v in "${order[@]}"; do
    extra=
    [ "$r" = 1 ] && extra=$check
    if out=$(update_run "$v" <<<"$extra" 2>&1); then
      cur[$v]=$(sed -n 1p <<<"$out")
      record "$v" "${cur[$v]}"
      line+=$(show "${v^^}" "${cur[$v]}")
      [ "$r" = 1 ] && printf '%-28s %s\n' "${vname[$v]}" "$(sed -n 2p <<<"$out")" >>"$work/check.txt"
    else
      fail "    ${vname[$v]} failed: $out"
    fi
  done
  echo "$line  (load $(cut -d' ' -f1 /proc/loadavg))"
  # the ratios within the round: its three runs follow each other, so a
  # change in the machine's other work between rounds cancels out of them
  if [ -n "${cur[a]:-}" ] && [ -n "${cur[b]:-}" ] && [ -n "${cur[c]:-}" ]; then
    awk -v a="${cur[a]}" -v b="${cur[b]}" -v c="${cur[c]}" 'BEGIN {
      split(a, A, " "); split(b, B, " "); split(c, C, " ");
      printf "%.2f %.2f %.2f %.2f\n", C[1] / A[1], A[1] / B[1], C[2] / A[2], A[2] / B[2] }' >>"$work/rounds.txt"
  fi
  unset cur
done
echo "  what each variant did to the experts user-1 sees (round 1, before its rollback):"
sort "$work/check.txt" 2>/dev/null | sed 's/^/    /'
echo "  (expected: (A) and (C) 100000 everywhere; (B) 100000 reviewed, 0 stamps, 0 history rows)"

# --- decomposition -------------------------------------------------------------
# (O) the UPDATE with the other triggers only: (A) without its two workflow
#     triggers (a_enforce_owner, a_require_identity, set_updated_at stay on):
#     what (A) and (C) have in common
# (F) the history alone: one INSERT ... SELECT of the same 100,000
#     status_history rows from a plain table (bench.history_src), as the
#     superuser (row-level security bypassed, as record_transitions writes as
#     the table owner): same defaults (gen_random_uuid(), clock_timestamp()),
#     same three indexes; the floor of any implementation of the history
history_run() {
  reset_tables
  psql -At <<SQL
\\set ON_ERROR_STOP on
SET client_min_messages = warning;
BEGIN;
SELECT clock_timestamp() AS t0, bench.schedstat() AS s0 \\gset
INSERT INTO expert_network.status_history (user_id, entity, row_id, from_status, to_status)
SELECT s.user_id, 'expert', s.id, 'proposed', 'reviewed' FROM bench.history_src AS s;
SELECT bench.took(:'t0', :'s0');
ROLLBACK;
SQL
}
decomp_runs=${BENCH_DECOMP_RUNS:-3}
echo
echo "== decomposition (informational): $decomp_runs runs each of"
echo "   (O) the UPDATE with the other triggers only (a_enforce_owner, a_require_identity, set_updated_at; no workflow triggers)"
echo "   (F) the history alone: INSERT ... SELECT of the same 100,000 status_history rows from a plain table, as the superuser"
for r in $(seq 1 "$decomp_runs"); do
  line="    run $r:"
  if out=$(update_run o </dev/null 2>&1); then
    record o "$out"; line+=$(show O "$out")
  else
    fail "    (O) failed: $out"
  fi
  if out=$(history_run 2>&1); then
    record f "$out"; line+=$(show F "$out")
  else
    fail "    (F) failed: $out"
  fi
  echo "$line  (load $(cut -d' ' -f1 /proc/loadavg))"
done

# --- where the time goes -----------------------------------------------------
echo
echo "== where the time goes: one more UPDATE per variant, as $app_user, with track_functions = all and"
echo "   auto_explain (ANALYZE, BUFFERS, triggers, nested statements over 100 ms)"
echo "   (timing per plan node and per function call adds overhead: read the shares, not the totals;"
echo "   a function's total includes the statements it runs through SPI)"
su_sql -c "ALTER ROLE $app_user SET track_functions = 'all'" \
       -c "ALTER ROLE $app_user SET session_preload_libraries = 'auto_explain'" \
       -c "ALTER ROLE $app_user SET auto_explain.log_min_duration = 100" \
       -c "ALTER ROLE $app_user SET auto_explain.log_analyze = on" \
       -c "ALTER ROLE $app_user SET auto_explain.log_buffers = on" \
       -c "ALTER ROLE $app_user SET auto_explain.log_triggers = on" \
       -c "ALTER ROLE $app_user SET auto_explain.log_nested_statements = on" \
       -c "ALTER ROLE $app_user SET auto_explain.log_level = notice"
for v in "${variants[@]}"; do
  out=$(update_run "$v" 2>&1 <<'SQL'
SELECT format('fn %-40s %8s calls %10s ms total %10s ms self', schemaname || '.' || funcname,
              calls, round(total_time::numeric, 1), round(self_time::numeric, 1))
FROM pg_stat_xact_user_functions WHERE funcname NOT IN ('schedstat', 'took') ORDER BY total_time DESC;
SQL
) || fail "    ${vname[$v]} diagnostics failed: $out"
  echo "  ${vname[$v]}:$(show '' "$(grep -E '^[0-9.]+ [0-9.]+ [0-9.]+$' <<<"$out" | head -1)")"
  # the plans of the timed statement and of what it ran (the one-row warm-up is under 100 ms)
  grep -v -e '^fn ' -e '^[0-9.]* [0-9.]* [0-9.]*$' <<<"$out" |
    sed -e 's/^psql:[^ ]* NOTICE: */NOTICE: /' -e 's/(cost=[^)]*) //' -e 's/^/      /' | cut -c1-170
  echo "      trigger functions (pg_stat_xact_user_functions):"
  grep '^fn ' <<<"$out" | sed 's/^fn /        /'
done
su_sql -c "ALTER ROLE $app_user RESET ALL"

# --- result --------------------------------------------------------------------
echo
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f", a / b }'; }
verdict() {			# ratio, op, bound
  awk -v r="$1" -v op="$2" -v b="$3" 'BEGIN {
    if (r == "-") print "no result";
    else if ((op == "<=" && r <= b) || (op == ">=" && r >= b)) print "met";
    else print "missed" }'
}
spread() { sort -g "$1" 2>/dev/null | awk '{ a[NR] = $1 } END { if (NR) printf "%s..%s", a[1], a[NR]; else print "-" }'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-") print "-"; else printf "%.0f", a - b }'; }
plus() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-") print "-"; else printf "%.1f", a + b }'; }
declare -A m
for v in a b c o f; do
  for k in ms cpu wait; do m[$v.$k]=$(median "$work/$v.$k" 2>/dev/null || echo -); done
done
echo "== result (machine: $machine; load average now $(cut -d' ' -f1-3 /proc/loadavg))"
echo "   one UPDATE of 100,000 experts proposed -> reviewed, as $app_user with the identity set; median of $runs runs"
echo "   wall-clock ms: A $(spread "$work/a.ms"), B $(spread "$work/b.ms"), C $(spread "$work/c.ms");" \
  "median ms waited for a CPU (other work on the machine): A ${m[a.wait]}, B ${m[b.wait]}, C ${m[c.wait]}"
fmt='%-48s %12s %12s %7s %7s  %s\n'
printf "$fmt" comparison first second ratio target result
for k in ms cpu; do
  label='wall-clock'
  [ $k = cpu ] && label='backend on-CPU'
  r1=$(ratio "${m[c.$k]}" "${m[a.$k]}"); r2=$(ratio "${m[a.$k]}" "${m[b.$k]}")
  printf "$fmt" "(C) PL/pgSQL / (A) extension, $label" "${m[c.$k]} ms" "${m[a.$k]} ms" "$r1" '>= 2' "$(verdict "$r1" '>=' 2)"
  printf "$fmt" "(A) extension / (B) no triggers, $label" "${m[a.$k]} ms" "${m[b.$k]} ms" "$r2" '<= 2' "$(verdict "$r2" '<=' 2)"
done
echo "   (the wall-clock rows are the result; the on-CPU rows count only the time the backend ran, so they"
echo "   are what the code costs when other work shares the CPUs: compare the two when the machine is busy)"
# the report of bench/run: wall clock judged, as above; on-CPU also
en_bench_row workflow 'UPDATE of 100,000 experts: (C) PL/pgSQL row triggers / (A) extension' \
  "${m[c.ms]} ms" "${m[a.ms]} ms" "$(ratio "${m[c.ms]}" "${m[a.ms]}")" '>=' 2 \
  "backend on-CPU $(ratio "${m[c.cpu]}" "${m[a.cpu]}")"
en_bench_row workflow 'UPDATE of 100,000 experts: (A) extension / (B) no triggers' \
  "${m[a.ms]} ms" "${m[b.ms]} ms" "$(ratio "${m[a.ms]}" "${m[b.ms]}")" '<=' 2 \
  "backend on-CPU $(ratio "${m[a.cpu]}" "${m[b.cpu]}")"
col() { awk -v k="$1" '{ print $k }' "$work/rounds.txt" 2>/dev/null; }
per_round() { col "$1" | tr '\n' ' '; echo "(median $(col "$1" | sort -g | awk '{ a[NR] = $1 } END { if (NR) printf "%.2f", a[int((NR + 1) / 2)]; else print "-" }'))"; }
echo "   ratios within each round: C/A wall-clock $(per_round 1); on-CPU $(per_round 3)"
echo "                             A/B wall-clock $(per_round 2); on-CPU $(per_round 4)"
echo
echo "   decomposition, backend on-CPU ms (medians; informational): (O) other triggers only ${m[o.cpu]}, (F) history rows alone ${m[f.cpu]}"
echo "     workflow cost over (O): (A) $(minus "${m[a.cpu]}" "${m[o.cpu]}"), (C) $(minus "${m[c.cpu]}" "${m[o.cpu]}");" \
  "the other triggers, in (A) and (C) alike: (O) - (B) = $(minus "${m[o.cpu]}" "${m[b.cpu]}")"
echo "     the workflow's own cost, (C) over (A): $(ratio "$(minus "${m[c.cpu]}" "${m[o.cpu]}")" "$(minus "${m[a.cpu]}" "${m[o.cpu]}")");" \
  "best C/A any history-writing (A) could reach, with nothing but (F) over (O): $(ratio "${m[c.cpu]}" "$(plus "${m[o.cpu]}" "${m[f.cpu]}")")"

[ ! -e "$work/failed" ]
