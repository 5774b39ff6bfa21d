import { longDateTime } from "../../../shared/dates";
import { type Deps, inTransaction, systemCtx } from "../../context";
import { addDays } from "../../lib/time";
import { oneLine, queueEmail } from "../mail/mail.service";
import { bookingUid, sessionCalendar, sessionUid } from "./booking-calendar";
import * as repo from "./bookings.repo";

// Reminders (issue 18 item 3): two days before a session, the booking employer's admins and
// editors get one email per session listing their people on it, and each person with a personal
// account gets their own, each with the calendar file; a booking is reminded once
// (`reminder_sent_at`), so the job can run as often as it likes.

export const REMINDER_DAYS_BEFORE = 2;

export async function sendBookingReminders(deps: Deps) {
  const ctx = systemCtx(deps);
  const now = deps.now();
  const due = await repo.listDueReminders(deps.db, now, addDays(now, REMINDER_DAYS_BEFORE));
  // One email per employer and session.
  const groups = new Map<string, repo.BookingDetail[]>();
  for (const row of due) {
    const key = `${row.booking.orgId}|${row.session.id}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  let emails = 0;
  for (const rows of groups.values()) {
    const { session, courseTitle } = rows[0];
    const orgId = rows[0].booking.orgId;
    emails += await inTransaction(ctx, async (tx) => {
      let sent = 0;
      const when = `${longDateTime(session.startsAt)}${session.venue ? `, ${oneLine(session.venue)}` : ""}`;
      const people = rows
        .map((r) => oneLine(r.displayId))
        .sort((a, b) => a.localeCompare(b, "en-GB", { numeric: true }))
        .join(", ");
      for (const to of await repo.listBookerEmails(tx.db, orgId)) {
        await queueEmail(tx, {
          to,
          template: "training-reminder",
          subject: `Reminder: ${oneLine(courseTitle)} on ${longDateTime(session.startsAt)}`,
          body: [
            `${oneLine(courseTitle)} is on ${when}.`,
            `Your staff booked on it: ${people}.`,
            "",
            `If someone cannot go, cancel their place so the next person waiting can have it:`,
            `${deps.env.PUBLIC_URL}/orgs/${orgId}/training/bookings`,
          ].join("\n"),
          attachments: sessionCalendar(session, courseTitle, { uid: sessionUid(session.id, orgId), stamp: now }),
        });
        sent++;
      }
      const own = await repo.findUserEmails(
        tx.db,
        rows.map((r) => r.staffUserId),
      );
      for (const r of rows) {
        const to = r.staffUserId ? own.get(r.staffUserId) : undefined;
        if (!to) continue;
        await queueEmail(tx, {
          to,
          template: "training-reminder",
          subject: `Reminder: ${oneLine(courseTitle)} on ${longDateTime(session.startsAt)}`,
          body: `You are booked on ${oneLine(courseTitle)}, ${when}. The calendar file attached adds it to your calendar.`,
          attachments: sessionCalendar(session, courseTitle, { uid: bookingUid(r.booking.id), stamp: now }),
        });
        sent++;
      }
      await repo.markReminded(
        tx.db,
        rows.map((r) => r.booking.id),
        now,
      );
      return sent;
    });
  }
  return { bookings: due.length, emails };
}
