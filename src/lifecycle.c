/*
 * lifecycle.c
 *	  The interview lifecycle: interview_lifecycle, the statement trigger on
 *	  interviews whose steps move the interviews' experts along with them and
 *	  write each completed interview's record.
 *
 * Each rule has one owner:
 *	 - which interviews are live (EN_LIVE_INTERVIEW_STATUSES, which the
 *	   call counters share), completed or cancelled: the status macros,
 *	   spelt once, which the C compares and the SQL steps splice in;
 *	 - which experts an interview row's change concerns, and how (gains a
 *	   live interview, completes one, loses one): C, in ClassifyRow alone,
 *	   for INSERT, UPDATE and DELETE alike, from the transition tables;
 *	 - which of those experts move, and where to: the SQL steps, from the
 *	   expert's own status read under the lock (reviewed or scheduling to
 *	   scheduled, scheduled to completed, scheduled to scheduling when no
 *	   live interview is left); C never reads an expert's status.  The
 *	   experts' own trigger checks each move against the expert graph;
 *	 - which experts may have an interview at all: check_transition
 *	   (workflow_trigger.c), before the row is written; UNSCHEDULED_EXPERT
 *	   only re-checks it under the lock, for a concurrent change.
 *
 * A restore (no identity, a role bypassing row-level security) has no
 * lifecycle effect: the dump has the experts and records as they were.
 */
#include "expert_network.h"

#include "access/xact.h"
#include "catalog/pg_type.h"
#include "utils/snapmgr.h"

PG_FUNCTION_INFO_V1(expert_network_interview_lifecycle);

/* > 0 while the interview lifecycle runs its steps */
static int	lifecycle_writes = 0;

/* Is this a lifecycle step's write?  (scoping.c skips its records' key check) */
bool
en_writing_lifecycle(void)
{
	return lifecycle_writes > 0;
}

/* The interview statuses the lifecycle acts on, besides the live ones */
#define INTERVIEW_COMPLETED "completed"
#define INTERVIEW_CANCELLED "cancelled"

#define AS_C_STRING(s) s
#define C_COMMA ,

/* Is an interview status live (EN_LIVE_INTERVIEW_STATUSES)? */
bool
en_interview_is_live(Datum status)
{
	static const char *const live[] = {EN_LIVE_INTERVIEW_STATUSES(AS_C_STRING, C_COMMA)};

	for (size_t i = 0; i < lengthof(live); i++)
		if (en_text_is(status, live[i]))
			return true;
	return false;
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
	ArrayBuildState *ids[NUM_SETS];	/* NULL: none */
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
	"   FROM en_new AS c WHERE c.status OPERATOR(pg_catalog.=) '" INTERVIEW_COMPLETED "'" \
	" ON CONFLICT (interview_id) DO NOTHING"
#define SCHEDULE_EXPERTS \
	"UPDATE expert_network.experts SET status = 'scheduled'" \
	" WHERE id OPERATOR(pg_catalog.=) ANY ($1)" \
	"   AND status OPERATOR(pg_catalog.=) ANY ('{reviewed,scheduling}')"
/*
 * After that, every expert with a new live interview is scheduled, or
 * completed (a follow-up call).  Anything else was changed by a concurrent
 * transaction after the BEFORE row check: refuse, as that check would have.
 */
#define UNSCHEDULED_EXPERT \
	"SELECT e.id, e.status FROM expert_network.experts AS e" \
	" WHERE e.id OPERATOR(pg_catalog.=) ANY ($1)" \
	"   AND e.status OPERATOR(pg_catalog.<>) ALL ('{scheduled,completed}')" \
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
	"                      AND i.status OPERATOR(pg_catalog.=) ANY (" EN_LIVE_INTERVIEWS "))"

typedef enum StepKind
{
	STEP_LOCK,					/* a SELECT ... FOR NO KEY UPDATE */
	STEP_WRITE,					/* an INSERT or an UPDATE */
	STEP_CHECK					/* a SELECT whose one row is an error */
} StepKind;

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

/* Add an expert to a set (and to the experts concerned) */
static void
AddExpert(LifecycleSets *sets, ExpertSet set, Datum expert, bool isnull)
{
	if (isnull)
		return;
	en_accum(&sets->ids[set], expert, false, UUIDOID);
	en_accum(&sets->ids[SET_CONCERNED], expert, false, UUIDOID);
}

/*
 * One version of an interview row, as the lifecycle reads it; not present:
 * the old version of an inserted row, the new version of a deleted one.
 */
typedef struct InterviewVersion
{
	bool		present;
	bool		status_null;
	Datum		status;
	bool		expert_null;
	Datum		expert;
} InterviewVersion;

static void
ReadVersion(TupleTableSlot *slot, int status_att, int expert_att, InterviewVersion *v)
{
	v->present = slot != NULL;
	v->status_null = v->expert_null = true;
	if (slot == NULL)
		return;
	v->status = en_slot_text(slot, status_att, &v->status_null);
	v->expert = slot_getattr(slot, expert_att, &v->expert_null);
}

static bool
HasStatus(const InterviewVersion *v, const char *status)
{
	return v->present && !v->status_null && en_text_is(v->status, status);
}

static bool
IsLive(const InterviewVersion *v)
{
	return v->present && !v->status_null && en_interview_is_live(v->status);
}

/*
 * What one interview row's change (INSERT: no old version; DELETE: no new
 * one) does to its experts:
 *	 - a status newly completed: the record, and the expert completes;
 *	 - a live interview that comes to an expert (inserted, or handed over
 *	   from another): that expert gains it;
 *	 - a live interview that leaves its expert (deleted, handed over, or
 *	   cancelled): that expert loses it.
 * Statuses are compared byte for byte; a NULL is no status.
 */
static void
ClassifyRow(LifecycleSets *sets, const InterviewVersion *old, const InterviewVersion *new)
{
	bool		status_is_new = new->present && !new->status_null &&
		(!old->present || (!old->status_null && !en_texts_equal(old->status, new->status)));
	bool		moved = !old->present || !new->present ||
		(!old->expert_null && !new->expert_null &&
		 memcmp(DatumGetUUIDP(old->expert), DatumGetUUIDP(new->expert), UUID_LEN) != 0);

	if (status_is_new && HasStatus(new, INTERVIEW_COMPLETED))
	{
		sets->completed = true;
		AddExpert(sets, SET_COMPLETING, new->expert, new->expert_null);
	}
	if (moved && IsLive(new))
		AddExpert(sets, SET_GAINING, new->expert, new->expert_null);
	if (IsLive(old) && (moved || HasStatus(new, INTERVIEW_CANCELLED)))
		AddExpert(sets, SET_LOSING, old->expert, old->expert_null);
}

/*
 * The experts each step concerns, read from the transition tables in one
 * pass (empty sets: nothing to do; a single new pending interview, the
 * common write, needs no record and no completion).
 */
static void
LifecycleSetsOf(TriggerData *trigdata, LifecycleSets *sets)
{
	Relation	rel = trigdata->tg_relation;
	int			status_att = en_column_number(rel, "status");
	int			expert_att = en_column_number(rel, "expert_id");
	InterviewVersion old,
				new;
	RowPairs	pairs;

	memset(sets, 0, sizeof(*sets));
	en_row_pairs_begin(&pairs, trigdata, true);
	while (en_row_pairs_next(&pairs))
	{
		ReadVersion(pairs.old, status_att, expert_att, &old);
		ReadVersion(pairs.new, status_att, expert_att, &new);
		ClassifyRow(sets, &old, &new);
	}
	en_row_pairs_end(&pairs);
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

		if (step->set == SET_NONE ? !sets->completed : sets->ids[step->set] == NULL)
			continue;
		if (nargs > 0)
			args[0] = makeArrayResult(sets->ids[step->set], CurrentMemoryContext);
		plan = en_transition_plan(&lifecycle_plans[i], trigdata->tg_relation,
								  step->query, nargs, argtypes);
		if (step->latest && IsolationUsesXactSnapshot())
			rc = SPI_execute_snapshot(plan, args, NULL, GetLatestSnapshot(),
									  GetTransactionSnapshot(), false, false, 0);
		else
			rc = SPI_execute_plan(plan, args, NULL, false, 0);
		if (step->kind == STEP_WRITE ? rc != SPI_OK_INSERT && rc != SPI_OK_UPDATE : rc != SPI_OK_SELECT)
			elog(ERROR, "interview lifecycle step %d failed: %s", (int) i, SPI_result_code_string(rc));
		if (step->kind == STEP_CHECK && SPI_processed > 0)
		{
			bool		isnull;
			Datum		expert = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
			char	   *status = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2);

			ereport(ERROR,
					(errcode(ERRCODE_CHECK_VIOLATION),
					 errmsg("expert %s is %s", en_uuid_text(expert), status),
					 errdetail("Interviews are for experts in reviewed, scheduling, scheduled or completed; the expert's status changed while the interview was being written."),
					 errhint("Review the expert again, then schedule the interview."),
					 errtablecol(trigdata->tg_relation,
								 en_column_number(trigdata->tg_relation, "expert_id"))));
		}
	}
}

/*
 * Trigger: AFTER INSERT, UPDATE or DELETE FOR EACH STATEMENT on interviews,
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
	LifecycleSets sets;

	if (!CALLED_AS_TRIGGER(fcinfo) ||
		!TRIGGER_FIRED_AFTER(trigdata->tg_event) ||
		TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) ||
		TRIGGER_FIRED_BY_TRUNCATE(trigdata->tg_event) ||
		(!TRIGGER_FIRED_BY_DELETE(trigdata->tg_event) && trigdata->tg_newtable == NULL) ||
		(!TRIGGER_FIRED_BY_INSERT(trigdata->tg_event) && trigdata->tg_oldtable == NULL))
		en_report_misfire("interview_lifecycle",
						  "AFTER INSERT, UPDATE or DELETE FOR EACH STATEMENT with transition tables en_new and en_old");

	if (en_restoring())
		return PointerGetDatum(NULL);

	if (TRIGGER_FIRED_BY_DELETE(trigdata->tg_event) && en_erasing())
		return PointerGetDatum(NULL);
	LifecycleSetsOf(trigdata, &sets);
	if (sets.ids[SET_CONCERNED] == NULL && !sets.completed)
		return PointerGetDatum(NULL);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_register_trigger_data(trigdata) != SPI_OK_TD_REGISTER)
		elog(ERROR, "SPI_register_trigger_data failed");

	/* en_writing_lifecycle() true while the steps run */
	lifecycle_writes++;
	PG_TRY();
	{
		RunLifecycleSteps(trigdata, &sets);
	}
	PG_FINALLY();
	{
		lifecycle_writes--;
	}
	PG_END_TRY();

	SPI_finish();
	return PointerGetDatum(NULL);
}
