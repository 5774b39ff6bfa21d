import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedDemoOnce, signedIn, testHub } from "../../../../test/harness";
import { lastEndedPeriod, previousPeriod } from "../../../shared/commissioning";
import { DEMO_PASSWORD } from "./seed";

// The demo's Quality Premium scheme, as the commissioner sees it: a home care scheme at £0.40 per
// contact hour whose budget cap binds, delivered hours recorded for both demo quarters, the earlier
// quarter's schedule approved and the last a draft.

const ANCHOR = "2026-11-22";
const last = lastEndedPeriod(ANCHOR);
const earlier = previousPeriod(last);

describe("the demo's Quality Premium scheme", () => {
  it("has a home care scheme with a binding cap, hours for both quarters, the earlier approved and the last a draft", async () => {
    const hub = await testHub();
    await seedDemoOnce(hub, ANCHOR);
    const c = await signedIn(hub, "commissioner@halton.demo.test", DEMO_PASSWORD);
    const [{ id: council }] = (await hub.deps.db.execute(sql`select id from organisations where slug = 'halton'`))
      .rows as { id: string }[];
    const list = await c.get(`/api/orgs/${council}/commissioning/qpp/schemes`);
    expect(list.status, list.text).toBe(200);
    expect(list.json.schemes).toHaveLength(1);
    const scheme = list.json.schemes[0];
    expect(scheme).toMatchObject({ serviceType: "home_care", basis: "per_unit", rate: 0.4, method: "weighted" });
    // (The test clock is before the demo's anchor, so each quarter is asked for by name.)
    for (const [period, status] of [
      [last, "draft"],
      [earlier, "approved"],
    ]) {
      const s = (await c.get(`/api/orgs/${council}/commissioning/qpp/schemes/${scheme.id}/schedules/${period}`)).json
        .schedule;
      expect(s.status).toBe(status);
      expect(s.lines.length).toBeGreaterThanOrEqual(4);
      expect(s.lines.every((l: { units: number | null }) => l.units !== null && l.units > 1000)).toBe(true);
      expect(s.scaled).toBe(true);
      expect(s.total).toBe(scheme.budgetCap);
      expect(s.totalBeforeCap).toBeGreaterThan(scheme.budgetCap);
      // Some contracts miss a standard, so the lines differ in what they pay per hour.
      expect(new Set(s.lines.map((l: { payShare: number }) => l.payShare)).size).toBeGreaterThan(1);
    }
  }, 600_000);
});
