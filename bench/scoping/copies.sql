-- bench/scoping/copies.sql — the tables of variants (C) and (D): copies of
-- expert_network.experts, same rows in the same physical order, same
-- columns and indexes, no triggers, each with one policy of its own.
-- psql variable: copy (experts_seed002 or experts_setting).
\set ON_ERROR_STOP on

-- (person_key, generated in experts since 0.13.0, is a plain column here,
-- holding the same values: an INSERT cannot write a generated column)
CREATE TABLE bench.:copy (LIKE expert_network.experts INCLUDING ALL EXCLUDING GENERATED);
-- a sequential scan returns the rows in physical order
INSERT INTO bench.:copy SELECT * FROM expert_network.experts;
