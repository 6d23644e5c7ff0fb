-- the floor: the same rows read flat, as a client reads a table
SELECT id, parent_question_id, question_text, question_type, options, display_order
  FROM expert_network.screening_questions
 WHERE campaign_id = 'cafe0000-0000-4000-8000-000000000000'
 ORDER BY display_order;
