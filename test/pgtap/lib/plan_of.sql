-- test/pgtap/lib/plan_of.sql — included (\ir) by the pgTAP files that look
-- at plans: pg_temp.plan_of(sql), the lines of EXPLAIN (COSTS OFF) of sql,
-- run as the role of the moment.
CREATE FUNCTION pg_temp.plan_of(sql text) RETURNS SETOF text
LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE 'EXPLAIN (COSTS OFF) ' || sql;
END;
$$;
