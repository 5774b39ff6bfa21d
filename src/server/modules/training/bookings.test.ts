import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { commissionedProvider, lastEmailTo, makeUser, signedIn, testHub } from "../../../../test/harness";
import { booking, course, session, type TrainingArea, trainingArea } from "../../../../test/training-fixtures";
import { auditLog, outbox, sessionQuotas, staffRecords, trainingBookings, workplaces } from "../../db/schema";

const hub = await testHub();
const NOW = new Date("2026-06-15T09:00:00Z");

async function setUp(opts: { workers?: number; capacity?: number } = {}) {
  hub.clock.now = NOW;
  const area = await trainingArea(hub, { workers: opts.workers ?? 4 });
  const c = await course(hub, area);
  const s = await session(hub, c, { capacity: opts.capacity ?? 12 });
  const manager = await area.providerClient();
  const url = `/api/orgs/${area.provider.id}/training/bookings`;
  return { area, c, s, manager, url };
}

const bookingsOf = (sessionId: string) =>
  hub.deps.db
    .select()
    .from(trainingBookings)
    .where(eq(trainingBookings.sessionId, sessionId))
    .orderBy(asc(trainingBookings.createdAt), asc(trainingBookings.id));

/** A second provider of the same council, with its admin signed in. */
async function otherProvider(area: TrainingArea) {
  const org = await commissionedProvider(hub, area.councilId, { workers: 2 });
  const admin = await makeUser(hub, org, "provider_admin");
  const staff = await hub.deps.db
    .select()
    .from(staffRecords)
    .where(eq(staffRecords.orgId, org.id))
    .orderBy(staffRecords.localRef);
  return { org, admin, staff, client: await signedIn(hub, admin.email), url: `/api/orgs/${org.id}/training/bookings` };
}

describe("booking staff on a session", () => {
  it("books staff in post, shows them in the employer's list and emails the manager a calendar file of the session", async () => {
    const { area, s, manager, url } = await setUp();
    const res = await manager.post(url, { sessionId: s.id, staffRecordIds: [area.staff[0].id, area.staff[1].id] });
    expect(res.status).toBe(201);
    expect(
      res.json.bookings.map((b: { status: string; staff: { displayId: string } }) => [b.staff.displayId, b.status]),
    ).toEqual([
      ["S0", "booked"],
      ["S1", "booked"],
    ]);
    const list = await manager.get(`${url}?when=upcoming`);
    expect(list.json.bookings).toHaveLength(2);
    expect(list.json.bookings[0].session).toMatchObject({ id: s.id, courseTitle: "Safeguarding adults" });
    expect((await manager.get(`${url}?when=past`)).json.bookings).toHaveLength(0);
    expect((await manager.get(`${url}?staffRecordId=${area.staff[1].id}`)).json.bookings).toHaveLength(1);

    const mail = await lastEmailTo(hub, area.providerAdmin.email);
    expect(mail?.template).toBe("training-booked");
    expect(mail?.body).toContain("Booked: S0, S1.");
    const [ics] = (mail as NonNullable<typeof mail>).attachments as {
      filename: string;
      contentType: string;
      content: string;
    }[];
    expect(ics.contentType).toContain("text/calendar");
    const lines = ics.content.split("\r\n");
    expect(lines.slice(0, 2)).toEqual(["BEGIN:VCALENDAR", "VERSION:2.0"]);
    expect(lines).toContain("BEGIN:VEVENT");
    expect(lines).toContain("END:VEVENT");
    expect(lines).toContain("DTSTART:20260622T093000Z");
    expect(lines).toContain("DTEND:20260622T160000Z");
    expect(lines).toContain("SUMMARY:Training: Safeguarding adults");
    expect(ics.content.endsWith("END:VCALENDAR\r\n")).toBe(true);

    const audit = await hub.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, area.provider.id), eq(auditLog.entityType, "training_booking")))
      .orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual(["book", "book"]);
  });

  it("refuses a session that has started, naming it", async () => {
    const { area, c, manager, url } = await setUp();
    const past = await session(hub, c, {
      startsAt: new Date("2026-06-10T09:30:00Z"),
      endsAt: new Date("2026-06-10T16:00:00Z"),
    });
    const res = await manager.post(url, { sessionId: past.id, staffRecordIds: [area.staff[0].id] });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("session_past");
    expect(res.json.error.message).toContain("started on 10 June 2026 at 10:30am");
    expect(await bookingsOf(past.id)).toHaveLength(0);
  });

  it("refuses a cancelled session with its reason", async () => {
    const { area, c, manager, url } = await setUp();
    const off = await session(hub, c, { status: "cancelled", cancelledReason: "the trainer is ill" });
    const res = await manager.post(url, { sessionId: off.id, staffRecordIds: [area.staff[0].id] });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("session_cancelled");
    expect(res.json.error.message).toContain("was cancelled (the trainer is ill)");
  });

  it("refuses a session of a withdrawn course or of the pre-employment course", async () => {
    const { area, manager, url } = await setUp();
    const withdrawn = await session(hub, await course(hub, area, { status: "withdrawn" }));
    const res = await manager.post(url, { sessionId: withdrawn.id, staffRecordIds: [area.staff[0].id] });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toBe(
      "Safeguarding adults is not open for booking (it is withdrawn from the catalogue). Choose another course.",
    );
    const pre = await session(hub, await course(hub, area, { title: "Starting in care", audience: "pre_employment" }));
    const refused = await manager.post(url, { sessionId: pre.id, staffRecordIds: [area.staff[0].id] });
    expect(refused.json.error.code).toBe("course_not_for_staff");
    expect([...(await bookingsOf(withdrawn.id)), ...(await bookingsOf(pre.id))]).toEqual([]);
  });

  it("refuses a person of another employer without naming them, and books nobody (all or nothing)", async () => {
    const { area, s, manager, url } = await setUp();
    const other = await otherProvider(area);
    const res = await manager.post(url, { sessionId: s.id, staffRecordIds: [area.staff[0].id, other.staff[0].id] });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("cannot_book");
    expect(res.json.error.issues).toEqual([
      {
        path: "staffRecordIds.1",
        message: `The person with record ${other.staff[0].id} is not on ${area.provider.name}'s staff records`,
      },
    ]);
    expect(await bookingsOf(s.id)).toHaveLength(0);
  });

  it("refuses a leaver who left before the session, naming them and the day", async () => {
    const { area, s, manager, url } = await setUp();
    await hub.deps.db
      .update(staffRecords)
      .set({ endDate: "2026-06-20", leavingReason: 1 })
      .where(eq(staffRecords.id, area.staff[2].id));
    const res = await manager.post(url, { sessionId: s.id, staffRecordIds: [area.staff[0].id, area.staff[2].id] });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toBe(
      `S2 left ${area.provider.name} on 20 June 2026, before the session on 22 June 2026.`,
    );
    expect(await bookingsOf(s.id)).toHaveLength(0);
    // Leaving after the session is fine: they are still in post on the day.
    await hub.deps.db.update(staffRecords).set({ endDate: "2026-06-30" }).where(eq(staffRecords.id, area.staff[2].id));
    expect((await manager.post(url, { sessionId: s.id, staffRecordIds: [area.staff[2].id] })).status).toBe(201);
  });

  it("refuses someone already booked or waiting", async () => {
    const { area, s, manager, url } = await setUp({ capacity: 1 });
    await manager.post(url, { sessionId: s.id, staffRecordIds: [area.staff[0].id] });
    const again = await manager.post(url, { sessionId: s.id, staffRecordIds: [area.staff[0].id] });
    expect(again.status).toBe(400);
    expect(again.json.error.message).toBe("S0 is already booked on this session.");
    await manager.post(url, { sessionId: s.id, staffRecordIds: [area.staff[1].id], waitingList: true });
    const waiting = await manager.post(url, { sessionId: s.id, staffRecordIds: [area.staff[1].id], waitingList: true });
    expect(waiting.json.error.message).toBe("S1 is already on the waiting list for this session.");
  });

  it("refuses more people than the places left, saying how many are left and when held places are released", async () => {
    const { area, c, manager, url } = await setUp();
    const other = await otherProvider(area);
    const s = await session(hub, c, { capacity: 4, allocation: "quota", releaseAt: new Date("2026-06-19T09:00:00Z") });
    await hub.deps.db.insert(sessionQuotas).values([
      { sessionId: s.id, orgId: area.provider.id, places: 1 },
      { sessionId: s.id, orgId: other.org.id, places: 2 },
    ]);
    // One held for this provider, one open to all: two places for it now.
    const res = await manager.post(url, { sessionId: s.id, staffRecordIds: area.staff.slice(0, 3).map((x) => x.id) });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("no_places");
    expect(res.json.error.message).toBe(
      `There are 2 places left for ${area.provider.name} on this session and you chose 3 people. Places held for other employers are released to everyone on 19 June 2026 at 10:00am. Choose fewer people, or put those without a place on the waiting list.`,
    );
    expect(await bookingsOf(s.id)).toHaveLength(0);
    expect(
      (await manager.post(url, { sessionId: s.id, staffRecordIds: area.staff.slice(0, 2).map((x) => x.id) })).status,
    ).toBe(201);
    const none = await manager.post(url, { sessionId: s.id, staffRecordIds: [area.staff[2].id] });
    expect(none.json.error.message).toContain(`There are no places left for ${area.provider.name} on this session.`);
    // After the release every free place is open to everyone.
    hub.clock.now = new Date("2026-06-19T10:00:00Z");
    expect((await manager.post(url, { sessionId: s.id, staffRecordIds: [area.staff[2].id] })).status).toBe(201);
  });

  it("puts those without a place on the waiting list when asked, in the order chosen", async () => {
    const { area, s, manager, url } = await setUp({ capacity: 2 });
    const ids = area.staff.slice(0, 4).map((x) => x.id);
    const res = await manager.post(url, { sessionId: s.id, staffRecordIds: ids, waitingList: true });
    expect(res.status).toBe(201);
    expect(res.json.bookings.map((b: { status: string }) => b.status)).toEqual([
      "booked",
      "booked",
      "waiting",
      "waiting",
    ]);
    const list = await manager.get(url);
    expect(
      list.json.bookings.map((b: { staff: { displayId: string }; waitingPosition: number | null }) => [
        b.staff.displayId,
        b.waitingPosition,
      ]),
    ).toEqual([
      ["S0", null],
      ["S1", null],
      ["S2", 1],
      ["S3", 2],
    ]);
  });

  it("gives the last place to one of two providers' managers booking at once, and a clear refusal to the other", async () => {
    const { area, s, manager, url } = await setUp({ capacity: 1 });
    const other = await otherProvider(area);
    const [a, b] = await Promise.all([
      manager.post(url, { sessionId: s.id, staffRecordIds: [area.staff[0].id] }),
      other.client.post(other.url, { sessionId: s.id, staffRecordIds: [other.staff[0].id] }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const refused = a.status === 409 ? a : b;
    expect(refused.json.error.message).toMatch(/^There are no places left for .* on this session\./);
    const rows = await bookingsOf(s.id);
    expect(rows.map((r) => r.status)).toEqual(["booked"]);
  });

  it("gives the last place to one of two managers of the same provider booking at once", async () => {
    const { area, s, manager, url } = await setUp({ capacity: 1 });
    const editor = await makeUser(hub, area.provider, "provider_editor");
    const second = await signedIn(hub, editor.email);
    const [a, b] = await Promise.all([
      manager.post(url, { sessionId: s.id, staffRecordIds: [area.staff[0].id] }),
      second.post(url, { sessionId: s.id, staffRecordIds: [area.staff[1].id] }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect((a.status === 409 ? a : b).json.error.code).toBe("no_places");
    expect(await bookingsOf(s.id)).toHaveLength(1);
  });

  it("does not book on a session of a council that does not commission the provider", async () => {
    const { area, manager, url } = await setUp();
    const foreign = await trainingArea(hub, { workers: 1 });
    const fc = await course(hub, foreign);
    const fs = await session(hub, fc);
    const res = await manager.post(url, { sessionId: fs.id, staffRecordIds: [area.staff[0].id] });
    expect(res.status).toBe(404);
  });

  it("never lists another employer's bookings", async () => {
    const { area, s, manager, url } = await setUp();
    const other = await otherProvider(area);
    await other.client.post(other.url, { sessionId: s.id, staffRecordIds: [other.staff[0].id] });
    await manager.post(url, { sessionId: s.id, staffRecordIds: [area.staff[0].id] });
    const mine = (await manager.get(url)).json.bookings;
    expect(mine.map((b: { staff: { displayId: string } }) => b.staff.displayId)).toEqual(["S0"]);
    expect(mine[0].staff.id).toBe(area.staff[0].id);
    const theirs = await other.client.get(other.url);
    expect(theirs.json.bookings.map((b: { staff: { id: string } }) => b.staff.id)).toEqual([other.staff[0].id]);
  });

  it("shows the outcome part B records, did not attend included", async () => {
    const { area, c, manager, url } = await setUp();
    const past = await session(hub, c, {
      startsAt: new Date("2026-06-01T09:30:00Z"),
      endsAt: new Date("2026-06-01T16:00:00Z"),
    });
    await booking(hub, past, area.provider.id, area.staff[0].id, { outcome: "did_not_attend" });
    const res = await manager.get(`${url}?when=past`);
    expect(res.json.bookings.map((b: { outcome: string }) => b.outcome)).toEqual(["did_not_attend"]);
  });

  it("lists the sessions to come the employer may book on with its places, and the booking page's staff in post", async () => {
    const { area, c, s, manager, url } = await setUp({ capacity: 3 });
    await hub.deps.db
      .update(staffRecords)
      .set({ endDate: "2026-06-20", leavingReason: 1 })
      .where(eq(staffRecords.id, area.staff[3].id));
    await manager.post(url, { sessionId: s.id, staffRecordIds: [area.staff[0].id] });
    const later = await session(hub, c, {
      ...{ startsAt: new Date("2026-07-01T09:30:00Z"), endsAt: new Date("2026-07-01T16:00:00Z") },
      capacity: 2,
    });
    const list = (await manager.get(`${url}/sessions`)).json.sessions.filter(
      (x: { courseId: string }) => x.courseId === c.id,
    );
    expect(list.map((x: { id: string; placesForYou: number }) => [x.id, x.placesForYou])).toEqual([
      [s.id, 2],
      [later.id, 2],
    ]);
    const page = (await manager.get(`${url}/session/${s.id}`)).json;
    expect(page.places).toMatchObject({ freeForOrg: 2, freeTotal: 2 });
    // The leaver is not offered; the booked person shows as booked.
    expect(page.staff.map((x: { displayId: string; booking: string | null }) => [x.displayId, x.booking])).toEqual([
      ["S0", "booked"],
      ["S1", null],
      ["S2", null],
    ]);
  });

  it("lets a council book its own services' staff on its area's sessions; a viewer cannot book", async () => {
    const { area, s } = await setUp();
    const [w] = await hub.deps.db
      .insert(workplaces)
      .values({
        orgId: area.councilId,
        councilId: area.councilId,
        localRef: "CW1",
        name: "Council home",
        mainService: 2,
        postcode: "WA7 1AA",
      })
      .returning();
    const [own] = await hub.deps.db
      .insert(staffRecords)
      .values({
        orgId: area.councilId,
        workplaceId: w.id,
        localRef: "C1",
        displayId: "C1",
        contractType: 1,
        mainJobRole: 8,
        startDate: "2020-01-01",
      })
      .returning();
    const council = await area.councilClient();
    const res = await council.post(`/api/orgs/${area.councilId}/training/bookings`, {
      sessionId: s.id,
      staffRecordIds: [own.id],
    });
    expect(res.status).toBe(201);
    expect(res.json.bookings[0].staff).toEqual({ id: own.id, displayId: "C1", workplace: "Council home" });
    // The council's list is its own staff only, not the provider's booked on the same session.
    const manager = await area.providerClient();
    await manager.post(`/api/orgs/${area.provider.id}/training/bookings`, {
      sessionId: s.id,
      staffRecordIds: [area.staff[0].id],
    });
    const mine = (await council.get(`/api/orgs/${area.councilId}/training/bookings`)).json.bookings;
    expect(mine.map((b: { staff: { id: string } }) => b.staff.id)).toEqual([own.id]);

    const viewer = await signedIn(hub, (await makeUser(hub, area.provider, "provider_viewer")).email);
    const refused = await viewer.post(`/api/orgs/${area.provider.id}/training/bookings`, {
      sessionId: s.id,
      staffRecordIds: [area.staff[1].id],
    });
    expect(refused.status).toBe(403);
    expect((await viewer.get(`/api/orgs/${area.provider.id}/training/bookings`)).status).toBe(200);
  });

  it("refuses bad input naming the field", async () => {
    const { s, manager, url } = await setUp();
    const res = await manager.post(url, { sessionId: s.id, staffRecordIds: [] });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json.error)).toContain("Choose at least one person to book");
  });
});

describe("cancelling and the waiting list", () => {
  it("flags a cancellation within the session's cancellation hours as late, and not one before", async () => {
    const { area, s, manager, url } = await setUp();
    const res = await manager.post(url, { sessionId: s.id, staffRecordIds: [area.staff[0].id, area.staff[1].id] });
    const [early, late] = res.json.bookings.map((b: { id: string }) => b.id);
    const ok = await manager.post(`${url}/${early}/cancel`);
    expect(ok.status).toBe(200);
    expect(ok.json.booking).toMatchObject({ status: "cancelled", lateCancellation: false });
    // 48 hours before 22 June 09:30 is 20 June 09:30: after it, late.
    hub.clock.now = new Date("2026-06-20T10:00:00Z");
    const lateRes = await manager.post(`${url}/${late}/cancel`);
    expect(lateRes.json.booking).toMatchObject({ status: "cancelled", lateCancellation: true });
    expect((await manager.post(`${url}/${late}/cancel`)).status).toBe(409);
  });

  it("offers a freed place to the first waiting, passes a lapsed offer to the next, and books on acceptance", async () => {
    const { area, s, manager, url } = await setUp({ capacity: 1 });
    const other = await otherProvider(area);
    const first = await manager.post(url, { sessionId: s.id, staffRecordIds: [area.staff[0].id] });
    // The other provider joins the list first, then this provider.
    const w1 = await other.client.post(other.url, {
      sessionId: s.id,
      staffRecordIds: [other.staff[0].id],
      waitingList: true,
    });
    const w2 = await manager.post(url, { sessionId: s.id, staffRecordIds: [area.staff[1].id], waitingList: true });
    expect(w1.json.bookings[0].status).toBe("waiting");
    expect(w2.json.bookings[0].status).toBe("waiting");

    await manager.post(`${url}/${first.json.bookings[0].id}/cancel`);
    const offered = (await other.client.get(other.url)).json.bookings[0];
    expect(offered.status).toBe("offered");
    expect(offered.offeredUntil).toBe("2026-06-16T09:00:00.000Z");
    const mail = await lastEmailTo(hub, other.admin.email);
    expect(mail?.template).toBe("training-place-offered");
    expect(mail?.body).toContain("held for them until 16 June 2026 at 10:00am");
    // Nobody else can take the place while it is offered.
    expect(
      (await manager.get(url)).json.bookings.find((b: { id: string }) => b.id === w2.json.bookings[0].id).status,
    ).toBe("waiting");

    // The offer lapses: the next in line is offered it when the list is read.
    hub.clock.now = new Date("2026-06-16T09:01:00Z");
    const mine = (await manager.get(url)).json.bookings.find((b: { id: string }) => b.id === w2.json.bookings[0].id);
    expect(mine.status).toBe("offered");
    const lapsed = await other.client.post(`${other.url}/${w1.json.bookings[0].id}/accept`);
    expect(lapsed.status).toBe(409);
    expect(lapsed.json.error.message).toBe(
      `The place offered to ${other.staff[0].displayId} was not accepted in time and has passed to the next person waiting.`,
    );

    const accepted = await manager.post(`${url}/${mine.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.json.booking.status).toBe("booked");
    expect((await bookingsOf(s.id)).map((b) => b.status)).toEqual(["cancelled", "cancelled", "booked"]);
  });

  it("the periodic job moves a lapsed offer on without anyone reading", async () => {
    const { settleWaitingLists } = await import("./waiting-list");
    const { area, s, manager, url } = await setUp({ capacity: 1 });
    const first = await manager.post(url, { sessionId: s.id, staffRecordIds: [area.staff[0].id] });
    await manager.post(url, {
      sessionId: s.id,
      staffRecordIds: [area.staff[1].id, area.staff[2].id],
      waitingList: true,
    });
    await manager.post(`${url}/${first.json.bookings[0].id}/cancel`);
    hub.clock.now = new Date("2026-06-16T10:00:00Z");
    await settleWaitingLists(hub.ctx);
    const rows = await bookingsOf(s.id);
    expect(rows.map((r) => [r.staffRecordId, r.status])).toEqual([
      [area.staff[0].id, "cancelled"],
      [area.staff[1].id, "cancelled"],
      [area.staff[2].id, "offered"],
    ]);
  });

  it("declining an offer passes it on; a waiting-list entry can be cancelled", async () => {
    const { area, s, manager, url } = await setUp({ capacity: 1 });
    const first = await manager.post(url, { sessionId: s.id, staffRecordIds: [area.staff[0].id] });
    const w = await manager.post(url, {
      sessionId: s.id,
      staffRecordIds: [area.staff[1].id, area.staff[2].id],
      waitingList: true,
    });
    const [w1, w2] = w.json.bookings.map((b: { id: string }) => b.id);
    expect((await manager.post(`${url}/${w2}/cancel`)).json.booking.status).toBe("cancelled");
    await manager.post(`${url}/${first.json.bookings[0].id}/cancel`);
    expect((await manager.post(`${url}/${w1}/decline`)).json.booking.status).toBe("cancelled");
    expect((await bookingsOf(s.id)).map((b) => b.status)).toEqual(["cancelled", "cancelled", "cancelled"]);
  });
});

describe("reminders", () => {
  it("emails the employer and the person with a calendar file two days before, once", async () => {
    const { sendBookingReminders } = await import("./booking-reminders");
    const { area, s, manager, url } = await setUp();
    const person = await makeUser(hub, area.provider, "staff_member");
    await hub.deps.db.update(staffRecords).set({ userId: person.id }).where(eq(staffRecords.id, area.staff[0].id));
    await manager.post(url, { sessionId: s.id, staffRecordIds: [area.staff[0].id, area.staff[1].id] });
    hub.clock.now = new Date("2026-06-19T09:00:00Z"); // three days before: not yet
    expect((await sendBookingReminders(hub.deps)).emails).toBe(0);
    expect((await lastEmailTo(hub, person.email))?.template).toBe("training-booked");
    hub.clock.now = new Date("2026-06-20T10:00:00Z");
    await sendBookingReminders(hub.deps);
    const toPerson = await lastEmailTo(hub, person.email);
    expect(toPerson?.template).toBe("training-reminder");
    expect(((toPerson as NonNullable<typeof toPerson>).attachments as { content: string }[])[0].content).toContain(
      "DTSTART:20260622T093000Z",
    );
    const toManager = await lastEmailTo(hub, area.providerAdmin.email);
    expect(toManager?.template).toBe("training-reminder");
    expect(toManager?.body).toContain("Your staff booked on it: S0, S1.");
    await sendBookingReminders(hub.deps);
    const reminders = await hub.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.template, "training-reminder"), eq(outbox.toAddress, person.email)));
    expect(reminders).toHaveLength(1);
  });
});

describe("self-booking", () => {
  async function staffMember() {
    const setup = await setUp();
    const person = await makeUser(hub, setup.area.provider, "staff_member");
    await hub.deps.db
      .update(staffRecords)
      .set({ userId: person.id })
      .where(eq(staffRecords.id, setup.area.staff[0].id));
    const client = await signedIn(hub, person.email);
    return { ...setup, person, client, my: `/api/orgs/${setup.area.provider.id}/my-training` };
  }

  it("is refused with a message while the employer books for its staff", async () => {
    const { area, s, client, my } = await staffMember();
    const page = await client.get(my);
    expect(page.json).toMatchObject({ canBook: false, bookings: [], sessions: [] });
    expect(page.json.reason).toContain("books training for its staff: ask your manager");
    const res = await client.post(`${my}/bookings`, { sessionId: s.id });
    expect(res.status).toBe(403);
    expect(res.json.error.message).toContain("ask your manager to book you on a session");
    // Staff cannot use the employer's booking route either.
    const direct = await client.post(`/api/orgs/${area.provider.id}/training/bookings`, {
      sessionId: s.id,
      staffRecordIds: [area.staff[0].id],
    });
    expect(direct.status).toBe(403);
  });

  it("books and cancels their own place once the employer allows it, and only their own", async () => {
    const { area, c, s, client, my, manager, person } = await staffMember();
    const settings = `/api/orgs/${area.provider.id}/training/settings`;
    expect((await manager.get(settings)).json).toEqual({ staffSelfBooking: false });
    expect((await client.request("PUT", settings, { staffSelfBooking: true })).status).toBe(403);
    expect((await manager.request("PUT", settings, { staffSelfBooking: true })).json).toEqual({
      staffSelfBooking: true,
    });

    const res = await client.post(`${my}/bookings`, { sessionId: s.id });
    expect(res.status).toBe(201);
    expect(res.json.booking).toMatchObject({ status: "booked", selfBooked: true, staff: { id: area.staff[0].id } });
    const mail = await lastEmailTo(hub, person.email);
    expect(mail?.template).toBe("training-booked");
    expect(((mail as NonNullable<typeof mail>).attachments as unknown[]).length).toBe(1);
    const page = (await client.get(my)).json;
    expect(page).toMatchObject({ canBook: true, reason: null });
    // The session they are on is no longer offered to book; another session to come is, with its places.
    const other = await session(hub, c, {
      startsAt: new Date("2026-06-29T09:30:00Z"),
      endsAt: new Date("2026-06-29T16:00:00Z"),
      capacity: 5,
    });
    const offered = (await client.get(my)).json.sessions.map((x: { id: string; placesForYou: number }) => [
      x.id,
      x.placesForYou,
    ]);
    expect(offered).toContainEqual([other.id, 5]);
    expect(offered.map((x: string[]) => x[0])).not.toContain(s.id);

    // A colleague's booking is not theirs to cancel.
    const colleague = await manager.post(`/api/orgs/${area.provider.id}/training/bookings`, {
      sessionId: s.id,
      staffRecordIds: [area.staff[1].id],
    });
    expect((await client.post(`${my}/bookings/${colleague.json.bookings[0].id}/cancel`)).status).toBe(404);
    expect((await client.get(my)).json.bookings.map((b: { id: string }) => b.id)).toEqual([res.json.booking.id]);
    const cancelled = await client.post(`${my}/bookings/${res.json.booking.id}/cancel`);
    expect(cancelled.json.booking.status).toBe("cancelled");
  });
});
