/*
 * workflow_trigger.c
 *	  The trigger check_transition, BEFORE INSERT OR UPDATE of every row of
 *	  the six workflow tables: the id stays, the status moves only along its
 *	  graph (workflow_graph.c) and gets the stamps of the step, and experts
 *	  and interviews obey the rules that cross tables.
 *
 * Every UPDATE of a status goes through check_transition, whatever path the
 * application takes.  INSERT may use any valid status, so that existing data
 * can be imported.  A restore (no identity, a role bypassing row-level
 * security) writes rows as the dump has them: no cross-entity rule.
 */
#include "expert_network.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/rel.h"

PG_FUNCTION_INFO_V1(expert_network_check_transition);

/* A text column of a row, or NULL */
static char *
TextColumn(Relation rel, HeapTuple tuple, const char *column)
{
	TupleDesc	desc = RelationGetDescr(rel);
	int			attnum = en_column_number(rel, column);
	bool		isnull;
	Datum		d = heap_getattr(tuple, attnum, desc, &isnull);

	if (isnull)
		return NULL;
	/* a status is an enum since 0.15.0: its label */
	return TupleDescAttr(desc, attnum - 1)->atttypid == TEXTOID ? TextDatumGetCString(d) :
		SPI_getvalue(tuple, desc, attnum);
}

/*
 * One row of a prepared look-up, or false when there is none (the row the
 * foreign key points at does not exist, or is not the caller's: the foreign
 * key or the owner check reports that).
 */
static bool
LookUp(SPIPlanPtr *cache, const char *query, int nargs, Oid *argtypes, Datum *args)
{
	if (SPI_execute_plan(en_kept_plan(cache, query, nargs, argtypes), args, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute_plan failed for \"%s\"", query);
	return SPI_processed == 1;
}

static SPIPlanPtr campaign_status_plan;
static SPIPlanPtr enrollment_plan;
static SPIPlanPtr expert_plan;

/*
 * Nothing new in an archived campaign.  False when the campaign is not
 * there: the foreign key reports that, and the other rules wait for it.
 */
static bool
CheckCampaignOpen(Relation rel, Datum campaign_id, const char *what)
{
	Oid			argtypes[1] = {UUIDOID};
	char	   *status;

	if (!LookUp(&campaign_status_plan,
				"SELECT status FROM expert_network.campaigns WHERE id OPERATOR(pg_catalog.=) $1",
				1, argtypes, &campaign_id))
		return false;
	status = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	if (strcmp(status, "archived") == 0)
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("campaign %s is archived", en_uuid_text(campaign_id)),
				 errdetail("No %s can be added to an archived campaign.", what),
				 errhint("Archived is a final status; start a new campaign."),
				 errtablecol(rel, en_column_number(rel, "campaign_id"))));
	return true;
}

/* An expert comes from a vendor enrolled in the expert's campaign */
static void
CheckVendorEnrolled(Relation rel, Datum campaign_id, Datum vendor_id)
{
	Oid			argtypes[2] = {UUIDOID, UUIDOID};
	Datum		args[2] = {campaign_id, vendor_id};
	char	   *vendor;
	char	   *status;

	if (!LookUp(&enrollment_plan,
				"SELECT v.name, e.status FROM expert_network.vendor_platforms AS v"
				" LEFT JOIN expert_network.campaign_vendor_enrollments AS e"
				"   ON e.vendor_platform_id OPERATOR(pg_catalog.=) v.id"
				"  AND e.campaign_id OPERATOR(pg_catalog.=) $1"
				" WHERE v.id OPERATOR(pg_catalog.=) $2",
				2, argtypes, args))
		return;
	vendor = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	status = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2);
	if (status == NULL || strcmp(status, "enrolled") != 0)
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("vendor \"%s\" is not enrolled in campaign %s", vendor, en_uuid_text(campaign_id)),
				 status ? errdetail("Its enrollment is %s; experts come only from enrolled vendors.", status) :
				 errdetail("It has no enrollment in the campaign; experts come only from enrolled vendors."),
				 errhint("Enroll the vendor in the campaign first."),
				 errtablecol(rel, en_column_number(rel, "vendor_platform_id"))));
}

/*
 * An interview belongs to its expert's campaign, and is only for an expert
 * who was reviewed and not rejected: reviewed, scheduling, scheduled, or
 * completed (a follow-up call).
 */
static void
CheckInterviewExpert(Relation rel, Datum campaign_id, Datum expert_id)
{
	Oid			argtypes[1] = {UUIDOID};
	bool		isnull;
	Datum		expert_campaign;
	char	   *status;

	if (!LookUp(&expert_plan,
				"SELECT campaign_id, status FROM expert_network.experts WHERE id OPERATOR(pg_catalog.=) $1",
				1, argtypes, &expert_id))
		return;
	expert_campaign = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	status = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2);
	if (!DatumGetBool(DirectFunctionCall2(uuid_eq, expert_campaign, campaign_id)))
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("interview's campaign %s is not its expert's campaign %s",
						en_uuid_text(campaign_id), en_uuid_text(expert_campaign)),
				 errhint("Leave campaign_id out, or use expert_network.schedule_interview(), which takes it from the expert."),
				 errtablecol(rel, en_column_number(rel, "campaign_id"))));
	if (strcmp(status, "proposed") == 0 || strcmp(status, "rejected") == 0)
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("expert %s is %s", en_uuid_text(expert_id), status),
				 errdetail("Interviews are for experts in reviewed, scheduling, scheduled or completed."),
				 errhint("Review the expert first."),
				 errtablecol(rel, en_column_number(rel, "expert_id"))));
}

/*
 * The id of a workflow row never changes (0.8.0): its status history is
 * keyed by it, and the statement triggers pair a row's old and new versions
 * by it.
 */
static void
CheckIdUnchanged(TriggerData *trigdata)
{
	Relation	rel = trigdata->tg_relation;
	int			attnum = en_column_number(rel, "id");
	bool		isnull;
	Datum		id;

	/* (a NULL: the NOT NULL constraint reports it) */
	if (!en_uuid_column(trigdata, attnum, &id, &isnull) || isnull)
		return;
	id = heap_getattr(trigdata->tg_trigtuple, attnum, RelationGetDescr(rel), &isnull);
	ereport(ERROR,
			(errcode(ERRCODE_INTEGRITY_CONSTRAINT_VIOLATION),
			 errmsg("the id of a row of \"%s\" cannot change", RelationGetRelationName(rel)),
			 errdetail("Row %s is known by its id: its status history is keyed by it.",
					   en_uuid_text(id)),
			 errhint("Insert a row with the new id and delete the old one."),
			 errtablecol(rel, attnum)));
}

/* The stamps of a status step: columns of the new row and their values */
typedef struct Stamps
{
	int			n;
	int			attnums[2];
	Datum		values[2];
} Stamps;

static void
AddStamp(Stamps *stamps, Relation rel, const char *column, Datum value)
{
	Assert(stamps->n < (int) lengthof(stamps->values));
	stamps->attnums[stamps->n] = en_column_number(rel, column);
	stamps->values[stamps->n++] = value;
}

/*
 * An UPDATE: the id stays, and a new status is a step of the graph, which
 * gets the stamps of that step.
 */
static void
CheckStep(TriggerData *trigdata, const char *entity, Stamps *stamps)
{
	Relation	rel = trigdata->tg_relation;
	Datum		stamp = TimestampTzGetDatum(GetCurrentTransactionStartTimestamp());
	char	   *from;
	char	   *to;

	CheckIdUnchanged(trigdata);
	from = TextColumn(rel, trigdata->tg_trigtuple, "status");
	to = TextColumn(rel, trigdata->tg_newtuple, "status");
	if (from == NULL || to == NULL || strcmp(from, to) == 0)
		return;
	en_check_transition(entity, from, to);

	if (strcmp(entity, "expert") == 0 && strcmp(from, "proposed") == 0)
	{
		bool		isnull;

		(void) heap_getattr(trigdata->tg_newtuple, en_column_number(rel, "reviewed_at"),
							RelationGetDescr(rel), &isnull);
		if (isnull)
			AddStamp(stamps, rel, "reviewed_at", stamp);
		AddStamp(stamps, rel, "is_new", BoolGetDatum(false));
	}
	else if (strcmp(entity, "interview") == 0 && strcmp(to, "completed") == 0)
		AddStamp(stamps, rel, "completed_at", stamp);
	else if (strcmp(entity, "interview") == 0 && strcmp(to, "cancelled") == 0)
		AddStamp(stamps, rel, "cancelled_at", stamp);
	else if (strcmp(entity, "enrollment") == 0 && strcmp(to, "enrolled") == 0)
		AddStamp(stamps, rel, "enrolled_at", stamp);
	else if (strcmp(entity, "research_activity") == 0 &&
			 (strcmp(to, "completed") == 0 || strcmp(to, "failed") == 0))
		AddStamp(stamps, rel, "completed_at", stamp);
}

/*
 * The rules of an expert (its campaign open, its vendor enrolled) and of an
 * interview (its campaign open, its expert's campaign, an expert reviewed),
 * on insert and when a reference changes.
 */
static void
CheckCrossEntity(TriggerData *trigdata, const char *entity)
{
	Relation	rel = trigdata->tg_relation;
	bool		is_expert = strcmp(entity, "expert") == 0;
	bool		campaign_null;
	Datum		campaign_id;
	bool		campaign_changed = en_uuid_column(trigdata, en_column_number(rel, "campaign_id"),
												  &campaign_id, &campaign_null);
	bool		other_null;
	Datum		other_id;
	bool		other_changed;

	if (campaign_null)
		return;
	/* the expert's vendor, or the interview's expert */
	other_changed = en_uuid_column(trigdata, en_column_number(rel, is_expert ? "vendor_platform_id" : "expert_id"),
								   &other_id, &other_null) || campaign_changed;

	/* SPI only when a rule has something to check */
	if (!campaign_changed && (other_null || !other_changed))
		return;
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if ((!campaign_changed || CheckCampaignOpen(rel, campaign_id, entity)) &&
		!other_null && other_changed)
	{
		if (is_expert)
			CheckVendorEnrolled(rel, campaign_id, other_id);
		else
			CheckInterviewExpert(rel, campaign_id, other_id);
	}
	SPI_finish();
}

/*
 * Trigger: BEFORE INSERT OR UPDATE FOR EACH ROW on the tables with a status
 * workflow.  UPDATE: the id stays; the status moves only along the graph,
 * with its stamps.
 * INSERT (and a changed reference): the cross-entity rules of experts and
 * interviews, except when restoring.
 */
Datum
expert_network_check_transition(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	const char *entity;
	bool		is_update;
	HeapTuple	newtuple;
	Stamps		stamps = {0};
	bool		nulls[lengthof(stamps.values)] = {false};

	if (!CALLED_AS_TRIGGER(fcinfo) ||
		!TRIGGER_FIRED_BEFORE(trigdata->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) ||
		TRIGGER_FIRED_BY_DELETE(trigdata->tg_event))
		en_report_misfire("check_transition", "BEFORE INSERT OR UPDATE FOR EACH ROW");

	entity = en_workflow_entity(trigdata->tg_relation);
	is_update = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event);
	newtuple = is_update ? trigdata->tg_newtuple : trigdata->tg_trigtuple;

	if (is_update)
		CheckStep(trigdata, entity, &stamps);
	if (!en_restoring() &&
		(strcmp(entity, "expert") == 0 || strcmp(entity, "interview") == 0))
		CheckCrossEntity(trigdata, entity);

	if (stamps.n == 0)
		return PointerGetDatum(newtuple);
	return PointerGetDatum(heap_modify_tuple_by_cols(newtuple, RelationGetDescr(trigdata->tg_relation),
													 stamps.n, stamps.attnums, stamps.values, nulls));
}
