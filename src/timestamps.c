/*
 * timestamps.c
 *	  updated_at maintenance: one BEFORE UPDATE row trigger for every table
 *	  that has an updated_at column.
 *
 * The column is set to the transaction timestamp, as now() would, so that all
 * rows touched by one transaction carry the same stamp.  An optional trigger
 * argument names another timestamptz column.  Updates the module makes to
 * derived columns (call counters, chat recency) leave it alone.
 */
#include "expert_network.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "utils/rel.h"

PG_FUNCTION_INFO_V1(expert_network_set_updated_at);

/*
 * Trigger function: stamp the updated_at column of the new row.
 */
Datum
expert_network_set_updated_at(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	Relation	rel;
	TupleDesc	tupdesc;
	const char *colname = "updated_at";
	int			attnum;
	Datum		value;
	bool		isnull = false;

	if (!CALLED_AS_TRIGGER(fcinfo) ||
		!TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) ||
		!TRIGGER_FIRED_BEFORE(trigdata->tg_event) ||
		!TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function set_updated_at must be fired BEFORE UPDATE FOR EACH ROW"),
				 errhint("Attach it with CREATE TRIGGER ... BEFORE UPDATE ON ... FOR EACH ROW EXECUTE FUNCTION expert_network.set_updated_at().")));
	if (trigdata->tg_trigger->tgnargs > 1)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function set_updated_at takes at most one argument, the column to stamp")));

	if (trigdata->tg_trigger->tgnargs == 1)
		colname = trigdata->tg_trigger->tgargs[0];

	rel = trigdata->tg_relation;
	tupdesc = RelationGetDescr(rel);
	attnum = en_attnum(rel, colname);
	if (attnum == InvalidAttrNumber)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" of relation \"%s\" does not exist",
						colname, RelationGetRelationName(rel))));
	if (SPI_gettypeid(tupdesc, attnum) != TIMESTAMPTZOID)
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("column \"%s\" of relation \"%s\" must be of type timestamp with time zone",
						colname, RelationGetRelationName(rel))));

	/* the module's own writes of derived columns are not edits of the row */
	if (en_writing_derived())
		return PointerGetDatum(trigdata->tg_newtuple);

	value = TimestampTzGetDatum(GetCurrentTransactionStartTimestamp());

	return PointerGetDatum(heap_modify_tuple_by_cols(trigdata->tg_newtuple,
													 tupdesc, 1, &attnum,
													 &value, &isnull));
}
