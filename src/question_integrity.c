/*
 * question_integrity.c
 *	  The rules a screener keeps on every write, checked on the statement's
 *	  final state: question_integrity() on screening_questions and
 *	  response_integrity() on expert_screening_responses, both AFTER INSERT
 *	  and AFTER UPDATE statement triggers over the transition tables.
 *
 * Rules (23514): a sub-question is in its parent's campaign; no question is
 * its own ancestor; depth stays below expert_network.max_question_depth, the
 * deepest sub-question of a moved subtree included; a question changes
 * campaign only together with its sub-questions and only if no expert of
 * another campaign answered it; a response answers a question of its
 * expert's campaign.
 *
 * Checked once per statement, on what the statement leaves: a multi-row
 * INSERT of questions naming each other as parents is a cycle, an UPDATE
 * swapping a parent and its child is not, a whole screener moved to another
 * campaign in one UPDATE is consistent.  The questions a statement touched
 * (inserted under a parent; changed parent, campaign or id) are walked up
 * from their parents and down from themselves with one query, in time
 * linear in the touched rows times the depth; it is planned for each
 * statement (a custom plan), with the sizes of the statement and of the
 * table as they are then, so that no plan made for a small table is kept
 * for a large one.
 *
 * Concurrency.  Each check races with other transactions editing the same
 * tree: two sessions moving A under B and B under A each see the other's
 * row as it was and would both pass.  So the check first takes a
 * transaction-level advisory lock on each campaign whose tree the statement
 * changed (in uuid order: two such statements cannot deadlock), then reads
 * with the latest snapshot instead of the statement's or the transaction's:
 * once the lock is held, every earlier writer of that tree has committed or
 * aborted, and the latest snapshot sees what it committed even under
 * REPEATABLE READ (ri_triggers.c cross-checks foreign keys the same way).
 * The second of the two sessions waits for the first, then finds the cycle.
 * The checking queries run as non-read-only SPI, which advances the command
 * counter first, so they see the statement's own rows.  One writer per
 * campaign tree at a time, until commit; readers never wait.  A row lock on
 * the campaign would do as well but would conflict with the call counters'
 * updates of that row.
 *
 * Schemas of 0.8.0 and before fire these functions as BEFORE ROW triggers;
 * each row is then checked alone, with the same query, against the table
 * as the statement has left it so far.
 */
#include "expert_network.h"

#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "miscadmin.h"
#include "storage/lock.h"
#include "utils/guc.h"
#include "utils/snapmgr.h"

PG_FUNCTION_INFO_V1(expert_network_question_integrity);
PG_FUNCTION_INFO_V1(expert_network_response_integrity);

/*
 * Our advisory locks' last key field.  SQL's pg_advisory_xact_lock() uses 1
 * (one bigint key) and 2 (two integer keys), so an application's own
 * advisory locks can never collide with a campaign tree's.
 */
#define EN_SCREENER_LOCK_CLASS 0x454E

static int	en_max_question_depth = 16;

void
en_questions_init(void)
{
	DefineCustomIntVariable("expert_network.max_question_depth",
							"Number of levels a screener may have.",
							"A question's depth counts from 0 at the top level and must stay below this "
							"setting; it is checked when a question is inserted or moved.",
							&en_max_question_depth,
							16, 1, EN_QUESTION_DEPTH_LIMIT,
							PGC_SUSET,
							0,
							NULL, NULL, NULL);
}

/*
 * The touched questions ($1 id, $2 parent, $3 campaign, $4 campaign before
 * an UPDATE), walked up from their parents (at most $6 steps) and, if $7,
 * down from themselves (at most $5 levels): the last, in the order given,
 * that breaks a rule (for a cycle, the row that closed it), a row of a
 * cycle first (a row below a cycle seems endlessly deep), with what decides
 * which.  The rows an INSERT statement adds have no sub-questions
 * but its own rows, each checked on its own way up: no walk down.
 */
static const char *const tree_check_query =
"WITH RECURSIVE t (id, parent, campaign, old_campaign, ord) AS ("
"    SELECT * FROM ROWS FROM (pg_catalog.unnest($1::pg_catalog.uuid[]), pg_catalog.unnest($2::pg_catalog.uuid[]),"
"                             pg_catalog.unnest($3::pg_catalog.uuid[]), pg_catalog.unnest($4::pg_catalog.uuid[]))"
"           WITH ORDINALITY"
"), up (ord, start, id, parent, campaign, n) AS ("
"    SELECT t.ord, t.id, q.id, q.parent_question_id, q.campaign_id, 1"
"      FROM t JOIN expert_network.screening_questions AS q ON q.id OPERATOR(pg_catalog.=) t.parent"
"  UNION ALL"
"    SELECT u.ord, u.start, q.id, q.parent_question_id, q.campaign_id, u.n OPERATOR(pg_catalog.+) 1"
"      FROM up AS u JOIN expert_network.screening_questions AS q ON q.id OPERATOR(pg_catalog.=) u.parent"
"     WHERE u.id OPERATOR(pg_catalog.<>) u.start AND u.parent OPERATOR(pg_catalog.<>) u.start"
"       AND u.n OPERATOR(pg_catalog.<=) $6"
"), chain AS ("
"    SELECT u.ord, pg_catalog.max(u.n) AS n,"
"           pg_catalog.bool_or(u.id OPERATOR(pg_catalog.=) u.start OR u.parent OPERATOR(pg_catalog.=) u.start) AS loops,"
"           (pg_catalog.array_agg(u.campaign) FILTER (WHERE u.n OPERATOR(pg_catalog.=) 1))[1] AS parent_campaign"
"      FROM up AS u GROUP BY u.ord"
"), down (ord, id, n, elsewhere) AS ("
"    SELECT t.ord, q.id, 1, q.campaign_id OPERATOR(pg_catalog.<>) t.campaign"
"      FROM t JOIN expert_network.screening_questions AS q ON q.parent_question_id OPERATOR(pg_catalog.=) t.id"
"     WHERE $7"
"  UNION ALL"
"    SELECT d.ord, q.id, d.n OPERATOR(pg_catalog.+) 1, false"
"      FROM down AS d JOIN expert_network.screening_questions AS q ON q.parent_question_id OPERATOR(pg_catalog.=) d.id"
"     WHERE d.n OPERATOR(pg_catalog.<) $5"
"), below AS ("
"    SELECT d.ord, pg_catalog.max(d.n) AS height, pg_catalog.bool_or(d.elsewhere) AS elsewhere"
"      FROM down AS d GROUP BY d.ord"
"), judged AS ("
"    SELECT t.ord, t.id, t.parent, t.campaign, c.parent_campaign,"
"           COALESCE(c.loops, false) AS loops,"
"           CASE WHEN t.parent IS NULL THEN 0 ELSE COALESCE(c.n, 1) END AS depth,"
"           COALESCE(b.height, 0) AS height,"
"           COALESCE(b.elsewhere, false) AS elsewhere,"
"           COALESCE(t.old_campaign OPERATOR(pg_catalog.<>) t.campaign, false) AS moved,"
"           COALESCE(t.old_campaign OPERATOR(pg_catalog.<>) t.campaign, false)"
"           AND EXISTS (SELECT FROM expert_network.expert_screening_responses AS r"
"                         JOIN expert_network.experts AS e ON e.id OPERATOR(pg_catalog.=) r.expert_id"
"                        WHERE r.screening_question_id OPERATOR(pg_catalog.=) t.id"
"                          AND e.campaign_id OPERATOR(pg_catalog.<>) t.campaign) AS answered"
"      FROM t LEFT JOIN chain AS c ON c.ord OPERATOR(pg_catalog.=) t.ord"
"             LEFT JOIN below AS b ON b.ord OPERATOR(pg_catalog.=) t.ord"
")"
"SELECT j.ord, j.parent_campaign, j.loops, j.depth, j.height, j.elsewhere, j.moved, j.answered"
"  FROM judged AS j"
" WHERE j.parent OPERATOR(pg_catalog.=) j.id"
"    OR j.parent_campaign OPERATOR(pg_catalog.<>) j.campaign"
"    OR j.loops OR j.elsewhere OR j.answered"
"    OR j.depth OPERATOR(pg_catalog.+) j.height OPERATOR(pg_catalog.>=) $5"
" ORDER BY COALESCE(j.loops OR j.parent OPERATOR(pg_catalog.=) j.id, false) DESC, j.ord DESC"
" LIMIT 1";

/* The campaigns of the questions $1, in uuid order (LockScreeners') */
static const char *const question_campaigns_query =
"SELECT DISTINCT q.campaign_id FROM expert_network.screening_questions AS q"
" WHERE q.id OPERATOR(pg_catalog.=) ANY ($1) ORDER BY q.campaign_id";

/* The first response ($1 question, $2 expert) whose question is not in its expert's campaign */
static const char *const response_check_query =
"SELECT t.ord, q.campaign_id, e.campaign_id"
"  FROM ROWS FROM (pg_catalog.unnest($1::pg_catalog.uuid[]), pg_catalog.unnest($2::pg_catalog.uuid[]))"
"       WITH ORDINALITY AS t (question, expert, ord)"
"  JOIN expert_network.screening_questions AS q ON q.id OPERATOR(pg_catalog.=) t.question"
"  JOIN expert_network.experts AS e ON e.id OPERATOR(pg_catalog.=) t.expert"
" WHERE q.campaign_id OPERATOR(pg_catalog.<>) e.campaign_id"
" ORDER BY t.ord"
" LIMIT 1";

static SPIPlanPtr tree_check_plan;
static SPIPlanPtr question_campaigns_plan;
static SPIPlanPtr response_check_plan;

/*
 * Take the transaction-level lock on a campaign's question tree (see the
 * file header).  The key is a hash of the campaign id: two campaigns that
 * share one only wait for each other.
 */
void
en_lock_screener(Datum campaign)
{
	uint64		key = hash_bytes_extended(DatumGetUUIDP(campaign)->data, UUID_LEN, 0);
	LOCKTAG		tag;

	SET_LOCKTAG_ADVISORY(tag, MyDatabaseId, (uint32) (key >> 32), (uint32) key,
						 EN_SCREENER_LOCK_CLASS);
	(void) LockAcquire(&tag, ExclusiveLock, false, false);
}

/* Lock each of n campaigns once, in uuid order */
static void
LockScreeners(pg_uuid_t *campaigns, int n)
{
	qsort(campaigns, n, sizeof(pg_uuid_t), en_uuid_cmp);
	for (int i = 0; i < n; i++)
		if (i == 0 || en_uuid_cmp(&campaigns[i - 1], &campaigns[i]) != 0)
			en_lock_screener(UUIDPGetDatum(&campaigns[i]));
}

/* The rows a check looks at: one uuid[] being built per column, in step */
typedef struct UuidColumns
{
	int			n;
	ArrayBuildState *col[4];
} UuidColumns;

static Datum
UuidAt(const UuidColumns *c, int k, int i)
{
	return c->col[k]->dvalues[i];
}

/*
 * The written rows a check looks at, from either kind of firing: the rows of
 * the statement (AFTER ... FOR EACH STATEMENT, over the transition tables),
 * or the one row (BEFORE ... FOR EACH ROW, schemas of 0.8.0 and before).
 * For each row, the new values of the columns named, then, if old_column is
 * one of them, its value before an UPDATE (null after an INSERT).  Kept:
 * the inserted rows, and the updated rows of which one of the columns
 * changed; of those, only the rows where each column of the required mask
 * is not null (a NOT NULL constraint refuses the others).
 */
static void
CollectRows(FunctionCallInfo fcinfo, const char *funcname, const char *const *columns, int ncolumns,
			int old_column, uint32 required, UuidColumns *rows)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	int			attnums[3];
	int			nout = ncolumns + (old_column >= 0 ? 1 : 0);
	RowPairs	pairs;

	if (!CALLED_AS_TRIGGER(fcinfo) ||
		!(TRIGGER_FIRED_BY_INSERT(trigdata->tg_event) || TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event)) ||
		!(TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) ? TRIGGER_FIRED_BEFORE(trigdata->tg_event) :
		  (TRIGGER_FIRED_AFTER(trigdata->tg_event) && trigdata->tg_newtable != NULL &&
		   (TRIGGER_FIRED_BY_INSERT(trigdata->tg_event) || trigdata->tg_oldtable != NULL))))
		en_report_misfire(funcname, "AFTER INSERT or AFTER UPDATE FOR EACH STATEMENT with its transition tables");
	for (int k = 0; k < ncolumns; k++)
		attnums[k] = en_column_number(trigdata->tg_relation, columns[k]);
	memset(rows, 0, sizeof(*rows));
	for (int k = 0; k < nout; k++)
		rows->col[k] = initArrayResult(UUIDOID, CurrentMemoryContext, false);

	en_row_pairs_begin(&pairs, trigdata, false);
	while (en_row_pairs_next(&pairs))
	{
		Datum		values[4] = {0};
		bool		nulls[4] = {true, true, true, true};
		bool		keep = pairs.old == NULL;

		for (int k = 0; k < ncolumns; k++)
		{
			values[k] = slot_getattr(pairs.new, attnums[k], &nulls[k]);
			if (pairs.old != NULL)
			{
				bool		oldnull;
				Datum		old = slot_getattr(pairs.old, attnums[k], &oldnull);

				if (oldnull != nulls[k] ||
					(!nulls[k] && memcmp(DatumGetUUIDP(old)->data, DatumGetUUIDP(values[k])->data, UUID_LEN) != 0))
					keep = true;
				if (k == old_column)
				{
					values[ncolumns] = old;
					nulls[ncolumns] = oldnull;
				}
			}
			if (nulls[k] && (required & (1 << k)))
				keep = false;
		}
		if (!keep)
			continue;
		for (int k = 0; k < nout; k++)
			(void) accumArrayResult(rows->col[k], values[k], nulls[k], UUIDOID, CurrentMemoryContext);
		rows->n++;
	}
	en_row_pairs_end(&pairs);
}

/* The row a BEFORE ROW trigger returns; NULL for a statement trigger */
static Datum
TriggerResult(FunctionCallInfo fcinfo)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!TRIGGER_FIRED_FOR_ROW(trigdata->tg_event))
		return PointerGetDatum(NULL);
	return PointerGetDatum(TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ?
						   trigdata->tg_newtuple : trigdata->tg_trigtuple);
}

/* Run a check with the latest snapshot (see the file header), as the caller */
static SPITupleTable *
CheckQuery(SPIPlanPtr plan, Datum *args)
{
	int			rc = SPI_execute_snapshot(plan, args, NULL, GetLatestSnapshot(), InvalidSnapshot,
										  false, false, 0);

	if (rc != SPI_OK_SELECT)
		elog(ERROR, "screening question check failed: %s", SPI_result_code_string(rc));
	return SPI_tuptable;
}

/* The error for a row the check query returned */
static void
ReportTreeViolation(const UuidColumns *rows, HeapTuple row, TupleDesc desc)
{
	bool		isnull,
				parent_null;
	int			i = (int) DatumGetInt64(SPI_getbinval(row, desc, 1, &isnull)) - 1;
	Datum		id = UuidAt(rows, 0, i);
	Datum		parent = UuidAt(rows, 1, i);
	Datum		campaign = UuidAt(rows, 2, i);
	Datum		parent_campaign = SPI_getbinval(row, desc, 2, &parent_null);
	bool		loops = DatumGetBool(SPI_getbinval(row, desc, 3, &isnull));
	int			depth = DatumGetInt32(SPI_getbinval(row, desc, 4, &isnull));
	int			height = DatumGetInt32(SPI_getbinval(row, desc, 5, &isnull));
	bool		elsewhere = DatumGetBool(SPI_getbinval(row, desc, 6, &isnull));
	bool		moved = DatumGetBool(SPI_getbinval(row, desc, 7, &isnull));
	bool		answered = DatumGetBool(SPI_getbinval(row, desc, 8, &isnull));

	if (!rows->col[1]->dnulls[i] && memcmp(DatumGetUUIDP(id)->data, DatumGetUUIDP(parent)->data, UUID_LEN) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("screening question %s cannot be its own ancestor", en_uuid_text(id)),
				 errdetail("It names itself as its parent.")));
	if (!parent_null && memcmp(DatumGetUUIDP(parent_campaign)->data, DatumGetUUIDP(campaign)->data, UUID_LEN) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("parent question %s is in another campaign", en_uuid_text(parent)),
				 errdetail("A sub-question belongs to its parent's campaign, %s; question %s is in campaign %s.",
						   en_uuid_text(parent_campaign), en_uuid_text(id), en_uuid_text(campaign)),
				 moved ?
				 errhint("To move a sub-question to another campaign, give it a parent there or make it a top-level question.") : 0));
	if (loops)
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("screening question %s cannot be its own ancestor", en_uuid_text(id)),
				 errdetail("Its new parent, %s, is below it in the tree.", en_uuid_text(parent)),
				 errhint("Move that sub-question out from under it first, or choose another parent.")));
	if (elsewhere && moved)
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("cannot move screening question %s with sub-questions to another campaign",
						en_uuid_text(id)),
				 errdetail("Its sub-questions would stay in campaign %s.", en_uuid_text(UuidAt(rows, 3, i))),
				 errhint("Move its sub-questions in the same statement, move or delete them first, or copy the screener with expert_network.copy_question_tree().")));
	if (elsewhere)
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("screening question %s has sub-questions in another campaign", en_uuid_text(id)),
				 errdetail("A sub-question belongs to its parent's campaign, %s.", en_uuid_text(campaign))));
	if (depth + height >= en_max_question_depth)
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 height > 0 ?
				 errmsg("screening question %s would put its sub-questions at depth %d",
						en_uuid_text(id), depth + height) :
				 errmsg("screening question %s would be at depth %d", en_uuid_text(id), depth),
				 errdetail("expert_network.max_question_depth is %d: depths run from 0 at the top level to %d.",
						   en_max_question_depth, en_max_question_depth - 1),
				 errhint("Place it higher in the tree, or raise expert_network.max_question_depth.")));
	if (answered)
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("cannot move screening question %s to another campaign", en_uuid_text(id)),
				 errdetail("Experts of campaign %s have answered it; a response answers a question of its expert's campaign.",
						   en_uuid_text(UuidAt(rows, 3, i))),
				 errhint("Delete those responses first, or copy the question instead.")));
	elog(ERROR, "screening question check returned a row that breaks no rule");
}

/*
 * Trigger on screening_questions: AFTER INSERT and AFTER UPDATE FOR EACH
 * STATEMENT, with the transition tables.  Checks every question the
 * statement inserted under a parent, or whose parent, campaign or id it
 * changed, against the rules of the file header.  A new top-level question
 * changes no other question's place and takes no lock.
 */
Datum
expert_network_question_integrity(PG_FUNCTION_ARGS)
{
	static const char *const columns[] = {"id", "parent_question_id", "campaign_id"};
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	UuidColumns rows;
	pg_uuid_t  *campaigns;
	int			ncampaigns = 0;
	Oid			argtypes[7] = {UUIDARRAYOID, UUIDARRAYOID, UUIDARRAYOID, UUIDARRAYOID, INT4OID, INT4OID,
	BOOLOID};
	Datum		args[7];
	SPITupleTable *found;

	/* id and campaign not null; on INSERT, sub-questions only */
	CollectRows(fcinfo, "question_integrity", columns, lengthof(columns), 2,
				TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ? 0x5 : 0x7, &rows);
	if (rows.n == 0)
		return TriggerResult(fcinfo);

	/* the trees changed: the campaigns the rows are in, and were in */
	campaigns = palloc(sizeof(pg_uuid_t) * 2 * rows.n);
	for (int i = 0; i < rows.n; i++)
	{
		campaigns[ncampaigns++] = *DatumGetUUIDP(UuidAt(&rows, 2, i));
		if (!rows.col[3]->dnulls[i])
			campaigns[ncampaigns++] = *DatumGetUUIDP(UuidAt(&rows, 3, i));
	}

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	LockScreeners(campaigns, ncampaigns);

	for (int k = 0; k < 4; k++)
		args[k] = makeArrayResult(rows.col[k], CurrentMemoryContext);
	args[4] = Int32GetDatum(en_max_question_depth);
	args[5] = Int32GetDatum(EN_QUESTION_DEPTH_LIMIT);
	args[6] = BoolGetDatum(TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ||
						   TRIGGER_FIRED_FOR_ROW(trigdata->tg_event));
	found = CheckQuery(en_kept_custom_plan(&tree_check_plan, tree_check_query, 7, argtypes), args);
	if (SPI_processed > 0)
		ReportTreeViolation(&rows, found->vals[0], found->tupdesc);

	SPI_finish();
	return TriggerResult(fcinfo);
}

/*
 * Trigger on expert_screening_responses: AFTER INSERT and AFTER UPDATE FOR
 * EACH STATEMENT, with the transition tables: the question each new or
 * changed response answers is one of its expert's campaign (23514).
 * Checked under the locks of the questions' campaigns' trees, so that a
 * concurrent move of a question to another campaign either sees the
 * responses or is seen by them.  A missing question or expert is left to
 * the foreign keys.
 */
Datum
expert_network_response_integrity(PG_FUNCTION_ARGS)
{
	static const char *const columns[] = {"screening_question_id", "expert_id"};
	UuidColumns rows;
	Oid			argtypes[2] = {UUIDARRAYOID, UUIDARRAYOID};
	Datum		args[2];
	SPITupleTable *found;

	CollectRows(fcinfo, "response_integrity", columns, lengthof(columns), -1, 0x3, &rows);
	if (rows.n == 0)
		return TriggerResult(fcinfo);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	args[0] = makeArrayResult(rows.col[0], CurrentMemoryContext);
	args[1] = makeArrayResult(rows.col[1], CurrentMemoryContext);

	/* lock the trees of the questions' campaigns, then check */
	found = CheckQuery(en_kept_custom_plan(&question_campaigns_plan, question_campaigns_query, 1, argtypes), args);
	for (uint64 k = 0; k < SPI_processed; k++)
	{
		bool		isnull;

		en_lock_screener(SPI_getbinval(found->vals[k], found->tupdesc, 1, &isnull));
	}

	found = CheckQuery(en_kept_custom_plan(&response_check_plan, response_check_query, 2, argtypes), args);
	if (SPI_processed > 0)
	{
		bool		isnull;
		int			i = (int) DatumGetInt64(SPI_getbinval(found->vals[0], found->tupdesc, 1, &isnull)) - 1;
		Datum		question_campaign = SPI_getbinval(found->vals[0], found->tupdesc, 2, &isnull);
		Datum		expert_campaign = SPI_getbinval(found->vals[0], found->tupdesc, 3, &isnull);

		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("screening question %s is not in the campaign of expert %s",
						en_uuid_text(UuidAt(&rows, 0, i)), en_uuid_text(UuidAt(&rows, 1, i))),
				 errdetail("The question is in campaign %s, the expert in campaign %s.",
						   en_uuid_text(question_campaign), en_uuid_text(expert_campaign)),
				 errhint("An expert answers the screener of the campaign that proposed them.")));
	}

	SPI_finish();
	return TriggerResult(fcinfo);
}
