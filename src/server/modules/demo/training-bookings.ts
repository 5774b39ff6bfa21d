import { randomUUID } from "node:crypto";
import { asc, inArray } from "drizzle-orm";
import { OFFER_HOLD_HOURS } from "../../../shared/training";
import { availability } from "../../../shared/training-places";
import type { Ctx } from "../../context";
import { bulkInsert } from "../../db/bulk";
import { staffRecords, trainingBookings, trainingProviderSettings, trainingSessions, users } from "../../db/schema";
import { loadSessionsPlaces } from "../training/places.repo";
import { Random } from "./random";
import type { BookingsSeeded, CatalogueSeeded, TrainingDemoOptions } from "./training-types";

// Bookings' demo (issue 18 items 3 and 10): the demo's providers (and the council's own services)
// book staff in post on most sessions under the fair-places rule, past and to come; a few full
// sessions to come have waiting lists (one with a place offered), some bookings were cancelled
// (some late), and Mersey View lets its staff book themselves, so the demo care worker's My
// training has a place booked. Outcomes are delivery's (demo/training-delivery.ts).

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const STAFF_EMAIL = "care.worker@mersey-view.demo.test";

type Staff = { id: string; orgId: string; startDate: string; endDate: string | null; userId: string | null };

export async function seedTrainingBookings(
  ctx: Ctx,
  opts: TrainingDemoOptions,
  catalogue: CatalogueSeeded,
): Promise<BookingsSeeded> {
  if (!catalogue.sessionIds.length) return { bookingIds: [] };
  const rnd = new Random(18_03);
  const anchor = new Date(`${opts.anchor}T12:00:00Z`).getTime();
  const employers = [...opts.orgIds].filter(([key]) => /^p\d+$/.test(key) || key === "council").map(([, id]) => id);
  // Sessions in time order, those at the same time in the order the catalogue made them, and
  // staff by what the demo generates: never by the ids the database drew, so every seed is the same.
  const made = new Map(catalogue.sessionIds.map((id, i) => [id, i]));
  const sessions = (
    await ctx.db.select().from(trainingSessions).where(inArray(trainingSessions.id, catalogue.sessionIds))
  ).sort(
    (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (made.get(a.id) as number) - (made.get(b.id) as number),
  );
  const places = await loadSessionsPlaces(ctx.db, catalogue.sessionIds);
  const staff: Staff[] = await ctx.db
    .select({
      id: staffRecords.id,
      orgId: staffRecords.orgId,
      startDate: staffRecords.startDate,
      endDate: staffRecords.endDate,
      userId: staffRecords.userId,
    })
    .from(staffRecords)
    .where(inArray(staffRecords.orgId, employers))
    .orderBy(
      asc(staffRecords.localRef),
      asc(staffRecords.startDate),
      asc(staffRecords.displayId),
      asc(staffRecords.mainJobRole),
    );
  const byOrg = new Map<string, Staff[]>();
  for (const s of staff) byOrg.set(s.orgId, [...(byOrg.get(s.orgId) ?? []), s]);
  const orgs = employers.filter((id) => (byOrg.get(id)?.length ?? 0) > 0);
  const [samUser] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(inArray(users.email, [STAFF_EMAIL]));
  const sam = samUser ? staff.find((s) => s.userId === samUser.id) : undefined;

  const rows: (typeof trainingBookings.$inferInsert)[] = [];
  let samBooked = { past: false, future: false };
  let offeredOne = false;
  for (const session of sessions) {
    if (session.status !== "scheduled" || rnd.chance(0.1)) continue;
    const p = places.get(session.id);
    if (!p) continue;
    const start = session.startsAt.getTime();
    const future = start > anchor;
    const day = session.startsAt.toISOString().slice(0, 10);
    const inPost = (s: Staff) => s.startDate <= day && (s.endDate === null || s.endDate >= day);
    const full = future && rnd.chance(0.15);
    const want = full
      ? p.capacity
      : Math.max(1, Math.round(p.capacity * (future ? rnd.between(0.3, 0.9) : rnd.between(0.7, 1))));
    const taken = new Map<string, number>();
    const on = new Set<string>();
    // Bookings made between six weeks and two days before the session (never after the anchor).
    const bookedAt = () => new Date(Math.min(anchor - HOUR, start - rnd.int(2, 42) * DAY - rnd.int(0, 8) * HOUR));
    const choose = (when: Date) => {
      for (let attempt = 0; attempt < 8; attempt++) {
        const org = rnd.pick(orgs);
        if (availability({ ...p, taken }, org, when).freeForOrg === 0) continue;
        const pool = (byOrg.get(org) ?? []).filter((s) => inPost(s) && !on.has(s.id) && s !== sam);
        if (pool.length) return rnd.pick(pool);
      }
      return undefined;
    };
    const add = (s: Staff, values: Partial<typeof trainingBookings.$inferInsert>, when: Date) => {
      on.add(s.id);
      rows.push({
        sessionId: session.id,
        councilId: session.councilId,
        orgId: s.orgId,
        staffRecordId: s.id,
        status: "booked",
        createdAt: when,
        updatedAt: when,
        ...values,
      });
      if (values.status === undefined || values.status === "booked" || values.status === "offered")
        taken.set(s.orgId, (taken.get(s.orgId) ?? 0) + 1);
    };
    // The demo care worker: one session done, one to come, booked themselves.
    if (
      sam &&
      inPost(sam) &&
      !samBooked[future ? "future" : "past"] &&
      availability(p, sam.orgId, new Date(anchor)).freeForOrg > 0
    ) {
      samBooked = { ...samBooked, [future ? "future" : "past"]: true };
      add(sam, { selfBooked: true, bookedBy: sam.userId }, bookedAt());
    }
    for (let i = on.size; i < want; i++) {
      const when = bookedAt();
      const s = choose(when);
      if (!s) break;
      // A few places were given up: most in good time, some within the cancellation hours.
      if (rnd.chance(0.06)) {
        const late = rnd.chance(0.4);
        const cancelledAt = new Date(
          Math.max(
            when.getTime() + HOUR,
            Math.min(
              anchor - HOUR,
              late ? start - rnd.int(2, Math.max(3, session.cancelHours - 1)) * HOUR : when.getTime() + DAY,
            ),
          ),
        );
        add(
          s,
          {
            status: "cancelled",
            cancelledAt,
            lateCancellation: late && cancelledAt.getTime() > start - session.cancelHours * HOUR,
          },
          when,
        );
        on.delete(s.id);
        i--;
        continue;
      }
      add(s, {}, when);
    }
    // Full sessions to come have people waiting, in the order they asked; one has a freed place on offer.
    if (full && [...taken.values()].reduce((a, b) => a + b, 0) >= p.capacity) {
      for (let w = rnd.int(1, 3); w > 0; w--) {
        const org = rnd.pick(orgs);
        const pool = (byOrg.get(org) ?? []).filter((s) => inPost(s) && !on.has(s.id) && s !== sam);
        if (!pool.length) continue;
        const s = rnd.pick(pool);
        on.add(s.id);
        rows.push({
          sessionId: session.id,
          councilId: session.councilId,
          orgId: s.orgId,
          staffRecordId: s.id,
          status: "waiting",
          createdAt: new Date(anchor - w * DAY),
          updatedAt: new Date(anchor - w * DAY),
        });
      }
      if (!offeredOne) {
        // Someone booked cancelled yesterday: the first waiting was offered their place.
        const booked = rows.find((r) => r.sessionId === session.id && r.status === "booked");
        const waiting = rows.find((r) => r.sessionId === session.id && r.status === "waiting");
        if (booked && waiting) {
          offeredOne = true;
          booked.status = "cancelled";
          booked.cancelledAt = new Date(anchor - 6 * HOUR);
          waiting.status = "offered";
          waiting.offeredUntil = new Date(anchor - 6 * HOUR + OFFER_HOLD_HOURS * HOUR);
        }
      }
    }
  }

  const ids = rows.map(() => randomUUID());
  await bulkInsert(
    ctx.db,
    trainingBookings,
    rows.map((r, i) => ({
      id: ids[i],
      bookedBy: null,
      selfBooked: false,
      cancelledAt: null,
      lateCancellation: false,
      offeredUntil: null,
      reminderSentAt: null,
      ...r,
    })),
    {
      columns: [
        "id",
        "sessionId",
        "councilId",
        "orgId",
        "staffRecordId",
        "status",
        "bookedBy",
        "selfBooked",
        "cancelledAt",
        "lateCancellation",
        "offeredUntil",
        "reminderSentAt",
        "createdAt",
        "updatedAt",
      ],
    },
  );
  if (sam)
    await ctx.db
      .insert(trainingProviderSettings)
      .values({ orgId: sam.orgId, staffSelfBooking: true })
      .onConflictDoNothing();
  return { bookingIds: ids };
}
