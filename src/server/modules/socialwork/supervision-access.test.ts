import { describe, expect, it } from "vitest";
import { makeUser, signedIn, testHub } from "../../../../test/harness";
import { socialWorkArea } from "../../../../test/social-work-fixtures";

// Whose supervision and caseloads one sees: the lead every team; a team manager their own team
// (404 for another team's worker, only their team in lists); an analyst (figures only) 403 on
// records; another council's lead 404; a provider 403 wrong_org_kind; a worker their own on /api/me;
// and writes by the wrong person change nothing.

const hub = await testHub();
const area = await socialWorkArea(hub);
const own = await makeUser(hub, null);
const mineA = await area.addWorker({ team: area.teams.childrenA, name: "Ann Own", userId: own.id });
const otherB = await area.addWorker({ team: area.teams.childrenB, name: "Bob Other" });
const base = `/api/orgs/${area.council.id}/social-work`;
const rec = (staffRecordId: string) => ({
  staffRecordId,
  heldOn: "2026-06-01",
  type: "reflective",
  minutes: 90,
  actions: "Plan",
});

describe("supervision access", () => {
  it("a team manager sees only their team, gets 404 for another team's worker, and cannot record for them", async () => {
    const m = await signedIn(hub, area.manager.email);
    const o = await m.get(`${base}/supervision`);
    expect(o.status).toBe(200);
    expect(o.json.teams.map((t: { name: string }) => t.name)).toEqual(["Assessment"]);
    expect(JSON.stringify(o.json)).not.toContain("Bob Other");
    expect((await m.get(`${base}/workers/${otherB.id}/supervision`)).status).toBe(404);
    expect((await m.get(`${base}/workers/${otherB.id}/caseloads`)).status).toBe(404);
    expect((await m.get(`${base}/teams/${area.teams.childrenB.id}/caseloads`)).status).toBe(404);
    expect((await m.post(`${base}/supervisions`, rec(otherB.id))).status).toBe(404);
    const put = await m.request("PUT", `${base}/teams/${area.teams.childrenB.id}/caseloads/2026-05`, {
      entries: [{ staffRecordId: otherB.id, openCases: 5, byType: {} }],
    });
    expect(put.status).toBe(404);
    const lead = await signedIn(hub, area.lead.email);
    expect((await lead.get(`${base}/workers/${otherB.id}/supervision`)).json.supervisions).toEqual([]);
    expect((await lead.get(`${base}/workers/${otherB.id}/caseloads`)).json.months).toEqual([]);
    const ov = await lead.get(`${base}/caseloads?month=2026-05`);
    expect(ov.json.teams.length).toBe(2);
  });

  it("an analyst gets 403 on records; another council's lead 404; a provider wrong_org_kind", async () => {
    const a = await signedIn(hub, area.analyst.email);
    expect((await a.get(`${base}/supervision`)).status).toBe(403);
    expect((await a.get(`${base}/workers/${mineA.id}/supervision`)).status).toBe(403);
    expect((await a.post(`${base}/supervisions`, rec(mineA.id))).status).toBe(403);
    const other = await signedIn(hub, area.other.lead.email);
    expect((await other.get(`${base}/supervision`)).status).toBe(404);
    expect(
      (await other.get(`/api/orgs/${area.other.council.id}/social-work/workers/${mineA.id}/supervision`)).status,
    ).toBe(404);
    const p = await signedIn(hub, area.providerAdmin.email);
    const res = await p.get(`/api/orgs/${area.provider.id}/social-work/supervision`);
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("wrong_org_kind");
  });

  it("a manager cannot change the standard; another manager's record cannot be changed by them", async () => {
    const m = await signedIn(hub, area.manager.email);
    const put = await m.request("PUT", `${base}/supervision-standards`, {
      standards: [{ appliesTo: "all", every: 3, unit: "month", minMinutes: 90 }],
    });
    expect(put.status).toBe(403);
    const lead = await signedIn(hub, area.lead.email);
    const s = (await lead.get(`${base}/supervision-standards`)).json.standards.find(
      (x: { appliesTo: string }) => x.appliesTo === "all",
    );
    expect(s).toMatchObject({ every: 1, unit: "month", set: false });
    // The lead records one in team A; the manager (not the recorder) cannot change or delete it.
    const made = await lead.post(`${base}/supervisions`, rec(mineA.id));
    expect(made.status).toBe(201);
    expect((await m.patch(`${base}/supervisions/${made.json.id}`, { minutes: 30 })).status).toBe(403);
    expect((await m.delete(`${base}/supervisions/${made.json.id}`)).status).toBe(403);
    const after = (await lead.get(`${base}/workers/${mineA.id}/supervision`)).json.supervisions;
    expect(after.map((x: { minutes: number }) => x.minutes)).toEqual([90]);
    // An analyst's write changes nothing either.
    const a = await signedIn(hub, area.analyst.email);
    expect((await a.delete(`${base}/supervisions/${made.json.id}`)).status).toBe(403);
    expect((await lead.get(`${base}/workers/${mineA.id}/supervision`)).json.supervisions.length).toBe(1);
  });

  it("a worker sees only their own through /api/me", async () => {
    const me = await signedIn(hub, own.email);
    const res = await me.get("/api/me/social-work/supervision");
    expect(res.status).toBe(200);
    expect(res.json.status.staffRecordId).toBe(mineA.id);
    expect(
      res.json.supervisions.every(
        (s: { staffRecordId: string; canChange: boolean }) => s.staffRecordId === mineA.id && !s.canChange,
      ),
    ).toBe(true);
    expect((await me.get("/api/me/social-work/caseloads")).status).toBe(200);
    // A personal account with no social work record sees nothing, not someone else's.
    const stranger = await makeUser(hub, null);
    const s = await signedIn(hub, stranger.email);
    expect((await s.get("/api/me/social-work/supervision")).json).toEqual({ status: null, supervisions: [] });
  });
});
