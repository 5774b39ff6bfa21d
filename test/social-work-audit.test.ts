import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  swAgencyAssignments,
  swAgencyPriceCaps,
  swAsye,
  swAsyeReviews,
  swPePayments,
  swProgressionCases,
  swProgressionSteps,
  swSupervisions,
  swTeams,
  swTrainees,
} from "../src/server/db/schema";
import { Client, signedIn, testHub } from "./harness";
import { socialWorkArea } from "./social-work-fixtures";

// Every write of the social work service (issue 20) leaves an audit row, as every write in the hub
// does. The walk takes the router's own table: a new write route without a step here fails the
// first test, and each step below must answer 2xx and add to the council's audit log.
// The test clock is 2026-06-15.

const hub = await testHub();
const area = await socialWorkArea(hub);
const db = hub.deps.db;
const org = area.council.id;
const base = `/api/orgs/${org}/social-work`;
const { childrenA } = area.teams;
const lead = await signedIn(hub, area.lead.email);
const worker = await area.addWorker({ team: childrenA, name: "Walter Walk" });
const nqsw = await area.addWorker({
  team: childrenA,
  name: "Nia Newly",
  role: "asye_social_worker",
  startDate: "2026-01-05",
});
const educator = await area.addWorker({ team: childrenA, name: "Pat Educator", peStage: 2 });
const leaver = await area.addWorker({ team: childrenA, name: "Lee Leaver" });

const audits = async () => (await db.select({ n: count() }).from(auditLog).where(eq(auditLog.orgId, org)))[0].n;
const idOf = async <T extends { id: string }>(rows: Promise<T[]>) => {
  const [row] = await rows;
  if (!row) throw new Error("the step's record was not made");
  return row.id;
};
const tokenOf = (link: string) => link.split("/exit-interview/")[1];

type Step = [route: string, run: () => Promise<{ status: number; text: string }>];
// In order: later steps use what earlier ones made.
const ids: Record<string, string> = {};
let link = "";
const STEPS: Step[] = [
  [
    "post /api/orgs/:orgId/social-work/teams",
    () => lead.post(`${base}/teams`, { name: "Walk team", service: "adults" }),
  ],
  [
    "put /api/orgs/:orgId/social-work/teams/:teamId",
    async () => {
      ids.team = await idOf(db.select().from(swTeams).where(eq(swTeams.name, "Walk team")));
      return lead.request("PUT", `${base}/teams/${ids.team}`, { name: "Walk team renamed", service: "adults" });
    },
  ],
  [
    "put /api/orgs/:orgId/social-work/teams/:teamId/establishment",
    () =>
      lead.request("PUT", `${base}/teams/${childrenA.id}/establishment`, {
        role: "social_worker",
        fundedFte: 3,
        effectiveFrom: "2026-04-01",
      }),
  ],
  ["post /api/orgs/:orgId/social-work/teams/:teamId/archive", () => lead.post(`${base}/teams/${ids.team}/archive`)],
  [
    "post /api/orgs/:orgId/social-work/workers",
    () =>
      lead.post(`${base}/workers`, {
        name: "Walk Starter",
        teamId: childrenA.id,
        role: "social_worker",
        startDate: "2026-01-05",
        contractedHours: 37,
      }),
  ],
  [
    "patch /api/orgs/:orgId/social-work/workers/:staffId",
    () => lead.patch(`${base}/workers/${worker.id}`, { grade: "Grade 8" }),
  ],
  [
    "put /api/orgs/:orgId/social-work/settings",
    () =>
      lead.request("PUT", `${base}/settings`, {
        caseloadThresholdAdults: 20,
        caseloadThresholdChildren: 18,
        asyeProtectionShare: 0.8,
        pePaymentPerStudent: 500,
        esgDailyRate: 20,
        esgSkillsDayRate: 10,
      }),
  ],
  [
    "post /api/orgs/:orgId/social-work/supervisions",
    () => lead.post(`${base}/supervisions`, { staffRecordId: worker.id, heldOn: "2026-06-01", type: "reflective" }),
  ],
  [
    "patch /api/orgs/:orgId/social-work/supervisions/:id",
    async () => {
      ids.supervision = await idOf(db.select().from(swSupervisions).where(eq(swSupervisions.staffRecordId, worker.id)));
      return lead.patch(`${base}/supervisions/${ids.supervision}`, { minutes: 60 });
    },
  ],
  [
    "delete /api/orgs/:orgId/social-work/supervisions/:id",
    () => lead.delete(`${base}/supervisions/${ids.supervision}`),
  ],
  [
    "put /api/orgs/:orgId/social-work/supervision-standards",
    () =>
      lead.request("PUT", `${base}/supervision-standards`, {
        standards: [{ appliesTo: "all", every: 1, unit: "month", minMinutes: 90 }],
      }),
  ],
  [
    "put /api/orgs/:orgId/social-work/teams/:teamId/caseloads/:month",
    () =>
      lead.request("PUT", `${base}/teams/${childrenA.id}/caseloads/2026-05`, {
        entries: [{ staffRecordId: worker.id, openCases: 12, byType: {} }],
      }),
  ],
  [
    "post /api/orgs/:orgId/social-work/asye",
    () => lead.post(`${base}/asye`, { staffRecordId: nqsw.id, startDate: "2026-01-05", protectedCaseloadTarget: 12 }),
  ],
  [
    "put /api/orgs/:orgId/social-work/asye/:asyeId",
    async () => {
      ids.asye = await idOf(db.select().from(swAsye).where(eq(swAsye.staffRecordId, nqsw.id)));
      return lead.request("PUT", `${base}/asye/${ids.asye}`, { startDate: "2026-01-06" });
    },
  ],
  [
    "post /api/orgs/:orgId/social-work/asye/:asyeId/reviews",
    () =>
      lead.post(`${base}/asye/${ids.asye}/reviews`, {
        stage: "3_month",
        heldOn: "2026-04-06",
        progress: "on_track",
      }),
  ],
  [
    "put /api/orgs/:orgId/social-work/asye/:asyeId/reviews/:reviewId",
    async () => {
      ids.review = await idOf(db.select().from(swAsyeReviews).where(eq(swAsyeReviews.asyeId, ids.asye)));
      return lead.request("PUT", `${base}/asye/${ids.asye}/reviews/${ids.review}`, {
        heldOn: "2026-04-07",
        progress: "on_track",
      });
    },
  ],
  [
    // The latest review may be withdrawn (recorded in error).
    "delete /api/orgs/:orgId/social-work/asye/:asyeId/reviews/:reviewId",
    () => lead.delete(`${base}/asye/${ids.asye}/reviews/${ids.review}`),
  ],
  [
    "post /api/orgs/:orgId/social-work/asye/:asyeId/withdraw",
    () => lead.post(`${base}/asye/${ids.asye}/withdraw`, { withdrawnOn: "2026-05-01" }),
  ],
  [
    "post /api/orgs/:orgId/social-work/progression/steps",
    () =>
      lead.post(`${base}/progression/steps`, {
        service: null,
        name: "Walk step",
        fromGrade: "Grade 7",
        toGrade: "Grade 8",
        automatic: false,
        minMonthsInGrade: 24,
      }),
  ],
  [
    "put /api/orgs/:orgId/social-work/progression/steps/:stepId",
    async () => {
      ids.step = await idOf(db.select().from(swProgressionSteps).where(eq(swProgressionSteps.name, "Walk step")));
      return lead.request("PUT", `${base}/progression/steps/${ids.step}`, {
        service: null,
        name: "Walk step",
        fromGrade: "Grade 7",
        toGrade: "Grade 8",
        automatic: false,
        minMonthsInGrade: 12,
      });
    },
  ],
  [
    "post /api/orgs/:orgId/social-work/progression/cases",
    () => lead.post(`${base}/progression/cases`, { staffRecordId: worker.id, stepId: ids.step }),
  ],
  [
    "patch /api/orgs/:orgId/social-work/progression/cases/:caseId",
    async () => {
      ids.case = await idOf(db.select().from(swProgressionCases).where(eq(swProgressionCases.stepId, ids.step)));
      return lead.patch(`${base}/progression/cases/${ids.case}`, { panelDate: "2026-07-01" });
    },
  ],
  [
    "post /api/orgs/:orgId/social-work/progression/cases/:caseId/submit",
    () => lead.post(`${base}/progression/cases/${ids.case}/submit`),
  ],
  [
    "post /api/orgs/:orgId/social-work/progression/cases/:caseId/decision",
    () =>
      lead.post(`${base}/progression/cases/${ids.case}/decision`, {
        decision: "deferred",
        decidedOn: "2026-06-10",
        notes: "",
      }),
  ],
  [
    "post /api/orgs/:orgId/social-work/progression/steps/:stepId/archive",
    () => lead.post(`${base}/progression/steps/${ids.step}/archive`),
  ],
  [
    "post /api/orgs/:orgId/social-work/progression/steps/:stepId/restore",
    () => lead.post(`${base}/progression/steps/${ids.step}/restore`),
  ],
  [
    "post /api/orgs/:orgId/social-work/workers/:staffId/development-reviews",
    () => lead.post(`${base}/workers/${worker.id}/development-reviews`, { heldOn: "2026-06-01" }),
  ],
  [
    "post /api/orgs/:orgId/social-work/trainees",
    () =>
      lead.post(`${base}/trainees`, {
        route: "placement",
        name: "Walk Student",
        startDate: "2026-01-05",
        endDate: "2026-05-29",
        placementDays: 100,
        practiceEducatorStaffId: educator.id,
      }),
  ],
  [
    "put /api/orgs/:orgId/social-work/trainees/:traineeId",
    async () => {
      ids.trainee = await idOf(db.select().from(swTrainees).where(eq(swTrainees.name, "Walk Student")));
      return lead.request("PUT", `${base}/trainees/${ids.trainee}`, {
        route: "placement",
        name: "Walk Student",
        startDate: "2026-01-05",
        endDate: "2026-05-29",
        placementDays: 70,
        practiceEducatorStaffId: educator.id,
      });
    },
  ],
  [
    "post /api/orgs/:orgId/social-work/pe-payments/:paymentId/paid",
    async () => {
      ids.payment = await idOf(db.select().from(swPePayments).where(eq(swPePayments.traineeId, ids.trainee)));
      return lead.post(`${base}/pe-payments/${ids.payment}/paid`, { paidOn: "2026-06-01" });
    },
  ],
  [
    "post /api/orgs/:orgId/social-work/trainees/:traineeId/outcome",
    () => lead.post(`${base}/trainees/${ids.trainee}/outcome`, { outcome: "withdrawn", on: "2026-03-01" }),
  ],
  [
    "post /api/orgs/:orgId/social-work/agency/assignments",
    () =>
      lead.post(`${base}/agency/assignments`, {
        teamId: childrenA.id,
        role: "social_worker",
        workerName: "Walk Agency",
        agencyName: "Walk Agency Ltd",
        startDate: "2026-01-05",
        hourlyRate: 40,
        referenceReceived: true, // within the DfE agency rules: a breaking one needs acknowledgedFlags
      }),
  ],
  [
    "put /api/orgs/:orgId/social-work/agency/assignments/:assignmentId",
    async () => {
      ids.assignment = await idOf(db.select().from(swAgencyAssignments).where(eq(swAgencyAssignments.orgId, org)));
      return lead.request("PUT", `${base}/agency/assignments/${ids.assignment}`, {
        teamId: childrenA.id,
        role: "social_worker",
        workerName: "Walk Agency",
        agencyName: "Walk Agency Ltd",
        startDate: "2026-01-05",
        hourlyRate: 42,
        referenceReceived: true, // within the DfE agency rules: a breaking one needs acknowledgedFlags
      });
    },
  ],
  [
    "post /api/orgs/:orgId/social-work/agency/assignments/:assignmentId/end",
    () => lead.post(`${base}/agency/assignments/${ids.assignment}/end`, { endDate: "2026-06-01" }),
  ],
  [
    "put /api/orgs/:orgId/social-work/agency/price-caps",
    () =>
      lead.request("PUT", `${base}/agency/price-caps`, {
        roleType: "social_worker",
        hourlyCap: 40,
        fromDate: "2025-10-01",
      }),
  ],
  [
    "delete /api/orgs/:orgId/social-work/agency/price-caps/:capId",
    async () => {
      ids.cap = await idOf(db.select().from(swAgencyPriceCaps).where(eq(swAgencyPriceCaps.orgId, org)));
      return lead.delete(`${base}/agency/price-caps/${ids.cap}`);
    },
  ],
  [
    "post /api/orgs/:orgId/social-work/workers/:staffId/leave",
    () => lead.post(`${base}/workers/${leaver.id}/leave`, { leavingDate: "2026-06-01", reason: 1 }),
  ],
  [
    "post /api/orgs/:orgId/exit-interviews",
    async () => {
      const res = await lead.post(`/api/orgs/${org}/exit-interviews`, { staffRecordId: leaver.id });
      link = res.json?.link ?? "";
      return res;
    },
  ],
  [
    "post /api/exit-interviews/:token",
    () =>
      new Client(hub).post(`/api/exit-interviews/${tokenOf(link)}`, {
        reasons: ["caseload"],
        mainReason: "caseload",
        wouldReturn: "maybe",
        wouldRecommend: "no",
      }),
  ],
  [
    "post /api/orgs/:orgId/exit-interviews/recent",
    async () => {
      await area.addWorker({ team: childrenA, name: "Recent Leaver", endDate: "2026-06-05", leavingReason: 1 });
      const res = await lead.post(`/api/orgs/${org}/exit-interviews/recent`);
      link = res.json?.offers?.[0]?.link ?? "";
      return res;
    },
  ],
  [
    "post /api/exit-interviews/:token/decline",
    () => new Client(hub).post(`/api/exit-interviews/${tokenOf(link)}/decline`),
  ],
];

const writes = hub.router.specs
  .filter((s) => s.method !== "get" && /\/social-work\/|\/exit-interviews/.test(s.path))
  .map((s) => `${s.method} ${s.path}`)
  .sort();

describe("every social work write is audited", () => {
  it("has a step for every write route in the router's table", () => {
    expect(writes.length).toBeGreaterThan(30);
    const stepped = STEPS.map(([route]) => route);
    expect(writes.filter((w) => !stepped.includes(w))).toEqual([]);
    expect(stepped.filter((s) => !writes.includes(s))).toEqual([]);
  });

  it("each write answers 2xx and adds to the council's audit log", async () => {
    for (const [route, run] of STEPS) {
      const before = await audits();
      const res = await run();
      expect(res.status, `${route}: ${res.text.slice(0, 300)}`).toBeGreaterThanOrEqual(200);
      expect(res.status, `${route}: ${res.text.slice(0, 300)}`).toBeLessThan(300);
      expect(await audits(), `${route} left no audit row`).toBeGreaterThan(before);
    }
  }, 120_000);
});
