import { londonWallTime, longDate } from "../../../shared/dates";
import type { OutcomesInput } from "../../../shared/schemas/training-delivery";
import { TRAINING_OUTCOME_LABELS, type TrainingOutcome } from "../../../shared/training";
import { type Ctx, inTransaction, type OrgCtx } from "../../context";
import { badRequest, notFound } from "../../lib/errors";
import { expiryFrom } from "../ascwds/training-file";
import { recordAuditBatch } from "../audit/audit.service";
import { oneLine, queueEmail } from "../mail/mail.service";
import * as repo from "./attendance.repo";
import { newCertificateCode } from "./certificate-code";

// Attendance and outcomes (issue 18 item 4). A trainer (or the hub team) marks each person booked
// on a session it runs, once the session has started. A completion is written on the person's
// staff record at once as a training record (and a qualification where the course awards one),
// so the employer's training compliance, My career and its ASC-WDS training file change with no
// upload: the training_records trigger moves the employer's data version, which is what makes
// the figures' kept summaries stale (metrics/summaries.ts). Changing an outcome later removes what
// the completion wrote, certificate included. A did-not-attend is emailed to the employer's admins.

export async function listDeliverySessions(ctx: OrgCtx) {
  return repo.listOfferedSessions(ctx.db, ctx.org.id);
}

async function ownSession(ctx: OrgCtx, sessionId: string) {
  const found = await repo.findOfferedSession(ctx.db, ctx.org.id, sessionId);
  if (!found) throw notFound("session");
  return found;
}

export async function getDeliverySession(ctx: OrgCtx, sessionId: string) {
  const session = await ownSession(ctx, sessionId);
  return { session, people: await repo.listBookedPeople(ctx.db, sessionId) };
}

/** How ASC-WDS's training file codes a hub course: delivered by an external provider ("other"), face to face unless online. */
export function ascwdsCodesOf(course: { delivery: string; qualificationCode: number | null }) {
  return {
    accredited: course.qualificationCode !== null ? 1 : 999,
    whoDelivered: 2,
    providerCode: 999,
    howDelivered: course.delivery === "online" ? 2 : 1,
  };
}

/** `n` unused certificate codes, checked against those issued in one read. */
async function newCodes(ctx: Ctx, n: number): Promise<string[]> {
  const codes = new Set<string>();
  while (codes.size < n) {
    const fresh = Array.from({ length: n - codes.size }, newCertificateCode);
    const taken = await repo.takenCertificateCodes(ctx.db, fresh);
    for (const c of fresh) if (!taken.has(c)) codes.add(c);
  }
  return [...codes];
}

export type Session = NonNullable<Awaited<ReturnType<typeof repo.findOfferedSession>>>;

/**
 * Apply outcomes to bookings of one session, inside the caller's transaction: the route's and the
 * demo's one way of writing them. Returns the bookings whose outcome changed.
 */
export async function applyOutcomes(
  ctx: Ctx,
  found: Session,
  outcomes: OutcomesInput["outcomes"],
  opts: { auditOrgId: string; notify: boolean },
) {
  const { session, course } = found;
  const ids = [...new Set(outcomes.map((o) => o.bookingId))];
  if (ids.length !== outcomes.length)
    throw badRequest("duplicate_booking", "Each person can have one outcome: a bookingId appears twice in outcomes.");
  const rows = await repo.findSessionBookings(ctx.db, session.id, ids);
  const byId = new Map(rows.map((r) => [r.booking.id, r]));
  const issues = outcomes.flatMap((o, i) => {
    const row = byId.get(o.bookingId);
    if (!row) return [{ path: `outcomes.${i}.bookingId`, message: "This booking is not on this session." }];
    if (row.booking.status !== "booked")
      return [
        {
          path: `outcomes.${i}.bookingId`,
          message: `${row.staff.displayId} is not booked on this session (the booking is ${row.booking.status}), so no outcome can be marked.`,
        },
      ];
    return [];
  });
  if (issues.length) throw badRequest("validation", issues[0].message, issues);

  const now = ctx.deps.now();
  const completedOn = londonWallTime(session.startsAt).day;
  const expiresOn = course.refreshMonths ? expiryFrom(completedOn, course.refreshMonths) : null;
  const changed = outcomes
    .map((o) => ({ ...o, row: byId.get(o.bookingId) as (typeof rows)[number] }))
    .filter((o) => o.row.booking.outcome !== o.outcome);

  // Undo what earlier completions wrote, then write what new ones give.
  await repo.deleteTrainingRecords(
    ctx.db,
    changed.flatMap((c) => (c.row.booking.trainingRecordId ? [c.row.booking.trainingRecordId] : [])),
  );
  await repo.deleteQualifications(
    ctx.db,
    changed.flatMap((c) => (c.row.booking.qualificationId ? [c.row.booking.qualificationId] : [])),
  );
  const completions = changed.filter((c) => c.outcome === "completed");
  const codes = ascwdsCodesOf(course);
  const certificates = await newCodes(ctx, completions.length);
  const records = await repo.insertTrainingRecords(
    ctx.db,
    completions.map((c, i) => ({
      orgId: c.row.booking.orgId,
      staffRecordId: c.row.staff.id,
      category: course.category,
      name: course.title.slice(0, 120),
      ...codes,
      validityMonths: course.refreshMonths,
      completedOn,
      expiresOn,
      notes: `Shared training session, certificate ${certificates[i]}`,
    })),
  );
  const awarding = course.qualificationCode !== null ? completions : [];
  const positions = await repo.nextQualificationPositions(
    ctx.db,
    awarding.map((c) => c.row.staff.id),
  );
  const quals = await repo.insertQualifications(
    ctx.db,
    awarding.map((c) => ({
      orgId: c.row.booking.orgId,
      staffRecordId: c.row.staff.id,
      position: positions.get(c.row.staff.id) ?? 1,
      qualificationCode: course.qualificationCode as number,
      year: Number(completedOn.slice(0, 4)),
    })),
  );
  const written = new Map(
    completions.map((c, i) => [
      c.bookingId,
      { trainingRecordId: records[i].id, qualificationId: awarding.length ? quals[i].id : null, code: certificates[i] },
    ]),
  );
  await repo.updateBookingOutcomes(
    ctx.db,
    changed.map((c) => {
      const w = written.get(c.bookingId);
      return {
        id: c.bookingId,
        outcome: c.outcome,
        trainingRecordId: w?.trainingRecordId ?? null,
        qualificationId: w?.qualificationId ?? null,
        certificateCode: w?.code ?? null,
      };
    }),
    now,
    ctx.actor.userId,
  );
  await recordAuditBatch(
    ctx,
    changed.flatMap((c) => {
      const w = written.get(c.bookingId);
      const booking = {
        orgId: opts.auditOrgId,
        action: "update",
        entityType: "training_booking",
        entityId: c.bookingId,
        before: { outcome: c.row.booking.outcome, trainingRecordId: c.row.booking.trainingRecordId },
        after: { outcome: c.outcome, trainingRecordId: w?.trainingRecordId ?? null },
      };
      // The employer's own trail shows the record written on (or taken off) its staff record.
      const record = w
        ? [
            {
              orgId: c.row.booking.orgId,
              action: "create",
              entityType: "training_record",
              entityId: w.trainingRecordId,
              after: { staffRecordId: c.row.staff.id, category: course.category, completedOn, bookingId: c.bookingId },
            },
          ]
        : c.row.booking.trainingRecordId
          ? [
              {
                orgId: c.row.booking.orgId,
                action: "delete",
                entityType: "training_record",
                entityId: c.row.booking.trainingRecordId,
                before: { staffRecordId: c.row.staff.id, bookingId: c.bookingId },
              },
            ]
          : [];
      return [booking, ...record];
    }),
  );
  if (opts.notify) await emailDidNotAttend(ctx, found, changed);
  return changed.map((c) => c.bookingId);
}

/** One email to each booking employer's admins, naming everyone of theirs who did not attend. */
async function emailDidNotAttend(
  ctx: Ctx,
  found: Session,
  changed: { outcome: TrainingOutcome; row: { booking: { orgId: string }; staff: { displayId: string } } }[],
) {
  const byOrg = new Map<string, string[]>();
  for (const c of changed)
    if (c.outcome === "did_not_attend")
      byOrg.set(c.row.booking.orgId, [...(byOrg.get(c.row.booking.orgId) ?? []), c.row.staff.displayId]);
  const when = longDate(found.session.startsAt);
  for (const [orgId, names] of [...byOrg].sort(([a], [b]) => a.localeCompare(b))) {
    for (const to of await repo.listAdminEmails(ctx.db, orgId)) {
      await queueEmail(ctx, {
        to,
        template: "training_did_not_attend",
        subject: `Did not attend: ${found.courseTitle} on ${when}`,
        body: [
          `The trainer marked these people booked by your organisation as "${TRAINING_OUTCOME_LABELS.did_not_attend}" at ${oneLine(found.courseTitle)} on ${when}:`,
          "",
          ...names.map((n) => `- ${oneLine(n)}`),
          "",
          "The place was not used. You can book them on another session from Training in the hub.",
          `${ctx.deps.env.PUBLIC_URL}/`,
        ].join("\n"),
      });
    }
  }
}

/** The route's entry: the session must be one the organisation runs, and have started. */
export async function markOutcomes(ctx: OrgCtx, sessionId: string, input: OutcomesInput) {
  return inTransaction(ctx, async (tx) => {
    const found = await ownSession(tx, sessionId);
    if (found.session.status === "cancelled")
      throw badRequest("session_cancelled", "This session was cancelled, so no attendance can be marked.");
    if (tx.deps.now() < found.session.startsAt)
      throw badRequest(
        "session_not_started",
        `Attendance can be marked once the session has started (${longDate(found.session.startsAt)}).`,
      );
    await applyOutcomes(tx, found, input.outcomes, { auditOrgId: tx.org.id, notify: true });
    return {
      session: (await ownSession(tx, sessionId)) as Session,
      people: await repo.listBookedPeople(tx.db, sessionId),
    };
  });
}
