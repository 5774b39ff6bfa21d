import type { TenancyCases } from "./types";

/** Tenant-isolation cases for the social work service's routes (issue 20, sw-routes-in): see test/tenancy.test.ts. */
const trainee = () => ({
  route: "placement",
  name: "Intruder Student",
  startDate: "2026-01-05",
  endDate: "2026-05-29",
  placementDays: 100,
});

export const CASES: TenancyCases = {
  "get /api/orgs/:orgId/social-work/routes-in": {},
  "get /api/orgs/:orgId/social-work/trainees": {},
  "get /api/orgs/:orgId/social-work/trainee-options": {},
  "post /api/orgs/:orgId/social-work/trainees": { body: trainee },
  "get /api/orgs/:orgId/social-work/trainees/:traineeId": {},
  "put /api/orgs/:orgId/social-work/trainees/:traineeId": { body: trainee },
  "post /api/orgs/:orgId/social-work/trainees/:traineeId/outcome": {
    body: () => ({ outcome: "withdrawn", on: "2026-03-01" }),
  },
  "get /api/orgs/:orgId/social-work/practice-educators": {},
  "post /api/orgs/:orgId/social-work/pe-payments/:paymentId/paid": { body: () => ({ paidOn: "2026-06-01" }) },
};
