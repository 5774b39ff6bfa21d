import type { TenancyCases } from "./types";

/** Tenant-isolation cases for the board routes of joint recruitment (issue 17): see test/tenancy.test.ts. */
export const CASES: TenancyCases = {};
