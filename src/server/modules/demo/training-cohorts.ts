import { and, asc, eq, like } from "drizzle-orm";
import type { Ctx } from "../../context";
import {
  cohortLearners,
  guaranteedInterviews,
  memberships,
  preEmploymentCohorts,
  staffRecords,
  trainingCourses,
  users,
  workplaces,
} from "../../db/schema";
import { DAY, iso } from "./dates";
import { Random } from "./random";
import type { CatalogueSeeded, TrainingDemoOptions } from "./training-types";

/**
 * The pre-employment course's demo (issue 18 items 8 and 10): two cohorts with Riverside College.
 * One ended about eight months before the anchor: 12 learners, 10 completed, interviews with four
 * participating providers, offers, 6 starts on staff records made at those providers (one left
 * before six months). One ended three weeks ago: 10 learners, among them the demo's job seeker
 * (candidate@halton.demo.test, sharing her details), interviews pending or recorded.
 */
export async function seedTrainingCohorts(ctx: Ctx, opts: TrainingDemoOptions, _catalogue: CatalogueSeeded) {
  const db = ctx.db;
  const rnd = new Random(1808);
  const anchorT = Date.parse(`${opts.anchor}T00:00:00Z`);
  const day = (offset: number) => iso(anchorT + offset * DAY);

  // Part A1's catalogue holds the course for people not yet in care; until it does, the demo adds it.
  let [course] = await db
    .select({ id: trainingCourses.id })
    .from(trainingCourses)
    .where(and(eq(trainingCourses.councilId, opts.councilId), eq(trainingCourses.audience, "pre_employment")))
    .orderBy(asc(trainingCourses.createdAt), asc(trainingCourses.id))
    .limit(1);
  if (!course)
    [course] = await db
      .insert(trainingCourses)
      .values({
        councilId: opts.councilId,
        offeredBy: opts.councilId,
        title: "Introduction to adult social care (pre-employment)",
        summary:
          "Up to six weeks for people not yet in care: training, a work placement and a guaranteed interview with local employers.",
        category: 1,
        hours: 90,
        delivery: "blended",
        funding: "free_commissioned",
        audience: "pre_employment",
      })
      .returning({ id: trainingCourses.id });

  const employerIds = ["p0", "p1", "p2", "p3"].map((k) => opts.orgIds.get(k)).filter((id): id is string => !!id);
  if (!employerIds.length) return;

  const candidates = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(
      and(
        eq(memberships.orgId, opts.councilId),
        eq(memberships.role, "candidate"),
        like(users.email, "%@candidates.demo.test"),
      ),
    )
    .orderBy(asc(users.email));
  const [cara] = await db.select().from(users).where(eq(users.email, "candidate@halton.demo.test"));
  // A deterministic pick of 21 different candidates.
  const pool = [...candidates];
  const picked = Array.from(
    { length: Math.min(21, pool.length) },
    () => pool.splice(rnd.int(0, pool.length - 1), 1)[0],
  );

  const cohort = async (name: string, startsOn: string, endsOn: string) =>
    (
      await db
        .insert(preEmploymentCohorts)
        .values({
          councilId: opts.councilId,
          courseId: course.id,
          name,
          partner: "Riverside College",
          startsOn,
          endsOn,
          employerIds,
        })
        .returning()
    )[0];
  const learner = async (
    cohortId: string,
    who: { id: string; name: string; email: string },
    status: string,
    completedOn: string | null,
    consentAt: string | null,
  ) =>
    (
      await db
        .insert(cohortLearners)
        .values({
          cohortId,
          councilId: opts.councilId,
          candidateUserId: who.id,
          name: who.name || who.email,
          email: who.email,
          status,
          completedOn,
          shareConsentAt: consentAt ? new Date(`${consentAt}T10:00:00Z`) : null,
        })
        .returning()
    )[0];
  const openInterviews = (learnerId: string) =>
    db
      .insert(guaranteedInterviews)
      .values(employerIds.map((orgId) => ({ learnerId, councilId: opts.councilId, orgId })))
      .returning();

  // The cohort that ended about eight months ago.
  const oldEnd = day(-243);
  const old = await cohort("Autumn cohort", day(-243 - 34), oldEnd);
  const oldPeople = picked.slice(0, 12);
  let starts = 0;
  for (const [i, who] of oldPeople.entries()) {
    const completed = i < 10;
    const l = await learner(
      old.id,
      who,
      completed ? "completed" : "withdrawn",
      completed ? oldEnd : null,
      day(-243 - 30),
    );
    if (!completed) continue;
    const rows = await openInterviews(l.id);
    // Each is interviewed by one or two of the employers.
    const chosen = rows.slice(i % rows.length, (i % rows.length) + (rnd.chance(0.4) ? 2 : 1));
    for (const [k, row] of chosen.entries()) {
      const interviewOn = day(-243 + 7 + rnd.int(0, 10));
      const offered = k === 0 && i < 8;
      const starting = offered && starts < 6;
      let staffRecordId: string | null = null;
      let startedOn: string | null = null;
      if (starting) {
        starts++;
        startedOn = day(-243 + 35 + rnd.int(0, 14));
        const [w] = await db
          .select({ id: workplaces.id })
          .from(workplaces)
          .where(eq(workplaces.orgId, row.orgId))
          .orderBy(asc(workplaces.id))
          .limit(1);
        if (w) {
          // One of the six left before six months.
          const left = starts === 3;
          const [sr] = await db
            .insert(staffRecords)
            .values({
              orgId: row.orgId,
              workplaceId: w.id,
              localRef: `PEC-${String(i + 1).padStart(2, "0")}`,
              displayId: `PEC-${String(i + 1).padStart(2, "0")}`,
              contractType: 1,
              mainJobRole: 8,
              startDate: startedOn,
              endDate: left ? iso(Date.parse(`${startedOn}T00:00:00Z`) + rnd.int(50, 150) * DAY) : null,
              payInterval: 3,
              payRate: 12.6,
            })
            .returning({ id: staffRecords.id });
          staffRecordId = sr.id;
        }
      }
      await db
        .update(guaranteedInterviews)
        .set({
          interviewOn,
          outcome: offered ? "offered" : i === 9 && k === 0 ? "no_show" : "not_offered",
          offeredOn: offered ? iso(Date.parse(`${interviewOn}T00:00:00Z`) + 3 * DAY) : null,
          startedOn,
          staffRecordId,
        })
        .where(eq(guaranteedInterviews.id, row.id));
    }
  }

  // The cohort that ended three weeks ago, the demo's job seeker among its learners.
  const recentEnd = day(-21);
  const recent = await cohort("Spring cohort", day(-21 - 35), recentEnd);
  const recentPeople = [
    ...(cara ? [{ id: cara.id, name: cara.name, email: cara.email }] : []),
    ...picked.slice(12),
  ].slice(0, 10);
  for (const [i, who] of recentPeople.entries()) {
    const completed = i < 9;
    const consent = i < 7 ? day(-21 - 30) : null;
    const l = await learner(
      recent.id,
      who,
      completed ? "completed" : "enrolled",
      completed ? recentEnd : null,
      consent,
    );
    if (!completed) continue;
    const rows = await openInterviews(l.id);
    if (!consent) continue;
    // Each sharing learner has an interview with one employer: most held, the job seeker's to come.
    const row = rows[i % rows.length];
    await db
      .update(guaranteedInterviews)
      .set({
        interviewOn: i === 0 ? day(3) : day(-21 + 5 + rnd.int(0, 8)),
        outcome: i === 1 || i === 4 ? "not_offered" : "pending",
      })
      .where(eq(guaranteedInterviews.id, row.id));
  }
}
