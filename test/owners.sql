-- test/owners.sql — rows whose owner differs from a parent's, per reference;
-- every count must be 0.  Run as a superuser (RLS would hide the rows).
SELECT ref, bad FROM (
  SELECT 'campaigns.project_id' AS ref, count(*) AS bad FROM expert_network.campaigns c JOIN expert_network.projects p ON p.id = c.project_id WHERE c.user_id IS DISTINCT FROM p.user_id
  UNION ALL SELECT 'campaign_team_assignments.campaign_id', count(*) FROM expert_network.campaign_team_assignments c JOIN expert_network.campaigns p ON p.id = c.campaign_id WHERE c.user_id IS DISTINCT FROM p.user_id
  UNION ALL SELECT 'campaign_team_assignments.team_member_id', count(*) FROM expert_network.campaign_team_assignments c JOIN expert_network.team_members p ON p.id = c.team_member_id WHERE c.user_id IS DISTINCT FROM p.user_id
  UNION ALL SELECT 'screening_questions.campaign_id', count(*) FROM expert_network.screening_questions c JOIN expert_network.campaigns p ON p.id = c.campaign_id WHERE c.user_id IS DISTINCT FROM p.user_id
  UNION ALL SELECT 'screening_questions.parent_question_id', count(*) FROM expert_network.screening_questions c JOIN expert_network.screening_questions p ON p.id = c.parent_question_id WHERE c.user_id IS DISTINCT FROM p.user_id
  UNION ALL SELECT 'campaign_vendor_enrollments.campaign_id', count(*) FROM expert_network.campaign_vendor_enrollments c JOIN expert_network.campaigns p ON p.id = c.campaign_id WHERE c.user_id IS DISTINCT FROM p.user_id
  UNION ALL SELECT 'experts.campaign_id', count(*) FROM expert_network.experts c JOIN expert_network.campaigns p ON p.id = c.campaign_id WHERE c.user_id IS DISTINCT FROM p.user_id
  UNION ALL SELECT 'expert_screening_responses.expert_id', count(*) FROM expert_network.expert_screening_responses c JOIN expert_network.experts p ON p.id = c.expert_id WHERE c.user_id IS DISTINCT FROM p.user_id
  UNION ALL SELECT 'expert_screening_responses.screening_question_id', count(*) FROM expert_network.expert_screening_responses c JOIN expert_network.screening_questions p ON p.id = c.screening_question_id WHERE c.user_id IS DISTINCT FROM p.user_id
  UNION ALL SELECT 'interviews.campaign_id', count(*) FROM expert_network.interviews c JOIN expert_network.campaigns p ON p.id = c.campaign_id WHERE c.user_id IS DISTINCT FROM p.user_id
  UNION ALL SELECT 'interviews.expert_id', count(*) FROM expert_network.interviews c JOIN expert_network.experts p ON p.id = c.expert_id WHERE c.user_id IS DISTINCT FROM p.user_id
  UNION ALL SELECT 'interview_team_assignments.interview_id', count(*) FROM expert_network.interview_team_assignments c JOIN expert_network.interviews p ON p.id = c.interview_id WHERE c.user_id IS DISTINCT FROM p.user_id
  UNION ALL SELECT 'interview_team_assignments.team_member_id', count(*) FROM expert_network.interview_team_assignments c JOIN expert_network.team_members p ON p.id = c.team_member_id WHERE c.user_id IS DISTINCT FROM p.user_id
  UNION ALL SELECT 'completed_interviews.interview_id', count(*) FROM expert_network.completed_interviews c JOIN expert_network.interviews p ON p.id = c.interview_id WHERE c.user_id IS DISTINCT FROM p.user_id
  UNION ALL SELECT 'completed_interviews.campaign_id', count(*) FROM expert_network.completed_interviews c JOIN expert_network.campaigns p ON p.id = c.campaign_id WHERE c.user_id IS DISTINCT FROM p.user_id
  UNION ALL SELECT 'completed_interviews.expert_id', count(*) FROM expert_network.completed_interviews c JOIN expert_network.experts p ON p.id = c.expert_id WHERE c.user_id IS DISTINCT FROM p.user_id
  UNION ALL SELECT 'chat_sessions.campaign_id', count(*) FROM expert_network.chat_sessions c JOIN expert_network.campaigns p ON p.id = c.campaign_id WHERE c.user_id IS DISTINCT FROM p.user_id
  UNION ALL SELECT 'chat_messages.chat_session_id', count(*) FROM expert_network.chat_messages c JOIN expert_network.chat_sessions p ON p.id = c.chat_session_id WHERE c.user_id IS DISTINCT FROM p.user_id
  UNION ALL SELECT 'research_activities.chat_session_id', count(*) FROM expert_network.research_activities c JOIN expert_network.chat_sessions p ON p.id = c.chat_session_id WHERE c.user_id IS DISTINCT FROM p.user_id
  UNION ALL SELECT 'research_sources.chat_session_id', count(*) FROM expert_network.research_sources c JOIN expert_network.chat_sessions p ON p.id = c.chat_session_id WHERE c.user_id IS DISTINCT FROM p.user_id
  UNION ALL SELECT 'answer_sections.chat_session_id', count(*) FROM expert_network.answer_sections c JOIN expert_network.chat_sessions p ON p.id = c.chat_session_id WHERE c.user_id IS DISTINCT FROM p.user_id
  UNION ALL SELECT 'campaign_costs.campaign_id', count(*) FROM expert_network.campaign_costs c JOIN expert_network.campaigns p ON p.id = c.campaign_id WHERE c.user_id IS DISTINCT FROM p.user_id
) r
ORDER BY ref;
