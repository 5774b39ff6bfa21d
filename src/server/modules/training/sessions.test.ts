import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { commissionedProvider, makeUser, testHub } from "../../../../test/harness";
import { booking, course, session, trainingArea } from "../../../../test/training-fixtures";
import { auditLog, outbox, sessionQuotas, staffRecords, trainingBookings, trainingSessions } from "../../db/schema";

const hub = await testHub();

// The test clock is 2026-06-15 09:00 UTC.
const newSession = (extra: Record<string, unknown> = {}) => ({
  startsAt: "2026-07-01T09:30:00Z",
  endsAt: "2026-07-01T16:00:00Z",
  venue: "Halton Stadium, Widnes WA8 7DZ",
  trainerName: "Sam Okafor",
  capacity: 12,
  ...extra,
});

describe("sessions and fair places", () => {
  it("adds a session with named quotas, released 7 days before by default; the provider sees its held places", async () => {
    const area = await trainingArea(hub);
    const c = await course(hub, area);
    const partner = await area.partnerClient();
    const res = await partner.post(
      `/api/orgs/${area.partner.id}/training/courses/${c.id}/sessions`,
      newSession({
        allocation: "quota",
        quotas: [{ orgId: area.provider.id, places: 4 }],
        trainerUserId: area.trainer.id,
      }),
    );
    expect(res.status).toBe(201);
    expect(res.json.session).toMatchObject({
      allocation: "quota",
      releaseAt: "2026-06-24T09:30:00.000Z",
      places: { capacity: 12, freeTotal: 12 },
      yours: true,
      offerer: { trainerUserId: area.trainer.id, quotas: [{ orgId: area.provider.id, places: 4, taken: 0 }], taken: 0 },
    });
    const provider = await area.providerClient();
    const seen = await provider.get(`/api/orgs/${area.provider.id}/training/sessions/${res.json.session.id}`);
    // Its 4 held places and the 8 no quota holds; nothing about other providers' quotas.
    expect(seen.json.session).toMatchObject({
      places: { freeForYou: 12, heldForYou: 4, released: false },
      offerer: null,
    });
    const council = await area.councilClient();
    const bySomeoneElse = await council.get(`/api/orgs/${area.councilId}/training/sessions/${res.json.session.id}`);
    expect(bySomeoneElse.json.session.places).toMatchObject({ freeForYou: 8, heldForYou: 0 });
  });

  it("refuses quotas adding up to more than the capacity, quotas for providers the council does not commission, and past or inside-out times", async () => {
    const area = await trainingArea(hub);
    const outsider = await trainingArea(hub);
    const c = await course(hub, area);
    const partner = await area.partnerClient();
    const url = `/api/orgs/${area.partner.id}/training/courses/${c.id}/sessions`;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [
        { allocation: "quota", capacity: 5, quotas: [{ orgId: area.provider.id, places: 6 }] },
        "quotas",
        /hold 6 places but the session has 5/,
      ],
      [{ allocation: "quota", quotas: [{ orgId: outsider.provider.id, places: 2 }] }, "quotas.0.orgId", /commissions/],
      [{ allocation: "quota", quotas: [] }, "quotas", /Name at least one provider/],
      [{ quotas: [{ orgId: area.provider.id, places: 2 }] }, "quotas", /only with quota allocation/],
      [{ startsAt: "2026-06-01T09:00:00Z", endsAt: "2026-06-01T12:00:00Z" }, "startsAt", /start in the future/],
      [{ endsAt: "2026-07-01T08:00:00Z" }, "endsAt", /end after it starts/],
      [{ venue: "" }, "venue", /classroom course needs a venue/],
      [{ trainerUserId: area.providerAdmin.id }, "trainerUserId", /belong to your organisation/],
      [
        { allocation: "quota", quotas: [{ orgId: area.provider.id, places: 2 }], releaseAt: "2026-07-02T09:00:00Z" },
        "releaseAt",
        /released before the session starts/,
      ],
      [{ capacity: 0 }, "capacity", /at least 1 place/],
    ];
    for (const [change, path, message] of cases) {
      const res = await partner.post(url, newSession(change));
      expect({ change, status: res.status }).toEqual({ change, status: 400 });
      expect(res.json.error.message).toMatch(message);
      expect(res.json.error.issues?.[0]?.path).toBe(path);
    }
    const online = await course(hub, area, { delivery: "online" });
    const noLink = await partner.post(
      `/api/orgs/${area.partner.id}/training/courses/${online.id}/sessions`,
      newSession({ venue: "" }),
    );
    expect(noLink.json.error.issues[0].path).toBe("link");
    expect(await hub.deps.db.select().from(trainingSessions).where(eq(trainingSessions.courseId, c.id))).toEqual([]);
  });

  it("by size gives every place out in proportion to commissioned providers' staff in post", async () => {
    const area = await trainingArea(hub, { workers: 6 });
    const bigger = await commissionedProvider(hub, area.councilId, { workers: 3 });
    const c = await course(hub, area);
    const partner = await area.partnerClient();
    const res = await partner.post(
      `/api/orgs/${area.partner.id}/training/courses/${c.id}/sessions`,
      newSession({ allocation: "by_size", capacity: 10 }),
    );
    expect(res.status).toBe(201);
    const quotas = await hub.deps.db
      .select()
      .from(sessionQuotas)
      .where(eq(sessionQuotas.sessionId, res.json.session.id))
      .orderBy(asc(sessionQuotas.orgId));
    const byOrg = new Map(quotas.map((q) => [q.orgId, q.places]));
    // 6 and 3 staff (the first provider of the area has none): 10 places, 6.67 and 3.33 → 7 and 3.
    expect(byOrg.get(area.provider.id)).toBe(7);
    expect(byOrg.get(bigger.id)).toBe(3);
    expect(quotas.reduce((n, q) => n + q.places, 0)).toBe(10);
  });

  it("cancelling a session cancels every booking on it and emails each booking employer's admins", async () => {
    const area = await trainingArea(hub, { workers: 3 });
    const second = await commissionedProvider(hub, area.councilId, { workers: 1 });
    const secondAdmin = await makeUser(hub, second, "provider_admin");
    const [secondStaff] = await hub.deps.db.select().from(staffRecords).where(eq(staffRecords.orgId, second.id));
    const c = await course(hub, area, { title: "Fire safety" });
    const s = await session(hub, c);
    const kept = await session(hub, c, {
      startsAt: new Date("2026-06-29T09:00:00Z"),
      endsAt: new Date("2026-06-29T12:00:00Z"),
    });
    const [a, b, w] = area.staff;
    await booking(hub, s, area.provider.id, a.id);
    await booking(hub, s, area.provider.id, b.id, { status: "offered" });
    await booking(hub, s, area.provider.id, w.id, { status: "waiting" });
    await booking(hub, s, second.id, secondStaff.id);
    const other = await booking(hub, kept, area.provider.id, a.id);

    const partner = await area.partnerClient();
    const url = `/api/orgs/${area.partner.id}/training/sessions/${s.id}/cancel`;
    expect((await partner.post(url, { reason: "" })).status).toBe(400);
    const res = await partner.post(url, { reason: "The trainer is ill" });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      bookingsCancelled: 4,
      session: { status: "cancelled", cancelledReason: "The trainer is ill", places: { freeTotal: 0 } },
    });
    const rows = await hub.deps.db.select().from(trainingBookings).where(eq(trainingBookings.sessionId, s.id));
    expect(rows.map((r) => r.status)).toEqual(["cancelled", "cancelled", "cancelled", "cancelled"]);
    expect(rows.every((r) => r.cancelledAt !== null)).toBe(true);
    const [untouched] = await hub.deps.db.select().from(trainingBookings).where(eq(trainingBookings.id, other.id));
    expect(untouched.status).toBe("booked");

    const mails = await hub.deps.db
      .select()
      .from(outbox)
      .where(eq(outbox.template, "training_session_cancelled"))
      .orderBy(asc(outbox.toAddress));
    const toFirst = mails.filter((m) => m.toAddress === area.providerAdmin.email);
    const toSecond = mails.filter((m) => m.toAddress === secondAdmin.email);
    expect(toFirst).toHaveLength(1);
    expect(toFirst[0].subject).toContain("Fire safety");
    expect(toFirst[0].body).toContain("The trainer is ill");
    expect(toFirst[0].body).toContain("2 people booked and 1 on the waiting list");
    expect(toSecond).toHaveLength(1);
    expect(toSecond[0].body).toContain("1 person booked");
    // Staff are not named in the email.
    expect(toFirst[0].body).not.toContain(a.localRef);

    expect((await partner.post(url, { reason: "Again" })).status).toBe(409);
    const audit = await hub.deps.db.select().from(auditLog).where(eq(auditLog.entityId, s.id));
    expect(audit.map((e) => e.action)).toEqual(["cancel"]);
    // Cancelled: no longer in the provider's list of sessions to come.
    const provider = await area.providerClient();
    const list = await provider.get(`/api/orgs/${area.provider.id}/training/sessions`);
    expect(list.json.sessions.map((x: { id: string }) => x.id)).toEqual([kept.id]);
  });

  it("another organisation cannot change or cancel a session it does not run", async () => {
    const area = await trainingArea(hub);
    const c = await course(hub, area, { offeredBy: area.councilId });
    const s = await session(hub, c);
    const partner = await area.partnerClient();
    expect(
      (await partner.post(`/api/orgs/${area.partner.id}/training/sessions/${s.id}/cancel`, { reason: "Not mine" }))
        .status,
    ).toBe(403);
    expect(
      (await partner.patch(`/api/orgs/${area.partner.id}/training/sessions/${s.id}`, { capacity: 2 })).status,
    ).toBe(403);
    expect(
      (await partner.post(`/api/orgs/${area.partner.id}/training/courses/${c.id}/sessions`, newSession())).status,
    ).toBe(403);
    const [row] = await hub.deps.db.select().from(trainingSessions).where(eq(trainingSessions.id, s.id));
    expect(row).toMatchObject({ status: "scheduled", capacity: 12 });
  });

  it("edits a session: capacity not below places taken, quotas recomputed", async () => {
    const area = await trainingArea(hub, { workers: 3 });
    const c = await course(hub, area);
    const s = await session(hub, c, { capacity: 6 });
    await booking(hub, s, area.provider.id, area.staff[0].id);
    await booking(hub, s, area.provider.id, area.staff[1].id);
    const partner = await area.partnerClient();
    const url = `/api/orgs/${area.partner.id}/training/sessions/${s.id}`;
    const tooSmall = await partner.patch(url, { capacity: 1 });
    expect(tooSmall.status).toBe(400);
    expect(tooSmall.json.error.message).toMatch(/2 places are already booked/);
    const quota = await partner.patch(url, { allocation: "quota", quotas: [{ orgId: area.provider.id, places: 3 }] });
    expect(quota.status).toBe(200);
    expect(quota.json.session).toMatchObject({
      allocation: "quota",
      releaseAt: "2026-06-15T09:30:00.000Z",
      places: { freeTotal: 4 },
      offerer: { quotas: [{ orgId: area.provider.id, places: 3, taken: 2 }], taken: 2 },
    });
    const open = await partner.patch(url, { allocation: "open" });
    expect(open.json.session.offerer.quotas).toEqual([]);
    // Once it has started it is history: no more changes.
    const was = hub.clock.now;
    hub.clock.now = new Date("2026-06-22T10:00:00Z");
    try {
      const late = await partner.patch(url, { trainerName: "Someone else" });
      expect(late.status).toBe(409);
      expect(late.json.error.message).toMatch(/already started/);
    } finally {
      hub.clock.now = was;
    }
  });
});
