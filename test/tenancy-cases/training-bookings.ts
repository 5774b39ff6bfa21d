import type { TenancyCases } from "./types";

/** Tenant-isolation cases for shared training's bookings routes (issue 18): see test/tenancy.test.ts. */
export const CASES: TenancyCases = {};
