import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeOrg, makeUser, signedIn, testHub, uniq } from "../../../../test/harness";
import { agencyUse, vacancies, workplaces } from "../../db/schema";

const hub = await testHub();

async function provider() {
  const org = await makeOrg(hub, "provider");
  const [place] = await hub.deps.db
    .insert(workplaces)
    .values({ orgId: org.id, localRef: `W-${uniq()}`, name: "Oak Home", mainService: 2 })
    .returning();
  const admin = await makeUser(hub, org, "provider_admin");
  return { org, place, client: await signedIn(hub, admin.email) };
}

describe("vacancies", () => {
  it("opens posts, lists them, closes one, and keeps the history", async () => {
    const { org, place, client } = await provider();
    const opened = await client.post(`/api/orgs/${org.id}/vacancies`, {
      workplaceId: place.id,
      jobRole: 8,
      openedOn: "2026-05-01",
      posts: 3,
    });
    expect(opened.status).toBe(201);
    expect(opened.json.vacancies).toHaveLength(3);
    const open = await client.get(`/api/orgs/${org.id}/vacancies`);
    expect(
      open.json.vacancies.map((v: { role: { label: string }; workplace: { name: string } }) => [
        v.role.label,
        v.workplace.name,
      ]),
    ).toEqual(Array(3).fill(["Care worker", "Oak Home"]));
    const id = open.json.vacancies[0].id;
    expect((await client.post(`/api/orgs/${org.id}/vacancies/${id}/close`, { closedOn: "2026-04-01" })).status).toBe(
      400,
    );
    expect(
      (await client.post(`/api/orgs/${org.id}/vacancies/${id}/close`, { closedOn: "2026-06-02" })).json.vacancy
        .closedOn,
    ).toBe("2026-06-02");
    expect((await client.post(`/api/orgs/${org.id}/vacancies/${id}/close`, { closedOn: "2026-06-02" })).status).toBe(
      409,
    );
    expect((await client.get(`/api/orgs/${org.id}/vacancies`)).json.vacancies).toHaveLength(2);
    expect((await client.get(`/api/orgs/${org.id}/vacancies?status=all`)).json.vacancies).toHaveLength(3);
  });

  it("refuses another organisation's workplace, unknown roles and future dates", async () => {
    const a = await provider();
    const b = await provider();
    const res = await a.client.post(`/api/orgs/${a.org.id}/vacancies`, {
      workplaceId: b.place.id,
      jobRole: 8,
      openedOn: "2026-05-01",
    });
    expect(res.status).toBe(400);
    expect(res.json.error.issues[0].path).toBe("workplaceId");
    expect(
      (await hub.deps.db.select({ n: count() }).from(vacancies).where(eq(vacancies.workplaceId, b.place.id)))[0].n,
    ).toBe(0);
    expect(
      (
        await a.client.post(`/api/orgs/${a.org.id}/vacancies`, {
          workplaceId: a.place.id,
          jobRole: 999,
          openedOn: "2026-05-01",
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await a.client.post(`/api/orgs/${a.org.id}/vacancies`, {
          workplaceId: a.place.id,
          jobRole: 8,
          openedOn: "2099-01-01",
        })
      ).status,
    ).toBe(400);
  });
});

describe("agency use", () => {
  it("records hours and spend per workplace per month, replacing a month's figures when recorded again", async () => {
    const { org, place, client } = await provider();
    const first = await client.request("PUT", `/api/orgs/${org.id}/agency-use`, {
      workplaceId: place.id,
      month: "2026-04",
      hours: 120.5,
      spend: 3012.5,
      roles: [8, 7, 8],
    });
    expect(first.json.agencyUse).toMatchObject({ month: "2026-04", hours: 120.5, spend: 3012.5, roles: [7, 8] });
    await client.request("PUT", `/api/orgs/${org.id}/agency-use`, {
      workplaceId: place.id,
      month: "2026-04",
      hours: 130,
      spend: 3250,
      roles: [8],
    });
    await client.request("PUT", `/api/orgs/${org.id}/agency-use`, {
      workplaceId: place.id,
      month: "2026-05",
      hours: 80,
      spend: 2000,
      roles: [],
    });
    const list = await client.get(`/api/orgs/${org.id}/agency-use?year=2026`);
    expect(
      list.json.agencyUse.map((u: { month: string; hours: number; spend: number }) => [u.month, u.hours, u.spend]),
    ).toEqual([
      ["2026-04", 130, 3250],
      ["2026-05", 80, 2000],
    ]);
    expect((await hub.deps.db.select({ n: count() }).from(agencyUse).where(eq(agencyUse.orgId, org.id)))[0].n).toBe(2);
    const bad = await client.request("PUT", `/api/orgs/${org.id}/agency-use`, {
      workplaceId: place.id,
      month: "2026-13",
      hours: -1,
      spend: 1,
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["hours", "month"]);
  });
});
