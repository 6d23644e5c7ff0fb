-- the same rows from ancestors_up's WITH RECURSIVE, in the same LATERAL
WITH probe AS MATERIALIZED (
    SELECT g.n AS i, md5('q' || (1 + g.n * 7919 % 10000))::uuid AS id FROM generate_series(1, 1000) AS g (n)
)
SELECT p.i, a.*
  FROM probe AS p,
       LATERAL (
    WITH RECURSIVE up AS (
        SELECT q.id, q.parent_question_id, q.campaign_id, q.question_text, q.question_type, q.options,
               q.display_order, q.created_at, 0 AS height
          FROM expert_network.screening_questions AS q
         WHERE q.id = p.id
        UNION ALL
        SELECT pq.id, pq.parent_question_id, pq.campaign_id, pq.question_text, pq.question_type, pq.options,
               pq.display_order, pq.created_at, u.height + 1
          FROM up AS u
          JOIN expert_network.screening_questions AS pq ON pq.id = u.parent_question_id
    ), ranked AS (
        SELECT u.*,
               CASE WHEN u.parent_question_id IS NULL THEN
                   (SELECT count(*) FROM expert_network.screening_questions AS s
                     WHERE s.campaign_id = u.campaign_id AND s.parent_question_id IS NULL
                       AND (s.display_order, s.created_at, s.id) <= (u.display_order, u.created_at, u.id))
               ELSE
                   (SELECT count(*) FROM expert_network.screening_questions AS s
                     WHERE s.parent_question_id = u.parent_question_id
                       AND (s.display_order, s.created_at, s.id) <= (u.display_order, u.created_at, u.id))
               END AS rank
          FROM up AS u
    )
    SELECT id, parent_question_id, (max(height) OVER ()) - height AS depth,
           string_agg(rank::text, '.') OVER (ORDER BY height DESC) AS position,
           array_agg(id) OVER (ORDER BY height DESC) AS path,
           question_text, question_type, options, display_order
      FROM ranked
     ORDER BY height DESC) AS a;
