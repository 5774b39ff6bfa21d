import { buildIcs } from "../../lib/ics";
import { type Attachment, oneLine } from "../mail/mail.service";
import type { SessionRow } from "./bookings.repo";

// The calendar file a training booking's emails carry (confirmation, reminder, cancellation).
// One UID per session for the employer's copy and one per booking for the person's, so a
// cancelling file removes exactly the event it replaces.

export function sessionCalendar(
  session: SessionRow,
  courseTitle: string,
  opts: { uid: string; stamp: Date; method?: "PUBLISH" | "CANCEL"; sequence?: number },
): Attachment[] {
  const content = buildIcs({
    uid: `${opts.uid}@care-workforce-hub`,
    start: session.startsAt,
    end: session.endsAt,
    stamp: opts.stamp,
    summary: `Training: ${oneLine(courseTitle)}`,
    location: session.venue || session.link || undefined,
    description: session.trainerName ? `Trainer: ${oneLine(session.trainerName)}` : undefined,
    method: opts.method ?? "PUBLISH",
    sequence: opts.sequence ?? 0,
  });
  return [{ filename: "training.ics", contentType: "text/calendar; charset=utf-8", content }];
}

export const sessionUid = (sessionId: string, orgId: string) => `training-session-${sessionId}-${orgId}`;
export const bookingUid = (bookingId: string) => `training-booking-${bookingId}`;
