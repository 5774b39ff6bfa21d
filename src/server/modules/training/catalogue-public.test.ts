import { describe, expect, it } from "vitest";
import { Client, testHub } from "../../../../test/harness";
import { booking, course, session, trainingArea } from "../../../../test/training-fixtures";
import { sessionQuotas } from "../../db/schema";

const hub = await testHub();

describe("the public list of courses", () => {
  it("shows a council's published staff courses and sessions to come with free places in total, and nothing personal", async () => {
    const area = await trainingArea(hub, { workers: 3 });
    const c = await course(hub, area, { title: "Safeguarding adults", frameworkItem: "care_certificate" });
    await course(hub, area, { title: "A draft", status: "draft" });
    await course(hub, area, { title: "Withdrawn one", status: "withdrawn" });
    await course(hub, area, { title: "Introduction to care", audience: "pre_employment" });
    const s = await session(hub, c, { capacity: 10, allocation: "quota", releaseAt: new Date("2026-06-20T09:00:00Z") });
    await hub.deps.db.insert(sessionQuotas).values({ sessionId: s.id, orgId: area.provider.id, places: 4 });
    await booking(hub, s, area.provider.id, area.staff[0].id);
    await booking(hub, s, area.provider.id, area.staff[1].id, { status: "waiting" });
    await session(hub, c, { startsAt: new Date("2026-06-01T09:00:00Z"), endsAt: new Date("2026-06-01T12:00:00Z") });
    await session(hub, c, {
      status: "cancelled",
      startsAt: new Date("2026-06-23T09:00:00Z"),
      endsAt: new Date("2026-06-23T12:00:00Z"),
    });

    const anyone = new Client(hub);
    const res = await anyone.get(`/api/public/courses?council=${area.council.slug}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
    expect(res.json.council).toEqual({ name: area.council.name, slug: area.council.slug });
    expect(res.json.courses.map((x: { title: string }) => x.title)).toEqual(["Safeguarding adults"]);
    expect(res.json.courses[0].sessions).toEqual([
      {
        id: s.id,
        startsAt: "2026-06-22T09:30:00.000Z",
        endsAt: "2026-06-22T16:00:00.000Z",
        place: s.venue,
        freePlaces: 9,
      },
    ]);
    expect(res.json.givesKeys).toEqual(["care_certificate"]);
    // No quotas, bookings, employers' ids, staff or trainer accounts.
    for (const secret of [
      area.provider.id,
      area.provider.name,
      area.staff[0].id,
      area.staff[0].localRef,
      area.trainer.email,
      "quota",
      "taken",
    ])
      expect(res.text).not.toContain(secret);

    const filtered = await anyone.get(`/api/public/courses?council=${area.council.slug}&gives=l3_diploma_adult_care`);
    expect(filtered.json.courses).toEqual([]);
    expect(
      (await anyone.get(`/api/public/courses?council=${area.council.slug}&gives=care_certificate`)).json.courses,
    ).toHaveLength(1);
  });

  it("answers 404 for an unknown council or one that is not a council, and 400 without one", async () => {
    const area = await trainingArea(hub);
    const anyone = new Client(hub);
    expect((await anyone.get("/api/public/courses?council=no-such-council")).status).toBe(404);
    expect((await anyone.get(`/api/public/courses?council=${area.provider.slug}`)).status).toBe(404);
    const missing = await anyone.get("/api/public/courses");
    expect(missing.status).toBe(400);
    expect(missing.json.error.message).toMatch(/council/);
    expect((await anyone.get(`/api/public/courses?council=${area.council.slug}&gives=DROP%20TABLE`)).status).toBe(400);
  });
});
