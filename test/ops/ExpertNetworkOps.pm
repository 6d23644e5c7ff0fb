# test/ops/ExpertNetworkOps.pm — what the operations tests (test/perl/
# 002_pg_upgrade.pl, 003_standby.pl) share: a database with the extension,
# an app role and a readonly role and two application users' rows, and psql
# runs as those roles with an identity set.
package ExpertNetworkOps;

use strict;
use warnings;

use Cwd qw(abs_path);
use Exporter qw(import);
use File::Basename qw(dirname);
use IPC::Run;

our @EXPORT = qw($DB $APP $RO ops_file populate run_file as_user sqlstates);

our $DB  = 'en_ops';
our $APP = 'en_ops_app';     # grant_access(..., 'app')
our $RO  = 'en_ops_ro';      # grant_access(..., 'readonly')

my $test = abs_path(dirname(__FILE__) . '/..');

# a file of test/: ops_file('ops/walks.sql'), ops_file('stress/fixture.sql')
sub ops_file { return "$test/$_[0]"; }

# The database, the extension, the roles, and the rows: test/stress/
# fixture.sql (users stress1 and stress2, 20 campaigns each, written as the
# app role), test/ops/populate.sql (the API's writes on top of it), and
# demo/sample.sql with demo/compliance.sql and demo/calendar.sql
# (user_demo_1, a row in every table).  5 tests.
sub populate
{
	my ($node) = @_;
	$node->safe_psql('postgres', "CREATE DATABASE $DB");
	$node->safe_psql(
		$DB, qq{
SET client_min_messages = warning;
CREATE EXTENSION expert_network;
CREATE ROLE $APP LOGIN;
CREATE ROLE $RO LOGIN;
SELECT expert_network.grant_access('$APP', 'app');
SELECT expert_network.grant_access('$RO', 'readonly');
});
	my @psql = ('psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', $node->connstr($DB));
	$node->command_ok([ @psql, '-v', "role=$APP", '-f', ops_file('stress/fixture.sql') ],
		'fixture: users stress1 and stress2, 40 campaigns, as the app role');
	$node->command_ok([ @psql, '-v', "role=$APP", '-f', ops_file('ops/populate.sql') ],
		'the API writes on top: schedule, complete, rate, cancel, move, copy, statuses');
	$node->command_ok([ @psql, '-f', ops_file('../demo/sample.sql') ],
		'demo/sample.sql: user_demo_1');
	$node->command_ok([ @psql, '-f', ops_file('../demo/compliance.sql') ],
		'demo/compliance.sql on it');
	$node->command_ok([ @psql, '-f', ops_file('../demo/calendar.sql') ],
		'demo/calendar.sql on it: a row in every table (call_caps, 0.13.0)');
	return;
}

# psql -f FILE on the node's database: (exit status, stdout, stderr).
# Options: role (connect as it; default the bootstrap superuser), identity
# (expert_network.user_id for the session), vars (psql -v NAME=VALUE).
sub run_file
{
	my ($node, $file, %o) = @_;
	my $connstr = $node->connstr($DB);
	$connstr .= " user=$o{role}" if $o{role};
	my @cmd = ('psql', '-X', '-qAt', '-v', 'ON_ERROR_STOP=1', '-v', 'VERBOSITY=verbose',
		(map { ('-v', $_) } @{ $o{vars} || [] }), '-d', $connstr);
	push @cmd, '-c', "SET expert_network.user_id = '$o{identity}'" if $o{identity};
	push @cmd, '-f', $file;
	my ($out, $err) = ('', '');
	IPC::Run::run(\@cmd, '>', \$out, '2>', \$err);
	chomp $out;
	return ($? >> 8, $out, $err);
}

# SQL as a role acting for an application user (SET expert_network.user_id
# for the session, as an application does), with verbose errors so that
# each carries its SQLSTATE: (exit status, stdout, stderr)
sub as_user
{
	my ($node, $role, $identity, $sql) = @_;
	my ($out, $err);
	my $rc = $node->psql(
		$DB,
		"\\set VERBOSITY verbose\nSET expert_network.user_id = '$identity';\n$sql",
		connstr => $node->connstr($DB) . " user=$role",
		stdout  => \$out,
		stderr  => \$err);
	return ($rc, $out, $err);
}

# the SQLSTATEs of the errors in psql's verbose stderr, in order
sub sqlstates
{
	my ($err) = @_;
	return join(',', $err =~ /^(?:psql:\S+ )?(?:ERROR|FATAL|PANIC):  ([0-9A-Z]{5}):/mg);
}

1;
