-- question_ancestors() of 1,000 questions of every depth in one statement,
-- one call per row of the probe (LATERAL)
SELECT p.i, a.*
  FROM generate_series(1, 1000) AS p (i),
       LATERAL expert_network.question_ancestors(md5('q' || (1 + p.i * 7919 % 10000))::uuid) AS a;
