/*
 * history.c
 *	  The status history: record_transitions, the statement trigger that
 *	  writes every status a workflow row takes into status_history in one
 *	  INSERT, and protect_history, which keeps every other writer out of it.
 *
 * A restore (no identity, a role bypassing row-level security) writes no
 * history row: the dump carries the history.
 */
#include "expert_network.h"

#include "catalog/pg_type.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

PG_FUNCTION_INFO_V1(expert_network_record_transitions);
PG_FUNCTION_INFO_V1(expert_network_protect_history);

/* the kept plan of the history INSERT, and the row type of what it reads */
static SPIPlanPtr history_plan;
static TupleDesc changes_desc;

/* > 0 while record_transitions writes the history (protect_history lets it) */
static int	history_writes = 0;

/* (user_id text, row_id uuid, from_status text, to_status text) */
static TupleDesc
ChangesDesc(void)
{
	if (changes_desc == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);
		TupleDesc	desc = CreateTemplateTupleDesc(4);

		TupleDescInitEntry(desc, 1, "user_id", TEXTOID, -1, 0);
		TupleDescInitEntry(desc, 2, "row_id", UUIDOID, -1, 0);
		TupleDescInitEntry(desc, 3, "from_status", TEXTOID, -1, 0);
		TupleDescInitEntry(desc, 4, "to_status", TEXTOID, -1, 0);
		MemoryContextSwitchTo(old);
		changes_desc = desc;
	}
	return changes_desc;
}

/*
 * The status changes of a statement, as a tuplestore of
 * (user_id, row_id, from_status, to_status): every row of an INSERT, with no
 * from_status, and the rows of an UPDATE whose status changed.
 *
 * Statuses are compared byte for byte, as the graphs compare them; a NULL
 * status on either side is no change (as "o.status <> n.status" would have
 * it).
 */
static Tuplestorestate *
CollectChanges(TriggerData *trigdata, bool is_update)
{
	Relation	rel = trigdata->tg_relation;
	int			id_att = en_column_number(rel, "id");
	int			owner_att = en_column_number(rel, "user_id");
	int			status_att = en_column_number(rel, "status");
	Tuplestorestate *changes = tuplestore_begin_heap(false, false, work_mem);
	MemoryContext rowcxt = AllocSetContextCreate(CurrentMemoryContext,
												 "expert_network status changes",
												 ALLOCSET_SMALL_SIZES);
	RowPairs	pairs;

	en_row_pairs_begin(&pairs, trigdata, true);
	while (en_row_pairs_next(&pairs))
	{
		Datum		values[4];
		bool		nulls[4];

		values[3] = en_slot_text(pairs.new, status_att, &nulls[3]);
		if (is_update)
		{
			MemoryContext caller;
			bool		same;

			values[2] = en_slot_text(pairs.old, status_att, &nulls[2]);
			if (nulls[2] || nulls[3])
				continue;
			/* a status stored out of line is detoasted in rowcxt, for this row */
			caller = MemoryContextSwitchTo(rowcxt);
			same = en_texts_equal(values[2], values[3]);
			MemoryContextSwitchTo(caller);
			MemoryContextReset(rowcxt);
			if (same)
				continue;
		}
		else
		{
			values[2] = (Datum) 0;
			nulls[2] = true;
		}
		values[0] = slot_getattr(pairs.new, owner_att, &nulls[0]);
		values[1] = slot_getattr(pairs.new, id_att, &nulls[1]);
		/* copied into the tuplestore's own memory */
		tuplestore_putvalues(changes, ChangesDesc(), values, nulls);
	}
	en_row_pairs_end(&pairs);
	MemoryContextDelete(rowcxt);
	return changes;
}

/*
 * Trigger: AFTER INSERT or AFTER UPDATE FOR EACH STATEMENT, with transition
 * tables en_new (and en_old): one set-based INSERT into status_history of
 * every row's initial status, or of every changed status.
 *
 * The changes go in ordered by row id, so that consecutive history rows land
 * next to each other in the (row_id, changed_at) index instead of all over
 * it; the ids of history rows increase with time (uuid_v7()), so the primary
 * key grows at its right edge.
 */
Datum
expert_network_record_transitions(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	const char *entity;
	bool		is_update;
	Tuplestorestate *changes;
	EphemeralNamedRelation enr;
	Oid			save_userid;
	int			save_sec_context;
	Datum		args[1];

	if (!CALLED_AS_TRIGGER(fcinfo) ||
		!TRIGGER_FIRED_AFTER(trigdata->tg_event) ||
		TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) ||
		!(TRIGGER_FIRED_BY_INSERT(trigdata->tg_event) || TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event)) ||
		trigdata->tg_newtable == NULL ||
		(TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) && trigdata->tg_oldtable == NULL))
		en_report_misfire("record_transitions",
						  "AFTER INSERT or AFTER UPDATE FOR EACH STATEMENT with transition tables en_new and en_old");

	if (en_restoring())
		return PointerGetDatum(NULL);	/* the dump carries the history */
	/* the extension's own writes of derived columns change no status */
	if (en_writing_derived() || tuplestore_tuple_count(trigdata->tg_newtable) == 0)
		return PointerGetDatum(NULL);

	entity = en_workflow_entity(trigdata->tg_relation);
	is_update = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event);
	changes = CollectChanges(trigdata, is_update);
	if (tuplestore_tuple_count(changes) == 0)
	{
		tuplestore_end(changes);
		return PointerGetDatum(NULL);	/* no status changed */
	}
	args[0] = CStringGetTextDatum(entity);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	enr = palloc0(sizeof(EphemeralNamedRelationData));
	enr->md.name = "en_changes";
	enr->md.reliddesc = InvalidOid;
	enr->md.tupdesc = ChangesDesc();
	enr->md.enrtype = ENR_NAMED_TUPLESTORE;
	enr->md.enrtuples = tuplestore_tuple_count(changes);
	enr->reldata = changes;
	if (SPI_register_relation(enr) != SPI_OK_REL_REGISTER)
		elog(ERROR, "SPI_register_relation failed");

	/*
	 * The history is the extension's to write: as the caller, whom
	 * protect_history lets through only while this INSERT runs (a legacy
	 * schema's app roles may not insert: as the table's owner there).
	 */
	en_legacy_owner("status_history", &save_userid, &save_sec_context);
	history_writes++;
	PG_TRY();
	{
		Oid			argtypes[1] = {TEXTOID};

		if (SPI_execute_plan(en_kept_plan(&history_plan,
										  "INSERT INTO expert_network.status_history (user_id, entity, row_id, from_status, to_status)"
										  " SELECT c.user_id, $1, c.row_id, c.from_status, c.to_status"
										  "   FROM en_changes AS c ORDER BY c.row_id",
										  1, argtypes),
							 args, NULL, false, 0) != SPI_OK_INSERT)
			elog(ERROR, "recording status history failed");
	}
	PG_FINALLY();
	{
		history_writes--;
	}
	PG_END_TRY();
	SetUserIdAndSecContext(save_userid, save_sec_context);

	SPI_finish();
	tuplestore_end(changes);
	return PointerGetDatum(NULL);
}

/*
 * Statement trigger, BEFORE INSERT, UPDATE, DELETE or TRUNCATE on
 * status_history: the history is written by record_transitions and erased
 * by delete_user_data; a role that may write the workflow tables (and so
 * holds INSERT here) writes it through them only.  A restore loads it as
 * the dump has it, and a superuser, who could disable this trigger anyway,
 * may repair it.
 */
Datum
expert_network_protect_history(PG_FUNCTION_ARGS)
{
	en_guard_record(fcinfo, "protect_history", history_writes > 0, "status_history",
					"Every status change of the workflow tables records itself; the history is never edited.",
					"Change the row's status instead; expert_network.delete_user_data() erases a user's history.");
	return PointerGetDatum(NULL);
}

/*
 * The guard of a record only the extension writes (status_history,
 * compliance_log), as a BEFORE statement trigger: the extension's own
 * writes (own_insert, for an INSERT), a restore, a superuser (who could
 * disable the trigger anyway) and delete_user_data's DELETE pass; anything
 * else is refused (42501) with the detail and hint given.
 */
void
en_guard_record(FunctionCallInfo fcinfo, const char *function, bool own_insert,
				const char *table, const char *detail, const char *hint)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_BEFORE(trigdata->tg_event) ||
		TRIGGER_FIRED_FOR_ROW(trigdata->tg_event))
		en_report_misfire(function, "BEFORE, FOR EACH STATEMENT");

	if ((own_insert && TRIGGER_FIRED_BY_INSERT(trigdata->tg_event)) ||
		en_restoring() || superuser() ||
		(en_erasing() && TRIGGER_FIRED_BY_DELETE(trigdata->tg_event)))
		return;

	ereport(ERROR,
			(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
			 errmsg("%s is written by expert_network only", table),
			 errdetail("%s", detail),
			 errhint("%s", hint)));
}
