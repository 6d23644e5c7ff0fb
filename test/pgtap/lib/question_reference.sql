-- test/pgtap/lib/question_reference.sql — included (\ir) by the pgTAP files
-- that check question_tree() against SQL: pg_temp.reference(campaign), the
-- outline a client would compute, ranks by window function, the walk by
-- WITH RECURSIVE, pre-order by the array of ranks.  Not a test file itself
-- (test/suite runs test/pgtap/*.sql only).
CREATE FUNCTION pg_temp.reference(c uuid)
RETURNS TABLE (n bigint, id uuid, parent_question_id uuid, depth integer, "position" text, path uuid[],
               question_text text, question_type text, options jsonb, display_order integer)
LANGUAGE sql STABLE
AS $$
WITH RECURSIVE ranked AS (
    SELECT q.*, row_number() OVER (PARTITION BY q.parent_question_id
                                   ORDER BY q.display_order, q.created_at, q.id) AS rank
      FROM expert_network.screening_questions AS q
     WHERE q.campaign_id = c
), walk AS (
    SELECT r.id, 0 AS depth, r.rank::text AS position, ARRAY[r.id] AS path, ARRAY[r.rank] AS sortkey
      FROM ranked AS r WHERE r.parent_question_id IS NULL
    UNION ALL
    SELECT r.id, w.depth + 1, w.position || '.' || r.rank, w.path || r.id, w.sortkey || r.rank
      FROM walk AS w JOIN ranked AS r ON r.parent_question_id = w.id
)
SELECT row_number() OVER (ORDER BY w.sortkey), w.id, q.parent_question_id, w.depth, w.position, w.path,
       q.question_text, q.question_type, q.options, q.display_order
  FROM walk AS w JOIN expert_network.screening_questions AS q ON q.id = w.id
 ORDER BY w.sortkey
$$;
