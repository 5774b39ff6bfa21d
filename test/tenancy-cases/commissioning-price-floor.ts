import type { TenancyCases } from "./types";

/** Tenant-isolation cases for commissioning's price-floor routes (issue 19): see test/tenancy.test.ts. */
const rate = () => ({ year: "2025-26", serviceType: "home_care", band: "Intruders' band", unit: "hour", rate: 1 });
const tender = () => ({ name: "Intruders' tender", serviceType: "home_care", year: "2025-26", closesOn: null });
const bid = () => ({ bidder: "Intruder Care", providerId: null, price: 1, visitMinutes: 30, notes: "" });

export const CASES: TenancyCases = {
  "get /api/orgs/:orgId/commissioning/price-floor": {},
  "put /api/orgs/:orgId/commissioning/price-floor/:year/:careType": {
    params: () => ({ year: "2025-26", careType: "home_care" }),
    body: () => ({ assumptions: { wage: 1 } }),
  },
  "delete /api/orgs/:orgId/commissioning/price-floor/:year/:careType": {
    params: () => ({ year: "2025-26", careType: "home_care" }),
  },
  "get /api/orgs/:orgId/commissioning/fee-rates": {},
  "post /api/orgs/:orgId/commissioning/fee-rates": { body: rate },
  "put /api/orgs/:orgId/commissioning/fee-rates/:rateId": { body: rate },
  "delete /api/orgs/:orgId/commissioning/fee-rates/:rateId": {},
  "get /api/orgs/:orgId/commissioning/tenders": {},
  "post /api/orgs/:orgId/commissioning/tenders": { body: tender },
  "get /api/orgs/:orgId/commissioning/tenders/:tenderId": {},
  "delete /api/orgs/:orgId/commissioning/tenders/:tenderId": {},
  "post /api/orgs/:orgId/commissioning/tenders/:tenderId/bids": { body: bid },
  "delete /api/orgs/:orgId/commissioning/tenders/:tenderId/bids/:bidId": {},
};
