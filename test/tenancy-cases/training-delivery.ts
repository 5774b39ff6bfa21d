import type { TenancyCases } from "./types";

/** Tenant-isolation cases for shared training's delivery routes (issue 18): see test/tenancy.test.ts. */
export const CASES: TenancyCases = {};
