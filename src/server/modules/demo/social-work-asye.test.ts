import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedDemoOnce, signedIn, testHub } from "../../../../test/harness";
import { organisations } from "../../db/schema";

// The demo's ASYE programme (issue 20 item 3) at the anchor (22 November 2026): a cohort with
// reviews mostly on time, passes, a few withdrawn, one extended, the grant claimed for most, and
// the demo social worker's 3-month review overdue (and nothing else of hers due) for the browser
// test to record as her team manager.

const hub = await testHub();
await seedDemoOnce(hub);
hub.clock.now = new Date("2026-11-22T09:00:00Z");

describe("the demo's ASYEs", async () => {
  const [council] = await hub.deps.db.select().from(organisations).where(eq(organisations.slug, "halton"));
  const base = `/api/orgs/${council.id}/social-work`;

  it("has a cohort, passes, a few withdrawn and one extended, with the grant claimed for most", async () => {
    const lead = await signedIn(hub, "sw.lead@halton.demo.test", "demo-password-2026");
    const all = (await lead.get(`${base}/asye?show=all`)).json.asyes as {
      status: string;
      service: string;
      grantClaimedOn: string | null;
      protectedCaseload: number;
    }[];
    const count = (s: string) => all.filter((a) => a.status === s).length;
    // 20 workers of the base started newly qualified (5 passed, 5 left before the final, 1 extended, 9 running).
    expect(all.length).toBeGreaterThanOrEqual(15);
    expect(count("passed")).toBeGreaterThanOrEqual(3);
    expect(count("withdrawn")).toBeGreaterThan(0);
    expect(count("withdrawn")).toBeLessThanOrEqual(count("passed"));
    expect(count("extended")).toBe(1);
    expect(count("in_progress")).toBeGreaterThan(5);
    expect(all.filter((a) => a.grantClaimedOn).length).toBeGreaterThan(all.length * 0.7);
    for (const a of all) expect(a.protectedCaseload).toBeGreaterThanOrEqual(a.service === "children" ? 12 : 14);
    const quality = (await lead.get(`${base}/asye-quality`)).json;
    expect(quality.all.reviewsOnTime.share).toBeGreaterThan(0.8);
    expect(quality.all.reviewsOnTime.share).toBeLessThan(1);
    expect(quality.all.passRate.share).toBe(1);
    // Some review somewhere is due soon, not only overdue.
    const list = (await lead.get(`${base}/asye`)).json;
    expect(list.due.some((d: { state: string }) => d.state === "due")).toBe(true);
  });

  it("the demo social worker's 3-month review is overdue for her manager to record", async () => {
    const manager = await signedIn(hub, "sw.manager@halton.demo.test", "demo-password-2026");
    const list = (await manager.get(`${base}/asye`)).json;
    expect(new Set(list.asyes.map((a: { team: { name: string } }) => a.team.name))).toEqual(
      new Set(["Assessment Team"]),
    );
    const worker = await signedIn(hub, "social.worker@halton.demo.test", "demo-password-2026");
    const mine = (await worker.get("/api/me/social-work/asye")).json.asyes;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      startDate: "2026-08-20",
      status: "in_progress",
      next: { stage: "3_month", due: "2026-11-20", state: "overdue" },
      reviews: [],
    });
    expect(list.due).toContainEqual(
      expect.objectContaining({ asyeId: mine[0].id, stage: "3_month", due: "2026-11-20", state: "overdue" }),
    );
  });
});
