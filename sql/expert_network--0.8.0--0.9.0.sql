/*
 * sql/expert_network--0.8.0--0.9.0.sql — screeners checked on each
 * statement's final state.
 *
 * - question_integrity() and response_integrity() become AFTER INSERT and
 *   AFTER UPDATE statement triggers over the transition tables, in place of
 *   BEFORE row triggers: a statement is judged on the trees it leaves, so
 *   an UPDATE that swaps a parent and its child, or moves a whole screener
 *   to another campaign, is accepted, and a cycle written by one statement
 *   is still refused.  The rules and their errors are unchanged.
 * - (In the module: the walks, the editing functions and the checks are
 *   rewritten on PostgreSQL's own interfaces, with no change of behaviour;
 *   question_ancestors() called for many questions of one screener in one
 *   query reads that screener once.)
 *
 * Every name is qualified, operators included.
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION expert_network UPDATE TO '0.9.0'" to load this file. \quit

DROP TRIGGER question_integrity ON expert_network.screening_questions;
DROP TRIGGER response_integrity ON expert_network.expert_screening_responses;

COMMENT ON FUNCTION expert_network.question_integrity() IS
'AFTER INSERT and AFTER UPDATE statement trigger on screening_questions, checking the statement''s final state: a parent in the same campaign, no question its own ancestor, depth below expert_network.max_question_depth, no change of campaign leaving sub-questions or responses behind (23514)';

COMMENT ON FUNCTION expert_network.response_integrity() IS
'AFTER INSERT and AFTER UPDATE statement trigger on expert_screening_responses: the question answered is one of the expert''s campaign (23514)';

-- once per statement, on what it leaves: after the row triggers, so that a
-- reference to another user's row is refused as such (42501), and after the
-- foreign keys' checks
CREATE TRIGGER question_integrity_insert AFTER INSERT ON expert_network.screening_questions
    REFERENCING NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.question_integrity();
CREATE TRIGGER question_integrity_update AFTER UPDATE ON expert_network.screening_questions
    REFERENCING OLD TABLE AS en_old NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.question_integrity();
CREATE TRIGGER response_integrity_insert AFTER INSERT ON expert_network.expert_screening_responses
    REFERENCING NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.response_integrity();
CREATE TRIGGER response_integrity_update AFTER UPDATE ON expert_network.expert_screening_responses
    REFERENCING OLD TABLE AS en_old NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.response_integrity();

-- every recorded role gets exactly its level on 0.9.0's objects
SELECT pg_catalog.count(*) FROM expert_network.apply_access_levels();
