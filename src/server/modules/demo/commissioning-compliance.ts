import { lastEndedPeriod, periodBounds, previousPeriod } from "../../../shared/commissioning";
import type { Ctx } from "../../context";
import * as repo from "../commissioning/compliance.repo";
import { assessForCouncil } from "../commissioning/compliance.service";
import type { CommissioningDemoOptions, ContractsSeeded } from "./commissioning-types";

// Two quarters of compliance, a few providers failing, and challenges (issue 19 item 2): every demo
// contract's standards are assessed from the demo's records for the last two quarters ended by the
// anchor, as the hub does when a page first reads them. Then a provider challenges a result not
// met in the earlier quarter and the commissioner accepts it (the override shows), and another
// provider challenges one in the last quarter, left open for the commissioner to decide.
// Deterministic: results are picked in the order of contract reference and standard name.

const DAY = 86_400_000;

export async function seedCommissioningCompliance(
  ctx: Ctx,
  opts: CommissioningDemoOptions,
  contracts: ContractsSeeded,
) {
  const last = lastEndedPeriod(opts.anchor);
  const earlier = previousPeriod(last);
  await assessForCouncil(ctx, opts.councilId, [earlier, last], opts.anchor);
  if (!contracts.contractIds.length) return;

  const standards = await repo.listContractStandards(ctx.db, contracts.contractIds);
  const csName = new Map(standards.map((s) => [s.cs.id, s.standard.name]));
  const csKind = new Map(standards.map((s) => [s.cs.id, s.standard.kind]));
  const rows = await repo.listContractsByIds(ctx.db, opts.councilId, contracts.contractIds);
  const reference = new Map(rows.map((r) => [r.c.id, r.c.reference]));
  const results = await repo.listResultsFor(
    ctx.db,
    standards.map((s) => s.cs.id),
    [earlier, last],
  );
  const notMet = (period: string) =>
    results
      .filter((r) => r.period === period && r.status === "not_met")
      .sort(
        (a, b) =>
          (reference.get(a.contractId) ?? "").localeCompare(reference.get(b.contractId) ?? "") ||
          (csName.get(a.contractStandardId) ?? "").localeCompare(csName.get(b.contractStandardId) ?? ""),
      );
  const anchorAt = new Date(`${opts.anchor}T10:00:00Z`);

  // Accepted: the earlier quarter's first failing Real Living Wage floor (else its first failing result).
  const accepted = notMet(earlier).find((r) => csKind.get(r.contractStandardId) === "rlw_floor") ?? notMet(earlier)[0];
  const rlw = accepted && csKind.get(accepted.contractStandardId) === "rlw_floor";
  if (accepted) {
    const raisedAt = new Date(Date.parse(`${periodBounds(last).start}T10:00:00Z`) + 20 * DAY);
    const decidedAt = new Date(raisedAt.getTime() + 6 * DAY);
    const note = rlw
      ? "Payroll for the quarter shows the workers recorded below the Real Living Wage were apprentices in their first year; the contract allows the apprentice rate for them."
      : "The records behind this figure were out of date at the quarter end; the corrected records meet the standard.";
    const row = await repo.insertChallenge(ctx.db, {
      councilId: accepted.councilId,
      providerId: accepted.providerId,
      resultId: accepted.id,
      reason: rlw
        ? "The workers recorded below the Real Living Wage were apprentices in their first year, on the apprentice rate."
        : "Our records in the hub were out of date at the quarter end and have since been corrected.",
      evidence: rlw
        ? "Apprenticeship agreements and the payroll summary for the quarter, sent to the commissioning inbox."
        : "The corrected records are in the hub; our HR system's report for the quarter is available on request.",
      raisedAt,
    });
    await repo.decideChallenge(ctx.db, row.id, {
      status: "accepted",
      decidedBy: null,
      decidedAt,
      decisionNote: note,
    });
    await repo.setOverride(ctx.db, accepted.id, {
      overrideStatus: "met",
      overrideNote: note,
      overriddenBy: null,
      overriddenAt: decidedAt,
    });
  }
  // Open: the last quarter's first failing result of another provider.
  const open = notMet(last).find((r) => r.providerId !== accepted?.providerId) ?? notMet(last)[0];
  if (open)
    await repo.insertChallenge(ctx.db, {
      councilId: open.councilId,
      providerId: open.providerId,
      resultId: open.id,
      reason: "Our records in the hub were out of date at the quarter end: leavers and pay rises were entered late.",
      evidence: "Dates from our HR system for the workers concerned; the records are now corrected in the hub.",
      raisedAt: new Date(
        Math.min(anchorAt.getTime() - DAY, Date.parse(`${periodBounds(last).end}T10:00:00Z`) + 10 * DAY),
      ),
    });
}
