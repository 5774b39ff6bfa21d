import {
  type ComplianceStatus,
  isPeriod,
  lastEndedPeriod,
  PERIOD_PATTERN,
  periodBounds,
  periodOf,
  previousPeriod,
  STANDARD_KINDS,
  type StandardKindKey,
} from "../../../shared/commissioning";
import type { RecomputeInput } from "../../../shared/schemas/commissioning-compliance";
import { type Ctx, inTransaction, type OrgCtx } from "../../context";
import { badRequest, notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { listPayFloors } from "../reference/reference.repo";
import * as repo from "./compliance.repo";
import { type Assessed, assessTargets, type Target } from "./compliance-evidence";

// Compliance computed from the data (issue 19 item 2). For an ended quarter, every contract active
// in it and every standard it carries that applies in it get one stored result: met, not met or
// not enough data (never counted as met), with the evidence. Results missing when read are
// computed then and stored; provisional ones (a return not yet due, a monitoring return not yet
// confirmed) are computed again when read; "Recompute" recomputes stored ones and keeps any
// override from an accepted challenge.

const today = (ctx: Ctx) => isoDate(ctx.deps.now());
/** At most this many quarters of one contract's history are shown (ten years). */
const HISTORY_LIMIT = 40;

/** A period that has ended, or a 400 saying which one can be asked for. */
export function endedPeriod(ctx: Ctx, period: string | undefined): string {
  const last = lastEndedPeriod(today(ctx));
  if (period === undefined) return last;
  if (!isPeriod(period))
    throw badRequest("bad_period", "Enter the period as a quarter, like 2026-Q3", [
      { path: "period", message: "Enter the period as a quarter, like 2026-Q3" },
    ]);
  if (periodBounds(period).end >= today(ctx)) {
    const message = `${period} (${periodBounds(period).label}) has not ended yet: compliance is measured for ended quarters, the latest being ${last}.`;
    throw badRequest("period_not_ended", message, [{ path: "period", message }]);
  }
  return period;
}

/** The ended quarters one can pick, newest first (two years back from the last ended one). */
export function recentPeriods(ctx: Ctx, count = 8) {
  const out: { period: string; label: string }[] = [];
  let p = lastEndedPeriod(today(ctx));
  for (let i = 0; i < count; i++) {
    out.push({ period: p, label: periodBounds(p).label });
    p = previousPeriod(p);
  }
  return out;
}

const applies = (cs: { fromPeriod: string; untilPeriod: string | null }, period: string) =>
  cs.fromPeriod <= period && (cs.untilPeriod === null || period < cs.untilPeriod);

const thresholdOf = (kind: StandardKindKey, ...values: (number | null)[]) => {
  if (STANDARD_KINDS[kind].unit === "none") return null;
  for (const v of values) if (v !== null && v !== undefined) return v;
  return STANDARD_KINDS[kind].defaultThreshold;
};

type Standards = Awaited<ReturnType<typeof repo.listContractStandards>>;
type ContractWithName = { c: repo.ContractRow; providerName: string };

/** One result as a page shows it: the stored row, its standard, and its latest challenge. */
export interface FullResult {
  result: repo.ResultRow;
  kind: StandardKindKey;
  name: string;
  challenge: repo.ChallengeRow | null;
}

function targetsOf(contractRows: ContractWithName[], standards: Standards, period: string): Target[] {
  const byId = new Map(contractRows.map((r) => [r.c.id, r.c]));
  return standards.flatMap(({ cs, standard }) => {
    const contract = byId.get(cs.contractId);
    const kind = standard.kind as StandardKindKey;
    if (!contract || !STANDARD_KINDS[kind] || !applies(cs, period)) return [];
    const { start, end } = periodBounds(period);
    if (contract.startDate > end || (contract.endDate !== null && contract.endDate < start)) return [];
    return [
      {
        contract,
        contractStandardId: cs.id,
        kind,
        name: standard.name,
        threshold: thresholdOf(kind, cs.threshold, standard.threshold),
      },
    ];
  });
}

const valuesOf =
  (period: string) =>
  (a: Assessed): repo.ResultValues => ({
    councilId: a.target.contract.councilId,
    providerId: a.target.contract.providerId,
    contractId: a.target.contract.id,
    contractStandardId: a.target.contractStandardId,
    period,
    status: a.status,
    value: a.value,
    n: a.n,
    asAt: a.asAt,
    evidence: a.evidence,
  });

/**
 * Computes and stores the results of a period for contracts in the scope: the missing ones (and
 * provisional ones), or all of them with `recompute` (keeping overrides). Returns how many were written.
 */
async function assess(
  ctx: Ctx,
  scope: repo.Scope,
  periodOrPeriods: string | string[],
  opts: { contractIds?: string[]; recompute?: boolean; today?: string } = {},
) {
  const periods = [...new Set(typeof periodOrPeriods === "string" ? [periodOrPeriods] : periodOrPeriods)].sort();
  if (!periods.length) return 0;
  const start = periodBounds(periods[0]).start;
  const end = periodBounds(periods[periods.length - 1]).end;
  const contractRows = await repo.listActiveContracts(ctx.db, scope, start, end, opts.contractIds);
  const standards = await repo.listContractStandards(
    ctx.db,
    contractRows.map((r) => r.c.id),
  );
  const work = periods.map((period) => ({ period, targets: targetsOf(contractRows, standards, period) }));
  const all = work.flatMap((w) => w.targets);
  if (!all.length) return 0;
  const key = (contractStandardId: string, period: string) => `${contractStandardId}|${period}`;
  const stored = new Map(
    (await repo.listResultsFor(ctx.db, [...new Set(all.map((t) => t.contractStandardId))], periods)).map((r) => [
      key(r.contractStandardId, r.period),
      r,
    ]),
  );
  const todo = work.map((w) => ({
    period: w.period,
    targets: opts.recompute
      ? w.targets
      : w.targets.filter((t) => {
          const r = stored.get(key(t.contractStandardId, w.period));
          return !r || (r.evidence as { provisional?: boolean }).provisional === true;
        }),
  }));
  if (!todo.some((w) => w.targets.length)) return 0;
  const floors = await listPayFloors(ctx.db);
  let written = 0;
  const councils = [...new Set(todo.flatMap((w) => w.targets.map((t) => t.contract.councilId)))].sort();
  for (const councilId of councils) {
    const assessed = await assessTargets(
      ctx.db,
      councilId,
      todo.map((w) => ({ period: w.period, targets: w.targets.filter((t) => t.contract.councilId === councilId) })),
      floors,
      opts.today ?? today(ctx),
    );
    const periodOfEnd = new Map(periods.map((p) => [periodBounds(p).end, p]));
    const values = (a: Assessed) => valuesOf(periodOfEnd.get(a.asAt) as string)(a);
    const isStored = (a: Assessed) => stored.has(key(a.target.contractStandardId, periodOfEnd.get(a.asAt) as string));
    written += (await repo.insertResults(ctx.db, assessed.filter((a) => !isStored(a)).map(values))).length;
    written += (await repo.upsertResults(ctx.db, assessed.filter(isStored).map(values))).length;
  }
  return written;
}

/**
 * Computes a council's missing results for a period as if on `today` (the demo, seeding at its
 * anchor; other parts that need results to exist). The caller makes sure the period has ended by then.
 */
export function assessForCouncil(ctx: Ctx, councilId: string, periods: string | string[], today: string) {
  for (const period of typeof periods === "string" ? [periods] : periods)
    if (periodBounds(period).end >= today) throw new Error(`${period} has not ended by ${today}`);
  return assess(ctx, { councilId }, periods, { today });
}

/** A council computes (missing) results for a period; exported for the demo and other parts. */
export async function assessPeriod(
  ctx: OrgCtx,
  period: string,
  opts: { contractIds?: string[]; recompute?: boolean } = {},
) {
  return assess(ctx, { councilId: ctx.org.id }, endedPeriod(ctx, period), opts);
}

/** Results with their standards and latest challenges, for contracts in the scope and these periods. */
async function fullResults(ctx: Ctx, contractRows: ContractWithName[], periods: string[]) {
  const standards = await repo.listContractStandards(
    ctx.db,
    contractRows.map((r) => r.c.id),
  );
  const csById = new Map(standards.map((s) => [s.cs.id, s]));
  const results = (
    await repo.listResultsFor(
      ctx.db,
      standards.map((s) => s.cs.id),
      periods,
    )
  ).filter((r) => applies(csById.get(r.contractStandardId)?.cs ?? { fromPeriod: "9999", untilPeriod: null }, r.period));
  const challenges = await repo.listChallengesOfResults(
    ctx.db,
    results.map((r) => r.id),
  );
  const latest = new Map<string, repo.ChallengeRow>();
  for (const ch of challenges) if (!latest.has(ch.resultId)) latest.set(ch.resultId, ch);
  return results
    .map((r): FullResult => {
      const s = csById.get(r.contractStandardId);
      return {
        result: r,
        kind: (s?.standard.kind ?? "rlw_floor") as StandardKindKey,
        name: s?.standard.name ?? "",
        challenge: latest.get(r.id) ?? null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.result.id.localeCompare(b.result.id));
}

/** Every contract active in the period in the scope, with each standard's result (computed when missing). */
async function complianceFor(ctx: Ctx, scope: repo.Scope, periodAsked: string | undefined) {
  const period = endedPeriod(ctx, periodAsked);
  await assess(ctx, scope, period);
  const { start, end, label } = periodBounds(period);
  const contractRows = await repo.listActiveContracts(ctx.db, scope, start, end);
  const results = await fullResults(ctx, contractRows, [period]);
  return {
    period,
    periodLabel: label,
    asAt: end,
    periods: recentPeriods(ctx),
    contracts: contractRows.map((r) => ({
      ...r,
      results: results.filter((x) => x.result.contractId === r.c.id),
    })),
  };
}

/** A council's compliance across all its contracts for a period. */
export const councilCompliance = (ctx: OrgCtx, period?: string) =>
  complianceFor(ctx, { councilId: ctx.org.id }, period);

/** A provider's own results over all its contracts (with any council) for a period. */
export const providerCompliance = (ctx: OrgCtx, period?: string) =>
  complianceFor(ctx, { providerId: ctx.org.id }, period);

/** The scope of the acting organisation: a council's contracts, or a provider's own. */
export const scopeOf = (ctx: OrgCtx): repo.Scope =>
  ctx.org.kind === "council" ? { councilId: ctx.org.id } : { providerId: ctx.org.id };

/** One contract's history: every ended quarter since its first standard applies, newest first. */
export async function contractHistory(ctx: OrgCtx, contractId: string) {
  const scope = scopeOf(ctx);
  const found = await repo.findContract(ctx.db, scope, contractId);
  if (!found) throw notFound("contract");
  const standards = await repo.listContractStandards(ctx.db, [contractId]);
  const last = lastEndedPeriod(today(ctx));
  const periods: string[] = [];
  if (standards.length) {
    const first = standards.map((s) => s.cs.fromPeriod).sort()[0];
    const from = [first, periodOf(found.c.startDate)].sort()[1];
    const to = found.c.endDate && periodOf(found.c.endDate) < last ? periodOf(found.c.endDate) : last;
    for (let p = to; PERIOD_PATTERN.test(p) && p >= from && periods.length < HISTORY_LIMIT; p = previousPeriod(p))
      periods.push(p);
  }
  await assess(ctx, scope, periods, { contractIds: [contractId] });
  const results = await fullResults(ctx, [found], periods);
  return {
    contract: found,
    periods: periods.map((p) => ({
      period: p,
      label: periodBounds(p).label,
      results: results.filter((r) => r.result.period === p),
    })),
  };
}

/** The commissioner recomputes a period's stored results (all contracts, or one); overrides stay. Audited. */
export async function recompute(ctx: OrgCtx, input: RecomputeInput) {
  const period = endedPeriod(ctx, input.period);
  if (input.contractId && !(await repo.findContract(ctx.db, { councilId: ctx.org.id }, input.contractId)))
    throw notFound("contract");
  return inTransaction(ctx, async (tx) => {
    const recomputed = await assess(tx, { councilId: tx.org.id }, period, {
      contractIds: input.contractId ? [input.contractId] : undefined,
      recompute: true,
    });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "recompute",
      entityType: input.contractId ? "contract_compliance" : "compliance_period",
      entityId: input.contractId ?? null,
      after: { period, contractId: input.contractId ?? null, recomputed },
    });
    return { period, recomputed };
  });
}

/** The status that counts: the override of an accepted challenge, else the computed one. */
export const statusOf = (r: repo.ResultRow) => (r.overrideStatus ?? r.status) as ComplianceStatus;
