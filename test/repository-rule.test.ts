import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// The repository rule (docs/ARCHITECTURE.md, Layers) is kept by Biome: routes and services may
// not import the query builder or the schema (biome.json, overrides, noRestrictedImports).

const ROOT = new URL("..", import.meta.url).pathname;
const BIOME = join(ROOT, "node_modules/.bin/biome");

/** The restricted-import diagnostics Biome gives for some paths, as "path:line". */
function restrictedImports(cwd: string, paths: string[]) {
  const run = spawnSync(
    BIOME,
    ["lint", "--only=style/noRestrictedImports", "--max-diagnostics=none", "--colors=off", ...paths],
    { cwd, encoding: "utf8" },
  );
  const out = `${run.stdout}\n${run.stderr}`;
  const found = [...out.matchAll(/^(\S+\.ts):(\d+):\d+ lint\/style\/noRestrictedImports/gm)].map(
    (m) => `${m[1]}:${m[2]}`,
  );
  return { status: run.status, found, out };
}

describe("routes and services do not touch tables", () => {
  // A copy of the project's Biome configuration and a made-up feature: if the rule is dropped
  // from biome.json, the service and route below pass and this test fails.
  const dir = mkdtempSync(join(tmpdir(), "repository-rule-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const config = JSON.parse(readFileSync(join(ROOT, "biome.json"), "utf8"));
  delete config.$schema;
  writeFileSync(join(dir, "biome.json"), JSON.stringify(config));
  const probe = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const imports =
    'import { eq, sql } from "drizzle-orm";\nimport { users } from "../../db/schema";\nimport { auditLog } from "../../db/schema/platform";\nexport const all = [eq, sql, users, auditLog];\n';
  probe("src/server/modules/probe/probe.service.ts", imports);
  probe("src/server/modules/probe/probe.routes.ts", imports);
  probe("src/server/modules/probe/probe.repo.ts", imports);
  probe(
    "src/server/modules/probe/probe.presenter.ts",
    'import type { users } from "../../db/schema";\nexport type User = typeof users.$inferSelect;\n',
  );

  it("refuses a service or a route that imports drizzle-orm or the schema, and lets the repository do so", () => {
    const { status, found, out } = restrictedImports(dir, ["src"]);
    expect(status, out).not.toBe(0);
    expect(found.sort()).toEqual(
      ["probe.routes.ts", "probe.service.ts"].flatMap((f) =>
        [1, 2, 3].map((line) => `src/server/modules/probe/${f}:${line}`),
      ),
    );
    expect(out).toContain("put the query in the feature's *.repo.ts");
  });

  it("holds in the project: no route or service imports them", () => {
    const { status, found, out } = restrictedImports(ROOT, ["src/server"]);
    expect(found, out).toEqual([]);
    expect(status, out).toBe(0);
  });
});
