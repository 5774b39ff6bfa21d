import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedDemoOnce, signedIn, testHub } from "../../../../test/harness";
import { showSwFigure } from "../../../shared/sw-figures";
import { organisations } from "../../db/schema";
import { textOf } from "../strategy-report/blocks";
import { socialWorkBlocks, socialWorkReportFigures } from "../strategy-report/social-work-section";

// One answer for the same figure: in the demo, the children's service's vacancy and agency rates
// on 30 September 2026 are the same on the figures page (its API), the board report's social work
// section and the 2026 census (sw-dfe-rates.ts: registered social workers' FTE, the DfE's form).
// The clock is moved to the demo's anchor so that 30 September 2026 has passed.

const hub = await testHub();
await seedDemoOnce(hub);
hub.clock.now = new Date("2026-11-22T09:00:00Z");

describe("the demo's children's service on 30 September 2026", async () => {
  const lead = await signedIn(hub, "sw.lead@halton.demo.test", "demo-password-2026");
  const [council] = await hub.deps.db.select().from(organisations).where(eq(organisations.slug, "halton"));
  const base = `/api/orgs/${council.id}/social-work`;

  it("has one vacancy rate and one agency rate on the figures page, the board report and the census", async () => {
    const census = await lead.get(`${base}/census/2026`);
    expect(census.status, census.text).toBe(200);
    const { vacancy_rate_fte: vacancy, agency_rate_fte: agency } = census.json.aggregate;
    expect(vacancy).toBeGreaterThan(0);
    expect(agency).toBeGreaterThan(0);
    const asCensus = (pc: number) => `${pc.toFixed(1)}%`;

    const page = await lead.get(`${base}/figures?at=2026-09-30&service=children`);
    expect(page.status, page.text).toBe(200);
    const figures = page.json.services[0].figures;
    expect(showSwFigure("vacancy_rate", figures.vacancy_rate)).toBe(asCensus(vacancy));
    expect(showSwFigure("agency_rate", figures.agency_rate)).toBe(asCensus(agency));

    const ctx = {
      ...hub.ctx,
      org: { id: council.id, kind: "council" as const, name: council.name, slug: council.slug, isDemo: true },
      role: null,
    };
    const report = await socialWorkReportFigures(ctx, "2026-09-30");
    const text = textOf(socialWorkBlocks(report as NonNullable<typeof report>));
    const children = text.slice(text.indexOf("Children and families |"));
    expect(children).toContain(`Vacancy rate | ${asCensus(vacancy)} |`);
    expect(children).toContain(`Agency rate | ${asCensus(agency)} |`);
  });
});
