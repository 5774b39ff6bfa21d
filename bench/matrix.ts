// npm run bench:matrix [-- --staff 1000 --runs 30]
// Times the training matrix (issue 18: a 1,000-staff provider's matrix under 1 s, its XLSX export
// under 2 s) through the HTTP app, signed in as the provider's admin, on the embedded database
// (PGlite) in its own thread as the server runs it. Seeds one provider with 20 workplaces, 1,000
// staff in post across five job roles, 12 required categories (some for named roles only) and
// realistic training records (about 9 a person, some expired, some superseded by a newer one,
// some never done), then asks for the matrix and its XLSX export in turn and prints p50 and p95.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { createApp } from "../src/server/app";
import { openDeps } from "../src/server/boot";
import { systemCtx } from "../src/server/context";
import type { Exec } from "../src/server/db/client";
import { staffRecords, trainingRecords, workforceSettings, workplaces } from "../src/server/db/schema";
import { loadEnv } from "../src/server/env";
import { createLogger } from "../src/server/lib/logger";
import { createOrganisation } from "../src/server/modules/orgs/orgs.service";
import { createUserWithMembership } from "../src/server/modules/users/users.service";

const { values } = parseArgs({
  options: { staff: { type: "string", default: "1000" }, runs: { type: "string", default: "30" } },
});
const STAFF = Number(values.staff);
const RUNS = Number(values.runs);
if (!(STAFF > 0) || !(RUNS > 0)) throw new Error("--staff and --runs must be positive numbers");

const dataDir = mkdtempSync(join(tmpdir(), "hub-bench-matrix-"));
const env = loadEnv({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn" });
const { deps, database } = await openDeps(env, createLogger("warn"), { thread: true });
const db = deps.db as Exec;

let seed = 20261204;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const TODAY = Date.now();
const DAY = 86_400_000;

const t0 = performance.now();
const ctx = systemCtx(deps);
const provider = await createOrganisation(ctx, { kind: "provider", name: "Bench Care" });
const council = await createOrganisation(ctx, { kind: "council", name: "Bench Council" });
const password = "correct horse battery staple";
await createUserWithMembership(ctx, {
  email: "bench-admin@example.test",
  name: "Bench admin",
  password,
  orgId: provider.id,
  role: "provider_admin",
});
const places = await db
  .insert(workplaces)
  .values(
    Array.from({ length: 20 }, (_, i) => ({
      orgId: provider.id,
      councilId: council.id,
      localRef: `W${i}`,
      name: `Home ${String(i + 1).padStart(2, "0")}`,
      mainService: 2,
      postcode: "WA7 1AA",
    })),
  )
  .returning();
const ROLES = [8, 8, 8, 8, 7, 9, 23, 22];
const REQUIRED = [
  { category: 20, roles: null },
  { category: 6, roles: null },
  { category: 9, roles: null },
  { category: 10, roles: null },
  { category: 15, roles: null },
  { category: 8, roles: null },
  { category: 7, roles: null },
  { category: 22, roles: null },
  { category: 14, roles: null },
  { category: 13, roles: [7, 8, 9] },
  { category: 2, roles: [8, 7] },
  { category: 11, roles: [22, 23] },
];
await db.insert(workforceSettings).values({ orgId: provider.id, requiredTraining: REQUIRED });
const staff = await db
  .insert(staffRecords)
  .values(
    Array.from({ length: STAFF }, (_, i) => ({
      orgId: provider.id,
      workplaceId: places[i % places.length].id,
      localRef: `S${i}`,
      displayId: `Staff ${String(i + 1).padStart(4, "0")}`,
      contractType: 1,
      mainJobRole: pick(ROLES),
      startDate: "2019-01-01",
    })),
  )
  .returning({ id: staffRecords.id });
const records: (typeof trainingRecords.$inferInsert)[] = [];
for (const s of staff)
  for (const r of REQUIRED) {
    if (rand() < 0.12) continue; // never done
    const completed = TODAY - Math.floor(rand() * 900) * DAY;
    const expires = completed + 365 * DAY;
    records.push({
      orgId: provider.id,
      staffRecordId: s.id,
      category: r.category,
      name: "Course",
      validityMonths: 12,
      completedOn: day(completed),
      expiresOn: day(expires),
    });
    // An older record superseded by this one.
    if (rand() < 0.3)
      records.push({
        orgId: provider.id,
        staffRecordId: s.id,
        category: r.category,
        completedOn: day(completed - 365 * DAY),
        expiresOn: day(completed),
      });
  }
for (let i = 0; i < records.length; i += 2000) await db.insert(trainingRecords).values(records.slice(i, i + 2000));
await db.execute(sql`analyze`);
console.log(
  `Seeded ${STAFF.toLocaleString("en-GB")} staff, ${records.length.toLocaleString("en-GB")} training records, ${REQUIRED.length} required categories in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

const { app } = createApp(deps);
const signIn = await app.request("/api/auth/sign-in", {
  method: "POST",
  headers: { "content-type": "application/json", "x-forwarded-for": "192.0.2.1" },
  body: JSON.stringify({ email: "bench-admin@example.test", password }),
});
const cookie = /hub_session=[^;]*/.exec(signIn.headers.get("set-cookie") ?? "")?.[0];
if (!cookie) throw new Error(`sign-in failed: ${signIn.status}`);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const SHAPES = [
  { name: "matrix (JSON), all staff", path: "/training/matrix", target: 1000 },
  { name: "matrix (JSON), state=expired", path: "/training/matrix?state=expired", target: 1000 },
  { name: "matrix.xlsx, all staff", path: "/training/matrix.xlsx", target: 2000 },
  { name: "matrix.csv, all staff", path: "/training/matrix.csv", target: 2000 },
];
let failed = false;
for (const shape of SHAPES) {
  const ask = async () => {
    const res = await app.request(`/api/orgs/${provider.id}${shape.path}`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${shape.path} answered ${res.status}: ${await res.text()}`);
    return (await res.arrayBuffer()).byteLength;
  };
  for (let i = 0; i < 3; i++) await ask(); // warm up
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    bytes = await ask();
    times.push(performance.now() - start);
  }
  const p95 = pct(times, 95);
  if (p95 > shape.target) failed = true;
  console.log(
    `${shape.name.padEnd(32)} p50 ${pct(times, 50).toFixed(0).padStart(5)} ms  p95 ${p95.toFixed(0).padStart(5)} ms  (target < ${shape.target} ms; ${(bytes / 1024).toFixed(0)} KB)`,
  );
}
console.log(
  `\n${RUNS} requests a shape, one at a time, through the HTTP app; PGlite in its own thread on ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, Node ${process.version}`,
);
await database.close();
rmSync(dataDir, { recursive: true, force: true });
if (failed) process.exitCode = 1;
