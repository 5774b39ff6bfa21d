import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { SessionPlaces } from "../../../shared/training-places";
import type { Exec } from "../../db/client";
import { sessionQuotas, trainingBookings, trainingSessions } from "../../db/schema";

// The places of a session as the fair-places rule (shared/training-places.ts) reads them: the
// catalogue shows free places by it and bookings (part A2) refuse by it. A booked place and a
// freed place offered from the waiting list both hold a place; waiting and cancelled do not.

/** Booking statuses that hold a place on the session. */
export const PLACE_HOLDING_STATUSES = ["booked", "offered"] as const;

type SessionRow = Pick<typeof trainingSessions.$inferSelect, "id" | "capacity" | "allocation" | "releaseAt">;

const toPlaces = (
  s: SessionRow,
  quotas: ReadonlyMap<string, number>,
  taken: ReadonlyMap<string, number>,
): SessionPlaces => ({
  capacity: s.capacity,
  allocation: s.allocation as SessionPlaces["allocation"],
  releaseAt: s.releaseAt,
  quotas,
  taken,
});

/**
 * The places of many sessions at once (three queries whatever the number), keyed by session id.
 * Sessions that do not exist are absent from the map.
 */
export async function loadSessionsPlaces(db: Exec, sessionIds: readonly string[]): Promise<Map<string, SessionPlaces>> {
  const out = new Map<string, SessionPlaces>();
  if (sessionIds.length === 0) return out;
  const ids = [...new Set(sessionIds)];
  const sessions = await db
    .select({
      id: trainingSessions.id,
      capacity: trainingSessions.capacity,
      allocation: trainingSessions.allocation,
      releaseAt: trainingSessions.releaseAt,
    })
    .from(trainingSessions)
    .where(inArray(trainingSessions.id, ids))
    .orderBy(asc(trainingSessions.id));
  const quotaRows = await db
    .select()
    .from(sessionQuotas)
    .where(inArray(sessionQuotas.sessionId, ids))
    .orderBy(asc(sessionQuotas.sessionId), asc(sessionQuotas.orgId));
  const takenRows = await db
    .select({
      sessionId: trainingBookings.sessionId,
      orgId: trainingBookings.orgId,
      n: sql<number>`count(*)::int`,
    })
    .from(trainingBookings)
    .where(and(inArray(trainingBookings.sessionId, ids), inArray(trainingBookings.status, [...PLACE_HOLDING_STATUSES])))
    .groupBy(trainingBookings.sessionId, trainingBookings.orgId)
    .orderBy(asc(trainingBookings.sessionId), asc(trainingBookings.orgId));
  const quotas = new Map<string, Map<string, number>>();
  for (const q of quotaRows) {
    const m = quotas.get(q.sessionId) ?? new Map<string, number>();
    m.set(q.orgId, q.places);
    quotas.set(q.sessionId, m);
  }
  const taken = new Map<string, Map<string, number>>();
  for (const t of takenRows) {
    const m = taken.get(t.sessionId) ?? new Map<string, number>();
    m.set(t.orgId, Number(t.n));
    taken.set(t.sessionId, m);
  }
  for (const s of sessions) out.set(s.id, toPlaces(s, quotas.get(s.id) ?? new Map(), taken.get(s.id) ?? new Map()));
  return out;
}

/**
 * One session's places (capacity, allocation, release time, quotas from session_quotas, places
 * taken per employer from bookings booked or offered), or undefined when there is no such
 * session. Call it inside the booking's transaction so the count and the insert agree.
 */
export async function loadSessionPlaces(db: Exec, sessionId: string): Promise<SessionPlaces | undefined> {
  return (await loadSessionsPlaces(db, [sessionId])).get(sessionId);
}

/** The session's row, locked for update, so concurrent bookings on it queue (call within a transaction). */
export async function lockSession(db: Exec, sessionId: string) {
  return (await db.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId)).for("update"))[0];
}
