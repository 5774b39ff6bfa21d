import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { SECRET } from "../../test/harness";
import { openDatabase } from "./db/client";

const dataDir = mkdtempSync(join(tmpdir(), "hub-demo-exposure-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Starts the real server as `npm start` does (always on its own embedded database here). */
function start(env: Record<string, string>) {
  const base = { ...process.env };
  for (const key of ["SEED_DEMO", "ALLOW_DEMO_IN_PRODUCTION", "DATABASE_URL", "HOST", "PORT"]) delete base[key];
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    encoding: "utf8",
    timeout: 90_000, // a hub that started instead of refusing is stopped here, and the test fails
    env: {
      ...base,
      NODE_ENV: "production",
      HUB_SECRET: SECRET,
      DATA_DIR: dataDir,
      PORT: "39417",
      LOG_LEVEL: "warn",
      ...env,
    },
  });
  return { code: r.status, stderr: r.stderr };
}

describe("production and the demo system", () => {
  it("refuses to start with SEED_DEMO=true, saying why", () => {
    const r = start({ SEED_DEMO: "true" });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /SEED_DEMO: true in production, but the demo system's sign-ins and password are published/,
    );
  });

  it("refuses to start on a database that holds the demo organisations", async () => {
    const database = await openDatabase({ dataDir });
    await database.migrate();
    await database.db.execute(
      sql`insert into organisations (kind, name, slug, is_demo) values ('council', 'Demo Borough Council', 'demo-borough', true)`,
    );
    await database.close();
    const r = start({});
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /NODE_ENV is production and the database holds the demo system.*ALLOW_DEMO_IN_PRODUCTION=true/,
    );
  });
});
