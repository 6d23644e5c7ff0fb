/*
 * compliance_probe.c
 *	  The quick pass of the compliance gate: whether anything of the user's
 *	  could refuse a single call, read through the tables' indexes.
 *
 * A booking is screened by a full query (compliance.c) that explains every
 * decision.  Nearly every booking passes, and from 0.11.0 to 0.16.0 the
 * common case went through a shorter query first, which could only pass
 * the call; starting the executor for it cost as much as running it.  This
 * file (0.16.1, a release of the module alone: no SQL object changed)
 * answers the same question by reading the indexes directly:
 *
 *	the user's policy			compliance_policies_pkey (user_id): the longest
 *								cooling-off period (6 months without a policy)
 *								and whether attestations are required;
 *	the attestation				idx_interview_attestations_interview, for a
 *								call being confirmed or completed;
 *	the expert's employments	idx_expert_employments_expert: those begun by
 *								the call date and ended less than the longest
 *								cooling-off period before it; experts_pkey for
 *								the company of an expert without employment rows;
 *	the restricted list			idx_restricted_companies_keys, the GIN index, once
 *								for the keys of all those employments: an entry
 *								applying on the call date that shares a key;
 *	the subject companies		idx_campaign_subject_companies_campaign: one
 *								sharing a key with an employment that ended
 *								before the call date.
 *
 * The probe may only answer "nothing could refuse the call"; anything else
 * refers the call to the full screen, which decides and explains.  So it is
 * safe as long as it sees at least what the full screen sees, and it does:
 * it reads every row of the call's user (user_id matched, as the screens
 * match it) whatever row-level security would hide, and an entry it finds
 * counts whatever the exceptions say.  It refers the call to the full screen
 * where it cannot tell cheaply or may not look: a table the role may not
 * read (the full screen then reports the missing privilege), a table or
 * index not of the shape it expects (an older schema), a bitmap that went
 * lossy.  It reads with the snapshot a query of the trigger would take.
 */
#include "expert_network.h"

#include "access/genam.h"
#include "access/relscan.h"
#include "access/stratnum.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/pg_am.h"
#include "catalog/pg_collation_d.h"
#include "catalog/pg_index.h"
#include "catalog/pg_operator_d.h"
#include "catalog/pg_type.h"
#include "executor/tuptable.h"
#include "miscadmin.h"
#include "nodes/tidbitmap.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

/* the tables the probe reads, each by one index, on its first column */
typedef enum ProbeTableId
{
	PROBE_POLICIES,
	PROBE_ATTESTATIONS,
	PROBE_EMPLOYMENTS,
	PROBE_EXPERTS,
	PROBE_RESTRICTED,
	PROBE_SUBJECTS,
	PROBE_TABLES
} ProbeTableId;

static const struct
{
	const char *table;
	const char *index;
	const char *key;			/* the index's first column */
	Oid			key_type;
	Oid			am;
} probe_tables[PROBE_TABLES] = {
	[PROBE_POLICIES] = {"compliance_policies", "compliance_policies_pkey", "user_id", TEXTOID, BTREE_AM_OID},
	[PROBE_ATTESTATIONS] = {"interview_attestations", "idx_interview_attestations_interview", "interview_id", UUIDOID, BTREE_AM_OID},
	[PROBE_EMPLOYMENTS] = {"expert_employments", "idx_expert_employments_expert", "expert_id", UUIDOID, BTREE_AM_OID},
	[PROBE_EXPERTS] = {"experts", "experts_pkey", "id", UUIDOID, BTREE_AM_OID},
	[PROBE_RESTRICTED] = {"restricted_companies", "idx_restricted_companies_keys", "match_keys", TEXTARRAYOID, GIN_AM_OID},
	[PROBE_SUBJECTS] = {"campaign_subject_companies", "idx_campaign_subject_companies_campaign", "campaign_id", UUIDOID, BTREE_AM_OID},
};

typedef struct ProbeTable
{
	Relation	heap;
	Relation	index;
	TupleTableSlot *slot;
	AttrNumber	user_id;		/* every table's owner column */
} ProbeTable;

typedef struct Probe
{
	const ComplianceCall *call;
	Oid			schema;
	Oid			keys_operator;
	Snapshot	snapshot;
	ProbeTable	tables[PROBE_TABLES];
	FmgrInfo	overlap;		/* arrayoverlap, for text[] */
	const char *referred;		/* why the full screen decides, or NULL */
} Probe;

/* The call goes to the full screen, for this reason; false */
static bool
Refer(Probe *probe, const char *why)
{
	if (probe->referred == NULL)
		probe->referred = why;
	return false;
}

/*
 * A column of the table, of the given type, or InvalidAttrNumber
 */
static AttrNumber
Column(Relation rel, const char *name, Oid type)
{
	TupleDesc	desc = RelationGetDescr(rel);

	for (int k = 0; k < desc->natts; k++)
	{
		Form_pg_attribute attr = TupleDescAttr(desc, k);

		if (!attr->attisdropped && strcmp(NameStr(attr->attname), name) == 0)
			return attr->atttypid == type ? attr->attnum : InvalidAttrNumber;
	}
	return InvalidAttrNumber;
}

/*
 * Open a table the probe reads, and its index, if the role may read the
 * table and both are of the expected shape; NULL otherwise (the probe's
 * reason says why).  Locked as a query would lock them, until the end of the
 * transaction.
 */
static ProbeTable *
OpenTable(Probe *probe, ProbeTableId id)
{
	ProbeTable *t = &probe->tables[id];
	Oid			relid;
	Oid			indexid;
	Form_pg_index index;

	if (t->slot != NULL)
		return t;
	relid = get_relname_relid(probe_tables[id].table, probe->schema);
	indexid = get_relname_relid(probe_tables[id].index, probe->schema);
	if (get_rel_relkind(relid) != RELKIND_RELATION || get_rel_relkind(indexid) != RELKIND_INDEX)
	{
		Refer(probe, "a table or an index of the gates is missing");
		return NULL;
	}
	if (pg_class_aclcheck(relid, GetUserId(), ACL_SELECT) != ACLCHECK_OK)
	{
		Refer(probe, "the role may not read every table of the gates");
		return NULL;
	}

	t->heap = table_open(relid, AccessShareLock);
	t->index = index_open(indexid, AccessShareLock);
	index = t->index->rd_index;
	t->user_id = Column(t->heap, "user_id", TEXTOID);
	if (t->index->rd_rel->relam != probe_tables[id].am ||
		index->indrelid != relid || !index->indisvalid ||
		index->indkey.values[0] != Column(t->heap, probe_tables[id].key, probe_tables[id].key_type) ||
		index->indkey.values[0] == InvalidAttrNumber ||
		!heap_attisnull(t->index->rd_indextuple, Anum_pg_index_indpred, NULL) ||
		t->user_id == InvalidAttrNumber)
	{
		Refer(probe, "a table or an index of the gates is not as this module expects");
		return NULL;
	}
	t->slot = table_slot_create(t->heap, NULL);
	return t;
}

/* Close what OpenTable opened; the locks stay until the end of the transaction */
static void
CloseTables(Probe *probe)
{
	for (int id = 0; id < PROBE_TABLES; id++)
	{
		ProbeTable *t = &probe->tables[id];

		if (t->slot != NULL)
			ExecDropSingleTupleTableSlot(t->slot);
		if (t->index != NULL)
			index_close(t->index, NoLock);
		if (t->heap != NULL)
			table_close(t->heap, NoLock);
	}
}

/* The columns of the table, of the given types; refers the call if one is missing */
static bool
Columns(Probe *probe, ProbeTable *t, int n, const char *const *names, const Oid *types, AttrNumber *atts)
{
	for (int k = 0; k < n; k++)
		if ((atts[k] = Column(t->heap, names[k], types[k])) == InvalidAttrNumber)
			return Refer(probe, "a table of the gates is not as this module expects");
	return true;
}

/* The rows of the table whose index key equals value (eq: the type's =) */
static IndexScanDesc
BeginEqualScan(Probe *probe, ProbeTable *t, ScanKey key, RegProcedure eq, Datum value)
{
	IndexScanDesc scan;

	ScanKeyEntryInitialize(key, 0, 1, BTEqualStrategyNumber, InvalidOid,
						   t->index->rd_indcollation[0], eq, value);
	scan = index_beginscan(t->heap, t->index, probe->snapshot, 1, 0);
	index_rescan(scan, key, 1, NULL, 0);
	return scan;
}

/* Is the row in the table's slot the call's user's? */
static bool
IsUsers(Probe *probe, ProbeTable *t)
{
	bool		isnull;
	Datum		owner = slot_getattr(t->slot, t->user_id, &isnull);

	return !isnull && en_texts_equal(owner, probe->call->user_id);
}

/* The scan's next row of the call's user, into the table's slot */
static bool
NextUsersRow(Probe *probe, ProbeTable *t, IndexScanDesc scan)
{
	while (index_getnext_slot(scan, ForwardScanDirection, t->slot))
		if (IsUsers(probe, t))
			return true;
	return false;
}

/* A date column of the slot's row into *value; false when it is NULL */
static bool
DateColumn(TupleTableSlot *slot, AttrNumber att, DateADT *value)
{
	bool		isnull;

	*value = DatumGetDateADT(slot_getattr(slot, att, &isnull));
	return !isnull;
}

/*
 * The policy: the longest cooling-off period in months (6 without a
 * policy) and whether attestations are required
 */
static bool
ReadPolicy(Probe *probe, int32 *longest, bool *attestation_required)
{
	static const char *const names[] = {"cooling_off_public_months", "cooling_off_private_months", "attestation_required"};
	static const Oid types[] = {INT4OID, INT4OID, BOOLOID};
	AttrNumber	atts[3];
	ProbeTable *t = OpenTable(probe, PROBE_POLICIES);
	ScanKeyData key;
	IndexScanDesc scan;
	bool		found = false;

	*longest = 6;
	*attestation_required = false;
	if (t == NULL || !Columns(probe, t, 3, names, types, atts))
		return false;
	scan = BeginEqualScan(probe, t, &key, F_TEXTEQ, probe->call->user_id);
	while (NextUsersRow(probe, t, scan))
	{
		bool		isnull;

		for (int k = 0; k < 2; k++)
		{
			int32		months = DatumGetInt32(slot_getattr(t->slot, atts[k], &isnull));

			if (!isnull && (!found || months > *longest))
			{
				*longest = months;
				found = true;
			}
		}
		*attestation_required |= DatumGetBool(slot_getattr(t->slot, atts[2], &isnull)) && !isnull;
	}
	index_endscan(scan);
	return true;
}

/* Has the interview an attestation? */
static bool
HasAttestation(Probe *probe, bool *attested)
{
	ProbeTable *t = OpenTable(probe, PROBE_ATTESTATIONS);
	ScanKeyData key;
	IndexScanDesc scan;

	*attested = false;
	if (t == NULL)
		return false;
	if (!probe->call->has_interview)
		return true;
	scan = BeginEqualScan(probe, t, &key, F_UUID_EQ, probe->call->interview_id);
	*attested = NextUsersRow(probe, t, scan);
	index_endscan(scan);
	return true;
}

/* The keys of a match_keys value, added to keys */
static void
AddKeys(ArrayBuildState **keys, Datum value)
{
	ArrayType  *array = DatumGetArrayTypeP(value);
	Datum	   *elems;
	bool	   *nulls;
	int			n;

	deconstruct_array(array, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	for (int i = 0; i < n; i++)
		if (!nulls[i])
			en_accum(keys, elems[i], false, TEXTOID);
}

/* The keys gathered, as a text[] (NULL for none) */
static Datum
KeysArray(ArrayBuildState *keys)
{
	return keys == NULL ? (Datum) 0 : makeArrayResult(keys, CurrentMemoryContext);
}

/*
 * The expert's employments that can matter on the call date (begun by then,
 * ended less than the longest cooling-off period before it): the keys of
 * them all (*window) and of those that ended before the call date (*left);
 * *jobs counts every employment row of the expert
 */
static bool
ReadEmployments(Probe *probe, int32 longest, ArrayBuildState **window, ArrayBuildState **left,
				int64 *jobs)
{
	static const char *const names[] = {"started_on", "ended_on", "match_keys"};
	static const Oid types[] = {DATEOID, DATEOID, TEXTARRAYOID};
	AttrNumber	atts[3];
	ProbeTable *t = OpenTable(probe, PROBE_EMPLOYMENTS);
	DateADT		day = probe->call->call_date;
	Interval	period = {0};
	ScanKeyData key;
	IndexScanDesc scan;

	*jobs = 0;
	if (t == NULL || !Columns(probe, t, 3, names, types, atts))
		return false;
	period.month = longest;
	scan = BeginEqualScan(probe, t, &key, F_UUID_EQ, probe->call->expert_id);
	while (NextUsersRow(probe, t, scan))
	{
		DateADT		started;
		DateADT		ended;
		bool		has_end;
		bool		isnull;
		Datum		keys;

		(*jobs)++;
		if (DateColumn(t->slot, atts[0], &started) && started > day)
			continue;
		has_end = DateColumn(t->slot, atts[1], &ended);
		if (has_end)
		{
			Timestamp	clears = DatumGetTimestamp(DirectFunctionCall2(date_pl_interval,
																	   DateADTGetDatum(ended),
																	   IntervalPGetDatum(&period)));

			if (DatumGetDateADT(DirectFunctionCall1(timestamp_date, TimestampGetDatum(clears))) < day)
				continue;
		}
		keys = slot_getattr(t->slot, atts[2], &isnull);
		if (isnull)
			continue;			/* matches nothing */
		AddKeys(window, keys);
		if (has_end && ended < day)
			AddKeys(left, keys);
	}
	index_endscan(scan);
	return true;
}

/* The key of the company written on the expert (no employment rows) */
static bool
ReadExpertCompany(Probe *probe, ArrayBuildState **window)
{
	ProbeTable *t = OpenTable(probe, PROBE_EXPERTS);
	AttrNumber	company;
	ScanKeyData key;
	IndexScanDesc scan;

	if (t == NULL || !Columns(probe, t, 1, (const char *const[]) {"company"}, (const Oid[]) {TEXTOID}, &company))
		return false;
	scan = BeginEqualScan(probe, t, &key, F_UUID_EQ, probe->call->expert_id);
	while (NextUsersRow(probe, t, scan))
	{
		bool		isnull;
		Datum		value = slot_getattr(t->slot, company, &isnull);
		text	   *name;
		char	   *company_key;

		if (isnull)
			continue;
		name = DatumGetTextPP(value);
		company_key = en_company_key(VARDATA_ANY(name), VARSIZE_ANY_EXHDR(name));
		if (company_key[0] != '\0')
			en_accum(window, CStringGetTextDatum(company_key), false, TEXTOID);
	}
	index_endscan(scan);
	return true;
}

/* Do two text[] share an element?  (text equality, as expert_network.&&) */
static bool
Overlap(Probe *probe, Datum a, Datum b)
{
	return DatumGetBool(FunctionCall2Coll(&probe->overlap, DEFAULT_COLLATION_OID, a, b));
}

/*
 * Does a restricted-list entry applying on the call date share a key with
 * keys?  One scan of the GIN index for all the keys; every row it returns
 * is checked in full.
 */
static bool
ListedOnDay(Probe *probe, Datum keys, bool *listed)
{
	static const char *const names[] = {"applies_from", "applies_until", "match_keys"};
	static const Oid types[] = {DATEOID, DATEOID, TEXTARRAYOID};
	AttrNumber	atts[3];
	ProbeTable *t = OpenTable(probe, PROBE_RESTRICTED);
	DateADT		day = probe->call->call_date;
	StrategyNumber strategy;
	ScanKeyData key;
	IndexScanDesc scan;
	TIDBitmap  *bitmap;
	TBMIterator *pages;
	TBMIterateResult *page;
	IndexFetchTableData *fetch;

	*listed = false;
	if (t == NULL || !Columns(probe, t, 3, names, types, atts))
		return false;
	strategy = get_op_opfamily_strategy(probe->keys_operator, t->index->rd_opfamily[0]);
	if (strategy == InvalidStrategy)
		return Refer(probe, "the restricted list's index does not serve the overlap operator");

	ScanKeyEntryInitialize(&key, 0, 1, strategy, TEXTARRAYOID, t->index->rd_indcollation[0],
						   get_opcode(probe->keys_operator), keys);
	scan = index_beginscan_bitmap(t->index, probe->snapshot, 1);
	index_rescan(scan, &key, 1, NULL, 0);
	bitmap = tbm_create(work_mem * 1024L, NULL);
	(void) index_getbitmap(scan, bitmap);
	index_endscan(scan);

	pages = tbm_begin_iterate(bitmap);
	fetch = table_index_fetch_begin(t->heap);
	while (!*listed && probe->referred == NULL && (page = tbm_iterate(pages)) != NULL)
	{
		if (page->ntuples < 0)
		{
			Refer(probe, "the restricted list's bitmap is lossy");
			break;
		}
		for (int i = 0; i < page->ntuples && !*listed; i++)
		{
			ItemPointerData tid;
			bool		call_again = false;
			bool		all_dead = false;
			DateADT		from;
			DateADT		until;
			bool		isnull;
			Datum		entry_keys;

			ItemPointerSet(&tid, page->blockno, page->offsets[i]);
			if (!table_index_fetch_tuple(fetch, &tid, probe->snapshot, t->slot, &call_again, &all_dead) ||
				!IsUsers(probe, t))
				continue;
			if (!DateColumn(t->slot, atts[0], &from) || from > day)
				continue;
			if (DateColumn(t->slot, atts[1], &until) && until < day)
				continue;
			entry_keys = slot_getattr(t->slot, atts[2], &isnull);
			*listed = !isnull && Overlap(probe, entry_keys, keys);
		}
	}
	table_index_fetch_end(fetch);
	tbm_end_iterate(pages);
	tbm_free(bitmap);
	return probe->referred == NULL;
}

/* Does a subject company of the call's campaign share a key with keys? */
static bool
IsSubject(Probe *probe, Datum keys, bool *subject)
{
	ProbeTable *t = OpenTable(probe, PROBE_SUBJECTS);
	AttrNumber	match_keys;
	ScanKeyData key;
	IndexScanDesc scan;

	*subject = false;
	if (t == NULL ||
		!Columns(probe, t, 1, (const char *const[]) {"match_keys"}, (const Oid[]) {TEXTARRAYOID}, &match_keys))
		return false;
	scan = BeginEqualScan(probe, t, &key, F_UUID_EQ, probe->call->campaign_id);
	while (!*subject && NextUsersRow(probe, t, scan))
	{
		bool		isnull;
		Datum		entry_keys;

		entry_keys = slot_getattr(t->slot, match_keys, &isnull);
		*subject = !isnull && Overlap(probe, entry_keys, keys);
	}
	index_endscan(scan);
	return true;
}

/* Whether nothing could refuse the call: the probe proper */
static bool
RunProbe(Probe *probe, bool *attestation_required)
{
	const ComplianceCall *call = probe->call;
	int32		longest;

	if (!ReadPolicy(probe, &longest, attestation_required))
		return false;
	if (call->attest && *attestation_required)
	{
		bool		attested;

		if (!HasAttestation(probe, &attested))
			return false;
		if (!attested)
			return Refer(probe, "the interview has no attestation");
	}
	if (call->screen)
	{
		ArrayBuildState *window = NULL;
		ArrayBuildState *left = NULL;
		int64		jobs;
		bool		hit;

		if (!ReadEmployments(probe, longest, &window, &left, &jobs))
			return false;
		if (jobs == 0 && !ReadExpertCompany(probe, &window))
			return false;
		if (window != NULL)
		{
			if (!ListedOnDay(probe, KeysArray(window), &hit))
				return false;
			if (hit)
				return Refer(probe, "the expert's employer or a former one may match the restricted list");
		}
		if (left != NULL && call->has_campaign)
		{
			if (!IsSubject(probe, KeysArray(left), &hit))
				return false;
			if (hit)
				return Refer(probe, "the expert may be cooling off from a subject company");
		}
	}
	return true;
}

/*
 * en_compliance_probe: true when nothing of the user's could refuse the
 * call (a single call of the gate), with *attestation_required from the
 * policy; false when the full screen must decide, *referred saying why.
 * keys_operator is the operator the screens match company keys with.
 */
bool
en_compliance_probe(const ComplianceCall *call, Oid keys_operator, bool *attestation_required,
					const char **referred)
{
	MemoryContext context = AllocSetContextCreate(CurrentMemoryContext, "expert_network compliance probe",
												  ALLOCSET_SMALL_SIZES);
	MemoryContext caller = MemoryContextSwitchTo(context);
	Probe		probe = {0};
	bool		passed;

	*attestation_required = false;
	probe.call = call;
	probe.schema = en_extension_schema();
	probe.keys_operator = OidIsValid(keys_operator) ? keys_operator : OID_ARRAY_OVERLAP_OP;
	fmgr_info(F_ARRAYOVERLAP, &probe.overlap);
	/* as SPI would take it for a query: the statement's own writes seen */
	PushActiveSnapshot(GetTransactionSnapshot());
	CommandCounterIncrement();
	UpdateActiveSnapshotCommandId();
	probe.snapshot = GetActiveSnapshot();

	if (!call->has_user)
		passed = Refer(&probe, "the call has no owner");
	else if (!(passed = RunProbe(&probe, attestation_required)))
		Refer(&probe, "the probe could not tell");	/* unless it said why */

	PopActiveSnapshot();
	CloseTables(&probe);
	MemoryContextSwitchTo(caller);
	MemoryContextDelete(context);
	*referred = probe.referred;
	return passed;
}
