-- move_question: a random question of a random campaign under another
-- random question of the campaign (itself included) or, one time in four,
-- to the top level, at a random position; stress_move() (fixture.sql)
-- records a move the screener's integrity refuses (a cycle, too deep a
-- tree) rather than failing the transaction
\set u random(1, 2)
\set k random(1, 20)
\set c (:u - 1) * 20 + :k
\set top random(0, 3)
\set pos random(1, 4)
BEGIN;
SELECT pg_catalog.set_config('expert_network.user_id', 'stress' || :u, true);
SELECT public.stress_move(q.id, p.id, :pos)
  FROM (SELECT id FROM expert_network.screening_questions
         WHERE campaign_id = ('c0000000-0000-4000-8000-' || pg_catalog.lpad(:c::text, 12, '0'))::uuid
         ORDER BY pg_catalog.random() LIMIT 1) AS q
  LEFT JOIN LATERAL
       (SELECT id FROM expert_network.screening_questions
         WHERE campaign_id = ('c0000000-0000-4000-8000-' || pg_catalog.lpad(:c::text, 12, '0'))::uuid AND :top > 0
         ORDER BY pg_catalog.random() LIMIT 1) AS p ON true;
COMMIT;
