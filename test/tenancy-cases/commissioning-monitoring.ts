import type { TenancyCases } from "./types";

/** Tenant-isolation cases for commissioning's monitoring routes (issue 19): see test/tenancy.test.ts. */
const quarter = () => ({ period: "2026-Q1" });
export const CASES: TenancyCases = {
  "get /api/orgs/:orgId/monitoring-returns": {},
  "get /api/orgs/:orgId/monitoring-returns/:councilId/:period": { params: quarter },
  "post /api/orgs/:orgId/monitoring-returns/:councilId/:period/confirm": {
    params: quarter,
    body: () => ({ paidTravel: true, deliveries: [] }),
  },
  "get /api/orgs/:orgId/monitoring-returns/:councilId/:period/monitoring-return.csv": { params: quarter },
  "get /api/orgs/:orgId/monitoring-returns/:councilId/:period/monitoring-return.xlsx": { params: quarter },
  "get /api/orgs/:orgId/commissioning/monitoring-returns": {},
  "get /api/orgs/:orgId/commissioning/monitoring-returns.csv": {},
  "get /api/orgs/:orgId/capacity-tracker": {},
  "get /api/orgs/:orgId/capacity-tracker.csv": {},
};
