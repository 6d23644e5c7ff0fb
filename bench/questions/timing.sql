-- bench/questions/timing.sql — the server-side runners of bench/questions.sh.
--
-- For each variant a PL/pgSQL function pg_temp.run_<variant>(n, k0) runs its
-- query n times and fetches every row, as a PL/pgSQL loop over a screener
-- would: each query planned once and kept (as a prepared statement is), every
-- column computed, nothing formatted or sent to the client.  The ancestor
-- variants walk up from question k = 7801 + (k0 + i) * 7919 % 2200 (all at
-- depth 8), so that variants run with the same k0 meet the same questions.
-- psql variables: the variants' queries, the question as qid.
\set ON_ERROR_STOP on

CREATE TEMPORARY TABLE variants (name text PRIMARY KEY, query text NOT NULL);
INSERT INTO variants VALUES
('tree_c',        'SELECT * FROM expert_network.question_tree(''cafe0000-0000-4000-8000-000000000000'')'),
('tree_cte',      :'tree_cte'),
('tree_flat',     :'tree_flat'),
('ancestors_c',   'SELECT * FROM expert_network.question_ancestors(qid)'),
('ancestors_up',  :'ancestors_up'),
('ancestors_cte', :'ancestors_cte'),
('ancestors_lateral_c',  :'ancestors_lateral_c'),
('ancestors_lateral_up', :'ancestors_lateral_up');
UPDATE variants SET query = pg_catalog.regexp_replace(query, ';\s*$', '');

SELECT format($f$
CREATE FUNCTION pg_temp.%I(n integer, k0 integer) RETURNS void
LANGUAGE plpgsql AS $body$
DECLARE
    r record;
    qid uuid;
BEGIN
    FOR i IN 1 .. n LOOP
        qid := md5('q' || (7801 + (k0 + i) * 7919 %% 2200))::uuid;
        FOR r IN %s LOOP
        END LOOP;
    END LOOP;
END
$body$$f$, 'run_' || name, query)
  FROM variants
\gexec
