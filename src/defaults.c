/*
 * defaults.c
 *	  fill_empty_arrays: the empty array for array columns an INSERT leaves
 *	  NULL.
 *
 * Up to 0.14.0 the array columns had DEFAULT '{}'.  Schema readers that
 * turn a database into code render that default wrongly (drizzle-kit pull
 * writes .default([""]), a one-element array, and migrations made from it
 * would give every new row an empty string), so 0.15.0 fills the empty array
 * in a BEFORE INSERT row trigger instead, and the columns have no default.
 * The columns are the trigger's arguments.  A NULL written by an INSERT is
 * filled too; an UPDATE may still write NULL where the column allows it.
 */
#include "expert_network.h"

#include "access/htup_details.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"

PG_FUNCTION_INFO_V1(expert_network_fill_empty_arrays);

Datum
expert_network_fill_empty_arrays(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	Relation	rel;
	TupleDesc	desc;
	HeapTuple	tuple;
	int			nargs;
	int		   *cols;
	Datum	   *values;
	bool	   *nulls;
	int			filled = 0;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_BEFORE(trigdata->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) || !TRIGGER_FIRED_BY_INSERT(trigdata->tg_event))
		en_report_misfire("fill_empty_arrays", "BEFORE INSERT, FOR EACH ROW");
	nargs = trigdata->tg_trigger->tgnargs;
	if (nargs < 1)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function fill_empty_arrays needs the columns to fill as its arguments")));

	rel = trigdata->tg_relation;
	desc = RelationGetDescr(rel);
	tuple = trigdata->tg_trigtuple;
	cols = palloc(sizeof(int) * nargs);
	values = palloc(sizeof(Datum) * nargs);
	nulls = palloc0(sizeof(bool) * nargs);
	for (int i = 0; i < nargs; i++)
	{
		const char *column = trigdata->tg_trigger->tgargs[i];
		int			attnum = SPI_fnumber(desc, column);
		Oid			element;

		if (attnum <= 0)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_COLUMN),
					 errmsg("column \"%s\" of relation \"%s\" does not exist",
							column, RelationGetRelationName(rel))));
		element = get_element_type(TupleDescAttr(desc, attnum - 1)->atttypid);
		if (!OidIsValid(element))
			ereport(ERROR,
					(errcode(ERRCODE_WRONG_OBJECT_TYPE),
					 errmsg("column \"%s\" of relation \"%s\" is not an array",
							column, RelationGetRelationName(rel)),
					 errtablecol(rel, attnum)));
		if (!heap_attisnull(tuple, attnum, desc))
			continue;
		cols[filled] = attnum;
		values[filled] = PointerGetDatum(construct_empty_array(element));
		filled++;
	}
	if (filled > 0)
		tuple = heap_modify_tuple_by_cols(tuple, desc, filled, cols, values, nulls);
	return PointerGetDatum(tuple);
}
