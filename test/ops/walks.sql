-- test/ops/walks.sql — the screener walks (C, src/question_tree.c and src/question_walks.c) of every
-- campaign the caller sees, one line per campaign: id | questions |
-- md5 of question_tree()'s rows in walk order | md5 of question_subtree()
-- of each of its questions | md5 of question_ancestors() of each.  Two
-- databases (or nodes) with equal lines give the same answers.  As a
-- superuser: every campaign; as an app role with an identity: that user's.
SELECT c.id,
       (SELECT pg_catalog.count(*) FROM expert_network.question_tree(c.id)) AS questions,
       (SELECT pg_catalog.md5(pg_catalog.string_agg(w::text, E'\n' ORDER BY w.ordinality))
          FROM expert_network.question_tree(c.id) WITH ORDINALITY AS w) AS tree,
       (SELECT pg_catalog.md5(pg_catalog.string_agg(s::text, E'\n' ORDER BY q.id, s.ordinality))
          FROM expert_network.screening_questions AS q,
               expert_network.question_subtree(q.id) WITH ORDINALITY AS s
         WHERE q.campaign_id = c.id) AS subtrees,
       (SELECT pg_catalog.md5(pg_catalog.string_agg(a::text, E'\n' ORDER BY q.id, a.ordinality))
          FROM expert_network.screening_questions AS q,
               expert_network.question_ancestors(q.id) WITH ORDINALITY AS a
         WHERE q.campaign_id = c.id) AS ancestors
  FROM expert_network.campaigns AS c
 ORDER BY c.id;
