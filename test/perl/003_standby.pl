# test/perl/003_standby.pl — the extension on a hot standby.
#
# A primary streams to a standby made from a base backup taken before the
# extension exists: CREATE EXTENSION, the roles' levels and two application
# users' rows (test/stress/fixture.sql, test/ops/populate.sql,
# demo/sample.sql) reach the standby by WAL replay only.  On the standby, as
# the app role acting for a user: row-level security scopes every read (its
# own rows, as many as the primary has, none of the other user's), the C
# walks (question_tree, question_subtree, question_ancestors), the workflow
# graphs (allowed_transitions, transition_graph) and verify_counters() work
# and give the primary's answers.  Every write — the API's schedule, complete,
# cancel, rate, move, copy and repair_counters, a plain INSERT and UPDATE —
# fails with 25006 (read_only_sql_transaction), never an internal error
# (XX000) or a crash, and the standby stays up.  Then the same writes
# succeed on the primary, the standby replays them, and has the primary's
# rows, byte for byte, with exact counters.
#
# Run by `make installcheck` (PGXS TAP_TESTS), as an ordinary user.
use strict;
use warnings;

use Cwd qw(abs_path);
use File::Basename qw(dirname);
use lib abs_path(dirname(__FILE__) . '/../ops');
use ExpertNetworkOps;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $primary = PostgreSQL::Test::Cluster->new('primary');
$primary->init(allows_streaming => 1);
$primary->start;
$primary->backup('base');

my $standby = PostgreSQL::Test::Cluster->new('standby');
$standby->init_from_backup($primary, 'base', has_streaming => 1);
# every error in the server log with its SQLSTATE
$standby->append_conf('postgresql.conf', "log_error_verbosity = verbose\n");
$standby->start;

populate($primary);
$primary->wait_for_catchup($standby, 'replay', $primary->lsn('insert'));
is($standby->safe_psql('postgres', 'SELECT pg_is_in_recovery()'), 't', 'the standby is in recovery');
my $log_offset = -s $standby->logfile;

# 1. reads on the standby, as the app role for stress1: the primary's answers
my %reads = (
	'rows per table' => q{
SELECT 'campaigns', count(*) FROM expert_network.campaigns
UNION ALL SELECT 'experts', count(*) FROM expert_network.experts
UNION ALL SELECT 'interviews', count(*) FROM expert_network.interviews
UNION ALL SELECT 'completed_interviews', count(*) FROM expert_network.completed_interviews
UNION ALL SELECT 'screening_questions', count(*) FROM expert_network.screening_questions
UNION ALL SELECT 'status_history', count(*) FROM expert_network.status_history
UNION ALL SELECT 'projects', count(*) FROM expert_network.projects
UNION ALL SELECT 'rows of other users', count(*) FROM (
    SELECT user_id FROM expert_network.campaigns
    UNION ALL SELECT user_id FROM expert_network.interviews
    UNION ALL SELECT user_id FROM expert_network.status_history) AS r
 WHERE user_id <> 'stress1'},
	'call counters' => q{
SELECT id, status, scheduled_calls, completed_calls FROM expert_network.campaigns ORDER BY id},
	'verify_counters()' => q{SELECT * FROM expert_network.verify_counters()},
	'allowed_transitions()' => q{
SELECT g.entity, g.from_status,
       (SELECT string_agg(t, ',' ORDER BY t)
          FROM expert_network.allowed_transitions(g.entity, g.from_status) AS t)
  FROM (SELECT DISTINCT entity, from_status FROM expert_network.transition_graph()) AS g
 ORDER BY 1, 2},
	'transition_graph()' => q{SELECT * FROM expert_network.transition_graph() ORDER BY 1, 2, 3},
	'question_ancestors() of the deepest question, question_subtree() of the first' => q{
SELECT 'ancestors', a.position, a.depth, a.question_text
  FROM (SELECT t.id FROM expert_network.question_tree('c0000000-0000-4000-8000-000000000001') AS t
         ORDER BY t.depth DESC, t.position LIMIT 1) AS deepest,
       expert_network.question_ancestors(deepest.id) AS a
UNION ALL
SELECT 'subtree', s.position, s.depth, s.question_text
  FROM (SELECT t.id FROM expert_network.question_tree('c0000000-0000-4000-8000-000000000001') AS t
         WHERE t.position = '1') AS top,
       expert_network.question_subtree(top.id) AS s});

my $expected_rows = $primary->safe_psql(
	$DB, q{
SELECT 'campaigns', count(*) FROM expert_network.campaigns WHERE user_id = 'stress1'
UNION ALL SELECT 'experts', count(*) FROM expert_network.experts WHERE user_id = 'stress1'
UNION ALL SELECT 'interviews', count(*) FROM expert_network.interviews WHERE user_id = 'stress1'
UNION ALL SELECT 'completed_interviews', count(*) FROM expert_network.completed_interviews WHERE user_id = 'stress1'
UNION ALL SELECT 'screening_questions', count(*) FROM expert_network.screening_questions WHERE user_id = 'stress1'
UNION ALL SELECT 'status_history', count(*) FROM expert_network.status_history WHERE user_id = 'stress1'
UNION ALL SELECT 'projects', count(*) FROM expert_network.projects WHERE user_id = 'stress1'
UNION ALL SELECT 'rows of other users', 0});

# each read on both nodes, as the app role for stress1: the same answer
sub compare_reads
{
	my ($when) = @_;
	for my $what (sort keys %reads)
	{
		my ($prc, $pout, $perr) = as_user($primary, $APP, 'stress1', $reads{$what});
		my ($rc, $out, $err) = as_user($standby, $APP, 'stress1', $reads{$what});
		ok($rc == 0 && $prc == 0 && $out eq $pout, "$when: $what as on the primary")
		  or diag("standby ($rc): $out\n$err\nprimary ($prc): $pout\n$perr");
	}
	my ($prc, $pout, $perr) =
	  run_file($primary, ops_file('ops/walks.sql'), role => $APP, identity => 'stress1');
	my ($rc, $out, $err) =
	  run_file($standby, ops_file('ops/walks.sql'), role => $APP, identity => 'stress1');
	ok($rc == 0 && $prc == 0 && $out eq $pout && $out =~ /^c0000000-\S+\|\d+\|[0-9a-f]{32}\|/,
		"$when: question_tree, question_subtree and question_ancestors of every campaign as on the primary"
	) or diag("standby ($rc): $out\n$err\nprimary ($prc): $pout\n$perr");
	return;
}

my ($rc, $out, $err) = as_user($standby, $APP, 'stress1', $reads{'rows per table'});
is($out, $expected_rows, "on the standby the app role sees stress1's rows and only them")
  or diag($err);
($rc, $out, $err) = as_user($standby, $RO, 'stress1', $reads{'rows per table'});
is($out, $expected_rows, 'and so does the readonly role') or diag($err);
($rc, $out, $err) = as_user($standby, $APP, 'stress1', $reads{'verify_counters()'});
is("$rc|$out", '0|', 'verify_counters() on the standby: no row') or diag($err);
is($standby->safe_psql($DB, 'SELECT count(*) FROM expert_network.verify_counters()'),
	'0', 'verify_counters() on the standby as a superuser, every campaign: no row');
compare_reads('on the standby');

# another user's question is no question, on the standby too
my $other_question = $primary->safe_psql($DB,
	"SELECT id FROM expert_network.screening_questions WHERE user_id = 'stress2' ORDER BY id LIMIT 1");
($rc, $out, $err) = as_user($standby, $APP, 'stress1',
	"SELECT * FROM expert_network.question_subtree('$other_question')");
is(sqlstates($err), 'P0002', "question_subtree() of stress2's question as stress1: P0002");

# 2. writes on the standby: 25006, never an internal error
my %pick = (
	expert => q{
SELECT e.id FROM expert_network.experts AS e JOIN expert_network.campaigns AS c ON c.id = e.campaign_id
 WHERE e.user_id = 'stress1' AND e.status = 'scheduling' AND c.status = 'active' ORDER BY e.id LIMIT 1},
	scheduled => q{
SELECT i.id FROM expert_network.interviews AS i JOIN expert_network.campaigns AS c ON c.id = i.campaign_id
 WHERE i.user_id = 'stress1' AND i.status = 'scheduled' AND c.status = 'active' ORDER BY i.id LIMIT 1},
	pending => q{
SELECT i.id FROM expert_network.interviews AS i JOIN expert_network.campaigns AS c ON c.id = i.campaign_id
 WHERE i.user_id = 'stress1' AND i.status = 'pending' AND c.status = 'active' ORDER BY i.id LIMIT 1},
	confirmed => q{
SELECT i.id FROM expert_network.interviews AS i JOIN expert_network.campaigns AS c ON c.id = i.campaign_id
 WHERE i.user_id = 'stress1' AND i.status = 'confirmed' AND c.status = 'active' ORDER BY i.id LIMIT 1},
	completed => q{
SELECT i.id FROM expert_network.interviews AS i JOIN expert_network.campaigns AS c ON c.id = i.campaign_id
  JOIN expert_network.completed_interviews AS r ON r.interview_id = i.id
 WHERE i.user_id = 'stress1' AND r.rated_at IS NULL AND c.status = 'active' ORDER BY i.id LIMIT 1},
	question => q{
SELECT t.id FROM expert_network.question_tree('c0000000-0000-4000-8000-000000000005') AS t
 WHERE t.position = '2.1'});
my %id = map { $_ => $primary->safe_psql($DB, $pick{$_}) } keys %pick;
ok(!grep({ $_ !~ /^[0-9a-f-]{36}$/ } values %id), 'rows to write picked: ' . join(', ', sort keys %id));

my @writes = (
	[ 'schedule_interview()' =>
		"SELECT expert_network.schedule_interview('$id{expert}', '2026-05-04', '16:00', 60, 'Asia/Tokyo')" ],
	[ 'complete_interview()' =>
		"SELECT expert_network.complete_interview('$id{scheduled}', 'on the primary')" ],
	[ 'cancel_interview()'   => "SELECT expert_network.cancel_interview('$id{pending}')" ],
	[ 'rate_interview()'     => "SELECT expert_network.rate_interview('$id{completed}', 4, 4, 4, 4, 'ok')" ],
	[ 'move_question()'      => "SELECT expert_network.move_question('$id{question}', NULL, 1)" ],
	[ 'copy_question_tree()' => q{SELECT expert_network.copy_question_tree(
               'c0000000-0000-4000-8000-000000000005', 'c0000000-0000-4000-8000-000000000009')} ],
	[ 'repair_counters()'    => 'SELECT expert_network.repair_counters()' ],
	[ 'INSERT INTO projects' => q{INSERT INTO expert_network.projects (project_code, project_name)
               VALUES ('STBY-1', 'Written after the standby was checked')} ],
	[ 'UPDATE of an interview' =>
		"UPDATE expert_network.interviews SET status = 'completed' WHERE id = '$id{confirmed}'" ]);

for my $w (@writes)
{
	my ($name, $sql) = @$w;
	($rc, $out, $err) = as_user($standby, $APP, 'stress1', $sql);
	ok( $rc != 0 && sqlstates($err) eq '25006' && $err =~ /read-only transaction/,
		"on the standby $name fails with 25006 (read_only_sql_transaction)")
	  or diag("rc $rc, SQLSTATEs '" . sqlstates($err) . "': $err");
}
is($standby->safe_psql('postgres', 'SELECT pg_is_in_recovery()'), 't',
	'the standby is up, still in recovery, after the refused writes');
ok(!$standby->log_contains(qr/XX000|PANIC|TRAP|terminated by signal|server process .* exited/, $log_offset),
	'its log has no internal error (XX000), assertion, PANIC or crashed backend');
ok($standby->log_contains(qr/ERROR:  25006: cannot execute/, $log_offset),
	'and has the refusals, as 25006');
compare_reads('after the refused writes');

# 3. the same writes on the primary succeed; the standby replays them
for my $w (@writes)
{
	my ($name, $sql) = @$w;
	($rc, $out, $err) = as_user($primary, $APP, 'stress1', $sql);
	is($rc, 0, "on the primary $name succeeds") or diag($err);
}
$primary->wait_for_catchup($standby, 'replay', $primary->lsn('insert'));

($rc, $out, $err) = as_user(
	$standby, $APP, 'stress1', qq{
SELECT count(*) FROM expert_network.interviews
 WHERE expert_id = '$id{expert}' AND scheduled_date = '2026-05-04';
SELECT i.status, r.notes FROM expert_network.interviews AS i
  JOIN expert_network.completed_interviews AS r ON r.interview_id = i.id WHERE i.id = '$id{scheduled}';
SELECT status FROM expert_network.interviews WHERE id IN ('$id{pending}', '$id{confirmed}') ORDER BY status::text;
SELECT rating FROM expert_network.completed_interviews WHERE interview_id = '$id{completed}';
SELECT parent_question_id IS NULL FROM expert_network.screening_questions WHERE id = '$id{question}';
SELECT count(*) FROM expert_network.projects WHERE project_code = 'STBY-1';
});
is( $out,
	join("\n", 1, 'completed|on the primary', 'cancelled', 'completed', '4.0', 't', 1),
	"the standby has the primary's new rows: interview, completed record, statuses, rating, move, project"
) or diag($err);
compare_reads('after the primary wrote more');
($rc, $out, $err) = as_user($standby, $APP, 'stress1', $reads{'verify_counters()'});
is("$rc|$out", '0|', 'verify_counters() on the standby after replay: no row') or diag($err);

my ($prc, $pout, $perr) = run_file($primary, ops_file('ops/checksums.sql'));
($rc, $out, $err) = run_file($standby, ops_file('ops/checksums.sql'));
ok($rc == 0 && $prc == 0 && $out eq $pout, "every table's rows on the standby are the primary's")
  or diag("standby: $out\n$err\nprimary: $pout\n$perr");
($rc, $out, $err) =
  run_file($standby, ops_file('stress/invariants.sql'), vars => ['max_depth=16']);
my @lines = split /\n/, $out;
ok($rc == 0 && @lines >= 30 && !grep({ !/\|0$/ } @lines),
	'test/stress/invariants.sql finds nothing on the standby') or diag("$out\n$err");

$standby->stop;
$primary->stop;
done_testing();
