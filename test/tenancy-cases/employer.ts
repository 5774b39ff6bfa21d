import type { TenancyCases } from "./types";

/** Tenant-isolation cases for the employer routes of joint recruitment (issue 17): see test/tenancy.test.ts. */
export const CASES: TenancyCases = {
  "get /api/orgs/:orgId/recruitment/adverts": {},
  "post /api/orgs/:orgId/recruitment/adverts": {
    body: () => ({
      vacancyId: "00000000-0000-4000-8000-000000000000",
      title: "Care worker",
      payUnit: "hour",
      payMin: 13,
      hoursPerWeek: 37.5,
      contractType: "permanent",
      closingDate: "2026-12-31",
    }),
  },
  "get /api/orgs/:orgId/recruitment/pay-guide": {},
  "get /api/orgs/:orgId/recruitment/adverts/:advertId": {},
  "patch /api/orgs/:orgId/recruitment/adverts/:advertId": { body: () => ({ title: "Taken over" }) },
  "post /api/orgs/:orgId/recruitment/adverts/:advertId/publish": {},
  "post /api/orgs/:orgId/recruitment/adverts/:advertId/close": {},
  "get /api/orgs/:orgId/recruitment/moderation": {},
  "post /api/orgs/:orgId/recruitment/moderation/:advertId/refuse": {
    body: () => ({ reason: "Refused by an intruder" }),
  },
  "get /api/orgs/:orgId/recruitment/applications": {},
  "post /api/orgs/:orgId/recruitment/applications/move": {
    body: () => ({ ids: ["00000000-0000-4000-8000-000000000000"], stage: "screened" }),
  },
  "get /api/orgs/:orgId/recruitment/applications/:applicationId": {},
  "post /api/orgs/:orgId/recruitment/applications/:applicationId/move": { body: () => ({ stage: "screened" }) },
  "post /api/orgs/:orgId/recruitment/applications/:applicationId/notes": { body: () => ({ body: "Intruder's note" }) },
  "post /api/orgs/:orgId/recruitment/applications/:applicationId/scores": {
    body: () => ({ scores: [{ value: "Respect", score: 5 }] }),
  },
  "get /api/orgs/:orgId/recruitment/applications/:applicationId/checks": {},
  "put /api/orgs/:orgId/recruitment/applications/:applicationId/checks": {
    body: () => ({ identitySeenOn: "2026-06-01" }),
  },
  "get /api/orgs/:orgId/recruitment/email-templates": {},
  "put /api/orgs/:orgId/recruitment/email-templates/:kind": {
    params: () => ({ kind: "interview" }),
    body: () => ({ subject: "Hijacked", body: "Send your bank details to the intruder." }),
  },
  "get /api/orgs/:orgId/recruitment/adverts/:advertId/slots": {},
  "post /api/orgs/:orgId/recruitment/adverts/:advertId/slots": {
    body: () => ({ startsAt: "2026-12-01T10:00:00Z", endsAt: "2026-12-01T10:30:00Z" }),
  },
  "delete /api/orgs/:orgId/recruitment/slots/:slotId": {},
  "get /api/orgs/:orgId/candidate/check-shares": {},
  "post /api/orgs/:orgId/candidate/check-shares": {
    body: () => ({
      fromApplicationId: "00000000-0000-4000-8000-000000000000",
      toApplicationId: "00000000-0000-4000-8000-000000000001",
    }),
  },
  "post /api/orgs/:orgId/candidate/check-shares/:shareId/withdraw": {},
};
