/*
 * access.c
 *	  Access levels and erasure: grant_access(), revoke_access(),
 *	  delete_user_data().
 *
 * The extension creates no roles (roles are cluster-wide and would outlive
 * it); it grants privileges to roles the administrator names.  A level is a
 * set of privileges:
 *
 *	readonly	read the rows of the current user (RLS decides which)
 *	app			also write them (the status history only through the
 *				workflow tables: protect_history; not the restricted list,
 *				the compliance policy or the exceptions)
 *	compliance	also write those: the compliance team's level (0.10.0)
 *	admin		also write the vendor catalog and erase a user's data
 *
 * and, unless asked otherwise, EXECUTE on set_user_id(text): the right to
 * act as an application user at all.
 *
 * Each role's level is recorded in access_levels (0.8.0), which pg_dump
 * carries: every update script ends with apply_access_levels(), which gives
 * each recorded role exactly its level's privileges on the new version's
 * objects, so that an update needs no manual step to keep applications
 * working.
 *
 * One grantor.  GRANT records who granted, and REVOKE only takes back the
 * revoking role's own grants: a level granted by a superuser (recorded as
 * granted by the tables' owner) would survive a revoke by the extension's
 * owner.  So every GRANT and REVOKE here runs as the tables' owner, whoever
 * calls; revokes also run as the extension's owner, for the grants it made
 * by hand; and the catalog is then checked: a privilege of the role left by
 * any other grantor is an error that names it.  Running as the tables' owner
 * is the one place the module acts with rights its caller may lack: the
 * statements are fixed GRANT and REVOKE texts on the extension's own schema
 * (checked by oid first), in a security-restricted operation with
 * search_path pinned to pg_catalog; no trigger, function or operator runs.
 *
 * Erasure (delete_user_data) runs as the caller, acting for the user it
 * erases: row-level security shows it that user's rows, and the admin
 * level's DELETE privileges do the rest.
 */
#include "expert_network.h"

#include "catalog/namespace.h"
#include "commands/extension.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/guc.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

PG_FUNCTION_INFO_V1(expert_network_grant_access);
PG_FUNCTION_INFO_V1(expert_network_revoke_access);
PG_FUNCTION_INFO_V1(expert_network_delete_user_data);
PG_FUNCTION_INFO_V1(expert_network_carry_levels_forward);
PG_FUNCTION_INFO_V1(expert_network_apply_access_levels);

/*
 * Functions only the extension owner (and those it grants) may run; every
 * other function of the schema is executable at every level.
 */
#define OWNER_ONLY_FUNCTIONS \
	"expert_network.grant_access(pg_catalog.regrole, pg_catalog.text, pg_catalog.bool), " \
	"expert_network.revoke_access(pg_catalog.regrole), " \
	"expert_network.delete_user_data(pg_catalog.text)"
/* since 0.8.0 */
#define OWNER_ONLY_FUNCTIONS_800 \
	OWNER_ONLY_FUNCTIONS ", expert_network.apply_access_levels()"
/* before 0.7.0 */
#define LEGACY_OWNER_ONLY_FUNCTIONS \
	"expert_network.grant_access(pg_catalog.regrole, pg_catalog.text), " \
	"expert_network.revoke_access(pg_catalog.regrole), " \
	"expert_network.delete_user_data(pg_catalog.text)"

/* the first version recording levels in access_levels */
#define EN_VERSION_LEVEL_RECORDS 800

/*
 * The tables holding users' rows, children before parents: the order
 * delete_user_data() empties them in, so that each count is the table's own
 * rows rather than what a cascade took along.
 */
static const char *const user_tables[] = {
	"call_caps",				/* 0.13.0 */
	"compliance_log",			/* 0.10.0 */
	"compliance_exceptions",
	"interview_attestations",
	"expert_employments",
	"campaign_subject_companies",
	"restricted_companies",
	"compliance_policies",
	"chat_messages",
	"research_activities",
	"research_sources",
	"answer_sections",
	"interview_team_assignments",
	"completed_interviews",
	"expert_screening_responses",
	"interviews",
	"experts",
	"campaign_vendor_enrollments",
	"campaign_team_assignments",
	"campaign_costs",
	"screening_questions",
	"chat_sessions",
	"campaigns",
	"team_members",
	"projects",
	"user_ui_preferences",
	"status_history",			/* 0.4.0 */
};

/* Is expert_network.<table> there?  (The module may be newer than the schema.) */
static bool
TableExists(const char *table)
{
	return OidIsValid(get_relname_relid(table, en_extension_schema()));
}

/*
 * Only the extension's owner (or a member of that role, or a superuser)
 * hands out access: it holds the grant options.
 */
static void
CheckExtensionOwner(const char *funcname)
{
	Oid			extowner = en_extension(false)->owner;

	if (!has_privs_of_role(GetUserId(), extowner))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("permission denied for %s", funcname),
				 errdetail("Only the owner of extension expert_network, %s, may change access levels.",
						   GetUserNameFromId(extowner, false))));
}

/* Run one GRANT or REVOKE; the role name is already quoted */
static void
RunAcl(const char *fmt, const char *role)
{
	char	   *sql = psprintf(fmt, role);
	int			rc = SPI_execute(sql, false, 0);

	if (rc != SPI_OK_UTILITY)
		elog(ERROR, "\"%s\" failed: %s", sql, SPI_result_code_string(rc));
	pfree(sql);
}

/* The owner of the extension's tables: the grantor of every level */
#define TablesOwner() en_table_owner("campaigns")

typedef struct AclChange
{
	Oid			roleid;
	const char *role;			/* quoted */
	const char *level;			/* readonly, app or admin */
	bool		write;
	bool		admin;
	bool		compliance;		/* approves compliance exceptions */
	bool		may_set_identity;
	bool		legacy;			/* the schema is older than 0.7.0 */
} AclChange;

/* Does the installed schema record levels (access_levels, 0.8.0)? */
static bool
RecordsLevels(void)
{
	return en_extension(false)->version >= EN_VERSION_LEVEL_RECORDS;
}

/* The level's privileges, from its name; false for no such level */
static bool
SetLevel(AclChange *change, const char *level)
{
	change->compliance = false;
	if (strcmp(level, "readonly") == 0)
		change->write = change->admin = false;
	else if (strcmp(level, "app") == 0)
		change->write = true, change->admin = false;
	else if (strcmp(level, "compliance") == 0 && TableExists("compliance_exceptions"))
		change->write = change->compliance = true, change->admin = false;
	else if (strcmp(level, "admin") == 0)
		change->write = change->admin = true;
	else
		return false;
	change->level = level;
	return true;
}

/*
 * Run GRANT or REVOKE statements as another role, in a security-restricted
 * operation with search_path pinned: see the file header.
 */
static void
AsRole(Oid roleid, void (*statements) (const AclChange *), const AclChange *change)
{
	Oid			save_userid;
	int			save_sec_context;
	int			save_nestlevel;

	GetUserIdAndSecContext(&save_userid, &save_sec_context);
	SetUserIdAndSecContext(roleid, save_sec_context | SECURITY_LOCAL_USERID_CHANGE |
						   SECURITY_RESTRICTED_OPERATION);
	save_nestlevel = NewGUCNestLevel();
	(void) set_config_option("search_path", "pg_catalog, pg_temp",
							 PGC_USERSET, PGC_S_SESSION, GUC_ACTION_SAVE,
							 true, 0, false);
	statements(change);
	AtEOXact_GUC(false, save_nestlevel);
	SetUserIdAndSecContext(save_userid, save_sec_context);
}

/* Take every privilege on the extension's objects away from the role */
static void
RevokeStatements(const AclChange *change)
{
	RunAcl("REVOKE ALL ON ALL TABLES IN SCHEMA expert_network FROM %s CASCADE", change->role);
	RunAcl("REVOKE ALL ON ALL FUNCTIONS IN SCHEMA expert_network FROM %s CASCADE", change->role);
	RunAcl("REVOKE ALL ON SCHEMA expert_network FROM %s CASCADE", change->role);
}

/* Give the role the privileges of its level (it has none now) */
static void
GrantStatements(const AclChange *change)
{
	bool		legacy = change->legacy;

	RunAcl("GRANT USAGE ON SCHEMA expert_network TO %s", change->role);
	RunAcl("GRANT SELECT ON ALL TABLES IN SCHEMA expert_network TO %s", change->role);
	RunAcl("GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA expert_network TO %s", change->role);
	RunAcl(legacy ? "REVOKE EXECUTE ON FUNCTION " LEGACY_OWNER_ONLY_FUNCTIONS " FROM %s"
		   : RecordsLevels() ? "REVOKE EXECUTE ON FUNCTION " OWNER_ONLY_FUNCTIONS_800 " FROM %s"
		   : "REVOKE EXECUTE ON FUNCTION " OWNER_ONLY_FUNCTIONS " FROM %s",
		   change->role);
	if (change->write)
	{
		/* never TRUNCATE: it ignores row-level security */
		RunAcl("GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA expert_network TO %s", change->role);
		if (!change->admin)
			RunAcl("REVOKE INSERT, UPDATE, DELETE ON expert_network.vendor_platforms FROM %s", change->role);
		/*
		 * The history: INSERT for record_transitions, which writes it as
		 * the caller, DELETE for delete_user_data; protect_history refuses
		 * both to anything else.  A legacy schema writes it as its owner.
		 */
		if (TableExists("status_history"))
		{
			RunAcl("REVOKE UPDATE ON expert_network.status_history FROM %s", change->role);
			if (legacy)
				RunAcl("REVOKE INSERT, DELETE ON expert_network.status_history FROM %s", change->role);
			else if (!change->admin)
				RunAcl("REVOKE DELETE ON expert_network.status_history FROM %s", change->role);
		}
		/* a view is not written */
		if (TableExists("workflow_transitions"))
			RunAcl("REVOKE INSERT, UPDATE, DELETE ON expert_network.workflow_transitions FROM %s", change->role);
		if (TableExists("expert_duplicates"))
			RunAcl("REVOKE INSERT, UPDATE, DELETE ON expert_network.expert_duplicates FROM %s", change->role);
		/* the call cap is the compliance team's, as its policy (0.13.0) */
		if (TableExists("call_caps"))
		{
			if (!change->compliance)
				RunAcl("REVOKE INSERT, UPDATE ON expert_network.call_caps FROM %s", change->role);
			if (!change->compliance && !change->admin)
				RunAcl("REVOKE DELETE ON expert_network.call_caps FROM %s", change->role);
		}
		/*
		 * The compliance team's tables (the restricted list, the policy,
		 * the exceptions) are written at the compliance level only, so an
		 * application cannot clear its own calls; admin deletes their rows
		 * with a user's data.  The log is the gates', which write it as the
		 * caller, and erasure's (0.10.0).
		 */
		if (TableExists("compliance_exceptions"))
		{
			if (!change->compliance)
				RunAcl("REVOKE INSERT, UPDATE ON expert_network.restricted_companies,"
					   " expert_network.compliance_policies, expert_network.compliance_exceptions FROM %s",
					   change->role);
			if (!change->compliance && !change->admin)
				RunAcl("REVOKE DELETE ON expert_network.restricted_companies,"
					   " expert_network.compliance_policies, expert_network.compliance_exceptions FROM %s",
					   change->role);
			RunAcl("REVOKE UPDATE ON expert_network.compliance_log FROM %s", change->role);
			if (!change->admin)
				RunAcl("REVOKE DELETE ON expert_network.compliance_log FROM %s", change->role);
		}
		/* nor are the levels, but by the extension's owner */
		if (TableExists("access_levels"))
			RunAcl("REVOKE INSERT, UPDATE, DELETE ON expert_network.access_levels FROM %s", change->role);
		/* nor the dashboards: views (0.12.0) */
		if (TableExists("campaign_dashboard"))
			RunAcl("REVOKE INSERT, UPDATE, DELETE ON expert_network.campaign_dashboard,"
				   " expert_network.vendor_scorecard, expert_network.team_workload FROM %s",
				   change->role);
	}
	if (change->admin)
		RunAcl("GRANT EXECUTE ON FUNCTION expert_network.delete_user_data(pg_catalog.text) TO %s", change->role);
	if (!change->may_set_identity && !legacy)
		RunAcl("REVOKE EXECUTE ON FUNCTION expert_network.set_user_id(pg_catalog.text) FROM %s", change->role);
}

/*
 * Privileges on the extension's objects (schema, relations, columns,
 * functions) that the role still holds from any grantor: none, or an error
 * naming the first few and who granted them (the rows' order, one string).
 */
#define REMAINING_PRIVILEGES \
	"SELECT pg_catalog.string_agg(pg_catalog.format('%s on %s, granted by %s', l.privilege, l.object, l.grantor), '; ')" \
	"  FROM (" \
	"SELECT o.kind OPERATOR(pg_catalog.||) ' ' OPERATOR(pg_catalog.||) o.name," \
	"       a.privilege_type, pg_catalog.pg_get_userbyid(a.grantor)" \
	"  FROM (SELECT 'schema', n.nspname::pg_catalog.text, n.nspacl" \
	"          FROM pg_catalog.pg_namespace AS n WHERE n.oid OPERATOR(pg_catalog.=) $1" \
	"        UNION ALL" \
	"        SELECT 'relation', c.relname::pg_catalog.text, c.relacl" \
	"          FROM pg_catalog.pg_class AS c WHERE c.relnamespace OPERATOR(pg_catalog.=) $1" \
	"        UNION ALL" \
	"        SELECT 'column', c.relname OPERATOR(pg_catalog.||) '.' OPERATOR(pg_catalog.||) t.attname, t.attacl" \
	"          FROM pg_catalog.pg_class AS c" \
	"          JOIN pg_catalog.pg_attribute AS t ON t.attrelid OPERATOR(pg_catalog.=) c.oid" \
	"         WHERE c.relnamespace OPERATOR(pg_catalog.=) $1 AND t.attacl IS NOT NULL" \
	"        UNION ALL" \
	"        SELECT 'function', p.oid::pg_catalog.regprocedure::pg_catalog.text, p.proacl" \
	"          FROM pg_catalog.pg_proc AS p WHERE p.pronamespace OPERATOR(pg_catalog.=) $1" \
	"       ) AS o (kind, name, acl)," \
	"       LATERAL pg_catalog.aclexplode(o.acl) AS a" \
	" WHERE a.grantee OPERATOR(pg_catalog.=) $2" \
	" ORDER BY 1, 2 LIMIT 5" \
	"       ) AS l (object, privilege, grantor)"

static void
CheckNoPrivilegesLeft(Oid roleid, int elevel)
{
	Oid			argtypes[2] = {OIDOID, OIDOID};
	Datum		args[2] = {ObjectIdGetDatum(en_extension_schema()), ObjectIdGetDatum(roleid)};
	char	   *left;

	/* not read-only: a new snapshot, which sees the revokes just made */
	if (SPI_execute_with_args(REMAINING_PRIVILEGES, 2, argtypes, args, NULL, false, 0) != SPI_OK_SELECT)
		elog(ERROR, "reading the privileges of role %u failed", roleid);
	left = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	if (left == NULL)
		return;
	ereport(elevel,
			(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
			 errmsg("role \"%s\" keeps privileges on expert_network that another grantor gave",
					GetUserNameFromId(roleid, false)),
			 errdetail("%s.", left),
			 errhint("Only that grantor (or a superuser, as that grantor) can take them back: REVOKE ... FROM %s.",
					 quote_identifier(GetUserNameFromId(roleid, false)))));
}

/* Take everything away: as the tables' owner, then as the extension's */
static void
RevokeEverything(const AclChange *change, int elevel)
{
	Oid			tables_owner = TablesOwner();
	Oid			extowner = en_extension(false)->owner;

	AsRole(tables_owner, RevokeStatements, change);
	if (extowner != tables_owner && !superuser_arg(extowner))
		AsRole(extowner, RevokeStatements, change);
	CheckNoPrivilegesLeft(change->roleid, elevel);
}

/*
 * The record of a role's level: written with the GRANTs, as the tables'
 * owner (the statements are fixed texts; the role goes in as a parameter).
 */
static void
RecordStatements(const AclChange *change)
{
	Oid			argtypes[3] = {REGROLEOID, TEXTOID, BOOLOID};
	Datum		args[3];
	int			rc;

	args[0] = ObjectIdGetDatum(change->roleid);
	if (change->level == NULL)
	{
		rc = SPI_execute_with_args("DELETE FROM expert_network.access_levels"
								   " WHERE role OPERATOR(pg_catalog.=) $1",
								   1, argtypes, args, NULL, false, 0);
		if (rc != SPI_OK_DELETE)
			elog(ERROR, "forgetting the level of role %u failed", change->roleid);
		return;
	}
	args[1] = CStringGetTextDatum(change->level);
	args[2] = BoolGetDatum(change->may_set_identity);
	rc = SPI_execute_with_args("INSERT INTO expert_network.access_levels AS l (role, level, may_set_identity)"
							   " VALUES ($1, $2, $3) ON CONFLICT (role) DO UPDATE"
							   " SET level = excluded.level, may_set_identity = excluded.may_set_identity,"
							   "     granted_at = pg_catalog.now()",
							   3, argtypes, args, NULL, false, 0);
	if (rc != SPI_OK_INSERT)
		elog(ERROR, "recording the level of role %u failed", change->roleid);
}

static void
RecordLevel(const AclChange *change)
{
	if (RecordsLevels())
		AsRole(TablesOwner(), RecordStatements, change);
}

/* The role argument, into change: never PUBLIC nor an owner */
static void
RoleArgument(FunctionCallInfo fcinfo, const char *funcname, AclChange *change)
{
	Oid			roleid = PG_GETARG_OID(0);

	if (!OidIsValid(roleid))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("role must not be PUBLIC or 0")));
	if (roleid == en_extension(false)->owner || roleid == TablesOwner())
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s cannot change the access of role \"%s\"", funcname,
						GetUserNameFromId(roleid, false)),
				 errdetail("It owns the extension or its objects; its privileges come with that.")));
	change->roleid = roleid;
	change->role = quote_identifier(GetUserNameFromId(roleid, false));
}

/*
 * grant_access(role regrole, level text, may_set_identity boolean): give
 * the role exactly the privileges of the level (what it had before is taken
 * away first).
 */
Datum
expert_network_grant_access(PG_FUNCTION_ARGS)
{
	char	   *level;
	AclChange	change = {0};

	CheckExtensionOwner("grant_access");
	RoleArgument(fcinfo, "grant_access", &change);
	level = text_to_cstring(PG_GETARG_TEXT_PP(1));
	/* before 0.7.0 the function had no third argument */
	change.may_set_identity = PG_NARGS() < 3 || PG_GETARG_BOOL(2);

	if (!SetLevel(&change, level))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid access level \"%s\"", en_shorten(level)),
				 errhint(TableExists("compliance_exceptions") ? "Valid levels are readonly, app, compliance and admin."
						 : "Valid levels are readonly, app and admin.")));
	change.legacy = en_legacy_schema();

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	RevokeEverything(&change, ERROR);
	AsRole(TablesOwner(), GrantStatements, &change);
	RecordLevel(&change);
	SPI_finish();
	PG_RETURN_VOID();
}

/*
 * revoke_access(role regrole): take every privilege on the extension's
 * objects away from the role, whoever granted it.
 */
Datum
expert_network_revoke_access(PG_FUNCTION_ARGS)
{
	AclChange	change = {0};

	CheckExtensionOwner("revoke_access");
	RoleArgument(fcinfo, "revoke_access", &change);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	RevokeEverything(&change, ERROR);
	RecordLevel(&change);		/* no level: the record goes */
	SPI_finish();
	PG_RETURN_VOID();
}

/* > 0 while delete_user_data erases (protect_history lets it) */
static int	erasing = 0;

bool
en_erasing(void)
{
	return erasing > 0;
}

/*
 * delete_user_data(user_id text): delete every row of the user, in every
 * table, and return how many each table lost.  As the caller, acting for
 * that user until it returns: row-level security shows it that user's rows
 * and no other's.  EXECUTE is for admin roles, whose DELETE privileges
 * cover every table of a user's data.  (Before 0.7.0 the function was
 * SECURITY DEFINER and ran as the tables' owner.)
 */
Datum
expert_network_delete_user_data(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Datum		user_id = PG_GETARG_DATUM(0);
	char	   *id = TextDatumGetCString(user_id);
	int			nestlevel;

	if (id[0] == '\0')
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("user_id must not be empty")));

	InitMaterializedSRF(fcinfo, 0);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	nestlevel = en_set_identity_locally(id);
	erasing++;
	PG_TRY();
	{
		for (size_t i = 0; i < lengthof(user_tables); i++)
		{
			char		sql[256];
			Oid			argtypes[1] = {TEXTOID};
			int			rc;
			Datum		values[2];
			bool		nulls[2] = {false, false};

			if (!TableExists(user_tables[i]))
				continue;
			snprintf(sql, sizeof(sql),
					 "DELETE FROM expert_network.%s WHERE user_id OPERATOR(pg_catalog.=) $1",
					 user_tables[i]);
			rc = SPI_execute_with_args(sql, 1, argtypes, &user_id, NULL, false, 0);
			if (rc != SPI_OK_DELETE)
				elog(ERROR, "\"%s\" failed: %s", sql, SPI_result_code_string(rc));

			values[0] = CStringGetTextDatum(user_tables[i]);
			values[1] = Int64GetDatum((int64) SPI_processed);
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	}
	PG_FINALLY();
	{
		erasing--;
	}
	PG_END_TRY();
	AtEOXact_GUC(true, nestlevel);

	SPI_finish();
	return (Datum) 0;
}

/*
 * The roles holding a level before 0.7.0, by what they hold (from any
 * grantor): USAGE on the schema (every level), INSERT on experts (app and
 * admin), EXECUTE on delete_user_data (admin).  Never PUBLIC, the tables'
 * owner or the extension's owner.
 */
#define LEVEL_ROLES \
	"SELECT a.grantee," \
	"       pg_catalog.bool_or(o.kind OPERATOR(pg_catalog.=) 'write')," \
	"       pg_catalog.bool_or(o.kind OPERATOR(pg_catalog.=) 'admin')" \
	"  FROM (SELECT 'read', n.nspacl, 'USAGE' FROM pg_catalog.pg_namespace AS n" \
	"         WHERE n.oid OPERATOR(pg_catalog.=) $1" \
	"        UNION ALL" \
	"        SELECT 'write', c.relacl, 'INSERT' FROM pg_catalog.pg_class AS c" \
	"         WHERE c.relnamespace OPERATOR(pg_catalog.=) $1 AND c.relname OPERATOR(pg_catalog.=) 'experts'" \
	"        UNION ALL" \
	"        SELECT 'admin', p.proacl, 'EXECUTE' FROM pg_catalog.pg_proc AS p" \
	"         WHERE p.pronamespace OPERATOR(pg_catalog.=) $1 AND p.proname OPERATOR(pg_catalog.=) 'delete_user_data'" \
	"       ) AS o (kind, acl, privilege)," \
	"       LATERAL pg_catalog.aclexplode(o.acl) AS a" \
	" WHERE a.privilege_type OPERATOR(pg_catalog.=) o.privilege" \
	"   AND a.grantee OPERATOR(pg_catalog.<>) ALL (ARRAY[0, $2, $3]::pg_catalog.oid[])" \
	" GROUP BY a.grantee ORDER BY a.grantee"

/*
 * Hand each row of the last query's result to grant(), with
 * creating_extension off: the grants then belong to the database's roles,
 * not to the extension's initial privileges (pg_dump dumps only what differs
 * from those, and keeps these).
 */
static void
GrantEach(void (*grant) (HeapTuple row, TupleDesc desc, void *arg), void *arg)
{
	SPITupleTable *rows = SPI_tuptable;
	uint64		nrows = SPI_processed;
	bool		saved = creating_extension;

	PG_TRY();
	{
		creating_extension = false;
		for (uint64 i = 0; i < nrows; i++)
			grant(rows->vals[i], rows->tupdesc, arg);
	}
	PG_FINALLY();
	{
		creating_extension = saved;
	}
	PG_END_TRY();
}

/* A role of LEVEL_ROLES: what its level gives on 0.7.0's objects, added to what it has */
static void
CarryLevel(HeapTuple row, TupleDesc desc, void *arg pg_attribute_unused())
{
	bool		isnull;
	AclChange	change = {0};

	change.role = quote_identifier(GetUserNameFromId(DatumGetObjectId(SPI_getbinval(row, desc, 1, &isnull)),
													 false));
	change.write = DatumGetBool(SPI_getbinval(row, desc, 2, &isnull));
	change.admin = DatumGetBool(SPI_getbinval(row, desc, 3, &isnull));
	change.may_set_identity = true;
	GrantStatements(&change);
}

/*
 * Called once by the 0.6.0--0.7.0 update script, then dropped: give every
 * role that holds a level its level's privileges on every object of 0.7.0,
 * those added since it was granted included (status_history, the walks,
 * uuid_v7(), set_user_id(); see the script), as the database's grants
 * (GrantEach).
 */
Datum
expert_network_carry_levels_forward(PG_FUNCTION_ARGS)
{
	Oid			argtypes[3] = {OIDOID, OIDOID, OIDOID};
	Datum		args[3];

	if (!creating_extension)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("carry_levels_forward() is for the extension's update script only")));

	args[0] = ObjectIdGetDatum(en_extension_schema());
	args[1] = ObjectIdGetDatum(TablesOwner());
	args[2] = ObjectIdGetDatum(en_extension(false)->owner);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute_with_args(LEVEL_ROLES, 3, argtypes, args, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "reading the roles of each level failed");
	GrantEach(CarryLevel, NULL);
	SPI_finish();
	PG_RETURN_VOID();
}

/*
 * apply_access_levels(): give every role recorded in access_levels exactly
 * its level's privileges on the extension's objects as they are now, and
 * return the roles and levels applied.  Every update script ends with it
 * (0.8.0 on), so that a version's new tables and functions reach the roles
 * already using the extension; the extension's owner may run it too (after
 * restoring a dump without its privileges, say).
 *
 * A record whose role no longer exists is removed; one naming the
 * extension's or the tables' owner is skipped: their privileges come with
 * what they own.  What another grantor gave a role cannot be taken back
 * here: a warning names it, and the update goes on.  The grants are the
 * database's (GrantEach).
 */
#define RECORDED_LEVELS \
	"SELECT l.role::pg_catalog.oid, l.level, l.may_set_identity," \
	"       EXISTS (SELECT FROM pg_catalog.pg_roles AS r WHERE r.oid OPERATOR(pg_catalog.=) l.role)" \
	"  FROM expert_network.access_levels AS l ORDER BY l.role::pg_catalog.oid"

/* A record of RECORDED_LEVELS, applied; rsinfo gets the role and level */
static void
ApplyLevel(HeapTuple row, TupleDesc desc, void *arg)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) arg;
	Oid			tables_owner = TablesOwner();
	bool		isnull;
	AclChange	change = {0};
	char	   *level = SPI_getvalue(row, desc, 2);
	Datum		values[2];
	bool		nulls[2] = {false, false};

	change.roleid = DatumGetObjectId(SPI_getbinval(row, desc, 1, &isnull));
	change.may_set_identity = DatumGetBool(SPI_getbinval(row, desc, 3, &isnull));
	if (!DatumGetBool(SPI_getbinval(row, desc, 4, &isnull)))
	{
		ereport(WARNING,
				(errmsg("role %u of access_levels no longer exists; its record is removed",
						change.roleid)));
		RecordLevel(&change);
		return;
	}
	if (change.roleid == tables_owner || change.roleid == en_extension(false)->owner ||
		!SetLevel(&change, level))
	{
		ereport(WARNING,
				(errmsg("access level \"%s\" of role \"%s\" is not applied",
						level, GetUserNameFromId(change.roleid, false)),
				 errdetail("The owners of the extension and of its objects hold their privileges by owning; the levels are readonly, app and admin.")));
		return;
	}
	change.role = quote_identifier(GetUserNameFromId(change.roleid, false));
	RevokeEverything(&change, WARNING);
	AsRole(tables_owner, GrantStatements, &change);

	values[0] = ObjectIdGetDatum(change.roleid);
	values[1] = CStringGetTextDatum(level);
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
}

Datum
expert_network_apply_access_levels(PG_FUNCTION_ARGS)
{
	CheckExtensionOwner("apply_access_levels");
	InitMaterializedSRF(fcinfo, 0);
	(void) en_extension_schema();	/* the query's names lead to it */

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute(RECORDED_LEVELS, false, 0) != SPI_OK_SELECT)
		elog(ERROR, "reading access_levels failed");
	GrantEach(ApplyLevel, fcinfo->resultinfo);
	SPI_finish();
	return (Datum) 0;
}
