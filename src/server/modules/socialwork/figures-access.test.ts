import { describe, expect, it } from "vitest";
import { Client, makeUser, signedIn, testHub } from "../../../../test/harness";
import { socialWorkArea, type WorkerInput } from "../../../../test/social-work-fixtures";

// Who may read the social work figures (socialwork.figures: aggregates only): the service lead, a
// team manager (every team's aggregates, protected; never a person), the council's admin and its
// analyst. A personal account (staff_member) gets 403; another council's lead 404; a provider 403
// wrong_org_kind. Nothing that leaves names a worker.

const hub = await testHub();
const area = await socialWorkArea(hub);
const team = (t: { id: string; service: string; workplaceId: string }) => t as WorkerInput["team"];
for (let i = 0; i < 6; i++)
  await area.addWorker({ team: team(area.teams.childrenA), name: `Named Worker ${i}`, sweNumber: `SW88800${i}` });
const paths = ["", "/series?months=12", "/series.csv?months=36"].map(
  (p) => `/api/orgs/${area.council.id}/social-work/figures${p}`,
);

describe("social work figures access", () => {
  it("the lead, a team manager, the council's admin and analyst read the aggregates, with no name or SWE number", async () => {
    for (const email of [area.lead.email, area.manager.email, area.councilAdmin.email, area.analyst.email]) {
      const client = await signedIn(hub, email);
      for (const p of paths) {
        const res = await client.get(p);
        expect(res.status, `${email} ${p}`).toBe(200);
        expect(res.text).not.toContain("Named Worker");
        expect(res.text).not.toContain("SW8880");
      }
    }
    // A team manager sees every team's protected aggregates, not only their own team.
    const manager = await signedIn(hub, area.manager.email);
    const teams = (await manager.get(paths[0])).json.teams.map((t: { id: string }) => t.id);
    expect(teams).toEqual(
      expect.arrayContaining([area.teams.childrenA.id, area.teams.childrenB.id, area.teams.adults.id]),
    );
  });

  it("a personal account (staff member) gets 403", async () => {
    const me = await makeUser(hub, area.council, "staff_member");
    const client = await signedIn(hub, me.email);
    for (const p of paths) expect((await client.get(p)).status, p).toBe(403);
  });

  it("another council's lead gets 404 and none of this council's teams", async () => {
    const other = await signedIn(hub, area.other.lead.email);
    for (const p of paths) {
      const res = await other.get(p);
      expect(res.status, p).toBe(404);
      expect(res.text).not.toContain(area.teams.childrenA.id);
    }
    // Its own figures hold its own team only.
    const own = await other.get(`/api/orgs/${area.other.council.id}/social-work/figures`);
    expect(own.json.teams.map((t: { id: string }) => t.id)).toEqual([area.other.team.id]);
  });

  it("a provider gets 403 wrong_org_kind; a visitor 401", async () => {
    const provider = await signedIn(hub, area.providerAdmin.email);
    const res = await provider.get(`/api/orgs/${area.provider.id}/social-work/figures`);
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("wrong_org_kind");
    expect((await new Client(hub).get(paths[0])).status).toBe(401);
  });
});
