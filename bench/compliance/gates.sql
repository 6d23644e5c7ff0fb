-- bench/compliance/gates.sql — the gates' tables of user-1, filled: run
-- by bench/compliance.sh as the superuser, with no identity set and
-- row_security off (the restore path), on empty tables (after load.sql,
-- and again after each run that emptied them).
--
--   restricted_companies        5,000 entries, companies 0..4,999: 40 % with
--                               a ticker, 30 % with two aliases (the name
--                               with "International", and initials and
--                               sector, "GP Logistics", which a few entries
--                               share); applying from 2022 to 2025, one in
--                               seven closed after 6 to 12 months
--   expert_employments          5 per expert, 50,000: the current one (open-
--                               ended, since the day after it left the
--                               previous one), the previous one (left in mid-
--                               2024: inside a 3- or 6-month cooling-off
--                               window for calls early in 2025, at a company
--                               neither restricted nor a subject), three
--                               older ones (ended by 2021; for one expert in
--                               ten the oldest is at a restricted company);
--                               half public, with a ticker
--   campaign_subject_companies  3 per campaign
--   compliance_policies         user-1: cooling-off 6 months (public), 3
--                               (private), attestations required (checked
--                               only when an interview is confirmed or
--                               completed: not by these inserts)
--   compliance_exceptions       20, for the only experts a screen catches:
--                               e % 1000 = 500 work at a restricted company
--                               (written in upper case with another legal
--                               form: the keys match), rule restricted_list;
--                               e % 1000 = 501 left a subject company of
--                               their campaign 30 days before their call,
--                               rule cooling_off.  Their calls are
--                               "excepted", every other call "passed".
\set ON_ERROR_STOP on

INSERT INTO expert_network.restricted_companies
    (id, company, ticker, aliases, applies_from, applies_until, reason, user_id)
SELECT ('b1000000000040008000' || lpad(to_hex(i), 12, '0'))::uuid,
       bench.company(i),
       CASE WHEN i % 5 < 2 THEN bench.ticker(i) END,
       CASE WHEN i % 10 < 3
            THEN ARRAY[p[1] || ' ' || p[2] || ' ' || p[3] || ' International',
                       left(p[1], 1) || left(p[2], 1) || ' ' || p[3]]
            ELSE '{}' END,
       f, CASE WHEN i % 7 = 0 AND i >= 10 THEN f + 180 + i % 190 END,
       (ARRAY['Long position', 'Short position', 'Advisory mandate', 'Pending transaction',
              'Board seat held by a partner', 'Research restriction'])[1 + i % 6] || ' (entry ' || i || ')',
       'user-1'
FROM generate_series(0, 4999) AS i,
     LATERAL (SELECT bench.company_parts(i) AS p,
                     CASE WHEN i < 10 THEN date '2024-01-01' ELSE date '2022-01-01' + i * 97 % 1200 END AS f) AS x;

INSERT INTO expert_network.expert_employments
    (expert_id, company, ticker, publicly_traded, title, started_on, ended_on, user_id)
SELECT bench.expert_uuid(e), bench.company(c, 1 + e % 2),
       CASE WHEN pub AND c >= 5000 THEN bench.ticker(c) END, pub,
       (ARRAY['Vice President', 'Director', 'Senior Manager', 'Engineer', 'Analyst', 'Head of Sales'])[1 + (e + k) % 6],
       s, u, 'user-1'
FROM generate_series(1, 10000) AS e,
     LATERAL (SELECT bench.left_on(e) AS l) AS t,
     LATERAL (VALUES
        -- current: open-ended, since the day after leaving the previous one
        (0, bench.employer(e), t.l + 1, NULL::date),
        -- previous: left lately (a subject company for e % 1000 = 501)
        (1, CASE WHEN e % 1000 = 501 THEN 70000 + 3 * ((e - 1) / 1000) ELSE 25000 + e * 11 % 20000 END,
            t.l - 1100, t.l),
        -- older ones
        (2, 45000 + (e * 13 + 977) % 20000, date '2017-03-01' - e % 400, date '2021-05-31' - e % 300),
        (3, 45000 + (e * 13 + 1954) % 20000, date '2013-06-01' - e % 400, date '2017-01-31' - e % 400),
        (4, CASE WHEN e % 10 = 3 THEN 10 + e * 17 % 4990 ELSE 45000 + (e * 13 + 2931) % 20000 END,
            date '2009-09-01' - e % 400, date '2013-04-30' - e % 400)
     ) AS j (k, c, s, u),
     LATERAL (SELECT (c + k) % 2 = 0 AS pub) AS q;

INSERT INTO expert_network.campaign_subject_companies (campaign_id, company, ticker, user_id)
SELECT bench.campaign_uuid(c), bench.company(70000 + 3 * (c - 1) + k),
       CASE WHEN k = 0 THEN bench.ticker(70000 + 3 * (c - 1) + k) END, 'user-1'
FROM generate_series(1, 10) AS c, generate_series(0, 2) AS k;

INSERT INTO expert_network.compliance_policies
    (user_id, cooling_off_public_months, cooling_off_private_months, attestation_required)
VALUES ('user-1', 6, 3, true);

INSERT INTO expert_network.compliance_exceptions (expert_id, rule, reason, expires_at, user_id)
SELECT bench.expert_uuid(e),
       (CASE WHEN e % 1000 = 500 THEN 'restricted_list' ELSE 'cooling_off' END)::expert_network.compliance_rule,
       'Topic unrelated to the position; call chaperoned by compliance (expert ' || e || ')',
       now() + interval '1 year', 'user-1'
FROM generate_series(1, 10000) AS e
WHERE e % 1000 IN (500, 501);
