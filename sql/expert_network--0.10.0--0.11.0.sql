/*
 * sql/expert_network--0.10.0--0.11.0.sql — the restricted list's index
 * serves the compliance screens under row-level security.
 *
 * - keys_overlap(text[], text[]): pg_catalog.arrayoverlap on text[],
 *   declared leakproof; the operator expert_network.&& on it; the GIN
 *   operator class expert_network.company_keys_ops for it.
 * - idx_restricted_companies_keys is built again with that operator class.
 *   The gates (src/compliance.c) use expert_network.&& once it exists, and
 *   pg_catalog.&& on an older schema.
 *
 * Every name is qualified, operators included.
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION expert_network UPDATE TO '0.11.0'" to load this file. \quit

/*
 * Company keys overlap (0.11.0).  pg_catalog.&& on arrays is not leakproof:
 * it compares elements with their type's equality, which need not be.  So
 * under the tables' forced row-level security a GIN index on match_keys
 * could not serve a role's screen (the policy's filter must come first),
 * and every check read the user's whole list.  On text[] the same C
 * function, arrayoverlap, compares with texteq, which is leakproof, and
 * raises no error that depends on the arrays' contents.  keys_overlap
 * (src/companies.c) calls arrayoverlap and declares exactly that; the
 * operator expert_network.&& and the GIN operator class company_keys_ops
 * (PostgreSQL's array GIN support, text keys) let the restricted list's
 * index serve the screens as they run, as the application's role.  Its
 * cost, 50 (a loop over both arrays, against 1 for an equality), is what
 * makes the planner prefer that index to testing every entry of the list.
 */
CREATE FUNCTION expert_network.keys_overlap(pg_catalog.text[], pg_catalog.text[])
RETURNS pg_catalog.bool
LANGUAGE c IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE COST 50
AS 'MODULE_PATHNAME', 'expert_network_keys_overlap';

COMMENT ON FUNCTION expert_network.keys_overlap(pg_catalog.text[], pg_catalog.text[]) IS
'Whether two key arrays share a key (pg_catalog.arrayoverlap on text[], leakproof); the function of the operator expert_network.&&';

CREATE OPERATOR expert_network.&& (
    LEFTARG = pg_catalog.text[],
    RIGHTARG = pg_catalog.text[],
    FUNCTION = expert_network.keys_overlap,
    COMMUTATOR = OPERATOR(expert_network.&&),
    RESTRICT = pg_catalog.matchingsel,
    JOIN = pg_catalog.matchingjoinsel
);

COMMENT ON OPERATOR expert_network.&& (pg_catalog.text[], pg_catalog.text[]) IS
'Companies match: their keys overlap (leakproof, so that the GIN operator class company_keys_ops serves it under row-level security)';

CREATE OPERATOR CLASS expert_network.company_keys_ops
    FOR TYPE pg_catalog.text[] USING gin AS
        OPERATOR 1 expert_network.&& (pg_catalog.text[], pg_catalog.text[]),
        FUNCTION 1 pg_catalog.bttextcmp(pg_catalog.text, pg_catalog.text),
        FUNCTION 2 pg_catalog.ginarrayextract(pg_catalog.anyarray, pg_catalog.internal,
                                              pg_catalog.internal),
        FUNCTION 3 pg_catalog.ginqueryarrayextract(pg_catalog.anyarray, pg_catalog.internal,
                                                   pg_catalog.int2, pg_catalog.internal,
                                                   pg_catalog.internal, pg_catalog.internal,
                                                   pg_catalog.internal),
        FUNCTION 4 pg_catalog.ginarrayconsistent(pg_catalog.internal, pg_catalog.int2,
                                                 pg_catalog.anyarray, pg_catalog.int4,
                                                 pg_catalog.internal, pg_catalog.internal,
                                                 pg_catalog.internal, pg_catalog.internal),
        FUNCTION 6 pg_catalog.ginarraytriconsistent(pg_catalog.internal, pg_catalog.int2,
                                                    pg_catalog.anyarray, pg_catalog.int4,
                                                    pg_catalog.internal, pg_catalog.internal,
                                                    pg_catalog.internal),
        STORAGE pg_catalog.text;

COMMENT ON OPERATOR CLASS expert_network.company_keys_ops USING gin IS
'GIN over company keys (text[]) for expert_network.&&: the restricted list''s index';

DROP INDEX expert_network.idx_restricted_companies_keys;
CREATE INDEX idx_restricted_companies_keys ON expert_network.restricted_companies
    USING gin (match_keys expert_network.company_keys_ops);

REVOKE ALL ON FUNCTION expert_network.keys_overlap(pg_catalog.text[], pg_catalog.text[]) FROM PUBLIC;

-- what a fresh install gives the role that installed it (@extowner@ would
-- name the role running this update, not the extension's owner)
DO $$
DECLARE
    owner pg_catalog.text;
BEGIN
    SELECT pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(e.extowner)) INTO STRICT owner
      FROM pg_catalog.pg_extension AS e WHERE e.extname OPERATOR(pg_catalog.=) 'expert_network';
    EXECUTE 'GRANT EXECUTE ON FUNCTION expert_network.keys_overlap(pg_catalog.text[], pg_catalog.text[]) TO '
            OPERATOR(pg_catalog.||) owner OPERATOR(pg_catalog.||) ' WITH GRANT OPTION';
END
$$;

-- every recorded role gets exactly its level on 0.11.0's objects
SELECT pg_catalog.count(*) FROM expert_network.apply_access_levels();
