/*
 * workflow_graph.c
 *	  The status state machines as data: each workflow table's statuses and
 *	  the steps between them, the check every status change goes through
 *	  (en_check_transition), and the graphs as SQL sets (allowed_transitions(),
 *	  transition_graph() behind the view workflow_transitions).
 *
 * One definition of each graph, which everything else reads: the trigger
 * (workflow_trigger.c), the interview API (interviews.c), and SQL through
 * the two functions.  Pure data and look-ups: no SPI, no table.
 */
#include "expert_network.h"

#include "funcapi.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"

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

static const Machine *
MachineByEntity(const char *entity)
{
	for (size_t i = 0; i < lengthof(machines); i++)
		if (strcmp(machines[i].entity, entity) == 0)
			return &machines[i];
	return NULL;
}

/*
 * The entity whose workflow a table of the extension's schema has ("expert"
 * for experts); an error for any other table.
 */
const char *
en_workflow_entity(Relation rel)
{
	const char *relname = RelationGetRelationName(rel);

	if (en_in_extension_schema(rel))
		for (size_t i = 0; i < lengthof(machines); i++)
			if (strcmp(machines[i].table, relname) == 0)
				return machines[i].entity;
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
 * Statuses the graph does not know are left to the CHECK constraint.  The
 * error names the table and its status column in the fields a client maps
 * to a form (PG_DIAG_SCHEMA_NAME, _TABLE_NAME, _COLUMN_NAME), as a check
 * constraint's error names its table.
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
			 errhint("None: %s is a final status.", from),
			 err_generic_string(PG_DIAG_SCHEMA_NAME, get_namespace_name(en_extension_schema())),
			 err_generic_string(PG_DIAG_TABLE_NAME, m->table),
			 err_generic_string(PG_DIAG_COLUMN_NAME, "status")));
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
