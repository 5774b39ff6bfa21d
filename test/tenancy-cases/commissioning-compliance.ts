import type { TenancyCases } from "./types";

/** Tenant-isolation cases for commissioning's compliance routes (issue 19): see test/tenancy.test.ts. */
export const CASES: TenancyCases = {
  "get /api/orgs/:orgId/commissioning/compliance": {},
  "post /api/orgs/:orgId/commissioning/compliance/recompute": { body: () => ({ period: "2026-Q1" }) },
  "get /api/orgs/:orgId/commissioning/contracts/:contractId/compliance": {},
  "get /api/orgs/:orgId/commissioning/challenges": {},
  "post /api/orgs/:orgId/commissioning/challenges/:challengeId/decision": {
    body: () => ({ decision: "accept", note: "Intruder's decision" }),
  },
  "get /api/orgs/:orgId/compliance": {},
  "get /api/orgs/:orgId/contracts/:contractId/compliance": {},
  "post /api/orgs/:orgId/compliance/results/:resultId/challenges": { body: () => ({ reason: "Intrude" }) },
};
