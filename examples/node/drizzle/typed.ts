// examples/node/drizzle/typed.ts — what the pulled schema (schema.ts, from
// `npm run pull`) gives a TypeScript application, checked by the compiler
// (`npm run typecheck`; make test runs it, test/t/orm.sh): statuses are
// closed sets, the owner key may be left out of an insert, the array columns
// are arrays.  Nothing here runs; a line marked @ts-expect-error must fail
// to compile, or tsc reports the line.
import {
  campaignsInExpertNetwork as campaigns,
  expertsInExpertNetwork as experts,
  interviewsInExpertNetwork as interviews,
} from "./schema";

type NewCampaign = typeof campaigns.$inferInsert;
type Interview = typeof interviews.$inferSelect;
type NewExpert = typeof experts.$inferInsert;

// a status is one of its labels, in a select as in an insert
export const confirmed: Interview["status"] = "confirmed";
// @ts-expect-error: not an interview status
export const typo: Interview["status"] = "confirmd";
// @ts-expect-error: an expert status, not an interview's
export const wrongSet: Interview["status"] = "reviewed";

// user_id is filled by the database (the identity of the transaction): an
// insert leaves it out, as the other defaulted columns
export const campaign: NewCampaign = {
  campaignName: "Automation buyers",
  industryVertical: "Industrials",
  startDate: "2026-01-05",
  targetCompletionDate: "2026-02-27",
  targetRegions: ["North America"],
};

// skills is a text[] column the database fills with '{}' when left out
export const expert: NewExpert = {
  campaignId: "00000000-0000-4000-8000-000000000000",
  vendorPlatformId: "00000000-0000-4000-8000-000000000001",
  name: "Dana Example",
  title: "VP Operations",
  status: "proposed",
};
export const skills: NonNullable<NewExpert["skills"]> = ["pricing"];
