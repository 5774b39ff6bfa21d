import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { runHub } from "../../test/cli";
import { testHub } from "../../test/harness";
import { socialWorkArea } from "../../test/social-work-fixtures";
import { staffRecords } from "../server/db/schema";

// `hub census`: prints the census's problems, writes problems.csv always and the census files only
// when there are no errors; exit code 1 on errors, 0 otherwise.

const hub = await testHub();
const env = { ...process.env, LOG_LEVEL: "warn", HUB_SECRET: "cli-test-secret-cli-test-secret-0123456" };
const cli = (...args: string[]) => runHub(args, { env, database: hub.database });
const area = await socialWorkArea(hub);
await area.addWorker({ team: area.teams.childrenA, ethnicity: 99 });
const bad = await area.addWorker({ team: area.teams.childrenB, sweNumber: null });
const dirs: string[] = [];
const outDir = () => {
  const d = mkdtempSync(join(tmpdir(), "hub-census-"));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("hub census", () => {
  it("exits 1 with the errors printed, writing only problems.csv", async () => {
    const out = outDir();
    const run = await cli("census", "--org", area.council.slug, "--year", "2025", "--out", out);
    expect(run.code, run.stderr).toBe(1);
    const [record] = await hub.deps.db.select().from(staffRecords).where(eq(staffRecords.id, bad.id));
    expect(run.stdout).toContain("1 error, 3 warnings.");
    expect(run.stdout).toContain(`ERROR row`);
    expect(run.stdout).toContain(`${record.localRef}, SWE number: The SWE number is missing.`);
    expect(run.stdout).toContain("The census files were not written");
    expect(readdirSync(out)).toEqual([`${area.council.slug}-csww-census-2025-problems.csv`]);
    const problems = readFileSync(join(out, readdirSync(out)[0]), "utf8");
    expect(problems.split("\r\n")[0]).toBe("\ufeffRow,Reference,Field,Severity,Problem,How to fix");
    expect(problems).toContain("The SWE number is missing.");
  });

  it("exits 0 and writes the files once the errors are corrected (warnings do not block)", async () => {
    const { swStaff } = await import("../server/db/schema");
    await hub.deps.db.update(swStaff).set({ sweNumber: "SW654321" }).where(eq(swStaff.staffRecordId, bad.id));
    const out = outDir();
    const run = await cli("census", "--org", area.council.id, "--year", "2025", "--out", out, "--format", "json");
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const data = run.json();
    expect(data.counts).toEqual({ employees: 2, agency: 0, errors: 0, warnings: 3 });
    expect(data.aggregate).toMatchObject({ inpost_fte: 2, inpost_headcount: 2 });
    const prefix = `${area.council.slug}-csww-census-2025`;
    expect(readdirSync(out).sort()).toEqual(
      ["aggregate.csv", "census.xlsx", "problems.csv", "workers.csv"].map((f) => `${prefix}-${f}`),
    );
    const workers = readFileSync(join(out, `${prefix}-workers.csv`), "utf8")
      .trim()
      .split("\r\n");
    expect(workers).toHaveLength(3);
    expect(workers.some((l) => l.includes("SW654321"))).toBe(true);
    expect(
      readFileSync(join(out, `${prefix}-census.xlsx`))
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
  });

  it("refuses a provider, a bad year and missing flags (exit 2)", async () => {
    const out = outDir();
    const provider = await cli("census", "--org", area.provider.slug, "--year", "2025", "--out", out);
    expect(provider.code).toBe(2);
    expect(provider.stderr).toContain("no council");
    const year = await cli("census", "--org", area.council.slug, "--year", "1999", "--out", out);
    expect(year.code).toBe(2);
    expect(year.stderr).toMatch(/--year: Give the census year as a year from 2017 to \d{4}/);
    const missing = await cli("census", "--org", area.council.slug, "--year", "2025");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--out is required");
    expect(existsSync(join(out, `${area.council.slug}-csww-census-1999-problems.csv`))).toBe(false);
  });
});
