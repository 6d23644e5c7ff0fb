/*
 * question_edit.c
 *	  Editing screeners: move_question() and copy_question_tree().
 *
 * Both write through ordinary statements, as the caller: the integrity
 * triggers (question_integrity.c) check what they write like any other
 * write, and row-level security keeps them to the caller's rows.
 */
#include "expert_network.h"

#include "catalog/pg_type.h"
#include "utils/fmgroids.h"

PG_FUNCTION_INFO_V1(expert_network_move_question);
PG_FUNCTION_INFO_V1(expert_network_copy_question_tree);

/* move_question(): where a question is */
static const char *const question_place_query =
"SELECT q.campaign_id, q.parent_question_id"
"  FROM expert_network.screening_questions AS q"
" WHERE q.id OPERATOR(pg_catalog.=) $1";

/*
 * move_question(): give question $1 the parent $2 and the place $3 among the
 * siblings there (at most one past the last), and renumber those siblings
 * 1..n around it; with no question ($1 NULL) and $3 past the end, only
 * renumber them.  $4 is the campaign, for the top level.  Only the rows
 * whose order changes are written, and the question itself.
 */
#define PLACE_QUESTION(siblings) \
"WITH sib AS (" \
"    SELECT s.id, pg_catalog.row_number() OVER (ORDER BY s.display_order, s.created_at, s.id) AS rn" \
"      FROM expert_network.screening_questions AS s" \
"     WHERE " siblings " AND ($1 IS NULL OR s.id OPERATOR(pg_catalog.<>) $1)" \
"), placed (id, pos) AS (" \
"    SELECT sib.id, CASE WHEN sib.rn OPERATOR(pg_catalog.<) $3 THEN sib.rn" \
"                        ELSE sib.rn OPERATOR(pg_catalog.+) 1 END" \
"      FROM sib" \
"    UNION ALL" \
"    SELECT $1, LEAST($3, (SELECT pg_catalog.count(*) FROM sib) OPERATOR(pg_catalog.+) 1)" \
")" \
"UPDATE expert_network.screening_questions AS q" \
"   SET parent_question_id = CASE WHEN q.id OPERATOR(pg_catalog.=) $1 THEN $2" \
"                                 ELSE q.parent_question_id END," \
"       display_order = p.pos::pg_catalog.int4" \
"  FROM placed AS p" \
" WHERE q.id OPERATOR(pg_catalog.=) p.id" \
"   AND (q.id OPERATOR(pg_catalog.=) $1 OR q.display_order OPERATOR(pg_catalog.<>) p.pos)"

/* the siblings [false] under parent $2, [true] at the top of campaign $4 */
static const char *const place_question[2] = {
	PLACE_QUESTION("s.parent_question_id OPERATOR(pg_catalog.=) $2"),
	PLACE_QUESTION("s.parent_question_id IS NULL AND s.campaign_id OPERATOR(pg_catalog.=) $4")
};
static SPIPlanPtr place_question_plans[2];

/* copy_question_tree() */
static const char *const campaign_visible_query =
"SELECT 1 FROM expert_network.campaigns AS c WHERE c.id OPERATOR(pg_catalog.=) $1";

static const char *const last_top_order_query =
"SELECT pg_catalog.max(q.display_order)"
"  FROM expert_network.screening_questions AS q"
" WHERE q.campaign_id OPERATOR(pg_catalog.=) $1 AND q.parent_question_id IS NULL";

/* the copies, in walk order */
static const char *const copy_insert_query =
"INSERT INTO expert_network.screening_questions"
"       (id, campaign_id, parent_question_id, question_text, question_type, options, display_order)"
"SELECT n.id, $1, n.parent_question_id, n.question_text, n.question_type, n.options, n.display_order"
"  FROM ROWS FROM (pg_catalog.unnest($2), pg_catalog.unnest($3), pg_catalog.unnest($4),"
"                  pg_catalog.unnest($5), pg_catalog.unnest($6), pg_catalog.unnest($7))"
"       WITH ORDINALITY AS n (id, parent_question_id, question_text, question_type, options,"
"                             display_order, ord)"
" ORDER BY n.ord";

static SPIPlanPtr question_place_plan;
static SPIPlanPtr campaign_visible_plan;
static SPIPlanPtr last_top_order_plan;
static SPIPlanPtr copy_insert_plan;

/* Run a kept statement that must report rc */
static void
Run(SPIPlanPtr plan, Datum *args, const char *nulls, bool read_only, int expected,
	const char *what)
{
	int			rc = SPI_execute_plan(plan, args, nulls, read_only, 0);

	if (rc != expected)
		elog(ERROR, "%s failed: %s", what, SPI_result_code_string(rc));
}

/*
 * Where the question is, as the caller sees it: false if unknown.  Read with
 * a new snapshot (not read-only), so that after en_lock_screener() a move
 * committed meanwhile counts under READ COMMITTED.
 */
static bool
PlaceOf(Datum question, Datum *campaign, Datum *parent, bool *top)
{
	Oid			argtypes[1] = {UUIDOID};
	bool		isnull;

	Run(en_kept_plan(&question_place_plan, question_place_query, 1, argtypes),
		&question, NULL, false, SPI_OK_SELECT, "reading a screening question");
	if (SPI_processed == 0)
		return false;
	*campaign = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	*parent = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, top);
	return true;
}

/*
 * Place the question (NULL: none) at position among the siblings under
 * parent, or at the top of campaign, and renumber them 1..n around it.
 */
static void
PlaceInList(const Datum *question, Datum parent, bool at_top, int32 position, Datum campaign)
{
	Oid			argtypes[4] = {UUIDOID, UUIDOID, INT4OID, UUIDOID};
	Datum		args[4] = {question ? *question : (Datum) 0, parent, Int32GetDatum(position), campaign};
	char		nulls[4] = {question ? ' ' : 'n', at_top ? 'n' : ' ', ' ', ' '};

	Run(en_kept_plan(&place_question_plans[at_top], place_question[at_top], 4, argtypes),
		args, nulls, false, SPI_OK_UPDATE, "placing a screening question");
}

/*
 * move_question(question_id uuid, new_parent_id uuid, new_position int):
 * re-parent the question (NULL: to the top level) and place it at the
 * 1-based position among its new siblings, past the end meaning last;
 * renumber the new and the old sibling list 1..n.  The triggers check the
 * move; an unknown question or parent is no_data_found (P0002), a position
 * below 1 invalid_parameter_value (22023).
 */
Datum
expert_network_move_question(PG_FUNCTION_ARGS)
{
	Datum		question;
	Datum		new_parent = (Datum) 0;
	bool		to_top = PG_ARGISNULL(1);
	int32		position;
	Datum		campaign;
	Datum		old_parent;
	bool		from_top;
	Datum		parent_campaign;
	Datum		ignored_parent;
	bool		ignored_top;

	if (PG_ARGISNULL(0))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("question_id must not be null")));
	if (PG_ARGISNULL(2))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("new_position must not be null"),
				 errhint("Positions count from 1; a position past the last sibling places the question last.")));
	question = PG_GETARG_DATUM(0);
	if (!to_top)
		new_parent = PG_GETARG_DATUM(1);
	position = PG_GETARG_INT32(2);
	if (position < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("new_position must be 1 or more, not %d", position),
				 errhint("Positions count from 1; a position past the last sibling places the question last.")));

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	/* lock the tree, then look again: a move committed meanwhile counts */
	if (!PlaceOf(question, &campaign, &old_parent, &from_top))
		en_report_unknown_question(question);
	for (;;)
	{
		Datum		locked = campaign;

		en_lock_screener(locked);
		if (!PlaceOf(question, &campaign, &old_parent, &from_top))
			en_report_unknown_question(question);
		if (memcmp(DatumGetUUIDP(locked)->data, DatumGetUUIDP(campaign)->data, UUID_LEN) == 0)
			break;
	}
	if (!to_top && !PlaceOf(new_parent, &parent_campaign, &ignored_parent, &ignored_top))
		en_report_unknown_question(new_parent);

	PlaceInList(&question, new_parent, to_top, position, campaign);
	/* the list it left, unless it stayed in it, renumbered */
	if (!(from_top && to_top) &&
		(from_top || to_top ||
		 memcmp(DatumGetUUIDP(old_parent)->data, DatumGetUUIDP(new_parent)->data, UUID_LEN) != 0))
		PlaceInList(NULL, old_parent, from_top, PG_INT32_MAX, campaign);

	SPI_finish();
	PG_RETURN_VOID();
}

/*
 * copy_question_tree(from_campaign uuid, to_campaign uuid): copy the
 * screener under another campaign (new ids, same shape, texts, types,
 * options and order), after that campaign's top-level questions; returns
 * how many questions it copied.
 *
 * One read of the source, one INSERT: the copies' ids are made here, so the
 * INSERT gets each row's new parent directly.  Siblings are numbered 1..n
 * (the top level after the target's last), since the copies' created_at and
 * ids no longer break ties as the originals' did.  As the caller: a source
 * campaign the caller cannot see is no_data_found (P0002), a target of
 * another user is refused by the composite foreign key (23503), as a target
 * that does not exist is.
 */
Datum
expert_network_copy_question_tree(PG_FUNCTION_ARGS)
{
	Datum		from = PG_GETARG_DATUM(0);
	Datum		to = PG_GETARG_DATUM(1);
	Oid			uuid_type[1] = {UUIDOID};
	Oid			insert_types[7] = {UUIDOID, UUIDARRAYOID, UUIDARRAYOID, TEXTARRAYOID,
	TEXTARRAYOID, JSONBARRAYOID, INT4ARRAYOID};
	Oid			element_types[6] = {UUIDOID, UUIDOID, TEXTOID, TEXTOID, JSONBOID, INT4OID};
	Screener	s;
	int32	   *order;
	int32	   *depths;
	pg_uuid_t  *new_ids;
	int64		base = 0;
	ArrayBuildState *columns[6] = {0};
	Datum		args[7];
	int32		copied;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	Run(en_kept_plan(&campaign_visible_plan, campaign_visible_query, 1, uuid_type),
		&from, NULL, true, SPI_OK_SELECT, "reading a campaign");
	if (SPI_processed == 0)
		ereport(ERROR,
				(errcode(ERRCODE_NO_DATA_FOUND),
				 errmsg("campaign %s does not exist", en_uuid_text(from)),
				 errdetail("No campaign of the current user has this id.")));

	en_load_campaign(&s, from, NULL);
	if (s.n == 0)
	{
		SPI_finish();
		PG_RETURN_INT32(0);
	}
	order = palloc(sizeof(int32) * s.n);
	depths = palloc(sizeof(int32) * s.n);
	en_walk_all(&s, order, depths);

	/* after the target's top level, read under the lock the inserts take anyway */
	en_lock_screener(to);
	Run(en_kept_plan(&last_top_order_plan, last_top_order_query, 1, uuid_type),
		&to, NULL, false, SPI_OK_SELECT, "reading screening questions");
	if (SPI_processed == 1)
	{
		bool		isnull;
		Datum		last = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);

		if (!isnull)
			base = DatumGetInt32(last);
	}
	if (base + s.nroots > PG_INT32_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("display_order of the copied top-level questions would exceed %d", PG_INT32_MAX),
				 errhint("Renumber the target campaign's top-level questions with move_question() first.")));

	new_ids = palloc(sizeof(pg_uuid_t) * s.n);
	for (int32 i = 0; i < s.n; i++)
		new_ids[i] = *DatumGetUUIDP(OidFunctionCall0(F_GEN_RANDOM_UUID));

	/* id, parent, text, type, options, order of each copy, in walk order */
	for (int32 k = 0; k < s.n; k++)
	{
		int32		i = order[k];
		Question   *q = &s.q[i];
		int32		parent = s.parent[i];
		Datum		values[6];
		bool		nulls[6] = {false, parent < 0, false, q->type_null, q->options_null, false};

		values[0] = UUIDPGetDatum(&new_ids[i]);
		values[1] = parent < 0 ? (Datum) 0 : UUIDPGetDatum(&new_ids[parent]);
		values[2] = q->question_text;
		values[3] = q->question_type;
		values[4] = q->options;
		values[5] = Int32GetDatum(parent < 0 ? (int32) (base + s.rank[i]) : s.rank[i]);
		for (int c = 0; c < 6; c++)
			en_accum(&columns[c], values[c], nulls[c], element_types[c]);
	}
	args[0] = to;
	for (int c = 0; c < 6; c++)
		args[c + 1] = makeArrayResult(columns[c], CurrentMemoryContext);

	Run(en_kept_plan(&copy_insert_plan, copy_insert_query, 7, insert_types),
		args, NULL, false, SPI_OK_INSERT, "copying screening questions");
	copied = (int32) SPI_processed;

	SPI_finish();
	PG_RETURN_INT32(copied);
}
