-- the same rows from a well-written WITH RECURSIVE: UNION ALL, children
-- found through the index on parent_question_id, ranks by window function,
-- pre-order by the array of ranks
WITH RECURSIVE tree AS (
    SELECT q.id, q.parent_question_id, 0 AS depth,
           ARRAY[row_number() OVER (ORDER BY q.display_order, q.created_at, q.id)] AS ranks,
           ARRAY[q.id] AS path, q.question_text, q.question_type, q.options, q.display_order
      FROM expert_network.screening_questions AS q
     WHERE q.campaign_id = 'cafe0000-0000-4000-8000-000000000000' AND q.parent_question_id IS NULL
    UNION ALL
    SELECT q.id, q.parent_question_id, t.depth + 1,
           t.ranks || row_number() OVER (PARTITION BY q.parent_question_id
                                         ORDER BY q.display_order, q.created_at, q.id),
           t.path || q.id, q.question_text, q.question_type, q.options, q.display_order
      FROM tree AS t
      JOIN expert_network.screening_questions AS q ON q.parent_question_id = t.id
)
SELECT id, parent_question_id, depth, array_to_string(ranks, '.') AS position, path,
       question_text, question_type, options, display_order
  FROM tree
 ORDER BY ranks;
