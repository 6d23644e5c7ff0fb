-- schedule: new interviews, pending or scheduled, with up to two experts of
-- a random campaign who may have one (one INSERT … SELECT, through
-- stress_schedule(): see test/stress/fixture.sql), at a random hour of a
-- random day: the same expert booked twice at once is refused (QC006)
\set u random(1, 2)
\set k random(1, 20)
\set c (:u - 1) * 20 + :k
\set s random(1, 2)
\set d random(0, 364)
\set h random(0, 23)
BEGIN;
SELECT pg_catalog.set_config('expert_network.user_id', 'stress' || :u, true);
SELECT public.stress_schedule(pg_catalog.format($q$
INSERT INTO expert_network.interviews (campaign_id, expert_id, scheduled_date, scheduled_time, status)
SELECT e.campaign_id, e.id, DATE '2026-03-01' + %s, pg_catalog.make_time(%s, 0, 0), (ARRAY['pending', 'scheduled']::expert_network.interview_status[])[%s]
  FROM expert_network.experts AS e
 WHERE e.campaign_id = ('c0000000-0000-4000-8000-' || pg_catalog.lpad(%s::text, 12, '0'))::uuid
   AND e.status IN ('reviewed', 'scheduling', 'scheduled', 'completed')
 ORDER BY pg_catalog.random() LIMIT 2 $q$, :d, :h, :s, :c));
COMMIT;
