import { longDateTime } from "../../../shared/dates";
import { type ApplicationStage, CLOSED_STAGES, SOURCES, type Source } from "../../../shared/recruitment";
import { type Ctx, inTransaction, type OrgCtx } from "../../context";
import { sha256 } from "../../lib/crypto";
import { AppError, badRequest, conflict, notFound } from "../../lib/errors";
import { buildIcs } from "../../lib/ics";
import { addMinutes, isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import * as authRepo from "../auth/auth.repo";
import { oneLine, queueEmail } from "../mail/mail.service";
import { isOpenAdvert } from "./advert-rules";
import * as repo from "./candidates.repo";
import { candidateOf, profileOptions } from "./candidates.service";

// Applications (issue 17 item 3): one profile, applied to one or several adverts at once, all or
// nothing; applications without an account; withdrawing; booking an interview slot (item 5's
// slots, which the employer offers).

const GUEST_APPLICATIONS_PER_ADDRESS_PER_HOUR = 10;
/**
 * Anyone can type someone else's email on the short form, from any number of networks: one inbox
 * gets at most this many confirmations a day (the applications still reach the employers).
 */
export const GUEST_CONFIRMATIONS_PER_EMAIL_PER_DAY = 5;
const GUEST_CONFIRMATIONS = ["application-received", "application-repeat"];

type Advert = Awaited<ReturnType<typeof repo.findAdverts>>[number];

/** The values questions each advert asks: the hub's (every advert), the employer's own, and the advert's own. */
async function questionsOf(ctx: Ctx, councilId: string, adverts: Advert[]) {
  const rows = await repo.listQuestions(
    ctx.db,
    councilId,
    [...new Set(adverts.map((a) => a.advert.orgId))],
    adverts.map((a) => a.advert.id),
  );
  return rows
    .map(({ question: q, employer }) => ({
      id: q.id,
      value: q.value,
      question: q.question,
      employer: q.orgId ? employer : null,
      advertIds: adverts
        .filter((a) => !q.orgId || (q.orgId === a.advert.orgId && (!q.advertId || q.advertId === a.advert.id)))
        .map((a) => a.advert.id),
    }))
    .filter((q) => q.advertIds.length > 0);
}

/** Adverts by id on a council's board, each open today; bad ids are named by their place in the list. */
async function openAdverts(ctx: Ctx, councilId: string, ids: string[]) {
  const today = isoDate(ctx.deps.now());
  const found = new Map((await repo.findAdverts(ctx.db, councilId, ids)).map((a) => [a.advert.id, a]));
  const issues = ids.flatMap((id, i) => {
    const a = found.get(id);
    if (!a) return [{ path: `advertIds.${i}`, message: "We could not find that job on this job board" }];
    if (!isOpenAdvert(a.advert, today))
      return [
        { path: `advertIds.${i}`, message: `${a.advert.title} at ${a.employer} is no longer open for applications` },
      ];
    return [];
  });
  if (issues.length) throw badRequest("validation", issues[0].message, issues);
  return ids.map((id) => found.get(id) as Advert);
}

export async function listBoardAdverts(ctx: OrgCtx) {
  await candidateOf(ctx);
  return (await repo.listOpenAdverts(ctx.db, ctx.org.id, isoDate(ctx.deps.now()))).map((a) => ({
    id: a.advert.id,
    title: a.advert.title,
    employer: a.employer,
    place: a.advert.outward,
    closingDate: a.advert.closingDate,
  }));
}

/** The questions to answer for these adverts (a candidate's, on their council's board). */
export async function candidateQuestions(ctx: OrgCtx, advertIds: string[]) {
  await candidateOf(ctx);
  const ids = [...new Set(advertIds)];
  return questionsOf(ctx, ctx.org.id, await openAdverts(ctx, ctx.org.id, ids));
}

/** The questions of one open advert, for the short form without an account. */
export async function publicQuestions(ctx: Ctx, advertId: string) {
  const found = await repo.findAdvertAnywhere(ctx.db, advertId);
  if (!found || !isOpenAdvert(found.advert, isoDate(ctx.deps.now()))) throw notFound("job");
  return questionsOf(ctx, found.advert.councilId, [found]);
}

type Question = Awaited<ReturnType<typeof questionsOf>>[number];

/** Every question needs an answer; answers to questions these adverts do not ask are refused. */
function checkAnswers(questions: Question[], answers: { questionId: string; answer: string }[]) {
  const given = new Map(answers.map((a) => [a.questionId, a.answer]));
  const asked = new Set(questions.map((q) => q.id));
  const issues = [
    ...questions
      .filter((q) => !given.get(q.id)?.trim())
      .map((q) => ({ path: `answers.${q.id}`, message: `Answer the question: ${q.question}` })),
    ...answers
      .filter((a) => !asked.has(a.questionId))
      .map((a) => ({ path: `answers.${a.questionId}`, message: "That question is not asked by these jobs" })),
  ];
  if (issues.length)
    throw badRequest(
      "validation",
      issues.length === 1 ? issues[0].message : `Answer every question (${issues.length} need attention).`,
      issues,
    );
  return given;
}

const answersFor = (questions: Question[], given: Map<string, string>, advertId: string) =>
  questions
    .filter((q) => q.advertIds.includes(advertId))
    .map((q) => ({ questionId: q.id, value: q.value, question: q.question, answer: given.get(q.id) ?? "" }));

/** A campaign code (any case) names its campaign; "alert" or "feed" say how they came; anything else is the board. */
async function sourceOf(ctx: Ctx, councilId: string, code: string | undefined) {
  if (code) {
    const campaign = await repo.findCampaignByCode(ctx.db, councilId, code);
    if (campaign) return { source: "campaign" as Source, campaignId: campaign.id };
    const named = code.toLowerCase();
    if ((SOURCES as readonly string[]).includes(named) && named !== "campaign")
      return { source: named as Source, campaignId: null };
  }
  return { source: "board" as Source, campaignId: null };
}

const isUniqueViolation = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
};

/**
 * Applies to one or several open adverts at once, all or nothing: one application per advert,
 * each with a snapshot of the profile and the answers its questions asked, and its first stage.
 */
export async function applyToAdverts(
  ctx: OrgCtx,
  input: { advertIds: string[]; answers: { questionId: string; answer: string }[]; source?: string },
) {
  const { profile, user } = await candidateOf(ctx);
  if (!user.emailVerifiedAt)
    throw new AppError(
      403,
      "email_unverified",
      "Confirm your email address before you apply: open the link we emailed you when you created your account.",
    );
  const ids = [...new Set(input.advertIds)];
  const adverts = await openAdverts(ctx, ctx.org.id, ids);
  const already = new Set((await repo.findAppliedAdverts(ctx.db, user.id, ids)).map((r) => r.advertId));
  const repeat = adverts.find((a) => already.has(a.advert.id));
  if (repeat)
    throw conflict(
      "already_applied",
      `You have already applied for ${repeat.advert.title} at ${repeat.employer}. Remove it from your list to apply for the others: nothing has been sent.`,
    );
  const questions = await questionsOf(ctx, ctx.org.id, adverts);
  const given = checkAnswers(questions, input.answers);
  const { source, campaignId } = await sourceOf(ctx, ctx.org.id, input.source);
  const invited = new Set(source === "board" ? await repo.findInvitedAdverts(ctx.db, user.id, ids) : []);
  // The employer reads the snapshot as the candidate shared it: the catalogue's titles, not its keys.
  const options = await profileOptions(ctx, ctx.org.id);
  const title = (list: { key: string; title: string }[], key: string) => list.find((o) => o.key === key)?.title ?? key;
  const snapshot = {
    experience: profile.experience,
    qualifications: profile.qualifications.map((k) => title(options.qualifications, k)),
    rightToWork: profile.rightToWork,
    drivingLicence: profile.drivingLicence,
    availability: profile.availability,
    postcode: profile.postcode,
    preferredRoles: profile.preferredRoles.map((k) => title(options.roles, k)),
  };
  try {
    return await inTransaction(ctx, async (tx) => {
      const now = tx.deps.now();
      const rows = await repo.insertApplications(
        tx.db,
        adverts.map((a) => ({
          advertId: a.advert.id,
          orgId: a.advert.orgId,
          councilId: tx.org.id,
          candidateUserId: user.id,
          name: user.name,
          email: user.email,
          phone: profile.phone,
          profile: snapshot,
          answers: answersFor(questions, given, a.advert.id),
          source: invited.has(a.advert.id) ? "pool_invitation" : source,
          campaignId,
          submittedAt: now,
          stageChangedAt: now,
        })),
      );
      await repo.insertEvents(
        tx.db,
        rows.map((r) => ({
          applicationId: r.id,
          orgId: r.orgId,
          fromStage: null,
          toStage: "applied",
          at: now,
          by: user.id,
        })),
      );
      for (const r of rows)
        await recordAudit(tx, {
          orgId: r.orgId,
          action: "create",
          entityType: "application",
          entityId: r.id,
          after: { advertId: r.advertId, stage: r.stage, source: r.source },
        });
      const titles = adverts.map((a) => `- ${oneLine(a.advert.title)} at ${oneLine(a.employer)}`);
      await queueEmail(tx, {
        to: user.email,
        template: "application-received",
        subject: rows.length === 1 ? "We have sent your application" : `We have sent your ${rows.length} applications`,
        body: [
          `Thank you for applying. Your application${rows.length === 1 ? " has" : "s have"} gone to:`,
          ...titles,
          "",
          "Each employer will tell you what happens next. You can see where each application is, and withdraw it, here:",
          `${tx.deps.env.PUBLIC_URL}/orgs/${tx.org.id}/candidate/applications`,
        ].join("\n"),
      });
      return rows.map((r) => ({
        id: r.id,
        advertId: r.advertId,
        title: adverts.find((a) => a.advert.id === r.advertId)?.advert.title ?? "",
      }));
    });
  } catch (err) {
    // Two submissions at once: the second meets the unique index, and nothing of it is kept.
    if (isUniqueViolation(err))
      throw conflict("already_applied", "You have already applied for one of these jobs: nothing more has been sent.");
    throw err;
  }
}

/**
 * An application without an account (a short form): the same questions, a snapshot of what the
 * person typed, a confirmation email. A second application from the same email to the same job is
 * not kept, and the answer is the same, so the form does not reveal who has applied.
 */
export async function applyAsGuest(
  ctx: Ctx,
  advertId: string,
  input: {
    name: string;
    email: string;
    phone: string;
    rightToWork: string;
    experience: string;
    answers: { questionId: string; answer: string }[];
    source?: string;
    clientAddress: string;
  },
) {
  const now = ctx.deps.now();
  const key = sha256(`guest-apply:${input.clientAddress}`);
  if ((await authRepo.countAttemptsSince(ctx.db, key, addMinutes(now, -60))) >= GUEST_APPLICATIONS_PER_ADDRESS_PER_HOUR)
    throw new AppError(
      429,
      "too_many_attempts",
      "Too many applications have been sent from your network. Wait an hour and try again.",
    );
  await authRepo.insertAttempt(ctx.db, key, now);
  const found = await repo.findAdvertAnywhere(ctx.db, advertId);
  if (!found) throw notFound("job");
  if (!isOpenAdvert(found.advert, isoDate(now)))
    throw conflict("advert_closed", `${found.advert.title} at ${found.employer} is no longer open for applications.`);
  const questions = await questionsOf(ctx, found.advert.councilId, [found]);
  const given = checkAnswers(questions, input.answers);
  const { source, campaignId } = await sourceOf(ctx, found.advert.councilId, input.source);
  const message = `Thank you. We have sent your application to ${found.employer} and emailed you a confirmation.`;
  await inTransaction(ctx, async (tx) => {
    const mayEmail =
      (await repo.countRecentEmailsTo(tx.db, input.email, GUEST_CONFIRMATIONS, 24)) <
      GUEST_CONFIRMATIONS_PER_EMAIL_PER_DAY;
    if (await repo.findGuestApplication(tx.db, advertId, input.email)) {
      if (!mayEmail) return;
      await queueEmail(tx, {
        to: input.email,
        template: "application-repeat",
        subject: `You have already applied for ${found.advert.title}`,
        body: [
          `We already have your application for ${oneLine(found.advert.title)} at ${oneLine(found.employer)}, so we have not sent it again.`,
          "The employer will tell you what happens next.",
        ].join("\n"),
      });
      return;
    }
    const [row] = await repo.insertApplications(tx.db, [
      {
        advertId,
        orgId: found.advert.orgId,
        councilId: found.advert.councilId,
        candidateUserId: null,
        name: input.name,
        email: input.email,
        phone: input.phone,
        profile: { rightToWork: input.rightToWork, experience: input.experience },
        answers: answersFor(questions, given, advertId),
        source,
        campaignId,
        submittedAt: now,
        stageChangedAt: now,
      },
    ]);
    await repo.insertEvents(tx.db, [{ applicationId: row.id, orgId: row.orgId, toStage: "applied", at: now }]);
    await recordAudit(tx, {
      orgId: row.orgId,
      action: "create",
      entityType: "application",
      entityId: row.id,
      after: { advertId, stage: row.stage, source: row.source, guest: true },
    });
    if (!mayEmail) return;
    await queueEmail(tx, {
      to: input.email,
      template: "application-received",
      subject: "We have sent your application",
      body: [
        `Thank you for applying for ${oneLine(found.advert.title)} at ${oneLine(found.employer)}.`,
        "",
        "The employer will contact you about what happens next.",
        "To apply for more jobs with one profile and see where each application is, create an account on the job board.",
      ].join("\n"),
    });
  });
  return message;
}

// The candidate's applications.

type CandidateApplication = NonNullable<Awaited<ReturnType<typeof repo.findCandidateApplication>>>;

export async function listApplications(ctx: OrgCtx) {
  const { profile } = await candidateOf(ctx);
  return repo.listCandidateApplications(ctx.db, profile.userId, ctx.org.id);
}

async function ownApplication(ctx: OrgCtx, id: string): Promise<CandidateApplication> {
  const { profile } = await candidateOf(ctx);
  const row = await repo.findCandidateApplication(ctx.db, profile.userId, ctx.org.id, id);
  if (!row) throw notFound("application");
  return row;
}

export const getApplication = ownApplication;

export async function withdrawApplication(ctx: OrgCtx, id: string, reason?: string) {
  const row = await ownApplication(ctx, id);
  const app = row.application;
  if (CLOSED_STAGES.includes(app.stage as ApplicationStage))
    throw conflict(
      "application_closed",
      `This application is already closed (${app.stage}), so it cannot be withdrawn.`,
    );
  await inTransaction(ctx, async (tx) => {
    const now = tx.deps.now();
    const moved = await repo.moveApplication(tx.db, app.id, app.stage, "withdrawn", now);
    if (!moved) throw conflict("stage_changed", "The employer has just changed this application. Look again.");
    const slot = await repo.releaseSlotOf(tx.db, app.id);
    await repo.insertEvents(tx.db, [
      {
        applicationId: app.id,
        orgId: app.orgId,
        fromStage: app.stage,
        toStage: "withdrawn",
        reason: reason || "Withdrawn by the candidate",
        at: now,
        by: tx.actor.userId,
      },
    ]);
    await recordAudit(tx, {
      orgId: app.orgId,
      action: "update",
      entityType: "application",
      entityId: app.id,
      before: { stage: app.stage },
      after: { stage: "withdrawn", interviewReleased: Boolean(slot) },
    });
  });
  return ownApplication(ctx, id);
}

/**
 * When the candidate deletes their account: an application still in progress is withdrawn (and
 * its interview slot freed) so the employer stops; a closed one stays as it is. Returns its stage now.
 */
export async function withdrawForDeletion(
  ctx: Ctx,
  app: { id: string; orgId: string; stage: string; stageChangedAt: Date },
  now: Date,
) {
  if (CLOSED_STAGES.includes(app.stage as ApplicationStage)) return app;
  const moved = await repo.moveApplication(ctx.db, app.id, app.stage, "withdrawn", now);
  await repo.releaseSlotOf(ctx.db, app.id);
  await repo.insertEvents(ctx.db, [
    {
      applicationId: app.id,
      orgId: app.orgId,
      fromStage: app.stage,
      toStage: "withdrawn",
      reason: "The candidate deleted their account",
      at: now,
      by: null,
    },
  ]);
  // In the employer's trail, as every other move of its applications is.
  await recordAudit(ctx, {
    orgId: app.orgId,
    action: "update",
    entityType: "application",
    entityId: app.id,
    before: { stage: app.stage },
    after: { stage: "withdrawn", reason: "account_deleted" },
  });
  return moved ?? { ...app, stage: "withdrawn", stageChangedAt: now };
}

// Interview booking.

function assertAtInterview(app: CandidateApplication["application"]) {
  if (app.stage !== "interview")
    throw conflict(
      "not_at_interview",
      "You can book an interview when the employer invites you to one: this application is not at the interview stage.",
    );
}

export async function interviewSlots(ctx: OrgCtx, id: string) {
  const row = await ownApplication(ctx, id);
  assertAtInterview(row.application);
  return {
    slots: await repo.listFreeSlots(ctx.db, row.application.advertId, ctx.deps.now()),
    booked:
      row.slot?.id && row.slot.startsAt && row.slot.endsAt
        ? { id: row.slot.id, startsAt: row.slot.startsAt, endsAt: row.slot.endsAt, place: row.slot.place ?? "" }
        : null,
  };
}

const icsFile = (content: string) => [
  { filename: "interview.ics", contentType: "text/calendar; charset=utf-8", content },
];

function interviewEvent(
  ctx: Ctx,
  slot: { id: string; startsAt: Date; endsAt: Date; place: string },
  row: CandidateApplication,
) {
  return {
    uid: `interview-${slot.id}-${row.application.id}@care-workforce-hub`,
    start: slot.startsAt,
    end: slot.endsAt,
    stamp: ctx.deps.now(),
    summary: `Interview: ${row.title}, ${row.employer}`,
    location: slot.place || undefined,
  };
}

const when = (d: Date) => longDateTime(d);

/** Books a free slot of the advert for this application (replacing its booking, if any). */
export async function bookInterview(ctx: OrgCtx, id: string, slotId: string) {
  const row = await ownApplication(ctx, id);
  assertAtInterview(row.application);
  const app = row.application;
  const user = await candidateOf(ctx);
  await inTransaction(ctx, async (tx) => {
    const now = tx.deps.now();
    const previous = await repo.releaseSlotOf(tx.db, app.id);
    // A conditional update: of two people choosing the same time, only the first gets it.
    const slot = await repo.takeSlot(tx.db, slotId, app.advertId, app.id, now);
    if (!slot)
      throw conflict(
        "slot_taken",
        "Sorry, someone has just booked that time, or it is no longer offered. Choose another time.",
      );
    await recordAudit(tx, {
      orgId: app.orgId,
      action: previous ? "rebook" : "book",
      entityType: "interview_slot",
      entityId: slot.id,
      before: previous ? { slotId: previous.id } : null,
      after: { applicationId: app.id },
    });
    const event = interviewEvent(tx, slot, row);
    await queueEmail(tx, {
      to: user.user.email,
      template: "interview-booked",
      subject: `Your interview for ${row.title} is booked`,
      body: [
        `Your interview for ${oneLine(row.title)} at ${oneLine(row.employer)} is on ${when(slot.startsAt)}.`,
        ...(slot.place ? [`Where: ${oneLine(slot.place)}`] : []),
        "",
        "The calendar file attached adds it to your calendar. To change or cancel it, go to your applications:",
        `${tx.deps.env.PUBLIC_URL}/orgs/${tx.org.id}/candidate/applications`,
      ].join("\n"),
      attachments: icsFile(buildIcs({ ...event, sequence: 0 })),
    });
  });
  return ownApplication(ctx, id);
}

export async function cancelInterview(ctx: OrgCtx, id: string) {
  const row = await ownApplication(ctx, id);
  if (!row.slot?.id) throw conflict("not_booked", "This application has no interview booked.");
  const user = await candidateOf(ctx);
  await inTransaction(ctx, async (tx) => {
    const slot = await repo.releaseSlotOf(tx.db, row.application.id);
    if (!slot) return;
    await recordAudit(tx, {
      orgId: row.application.orgId,
      action: "cancel_booking",
      entityType: "interview_slot",
      entityId: slot.id,
      before: { applicationId: row.application.id },
      after: { applicationId: null },
    });
    await queueEmail(tx, {
      to: user.user.email,
      template: "interview-cancelled",
      subject: `Your interview for ${row.title} is cancelled`,
      body: `You cancelled your interview for ${oneLine(row.title)} at ${oneLine(row.employer)} on ${when(slot.startsAt)}. You can book another time from your applications.`,
      attachments: icsFile(buildIcs({ ...interviewEvent(tx, slot, row), method: "CANCEL", sequence: 1 })),
    });
  });
  return ownApplication(ctx, id);
}
