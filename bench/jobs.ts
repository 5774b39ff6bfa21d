// npm run bench:jobs [-- --adverts 10000 --runs 200]
// Times the public job board's search (issue 17: under 200 ms p95 with 10,000 adverts) through
// the HTTP app, on the embedded database (PGlite) in its own thread as the server runs it. Seeds
// one council with ~200 employers, 10,000 published adverts spread over the shipped postcode
// districts (and a tenth as many closed ones the board must skip), then asks several shapes of
// search in turn and prints p50, p95 and the slowest per shape, with the machine.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { createApp } from "../src/server/app";
import { openDeps } from "../src/server/boot";
import type { Exec } from "../src/server/db/client";
import { jobAdverts, organisations, postcodeDistricts, vacancies, workplaces } from "../src/server/db/schema";
import { loadEnv } from "../src/server/env";
import { createLogger } from "../src/server/lib/logger";

const { values } = parseArgs({
  options: { adverts: { type: "string", default: "10000" }, runs: { type: "string", default: "200" } },
});
const ADVERTS = Number(values.adverts);
const RUNS = Number(values.runs);
if (!(ADVERTS > 0) || !(RUNS > 0)) throw new Error("--adverts and --runs must be positive numbers");
const EMPLOYERS = 200;

const dataDir = mkdtempSync(join(tmpdir(), "hub-bench-jobs-"));
const env = loadEnv({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn" });
const { deps, database } = await openDeps(env, createLogger("warn"), { thread: true });
const db = deps.db as Exec;

// A small deterministic generator, so every run seeds the same board.
let seed = 20261204;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];

const TITLES = [
  "Care worker",
  "Senior care worker",
  "Night care assistant",
  "Support worker",
  "Home carer",
  "Domiciliary care worker",
  "Team leader",
  "Registered nurse",
  "Activities coordinator",
  "Deputy manager",
];
const JOB_ROLES = [8, 8, 8, 8, 9, 23, 7, 16, 5, 43, 4];
const SUMMARIES = [
  "Support people to live well in their own homes.",
  "Join our friendly residential team caring for older people.",
  "Help adults with learning disabilities live independently.",
  "Work nights in our dementia care home.",
  "Lead a small team delivering person-centred care.",
];

const t0 = performance.now();
const districts = await db.select().from(postcodeDistricts);
const [council] = await db
  .insert(organisations)
  .values({ kind: "council", name: "Bench Council", slug: "bench-council" })
  .returning();
const employers = await db
  .insert(organisations)
  .values(
    Array.from({ length: EMPLOYERS }, (_, i) => ({
      kind: "provider",
      name: `Employer ${i + 1}`,
      slug: `bench-employer-${i + 1}`,
    })),
  )
  .returning();
const places = await db
  .insert(workplaces)
  .values(
    employers.flatMap((e, i) =>
      [0, 1].map((j) => {
        const d = districts[(i * 2 + j) % districts.length];
        return {
          orgId: e.id,
          councilId: council.id,
          localRef: `W${i}-${j}`,
          name: `${e.name} home ${j + 1}`,
          mainService: 2,
          town: d.place,
          postcode: `${d.outward} 1AA`,
        };
      }),
    ),
  )
  .returning();
const districtOf = new Map(districts.map((d) => [d.outward, d]));

const total = ADVERTS + Math.floor(ADVERTS / 10);
for (let start = 0; start < total; start += 1000) {
  const n = Math.min(1000, total - start);
  const rows = Array.from({ length: n }, (_, k) => {
    const i = start + k;
    const w = pick(places);
    return { i, w, jobRole: pick(JOB_ROLES) };
  });
  const vs = await db
    .insert(vacancies)
    .values(rows.map((r) => ({ orgId: r.w.orgId, workplaceId: r.w.id, jobRole: r.jobRole, openedOn: "2026-01-01" })))
    .returning({ id: vacancies.id });
  await db.insert(jobAdverts).values(
    rows.map((r, k) => {
      const outward = (r.w.postcode ?? "").split(" ")[0];
      const d = districtOf.get(outward);
      const yearly = r.jobRole === 4 || r.jobRole === 43;
      const zero = rand() < 0.15;
      const closed = r.i >= ADVERTS;
      return {
        orgId: r.w.orgId,
        councilId: council.id,
        workplaceId: r.w.id,
        vacancyId: vs[k].id,
        reference: `B${r.i}`,
        title: pick(TITLES),
        jobRole: r.jobRole,
        summary: pick(SUMMARIES),
        description: "What you will do:\n- Personal care\n- Medication support\n\nFull training given.",
        payUnit: yearly ? "year" : "hour",
        payMinPence: yearly ? 3_500_000 + Math.floor(rand() * 1_500_000) : 1271 + Math.floor(rand() * 150),
        hoursPerWeek: zero ? null : pick([16, 20, 24, 30, 37.5, 40]),
        contractType: zero ? "bank" : pick(["permanent", "permanent", "permanent", "temporary"]),
        zeroHours: zero,
        drivingRequired: rand() < 0.3,
        visaSponsorship: rand() < 0.1,
        noExperienceNeeded: rand() < 0.4,
        closingDate: closed ? "2026-01-31" : "2099-12-31",
        status: closed ? "closed" : "published",
        publishedAt: new Date(Date.UTC(2026, 0, 1) + r.i * 60_000),
        postcode: r.w.postcode,
        outward,
        lat: d?.lat ?? null,
        lng: d?.lng ?? null,
      };
    }),
  );
}
// Fresh statistics, as autovacuum would have them on a board that grew over months.
await db.execute(sql`analyze`);
console.log(
  `Seeded ${ADVERTS.toLocaleString("en-GB")} published adverts (and ${(total - ADVERTS).toLocaleString("en-GB")} closed) across ${EMPLOYERS} employers in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

const { app } = createApp(deps);
const SHAPES: { name: string; query: string }[] = [
  { name: "no filter", query: "" },
  { name: "q=night", query: "&q=night" },
  { name: "postcode WA7, 10 miles", query: "&postcode=WA7%201AB&radius=10" },
  { name: "page 20, no filter", query: "&page=20" },
  {
    name: "role + postcode + hours + pay + no experience",
    query: "&role=8&postcode=WA8&radius=5&hours=full_time&payMin=12.9&noExperience=true",
  },
  { name: "q + contract + driving", query: "&q=care&contract=permanent&driving=false" },
];
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const ask = async (query: string) => {
  const res = await app.request(`/api/public/jobs?council=bench-council${query}`);
  if (res.status !== 200) throw new Error(`search ${query} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { total: number };
};
const lines: string[] = [];
for (const shape of SHAPES) {
  for (let i = 0; i < 10; i++) await ask(shape.query); // warm up
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    found = (await ask(shape.query)).total;
    times.push(performance.now() - start);
  }
  const line = `${shape.name.padEnd(48)} p50 ${pct(times, 50).toFixed(1).padStart(6)} ms  p95 ${pct(times, 95).toFixed(1).padStart(6)} ms  max ${Math.max(
    ...times,
  )
    .toFixed(1)
    .padStart(6)} ms  (${found.toLocaleString("en-GB")} found)`;
  lines.push(line);
  console.log(line);
}
console.log(
  `\n${RUNS} searches a shape, one at a time, through the HTTP app; PGlite in its own thread on ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, Node ${process.version}`,
);
await database.close();
rmSync(dataDir, { recursive: true, force: true });
