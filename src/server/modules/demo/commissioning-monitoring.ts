import { lastEndedPeriod, periodBounds, previousPeriod } from "../../../shared/commissioning";
import { longDate } from "../../../shared/dates";
import type { Ctx } from "../../context";
import * as repo from "../commissioning/monitoring.repo";
import { confirmMonitoringReturn, returnFiguresByProvider } from "../commissioning/monitoring.service";
import type { CommissioningDemoOptions, ContractsSeeded } from "./commissioning-types";
import { Random } from "./random";

// Providers' confirmed contract-monitoring returns (issue 19 item 5) for the two demo quarters (the
// last two ended before the anchor): most providers holding the council's contracts confirm each
// quarter, a few have not; travel time is paid for all but two home care providers (so the paid
// travel standard fails for them); home care contracts declare the hours delivered (their planned
// weekly hours × 13, give or take), kept in the returns only: the council records the demo
// quarters' delivered hours itself (commissioning-qpp.ts), and the council's figure stands. The latest quarter's workforce return period (the returns demo
// makes one at every quarter end) also asks for the contract-monitoring return. Confirmed through
// the service with the engine's figures as at each quarter end, worked out for all providers in one
// pass (so the per-contract figures over a contract's own workplaces are not in the demo's
// returns). Deterministic: providers in name order, variety from a fixed seed.

const DAY = 86_400_000;

export async function seedCommissioningMonitoring(
  ctx: Ctx,
  opts: CommissioningDemoOptions,
  contracts: ContractsSeeded,
) {
  if (!contracts.contractIds.length) return { returns: 0 };
  const rnd = new Random(5150);
  const latest = lastEndedPeriod(opts.anchor);
  const quarters = [previousPeriod(latest), latest];

  // The latest quarter's return period asks for it (made here only if the returns demo has none).
  const end = periodBounds(latest).end;
  const marked = await repo.askForMonitoring(ctx.db, opts.councilId, end);
  if (!marked.length)
    await repo.insertReturnPeriod(ctx.db, {
      councilId: opts.councilId,
      name: `Quarter ending ${longDate(end)}`,
      periodEnd: end,
      dueDate: new Date(Date.parse(`${end}T12:00:00Z`) + 31 * DAY).toISOString().slice(0, 10),
      contractMonitoring: true,
      createdAt: new Date(Date.parse(`${end}T12:00:00Z`) + DAY),
    });

  // Two home care providers do not pay travel time: the second and the fifth, in name order.
  const everything = await repo.listCouncilContracts(ctx.db, opts.councilId, "1900-01-01", "9999-12-31");
  const homeCare = [...new Set(everything.filter((c) => c.serviceType === "home_care").map((c) => c.providerId))];
  const unpaid = new Set([homeCare[1], homeCare[4]].filter(Boolean));
  const volumes = await repo.sumWeeklyVolumes(
    ctx.db,
    opts.councilId,
    everything.map((c) => c.id),
  );

  let returns = 0;
  for (const period of quarters) {
    const { start, end: last } = periodBounds(period);
    const running = await repo.listCouncilContracts(ctx.db, opts.councilId, start, last);
    const providers = [...new Set(running.map((c) => c.providerId))];
    // The engine's figures for every provider at once (a return per contract's own workplaces is left out here).
    const figures = await returnFiguresByProvider(ctx, providers, last);
    for (const providerId of providers) {
      // A few have not confirmed (more of them for the latest quarter), never those that fail on travel.
      const skip = rnd.chance(period === latest ? 0.2 : 0.1);
      const days = rnd.int(6, 24);
      if (skip && !unpaid.has(providerId)) continue;
      const deliveries = running
        .filter((c) => c.providerId === providerId && c.serviceType === "home_care")
        .map((c) => ({
          contractId: c.id,
          units: Math.round((volumes.get(c.id) ?? 0) * 13 * rnd.between(0.9, 1.04)),
        }));
      const confirmedAt = new Date(
        Math.min(Date.parse(`${last}T10:00:00Z`) + days * DAY, Date.parse(`${opts.anchor}T09:00:00Z`) - DAY),
      );
      await confirmMonitoringReturn(
        ctx,
        providerId,
        opts.councilId,
        period,
        { paidTravel: !unpaid.has(providerId), deliveries },
        {
          on: opts.anchor,
          confirmedAt,
          figures: { provider: figures.get(providerId) ?? {}, contracts: {} },
          // The council records the demo quarters' delivered hours itself (commissioning-qpp.ts).
          keepDeliveries: true,
        },
      );
      returns++;
    }
  }
  return { returns };
}
