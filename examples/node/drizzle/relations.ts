import { relations } from "drizzle-orm/relations";
import { campaignsInExpertNetwork, interviewsInExpertNetwork, expertsInExpertNetwork, projectsInExpertNetwork, screeningQuestionsInExpertNetwork, campaignVendorEnrollmentsInExpertNetwork, vendorPlatformsInExpertNetwork, expertScreeningResponsesInExpertNetwork, completedInterviewsInExpertNetwork, chatSessionsInExpertNetwork, chatMessagesInExpertNetwork, researchActivitiesInExpertNetwork, researchSourcesInExpertNetwork, answerSectionsInExpertNetwork, campaignCostsInExpertNetwork, expertEmploymentsInExpertNetwork, campaignSubjectCompaniesInExpertNetwork, interviewAttestationsInExpertNetwork, complianceExceptionsInExpertNetwork, interviewTeamAssignmentsInExpertNetwork, teamMembersInExpertNetwork, campaignTeamAssignmentsInExpertNetwork } from "./schema";

export const interviewsInExpertNetworkRelations = relations(interviewsInExpertNetwork, ({one, many}) => ({
	campaignsInExpertNetwork: one(campaignsInExpertNetwork, {
		fields: [interviewsInExpertNetwork.campaignId],
		references: [campaignsInExpertNetwork.id]
	}),
	expertsInExpertNetwork: one(expertsInExpertNetwork, {
		fields: [interviewsInExpertNetwork.expertId],
		references: [expertsInExpertNetwork.id]
	}),
	completedInterviewsInExpertNetworks: many(completedInterviewsInExpertNetwork),
	interviewAttestationsInExpertNetworks: many(interviewAttestationsInExpertNetwork),
	interviewTeamAssignmentsInExpertNetworks: many(interviewTeamAssignmentsInExpertNetwork),
}));

export const campaignsInExpertNetworkRelations = relations(campaignsInExpertNetwork, ({one, many}) => ({
	interviewsInExpertNetworks: many(interviewsInExpertNetwork),
	projectsInExpertNetwork: one(projectsInExpertNetwork, {
		fields: [campaignsInExpertNetwork.userId],
		references: [projectsInExpertNetwork.id]
	}),
	screeningQuestionsInExpertNetworks: many(screeningQuestionsInExpertNetwork),
	campaignVendorEnrollmentsInExpertNetworks: many(campaignVendorEnrollmentsInExpertNetwork),
	completedInterviewsInExpertNetworks: many(completedInterviewsInExpertNetwork),
	chatSessionsInExpertNetworks: many(chatSessionsInExpertNetwork),
	campaignCostsInExpertNetworks: many(campaignCostsInExpertNetwork),
	campaignSubjectCompaniesInExpertNetworks: many(campaignSubjectCompaniesInExpertNetwork),
	expertsInExpertNetworks: many(expertsInExpertNetwork),
	campaignTeamAssignmentsInExpertNetworks: many(campaignTeamAssignmentsInExpertNetwork),
}));

export const expertsInExpertNetworkRelations = relations(expertsInExpertNetwork, ({one, many}) => ({
	interviewsInExpertNetworks: many(interviewsInExpertNetwork),
	expertScreeningResponsesInExpertNetworks: many(expertScreeningResponsesInExpertNetwork),
	completedInterviewsInExpertNetworks: many(completedInterviewsInExpertNetwork),
	expertEmploymentsInExpertNetworks: many(expertEmploymentsInExpertNetwork),
	campaignsInExpertNetwork: one(campaignsInExpertNetwork, {
		fields: [expertsInExpertNetwork.campaignId],
		references: [campaignsInExpertNetwork.id]
	}),
	vendorPlatformsInExpertNetwork: one(vendorPlatformsInExpertNetwork, {
		fields: [expertsInExpertNetwork.vendorPlatformId],
		references: [vendorPlatformsInExpertNetwork.id]
	}),
	complianceExceptionsInExpertNetworks: many(complianceExceptionsInExpertNetwork),
}));

export const projectsInExpertNetworkRelations = relations(projectsInExpertNetwork, ({many}) => ({
	campaignsInExpertNetworks: many(campaignsInExpertNetwork),
}));

export const screeningQuestionsInExpertNetworkRelations = relations(screeningQuestionsInExpertNetwork, ({one, many}) => ({
	campaignsInExpertNetwork: one(campaignsInExpertNetwork, {
		fields: [screeningQuestionsInExpertNetwork.campaignId],
		references: [campaignsInExpertNetwork.id]
	}),
	screeningQuestionsInExpertNetwork: one(screeningQuestionsInExpertNetwork, {
		fields: [screeningQuestionsInExpertNetwork.parentQuestionId],
		references: [screeningQuestionsInExpertNetwork.id],
		relationName: "screeningQuestionsInExpertNetwork_parentQuestionId_screeningQuestionsInExpertNetwork_id"
	}),
	screeningQuestionsInExpertNetworks: many(screeningQuestionsInExpertNetwork, {
		relationName: "screeningQuestionsInExpertNetwork_parentQuestionId_screeningQuestionsInExpertNetwork_id"
	}),
	expertScreeningResponsesInExpertNetworks: many(expertScreeningResponsesInExpertNetwork),
}));

export const campaignVendorEnrollmentsInExpertNetworkRelations = relations(campaignVendorEnrollmentsInExpertNetwork, ({one}) => ({
	campaignsInExpertNetwork: one(campaignsInExpertNetwork, {
		fields: [campaignVendorEnrollmentsInExpertNetwork.campaignId],
		references: [campaignsInExpertNetwork.id]
	}),
	vendorPlatformsInExpertNetwork: one(vendorPlatformsInExpertNetwork, {
		fields: [campaignVendorEnrollmentsInExpertNetwork.vendorPlatformId],
		references: [vendorPlatformsInExpertNetwork.id]
	}),
}));

export const vendorPlatformsInExpertNetworkRelations = relations(vendorPlatformsInExpertNetwork, ({many}) => ({
	campaignVendorEnrollmentsInExpertNetworks: many(campaignVendorEnrollmentsInExpertNetwork),
	campaignCostsInExpertNetworks: many(campaignCostsInExpertNetwork),
	expertsInExpertNetworks: many(expertsInExpertNetwork),
}));

export const expertScreeningResponsesInExpertNetworkRelations = relations(expertScreeningResponsesInExpertNetwork, ({one}) => ({
	expertsInExpertNetwork: one(expertsInExpertNetwork, {
		fields: [expertScreeningResponsesInExpertNetwork.expertId],
		references: [expertsInExpertNetwork.id]
	}),
	screeningQuestionsInExpertNetwork: one(screeningQuestionsInExpertNetwork, {
		fields: [expertScreeningResponsesInExpertNetwork.screeningQuestionId],
		references: [screeningQuestionsInExpertNetwork.id]
	}),
}));

export const completedInterviewsInExpertNetworkRelations = relations(completedInterviewsInExpertNetwork, ({one}) => ({
	interviewsInExpertNetwork: one(interviewsInExpertNetwork, {
		fields: [completedInterviewsInExpertNetwork.interviewId],
		references: [interviewsInExpertNetwork.id]
	}),
	campaignsInExpertNetwork: one(campaignsInExpertNetwork, {
		fields: [completedInterviewsInExpertNetwork.campaignId],
		references: [campaignsInExpertNetwork.id]
	}),
	expertsInExpertNetwork: one(expertsInExpertNetwork, {
		fields: [completedInterviewsInExpertNetwork.expertId],
		references: [expertsInExpertNetwork.id]
	}),
}));

export const chatSessionsInExpertNetworkRelations = relations(chatSessionsInExpertNetwork, ({one, many}) => ({
	campaignsInExpertNetwork: one(campaignsInExpertNetwork, {
		fields: [chatSessionsInExpertNetwork.userId],
		references: [campaignsInExpertNetwork.id]
	}),
	chatMessagesInExpertNetworks: many(chatMessagesInExpertNetwork),
	researchActivitiesInExpertNetworks: many(researchActivitiesInExpertNetwork),
	researchSourcesInExpertNetworks: many(researchSourcesInExpertNetwork),
	answerSectionsInExpertNetworks: many(answerSectionsInExpertNetwork),
}));

export const chatMessagesInExpertNetworkRelations = relations(chatMessagesInExpertNetwork, ({one}) => ({
	chatSessionsInExpertNetwork: one(chatSessionsInExpertNetwork, {
		fields: [chatMessagesInExpertNetwork.chatSessionId],
		references: [chatSessionsInExpertNetwork.id]
	}),
}));

export const researchActivitiesInExpertNetworkRelations = relations(researchActivitiesInExpertNetwork, ({one}) => ({
	chatSessionsInExpertNetwork: one(chatSessionsInExpertNetwork, {
		fields: [researchActivitiesInExpertNetwork.chatSessionId],
		references: [chatSessionsInExpertNetwork.id]
	}),
}));

export const researchSourcesInExpertNetworkRelations = relations(researchSourcesInExpertNetwork, ({one}) => ({
	chatSessionsInExpertNetwork: one(chatSessionsInExpertNetwork, {
		fields: [researchSourcesInExpertNetwork.chatSessionId],
		references: [chatSessionsInExpertNetwork.id]
	}),
}));

export const answerSectionsInExpertNetworkRelations = relations(answerSectionsInExpertNetwork, ({one}) => ({
	chatSessionsInExpertNetwork: one(chatSessionsInExpertNetwork, {
		fields: [answerSectionsInExpertNetwork.chatSessionId],
		references: [chatSessionsInExpertNetwork.id]
	}),
}));

export const campaignCostsInExpertNetworkRelations = relations(campaignCostsInExpertNetwork, ({one}) => ({
	campaignsInExpertNetwork: one(campaignsInExpertNetwork, {
		fields: [campaignCostsInExpertNetwork.campaignId],
		references: [campaignsInExpertNetwork.id]
	}),
	vendorPlatformsInExpertNetwork: one(vendorPlatformsInExpertNetwork, {
		fields: [campaignCostsInExpertNetwork.vendorPlatformId],
		references: [vendorPlatformsInExpertNetwork.id]
	}),
}));

export const expertEmploymentsInExpertNetworkRelations = relations(expertEmploymentsInExpertNetwork, ({one}) => ({
	expertsInExpertNetwork: one(expertsInExpertNetwork, {
		fields: [expertEmploymentsInExpertNetwork.expertId],
		references: [expertsInExpertNetwork.id]
	}),
}));

export const campaignSubjectCompaniesInExpertNetworkRelations = relations(campaignSubjectCompaniesInExpertNetwork, ({one}) => ({
	campaignsInExpertNetwork: one(campaignsInExpertNetwork, {
		fields: [campaignSubjectCompaniesInExpertNetwork.campaignId],
		references: [campaignsInExpertNetwork.id]
	}),
}));

export const interviewAttestationsInExpertNetworkRelations = relations(interviewAttestationsInExpertNetwork, ({one}) => ({
	interviewsInExpertNetwork: one(interviewsInExpertNetwork, {
		fields: [interviewAttestationsInExpertNetwork.interviewId],
		references: [interviewsInExpertNetwork.id]
	}),
}));

export const complianceExceptionsInExpertNetworkRelations = relations(complianceExceptionsInExpertNetwork, ({one}) => ({
	expertsInExpertNetwork: one(expertsInExpertNetwork, {
		fields: [complianceExceptionsInExpertNetwork.expertId],
		references: [expertsInExpertNetwork.id]
	}),
}));

export const interviewTeamAssignmentsInExpertNetworkRelations = relations(interviewTeamAssignmentsInExpertNetwork, ({one}) => ({
	interviewsInExpertNetwork: one(interviewsInExpertNetwork, {
		fields: [interviewTeamAssignmentsInExpertNetwork.interviewId],
		references: [interviewsInExpertNetwork.id]
	}),
	teamMembersInExpertNetwork: one(teamMembersInExpertNetwork, {
		fields: [interviewTeamAssignmentsInExpertNetwork.teamMemberId],
		references: [teamMembersInExpertNetwork.id]
	}),
}));

export const teamMembersInExpertNetworkRelations = relations(teamMembersInExpertNetwork, ({many}) => ({
	interviewTeamAssignmentsInExpertNetworks: many(interviewTeamAssignmentsInExpertNetwork),
	campaignTeamAssignmentsInExpertNetworks: many(campaignTeamAssignmentsInExpertNetwork),
}));

export const campaignTeamAssignmentsInExpertNetworkRelations = relations(campaignTeamAssignmentsInExpertNetwork, ({one}) => ({
	campaignsInExpertNetwork: one(campaignsInExpertNetwork, {
		fields: [campaignTeamAssignmentsInExpertNetwork.campaignId],
		references: [campaignsInExpertNetwork.id]
	}),
	teamMembersInExpertNetwork: one(teamMembersInExpertNetwork, {
		fields: [campaignTeamAssignmentsInExpertNetwork.teamMemberId],
		references: [teamMembersInExpertNetwork.id]
	}),
}));