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
};
