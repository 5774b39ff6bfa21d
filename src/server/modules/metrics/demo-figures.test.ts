import { describe, expect, it } from "vitest";
import { seedDemoOnce, testHub } from "../../../../test/harness";
import { CALIBRATION } from "../demo/generate";
import { findOrgBySlug } from "../orgs/orgs.repo";
import { metricsFor } from "./metrics.service";

const hub = await testHub();
const ANCHOR = "2026-11-22";

describe("the demo system through the metric engine", () => {
  it("reproduces the figures it was calibrated to, within 0.02 (shares) and 0.005 (turnover and vacancy rate)", async () => {
    await seedDemoOnce(hub, ANCHOR);
    const council = await findOrgBySlug(hub.deps.db, "halton");
    if (!council) throw new Error("demo council missing");
    const ctx = {
      ...hub.ctx,
      org: { id: council.id, kind: "council" as const, name: council.name, slug: council.slug, isDemo: true },
      role: "council_analyst" as const,
    };
    const { figures } = await metricsFor(ctx, "council", ANCHOR);
    const v = (k: string) => figures[k].value as number;
    expect(Math.abs(v("turnover_rate") - CALIBRATION.turnoverRate)).toBeLessThan(0.005);
    expect(Math.abs(v("vacancy_rate") - CALIBRATION.vacancyRate)).toBeLessThan(0.005);
    expect(Math.abs(v("age_55_plus_share") - CALIBRATION.age55PlusShare)).toBeLessThan(0.02);
    expect(Math.abs(v("age_under_30_share") - CALIBRATION.ageUnder30Share)).toBeLessThan(0.02);
    expect(Math.abs(v("gender_share.female") - CALIBRATION.femaleShare)).toBeLessThan(0.02);
    expect(Math.abs(v("permanent_share") - CALIBRATION.permanentShare)).toBeLessThan(0.02);
    expect(Math.abs(v("zero_hours_share") - CALIBRATION.zeroHoursShare)).toBeLessThan(0.02);
    expect(Math.abs(v("no_relevant_qual_share") - CALIBRATION.noRelevantQualShare)).toBeLessThan(0.02);
    expect(Math.abs(v("ethnicity_unknown_share") - CALIBRATION.ethnicityUnknownShare)).toBeLessThan(0.02);
    expect(Math.abs(v("experience_21y_plus_share") - CALIBRATION.experience21yPlusShare)).toBeLessThan(0.02);
    expect(Math.abs(v("filled_posts") - CALIBRATION.workforce)).toBeLessThan(0.02 * CALIBRATION.workforce);
    expect(v("below_nlw_count")).toBe(0); // nobody in the demo is paid below the legal minimum
  });
});
