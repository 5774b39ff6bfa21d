import type { TenancyCases } from "./types";

/** Tenant-isolation cases for the hub routes of joint recruitment (issue 17): see test/tenancy.test.ts. */
const question = () => ({
  value: "respect",
  question: "Tell us about a time you intruded?",
  guidance: "",
});
const campaign = () => ({
  name: "Intruders",
  kind: "social_media",
  audience: "young_people",
  code: "INTRUDE",
  startsOn: "2026-06-01",
});
const event = () => ({ title: "Intruders' fair", startsAt: "2026-07-01T10:00:00Z", place: "Somewhere" });

export const CASES: TenancyCases = {
  "get /api/orgs/:orgId/recruitment/questions": {},
  "post /api/orgs/:orgId/recruitment/questions": { body: question },
  "put /api/orgs/:orgId/recruitment/questions/:questionId": { body: question },
  "post /api/orgs/:orgId/recruitment/questions/:questionId/retire": {},
  "get /api/orgs/:orgId/recruitment/campaigns": {},
  "post /api/orgs/:orgId/recruitment/campaigns": { body: campaign },
  "put /api/orgs/:orgId/recruitment/campaigns/:campaignId": { body: campaign },
  "get /api/orgs/:orgId/recruitment/events": {},
  "post /api/orgs/:orgId/recruitment/events": { body: event },
  "put /api/orgs/:orgId/recruitment/events/:eventId": { body: event },
  "delete /api/orgs/:orgId/recruitment/events/:eventId": {},
  "get /api/orgs/:orgId/recruitment/funnel": {},
};
