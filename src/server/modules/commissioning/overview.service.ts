import {
  type ComplianceStatus,
  effectiveStatus,
  lastEndedPeriod,
  periodBounds,
  previousPeriod,
  SERVICE_TYPE_LABELS,
  SERVICE_TYPES,
  type ServiceType,
} from "../../../shared/commissioning";
import type { OverviewQuery } from "../../../shared/schemas/commissioning-overview";
import type { OrgCtx } from "../../context";
import { badRequest } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { belowPriceFloor, commissioningAttention, worstStatus } from "../metrics/commissioning-attention";
import { type ContractResult, contractResults } from "../metrics/commissioning-attention.repo";
import { providersOf } from "../orgs/commissioning";
import * as repo from "./overview.repo";
import { scheduleOf, schemeCovers } from "./qpp.service";

// The council's commissioning page (issue 19 item 6): one read of every part's tables for a
// quarter. Compliance is each provider's worst result per standard over its contracts (after any
// accepted challenge); the trend counts "not enough data" against the share met, never as met.
// Quality Premium totals are the approved schedules, or the draft computed live by the Quality
// Premium's own rule. Prices below the floor and what needs attention are as of today, as the
// dashboard says them (metrics/commissioning-attention.ts).

/** Quarters shown in the trend, oldest first, ending with the quarter asked for. */
const TREND_QUARTERS = 4;

export type CellStatus = ComplianceStatus | "not_carried" | "no_result";

/** A provider's cell for a standard: the worst computed result; no result for a contract hides a "met". */
export function cellStatus(results: (ComplianceStatus | null)[]): CellStatus {
  if (!results.length) return "not_carried";
  const worst = worstStatus(results.filter((r): r is ComplianceStatus => r !== null));
  if (worst === "not_met" || worst === "not_enough_data") return worst;
  return results.includes(null) || worst === null ? "no_result" : worst;
}

/** The share met and providers meeting all their standards in one quarter, from its results. */
export function trendOf(period: string, results: ContractResult[]) {
  const mine = results.filter((r) => r.period === period);
  const met = mine.filter((r) => effectiveStatus(r) === "met").length;
  const providers = new Map<string, boolean>();
  for (const r of mine)
    providers.set(r.providerId, (providers.get(r.providerId) ?? true) && effectiveStatus(r) === "met");
  return {
    period,
    periodLabel: periodBounds(period).label,
    results: mine.length,
    met,
    metShare: mine.length ? met / mine.length : null,
    providers: providers.size,
    providersAllMet: [...providers.values()].filter(Boolean).length,
  };
}

/** The quarter asked for (default the last ended one): one that has not ended is refused, naming the field. */
export function quarterOf(ctx: OrgCtx, query: OverviewQuery) {
  const lastEnded = lastEndedPeriod(isoDate(ctx.deps.now()));
  const period = query.period ?? lastEnded;
  if (period > lastEnded)
    throw badRequest(
      "validation",
      `${period} has not ended yet: compliance is measured once a quarter ends. Choose ${lastEnded} or earlier.`,
      [{ path: "period", message: `Choose ${lastEnded} or an earlier quarter` }],
    );
  return { period, lastEnded };
}

/**
 * Standards × providers for a quarter, for providers commissioned at its end: each cell the worst
 * result over the provider's contracts carrying the standard, with each contract's own. `results`
 * may hold other quarters (the trend's): only this one's are read.
 */
export async function complianceMatrix(ctx: OrgCtx, period: string, results?: ContractResult[]) {
  const { db } = ctx;
  const councilId = ctx.org.id;
  const { start, end } = periodBounds(period);
  const commissioned = new Set(await providersOf(db, councilId, end));
  const carried = (await repo.carriedStandards(db, councilId, period, start, end)).filter((c) =>
    commissioned.has(c.providerId),
  );
  const inPeriod = new Map(
    (results ?? (await contractResults(db, councilId, [period])))
      .filter((r) => r.period === period)
      .map((r) => [`${r.contractId}|${r.standardId}`, r]),
  );
  const resultOf = (contractId: string, standardId: string) => inPeriod.get(`${contractId}|${standardId}`);
  const standards = [...new Map(carried.map((c) => [c.standardId, c])).values()]
    .map((c) => ({ id: c.standardId, name: c.standardName, kind: c.kind }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const providers = [...new Map(carried.map((c) => [c.providerId, c.providerName])).entries()]
    .sort(([ia, a], [ib, b]) => a.localeCompare(b) || ia.localeCompare(ib))
    .map(([id, name]) => {
      const cells = standards.map((s) => {
        const contracts = carried
          .filter((c) => c.providerId === id && c.standardId === s.id)
          .map((c) => {
            const r = resultOf(c.contractId, s.id);
            return {
              contractId: c.contractId,
              reference: c.reference,
              status: r ? effectiveStatus(r) : null,
              overridden: Boolean(r?.overrideStatus),
            };
          });
        return { standardId: s.id, status: cellStatus(contracts.map((c) => c.status)), contracts };
      });
      return { id, name, allMet: cells.every((c) => c.status === "met" || c.status === "not_carried"), cells };
    });
  return { standards, providers };
}
export type ComplianceMatrix = Awaited<ReturnType<typeof complianceMatrix>>;

export async function commissioningOverview(ctx: OrgCtx, query: OverviewQuery) {
  const today = isoDate(ctx.deps.now());
  const { period, lastEnded } = quarterOf(ctx, query);
  const { start, end, label } = periodBounds(period);
  const trendPeriods = [period];
  while (trendPeriods.length < TREND_QUARTERS) trendPeriods.unshift(previousPeriod(trendPeriods[0]));
  const db = ctx.db;
  const councilId = ctx.org.id;

  // Contracts in numbers.
  const inForce = await repo.contractsInForce(db, councilId, start, end);
  const byType = new Map<string, { count: number; annualValue: number }>();
  for (const c of inForce) {
    const t = byType.get(c.serviceType) ?? { count: 0, annualValue: 0 };
    byType.set(c.serviceType, { count: t.count + 1, annualValue: t.annualValue + (c.annualValue ?? 0) });
  }

  // Compliance for the quarter, and the results of the trend's quarters.
  const results = await contractResults(db, councilId, trendPeriods);
  const compliance = await complianceMatrix(ctx, period, results);

  // Quality Premium: each scheme's quarters in the trend, approved or the live draft.
  const qualityPremium = [];
  for (const scheme of await repo.schemesIn(db, councilId, trendPeriods[0], period)) {
    const periods = [];
    for (const p of trendPeriods.filter((q) => schemeCovers(scheme, q))) {
      const s = await scheduleOf(ctx, councilId, scheme, p);
      periods.push({
        period: p,
        periodLabel: periodBounds(p).label,
        status: s.status,
        total: s.total,
        approvedAt: s.approvedAt,
      });
    }
    qualityPremium.push({ schemeId: scheme.id, name: scheme.name, periods });
  }

  return {
    council: { id: ctx.org.id, name: ctx.org.name },
    period,
    periodLabel: label,
    lastEndedPeriod: lastEnded,
    contracts: {
      count: inForce.length,
      annualValue: inForce.reduce((n, c) => n + (c.annualValue ?? 0), 0),
      byServiceType: SERVICE_TYPES.filter((t) => byType.has(t)).map((t: ServiceType) => ({
        serviceType: t,
        label: SERVICE_TYPE_LABELS[t],
        ...(byType.get(t) as { count: number; annualValue: number }),
      })),
    },
    compliance,
    qualityPremium,
    priceFloor: await belowPriceFloor(db, councilId, today),
    trend: trendPeriods.map((p) => trendOf(p, results)),
    attention: await commissioningAttention(db, councilId, today),
  };
}
export type Overview = Awaited<ReturnType<typeof commissioningOverview>>;
