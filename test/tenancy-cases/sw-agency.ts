import type { TenancyCases } from "./types";

/** Tenant-isolation cases for the social work service's routes (issue 20, sw-agency): see test/tenancy.test.ts. */
const assignment = () => ({
  teamId: "00000000-0000-4000-8000-000000000001",
  role: "social_worker",
  workerName: "Intruder",
  sweNumber: "SW999999",
  agencyName: "Intruder Agency",
  startDate: "2026-01-05",
  hourlyRate: 40,
});
const period = () => ({ period: "2026-Q1" });

export const CASES: TenancyCases = {
  "get /api/orgs/:orgId/social-work/agency/assignments": {},
  "post /api/orgs/:orgId/social-work/agency/assignments": { body: assignment },
  "get /api/orgs/:orgId/social-work/agency/assignments/:assignmentId": {},
  "put /api/orgs/:orgId/social-work/agency/assignments/:assignmentId": { body: assignment },
  "post /api/orgs/:orgId/social-work/agency/assignments/:assignmentId/end": { body: () => ({ endDate: "2026-02-01" }) },
  "get /api/orgs/:orgId/social-work/agency/price-caps": {},
  "put /api/orgs/:orgId/social-work/agency/price-caps": {
    body: () => ({ roleType: "social_worker", hourlyCap: 40, fromDate: "2025-10-01" }),
  },
  "delete /api/orgs/:orgId/social-work/agency/price-caps/:capId": {},
  "get /api/orgs/:orgId/social-work/agency/spend": {},
  "get /api/orgs/:orgId/social-work/starters-leavers": {},
  "get /api/orgs/:orgId/social-work/starters-leavers.csv": {},
  "get /api/orgs/:orgId/social-work/starters-leavers.xlsx": {},
  "get /api/orgs/:orgId/social-work/agency/return/:period": { params: period },
  "get /api/orgs/:orgId/social-work/agency/return/:period/return.csv": { params: period },
  "get /api/orgs/:orgId/social-work/agency/return/:period/return.xlsx": { params: period },
};
