import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedDemoOnce, signedIn, testHub } from "../../../../test/harness";
import { organisations } from "../../db/schema";

// The demo's routes in (issue 20 items 2, 7): 7 apprentices and 1 sponsored master's student in
// training, 8 funded placements in progress at the anchor (22 November 2026), each with a
// practice educator; past cohorts joined the council; some PE payments still due or overdue.

const hub = await testHub();
await seedDemoOnce(hub);
const ANCHOR = "2026-11-22";

describe("the demo's routes in", async () => {
  const lead = await signedIn(hub, "sw.lead@halton.demo.test", "demo-password-2026");
  const [council] = await hub.deps.db.select().from(organisations).where(eq(organisations.slug, "halton"));
  const base = `/api/orgs/${council.id}/social-work`;

  it("has 7 apprentices and 1 master's student in training, and 8 placements in progress", async () => {
    const inTraining = (await lead.get(`${base}/trainees?status=in_training`)).json.trainees as {
      route: string;
      startDate: string;
      endDate: string | null;
      practiceEducatorName: string | null;
      esgAmount: number | null;
      placementDays: number | null;
    }[];
    expect(inTraining.filter((t) => t.route === "apprentice")).toHaveLength(7);
    expect(inTraining.filter((t) => t.route === "sponsored_masters")).toHaveLength(1);
    const placements = inTraining.filter(
      (t) => t.route === "placement" && t.startDate <= ANCHOR && (t.endDate ?? "9999") >= ANCHOR,
    );
    expect(placements).toHaveLength(8);
    expect(placements.every((p) => p.practiceEducatorName)).toBe(true);
    expect(placements.filter((p) => p.esgAmount !== null)).toHaveLength(6);
    expect(new Set(placements.map((p) => p.placementDays))).toEqual(new Set([70, 100]));
  });

  it("links past cohorts to the workers they became, with withdrawals, and computes the share", async () => {
    const res = (await lead.get(`${base}/routes-in?on=${ANCHOR}`)).json;
    const joined = res.byRoute.reduce((s: number, r: { joined: number }) => s + r.joined, 0);
    const withdrawn = res.byRoute.reduce((s: number, r: { withdrawn: number }) => s + r.withdrawn, 0);
    expect(joined).toBeGreaterThan(10);
    expect(withdrawn).toBe(3);
    expect(res.growYourOwn.registeredInPost).toBeGreaterThan(100);
    expect(res.growYourOwn.share).toBeGreaterThan(0.2);
    expect(res.retention[0].eligible).toBeGreaterThan(0);
  });

  it("has practice educators' payments mostly paid, with some not yet paid", async () => {
    const res = (await lead.get(`${base}/practice-educators`)).json;
    const status = (s: string) => res.payments.filter((p: { status: string }) => p.status === s).length;
    expect(status("paid")).toBeGreaterThan(status("due") + status("overdue") + status("not_due"));
    // At the test clock (15 June 2026) the anchor's placements are not due; the two late ones are not yet either.
    expect(status("not_due")).toBeGreaterThanOrEqual(8);
    expect(res.practiceEducators.length).toBeGreaterThan(5);
  });
});
