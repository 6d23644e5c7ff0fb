/*
 * questions.c
 *	  Screeners as trees: walks of a campaign's screening questions, the rules
 *	  a question tree keeps on every write, and the editing functions
 *	  move_question() and copy_question_tree().
 *
 * A question's place among its siblings is display_order, then created_at,
 * then id; its depth is 0 at the top level; its outline number ("position")
 * is the 1-based sibling ranks from the root down, joined by dots.
 *
 * Walks read the rows they need with one query, link them in memory and walk
 * the links, never a query per level: question_tree() and question_subtree()
 * read the campaign's questions; question_ancestors() reads the question's
 * chain of parents together with the siblings of each, which is all an
 * outline number needs.  They read as the caller, so row-level security
 * limits them to the caller's rows.  A chain of parents that loops, leaves
 * its campaign or is deeper than EN_QUESTION_DEPTH_LIMIT (possible only with
 * the triggers disabled) is an error, never an endless walk.
 *
 * Integrity (23514): a sub-question is in its parent's campaign; no question
 * is its own ancestor; depth stays below expert_network.max_question_depth,
 * the deepest sub-question of a moved subtree included; a question changes
 * campaign only without sub-questions and without responses from experts of
 * another campaign; a response answers a question of its expert's campaign.
 *
 * Concurrency.  Each check races with other transactions editing the same
 * tree: two sessions moving A under B and B under A each see the other's
 * row as it was and would both pass.  So every write that can change a
 * campaign's tree (a question inserted under a parent, a change of parent,
 * campaign or id, a response added) first takes a transaction-level advisory
 * lock on the campaign, then reads with the latest snapshot instead of the
 * statement's or the transaction's: once the lock is held, every earlier
 * writer of that tree has committed or aborted, and the latest snapshot sees
 * what it committed even under REPEATABLE READ, whose transaction snapshot
 * would not (ri_triggers.c cross-checks foreign keys the same way).  The
 * second of the two sessions waits for the first, then finds the cycle.  The
 * checking queries also run as non-read-only SPI, which advances the command
 * counter first, so rows written earlier by the same statement count too
 * (an UPDATE swapping two parents at once).  One writer per campaign tree at
 * a time, until commit; readers never wait.  A row-level lock on the
 * campaign would do as well but would conflict with the call counters'
 * updates of that row, and raise serialization failures under REPEATABLE
 * READ whenever an interview was booked meanwhile.
 */
#include "expert_network.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "common/hashfn.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "storage/lock.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/timestamp.h"
#include "utils/uuid.h"

PG_FUNCTION_INFO_V1(expert_network_question_tree);
PG_FUNCTION_INFO_V1(expert_network_question_subtree);
PG_FUNCTION_INFO_V1(expert_network_question_ancestors);
PG_FUNCTION_INFO_V1(expert_network_move_question);
PG_FUNCTION_INFO_V1(expert_network_copy_question_tree);
PG_FUNCTION_INFO_V1(expert_network_question_integrity);
PG_FUNCTION_INFO_V1(expert_network_response_integrity);

/*
 * The highest expert_network.max_question_depth.  Walks refuse data deeper
 * than this (it can only have been written with the triggers disabled) and
 * size their stacks by it.
 */
#define EN_QUESTION_DEPTH_LIMIT 1000

/*
 * Our advisory locks' last key field.  SQL's pg_advisory_xact_lock() uses 1
 * (one bigint key) and 2 (two integer keys), so an application's own
 * advisory locks can never collide with a campaign tree's.
 */
#define EN_SCREENER_LOCK_CLASS 0x454E

static int	en_max_question_depth = 16;

/*
 * Register expert_network.max_question_depth.
 */
void
en_questions_init(void)
{
	DefineCustomIntVariable("expert_network.max_question_depth",
							"Number of levels a screener may have.",
							"A question's depth counts from 0 at the top level and must stay below this "
							"setting; it is checked when a question is inserted or moved.",
							&en_max_question_depth,
							16, 1, EN_QUESTION_DEPTH_LIMIT,
							PGC_USERSET,
							0,
							NULL, NULL, NULL);
}

/* ------------------------------------------------------------------------
 * Queries.  Fixed text, every name qualified; plans prepared once and kept.
 * ------------------------------------------------------------------------ */

#define QUESTION_COLUMNS \
	"q.id, q.parent_question_id, q.question_text, q.question_type, q.options," \
	" q.display_order, q.created_at"

/* question_tree(), copy_question_tree(): a campaign's questions */
static const char *const campaign_questions_query =
"SELECT " QUESTION_COLUMNS
"  FROM expert_network.screening_questions AS q"
" WHERE q.campaign_id OPERATOR(pg_catalog.=) $1";

/* question_subtree(): the questions of the question's campaign */
static const char *const subtree_questions_query =
"SELECT " QUESTION_COLUMNS
"  FROM expert_network.screening_questions AS q"
" WHERE q.campaign_id OPERATOR(pg_catalog.=)"
"       (SELECT t.campaign_id FROM expert_network.screening_questions AS t"
"         WHERE t.id OPERATOR(pg_catalog.=) $1)";

/*
 * question_ancestors(): the question's chain of parents (at most $2 + 1
 * steps, so that a loop ends), and of every chain member its siblings, which
 * give it its outline number: the children of each parent on the chain, and
 * the campaign's top-level questions.  (A loop in corrupt data repeats rows;
 * LinkQuestions() keeps the first of each.)
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
"SELECT " QUESTION_COLUMNS ", q.campaign_id"
"  FROM chain AS c"
"  JOIN expert_network.screening_questions AS q"
"    ON q.parent_question_id OPERATOR(pg_catalog.=) c.parent_question_id"
" UNION ALL "
"SELECT " QUESTION_COLUMNS ", q.campaign_id"
"  FROM expert_network.screening_questions AS q"
" WHERE q.parent_question_id IS NULL"
"   AND q.campaign_id OPERATOR(pg_catalog.=) (SELECT c.campaign_id FROM chain AS c WHERE c.n OPERATOR(pg_catalog.=) 1)";

/* columns of the three queries above */
enum
{
	COL_ID,
	COL_PARENT,
	COL_TEXT,
	COL_TYPE,
	COL_OPTIONS,
	COL_ORDER,
	COL_CREATED,
	COL_CAMPAIGN				/* ancestor_questions_query only */
};

/*
 * Trigger: the new parent and its ancestors, nearest first, at most $2 + 1
 * of them; the walk stops at the question itself ($3), which means a cycle.
 */
static const char *const ancestry_query =
"WITH RECURSIVE up (id, parent_question_id, campaign_id, n) AS ("
"    SELECT q.id, q.parent_question_id, q.campaign_id, 1"
"      FROM expert_network.screening_questions AS q"
"     WHERE q.id OPERATOR(pg_catalog.=) $1"
"  UNION ALL"
"    SELECT q.id, q.parent_question_id, q.campaign_id, u.n OPERATOR(pg_catalog.+) 1"
"      FROM up AS u"
"      JOIN expert_network.screening_questions AS q"
"        ON q.id OPERATOR(pg_catalog.=) u.parent_question_id"
"     WHERE u.n OPERATOR(pg_catalog.<=) $2 AND u.id OPERATOR(pg_catalog.<>) $3"
")"
"SELECT u.id, u.parent_question_id, u.campaign_id FROM up AS u ORDER BY u.n";

/*
 * Trigger: how many sub-questions the question has, how far below it the
 * deepest is (counted up to $2), and whether a direct one is outside the
 * campaign $3.
 */
static const char *const descendants_query =
"WITH RECURSIVE down (id, n, elsewhere) AS ("
"    SELECT q.id, 1, q.campaign_id OPERATOR(pg_catalog.<>) $3"
"      FROM expert_network.screening_questions AS q"
"     WHERE q.parent_question_id OPERATOR(pg_catalog.=) $1"
"  UNION ALL"
"    SELECT q.id, d.n OPERATOR(pg_catalog.+) 1, false"
"      FROM down AS d"
"      JOIN expert_network.screening_questions AS q"
"        ON q.parent_question_id OPERATOR(pg_catalog.=) d.id"
"     WHERE d.n OPERATOR(pg_catalog.<) $2"
")"
"SELECT pg_catalog.count(*), pg_catalog.max(d.n), pg_catalog.bool_or(d.elsewhere) FROM down AS d";

/* Trigger: responses to question $1 from experts outside campaign $2 */
static const char *const foreign_responses_query =
"SELECT pg_catalog.count(*)"
"  FROM expert_network.expert_screening_responses AS r"
"  JOIN expert_network.experts AS e ON e.id OPERATOR(pg_catalog.=) r.expert_id"
" WHERE r.screening_question_id OPERATOR(pg_catalog.=) $1"
"   AND e.campaign_id OPERATOR(pg_catalog.<>) $2";

/* Response trigger: the campaigns of question $1 and of expert $2 */
static const char *const response_campaigns_query =
"SELECT q.campaign_id, e.campaign_id"
"  FROM expert_network.screening_questions AS q, expert_network.experts AS e"
" WHERE q.id OPERATOR(pg_catalog.=) $1 AND e.id OPERATOR(pg_catalog.=) $2";

/* move_question(): where a question is */
static const char *const question_place_query =
"SELECT q.campaign_id, q.parent_question_id"
"  FROM expert_network.screening_questions AS q"
" WHERE q.id OPERATOR(pg_catalog.=) $1";

/*
 * move_question(): give question $1 the parent $2 and the place $3 among the
 * siblings there (at most one past the last), and renumber those siblings
 * 1..n around it.  $4 is the campaign, for the top level.  Only the rows
 * whose order changes are written, and the question itself.
 */
#define PLACE_QUESTION(siblings) \
"WITH sib AS (" \
"    SELECT s.id, pg_catalog.row_number() OVER (ORDER BY s.display_order, s.created_at, s.id) AS rn" \
"      FROM expert_network.screening_questions AS s" \
"     WHERE " siblings " AND s.id OPERATOR(pg_catalog.<>) $1" \
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

static const char *const place_under_parent =
PLACE_QUESTION("s.parent_question_id OPERATOR(pg_catalog.=) $2");
static const char *const place_at_top =
PLACE_QUESTION("s.parent_question_id IS NULL AND s.campaign_id OPERATOR(pg_catalog.=) $4");

/* move_question(): renumber the list the question left, 1..n ($1 parent, $2 campaign) */
#define RENUMBER_SIBLINGS(siblings) \
"WITH sib AS (" \
"    SELECT s.id, pg_catalog.row_number() OVER (ORDER BY s.display_order, s.created_at, s.id) AS rn" \
"      FROM expert_network.screening_questions AS s" \
"     WHERE " siblings \
")" \
"UPDATE expert_network.screening_questions AS q" \
"   SET display_order = sib.rn::pg_catalog.int4" \
"  FROM sib" \
" WHERE q.id OPERATOR(pg_catalog.=) sib.id AND q.display_order OPERATOR(pg_catalog.<>) sib.rn"

static const char *const renumber_under_parent =
RENUMBER_SIBLINGS("s.parent_question_id OPERATOR(pg_catalog.=) $1");
static const char *const renumber_at_top =
RENUMBER_SIBLINGS("s.parent_question_id IS NULL AND s.campaign_id OPERATOR(pg_catalog.=) $2");

/* copy_question_tree() */
static const char *const campaign_visible_query =
"SELECT 1 FROM expert_network.campaigns AS c WHERE c.id OPERATOR(pg_catalog.=) $1";

static const char *const last_top_order_query =
"SELECT pg_catalog.max(q.display_order)"
"  FROM expert_network.screening_questions AS q"
" WHERE q.campaign_id OPERATOR(pg_catalog.=) $1 AND q.parent_question_id IS NULL";

/* the copies, parents before children: the trigger finds each parent */
static const char *const copy_insert_query =
"INSERT INTO expert_network.screening_questions"
"       (id, campaign_id, parent_question_id, question_text, question_type, options, display_order)"
"SELECT n.id, $1, n.parent_question_id, n.question_text, n.question_type, n.options, n.display_order"
"  FROM ROWS FROM (pg_catalog.unnest($2), pg_catalog.unnest($3), pg_catalog.unnest($4),"
"                  pg_catalog.unnest($5), pg_catalog.unnest($6), pg_catalog.unnest($7))"
"       WITH ORDINALITY AS n (id, parent_question_id, question_text, question_type, options,"
"                             display_order, ord)"
" ORDER BY n.ord";

static SPIPlanPtr campaign_questions_plan;
static SPIPlanPtr subtree_questions_plan;
static SPIPlanPtr ancestor_questions_plan;
static SPIPlanPtr ancestry_plan;
static SPIPlanPtr descendants_plan;
static SPIPlanPtr foreign_responses_plan;
static SPIPlanPtr response_campaigns_plan;
static SPIPlanPtr question_place_plan;
static SPIPlanPtr place_under_parent_plan;
static SPIPlanPtr place_at_top_plan;
static SPIPlanPtr renumber_under_parent_plan;
static SPIPlanPtr renumber_at_top_plan;
static SPIPlanPtr campaign_visible_plan;
static SPIPlanPtr last_top_order_plan;
static SPIPlanPtr copy_insert_plan;


/*
 * Run a kept plan, with the snapshot given (or SPI's own).  Every query here
 * finds rows by key, a few at a time (a campaign's questions, a question's
 * parents, children or siblings), and the triggers run theirs once per
 * written row.  A plan made while the table was small, as in the first rows of a
 * restore or of a copy into an empty database, would scan the table whole
 * for every row after.  So the plans are made, and made again whenever the
 * plan cache re-plans, with sequential scans and hash and merge joins
 * disabled: whatever the statistics say, each step is an index probe.
 */
static int
RunKept(SPIPlanPtr plan, Datum *args, const char *nulls, Snapshot snapshot,
		bool read_only, long tcount)
{
	int			nestlevel = NewGUCNestLevel();
	int			rc;

	(void) set_config_option("enable_seqscan", "off", PGC_USERSET, PGC_S_SESSION,
							 GUC_ACTION_SAVE, true, 0, false);
	(void) set_config_option("enable_hashjoin", "off", PGC_USERSET, PGC_S_SESSION,
							 GUC_ACTION_SAVE, true, 0, false);
	(void) set_config_option("enable_mergejoin", "off", PGC_USERSET, PGC_S_SESSION,
							 GUC_ACTION_SAVE, true, 0, false);
	if (snapshot != InvalidSnapshot)
		rc = SPI_execute_snapshot(plan, args, nulls, snapshot, InvalidSnapshot,
								  read_only, false, tcount);
	else
		rc = SPI_execute_plan(plan, args, nulls, read_only, tcount);
	AtEOXact_GUC(true, nestlevel);
	return rc;
}

/* ------------------------------------------------------------------------
 * Small helpers
 * ------------------------------------------------------------------------ */

static inline bool
UuidEqual(Datum a, Datum b)
{
	return memcmp(DatumGetUUIDP(a)->data, DatumGetUUIDP(b)->data, UUID_LEN) == 0;
}

static char *
UuidText(Datum id)
{
	return DatumGetCString(DirectFunctionCall1(uuid_out, id));
}

/* A new version 4 uuid, as gen_random_uuid() makes them */
static void
NewUuid(pg_uuid_t *uuid)
{
	if (!pg_strong_random(uuid->data, UUID_LEN))
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("could not generate random values")));
	uuid->data[6] = (uuid->data[6] & 0x0f) | 0x40;
	uuid->data[8] = (uuid->data[8] & 0x3f) | 0x80;
}

static void
ReportUnknownQuestion(Datum id)
{
	ereport(ERROR,
			(errcode(ERRCODE_NO_DATA_FOUND),
			 errmsg("screening question %s does not exist", UuidText(id)),
			 errdetail("No screening question of the current user has this id.")));
}

/*
 * Take the transaction-level lock on a campaign's question tree (see the
 * file header).  The key is a hash of the campaign id: two campaigns that
 * share one only wait for each other.
 */
static void
LockScreener(Datum campaign)
{
	uint64		key = hash_bytes_extended(DatumGetUUIDP(campaign)->data, UUID_LEN, 0);
	LOCKTAG		tag;

	SET_LOCKTAG_ADVISORY(tag, MyDatabaseId, (uint32) (key >> 32), (uint32) key,
						 EN_SCREENER_LOCK_CLASS);
	(void) LockAcquire(&tag, ExclusiveLock, false, false);
}

/* Both campaigns' locks, always in uuid order, so two such movers cannot deadlock */
static void
LockScreeners(Datum a, Datum b)
{
	int			cmp = memcmp(DatumGetUUIDP(a)->data, DatumGetUUIDP(b)->data, UUID_LEN);

	LockScreener(cmp <= 0 ? a : b);
	if (cmp != 0)
		LockScreener(cmp <= 0 ? b : a);
}

/* ------------------------------------------------------------------------
 * A question tree in memory
 * ------------------------------------------------------------------------ */

typedef struct Question
{
	pg_uuid_t	id;
	pg_uuid_t	parent_id;
	pg_uuid_t	campaign_id;	/* loaded by question_ancestors() only */
	bool		has_parent;
	bool		type_null;
	bool		options_null;
	bool		visited;		/* met by the walk */
	bool		duplicate;		/* the same row again (a loop in question_ancestors()) */
	bool		on_chain;		/* met going up a chain of parents */
	int32		display_order;
	TimestampTz created_at;
	Datum		question_text;	/* these three point into the SPI result */
	Datum		question_type;
	Datum		options;
	int32		parent;			/* index of the parent; -1 at the top, or missing */
	int32		first_child;	/* children: kids[first_child .. first_child + nchildren) */
	int32		nchildren;
	int32		rank;			/* 1-based place among its siblings */
} Question;

/* id -> index of the question, for linking children to parents */
typedef struct QuestionIdEntry
{
	pg_uuid_t	id;
	int32		index;
	char		status;
} QuestionIdEntry;

/* uuids are often made by hand ('...-000000000001'): mix all 128 bits (splitmix64's finalizer) */
static inline uint32
HashUuid(pg_uuid_t id)
{
	uint64		a,
				b,
				h;

	memcpy(&a, id.data, sizeof(a));
	memcpy(&b, id.data + sizeof(a), sizeof(b));
	h = a ^ (b * UINT64CONST(0x9E3779B97F4A7C15));
	h ^= h >> 31;
	h *= UINT64CONST(0xBF58476D1CE4E5B9);
	h ^= h >> 27;
	h *= UINT64CONST(0x94D049BB133111EB);
	h ^= h >> 31;
	return (uint32) h;
}

#define SH_PREFIX questionid
#define SH_ELEMENT_TYPE QuestionIdEntry
#define SH_KEY_TYPE pg_uuid_t
#define SH_KEY id
#define SH_HASH_KEY(tb, key) HashUuid(key)
#define SH_EQUAL(tb, a, b) (memcmp((a).data, (b).data, UUID_LEN) == 0)
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

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

typedef struct Screener
{
	int32		n;
	Question   *q;
	int32	   *kids;			/* children grouped by parent; the top level last */
	int32		first_root;		/* top-level questions: kids[first_root .. + nroots) */
	int32		nroots;
} Screener;

/*
 * Run a walk query as the caller and keep its rows as questions.  The values
 * stay in the SPI result, which lives until SPI_finish().
 */
static void
LoadQuestions(Screener *s, SPIPlanPtr plan, Datum *args, bool with_campaign)
{
	SPITupleTable *tuptable;
	int			natts;
	Datum	   *values;
	bool	   *nulls;
	int			rc;

	rc = RunKept(plan, args, NULL, InvalidSnapshot, true, 0);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "reading screening questions failed: %s", SPI_result_code_string(rc));
	tuptable = SPI_tuptable;
	if (SPI_processed > (uint64) (MaxAllocSize / sizeof(Question)))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many screening questions to walk: %llu",
						(unsigned long long) SPI_processed)));

	s->n = (int32) SPI_processed;
	s->q = palloc0(sizeof(Question) * Max(s->n, 1));
	natts = tuptable->tupdesc->natts;
	values = palloc(sizeof(Datum) * natts);
	nulls = palloc(sizeof(bool) * natts);

	for (int32 i = 0; i < s->n; i++)
	{
		Question   *q = &s->q[i];

		heap_deform_tuple(tuptable->vals[i], tuptable->tupdesc, values, nulls);
		q->id = *DatumGetUUIDP(values[COL_ID]);
		q->has_parent = !nulls[COL_PARENT];
		if (q->has_parent)
			q->parent_id = *DatumGetUUIDP(values[COL_PARENT]);
		q->question_text = values[COL_TEXT];
		q->question_type = values[COL_TYPE];
		q->type_null = nulls[COL_TYPE];
		q->options = values[COL_OPTIONS];
		q->options_null = nulls[COL_OPTIONS];
		q->display_order = DatumGetInt32(values[COL_ORDER]);
		q->created_at = DatumGetTimestampTz(values[COL_CREATED]);
		if (with_campaign)
			q->campaign_id = *DatumGetUUIDP(values[COL_CAMPAIGN]);
	}
}

/*
 * Link each question to its parent and its children, children in sibling
 * order, and give each its rank.  A question whose parent is not among the
 * rows is left out of every list: no walk from the top reaches it.
 */
static void
LinkQuestions(Screener *s)
{
	int32		n = s->n;
	questionid_hash *ids = questionid_create(CurrentMemoryContext, Max(n, 1), NULL);
	int32	   *start = palloc0(sizeof(int32) * (n + 2));	/* per parent; n: the top */
	int32	   *fill;

	for (int32 i = 0; i < n; i++)
	{
		bool		found;
		QuestionIdEntry *entry = questionid_insert(ids, s->q[i].id, &found);

		if (found)
			s->q[i].duplicate = true;	/* a repeat of the row at entry->index */
		else
			entry->index = i;
	}

	for (int32 i = 0; i < n; i++)
	{
		Question   *q = &s->q[i];

		q->parent = -1;
		if (q->duplicate)
			continue;			/* in no list */
		if (q->has_parent)
		{
			QuestionIdEntry *entry = questionid_lookup(ids, q->parent_id);

			if (entry == NULL)
				continue;		/* orphan: in no list */
			q->parent = entry->index;
			start[q->parent + 1]++;
		}
		else
			start[n + 1]++;
	}
	for (int32 p = 1; p <= n + 1; p++)
		start[p] += start[p - 1];

	s->kids = palloc(sizeof(int32) * Max(n, 1));
	fill = palloc(sizeof(int32) * (n + 1));
	memcpy(fill, start, sizeof(int32) * (n + 1));
	for (int32 i = 0; i < n; i++)
	{
		Question   *q = &s->q[i];

		if (q->duplicate)
			continue;
		if (q->parent >= 0)
			s->kids[fill[q->parent]++] = i;
		else if (!q->has_parent)
			s->kids[fill[n]++] = i;
	}

	for (int32 p = 0; p <= n; p++)
	{
		int32		first = start[p];
		int32		count = start[p + 1] - first;

		if (p < n)
		{
			s->q[p].first_child = first;
			s->q[p].nchildren = count;
		}
		else
		{
			s->first_root = first;
			s->nroots = count;
		}
		if (count > 1)
			sort_siblings(&s->kids[first], count, s->q);
		for (int32 k = 0; k < count; k++)
			s->q[s->kids[first + k]].rank = k + 1;
	}

	questionid_destroy(ids);
	pfree(start);
	pfree(fill);
}

static void
ReportNotATree(Screener *s, int32 at, const char *why)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("screening question %s is not in its campaign's question tree",
					UuidText(UUIDPGetDatum(&s->q[at].id))),
			 errdetail("%s", why),
			 errhint("Correct its parent_question_id; the integrity triggers refuse such rows unless they are disabled.")));
}

/*
 * The question's chain of parents, root first and the question last, into
 * chain (room for EN_QUESTION_DEPTH_LIMIT entries); returns its length.  A
 * chain that loops, leaves the loaded rows or is too deep is an error.
 */
static int32
ChainOf(Screener *s, int32 at, int32 *chain)
{
	int32		len = 0;

	for (int32 i = at;;)
	{
		Question   *q = &s->q[i];

		if (q->on_chain)
			ReportNotATree(s, at, "Its chain of parents loops.");
		if (len >= EN_QUESTION_DEPTH_LIMIT)
			ReportNotATree(s, at, psprintf("Its chain of parents is longer than %d.",
										   EN_QUESTION_DEPTH_LIMIT));
		q->on_chain = true;
		chain[len++] = i;
		if (!q->has_parent)
			break;
		if (q->parent < 0)
			ReportNotATree(s, at, psprintf("Question %s, on its chain of parents, is not in the campaign.",
										   UuidText(UUIDPGetDatum(&q->parent_id))));
		i = q->parent;
	}
	for (int32 k = 0; k < len / 2; k++)
	{
		int32		t = chain[k];

		chain[k] = chain[len - 1 - k];
		chain[len - 1 - k] = t;
	}
	for (int32 k = 0; k < len; k++)
		s->q[chain[k]].on_chain = false;
	return len;
}

/*
 * Depth-first pre-order walk of the tree below top, which is at depth
 * top_depth, without recursion: appends each question and its depth to
 * order/depths.  stack has room for EN_QUESTION_DEPTH_LIMIT levels.  Parent
 * links cannot make a walk from the top loop, but meeting a question twice
 * or going too deep is checked all the same.
 */
static void
WalkPreorder(Screener *s, int32 top, int32 top_depth,
			 int32 *order, int32 *depths, int32 *count, int32 *stack)
{
	int32	   *next = stack + EN_QUESTION_DEPTH_LIMIT;
	int32		sp = 0;

	stack[0] = top;
	next[0] = 0;
	s->q[top].visited = true;
	order[*count] = top;
	depths[(*count)++] = top_depth;

	while (sp >= 0)
	{
		Question   *q = &s->q[stack[sp]];
		int32		child;

		if (next[sp] >= q->nchildren)
		{
			sp--;
			continue;
		}
		child = s->kids[q->first_child + next[sp]++];
		if (s->q[child].visited)
			ReportNotATree(s, child, "A walk of the tree meets it twice.");
		if (top_depth + sp + 1 >= EN_QUESTION_DEPTH_LIMIT)
			ReportNotATree(s, child, psprintf("Its chain of parents is longer than %d.",
											  EN_QUESTION_DEPTH_LIMIT));
		s->q[child].visited = true;
		order[*count] = child;
		depths[(*count)++] = top_depth + sp + 1;
		sp++;
		stack[sp] = child;
		next[sp] = 0;
		if ((*count & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
	}
}

/*
 * Walk the whole campaign from the top into order/depths (n entries each);
 * a question no walk reaches is an error that says why.
 */
static void
WalkAll(Screener *s, int32 *order, int32 *depths)
{
	int32	   *stack = palloc(sizeof(int32) * 2 * EN_QUESTION_DEPTH_LIMIT);
	int32		count = 0;

	for (int32 r = 0; r < s->nroots; r++)
		WalkPreorder(s, s->kids[s->first_root + r], 0, order, depths, &count, stack);
	if (count < s->n)
	{
		int32	   *chain = palloc(sizeof(int32) * EN_QUESTION_DEPTH_LIMIT);
		int32		first = -1;

		/* name the unreached question with the lowest id: the same every time */
		for (int32 i = 0; i < s->n; i++)
			if (!s->q[i].visited && !s->q[i].duplicate &&
				(first < 0 || memcmp(s->q[i].id.data, s->q[first].id.data, UUID_LEN) < 0))
				first = i;
		(void) ChainOf(s, first, chain);	/* says why */
		ReportNotATree(s, first, "No walk from the top level reaches it.");
	}
	pfree(stack);
}

/* The path and outline number, kept in place as a walk goes down and up */
typedef struct Outline
{
	ArrayType  *path;			/* uuid[], its length set per row */
	text	   *pos;			/* e.g. 1.2.1, its length set per row */
	int		   *poslen;			/* length of the outline number at each level */
} Outline;

/* Enter question q at the given level: its id ends the path, its rank the number */
static inline void
Descend(Outline *o, const Question *q, int32 level)
{
	int			len = level > 0 ? o->poslen[level - 1] : 0;

	memcpy(ARR_DATA_PTR(o->path) + (Size) UUID_LEN * level, q->id.data, UUID_LEN);
	if (level > 0)
		VARDATA(o->pos)[len++] = '.';
	len += pg_ltoa(q->rank, VARDATA(o->pos) + len);
	o->poslen[level] = len;
	SET_VARSIZE(o->pos, VARHDRSZ + len);
	ARR_DIMS(o->path)[0] = level + 1;
	SET_VARSIZE(o->path, ARR_OVERHEAD_NONULLS(1) + (Size) UUID_LEN * (level + 1));
}

/*
 * Put walked questions into the result, each with its depth, outline number
 * and path.  prefix holds the questions above the first one walked
 * (question_subtree()), root first.
 *
 * The path and the outline number of a question extend its parent's, so
 * both are kept as one array and one text value, updated in place as the
 * walk goes down and up: no allocation per row.
 */
static void
EmitRows(ReturnSetInfo *rsinfo, Screener *s, const int32 *order, const int32 *depths,
		 int32 count, const int32 *prefix, int32 nprefix)
{
	int32		levels = nprefix + 1;
	Outline		o;
	Datum		values[9];
	bool		nulls[9] = {false};

	for (int32 k = 0; k < count; k++)
		levels = Max(levels, depths[k] + 1);
	o.path = palloc0(ARR_OVERHEAD_NONULLS(1) + (Size) UUID_LEN * levels);
	o.path->ndim = 1;
	o.path->dataoffset = 0;
	o.path->elemtype = UUIDOID;
	ARR_LBOUND(o.path)[0] = 1;
	o.pos = palloc(VARHDRSZ + 12 * levels);	/* an int32 and a dot per level */
	o.poslen = palloc(sizeof(int) * levels);

	for (int32 level = 0; level < nprefix; level++)
		Descend(&o, &s->q[prefix[level]], level);

	values[3] = PointerGetDatum(o.pos);
	values[4] = PointerGetDatum(o.path);
	for (int32 k = 0; k < count; k++)
	{
		Question   *q = &s->q[order[k]];

		Descend(&o, q, depths[k]);
		values[0] = UUIDPGetDatum(&q->id);
		values[1] = UUIDPGetDatum(&q->parent_id);
		nulls[1] = !q->has_parent;
		values[2] = Int32GetDatum(depths[k]);
		values[5] = q->question_text;
		values[6] = q->question_type;
		nulls[6] = q->type_null;
		values[7] = q->options;
		nulls[7] = q->options_null;
		values[8] = Int32GetDatum(q->display_order);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
}

/* ------------------------------------------------------------------------
 * Walks
 * ------------------------------------------------------------------------ */

/*
 * question_tree(campaign_id uuid): the campaign's questions in depth-first
 * pre-order, siblings in their order.  A campaign the caller cannot see, or
 * without questions, has none.
 */
Datum
expert_network_question_tree(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Datum		campaign = PG_GETARG_DATUM(0);
	Oid			argtypes[1] = {UUIDOID};
	Screener	s;
	int32	   *order;
	int32	   *depths;

	InitMaterializedSRF(fcinfo, 0);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	LoadQuestions(&s, en_kept_generic_plan(&campaign_questions_plan, campaign_questions_query, 1, argtypes),
				  &campaign, false);
	LinkQuestions(&s);
	order = palloc(sizeof(int32) * Max(s.n, 1));
	depths = palloc(sizeof(int32) * Max(s.n, 1));
	WalkAll(&s, order, depths);
	EmitRows(rsinfo, &s, order, depths, s.n, NULL, 0);

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
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Datum		question = PG_GETARG_DATUM(0);
	Oid			argtypes[1] = {UUIDOID};
	Screener	s;
	int32		target = -1;
	int32	   *chain;
	int32		depth;
	int32	   *order;
	int32	   *depths;
	int32	   *stack;
	int32		count = 0;

	InitMaterializedSRF(fcinfo, 0);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	LoadQuestions(&s, en_kept_generic_plan(&subtree_questions_plan, subtree_questions_query, 1, argtypes),
				  &question, false);
	for (int32 i = 0; i < s.n && target < 0; i++)
		if (memcmp(s.q[i].id.data, DatumGetUUIDP(question)->data, UUID_LEN) == 0)
			target = i;
	if (target < 0)
		ReportUnknownQuestion(question);
	LinkQuestions(&s);

	chain = palloc(sizeof(int32) * EN_QUESTION_DEPTH_LIMIT);
	depth = ChainOf(&s, target, chain) - 1;
	order = palloc(sizeof(int32) * s.n);
	depths = palloc(sizeof(int32) * s.n);
	stack = palloc(sizeof(int32) * 2 * EN_QUESTION_DEPTH_LIMIT);
	WalkPreorder(&s, target, depth, order, depths, &count, stack);
	EmitRows(rsinfo, &s, order, depths, count, chain, depth);

	SPI_finish();
	return (Datum) 0;
}

/*
 * question_ancestors(question_id uuid): the top-level question above it
 * first, the question itself last.  Unknown question: no_data_found (P0002).
 */
Datum
expert_network_question_ancestors(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Datum		args[2];
	Oid			argtypes[2] = {UUIDOID, INT4OID};
	Screener	s;
	int32		target = -1;
	int32	   *chain;
	int32		len;
	int32	   *depths;

	InitMaterializedSRF(fcinfo, 0);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	args[0] = PG_GETARG_DATUM(0);
	args[1] = Int32GetDatum(EN_QUESTION_DEPTH_LIMIT);
	LoadQuestions(&s, en_kept_generic_plan(&ancestor_questions_plan, ancestor_questions_query, 2, argtypes),
				  args, true);
	for (int32 i = 0; i < s.n && target < 0; i++)
		if (memcmp(s.q[i].id.data, DatumGetUUIDP(args[0])->data, UUID_LEN) == 0)
			target = i;
	if (target < 0)
		ReportUnknownQuestion(args[0]);
	LinkQuestions(&s);

	chain = palloc(sizeof(int32) * EN_QUESTION_DEPTH_LIMIT);
	len = ChainOf(&s, target, chain);
	depths = palloc(sizeof(int32) * len);
	for (int32 k = 0; k < len; k++)
	{
		if (memcmp(s.q[chain[k]].campaign_id.data, s.q[target].campaign_id.data, UUID_LEN) != 0)
			ReportNotATree(&s, target,
						   psprintf("Question %s, on its chain of parents, is not in the campaign.",
									UuidText(UUIDPGetDatum(&s.q[chain[k]].id))));
		depths[k] = k;
	}
	EmitRows(rsinfo, &s, chain, depths, len, NULL, 0);

	SPI_finish();
	return (Datum) 0;
}

/* ------------------------------------------------------------------------
 * Editing
 * ------------------------------------------------------------------------ */

/*
 * Where the question is, as the caller sees it: false if unknown.  Read with
 * a new snapshot (not read-only), so that after LockScreener() a move
 * committed meanwhile counts under READ COMMITTED.
 */
static bool
PlaceOf(Datum question, Datum *campaign, Datum *parent, bool *top)
{
	Oid			argtypes[1] = {UUIDOID};
	bool		isnull;
	int			rc;

	rc = RunKept(en_kept_generic_plan(&question_place_plan, question_place_query, 1, argtypes),
				 &question, NULL, InvalidSnapshot, false, 0);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "reading a screening question failed: %s", SPI_result_code_string(rc));
	if (SPI_processed == 0)
		return false;
	*campaign = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	*parent = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, top);
	return true;
}

/*
 * move_question(question_id uuid, new_parent_id uuid, new_position int):
 * re-parent the question (NULL: to the top level) and place it at the
 * 1-based position among its new siblings, past the end meaning last;
 * renumber the new and the old sibling list 1..n.  The trigger checks the
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
	Oid			place_types[4] = {UUIDOID, UUIDOID, INT4OID, UUIDOID};
	Datum		args[4];
	char		nulls[4] = {' ', ' ', ' ', ' '};
	int			rc;

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
		ReportUnknownQuestion(question);
	for (;;)
	{
		Datum		locked = campaign;

		LockScreener(locked);
		if (!PlaceOf(question, &campaign, &old_parent, &from_top))
			ReportUnknownQuestion(question);
		if (UuidEqual(locked, campaign))
			break;
	}
	if (!to_top && !PlaceOf(new_parent, &parent_campaign, &ignored_parent, &ignored_top))
		ReportUnknownQuestion(new_parent);

	args[0] = question;
	args[1] = new_parent;
	nulls[1] = to_top ? 'n' : ' ';
	args[2] = Int32GetDatum(position);
	args[3] = campaign;
	if (to_top)
		rc = RunKept(en_kept_generic_plan(&place_at_top_plan, place_at_top, 4, place_types),
					 args, nulls, InvalidSnapshot, false, 0);
	else
		rc = RunKept(en_kept_generic_plan(&place_under_parent_plan, place_under_parent, 4, place_types),
					 args, nulls, InvalidSnapshot, false, 0);
	if (rc != SPI_OK_UPDATE)
		elog(ERROR, "moving a screening question failed: %s", SPI_result_code_string(rc));

	/* the list it left, unless it stayed in it */
	if (!(from_top && to_top) && (from_top || to_top || !UuidEqual(old_parent, new_parent)))
	{
		Oid			renumber_types[2] = {UUIDOID, UUIDOID};

		args[0] = old_parent;
		nulls[0] = from_top ? 'n' : ' ';
		args[1] = campaign;
		nulls[1] = ' ';
		if (from_top)
			rc = RunKept(en_kept_generic_plan(&renumber_at_top_plan, renumber_at_top, 2, renumber_types),
						 args, nulls, InvalidSnapshot, false, 0);
		else
			rc = RunKept(en_kept_generic_plan(&renumber_under_parent_plan, renumber_under_parent, 2,
								  renumber_types),
						 args, nulls, InvalidSnapshot, false, 0);
		if (rc != SPI_OK_UPDATE)
			elog(ERROR, "renumbering screening questions failed: %s", SPI_result_code_string(rc));
	}

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
 * INSERT gets each row's new parent directly, rows in walk order (parents
 * first).  Siblings are numbered 1..n (the top level after the target's
 * last), since the copies' created_at and ids no longer break ties as the
 * originals' did.  As the caller: a source campaign the caller cannot see
 * is no_data_found (P0002), a target of another user is refused by the
 * owner-key trigger (42501).
 */
Datum
expert_network_copy_question_tree(PG_FUNCTION_ARGS)
{
	Datum		from = PG_GETARG_DATUM(0);
	Datum		to = PG_GETARG_DATUM(1);
	Oid			uuid_type[1] = {UUIDOID};
	Oid			insert_types[7] = {UUIDOID, UUIDARRAYOID, UUIDARRAYOID, TEXTARRAYOID,
	TEXTARRAYOID, JSONBARRAYOID, INT4ARRAYOID};
	Screener	s;
	int32	   *order;
	int32	   *depths;
	pg_uuid_t  *new_ids;
	int64		base = 0;
	Datum	   *ids,
			   *parents,
			   *texts,
			   *types,
			   *options,
			   *orders;
	bool	   *parent_nulls,
			   *type_nulls,
			   *options_nulls;
	Datum		args[7];
	int			dims[1];
	int			lbs[1] = {1};
	int			rc;
	int32		copied;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	rc = RunKept(en_kept_generic_plan(&campaign_visible_plan, campaign_visible_query, 1, uuid_type),
				 &from, NULL, InvalidSnapshot, true, 1);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "reading a campaign failed: %s", SPI_result_code_string(rc));
	if (SPI_processed == 0)
		ereport(ERROR,
				(errcode(ERRCODE_NO_DATA_FOUND),
				 errmsg("campaign %s does not exist", UuidText(from)),
				 errdetail("No campaign of the current user has this id.")));

	LoadQuestions(&s, en_kept_generic_plan(&campaign_questions_plan, campaign_questions_query, 1, uuid_type),
				  &from, false);
	if (s.n == 0)
	{
		SPI_finish();
		PG_RETURN_INT32(0);
	}
	LinkQuestions(&s);
	order = palloc(sizeof(int32) * s.n);
	depths = palloc(sizeof(int32) * s.n);
	WalkAll(&s, order, depths);

	/* after the target's top level, read under the lock the inserts take anyway */
	LockScreener(to);
	rc = RunKept(en_kept_generic_plan(&last_top_order_plan, last_top_order_query, 1, uuid_type),
				 &to, NULL, InvalidSnapshot, false, 1);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "reading screening questions failed: %s", SPI_result_code_string(rc));
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
		NewUuid(&new_ids[i]);

	ids = palloc(sizeof(Datum) * s.n);
	parents = palloc(sizeof(Datum) * s.n);
	texts = palloc(sizeof(Datum) * s.n);
	types = palloc(sizeof(Datum) * s.n);
	options = palloc(sizeof(Datum) * s.n);
	orders = palloc(sizeof(Datum) * s.n);
	parent_nulls = palloc(sizeof(bool) * s.n);
	type_nulls = palloc(sizeof(bool) * s.n);
	options_nulls = palloc(sizeof(bool) * s.n);
	for (int32 k = 0; k < s.n; k++)
	{
		Question   *q = &s.q[order[k]];

		ids[k] = UUIDPGetDatum(&new_ids[order[k]]);
		parent_nulls[k] = q->parent < 0;
		parents[k] = q->parent < 0 ? (Datum) 0 : UUIDPGetDatum(&new_ids[q->parent]);
		texts[k] = q->question_text;
		types[k] = q->question_type;
		type_nulls[k] = q->type_null;
		options[k] = q->options;
		options_nulls[k] = q->options_null;
		orders[k] = Int32GetDatum(q->parent < 0 ? (int32) (base + q->rank) : q->rank);
	}

	dims[0] = s.n;
	args[0] = to;
	args[1] = PointerGetDatum(construct_array(ids, s.n, UUIDOID, UUID_LEN, false, TYPALIGN_CHAR));
	args[2] = PointerGetDatum(construct_md_array(parents, parent_nulls, 1, dims, lbs,
												 UUIDOID, UUID_LEN, false, TYPALIGN_CHAR));
	args[3] = PointerGetDatum(construct_array(texts, s.n, TEXTOID, -1, false, TYPALIGN_INT));
	args[4] = PointerGetDatum(construct_md_array(types, type_nulls, 1, dims, lbs,
												 TEXTOID, -1, false, TYPALIGN_INT));
	args[5] = PointerGetDatum(construct_md_array(options, options_nulls, 1, dims, lbs,
												 JSONBOID, -1, false, TYPALIGN_INT));
	args[6] = PointerGetDatum(construct_array(orders, s.n, INT4OID, sizeof(int32), true, TYPALIGN_INT));

	rc = RunKept(en_kept_generic_plan(&copy_insert_plan, copy_insert_query, 7, insert_types),
				 args, NULL, InvalidSnapshot, false, 0);
	if (rc != SPI_OK_INSERT)
		elog(ERROR, "copying screening questions failed: %s", SPI_result_code_string(rc));
	copied = (int32) SPI_processed;

	SPI_finish();
	PG_RETURN_INT32(copied);
}

/* ------------------------------------------------------------------------
 * Integrity triggers
 * ------------------------------------------------------------------------ */

static void
CheckRowTrigger(FunctionCallInfo fcinfo, const char *funcname)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo) ||
		!TRIGGER_FIRED_BEFORE(trigdata->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) ||
		!(TRIGGER_FIRED_BY_INSERT(trigdata->tg_event) ||
		  TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event)))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function %s must be fired BEFORE INSERT OR UPDATE FOR EACH ROW", funcname)));
}


/* A column of the new row, and whether an UPDATE changed it */
static Datum
NewValue(TriggerData *trigdata, HeapTuple newtuple, const char *column,
		 bool *isnull, bool *changed)
{
	Relation	rel = trigdata->tg_relation;
	int			attnum = en_column_number(rel, column);
	Datum		value = SPI_getbinval(newtuple, RelationGetDescr(rel), attnum, isnull);

	*changed = true;
	if (TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event))
	{
		bool		oldnull;
		Datum		old = SPI_getbinval(trigdata->tg_trigtuple, RelationGetDescr(rel), attnum, &oldnull);

		*changed = (*isnull != oldnull) || (!*isnull && !UuidEqual(value, old));
	}
	return value;
}

/*
 * Run a check as the table's owner with row-level security not forced, as
 * foreign-key checks do (the rules concern every row, whoever may see it),
 * with the latest snapshot (see the file header).
 */
static SPITupleTable *
CheckQuery(SPIPlanPtr plan, Datum *args, const char *nulls)
{
	int			rc = RunKept(plan, args, nulls, GetLatestSnapshot(), false, 0);

	if (rc != SPI_OK_SELECT)
		elog(ERROR, "screening question check failed: %s", SPI_result_code_string(rc));
	return SPI_tuptable;
}

static void
BecomeOwner(Relation rel, Oid *save_userid, int *save_sec_context)
{
	GetUserIdAndSecContext(save_userid, save_sec_context);
	SetUserIdAndSecContext(rel->rd_rel->relowner,
						   *save_sec_context | SECURITY_LOCAL_USERID_CHANGE | SECURITY_NOFORCE_RLS);
}

static void
ReportTooDeep(Datum id, int depth, bool subtree)
{
	ereport(ERROR,
			(errcode(ERRCODE_CHECK_VIOLATION),
			 subtree ?
			 errmsg("screening question %s would put its sub-questions at depth %d",
					UuidText(id), depth) :
			 errmsg("screening question %s would be at depth %d", UuidText(id), depth),
			 errdetail("expert_network.max_question_depth is %d: depths run from 0 at the top level to %d.",
					   en_max_question_depth, en_max_question_depth - 1),
			 errhint("Place it higher in the tree, or raise expert_network.max_question_depth.")));
}

/*
 * Depth of the new parent (0 at the top level), checking on the way up that
 * it is in the question's campaign and that the question is not among its
 * ancestors; -1 if the parent does not exist (its foreign key says so).
 */
static int
CheckAncestry(Datum id, Datum parent, Datum campaign, bool campaign_moved)
{
	Oid			argtypes[3] = {UUIDOID, INT4OID, UUIDOID};
	Datum		args[3] = {parent, Int32GetDatum(EN_QUESTION_DEPTH_LIMIT), id};
	SPITupleTable *rows;
	uint64		n;
	bool		isnull;
	Datum		parent_campaign;

	rows = CheckQuery(en_kept_generic_plan(&ancestry_plan, ancestry_query, 3, argtypes), args, NULL);
	n = SPI_processed;
	if (n == 0)
		return -1;

	parent_campaign = SPI_getbinval(rows->vals[0], rows->tupdesc, 3, &isnull);
	if (!UuidEqual(parent_campaign, campaign))
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("parent question %s is in another campaign", UuidText(parent)),
				 errdetail("A sub-question belongs to its parent's campaign, %s; question %s is in campaign %s.",
						   UuidText(parent_campaign), UuidText(id), UuidText(campaign)),
				 campaign_moved ?
				 errhint("To move a sub-question to another campaign, give it a parent there or make it a top-level question.") : 0));

	for (uint64 i = 0; i < n; i++)
		if (UuidEqual(SPI_getbinval(rows->vals[i], rows->tupdesc, 1, &isnull), id))
			ereport(ERROR,
					(errcode(ERRCODE_CHECK_VIOLATION),
					 errmsg("screening question %s cannot be its own ancestor", UuidText(id)),
					 errdetail("Its new parent, %s, is below it in the tree.", UuidText(parent)),
					 errhint("Move that sub-question out from under it first, or choose another parent.")));

	(void) SPI_getbinval(rows->vals[n - 1], rows->tupdesc, 2, &isnull);
	if (!isnull && n > EN_QUESTION_DEPTH_LIMIT)
		return (int) n;			/* far too deep, or a loop above: refused for depth */
	return (int) n - 1;			/* (a chain cut by a concurrent delete ends early) */
}

/*
 * Trigger: BEFORE INSERT OR UPDATE FOR EACH ROW on screening_questions,
 * after the owner-key trigger.  Refuses (23514) a parent in another
 * campaign, a question that would be its own ancestor, a depth at or past
 * expert_network.max_question_depth (for a moved question, that of its
 * deepest sub-question), and a change of campaign that would leave
 * sub-questions or responses behind: a question moves to another campaign
 * alone, without sub-questions, and only if no expert of another campaign
 * answered it (copy_question_tree() copies whole screeners).
 *
 * A parent that does not exist (yet) is left to the foreign key: a restore
 * or a multi-row INSERT may bring it later in the same statement.  Such a
 * parent's own insert then finds its sub-questions and checks their campaign
 * and depth.
 */
Datum
expert_network_question_integrity(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	bool		is_update;
	HeapTuple	newtuple;
	Datum		id,
				campaign,
				parent;
	bool		id_null,
				campaign_null,
				parent_null;
	bool		id_changed,
				campaign_moved,
				reparented;
	Datum		old_campaign = (Datum) 0;
	Oid			save_userid;
	int			save_sec_context;
	int			depth = 0;
	Oid			down_types[3] = {UUIDOID, INT4OID, UUIDOID};
	Datum		down_args[3];
	SPITupleTable *rows;
	bool		isnull;
	int64		nbelow;
	int			height = 0;

	CheckRowTrigger(fcinfo, "question_integrity");
	is_update = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event);
	newtuple = is_update ? trigdata->tg_newtuple : trigdata->tg_trigtuple;

	id = NewValue(trigdata, newtuple, "id", &id_null, &id_changed);
	campaign = NewValue(trigdata, newtuple, "campaign_id", &campaign_null, &campaign_moved);
	parent = NewValue(trigdata, newtuple, "parent_question_id", &parent_null, &reparented);
	if (id_null || campaign_null)
		return PointerGetDatum(newtuple);	/* NOT NULL reports it */
	if (is_update && !id_changed && !campaign_moved && !reparented)
		return PointerGetDatum(newtuple);
	if (is_update && campaign_moved)
		old_campaign = SPI_getbinval(trigdata->tg_trigtuple, RelationGetDescr(trigdata->tg_relation),
									 en_column_number(trigdata->tg_relation, "campaign_id"), &isnull);
	if (!is_update)
		campaign_moved = false;

	if (!parent_null && UuidEqual(parent, id))
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("screening question %s cannot be its own ancestor", UuidText(id)),
				 errdetail("It names itself as its parent.")));

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	BecomeOwner(trigdata->tg_relation, &save_userid, &save_sec_context);

	/*
	 * A new top-level question changes no other question's place; anything
	 * else waits for the campaign's other writers.
	 */
	if (campaign_moved)
		LockScreeners(old_campaign, campaign);
	else if (is_update || !parent_null)
		LockScreener(campaign);

	if (!parent_null)
	{
		depth = CheckAncestry(id, parent, campaign, campaign_moved) + 1;
		if (depth == 0)
			depth = 1;			/* no such parent: the foreign key refuses the row */
	}

	/* what hangs below: rows of this very statement on INSERT, a subtree on UPDATE */
	down_args[0] = id;
	down_args[1] = Int32GetDatum(en_max_question_depth);
	down_args[2] = campaign;
	rows = CheckQuery(en_kept_generic_plan(&descendants_plan, descendants_query, 3, down_types), down_args, NULL);
	nbelow = DatumGetInt64(SPI_getbinval(rows->vals[0], rows->tupdesc, 1, &isnull));
	if (nbelow > 0)
	{
		bool		below_elsewhere;

		height = DatumGetInt32(SPI_getbinval(rows->vals[0], rows->tupdesc, 2, &isnull));
		below_elsewhere = DatumGetBool(SPI_getbinval(rows->vals[0], rows->tupdesc, 3, &isnull));
		if (campaign_moved)
			ereport(ERROR,
					(errcode(ERRCODE_CHECK_VIOLATION),
					 errmsg("cannot move screening question %s with sub-questions to another campaign",
							UuidText(id)),
					 errdetail("Its sub-questions would stay in campaign %s.", UuidText(old_campaign)),
					 errhint("Move or delete its sub-questions first, or copy the screener with expert_network.copy_question_tree().")));
		if (below_elsewhere && !is_update)
			ereport(ERROR,
					(errcode(ERRCODE_CHECK_VIOLATION),
					 errmsg("screening question %s has sub-questions in another campaign", UuidText(id)),
					 errdetail("A sub-question belongs to its parent's campaign, %s.", UuidText(campaign))));
	}
	if (depth + height >= en_max_question_depth)
		ReportTooDeep(id, depth + height, height > 0);

	if (campaign_moved)
	{
		Oid			argtypes[2] = {UUIDOID, UUIDOID};
		Datum		args[2] = {id, campaign};
		int64		answered;

		rows = CheckQuery(en_kept_generic_plan(&foreign_responses_plan, foreign_responses_query, 2, argtypes),
						  args, NULL);
		answered = DatumGetInt64(SPI_getbinval(rows->vals[0], rows->tupdesc, 1, &isnull));
		if (answered > 0)
			ereport(ERROR,
					(errcode(ERRCODE_CHECK_VIOLATION),
					 errmsg("cannot move screening question %s to another campaign", UuidText(id)),
					 errdetail("Experts of campaign %s have answered it; a response answers a question of its expert's campaign.",
							   UuidText(old_campaign)),
					 errhint("Delete those responses first, or copy the question instead.")));
	}

	SetUserIdAndSecContext(save_userid, save_sec_context);
	SPI_finish();
	return PointerGetDatum(newtuple);
}

/*
 * Trigger: BEFORE INSERT OR UPDATE FOR EACH ROW on
 * expert_screening_responses, after the owner-key trigger: the question
 * answered is one of the expert's campaign (23514).  Checked again under the
 * lock of that campaign's tree, so that a concurrent move of the question
 * to another campaign either sees this response or is seen by it.  A missing
 * question or expert is left to the foreign keys.
 */
Datum
expert_network_response_integrity(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	HeapTuple	newtuple;
	Datum		args[2];
	bool		question_null,
				expert_null,
				question_changed,
				expert_changed;
	Oid			argtypes[2] = {UUIDOID, UUIDOID};
	Oid			save_userid;
	int			save_sec_context;

	CheckRowTrigger(fcinfo, "response_integrity");
	newtuple = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ?
		trigdata->tg_newtuple : trigdata->tg_trigtuple;

	args[0] = NewValue(trigdata, newtuple, "screening_question_id", &question_null, &question_changed);
	args[1] = NewValue(trigdata, newtuple, "expert_id", &expert_null, &expert_changed);
	if (question_null || expert_null || (!question_changed && !expert_changed))
		return PointerGetDatum(newtuple);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	BecomeOwner(trigdata->tg_relation, &save_userid, &save_sec_context);

	for (int pass = 0; pass < 2; pass++)
	{
		SPITupleTable *rows;
		bool		isnull;
		Datum		question_campaign,
					expert_campaign;

		rows = CheckQuery(en_kept_generic_plan(&response_campaigns_plan, response_campaigns_query, 2, argtypes),
						  args, NULL);
		if (SPI_processed == 0)
			break;
		question_campaign = SPI_getbinval(rows->vals[0], rows->tupdesc, 1, &isnull);
		expert_campaign = SPI_getbinval(rows->vals[0], rows->tupdesc, 2, &isnull);
		if (!UuidEqual(question_campaign, expert_campaign))
			ereport(ERROR,
					(errcode(ERRCODE_CHECK_VIOLATION),
					 errmsg("screening question %s is not in the campaign of expert %s",
							UuidText(args[0]), UuidText(args[1])),
					 errdetail("The question is in campaign %s, the expert in campaign %s.",
							   UuidText(question_campaign), UuidText(expert_campaign)),
					 errhint("An expert answers the screener of the campaign that proposed them.")));
		if (pass == 0)
			LockScreener(question_campaign);
	}

	SetUserIdAndSecContext(save_userid, save_sec_context);
	SPI_finish();
	return PointerGetDatum(newtuple);
}
