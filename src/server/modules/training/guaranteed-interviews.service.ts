import { longDate } from "../../../shared/dates";
import type { InterviewUpdate } from "../../../shared/schemas/training-hub";
import { type Ctx, inTransaction, type OrgCtx } from "../../context";
import { badRequest, notFound } from "../../lib/errors";
import { recordAudit } from "../audit/audit.service";
import { oneLine, queueEmail } from "../mail/mail.service";
import * as repo from "./cohorts.repo";

// The guaranteed interview (issue 18 item 8): each learner completing the pre-employment course
// has one with every participating employer. An employer sees the learner only while the
// learner shares their details; it records the interview, the offer and the start (linking the
// staff record it made, so the course's report can follow them to six months).

/**
 * Open a pending interview with each participating employer (an existing one is kept), and, when
 * the learner shares their details, tell the employers' recruiters. Called inside the caller's transaction.
 */
export async function openGuaranteedInterviews(
  tx: Ctx,
  { cohort, courseTitle, learner }: { cohort: repo.CohortRow; courseTitle: string; learner: repo.LearnerRow },
) {
  await repo.insertInterviews(
    tx.db,
    cohort.employerIds.map((orgId) => ({ learnerId: learner.id, councilId: cohort.councilId, orgId })),
  );
  if (!learner.shareConsentAt || learner.status !== "completed") return;
  for (const r of await repo.listRecruiterEmails(tx.db, cohort.employerIds))
    await queueEmail(tx, {
      to: r.email,
      subject: "A learner has completed the pre-employment course: their guaranteed interview",
      template: "guaranteed_interview",
      body: [
        `${oneLine(learner.name)} completed ${oneLine(courseTitle)} (${oneLine(cohort.name)}) on ${longDate(learner.completedOn)}.`,
        "",
        "Your organisation guarantees them an interview. Their details and profile, and where to record the interview and its outcome:",
        `${tx.deps.env.PUBLIC_URL}/orgs/${r.orgId}/recruitment/guaranteed-interviews`,
      ].join("\n"),
    });
}

export const listGuaranteedInterviews = (ctx: OrgCtx) => repo.listEmployerInterviews(ctx.db, ctx.org.id);

async function interviewOf(ctx: OrgCtx, id: string) {
  const row = (await repo.listEmployerInterviews(ctx.db, ctx.org.id, id))[0];
  if (!row) throw notFound("interview");
  return row;
}

/** Record the interview, the offer and the start; a start links the employer's own staff record. */
export async function recordGuaranteedInterview(ctx: OrgCtx, id: string, input: InterviewUpdate) {
  return inTransaction(ctx, async (tx) => {
    const before = await interviewOf(tx, id);
    if (input.interviewOn && before.learner.completedOn && input.interviewOn < before.learner.completedOn)
      throw badRequest("validation", "The interview date is before the learner completed the course.", [
        { path: "interviewOn", message: `Enter a date on or after ${longDate(before.learner.completedOn)}` },
      ]);
    if (input.offeredOn && input.interviewOn && input.offeredOn < input.interviewOn)
      throw badRequest("validation", "The offer is dated before the interview.", [
        { path: "offeredOn", message: "Enter a date on or after the interview date" },
      ]);
    let staffRecordId = input.staffRecordId;
    let applicationId: string | null = before.interview.applicationId;
    if (input.startedOn && before.learner.candidateUserId) {
      // A learner who applied through the board: link that application and the staff record its start made.
      const app = await repo.findBoardApplication(tx.db, tx.org.id, before.learner.candidateUserId);
      if (app) {
        applicationId = app.id;
        staffRecordId ??= app.staffRecordId;
      }
    }
    if (staffRecordId && !(await repo.findOwnStaffRecord(tx.db, tx.org.id, staffRecordId)))
      throw badRequest("validation", "That staff record is not one of yours.", [
        { path: "staffRecordId", message: "Choose the staff record you made for the learner in your own staff list" },
      ]);
    if (!input.startedOn) {
      staffRecordId = null;
      applicationId = null;
    }
    const after = await repo.updateInterview(tx.db, tx.org.id, id, {
      interviewOn: input.interviewOn,
      outcome: input.outcome,
      offeredOn: input.offeredOn,
      startedOn: input.startedOn,
      staffRecordId,
      applicationId,
    });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update",
      entityType: "guaranteed_interview",
      entityId: id,
      before: before.interview,
      after,
    });
    return interviewOf(tx, id);
  });
}
