import type { TenancyCases } from "./types";

/** Tenant-isolation cases for shared training's apprenticeships routes (issue 18): see test/tenancy.test.ts. */
const start = () => ({
  staffRecordId: "00000000-0000-4000-8000-000000000001",
  standard: "ST0005",
  startOn: "2026-06-01",
  plannedEndOn: "2027-06-01",
  trainingProviderName: "Intruders' College",
  funding: "co_investment",
  pricePence: 100_000,
});
const pledge = () => ({
  levyPaidPence: 25_000_000,
  amountPence: 1_000_000,
  standards: ["ST0005"],
  opensOn: "2026-06-01",
  closesOn: "2026-12-31",
  notes: "",
});
const request = () => ({
  pledgeId: "00000000-0000-4000-8000-000000000002",
  standard: "ST0005",
  amountPence: 100_000,
  staffRecordIds: ["00000000-0000-4000-8000-000000000001"],
  reason: "",
});

export const CASES: TenancyCases = {
  "get /api/orgs/:orgId/apprenticeships": {},
  "post /api/orgs/:orgId/apprenticeships": { body: start },
  "patch /api/orgs/:orgId/apprenticeships/:apprenticeshipId": { body: () => ({ progressPercent: 50 }) },
  "get /api/orgs/:orgId/levy/pledges": {},
  "post /api/orgs/:orgId/levy/pledges": { body: pledge },
  "post /api/orgs/:orgId/levy/pledges/:pledgeId/requests/:requestId/decision": {
    body: () => ({ decision: "approve", note: "" }),
  },
  "get /api/orgs/:orgId/levy/open-pledges": {},
  "post /api/orgs/:orgId/levy/requests": { body: request },
  "post /api/orgs/:orgId/levy/requests/:requestId/withdraw": {},
  "get /api/orgs/:orgId/training/funding-claims": {},
  "post /api/orgs/:orgId/training/funding-claims/mark": {
    body: () => ({ claims: [{ bookingId: "00000000-0000-4000-8000-000000000003", part: "full" }] }),
  },
  "get /api/orgs/:orgId/training/funding-claims.csv": {},
  "get /api/orgs/:orgId/training/funding-claims.xlsx": {},
};
