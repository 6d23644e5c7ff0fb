/*
 * expert_network.h
 *	  Declarations shared by the parts of the expert_network module.
 *
 * Each part (one file per concern) has an init function that _PG_init calls.
 */
#ifndef EXPERT_NETWORK_H
#define EXPERT_NETWORK_H

#include "postgres.h"

#if PG_VERSION_NUM < 150000
#error "expert_network requires PostgreSQL 15 or later"
#endif

/* Prefix of every setting the module defines */
#define EN_GUC_PREFIX "expert_network"

#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/date.h"
#include "utils/relcache.h"
#include "utils/timestamp.h"
#include "utils/tuplestore.h"
#include "utils/uuid.h"

/* expert_network.c */
typedef struct EnExtension
{
	Oid			schema;			/* pg_extension.extnamespace */
	Oid			owner;			/* the role that ran CREATE EXTENSION */
	int			version;		/* installed version: 0.7.0 is 700 */
} EnExtension;

/* the first version whose scripts give the trust model of the README */
#define EN_VERSION_CALLER_RIGHTS 700

extern const EnExtension *en_extension(bool missing_ok);
extern Oid	en_extension_schema(void);

/* plans.c */
typedef struct TransitionPlan
{
	SPIPlanPtr	plan;
	Oid			relid;			/* the table it was prepared for */
	TupleDesc	desc;			/* and its columns then */
} TransitionPlan;

extern SPIPlanPtr en_kept_plan(SPIPlanPtr *cache, const char *query, int nargs,
							   Oid *argtypes);
extern SPIPlanPtr en_kept_generic_plan(SPIPlanPtr *cache, const char *query,
									   int nargs, Oid *argtypes);
extern SPIPlanPtr en_kept_keyed_plan(SPIPlanPtr *cache, const char *query,
									int nargs, Oid *argtypes);
extern SPIPlanPtr en_kept_custom_plan(SPIPlanPtr *cache, const char *query,
									  int nargs, Oid *argtypes);
extern int	en_execute_plan(SPIPlanPtr plan, Datum *values, const char *nulls,
							bool read_only, long count);
extern Datum en_slot_text(TupleTableSlot *slot, AttrNumber attnum, bool *isnull);
extern AttrNumber en_attnum(Relation rel, const char *column);
extern int	en_column_number(Relation rel, const char *column);
extern void en_report_column_type(Relation rel, const char *relname, Form_pg_attribute attr,
								  Oid expected) pg_attribute_noreturn();
extern bool en_in_extension_schema(Relation rel);
extern char *en_shorten(const char *value);
extern void en_report_misfire(const char *function, const char *how) pg_attribute_noreturn();
extern SPIPlanPtr en_transition_plan(TransitionPlan *cache, Relation rel,
									 const char *query, int nargs, Oid *argtypes);
extern bool en_text_is(Datum value, const char *name);
extern bool en_texts_equal(Datum a, Datum b);
extern char *en_uuid_text(Datum id);
extern int	en_uuid_cmp(const void *a, const void *b);
extern bool en_uuid_column(TriggerData *trigdata, int attnum, Datum *value, bool *isnull);
extern void en_accum(ArrayBuildState **state, Datum value, bool isnull, Oid type);

/* The rows a trigger fired for, with their old versions */
typedef struct RowPairs
{
	Relation	rel;
	bool		per_row;		/* a row trigger's one row */
	Tuplestorestate *newts;		/* transition tables read, or NULL */
	Tuplestorestate *oldts;
	TupleTableSlot *new;		/* the current row; NULL for a DELETE */
	TupleTableSlot *old;		/* its old version; NULL for an INSERT */
	int			id_att;			/* ids compared, or 0 */
	int64		read;			/* pairs read so far */
} RowPairs;

extern void en_row_pairs_begin(RowPairs *pairs, TriggerData *trigdata, bool check_ids);
extern bool en_row_pairs_next(RowPairs *pairs);
extern void en_row_pairs_end(RowPairs *pairs);

/* scoping.c */
extern void en_scoping_init(void);
extern const char *en_current_user_id(void);
extern bool en_restoring(void);
extern int	en_set_identity_locally(const char *user_id);
extern bool en_legacy_schema(void);
extern Oid	en_table_owner(const char *table);
extern void en_legacy_owner(const char *table, Oid *save_userid, int *save_sec_context);

/* workflow_graph.c */
extern const char *en_workflow_entity(Relation rel);
extern void en_check_transition(const char *entity, const char *from, const char *to);

/* question_tree.c: a screener in memory */

/*
 * The highest expert_network.max_question_depth.  Walks refuse data deeper
 * than this (written with the triggers disabled) and size their stacks by it.
 */
#define EN_QUESTION_DEPTH_LIMIT 1000

/* the columns of every query a screener is loaded with */
enum
{
	QCOL_ID,
	QCOL_PARENT,
	QCOL_TEXT,
	QCOL_TYPE,
	QCOL_OPTIONS,
	QCOL_ORDER,
	QCOL_CREATED,
	QCOL_CAMPAIGN,
	QCOL_COUNT
};

#define EN_QUESTION_COLUMNS \
	"q.id, q.parent_question_id, q.question_text, q.question_type, q.options," \
	" q.display_order, q.created_at, q.campaign_id"

typedef struct Question
{
	pg_uuid_t	id;
	pg_uuid_t	parent_id;
	pg_uuid_t	campaign_id;
	bool		has_parent;
	bool		type_null;
	bool		options_null;
	int32		display_order;
	TimestampTz created_at;
	Datum		question_text;
	Datum		question_type;
	Datum		options;
} Question;

/* parent[] of a question at the top, of one whose parent was not read, of a row read twice */
#define PARENT_NONE		(-1)
#define PARENT_MISSING	(-2)
#define PARENT_DUPLICATE (-3)

/* state[] bits */
#define Q_VISITED		0x01	/* met by a walk */
#define Q_ON_CHAIN		0x02	/* met going up a chain of parents */

/* The questions, by index in the order read, and how they link */
typedef struct Screener
{
	int32		n;
	Question   *q;
	struct question_index_hash *index;	/* id -> index */
	int32	   *parent;			/* index of the parent, or a PARENT_ code */
	uint8	   *state;			/* Q_ bits */
	int32	   *first_child;	/* children: kids[first_child .. + nchildren) */
	int32	   *nchildren;
	int32	   *rank;			/* 1-based place among its siblings */
	int32	   *kids;			/* children grouped by parent; the top level last */
	int32		first_root;		/* top-level questions: kids[first_root .. + nroots) */
	int32		nroots;
} Screener;

extern void en_load_questions(Screener *s, SPIPlanPtr plan, Datum *args, MemoryContext cxt);
extern void en_load_campaign(Screener *s, Datum campaign, MemoryContext cxt);
extern int32 en_find_question(Screener *s, const pg_uuid_t *id);
extern int32 en_chain_of(Screener *s, int32 at, int32 *chain);
extern void en_walk_preorder(Screener *s, int32 top, int32 top_depth,
							 int32 *order, int32 *depths, int32 *count);
extern void en_walk_all(Screener *s, int32 *order, int32 *depths);
extern void en_report_not_a_tree(Screener *s, int32 at, const char *why);
extern void en_report_unknown_question(Datum id);

/* question_integrity.c */
extern void en_questions_init(void);
extern void en_lock_screener(Datum campaign);

/* counters.c */
extern bool en_writing_derived(void);

/* history.c */
extern void en_guard_record(FunctionCallInfo fcinfo, const char *function, bool own_insert,
							const char *table, const char *detail, const char *hint);

/* lifecycle.c */
extern bool en_writing_lifecycle(void);

/*
 * The live interview statuses, of interviews still to come: they keep their
 * expert scheduled (lifecycle.c) and are the campaign's scheduled calls
 * (counters.c).  Written once, expanded as C strings and as an SQL array
 * literal of no declared type, '{pending,scheduled,confirmed}', which
 * "status = ANY (...)" reads as an array of the status column's type, text
 * or (0.15.0) interview_status.
 */
#define EN_LIVE_INTERVIEW_STATUSES(EACH, SEP) EACH("pending") SEP EACH("scheduled") SEP EACH("confirmed")
#define EN_AS_IS(s) s
#define EN_LIVE_INTERVIEWS \
	"'{" EN_LIVE_INTERVIEW_STATUSES(EN_AS_IS, ",") "}'"
extern bool en_interview_is_live(Datum status);

/* access.c */
extern bool en_erasing(void);

/* companies.c */
extern char *en_company_key(const char *name, int len);

/* compliance.c */
extern bool en_writing_compliance_log(void);

/* compliance_probe.c: a single call of the compliance gate */
typedef struct ComplianceCall
{
	Datum		interview_id;	/* uuid, if has_interview */
	Datum		user_id;		/* text, if has_user */
	Datum		expert_id;		/* uuid */
	Datum		campaign_id;	/* uuid, if has_campaign */
	DateADT		call_date;
	bool		has_interview;
	bool		has_user;
	bool		has_campaign;
	bool		screen;			/* on the list and the cooling-off */
	bool		attest;			/* checked for an attestation */
} ComplianceCall;

extern bool en_compliance_probe(const ComplianceCall *call, Oid keys_operator,
								bool *attestation_required, const char **referred);

#endif							/* EXPERT_NETWORK_H */
