import type { TenancyCases } from "./types";

/** Tenant-isolation cases for shared training's catalogue routes (issue 18): see test/tenancy.test.ts. */
const course = () => ({
  title: "Intruders' course",
  category: 20,
  hours: 6,
  delivery: "classroom",
  costPence: 0,
  funding: "free_commissioned",
});
const session = () => ({
  startsAt: "2027-06-01T09:00:00Z",
  endsAt: "2027-06-01T16:00:00Z",
  venue: "Somewhere",
  capacity: 10,
});

export const CASES: TenancyCases = {
  "get /api/orgs/:orgId/training/courses": {},
  "post /api/orgs/:orgId/training/courses": { body: course },
  "get /api/orgs/:orgId/training/courses/:courseId": {},
  "patch /api/orgs/:orgId/training/courses/:courseId": { body: () => ({ title: "Intruded" }) },
  "post /api/orgs/:orgId/training/courses/:courseId/withdraw": {},
  "post /api/orgs/:orgId/training/courses/:courseId/sessions": { body: session },
  "get /api/orgs/:orgId/training/catalogue-options": {},
  "get /api/orgs/:orgId/training/sessions": {},
  "get /api/orgs/:orgId/training/sessions/:sessionId": {},
  "patch /api/orgs/:orgId/training/sessions/:sessionId": { body: () => ({ capacity: 3 }) },
  "post /api/orgs/:orgId/training/sessions/:sessionId/cancel": { body: () => ({ reason: "Intruders cancel" }) },
};
