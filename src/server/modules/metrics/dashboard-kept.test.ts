import { describe, expect, it } from "vitest";
import { makeOrg, makeSystem, makeUser, signedIn, testHub, uniq } from "../../../../test/harness";
import { workplaces } from "../../db/schema";
import { commissionProvider } from "../orgs/orgs.service";

const hub = await testHub();

describe("a council's dashboard, kept while nothing it rests on changes", () => {
  it("is worked out afresh after a vacancy, a target or a newly commissioned provider", async () => {
    const { council, councilAdmin, provider, providerAdmin } = await makeSystem(hub);
    const [place] = await hub.deps.db
      .insert(workplaces)
      .values({ orgId: provider.id, localRef: `W-${uniq()}`, name: "Oak Home", mainService: 2 })
      .returning();
    const reader = await signedIn(hub, councilAdmin.email);
    const dashboard = async () => (await reader.get(`/api/orgs/${council.id}/dashboard`)).json;

    const first = await dashboard();
    expect(await dashboard()).toEqual(first);
    expect(first.targets).toEqual({});

    const writer = await signedIn(hub, providerAdmin.email);
    expect(
      (
        await writer.post(`/api/orgs/${provider.id}/vacancies`, {
          workplaceId: place.id,
          jobRole: 8,
          openedOn: "2026-05-01",
          posts: 2,
        })
      ).status,
    ).toBe(201);
    const afterVacancy = await dashboard();
    expect(afterVacancy).not.toEqual(first);
    expect(JSON.stringify(afterVacancy.now)).not.toEqual(JSON.stringify(first.now));

    expect(
      (await reader.request("PUT", `/api/orgs/${council.id}/targets`, { targets: { vacancy_rate: 0.09 } })).status,
    ).toBe(200);
    const withTarget = await dashboard();
    expect(withTarget.targets, JSON.stringify(withTarget).slice(0, 500)).toMatchObject({ vacancy_rate: 0.09 });

    // A provider with open posts, then commissioned: only the commissioning links changed.
    const second = await makeOrg(hub, "provider", `Second provider ${uniq()}`);
    const [secondPlace] = await hub.deps.db
      .insert(workplaces)
      .values({ orgId: second.id, localRef: `W-${uniq()}`, name: "Elm House", mainService: 2 })
      .returning();
    const secondWriter = await signedIn(hub, (await makeUser(hub, second, "provider_admin")).email);
    expect(
      (
        await secondWriter.post(`/api/orgs/${second.id}/vacancies`, {
          workplaceId: secondPlace.id,
          jobRole: 8,
          openedOn: "2026-05-01",
          posts: 3,
        })
      ).status,
    ).toBe(201);
    const beforeCommissioning = await dashboard();
    await commissionProvider(hub.ctx, { councilId: council.id, providerId: second.id, fromDate: "2020-01-01" });
    expect(JSON.stringify((await dashboard()).now)).not.toEqual(JSON.stringify(beforeCommissioning.now));
  });
});
