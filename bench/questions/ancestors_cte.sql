-- the same rows from the well-written WITH RECURSIVE of tree_cte.sql,
-- kept to the question's path: what a client that has the tree query does
\set k random(7801, 10000)
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
 WHERE id = ANY ((SELECT path FROM tree WHERE id = md5('q' || :k)::uuid)::uuid[])
 ORDER BY depth;
