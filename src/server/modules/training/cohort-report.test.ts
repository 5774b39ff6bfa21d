import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testHub } from "../../../../test/harness";
import { course, trainingArea } from "../../../../test/training-fixtures";
import { cohortLearners, guaranteedInterviews, preEmploymentCohorts, staffRecords } from "../../db/schema";

// The course's report (issue 18 item 8): learners counted once per stage, small counts withheld
// as the recruitment funnel withholds them for councils, still employed at 6 months only once six
// months have passed. The test clock is 15 June 2026.

const hub = await testHub();

async function cohortWith(
  area: Awaited<ReturnType<typeof trainingArea>>,
  courseId: string,
  name: string,
  learners: { completed?: boolean; interviewOn?: string; outcome?: string; startedOn?: string; staff?: number }[],
) {
  const [c] = await hub.deps.db
    .insert(preEmploymentCohorts)
    .values({
      councilId: area.councilId,
      courseId,
      name,
      partner: "Riverside College",
      startsOn: "2025-09-01",
      endsOn: "2025-10-10",
      employerIds: [area.provider.id],
    })
    .returning();
  for (const [i, l] of learners.entries()) {
    const [row] = await hub.deps.db
      .insert(cohortLearners)
      .values({
        cohortId: c.id,
        councilId: area.councilId,
        name: `${name} ${i}`,
        email: `${name}-${i}@example.test`,
        status: l.completed ? "completed" : "enrolled",
        completedOn: l.completed ? "2025-10-10" : null,
      })
      .returning();
    if (!l.completed) continue;
    await hub.deps.db.insert(guaranteedInterviews).values({
      learnerId: row.id,
      councilId: area.councilId,
      orgId: area.provider.id,
      interviewOn: l.interviewOn ?? null,
      outcome: l.outcome ?? "pending",
      offeredOn: l.outcome === "offered" ? l.interviewOn : null,
      startedOn: l.startedOn ?? null,
      staffRecordId: l.staff === undefined ? null : area.staff[l.staff].id,
    });
  }
  return c;
}

describe("the pre-employment course's report", () => {
  it("counts each stage once per learner, withholds 1 to 4 and the cell that would give one away", async () => {
    const area = await trainingArea(hub, { workers: 7 });
    const c = await course(hub, area, { offeredBy: area.councilId, audience: "pre_employment" });
    // Six started on 1 November 2025 (six months passed on 1 May 2026); one left on 1 February 2026.
    const started = (staff: number) => ({
      completed: true,
      interviewOn: "2025-10-20",
      outcome: "offered",
      startedOn: "2025-11-01",
      staff,
    });
    await hub.deps.db
      .update(staffRecords)
      .set({ startDate: "2025-11-01" })
      .where(eq(staffRecords.orgId, area.provider.id));
    await hub.deps.db.update(staffRecords).set({ endDate: "2026-02-01" }).where(eq(staffRecords.id, area.staff[5].id));
    const big = await cohortWith(area, c.id, "Autumn", [
      ...[0, 1, 2, 3, 4, 5].map(started),
      { completed: true, interviewOn: "2025-10-20", outcome: "not_offered" },
      { completed: false },
    ]);
    const small = await cohortWith(area, c.id, "Winter", [{ completed: false }, { completed: false }]);
    const res = await (await area.councilClient()).get(`/api/orgs/${area.councilId}/training/cohorts/report`);
    expect(res.status).toBe(200);
    const autumn = res.json.cohorts.find((x: { id: string }) => x.id === big.id).stages;
    const winter = res.json.cohorts.find((x: { id: string }) => x.id === small.id).stages;
    // Winter's 2 enrolled is withheld; so Autumn's enrolled (8) is too, or 10 − 8 would give it away.
    expect(winter.enrolled).toEqual({ count: null, reason: "suppressed" });
    expect(autumn.enrolled).toEqual({ count: null, reason: "suppressed" });
    expect(res.json.total.enrolled).toEqual({ count: 10 });
    expect(autumn.completed).toEqual({ count: 7 });
    expect(autumn.interviewed).toEqual({ count: 7 });
    expect(autumn.offered).toEqual({ count: 6 });
    expect(autumn.started).toEqual({ count: 6 });
    expect(autumn.stillEmployed6m).toEqual({ count: 5 });
    expect(winter.completed).toEqual({ count: 0 });
    expect(winter.stillEmployed6m).toEqual({ count: 0 });
    expect(res.json.total.stillEmployed6m).toEqual({ count: 5 });
    // One cohort asked for alone is withheld the same way.
    const one = await (await area.councilClient()).get(
      `/api/orgs/${area.councilId}/training/cohorts/report?cohortId=${big.id}`,
    );
    expect(one.json.cohorts).toHaveLength(1);
    expect(one.json.cohorts[0].stages.enrolled).toEqual({ count: null, reason: "suppressed" });
  });

  it("says 'not yet known' before six months have passed, and withholds a small number of starts", async () => {
    const area = await trainingArea(hub, { workers: 3 });
    const c = await course(hub, area, { offeredBy: area.councilId, audience: "pre_employment" });
    await cohortWith(area, c.id, "Spring", [
      { completed: true, interviewOn: "2026-03-01", outcome: "offered", startedOn: "2026-03-10", staff: 0 },
      { completed: true, interviewOn: "2026-03-01", outcome: "offered", startedOn: "2026-03-10", staff: 1 },
      { completed: true },
      { completed: true },
      { completed: true },
    ]);
    const res = await (await area.councilClient()).get(`/api/orgs/${area.councilId}/training/cohorts/report`);
    const stages = res.json.cohorts[0].stages;
    expect(stages.completed).toEqual({ count: 5 });
    expect(stages.started).toEqual({ count: null, reason: "suppressed" });
    expect(stages.stillEmployed6m).toEqual({ count: null, reason: "not_yet_known" });
    expect(res.json.total.stillEmployed6m).toEqual({ count: null, reason: "not_yet_known" });
  });
});
