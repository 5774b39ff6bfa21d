import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedDemoOnce, signedIn, testHub } from "../../../../test/harness";
import { apprenticeships, organisations } from "../../db/schema";
import { DEMO_PASSWORD } from "./seed";

// Apprenticeships' demo is alive on `npm start`: about 40 starts, the council's pledge with
// approved, pending and rejected requests and its allowance tracker, and starts the transfer funds.

const hub = await testHub();
await seedDemoOnce(hub);
hub.clock.now = new Date("2026-11-22T09:00:00Z");

describe("apprenticeships' demo", () => {
  it("has about 40 starts, some completed (mostly achieved), a few withdrawn, two funded by the transfer", async () => {
    const [council] = await hub.deps.db.select().from(organisations).where(eq(organisations.slug, "halton"));
    const rows = await hub.deps.db.select().from(apprenticeships).where(eq(apprenticeships.councilId, council.id));
    expect(rows.length).toBeGreaterThanOrEqual(35);
    const by = (s: string) => rows.filter((r) => r.status === s);
    expect(by("completed").length).toBeGreaterThan(5);
    expect(by("completed").filter((r) => r.result === "achieved").length).toBeGreaterThan(by("completed").length / 2);
    expect(by("withdrawn").length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.funding === "transfer" && r.levyRequestId)).toHaveLength(2);
    for (const r of rows) expect(r.endOn === null || r.endOn <= "2026-11-22").toBe(true);

    const client = await signedIn(hub, "council.admin@halton.demo.test", DEMO_PASSWORD);
    const levy = await client.get(`/api/orgs/${council.id}/levy/pledges`);
    expect(levy.status).toBe(200);
    expect(levy.json.pledges[0].requests.map((r: { status: string }) => r.status).sort()).toEqual([
      "approved",
      "approved",
      "pending",
      "rejected",
    ]);
    expect(levy.json.tracker).toMatchObject({
      allowancePence: 12_500_000,
      pledgedPence: 6_000_000,
      approvedPence: 1_200_000,
    });
  });
});
