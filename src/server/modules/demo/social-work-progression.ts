import { and, eq } from "drizzle-orm";
import type { SwService } from "../../../shared/social-work";
import { addDaysTo } from "../../../shared/sw-asye";
import { addMonths } from "../../../shared/sw-progression";
import type { Ctx } from "../../context";
import { bulkInsert } from "../../db/bulk";
import { swAsye, swDevelopmentReviews, swProgressionCases, swProgressionSteps } from "../../db/schema";
import { Random } from "./random";
import type { SwDemoBase, SwDemoWorker } from "./social-work-types";

// The demo's progression (issue 20 item 6; social-work.md §4's derived pattern): a scheme for each
// service, Grade 6 → 7 automatic on passing the ASYE, Grade 7 → 8 (senior) and 8 → 9 (advanced) by
// a progression panel after 24 months in grade. Cases: the automatic step approved for each ASYE
// passed; six panel cases decided over the last two years (four approved, for workers now at the
// "to" grade, one deferred, one declined); three being prepared; two submitted with a panel 2–5
// weeks after the anchor. Annual development reviews: about 85% of in-post workers had one in the
// last 12 months (those with a case before a panel marked ready), the rest are overdue; earlier
// reviews go back a year at a time to the start of the history.

const PANEL_CRITERIA = {
  senior: [
    "At least 24 months as a social worker (Grade 7) since the ASYE",
    "Meets the PCF experienced social worker level, shown in a reflective account",
    "Feedback from people who use services or their families",
    "Holds a full caseload including complex work, with reflective supervision",
  ],
  advanced: [
    "At least 24 months as a senior social worker (Grade 8)",
    "Meets the PCF advanced level, shown in a reflective account",
    "Completed 2 practice-teaching modules, or supervised 2 social work students",
    "Feedback from people who use services or their families",
  ],
};
const PANEL_EVIDENCE = {
  senior: [
    "Reflective account against the PCF experienced level",
    "Two pieces of service user feedback",
    "Line manager's supporting statement",
    "Case file audit of recent work",
  ],
  advanced: [
    "Reflective account against the PCF advanced level",
    "Practice educator award or two student placements' reports",
    "Service user feedback",
    "Service manager's supporting statement",
  ],
};
const FRAMEWORK: Record<SwService, [string, string, string, string]> = {
  children: ["cf_nqsw", "cf_social_worker", "cf_senior_practitioner", "cf_practice_supervisor"],
  adults: ["asye_social_worker", "social_worker", "experienced_social_worker", "consultant_social_worker"],
};

const OBJECTIVES = [
  "Complete the court skills course and present a final care plan with support.",
  "Build confidence in chairing strategy discussions; shadow a senior twice.",
  "Reflective account against the PCF for next year's progression panel.",
  "Keep caseload within the team's threshold; supervise a first-year student.",
  "Lead the team's learning session on contextual safeguarding.",
  "Complete the best interests assessor course and take first referrals.",
  "Improve timeliness of assessments: 90% within the timescale.",
  "Mentor a newly qualified colleague through their first six months.",
];
const TRAINING = [
  "Court skills",
  "Practice educator stage 1",
  "Practice educator stage 2",
  "Motivational interviewing",
  "Domestic abuse awareness",
  "Mental Capacity Act refresher",
  "Trauma-informed practice",
  "Leadership for seniors",
];

export async function seedSwProgression(ctx: Ctx, base: SwDemoBase): Promise<void> {
  const rnd = new Random(20_2606);
  const anchor = base.anchor;
  const orgId = base.councilId;

  // The scheme: three steps for each service.
  const steps = (["children", "adults"] as SwService[]).flatMap((service, s) => {
    const fw = FRAMEWORK[service];
    const label = service === "children" ? "children's" : "adults'";
    return [
      {
        id: crypto.randomUUID(),
        orgId,
        service,
        name: `Newly qualified to social worker (${label})`,
        fromGrade: "Grade 6",
        toGrade: "Grade 7",
        fromFrameworkRole: fw[0],
        toFrameworkRole: fw[1],
        criteria: ["ASYE passed", "Probation completed"],
        evidence: ["The ASYE's final assessment"],
        automatic: true,
        minMonthsInGrade: 12,
        position: s * 10 + 1,
      },
      {
        id: crypto.randomUUID(),
        orgId,
        service,
        name: `Social worker to senior social worker (${label})`,
        fromGrade: "Grade 7",
        toGrade: "Grade 8",
        fromFrameworkRole: fw[1],
        toFrameworkRole: fw[2],
        criteria: PANEL_CRITERIA.senior,
        evidence: PANEL_EVIDENCE.senior,
        automatic: false,
        minMonthsInGrade: 24,
        position: s * 10 + 2,
      },
      {
        id: crypto.randomUUID(),
        orgId,
        service,
        name: `Senior to advanced practitioner (${label})`,
        fromGrade: "Grade 8",
        toGrade: "Grade 9",
        fromFrameworkRole: fw[2],
        toFrameworkRole: fw[3],
        criteria: PANEL_CRITERIA.advanced,
        evidence: PANEL_EVIDENCE.advanced,
        automatic: false,
        minMonthsInGrade: 24,
        position: s * 10 + 3,
      },
    ];
  });
  await bulkInsert(ctx.db, swProgressionSteps, steps);
  const stepOf = (service: SwService, fromGrade: string) =>
    steps.find((s) => s.service === service && s.fromGrade === fromGrade) as (typeof steps)[number];

  const inPost = base.workers
    .filter((w) => w.startDate <= anchor && (w.endDate === null || w.endDate > anchor))
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.staffRecordId.localeCompare(b.staffRecordId));
  const cases: (typeof swProgressionCases.$inferInsert)[] = [];
  const caseRow = (w: SwDemoWorker, stepId: string, rest: Partial<typeof swProgressionCases.$inferInsert>) =>
    cases.push({
      id: crypto.randomUUID(),
      orgId,
      staffRecordId: w.staffRecordId,
      stepId,
      status: "preparing",
      evidenceNotes: "",
      panelDate: null,
      decidedOn: null,
      decisionNotes: "",
      ...rest,
    });

  // The automatic step, approved on the day each ASYE was passed.
  const passed = await ctx.db
    .select({ staffRecordId: swAsye.staffRecordId, outcomeOn: swAsye.outcomeOn, service: swAsye.service })
    .from(swAsye)
    .where(and(eq(swAsye.orgId, orgId), eq(swAsye.status, "passed")));
  for (const a of passed.sort((x, y) => x.staffRecordId.localeCompare(y.staffRecordId))) {
    const w = base.workers.find((x) => x.staffRecordId === a.staffRecordId);
    if (!w || !a.outcomeOn) continue;
    caseRow(w, stepOf(w.service, "Grade 6").id, {
      status: "approved",
      evidenceNotes: "ASYE passed at the final assessment.",
      decidedOn: a.outcomeOn,
      decisionNotes: "Automatic on passing the ASYE.",
    });
  }

  // Panel cases. Approved: workers now senior or advanced who held the grade below 24 months before.
  const used = new Set<string>();
  const take = (pool: SwDemoWorker[], n: number) => {
    const picked = rnd.shuffle(pool.filter((w) => !used.has(w.staffRecordId))).slice(0, n);
    for (const w of picked) used.add(w.staffRecordId);
    return picked;
  };
  // A case's worker has a review marking them ready: the latest (an open case) or the last before the decision.
  const readyOn = new Map<string, string>();
  const decidedOnOf = new Map<string, string>();
  const decidedDays = [680, 520, 400, 260, 150, 60];
  const approvedRoles = [
    "senior_social_worker",
    "senior_social_worker",
    "advanced_practitioner",
    "senior_social_worker",
  ] as const;
  approvedRoles.forEach((role, i) => {
    const decidedOn = addDaysTo(anchor, -decidedDays[i]);
    const [w] = take(
      inPost.filter((x) => x.role === role && addMonths(x.startDate, 24) <= decidedOn),
      1,
    );
    if (!w) return;
    const fromGrade = role === "senior_social_worker" ? "Grade 7" : "Grade 8";
    decidedOnOf.set(w.staffRecordId, decidedOn);
    caseRow(w, stepOf(w.service, fromGrade).id, {
      status: "approved",
      evidenceNotes: "Reflective account, two pieces of service user feedback and the manager's statement.",
      panelDate: decidedOn,
      decidedOn,
      decisionNotes: "The panel found the PCF level met across the domains; effective from the next pay date.",
    });
  });
  // Deferred and declined: social workers (Grade 7) still, with 24 months behind them.
  // (Not those who started newly qualified: their months in grade count from passing the ASYE.)
  const grade7 = inPost.filter(
    (x) => x.role === "social_worker" && !x.startedAsNqsw && addMonths(x.startDate, 30) <= anchor,
  );
  const outcomes = [
    {
      status: "deferred",
      days: decidedDays[4],
      notes: "More evidence of complex work is needed: resubmit with a second reflective account in six months.",
    },
    {
      status: "declined",
      days: decidedDays[5],
      notes: "Service user feedback was missing and the reflective account did not show the experienced level.",
    },
  ];
  for (const o of outcomes) {
    const [w] = take(grade7, 1);
    if (!w) continue;
    const decidedOn = addDaysTo(anchor, -o.days);
    decidedOnOf.set(w.staffRecordId, decidedOn);
    caseRow(w, stepOf(w.service, "Grade 7").id, {
      status: o.status,
      evidenceNotes: "Reflective account and the manager's statement.",
      panelDate: decidedOn,
      decidedOn,
      decisionNotes: o.notes,
    });
  }
  // Submitted (panel 2–5 weeks ahead): a social worker and a senior, eligible today.
  const submittedPools = [
    grade7,
    inPost.filter((x) => x.role === "senior_social_worker" && addMonths(x.startDate, 26) <= anchor),
  ];
  for (const pool of submittedPools) {
    const [w] = take(pool, 1);
    if (!w) continue;
    const fromGrade = w.role === "social_worker" ? "Grade 7" : "Grade 8";
    readyOn.set(w.staffRecordId, addDaysTo(anchor, -rnd.int(30, 120)));
    caseRow(w, stepOf(w.service, fromGrade).id, {
      status: "submitted",
      evidenceNotes: "Reflective account, service user feedback and the manager's statement attached.",
      panelDate: addDaysTo(anchor, rnd.int(14, 35)),
    });
  }
  // Preparing: three social workers nearing or past 24 months in grade.
  for (const w of take(
    inPost.filter((x) => x.role === "social_worker" && addMonths(x.startDate, 20) <= anchor),
    3,
  )) {
    readyOn.set(w.staffRecordId, addDaysTo(anchor, -rnd.int(20, 200)));
    caseRow(w, stepOf(w.service, "Grade 7").id, {
      status: "preparing",
      evidenceNotes: "Reflective account in draft; service user feedback being gathered.",
    });
  }
  await bulkInsert(ctx.db, swProgressionCases, cases);

  // Development reviews: the reviewer is the team manager (a manager's own review, a service manager's).
  const reviewerFor = (w: SwDemoWorker, on: string) => {
    const live = (x: SwDemoWorker) =>
      x.staffRecordId !== w.staffRecordId && x.startDate <= on && (x.endDate === null || x.endDate >= on);
    const tm = base.workers.find((x) => x.teamKey === w.teamKey && x.role === "team_manager" && live(x));
    if (tm && w.role !== "team_manager") return tm.staffRecordId;
    return base.workers.find((x) => x.service === w.service && x.role === "service_manager" && live(x))?.staffRecordId;
  };
  const reviews: (typeof swDevelopmentReviews.$inferInsert)[] = [];
  const review = (w: SwDemoWorker, heldOn: string, ready: boolean) =>
    reviews.push({
      id: crypto.randomUUID(),
      orgId,
      staffRecordId: w.staffRecordId,
      heldOn,
      reviewerStaffId: reviewerFor(w, heldOn) ?? null,
      objectives: rnd.pick(OBJECTIVES),
      trainingNeeds: rnd.shuffle([...TRAINING]).slice(0, rnd.int(0, 2)),
      readyForProgression: ready,
    });
  const workers = base.workers
    .filter((w) => w.startDate <= anchor)
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.staffRecordId.localeCompare(b.staffRecordId));
  for (const w of workers) {
    const stillIn = w.endDate === null || w.endDate > anchor;
    const lastDay = stillIn ? addDaysTo(anchor, -1) : (w.endDate as string);
    const ready = readyOn.get(w.staffRecordId);
    const decided = decidedOnOf.get(w.staffRecordId);
    let readyBeforeDecision = decided !== undefined;
    // The latest review: within the last 12 months for about 85% (always for a case's worker), else 12–16 months ago.
    let latest: string;
    if (ready) latest = ready;
    else if (stillIn && rnd.chance(0.15)) latest = addDaysTo(anchor, -rnd.int(370, 480));
    else latest = addDaysTo(lastDay, -rnd.int(5, 330));
    // A worker of three months or more has had their first review (after probation) at least.
    const firstDue = addDaysTo(w.startDate, 90);
    if (latest < firstDue && firstDue <= lastDay) latest = firstDue;
    // None in the first three months in post: a new starter's first review follows probation.
    let heldOn = latest;
    let first = true;
    while (heldOn >= addDaysTo(w.startDate, 90) && heldOn >= base.historyStart) {
      // Ready: a case's worker; otherwise now and then for a Grade 7 or 8 with two years in.
      const longIn = addMonths(w.startDate, 24) <= heldOn;
      let isReady =
        (first && ready !== undefined) ||
        (first && longIn && ["social_worker", "senior_social_worker"].includes(w.role) && rnd.chance(0.2));
      if (readyBeforeDecision && decided !== undefined && heldOn < decided) {
        isReady = true;
        readyBeforeDecision = false;
      }
      review(w, heldOn, isReady);
      first = false;
      heldOn = addDaysTo(heldOn, -rnd.int(350, 380));
    }
  }
  await bulkInsert(ctx.db, swDevelopmentReviews, reviews);
}
