import type { AgencyRoleType } from "../../../shared/social-work";
import { addMonths, agencyRoleTypeOf, costBetween } from "../../../shared/sw-agency-rules";
import type { Ctx } from "../../context";
import * as repo from "../socialwork/agency-assignments.repo";
import { FIRST_NAMES_F, FIRST_NAMES_M, SURNAMES } from "./catalogue";
import { Random } from "./random";
import type { SwDemoBase, SwDemoGap } from "./social-work-types";

// The social work demo's agency workers (issue 20 item 8): assignments placed in the empty posts
// (base.gaps), mostly children's, so the council's agency spend is about £760k in the year to the
// anchor's year before and about £1.2m in the year to the anchor (the seed's rise of over 50%).
// Rates £35–£48 an hour plus a £3–£6 fee, 37 hours a week; most cover a vacancy. Gaps are taken
// in a seeded order and kept while each year stays within its target, an assignment's end trimmed
// to fit when it would overshoot. The regional price caps from 1 October 2025 are ILLUSTRATIVE
// (the real regional values are UNCONFIRMED, social-work.md §1.2), and a few assignments carry
// the rules' flags: under 3 years' experience, above the cap signed off and not, 2 weeks' notice.

export const DEMO_CAPS: Record<AgencyRoleType, number> = {
  social_worker: 45,
  senior_social_worker: 48,
  advanced_practitioner: 52,
  team_manager: 58,
  iro_cp_chair: 55,
};
export const DEMO_CAPS_FROM = "2025-10-01";
export const DEMO_SPEND_TARGETS = { previous: 760_000, last: 1_200_000 };
const AGENCIES = [
  "Northern Locums",
  "Mersey Social Care Recruitment",
  "Halcyon Social Work",
  "Sapphire Practice Partners",
];

const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const plusDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The two years the demo is calibrated on: to the anchor, and the year before. */
export function demoSpendYears(anchor: string) {
  const lastFrom = dayAfter(addMonths(anchor, -12));
  return {
    last: { from: lastFrom, to: anchor },
    previous: { from: dayAfter(addMonths(anchor, -24)), to: addMonths(anchor, -12) },
  };
}

type Planned = Parameters<typeof repo.insertAssignments>[1][number] & { gap: SwDemoGap };

export async function seedSwAgency(ctx: Ctx, base: SwDemoBase): Promise<void> {
  const rnd = new Random(20_260_808);
  const years = demoSpendYears(base.anchor);
  const name = () => `${rnd.pick(rnd.chance(0.7) ? FIRST_NAMES_F : FIRST_NAMES_M)} ${rnd.pick(SURNAMES)}`;
  // Social work posts only (an agency job type): every children's gap, about a third of adults'.
  const candidates = rnd.shuffle(
    base.gaps.filter((g) => agencyRoleTypeOf(g.role) && (g.service === "children" || rnd.chance(0.6))),
  );
  const totals = { previous: 0, last: 0 };
  const plan: Planned[] = [];
  const within = (c: { previous: number; last: number }) =>
    totals.previous + c.previous <= DEMO_SPEND_TARGETS.previous && totals.last + c.last <= DEMO_SPEND_TARGETS.last;
  /** Places one assignment in a gap from a day, fitted to the targets; false when it cannot be. */
  const place = (gap: SwDemoGap, from: string, coversVacancy: boolean) => {
    const jobType = agencyRoleTypeOf(gap.role) as AgencyRoleType;
    // Under the job type's illustrative cap, within £35–£48.
    const hourlyRate = Math.round(rnd.between(35, Math.min(48, DEMO_CAPS[jobType] - 1)) * 100) / 100;
    const a = { startDate: from, endDate: gap.to, weeklyHours: 37, hourlyRate, agencyFee: rnd.int(3, 6) };
    const fee = rnd.next();
    if (a.startDate > base.anchor || (a.endDate && a.endDate < a.startDate)) return false;
    const cost = () => ({
      previous: costBetween(a, years.previous.from, years.previous.to),
      last: costBetween(a, years.last.from, years.last.to),
    });
    // Over the earlier year's target: start later (the post stood empty a while first).
    while (totals.previous + cost().previous > DEMO_SPEND_TARGETS.previous && a.startDate <= years.previous.to)
      a.startDate = plusDays(a.startDate, 14);
    // Over the later year's: end sooner (the worker left before the post was filled).
    while (
      totals.last + cost().last > DEMO_SPEND_TARGETS.last &&
      (a.endDate ?? base.anchor) > plusDays(a.startDate, 28)
    )
      a.endDate = plusDays(a.endDate ?? base.anchor, -14);
    const c = cost();
    if (!within(c) || c.previous + c.last === 0 || (a.endDate && a.endDate < a.startDate)) return false;
    totals.previous += c.previous;
    totals.last += c.last;
    const i = plan.length;
    plan.push({
      gap,
      orgId: base.councilId,
      teamId: gap.teamId,
      role: gap.role === "asye_social_worker" ? "social_worker" : gap.role,
      workerName: name(),
      sweNumber: `SW${String(900_001 + i)}`,
      agencyName: AGENCIES[Math.floor(fee * AGENCIES.length)],
      ...a,
      endDate: a.endDate && a.endDate > base.anchor ? null : a.endDate,
      coversVacancy,
      projectTeam: false,
      noticeWeeks: 4,
      pqeYears: rnd.int(3, 15),
      asyeCompleted: true,
      leftSubstantiveOn: null,
      referenceReceived: true,
      capBreachSignedOffBy: null,
    });
    return true;
  };
  for (const gap of candidates) place(gap, plusDays(gap.from, rnd.int(7, 28)), true);
  // What the empty posts leave short of the later year's spend is extra capacity (cover for
  // sickness, maternity leave and caseload peaks) in children's teams: not covering a vacancy.
  const extra = candidates.filter((g) => g.service === "children");
  for (let i = 0; i < extra.length * 3 && totals.last < DEMO_SPEND_TARGETS.last * 0.97; i++) {
    const g = extra[i % extra.length];
    place(
      { ...g, to: plusDays(years.last.from, rnd.int(120, 360)) },
      plusDays(years.last.from, rnd.int(0, 200)),
      false,
    );
  }

  // A few children's assignments under the rules (started from 1 October 2025) carry its flags.
  const underRules = plan.filter(
    (p) => p.gap.service === "children" && p.startDate >= DEMO_CAPS_FROM && p.role === "social_worker",
  );
  const [young, signed, unsigned, shortNotice] = underRules;
  if (young) young.pqeYears = 2;
  if (signed) {
    signed.hourlyRate = 47.5;
    signed.capBreachSignedOffBy = "Director of Children's Services";
  }
  if (unsigned) unsigned.hourlyRate = 47;
  if (shortNotice) shortNotice.noticeWeeks = 2;

  await repo.insertAssignments(
    ctx.db,
    plan.map(({ gap: _gap, ...p }) => p),
  );
  for (const [roleType, hourlyCap] of Object.entries(DEMO_CAPS))
    await repo.upsertCap(ctx.db, { orgId: base.councilId, roleType, hourlyCap, fromDate: DEMO_CAPS_FROM });
}
