import { z } from "zod";
import { BOOKING_STATUSES, TRAINING_OUTCOMES } from "../training";
import { timestamp } from "./common";

// Shared training's bookings (issue 18 items 2 and 3): an employer books its staff on sessions
// (or staff book themselves when their employer allows it), waiting lists that offer freed places
// in order, cancellations, and the employer's self-booking setting.

const sessionId = z.uuid("Choose a session from the list");

export const bookInput = z.object({
  sessionId,
  staffRecordIds: z
    .array(z.uuid("Choose people from the list of your staff"), { error: "Choose at least one person to book" })
    .min(1, "Choose at least one person to book")
    .max(200, "Book at most 200 people at once")
    .refine((ids) => new Set(ids).size === ids.length, "Choose each person once"),
  /** Put the people without a place on the waiting list instead of refusing the booking. */
  waitingList: z.boolean().default(false),
});
export type BookInput = z.infer<typeof bookInput>;

/** A member of staff booking themselves: their own record, nobody else's. */
export const selfBookInput = z.object({ sessionId, waitingList: z.boolean().default(false) });
export type SelfBookInput = z.infer<typeof selfBookInput>;

export const BOOKING_WHEN = ["upcoming", "past"] as const;
export const bookingListQuery = z.object({
  when: z.enum(BOOKING_WHEN, { error: "Choose upcoming or past" }).optional(),
  staffRecordId: z.uuid("Choose a person from the list").optional(),
  workplaceId: z.uuid("Choose a workplace from the list").optional(),
});
export type BookingListQuery = z.infer<typeof bookingListQuery>;

export const trainingSettingsInput = z.object({
  staffSelfBooking: z.boolean({ error: "Say whether staff may book themselves on training" }),
});
export type TrainingSettingsInput = z.infer<typeof trainingSettingsInput>;

export const bookingView = z.object({
  id: z.string(),
  status: z.enum(BOOKING_STATUSES),
  /** When a place offered from the waiting list lapses. */
  offeredUntil: timestamp.nullable(),
  /** Place on the session's waiting list (1 = next to be offered a freed place). */
  waitingPosition: z.number().nullable(),
  selfBooked: z.boolean(),
  bookedAt: timestamp,
  cancelledAt: timestamp.nullable(),
  lateCancellation: z.boolean(),
  outcome: z.enum(TRAINING_OUTCOMES).nullable(),
  session: z.object({
    id: z.string(),
    courseId: z.string(),
    courseTitle: z.string(),
    startsAt: timestamp,
    endsAt: timestamp,
    venue: z.string(),
    status: z.enum(["scheduled", "cancelled"]),
    /** Cancelling later than this is a late cancellation. */
    cancelBy: timestamp,
  }),
  staff: z.object({ id: z.string(), displayId: z.string(), workplace: z.string() }),
});
export type BookingView = z.infer<typeof bookingView>;

export const bookingsResponse = z.object({ bookings: z.array(bookingView) });
export type BookingsResponse = z.infer<typeof bookingsResponse>;
export const bookingResponse = z.object({ booking: bookingView });
export type BookingResponse = z.infer<typeof bookingResponse>;

export const trainingSettingsResponse = z.object({ staffSelfBooking: z.boolean() });
export type TrainingSettingsResponse = z.infer<typeof trainingSettingsResponse>;

/** A session to come with the places the employer may book on it now (none: the waiting list). */
export const sessionToBookView = bookingView.shape.session.extend({ placesForYou: z.number() });
export const sessionsToBookResponse = z.object({ sessions: z.array(sessionToBookView) });
export type SessionsToBookResponse = z.infer<typeof sessionsToBookResponse>;

export const myTrainingResponse = z.object({
  /** Whether this person may book themselves (their employer allows it and they have a staff record). */
  canBook: z.boolean(),
  /** Why not, in words, when they may not. */
  reason: z.string().nullable(),
  bookings: z.array(bookingView),
  /** Sessions to come they may book themselves on (empty when they may not book). */
  sessions: z.array(sessionToBookView),
});
export type MyTrainingResponse = z.infer<typeof myTrainingResponse>;

/** The staff the booking page offers: in post at the session's date, with workplace and role. */
export const bookableStaffView = z.object({
  id: z.string(),
  displayId: z.string(),
  workplaceId: z.string(),
  workplace: z.string(),
  mainJobRole: z.number(),
  /** Already booked, offered or waiting on this session. */
  booking: z.enum(BOOKING_STATUSES).nullable(),
});
export const bookingPageResponse = z.object({
  session: bookingView.shape.session.extend({ capacity: z.number(), releaseAt: timestamp.nullable() }),
  places: z.object({
    freeTotal: z.number(),
    freeForOrg: z.number(),
    heldForOrg: z.number(),
    released: z.boolean(),
  }),
  waiting: z.number(),
  staff: z.array(bookableStaffView),
});
export type BookingPageResponse = z.infer<typeof bookingPageResponse>;
