import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { commissionedProvider, makeSystem, testHub } from "../../../../test/harness";
import { apprenticeships, staffRecords, workplaces } from "../../db/schema";
import { computeGrid } from "../metrics/engine";
import { listPayFloors } from "../reference/reference.repo";

// The apprenticeship figures (issue 18 item 6) from real starts: a start recorded in the hub
// counts; the ASC-WDS apprentice flag counts only for people with none recorded (so nobody counts
// twice); completions and the achievement rate come from apprenticeships that ended.

const hub = await testHub();
const db = hub.deps.db;

describe("apprenticeship figures", () => {
  it("counts real starts and flagged starters without a recorded start once each; completions; achievement rate", async () => {
    const { council } = await makeSystem(hub);
    const org = await commissionedProvider(hub, council.id, { workers: 4 });
    const [w] = await db.select().from(workplaces).where(eq(workplaces.orgId, org.id));
    const person = async (ref: string, startDate: string, apprentice: number | null) =>
      (
        await db
          .insert(staffRecords)
          .values({
            orgId: org.id,
            workplaceId: w.id,
            localRef: ref,
            displayId: ref,
            contractType: 1,
            mainJobRole: 8,
            startDate,
            apprentice,
          })
          .returning()
      )[0];
    const staff = await db
      .select()
      .from(staffRecords)
      .where(eq(staffRecords.orgId, org.id))
      .orderBy(staffRecords.localRef);
    const flaggedOnly = await person("F1", "2026-02-01", 1);
    const flaggedAndRecorded = await person("F2", "2026-03-01", 1);
    const flaggedOldStart = await person("F3", "2026-01-01", 1);
    const row = (staffRecordId: string, startOn: string, more: Partial<typeof apprenticeships.$inferInsert> = {}) => ({
      orgId: org.id,
      councilId: council.id,
      staffRecordId,
      standard: "ST0005",
      standardTitle: "Adult care worker",
      level: 2,
      startOn,
      plannedEndOn: "2027-12-31",
      funding: "co_investment",
      ...more,
    });
    await db.insert(apprenticeships).values([
      row(staff[0].id, "2026-01-10"), // real starts in the 12 months (no flag on the records)
      row(staff[3].id, "2026-02-15"),
      row(flaggedAndRecorded.id, "2026-03-01"), // flagged and recorded: once
      row(flaggedOldStart.id, "2025-03-01", { plannedEndOn: "2026-12-31" }), // recorded, started before: the flag does not count it
      row(staff[1].id, "2024-01-01", { status: "completed", endOn: "2026-05-01", result: "achieved" }),
      row(staff[2].id, "2024-02-01", { status: "withdrawn", endOn: "2026-04-01" }),
    ]);
    expect(flaggedOnly.apprentice).toBe(1);
    const grid = await computeGrid(db, [w.id], [{ at: "2026-06-30", by: "all" }], await listPayFloors(db));
    const f = grid.get("2026-06-30|all")?.get("all");
    // The flag rule alone would give 3 (F1, F2, F3); real starts give S0, S3, F2 and F1 (flagged, none recorded).
    expect(f?.apprenticeship_starts_12m).toEqual({ value: 4, n: 4 });
    expect(f?.apprenticeship_completions_12m).toEqual({ value: 1, n: 1 });
    expect(f?.apprenticeship_achievement_rate).toEqual({ value: 0.5, n: 2 });
    // A year later nothing is in the window any more.
    const later = (await computeGrid(db, [w.id], [{ at: "2027-06-30", by: "all" }], await listPayFloors(db)))
      .get("2027-06-30|all")
      ?.get("all");
    expect(later?.apprenticeship_starts_12m.value).toBe(0);
    expect(later?.apprenticeship_achievement_rate.value).toBeNull();
  });
});
