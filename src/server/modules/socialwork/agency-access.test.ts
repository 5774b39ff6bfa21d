import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Client, signedIn, testHub } from "../../../../test/harness";
import { socialWorkArea } from "../../../../test/social-work-fixtures";
import { swAgencyAssignments, swAgencyPriceCaps } from "../../db/schema";

// Who sees agency assignments (they carry SWE numbers and pay): the service lead every team; a
// team manager only their own teams' (404 for another team's, as for another council's); figures
// readers (analyst, council admin) 403 on the assignments but the aggregates; another council's
// lead 404; a provider 403 wrong_org_kind. Writes are the lead's: a manager's change nothing.

const hub = await testHub();
const area = await socialWorkArea(hub);
const lead = await signedIn(hub, area.lead.email);
const base = `/api/orgs/${area.council.id}/social-work`;
const body = (teamId: string, workerName: string) => ({
  teamId,
  role: "social_worker",
  workerName,
  sweNumber: "SW555001",
  agencyName: "Locums Ltd",
  startDate: "2026-01-05",
  hourlyRate: 38,
  // Within the DfE agency rules, so saving needs no confirmation (agency.test.ts tests that).
  noticeWeeks: 4,
  pqeYears: 5,
  referenceReceived: true,
});
const inA = (await lead.post(`${base}/agency/assignments`, body(area.teams.childrenA.id, "In Team A"))).json.assignment;
const inB = (await lead.post(`${base}/agency/assignments`, body(area.teams.childrenB.id, "In Team B"))).json.assignment;

describe("agency access", () => {
  it("the lead sees both; a team manager sees only their team's, and 404 for the other", async () => {
    const all = await lead.get(`${base}/agency/assignments`);
    expect(all.json.assignments.map((a: { id: string }) => a.id).sort()).toEqual([inA.id, inB.id].sort());
    const manager = await signedIn(hub, area.manager.email);
    const mine = await manager.get(`${base}/agency/assignments`);
    expect(mine.status).toBe(200);
    expect(mine.json.assignments.map((a: { id: string }) => a.id)).toEqual([inA.id]);
    expect(mine.json.teams.map((t: { id: string }) => t.id)).toEqual([area.teams.childrenA.id]);
    expect((await manager.get(`${base}/agency/assignments/${inA.id}`)).status).toBe(200);
    const other = await manager.get(`${base}/agency/assignments/${inB.id}`);
    expect(other.status).toBe(404);
    expect(other.text).not.toContain("SW555001");
    // Team rows of the monthly view: only their own team.
    const teams = await manager.get(`${base}/starters-leavers?by=team`);
    expect(teams.json.groups.map((g: { key: string }) => g.key)).toEqual([area.teams.childrenA.id]);
  });

  it("a team manager cannot write: 403 and nothing changes", async () => {
    const manager = await signedIn(hub, area.manager.email);
    const put = await manager.request("PUT", `${base}/agency/assignments/${inA.id}`, {
      ...body(area.teams.childrenA.id, "Changed"),
      hourlyRate: 99,
    });
    expect(put.status).toBe(403);
    expect((await manager.post(`${base}/agency/assignments/${inA.id}/end`, { endDate: "2026-02-01" })).status).toBe(
      403,
    );
    expect((await manager.post(`${base}/agency/assignments`, body(area.teams.childrenA.id, "New"))).status).toBe(403);
    const cap = await manager.request("PUT", `${base}/agency/price-caps`, {
      roleType: "social_worker",
      hourlyCap: 10,
      fromDate: "2025-10-01",
    });
    expect(cap.status).toBe(403);
    const [row] = await hub.deps.db.select().from(swAgencyAssignments).where(eq(swAgencyAssignments.id, inA.id));
    expect(row).toMatchObject({ workerName: "In Team A", hourlyRate: 38, endDate: null });
    expect(
      await hub.deps.db.select().from(swAgencyPriceCaps).where(eq(swAgencyPriceCaps.orgId, area.council.id)),
    ).toEqual([]);
    expect((await manager.get(`${base}/agency/return/2026-Q1`)).status).toBe(403);
  });

  it("an analyst and a council admin (figures only) get 403 on assignments and the return, 200 on the aggregates", async () => {
    for (const email of [area.analyst.email, area.councilAdmin.email]) {
      const client = await signedIn(hub, email);
      for (const p of [
        "/agency/assignments",
        `/agency/assignments/${inA.id}`,
        "/agency/price-caps",
        "/agency/return/2026-Q1",
      ]) {
        const res = await client.get(`${base}${p}`);
        expect(res.status, `${email} ${p}`).toBe(403);
        expect(res.text).not.toContain("SW555001");
      }
      expect((await client.get(`${base}/starters-leavers`)).status).toBe(200);
      expect((await client.get(`${base}/agency/spend`)).status).toBe(200);
    }
  });

  it("another council's lead gets 404, and their own list does not hold this council's", async () => {
    const other = await signedIn(hub, area.other.lead.email);
    expect((await other.get(`${base}/agency/assignments/${inA.id}`)).status).toBe(404);
    expect((await other.get(`${base}/agency/assignments`)).status).toBe(404);
    const viaOwn = await other.get(`/api/orgs/${area.other.council.id}/social-work/agency/assignments/${inA.id}`);
    expect(viaOwn.status).toBe(404);
    const own = await other.get(`/api/orgs/${area.other.council.id}/social-work/agency/assignments?status=all`);
    expect(own.json.assignments).toEqual([]);
    const end = await other.post(`/api/orgs/${area.other.council.id}/social-work/agency/assignments/${inA.id}/end`, {
      endDate: "2026-02-01",
    });
    expect(end.status).toBe(404);
    const [row] = await hub.deps.db.select().from(swAgencyAssignments).where(eq(swAgencyAssignments.id, inA.id));
    expect(row.endDate).toBeNull();
  });

  it("a provider gets 403 wrong_org_kind; a visitor 401", async () => {
    const provider = await signedIn(hub, area.providerAdmin.email);
    const res = await provider.get(`/api/orgs/${area.provider.id}/social-work/agency/assignments`);
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("wrong_org_kind");
    expect((await new Client(hub).get(`${base}/agency/assignments`)).status).toBe(401);
  });
});
