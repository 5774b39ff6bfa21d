import type { PriceUnit, ServiceType } from "../../../shared/commissioning";
import type { PriceFloorResult } from "../../../shared/price-floor";
import type {
  BidView,
  FeeRateView,
  FloorCheck,
  PriceFloorResponse,
  TenderSummary,
} from "../../../shared/schemas/commissioning-price";
import type { feeRates, tenderBids, tenders } from "../../db/schema";

// What leaves the server about the price floor, fee rates and tenders.

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export function presentFloor(x: {
  result: PriceFloorResult;
  defaults: Record<string, number>;
  source: "defaults" | "council";
  saved: { assumptions: Record<string, number>; updatedAt: Date } | null;
  headline: PriceFloorResponse["headline"];
  canSave: boolean;
}): PriceFloorResponse {
  const r = x.result;
  return {
    year: r.year as PriceFloorResponse["year"],
    careType: r.careType,
    unit: r.unit,
    total: r.total,
    exactTotal: r.exactTotal,
    lines: r.lines.map((l) => ({ key: l.key, name: l.name, amount: l.amount, basis: l.basis })),
    loadedPaidHours: r.loadedPaidHours,
    wageSensitivity: r.wageSensitivity,
    assumptions: { ...r.assumptions } as unknown as Record<string, number>,
    defaults: x.defaults,
    source: x.source,
    saved: x.saved ? { assumptions: x.saved.assumptions, updatedAt: iso(x.saved.updatedAt) } : null,
    headline: x.headline ? { ...x.headline } : null,
    canSave: x.canSave,
  };
}

export function presentFeeRate(x: {
  row: typeof feeRates.$inferSelect;
  check: FloorCheck | null;
  noCheck: string | null;
}): FeeRateView {
  return {
    id: x.row.id,
    year: x.row.year,
    serviceType: x.row.serviceType as ServiceType,
    band: x.row.band,
    unit: x.row.unit as PriceUnit,
    rate: x.row.rate,
    check: x.check,
    noCheck: x.noCheck,
  };
}

export function presentTender(t: typeof tenders.$inferSelect, bids: number, belowFloor: number): TenderSummary {
  return {
    id: t.id,
    name: t.name,
    serviceType: t.serviceType as ServiceType,
    year: t.year,
    closesOn: t.closesOn,
    bids,
    belowFloor,
    createdAt: iso(t.createdAt),
  };
}

export function presentBid(x: {
  bid: typeof tenderBids.$inferSelect;
  providerName: string | null;
  check: FloorCheck | null;
}): BidView {
  return {
    id: x.bid.id,
    bidder: x.bid.bidder,
    providerId: x.bid.providerId,
    providerName: x.providerName,
    price: x.bid.price,
    visitMinutes: x.bid.visitMinutes,
    notes: x.bid.notes,
    check: x.check,
    createdAt: iso(x.bid.createdAt),
  };
}
