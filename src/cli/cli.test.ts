import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runHub } from "../../test/cli";
import { testHub } from "../../test/harness";

const dataDir = mkdtempSync(join(tmpdir(), "hub-cli-"));
const pgUrl = process.env.TEST_DATABASE_URL;
const suffix = Math.random().toString(36).slice(2, 8);
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  DATABASE_URL: pgUrl ?? "",
  LOG_LEVEL: "warn",
  HUB_SECRET: "cli-test-secret-cli-test-secret-0123456",
};

// The tests' database (the worker's shared one, or in the PostgreSQL lane the run's), which the
// commands run against: opening a database per command is seconds each on this machine.
const { database } = await testHub();

/**
 * Runs a `hub` command in this process: the same code the command runs, without starting Node
 * and compiling the hub again for every call. `onDisk` runs it on the database the environment
 * names instead (DATA_DIR, or DATABASE_URL in the PostgreSQL lane), opened as the command does.
 */
async function hub(...args: string[]) {
  return runHub(args, { env, database });
}
async function hubOnDisk(...args: string[]) {
  return runHub(args, { env });
}

describe("hub CLI", async () => {
  it("creates a council, a provider it commissions and a user, with JSON output", async () => {
    const council = await hub(
      "org",
      "create",
      "--kind",
      "council",
      "--name",
      "CLI Council",
      "--slug",
      `cli-council-${suffix}`,
      "--format",
      "json",
    );
    expect(council.code, council.stderr).toBe(0);
    expect(council.json()).toMatchObject({ kind: "council", slug: `cli-council-${suffix}` });

    const provider = await hub(
      "org",
      "create",
      "--kind",
      "provider",
      "--name",
      "CLI Care",
      "--slug",
      `cli-care-${suffix}`,
      "--council",
      `cli-council-${suffix}`,
      "--format",
      "json",
    );
    expect(provider.code, provider.stderr).toBe(0);
    expect(provider.json().commissionedBy).toBe(council.json().id);

    const user = await hub(
      "user",
      "create",
      "--email",
      `admin-${suffix}@example.test`,
      "--org",
      provider.json().id,
      "--role",
      "provider_admin",
      "--format",
      "json",
    );
    expect(user.code, user.stderr).toBe(0);
    expect(user.json()).toMatchObject({
      role: "provider_admin",
      organisation: { slug: `cli-care-${suffix}` },
      passwordLinkEmailed: true,
    });

    const text = await hub("org", "create", "--kind", "training_partner", "--name", `CLI College ${suffix}`);
    expect(text.stdout).toMatch(/^Created training_partner "CLI College/);
  });

  it("imports ASC-WDS files and prints the figures for them as { name: value }, as JSON or CSV", async () => {
    const slug = `cli-metrics-${suffix}`;
    expect((await hub("org", "create", "--kind", "provider", "--name", "CLI Metrics Care", "--slug", slug)).code).toBe(
      0,
    );
    const fixtures = ["valid-workplace.csv", "valid-staff.csv"].map((f) => `test/fixtures/ascwds/${f}`);
    const imported = await hub(
      "import",
      "--org",
      slug,
      "--commit",
      "--as-at",
      "2026-06-30",
      ...fixtures,
      "--format",
      "json",
    );
    expect(imported.code, imported.stderr).toBe(0);
    const figures = await hub("metrics", "--org", slug, "--at", "2026-06-30", "--format", "json");
    expect(figures.code, figures.stderr).toBe(0);
    // The staff file: Ann, Bob and Dee permanent, Cat on the bank (in post, not employed). No
    // record has left, so the leavers and vacancies the workplace file declares stand in:
    // HOME1 LEAVERS 1;0 and VACANCIES 2;1, HOME2 VACANCIES 3.
    expect(figures.json()).toMatchObject({
      filled_posts: 4,
      employed_headcount: 3,
      permanent_share: 3 / 4,
      leavers_12m: 1,
      turnover_rate: 1 / 3,
      vacancies: 6,
    });
    const csv = await hub(
      "metrics",
      "--org",
      slug,
      "--at",
      "2026-06-30",
      "--metrics",
      "employed_headcount,agency_spend",
      "--format",
      "csv",
    );
    expect(csv.stdout.trim().split("\n")).toEqual([
      "metric,value,reason,n",
      "employed_headcount,3,,3",
      "agency_spend,,no_data,0",
    ]);
    const bad = await hub("metrics", "--org", slug, "--metrics", "happiness");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("happiness: not a figure the hub computes");
  });

  it("exits non-zero with a clear message on bad arguments", async () => {
    const badKind = await hub("org", "create", "--kind", "shop", "--name", "X");
    expect(badKind.code).toBe(2);
    expect(badKind.stderr).toContain("--kind must be one of: council, provider, training_partner, nhs_partner");
    expect(badKind.stderr).toContain("Usage: hub");

    const missing = await hub("user", "create", "--email", "a@example.test", "--format", "json");
    expect(missing.code).toBe(2);
    expect(missing.json().error).toEqual({ code: "usage", message: "--role is required" });

    expect((await hub("org", "create", "--kind", "council", "--name", "X", "--colour", "red")).stderr).toMatch(
      /Unknown option '--colour'/,
    );
    expect(
      (await hub("user", "create", "--email", "b@example.test", "--org", "no-such-org", "--role", "provider_admin"))
        .stderr,
    ).toContain('no organisation with id or short name "no-such-org"');
    expect((await hub("frobnicate")).code).toBe(2);
  });

  it("runs as the hub command: bin/hub.mjs passes its arguments through and exits with the command's code", () => {
    // One real process: the other tests call main() in process, which this wiring must reach.
    const r = spawnSync(process.execPath, ["bin/hub.mjs", "org", "create", "--kind", "shop", "--name", "X"], {
      encoding: "utf8",
      env,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--kind must be one of: council, provider, training_partner, nhs_partner");
  }, 60_000); // Node and tsx start and compile the hub: slow on a busy machine

  it("exports the embedded database as SQL that a PostgreSQL server loads (or says why not on a server)", async () => {
    // As run for real: each command opens the database the environment names, creating it first.
    const created = await hubOnDisk(
      "org",
      "create",
      "--kind",
      "council",
      "--name",
      "CLI Council",
      "--slug",
      `cli-export-${suffix}`,
    );
    expect(created.code, created.stderr).toBe(0);
    const out = join(dataDir, "export.sql");
    const r = await hubOnDisk("export", "--out", out, "--format", "json");
    if (pgUrl) {
      expect(r.code).toBe(1);
      expect(r.json().error.message).toContain("use that server's own pg_dump");
      return;
    }
    expect(r.code, r.stderr).toBe(0);
    const sql = readFileSync(out, "utf8");
    expect(sql).toContain("CREATE TABLE public.organisations");
    expect(sql).toContain("CREATE TRIGGER audit_log_append_only");
    expect(sql).toMatch(/INSERT INTO public\.organisations VALUES \([^\n]*CLI Council/);
    expect(sql).not.toContain("transaction_timeout");
  }, 120_000); // a new embedded database on disk, opened twice: slow on a busy machine
});
