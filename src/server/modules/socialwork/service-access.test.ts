import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeUser, signedIn, testHub } from "../../../../test/harness";
import { socialWorkArea } from "../../../../test/social-work-fixtures";
import { swStaff, swTeams } from "../../db/schema";

// Who sees which of the service's records (access.ts): the lead every team; a team manager only
// the teams they manage (others' workers and teams are 404, lists leave them out); an analyst
// (figures only) 403 on records but the overview's aggregates; another council's lead 404; a
// provider 403 wrong_org_kind; a worker only their own through /api/me; writes by the wrong role
// change nothing.

const hub = await testHub();
const area = await socialWorkArea(hub);
const base = `/api/orgs/${area.council.id}/social-work`;
const mine = await area.addWorker({ team: area.teams.childrenA, sweNumber: "SW310001" });
const theirs = await area.addWorker({ team: area.teams.childrenB, sweNumber: "SW310002" });
const adult = await area.addWorker({ team: area.teams.adults, sweNumber: "SW310003" });
const ids = (res: { json: { workers?: { id: string }[]; teams?: { id: string }[] } }) =>
  (res.json.workers ?? res.json.teams ?? []).map((x) => x.id).sort();

describe("social work service access", () => {
  it("a team manager sees only the teams they manage and their workers", async () => {
    const manager = await signedIn(hub, area.manager.email);
    expect(ids(await manager.get(`${base}/teams`))).toEqual([area.teams.childrenA.id]);
    expect(ids(await manager.get(`${base}/workers`))).toEqual([mine.id]);
    expect((await manager.get(`${base}/workers/${mine.id}`)).json.worker.profile.sweNumber).toBe("SW310001");
    for (const id of [theirs.id, adult.id]) {
      const res = await manager.get(`${base}/workers/${id}`);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain("SW3100");
    }
    expect((await manager.get(`${base}/teams/${area.teams.childrenB.id}`)).status).toBe(404);
    const est = await manager.get(`${base}/establishment`);
    expect(est.json.teams.map((t: { teamId: string }) => t.teamId)).toEqual([area.teams.childrenA.id]);
  });

  it("a team manager's writes are refused and change nothing", async () => {
    const manager = await signedIn(hub, area.manager.email);
    expect((await manager.patch(`${base}/workers/${mine.id}`, { grade: "Grade 99" })).status).toBe(403);
    expect((await manager.post(`${base}/teams`, { name: "Mine now", service: "children" })).status).toBe(403);
    expect((await manager.request("PUT", `${base}/settings`, {})).status).toBe(403);
    const [profile] = await hub.deps.db.select().from(swStaff).where(eq(swStaff.staffRecordId, mine.id));
    expect(profile.grade).toBeNull();
    const teams = await hub.deps.db.select().from(swTeams).where(eq(swTeams.name, "Mine now"));
    expect(teams).toEqual([]);
  });

  it("an analyst gets 403 on records but the overview's aggregates", async () => {
    const analyst = await signedIn(hub, area.analyst.email);
    for (const p of ["/teams", "/workers", `/workers/${mine.id}`, "/establishment", "/settings"]) {
      const res = await analyst.get(`${base}${p}`);
      expect(res.status, p).toBe(403);
      expect(res.text).not.toContain("SW3100");
    }
    const overview = await analyst.get(`${base}/overview`);
    expect(overview.status).toBe(200);
    expect(overview.text).not.toContain("SW3100");
    expect(overview.text).not.toContain(mine.id);
  });

  it("another council's lead gets 404 and a provider 403 wrong_org_kind", async () => {
    const other = await signedIn(hub, area.other.lead.email);
    for (const p of ["/teams", "/workers", `/workers/${mine.id}`, "/overview"]) {
      expect((await other.get(`${base}${p}`)).status, p).toBe(404);
    }
    // Their own council's path does not reach this council's worker either.
    expect((await other.get(`/api/orgs/${area.other.council.id}/social-work/workers/${mine.id}`)).status).toBe(404);
    const provider = await signedIn(hub, area.providerAdmin.email);
    const res = await provider.get(`/api/orgs/${area.provider.id}/social-work/workers`);
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("wrong_org_kind");
  });

  it("a worker sees only their own records through /api/me", async () => {
    const person = await makeUser(hub, null);
    const own = await area.addWorker({ team: area.teams.adults, userId: person.id, sweNumber: "SW310009" });
    const client = await signedIn(hub, person.email);
    const res = await client.get("/api/me/social-work");
    expect(res.json.records.map((r: { staffRecordId: string }) => r.staffRecordId)).toEqual([own.id]);
    expect(res.text).not.toContain("SW310001");
    expect((await client.get(`${base}/workers/${own.id}`)).status).toBe(404);
  });
});
