import { eq, sql } from "drizzle-orm";
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
    // The starts are the employers' own starters of the demo's history: the report counts them
    // from their staff records (shown: five or more), and who was still in post six months on.
    const starts = (
      await hub.deps.db.execute(sql`
        select s.start_date, s.end_date, (s.end_date is null or s.end_date >= s.start_date + 182) as stayed
        from guaranteed_interviews g join cohort_learners l on l.id = g.learner_id
        join staff_records s on s.id = g.staff_record_id
        where l.cohort_id = ${autumn.id} order by s.start_date`)
    ).rows as { stayed: boolean }[];
    expect(starts.length).toBeGreaterThanOrEqual(5);
    expect(report.json.cohorts[0].stages.started).toEqual({ count: starts.length });
    expect(report.json.cohorts[0].stages.stillEmployed6m).toEqual({ count: starts.filter((x) => x.stayed).length });
    // The demo's job seeker: on the recent cohort, sharing her details, an interview to come.
    const cara = await signedIn(hub, "candidate@halton.demo.test", DEMO_PASSWORD);
    const mine = await cara.get(`/api/orgs/${council.id}/my-cohorts`);
    expect(mine.json.cohorts).toHaveLength(1);
    expect(mine.json.cohorts[0]).toMatchObject({ cohortName: "Spring cohort", status: "completed" });
    expect(mine.json.cohorts[0].sharedAt).not.toBeNull();
  });
});
