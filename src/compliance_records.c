/*
 * compliance_records.c
 *	  The records around the compliance gates (0.10.0): protect_compliance_log
 *	  (the log is the gates' alone), stamp_exception (who approved an
 *	  exception, and when, is not the approver's to say) and
 *	  follow_current_employment (experts.company is the current employer).
 */
#include "expert_network.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/rel.h"
#include "utils/timestamp.h"

PG_FUNCTION_INFO_V1(expert_network_protect_compliance_log);
PG_FUNCTION_INFO_V1(expert_network_stamp_exception);
PG_FUNCTION_INFO_V1(expert_network_follow_current_employment);

/*
 * Statement trigger, BEFORE INSERT, UPDATE, DELETE or TRUNCATE on
 * compliance_log: the gates append to it (as the role whose statement they
 * screen, which holds INSERT for that), delete_user_data erases it, a
 * restore loads it and a superuser may repair it; no one else writes it.
 */
Datum
expert_network_protect_compliance_log(PG_FUNCTION_ARGS)
{
	en_guard_record(fcinfo, "protect_compliance_log", en_writing_compliance_log(), "compliance_log",
					"Every decision of the compliance gates records itself; the log is never edited.",
					"expert_network.compliance_check(expert_id, call_date, log => true) records a screen; expert_network.delete_user_data() erases a user's log.");
	return PointerGetDatum(NULL);
}

/*
 * Row trigger, BEFORE INSERT OR UPDATE on compliance_exceptions: the
 * approver is the role writing the row, at the time of its transaction.
 * A restore keeps what the dump has.
 */
Datum
expert_network_stamp_exception(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	HeapTuple	tuple;
	int			cols[2];
	Datum		values[2];
	bool		nulls[2] = {false, false};

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_BEFORE(trigdata->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) || TRIGGER_FIRED_BY_DELETE(trigdata->tg_event))
		en_report_misfire("stamp_exception", "BEFORE INSERT OR UPDATE, FOR EACH ROW");

	tuple = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ? trigdata->tg_newtuple : trigdata->tg_trigtuple;
	if (en_restoring())
		return PointerGetDatum(tuple);

	cols[0] = en_attnum(trigdata->tg_relation, "approved_by");
	cols[1] = en_attnum(trigdata->tg_relation, "approved_at");
	if (cols[0] == InvalidAttrNumber || cols[1] == InvalidAttrNumber)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("stamp_exception needs columns approved_by and approved_at on \"%s\"",
						RelationGetRelationName(trigdata->tg_relation))));
	values[0] = CStringGetTextDatum(GetUserNameFromId(GetUserId(), false));
	values[1] = TimestampTzGetDatum(GetCurrentTransactionStartTimestamp());
	return PointerGetDatum(heap_modify_tuple_by_cols(tuple, RelationGetDescr(trigdata->tg_relation),
													 2, cols, values, nulls));
}

/* > 0 while experts.company is brought in line with the employments */
static int	employer_writes = 0;

static SPIPlanPtr follow_plan;
static SPIPlanPtr current_plan;

/* After a statement on expert_employments: its experts' company follows */
static void
FollowEmployments(TriggerData *trigdata)
{
	int			expert_att = en_column_number(trigdata->tg_relation, "expert_id");
	ArrayBuildState *experts[2] = {NULL, NULL};
	Datum		args[2];
	volatile int rc = 0;
	RowPairs	pairs;

	/* the experts of the rows written, and of their old versions */
	en_row_pairs_begin(&pairs, trigdata, false);
	while (en_row_pairs_next(&pairs))
	{
		TupleTableSlot *versions[2] = {pairs.new, pairs.old};

		for (int k = 0; k < 2; k++)
		{
			bool		isnull;
			Datum		id;

			if (versions[k] == NULL)
				continue;
			id = slot_getattr(versions[k], expert_att, &isnull);
			if (!isnull)
				en_accum(&experts[k], id, false, UUIDOID);
		}
	}
	en_row_pairs_end(&pairs);
	for (int k = 0; k < 2; k++)
		args[k] = experts[k] ? makeArrayResult(experts[k], CurrentMemoryContext)
			: PointerGetDatum(construct_empty_array(UUIDOID));

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	employer_writes++;
	PG_TRY();
	{
		Oid			argtypes[2] = {UUIDARRAYOID, UUIDARRAYOID};

		rc = SPI_execute_plan(en_kept_custom_plan(&follow_plan,
												  "UPDATE expert_network.experts AS x SET company = c.company"
												  "  FROM (SELECT x.id, x.user_id, ("
												  "         SELECT e.company FROM expert_network.expert_employments AS e"
												  "          WHERE e.expert_id OPERATOR(pg_catalog.=) x.id"
												  "            AND e.user_id OPERATOR(pg_catalog.=) x.user_id AND e.ended_on IS NULL) AS company"
												  "          FROM expert_network.experts AS x"
												  "         WHERE x.id OPERATOR(pg_catalog.=) ANY ($1)"
												  "            OR x.id OPERATOR(pg_catalog.=) ANY ($2)) AS c"
												  " WHERE x.id OPERATOR(pg_catalog.=) c.id AND x.user_id OPERATOR(pg_catalog.=) c.user_id"
												  "   AND x.company IS DISTINCT FROM c.company",
												  2, argtypes),
							  args, NULL, false, 0);
	}
	PG_FINALLY();
	{
		employer_writes--;
	}
	PG_END_TRY();
	if (rc != SPI_OK_UPDATE)
		elog(ERROR, "bringing experts.company in line with the employments failed: %s",
			 SPI_result_code_string(rc));
	SPI_finish();
}

/* Before experts.company changes: not to another company than the current */
static HeapTuple
CheckCompany(TriggerData *trigdata)
{
	Relation	rel = trigdata->tg_relation;
	HeapTuple	tuple = trigdata->tg_newtuple;
	TupleDesc	desc = RelationGetDescr(rel);
	Oid			argtypes[2] = {UUIDOID, TEXTOID};
	Datum		args[2];
	bool		isnull[2];
	bool		company_null;
	Datum		company;

	args[0] = heap_getattr(tuple, en_attnum(rel, "id"), desc, &isnull[0]);
	args[1] = heap_getattr(tuple, en_attnum(rel, "user_id"), desc, &isnull[1]);
	company = heap_getattr(tuple, en_attnum(rel, "company"), desc, &company_null);
	if (isnull[0] || isnull[1])
		return tuple;			/* left to the NOT NULL constraints */

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute_plan(en_kept_plan(&current_plan,
									  "SELECT e.id, e.company FROM expert_network.expert_employments AS e"
									  " WHERE e.expert_id OPERATOR(pg_catalog.=) $1"
									  "   AND e.user_id OPERATOR(pg_catalog.=) $2 AND e.ended_on IS NULL",
									  2, argtypes),
						 args, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "reading the current employment of expert %s failed", en_uuid_text(args[0]));
	if (SPI_processed > 0)
	{
		bool		current_null;
		Datum		current = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &current_null);
		if (company_null || !en_texts_equal(company, current))
			ereport(ERROR,
					(errcode(ERRCODE_CHECK_VIOLATION),
					 errmsg("the company of expert %s is its current employer's", en_uuid_text(args[0])),
					 errdetail("Its open-ended employment %s is at \"%s\".",
							   SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1),
							   en_shorten(TextDatumGetCString(current))),
					 errhint("End that employment or change its company in expert_network.expert_employments; experts.company follows.")));
	}
	SPI_finish();
	return tuple;
}

/*
 * Triggers keeping experts.company the company of the expert's open-ended
 * employment: AFTER INSERT, UPDATE and DELETE FOR EACH STATEMENT on
 * expert_employments, with the transition tables, set it (NULL when none is
 * open); BEFORE UPDATE OF company FOR EACH ROW on experts refuses another
 * company while one is open (23514).  A restore and an erasure take the
 * rows as they are.
 */
Datum
expert_network_follow_current_employment(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	bool		on_experts;

	if (!CALLED_AS_TRIGGER(fcinfo))
		en_report_misfire("follow_current_employment",
						  "AFTER, FOR EACH STATEMENT on expert_employments, BEFORE UPDATE, FOR EACH ROW on experts");
	on_experts = strcmp(RelationGetRelationName(trigdata->tg_relation), "experts") == 0;
	if (on_experts ? !(TRIGGER_FIRED_BEFORE(trigdata->tg_event) && TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) &&
					   TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event))
		: !(TRIGGER_FIRED_AFTER(trigdata->tg_event) && !TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) &&
			!TRIGGER_FIRED_BY_TRUNCATE(trigdata->tg_event) &&
			(trigdata->tg_newtable != NULL || trigdata->tg_oldtable != NULL)))
		en_report_misfire("follow_current_employment",
						  "AFTER, FOR EACH STATEMENT on expert_employments, with the transition tables; BEFORE UPDATE, FOR EACH ROW on experts");

	if (on_experts)
	{
		if (employer_writes > 0 || en_restoring())
			return PointerGetDatum(trigdata->tg_newtuple);
		return PointerGetDatum(CheckCompany(trigdata));
	}
	if (!en_restoring() && !en_erasing())
		FollowEmployments(trigdata);
	return PointerGetDatum(NULL);
}
