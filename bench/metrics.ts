// npm run bench:metrics [-- --councils 150 --blocks 2.6 --runs 20 --reuse]
// Builds a national-size system and times the figures people ask for: a council's full dashboard
// and the whole country's headline figures. On PostgreSQL when DATABASE_URL is set (the national
// system), and on PGlite for one council of about 10,000 staff.
//
// The system is made of blocks, each one demo council's providers as the demo generator makes
// them (realistic distributions calibrated to national figures, three years of history with
// leavers, rejoiners and vacancies, and the demo's mandatory training): a council gets 2 or 3
// blocks, each generated workplace is split in two, and a quarter of the providers are two
// employers, so 150 councils hold about 1.6 million staff records in 19,500 employers and
// 43,700 workplaces.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { createApp } from "../src/server/app";
import { prepareDatabase } from "../src/server/boot";
import { type OrgCtx, systemActor, systemCtx } from "../src/server/context";
import { type Exec, openDatabase } from "../src/server/db/client";
import { loadEnv } from "../src/server/env";
import { DEFAULT_ADMISSION } from "../src/server/http/admission";
import { personKey } from "../src/server/lib/crypto";
import { createLogger } from "../src/server/lib/logger";
import { generateDemo } from "../src/server/modules/demo/generate";
import { Random } from "../src/server/modules/demo/random";
import { DEMO_REQUIRED_TRAINING, demoTraining } from "../src/server/modules/demo/seed";
import { councilDashboard } from "../src/server/modules/metrics/dashboard.service";
import { cellKey, computeGrid } from "../src/server/modules/metrics/engine";
import { nationalHeadlines } from "../src/server/modules/metrics/metrics.service";
import { latestNationalHeadlines, refreshNationalHeadlines } from "../src/server/modules/metrics/refresh";
import { listPayFloors } from "../src/server/modules/reference/reference.repo";
import { createUserWithMembership } from "../src/server/modules/users/users.service";
import { HEADLINE_NAMES } from "../src/shared/metrics";

const { values } = parseArgs({
  options: {
    councils: { type: "string", default: "150" },
    blocks: { type: "string", default: "2.6" },
    runs: { type: "string", default: "20" },
    "pglite-blocks": { type: "string", default: "4" },
    reuse: { type: "boolean", default: false },
    "skip-pglite": { type: "boolean", default: false },
  },
});
for (const name of ["councils", "blocks", "runs", "pglite-blocks"] as const) {
  const n = Number(values[name]);
  if (!(n > 0)) throw new Error(`--${name} must be a positive number, not "${values[name]}".`);
}
const AT = "2026-06-30";
const SECRET = "bench-secret-bench-secret-bench-secret-00";
const RUNS = Number(values.runs);

const secs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Inserts rows as one JSON value per statement: fast on both engines, and no parameter limit. */
async function insertJson(db: Exec, table: string, rows: Record<string, unknown>[]) {
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = JSON.stringify(rows.slice(i, i + 5000));
    await db.execute(
      sql`insert into ${sql.identifier(table)} select * from json_populate_recordset(null::${sql.identifier(table)}, ${chunk}::json)`,
    );
  }
}

const uuid = () => crypto.randomUUID();

/** One council with `blocks` generated blocks of providers; returns its id and record count. */
async function buildCouncil(db: Exec, c: number, blocks: number) {
  const councilId = uuid();
  await insertJson(db, "organisations", [
    {
      id: councilId,
      kind: "council",
      name: `Bench council ${c}`,
      slug: `bench-council-${c}`,
      is_demo: false,
      created_at: new Date(),
    },
  ]);
  let records = 0;
  for (let b = 0; b < blocks; b++) {
    const data = generateDemo(AT, 1000 * c + b + 1);
    const orgIds = new Map<string, string>();
    // A quarter of the providers are two employers: the "East" half of their workplaces belongs to
    // a sister organisation (`eastOf`), as groups run sites under separate registered companies.
    const eastOf = new Map<string, string>();
    const orgs = data.orgs
      .filter((o) => o.kind === "provider")
      .flatMap((o, i) => {
        orgIds.set(o.key, uuid());
        const row = {
          id: orgIds.get(o.key),
          kind: "provider",
          name: `${o.name} ${c}.${b}`,
          slug: `bench-${c}-${b}-${o.key}`,
          is_demo: false,
          created_at: new Date(),
        };
        if (i % 4 !== 0) return [row];
        eastOf.set(o.key, uuid());
        return [row, { ...row, id: eastOf.get(o.key), name: `${row.name} East`, slug: `${row.slug}-east` }];
      });
    const employer = (orgKey: string, half: number) =>
      (half === 1 && eastOf.has(orgKey) ? eastOf.get(orgKey) : orgIds.get(orgKey)) as string;
    await insertJson(db, "organisations", orgs);
    await insertJson(
      db,
      "commissioning",
      orgs.map((o) => ({
        id: uuid(),
        council_id: councilId,
        provider_id: o.id,
        from_date: "2020-04-01",
        created_at: new Date(),
      })),
    );
    // Each generated workplace becomes two, its staff alternating between them.
    const places = new Map<string, [string, string]>();
    const workplaces = data.workplaces
      .filter((w) => orgIds.has(w.orgKey))
      .flatMap((w) => {
        const pair: [string, string] = [uuid(), uuid()];
        places.set(w.key, pair);
        return pair.map((id, half) => ({
          id,
          org_id: employer(w.orgKey, half),
          council_id: councilId,
          local_ref: `${w.localRef}-${half}`,
          name: `${w.name} ${half ? "East" : "West"}`,
          employer_type: w.employerType,
          main_service: w.mainService,
          other_services: [],
          capacity: w.capacity,
          utilisation: w.utilisation,
          address1: w.address1,
          town: w.town,
          postcode: w.postcode,
          ascwds: {},
          created_at: new Date(),
          updated_at: new Date(),
        }));
      });
    await insertJson(db, "workplaces", workplaces);
    const staff = data.staff
      .filter((s) => orgIds.has(s.orgKey))
      .map(({ orgKey, workplaceKey, ni, ...s }, i) => ({
        id: uuid(),
        org_id: employer(orgKey, i % 2),
        workplace_id: (places.get(workplaceKey) as [string, string])[i % 2],
        local_ref: s.localRef,
        display_id: s.displayId,
        // Each block's people are its own: its NI numbers never link to another block's.
        person_key: ni ? personKey(SECRET, `${c}.${b}.${ni}`) : null,
        date_of_birth: s.dateOfBirth,
        gender: s.gender,
        ethnicity: s.ethnicity,
        nationality: s.nationality,
        disabled: s.disabled,
        contract_type: s.contractType,
        zero_hours: s.zeroHours,
        contracted_hours: s.contractedHours,
        average_hours: s.averageHours,
        pay_interval: s.payInterval,
        pay_rate: s.payRate,
        main_job_role: s.mainJobRole,
        main_job_start_date: s.mainJobStartDate,
        start_date: s.startDate,
        sector_start_year: s.sectorStartYear,
        social_care_qual: s.socialCareQual,
        social_care_qual_level: s.socialCareQualLevel,
        care_certificate: s.careCertificate,
        apprentice: s.apprentice,
        days_sick: s.daysSick,
        cwp_category: s.cwpCategory,
        recruitment_source: s.recruitmentSource,
        end_date: s.endDate,
        leaving_reason: s.leavingReason,
        created_at: new Date(),
        updated_at: new Date(),
      }));
    await insertJson(db, "staff_records", staff);
    records += staff.length;
    // Every employer requires the demo's mandatory training, and its staff in post hold most of it.
    await insertJson(
      db,
      "workforce_settings",
      orgs.map((o) => ({
        org_id: o.id,
        standard_weekly_hours: null,
        required_training: DEMO_REQUIRED_TRAINING,
        updated_at: new Date(),
      })),
    );
    const inPost = staff
      .filter((r) => r.end_date === null && r.contract_type !== 4)
      .map((r) => ({ id: r.id, orgId: r.org_id, role: r.main_job_role, start: r.start_date }));
    await insertJson(
      db,
      "training_records",
      demoTraining(inPost, AT, new Random(1000 * c + b + 1)).map((t) => ({
        id: uuid(),
        org_id: t.orgId,
        staff_record_id: t.staffRecordId,
        category: t.category,
        accredited: t.accredited,
        validity_months: t.validityMonths,
        completed_on: t.completedOn,
        created_at: new Date(),
      })),
    );
    await insertJson(
      db,
      "vacancies",
      data.vacancies
        .filter((v) => orgIds.has(v.orgKey))
        .map((v, i) => ({
          id: uuid(),
          org_id: employer(v.orgKey, i % 2),
          workplace_id: (places.get(v.workplaceKey) as [string, string])[i % 2],
          job_role: v.jobRole,
          opened_on: v.openedOn,
          closed_on: v.closedOn,
          created_at: new Date(),
        })),
    );
  }
  // Agency spend: a third of workplaces buy agency staff every month of the three years.
  await db.execute(sql`
    insert into agency_use (org_id, workplace_id, month, hours, spend)
    select w.org_id, w.id, m::date, 120, 2500 + (abs(hashtext(w.id::text || m::text)) % 2500)
    from workplaces w cross join generate_series(${AT}::date - interval '35 months', ${AT}::date, interval '1 month') m
    where w.council_id = ${councilId} and abs(hashtext(w.id::text)) % 3 = 0`);
  return { councilId, records };
}

async function build(db: Exec, councils: number, blocksEach: number) {
  const t = performance.now();
  const ids: string[] = [];
  let records = 0;
  for (let c = 0; c < councils; c++) {
    // A fractional average spreads evenly: 2.5 gives councils of 3, 2, 3, 2… blocks.
    const blocks = Math.max(1, Math.round((c + 1) * blocksEach) - Math.round(c * blocksEach));
    const built = await buildCouncil(db, c, blocks);
    ids.push(built.councilId);
    records += built.records;
    if (c % 10 === 9)
      console.log(
        `  built ${c + 1} of ${councils} councils, ${records.toLocaleString("en-GB")} staff records, ${secs(performance.now() - t)}`,
      );
  }
  await db.execute(sql`analyze`);
  console.log(`built in ${secs(performance.now() - t)}`);
}

async function describe(db: Exec) {
  const [row] = (
    await db.execute(sql`select
      (select count(*) from organisations where kind = 'council' and slug like 'bench-%')::int as councils,
      (select count(*) from organisations where kind = 'provider' and slug like 'bench-%')::int as employers,
      (select count(*) from workplaces)::int as workplaces,
      (select count(*) from staff_records)::int as records,
      (select count(*) from staff_records where start_date <= ${AT}::date and (end_date is null or end_date > ${AT}::date) and contract_type <> 4)::int as in_post,
      (select count(*) from vacancies)::int as vacancies,
      (select count(*) from training_records)::int as training,
      (select count(*) from agency_use)::int as agency_months`)
  ).rows as Record<string, number>[];
  console.log(
    `system: ${row.councils} councils, ${row.employers.toLocaleString("en-GB")} employers, ${row.workplaces.toLocaleString("en-GB")} workplaces, ${row.records.toLocaleString("en-GB")} staff records (${row.in_post.toLocaleString("en-GB")} in post at ${AT}), ${row.vacancies.toLocaleString("en-GB")} vacancy records, ${row.training.toLocaleString("en-GB")} training records, ${row.agency_months.toLocaleString("en-GB")} agency months`,
  );
}

async function councilCtx(db: Exec, deps: OrgCtx["deps"], slug: string): Promise<OrgCtx> {
  const [org] = (await db.execute(sql`select id, name, slug from organisations where slug = ${slug}`)).rows as {
    id: string;
    name: string;
    slug: string;
  }[];
  return { db, deps, actor: systemActor, log: deps.log, org: { ...org, kind: "council", isDemo: false }, role: null };
}

async function timeDashboards(db: Exec, deps: OrgCtx["deps"], slugs: string[], label: string) {
  for (const slug of slugs) {
    const ctx = await councilCtx(db, deps, slug);
    const [{ n }] = (
      await db.execute(sql`select count(*)::int as n from staff_records s join commissioning c on c.provider_id = s.org_id
        where c.council_id = ${ctx.org.id} and s.start_date <= ${AT}::date and (s.end_date is null or s.end_date > ${AT}::date) and s.contract_type <> 4`)
    ).rows as { n: number }[];
    // Every run computes everything: the summaries (ADR 0009) are emptied first.
    const computed: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await db.execute(sql`truncate figure_summaries`);
      const t = performance.now();
      const d = await councilDashboard(ctx, AT);
      computed.push(performance.now() - t);
      if (!d.now.filled_posts.value) throw new Error("the dashboard came back empty");
    }
    // Then read from the summaries the last run made.
    const kept: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await councilDashboard(ctx, AT);
      kept.push(performance.now() - t);
    }
    computed.sort((a, b) => a - b);
    kept.sort((a, b) => a - b);
    console.log(
      `${label} council dashboard, ${slug} (${n.toLocaleString("en-GB")} staff in post): computed without summaries over ${RUNS} runs p50 ${secs(pct(computed, 50))}, p95 ${secs(pct(computed, 95))}; from summaries p50 ${secs(pct(kept, 50))}, p95 ${secs(pct(kept, 95))}`,
    );
  }
}

/** The 7 figures the issue compares with one hand-written statement (identical numbers asked for). */
const SEVEN = [
  "filled_posts",
  "employed_headcount",
  "leavers_12m",
  "turnover_rate",
  "vacancies",
  "vacancy_rate",
  "pay_median_hourly.care_worker",
];

/**
 * The 7-figure subset for a council, side by side in one run, alternating: the engine
 * (computeGrid, only those figures), one hand-written SQL statement over the same tables and
 * workplaces, and GET /api/orgs/:orgId/metrics?metrics=… through the app (a signed-in council
 * analyst's cookie, tenancy checks, commissioning, disclosure, the route and JSON), in process.
 * The numbers must be the same.
 */
async function timeSubset(db: Exec, deps: OrgCtx["deps"], slug: string, label: string) {
  const ctx = await councilCtx(db, deps, slug);
  const ids = (
    (
      await db.execute(
        sql`select w.id from workplaces w join commissioning c on c.provider_id = w.org_id where c.council_id = ${ctx.org.id}`,
      )
    ).rows as { id: string }[]
  ).map((r) => r.id);
  const floors = await listPayFloors(db);
  const engine = async () => {
    const f = (await computeGrid(db, ids, [{ at: AT, by: "all" }], floors, SEVEN))
      .get(cellKey({ at: AT, by: "all" }))
      ?.get("all");
    return SEVEN.map((k) => f?.[k]?.value ?? null);
  };
  const ref = `{${ids.join(",")}}`;
  const handWritten = async () => {
    const [r] = (
      await db.execute(sql`
        select count(*) filter (where s.contract_type <> 4 and s.start_date <= ${AT}::date and (s.end_date is null or s.end_date > ${AT}::date))::int as filled,
          count(*) filter (where s.contract_type in (1, 2) and s.start_date <= ${AT}::date and (s.end_date is null or s.end_date > ${AT}::date))::int as employed,
          count(*) filter (where s.contract_type in (1, 2) and s.end_date > (${AT}::date - interval '12 months') and s.end_date <= ${AT}::date)::int as leavers,
          (select count(*) from vacancies v where v.workplace_id = any(${ref}::uuid[]) and v.opened_on <= ${AT}::date and (v.closed_on is null or v.closed_on > ${AT}::date))::int as vacancies,
          percentile_cont(0.5) within group (order by case when s.pay_interval = 3 then s.pay_rate::float8
            when s.pay_interval = 1 and s.contracted_hours > 0 then s.pay_rate::float8 / (s.contracted_hours::float8 * 52.143) end)
            filter (where s.main_job_role = 8 and s.contract_type <> 4 and s.start_date <= ${AT}::date and (s.end_date is null or s.end_date > ${AT}::date)) as pay
        from staff_records s where s.workplace_id = any(${ref}::uuid[])`)
    ).rows as { filled: number; employed: number; leavers: number; vacancies: number; pay: number | null }[];
    const round2 = (v: number) => Math.round(v * 100) / 100;
    return [
      r.filled,
      r.employed,
      r.leavers,
      r.employed ? r.leavers / r.employed : null,
      r.vacancies,
      r.vacancies / (r.employed + r.vacancies),
      r.pay === null ? null : round2(r.pay),
    ];
  };
  const { app } = createApp(deps as never, { admission: { ...DEFAULT_ADMISSION, maxLagMs: Number.POSITIVE_INFINITY } });
  const email = `bench-analyst-${Date.now()}@example.test`;
  const password = "bench password bench password";
  await createUserWithMembership(systemCtx(deps as never), {
    email,
    name: "Bench analyst",
    password,
    orgId: ctx.org.id,
    role: "council_analyst",
  });
  const signIn = await app.request("/api/auth/sign-in", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  const cookie = /hub_session=[^;]*/.exec(signIn.headers.get("set-cookie") ?? "")?.[0];
  if (!cookie) throw new Error(`the bench analyst could not sign in: ${signIn.status}`);
  const api = async () => {
    const res = await app.request(`/api/orgs/${ctx.org.id}/metrics?at=${AT}&metrics=${SEVEN.join(",")}`, {
      headers: { cookie },
    });
    if (res.status !== 200) throw new Error(`metrics API: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { figures: Record<string, { value: number | null }> };
    return SEVEN.map((k) => body.figures[k]?.value ?? null);
  };
  await db.execute(sql`truncate figure_summaries`);
  const same = (a: (number | null)[], b: (number | null)[]) =>
    a.every((v, i) => (v === null ? b[i] === null : Math.abs(v - (b[i] ?? Number.NaN)) < 1e-9));
  const [e, h, a] = [await engine(), await handWritten(), await api()];
  if (!same(e, h) || !same(e, a)) throw new Error(`the 7 figures differ: engine ${e}, SQL ${h}, API ${a}`);
  const times = { engine: [] as number[], sql: [] as number[], api: [] as number[] };
  for (let i = 0; i < RUNS; i++)
    for (const [k, f] of [
      ["sql", handWritten],
      ["engine", engine],
      ["api", api],
    ] as const) {
      const t = performance.now();
      await f();
      times[k].push(performance.now() - t);
    }
  for (const list of Object.values(times)) list.sort((x, y) => x - y);
  const p50 = (k: keyof typeof times) => pct(times[k], 50);
  console.log(
    `${label} 7-figure subset, ${slug}, over ${RUNS} alternating runs: hand-written SQL p50 ${secs(p50("sql"))}, p95 ${secs(pct(times.sql, 95))}; engine p50 ${secs(p50("engine"))}, p95 ${secs(pct(times.engine, 95))} (${(p50("engine") / p50("sql")).toFixed(2)}× the SQL); HTTP API p50 ${secs(p50("api"))}, p95 ${secs(pct(times.api, 95))} (${(p50("api") / p50("sql")).toFixed(2)}× the SQL). Figures: ${e.join(", ")}`,
  );
}

/**
 * The whole country's headlines: computed from the records as the daily job does, then read as
 * the hub admin's page reads them (the job's latest, kept with its time), and once through the
 * engine's summary for the same data.
 */
async function timeNational(db: Exec, deps: OrgCtx["deps"], label: string) {
  const ctx = { db, deps, actor: systemActor, log: deps.log };
  await db.execute(sql`truncate figure_summaries`);
  let t = performance.now();
  const f = await refreshNationalHeadlines(ctx, AT);
  console.log(
    `${label} national headline figures computed (the daily job): ${secs(performance.now() - t)}, RSS ${Math.round(process.memoryUsage().rss / 1048576)} MB (filled posts ${f.filled_posts.value?.toLocaleString("en-GB")}, ${HEADLINE_NAMES.length} figures)`,
  );
  t = performance.now();
  await nationalHeadlines(ctx, AT);
  console.log(`${label} national headline figures through the engine's summary: ${secs(performance.now() - t)}`);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    const latest = await latestNationalHeadlines(deps);
    times.push(performance.now() - t);
    if (latest?.figures.filled_posts.value !== f.filled_posts.value)
      throw new Error("the latest national figures differ from those computed");
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label} national headline figures as the page reads them, over ${RUNS} runs: p50 ${secs(pct(times, 50))}, p95 ${secs(pct(times, 95))}`,
  );
}

async function open(databaseUrl?: string) {
  const dir = mkdtempSync(join(tmpdir(), "hub-bench-metrics-"));
  const database = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir: dir });
  await prepareDatabase(database);
  const env = loadEnv({ NODE_ENV: "test", HUB_SECRET: SECRET, DATA_DIR: dir });
  const deps = {
    db: database.db,
    env,
    log: createLogger("silent"),
    secret: SECRET,
    now: () => new Date(`${AT}T12:00:00Z`),
  };
  return { database, deps, dir };
}

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}`);

if (process.env.DATABASE_URL) {
  const { database, deps, dir } = await open(process.env.DATABASE_URL);
  const db = deps.db;
  const [{ n }] = (
    await db.execute(sql`select count(*)::int as n from organisations where slug like 'bench-council-%'`)
  ).rows as { n: number }[];
  if (!(values.reuse && n > 0)) {
    if (n > 0)
      throw new Error("DATABASE_URL already holds a bench system: use a fresh database, or --reuse to time it again.");
    await build(db, Number(values.councils), Number(values.blocks));
  }
  const [{ v }] = (await db.execute(sql`select version() as v`)).rows as { v: string }[];
  console.log(`PostgreSQL: ${v.split(",")[0]}`);
  await describe(db);
  await timeDashboards(db, deps, ["bench-council-0", "bench-council-1", "bench-council-75"], "PostgreSQL");
  await timeSubset(db, deps, "bench-council-0", "PostgreSQL");
  await timeNational(db, deps, "PostgreSQL");
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}

if (!values["skip-pglite"]) {
  const { database, deps, dir } = await open();
  await build(deps.db, 1, Number(values["pglite-blocks"]));
  console.log("PGlite 0.5 (embedded)");
  await describe(deps.db);
  await timeDashboards(deps.db, deps, ["bench-council-0"], "PGlite");
  await timeSubset(deps.db, deps, "bench-council-0", "PGlite");
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
