import type { TenancyCases } from "./types";

const SOMEONE = "00000000-0000-4000-8000-000000000000";

/** Tenant-isolation cases for shared training's bookings routes (issue 18): see test/tenancy.test.ts. */
export const CASES: TenancyCases = {
  "post /api/orgs/:orgId/training/bookings": {
    body: () => ({ sessionId: SOMEONE, staffRecordIds: [SOMEONE] }),
  },
  "get /api/orgs/:orgId/training/bookings": {},
  "get /api/orgs/:orgId/training/bookings/sessions": {},
  "get /api/orgs/:orgId/training/bookings/session/:sessionId": {},
  "post /api/orgs/:orgId/training/bookings/:bookingId/cancel": {},
  "post /api/orgs/:orgId/training/bookings/:bookingId/accept": {},
  "post /api/orgs/:orgId/training/bookings/:bookingId/decline": {},
  "get /api/orgs/:orgId/training/settings": {},
  "put /api/orgs/:orgId/training/settings": { body: () => ({ staffSelfBooking: true }) },
  "get /api/orgs/:orgId/my-training": {},
  "post /api/orgs/:orgId/my-training/bookings": { body: () => ({ sessionId: SOMEONE }) },
  "post /api/orgs/:orgId/my-training/bookings/:bookingId/cancel": {},
  "post /api/orgs/:orgId/my-training/bookings/:bookingId/accept": {},
  "post /api/orgs/:orgId/my-training/bookings/:bookingId/decline": {},
};
