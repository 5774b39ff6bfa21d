import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedDemoOnce, signedIn, testHub } from "../../../../test/harness";
import { organisations } from "../../db/schema";
import { DEMO_PASSWORD } from "./seed";

// The pre-employment course's demo is alive on `npm start`: two cohorts with Riverside College,
// the older one with starts followed to six months, the demo job seeker sharing her details.

const hub = await testHub();
await seedDemoOnce(hub);
// The demo is read on its anchor day, as on `npm start` the day it is seeded.
hub.clock.now = new Date("2026-11-22T09:00:00Z");

describe("the pre-employment course's demo", () => {
  it("gives the council two cohorts and a report with starts and six-month retention", async () => {
    const [council] = await hub.deps.db.select().from(organisations).where(eq(organisations.slug, "halton"));
    const client = await signedIn(hub, "council.admin@halton.demo.test", DEMO_PASSWORD);
    const list = await client.get(`/api/orgs/${council.id}/training/cohorts`);
    expect(list.status).toBe(200);
    expect(list.json.cohorts.map((c: { name: string; partner: string }) => [c.name, c.partner])).toEqual([
      ["Spring cohort", "Riverside College"],
      ["Autumn cohort", "Riverside College"],
    ]);
    const autumn = list.json.cohorts[1];
    expect(autumn.learners).toEqual({ enrolled: 0, completed: 10, withdrawn: 2 });
    const report = await client.get(`/api/orgs/${council.id}/training/cohorts/report?cohortId=${autumn.id}`);
    expect(report.json.cohorts[0].stages.started).toEqual({ count: 6 });
    expect(report.json.cohorts[0].stages.stillEmployed6m).toEqual({ count: 5 });
    // The demo's job seeker: on the recent cohort, sharing her details, an interview to come.
    const cara = await signedIn(hub, "candidate@halton.demo.test", DEMO_PASSWORD);
    const mine = await cara.get(`/api/orgs/${council.id}/my-cohorts`);
    expect(mine.json.cohorts).toHaveLength(1);
    expect(mine.json.cohorts[0]).toMatchObject({ cohortName: "Spring cohort", status: "completed" });
    expect(mine.json.cohorts[0].sharedAt).not.toBeNull();
  });
});
