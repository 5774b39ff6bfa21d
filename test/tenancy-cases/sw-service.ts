import { uniq } from "../harness";
import type { TenancyCases } from "./types";

/** Tenant-isolation cases for the social work service's routes (issue 20, sw-service): see test/tenancy.test.ts. */
const TEAM = "00000000-0000-4000-8000-000000000001";
const team = () => ({ name: `Intruder team ${uniq()}`, service: "children" });

export const CASES: TenancyCases = {
  "get /api/orgs/:orgId/social-work/overview": {},
  "get /api/orgs/:orgId/social-work/teams": {},
  "post /api/orgs/:orgId/social-work/teams": { body: team },
  "get /api/orgs/:orgId/social-work/teams/:teamId": {},
  "put /api/orgs/:orgId/social-work/teams/:teamId": { body: team },
  "post /api/orgs/:orgId/social-work/teams/:teamId/archive": {},
  "get /api/orgs/:orgId/social-work/establishment": {},
  "put /api/orgs/:orgId/social-work/teams/:teamId/establishment": {
    body: () => ({ role: "social_worker", fundedFte: 3, effectiveFrom: "2026-04-01" }),
  },
  "get /api/orgs/:orgId/social-work/workers": {},
  "post /api/orgs/:orgId/social-work/workers": {
    body: () => ({
      name: "Intruder",
      teamId: TEAM,
      role: "social_worker",
      startDate: "2026-01-05",
      contractedHours: 37,
    }),
  },
  "get /api/orgs/:orgId/social-work/workers/:staffId": { params: (ids) => ({ staffId: ids.staffId }) },
  "patch /api/orgs/:orgId/social-work/workers/:staffId": {
    params: (ids) => ({ staffId: ids.staffId }),
    body: () => ({ grade: "Grade 9" }),
  },
  "post /api/orgs/:orgId/social-work/workers/:staffId/leave": {
    params: (ids) => ({ staffId: ids.staffId }),
    body: () => ({ leavingDate: "2026-06-01", reason: 1 }),
  },
  "get /api/orgs/:orgId/social-work/settings": {},
  "put /api/orgs/:orgId/social-work/settings": {
    body: () => ({
      caseloadThresholdAdults: 20,
      caseloadThresholdChildren: 18,
      asyeProtectionShare: 0.8,
      pePaymentPerStudent: 500,
      esgDailyRate: 20,
      esgSkillsDayRate: 10,
    }),
  },
};
