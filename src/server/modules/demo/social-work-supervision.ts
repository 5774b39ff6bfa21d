import { eq } from "drizzle-orm";
import { CASE_TYPES, type SUPERVISION_TYPES, SW_ROLES, type SwRoleInfo } from "../../../shared/social-work";
import {
  caseloadThreshold,
  DEFAULT_CASELOAD_SETTINGS,
  fteOf,
  protectedCaseloadTarget,
} from "../../../shared/sw-caseload";
import {
  type AsyeSpan,
  addDays,
  addInterval,
  DEFAULT_STANDARDS,
  intervalFor,
  supervisionStage,
} from "../../../shared/sw-supervision";
import type { Ctx } from "../../context";
import { bulkInsert } from "../../db/bulk";
import { swAsye, swCaseloads, swSupervisionStandards, swSupervisions } from "../../db/schema";
import { Random } from "./random";
import type { SwDemoBase, SwDemoWorker } from "./social-work-types";

// The social work demo's supervision and caseloads (issue 20 items 4, 5): the default standards
// stored; three years of supervisions for every worker while in post (monthly a few days either
// side, newly qualified workers weekly, fortnightly then monthly; mostly reflective; about 90% on
// time), a handful overdue at the anchor across teams, three of them in the children's Assessment
// Team (so its manager's list is not empty); and monthly caseloads for every case-holding worker,
// by type, team averages mostly under the threshold with two teams above, newly qualified
// workers lower with two above their protection at the anchor month.

const ACTIONS = [
  "Review the child's plan before the core group.",
  "Book the reflective session on the family's history.",
  "Update the chronology and share with the IRO.",
  "Agree the next visit and the safety plan's review date.",
  "Take the case to the legal gateway meeting.",
  "Complete the carer's assessment this month.",
  "",
  "",
];
/** Teams whose demo caseloads run above their threshold. */
const HEAVY_TEAMS = new Set(["c-assessment", "a-front-door"]);
/** Workers overdue at the anchor, by team key: the Assessment Team three, a few others one each. */
const OVERDUE_IN: Record<string, number> = { "c-assessment": 3 };
const OVERDUE_ELSEWHERE = 5;

export async function seedSwSupervision(ctx: Ctx, base: SwDemoBase): Promise<void> {
  const rnd = new Random(20_2604);
  const anchor = base.anchor;
  const info = (w: SwDemoWorker) => (SW_ROLES as Record<string, SwRoleInfo>)[w.role];

  await bulkInsert(
    ctx.db,
    swSupervisionStandards,
    Object.entries(DEFAULT_STANDARDS).map(([appliesTo, s]) => ({ orgId: base.councilId, appliesTo, ...s })),
  );

  const asyes = new Map(
    (await ctx.db.select().from(swAsye).where(eq(swAsye.orgId, base.councilId))).map((a) => [a.staffRecordId, a]),
  );
  const spanOf = (w: SwDemoWorker): AsyeSpan | null => {
    const a = asyes.get(w.staffRecordId);
    if (a) return { startDate: a.startDate, extendedTo: a.extendedTo, outcomeOn: a.outcomeOn };
    return w.startedAsNqsw ? { startDate: w.startDate } : null;
  };

  // Who is overdue at the anchor: in post, started at least three months before it, not the worker with the demo account.
  const eligible = base.workers
    .filter((w) => w.startDate <= addDays(anchor, -90) && w.endDate === null && w.userId === null)
    .sort((a, b) => a.staffRecordId.localeCompare(b.staffRecordId));
  const overdue = new Set<string>();
  for (const [key, n] of Object.entries(OVERDUE_IN))
    for (const w of eligible.filter((x) => x.teamKey === key).slice(0, n)) overdue.add(w.staffRecordId);
  const elsewhere = eligible.filter((w) => !(w.teamKey in OVERDUE_IN));
  for (let i = 0; i < OVERDUE_ELSEWHERE && elsewhere.length; i += 1)
    overdue.add(elsewhere.splice(rnd.int(0, elsewhere.length - 1), 1)[0].staffRecordId);

  // A team's manager supervises its workers (the manager themself: the team's most senior other).
  const managers = new Map<string, SwDemoWorker[]>();
  for (const w of base.workers)
    if (w.role === "team_manager") managers.set(w.teamKey, [...(managers.get(w.teamKey) ?? []), w]);
  const supervisorOn = (w: SwDemoWorker, day: string) =>
    (managers.get(w.teamKey) ?? []).find(
      (m) => m.staffRecordId !== w.staffRecordId && m.startDate <= day && (m.endDate === null || m.endDate >= day),
    )?.staffRecordId ?? null;

  const supervisions: (typeof swSupervisions.$inferInsert)[] = [];
  for (const w of base.workers) {
    const worker = { role: w.role, startDate: w.startDate, endDate: w.endDate, asye: spanOf(w) };
    const last = w.endDate && w.endDate < anchor ? w.endDate : anchor;
    const stopAt = overdue.has(w.staffRecordId) ? addDays(anchor, -rnd.int(45, 75)) : last;
    let held = w.startDate < base.historyStart ? addDays(base.historyStart, -rnd.int(1, 25)) : w.startDate;
    let first = w.startDate >= base.historyStart;
    for (;;) {
      const due = addInterval(held, intervalFor(supervisionStage(worker, held), []));
      const late = rnd.chance(0.1);
      let next = late ? addDays(due, rnd.int(3, 14)) : addDays(due, -rnd.int(0, 4));
      if (first) next = addDays(due, -rnd.int(0, 2));
      first = false;
      if (next > stopAt) {
        // Not left overdue by chance: one more held on time before the anchor when the due date has passed.
        if (!overdue.has(w.staffRecordId) && due < last && last === anchor) next = addDays(due, -rnd.int(0, 4));
        else break;
        if (next > last) break;
      }
      if (next <= held) next = addDays(held, 1);
      held = next;
      const type = rnd.weighted<(typeof SUPERVISION_TYPES)[number]>([
        ["reflective", 70],
        ["case", 16],
        ["group", 9],
        ["management", 5],
      ]);
      supervisions.push({
        orgId: base.councilId,
        staffRecordId: w.staffRecordId,
        supervisorStaffId: supervisorOn(w, held),
        heldOn: held,
        type,
        minutes: rnd.weighted([
          [90, 75],
          [60, 10],
          [120, 15],
        ]),
        actions: rnd.pick(ACTIONS),
        recordedBy: base.teams.find((t) => t.key === w.teamKey)?.managerUserId ?? base.leadUserId,
      });
    }
  }
  await bulkInsert(ctx.db, swSupervisions, supervisions, { chunk: 5000 });

  // Caseloads: each case-holding worker in post in a month, from the history's first month to the anchor's.
  const months: string[] = [];
  for (let m = `${base.historyStart.slice(0, 7)}-01`; m <= `${anchor.slice(0, 7)}-01`; ) {
    months.push(m);
    m = addInterval(m, { every: 1, unit: "month" });
  }
  const monthEnd = (m: string) => addDays(addInterval(m, { every: 1, unit: "month" }), -1);
  const teamOf = new Map(base.teams.map((t) => [t.key, t]));
  const offsets = new Map(base.workers.map((w) => [w.staffRecordId, rnd.between(-3, 3)]));
  // Two NQSWs in their ASYE at the anchor month carry more than their protection there.
  const anchorMonth = months[months.length - 1];
  const inAsye = (w: SwDemoWorker, m: string) => {
    const asye = spanOf(w);
    return asye !== null && supervisionStage({ role: w.role, asye }, monthEnd(m)).startsWith("asye_");
  };
  const overloaded = new Set(
    base.workers
      .filter((w) => info(w).caseHolding && w.endDate === null && inAsye(w, anchorMonth) && w.userId === null)
      .sort((a, b) => a.staffRecordId.localeCompare(b.staffRecordId))
      .slice(0, 2)
      .map((w) => w.staffRecordId),
  );
  const caseloads: (typeof swCaseloads.$inferInsert)[] = [];
  for (const w of base.workers) {
    if (!info(w).caseHolding) continue;
    const team = teamOf.get(w.teamKey);
    if (!team) continue;
    const threshold = caseloadThreshold({ service: w.service, caseloadThreshold: null });
    const mean = HEAVY_TEAMS.has(w.teamKey) ? threshold + 2 : threshold - 2.5;
    const types = CASE_TYPES[w.service];
    for (const m of months) {
      if (w.startDate > monthEnd(m) || (w.endDate !== null && w.endDate < m)) continue;
      let open: number;
      if (inAsye(w, m)) {
        const target = protectedCaseloadTarget({
          asyeTarget: asyes.get(w.staffRecordId)?.protectedCaseloadTarget,
          threshold,
          share: DEFAULT_CASELOAD_SETTINGS.asyeProtectionShare,
        });
        open = overloaded.has(w.staffRecordId) && m === anchorMonth ? target + rnd.int(2, 3) : target - rnd.int(1, 5);
      } else {
        open = Math.round(
          (mean + (offsets.get(w.staffRecordId) ?? 0) + rnd.between(-1.5, 1.5)) * fteOf(w.contractedHours),
        );
      }
      open = Math.max(0, open);
      // Split the open cases over the service's types by random weights, adding up exactly.
      const weights = types.map(() => rnd.between(0.2, 1));
      const total = weights.reduce((s, x) => s + x, 0);
      const byType: Record<string, number> = {};
      let left = open;
      types.forEach((t, i) => {
        const n = i === types.length - 1 ? left : Math.min(left, Math.floor((open * weights[i]) / total));
        byType[t] = n;
        left -= n;
      });
      caseloads.push({ orgId: base.councilId, staffRecordId: w.staffRecordId, month: m, openCases: open, byType });
    }
  }
  await bulkInsert(ctx.db, swCaseloads, caseloads, { chunk: 5000 });
}
