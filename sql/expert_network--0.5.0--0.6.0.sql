/*
 * sql/expert_network--0.5.0--0.6.0.sql — cheaper status history.
 *
 * New status_history rows take time-ordered ids (uuid_v7()), so that a bulk
 * status change appends to the primary key instead of writing all over it.
 * Existing ids are kept: they stay unique, only their order means nothing.
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION expert_network UPDATE TO '0.6.0'" to load this file. \quit

CREATE FUNCTION expert_network.uuid_v7()
RETURNS pg_catalog.uuid
LANGUAGE c VOLATILE PARALLEL SAFE
AS 'MODULE_PATHNAME', 'expert_network_uuid_v7';

COMMENT ON FUNCTION expert_network.uuid_v7() IS
'A time-ordered UUID (version 7, RFC 9562): Unix time in milliseconds and a sub-millisecond fraction, then 62 random bits; increasing within a session.  The ids of status_history, so that its primary key grows at its right edge';

ALTER TABLE expert_network.status_history
    ALTER COLUMN id SET DEFAULT expert_network.uuid_v7();

COMMENT ON COLUMN expert_network.status_history.id IS 'Time-ordered (uuid_v7()): ids of later changes sort after those of earlier ones made in the same session';

REVOKE ALL ON FUNCTION expert_network.uuid_v7() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION expert_network.uuid_v7() TO @extowner@ WITH GRANT OPTION;
