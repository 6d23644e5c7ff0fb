/*
 * counters.c
 *	  Derived columns kept exact by the database: the campaigns' call counters
 *	  and the chat sessions' recency.
 *
 *	  scheduled_calls = the campaign's interviews in pending, scheduled or
 *						confirmed
 *	  completed_calls = those in completed
 *
 * Statement-level AFTER triggers on interviews read the statement's
 * transition tables once, net the changes per campaign, and apply one UPDATE
 * per touched campaign, in campaign id order: two transactions touching the
 * same campaigns lock them in the same order and cannot deadlock on them.
 * The UPDATEs run as the campaigns' owner with row-level security not forced,
 * as foreign-key actions do, so that a cascade or a TRUNCATE by any role
 * leaves every campaign right.
 *
 * The counters are protected: only this module changes them.  A campaign is
 * inserted with zero calls (a restored dump loads campaigns before their
 * interviews, which then count themselves).  While the module writes derived
 * columns, set_updated_at leaves updated_at alone: a new interview is not an
 * edit of its campaign.
 */
#include "expert_network.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/rel.h"
#include "utils/uuid.h"

PG_FUNCTION_INFO_V1(expert_network_count_calls);
PG_FUNCTION_INFO_V1(expert_network_protect_call_counters);
PG_FUNCTION_INFO_V1(expert_network_touch_chat_sessions);
PG_FUNCTION_INFO_V1(expert_network_verify_counters);
PG_FUNCTION_INFO_V1(expert_network_repair_counters);

/* > 0 while this module writes derived columns */
static int	derived_writes = 0;

bool
en_writing_derived(void)
{
	return derived_writes > 0;
}

#define LIVE_STATUSES \
	"ARRAY['pending', 'scheduled', 'confirmed']::pg_catalog.text[]"
#define SCHEDULED(rel) \
	"CASE WHEN " rel ".status OPERATOR(pg_catalog.=) ANY (" LIVE_STATUSES ") THEN 1 ELSE 0 END"
#define COMPLETED(rel) \
	"CASE WHEN " rel ".status OPERATOR(pg_catalog.=) 'completed' THEN 1 ELSE 0 END"

/*
 * Net change per campaign of a statement, from its transition tables
 * (en_new, en_old), campaigns in id order.
 */
#define DELTA_QUERY(rows) \
	"SELECT campaign_id, pg_catalog.sum(s)::pg_catalog.int4, pg_catalog.sum(c)::pg_catalog.int4" \
	"  FROM (" rows ") AS d" \
	" GROUP BY campaign_id" \
	" HAVING pg_catalog.sum(s) OPERATOR(pg_catalog.<>) 0" \
	"     OR pg_catalog.sum(c) OPERATOR(pg_catalog.<>) 0" \
	" ORDER BY campaign_id"
#define NEW_ROWS \
	"SELECT n.campaign_id, " SCHEDULED("n") " AS s, " COMPLETED("n") " AS c FROM en_new AS n"
#define OLD_ROWS \
	"SELECT o.campaign_id, -" SCHEDULED("o") " AS s, -" COMPLETED("o") " AS c FROM en_old AS o"

static const char *const delta_insert = DELTA_QUERY(NEW_ROWS);
static const char *const delta_update = DELTA_QUERY(NEW_ROWS " UNION ALL " OLD_ROWS);
static const char *const delta_delete = DELTA_QUERY(OLD_ROWS);

static const char *const apply_delta =
"UPDATE expert_network.campaigns"
"   SET scheduled_calls = scheduled_calls OPERATOR(pg_catalog.+) $2,"
"       completed_calls = completed_calls OPERATOR(pg_catalog.+) $3"
" WHERE id OPERATOR(pg_catalog.=) $1";

static const char *const reset_all =
"UPDATE expert_network.campaigns SET scheduled_calls = 0, completed_calls = 0"
" WHERE scheduled_calls OPERATOR(pg_catalog.<>) 0 OR completed_calls OPERATOR(pg_catalog.<>) 0";

/* the actual counts of every visible campaign */
#define ACTUAL_COUNTS \
	"SELECT c.id, c.scheduled_calls, c.completed_calls," \
	"       pg_catalog.count(*) FILTER (WHERE i.status OPERATOR(pg_catalog.=) ANY (" LIVE_STATUSES "))::pg_catalog.int4 AS scheduled," \
	"       pg_catalog.count(*) FILTER (WHERE i.status OPERATOR(pg_catalog.=) 'completed')::pg_catalog.int4 AS completed" \
	"  FROM expert_network.campaigns AS c" \
	"  LEFT JOIN expert_network.interviews AS i ON i.campaign_id OPERATOR(pg_catalog.=) c.id" \
	" GROUP BY c.id"

static const char *const verify_query =
"SELECT id, 'scheduled_calls'::pg_catalog.text, scheduled_calls, scheduled"
"  FROM (" ACTUAL_COUNTS ") AS a WHERE scheduled_calls OPERATOR(pg_catalog.<>) scheduled"
" UNION ALL "
"SELECT id, 'completed_calls'::pg_catalog.text, completed_calls, completed"
"  FROM (" ACTUAL_COUNTS ") AS a WHERE completed_calls OPERATOR(pg_catalog.<>) completed"
" ORDER BY 1, 2";

/*
 * Lock the visible campaigns (in id order) before counting: a writer that
 * already changed a counter finishes first, and the count that follows, a
 * new statement, sees its interviews.
 */
static const char *const repair_lock =
"SELECT FROM expert_network.campaigns ORDER BY id FOR NO KEY UPDATE";

static const char *const repair_query =
"UPDATE expert_network.campaigns AS c"
"   SET scheduled_calls = a.scheduled, completed_calls = a.completed"
"  FROM (" ACTUAL_COUNTS ") AS a"
" WHERE c.id OPERATOR(pg_catalog.=) a.id"
"   AND (a.scheduled_calls OPERATOR(pg_catalog.<>) a.scheduled"
"        OR a.completed_calls OPERATOR(pg_catalog.<>) a.completed)"
" RETURNING (a.scheduled_calls OPERATOR(pg_catalog.<>) a.scheduled)::pg_catalog.int4"
"         OPERATOR(pg_catalog.+) (a.completed_calls OPERATOR(pg_catalog.<>) a.completed)::pg_catalog.int4";

/* chat sessions touched by new messages, latest message first in id order */
static const char *const chat_delta =
"SELECT chat_session_id, pg_catalog.max(created_at) FROM en_new"
" GROUP BY chat_session_id ORDER BY chat_session_id";

static const char *const chat_touch =
"UPDATE expert_network.chat_sessions SET updated_at = $2"
" WHERE id OPERATOR(pg_catalog.=) $1 AND updated_at OPERATOR(pg_catalog.<) $2";

static SPIPlanPtr apply_delta_plan;
static SPIPlanPtr reset_all_plan;
static SPIPlanPtr chat_touch_plan;
static TransitionPlan delta_plans[3];	/* insert, update, delete */
static TransitionPlan chat_delta_plan;


/*
 * The module's own write of derived columns of expert_network.<table>, as
 * the table's owner: each row the read query returns from the statement's
 * transition tables (in key order) is the arguments of one execution of the
 * write query; with no read query, the write query runs once.
 */
static void
WriteDerived(TriggerData *trigdata, const char *table,
			 TransitionPlan *read_plan, const char *read_query,
			 SPIPlanPtr *write_plan, const char *write_query, int nargs, Oid *argtypes)
{
	Oid			save_userid;
	int			save_sec_context;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	en_become_table_owner(table, &save_userid, &save_sec_context);
	derived_writes++;
	PG_TRY();
	{
		SPIPlanPtr	plan = en_kept_plan(write_plan, write_query, nargs, argtypes);

		if (read_plan == NULL || read_query == NULL)
		{
			if (SPI_execute_plan(plan, NULL, NULL, false, 0) != SPI_OK_UPDATE)
				elog(ERROR, "\"%s\" failed", write_query);
		}
		else
		{
			SPITupleTable *rows;
			uint64		nrows;

			if (SPI_register_trigger_data(trigdata) != SPI_OK_TD_REGISTER)
				elog(ERROR, "SPI_register_trigger_data failed");
			if (SPI_execute_plan(en_transition_plan(read_plan, trigdata->tg_relation, read_query, 0, NULL),
								 NULL, NULL, true, 0) != SPI_OK_SELECT)
				elog(ERROR, "\"%s\" failed", read_query);
			rows = SPI_tuptable;
			nrows = SPI_processed;

			for (uint64 i = 0; i < nrows; i++)
			{
				Datum		values[3];
				bool		isnull;

				Assert(nargs <= 3);
				for (int col = 0; col < nargs; col++)
					values[col] = SPI_getbinval(rows->vals[i], rows->tupdesc, col + 1, &isnull);
				if (SPI_execute_plan(plan, values, NULL, false, 0) != SPI_OK_UPDATE)
					elog(ERROR, "\"%s\" failed", write_query);
			}
		}
	}
	PG_FINALLY();
	{
		derived_writes--;
	}
	PG_END_TRY();
	SetUserIdAndSecContext(save_userid, save_sec_context);

	SPI_finish();
}

/*
 * Trigger: AFTER INSERT, UPDATE or DELETE FOR EACH STATEMENT on interviews,
 * with transition tables en_new / en_old; or AFTER TRUNCATE.
 */
Datum
expert_network_count_calls(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	TriggerEvent event;
	const char *delta;
	TransitionPlan *cache;

	if (!CALLED_AS_TRIGGER(fcinfo) ||
		!TRIGGER_FIRED_AFTER(trigdata->tg_event) ||
		TRIGGER_FIRED_FOR_ROW(trigdata->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function count_calls must be fired AFTER, FOR EACH STATEMENT")));
	event = trigdata->tg_event;

	if (TRIGGER_FIRED_BY_INSERT(event))
		delta = delta_insert, cache = &delta_plans[0];
	else if (TRIGGER_FIRED_BY_UPDATE(event))
		delta = delta_update, cache = &delta_plans[1];
	else if (TRIGGER_FIRED_BY_DELETE(event))
		delta = delta_delete, cache = &delta_plans[2];
	else
		delta = NULL, cache = NULL;	/* TRUNCATE */

	if ((delta == delta_insert || delta == delta_update) && trigdata->tg_newtable == NULL)
		delta = NULL, event = 0;
	if ((delta == delta_delete || delta == delta_update) && trigdata->tg_oldtable == NULL)
		delta = NULL, event = 0;
	if (delta == NULL && !TRIGGER_FIRED_BY_TRUNCATE(event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function count_calls needs the transition tables en_new and en_old")));

	/* a statement that touched no interview counts nothing */
	if (delta != NULL &&
		(trigdata->tg_newtable == NULL || tuplestore_tuple_count(trigdata->tg_newtable) == 0) &&
		(trigdata->tg_oldtable == NULL || tuplestore_tuple_count(trigdata->tg_oldtable) == 0))
		return PointerGetDatum(NULL);

	if (delta == NULL)
		WriteDerived(trigdata, "campaigns", NULL, NULL, &reset_all_plan, reset_all, 0, NULL);
	else
	{
		Oid			argtypes[3] = {UUIDOID, INT4OID, INT4OID};

		WriteDerived(trigdata, "campaigns", cache, delta, &apply_delta_plan, apply_delta, 3, argtypes);
	}
	return PointerGetDatum(NULL);
}

/*
 * Trigger: BEFORE INSERT OR UPDATE FOR EACH ROW on campaigns.  A new
 * campaign has no interviews yet, so no calls: zero, when restoring a dump
 * (its interviews come next and count themselves), else an error if the row
 * says otherwise.  An UPDATE may not change the counters, except this
 * module's own.
 */
Datum
expert_network_protect_call_counters(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	Relation	rel;
	TupleDesc	tupdesc;
	HeapTuple	newtuple;
	int			attnums[2];
	bool		isnull;

	if (!CALLED_AS_TRIGGER(fcinfo) ||
		!TRIGGER_FIRED_BEFORE(trigdata->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) ||
		TRIGGER_FIRED_BY_DELETE(trigdata->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function protect_call_counters must be fired BEFORE INSERT OR UPDATE FOR EACH ROW")));

	rel = trigdata->tg_relation;
	tupdesc = RelationGetDescr(rel);
	attnums[0] = en_attnum(rel, "scheduled_calls");
	attnums[1] = en_attnum(rel, "completed_calls");
	if (attnums[0] == InvalidAttrNumber || attnums[1] == InvalidAttrNumber)
		elog(ERROR, "relation \"%s\" has no call counters", RelationGetRelationName(rel));

	if (TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event))
	{
		newtuple = trigdata->tg_newtuple;
		if (en_writing_derived())
			return PointerGetDatum(newtuple);
		for (int i = 0; i < 2; i++)
		{
			int32		oldval = DatumGetInt32(SPI_getbinval(trigdata->tg_trigtuple, tupdesc, attnums[i], &isnull));
			int32		newval = DatumGetInt32(SPI_getbinval(newtuple, tupdesc, attnums[i], &isnull));

			if (isnull || newval != oldval)
				ereport(ERROR,
						(errcode(ERRCODE_CHECK_VIOLATION),
						 errmsg("column \"%s\" of relation \"campaigns\" is maintained by expert_network",
								SPI_fname(tupdesc, attnums[i])),
						 errdetail("It counts the campaign's interviews; it changes when they do."),
						 errhint("To fix a drifted counter, run expert_network.repair_counters().")));
		}
		return PointerGetDatum(newtuple);
	}

	newtuple = trigdata->tg_trigtuple;
	for (int i = 0; i < 2; i++)
	{
		Datum		d = SPI_getbinval(newtuple, tupdesc, attnums[i], &isnull);

		if (!isnull && DatumGetInt32(d) != 0 &&
			!en_restoring())
			ereport(ERROR,
					(errcode(ERRCODE_CHECK_VIOLATION),
					 errmsg("column \"%s\" of relation \"campaigns\" is maintained by expert_network",
							SPI_fname(tupdesc, attnums[i])),
					 errdetail("A new campaign has no interviews, so no calls."),
					 errhint("Leave the column out.")));
	}
	{
		Datum		zeros[2] = {Int32GetDatum(0), Int32GetDatum(0)};
		bool		nulls[2] = {false, false};

		return PointerGetDatum(heap_modify_tuple_by_cols(newtuple, tupdesc, 2, attnums,
														 zeros, nulls));
	}
}

/*
 * Trigger: AFTER INSERT FOR EACH STATEMENT on chat_messages, with the
 * transition table en_new.  A session's updated_at becomes its latest
 * message's created_at when that is later, so the chat list orders by
 * recency; a restored dump, whose sessions are already as recent as their
 * messages, is left exactly as it was.
 */
Datum
expert_network_touch_chat_sessions(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo) ||
		!TRIGGER_FIRED_AFTER(trigdata->tg_event) ||
		TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) ||
		!TRIGGER_FIRED_BY_INSERT(trigdata->tg_event) ||
		trigdata->tg_newtable == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function touch_chat_sessions must be fired AFTER INSERT FOR EACH STATEMENT with the transition table en_new")));

	if (tuplestore_tuple_count(trigdata->tg_newtable) == 0)
		return PointerGetDatum(NULL);

	{
		Oid			argtypes[2] = {UUIDOID, TIMESTAMPTZOID};

		WriteDerived(trigdata, "chat_sessions", &chat_delta_plan, chat_delta,
					 &chat_touch_plan, chat_touch, 2, argtypes);
	}
	return PointerGetDatum(NULL);
}

/*
 * verify_counters(): one row per counter that differs from the interviews
 * (campaign_id, counter, stored, actual), of the campaigns the caller sees.
 */
Datum
expert_network_verify_counters(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute(verify_query, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "verifying call counters failed");

	for (uint64 i = 0; i < SPI_processed; i++)
	{
		Datum		values[4];
		bool		nulls[4];

		for (int col = 0; col < 4; col++)
			values[col] = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc,
										col + 1, &nulls[col]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	SPI_finish();
	return (Datum) 0;
}

/*
 * repair_counters(): set every drifted counter of the campaigns the caller
 * sees to the actual count; returns how many counters it fixed.  Under READ
 * COMMITTED the lock-then-count order makes it exact against concurrent
 * writers; under REPEATABLE READ a concurrent writer makes it fail (40001).
 */
Datum
expert_network_repair_counters(PG_FUNCTION_ARGS)
{
	volatile int32 fixed = 0;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	derived_writes++;
	PG_TRY();
	{
		if (SPI_execute(repair_lock, false, 0) != SPI_OK_SELECT)
			elog(ERROR, "locking campaigns failed");
		if (SPI_execute(repair_query, false, 0) != SPI_OK_UPDATE_RETURNING)
			elog(ERROR, "repairing call counters failed");
		for (uint64 i = 0; i < SPI_processed; i++)
		{
			bool		isnull;

			fixed += DatumGetInt32(SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &isnull));
		}
	}
	PG_FINALLY();
	{
		derived_writes--;
	}
	PG_END_TRY();

	SPI_finish();
	PG_RETURN_INT32(fixed);
}
