import { isPeriod, lastEndedPeriod, periodBounds } from "../../../shared/commissioning";
import {
  type ConfirmMonitoringInput,
  deliveryUnitOf,
  type MonitoringStatus,
  monitoringQuarterOf,
  RETURN_FIGURE_NAMES,
} from "../../../shared/schemas/commissioning-monitoring";
import { type Ctx, inTransaction, type OrgCtx } from "../../context";
import { sha256 } from "../../lib/crypto";
import { badRequest, conflict, notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { cellKey, type Figures } from "../metrics/engine";
import { figuresGrid } from "../metrics/metrics.service";
import * as repo from "./monitoring.repo";

// The contract-monitoring return (issue 19 item 5): per provider, per council holding a contract
// with it, per quarter. The figures are the engine's over the provider's workplaces (and over each
// contract's own workplaces, when it names some) as at the quarter's last day; the provider types
// none of them. It declares only what the hub cannot know (travel time paid; units delivered per
// contract) and confirms: the figures are stored as shown, the declarations with them, and each
// declared units figure goes to contract_deliveries unless the council recorded its own.

/** What a confirmed return keeps in `figures`. */
export type StoredFigures = { provider: Figures; contracts: Record<string, Figures> };
/** What a confirmed return keeps in `declarations`. */
export type StoredDeclarations = {
  paidTravel: boolean;
  deliveries: {
    contractId: string;
    reference: string;
    name: string;
    serviceType: string;
    unitLabel: string;
    workplaces: number;
    units: number | null;
  }[];
};

const today = (ctx: Ctx) => isoDate(ctx.deps.now());

/** A quarter that can be returned for: written right, and ended before today (or `on`). */
export function endedPeriod(ctx: Ctx, period: string | undefined, on = today(ctx)) {
  const latest = lastEndedPeriod(on);
  const p = period ?? latest;
  if (!isPeriod(p))
    throw badRequest("validation", "Enter the quarter like 2026-Q1 (the year, -Q and the quarter 1 to 4).", [
      { path: "period", message: "Enter the quarter like 2026-Q1" },
    ]);
  if (periodBounds(p).end >= on)
    throw badRequest(
      "period_not_ended",
      `${p} (${periodBounds(p).label}) has not ended yet: a return is for an ended quarter, the latest is ${latest}.`,
      [{ path: "period", message: `Choose ${latest} or an earlier quarter` }],
    );
  return p;
}

export function statusOf(confirmed: boolean, dueDate: string | null, on: string): MonitoringStatus {
  if (confirmed) return "confirmed";
  if (!dueDate) return "open";
  return dueDate < on ? "overdue" : "due";
}

/** The return figures (the engine's) over some workplaces as at a date. */
export async function returnFiguresOver(ctx: Ctx, workplaceIds: string[], at: string): Promise<Figures> {
  const cell = { at, by: "all" as const };
  const grid = await figuresGrid(ctx, workplaceIds, [cell], RETURN_FIGURE_NAMES);
  const all = grid.get(cellKey(cell))?.get("all") ?? {};
  return Object.fromEntries(RETURN_FIGURE_NAMES.map((n) => [n, all[n] ?? { value: null, reason: "no_data", n: 0 }]));
}

/**
 * The figures' fingerprint, over a canonical form: the same figures read from a summary (jsonb
 * keeps its keys in its own order) or just computed give the same one.
 */
const canonical = (f: Figures) =>
  RETURN_FIGURE_NAMES.map((n) => [f[n]?.value ?? null, f[n]?.n ?? 0, f[n]?.reason ?? null, Boolean(f[n]?.declared)]);
/**
 * The return figures of many providers at once, as at a date: one pass of the engine grouped by
 * employer (the demo confirms forty providers' returns; each on its own would scan them again).
 */
export async function returnFiguresByProvider(ctx: Ctx, providerIds: string[], at: string) {
  const ids = (await Promise.all(providerIds.map((p) => repo.listWorkplaces(ctx.db, p)))).flat().map((w) => w.id);
  const cell = { at, by: "employer" as const };
  const groups = (await figuresGrid(ctx, ids, [cell], RETURN_FIGURE_NAMES)).get(cellKey(cell));
  const none = await returnFiguresOver(ctx, [], at);
  return new Map(providerIds.map((p) => [p, groups?.get(p) ?? none]));
}

const fingerprintOf = (f: StoredFigures) =>
  sha256(
    JSON.stringify([
      canonical(f.provider),
      Object.keys(f.contracts)
        .sort()
        .map((id) => [id, canonical(f.contracts[id])]),
    ]),
  ).slice(0, 16);

/** The council's return period asking for this quarter's return, if any. */
async function askingPeriod(ctx: Ctx, councilId: string, period: string) {
  const periods = await repo.listMonitoringPeriods(ctx.db, [councilId]);
  return periods.find((p) => monitoringQuarterOf(p.periodEnd) === period) ?? null;
}

/**
 * One provider's return to one council for an ended quarter: as confirmed, or pre-filled from
 * the hub. Not found when the provider holds no contract with that council running in the quarter
 * and has confirmed none.
 */
export async function monitoringReturnOf(
  ctx: Ctx,
  providerId: string,
  councilId: string,
  period: string,
  given?: StoredFigures,
) {
  const { start, end, label } = periodBounds(period);
  const contracts = (await repo.listProviderContracts(ctx.db, providerId, start, end)).filter(
    (c) => c.councilId === councilId,
  );
  const confirmed = await repo.findReturn(ctx.db, councilId, providerId, period);
  if (!contracts.length && !confirmed) throw notFound("monitoring return");
  const [asking, councilName, providerName] = await Promise.all([
    askingPeriod(ctx, councilId, period),
    repo.findOrgName(ctx.db, councilId),
    repo.findOrgName(ctx.db, providerId),
  ]);
  let figures: StoredFigures;
  let declarations: StoredDeclarations | null = null;
  if (confirmed) {
    figures = confirmed.figures as StoredFigures;
    declarations = confirmed.declarations as StoredDeclarations;
  } else if (given) {
    figures = given;
  } else {
    const own = (await repo.listWorkplaces(ctx.db, providerId)).map((w) => w.id);
    const linked = await repo.listContractWorkplaceIds(
      ctx.db,
      providerId,
      contracts.map((c) => c.id),
    );
    const byContract: Record<string, Figures> = {};
    for (const c of contracts) {
      const ids = linked.get(c.id);
      if (ids?.length) byContract[c.id] = await returnFiguresOver(ctx, ids, end);
    }
    figures = { provider: await returnFiguresOver(ctx, own, end), contracts: byContract };
  }
  const workplacesOf = confirmed
    ? new Map((declarations?.deliveries ?? []).map((d) => [d.contractId, d.workplaces]))
    : await repo
        .listContractWorkplaceIds(
          ctx.db,
          providerId,
          contracts.map((c) => c.id),
        )
        .then((m) => new Map([...m].map(([id, ids]) => [id, ids.length])));
  const lines = declarations
    ? declarations.deliveries
    : contracts.map((c) => ({
        contractId: c.id,
        reference: c.reference,
        name: c.name,
        serviceType: c.serviceType,
        unitLabel: deliveryUnitOf(c.serviceType),
        workplaces: workplacesOf.get(c.id) ?? 0,
        units: null,
      }));
  const deliveries = await repo.listDeliveries(
    ctx.db,
    councilId,
    lines.map((l) => l.contractId),
    period,
  );
  const councilUnits = new Map(deliveries.filter((d) => d.source === "council").map((d) => [d.contractId, d.units]));
  return {
    council: { id: councilId, name: councilName },
    provider: { id: providerId, name: providerName },
    period,
    periodLabel: label,
    asAt: end,
    status: statusOf(Boolean(confirmed), asking?.dueDate ?? null, today(ctx)),
    dueDate: asking?.dueDate ?? null,
    returnPeriodId: asking?.id ?? null,
    figures,
    contracts: lines.map((l) => ({ ...l, councilUnits: councilUnits.get(l.contractId) ?? null })),
    paidTravel: declarations?.paidTravel ?? null,
    confirmedAt: confirmed?.confirmedAt ?? null,
    fingerprint: fingerprintOf(figures),
  };
}
export type MonitoringReturn = Awaited<ReturnType<typeof monitoringReturnOf>>;

/** The provider's return to a council for a quarter (only ended quarters). */
export async function getMonitoringReturn(ctx: OrgCtx, councilId: string, period: string) {
  return monitoringReturnOf(ctx, ctx.org.id, councilId, endedPeriod(ctx, period));
}

/**
 * The returns a provider owes or has confirmed: for each council it holds a contract with, the
 * latest ended quarter; every quarter a council's return period asks for (due by its due date);
 * and every return it has confirmed. Newest first.
 */
export async function listMonitoringReturns(ctx: OrgCtx) {
  const on = today(ctx);
  const latest = lastEndedPeriod(on);
  const providerId = ctx.org.id;
  const everContracts = await repo.listProviderContracts(ctx.db, providerId, "1900-01-01", "9999-12-31");
  const councils = new Map(everContracts.map((c) => [c.councilId, c.councilName]));
  const confirmed = await repo.listProviderReturns(ctx.db, providerId);
  const asked = await repo.listMonitoringPeriods(ctx.db, [...councils.keys()]);
  const running = (councilId: string, period: string) => {
    const { start, end } = periodBounds(period);
    return everContracts.filter(
      (c) => c.councilId === councilId && c.startDate <= end && (c.endDate === null || c.endDate >= start),
    );
  };
  const pairs = new Map<string, { councilId: string; period: string; dueDate: string | null }>();
  const add = (councilId: string, period: string, dueDate: string | null) => {
    const key = `${period}|${councilId}`;
    const had = pairs.get(key);
    pairs.set(key, { councilId, period, dueDate: dueDate ?? had?.dueDate ?? null });
  };
  for (const councilId of councils.keys()) if (running(councilId, latest).length) add(councilId, latest, null);
  for (const p of asked) {
    const period = monitoringQuarterOf(p.periodEnd);
    if (periodBounds(period).end < on && running(p.councilId, period).length) add(p.councilId, period, p.dueDate);
  }
  const confirmedBy = new Map(confirmed.map((r) => [`${r.ret.period}|${r.ret.councilId}`, r]));
  for (const r of confirmed) {
    councils.set(r.ret.councilId, r.councilName);
    add(r.ret.councilId, r.ret.period, null);
  }
  return [...pairs.values()]
    .map((p) => {
      const done = confirmedBy.get(`${p.period}|${p.councilId}`);
      const { end, label } = periodBounds(p.period);
      return {
        council: { id: p.councilId, name: councils.get(p.councilId) ?? "" },
        period: p.period,
        periodLabel: label,
        asAt: end,
        status: statusOf(Boolean(done), p.dueDate, on),
        dueDate: p.dueDate,
        confirmedAt: done?.ret.confirmedAt ?? null,
        contracts: done
          ? (done.ret.declarations as StoredDeclarations).deliveries.length
          : running(p.councilId, p.period).length,
      };
    })
    .sort((a, b) => b.period.localeCompare(a.period) || a.council.name.localeCompare(b.council.name));
}

/**
 * Confirms a return: the figures exactly as the hub shows them (refused if they changed since the
 * provider looked, when it sends the fingerprint it saw), the declarations, and each declared
 * units figure into contract_deliveries (source provider_return) unless the council recorded one
 * itself. Once per council, provider and quarter. Audited. The demo confirms as at its own
 * anchor (`at`: the day it stands for, when the return was confirmed, the figures worked out for
 * every provider at once, and whether to leave deliveries to the council's own records).
 */
export async function confirmMonitoringReturn(
  ctx: Ctx,
  providerId: string,
  councilId: string,
  periodText: string,
  input: Omit<ConfirmMonitoringInput, "deliveries"> & { deliveries?: ConfirmMonitoringInput["deliveries"] },
  at?: { on: string; confirmedAt: Date; figures?: StoredFigures; keepDeliveries?: boolean },
) {
  const period = endedPeriod(ctx, periodText, at?.on);
  const when = () => at?.confirmedAt ?? ctx.deps.now();
  try {
    return await confirmInTransaction();
  } catch (err) {
    // Two confirmations at once: the second meets the unique index, and nothing of it is kept.
    const e = err as { code?: string; cause?: { code?: string } } | null;
    if (e?.code === "23505" || e?.cause?.code === "23505")
      throw conflict("already_confirmed", "This return has just been confirmed and cannot be confirmed again.");
    throw err;
  }
  function confirmInTransaction() {
    return inTransaction(ctx, async (tx) => {
      const shown = await monitoringReturnOf(tx, providerId, councilId, period, at?.figures);
      if (shown.status === "confirmed")
        throw conflict(
          "already_confirmed",
          `This return was confirmed on ${isoDate(shown.confirmedAt as Date)} and cannot be confirmed again.`,
        );
      if (input.fingerprint && input.fingerprint !== shown.fingerprint)
        throw conflict(
          "figures_changed",
          "Your records changed since you opened this return, so its figures changed: reload the page, check them and confirm again.",
        );
      const byId = new Map(shown.contracts.map((c) => [c.contractId, c]));
      const seen = new Set<string>();
      const deliveries = input.deliveries ?? [];
      deliveries.forEach((d, i) => {
        if (!byId.has(d.contractId))
          throw badRequest("validation", `Deliveries: item ${i + 1} is not one of this return's contracts.`, [
            { path: `deliveries.${i}.contractId`, message: "Choose a contract from this return" },
          ]);
        if (seen.has(d.contractId))
          throw badRequest("validation", `Deliveries: contract ${byId.get(d.contractId)?.reference} is given twice.`, [
            { path: `deliveries.${i}.contractId`, message: "Give each contract's units once" },
          ]);
        seen.add(d.contractId);
      });
      const units = new Map(deliveries.map((d) => [d.contractId, d.units]));
      const declarations: StoredDeclarations = {
        paidTravel: input.paidTravel,
        deliveries: shown.contracts.map(({ councilUnits: _c, ...c }) => ({
          ...c,
          units: units.get(c.contractId) ?? null,
        })),
      };
      const row = await repo.insertReturn(tx.db, {
        councilId,
        providerId,
        returnPeriodId: shown.returnPeriodId,
        period,
        asAt: shown.asAt,
        figures: shown.figures,
        declarations,
        confirmedBy: tx.actor.userId,
        confirmedAt: when(),
      });
      await recordAudit(tx, {
        orgId: providerId,
        action: "confirm",
        entityType: "monitoring_return",
        entityId: row.id,
        after: { councilId, period, asAt: shown.asAt, declarations },
      });
      const recorded = new Map(
        (
          await repo.listDeliveries(
            tx.db,
            councilId,
            declarations.deliveries.map((d) => d.contractId),
            period,
          )
        ).map((d) => [d.contractId, d]),
      );
      const kept: string[] = [];
      for (const d of declarations.deliveries) {
        if (d.units === null || at?.keepDeliveries) continue;
        const had = recorded.get(d.contractId);
        if (had?.source === "council") {
          kept.push(d.contractId);
          continue;
        }
        const values = {
          units: d.units,
          source: "provider_return",
          recordedBy: tx.actor.userId,
          recordedAt: when(),
        };
        const saved = had
          ? await repo.updateDelivery(tx.db, councilId, had.id, values)
          : await repo.insertDelivery(tx.db, { contractId: d.contractId, councilId, period, ...values });
        await recordAudit(tx, {
          orgId: providerId,
          action: had ? "update" : "create",
          entityType: "contract_delivery",
          entityId: saved.id,
          before: had ? { units: had.units, source: had.source } : null,
          after: { contractId: d.contractId, period, units: d.units, source: "provider_return" },
        });
      }
      return { ...(await monitoringReturnOf(tx, providerId, councilId, period)), councilKept: kept };
    });
  }
}

/** The acting provider confirms its return to a council. */
export const confirmOwnReturn = (ctx: OrgCtx, councilId: string, period: string, input: ConfirmMonitoringInput) =>
  confirmMonitoringReturn(ctx, ctx.org.id, councilId, period, input);

/**
 * The council's view of a quarter: each provider holding one of its contracts running in the
 * quarter (or having confirmed a return to it), whether it confirmed and when, the figures as
 * confirmed and its declarations. Only the council's own contracts and returns.
 */
export async function councilMonitoringReturns(ctx: OrgCtx, periodText: string | undefined) {
  const period = endedPeriod(ctx, periodText);
  const { start, end, label } = periodBounds(period);
  const councilId = ctx.org.id;
  const [contracts, returns, asking] = await Promise.all([
    repo.listCouncilContracts(ctx.db, councilId, start, end),
    repo.listCouncilReturns(ctx.db, councilId, period),
    askingPeriod(ctx, councilId, period),
  ]);
  const providers = new Map<string, string>(contracts.map((c) => [c.providerId, c.providerName]));
  for (const r of returns)
    if (!providers.has(r.providerId)) providers.set(r.providerId, await repo.findOrgName(ctx.db, r.providerId));
  const returnOf = new Map(returns.map((r) => [r.providerId, r]));
  const on = today(ctx);
  const rows = [...providers]
    .map(([providerId, name]) => {
      const r = returnOf.get(providerId);
      const declarations = r ? (r.declarations as StoredDeclarations) : null;
      const lines = declarations
        ? declarations.deliveries.map((d) => ({
            id: d.contractId,
            reference: d.reference,
            name: d.name,
            unitLabel: d.unitLabel,
            units: d.units,
          }))
        : contracts
            .filter((c) => c.providerId === providerId)
            .map((c) => ({
              id: c.id,
              reference: c.reference,
              name: c.name,
              unitLabel: deliveryUnitOf(c.serviceType),
              units: null,
            }));
      return {
        provider: { id: providerId, name },
        status: statusOf(Boolean(r), asking?.dueDate ?? null, on),
        confirmedAt: r?.confirmedAt ?? null,
        paidTravel: declarations?.paidTravel ?? null,
        contracts: lines,
        figures: r ? (r.figures as StoredFigures).provider : null,
      };
    })
    .sort((a, b) => a.provider.name.localeCompare(b.provider.name));
  return {
    period,
    periodLabel: label,
    asAt: end,
    latestPeriod: lastEndedPeriod(on),
    dueDate: asking?.dueDate ?? null,
    confirmed: rows.filter((r) => r.status === "confirmed").length,
    providers: rows,
  };
}
export type CouncilMonitoring = Awaited<ReturnType<typeof councilMonitoringReturns>>;
