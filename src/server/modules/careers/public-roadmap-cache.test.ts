import { describe, expect, it } from "vitest";
import { makeSystem, signedIn, testHub, uniq } from "../../../../test/harness";
import { workplaces } from "../../db/schema";
import { ttlCache } from "../../lib/ttl-cache";

const hub = await testHub();

describe("the public roadmap, kept a minute", () => {
  it("is worked out once for callers within the minute, shared while in flight, again after it, and a failure is not kept", async () => {
    const cache = ttlCache<number>(60_000);
    let runs = 0;
    const compute = async () => ++runs;
    const [a, b] = await Promise.all([cache("halton", compute, 0), cache("halton", compute, 10)]);
    expect([a, b, runs]).toEqual([1, 1, 1]);
    expect(await cache("halton", compute, 59_999)).toBe(1);
    expect(await cache("other", compute, 59_999)).toBe(2);
    expect(await cache("halton", compute, 60_000)).toBe(3);
    await expect(cache("broken", () => Promise.reject(new Error("down")), 70_000)).rejects.toThrow("down");
    expect(await cache("broken", compute, 70_001)).toBe(4);
  });

  it("shows a new vacancy at once, and says it may be cached for a minute", async () => {
    const { council, provider, providerAdmin } = await makeSystem(hub);
    const [place] = await hub.deps.db
      .insert(workplaces)
      .values({ orgId: provider.id, localRef: `W-${uniq()}`, name: "Oak Home", mainService: 2 })
      .returning();
    const before = await hub.app.request(`/api/public/careers?council=${council.slug}`);
    expect(before.headers.get("cache-control")).toBe("public, max-age=60");
    const careWorkersBefore = ((await before.json()) as { vacancies: Record<string, number> }).vacancies;
    const client = await signedIn(hub, providerAdmin.email);
    expect(
      (
        await client.post(`/api/orgs/${provider.id}/vacancies`, {
          workplaceId: place.id,
          jobRole: 8,
          openedOn: "2026-05-01",
          posts: 2,
        })
      ).status,
    ).toBe(201);
    const after = (
      (await (await hub.app.request(`/api/public/careers?council=${council.slug}`)).json()) as {
        vacancies: Record<string, number>;
      }
    ).vacancies;
    const grew = Object.keys(after).filter((k) => after[k] === (careWorkersBefore[k] ?? 0) + 2);
    expect(grew.length).toBeGreaterThan(0);
  });
});
