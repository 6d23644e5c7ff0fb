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
 *	app			also write them (not the status history: the extension writes it)
 *	admin		also write the vendor catalog and erase a user's data
 */
#include "expert_network.h"

#include "catalog/namespace.h"
#include "catalog/pg_extension.h"
#include "commands/extension.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

PG_FUNCTION_INFO_V1(expert_network_grant_access);
PG_FUNCTION_INFO_V1(expert_network_revoke_access);
PG_FUNCTION_INFO_V1(expert_network_delete_user_data);

/*
 * Functions only the extension owner (and those it grants) may run; every
 * other function of the schema is executable at every level.
 */
#define OWNER_ONLY_FUNCTIONS \
	"expert_network.grant_access(pg_catalog.regrole, pg_catalog.text), " \
	"expert_network.revoke_access(pg_catalog.regrole), " \
	"expert_network.delete_user_data(pg_catalog.text)"

/*
 * The tables holding users' rows, children before parents: the order
 * delete_user_data() empties them in, so that each count is the table's own
 * rows rather than what a cascade took along.
 */
static const char *const user_tables[] = {
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
	return OidIsValid(get_relname_relid(table, get_namespace_oid("expert_network", false)));
}

/*
 * Only the extension's owner (or a member of that role, or a superuser)
 * hands out access: it holds the grant options.
 */
static void
CheckExtensionOwner(const char *funcname)
{
	Oid			extowner = en_extension_owner(NULL);

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
	StringInfoData sql;
	int			rc;

	initStringInfo(&sql);
	appendStringInfo(&sql, fmt, role);
	rc = SPI_execute(sql.data, false, 0);
	if (rc != SPI_OK_UTILITY)
		elog(ERROR, "\"%s\" failed: %s", sql.data, SPI_result_code_string(rc));
	pfree(sql.data);
}

/* Take every privilege on the extension's objects away from the role */
static void
RevokeAll(const char *role)
{
	RunAcl("REVOKE ALL ON ALL TABLES IN SCHEMA expert_network FROM %s", role);
	RunAcl("REVOKE ALL ON ALL FUNCTIONS IN SCHEMA expert_network FROM %s", role);
	RunAcl("REVOKE ALL ON SCHEMA expert_network FROM %s", role);
}

static const char *
RoleArgument(FunctionCallInfo fcinfo)
{
	Oid			roleid = PG_GETARG_OID(0);

	if (!OidIsValid(roleid))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("role must not be PUBLIC or 0")));
	return quote_identifier(GetUserNameFromId(roleid, false));
}

/*
 * grant_access(role regrole, level text): give the role exactly the
 * privileges of the level (what it had before is taken away first).
 */
Datum
expert_network_grant_access(PG_FUNCTION_ARGS)
{
	const char *role;
	char	   *level;
	bool		write = false,
				admin = false;

	CheckExtensionOwner("grant_access");
	role = RoleArgument(fcinfo);
	level = text_to_cstring(PG_GETARG_TEXT_PP(1));

	if (strcmp(level, "readonly") == 0)
		write = admin = false;
	else if (strcmp(level, "app") == 0)
		write = true, admin = false;
	else if (strcmp(level, "admin") == 0)
		write = admin = true;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid access level \"%s\"", en_shorten(level)),
				 errhint("Valid levels are readonly, app and admin.")));

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	RevokeAll(role);
	RunAcl("GRANT USAGE ON SCHEMA expert_network TO %s", role);
	RunAcl("GRANT SELECT ON ALL TABLES IN SCHEMA expert_network TO %s", role);
	RunAcl("GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA expert_network TO %s", role);
	RunAcl("REVOKE EXECUTE ON FUNCTION " OWNER_ONLY_FUNCTIONS " FROM %s", role);
	if (write)
	{
		/* never TRUNCATE: it ignores row-level security */
		RunAcl("GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA expert_network TO %s", role);
		if (!admin)
			RunAcl("REVOKE INSERT, UPDATE, DELETE ON expert_network.vendor_platforms FROM %s", role);
		/* the history is the extension's to write; a view is not written */
		if (TableExists("status_history"))
			RunAcl("REVOKE INSERT, UPDATE, DELETE ON expert_network.status_history FROM %s", role);
		if (TableExists("workflow_transitions"))
			RunAcl("REVOKE INSERT, UPDATE, DELETE ON expert_network.workflow_transitions FROM %s", role);
	}
	if (admin)
		RunAcl("GRANT EXECUTE ON FUNCTION expert_network.delete_user_data(pg_catalog.text) TO %s", role);

	SPI_finish();
	PG_RETURN_VOID();
}

/*
 * revoke_access(role regrole): take every privilege on the extension's
 * objects away from the role.
 */
Datum
expert_network_revoke_access(PG_FUNCTION_ARGS)
{
	const char *role;

	CheckExtensionOwner("revoke_access");
	role = RoleArgument(fcinfo);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	RevokeAll(role);
	SPI_finish();
	PG_RETURN_VOID();
}

/*
 * delete_user_data(user_id text): delete every row of the user, in every
 * table, and return how many each table lost.  SECURITY DEFINER, so that
 * row-level security does not hide the rows; EXECUTE is for admin roles.
 */
Datum
expert_network_delete_user_data(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Datum		user_id = PG_GETARG_DATUM(0);
	char	   *id = TextDatumGetCString(user_id);
	Oid			argtypes[1] = {TEXTOID};

	if (id[0] == '\0')
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("user_id must not be empty")));

	InitMaterializedSRF(fcinfo, 0);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	for (size_t i = 0; i < lengthof(user_tables); i++)
	{
		char		sql[256];
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

	SPI_finish();
	return (Datum) 0;
}
