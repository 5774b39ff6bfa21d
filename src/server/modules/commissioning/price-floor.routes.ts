import {
  bidInput,
  bidView,
  feeRateInput,
  feeRatesQuery,
  feeRatesResponse,
  feeRateView,
  priceFloorQuery,
  priceFloorResponse,
  saveAssumptionsInput,
  tenderInput,
  tenderResponse,
  tenderSummary,
  tendersResponse,
} from "../../../shared/schemas/commissioning-price";
import { removedResponse } from "../../../shared/schemas/common";
import type { OrgCtx } from "../../context";
import { orgCtxOf } from "../../http/guards";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import { presentBid, presentFeeRate, presentFloor, presentTender } from "./price-floor.presenter";
import * as floor from "./price-floor.service";
import * as tenders from "./tenders.service";

// The minimum price floor, fee rates and tender bids (issue 19 item 4).

const tag = "Commissioning: price floor";
const view = { tag, scope: "org", permission: "commissioning.view", orgKinds: ["council"] } as const;
const manage = { tag, scope: "org", permission: "commissioning.manage", orgKinds: ["council"] } as const;

async function tenderOf(ctx: OrgCtx, id: string) {
  const x = await tenders.getTender(ctx, id);
  return {
    tender: presentTender(x.tender, x.bidCount, x.belowFloor),
    unitLabel: x.unitLabel,
    floor: x.floor,
    noCheck: x.noCheck,
    bids: x.bids.map(presentBid),
    providers: x.providers,
  };
}

export function priceFloorRoutes(r: Router) {
  // The calculator.
  r.define(
    {
      tag,
      scope: "org",
      permission: "commissioning.view",
      orgKinds: ["council", "provider"],
      method: "get",
      path: "/api/orgs/:orgId/commissioning/price-floor",
      query: priceFloorQuery,
      response: priceFloorResponse,
      summary:
        "The minimum price floor for a year (2024-25, 2025-26, 2026-27; default the current one) and care type (home_care per contact hour, care_home per bed per week), every cost line with its basis. Any assumption may be overridden in the query (wage=12.6&visitMinutes=15). A council's people start from its saved assumptions; a provider from the defaults",
    },
    async (c, { query }) => c.json(presentFloor(await floor.calculate(orgCtxOf(c), query))),
  );
  r.define(
    {
      ...manage,
      method: "put",
      path: "/api/orgs/:orgId/commissioning/price-floor/:year/:careType",
      body: saveAssumptionsInput,
      response: priceFloorResponse,
      summary:
        "Save the council's assumptions for a year and care type (only those that differ from the defaults are kept); answers the floor they give",
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      const { year, careType } = c.req.param();
      await floor.saveAssumptions(ctx, year, careType, body);
      const q = { year: year as "2025-26", careType: careType as "home_care" };
      return c.json(presentFloor(await floor.calculate(ctx, q)));
    },
  );
  r.define(
    {
      ...manage,
      method: "delete",
      path: "/api/orgs/:orgId/commissioning/price-floor/:year/:careType",
      response: removedResponse,
      summary: "Go back to the edition's default assumptions for a year and care type",
    },
    async (c) => {
      const { year, careType } = c.req.param();
      const row = await floor.resetAssumptions(orgCtxOf(c), year, careType);
      return c.json({ removed: row.id });
    },
  );

  // Fee rates.
  r.define(
    {
      ...view,
      method: "get",
      path: "/api/orgs/:orgId/commissioning/fee-rates",
      query: feeRatesQuery,
      response: feeRatesResponse,
      summary:
        "The council's fee rates (optionally of one year), each against its price floor: the floor, whether the rate is below it, the gap in pounds and the cost lines it does not cover",
    },
    async (c, { query }) => c.json({ rates: (await floor.listFeeRates(orgCtxOf(c), query.year)).map(presentFeeRate) }),
  );
  r.define(
    {
      ...manage,
      method: "post",
      path: "/api/orgs/:orgId/commissioning/fee-rates",
      body: feeRateInput,
      response: feeRateView,
      summary: "Add a fee rate (a band of a service for a year)",
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      const row = await floor.createFeeRate(ctx, body);
      return c.json(presentFeeRate(await floor.feeRateWithCheck(ctx, row)), 201);
    },
  );
  r.define(
    {
      ...manage,
      method: "put",
      path: "/api/orgs/:orgId/commissioning/fee-rates/:rateId",
      body: feeRateInput,
      response: feeRateView,
      summary: "Change a fee rate",
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      const row = await floor.updateFeeRate(ctx, idParam(c, "rateId", "fee rate"), body);
      return c.json(presentFeeRate(await floor.feeRateWithCheck(ctx, row)));
    },
  );
  r.define(
    {
      ...manage,
      method: "delete",
      path: "/api/orgs/:orgId/commissioning/fee-rates/:rateId",
      response: removedResponse,
      summary: "Remove a fee rate",
    },
    async (c) => {
      const row = await floor.deleteFeeRate(orgCtxOf(c), idParam(c, "rateId", "fee rate"));
      return c.json({ removed: row.id });
    },
  );

  // Tenders and bids.
  r.define(
    {
      ...view,
      method: "get",
      path: "/api/orgs/:orgId/commissioning/tenders",
      response: tendersResponse,
      summary: "The council's tenders, newest year first, with how many bids each has and how many are below the floor",
    },
    async (c) => {
      const rows = await tenders.listTenders(orgCtxOf(c));
      return c.json({ tenders: rows.map((t) => presentTender(t.tender, t.bids, t.belowFloor)) });
    },
  );
  r.define(
    {
      ...manage,
      method: "post",
      path: "/api/orgs/:orgId/commissioning/tenders",
      body: tenderInput,
      response: tenderSummary,
      summary: "Record a tender",
    },
    async (c, { body }) => c.json(presentTender(await tenders.createTender(orgCtxOf(c), body), 0, 0), 201),
  );
  r.define(
    {
      ...view,
      method: "get",
      path: "/api/orgs/:orgId/commissioning/tenders/:tenderId",
      response: tenderResponse,
      summary:
        "A tender with its bids, cheapest first, each checked against the price floor (home care at the bid's visit length): below or not, by how much, and the cost lines its price runs out before",
    },
    async (c) => c.json(await tenderOf(orgCtxOf(c), idParam(c, "tenderId", "tender"))),
  );
  r.define(
    {
      ...manage,
      method: "delete",
      path: "/api/orgs/:orgId/commissioning/tenders/:tenderId",
      response: removedResponse,
      summary: "Remove a tender and its bids",
    },
    async (c) => {
      const row = await tenders.deleteTender(orgCtxOf(c), idParam(c, "tenderId", "tender"));
      return c.json({ removed: row.id });
    },
  );
  r.define(
    {
      ...manage,
      method: "post",
      path: "/api/orgs/:orgId/commissioning/tenders/:tenderId/bids",
      body: bidInput,
      response: bidView,
      summary:
        "Record a bid (bidder, optionally a provider the council commissions, price, visit length for home care); answers it checked against the floor",
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      const tenderId = idParam(c, "tenderId", "tender");
      const row = await tenders.addBid(ctx, tenderId, body);
      const x = await tenderOf(ctx, tenderId);
      const bid = x.bids.find((b) => b.id === row.id);
      if (!bid) throw new Error("The bid just recorded was not found");
      return c.json(bid, 201);
    },
  );
  r.define(
    {
      ...manage,
      method: "delete",
      path: "/api/orgs/:orgId/commissioning/tenders/:tenderId/bids/:bidId",
      response: removedResponse,
      summary: "Remove a bid",
    },
    async (c) => {
      const row = await tenders.deleteBid(orgCtxOf(c), idParam(c, "tenderId", "tender"), idParam(c, "bidId", "bid"));
      return c.json({ removed: row.id });
    },
  );
}
