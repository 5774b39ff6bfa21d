import { LEAVING_REASONS } from "../../../shared/ascwds/codes";
import type { ReasonsResponse } from "../../../shared/schemas/exit-interviews";
import { EXIT_REASON_LABELS, EXIT_REASONS, SW_SERVICE_LABELS, type SwService } from "../../../shared/social-work";
import type { OrgCtx } from "../../context";
import { badRequest } from "../../lib/errors";
import { addDays, isoDate } from "../../lib/time";
import { MIN_EMPLOYERS, MIN_SPECIAL_CELL } from "../metrics/disclosure";
import { presentGroup } from "./exit-reasons.presenter";
import * as repo from "./exit-reasons.repo";

// Exit interview reasons collated with disclosure control (issue 20 item 9). An employer sees
// counts of the reasons (and main reasons) leavers gave in interviews answered in a period, beside
// the leaving reasons recorded on the same leavers' staff records: over all its leavers and, for a
// council's social work service, by service and team. A council also sees the same over the
// providers it commissions, together (never one provider's). Disclosure control uses the figures
// engine's thresholds (metrics/disclosure.ts), as the recruitment funnel does: a group with fewer
// than MIN_SPECIAL_CELL answered interviews shows nothing; any count from 1 to MIN_SPECIAL_CELL - 1
// is withheld; main reasons and recorded leaving reasons each add up to the group's total, so when
// one of them is withheld the next smallest shown is withheld too (else subtraction gives it
// away); the providers' group needs MIN_EMPLOYERS providers with answers. Comments never come here.

export interface Tally {
  key: string;
  label: string;
  kind: string;
  rows: repo.AnsweredRow[];
  employers: number;
}

/** A count after primary suppression: null when 1 to MIN_SPECIAL_CELL - 1 people. */
const primary = (n: number) => ({
  count: n > 0 && n < MIN_SPECIAL_CELL ? null : n,
  withheld: n > 0 && n < MIN_SPECIAL_CELL,
});

/** For counts that add up to a published total: when exactly one is withheld, the smallest shown non-zero one is too. */
export function protectPartition<T extends { count: number | null; withheld: boolean }>(cells: T[]): T[] {
  const withheld = cells.filter((c) => c.withheld);
  const shown = cells.filter((c) => !c.withheld && (c.count ?? 0) > 0);
  if (withheld.length === 1 && shown.length) {
    const smallest = shown.reduce((a, b) => ((b.count as number) < (a.count as number) ? b : a));
    smallest.count = null;
    smallest.withheld = true;
  }
  return cells;
}

/** One group's counts after disclosure control (pure: tested by hand). */
export function collate(t: Tally) {
  const total = t.rows.length;
  const enough = total >= MIN_SPECIAL_CELL && (t.kind !== "providers" || t.employers >= MIN_EMPLOYERS);
  const count = (keys: readonly string[], of: (r: repo.AnsweredRow) => string[]) =>
    keys.map((key) => ({ key, n: t.rows.filter((r) => of(r).includes(key)).length }));
  const reasons = count(EXIT_REASONS, (r) => r.reasons).map((c) => ({
    key: c.key,
    label: EXIT_REASON_LABELS[c.key as never],
    ...primary(c.n),
  }));
  const mains = protectPartition(
    count(EXIT_REASONS, (r) => (r.mainReason ? [r.mainReason] : [])).map((c) => ({
      key: c.key,
      label: EXIT_REASON_LABELS[c.key as never],
      ...primary(c.n),
    })),
  );
  const leavingKeys = [...Object.keys(LEAVING_REASONS), "none"];
  const leaving = protectPartition(
    count(leavingKeys, (r) => [r.leavingReason === null ? "none" : String(r.leavingReason)]).map((c) => ({
      key: c.key,
      label: c.key === "none" ? "Not recorded" : LEAVING_REASONS[Number(c.key)],
      ...primary(c.n),
    })),
  );
  const hide = <T extends { count: number | null; withheld: boolean }>(cells: T[]) =>
    enough ? cells : cells.map((c) => ({ ...c, count: null, withheld: true }));
  return {
    key: t.key,
    label: t.label,
    kind: t.kind,
    answered: enough ? total : null,
    reasons: hide(reasons),
    mainReasons: hide(mains),
    leavingReasons: hide(leaving),
  };
}

export async function collatedReasons(ctx: OrgCtx, q: { from?: string; to?: string }): Promise<ReasonsResponse> {
  const to = q.to ?? isoDate(ctx.deps.now());
  const from = q.from ?? isoDate(addDays(new Date(`${to}T00:00:00Z`), -365 * 2));
  if (from > to)
    throw badRequest("invalid_period", "The period's start must be on or before its end", [
      { path: "from", message: "Enter a start on or before the end" },
    ]);
  const own = await repo.answered(ctx.db, [ctx.org.id], from, to);
  const tallies: Tally[] = [{ key: "all", label: "All your leavers", kind: "all", rows: own, employers: 1 }];
  const sw = own.filter((r) => r.teamId);
  for (const service of ["adults", "children"] as SwService[]) {
    const rows = sw.filter((r) => r.service === service);
    if (rows.length)
      tallies.push({
        key: `service:${service}`,
        label: `${SW_SERVICE_LABELS[service]} social work`,
        kind: "service",
        rows,
        employers: 1,
      });
  }
  const teams = new Map<string, repo.AnsweredRow[]>();
  for (const r of sw) teams.set(r.teamId as string, [...(teams.get(r.teamId as string) ?? []), r]);
  for (const [id, rows] of [...teams].sort((a, b) => (a[1][0].teamName ?? "").localeCompare(b[1][0].teamName ?? "")))
    tallies.push({ key: `team:${id}`, label: rows[0].teamName as string, kind: "team", rows, employers: 1 });
  if (ctx.org.kind === "council") {
    const providers = await repo.commissionedProviders(ctx.db, ctx.org.id, from, to);
    const rows = await repo.answered(ctx.db, providers, from, to);
    tallies.push({
      key: "providers",
      label: "The providers you commission, together",
      kind: "providers",
      rows,
      employers: new Set(rows.map((r) => r.orgId)).size,
    });
  }
  return { from, to, threshold: MIN_SPECIAL_CELL, groups: tallies.map(collate).map(presentGroup) };
}
