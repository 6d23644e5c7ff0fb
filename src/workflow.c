/*
 * workflow.c
 *	  Status state machines: the transition graphs, the trigger that enforces
 *	  them with their stamps and cross-entity rules, the status history, the
 *	  interview lifecycle's effects on experts and completed interviews, and
 *	  the graphs as data (allowed_transitions(), workflow_transitions).
 *
 * Every UPDATE of a status goes through check_transition, whatever path the
 * application takes.  INSERT may use any valid status, so that existing data
 * can be imported.  A restore (no identity, a role bypassing row-level
 * security) writes rows as the dump has them: no cross-entity rule, no
 * lifecycle effect, no history row (the dump carries the history).
 */
#include "expert_network.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/executor.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/timestamp.h"
#include "utils/tuplestore.h"
#include "utils/uuid.h"

PG_FUNCTION_INFO_V1(expert_network_check_transition);
PG_FUNCTION_INFO_V1(expert_network_record_transitions);
PG_FUNCTION_INFO_V1(expert_network_protect_history);
PG_FUNCTION_INFO_V1(expert_network_interview_lifecycle);
PG_FUNCTION_INFO_V1(expert_network_allowed_transitions);
PG_FUNCTION_INFO_V1(expert_network_transition_graph);

#define MAX_NEXT 3

typedef struct StateEdges
{
	const char *from;
	const char *to[MAX_NEXT + 1];	/* NULL-terminated */
} StateEdges;

typedef struct Machine
{
	const char *entity;			/* as the API and the history name it */
	const char *table;			/* in schema expert_network */
	const StateEdges *states;	/* every state, in workflow order */
	int			nstates;
} Machine;

static const StateEdges campaign_states[] = {
	{"draft", {"active", "archived"}},
	{"active", {"paused", "completed"}},
	{"paused", {"active", "completed"}},
	{"completed", {"active", "archived"}},
	{"archived", {NULL}},
};

static const StateEdges expert_states[] = {
	{"proposed", {"reviewed", "rejected"}},
	{"reviewed", {"scheduling", "scheduled", "rejected"}},
	{"scheduling", {"scheduled", "rejected"}},
	{"scheduled", {"completed", "scheduling"}},
	{"rejected", {"reviewed"}},
	{"completed", {NULL}},
};

static const StateEdges interview_states[] = {
	{"pending", {"scheduled", "confirmed", "cancelled"}},
	{"scheduled", {"confirmed", "completed", "cancelled"}},
	{"confirmed", {"completed", "cancelled"}},
	{"completed", {NULL}},
	{"cancelled", {NULL}},
};

static const StateEdges enrollment_states[] = {
	{"not_enrolled", {"pending"}},
	{"pending", {"enrolled", "not_enrolled"}},
	{"enrolled", {"not_enrolled"}},
};

static const StateEdges research_activity_states[] = {
	{"queued", {"processing", "failed"}},
	{"processing", {"completed", "failed"}},
	{"failed", {"queued"}},
	{"completed", {NULL}},
};

static const StateEdges research_source_states[] = {
	{"processing", {"scraped", "failed"}},
	{"failed", {"processing"}},
	{"scraped", {NULL}},
};

static const Machine machines[] = {
	{"campaign", "campaigns", campaign_states, lengthof(campaign_states)},
	{"expert", "experts", expert_states, lengthof(expert_states)},
	{"interview", "interviews", interview_states, lengthof(interview_states)},
	{"enrollment", "campaign_vendor_enrollments", enrollment_states, lengthof(enrollment_states)},
	{"research_activity", "research_activities", research_activity_states, lengthof(research_activity_states)},
	{"research_source", "research_sources", research_source_states, lengthof(research_source_states)},
};

#define LIVE_INTERVIEW "ARRAY['pending', 'scheduled', 'confirmed']::pg_catalog.text[]"

static const Machine *
MachineByEntity(const char *entity)
{
	for (size_t i = 0; i < lengthof(machines); i++)
		if (strcmp(machines[i].entity, entity) == 0)
			return &machines[i];
	return NULL;
}

/* the kept plan of the history INSERT, and the row type of what it reads */
static SPIPlanPtr history_plan;
static TupleDesc changes_desc;

/* > 0 while record_transitions writes the history */
static int	history_writes = 0;

/* > 0 while the interview lifecycle runs its steps */
static int	lifecycle_writes = 0;

bool
en_writing_lifecycle(void)
{
	return lifecycle_writes > 0;
}

bool
en_writing_history(void)
{
	return history_writes > 0;
}

static const Machine *
MachineByTable(Relation rel)
{
	const char *relname = RelationGetRelationName(rel);

	if (en_in_extension_schema(rel))
		for (size_t i = 0; i < lengthof(machines); i++)
			if (strcmp(machines[i].table, relname) == 0)
				return &machines[i];
	ereport(ERROR,
			(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
			 errmsg("table \"%s\" has no status workflow", relname)));
	return NULL;				/* keep compiler quiet */
}

static const StateEdges *
FindState(const Machine *m, const char *status)
{
	for (int i = 0; i < m->nstates; i++)
		if (strcmp(m->states[i].from, status) == 0)
			return &m->states[i];
	return NULL;
}

/* "reviewed, rejected", or NULL for a final state */
static char *
NextStates(const StateEdges *state)
{
	StringInfoData buf;

	if (state->to[0] == NULL)
		return NULL;
	initStringInfo(&buf);
	for (int i = 0; state->to[i] != NULL; i++)
		appendStringInfo(&buf, "%s%s", i > 0 ? ", " : "", state->to[i]);
	return buf.data;
}

/*
 * Refuse a move from one status to another that the graph does not have.
 * Statuses the graph does not know are left to the CHECK constraint.
 */
void
en_check_transition(const char *entity, const char *from, const char *to)
{
	const Machine *m = MachineByEntity(entity);
	const StateEdges *state;
	char	   *next;

	if (m == NULL)
		elog(ERROR, "unknown workflow entity \"%s\"", entity);
	state = FindState(m, from);
	if (state == NULL || FindState(m, to) == NULL)
		return;					/* the CHECK constraint reports it */
	for (int i = 0; state->to[i] != NULL; i++)
		if (strcmp(state->to[i], to) == 0)
			return;

	next = NextStates(state);
	ereport(ERROR,
			(errcode(ERRCODE_CHECK_VIOLATION),
			 errmsg("invalid %s status transition from \"%s\" to \"%s\"", entity, from, to),
			 strcmp(from, to) == 0 ?
			 errdetail("The %s is already %s.", entity, from) :
			 errdetail("The %s workflow has no step from %s to %s.", entity, from, to),
			 next ? errhint("Allowed next states: %s.", next) :
			 errhint("None: %s is a final status.", from)));
}

static char *
TextColumn(Relation rel, HeapTuple tuple, const char *column)
{
	bool		isnull;
	Datum		d = heap_getattr(tuple, en_column_number(rel, column), RelationGetDescr(rel), &isnull);

	return isnull ? NULL : TextDatumGetCString(d);
}

static bool
UuidColumnChanged(TriggerData *trigdata, const char *column)
{
	Relation	rel = trigdata->tg_relation;
	TupleDesc	tupdesc = RelationGetDescr(rel);
	int			attnum = en_column_number(rel, column);
	bool		oldnull,
				newnull;
	Datum		oldval = heap_getattr(trigdata->tg_trigtuple, attnum, tupdesc, &oldnull);
	Datum		newval = heap_getattr(trigdata->tg_newtuple, attnum, tupdesc, &newnull);

	if (oldnull || newnull)
		return oldnull != newnull;
	return !DatumGetBool(DirectFunctionCall2(uuid_eq, oldval, newval));
}

static char *
UuidText(Datum id)
{
	return DatumGetCString(DirectFunctionCall1(uuid_out, id));
}

static bool
TextDatumsEqual(Datum a, Datum b)
{
	text	   *ta = DatumGetTextPP(a);
	text	   *tb = DatumGetTextPP(b);

	return VARSIZE_ANY_EXHDR(ta) == VARSIZE_ANY_EXHDR(tb) &&
		memcmp(VARDATA_ANY(ta), VARDATA_ANY(tb), VARSIZE_ANY_EXHDR(ta)) == 0;
}

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
CheckCampaignOpen(Datum campaign_id, const char *what)
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
				 errmsg("campaign %s is archived", UuidText(campaign_id)),
				 errdetail("No %s can be added to an archived campaign.", what),
				 errhint("Archived is a final status; start a new campaign.")));
	return true;
}

/* An expert comes from a vendor enrolled in the expert's campaign */
static void
CheckVendorEnrolled(Datum campaign_id, Datum vendor_id)
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
				 errmsg("vendor \"%s\" is not enrolled in campaign %s", vendor, UuidText(campaign_id)),
				 status ? errdetail("Its enrollment is %s; experts come only from enrolled vendors.", status) :
				 errdetail("It has no enrollment in the campaign; experts come only from enrolled vendors."),
				 errhint("Enroll the vendor in the campaign first.")));
}

/*
 * An interview belongs to its expert's campaign, and is only for an expert
 * who was reviewed and not rejected: reviewed, scheduling, scheduled, or
 * completed (a follow-up call).
 */
static void
CheckInterviewExpert(Datum campaign_id, Datum expert_id)
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
						UuidText(campaign_id), UuidText(expert_campaign)),
				 errhint("Leave campaign_id out, or use expert_network.schedule_interview(), which takes it from the expert.")));
	if (strcmp(status, "proposed") == 0 || strcmp(status, "rejected") == 0)
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("expert %s is %s", UuidText(expert_id), status),
				 errdetail("Interviews are for experts in reviewed, scheduling, scheduled or completed."),
				 errhint("Review the expert first.")));
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
	bool		old_null,
				new_null;
	Datum		old_id = heap_getattr(trigdata->tg_trigtuple, attnum, RelationGetDescr(rel), &old_null);
	Datum		new_id = heap_getattr(trigdata->tg_newtuple, attnum, RelationGetDescr(rel), &new_null);

	if (old_null || new_null ||
		memcmp(DatumGetUUIDP(old_id), DatumGetUUIDP(new_id), UUID_LEN) == 0)
		return;
	ereport(ERROR,
			(errcode(ERRCODE_INTEGRITY_CONSTRAINT_VIOLATION),
			 errmsg("the id of a row of \"%s\" cannot change", RelationGetRelationName(rel)),
			 errdetail("Row %s is known by its id: its status history is keyed by it.",
					   UuidText(old_id)),
			 errhint("Insert a row with the new id and delete the old one."),
			 errtablecol(rel, attnum)));
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
	Relation	rel;
	TupleDesc	tupdesc;
	const Machine *m;
	HeapTuple	newtuple;
	bool		is_update;
	int			attnums[3];
	Datum		values[3];
	bool		nulls[3] = {false, false, false};
	int			nchanged = 0;

	if (!CALLED_AS_TRIGGER(fcinfo) ||
		!TRIGGER_FIRED_BEFORE(trigdata->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) ||
		TRIGGER_FIRED_BY_DELETE(trigdata->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function check_transition must be fired BEFORE INSERT OR UPDATE FOR EACH ROW")));

	rel = trigdata->tg_relation;
	tupdesc = RelationGetDescr(rel);
	m = MachineByTable(rel);
	is_update = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event);
	newtuple = is_update ? trigdata->tg_newtuple : trigdata->tg_trigtuple;

	if (is_update)
	{
		char	   *from;
		char	   *to;

		CheckIdUnchanged(trigdata);
		from = TextColumn(rel, trigdata->tg_trigtuple, "status");
		to = TextColumn(rel, newtuple, "status");
		if (from && to && strcmp(from, to) != 0)
		{
			Datum		stamp = TimestampTzGetDatum(GetCurrentTransactionStartTimestamp());
			bool		isnull;

			en_check_transition(m->entity, from, to);

			/* stamps of the step */
			if (strcmp(m->entity, "expert") == 0 && strcmp(from, "proposed") == 0)
			{
				(void) heap_getattr(newtuple, en_column_number(rel, "reviewed_at"), tupdesc, &isnull);
				if (isnull)
				{
					attnums[nchanged] = en_column_number(rel, "reviewed_at");
					values[nchanged++] = stamp;
				}
				attnums[nchanged] = en_column_number(rel, "is_new");
				values[nchanged++] = BoolGetDatum(false);
			}
			else if (strcmp(m->entity, "interview") == 0 &&
					 (strcmp(to, "completed") == 0 || strcmp(to, "cancelled") == 0))
			{
				attnums[nchanged] = en_column_number(rel, strcmp(to, "completed") == 0 ?
												"completed_at" : "cancelled_at");
				values[nchanged++] = stamp;
			}
			else if (strcmp(m->entity, "enrollment") == 0 && strcmp(to, "enrolled") == 0)
			{
				attnums[nchanged] = en_column_number(rel, "enrolled_at");
				values[nchanged++] = stamp;
			}
			else if (strcmp(m->entity, "research_activity") == 0 &&
					 (strcmp(to, "completed") == 0 || strcmp(to, "failed") == 0))
			{
				attnums[nchanged] = en_column_number(rel, "completed_at");
				values[nchanged++] = stamp;
			}
		}
	}

	/* cross-entity rules, on insert and when a reference changes */
	if (!en_restoring() &&
		(strcmp(m->entity, "expert") == 0 || strcmp(m->entity, "interview") == 0))
	{
		bool		isnull;
		Datum		campaign_id = heap_getattr(newtuple, en_column_number(rel, "campaign_id"), tupdesc, &isnull);
		bool		campaign_changed = !is_update || UuidColumnChanged(trigdata, "campaign_id");

		if (!isnull)
		{
			bool		other_changed;
			Datum		other_id;
			bool		other_null;

			/* the expert's vendor, or the interview's expert */
			other_id = SPI_getbinval(newtuple, tupdesc,
									 en_column_number(rel, strcmp(m->entity, "expert") == 0 ?
												 "vendor_platform_id" : "expert_id"),
									 &other_null);
			other_changed = campaign_changed ||
				UuidColumnChanged(trigdata, strcmp(m->entity, "expert") == 0 ?
								  "vendor_platform_id" : "expert_id");

			/* SPI only when a rule has something to check */
			if (campaign_changed || (!other_null && other_changed))
			{
				if (SPI_connect() != SPI_OK_CONNECT)
					elog(ERROR, "SPI_connect failed");
				if ((!campaign_changed ||
					 CheckCampaignOpen(campaign_id, strcmp(m->entity, "expert") == 0 ? "expert" : "interview")) &&
					!other_null && other_changed)
				{
					if (strcmp(m->entity, "expert") == 0)
						CheckVendorEnrolled(campaign_id, other_id);
					else
						CheckInterviewExpert(campaign_id, other_id);
				}
				SPI_finish();
			}
		}
	}

	if (nchanged == 0)
		return PointerGetDatum(newtuple);
	return PointerGetDatum(heap_modify_tuple_by_cols(newtuple, tupdesc, nchanged, attnums,
													 values, nulls));
}

/*
 * A statement's rows from its transition tables: every row of en_new, and
 * for an UPDATE the same row's old version from en_old beside it.
 *
 * PostgreSQL adds each updated row's old and new versions to en_old and
 * en_new together, so the two tables are read side by side, without a join.
 * Each pair is checked to be one row (same id): a pair that is not is an
 * internal error, never a wrong result.  The tables are read through read
 * pointers of our own, since other statement triggers of the same event read
 * the same tuplestores.
 */
typedef struct RowPairs
{
	Relation	rel;
	Tuplestorestate *newts;
	Tuplestorestate *oldts;		/* NULL for an INSERT */
	TupleTableSlot *new;		/* the current row */
	TupleTableSlot *old;		/* its old version, for an UPDATE */
	int			id_att;
} RowPairs;

static void
RowPairsBegin(RowPairs *pairs, TriggerData *trigdata, bool is_update)
{
	TupleDesc	desc = RelationGetDescr(trigdata->tg_relation);

	pairs->rel = trigdata->tg_relation;
	pairs->newts = trigdata->tg_newtable;
	pairs->oldts = is_update ? trigdata->tg_oldtable : NULL;
	pairs->new = MakeSingleTupleTableSlot(desc, &TTSOpsMinimalTuple);
	pairs->old = is_update ? MakeSingleTupleTableSlot(desc, &TTSOpsMinimalTuple) : NULL;
	pairs->id_att = en_column_number(pairs->rel, "id");
	en_transition_rewind(pairs->newts);
	if (pairs->oldts)
		en_transition_rewind(pairs->oldts);
}

/* The next row (and its old version); false after the last */
static bool
RowPairsNext(RowPairs *pairs)
{
	const char *relname = RelationGetRelationName(pairs->rel);
	bool		oldid_null,
				newid_null;
	Datum		oldid,
				newid;

	if (!tuplestore_gettupleslot(pairs->newts, true, false, pairs->new))
	{
		if (pairs->oldts && tuplestore_gettupleslot(pairs->oldts, true, false, pairs->old))
			elog(ERROR, "transition table en_old of \"%s\" has more rows than en_new", relname);
		return false;
	}
	if (pairs->oldts == NULL)
		return true;
	if (!tuplestore_gettupleslot(pairs->oldts, true, false, pairs->old))
		elog(ERROR, "transition table en_old of \"%s\" has fewer rows than en_new", relname);
	oldid = slot_getattr(pairs->old, pairs->id_att, &oldid_null);
	newid = slot_getattr(pairs->new, pairs->id_att, &newid_null);
	if (oldid_null || newid_null ||
		memcmp(DatumGetUUIDP(oldid), DatumGetUUIDP(newid), UUID_LEN) != 0)
		elog(ERROR, "transition tables en_old and en_new of \"%s\" are not in step", relname);
	return true;
}

static void
RowPairsEnd(RowPairs *pairs)
{
	en_transition_done(pairs->newts);
	ExecDropSingleTupleTableSlot(pairs->new);
	if (pairs->oldts)
	{
		en_transition_done(pairs->oldts);
		ExecDropSingleTupleTableSlot(pairs->old);
	}
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

	RowPairsBegin(&pairs, trigdata, is_update);
	while (RowPairsNext(&pairs))
	{
		Datum		values[4];
		bool		nulls[4];

		values[3] = slot_getattr(pairs.new, status_att, &nulls[3]);
		if (is_update)
		{
			MemoryContext caller;
			bool		same;

			values[2] = slot_getattr(pairs.old, status_att, &nulls[2]);
			if (nulls[2] || nulls[3])
				continue;
			/* a status stored out of line is detoasted in rowcxt, for this row */
			caller = MemoryContextSwitchTo(rowcxt);
			same = TextDatumsEqual(values[2], values[3]);
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
	RowPairsEnd(&pairs);
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
	const Machine *m;
	bool		is_update;
	Tuplestorestate *changes;
	EphemeralNamedRelation enr;
	Oid			save_userid = InvalidOid;
	int			save_sec_context = 0;
	bool		legacy;
	Datum		args[1];

	if (!CALLED_AS_TRIGGER(fcinfo) ||
		!TRIGGER_FIRED_AFTER(trigdata->tg_event) ||
		TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) ||
		!(TRIGGER_FIRED_BY_INSERT(trigdata->tg_event) || TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event)) ||
		trigdata->tg_newtable == NULL ||
		(TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) && trigdata->tg_oldtable == NULL))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function record_transitions must be fired AFTER INSERT or AFTER UPDATE FOR EACH STATEMENT with transition tables en_new and en_old")));

	if (en_restoring())
		return PointerGetDatum(NULL);	/* the dump carries the history */
	/* the extension's own writes of derived columns change no status */
	if (en_writing_derived() || tuplestore_tuple_count(trigdata->tg_newtable) == 0)
		return PointerGetDatum(NULL);

	m = MachineByTable(trigdata->tg_relation);
	is_update = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event);
	changes = CollectChanges(trigdata, is_update);
	if (tuplestore_tuple_count(changes) == 0)
	{
		tuplestore_end(changes);
		return PointerGetDatum(NULL);	/* no status changed */
	}
	args[0] = CStringGetTextDatum(m->entity);

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
	legacy = en_legacy_schema();
	if (legacy)
		en_become_table_owner("status_history", &save_userid, &save_sec_context);
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
	if (legacy)
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
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo) ||
		!TRIGGER_FIRED_BEFORE(trigdata->tg_event) ||
		TRIGGER_FIRED_FOR_ROW(trigdata->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function protect_history must be fired BEFORE, FOR EACH STATEMENT")));

	if (en_writing_history() || en_restoring() || superuser() ||
		(en_erasing() && TRIGGER_FIRED_BY_DELETE(trigdata->tg_event)))
		return PointerGetDatum(NULL);

	ereport(ERROR,
			(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
			 errmsg("status_history is written by expert_network only"),
			 errdetail("Every status change of the workflow tables records itself; the history is never edited."),
			 errhint("Change the row's status instead; expert_network.delete_user_data() erases a user's history.")));
	return PointerGetDatum(NULL);	/* keep compiler quiet */
}

/*
 * The interview lifecycle's steps.
 *
 * One pass over the statement's transition tables (LifecycleSets) collects
 * the experts each step concerns, as arrays; each step is then one query on
 * experts by primary key, id = ANY($1), whose plan is an index probe per
 * expert however many rows the statement has and whatever the statistics
 * say.  (Joined with the transition tables, a plan made for a one-row
 * statement and kept would loop over every row of a large one for each
 * expert: quadratic.)  Only the completed-interview records are read from
 * en_new, in one scan.
 *
 * "Changed" rows are those whose status is new: all of an INSERT's, the
 * UPDATE's rows whose status changed.  An UPDATE may also hand a live
 * interview to another expert: the new expert gains a live interview, the
 * old one loses it.
 */
typedef enum ExpertSet
{
	SET_NONE = -1,
	SET_CONCERNED,				/* every expert below: locked first */
	SET_GAINING,				/* gain a live interview */
	SET_COMPLETING,				/* have an interview newly completed */
	SET_LOSING,					/* lose one: cancelled, deleted, handed over */
	NUM_SETS
} ExpertSet;

typedef struct LifecycleSets
{
	pg_uuid_t  *ids[NUM_SETS];
	int			n[NUM_SETS];
	int			cap[NUM_SETS];
	bool		completed;		/* rows newly completed: their records */
} LifecycleSets;

/*
 * First, the experts concerned are locked, in id order (so that two
 * statements lock them in the same order), before anything about them is
 * read: each later step is a new query, with a snapshot taken after the
 * lock, so it sees what a concurrent lifecycle step did to the expert.
 * Without it, a rejection committed between the check of a new interview's
 * expert (BEFORE row) and this trigger, or another session cancelling the
 * expert's last other interview, would leave a live interview with a
 * rejected or a "scheduling" expert.
 */
#define LOCK_EXPERTS \
	"SELECT e.id FROM expert_network.experts AS e" \
	" WHERE e.id OPERATOR(pg_catalog.=) ANY ($1)" \
	" ORDER BY e.id FOR NO KEY UPDATE OF e"

/*
 * Each completed interview of the statement gets its record; one that has
 * it already (an UPDATE of an interview completed before) keeps it.
 */
#define RECORD_COMPLETED \
	"INSERT INTO expert_network.completed_interviews" \
	" (interview_id, campaign_id, expert_id, interview_date, interview_time, duration, completed_at)" \
	" SELECT c.id, c.campaign_id, c.expert_id, c.scheduled_date," \
	"        pg_catalog.substr(c.scheduled_time::pg_catalog.text, 1, 5) OPERATOR(pg_catalog.||) ' ' OPERATOR(pg_catalog.||) c.timezone," \
	"        c.duration_minutes::pg_catalog.text OPERATOR(pg_catalog.||) ' min'," \
	"        COALESCE(c.completed_at, pg_catalog.now())" \
	"   FROM en_new AS c WHERE c.status OPERATOR(pg_catalog.=) 'completed'" \
	" ON CONFLICT (interview_id) DO NOTHING"
#define SCHEDULE_EXPERTS \
	"UPDATE expert_network.experts SET status = 'scheduled'" \
	" WHERE id OPERATOR(pg_catalog.=) ANY ($1)" \
	"   AND status OPERATOR(pg_catalog.=) ANY (ARRAY['reviewed', 'scheduling']::pg_catalog.text[])"
/*
 * After that, every expert with a new live interview is scheduled, or
 * completed (a follow-up call).  Anything else was changed by a concurrent
 * transaction after the BEFORE row check: refuse, as that check would have.
 */
#define UNSCHEDULED_EXPERT \
	"SELECT e.id, e.status FROM expert_network.experts AS e" \
	" WHERE e.id OPERATOR(pg_catalog.=) ANY ($1)" \
	"   AND e.status OPERATOR(pg_catalog.<>) ALL (ARRAY['scheduled', 'completed']::pg_catalog.text[])" \
	" ORDER BY e.id LIMIT 1"
#define COMPLETE_EXPERTS \
	"UPDATE expert_network.experts SET status = 'completed'" \
	" WHERE id OPERATOR(pg_catalog.=) ANY ($1)" \
	"   AND status OPERATOR(pg_catalog.=) 'scheduled'"
#define RESCHEDULE_EXPERTS \
	"UPDATE expert_network.experts AS e SET status = 'scheduling'" \
	" WHERE e.id OPERATOR(pg_catalog.=) ANY ($1)" \
	"   AND e.status OPERATOR(pg_catalog.=) 'scheduled'" \
	"   AND NOT EXISTS (SELECT FROM expert_network.interviews AS i" \
	"                    WHERE i.expert_id OPERATOR(pg_catalog.=) e.id" \
	"                      AND i.status OPERATOR(pg_catalog.=) ANY (" LIVE_INTERVIEW "))"

typedef enum StepKind
{
	STEP_LOCK,					/* a SELECT ... FOR NO KEY UPDATE */
	STEP_WRITE,					/* an INSERT or an UPDATE */
	STEP_CHECK					/* a SELECT whose one row is an error */
} StepKind;

/* the statements the lifecycle follows */
typedef enum LifecycleEvent
{
	EVENT_INSERT,
	EVENT_UPDATE,
	EVENT_DELETE
} LifecycleEvent;

typedef struct LifecycleStep
{
	StepKind	kind;
	ExpertSet	set;			/* its $1; runs when that set has experts */
	const char *query;

	/*
	 * Read what other transactions committed, also under REPEATABLE READ:
	 * whether an expert still has a live interview.  The interview that
	 * another transaction scheduled for it meanwhile (the call counters made
	 * this statement wait for it) is not in this transaction's snapshot; the
	 * expert's row, locked first, is (or that lock failed with 40001).
	 */
	bool		latest;
} LifecycleStep;

/* the steps, in order; each runs when the statement's rows call for it */
static const LifecycleStep lifecycle_steps[] = {
	{STEP_LOCK, SET_CONCERNED, LOCK_EXPERTS, false},
	{STEP_WRITE, SET_NONE, RECORD_COMPLETED, false},
	{STEP_WRITE, SET_GAINING, SCHEDULE_EXPERTS, false},
	{STEP_CHECK, SET_GAINING, UNSCHEDULED_EXPERT, false},
	{STEP_WRITE, SET_COMPLETING, COMPLETE_EXPERTS, false},
	{STEP_WRITE, SET_LOSING, RESCHEDULE_EXPERTS, true},
};
static TransitionPlan lifecycle_plans[lengthof(lifecycle_steps)];

static bool
IsLive(Datum status)
{
	return en_text_is(status, "pending") || en_text_is(status, "scheduled") ||
		en_text_is(status, "confirmed");
}

/* Add an expert to a set (and to the experts concerned) */
static void
AddExpert(LifecycleSets *sets, ExpertSet set, Datum expert, bool isnull)
{
	const ExpertSet targets[2] = {set, SET_CONCERNED};

	if (isnull)
		return;
	for (int t = 0; t < 2; t++)
	{
		ExpertSet	s = targets[t];

		if (sets->n[s] == sets->cap[s])
		{
			sets->cap[s] = sets->cap[s] == 0 ? 16 : sets->cap[s] * 2;
			sets->ids[s] = sets->ids[s] == NULL ?
				palloc(sizeof(pg_uuid_t) * sets->cap[s]) :
				repalloc(sets->ids[s], sizeof(pg_uuid_t) * sets->cap[s]);
		}
		sets->ids[s][sets->n[s]++] = *DatumGetUUIDP(expert);
	}
}

/* A DELETE: the experts of the deleted live interviews lose one */
static void
DeleteSets(Relation rel, Tuplestorestate *old, LifecycleSets *sets)
{
	TupleTableSlot *slot = MakeSingleTupleTableSlot(RelationGetDescr(rel), &TTSOpsMinimalTuple);
	int			status_att = en_column_number(rel, "status");
	int			expert_att = en_column_number(rel, "expert_id");

	en_transition_rewind(old);
	while (tuplestore_gettupleslot(old, true, false, slot))
	{
		bool		isnull,
					expert_null;
		Datum		status = slot_getattr(slot, status_att, &isnull);
		Datum		expert = slot_getattr(slot, expert_att, &expert_null);

		if (!isnull && IsLive(status))
			AddExpert(sets, SET_LOSING, expert, expert_null);
	}
	en_transition_done(old);
	ExecDropSingleTupleTableSlot(slot);
}

/*
 * The experts each step concerns, read from the transition tables in one
 * pass (empty sets: nothing to do; a single new pending interview, the
 * common write, needs no record and no completion).
 */
static void
LifecycleSetsOf(TriggerData *trigdata, LifecycleEvent event, LifecycleSets *sets)
{
	Relation	rel = trigdata->tg_relation;
	int			status_att = en_column_number(rel, "status");
	int			expert_att = en_column_number(rel, "expert_id");
	bool		is_update = event == EVENT_UPDATE;
	RowPairs	pairs;

	memset(sets, 0, sizeof(*sets));
	if (event == EVENT_DELETE)
	{
		DeleteSets(rel, trigdata->tg_oldtable, sets);
		return;
	}

	RowPairsBegin(&pairs, trigdata, is_update);
	while (RowPairsNext(&pairs))
	{
		bool		new_null,
					old_null,
					nexp_null,
					oexp_null;
		Datum		new_status = slot_getattr(pairs.new, status_att, &new_null);
		Datum		nexp = slot_getattr(pairs.new, expert_att, &nexp_null);
		Datum		old_status,
					oexp;
		bool		changed,
					expert_changed;

		if (!is_update)
		{
			if (!new_null && en_text_is(new_status, "completed"))
			{
				sets->completed = true;
				AddExpert(sets, SET_COMPLETING, nexp, nexp_null);
			}
			else if (!new_null && IsLive(new_status))
				AddExpert(sets, SET_GAINING, nexp, nexp_null);
			continue;
		}
		old_status = slot_getattr(pairs.old, status_att, &old_null);
		changed = !new_null && !old_null && !TextDatumsEqual(old_status, new_status);
		oexp = slot_getattr(pairs.old, expert_att, &oexp_null);
		expert_changed = !nexp_null && !oexp_null &&
			memcmp(DatumGetUUIDP(nexp), DatumGetUUIDP(oexp), UUID_LEN) != 0;

		if (changed && en_text_is(new_status, "completed"))
		{
			sets->completed = true;
			AddExpert(sets, SET_COMPLETING, nexp, nexp_null);
		}
		if (expert_changed && !new_null && IsLive(new_status))
			AddExpert(sets, SET_GAINING, nexp, nexp_null);
		if (!old_null && IsLive(old_status) &&
			(expert_changed || (!new_null && en_text_is(new_status, "cancelled"))))
			AddExpert(sets, SET_LOSING, oexp, oexp_null);
	}
	RowPairsEnd(&pairs);
}

/* A set as a uuid[] */
static Datum
SetArray(const LifecycleSets *sets, ExpertSet set)
{
	Datum	   *elems = palloc(sizeof(Datum) * sets->n[set]);

	for (int i = 0; i < sets->n[set]; i++)
		elems[i] = UUIDPGetDatum(&sets->ids[set][i]);
	return PointerGetDatum(construct_array(elems, sets->n[set], UUIDOID, UUID_LEN,
										   false, TYPALIGN_CHAR));
}

static void RunLifecycleSteps(TriggerData *trigdata, const LifecycleSets *sets);

/* The steps, with en_writing_lifecycle() true while they run */
static void
RunLifecycle(TriggerData *trigdata, const LifecycleSets *sets)
{
	lifecycle_writes++;
	PG_TRY();
	{
		RunLifecycleSteps(trigdata, sets);
	}
	PG_FINALLY();
	{
		lifecycle_writes--;
	}
	PG_END_TRY();
}

/* The lifecycle's steps that the statement's rows call for, in order */
static void
RunLifecycleSteps(TriggerData *trigdata, const LifecycleSets *sets)
{
	Oid			argtypes[1] = {UUIDARRAYOID};

	for (size_t i = 0; i < lengthof(lifecycle_steps); i++)
	{
		const LifecycleStep *step = &lifecycle_steps[i];
		SPIPlanPtr	plan;
		Datum		args[1];
		int			nargs = step->set == SET_NONE ? 0 : 1;
		int			rc;

		if (step->set == SET_NONE ? !sets->completed : sets->n[step->set] == 0)
			continue;
		if (nargs > 0)
			args[0] = SetArray(sets, step->set);
		plan = en_transition_plan(&lifecycle_plans[i], trigdata->tg_relation,
								  step->query, nargs, argtypes);
		if (step->latest && IsolationUsesXactSnapshot())
			rc = SPI_execute_snapshot(plan, args, NULL, GetLatestSnapshot(),
									  GetTransactionSnapshot(), false, false, 0);
		else
			rc = SPI_execute_plan(plan, args, NULL, false, 0);
		switch (step->kind)
		{
			case STEP_LOCK:
				if (rc != SPI_OK_SELECT)
					elog(ERROR, "locking the interviews' experts failed: %s", SPI_result_code_string(rc));
				break;
			case STEP_WRITE:
				if (rc != SPI_OK_INSERT && rc != SPI_OK_UPDATE)
					elog(ERROR, "interview lifecycle step failed: %s", SPI_result_code_string(rc));
				break;
			case STEP_CHECK:
				if (rc != SPI_OK_SELECT)
					elog(ERROR, "interview lifecycle check failed: %s", SPI_result_code_string(rc));
				if (SPI_processed > 0)
				{
					bool		isnull;
					Datum		expert = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
					char	   *status = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2);

					ereport(ERROR,
							(errcode(ERRCODE_CHECK_VIOLATION),
							 errmsg("expert %s is %s", UuidText(expert), status),
							 errdetail("Interviews are for experts in reviewed, scheduling, scheduled or completed; the expert's status changed while the interview was being written."),
							 errhint("Review the expert again, then schedule the interview.")));
				}
				break;
		}
	}
}

/*
 * Trigger: AFTER INSERT or AFTER UPDATE FOR EACH STATEMENT on interviews,
 * with transition tables: what an interview's progress does to the rest.
 *	 - each newly completed interview gets its completed_interviews row
 *	   (exactly one: the interview id is unique there);
 *	 - a new live interview (or one handed to another expert) moves a
 *	   reviewed or scheduling expert to scheduled;
 *	 - a completed interview moves a scheduled expert to completed;
 *	 - cancelling an expert's last live interview, deleting it (directly or
 *	   by cascade) or handing it to another expert moves a scheduled expert
 *	   back to scheduling.
 * The experts' own triggers check and record those steps.  Runs as the
 * caller: these are the caller's rows.  Erasing a user's data
 * (delete_user_data) deletes the experts too: nothing to move then.
 */
Datum
expert_network_interview_lifecycle(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	LifecycleEvent event;
	Tuplestorestate *rows;
	LifecycleSets sets;

	if (!CALLED_AS_TRIGGER(fcinfo) ||
		!TRIGGER_FIRED_AFTER(trigdata->tg_event) ||
		TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) ||
		TRIGGER_FIRED_BY_TRUNCATE(trigdata->tg_event) ||
		(!TRIGGER_FIRED_BY_DELETE(trigdata->tg_event) && trigdata->tg_newtable == NULL) ||
		(!TRIGGER_FIRED_BY_INSERT(trigdata->tg_event) && trigdata->tg_oldtable == NULL))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function interview_lifecycle must be fired AFTER INSERT, UPDATE or DELETE FOR EACH STATEMENT with transition tables en_new and en_old")));

	if (en_restoring())
		return PointerGetDatum(NULL);

	if (TRIGGER_FIRED_BY_INSERT(trigdata->tg_event))
		event = EVENT_INSERT, rows = trigdata->tg_newtable;
	else if (TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event))
		event = EVENT_UPDATE, rows = trigdata->tg_newtable;
	else
		event = EVENT_DELETE, rows = trigdata->tg_oldtable;
	if (tuplestore_tuple_count(rows) == 0 || (event == EVENT_DELETE && en_erasing()))
		return PointerGetDatum(NULL);
	LifecycleSetsOf(trigdata, event, &sets);
	if (sets.n[SET_CONCERNED] == 0 && !sets.completed)
		return PointerGetDatum(NULL);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_register_trigger_data(trigdata) != SPI_OK_TD_REGISTER)
		elog(ERROR, "SPI_register_trigger_data failed");

	RunLifecycle(trigdata, &sets);

	SPI_finish();
	return PointerGetDatum(NULL);
}

/*
 * allowed_transitions(entity, from_status): the statuses one step away, in
 * workflow order (none from a final status).
 */
Datum
expert_network_allowed_transitions(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	char	   *entity = text_to_cstring(PG_GETARG_TEXT_PP(0));
	char	   *from = text_to_cstring(PG_GETARG_TEXT_PP(1));
	const Machine *m = MachineByEntity(entity);
	const StateEdges *state;

	if (m == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown workflow entity \"%s\"", en_shorten(entity)),
				 errhint("Entities are campaign, expert, interview, enrollment, research_activity and research_source.")));
	state = FindState(m, from);
	if (state == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown %s status \"%s\"", entity, en_shorten(from))));

	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	for (int i = 0; state->to[i] != NULL; i++)
	{
		Datum		value = CStringGetTextDatum(state->to[i]);
		bool		isnull = false;

		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, &value, &isnull);
	}
	return (Datum) 0;
}

/*
 * transition_graph(): every edge of every workflow (entity, from_status,
 * to_status); the view workflow_transitions shows it.
 */
Datum
expert_network_transition_graph(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (size_t i = 0; i < lengthof(machines); i++)
		for (int s = 0; s < machines[i].nstates; s++)
			for (int t = 0; machines[i].states[s].to[t] != NULL; t++)
			{
				Datum		values[3];
				bool		nulls[3] = {false, false, false};

				values[0] = CStringGetTextDatum(machines[i].entity);
				values[1] = CStringGetTextDatum(machines[i].states[s].from);
				values[2] = CStringGetTextDatum(machines[i].states[s].to[t]);
				tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
			}
	return (Datum) 0;
}
