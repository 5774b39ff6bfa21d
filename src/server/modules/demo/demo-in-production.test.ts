import { describe, expect, it } from "vitest";
import { testHub, uniq } from "../../../../test/harness";
import { createOrganisation } from "../orgs/orgs.service";
import { demoInProductionProblem } from "./demo-in-production";

describe("production refuses to start on a database holding the demo system", () => {
  it("names the demo's public password and the way on, unless ALLOW_DEMO_IN_PRODUCTION is set", async () => {
    const production = await testHub({ NODE_ENV: "production" });
    await createOrganisation(production.ctx, { kind: "council", name: `Demo council ${uniq()}`, isDemo: true });
    const problem = await demoInProductionProblem(production.ctx);
    expect(problem).toMatch(/NODE_ENV is production and the database holds the demo system/);
    expect(problem).toMatch(/ALLOW_DEMO_IN_PRODUCTION=true/);
    expect(problem).toMatch(/SEED_DEMO=false/);

    const allowed = {
      ...production.ctx,
      deps: { ...production.deps, env: { ...production.deps.env, ALLOW_DEMO_IN_PRODUCTION: true } },
    };
    expect(await demoInProductionProblem(allowed)).toBeNull();
    const development = {
      ...production.ctx,
      deps: { ...production.deps, env: { ...production.deps.env, NODE_ENV: "development" as const } },
    };
    expect(await demoInProductionProblem(development)).toBeNull();
  });
});
