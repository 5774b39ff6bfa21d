import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { lastEmailTo, makeOrg, makeUser, signedIn, testHub } from "../../../../test/harness";
import { booking, course, session, trainingArea } from "../../../../test/training-fixtures";
import {
  staffQualifications,
  staffRecords,
  trainingBookings,
  trainingRecords,
  workforceSettings,
} from "../../db/schema";

// Attendance, outcomes and certificates through the API (issue 18 item 4). The test clock is
// 2026-06-15 09:00 UTC; "started" sessions here began on 10 June.

const hub = await testHub();
const db = hub.deps.db;
const STARTED = { startsAt: new Date("2026-06-10T08:30:00Z"), endsAt: new Date("2026-06-10T15:00:00Z") };
const put = (client: Awaited<ReturnType<typeof signedIn>>, path: string, body: unknown) =>
  client.request("PUT", path, body);

async function area() {
  const a = await trainingArea(hub, { workers: 3 });
  await db
    .insert(workforceSettings)
    .values({ orgId: a.provider.id, requiredTraining: [{ category: 20, roles: null }] });
  return a;
}

const compliance = async (client: Awaited<ReturnType<typeof signedIn>>, orgId: string) =>
  (await client.get(`/api/orgs/${orgId}/metrics?metrics=training_compliance`)).json.values.training_compliance;

function pdfText(bytes: Uint8Array) {
  const dir = mkdtempSync(join(tmpdir(), "cert-"));
  writeFileSync(join(dir, "c.pdf"), bytes);
  return execFileSync("pdftotext", [join(dir, "c.pdf"), "-"]).toString();
}

async function pdfBytes(client: Awaited<ReturnType<typeof signedIn>>, path: string) {
  const res = await hub.app.request(path, { headers: { cookie: client.cookie } });
  return { status: res.status, type: res.headers.get("content-type"), bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe("a trainer's sessions and the people on them", async () => {
  const a = await area();
  const c = await course(hub, a);
  const s = await session(hub, c);
  await booking(hub, s, a.provider.id, a.staff[0].id);
  await booking(hub, s, a.provider.id, a.staff[1].id, { status: "waiting" });
  await booking(hub, s, a.provider.id, a.staff[2].id, { status: "cancelled" });
  const trainer = await a.trainerClient();

  it("lists the sessions its organisation runs with counts", async () => {
    const res = await trainer.get(`/api/orgs/${a.partner.id}/training/delivery/sessions`);
    expect(res.status).toBe(200);
    expect(res.json.sessions).toHaveLength(1);
    expect(res.json.sessions[0]).toMatchObject({
      id: s.id,
      booked: 1,
      waiting: 1,
      cancelled: 1,
      marked: 0,
      started: false,
    });
  });

  it("shows the people booked by the employer's reference, the employer and the booking, nothing else", async () => {
    const res = await trainer.get(`/api/orgs/${a.partner.id}/training/delivery/sessions/${s.id}`);
    expect(res.status).toBe(200);
    expect(res.json.people).toHaveLength(1);
    expect(Object.keys(res.json.people[0]).sort()).toEqual(["bookingId", "employer", "name", "outcome", "status"]);
    expect(res.json.people[0]).toMatchObject({
      name: a.staff[0].displayId,
      employer: a.provider.name,
      status: "booked",
    });
    expect(res.text).not.toContain("1990-01-01");
    expect(res.text).not.toContain("12.6");
  });

  it("does not show another organisation's session", async () => {
    const other = await makeOrg(hub, "training_partner");
    const otherTrainer = await makeUser(hub, other, "trainer");
    const client = await signedIn(hub, otherTrainer.email);
    const res = await client.get(`/api/orgs/${other.id}/training/delivery/sessions/${s.id}`);
    expect(res.status).toBe(404);
    expect((await client.get(`/api/orgs/${other.id}/training/delivery/sessions`)).json.sessions).toEqual([]);
  });

  it("refuses outcomes before the session has started, saying when it starts", async () => {
    const booked = (
      await db
        .select()
        .from(trainingBookings)
        .where(and(eq(trainingBookings.sessionId, s.id), eq(trainingBookings.status, "booked")))
    )[0];
    const res = await put(trainer, `/api/orgs/${a.partner.id}/training/delivery/sessions/${s.id}/outcomes`, {
      outcomes: [{ bookingId: booked.id, outcome: "completed" }],
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("session_not_started");
    expect(res.json.error.message).toContain("22 June 2026");
    const [after] = await db.select().from(trainingBookings).where(eq(trainingBookings.id, booked.id));
    expect(after.outcome).toBeNull();
  });

  it("names a bad outcome in words", async () => {
    const res = await put(trainer, `/api/orgs/${a.partner.id}/training/delivery/sessions/${s.id}/outcomes`, {
      outcomes: [{ bookingId: a.staff[0].id, outcome: "passed" }],
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json.error)).toContain("completed, not_yet_competent or did_not_attend");
  });
});

describe("a completion becomes a training record at once", async () => {
  const a = await area();
  const c = await course(hub, a, { qualificationCode: 158, title: "Level 2 Adult Social Care Certificate" });
  const s = await session(hub, c, STARTED);
  const person = a.staff[0];
  const b = await booking(hub, s, a.provider.id, person.id);
  const dna = await booking(hub, s, a.provider.id, a.staff[1].id);
  const trainer = await a.trainerClient();
  const provider = await a.providerClient();
  const staffUser = await makeUser(hub, a.provider, "staff_member");
  await db.update(staffRecords).set({ userId: staffUser.id }).where(eq(staffRecords.id, person.id));
  const me = await signedIn(hub, staffUser.email);
  const outcomes = `/api/orgs/${a.partner.id}/training/delivery/sessions/${s.id}/outcomes`;
  const career = async () => JSON.stringify((await me.get(`/api/orgs/${a.provider.id}/my-career`)).json);
  const heldL2 = (text: string) =>
    text.includes(
      '"key":"l2_adult_social_care_certificate","title":"Level 2 Adult Social Care Certificate","held":true',
    );

  let code = "";
  it("writes the record, the qualification and a certificate; compliance, My career and the ASC-WDS file change", async () => {
    expect(await compliance(provider, a.provider.id)).toBe(0);
    expect(heldL2(await career())).toBe(false);
    const res = await put(trainer, outcomes, { outcomes: [{ bookingId: b.id, outcome: "completed" }] });
    expect(res.status).toBe(200);
    expect(res.json.people.find((p: { bookingId: string }) => p.bookingId === b.id).outcome).toBe("completed");
    // One of three required items is now held.
    expect(await compliance(provider, a.provider.id)).toBeCloseTo(1 / 3, 5);
    const [row] = await db.select().from(trainingBookings).where(eq(trainingBookings.id, b.id));
    expect(row.certificateCode).toMatch(/^[2-9A-HJ-NP-Z]{12}$/);
    code = row.certificateCode as string;
    const [record] = await db
      .select()
      .from(trainingRecords)
      .where(eq(trainingRecords.id, row.trainingRecordId as string));
    expect(record).toMatchObject({
      orgId: a.provider.id,
      staffRecordId: person.id,
      category: 20,
      name: "Level 2 Adult Social Care Certificate",
      completedOn: "2026-06-10",
      validityMonths: 12,
      expiresOn: "2027-06-09",
      whoDelivered: 2,
      howDelivered: 1,
    });
    const [qual] = await db
      .select()
      .from(staffQualifications)
      .where(eq(staffQualifications.id, row.qualificationId as string));
    expect(qual).toMatchObject({ qualificationCode: 158, year: 2026, position: 1 });
    expect(heldL2(await career())).toBe(true);
    const file = await provider.get(`/api/orgs/${a.provider.id}/ascwds/training.csv`);
    expect(file.text).toContain("Level 2 Adult Social Care Certificate");
  });

  it("prints the certificate for the employer and the person, and anyone can check its code", async () => {
    const pdf = await pdfBytes(provider, `/api/orgs/${a.provider.id}/training/bookings/${b.id}/certificate.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe("application/pdf");
    const text = pdfText(pdf.bytes);
    for (const want of [
      person.displayId,
      "Level 2 Adult Social Care Certificate",
      code,
      "10 June 2026",
      a.partner.name,
    ])
      expect(text).toContain(want);
    expect(text).toContain(`http://hub.test/certificates/${code}`);
    expect((await pdfBytes(me, `/api/orgs/${a.provider.id}/my-training/${b.id}/certificate.pdf`)).status).toBe(200);
    // Not someone else's booking, and not a booking without a completion.
    expect((await pdfBytes(me, `/api/orgs/${a.provider.id}/my-training/${dna.id}/certificate.pdf`)).status).toBe(404);
    expect(
      (await pdfBytes(provider, `/api/orgs/${a.provider.id}/training/bookings/${dna.id}/certificate.pdf`)).status,
    ).toBe(404);

    // Anyone, signed out, typing it in lower case with a dash.
    const check = await hub.app.request(`/api/public/certificates/${code.toLowerCase().slice(0, 6)}-${code.slice(6)}`);
    expect(check.status).toBe(200);
    expect(await check.json()).toEqual({
      valid: true,
      code,
      learner: person.displayId,
      course: "Level 2 Adult Social Care Certificate",
      completedOn: "2026-06-10",
      hours: 6,
      deliveredBy: a.partner.name,
    });
  });

  it("emails the employer's admins when someone did not attend", async () => {
    const res = await put(trainer, outcomes, { outcomes: [{ bookingId: dna.id, outcome: "did_not_attend" }] });
    expect(res.status).toBe(200);
    const mail = await lastEmailTo(hub, a.providerAdmin.email);
    expect(mail?.subject).toBe("Did not attend: Level 2 Adult Social Care Certificate on 10 June 2026");
    expect(mail?.body).toContain(a.staff[1].displayId);
    const [row] = await db.select().from(trainingBookings).where(eq(trainingBookings.id, dna.id));
    expect(row.outcome).toBe("did_not_attend");
    expect(row.trainingRecordId).toBeNull();
  });

  it("changing the outcome removes the record, the qualification and the certificate", async () => {
    const [before] = await db.select().from(trainingBookings).where(eq(trainingBookings.id, b.id));
    const res = await put(trainer, outcomes, { outcomes: [{ bookingId: b.id, outcome: "not_yet_competent" }] });
    expect(res.status).toBe(200);
    expect(
      await db
        .select()
        .from(trainingRecords)
        .where(eq(trainingRecords.id, before.trainingRecordId as string)),
    ).toEqual([]);
    expect(
      await db
        .select()
        .from(staffQualifications)
        .where(eq(staffQualifications.id, before.qualificationId as string)),
    ).toEqual([]);
    expect(await compliance(provider, a.provider.id)).toBe(0);
    const check = await hub.app.request(`/api/public/certificates/${code}`);
    expect(check.status).toBe(404);
    expect(
      (await pdfBytes(provider, `/api/orgs/${a.provider.id}/training/bookings/${b.id}/certificate.pdf`)).status,
    ).toBe(404);
  });
});

describe("the public certificate check, as an attacker sees it", async () => {
  it("answers unknown, malformed, over-long and guessed codes the same way", async () => {
    const answers = [];
    for (const code of ["ABCDEFGHJKMN", "not-a-code", "0000", "A".repeat(200), "' or 1=1 --", "%00"]) {
      const res = await hub.app.request(`/api/public/certificates/${encodeURIComponent(code)}`);
      answers.push({ status: res.status, body: await res.text() });
    }
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(answers[0].status).toBe(404);
    expect(JSON.parse(answers[0].body).error.message).toBe("We could not find that certificate.");
  });
});
