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
 * outline number needs.  They read as the caller, through the executor, so
 * row-level security limits them to the caller's rows.  A chain of parents
 * that loops, leaves its campaign or is deeper than EN_QUESTION_DEPTH_LIMIT
 * (possible only with the triggers disabled) is an error, never an endless
 * walk.
 *
 * A walk's cost is mostly moving rows, not walking: question_tree() of a
 * large screener reads as many rows as a flat SELECT of the campaign, and
 * returns them wider (paths, outline numbers) through a tuplestore.  So the
 * rows come from the executor straight into the walk's own arrays (a
 * DestReceiver, no SPI tuple table), and the result rows are laid out in one
 * pass, packed in memory sized to them (FormRow(), ResultContext()).
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
#include "executor/tuptable.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "nodes/params.h"
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
							PGC_SUSET,
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
 * Every query here finds rows by key, a few at a time (a campaign's
 * questions, a question's parents, children or siblings), and the triggers
 * run theirs once per written row.  A plan made while the table was small, as
 * in the first rows of a restore or of a copy into an empty database, would
 * scan the table whole for every row after.  So the plans are made, and made
 * again whenever the plan cache re-plans, with sequential scans and hash and
 * merge joins disabled: whatever the statistics say, each step is an index
 * probe.  Returns the GUC nest level to pass to AtEOXact_GUC() afterwards.
 */
static int
RestrictPlans(void)
{
	int			nestlevel = NewGUCNestLevel();

	(void) set_config_option("enable_seqscan", "off", PGC_USERSET, PGC_S_SESSION,
							 GUC_ACTION_SAVE, true, 0, false);
	(void) set_config_option("enable_hashjoin", "off", PGC_USERSET, PGC_S_SESSION,
							 GUC_ACTION_SAVE, true, 0, false);
	(void) set_config_option("enable_mergejoin", "off", PGC_USERSET, PGC_S_SESSION,
							 GUC_ACTION_SAVE, true, 0, false);
	return nestlevel;
}

/* Run a kept plan, with the snapshot given (or SPI's own) */
static int
RunKept(SPIPlanPtr plan, Datum *args, const char *nulls, Snapshot snapshot,
		bool read_only, long tcount)
{
	int			nestlevel = RestrictPlans();
	int			rc;

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

/* What links a question to its parent and orders it among its siblings */
typedef struct QuestionKey
{
	pg_uuid_t	id;
	pg_uuid_t	parent_id;
	TimestampTz created_at;
	int32		display_order;
	bool		has_parent;
} QuestionKey;

/* The rest of a question as read, in the loader's arena, followed there by its values */
typedef struct Question
{
	pg_uuid_t	campaign_id;	/* loaded by question_ancestors() only */
	Datum		question_text;
	Datum		question_type;
	Datum		options;
	bool		type_null;
	bool		options_null;
} Question;

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

/* Sibling order: display_order, then created_at, then id (uuid order is memcmp) */
static inline int
CompareSiblings(const QuestionKey *a, const QuestionKey *b)
{
	if (a->display_order != b->display_order)
		return a->display_order < b->display_order ? -1 : 1;
	if (a->created_at != b->created_at)
		return a->created_at < b->created_at ? -1 : 1;
	return memcmp(a->id.data, b->id.data, UUID_LEN);
}

#define ST_SORT sort_siblings
#define ST_ELEMENT_TYPE int32
#define ST_COMPARE_ARG_TYPE QuestionKey
#define ST_COMPARE(a, b, arg) CompareSiblings(&(arg)[*(a)], &(arg)[*(b)])
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

/*
 * parent[] of a question at the top, of one whose parent is not among the
 * rows, and of the same row read again (a loop in question_ancestors()); the
 * last two are in no list of children.
 */
#define PARENT_NONE		(-1)
#define PARENT_MISSING	(-2)
#define PARENT_DUPLICATE (-3)

/* state[] bits */
#define Q_VISITED		0x01	/* met by the walk */
#define Q_ON_CHAIN		0x02	/* met going up a chain of parents */

/*
 * The questions, and how they link, by index in the order read.  What the
 * hash index, the sort and the walk go through again and again (keys, links,
 * ranks, marks) is kept in arrays of its own, small and dense; the rest of
 * each question is read once more, when it is put in the result.
 */
typedef struct Screener
{
	int32		n;
	QuestionKey *key;
	Question  **q;
	int32	   *parent;			/* index of the parent, or a PARENT_ code */
	uint8	   *state;			/* Q_ bits */
	int32	   *first_child;	/* children: kids[first_child .. + nchildren) */
	int32	   *nchildren;
	int32	   *rank;			/* 1-based place among its siblings */
	int32	   *kids;			/* children grouped by parent; the top level last */
	int32		first_root;		/* top-level questions: kids[first_root .. + nroots) */
	int32		nroots;
	Size		value_bytes;	/* text, type and options of all n, together */

	/*
	 * While linking, id -> index: open addressing, linear probing, at most
	 * half full.  A slot holds the id's hash and the index + 1 (0: empty);
	 * the hash settles most comparisons without reading the key.
	 */
	uint64	   *slots;			/* hash << 32 | (index + 1) */
	uint32		mask;
} Screener;

/*
 * The index of the question with this id (and hash), or -1; when there is
 * none and insert >= 0, that question is entered under insert.
 */
static int32
FindQuestion(Screener *s, const pg_uuid_t *id, uint32 hash, int32 insert)
{
	for (uint32 pos = hash & s->mask;; pos = (pos + 1) & s->mask)
	{
		uint64		slot = s->slots[pos];
		int32		index = (int32) (uint32) slot - 1;

		if (slot == 0)
		{
			if (insert >= 0)
				s->slots[pos] = ((uint64) hash << 32) | (uint32) (insert + 1);
			return -1;
		}
		if ((uint32) (slot >> 32) == hash &&
			memcmp(s->key[index].id.data, id->data, UUID_LEN) == 0)
			return index;
	}
}

/*
 * The rows of a walk query go straight from the executor into the Screener,
 * through this receiver: each question, then its three varlena values, copied
 * as they are (short header, compressed or TOAST pointer alike), end to end
 * into an arena of large blocks.  Through SPI_tuptable every row would be
 * copied whole as a heap tuple, then deformed again, each copy a palloc
 * rounded up to a power of two.  What links and orders questions goes to
 * a dense array of keys instead, which LinkQuestions() reads in order.
 */
typedef struct QuestionReceiver
{
	DestReceiver pub;
	Screener   *s;
	bool		with_campaign;
	MemoryContext cxt;			/* where the Screener lives; the executor's own
								 * context is gone when the query ends */
	int32		allocated;		/* room in s->key and s->q */
	char	   *free;			/* the arena's current block */
	Size		left;
	Size		next_block;
} QuestionReceiver;

#define ARENA_FIRST_BLOCK	(32 * 1024)
#define ARENA_MAX_BLOCK		(256 * 1024)

static void
QuestionReceiverStartup(DestReceiver *self, int operation pg_attribute_unused(),
						TupleDesc typeinfo)
{
	QuestionReceiver *r = (QuestionReceiver *) self;

	/* the types the receiver takes the values as (the table's, unless changed) */
	static const Oid types[] = {
		[COL_ID] = UUIDOID, [COL_PARENT] = UUIDOID, [COL_TEXT] = TEXTOID,
		[COL_TYPE] = TEXTOID, [COL_OPTIONS] = JSONBOID, [COL_ORDER] = INT4OID,
		[COL_CREATED] = TIMESTAMPTZOID, [COL_CAMPAIGN] = UUIDOID,
	};

	if (typeinfo->natts != (r->with_campaign ? COL_CAMPAIGN + 1 : COL_CAMPAIGN))
		elog(ERROR, "screening question query returns %d columns", typeinfo->natts);
	for (int i = 0; i < typeinfo->natts; i++)
	{
		Form_pg_attribute attr = TupleDescAttr(typeinfo, i);

		if (attr->atttypid != types[i])
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("column \"%s\" of relation \"screening_questions\" is of type %s, not %s",
							NameStr(attr->attname), format_type_be(attr->atttypid),
							format_type_be(types[i])),
					 errdetail("expert_network reads and writes that column as the type it created it with.")));
	}
}

/* A new arena block with room for at least len bytes */
static void
ArenaGrow(QuestionReceiver *r, Size len)
{
	Size		size = Max(r->next_block, len);

	r->free = MemoryContextAlloc(r->cxt, size);	/* MAXALIGNed */
	r->left = size;
	r->next_block = Min(r->next_block * 2, ARENA_MAX_BLOCK);
}

/*
 * Copy a varlena value to p, its header kept as it is; a 4-byte header is
 * read as an int, so it is aligned like one.  Returns the copy, and moves p
 * past it.
 */
static inline Datum
PlaceValue(char **p, Pointer value, Size len)
{
	char	   *copy = VARATT_IS_1B(value) ? *p : (char *) INTALIGN(*p);

	memcpy(copy, value, len);
	*p = copy + len;
	return PointerGetDatum(copy);
}

static bool
QuestionReceiverReceive(TupleTableSlot *slot, DestReceiver *self)
{
	QuestionReceiver *r = (QuestionReceiver *) self;
	Screener   *s = r->s;
	Datum	   *values;
	bool	   *nulls;
	Question   *q;
	QuestionKey *key;
	int32		i = s->n;
	Size		text_len,
				type_len = 0,
				options_len = 0,
				need;
	char	   *p;

	slot_getallattrs(slot);
	values = slot->tts_values;
	nulls = slot->tts_isnull;
	if (nulls[COL_ID] || nulls[COL_TEXT] || nulls[COL_ORDER] || nulls[COL_CREATED] ||
		(r->with_campaign && nulls[COL_CAMPAIGN]))
		elog(ERROR, "screening question query returned a null in a NOT NULL column");

	if (i == r->allocated)
	{
		int32		more;

		if ((Size) r->allocated * 2 > MaxAllocSize / sizeof(QuestionKey))
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("too many screening questions to walk: more than %d",
							r->allocated)));
		more = r->allocated * 2;
		s->key = repalloc(s->key, sizeof(QuestionKey) * more);
		s->q = repalloc(s->q, sizeof(Question *) * more);
		r->allocated = more;
	}

	/* the question, then its values, each with room to align it */
	text_len = VARSIZE_ANY(DatumGetPointer(values[COL_TEXT]));
	if (!nulls[COL_TYPE])
		type_len = VARSIZE_ANY(DatumGetPointer(values[COL_TYPE]));
	if (!nulls[COL_OPTIONS])
		options_len = VARSIZE_ANY(DatumGetPointer(values[COL_OPTIONS]));
	need = MAXALIGN(sizeof(Question)) + text_len + type_len + options_len + 3 * (ALIGNOF_INT - 1);
	p = (char *) MAXALIGN(r->free);
	if (r->left < (Size) (p - r->free) + need)
	{
		ArenaGrow(r, need);
		p = r->free;
	}
	q = (Question *) p;
	p += MAXALIGN(sizeof(Question));

	key = &s->key[i];
	key->id = *DatumGetUUIDP(values[COL_ID]);
	key->has_parent = !nulls[COL_PARENT];
	if (key->has_parent)
		key->parent_id = *DatumGetUUIDP(values[COL_PARENT]);
	else
		memset(&key->parent_id, 0, sizeof(key->parent_id));
	key->display_order = DatumGetInt32(values[COL_ORDER]);
	key->created_at = DatumGetTimestampTz(values[COL_CREATED]);
	if (r->with_campaign)
		q->campaign_id = *DatumGetUUIDP(values[COL_CAMPAIGN]);
	else
		memset(&q->campaign_id, 0, sizeof(q->campaign_id));
	q->question_text = PlaceValue(&p, DatumGetPointer(values[COL_TEXT]), text_len);
	q->type_null = nulls[COL_TYPE];
	q->question_type = q->type_null ? (Datum) 0 :
		PlaceValue(&p, DatumGetPointer(values[COL_TYPE]), type_len);
	q->options_null = nulls[COL_OPTIONS];
	q->options = q->options_null ? (Datum) 0 :
		PlaceValue(&p, DatumGetPointer(values[COL_OPTIONS]), options_len);
	r->left -= p - r->free;
	r->free = p;
	s->value_bytes += text_len + type_len + options_len;

	s->q[i] = q;
	s->n++;
	return true;
}

/* Nothing to do at the end: the rows stay for the walk, the receiver is on the stack */
static void
QuestionReceiverNoop(DestReceiver *self pg_attribute_unused())
{
}

/*
 * Run a walk query as the caller, through the executor (row-level security
 * applies), and keep its rows as questions in the current memory context.
 */
static void
LoadQuestions(Screener *s, SPIPlanPtr plan, const Datum *args, bool with_campaign)
{
	QuestionReceiver r;
	SPIExecuteOptions options;
	int			nargs = SPI_getargcount(plan);
	int			nestlevel;
	int			rc;

	memset(s, 0, sizeof(*s));
	memset(&r, 0, sizeof(r));
	r.pub.receiveSlot = QuestionReceiverReceive;
	r.pub.rStartup = QuestionReceiverStartup;
	r.pub.rShutdown = QuestionReceiverNoop;
	r.pub.rDestroy = QuestionReceiverNoop;
	r.pub.mydest = DestNone;	/* SPI makes no tuple table, and says SPI_OK_UTILITY */
	r.s = s;
	r.with_campaign = with_campaign;
	r.cxt = CurrentMemoryContext;
	r.allocated = 1024;
	r.next_block = ARENA_FIRST_BLOCK;
	s->key = palloc(sizeof(QuestionKey) * r.allocated);
	s->q = palloc(sizeof(Question *) * r.allocated);

	memset(&options, 0, sizeof(options));
	options.params = makeParamList(nargs);
	for (int i = 0; i < nargs; i++)
	{
		ParamExternData *prm = &options.params->params[i];

		prm->value = args[i];
		prm->isnull = false;
		prm->pflags = PARAM_FLAG_CONST;
		prm->ptype = SPI_getargtypeid(plan, i);
	}
	options.read_only = true;
	options.dest = &r.pub;

	nestlevel = RestrictPlans();
	rc = SPI_execute_plan_extended(plan, &options);
	AtEOXact_GUC(true, nestlevel);
	if (rc != SPI_OK_UTILITY)
		elog(ERROR, "reading screening questions failed: %s", SPI_result_code_string(rc));
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
	int32	   *start = palloc0(sizeof(int32) * (n + 2));	/* per parent; n: the top */
	int32	   *fill;
	uint32		size = 2;

	s->parent = palloc(sizeof(int32) * Max(n, 1));
	s->state = palloc0(sizeof(uint8) * Max(n, 1));

	/* the id index, at most half full; an id met again is a duplicate */
	while (size < (uint32) n * 2)
		size *= 2;
	s->slots = palloc0(sizeof(uint64) * size);
	s->mask = size - 1;
	for (int32 i = 0; i < n; i++)
	{
		QuestionKey *key = &s->key[i];

		s->parent[i] = FindQuestion(s, &key->id, HashUuid(key->id), i) >= 0 ?
			PARENT_DUPLICATE : PARENT_NONE;
	}
	for (int32 i = 0; i < n; i++)
	{
		QuestionKey *key = &s->key[i];

		if (key->has_parent && s->parent[i] != PARENT_DUPLICATE)
		{
			int32		found = FindQuestion(s, &key->parent_id, HashUuid(key->parent_id), -1);

			s->parent[i] = found >= 0 ? found : PARENT_MISSING;
		}
	}
	pfree(s->slots);
	s->slots = NULL;

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

	s->first_child = start;		/* start[p] for p < n, as is */
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
			sort_siblings(&s->kids[first], count, s->key);
		for (int32 k = 0; k < count; k++)
			s->rank[s->kids[first + k]] = k + 1;
	}
	pfree(fill);
}

static void
ReportNotATree(Screener *s, int32 at, const char *why)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("screening question %s is not in its campaign's question tree",
					UuidText(UUIDPGetDatum(&s->key[at].id))),
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
		if (s->state[i] & Q_ON_CHAIN)
			ReportNotATree(s, at, "Its chain of parents loops.");
		if (len >= EN_QUESTION_DEPTH_LIMIT)
			ReportNotATree(s, at, psprintf("Its chain of parents is longer than %d.",
										   EN_QUESTION_DEPTH_LIMIT));
		s->state[i] |= Q_ON_CHAIN;
		chain[len++] = i;
		if (s->parent[i] == PARENT_NONE)
			break;
		if (s->parent[i] < 0)
			ReportNotATree(s, at, psprintf("Question %s, on its chain of parents, is not in the campaign.",
										   UuidText(UUIDPGetDatum(&s->key[i].parent_id))));
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
			ReportNotATree(s, child, "A walk of the tree meets it twice.");
		if (top_depth + sp + 1 >= EN_QUESTION_DEPTH_LIMIT)
			ReportNotATree(s, child, psprintf("Its chain of parents is longer than %d.",
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
			if (!(s->state[i] & Q_VISITED) && s->parent[i] != PARENT_DUPLICATE &&
				(first < 0 || memcmp(s->key[i].id.data, s->key[first].id.data, UUID_LEN) < 0))
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
Descend(Outline *o, const pg_uuid_t *id, int32 rank, int32 level)
{
	int			len = level > 0 ? o->poslen[level - 1] : 0;

	memcpy(ARR_DATA_PTR(o->path) + (Size) UUID_LEN * level, id->data, UUID_LEN);
	if (level > 0)
		VARDATA(o->pos)[len++] = '.';
	len += pg_ltoa(rank, VARDATA(o->pos) + len);
	o->poslen[level] = len;
	SET_VARSIZE(o->pos, VARHDRSZ + len);
	ARR_DIMS(o->path)[0] = level + 1;
	SET_VARSIZE(o->path, ARR_OVERHEAD_NONULLS(1) + (Size) UUID_LEN * (level + 1));
}

/*
 * The result's row type, as FormRow() lays it out: the columns' types and
 * their storage.  BeginResult() checks the function's row type against it.
 */
static const Oid result_types[] = {
	UUIDOID,					/* id */
	UUIDOID,					/* parent_question_id */
	INT4OID,					/* depth */
	TEXTOID,					/* position */
	UUIDARRAYOID,				/* path */
	TEXTOID,					/* question_text */
	TEXTOID,					/* question_type */
	JSONBOID,					/* options */
	INT4OID						/* display_order */
};

#define RESULT_NATTS ((int) lengthof(result_types))

/* the columns that can be null, 0-based */
#define RESULT_PARENT	1
#define RESULT_TYPE		6
#define RESULT_OPTIONS	7

/* The row header, MAXALIGNed, with or without a null bitmap */
#define RESULT_HOFF_NULLS MAXALIGN(SizeofMinimalTupleHeader + BITMAPLEN(RESULT_NATTS))
#define RESULT_HOFF MAXALIGN(SizeofMinimalTupleHeader)

/* An int4 column at the next int boundary, zero bytes before */
static inline char *
PutInt32(char *data, int32 value)
{
	while ((uintptr_t) data % ALIGNOF_INT != 0)
		*data++ = 0;
	memcpy(data, &value, sizeof(int32));
	return data + sizeof(int32);
}

/*
 * A varlena column (of a type not stored plain, aligned on int): a TOAST
 * pointer or a value with a 1-byte header as it is, a value that fits one
 * with a 1-byte header, any other at the next int boundary.
 */
static inline char *
PutVarlena(char *data, Pointer value, uint16 *infomask)
{
	Size		len;

	if (VARATT_IS_EXTERNAL(value))
	{
		if (VARATT_IS_EXTERNAL_EXPANDED(value))
			elog(ERROR, "unexpected expanded object in a screening question row");
		*infomask |= HEAP_HASEXTERNAL;
		len = VARSIZE_EXTERNAL(value);
		memcpy(data, value, len);
	}
	else if (VARATT_IS_SHORT(value))
	{
		len = VARSIZE_SHORT(value);
		memcpy(data, value, len);
	}
	else if (VARATT_CAN_MAKE_SHORT(value))
	{
		len = VARATT_CONVERTED_SHORT_SIZE(value);
		SET_VARSIZE_SHORT(data, len);
		memcpy(data + 1, VARDATA(value), len - 1);
	}
	else
	{
		while ((uintptr_t) data % ALIGNOF_INT != 0)
			*data++ = 0;
		len = VARSIZE(value);
		memcpy(data, value, len);
	}
	return data + len;
}

/* Room FormRow() needs at most for the row of q */
static inline Size
RowBound(const Question *q, const text *pos, const ArrayType *path)
{
	return RESULT_HOFF_NULLS + 2 * UUID_LEN + 2 * (ALIGNOF_INT - 1 + sizeof(int32)) +
		5 * (ALIGNOF_INT - 1) + VARSIZE(pos) + VARSIZE(path) +
		VARSIZE_ANY(DatumGetPointer(q->question_text)) +
		(q->type_null ? 0 : VARSIZE_ANY(DatumGetPointer(q->question_type))) +
		(q->options_null ? 0 : VARSIZE_ANY(DatumGetPointer(q->options)));
}

/*
 * The result row of a question as a minimal tuple in buf, which is
 * MAXALIGNed and has room for RowBound() bytes.
 *
 * tuplestore_putvalues() would form it with heap_form_minimal_tuple(), which
 * goes over the columns twice, once to size the row and once to fill a
 * zeroed allocation, looking up each column's type attributes both times;
 * for this function's nine columns that costs more than the whole walk.  The
 * row type is fixed (result_types), so the row is laid out here in one pass,
 * as heap_form_minimal_tuple() would lay it out (a null bitmap, each value at
 * its type's alignment with zero bytes between, short varlena headers where
 * they fit), into a buffer used for every row; the tuplestore then copies it
 * at its exact size.
 */
static MinimalTuple
FormRow(char *buf, const QuestionKey *key, const Question *q, int32 depth,
		const text *pos, const ArrayType *path)
{
	MinimalTuple tuple = (MinimalTuple) buf;
	bool		hasnull = !key->has_parent || q->type_null || q->options_null;
	Size		hoff = hasnull ? RESULT_HOFF_NULLS : RESULT_HOFF;
	uint16		infomask = HEAP_HASVARWIDTH | (hasnull ? HEAP_HASNULL : 0);
	char	   *data;

	memset(buf, 0, hoff);
	data = buf + hoff;
	if (hasnull)
	{
		/* a bit per column, set if not null: only three can be null */
		for (int i = 0; i < RESULT_NATTS; i++)
			tuple->t_bits[i >> 3] |= 1 << (i & 7);
		if (!key->has_parent)
			tuple->t_bits[RESULT_PARENT >> 3] &= ~(1 << (RESULT_PARENT & 7));
		if (q->type_null)
			tuple->t_bits[RESULT_TYPE >> 3] &= ~(1 << (RESULT_TYPE & 7));
		if (q->options_null)
			tuple->t_bits[RESULT_OPTIONS >> 3] &= ~(1 << (RESULT_OPTIONS & 7));
	}

	memcpy(data, key->id.data, UUID_LEN);
	data += UUID_LEN;
	if (key->has_parent)
	{
		memcpy(data, key->parent_id.data, UUID_LEN);
		data += UUID_LEN;
	}
	data = PutInt32(data, depth);
	data = PutVarlena(data, (Pointer) pos, &infomask);
	data = PutVarlena(data, (Pointer) path, &infomask);
	data = PutVarlena(data, DatumGetPointer(q->question_text), &infomask);
	if (!q->type_null)
		data = PutVarlena(data, DatumGetPointer(q->question_type), &infomask);
	if (!q->options_null)
		data = PutVarlena(data, DatumGetPointer(q->options), &infomask);
	data = PutInt32(data, key->display_order);

	tuple->t_len = data - buf;
	HeapTupleHeaderSetNatts(tuple, RESULT_NATTS);
	tuple->t_hoff = hoff + MINIMAL_TUPLE_OFFSET;
	tuple->t_infomask = infomask;
	return tuple;
}

/*
 * Check that the caller takes a tuplestore, as InitMaterializedSRF() does, and
 * describe the result; EmitRows() makes the tuplestore.  Called first, so
 * that a call where no set can be returned fails before any work.
 */
static ReturnSetInfo *
BeginResult(FunctionCallInfo fcinfo)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MemoryContext old;
	TupleDesc	desc;

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("set-valued function called in context that cannot accept a set")));
	if (!(rsinfo->allowedModes & SFRM_Materialize))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("materialize mode required, but it is not allowed in this context")));

	old = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	if (desc->natts != RESULT_NATTS)
		elog(ERROR, "return type must have %d columns", RESULT_NATTS);
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);

		/* FormRow() relies on these: uuid, int4, and varlenas stored packed, aligned on int */
		if (att->atttypid != result_types[i] ||
			(att->attlen == -1 &&
			 (att->attalign != TYPALIGN_INT || att->attstorage == TYPSTORAGE_PLAIN)))
			elog(ERROR, "return type does not match: column %d is of type %s",
				 i + 1, format_type_be(att->atttypid));
	}
	MemoryContextSwitchTo(old);
	rsinfo->setDesc = desc;
	return rsinfo;
}

/*
 * A memory context for the result's rows, holding them all in one block.
 *
 * In the query's own context every row would be a palloc of its own, which
 * an AllocSet rounds up to a power of two: a row of question_tree() is about
 * 330 bytes, and takes a 512-byte chunk.  A generation context packs the rows
 * end to end, in a block sized to the estimate of all of them (capped at
 * work_mem, beyond which the tuplestore writes rows to a file instead).
 *
 * The tuplestore frees its rows when the executor ends it, but a context
 * outlives that: it would stay, empty, until the query ends, one per call for
 * a function called once per outer row (LATERAL).  So the context is kept in
 * fn_extra, and the next call from the same place deletes it if it is empty,
 * that is if the result it held is done with.
 */
static MemoryContext
ResultContext(FunctionCallInfo fcinfo, Size estimate)
{
	FmgrInfo   *flinfo = fcinfo->flinfo;
	MemoryContext previous = (MemoryContext) flinfo->fn_extra;
	Size		block;

	if (previous != NULL && MemoryContextIsEmpty(previous))
		MemoryContextDelete(previous);

	block = Min(estimate, (Size) work_mem * 1024);
	block = Max(block, 8 * 1024);
	block = Min(block, MaxAllocSize);
	block = MAXALIGN(block);
	flinfo->fn_extra = GenerationContextCreate(flinfo->fn_mcxt, "screening question walk result",
											   0, block, block);
	return (MemoryContext) flinfo->fn_extra;
}

/*
 * EmitRows() visits questions in tree order, at random in memory, and asks
 * for the ones some rows ahead before it needs them.
 */
#if defined(__GNUC__) || defined(__clang__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void) 0)
#endif
#define EMIT_PREFETCH_DISTANCE 4

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
EmitRows(FunctionCallInfo fcinfo, ReturnSetInfo *rsinfo, Screener *s,
		 const int32 *order, const int32 *depths, int32 count,
		 const int32 *prefix, int32 nprefix)
{
	int32		levels = nprefix + 1;
	Outline		o;
	Size		estimate;
	Size		path_bytes = 0;
	Size		pos_bytes = 0;
	MemoryContext old;
	Tuplestorestate *store;
	TupleTableSlot *slot;
	Size		room = 1024;
	char	   *buf = palloc(room);

	for (int32 k = 0; k < count; k++)
	{
		levels = Max(levels, depths[k] + 1);
		path_bytes += (Size) UUID_LEN * (depths[k] + 1);
		pos_bytes += (Size) 4 * (depths[k] + 1);	/* mostly a digit or two and a dot */
	}

	/*
	 * The rows' size, for the block that holds them: per row a header, the
	 * fixed-width columns, the path and outline number, alignment and the
	 * chunk header (24 or 32 bytes), and the row's share of the text, type
	 * and options read (all of them for question_tree()); and the
	 * tuplestore's array of row pointers, 16kB at first, doubled as it
	 * grows.  Too little only means a second block.
	 */
	estimate = (Size) count * (RESULT_HOFF_NULLS + 2 * UUID_LEN + 2 * sizeof(int32) +
							   VARHDRSZ + ARR_OVERHEAD_NONULLS(1) +
							   7 * (ALIGNOF_INT - 1) + MAXIMUM_ALIGNOF + 32) +
		path_bytes + pos_bytes +
		(count == s->n ? s->value_bytes :
		 (Size) ((double) s->value_bytes / Max(s->n, 1) * count)) +
		2 * sizeof(MinimalTuple) * Max(count, 2048);

	o.path = palloc0(ARR_OVERHEAD_NONULLS(1) + (Size) UUID_LEN * levels);
	o.path->ndim = 1;
	o.path->dataoffset = 0;
	o.path->elemtype = UUIDOID;
	ARR_LBOUND(o.path)[0] = 1;
	o.pos = palloc(VARHDRSZ + 12 * levels);	/* an int32 and a dot per level */
	o.poslen = palloc(sizeof(int) * levels);

	for (int32 level = 0; level < nprefix; level++)
		Descend(&o, &s->key[prefix[level]].id, s->rank[prefix[level]], level);

	old = MemoryContextSwitchTo(ResultContext(fcinfo, estimate));
	store = tuplestore_begin_heap((rsinfo->allowedModes & SFRM_Materialize_Random) != 0,
								  false, work_mem);
	MemoryContextSwitchTo(old);
	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = store;
	slot = MakeSingleTupleTableSlot(rsinfo->setDesc, &TTSOpsMinimalTuple);

	for (int32 k = 0; k < count; k++)
	{
		QuestionKey *key = &s->key[order[k]];
		Question   *q = s->q[order[k]];
		Size		bound;

		/* a question and its key, then its values, once the question is in */
		if (k + 2 * EMIT_PREFETCH_DISTANCE < count)
		{
			PREFETCH(s->q[order[k + 2 * EMIT_PREFETCH_DISTANCE]]);
			PREFETCH(&s->key[order[k + 2 * EMIT_PREFETCH_DISTANCE]]);
		}
		if (k + EMIT_PREFETCH_DISTANCE < count)
		{
			Question   *ahead = s->q[order[k + EMIT_PREFETCH_DISTANCE]];

			PREFETCH(DatumGetPointer(ahead->question_text));
			if (!ahead->options_null)
				PREFETCH(DatumGetPointer(ahead->options));
		}
		Descend(&o, &key->id, s->rank[order[k]], depths[k]);
		bound = RowBound(q, o.pos, o.path);
		if (bound > room)
		{
			room = Max(bound, 2 * room);
			buf = repalloc(buf, room);
		}
		ExecStoreMinimalTuple(FormRow(buf, key, q, depths[k], o.pos, o.path), slot, false);
		tuplestore_puttupleslot(store, slot);
		if ((k & 1023) == 1023)
			CHECK_FOR_INTERRUPTS();
	}
	ExecDropSingleTupleTableSlot(slot);
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
	ReturnSetInfo *rsinfo;
	Datum		campaign = PG_GETARG_DATUM(0);
	Oid			argtypes[1] = {UUIDOID};
	Screener	s;
	int32	   *order;
	int32	   *depths;

	rsinfo = BeginResult(fcinfo);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	LoadQuestions(&s, en_kept_generic_plan(&campaign_questions_plan, campaign_questions_query, 1, argtypes),
				  &campaign, false);
	LinkQuestions(&s);
	order = palloc(sizeof(int32) * Max(s.n, 1));
	depths = palloc(sizeof(int32) * Max(s.n, 1));
	WalkAll(&s, order, depths);
	EmitRows(fcinfo, rsinfo, &s, order, depths, s.n, NULL, 0);

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
	ReturnSetInfo *rsinfo;
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

	rsinfo = BeginResult(fcinfo);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	LoadQuestions(&s, en_kept_generic_plan(&subtree_questions_plan, subtree_questions_query, 1, argtypes),
				  &question, false);
	for (int32 i = 0; i < s.n && target < 0; i++)
		if (memcmp(s.key[i].id.data, DatumGetUUIDP(question)->data, UUID_LEN) == 0)
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
	EmitRows(fcinfo, rsinfo, &s, order, depths, count, chain, depth);

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
	ReturnSetInfo *rsinfo;
	Datum		args[2];
	Oid			argtypes[2] = {UUIDOID, INT4OID};
	Screener	s;
	int32		target = -1;
	int32	   *chain;
	int32		len;
	int32	   *depths;

	rsinfo = BeginResult(fcinfo);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	args[0] = PG_GETARG_DATUM(0);
	args[1] = Int32GetDatum(EN_QUESTION_DEPTH_LIMIT);
	LoadQuestions(&s, en_kept_generic_plan(&ancestor_questions_plan, ancestor_questions_query, 2, argtypes),
				  args, true);
	for (int32 i = 0; i < s.n && target < 0; i++)
		if (memcmp(s.key[i].id.data, DatumGetUUIDP(args[0])->data, UUID_LEN) == 0)
			target = i;
	if (target < 0)
		ReportUnknownQuestion(args[0]);
	LinkQuestions(&s);

	chain = palloc(sizeof(int32) * EN_QUESTION_DEPTH_LIMIT);
	len = ChainOf(&s, target, chain);
	depths = palloc(sizeof(int32) * len);
	for (int32 k = 0; k < len; k++)
	{
		if (memcmp(s.q[chain[k]]->campaign_id.data, s.q[target]->campaign_id.data, UUID_LEN) != 0)
			ReportNotATree(&s, target,
						   psprintf("Question %s, on its chain of parents, is not in the campaign.",
									UuidText(UUIDPGetDatum(&s.key[chain[k]].id))));
		depths[k] = k;
	}
	EmitRows(fcinfo, rsinfo, &s, chain, depths, len, NULL, 0);

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
 * composite foreign key (23503), as a target that does not exist is.
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
		Question   *q = s.q[order[k]];
		int32		parent = s.parent[order[k]];
		int32		rank = s.rank[order[k]];

		ids[k] = UUIDPGetDatum(&new_ids[order[k]]);
		parent_nulls[k] = parent < 0;
		parents[k] = parent < 0 ? (Datum) 0 : UUIDPGetDatum(&new_ids[parent]);
		texts[k] = q->question_text;
		types[k] = q->question_type;
		type_nulls[k] = q->type_null;
		options[k] = q->options;
		options_nulls[k] = q->options_null;
		orders[k] = Int32GetDatum(parent < 0 ? (int32) (base + rank) : rank);
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
 * Run a check with the latest snapshot (see the file header), as the caller:
 * every row a check reads belongs to the written row's user (the composite
 * foreign keys see to that), so row-level security hides none of them.
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

	/*
	 * The question is among the chain, or the chain ends at a row whose
	 * parent is the question: a row written earlier by this very statement
	 * (a multi-row INSERT of questions naming each other as parents), which
	 * the walk cannot reach since this row is not in the table yet.
	 */
	for (uint64 i = 0; i < n; i++)
	{
		bool		top;
		Datum		up = SPI_getbinval(rows->vals[i], rows->tupdesc, 2, &top);

		if (UuidEqual(SPI_getbinval(rows->vals[i], rows->tupdesc, 1, &isnull), id) ||
			(i == n - 1 && !top && UuidEqual(up, id)))
			ereport(ERROR,
					(errcode(ERRCODE_CHECK_VIOLATION),
					 errmsg("screening question %s cannot be its own ancestor", UuidText(id)),
					 errdetail("Its new parent, %s, is below it in the tree.", UuidText(parent)),
					 errhint("Move that sub-question out from under it first, or choose another parent.")));
	}

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

	CheckRowTrigger(fcinfo, "response_integrity");
	newtuple = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ?
		trigdata->tg_newtuple : trigdata->tg_trigtuple;

	args[0] = NewValue(trigdata, newtuple, "screening_question_id", &question_null, &question_changed);
	args[1] = NewValue(trigdata, newtuple, "expert_id", &expert_null, &expert_changed);
	if (question_null || expert_null || (!question_changed && !expert_changed))
		return PointerGetDatum(newtuple);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

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

	SPI_finish();
	return PointerGetDatum(newtuple);
}
