import { uniq } from "../harness";
import type { TenancyCases } from "./types";

/** Tenant-isolation cases for commissioning's contracts routes (issue 19): see test/tenancy.test.ts. */
const contract = () => ({
  providerId: "00000000-0000-4000-8000-000000000001",
  reference: `INTRUDE-${uniq()}`,
  name: "Intruder's contract",
  serviceType: "home_care",
  startDate: "2026-04-01",
  prices: [{ band: "30 minutes", unit: "hour", price: 25, weeklyVolume: 100 }],
});
const standard = () => ({ kind: "rlw_floor", name: "Intruder's floor", threshold: 0.5 });

export const CASES: TenancyCases = {
  "get /api/orgs/:orgId/commissioning/standards": {},
  "post /api/orgs/:orgId/commissioning/standards": { body: standard },
  "put /api/orgs/:orgId/commissioning/standards/:standardId": { body: standard },
  "post /api/orgs/:orgId/commissioning/standards/:standardId/archive": {},
  "get /api/orgs/:orgId/commissioning/contracts": {},
  "get /api/orgs/:orgId/commissioning/contract-options": {},
  "post /api/orgs/:orgId/commissioning/contracts": { body: contract },
  "get /api/orgs/:orgId/commissioning/contracts/:contractId": {},
  "put /api/orgs/:orgId/commissioning/contracts/:contractId": { body: contract },
  "post /api/orgs/:orgId/commissioning/contracts/:contractId/standards": {
    body: () => ({ standardId: "00000000-0000-4000-8000-000000000002", fromPeriod: "2026-Q1" }),
  },
  "delete /api/orgs/:orgId/commissioning/contracts/:contractId/standards/:contractStandardId": {},
  "get /api/orgs/:orgId/contracts": {},
  "get /api/orgs/:orgId/contracts/:contractId": {},
};
