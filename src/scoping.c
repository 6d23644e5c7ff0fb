/*
 * scoping.c
 *	  Per-user scoping: the identity setting expert_network.user_id, the
 *	  function policies read it through, and the triggers that keep every
 *	  row's owner key right.
 *
 * Every table holding a user's data has a user_id column and one row-level
 * security policy comparing it with current_user_id().  Since 0.7.0 every
 * reference to a user's row is a composite foreign key, (parent_id, user_id)
 * to the parent's (id, user_id): PostgreSQL's own foreign-key checks, with
 * their fresh snapshot and row locks, make a reference to another user's row
 * impossible, and refuse it exactly as a reference to no row at all (23503),
 * so that no error tells a user that someone else's id exists.  The
 * owner-key trigger only settles user_id: the identity's, never changed.
 *
 * Who may act as an application user at all is a privilege: EXECUTE on
 * set_user_id(text).  Setting expert_network.user_id any other way (SET,
 * set_config, a role's default) is checked against the same privilege.
 *
 * A role that bypasses row-level security (a superuser, a BYPASSRLS role)
 * may write without an identity: rows keep the owner they carry, or take
 * their parent's, and every other rule holds.  Restoring a dump is the one
 * write that skips the rules deriving one row from another: no identity and
 * row_security off, which is what pg_dump's output sets, and which
 * PostgreSQL allows on these tables only to roles bypassing row-level
 * security (for any other role a query on them fails).
 */
#include "expert_network.h"

#include "access/htup_details.h"
#include "access/parallel.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_proc.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/rls.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

PG_FUNCTION_INFO_V1(expert_network_current_user_id);
PG_FUNCTION_INFO_V1(expert_network_require_identity);
PG_FUNCTION_INFO_V1(expert_network_enforce_owner);
PG_FUNCTION_INFO_V1(expert_network_set_user_id);

static char *en_user_id = NULL;

/* Tables a row can point at, whose owner the row must share */
typedef enum ParentKind
{
	PARENT_PROJECT,
	PARENT_CAMPAIGN,
	PARENT_TEAM_MEMBER,
	PARENT_QUESTION,
	PARENT_EXPERT,
	PARENT_INTERVIEW,
	PARENT_CHAT_SESSION,
	NUM_PARENT_KINDS
} ParentKind;

typedef struct ParentInfo
{
	const char *table;			/* in schema expert_network */
	const char *noun;			/* for messages */
	const char *query;			/* the parent's owner, by id */
} ParentInfo;

/* the query's text is fixed: no name is spliced in at run time */
#define PARENT(table, noun) \
	{table, noun, "SELECT user_id FROM expert_network." table " WHERE id OPERATOR(pg_catalog.=) $1"}

static const ParentInfo parents[NUM_PARENT_KINDS] = {
	[PARENT_PROJECT] = PARENT("projects", "project"),
	[PARENT_CAMPAIGN] = PARENT("campaigns", "campaign"),
	[PARENT_TEAM_MEMBER] = PARENT("team_members", "team member"),
	[PARENT_QUESTION] = PARENT("screening_questions", "screening question"),
	[PARENT_EXPERT] = PARENT("experts", "expert"),
	[PARENT_INTERVIEW] = PARENT("interviews", "interview"),
	[PARENT_CHAT_SESSION] = PARENT("chat_sessions", "chat session"),
};

#define MAX_PARENTS 3

typedef struct ParentRef
{
	const char *column;			/* the referencing uuid column */
	ParentKind	kind;

	/*
	 * The composite foreign key of a column that is also in one of the
	 * table's unique keys.  PostgreSQL checks unique keys as it inserts the
	 * row, foreign keys after it: a reference to another user's row would
	 * meet that row's twin and answer 23505, telling that it exists.  Such
	 * references are checked here first, and refused as this foreign key
	 * would refuse them.
	 */
	const char *unique_fkey;
} ParentRef;

typedef struct OwnedTable
{
	const char *table;
	ParentRef	refs[MAX_PARENTS];	/* up to the first NULL column */
} OwnedTable;

/*
 * Every table the owner-key trigger may be attached to, with the references
 * whose targets must have the same owner.  The first reference is where a
 * restored row without user_id takes its owner from.
 */
static const OwnedTable owned_tables[] = {
	{.table = "projects"},
	{.table = "campaigns", .refs = {{"project_id", PARENT_PROJECT}}},
	{.table = "team_members"},
	{.table = "campaign_team_assignments", .refs = {
			{"campaign_id", PARENT_CAMPAIGN, "campaign_team_assignments_campaign_id_fkey"},
	{"team_member_id", PARENT_TEAM_MEMBER, "campaign_team_assignments_team_member_id_fkey"}}},
	{.table = "screening_questions", .refs = {{"campaign_id", PARENT_CAMPAIGN}, {"parent_question_id", PARENT_QUESTION}}},
	{.table = "campaign_vendor_enrollments", .refs = {
			{"campaign_id", PARENT_CAMPAIGN, "campaign_vendor_enrollments_campaign_id_fkey"}}},
	{.table = "experts", .refs = {{"campaign_id", PARENT_CAMPAIGN}}},
	{.table = "expert_screening_responses", .refs = {{"expert_id", PARENT_EXPERT}, {"screening_question_id", PARENT_QUESTION}}},
	{.table = "interviews", .refs = {{"campaign_id", PARENT_CAMPAIGN}, {"expert_id", PARENT_EXPERT}}},
	{.table = "interview_team_assignments", .refs = {
			{"interview_id", PARENT_INTERVIEW, "interview_team_assignments_interview_id_fkey"},
	{"team_member_id", PARENT_TEAM_MEMBER, "interview_team_assignments_team_member_id_fkey"}}},
	{.table = "completed_interviews", .refs = {
			{"interview_id", PARENT_INTERVIEW, "completed_interviews_interview_id_fkey"},
			{"campaign_id", PARENT_CAMPAIGN},
	{"expert_id", PARENT_EXPERT}}},
	{.table = "chat_sessions", .refs = {{"campaign_id", PARENT_CAMPAIGN}}},
	{.table = "chat_messages", .refs = {{"chat_session_id", PARENT_CHAT_SESSION}}},
	{.table = "research_activities", .refs = {{"chat_session_id", PARENT_CHAT_SESSION}}},
	{.table = "research_sources", .refs = {{"chat_session_id", PARENT_CHAT_SESSION}}},
	{.table = "answer_sections", .refs = {{"chat_session_id", PARENT_CHAT_SESSION}}},
	{.table = "user_ui_preferences"},
	{.table = "campaign_costs", .refs = {{"campaign_id", PARENT_CAMPAIGN}}},
	/* 0.10.0 */
	{.table = "restricted_companies"},
	{.table = "expert_employments", .refs = {{"expert_id", PARENT_EXPERT}}},
	{.table = "campaign_subject_companies", .refs = {{"campaign_id", PARENT_CAMPAIGN}}},
	{.table = "compliance_policies"},
	{.table = "interview_attestations", .refs = {{"interview_id", PARENT_INTERVIEW}}},
	{.table = "compliance_exceptions", .refs = {{"expert_id", PARENT_EXPERT}}},
	{.table = "compliance_log"},
	/* 0.13.0 */
	{.table = "call_caps"},
};

/* Plans of the parent look-ups, prepared on first use and kept */
static SPIPlanPtr parent_plans[NUM_PARENT_KINDS];

/* > 0 while the module itself sets the identity (delete_user_data) */
static int	module_sets_identity = 0;

/*
 * The function whose EXECUTE privilege is the right to act as an
 * application user, or InvalidOid if the installed version has none (before
 * 0.7.0: every role may set the identity, as then).
 */
static Oid
SetUserIdFunction(const EnExtension *ext)
{
	Oid			argtypes[1] = {TEXTOID};
	oidvector  *args = buildoidvector(argtypes, 1);

	return GetSysCacheOid3(PROCNAMEARGSNSP, Anum_pg_proc_oid,
						   CStringGetDatum("set_user_id"),
						   PointerGetDatum(args),
						   ObjectIdGetDatum(ext->schema));
}

/*
 * check_hook of expert_network.user_id: only a role with EXECUTE on
 * set_user_id(text) may set an identity (an empty value, no identity, is
 * always allowed).  Checked when the value is set, for the role setting it
 * or the session's login role: a login role with the right decides for the
 * roles it SET ROLE to, as PostgREST's authenticator does, whether it sets
 * the identity before or after (the module may only be loaded, and a value
 * set before that checked, once the role has changed).
 */
static bool
CheckUserId(char **newval, void **extra pg_attribute_unused(), GucSource source)
{
	const EnExtension *ext;
	Oid			func;

	if (*newval == NULL || (*newval)[0] == '\0' ||
		source == PGC_S_DEFAULT || source == PGC_S_TEST ||
		module_sets_identity > 0 || InitializingParallelWorker)
		return true;

	if (!IsTransactionState())
	{
		/* no catalog to ask: only the server's own configuration may */
		if (source < PGC_S_CLIENT)
			return true;
		GUC_check_errcode(ERRCODE_INSUFFICIENT_PRIVILEGE);
		GUC_check_errdetail("The identity can only be set inside a transaction, where the right to set it can be checked.");
		return false;
	}

	ext = en_extension(true);
	if (ext == NULL)
		return true;			/* nothing here to act on */
	func = SetUserIdFunction(ext);
	if (!OidIsValid(func))
		return true;			/* a version before the right existed */
	if (pg_proc_aclcheck(func, GetUserId(), ACL_EXECUTE) == ACLCHECK_OK ||
		pg_proc_aclcheck(func, GetSessionUserId(), ACL_EXECUTE) == ACLCHECK_OK)
		return true;

	GUC_check_errcode(ERRCODE_INSUFFICIENT_PRIVILEGE);
	GUC_check_errmsg("permission denied to set parameter \"expert_network.user_id\"");
	GUC_check_errdetail("Role \"%s\" may not act as an application user: that takes EXECUTE on expert_network.set_user_id(text).",
						GetUserNameFromId(GetUserId(), false));
	GUC_check_errhint("The extension's owner gives it with expert_network.grant_access(role, level, may_set_identity => true).");
	return false;
}

/*
 * Register the identity setting.
 */
void
en_scoping_init(void)
{
	DefineCustomStringVariable("expert_network.user_id",
							   "Id of the application user whose rows the session sees and writes.",
							   "Set it per transaction: SET LOCAL expert_network.user_id = '...', "
							   "or set_config('expert_network.user_id', $1, true), or "
							   "expert_network.set_user_id($1).  Only roles with EXECUTE on "
							   "expert_network.set_user_id(text) may set it.",
							   &en_user_id,
							   "",
							   PGC_USERSET,
							   0,
							   CheckUserId, NULL, NULL);
}

/*
 * Set the identity for the rest of the transaction, without the check of
 * CheckUserId (the module's own erasure acts for the user it erases); undo
 * with AtEOXact_GUC(true, the returned nest level).
 */
int
en_set_identity_locally(const char *user_id)
{
	int			nestlevel = NewGUCNestLevel();

	module_sets_identity++;
	PG_TRY();
	{
		(void) set_config_option("expert_network.user_id", user_id,
								 PGC_USERSET, PGC_S_SESSION, GUC_ACTION_SAVE,
								 true, 0, false);
	}
	PG_FINALLY();
	{
		module_sets_identity--;
	}
	PG_END_TRY();
	return nestlevel;
}

/*
 * set_user_id(user_id text): set the identity until the end of the
 * transaction (NULL or '' clears it) and return it.  Its EXECUTE privilege
 * is the right to set the identity at all.
 */
Datum
expert_network_set_user_id(PG_FUNCTION_ARGS)
{
	char	   *id = PG_ARGISNULL(0) ? "" : text_to_cstring(PG_GETARG_TEXT_PP(0));

	if (!IsTransactionBlock())
		ereport(ERROR,
				(errcode(ERRCODE_NO_ACTIVE_SQL_TRANSACTION),
				 errmsg("set_user_id() can only be used in transaction blocks"),
				 errdetail("The identity lasts until the end of the transaction; outside BEGIN ... COMMIT that is this statement."),
				 errhint("Call it right after BEGIN.")));
	(void) set_config_option("expert_network.user_id", id,
							 PGC_USERSET, PGC_S_SESSION, GUC_ACTION_LOCAL,
							 true, 0, false);
	if (id[0] == '\0')
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(id));
}

/*
 * The identity, or NULL when the setting is unset or empty.
 */
const char *
en_current_user_id(void)
{
	if (en_user_id == NULL || en_user_id[0] == '\0')
		return NULL;
	return en_user_id;
}

/*
 * May the current role write without an identity?  Only roles that bypass
 * row-level security anyway: superusers and BYPASSRLS roles, which is what
 * restoring a dump runs as.
 */
static bool
MayWriteWithoutIdentity(void)
{
	Oid			roleid = GetUserId();

	return superuser_arg(roleid) || has_bypassrls_privilege(roleid);
}

/*
 * Is this write a restore?  No identity, row_security off (as in pg_dump's
 * output, or SET by an administrator repairing data on purpose), by a role
 * that bypasses row-level security: rows are written as the data has them
 * (owners, statuses, stamps, history), with none of the rules that derive
 * one row from another.  With row_security on, an administrator's write
 * obeys every rule (0.8.0).  The extension's own scripts write as they
 * always did: as a restore.
 */
bool
en_restoring(void)
{
	return (!row_security || creating_extension) &&
		en_current_user_id() == NULL && MayWriteWithoutIdentity();
}

/*
 * Is the installed schema older than the module's trust model (0.7.0)?  A
 * database whose binaries were updated before ALTER EXTENSION ... UPDATE
 * ran: its references are single-column foreign keys, its app roles may not
 * write the status history.  The module then does what 0.6.0 did, as the
 * table's owner, until the update.
 */
bool
en_legacy_schema(void)
{
	return en_extension(false)->version < EN_VERSION_CALLER_RIGHTS;
}

/*
 * In a legacy schema (see en_legacy_schema), become the owner of
 * expert_network.<table>, with row-level security not forced, as
 * foreign-key checks do, in a security-restricted operation; otherwise stay
 * the caller.  Either way the caller restores the saved user with
 * SetUserIdAndSecContext (an error restores it anyway).
 */
void
en_legacy_owner(const char *table, Oid *save_userid, int *save_sec_context)
{
	GetUserIdAndSecContext(save_userid, save_sec_context);
	if (en_legacy_schema())
		SetUserIdAndSecContext(en_table_owner(table),
							   *save_sec_context | SECURITY_LOCAL_USERID_CHANGE |
							   SECURITY_RESTRICTED_OPERATION | SECURITY_NOFORCE_RLS);
}

static void
ReportMissingIdentity(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
			 errmsg("expert_network.user_id is not set"),
			 errdetail("Rows of expert_network belong to an application user; writes need to know which."),
			 errhint("Begin the transaction with SET LOCAL expert_network.user_id = '<user id>'.")));
}

/*
 * current_user_id(): the identity of the application user, or NULL.
 */
Datum
expert_network_current_user_id(PG_FUNCTION_ARGS)
{
	const char *id = en_current_user_id();

	if (id == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(id));
}

static void
CheckTriggerContext(FunctionCallInfo fcinfo, const char *funcname, bool for_row)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo) ||
		!TRIGGER_FIRED_BEFORE(trigdata->tg_event) ||
		for_row != (TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) != 0))
		en_report_misfire(funcname, for_row ? "BEFORE, FOR EACH ROW" : "BEFORE, FOR EACH STATEMENT");
}

/*
 * Statement trigger: a write needs an identity, unless the role bypasses
 * row-level security.  Without it an UPDATE or DELETE would silently touch
 * nothing; this says why.
 */
Datum
expert_network_require_identity(PG_FUNCTION_ARGS)
{
	CheckTriggerContext(fcinfo, "require_identity", false);

	if (en_current_user_id() == NULL && !MayWriteWithoutIdentity())
		ReportMissingIdentity();

	return PointerGetDatum(NULL);
}

static const OwnedTable *
LookupOwnedTable(Relation rel)
{
	const char *relname = RelationGetRelationName(rel);

	if (en_in_extension_schema(rel))
	{
		for (size_t i = 0; i < lengthof(owned_tables); i++)
			if (strcmp(owned_tables[i].table, relname) == 0)
				return &owned_tables[i];
	}
	ereport(ERROR,
			(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
			 errmsg("function enforce_owner cannot be used on table \"%s\"", relname),
			 errdetail("It only knows the tables of the expert_network schema.")));
	return NULL;				/* keep compiler quiet */
}

/* The owner of expert_network.<table> (found in the extension's schema) */
Oid
en_table_owner(const char *table)
{
	Oid			relid = get_relname_relid(table, en_extension_schema());
	HeapTuple	tuple = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	Oid			owner;

	if (!HeapTupleIsValid(tuple))
		elog(ERROR, "relation expert_network.%s does not exist", table);
	owner = ((Form_pg_class) GETSTRUCT(tuple))->relowner;
	ReleaseSysCache(tuple);
	return owner;
}

/*
 * The owner of a parent row, or NULL if there is no such row (the foreign
 * key then reports it).  Looked up as the caller: a role writing without an
 * identity bypasses row-level security and sees every row.  In a legacy
 * schema, also asked with an identity, as the parent table's owner (the
 * row may belong to someone else, and that is what is being checked).
 */
static char *
ParentOwner(ParentKind kind, Datum id, bool latest)
{
	Oid			save_userid;
	int			save_sec_context;
	char	   *result = NULL;
	int			rc;
	Oid			argtypes[1] = {UUIDOID};
	SPIPlanPtr	plan = en_kept_plan(&parent_plans[kind], parents[kind].query, 1, argtypes);

	en_legacy_owner(parents[kind].table, &save_userid, &save_sec_context);
	if (latest)
	{
		/*
		 * (Never in a legacy schema.)  Not read-only: the command counter
		 * advances first, so that a parent written earlier by the same
		 * statement (a writable CTE) counts, as it will for the foreign key
		 * at the statement's end.
		 */
		rc = SPI_execute_snapshot(plan, &id, NULL, GetLatestSnapshot(), InvalidSnapshot,
								  false, false, 1);
	}
	else
		rc = SPI_execute_plan(plan, &id, NULL, true, 1);
	SetUserIdAndSecContext(save_userid, save_sec_context);

	if (rc != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute_plan returned %s", SPI_result_code_string(rc));
	if (SPI_processed == 1)
	{
		bool		isnull;
		Datum		d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);

		if (!isnull)
			result = TextDatumGetCString(d);
	}
	return result;
}

/*
 * Row trigger, BEFORE INSERT OR UPDATE, first of a table's BEFORE triggers:
 * settles the row's owner and refuses references to another user's rows.
 *
 * With an identity, the owner is the identity: an explicit user_id naming
 * someone else is refused.  With no identity (a role that bypasses
 * row-level security, restoring a dump say), the owner is what the row
 * says, or its first parent's owner when it says nothing.  An UPDATE never
 * changes a row's owner.  That the parents have the same owner is the
 * composite foreign keys' to check (in a legacy schema, this trigger's).
 */
Datum
expert_network_enforce_owner(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	Relation	rel;
	TupleDesc	tupdesc;
	const OwnedTable *owned;
	HeapTuple	newtuple;
	const char *identity;
	char	   *owner = NULL;
	int			owner_attnum;
	bool		isnull;
	bool		row_has_owner;
	Datum		value;
	bool		legacy = en_legacy_schema();
	bool		derive;
	bool		unique_keys;
	MemoryContext caller = CurrentMemoryContext;
	const ParentRef *missing = NULL;
	Datum		missing_id = (Datum) 0;
	bool		connected = false;

	CheckTriggerContext(fcinfo, "enforce_owner", true);
	if (!TRIGGER_FIRED_BY_INSERT(trigdata->tg_event) &&
		!TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event))
		en_report_misfire("enforce_owner", "on INSERT or UPDATE");

	rel = trigdata->tg_relation;
	tupdesc = RelationGetDescr(rel);
	owned = LookupOwnedTable(rel);
	newtuple = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ?
		trigdata->tg_newtuple : trigdata->tg_trigtuple;
	owner_attnum = en_column_number(rel, "user_id");

	identity = en_current_user_id();
	if (identity == NULL && !MayWriteWithoutIdentity())
		ReportMissingIdentity();

	value = SPI_getbinval(newtuple, tupdesc, owner_attnum, &isnull);
	if (!isnull)
		owner = TextDatumGetCString(value);
	row_has_owner = !isnull;

	if (TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event))
	{
		char	   *old_owner;

		value = SPI_getbinval(trigdata->tg_trigtuple, tupdesc, owner_attnum, &isnull);
		old_owner = isnull ? NULL : TextDatumGetCString(value);
		if (old_owner != NULL && (owner == NULL || strcmp(owner, old_owner) != 0))
			ereport(ERROR,
					(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					 errmsg("the owner of a row of \"%s\" cannot change",
							RelationGetRelationName(rel)),
					 errdetail("The row belongs to user \"%s\".", old_owner)));
	}
	else if (identity != NULL)
	{
		if (owner != NULL && strcmp(owner, identity) != 0)
			ereport(ERROR,
					(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					 errmsg("new row of \"%s\" names user_id \"%s\", not the current user",
							RelationGetRelationName(rel), owner),
					 errdetail("expert_network.user_id is \"%s\".", identity),
					 errhint("Leave user_id out: it defaults to the current user.")));
		owner = pstrdup(identity);
	}

	/*
	 * The parents.  A row without an owner (restoring) takes its first
	 * parent's; in a legacy schema every parent must have the row's owner.
	 * Otherwise the composite foreign keys check the parents, except those
	 * of references that are also in a unique key (ParentRef's unique_fkey):
	 * each new one must lead to a row of the owner, seen with the latest
	 * snapshot and this statement's earlier writes, as the foreign key will
	 * see it at the statement's end, or the row is refused exactly as that
	 * foreign key refuses it (ri_ReportViolation's words for a table under
	 * row-level security), before the unique key can answer.  (The
	 * lifecycle's completed-interview records are made from the statement's
	 * own interviews, whose owner they take: nothing to hide.)
	 */
	derive = owner == NULL || legacy;
	unique_keys = !derive && identity != NULL && !en_writing_lifecycle();
	for (int i = 0; i < MAX_PARENTS && owned->refs[i].column != NULL && (derive || unique_keys); i++)
	{
		const ParentRef *ref = &owned->refs[i];
		char	   *parent_owner;
		Datum		id;
		bool		id_null;

		/* new references only: an unchanged one was checked when set */
		if ((!derive && ref->unique_fkey == NULL) ||
			!en_uuid_column(trigdata, en_column_number(rel, ref->column), &id, &id_null) || id_null)
			continue;
		if (!connected)
		{
			if (SPI_connect() != SPI_OK_CONNECT)
				elog(ERROR, "SPI_connect failed");
			connected = true;
		}
		parent_owner = ParentOwner(ref->kind, id, !derive);
		if (!derive)
		{
			if (parent_owner == NULL || strcmp(parent_owner, owner) != 0)
				ereport(ERROR,
						(errcode(ERRCODE_FOREIGN_KEY_VIOLATION),
						 errmsg("insert or update on table \"%s\" violates foreign key constraint \"%s\"",
								RelationGetRelationName(rel), ref->unique_fkey),
						 errdetail("Key is not present in table \"%s\".", parents[ref->kind].table),
						 errtableconstraint(rel, ref->unique_fkey)));
			continue;
		}
		if (parent_owner == NULL)
		{
			/* the foreign key will report it, if the row gets that far */
			if (missing == NULL)
				missing = ref, missing_id = id;
			continue;
		}
		if (owner == NULL)
		{
			/* restoring a row that carries no owner: its parent's */
			owner = MemoryContextStrdup(caller, parent_owner);
			if (!legacy)
				break;			/* the foreign keys check the others */
			continue;
		}
		if (strcmp(parent_owner, owner) != 0)
			ereport(ERROR,
					(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					 errmsg("%s %s belongs to another user",
							parents[ref->kind].noun, en_uuid_text(id)),
					 errdetail("A row of \"%s\" may only reference rows of its own user.",
							   RelationGetRelationName(rel))));
	}
	/* no owner to be had (restoring without one): say why */
	if (owner == NULL && missing != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_FOREIGN_KEY_VIOLATION),
				 errmsg("%s %s does not exist", parents[missing->kind].noun,
						en_uuid_text(missing_id)),
				 errdetail("A row of \"%s\" takes its owner from its %s.",
						   RelationGetRelationName(rel), parents[missing->kind].noun)));
	if (connected)
		SPI_finish();

	/*
	 * An owner the row already carries has passed every check above (it is
	 * the identity's, the old one, or the parents'): leave the row as it is.
	 */
	if (owner == NULL || row_has_owner)
		return PointerGetDatum(newtuple);	/* NULL: NOT NULL reports it */

	value = CStringGetTextDatum(owner);
	isnull = false;
	return PointerGetDatum(heap_modify_tuple_by_cols(newtuple, tupdesc, 1, &owner_attnum,
													 &value, &isnull));
}
