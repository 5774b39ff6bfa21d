import { describe, expect, it } from "vitest";
import { runHub } from "../../test/cli";
import { testHub } from "../../test/harness";
import { trainingArea } from "../../test/training-fixtures";
import { trainingRecords, workforceSettings } from "../server/db/schema";

// `hub training matrix`: the page's matrix as JSON, its CSV export, or a summary per category.

const hub = await testHub();
const env = { ...process.env, LOG_LEVEL: "warn", HUB_SECRET: "cli-test-secret-cli-test-secret-0123456" };
const cli = (...args: string[]) => runHub(args, { env, database: hub.database });

describe("hub training matrix", async () => {
  const a = await trainingArea(hub, { workers: 2 });
  await hub.deps.db
    .insert(workforceSettings)
    .values({ orgId: a.provider.id, requiredTraining: [{ category: 20, roles: null }] });
  await hub.deps.db.insert(trainingRecords).values({
    orgId: a.provider.id,
    staffRecordId: a.staff[0].id,
    category: 20,
    completedOn: "2026-01-10",
    expiresOn: null,
  });

  it("prints each person's cells as JSON", async () => {
    const out = await cli("training", "matrix", "--org", a.provider.slug, "--format", "json");
    expect(out.code, out.stdout + out.stderr).toBe(0);
    const data = out.json();
    expect(data.categories).toEqual([{ category: 20, label: "Safeguarding adults" }]);
    expect(data.rows.map((r: { name: string; cells: { state: string }[] }) => [r.name, r.cells[0].state])).toEqual([
      [a.staff[0].displayId, "valid"],
      [a.staff[1].displayId, "missing"],
    ]);
  });

  it("prints the CSV export", async () => {
    const out = await cli("training", "matrix", "--org", a.provider.slug, "--format", "csv");
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout.trim().split("\r\n")).toEqual([
      "Name,Workplace,Main job role,Safeguarding adults,Safeguarding adults: expires",
      `${a.staff[0].displayId},Home,Care worker,Valid,`,
      `${a.staff[1].displayId},Home,Care worker,Missing,`,
    ]);
  });

  it("refuses an organisation that is not a provider or council", async () => {
    const out = await cli("training", "matrix", "--org", a.partner.slug);
    expect(out.code).not.toBe(0);
    expect(out.stderr).toContain("no council or care provider");
  });
});
