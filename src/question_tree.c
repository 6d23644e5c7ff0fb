/*
 * question_tree.c
 *	  A screener in memory: screening questions read with one query, linked
 *	  to their parents and children, and walked without recursion.
 *
 * A question's place among its siblings is display_order, then created_at,
 * then id; its depth is 0 at the top level; its outline number ("position")
 * is the 1-based sibling ranks from the root down, joined by dots.
 *
 * The rows are read as the caller, through SPI, so row-level security limits
 * them to the caller's.  A question keeps its values as SPI returned them
 * (pointers into SPI's tuple table) unless it is loaded into a context of
 * its own, which then holds copies.  A chain of parents that loops, leaves
 * its campaign or is deeper than EN_QUESTION_DEPTH_LIMIT (possible only
 * with the integrity triggers disabled) is an error, never an endless walk.
 */
#include "expert_network.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/memutils.h"

/* id -> index of the question */
typedef struct QuestionSlot
{
	pg_uuid_t	id;
	int32		index;
	char		status;			/* simplehash's */
} QuestionSlot;

#define SH_PREFIX		question_index
#define SH_ELEMENT_TYPE	QuestionSlot
#define SH_KEY_TYPE		pg_uuid_t
#define SH_KEY			id
#define SH_HASH_KEY(tb, key) hash_bytes((const unsigned char *) (key).data, UUID_LEN)
#define SH_EQUAL(tb, a, b) (memcmp((a).data, (b).data, UUID_LEN) == 0)
#define SH_SCOPE		static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

/* The columns every walk query returns, and their types */
static const Oid question_column_types[] = {
	[QCOL_ID] = UUIDOID,
	[QCOL_PARENT] = UUIDOID,
	[QCOL_TEXT] = TEXTOID,
	[QCOL_TYPE] = TEXTOID,
	[QCOL_OPTIONS] = JSONBOID,
	[QCOL_ORDER] = INT4OID,
	[QCOL_CREATED] = TIMESTAMPTZOID,
	[QCOL_CAMPAIGN] = UUIDOID,
};

void
en_report_unknown_question(Datum id)
{
	ereport(ERROR,
			(errcode(ERRCODE_NO_DATA_FOUND),
			 errmsg("screening question %s does not exist", en_uuid_text(id)),
			 errdetail("No screening question of the current user has this id.")));
}

/*
 * The walk query's columns must be of the types the walk reads them as: an
 * administrator may have changed one (ALTER TABLE ... TYPE).
 */
static void
CheckQuestionColumns(TupleDesc desc)
{
	if (desc->natts != QCOL_COUNT)
		elog(ERROR, "screening question query returns %d columns, not %d", desc->natts, QCOL_COUNT);
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute attr = TupleDescAttr(desc, i);

		if (attr->atttypid != question_column_types[i])
			en_report_column_type(NULL, "screening_questions", attr, question_column_types[i]);
	}
}

static void LinkQuestions(Screener *s);

/*
 * Run a walk query (columns QCOL_*) with the plan and arguments given and
 * keep its rows as the screener's questions, linked (LinkQuestions).  With
 * cxt, the screener and copies of the values go there, to outlive
 * SPI_finish(); without, the values stay in SPI's tuple table.
 */
void
en_load_questions(Screener *s, SPIPlanPtr plan, Datum *args, MemoryContext cxt)
{
	MemoryContext old;
	int			rc;
	SPITupleTable *table;

	memset(s, 0, sizeof(*s));
	rc = SPI_execute_plan(plan, args, NULL, true, 0);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "reading screening questions failed: %s", SPI_result_code_string(rc));
	/* (after SPI_execute_plan(), which leaves SPI's own context current) */
	old = cxt != NULL ? MemoryContextSwitchTo(cxt) : CurrentMemoryContext;
	table = SPI_tuptable;
	CheckQuestionColumns(table->tupdesc);
	if (SPI_processed > (uint64) (MaxAllocSize / sizeof(Question)))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many screening questions to walk: %llu",
						(unsigned long long) SPI_processed)));

	s->n = (int32) SPI_processed;
	s->q = palloc(sizeof(Question) * Max(s->n, 1));
	for (int32 i = 0; i < s->n; i++)
	{
		Question   *q = &s->q[i];
		Datum		values[QCOL_COUNT];
		bool		nulls[QCOL_COUNT];

		heap_deform_tuple(table->vals[i], table->tupdesc, values, nulls);
		if (nulls[QCOL_ID] || nulls[QCOL_TEXT] || nulls[QCOL_ORDER] ||
			nulls[QCOL_CREATED] || nulls[QCOL_CAMPAIGN])
			ereport(ERROR,
					(errcode(ERRCODE_NOT_NULL_VIOLATION),
					 errmsg("a screening question has a null in a column declared NOT NULL"),
					 errdetail("An administrator removed a NOT NULL constraint the walks rely on.")));
		q->id = *DatumGetUUIDP(values[QCOL_ID]);
		q->has_parent = !nulls[QCOL_PARENT];
		if (q->has_parent)
			q->parent_id = *DatumGetUUIDP(values[QCOL_PARENT]);
		else
			memset(&q->parent_id, 0, sizeof(q->parent_id));
		q->campaign_id = *DatumGetUUIDP(values[QCOL_CAMPAIGN]);
		q->display_order = DatumGetInt32(values[QCOL_ORDER]);
		q->created_at = DatumGetTimestampTz(values[QCOL_CREATED]);
		q->type_null = nulls[QCOL_TYPE];
		q->options_null = nulls[QCOL_OPTIONS];
		q->question_text = values[QCOL_TEXT];
		q->question_type = values[QCOL_TYPE];
		q->options = values[QCOL_OPTIONS];
		if (cxt != NULL)
		{
			q->question_text = datumCopy(q->question_text, false, -1);
			if (!q->type_null)
				q->question_type = datumCopy(q->question_type, false, -1);
			if (!q->options_null)
				q->options = datumCopy(q->options, false, -1);
		}
	}
	if (cxt != NULL)
		SPI_freetuptable(table);
	LinkQuestions(s);
	MemoryContextSwitchTo(old);
}

/* The questions of a campaign, as en_load_questions() loads them */
void
en_load_campaign(Screener *s, Datum campaign, MemoryContext cxt)
{
	static SPIPlanPtr plan;
	Oid			argtypes[1] = {UUIDOID};

	en_load_questions(s, en_kept_plan(&plan, "SELECT " EN_QUESTION_COLUMNS
									  "  FROM expert_network.screening_questions AS q"
									  " WHERE q.campaign_id OPERATOR(pg_catalog.=) $1",
									  1, argtypes),
					  &campaign, cxt);
}

/* Sibling order: display_order, then created_at, then id (uuid order is memcmp) */
static inline int
CompareSiblings(const Question *a, const Question *b)
{
	if (a->display_order != b->display_order)
		return a->display_order < b->display_order ? -1 : 1;
	if (a->created_at != b->created_at)
		return a->created_at < b->created_at ? -1 : 1;
	return memcmp(a->id.data, b->id.data, UUID_LEN);
}

#define ST_SORT sort_siblings
#define ST_ELEMENT_TYPE int32
#define ST_COMPARE_ARG_TYPE Question
#define ST_COMPARE(a, b, arg) CompareSiblings(&(arg)[*(a)], &(arg)[*(b)])
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

/*
 * Link each question to its parent and its children, children in sibling
 * order, and give each its rank.  A question whose parent is not among the
 * rows, or met a second time (the same row read twice, only from corrupt
 * data), is in no list of children: no walk from the top reaches it.
 * The id index stays, for en_find_question().
 */
static void
LinkQuestions(Screener *s)
{
	int32		n = s->n;
	int32	   *start = palloc0(sizeof(int32) * (n + 2));	/* per parent; n: the top */
	int32	   *fill;

	s->index = question_index_create(CurrentMemoryContext, Max(n, 16), NULL);
	s->parent = palloc(sizeof(int32) * Max(n, 1));
	s->state = palloc0(sizeof(uint8) * Max(n, 1));
	for (int32 i = 0; i < n; i++)
	{
		bool		found;
		QuestionSlot *slot = question_index_insert(s->index, s->q[i].id, &found);

		if (!found)
			slot->index = i;
		s->parent[i] = found ? PARENT_DUPLICATE : PARENT_NONE;
	}
	for (int32 i = 0; i < n; i++)
	{
		if (s->q[i].has_parent && s->parent[i] != PARENT_DUPLICATE)
		{
			int32		found = en_find_question(s, &s->q[i].parent_id);

			s->parent[i] = found >= 0 ? found : PARENT_MISSING;
		}
	}

	/* children grouped by parent, counted, then placed */
	for (int32 i = 0; i < n; i++)
	{
		int32		p = s->parent[i];

		if (p >= 0)
			start[p + 1]++;
		else if (p == PARENT_NONE)
			start[n + 1]++;
	}
	for (int32 p = 1; p <= n + 1; p++)
		start[p] += start[p - 1];
	s->kids = palloc(sizeof(int32) * Max(n, 1));
	fill = palloc(sizeof(int32) * (n + 1));
	memcpy(fill, start, sizeof(int32) * (n + 1));
	for (int32 i = 0; i < n; i++)
	{
		int32		p = s->parent[i];

		if (p >= 0)
			s->kids[fill[p]++] = i;
		else if (p == PARENT_NONE)
			s->kids[fill[n]++] = i;
	}
	pfree(fill);

	s->first_child = start;		/* start[p] for p < n; start[n]: the top */
	s->nchildren = palloc(sizeof(int32) * Max(n, 1));
	s->rank = palloc(sizeof(int32) * Max(n, 1));
	for (int32 p = 0; p <= n; p++)
	{
		int32		first = start[p];
		int32		count = start[p + 1] - first;

		if (p < n)
			s->nchildren[p] = count;
		else
		{
			s->first_root = first;
			s->nroots = count;
		}
		if (count > 1)
			sort_siblings(&s->kids[first], count, s->q);
		for (int32 k = 0; k < count; k++)
			s->rank[s->kids[first + k]] = k + 1;
	}
}

/* The index of the question with this id, or -1 */
int32
en_find_question(Screener *s, const pg_uuid_t *id)
{
	QuestionSlot *slot = question_index_lookup(s->index, *id);

	return slot != NULL ? slot->index : -1;
}

void
en_report_not_a_tree(Screener *s, int32 at, const char *why)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("screening question %s is not in its campaign's question tree",
					en_uuid_text(UUIDPGetDatum(&s->q[at].id))),
			 errdetail("%s", why),
			 errhint("Correct its parent_question_id; the integrity triggers refuse such rows unless they are disabled.")));
}

/*
 * The question's chain of parents, root first and the question last, into
 * chain (room for EN_QUESTION_DEPTH_LIMIT entries); returns its length.  A
 * chain that loops, leaves the loaded rows or is too deep is an error.
 */
int32
en_chain_of(Screener *s, int32 at, int32 *chain)
{
	int32		len = 0;

	for (int32 i = at;;)
	{
		if (s->state[i] & Q_ON_CHAIN)
			en_report_not_a_tree(s, at, "Its chain of parents loops.");
		if (len >= EN_QUESTION_DEPTH_LIMIT)
			en_report_not_a_tree(s, at, psprintf("Its chain of parents is longer than %d.",
												 EN_QUESTION_DEPTH_LIMIT));
		s->state[i] |= Q_ON_CHAIN;
		chain[len++] = i;
		if (s->parent[i] == PARENT_NONE)
			break;
		if (s->parent[i] < 0)
			en_report_not_a_tree(s, at, psprintf("Question %s, on its chain of parents, is not in the campaign.",
												 en_uuid_text(UUIDPGetDatum(&s->q[i].parent_id))));
		i = s->parent[i];
	}
	for (int32 k = 0; k < len / 2; k++)
	{
		int32		t = chain[k];

		chain[k] = chain[len - 1 - k];
		chain[len - 1 - k] = t;
	}
	for (int32 k = 0; k < len; k++)
		s->state[chain[k]] &= ~Q_ON_CHAIN;
	return len;
}

/*
 * Depth-first pre-order walk of the tree below top, which is at depth
 * top_depth, without recursion: appends each question and its depth to
 * order/depths at *count.  Parent links cannot make a walk from the top
 * loop, but meeting a question twice or going too deep is checked all the
 * same.
 */
void
en_walk_preorder(Screener *s, int32 top, int32 top_depth,
				 int32 *order, int32 *depths, int32 *count)
{
	int32	   *stack = palloc(sizeof(int32) * EN_QUESTION_DEPTH_LIMIT);
	int32	   *next = palloc(sizeof(int32) * EN_QUESTION_DEPTH_LIMIT);
	int32		sp = 0;

	stack[0] = top;
	next[0] = 0;
	s->state[top] |= Q_VISITED;
	order[*count] = top;
	depths[(*count)++] = top_depth;

	while (sp >= 0)
	{
		int32		at = stack[sp];
		int32		child;

		if (next[sp] >= s->nchildren[at])
		{
			sp--;
			continue;
		}
		child = s->kids[s->first_child[at] + next[sp]++];
		if (s->state[child] & Q_VISITED)
			en_report_not_a_tree(s, child, "A walk of the tree meets it twice.");
		if (top_depth + sp + 1 >= EN_QUESTION_DEPTH_LIMIT)
			en_report_not_a_tree(s, child, psprintf("Its chain of parents is longer than %d.",
													EN_QUESTION_DEPTH_LIMIT));
		s->state[child] |= Q_VISITED;
		order[*count] = child;
		depths[(*count)++] = top_depth + sp + 1;
		sp++;
		stack[sp] = child;
		next[sp] = 0;
		if ((*count & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	pfree(stack);
	pfree(next);
}

/*
 * Walk the whole campaign from the top into order/depths (n entries each);
 * a question no walk reaches is an error that says why.
 */
void
en_walk_all(Screener *s, int32 *order, int32 *depths)
{
	int32		count = 0;

	for (int32 r = 0; r < s->nroots; r++)
		en_walk_preorder(s, s->kids[s->first_root + r], 0, order, depths, &count);
	if (count < s->n)
	{
		int32	   *chain = palloc(sizeof(int32) * EN_QUESTION_DEPTH_LIMIT);
		int32		first = -1;

		/* name the unreached question with the lowest id: the same every time */
		for (int32 i = 0; i < s->n; i++)
			if (!(s->state[i] & Q_VISITED) && s->parent[i] != PARENT_DUPLICATE &&
				(first < 0 || memcmp(s->q[i].id.data, s->q[first].id.data, UUID_LEN) < 0))
				first = i;
		(void) en_chain_of(s, first, chain);	/* says why */
		en_report_not_a_tree(s, first, "No walk from the top level reaches it.");
	}
}
