import { longDateTime } from "../../../shared/dates";
import { OFFER_HOLD_HOURS } from "../../../shared/training";
import { availability } from "../../../shared/training-places";
import { type Ctx, inTransaction } from "../../context";
import { addHours } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { oneLine, queueEmail } from "../mail/mail.service";
import * as repo from "./bookings.repo";
import { loadSessionPlaces, lockSession } from "./places.repo";

// Waiting lists (issue 18 item 3): a freed place is offered to the first person waiting whose
// employer may take it under the fair-places rule, held for OFFER_HOLD_HOURS; an offer that lapses
// passes to the next. This runs whenever a session's places are written (booking, cancelling,
// accepting, declining), when an employer reads its bookings, and in a periodic job, so a lapsed
// offer moves on within minutes even if nobody looks.

/**
 * Settles a session's waiting list: lapsed offers end (cancelled, not late), then free places
 * are offered in order. The caller holds the session's row locked (or this takes the lock).
 * Returns the bookings offered a place.
 */
export async function settleWaitingList(ctx: Ctx, sessionId: string) {
  const session = await lockSession(ctx.db, sessionId);
  if (!session) return [];
  const now = ctx.deps.now();
  for (const lapsed of await repo.listLapsedOffers(ctx.db, sessionId, now)) {
    await repo.updateBooking(ctx.db, lapsed.id, { status: "cancelled", cancelledAt: lapsed.offeredUntil });
    await recordAudit(ctx, {
      orgId: lapsed.orgId,
      action: "offer_lapsed",
      entityType: "training_booking",
      entityId: lapsed.id,
      before: { status: "offered", offeredUntil: lapsed.offeredUntil?.toISOString() },
      after: { status: "cancelled" },
    });
  }
  // Nothing is offered on a session that has started or was cancelled.
  if (session.status !== "scheduled" || session.startsAt.getTime() <= now.getTime()) return [];
  const places = await loadSessionPlaces(ctx.db, sessionId);
  if (!places) return [];
  const taken = new Map(places.taken);
  const offered: repo.BookingRow[] = [];
  for (const w of await repo.listWaiting(ctx.db, sessionId)) {
    const a = availability({ ...places, taken }, w.orgId, now);
    if (a.freeTotal === 0) break;
    // Held places may be kept for another employer until release: the next in line may be able to take one.
    if (a.freeForOrg === 0) continue;
    // An offer never outlasts the session's start.
    const until = new Date(Math.min(addHours(now, OFFER_HOLD_HOURS).getTime(), session.startsAt.getTime()));
    const row = await repo.updateBooking(ctx.db, w.id, { status: "offered", offeredUntil: until });
    taken.set(w.orgId, (taken.get(w.orgId) ?? 0) + 1);
    offered.push(row);
    await recordAudit(ctx, {
      orgId: w.orgId,
      action: "offer_place",
      entityType: "training_booking",
      entityId: w.id,
      before: { status: "waiting" },
      after: { status: "offered", offeredUntil: until.toISOString() },
    });
  }
  if (offered.length) await emailOffers(ctx, sessionId, offered);
  return offered;
}

async function emailOffers(ctx: Ctx, sessionId: string, offered: repo.BookingRow[]) {
  const found = await repo.findSession(ctx.db, sessionId);
  if (!found) return;
  const { session, courseTitle } = found;
  for (const b of offered) {
    const [detail] = await repo.findBookings(ctx.db, b.orgId, [b.id]);
    const until = longDateTime(b.offeredUntil);
    const what = `${oneLine(courseTitle)} on ${longDateTime(session.startsAt)}`;
    const bookings = `${ctx.deps.env.PUBLIC_URL}/orgs/${b.orgId}/training/bookings`;
    const managers = await repo.listBookerEmails(ctx.db, b.orgId);
    for (const to of managers)
      await queueEmail(ctx, {
        to,
        template: "training-place-offered",
        subject: `A place is free on ${oneLine(courseTitle)}`,
        body: [
          `A place has come free on ${what} for ${oneLine(detail?.displayId ?? "one of your staff")}, who was on the waiting list.`,
          `It is held for them until ${until}. Accept it or let it go on your bookings page, or it passes to the next person waiting:`,
          bookings,
        ].join("\n"),
      });
    const personal = detail?.staffUserId ? await repo.findUserEmails(ctx.db, [detail.staffUserId]) : new Map();
    const own = detail?.staffUserId ? personal.get(detail.staffUserId) : undefined;
    if (own)
      await queueEmail(ctx, {
        to: own,
        template: "training-place-offered",
        subject: `A place is free on ${oneLine(courseTitle)}`,
        body: [
          `A place has come free for you on ${what}. It is held for you until ${until}.`,
          `Your employer accepts it for you, or you can accept it on My training if your employer lets you book:`,
          `${ctx.deps.env.PUBLIC_URL}/orgs/${b.orgId}/my-training`,
        ].join("\n"),
      });
  }
}

/** The periodic job: settle every session with a lapsed offer or people waiting, one transaction each. */
export async function settleWaitingLists(ctx: Ctx) {
  const ids = await repo.listSessionsToSettle(ctx.db, ctx.deps.now());
  let offered = 0;
  for (const id of ids) offered += (await inTransaction(ctx, (tx) => settleWaitingList(tx, id))).length;
  return { sessions: ids.length, offered };
}
