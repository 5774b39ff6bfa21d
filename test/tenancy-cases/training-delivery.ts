import type { TenancyCases } from "./types";

/** Tenant-isolation cases for shared training's delivery routes (issue 18): see test/tenancy.test.ts. */
export const CASES: TenancyCases = {
  "get /api/orgs/:orgId/training/delivery/sessions": {},
  "get /api/orgs/:orgId/training/delivery/sessions/:sessionId": {},
  "put /api/orgs/:orgId/training/delivery/sessions/:sessionId/outcomes": {
    body: () => ({ outcomes: [{ bookingId: "00000000-0000-4000-8000-000000000000", outcome: "completed" }] }),
  },
  "get /api/orgs/:orgId/training/bookings/:bookingId/certificate.pdf": {},
  "get /api/orgs/:orgId/my-training/:bookingId/certificate.pdf": {},
  "get /api/orgs/:orgId/training/matrix": {},
  "get /api/orgs/:orgId/training/matrix.csv": {},
  "get /api/orgs/:orgId/training/matrix.xlsx": {},
  "get /api/orgs/:orgId/training/matrix-summary": {},
};
