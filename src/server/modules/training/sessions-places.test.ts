import { describe, expect, it } from "vitest";
import { makeOrg, testHub } from "../../../../test/harness";
import { booking, course, session, trainingArea } from "../../../../test/training-fixtures";
import { availability } from "../../../shared/training-places";
import { sessionQuotas } from "../../db/schema";
import { loadSessionPlaces, loadSessionsPlaces } from "./places.repo";

const hub = await testHub();

describe("a session's places for the fair-places rule", () => {
  it("loads capacity, quotas and places taken per employer, counting booked and offered but not waiting or cancelled", async () => {
    const area = await trainingArea(hub, { workers: 5 });
    const other = await makeOrg(hub, "provider");
    const c = await course(hub, area);
    const releaseAt = new Date("2026-06-20T09:30:00Z");
    const s = await session(hub, c, { capacity: 6, allocation: "quota", releaseAt });
    await hub.deps.db.insert(sessionQuotas).values([
      { sessionId: s.id, orgId: area.provider.id, places: 3 },
      { sessionId: s.id, orgId: other.id, places: 2 },
    ]);
    const [a, b, w, x, y] = area.staff;
    await booking(hub, s, area.provider.id, a.id);
    await booking(hub, s, area.provider.id, b.id, { status: "offered" });
    await booking(hub, s, area.provider.id, w.id, { status: "waiting" });
    await booking(hub, s, area.provider.id, x.id, { status: "cancelled" });
    await booking(hub, s, area.provider.id, y.id, { status: "cancelled" });

    const places = await loadSessionPlaces(hub.deps.db, s.id);
    expect(places).toEqual({
      capacity: 6,
      allocation: "quota",
      releaseAt,
      quotas: new Map([
        [area.provider.id, 3],
        [other.id, 2],
      ]),
      taken: new Map([[area.provider.id, 2]]),
    });
    // Before release: 1 held place left plus the 1 place no quota holds.
    const now = new Date("2026-06-15T09:00:00Z");
    expect(availability(places!, area.provider.id, now)).toMatchObject({ freeTotal: 4, freeForOrg: 2, heldForOrg: 1 });
  });

  it("gives nothing for an unknown session and empty maps for a session with no quotas or bookings", async () => {
    const area = await trainingArea(hub, { workers: 1 });
    const s = await session(hub, await course(hub, area));
    expect(await loadSessionPlaces(hub.deps.db, "00000000-0000-4000-8000-000000000000")).toBeUndefined();
    const many = await loadSessionsPlaces(hub.deps.db, [s.id, s.id]);
    expect([...many.keys()]).toEqual([s.id]);
    expect(many.get(s.id)).toMatchObject({ capacity: 12, allocation: "open", quotas: new Map(), taken: new Map() });
  });
});
