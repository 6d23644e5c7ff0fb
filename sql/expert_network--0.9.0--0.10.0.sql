/*
 * sql/expert_network--0.9.0--0.10.0.sql — compliance gates owned by the
 * database.
 *
 * - Per-user restricted lists (restricted_companies), experts' employment
 *   histories (expert_employments; experts.company follows the open-ended
 *   one), a campaign's subject companies, a compliance policy per user,
 *   per-interview attestations, exceptions and an append-only compliance
 *   log; each owner-keyed, under forced row-level security, dumped, erased
 *   by delete_user_data().
 * - company_key() and company_keys(): company names matched as people type
 *   them.
 * - compliance_gate: AFTER statement triggers on interviews screening every
 *   call booked, confirmed or completed (QC001, QC002, QC003);
 *   compliance_check() and compliance_conflicts() for a UI.
 * - A new access level, compliance, which alone approves exceptions.
 *
 * Every name is qualified, operators included.
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION expert_network UPDATE TO '0.10.0'" to load this file. \quit

/* ------------------------------------------------------------------------
 * Compliance gates (0.10.0): restricted lists, cooling-off periods,
 * per-call attestations, exceptions and an append-only compliance log
 *
 * The gates (C, src/compliance.c) screen every interview a statement makes
 * live, or moves to scheduled or confirmed, or re-dates: the expert's
 * employer on the call date must not be on the user's restricted list, and
 * the call must not fall in the cooling-off period after the expert left a
 * company that is one of the campaign's subject companies or on the list.
 * An interview moving to confirmed or completed needs an attestation when
 * the user's policy asks for one.  Each decision goes to compliance_log;
 * a refusal is an error (QC001, QC002, QC003) naming the rule and the
 * entry, and an exception approved by a compliance officer turns it into a
 * logged "excepted".  Companies match on their keys (src/companies.c):
 * case, accents, punctuation, spacing and legal forms do not count; tickers
 * and aliases do.
 * ------------------------------------------------------------------------ */

CREATE FUNCTION expert_network.company_key(name pg_catalog.text)
RETURNS pg_catalog.text
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'expert_network_company_key';

COMMENT ON FUNCTION expert_network.company_key(pg_catalog.text) IS
'A company name''s matching key: lower case, no accents, punctuation or spaces, no leading "the" or trailing legal form ("Acme Corp.", "ACME Corporation" and "acme inc" give "acme")';

CREATE FUNCTION expert_network.company_keys(company pg_catalog.text, ticker pg_catalog.text,
                                            aliases pg_catalog.text[])
RETURNS pg_catalog.text[]
LANGUAGE c IMMUTABLE PARALLEL SAFE
AS 'MODULE_PATHNAME', 'expert_network_company_keys';

COMMENT ON FUNCTION expert_network.company_keys(pg_catalog.text, pg_catalog.text, pg_catalog.text[]) IS
'The distinct keys of a company''s name, ticker ("$" and the ticker in upper case) and aliases: two companies match when their keys overlap (&&)';

CREATE TABLE expert_network.restricted_companies (
    id              uuid        NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
    company         text        NOT NULL,
    ticker          text,
    aliases         text[]      NOT NULL DEFAULT '{}'::text[],
    applies_from    date        NOT NULL DEFAULT CURRENT_DATE,
    applies_until   date,
    reason          text,
    match_keys      text[]      GENERATED ALWAYS AS (expert_network.company_keys(company, ticker, aliases)) STORED,
    created_at      timestamptz NOT NULL DEFAULT pg_catalog.now(),
    updated_at      timestamptz NOT NULL DEFAULT pg_catalog.now(),
    user_id text NOT NULL DEFAULT expert_network.current_user_id(),
    CONSTRAINT restricted_companies_pkey PRIMARY KEY (id),
    CONSTRAINT restricted_companies_company_check
        CHECK (expert_network.company_key(company) OPERATOR(pg_catalog.<>) ''),
    CONSTRAINT restricted_companies_dates_check CHECK (applies_until OPERATOR(pg_catalog.>=) applies_from)
);

COMMENT ON TABLE expert_network.restricted_companies IS 'The user''s restricted list: companies whose current employees are not to be consulted while an entry applies';
COMMENT ON COLUMN expert_network.restricted_companies.user_id IS 'Owner: the BetterAuth user id';
COMMENT ON COLUMN expert_network.restricted_companies.aliases IS 'Other names of the company, matched like its name';
COMMENT ON COLUMN expert_network.restricted_companies.applies_from IS 'First day the entry applies';
COMMENT ON COLUMN expert_network.restricted_companies.applies_until IS 'Last day the entry applies; NULL: until further notice';
COMMENT ON COLUMN expert_network.restricted_companies.match_keys IS 'company_keys(company, ticker, aliases)';

CREATE INDEX idx_restricted_companies_user ON expert_network.restricted_companies (user_id);
CREATE INDEX idx_restricted_companies_keys ON expert_network.restricted_companies USING gin (match_keys);

CREATE TABLE expert_network.expert_employments (
    id              uuid        NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
    expert_id       uuid        NOT NULL,
    company         text        NOT NULL,
    ticker          text,
    publicly_traded boolean     NOT NULL DEFAULT true,
    title           text,
    started_on      date,
    ended_on        date,
    match_keys      text[]      GENERATED ALWAYS AS (expert_network.company_keys(company, ticker, NULL)) STORED,
    created_at      timestamptz NOT NULL DEFAULT pg_catalog.now(),
    updated_at      timestamptz NOT NULL DEFAULT pg_catalog.now(),
    user_id text NOT NULL DEFAULT expert_network.current_user_id(),
    CONSTRAINT expert_employments_pkey PRIMARY KEY (id),
    CONSTRAINT expert_employments_expert_id_fkey FOREIGN KEY (expert_id, user_id)
        REFERENCES expert_network.experts (id, user_id) ON DELETE CASCADE,
    CONSTRAINT expert_employments_dates_check CHECK (ended_on OPERATOR(pg_catalog.>=) started_on)
);

COMMENT ON TABLE expert_network.expert_employments IS 'An expert''s employment history; the open-ended employment is the current employer, which experts.company follows';
COMMENT ON COLUMN expert_network.expert_employments.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';
COMMENT ON COLUMN expert_network.expert_employments.publicly_traded IS 'Whether the employer is a public company: which cooling-off period applies after leaving it';
COMMENT ON COLUMN expert_network.expert_employments.ended_on IS 'Last day of employment; NULL: current';
COMMENT ON COLUMN expert_network.expert_employments.match_keys IS 'company_keys(company, ticker, NULL)';

CREATE INDEX idx_expert_employments_expert ON expert_network.expert_employments (expert_id);
CREATE INDEX idx_expert_employments_user ON expert_network.expert_employments (user_id);
CREATE UNIQUE INDEX idx_expert_employments_current ON expert_network.expert_employments (expert_id)
    WHERE ended_on IS NULL;

CREATE TABLE expert_network.campaign_subject_companies (
    id              uuid        NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
    campaign_id     uuid        NOT NULL,
    company         text        NOT NULL,
    ticker          text,
    match_keys      text[]      GENERATED ALWAYS AS (expert_network.company_keys(company, ticker, NULL)) STORED,
    created_at      timestamptz NOT NULL DEFAULT pg_catalog.now(),
    user_id text NOT NULL DEFAULT expert_network.current_user_id(),
    CONSTRAINT campaign_subject_companies_pkey PRIMARY KEY (id),
    CONSTRAINT campaign_subject_companies_campaign_id_fkey FOREIGN KEY (campaign_id, user_id)
        REFERENCES expert_network.campaigns (id, user_id) ON DELETE CASCADE,
    CONSTRAINT campaign_subject_companies_company_check
        CHECK (expert_network.company_key(company) OPERATOR(pg_catalog.<>) '')
);

COMMENT ON TABLE expert_network.campaign_subject_companies IS 'The companies a campaign''s brief is about: former employees are in a cooling-off period for them';
COMMENT ON COLUMN expert_network.campaign_subject_companies.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';

CREATE INDEX idx_campaign_subject_companies_campaign ON expert_network.campaign_subject_companies (campaign_id);
CREATE INDEX idx_campaign_subject_companies_user ON expert_network.campaign_subject_companies (user_id);

CREATE TABLE expert_network.compliance_policies (
    user_id                     text        NOT NULL DEFAULT expert_network.current_user_id(),
    cooling_off_public_months   integer     NOT NULL DEFAULT 6,
    cooling_off_private_months  integer     NOT NULL DEFAULT 3,
    attestation_required        boolean     NOT NULL DEFAULT true,
    updated_at                  timestamptz NOT NULL DEFAULT pg_catalog.now(),
    CONSTRAINT compliance_policies_pkey PRIMARY KEY (user_id),
    CONSTRAINT compliance_policies_months_check
        CHECK (cooling_off_public_months OPERATOR(pg_catalog.>=) 0 AND cooling_off_public_months OPERATOR(pg_catalog.<=) 120
           AND cooling_off_private_months OPERATOR(pg_catalog.>=) 0 AND cooling_off_private_months OPERATOR(pg_catalog.<=) 120)
);

COMMENT ON TABLE expert_network.compliance_policies IS 'The user''s compliance policy; without a row: cooling-off 6 months (public) and 3 (private), attestations not required';
COMMENT ON COLUMN expert_network.compliance_policies.user_id IS 'Owner: the BetterAuth user id';
COMMENT ON COLUMN expert_network.compliance_policies.attestation_required IS 'Whether an interview is confirmed or completed only with an attestation';

CREATE TABLE expert_network.interview_attestations (
    id                  uuid        NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
    interview_id        uuid        NOT NULL,
    attested_by         text        NOT NULL,
    attested_at         timestamptz NOT NULL DEFAULT pg_catalog.now(),
    terms_version       text        NOT NULL,
    no_material_nonpublic_information boolean NOT NULL,
    no_conflicting_obligations        boolean NOT NULL,
    conflicts_disclosed text,
    user_id text NOT NULL DEFAULT expert_network.current_user_id(),
    CONSTRAINT interview_attestations_pkey PRIMARY KEY (id),
    CONSTRAINT interview_attestations_interview_id_fkey FOREIGN KEY (interview_id, user_id)
        REFERENCES expert_network.interviews (id, user_id) ON DELETE CASCADE,
    CONSTRAINT interview_attestations_statements_check
        CHECK (no_material_nonpublic_information AND no_conflicting_obligations)
);

COMMENT ON TABLE expert_network.interview_attestations IS 'The expert''s attestation before a call: no material non-public information, no obligation forbidding the discussion, conflicts disclosed';
COMMENT ON COLUMN expert_network.interview_attestations.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';
COMMENT ON COLUMN expert_network.interview_attestations.attested_by IS 'Who attested: the expert, as signed';
COMMENT ON COLUMN expert_network.interview_attestations.terms_version IS 'The version of the attestation terms';

CREATE INDEX idx_interview_attestations_interview ON expert_network.interview_attestations (interview_id);
CREATE INDEX idx_interview_attestations_user ON expert_network.interview_attestations (user_id);

CREATE TABLE expert_network.compliance_exceptions (
    id              uuid        NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
    expert_id       uuid        NOT NULL,
    rule            text        NOT NULL,
    reason          text        NOT NULL,
    approved_by     text        NOT NULL DEFAULT CURRENT_USER,
    approved_at     timestamptz NOT NULL DEFAULT pg_catalog.now(),
    expires_at      timestamptz NOT NULL,
    user_id text NOT NULL DEFAULT expert_network.current_user_id(),
    CONSTRAINT compliance_exceptions_pkey PRIMARY KEY (id),
    CONSTRAINT compliance_exceptions_expert_id_fkey FOREIGN KEY (expert_id, user_id)
        REFERENCES expert_network.experts (id, user_id) ON DELETE CASCADE,
    CONSTRAINT compliance_exceptions_rule_check
        CHECK (rule OPERATOR(pg_catalog.=) ANY (ARRAY['restricted_list', 'cooling_off', 'attestation']::text[])),
    CONSTRAINT compliance_exceptions_reason_check CHECK (pg_catalog.btrim(reason) OPERATOR(pg_catalog.<>) ''),
    CONSTRAINT compliance_exceptions_expiry_check CHECK (expires_at OPERATOR(pg_catalog.>) approved_at)
);

COMMENT ON TABLE expert_network.compliance_exceptions IS 'Exceptions to one rule for one expert, approved by a compliance officer (level compliance) with a reason, until they expire';
COMMENT ON COLUMN expert_network.compliance_exceptions.user_id IS 'Owner (the BetterAuth user id), always that of the row''s parents; filled in on insert';
COMMENT ON COLUMN expert_network.compliance_exceptions.rule IS 'restricted_list, cooling_off or attestation';
COMMENT ON COLUMN expert_network.compliance_exceptions.approved_by IS 'The role that approved it: set by the extension';
COMMENT ON COLUMN expert_network.compliance_exceptions.approved_at IS 'When it was approved: set by the extension';

CREATE INDEX idx_compliance_exceptions_expert ON expert_network.compliance_exceptions (expert_id);
CREATE INDEX idx_compliance_exceptions_user ON expert_network.compliance_exceptions (user_id);

CREATE TABLE expert_network.compliance_log (
    id              uuid        NOT NULL DEFAULT expert_network.uuid_v7(),
    user_id         text        NOT NULL DEFAULT expert_network.current_user_id(),
    logged_at       timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    interview_id    uuid,
    expert_id       uuid        NOT NULL,
    call_date       date        NOT NULL,
    rule            text        NOT NULL,
    decision        text        NOT NULL,
    detail          jsonb,
    exception_id    uuid,
    decided_by      text        NOT NULL DEFAULT CURRENT_USER,
    CONSTRAINT compliance_log_pkey PRIMARY KEY (id),
    CONSTRAINT compliance_log_rule_check
        CHECK (rule OPERATOR(pg_catalog.=) ANY (ARRAY['restricted_list', 'cooling_off', 'attestation']::text[])),
    CONSTRAINT compliance_log_decision_check
        CHECK (decision OPERATOR(pg_catalog.=) ANY (ARRAY['passed', 'refused', 'excepted']::text[]))
);

COMMENT ON TABLE expert_network.compliance_log IS 'Every decision of the compliance gates, in time order; written by the extension, never changed (erasure deletes a user''s rows)';
COMMENT ON COLUMN expert_network.compliance_log.interview_id IS 'The interview decided on; NULL for a screen logged by compliance_check()';
COMMENT ON COLUMN expert_network.compliance_log.detail IS 'What decided a refusal or an exception: the company, the list entry, the dates';
COMMENT ON COLUMN expert_network.compliance_log.decided_by IS 'The role whose statement was screened';

CREATE INDEX idx_compliance_log_user ON expert_network.compliance_log (user_id);
CREATE INDEX idx_compliance_log_expert ON expert_network.compliance_log (expert_id);

CREATE FUNCTION expert_network.compliance_gate()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_compliance_gate';

COMMENT ON FUNCTION expert_network.compliance_gate() IS
'AFTER INSERT and AFTER UPDATE statement trigger on interviews: screens the calls the statement books, confirms or completes against the restricted list, cooling-off periods and attestations (QC001, QC002, QC003) and logs every decision';

CREATE FUNCTION expert_network.protect_compliance_log()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_protect_compliance_log';

COMMENT ON FUNCTION expert_network.protect_compliance_log() IS
'BEFORE statement trigger on compliance_log: only the gates write it, delete_user_data erases it; a restore loads it';

CREATE FUNCTION expert_network.stamp_exception()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_stamp_exception';

COMMENT ON FUNCTION expert_network.stamp_exception() IS
'BEFORE row trigger on compliance_exceptions: approved_by is the approving role and approved_at the time of approval';

CREATE FUNCTION expert_network.follow_current_employment()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_follow_current_employment';

COMMENT ON FUNCTION expert_network.follow_current_employment() IS
'Triggers on expert_employments and experts: experts.company is the open-ended employment''s company (NULL when the expert''s employments have ended), and is not set to another';

CREATE FUNCTION expert_network.compliance_check(expert_id pg_catalog.uuid,
                                                call_date pg_catalog.date DEFAULT CURRENT_DATE,
                                                log pg_catalog.bool DEFAULT false)
RETURNS TABLE (rule pg_catalog.text, decision pg_catalog.text, passed pg_catalog.bool, reason pg_catalog.text,
               company pg_catalog.text, entry_id pg_catalog.uuid, clears_on pg_catalog.date,
               exception_id pg_catalog.uuid)
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_compliance_check';

COMMENT ON FUNCTION expert_network.compliance_check(pg_catalog.uuid, pg_catalog.date, pg_catalog.bool) IS
'The screen of a call with the expert on call_date, gate by gate (restricted_list, cooling_off, attestation): passed or not, why, and when it clears; log => true appends the decisions to compliance_log';

CREATE FUNCTION expert_network.compliance_conflicts()
RETURNS TABLE (interview_id pg_catalog.uuid, expert_id pg_catalog.uuid, call_date pg_catalog.date,
               rule pg_catalog.text, reason pg_catalog.text, company pg_catalog.text,
               entry_id pg_catalog.uuid, clears_on pg_catalog.date)
LANGUAGE c STABLE
AS 'MODULE_PATHNAME', 'expert_network_compliance_conflicts';

COMMENT ON FUNCTION expert_network.compliance_conflicts() IS
'Every live interview the caller sees that the gates would now refuse (a restricted-list entry, an employment or a subject company added since it was booked), with the rule and the entry';

CREATE TRIGGER compliance_gate_insert AFTER INSERT ON expert_network.interviews
    REFERENCING NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.compliance_gate();
CREATE TRIGGER compliance_gate_update AFTER UPDATE ON expert_network.interviews
    REFERENCING OLD TABLE AS en_old NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.compliance_gate();
CREATE TRIGGER protect_compliance_log BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON expert_network.compliance_log
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.protect_compliance_log();
CREATE TRIGGER stamp_exception BEFORE INSERT OR UPDATE ON expert_network.compliance_exceptions
    FOR EACH ROW EXECUTE FUNCTION expert_network.stamp_exception();
CREATE TRIGGER follow_current_employment_insert AFTER INSERT ON expert_network.expert_employments
    REFERENCING NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.follow_current_employment();
CREATE TRIGGER follow_current_employment_update AFTER UPDATE ON expert_network.expert_employments
    REFERENCING OLD TABLE AS en_old NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.follow_current_employment();
CREATE TRIGGER follow_current_employment_delete AFTER DELETE ON expert_network.expert_employments
    REFERENCING OLD TABLE AS en_old
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.follow_current_employment();
CREATE TRIGGER follow_current_employment BEFORE UPDATE OF company ON expert_network.experts
    FOR EACH ROW WHEN (OLD.company IS DISTINCT FROM NEW.company)
    EXECUTE FUNCTION expert_network.follow_current_employment();

CREATE TRIGGER set_updated_at BEFORE UPDATE ON expert_network.restricted_companies
    FOR EACH ROW EXECUTE FUNCTION expert_network.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON expert_network.expert_employments
    FOR EACH ROW EXECUTE FUNCTION expert_network.set_updated_at();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON expert_network.compliance_policies
    FOR EACH ROW EXECUTE FUNCTION expert_network.set_updated_at();

-- every table of a user's compliance data is scoped like the others
ALTER TABLE expert_network.restricted_companies ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.restricted_companies
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.restricted_companies
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.restricted_companies
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();
ALTER TABLE expert_network.expert_employments ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.expert_employments
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.expert_employments
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.expert_employments
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();
ALTER TABLE expert_network.campaign_subject_companies ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.campaign_subject_companies
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.campaign_subject_companies
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.campaign_subject_companies
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();
ALTER TABLE expert_network.compliance_policies ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.compliance_policies
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.compliance_policies
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.compliance_policies
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();
ALTER TABLE expert_network.interview_attestations ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.interview_attestations
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.interview_attestations
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.interview_attestations
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();
ALTER TABLE expert_network.compliance_exceptions ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.compliance_exceptions
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.compliance_exceptions
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.compliance_exceptions
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();
ALTER TABLE expert_network.compliance_log ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.compliance_log
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.compliance_log
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.compliance_log
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();

REVOKE ALL ON FUNCTION expert_network.company_key(pg_catalog.text) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.company_keys(pg_catalog.text, pg_catalog.text, pg_catalog.text[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.compliance_gate() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.protect_compliance_log() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.stamp_exception() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.follow_current_employment() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.compliance_check(pg_catalog.uuid, pg_catalog.date, pg_catalog.bool) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.compliance_conflicts() FROM PUBLIC;

SELECT pg_catalog.pg_extension_config_dump('expert_network.restricted_companies', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.expert_employments', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.campaign_subject_companies', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.compliance_policies', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.interview_attestations', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.compliance_exceptions', '');
SELECT pg_catalog.pg_extension_config_dump('expert_network.compliance_log', '');

ALTER TABLE expert_network.access_levels DROP CONSTRAINT access_levels_level_check;
ALTER TABLE expert_network.access_levels ADD CONSTRAINT access_levels_level_check
    CHECK (level OPERATOR(pg_catalog.=) ANY (ARRAY['readonly', 'app', 'compliance', 'admin']::pg_catalog.text[]));
COMMENT ON COLUMN expert_network.access_levels.level IS 'readonly, app, compliance or admin';

COMMENT ON FUNCTION expert_network.grant_access(regrole, text, boolean) IS
'Gives a role exactly the privileges of an access level, whoever granted it what it had: readonly (read own rows), app (read and write own rows, but not the restricted list, the compliance policy or compliance exceptions), compliance (app, and those), admin (app, and the vendor catalog and delete_user_data); may_set_identity false withholds set_user_id(), the right to act as an application user';

-- what a fresh install gives the role that installed it (@extowner@ would
-- name the role running this update, not the extension's owner)
DO $$
DECLARE
    owner pg_catalog.text;
BEGIN
    SELECT pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(e.extowner)) INTO STRICT owner
      FROM pg_catalog.pg_extension AS e WHERE e.extname OPERATOR(pg_catalog.=) 'expert_network';
    EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE expert_network.restricted_companies,'
            ' expert_network.expert_employments, expert_network.campaign_subject_companies,'
            ' expert_network.compliance_policies, expert_network.interview_attestations,'
            ' expert_network.compliance_exceptions, expert_network.compliance_log TO '
            OPERATOR(pg_catalog.||) owner OPERATOR(pg_catalog.||) ' WITH GRANT OPTION';
    EXECUTE 'GRANT EXECUTE ON FUNCTION expert_network.company_key(pg_catalog.text),'
            ' expert_network.company_keys(pg_catalog.text, pg_catalog.text, pg_catalog.text[]),'
            ' expert_network.compliance_gate(), expert_network.protect_compliance_log(),'
            ' expert_network.stamp_exception(), expert_network.follow_current_employment(),'
            ' expert_network.compliance_check(pg_catalog.uuid, pg_catalog.date, pg_catalog.bool),'
            ' expert_network.compliance_conflicts() TO '
            OPERATOR(pg_catalog.||) owner OPERATOR(pg_catalog.||) ' WITH GRANT OPTION';
END
$$;

-- every recorded role gets exactly its level on 0.10.0's objects
SELECT pg_catalog.count(*) FROM expert_network.apply_access_levels();
