import { readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeOrg, makeUser, testHub } from "../../../../test/harness";
import type { OrgCtx } from "../../context";
import { staffRecords, trainingBookings, trainingCourses, trainingRecords, trainingSessions } from "../../db/schema";
import { applyUpload } from "./imports.service";

// A completion the hub recorded from a training session (issue 18) is on the staff record at
// once. The provider's next upload, from a system that has not caught up, must not delete it.

const hub = await testHub();
const FIX = new URL("../../../../test/fixtures/ascwds/", import.meta.url).pathname;
const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(FIX + name)) });
const enc = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const VALID = ["valid-workplace.csv", "valid-staff.csv", "valid-training.csv"].map(fixture);
const KEEP = { missing: { default: { action: "keep" as const } } };
const AS_AT = "2026-06-30";

async function providerWithHubCompletion() {
  const org = await makeOrg(hub, "provider");
  const council = await makeOrg(hub, "council");
  const user = await makeUser(hub, org, "provider_admin");
  const ctx: OrgCtx = {
    ...hub.ctx,
    actor: { userId: user.id, isHubAdmin: false },
    org: { id: org.id, kind: "provider", name: org.name, slug: org.slug, isDemo: false },
    role: "provider_admin",
  };
  await applyUpload(ctx, VALID, AS_AT, KEEP);
  const [ann] = await hub.deps.db
    .select()
    .from(staffRecords)
    .where(and(eq(staffRecords.orgId, org.id), eq(staffRecords.localRef, "S1")));
  const [course] = await hub.deps.db
    .insert(trainingCourses)
    .values({
      councilId: council.id,
      offeredBy: council.id,
      title: "Fire safety",
      category: 6,
      hours: 3,
      delivery: "classroom",
      funding: "free_commissioned",
    })
    .returning();
  const [session] = await hub.deps.db
    .insert(trainingSessions)
    .values({
      courseId: course.id,
      councilId: council.id,
      offeredBy: council.id,
      startsAt: new Date("2026-06-20T09:00:00Z"),
      endsAt: new Date("2026-06-20T12:00:00Z"),
      capacity: 10,
    })
    .returning();
  const [record] = await hub.deps.db
    .insert(trainingRecords)
    .values({
      orgId: org.id,
      staffRecordId: ann.id,
      category: 6,
      name: "Fire safety",
      validityMonths: 12,
      completedOn: "2026-06-20",
      expiresOn: "2027-06-19",
    })
    .returning();
  await hub.deps.db.insert(trainingBookings).values({
    sessionId: session.id,
    councilId: council.id,
    orgId: org.id,
    staffRecordId: ann.id,
    status: "booked",
    outcome: "completed",
    trainingRecordId: record.id,
  });
  const annsTraining = async () =>
    (
      await hub.deps.db
        .select()
        .from(trainingRecords)
        .where(eq(trainingRecords.staffRecordId, ann.id))
        .orderBy(trainingRecords.category, trainingRecords.completedOn)
    ).map((t) => `${t.category} ${t.completedOn}`);
  return { ctx, annsTraining };
}

const training = readFileSync(`${FIX}valid-training.csv`, "utf8");

describe("completions the hub recorded, and the provider's next upload", () => {
  it("the same files again: Ann's hub completion stays and nothing is reported as changed", async () => {
    const { ctx, annsTraining } = await providerWithHubCompletion();
    expect(await annsTraining()).toEqual(["6 2026-06-20", "20 2026-03-01"]);
    const again = await applyUpload(ctx, VALID, AS_AT, KEEP);
    expect(again.applied).toMatchObject({ trainingRecords: 0 });
    expect(await annsTraining()).toEqual(["6 2026-06-20", "20 2026-03-01"]);
  });

  it("a file changing Ann's other training replaces that and keeps the hub's completion", async () => {
    const { ctx, annsTraining } = await providerWithHubCompletion();
    const changed = training.replace("01/03/2026,28/02/2027", "02/03/2026,01/03/2027");
    await applyUpload(ctx, [VALID[0], VALID[1], enc("training.csv", changed)], AS_AT, KEEP);
    expect(await annsTraining()).toEqual(["6 2026-06-20", "20 2026-03-02"]);
  });

  it("a file that holds the hub's completion too (downloaded and uploaded again) does not make a second one", async () => {
    const { ctx, annsTraining } = await providerWithHubCompletion();
    const withIt = `${training.trimEnd()}\nHOME1,S1,6,Fire safety,1,2,88,1,12,20/06/2026,19/06/2027,\n`;
    await applyUpload(ctx, [VALID[0], VALID[1], enc("training.csv", withIt)], AS_AT, KEEP);
    expect(await annsTraining()).toEqual(["6 2026-06-20", "20 2026-03-01"]);
  });
});
