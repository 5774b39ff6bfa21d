import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { commissionedProvider, makeUser, signedIn, testHub } from "../../../../test/harness";
import { booking, course, session, trainingArea } from "../../../../test/training-fixtures";
import { staffRecords } from "../../db/schema";

// Training uptake (issue 18 item 9) on small fixtures checked by hand. The test clock is 15 June
// 2026, so a council's default period is the four whole quarters to 31 March 2026.

const hub = await testHub();
const FEB = { startsAt: new Date("2026-02-10T09:30:00Z"), endsAt: new Date("2026-02-10T16:00:00Z") };

const staffOf = (orgId: string) =>
  hub.deps.db.select().from(staffRecords).where(eq(staffRecords.orgId, orgId)).orderBy(staffRecords.localRef);

describe("training uptake", () => {
  it("counts a provider's own bookings, attendance, did not attend and late cancellations, and a trainer's unused places", async () => {
    const area = await trainingArea(hub, { workers: 6 });
    const c = await course(hub, area);
    const s = await session(hub, c, { ...FEB, capacity: 10 });
    const [a, b, d, e, f, g] = area.staff;
    await booking(hub, s, area.provider.id, a.id, { outcome: "completed" });
    await booking(hub, s, area.provider.id, b.id, { outcome: "not_yet_competent" });
    await booking(hub, s, area.provider.id, d.id, { outcome: "did_not_attend" });
    await booking(hub, s, area.provider.id, e.id, { status: "cancelled", lateCancellation: true });
    await booking(hub, s, area.provider.id, f.id, { status: "cancelled" });
    await booking(hub, s, area.provider.id, g.id, { status: "waiting" });
    // A session later in the year that has not run: its places are not counted unused.
    await session(hub, c, { capacity: 8 });

    const own = await (await area.providerClient()).get(
      `/api/orgs/${area.provider.id}/training/uptake?from=2026-01-01&to=2026-12-31`,
    );
    expect(own.status).toBe(200);
    expect(own.json.view).toBe("own");
    expect(own.json.total).toEqual({
      bookings: { count: 3 },
      attended: { count: 2 },
      completions: { count: 1 },
      didNotAttend: { count: 1 },
      lateCancellations: { count: 1 },
      placesUnused: { count: null, reason: "not_applicable" },
    });
    expect(own.json.byMonth.map((r: { label: string }) => r.label)).toEqual(["February 2026"]);

    const partner = await (await area.partnerClient()).get(
      `/api/orgs/${area.partner.id}/training/uptake?from=2026-01-01&to=2026-12-31&by=course`,
    );
    expect(partner.json.total.placesUnused).toEqual({ count: 8 }); // 10 places, 2 attended
    expect(partner.json.byCourse).toHaveLength(1);
    expect(partner.json.byProvider).toEqual([]);
    expect(partner.json.byCourse[0].counts.bookings).toEqual({ count: 3 });
  });

  it("withholds small counts of providers' staff for the council, and a second cell that would give one away", async () => {
    const area = await trainingArea(hub, { workers: 6 });
    const other = await commissionedProvider(hub, area.councilId, { workers: 5 });
    const third = await commissionedProvider(hub, area.councilId, { workers: 5 });
    const c = await course(hub, area);
    const s = await session(hub, c, { ...FEB, capacity: 20 });
    for (const st of area.staff.slice(0, 5)) await booking(hub, s, area.provider.id, st.id, { outcome: "completed" });
    for (const st of await staffOf(other.id)) await booking(hub, s, other.id, st.id, { outcome: "completed" });
    const thirdStaff = await staffOf(third.id);
    for (const [i, st] of thirdStaff.entries())
      await booking(hub, s, third.id, st.id, { outcome: i < 3 ? "completed" : "did_not_attend" });
    // December 2025: two of the first provider's staff, a quarter of their own.
    const dec = await session(hub, c, {
      startsAt: new Date("2025-12-02T09:30:00Z"),
      endsAt: new Date("2025-12-02T16:00:00Z"),
      capacity: 10,
    });
    await booking(hub, dec, area.provider.id, area.staff[5].id, { outcome: "completed" });

    const council = await area.councilClient();
    const res = await council.get(`/api/orgs/${area.councilId}/training/uptake`);
    expect(res.status).toBe(200);
    expect([res.json.from, res.json.to]).toEqual(["2025-04-01", "2026-03-31"]);
    const row = (id: string) => res.json.byProvider.find((r: { key: string }) => r.key === id).counts;
    expect(row(third.id).completions).toEqual({ count: null, reason: "suppressed" }); // 3
    expect(row(third.id).didNotAttend).toEqual({ count: null, reason: "suppressed" }); // 2
    expect(row(third.id).bookings).toEqual({ count: 5 });
    // The third's 3 completions are withheld, so the smallest other (the second's 5) is too, or the
    // total would give it away; the first's 6 in the year hold December's 1, withheld as that
    // quarter withholds it.
    expect(row(other.id).completions).toEqual({ count: null, reason: "suppressed" });
    expect(row(area.provider.id).completions).toEqual({ count: null, reason: "suppressed" });
    expect(row(other.id).bookings).toEqual({ count: 5 });
    // The year's total holds December's quarter, which has one employer behind it: given, the year
    // less the quarter to March would tell December's count, so it is withheld as December's is.
    expect(res.json.total.completions).toEqual({ count: null, reason: "not_enough_data" });
    expect(res.json.total.placesUnused.count).toBeNull();
    expect(res.json.byMonth.map((r: { label: string }) => r.label)).toEqual(["December 2025", "February 2026"]);
    // December's session: one employer behind it, so nothing is given.
    expect(res.json.byMonth[0].counts.bookings).toEqual({ count: null, reason: "not_enough_data" });
    expect(res.json.byMonth[0].counts.placesUnused.count).toBeNull();
    // Quarters with no sessions withhold nothing: April to September 2025 had none.
    const empty = await council.get(`/api/orgs/${area.councilId}/training/uptake?from=2025-04-01&to=2025-09-30`);
    expect(empty.json.total.bookings).toEqual({ count: 0 });
    // February's 15 bookings are withheld in the year: December's one employer is withheld, and
    // the year's total less February would give it.
    expect(res.json.byMonth[1].counts.bookings).toEqual({ count: null, reason: "suppressed" });

    // Any days asked for give whole quarters that have ended, so two periods a day apart say the same.
    const a = await council.get(`/api/orgs/${area.councilId}/training/uptake?from=2026-02-10&to=2026-06-14`);
    const b = await council.get(`/api/orgs/${area.councilId}/training/uptake?from=2026-02-11&to=2026-06-14`);
    expect([a.json.from, a.json.to]).toEqual(["2026-01-01", "2026-03-31"]);
    expect(b.json).toEqual(a.json);
    expect(a.json.total.completions).toEqual({ count: 13 });
    expect(a.json.total.didNotAttend).toEqual({ count: null, reason: "suppressed" }); // 2
    expect(a.json.total.placesUnused).toEqual({ count: 20 - 13 });
  });

  it("is refused to a staff member, and a council viewer with metrics reads it", async () => {
    const area = await trainingArea(hub, { workers: 1 });
    const analyst = await makeUser(hub, area.council, "council_analyst");
    const res = await (await signedIn(hub, analyst.email)).get(`/api/orgs/${area.councilId}/training/uptake`);
    expect(res.status).toBe(200);
    const staffMember = await makeUser(hub, area.provider, "staff_member");
    const no = await (await signedIn(hub, staffMember.email)).get(`/api/orgs/${area.provider.id}/training/uptake`);
    expect(no.status).toBe(403);
  });
});
