import type { TenancyCases } from "./types";

/** Tenant-isolation cases for commissioning's qpp routes (issue 19): see test/tenancy.test.ts. */
export const CASES: TenancyCases = {};
