import type { TenancyCases } from "./types";

/** Tenant-isolation cases for the social work service's routes (issue 20, sw-census): see test/tenancy.test.ts. */
const year = () => ({ year: "2025" });

export const CASES: TenancyCases = {
  "get /api/orgs/:orgId/social-work/census/:year": { params: year },
  "get /api/orgs/:orgId/social-work/census/:year/workers.csv": { params: year },
  "get /api/orgs/:orgId/social-work/census/:year/aggregate.csv": { params: year },
  "get /api/orgs/:orgId/social-work/census/:year/census.xlsx": { params: year },
};
