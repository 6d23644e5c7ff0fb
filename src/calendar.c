/*
 * calendar.c
 *	  One person, one calendar (0.13.0): an interview's absolute start and
 *	  end (interview_starts_at(), interview_ends_at(), which
 *	  interviews.starts_at and ends_at are generated from), and booking_gate,
 *	  the statement trigger that refuses double bookings.
 *
 * The rules, each on the user's rows (a person is every expert row with
 * the same person_key, or the row alone when it has no key):
 *
 *	same_person_campaign	QC004	a person has counted interviews (live or
 *							completed) through two different expert rows in
 *							one campaign;
 *	call_cap				QC005	more counted interviews with a person in a
 *							window of call_caps.call_window than
 *							call_caps.max_calls (no call_caps row: no cap);
 *	person_overlap			QC006	two live interviews (pending, scheduled,
 *							confirmed) of one person overlap in time;
 *	team_overlap			QC007	a team member is assigned to two live
 *							interviews that overlap in time.
 *
 * The trigger fires after INSERT and UPDATE of interviews (an interview
 * that becomes counted, or whose expert, campaign or time changes), of
 * interview_team_assignments (the team rule), and after UPDATE of experts
 * whose person_key changes (two persons become one: their interviews are
 * checked again).  Every statement shape gets there: one check per
 * statement, over all of its rows, so two overlapping calls booked by one
 * multi-row INSERT refuse each other.  The check reads the calls of every
 * person and team member concerned as one sorted stream (CALLS) and decides
 * the rules on it (CheckGroup), so that its cost is a sort whatever the
 * plan; FIRST_CONFLICT then describes the first conflict found.
 *
 * Races.  Before checking, the trigger takes transaction-level advisory
 * locks: the user's (shared), then one per person and per team member
 * concerned (exclusive), in a fixed order; a statement concerning more
 * than LOCKS_PER_STATEMENT of them takes the user's lock exclusively
 * instead, so that a bulk booking does not fill the lock table.  The check
 * then reads with a snapshot taken after the locks (under every isolation
 * level): a booking committed by a session that held the lock first is
 * seen, and of two sessions booking overlapping calls at once one fails.
 * Lock classes (the first key of pg_advisory_xact_lock(int, int)):
 * 0x454E4200 user, 0x454E4201 person, 0x454E4202 team member.
 *
 * The checks read as the statement's role (row-level security shows the
 * user's own rows; each join also matches user_id for roles that bypass
 * it).  A restore is not checked.
 */
#include "expert_network.h"

#include "access/xact.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "common/int.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datum.h"
#include "utils/datetime.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/hsearch.h"
#include "utils/snapmgr.h"
#include "utils/uuid.h"

PG_FUNCTION_INFO_V1(expert_network_interview_starts_at);
PG_FUNCTION_INFO_V1(expert_network_interview_ends_at);
PG_FUNCTION_INFO_V1(expert_network_booking_gate);

#define ERRCODE_SAME_PERSON_CAMPAIGN	MAKE_SQLSTATE('Q','C','0','0','4')
#define ERRCODE_CALL_CAP				MAKE_SQLSTATE('Q','C','0','0','5')
#define ERRCODE_PERSON_OVERLAP			MAKE_SQLSTATE('Q','C','0','0','6')
#define ERRCODE_TEAM_OVERLAP			MAKE_SQLSTATE('Q','C','0','0','7')

#define LOCK_CLASS_USER		0x454E4200
#define LOCK_CLASS_PERSON	0x454E4201
#define LOCK_CLASS_TEAM		0x454E4202
#define LOCKS_PER_STATEMENT 64

/* The absolute start of a local date and time in a time zone */
static TimestampTz
LocalStart(Datum date, Datum time, Datum zone)
{
	Datum		local = DirectFunctionCall2(datetime_timestamp, date, time);

	/* PostgreSQL's own AT TIME ZONE: names, abbreviations, DST gaps */
	return DatumGetTimestampTz(DirectFunctionCall2(timestamp_zone, zone, local));
}

/*
 * interview_starts_at(scheduled_date date, scheduled_time time, timezone
 * text) returns timestamptz: (date + time) AT TIME ZONE timezone.  An
 * unknown zone fails with 22023.
 */
Datum
expert_network_interview_starts_at(PG_FUNCTION_ARGS)
{
	PG_RETURN_TIMESTAMPTZ(LocalStart(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1), PG_GETARG_DATUM(2)));
}

/*
 * interview_ends_at(scheduled_date date, scheduled_time time,
 * duration_minutes integer, timezone text) returns timestamptz: the start
 * plus the duration, in absolute time (a call across a DST change lasts
 * its minutes).
 */
Datum
expert_network_interview_ends_at(PG_FUNCTION_ARGS)
{
	TimestampTz start = LocalStart(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1), PG_GETARG_DATUM(3));
	int64		length = (int64) PG_GETARG_INT32(2) * USECS_PER_MINUTE;
	TimestampTz end;

	if (TIMESTAMP_NOT_FINITE(start))
		PG_RETURN_TIMESTAMPTZ(start);	/* a call at infinity ends there */
	if (pg_add_s64_overflow(start, length, &end) || !IS_VALID_TIMESTAMP(end))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("timestamp out of range")));
	PG_RETURN_TIMESTAMPTZ(end);
}

/* -------------------------------------------------------------------------
 * The gate
 * ------------------------------------------------------------------------- */

/* what a statement asks to check */
typedef struct Bookings
{
	ArrayBuildState *interviews;	/* interview ids */
	ArrayBuildState *experts;	/* experts whose interviews are checked */
	bool		person_rules;
	bool		team_rule;
} Bookings;

/*
 * The locks of the bookings: (class, user, key) of each person and team
 * member concerned.  $1 interview ids, $2 expert ids, $3 person rules,
 * $4 team rule.
 */
#define LOCK_KEYS \
"WITH booked AS (" \
"  SELECT i.id, i.user_id, i.expert_id FROM pg_catalog.unnest($1) AS b (id)" \
"    JOIN expert_network.interviews AS i ON i.id OPERATOR(pg_catalog.=) b.id" \
"  UNION ALL" \
"  SELECT i.id, i.user_id, i.expert_id FROM expert_network.interviews AS i" \
"   WHERE i.expert_id OPERATOR(pg_catalog.=) ANY ($2))" \
"SELECT DISTINCT x.user_id, 1, COALESCE(x.person_key, x.id::pg_catalog.text)" \
"  FROM booked AS b JOIN expert_network.experts AS x" \
"    ON x.id OPERATOR(pg_catalog.=) b.expert_id AND x.user_id OPERATOR(pg_catalog.=) b.user_id" \
" WHERE $3" \
" UNION " \
"SELECT a.user_id, 2, a.team_member_id::pg_catalog.text" \
"  FROM booked AS b JOIN expert_network.interview_team_assignments AS a" \
"    ON a.interview_id OPERATOR(pg_catalog.=) b.id AND a.user_id OPERATOR(pg_catalog.=) b.user_id" \
" WHERE $4"

/* a local time for messages: '2027-03-14 09:30 America/New_York' */
#define LOCAL(ts, tz) \
	"pg_catalog.to_char(pg_catalog.timezone(" tz ", " ts "), 'YYYY-MM-DD HH24:MI') OPERATOR(pg_catalog.||) ' ' OPERATOR(pg_catalog.||) " tz
#define CLOCK(ts, tz) "pg_catalog.to_char(pg_catalog.timezone(" tz ", " ts "), 'HH24:MI')"

/*
 * What the statement's calls are checked against, in one sorted stream:
 * kind 1, every counted call of each person concerned (the booked expert
 * and the rows that share its key), by user, person and start; kind 2,
 * every live call of each team member concerned.  Each row says whether
 * the call is live, its times and, for kind 1, the call cap's window
 * around its start.  Parameters as LOCK_KEYS'.  Sorting is the only work
 * that grows faster than the rows, whatever the plan: the rules are
 * decided on the stream (CheckGroup), never by joining a statement's calls
 * with each other.
 */
#define CALLS \
"WITH booked AS (" \
"  SELECT i.user_id, i.expert_id FROM pg_catalog.unnest($1) AS b (id)" \
"    JOIN expert_network.interviews AS i ON i.id OPERATOR(pg_catalog.=) b.id" \
"   WHERE $3 AND i.status OPERATOR(pg_catalog.<>) 'cancelled'" \
"  UNION" \
"  SELECT x.user_id, x.id FROM expert_network.experts AS x" \
"   WHERE $3 AND x.id OPERATOR(pg_catalog.=) ANY ($2))," \
"persons AS (" \
"  SELECT DISTINCT x.user_id, COALESCE(x.person_key, x.id::pg_catalog.text) AS person, x.person_key, x.id" \
"    FROM booked AS b JOIN expert_network.experts AS x" \
"      ON x.id OPERATOR(pg_catalog.=) b.expert_id AND x.user_id OPERATOR(pg_catalog.=) b.user_id)," \
"rows AS (" \
"  SELECT p.user_id, p.person, y.id AS expert_id FROM persons AS p JOIN expert_network.experts AS y" \
"      ON y.user_id OPERATOR(pg_catalog.=) p.user_id AND y.person_key OPERATOR(pg_catalog.=) p.person_key" \
"  UNION" \
"  SELECT p.user_id, p.person, p.id FROM persons AS p WHERE p.person_key IS NULL)," \
"members AS (" \
"  SELECT DISTINCT a.user_id, a.team_member_id FROM pg_catalog.unnest($1) AS b (id)" \
"    JOIN expert_network.interview_team_assignments AS a ON a.interview_id OPERATOR(pg_catalog.=) b.id" \
"   WHERE $4)" \
"SELECT 1 AS kind, r.user_id, r.person AS key, j.id, j.expert_id, j.campaign_id," \
"       j.status OPERATOR(pg_catalog.=) ANY (" EN_LIVE_INTERVIEWS ") AS live, j.starts_at, j.ends_at," \
"       j.expert_id OPERATOR(pg_catalog.=) ANY ($2) AS by_expert, cap.max_calls," \
"       j.starts_at OPERATOR(pg_catalog.-) cap.call_window, j.starts_at OPERATOR(pg_catalog.+) cap.call_window" \
"  FROM rows AS r JOIN expert_network.interviews AS j" \
"    ON j.expert_id OPERATOR(pg_catalog.=) r.expert_id AND j.user_id OPERATOR(pg_catalog.=) r.user_id" \
"  LEFT JOIN expert_network.call_caps AS cap ON cap.user_id OPERATOR(pg_catalog.=) r.user_id" \
" WHERE j.status OPERATOR(pg_catalog.<>) 'cancelled'" \
" UNION ALL " \
"SELECT 2, m.user_id, m.team_member_id::pg_catalog.text, j.id, NULL, NULL, true, j.starts_at, j.ends_at," \
"       false, NULL, NULL, NULL" \
"  FROM members AS m JOIN expert_network.interview_team_assignments AS o" \
"    ON o.team_member_id OPERATOR(pg_catalog.=) m.team_member_id AND o.user_id OPERATOR(pg_catalog.=) m.user_id" \
"  JOIN expert_network.interviews AS j ON j.id OPERATOR(pg_catalog.=) o.interview_id" \
"   AND j.user_id OPERATOR(pg_catalog.=) o.user_id" \
" WHERE j.status OPERATOR(pg_catalog.=) ANY (" EN_LIVE_INTERVIEWS ")" \
" ORDER BY 1, 2, 3, 8, 4"

/*
 * The first conflict of one booking ($1 holds its id; the other parameters
 * as LOCK_KEYS'), with what its refusal names.  The person's rows are the
 * booked expert and the rows that share its key; the calls counted are
 * theirs that are not cancelled.
 */
#define FIRST_CONFLICT \
"WITH booked AS (" \
"  SELECT i.id, i.user_id, i.expert_id, i.campaign_id, i.status, i.starts_at, i.ends_at, i.timezone," \
"         x.person_key, b.ord" \
"    FROM pg_catalog.unnest($1) WITH ORDINALITY AS b (id, ord)" \
"    JOIN expert_network.interviews AS i ON i.id OPERATOR(pg_catalog.=) b.id" \
"    JOIN expert_network.experts AS x ON x.id OPERATOR(pg_catalog.=) i.expert_id" \
"     AND x.user_id OPERATOR(pg_catalog.=) i.user_id" \
"   WHERE i.status OPERATOR(pg_catalog.<>) 'cancelled'" \
"  UNION ALL" \
"  SELECT i.id, i.user_id, i.expert_id, i.campaign_id, i.status, i.starts_at, i.ends_at, i.timezone," \
"         x.person_key, 0" \
"    FROM expert_network.interviews AS i JOIN expert_network.experts AS x" \
"      ON x.id OPERATOR(pg_catalog.=) i.expert_id AND x.user_id OPERATOR(pg_catalog.=) i.user_id" \
"   WHERE i.expert_id OPERATOR(pg_catalog.=) ANY ($2) AND i.status OPERATOR(pg_catalog.<>) 'cancelled')," \
"person AS (" \
"  SELECT b.id AS booking, b.user_id, y.id AS expert_id FROM booked AS b JOIN expert_network.experts AS y" \
"      ON y.user_id OPERATOR(pg_catalog.=) b.user_id AND y.person_key OPERATOR(pg_catalog.=) b.person_key" \
"   WHERE $3" \
"  UNION" \
"  SELECT b.id, b.user_id, b.expert_id FROM booked AS b WHERE $3)," \
"calls AS (" \
"  SELECT p.booking, j.id, j.expert_id, j.campaign_id, j.status, j.starts_at, j.ends_at, j.timezone" \
"    FROM person AS p JOIN expert_network.interviews AS j ON j.expert_id OPERATOR(pg_catalog.=) p.expert_id" \
"     AND j.user_id OPERATOR(pg_catalog.=) p.user_id" \
"   WHERE j.status OPERATOR(pg_catalog.<>) 'cancelled')," \
"capped AS (" \
"  SELECT c.booking, c.id, c.starts_at, b.starts_at AS booked_at, cap.max_calls, cap.call_window" \
"    FROM booked AS b JOIN expert_network.call_caps AS cap ON cap.user_id OPERATOR(pg_catalog.=) b.user_id" \
"    JOIN calls AS c ON c.booking OPERATOR(pg_catalog.=) b.id" \
"   WHERE $3)," \
"conflicts AS (" \
"  SELECT b.ord, 1 AS rule_no, c.id AS other_id, NULL::pg_catalog.uuid AS team_member_id," \
"         NULL::pg_catalog.int8 AS calls, NULL::pg_catalog.timestamptz AS window_end, b.id" \
"    FROM booked AS b JOIN calls AS c ON c.booking OPERATOR(pg_catalog.=) b.id" \
"   WHERE c.campaign_id OPERATOR(pg_catalog.=) b.campaign_id AND c.expert_id OPERATOR(pg_catalog.<>) b.expert_id" \
"  UNION ALL" \
"  SELECT b.ord, 2, NULL, NULL, k.calls, k.window_end, b.id" \
"    FROM booked AS b JOIN (" \
"         SELECT a.booking, a.starts_at AS window_end, pg_catalog.count(*) AS calls" \
"           FROM capped AS a JOIN capped AS c ON c.booking OPERATOR(pg_catalog.=) a.booking" \
"          WHERE a.starts_at OPERATOR(pg_catalog.>=) a.booked_at" \
"            AND a.starts_at OPERATOR(pg_catalog.<) (a.booked_at OPERATOR(pg_catalog.+) a.call_window)" \
"            AND c.starts_at OPERATOR(pg_catalog.>) (a.starts_at OPERATOR(pg_catalog.-) a.call_window)" \
"            AND c.starts_at OPERATOR(pg_catalog.<=) a.starts_at" \
"          GROUP BY a.booking, a.id, a.starts_at, a.max_calls" \
"         HAVING pg_catalog.count(*) OPERATOR(pg_catalog.>) a.max_calls) AS k" \
"      ON k.booking OPERATOR(pg_catalog.=) b.id" \
"  UNION ALL" \
"  SELECT b.ord, 3, c.id, NULL, NULL, NULL, b.id" \
"    FROM booked AS b JOIN calls AS c ON c.booking OPERATOR(pg_catalog.=) b.id" \
"   WHERE c.id OPERATOR(pg_catalog.<>) b.id" \
"     AND b.status OPERATOR(pg_catalog.=) ANY (" EN_LIVE_INTERVIEWS ")" \
"     AND c.status OPERATOR(pg_catalog.=) ANY (" EN_LIVE_INTERVIEWS ")" \
"     AND c.starts_at OPERATOR(pg_catalog.<) b.ends_at AND b.starts_at OPERATOR(pg_catalog.<) c.ends_at" \
"  UNION ALL" \
"  SELECT b.ord, 4, j.id, a.team_member_id, NULL, NULL, b.id" \
"    FROM booked AS b JOIN expert_network.interview_team_assignments AS a" \
"      ON a.interview_id OPERATOR(pg_catalog.=) b.id AND a.user_id OPERATOR(pg_catalog.=) b.user_id" \
"    JOIN expert_network.interview_team_assignments AS o" \
"      ON o.team_member_id OPERATOR(pg_catalog.=) a.team_member_id AND o.user_id OPERATOR(pg_catalog.=) a.user_id" \
"     AND o.interview_id OPERATOR(pg_catalog.<>) b.id" \
"    JOIN expert_network.interviews AS j ON j.id OPERATOR(pg_catalog.=) o.interview_id" \
"     AND j.user_id OPERATOR(pg_catalog.=) o.user_id" \
"   WHERE $4" \
"     AND b.status OPERATOR(pg_catalog.=) ANY (" EN_LIVE_INTERVIEWS ")" \
"     AND j.status OPERATOR(pg_catalog.=) ANY (" EN_LIVE_INTERVIEWS ")" \
"     AND j.starts_at OPERATOR(pg_catalog.<) b.ends_at AND b.starts_at OPERATOR(pg_catalog.<) j.ends_at)," \
"first AS (" \
"  SELECT f.* FROM conflicts AS f ORDER BY f.ord, f.rule_no, f.id, f.other_id LIMIT 1)" \
"SELECT f.rule_no, b.id, b.expert_id, bv.name," \
"       " LOCAL("b.starts_at", "b.timezone") ", " CLOCK("b.ends_at", "b.timezone") "," \
"       o.id, o.expert_id, ov.name, o.status," \
"       " LOCAL("o.starts_at", "o.timezone") ", " CLOCK("o.ends_at", "o.timezone") "," \
"       " LOCAL("o.starts_at", "b.timezone") ", " CLOCK("o.ends_at", "b.timezone") "," \
"       f.team_member_id, t.name, f.calls, cap.max_calls, cap.call_window::pg_catalog.text," \
"       " LOCAL("f.window_end OPERATOR(pg_catalog.-) cap.call_window", "b.timezone") ", " LOCAL("f.window_end", "b.timezone") "," \
"       bx.person_key, fx.id, fv.name, fx.created_at::pg_catalog.text" \
"  FROM first AS f" \
"  JOIN expert_network.interviews AS b ON b.id OPERATOR(pg_catalog.=) f.id" \
"  JOIN expert_network.experts AS bx ON bx.id OPERATOR(pg_catalog.=) b.expert_id" \
"  JOIN expert_network.vendor_platforms AS bv ON bv.id OPERATOR(pg_catalog.=) bx.vendor_platform_id" \
"  LEFT JOIN expert_network.interviews AS o ON o.id OPERATOR(pg_catalog.=) f.other_id" \
"  LEFT JOIN expert_network.experts AS ox ON ox.id OPERATOR(pg_catalog.=) o.expert_id" \
"  LEFT JOIN expert_network.vendor_platforms AS ov ON ov.id OPERATOR(pg_catalog.=) ox.vendor_platform_id" \
"  LEFT JOIN expert_network.team_members AS t ON t.id OPERATOR(pg_catalog.=) f.team_member_id" \
"  LEFT JOIN expert_network.call_caps AS cap ON cap.user_id OPERATOR(pg_catalog.=) b.user_id" \
"  LEFT JOIN LATERAL (" \
"       SELECT y.id, y.vendor_platform_id, y.created_at FROM expert_network.experts AS y" \
"        WHERE y.user_id OPERATOR(pg_catalog.=) b.user_id AND y.campaign_id OPERATOR(pg_catalog.=) b.campaign_id" \
"          AND (y.id OPERATOR(pg_catalog.=) ANY (ARRAY[b.expert_id, o.expert_id])" \
"               OR y.person_key OPERATOR(pg_catalog.=) bx.person_key)" \
"        ORDER BY y.created_at, y.id LIMIT 1) AS fx ON f.rule_no OPERATOR(pg_catalog.=) 1" \
"  LEFT JOIN expert_network.vendor_platforms AS fv ON fv.id OPERATOR(pg_catalog.=) fx.vendor_platform_id"

enum
{
	C_RULE = 1, C_ID, C_EXPERT, C_VENDOR, C_STARTS, C_ENDS,
	C_OTHER, C_OTHER_EXPERT, C_OTHER_VENDOR, C_OTHER_STATUS, C_OTHER_STARTS, C_OTHER_ENDS,
	C_OTHER_STARTS_HERE, C_OTHER_ENDS_HERE,
	C_MEMBER, C_MEMBER_NAME, C_CALLS, C_CAP, C_WINDOW, C_WINDOW_START, C_WINDOW_END,
	C_KEY, C_FIRST, C_FIRST_VENDOR, C_FIRST_AT
};

static SPIPlanPtr lock_keys_plan;
static SPIPlanPtr calls_plan;
static SPIPlanPtr conflict_plan;
static SPIPlanPtr lock_keys_one_plan;
static SPIPlanPtr calls_one_plan;

/* the parameters of the queries: interview ids, expert ids, the rules */
static Oid	argtypes[4] = {UUIDARRAYOID, UUIDARRAYOID, BOOLOID, BOOLOID};

typedef struct LockKey
{
	int32		class;
	int32		key;
} LockKey;

static int
LockKeyCmp(const void *a, const void *b)
{
	const LockKey *x = a;
	const LockKey *y = b;

	if (x->class != y->class)
		return x->class < y->class ? -1 : 1;
	return x->key < y->key ? -1 : x->key > y->key ? 1 : 0;
}

static int32
HashText(const char *s)
{
	return (int32) DatumGetUInt32(hash_any((const unsigned char *) s, (int) strlen(s)));
}

/* Sorted, without repeats: the number kept */
static int
SortKeys(LockKey *keys, int n)
{
	int			kept = 0;

	if (n == 0)
		return 0;
	qsort(keys, n, sizeof(LockKey), LockKeyCmp);
	for (int i = 1; i < n; i++)
		if (LockKeyCmp(&keys[i], &keys[kept]) != 0)
			keys[++kept] = keys[i];
	return kept + 1;
}

static void
Lock(const LockKey *k, bool shared)
{
	if (shared)
		DirectFunctionCall2(pg_advisory_xact_lock_shared_int4, Int32GetDatum(k->class), Int32GetDatum(k->key));
	else
		DirectFunctionCall2(pg_advisory_xact_lock_int4, Int32GetDatum(k->class), Int32GetDatum(k->key));
}

static Datum
IdArray(ArrayBuildState *state)
{
	if (state == NULL)
		return PointerGetDatum(construct_empty_array(UUIDOID));
	return makeArrayResult(state, CurrentMemoryContext);
}

/*
 * The plan of LOCK_KEYS or CALLS for a statement: planned at every execution
 * with the arrays' values when it books several calls (a plan made for a few
 * rows, kept, could read a table once per row of a large statement), but
 * planned once and kept for a statement of one booking, the API's and most
 * applications', which would otherwise pay the planning of both queries at
 * every call: half the time of schedule_interview().
 */
static SPIPlanPtr
GatePlan(SPIPlanPtr *one, SPIPlanPtr *many, const char *query, bool single)
{
	return single ? en_kept_keyed_plan(one, query, 4, argtypes) :
		en_kept_custom_plan(many, query, 4, argtypes);
}

/* Serialize the bookings' persons and team members: see the file header */
static void
LockBookings(Datum *args, char *nulls, bool single)
{
	LockKey    *users;
	LockKey    *keys;
	int			nusers = 0,
				nkeys = 0;
	bool		fine;

	/* not read-only: the statement's own rows must be seen */
	if (en_execute_plan(GatePlan(&lock_keys_one_plan, &lock_keys_plan, LOCK_KEYS, single),
						args, nulls, false, 0) != SPI_OK_SELECT)
		elog(ERROR, "reading the persons of a booking failed");
	users = palloc(sizeof(LockKey) * (SPI_processed + 1));
	keys = palloc(sizeof(LockKey) * (SPI_processed + 1));
	for (uint64 r = 0; r < SPI_processed; r++)
	{
		HeapTuple	row = SPI_tuptable->vals[r];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		char	   *user = SPI_getvalue(row, desc, 1);
		bool		isnull;
		int32		kind = DatumGetInt32(SPI_getbinval(row, desc, 2, &isnull));

		users[nusers].class = LOCK_CLASS_USER;
		users[nusers++].key = HashText(user);
		keys[nkeys].class = kind == 1 ? LOCK_CLASS_PERSON : LOCK_CLASS_TEAM;
		keys[nkeys++].key = HashText(psprintf("%s/%s", user, SPI_getvalue(row, desc, 3)));
	}
	nusers = SortKeys(users, nusers);
	nkeys = SortKeys(keys, nkeys);
	fine = nkeys <= LOCKS_PER_STATEMENT;
	for (int i = 0; i < nusers; i++)
		Lock(&users[i], fine);
	if (fine)
		for (int i = 0; i < nkeys; i++)
			Lock(&keys[i], false);
}

static char *
Col(HeapTuple row, TupleDesc desc, int k)
{
	char	   *v = SPI_getvalue(row, desc, k);

	return v ? v : "?";
}

/* The refusal of the first conflict; how names what was being written */
static void
ReportConflict(Relation rel, const char *how, HeapTuple row, TupleDesc desc)
{
	bool		isnull;
	int			rule = DatumGetInt32(SPI_getbinval(row, desc, C_RULE, &isnull));
	char	   *id = Col(row, desc, C_ID);
	char	   *other = Col(row, desc, C_OTHER);
	char	   *times = psprintf("Interview %s runs from %s to %s; interview %s (expert %s, proposed by %s, %s) runs from %s to %s (%s to %s here).",
								 id, Col(row, desc, C_STARTS), Col(row, desc, C_ENDS),
								 other, Col(row, desc, C_OTHER_EXPERT), Col(row, desc, C_OTHER_VENDOR),
								 Col(row, desc, C_OTHER_STATUS), Col(row, desc, C_OTHER_STARTS),
								 Col(row, desc, C_OTHER_ENDS), Col(row, desc, C_OTHER_STARTS_HERE),
								 Col(row, desc, C_OTHER_ENDS_HERE));
	int			col = en_attnum(rel, "expert_id");

	switch (rule)
	{
		case 1:
			ereport(ERROR,
					(errcode(ERRCODE_SAME_PERSON_CAMPAIGN),
					 errmsg("interview %s cannot be %s: its expert is the same person as expert %s (%s), who has interview %s in this campaign",
							id, how, Col(row, desc, C_OTHER_EXPERT), Col(row, desc, C_OTHER_VENDOR), other),
					 errdetail("Expert %s (%s) and expert %s (%s) share the person key \"%s\"; %s proposed the person first (expert %s, at %s). Interview %s is %s.",
							   Col(row, desc, C_EXPERT), Col(row, desc, C_VENDOR),
							   Col(row, desc, C_OTHER_EXPERT), Col(row, desc, C_OTHER_VENDOR),
							   Col(row, desc, C_KEY), Col(row, desc, C_FIRST_VENDOR),
							   Col(row, desc, C_FIRST), Col(row, desc, C_FIRST_AT),
							   other, Col(row, desc, C_OTHER_STATUS)),
					 errhint("A person is interviewed through one expert row per campaign: book through expert %s (%s proposed first), or cancel interview %s first.",
							 Col(row, desc, C_FIRST), Col(row, desc, C_FIRST_VENDOR), other),
					 col > 0 ? errtablecol(rel, col) : errtable(rel)));
			break;
		case 2:
			ereport(ERROR,
					(errcode(ERRCODE_CALL_CAP),
					 errmsg("interview %s cannot be %s: it exceeds the call cap of %s calls with one person per %s",
							id, how, Col(row, desc, C_CAP), Col(row, desc, C_WINDOW)),
					 errdetail("Counting live and completed interviews with this person (key \"%s\") across campaigns and vendors, the window from %s to %s would hold %s calls.",
							   Col(row, desc, C_KEY), Col(row, desc, C_WINDOW_START),
							   Col(row, desc, C_WINDOW_END), Col(row, desc, C_CALLS)),
					 errhint("Book the call later, cancel another call with this person in the window, or have a compliance officer change expert_network.call_caps."),
					 errtable(rel)));
			break;
		case 3:
			ereport(ERROR,
					(errcode(ERRCODE_PERSON_OVERLAP),
					 errmsg("interview %s cannot be %s: the expert is booked for interview %s at an overlapping time",
							id, how, other),
					 errdetail_internal("%s", times),
					 errhint("Move one of the two calls, or cancel one; calls with the same person may not overlap, whichever network proposed them."),
					 errtable(rel)));
			break;
		default:
			ereport(ERROR,
					(errcode(ERRCODE_TEAM_OVERLAP),
					 errmsg("interview %s cannot be %s: team member %s (%s) is assigned to interview %s at an overlapping time",
							id, how, Col(row, desc, C_MEMBER_NAME), Col(row, desc, C_MEMBER), other),
					 errdetail_internal("%s", times),
					 errhint("Move one of the two calls, or assign another team member."),
					 errtable(rel)));
	}
}

/* -------------------------------------------------------------------------
 * Finding the first conflict
 *
 * The calls of CALLS come in groups (a person's, kind 1; a team member's,
 * kind 2), each sorted by start.  A call is one of the statement's
 * bookings when its id is among the interviews checked (ord, its position
 * there, from 1) or, for a person, when its expert is one whose key changed
 * (ord 0).  The first conflict is the least (ord, rule, id), as
 * FIRST_CONFLICT orders a booking's conflicts; that query then describes it.
 * ------------------------------------------------------------------------- */

typedef struct Call
{
	pg_uuid_t	id;
	pg_uuid_t	expert;			/* kind 1 */
	pg_uuid_t	campaign;		/* kind 1 */
	bool		timed;			/* starts_at is not null */
	bool		live;
	TimestampTz start;
	TimestampTz end;
	TimestampTz window_start;	/* start - call_window, start + call_window */
	TimestampTz window_end;
	int64		ord;			/* see above; -1 when not a booking */
} Call;

typedef struct BookingOrd
{
	pg_uuid_t	id;				/* hash key */
	int64		ord;
} BookingOrd;

typedef struct Conflict
{
	bool		found;
	int64		ord;
	int			rule;
	pg_uuid_t	id;
} Conflict;

static void
Consider(Conflict *first, const Call *call, int rule)
{
	if (!first->found || call->ord < first->ord ||
		(call->ord == first->ord &&
		 (rule < first->rule ||
		  (rule == first->rule && memcmp(&call->id, &first->id, sizeof(pg_uuid_t)) < 0))))
	{
		first->found = true;
		first->ord = call->ord;
		first->rule = rule;
		first->id = call->id;
	}
}

static bool
Overlap(const Call *a, const Call *b)
{
	return a->start < b->end && b->start < a->end;
}

/*
 * Overlapping live calls in a group (rule 3 for a person, 4 for a team
 * member).  In start order, a booking overlaps an earlier call exactly when
 * it overlaps the earlier one that ends last, and a later call exactly when
 * it overlaps the next one.
 */
static void
CheckOverlaps(Call *calls, int n, int rule, Conflict *first)
{
	int			latest = -1;	/* the earlier live call that ends last */

	for (int k = 0; k < n && calls[k].timed; k++)
	{
		int			next = k + 1;

		if (!calls[k].live)
			continue;
		while (next < n && calls[next].timed && !calls[next].live)
			next++;
		if (calls[k].ord >= 0 &&
			((latest >= 0 && Overlap(&calls[latest], &calls[k])) ||
			 (next < n && calls[next].timed && Overlap(&calls[k], &calls[next]))))
			Consider(first, &calls[k], rule);
		if (latest < 0 || calls[k].end > calls[latest].end)
			latest = k;
	}
}

/* The first of calls[lo..hi) starting at or after t (calls timed, sorted) */
static int
FirstFrom(const Call *calls, int lo, int hi, TimestampTz t)
{
	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (calls[mid].start < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * The call cap (rule 2): a booking is refused when a window of call_window
 * ending at a call that starts within call_window from it (its start
 * included) holds more than max_calls calls.
 */
static void
CheckCap(Call *calls, int n, int32 max_calls, Conflict *first)
{
	int			timed = 0;
	int		   *over;			/* over[k + 1]: windows over the cap in 0..k */
	int			lo = 0;

	while (timed < n && calls[timed].timed)
		timed++;
	over = palloc0(sizeof(int) * (timed + 1));
	for (int k = 0; k < timed; k++)
	{
		int			last = k;	/* calls starting with calls[k] count too */

		while (last + 1 < timed && calls[last + 1].start == calls[k].start)
			last++;
		while (lo < k && calls[lo].start <= calls[k].window_start)
			lo++;
		over[k + 1] = over[k] + (last - lo + 1 > max_calls ? 1 : 0);
	}
	for (int k = 0; k < timed; k++)
	{
		int			from,
					to;

		if (calls[k].ord < 0)
			continue;
		from = FirstFrom(calls, 0, timed, calls[k].start);
		to = FirstFrom(calls, from, timed, calls[k].window_end);
		if (over[to] > over[from])
			Consider(first, &calls[k], 2);
	}
	pfree(over);
}

/* The rules of one group */
static void
CheckGroup(Call *calls, int n, int kind, bool capped, int32 max_calls, Conflict *first)
{
	if (kind == 2)
	{
		CheckOverlaps(calls, n, 4, first);
		return;
	}
	/* rule 1: another expert row of the person in the booking's campaign */
	for (int k = 0; k < n; k++)
	{
		if (calls[k].ord < 0)
			continue;
		for (int j = 0; j < n; j++)
			if (memcmp(&calls[j].campaign, &calls[k].campaign, sizeof(pg_uuid_t)) == 0 &&
				memcmp(&calls[j].expert, &calls[k].expert, sizeof(pg_uuid_t)) != 0)
			{
				Consider(first, &calls[k], 1);
				break;
			}
	}
	if (capped)
		CheckCap(calls, n, max_calls, first);
	CheckOverlaps(calls, n, 3, first);
}

/* The positions of the statement's interviews, by id */
static HTAB *
BookingOrds(ArrayBuildState *interviews)
{
	HASHCTL		ctl;
	HTAB	   *ords;

	ctl.keysize = sizeof(pg_uuid_t);
	ctl.entrysize = sizeof(BookingOrd);
	ctl.hcxt = CurrentMemoryContext;
	ords = hash_create("booking_gate bookings", interviews ? interviews->nelems : 1, &ctl,
					   HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
	for (int i = 0; interviews && i < interviews->nelems; i++)
	{
		bool		found;
		BookingOrd *entry = hash_search(ords, DatumGetUUIDP(interviews->dvalues[i]), HASH_ENTER, &found);

		if (!found)
			entry->ord = i + 1;
	}
	return ords;
}

static pg_uuid_t
UuidCol(HeapTuple row, TupleDesc desc, int k)
{
	bool		isnull;
	Datum		d = SPI_getbinval(row, desc, k, &isnull);
	pg_uuid_t	u = {{0}};

	if (!isnull)
		u = *DatumGetUUIDP(d);
	return u;
}

static TimestampTz
TimeCol(HeapTuple row, TupleDesc desc, int k, bool *isnull)
{
	Datum		d = SPI_getbinval(row, desc, k, isnull);

	return *isnull ? 0 : DatumGetTimestampTz(d);
}

/* CALLS' columns */
enum
{
	K_KIND = 1, K_USER, K_KEY, K_ID, K_EXPERT, K_CAMPAIGN, K_LIVE, K_STARTS, K_ENDS,
	K_BY_EXPERT, K_MAX_CALLS, K_WINDOW_START, K_WINDOW_END
};

/* The first conflict among the rows of CALLS */
static void
FindFirstConflict(SPITupleTable *tuptable, uint64 nrows, HTAB *ords, Conflict *first)
{
	TupleDesc	desc = tuptable->tupdesc;
	Call	   *calls = palloc(sizeof(Call) * (nrows + 1));
	uint64		begin = 0;

	first->found = false;
	for (uint64 r = 0; r < nrows; r++)
	{
		HeapTuple	row = tuptable->vals[r];
		Call	   *call = &calls[r];
		bool		isnull;
		BookingOrd *entry;

		call->id = UuidCol(row, desc, K_ID);
		call->expert = UuidCol(row, desc, K_EXPERT);
		call->campaign = UuidCol(row, desc, K_CAMPAIGN);
		call->live = DatumGetBool(SPI_getbinval(row, desc, K_LIVE, &isnull)) && !isnull;
		call->start = TimeCol(row, desc, K_STARTS, &isnull);
		call->timed = !isnull;
		call->end = TimeCol(row, desc, K_ENDS, &isnull);
		call->timed = call->timed && !isnull;
		call->window_start = TimeCol(row, desc, K_WINDOW_START, &isnull);
		call->window_end = TimeCol(row, desc, K_WINDOW_END, &isnull);
		entry = hash_search(ords, &call->id, HASH_FIND, NULL);
		call->ord = entry ? entry->ord : -1;
		if (DatumGetBool(SPI_getbinval(row, desc, K_BY_EXPERT, &isnull)) && !isnull)
			call->ord = 0;
	}
	/* the groups: rows with the same kind, user and key */
	for (uint64 r = 1; r <= nrows; r++)
	{
		HeapTuple	a = tuptable->vals[begin];
		bool		same = r < nrows;

		for (int k = K_KIND; same && k <= K_KEY; k++)
		{
			bool		anull,
						bnull;
			Datum		av = SPI_getbinval(a, desc, k, &anull);
			Datum		bv = SPI_getbinval(tuptable->vals[r], desc, k, &bnull);
			Form_pg_attribute attr = TupleDescAttr(desc, k - 1);

			same = !anull && !bnull && datumIsEqual(av, bv, attr->attbyval, attr->attlen);
		}
		if (!same)
		{
			bool		nocap;
			int32		kind = DatumGetInt32(SPI_getbinval(a, desc, K_KIND, &nocap));
			int32		max_calls = DatumGetInt32(SPI_getbinval(a, desc, K_MAX_CALLS, &nocap));

			CheckGroup(&calls[begin], (int) (r - begin), kind, !nocap, max_calls, first);
			begin = r;
		}
	}
	pfree(calls);
}

/* Check the bookings; report the first conflict */
static void
CheckBookings(Relation rel, const char *how, Bookings *b)
{
	Datum		args[4];
	char		nulls[4] = {' ', ' ', ' ', ' '};
	Conflict	first = {0};
	HTAB	   *volatile ords;	/* read in PG_TRY */
	bool		single = (b->interviews == NULL || b->interviews->nelems <= 1) &&
		(b->experts == NULL || b->experts->nelems == 0);

	args[0] = IdArray(b->interviews);
	args[1] = IdArray(b->experts);
	args[2] = BoolGetDatum(b->person_rules);
	args[3] = BoolGetDatum(b->team_rule);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	LockBookings(args, nulls, single);
	ords = BookingOrds(b->interviews);

	/* read what the sessions that held the locks before us committed */
	CommandCounterIncrement();
	PushActiveSnapshot(GetLatestSnapshot());
	PG_TRY();
	{
		int			rc = en_execute_plan(GatePlan(&calls_one_plan, &calls_plan, CALLS, single),
										 args, nulls, true, 0);

		if (rc != SPI_OK_SELECT)
			elog(ERROR, "reading the calls of a booking failed: %s", SPI_result_code_string(rc));
		FindFirstConflict(SPI_tuptable, SPI_processed, ords, &first);
		SPI_freetuptable(SPI_tuptable);
		if (first.found)
		{
			args[0] = PointerGetDatum(construct_array(&(Datum) {UUIDPGetDatum(&first.id)}, 1, UUIDOID,
													  UUID_LEN, false, TYPALIGN_CHAR));
			args[1] = PointerGetDatum(construct_empty_array(UUIDOID));
			rc = en_execute_plan(en_kept_custom_plan(&conflict_plan, FIRST_CONFLICT, 4, argtypes),
								 args, nulls, true, 1);
			if (rc != SPI_OK_SELECT)
				elog(ERROR, "describing a booking's conflict failed: %s", SPI_result_code_string(rc));
		}
	}
	PG_FINALLY();
	{
		PopActiveSnapshot();
	}
	PG_END_TRY();
	if (first.found)
	{
		if (SPI_processed == 0)
			elog(ERROR, "booking_gate found a conflict of interview %s it cannot describe",
				 DatumGetCString(DirectFunctionCall1(uuid_out, UUIDPGetDatum(&first.id))));
		ReportConflict(rel, how, SPI_tuptable->vals[0], SPI_tuptable->tupdesc);
	}
	SPI_finish();				/* frees ords and the calls with SPI's context */
}

static bool
Counted(Datum status, bool isnull)
{
	return !isnull && !en_text_is(status, "cancelled");
}

static bool
SameValue(TupleTableSlot *a, TupleTableSlot *b, int att)
{
	bool		anull,
				bnull;
	Datum		av = slot_getattr(a, att, &anull);
	Datum		bv = slot_getattr(b, att, &bnull);
	Form_pg_attribute attr = TupleDescAttr(a->tts_tupleDescriptor, att - 1);

	if (anull || bnull)
		return anull == bnull;
	return datumIsEqual(av, bv, attr->attbyval, attr->attlen);
}

/* The interviews a statement on interviews books or moves */
static void
InterviewBookings(RowPairs *pairs, Bookings *b)
{
	static const char *const moved[] = {"expert_id", "campaign_id", "starts_at", "ends_at"};
	int			id_att = en_column_number(pairs->rel, "id");
	int			status_att = en_column_number(pairs->rel, "status");
	int			atts[lengthof(moved)];

	for (int k = 0; k < (int) lengthof(moved); k++)
		atts[k] = en_column_number(pairs->rel, moved[k]);
	b->person_rules = b->team_rule = true;
	while (en_row_pairs_next(pairs))
	{
		bool		isnull;
		Datum		status = en_slot_text(pairs->new, status_att, &isnull);
		Datum		id;
		bool		check;

		if (!Counted(status, isnull))
			continue;
		check = pairs->old == NULL;
		if (!check)
		{
			Datum		old_status = en_slot_text(pairs->old, status_att, &isnull);

			check = !Counted(old_status, isnull) ||
				(en_interview_is_live(status) && !en_interview_is_live(old_status));
			for (int k = 0; k < (int) lengthof(moved) && !check; k++)
				check = !SameValue(pairs->old, pairs->new, atts[k]);
		}
		id = slot_getattr(pairs->new, id_att, &isnull);
		if (check && !isnull)
			en_accum(&b->interviews, id, false, UUIDOID);
	}
}

/* The interviews new team assignments staff */
static void
AssignmentBookings(RowPairs *pairs, Bookings *b)
{
	int			att = en_column_number(pairs->rel, "interview_id");
	int			member = en_column_number(pairs->rel, "team_member_id");

	b->team_rule = true;
	while (en_row_pairs_next(pairs))
	{
		bool		isnull;
		Datum		id = slot_getattr(pairs->new, att, &isnull);

		if (!isnull && (pairs->old == NULL || !SameValue(pairs->old, pairs->new, att) ||
						!SameValue(pairs->old, pairs->new, member)))
			en_accum(&b->interviews, id, false, UUIDOID);
	}
}

/* The experts that become another person (their interviews are checked) */
static void
ExpertBookings(RowPairs *pairs, Bookings *b)
{
	int			id_att = en_column_number(pairs->rel, "id");
	int			key_att = en_column_number(pairs->rel, "person_key");

	b->person_rules = true;
	while (en_row_pairs_next(pairs))
	{
		bool		isnull;
		Datum		id;

		if (SameValue(pairs->old, pairs->new, key_att))
			continue;
		(void) slot_getattr(pairs->new, key_att, &isnull);
		if (isnull)
			continue;			/* a row of its own: nothing merges */
		id = slot_getattr(pairs->new, id_att, &isnull);
		if (!isnull)
			en_accum(&b->experts, id, false, UUIDOID);
	}
}

/*
 * Trigger: AFTER INSERT or UPDATE FOR EACH STATEMENT on interviews and
 * interview_team_assignments, AFTER UPDATE on experts, with the
 * transition tables.  See the file header.
 */
Datum
expert_network_booking_gate(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	const char *table;
	const char *how;
	RowPairs	pairs;
	Bookings	b = {0};

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_AFTER(trigdata->tg_event) ||
		TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) ||
		!(TRIGGER_FIRED_BY_INSERT(trigdata->tg_event) || TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event)) ||
		trigdata->tg_newtable == NULL ||
		(TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) && trigdata->tg_oldtable == NULL))
		en_report_misfire("booking_gate",
						  "AFTER INSERT or AFTER UPDATE, FOR EACH STATEMENT, with the transition tables");
	table = RelationGetRelationName(trigdata->tg_relation);
	if (!en_in_extension_schema(trigdata->tg_relation) ||
		(strcmp(table, "interviews") != 0 && strcmp(table, "interview_team_assignments") != 0 &&
		 !(strcmp(table, "experts") == 0 && TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event))))
		en_report_misfire("booking_gate", "on interviews, interview_team_assignments or experts (UPDATE)");
	if (en_restoring())
		return PointerGetDatum(NULL);

	en_row_pairs_begin(&pairs, trigdata, strcmp(table, "interview_team_assignments") != 0);
	if (strcmp(table, "interviews") == 0)
	{
		InterviewBookings(&pairs, &b);
		how = TRIGGER_FIRED_BY_INSERT(trigdata->tg_event) ? "booked" : "changed";
	}
	else if (strcmp(table, "experts") == 0)
	{
		ExpertBookings(&pairs, &b);
		how = "kept with its expert's new contact details";
	}
	else
	{
		AssignmentBookings(&pairs, &b);
		how = "staffed";
	}
	en_row_pairs_end(&pairs);
	if (b.interviews == NULL && b.experts == NULL)
		return PointerGetDatum(NULL);
	CheckBookings(trigdata->tg_relation, how, &b);
	return PointerGetDatum(NULL);
}
