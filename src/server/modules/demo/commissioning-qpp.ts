import { and, asc, eq, inArray } from "drizzle-orm";
import { lastEndedPeriod, periodBounds, previousPeriod } from "../../../shared/commissioning";
import type { Ctx } from "../../context";
import { contractDeliveries, contractPrices, contracts } from "../../db/schema";
import * as repo from "../commissioning/qpp.repo";
import { computeLive } from "../commissioning/qpp.service";
import type { CommissioningDemoOptions, ContractsSeeded } from "./commissioning-types";
import { Random } from "./random";

// A Quality Premium scheme with a computed schedule (issue 19 item 3): the council's home care
// premium, weighted over the Real Living Wage floor (counting double), mandatory training, turnover
// and the Care Certificate, at £0.40 per contact hour delivered, with a budget cap that binds (set
// to 85% of the smaller quarter's entitlements, rounded down to £500). Delivered hours for the two
// demo quarters are recorded by the council from each contract's planned weekly volumes × 13 weeks
// with a small variation (a fixed seed). The earlier quarter's schedule is approved three weeks after
// it ended; the last quarter's is a draft, computed live. Deterministic: contracts by reference.

const WEEKS = 13;
const DAY = 86_400_000;

export async function seedCommissioningQpp(ctx: Ctx, opts: CommissioningDemoOptions, seeded: ContractsSeeded) {
  const { councilId } = opts;
  const last = lastEndedPeriod(opts.anchor);
  const earlier = previousPeriod(last);
  const wanted = ["rlw_floor", "training_min", "turnover_max", "care_certificate_min"] as const;
  if (!seeded.contractIds.length || wanted.some((k) => !seeded.standardIds[k])) return;

  // Delivered hours per home care contract and quarter.
  const homeCare = await ctx.db
    .select({ id: contracts.id, reference: contracts.reference })
    .from(contracts)
    .where(
      and(
        eq(contracts.councilId, councilId),
        eq(contracts.serviceType, "home_care"),
        inArray(contracts.id, seeded.contractIds),
      ),
    )
    .orderBy(asc(contracts.reference));
  const prices = homeCare.length
    ? await ctx.db
        .select({
          contractId: contractPrices.contractId,
          unit: contractPrices.unit,
          weekly: contractPrices.weeklyVolume,
        })
        .from(contractPrices)
        .where(
          inArray(
            contractPrices.contractId,
            homeCare.map((c) => c.id),
          ),
        )
        .orderBy(asc(contractPrices.band))
    : [];
  const rnd = new Random(19_03);
  const deliveries = [];
  for (const period of [earlier, last])
    for (const c of homeCare) {
      const weekly = prices
        .filter((p) => p.contractId === c.id && p.unit === "hour")
        .reduce((n, p) => n + (p.weekly ?? 0), 0);
      const units = Math.round(weekly * WEEKS * rnd.between(0.94, 1.03));
      deliveries.push({
        contractId: c.id,
        councilId,
        period,
        units,
        source: "council",
        recordedAt: new Date(Date.parse(periodBounds(period).end) + 10 * DAY),
      });
    }
  if (deliveries.length) await ctx.db.insert(contractDeliveries).values(deliveries);

  const fromPeriod = earlier;
  const created = new Date(Date.parse(periodBounds(earlier).start) - 20 * DAY);
  const scheme = await repo.insertScheme(ctx.db, {
    councilId,
    name: "Home care Quality Premium",
    serviceType: "home_care",
    basis: "per_unit",
    rate: 0.4,
    method: "weighted",
    tiers: null,
    budgetCap: null,
    fromPeriod,
    untilPeriod: null,
    createdAt: created,
    updatedAt: created,
  });
  await repo.replaceSchemeStandards(
    ctx.db,
    councilId,
    scheme.id,
    wanted.map((k) => ({ standardId: seeded.standardIds[k], weight: k === "rlw_floor" ? 2 : 1 })),
  );
  const standards = await repo.listSchemeStandards(ctx.db, councilId, [scheme.id]);

  // A cap that binds in both quarters.
  const totals = [];
  for (const period of [earlier, last])
    totals.push((await computeLive(ctx.db, councilId, scheme, standards, period)).totalBeforeCap);
  const budgetCap = Math.max(500, Math.floor((Math.min(...totals) * 0.85) / 500) * 500);
  const capped = await repo.updateScheme(ctx.db, councilId, scheme.id, { budgetCap, updatedAt: created });

  // The earlier quarter approved three weeks after it ended; the last one left a draft.
  const approvedAt = new Date(Date.parse(periodBounds(earlier).end) + 21 * DAY);
  const live = await computeLive(ctx.db, councilId, capped, standards, earlier);
  await repo.insertApprovedSchedule(ctx.db, {
    schemeId: scheme.id,
    councilId,
    period: earlier,
    status: "approved",
    lines: live.lines,
    total: live.total,
    scale: live.scale,
    computedAt: approvedAt,
    approvedAt,
  });
}
