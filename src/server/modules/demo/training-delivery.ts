import type { Ctx } from "../../context";
import { findOfferedSession, listUnmarkedPastBookings } from "../training/attendance.repo";
import { applyOutcomes } from "../training/attendance.service";
import { Random } from "./random";
import type { BookingsSeeded, CatalogueSeeded, TrainingDemoOptions } from "./training-types";

/**
 * Delivery's demo: the outcomes of bookings on sessions before the anchor (about 88% completed,
 * 8% did not attend, 4% not yet competent), written by the route's own code, so each completion
 * has its training record, qualification where the course awards one, and certificate code. No
 * emails: the demo's did-not-attends are history.
 */
export async function seedTrainingDelivery(
  ctx: Ctx,
  opts: TrainingDemoOptions,
  _catalogue: CatalogueSeeded,
  bookings: BookingsSeeded,
) {
  const rnd = new Random(18_04);
  const before = new Date(`${opts.anchor}T00:00:00Z`);
  // In the order the bookings' demo made them (never by the ids the database drew), so the same
  // people complete on every seed.
  const order = new Map(bookings.bookingIds.map((id, i) => [id, i]));
  const rows = (await listUnmarkedPastBookings(ctx.db, opts.councilId, before)).sort(
    (a, b) => (order.get(a.bookingId) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.bookingId) ?? Number.MAX_SAFE_INTEGER),
  );
  const bySession = new Map<string, { offeredBy: string; ids: string[] }>();
  for (const r of rows) {
    const s = bySession.get(r.sessionId) ?? { offeredBy: r.offeredBy, ids: [] };
    s.ids.push(r.bookingId);
    bySession.set(r.sessionId, s);
  }
  for (const [sessionId, s] of bySession) {
    const found = await findOfferedSession(ctx.db, s.offeredBy, sessionId);
    if (!found) continue;
    const outcomes = s.ids.map((bookingId) => ({
      bookingId,
      outcome: rnd.weighted([
        ["completed", 88],
        ["did_not_attend", 8],
        ["not_yet_competent", 4],
      ] as const),
    }));
    await applyOutcomes(ctx, found, outcomes, { auditOrgId: s.offeredBy, notify: false });
  }
  return { marked: rows.length };
}
