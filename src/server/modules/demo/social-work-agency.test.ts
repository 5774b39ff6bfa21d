import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedDemoOnce, signedIn, testHub } from "../../../../test/harness";
import { agencyFlags, costBetween } from "../../../shared/sw-agency-rules";
import { organisations, swAgencyAssignments, swAgencyPriceCaps, swTeams } from "../../db/schema";
import { DEMO_CAPS_FROM, demoSpendYears } from "./social-work-agency";

// The demo's agency workers (issue 20 item 8): spend about £760k in the year to 22 November 2025
// and about £1.2m in the year to 22 November 2026, mostly children's, most covering vacancies,
// 37 hours a week at £35–£48 plus a £3–£6 fee, caps for the five job types, and the four flags.

const hub = await testHub();
await seedDemoOnce(hub);
const ANCHOR = "2026-11-22";

describe("the demo's agency workers", async () => {
  const [council] = await hub.deps.db.select().from(organisations).where(eq(organisations.slug, "halton"));
  const rows = await hub.deps.db
    .select({ a: swAgencyAssignments, service: swTeams.service })
    .from(swAgencyAssignments)
    .innerJoin(swTeams, eq(swTeams.id, swAgencyAssignments.teamId))
    .where(eq(swAgencyAssignments.orgId, council.id));
  const caps = await hub.deps.db.select().from(swAgencyPriceCaps).where(eq(swAgencyPriceCaps.orgId, council.id));

  it("spend rises from about £760k to about £1.2m", () => {
    const y = demoSpendYears(ANCHOR);
    expect(y.last).toEqual({ from: "2025-11-23", to: "2026-11-22" });
    const sum = (from: string, to: string) => rows.reduce((n, r) => n + costBetween(r.a, from, to), 0);
    const previous = sum(y.previous.from, y.previous.to);
    const last = sum(y.last.from, y.last.to);
    expect(previous).toBeGreaterThan(720_000);
    expect(previous).toBeLessThan(780_000);
    expect(last).toBeGreaterThan(1_140_000);
    expect(last).toBeLessThan(1_230_000);
  });

  it("mostly children's, most covering vacancies, within the rates", () => {
    const children = rows.filter((r) => r.service === "children").length;
    expect(children / rows.length).toBeGreaterThan(0.6);
    expect(rows.some((r) => r.service === "adults")).toBe(true);
    expect(rows.filter((r) => r.a.coversVacancy).length / rows.length).toBeGreaterThan(0.75);
    for (const r of rows) {
      expect(r.a.weeklyHours).toBe(37);
      expect(r.a.hourlyRate).toBeGreaterThanOrEqual(35);
      expect(r.a.hourlyRate).toBeLessThanOrEqual(48);
      expect(r.a.agencyFee).toBeGreaterThanOrEqual(3);
      expect(r.a.agencyFee).toBeLessThanOrEqual(6);
    }
  });

  it("caps for the five job types and the four flags", () => {
    expect(caps.map((c) => c.roleType).sort()).toEqual(
      ["advanced_practitioner", "iro_cp_chair", "senior_social_worker", "social_worker", "team_manager"].sort(),
    );
    expect(caps.every((c) => c.fromDate === DEMO_CAPS_FROM)).toBe(true);
    const flags = rows.flatMap((r) => agencyFlags({ ...r.a, service: r.service as "children" }, caps, ANCHOR));
    const texts = flags.map((f) => `${f.rule}:${f.level}`).sort();
    expect(texts).toEqual(["notice:breach", "pqe:breach", "price_cap:breach", "price_cap:report"]);
  });

  it("the lead reads them through the API with the monthly view", async () => {
    const lead = await signedIn(hub, "sw.lead@halton.demo.test", "demo-password-2026");
    const view = await lead.get(`/api/orgs/${council.id}/social-work/starters-leavers?to=2026-10&months=12`);
    expect(view.status).toBe(200);
    const oct = view.json.rows.find(
      (r: { month: string; group: string }) => r.month === "2026-10" && r.group === "children",
    );
    expect(oct.agencyHeadcount).toBeGreaterThan(5);
    expect(oct.starters + oct.leavers).toBeGreaterThan(0);
  });
});
