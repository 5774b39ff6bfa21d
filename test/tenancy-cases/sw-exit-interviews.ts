import type { TenancyCases } from "./types";

/** Tenant-isolation cases for the social work service's routes (issue 20, sw-exit-interviews): see test/tenancy.test.ts. */
export const CASES: TenancyCases = {
  "get /api/orgs/:orgId/exit-interviews/leavers": {},
  "post /api/orgs/:orgId/exit-interviews": { body: () => ({ staffRecordId: "00000000-0000-4000-8000-000000000001" }) },
  "post /api/orgs/:orgId/exit-interviews/recent": {},
  "get /api/orgs/:orgId/exit-interviews/reasons": {},
};
