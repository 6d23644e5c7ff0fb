-- question_ancestors() of 1,000 questions of every depth in one statement (the
-- probe as a table of ids, as an application has them),
-- one call per row of the probe (LATERAL)
WITH probe AS MATERIALIZED (
    SELECT g.n AS i, md5('q' || (1 + g.n * 7919 % 10000))::uuid AS id FROM generate_series(1, 1000) AS g (n)
)
SELECT p.i, a.*
  FROM probe AS p,
       LATERAL expert_network.question_ancestors(p.id) AS a;
