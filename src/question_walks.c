/*
 * question_walks.c
 *	  The walk functions: question_tree(), question_subtree() and
 *	  question_ancestors(), each a screener (question_tree.c) walked into a
 *	  tuplestore, one row per question with its depth, outline number and
 *	  path.
 *
 * question_tree() and question_subtree() read the campaign's questions once.
 * question_ancestors() reads, by key, the question's chain of parents and
 * the siblings of each chain member, which is all an outline number needs.
 * Called once per row of a larger query (FROM probe, LATERAL
 * question_ancestors(probe.id)), it asks the same screener again and again:
 * so when a second call in one execution of the query lands in the campaign
 * of the first, that campaign's whole screener is read once and kept for the
 * rest of the execution, and each later call walks up in memory (see
 * AncestorCache).
 */
#include "expert_network.h"

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/regproc.h"
#include "utils/snapmgr.h"

PG_FUNCTION_INFO_V1(expert_network_question_tree);
PG_FUNCTION_INFO_V1(expert_network_question_subtree);
PG_FUNCTION_INFO_V1(expert_network_question_ancestors);

/* question_subtree(): the questions of the question's campaign */
static const char *const subtree_questions_query =
"SELECT " EN_QUESTION_COLUMNS
"  FROM expert_network.screening_questions AS q"
" WHERE q.campaign_id OPERATOR(pg_catalog.=)"
"       (SELECT t.campaign_id FROM expert_network.screening_questions AS t"
"         WHERE t.id OPERATOR(pg_catalog.=) $1)";

/*
 * question_ancestors(): the question's chain of parents (at most $2 + 1
 * steps, so that a loop ends), and of every chain member its siblings: the
 * children of each parent on the chain, and the campaign's top-level
 * questions.  (A loop in corrupt data repeats rows; en_load_questions()
 * keeps the first of each.)
 */
static const char *const ancestor_questions_query =
"WITH RECURSIVE chain (id, parent_question_id, campaign_id, n) AS ("
"    SELECT t.id, t.parent_question_id, t.campaign_id, 1"
"      FROM expert_network.screening_questions AS t"
"     WHERE t.id OPERATOR(pg_catalog.=) $1"
"  UNION ALL"
"    SELECT t.id, t.parent_question_id, t.campaign_id, c.n OPERATOR(pg_catalog.+) 1"
"      FROM chain AS c"
"      JOIN expert_network.screening_questions AS t"
"        ON t.id OPERATOR(pg_catalog.=) c.parent_question_id"
"     WHERE c.n OPERATOR(pg_catalog.<=) $2"
")"
"SELECT " EN_QUESTION_COLUMNS
"  FROM chain AS c"
"  JOIN expert_network.screening_questions AS q"
"    ON q.parent_question_id OPERATOR(pg_catalog.=) c.parent_question_id"
" UNION ALL "
"SELECT " EN_QUESTION_COLUMNS
"  FROM expert_network.screening_questions AS q"
" WHERE q.parent_question_id IS NULL"
"   AND q.campaign_id OPERATOR(pg_catalog.=) (SELECT c.campaign_id FROM chain AS c WHERE c.n OPERATOR(pg_catalog.=) 1)";

static SPIPlanPtr subtree_questions_plan;
static SPIPlanPtr ancestor_questions_plan;

/* The result's columns, as the functions declare them */
enum
{
	RCOL_ID,
	RCOL_PARENT,
	RCOL_DEPTH,
	RCOL_POSITION,
	RCOL_PATH,
	RCOL_TEXT,
	RCOL_TYPE,
	RCOL_OPTIONS,
	RCOL_ORDER,
	RCOL_COUNT
};

/* their types, in that order */
static const Oid result_types[RCOL_COUNT] = {
	UUIDOID, UUIDOID, INT4OID, TEXTOID, UUIDARRAYOID, TEXTOID, TEXTOID, JSONBOID, INT4OID
};

/*
 * Make the result's tuplestore (InitMaterializedSRF) and check that the
 * function returns the columns the rows are made of: a redefinition by the
 * extension's owner could change them.
 */
static void
BeginResult(FunctionCallInfo fcinfo)
{
	TupleDesc	desc;
	bool		matches;

	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	/* in FROM, the descriptor the executor made once (no catalog look-up per call) */
	InitMaterializedSRF(fcinfo, rsinfo != NULL && IsA(rsinfo, ReturnSetInfo) &&
						rsinfo->expectedDesc != NULL ? MAT_SRF_USE_EXPECTED_DESC : 0);
	desc = rsinfo->setDesc;
	matches = desc->natts == RCOL_COUNT;
	for (int i = 0; matches && i < RCOL_COUNT; i++)
		matches = TupleDescAttr(desc, i)->atttypid == result_types[i];
	if (!matches)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("function %s does not return the columns of a screener walk",
						format_procedure(fcinfo->flinfo->fn_oid)),
				 errdetail("It must return (id uuid, parent_question_id uuid, depth int4, position text, path uuid[], question_text text, question_type text, options jsonb, display_order int4), as the extension's script declares it.")));
}

/* The path and outline number being walked, one level per entry */
typedef struct Outline
{
	Datum	   *path;			/* the ids from the top down */
	int		   *poslen;			/* length of the outline number at each level */
	text	   *pos;			/* the outline number of the deepest level entered */
} Outline;

/* Enter question at of s at this level: its id ends the path, its rank the number */
static void
Descend(Outline *o, Screener *s, int32 at, int32 level)
{
	char	   *digits = VARDATA(o->pos);
	int			len = level > 0 ? o->poslen[level - 1] : 0;

	o->path[level] = UUIDPGetDatum(&s->q[at].id);
	if (level > 0)
		digits[len++] = '.';
	len += pg_ltoa(s->rank[at], digits + len);
	o->poslen[level] = len;
	SET_VARSIZE(o->pos, VARHDRSZ + len);
}

/*
 * Put walked questions into the result, each with its depth, outline number
 * and path.  prefix holds the questions above the first one walked
 * (question_subtree()), root first.
 *
 * A question's path and outline number extend its parent's, so both are
 * kept as arrays of the levels walked, the path's uuids and the outline
 * number's text rewritten from the level that changed; the tuplestore
 * copies each row's values.
 */
static void
EmitRows(FunctionCallInfo fcinfo, Screener *s, const int32 *order, const int32 *depths,
		 int32 count, const int32 *prefix, int32 nprefix)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int32		levels = nprefix + 1;
	Outline		o;

	for (int32 k = 0; k < count; k++)
		levels = Max(levels, depths[k] + 1);
	o.path = palloc(sizeof(Datum) * levels);
	o.poslen = palloc(sizeof(int) * levels);
	o.pos = palloc(VARHDRSZ + 12 * (Size) levels);	/* an int32 and a dot per level */

	for (int32 level = 0; level < nprefix; level++)
		Descend(&o, s, prefix[level], level);
	for (int32 k = 0; k < count; k++)
	{
		Question   *q = &s->q[order[k]];
		int32		depth = depths[k];
		Datum		values[RCOL_COUNT];
		bool		nulls[RCOL_COUNT] = {0};

		Descend(&o, s, order[k], depth);
		values[RCOL_ID] = UUIDPGetDatum(&q->id);
		values[RCOL_PARENT] = UUIDPGetDatum(&q->parent_id);
		nulls[RCOL_PARENT] = !q->has_parent;
		values[RCOL_DEPTH] = Int32GetDatum(depth);
		values[RCOL_POSITION] = PointerGetDatum(o.pos);
		values[RCOL_PATH] = PointerGetDatum(construct_array(o.path, depth + 1, UUIDOID, UUID_LEN,
															false, TYPALIGN_CHAR));
		values[RCOL_TEXT] = q->question_text;
		values[RCOL_TYPE] = q->question_type;
		nulls[RCOL_TYPE] = q->type_null;
		values[RCOL_OPTIONS] = q->options;
		nulls[RCOL_OPTIONS] = q->options_null;
		values[RCOL_ORDER] = Int32GetDatum(q->display_order);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		pfree(DatumGetPointer(values[RCOL_PATH]));
		if ((k & 1023) == 1023)
			CHECK_FOR_INTERRUPTS();
	}
}

/*
 * question_tree(campaign_id uuid): the campaign's questions in depth-first
 * pre-order, siblings in their order.  A campaign the caller cannot see, or
 * without questions, has none.
 */
Datum
expert_network_question_tree(PG_FUNCTION_ARGS)
{
	Datum		campaign = PG_GETARG_DATUM(0);
	Screener	s;
	int32	   *order;
	int32	   *depths;

	BeginResult(fcinfo);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	en_load_campaign(&s, campaign, NULL);
	order = palloc(sizeof(int32) * Max(s.n, 1));
	depths = palloc(sizeof(int32) * Max(s.n, 1));
	en_walk_all(&s, order, depths);
	EmitRows(fcinfo, &s, order, depths, s.n, NULL, 0);

	SPI_finish();
	return (Datum) 0;
}

/*
 * question_subtree(question_id uuid): the question and the questions below
 * it, in the order, depths and outline numbers of the whole tree.
 *
 * An unknown question, like one of another user, is an error, no_data_found
 * (P0002): an empty result would read as "no questions", and 22023 is kept
 * for bad argument values (move_question's position).
 */
Datum
expert_network_question_subtree(PG_FUNCTION_ARGS)
{
	Datum		question = PG_GETARG_DATUM(0);
	Oid			argtypes[1] = {UUIDOID};
	Screener	s;
	int32		target;
	int32	   *chain;
	int32		depth;
	int32	   *order;
	int32	   *depths;
	int32		count = 0;

	BeginResult(fcinfo);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	en_load_questions(&s, en_kept_plan(&subtree_questions_plan, subtree_questions_query, 1, argtypes),
					  &question, NULL);
	target = en_find_question(&s, DatumGetUUIDP(question));
	if (target < 0)
		en_report_unknown_question(question);

	chain = palloc(sizeof(int32) * EN_QUESTION_DEPTH_LIMIT);
	depth = en_chain_of(&s, target, chain) - 1;
	order = palloc(sizeof(int32) * s.n);
	depths = palloc(sizeof(int32) * s.n);
	en_walk_preorder(&s, target, depth, order, depths, &count);
	EmitRows(fcinfo, &s, order, depths, count, chain, depth);

	SPI_finish();
	return (Datum) 0;
}

/*
 * What question_ancestors() keeps between calls of one execution of the
 * query that calls it (in fn_extra, in the query's memory): the campaign of
 * the last call, and once a second call asked for that campaign too, the
 * campaign's whole screener, linked.
 *
 * A kept screener answers only while the caller reads what it read: the
 * same snapshot (a STABLE function's calls in one query share the query's)
 * and the same role and application identity, under which row-level
 * security showed it the rows.  Otherwise it is dropped and read again.
 */
typedef struct AncestorCache
{
	MemoryContext cxt;			/* the kept screener's; NULL: none */
	Screener	s;
	pg_uuid_t	campaign;		/* of the last call */
	int			calls;			/* calls in a row that asked for it */
	int			loads;			/* screeners read so far */

	/* what the kept screener was read under */
	Oid			userid;
	char	   *identity;		/* expert_network.user_id, or NULL */
	TransactionId xmin;
	TransactionId xmax;
	CommandId	curcid;
} AncestorCache;

static bool
CacheValid(AncestorCache *cache)
{
	Snapshot	snapshot = GetActiveSnapshot();
	const char *identity = en_current_user_id();

	return cache->cxt != NULL &&
		cache->userid == GetUserId() &&
		cache->xmin == snapshot->xmin && cache->xmax == snapshot->xmax &&
		cache->curcid == snapshot->curcid &&
		((identity == NULL && cache->identity == NULL) ||
		 (identity != NULL && cache->identity != NULL && strcmp(identity, cache->identity) == 0));
}

static void
CacheDrop(AncestorCache *cache)
{
	if (cache->cxt != NULL)
		MemoryContextDelete(cache->cxt);
	cache->cxt = NULL;
}

/* Read and keep the whole screener of the campaign */
static void
CacheLoad(FmgrInfo *flinfo, AncestorCache *cache, Datum campaign)
{
	Snapshot	snapshot = GetActiveSnapshot();
	const char *identity = en_current_user_id();
	MemoryContext old;

	CacheDrop(cache);
	cache->cxt = AllocSetContextCreate(flinfo->fn_mcxt, "question_ancestors screener",
									   ALLOCSET_DEFAULT_SIZES);
	en_load_campaign(&cache->s, campaign, cache->cxt);
	old = MemoryContextSwitchTo(cache->cxt);
	cache->userid = GetUserId();
	cache->identity = identity != NULL ? pstrdup(identity) : NULL;
	cache->xmin = snapshot->xmin;
	cache->xmax = snapshot->xmax;
	cache->curcid = snapshot->curcid;
	MemoryContextSwitchTo(old);
}

/* Emit the chain of question at of s, root first */
static void
EmitChain(FunctionCallInfo fcinfo, Screener *s, int32 at)
{
	int32	   *chain = palloc(sizeof(int32) * EN_QUESTION_DEPTH_LIMIT);
	int32		len = en_chain_of(s, at, chain);
	int32	   *depths = palloc(sizeof(int32) * len);

	for (int32 k = 0; k < len; k++)
	{
		if (memcmp(s->q[chain[k]].campaign_id.data, s->q[at].campaign_id.data, UUID_LEN) != 0)
			en_report_not_a_tree(s, at,
								 psprintf("Question %s, on its chain of parents, is not in the campaign.",
										  en_uuid_text(UUIDPGetDatum(&s->q[chain[k]].id))));
		depths[k] = k;
	}
	EmitRows(fcinfo, s, chain, depths, len, NULL, 0);
}

/*
 * question_ancestors(question_id uuid): the top-level question above it
 * first, the question itself last.  Unknown question: no_data_found (P0002).
 */
Datum
expert_network_question_ancestors(PG_FUNCTION_ARGS)
{
	Datum		question = PG_GETARG_DATUM(0);
	AncestorCache *cache = (AncestorCache *) fcinfo->flinfo->fn_extra;
	Datum		args[2];
	Oid			argtypes[2] = {UUIDOID, INT4OID};
	Screener	s;
	int32		target;

	BeginResult(fcinfo);
	if (cache == NULL)
		cache = fcinfo->flinfo->fn_extra =
			MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(AncestorCache));
	if (cache->cxt != NULL && !CacheValid(cache))
		CacheDrop(cache);
	if (cache->cxt != NULL &&
		(target = en_find_question(&cache->s, DatumGetUUIDP(question))) >= 0)
	{
		EmitChain(fcinfo, &cache->s, target);
		return (Datum) 0;
	}

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	args[0] = question;
	args[1] = Int32GetDatum(EN_QUESTION_DEPTH_LIMIT);
	en_load_questions(&s, en_kept_plan(&ancestor_questions_plan, ancestor_questions_query, 2, argtypes),
					  args, NULL);
	target = en_find_question(&s, DatumGetUUIDP(question));
	if (target < 0)
		en_report_unknown_question(question);
	EmitChain(fcinfo, &s, target);

	/*
	 * The second call in a row for one campaign keeps its screener; the next
	 * screener is read at the fourth call in a row for its campaign, the one
	 * after at the eighth, and so on: probes that alternate between
	 * campaigns (A A B B A A ...) read a few screeners, not one per pair.
	 */
	if (cache->calls > 0 && memcmp(cache->campaign.data, s.q[target].campaign_id.data, UUID_LEN) == 0)
		cache->calls++;
	else
	{
		cache->campaign = s.q[target].campaign_id;
		cache->calls = 1;
	}
	if (cache->calls == (2 << Min(cache->loads, 20)))
	{
		CacheLoad(fcinfo->flinfo, cache, UUIDPGetDatum(&cache->campaign));
		cache->loads++;
	}

	SPI_finish();
	return (Datum) 0;
}
