/*
 * compliance.c
 *	  The compliance gates (0.10.0): compliance_gate, the statement trigger
 *	  on interviews, and compliance_check() and compliance_conflicts(), which
 *	  run the same screen for a UI.
 *
 * A call is screened on three rules, each a row of the user's data:
 *
 *	restricted_list	the expert's employer on the call date (the employment
 *					covering it, or experts.company for an expert with no
 *					employment rows) matches an entry of the restricted list
 *					that applies on that date: refused, QC001;
 *	cooling_off		the expert left a company less than the policy's
 *					cooling-off period before the call date (months for a
 *					public or a private employer), and that company is one of
 *					the campaign's subject companies or on the restricted list
 *					on that date: refused, QC002;
 *	attestation		the call is being confirmed or completed, the user's
 *					policy requires attestations, and the interview has none:
 *					refused, QC003.
 *
 * An unexpired exception for the expert and the rule, approved by a
 * compliance officer, turns a refusal into "excepted".  Companies match on
 * their keys (companies.c).  One query decides every call of a statement
 * and appends each decision to compliance_log; the trigger then reports the
 * first refusal, which undoes the statement (its log rows with it: the
 * refusal is in the error, and compliance_check(..., log => true) records
 * a screen that survives).
 *
 * A statement that books a single call, the common case, is first put
 * through a probe (the quick pass, compliance_probe.c: an SQL query from
 * 0.11.0 to 0.16.0, read through the indexes since 0.16.1) that can only
 * pass it: when nothing of the user's could refuse the call its passes are
 * logged, and otherwise the full screen decides.  Only the employments that
 * can matter on the call date are screened: those begun by then and ended
 * less than the policy's longest cooling-off period before it.
 *
 * The gate reads as the statement's role, so row-level security shows it
 * the user's own list, employments and policy, and each join also matches
 * user_id, for roles that bypass row-level security.  A restricted-list
 * entry committed while a call is being booked is either seen by the gate
 * (committed before the gate's query starts) or listed afterwards by
 * compliance_conflicts(), which is how every change of the list, the
 * employments or the subject companies is brought to the application: they
 * re-screen nothing themselves.  A restore is not screened.
 */
#include "expert_network.h"

#include "catalog/pg_operator.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

PG_FUNCTION_INFO_V1(expert_network_compliance_gate);
PG_FUNCTION_INFO_V1(expert_network_compliance_check);
PG_FUNCTION_INFO_V1(expert_network_compliance_conflicts);

#define ERRCODE_RESTRICTED_COMPANY	MAKE_SQLSTATE('Q','C','0','0','1')
#define ERRCODE_COOLING_OFF			MAKE_SQLSTATE('Q','C','0','0','2')
#define ERRCODE_NO_ATTESTATION		MAKE_SQLSTATE('Q','C','0','0','3')

/* > 0 while a screen appends its decisions (protect_compliance_log) */
static int	log_writes = 0;

bool
en_writing_compliance_log(void)
{
	return log_writes > 0;
}

/*
 * The screen: the calls are the parameters ($1 interview ids (NULL for a
 * call not booked yet), $2 owners, $3 experts, $4 campaigns, $5 call dates,
 * $6 screened on the list and cooling-off, $7 checked for an attestation),
 * as arrays for a statement of several calls, as values for a single call
 * (a plan made for exactly one row); $8 appends the decisions to the log,
 * $9 returns every decision rather than the refusals only.  A row per
 * decision, in the order of the calls, then of the rules.
 */
#define SCREEN_CALLS \
	"calls AS (" \
	"  SELECT c.* FROM ROWS FROM (pg_catalog.unnest($1), pg_catalog.unnest($2), pg_catalog.unnest($3)," \
	"         pg_catalog.unnest($4), pg_catalog.unnest($5), pg_catalog.unnest($6), pg_catalog.unnest($7))" \
	"         WITH ORDINALITY" \
	"         AS c (interview_id, user_id, expert_id, campaign_id, call_date, screen, attest, ord))"

#define SCREEN_ONE_CALL \
	"calls AS (" \
	"  SELECT $1 AS interview_id, $2 AS user_id, $3 AS expert_id, $4 AS campaign_id, $5 AS call_date," \
	"         $6 AS screen, $7 AS attest, 1::pg_catalog.int8 AS ord)"

/*
 * Companies match when their keys overlap: expert_network.&& (0.11.0),
 * which the restricted list's GIN index serves under row-level security,
 * or pg_catalog.&& on an older schema; the query texts leave the schema to
 * ScreenPlan.
 */
#define KEYS_MATCH "OPERATOR(%1$s.&&)"

#define SCREEN_RULES \
	"policy AS (" \
	"  SELECT u.user_id," \
	"         COALESCE(p.cooling_off_public_months, 6) AS public_months," \
	"         COALESCE(p.cooling_off_private_months, 3) AS private_months," \
	"         COALESCE(p.attestation_required, false) AS attestation_required" \
	"    FROM (SELECT DISTINCT c.user_id FROM calls AS c) AS u" \
	"    LEFT JOIN expert_network.compliance_policies AS p ON p.user_id OPERATOR(pg_catalog.=) u.user_id)," \
	"jobs AS (" \
	"  SELECT c.ord, e.company, e.match_keys, e.started_on, e.ended_on, e.publicly_traded" \
	"    FROM calls AS c JOIN expert_network.expert_employments AS e" \
	"      ON e.expert_id OPERATOR(pg_catalog.=) c.expert_id AND e.user_id OPERATOR(pg_catalog.=) c.user_id" \
	"    JOIN policy AS p ON p.user_id OPERATOR(pg_catalog.=) c.user_id" \
	"   WHERE c.screen" \
	"     AND (e.started_on IS NULL OR e.started_on OPERATOR(pg_catalog.<=) c.call_date)" \
	"     AND (e.ended_on IS NULL OR (e.ended_on OPERATOR(pg_catalog.+) pg_catalog.make_interval(months =>" \
	"          GREATEST(p.public_months, p.private_months)))::pg_catalog.date OPERATOR(pg_catalog.>=) c.call_date)" \
	"  UNION ALL" \
	"  SELECT c.ord, x.company, expert_network.company_keys(x.company, NULL, NULL), NULL, NULL, true" \
	"    FROM calls AS c JOIN expert_network.experts AS x" \
	"      ON x.id OPERATOR(pg_catalog.=) c.expert_id AND x.user_id OPERATOR(pg_catalog.=) c.user_id" \
	"   WHERE c.screen AND x.company IS NOT NULL AND NOT EXISTS (" \
	"         SELECT FROM expert_network.expert_employments AS e" \
	"          WHERE e.expert_id OPERATOR(pg_catalog.=) c.expert_id AND e.user_id OPERATOR(pg_catalog.=) c.user_id))," \
	"listed AS (" \
	"  SELECT DISTINCT ON (c.ord) c.ord, j.company, r.id AS entry_id, r.company AS entry," \
	"         r.applies_from, r.applies_until" \
	"    FROM calls AS c JOIN jobs AS j ON j.ord OPERATOR(pg_catalog.=) c.ord" \
	"    JOIN expert_network.restricted_companies AS r" \
	"      ON r.user_id OPERATOR(pg_catalog.=) c.user_id AND r.match_keys " KEYS_MATCH " j.match_keys" \
	"   WHERE (j.started_on IS NULL OR j.started_on OPERATOR(pg_catalog.<=) c.call_date)" \
	"     AND (j.ended_on IS NULL OR j.ended_on OPERATOR(pg_catalog.>=) c.call_date)" \
	"     AND r.applies_from OPERATOR(pg_catalog.<=) c.call_date" \
	"     AND (r.applies_until IS NULL OR r.applies_until OPERATOR(pg_catalog.>=) c.call_date)" \
	"   ORDER BY c.ord, r.applies_from, r.id)," \
	"left_jobs AS (" \
	"  SELECT c.ord, c.user_id, c.campaign_id, c.call_date, j.company, j.match_keys, j.ended_on," \
	"         (j.ended_on OPERATOR(pg_catalog.+) pg_catalog.make_interval(months => CASE WHEN j.publicly_traded" \
	"              THEN p.public_months ELSE p.private_months END))::pg_catalog.date AS clears_on" \
	"    FROM calls AS c JOIN jobs AS j ON j.ord OPERATOR(pg_catalog.=) c.ord" \
	"    JOIN policy AS p ON p.user_id OPERATOR(pg_catalog.=) c.user_id" \
	"   WHERE j.ended_on OPERATOR(pg_catalog.<) c.call_date)," \
	"cooling AS (" \
	"  SELECT DISTINCT ON (l.ord) l.ord, l.company, s.entry_id, s.entry, s.source, l.ended_on, l.clears_on" \
	"    FROM left_jobs AS l CROSS JOIN LATERAL (" \
	"         SELECT 'subject company' AS source, sc.id AS entry_id, sc.company AS entry" \
	"           FROM expert_network.campaign_subject_companies AS sc" \
	"          WHERE sc.campaign_id OPERATOR(pg_catalog.=) l.campaign_id AND sc.user_id OPERATOR(pg_catalog.=) l.user_id" \
	"            AND sc.match_keys " KEYS_MATCH " l.match_keys" \
	"         UNION ALL" \
	"         SELECT 'restricted list', r.id, r.company FROM expert_network.restricted_companies AS r" \
	"          WHERE r.user_id OPERATOR(pg_catalog.=) l.user_id AND r.match_keys " KEYS_MATCH " l.match_keys" \
	"            AND r.applies_from OPERATOR(pg_catalog.<=) l.call_date" \
	"            AND (r.applies_until IS NULL OR r.applies_until OPERATOR(pg_catalog.>=) l.call_date)" \
	"         LIMIT 1) AS s" \
	"   WHERE l.call_date OPERATOR(pg_catalog.<) l.clears_on" \
	"   ORDER BY l.ord, l.clears_on DESC)," \
	"gates AS (" \
	"  SELECT c.ord, 1 AS rule_no, 'restricted_list' AS rule, l.ord IS NOT NULL AS hit, l.company, l.entry_id," \
	"         l.entry, NULL::pg_catalog.text AS source, l.applies_from, l.applies_until," \
	"         NULL::pg_catalog.date AS ended_on, l.applies_until OPERATOR(pg_catalog.+) 1 AS clears_on" \
	"    FROM calls AS c LEFT JOIN listed AS l ON l.ord OPERATOR(pg_catalog.=) c.ord WHERE c.screen" \
	"  UNION ALL" \
	"  SELECT c.ord, 2, 'cooling_off', k.ord IS NOT NULL, k.company, k.entry_id, k.entry, k.source, NULL, NULL," \
	"         k.ended_on, k.clears_on" \
	"    FROM calls AS c LEFT JOIN cooling AS k ON k.ord OPERATOR(pg_catalog.=) c.ord WHERE c.screen" \
	"  UNION ALL" \
	"  SELECT c.ord, 3, 'attestation', p.attestation_required AND NOT EXISTS (" \
	"         SELECT FROM expert_network.interview_attestations AS a" \
	"          WHERE a.interview_id OPERATOR(pg_catalog.=) c.interview_id AND a.user_id OPERATOR(pg_catalog.=) c.user_id)," \
	"         NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL" \
	"    FROM calls AS c JOIN policy AS p ON p.user_id OPERATOR(pg_catalog.=) c.user_id" \
	"   WHERE c.attest AND (p.attestation_required OR c.interview_id IS NULL))," \
	"decided AS (" \
	"  SELECT g.*, c.interview_id, c.user_id, c.expert_id, c.call_date, x.id AS exception_id, x.expires_at," \
	"         CASE WHEN NOT g.hit THEN 'passed' WHEN x.id IS NOT NULL THEN 'excepted' ELSE 'refused' END AS decision" \
	"    FROM gates AS g JOIN calls AS c ON c.ord OPERATOR(pg_catalog.=) g.ord" \
	"    LEFT JOIN LATERAL (" \
	"         SELECT x.id, x.expires_at FROM expert_network.compliance_exceptions AS x" \
	"          WHERE g.hit AND x.expert_id OPERATOR(pg_catalog.=) c.expert_id" \
	"            AND x.user_id OPERATOR(pg_catalog.=) c.user_id AND x.rule OPERATOR(pg_catalog.=) g.rule::%2$s" \
	"            AND x.approved_at OPERATOR(pg_catalog.<=) pg_catalog.now()" \
	"            AND x.expires_at OPERATOR(pg_catalog.>) pg_catalog.now()" \
	"          ORDER BY x.expires_at DESC LIMIT 1) AS x ON true)"

/* the columns every screen returns, as DescribeDecision reads them */
#define SCREEN_COLUMNS \
	"d.ord, d.rule, d.decision, d.company, d.entry_id, d.entry, d.source, d.applies_from, d.applies_until," \
	" d.ended_on, d.clears_on, d.exception_id, d.expires_at"

enum
{
	COL_ORD = 1, COL_RULE, COL_DECISION, COL_COMPANY, COL_ENTRY_ID, COL_ENTRY, COL_SOURCE,
	COL_APPLIES_FROM, COL_APPLIES_UNTIL, COL_ENDED_ON, COL_CLEARS_ON, COL_EXCEPTION_ID,
	COL_EXPIRES_AT,
	/* compliance_conflicts() only */
	COL_INTERVIEW_ID, COL_EXPERT_ID, COL_CALL_DATE
};

/* the decisions of the screen, in order, all of them or the refusals only */
#define SCREEN_RESULT \
"SELECT " SCREEN_COLUMNS " FROM decided AS d" \
" WHERE $9 OR d.decision OPERATOR(pg_catalog.=) 'refused'" \
" ORDER BY d.ord, d.rule_no"

/* the decisions appended to the log when $8 (an attestation is checked on a booked call only) */
#define SCREEN_LOG \
"logged AS (" \
"  INSERT INTO expert_network.compliance_log" \
"         (user_id, interview_id, expert_id, call_date, rule, decision, decided_by, detail, exception_id)" \
"  SELECT d.user_id, d.interview_id, d.expert_id, d.call_date, d.rule::%2$s, d.decision::%3$s, CURRENT_USER," \
"         CASE WHEN d.hit THEN pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(" \
"              'company', d.company, 'entry_id', d.entry_id, 'entry', d.entry, 'matched', d.source," \
"              'applies_from', d.applies_from, 'applies_until', d.applies_until," \
"              'ended_on', d.ended_on, 'clears_on', d.clears_on)) END," \
"         d.exception_id" \
"    FROM decided AS d" \
"   WHERE $8 AND (d.interview_id IS NOT NULL OR d.rule OPERATOR(pg_catalog.<>) 'attestation')" \
"   ORDER BY d.ord, d.rule_no) "

/*
 * The passes of a single booking, the common case, logged when the quick
 * pass (compliance_probe.c) finds nothing that could refuse the call: an
 * INSERT of the rules checked, written as literals, which take the columns'
 * types (text before 0.16.0, the enums since).  Parameters as
 * SCREEN_ONE_CALL's.
 */
#define QUICK_LOG_ROW(RULE) "($2, $1, $3, $5, '" RULE "', 'passed', CURRENT_USER)"
#define QUICK_LOG(ROWS) \
"INSERT INTO expert_network.compliance_log (user_id, interview_id, expert_id, call_date, rule, decision, decided_by)" \
" VALUES " ROWS

/*
 * The screens, by what they are given and whether they log: the single
 * call of a booking (the quick pass, then, if it cannot pass the call, the
 * full screen) or of compliance_check() (with the log, or without it, so
 * that a role that may not write the log, such as the readonly level, can
 * preview), and the calls of a larger statement.
 */
typedef enum ScreenKind
{
	LOG_SCREENED,				/* the quick pass's passes, logged: screened, */
	LOG_ATTESTED,				/* checked for an attestation, */
	LOG_BOTH,					/* or both */
	SCREEN_ONE,
	SCREEN_ONE_UNLOGGED,
	SCREEN_MANY,
	SCREEN_KINDS
} ScreenKind;

static const char *const screen_queries[SCREEN_KINDS] = {
	[LOG_SCREENED] = QUICK_LOG(QUICK_LOG_ROW("restricted_list") ", " QUICK_LOG_ROW("cooling_off")),
	[LOG_ATTESTED] = QUICK_LOG(QUICK_LOG_ROW("attestation")),
	[LOG_BOTH] = QUICK_LOG(QUICK_LOG_ROW("restricted_list") ", " QUICK_LOG_ROW("cooling_off") ", "
						   QUICK_LOG_ROW("attestation")),
	[SCREEN_ONE] = "WITH " SCREEN_ONE_CALL ", " SCREEN_RULES ", " SCREEN_LOG SCREEN_RESULT,
	[SCREEN_ONE_UNLOGGED] = "WITH " SCREEN_ONE_CALL ", " SCREEN_RULES " " SCREEN_RESULT,
	[SCREEN_MANY] = "WITH " SCREEN_CALLS ", " SCREEN_RULES ", " SCREEN_LOG SCREEN_RESULT,
};

/* every live interview the caller sees, screened (no log) */
static const char conflicts_query[] =
"WITH calls AS ("
"  SELECT i.id AS interview_id, i.user_id, i.expert_id, i.campaign_id, i.scheduled_date AS call_date,"
"         true AS screen, false AS attest,"
"         pg_catalog.row_number() OVER (ORDER BY i.scheduled_date, i.scheduled_time, i.id) AS ord"
"    FROM expert_network.interviews AS i"
"   WHERE i.status OPERATOR(pg_catalog.=) ANY (" EN_LIVE_INTERVIEWS ")), "
SCREEN_RULES
" SELECT " SCREEN_COLUMNS ", d.interview_id, d.expert_id, d.call_date FROM decided AS d"
" WHERE d.decision OPERATOR(pg_catalog.=) 'refused'"
" ORDER BY d.ord, d.rule_no";

/*
 * The screens' plans, kept: a single call's planned once without the
 * values (a generic plan: the common booking pays no planning), a larger
 * statement's planned for its real number of calls each time (a custom
 * plan).  They are made for the overlap operator of the moment, and made
 * again when an update of the extension (or a reinstall) changes it.
 */
static SPIPlanPtr screen_plans[SCREEN_KINDS];

/*
 * What the screens' texts depend on in the schema: the overlap operator
 * expert_network.&&(text[], text[]) (0.11.0; before it, pg_catalog.&&) and
 * the enum of the log's rules (0.16.0: compliance_log's rule and decision
 * and compliance_exceptions' rule are enums, before it text).  InvalidOid
 * where the schema has neither.
 */
typedef struct ScreenSchema
{
	Oid			keys_operator;
	Oid			rule_type;
} ScreenSchema;

static ScreenSchema screen_plans_schema;

static ScreenSchema
CurrentScreenSchema(void)
{
	Oid			schema = en_extension_schema();
	ScreenSchema result;

	result.keys_operator = GetSysCacheOid4(OPERNAMENSP, Anum_pg_operator_oid, CStringGetDatum("&&"),
										   ObjectIdGetDatum(TEXTARRAYOID), ObjectIdGetDatum(TEXTARRAYOID),
										   ObjectIdGetDatum(schema));
	result.rule_type = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid, CStringGetDatum("compliance_rule"),
									   ObjectIdGetDatum(schema));
	return result;
}

/*
 * A query of the screen's for the schema: %1$s is the overlap operator's
 * schema, %2$s and %3$s the types of a rule and of a decision
 */
static char *
ScreenText(const char *query, ScreenSchema schema)
{
	bool		enums = OidIsValid(schema.rule_type);

	return psprintf(query, OidIsValid(schema.keys_operator) ? "expert_network" : "pg_catalog",
					enums ? "expert_network.compliance_rule" : "pg_catalog.text",
					enums ? "expert_network.compliance_decision" : "pg_catalog.text");
}

/*
 * The plan of a screen, made for the schema of the moment, and made again
 * when an update of the extension (or a reinstall) changes it
 */
static SPIPlanPtr
ScreenPlan(ScreenKind kind, Oid *argtypes)
{
	ScreenSchema schema = CurrentScreenSchema();

	if (schema.keys_operator != screen_plans_schema.keys_operator ||
		schema.rule_type != screen_plans_schema.rule_type)
	{
		for (int k = 0; k < SCREEN_KINDS; k++)
		{
			if (screen_plans[k] != NULL)
				SPI_freeplan(screen_plans[k]);
			screen_plans[k] = NULL;
		}
		screen_plans_schema = schema;
	}
	if (screen_plans[kind] == NULL)
	{
		char	   *query = ScreenText(screen_queries[kind], schema);

		if (kind == SCREEN_MANY)
			en_kept_custom_plan(&screen_plans[kind], query, 9, argtypes);
		else
			en_kept_generic_plan(&screen_plans[kind], query, 9, argtypes);
	}
	return screen_plans[kind];
}

/* The calls to screen, column by column */
typedef struct Calls
{
	int			n;
	ArrayBuildState *columns[7];
	char	  **statuses;		/* each call's new status (the gate) */
} Calls;

static const Oid call_types[7] = {UUIDOID, TEXTOID, UUIDOID, UUIDOID, DATEOID, BOOLOID, BOOLOID};

static void
CallsInit(Calls *calls, int capacity)
{
	calls->n = 0;
	for (int k = 0; k < 7; k++)
		calls->columns[k] = initArrayResult(call_types[k], CurrentMemoryContext, false);
	calls->statuses = palloc(sizeof(char *) * Max(capacity, 1));
}

static void
CallsAdd(Calls *calls, Datum *values, bool *nulls, const char *status)
{
	for (int k = 0; k < 7; k++)
		accumArrayResult(calls->columns[k], values[k], nulls[k], call_types[k], CurrentMemoryContext);
	calls->statuses[calls->n++] = pstrdup(status);
}

static char *
DateText(Datum date)
{
	return DatumGetCString(DirectFunctionCall1(date_out, date));
}

/* Column k of a screen's row, as text, or NULL */
static char *
Field(HeapTuple row, TupleDesc desc, int k)
{
	return SPI_getvalue(row, desc, k);
}

/*
 * Why a decision was taken, in one sentence (a DETAIL, or the reason
 * compliance_check() returns); *hint gets how a refusal clears.
 */
static char *
DescribeDecision(HeapTuple row, TupleDesc desc, Datum call_date, bool booked, char **hint)
{
	char	   *rule = Field(row, desc, COL_RULE);
	char	   *decision = Field(row, desc, COL_DECISION);
	char	   *company = Field(row, desc, COL_COMPANY);
	char	   *entry = Field(row, desc, COL_ENTRY);
	char	   *entry_id = Field(row, desc, COL_ENTRY_ID);
	char	   *clears_on = Field(row, desc, COL_CLEARS_ON);
	char	   *day = DateText(call_date);
	StringInfoData why;

	initStringInfo(&why);
	*hint = NULL;
	if (strcmp(decision, "passed") == 0)
	{
		if (strcmp(rule, "restricted_list") == 0)
			appendStringInfo(&why, "No restricted-list entry applying on %s matches the expert's employer.", day);
		else if (strcmp(rule, "cooling_off") == 0)
			appendStringInfo(&why, "On %s the expert is in no cooling-off period for a subject company or a restricted company.", day);
		else if (booked)
			appendStringInfoString(&why, "The interview has an attestation.");
		else
			appendStringInfoString(&why, "The compliance policy requires no attestation.");
		return why.data;
	}

	if (strcmp(rule, "restricted_list") == 0)
	{
		char	   *until = Field(row, desc, COL_APPLIES_UNTIL);

		appendStringInfo(&why, "Rule restricted_list: the expert's employer on %s, \"%s\", matches restricted-list entry \"%s\" (%s), which applies from %s %s%s.",
						 day, company, entry, entry_id, Field(row, desc, COL_APPLIES_FROM),
						 until ? "until " : "until further notice", until ? until : "");
		*hint = until
			? psprintf("The entry stops applying on %s; before that, a compliance officer may approve an exception for this expert (rule restricted_list).", clears_on)
			: pstrdup("A compliance officer may approve an exception for this expert (rule restricted_list), or close the entry.");
	}
	else if (strcmp(rule, "cooling_off") == 0)
	{
		appendStringInfo(&why, "Rule cooling_off: the expert left \"%s\" on %s, and it matches %s \"%s\" (%s); the cooling-off period ends on %s.",
						 company, Field(row, desc, COL_ENDED_ON), Field(row, desc, COL_SOURCE),
						 entry, entry_id, clears_on);
		*hint = psprintf("A call on or after %s passes; before that, a compliance officer may approve an exception for this expert (rule cooling_off).",
						 clears_on);
	}
	else if (!booked)
	{
		appendStringInfoString(&why, "Rule attestation: the compliance policy requires the expert's attestation before the call is confirmed or completed.");
		*hint = pstrdup("Record it in expert_network.interview_attestations once the interview is booked.");
	}
	else
	{
		appendStringInfoString(&why, "Rule attestation: the compliance policy requires the expert's attestation before a call is confirmed or completed, and there is none.");
		*hint = pstrdup("Record it in expert_network.interview_attestations first, or have a compliance officer approve an exception for this expert (rule attestation).");
	}
	if (strcmp(decision, "excepted") == 0)
		appendStringInfo(&why, " Excepted by exception %s until %s.",
						 Field(row, desc, COL_EXCEPTION_ID), Field(row, desc, COL_EXPIRES_AT));
	return why.data;
}

static bool
IsLogKind(ScreenKind kind)
{
	return kind == LOG_SCREENED || kind == LOG_ATTESTED || kind == LOG_BOTH;
}

/*
 * Run a screen of the calls, or log a quick pass's decisions (the LOG_
 * kinds, an INSERT): kind SCREEN_MANY takes the calls as arrays
 */
static SPITupleTable *
RunScreen(ScreenKind kind, Calls *calls, bool log, bool every_decision)
{
	Oid			argtypes[9] = {UUIDOID, TEXTOID, UUIDOID, UUIDOID, DATEOID, BOOLOID, BOOLOID,
	BOOLOID, BOOLOID};
	Datum		args[9];
	char		nulls[9];
	volatile int rc = 0;

	Assert(calls->n > 0 && (kind == SCREEN_MANY || calls->n == 1));
	memset(nulls, ' ', sizeof(nulls));
	for (int k = 0; k < 7; k++)
	{
		if (kind == SCREEN_MANY)
		{
			argtypes[k] = get_array_type(argtypes[k]);
			args[k] = makeArrayResult(calls->columns[k], CurrentMemoryContext);
		}
		else
		{
			args[k] = calls->columns[k]->dvalues[0];
			if (calls->columns[k]->dnulls[0])
				nulls[k] = 'n';
		}
	}
	args[7] = BoolGetDatum(log);
	args[8] = BoolGetDatum(every_decision);

	log_writes++;
	PG_TRY();
	{
		rc = en_execute_plan(ScreenPlan(kind, argtypes), args, nulls, false, 0);
	}
	PG_FINALLY();
	{
		log_writes--;
	}
	PG_END_TRY();
	if (rc != (IsLogKind(kind) ? SPI_OK_INSERT : SPI_OK_SELECT))
		elog(ERROR, "the compliance screen failed: %s", SPI_result_code_string(rc));
	return SPI_tuptable;
}

/*
 * The decisions on the calls, logged or not: every decision, or the
 * refusals only
 */
static SPITupleTable *
Screen(Calls *calls, bool log, bool every_decision)
{
	return RunScreen(calls->n > 1 ? SCREEN_MANY : log ? SCREEN_ONE : SCREEN_ONE_UNLOGGED,
					 calls, log, every_decision);
}

/*
 * Whether a single call passes every rule in the quick pass; if it does,
 * its passes are logged
 */
static bool
QuickPass(Calls *calls)
{
	ComplianceCall call;
	bool		attestation_required;
	bool		attested;
	const char *referred;

	call.interview_id = calls->columns[0]->dvalues[0];
	call.has_interview = !calls->columns[0]->dnulls[0];
	call.user_id = calls->columns[1]->dvalues[0];
	call.has_user = !calls->columns[1]->dnulls[0];
	call.expert_id = calls->columns[2]->dvalues[0];
	call.campaign_id = calls->columns[3]->dvalues[0];
	call.has_campaign = !calls->columns[3]->dnulls[0];
	call.call_date = DatumGetDateADT(calls->columns[4]->dvalues[0]);
	call.screen = DatumGetBool(calls->columns[5]->dvalues[0]);
	call.attest = DatumGetBool(calls->columns[6]->dvalues[0]);
	if (!en_compliance_probe(&call, CurrentScreenSchema().keys_operator, &attestation_required, &referred))
	{
		elog(DEBUG2, "expert_network: the quick pass refers interview %s to the full compliance screen: %s",
			 call.has_interview ? en_uuid_text(call.interview_id) : "(none)", referred);
		return false;
	}
	/* the attestation is logged only where the policy requires one */
	attested = call.attest && attestation_required;
	if (call.screen || attested)
		(void) RunScreen(!attested ? LOG_SCREENED : !call.screen ? LOG_ATTESTED : LOG_BOTH, calls, true, false);
	return true;
}

/* What a refused interview could not be: its new status, as a verb */
static const char *
StatusVerb(const char *status)
{
	return strcmp(status, "pending") == 0 ? "booked" : status;
}

static void
ReportRefusal(Relation rel, Calls *calls, HeapTuple row, TupleDesc desc)
{
	bool		isnull;
	int			i = (int) DatumGetInt64(SPI_getbinval(row, desc, COL_ORD, &isnull)) - 1;
	char	   *rule = Field(row, desc, COL_RULE);
	Datum		date = calls->columns[4]->dvalues[i];
	char	   *interview = en_uuid_text(calls->columns[0]->dvalues[i]);
	const char *verb = StatusVerb(calls->statuses[i]);
	char	   *hint;
	char	   *detail = DescribeDecision(row, desc, date, true, &hint);

	if (strcmp(rule, "restricted_list") == 0)
		ereport(ERROR,
				(errcode(ERRCODE_RESTRICTED_COMPANY),
				 errmsg("interview %s cannot be %s: the expert's employer is on the restricted list on %s",
						interview, verb, DateText(date)),
				 errdetail_internal("%s", detail), errhint("%s", hint), errtable(rel)));
	if (strcmp(rule, "cooling_off") == 0)
		ereport(ERROR,
				(errcode(ERRCODE_COOLING_OFF),
				 errmsg("interview %s cannot be %s: the expert is in a cooling-off period on %s",
						interview, verb, DateText(date)),
				 errdetail_internal("%s", detail), errhint("%s", hint), errtable(rel)));
	ereport(ERROR,
			(errcode(ERRCODE_NO_ATTESTATION),
			 errmsg("interview %s cannot be %s without an attestation", interview, verb),
			 errdetail_internal("%s", detail), errhint("%s", hint), errtable(rel)));
}

static bool
IsLive(const char *status)
{
	return strcmp(status, "pending") == 0 || strcmp(status, "scheduled") == 0 ||
		strcmp(status, "confirmed") == 0;
}

/*
 * Trigger on interviews: AFTER INSERT and AFTER UPDATE FOR EACH STATEMENT,
 * with the transition tables.  Screens every interview the statement makes
 * live, or moves to scheduled or confirmed, or whose live call changes
 * expert, campaign or date; checks the attestation of every interview it
 * moves to confirmed or completed.
 */
Datum
expert_network_compliance_gate(PG_FUNCTION_ARGS)
{
	static const char *const columns[] = {"id", "user_id", "expert_id", "campaign_id", "scheduled_date", "status"};
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	bool		is_update;
	RowPairs	pairs;
	Calls		calls;
	int			atts[lengthof(columns)];
	SPITupleTable *refused;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_AFTER(trigdata->tg_event) ||
		TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) ||
		!(TRIGGER_FIRED_BY_INSERT(trigdata->tg_event) || TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event)) ||
		trigdata->tg_newtable == NULL ||
		(TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) && trigdata->tg_oldtable == NULL))
		en_report_misfire("compliance_gate",
						  "AFTER INSERT or AFTER UPDATE, FOR EACH STATEMENT, with the transition tables");
	if (en_restoring())
		return PointerGetDatum(NULL);

	is_update = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event);
	for (int k = 0; k < (int) lengthof(columns); k++)
		atts[k] = en_column_number(trigdata->tg_relation, columns[k]);

	CallsInit(&calls, (int) tuplestore_tuple_count(trigdata->tg_newtable));
	en_row_pairs_begin(&pairs, trigdata, true);
	while (en_row_pairs_next(&pairs))
	{
		Datum		values[lengthof(columns)];
		bool		nulls[lengthof(columns)];
		Datum		call[7];
		bool		call_nulls[7] = {false};
		char	   *status;
		bool		screen,
					attest;

		for (int k = 0; k < (int) lengthof(columns) - 1; k++)
			values[k] = slot_getattr(pairs.new, atts[k], &nulls[k]);
		values[5] = en_slot_text(pairs.new, atts[5], &nulls[5]);
		if (nulls[5] || nulls[4] || nulls[2])
			continue;			/* left to the NOT NULL constraints */
		status = TextDatumGetCString(values[5]);
		screen = IsLive(status);
		attest = strcmp(status, "confirmed") == 0 || strcmp(status, "completed") == 0;
		if (is_update)
		{
			bool		old_null;
			Datum		old_status = en_slot_text(pairs.old, atts[5], &old_null);
			bool		moved = old_null || !en_texts_equal(old_status, values[5]);
			bool		changed = false;

			for (int k = 2; k <= 4; k++)
			{
				bool		isnull;
				Datum		old = slot_getattr(pairs.old, atts[k], &isnull);

				changed |= isnull || nulls[k] ||
					!DatumGetBool(DirectFunctionCall2(k == 4 ? date_eq : uuid_eq, old, values[k]));
			}
			screen = screen && (changed || (moved && strcmp(status, "pending") != 0));
			attest = attest && moved;
		}
		if (!screen && !attest)
			continue;

		call[0] = values[0];
		call_nulls[0] = nulls[0];
		call[1] = values[1];
		call_nulls[1] = nulls[1];
		call[2] = values[2];
		call[3] = values[3];
		call_nulls[3] = nulls[3];
		call[4] = values[4];
		call[5] = BoolGetDatum(screen);
		call[6] = BoolGetDatum(attest);
		CallsAdd(&calls, call, call_nulls, status);
	}
	en_row_pairs_end(&pairs);
	if (calls.n == 0)
		return PointerGetDatum(NULL);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (calls.n == 1 && QuickPass(&calls))
	{
		SPI_finish();
		return PointerGetDatum(NULL);
	}
	refused = Screen(&calls, true, false);
	if (SPI_processed > 0)
		ReportRefusal(trigdata->tg_relation, &calls, refused->vals[0], refused->tupdesc);
	SPI_finish();
	return PointerGetDatum(NULL);
}

static Datum
FieldDatum(HeapTuple row, TupleDesc desc, int k, bool *isnull)
{
	return SPI_getbinval(row, desc, k, isnull);
}

/*
 * compliance_check(expert_id uuid, call_date date, log boolean): the screen
 * of a call with the expert on call_date, in the expert's campaign: a row
 * per rule (restricted_list, cooling_off, attestation) with the decision,
 * why, and when a refusal clears.  With log, the decisions on the list and
 * the cooling-off period are appended to compliance_log (with no
 * interview).
 */
Datum
expert_network_compliance_check(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Oid			argtypes[1] = {UUIDOID};
	Datum		call[7];
	bool		call_nulls[7] = {true, false, false, false, false, false, false};
	Calls		calls;
	SPITupleTable *rows;

	for (int k = 0; k < 3; k++)
		if (PG_ARGISNULL(k))
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("%s must not be NULL", k == 0 ? "expert_id" : k == 1 ? "call_date" : "log")));
	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	call[2] = PG_GETARG_DATUM(0);
	if (SPI_execute_with_args("SELECT x.user_id, x.campaign_id FROM expert_network.experts AS x"
							  " WHERE x.id OPERATOR(pg_catalog.=) $1",
							  1, argtypes, &call[2], NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "reading expert %s failed", en_uuid_text(call[2]));
	if (SPI_processed == 0)
		ereport(ERROR,
				(errcode(ERRCODE_NO_DATA_FOUND),
				 errmsg("expert %s not found", en_uuid_text(call[2]))));
	call[0] = (Datum) 0;
	call[1] = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &call_nulls[1]);
	call[3] = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &call_nulls[3]);
	call[4] = PG_GETARG_DATUM(1);
	call[5] = BoolGetDatum(true);
	call[6] = BoolGetDatum(true);
	CallsInit(&calls, 1);
	CallsAdd(&calls, call, call_nulls, "scheduled");

	rows = Screen(&calls, PG_GETARG_BOOL(2), true);
	for (uint64 r = 0; r < SPI_processed; r++)
	{
		HeapTuple	row = rows->vals[r];
		Datum		values[8];
		bool		nulls[8] = {false};
		char	   *hint;
		char	   *reason = DescribeDecision(row, rows->tupdesc, call[4], false, &hint);
		char	   *decision = Field(row, rows->tupdesc, COL_DECISION);

		values[0] = FieldDatum(row, rows->tupdesc, COL_RULE, &nulls[0]);
		values[1] = CStringGetTextDatum(decision);
		values[2] = BoolGetDatum(strcmp(decision, "refused") != 0);
		values[3] = CStringGetTextDatum(hint ? psprintf("%s %s", reason, hint) : reason);
		values[4] = FieldDatum(row, rows->tupdesc, COL_COMPANY, &nulls[4]);
		values[5] = FieldDatum(row, rows->tupdesc, COL_ENTRY_ID, &nulls[5]);
		values[6] = FieldDatum(row, rows->tupdesc, COL_CLEARS_ON, &nulls[6]);
		values[7] = FieldDatum(row, rows->tupdesc, COL_EXCEPTION_ID, &nulls[7]);
		if (strcmp(decision, "passed") == 0)
			nulls[6] = true;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	SPI_finish();
	return (Datum) 0;
}

/*
 * compliance_conflicts(): every live interview the caller sees that the
 * gates would refuse now, a row per rule it breaks (exceptions count).
 */
Datum
expert_network_compliance_conflicts(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	SPITupleTable *rows;

	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute(ScreenText(conflicts_query, CurrentScreenSchema()), true, 0) != SPI_OK_SELECT)
		elog(ERROR, "the compliance screen of the live interviews failed");
	rows = SPI_tuptable;
	for (uint64 r = 0; r < SPI_processed; r++)
	{
		HeapTuple	row = rows->vals[r];
		Datum		values[8];
		bool		nulls[8] = {false};
		char	   *hint;

		values[0] = FieldDatum(row, rows->tupdesc, COL_INTERVIEW_ID, &nulls[0]);
		values[1] = FieldDatum(row, rows->tupdesc, COL_EXPERT_ID, &nulls[1]);
		values[2] = FieldDatum(row, rows->tupdesc, COL_CALL_DATE, &nulls[2]);
		values[3] = FieldDatum(row, rows->tupdesc, COL_RULE, &nulls[3]);
		values[4] = CStringGetTextDatum(DescribeDecision(row, rows->tupdesc, values[2], true, &hint));
		values[5] = FieldDatum(row, rows->tupdesc, COL_COMPANY, &nulls[5]);
		values[6] = FieldDatum(row, rows->tupdesc, COL_ENTRY_ID, &nulls[6]);
		values[7] = FieldDatum(row, rows->tupdesc, COL_CLEARS_ON, &nulls[7]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	SPI_finish();
	return (Datum) 0;
}
