/*
 * plans.c
 *	  Small helpers every part uses: SPI plans kept for the life of the
 *	  backend (so that a trigger fired by every single-row statement does not
 *	  parse and plan its queries each time), column look-ups, the schema
 *	  check, messages, the rows a trigger fired for (row pairs) and arrays
 *	  built from them.
 *
 * A plan over a trigger's transition tables (en_new, en_old) depends on the
 * table's columns, which the plan cache does not track for ephemeral named
 * relations: it is kept with the relation and a copy of the columns it was
 * made for, and made again when those change (ALTER TABLE ... ADD, DROP,
 * RENAME or TYPE of a column).
 */
#include "expert_network.h"

#include "access/tupdesc.h"
#include "executor/executor.h"
#include "nodes/parsenodes.h"
#include "catalog/pg_type.h"
#include "mb/pg_wchar.h"
#include "utils/memutils.h"
#include "utils/plancache.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/inval.h"
#include "utils/syscache.h"
#include "utils/rel.h"

/*
 * Make the generic plan of a kept query now, with sequential scans off, and
 * bitmap scans too unless the query needs them.
 * The module keeps generic plans for queries that look rows up by key, for
 * a single row (a booking, its lifecycle, its screen); made when a table is
 * empty or small, as in a new database, the planner would scan it whole,
 * and the plan, kept for the session, would read all of it at every call
 * as it grows (one booking cost a scan of every interview written since).
 * A bitmap scan is as bad here: the planner ANDs a key's index with the
 * user's (the row-level security condition), and reads all the user's
 * entries, dead ones included, at every call (bench/calendar.sh part 3
 * had sessions at half speed, the booking gate's two queries taking 0.26
 * ms instead of 0.02).
 * Only the planning runs under the setting: the plan's execution, and the
 * triggers it fires, run under the session's.  A plan that an invalidation
 * has voided since (an ANALYZE of one of its tables, DDL) is made again the
 * same way before its next use (KeepByKeys), with the statistics of the
 * moment: left to the plan cache, it would be made with the session's
 * settings.
 */
static void
PlanByKeys(SPIPlanPtr plan, bool bitmaps)
{
	int			nestlevel = NewGUCNestLevel();
	CachedPlan *cplan;

	(void) set_config_option("enable_seqscan", "off", PGC_USERSET, PGC_S_SESSION,
							 GUC_ACTION_SAVE, true, 0, false);
	if (!bitmaps)
		(void) set_config_option("enable_bitmapscan", "off", PGC_USERSET, PGC_S_SESSION,
								 GUC_ACTION_SAVE, true, 0, false);
	cplan = SPI_plan_get_cached_plan(plan);
	AtEOXact_GUC(true, nestlevel);
	if (cplan == NULL)
		elog(ERROR, "a kept plan could not be made");
	ReleaseCachedPlan(cplan, CurrentResourceOwner);
}

/*
 * Before a kept generic plan runs: made again by PlanByKeys if it has been
 * voided since (the invalidations other sessions have committed are taken
 * in first, as locking a table would)
 */
static void
KeepByKeys(SPIPlanPtr plan, bool bitmaps)
{
	AcceptInvalidationMessages();
	if (!SPI_plan_is_valid(plan))
	{
		elog(DEBUG2, "expert_network: making a kept plan again by its keys");
		PlanByKeys(plan, bitmaps);
	}
}

static SPIPlanPtr
KeptPlan(SPIPlanPtr *cache, const char *query, int nargs, Oid *argtypes, int options,
		 bool bitmaps)
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
		if (options & CURSOR_OPT_GENERIC_PLAN)
			PlanByKeys(plan, bitmaps);
		*cache = plan;
	}
	else if (options & CURSOR_OPT_GENERIC_PLAN)
		KeepByKeys(*cache, bitmaps);
	return *cache;
}

/*
 * The plan of a query, prepared on first use and kept.
 */
SPIPlanPtr
en_kept_plan(SPIPlanPtr *cache, const char *query, int nargs, Oid *argtypes)
{
	return KeptPlan(cache, query, nargs, argtypes, 0, true);
}

/*
 * The same, planned again at every execution with the arguments and the
 * tables' sizes of the moment (a custom plan): for a query run once per
 * statement over the statement's rows, where a plan made for a few rows or
 * a small table, kept, could cost a whole scan per row later.
 */
SPIPlanPtr
en_kept_custom_plan(SPIPlanPtr *cache, const char *query, int nargs, Oid *argtypes)
{
	return KeptPlan(cache, query, nargs, argtypes, CURSOR_OPT_CUSTOM_PLAN, true);
}

/*
 * SPI_execute_plan with JIT compilation off, for the gates' queries over a
 * statement's rows.  They read arrays, transition tables and CTEs that have
 * no statistics, so their estimated cost can pass jit_above_cost while they
 * run in milliseconds; compiling them then costs more than running them
 * (1.5 s to screen 10,000 interviews whose screen took 0.3 s).  The setting
 * comes back at the end, or with the (sub)transaction's abort on an error.
 */
int
en_execute_plan(SPIPlanPtr plan, Datum *values, const char *nulls, bool read_only, long count)
{
	int			nestlevel = NewGUCNestLevel();
	int			rc;

	(void) set_config_option("jit", "off", PGC_USERSET, PGC_S_SESSION,
							 GUC_ACTION_SAVE, true, 0, false);
	rc = SPI_execute_plan(plan, values, nulls, read_only, count);
	AtEOXact_GUC(true, nestlevel);
	return rc;
}

/*
 * The same, planned once without the arguments' values (a generic plan):
 * for a query run for a few rows at a time, which would otherwise pay its
 * planning at every execution.
 */
SPIPlanPtr
en_kept_generic_plan(SPIPlanPtr *cache, const char *query, int nargs, Oid *argtypes)
{
	return KeptPlan(cache, query, nargs, argtypes, CURSOR_OPT_GENERIC_PLAN, true);
}

/*
 * The same, for a query whose every look-up has a B-tree index of its own
 * key: planned with bitmap scans off too (see PlanByKeys).  Not for a query
 * that needs a GIN index, which only a bitmap scan reads (the compliance
 * screen's company keys).
 */
SPIPlanPtr
en_kept_keyed_plan(SPIPlanPtr *cache, const char *query, int nargs, Oid *argtypes)
{
	return KeptPlan(cache, query, nargs, argtypes, CURSOR_OPT_GENERIC_PLAN, false);
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
	Oid			typid;			/* the type it had, as the module needs it */
} ColumnCacheEntry;

static ColumnCacheEntry column_cache[COLUMN_CACHE_SIZE];

/*
 * The type of every column the module reads or writes by number, whatever
 * the table: the C code takes their values as these types.  An
 * administrator may change a column's type (ALTER TABLE ... TYPE, a column
 * dropped and added again); the module then refuses to read it rather than
 * take an enum for a text or a numeric for an integer (0.8.0).
 */
typedef struct ColumnType
{
	const char *name;
	Oid			typid;
} ColumnType;

static const ColumnType column_types[] = {
	{"id", UUIDOID},
	{"user_id", TEXTOID},
	/* status: StatusType below */
	{"campaign_id", UUIDOID},
	{"expert_id", UUIDOID},
	{"vendor_platform_id", UUIDOID},
	{"parent_question_id", UUIDOID},
	{"screening_question_id", UUIDOID},
	{"interview_id", UUIDOID},
	{"team_member_id", UUIDOID},
	{"chat_session_id", UUIDOID},
	{"project_id", UUIDOID},
	{"scheduled_calls", INT4OID},
	{"completed_calls", INT4OID},
	{"is_new", BOOLOID},
	{"reviewed_at", TIMESTAMPTZOID},
	{"completed_at", TIMESTAMPTZOID},
	{"cancelled_at", TIMESTAMPTZOID},
	{"enrolled_at", TIMESTAMPTZOID},
	{"scheduled_date", DATEOID},
	{"company", TEXTOID},
	{"approved_by", TEXTOID},
	{"approved_at", TIMESTAMPTZOID},
	/* (set_updated_at checks its own column, on any table it stamps) */
};

/*
 * The enum type of each workflow table's status, in the table's schema
 * (0.15.0: statuses that schema readers and ORMs see as closed sets).  Up to
 * 0.14.0 the statuses were text with a CHECK constraint; a database not yet
 * updated has no such type and keeps text.
 */
typedef struct StatusType
{
	const char *table;
	const char *type;
} StatusType;

static const StatusType status_types[] = {
	{"campaigns", "campaign_status"},
	{"campaign_vendor_enrollments", "enrollment_status"},
	{"experts", "expert_status"},
	{"interviews", "interview_status"},
	{"research_activities", "research_activity_status"},
	{"research_sources", "research_source_status"},
};

static Oid
ExpectedType(Relation rel, const char *column)
{
	if (strcmp(column, "status") == 0)
	{
		for (size_t i = 0; i < lengthof(status_types); i++)
			if (strcmp(status_types[i].table, RelationGetRelationName(rel)) == 0)
			{
				Oid			typid = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
													CStringGetDatum(status_types[i].type),
													ObjectIdGetDatum(RelationGetNamespace(rel)));

				return OidIsValid(typid) ? typid : TEXTOID;
			}
		return TEXTOID;
	}
	for (size_t i = 0; i < lengthof(column_types); i++)
		if (strcmp(column_types[i].name, column) == 0)
			return column_types[i].typid;
	return InvalidOid;			/* any type */
}

/*
 * The value of a text column, or of a status column (an enum since 0.15.0),
 * as text: the C code compares statuses as strings.
 */
Datum
en_slot_text(TupleTableSlot *slot, AttrNumber attnum, bool *isnull)
{
	Datum		value = slot_getattr(slot, attnum, isnull);

	if (*isnull || TupleDescAttr(slot->tts_tupleDescriptor, attnum - 1)->atttypid == TEXTOID)
		return value;
	return CStringGetTextDatum(DatumGetCString(DirectFunctionCall1(enum_out, value)));
}

/*
 * A column of relname of another type than expected; rel, when the column is
 * the table's own (not a query's), for the hint and the error's fields.
 */
void
en_report_column_type(Relation rel, const char *relname, Form_pg_attribute attr, Oid expected)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATATYPE_MISMATCH),
			 errmsg("column \"%s\" of relation \"%s\" is of type %s, not %s",
					NameStr(attr->attname), relname,
					format_type_be(attr->atttypid), format_type_be(expected)),
			 errdetail("expert_network reads and writes that column as the type it created it with."),
			 rel ? errhint("Change the column back: ALTER TABLE %s ALTER COLUMN %s TYPE %s.",
						   relname, NameStr(attr->attname), format_type_be(expected)) : 0,
			 rel ? errtablecol(rel, attr->attnum) : 0));
}

AttrNumber
en_attnum(Relation rel, const char *column)
{
	TupleDesc	desc = RelationGetDescr(rel);
	Oid			relid = RelationGetRelid(rel);
	ColumnCacheEntry *entry;
	int			attnum;

	Form_pg_attribute attr;
	Oid			expected;

	entry = &column_cache[(relid * 31 + (uintptr_t) column / sizeof(char *)) % COLUMN_CACHE_SIZE];
	if (entry->relid == relid && entry->name == column &&
		entry->attnum <= desc->natts)
	{
		attr = TupleDescAttr(desc, entry->attnum - 1);
		if (!attr->attisdropped && attr->atttypid == entry->typid &&
			strcmp(NameStr(attr->attname), column) == 0)
			return entry->attnum;
	}

	attnum = SPI_fnumber(desc, column);
	if (attnum <= 0)
		return InvalidAttrNumber;	/* system columns are not asked for */
	attr = TupleDescAttr(desc, attnum - 1);
	expected = ExpectedType(rel, column);
	if (OidIsValid(expected) && attr->atttypid != expected)
		en_report_column_type(rel, RelationGetRelationName(rel), attr, expected);
	entry->relid = relid;
	entry->name = column;
	entry->attnum = (AttrNumber) attnum;
	entry->typid = attr->atttypid;
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
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" of relation \"%s\" does not exist",
						column, RelationGetRelationName(rel)),
				 errdetail("expert_network needs the columns it created.")));
	return attnum;
}

/*
 * Are the columns of a relation still those a plan was made for?  Compared:
 * what a query's column references resolve to when it is parsed (each
 * column's name, type, typmod and collation, and which are dropped), not
 * what CreateTupleDescCopy leaves out (NOT NULL, defaults, constraints),
 * which equalTupleDescs would compare.
 */
static bool
SameColumns(TupleDesc kept, TupleDesc desc)
{
	if (kept->natts != desc->natts)
		return false;
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute a = TupleDescAttr(kept, i);
		Form_pg_attribute b = TupleDescAttr(desc, i);

		if (a->attisdropped != b->attisdropped || a->atttypid != b->atttypid ||
			a->atttypmod != b->atttypmod || a->attcollation != b->attcollation ||
			strcmp(NameStr(a->attname), NameStr(b->attname)) != 0)
			return false;
	}
	return true;
}

/*
 * The plan of a query over the transition tables of a trigger on rel, whose
 * trigger data is already registered with SPI: kept, and prepared again when
 * the relation is another or its columns changed.  Its parameters, if any,
 * are arrays of keys looked up by primary key (the lifecycle's experts): a
 * generic plan, which serves any size of array, and is made once, not at
 * each firing as the plan cache's choice would (a custom plan for one key
 * is always cheaper than the generic one for an array of unknown size, so
 * it was chosen every time: a tenth of schedule_interview() was planning).
 */
SPIPlanPtr
en_transition_plan(TransitionPlan *cache, Relation rel, const char *query,
				   int nargs, Oid *argtypes)
{
	TupleDesc	desc = RelationGetDescr(rel);

	(void) en_extension_schema();
	if (cache->plan != NULL &&
		(cache->relid != RelationGetRelid(rel) || !SameColumns(cache->desc, desc)))
	{
		SPI_freeplan(cache->plan);
		FreeTupleDesc(cache->desc);
		cache->plan = NULL;
		cache->desc = NULL;
	}
	if (cache->plan == NULL)
	{
		MemoryContext old;

		elog(DEBUG1, "expert_network: preparing a plan over the transition tables of \"%s\"",
			 RelationGetRelationName(rel));
		(void) en_kept_keyed_plan(&cache->plan, query, nargs, argtypes);
		old = MemoryContextSwitchTo(TopMemoryContext);
		cache->desc = CreateTupleDescCopy(desc);
		MemoryContextSwitchTo(old);
		cache->relid = RelationGetRelid(rel);
	}
	else
		KeepByKeys(cache->plan, false);
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
 * Are two text values the same, byte for byte?
 */
bool
en_texts_equal(Datum a, Datum b)
{
	text	   *ta = DatumGetTextPP(a);
	text	   *tb = DatumGetTextPP(b);

	return VARSIZE_ANY_EXHDR(ta) == VARSIZE_ANY_EXHDR(tb) &&
		memcmp(VARDATA_ANY(ta), VARDATA_ANY(tb), VARSIZE_ANY_EXHDR(ta)) == 0;
}

/*
 * The rows a trigger fired for, each with its old version beside it: the
 * statement's rows from its transition tables (en_new, and en_old for an
 * UPDATE or a DELETE), or a row trigger's one row.  new is NULL for a
 * DELETE, old for an INSERT.
 *
 * PostgreSQL adds each updated row's old and new versions to en_old and
 * en_new together, so the two tables are read side by side, without a join.
 * With check_ids, each pair is checked to be one row (same id): a pair that
 * is not is an internal error, never a wrong result.  The tables are read
 * through read pointers of our own, since other statement triggers of the
 * same event read the same tuplestores.
 *
 * en_row_pairs_begin() starts, en_row_pairs_next() reads the next pair,
 * en_row_pairs_end() finishes.
 */
static TupleTableSlot *
BeginVersions(RowPairs *pairs, Tuplestorestate *rows, HeapTuple tuple, Tuplestorestate **ts)
{
	TupleTableSlot *slot;

	slot = MakeSingleTupleTableSlot(RelationGetDescr(pairs->rel),
									pairs->per_row ? &TTSOpsHeapTuple : &TTSOpsMinimalTuple);
	if (pairs->per_row)
		ExecStoreHeapTuple(tuple, slot, false);
	else
	{
		tuplestore_select_read_pointer(rows, tuplestore_alloc_read_pointer(rows, EXEC_FLAG_REWIND));
		tuplestore_rescan(rows);
		*ts = rows;
	}
	return slot;
}

void
en_row_pairs_begin(RowPairs *pairs, TriggerData *trigdata, bool check_ids)
{
	TriggerEvent event = trigdata->tg_event;

	memset(pairs, 0, sizeof(*pairs));
	pairs->rel = trigdata->tg_relation;
	pairs->per_row = TRIGGER_FIRED_FOR_ROW(event);
	if (check_ids)
		pairs->id_att = en_column_number(pairs->rel, "id");
	if (!TRIGGER_FIRED_BY_DELETE(event))
		pairs->new = BeginVersions(pairs, trigdata->tg_newtable, TRIGGER_FIRED_BY_UPDATE(event) ?
								   trigdata->tg_newtuple : trigdata->tg_trigtuple, &pairs->newts);
	if (!TRIGGER_FIRED_BY_INSERT(event))
		pairs->old = BeginVersions(pairs, trigdata->tg_oldtable, trigdata->tg_trigtuple, &pairs->oldts);
}

/* The next row (and its old version); false after the last */
bool
en_row_pairs_next(RowPairs *pairs)
{
	bool		has_new,
				has_old,
				oldid_null,
				newid_null;
	Datum		oldid,
				newid;

	if (pairs->per_row)
		return pairs->read++ == 0;
	has_new = pairs->newts && tuplestore_gettupleslot(pairs->newts, true, false, pairs->new);
	has_old = pairs->oldts && tuplestore_gettupleslot(pairs->oldts, true, false, pairs->old);
	if (pairs->newts && pairs->oldts && has_new != has_old)
		elog(ERROR, "transition tables en_old and en_new of \"%s\" do not have as many rows",
			 RelationGetRelationName(pairs->rel));
	if (!has_new && !has_old)
		return false;
	pairs->read++;
	if (!has_new || !has_old || pairs->id_att == 0)
		return true;
	oldid = slot_getattr(pairs->old, pairs->id_att, &oldid_null);
	newid = slot_getattr(pairs->new, pairs->id_att, &newid_null);
	if (oldid_null || newid_null ||
		memcmp(DatumGetUUIDP(oldid), DatumGetUUIDP(newid), UUID_LEN) != 0)
		elog(ERROR, "transition tables en_old and en_new of \"%s\" are not in step",
			 RelationGetRelationName(pairs->rel));
	return true;
}

void
en_row_pairs_end(RowPairs *pairs)
{
	if (pairs->newts)
		tuplestore_select_read_pointer(pairs->newts, 0);
	if (pairs->oldts)
		tuplestore_select_read_pointer(pairs->oldts, 0);
	if (pairs->new)
		ExecDropSingleTupleTableSlot(pairs->new);
	if (pairs->old)
		ExecDropSingleTupleTableSlot(pairs->old);
}

/*
 * A uuid column of the row a row trigger writes: its value (*isnull when
 * NULL), and whether the statement sets it anew: an INSERT, or an UPDATE
 * that changes it (NULL to a value or back included).
 */
bool
en_uuid_column(TriggerData *trigdata, int attnum, Datum *value, bool *isnull)
{
	TupleDesc	desc = RelationGetDescr(trigdata->tg_relation);
	bool		oldnull;
	Datum		old;

	if (!TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event))
	{
		*value = heap_getattr(trigdata->tg_trigtuple, attnum, desc, isnull);
		return true;
	}
	*value = heap_getattr(trigdata->tg_newtuple, attnum, desc, isnull);
	old = heap_getattr(trigdata->tg_trigtuple, attnum, desc, &oldnull);
	if (oldnull || *isnull)
		return oldnull != *isnull;
	return memcmp(DatumGetUUIDP(old), DatumGetUUIDP(*value), UUID_LEN) != 0;
}

/*
 * Add a value to an array being built (accumArrayResult), in the current
 * memory context rather than one of its own: a context per array would cost
 * more than the small arrays a trigger builds, and makeArrayResult would
 * free it with the values (the lifecycle makes one set an array twice).
 */
void
en_accum(ArrayBuildState **state, Datum value, bool isnull, Oid type)
{
	if (*state == NULL)
		*state = initArrayResult(type, CurrentMemoryContext, false);
	(void) accumArrayResult(*state, value, isnull, type, CurrentMemoryContext);
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

/* qsort's comparison of uuids (or of structs that begin with one): uuid order */
int
en_uuid_cmp(const void *a, const void *b)
{
	return memcmp(((const pg_uuid_t *) a)->data, ((const pg_uuid_t *) b)->data, UUID_LEN);
}

/* A uuid, as text for a message */
char *
en_uuid_text(Datum id)
{
	return DatumGetCString(DirectFunctionCall1(uuid_out, id));
}

/*
 * Refuse a trigger function fired otherwise than it was written for, as
 * only a hand-made CREATE TRIGGER can fire it: "function <function> must be
 * fired <how>".
 */
void
en_report_misfire(const char *function, const char *how)
{
	ereport(ERROR,
			(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
			 errmsg("function %s must be fired %s", function, how)));
}
