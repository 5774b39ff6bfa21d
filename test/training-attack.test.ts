import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { staffRecords, trainingBookings, workforceSettings } from "../src/server/db/schema";
import { newCertificateCode } from "../src/server/modules/training/certificate-code";
import { Client, commissionedProvider, type Hub, makeOrg, makeUser, signedIn, testHub } from "./harness";
import { booking, course, session, trainingArea } from "./training-fixtures";

// Shared training (issue 18) attacked from outside and by people of other organisations, through
// the HTTP app. Each test fails if the defence it names breaks.

let hub: Hub;
beforeAll(async () => {
  hub = await testHub();
});

const bookingRow = async (id: string) =>
  (await hub.deps.db.select().from(trainingBookings).where(eq(trainingBookings.id, id)))[0];

describe("GET /api/public/certificates/:code", () => {
  it("says only what the certificate says, and the same 404 for unknown, malformed, too long and withdrawn codes", async () => {
    const area = await trainingArea(hub);
    const c = await course(hub, area);
    const s = await session(hub, c, {
      startsAt: new Date("2026-06-01T09:00:00Z"),
      endsAt: new Date("2026-06-01T16:00:00Z"),
    });
    const code = newCertificateCode();
    await booking(hub, s, area.provider.id, area.staff[0].id, { outcome: "completed", certificateCode: code });
    const anon = new Client(hub);

    const ok = await anon.get(`/api/public/certificates/${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`);
    expect(ok.status).toBe(200);
    expect(Object.keys(ok.json).sort()).toEqual(
      ["code", "completedOn", "course", "deliveredBy", "hours", "learner", "valid"].sort(),
    );
    expect(ok.json.learner).toBe(area.staff[0].displayId);
    // Nothing of the employer or the staff record beyond the name on the certificate.
    expect(ok.text).not.toContain(area.provider.name);
    expect(ok.text).not.toContain(area.staff[0].id);
    expect(ok.headers.get("cache-control")).toBe("no-store");

    // A code whose completion was changed (did not attend) stops verifying.
    const gone = newCertificateCode();
    await booking(hub, s, area.provider.id, area.staff[1].id, { outcome: "did_not_attend", certificateCode: gone });
    const unknown = code.replace(/.$/, code.endsWith("2") ? "3" : "2");
    const answers = [];
    for (const probe of [
      unknown,
      gone,
      "ABC",
      "%E0%A4%A",
      "..%2F..%2Fetc",
      "A".repeat(41),
      `${code}${"-".repeat(40)}`,
    ]) {
      const res = await anon.get(`/api/public/certificates/${probe}`);
      answers.push({ status: res.status, body: res.text });
    }
    for (const a of answers) expect(a).toEqual({ status: 404, body: answers[0].body });
  });
});

describe("GET /api/public/courses", () => {
  it("lists published staff courses and their sessions to come with nothing private", async () => {
    const area = await trainingArea(hub);
    const open = await course(hub, area, { title: "Open course" });
    await session(hub, open, { link: "https://meet.example.test/secret-room", trainerName: "Secret Trainer" });
    await session(hub, open, { status: "cancelled", cancelledReason: "Trainer ill" });
    await course(hub, area, { title: "Draft course", status: "draft" });
    await course(hub, area, { title: "Withdrawn course", status: "withdrawn" });
    await course(hub, area, { title: "Pre-employment course", audience: "pre_employment" });
    const res = await new Client(hub).get(`/api/public/courses?council=${area.council.slug}`);
    expect(res.status).toBe(200);
    expect(res.json.courses.map((c: { title: string }) => c.title)).toEqual(["Open course"]);
    const [s] = res.json.courses[0].sessions;
    expect(res.json.courses[0].sessions).toHaveLength(1);
    expect(Object.keys(s).sort()).toEqual(["endsAt", "freePlaces", "id", "place", "startsAt"]);
    for (const secret of ["secret-room", "Secret Trainer", "Trainer ill", "quota", area.provider.name])
      expect(res.text).not.toContain(secret);
  });

  it("a 404 for an unknown council is not cached by shared caches", async () => {
    const res = await new Client(hub).get("/api/public/courses?council=no-such-council");
    expect(res.status).toBe(404);
    expect(res.headers.get("cache-control") ?? "").not.toMatch(/public|max-age=[1-9]/);
  });

  it("refuses an over-long framework item key", async () => {
    const area = await trainingArea(hub);
    const res = await new Client(hub).get(`/api/public/courses?council=${area.council.slug}&gives=${"a".repeat(101)}`);
    expect(res.status).toBe(400);
    expect(res.json.error.issues[0].path).toBe("gives");
  });
});

describe("numbers the database cannot hold are refused with a message, not a 500", () => {
  it("course fields and list filters", async () => {
    const area = await trainingArea(hub);
    const partner = await area.partnerClient();
    const good = {
      title: "Moving and handling",
      category: 20,
      hours: 6,
      delivery: "classroom",
      costPence: 0,
      funding: "free_commissioned",
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ funding: "ldss", ldssKind: "course", ldssPence: 3_000_000_000 }, "ldssPence"],
      [{ qualificationCode: 3_000_000_000 }, "qualificationCode"],
      [{ hours: 0.01 }, "hours"],
    ];
    for (const [extra, path] of cases) {
      const res = await partner.post(`/api/orgs/${area.partner.id}/training/courses`, { ...good, ...extra });
      expect(res.status, path).toBe(400);
      expect(res.json.error.issues[0].path).toBe(path);
    }
    const c = await course(hub, area);
    const patched = await partner.patch(`/api/orgs/${area.partner.id}/training/courses/${c.id}`, {
      funding: "ldss",
      ldssKind: "course",
      ldssPence: 3_000_000_000,
    });
    expect(patched.status).toBe(400);

    const provider = await area.providerClient();
    const list = await provider.get(`/api/orgs/${area.provider.id}/training/courses?category=99999999999`);
    expect(list.status).toBe(400);
    expect(list.json.error.issues[0].path).toBe("category");
    for (const role of ["99999999999", "-99999999999"]) {
      const m = await provider.get(`/api/orgs/${area.provider.id}/training/matrix?role=${role}`);
      expect(m.status).toBe(400);
      expect(m.json.error.issues[0].path).toBe("role");
    }
  });
});

describe("another provider's bookings and staff", () => {
  it("cannot cancel, read, certify or book them, nor learn their names", async () => {
    const area = await trainingArea(hub);
    const c = await course(hub, area);
    const s = await session(hub, c);
    const theirs = await booking(hub, s, area.provider.id, area.staff[0].id);
    const past = await session(hub, c, {
      startsAt: new Date("2026-06-01T09:00:00Z"),
      endsAt: new Date("2026-06-01T16:00:00Z"),
    });
    const done = await booking(hub, past, area.provider.id, area.staff[1].id, {
      outcome: "completed",
      certificateCode: newCertificateCode(),
    });
    const other = await commissionedProvider(hub, area.councilId, { workers: 1 });
    const admin = await makeUser(hub, other, "provider_admin");
    const client = await signedIn(hub, admin.email);
    const base = `/api/orgs/${other.id}/training/bookings`;

    for (const action of ["cancel", "accept", "decline"]) {
      const res = await client.post(`${base}/${theirs.id}/${action}`);
      expect(res.status, action).toBe(404);
    }
    expect((await bookingRow(theirs.id)).status).toBe("booked");
    expect((await client.get(`/api/orgs/${other.id}/training/bookings/${done.id}/certificate.pdf`)).status).toBe(404);

    const listed = await client.get(`${base}?staffRecordId=${area.staff[0].id}`);
    expect(listed.status).toBe(200);
    expect(listed.json.bookings).toEqual([]);

    const book = await client.post(base, { sessionId: s.id, staffRecordIds: [area.staff[2].id] });
    expect(book.status).toBe(400);
    expect(book.text).not.toContain(area.staff[2].displayId);
    const rows = await hub.deps.db
      .select()
      .from(trainingBookings)
      .where(eq(trainingBookings.staffRecordId, area.staff[2].id));
    expect(rows).toEqual([]);
  });

  it("a provider cannot book on, or open the booking page of, another council's session", async () => {
    const area = await trainingArea(hub);
    const elsewhere = await trainingArea(hub);
    const s = await session(hub, await course(hub, elsewhere));
    const client = await area.providerClient();
    const base = `/api/orgs/${area.provider.id}/training/bookings`;
    expect((await client.get(`${base}/session/${s.id}`)).status).toBe(404);
    const res = await client.post(base, { sessionId: s.id, staffRecordIds: [area.staff[0].id] });
    expect(res.status).toBe(404);
    expect(await hub.deps.db.select().from(trainingBookings).where(eq(trainingBookings.sessionId, s.id))).toEqual([]);
  });
});

describe("trainers", () => {
  it("see of a booked person only name, employer, booking and outcome, and nothing of another partner's sessions", async () => {
    const area = await trainingArea(hub);
    const past = await session(hub, await course(hub, area), {
      startsAt: new Date("2026-06-10T09:00:00Z"),
      endsAt: new Date("2026-06-10T16:00:00Z"),
    });
    const b = await booking(hub, past, area.provider.id, area.staff[0].id);
    const trainer = await area.trainerClient();
    const mine = await trainer.get(`/api/orgs/${area.partner.id}/training/delivery/sessions/${past.id}`);
    expect(mine.status).toBe(200);
    expect(mine.json.people).toHaveLength(1);
    expect(Object.keys(mine.json.people[0]).sort()).toEqual(["bookingId", "employer", "name", "outcome", "status"]);
    expect(mine.text).not.toContain(area.staff[0].id);

    const rival = await makeOrg(hub, "training_partner");
    const { commissionProvider } = await import("../src/server/modules/orgs/orgs.service");
    await commissionProvider(hub.ctx, { councilId: area.councilId, providerId: rival.id, fromDate: "2020-01-01" });
    const rivalTrainer = await makeUser(hub, rival, "trainer");
    const client = await signedIn(hub, rivalTrainer.email);
    const path = `/api/orgs/${rival.id}/training/delivery/sessions`;
    expect((await client.get(`${path}/${past.id}`)).status).toBe(404);
    const listed = await client.get(path);
    expect(listed.json.sessions).toEqual([]);
    const put = await client.request("PUT", `${path}/${past.id}/outcomes`, {
      outcomes: [{ bookingId: b.id, outcome: "completed" }],
    });
    expect(put.status).toBe(404);
    expect((await bookingRow(b.id)).outcome).toBeNull();
  });
});

describe("a draft course's sessions", () => {
  it("are not shown to employers on the booking page, nor bookable, as in the catalogue", async () => {
    const area = await trainingArea(hub);
    const s = await session(hub, await course(hub, area, { title: "Secret draft course", status: "draft" }));
    const client = await area.providerClient();
    const base = `/api/orgs/${area.provider.id}/training/bookings`;
    const page = await client.get(`${base}/session/${s.id}`);
    expect(page.status).toBe(404);
    expect(page.text).not.toContain("Secret draft course");
    const booked = await client.post(base, { sessionId: s.id, staffRecordIds: [area.staff[0].id] });
    expect(booked.status).toBe(404);
    expect(booked.text).not.toContain("Secret draft course");
    expect(await hub.deps.db.select().from(trainingBookings).where(eq(trainingBookings.sessionId, s.id))).toEqual([]);
  });
});

describe("exports", () => {
  it("the matrix CSV and XLSX and the LDSS claims CSV name people as recorded, defused, with no NI number or date of birth", async () => {
    const area = await trainingArea(hub);
    const [p0] = area.staff;
    const hostile = '=HYPERLINK("https://evil.example","x")';
    await hub.deps.db
      .update(staffRecords)
      .set({ displayId: hostile, dateOfBirth: "1987-03-14", niEncrypted: "ciphertext-marker" })
      .where(eq(staffRecords.id, p0.id));
    await hub.deps.db
      .insert(workforceSettings)
      .values({ orgId: area.provider.id, requiredTraining: [{ category: 20, roles: null }] });
    const ldss = await course(hub, area, { funding: "ldss", ldssKind: "course", ldssPence: 10_000 });
    const past = await session(hub, ldss, {
      startsAt: new Date("2026-06-01T09:00:00Z"),
      endsAt: new Date("2026-06-01T16:00:00Z"),
    });
    await booking(hub, past, area.provider.id, p0.id, {
      outcome: "completed",
      outcomeAt: new Date("2026-06-01T17:00:00Z"),
    });
    const client = await area.providerClient();
    const files = [
      await client.get(`/api/orgs/${area.provider.id}/training/matrix.csv`),
      await client.get(`/api/orgs/${area.provider.id}/training/funding-claims.csv?from=2026-05-01&to=2026-06-15`),
    ];
    for (const f of files) {
      expect(f.status).toBe(200);
      expect(f.text).toContain("'=HYPERLINK");
      expect(f.text).not.toMatch(/(^|,|")=HYPERLINK/m);
      for (const secret of ["1987-03-14", "14/03/1987", "ciphertext-marker"]) expect(f.text).not.toContain(secret);
    }
    const xlsx = await hub.app.request(`/api/orgs/${area.provider.id}/training/matrix.xlsx`, {
      headers: { cookie: client.cookie },
    });
    expect(xlsx.status).toBe(200);
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain(`'${hostile}`);
    expect(cells.some((c) => c.includes("1987"))).toBe(false);
    expect(wb.worksheets[0].getRow(2).getCell(1).formula).toBeUndefined();
  });
});

describe("a member of staff booking themselves", () => {
  it("acts on and downloads certificates of their own bookings only, never a colleague's", async () => {
    const area = await trainingArea(hub);
    const [me, colleague] = area.staff;
    const user = await makeUser(hub, area.provider, "staff_member");
    await hub.deps.db.update(staffRecords).set({ userId: user.id }).where(eq(staffRecords.id, me.id));
    const admin = await area.providerClient();
    const allowed = await admin.request("PUT", `/api/orgs/${area.provider.id}/training/settings`, {
      staffSelfBooking: true,
    });
    expect(allowed.status).toBe(200);
    const c = await course(hub, area);
    const s = await session(hub, c);
    const theirs = await booking(hub, s, area.provider.id, colleague.id);
    const past = await session(hub, c, {
      startsAt: new Date("2026-06-01T09:00:00Z"),
      endsAt: new Date("2026-06-01T16:00:00Z"),
    });
    const done = await booking(hub, past, area.provider.id, colleague.id, {
      outcome: "completed",
      certificateCode: newCertificateCode(),
    });
    const client = await signedIn(hub, user.email);
    const mine = `/api/orgs/${area.provider.id}/my-training`;
    const list = await client.get(mine);
    expect(list.status).toBe(200);
    expect(list.json.bookings).toEqual([]);
    expect(list.text).not.toContain(colleague.displayId);
    for (const action of ["cancel", "accept", "decline"])
      expect((await client.post(`${mine}/bookings/${theirs.id}/${action}`)).status, action).toBe(404);
    expect((await bookingRow(theirs.id)).status).toBe("booked");
    expect((await client.get(`${mine}/${done.id}/certificate.pdf`)).status).toBe(404);
    // The employer's routes are not theirs.
    expect((await client.get(`/api/orgs/${area.provider.id}/training/bookings`)).status).toBe(403);
    expect(
      (await client.get(`/api/orgs/${area.provider.id}/training/bookings/${done.id}/certificate.pdf`)).status,
    ).toBe(403);
  });
});

describe("an online session's joining link", () => {
  it("is shown to its offerer and to employers with a place on it, not to everyone in the catalogue", async () => {
    const area = await trainingArea(hub);
    const c = await course(hub, area, { delivery: "online" });
    const secret = "https://meet.example.test/room-7f3a";
    const s = await session(hub, c, { venue: "", link: secret });
    const other = await commissionedProvider(hub, area.councilId, { workers: 1 });
    const otherAdmin = await makeUser(hub, other, "provider_admin");
    const outsider = await signedIn(hub, otherAdmin.email);
    const seen = await outsider.get(`/api/orgs/${other.id}/training/sessions/${s.id}`);
    expect(seen.status).toBe(200);
    expect(seen.text).not.toContain(secret);
    expect(seen.json.session.venue).toBe("Online");
    const course_ = await outsider.get(`/api/orgs/${other.id}/training/courses/${c.id}`);
    expect(course_.text).not.toContain(secret);

    await booking(hub, s, area.provider.id, area.staff[0].id);
    const booked = await (await area.providerClient()).get(`/api/orgs/${area.provider.id}/training/sessions/${s.id}`);
    expect(booked.json.session.link).toBe(secret);
    const offerer = await (await area.partnerClient()).get(`/api/orgs/${area.partner.id}/training/sessions/${s.id}`);
    expect(offerer.json.session.link).toBe(secret);
  });
});

describe("free text in the catalogue", () => {
  it("refuses line breaks and text a spreadsheet would run, naming the field", async () => {
    const area = await trainingArea(hub);
    const partner = await area.partnerClient();
    const base = `/api/orgs/${area.partner.id}/training`;
    const good = {
      title: "Moving and handling",
      category: 20,
      hours: 6,
      delivery: "classroom",
      costPence: 0,
      funding: "free_commissioned",
    };
    for (const [field, value] of [
      ["title", "Moving\r\nBcc: victim@example.test"],
      ["title", '=HYPERLINK("https://evil.example")'],
      ["summary", "@SUM(1+1)"],
    ] as const) {
      const res = await partner.post(`${base}/courses`, { ...good, [field]: value });
      expect(res.status, `${field}: ${value}`).toBe(400);
      expect(res.json.error.issues[0].path).toBe(field);
    }
    const c = await course(hub, area);
    const when = { startsAt: "2026-07-01T09:00:00Z", endsAt: "2026-07-01T16:00:00Z", capacity: 10 };
    for (const [field, value] of [
      ["venue", "Hall\nX-Injected: yes"],
      ["trainerName", "+44 trainer"],
      ["link", "javascript:alert(1)"],
      ["link", "https://meet.example.test/\u0085\u0007room"],
      ["link", "https://meet.example.test/\u001broom"],
    ] as const) {
      const res = await partner.post(`${base}/courses/${c.id}/sessions`, { ...when, [field]: value });
      expect(res.status, `${field}: ${value}`).toBe(400);
      expect(res.json.error.issues[0].path).toBe(field);
    }
    const s = await session(hub, c);
    const cancel = await partner.post(`${base}/sessions/${s.id}/cancel`, { reason: "Ill\nSubject: forged" });
    expect(cancel.status).toBe(400);
    expect(cancel.json.error.issues[0].path).toBe("reason");
  });
});
