-- trespass: as one user, writes aimed at the other user's campaign of the
-- same number; row-level security hides its rows, so each statement finds
-- none (the checks after the run look for the marks they would leave)
\set u random(1, 2)
\set k random(1, 20)
\set oc (2 - :u) * 20 + :k
BEGIN;
SELECT pg_catalog.set_config('expert_network.user_id', 'stress' || :u, true);
UPDATE expert_network.interviews SET color_tag = 'trespass'
 WHERE campaign_id = ('c0000000-0000-4000-8000-' || pg_catalog.lpad(:oc::text, 12, '0'))::uuid;
UPDATE expert_network.experts SET title = 'trespass'
 WHERE campaign_id = ('c0000000-0000-4000-8000-' || pg_catalog.lpad(:oc::text, 12, '0'))::uuid;
UPDATE expert_network.campaigns SET campaign_name = 'trespass'
 WHERE id = ('c0000000-0000-4000-8000-' || pg_catalog.lpad(:oc::text, 12, '0'))::uuid;
UPDATE expert_network.screening_questions SET question_text = 'trespass'
 WHERE campaign_id = ('c0000000-0000-4000-8000-' || pg_catalog.lpad(:oc::text, 12, '0'))::uuid;
COMMIT;
