#!/usr/bin/env bash
# counters_stress: the call counters stay exact under concurrent writes.
# pgbench, 4 clients for a bounded time, as an app role (neither superuser
# nor BYPASSRLS) with the identity set in each transaction, runs a random
# mix of the application's writes on the interviews of 20 campaigns:
# schedule (in one campaign, or in two neighbouring ones by one INSERT, in
# the order drawn), confirm, complete, cancel, delete; a row another client
# changed or deleted meanwhile is simply not found.  Then, as the
# superuser: no transaction failed (a deadlock or a serialization failure
# would count as one), no counter drifted, and each equals a fresh count.
# Since 0.4.0 the interviews follow their workflow (completed and cancelled
# are final): each script picks a row in a status its step may leave, and
# its UPDATE keeps that condition, so that a row another client moved
# meanwhile is not found rather than refused.  After the run the workflow's
# own invariants hold too: one completed_interviews row per completed
# interview, no reviewed or scheduling expert with a live interview, and
# every row's latest history row is its status.
# The scripts and the fixture are in test/stress/.  COUNTERS_STRESS_SECONDS
# overrides the duration (15).
set -u
. "$(dirname "$0")/lib.bash"
stress=$(cd "$(dirname "$0")/../stress" && pwd)
seconds=${COUNTERS_STRESS_SECONDS:-15}
db=en_stress
role=en_stress_app

fresh_db $db
psql -X -q -v ON_ERROR_STOP=1 -d $db >/dev/null <<SQL
SET client_min_messages = warning;
CREATE EXTENSION expert_network;
DROP ROLE IF EXISTS $role;
CREATE ROLE $role;
SELECT expert_network.grant_access('$role', 'app');
SQL
ok $? "a database with expert_network and an app role $role"
psql -X -q -d $db -f "$stress/fixture.sql" >/dev/null
ok $? "fixture: 20 campaigns of user stress, each with 2 experts and 5 interviews"
is "$(q $db "SELECT count(*) || ' ' || sum(scheduled_calls) || ' ' || sum(completed_calls) FROM expert_network.campaigns")" \
   "20 60 20" "fixture: 20 campaigns, 60 scheduled calls, 20 completed"

# the app role for the whole session, as if it had logged in itself
is "$(PGOPTIONS="-c role=$role" q $db "SELECT current_user || ' ' || rolsuper || ' ' || rolbypassrls FROM pg_catalog.pg_roles WHERE rolname = current_user")" \
   "$role false false" "pgbench's sessions run as $role, which row-level security applies to"

out=$(PGOPTIONS="-c role=$role" pgbench -n -c 4 -j 4 -T "$seconds" \
        -f "$stress/schedule.sql@15" -f "$stress/schedule_pair.sql@20" \
        -f "$stress/confirm.sql@20" -f "$stress/complete.sql@20" \
        -f "$stress/cancel.sql@15" -f "$stress/delete.sql@10" $db 2>&1)
status=$?
is "$status" 0 "pgbench: 4 clients for ${seconds}s, exit status 0"
[ "$status" -eq 0 ] || printf '%s\n' "$out" | grep -iE 'error|abort' | head -10 | sed 's/^/#   /'
processed=$(printf '%s\n' "$out" | sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p')
failed=$(printf '%s\n' "$out" | sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p')
[ "${processed:-0}" -gt 1000 ]
ok $? "pgbench: more than 1000 transactions processed (${processed:-none})"
is "${failed:-unknown}" 0 "pgbench: no failed transaction (no deadlock, no serialization failure)"
printf '%s\n' "$out" | grep -E '^(number of|latency average|tps)' | sed 's/^/# /'

is "$(q $db "SELECT count(*) FROM expert_network.verify_counters()")" 0 \
   "after the run, verify_counters() finds no drift"
is "$(q $db "SELECT count(*) FROM expert_network.campaigns c
               WHERE scheduled_calls <> (SELECT count(*) FROM expert_network.interviews i
                                          WHERE i.campaign_id = c.id AND i.status IN ('pending', 'scheduled', 'confirmed'))
                  OR completed_calls <> (SELECT count(*) FROM expert_network.interviews i
                                          WHERE i.campaign_id = c.id AND i.status = 'completed')")" 0 \
   "after the run, every campaign's counters equal a fresh count of its interviews"
q $db "SELECT campaign_name || ': ' || scheduled_calls || ' scheduled, ' || completed_calls || ' completed'
         FROM expert_network.campaigns ORDER BY id LIMIT 3" | sed 's/^/# /'

# the run did what it says
is "$(q $db "SELECT string_agg(status, ' ' ORDER BY status) FROM (SELECT DISTINCT status FROM expert_network.interviews) s")" \
   "cancelled completed confirmed pending scheduled" "the interviews left are in all five statuses"
[ "$(q $db "SELECT sum(completed_calls) FROM expert_network.campaigns")" -gt 20 ]
ok $? "more interviews were completed during the run"
is "$(q $db "SELECT count(*) FROM expert_network.interviews WHERE user_id <> 'stress'")" 0 \
   "every interview belongs to the identity the transactions set"
is "$(q $db "SELECT count(*) FROM expert_network.campaigns WHERE updated_at <> '2000-01-01 00:00:00+00'")" 0 \
   "no campaign's updated_at moved: counting is not an edit"

# the workflow's invariants (0.4.0)
is "$(q $db "SELECT count(*) FROM expert_network.interviews i
               WHERE (SELECT count(*) FROM expert_network.completed_interviews c WHERE c.interview_id = i.id)
                     <> CASE i.status WHEN 'completed' THEN 1 ELSE 0 END")" 0 \
   "after the run, each completed interview has exactly one completed_interviews row, and no other interview one"
is "$(q $db "SELECT count(*) FROM expert_network.experts e
               WHERE e.status IN ('reviewed', 'scheduling')
                 AND EXISTS (SELECT FROM expert_network.interviews i
                              WHERE i.expert_id = e.id AND i.status IN ('pending', 'scheduled', 'confirmed'))")" 0 \
   "after the run, no expert with a live interview is still reviewed or back in scheduling"
is "$(q $db "SELECT count(*) FROM (SELECT id, status FROM expert_network.interviews
                                 UNION ALL SELECT id, status FROM expert_network.experts) AS r
               WHERE r.status IS DISTINCT FROM (SELECT h.to_status FROM expert_network.status_history h
                                                 WHERE h.row_id = r.id ORDER BY h.changed_at DESC LIMIT 1)")" 0 \
   "after the run, every interview's and expert's latest history row is its status"

dropdb $db
psql -X -q -c "DROP ROLE $role"
done_testing
