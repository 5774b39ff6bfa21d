import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  swAgencyAssignments,
  swAsye,
  swAsyeReviews,
  swCaseloads,
  swDevelopmentReviews,
  swProgressionCases,
  swProgressionSteps,
  swStaff,
  swSupervisions,
  swTrainees,
} from "../src/server/db/schema";
import { makeUser, signedIn, testHub } from "./harness";
import { socialWorkArea } from "./social-work-fixtures";

// The social work service (issue 20) attacked as a nosy team manager, a figures-only analyst,
// another council and a worker would: ids of other teams and other councils in URLs and bodies,
// option lists, figures downloads, the audit trail. Each refusal proven, nothing written.
// Team manager `manager` manages children's team A only. The test clock is 2026-06-15.

const hub = await testHub();
const area = await socialWorkArea(hub);
const db = hub.deps.db;
const base = `/api/orgs/${area.council.id}/social-work`;
const { childrenA, childrenB, adults } = area.teams;

const inA = await area.addWorker({ team: childrenA, name: "Alice Ateam" });
const inB = await area.addWorker({ team: childrenB, name: "Bob Bteam" });
await area.addWorker({ team: childrenB, name: "Sam Senior", role: "senior_social_worker" });
await area.addWorker({ team: childrenB, name: "Petra Educator", peStage: 2 });
const otherWorker = await area.addWorker(
  { team: area.other.team, name: "Olga Elsewhere", peStage: 2 },
  area.other.council.id,
);
const staffUser = await makeUser(hub, area.council, "staff_member");
const ownA = await area.addWorker({ team: childrenA, name: "Own Worker", userId: staffUser.id });

const lead = await signedIn(hub, area.lead.email);
const manager = await signedIn(hub, area.manager.email);
const analyst = await signedIn(hub, area.analyst.email);

const countWhere = async <T>(rows: Promise<T[]>) => (await rows).length;

describe("a team manager reaching into a team they do not manage", () => {
  it("cannot record a supervision for another team's worker: 404, nothing saved, no name in the answer", async () => {
    const res = await manager.post(`${base}/supervisions`, {
      staffRecordId: inB.id,
      heldOn: "2026-06-01",
      type: "reflective",
    });
    expect(res.status).toBe(404);
    expect(res.text).not.toContain("Bob Bteam");
    expect(await countWhere(db.select().from(swSupervisions).where(eq(swSupervisions.staffRecordId, inB.id)))).toBe(0);
    expect((await manager.get(`${base}/workers/${inB.id}/supervision`)).status).toBe(404);
    expect((await manager.get(`${base}/workers/${inB.id}/caseloads`)).status).toBe(404);
  });

  it("cannot change or delete a supervision of another team's worker by its id", async () => {
    const made = await lead.post(`${base}/supervisions`, { staffRecordId: inB.id, heldOn: "2026-05-01", type: "case" });
    expect(made.status).toBe(201);
    const id = made.json.supervision?.id ?? made.json.id;
    expect(id).toBeTruthy();
    expect((await manager.patch(`${base}/supervisions/${id}`, { minutes: 5 })).status).toBe(404);
    expect((await manager.delete(`${base}/supervisions/${id}`)).status).toBe(404);
    const [row] = await db.select().from(swSupervisions).where(eq(swSupervisions.id, id));
    expect(row).toMatchObject({ heldOn: "2026-05-01", minutes: null });
  });

  it("cannot name a supervisor from another council, nor supervise someone with themselves", async () => {
    const res = await manager.post(`${base}/supervisions`, {
      staffRecordId: inA.id,
      heldOn: "2026-06-01",
      type: "reflective",
      supervisorStaffId: otherWorker.id,
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("unknown_supervisor");
    expect(res.text).not.toContain("Olga");
    const self = await manager.post(`${base}/supervisions`, {
      staffRecordId: inA.id,
      heldOn: "2026-06-01",
      type: "reflective",
      supervisorStaffId: inA.id,
    });
    expect(self.status).toBe(400);
    expect(self.json.error.code).toBe("own_supervisor");
    expect(await countWhere(db.select().from(swSupervisions).where(eq(swSupervisions.staffRecordId, inA.id)))).toBe(0);
  });

  it("sees only their teams' names in the supervision page's worker and supervisor choices", async () => {
    const res = await manager.get(`${base}/supervision`);
    expect(res.status).toBe(200);
    const names = (res.json.workers as { name: string }[]).map((w) => w.name);
    expect(names).toContain("Alice Ateam");
    expect(names).not.toContain("Bob Bteam");
    expect(JSON.stringify(res.json.overdue)).not.toContain("Bob Bteam");
    // Supervisor choices: their own team plus senior roles, never another team's social workers.
    const supervisors = (res.json.supervisors as { name: string }[]).map((s) => s.name);
    expect(supervisors).toContain("Sam Senior");
    expect(supervisors).not.toContain("Bob Bteam");
    expect(supervisors).not.toContain("Petra Educator");
    expect(supervisors).not.toContain("Olga Elsewhere");
  });

  it("cannot enter another team's month, nor smuggle another team's worker into their own team's month", async () => {
    const body = { entries: [{ staffRecordId: inB.id, openCases: 99, byType: {} }] };
    expect((await manager.request("PUT", `${base}/teams/${childrenB.id}/caseloads/2026-06`, body)).status).toBe(404);
    const smuggled = await manager.request("PUT", `${base}/teams/${childrenA.id}/caseloads/2026-06`, {
      entries: [
        { staffRecordId: inA.id, openCases: 10, byType: {} },
        { staffRecordId: inB.id, openCases: 99, byType: {} },
      ],
    });
    expect(smuggled.status).toBe(400);
    expect(smuggled.text).not.toContain("Bob Bteam");
    // All or nothing: not even the right worker's row was written.
    expect(await countWhere(db.select().from(swCaseloads).where(eq(swCaseloads.orgId, area.council.id)))).toBe(0);
    const teams = (await manager.get(`${base}/caseloads?month=2026-06`)).json.teams as { teamId: string }[];
    expect(teams.every((t) => t.teamId === childrenA.id)).toBe(true);
    expect((await manager.get(`${base}/teams/${childrenB.id}/caseloads?month=2026-06`)).status).toBe(404);
  });

  it("cannot record an ASYE review for another team's worker by the ASYE's id", async () => {
    const [asye] = await db
      .insert(swAsye)
      .values({ orgId: area.council.id, staffRecordId: inB.id, service: "children", startDate: "2026-01-05" })
      .returning();
    const res = await manager.post(`${base}/asye/${asye.id}/reviews`, {
      stage: "three_month",
      heldOn: "2026-04-05",
      progress: "on_track",
    });
    expect([400, 404]).toContain(res.status);
    expect((await manager.get(`${base}/asye/${asye.id}`)).status).toBe(404);
    expect((await manager.get(`${base}/workers/${inB.id}/asye`)).status).toBe(404);
    expect(await countWhere(db.select().from(swAsyeReviews).where(eq(swAsyeReviews.asyeId, asye.id)))).toBe(0);
    const list = await manager.get(`${base}/asye?show=all`);
    expect(list.text).not.toContain(asye.id);
    expect((await manager.get(`${base}/asye?teamId=${childrenB.id}`)).status).toBe(404);
  });

  it("cannot open a progression case or record a development review for another team's worker", async () => {
    const [step] = await db
      .insert(swProgressionSteps)
      .values({ orgId: area.council.id, name: "SW to senior", fromGrade: "Grade 8", toGrade: "Grade 9" })
      .returning();
    const open = await manager.post(`${base}/progression/cases`, { staffRecordId: inB.id, stepId: step.id });
    expect(open.status).toBe(404);
    const review = await manager.post(`${base}/workers/${inB.id}/development-reviews`, {
      heldOn: "2026-06-01",
      objectives: "Nosy",
    });
    expect(review.status).toBe(404);
    expect((await manager.get(`${base}/workers/${inB.id}/progression`)).status).toBe(404);
    expect(
      await countWhere(db.select().from(swProgressionCases).where(eq(swProgressionCases.staffRecordId, inB.id))),
    ).toBe(0);
    expect(
      await countWhere(db.select().from(swDevelopmentReviews).where(eq(swDevelopmentReviews.staffRecordId, inB.id))),
    ).toBe(0);
    // Their own worker works, so the refusal above is about the team.
    const mine = await manager.post(`${base}/workers/${inA.id}/development-reviews`, { heldOn: "2026-06-01" });
    expect(mine.status).toBe(201);
  });

  it("sees no other team's worker in the workers list, even asking for that team", async () => {
    const all = await manager.get(`${base}/workers`);
    expect(all.status).toBe(200);
    expect(all.text).toContain("Alice Ateam");
    expect(all.text).not.toContain("Bob Bteam");
    const asked = await manager.get(`${base}/workers?teamId=${childrenB.id}`);
    expect(asked.text).not.toContain("Bob Bteam");
    expect((await manager.get(`${base}/workers/${inB.id}`)).status).toBe(404);
    expect((await manager.get(`${base}/teams/${childrenB.id}`)).status).toBe(404);
    const teams = await manager.get(`${base}/teams`);
    expect((teams.json.teams as { id: string }[]).map((t) => t.id)).toEqual([childrenA.id]);
    expect(teams.json.managerOptions).toEqual([]);
  });

  it("gets 403 on the lead's option lists (every worker's and practice educator's name)", async () => {
    for (const p of ["/asye-options", "/trainee-options"]) {
      const res = await manager.get(`${base}${p}`);
      expect(res.status, p).toBe(403);
      expect(res.text).not.toContain("Bob Bteam");
    }
  });
});

describe("ids of another council in the service lead's bodies", () => {
  it("are refused for an ASYE assessor, a trainee's practice educator and team, an agency team, a progression step", async () => {
    const asye = await lead.post(`${base}/asye`, {
      staffRecordId: inA.id,
      startDate: "2026-01-05",
      assessorStaffId: otherWorker.id,
    });
    expect(asye.status).toBe(400);
    expect(asye.text).not.toContain("Olga");
    expect(await countWhere(db.select().from(swAsye).where(eq(swAsye.staffRecordId, inA.id)))).toBe(0);

    const trainee = {
      route: "placement",
      name: "Student Smith",
      startDate: "2026-01-05",
      endDate: "2026-05-01",
      placementDays: 70,
    };
    const pe = await lead.post(`${base}/trainees`, { ...trainee, practiceEducatorStaffId: otherWorker.id });
    expect(pe.status).toBe(400);
    const team = await lead.post(`${base}/trainees`, { ...trainee, teamId: area.other.team.id });
    expect(team.status).toBe(400);
    expect(await countWhere(db.select().from(swTrainees).where(eq(swTrainees.orgId, area.council.id)))).toBe(0);

    const agency = await lead.post(`${base}/agency/assignments`, {
      teamId: area.other.team.id,
      role: "social_worker",
      workerName: "Locum",
      agencyName: "Locums Ltd",
      startDate: "2026-01-05",
      hourlyRate: 38,
    });
    expect(agency.status).toBe(400);
    expect(
      await countWhere(db.select().from(swAgencyAssignments).where(eq(swAgencyAssignments.orgId, area.council.id))),
    ).toBe(0);

    const [foreignStep] = await db
      .insert(swProgressionSteps)
      .values({ orgId: area.other.council.id, name: "Theirs", fromGrade: "A", toGrade: "B" })
      .returning();
    const open = await lead.post(`${base}/progression/cases`, { staffRecordId: inA.id, stepId: foreignStep.id });
    expect(open.status).toBe(400);
    expect(
      await countWhere(db.select().from(swProgressionCases).where(eq(swProgressionCases.stepId, foreignStep.id))),
    ).toBe(0);
  });

  it("are refused for a development review's reviewer, and nothing is saved", async () => {
    const res = await lead.post(`${base}/workers/${inB.id}/development-reviews`, {
      heldOn: "2026-06-01",
      reviewerStaffId: otherWorker.id,
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("invalid_reviewer");
    expect(res.text).not.toContain("Olga");
    expect(
      await countWhere(db.select().from(swDevelopmentReviews).where(eq(swDevelopmentReviews.staffRecordId, inB.id))),
    ).toBe(0);
  });

  it("another council's worker in a URL is 404 to this council's lead, and this council is 404 to theirs", async () => {
    expect((await lead.get(`${base}/workers/${otherWorker.id}`)).status).toBe(404);
    expect((await lead.get(`${base}/workers/${otherWorker.id}/supervision`)).status).toBe(404);
    const otherLead = await signedIn(hub, area.other.lead.email);
    expect((await otherLead.get(`${base}/workers`)).status).toBe(404);
    expect((await otherLead.get(`${base}/workers/${inA.id}`)).status).toBe(404);
  });
});

describe("figures-only readers (council analyst)", () => {
  it("get 403 on every individual record, 200 on the aggregates with no names", async () => {
    for (const p of [
      "/workers",
      `/workers/${inA.id}`,
      "/supervision",
      "/caseloads",
      "/asye",
      "/trainees",
      "/progression/cases",
      "/agency/assignments",
    ]) {
      const res = await analyst.get(`${base}${p}`);
      expect(res.status, p).toBe(403);
      expect(res.text).not.toContain("Alice Ateam");
    }
    expect((await analyst.get(`${base}/starters-leavers?by=team`)).status).toBe(403);
    for (const p of ["/overview", "/figures", "/figures/series?months=12", "/figures/series.csv?months=12"]) {
      const res = await analyst.get(`${base}${p}`);
      expect(res.status, p).toBe(200);
      for (const name of ["Alice Ateam", "Bob Bteam", "Own Worker"]) expect(res.text, p).not.toContain(name);
    }
  });

  it("cannot read one agency worker's pay from the agency spend by month", async () => {
    // One agency worker in adults' services: their pay is the whole month's cost.
    const made = await lead.post(`${base}/agency/assignments`, {
      teamId: adults.id,
      role: "social_worker",
      workerName: "Lone Locum",
      agencyName: "Locums Ltd",
      startDate: "2026-03-02",
      hourlyRate: 41,
      weeklyHours: 37,
    });
    expect(made.status).toBe(201);
    const forLead = (await lead.get(`${base}/agency/spend`)).json;
    expect(forLead.byMonth.find((m: { month: string }) => m.month === "2026-04").adults).toBeGreaterThan(0);
    const res = await analyst.get(`${base}/agency/spend`);
    expect(res.status).toBe(200);
    const april = res.json.byMonth.find((m: { month: string }) => m.month === "2026-04");
    // Withheld (null), and the total it could be worked out from with it; the lead still sees it.
    expect(april).toMatchObject({ adults: null, total: null });
    expect(res.json.byService.find((l: { key: string }) => l.key === "adults")).toMatchObject({ last: null });
    expect(res.json.last.total).toBeNull();
    expect(res.text).not.toContain(
      String(forLead.byMonth.find((m: { month: string }) => m.month === "2026-04").adults),
    );
    // The same rule as the monthly view: a cost behind fewer than 3 agency workers is withheld.
    const view = await analyst.get(`${base}/starters-leavers?months=6&to=2026-05`);
    const aprilRow = view.json.rows.find(
      (r: { month: string; group: string }) => r.month === "2026-04" && r.group === "adults",
    );
    expect(aprilRow.agencyCost).toBeNull();
  });
});

describe("a team manager and the agency figures of teams they do not manage", () => {
  it("cannot read a lone agency worker's pay in another team from the service's spend or monthly view", async () => {
    // The lone adults' agency worker from the analyst's test above is in a team the manager does not manage.
    const spend = await manager.get(`${base}/agency/spend`);
    expect(spend.status).toBe(200);
    expect(spend.json.byMonth.find((m: { month: string }) => m.month === "2026-04")).toMatchObject({
      adults: null,
      total: null,
    });
    expect(spend.json.byService.find((l: { key: string }) => l.key === "adults")).toMatchObject({ last: null });
    expect((spend.json.byTeam as { key: string }[]).map((t) => t.key)).toEqual([childrenA.id]);
    const view = await manager.get(`${base}/starters-leavers?months=6&to=2026-05`);
    const april = view.json.rows.find(
      (r: { month: string; group: string }) => r.month === "2026-04" && r.group === "adults",
    );
    expect(april.agencyCost).toBeNull();
    // The lead, who sees every assignment, still reads it.
    const forLead = await lead.get(`${base}/starters-leavers?months=6&to=2026-05`);
    const leadApril = forLead.json.rows.find(
      (r: { month: string; group: string }) => r.month === "2026-04" && r.group === "adults",
    );
    expect(leadApril.agencyCost).toBeGreaterThan(0);
  });
});

describe("a worker through their personal account", () => {
  it("sees their own supervision and nothing of the service's records", async () => {
    const me = await signedIn(hub, staffUser.email);
    const mine = await me.get("/api/me/social-work/supervision");
    expect(mine.status).toBe(200);
    expect(mine.text).not.toContain("Alice Ateam");
    expect((await me.get(`${base}/workers/${inA.id}`)).status).toBe(403);
    expect((await me.get(`${base}/workers/${ownA.id}`)).status).toBe(403);
    expect((await me.get(`${base}/supervision`)).status).toBe(403);
  });
});

describe("the audit trail", () => {
  it("keeps no SWE number, date of birth or free-text notes", async () => {
    const added = await lead.post(`${base}/workers`, {
      teamId: childrenA.id,
      name: "New Starter",
      role: "social_worker",
      startDate: "2026-06-01",
      contractedHours: 37,
      dateOfBirth: "1988-02-29",
      sweNumber: "SW987654",
    });
    expect(added.status).toBe(201);
    const id = added.json.worker?.staffRecordId ?? added.json.worker?.id ?? added.json.staffRecordId ?? added.json.id;
    expect(id).toBeTruthy();
    expect((await lead.patch(`${base}/workers/${id}`, { sweNumber: "SW123999" })).status).toBe(200);
    await lead.post(`${base}/supervisions`, {
      staffRecordId: inA.id,
      heldOn: "2026-06-02",
      type: "reflective",
      actions: "Discussed a SECRET-ACTION about her health",
    });
    await lead.post(`${base}/workers/${inA.id}/development-reviews`, {
      heldOn: "2026-06-03",
      objectives: "SECRET-OBJECTIVE",
    });
    const trail = JSON.stringify(await db.select().from(auditLog).where(eq(auditLog.orgId, area.council.id)));
    for (const secret of ["SW987654", "SW123999", "1988-02-29", "SECRET-ACTION", "SECRET-OBJECTIVE"])
      expect(trail).not.toContain(secret);
    // The SWE number is not in the manager's view of another team either (their record is 404).
    expect((await manager.get(`${base}/workers/${inB.id}`)).text).not.toContain("SW1");
    expect(
      await countWhere(
        db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.orgId, area.council.id), eq(auditLog.entityType, "sw_staff"))),
      ),
    ).toBeGreaterThan(0);
  });
});

describe("naming a supervisor or a reviewer (who one may name, with no way to tell an unknown id from one out of reach)", () => {
  it("a team manager names their own team, a senior role anywhere in the service, or themselves; nobody else", async () => {
    const colleague = await area.addWorker({ team: childrenA, name: "Cal Colleague" });
    const seniorB = await area.addWorker({ team: childrenB, name: "Sid Senior", role: "senior_social_worker" });
    const plainB = await area.addWorker({ team: childrenB, name: "Pat Plain" });
    const adultsWorker = await area.addWorker({ team: adults, name: "Ada Adults" });
    const leftSenior = await area.addWorker({
      team: childrenB,
      name: "Len Left",
      role: "team_manager",
      endDate: "2026-03-31",
      leavingReason: 1,
    });
    // A staff record of the council's outside the social work service, and the manager's own.
    const outside = await area.addWorker({ team: childrenA, name: "Oscar Outside" });
    await db.delete(swStaff).where(eq(swStaff.staffRecordId, outside.id));
    const mine = await area.addWorker({ team: childrenA, name: "Mia Manager", userId: area.manager.id });
    await db.delete(swStaff).where(eq(swStaff.staffRecordId, mine.id));

    const supervisionsOfA = () =>
      countWhere(db.select().from(swSupervisions).where(eq(swSupervisions.staffRecordId, inA.id)));
    const reviewsOfA = () =>
      countWhere(db.select().from(swDevelopmentReviews).where(eq(swDevelopmentReviews.staffRecordId, inA.id)));
    const [supervisionsBefore, reviewsBefore] = [await supervisionsOfA(), await reviewsOfA()];
    const record = (supervisorStaffId: string) =>
      manager.post(`${base}/supervisions`, {
        staffRecordId: inA.id,
        heldOn: "2026-06-01",
        type: "reflective",
        supervisorStaffId,
      });
    const refused = [
      plainB,
      adultsWorker,
      leftSenior,
      outside,
      otherWorker,
      { id: "00000000-0000-4000-8000-00000000dead" },
    ];
    const answers = [];
    for (const who of refused) {
      const res = await record(who.id);
      expect(res.status, who.id).toBe(400);
      expect(res.json.error.issues[0].path).toBe("supervisorStaffId");
      for (const name of ["Pat Plain", "Ada Adults", "Len Left", "Oscar Outside", "Olga"])
        expect(res.text).not.toContain(name);
      answers.push(JSON.stringify(res.json));
    }
    // One answer for every refusal: an unknown id reads the same as a real one out of reach.
    expect(new Set(answers).size).toBe(1);
    expect(await supervisionsOfA()).toBe(supervisionsBefore);

    for (const [who, name] of [
      [colleague, "Cal Colleague"],
      [seniorB, "Sid Senior"],
      [mine, "Mia Manager"],
    ] as const) {
      const res = await record(who.id);
      expect(res.status, name).toBe(201);
      expect(res.json.supervisorName).toBe(name);
    }
    // A change is held to the same rule.
    const mineRecorded = await record(colleague.id);
    const change = await manager.patch(`${base}/supervisions/${mineRecorded.json.id}`, {
      supervisorStaffId: plainB.id,
    });
    expect(change.status).toBe(400);
    expect(change.text).not.toContain("Pat Plain");
    // The lead names any worker of the service in post that day, and no one else.
    const byLead = await lead.post(`${base}/supervisions`, {
      staffRecordId: inA.id,
      heldOn: "2026-06-01",
      type: "case",
      supervisorStaffId: plainB.id,
    });
    expect(byLead.status).toBe(201);
    expect(byLead.json.supervisorName).toBe("Pat Plain");
    for (const who of [outside, otherWorker, leftSenior]) {
      const res = await lead.post(`${base}/supervisions`, {
        staffRecordId: inA.id,
        heldOn: "2026-06-01",
        type: "case",
        supervisorStaffId: who.id,
      });
      expect(res.status, who.id).toBe(400);
    }
    // Before Len left, Len could supervise.
    const before = await lead.post(`${base}/supervisions`, {
      staffRecordId: inA.id,
      heldOn: "2026-03-01",
      type: "case",
      supervisorStaffId: leftSenior.id,
    });
    expect(before.status).toBe(201);

    // A development review's reviewer: the same rule.
    const review = (client: typeof manager, reviewerStaffId: string) =>
      client.post(`${base}/workers/${inA.id}/development-reviews`, { heldOn: "2026-06-01", reviewerStaffId });
    const reviewAnswers = [];
    for (const who of refused) {
      const res = await review(manager, who.id);
      expect(res.status, who.id).toBe(400);
      expect(res.json.error.issues[0].path).toBe("reviewerStaffId");
      for (const name of ["Pat Plain", "Ada Adults", "Len Left", "Oscar Outside", "Olga"])
        expect(res.text).not.toContain(name);
      reviewAnswers.push(JSON.stringify(res.json));
    }
    expect(new Set(reviewAnswers).size).toBe(1);
    expect((await review(lead, outside.id)).status).toBe(400);
    expect(await reviewsOfA()).toBe(reviewsBefore);
    expect((await review(manager, seniorB.id)).status).toBe(201);
    expect((await review(manager, mine.id)).status).toBe(201);
    const byLeadReview = await review(lead, plainB.id);
    expect(byLeadReview.status).toBe(201);
    expect(byLeadReview.json.reviewerName ?? byLeadReview.json.review?.reviewerName).toBe("Pat Plain");
  });
});
