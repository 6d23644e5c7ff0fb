/*
 * expert_network.c
 *	  Module entry point: registers the settings of every part, then reserves
 *	  the expert_network. prefix so that a misspelt setting is an error.
 *	  Also the install script's check of who owns the schema.
 */
#include "expert_network.h"

#include "access/htup_details.h"
#include "catalog/pg_extension.h"
#include "catalog/namespace.h"
#include "catalog/pg_namespace.h"
#include "commands/extension.h"
#include "miscadmin.h"
#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

PG_MODULE_MAGIC;

void		_PG_init(void);
static void ForgetExtension(Datum arg, int cacheid, uint32 hashvalue);

void
_PG_init(void)
{
	en_scoping_init();
	en_questions_init();
	CacheRegisterSyscacheCallback(EXTENSIONOID, ForgetExtension, (Datum) 0);
	CacheRegisterSyscacheCallback(NAMESPACEOID, ForgetExtension, (Datum) 0);
	MarkGUCPrefixReserved(EN_GUC_PREFIX);
}

PG_FUNCTION_INFO_V1(expert_network_check_schema_owner);

/*
 * The extension's catalog entry, remembered until pg_extension or
 * pg_namespace changes (an update, a new owner, DROP and CREATE EXTENSION,
 * a renamed schema).
 */
static EnExtension extension;
static bool extension_valid = false;

static void
ForgetExtension(Datum arg pg_attribute_unused(), int cacheid pg_attribute_unused(),
				uint32 hashvalue pg_attribute_unused())
{
	extension_valid = false;
}

/* "0.7.0" -> 700; 0 for anything else */
static int
VersionNumber(const char *version)
{
	int			major,
				minor,
				patch;

	if (sscanf(version, "%d.%d.%d", &major, &minor, &patch) != 3)
		return 0;
	return major * 10000 + minor * 100 + patch;
}

/*
 * The extension as its catalog entry describes it: oid, schema, owner and
 * installed version.  Everything the module looks up in the database starts
 * here, by oid, never from the schema's name.  NULL if the extension is not
 * installed in this database and missing_ok.
 */
const EnExtension *
en_extension(bool missing_ok)
{
	if (!extension_valid)
	{
		Oid			extoid = get_extension_oid("expert_network", true);
		HeapTuple	tuple;
		Form_pg_extension form;
		bool		isnull;
		Datum		version;

		if (!OidIsValid(extoid))
		{
			if (missing_ok)
				return NULL;
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_OBJECT),
					 errmsg("extension \"expert_network\" is not installed in this database")));
		}
		tuple = SearchSysCache1(EXTENSIONOID, ObjectIdGetDatum(extoid));
		if (!HeapTupleIsValid(tuple))
			elog(ERROR, "cache lookup failed for extension %u", extoid);
		form = (Form_pg_extension) GETSTRUCT(tuple);
		extension.schema = form->extnamespace;
		extension.owner = form->extowner;
		version = SysCacheGetAttr(EXTENSIONOID, tuple, Anum_pg_extension_extversion, &isnull);
		extension.version = isnull ? 0 : VersionNumber(TextDatumGetCString(version));
		ReleaseSysCache(tuple);
		extension_valid = true;
	}
	return &extension;
}

/*
 * The extension's schema, checked to still be the one its queries name.
 * The module's queries are fixed text naming expert_network.<object>; if
 * the schema was renamed, that name could lead to other objects, so every
 * query refuses to run until the schema has its name back.  Only the
 * schema's owner, the extension's superuser, can rename it.
 */
Oid
en_extension_schema(void)
{
	const EnExtension *ext = en_extension(false);

	if (get_namespace_oid("expert_network", true) != ext->schema)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("the schema of extension expert_network is not named expert_network"),
				 errdetail("It is named \"%s\"; the extension's queries name their objects expert_network.<object>.",
						   get_namespace_name(ext->schema)),
				 errhint("Rename it back: ALTER SCHEMA %s RENAME TO expert_network.",
						 quote_identifier(get_namespace_name(ext->schema)))));
	return ext->schema;
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
	Oid			nspoid = en_extension(false)->schema;
	Oid			extowner = en_extension(false)->owner;
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

	/*
	 * A schema made beforehand by the installing role may hold its functions,
	 * operators or tables, which the extension's names would then meet:
	 * refuse any object in it that a non-superuser owns (0.7.0).
	 */
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	{
		Oid			argtypes[1] = {OIDOID};
		Datum		args[1] = {ObjectIdGetDatum(nspoid)};

		if (SPI_execute_with_args("SELECT pg_catalog.pg_get_userbyid(o.owner) FROM ("
								  " SELECT c.relowner FROM pg_catalog.pg_class AS c WHERE c.relnamespace OPERATOR(pg_catalog.=) $1"
								  " UNION ALL SELECT p.proowner FROM pg_catalog.pg_proc AS p WHERE p.pronamespace OPERATOR(pg_catalog.=) $1"
								  " UNION ALL SELECT t.typowner FROM pg_catalog.pg_type AS t WHERE t.typnamespace OPERATOR(pg_catalog.=) $1"
								  " UNION ALL SELECT r.oprowner FROM pg_catalog.pg_operator AS r WHERE r.oprnamespace OPERATOR(pg_catalog.=) $1"
								  ") AS o (owner) JOIN pg_catalog.pg_authid AS a ON a.oid OPERATOR(pg_catalog.=) o.owner"
								  " WHERE NOT a.rolsuper LIMIT 1",
								  1, argtypes, args, NULL, true, 1) != SPI_OK_SELECT)
			elog(ERROR, "reading the objects of schema %u failed", nspoid);
		if (SPI_processed > 0)
			ereport(ERROR,
					(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					 errmsg("schema \"%s\" holds objects of role \"%s\"",
							get_namespace_name(nspoid),
							SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1)),
					 errdetail("The extension's schema may hold only the extension's objects."),
					 errhint("Move or drop them first.")));
	}
	SPI_finish();
	PG_RETURN_VOID();
}
