/*
 * sql/expert_network--0.4.0--0.5.0.sql — screeners as trees.
 *
 * The walks question_tree(), question_subtree(), question_ancestors(); the
 * integrity triggers on screening_questions and expert_screening_responses;
 * move_question() and copy_question_tree(); an index on each campaign's
 * top-level questions.  Existing rows are not re-checked: the triggers check
 * writes.  A screener that already breaks the rules (a parent in another
 * campaign, a cycle, written with triggers off) makes the walks stop with
 * data_corrupted (XX001) rather than loop.
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION expert_network UPDATE TO '0.5.0'" to load this file. \quit

-- A campaign's top-level questions: the first level of every outline.
-- question_ancestors() reads them to number the top of a chain,
-- move_question() to renumber the top level, copy_question_tree() to append
-- after the last; without it each of these reads the whole campaign through
-- idx_screening_campaign.  (With display_order as a second column the
-- planner would not use it: it prefers idx_screening_campaign's heap order.)
CREATE INDEX idx_screening_top ON expert_network.screening_questions (campaign_id)
    WHERE parent_question_id IS NULL;

CREATE FUNCTION expert_network.question_tree(campaign_id pg_catalog.uuid)
RETURNS TABLE (id pg_catalog.uuid, parent_question_id pg_catalog.uuid, depth pg_catalog.int4,
               "position" pg_catalog.text, path pg_catalog.uuid[], question_text pg_catalog.text,
               question_type pg_catalog.text, options pg_catalog.jsonb, display_order pg_catalog.int4)
LANGUAGE c STABLE STRICT PARALLEL RESTRICTED ROWS 50
AS 'MODULE_PATHNAME', 'expert_network_question_tree';

COMMENT ON FUNCTION expert_network.question_tree(pg_catalog.uuid) IS
'The campaign''s screening questions as an outline, depth first, siblings by display_order, created_at, id: depth (0 at the top), position (outline number such as 1.2.1) and path (ids from the top-level question down)';

CREATE FUNCTION expert_network.question_subtree(question_id pg_catalog.uuid)
RETURNS TABLE (id pg_catalog.uuid, parent_question_id pg_catalog.uuid, depth pg_catalog.int4,
               "position" pg_catalog.text, path pg_catalog.uuid[], question_text pg_catalog.text,
               question_type pg_catalog.text, options pg_catalog.jsonb, display_order pg_catalog.int4)
LANGUAGE c STABLE STRICT PARALLEL RESTRICTED ROWS 10
AS 'MODULE_PATHNAME', 'expert_network_question_subtree';

COMMENT ON FUNCTION expert_network.question_subtree(pg_catalog.uuid) IS
'The question and the questions below it, in the order, depths and positions of question_tree(); an unknown question is an error (P0002)';

CREATE FUNCTION expert_network.question_ancestors(question_id pg_catalog.uuid)
RETURNS TABLE (id pg_catalog.uuid, parent_question_id pg_catalog.uuid, depth pg_catalog.int4,
               "position" pg_catalog.text, path pg_catalog.uuid[], question_text pg_catalog.text,
               question_type pg_catalog.text, options pg_catalog.jsonb, display_order pg_catalog.int4)
LANGUAGE c STABLE STRICT PARALLEL RESTRICTED ROWS 4
AS 'MODULE_PATHNAME', 'expert_network_question_ancestors';

COMMENT ON FUNCTION expert_network.question_ancestors(pg_catalog.uuid) IS
'The questions above the question, top-level first, then the question itself, with the columns of question_tree(); an unknown question is an error (P0002)';

CREATE FUNCTION expert_network.move_question(question_id pg_catalog.uuid, new_parent_id pg_catalog.uuid,
                                             new_position pg_catalog.int4)
RETURNS pg_catalog.void
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_move_question';

COMMENT ON FUNCTION expert_network.move_question(pg_catalog.uuid, pg_catalog.uuid, pg_catalog.int4) IS
'Moves a question under new_parent_id (NULL: to the top level) at the 1-based new_position among its new siblings (past the end: last); renumbers the old and the new siblings 1..n';

CREATE FUNCTION expert_network.copy_question_tree(from_campaign pg_catalog.uuid, to_campaign pg_catalog.uuid)
RETURNS pg_catalog.int4
LANGUAGE c STRICT
AS 'MODULE_PATHNAME', 'expert_network_copy_question_tree';

COMMENT ON FUNCTION expert_network.copy_question_tree(pg_catalog.uuid, pg_catalog.uuid) IS
'Copies a campaign''s screener (new ids, same shape, texts, types, options and order) under another campaign, after its top-level questions; returns the number of questions copied';

CREATE FUNCTION expert_network.question_integrity()
RETURNS pg_catalog.trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_question_integrity';

COMMENT ON FUNCTION expert_network.question_integrity() IS
'BEFORE INSERT OR UPDATE row trigger on screening_questions: a parent in the same campaign, no question its own ancestor, depth below expert_network.max_question_depth, no change of campaign leaving sub-questions or responses behind (23514)';

CREATE FUNCTION expert_network.response_integrity()
RETURNS pg_catalog.trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_response_integrity';

COMMENT ON FUNCTION expert_network.response_integrity() IS
'BEFORE INSERT OR UPDATE row trigger on expert_screening_responses: the question answered is one of the expert''s campaign (23514)';

-- named to fire after a_enforce_owner: a reference to another user's row is
-- refused as such (42501) before these rules look at it
CREATE TRIGGER question_integrity BEFORE INSERT OR UPDATE ON expert_network.screening_questions
    FOR EACH ROW EXECUTE FUNCTION expert_network.question_integrity();
CREATE TRIGGER response_integrity BEFORE INSERT OR UPDATE ON expert_network.expert_screening_responses
    FOR EACH ROW EXECUTE FUNCTION expert_network.response_integrity();

REVOKE ALL ON FUNCTION expert_network.question_tree(pg_catalog.uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.question_subtree(pg_catalog.uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.question_ancestors(pg_catalog.uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.move_question(pg_catalog.uuid, pg_catalog.uuid, pg_catalog.int4) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.copy_question_tree(pg_catalog.uuid, pg_catalog.uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.question_integrity() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.response_integrity() FROM PUBLIC;

GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA expert_network TO @extowner@ WITH GRANT OPTION;
