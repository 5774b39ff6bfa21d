import { describe, expect, it } from "vitest";
import { signedIn, testHub } from "../../../../test/harness";
import { socialWorkArea } from "../../../../test/social-work-fixtures";
import { swAgencyAssignments } from "../../db/schema";
import { MIN_AGENCY_WORKERS, mayShowAgencyCost } from "./agency-cost-disclosure";

// One rule for showing an agency cost (agency-cost-disclosure.ts), on both surfaces that show one:
// the monthly starters, leavers and agency view, and the agency spend page. Children's agency
// workers: 3 in March 2026, 2 in April, 1 in May. The test clock is 2026-06-15.

describe("the rule", () => {
  it("needs 3 workers behind an amount, unless the reader may see all of their assignments", () => {
    expect(MIN_AGENCY_WORKERS).toBe(3);
    const a = { teamId: "a" };
    const b = { teamId: "b" };
    expect(mayShowAgencyCost([a], new Set())).toBe(false);
    expect(mayShowAgencyCost([a, b], new Set())).toBe(false);
    expect(mayShowAgencyCost([a, b, b], new Set())).toBe(true);
    expect(mayShowAgencyCost([], new Set())).toBe(true);
    expect(mayShowAgencyCost([a, b], new Set(["a"]))).toBe(false);
    expect(mayShowAgencyCost([a, a], new Set(["a"]))).toBe(true);
    expect(mayShowAgencyCost([a], null)).toBe(true);
  });
});

describe("both surfaces", async () => {
  const hub = await testHub();
  const area = await socialWorkArea(hub);
  const base = `/api/orgs/${area.council.id}/social-work`;
  const assignment = (endDate: string) =>
    hub.deps.db.insert(swAgencyAssignments).values({
      orgId: area.council.id,
      teamId: area.teams.childrenA.id,
      role: "social_worker",
      workerName: `Until ${endDate}`,
      agencyName: "Agency Ltd",
      startDate: "2026-03-01",
      endDate,
      hourlyRate: 35,
      agencyFee: 0,
      weeklyHours: 7,
    });
  // £35 × 7 hours = £245 a week, £35 a day each. An end date is the first day out of post (the one
  // in-post rule), so these run to the last day of May, April and March.
  await assignment("2026-06-01");
  await assignment("2026-05-01");
  await assignment("2026-04-01");
  const children = (rows: { group?: string; month: string }[]) =>
    rows.filter((r) => !r.group || r.group === "children");

  it("the monthly view withholds the cost behind 1 or 2 workers from a reader of figures only", async () => {
    const analyst = await signedIn(hub, area.analyst.email);
    const res = await analyst.get(`${base}/starters-leavers?months=3`);
    expect(res.status).toBe(200);
    const costs = children(res.json.rows).map((r) => [r.month, (r as unknown as { agencyCost: number }).agencyCost]);
    expect(costs).toEqual([
      ["2026-03", 3 * 31 * 35],
      ["2026-04", null],
      ["2026-05", null],
    ]);
    expect(res.json.note).toBe(
      "An agency cost is withheld in 2 months: fewer than 3 agency workers were behind it, so it would show a person's pay.",
    );
    // The lead may see every assignment: nothing withheld.
    const lead = await signedIn(hub, area.lead.email);
    const all = children((await lead.get(`${base}/starters-leavers?months=3`)).json.rows);
    expect(all.map((r) => (r as unknown as { agencyCost: number }).agencyCost)).toEqual([
      3 * 31 * 35,
      2 * 30 * 35,
      31 * 35,
    ]);
  });

  it("the spend page withholds the same months, and any total they are part of", async () => {
    const analyst = await signedIn(hub, area.analyst.email);
    const res = await analyst.get(`${base}/agency/spend`);
    expect(res.status).toBe(200);
    const month = (m: string) => res.json.byMonth.find((x: { month: string }) => x.month === m);
    expect(month("2026-03")).toMatchObject({ children: 3 * 31 * 35, total: 3 * 31 * 35 });
    expect(month("2026-04")).toMatchObject({ children: null, total: null });
    expect(month("2026-05")).toMatchObject({ children: null, total: null });
    // The year to today rests on all 3: shown.
    expect(res.json.last.total).toBe((3 * 31 + 2 * 30 + 31) * 35);
    const lead = await signedIn(hub, area.lead.email);
    const open = await lead.get(`${base}/agency/spend`);
    expect(open.json.byMonth.find((x: { month: string }) => x.month === "2026-05").children).toBe(31 * 35);
  });
});
