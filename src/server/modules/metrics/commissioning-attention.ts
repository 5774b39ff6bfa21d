import { type ComplianceStatus, effectiveStatus, lastEndedPeriod, periodBounds } from "../../../shared/commissioning";
import { coverage, type HomeCareResult, isPriceFloorYear, priceFloor } from "../../../shared/price-floor";
import type { AttentionItem } from "../../../shared/schemas/metrics";
import type { Exec } from "../../db/client";
import { commissioningItems, ownContractItems } from "./attention";
import * as repo from "./commissioning-attention.repo";

// A council's commissioning as "needs attention" reads it (issue 19 item 6): providers not meeting
// a standard of their contracts in the last ended quarter (after any accepted challenge),
// challenges awaiting a decision, Quality Premium schedules awaiting approval for that quarter, and
// home care prices and fee rates per contact hour below the minimum price floor. The commissioning
// page (modules/commissioning/overview.service.ts) reads the same functions, so both say the same.

/** Worst first: a standard not met outweighs one without enough data, which outweighs met. */
const SEVERITY: Record<ComplianceStatus, number> = { not_met: 0, not_enough_data: 1, met: 2 };

/** The worst of several results (a provider with several contracts carrying a standard). */
export function worstStatus(statuses: ComplianceStatus[]): ComplianceStatus | null {
  return statuses.reduce<ComplianceStatus | null>(
    (worst, s) => (worst === null || SEVERITY[s] < SEVERITY[worst] ? s : worst),
    null,
  );
}

/** The financial year (April to March) a day falls in, written 2025-26. */
export function financialYearOf(day: string): string {
  const year = Number(day.slice(0, 4));
  const start = Number(day.slice(5, 7)) >= 4 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The council's home care prices per contact hour (in contracts in force on `at`) and fee rates for
 * the financial year of `at`, against the floor of that year with the council's own assumptions
 * (or the calculator's defaults) at its visit length. Only those below the floor, with the gap.
 * When the calculator has no edition for the year, nothing is compared (`available` false).
 */
export async function belowPriceFloor(db: Exec, councilId: string, at: string) {
  const year = financialYearOf(at);
  const none = { available: false, year, floor: null, visitMinutes: null, prices: [], feeRates: [] };
  if (!isPriceFloorYear(year)) return none;
  const saved = await repo.homeCareFloorAssumptions(db, councilId, year);
  const overrides =
    saved && typeof saved === "object"
      ? Object.fromEntries(Object.entries(saved).filter(([, v]) => typeof v === "number"))
      : {};
  let result: HomeCareResult;
  try {
    result = priceFloor(year, "home_care", overrides);
  } catch {
    // Saved assumptions the calculator refuses: compare with its defaults rather than not at all.
    result = priceFloor(year, "home_care");
  }
  const floor = result.total;
  const visitMinutes = result.assumptions.visitMinutes;
  const below = (price: number) => coverage(result, price).belowFloor;
  const prices = (await repo.hourlyHomeCarePrices(db, councilId, at))
    .filter((p) => below(p.price))
    .map((p) => ({ ...p, unit: "hour" as const, floor, gap: round2(floor - p.price) }));
  const feeRates = (await repo.hourlyHomeCareFeeRates(db, councilId, year))
    .filter((f) => below(f.rate))
    .map((f) => ({ ...f, floor, gap: round2(floor - f.rate) }));
  return { available: true, year, floor, visitMinutes, prices, feeRates };
}

/** Providers with a standard not met in a quarter, each with the standards (after challenges). */
export function providersNotMeeting(results: repo.ContractResult[]) {
  const byProvider = new Map<string, { id: string; name: string; standards: Set<string> }>();
  for (const r of results) {
    if (effectiveStatus(r) !== "not_met") continue;
    const p = byProvider.get(r.providerId) ?? { id: r.providerId, name: r.providerName, standards: new Set() };
    p.standards.add(r.standardName);
    byProvider.set(r.providerId, p);
  }
  return [...byProvider.values()]
    .map((p) => ({ id: p.id, name: p.name, standards: [...p.standards].sort((a, b) => a.localeCompare(b)) }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** What needs a council's attention in its commissioning today. */
export async function commissioningAttention(db: Exec, councilId: string, today: string): Promise<AttentionItem[]> {
  const period = lastEndedPeriod(today);
  const results = await repo.contractResults(db, councilId, [period]);
  return commissioningItems({
    period,
    periodLabel: periodBounds(period).label,
    notMeeting: providersNotMeeting(results),
    challenges: await repo.openChallenges(db, councilId),
    schemes: await repo.schemesAwaitingApproval(db, councilId, period),
    belowFloor: await belowPriceFloor(db, councilId, today),
  });
}

/** What a provider needs to act on in its own contracts: standards not met in the last ended quarter. */
export async function ownCommissioningAttention(db: Exec, providerId: string, today: string): Promise<AttentionItem[]> {
  const period = lastEndedPeriod(today);
  return ownContractItems(await repo.ownResultsNotMet(db, providerId, period), periodBounds(period).label);
}
