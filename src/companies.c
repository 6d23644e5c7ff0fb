/*
 * companies.c
 *	  Company names as people type them: company_key() and company_keys(),
 *	  the matching keys of the compliance gates (0.10.0).
 *
 * A company's key is its name with case, accents, punctuation, spacing, a
 * leading "the" and trailing legal forms taken away: "Acme Corp.", "ACME
 * Corporation" and "acme inc" all have the key "acme", "Société Générale
 * S.A." has "societegenerale".  The steps:
 *
 *	1. Unicode compatibility decomposition (NFKD) when the database encoding
 *	   is UTF-8, and combining marks dropped: accents go, full-width letters
 *	   become ASCII;
 *	2. ASCII letters lower-cased (other letters are kept as they are);
 *	3. words split at anything that is not a letter or a digit, except
 *	   dots and apostrophes, which vanish ("L.L.C." is "llc", "McDonald's"
 *	   is "mcdonalds"); "&" is the word "and";
 *	4. a leading "the", and trailing legal forms (inc, corp, ltd, llc, plc,
 *	   gmbh, ...), dropped while a word remains;
 *	5. the words joined with nothing between them.
 *
 * A ticker's key is "$" and the ticker in upper case without spaces or an
 * exchange prefix ("nasdaq: aapl" is "$AAPL"); no name key starts with "$".
 * company_keys() gathers the keys of a name, its ticker and its aliases:
 * two rows match when their key arrays overlap (&&), which a GIN index
 * answers.  Both functions are immutable: the keys depend on nothing but
 * their arguments (and the database's encoding, which never changes).
 *
 * keys_overlap() (0.11.0) is that overlap, the operator expert_network.&&:
 * PostgreSQL's own arrayoverlap, called for text[] only, where it compares
 * with texteq and so is leakproof (see sql/expert_network.sql).  It is a C
 * function of this module rather than a LANGUAGE internal one because
 * PostgreSQL finds an internal function that is not built in by searching
 * every built-in's name, each time a query using it starts.
 */
#include "expert_network.h"

#include "catalog/pg_type.h"
#include "common/unicode_norm.h"
#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(expert_network_company_key);
PG_FUNCTION_INFO_V1(expert_network_company_keys);
PG_FUNCTION_INFO_V1(expert_network_keys_overlap);

/* legal forms dropped from the end of a name, lower case, dots removed */
static const char *const legal_forms[] = {
	"ab", "ag", "as", "asa", "bv", "co", "company", "corp", "corporation",
	"gmbh", "inc", "incorporated", "kg", "kk", "limited", "llc", "llp", "lp",
	"ltd", "nv", "oy", "oyj", "plc", "pte", "pty", "sa", "sarl", "se",
	"spa", "srl",
};

typedef struct Words
{
	StringInfoData text;		/* the words, each ended by a '\0' */
	int			count;
	int			starts[FLEXIBLE_ARRAY_MEMBER];
} Words;

static bool
IsLegalForm(const char *word)
{
	for (size_t i = 0; i < lengthof(legal_forms); i++)
		if (strcmp(word, legal_forms[i]) == 0)
			return true;
	return false;
}

/* The code points of a name (decomposed when the encoding is UTF-8) */
static pg_wchar *
CodePoints(const char *name, int len)
{
	pg_wchar   *chars = palloc((len + 1) * sizeof(pg_wchar));
	int			n;

	if (GetDatabaseEncoding() != PG_UTF8)
	{
		/* bytes: ASCII is read as such, every other byte is a letter */
		for (n = 0; n < len; n++)
			chars[n] = (unsigned char) name[n];
		chars[n] = 0;
		return chars;
	}
	n = pg_mb2wchar_with_len(name, chars, len);
	chars[n] = 0;
	return unicode_normalize(UNICODE_NFKD, chars);
}

/* A combining mark (the accents NFKD separates from their letters) */
static bool
IsCombiningMark(pg_wchar c)
{
	return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
		(c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
		(c >= 0xFE20 && c <= 0xFE2F);
}

/* Vanishes inside a word: dots and apostrophes (’ too) */
static bool
IsSilent(pg_wchar c)
{
	return c == '.' || c == '\'' || c == 0x2018 || c == 0x2019;
}

/* Part of a word: ASCII letters and digits, and every letter beyond ASCII */
static bool
IsWordChar(pg_wchar c)
{
	if (c < 0x80)
		return isalnum((int) c);
	/* Latin-1 and general punctuation and symbols separate words */
	return !(c <= 0xBF || c == 0xD7 || c == 0xF7 ||
			 (c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F));
}

static void
AppendChar(StringInfo out, pg_wchar c)
{
	if (c < 0x80)
		appendStringInfoChar(out, (char) pg_ascii_tolower((unsigned char) c));
	else if (GetDatabaseEncoding() != PG_UTF8)
		appendStringInfoChar(out, (char) c);
	else
	{
		unsigned char buf[8];

		appendBinaryStringInfo(out, (char *) buf,
							   pg_utf_mblen(unicode_to_utf8(c, buf)));
	}
}

static void
EndWord(Words *words, int *start)
{
	if (*start < 0)
		return;
	appendStringInfoChar(&words->text, '\0');
	words->starts[words->count++] = *start;
	*start = -1;
}

static Words *
SplitWords(const char *name, int len)
{
	pg_wchar   *chars = CodePoints(name, len);
	Words	   *words = palloc(offsetof(Words, starts) + (len + 1) * sizeof(int));
	int			start = -1;

	initStringInfo(&words->text);
	words->count = 0;
	for (pg_wchar *c = chars; *c != 0; c++)
	{
		if (IsCombiningMark(*c) || IsSilent(*c))
			continue;
		if (*c == '&')
		{
			EndWord(words, &start);
			start = words->text.len;
			appendStringInfoString(&words->text, "and");
			EndWord(words, &start);
		}
		else if (IsWordChar(*c))
		{
			if (start < 0)
				start = words->text.len;
			AppendChar(&words->text, *c);
		}
		else
			EndWord(words, &start);
	}
	EndWord(words, &start);
	pfree(chars);
	return words;
}

/*
 * The key of a name: see the file header ("" when it has no word).  Also
 * the name and company parts of a person's key (persons.c, 0.13.0).
 */
char *
en_company_key(const char *name, int len)
{
	Words	   *words = SplitWords(name, len);
	int			first = 0;
	int			last = words->count - 1;
	StringInfoData key;

	if (last > first && strcmp(words->text.data + words->starts[first], "the") == 0)
		first++;
	while (last > first && IsLegalForm(words->text.data + words->starts[last]))
		last--;

	initStringInfo(&key);
	for (int i = first; i <= last; i++)
		appendStringInfoString(&key, words->text.data + words->starts[i]);
	return key.data;
}

/* A ticker's key: "$", then upper case, no spaces, no exchange prefix */
static char *
TickerKey(const char *ticker)
{
	const char *colon = strrchr(ticker, ':');
	StringInfoData key;

	if (colon != NULL)
		ticker = colon + 1;
	initStringInfo(&key);
	for (const char *c = ticker; *c != '\0'; c++)
		if (!isspace((unsigned char) *c))
			appendStringInfoChar(&key, (char) pg_ascii_toupper((unsigned char) *c));
	if (key.len == 0)
		return NULL;
	return psprintf("$%s", key.data);
}

/*
 * company_key(name text) returns text: the name's key ("" for a name
 * without a letter or digit).
 */
Datum
expert_network_company_key(PG_FUNCTION_ARGS)
{
	text	   *name = PG_GETARG_TEXT_PP(0);

	PG_RETURN_TEXT_P(cstring_to_text(en_company_key(VARDATA_ANY(name), VARSIZE_ANY_EXHDR(name))));
}

static int
CompareKeys(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/*
 * company_keys(company text, ticker text, aliases text[]) returns text[]:
 * the distinct non-empty keys of the name, the ticker and the aliases,
 * sorted (NULLs add nothing).
 */
Datum
expert_network_company_keys(PG_FUNCTION_ARGS)
{
	Datum	   *aliases = NULL;
	bool	   *alias_nulls = NULL;
	int			naliases = 0;
	char	  **keys;
	int			nkeys = 0;
	Datum	   *elems;
	int			nelems = 0;

	if (!PG_ARGISNULL(2))
	{
		ArrayType  *array = PG_GETARG_ARRAYTYPE_P(2);

		if (ARR_NDIM(array) > 1)
			ereport(ERROR,
					(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					 errmsg("aliases must be a one-dimensional array")));
		deconstruct_array(array, TEXTOID, -1, false, TYPALIGN_INT,
						  &aliases, &alias_nulls, &naliases);
	}
	keys = palloc((naliases + 2) * sizeof(char *));

	if (!PG_ARGISNULL(0))
	{
		text	   *name = PG_GETARG_TEXT_PP(0);

		keys[nkeys++] = en_company_key(VARDATA_ANY(name), VARSIZE_ANY_EXHDR(name));
	}
	if (!PG_ARGISNULL(1))
	{
		char	   *ticker = TickerKey(text_to_cstring(PG_GETARG_TEXT_PP(1)));

		if (ticker != NULL)
			keys[nkeys++] = ticker;
	}
	for (int i = 0; i < naliases; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (!alias_nulls[i])
			keys[nkeys++] = en_company_key(VARDATA_ANY(aliases[i]), VARSIZE_ANY_EXHDR(aliases[i]));
	}

	/* the distinct non-empty keys, sorted */
	qsort(keys, nkeys, sizeof(char *), CompareKeys);
	elems = palloc(Max(nkeys, 1) * sizeof(Datum));
	for (int i = 0; i < nkeys; i++)
	{
		if (keys[i][0] == '\0' || (i > 0 && strcmp(keys[i - 1], keys[i]) == 0))
			continue;
		elems[nelems++] = CStringGetTextDatum(keys[i]);
	}
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, nelems, TEXTOID, -1, false, TYPALIGN_INT));
}

/*
 * keys_overlap(text[], text[]): whether the arrays share an element
 */
Datum
expert_network_keys_overlap(PG_FUNCTION_ARGS)
{
	return arrayoverlap(fcinfo);
}
