-- bench/counters/load.sql — data, helpers and the (C) trigger for
-- bench/counters.sh.  Run once as the cluster's superuser, with no identity
-- set and row_security off (the restore path, as pg_dump's output sets it:
-- rows carry their owner, and no cross-entity rule holds them to what an
-- application's writes must do, such as an enrollment before an expert).
--
--   user-1      campaigns 1..100   the INSERT ... SELECT of part (1)
--   user-2      campaign 101       pgbench client 0 of part (2)
--   user-3      campaign 102       pgbench client 1 of part (2)
--   campaign c  50 experts, numbered (c - 1) * 50 + 1 .. c * 50
--
-- Ids are computed (bench.campaign_uuid, bench.expert_uuid) so that the
-- statements need no look-ups of their own.
\set ON_ERROR_STOP on

SELECT pg_catalog.set_config('expert_network.user_id', '', false);
SELECT pg_catalog.set_config('row_security', 'off', false);

CREATE SCHEMA bench;

CREATE FUNCTION bench.campaign_uuid(c integer) RETURNS uuid
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ('cafe0000000040008000' || lpad(to_hex(c), 12, '0'))::uuid;

CREATE FUNCTION bench.expert_uuid(e integer) RETURNS uuid
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ('e0e00000000040008000' || lpad(to_hex(e), 12, '0'))::uuid;

-- A realistic mix of statuses, in twentieths: pending 10 %, scheduled 25 %,
-- confirmed 15 %, completed 40 %, cancelled 10 %.
CREATE FUNCTION bench.status_of(k integer) RETURNS expert_network.interview_status
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (ARRAY['pending', 'pending',
              'scheduled', 'scheduled', 'scheduled', 'scheduled', 'scheduled',
              'confirmed', 'confirmed', 'confirmed',
              'completed', 'completed', 'completed', 'completed',
              'completed', 'completed', 'completed', 'completed',
              'cancelled', 'cancelled']::expert_network.interview_status[])[1 + k % 20];

INSERT INTO expert_network.campaigns
    (id, user_id, campaign_name, industry_vertical, brief_description,
     start_date, target_completion_date, target_regions, min_calls, max_calls, status)
SELECT bench.campaign_uuid(c),
       CASE WHEN c <= 100 THEN 'user-1' ELSE 'user-' || (c - 99) END,
       'Campaign ' || c,
       (ARRAY['Healthcare', 'Technology', 'Industrials', 'Consumer', 'Energy'])[1 + c % 5],
       'Commercial diligence on a mid-market target, campaign ' || c,
       date '2025-01-01' + c,
       date '2025-01-01' + c + 60,
       ARRAY['North America', 'Europe'],
       500, 5000,
       'active'
FROM pg_catalog.generate_series(1, 102) AS c;

INSERT INTO expert_network.experts
    (id, campaign_id, vendor_platform_id, name, title, company, description,
     skills, rating, ai_fit_score, status, user_id)
SELECT bench.expert_uuid(e),
       bench.campaign_uuid(c),
       ('00000000-0000-4000-8000-' || lpad(to_hex(1 + e % 12), 12, '0'))::uuid,
       'Expert ' || e,
       (ARRAY['Former VP Sales', 'Head of Procurement', 'CFO', 'Director of Operations',
              'Product Manager', 'Regional Manager', 'Chief Medical Officer'])[1 + e % 7],
       'Company ' || (e % 500),
       'Twenty years in the industry; led the integration of two acquisitions (' || e || ').',
       ARRAY['pricing', 'procurement', 'strategy'],
       (e % 50) / 10.0,
       e % 11,
       'scheduled',
       CASE WHEN c <= 100 THEN 'user-1' ELSE 'user-' || (c - 99) END
FROM pg_catalog.generate_series(1, 102 * 50) AS e,
     LATERAL (SELECT (e - 1) / 50 + 1 AS c) AS k;

-- The runs book calls at any of 6,000 slots per expert, at random in part 2:
-- one person, one calendar (0.13.0) would refuse the overlaps.  Its checks
-- are no part of what this benchmark compares (bench/calendar.sh measures
-- them): off in every variant.
ALTER TABLE expert_network.interviews DISABLE TRIGGER double_booking_insert;
ALTER TABLE expert_network.interviews DISABLE TRIGGER double_booking_update;

-- (C) the usual hand-written counter: a PL/pgSQL row trigger doing one
-- UPDATE of the campaign per interview row.  Created disabled; the
-- benchmark enables it for (C) only, with the C counter triggers and
-- protect_call_counters (which refuses counter writes that are not the
-- extension's) disabled.
CREATE FUNCTION bench.count_calls_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE expert_network.campaigns
           SET scheduled_calls = scheduled_calls
                                 - (OLD.status IN ('pending', 'scheduled', 'confirmed'))::int,
               completed_calls = completed_calls - (OLD.status = 'completed')::int
         WHERE id = OLD.campaign_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE expert_network.campaigns
           SET scheduled_calls = scheduled_calls
                                 + (NEW.status IN ('pending', 'scheduled', 'confirmed'))::int,
               completed_calls = completed_calls + (NEW.status = 'completed')::int
         WHERE id = NEW.campaign_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER count_calls_plpgsql
    AFTER INSERT OR UPDATE OR DELETE ON expert_network.interviews
    FOR EACH ROW EXECUTE FUNCTION bench.count_calls_row();
ALTER TABLE expert_network.interviews DISABLE TRIGGER count_calls_plpgsql;

-- the application role: not superuser, not BYPASSRLS
CREATE ROLE bench_app LOGIN PASSWORD 'bench_app' NOSUPERUSER NOBYPASSRLS;
SELECT expert_network.grant_access('bench_app', 'app');
GRANT USAGE ON SCHEMA bench TO bench_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA bench TO bench_app;
