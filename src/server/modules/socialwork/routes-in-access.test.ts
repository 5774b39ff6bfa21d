import { describe, expect, it } from "vitest";
import { makeUser, signedIn, testHub } from "../../../../test/harness";
import { socialWorkArea } from "../../../../test/social-work-fixtures";

// Who sees trainees and practice educators: the service lead every one; a team manager those of
// the teams they manage (404 for another team's trainee, their teams only in lists); an analyst
// (figures only) 403; another council's lead 404; a provider 403 wrong_org_kind; a worker their
// own payments as a PE through /api/me; writes by the wrong role change nothing.

const hub = await testHub();
const area = await socialWorkArea(hub);
const base = `/api/orgs/${area.council.id}/social-work`;
const lead = await signedIn(hub, area.lead.email);
const peUser = await makeUser(hub, area.council, "staff_member");
const peA = await area.addWorker({ team: area.teams.childrenA, name: "Ann PE", peStage: 1, userId: peUser.id });
const peB = await area.addWorker({ team: area.teams.childrenB, name: "Ben PE", peStage: 2 });
const student = (name: string, teamId: string, practiceEducatorStaffId: string) => ({
  route: "placement",
  name,
  teamId,
  startDate: "2026-01-05",
  endDate: "2026-05-29",
  placementDays: 100,
  practiceEducatorStaffId,
});
const inA = (await lead.post(`${base}/trainees`, student("Alex InA", area.teams.childrenA.id, peA.id))).json.trainee;
const inB = (await lead.post(`${base}/trainees`, student("Bea InB", area.teams.childrenB.id, peB.id))).json.trainee;
const noTeam = (
  await lead.post(`${base}/trainees`, { route: "apprentice", name: "Cal NoTeam", startDate: "2025-09-01" })
).json.trainee;

describe("routes in: access", () => {
  it("the service lead sees every trainee and practice educator", async () => {
    const names = (await lead.get(`${base}/trainees`)).json.trainees.map((t: { name: string }) => t.name);
    expect(names.sort()).toEqual(["Alex InA", "Bea InB", "Cal NoTeam"]);
    const pes = (await lead.get(`${base}/practice-educators`)).json.practiceEducators.map(
      (p: { name: string }) => p.name,
    );
    expect(pes.sort()).toEqual(["Ann PE", "Ben PE"]);
  });

  it("a team manager sees only their teams' trainees and PEs, and 404 for another team's trainee", async () => {
    const manager = await signedIn(hub, area.manager.email);
    const list = await manager.get(`${base}/trainees`);
    expect(list.json.trainees.map((t: { name: string }) => t.name)).toEqual(["Alex InA"]);
    expect((await manager.get(`${base}/trainees/${inA.id}`)).status).toBe(200);
    for (const t of [inB, noTeam]) {
      const res = await manager.get(`${base}/trainees/${t.id}`);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain(t.name);
    }
    const pes = (await manager.get(`${base}/practice-educators`)).json;
    expect(pes.practiceEducators.map((p: { name: string }) => p.name)).toEqual(["Ann PE"]);
    expect(pes.payments.map((p: { traineeName: string }) => p.traineeName)).toEqual(["Alex InA"]);
    const summary = (await manager.get(`${base}/routes-in`)).json;
    expect(summary.byRoute.find((r: { route: string }) => r.route === "placement").inTraining).toBe(1);
    expect(summary.byRoute.find((r: { route: string }) => r.route === "apprentice").inTraining).toBe(0);
  });

  it("a team manager cannot write: 403 and nothing changes", async () => {
    const manager = await signedIn(hub, area.manager.email);
    const payment = (await lead.get(`${base}/trainees/${inA.id}`)).json.trainee.payments[0];
    const writes = [
      await manager.post(`${base}/trainees`, student("Sneaky", area.teams.childrenA.id, peA.id)),
      await manager.request("PUT", `${base}/trainees/${inA.id}`, {
        ...student("Renamed", area.teams.childrenA.id, peA.id),
      }),
      await manager.post(`${base}/trainees/${inA.id}/outcome`, { outcome: "withdrawn", on: "2026-03-01" }),
      await manager.post(`${base}/pe-payments/${payment.id}/paid`, { paidOn: "2026-06-01" }),
      await manager.get(`${base}/trainee-options`),
    ];
    for (const res of writes) expect(res.status).toBe(403);
    const after = (await lead.get(`${base}/trainees/${inA.id}`)).json.trainee;
    expect(after).toMatchObject({ name: "Alex InA", status: "in_training" });
    expect(after.payments[0].paidOn).toBeNull();
    expect((await lead.get(`${base}/trainees`)).json.trainees).toHaveLength(3);
  });

  it("an analyst (figures only) and a council admin get 403 on the records", async () => {
    for (const email of [area.analyst.email, area.councilAdmin.email]) {
      const client = await signedIn(hub, email);
      for (const path of ["/trainees", `/trainees/${inA.id}`, "/practice-educators", "/routes-in"]) {
        const res = await client.get(`${base}${path}`);
        expect(res.status, `${email} ${path}`).toBe(403);
        expect(res.text).not.toContain("Alex InA");
      }
    }
  });

  it("another council's lead gets 404 for this council, and sees none of it in their own", async () => {
    const other = await signedIn(hub, area.other.lead.email);
    for (const path of ["/trainees", `/trainees/${inA.id}`, "/practice-educators"]) {
      const res = await other.get(`${base}${path}`);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain("Alex InA");
    }
    const own = `/api/orgs/${area.other.council.id}/social-work`;
    expect((await other.get(`${own}/trainees/${inA.id}`)).status).toBe(404);
    expect((await other.get(`${own}/trainees`)).json.trainees).toEqual([]);
    const payment = (await lead.get(`${base}/trainees/${inA.id}`)).json.trainee.payments[0];
    expect((await other.post(`${own}/pe-payments/${payment.id}/paid`, { paidOn: "2026-06-01" })).status).toBe(404);
    expect((await lead.get(`${base}/trainees/${inA.id}`)).json.trainee.payments[0].paidOn).toBeNull();
    const linkOther = await other.post(`${own}/trainees`, student("Poacher", area.other.team.id, peA.id));
    expect(linkOther.status).toBe(400);
    expect(linkOther.json.error.issues[0].path).toBe("practiceEducatorStaffId");
  });

  it("a provider gets 403 wrong_org_kind", async () => {
    const provider = await signedIn(hub, area.providerAdmin.email);
    const res = await provider.get(`/api/orgs/${area.provider.id}/social-work/trainees`);
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("wrong_org_kind");
  });

  it("a practice educator sees their own payments through /api/me, and nobody else's", async () => {
    const me = await signedIn(hub, peUser.email);
    const res = await me.get("/api/me/social-work/practice-education");
    expect(res.status).toBe(200);
    expect(res.json.payments.map((p: { traineeName: string }) => p.traineeName)).toEqual(["Alex InA"]);
    const someone = await signedIn(hub, area.analyst.email);
    expect((await someone.get("/api/me/social-work/practice-education")).json.payments).toEqual([]);
    expect((await me.get(`${base}/trainees`)).status).toBe(403);
  });
});
