-- copy_screener: a random campaign's screener copied under another campaign
-- of the same user, while that one has fewer than 40 questions
\set u random(1, 2)
\set k random(1, 20)
\set c (:u - 1) * 20 + :k
\set k2 random(1, 20)
\set c2 (:u - 1) * 20 + :k2
BEGIN;
SELECT pg_catalog.set_config('expert_network.user_id', 'stress' || :u, true);
SELECT expert_network.copy_question_tree(('c0000000-0000-4000-8000-' || pg_catalog.lpad(:c::text, 12, '0'))::uuid,
                                         ('c0000000-0000-4000-8000-' || pg_catalog.lpad(:c2::text, 12, '0'))::uuid)
 WHERE (SELECT pg_catalog.count(*) FROM expert_network.screening_questions
         WHERE campaign_id = ('c0000000-0000-4000-8000-' || pg_catalog.lpad(:c2::text, 12, '0'))::uuid) < 40;
COMMIT;
