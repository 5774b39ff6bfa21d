import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { prepareDatabase } from "../src/server/boot";
import { openDatabase } from "../src/server/db/client";

declare module "vitest" {
  export interface ProvidedContext {
    /** A tarball of an embedded database already migrated, with its reference data (PGlite lane only). */
    pgliteTemplate: string;
  }
}

/**
 * Prepares the run's database once, before any test file opens it. In the PostgreSQL lane: migrate
 * the run's fresh database, which every worker then shares. On the embedded database: migrate one
 * in memory and keep its data directory as a tarball, which each worker loads (test/harness.ts)
 * instead of running initdb and every migration again: loading it is several times quicker.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const database = await openDatabase({ databaseUrl: url });
    await prepareDatabase(database);
    await database.close();
    return;
  }
  const database = await openDatabase({ inMemory: true });
  await prepareDatabase(database);
  const tarball = await database.pglite?.dumpDataDir("none");
  await database.close();
  if (!tarball) throw new Error("the embedded database gave no data directory to copy");
  const dir = mkdtempSync(join(tmpdir(), "hub-test-template-"));
  const file = join(dir, "pglite.tar");
  writeFileSync(file, new Uint8Array(await tarball.arrayBuffer()));
  project.provide("pgliteTemplate", file);
  return () => rmSync(dir, { recursive: true, force: true });
}
