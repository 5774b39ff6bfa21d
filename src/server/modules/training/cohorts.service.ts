import { longDate, todayIso } from "../../../shared/dates";
import {
  COHORT_ADVISED_WEEKS,
  type CohortInput,
  type CompleteInput,
  type ConsentInput,
  type LearnerInput,
} from "../../../shared/schemas/training-hub";
import { inTransaction, type OrgCtx } from "../../context";
import { badRequest, conflict, notFound } from "../../lib/errors";
import { recordAudit } from "../audit/audit.service";
import { oneLine, queueEmail } from "../mail/mail.service";
import * as repo from "./cohorts.repo";
import { openGuaranteedInterviews } from "./guaranteed-interviews.service";

// The pre-employment course's cohorts (issue 18 item 8), run by the council's hub team with a
// college or jobcentre: its learners are candidates of the council's joint recruitment, and
// completing gives each a guaranteed interview with the participating employers, who see the
// learner only while the learner shares their details (cohort_learners.share_consent_at).

const DAY = 86_400_000;

/** Advice that does not stop the cohort: the sector-based work academy model runs up to six weeks. */
export function cohortWarnings(c: { startsOn: string; endsOn: string }): string[] {
  const days = Math.round((Date.parse(c.endsOn) - Date.parse(c.startsOn)) / DAY) + 1;
  return days > COHORT_ADVISED_WEEKS * 7
    ? [
        `The cohort runs ${Math.ceil(days / 7)} weeks: the course is advised to last up to ${COHORT_ADVISED_WEEKS} weeks (training, a placement and the interview).`,
      ]
    : [];
}

export interface CohortSummary {
  cohort: repo.CohortRow;
  courseTitle: string;
  employers: { id: string; name: string }[];
  learners: repo.LearnerRow[];
}

async function summarise(ctx: OrgCtx, rows: { cohort: repo.CohortRow; courseTitle: string }[]) {
  const learners = await repo.listLearners(
    ctx.db,
    ctx.org.id,
    rows.map((r) => r.cohort.id),
  );
  const names = new Map(
    (await repo.listOrgNames(ctx.db, [...new Set(rows.flatMap((r) => r.cohort.employerIds))])).map((o) => [o.id, o]),
  );
  return rows.map(
    (r): CohortSummary => ({
      ...r,
      employers: r.cohort.employerIds
        .map((id) => names.get(id))
        .filter((o): o is { id: string; name: string } => !!o)
        .sort((a, b) => a.name.localeCompare(b.name)),
      learners: learners.filter((l) => l.cohortId === r.cohort.id),
    }),
  );
}

export async function listCohorts(ctx: OrgCtx) {
  return {
    cohorts: await summarise(ctx, await repo.listCohorts(ctx.db, ctx.org.id)),
    courses: await repo.listPreEmploymentCourses(ctx.db, ctx.org.id),
  };
}

export async function getCohort(ctx: OrgCtx, id: string) {
  const row = await repo.findCohort(ctx.db, ctx.org.id, id);
  if (!row) throw notFound("cohort");
  return (await summarise(ctx, [row]))[0];
}

/** The course must be the council's pre-employment course; employers, providers it commissions. */
async function checkCohort(ctx: OrgCtx, input: CohortInput) {
  if (!(await repo.findPreEmploymentCourse(ctx.db, ctx.org.id, input.courseId)))
    throw badRequest("validation", "Choose a course of your catalogue for people not yet in care.", [
      {
        path: "courseId",
        message: "Choose the pre-employment course (a course whose audience is people not yet in care)",
      },
    ]);
  const ids = [...new Set(input.employerIds)];
  const found = await repo.listCommissionedEmployers(ctx.db, ctx.org.id, ids, input.startsOn);
  if (found.length !== ids.length)
    throw badRequest("validation", "Every participating employer must be a care provider you commission.", [
      {
        path: "employerIds",
        message: `${ids.length - found.length} of the employers chosen is not a provider you commission on ${longDate(input.startsOn)}`,
      },
    ]);
  return ids;
}

export async function createCohort(ctx: OrgCtx, input: CohortInput) {
  return inTransaction(ctx, async (tx) => {
    const employerIds = await checkCohort(tx, input);
    const row = await repo.insertCohort(tx.db, { ...input, employerIds, councilId: tx.org.id });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "create",
      entityType: "pre_employment_cohort",
      entityId: row.id,
      after: row,
    });
    return getCohort(tx, row.id);
  });
}

export async function editCohort(ctx: OrgCtx, id: string, input: CohortInput) {
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findCohort(tx.db, tx.org.id, id);
    if (!before) throw notFound("cohort");
    const employerIds = await checkCohort(tx, input);
    const after = await repo.updateCohort(tx.db, tx.org.id, id, { ...input, employerIds });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update",
      entityType: "pre_employment_cohort",
      entityId: id,
      before: before.cohort,
      after,
    });
    return getCohort(tx, id);
  });
}

async function cohortOf(ctx: OrgCtx, id: string) {
  const row = await repo.findCohort(ctx.db, ctx.org.id, id);
  if (!row) throw notFound("cohort");
  return row;
}

/** Enrol a candidate of the council's joint recruitment, and ask them by email whether to share their details. */
export async function enrolLearner(ctx: OrgCtx, cohortId: string, input: LearnerInput) {
  return inTransaction(ctx, async (tx) => {
    const { cohort, courseTitle } = await cohortOf(tx, cohortId);
    const candidate = await repo.findCandidateByEmail(tx.db, tx.org.id, input.email);
    if (!candidate)
      throw badRequest(
        "not_a_candidate",
        `${input.email} is not a candidate on your job board: ask them to sign up as a candidate first, then enrol them.`,
        [{ path: "email", message: "Enter the email of someone signed up as a candidate on your job board" }],
      );
    if (await repo.findLearnerByUser(tx.db, cohortId, candidate.id))
      throw conflict("already_enrolled", `${input.email} is already on this cohort.`);
    const learner = await repo.insertLearner(tx.db, {
      cohortId,
      councilId: tx.org.id,
      candidateUserId: candidate.id,
      name: candidate.name || candidate.email,
      email: candidate.email,
    });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "create",
      entityType: "cohort_learner",
      entityId: learner.id,
      after: { cohortId, candidateUserId: candidate.id },
    });
    await queueEmail(tx, {
      to: candidate.email,
      subject: `You are enrolled on ${courseTitle}: choose whether employers may see your details`,
      template: "cohort_consent",
      body: [
        `You are enrolled on ${oneLine(courseTitle)} (${oneLine(cohort.name)}), from ${longDate(cohort.startsOn)} to ${longDate(cohort.endsOn)}, run with ${oneLine(cohort.partner)}.`,
        "",
        "When you complete the course, each employer taking part guarantees you an interview. They can only see you (your name, email, phone and the profile you wrote) if you agree to share your details.",
        "",
        `Choose whether to share them: ${tx.deps.env.PUBLIC_URL}/orgs/${tx.org.id}/candidate/cohorts`,
        "",
        "You can change your mind at any time.",
      ].join("\n"),
    });
    return learner;
  });
}

async function learnerOf(ctx: OrgCtx, cohortId: string, learnerId: string) {
  const learner = await repo.findLearner(ctx.db, ctx.org.id, cohortId, learnerId);
  if (!learner) throw notFound("learner");
  return learner;
}

/** Completing opens a guaranteed interview with each participating employer. */
export async function completeLearner(ctx: OrgCtx, cohortId: string, learnerId: string, input: CompleteInput) {
  return inTransaction(ctx, async (tx) => {
    const { cohort, courseTitle } = await cohortOf(tx, cohortId);
    const before = await learnerOf(tx, cohortId, learnerId);
    if (before.status === "withdrawn")
      throw conflict("withdrawn", "This learner withdrew from the cohort: a withdrawn learner cannot complete it.");
    if (input.completedOn < cohort.startsOn)
      throw badRequest("validation", "The completion date is before the cohort started.", [
        { path: "completedOn", message: `Enter a date on or after ${longDate(cohort.startsOn)}` },
      ]);
    if (input.completedOn > todayIso(tx.deps.now()))
      throw badRequest("validation", "The completion date is in the future.", [
        { path: "completedOn", message: "Enter the day the learner completed the course, today or earlier" },
      ]);
    const after = await repo.updateLearner(tx.db, learnerId, { status: "completed", completedOn: input.completedOn });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update",
      entityType: "cohort_learner",
      entityId: learnerId,
      before: { status: before.status, completedOn: before.completedOn },
      after: { status: after.status, completedOn: after.completedOn },
    });
    await openGuaranteedInterviews(tx, { cohort, courseTitle, learner: after });
    return after;
  });
}

export async function withdrawLearner(ctx: OrgCtx, cohortId: string, learnerId: string) {
  return inTransaction(ctx, async (tx) => {
    const before = await learnerOf(tx, cohortId, learnerId);
    if (before.status === "completed")
      throw conflict("completed", "This learner has completed the course: a completion cannot be withdrawn.");
    const after = await repo.updateLearner(tx.db, learnerId, { status: "withdrawn" });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update",
      entityType: "cohort_learner",
      entityId: learnerId,
      before: { status: before.status },
      after: { status: after.status },
    });
    return after;
  });
}

// The candidate's own.

export async function myCohorts(ctx: OrgCtx) {
  const rows = await repo.listLearnersOfUser(ctx.db, ctx.org.id, ctx.actor.userId as string);
  const names = new Map(
    (await repo.listOrgNames(ctx.db, [...new Set(rows.flatMap((r) => r.cohort.employerIds))])).map((o) => [
      o.id,
      o.name,
    ]),
  );
  return rows.map((r) => ({
    ...r,
    employers: r.cohort.employerIds
      .map((id) => names.get(id))
      .filter((n): n is string => !!n)
      .sort(),
  }));
}

/**
 * Share or stop sharing. Stopping hides the learner from employers from then on: an interview an
 * employer already recorded keeps its outcome, shown without the learner.
 */
export async function setShareConsent(ctx: OrgCtx, learnerId: string, input: ConsentInput) {
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findLearnerOfUser(tx.db, tx.org.id, tx.actor.userId as string, learnerId);
    if (!before) throw notFound("course place");
    const sharing = before.shareConsentAt !== null;
    if (sharing === input.share) return before;
    const after = await repo.updateLearner(tx.db, learnerId, { shareConsentAt: input.share ? tx.deps.now() : null });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update",
      entityType: "cohort_learner_consent",
      entityId: learnerId,
      before: { sharing },
      after: { sharing: input.share },
    });
    // A learner who completed and now shares: the employers hear of them now, as they would have on completion.
    if (input.share && after.status === "completed") {
      const row = await repo.findCohort(tx.db, tx.org.id, after.cohortId);
      if (row) await openGuaranteedInterviews(tx, { cohort: row.cohort, courseTitle: row.courseTitle, learner: after });
    }
    return after;
  });
}
