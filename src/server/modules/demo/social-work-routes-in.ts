import { GROW_YOUR_OWN_ROUTES, type RouteIn, type TraineeRoute } from "../../../shared/social-work";
import { DEFAULT_ESG_RATES, esgDue } from "../../../shared/sw-routes-in";
import type { Ctx } from "../../context";
import { bulkInsert } from "../../db/bulk";
import { swPePayments, swTrainees } from "../../db/schema";
import { FIRST_NAMES_F, FIRST_NAMES_M, SURNAMES } from "./catalogue";
import { DAY, iso } from "./dates";
import { Random } from "./random";
import type { SwDemoBase, SwDemoWorker } from "./social-work-types";

// The social work demo's routes in (issue 20 items 2, 7), from the base's people (no staff
// records are added): 7 social work degree apprentices and 1 sponsored master's student in
// training at the anchor (24-month commitments, repaid pro rata); 8 funded student placements
// in progress this academic year (first 70-day and final 100-day, each with a council practice
// educator, ESG claimed for 6); past final placements in each earlier academic year; for every
// base worker who started as a newly qualified social worker through a grow-your-own route, the
// trainee record they qualified from, linked to their staff record; 3 withdrawals; and a
// practice educator's payment per placement (paid 1–4 weeks after it ended, but for one due and
// one overdue at the anchor). Deterministic: its own seed, read after the base's draws.

type TraineeInsert = typeof swTrainees.$inferInsert;
type PaymentInsert = typeof swPePayments.$inferInsert;

const UNIVERSITIES = [
  "University of Chester",
  "Liverpool John Moores University",
  "Edge Hill University",
  "University of Salford",
  "Manchester Metropolitan University",
];
const PE_PAYMENT = 500;
const APPRENTICE_COST = 24_000;
const MASTERS_COST = 18_500;

const ROUTE_OF: Partial<Record<RouteIn, TraineeRoute>> = {
  apprentice: "apprentice",
  sponsored_masters: "sponsored_masters",
  step_up: "step_up",
  frontline: "frontline",
  think_ahead: "think_ahead",
  placement_student: "placement",
};
/** How long each route's training lasts before qualifying, in days (social-work.md §6). */
const DURATION: Record<TraineeRoute, number> = {
  placement: 140,
  apprentice: 3 * 365,
  sponsored_masters: 2 * 365 - 60,
  step_up: 425,
  frontline: 365,
  think_ahead: 365,
};
const PROGRAMME: Record<TraineeRoute, [string, string]> = {
  placement: ["", "BA (Hons) Social Work"],
  apprentice: ["University of Chester", "Social Worker Degree Apprenticeship (ST0510)"],
  sponsored_masters: ["University of Liverpool", "MA Social Work"],
  step_up: ["Manchester Metropolitan University", "Step Up to Social Work (PGDip)"],
  frontline: ["Lancaster University", "Frontline (PGDip)"],
  think_ahead: ["Think Ahead", "Think Ahead (PGDip)"],
};

export async function seedSwRoutesIn(ctx: Ctx, base: SwDemoBase): Promise<void> {
  const rnd = new Random(20_2002);
  const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);
  const plus = (day: string, days: number) => iso(ms(day) + days * DAY);
  const anchor = base.anchor;
  const name = () => `${rnd.pick(rnd.chance(0.75) ? FIRST_NAMES_F : FIRST_NAMES_M)} ${rnd.pick(SURNAMES)}`;
  const trainees: TraineeInsert[] = [];
  const payments: PaymentInsert[] = [];

  /** A practice educator in post over a placement, preferring the student's service. */
  const pes = base.workers.filter((w) => w.peStage !== null);
  const peFor = (from: string, to: string, service?: string): SwDemoWorker | null => {
    const fits = pes.filter((w) => w.startDate <= from && (w.endDate === null || w.endDate >= to));
    const same = fits.filter((w) => w.service === service);
    return (same.length ? rnd.pick(same) : fits.length ? rnd.pick(fits) : null) ?? null;
  };
  const anyTeam = () => rnd.pick(base.teams);

  /** A placement with its practice educator and payment (paid when `paidAfter` days is given and past). */
  function placement(p: {
    start: string;
    days: 70 | 100;
    status: "in_training" | "qualified" | "withdrawn";
    end?: string;
    qualifiedOn?: string | null;
    staffRecordId?: string | null;
    teamId?: string;
    service?: string;
    name?: string;
    esg: boolean;
    paidAfter: number | null;
  }) {
    const end = p.end ?? plus(p.start, p.days === 70 ? 98 : 140);
    const team = p.teamId ? { id: p.teamId, service: p.service } : anyTeam();
    const pe = peFor(p.start, end, team.service);
    const id = crypto.randomUUID();
    const skillsDays = p.days === 100 ? 5 : null;
    const esg = esgDue({ placementDays: p.days, skillsDays }, DEFAULT_ESG_RATES);
    trainees.push({
      id,
      orgId: base.councilId,
      route: "placement",
      name: p.name ?? name(),
      teamId: pe ? pe.teamId : team.id,
      university: rnd.pick(UNIVERSITIES),
      programme: rnd.chance(0.3) ? "MA Social Work" : "BA (Hons) Social Work",
      cohort: "",
      startDate: p.start,
      endDate: end,
      placementDays: p.days,
      skillsDays,
      practiceEducatorStaffId: pe?.staffRecordId ?? null,
      esgClaimedOn: p.esg ? plus(p.start, rnd.int(20, 40)) : null,
      esgAmount: p.esg ? esg : null,
      status: p.status,
      qualifiedOn: p.qualifiedOn ?? null,
      staffRecordId: p.staffRecordId ?? null,
      repaymentTerms: "none",
    });
    if (pe) {
      const paidOn = p.paidAfter === null ? null : plus(end, p.paidAfter);
      payments.push({
        orgId: base.councilId,
        traineeId: id,
        practiceEducatorStaffId: pe.staffRecordId,
        amount: PE_PAYMENT,
        dueOn: end,
        paidOn: paidOn && paidOn <= anchor ? paidOn : null,
      });
    }
  }

  // This academic year's 8 funded placements, in progress at the anchor: 4 first, 4 final.
  const yearStart = `${Number(anchor.slice(0, 4)) - (anchor.slice(5) >= "09-01" ? 0 : 1)}-09-01`;
  for (let i = 0; i < 8; i++) {
    const first = i % 2 === 0;
    placement({
      start: plus(yearStart, first ? rnd.int(27, 41) : rnd.int(6, 20)),
      days: first ? 70 : 100,
      status: "in_training",
      esg: i < 6,
      paidAfter: null,
    });
  }

  // Past final placements of students who did not join: 6 in each earlier academic year.
  for (let back = 1; back <= 3; back++) {
    const start = Number(yearStart.slice(0, 4)) - back;
    for (let i = 0; i < 6; i++) {
      const s = `${start}-${rnd.pick(["09", "10"])}-${String(rnd.int(1, 28)).padStart(2, "0")}`;
      const end = plus(s, 140);
      placement({
        start: s,
        days: 100,
        status: "qualified",
        qualifiedOn: plus(end, rnd.int(90, 160)),
        esg: rnd.chance(0.85),
        paidAfter: rnd.int(7, 28),
      });
    }
  }
  // Two late placements of last year, ended lately and not paid: one overdue, one due.
  for (const [start, end] of [
    [plus(anchor, -190), plus(anchor, -50)],
    [plus(anchor, -155), plus(anchor, -15)],
  ] as const)
    placement({ start, end, days: 100, status: "qualified", qualifiedOn: plus(end, 10), esg: true, paidAfter: null });

  // Grow-your-own workers who started as newly qualified: the training they qualified from.
  const grown = base.workers.filter(
    (w) => w.startedAsNqsw && GROW_YOUR_OWN_ROUTES.includes(w.routeIn) && ROUTE_OF[w.routeIn],
  );
  for (const w of grown) {
    const route = ROUTE_OF[w.routeIn] as TraineeRoute;
    const qualifiedOn =
      w.qualifiedOn && w.qualifiedOn < w.startDate ? w.qualifiedOn : plus(w.startDate, -rnd.int(20, 60));
    const end = plus(qualifiedOn, -rnd.int(10, 40));
    const start = plus(end, -DURATION[route]);
    if (route === "placement") {
      placement({
        start,
        end,
        days: 100,
        status: "qualified",
        qualifiedOn,
        staffRecordId: w.staffRecordId,
        teamId: w.teamId,
        service: w.service,
        name: w.name,
        esg: rnd.chance(0.85),
        paidAfter: rnd.int(7, 28),
      });
      continue;
    }
    const [university, programme] = PROGRAMME[route];
    const sponsored = route === "apprentice" || route === "sponsored_masters";
    trainees.push({
      orgId: base.councilId,
      route,
      name: w.name,
      teamId: w.teamId,
      university,
      programme,
      cohort: "",
      startDate: start,
      endDate: end,
      cost: route === "apprentice" ? APPRENTICE_COST : route === "sponsored_masters" ? MASTERS_COST : null,
      commitmentMonths: sponsored ? 24 : null,
      repaymentTerms: sponsored ? "pro_rata" : "none",
      status: "qualified",
      qualifiedOn,
      staffRecordId: w.staffRecordId,
    });
  }

  // In training at the anchor: 7 apprentices (three intakes) and 1 sponsored master's student.
  const intakes = [
    [Number(yearStart.slice(0, 4)) - 2, 2],
    [Number(yearStart.slice(0, 4)) - 1, 3],
    [Number(yearStart.slice(0, 4)), 2],
  ] as const;
  for (const [year, count] of intakes)
    for (let i = 0; i < count; i++) {
      const start = `${year}-09-0${rnd.int(1, 8)}`;
      trainees.push({
        orgId: base.councilId,
        route: "apprentice",
        name: name(),
        teamId: anyTeam().id,
        university: PROGRAMME.apprentice[0],
        programme: PROGRAMME.apprentice[1],
        cohort: `${year} intake`,
        startDate: start,
        endDate: plus(start, 3 * 365 - 30),
        cost: APPRENTICE_COST,
        commitmentMonths: 24,
        repaymentTerms: "pro_rata",
        status: "in_training",
      });
    }
  const mastersStart = `${Number(yearStart.slice(0, 4)) - 1}-09-22`;
  trainees.push({
    orgId: base.councilId,
    route: "sponsored_masters",
    name: name(),
    teamId: (base.teams.find((t) => t.service === "children") ?? anyTeam()).id,
    university: PROGRAMME.sponsored_masters[0],
    programme: PROGRAMME.sponsored_masters[1],
    cohort: `${Number(yearStart.slice(0, 4)) - 1} intake`,
    startDate: mastersStart,
    endDate: plus(mastersStart, 2 * 365 - 60),
    cost: MASTERS_COST,
    commitmentMonths: 24,
    repaymentTerms: "pro_rata",
    status: "in_training",
  });

  // Withdrawals: an apprentice (repays the cost: no months served), a Step Up trainee, a student.
  const y0 = Number(yearStart.slice(0, 4));
  trainees.push({
    orgId: base.councilId,
    route: "apprentice",
    name: name(),
    teamId: anyTeam().id,
    university: PROGRAMME.apprentice[0],
    programme: PROGRAMME.apprentice[1],
    cohort: `${y0 - 3} intake`,
    startDate: `${y0 - 3}-09-04`,
    endDate: `${y0 - 2}-05-17`,
    cost: APPRENTICE_COST,
    commitmentMonths: 24,
    repaymentTerms: "pro_rata",
    status: "withdrawn",
  });
  trainees.push({
    orgId: base.councilId,
    route: "step_up",
    name: name(),
    teamId: (base.teams.find((t) => t.service === "children") ?? anyTeam()).id,
    university: PROGRAMME.step_up[0],
    programme: PROGRAMME.step_up[1],
    cohort: `${y0 - 2}`,
    startDate: `${y0 - 2}-01-08`,
    endDate: `${y0 - 2}-06-28`,
    status: "withdrawn",
  });
  placement({
    start: `${y0 - 1}-10-06`,
    end: `${y0 - 1}-11-14`,
    days: 70,
    status: "withdrawn",
    esg: false,
    paidAfter: rnd.int(10, 20),
  });

  // bulkInsert writes the columns the first row sets: every row sets them all.
  const full = (t: TraineeInsert): TraineeInsert => ({
    id: t.id ?? crypto.randomUUID(),
    orgId: t.orgId,
    route: t.route,
    name: t.name,
    teamId: t.teamId ?? null,
    university: t.university ?? "",
    programme: t.programme ?? "",
    cohort: t.cohort ?? "",
    startDate: t.startDate,
    endDate: t.endDate ?? null,
    placementDays: t.placementDays ?? null,
    skillsDays: t.skillsDays ?? null,
    practiceEducatorStaffId: t.practiceEducatorStaffId ?? null,
    esgClaimedOn: t.esgClaimedOn ?? null,
    esgAmount: t.esgAmount ?? null,
    cost: t.cost ?? null,
    commitmentMonths: t.commitmentMonths ?? null,
    repaymentTerms: t.repaymentTerms ?? "none",
    status: t.status ?? "in_training",
    qualifiedOn: t.qualifiedOn ?? null,
    staffRecordId: t.staffRecordId ?? null,
  });
  await bulkInsert(ctx.db, swTrainees, trainees.map(full));
  await bulkInsert(ctx.db, swPePayments, payments);
}
