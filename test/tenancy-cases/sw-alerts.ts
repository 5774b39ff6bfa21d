import type { TenancyCases } from "./types";

/** Tenant-isolation cases for the social work alerts route (issue 20, sw-alerts): see test/tenancy.test.ts. */
export const CASES: TenancyCases = {
  "get /api/orgs/:orgId/social-work/alerts": {},
};
