import { readFileSync } from "node:fs";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { OrgCtx } from "../src/server/context";
import { staffRecords, workplaces } from "../src/server/db/schema";
import { workbookOf } from "../src/server/modules/ascwds/xlsx";
import { applyUpload, validateStoredImport } from "../src/server/modules/imports/imports.service";
import { makeSystem, makeUser, signedIn, testHub } from "./harness";
import { socialWorkArea } from "./social-work-fixtures";
import { CASES as swAgency } from "./tenancy-cases/sw-agency";
import { CASES as swAsye } from "./tenancy-cases/sw-asye";
import { CASES as swExitInterviews } from "./tenancy-cases/sw-exit-interviews";
import { CASES as swProgression } from "./tenancy-cases/sw-progression";
import { CASES as swRoutesIn } from "./tenancy-cases/sw-routes-in";
import { CASES as swService } from "./tenancy-cases/sw-service";
import { CASES as swSupervision } from "./tenancy-cases/sw-supervision";

// The bad-input suite (issue 13): every JSON route in the router's specs, and the upload routes,
// are sent malformed, oversized and hostile input. Each must answer 4xx with
// { error: { code, message } }, the hub must still answer, and the organisation's data must not change.

const hub = await testHub();
const { provider, council } = await makeSystem(hub);
const admin = await signedIn(hub, (await makeUser(hub, null, undefined, { isHubAdmin: true })).email);
const providerAdmin = await makeUser(hub, provider, "provider_admin");
const providerClient = await signedIn(hub, providerAdmin.email);
const ctx: OrgCtx = {
  ...hub.ctx,
  actor: { userId: providerAdmin.id, isHubAdmin: false },
  org: { id: provider.id, kind: "provider", name: provider.name, slug: provider.slug, isDemo: false },
  role: "provider_admin",
};
const FIX = new URL("./fixtures/ascwds/", import.meta.url).pathname;
const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(FIX + name)) });
await applyUpload(ctx, ["valid-workplace.csv", "valid-staff.csv", "valid-training.csv"].map(fixture), "2026-06-30", {
  missing: { default: { action: "keep" } },
});

const ANY_ID = "00000000-0000-4000-8000-000000000000";
const pathOf = (path: string) =>
  path
    .replace(":orgId", path.includes("/providers") || path.includes("return-periods") ? council.id : provider.id)
    .replace(/:(\w+)/g, ANY_ID);

async function dataOf() {
  const [staff] = await hub.deps.db
    .select({ n: count() })
    .from(staffRecords)
    .where(eq(staffRecords.orgId, provider.id));
  const [places] = await hub.deps.db.select({ n: count() }).from(workplaces).where(eq(workplaces.orgId, provider.id));
  return { staff: staff.n, workplaces: places.n };
}
const before = await dataOf();

/** Sends a raw body as the signed-in hub admin (who passes every permission, so the body is what is judged). */
async function send(
  method: string,
  path: string,
  body: BodyInit,
  type: string | null = "application/json",
  client = admin,
) {
  // A form sets its own content type, with the boundary.
  const headers: Record<string, string> = {
    cookie: client.cookie,
    "x-csrf-token": client.csrf,
    ...(type ? { "content-type": type } : {}),
  };
  const res = await hub.app.request(path, { method: method.toUpperCase(), body, headers });
  const text = await res.text();
  let json: { error?: { code?: unknown; message?: unknown } } | null = null;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, json, text };
}

function expectRefused(res: Awaited<ReturnType<typeof send>>, what: string) {
  expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
  expect(typeof res.json?.error?.code, what).toBe("string");
  expect(typeof res.json?.error?.message === "string" && res.json.error.message.length > 0, `${what}: a message`).toBe(
    true,
  );
}

const deep = (levels: number) => `${"[".repeat(levels)}${"]".repeat(levels)}`;
const long = "x".repeat(200_000);
const FIELDS = [
  "name",
  "email",
  "password",
  "title",
  "token",
  "scope",
  "role",
  "roleKey",
  "records",
  "document",
  "targets",
  "missing",
  "enabled",
  "shared",
  "workplaceId",
  "month",
];
const BODIES: Record<string, string> = {
  "malformed JSON": '{"name": "x",',
  "a JSON array": "[]",
  "a JSON number": "42",
  "a JSON string": '"hello"',
  null: "null",
  "a NUL escape": JSON.stringify(Object.fromEntries(FIELDS.map((f) => [f, "a\u0000b"]))),
  "a raw NUL": '{"name":"a\u0000b"}',
  "10,000 levels of nesting": `{"name":${deep(10_000)}}`,
  "very long strings": JSON.stringify(Object.fromEntries(FIELDS.map((f) => [f, long]))),
  "__proto__ and constructor keys":
    '{"__proto__":{"isHubAdmin":true,"role":"council_admin"},"constructor":{"prototype":{"polluted":true}}}',
  "a body over the JSON limit": JSON.stringify({ name: "x".repeat(20 * 1024 * 1024) }),
};

const jsonRoutes = hub.router.specs.filter((s) => s.body);

describe("the bad-input suite", () => {
  it("has JSON routes to try", () => {
    expect(jsonRoutes.length).toBeGreaterThan(20);
  });

  it("every JSON route refuses malformed, oversized and hostile bodies with a 4xx and a message", async () => {
    for (const spec of jsonRoutes) {
      for (const [what, body] of Object.entries(BODIES)) {
        const res = await send(spec.method, pathOf(spec.path), body);
        expectRefused(res, `${spec.method} ${spec.path} with ${what}`);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 240_000); // Given room: 11 bodies on every JSON route, and the route table keeps growing.

  it("a NUL in the address or query string of any route is a 400, never a 500", async () => {
    for (const spec of hub.router.specs) {
      const res = await hub.app.request(`${pathOf(spec.path)}?q=a%00b`, {
        method: spec.method.toUpperCase(),
        headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf, "content-type": "application/json" },
        body: spec.method === "get" ? undefined : "{}",
      });
      expect(res.status, `${spec.method} ${spec.path}`).toBe(400);
    }
  });

  it("the records API refuses a record with 20,000 columns and a record that is not an object", async () => {
    for (const file of ["staff", "workplaces"]) {
      const wide = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`COL${i}`, "x"]));
      expectRefused(
        await send("post", `/api/orgs/${provider.id}/records/${file}`, JSON.stringify({ records: [wide] })),
        `${file}: 20,000 columns`,
      );
      expectRefused(
        await send("post", `/api/orgs/${provider.id}/records/${file}`, JSON.stringify({ records: [[1, 2, 3]] })),
        `${file}: an array record`,
      );
      expectRefused(
        await send(
          "post",
          `/api/orgs/${provider.id}/records/${file}`,
          '{"records":[{"__proto__":{"LOCALESTID":"X","UNIQUEWORKERID":"Y"}}]}',
        ),
        `${file}: __proto__`,
      );
    }
  });
});

/** Uploads files to POST /imports; a file nobody can read is refused (4xx) or kept as an invalid upload whose problems say why. */
async function upload(files: { name: string; bytes: Uint8Array }[]) {
  const form = new FormData();
  for (const f of files) form.append("files", new File([f.bytes as BlobPart], f.name));
  form.append("asAt", "2026-06-30");
  return send("post", `/api/orgs/${provider.id}/imports`, form, null, providerClient);
}

async function expectUploadRefused(files: { name: string; bytes: Uint8Array }[], what: string) {
  const res = await upload(files);
  expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
  if (res.status >= 400) return expectRefused(res, what);
  // Accepted for checking: the check (inline, or here in place of the job worker) ends invalid, with messages.
  const body = JSON.parse(res.text) as { import: { id: string; status: string } };
  const checked = body.import.status === "validating" ? await validateStoredImport(ctx, body.import.id) : null;
  const after = (await providerClient.get(`/api/orgs/${provider.id}/imports/${body.import.id}`)).json.import;
  expect(after.status, `${what}: ${JSON.stringify(after).slice(0, 300)}`).toBe("invalid");
  expect(after.problems.length, what).toBeGreaterThan(0);
  for (const p of after.problems)
    expect(typeof p.message === "string" && p.message.length > 0 && p.message.length <= 600, `${what}: ${p.code}`).toBe(
      true,
    );
  expect(checked === null || checked.status === "invalid").toBe(true);
}

const bytes = (text: string) => new TextEncoder().encode(text);

/** Refused at the door with a 4xx, its code and a message; nothing is stored (checked at the end of the suite). */
function expectDoor(res: Awaited<ReturnType<typeof upload>>, code: string, what: string) {
  expectRefused(res, what);
  expect(JSON.parse(res.text).error.code, what).toBe(code);
}
const staffHeader = readFileSync(`${FIX}valid-staff.csv`, "utf8").split("\n")[0];

describe("the bad-input suite: uploads", () => {
  it("a truncated zip posing as .xlsx", async () => {
    const book = await workbookOf([{ name: "Staff", header: staffHeader.split(","), rows: [["HOME1", "S1", "NEW"]] }]);
    // Nobody could read these: refused at the door, nothing stored.
    expectDoor(
      await upload([{ name: "staff.xlsx", bytes: book.subarray(0, Math.floor(book.length / 2)) }]),
      "not_xlsx",
      "half a workbook",
    );
    expectDoor(
      await upload([{ name: "staff.xlsx", bytes: bytes("PK\u0003\u0004 not really a zip") }]),
      "not_xlsx",
      "a zip header and nothing else",
    );
  });

  it("wrong encodings: UTF-16 without a byte order mark, and invalid UTF-8", async () => {
    const text = readFileSync(`${FIX}valid-staff.csv`, "utf8");
    const utf16 = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) utf16[i * 2] = text.charCodeAt(i);
    expectDoor(await upload([{ name: "staff.csv", bytes: utf16 }]), "not_csv", "UTF-16 without BOM");
    // Not valid UTF-8 is read as Windows-1252 (what Excel on Windows saves): readable, so its mistakes are reported.
    const invalid = new Uint8Array([
      ...bytes("LOCALESTID,STATUS,ESTNAME\n"),
      0xc3,
      0x28,
      0xff,
      0xfe,
      0x80,
      ...bytes(",x,y\n"),
    ]);
    await expectUploadRefused([{ name: "workplace.csv", bytes: invalid }], "invalid UTF-8");
  });

  it("a CSV with 20,000 columns", async () => {
    const wide = `${Array.from({ length: 20_000 }, (_, i) => `C${i}`).join(",")}\n${Array.from({ length: 20_000 }, () => "x").join(",")}\n`;
    expectDoor(await upload([{ name: "staff.csv", bytes: bytes(wide) }]), "too_many_columns", "20,000 columns");
    const wideStaff = `${staffHeader},${Array.from({ length: 20_000 }, (_, i) => `EXTRA${i}`).join(",")}\n`;
    expectDoor(
      await upload([{ name: "staff.csv", bytes: bytes(wideStaff) }]),
      "too_many_columns",
      "a staff header with 20,000 extra columns",
    );
  });

  it("a 49 MB single line", async () => {
    // The start of a workplace header, then one cell of 49 MB: quoted in no message in full.
    const line = new Uint8Array(49 * 1024 * 1024).fill(0x78);
    line.set(bytes("LOCALESTID,STATUS,"));
    expectDoor(await upload([{ name: "workplace.csv", bytes: line }]), "line_too_long", "a 49 MB line");
  }, 60_000);

  it("a file name with a NUL, and one of 10,000 characters", async () => {
    expectRefused(
      await upload([{ name: "staff\u0000.csv", bytes: readFileSync(`${FIX}valid-staff.csv`) }]),
      "NUL in a file name",
    );
    expectRefused(
      await upload([{ name: `${"s".repeat(10_000)}.csv`, bytes: readFileSync(`${FIX}valid-staff.csv`) }]),
      "a very long file name",
    );
  });
});

// The social work service's writes (issue 20), sent as the council's service lead so the council-only
// routes judge the body: each field of a well-formed body (the tenancy cases') in turn of the wrong
// type, far too long, an impossible date, negative, or missing. None is a 500; a wrong type or a
// far too long value is a 400 naming the field.
const swArea = await socialWorkArea(hub);
const swLead = await signedIn(hub, swArea.lead.email);
const swWorker = await swArea.addWorker({ team: swArea.teams.childrenA, name: "Bad Input Worker" });
const SW_CASES = {
  ...swAgency,
  ...swAsye,
  ...swExitInterviews,
  ...swProgression,
  ...swRoutesIn,
  ...swService,
  ...swSupervision,
};
// [what, mangle, whether the body's schema must refuse it naming the field (else: any 4xx, or a 2xx where it is a fine value)]
const SW_MUTATIONS: [string, (v: unknown) => unknown, boolean][] = [
  ["of the wrong type", (v) => (typeof v === "number" || typeof v === "boolean" ? "abc" : 12345), true],
  ["far too long", () => "x".repeat(100_000), true],
  ["an impossible date", () => "2026-02-30", false],
  ["negative", () => -1, false],
  ["missing", () => undefined, false],
];

describe("the bad-input suite: social work writes", () => {
  it("every field of every social work write, mangled, is never a 500, and a wrong type or a far too long value is a 400 naming the field", async () => {
    const writes = Object.entries(SW_CASES).filter(([key]) => !key.startsWith("get "));
    expect(writes.length).toBeGreaterThan(30);
    for (const [key, c] of writes) {
      const [method, path] = key.split(" ");
      const url = path
        .replace(":orgId", swArea.council.id)
        .replace(":staffId", swWorker.id)
        .replace(":month", "2026-05")
        .replace(/:(\w+)/g, ANY_ID);
      const body = (c.body?.() ?? {}) as Record<string, unknown>;
      for (const field of Object.keys(body))
        for (const [what, mangle, named] of SW_MUTATIONS) {
          const value = mangle(body[field]);
          const sent = { ...body, [field]: value };
          if (value === undefined) delete sent[field];
          const res = await swLead.request(method.toUpperCase(), url, sent);
          const label = `${key}: ${field} ${what}: ${res.text.slice(0, 300)}`;
          expect(res.status, label).toBeLessThan(500);
          if (!named) continue;
          expect(res.status, label).toBe(400);
          const issues = (res.json?.error?.issues ?? []) as { path: string }[];
          expect(issues.map((i) => i.path).join(), label).toContain(field);
        }
    }
  }, 120_000);

  it("every social work write refuses a body over its limit with 413, as the council's lead", async () => {
    const writes = hub.router.specs.filter((s) => s.method !== "get" && s.path.includes("/social-work/"));
    expect(writes.length).toBeGreaterThan(30);
    const big = JSON.stringify({ name: "x".repeat(300 * 1024) });
    for (const spec of writes) {
      const url = spec.path.replace(":orgId", swArea.council.id).replace(/:(\w+)/g, ANY_ID);
      const res = await send(spec.method, url, big, "application/json", swLead);
      expect(res.status, `${spec.method} ${spec.path}: ${res.text.slice(0, 200)}`).toBe(413);
    }
  });

  it("a change of a supervision that changes nothing is a 400 saying so, not a 500", async () => {
    const made = await swLead.post(`/api/orgs/${swArea.council.id}/social-work/supervisions`, {
      staffRecordId: swWorker.id,
      heldOn: "2026-06-01",
      type: "reflective",
      minutes: 90,
    });
    expect(made.status).toBe(201);
    const res = await swLead.patch(`/api/orgs/${swArea.council.id}/social-work/supervisions/${made.json.id}`, {});
    expectRefused({ status: res.status, json: res.json, text: res.text }, "an empty change");
    expect(res.status).toBe(400);
    expect(res.json.error.message).toContain("Nothing to change");
  });
});

describe("after the bad-input suite", () => {
  it("the hub still answers and the organisation's data has not changed", async () => {
    expect((await hub.app.request("/api/health")).status).toBe(200);
    expect(await dataOf()).toEqual(before);
    expect(before.staff).toBeGreaterThan(0);
  });
});
