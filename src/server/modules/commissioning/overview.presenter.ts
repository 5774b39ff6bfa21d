import type { OverviewResponse } from "../../../shared/schemas/commissioning-overview";
import type { Overview } from "./overview.service";

// What leaves the server of the commissioning page: money to pence, shares to four places, dates as text.

const pence = (n: number) => Math.round(n * 100) / 100;

export function presentOverview(o: Overview): OverviewResponse {
  return {
    ...o,
    contracts: {
      count: o.contracts.count,
      annualValue: pence(o.contracts.annualValue),
      byServiceType: o.contracts.byServiceType.map((t) => ({ ...t, annualValue: pence(t.annualValue) })),
    },
    qualityPremium: o.qualityPremium.map((s) => ({
      ...s,
      periods: s.periods.map((p) => ({
        ...p,
        total: p.total === null ? null : pence(p.total),
        approvedAt: p.approvedAt ? new Date(p.approvedAt).toISOString() : null,
      })),
    })),
    priceFloor: {
      available: o.priceFloor.available,
      year: o.priceFloor.year,
      floor: o.priceFloor.floor,
      visitMinutes: o.priceFloor.visitMinutes,
      prices: o.priceFloor.prices.map((p) => ({
        contractId: p.contractId,
        reference: p.reference,
        contractName: p.contractName,
        providerId: p.providerId,
        providerName: p.providerName,
        band: p.band,
        unit: p.unit,
        price: p.price,
        floor: p.floor,
        gap: p.gap,
      })),
      feeRates: o.priceFloor.feeRates.map((f) => ({
        id: f.id,
        year: f.year,
        band: f.band,
        rate: f.rate,
        floor: f.floor,
        gap: f.gap,
      })),
    },
    trend: o.trend.map((t) => ({
      ...t,
      metShare: t.metShare === null ? null : Math.round(t.metShare * 10_000) / 10_000,
    })),
  };
}
