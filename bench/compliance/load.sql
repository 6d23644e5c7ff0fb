-- bench/compliance/load.sql — data and helpers for bench/compliance.sh.
-- Run once as the cluster's superuser, with no identity set and row_security
-- off (the restore path, as pg_dump's output sets it: rows carry their
-- owner, and the gates screen nothing).  The gates' own tables are filled
-- by bench/compliance/gates.sql, which the benchmark runs again whenever it
-- has emptied them.
--
--   user-1        the application's user; every statement is its
--   campaign c    c = 1..10, GLG (shipped vendor 1) enrolled in each
--   expert e      e = 1..10,000, 'reviewed', in campaign 1 + (e - 1) / 1000;
--                 experts.company is its current employer's name (as
--                 follow_current_employment keeps it)
--
-- Ids are computed (bench.campaign_uuid, bench.expert_uuid) so that the
-- statements need no look-ups of their own.  Company names come from
-- bench.company(i, v): index i in 0..71,999 is one company, a stem, a
-- second word and a sector ("Granite Point Logistics"), v the way it is
-- written (legal form, case); bench.ticker(i) its four-letter ticker.
-- Distinct i, distinct matching keys (checked below): which companies
-- match is decided by the indexes alone.
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

-- the parts of company i: 60 stems x 40 second words x 30 sectors, i
-- scattered over them (7,919 is prime to 72,000); plain expressions, so
-- that the planner inlines them
CREATE FUNCTION bench.company_parts(i integer) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ARRAY[
    (ARRAY['Acme', 'Northwind', 'Contoso', 'Fabrikam', 'Globex', 'Initech', 'Vandelay', 'Tyrell',
           'Cyberdyne', 'Hooli', 'Wonka', 'Soylent', 'Atlantic', 'Pacific', 'Summit', 'Cascade',
           'Granite', 'Silver', 'Meridian', 'Pinnacle', 'Harbor', 'Keystone', 'Lakeshore', 'Sterling',
           'Vertex', 'Apex', 'Beacon', 'Crescent', 'Evergreen', 'Frontier', 'Horizon', 'Ironwood',
           'Liberty', 'Magnolia', 'Oakridge', 'Prairie', 'Quantum', 'Riverside', 'Sequoia', 'Trident',
           'Unity', 'Vanguard', 'Westfield', 'Zenith', 'Aurora', 'Copperline', 'Delphi', 'Eastgate',
           'Falcon', 'Gemini', 'Halcyon', 'Juniper', 'Kestrel', 'Laurentian', 'Monarch', 'Nordic',
           'Orion', 'Polaris', 'Redstone', 'Tamarack'])[1 + i::bigint * 7919 % 72000 % 60],
    (ARRAY['Bay', 'Ridge', 'Point', 'Creek', 'Valley', 'Park', 'Rock', 'Field', 'Stone', 'Gate',
           'Bridge', 'Crest', 'Forge', 'Hill', 'Lake', 'Mill', 'Peak', 'River', 'Shore', 'Spring',
           'Vale', 'Wood', 'Brook', 'Cove', 'Glen', 'Haven', 'Isle', 'Key', 'Ledge', 'Marsh',
           'North', 'South', 'West', 'East', 'Coast', 'Harbour', 'Mesa', 'Pine', 'Star', 'Tower'])[1 + i::bigint * 7919 % 72000 / 60 % 40],
    (ARRAY['Paperboard', 'Motion Systems', 'Consumer Products', 'Therapeutics', 'Semiconductor',
           'Logistics', 'Capital Partners', 'Energy', 'Foods', 'Pharmaceuticals', 'Software',
           'Networks', 'Materials', 'Chemicals', 'Aerospace', 'Medical Devices', 'Retail', 'Bancorp',
           'Insurance', 'Minerals', 'Robotics', 'Analytics', 'Packaging', 'Biosciences', 'Telecom',
           'Automotive', 'Industries', 'Health Systems', 'Water', 'Power'])[1 + i::bigint * 7919 % 72000 / 2400]];

-- company i with legal form f ("" for none)
CREATE FUNCTION bench.company_name(i integer, f integer) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN array_to_string(bench.company_parts(i), ' ')
       || (ARRAY[' Inc.', ' Corp.', ' Corporation', ' plc', ' LLC', ' Ltd', ' AG', ' GmbH',
                 ' S.A.', ' N.V.', ' Co.', '', ' Limited', ' SE'])[1 + f % 14];

-- company i as written the v-th way: v = 0 as its list entry has it,
-- other v another legal form, upper case for odd v ("ACME BAY FOODS CORP.")
CREATE FUNCTION bench.company(i integer, v integer DEFAULT 0) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN v % 2 = 1 THEN upper(bench.company_name(i, i + 3 * v))
            ELSE bench.company_name(i, i + 3 * v) END;

-- company i's ticker: four letters, distinct for every i
CREATE FUNCTION bench.ticker(i integer) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN chr(65 + i % 26) || chr(65 + i / 26 % 26) || chr(65 + i / 676 % 26) || chr(65 + i / 17576 % 26);

-- the company indexes: 0..4,999 restricted list; 5,000..24,999 current
-- employers; 25,000..44,999 the employers experts left lately; 45,000..
-- 64,999 older employers; 70,000..70,029 campaign subject companies
DO $$
BEGIN
    IF (SELECT count(DISTINCT expert_network.company_key(bench.company(i, i % 3)))
          FROM generate_series(0, 71999) AS i) <> 72000 THEN
        RAISE EXCEPTION 'bench.company: two indexes share a matching key';
    END IF;
END
$$;

-- when expert e left its previous employer: mid-2024 for most, in the
-- cooling-off window of its call (call date 2025-01-06 + e % 300) for
-- experts e % 1000 = 501, whose previous employer is a subject company
CREATE FUNCTION bench.left_on(e integer) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN e % 1000 = 501 THEN date '2025-01-06' + e % 300 - 30
            ELSE date '2024-06-01' + e * 37 % 200 END;

-- expert e's current employer: its company index (experts e % 1000 = 500
-- work at restricted companies 0..9, which their exception covers)
CREATE FUNCTION bench.employer(e integer) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN e % 1000 = 500 THEN e / 1000 ELSE 5000 + e * 7 % 20000 END;

INSERT INTO expert_network.campaigns
    (id, user_id, campaign_name, industry_vertical, brief_description,
     start_date, target_completion_date, target_regions, min_calls, max_calls, status)
SELECT bench.campaign_uuid(c), 'user-1', 'Campaign ' || c,
       (ARRAY['Healthcare', 'Technology', 'Industrials', 'Consumer', 'Energy'])[1 + c % 5],
       'Commercial diligence on a mid-market target, campaign ' || c,
       date '2024-12-01', date '2025-12-31', ARRAY['North America', 'Europe'], 10, 100000, 'active'
FROM generate_series(1, 10) AS c;

INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status, enrolled_at, user_id)
SELECT bench.campaign_uuid(c), '00000000-0000-4000-8000-000000000001', 'enrolled', now(), 'user-1'
FROM generate_series(1, 10) AS c;

INSERT INTO expert_network.experts
    (id, campaign_id, vendor_platform_id, name, title, company, description,
     skills, rating, ai_fit_score, status, reviewed_at, user_id)
SELECT bench.expert_uuid(e), bench.campaign_uuid(1 + (e - 1) / 1000),
       '00000000-0000-4000-8000-000000000001',
       'Expert ' || e,
       (ARRAY['Former VP Sales', 'Head of Procurement', 'CFO', 'Director of Operations',
              'Product Manager', 'Regional Manager', 'Chief Medical Officer'])[1 + e % 7],
       bench.company(bench.employer(e), 1 + e % 2),
       'Twenty years in the industry; led the integration of two acquisitions (' || e || ').',
       ARRAY['pricing', 'procurement', 'strategy'], (e % 50) / 10.0, e % 11,
       'reviewed', now(), 'user-1'
FROM generate_series(1, 10000) AS e;

-- the timing functions and the application role bench_app
\ir ../app_role.sql
