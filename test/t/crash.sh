#!/usr/bin/env bash
# crash: an immediate shutdown (no checkpoint, as a power cut) in the middle
# of concurrent workflow traffic, then a restart with crash recovery.  What
# the extension keeps in step must still be in step: every call counter
# exact, every row's owner its parents', every status the last one its
# history records, one completed-interview record per completed interview,
# every screener a tree.  The traffic is the stress test's pgbench mix
# (test/stress/), as an app role with its identity set per transaction.
set -u
. "$(dirname "$0")/lib.bash"
root=$(cd "$(dirname "$0")/../.." && pwd)
stress=$root/test/stress
db=en_crash
role=en_crash_app
cluster=$(pg_lsclusters -h | awk 'NR == 1 { print $2 }')

fresh_db $db
psql -X -q -v ON_ERROR_STOP=1 -d $db >/dev/null <<SQL
SET client_min_messages = warning;
CREATE EXTENSION expert_network;
DROP ROLE IF EXISTS $role;
CREATE ROLE $role;
SELECT expert_network.grant_access('$role', 'app');
SQL
psql -X -q -v ON_ERROR_STOP=1 -d $db -f "$stress/fixture.sql" >/dev/null
ok $? "fixture: 20 campaigns with experts and interviews"
# a screener per campaign: top-level questions with sub-questions
q $db "SET expert_network.user_id = 'stress';
       INSERT INTO expert_network.screening_questions (id, campaign_id, question_text, display_order)
       SELECT md5(c.id::text || g)::uuid, c.id, 'Question ' || g, g
         FROM expert_network.campaigns c, generate_series(1, 3) g;
       INSERT INTO expert_network.screening_questions (campaign_id, parent_question_id, question_text, display_order)
       SELECT q.campaign_id, q.id, 'Follow-up', 1 FROM expert_network.screening_questions q" >/dev/null
ok $? "fixture: a screener of 6 questions per campaign"

# traffic, then the crash while it runs
PGOPTIONS="-c role=$role" pgbench -n -c 4 -j 4 -T 30 \
  -f "$stress/schedule.sql@15" -f "$stress/schedule_pair.sql@20" \
  -f "$stress/confirm.sql@20" -f "$stress/complete.sql@20" \
  -f "$stress/cancel.sql@15" -f "$stress/delete.sql@10" $db >/dev/null 2>&1 &
bench=$!
sleep 6
pg_ctlcluster "$PGVERSION" "$cluster" stop -m immediate
ok $? "immediate shutdown of the cluster in the middle of the traffic"
wait $bench
pg_ctlcluster "$PGVERSION" "$cluster" start
ok $? "restart, with crash recovery"
for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
grep -q "database system was interrupted\|was not properly shut down" \
  "$(pg_lsclusters -h | awk 'NR == 1 { print $7 }')"
ok $? "the server log shows the recovery"

[ "$(q $db "SELECT count(*) FROM expert_network.interviews")" -gt 100 ]
ok $? "traffic was committed before the crash"
is "$(q $db "SELECT count(*) FROM expert_network.verify_counters()")" 0 "every call counter is exact"
is "$(psql -X -qAt -d $db -f "$root/test/owners.sql" | grep -v '|0$')" "" "every row's owner is its parents' owner"
is "$(psql -X -qAt -d $db -f "$root/test/history.sql" | grep -v '|0$')" "" "every status is the last one its history records"
is "$(q $db "SELECT count(*) FROM expert_network.interviews i
              WHERE (i.status = 'completed') <>
                    EXISTS (SELECT FROM expert_network.completed_interviews c WHERE c.interview_id = i.id)")" 0 \
   "one completed-interview record for each completed interview, none for the others"
is "$(q $db "SELECT sum((SELECT count(*) FROM expert_network.question_tree(c.id))) FROM expert_network.campaigns c" 2>&1)" \
   "$(q $db "SELECT count(*) FROM expert_network.screening_questions")" \
   "every screener walks as a tree, every question in it"

dropdb $db
psql -X -q -c "DROP ROLE $role"
done_testing
