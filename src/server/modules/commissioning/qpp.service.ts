import type { ComplianceStatus } from "../../../shared/commissioning";
import { effectiveStatus, isPeriod, periodBounds, periodOf, previousPeriod } from "../../../shared/commissioning";
import {
  capNoteOf,
  computeSchedule,
  type QppContractInput,
  type QppLine,
  type QppMethod,
  type QppTier,
  ruleProblems,
} from "../../../shared/qpp";
import type { DeliveryInput, QppSchemeInput } from "../../../shared/schemas/commissioning-qpp";
import { type Ctx, inTransaction, type OrgCtx } from "../../context";
import type { Exec } from "../../db/client";
import { badRequest, conflict, notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import * as repo from "./qpp.repo";

// The Quality Premium Payment (issue 19 item 3). A council's schemes pay providers for meeting
// workforce standards: the entitlement of each contract in a period comes from its compliance
// results (the compliance part's rows, each as it stands after any accepted challenge) by the one
// rule in shared/qpp.ts. A schedule is computed live while it is a draft, so a decision on a
// challenge changes it at once; approving it freezes its lines (qpp_schedules), and only then can
// finance download it. A scheme's until period is the last period it pays for.

export type SchemeRow = NonNullable<Awaited<ReturnType<typeof repo.findScheme>>>;
export type SchemeStandard = Awaited<ReturnType<typeof repo.listSchemeStandards>>[number];
export type Line = QppLine & { unitsSource: string | null };

const today = (ctx: Ctx) => isoDate(ctx.deps.now());

/** What a unit is for a scheme's service type, in words. */
export function unitNameFor(serviceType: string | null) {
  if (serviceType === "home_care") return "contact hours";
  if (serviceType === "care_home" || serviceType === "nursing_home") return "bed weeks";
  if (serviceType === "supported_living") return "support hours";
  return "units";
}

export const schemeCovers = (s: { fromPeriod: string; untilPeriod: string | null }, period: string) =>
  s.fromPeriod <= period && (s.untilPeriod === null || period <= s.untilPeriod);

/** A period from a path, or a clear error naming it. */
export function periodParam(value: string | undefined) {
  const p = (value ?? "").toUpperCase();
  if (!isPeriod(p))
    throw badRequest("bad_period", "Write the period as a quarter, like 2026-Q3.", [
      { path: "period", message: "Write the period as a quarter, like 2026-Q3" },
    ]);
  return p;
}

/** Whether a period has ended by today (only then can its schedule be approved). */
export const hasEnded = (ctx: Ctx, period: string) => periodBounds(period).end < today(ctx);

// Schemes.

export async function listSchemes(ctx: OrgCtx) {
  const schemes = await repo.listSchemes(ctx.db, ctx.org.id);
  const standards = await repo.listSchemeStandards(
    ctx.db,
    ctx.org.id,
    schemes.map((s) => s.id),
  );
  return {
    schemes: schemes.map((s) => ({ scheme: s, standards: standards.filter((x) => x.schemeId === s.id) })),
    library: await repo.listLibrary(ctx.db, ctx.org.id),
  };
}

export async function getScheme(ctx: OrgCtx, id: string) {
  const scheme = await repo.findScheme(ctx.db, ctx.org.id, id);
  if (!scheme) throw notFound("scheme");
  const standards = await repo.listSchemeStandards(ctx.db, ctx.org.id, [id]);
  const approved = await repo.listSchedules(ctx.db, ctx.org.id, [id]);
  // The periods it covers that have ended, newest first (at most three years of them).
  const periods: string[] = [];
  const last = previousPeriod(periodOf(today(ctx)));
  for (let p = last; periods.length < 12 && p >= scheme.fromPeriod; p = previousPeriod(p))
    if (schemeCovers(scheme, p)) periods.push(p);
  return {
    scheme,
    standards,
    periods: periods.map((p) => {
      const s = approved.find((a) => a.period === p);
      return {
        period: p,
        periodLabel: periodBounds(p).label,
        status: s ? ("approved" as const) : ("draft" as const),
        total: s ? s.total : null,
        approvedAt: s?.approvedAt?.toISOString() ?? null,
      };
    }),
    library: await repo.listLibrary(ctx.db, ctx.org.id),
  };
}

async function checkScheme(ctx: OrgCtx, input: QppSchemeInput) {
  const library = await repo.listLibrary(ctx.db, ctx.org.id);
  const unknown = input.standards.findIndex((s) => !library.some((l) => l.id === s.standardId));
  if (unknown >= 0)
    throw badRequest("unknown_standard", "Choose qualifying standards from your council's library.", [
      {
        path: `standards.${unknown}.standardId`,
        message: "Choose a standard from your library (this one is not in it)",
      },
    ]);
  const problems = ruleProblems({
    method: input.method,
    tiers: input.tiers,
    weights: input.standards.map((s) => s.weight),
  });
  if (problems.length) throw badRequest("bad_scheme", problems[0].message, problems);
}

const schemeValues = (input: QppSchemeInput) => ({
  name: input.name,
  serviceType: input.serviceType,
  method: input.method,
  tiers: input.method === "tiered" ? [...(input.tiers ?? [])].sort((a, b) => a.minShare - b.minShare) : null,
  basis: input.basis,
  rate: input.rate,
  budgetCap: input.budgetCap,
  fromPeriod: input.fromPeriod,
  untilPeriod: input.untilPeriod,
});

export async function createScheme(ctx: OrgCtx, input: QppSchemeInput) {
  await checkScheme(ctx, input);
  return inTransaction(ctx, async (tx) => {
    const row = await repo.insertScheme(tx.db, { councilId: tx.org.id, ...schemeValues(input) });
    await repo.replaceSchemeStandards(tx.db, tx.org.id, row.id, input.standards);
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "create",
      entityType: "qpp_scheme",
      entityId: row.id,
      after: { ...schemeValues(input), standards: input.standards },
    });
    return row.id;
  });
}

export async function updateScheme(ctx: OrgCtx, id: string, input: QppSchemeInput) {
  await checkScheme(ctx, input);
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findScheme(tx.db, tx.org.id, id);
    if (!before) throw notFound("scheme");
    const beforeStandards = await repo.listSchemeStandards(tx.db, tx.org.id, [id]);
    await repo.updateScheme(tx.db, tx.org.id, id, schemeValues(input));
    await repo.replaceSchemeStandards(tx.db, tx.org.id, id, input.standards);
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update",
      entityType: "qpp_scheme",
      entityId: id,
      before: {
        name: before.name,
        serviceType: before.serviceType,
        method: before.method,
        tiers: before.tiers,
        basis: before.basis,
        rate: before.rate,
        budgetCap: before.budgetCap,
        fromPeriod: before.fromPeriod,
        untilPeriod: before.untilPeriod,
        standards: beforeStandards.map((s) => ({ standardId: s.standardId, weight: s.weight })),
      },
      after: { ...schemeValues(input), standards: input.standards },
    });
    return id;
  });
}

// Schedules.

/** The live (draft) schedule of a scheme for a period, over all its contracts. */
export async function computeLive(
  db: Exec,
  councilId: string,
  scheme: SchemeRow,
  standards: SchemeStandard[],
  period: string,
) {
  const bounds = periodBounds(period);
  const list = await repo.listContractsInPeriod(db, councilId, scheme.serviceType, bounds);
  const ids = list.map((c) => c.id);
  const [carried, results, deliveries] = [
    await repo.listContractStandardsInPeriod(db, councilId, ids, period),
    await repo.listResults(db, councilId, ids, period),
    await repo.listDeliveries(db, councilId, ids, period),
  ];
  const inputs: QppContractInput[] = list.map((c) => ({
    contractId: c.id,
    contractReference: c.reference,
    contractName: c.name,
    providerId: c.providerId,
    providerName: c.providerName,
    units: deliveries.find((d) => d.contractId === c.id)?.units ?? null,
    standards: standards.map((s) => {
      const cs = carried.find((x) => x.contractId === c.id && x.standardId === s.standardId);
      const r = cs ? results.find((x) => x.contractStandardId === cs.id) : undefined;
      return {
        standardId: s.standardId,
        name: s.name,
        weight: s.weight,
        status: r
          ? (effectiveStatus(r as { status: ComplianceStatus; overrideStatus: ComplianceStatus | null }) ?? null)
          : null,
        overridden: Boolean(r?.overrideStatus),
        missingReason: cs
          ? "none computed for the period yet"
          : "the contract does not carry this standard in the period",
      };
    }),
  }));
  const schedule = computeSchedule(
    {
      method: scheme.method as QppMethod,
      basis: scheme.basis as "per_unit" | "per_contract",
      rate: scheme.rate,
      tiers: scheme.tiers as QppTier[] | null,
      budgetCap: scheme.budgetCap,
      unitName: unitNameFor(scheme.serviceType),
    },
    inputs,
  );
  const lines: Line[] = schedule.lines.map((l) => ({
    ...l,
    unitsSource: deliveries.find((d) => d.contractId === l.contractId)?.source ?? null,
  }));
  return { ...schedule, lines };
}

export type ScheduleOut = Awaited<ReturnType<typeof computeLive>> & {
  status: "draft" | "approved";
  computedAt: Date;
  approvedAt: Date | null;
  approvedBy: string | null;
};

/** An approved schedule as stored: its frozen lines, and the cap as it was applied. */
function frozen(row: NonNullable<Awaited<ReturnType<typeof repo.findSchedule>>>): ScheduleOut {
  const lines = row.s.lines as Line[];
  const totalBeforeCap = Math.round(lines.reduce((n, l) => n + l.amountBeforeCap * 100, 0)) / 100;
  const scaled = row.s.scale < 1;
  const budgetCap = scaled ? row.s.total : null;
  return {
    lines,
    totalBeforeCap,
    total: row.s.total,
    budgetCap,
    scaled,
    scale: row.s.scale,
    capNote: scaled ? capNoteOf(totalBeforeCap, budgetCap, row.s.scale) : "Nothing was scaled to a budget cap.",
    status: "approved",
    computedAt: row.s.computedAt,
    approvedAt: row.s.approvedAt,
    approvedBy: row.approverName || null,
  };
}

/** A scheme's schedule for a period: the approved one if there is one, else computed live. */
export async function scheduleOf(ctx: Ctx, councilId: string, scheme: SchemeRow, period: string): Promise<ScheduleOut> {
  const approved = await repo.findSchedule(ctx.db, councilId, scheme.id, period);
  if (approved) return frozen(approved);
  const standards = await repo.listSchemeStandards(ctx.db, councilId, [scheme.id]);
  return {
    ...(await computeLive(ctx.db, councilId, scheme, standards, period)),
    status: "draft",
    computedAt: ctx.deps.now(),
    approvedAt: null,
    approvedBy: null,
  };
}

async function schemeFor(ctx: OrgCtx, schemeId: string, period: string) {
  const scheme = await repo.findScheme(ctx.db, ctx.org.id, schemeId);
  if (!scheme) throw notFound("scheme");
  if (!schemeCovers(scheme, period))
    throw badRequest(
      "period_outside_scheme",
      `The scheme runs from ${scheme.fromPeriod}${scheme.untilPeriod ? ` to ${scheme.untilPeriod}` : ""}, so it has no schedule for ${period}. Choose a period it covers.`,
      [{ path: "period", message: `Choose a period from ${scheme.fromPeriod} on` }],
    );
  const standards = await repo.listSchemeStandards(ctx.db, ctx.org.id, [schemeId]);
  return { scheme, standards };
}

export async function getSchedule(ctx: OrgCtx, schemeId: string, period: string) {
  const { scheme, standards } = await schemeFor(ctx, schemeId, period);
  return {
    scheme,
    standards,
    schedule: await scheduleOf(ctx, ctx.org.id, scheme, period),
    ended: hasEnded(ctx, period),
  };
}

export async function approveSchedule(ctx: OrgCtx, schemeId: string, period: string) {
  const { scheme } = await schemeFor(ctx, schemeId, period);
  if (!hasEnded(ctx, period))
    throw conflict(
      "period_not_ended",
      `${period} ends on ${periodBounds(period).end}: approve its schedule once the period has ended and compliance has been measured.`,
    );
  return inTransaction(ctx, async (tx) => {
    if (await repo.findSchedule(tx.db, tx.org.id, schemeId, period))
      throw conflict(
        "already_approved",
        `The ${period} schedule is already approved; an approved schedule does not change.`,
      );
    const standards = await repo.listSchemeStandards(tx.db, tx.org.id, [schemeId]);
    const live = await computeLive(tx.db, tx.org.id, scheme, standards, period);
    const row = await repo.insertApprovedSchedule(tx.db, {
      schemeId,
      councilId: tx.org.id,
      period,
      status: "approved",
      lines: live.lines,
      total: live.total,
      scale: live.scale,
      computedAt: tx.deps.now(),
      approvedBy: tx.actor.userId,
      approvedAt: tx.deps.now(),
    });
    if (!row)
      throw conflict(
        "already_approved",
        `The ${period} schedule is already approved; an approved schedule does not change.`,
      );
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "approve",
      entityType: "qpp_schedule",
      entityId: row.id,
      after: { schemeId, period, total: live.total, scale: live.scale, lines: live.lines.length },
    });
    return {
      scheme,
      standards,
      schedule: frozen((await repo.findSchedule(tx.db, tx.org.id, schemeId, period))!),
      ended: true,
    };
  });
}

/** The approved schedule for finance; a clear 409 while it is a draft. */
export async function scheduleForExport(ctx: OrgCtx, schemeId: string, period: string) {
  const { scheme } = await schemeFor(ctx, schemeId, period);
  const approved = await repo.findSchedule(ctx.db, ctx.org.id, schemeId, period);
  if (!approved)
    throw conflict(
      "not_approved",
      `The ${period} schedule is still a draft: approve it first, then download it for finance.`,
    );
  return { scheme, period, schedule: frozen(approved) };
}

// Deliveries.

export async function recordDelivery(ctx: OrgCtx, contractId: string, period: string, input: DeliveryInput) {
  return inTransaction(ctx, async (tx) => {
    const contract = await repo.findContract(tx.db, tx.org.id, contractId);
    if (!contract) throw notFound("contract");
    const before = await repo.findDelivery(tx.db, tx.org.id, contractId, period);
    const row = await repo.upsertDelivery(tx.db, {
      contractId,
      councilId: tx.org.id,
      period,
      units: input.units,
      source: "council",
      recordedBy: tx.actor.userId,
    });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: before ? "update" : "create",
      entityType: "contract_delivery",
      entityId: row.id,
      before: before ? { contractId, period, units: before.units, source: before.source } : null,
      after: { contractId, period, units: row.units, source: row.source },
    });
    return row;
  });
}

// A provider's own entitlement.

/**
 * The provider's lines in every scheme of the councils it holds contracts with: each approved
 * schedule, and the last ended period's live one while it is a draft (provisional). Scaling to a
 * cap is computed over every provider's lines, but only the provider's own lines leave here, and
 * the cap is said without the other providers' totals.
 */
export async function providerEntitlements(ctx: OrgCtx) {
  const out = [];
  const last = previousPeriod(periodOf(today(ctx)));
  for (const council of await repo.listCouncilsWithContracts(ctx.db, ctx.org.id)) {
    const schemes = await repo.listSchemes(ctx.db, council.id);
    const approved = await repo.listSchedules(
      ctx.db,
      council.id,
      schemes.map((s) => s.id),
    );
    for (const scheme of schemes) {
      const periods = approved.filter((a) => a.schemeId === scheme.id).map((a) => a.period);
      if (schemeCovers(scheme, last) && !periods.includes(last)) periods.push(last);
      periods.sort((a, b) => b.localeCompare(a));
      for (const period of periods.slice(0, 8)) {
        const s = await scheduleOf(ctx, council.id, scheme, period);
        const lines = s.lines.filter((l) => l.providerId === ctx.org.id);
        if (!lines.length) continue;
        out.push({
          councilName: council.name,
          scheme,
          period,
          status: s.status === "approved" ? ("approved" as const) : ("provisional" as const),
          scaled: s.scaled,
          scale: s.scale,
          capNote: s.scaled
            ? `The scheme's entitlements passed its budget cap, so every line was scaled by ${s.scale.toFixed(4)} and rounded to the penny.`
            : "Nothing is scaled to the scheme's budget cap.",
          lines,
          total: Math.round(lines.reduce((n, l) => n + l.amount * 100, 0)) / 100,
        });
      }
    }
  }
  return out;
}

// The council's schedules for a period (the CLI's `hub qpp`).

/**
 * Every scheme of the council covering the period (or the one named by id or name), with its
 * schedule (approved, or live while a draft) and each provider's standards met and entitlement.
 */
export async function councilEntitlements(ctx: Ctx, councilId: string, period: string, schemeRef?: string) {
  let schemes = (await repo.listSchemes(ctx.db, councilId)).filter((s) => schemeCovers(s, period));
  if (schemeRef) {
    const all = await repo.listSchemes(ctx.db, councilId);
    const named = all.filter((s) => s.id === schemeRef || s.name.toLowerCase() === schemeRef.toLowerCase());
    if (!named.length) throw notFound("scheme");
    schemes = named.filter((s) => schemeCovers(s, period));
    if (!schemes.length)
      throw badRequest("period_outside_scheme", `The scheme "${named[0].name}" does not cover ${period}.`, [
        { path: "period", message: `Choose a period from ${named[0].fromPeriod} on` },
      ]);
  }
  const out = [];
  for (const scheme of schemes) {
    const s = await scheduleOf(ctx, councilId, scheme, period);
    const providers = new Map<string, { providerId: string; providerName: string; lines: Line[] }>();
    for (const l of s.lines) {
      const p = providers.get(l.providerId) ?? { providerId: l.providerId, providerName: l.providerName, lines: [] };
      p.lines.push(l);
      providers.set(l.providerId, p);
    }
    out.push({ scheme, schedule: s, providers: [...providers.values()] });
  }
  return out;
}
