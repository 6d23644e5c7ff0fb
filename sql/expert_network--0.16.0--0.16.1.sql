/*
 * sql/expert_network--0.16.0--0.16.1.sql — 0.16.1.
 *
 * No SQL object changes in 0.16.1.  The release is the module's: the
 * compliance gate's quick pass of a single call reads the gates' tables
 * through their indexes (src/compliance_probe.c) instead of running an SQL
 * probe, which issue 14's single-booking target needed.  The module is one
 * library for every installed version, so a database still at 0.16.0 runs
 * the same code; this step only records the release.
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION expert_network UPDATE TO '0.16.1'" to load this file. \quit
