// npm run bench:report [-- --runs 5]
// Times generating the quarterly board report (issue 16) for the demo council's latest ended
// quarter on the embedded database (PGlite), as `hub report board` and the download do it: the
// figures from the engine at the quarter end, a quarter before and eight quarter ends, the plan,
// the charts drawn and rasterised, the file written. Each format is timed cold (the figure
// summaries emptied first, so every figure is computed from the records), warm (made afresh with
// the figures summarised) and again (a download when nothing changed: the kept file is handed
// out). Target: under 5 s.
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
import { findOrg } from "../src/server/modules/orgs/orgs.service";
import {
  boardReportInput,
  generateBoardReport,
  type ReportFormat,
  renderBoardReport,
} from "../src/server/modules/strategy-report/strategy-report.service";
import { lastEndedQuarter } from "../src/shared/strategy";

const { values } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
const RUNS = Number(values.runs);
if (!(RUNS > 0)) throw new Error(`--runs must be a positive number, not "${values.runs}".`);

const dataDir = mkdtempSync(join(tmpdir(), "hub-bench-report-"));
const env = loadEnv({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn" });
const { deps, database } = await openDeps(env, createLogger("warn"));
const ctx = systemCtx(deps);
const today = new Date().toISOString().slice(0, 10);
const t0 = performance.now();
await seedDemo(ctx, { anchor: today });
console.log(`Demo seeded as at ${today} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const org = await findOrg(ctx, "halton");
if (!org) throw new Error("the demo council (halton) is missing");
const orgCtx = {
  ...ctx,
  org: { id: org.id, kind: "council" as const, name: org.name, slug: org.slug, isDemo: true },
  role: null,
};
const quarter = lastEndedQuarter(today);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const results: string[] = [];
for (const format of ["docx", "pdf"] as ReportFormat[]) {
  // cold and warm make the report afresh (as when anything it rests on has changed); "again" is
  // a download when nothing has: the kept file is handed out.
  for (const mode of ["cold", "warm", "again"] as const) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      if (mode === "cold") await ctx.db.execute(sql`delete from figure_summaries`);
      const start = performance.now();
      const report =
        mode === "again"
          ? await generateBoardReport(orgCtx, quarter, format)
          : await renderBoardReport(await boardReportInput(orgCtx, quarter), format);
      times.push(performance.now() - start);
      bytes = report.bytes.length;
    }
    const line = `${format} ${mode}: median ${(median(times) / 1000).toFixed(2)} s, max ${(Math.max(...times) / 1000).toFixed(2)} s over ${RUNS} runs (${bytes.toLocaleString("en-GB")} bytes)`;
    results.push(line);
    console.log(line);
  }
}
console.log(
  `\n${org.name}, ${quarter}, PGlite on ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, Node ${process.version}`,
);
await database.close();
rmSync(dataDir, { recursive: true, force: true });
