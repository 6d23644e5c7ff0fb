-- question_ancestors() of a random question at depth 8
\set k random(7801, 10000)
SELECT * FROM expert_network.question_ancestors(md5('q' || :k)::uuid);
