import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedDemoOnce, signedIn, testHub } from "../../../../test/harness";
import { organisations } from "../../db/schema";

// The demo council's 2026 census (1 October 2025 to 30 September 2026) has no errors, so the
// service lead can download it (the browser test does): the base gives every record a date of
// birth, sex, hours and an SWE number; part E's agency assignments carry SWE numbers and rates;
// part C2's September 2026 caseloads cover the case holders in post.

const hub = await testHub();
await seedDemoOnce(hub);

describe("the demo's census", async () => {
  const lead = await signedIn(hub, "sw.lead@halton.demo.test", "demo-password-2026");
  const [council] = await hub.deps.db.select().from(organisations).where(eq(organisations.slug, "halton"));
  const orgId = council.id;

  it("has no errors, over 100 children's social workers in post, and downloads", async () => {
    expect(orgId).toBeTruthy();
    const res = await lead.get(`/api/orgs/${orgId}/social-work/census/2026`);
    expect(res.status, res.text).toBe(200);
    const errors = res.json.problems.filter((p: { severity: string }) => p.severity === "error");
    expect(errors, JSON.stringify(errors.slice(0, 5))).toEqual([]);
    expect(res.json.aggregate.inpost_headcount).toBeGreaterThan(100);
    const xlsx = await lead.get(`/api/orgs/${orgId}/social-work/census/2026/census.xlsx`);
    expect(xlsx.status).toBe(200);
  });

  // These come from part E's agency demo and part C2's September 2026 caseloads.
  it("counts agency workers and the September caseloads", async () => {
    const res = await lead.get(`/api/orgs/${orgId}/social-work/census/2026`);
    expect(res.json.aggregate.agency_headcount).toBeGreaterThan(0);
    expect(res.json.aggregate.cases).toBeGreaterThan(0);
    expect(res.json.aggregate.caseload_fte).toBeGreaterThan(5);
  });
});
