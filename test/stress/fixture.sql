-- test/stress/fixture.sql — the rows the concurrency stress test
-- (test/t/stress.sh) and the crash test (test/perl/001_crash.pl) start from.
-- Run as a superuser with psql, -v role=NAME naming the app role the pgbench
-- scripts run as.
--
-- Two application users, stress1 and stress2, with 20 campaigns each:
-- campaign N (1…40) has the id c0000000-0000-4000-8000-0000000000NN (as the
-- scripts compute it) and belongs to stress1 for N ≤ 20, to stress2 above.
-- Each campaign has GLG enrolled, two reviewed experts, five interviews, one
-- in each status, all with the first expert (0.4.0's lifecycle moves that
-- expert to completed; the second stays reviewed until the run schedules
-- it), and a screener of three questions with a follow-up each.  Rows are
-- written with the identity set, so that they are the users' and follow the
-- workflow rules (enrolled vendor, reviewed experts), not the restore path:
-- as the app role, which row-level security applies to.
--
-- Besides, in schema public: stress_move(), the move the scripts make (a
-- move the screener's integrity refuses, a cycle or too deep a tree, is
-- recorded as refused instead of failing the transaction), and the table
-- stress_moves it records outcomes in; stress_schedule(), the same for new
-- interviews (see below).
\set ON_ERROR_STOP 1
BEGIN;

CREATE TABLE public.stress_moves (outcome text NOT NULL);

CREATE FUNCTION public.stress_move(question uuid, new_parent uuid, new_position integer)
RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM expert_network.move_question(question, new_parent, new_position);
    INSERT INTO public.stress_moves VALUES ('moved');
EXCEPTION WHEN check_violation THEN
    INSERT INTO public.stress_moves
    VALUES (CASE WHEN SQLERRM LIKE '%own ancestor%' THEN 'refused: cycle'
                 WHEN SQLERRM LIKE '%depth%' THEN 'refused: depth'
                 ELSE 'refused: ' || SQLERRM END);
END
$$;

-- A new interview whose expert another transaction rejected meanwhile is
-- refused by the lifecycle trigger (23514, "expert ... is rejected"), one
-- whose expert has a live call at that time or whose person is booked
-- through another row of the campaign by the booking gate (QC006, QC004): the
-- schedule scripts go through stress_schedule(), which records those refusals
-- in stress_schedules instead of failing the transaction; any other error
-- fails it.
CREATE TABLE public.stress_schedules (outcome text NOT NULL);

CREATE FUNCTION public.stress_schedule(statement text)
RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    EXECUTE statement;
    INSERT INTO public.stress_schedules VALUES ('scheduled');
EXCEPTION WHEN check_violation THEN
    IF SQLERRM !~ '^expert [0-9a-f-]+ is (proposed|rejected)$' THEN
        RAISE;
    END IF;
    INSERT INTO public.stress_schedules VALUES ('refused: expert changed meanwhile');
WHEN SQLSTATE 'QC006' THEN
    -- the expert has a live call at that time (booked by another client)
    INSERT INTO public.stress_schedules VALUES ('refused: overlapping call');
WHEN SQLSTATE 'QC004' THEN
    -- imported experts of one name and company are one person: one of
    -- their rows in a campaign is booked already
    INSERT INTO public.stress_schedules VALUES ('refused: same person in the campaign');
END
$$;

GRANT INSERT ON public.stress_moves TO :"role";
GRANT INSERT ON public.stress_schedules TO :"role";
GRANT EXECUTE ON FUNCTION public.stress_schedule(text) TO :"role";
GRANT EXECUTE ON FUNCTION public.stress_move(uuid, uuid, integer) TO :"role";

SET LOCAL ROLE :"role";
\set user stress1
\set first 1
\ir fixture_user.sql
\set user stress2
\set first 21
\ir fixture_user.sql

COMMIT;
