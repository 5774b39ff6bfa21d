import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeUser, signedIn, testHub } from "../../../../test/harness";
import { socialWorkArea, type WorkerInput } from "../../../../test/social-work-fixtures";
import { swDevelopmentReviews, swProgressionSteps, swStaff } from "../../db/schema";

// Who sees and changes progression records (issue 20 item 6): a team manager only their teams'
// workers (404 for others, lists cut to their teams); the analyst (figures only) 403; another
// council's lead 404; a provider 403 wrong_org_kind; a worker their own through /api/me; writes by
// the wrong role change nothing.

const hub = await testHub();
const T = (team: { id: string; workplaceId: string; service: string }) => team as WorkerInput["team"];

describe("progression access", () => {
  it("holds for every kind of reader", async () => {
    const a = await socialWorkArea(hub);
    const me = await makeUser(hub, null);
    const mine = await a.addWorker({ team: T(a.teams.childrenA), name: "Mine", userId: me.id });
    const elsewhere = await a.addWorker({ team: T(a.teams.childrenB), name: "Elsewhere" });
    for (const id of [mine.id, elsewhere.id])
      await hub.deps.db.update(swStaff).set({ grade: "Grade 7" }).where(eq(swStaff.staffRecordId, id));
    const lead = await signedIn(hub, a.lead.email);
    const base = `/api/orgs/${a.council.id}/social-work`;
    const step = (
      await lead.post(`${base}/progression/steps`, {
        service: null,
        name: "Senior",
        fromGrade: "Grade 7",
        toGrade: "Grade 8",
        automatic: false,
        minMonthsInGrade: 24,
      })
    ).json.step;
    for (const w of [mine, elsewhere])
      expect((await lead.post(`${base}/progression/cases`, { staffRecordId: w.id, stepId: step.id })).status).toBe(201);

    const manager = await signedIn(hub, a.manager.email);
    expect((await manager.get(`${base}/workers/${elsewhere.id}/progression`)).status).toBe(404);
    expect((await manager.get(`${base}/workers/${mine.id}/progression`)).status).toBe(200);
    const cases = (await manager.get(`${base}/progression/cases`)).json.cases;
    expect(cases.map((c: { workerName: string }) => c.workerName)).toEqual(["Mine"]);
    const elsewhereCase = (await lead.get(`${base}/progression/cases`)).json.cases.find(
      (c: { workerName: string }) => c.workerName === "Elsewhere",
    );
    expect((await manager.get(`${base}/progression/cases/${elsewhereCase.id}`)).status).toBe(404);
    expect(
      (await manager.post(`${base}/workers/${elsewhere.id}/development-reviews`, { heldOn: "2026-06-01" })).status,
    ).toBe(404);
    const due = (await manager.get(`${base}/development-reviews/due`)).json.workers;
    expect(due.map((w: { name: string }) => w.name)).toEqual(["Mine"]);
    // The manager may record reviews for their team but not decide or change the scheme.
    expect(
      (await manager.post(`${base}/workers/${mine.id}/development-reviews`, { heldOn: "2026-06-01" })).status,
    ).toBe(201);
    expect((await manager.post(`${base}/progression/steps`, { ...step, name: "Manager's" })).status).toBe(403);
    const decide = await manager.post(`${base}/progression/cases/${elsewhereCase.id}/decision`, {
      decision: "approved",
      decidedOn: "2026-06-01",
    });
    expect(decide.status).toBe(403);

    const analyst = await signedIn(hub, a.analyst.email);
    expect((await analyst.get(`${base}/progression/cases`)).status).toBe(403);
    expect((await analyst.get(`${base}/workers/${mine.id}/progression`)).status).toBe(403);
    expect(
      (await analyst.post(`${base}/workers/${mine.id}/development-reviews`, { heldOn: "2026-06-01" })).status,
    ).toBe(403);

    const otherLead = await signedIn(hub, a.other.lead.email);
    const otherBase = `/api/orgs/${a.other.council.id}/social-work`;
    expect((await otherLead.get(`${otherBase}/workers/${mine.id}/progression`)).status).toBe(404);
    expect((await otherLead.get(`${otherBase}/progression/cases/${elsewhereCase.id}`)).status).toBe(404);
    expect(
      (
        await otherLead.request("PUT", `${otherBase}/progression/steps/${step.id}`, {
          ...step,
          name: "Stolen",
          id: undefined,
          archived: undefined,
        })
      ).status,
    ).toBe(404);

    const provider = await signedIn(hub, a.providerAdmin.email);
    const wrongKind = await provider.get(`/api/orgs/${a.provider.id}/social-work/progression/steps`);
    expect(wrongKind.status).toBe(403);
    expect(wrongKind.json.error.code).toBe("wrong_org_kind");

    const worker = await signedIn(hub, me.email);
    const own = await worker.get("/api/me/social-work/progression");
    expect(own.status).toBe(200);
    expect(own.json.records.map((r: { staffRecordId: string }) => r.staffRecordId)).toEqual([mine.id]);
    expect(own.json.records[0].lastReview.heldOn).toBe("2026-06-01");
    expect((await worker.get(`${base}/workers/${mine.id}/progression`)).status).toBe(404);

    // Nothing the refused writes tried changed anything.
    const [s] = await hub.deps.db.select().from(swProgressionSteps).where(eq(swProgressionSteps.id, step.id));
    expect(s.name).toBe("Senior");
    const reviews = await hub.deps.db
      .select()
      .from(swDevelopmentReviews)
      .where(eq(swDevelopmentReviews.staffRecordId, elsewhere.id));
    expect(reviews).toEqual([]);
    const [profile] = await hub.deps.db.select().from(swStaff).where(eq(swStaff.staffRecordId, elsewhere.id));
    expect(profile.grade).toBe("Grade 7");
  });
});
