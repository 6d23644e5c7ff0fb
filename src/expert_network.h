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

#include "executor/spi.h"
#include "utils/relcache.h"
#include "utils/tuplestore.h"

/* expert_network.c */
typedef struct EnExtension
{
	Oid			oid;
	Oid			schema;			/* pg_extension.extnamespace */
	Oid			owner;			/* the role that ran CREATE EXTENSION */
	int			version;		/* installed version: 0.7.0 is 700 */
} EnExtension;

/* the first version whose scripts give the trust model of the README */
#define EN_VERSION_CALLER_RIGHTS 700

extern const EnExtension *en_extension(bool missing_ok);
extern Oid	en_extension_schema(void);
extern Oid	en_extension_owner(Oid *schema);

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
extern AttrNumber en_attnum(Relation rel, const char *column);
extern int	en_column_number(Relation rel, const char *column);
extern bool en_in_extension_schema(Relation rel);
extern char *en_shorten(const char *value);
extern void en_report_misfire(const char *function, const char *how) pg_attribute_noreturn();
extern SPIPlanPtr en_transition_plan(TransitionPlan *cache, Relation rel,
									 const char *query, int nargs, Oid *argtypes);
extern bool en_text_is(Datum value, const char *name);
extern bool en_texts_equal(Datum a, Datum b);
extern char *en_uuid_text(Datum id);
extern void en_transition_rewind(Tuplestorestate *rows);
extern void en_transition_done(Tuplestorestate *rows);
extern Datum en_transition_uuids(Relation rel, Tuplestorestate *rows, const char *column);

/* A statement's rows with their old versions, from its transition tables */
typedef struct RowPairs
{
	Relation	rel;
	Tuplestorestate *newts;
	Tuplestorestate *oldts;		/* NULL for an INSERT */
	TupleTableSlot *new;		/* the current row */
	TupleTableSlot *old;		/* its old version, for an UPDATE */
	int			id_att;
} RowPairs;

extern void en_row_pairs_begin(RowPairs *pairs, TriggerData *trigdata, bool is_update);
extern bool en_row_pairs_next(RowPairs *pairs);
extern void en_row_pairs_end(RowPairs *pairs);

/* scoping.c */
extern void en_scoping_init(void);
extern const char *en_current_user_id(void);
extern bool en_may_write_without_identity(void);
extern bool en_restoring(void);
extern int	en_set_identity_locally(const char *user_id);
extern bool en_legacy_schema(void);
extern Oid	en_table_owner(const char *table);
extern void en_become_table_owner(const char *table, Oid *save_userid,
								  int *save_sec_context);

extern void en_report_unavailable(const char *table, Datum id);

/* workflow_graph.c */
extern const char *en_workflow_entity(Relation rel);
extern void en_check_transition(const char *entity, const char *from, const char *to);

/* questions.c */
extern void en_questions_init(void);

/* counters.c */
extern bool en_writing_derived(void);

/* history.c */
extern bool en_writing_history(void);

/* lifecycle.c */
extern bool en_writing_lifecycle(void);

/* access.c */
extern bool en_erasing(void);

#endif							/* EXPERT_NETWORK_H */
