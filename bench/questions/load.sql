-- bench/questions/load.sql — the data of bench/questions.sh, all user-1's:
--
--   campaign 0      one screener of 10,000 questions, depths 0 to 8
--                   (10, 40, 150, 400, 900, 1,500, 2,200, 2,600 and 2,200
--                   per level), each question under a random question of the
--                   level above, siblings numbered 1..n in a random order
--   campaigns 1-200 screeners of 50 questions (5, 15 and 30 per level), so
--                   that the big one is not alone in the table and its
--                   indexes: 20,000 questions in all
--
-- Ids are computed, so that the pgbench scripts can name a question without
-- a look-up: campaign c is ('cafe0000000040008000' || lpad(to_hex(c), 12,
-- '0'))::uuid; question k (1..10,000) of campaign 0 is md5('q' || k)::uuid,
-- at depth 8 for k > 7,800.  The triggers are on: every row is checked.
\set ON_ERROR_STOP on

SELECT pg_catalog.set_config('expert_network.user_id', 'user-1', false);
SELECT pg_catalog.setseed(0.5);

INSERT INTO expert_network.campaigns (id, campaign_name, industry_vertical, start_date, target_completion_date)
SELECT ('cafe0000000040008000' || lpad(to_hex(c), 12, '0'))::uuid, 'Campaign ' || c, 'Industrials',
       date '2026-01-05', date '2026-02-27'
  FROM generate_series(0, 200) AS c;

CREATE TEMPORARY TABLE levels (depth int, size int, first int);
INSERT INTO levels
SELECT depth, size, 1 + coalesce(sum(size) OVER (ORDER BY depth ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)
  FROM unnest(ARRAY[10, 40, 150, 400, 900, 1500, 2200, 2600, 2200]) WITH ORDINALITY AS l(size, n),
       LATERAL (SELECT (n - 1)::int AS depth) AS d;

-- the big screener: question k at its level's depth, under a random question of the level above
CREATE TEMPORARY TABLE big AS
SELECT k, l.depth,
       CASE WHEN l.depth > 0 THEN p.first + floor(random() * p.size)::int END AS parent_k,
       random() AS shuffle
  FROM levels AS l
  JOIN generate_series(1, 10000) AS k ON k >= l.first AND k < l.first + l.size
  LEFT JOIN levels AS p ON p.depth = l.depth - 1;

INSERT INTO expert_network.screening_questions
       (id, campaign_id, parent_question_id, question_text, question_type, options, display_order)
SELECT md5('q' || b.k)::uuid, 'cafe0000-0000-4000-8000-000000000000',
       CASE WHEN b.parent_k IS NOT NULL THEN md5('q' || b.parent_k)::uuid END,
       'Question ' || b.k || ': how many units did your team buy in the last twelve months?',
       (ARRAY['text', 'multiple-choice', 'rating'])[1 + b.k % 3],
       CASE WHEN b.k % 3 = 1 THEN '["Fewer than 10", "10 to 100", "More than 100"]'::jsonb END,
       row_number() OVER (PARTITION BY b.parent_k ORDER BY b.shuffle)
  FROM big AS b
 ORDER BY b.k;

-- 200 small screeners
INSERT INTO expert_network.screening_questions
       (id, campaign_id, parent_question_id, question_text, question_type, options, display_order)
SELECT md5('c' || c || '-' || k)::uuid, ('cafe0000000040008000' || lpad(to_hex(c), 12, '0'))::uuid,
       CASE WHEN k > 5 THEN md5('c' || c || '-' || (CASE WHEN k <= 20 THEN 1 + k % 5 ELSE 6 + k % 15 END))::uuid END,
       'Question ' || k || ' of campaign ' || c, 'text', NULL, 1 + k / 5
  FROM generate_series(1, 200) AS c, generate_series(1, 50) AS k
 ORDER BY c, k;
