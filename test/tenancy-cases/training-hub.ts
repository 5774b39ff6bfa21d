import type { TenancyCases } from "./types";

/** Tenant-isolation cases for shared training's hub routes (issue 18): see test/tenancy.test.ts. */
const cohort = () => ({
  courseId: "00000000-0000-4000-8000-000000000001",
  name: "Intruders' cohort",
  partner: "Intruder College",
  startsOn: "2026-06-01",
  endsOn: "2026-07-01",
  employerIds: ["00000000-0000-4000-8000-000000000002"],
});

export const CASES: TenancyCases = {
  "get /api/orgs/:orgId/training/cohorts": {},
  "post /api/orgs/:orgId/training/cohorts": { body: cohort },
  "get /api/orgs/:orgId/training/cohorts/report": {},
  "get /api/orgs/:orgId/training/cohorts/:cohortId": {},
  "put /api/orgs/:orgId/training/cohorts/:cohortId": { body: cohort },
  "post /api/orgs/:orgId/training/cohorts/:cohortId/learners": { body: () => ({ email: "intruder@example.test" }) },
  "post /api/orgs/:orgId/training/cohorts/:cohortId/learners/:learnerId/complete": {
    body: () => ({ completedOn: "2026-06-10" }),
  },
  "post /api/orgs/:orgId/training/cohorts/:cohortId/learners/:learnerId/withdraw": {},
  "get /api/orgs/:orgId/my-cohorts": {},
  "post /api/orgs/:orgId/my-cohorts/:learnerId/consent": { body: () => ({ share: true }) },
  "get /api/orgs/:orgId/guaranteed-interviews": {},
  "patch /api/orgs/:orgId/guaranteed-interviews/:interviewId": { body: () => ({ outcome: "no_show" }) },
  "get /api/orgs/:orgId/training/uptake": {},
};
