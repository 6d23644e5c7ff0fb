/*
 * sql/expert_network--0.15.0--0.16.0.sql — 0.16.0.
 *
 * Issue 14, the cost of a logged decision: the gates' rules and decisions
 * become enum types (compliance_log.rule and .decision,
 * compliance_exceptions.rule), so that writing the log no longer compiles
 * two CHECK constraints per statement; the log keeps one index besides its
 * key, (user_id, expert_id), which serves what its two single-column
 * indexes served.  A value outside the set is refused with 22P02, as for
 * the statuses of 0.15.0.  Nothing reads these columns in a view, and no
 * grant changes: the tables keep theirs.
 *
 * Every name is qualified, operators included.
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION expert_network UPDATE TO '0.16.0'" to load this file. \quit

CREATE TYPE expert_network.compliance_rule AS ENUM ('restricted_list', 'cooling_off', 'attestation');
COMMENT ON TYPE expert_network.compliance_rule IS 'A compliance gate (compliance_exceptions.rule, compliance_log.rule)';

CREATE TYPE expert_network.compliance_decision AS ENUM ('passed', 'refused', 'excepted');
COMMENT ON TYPE expert_network.compliance_decision IS 'A gate''s decision on a call (compliance_log.decision)';

ALTER TABLE expert_network.compliance_exceptions
    DROP CONSTRAINT compliance_exceptions_rule_check,
    ALTER COLUMN rule TYPE expert_network.compliance_rule
        USING rule::pg_catalog.text::expert_network.compliance_rule;
COMMENT ON COLUMN expert_network.compliance_exceptions.rule IS 'The rule excepted: restricted_list, cooling_off or attestation';

ALTER TABLE expert_network.compliance_log
    DROP CONSTRAINT compliance_log_rule_check,
    DROP CONSTRAINT compliance_log_decision_check,
    ALTER COLUMN rule TYPE expert_network.compliance_rule
        USING rule::pg_catalog.text::expert_network.compliance_rule,
    ALTER COLUMN decision TYPE expert_network.compliance_decision
        USING decision::pg_catalog.text::expert_network.compliance_decision;

DROP INDEX expert_network.idx_compliance_log_user;
DROP INDEX expert_network.idx_compliance_log_expert;
CREATE INDEX idx_compliance_log_user_expert ON expert_network.compliance_log (user_id, expert_id);
