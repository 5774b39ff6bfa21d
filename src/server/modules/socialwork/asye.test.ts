import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedIn, testHub } from "../../../../test/harness";
import { socialWorkArea } from "../../../../test/social-work-fixtures";
import { auditLog, swAsye, swAsyeReviews, swCaseloads } from "../../db/schema";

// The ASYE programme's routes (issue 20 item 3): registering with field errors, recording reviews
// (each stage once), the due list shrinking when a review is recorded, the final's outcomes and an
// extension, and the quality view computed from hand-made rows. The test clock is 2026-06-15.

const hub = await testHub();

async function area() {
  const a = await socialWorkArea(hub);
  const lead = await signedIn(hub, a.lead.email);
  const manager = await signedIn(hub, a.manager.email);
  const url = (rest = "") => `/api/orgs/${a.council.id}/social-work/asye${rest}`;
  return { ...a, leadClient: lead, managerClient: manager, url };
}

describe("registering an ASYE", () => {
  it("registers a newly qualified worker with the default protected caseload, and audits it", async () => {
    const a = await area();
    const nq = await a.addWorker({ team: a.teams.childrenA, role: "asye_social_worker", startDate: "2026-03-02" });
    const assessor = await a.addWorker({ team: a.teams.childrenA, role: "senior_social_worker", peStage: 2 });
    const options = await a.leadClient.get(`/api/orgs/${a.council.id}/social-work/asye-options`);
    expect(options.status).toBe(200);
    expect(options.json.workers[0]).toMatchObject({ staffRecordId: nq.id, newlyQualified: true, service: "children" });
    expect(options.json.assessors.map((p: { staffRecordId: string }) => p.staffRecordId)).toContain(assessor.id);
    expect(options.json.defaultTarget).toEqual({ adults: 16, children: 14 });

    const made = await a.leadClient.post(a.url(), {
      staffRecordId: nq.id,
      startDate: "2026-03-02",
      assessorStaffId: assessor.id,
      learningPlanAgreedOn: "2026-03-20",
    });
    expect(made.status).toBe(201);
    expect(made.json.asye).toMatchObject({
      service: "children",
      startDate: "2026-03-02",
      status: "in_progress",
      assessor: { staffRecordId: assessor.id },
      protectedCaseload: 14,
      protectedCaseloadIsDefault: true,
      protectedCaseloadTarget: null,
      next: { stage: "3_month", due: "2026-06-02", state: "overdue" },
    });
    expect(made.json.asye.stages.map((s: { due: string }) => s.due)).toEqual([
      "2026-06-02",
      "2026-09-02",
      "2026-12-02",
      "2027-03-02",
    ]);
    const audit = await hub.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, a.council.id), eq(auditLog.entityType, "sw_asye")));
    expect(audit.map((e) => e.action)).toEqual(["create"]);

    // One ASYE per person.
    const again = await a.leadClient.post(a.url(), { staffRecordId: nq.id, startDate: "2026-03-02" });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toMatch(/already has an ASYE \(started 2 March 2026\)/);
    // Gone from the options.
    const after = await a.leadClient.get(`/api/orgs/${a.council.id}/social-work/asye-options`);
    expect(after.json.workers.map((p: { staffRecordId: string }) => p.staffRecordId)).not.toContain(nq.id);
  });

  it("refuses an assessor whose end date is the ASYE's start, and a start on the worker's own end date", async () => {
    const a = await area();
    const nq = await a.addWorker({ team: a.teams.childrenA, role: "asye_social_worker", startDate: "2026-03-02" });
    const leaving = await a.addWorker({ team: a.teams.childrenB, name: "Lee Leaving", endDate: "2026-03-02" });
    const res = await a.leadClient.post(a.url(), {
      staffRecordId: nq.id,
      startDate: "2026-03-02",
      assessorStaffId: leaving.id,
    });
    expect(res.status).toBe(400);
    expect(res.json.error.issues.map((i: { path: string; message: string }) => [i.path, i.message])).toEqual([
      ["assessorStaffId", "Lee Leaving left the council on 2 March 2026: choose an assessor in post"],
    ]);
    const short = await a.addWorker({
      team: a.teams.childrenA,
      role: "asye_social_worker",
      name: "Sal Short",
      startDate: "2026-03-02",
      endDate: "2026-04-01",
    });
    const late = await a.leadClient.post(a.url(), { staffRecordId: short.id, startDate: "2026-04-01" });
    expect(late.status).toBe(400);
    expect(late.json.error.issues[0]).toMatchObject({
      path: "startDate",
      message: expect.stringMatching(/left the council on 1 April 2026/),
    });
  });

  it("refuses bad values with an error on each field, and saves nothing", async () => {
    const a = await area();
    const nq = await a.addWorker({ team: a.teams.childrenA, role: "asye_social_worker", startDate: "2026-03-02" });
    const assistant = await a.addWorker({ team: a.teams.childrenA, role: "family_support_worker" });
    const gone = await a.addWorker({ team: a.teams.childrenB, endDate: "2026-01-31" });
    const otherCouncils = await a.addWorker({ team: a.other.team }, a.other.council.id);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ staffRecordId: nq.id, startDate: "2026-02-30" }, "startDate", /start date as a real date/],
      [{ staffRecordId: nq.id, startDate: "2026-03-01" }, "startDate", /cannot start before .* 2 March 2026/],
      [{ staffRecordId: "nope", startDate: "2026-03-02" }, "staffRecordId", /Choose the newly qualified/],
      [{ staffRecordId: otherCouncils.id, startDate: "2026-03-02" }, "staffRecordId", /social worker of the council/],
      [{ staffRecordId: assistant.id, startDate: "2026-03-02" }, "staffRecordId", /not a registered social worker/],
      [{ staffRecordId: nq.id, startDate: "2026-03-02", service: "adults" }, "service", /works in children's/],
      [{ staffRecordId: nq.id, startDate: "2026-03-02", service: "elders" }, "service", /adults' or children's/],
      [{ staffRecordId: nq.id, startDate: "2026-03-02", assessorStaffId: nq.id }, "assessorStaffId", /someone other/],
      [
        { staffRecordId: nq.id, startDate: "2026-03-02", assessorStaffId: assistant.id },
        "assessorStaffId",
        /registered/,
      ],
      [
        { staffRecordId: nq.id, startDate: "2026-03-02", assessorStaffId: gone.id },
        "assessorStaffId",
        /left the council/,
      ],
      [
        { staffRecordId: nq.id, startDate: "2026-03-02", protectedCaseloadTarget: 12.5 },
        "protectedCaseloadTarget",
        /whole number/,
      ],
      [
        { staffRecordId: nq.id, startDate: "2026-03-02", protectedCaseloadTarget: -1 },
        "protectedCaseloadTarget",
        /negative/,
      ],
      [
        { staffRecordId: nq.id, startDate: "2026-03-02", learningPlanAgreedOn: "2026-07-01" },
        "learningPlanAgreedOn",
        /future/,
      ],
      [{ staffRecordId: nq.id, startDate: "0000-01-01" }, "startDate", /between 1900 and 2099/],
    ];
    for (const [body, path, message] of cases) {
      const res = await a.leadClient.post(a.url(), body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      const issue = res.json.error.issues.find((i: { path: string }) => i.path === path);
      expect(issue?.message, JSON.stringify(body)).toMatch(message);
    }
    expect(await hub.deps.db.select().from(swAsye).where(eq(swAsye.orgId, a.council.id))).toEqual([]);
  });

  it("uses the ASYE's own target, changes it, and withdraws it", async () => {
    const a = await area();
    const nq = await a.addWorker({ team: a.teams.adults, role: "asye_social_worker", startDate: "2026-01-05" });
    const made = await a.leadClient.post(a.url(), {
      staffRecordId: nq.id,
      startDate: "2026-01-05",
      protectedCaseloadTarget: 10,
    });
    expect(made.json.asye).toMatchObject({
      service: "adults",
      protectedCaseload: 10,
      protectedCaseloadIsDefault: false,
    });
    const id = made.json.asye.id;
    const changed = await a.leadClient.request("PUT", a.url(`/${id}`), {
      startDate: "2026-01-12",
      protectedCaseloadTarget: null,
      grantClaimedOn: "2026-02-01",
    });
    expect(changed.status).toBe(200);
    expect(changed.json.asye).toMatchObject({
      startDate: "2026-01-12",
      protectedCaseload: 16,
      grantClaimedOn: "2026-02-01",
    });
    const early = await a.leadClient.post(a.url(`/${id}/withdraw`), { withdrawnOn: "2026-01-01" });
    expect(early.status).toBe(400);
    expect(early.json.error.issues[0]).toMatchObject({ path: "withdrawnOn" });
    const withdrawn = await a.leadClient.post(a.url(`/${id}/withdraw`), { withdrawnOn: "2026-05-01" });
    expect(withdrawn.json.asye).toMatchObject({ status: "withdrawn", outcomeOn: "2026-05-01", next: null });
    expect(withdrawn.json.asye.stages.map((s: { state: string }) => s.state)).toEqual([
      "not_held",
      "not_held",
      "not_held",
      "not_held",
    ]);
    const twice = await a.leadClient.post(a.url(`/${id}/withdraw`), { withdrawnOn: "2026-05-02" });
    expect(twice.status).toBe(409);
    const review = await a.leadClient.post(a.url(`/${id}/reviews`), {
      stage: "3_month",
      heldOn: "2026-04-10",
      progress: "on_track",
    });
    expect(review.status).toBe(409);
    expect(review.json.error.message).toMatch(/has ended/);
    // Not in the cohort any more, but in the full list.
    expect((await a.leadClient.get(a.url())).json.asyes).toEqual([]);
    expect((await a.leadClient.get(a.url("?show=all"))).json.asyes).toHaveLength(1);
  });
});

describe("recording reviews", () => {
  it("records the 3-month review once, and the due list shrinks", async () => {
    const a = await area();
    // Started 2026-03-10: the 3-month review is overdue on 15 June (due 10 June).
    const first = await a.addWorker({
      team: a.teams.childrenA,
      role: "asye_social_worker",
      startDate: "2026-03-10",
      name: "Ava",
    });
    // Started 2026-03-25: due 25 June, within 14 days.
    const second = await a.addWorker({
      team: a.teams.childrenA,
      role: "asye_social_worker",
      startDate: "2026-03-25",
      name: "Ben",
    });
    const ids: string[] = [];
    for (const w of [first, second])
      ids.push((await a.leadClient.post(a.url(), { staffRecordId: w.id, startDate: w.startDate })).json.asye.id);

    const before = await a.managerClient.get(a.url());
    expect(
      before.json.due.map((d: { worker: { name: string }; stage: string; state: string }) => [
        d.worker.name,
        d.stage,
        d.state,
      ]),
    ).toEqual([
      ["Ava", "3_month", "overdue"],
      ["Ben", "3_month", "due"],
    ]);

    const recorded = await a.managerClient.post(a.url(`/${ids[0]}/reviews`), {
      stage: "3_month",
      heldOn: "2026-06-15",
      progress: "some_concerns",
      evidence: "Direct observation of a home visit.\nCritical reflection log reviewed.",
    });
    expect(recorded.status).toBe(201);
    expect(recorded.json.review).toMatchObject({ stage: "3_month", heldOn: "2026-06-15", progress: "some_concerns" });
    expect(recorded.json.asye.stages[0]).toMatchObject({ stage: "3_month", state: "done_on_time" });
    expect(recorded.json.asye.next).toMatchObject({ stage: "6_month", due: "2026-09-10", state: "not_yet_due" });

    const after = await a.managerClient.get(a.url());
    expect(after.json.due.map((d: { worker: { name: string } }) => d.worker.name)).toEqual(["Ben"]);

    const again = await a.managerClient.post(a.url(`/${ids[0]}/reviews`), {
      stage: "3_month",
      heldOn: "2026-06-14",
      progress: "on_track",
    });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toBe(
      "The 3-month review for Ava is already recorded (held on 15 June 2026): change that one instead of adding it again.",
    );
    // Changing it is allowed.
    const changed = await a.managerClient.request("PUT", a.url(`/${ids[0]}/reviews/${recorded.json.review.id}`), {
      heldOn: "2026-06-12",
      progress: "on_track",
      evidence: "Corrected.",
    });
    expect(changed.status).toBe(200);
    expect(changed.json.review).toMatchObject({ heldOn: "2026-06-12", progress: "on_track", evidence: "Corrected." });
    const rows = await hub.deps.db.select().from(swAsyeReviews).where(eq(swAsyeReviews.asyeId, ids[0]));
    expect(rows).toHaveLength(1);
    // The audit names the stage and progress, never the evidence notes.
    const audit = await hub.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, a.council.id), eq(auditLog.entityType, "sw_asye_review")))
      .orderBy(asc(auditLog.id));
    expect(audit.map((e) => e.action)).toEqual(["record_review", "update_review"]);
    expect(JSON.stringify(audit)).not.toMatch(/observation|Corrected/);
  });

  it("refuses reviews with progress that does not fit the stage, dates before the start or in the future", async () => {
    const a = await area();
    const w = await a.addWorker({ team: a.teams.childrenA, role: "asye_social_worker", startDate: "2026-03-10" });
    const id = (await a.leadClient.post(a.url(), { staffRecordId: w.id, startDate: "2026-03-10" })).json.asye.id;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [
        { stage: "3_month", heldOn: "2026-06-01", progress: "pass" },
        "progress",
        /on track, some concerns or not on track/,
      ],
      [{ stage: "final", heldOn: "2026-06-01", progress: "on_track" }, "progress", /pass, fail or extend/],
      [{ stage: "final", heldOn: "2026-06-01", progress: "extend" }, "extendedTo", /Enter the new end/],
      [
        { stage: "final", heldOn: "2026-06-01", progress: "extend", extendedTo: "2027-02-01" },
        "extendedTo",
        /after the year's end on 10 March 2027/,
      ],
      [
        { stage: "3_month", heldOn: "2026-06-01", progress: "on_track", extendedTo: "2027-06-01" },
        "extendedTo",
        /Leave the new end empty/,
      ],
      [{ stage: "12_month", heldOn: "2026-06-01", progress: "on_track" }, "stage", /Choose the review/],
      [
        { stage: "3_month", heldOn: "2026-03-01", progress: "on_track" },
        "heldOn",
        /before the ASYE started on 10 March 2026/,
      ],
      [{ stage: "3_month", heldOn: "2026-06-16", progress: "on_track" }, "heldOn", /cannot be in the future/],
      [
        { stage: "3_month", heldOn: "2026-06-01", progress: "on_track", evidence: "=HYPERLINK(1)" },
        "evidence",
        /formula/i,
      ],
    ];
    for (const [body, path, message] of cases) {
      const res = await a.managerClient.post(a.url(`/${id}/reviews`), body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      const issue = res.json.error.issues.find((i: { path: string }) => i.path === path);
      expect(issue?.message, JSON.stringify(body)).toMatch(message);
    }
    expect(await hub.deps.db.select().from(swAsyeReviews).where(eq(swAsyeReviews.asyeId, id))).toEqual([]);
  });

  it("extends at the final, then passes at the new end: the outcome and date are set", async () => {
    const a = await area();
    const w = await a.addWorker({ team: a.teams.childrenA, role: "asye_social_worker", startDate: "2025-04-01" });
    const id = (await a.leadClient.post(a.url(), { staffRecordId: w.id, startDate: "2025-04-01" })).json.asye.id;
    for (const [stage, heldOn] of [
      ["3_month", "2025-07-01"],
      ["6_month", "2025-10-01"],
      ["9_month", "2026-01-01"],
    ])
      expect(
        (await a.managerClient.post(a.url(`/${id}/reviews`), { stage, heldOn, progress: "on_track" })).status,
      ).toBe(201);
    const extended = await a.managerClient.post(a.url(`/${id}/reviews`), {
      stage: "final",
      heldOn: "2026-04-01",
      progress: "extend",
      extendedTo: "2026-07-31",
    });
    expect(extended.status).toBe(201);
    expect(extended.json.asye).toMatchObject({
      status: "extended",
      extendedTo: "2026-07-31",
      next: { stage: "final", due: "2026-07-31" },
    });
    expect(extended.json.asye.stages[3]).toMatchObject({
      stage: "final",
      due: "2026-07-31",
      heldOn: null,
      state: "not_yet_due",
    });
    const passed = await a.managerClient.post(a.url(`/${id}/reviews`), {
      stage: "final",
      heldOn: "2026-06-10",
      progress: "pass",
    });
    expect(passed.status).toBe(201);
    expect(passed.json.asye).toMatchObject({ status: "passed", outcomeOn: "2026-06-10", next: null });
    expect(passed.json.asye.stages[3]).toMatchObject({ state: "done_on_time", heldOn: "2026-06-10" });
    // The final held once now: a second is refused.
    const again = await a.managerClient.post(a.url(`/${id}/reviews`), {
      stage: "final",
      heldOn: "2026-06-11",
      progress: "fail",
    });
    expect(again.status).toBe(409);
    const rows = await hub.deps.db.select().from(swAsyeReviews).where(eq(swAsyeReviews.asyeId, id));
    expect(rows.map((r) => [r.stage, r.progress]).filter(([stage]) => stage === "final")).toEqual([["final", "pass"]]);
  });
});

describe("reviews in order and on time, corrected and withdrawn (fix round)", () => {
  // Started 1 June 2025: reviews due 1 September, 1 December 2025, 1 March 2026; the final 1 June 2026.
  async function started() {
    const a = await area();
    const w = await a.addWorker({ team: a.teams.childrenA, role: "asye_social_worker", startDate: "2025-06-01" });
    const id = (await a.leadClient.post(a.url(), { staffRecordId: w.id, startDate: "2025-06-01" })).json.asye.id;
    const record = (stage: string, heldOn: string, progress = "on_track") =>
      a.managerClient.post(a.url(`/${id}/reviews`), { stage, heldOn, progress });
    return { a, id, record };
  }
  const issueOf = (res: { json: { error: { issues: { path: string; message: string }[] } } }, path: string) =>
    res.json.error.issues.find((i) => i.path === path)?.message;

  it("refuses a final three months in, or before the 6 and 9-month reviews, naming what to do", async () => {
    const { a, id, record } = await started();
    const pass = await record("final", "2025-09-01", "pass");
    expect(pass.status).toBe(400);
    expect(issueOf(pass, "stage")).toBe(
      "Record the 3-month review first: reviews are recorded in order (3, 6 and 9 months, then the final assessment)",
    );
    expect((await record("3_month", "2025-09-01")).status).toBe(201);
    const nine = await record("9_month", "2025-09-01");
    expect(issueOf(nine, "stage")).toMatch(/^Record the 6-month review first/);
    // Too early: more than 14 days before the due date.
    const six = await record("6_month", "2025-11-16");
    expect(issueOf(six, "heldOn")).toBe(
      "The 6-month review is due on 1 December 2025; it can be recorded from 17 November 2025",
    );
    expect((await record("6_month", "2025-11-17")).status).toBe(201);
    expect((await record("9_month", "2026-03-01")).status).toBe(201);
    // The tester's case: a fail on the 9-month review's day is long before the final's window.
    const fail = await record("final", "2026-03-01", "fail");
    expect(issueOf(fail, "heldOn")).toBe(
      "The final assessment is due on 1 June 2026; it can be recorded from 1 May 2026",
    );
    const asye = (await a.managerClient.get(a.url(`/${id}`))).json.asye;
    expect(asye.status).toBe("in_progress");
    expect(asye.stages.map((s: { state: string }) => s.state)).toEqual([
      "done_on_time",
      "done_on_time",
      "done_on_time",
      "overdue",
    ]);
  });

  it("changes a review only within its window and order, and withdraws only the latest, reopening a passed ASYE", async () => {
    const { a, id, record } = await started();
    const ids: string[] = [];
    for (const [stage, heldOn, progress] of [
      ["3_month", "2025-09-01", "on_track"],
      ["6_month", "2025-12-01", "on_track"],
      ["9_month", "2026-03-01", "on_track"],
      ["final", "2026-06-01", "pass"],
    ])
      ids.push((await record(stage, heldOn, progress)).json.review.id);
    const change = (reviewId: string, body: Record<string, unknown>) =>
      a.managerClient.request("PUT", a.url(`/${id}/reviews/${reviewId}`), { evidence: "", ...body });
    const tooEarly = await change(ids[1], { heldOn: "2025-11-01", progress: "on_track" });
    expect(issueOf(tooEarly, "heldOn")).toMatch(/it can be recorded from 17 November 2025/);
    const afterNext = await change(ids[1], { heldOn: "2026-03-02", progress: "on_track" });
    expect(issueOf(afterNext, "heldOn")).toBe(
      "The 9-month review was held on 1 March 2026: this review cannot be held after it",
    );
    const ok = await change(ids[1], { heldOn: "2025-12-05", progress: "some_concerns" });
    expect(ok.status).toBe(200);
    expect(ok.json.review).toMatchObject({ heldOn: "2025-12-05", progress: "some_concerns" });

    // Only the latest can be withdrawn.
    const notLatest = await a.managerClient.request("DELETE", a.url(`/${id}/reviews/${ids[2]}`));
    expect(notLatest.status).toBe(409);
    expect(notLatest.json.error.message).toBe(
      "Only the latest review can be withdrawn, so the reviews stay in order: withdraw the final assessment (12 months) first.",
    );
    const withdrawn = await a.managerClient.request("DELETE", a.url(`/${id}/reviews/${ids[3]}`));
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.json.asye).toMatchObject({ status: "in_progress", outcomeOn: null, next: { stage: "final" } });
    const [row] = await hub.deps.db.select().from(swAsye).where(eq(swAsye.id, id));
    expect(row).toMatchObject({ status: "in_progress", outcomeOn: null });
    expect(
      (await hub.deps.db.select().from(swAsyeReviews).where(eq(swAsyeReviews.asyeId, id))).map((r) => r.stage),
    ).not.toContain("final");
    // Now the 9-month review is the latest.
    expect((await a.managerClient.request("DELETE", a.url(`/${id}/reviews/${ids[2]}`))).status).toBe(200);
    const audit = await hub.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, a.council.id), eq(auditLog.entityType, "sw_asye_review")))
      .orderBy(asc(auditLog.id));
    expect(audit.map((e) => e.action).slice(-3)).toEqual(["update_review", "withdraw_review", "withdraw_review"]);
    expect(audit.at(-2)).toMatchObject({ entityId: ids[3], before: { stage: "final", progress: "pass" } });
    // Another council's lead cannot reach it.
    const other = await signedIn(hub, a.other.lead.email);
    expect((await other.request("DELETE", a.url(`/${id}/reviews/${ids[1]}`))).status).toBe(404);
  });

  it("an extension corrected to a pass ends the year at 12 months; withdrawing an extension reopens it", async () => {
    const { a, id, record } = await started();
    for (const [stage, heldOn] of [
      ["3_month", "2025-09-01"],
      ["6_month", "2025-12-01"],
      ["9_month", "2026-03-01"],
    ])
      await record(stage, heldOn);
    const ext = await a.managerClient.post(a.url(`/${id}/reviews`), {
      stage: "final",
      heldOn: "2026-06-01",
      progress: "extend",
      extendedTo: "2026-09-01",
    });
    expect(ext.json.asye).toMatchObject({ status: "extended", extendedTo: "2026-09-01" });
    const gone = await a.managerClient.request("DELETE", a.url(`/${id}/reviews/${ext.json.review.id}`));
    expect(gone.json.asye).toMatchObject({ status: "in_progress", extendedTo: null });
    const again = await a.managerClient.post(a.url(`/${id}/reviews`), {
      stage: "final",
      heldOn: "2026-06-01",
      progress: "extend",
      extendedTo: "2026-09-01",
    });
    const passed = await a.managerClient.request("PUT", a.url(`/${id}/reviews/${again.json.review.id}`), {
      heldOn: "2026-06-01",
      progress: "pass",
    });
    expect(passed.status).toBe(200);
    expect(passed.json.asye).toMatchObject({ status: "passed", outcomeOn: "2026-06-01", extendedTo: null });
    expect(passed.json.asye.stages[3]).toMatchObject({ due: "2026-06-01", state: "done_on_time" });
  });
});

describe("the programme's quality view", () => {
  it("computes each measure from hand-made rows exactly", async () => {
    const a = await area();
    const { db } = hub.deps;
    // Three children's ASYEs and one adults', with the test clock at 2026-06-15.
    const p1 = await a.addWorker({ team: a.teams.childrenA, role: "social_worker", startDate: "2025-01-06" });
    const p2 = await a.addWorker({
      team: a.teams.childrenB,
      role: "social_worker",
      startDate: "2025-02-03",
      endDate: "2025-12-31",
    });
    const p3 = await a.addWorker({ team: a.teams.childrenA, role: "asye_social_worker", startDate: "2026-01-05" });
    const p4 = await a.addWorker({
      team: a.teams.adults,
      role: "social_worker",
      startDate: "2024-05-07",
      endDate: "2025-04-30",
    });
    const insert = async (
      v: Partial<typeof swAsye.$inferInsert> & { staffRecordId: string; startDate: string; service: string },
    ) =>
      (
        await db
          .insert(swAsye)
          .values({ orgId: a.council.id, ...v })
          .returning()
      )[0];
    const a1 = await insert({
      staffRecordId: p1.id,
      service: "children",
      startDate: "2025-01-06",
      status: "passed",
      outcomeOn: "2026-01-06",
      grantClaimedOn: "2025-02-01",
      protectedCaseloadTarget: 12,
    });
    const a2 = await insert({
      staffRecordId: p2.id,
      service: "children",
      startDate: "2025-02-03",
      status: "withdrawn",
      outcomeOn: "2025-12-31",
      grantClaimedOn: "2025-03-01",
    });
    const a3 = await insert({ staffRecordId: p3.id, service: "children", startDate: "2026-01-05" });
    const a4 = await insert({
      staffRecordId: p4.id,
      service: "adults",
      startDate: "2024-05-07",
      status: "failed",
      outcomeOn: "2025-04-30",
    });
    const review = (asyeId: string, stage: string, heldOn: string, progress = "on_track") =>
      db.insert(swAsyeReviews).values({ orgId: a.council.id, asyeId, stage, heldOn, progress });
    // a1: due 6 Apr, 6 Jul, 6 Oct 2025, 6 Jan 2026; held on time, late (30 Jul > 20 Jul), on time, on time.
    await review(a1.id, "3_month", "2025-04-06");
    await review(a1.id, "6_month", "2025-07-30");
    await review(a1.id, "9_month", "2025-10-20");
    await review(a1.id, "final", "2026-01-06", "pass");
    // a2: due 3 May, 3 Aug, 3 Nov 2025; held on time, then none before withdrawal on 31 Dec (6 and 9 months count, missed).
    await review(a2.id, "3_month", "2025-05-01");
    // a3: 3-month due 5 April 2026, held on time; 6-month due 5 July: not counted yet.
    await review(a3.id, "3_month", "2026-04-10");
    // a4: 3-month due 7 Aug 2024 on time; 6 (7 Nov) late; 9 (7 Feb 2025) missed; final held 30 Apr 2025 (due 7 May).
    await review(a4.id, "3_month", "2024-08-07");
    await review(a4.id, "6_month", "2024-12-01");
    await review(a4.id, "final", "2025-04-30", "fail");
    // Caseloads: a1 target 12, a3 default 14 (children), a4 default 16 (adults).
    const months = (staffRecordId: string, rows: [string, number][]) =>
      db
        .insert(swCaseloads)
        .values(rows.map(([month, openCases]) => ({ orgId: a.council.id, staffRecordId, month, openCases })));
    await months(p1.id, [
      ["2025-01-01", 5],
      ["2025-06-01", 12],
      ["2025-12-01", 13],
      ["2026-02-01", 20],
    ]); // 2 of 3 (Feb 2026 after outcome)
    await months(p3.id, [
      ["2026-01-01", 14],
      ["2026-05-01", 15],
      ["2026-07-01", 1],
    ]); // 1 of 2 (July after today)
    await months(p4.id, [["2024-06-01", 16]]); // 1 of 1

    const res = await a.leadClient.get(`/api/orgs/${a.council.id}/social-work/asye-quality`);
    expect(res.status).toBe(200);
    const share = (count: number, of: number) => ({ count, of, share: of ? count / of : null });
    // Reviews: a1 3 of 4; a2 1 of 3; a3 1 of 1; a4 3-month on time, 6 late, 9 missed, final on time: 2 of 4.
    expect(res.json.all).toEqual({
      current: 1,
      reviewsOnTime: share(7, 12),
      caseloadWithinProtection: share(4, 6),
      passRate: share(1, 2),
      // 12 months on: a1 (started 2025-01-06, in post) stayed; a2 left 2025-12-31 before 2026-02-03; a4 left before 2025-05-07.
      retention12: share(1, 3),
      // 24 months: only a4 started by 2024-06-15, and left.
      retention24: share(0, 1),
    });
    expect(res.json.byService.children).toMatchObject({
      current: 1,
      reviewsOnTime: share(5, 8),
      passRate: share(1, 1),
    });
    expect(res.json.byService.adults).toMatchObject({ current: 0, reviewsOnTime: share(2, 4), passRate: share(0, 1) });
    expect(res.json.grant).toEqual([
      { service: "adults", year: "2024-25", started: 1, grantClaimed: 0, passed: 0, withdrawn: 0 },
      { service: "children", year: "2024-25", started: 2, grantClaimed: 2, passed: 1, withdrawn: 1 },
      { service: "children", year: "2025-26", started: 1, grantClaimed: 0, passed: 0, withdrawn: 0 },
    ]);
  });
});
