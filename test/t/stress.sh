#!/usr/bin/env bash
# stress: the application's whole write mix, concurrently, then every
# invariant the extension keeps.  pgbench, 4 clients for a bounded time, as
# an app role (neither superuser nor BYPASSRLS: row-level security applies),
# each transaction as one of two application users: schedule (in one
# campaign, or in two neighbouring ones by one INSERT, in the order drawn),
# confirm, complete (UPDATE, complete_interview(), and every call of a
# campaign by one UPDATE), cancel_interview(),
# delete, rate_interview(), bulk imports of experts, review decisions on
# experts (one, or every pending one of a campaign by one UPDATE),
# move_question() with a cap of 5 levels (moves making a cycle or too deep a
# tree are refused, and recorded as such), copy_question_tree(), and writes
# aimed at the other user's rows.  Each script takes rows in a state its
# step may leave and skips a row another client changed meanwhile, so that
# nothing the extension refuses by design is attempted outside stress_move().
#
# Then: pgbench saw no failed transaction and the server logged no error or
# deadlock; and test/stress/invariants.sql finds nothing — counters exact,
# every history step an edge of its graph, each row's history one chain
# ending in its status, every owner its parents', the lifecycle's records
# and expert statuses, every screener a tree within the cap.  Last, each of
# those checks is shown to fail on rows broken on purpose (corrupt.sql).
# The scripts and the fixture are in test/stress/.  STRESS_SECONDS
# overrides the duration (20).
set -u
. "$(dirname "$0")/lib.bash"
stress=$(cd "$(dirname "$0")/../stress" && pwd)
seconds=${STRESS_SECONDS:-20}
max_depth=5
db=en_stress
role=en_stress_app
# the server's log: the throwaway cluster's (pg_virtualenv: the only cluster
# listed), or the file PG_SERVER_LOG names
server_log=${PG_SERVER_LOG:-$(pg_lsclusters -h | awk 'NR == 1 { print $7 }')}

fresh_db $db
psql -X -q -v ON_ERROR_STOP=1 -d $db >/dev/null <<SQL
SET client_min_messages = warning;
CREATE EXTENSION expert_network;
DROP ROLE IF EXISTS $role;
CREATE ROLE $role;
SELECT expert_network.grant_access('$role', 'app');
SQL
ok $? "a database with expert_network and an app role $role"
psql -X -q -v ON_ERROR_STOP=1 -v role=$role -d $db -f "$stress/fixture.sql" >/dev/null
ok $? "fixture: 2 users, 20 campaigns each with 2 experts, 5 interviews and 6 questions"
is "$(q $db "SELECT string_agg(user_id || ' ' || n || ' ' || s || ' ' || c, ', ' ORDER BY user_id)
               FROM (SELECT user_id, count(*) AS n, sum(scheduled_calls) AS s, sum(completed_calls) AS c
                       FROM expert_network.campaigns GROUP BY user_id) AS u")" \
   "stress1 20 60 20, stress2 20 60 20" "fixture: per user 20 campaigns, 60 scheduled calls, 20 completed"

rollbacks_before=$(q $db "SELECT xact_rollback FROM pg_catalog.pg_stat_database WHERE datname = current_database()")

# the app role for the whole session, as if it had logged in itself
export PGOPTIONS="-c role=$role -c expert_network.max_question_depth=$max_depth"
is "$(q $db "SELECT current_user || ' ' || rolsuper || ' ' || rolbypassrls FROM pg_catalog.pg_roles WHERE rolname = current_user")" \
   "$role false false" "pgbench's sessions run as $role, which row-level security applies to"

log_from=$(($(stat -c %s "$server_log") + 1))
out=$(pgbench -n -c 4 -j 4 -T "$seconds" \
        -f "$stress/schedule.sql@12" -f "$stress/schedule_pair.sql@10" \
        -f "$stress/confirm.sql@10" -f "$stress/complete.sql@7" -f "$stress/complete_api.sql@6" -f "$stress/bulk_complete.sql@2" \
        -f "$stress/cancel.sql@8" -f "$stress/delete.sql@5" -f "$stress/rate.sql@8" \
        -f "$stress/import_experts.sql@5" -f "$stress/review_experts.sql@8" -f "$stress/bulk_review.sql@3" \
        -f "$stress/move_question.sql@12" -f "$stress/copy_screener.sql@2" -f "$stress/trespass.sql@4" \
        $db 2>&1)
status=$?
unset PGOPTIONS
is "$status" 0 "pgbench: 4 clients for ${seconds}s, exit status 0"
[ "$status" -eq 0 ] || printf '%s\n' "$out" | grep -iE 'error|abort' | head -10 | sed 's/^/#   /'
processed=$(printf '%s\n' "$out" | sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p')
failed=$(printf '%s\n' "$out" | sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p')
[ "${processed:-0}" -gt 1000 ]
ok $? "pgbench: more than 1000 transactions processed (${processed:-none})"
is "${failed:-unknown}" 0 "pgbench: no failed transaction (no deadlock, no serialization failure)"
printf '%s\n' "$out" | grep -E '^(number of|latency average|tps)' | sed 's/^/# /'
printf '%s\n' "$out" | sed -n '/^SQL script/{s/ - weight.*//;N;s/\n */: /;s/^/# /;p}'

# the server's word: no deadlock, no error, no rolled-back transaction
is "$(tail -c +"$log_from" "$server_log" | grep -cE 'ERROR:|FATAL:|PANIC:|deadlock')" 0 \
   "the server log has no error and no deadlock for the run"
# with what the server says of each (a deadlock's processes and statements)
tail -c +"$log_from" "$server_log" | grep -A12 -E 'ERROR:|FATAL:|PANIC:|deadlock' | head -40 | sed 's/^/#   /'
is "$(q $db "SELECT deadlocks || ' ' || (xact_rollback - $rollbacks_before)
               FROM pg_catalog.pg_stat_database WHERE datname = current_database()")" "0 0" \
   "pg_stat_database: no deadlock, no transaction rolled back"

# the run did what it says
is "$(q $db "SELECT string_agg(status::text, ' ' ORDER BY status::text) FROM (SELECT DISTINCT status FROM expert_network.interviews) s")" \
   "cancelled completed confirmed pending scheduled" "the interviews left are in all five statuses"
is "$(q $db "SELECT string_agg(status::text, ' ' ORDER BY status::text) FROM (SELECT DISTINCT status FROM expert_network.experts) s")" \
   "completed proposed rejected reviewed scheduled scheduling" "the experts are in all six statuses"
[ "$(q $db "SELECT count(*) FROM expert_network.experts")" -gt 500 ]
ok $? "experts were imported ($(q $db "SELECT count(*) FROM expert_network.experts") now)"
[ "$(q $db "SELECT sum(completed_calls) FROM expert_network.campaigns")" -gt 100 ]
ok $? "interviews were completed ($(q $db "SELECT sum(completed_calls) FROM expert_network.campaigns") now)"
[ "$(q $db "SELECT count(*) FROM expert_network.completed_interviews WHERE rated_at IS NOT NULL")" -gt 50 ]
ok $? "interviews were rated ($(q $db "SELECT count(*) FROM expert_network.completed_interviews WHERE rated_at IS NOT NULL"))"
q $db "SELECT outcome || ': ' || count(*) FROM public.stress_moves GROUP BY outcome ORDER BY outcome" | sed 's/^/# moves /'
q $db "SELECT outcome || ': ' || count(*) FROM public.stress_schedules GROUP BY outcome ORDER BY outcome" | sed 's/^/# schedules /'
[ "$(q $db "SELECT count(*) FROM public.stress_schedules WHERE outcome = 'scheduled'")" -gt 100 ]
ok $? "interviews were scheduled ($(q $db "SELECT count(*) FROM public.stress_schedules WHERE outcome = 'scheduled'") statements)"
is "$(q $db "SELECT string_agg(DISTINCT outcome, ', ' ORDER BY outcome) FROM public.stress_moves")" \
   "moved, refused: cycle, refused: depth" "questions were moved, and moves making a cycle or too deep a tree refused"
[ "$(q $db "SELECT count(*) FROM expert_network.screening_questions")" -gt 240 ]
ok $? "screeners were copied ($(q $db "SELECT count(*) FROM expert_network.screening_questions") questions now)"
is "$(q $db "SELECT count(DISTINCT user_id) FROM expert_network.status_history
               WHERE changed_at > (SELECT max(created_at) FROM expert_network.campaigns)")" 2 \
   "both users' rows changed during the run"

# row-level security held: no write aimed at the other user's rows landed
is "$(q $db "SELECT (SELECT count(*) FROM expert_network.interviews WHERE color_tag = 'trespass')
                  + (SELECT count(*) FROM expert_network.experts WHERE title = 'trespass')
                  + (SELECT count(*) FROM expert_network.campaigns WHERE campaign_name = 'trespass')
                  + (SELECT count(*) FROM expert_network.screening_questions WHERE question_text = 'trespass')")" 0 \
   "no write aimed at the other user's campaign changed a row"
is "$(q $db "SELECT count(*) FROM expert_network.campaigns WHERE updated_at <> '2000-01-01 00:00:00+00'")" 0 \
   "no campaign's updated_at moved: counting is not an edit"

# the invariants
checks=$(psql -X -qAt -v ON_ERROR_STOP=1 -v max_depth=$max_depth -d $db -f "$stress/invariants.sql" 2>&1)
ok $? "test/stress/invariants.sql runs"
is "$(printf '%s\n' "$checks" | wc -l)" 38 "38 checks: 22 owner references, 4 entities with rows, 12 more"
is "$(printf '%s\n' "$checks" | grep -v '|0$')" "" "every invariant holds after the run"
q $db "SELECT count(*) || ' history rows, ' || count(DISTINCT row_id) || ' rows' FROM expert_network.status_history" | sed 's/^/# /'

# the C walk agrees: every question in its campaign's tree, none deeper than the cap
is "$(q $db "SELECT count(*) || ' ' || max(t.depth) FROM expert_network.campaigns c, expert_network.question_tree(c.id) t")" \
   "$(q $db "SELECT count(*) FROM expert_network.screening_questions") $((max_depth - 1))" \
   "question_tree() walks every question, the deepest at depth $((max_depth - 1))"

# each check fails on rows broken that way: the corruption, then the
# checks, in a transaction rolled back
for c in counter:'counters: verify_counters()' counter:'counters: fresh count' \
         bad_edge:'history: steps not in workflow_transitions' broken_chain:'history: broken chains' \
         unrecorded:interview owner:interviews.campaign_id history_owner:"history: owner not the row's" \
         no_record:'lifecycle: completed-interview records' rejected_live:'lifecycle: experts of live interviews' \
         cycle:'questions: not reached from the top (cycles)' too_deep:'questions: deeper than max_question_depth allows' \
         other_campaign:'questions: parent in another campaign' orphan:'references: orphans' \
         overlap:'calendar: overlapping live calls of one person'; do
  corruption=${c%%:*} check=${c#*:}
  got=$(psql -X -qAt -v ON_ERROR_STOP=1 -v max_depth=$max_depth -v corruption="$corruption" -d $db \
          -c 'BEGIN' -f "$stress/corrupt.sql" -f "$stress/invariants.sql" -c 'ROLLBACK' 2>&1)
  failing=$(printf '%s\n' "$got" | grep -v '|0$' | sed 's/|.*//' | paste -sd ';' -)
  [ "$(printf '%s\n' "$got" | awk -F'|' -v name="$check" '$1 == name { print $2 }')" -gt 0 ] 2>/dev/null
  ok $? "corruption '$corruption' fails the check '$check' (failing: ${failing:-none})"
done
is "$(psql -X -qAt -v max_depth=$max_depth -d $db -f "$stress/invariants.sql" | grep -v '|0$')" "" \
   "the corruptions were rolled back"

dropdb $db
psql -X -q -c "DROP ROLE $role"
done_testing
