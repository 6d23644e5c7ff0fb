/*
 * sql/expert_network--0.12.0--0.13.0.sql — 0.13.0.
 *
 * Issue 15, one person, one calendar: experts.profile_url, email and the
 * generated person_key (person_key()); interviews.starts_at and ends_at
 * (interview_starts_at(), interview_ends_at()); call_caps; the view
 * expert_duplicates; booking_gate on interviews, interview_team_assignments
 * and experts.
 *
 * Every name is qualified, operators included.
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION expert_network UPDATE TO '0.13.0'" to load this file. \quit

/* ------------------------------------------------------------------------
 * Issue 15 (one person, one calendar)
 * ------------------------------------------------------------------------ */

-- interviews.starts_at is generated from the time zone: a zone PostgreSQL
-- does not know (written by a plain INSERT before 0.13.0) would stop the
-- update half-way; refuse it first, naming the interviews
DO $$
DECLARE
    zone pg_catalog.text;
    bad pg_catalog.text := '';
BEGIN
    FOR zone IN SELECT DISTINCT i.timezone FROM expert_network.interviews AS i LOOP
        BEGIN
            PERFORM pg_catalog.timezone(zone, '2000-01-01 00:00'::pg_catalog.timestamp);
        EXCEPTION WHEN invalid_parameter_value THEN
            bad := bad OPERATOR(pg_catalog.||) pg_catalog.format(' %L', zone);
        END;
    END LOOP;
    IF bad OPERATOR(pg_catalog.<>) '' THEN
        RAISE EXCEPTION 'interviews have time zones PostgreSQL does not know:%', bad
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Correct expert_network.interviews.timezone (names from pg_timezone_names), then update.';
    END IF;
END
$$;

/* ------------------------------------------------------------------------
 * One person, one calendar (0.13.0; issue 15): the person behind each
 * expert row, duplicates across networks, one booking per person per
 * campaign, call caps, and no overlapping calls for a person or a team
 * member
 *
 * experts.person_key is generated from the strongest contact detail of the
 * row (person_key(), src/persons.c): the profile URL, else the e-mail, else
 * the name and current company, normalized.  interviews.starts_at and
 * ends_at are the call's absolute start and end, from its date, time,
 * duration and time zone (PostgreSQL's AT TIME ZONE).  booking_gate (C,
 * src/calendar.c), an AFTER statement trigger on interviews, their team
 * assignments and experts, refuses a second expert row of one person in a
 * campaign (QC004), a call beyond the user's call cap (QC005) and
 * overlapping live calls of one person (QC006) or one team member (QC007),
 * under advisory locks per person and team member.
 * ------------------------------------------------------------------------ */

CREATE FUNCTION expert_network.person_key(profile_url pg_catalog.text, email pg_catalog.text,
                                          name pg_catalog.text, company pg_catalog.text)
RETURNS pg_catalog.text
LANGUAGE c IMMUTABLE PARALLEL SAFE
AS 'MODULE_PATHNAME', 'expert_network_person_key';

COMMENT ON FUNCTION expert_network.person_key(pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text) IS
'A person''s identity key from the strongest detail given: "url:" and the normalized profile URL, else "email:" and the normalized address, else "name:" and the name''s and company''s keys (company_key); NULL without any';

CREATE FUNCTION expert_network.interview_starts_at(scheduled_date pg_catalog.date, scheduled_time pg_catalog.time,
                                                   timezone pg_catalog.text)
RETURNS pg_catalog.timestamptz
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'expert_network_interview_starts_at';

COMMENT ON FUNCTION expert_network.interview_starts_at(pg_catalog.date, pg_catalog.time, pg_catalog.text) IS
'The absolute start of a call at a local date and time in a time zone: (date + time) AT TIME ZONE timezone, daylight-saving changes as PostgreSQL resolves them; an unknown zone fails with 22023';

CREATE FUNCTION expert_network.interview_ends_at(scheduled_date pg_catalog.date, scheduled_time pg_catalog.time,
                                                 duration_minutes pg_catalog.int4, timezone pg_catalog.text)
RETURNS pg_catalog.timestamptz
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'expert_network_interview_ends_at';

COMMENT ON FUNCTION expert_network.interview_ends_at(pg_catalog.date, pg_catalog.time, pg_catalog.int4, pg_catalog.text) IS
'The absolute end of a call: its start plus duration_minutes of elapsed time';

ALTER TABLE expert_network.experts
    ADD COLUMN profile_url text,
    ADD COLUMN email text,
    ADD COLUMN person_key text
        GENERATED ALWAYS AS (expert_network.person_key(profile_url, email, name, company)) STORED;

COMMENT ON COLUMN expert_network.experts.profile_url IS 'The person''s profile URL (e.g. LinkedIn), the strongest identity key';
COMMENT ON COLUMN expert_network.experts.email IS 'The person''s e-mail address, the identity key when there is no profile URL';
COMMENT ON COLUMN expert_network.experts.person_key IS 'The person behind the row (generated by person_key()): rows of one user with the same key are the same person';

CREATE INDEX idx_experts_person ON expert_network.experts (user_id, person_key);

ALTER TABLE expert_network.interviews
    ADD COLUMN starts_at timestamptz
        GENERATED ALWAYS AS (expert_network.interview_starts_at(scheduled_date, scheduled_time, timezone)) STORED,
    ADD COLUMN ends_at timestamptz
        GENERATED ALWAYS AS (expert_network.interview_ends_at(scheduled_date, scheduled_time, duration_minutes, timezone)) STORED;

COMMENT ON COLUMN expert_network.interviews.starts_at IS 'The call''s absolute start: scheduled_date and scheduled_time in timezone (generated)';
COMMENT ON COLUMN expert_network.interviews.ends_at IS 'The call''s absolute end: starts_at plus duration_minutes (generated)';

CREATE TABLE expert_network.call_caps (
    user_id     text        NOT NULL DEFAULT expert_network.current_user_id(),
    max_calls   integer     NOT NULL,
    call_window interval    NOT NULL DEFAULT '12 mons',
    updated_at  timestamptz NOT NULL DEFAULT pg_catalog.now(),
    CONSTRAINT call_caps_pkey PRIMARY KEY (user_id),
    CONSTRAINT call_caps_max_calls_check
        CHECK (max_calls OPERATOR(pg_catalog.>=) 1 AND max_calls OPERATOR(pg_catalog.<=) 10000),
    CONSTRAINT call_caps_call_window_check
        CHECK (call_window OPERATOR(pg_catalog.>) '00:00:00'::pg_catalog.interval
           AND call_window OPERATOR(pg_catalog.<=) '10 years'::pg_catalog.interval)
);

COMMENT ON TABLE expert_network.call_caps IS 'The user''s call cap: at most max_calls live or completed calls with one person in any call_window, across campaigns and vendors; without a row, no cap';
COMMENT ON COLUMN expert_network.call_caps.user_id IS 'Owner: the BetterAuth user id';
COMMENT ON COLUMN expert_network.call_caps.max_calls IS 'Calls allowed with one person in a window';
COMMENT ON COLUMN expert_network.call_caps.call_window IS 'The rolling window (default 12 months)';

CREATE VIEW expert_network.expert_duplicates WITH (security_invoker = true) AS
    SELECT x.user_id, x.person_key,
           pg_catalog.count(*) AS expert_rows,
           pg_catalog.array_agg(x.id ORDER BY x.created_at, x.id) AS expert_ids,
           pg_catalog.array_agg(DISTINCT v.name) AS vendors,
           pg_catalog.array_agg(DISTINCT x.campaign_id) AS campaign_ids,
           (pg_catalog.array_agg(x.id ORDER BY x.created_at, x.id))[1] AS first_expert_id,
           (pg_catalog.array_agg(v.id ORDER BY x.created_at, x.id))[1] AS first_vendor_id,
           (pg_catalog.array_agg(v.name ORDER BY x.created_at, x.id))[1] AS first_vendor,
           pg_catalog.min(x.created_at) AS first_proposed_at
      FROM expert_network.experts AS x
      JOIN expert_network.vendor_platforms AS v ON v.id OPERATOR(pg_catalog.=) x.vendor_platform_id
     WHERE x.person_key IS NOT NULL
     GROUP BY x.user_id, x.person_key
    HAVING pg_catalog.count(*) OPERATOR(pg_catalog.>) 1;

COMMENT ON VIEW expert_network.expert_duplicates IS
'Every group of expert rows of one user that are the same person (one person_key), across vendors and campaigns, with the row and vendor that proposed the person first (created_at, then id); security invoker: row-level security applies';

CREATE FUNCTION expert_network.booking_gate()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_booking_gate';

COMMENT ON FUNCTION expert_network.booking_gate() IS
'AFTER statement trigger on interviews, interview_team_assignments and experts (UPDATE): refuses a second expert row of one person in a campaign (QC004), calls beyond the call cap (QC005), and overlapping live calls of one person (QC006) or team member (QC007)';

-- (the names sort after compliance_gate: a compliance refusal is reported first)
CREATE TRIGGER double_booking_insert AFTER INSERT ON expert_network.interviews
    REFERENCING NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.booking_gate();
CREATE TRIGGER double_booking_update AFTER UPDATE ON expert_network.interviews
    REFERENCING OLD TABLE AS en_old NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.booking_gate();
CREATE TRIGGER double_booking_insert AFTER INSERT ON expert_network.interview_team_assignments
    REFERENCING NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.booking_gate();
CREATE TRIGGER double_booking_update AFTER UPDATE ON expert_network.interview_team_assignments
    REFERENCING OLD TABLE AS en_old NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.booking_gate();
CREATE TRIGGER double_booking_update AFTER UPDATE ON expert_network.experts
    REFERENCING OLD TABLE AS en_old NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.booking_gate();

CREATE TRIGGER set_updated_at BEFORE UPDATE ON expert_network.call_caps
    FOR EACH ROW EXECUTE FUNCTION expert_network.set_updated_at();
ALTER TABLE expert_network.call_caps ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_rows ON expert_network.call_caps
    USING (user_id OPERATOR(pg_catalog.=) (SELECT expert_network.current_user_id()));
CREATE TRIGGER a_enforce_owner BEFORE INSERT OR UPDATE ON expert_network.call_caps
    FOR EACH ROW EXECUTE FUNCTION expert_network.enforce_owner();
CREATE TRIGGER a_require_identity BEFORE INSERT OR UPDATE OR DELETE ON expert_network.call_caps
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.require_identity();

SELECT pg_catalog.pg_extension_config_dump('expert_network.call_caps', '');

REVOKE ALL ON FUNCTION expert_network.person_key(pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.interview_starts_at(pg_catalog.date, pg_catalog.time, pg_catalog.text) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.interview_ends_at(pg_catalog.date, pg_catalog.time, pg_catalog.int4, pg_catalog.text) FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.booking_gate() FROM PUBLIC;

-- what a fresh install gives the role that installed it (@extowner@ would
-- name the role running this update, not the extension's owner)
DO $$
DECLARE
    owner pg_catalog.text;
BEGIN
    SELECT pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(e.extowner)) INTO STRICT owner
      FROM pg_catalog.pg_extension AS e WHERE e.extname OPERATOR(pg_catalog.=) 'expert_network';
    EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE expert_network.call_caps,'
            ' expert_network.expert_duplicates TO '
            OPERATOR(pg_catalog.||) owner OPERATOR(pg_catalog.||) ' WITH GRANT OPTION';
    EXECUTE 'GRANT EXECUTE ON FUNCTION'
            ' expert_network.person_key(pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text),'
            ' expert_network.interview_starts_at(pg_catalog.date, pg_catalog.time, pg_catalog.text),'
            ' expert_network.interview_ends_at(pg_catalog.date, pg_catalog.time, pg_catalog.int4, pg_catalog.text),'
            ' expert_network.booking_gate() TO '
            OPERATOR(pg_catalog.||) owner OPERATOR(pg_catalog.||) ' WITH GRANT OPTION';
END
$$;

/* ---------------------------------------------------------------- end issue 15 */

-- every recorded role gets exactly its level on 0.13.0's objects
SELECT pg_catalog.count(*) FROM expert_network.apply_access_levels();
