/*
 * expert_network.c
 *	  Module entry point: registers the settings of every part, then reserves
 *	  the expert_network. prefix so that a misspelt setting is an error.
 *	  Also the install script's check of who owns the schema.
 */
#include "expert_network.h"

#include "access/htup_details.h"
#include "catalog/pg_extension.h"
#include "catalog/pg_namespace.h"
#include "commands/extension.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

void
_PG_init(void)
{
	en_scoping_init();
	en_questions_init();
	MarkGUCPrefixReserved(EN_GUC_PREFIX);
}

PG_FUNCTION_INFO_V1(expert_network_check_schema_owner);

/*
 * The role that owns the extension expert_network, and (if asked) its schema.
 */
Oid
en_extension_owner(Oid *schema)
{
	Oid			extoid = get_extension_oid("expert_network", false);
	HeapTuple	tuple = SearchSysCache1(EXTENSIONOID, ObjectIdGetDatum(extoid));
	Oid			owner;

	if (!HeapTupleIsValid(tuple))
		elog(ERROR, "cache lookup failed for extension %u", extoid);
	owner = ((Form_pg_extension) GETSTRUCT(tuple))->extowner;
	if (schema != NULL)
		*schema = ((Form_pg_extension) GETSTRUCT(tuple))->extnamespace;
	ReleaseSysCache(tuple);
	return owner;
}

/*
 * Called once by the install script, then dropped: refuse to install into a
 * schema that someone other than the installing role (or a superuser) owns.
 * A schema's owner may drop any object in it, so such an owner could later
 * replace the extension's tables with look-alikes of its own.
 */
Datum
expert_network_check_schema_owner(PG_FUNCTION_ARGS)
{
	Oid			nspoid;
	Oid			extowner = en_extension_owner(&nspoid);
	HeapTuple	tuple;
	Oid			nspowner;

	tuple = SearchSysCache1(NAMESPACEOID, ObjectIdGetDatum(nspoid));
	if (!HeapTupleIsValid(tuple))
		elog(ERROR, "cache lookup failed for schema %u", nspoid);
	nspowner = ((Form_pg_namespace) GETSTRUCT(tuple))->nspowner;
	ReleaseSysCache(tuple);

	if (nspowner != extowner && !superuser_arg(nspowner))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("schema \"%s\" is owned by role \"%s\", not by the role installing expert_network",
						get_namespace_name(nspoid), GetUserNameFromId(nspowner, false)),
				 errdetail("The owner of a schema may drop and replace any object in it."),
				 errhint("Drop or rename that schema, or have its owner install the extension.")));
	PG_RETURN_VOID();
}
