/*
 * persons.c
 *	  The person behind an expert row (0.13.0): person_key(), the identity
 *	  key that experts.person_key is generated from.
 *
 * Networks propose the same person as different rows (one per vendor and
 * campaign).  A row's key comes from the strongest contact detail it has:
 *
 *	url:<host><path>	the profile URL: scheme, "www.", the host's case, a
 *						port, the query, the fragment and trailing slashes
 *						dropped; a LinkedIn profile (any *.linkedin.com host,
 *						path /in/<handle>/...) is "linkedin.com/in/<handle>"
 *						with the handle in lower case;
 *	email:<address>		the e-mail address, trimmed, lower case, without a
 *						"mailto:" prefix (no provider's rules: dots and
 *						"+tags" in gmail addresses are kept);
 *	name:<name>@<company>	the name's and the current company's keys as the
 *						compliance gates match companies (companies.c), so
 *						"Jane O'Neil", "jane oneil" and "JANE ONEIL" are one
 *						name and "Acme Corp." and "ACME Inc" one company.
 *
 * A URL without a host name (letters, digits, hyphens, a dot), or an address without a local part and a domain,
 * counts as absent; a name without a letter or digit gives no key (NULL).
 * The prefixes keep kinds apart: no URL key equals an e-mail key.
 */
#include "expert_network.h"

#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(expert_network_person_key);

static bool
IsBlank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* The argument as a C string without surrounding blanks, or NULL */
static char *
TrimmedArgument(FunctionCallInfo fcinfo, int k)
{
	char	   *s;
	char	   *end;

	if (PG_ARGISNULL(k))
		return NULL;
	s = text_to_cstring(PG_GETARG_TEXT_PP(k));
	while (IsBlank(*s))
		s++;
	end = s + strlen(s);
	while (end > s && IsBlank(end[-1]))
		*--end = '\0';
	return *s ? s : NULL;
}

/* Does s begin with prefix, ignoring ASCII case?  Then skip it. */
static bool
SkipPrefix(const char **s, const char *prefix)
{
	size_t		n = strlen(prefix);

	if (pg_strncasecmp(*s, prefix, n) != 0)
		return false;
	*s += n;
	return true;
}

static void
AppendLower(StringInfo out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		appendStringInfoChar(out, (char) pg_ascii_tolower((unsigned char) s[i]));
}

/* Does the host end with domain, as itself or a subdomain of it? */
static bool
HostIs(const char *host, size_t len, const char *domain)
{
	size_t		n = strlen(domain);

	return len >= n && strcmp(host + len - n, domain) == 0 &&
		(len == n || host[len - n - 1] == '.');
}

/* The key of a profile URL (see the file header), or NULL */
static char *
UrlKey(const char *url)
{
	StringInfoData key;
	const char *host;
	const char *path;
	const char *end;
	char	   *h;
	size_t		hlen;

	if (!SkipPrefix(&url, "https://") && !SkipPrefix(&url, "http://"))
		(void) SkipPrefix(&url, "//");
	host = url;
	path = host + strcspn(host, "/?#");
	end = path + strcspn(path, "?#");
	/* user information ("mailto:a@b" is no profile) */
	if (memchr(host, '@', path - host) != NULL)
		return NULL;

	initStringInfo(&key);
	appendStringInfoString(&key, "url:");
	AppendLower(&key, host, path - host);
	h = key.data + 4;
	hlen = key.len - 4;
	/* a port, a final dot, "www." */
	{
		char	   *colon = memchr(h, ':', hlen);

		if (colon != NULL)
			hlen = colon - h;
		while (hlen > 0 && h[hlen - 1] == '.')
			hlen--;
		if (hlen > 4 && strncmp(h, "www.", 4) == 0)
		{
			memmove(h, h + 4, hlen - 4);
			hlen -= 4;
		}
		key.len = 4 + (int) hlen;
		key.data[key.len] = '\0';
	}
	/* a host name: letters, digits, hyphens and at least one dot */
	if (hlen == 0 || memchr(h, '.', hlen) == NULL)
		return NULL;
	for (size_t i = 0; i < hlen; i++)
		if (!(isalnum((unsigned char) h[i]) || h[i] == '.' || h[i] == '-'))
			return NULL;

	while (end > path && end[-1] == '/')
		end--;
	if (HostIs(h, hlen, "linkedin.com"))
	{
		const char *handle = path;

		key.len = 4;
		appendStringInfoString(&key, "linkedin.com");
		if (end - handle > 4 && pg_strncasecmp(handle, "/in/", 4) == 0)
		{
			handle += 4;
			appendStringInfoString(&key, "/in/");
			AppendLower(&key, handle, Min(strcspn(handle, "/"), (size_t) (end - handle)));
			return key.data;
		}
	}
	appendBinaryStringInfo(&key, path, (int) (end - path));
	return key.data;
}

/* The key of an e-mail address (see the file header), or NULL */
static char *
EmailKey(const char *email)
{
	const char *at;
	StringInfoData key;

	(void) SkipPrefix(&email, "mailto:");
	at = strrchr(email, '@');
	if (at == NULL || at == email || at[1] == '\0')
		return NULL;
	initStringInfo(&key);
	appendStringInfoString(&key, "email:");
	AppendLower(&key, email, strlen(email));
	return key.data;
}

/* The key of a name and a company (see the file header), or NULL */
static char *
NameKey(const char *name, const char *company)
{
	char	   *name_key = en_company_key(name, (int) strlen(name));

	if (name_key[0] == '\0')
		return NULL;
	return psprintf("name:%s@%s", name_key,
					company ? en_company_key(company, (int) strlen(company)) : "");
}

/*
 * person_key(profile_url text, email text, name text, company text)
 * returns text: the key of the strongest detail given, or NULL.
 */
Datum
expert_network_person_key(PG_FUNCTION_ARGS)
{
	char	   *url = TrimmedArgument(fcinfo, 0);
	char	   *email = TrimmedArgument(fcinfo, 1);
	char	   *name = TrimmedArgument(fcinfo, 2);
	char	   *key = NULL;

	if (url != NULL)
		key = UrlKey(url);
	if (key == NULL && email != NULL)
		key = EmailKey(email);
	if (key == NULL && name != NULL)
		key = NameKey(name, TrimmedArgument(fcinfo, 3));
	if (key == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(key));
}
