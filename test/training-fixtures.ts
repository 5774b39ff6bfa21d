import { eq } from "drizzle-orm";
import { staffRecords, trainingBookings, trainingCourses, trainingSessions } from "../src/server/db/schema";
import { commissionProvider } from "../src/server/modules/orgs/orgs.service";
import { commissionedProvider, type Hub, makeOrg, makeSystem, makeUser, signedIn } from "./harness";

// Fixtures for shared training's tests (issue 18): an area with a council, a commissioned provider
// with staff, a training partner the council commissions with its admin and a trainer, and rows
// made as each part makes them, so every part's tests can start from any point of the flow.
// The test clock is 2026-06-15 09:00 UTC: sessions default to a week later.

export async function trainingArea(hub: Hub, { workers = 3 }: { workers?: number } = {}) {
  const system = await makeSystem(hub);
  const councilId = system.council.id;
  const provider = await commissionedProvider(hub, councilId, { workers });
  const providerAdmin = await makeUser(hub, provider, "provider_admin");
  const partner = await makeOrg(hub, "training_partner");
  await commissionProvider(hub.ctx, { councilId, providerId: partner.id, fromDate: "2020-01-01" });
  const partnerAdmin = await makeUser(hub, partner, "provider_admin");
  const trainer = await makeUser(hub, partner, "trainer");
  const staff = await hub.deps.db
    .select()
    .from(staffRecords)
    .where(eq(staffRecords.orgId, provider.id))
    .orderBy(staffRecords.localRef);
  return {
    ...system,
    councilId,
    provider,
    providerAdmin,
    partner,
    partnerAdmin,
    trainer,
    staff,
    councilClient: () => signedIn(hub, system.councilAdmin.email),
    providerClient: () => signedIn(hub, providerAdmin.email),
    partnerClient: () => signedIn(hub, partnerAdmin.email),
    trainerClient: () => signedIn(hub, trainer.email),
  };
}
export type TrainingArea = Awaited<ReturnType<typeof trainingArea>>;

/** A published course offered by the area's training partner (override any column). */
export async function course(hub: Hub, area: TrainingArea, values: Partial<typeof trainingCourses.$inferInsert> = {}) {
  const [row] = await hub.deps.db
    .insert(trainingCourses)
    .values({
      councilId: area.councilId,
      offeredBy: area.partner.id,
      title: "Safeguarding adults",
      summary: "Recognise abuse and neglect, and know what to do.",
      category: 20,
      hours: 6,
      delivery: "classroom",
      refreshMonths: 12,
      costPence: 0,
      funding: "free_commissioned",
      ...values,
    })
    .returning();
  return row;
}

/** A session of a course, a week after the test clock by default. */
export async function session(
  hub: Hub,
  c: typeof trainingCourses.$inferSelect,
  values: Partial<typeof trainingSessions.$inferInsert> = {},
) {
  const [row] = await hub.deps.db
    .insert(trainingSessions)
    .values({
      courseId: c.id,
      councilId: c.councilId,
      offeredBy: c.offeredBy,
      startsAt: new Date("2026-06-22T09:30:00Z"),
      endsAt: new Date("2026-06-22T16:00:00Z"),
      venue: "Runcorn Library, Shopping City, Runcorn WA7 2PF",
      trainerName: "Pat Trainer",
      capacity: 12,
      ...values,
    })
    .returning();
  return row;
}

/** A booking as the booking part makes one. */
export async function booking(
  hub: Hub,
  s: typeof trainingSessions.$inferSelect,
  orgId: string,
  staffRecordId: string,
  values: Partial<typeof trainingBookings.$inferInsert> = {},
) {
  const [row] = await hub.deps.db
    .insert(trainingBookings)
    .values({ sessionId: s.id, councilId: s.councilId, orgId, staffRecordId, status: "booked", ...values })
    .returning();
  return row;
}
