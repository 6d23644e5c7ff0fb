/*
 * demo/compliance.sql — the compliance gates (0.10.0) on the sample data:
 * the client's restricted list refuses a call, a compliance officer's
 * exception clears it, and the log keeps every decision.  Load after
 * demo/sample.sql, as the database owner (it creates the role
 * demo_compliance_officer if the cluster has none, and gives it the
 * compliance level in this database).  It also gives every compliance
 * table a row, for the dump and restore test.
 */
\set QUIET on
\set ON_ERROR_STOP on
\pset footer off
\pset linestyle unicode
\pset border 2
\pset pager off

SELECT 'CREATE ROLE demo_compliance_officer'
 WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'demo_compliance_officer') \gexec
SELECT expert_network.grant_access('demo_compliance_officer', 'compliance') \gset

SET expert_network.user_id = 'user_demo_1';
\set nadia '50000000-0000-4000-8000-000000000007'

-- the client's compliance data: its policy and its restricted list,
-- written by its compliance team (level compliance); the target of the due
-- diligence and Nadia Fournier's employment history, by the research team
SET ROLE demo_compliance_officer;
INSERT INTO expert_network.compliance_policies (cooling_off_public_months, cooling_off_private_months, attestation_required)
VALUES (6, 3, true);
INSERT INTO expert_network.restricted_companies (id, company, ticker, aliases, applies_from, reason) VALUES
('b1000000-0000-4000-8000-000000000001', 'Laurentian Paperboard Inc.', 'LPB', ARRAY['Laurentian Paper'], '2024-09-01',
 'Long position in LPB since September 2024'),
('b1000000-0000-4000-8000-000000000002', 'Kestrel Motion Systems', NULL, '{}', '2024-01-15',
 'Advisory mandate'),
('b1000000-0000-4000-8000-000000000003', 'Summit Consumer Products', 'SCP', '{}', '2024-09-26',
 'New short position, added after the call was booked');
RESET ROLE;
INSERT INTO expert_network.campaign_subject_companies (id, campaign_id, company) VALUES
('b2000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001', 'Vantor Drives');
INSERT INTO expert_network.expert_employments (id, expert_id, company, ticker, publicly_traded, title, started_on, ended_on) VALUES
('b3000000-0000-4000-8000-000000000001', :'nadia', 'Kestrel Motion Systems', NULL, false, 'Maintenance Engineer', '2012-03-01', '2019-04-30'),
('b3000000-0000-4000-8000-000000000002', :'nadia', 'LAURENTIAN PAPERBOARD', 'lpb', true, 'Reliability Manager', '2019-05-01', NULL);

\echo
\echo '── Compliance: a call screened against the client''s restricted list'
\echo 'Nadia Fournier works at "LAURENTIAN PAPERBOARD" (ticker lpb); the list has "Laurentian Paperboard Inc." (LPB).'
\echo 'The screen before booking a call on 2 October 2024:'
SELECT rule, decision, reason FROM expert_network.compliance_check(:'nadia', '2024-10-02');

\echo 'Booking it anyway is refused, with the rule, the entry and how it clears:'
\set ON_ERROR_STOP off
SELECT expert_network.schedule_interview(:'nadia', '2024-10-02', '15:00', 45, 'America/Toronto');
\set ON_ERROR_STOP on
-- the screen the user was shown is kept on record
SELECT count(*) FROM expert_network.compliance_check(:'nadia', '2024-10-02', log => true) \gset

\echo 'A compliance officer (level compliance) approves an exception for this expert and rule:'
SET ROLE demo_compliance_officer;
INSERT INTO expert_network.compliance_exceptions (id, expert_id, rule, reason, expires_at)
VALUES ('b4000000-0000-4000-8000-000000000001', :'nadia', 'restricted_list',
        'Topic is automation purchasing, unrelated to the LPB position; call chaperoned by compliance',
        now() + interval '30 days');
SELECT rule, reason, approved_by FROM expert_network.compliance_exceptions;
RESET ROLE;

\echo 'The call is booked; before it is confirmed the expert attests:'
SELECT expert_network.schedule_interview(:'nadia', '2024-10-02', '15:00', 45, 'America/Toronto') AS call \gset
INSERT INTO expert_network.interview_attestations (id, interview_id, attested_by, terms_version,
       no_material_nonpublic_information, no_conflicting_obligations, conflicts_disclosed)
VALUES ('b5000000-0000-4000-8000-000000000001', :'call', 'Nadia Fournier', 'atlas-2024-09', true, true,
        'Holds no LPB options; spouse works in LPB finance (disclosed)');
UPDATE expert_network.interviews SET status = 'confirmed' WHERE id = :'call';

\echo 'The compliance log, oldest first:'
SELECT to_char(l.logged_at, 'HH24:MI:SS') AS at, coalesce(i.scheduled_date::text, 'screen') AS call,
       l.rule, l.decision, coalesce(l.detail->>'entry', '') AS entry, l.decided_by AS "role"
  FROM expert_network.compliance_log l LEFT JOIN expert_network.interviews i ON i.id = l.interview_id
 WHERE l.expert_id = :'nadia' ORDER BY l.id;

\echo 'A list entry added on 26 September puts a call booked earlier in conflict; nothing is re-screened silently:'
SELECT e.name, c.call_date, c.rule, c.company FROM expert_network.compliance_conflicts() c
  JOIN expert_network.experts e ON e.id = c.expert_id;
