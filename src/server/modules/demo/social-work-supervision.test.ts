import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedDemoOnce, signedIn, testHub } from "../../../../test/harness";
import { organisations } from "../../db/schema";

// The demo's supervision and caseloads (issue 20 items 4, 5) at the anchor (22 November 2026):
// the default standards stored, about 20,000 rows, a handful overdue across teams with some in the
// Assessment Team (its manager's list is not empty), compliance high but not perfect, team averages
// mostly under threshold with one or two above, and a newly qualified worker or two above protection.

const hub = await testHub();
await seedDemoOnce(hub);
hub.clock.now = new Date("2026-11-22T09:00:00Z");

describe("the demo's supervision and caseloads", async () => {
  const [council] = await hub.deps.db.select().from(organisations).where(eq(organisations.slug, "halton"));
  const base = `/api/orgs/${council.id}/social-work`;

  it("stores the standards and some 20,000 rows", async () => {
    const count = async (t: string) =>
      Number(
        (await hub.deps.db.execute(sql.raw(`select count(*)::int as n from ${t} where org_id = '${council.id}'`)))
          .rows[0].n,
      );
    expect(await count("sw_supervision_standards")).toBe(4);
    const rows = (await count("sw_supervisions")) + (await count("sw_caseloads"));
    expect(rows).toBeGreaterThan(15_000);
    expect(rows).toBeLessThan(40_000);
  });

  it("has a handful overdue across teams, some in the Assessment Team for its manager", async () => {
    const lead = await signedIn(hub, "sw.lead@halton.demo.test", "demo-password-2026");
    const o = (await lead.get(`${base}/supervision`)).json;
    expect(o.overdue.length).toBeGreaterThanOrEqual(5);
    expect(o.overdue.length).toBeLessThanOrEqual(25);
    expect(new Set(o.overdue.map((x: { teamId: string }) => x.teamId)).size).toBeGreaterThanOrEqual(4);
    for (const t of o.teams.filter((x: { inPost: number }) => x.inPost > 0)) {
      expect(t.compliance12Months).toBeGreaterThan(0.8);
      expect(t.compliance12Months).toBeLessThanOrEqual(1);
    }
    const manager = await signedIn(hub, "sw.manager@halton.demo.test", "demo-password-2026");
    const mine = (await manager.get(`${base}/supervision`)).json;
    expect(mine.teams.map((t: { name: string }) => t.name)).toEqual(["Assessment Team"]);
    expect(mine.overdue.length).toBeGreaterThanOrEqual(2);
    expect(mine.overdue.length).toBeLessThanOrEqual(4);
  });

  it("caseloads: most teams under threshold, one or two above, NQSWs above protection listed", async () => {
    const lead = await signedIn(hub, "sw.lead@halton.demo.test", "demo-password-2026");
    const c = (await lead.get(`${base}/caseloads?month=2026-11`)).json;
    const above = c.teams.filter((t: { above: boolean }) => t.above).length;
    expect(above).toBeGreaterThanOrEqual(1);
    expect(above).toBeLessThanOrEqual(3);
    expect(c.teams.length - above).toBeGreaterThan(above * 3);
    expect(c.nqswsAboveProtection.length).toBeGreaterThanOrEqual(1);
    expect(c.nqswsAboveProtection.length).toBeLessThanOrEqual(2);
  });
});
