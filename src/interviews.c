/*
 * interviews.c
 *	  The interview lifecycle API for applications: schedule_interview(),
 *	  complete_interview(), cancel_interview(), rate_interview().
 *
 * Each is a few statements on the caller's own rows (row-level security
 * applies); the workflow triggers do the rest — transitions, stamps,
 * history, the expert's status, the completed-interview record, the
 * campaign's counters — exactly as they do for a plain UPDATE.
 *
 * The completed-interview record is the extension's (0.8.0): a completed
 * interview keeps its record, which stays its own.  protect_completed_record
 * refuses to re-point a record to another interview, campaign or expert,
 * and to delete the record of an interview that is still completed (the
 * interview's own deletion takes its record along).  Erasure and a restore
 * are not held to it.
 */
#include "expert_network.h"

#include "catalog/pg_type.h"
#include "pgtime.h"
#include "utils/builtins.h"
#include "utils/rel.h"

PG_FUNCTION_INFO_V1(expert_network_schedule_interview);
PG_FUNCTION_INFO_V1(expert_network_complete_interview);
PG_FUNCTION_INFO_V1(expert_network_cancel_interview);
PG_FUNCTION_INFO_V1(expert_network_rate_interview);
PG_FUNCTION_INFO_V1(expert_network_protect_completed_record);

static SPIPlanPtr schedule_plan;

/*
 * Update the record of the completed interview args[0] with query.  A
 * completed interview without its record is an error: only a restore or a
 * repair with row_security off can leave one (protect_completed_record).
 */
static void
UpdateRecord(const char *query, int nargs, Oid *argtypes, Datum *args, const char *nulls)
{
	int			rc = SPI_execute_with_args(query, nargs, argtypes, args, nulls, false, 0);

	if ((rc == SPI_OK_UPDATE || rc == SPI_OK_UPDATE_RETURNING) && SPI_processed == 1)
		return;
	ereport(ERROR,
			(errcode(ERRCODE_NO_DATA_FOUND),
			 errmsg("completed interview %s has no completed_interviews record",
					en_uuid_text(args[0])),
			 errdetail("The record is written when the interview is completed; it was deleted by a write taken as written (row_security off)."),
			 errhint("Insert the record again, then retry.")));
}

/* The uuid the statement returned, copied out of SPI's memory; SPI finished */
static Datum
FinishWithId(void)
{
	bool		isnull;
	Datum		id = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);

	id = SPI_datumTransfer(id, false, UUID_LEN);
	SPI_finish();
	return id;
}

/*
 * A row the caller's statement did not find: P0002, whether the row is
 * someone else's or nobody's.  Telling the two apart would tell a user that
 * another user's id exists.
 */
static void
ReportUnavailable(const char *noun, Datum id)
{
	ereport(ERROR,
			(errcode(ERRCODE_NO_DATA_FOUND),
			 errmsg("%s %s does not exist", noun, en_uuid_text(id))));
}

static void
RequireArgument(FunctionCallInfo fcinfo, int argno, const char *name)
{
	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s must not be NULL", name)));
}

static Datum
NullableArg(FunctionCallInfo fcinfo, int argno, char *nulls)
{
	nulls[argno] = PG_ARGISNULL(argno) ? 'n' : ' ';
	return PG_ARGISNULL(argno) ? (Datum) 0 : PG_GETARG_DATUM(argno);
}

/*
 * Connect to SPI, lock the caller's interview and return its status; an
 * interview that is not the caller's, or none at all, is an error.
 */
static char *
LockInterview(Datum interview_id)
{
	Oid			argtypes[1] = {UUIDOID};

	(void) en_extension_schema();	/* the queries' names lead to it */
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute_with_args("SELECT status FROM expert_network.interviews"
							  " WHERE id OPERATOR(pg_catalog.=) $1 FOR UPDATE",
							  1, argtypes, &interview_id, NULL, false, 1) != SPI_OK_SELECT)
		elog(ERROR, "locking the interview failed");
	if (SPI_processed != 1)
		ReportUnavailable("interview", interview_id);
	return SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
}

/* The interview's workflow step from its status to another */
static void
MoveInterview(Datum interview_id, const char *from, const char *to)
{
	Oid			argtypes[1] = {UUIDOID};

	en_check_transition("interview", from, to);

	/*
	 * The status as a literal of no declared type, which the column's type
	 * reads (text, or interview_status since 0.15.0); to is one of the
	 * graph's statuses
	 */
	if (SPI_execute_with_args(psprintf("UPDATE expert_network.interviews SET status = %s"
									   " WHERE id OPERATOR(pg_catalog.=) $1",
									   quote_literal_cstr(to)),
							  1, argtypes, &interview_id, NULL, false, 0) != SPI_OK_UPDATE ||
		SPI_processed != 1)
		elog(ERROR, "updating the interview failed");
}

/*
 * schedule_interview(expert_id, scheduled_date, scheduled_time,
 * duration_minutes, timezone) → the new interview's id; the campaign is the
 * expert's.
 */
Datum
expert_network_schedule_interview(PG_FUNCTION_ARGS)
{
	Oid			argtypes[5] = {UUIDOID, DATEOID, TIMEOID, INT4OID, TEXTOID};
	Datum		args[5];
	char	   *timezone;

	RequireArgument(fcinfo, 0, "expert_id");
	RequireArgument(fcinfo, 1, "scheduled_date");
	RequireArgument(fcinfo, 2, "scheduled_time");
	RequireArgument(fcinfo, 3, "duration_minutes");
	RequireArgument(fcinfo, 4, "timezone");

	timezone = text_to_cstring(PG_GETARG_TEXT_PP(4));
	if (pg_tzset(timezone) == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("time zone \"%s\" not recognized", en_shorten(timezone)),
				 errhint("Use a name from pg_timezone_names, such as America/New_York or UTC.")));

	for (int i = 0; i < 5; i++)
		args[i] = PG_GETARG_DATUM(i);

	(void) en_extension_schema();	/* the queries' names lead to it */
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	/* kept: one booking at a time is the API's whole use */
	if (SPI_execute_plan(en_kept_generic_plan(&schedule_plan,
											  "INSERT INTO expert_network.interviews"
											  " (campaign_id, expert_id, scheduled_date, scheduled_time, duration_minutes, timezone)"
											  " SELECT e.campaign_id, e.id, $2, $3, $4, $5 FROM expert_network.experts AS e"
											  "  WHERE e.id OPERATOR(pg_catalog.=) $1"
											  " RETURNING id",
											  5, argtypes),
						 args, NULL, false, 0) != SPI_OK_INSERT_RETURNING)
		elog(ERROR, "scheduling the interview failed");
	if (SPI_processed != 1)
		ReportUnavailable("expert", args[0]);
	PG_RETURN_DATUM(FinishWithId());
}

/*
 * complete_interview(interview_id, notes, transcript_url, recording_url) →
 * the completed_interviews id.  Completing is the interview's workflow step
 * (it must be scheduled or confirmed); the record it creates gets the notes
 * and links.
 */
Datum
expert_network_complete_interview(PG_FUNCTION_ARGS)
{
	Oid			argtypes[4] = {UUIDOID, TEXTOID, TEXTOID, TEXTOID};
	Datum		args[4];
	char		nulls[5] = "    ";

	RequireArgument(fcinfo, 0, "interview_id");
	args[0] = PG_GETARG_DATUM(0);
	for (int i = 1; i < 4; i++)
		args[i] = NullableArg(fcinfo, i, nulls);

	MoveInterview(args[0], LockInterview(args[0]), "completed");

	UpdateRecord("UPDATE expert_network.completed_interviews"
				 "   SET notes = COALESCE($2, notes),"
				 "       transcript_url = COALESCE($3, transcript_url),"
				 "       transcript_available = COALESCE($3, transcript_url) IS NOT NULL,"
				 "       recording_url = COALESCE($4, recording_url)"
				 " WHERE interview_id OPERATOR(pg_catalog.=) $1"
				 " RETURNING id",
				 4, argtypes, args, nulls);
	PG_RETURN_DATUM(FinishWithId());
}

/*
 * cancel_interview(interview_id): the interview's workflow step to
 * cancelled (from pending, scheduled or confirmed).
 */
Datum
expert_network_cancel_interview(PG_FUNCTION_ARGS)
{
	Datum		interview_id;

	RequireArgument(fcinfo, 0, "interview_id");
	interview_id = PG_GETARG_DATUM(0);
	MoveInterview(interview_id, LockInterview(interview_id), "cancelled");
	SPI_finish();
	PG_RETURN_VOID();
}

/*
 * rate_interview(interview_id, rating, relevance, expertise, communication,
 * review): the ratings of a completed interview; sets rated_at.
 */
Datum
expert_network_rate_interview(PG_FUNCTION_ARGS)
{
	Oid			argtypes[6] = {UUIDOID, NUMERICOID, NUMERICOID, NUMERICOID, NUMERICOID, TEXTOID};
	Datum		args[6];
	char		nulls[7] = "      ";
	char	   *status;

	RequireArgument(fcinfo, 0, "interview_id");
	RequireArgument(fcinfo, 1, "rating");
	for (int i = 0; i < 6; i++)
		args[i] = NullableArg(fcinfo, i, nulls);

	status = LockInterview(args[0]);
	if (strcmp(status, "completed") != 0)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("interview %s is %s, not completed",
						en_uuid_text(args[0]), status),
				 errdetail("Only completed interviews can be rated."),
				 errhint("Complete it first with expert_network.complete_interview().")));

	UpdateRecord("UPDATE expert_network.completed_interviews"
				 "   SET rating = $2, relevance_rating = $3, expertise_rating = $4,"
				 "       communication_rating = $5, review_text = $6, rated_at = pg_catalog.now()"
				 " WHERE interview_id OPERATOR(pg_catalog.=) $1",
				 6, argtypes, args, nulls);
	SPI_finish();
	PG_RETURN_VOID();
}

/* The columns that tie a record to its interview */
static const char *const record_keys[] = {"interview_id", "campaign_id", "expert_id"};

static void
CheckRecordKeys(TriggerData *trigdata)
{
	Relation	rel = trigdata->tg_relation;

	for (size_t i = 0; i < lengthof(record_keys); i++)
	{
		int			attnum = en_column_number(rel, record_keys[i]);
		Datum		value;
		bool		isnull;

		if (!en_uuid_column(trigdata, attnum, &value, &isnull))
			continue;
		ereport(ERROR,
				(errcode(ERRCODE_INTEGRITY_CONSTRAINT_VIOLATION),
				 errmsg("column \"%s\" of a completed interview record cannot change", record_keys[i]),
				 errdetail("The record belongs to the interview it was written for."),
				 errtablecol(rel, attnum)));
	}
}

/*
 * The first of the deleted records' interviews ($1) still completed, if
 * any: one probe per record by the interviews' primary key, whose cost grows
 * with the rows, where a join with the transition table, planned once for a
 * small statement and kept, could loop over it for every row.
 */
#define STILL_COMPLETED \
	"SELECT i.id FROM expert_network.interviews AS i" \
	" WHERE i.id OPERATOR(pg_catalog.=) ANY ($1)" \
	"   AND i.status OPERATOR(pg_catalog.=) 'completed' LIMIT 1"

static SPIPlanPtr still_completed_plan;

static void
CheckRecordsDeleted(TriggerData *trigdata)
{
	Oid			argtypes[1] = {UUIDARRAYOID};
	Datum		args[1];
	int			attnum = en_column_number(trigdata->tg_relation, "interview_id");
	ArrayBuildState *interviews = initArrayResult(UUIDOID, CurrentMemoryContext, false);
	RowPairs	pairs;

	en_row_pairs_begin(&pairs, trigdata, false);
	while (en_row_pairs_next(&pairs))
	{
		bool		isnull;
		Datum		interview = slot_getattr(pairs.old, attnum, &isnull);

		if (!isnull)
			en_accum(&interviews, interview, false, UUIDOID);
	}
	en_row_pairs_end(&pairs);
	args[0] = makeArrayResult(interviews, CurrentMemoryContext);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute_plan(en_kept_plan(&still_completed_plan, STILL_COMPLETED, 1, argtypes),
						 args, NULL, false, 1) != SPI_OK_SELECT)
		elog(ERROR, "reading the interviews of deleted records failed");
	if (SPI_processed > 0)
	{
		char	   *interview = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);

		ereport(ERROR,
				(errcode(ERRCODE_RESTRICT_VIOLATION),
				 errmsg("interview %s is completed: its completed_interviews record stays", interview),
				 errdetail("A completed interview keeps its record; deleting the interview deletes it."),
				 errtable(trigdata->tg_relation)));
	}
	SPI_finish();
}

/*
 * Trigger on completed_interviews: BEFORE UPDATE FOR EACH ROW (a record's
 * interview, campaign and expert never change) and AFTER DELETE FOR EACH
 * STATEMENT with transition table en_old (no record of a still completed
 * interview goes).  See the file header.
 */
Datum
expert_network_protect_completed_record(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo) || !en_in_extension_schema(trigdata->tg_relation) ||
		strcmp(RelationGetRelationName(trigdata->tg_relation), "completed_interviews") != 0 ||
		!((TRIGGER_FIRED_BEFORE(trigdata->tg_event) && TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) &&
		   TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event)) ||
		  (TRIGGER_FIRED_AFTER(trigdata->tg_event) && !TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) &&
		   TRIGGER_FIRED_BY_DELETE(trigdata->tg_event) && trigdata->tg_oldtable != NULL)))
		en_report_misfire("protect_completed_record",
						  "BEFORE UPDATE FOR EACH ROW, or AFTER DELETE FOR EACH STATEMENT with transition table en_old, on expert_network.completed_interviews");

	if (TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event))
	{
		if (!en_restoring())
			CheckRecordKeys(trigdata);
		return PointerGetDatum(trigdata->tg_newtuple);
	}
	if (!en_restoring() && !en_erasing() && tuplestore_tuple_count(trigdata->tg_oldtable) > 0)
		CheckRecordsDeleted(trigdata);
	return PointerGetDatum(NULL);
}
