import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedDemoOnce, testHub } from "../../../../test/harness";

// The commissioning demo tells the story the issue asks for: two quarters of compliance in which
// a few providers miss a standard (not all of them: Halton's contracts phase the standards in),
// the Real Living Wage floor among the standards every contract carries, and one challenge of each
// kind (accepted with an override, open).

describe("commissioning demo: compliance", () => {
  it("has two quarters with a few providers failing, the RLW floor on every contract, and its challenges", async () => {
    const hub = await testHub();
    await seedDemoOnce(hub);
    const council = sql`(select id from organisations where slug = 'halton')`;
    const byPeriod = (
      await hub.deps.db.execute(sql`
        select period,
               count(distinct provider_id) filter (where coalesce(override_status, status) = 'not_met')::int as failing,
               count(distinct provider_id)::int as providers
        from compliance_results where council_id = ${council} group by period order by period`)
    ).rows as { period: string; failing: number; providers: number }[];
    expect(byPeriod).toHaveLength(2);
    for (const p of byPeriod) {
      expect(p.failing, p.period).toBeGreaterThan(0);
      expect(p.failing, p.period).toBeLessThanOrEqual(p.providers * 0.75);
    }
    const withoutRlw = await hub.deps.db.execute(sql`
      select c.id from contracts c where c.council_id = ${council} and not exists (
        select 1 from contract_standards cs join commissioning_standards s on s.id = cs.standard_id
        where cs.contract_id = c.id and s.kind = 'rlw_floor')`);
    expect(withoutRlw.rows).toEqual([]);
    const challenges = (
      await hub.deps.db.execute(
        sql`select status from compliance_challenges where council_id = ${council} order by status`,
      )
    ).rows.map((r) => (r as { status: string }).status);
    expect(challenges).toEqual(["accepted", "open"]);
  }, 120_000);
});
