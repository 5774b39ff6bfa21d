import type { BookingPageResponse, BookingView } from "../../../shared/schemas/training-bookings";
import type { BookingStatus, TrainingOutcome } from "../../../shared/training";
import type { BookingDetail, SessionRow } from "./bookings.repo";
import type { getBookingPage } from "./bookings.service";

// What an employer sees of its bookings: the session, its own member of staff by display id and
// workplace, and the booking's state. Nothing of other employers' bookings leaves the server.

export function presentSession(s: SessionRow, courseTitle: string) {
  return {
    id: s.id,
    courseId: s.courseId,
    courseTitle,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    venue: s.venue,
    status: s.status as "scheduled" | "cancelled",
    cancelBy: new Date(s.startsAt.getTime() - s.cancelHours * 3_600_000).toISOString(),
  };
}

export function presentSessionToBook(s: { session: SessionRow; courseTitle: string; placesForYou: number }) {
  return { ...presentSession(s.session, s.courseTitle), placesForYou: s.placesForYou };
}

export function presentBooking(row: BookingDetail, positions: ReadonlyMap<string, number> = new Map()): BookingView {
  const b = row.booking;
  return {
    id: b.id,
    status: b.status as BookingStatus,
    offeredUntil: b.status === "offered" ? (b.offeredUntil?.toISOString() ?? null) : null,
    waitingPosition: positions.get(b.id) ?? null,
    selfBooked: b.selfBooked,
    bookedAt: b.createdAt.toISOString(),
    cancelledAt: b.cancelledAt?.toISOString() ?? null,
    lateCancellation: b.lateCancellation,
    outcome: (b.outcome as TrainingOutcome | null) ?? null,
    session: presentSession(row.session, row.courseTitle),
    staff: { id: b.staffRecordId, displayId: row.displayId, workplace: row.workplace },
  };
}

export function presentBookingPage(p: Awaited<ReturnType<typeof getBookingPage>>): BookingPageResponse {
  return {
    session: {
      ...presentSession(p.session, p.courseTitle),
      capacity: p.session.capacity,
      releaseAt: p.session.releaseAt?.toISOString() ?? null,
    },
    places: p.places,
    waiting: p.waiting,
    staff: p.staff.map((s) => ({
      id: s.id,
      displayId: s.displayId,
      workplaceId: s.workplaceId,
      workplace: s.workplace,
      mainJobRole: s.mainJobRole,
      booking: (s.booking as BookingStatus | null) ?? null,
    })),
  };
}
