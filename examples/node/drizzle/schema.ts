import { pgTable, pgSchema, index, foreignKey, unique, pgPolicy, check, uuid, date, time, integer, text, timestamp, jsonb, numeric, boolean, uniqueIndex, interval, primaryKey, bigint } from "drizzle-orm/pg-core"
import { sql } from "drizzle-orm"

export const expertNetwork = pgSchema("expert_network");
export const campaignStatusInExpertNetwork = expertNetwork.enum("campaign_status", ['draft', 'active', 'paused', 'completed', 'archived'])
export const complianceDecisionInExpertNetwork = expertNetwork.enum("compliance_decision", ['passed', 'refused', 'excepted'])
export const complianceRuleInExpertNetwork = expertNetwork.enum("compliance_rule", ['restricted_list', 'cooling_off', 'attestation'])
export const enrollmentStatusInExpertNetwork = expertNetwork.enum("enrollment_status", ['not_enrolled', 'pending', 'enrolled'])
export const expertStatusInExpertNetwork = expertNetwork.enum("expert_status", ['proposed', 'reviewed', 'rejected', 'scheduling', 'scheduled', 'completed'])
export const interviewStatusInExpertNetwork = expertNetwork.enum("interview_status", ['pending', 'scheduled', 'confirmed', 'completed', 'cancelled'])
export const researchActivityStatusInExpertNetwork = expertNetwork.enum("research_activity_status", ['queued', 'processing', 'completed', 'failed'])
export const researchSourceStatusInExpertNetwork = expertNetwork.enum("research_source_status", ['processing', 'scraped', 'failed'])


export const interviewsInExpertNetwork = expertNetwork.table("interviews", {
	id: uuid().defaultRandom().primaryKey().notNull(),
	campaignId: uuid("campaign_id").notNull(),
	expertId: uuid("expert_id").notNull(),
	scheduledDate: date("scheduled_date").notNull(),
	scheduledTime: time("scheduled_time").notNull(),
	durationMinutes: integer("duration_minutes").default(60).notNull(),
	timezone: text().default('UTC').notNull(),
	status: interviewStatusInExpertNetwork().default('scheduled').notNull(),
	colorTag: text("color_tag"),
	createdAt: timestamp("created_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
	updatedAt: timestamp("updated_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
	completedAt: timestamp("completed_at", { withTimezone: true, mode: 'string' }),
	cancelledAt: timestamp("cancelled_at", { withTimezone: true, mode: 'string' }),
	userId: text("user_id").default(sql`(expert_network.current_user_id() COLLATE "default")`).notNull(),
	startsAt: timestamp("starts_at", { withTimezone: true, mode: 'string' }).generatedAlwaysAs(sql`expert_network.interview_starts_at(scheduled_date, scheduled_time, timezone)`),
	endsAt: timestamp("ends_at", { withTimezone: true, mode: 'string' }).generatedAlwaysAs(sql`expert_network.interview_ends_at(scheduled_date, scheduled_time, duration_minutes, timezone)`),
}, (table) => [
	index("idx_interviews_campaign").using("btree", table.campaignId.asc().nullsLast().op("uuid_ops")),
	index("idx_interviews_campaign_status").using("btree", table.campaignId.asc().nullsLast().op("enum_ops"), table.status.asc().nullsLast().op("enum_ops")),
	index("idx_interviews_date").using("btree", table.scheduledDate.asc().nullsLast().op("date_ops")),
	index("idx_interviews_expert").using("btree", table.expertId.asc().nullsLast().op("text_ops"), table.userId.asc().nullsLast().op("text_ops")),
	index("idx_interviews_status").using("btree", table.status.asc().nullsLast().op("enum_ops")),
	index("idx_interviews_user").using("btree", table.userId.asc().nullsLast().op("text_ops")),
	foreignKey({
			columns: [table.campaignId, table.userId],
			foreignColumns: [campaignsInExpertNetwork.id, campaignsInExpertNetwork.userId],
			name: "interviews_campaign_id_fkey"
		}).onDelete("cascade"),
	foreignKey({
			columns: [table.expertId, table.userId],
			foreignColumns: [expertsInExpertNetwork.id, expertsInExpertNetwork.userId],
			name: "interviews_expert_id_fkey"
		}).onDelete("cascade"),
	unique("interviews_id_user_id_key").on(table.id, table.userId),
	pgPolicy("owner_rows", { as: "permissive", for: "all", to: ["public"], using: sql`(user_id = ( SELECT expert_network.current_user_id() AS current_user_id))` }),
	check("interviews_duration_minutes_check", sql`duration_minutes > 0`),
]);

export const projectsInExpertNetwork = expertNetwork.table("projects", {
	id: uuid().defaultRandom().primaryKey().notNull(),
	userId: text("user_id").default(sql`(expert_network.current_user_id() COLLATE "default")`).notNull(),
	projectCode: text("project_code").notNull(),
	projectName: text("project_name").notNull(),
	description: text(),
	displayOrder: integer("display_order").default(0).notNull(),
	createdAt: timestamp("created_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
	updatedAt: timestamp("updated_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
}, (table) => [
	index("idx_projects_order").using("btree", table.userId.asc().nullsLast().op("text_ops"), table.displayOrder.asc().nullsLast().op("int4_ops")),
	unique("projects_id_user_id_key").on(table.id, table.userId),
	unique("projects_user_id_project_code_key").on(table.userId, table.projectCode),
	pgPolicy("owner_rows", { as: "permissive", for: "all", to: ["public"], using: sql`(user_id = ( SELECT expert_network.current_user_id() AS current_user_id))` }),
]);

export const campaignsInExpertNetwork = expertNetwork.table("campaigns", {
	id: uuid().defaultRandom().primaryKey().notNull(),
	userId: text("user_id").default(sql`(expert_network.current_user_id() COLLATE "default")`).notNull(),
	projectId: uuid("project_id"),
	campaignName: text("campaign_name").notNull(),
	industryVertical: text("industry_vertical").notNull(),
	customIndustry: text("custom_industry"),
	briefDescription: text("brief_description"),
	expandedDescription: text("expanded_description"),
	startDate: date("start_date").notNull(),
	targetCompletionDate: date("target_completion_date").notNull(),
	targetRegions: text("target_regions").array().notNull(),
	minCalls: integer("min_calls"),
	maxCalls: integer("max_calls"),
	estimatedCalls: integer("estimated_calls"),
	completedCalls: integer("completed_calls").default(0).notNull(),
	scheduledCalls: integer("scheduled_calls").default(0).notNull(),
	status: campaignStatusInExpertNetwork().default('draft').notNull(),
	displayOrder: integer("display_order").default(0).notNull(),
	createdAt: timestamp("created_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
	updatedAt: timestamp("updated_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
}, (table) => [
	index("idx_campaigns_dates").using("btree", table.startDate.asc().nullsLast().op("date_ops"), table.targetCompletionDate.asc().nullsLast().op("date_ops")),
	index("idx_campaigns_order").using("btree", table.userId.asc().nullsLast().op("uuid_ops"), table.projectId.asc().nullsLast().op("uuid_ops"), table.displayOrder.asc().nullsLast().op("text_ops")),
	index("idx_campaigns_project").using("btree", table.projectId.asc().nullsLast().op("uuid_ops")),
	index("idx_campaigns_user").using("btree", table.userId.asc().nullsLast().op("text_ops")),
	foreignKey({
			columns: [table.userId, table.projectId],
			foreignColumns: [projectsInExpertNetwork.id, projectsInExpertNetwork.userId],
			name: "campaigns_project_id_fkey"
		}).onDelete("set null"),
	unique("campaigns_id_user_id_key").on(table.id, table.userId),
	pgPolicy("owner_rows", { as: "permissive", for: "all", to: ["public"], using: sql`(user_id = ( SELECT expert_network.current_user_id() AS current_user_id))` }),
	check("campaigns_dates_check", sql`start_date <= target_completion_date`),
	check("campaigns_min_calls_check", sql`min_calls >= 0`),
	check("campaigns_max_calls_check", sql`max_calls >= 0`),
	check("campaigns_calls_range_check", sql`min_calls <= max_calls`),
	check("campaigns_estimated_calls_check", sql`estimated_calls >= 0`),
	check("campaigns_completed_calls_check", sql`completed_calls >= 0`),
	check("campaigns_scheduled_calls_check", sql`scheduled_calls >= 0`),
]);

export const teamMembersInExpertNetwork = expertNetwork.table("team_members", {
	id: uuid().defaultRandom().primaryKey().notNull(),
	userId: text("user_id").default(sql`(expert_network.current_user_id() COLLATE "default")`).notNull(),
	name: text().notNull(),
	email: text(),
	designation: text().notNull(),
	avatarUrl: text("avatar_url"),
	createdAt: timestamp("created_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
}, (table) => [
	index("idx_team_members_user").using("btree", table.userId.asc().nullsLast().op("text_ops")),
	unique("team_members_id_user_id_key").on(table.id, table.userId),
	pgPolicy("owner_rows", { as: "permissive", for: "all", to: ["public"], using: sql`(user_id = ( SELECT expert_network.current_user_id() AS current_user_id))` }),
]);

export const screeningQuestionsInExpertNetwork = expertNetwork.table("screening_questions", {
	id: uuid().defaultRandom().primaryKey().notNull(),
	campaignId: uuid("campaign_id").notNull(),
	parentQuestionId: uuid("parent_question_id"),
	questionText: text("question_text").notNull(),
	questionType: text("question_type").default('text'),
	options: jsonb(),
	displayOrder: integer("display_order").default(0).notNull(),
	createdAt: timestamp("created_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
	updatedAt: timestamp("updated_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
	userId: text("user_id").default(sql`(expert_network.current_user_id() COLLATE "default")`).notNull(),
}, (table) => [
	index("idx_screening_campaign").using("btree", table.campaignId.asc().nullsLast().op("uuid_ops")),
	index("idx_screening_order").using("btree", table.campaignId.asc().nullsLast().op("uuid_ops"), table.displayOrder.asc().nullsLast().op("int4_ops")),
	index("idx_screening_parent").using("btree", table.parentQuestionId.asc().nullsLast().op("uuid_ops")),
	index("idx_screening_questions_user").using("btree", table.userId.asc().nullsLast().op("text_ops")),
	index("idx_screening_top").using("btree", table.campaignId.asc().nullsLast().op("uuid_ops")).where(sql`(parent_question_id IS NULL)`),
	foreignKey({
			columns: [table.campaignId, table.userId],
			foreignColumns: [campaignsInExpertNetwork.id, campaignsInExpertNetwork.userId],
			name: "screening_questions_campaign_id_fkey"
		}).onDelete("cascade"),
	foreignKey({
			columns: [table.parentQuestionId, table.userId],
			foreignColumns: [table.id, table.userId],
			name: "screening_questions_parent_question_id_fkey"
		}).onDelete("cascade"),
	unique("screening_questions_id_user_id_key").on(table.id, table.userId),
	pgPolicy("owner_rows", { as: "permissive", for: "all", to: ["public"], using: sql`(user_id = ( SELECT expert_network.current_user_id() AS current_user_id))` }),
	check("screening_questions_question_type_check", sql`question_type = ANY (ARRAY['text'::text, 'multiple-choice'::text, 'rating'::text])`),
]);

export const vendorPlatformsInExpertNetwork = expertNetwork.table("vendor_platforms", {
	id: uuid().defaultRandom().primaryKey().notNull(),
	name: text().notNull(),
	logoUrl: text("logo_url"),
	location: text(),
	overallScore: numeric("overall_score", { precision: 2, scale:  1 }),
	avgCostPerCallMin: integer("avg_cost_per_call_min"),
	avgCostPerCallMax: integer("avg_cost_per_call_max"),
	description: text(),
	tags: text().array(),
	isActive: boolean("is_active").default(true).notNull(),
	createdAt: timestamp("created_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
	updatedAt: timestamp("updated_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
}, (table) => [
	index("idx_vendors_active").using("btree", table.isActive.asc().nullsLast().op("bool_ops")),
	unique("vendor_platforms_name_key").on(table.name),
	check("vendor_platforms_overall_score_check", sql`(overall_score >= (0)::numeric) AND (overall_score <= (5)::numeric)`),
	check("vendor_platforms_cost_min_check", sql`avg_cost_per_call_min >= 0`),
	check("vendor_platforms_cost_max_check", sql`avg_cost_per_call_max >= 0`),
	check("vendor_platforms_cost_range_check", sql`avg_cost_per_call_min <= avg_cost_per_call_max`),
]);

export const campaignVendorEnrollmentsInExpertNetwork = expertNetwork.table("campaign_vendor_enrollments", {
	id: uuid().defaultRandom().primaryKey().notNull(),
	campaignId: uuid("campaign_id").notNull(),
	vendorPlatformId: uuid("vendor_platform_id").notNull(),
	status: enrollmentStatusInExpertNetwork().default('pending').notNull(),
	enrolledAt: timestamp("enrolled_at", { withTimezone: true, mode: 'string' }),
	accountManagerName: text("account_manager_name"),
	accountManagerEmail: text("account_manager_email"),
	notes: text(),
	createdAt: timestamp("created_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
	updatedAt: timestamp("updated_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
	userId: text("user_id").default(sql`(expert_network.current_user_id() COLLATE "default")`).notNull(),
}, (table) => [
	index("idx_campaign_vendor_enrollments_user").using("btree", table.userId.asc().nullsLast().op("text_ops")),
	index("idx_enrollments_status").using("btree", table.status.asc().nullsLast().op("enum_ops")),
	index("idx_enrollments_vendor").using("btree", table.vendorPlatformId.asc().nullsLast().op("uuid_ops")),
	foreignKey({
			columns: [table.campaignId, table.userId],
			foreignColumns: [campaignsInExpertNetwork.id, campaignsInExpertNetwork.userId],
			name: "campaign_vendor_enrollments_campaign_id_fkey"
		}).onDelete("cascade"),
	foreignKey({
			columns: [table.vendorPlatformId],
			foreignColumns: [vendorPlatformsInExpertNetwork.id],
			name: "campaign_vendor_enrollments_vendor_platform_id_fkey"
		}).onDelete("cascade"),
	unique("campaign_vendor_enrollments_campaign_id_vendor_platform_id_key").on(table.campaignId, table.vendorPlatformId),
	pgPolicy("owner_rows", { as: "permissive", for: "all", to: ["public"], using: sql`(user_id = ( SELECT expert_network.current_user_id() AS current_user_id))` }),
]);

export const expertScreeningResponsesInExpertNetwork = expertNetwork.table("expert_screening_responses", {
	id: uuid().defaultRandom().primaryKey().notNull(),
	expertId: uuid("expert_id").notNull(),
	screeningQuestionId: uuid("screening_question_id").notNull(),
	responseText: text("response_text").notNull(),
	createdAt: timestamp("created_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
	userId: text("user_id").default(sql`(expert_network.current_user_id() COLLATE "default")`).notNull(),
}, (table) => [
	index("idx_expert_screening_responses_user").using("btree", table.userId.asc().nullsLast().op("text_ops")),
	index("idx_responses_expert").using("btree", table.expertId.asc().nullsLast().op("uuid_ops")),
	index("idx_responses_question").using("btree", table.screeningQuestionId.asc().nullsLast().op("uuid_ops")),
	foreignKey({
			columns: [table.expertId, table.userId],
			foreignColumns: [expertsInExpertNetwork.id, expertsInExpertNetwork.userId],
			name: "expert_screening_responses_expert_id_fkey"
		}).onDelete("cascade"),
	foreignKey({
			columns: [table.screeningQuestionId, table.userId],
			foreignColumns: [screeningQuestionsInExpertNetwork.id, screeningQuestionsInExpertNetwork.userId],
			name: "expert_screening_responses_screening_question_id_fkey"
		}).onDelete("cascade"),
	pgPolicy("owner_rows", { as: "permissive", for: "all", to: ["public"], using: sql`(user_id = ( SELECT expert_network.current_user_id() AS current_user_id))` }),
]);

export const completedInterviewsInExpertNetwork = expertNetwork.table("completed_interviews", {
	id: uuid().defaultRandom().primaryKey().notNull(),
	interviewId: uuid("interview_id").notNull(),
	campaignId: uuid("campaign_id").notNull(),
	expertId: uuid("expert_id").notNull(),
	interviewDate: date("interview_date").notNull(),
	interviewTime: text("interview_time").notNull(),
	duration: text().notNull(),
	transcriptUrl: text("transcript_url"),
	transcriptAvailable: boolean("transcript_available").default(false).notNull(),
	recordingUrl: text("recording_url"),
	notes: text(),
	rating: numeric({ precision: 2, scale:  1 }),
	relevanceRating: numeric("relevance_rating", { precision: 2, scale:  1 }),
	expertiseRating: numeric("expertise_rating", { precision: 2, scale:  1 }),
	communicationRating: numeric("communication_rating", { precision: 2, scale:  1 }),
	reviewText: text("review_text"),
	completedAt: timestamp("completed_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
	ratedAt: timestamp("rated_at", { withTimezone: true, mode: 'string' }),
	userId: text("user_id").default(sql`(expert_network.current_user_id() COLLATE "default")`).notNull(),
}, (table) => [
	index("idx_completed_campaign").using("btree", table.campaignId.asc().nullsLast().op("uuid_ops")),
	index("idx_completed_date").using("btree", table.interviewDate.asc().nullsLast().op("date_ops")),
	index("idx_completed_expert").using("btree", table.expertId.asc().nullsLast().op("uuid_ops")),
	index("idx_completed_interviews_user").using("btree", table.userId.asc().nullsLast().op("text_ops")),
	index("idx_completed_rating").using("btree", table.rating.asc().nullsLast().op("numeric_ops")),
	foreignKey({
			columns: [table.interviewId, table.userId],
			foreignColumns: [interviewsInExpertNetwork.id, interviewsInExpertNetwork.userId],
			name: "completed_interviews_interview_id_fkey"
		}).onDelete("cascade"),
	foreignKey({
			columns: [table.campaignId, table.userId],
			foreignColumns: [campaignsInExpertNetwork.id, campaignsInExpertNetwork.userId],
			name: "completed_interviews_campaign_id_fkey"
		}).onDelete("cascade"),
	foreignKey({
			columns: [table.expertId, table.userId],
			foreignColumns: [expertsInExpertNetwork.id, expertsInExpertNetwork.userId],
			name: "completed_interviews_expert_id_fkey"
		}).onDelete("cascade"),
	unique("completed_interviews_interview_id_key").on(table.interviewId),
	pgPolicy("owner_rows", { as: "permissive", for: "all", to: ["public"], using: sql`(user_id = ( SELECT expert_network.current_user_id() AS current_user_id))` }),
	check("completed_interviews_rating_check", sql`(rating >= (0)::numeric) AND (rating <= (5)::numeric)`),
	check("completed_interviews_relevance_rating_check", sql`(relevance_rating >= (0)::numeric) AND (relevance_rating <= (5)::numeric)`),
	check("completed_interviews_expertise_rating_check", sql`(expertise_rating >= (0)::numeric) AND (expertise_rating <= (5)::numeric)`),
	check("completed_interviews_communication_rating_check", sql`(communication_rating >= (0)::numeric) AND (communication_rating <= (5)::numeric)`),
]);

export const chatSessionsInExpertNetwork = expertNetwork.table("chat_sessions", {
	id: uuid().defaultRandom().primaryKey().notNull(),
	userId: text("user_id").default(sql`(expert_network.current_user_id() COLLATE "default")`).notNull(),
	campaignId: uuid("campaign_id"),
	title: text().notNull(),
	createdAt: timestamp("created_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
	updatedAt: timestamp("updated_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
}, (table) => [
	index("idx_chat_sessions_campaign").using("btree", table.campaignId.asc().nullsLast().op("uuid_ops")),
	index("idx_chat_sessions_updated").using("btree", table.userId.asc().nullsLast().op("timestamptz_ops"), table.updatedAt.desc().nullsFirst().op("timestamptz_ops")),
	index("idx_chat_sessions_user").using("btree", table.userId.asc().nullsLast().op("text_ops")),
	foreignKey({
			columns: [table.userId, table.campaignId],
			foreignColumns: [campaignsInExpertNetwork.id, campaignsInExpertNetwork.userId],
			name: "chat_sessions_campaign_id_fkey"
		}).onDelete("set null"),
	unique("chat_sessions_id_user_id_key").on(table.id, table.userId),
	pgPolicy("owner_rows", { as: "permissive", for: "all", to: ["public"], using: sql`(user_id = ( SELECT expert_network.current_user_id() AS current_user_id))` }),
]);

export const chatMessagesInExpertNetwork = expertNetwork.table("chat_messages", {
	id: uuid().defaultRandom().primaryKey().notNull(),
	chatSessionId: uuid("chat_session_id").notNull(),
	role: text().notNull(),
	content: text().notNull(),
	createdAt: timestamp("created_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
	userId: text("user_id").default(sql`(expert_network.current_user_id() COLLATE "default")`).notNull(),
}, (table) => [
	index("idx_chat_messages_created").using("btree", table.chatSessionId.asc().nullsLast().op("uuid_ops"), table.createdAt.asc().nullsLast().op("timestamptz_ops")),
	index("idx_chat_messages_session").using("btree", table.chatSessionId.asc().nullsLast().op("uuid_ops")),
	index("idx_chat_messages_user").using("btree", table.userId.asc().nullsLast().op("text_ops")),
	foreignKey({
			columns: [table.chatSessionId, table.userId],
			foreignColumns: [chatSessionsInExpertNetwork.id, chatSessionsInExpertNetwork.userId],
			name: "chat_messages_chat_session_id_fkey"
		}).onDelete("cascade"),
	pgPolicy("owner_rows", { as: "permissive", for: "all", to: ["public"], using: sql`(user_id = ( SELECT expert_network.current_user_id() AS current_user_id))` }),
	check("chat_messages_role_check", sql`role = ANY (ARRAY['user'::text, 'assistant'::text])`),
]);

export const researchActivitiesInExpertNetwork = expertNetwork.table("research_activities", {
	id: uuid().defaultRandom().primaryKey().notNull(),
	chatSessionId: uuid("chat_session_id").notNull(),
	activityName: text("activity_name").notNull(),
	status: researchActivityStatusInExpertNetwork().default('queued').notNull(),
	confidence: integer(),
	resultData: jsonb("result_data"),
	createdAt: timestamp("created_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
	completedAt: timestamp("completed_at", { withTimezone: true, mode: 'string' }),
	userId: text("user_id").default(sql`(expert_network.current_user_id() COLLATE "default")`).notNull(),
}, (table) => [
	index("idx_research_activities_user").using("btree", table.userId.asc().nullsLast().op("text_ops")),
	index("idx_research_session").using("btree", table.chatSessionId.asc().nullsLast().op("uuid_ops")),
	index("idx_research_status").using("btree", table.status.asc().nullsLast().op("enum_ops")),
	foreignKey({
			columns: [table.chatSessionId, table.userId],
			foreignColumns: [chatSessionsInExpertNetwork.id, chatSessionsInExpertNetwork.userId],
			name: "research_activities_chat_session_id_fkey"
		}).onDelete("cascade"),
	pgPolicy("owner_rows", { as: "permissive", for: "all", to: ["public"], using: sql`(user_id = ( SELECT expert_network.current_user_id() AS current_user_id))` }),
	check("research_activities_confidence_check", sql`(confidence >= 0) AND (confidence <= 100)`),
]);

export const researchSourcesInExpertNetwork = expertNetwork.table("research_sources", {
	id: uuid().defaultRandom().primaryKey().notNull(),
	chatSessionId: uuid("chat_session_id").notNull(),
	sourceName: text("source_name").notNull(),
	sourceType: text("source_type").notNull(),
	status: researchSourceStatusInExpertNetwork().default('processing').notNull(),
	sizeText: text("size_text"),
	url: text(),
	contentPreview: text("content_preview"),
	metadata: jsonb(),
	createdAt: timestamp("created_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
	userId: text("user_id").default(sql`(expert_network.current_user_id() COLLATE "default")`).notNull(),
}, (table) => [
	index("idx_research_sources_user").using("btree", table.userId.asc().nullsLast().op("text_ops")),
	index("idx_sources_session").using("btree", table.chatSessionId.asc().nullsLast().op("uuid_ops")),
	index("idx_sources_status").using("btree", table.status.asc().nullsLast().op("enum_ops")),
	foreignKey({
			columns: [table.chatSessionId, table.userId],
			foreignColumns: [chatSessionsInExpertNetwork.id, chatSessionsInExpertNetwork.userId],
			name: "research_sources_chat_session_id_fkey"
		}).onDelete("cascade"),
	pgPolicy("owner_rows", { as: "permissive", for: "all", to: ["public"], using: sql`(user_id = ( SELECT expert_network.current_user_id() AS current_user_id))` }),
]);

export const answerSectionsInExpertNetwork = expertNetwork.table("answer_sections", {
	id: uuid().defaultRandom().primaryKey().notNull(),
	chatSessionId: uuid("chat_session_id").notNull(),
	title: text().notNull(),
	content: text().notNull(),
	displayOrder: integer("display_order").default(0).notNull(),
	createdAt: timestamp("created_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
	userId: text("user_id").default(sql`(expert_network.current_user_id() COLLATE "default")`).notNull(),
}, (table) => [
	index("idx_answer_sections_order").using("btree", table.chatSessionId.asc().nullsLast().op("uuid_ops"), table.displayOrder.asc().nullsLast().op("int4_ops")),
	index("idx_answer_sections_session").using("btree", table.chatSessionId.asc().nullsLast().op("uuid_ops")),
	index("idx_answer_sections_user").using("btree", table.userId.asc().nullsLast().op("text_ops")),
	foreignKey({
			columns: [table.chatSessionId, table.userId],
			foreignColumns: [chatSessionsInExpertNetwork.id, chatSessionsInExpertNetwork.userId],
			name: "answer_sections_chat_session_id_fkey"
		}).onDelete("cascade"),
	pgPolicy("owner_rows", { as: "permissive", for: "all", to: ["public"], using: sql`(user_id = ( SELECT expert_network.current_user_id() AS current_user_id))` }),
]);

export const userUiPreferencesInExpertNetwork = expertNetwork.table("user_ui_preferences", {
	userId: text("user_id").default(sql`(expert_network.current_user_id() COLLATE "default")`).primaryKey().notNull(),
	columnWidths: jsonb("column_widths").default({"cost":80,"team":80,"delete":32,"status":96,"divider":1,"industry":180,"timeline":250,"dragHandle":16,"campaignName":400,"callsProgress":200,"targetRegions":288}).notNull(),
	panelSizing: jsonb("panel_sizing").default({"chatWidth":400,"topHeight":300,"answerWidth":600,"sourcesWidth":300,"activitiesWidth":300}).notNull(),
	theme: text().default('light').notNull(),
	expandedProjects: text("expanded_projects").array(),
	updatedAt: timestamp("updated_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
}, (table) => [
	pgPolicy("owner_rows", { as: "permissive", for: "all", to: ["public"], using: sql`(user_id = ( SELECT expert_network.current_user_id() AS current_user_id))` }),
	check("user_ui_preferences_theme_check", sql`theme = ANY (ARRAY['light'::text, 'dark'::text])`),
]);

export const campaignCostsInExpertNetwork = expertNetwork.table("campaign_costs", {
	id: uuid().defaultRandom().primaryKey().notNull(),
	campaignId: uuid("campaign_id").notNull(),
	vendorPlatformId: uuid("vendor_platform_id"),
	feeType: text("fee_type").notNull(),
	amountUsd: numeric("amount_usd", { precision: 10, scale:  2 }).notNull(),
	units: integer(),
	memo: text(),
	invoiceDate: date("invoice_date"),
	createdAt: timestamp("created_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
	updatedAt: timestamp("updated_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
	userId: text("user_id").default(sql`(expert_network.current_user_id() COLLATE "default")`).notNull(),
}, (table) => [
	index("idx_campaign_costs_campaign").using("btree", table.campaignId.asc().nullsLast().op("uuid_ops")),
	index("idx_campaign_costs_user").using("btree", table.userId.asc().nullsLast().op("text_ops")),
	index("idx_campaign_costs_vendor").using("btree", table.vendorPlatformId.asc().nullsLast().op("uuid_ops")),
	foreignKey({
			columns: [table.campaignId, table.userId],
			foreignColumns: [campaignsInExpertNetwork.id, campaignsInExpertNetwork.userId],
			name: "campaign_costs_campaign_id_fkey"
		}).onDelete("cascade"),
	foreignKey({
			columns: [table.vendorPlatformId],
			foreignColumns: [vendorPlatformsInExpertNetwork.id],
			name: "campaign_costs_vendor_platform_id_fkey"
		}),
	pgPolicy("owner_rows", { as: "permissive", for: "all", to: ["public"], using: sql`(user_id = ( SELECT expert_network.current_user_id() AS current_user_id))` }),
	check("campaign_costs_fee_type_check", sql`fee_type = ANY (ARRAY['recruiting_fee'::text, 'per_call'::text, 'subscription'::text])`),
	check("campaign_costs_amount_usd_check", sql`amount_usd >= (0)::numeric`),
	check("campaign_costs_units_check", sql`units >= 0`),
]);

export const expertEmploymentsInExpertNetwork = expertNetwork.table("expert_employments", {
	id: uuid().defaultRandom().primaryKey().notNull(),
	expertId: uuid("expert_id").notNull(),
	company: text().notNull(),
	ticker: text(),
	publiclyTraded: boolean("publicly_traded").default(true).notNull(),
	title: text(),
	startedOn: date("started_on"),
	endedOn: date("ended_on"),
	matchKeys: text("match_keys").array().generatedAlwaysAs(sql`expert_network.company_keys(company, ticker, NULL::text[])`),
	createdAt: timestamp("created_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
	updatedAt: timestamp("updated_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
	userId: text("user_id").default(sql`(expert_network.current_user_id() COLLATE "default")`).notNull(),
}, (table) => [
	uniqueIndex("idx_expert_employments_current").using("btree", table.expertId.asc().nullsLast().op("uuid_ops")).where(sql`(ended_on IS NULL)`),
	index("idx_expert_employments_expert").using("btree", table.expertId.asc().nullsLast().op("uuid_ops"), table.userId.asc().nullsLast().op("uuid_ops")),
	index("idx_expert_employments_user").using("btree", table.userId.asc().nullsLast().op("text_ops")),
	foreignKey({
			columns: [table.expertId, table.userId],
			foreignColumns: [expertsInExpertNetwork.id, expertsInExpertNetwork.userId],
			name: "expert_employments_expert_id_fkey"
		}).onDelete("cascade"),
	pgPolicy("owner_rows", { as: "permissive", for: "all", to: ["public"], using: sql`(user_id = ( SELECT expert_network.current_user_id() AS current_user_id))` }),
	check("expert_employments_dates_check", sql`ended_on >= started_on`),
]);

export const campaignSubjectCompaniesInExpertNetwork = expertNetwork.table("campaign_subject_companies", {
	id: uuid().defaultRandom().primaryKey().notNull(),
	campaignId: uuid("campaign_id").notNull(),
	company: text().notNull(),
	ticker: text(),
	matchKeys: text("match_keys").array().generatedAlwaysAs(sql`expert_network.company_keys(company, ticker, NULL::text[])`),
	createdAt: timestamp("created_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
	userId: text("user_id").default(sql`(expert_network.current_user_id() COLLATE "default")`).notNull(),
}, (table) => [
	index("idx_campaign_subject_companies_campaign").using("btree", table.campaignId.asc().nullsLast().op("text_ops"), table.userId.asc().nullsLast().op("text_ops")),
	index("idx_campaign_subject_companies_user").using("btree", table.userId.asc().nullsLast().op("text_ops")),
	foreignKey({
			columns: [table.campaignId, table.userId],
			foreignColumns: [campaignsInExpertNetwork.id, campaignsInExpertNetwork.userId],
			name: "campaign_subject_companies_campaign_id_fkey"
		}).onDelete("cascade"),
	pgPolicy("owner_rows", { as: "permissive", for: "all", to: ["public"], using: sql`(user_id = ( SELECT expert_network.current_user_id() AS current_user_id))` }),
	check("campaign_subject_companies_company_check", sql`expert_network.company_key(company) <> ''::text`),
]);

export const interviewAttestationsInExpertNetwork = expertNetwork.table("interview_attestations", {
	id: uuid().defaultRandom().primaryKey().notNull(),
	interviewId: uuid("interview_id").notNull(),
	attestedBy: text("attested_by").notNull(),
	attestedAt: timestamp("attested_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
	termsVersion: text("terms_version").notNull(),
	noMaterialNonpublicInformation: boolean("no_material_nonpublic_information").notNull(),
	noConflictingObligations: boolean("no_conflicting_obligations").notNull(),
	conflictsDisclosed: text("conflicts_disclosed"),
	userId: text("user_id").default(sql`(expert_network.current_user_id() COLLATE "default")`).notNull(),
}, (table) => [
	index("idx_interview_attestations_interview").using("btree", table.interviewId.asc().nullsLast().op("text_ops"), table.userId.asc().nullsLast().op("text_ops")),
	index("idx_interview_attestations_user").using("btree", table.userId.asc().nullsLast().op("text_ops")),
	foreignKey({
			columns: [table.interviewId, table.userId],
			foreignColumns: [interviewsInExpertNetwork.id, interviewsInExpertNetwork.userId],
			name: "interview_attestations_interview_id_fkey"
		}).onDelete("cascade"),
	pgPolicy("owner_rows", { as: "permissive", for: "all", to: ["public"], using: sql`(user_id = ( SELECT expert_network.current_user_id() AS current_user_id))` }),
	check("interview_attestations_statements_check", sql`no_material_nonpublic_information AND no_conflicting_obligations`),
]);

export const expertsInExpertNetwork = expertNetwork.table("experts", {
	id: uuid().defaultRandom().primaryKey().notNull(),
	campaignId: uuid("campaign_id").notNull(),
	vendorPlatformId: uuid("vendor_platform_id").notNull(),
	name: text().notNull(),
	title: text().notNull(),
	company: text(),
	avatarUrl: text("avatar_url"),
	description: text(),
	workHistory: text("work_history"),
	skills: text().array(),
	rating: numeric({ precision: 2, scale:  1 }),
	aiFitScore: integer("ai_fit_score"),
	status: expertStatusInExpertNetwork().default('proposed').notNull(),
	isNew: boolean("is_new").default(true).notNull(),
	createdAt: timestamp("created_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
	updatedAt: timestamp("updated_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
	reviewedAt: timestamp("reviewed_at", { withTimezone: true, mode: 'string' }),
	userId: text("user_id").default(sql`(expert_network.current_user_id() COLLATE "default")`).notNull(),
	profileUrl: text("profile_url"),
	email: text(),
	personKey: text("person_key").generatedAlwaysAs(sql`expert_network.person_key(profile_url, email, name, company)`),
}, (table) => [
	index("idx_experts_campaign").using("btree", table.campaignId.asc().nullsLast().op("uuid_ops")),
	index("idx_experts_campaign_status").using("btree", table.campaignId.asc().nullsLast().op("enum_ops"), table.status.asc().nullsLast().op("enum_ops")),
	index("idx_experts_person").using("btree", table.userId.asc().nullsLast().op("text_ops"), table.personKey.asc().nullsLast().op("text_ops")),
	index("idx_experts_status").using("btree", table.status.asc().nullsLast().op("enum_ops")),
	index("idx_experts_user").using("btree", table.userId.asc().nullsLast().op("text_ops")),
	index("idx_experts_vendor").using("btree", table.vendorPlatformId.asc().nullsLast().op("uuid_ops")),
	foreignKey({
			columns: [table.campaignId, table.userId],
			foreignColumns: [campaignsInExpertNetwork.id, campaignsInExpertNetwork.userId],
			name: "experts_campaign_id_fkey"
		}).onDelete("cascade"),
	foreignKey({
			columns: [table.vendorPlatformId],
			foreignColumns: [vendorPlatformsInExpertNetwork.id],
			name: "experts_vendor_platform_id_fkey"
		}),
	unique("experts_id_user_id_key").on(table.id, table.userId),
	pgPolicy("owner_rows", { as: "permissive", for: "all", to: ["public"], using: sql`(user_id = ( SELECT expert_network.current_user_id() AS current_user_id))` }),
	check("experts_rating_check", sql`(rating >= (0)::numeric) AND (rating <= (5)::numeric)`),
	check("experts_ai_fit_score_check", sql`(ai_fit_score >= 0) AND (ai_fit_score <= 10)`),
]);

export const statusHistoryInExpertNetwork = expertNetwork.table("status_history", {
	id: uuid().default(sql`expert_network.uuid_v7()`).primaryKey().notNull(),
	userId: text("user_id").default(sql`(expert_network.current_user_id() COLLATE "default")`).notNull(),
	entity: text().notNull(),
	rowId: uuid("row_id").notNull(),
	fromStatus: text("from_status"),
	toStatus: text("to_status").notNull(),
	changedAt: timestamp("changed_at", { withTimezone: true, mode: 'string' }).default(sql`clock_timestamp()`).notNull(),
}, (table) => [
	index("idx_status_history_row").using("btree", table.rowId.asc().nullsLast().op("timestamptz_ops"), table.changedAt.asc().nullsLast().op("timestamptz_ops")),
	index("idx_status_history_user").using("btree", table.userId.asc().nullsLast().op("text_ops")),
	pgPolicy("owner_rows", { as: "permissive", for: "all", to: ["public"], using: sql`(user_id = ( SELECT expert_network.current_user_id() AS current_user_id))` }),
	check("status_history_entity_check", sql`entity = ANY (ARRAY['campaign'::text, 'expert'::text, 'interview'::text, 'enrollment'::text, 'research_activity'::text, 'research_source'::text])`),
]);

export const callCapsInExpertNetwork = expertNetwork.table("call_caps", {
	userId: text("user_id").default(sql`(expert_network.current_user_id() COLLATE "default")`).primaryKey().notNull(),
	maxCalls: integer("max_calls").notNull(),
	callWindow: interval("call_window").default('1 year').notNull(),
	updatedAt: timestamp("updated_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
}, (table) => [
	pgPolicy("owner_rows", { as: "permissive", for: "all", to: ["public"], using: sql`(user_id = ( SELECT expert_network.current_user_id() AS current_user_id))` }),
	check("call_caps_max_calls_check", sql`(max_calls >= 1) AND (max_calls <= 10000)`),
	check("call_caps_call_window_check", sql`(call_window > '00:00:00'::interval) AND (call_window <= '10 years'::interval)`),
]);

export const restrictedCompaniesInExpertNetwork = expertNetwork.table("restricted_companies", {
	id: uuid().defaultRandom().primaryKey().notNull(),
	company: text().notNull(),
	ticker: text(),
	aliases: text().array().notNull(),
	appliesFrom: date("applies_from").default(sql`CURRENT_DATE`).notNull(),
	appliesUntil: date("applies_until"),
	reason: text(),
	matchKeys: text("match_keys").array().generatedAlwaysAs(sql`expert_network.company_keys(company, ticker, aliases)`),
	createdAt: timestamp("created_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
	updatedAt: timestamp("updated_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
	userId: text("user_id").default(sql`(expert_network.current_user_id() COLLATE "default")`).notNull(),
}, (table) => [
	index("idx_restricted_companies_keys").using("gin", table.matchKeys.asc().nullsLast().op("company_keys_ops")),
	index("idx_restricted_companies_user").using("btree", table.userId.asc().nullsLast().op("text_ops")),
	pgPolicy("owner_rows", { as: "permissive", for: "all", to: ["public"], using: sql`(user_id = ( SELECT expert_network.current_user_id() AS current_user_id))` }),
	check("restricted_companies_company_check", sql`expert_network.company_key(company) <> ''::text`),
	check("restricted_companies_dates_check", sql`applies_until >= applies_from`),
]);

export const compliancePoliciesInExpertNetwork = expertNetwork.table("compliance_policies", {
	userId: text("user_id").default(sql`(expert_network.current_user_id() COLLATE "default")`).primaryKey().notNull(),
	coolingOffPublicMonths: integer("cooling_off_public_months").default(6).notNull(),
	coolingOffPrivateMonths: integer("cooling_off_private_months").default(3).notNull(),
	attestationRequired: boolean("attestation_required").default(true).notNull(),
	updatedAt: timestamp("updated_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
}, (table) => [
	pgPolicy("owner_rows", { as: "permissive", for: "all", to: ["public"], using: sql`(user_id = ( SELECT expert_network.current_user_id() AS current_user_id))` }),
	check("compliance_policies_months_check", sql`(cooling_off_public_months >= 0) AND (cooling_off_public_months <= 120) AND (cooling_off_private_months >= 0) AND (cooling_off_private_months <= 120)`),
]);

export const complianceExceptionsInExpertNetwork = expertNetwork.table("compliance_exceptions", {
	id: uuid().defaultRandom().primaryKey().notNull(),
	expertId: uuid("expert_id").notNull(),
	rule: complianceRuleInExpertNetwork().notNull(),
	reason: text().notNull(),
	approvedBy: text("approved_by").default(sql`((CURRENT_USER)::text COLLATE "default")`).notNull(),
	approvedAt: timestamp("approved_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
	expiresAt: timestamp("expires_at", { withTimezone: true, mode: 'string' }).notNull(),
	userId: text("user_id").default(sql`(expert_network.current_user_id() COLLATE "default")`).notNull(),
}, (table) => [
	index("idx_compliance_exceptions_expert").using("btree", table.expertId.asc().nullsLast().op("text_ops"), table.userId.asc().nullsLast().op("text_ops")),
	index("idx_compliance_exceptions_user").using("btree", table.userId.asc().nullsLast().op("text_ops")),
	foreignKey({
			columns: [table.expertId, table.userId],
			foreignColumns: [expertsInExpertNetwork.id, expertsInExpertNetwork.userId],
			name: "compliance_exceptions_expert_id_fkey"
		}).onDelete("cascade"),
	pgPolicy("owner_rows", { as: "permissive", for: "all", to: ["public"], using: sql`(user_id = ( SELECT expert_network.current_user_id() AS current_user_id))` }),
	check("compliance_exceptions_reason_check", sql`btrim(reason) <> ''::text`),
	check("compliance_exceptions_expiry_check", sql`expires_at > approved_at`),
]);

export const complianceLogInExpertNetwork = expertNetwork.table("compliance_log", {
	id: uuid().default(sql`expert_network.uuid_v7()`).primaryKey().notNull(),
	userId: text("user_id").default(sql`(expert_network.current_user_id() COLLATE "default")`).notNull(),
	loggedAt: timestamp("logged_at", { withTimezone: true, mode: 'string' }).default(sql`clock_timestamp()`).notNull(),
	interviewId: uuid("interview_id"),
	expertId: uuid("expert_id").notNull(),
	callDate: date("call_date").notNull(),
	rule: complianceRuleInExpertNetwork().notNull(),
	decision: complianceDecisionInExpertNetwork().notNull(),
	detail: jsonb(),
	exceptionId: uuid("exception_id"),
	decidedBy: text("decided_by").default(sql`((CURRENT_USER)::text COLLATE "default")`).notNull(),
}, (table) => [
	index("idx_compliance_log_user_expert").using("btree", table.userId.asc().nullsLast().op("text_ops"), table.expertId.asc().nullsLast().op("text_ops")),
	pgPolicy("owner_rows", { as: "permissive", for: "all", to: ["public"], using: sql`(user_id = ( SELECT expert_network.current_user_id() AS current_user_id))` }),
]);

export const interviewTeamAssignmentsInExpertNetwork = expertNetwork.table("interview_team_assignments", {
	interviewId: uuid("interview_id").notNull(),
	teamMemberId: uuid("team_member_id").notNull(),
	userId: text("user_id").default(sql`(expert_network.current_user_id() COLLATE "default")`).notNull(),
}, (table) => [
	index("idx_interview_team_assignments_user").using("btree", table.userId.asc().nullsLast().op("text_ops")),
	index("idx_interview_team_member").using("btree", table.teamMemberId.asc().nullsLast().op("uuid_ops"), table.userId.asc().nullsLast().op("text_ops")),
	foreignKey({
			columns: [table.interviewId, table.userId],
			foreignColumns: [interviewsInExpertNetwork.id, interviewsInExpertNetwork.userId],
			name: "interview_team_assignments_interview_id_fkey"
		}).onDelete("cascade"),
	foreignKey({
			columns: [table.teamMemberId, table.userId],
			foreignColumns: [teamMembersInExpertNetwork.id, teamMembersInExpertNetwork.userId],
			name: "interview_team_assignments_team_member_id_fkey"
		}).onDelete("cascade"),
	primaryKey({ columns: [table.interviewId, table.teamMemberId], name: "interview_team_assignments_pkey"}),
	pgPolicy("owner_rows", { as: "permissive", for: "all", to: ["public"], using: sql`(user_id = ( SELECT expert_network.current_user_id() AS current_user_id))` }),
]);

export const campaignTeamAssignmentsInExpertNetwork = expertNetwork.table("campaign_team_assignments", {
	campaignId: uuid("campaign_id").notNull(),
	teamMemberId: uuid("team_member_id").notNull(),
	assignedAt: timestamp("assigned_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
	userId: text("user_id").default(sql`(expert_network.current_user_id() COLLATE "default")`).notNull(),
}, (table) => [
	index("idx_campaign_team_assignments_user").using("btree", table.userId.asc().nullsLast().op("text_ops")),
	index("idx_campaign_team_member").using("btree", table.teamMemberId.asc().nullsLast().op("uuid_ops")),
	foreignKey({
			columns: [table.campaignId, table.userId],
			foreignColumns: [campaignsInExpertNetwork.id, campaignsInExpertNetwork.userId],
			name: "campaign_team_assignments_campaign_id_fkey"
		}).onDelete("cascade"),
	foreignKey({
			columns: [table.teamMemberId, table.userId],
			foreignColumns: [teamMembersInExpertNetwork.id, teamMembersInExpertNetwork.userId],
			name: "campaign_team_assignments_team_member_id_fkey"
		}).onDelete("cascade"),
	primaryKey({ columns: [table.campaignId, table.teamMemberId], name: "campaign_team_assignments_pkey"}),
	pgPolicy("owner_rows", { as: "permissive", for: "all", to: ["public"], using: sql`(user_id = ( SELECT expert_network.current_user_id() AS current_user_id))` }),
]);
export const workflowTransitionsInExpertNetwork = expertNetwork.view("workflow_transitions", {	entity: text(),
	fromStatus: text("from_status"),
	toStatus: text("to_status"),
}).as(sql`SELECT g.entity, g.from_status, g.to_status FROM expert_network.transition_graph() g(entity, from_status, to_status)`);

export const expertDuplicatesInExpertNetwork = expertNetwork.view("expert_duplicates", {	userId: text("user_id"),
	personKey: text("person_key"),
	// You can use { mode: "bigint" } if numbers are exceeding js number limitations
	expertRows: bigint("expert_rows", { mode: "number" }),
	expertIds: uuid("expert_ids"),
	vendors: text(),
	campaignIds: uuid("campaign_ids"),
	firstExpertId: uuid("first_expert_id"),
	firstVendorId: uuid("first_vendor_id"),
	firstVendor: text("first_vendor"),
	firstProposedAt: timestamp("first_proposed_at", { withTimezone: true, mode: 'string' }),
}).with({"securityInvoker":true}).as(sql`SELECT x.user_id, x.person_key, count(*) AS expert_rows, array_agg(x.id ORDER BY x.created_at, x.id) AS expert_ids, array_agg(DISTINCT v.name) AS vendors, array_agg(DISTINCT x.campaign_id) AS campaign_ids, (array_agg(x.id ORDER BY x.created_at, x.id))[1] AS first_expert_id, (array_agg(v.id ORDER BY x.created_at, x.id))[1] AS first_vendor_id, (array_agg(v.name ORDER BY x.created_at, x.id))[1] AS first_vendor, min(x.created_at) AS first_proposed_at FROM expert_network.experts x JOIN expert_network.vendor_platforms v ON v.id = x.vendor_platform_id WHERE x.person_key IS NOT NULL GROUP BY x.user_id, x.person_key HAVING count(*) > 1`);

export const campaignDashboardInExpertNetwork = expertNetwork.view("campaign_dashboard", {	campaignId: uuid("campaign_id"),
	userId: text("user_id"),
	projectId: uuid("project_id"),
	projectCode: text("project_code"),
	projectName: text("project_name"),
	campaignName: text("campaign_name"),
	industryVertical: text("industry_vertical"),
	targetRegions: text("target_regions"),
	status: campaignStatusInExpertNetwork(),
	startDate: date("start_date"),
	targetCompletionDate: date("target_completion_date"),
	daysRemaining: integer("days_remaining"),
	minCalls: integer("min_calls"),
	maxCalls: integer("max_calls"),
	completedCalls: integer("completed_calls"),
	scheduledCalls: integer("scheduled_calls"),
	progressToMin: numeric("progress_to_min"),
	progressToMax: numeric("progress_to_max"),
	expertsProposed: integer("experts_proposed"),
	expertsReviewed: integer("experts_reviewed"),
	expertsScheduling: integer("experts_scheduling"),
	expertsScheduled: integer("experts_scheduled"),
	expertsCompleted: integer("experts_completed"),
	expertsRejected: integer("experts_rejected"),
	expertsTotal: integer("experts_total"),
	teamSize: integer("team_size"),
	teamMembers: text("team_members"),
	vendorsEnrolled: integer("vendors_enrolled"),
	vendorsPending: integer("vendors_pending"),
	enrolledVendors: text("enrolled_vendors"),
	costTotalUsd: numeric("cost_total_usd"),
	costPerCompletedCall: numeric("cost_per_completed_call"),
	ratedCalls: integer("rated_calls"),
	averageRating: numeric("average_rating"),
	projectDisplayOrder: integer("project_display_order"),
	displayOrder: integer("display_order"),
}).with({"securityInvoker":true}).as(sql`SELECT c.id AS campaign_id, c.user_id, c.project_id, p.project_code, p.project_name, c.campaign_name, c.industry_vertical, c.target_regions, c.status, c.start_date, c.target_completion_date, c.target_completion_date - CURRENT_DATE AS days_remaining, c.min_calls, c.max_calls, c.completed_calls, c.scheduled_calls, round(c.completed_calls::numeric / CASE WHEN c.min_calls > 0 THEN c.min_calls ELSE NULL::integer END::numeric, 4) AS progress_to_min, round(c.completed_calls::numeric / CASE WHEN c.max_calls > 0 THEN c.max_calls ELSE NULL::integer END::numeric, 4) AS progress_to_max, x.experts_proposed, x.experts_reviewed, x.experts_scheduling, x.experts_scheduled, x.experts_completed, x.experts_rejected, x.experts_total, t.team_size, t.team_members, v.vendors_enrolled, v.vendors_pending, v.enrolled_vendors, k.cost_total_usd, round(k.cost_total_usd / CASE WHEN c.completed_calls > 0 THEN c.completed_calls ELSE NULL::integer END::numeric, 2) AS cost_per_completed_call, r.rated_calls, r.average_rating, p.display_order AS project_display_order, c.display_order FROM expert_network.campaigns c LEFT JOIN expert_network.projects p ON p.id = c.project_id CROSS JOIN LATERAL ( SELECT count(*) FILTER (WHERE e.status = 'proposed'::expert_network.expert_status)::integer AS count, count(*) FILTER (WHERE e.status = 'reviewed'::expert_network.expert_status)::integer AS count, count(*) FILTER (WHERE e.status = 'scheduling'::expert_network.expert_status)::integer AS count, count(*) FILTER (WHERE e.status = 'scheduled'::expert_network.expert_status)::integer AS count, count(*) FILTER (WHERE e.status = 'completed'::expert_network.expert_status)::integer AS count, count(*) FILTER (WHERE e.status = 'rejected'::expert_network.expert_status)::integer AS count, count(*)::integer AS count FROM expert_network.experts e WHERE e.campaign_id = c.id) x(experts_proposed, experts_reviewed, experts_scheduling, experts_scheduled, experts_completed, experts_rejected, experts_total) CROSS JOIN LATERAL ( SELECT count(*)::integer AS count, COALESCE(array_agg(m.name ORDER BY m.name, m.id), '{}'::text[]) AS "coalesce" FROM expert_network.campaign_team_assignments a JOIN expert_network.team_members m ON m.id = a.team_member_id WHERE a.campaign_id = c.id) t(team_size, team_members) CROSS JOIN LATERAL ( SELECT count(*) FILTER (WHERE n.status = 'enrolled'::expert_network.enrollment_status)::integer AS count, count(*) FILTER (WHERE n.status = 'pending'::expert_network.enrollment_status)::integer AS count, COALESCE(array_agg(vp.name ORDER BY vp.name) FILTER (WHERE n.status = 'enrolled'::expert_network.enrollment_status), '{}'::text[]) AS "coalesce" FROM expert_network.campaign_vendor_enrollments n JOIN expert_network.vendor_platforms vp ON vp.id = n.vendor_platform_id WHERE n.campaign_id = c.id) v(vendors_enrolled, vendors_pending, enrolled_vendors) CROSS JOIN LATERAL ( SELECT COALESCE(sum(o.amount_usd), 0::numeric) AS "coalesce" FROM expert_network.campaign_costs o WHERE o.campaign_id = c.id) k(cost_total_usd) CROSS JOIN LATERAL ( SELECT count(ci.rating)::integer AS count, round(avg(ci.rating), 2) AS round FROM expert_network.completed_interviews ci WHERE ci.campaign_id = c.id) r(rated_calls, average_rating)`);

export const vendorScorecardInExpertNetwork = expertNetwork.view("vendor_scorecard", {	userId: text("user_id"),
	vendorPlatformId: uuid("vendor_platform_id"),
	vendorName: text("vendor_name"),
	campaigns: integer(),
	campaignsEnrolled: integer("campaigns_enrolled"),
	expertsProposed: integer("experts_proposed"),
	expertsReviewed: integer("experts_reviewed"),
	expertsRejected: integer("experts_rejected"),
	shareReviewed: numeric("share_reviewed"),
	shareRejected: numeric("share_rejected"),
	callsCompleted: integer("calls_completed"),
	averageRating: numeric("average_rating"),
	averageRelevance: numeric("average_relevance"),
	averageExpertise: numeric("average_expertise"),
	averageCommunication: numeric("average_communication"),
	costTotalUsd: numeric("cost_total_usd"),
	costPerCompletedCall: numeric("cost_per_completed_call"),
	daysToFirstProposal: numeric("days_to_first_proposal"),
}).with({"securityInvoker":true}).as(sql`SELECT s.user_id, s.vendor_platform_id, vp.name AS vendor_name, s.campaigns, s.campaigns_enrolled, s.experts_proposed, s.experts_reviewed, s.experts_rejected, round(s.experts_reviewed::numeric / CASE WHEN s.experts_proposed > 0 THEN s.experts_proposed ELSE NULL::integer END::numeric, 4) AS share_reviewed, round(s.experts_rejected::numeric / CASE WHEN s.experts_proposed > 0 THEN s.experts_proposed ELSE NULL::integer END::numeric, 4) AS share_rejected, s.calls_completed, round(s.rating_sum / CASE WHEN s.rating_n > 0::numeric THEN s.rating_n ELSE NULL::numeric END, 2) AS average_rating, round(s.relevance_sum / CASE WHEN s.relevance_n > 0::numeric THEN s.relevance_n ELSE NULL::numeric END, 2) AS average_relevance, round(s.expertise_sum / CASE WHEN s.expertise_n > 0::numeric THEN s.expertise_n ELSE NULL::numeric END, 2) AS average_expertise, round(s.communication_sum / CASE WHEN s.communication_n > 0::numeric THEN s.communication_n ELSE NULL::numeric END, 2) AS average_communication, s.cost_total_usd, round(s.cost_total_usd / CASE WHEN s.calls_completed > 0 THEN s.calls_completed ELSE NULL::integer END::numeric, 2) AS cost_per_completed_call, round(s.days_to_first_proposal, 1) AS days_to_first_proposal FROM ( SELECT g.user_id, g.vendor_platform_id, count(g.enrollment_status)::integer AS count, count(*) FILTER (WHERE g.enrollment_status = 'enrolled'::expert_network.enrollment_status)::integer AS count, sum(g.proposed)::integer AS sum, sum(g.reviewed)::integer AS sum, sum(g.rejected)::integer AS sum, sum(g.calls)::integer AS sum, sum(g.rating_sum) AS sum, sum(g.rating_n) AS sum, sum(g.relevance_sum) AS sum, sum(g.relevance_n) AS sum, sum(g.expertise_sum) AS sum, sum(g.expertise_n) AS sum, sum(g.communication_sum) AS sum, sum(g.communication_n) AS sum, COALESCE(sum(g.cost), 0::numeric) AS "coalesce", avg(EXTRACT(epoch FROM g.first_proposed_at - g.enrolled_at) / 86400::numeric) AS avg FROM ( SELECT u.user_id, u.campaign_id, u.vendor_platform_id, min(u.enrollment_status) AS min, min(u.enrolled_at) AS min, count(u.expert_status) AS count, count(*) FILTER (WHERE u.expert_status = ANY ('{reviewed,scheduling,scheduled,completed}'::expert_network.expert_status[])) AS count, count(*) FILTER (WHERE u.expert_status = 'rejected'::expert_network.expert_status) AS count, min(u.proposed_at) AS min, count(u.call_id) AS count, sum(u.rating) AS sum, count(u.rating) AS count, sum(u.relevance) AS sum, count(u.relevance) AS count, sum(u.expertise) AS sum, count(u.expertise) AS count, sum(u.communication) AS sum, count(u.communication) AS count, sum(u.amount_usd) AS sum FROM ( SELECT n.user_id, n.campaign_id, n.vendor_platform_id, n.status AS enrollment_status, n.enrolled_at, NULL::expert_network.expert_status AS expert_status, NULL::timestamp with time zone AS proposed_at, NULL::uuid AS call_id, NULL::numeric AS rating, NULL::numeric AS relevance, NULL::numeric AS expertise, NULL::numeric AS communication, NULL::numeric AS amount_usd FROM expert_network.campaign_vendor_enrollments n UNION ALL SELECT e.user_id, e.campaign_id, e.vendor_platform_id, NULL::expert_network.enrollment_status AS enrollment_status, NULL::timestamp with time zone AS enrolled_at, e.status AS expert_status, e.created_at AS proposed_at, NULL::uuid AS call_id, NULL::numeric AS rating, NULL::numeric AS relevance, NULL::numeric AS expertise, NULL::numeric AS communication, NULL::numeric AS amount_usd FROM expert_network.experts e UNION ALL SELECT ci.user_id, ci.campaign_id, e.vendor_platform_id, NULL::expert_network.enrollment_status AS enrollment_status, NULL::timestamp with time zone AS enrolled_at, NULL::expert_network.expert_status AS expert_status, NULL::timestamp with time zone AS proposed_at, ci.id AS call_id, ci.rating, ci.relevance_rating AS relevance, ci.expertise_rating AS expertise, ci.communication_rating AS communication, NULL::numeric AS amount_usd FROM expert_network.completed_interviews ci JOIN expert_network.experts e ON e.id = ci.expert_id UNION ALL SELECT o.user_id, o.campaign_id, o.vendor_platform_id, NULL::expert_network.enrollment_status AS enrollment_status, NULL::timestamp with time zone AS enrolled_at, NULL::expert_network.expert_status AS expert_status, NULL::timestamp with time zone AS proposed_at, NULL::uuid AS call_id, NULL::numeric AS rating, NULL::numeric AS relevance, NULL::numeric AS expertise, NULL::numeric AS communication, o.amount_usd FROM expert_network.campaign_costs o WHERE o.vendor_platform_id IS NOT NULL) u(user_id, campaign_id, vendor_platform_id, enrollment_status, enrolled_at, expert_status, proposed_at, call_id, rating, relevance, expertise, communication, amount_usd) GROUP BY u.user_id, u.campaign_id, u.vendor_platform_id) g(user_id, campaign_id, vendor_platform_id, enrollment_status, enrolled_at, proposed, reviewed, rejected, first_proposed_at, calls, rating_sum, rating_n, relevance_sum, relevance_n, expertise_sum, expertise_n, communication_sum, communication_n, cost) GROUP BY g.user_id, g.vendor_platform_id) s(user_id, vendor_platform_id, campaigns, campaigns_enrolled, experts_proposed, experts_reviewed, experts_rejected, calls_completed, rating_sum, rating_n, relevance_sum, relevance_n, expertise_sum, expertise_n, communication_sum, communication_n, cost_total_usd, days_to_first_proposal) JOIN expert_network.vendor_platforms vp ON vp.id = s.vendor_platform_id`);

export const teamWorkloadInExpertNetwork = expertNetwork.view("team_workload", {	teamMemberId: uuid("team_member_id"),
	userId: text("user_id"),
	name: text(),
	designation: text(),
	email: text(),
	campaigns: integer(),
	activeCampaigns: integer("active_campaigns"),
	scheduledCalls: integer("scheduled_calls"),
	completedCalls: integer("completed_calls"),
	scheduledMinutes: integer("scheduled_minutes"),
	completedMinutes: integer("completed_minutes"),
	nextCallDate: date("next_call_date"),
}).with({"securityInvoker":true}).as(sql`SELECT m.id AS team_member_id, m.user_id, m.name, m.designation, m.email, a.campaigns, a.active_campaigns, i.scheduled_calls, i.completed_calls, i.scheduled_minutes, i.completed_minutes, i.next_call_date FROM expert_network.team_members m CROSS JOIN LATERAL ( SELECT count(*)::integer AS count, count(*) FILTER (WHERE c.status = 'active'::expert_network.campaign_status)::integer AS count FROM expert_network.campaign_team_assignments ca JOIN expert_network.campaigns c ON c.id = ca.campaign_id WHERE ca.team_member_id = m.id) a(campaigns, active_campaigns) CROSS JOIN LATERAL ( SELECT count(*) FILTER (WHERE iv.status = ANY ('{pending,scheduled,confirmed}'::expert_network.interview_status[]))::integer AS count, count(*) FILTER (WHERE iv.status = 'completed'::expert_network.interview_status)::integer AS count, COALESCE(sum(iv.duration_minutes) FILTER (WHERE iv.status = ANY ('{pending,scheduled,confirmed}'::expert_network.interview_status[])), 0::bigint)::integer AS "coalesce", COALESCE(sum(iv.duration_minutes) FILTER (WHERE iv.status = 'completed'::expert_network.interview_status), 0::bigint)::integer AS "coalesce", min(iv.scheduled_date) FILTER (WHERE iv.status = ANY ('{pending,scheduled,confirmed}'::expert_network.interview_status[])) AS min FROM expert_network.interview_team_assignments ia JOIN expert_network.interviews iv ON iv.id = ia.interview_id WHERE ia.team_member_id = m.id) i(scheduled_calls, completed_calls, scheduled_minutes, completed_minutes, next_call_date)`);