import { longDate, longDateTime } from "../../../shared/dates";
import type { BookInput, BookingListQuery, SelfBookInput } from "../../../shared/schemas/training-bookings";
import { availability } from "../../../shared/training-places";
import { inTransaction, type OrgCtx } from "../../context";
import { AppError, badRequest, conflict, forbidden, notFound } from "../../lib/errors";
import { addHours, isoDate } from "../../lib/time";
import { recordAudit, recordAuditBatch } from "../audit/audit.service";
import { oneLine, queueEmail } from "../mail/mail.service";
import { commissions, councilsOf } from "../orgs/commissioning";
import { bookingUid, sessionCalendar, sessionUid } from "./booking-calendar";
import * as repo from "./bookings.repo";
import { loadSessionPlaces, loadSessionsPlaces, lockSession } from "./places.repo";
import { settleWaitingList } from "./waiting-list";

// Bookings (issue 18 items 2 and 3): an employer books its staff on a session, all or nothing,
// under the fair-places rule, with a waiting list for those without a place; it cancels (late
// when within the session's cancellation hours), accepts or declines places offered from the
// waiting list; staff with a personal account book themselves when their employer allows it.

const sessionNotFound = () => notFound("training session");

/** A session the employer may book on: its own council's, or one of a council that commissions it today. */
async function bookableSession(ctx: OrgCtx, sessionId: string) {
  const found = await repo.findSession(ctx.db, sessionId);
  if (!found) throw sessionNotFound();
  const { councilId } = found.session;
  if (councilId !== ctx.org.id && !(await commissions(ctx.db, councilId, ctx.org.id, isoDate(ctx.deps.now()))))
    throw sessionNotFound();
  // A draft course is its offerer's alone, as in the catalogue: its title, venue and places are not shown to employers.
  if (found.courseStatus === "draft" && found.session.offeredBy !== ctx.org.id) throw sessionNotFound();
  return found;
}

function releaseNote(releaseAt: Date | null, released: boolean) {
  return !released && releaseAt
    ? ` Places held for other employers are released to everyone on ${longDateTime(releaseAt)}.`
    : "";
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Books staff of the employer on a session in one transaction that locks the session's row, so
 * two bookings of the last place queue and the second sees it taken. Every person is checked
 * first and nothing is written unless all can be booked (or, with `waitingList`, put on the list).
 */
export async function bookStaff(ctx: OrgCtx, input: BookInput, opts: { selfBooked?: boolean } = {}) {
  const { courseTitle, courseStatus, audience } = await bookableSession(ctx, input.sessionId);
  // The pre-employment course is for people not yet in care (its learners enrol, part C); a
  // withdrawn course takes no new bookings.
  if (audience !== "staff")
    throw badRequest(
      "course_not_for_staff",
      `${courseTitle} is for people not yet working in care: staff are not booked on it. Choose a course for the care workforce.`,
      [{ path: "sessionId", message: "This course is not for staff: choose another" }],
    );
  if (courseStatus !== "published")
    throw badRequest(
      "course_not_open",
      `${courseTitle} is not open for booking (it is ${courseStatus === "draft" ? "still a draft" : "withdrawn from the catalogue"}). Choose another course.`,
      [{ path: "sessionId", message: "This course is not open for booking: choose another" }],
    );
  const created = await inTransaction(ctx, async (tx) => {
    const session = await lockSession(tx.db, input.sessionId);
    if (!session) throw sessionNotFound();
    await settleWaitingList(tx, session.id);
    const now = tx.deps.now();
    if (session.status === "cancelled")
      throw badRequest(
        "session_cancelled",
        `This session of ${courseTitle} was cancelled${session.cancelledReason ? ` (${session.cancelledReason})` : ""}. Choose another session.`,
        [{ path: "sessionId", message: "This session was cancelled: choose another" }],
      );
    if (session.startsAt.getTime() <= now.getTime())
      throw badRequest(
        "session_past",
        `This session of ${courseTitle} started on ${longDateTime(session.startsAt)}: you can only book sessions that have not started. Choose a later session.`,
        [{ path: "sessionId", message: "This session has started: choose a later one" }],
      );

    const sessionDay = isoDate(session.startsAt);
    const staff = await repo.findStaff(tx.db, ctx.org.id, input.staffRecordIds);
    const byId = new Map(staff.map((s) => [s.id, s]));
    const active = new Map(
      (await repo.listActiveFor(tx.db, ctx.org.id, session.id, input.staffRecordIds)).map((b) => [
        b.staffRecordId,
        b.status,
      ]),
    );
    const issues = input.staffRecordIds.flatMap((id, i) => {
      const path = `staffRecordIds.${i}`;
      const s = byId.get(id);
      // Another employer's record is not named: its display id is that employer's to see.
      if (!s) return [{ path, message: `The person with record ${id} is not on ${ctx.org.name}'s staff records` }];
      if (s.endDate && s.endDate < sessionDay)
        return [
          {
            path,
            message: `${s.displayId} left ${ctx.org.name} on ${longDate(s.endDate)}, before the session on ${longDate(session.startsAt)}`,
          },
        ];
      const status = active.get(id);
      if (status)
        return [
          {
            path,
            message:
              status === "waiting"
                ? `${s.displayId} is already on the waiting list for this session`
                : status === "offered"
                  ? `${s.displayId} has already been offered a place on this session: accept it on your bookings page`
                  : `${s.displayId} is already booked on this session`,
          },
        ];
      return [];
    });
    if (issues.length)
      throw badRequest(
        "cannot_book",
        issues.length === 1
          ? `${issues[0].message}.`
          : `${plural(issues.length, "person", "people")} cannot be booked: ${issues.map((x) => x.message).join("; ")}.`,
        issues,
      );

    const places = await loadSessionPlaces(tx.db, session.id);
    if (!places) throw sessionNotFound();
    const a = availability(places, ctx.org.id, now);
    const wanted = input.staffRecordIds.length;
    if (wanted > a.freeForOrg && !input.waitingList) {
      const left =
        a.freeForOrg === 0
          ? `There are no places left for ${ctx.org.name} on this session.`
          : `There ${a.freeForOrg === 1 ? "is 1 place" : `are ${a.freeForOrg} places`} left for ${ctx.org.name} on this session and you chose ${plural(wanted, "person", "people")}.`;
      const message = `${left}${releaseNote(places.releaseAt, a.released)} Choose fewer people, or put those without a place on the waiting list.`;
      throw new AppError(409, "no_places", message, [{ path: "staffRecordIds", message }]);
    }
    const rows = await repo.insertBookings(
      tx.db,
      input.staffRecordIds.map((staffRecordId, i) => ({
        sessionId: session.id,
        councilId: session.councilId,
        orgId: ctx.org.id,
        staffRecordId,
        status: i < a.freeForOrg ? "booked" : "waiting",
        bookedBy: ctx.actor.userId,
        selfBooked: opts.selfBooked ?? false,
      })),
    );
    await recordAuditBatch(
      tx,
      rows.map((b) => ({
        orgId: ctx.org.id,
        action: b.status === "booked" ? "book" : "join_waiting_list",
        entityType: "training_booking",
        entityId: b.id,
        before: null,
        after: { sessionId: b.sessionId, staffRecordId: b.staffRecordId, status: b.status, selfBooked: b.selfBooked },
      })),
    );
    await emailConfirmations(tx, session, courseTitle, rows, byId);
    return rows;
  });
  return repo.findBookings(
    ctx.db,
    ctx.org.id,
    created.map((b) => b.id),
  );
}

async function emailConfirmations(
  ctx: OrgCtx,
  session: repo.SessionRow,
  courseTitle: string,
  rows: repo.BookingRow[],
  staff: Map<string, Awaited<ReturnType<typeof repo.findStaff>>[number]>,
) {
  const now = ctx.deps.now();
  const when = longDateTime(session.startsAt);
  const where = session.venue || session.link;
  const name = (b: repo.BookingRow) => oneLine(staff.get(b.staffRecordId)?.displayId ?? "");
  const booked = rows.filter((b) => b.status === "booked");
  const waiting = rows.filter((b) => b.status === "waiting");
  const emails = await repo.findUserEmails(ctx.db, [
    ctx.actor.userId,
    ...rows.map((b) => staff.get(b.staffRecordId)?.userId ?? null),
  ]);
  const manager = ctx.actor.userId ? emails.get(ctx.actor.userId) : undefined;
  const url = `${ctx.deps.env.PUBLIC_URL}/orgs/${ctx.org.id}/training/bookings`;
  const staffEmails = new Set(rows.map((b) => emails.get(staff.get(b.staffRecordId)?.userId ?? "")).filter(Boolean));
  // A person booking themselves gets their own copy below, not the manager's too.
  if (manager && !staffEmails.has(manager))
    await queueEmail(ctx, {
      to: manager,
      template: "training-booked",
      subject: `Booked: ${oneLine(courseTitle)} on ${longDate(session.startsAt)}`,
      body: [
        `${oneLine(courseTitle)}, ${when}${where ? `, ${oneLine(where)}` : ""}.`,
        ...(booked.length ? [`Booked: ${booked.map(name).join(", ")}.`] : []),
        ...(waiting.length
          ? [`On the waiting list: ${waiting.map(name).join(", ")}. You will be emailed if a place comes free.`]
          : []),
        "",
        `Cancel by ${longDateTime(addHours(session.startsAt, -session.cancelHours))} or it counts as a late cancellation. Your bookings:`,
        url,
      ].join("\n"),
      ...(booked.length
        ? {
            attachments: sessionCalendar(session, courseTitle, { uid: sessionUid(session.id, ctx.org.id), stamp: now }),
          }
        : {}),
    });
  for (const b of rows) {
    const to = emails.get(staff.get(b.staffRecordId)?.userId ?? "");
    if (!to) continue;
    await queueEmail(ctx, {
      to,
      template: b.status === "booked" ? "training-booked" : "training-waiting",
      subject:
        b.status === "booked"
          ? `You are booked on ${oneLine(courseTitle)} on ${longDate(session.startsAt)}`
          : `You are on the waiting list for ${oneLine(courseTitle)}`,
      body: [
        b.status === "booked"
          ? `You are booked on ${oneLine(courseTitle)}, ${when}${where ? `, ${oneLine(where)}` : ""}. The calendar file attached adds it to your calendar.`
          : `You are on the waiting list for ${oneLine(courseTitle)}, ${when}. You will be emailed if a place comes free.`,
        "",
        `${ctx.deps.env.PUBLIC_URL}/orgs/${ctx.org.id}/my-training`,
      ].join("\n"),
      ...(b.status === "booked"
        ? { attachments: sessionCalendar(session, courseTitle, { uid: bookingUid(b.id), stamp: now }) }
        : {}),
    });
  }
}

/** The employer's own staff's bookings; lapsed offers on their sessions move on first. */
export async function listOrgBookings(ctx: OrgCtx, q: BookingListQuery & { userId?: string }) {
  await settleOrgSessions(ctx);
  const rows = await repo.listBookings(ctx.db, ctx.org.id, { ...q, now: ctx.deps.now() });
  return {
    rows,
    positions: await repo.waitingPositions(
      ctx.db,
      rows.filter((r) => r.booking.status === "waiting").map((r) => r.booking.id),
    ),
  };
}

async function settleOrgSessions(ctx: OrgCtx) {
  for (const id of await repo.listSessionsToSettle(ctx.db, ctx.deps.now(), ctx.org.id))
    await inTransaction(ctx, (tx) => settleWaitingList(tx, id));
}

async function lockedOwnBooking(tx: OrgCtx, bookingId: string, ownerUserId?: string) {
  const [row] = await repo.findBookings(tx.db, tx.org.id, [bookingId], true);
  // A member of staff acts only on their own bookings: anyone else's is not found.
  if (!row || (ownerUserId !== undefined && row.staffUserId !== ownerUserId)) throw notFound("booking");
  return row;
}

/**
 * Cancels a booking, a place offered or a waiting-list entry. A booked place cancelled within the
 * session's cancellation hours is a late cancellation. The freed place goes to the waiting list.
 */
export async function cancelBooking(ctx: OrgCtx, bookingId: string, opts: { ownerUserId?: string } = {}) {
  const found = await lockedOwnBooking(ctx, bookingId, opts.ownerUserId);
  await inTransaction(ctx, async (tx) => {
    await lockSession(tx.db, found.session.id);
    const row = await lockedOwnBooking(tx, bookingId, opts.ownerUserId);
    const { booking: b, session } = row;
    const now = tx.deps.now();
    if (b.status === "cancelled")
      throw conflict("already_cancelled", `${row.displayId}'s booking is already cancelled.`);
    if (session.startsAt.getTime() <= now.getTime())
      throw conflict(
        "session_started",
        `The session started on ${longDateTime(session.startsAt)}: it can no longer be cancelled. The trainer records who attended.`,
      );
    const late = b.status === "booked" && now.getTime() > session.startsAt.getTime() - session.cancelHours * 3_600_000;
    await repo.updateBooking(tx.db, b.id, {
      status: "cancelled",
      cancelledAt: now,
      cancelledBy: tx.actor.userId,
      lateCancellation: late,
      offeredUntil: null,
    });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "cancel",
      entityType: "training_booking",
      entityId: b.id,
      before: { status: b.status },
      after: { status: "cancelled", lateCancellation: late },
    });
    if (b.status === "booked" && row.staffUserId) {
      const emails = await repo.findUserEmails(tx.db, [row.staffUserId]);
      const to = emails.get(row.staffUserId);
      if (to)
        await queueEmail(tx, {
          to,
          template: "training-cancelled",
          subject: `Cancelled: ${oneLine(row.courseTitle)} on ${longDate(session.startsAt)}`,
          body: `Your place on ${oneLine(row.courseTitle)}, ${longDateTime(session.startsAt)}, is cancelled. The calendar file attached removes it from your calendar.`,
          attachments: sessionCalendar(session, row.courseTitle, {
            uid: bookingUid(b.id),
            stamp: now,
            method: "CANCEL",
            sequence: 1,
          }),
        });
    }
    await settleWaitingList(tx, session.id);
  });
  return (await repo.findBookings(ctx.db, ctx.org.id, [bookingId]))[0];
}

/** Takes up a place offered from the waiting list while the offer stands. */
export async function acceptOffer(ctx: OrgCtx, bookingId: string, opts: { ownerUserId?: string } = {}) {
  const found = await lockedOwnBooking(ctx, bookingId, opts.ownerUserId);
  await inTransaction(ctx, async (tx) => {
    await lockSession(tx.db, found.session.id);
    // A lapsed offer is moved on first, so it reads as lapsed below.
    await settleWaitingList(tx, found.session.id);
    const { booking: b, displayId } = await lockedOwnBooking(tx, bookingId, opts.ownerUserId);
    if (b.status !== "offered")
      throw conflict(
        "no_offer",
        b.status === "cancelled" && b.offeredUntil !== null
          ? `The place offered to ${displayId} was not accepted in time and has passed to the next person waiting.`
          : `${displayId} has no place offered on this session to accept.`,
      );
    await repo.updateBooking(tx.db, b.id, { status: "booked", offeredUntil: null, bookedBy: tx.actor.userId });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "accept_offer",
      entityType: "training_booking",
      entityId: b.id,
      before: { status: "offered" },
      after: { status: "booked" },
    });
  });
  return (await repo.findBookings(ctx.db, ctx.org.id, [bookingId]))[0];
}

/** Lets an offered place go: it passes to the next person waiting. */
export async function declineOffer(ctx: OrgCtx, bookingId: string, opts: { ownerUserId?: string } = {}) {
  const found = await lockedOwnBooking(ctx, bookingId, opts.ownerUserId);
  if (found.booking.status !== "offered")
    throw conflict("no_offer", `${found.displayId} has no place offered on this session to decline.`);
  return cancelBooking(ctx, bookingId, opts);
}

/** The booking page: the session, the places this employer may book now, and its staff in post then. */
export async function getBookingPage(ctx: OrgCtx, sessionId: string) {
  const { session, courseTitle } = await bookableSession(ctx, sessionId);
  const places = await loadSessionPlaces(ctx.db, sessionId);
  if (!places) throw sessionNotFound();
  const active = new Map(
    (await repo.listOrgActiveOnSession(ctx.db, ctx.org.id, sessionId)).map((b) => [b.staffRecordId, b.status]),
  );
  const staff = await repo.listStaffInPost(ctx.db, ctx.org.id, isoDate(session.startsAt));
  return {
    session,
    courseTitle,
    places: availability(places, ctx.org.id, ctx.deps.now()),
    waiting: await repo.countWaiting(ctx.db, sessionId),
    staff: staff.map((s) => ({ ...s, booking: active.get(s.id) ?? null })),
  };
}

export async function getSettings(ctx: OrgCtx) {
  return { staffSelfBooking: (await repo.findSettings(ctx.db, ctx.org.id))?.staffSelfBooking ?? false };
}

export async function saveSettings(ctx: OrgCtx, input: { staffSelfBooking: boolean }) {
  return inTransaction(ctx, async (tx) => {
    const before = await getSettings(tx);
    const row = await repo.upsertSettings(tx.db, tx.org.id, input.staffSelfBooking);
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update_training_settings",
      entityType: "training_provider_settings",
      entityId: tx.org.id,
      before,
      after: { staffSelfBooking: row.staffSelfBooking },
    });
    return { staffSelfBooking: row.staffSelfBooking };
  });
}

/** Whether this person may book themselves, and their staff record when they may. */
async function selfBooking(ctx: OrgCtx) {
  const userId = ctx.actor.userId;
  const record = userId ? await repo.findOwnStaffRecord(ctx.db, ctx.org.id, userId) : undefined;
  if (!record)
    return {
      record: null,
      reason: `Your account is not linked to a staff record at ${ctx.org.name}: ask your manager to link it, or to book training for you.`,
    };
  const { staffSelfBooking } = await getSettings(ctx);
  if (!staffSelfBooking)
    return {
      record,
      reason: `${ctx.org.name} books training for its staff: ask your manager to book you on a session.`,
    };
  return { record, reason: null };
}

export async function myTraining(ctx: OrgCtx) {
  const { record, reason } = await selfBooking(ctx);
  const { rows, positions } = ctx.actor.userId
    ? await listOrgBookings(ctx, { userId: ctx.actor.userId })
    : { rows: [], positions: new Map<string, number>() };
  const canBook = !!record && reason === null;
  return { canBook, reason, rows, positions, sessions: canBook ? await sessionsToBook(ctx, rows) : [] };
}

/**
 * Sessions to come an employer (or one member of its staff) may book on, with the places the
 * employer may book now; those in `skip` (sessions the person is already on) are left out.
 */
export async function sessionsToBook(ctx: OrgCtx, mine: repo.BookingDetail[] = []) {
  const now = ctx.deps.now();
  const councils = [
    ...new Set([
      ...(ctx.org.kind === "council" ? [ctx.org.id] : []),
      ...(await councilsOf(ctx.db, ctx.org.id, isoDate(now))),
    ]),
  ];
  const on = new Set(mine.filter((b) => b.booking.status !== "cancelled").map((b) => b.session.id));
  const sessions = (await repo.listUpcomingSessions(ctx.db, councils, now)).filter((s) => !on.has(s.session.id));
  const places = await loadSessionsPlaces(
    ctx.db,
    sessions.map((s) => s.session.id),
  );
  return sessions.flatMap((s) => {
    const p = places.get(s.session.id);
    return p ? [{ ...s, placesForYou: availability(p, ctx.org.id, now).freeForOrg }] : [];
  });
}

export async function bookMyself(ctx: OrgCtx, input: SelfBookInput) {
  const { record, reason } = await selfBooking(ctx);
  if (!record || reason) throw forbidden(reason ?? "You cannot book yourself on training here.");
  const [row] = await bookStaff(ctx, { ...input, staffRecordIds: [record.id] }, { selfBooked: true });
  return row;
}

/** A member of staff's own booking: cancel, accept or decline, when their employer lets them book. */
export async function actOnMine(ctx: OrgCtx, bookingId: string, action: "cancel" | "accept" | "decline") {
  const { record, reason } = await selfBooking(ctx);
  if (!record || reason || !ctx.actor.userId) throw forbidden(reason ?? "You cannot change your bookings here.");
  const opts = { ownerUserId: ctx.actor.userId };
  if (action === "accept") return acceptOffer(ctx, bookingId, opts);
  if (action === "decline") return declineOffer(ctx, bookingId, opts);
  return cancelBooking(ctx, bookingId, opts);
}
