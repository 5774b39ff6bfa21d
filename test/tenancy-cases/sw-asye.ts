import type { TenancyCases } from "./types";

/** Tenant-isolation cases for the ASYE routes (issue 20 item 3): see test/tenancy.test.ts. */
const asye = () => ({
  staffRecordId: "00000000-0000-4000-8000-000000000001",
  startDate: "2026-01-05",
  protectedCaseloadTarget: 12,
});
const review = () => ({ stage: "3_month", heldOn: "2026-04-05", progress: "on_track", evidence: "Intruder" });

export const CASES: TenancyCases = {
  "get /api/orgs/:orgId/social-work/asye": {},
  "get /api/orgs/:orgId/social-work/asye-options": {},
  "get /api/orgs/:orgId/social-work/asye-quality": {},
  "post /api/orgs/:orgId/social-work/asye": { body: asye },
  "get /api/orgs/:orgId/social-work/asye/:asyeId": {},
  "put /api/orgs/:orgId/social-work/asye/:asyeId": { body: () => ({ startDate: "2026-01-05" }) },
  "post /api/orgs/:orgId/social-work/asye/:asyeId/withdraw": { body: () => ({ withdrawnOn: "2026-05-01" }) },
  "post /api/orgs/:orgId/social-work/asye/:asyeId/reviews": { body: review },
  "put /api/orgs/:orgId/social-work/asye/:asyeId/reviews/:reviewId": {
    body: () => ({ heldOn: "2026-04-05", progress: "on_track" }),
  },
  "delete /api/orgs/:orgId/social-work/asye/:asyeId/reviews/:reviewId": {},
  "get /api/orgs/:orgId/social-work/workers/:staffId/asye": { params: (ids) => ({ staffId: ids.staffId }) },
};
