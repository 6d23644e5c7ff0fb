/*
 * plans.c
 *	  Small helpers every part uses: SPI plans kept for the life of the
 *	  backend, column look-ups, the schema check, messages.
 *
 *	  SPI plans are kept for the life of the backend, so that a trigger fired by
 *	  every single-row statement does not parse and plan its queries each
 *	  time.
 *
 * A plan over a trigger's transition tables (en_new, en_old) depends on the
 * table's row type, which the plan cache does not track for ephemeral named
 * relations: it is kept with a copy of the tuple descriptor it was made for,
 * and made again when the table's columns change.
 */
#include "expert_network.h"

#include "access/tupdesc.h"
#include "executor/executor.h"
#include "executor/spi.h"
#include "nodes/parsenodes.h"
#include "catalog/namespace.h"
#include "mb/pg_wchar.h"
#include "utils/memutils.h"
#include "utils/builtins.h"
#include "utils/rel.h"
#include "utils/tuplestore.h"

static SPIPlanPtr
KeptPlan(SPIPlanPtr *cache, const char *query, int nargs, Oid *argtypes, int options)
{
	/* the query's expert_network.<object> names must lead to the extension */
	(void) en_extension_schema();
	if (*cache == NULL)
	{
		SPIPlanPtr	plan = SPI_prepare_cursor(query, nargs, argtypes, options);

		if (plan == NULL)
			elog(ERROR, "SPI_prepare failed for \"%s\": %s", query,
				 SPI_result_code_string(SPI_result));
		if (SPI_keepplan(plan) != 0)
			elog(ERROR, "SPI_keepplan failed");
		*cache = plan;
	}
	return *cache;
}

/*
 * The plan of a query, prepared on first use and kept.
 */
SPIPlanPtr
en_kept_plan(SPIPlanPtr *cache, const char *query, int nargs, Oid *argtypes)
{
	return KeptPlan(cache, query, nargs, argtypes, 0);
}

/*
 * The same, always the generic plan: for queries run once per written row,
 * where planning with each row's parameters would cost more than running.
 */
SPIPlanPtr
en_kept_generic_plan(SPIPlanPtr *cache, const char *query, int nargs, Oid *argtypes)
{
	return KeptPlan(cache, query, nargs, argtypes, CURSOR_OPT_GENERIC_PLAN);
}

/*
 * The number of a column of rel, or InvalidAttrNumber when it has none.
 *
 * Row triggers ask for the same few columns of the same tables for every
 * row, and a search by name compares it with each column's.  So the answers
 * are remembered in a small table indexed by the relation and the address of
 * the name (the callers pass string constants), and each remembered answer
 * is checked before use: the column at that number must still bear that
 * name.  A check that fails (a column dropped, the table gone, two look-ups
 * sharing a slot) only costs a search.
 */
#define COLUMN_CACHE_SIZE 128

typedef struct ColumnCacheEntry
{
	Oid			relid;
	const char *name;
	AttrNumber	attnum;
} ColumnCacheEntry;

static ColumnCacheEntry column_cache[COLUMN_CACHE_SIZE];

AttrNumber
en_attnum(Relation rel, const char *column)
{
	TupleDesc	desc = RelationGetDescr(rel);
	Oid			relid = RelationGetRelid(rel);
	ColumnCacheEntry *entry;
	int			attnum;

	entry = &column_cache[(relid * 31 + (uintptr_t) column / sizeof(char *)) % COLUMN_CACHE_SIZE];
	if (entry->relid == relid && entry->name == column &&
		entry->attnum <= desc->natts)
	{
		Form_pg_attribute attr = TupleDescAttr(desc, entry->attnum - 1);

		if (!attr->attisdropped && strcmp(NameStr(attr->attname), column) == 0)
			return entry->attnum;
	}

	attnum = SPI_fnumber(desc, column);
	if (attnum <= 0)
		return InvalidAttrNumber;	/* system columns are not asked for */
	entry->relid = relid;
	entry->name = column;
	entry->attnum = (AttrNumber) attnum;
	return entry->attnum;
}

/*
 * The number of a column of rel, which must have it.
 */
int
en_column_number(Relation rel, const char *column)
{
	AttrNumber	attnum = en_attnum(rel, column);

	if (attnum == InvalidAttrNumber)
		elog(ERROR, "column \"%s\" of relation \"%s\" does not exist",
			 column, RelationGetRelationName(rel));
	return attnum;
}

/*
 * The plan of a query over the transition tables of a trigger on rel, whose
 * trigger data is already registered with SPI.
 */
SPIPlanPtr
en_transition_plan(TransitionPlan *cache, Relation rel, const char *query,
				   int nargs, Oid *argtypes)
{
	TupleDesc	desc = RelationGetDescr(rel);

	(void) en_extension_schema();
	if (cache->plan != NULL && !equalTupleDescs(cache->desc, desc))
	{
		SPI_freeplan(cache->plan);
		FreeTupleDesc(cache->desc);
		cache->plan = NULL;
		cache->desc = NULL;
	}
	if (cache->plan == NULL)
	{
		MemoryContext old;

		(void) en_kept_plan(&cache->plan, query, nargs, argtypes);
		old = MemoryContextSwitchTo(TopMemoryContext);
		cache->desc = CreateTupleDescCopy(desc);
		MemoryContextSwitchTo(old);
	}
	return cache->plan;
}

/*
 * Is a text value (a status, say) this string, byte for byte?
 */
bool
en_text_is(Datum value, const char *name)
{
	text	   *t = DatumGetTextPP(value);
	size_t		len = strlen(name);

	return VARSIZE_ANY_EXHDR(t) == len && memcmp(VARDATA_ANY(t), name, len) == 0;
}

/*
 * Read a trigger's transition table from its first row, through a read
 * pointer of our own (other statement triggers of the same event read the
 * same tuplestore); en_transition_done() when finished.
 */
void
en_transition_rewind(Tuplestorestate *rows)
{
	tuplestore_select_read_pointer(rows, tuplestore_alloc_read_pointer(rows, EXEC_FLAG_REWIND));
	tuplestore_rescan(rows);
}

void
en_transition_done(Tuplestorestate *rows)
{
	tuplestore_select_read_pointer(rows, 0);
}

/*
 * Is rel in the extension's schema?  (By oid: a table of the same name in
 * another schema, or in a schema that took the name, is not.)
 */
bool
en_in_extension_schema(Relation rel)
{
	const EnExtension *ext = en_extension(true);

	return ext != NULL && RelationGetNamespace(rel) == ext->schema;
}

/*
 * A value from the caller, cut for an error message: a megabyte of input
 * should not come back as a megabyte of message.
 */
char *
en_shorten(const char *value)
{
	const int	max = 64;
	size_t		len = strlen(value);

	if (len <= (size_t) max)
		return pstrdup(value);
	return psprintf("%.*s...", pg_mbcliplen(value, len, max), value);
}
