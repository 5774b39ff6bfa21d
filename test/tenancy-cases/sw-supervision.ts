import type { TenancyCases } from "./types";

/** Tenant-isolation cases for the social work service's routes (issue 20, sw-supervision): see test/tenancy.test.ts. */
const supervision = () => ({
  staffRecordId: "00000000-0000-4000-8000-000000000001",
  heldOn: "2026-06-01",
  supervisorStaffId: null,
  type: "reflective",
  minutes: 90,
  actions: "",
});
const staff = (ids: { staffId: string }) => ({ staffId: ids.staffId });

export const CASES: TenancyCases = {
  "get /api/orgs/:orgId/social-work/supervision": {},
  "get /api/orgs/:orgId/social-work/workers/:staffId/supervision": { params: staff },
  "post /api/orgs/:orgId/social-work/supervisions": { body: supervision },
  "patch /api/orgs/:orgId/social-work/supervisions/:id": { body: () => ({ minutes: 60 }) },
  "delete /api/orgs/:orgId/social-work/supervisions/:id": {},
  "get /api/orgs/:orgId/social-work/supervision-standards": {},
  "put /api/orgs/:orgId/social-work/supervision-standards": {
    body: () => ({ standards: [{ appliesTo: "all", every: 1, unit: "month", minMinutes: 90 }] }),
  },
  "get /api/orgs/:orgId/social-work/caseloads": {},
  "get /api/orgs/:orgId/social-work/teams/:teamId/caseloads": {},
  "put /api/orgs/:orgId/social-work/teams/:teamId/caseloads/:month": {
    params: () => ({ month: "2026-05" }),
    body: () => ({ entries: [{ staffRecordId: "00000000-0000-4000-8000-000000000001", openCases: 10, byType: {} }] }),
  },
  "get /api/orgs/:orgId/social-work/workers/:staffId/caseloads": { params: staff },
};
