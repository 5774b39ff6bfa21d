import { createRequire } from "node:module";
import { cruise, type ICruiseResult, type IFlattenedRuleSet } from "dependency-cruiser";
import { describe, expect, it } from "vitest";

// `npm run lint:deps` (in `npm run lint`, so in CI) holds the source tree to the rules of
// .dependency-cruiser.cjs. Here the same rules meet two small trees of fixtures: one whose imports
// all run down, which must pass, and one with each kind of upward import and circle, each of
// which must be caught. If a rule stopped working, the lint would pass whatever the code did.

const config = createRequire(import.meta.url)("../.dependency-cruiser.cjs") as {
  forbidden: IFlattenedRuleSet["forbidden"];
};

async function violations(tree: string) {
  const { output } = await cruise(["src"], {
    baseDir: new URL(`fixtures/import-layers/${tree}`, import.meta.url).pathname,
    validate: true,
    ruleSet: { forbidden: config.forbidden },
    tsPreCompilationDeps: true,
    outputType: "json",
  });
  const result = (typeof output === "string" ? JSON.parse(output) : output) as ICruiseResult;
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

describe("the import rules", () => {
  it("pass a tree whose imports run down: routes → services → repositories → db, features → lib", async () => {
    expect(await violations("layered")).toEqual([]);
  });

  it("catch circles of files and of features, the database importing a feature, and imports between http/ and services", async () => {
    expect(await violations("upward")).toEqual([
      // migrate() calling a feature's repository.
      "db-knows-no-features: src/server/db/client.ts → src/server/modules/orgs/orgs.repo.ts",
      // Middleware calling a service.
      "http-knows-no-features: src/server/http/middleware.ts → src/server/modules/staff/staff.service.ts",
      // Each upward import makes folders import each other: the database and orgs, the web layer
      // and staff; and orgs and staff import each other through different files (no file circle).
      "no-circular-features: src/server/modules/orgs → src/server/db",
      "no-circular-features: src/server/modules/orgs → src/server/modules/staff",
      "no-circular-features: src/server/modules/staff → src/server/db",
      "no-circular-features: src/server/modules/staff → src/server/http",
      "no-circular-features: src/server/modules/staff → src/server/modules/orgs",
      // Two files importing each other (reported once, from the first of them).
      "no-circular: src/server/lib/a.ts → src/server/lib/b.ts",
      // A service reaching into the web layer.
      "only-routes-use-http: src/server/modules/staff/staff.service.ts → src/server/http/params.ts",
    ]);
  });
});
