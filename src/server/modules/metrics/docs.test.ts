import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { makeOrg, testHub } from "../../../../test/harness";
import { metricsFor } from "./metrics.service";

const hub = await testHub();
const DOC = new URL("../../../../docs/metrics.md", import.meta.url).pathname;

describe("docs/metrics.md", () => {
  it("lists exactly the figures the engine computes", async () => {
    const org = await makeOrg(hub, "provider");
    const ctx = {
      ...hub.ctx,
      org: { id: org.id, kind: "provider" as const, name: org.name, slug: org.slug, isDemo: false },
      role: null,
    };
    const computed = Object.keys((await metricsFor(ctx, "employer", "2026-06-30")).figures).sort();
    const table = readFileSync(DOC, "utf8")
      .split("\n")
      .filter((l) => l.startsWith("| `"))
      .map((l) => l.split("|")[1]);
    const listed = [...table.join(" ").matchAll(/`([a-z0-9_.]+)`/g)].map((m) => m[1]).sort();
    expect(listed).toEqual(computed);
  });
});
