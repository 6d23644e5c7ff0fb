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
 * The UPDATEs run as the caller, like any statement of the caller's: a
 * campaign and its interviews always have the same owner (composite foreign
 * keys), so row-level security shows the caller every campaign its
 * statement touched, and only the tables' owner or a superuser, who bypass
 * it, may TRUNCATE.  (In a legacy schema, as the campaigns' owner, as 0.6.0
 * did.)
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
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/hsearch.h"
#include "utils/rel.h"

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
	"       pg_catalog.count(*) FILTER (WHERE i.status OPERATOR(pg_catalog.=) ANY (" EN_LIVE_INTERVIEWS "))::pg_catalog.int4 AS scheduled," \
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
static TransitionPlan chat_delta_plan;

/*
 * The module's own write of derived columns of expert_network.<table>, as
 * the caller (legacy schemas: the table's owner): each row the read query
 * returns from the statement's transition tables (in key order), or without
 * one each of the ngiven rows of nargs values in given, is the arguments of
 * one execution of the write query.
 */
static void
WriteDerived(TriggerData *trigdata, const char *table,
			 TransitionPlan *read_plan, const char *read_query,
			 const Datum *given, uint64 ngiven,
			 SPIPlanPtr *write_plan, const char *write_query, int nargs, Oid *argtypes)
{
	Oid			save_userid;
	int			save_sec_context;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	en_legacy_owner(table, &save_userid, &save_sec_context);
	derived_writes++;
	PG_TRY();
	{
		SPIPlanPtr	plan = en_kept_plan(write_plan, write_query, nargs, argtypes);
		const Datum *args = given;
		uint64		nrows = ngiven;

		if (read_plan != NULL)
		{
			SPITupleTable *rows;
			Datum	   *read;
			bool		nulls[3];

			Assert(nargs <= 3);
			if (SPI_register_trigger_data(trigdata) != SPI_OK_TD_REGISTER)
				elog(ERROR, "SPI_register_trigger_data failed");
			if (SPI_execute_plan(en_transition_plan(read_plan, trigdata->tg_relation, read_query, 0, NULL),
								 NULL, NULL, true, 0) != SPI_OK_SELECT)
				elog(ERROR, "\"%s\" failed", read_query);
			rows = SPI_tuptable;
			nrows = SPI_processed;
			read = palloc(sizeof(Datum) * nargs * Max(nrows, 1));
			for (uint64 i = 0; i < nrows; i++)
				heap_deform_tuple(rows->vals[i], rows->tupdesc, &read[i * nargs], nulls);
			args = read;
		}
		for (uint64 i = 0; i < nrows; i++)
			if (SPI_execute_plan(plan, (Datum *) &args[i * nargs], NULL, false, 0) != SPI_OK_UPDATE)
				elog(ERROR, "\"%s\" failed", write_query);
	}
	PG_FINALLY();
	{
		derived_writes--;
	}
	PG_END_TRY();
	SetUserIdAndSecContext(save_userid, save_sec_context);
	SPI_finish();
}

/* Net change of one campaign's counters in a statement */
typedef struct CallDelta
{
	pg_uuid_t	campaign_id;	/* hash key */
	int64		scheduled;
	int64		completed;
} CallDelta;

/* Add a row's calls (sign +1) or take them away (sign -1); no row, none */
static void
AddCalls(HTAB *deltas, TupleTableSlot *row, int campaign_att, int status_att, int sign)
{
	bool		isnull;
	Datum		campaign;
	Datum		status;
	int			scheduled = 0,
				completed = 0;
	CallDelta  *delta;
	bool		found;

	if (row == NULL)
		return;
	campaign = slot_getattr(row, campaign_att, &isnull);
	if (isnull)
		return;					/* no campaign to count in */
	status = en_slot_text(row, status_att, &isnull);
	if (!isnull)
	{
		if (en_interview_is_live(status))
			scheduled = 1;
		else if (en_text_is(status, "completed"))
			completed = 1;
	}
	if (scheduled == 0 && completed == 0)
		return;
	delta = hash_search(deltas, DatumGetUUIDP(campaign), HASH_ENTER, &found);
	if (!found)
		delta->scheduled = delta->completed = 0;
	delta->scheduled += sign * scheduled;
	delta->completed += sign * completed;
}

/*
 * The statement's net change per campaign, as rows (campaign_id, scheduled,
 * completed) of the apply query's arguments, campaigns in id order, those
 * whose counters do not change left out.  Read from the transition tables in
 * one pass, without a query.
 */
static Datum *
CallDeltas(TriggerData *trigdata, uint64 *nrows)
{
	int			campaign_att = en_column_number(trigdata->tg_relation, "campaign_id");
	int			status_att = en_column_number(trigdata->tg_relation, "status");
	HASHCTL		ctl;
	HTAB	   *deltas;
	HASH_SEQ_STATUS scan;
	RowPairs	pairs;
	CallDelta  *delta;
	CallDelta  *sorted;
	Datum	   *rows;
	uint64		n = 0;

	ctl.keysize = sizeof(pg_uuid_t);
	ctl.entrysize = sizeof(CallDelta);
	ctl.hcxt = CurrentMemoryContext;
	deltas = hash_create("expert_network call deltas", 16, &ctl,
						 HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
	en_row_pairs_begin(&pairs, trigdata, false);
	while (en_row_pairs_next(&pairs))
	{
		AddCalls(deltas, pairs.new, campaign_att, status_att, 1);
		AddCalls(deltas, pairs.old, campaign_att, status_att, -1);
	}
	en_row_pairs_end(&pairs);

	sorted = palloc(sizeof(CallDelta) * Max(hash_get_num_entries(deltas), 1));
	hash_seq_init(&scan, deltas);
	while ((delta = hash_seq_search(&scan)) != NULL)
		if (delta->scheduled != 0 || delta->completed != 0)
			sorted[n++] = *delta;
	hash_destroy(deltas);
	qsort(sorted, n, sizeof(CallDelta), en_uuid_cmp);	/* campaign_id comes first */

	rows = palloc(sizeof(Datum) * 3 * Max(n, 1));
	for (uint64 i = 0; i < n; i++)
	{
		if (sorted[i].scheduled < PG_INT32_MIN || sorted[i].scheduled > PG_INT32_MAX ||
			sorted[i].completed < PG_INT32_MIN || sorted[i].completed > PG_INT32_MAX)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("too many interviews of one campaign in one statement")));
		rows[i * 3] = UUIDPGetDatum(&sorted[i].campaign_id);
		rows[i * 3 + 1] = Int32GetDatum((int32) sorted[i].scheduled);
		rows[i * 3 + 2] = Int32GetDatum((int32) sorted[i].completed);
	}
	*nrows = n;
	return rows;
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
	bool		need_new,
				need_old;
	Datum	   *rows;
	uint64		nrows;

	if (!CALLED_AS_TRIGGER(fcinfo) ||
		!TRIGGER_FIRED_AFTER(trigdata->tg_event) ||
		TRIGGER_FIRED_FOR_ROW(trigdata->tg_event))
		en_report_misfire("count_calls", "AFTER, FOR EACH STATEMENT");
	event = trigdata->tg_event;

	if (TRIGGER_FIRED_BY_TRUNCATE(event))
	{
		Datum		no_args[1] = {(Datum) 0};

		/* one execution, with no arguments */
		WriteDerived(trigdata, "campaigns", NULL, NULL, no_args, 1, &reset_all_plan, reset_all, 0, NULL);
		return PointerGetDatum(NULL);
	}

	need_new = TRIGGER_FIRED_BY_INSERT(event) || TRIGGER_FIRED_BY_UPDATE(event);
	need_old = TRIGGER_FIRED_BY_DELETE(event) || TRIGGER_FIRED_BY_UPDATE(event);
	if ((need_new && trigdata->tg_newtable == NULL) || (need_old && trigdata->tg_oldtable == NULL))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function count_calls needs the transition tables en_new and en_old")));

	/* a statement that touched no interview counts nothing */
	if ((trigdata->tg_newtable == NULL || tuplestore_tuple_count(trigdata->tg_newtable) == 0) &&
		(trigdata->tg_oldtable == NULL || tuplestore_tuple_count(trigdata->tg_oldtable) == 0))
		return PointerGetDatum(NULL);

	rows = CallDeltas(trigdata, &nrows);
	if (nrows > 0)
	{
		Oid			argtypes[3] = {UUIDOID, INT4OID, INT4OID};

		WriteDerived(trigdata, "campaigns", NULL, NULL, rows, nrows,
					 &apply_delta_plan, apply_delta, 3, argtypes);
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
		en_report_misfire("protect_call_counters", "BEFORE INSERT OR UPDATE FOR EACH ROW");

	rel = trigdata->tg_relation;
	tupdesc = RelationGetDescr(rel);
	attnums[0] = en_column_number(rel, "scheduled_calls");
	attnums[1] = en_column_number(rel, "completed_calls");

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
		en_report_misfire("touch_chat_sessions", "AFTER INSERT FOR EACH STATEMENT with the transition table en_new");

	if (tuplestore_tuple_count(trigdata->tg_newtable) == 0)
		return PointerGetDatum(NULL);

	{
		Oid			argtypes[2] = {UUIDOID, TIMESTAMPTZOID};

		WriteDerived(trigdata, "chat_sessions", &chat_delta_plan, chat_delta, NULL, 0,
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

	(void) en_extension_schema();	/* the queries' names lead to it */
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute(verify_query, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "verifying call counters failed");

	for (uint64 i = 0; i < SPI_processed; i++)
	{
		Datum		values[4];
		bool		nulls[4];

		heap_deform_tuple(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, values, nulls);
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

	(void) en_extension_schema();	/* the queries' names lead to it */
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
