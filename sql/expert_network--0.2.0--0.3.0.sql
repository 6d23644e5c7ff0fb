/*
 * sql/expert_network--0.2.0--0.3.0.sql — call counters and chat recency.
 *
 * Recounts every campaign's calls from its interviews (without touching
 * updated_at: counting is not an edit), then installs the triggers that keep
 * them exact, the protection of the counters, chat recency, and
 * verify_counters() / repair_counters().
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION expert_network UPDATE TO '0.3.0'" to load this file. \quit

-- writers of interviews in flight finish first, and none start until the
-- counting triggers exist: the recount below sees every interview
LOCK TABLE expert_network.interviews IN SHARE ROW EXCLUSIVE MODE;

ALTER TABLE expert_network.campaigns DISABLE TRIGGER set_updated_at;
UPDATE expert_network.campaigns AS c
   SET scheduled_calls = a.scheduled, completed_calls = a.completed
  FROM (SELECT p.id,
               pg_catalog.count(i.id) FILTER (WHERE i.status OPERATOR(pg_catalog.=) ANY (ARRAY['pending', 'scheduled', 'confirmed']::pg_catalog.text[])) AS scheduled,
               pg_catalog.count(i.id) FILTER (WHERE i.status OPERATOR(pg_catalog.=) 'completed') AS completed
          FROM expert_network.campaigns AS p
          LEFT JOIN expert_network.interviews AS i ON i.campaign_id OPERATOR(pg_catalog.=) p.id
         GROUP BY p.id) AS a
 WHERE c.id OPERATOR(pg_catalog.=) a.id
   AND (c.scheduled_calls OPERATOR(pg_catalog.<>) a.scheduled
        OR c.completed_calls OPERATOR(pg_catalog.<>) a.completed);
ALTER TABLE expert_network.campaigns ENABLE TRIGGER set_updated_at;

COMMENT ON COLUMN expert_network.campaigns.completed_calls IS 'Number of interviews completed (kept by the extension)';
COMMENT ON COLUMN expert_network.campaigns.scheduled_calls IS 'Number of interviews scheduled but not yet completed: pending, scheduled or confirmed (kept by the extension)';

CREATE FUNCTION expert_network.count_calls()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_count_calls';

COMMENT ON FUNCTION expert_network.count_calls() IS
'AFTER statement trigger on interviews: applies the statement''s net change of each campaign''s call counters (TRUNCATE: resets them)';

CREATE FUNCTION expert_network.protect_call_counters()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_protect_call_counters';

COMMENT ON FUNCTION expert_network.protect_call_counters() IS
'BEFORE row trigger on campaigns: the call counters start at zero and change only with the interviews';

CREATE FUNCTION expert_network.touch_chat_sessions()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_touch_chat_sessions';

COMMENT ON FUNCTION expert_network.touch_chat_sessions() IS
'AFTER INSERT statement trigger on chat_messages: moves each session''s updated_at up to its latest message';

CREATE FUNCTION expert_network.verify_counters()
RETURNS TABLE (campaign_id uuid, counter text, stored integer, actual integer)
LANGUAGE c STABLE
AS 'MODULE_PATHNAME', 'expert_network_verify_counters';

COMMENT ON FUNCTION expert_network.verify_counters() IS
'One row per call counter that differs from the interviews, of the campaigns the caller sees; no rows when all are exact';

CREATE FUNCTION expert_network.repair_counters()
RETURNS integer
LANGUAGE c
AS 'MODULE_PATHNAME', 'expert_network_repair_counters';

COMMENT ON FUNCTION expert_network.repair_counters() IS
'Sets every drifted call counter of the campaigns the caller sees to the actual count; returns how many counters it fixed';

CREATE TRIGGER count_calls_insert AFTER INSERT ON expert_network.interviews
    REFERENCING NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.count_calls();
CREATE TRIGGER count_calls_update AFTER UPDATE ON expert_network.interviews
    REFERENCING OLD TABLE AS en_old NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.count_calls();
CREATE TRIGGER count_calls_delete AFTER DELETE ON expert_network.interviews
    REFERENCING OLD TABLE AS en_old
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.count_calls();
CREATE TRIGGER count_calls_truncate AFTER TRUNCATE ON expert_network.interviews
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.count_calls();
CREATE TRIGGER protect_call_counters BEFORE INSERT OR UPDATE ON expert_network.campaigns
    FOR EACH ROW EXECUTE FUNCTION expert_network.protect_call_counters();
CREATE TRIGGER touch_chat_sessions AFTER INSERT ON expert_network.chat_messages
    REFERENCING NEW TABLE AS en_new
    FOR EACH STATEMENT EXECUTE FUNCTION expert_network.touch_chat_sessions();

REVOKE ALL ON FUNCTION expert_network.count_calls() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.protect_call_counters() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.touch_chat_sessions() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.verify_counters() FROM PUBLIC;
REVOKE ALL ON FUNCTION expert_network.repair_counters() FROM PUBLIC;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA expert_network TO @extowner@ WITH GRANT OPTION;
