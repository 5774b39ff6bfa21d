import { asc, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { commissionedProvider, testHub } from "../../../../test/harness";
import { course, session, trainingArea } from "../../../../test/training-fixtures";
import { sessionQuotas, trainingBookings } from "../../db/schema";
import { seedTrainingBookings } from "./training-bookings";

const hub = await testHub();

describe("the bookings demo", () => {
  it("books staff in post within each session's capacity and quotas, with waiting lists only on full sessions", async () => {
    const area = await trainingArea(hub, { workers: 30 });
    const other = await commissionedProvider(hub, area.councilId, { workers: 30 });
    const c = await course(hub, area);
    const at = (day: string) => ({ startsAt: new Date(`${day}T09:30:00Z`), endsAt: new Date(`${day}T16:00:00Z`) });
    const sessions = [
      ...(await Promise.all(
        ["2026-03-02", "2026-04-06", "2026-05-04"].map((d) => session(hub, c, { ...at(d), capacity: 8 })),
      )),
      ...(await Promise.all(
        [
          "2026-07-06",
          "2026-07-13",
          "2026-07-20",
          "2026-07-27",
          "2026-08-03",
          "2026-08-10",
          "2026-08-17",
          "2026-08-24",
        ].map((d) => session(hub, c, { ...at(d), capacity: 6 })),
      )),
    ];
    const quota = await session(hub, c, {
      ...at("2026-09-07"),
      capacity: 4,
      allocation: "quota",
      releaseAt: new Date("2026-09-01T09:00:00Z"),
    });
    await hub.deps.db.insert(sessionQuotas).values({ sessionId: quota.id, orgId: other.id, places: 4 });
    const all = [...sessions, quota];
    const { bookingIds } = await seedTrainingBookings(
      hub.ctx,
      {
        councilId: area.councilId,
        orgIds: new Map([
          ["council", area.councilId],
          ["p0", area.provider.id],
          ["p1", other.id],
        ]),
        anchor: "2026-06-15",
        password: "x",
        credentials: [],
      },
      { courseIds: [c.id], sessionIds: all.map((s) => s.id) },
    );
    expect(bookingIds.length).toBeGreaterThan(30);
    const rows = await hub.deps.db
      .select()
      .from(trainingBookings)
      .where(
        inArray(
          trainingBookings.sessionId,
          all.map((s) => s.id),
        ),
      )
      .orderBy(asc(trainingBookings.createdAt), asc(trainingBookings.id));
    expect(rows).toHaveLength(bookingIds.length);
    for (const s of all) {
      const on = rows.filter((r) => r.sessionId === s.id);
      const holding = on.filter((r) => r.status === "booked" || r.status === "offered");
      expect(holding.length).toBeLessThanOrEqual(s.capacity);
      if (on.some((r) => r.status === "waiting" || r.status === "offered")) expect(holding.length).toBe(s.capacity);
      // Nobody is on a session twice.
      const active = on.filter((r) => r.status !== "cancelled").map((r) => r.staffRecordId);
      expect(new Set(active).size).toBe(active.length);
    }
    // The quota session's places were all held for the other provider until after the anchor.
    expect(rows.filter((r) => r.sessionId === quota.id && r.orgId !== other.id && r.status !== "waiting")).toEqual([]);
    // Past sessions are booked; cancellations are flagged late only within the session's hours.
    expect(rows.filter((r) => r.sessionId === sessions[0].id && r.status === "booked").length).toBeGreaterThan(0);
    for (const r of rows.filter((x) => x.lateCancellation)) {
      const s = all.find((x) => x.id === r.sessionId) as (typeof all)[number];
      expect((r.cancelledAt as Date).getTime()).toBeGreaterThan(s.startsAt.getTime() - s.cancelHours * 3_600_000);
    }
    expect(rows.filter((r) => r.orgId === area.provider.id).length).toBeGreaterThan(0);
    expect(
      (await hub.deps.db.select().from(trainingBookings).where(eq(trainingBookings.sessionId, all[0].id))).length,
    ).toBeGreaterThan(0);
  });
});
