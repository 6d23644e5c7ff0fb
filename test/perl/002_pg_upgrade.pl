# test/perl/002_pg_upgrade.pl — pg_upgrade keeps everything.
#
# An old cluster gets the extension, an app role and a readonly role with
# their levels (grant_access), and two application users' rows written
# through the API (test/stress/fixture.sql, test/ops/populate.sql: campaigns
# in every status, interviews scheduled, confirmed, completed and rated,
# cancelled, screeners up to 8 levels deep, moved and copied, the status
# history of all of it) plus demo/sample.sql (a row in every table).  Its
# state is recorded: a checksum of every row of every table, the ACLs and
# initial privileges, the whole catalog description (test/catalog.sql), the
# screener walks of every campaign (as a superuser and as the app role for
# each user), verify_counters().  Then pg_upgrade --check and pg_upgrade
# (copy mode) into a new cluster, with the same binaries: PostgreSQL 15 to
# 15 runs the path of a major upgrade (pg_dump --binary-upgrade of the
# schema, relation files copied).  On the new cluster: the same rows, ACLs,
# catalog and walks; test/stress/invariants.sql finds nothing;
# verify_counters() has no row; ALTER EXTENSION ... UPDATE is a no-op; and
# the API works as the app role (schedule, complete: the completed-interview
# record, exact counters, history), with another user seeing none of it and
# the readonly role reading but not writing.
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

my $old = PostgreSQL::Test::Cluster->new('old');
$old->init;
$old->start;
populate($old);

# what pg_upgrade must keep, as text; each file's lines sorted by the file
sub state_of
{
	my ($node) = @_;
	my %state;
	for my $what (qw(ops/checksums.sql ops/acls.sql catalog.sql ops/walks.sql))
	{
		my ($rc, $out, $err) = run_file($node, ops_file($what));
		die "$what: $err" if $rc;
		$state{$what} = $out;
	}
	for my $user (qw(stress1 stress2))
	{
		my ($rc, $out, $err) =
		  run_file($node, ops_file('ops/walks.sql'), role => $APP, identity => $user);
		die "walks as $user: $err" if $rc;
		$state{"walks as $user"} = $out;
	}
	$state{'verify_counters()'} =
	  $node->safe_psql($DB, 'SELECT * FROM expert_network.verify_counters()');
	$state{version} = $node->safe_psql($DB,
		"SELECT extversion FROM pg_extension WHERE extname = 'expert_network'");
	return \%state;
}

# test/stress/invariants.sql: every line "check|0"
sub invariants_hold
{
	my ($node, $when) = @_;
	my ($rc, $out, $err) =
	  run_file($node, ops_file('stress/invariants.sql'), vars => ['max_depth=16']);
	is($rc, 0, "$when: test/stress/invariants.sql runs") or diag($err);
	my @lines = split /\n/, $out;
	cmp_ok(scalar(@lines), '>=', 30, "$when: " . scalar(@lines) . ' invariant checks');
	is(join("\n", grep { !/\|0$/ } @lines), '', "$when: every invariant holds");
	return;
}

my $before = state_of($old);
my @tables = split /\n/, $before->{'ops/checksums.sql'};
cmp_ok(scalar(@tables), '>=', 19, scalar(@tables) . ' tables recorded');
is(join(',', map { (split /\|/)[0] } grep { /\|0\|/ } @tables),
	'', 'before: every table has rows');
is($before->{'verify_counters()'}, '', 'before: verify_counters() finds nothing');
like($before->{'walks as stress1'}, qr/^c0000000-0000-4000-8000-000000000001\|\d+\|[0-9a-f]{32}/,
	'before: the app role walks its own screeners');
invariants_hold($old, 'before');
my $superuser = $old->safe_psql('postgres', 'SELECT rolname FROM pg_authid WHERE oid = 10');

# the upgrade: old cluster stopped, new cluster made by initdb, pg_upgrade
# run in a directory of its own (it writes its scripts and logs in the
# current directory and in the new data directory)
$old->stop;
my $new = PostgreSQL::Test::Cluster->new('new');
$new->init;

my $workdir = PostgreSQL::Test::Utils::tempdir;
chdir $workdir or die "chdir $workdir: $!";
my @pg_upgrade = (
	'pg_upgrade', '--no-sync',
	'-b', $old->config_data('--bindir'),
	'-B', $new->config_data('--bindir'),
	'-d', $old->data_dir,
	'-D', $new->data_dir,
	'-p', $old->port,
	'-P', $new->port,
	'-s', $new->host,
	'-U', $superuser);
command_like([ @pg_upgrade, '--check' ], qr/\*Clusters are compatible\*/,
	'pg_upgrade --check');
command_ok(\@pg_upgrade, 'pg_upgrade');
ok(!-d $new->data_dir . '/pg_upgrade_output.d',
	'pg_upgrade removed its logs: nothing failed');
ok(!-e "$workdir/update_extensions.sql",
	'pg_upgrade found no extension to update');

$new->start;
my $after = state_of($new);
for my $what (sort keys %$before)
{
	is($after->{$what}, $before->{$what}, "after pg_upgrade: the same $what");
}
invariants_hold($new, 'after pg_upgrade');

# ALTER EXTENSION ... UPDATE at the installed version: a notice, nothing else
my ($rc, $out, $err) = $new->psql($DB, 'ALTER EXTENSION expert_network UPDATE');
is($rc, 0, 'ALTER EXTENSION expert_network UPDATE succeeds');
like($err, qr/version "\Q$before->{version}\E" of extension "expert_network" is already installed/,
	'and says the version is already installed');
my $updated = state_of($new);
for my $what ('version', 'ops/checksums.sql', 'catalog.sql')
{
	is($updated->{$what}, $before->{$what}, "after ALTER EXTENSION UPDATE: the same $what");
}

# the API as the app role on the upgraded cluster
my $app_sql = q{
SELECT e.id AS expert, e.campaign_id AS campaign
  FROM expert_network.experts AS e
  JOIN expert_network.campaigns AS c ON c.id = e.campaign_id
 WHERE e.status = 'scheduling' AND c.status = 'active'
 ORDER BY e.id LIMIT 1 \gset
SELECT scheduled_calls, completed_calls FROM expert_network.campaigns WHERE id = :'campaign';
SELECT expert_network.schedule_interview(:'expert', '2026-04-01', '09:30', 30, 'America/Chicago')
       AS interview \gset
SELECT scheduled_calls, completed_calls FROM expert_network.campaigns WHERE id = :'campaign';
SELECT expert_network.complete_interview(:'interview', 'after pg_upgrade') AS record \gset
SELECT scheduled_calls, completed_calls FROM expert_network.campaigns WHERE id = :'campaign';
SELECT r.interview_id = :'interview', r.notes, r.duration, r.interview_time
  FROM expert_network.completed_interviews AS r WHERE r.id = :'record';
SELECT e.status FROM expert_network.experts AS e WHERE e.id = :'expert';
SELECT string_agg(coalesce(h.from_status, '-') || '>' || h.to_status, ' ' ORDER BY h.changed_at, h.id)
  FROM expert_network.status_history AS h WHERE h.row_id = :'interview';
SELECT count(*) FROM expert_network.verify_counters();
SELECT :'interview';
};
($rc, $out, $err) = as_user($new, $APP, 'stress1', $app_sql);
is($rc, 0, 'the app role schedules and completes an interview through the API') or diag($err);
my @lines = split /\n/, $out;
my $interview = pop @lines;
my ($s0, $c0) = split /\|/, $lines[0];
is_deeply(
	[ @lines[ 1 .. $#lines ] ],
	[
		($s0 + 1) . "|$c0", "$s0|" . ($c0 + 1),
		't|after pg_upgrade|30 min|09:30 America/Chicago', 'completed',
		'->scheduled scheduled>completed', '0'
	],
	'counters +1 scheduled, then +1 completed; the record, the expert, the history; verify_counters() empty'
) or diag($out);

# another user sees none of it, and cannot complete it
($rc, $out, $err) = as_user(
	$new, $APP, 'stress2', qq{
SELECT count(*) FROM expert_network.interviews WHERE id = '$interview';
SELECT count(*) FROM expert_network.completed_interviews WHERE interview_id = '$interview';
SELECT count(*) FROM expert_network.status_history WHERE row_id = '$interview';
});
is($out, "0\n0\n0", "the other user sees neither the interview, its record nor its history")
  or diag($err);
($rc, $out, $err) = as_user($new, $APP, 'stress2',
	"SELECT expert_network.cancel_interview('$interview')");
is(sqlstates($err), 'P0002', "the other user's cancel_interview finds no such interview (P0002)");

# the readonly role reads the user's rows, and writes nothing
my $stress1_interviews = $new->safe_psql($DB,
	"SELECT count(*) FROM expert_network.interviews WHERE user_id = 'stress1'");
($rc, $out, $err) = as_user($new, $RO, 'stress1', 'SELECT count(*) FROM expert_network.interviews');
is($out, $stress1_interviews, "the readonly role reads stress1's $stress1_interviews interviews");
($rc, $out, $err) = as_user($new, $RO, 'stress1',
	"INSERT INTO expert_network.projects (project_code, project_name) VALUES ('RO', 'no')");
is(sqlstates($err), '42501', 'the readonly role may not insert (42501)');

is($new->safe_psql($DB, 'SELECT count(*) FROM expert_network.verify_counters()'),
	'0', 'after the API writes: verify_counters() finds nothing');
invariants_hold($new, 'after the API writes');

$new->stop;
done_testing();
