import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeOrg, testHub, uniq } from "../../../../test/harness";
import { staffRecords, staffRoleChanges, workplaces } from "../../db/schema";
import { SHIPPED_FRAMEWORK } from "../frameworks/shipped-framework";
import { careerFigures } from "./career-figures";

const hub = await testHub();
const D = "2026-06-30";

describe("career framework figures", () => {
  it("spreads the workforce across framework roles and counts who moved up a route in the 12 months", async () => {
    const a = await makeOrg(hub, "provider");
    const b = await makeOrg(hub, "provider");
    const place = async (orgId: string) =>
      (
        await hub.deps.db
          .insert(workplaces)
          .values({ orgId, localRef: `W${uniq()}`, name: "Home", mainService: 2 })
          .returning()
      )[0];
    const wa = await place(a.id);
    const wb = await place(b.id);
    const rec = (
      w: { id: string; orgId: string },
      ref: string,
      role: number,
      start: string,
      extra: Partial<typeof staffRecords.$inferInsert> = {},
    ) => ({
      orgId: w.orgId,
      workplaceId: w.id,
      localRef: ref,
      displayId: ref,
      contractType: 1,
      mainJobRole: role,
      startDate: start,
      ...extra,
    });
    await hub.deps.db.insert(staffRecords).values([
      rec(wa, "c1", 8, "2020-01-01"), // care worker → care or support worker
      rec(wa, "c2", 8, "2025-01-01", { cwpCategory: 1 }), // recorded as new to care
      rec(wa, "s1", 7, "2020-01-01", { cwpCategory: 4 }), // senior care worker, supervisor or leader
      rec(wa, "rm", 4, "2018-01-01"), // registered manager
      rec(wa, "admin", 25, "2019-01-01"), // administrative: not a framework role
      rec(wa, "agency", 8, "2026-01-01", { contractType: 4 }), // agency: not in the workforce
      // Pat was a care worker at B until March, and is now a senior (supervisor or leader) at A: moved up.
      rec(wb, "pat-b", 8, "2019-01-01", { endDate: "2026-03-31", personKey: "pat" }),
      rec(wa, "pat-a", 7, "2026-04-01", { cwpCategory: 4, personKey: "pat" }),
      // Lee went from registered manager at B to care worker at A: a move, but not up a route.
      rec(wb, "lee-b", 4, "2015-01-01", { endDate: "2026-02-28", personKey: "lee" }),
      rec(wa, "lee-a", 8, "2026-03-01", { personKey: "lee" }),
      // Ray left B two years ago and came to A as a senior: outside the 12 months.
      rec(wb, "ray-b", 8, "2019-01-01", { endDate: "2024-05-01", personKey: "ray" }),
      rec(wa, "ray-a", 7, "2024-06-01", { cwpCategory: 4, personKey: "ray" }),
    ]);
    const system = await careerFigures(hub.deps.db, [wa.id, wb.id], D, SHIPPED_FRAMEWORK);
    const count = (key: string) => system.roles.find((r) => r.key === key)?.count;
    expect(count("care_support_worker")).toBe(2); // c1, lee-a
    expect(count("new_to_care")).toBe(1); // c2
    expect(count("supervisor_leader")).toBe(3); // s1, pat-a, ray-a
    expect(count("registered_manager")).toBe(1);
    expect(system.unmapped).toBe(1); // the administrator
    // Employed in post at D: c1, c2, s1, rm, admin, pat-a, lee-a, ray-a = 8; Pat moved up.
    expect(system.movedUp).toEqual({ value: 1 / 8, n: 8, count: 1 });
    // Provider A alone does not see Pat's earlier employment at B.
    expect((await careerFigures(hub.deps.db, [wa.id], D, SHIPPED_FRAMEWORK)).movedUp.count).toBe(0);
  });
});

describe("promotions inside one employment", () => {
  it("a change of role on the same record counts as moving up when a route leads there, within the 12 months", async () => {
    const org = await makeOrg(hub, "provider");
    const [w] = await hub.deps.db
      .insert(workplaces)
      .values({ orgId: org.id, localRef: `W${uniq()}`, name: "Home", mainService: 2 })
      .returning();
    const people = await hub.deps.db
      .insert(staffRecords)
      .values(
        [
          { localRef: "kim", mainJobRole: 8 },
          { localRef: "joe", mainJobRole: 4 },
          { localRef: "old", mainJobRole: 8 },
          { localRef: "same", mainJobRole: 8 },
        ].map((p) => ({
          ...p,
          orgId: org.id,
          workplaceId: w.id,
          displayId: p.localRef,
          contractType: 1,
          startDate: "2019-01-01",
          mainJobStartDate: "2019-01-01",
        })),
      )
      .returning();
    const update = (ref: string, values: Partial<typeof staffRecords.$inferInsert>) =>
      hub.deps.db
        .update(staffRecords)
        .set(values)
        .where(eq(staffRecords.id, people.find((p) => p.localRef === ref)?.id as string));
    // Kim: care worker to senior care worker (supervisor or leader) from 1 May: moved up.
    await update("kim", { mainJobRole: 7, cwpCategory: 4, mainJobStartDate: "2026-05-01" });
    // Joe: registered manager to care worker: a change, not up a route.
    await update("joe", { mainJobRole: 8, mainJobStartDate: "2026-04-01" });
    // Old: promoted in 2024, outside the 12 months.
    await update("old", { mainJobRole: 7, cwpCategory: 4, mainJobStartDate: "2024-01-01" });
    // Same: other fields change, the role does not: no change is kept.
    await update("same", { daysSick: 3 });

    const changes = await hub.deps.db.select().from(staffRoleChanges).where(eq(staffRoleChanges.orgId, org.id));
    expect(changes.map((c) => [c.changedOn, c.fromRole, c.toRole]).sort()).toEqual([
      ["2024-01-01", 8, 7],
      ["2026-04-01", 4, 8],
      ["2026-05-01", 8, 7],
    ]);
    expect((await careerFigures(hub.deps.db, [w.id], D, SHIPPED_FRAMEWORK)).movedUp).toEqual({
      value: 1 / 4,
      n: 4,
      count: 1,
    });
    // As at 30 April, Kim's promotion had not happened.
    expect((await careerFigures(hub.deps.db, [w.id], "2026-04-30", SHIPPED_FRAMEWORK)).movedUp.count).toBe(0);
  });
});
