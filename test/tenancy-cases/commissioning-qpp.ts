import type { TenancyCases } from "./types";

/** Tenant-isolation cases for commissioning's qpp routes (issue 19): see test/tenancy.test.ts. */
const scheme = () => ({
  name: "Intruder's premium",
  serviceType: "home_care",
  standards: [{ standardId: "00000000-0000-4000-8000-000000000001", weight: 1 }],
  method: "weighted",
  basis: "per_unit",
  rate: 0.4,
  budgetCap: null,
  fromPeriod: "2026-Q1",
  untilPeriod: null,
});
const period = () => ({ period: "2026-Q1" });

export const CASES: TenancyCases = {
  "get /api/orgs/:orgId/commissioning/qpp/schemes": {},
  "post /api/orgs/:orgId/commissioning/qpp/schemes": { body: scheme },
  "get /api/orgs/:orgId/commissioning/qpp/schemes/:schemeId": {},
  "put /api/orgs/:orgId/commissioning/qpp/schemes/:schemeId": { body: scheme },
  "get /api/orgs/:orgId/commissioning/qpp/schemes/:schemeId/schedules/:period": { params: period },
  "post /api/orgs/:orgId/commissioning/qpp/schemes/:schemeId/schedules/:period/approve": { params: period },
  "get /api/orgs/:orgId/commissioning/qpp/schemes/:schemeId/schedules/:period/schedule.csv": { params: period },
  "get /api/orgs/:orgId/commissioning/qpp/schemes/:schemeId/schedules/:period/schedule.xlsx": { params: period },
  "put /api/orgs/:orgId/commissioning/contracts/:contractId/deliveries/:period": {
    params: period,
    body: () => ({ units: 100 }),
  },
  "get /api/orgs/:orgId/quality-premium": {},
};
