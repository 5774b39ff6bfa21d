import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedIn, testHub } from "../../../../test/harness";
import { socialWorkArea, type WorkerInput } from "../../../../test/social-work-fixtures";
import { auditLog, swAsye, swProgressionCases, swStaff } from "../../db/schema";

// Progression through the API (issue 20 item 6): the scheme with field errors for bad values, a
// case from opening to the panel's decision, approval moving the worker's grade, role and PCF
// level in one transaction (audited), development reviews and who is due one. Clock: 2026-06-15.

const hub = await testHub();
/** The fixture's teams carry their service as text: a worker's team wants the service's key. */
const T = (team: { id: string; workplaceId: string; service: string }) => team as WorkerInput["team"];

const seniorStep = {
  service: null,
  name: "Senior social worker",
  fromGrade: "Grade 7",
  toGrade: "Grade 8",
  fromFrameworkRole: "cf_social_worker",
  toFrameworkRole: "cf_senior_practitioner",
  criteria: ["Meets the PCF experienced level"],
  evidence: ["Reflective account", "Service user feedback"],
  automatic: false,
  minMonthsInGrade: 24,
  position: 2,
};

async function setup() {
  const a = await socialWorkArea(hub);
  const lead = await signedIn(hub, a.lead.email);
  const base = `/api/orgs/${a.council.id}/social-work`;
  const worker = await a.addWorker({ team: T(a.teams.childrenA), startDate: "2023-01-09", name: "Sam Rivers" });
  await hub.deps.db
    .update(swStaff)
    .set({ grade: "Grade 7", pcfLevel: "social_worker" })
    .where(eq(swStaff.staffRecordId, worker.id));
  return { a, lead, base, worker };
}

describe("the scheme", () => {
  it("adds, changes, archives and lists steps; bad values get field errors and save nothing", async () => {
    const { lead, base } = await setup();
    const created = await lead.post(`${base}/progression/steps`, seniorStep);
    expect(created.status).toBe(201);
    expect(created.json.step).toMatchObject({
      name: "Senior social worker",
      automatic: false,
      minMonthsInGrade: 24,
      archived: false,
    });

    const bad = await lead.post(`${base}/progression/steps`, {
      ...seniorStep,
      fromGrade: "",
      minMonthsInGrade: 2.5,
      service: "martians",
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(
      ["fromGrade", "minMonthsInGrade", "service"].sort(),
    );
    const role = await lead.post(`${base}/progression/steps`, { ...seniorStep, toFrameworkRole: "astronaut" });
    expect(role.status).toBe(400);
    expect(role.json.error.issues).toEqual([
      { path: "toFrameworkRole", message: expect.stringContaining("astronaut") },
    ]);
    const formula = await lead.post(`${base}/progression/steps`, { ...seniorStep, criteria: ["=HYPERLINK(1)"] });
    expect(formula.status).toBe(400);

    const id = created.json.step.id;
    const changed = await lead.request("PUT", `${base}/progression/steps/${id}`, {
      ...seniorStep,
      minMonthsInGrade: 18,
      position: 5,
    });
    expect(changed.json.step).toMatchObject({ minMonthsInGrade: 18, position: 5 });
    expect((await lead.post(`${base}/progression/steps/${id}/archive`)).json.step.archived).toBe(true);
    const list = await lead.get(`${base}/progression/steps`);
    expect(list.json.steps).toHaveLength(1);
    expect(list.json.frameworkRoles.map((r: { key: string }) => r.key)).toContain("cf_senior_practitioner");
  });
});

describe("a case to the panel", () => {
  it("approval moves grade, role and PCF level in one transaction, audited; decided once", async () => {
    const { a, lead, base, worker } = await setup();
    const step = (await lead.post(`${base}/progression/steps`, seniorStep)).json.step;
    // Not yet eligible: no development review.
    const opened = await lead.post(`${base}/progression/cases`, { staffRecordId: worker.id, stepId: step.id });
    expect(opened.status).toBe(201);
    expect(opened.json.case.status).toBe("preparing");
    expect(opened.json.eligibility).toMatchObject({ eligible: false, monthsInGrade: 41 });
    expect(opened.json.eligibility.reasons).toEqual(["No development review in the last 12 months."]);
    expect((await lead.post(`${base}/progression/cases`, { staffRecordId: worker.id, stepId: step.id })).status).toBe(
      409,
    );

    const review = await lead.post(`${base}/workers/${worker.id}/development-reviews`, {
      heldOn: "2026-04-01",
      objectives: "Lead two child protection conferences",
      trainingNeeds: ["Court skills"],
      readyForProgression: true,
    });
    expect(review.status).toBe(201);
    const caseId = opened.json.case.id;
    expect((await lead.get(`${base}/progression/cases/${caseId}`)).json.eligibility).toMatchObject({
      eligible: true,
      reasons: [],
    });

    // The step asks for evidence: submitting without notes is refused, naming the field.
    const early = await lead.post(`${base}/progression/cases/${caseId}/submit`);
    expect(early.status).toBe(400);
    expect(early.json.error.issues[0].path).toBe("evidenceNotes");
    expect(
      (
        await lead.post(`${base}/progression/cases/${caseId}/decision`, {
          decision: "approved",
          decidedOn: "2026-06-10",
        })
      ).status,
    ).toBe(409);

    const edited = await lead.patch(`${base}/progression/cases/${caseId}`, {
      evidenceNotes: "Reflective account and two feedback forms",
      panelDate: "2026-06-12",
    });
    expect(edited.json.case).toMatchObject({ panelDate: "2026-06-12" });
    expect(
      (await lead.patch(`${base}/progression/cases/${caseId}`, { panelDate: "12/06/2026" })).json.error.issues[0].path,
    ).toBe("panelDate");
    expect((await lead.post(`${base}/progression/cases/${caseId}/submit`)).json.case.status).toBe("submitted");

    const future = await lead.post(`${base}/progression/cases/${caseId}/decision`, {
      decision: "approved",
      decidedOn: "2026-07-01",
    });
    expect(future.status).toBe(400);
    expect(future.json.error.issues[0].path).toBe("decidedOn");
    const decided = await lead.post(`${base}/progression/cases/${caseId}/decision`, {
      decision: "approved",
      decidedOn: "2026-06-12",
      notes: "Strong evidence",
    });
    expect(decided.status).toBe(200);
    expect(decided.json.case).toMatchObject({
      status: "approved",
      decidedOn: "2026-06-12",
      decisionNotes: "Strong evidence",
    });
    const [profile] = await hub.deps.db.select().from(swStaff).where(eq(swStaff.staffRecordId, worker.id));
    expect(profile).toMatchObject({ grade: "Grade 8", role: "senior_social_worker", pcfLevel: "experienced" });
    const audits = await hub.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "sw_staff"), eq(auditLog.entityId, worker.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0].after).toMatchObject({ grade: "Grade 8" });
    expect(JSON.stringify(audits)).not.toContain("Strong evidence");

    const again = await lead.post(`${base}/progression/cases/${caseId}/decision`, {
      decision: "declined",
      decidedOn: "2026-06-13",
    });
    expect(again.status).toBe(409);

    // The worker's progression now counts from the approval.
    const glance = await lead.get(`${base}/workers/${worker.id}/progression`);
    expect(glance.json).toMatchObject({
      grade: "Grade 8",
      gradeSince: "2026-06-12",
      nextStep: null,
      review: { status: "up_to_date" },
    });
    expect(glance.json.frameworkRole).toMatchObject({ key: "cf_senior_practitioner" });
    expect(glance.json.cases[0].status).toBe("approved");
    void a;
  });

  it("an approval that cannot move the grade changes nothing: the case stays submitted", async () => {
    const { lead, base, worker } = await setup();
    const step = (await lead.post(`${base}/progression/steps`, { ...seniorStep, evidence: [] })).json.step;
    const caseId = (await lead.post(`${base}/progression/cases`, { staffRecordId: worker.id, stepId: step.id })).json
      .case.id;
    await lead.post(`${base}/progression/cases/${caseId}/submit`);
    await hub.deps.db.update(swStaff).set({ grade: "Grade 6" }).where(eq(swStaff.staffRecordId, worker.id));
    const res = await lead.post(`${base}/progression/cases/${caseId}/decision`, {
      decision: "approved",
      decidedOn: "2026-06-12",
    });
    expect(res.status).toBe(409);
    const [row] = await hub.deps.db.select().from(swProgressionCases).where(eq(swProgressionCases.id, caseId));
    expect(row.status).toBe("submitted");
    const [profile] = await hub.deps.db.select().from(swStaff).where(eq(swStaff.staffRecordId, worker.id));
    expect(profile.grade).toBe("Grade 6");
  });

  it("an automatic step is decided without a panel once the ASYE is passed", async () => {
    const { a, lead, base } = await setup();
    const nqsw = await a.addWorker({ team: T(a.teams.childrenB), role: "asye_social_worker", startDate: "2025-05-01" });
    await hub.deps.db
      .update(swStaff)
      .set({ grade: "Grade 6", pcfLevel: "asye" })
      .where(eq(swStaff.staffRecordId, nqsw.id));
    const step = (
      await lead.post(`${base}/progression/steps`, {
        ...seniorStep,
        service: "children",
        fromGrade: "Grade 6",
        toGrade: "Grade 7",
        fromFrameworkRole: "cf_nqsw",
        toFrameworkRole: "cf_social_worker",
        evidence: [],
        automatic: true,
        minMonthsInGrade: 12,
      })
    ).json.step;
    const glance = await lead.get(`${base}/workers/${nqsw.id}/progression`);
    expect(glance.json.nextStep.id).toBe(step.id);
    expect(glance.json.eligibility.reasons).toEqual(["They have no ASYE recorded: this step follows passing it."]);
    await hub.deps.db.insert(swAsye).values({
      orgId: a.council.id,
      staffRecordId: nqsw.id,
      service: "children",
      startDate: "2025-05-01",
      status: "passed",
      outcomeOn: "2026-05-01",
    });
    expect((await lead.get(`${base}/workers/${nqsw.id}/progression`)).json.eligibility).toMatchObject({
      eligible: true,
    });
    const caseId = (await lead.post(`${base}/progression/cases`, { staffRecordId: nqsw.id, stepId: step.id })).json.case
      .id;
    const res = await lead.post(`${base}/progression/cases/${caseId}/decision`, {
      decision: "approved",
      decidedOn: "2026-06-01",
    });
    expect(res.status).toBe(200);
    const [profile] = await hub.deps.db.select().from(swStaff).where(eq(swStaff.staffRecordId, nqsw.id));
    expect(profile).toMatchObject({ grade: "Grade 7", role: "social_worker", pcfLevel: "social_worker" });
  });
});

describe("development reviews", () => {
  it("bad values get field errors; those due are listed, most urgent first", async () => {
    const { a, lead, base, worker } = await setup();
    const bad = await lead.post(`${base}/workers/${worker.id}/development-reviews`, {
      heldOn: "2026-13-01",
      readyForProgression: "yes",
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "heldOn",
      "readyForProgression",
    ]);
    const future = await lead.post(`${base}/workers/${worker.id}/development-reviews`, { heldOn: "2026-06-16" });
    expect(future.json.error.issues[0].path).toBe("heldOn");
    const stranger = await lead.post(`${base}/workers/${worker.id}/development-reviews`, {
      heldOn: "2026-06-01",
      reviewerStaffId: (await a.addWorker({ team: T(a.other.team) }, a.other.council.id)).id,
    });
    expect(stranger.json.error.issues[0].path).toBe("reviewerStaffId");

    const overdue = await a.addWorker({ team: T(a.teams.childrenB), name: "Overdue" });
    const due = await a.addWorker({ team: T(a.teams.adults), name: "Due soon" });
    const fine = await a.addWorker({ team: T(a.teams.adults), name: "Fine" });
    const left = await a.addWorker({ team: T(a.teams.adults), name: "Left", endDate: "2026-01-01" });
    for (const [id, heldOn] of [
      [overdue.id, "2025-05-01"],
      [due.id, "2025-07-01"],
      [fine.id, "2026-01-01"],
    ] as const)
      expect((await lead.post(`${base}/workers/${id}/development-reviews`, { heldOn })).status).toBe(201);
    const list = (await lead.get(`${base}/development-reviews/due`)).json.workers;
    const names = list.map((w: { name: string }) => w.name);
    expect(names).toEqual(["Sam Rivers", "Overdue", "Due soon"]);
    expect(list[1]).toMatchObject({ status: "overdue", dueOn: "2026-05-01", lastHeldOn: "2025-05-01" });
    expect(list[2]).toMatchObject({ status: "due", dueOn: "2026-07-01" });
    void left;
  });
});
