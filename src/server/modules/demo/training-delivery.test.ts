import { asc, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testHub } from "../../../../test/harness";
import { booking, course, session, trainingArea } from "../../../../test/training-fixtures";
import { outbox, trainingBookings, trainingRecords } from "../../db/schema";
import { seedTrainingDelivery } from "./training-delivery";

// The delivery demo on fixtures: every booking on a session before the anchor gets an outcome,
// completions their training record and certificate, through the route's own code; later
// sessions are left alone and nobody is emailed.

const hub = await testHub();
const db = hub.deps.db;

describe("the delivery demo", () => {
  it("marks past sessions' bookings, mostly completed, writing records and certificates", async () => {
    const a = await trainingArea(hub, { workers: 30 });
    const c = await course(hub, a);
    const at = (day: string) => ({ startsAt: new Date(`${day}T09:30:00Z`), endsAt: new Date(`${day}T16:00:00Z`) });
    const past = [await session(hub, c, at("2026-03-02")), await session(hub, c, at("2026-04-06"))];
    const later = await session(hub, c, at("2026-07-06"));
    const ids: string[] = [];
    for (const [i, s] of past.entries())
      for (const person of a.staff.slice(i * 15, i * 15 + 15))
        ids.push((await booking(hub, s, a.provider.id, person.id)).id);
    const untouched = await booking(hub, later, a.provider.id, a.staff[0].id);
    const mailsBefore = (await db.select().from(outbox)).length;

    await seedTrainingDelivery(
      hub.ctx,
      { councilId: a.councilId, orgIds: new Map(), anchor: "2026-06-15", password: "x", credentials: [] },
      { courseIds: [c.id], sessionIds: [] } as never,
      { bookingIds: ids },
    );

    const rows = await db
      .select()
      .from(trainingBookings)
      .where(inArray(trainingBookings.id, ids))
      .orderBy(asc(trainingBookings.id));
    expect(rows.every((r) => r.outcome !== null)).toBe(true);
    const completed = rows.filter((r) => r.outcome === "completed");
    expect(completed.length).toBeGreaterThan(rows.length * 0.7);
    expect(completed.every((r) => r.trainingRecordId && r.certificateCode)).toBe(true);
    expect(rows.filter((r) => r.outcome !== "completed").every((r) => !r.trainingRecordId && !r.certificateCode)).toBe(
      true,
    );
    const records = await db
      .select()
      .from(trainingRecords)
      .where(
        inArray(
          trainingRecords.id,
          completed.map((r) => r.trainingRecordId as string),
        ),
      );
    expect(records).toHaveLength(completed.length);
    expect(new Set(records.map((r) => r.completedOn))).toEqual(new Set(["2026-03-02", "2026-04-06"]));
    const [later0] = await db.select().from(trainingBookings).where(eq(trainingBookings.id, untouched.id));
    expect(later0.outcome).toBeNull();
    expect((await db.select().from(outbox)).length).toBe(mailsBefore);
  });
});
