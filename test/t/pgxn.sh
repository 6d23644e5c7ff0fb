#!/usr/bin/env bash
# pgxn: META.json, the PGXN distribution metadata, is valid against the PGXN
# Meta Spec 1.0 and in step with the control file (tools/check-meta).
set -u
cd "$(dirname "$0")/../.."
exec perl tools/check-meta META.json
