#!/usr/bin/env bash
# trust: the trust model of a trusted install (0.7.0).  A database owner who
# is not a superuser installs the extension; its objects then belong to the
# bootstrap superuser.  Neither that role nor the roles given access levels
# may gain anything through the extension: no trigger, TRUNCATE or foreign
# key of theirs on its tables, no object in its schema, no code of theirs run
# by its C code, no privilege left behind by revoke_access(), no identity they
# were not given, no reference to another application user's rows.  And the
# same after ALTER EXTENSION UPDATE from every earlier version.
#
# Roles act through SET SESSION AUTHORIZATION from the superuser's session
# (the suite's cluster authenticates by password); the few checks about what
# a role's own connection starts with log in as that role, when they can.
set -u
. "$(dirname "$0")/lib.bash"
root=$(cd "$(dirname "$0")/../.." && pwd)

latest=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" "$root/expert_network.control")
versions=$(cd "$root/sql" && ls expert_network--*.sql | grep -v -- '--.*--' |
           sed 's/^expert_network--\(.*\)\.sql$/\1/' | sort -V)

DBOWNER=en_trust_dbowner
APP=en_trust_app
VIEWER=en_trust_viewer
ADMIN=en_trust_admin
ROLES="$DBOWNER $APP $VIEWER $ADMIN"
PW=en_trust_pw                  # our roles' own password, for the login checks
VENDOR=00000000-0000-4000-8000-000000000001       # GLG, shipped with every version

# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

# run ROLE DB SQL: run SQL as ROLE (su: the suite's superuser); sets OUT, ERR, RC
run() {
  local role=$1 db=$2 sql=$3 errf
  errf=$(mktemp)
  if [ "$role" = su ]; then
    OUT=$(printf '%s\n' "$sql" | psql -X -qAt -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -d "$db" 2>"$errf")
  else
    OUT=$(printf 'SET SESSION AUTHORIZATION %s;\n%s\n' "$role" "$sql" |
          psql -X -qAt -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -d "$db" 2>"$errf")
  fi
  RC=$?
  ERR=$(grep -v -e '^psql:<stdin>:[0-9]*: WARNING' -e '^WARNING' "$errf")
  rm -f "$errf"
}

# the SQLSTATE of the first error of a psql error text
sqlstate_of() {
  local s
  s=$(printf '%s\n' "$1" | sed -n 's/^.*ERROR:  \([0-9A-Z]\{5\}\): .*$/\1/p' | head -1)
  echo "${s:-unknown error: $(printf '%s' "$1" | head -1)}"
}

# st ROLE DB SQL: "ok", or the SQLSTATE of the first error
st() { run "$@"; if [ "$RC" -eq 0 ]; then echo ok; else sqlstate_of "$ERR"; fi; }

# v ROLE DB SQL: the rows (unaligned), or "ERROR <sqlstate>"
v() { run "$@"; if [ "$RC" -eq 0 ]; then printf '%s\n' "$OUT"; else echo "ERROR $(sqlstate_of "$ERR")"; fi; }

# errtext ROLE DB SQL: the whole error (verbose: message, detail, hint...)
errtext() { run "$@"; printf '%s\n' "$ERR" | sed 's/^psql:<stdin>:[0-9]*: //'; }

# same GOT WANT NAME: like is, for multi-line values (diagnostics: a diff)
same() {
  local got=$1 want=$2; shift 2
  if [ "$got" = "$want" ]; then ok 0 "$@"; else
    ok 1 "$@"
    diff <(printf '%s\n' "$want") <(printf '%s\n' "$got") | sed 's/^/#   /' | head -40
    echo "#   (< expected, > got)"
  fi
}

# expect_state WANT ROLE DB SQL NAME
expect_state() {
  local want=$1 role=$2 db=$3 sql=$4; shift 4
  local got
  run "$role" "$db" "$sql"
  if [ "$RC" -eq 0 ]; then got=ok; else got=$(sqlstate_of "$ERR"); fi
  is "$got" "$want" "$@"
  [ "$got" = "$want" ] || [ "$want" = ok ] || printf '#   error: %s\n' "$(printf '%s' "$ERR" | head -3 | tr '\n' ' ')"
}

# login ROLE DB SQL: as a connection of ROLE's own; prints rows and errors
login() {
  local role=$1 db=$2 sql=$3
  PGPASSWORD=$PW psql -X -qAt -v VERBOSITY=verbose -U "$role" -d "$db" -c "$sql" 2>&1
}

superuser_flag() { q postgres "SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = '$DBOWNER'"; }

# put the database owner back as it was, should a test have made it superuser
unescalate() { q postgres "ALTER ROLE $DBOWNER NOSUPERUSER" >/dev/null; }

# a fresh database owned by the database owner
owned_db() {
  dropdb --if-exists "$1" >/dev/null 2>&1
  q postgres "CREATE DATABASE $1 OWNER $DBOWNER" >/dev/null
}

# the privileges ROLE holds on the schema's objects, one per line:
# "kind name privilege[*] by grantor" (* = with grant option)
privileges() {
  local db=$1 role=$2
  q "$db" "SELECT o.kind OPERATOR(pg_catalog.||) ' ' OPERATOR(pg_catalog.||) o.name OPERATOR(pg_catalog.||) ' '
                  OPERATOR(pg_catalog.||) a.privilege_type
                  OPERATOR(pg_catalog.||) CASE WHEN a.is_grantable THEN '*' ELSE '' END
                  OPERATOR(pg_catalog.||) ' by ' OPERATOR(pg_catalog.||) pg_catalog.pg_get_userbyid(a.grantor)
             FROM (SELECT 'schema', n.nspname::text, n.nspacl FROM pg_catalog.pg_namespace n
                    WHERE n.nspname OPERATOR(pg_catalog.=) 'expert_network'
                   UNION ALL
                   SELECT 'relation', c.relname::text, c.relacl FROM pg_catalog.pg_class c
                    WHERE c.relnamespace OPERATOR(pg_catalog.=) 'expert_network'::regnamespace
                   UNION ALL
                   SELECT 'column', c.relname OPERATOR(pg_catalog.||) '.' OPERATOR(pg_catalog.||) t.attname, t.attacl
                     FROM pg_catalog.pg_class c JOIN pg_catalog.pg_attribute t ON t.attrelid OPERATOR(pg_catalog.=) c.oid
                    WHERE c.relnamespace OPERATOR(pg_catalog.=) 'expert_network'::regnamespace AND t.attacl IS NOT NULL
                   UNION ALL
                   SELECT 'function', p.proname OPERATOR(pg_catalog.||) '(' OPERATOR(pg_catalog.||)
                          pg_catalog.pg_get_function_identity_arguments(p.oid) OPERATOR(pg_catalog.||) ')', p.proacl
                     FROM pg_catalog.pg_proc p
                    WHERE p.pronamespace OPERATOR(pg_catalog.=) 'expert_network'::regnamespace) AS o (kind, name, acl),
                  LATERAL pg_catalog.aclexplode(o.acl) AS a
            WHERE a.grantee OPERATOR(pg_catalog.=) '$role'::regrole
            ORDER BY 1"
}

# the privileges a level should give (the documented sets), in the format of
# privileges(), granted by the tables' owner (0.8.0: every level only reads
# access_levels, and none runs apply_access_levels())
level_privileges() {
  local db=$1 level=$2 ident=$3
  q "$db" "WITH lvl AS (SELECT '$level'::text AS level, $ident AS ident),
            owner AS (SELECT pg_catalog.pg_get_userbyid(relowner) AS name FROM pg_catalog.pg_class
                       WHERE oid OPERATOR(pg_catalog.=) 'expert_network.campaigns'::regclass),
            rels AS (SELECT c.relname::text AS name, c.relkind FROM pg_catalog.pg_class c
                      WHERE c.relnamespace OPERATOR(pg_catalog.=) 'expert_network'::regnamespace
                        AND c.relkind OPERATOR(pg_catalog.=) ANY ('{r,v,p,m,f,S}'::\"char\"[])),
            funcs AS (SELECT p.proname::text AS proname, p.proname OPERATOR(pg_catalog.||) '(' OPERATOR(pg_catalog.||)
                             pg_catalog.pg_get_function_identity_arguments(p.oid) OPERATOR(pg_catalog.||) ')' AS name
                        FROM pg_catalog.pg_proc p
                       WHERE p.pronamespace OPERATOR(pg_catalog.=) 'expert_network'::regnamespace),
            want (kind, name, priv) AS (
              SELECT 'schema', 'expert_network', 'USAGE'
              UNION ALL SELECT 'relation', name, 'SELECT' FROM rels
              UNION ALL SELECT 'function', f.name, 'EXECUTE' FROM funcs f, lvl
                         WHERE f.proname OPERATOR(pg_catalog.<>) ALL ('{grant_access,revoke_access,delete_user_data,apply_access_levels}')
                           AND (f.proname OPERATOR(pg_catalog.<>) 'set_user_id' OR lvl.ident)
              UNION ALL SELECT 'function', f.name, 'EXECUTE' FROM funcs f, lvl
                         WHERE f.proname OPERATOR(pg_catalog.=) 'delete_user_data' AND lvl.level OPERATOR(pg_catalog.=) 'admin'
              UNION ALL SELECT 'relation', r.name, p.p FROM rels r, lvl, pg_catalog.unnest('{INSERT,UPDATE,DELETE}'::text[]) AS p (p)
                         WHERE lvl.level OPERATOR(pg_catalog.=) ANY ('{app,compliance,admin}') AND r.relkind OPERATOR(pg_catalog.=) 'r'
                           AND r.name OPERATOR(pg_catalog.<>) ALL ('{vendor_platforms,status_history,access_levels,restricted_companies,compliance_policies,compliance_exceptions,compliance_log,call_caps}')
              UNION ALL SELECT 'relation', r.name, p.p FROM rels r, lvl, pg_catalog.unnest('{INSERT,UPDATE,DELETE}'::text[]) AS p (p)
                         WHERE r.name OPERATOR(pg_catalog.=) ANY ('{restricted_companies,compliance_policies,compliance_exceptions,call_caps}')
                           AND (lvl.level OPERATOR(pg_catalog.=) 'compliance'
                                OR (lvl.level OPERATOR(pg_catalog.=) 'admin' AND p.p OPERATOR(pg_catalog.=) 'DELETE'))
              UNION ALL SELECT 'relation', r.name, p.p FROM rels r, lvl, pg_catalog.unnest('{INSERT,DELETE}'::text[]) AS p (p)
                         WHERE r.name OPERATOR(pg_catalog.=) 'compliance_log'
                           AND ((lvl.level OPERATOR(pg_catalog.=) ANY ('{app,compliance,admin}') AND p.p OPERATOR(pg_catalog.=) 'INSERT')
                                OR (lvl.level OPERATOR(pg_catalog.=) 'admin' AND p.p OPERATOR(pg_catalog.=) 'DELETE'))
              UNION ALL SELECT 'relation', 'vendor_platforms', p.p FROM lvl, pg_catalog.unnest('{INSERT,UPDATE,DELETE}'::text[]) AS p (p)
                         WHERE lvl.level OPERATOR(pg_catalog.=) 'admin'
              UNION ALL SELECT 'relation', 'status_history', 'INSERT' FROM lvl
                         WHERE lvl.level OPERATOR(pg_catalog.=) ANY ('{app,compliance,admin}')
              UNION ALL SELECT 'relation', 'status_history', 'DELETE' FROM lvl
                         WHERE lvl.level OPERATOR(pg_catalog.=) 'admin')
          SELECT w.kind OPERATOR(pg_catalog.||) ' ' OPERATOR(pg_catalog.||) w.name OPERATOR(pg_catalog.||) ' '
                 OPERATOR(pg_catalog.||) w.priv OPERATOR(pg_catalog.||) ' by ' OPERATOR(pg_catalog.||) owner.name
            FROM want w, owner ORDER BY 1"
}

# any privilege at all of ROLE on the schema, by the has_*_privilege functions
# (which also see what PUBLIC and role memberships give): one line each
any_privilege() {
  local db=$1 role=$2
  q "$db" "SELECT 'relation ' OPERATOR(pg_catalog.||) c.relname OPERATOR(pg_catalog.||) ' ' OPERATOR(pg_catalog.||) p.p
             FROM pg_catalog.pg_class c,
                  pg_catalog.unnest('{SELECT,INSERT,UPDATE,DELETE,TRUNCATE,REFERENCES,TRIGGER}'::text[]) AS p (p)
            WHERE c.relnamespace OPERATOR(pg_catalog.=) 'expert_network'::regnamespace
              AND c.relkind OPERATOR(pg_catalog.=) ANY ('{r,v,p,m,f,S}'::\"char\"[])
              AND pg_catalog.has_table_privilege('$role'::regrole, c.oid, p.p)
           UNION ALL
           SELECT 'function ' OPERATOR(pg_catalog.||) p.oid::regprocedure::text FROM pg_catalog.pg_proc p
            WHERE p.pronamespace OPERATOR(pg_catalog.=) 'expert_network'::regnamespace
              AND pg_catalog.has_function_privilege('$role'::regrole, p.oid, 'EXECUTE')
           UNION ALL
           SELECT 'schema ' OPERATOR(pg_catalog.||) p.p FROM pg_catalog.unnest('{USAGE,CREATE}'::text[]) AS p (p)
            WHERE pg_catalog.has_schema_privilege('$role'::regrole, 'expert_network', p.p)
           ORDER BY 1"
}

# the objects in the schema that the bootstrap superuser does not own
foreign_objects() {
  q "$1" "SELECT string_agg(k || ' ' || n || ' (' || pg_catalog.pg_get_userbyid(o) || ')', ', ' ORDER BY k, n) FROM (
            SELECT 'function' AS k, proname::text AS n, proowner AS o FROM pg_catalog.pg_proc WHERE pronamespace = 'expert_network'::regnamespace
            UNION ALL SELECT 'operator', oprname::text, oprowner FROM pg_catalog.pg_operator WHERE oprnamespace = 'expert_network'::regnamespace
            UNION ALL SELECT 'relation', relname::text, relowner FROM pg_catalog.pg_class WHERE relnamespace = 'expert_network'::regnamespace
            UNION ALL SELECT 'type', typname::text, typowner FROM pg_catalog.pg_type WHERE typnamespace = 'expert_network'::regnamespace
            UNION ALL SELECT 'collation', collname::text, collowner FROM pg_catalog.pg_collation WHERE collnamespace = 'expert_network'::regnamespace
            UNION ALL SELECT 'conversion', conname::text, conowner FROM pg_catalog.pg_conversion WHERE connamespace = 'expert_network'::regnamespace
            UNION ALL SELECT 'operator family', opfname::text, opfowner FROM pg_catalog.pg_opfamily WHERE opfnamespace = 'expert_network'::regnamespace
            UNION ALL SELECT 'text search config', cfgname::text, cfgowner FROM pg_catalog.pg_ts_config WHERE cfgnamespace = 'expert_network'::regnamespace
          ) AS x WHERE o <> 10"
}

# seed_sql USER N: acting for USER, a project, a campaign, an enrolled
# vendor, a reviewed expert, a screening question and a team member assigned
# to the campaign, with ids ending in N (1 to 9)
id_project() { echo "10000000-0000-4000-8000-00000000000$1"; }
id_campaign() { echo "20000000-0000-4000-8000-00000000000$1"; }
id_expert() { echo "50000000-0000-4000-8000-00000000000$1"; }
id_question() { echo "60000000-0000-4000-8000-00000000000$1"; }
id_member() { echo "30000000-0000-4000-8000-00000000000$1"; }
seed_sql() {
  local user=$1 n=$2
  cat <<SQL
BEGIN;
SET LOCAL expert_network.user_id = '$user';
INSERT INTO expert_network.projects (id, project_code, project_name)
VALUES ('$(id_project "$n")', 'P-$n', 'Project $n');
INSERT INTO expert_network.campaigns (id, project_id, campaign_name, industry_vertical, start_date, target_completion_date)
VALUES ('$(id_campaign "$n")', '$(id_project "$n")', 'Campaign $n', 'Industrials', '2026-01-05', '2026-02-27');
INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
VALUES ('$(id_campaign "$n")', '$VENDOR', 'enrolled');
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title)
VALUES ('$(id_expert "$n")', '$(id_campaign "$n")', '$VENDOR', 'Expert $n', 'VP Operations');
UPDATE expert_network.experts SET status = 'reviewed' WHERE id OPERATOR(pg_catalog.=) '$(id_expert "$n")';
INSERT INTO expert_network.screening_questions (id, campaign_id, question_text)
VALUES ('$(id_question "$n")', '$(id_campaign "$n")', 'Question $n');
INSERT INTO expert_network.team_members (id, name, designation) VALUES ('$(id_member "$n")', 'Member $n', 'Associate');
INSERT INTO expert_network.campaign_team_assignments (campaign_id, team_member_id) VALUES ('$(id_campaign "$n")', '$(id_member "$n")');
COMMIT;
SQL
}

cleanup() {
  local d
  for d in $(q postgres "SELECT datname FROM pg_catalog.pg_database WHERE datname LIKE 'en\_trust\_%'"); do
    dropdb --if-exists "$d" >/dev/null 2>&1
  done
  for r in $ROLES; do
    psql -X -q -d postgres -c "DROP ROLE IF EXISTS $r" >/dev/null 2>&1
  done
}

# ---------------------------------------------------------------------------
# roles
# ---------------------------------------------------------------------------
cleanup
for r in $ROLES; do
  q postgres "CREATE ROLE $r LOGIN PASSWORD '$PW'" >/dev/null
done
BOOTSTRAP=$(q postgres "SELECT rolname FROM pg_catalog.pg_roles WHERE oid = 10")
echo "# bootstrap superuser: $BOOTSTRAP; versions: $(echo $versions)"

# ===========================================================================
# A. A fresh install by the database owner
# ===========================================================================
A=en_trust_a
owned_db $A
expect_state ok $DBOWNER $A "CREATE EXTENSION expert_network" \
  "the database owner, not a superuser, installs the extension (trusted)"
is "$(q $A "SELECT extversion FROM pg_catalog.pg_extension WHERE extname = 'expert_network'")" "$latest" \
  "a fresh install is $latest"
is "$(q $A "SELECT pg_catalog.pg_get_userbyid(extowner) FROM pg_catalog.pg_extension WHERE extname = 'expert_network'")" \
  "$DBOWNER" "the extension belongs to the database owner"
is "$(q $A "SELECT string_agg(DISTINCT pg_catalog.pg_get_userbyid(relowner), ',') FROM pg_catalog.pg_class
            WHERE relnamespace = 'expert_network'::regnamespace")" "$BOOTSTRAP" \
  "its relations belong to the bootstrap superuser"
expect_state ok $DBOWNER $A "SELECT expert_network.grant_access('$APP', 'app')" \
  "the database owner gives the app role the app level"

USER_TABLES=$(q $A "SELECT string_agg(c.relname, ' ' ORDER BY c.relname) FROM pg_catalog.pg_class c
                    WHERE c.relnamespace = 'expert_network'::regnamespace AND c.relkind = 'r'
                      AND EXISTS (SELECT FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'user_id')")

# --- A.1 no TRIGGER, TRUNCATE or REFERENCES for the database owner ----------
# the escalation: a trigger that makes its owner superuser when it runs as one
run $DBOWNER $A "
CREATE TABLE public.en_trust_fired (who text, at timestamptz DEFAULT pg_catalog.clock_timestamp());
GRANT INSERT, SELECT ON public.en_trust_fired TO PUBLIC;
CREATE FUNCTION public.en_trust_escalate() RETURNS trigger LANGUAGE plpgsql AS \$f\$
BEGIN
  INSERT INTO public.en_trust_fired (who) VALUES (current_user);
  BEGIN
    ALTER ROLE $DBOWNER SUPERUSER;
  EXCEPTION WHEN insufficient_privilege THEN NULL;
  END;
  RETURN NULL;
END \$f\$;
GRANT EXECUTE ON FUNCTION public.en_trust_escalate() TO PUBLIC;"
ok $RC "the database owner writes a trigger function that would make it superuser"

for t in campaigns status_history interviews experts access_levels; do
  expect_state 42501 $DBOWNER $A \
    "CREATE TRIGGER en_trust_t AFTER INSERT OR UPDATE OR DELETE ON expert_network.$t FOR EACH STATEMENT EXECUTE FUNCTION public.en_trust_escalate()" \
    "A1: the database owner cannot CREATE TRIGGER on expert_network.$t"
done
expect_state 42501 $DBOWNER $A \
  "CREATE TRIGGER en_trust_t BEFORE TRUNCATE ON expert_network.status_history FOR EACH STATEMENT EXECUTE FUNCTION public.en_trust_escalate()" \
  "A1: nor a TRUNCATE trigger on status_history"
same "$(q $A "SELECT c.relname || ' ' || p.p FROM pg_catalog.pg_class c,
                     pg_catalog.unnest('{TRIGGER,TRUNCATE,REFERENCES}'::text[]) AS p (p)
               WHERE c.relnamespace = 'expert_network'::regnamespace AND c.relkind IN ('r', 'v', 'p')
                 AND pg_catalog.has_table_privilege('$DBOWNER', c.oid, p.p) ORDER BY 1")" "" \
  "A1: has_table_privilege(database owner, t, TRIGGER/TRUNCATE/REFERENCES) is false for every relation of the schema"
for t in campaigns status_history; do
  expect_state 42501 $DBOWNER $A "TRUNCATE expert_network.$t" "A1: TRUNCATE expert_network.$t fails for the database owner"
done
expect_state 42501 $DBOWNER $A \
  "CREATE TABLE public.en_trust_ref (campaign_id uuid REFERENCES expert_network.campaigns (id))" \
  "A1: a table of the database owner's cannot reference expert_network.campaigns (id)"
expect_state 42501 $DBOWNER $A \
  "CREATE TABLE public.en_trust_ref (campaign_id uuid, user_id text, FOREIGN KEY (campaign_id, user_id) REFERENCES expert_network.campaigns (id, user_id))" \
  "A1: nor (id, user_id)"
expect_state 42501 $DBOWNER $A "ALTER TABLE expert_network.campaigns DISABLE TRIGGER ALL" \
  "A1: the database owner cannot disable the tables' triggers"
expect_state 42501 $DBOWNER $A "ALTER TABLE expert_network.campaigns NO FORCE ROW LEVEL SECURITY" \
  "A1: nor unforce row-level security"
expect_state 42501 $DBOWNER $A "CREATE POLICY en_trust_all ON expert_network.campaigns USING (true)" \
  "A1: nor add a policy"
expect_state 42501 $DBOWNER $A \
  "CREATE RULE en_trust_rule AS ON UPDATE TO expert_network.campaigns DO ALSO SELECT public.en_trust_escalate()" \
  "A1: nor a rule"
run $DBOWNER $A "GRANT TRIGGER, TRUNCATE, REFERENCES ON expert_network.campaigns TO $APP"
is "$(q $A "SELECT pg_catalog.has_table_privilege('$APP', 'expert_network.campaigns', 'TRIGGER')
                OR pg_catalog.has_table_privilege('$APP', 'expert_network.campaigns', 'TRUNCATE')
                OR pg_catalog.has_table_privilege('$APP', 'expert_network.campaigns', 'REFERENCES')")" "f" \
  "A1: nor pass TRIGGER, TRUNCATE or REFERENCES on to another role"

# --- A.2 the escalation scenario, end to end --------------------------------
run $APP $A "$(seed_sql u1 1)"
ok $RC "A2: the app role writes a user's project, campaign, enrollment, reviewed expert and question"
[ "$RC" -eq 0 ] || printf '#   %s\n' "$(printf '%s' "$ERR" | head -3 | tr '\n' ' ')"
run $APP $A "BEGIN;
SET LOCAL expert_network.user_id = 'u1';
SELECT expert_network.complete_interview(expert_network.schedule_interview('$(id_expert 1)', '2026-01-12', '15:00', 60, 'Europe/Berlin'), 'notes');
COMMIT;"
ok $RC "A2: the app role schedules and completes an interview (counters, history, lifecycle)"
[ "$RC" -eq 0 ] || printf '#   %s\n' "$(printf '%s' "$ERR" | head -3 | tr '\n' ' ')"
is "$(q $A "SELECT scheduled_calls || '/' || completed_calls FROM expert_network.campaigns WHERE id = '$(id_campaign 1)'")" "0/1" \
  "A2: the counters were maintained (the write the trigger was meant for happened)"
is "$(superuser_flag)" "f" "A2: afterwards the database owner is still not superuser"
is "$(q $A "SELECT count(*) FROM public.en_trust_fired")" "0" "A2: the planted function never ran"
is "$(q $A "SELECT count(*) FROM pg_catalog.pg_trigger WHERE tgfoid = 'public.en_trust_escalate'::regproc")" "0" \
  "A2: no trigger of the database owner's exists"
unescalate

# --- A.3 the schema -----------------------------------------------------------
is "$(q $A "SELECT pg_catalog.pg_get_userbyid(nspowner) FROM pg_catalog.pg_namespace WHERE nspname = 'expert_network'")" \
  "$BOOTSTRAP" "A3: the schema belongs to the bootstrap superuser"
expect_state 42501 $DBOWNER $A "ALTER SCHEMA expert_network RENAME TO en_trust_x" \
  "A3: the database owner cannot rename the schema"
expect_state 42501 $DBOWNER $A "ALTER SCHEMA expert_network OWNER TO $DBOWNER" \
  "A3: nor take it over"
expect_state 42501 $DBOWNER $A "CREATE FUNCTION expert_network.f() RETURNS int LANGUAGE sql AS 'SELECT 1'" \
  "A3: nor create a function in it"
expect_state 42501 $DBOWNER $A \
  "CREATE FUNCTION public.en_trust_texteq(text, text) RETURNS boolean LANGUAGE sql AS 'SELECT true';
   CREATE OPERATOR expert_network.= (LEFTARG = text, RIGHTARG = text, FUNCTION = public.en_trust_texteq)" \
  "A3: nor an operator"
expect_state 42501 $DBOWNER $A "CREATE TABLE expert_network.en_trust_t (x int)" "A3: nor a table"
expect_state 42501 $DBOWNER $A "CREATE DOMAIN expert_network.en_trust_d AS int" "A3: nor a type"
is "$(q $A "SELECT count(*) FROM pg_catalog.pg_proc WHERE pronamespace = 'expert_network'::regnamespace AND proowner <> 10")" "0" \
  "A3: every function of the schema is the bootstrap superuser's"

# a schema of the extension's name that the database owner made beforehand,
# with its own function, operator and table in it: installing there is
# allowed (test/t/hostile.sh), but the schema then passes to the bootstrap
# superuser; the database owner's objects must not stay in it
P=en_trust_pre
owned_db $P
run $DBOWNER $P "CREATE SCHEMA expert_network;
CREATE FUNCTION expert_network.text_eq(text, text) RETURNS boolean LANGUAGE sql AS 'SELECT true';
CREATE OPERATOR expert_network.= (LEFTARG = text, RIGHTARG = text, FUNCTION = expert_network.text_eq);
CREATE FUNCTION expert_network.now() RETURNS timestamptz LANGUAGE sql AS 'SELECT ''2000-01-01''::timestamptz';
CREATE TABLE expert_network.notes (x int)"
ok $RC "A3: the database owner makes a schema expert_network with a function, an operator and a table of its own"
run $DBOWNER $P "CREATE EXTENSION expert_network"
if [ "$RC" -eq 0 ]; then
  is "$(foreign_objects $P)" "" "A3: installing into it leaves no object of the database owner's in the extension's schema"
else
  ok 0 "A3: installing into it is refused ($(sqlstate_of "$ERR"))"
fi
dropdb $P

# --- A.6 revoke_access takes back what any grantor of the extension gave ------
# (before A.7, while the viewer has held nothing yet)
expect_state ok su $A "SELECT expert_network.grant_access('$VIEWER', 'readonly')" \
  "A6: a superuser gives the viewer readonly"
expect_state ok $DBOWNER $A "SELECT expert_network.revoke_access('$VIEWER')" \
  "A6: the database owner revokes it"
same "$(any_privilege $A $VIEWER)" "" "A6: the viewer has no privilege left on any object of the schema (has_*_privilege)"
same "$(privileges $A $VIEWER)" "" "A6: and no ACL entry for it anywhere in the schema (aclexplode)"

expect_state ok $DBOWNER $A "SELECT expert_network.grant_access('$VIEWER', 'readonly');
                               GRANT SELECT ON expert_network.campaigns TO $VIEWER;
                               GRANT UPDATE (project_name) ON expert_network.projects TO $VIEWER" \
  "A6: the database owner gives the viewer readonly, and grants it more by hand"
expect_state ok su $A "SELECT expert_network.revoke_access('$VIEWER')" "A6: a superuser revokes it"
same "$(any_privilege $A $VIEWER)" "" "A6: the viewer has no privilege left (grants by the database owner's hand included)"
same "$(privileges $A $VIEWER)" "" "A6: and no ACL entry (column grants included)"

expect_state ok su $A "GRANT SELECT ON expert_network.experts TO $VIEWER" "A6: a superuser grants SELECT on experts by hand"
expect_state ok $DBOWNER $A "SELECT expert_network.grant_access('$VIEWER', 'readonly')" "A6: the database owner gives readonly"
expect_state ok $DBOWNER $A "SELECT expert_network.revoke_access('$VIEWER')" "A6: and revokes it"
same "$(any_privilege $A $VIEWER)" "" "A6: the superuser's grant (recorded as the tables' owner's) went too"
same "$(privileges $A $VIEWER)" "" "A6: no ACL entry left"

# a grant by a third role, which only that role can take back
expect_state ok $DBOWNER $A "SELECT expert_network.grant_access('$VIEWER', 'readonly');
                               GRANT USAGE ON SCHEMA expert_network TO $ADMIN;
                               GRANT SELECT ON expert_network.projects TO $ADMIN WITH GRANT OPTION" \
  "A6: the database owner gives readonly to the viewer and SELECT WITH GRANT OPTION on projects to another role"
expect_state ok $ADMIN $A "GRANT SELECT ON expert_network.projects TO $VIEWER" \
  "A6: that role grants SELECT on projects to the viewer"
before=$(privileges $A $VIEWER)
err=$(errtext $DBOWNER $A "SELECT expert_network.revoke_access('$VIEWER')")
is "$(sqlstate_of "$err")" 42501 "A6: revoke_access refuses to leave the third role's grant behind (42501)"
printf '%s\n' "$err" | grep -q "role \"$VIEWER\" keeps privileges on expert_network that another grantor gave"
ok $? "A6: saying the role keeps privileges another grantor gave"
printf '%s\n' "$err" | grep -q "SELECT on relation projects, granted by $ADMIN"
ok $? "A6: naming the privilege and its grantor" || printf '#   %s\n' "$(printf '%s' "$err" | head -3 | tr '\n' ' ')"
same "$(privileges $A $VIEWER)" "$before" "A6: nothing half done: the viewer still holds exactly what it held"
q $A "SET ROLE $ADMIN; REVOKE SELECT ON expert_network.projects FROM $VIEWER" >/dev/null
expect_state ok $DBOWNER $A "SELECT expert_network.revoke_access('$VIEWER'); SELECT expert_network.revoke_access('$ADMIN')" \
  "A6: once the third role takes its grant back, revoke_access succeeds"
same "$(privileges $A $VIEWER)$(privileges $A $ADMIN)" "" "A6: and leaves nothing"

# --- A.7 exact levels -----------------------------------------------------------
for level in readonly app compliance admin; do
  expect_state ok $DBOWNER $A "SELECT expert_network.grant_access('$VIEWER', '$level')" "A7: grant_access(viewer, '$level')"
  same "$(privileges $A $VIEWER)" "$(level_privileges $A $level true)" \
    "A7: the viewer holds exactly the $level level"
done
expect_state ok $DBOWNER $A "SELECT expert_network.grant_access('$VIEWER', 'readonly', may_set_identity => false)" \
  "A7: from admin back to readonly without the identity"
same "$(privileges $A $VIEWER)" "$(level_privileges $A readonly false)" \
  "A7: exactly readonly, without EXECUTE on set_user_id(text)"
same "$(privileges $A $APP)" "$(level_privileges $A app true)" "A7: the app role holds exactly the app level"
for who in $DBOWNER $BOOTSTRAP; do
  expect_state 22023 $DBOWNER $A "SELECT expert_network.grant_access('$who', 'readonly')" \
    "A7: grant_access($who) is refused (22023): it owns the extension or its objects"
  expect_state 22023 $DBOWNER $A "SELECT expert_network.revoke_access('$who')" "A7: so is revoke_access($who)"
done
expect_state 42501 $APP $A "SELECT expert_network.grant_access('$VIEWER', 'admin')" "A7: the app role cannot hand out levels"
# 0.8.0: the levels are recorded, and apply_access_levels() gives each
# recorded role exactly its level again (what else it was given goes)
is "$(q $A "SELECT string_agg(role::text || ':' || level || ':' || may_set_identity, ' ' ORDER BY role::text) FROM expert_network.access_levels")" \
  "$APP:app:true $VIEWER:readonly:false" "A7: access_levels records the app role's level and the viewer's, as last given"
expect_state 42501 $APP $A "SELECT * FROM expert_network.apply_access_levels()" "A7: the app role cannot run apply_access_levels()"
expect_state 42501 $APP $A "UPDATE expert_network.access_levels SET level = 'admin'" "A7: nor raise its recorded level"
run $DBOWNER $A "GRANT UPDATE ON expert_network.campaigns TO $VIEWER; SELECT role::text || ':' || level FROM expert_network.apply_access_levels() ORDER BY 1"
is "$OUT" "$APP:app
$VIEWER:readonly" "A7: the database owner runs apply_access_levels(): it applies the two recorded levels"
same "$(privileges $A $VIEWER)" "$(level_privileges $A readonly false)" \
  "A7: the viewer holds exactly readonly without the identity again (the UPDATE granted by hand went)"
same "$(privileges $A $APP)" "$(level_privileges $A app true)" "A7: the app role still holds exactly the app level"
expect_state 22023 $DBOWNER $A "SELECT expert_network.grant_access('$VIEWER', 'superuser')" "A7: an unknown level is refused"

# --- A.8 who may set the identity -------------------------------------------
# (the viewer now holds readonly without the identity, the app role app with it)
for sql in "SET expert_network.user_id = 'u1'" \
           "SELECT pg_catalog.set_config('expert_network.user_id', 'u1', false)" \
           "BEGIN; SET LOCAL expert_network.user_id = 'u1'" \
           "BEGIN; SELECT pg_catalog.set_config('expert_network.user_id', 'u1', true)" \
           "BEGIN; SELECT expert_network.set_user_id('u1')" \
           "CREATE FUNCTION pg_temp.en_trust_as_u1() RETURNS text LANGUAGE sql SET expert_network.user_id = 'u1' AS 'SELECT expert_network.current_user_id()'; SELECT pg_temp.en_trust_as_u1()"; do
  expect_state 42501 $VIEWER $A "SELECT expert_network.current_user_id(); $sql" \
    "A8: a role without may_set_identity cannot: $sql"
done
run $VIEWER $A "SELECT expert_network.current_user_id(); SET expert_network.user_id = 'u1'"
printf '%s\n' "$ERR" | grep -q 'permission denied to set parameter "expert_network.user_id"'
ok $? "A8: the error says permission denied to set parameter \"expert_network.user_id\""
# before the module is loaded, the SET makes a placeholder: it must not take effect once loaded
is "$(v $VIEWER $A "SET expert_network.user_id = 'u1'; SELECT coalesce(expert_network.current_user_id(), '-') || ' ' || (SELECT pg_catalog.count(*) FROM expert_network.experts)")" \
  "- 0" "A8: nor does an identity SET before the module is loaded take effect once it is"
is "$(v $VIEWER $A "SET expert_network.user_id = ''; SELECT pg_catalog.count(*) FROM expert_network.experts")" "0" \
  "A8: it may clear the identity, and sees no rows without one"
is "$(v $APP $A "SET expert_network.user_id = 'u1'; SELECT expert_network.current_user_id()")" "u1" \
  "A8: the app role may SET the identity"
is "$(v $APP $A "SELECT pg_catalog.set_config('expert_network.user_id', 'u1', false)")" "u1" "A8: or set_config() it"
is "$(v $APP $A "BEGIN; SELECT expert_network.set_user_id('u1'); SELECT pg_catalog.count(*) FROM expert_network.experts; COMMIT")" \
  "u1
1" "A8: or set_user_id() it in a transaction, and then sees that user's rows"
is "$(st $APP $A "SELECT expert_network.set_user_id('u1')")" 25P01 "A8: set_user_id() outside a transaction block is refused"
DEPTH=$(q $A "SELECT expert_network.current_user_id(); SELECT pg_catalog.current_setting('expert_network.max_question_depth')" | tail -1)
for who in $APP $DBOWNER; do
  expect_state 42501 $who $A "SELECT expert_network.current_user_id(); SET expert_network.max_question_depth = 64" \
    "A8: $who cannot SET expert_network.max_question_depth (superusers only)"
  expect_state 42501 $who $A "SELECT expert_network.current_user_id(); SELECT pg_catalog.set_config('expert_network.max_question_depth', '64', false)" \
    "A8: nor set_config() it"
  # before the module is loaded, the SET makes a placeholder: it must not take effect once loaded
  is "$(v $who $A "SET expert_network.max_question_depth = 64; SELECT expert_network.current_user_id(); SELECT pg_catalog.current_setting('expert_network.max_question_depth')" | tail -1)" \
    "$DEPTH" "A8: nor have it take effect by setting it before the module is loaded ($who)"
done
expect_state 42501 $DBOWNER $A "ALTER DATABASE $A SET expert_network.max_question_depth = 100" \
  "A8: the database owner cannot make it a database default"
expect_state 42501 $APP $A "SELECT expert_network.current_user_id(); ALTER ROLE $APP SET expert_network.max_question_depth = 100" \
  "A8: nor the app role its own default"
# what a role's own connection starts with (these log in as the role itself)
if [ "$(login $VIEWER $A "SELECT 1" 2>/dev/null)" = 1 ]; then
  run $VIEWER $A "SELECT expert_network.current_user_id(); ALTER ROLE $VIEWER SET expert_network.user_id = 'u1'"
  is "$(login $VIEWER $A "SELECT coalesce(expert_network.current_user_id(), '-') || ' ' || (SELECT pg_catalog.count(*) FROM expert_network.experts)" | grep -v -e WARNING -e DETAIL -e HINT -e LOCATION)" \
    "- 0" "A8: a default the role set on itself gives it no identity at login"
  q postgres "ALTER ROLE $VIEWER RESET ALL" >/dev/null
  is "$(PGOPTIONS='-c expert_network.user_id=u1' login $VIEWER $A "SELECT coalesce(expert_network.current_user_id(), '-') || ' ' || (SELECT pg_catalog.count(*) FROM expert_network.experts)" | grep -v -e WARNING -e DETAIL -e HINT -e LOCATION)" \
    "- 0" "A8: nor does the connection's options (PGOPTIONS -c expert_network.user_id=u1)"
  is "$(PGOPTIONS='-c expert_network.user_id=u1' login $APP $A "SELECT coalesce(expert_network.current_user_id(), '-') || ' ' || (SELECT pg_catalog.count(*) FROM expert_network.experts)")" \
    "u1 1" "A8: while the app role's connection may"
else
  for _ in 1 2 3; do _n=$((_n + 1)); echo "ok $_n # skip: cannot log in as $VIEWER here"; done
fi

# --- A.9 no reference to another user's rows -------------------------------------
run $APP $A "$(seed_sql u2 2)"
ok $RC "A9: a second user's rows"
OTHER=20000000-0000-4000-8000-0000000000ff     # a campaign nobody has
NOEXPERT=50000000-0000-4000-8000-0000000000ff
# cross-user SQL (as u2) with u1's id, and the same with an id nobody has
cross() {            # NAME SQL-WITH-@ID@ U1-ID NOBODY-ID
  local name=$1 sql=$2 mine=$3 nobody=$4 e1 e2
  e1=$(errtext $APP $A "BEGIN; SET LOCAL expert_network.user_id = 'u2'; ${sql//@ID@/$mine}")
  e2=$(errtext $APP $A "BEGIN; SET LOCAL expert_network.user_id = 'u2'; ${sql//@ID@/$nobody}")
  is "$(sqlstate_of "$e1")" 23503 "A9: $name with u1's id fails as a foreign-key violation (23503)"
  [ "$(sqlstate_of "$e1")" = 23503 ] || printf '#   %s\n' "$(printf '%s' "$e1" | head -2 | tr '\n' ' ')"
  same "${e1//$mine/@ID@}" "${e2//$nobody/@ID@}" "A9: $name: exactly the error of an id nobody has"
  printf '%s\n' "$e1" | grep -q -e "u1" -e "$(id_project 1)" -e "$(id_expert 1)" -e "$(id_question 1)" -e "$(id_member 1)"
  ok $(( ! $? )) "A9: $name: the error names neither u1 nor any row of u1's"
}
cross "an expert under u1's campaign" \
  "INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title) VALUES ('@ID@', '$VENDOR', 'X', 'Y')" \
  "$(id_campaign 1)" $OTHER
cross "an interview with u1's expert" \
  "INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time) VALUES ('$(id_campaign 2)', '@ID@', '2026-01-12', '15:00')" \
  "$(id_expert 1)" $NOEXPERT
cross "an interview in u1's campaign" \
  "INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time) VALUES ('@ID@', '$(id_expert 2)', '2026-01-12', '15:00')" \
  "$(id_campaign 1)" $OTHER
cross "a screening question in u1's campaign" \
  "INSERT INTO expert_network.screening_questions (campaign_id, question_text) VALUES ('@ID@', 'q')" \
  "$(id_campaign 1)" $OTHER
cross "a sub-question of u1's question" \
  "INSERT INTO expert_network.screening_questions (campaign_id, parent_question_id, question_text) VALUES ('$(id_campaign 2)', '@ID@', 'q')" \
  "$(id_question 1)" 60000000-0000-4000-8000-0000000000ff
cross "a response to u1's question" \
  "INSERT INTO expert_network.expert_screening_responses (expert_id, screening_question_id, response_text) VALUES ('$(id_expert 2)', '@ID@', 'r')" \
  "$(id_question 1)" 60000000-0000-4000-8000-0000000000ff
# unique keys that contain the reference are checked before the foreign key:
# a conflict with another user's row would tell that the row exists
u1_interview=$(q $A "SELECT id FROM expert_network.interviews WHERE user_id = 'u1' LIMIT 1")
cross "an enrollment of u1's vendor in u1's campaign" \
  "INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status) VALUES ('@ID@', '$VENDOR', 'enrolled')" \
  "$(id_campaign 1)" $OTHER
cross "a completed-interview record of u1's completed interview" \
  "INSERT INTO expert_network.completed_interviews (interview_id, campaign_id, expert_id, interview_date, interview_time, duration) VALUES ('@ID@', '$(id_campaign 2)', '$(id_expert 2)', '2026-01-12', '15:00', '60 min')" \
  "$u1_interview" 70000000-0000-4000-8000-0000000000ff
cross "an assignment of u1's team member to u1's campaign" \
  "INSERT INTO expert_network.campaign_team_assignments (campaign_id, team_member_id) VALUES ('@ID@', '$(id_member 1)')" \
  "$(id_campaign 1)" $OTHER
cross "moving u2's campaign into u1's project" \
  "UPDATE expert_network.campaigns SET project_id = '@ID@' WHERE id OPERATOR(pg_catalog.=) '$(id_campaign 2)'" \
  "$(id_project 1)" 10000000-0000-4000-8000-0000000000ff
# the API functions: P0002, as for an id nobody has
e1=$(errtext $APP $A "BEGIN; SET LOCAL expert_network.user_id = 'u2'; SELECT expert_network.schedule_interview('$(id_expert 1)', '2026-01-12', '15:00', 60, 'UTC')")
e2=$(errtext $APP $A "BEGIN; SET LOCAL expert_network.user_id = 'u2'; SELECT expert_network.schedule_interview('$NOEXPERT', '2026-01-12', '15:00', 60, 'UTC')")
is "$(sqlstate_of "$e1")" P0002 "A9: schedule_interview() with u1's expert, as u2, is P0002"
same "${e1//$(id_expert 1)/@ID@}" "${e2//$NOEXPERT/@ID@}" "A9: with the message of an expert nobody has"
for f in "complete_interview(@ID@)" "cancel_interview(@ID@)" "rate_interview(@ID@, 4)"; do
  e1=$(errtext $APP $A "BEGIN; SET LOCAL expert_network.user_id = 'u2'; SELECT expert_network.${f//@ID@/\'$u1_interview\'}")
  e2=$(errtext $APP $A "BEGIN; SET LOCAL expert_network.user_id = 'u2'; SELECT expert_network.${f//@ID@/\'70000000-0000-4000-8000-0000000000ff\'}")
  is "$(sqlstate_of "$e1")" P0002 "A9: ${f%%(*}() with u1's interview, as u2, is P0002"
  same "${e1//$u1_interview/@ID@}" "${e2//70000000-0000-4000-8000-0000000000ff/@ID@}" "A9: ${f%%(*}(): the message of an interview nobody has"
done
# the screener functions, which read as the caller: another user's question or
# campaign is one nobody has
NOQUESTION=60000000-0000-4000-8000-0000000000ff
for f in "question_subtree('@Q@')" "question_ancestors('@Q@')" "move_question('@Q@', NULL, 1)" \
         "move_question('$(id_question 2)', '@Q@', 1)" "copy_question_tree('@C@', '$(id_campaign 2)')" \
         "copy_question_tree('$(id_campaign 2)', '@C@')"; do
  mine=${f//@Q@/$(id_question 1)}; mine=${mine//@C@/$(id_campaign 1)}
  nobody=${f//@Q@/$NOQUESTION}; nobody=${nobody//@C@/$OTHER}
  e1=$(errtext $APP $A "BEGIN; SET LOCAL expert_network.user_id = 'u2'; SELECT * FROM expert_network.$mine")
  e2=$(errtext $APP $A "BEGIN; SET LOCAL expert_network.user_id = 'u2'; SELECT * FROM expert_network.$nobody")
  e1=${e1//$(id_question 1)/@ID@}; e1=${e1//$(id_campaign 1)/@ID@}
  e2=${e2//$NOQUESTION/@ID@}; e2=${e2//$OTHER/@ID@}
  f=${f//\'@Q@\'/<u1\'s question>}; f=${f//\'@C@\'/<u1\'s campaign>}
  same "$e1" "$e2" "A9: $f, as u2, answers as for an id nobody has ($(sqlstate_of "$e2"))"
done
is "$(q $A "SELECT count(*) FROM expert_network.screening_questions WHERE user_id = 'u2'")" 1 \
  "A9: and copied nothing"
is "$(q $A "SELECT count(*) FROM expert_network.interviews WHERE user_id = 'u2'")|$(q $A "SELECT status FROM expert_network.interviews WHERE id = '$u1_interview'")" \
  "0|completed" "A9: nothing was written across users"

# --- A.8 bis: the history is the extension's ----------------------------------
expect_state 42501 $APP $A "SET expert_network.user_id = 'u1';
  INSERT INTO expert_network.status_history (entity, row_id, from_status, to_status) VALUES ('expert', '$(id_expert 1)', 'completed', 'proposed')" \
  "A8: the app role cannot insert into status_history directly"
run $APP $A "SET expert_network.user_id = 'u1'; INSERT INTO expert_network.status_history (entity, row_id, from_status, to_status) VALUES ('expert', '$(id_expert 1)', 'completed', 'proposed')"
printf '%s\n' "$ERR" | grep -q 'status_history is written by expert_network only'
ok $? "A8: status_history is written by expert_network only"
expect_state 42501 $APP $A "SET expert_network.user_id = 'u1'; UPDATE expert_network.status_history SET to_status = 'proposed'" \
  "A8: nor update it"
expect_state 42501 $APP $A "SET expert_network.user_id = 'u1'; DELETE FROM expert_network.status_history" "A8: nor delete from it"

# --- A.10 delete_user_data -----------------------------------------------------
expect_state ok $DBOWNER $A "SELECT expert_network.grant_access('$ADMIN', 'admin')" "A10: a role gets the admin level"
is "$(q $A "SELECT prosecdef FROM pg_catalog.pg_proc WHERE oid = 'expert_network.delete_user_data(text)'::regprocedure")" "f" \
  "A10: delete_user_data() is not SECURITY DEFINER"
u1_before=$(for t in $USER_TABLES; do n=$(q $A "SELECT count(*) FROM expert_network.$t WHERE user_id = 'u1'") && [ "$n" != 0 ] && echo "$t|$n"; done)
u2_before=$(for t in $USER_TABLES; do q $A "SELECT '$t|' || count(*) FROM expert_network.$t WHERE user_id = 'u2'"; done)
for who in $APP $VIEWER; do
  expect_state 42501 $who $A "SET expert_network.user_id = 'u2'; SELECT * FROM expert_network.delete_user_data('u1')" \
    "A10: $who cannot erase another user's data"
done
expect_state ok $DBOWNER $A "GRANT EXECUTE ON FUNCTION expert_network.delete_user_data(text) TO $APP" \
  "A10: the database owner lets the app role execute delete_user_data() by hand"
expect_state 42501 $APP $A "SET expert_network.user_id = 'u2'; SELECT * FROM expert_network.delete_user_data('u1')" \
  "A10: it still cannot erase (it runs as the caller, who may not delete the history)"
q $A "SET ROLE $DBOWNER; REVOKE EXECUTE ON FUNCTION expert_network.delete_user_data(text) FROM $APP" >/dev/null
same "$(for t in $USER_TABLES; do n=$(q $A "SELECT count(*) FROM expert_network.$t WHERE user_id = 'u1'") && [ "$n" != 0 ] && echo "$t|$n"; done)" \
  "$u1_before" "A10: u1's rows are all there"
got=$(v $ADMIN $A "SELECT table_name || '|' || deleted FROM expert_network.delete_user_data('u1') WHERE deleted > 0 ORDER BY 1")
same "$got" "$(printf '%s\n' "$u1_before" | sort)" "A10: an admin role erases u1: the counts per table are u1's rows"
is "$(for t in $USER_TABLES; do q $A "SELECT count(*) FROM expert_network.$t WHERE user_id = 'u1'"; done | sort -u | tr '\n' ' ')" "0 " \
  "A10: no row of u1's is left"
same "$(for t in $USER_TABLES; do q $A "SELECT '$t|' || count(*) FROM expert_network.$t WHERE user_id = 'u2'"; done)" "$u2_before" \
  "A10: every row of u2's is left"
is "$(v $ADMIN $A "SELECT expert_network.current_user_id() IS NULL FROM expert_network.delete_user_data('nobody') LIMIT 1")" "t" \
  "A10: the erasure's identity does not outlive it"

# ===========================================================================
# A.4 a look-alike schema, after a superuser renamed the real one
# ===========================================================================
L=en_trust_look
owned_db $L
run $DBOWNER $L "CREATE EXTENSION expert_network; SELECT expert_network.grant_access('$APP', 'app'); SELECT expert_network.grant_access('$ADMIN', 'admin')"
ok $RC "A4: a second install"
run $APP $L "$(seed_sql u1 1)
BEGIN; SET LOCAL expert_network.user_id = 'u1';
SELECT expert_network.schedule_interview('$(id_expert 1)', '2026-01-12', '15:00', 60, 'UTC');
COMMIT;"
ok $RC "A4: with a user's rows and a scheduled interview"
# the look-alike mirrors the real tables and rows, and is open to everyone
look_tables="campaigns experts interviews completed_interviews status_history screening_questions campaign_vendor_enrollments vendor_platforms projects chat_sessions"
look_sql="ALTER SCHEMA expert_network RENAME TO en_real; CREATE SCHEMA expert_network;"
for t in $look_tables; do
  look_sql="$look_sql CREATE TABLE expert_network.$t (LIKE en_real.$t INCLUDING ALL EXCLUDING GENERATED); INSERT INTO expert_network.$t SELECT * FROM en_real.$t;"
done
look_sql="$look_sql GRANT USAGE ON SCHEMA expert_network TO PUBLIC; GRANT ALL ON ALL TABLES IN SCHEMA expert_network TO PUBLIC;"
run su $L "$look_sql"
ok $RC "A4: a superuser renames the schema to en_real and makes a look-alike expert_network with copies of its tables"
look_rows() { for t in $look_tables; do q $L "SELECT '$t ' || count(*) || ' ' || coalesce(md5(string_agg(x::text, ',' ORDER BY x::text)), '-') FROM expert_network.$t x"; done; }
look_before=$(look_rows)
# the refusal: 55000, "the schema of extension expert_network is not named expert_network"
refused_lookalike() {
  local role=$1 sql=$2 got; shift 2
  run "$role" $L "$sql"
  if [ "$RC" -eq 0 ]; then got=ok; else got=$(sqlstate_of "$ERR"); fi
  printf '%s\n' "$ERR" | grep -q 'ERROR:  55000: the schema of extension expert_network is not named expert_network' && got="$got (schema)"
  is "$got" "55000 (schema)" "$@"
  [ "$got" = "55000 (schema)" ] || [ "$RC" -eq 0 ] || printf '#   error: %s\n' "$(printf '%s' "$ERR" | head -1)"
}
interview=$(q $L "SELECT id FROM en_real.interviews LIMIT 1")
for sql in "UPDATE en_real.experts SET status = 'scheduling' WHERE id OPERATOR(pg_catalog.=) '$(id_expert 1)'" \
           "INSERT INTO en_real.interviews (campaign_id, expert_id, scheduled_date, scheduled_time) VALUES ('$(id_campaign 1)', '$(id_expert 1)', '2026-01-13', '15:00')" \
           "UPDATE en_real.campaigns SET status = 'active' WHERE id OPERATOR(pg_catalog.=) '$(id_campaign 1)'" \
           "INSERT INTO en_real.screening_questions (campaign_id, parent_question_id, question_text) VALUES ('$(id_campaign 1)', '$(id_question 1)', 'sub')" \
           "SELECT en_real.schedule_interview('$(id_expert 1)', '2026-01-13', '15:00', 60, 'UTC')" \
           "SELECT en_real.cancel_interview('$interview')" \
           "SELECT en_real.complete_interview('$interview')" \
           "SELECT en_real.rate_interview('$interview', 4)" \
           "SELECT en_real.move_question('$(id_question 1)', NULL, 1)" \
           "SELECT en_real.repair_counters()" \
           "SELECT * FROM en_real.verify_counters()" \
           "SELECT * FROM en_real.question_tree('$(id_campaign 1)')" \
           "SELECT en_real.copy_question_tree('$(id_campaign 1)', '$(id_campaign 1)')"; do
  refused_lookalike $APP "SET expert_network.user_id = 'u1'; $sql" "A4: refused while expert_network is a look-alike: $sql"
done
refused_lookalike $ADMIN "SELECT * FROM en_real.delete_user_data('u1')" "A4: so is delete_user_data()"
refused_lookalike $DBOWNER "SELECT en_real.grant_access('$VIEWER', 'readonly')" "A4: and grant_access()"
same "$(look_rows)" "$look_before" "A4: nothing was written to the look-alike"
run su $L "DROP SCHEMA expert_network CASCADE; ALTER SCHEMA en_real RENAME TO expert_network"
ok $RC "A4: the superuser drops the look-alike and renames the schema back"
expect_state ok $APP $L "SET expert_network.user_id = 'u1'; UPDATE expert_network.experts SET status = 'rejected' WHERE id OPERATOR(pg_catalog.=) '$(id_expert 2)';
  SELECT expert_network.cancel_interview('$interview'); SELECT expert_network.repair_counters()" \
  "A4: and the extension works again"
is "$(q $L "SELECT scheduled_calls || '/' || completed_calls FROM expert_network.campaigns WHERE id = '$(id_campaign 1)'")" "0/0" \
  "A4: with its counters right"

# ===========================================================================
# A.5 functions, operators and types planted in public and pg_temp
# ===========================================================================
H=en_trust_plant
owned_db $H
run $DBOWNER $H "CREATE EXTENSION expert_network; SELECT expert_network.grant_access('$APP', 'app'); SELECT expert_network.grant_access('$ADMIN', 'admin')"
ok $RC "A5: a third install"
# the database owner owns public (pg_database_owner): it plants there
run $DBOWNER $H "
CREATE TABLE public.en_trust_hits (what text, who text DEFAULT current_user);
GRANT INSERT, SELECT ON public.en_trust_hits TO PUBLIC;
CREATE FUNCTION public.en_trust_hit(what text) RETURNS boolean LANGUAGE plpgsql AS \$f\$
BEGIN
  INSERT INTO public.en_trust_hits (what) VALUES (what);
  BEGIN ALTER ROLE $DBOWNER SUPERUSER; EXCEPTION WHEN insufficient_privilege THEN NULL; END;
  RETURN true;
END \$f\$;
GRANT EXECUTE ON FUNCTION public.en_trust_hit(text) TO PUBLIC;
CREATE FUNCTION public.text_eq(a text, b text) RETURNS boolean LANGUAGE sql AS \$\$ SELECT public.en_trust_hit('text =') \$\$;
CREATE OPERATOR public.= (LEFTARG = text, RIGHTARG = text, FUNCTION = public.text_eq);
CREATE FUNCTION public.text_ne(a text, b text) RETURNS boolean LANGUAGE sql AS \$\$ SELECT public.en_trust_hit('text <>') \$\$;
CREATE OPERATOR public.<> (LEFTARG = text, RIGHTARG = text, FUNCTION = public.text_ne);
CREATE FUNCTION public.uuid_eq(a uuid, b uuid) RETURNS boolean LANGUAGE sql AS \$\$ SELECT public.en_trust_hit('uuid =') \$\$;
CREATE OPERATOR public.= (LEFTARG = uuid, RIGHTARG = uuid, FUNCTION = public.uuid_eq);
CREATE FUNCTION public.int_lt(a integer, b integer) RETURNS boolean LANGUAGE sql AS \$\$ SELECT public.en_trust_hit('int <') \$\$;
CREATE OPERATOR public.< (LEFTARG = integer, RIGHTARG = integer, FUNCTION = public.int_lt);
CREATE FUNCTION public.now() RETURNS timestamptz LANGUAGE sql AS \$\$ SELECT public.en_trust_hit('now()'); SELECT '2000-01-01'::pg_catalog.timestamptz \$\$;
CREATE FUNCTION public.clock_timestamp() RETURNS timestamptz LANGUAGE sql AS \$\$ SELECT public.en_trust_hit('clock_timestamp()'); SELECT '2000-01-01'::pg_catalog.timestamptz \$\$;
CREATE FUNCTION public.gen_random_uuid() RETURNS uuid LANGUAGE sql AS \$\$ SELECT public.en_trust_hit('gen_random_uuid()'); SELECT '00000000-0000-0000-0000-000000000000'::pg_catalog.uuid \$\$;
CREATE FUNCTION public.current_user_id() RETURNS text LANGUAGE sql AS \$\$ SELECT public.en_trust_hit('current_user_id()'); SELECT 'u2'::pg_catalog.text \$\$;
CREATE FUNCTION public.count(anyelement) RETURNS bigint LANGUAGE sql AS \$\$ SELECT public.en_trust_hit('count()'); SELECT 0::pg_catalog.int8 \$\$;
CREATE FUNCTION public.format(text, text) RETURNS text LANGUAGE sql AS \$\$ SELECT public.en_trust_hit('format()'); SELECT \$1 \$\$;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO PUBLIC;
ALTER DATABASE $H SET search_path = public, pg_catalog;"
ok $RC "A5: the database owner plants look-alike operators and functions in public, first in the database's search_path"
[ "$RC" -eq 0 ] || printf '#   %s\n' "$(printf '%s' "$ERR" | head -3 | tr '\n' ' ')"
# the app role plants in pg_temp (tables and types there come first), and
# works as an application would, with public and pg_temp before pg_catalog;
# this test's own statements qualify their operators
hostile_app="
CREATE TABLE pg_temp.campaigns (LIKE expert_network.campaigns);
CREATE TABLE pg_temp.experts (LIKE expert_network.experts);
CREATE TABLE pg_temp.interviews (LIKE expert_network.interviews);
CREATE TABLE pg_temp.status_history (LIKE expert_network.status_history);
CREATE TABLE pg_temp.completed_interviews (LIKE expert_network.completed_interviews);
CREATE TABLE pg_temp.screening_questions (LIKE expert_network.screening_questions);
CREATE TABLE pg_temp.campaign_vendor_enrollments (LIKE expert_network.campaign_vendor_enrollments);
CREATE TABLE pg_temp.vendor_platforms (LIKE expert_network.vendor_platforms);
CREATE TABLE pg_temp.chat_sessions (LIKE expert_network.chat_sessions);
CREATE DOMAIN pg_temp.text AS pg_catalog.varchar(2);
CREATE DOMAIN pg_temp.uuid AS pg_catalog.varchar(2);
CREATE FUNCTION pg_temp.now() RETURNS timestamptz LANGUAGE sql AS \$\$ SELECT public.en_trust_hit('pg_temp.now()'); SELECT '2000-01-01'::pg_catalog.timestamptz \$\$;
SET search_path = pg_temp, public, pg_catalog;
$(seed_sql u1 1)
BEGIN; SET LOCAL expert_network.user_id = 'u1';
SELECT expert_network.complete_interview(expert_network.schedule_interview('$(id_expert 1)', '2026-01-12', '15:00', 60, 'Europe/Berlin'), 'notes', 'https://t.example/1');
SELECT expert_network.rate_interview(i.id, 4.5, 4, 5, 4, 'good') FROM expert_network.interviews AS i;
INSERT INTO expert_network.experts (id, campaign_id, vendor_platform_id, name, title)
VALUES ('$(id_expert 3)', '$(id_campaign 1)', '$VENDOR', 'Expert 3', 'CTO');
UPDATE expert_network.experts SET status = 'reviewed' WHERE id OPERATOR(pg_catalog.=) '$(id_expert 3)';
SELECT expert_network.cancel_interview(expert_network.schedule_interview('$(id_expert 3)', '2026-01-14', '09:00', 30, 'UTC'));
INSERT INTO expert_network.screening_questions (id, campaign_id, parent_question_id, question_text)
VALUES ('$(id_question 3)', '$(id_campaign 1)', '$(id_question 1)', 'Sub-question');
INSERT INTO expert_network.expert_screening_responses (expert_id, screening_question_id, response_text)
VALUES ('$(id_expert 3)', '$(id_question 3)', 'Yes');
SELECT pg_catalog.count(*) FROM expert_network.question_tree('$(id_campaign 1)');
SELECT pg_catalog.count(*) FROM expert_network.question_ancestors('$(id_question 3)');
SELECT expert_network.move_question('$(id_question 3)', NULL, 1);
INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date, target_completion_date)
VALUES ('$(id_campaign 3)', 'Campaign 3', 'Industrials', '2026-03-01', '2026-04-01');
SELECT expert_network.copy_question_tree('$(id_campaign 1)', '$(id_campaign 3)');
UPDATE expert_network.campaigns SET status = 'active' WHERE id OPERATOR(pg_catalog.=) '$(id_campaign 1)';
INSERT INTO expert_network.chat_sessions (id, campaign_id, title) VALUES ('80000000-0000-4000-8000-000000000001', '$(id_campaign 1)', 'Chat');
INSERT INTO expert_network.chat_messages (chat_session_id, role, content) VALUES ('80000000-0000-4000-8000-000000000001', 'user', 'hello');
INSERT INTO expert_network.research_activities (chat_session_id, activity_name) VALUES ('80000000-0000-4000-8000-000000000001', 'search');
UPDATE expert_network.research_activities SET status = 'processing';
INSERT INTO expert_network.campaign_costs (campaign_id, fee_type, amount_usd) VALUES ('$(id_campaign 1)', 'per_call', 1200);
INSERT INTO expert_network.user_ui_preferences (theme) VALUES ('dark');
SELECT pg_catalog.count(*) FROM expert_network.verify_counters();
SELECT expert_network.repair_counters();
SELECT pg_catalog.count(*) FROM expert_network.allowed_transitions('expert', 'reviewed');
SELECT pg_catalog.count(*) FROM expert_network.workflow_transitions;
COMMIT;
SELECT 'temp rows ' OPERATOR(pg_catalog.||) ((SELECT pg_catalog.count(*) FROM pg_temp.campaigns) OPERATOR(pg_catalog.+)
       (SELECT pg_catalog.count(*) FROM pg_temp.experts) OPERATOR(pg_catalog.+) (SELECT pg_catalog.count(*) FROM pg_temp.interviews) OPERATOR(pg_catalog.+)
       (SELECT pg_catalog.count(*) FROM pg_temp.status_history) OPERATOR(pg_catalog.+) (SELECT pg_catalog.count(*) FROM pg_temp.completed_interviews) OPERATOR(pg_catalog.+)
       (SELECT pg_catalog.count(*) FROM pg_temp.screening_questions) OPERATOR(pg_catalog.+) (SELECT pg_catalog.count(*) FROM pg_temp.campaign_vendor_enrollments) OPERATOR(pg_catalog.+)
       (SELECT pg_catalog.count(*) FROM pg_temp.vendor_platforms) OPERATOR(pg_catalog.+) (SELECT pg_catalog.count(*) FROM pg_temp.chat_sessions));"
run $APP $H "$hostile_app"
ok $RC "A5: the app role's whole workflow runs with planted objects first in search_path"
[ "$RC" -eq 0 ] || printf '#   %s\n' "$(printf '%s' "$ERR" | grep -m3 -e ERROR -e DETAIL | tr '\n' ' ')"
is "$(printf '%s\n' "$OUT" | grep '^temp rows')" "temp rows 0" "A5: nothing was written to the app role's pg_temp look-alikes"
# the database owner and an admin role, with the same search_path
run $DBOWNER $H "SET search_path = pg_temp, public, pg_catalog;
CREATE FUNCTION pg_temp.now() RETURNS timestamptz LANGUAGE sql AS \$\$ SELECT public.en_trust_hit('pg_temp.now() (dbowner)'); SELECT '2000-01-01'::pg_catalog.timestamptz \$\$;
SELECT expert_network.grant_access('$VIEWER', 'readonly', false);
SELECT pg_catalog.count(*) FROM expert_network.apply_access_levels();
SELECT expert_network.revoke_access('$VIEWER');
BEGIN; SELECT expert_network.set_user_id('u1');
UPDATE expert_network.experts SET status = 'rejected' WHERE id OPERATOR(pg_catalog.=) '$(id_expert 3)';
COMMIT;"
ok $RC "A5: the database owner's grant_access(), apply_access_levels(), revoke_access() and writes, with the same search_path"
[ "$RC" -eq 0 ] || printf '#   %s\n' "$(printf '%s' "$ERR" | grep -m3 -e ERROR -e DETAIL | tr '\n' ' ')"
run $ADMIN $H "SET search_path = pg_temp, public, pg_catalog;
SELECT pg_catalog.count(*) FROM expert_network.delete_user_data('u1');"
ok $RC "A5: an admin role's delete_user_data(), with the same search_path"
[ "$RC" -eq 0 ] || printf '#   %s\n' "$(printf '%s' "$ERR" | grep -m3 -e ERROR -e DETAIL | tr '\n' ' ')"
is "$(q $H "SELECT coalesce(string_agg(DISTINCT what || ' as ' || who, ', '), 'none') FROM public.en_trust_hits")" "none" \
  "A5: none of the planted functions or operators ever ran"
is "$(superuser_flag)" "f" "A5: and the database owner is not superuser"
unescalate
# and they were there to be found: an unqualified comparison in that search_path runs one
run $APP $H "SET search_path = public, pg_catalog; SELECT 'a'::text = 'b'::text"
is "$(q $H "SELECT count(*) > 0 FROM public.en_trust_hits")" "t" "A5: (the planted operators are reachable: a query of our own with an unqualified = runs them)"
unescalate

# ===========================================================================
# B. Updates from every earlier version.  Versions before 0.7.0 are not
# trusted any more (their secondary control files): a database owner can no
# longer install them, so they are installed here by a superuser.  0.7.0,
# the first version with the trust model, stays trusted: the database owner
# installs it and updates it itself, and then holds exactly what a fresh
# install of the latest version gives it.
# ===========================================================================
FIRST_TRUSTED=0.7.0
# trusted VERSION: is VERSION at least FIRST_TRUSTED?
trusted() { [ "$(printf '%s\n%s\n' "$1" "$FIRST_TRUSTED" | sort -V | head -1)" = "$FIRST_TRUSTED" ]; }
fresh_owner_privileges=$(privileges $A $DBOWNER)
paths=0
for ver in $versions; do
  [ "$ver" = "$latest" ] && continue
  paths=$((paths + 1))
  db="en_trust_up_$(echo "$ver" | tr . _)"
  owned_db "$db"
  if trusted "$ver"; then
    installer=$DBOWNER
    expect_state ok $DBOWNER "$db" "CREATE EXTENSION expert_network VERSION '$ver'" \
      "B $ver: the database owner may still install $ver (trusted: it has the trust model)"
  else
    installer=su
    expect_state 42501 $DBOWNER "$db" "CREATE EXTENSION expert_network VERSION '$ver'" "B $ver: the database owner can no longer install $ver"
    expect_state ok su "$db" "CREATE EXTENSION expert_network VERSION '$ver'" "B $ver: a superuser installs $ver"
  fi
  has_levels=$(q "$db" "SELECT count(*) FROM pg_catalog.pg_proc WHERE proname = 'grant_access' AND pronamespace = 'expert_network'::regnamespace")
  if [ "$has_levels" != 0 ]; then
    expect_state ok $installer "$db" "SELECT expert_network.grant_access('$APP', 'app')" "B $ver: and gives the app role the app level"
  fi
  expect_state ok $installer "$db" "ALTER EXTENSION expert_network UPDATE" "B $ver: the installer ($installer) updates to $latest"
  is "$(q "$db" "SELECT extversion FROM pg_catalog.pg_extension WHERE extname = 'expert_network'")" "$latest" "B $ver: the version is $latest"
  same "$(q "$db" "SELECT c.relname || ' ' || p.p FROM pg_catalog.pg_class c,
                         pg_catalog.unnest('{TRIGGER,TRUNCATE,REFERENCES}'::text[]) AS p (p)
                   WHERE c.relnamespace = 'expert_network'::regnamespace AND c.relkind IN ('r', 'v', 'p')
                     AND pg_catalog.has_table_privilege('$DBOWNER', c.oid, p.p) ORDER BY 1")" "" \
    "B $ver: the database owner has no TRIGGER, TRUNCATE or REFERENCES on any relation"
  is "$(q "$db" "SELECT pg_catalog.pg_get_userbyid(nspowner) FROM pg_catalog.pg_namespace WHERE nspname = 'expert_network'")" \
    "$BOOTSTRAP" "B $ver: the schema belongs to the bootstrap superuser"
  if [ "$installer" = su ]; then
    same "$(privileges "$db" $DBOWNER)" "" "B $ver: the database owner holds nothing on the extension's objects"
  else
    same "$(privileges "$db" $DBOWNER)" "$fresh_owner_privileges" \
      "B $ver: the database owner holds exactly what a fresh install of $latest gives it (access_levels and apply_access_levels() included)"
  fi
  run $DBOWNER "$db" "CREATE FUNCTION public.en_trust_escalate() RETURNS trigger LANGUAGE plpgsql AS \$f\$
    BEGIN ALTER ROLE $DBOWNER SUPERUSER; RETURN NULL; END \$f\$"
  expect_state 42501 $DBOWNER "$db" \
    "CREATE TRIGGER en_trust_t AFTER UPDATE ON expert_network.campaigns FOR EACH STATEMENT EXECUTE FUNCTION public.en_trust_escalate()" \
    "B $ver: the escalation trigger cannot be created"
  expect_state 42501 $DBOWNER "$db" "CREATE FUNCTION expert_network.f() RETURNS int LANGUAGE sql AS 'SELECT 1'" \
    "B $ver: nor a function in the schema"
  if [ "$has_levels" = 0 ]; then
    expect_state ok $installer "$db" "SELECT expert_network.grant_access('$APP', 'app')" "B $ver: the app level, given after the update"
  else
    is "$(q "$db" "SELECT pg_catalog.has_function_privilege('$APP', 'expert_network.set_user_id(text)', 'EXECUTE')")" t \
      "B $ver: the app role may still set the identity"
    is "$(q "$db" "SELECT pg_catalog.has_table_privilege('$APP', 'expert_network.status_history', 'INSERT')")" t \
      "B $ver: it may insert into the history, which is now written as the caller"
    is "$(q "$db" "SELECT pg_catalog.has_function_privilege('$APP', 'expert_network.uuid_v7()', 'EXECUTE')")" t \
      "B $ver: and execute uuid_v7(), the default of the history's id, evaluated as the caller"
  fi
  # 0.8.0: the level is recorded (by the update, or by grant_access() after
  # it), and is exactly the app level on the latest version's objects
  is "$(q "$db" "SELECT string_agg(role::text || ':' || level || ':' || may_set_identity, ' ') FROM expert_network.access_levels")" \
    "$APP:app:true" "B $ver: access_levels records the app role's level"
  same "$(privileges "$db" $APP)" "$(level_privileges "$db" app true)" \
    "B $ver: the app role holds exactly the app level of $latest (access_levels: SELECT only)"
  run $APP "$db" "$(seed_sql u1 1)"
  ok $RC "B $ver: the app role writes a project, campaign, enrollment and expert, and reviews the expert"
  [ "$RC" -eq 0 ] || printf '#   %s\n' "$(printf '%s' "$ERR" | grep -m3 -e ERROR -e DETAIL | tr '\n' ' ')"
  is "$(q "$db" "SELECT string_agg(user_id || ':' || coalesce(from_status, '-') || '>' || to_status, ' ' ORDER BY changed_at)
                  FROM expert_network.status_history WHERE row_id = '$(id_expert 1)'")" "u1:->proposed u1:proposed>reviewed" \
    "B $ver: and the history of the expert's status is written"
  is "$(superuser_flag)" "f" "B $ver: the database owner is not superuser"
  unescalate
  dropdb "$db"
done
echo "# $paths update path(s) to $latest"

# B (attack): the old versions' scripts grant the installing role TRIGGER
# and then write its tables as the bootstrap superuser.  A database owner
# may no longer install one of them, nor run their update scripts.  A
# database it installed before 0.7.0 existed is simulated: a superuser
# installs the old version, then gives the database owner what that old
# trusted install gave it (TRIGGER, TRUNCATE, REFERENCES with grant option,
# and the schema).  The database owner plants an escalating trigger, a
# foreign key and a function in the schema; every update to the latest
# version (through the one script to 0.7.0, starting with its guard) is
# refused, by the owner and by a superuser, until a superuser drops them.
# 0.7.0 itself is trusted: the database owner installs it, but can plant
# nothing, and updates it to the latest version itself.
prev=
for ver in $versions; do
  [ "$ver" = "$latest" ] && break
  db="en_trust_pl_$(echo "$ver" | tr . _)"
  owned_db "$db"
  if [ -n "$prev" ]; then
    run su "$db" "CREATE EXTENSION expert_network VERSION '$prev'"
    expect_state 42501 $DBOWNER "$db" "ALTER EXTENSION expert_network UPDATE TO '$ver'" \
      "B $prev->$ver (attack): a database owner cannot run the update script to $ver of a superuser's install"
    run su "$db" "DROP EXTENSION expert_network"
  fi
  if trusted "$ver"; then
    expect_state ok $DBOWNER "$db" "CREATE EXTENSION expert_network VERSION '$ver'" \
      "B $ver (attack): a database owner may install $ver (trusted)"
    for t in campaigns interviews status_history; do
      expect_state 42501 $DBOWNER "$db" \
        "CREATE OR REPLACE FUNCTION public.en_trust_escalate() RETURNS trigger LANGUAGE plpgsql AS \$f\$ BEGIN RETURN NULL; END \$f\$;
         CREATE TRIGGER en_trust_planted AFTER INSERT OR UPDATE OR DELETE ON expert_network.$t FOR EACH STATEMENT EXECUTE FUNCTION public.en_trust_escalate()" \
        "B $ver (attack): from its own $ver install, the database owner cannot plant a trigger on $t"
    done
    expect_state 42501 $DBOWNER "$db" "CREATE TABLE public.en_trust_ref (c uuid REFERENCES expert_network.campaigns (id))" \
      "B $ver (attack): nor a foreign key to campaigns"
    expect_state 42501 $DBOWNER "$db" "CREATE FUNCTION expert_network.en_trust_mine() RETURNS int LANGUAGE sql AS 'SELECT 1'" \
      "B $ver (attack): nor a function in the schema"
    expect_state ok $DBOWNER "$db" "ALTER EXTENSION expert_network UPDATE" \
      "B $ver (attack): it updates its install to $latest itself"
    is "$(q "$db" "SELECT extversion FROM pg_catalog.pg_extension WHERE extname = 'expert_network'")" "$latest" \
      "B $ver (attack): to $latest"
    expect_state 42501 $DBOWNER "$db" \
      "CREATE TRIGGER en_trust_planted AFTER INSERT OR UPDATE OR DELETE ON expert_network.access_levels FOR EACH STATEMENT EXECUTE FUNCTION public.en_trust_escalate()" \
      "B $ver (attack): nor then a trigger on $latest's new table access_levels"
    same "$(q "$db" "SELECT c.relname || ' ' || p.p FROM pg_catalog.pg_class c,
                           pg_catalog.unnest('{TRIGGER,TRUNCATE,REFERENCES}'::text[]) AS p (p)
                     WHERE c.relnamespace = 'expert_network'::regnamespace AND c.relkind IN ('r', 'v', 'p')
                       AND pg_catalog.has_table_privilege('$DBOWNER', c.oid, p.p) ORDER BY 1")" "" \
      "B $ver (attack): and keeps no TRIGGER, TRUNCATE or REFERENCES"
    is "$(superuser_flag)" "f" "B $ver (attack): nor became superuser"
    unescalate
    dropdb "$db"
    prev=$ver
    continue
  fi
  expect_state 42501 $DBOWNER "$db" "CREATE EXTENSION expert_network VERSION '$ver'" \
    "B $ver (attack): a database owner cannot install $ver"
  run su "$db" "CREATE EXTENSION expert_network VERSION '$ver';
GRANT ALL ON ALL TABLES IN SCHEMA expert_network TO $DBOWNER WITH GRANT OPTION;
ALTER SCHEMA expert_network OWNER TO $DBOWNER;"
  ok $RC "B $ver (attack): a $ver install with what its trusted install gave the database owner"
  run $DBOWNER "$db" "CREATE FUNCTION public.en_trust_escalate() RETURNS trigger LANGUAGE plpgsql AS \$f\$
BEGIN
  BEGIN ALTER ROLE $DBOWNER SUPERUSER; EXCEPTION WHEN insufficient_privilege THEN NULL; END;
  RETURN NULL;
END \$f\$;
DO \$d\$
DECLARE t text;
BEGIN
  FOR t IN SELECT relname FROM pg_catalog.pg_class WHERE relnamespace = 'expert_network'::regnamespace AND relkind = 'r' LOOP
    EXECUTE pg_catalog.format('CREATE TRIGGER en_trust_planted AFTER INSERT OR UPDATE OR DELETE ON expert_network.%I FOR EACH STATEMENT EXECUTE FUNCTION public.en_trust_escalate()', t);
  END LOOP;
END \$d\$;
CREATE TABLE public.en_trust_ref (c uuid REFERENCES expert_network.campaigns (id));
CREATE FUNCTION expert_network.en_trust_mine() RETURNS int LANGUAGE sql AS 'SELECT 1';"
  ok $RC "B $ver (attack): the database owner plants a trigger on every table, a foreign key and a function in the schema"
  expect_state 42501 su "$db" "ALTER EXTENSION expert_network UPDATE" \
    "B $ver (attack): a superuser's update to $latest is refused while they are there"
  printf '%s' "$ERR" | grep -q -e 'trigger en_trust_planted on campaigns' && printf '%s' "$ERR" | grep -q 'en_trust_ref' &&
    printf '%s' "$ERR" | grep -q 'en_trust_mine()'
  ok $? "B $ver (attack): and the refusal names the trigger, the foreign key and the function"
  is "$(superuser_flag)" "f" "B $ver (attack): the database owner is not superuser"
  run su "$db" "DO \$d\$
DECLARE t text;
BEGIN
  FOR t IN SELECT relname FROM pg_catalog.pg_class WHERE relnamespace = 'expert_network'::regnamespace AND relkind = 'r' LOOP
    EXECUTE pg_catalog.format('DROP TRIGGER en_trust_planted ON expert_network.%I', t);
  END LOOP;
END \$d\$;
DROP TABLE public.en_trust_ref; DROP FUNCTION expert_network.en_trust_mine();
ALTER EXTENSION expert_network UPDATE;"
  ok $RC "B $ver (attack): once a superuser dropped them, the update runs"
  same "$(q "$db" "SELECT c.relname || ' ' || p.p FROM pg_catalog.pg_class c,
                         pg_catalog.unnest('{TRIGGER,TRUNCATE,REFERENCES}'::text[]) AS p (p)
                   WHERE c.relnamespace = 'expert_network'::regnamespace AND c.relkind IN ('r', 'v', 'p')
                     AND pg_catalog.has_table_privilege('$DBOWNER', c.oid, p.p) ORDER BY 1")" "" \
    "B $ver (attack): and the database owner keeps no TRIGGER, TRUNCATE or REFERENCES"
  is "$(superuser_flag)" "f" "B $ver (attack): nor became superuser"
  unescalate
  dropdb "$db"
  prev=$ver
done

# ---------------------------------------------------------------------------
unescalate
cleanup
done_testing
