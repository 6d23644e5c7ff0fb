-- bench/workflow/plpgsql.sql — (C) of bench/workflow.sh: the experts'
-- workflow written the usual way, as PL/pgSQL row triggers, doing what the
-- extension's check_transition (BEFORE row) and record_transitions (AFTER
-- UPDATE statement) triggers do for expert_network.experts:
--
--   bench.check_transition_row()   BEFORE INSERT OR UPDATE FOR EACH ROW
--       an UPDATE moves the status only along the expert graph (the same
--       edges, error code, message, detail and hint as the C trigger;
--       statuses the graph does not know are left to the CHECK constraint);
--       leaving 'proposed' stamps reviewed_at (once, transaction start time,
--       as now() is) and is_new = false; on INSERT or a changed
--       campaign/vendor, unless restoring: no expert in an archived
--       campaign, and the vendor must be enrolled in the campaign
--   bench.record_transition_row()  AFTER UPDATE OF status FOR EACH ROW
--       WHEN the status changed: one status_history row per row, unless
--       restoring.  SECURITY DEFINER (owned by the superuser that runs this
--       script): the application role may not write the history, as with
--       the extension, whose C trigger becomes the table owner instead.
--       Every name is schema-qualified, so no SET search_path (which would
--       cost a GUC save and restore per row).
--
-- "Restoring" is the extension's: no identity set, by a role that bypasses
-- row-level security.  In the AFTER trigger "no identity" is enough: the
-- table's a_require_identity trigger lets no other role write without one,
-- and current_user there is the definer.
--
-- Triggers are created disabled; bench/workflow.sh enables them for (C),
-- with those two extension triggers on experts disabled.  The BEFORE row
-- trigger's name sorts where the extension's does, so the BEFORE row
-- triggers fire in the same order (a_enforce_owner, check_transition*,
-- set_updated_at).
\set ON_ERROR_STOP on

CREATE FUNCTION bench.check_transition_row() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    next text[];
    vendor text;
    enrollment text;
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.status <> OLD.status THEN
        next := CASE OLD.status
                    WHEN 'proposed'   THEN ARRAY['reviewed', 'rejected']
                    WHEN 'reviewed'   THEN ARRAY['scheduling', 'scheduled', 'rejected']
                    WHEN 'scheduling' THEN ARRAY['scheduled', 'rejected']
                    WHEN 'scheduled'  THEN ARRAY['completed', 'scheduling']
                    WHEN 'rejected'   THEN ARRAY['reviewed']
                    WHEN 'completed'  THEN ARRAY[]::text[]
                END;
        IF next IS NOT NULL
           AND NEW.status IN ('proposed', 'reviewed', 'scheduling', 'scheduled', 'rejected', 'completed')
           AND NOT NEW.status::text = ANY (next) THEN
            RAISE EXCEPTION USING
                ERRCODE = 'check_violation',
                MESSAGE = format('invalid expert status transition from "%s" to "%s"', OLD.status, NEW.status),
                DETAIL = format('The expert workflow has no step from %s to %s.', OLD.status, NEW.status),
                HINT = CASE WHEN cardinality(next) = 0
                            THEN format('None: %s is a final status.', OLD.status)
                            ELSE format('Allowed next states: %s.', array_to_string(next, ', ')) END;
        END IF;
        IF OLD.status = 'proposed' THEN
            IF NEW.reviewed_at IS NULL THEN
                NEW.reviewed_at := now();
            END IF;
            NEW.is_new := false;
        END IF;
    END IF;

    -- cross-entity rules: on insert and when a reference changes
    IF TG_OP = 'UPDATE' THEN
        IF NEW.campaign_id IS NOT DISTINCT FROM OLD.campaign_id
           AND NEW.vendor_platform_id IS NOT DISTINCT FROM OLD.vendor_platform_id THEN
            RETURN NEW;
        END IF;
    END IF;
    IF coalesce(current_setting('expert_network.user_id', true), '') = ''
       AND (SELECT r.rolsuper OR r.rolbypassrls FROM pg_catalog.pg_roles AS r
             WHERE r.rolname = current_user) THEN
        RETURN NEW;                     -- restoring
    END IF;
    IF NEW.campaign_id IS NULL THEN
        RETURN NEW;                     -- the NOT NULL constraint reports it
    END IF;
    IF TG_OP = 'INSERT' OR NEW.campaign_id IS DISTINCT FROM OLD.campaign_id THEN
        IF NOT EXISTS (SELECT FROM expert_network.campaigns AS c WHERE c.id = NEW.campaign_id) THEN
            RETURN NEW;                 -- the foreign key reports it
        END IF;
        IF (SELECT c.status FROM expert_network.campaigns AS c WHERE c.id = NEW.campaign_id) = 'archived' THEN
            RAISE EXCEPTION USING
                ERRCODE = 'check_violation',
                MESSAGE = format('campaign %s is archived', NEW.campaign_id),
                DETAIL = 'No expert can be added to an archived campaign.',
                HINT = 'Archived is a final status; start a new campaign.';
        END IF;
    END IF;
    IF NEW.vendor_platform_id IS NOT NULL THEN
        SELECT v.name, e.status INTO vendor, enrollment
          FROM expert_network.vendor_platforms AS v
          LEFT JOIN expert_network.campaign_vendor_enrollments AS e
            ON e.vendor_platform_id = v.id AND e.campaign_id = NEW.campaign_id
         WHERE v.id = NEW.vendor_platform_id;
        IF FOUND AND enrollment IS DISTINCT FROM 'enrolled' THEN
            RAISE EXCEPTION USING
                ERRCODE = 'check_violation',
                MESSAGE = format('vendor "%s" is not enrolled in campaign %s', vendor, NEW.campaign_id),
                DETAIL = CASE WHEN enrollment IS NULL
                              THEN 'It has no enrollment in the campaign; experts come only from enrolled vendors.'
                              ELSE format('Its enrollment is %s; experts come only from enrolled vendors.', enrollment) END,
                HINT = 'Enroll the vendor in the campaign first.';
        END IF;
    END IF;
    RETURN NEW;
END
$$;

CREATE FUNCTION bench.record_transition_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    IF coalesce(current_setting('expert_network.user_id', true), '') = '' THEN
        RETURN NULL;                    -- restoring: the dump carries the history
    END IF;
    INSERT INTO expert_network.status_history (user_id, entity, row_id, from_status, to_status)
    VALUES (NEW.user_id, 'expert', NEW.id, OLD.status, NEW.status);
    RETURN NULL;
END
$$;

REVOKE ALL ON FUNCTION bench.check_transition_row() FROM PUBLIC;
REVOKE ALL ON FUNCTION bench.record_transition_row() FROM PUBLIC;

CREATE TRIGGER check_transition_plpgsql
    BEFORE INSERT OR UPDATE ON expert_network.experts
    FOR EACH ROW EXECUTE FUNCTION bench.check_transition_row();
CREATE TRIGGER record_transitions_plpgsql
    AFTER UPDATE OF status ON expert_network.experts
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION bench.record_transition_row();
ALTER TABLE expert_network.experts DISABLE TRIGGER check_transition_plpgsql;
ALTER TABLE expert_network.experts DISABLE TRIGGER record_transitions_plpgsql;
