import { and, asc, eq, like, sql } from "drizzle-orm";
import type { Ctx } from "../../context";
import {
  cohortLearners,
  guaranteedInterviews,
  memberships,
  preEmploymentCohorts,
  trainingCourses,
  users,
} from "../../db/schema";
import { DAY, iso } from "./dates";
import { Random } from "./random";
import type { CatalogueSeeded, TrainingDemoOptions } from "./training-types";

/**
 * The pre-employment course's demo (issue 18 items 8 and 10): two cohorts with Riverside College.
 * One ended about ten months before the anchor: 12 learners, 10 completed, interviews with four
 * participating providers, offers, 6 starts, each one of the employer's own starters in the demo's history (one left
 * before six months). One ended three weeks ago: 10 learners, among them the demo's job seeker
 * (candidate@halton.demo.test, sharing her details), interviews pending or recorded.
 */
/** The older cohort ended this many days before the anchor: its starts have had six months. */
const OLD_END = -300;

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

  // A learner who starts is one of the employer's own starters of the demo's history (a care
  // worker who began a few weeks after the course), not a record made here: the demo's workforce
  // is calibrated to its figures, and a hire is a starter the history already holds. So the
  // employers taking part in the older cohort are the four providers with the most such starters.
  const anchorDay = opts.anchor;
  const starterWindow = sql`s.start_date between ${anchorDay}::date - ${-OLD_END - 10}::int and ${anchorDay}::date - 183
    and s.main_job_role in (4, 5, 7, 8, 9, 23, 45, 52) and s.contract_type in (1, 2)
    and not exists (select 1 from applications a where a.staff_record_id = s.id)`;
  const first = opts.orgIds.get("p0");
  if (!first) return;
  const busiest = (
    await db.execute(sql`
      select s.org_id as id from staff_records s join organisations o on o.id = s.org_id
      where o.kind = 'provider'
        and s.org_id in (select provider_id from commissioning where council_id = ${opts.councilId})
        and ${starterWindow}
      group by s.org_id, o.name order by count(*) desc, o.name limit 4`)
  ).rows as { id: string }[];
  // The older cohort's employers had the starters; the recent one's include Mersey View.
  const olderEmployers = busiest.map((r) => r.id);
  const recentEmployers = [first, ...olderEmployers.filter((id) => id !== first)].slice(0, 4);
  const starterAt = async (orgId: string, left: boolean) =>
    (
      (
        await db.execute(sql`
          select s.id, to_char(s.start_date, 'YYYY-MM-DD') as start from staff_records s
          where s.org_id = ${orgId} and ${starterWindow}
            and ${left ? sql`s.end_date < s.start_date + 182` : sql`(s.end_date is null or s.end_date >= s.start_date + 182)`}
            and not exists (select 1 from guaranteed_interviews g where g.staff_record_id = s.id)
          order by s.start_date, s.local_ref limit 1`)
      ).rows as { id: string; start: string }[]
    )[0];

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

  const cohort = async (name: string, startsOn: string, endsOn: string, employerIds: string[]) =>
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
  const openInterviews = (learnerId: string, employerIds: string[]) =>
    db
      .insert(guaranteedInterviews)
      .values(employerIds.map((orgId) => ({ learnerId, councilId: opts.councilId, orgId })))
      .returning();

  // The cohort that ended about ten months ago.
  const oldEnd = day(OLD_END);
  const old = await cohort("Autumn cohort", day(OLD_END - 34), oldEnd, olderEmployers);
  const oldPeople = picked.slice(0, 12);
  let starts = 0;
  for (const [i, who] of oldPeople.entries()) {
    const completed = i < 10;
    const l = await learner(
      old.id,
      who,
      completed ? "completed" : "withdrawn",
      completed ? oldEnd : null,
      day(OLD_END - 30),
    );
    if (!completed) continue;
    const rows = await openInterviews(l.id, olderEmployers);
    // Each is interviewed by one or two of the employers.
    let chosen = rows.slice(i % rows.length, (i % rows.length) + (rnd.chance(0.4) ? 2 : 1));
    // A learner offered a job is first interviewed by an employer with a starter to match.
    if (i < 8 && starts < 6)
      for (const r of [chosen[0], ...rows.filter((x) => x !== chosen[0])])
        if (await starterAt(r.orgId, false)) {
          chosen = [r, ...chosen.filter((x) => x !== r)].slice(0, chosen.length);
          break;
        }
    for (const [k, row] of chosen.entries()) {
      const interviewOn = day(OLD_END + 7 + rnd.int(0, 10));
      const offered = k === 0 && i < 8;
      const starting = offered && starts < 6;
      let staffRecordId: string | null = null;
      let startedOn: string | null = null;
      if (starting) {
        // The sixth start, where the employer has such a starter, left before six months (the
        // report withholds counts of one to four, so five stayers keep it shown).
        const sr = (starts === 5 && (await starterAt(row.orgId, true))) || (await starterAt(row.orgId, false));
        if (sr) {
          starts++;
          staffRecordId = sr.id;
          startedOn = sr.start;
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
  const recent = await cohort("Spring cohort", day(-21 - 35), recentEnd, recentEmployers);
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
    const rows = await openInterviews(l.id, recentEmployers);
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
