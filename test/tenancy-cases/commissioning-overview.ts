import type { TenancyCases } from "./types";

/** Tenant-isolation cases for commissioning's overview routes (issue 19): see test/tenancy.test.ts. */
export const CASES: TenancyCases = {
  "get /api/orgs/:orgId/commissioning/overview": {},
  "get /api/orgs/:orgId/commissioning/overview/compliance.csv": {},
};
