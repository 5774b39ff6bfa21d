import { and, asc, eq, gt } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Client, seedDemoOnce, testHub } from "../../../../test/harness";
import { organisations, sessionQuotas, trainingCourses, trainingSessions, users } from "../../db/schema";

const hub = await testHub();

describe("the catalogue's demo", () => {
  it("gives the demo council about 60 courses from three offerers and a year of sessions with mixed allocations", async () => {
    await seedDemoOnce(hub);
    const [council] = await hub.deps.db.select().from(organisations).where(eq(organisations.slug, "halton"));
    const courses = await hub.deps.db
      .select()
      .from(trainingCourses)
      .where(eq(trainingCourses.councilId, council.id))
      .orderBy(asc(trainingCourses.title));
    expect(courses.length).toBeGreaterThanOrEqual(55);
    expect(new Set(courses.map((c) => c.offeredBy)).size).toBe(3);
    const pre = courses.filter((c) => c.audience === "pre_employment");
    expect(pre.map((c) => c.title)).toEqual([
      "Introduction to care: pre-employment course with a guaranteed interview",
    ]);
    const l2 = courses.find((c) => c.title === "Level 2 Adult Social Care Certificate");
    expect(l2).toMatchObject({ funding: "ldss", ldssKind: "qualification", ldssPence: 154000 });
    expect(courses.find((c) => c.title === "Fire safety")?.refreshMonths).toBe(12);
    expect(courses.some((c) => c.funding === "charged" && c.costPence > 0)).toBe(true);

    const anchor = new Date("2026-11-22T12:00:00Z");
    const sessions = await hub.deps.db
      .select()
      .from(trainingSessions)
      .where(eq(trainingSessions.councilId, council.id))
      .orderBy(asc(trainingSessions.startsAt));
    const past = sessions.filter((s) => s.startsAt < anchor);
    const future = sessions.filter((s) => s.startsAt > anchor);
    expect(past.length).toBeGreaterThan(future.length);
    expect(future.length).toBeGreaterThan(30);
    expect(sessions[0].startsAt.getTime()).toBeGreaterThan(anchor.getTime() - 290 * 86_400_000);
    expect(sessions.at(-1)?.startsAt.getTime()).toBeLessThan(anchor.getTime() + 100 * 86_400_000);
    const kinds = new Set(sessions.map((s) => s.allocation));
    expect([...kinds].sort()).toEqual(["by_size", "open", "quota"]);
    expect(sessions.every((s) => s.capacity >= 8 && s.capacity <= 20)).toBe(true);
    // Quotas never hold more than the capacity.
    for (const s of sessions.filter((x) => x.allocation !== "open").slice(0, 40)) {
      const q = await hub.deps.db.select().from(sessionQuotas).where(eq(sessionQuotas.sessionId, s.id));
      expect(q.reduce((n, r) => n + r.places, 0)).toBeLessThanOrEqual(s.capacity);
    }
    // The demo's trainer runs Riverside College's sessions.
    const [trainer] = await hub.deps.db.select().from(users).where(eq(users.email, "trainer@riverside.demo.test"));
    const riverside = await hub.deps.db
      .select()
      .from(trainingSessions)
      .where(and(eq(trainingSessions.trainerUserId, trainer.id), gt(trainingSessions.startsAt, anchor)));
    expect(riverside.length).toBeGreaterThan(5);

    // The public list has courses with free places after the anchor.
    hub.clock.now = anchor;
    const pub = await new Client(hub).get("/api/public/courses?council=halton");
    expect(pub.status).toBe(200);
    expect(pub.json.courses.length).toBeGreaterThan(40);
    expect(pub.json.givesKeys).toContain("care_certificate");
  });
});
