# test/perl/001_crash.pl — crash recovery in the middle of bulk workflow
# traffic, on a cluster of its own (PostgreSQL::Test::Cluster).
#
# The traffic is the stress test's pgbench mix (test/stress/): 4 clients as
# an app role, two application users, bulk imports and review of experts,
# interviews scheduled, completed (one by one and a campaign's at once),
# cancelled, rated and deleted, questions moved and screeners copied.  Twice
# the server goes down in the middle of it: first an immediate shutdown (no
# checkpoint, as a power cut to the processes), then a backend killed with
# SIGKILL, after which the postmaster resets every backend and recovers by
# itself.  After each recovery: everything committed before the crash is
# there, test/stress/invariants.sql finds nothing (counters exact, every
# history step an edge of its graph and each row's history one chain ending
# in its status, no orphan, every owner its parents', every screener a tree
# within the depth cap), the C tree walks agree, and amcheck finds every
# index of the extension's tables consistent with its table.
#
# Run by `make installcheck` (PGXS TAP_TESTS), which test/suite runs as an
# ordinary user: initdb refuses root.
use strict;
use warnings;

use Cwd qw(abs_path);
use File::Basename qw(dirname);
use IPC::Run;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $stress    = abs_path(dirname(__FILE__) . '/../stress');
my $db        = 'en_crash';
my $role      = 'en_crash_app';
my $max_depth = 5;
my @mix       = map { ('-f', "$stress/$_") } qw(
  schedule.sql@12 schedule_pair.sql@10 confirm.sql@10 complete.sql@7
  complete_api.sql@6 bulk_complete.sql@4 cancel.sql@8 delete.sql@5 rate.sql@8
  import_experts.sql@8 review_experts.sql@8 bulk_review.sql@5
  move_question.sql@12 copy_screener.sql@2);

my $node = PostgreSQL::Test::Cluster->new('crash');
$node->init;
# Cluster.pm logs every statement; the traffic would fill the log with them
$node->append_conf('postgresql.conf', "log_statement = none\n");
$node->start;

$node->safe_psql('postgres', "CREATE DATABASE $db");
$node->safe_psql(
	$db, qq{
SET client_min_messages = warning;
CREATE EXTENSION expert_network;
CREATE EXTENSION amcheck;
CREATE ROLE $role;
SELECT expert_network.grant_access('$role', 'app');
});
$node->command_ok(
	[
		'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-v', "role=$role",
		'-d', $db, '-f', "$stress/fixture.sql"
	],
	'fixture: 2 users, 40 campaigns with experts, interviews and screeners');

# psql's output for a file of test/stress, as the superuser
sub run_file
{
	my ($file, @vars) = @_;
	my ($out, $err) = ('', '');
	IPC::Run::run(
		[
			'psql', '-X', '-qAt', '-v', 'ON_ERROR_STOP=1',
			(map { ('-v', $_) } @vars),
			'-d', $node->connstr($db), '-f', "$stress/$file"
		],
		'>', \$out, '2>', \$err);
	return ($? >> 8, $out, $err);
}

# the pgbench mix in the background, as the app role, until the crash ends it
sub start_traffic
{
	my ($out, $err) = ('', '');
	local $ENV{PGOPTIONS} =
	  "-c role=$role -c expert_network.max_question_depth=$max_depth";
	my $h = IPC::Run::start(
		[
			'pgbench', '-n', '-c', '4', '-j', '4', '-T', '120', @mix,
			$node->connstr($db)
		],
		'>', \$out, '2>', \$err);
	return ($h, \$out, \$err);
}

# the status changes committed so far; traffic writes about a thousand a
# second here
sub history_rows
{
	return $node->safe_psql($db,
		'SELECT count(*) FROM expert_network.status_history');
}

# what must hold after a recovery
sub check_recovered
{
	my ($when, $committed) = @_;

	cmp_ok(history_rows(), '>=', $committed,
		"$when: every status change committed before the crash is there ($committed)");

	my ($rc, $out, $err) = run_file('invariants.sql', "max_depth=$max_depth");
	is($rc, 0, "$when: test/stress/invariants.sql runs") or diag($err);
	my @lines = split /\n/, $out;
	cmp_ok(scalar(@lines), '>=', 30, "$when: " . scalar(@lines) . ' invariant checks');
	is(join("\n", grep { !/\|0$/ } @lines), '', "$when: every invariant holds");

	is( $node->safe_psql(
			$db,
			'SELECT (SELECT count(*) FROM expert_network.campaigns c, expert_network.question_tree(c.id)) = count(*)
			   FROM expert_network.screening_questions'),
		't',
		"$when: question_tree() walks every question");

	# amcheck: every B-tree index of the extension's tables has exactly its
	# table's rows (heapallindexed), and is well-formed
	my $indexes = $node->safe_psql(
		$db, q{
SELECT count(*) FROM (
  SELECT bt_index_check(index => i.indexrelid, heapallindexed => true)
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    JOIN pg_am am ON am.oid = c.relam
   WHERE am.amname = 'btree'
     AND c.relnamespace = 'expert_network'::regnamespace) AS checked});
	cmp_ok($indexes, '>', 50, "$when: amcheck finds all $indexes B-tree indexes consistent");
	return;
}

my $before = history_rows();

# 1. immediate shutdown in the middle of the traffic
my ($traffic, $out, $err) = start_traffic();
ok( $node->poll_query_until(
		$db,
		"SELECT count(*) > $before + 5000 FROM expert_network.status_history"),
	'traffic under way');
my $committed = history_rows();
$node->stop('immediate');
$traffic->finish;
isnt($? >> 8, 0, 'pgbench was cut off by the shutdown');
like($$err, qr/server closed the connection|terminat|connection to server/i,
	'pgbench lost its connections in the middle of its work');

my $log_offset = -s $node->logfile;
$node->start;
ok( $node->log_contains(
		qr/database system was interrupted|was not properly shut down; automatic recovery in progress/,
		$log_offset),
	'the restart ran crash recovery');
ok($node->log_contains(qr/redo done at/, $log_offset), 'recovery replayed the WAL');
check_recovered('after the immediate shutdown', $committed);

# 2. a backend killed in the middle of the traffic: the postmaster resets
# every backend and recovers without a restart
$node->append_conf('postgresql.conf', "restart_after_crash = on\n");
$node->reload;
$before = history_rows();
($traffic, $out, $err) = start_traffic();
ok( $node->poll_query_until(
		$db,
		"SELECT count(*) > $before + 3000 FROM expert_network.status_history"),
	'traffic under way again');
# one of pgbench's backends, preferably in the middle of a statement
my $victim = $node->safe_psql(
	$db, q{
SELECT pid FROM pg_stat_activity
 WHERE datname = current_database() AND backend_type = 'client backend'
   AND pid <> pg_backend_pid()
 ORDER BY state = 'active' DESC, xact_start LIMIT 1});
$committed = history_rows();
$log_offset = -s $node->logfile;
ok($victim =~ /^\d+$/ && kill('KILL', $victim), "SIGKILL to one of pgbench's backends ($victim)");
$traffic->finish;
isnt($? >> 8, 0, 'pgbench was cut off by the reset');
ok($node->poll_query_until($db, 'SELECT true'), 'the server is back by itself');
ok( $node->log_contains(qr/server process \(PID $victim\) was terminated by signal 9/, $log_offset),
	'the postmaster saw the backend killed');
ok( $node->log_contains(qr/all server processes terminated; reinitializing/, $log_offset),
	'and reset every backend, with crash recovery');
check_recovered('after the killed backend', $committed);

$node->stop;
done_testing();
