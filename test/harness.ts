import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { createApp } from "../src/server/app";
import { prepareDatabase } from "../src/server/boot";
import { type Deps, systemCtx } from "../src/server/context";
import { type Database, openDatabase } from "../src/server/db/client";
import { staffRecords, vacancies, workplaces } from "../src/server/db/schema";
import { loadEnv } from "../src/server/env";
import { DEFAULT_ADMISSION } from "../src/server/http/admission";
import { createLogger } from "../src/server/lib/logger";
import { commissionProvider, createOrganisation } from "../src/server/modules/orgs/orgs.service";
import { createUserWithMembership } from "../src/server/modules/users/users.service";
import type { OrgKind, Role } from "../src/shared/permissions";

export const PASSWORD = "correct horse battery staple";
export const SECRET = "test-secret-test-secret-test-secret-0123";

let workerDatabase: Promise<Database> | undefined;

/**
 * The database this test worker's files share, opened by the first of them (vitest runs a worker's
 * files in one module graph: `isolate: false`). Tests build their own organisations (`uniq`), as
 * they do in the PostgreSQL lane, where every file shares the run's one database. It stays open
 * until the worker exits: a file must not close it under the next one.
 */
function sharedDatabase(): Promise<Database> {
  workerDatabase ??= (async () => {
    const url = process.env.TEST_DATABASE_URL;
    // The run's database, prepared by test/global-setup.ts.
    if (url) return openDatabase({ databaseUrl: url });
    // TEST_PGLITE_THREAD=1 runs the suite on the embedded database in its own thread, as the server does.
    if (process.env.TEST_PGLITE_THREAD === "1") {
      const database = await openDatabase({ inMemory: true, thread: true });
      await prepareDatabase(database);
      return database;
    }
    // A copy of the database test/global-setup.ts prepared once for the whole run.
    return openDatabase({ inMemory: true, template: new Blob([readFileSync(inject("pgliteTemplate"))]) });
  })();
  return workerDatabase;
}

/**
 * A whole hub for a test file: the worker's shared database (embedded, or in the PostgreSQL lane
 * the run's database), the real app, a controllable clock and the captured log lines.
 */
export async function testHub(envOverrides: Record<string, string> = {}) {
  const database = await sharedDatabase();
  const logLines: string[] = [];
  const clock = { now: new Date("2026-06-15T09:00:00Z") };
  const env = loadEnv({
    NODE_ENV: "test",
    HUB_SECRET: SECRET,
    PUBLIC_URL: "http://hub.test",
    DATA_DIR: "/tmp/hub-test",
    LOG_LEVEL: "debug",
    TRUST_PROXY: "true",
    ...envOverrides,
  });
  const deps: Deps = {
    db: database.db,
    env,
    log: createLogger("debug", {}, (l) => logLines.push(l)),
    secret: SECRET,
    now: () => clock.now,
  };
  // The tests themselves hold the event loop (building a 49 MB file, say), which would read as an
  // overloaded hub: here only the lanes' limits apply, not the lag check (tested on its own).
  const { app, router } = createApp(deps, { admission: { ...DEFAULT_ADMISSION, maxLagMs: Number.POSITIVE_INFINITY } });
  return { app, router, deps, database, clock, logLines, ctx: systemCtx(deps) };
}
export type Hub = Awaited<ReturnType<typeof testHub>>;

/** A unique suffix: tests build their own organisations, so they can share a database. */
export const uniq = () => randomUUID().slice(0, 8);

export async function makeOrg(hub: Hub, kind: OrgKind, name = `${kind} ${uniq()}`) {
  return createOrganisation(hub.ctx, { kind, name });
}

export async function makeUser(
  hub: Hub,
  org: { id: string } | null,
  role?: Role,
  opts: { isHubAdmin?: boolean; email?: string } = {},
) {
  const email = opts.email ?? `${role ?? "user"}-${uniq()}@example.test`;
  const { user, membership } = await createUserWithMembership(hub.ctx, {
    email,
    name: `Test ${role ?? "user"}`,
    password: PASSWORD,
    orgId: org?.id,
    role,
    isHubAdmin: opts.isHubAdmin,
  });
  return { ...user, email, membershipId: membership?.id ?? null };
}

/** A council with one commissioned provider, and an admin in each. */
export async function makeSystem(hub: Hub) {
  const council = await makeOrg(hub, "council");
  const provider = await makeOrg(hub, "provider");
  await commissionProvider(hub.ctx, { councilId: council.id, providerId: provider.id, fromDate: "2020-01-01" });
  const councilAdmin = await makeUser(hub, council, "council_admin");
  const providerAdmin = await makeUser(hub, provider, "provider_admin");
  return { council, provider, councilAdmin, providerAdmin };
}

/** An HTTP client for the app that keeps its cookie and sends the CSRF token, like the web client. */
export class Client {
  cookie = "";
  csrf = "";
  lastSetCookie: string | null = null;
  private headers: Record<string, string>;
  constructor(
    private hub: Hub,
    headers: Record<string, string> = {},
  ) {
    // Each client comes from its own address, so sign-in throttling does not couple tests.
    this.headers = { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}-${uniq()}`, ...headers };
  }

  async request(method: string, path: string, body?: unknown, extra: Record<string, string> = {}) {
    const headers: Record<string, string> = { ...this.headers, ...extra };
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== "GET" && this.csrf && !("x-csrf-token" in extra)) headers["x-csrf-token"] = this.csrf;
    if (body !== undefined || method !== "GET") headers["content-type"] ??= "application/json";
    const res = await this.hub.app.request(path, {
      method,
      headers,
      body: body === undefined ? (method === "GET" ? undefined : "{}") : JSON.stringify(body),
    });
    const setCookie = res.headers.get("set-cookie");
    if (setCookie) {
      this.lastSetCookie = setCookie;
      const value = /hub_session=([^;]*)/.exec(setCookie)?.[1] ?? "";
      this.cookie = value ? `hub_session=${value}` : "";
    }
    const text = await res.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {}
    if (json?.csrfToken) this.csrf = json.csrfToken;
    return { status: res.status, json, text, headers: res.headers };
  }
  get = (path: string) => this.request("GET", path);
  post = (path: string, body?: unknown, extra?: Record<string, string>) => this.request("POST", path, body, extra);
  patch = (path: string, body?: unknown) => this.request("PATCH", path, body);
  delete = (path: string) => this.request("DELETE", path);
}

export async function signedIn(hub: Hub, email: string, password = PASSWORD) {
  const client = new Client(hub);
  const res = await client.post("/api/auth/sign-in", { email, password });
  if (res.status !== 200) throw new Error(`sign-in failed for test user: ${res.status} ${res.text}`);
  return client;
}

/** The newest email queued for an address, and the link in it. */
export async function lastEmailTo(hub: Hub, address: string) {
  const { outbox } = await import("../src/server/db/schema");
  const { desc, eq } = await import("drizzle-orm");
  const [mail] = await hub.deps.db
    .select()
    .from(outbox)
    .where(eq(outbox.toAddress, address))
    .orderBy(desc(outbox.createdAt))
    .limit(1);
  if (!mail) return null;
  const token = /token=([\w-]+)/.exec(mail.body)?.[1] ?? null;
  return { ...mail, token };
}

/**
 * The demo system, seeded once per database: in the PostgreSQL lane test files share one
 * database, so an advisory lock makes the second file wait and then find it there.
 */
export async function seedDemoOnce(hub: Hub, anchor = "2026-11-22") {
  const { sql } = await import("drizzle-orm");
  const { seedDemo } = await import("../src/server/modules/demo/seed");
  await hub.deps.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(20261122)`);
    const found = (await tx.execute(sql`select 1 from organisations where slug = 'halton'`)).rows.length > 0;
    if (!found) await seedDemo({ ...hub.ctx, db: tx }, { anchor });
  });
}

/**
 * A provider the council commissions (since 2020) with one workplace in its area, `workers` care
 * workers in post since 2020, and `open` care worker vacancies opened on `openedOn`.
 */
export async function commissionedProvider(
  hub: Hub,
  councilId: string,
  { workers, open = 0, openedOn = "2026-01-15" }: { workers: number; open?: number; openedOn?: string },
) {
  const org = await makeOrg(hub, "provider");
  await commissionProvider(hub.ctx, { councilId, providerId: org.id, fromDate: "2020-01-01" });
  const [w] = await hub.deps.db
    .insert(workplaces)
    .values({ orgId: org.id, councilId, localRef: `W${uniq()}`, name: "Home", mainService: 2, postcode: "WA7 1AA" })
    .returning();
  await hub.deps.db.insert(staffRecords).values(
    Array.from({ length: workers }, (_, i) => ({
      orgId: org.id,
      workplaceId: w.id,
      localRef: `S${i}`,
      displayId: `S${i}`,
      contractType: 1,
      mainJobRole: 8,
      startDate: "2020-01-01",
      dateOfBirth: "1990-01-01",
      ethnicity: 31,
      payInterval: 3,
      payRate: 12.6,
    })),
  );
  if (open)
    await hub.deps.db
      .insert(vacancies)
      .values(Array.from({ length: open }, () => ({ orgId: org.id, workplaceId: w.id, jobRole: 8, openedOn })));
  return org;
}
