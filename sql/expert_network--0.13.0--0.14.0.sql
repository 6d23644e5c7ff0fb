/*
 * sql/expert_network--0.13.0--0.14.0.sql — 0.14.0.
 *
 * Indexes for look-ups under row-level security.  Every policy adds
 * user_id = current_user_id() to every query, the extension's own
 * included.  The per-row look-ups of the gates and triggers used indexes of
 * the key alone; planned without statistics (a bulk load in one
 * transaction) such a look-up was ANDed with the user's index, which reads
 * all the user's rows once for each row looked up: 100,000 interviews in
 * one INSERT ... SELECT took 9 times as long per row as 1,000
 * (bench/bulk.sh).  Each index below is made again as (key, user_id), under
 * its name: an index of the key alone is its prefix, so nothing that used
 * it loses it.
 *
 * No object is added: no grants change.
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION expert_network UPDATE TO '0.14.0'" to load this file. \quit

DROP INDEX expert_network.idx_interviews_expert;
CREATE INDEX idx_interviews_expert ON expert_network.interviews (expert_id, user_id);

DROP INDEX expert_network.idx_interview_team_member;
CREATE INDEX idx_interview_team_member ON expert_network.interview_team_assignments (team_member_id, user_id);

DROP INDEX expert_network.idx_expert_employments_expert;
CREATE INDEX idx_expert_employments_expert ON expert_network.expert_employments (expert_id, user_id);

DROP INDEX expert_network.idx_interview_attestations_interview;
CREATE INDEX idx_interview_attestations_interview ON expert_network.interview_attestations (interview_id, user_id);

DROP INDEX expert_network.idx_compliance_exceptions_expert;
CREATE INDEX idx_compliance_exceptions_expert ON expert_network.compliance_exceptions (expert_id, user_id);

DROP INDEX expert_network.idx_campaign_subject_companies_campaign;
CREATE INDEX idx_campaign_subject_companies_campaign ON expert_network.campaign_subject_companies (campaign_id, user_id);
