-- timestamps: updated_at is kept by one C trigger on every table that has it
\set VERBOSITY terse

-- the tables with updated_at, and the trigger each has
SELECT c.relname, t.tgname, pg_get_triggerdef(t.oid) ~ 'BEFORE UPDATE .* FOR EACH ROW' AS before_update_row
FROM pg_class c
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'updated_at'
LEFT JOIN pg_trigger t ON t.tgrelid = c.oid AND t.tgname = 'set_updated_at'
WHERE c.relnamespace = 'expert_network'::regnamespace AND c.relkind = 'r'
ORDER BY 1;

INSERT INTO expert_network.projects (id, user_id, project_code, project_name, created_at, updated_at)
VALUES ('10000000-0000-4000-8000-000000000002', 'user_1', 'BOR', 'Boreal', '2020-01-01', '2020-01-01');
INSERT INTO expert_network.user_ui_preferences (user_id, updated_at) VALUES ('user_1', '2020-01-01');

BEGIN;
UPDATE expert_network.projects SET project_name = 'Boreal II';
-- the transaction's timestamp, as now(); created_at untouched
SELECT project_name, updated_at = now() AS stamped, created_at = '2020-01-01' AS created_kept
FROM expert_network.projects;
-- an explicit value is overridden too: the column records the last write
UPDATE expert_network.projects SET updated_at = '1999-01-01';
SELECT updated_at = now() AS stamped FROM expert_network.projects;
UPDATE expert_network.user_ui_preferences SET theme = 'dark';
SELECT theme, updated_at = now() AS stamped FROM expert_network.user_ui_preferences;
COMMIT;

-- INSERT keeps what it is given (imports and restores keep their history)
INSERT INTO expert_network.projects (user_id, project_code, project_name, updated_at)
VALUES ('user_1', 'OLD', 'Imported', '2019-05-05') RETURNING project_code, updated_at = '2019-05-05' AS kept;

-- misuse is refused
SELECT expert_network.set_updated_at();
\echo :LAST_ERROR_SQLSTATE
CREATE TABLE public.no_stamp (id int, note text);
CREATE TRIGGER stamp BEFORE UPDATE ON public.no_stamp
    FOR EACH ROW EXECUTE FUNCTION expert_network.set_updated_at();
INSERT INTO public.no_stamp VALUES (1, 'a');
UPDATE public.no_stamp SET note = 'b';
\echo :LAST_ERROR_SQLSTATE
CREATE TABLE public.wrong_stamp (id int, updated_at date);
CREATE TRIGGER stamp BEFORE UPDATE ON public.wrong_stamp
    FOR EACH ROW EXECUTE FUNCTION expert_network.set_updated_at();
INSERT INTO public.wrong_stamp VALUES (1, '2020-01-01');
UPDATE public.wrong_stamp SET id = 2;
\echo :LAST_ERROR_SQLSTATE
-- another column may be named
CREATE TABLE public.named_stamp (id int, touched timestamptz);
CREATE TRIGGER stamp BEFORE UPDATE ON public.named_stamp
    FOR EACH ROW EXECUTE FUNCTION expert_network.set_updated_at('touched');
INSERT INTO public.named_stamp VALUES (1, '2020-01-01');
BEGIN;
UPDATE public.named_stamp SET id = 2;
SELECT id, touched = now() AS stamped FROM public.named_stamp;
COMMIT;
CREATE TRIGGER stamp_after AFTER UPDATE ON public.named_stamp
    FOR EACH ROW EXECUTE FUNCTION expert_network.set_updated_at('touched');
UPDATE public.named_stamp SET id = 3;
\echo :LAST_ERROR_SQLSTATE
DROP TRIGGER stamp_after ON public.named_stamp;
CREATE TRIGGER stamp_two BEFORE UPDATE ON public.named_stamp
    FOR EACH ROW EXECUTE FUNCTION expert_network.set_updated_at('touched', 'id');
UPDATE public.named_stamp SET id = 3;
\echo :LAST_ERROR_SQLSTATE
DROP TRIGGER stamp_two ON public.named_stamp;
-- the column dropped and added again, at another number, in this session:
-- the trigger finds it where it is now
ALTER TABLE public.named_stamp DROP COLUMN touched;
ALTER TABLE public.named_stamp ADD COLUMN note text, ADD COLUMN touched timestamptz;
BEGIN;
UPDATE public.named_stamp SET id = 4, note = 'moved';
SELECT id, note, touched = now() AS stamped FROM public.named_stamp;
COMMIT;
DROP TABLE public.no_stamp, public.wrong_stamp, public.named_stamp;

DELETE FROM expert_network.projects;
DELETE FROM expert_network.user_ui_preferences;
