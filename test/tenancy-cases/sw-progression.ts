import type { TenancyCases } from "./types";

/** Tenant-isolation cases for the social work service's routes (issue 20, sw-progression): see test/tenancy.test.ts. */
const step = () => ({
  service: null,
  name: "Intruder's step",
  fromGrade: "Grade 7",
  toGrade: "Grade 8",
  automatic: false,
  minMonthsInGrade: 24,
});
const staff = (ids: { staffId: string }) => ({ staffId: ids.staffId });

export const CASES: TenancyCases = {
  "get /api/orgs/:orgId/social-work/progression/steps": {},
  "post /api/orgs/:orgId/social-work/progression/steps": { body: step },
  "put /api/orgs/:orgId/social-work/progression/steps/:stepId": { body: step },
  "post /api/orgs/:orgId/social-work/progression/steps/:stepId/archive": {},
  "post /api/orgs/:orgId/social-work/progression/steps/:stepId/restore": {},
  "get /api/orgs/:orgId/social-work/progression/cases": {},
  "post /api/orgs/:orgId/social-work/progression/cases": {
    body: () => ({
      staffRecordId: "00000000-0000-4000-8000-000000000001",
      stepId: "00000000-0000-4000-8000-000000000002",
    }),
  },
  "get /api/orgs/:orgId/social-work/progression/cases/:caseId": {},
  "patch /api/orgs/:orgId/social-work/progression/cases/:caseId": { body: () => ({ panelDate: "2026-07-01" }) },
  "post /api/orgs/:orgId/social-work/progression/cases/:caseId/submit": {},
  "post /api/orgs/:orgId/social-work/progression/cases/:caseId/decision": {
    body: () => ({ decision: "approved", decidedOn: "2026-06-01", notes: "" }),
  },
  "get /api/orgs/:orgId/social-work/development-reviews/due": {},
  "post /api/orgs/:orgId/social-work/workers/:staffId/development-reviews": {
    params: staff,
    body: () => ({ heldOn: "2026-06-01", readyForProgression: true }),
  },
  "get /api/orgs/:orgId/social-work/workers/:staffId/progression": { params: staff },
};
