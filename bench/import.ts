// npm run bench:import [-- --staff 100000 --workplaces 1000] [--validation-only]
// Generates realistic ASC-WDS files, then measures validation side by side with csv-parse and the
// hub's own tokenizer on the same staff file, validation and commit throughput and peak memory,
// on PGlite (a fresh data directory) and on PostgreSQL when DATABASE_URL is set.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parse as csvParse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { systemActor } from "../src/server/context";
import { openDatabase } from "../src/server/db/client";
import { loadEnv } from "../src/server/env";
import { createLogger } from "../src/server/lib/logger";
import { csvRows, decode } from "../src/server/modules/ascwds/csv";
import { ProblemList } from "../src/server/modules/ascwds/problems";
import { csvSheets, readUpload } from "../src/server/modules/ascwds/read-upload";
import {
  applyUpload,
  commitStoredImport,
  createImport,
  validateStoredImport,
} from "../src/server/modules/imports/imports.service";
import { createOrganisation } from "../src/server/modules/orgs/orgs.service";
import { generateFiles } from "./ascwds-files";

const { values } = parseArgs({
  options: {
    staff: { type: "string", default: "100000" },
    workplaces: { type: "string", default: "1000" },
    memory: { type: "boolean", default: false },
    "commit-only": { type: "boolean", default: false },
    "validation-only": { type: "boolean", default: false },
    rounds: { type: "string", default: "7" },
  },
});
const STAFF = Number(values.staff);
const WORKPLACES = Number(values.workplaces);
const AS_AT = "2026-06-30";

let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);
const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;

const generate = (errorEvery: number, payRise = 0) =>
  generateFiles({ staff: STAFF, workplaces: WORKPLACES, errorEvery, payRise });

function measureValidation(files: ReturnType<typeof generate>) {
  const before = process.memoryUsage().rss;
  peak = before;
  const t = performance.now();
  const problems = new ProblemList();
  const parsed = readUpload(
    csvSheets(files, problems),
    { asAt: AS_AT, allowExampleNi: false, existingWorkplaces: new Set(), existingStaff: new Set() },
    problems,
  );
  const ms = performance.now() - t;
  return {
    ms,
    errors: parsed.errors,
    warnings: parsed.warnings,
    rowsPerSecond: Math.round(STAFF / (ms / 1000)),
    peakRss: Math.max(peak, process.memoryUsage().rss),
    rssBefore: before,
  };
}

async function measureCommit(
  label: string,
  files: ReturnType<typeof generate>,
  raised: ReturnType<typeof generate>,
  databaseUrl?: string,
) {
  const dir = mkdtempSync(join(tmpdir(), "hub-bench-"));
  const database = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir: dir });
  await database.migrate();
  const env = loadEnv({ NODE_ENV: "test", HUB_SECRET: "bench-secret-bench-secret-bench-secret-00", DATA_DIR: dir });
  const deps = {
    db: database.db,
    env,
    log: createLogger("silent"),
    secret: env.HUB_SECRET as string,
    now: () => new Date(`${AS_AT}T12:00:00Z`),
  };
  const ctx = { db: deps.db, deps, actor: systemActor, log: deps.log };
  const org = await createOrganisation(ctx, { kind: "provider", name: `Bench provider ${Date.now()}` });
  const orgCtx = {
    ...ctx,
    org: { id: org.id, kind: "provider" as const, name: org.name, slug: org.slug, isDemo: false },
    role: null,
  };
  const rate = (ms: number) => `${Math.round(STAFF / (ms / 1000)).toLocaleString("en-GB")} rows/s`;
  // First upload (every record new), the same files again (nothing changes), then every pay rate raised.
  for (const [what, upload] of [
    ["new", files],
    ["same again", files],
    ["pay rise", raised],
  ] as const) {
    // Each measurement starts from a checkpoint, so it does not pay for the previous one's writes
    // (or for the database just created) being flushed.
    const checkpoint = () => (database.kind === "postgres" ? deps.db.execute(sql`checkpoint`) : Promise.resolve());
    await checkpoint();
    peak = process.memoryUsage().rss;
    // The preview: the files checked against the stored records and the changes staged.
    const t0 = performance.now();
    const record = await createImport(orgCtx, upload, AS_AT);
    const previewed = await validateStoredImport(orgCtx, record.id);
    const previewMs = performance.now() - t0;
    if (previewed?.status !== "ready") throw new Error(`the bench upload was not ready: ${previewed?.status}`);
    await checkpoint();
    // The commit: one transaction under the organisation's lock.
    const t1 = performance.now();
    const done = await commitStoredImport(orgCtx, record.id, { missing: { default: { action: "keep" } } });
    const ms = performance.now() - t1;
    const applied = (done?.summary as { applied: { staffNew: number; staffUpdated: number } } | undefined)?.applied ?? {
      staffNew: 0,
      staffUpdated: 0,
    };
    console.log(
      `commit  ${label.padEnd(10)} ${what.padEnd(10)} ${(ms / 1000).toFixed(2)} s = ${rate(ms)}; preview before it (check and stage) ${(previewMs / 1000).toFixed(2)} s = ${rate(previewMs)}; peak RSS ${mb(peak)}; new ${applied.staffNew}, updated ${applied.staffUpdated}`,
    );
  }
  // Files applied without a preview (the CLI's import --commit, the records API): all of it in one transaction.
  const other = await createOrganisation(ctx, { kind: "provider", name: `Bench provider direct ${Date.now()}` });
  if (database.kind === "postgres") await deps.db.execute(sql`checkpoint`);
  const t2 = performance.now();
  const direct = await applyUpload(
    { ...orgCtx, org: { ...orgCtx.org, id: other.id, slug: other.slug } },
    files,
    AS_AT,
    { missing: { default: { action: "keep" } } },
  );
  const directMs = performance.now() - t2;
  const { validateMs, stageMs, applyMs } = direct.timings;
  console.log(
    `direct  ${label.padEnd(10)} new        ${(directMs / 1000).toFixed(2)} s = ${rate(directMs)} (check ${(validateMs / 1000).toFixed(2)} s, stage ${(stageMs / 1000).toFixed(2)} s, apply ${(applyMs / 1000).toFixed(2)} s); new ${direct.applied.staffNew}`,
  );
  const [{ n }] = (await deps.db.execute(sql`select count(*)::int as n from staff_records where org_id = ${org.id}`))
    .rows as { n: number }[];
  console.log(`        ${label.padEnd(10)} ${n.toLocaleString("en-GB")} staff records stored`);
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Memory of one validation, in a fresh process run as a child with --memory, --expose-gc and
 * --trace-gc: the heap's high-water mark while the file is checked (the largest heap V8 reports
 * before any collection) above the heap before it, against what validation keeps (the parsed rows
 * and problems, after a full collection) and the file's text. Rows are read from the CSV one at a
 * time, so the high-water mark should be about one copy of the rows plus the text.
 */
function measureMemory() {
  const gc = (globalThis as { gc?: () => void }).gc as () => void;
  const files = generate(1000);
  gc();
  const base = process.memoryUsage().heapUsed;
  console.log(`memory-base ${base}`);
  const problems = new ProblemList();
  const parsed = readUpload(
    csvSheets(files, problems),
    { asAt: AS_AT, allowExampleNi: false, existingWorkplaces: new Set(), existingStaff: new Set() },
    problems,
  );
  console.log("memory-end");
  gc();
  console.log(
    `memory-result ${JSON.stringify({ base, kept: process.memoryUsage().heapUsed - base, rows: parsed.staff.length, file: files[1].bytes.length })}`,
  );
}
if (values.memory) {
  measureMemory();
  process.exit(0);
}

function memoryRun(n: number) {
  const child = spawnSync(
    process.execPath,
    [
      "--expose-gc",
      "--trace-gc",
      "--import",
      "tsx",
      fileURLToPath(import.meta.url),
      "--memory",
      "--staff",
      String(n),
      "--workplaces",
      String(Math.round(n / 100)),
    ],
    { encoding: "utf8", maxBuffer: 64 * 1048576 },
  );
  const lines = child.stdout.split("\n");
  const from = lines.findIndex((l) => l.startsWith("memory-base"));
  const to = lines.findIndex((l) => l.startsWith("memory-end"));
  const result = lines.find((l) => l.startsWith("memory-result"));
  if (from < 0 || to < 0 || !result) throw new Error(`memory run failed: ${child.stderr}`);
  const { base, kept, rows, file } = JSON.parse(result.slice("memory-result ".length));
  // "Scavenge 134.2 (152.6) -> 119.7 ..." : the heap in use before each collection, in MB.
  const before = lines
    .slice(from, to)
    .flatMap((l) =>
      [...l.matchAll(/: (?:Scavenge|Mark-Compact|Minor Mark-Compact)[^0-9]*([0-9.]+) \(/g)].map(
        (m) => Number(m[1]) * 1048576,
      ),
    );
  const high = Math.max(base, ...before) - base;
  console.log(
    `memory  ${n.toLocaleString("en-GB").padStart(7)} staff rows (file ${mb(file)}): heap high-water mark while validating ${mb(high)} above the start; the parsed rows and problems kept ${mb(kept)} (${rows.toLocaleString("en-GB")} rows); high-water / (kept + file) = ${(high / (kept + file)).toFixed(2)}`,
  );
}

/**
 * The same staff file three ways, in turn, round after round: csv-parse giving arrays of cells,
 * the hub's tokenizer alone, and the hub's whole validation (every rule, the problem report and
 * the parsed records). Each starts from the file's bytes. The workplaces are the organisation's
 * existing ones, so every staff row is checked in full. Medians, and the median of each round's
 * validation ÷ csv-parse, so that a machine that drifts does not tilt the comparison.
 */
function measureSideBySide(files: ReturnType<typeof generate>, rounds: number) {
  const staff = files[1];
  const buffer = Buffer.from(staff.bytes.buffer, staff.bytes.byteOffset, staff.bytes.byteLength);
  const existingWorkplaces = new Set(Array.from({ length: WORKPLACES }, (_, i) => `W${i}`));
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  const runs: Record<"csvParse" | "tokenizer" | "validation", () => number> = {
    csvParse: () => (csvParse(buffer) as string[][]).length - 1,
    tokenizer: () => {
      let n = -1;
      for (const _ of csvRows(decode(staff.bytes).text)) n++;
      return n;
    },
    validation: () => {
      const problems = new ProblemList();
      const parsed = readUpload(
        csvSheets([staff], problems),
        { asAt: AS_AT, allowExampleNi: false, existingWorkplaces, existingStaff: new Set() },
        problems,
      );
      if (parsed.errors === 0 || parsed.staff.length === 0)
        throw new Error("the side-by-side file should give some errors and many records");
      return parsed.files[0].rows;
    },
  };
  const rates: Record<keyof typeof runs, number[]> = { csvParse: [], tokenizer: [], validation: [] };
  const ratios: number[] = [];
  const names = Object.keys(runs) as (keyof typeof runs)[];
  for (let round = 0; round <= rounds; round++) {
    // Each round starts with a different one, so none always runs straight after another's garbage.
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length];
      gc();
      const t = performance.now();
      const rows = runs[name]();
      const ms = performance.now() - t;
      if (rows !== STAFF) throw new Error(`${name} read ${rows} rows, not ${STAFF}`);
      if (round > 0) rates[name].push(STAFF / (ms / 1000)); // round 0 warms up
    }
    if (round > 0) ratios.push((rates.validation.at(-1) as number) / (rates.csvParse.at(-1) as number));
  }
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const show = (xs: number[]) =>
    `${Math.round(median(xs)).toLocaleString("en-GB").padStart(9)} rows/s (min ${Math.round(Math.min(...xs)).toLocaleString("en-GB")}, max ${Math.round(Math.max(...xs)).toLocaleString("en-GB")})`;
  console.log(
    `side by side, the same ${STAFF.toLocaleString("en-GB")}-row staff file, ${rounds} alternating rounds after a warm-up, medians:`,
  );
  console.log(`  csv-parse (arrays)     ${show(rates.csvParse)}`);
  console.log(`  hub tokenizer alone    ${show(rates.tokenizer)}`);
  console.log(`  hub validation         ${show(rates.validation)}`);
  console.log(
    `  validation ÷ csv-parse ${median(ratios).toFixed(2)}× (per round: ${ratios.map((r) => r.toFixed(2)).join(", ")})`,
  );
}

const withErrors = generate(1000);
const staffBytes = withErrors[1].bytes.length;
console.log(
  `Generated ${STAFF.toLocaleString("en-GB")} staff rows in ${WORKPLACES.toLocaleString("en-GB")} workplaces: staff file ${mb(staffBytes)}`,
);
if (!values["commit-only"]) measureSideBySide(withErrors, Number(values.rounds));
if (values["validation-only"]) process.exit(0);
for (let run = 1; run <= (values["commit-only"] ? 0 : 3); run++) {
  const v = measureValidation(withErrors);
  console.log(
    `validate run ${run}: ${(v.ms / 1000).toFixed(2)} s = ${v.rowsPerSecond.toLocaleString("en-GB")} rows/s; ${v.errors} errors, ${v.warnings} warnings; peak RSS ${mb(v.peakRss)} (${mb(v.peakRss - v.rssBefore)} above the start, file ${mb(staffBytes)})`,
  );
}
if (!values["commit-only"]) for (const n of [25_000, 50_000, 100_000]) memoryRun(n);
const clean = generate(0);
const raised = generate(0, 0.25);
// With DATABASE_URL and --commit-only, just the server's commit figures (for profiling).
if (!(values["commit-only"] && process.env.DATABASE_URL)) await measureCommit("PGlite", clean, raised);
if (process.env.DATABASE_URL) await measureCommit("PostgreSQL", clean, raised, process.env.DATABASE_URL);
clearInterval(sampler);
