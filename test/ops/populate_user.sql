-- test/ops/populate_user.sql — one user's part of populate.sql, for user
-- :user (psql variable), in the caller's transaction, as the app role.
SET LOCAL expert_network.user_id = :'user';

INSERT INTO expert_network.projects (project_code, project_name, description)
VALUES ('OPS-1', 'Operations project of ' || :'user', 'Campaigns of the operations tests');
UPDATE expert_network.campaigns
   SET project_id = (SELECT id FROM expert_network.projects WHERE project_code = 'OPS-1');

DO $$
DECLARE
    c   record;
    q   record;
    iv  uuid;
BEGIN
    FOR c IN SELECT id, (row_number() OVER (ORDER BY id))::integer AS k
               FROM expert_network.campaigns ORDER BY id
    LOOP
        -- the second expert, through the API
        iv := expert_network.schedule_interview(
                  (SELECT e.id FROM expert_network.experts AS e
                    WHERE e.campaign_id = c.id AND e.status = 'reviewed'
                    ORDER BY e.id LIMIT 1),
                  DATE '2026-03-01' + c.k, TIME '14:30', 45, 'Europe/Berlin');
        CASE c.k % 4
            WHEN 1 THEN
                PERFORM expert_network.complete_interview(iv, 'Notes of call ' || c.k,
                            'https://transcripts.example.com/' || iv);
                PERFORM expert_network.rate_interview(iv, 4.5, 4, 5, 3.5, 'Useful, concrete on pricing');
            WHEN 2 THEN
                UPDATE expert_network.interviews SET status = 'confirmed' WHERE id = iv;
            WHEN 0 THEN
                PERFORM expert_network.cancel_interview(iv);
            ELSE
                NULL;       -- stays scheduled
        END CASE;

        -- the fixture's own interviews: its completed one rated, its
        -- confirmed one completed in odd campaigns (unrated), its pending
        -- one cancelled in every third
        PERFORM expert_network.rate_interview(i.id, 3.0 + (c.k % 5) * 0.5, 4, NULL, 4, 'Fixture call')
           FROM expert_network.interviews AS i
          WHERE i.campaign_id = c.id AND i.status = 'completed'
            AND i.scheduled_time = TIME '10:00';
        IF c.k % 2 = 1 THEN
            PERFORM expert_network.complete_interview(i.id)
               FROM expert_network.interviews AS i
              WHERE i.campaign_id = c.id AND i.status = 'confirmed'
                AND i.scheduled_time = TIME '10:00';
        END IF;
        IF c.k % 3 = 0 THEN
            PERFORM expert_network.cancel_interview(i.id)
               FROM expert_network.interviews AS i
              WHERE i.campaign_id = c.id AND i.status = 'pending';
        END IF;

        -- a second vendor: enrolled after a pending step; one of its experts
        -- proposed, then rejected
        INSERT INTO expert_network.campaign_vendor_enrollments (campaign_id, vendor_platform_id, status)
        VALUES (c.id, '00000000-0000-4000-8000-000000000002', 'pending');
        UPDATE expert_network.campaign_vendor_enrollments SET status = 'enrolled'
         WHERE campaign_id = c.id AND vendor_platform_id = '00000000-0000-4000-8000-000000000002';
        INSERT INTO expert_network.experts (campaign_id, vendor_platform_id, name, title, status)
        VALUES (c.id, '00000000-0000-4000-8000-000000000002', 'Proposed expert ' || c.k, 'Plant manager', 'proposed');
        UPDATE expert_network.experts SET status = 'rejected'
         WHERE campaign_id = c.id AND status = 'proposed';

        -- the screener: depth 2 under every follow-up, depth 3 under those
        INSERT INTO expert_network.screening_questions
               (campaign_id, parent_question_id, question_text, question_type, options, display_order)
        SELECT c.id, f.id, 'Which applies? (' || f.question_text || ')', 'multiple-choice',
               '["yes", "no", "partly"]'::jsonb, 1
          FROM expert_network.screening_questions AS f
         WHERE f.campaign_id = c.id AND f.question_text LIKE 'Follow-up%';
        INSERT INTO expert_network.screening_questions
               (campaign_id, parent_question_id, question_text, question_type, display_order)
        SELECT c.id, f.id, 'How confident are you? (' || f.question_text || ')', 'rating', g
          FROM expert_network.screening_questions AS f, generate_series(1, 2) AS g
         WHERE f.campaign_id = c.id AND f.question_text LIKE 'Which applies?%';
        -- top-level question 3, with its subtree, under question 1's deepest
        SELECT t.id INTO q FROM expert_network.question_tree(c.id) AS t
         WHERE t.position = '1.1.1.1';
        PERFORM expert_network.move_question(
                    (SELECT t.id FROM expert_network.question_tree(c.id) AS t WHERE t.position = '3'),
                    q.id, 1);
    END LOOP;

    -- campaign 1's screener copied into campaign 2
    PERFORM expert_network.copy_question_tree(
                (SELECT id FROM expert_network.campaigns ORDER BY id LIMIT 1),
                (SELECT id FROM expert_network.campaigns ORDER BY id OFFSET 1 LIMIT 1));

    -- campaigns along their graph: all active, then some paused, completed,
    -- archived
    UPDATE expert_network.campaigns SET status = 'active';
    FOR c IN SELECT id, (row_number() OVER (ORDER BY id))::integer AS k
               FROM expert_network.campaigns ORDER BY id
    LOOP
        IF c.k IN (6, 16) THEN
            UPDATE expert_network.campaigns SET status = 'paused' WHERE id = c.id;
        ELSIF c.k IN (7, 17) THEN
            UPDATE expert_network.campaigns SET status = 'completed' WHERE id = c.id;
        ELSIF c.k = 18 THEN
            UPDATE expert_network.campaigns SET status = 'completed' WHERE id = c.id;
            UPDATE expert_network.campaigns SET status = 'archived' WHERE id = c.id;
        END IF;
    END LOOP;
END
$$;
