import type { TenancyCases } from "./types";

/** Tenant-isolation cases for the social work service's routes (issue 20, sw-figures): see test/tenancy.test.ts. */
export const CASES: TenancyCases = {
  "get /api/orgs/:orgId/social-work/figures": {},
  "get /api/orgs/:orgId/social-work/figures/series": {},
  "get /api/orgs/:orgId/social-work/figures/series.csv": {},
};
