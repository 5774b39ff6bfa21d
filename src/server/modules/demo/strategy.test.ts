import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedDemoOnce, signedIn, testHub } from "../../../../test/harness";
import { organisations } from "../../db/schema";
import { boardReportData } from "../strategy/board.service";
import { DEMO_PASSWORD } from "./seed";

// The demo's strategy: a board report can be generated for the latest quarter the moment the
// demo starts (anchor 22 November 2026: the last ended quarter is 2026-Q3).
const hub = await testHub();
await seedDemoOnce(hub);
const [council] = await hub.deps.db.select().from(organisations).where(eq(organisations.slug, "halton"));
const ctx = {
  ...hub.ctx,
  org: { id: council.id, kind: "council" as const, name: council.name, slug: council.slug, isDemo: true },
  role: "council_admin" as const,
};

describe("the demo council's strategy", () => {
  it("holds seven recommendations, three enablers, 40 actions with measures and four quarters of updates", async () => {
    const d = await boardReportData(ctx, "2026-Q3");
    expect(d.strategy).toMatchObject({ status: "approved", changes: 1, approval: { board: "Executive Board" } });
    expect(d.pillars.filter((p) => p.kind === "recommendation")).toHaveLength(7);
    expect(d.pillars.filter((p) => p.kind === "enabler").map((p) => p.title)).toEqual([
      "Reformed commissioning",
      "A workforce hub",
      "System governance",
    ]);
    expect(d.totals.actions).toBe(40);
    const phases = new Set(d.pillars.flatMap((p) => p.actions.map((a) => a.phase)));
    expect([...phases].sort()).toEqual(["activation", "embedding", "foundations"]);
    expect(d.exceptions.length).toBeGreaterThan(0);
    expect(d.totals.noUpdate).toBeGreaterThan(0);
    expect(d.totals.noUpdate).toBeLessThan(6);
    // Measures are read from the engine at the quarter end.
    const vacancy = d.pillars[0].actions[0].measures[0];
    expect(vacancy).toMatchObject({ metric: "vacancy_rate", at: "2026-09-30", target: 0.09 });
    expect(vacancy.value).not.toBeNull();
    expect(d.figures.find((f) => f.metric === "turnover_rate")?.value).not.toBeNull();
    for (const q of ["2025-Q4", "2026-Q1", "2026-Q2"]) {
      const earlier = await boardReportData(ctx, q);
      expect(earlier.totals.actions - earlier.totals.noUpdate).toBeGreaterThan(30);
    }
  });

  it("has a register with market fragility risen this quarter, the five assumptions, and the groups' meetings", async () => {
    const d = await boardReportData(ctx, "2026-Q3");
    expect(d.risks.top[0]).toMatchObject({ title: "Market fragility", score: 20, previousScore: 15 });
    expect(d.risks.assumptions.map((a) => a.title)).toContain("Providers willing to engage in co-production");
    expect(d.risks.assumptions.map((a) => a.title)).toContain("Data infrastructure available");
    expect(d.risks.assumptions).toHaveLength(5);
    expect(d.risks.changed.map((c) => c.risk.title)).toContain("Market fragility");
    expect(d.meetings.map((m) => m.groupName)).toContain("Workforce strategy steering group");
    expect(d.forum.length).toBeGreaterThan(0);
  });

  it("lets the provider manager in the steering group record progress on their own action only", async () => {
    const editor = await signedIn(hub, "manager@mersey-view.demo.test", DEMO_PASSWORD);
    const { strategies, currentId } = (await editor.get(`/api/orgs/${council.id}/strategies`)).json;
    expect(strategies).toHaveLength(1);
    const plan = (await editor.get(`/api/orgs/${council.id}/strategies/${currentId}`)).json;
    const actions = plan.pillars.flatMap(
      (p: { actions: { id: string; canUpdate: boolean; owner: { name: string } }[] }) => p.actions,
    );
    const mine = actions.find((a: { canUpdate: boolean }) => a.canUpdate);
    const notMine = actions.find((a: { canUpdate: boolean }) => !a.canUpdate);
    const body = { status: "on_track", narrative: "Demo update", reportedOn: "2026-06-10" };
    const path = (id: string) => `/api/orgs/${council.id}/strategies/${currentId}/actions/${id}/updates/2026-Q2`;
    expect((await editor.request("PUT", path(mine.id), body)).status).toBe(200);
    expect((await editor.request("PUT", path(notMine.id), body)).status).toBe(403);
  });
});
