import type { TenancyCases } from "./types";

/** Tenant-isolation cases for the social work service's routes (issue 20, sw-progression): see test/tenancy.test.ts. */
export const CASES: TenancyCases = {};
