import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeUser, testHub } from "../../../../test/harness";
import { course, session, trainingArea } from "../../../../test/training-fixtures";
import { outbox, staffRecords, trainingExpiryReminders, trainingRecords, workforceSettings } from "../../db/schema";
import { sendExpiryReminders } from "./expiry-reminders";

// Reminders 60 and 30 days before required training expires, once each, to the person and the
// employer's admins, with a suggested session. The clock starts at 2026-06-15.

const hub = await testHub();
const db = hub.deps.db;

describe("expiry reminders", async () => {
  const a = await trainingArea(hub, { workers: 3 });
  const [s0, s1, s2] = a.staff;
  await db
    .insert(workforceSettings)
    .values({ orgId: a.provider.id, requiredTraining: [{ category: 20, roles: null }] });
  const staffUser = await makeUser(hub, a.provider, "staff_member");
  await db.update(staffRecords).set({ userId: staffUser.id }).where(eq(staffRecords.id, s0.id));
  const [r0] = await db
    .insert(trainingRecords)
    .values({
      orgId: a.provider.id,
      staffRecordId: s0.id,
      category: 20,
      completedOn: "2025-08-10",
      expiresOn: "2026-08-10",
    })
    .returning(); // 56 days away
  // s1's old record expires within 60 days, but a newer one lasts: no reminder.
  await db.insert(trainingRecords).values([
    { orgId: a.provider.id, staffRecordId: s1.id, category: 20, completedOn: "2025-07-20", expiresOn: "2026-07-20" },
    { orgId: a.provider.id, staffRecordId: s1.id, category: 20, completedOn: "2026-06-01", expiresOn: "2027-06-01" },
    // s2's expires in 100 days: not yet.
    { orgId: a.provider.id, staffRecordId: s2.id, category: 20, completedOn: "2025-09-23", expiresOn: "2026-09-23" },
  ]);
  const c = await course(hub, a);
  await session(hub, c, { startsAt: new Date("2026-07-01T09:00:00Z"), endsAt: new Date("2026-07-01T15:00:00Z") });
  const mails = (to: string) =>
    db
      .select()
      .from(outbox)
      .where(and(eq(outbox.toAddress, to)))
      .orderBy(asc(outbox.createdAt), asc(outbox.id));

  it("emails the person and the admins at 60 days, naming the next session, and only for the best record", async () => {
    await sendExpiryReminders(hub.deps);
    const mine = await mails(staffUser.email);
    expect(mine).toHaveLength(1);
    expect(mine[0].body).toContain("Safeguarding adults expires on 10 August 2026");
    expect(mine[0].body).toContain("Next session with places: Safeguarding adults, 1 July 2026");
    const admin = await mails(a.providerAdmin.email);
    expect(admin).toHaveLength(1);
    expect(admin[0].body).toContain(s0.displayId);
    expect(admin[0].body).not.toContain(`${s1.displayId} `);
    expect(admin[0].body).not.toContain(`${s2.displayId} `);
    const sent = await db
      .select()
      .from(trainingExpiryReminders)
      .where(eq(trainingExpiryReminders.trainingRecordId, r0.id));
    expect(sent.map((s) => s.daysBefore)).toEqual([60]);
  });

  it("does not send the same reminder twice", async () => {
    await sendExpiryReminders(hub.deps);
    expect(await mails(staffUser.email)).toHaveLength(1);
  });

  it("sends the 30-day reminder once the record is 30 days from expiry", async () => {
    hub.clock.now = new Date("2026-07-12T09:00:00Z"); // 29 days left
    try {
      await sendExpiryReminders(hub.deps);
      await sendExpiryReminders(hub.deps);
      expect(await mails(staffUser.email)).toHaveLength(2);
      const sent = await db
        .select()
        .from(trainingExpiryReminders)
        .where(eq(trainingExpiryReminders.trainingRecordId, r0.id))
        .orderBy(asc(trainingExpiryReminders.daysBefore));
      expect(sent.map((s) => s.daysBefore)).toEqual([30, 60]);
    } finally {
      hub.clock.now = new Date("2026-06-15T09:00:00Z");
    }
  });
});
