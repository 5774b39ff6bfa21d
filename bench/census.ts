// npm run bench:census [-- --runs 10]
// Times the demo council's children's social work workforce census (issue 20: under 5 s on the
// embedded database): seeds the demo system on embedded PGlite (in its own thread, as the server
// runs it), then produces Halton's 2026 census several times, each time reading the records,
// running every check and writing workers.csv, aggregate.csv and census.xlsx, and prints the
// median and the slowest run. Exits 1 when the median is 5 s or more.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDeps } from "../src/server/boot";
import { systemCtx } from "../src/server/context";
import { loadEnv } from "../src/server/env";
import { createLogger } from "../src/server/lib/logger";
import { seedDemo } from "../src/server/modules/demo/seed";
import { produceCensus } from "../src/server/modules/socialwork/census.service";
import { CENSUS_FILES, censusFileOf } from "../src/server/modules/socialwork/census-files.service";

const { values } = parseArgs({ options: { runs: { type: "string", default: "10" } } });
const RUNS = Number(values.runs);
if (!(RUNS > 0)) throw new Error("--runs must be a positive number");
const TARGET_MS = 5000;

const dataDir = mkdtempSync(join(tmpdir(), "hub-bench-census-"));
const env = loadEnv({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn" });
const { deps, database } = await openDeps(env, createLogger("warn"), { thread: true });
const ctx = systemCtx(deps);

const t0 = performance.now();
await seedDemo(ctx, { anchor: "2026-11-22" });
await ctx.db.execute(sql`analyze`);
const [org] = (
  await ctx.db.execute(sql`select id, kind, name, slug, is_demo as "isDemo" from organisations where slug = 'halton'`)
).rows as { id: string; kind: "council"; name: string; slug: string; isDemo: boolean }[];
console.log(`Seeded the demo system in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const orgCtx = { ...ctx, org, role: null };
const once = async () => {
  const { census } = await produceCensus(orgCtx, 2026);
  let bytes = 0;
  for (const f of CENSUS_FILES) {
    const { body } = await censusFileOf(census, f);
    bytes += typeof body === "string" ? Buffer.byteLength(body) : body.byteLength;
  }
  return { census, bytes };
};
const warm = await once();
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  await once();
  times.push(performance.now() - start);
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor((sorted.length - 1) / 2)];
const c = warm.census;
console.log(
  `Halton's 2026 census: ${c.counts.employees} employee records, ${c.counts.agency} agency assignments, ${c.counts.errors} errors, ${c.counts.warnings} warnings; files ${(warm.bytes / 1024).toFixed(0)} KB`,
);
const byField = new Map<string, number>();
for (const p of c.problems) byField.set(`${p.severity} ${p.field}`, (byField.get(`${p.severity} ${p.field}`) ?? 0) + 1);
console.log(`Problems: ${[...byField].map(([k, n]) => `${k} ${n}`).join(", ") || "none"}`);
console.log(
  `check + files, ${RUNS} runs: median ${median.toFixed(0)} ms, slowest ${sorted[sorted.length - 1].toFixed(0)} ms (target < ${TARGET_MS} ms)`,
);
console.log(`PGlite in its own thread on ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, Node ${process.version}`);
await database.close();
rmSync(dataDir, { recursive: true, force: true });
if (median >= TARGET_MS) process.exitCode = 1;
