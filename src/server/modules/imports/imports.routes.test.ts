import { readFileSync } from "node:fs";
import { and, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { type Client, makeOrg, makeUser, signedIn, testHub } from "../../../../test/harness";
import { auditLog, staffRecords } from "../../db/schema";
import { runOneJob } from "../../jobs/worker";
import { importJobs } from "./imports.jobs";
import { discardStaleImports, PREVIEW_KEPT_DAYS } from "./imports.service";

const hub = await testHub();
const FIX = new URL("../../../../test/fixtures/ascwds/", import.meta.url).pathname;

async function upload(
  client: Client,
  orgId: string,
  files: { name: string; text: string }[],
  asAt = "2026-06-30",
  key?: string,
) {
  const form = new FormData();
  for (const f of files) form.append("files", new File([f.text], f.name, { type: "text/csv" }));
  form.append("asAt", asAt);
  const headers: Record<string, string> = {
    cookie: client.cookie,
    "x-csrf-token": client.csrf,
    ...(key ? { "idempotency-key": key } : {}),
  };
  const res = await hub.app.request(`/api/orgs/${orgId}/imports`, { method: "POST", body: form, headers });
  return { status: res.status, json: (await res.json()) as any };
}
const fixture = (name: string) => ({ name, text: readFileSync(FIX + name, "utf8") });

async function provider() {
  const org = await makeOrg(hub, "provider");
  const admin = await makeUser(hub, org, "provider_admin");
  return { org, client: await signedIn(hub, admin.email) };
}

describe("uploads over HTTP", () => {
  it("upload → preview → choose what happens to missing staff → commit", async () => {
    const { org, client } = await provider();
    const first = await upload(
      client,
      org.id,
      ["valid-workplace.csv", "valid-staff.csv", "valid-training.csv"].map(fixture),
    );
    expect(first.status).toBe(201);
    expect(first.json.import).toMatchObject({
      status: "ready",
      progress: 100,
      preview: { totals: { new: 4, workplacesNew: 2 } },
    });
    const [stored] = await hub.deps.db.select().from(auditLog).where(eq(auditLog.entityId, first.json.import.id));
    expect(stored).toMatchObject({ action: "create", entityType: "upload", after: { asAt: "2026-06-30" } });
    const committed = await client.post(`/api/orgs/${org.id}/imports/${first.json.import.id}/commit`, {
      missing: { default: { action: "keep" } },
    });
    expect(committed.json.import).toMatchObject({
      status: "committed",
      summary: { applied: { staffNew: 4, trainingRecords: 3 } },
    });
    expect(
      (
        await client.post(`/api/orgs/${org.id}/imports/${first.json.import.id}/commit`, {
          missing: { default: { action: "keep" } },
        })
      ).status,
    ).toBe(409);

    const lines = fixture("valid-staff.csv").text.split("\n");
    const second = await upload(client, org.id, [
      fixture("valid-workplace.csv"),
      { name: "staff.csv", text: [lines[0], lines[1], lines[2], lines[4], ""].join("\n") },
    ]);
    expect(second.json.import.preview.missing).toEqual([
      expect.objectContaining({ ref: "S3", displayId: "Cat Example" }),
    ]);
    const bad = await client.post(`/api/orgs/${org.id}/imports/${second.json.import.id}/commit`, {
      missing: { default: { action: "leaver", leavingDate: "2026-13-01", reason: 5 } },
    });
    expect(bad.status).toBe(400);
    const done = await client.post(`/api/orgs/${org.id}/imports/${second.json.import.id}/commit`, {
      missing: { default: { action: "leaver", leavingDate: "2026-06-15", reason: 6 } },
    });
    expect(done.json.import.summary.applied).toMatchObject({ leavers: 1 });
    const [cat] = await hub.deps.db
      .select()
      .from(staffRecords)
      .where(and(eq(staffRecords.orgId, org.id), eq(staffRecords.localRef, "S3")));
    expect(cat).toMatchObject({ endDate: "2026-06-15", leavingReason: 6, leavingDestination: "retired" });
  });

  it("a row marked DELETE is shown in the preview and cannot be saved until someone says why the person left", async () => {
    const { org, client } = await provider();
    const first = await upload(client, org.id, ["valid-workplace.csv", "valid-staff.csv"].map(fixture));
    await client.post(`/api/orgs/${org.id}/imports/${first.json.import.id}/commit`, {
      missing: { default: { action: "keep" } },
    });
    // Bob (S2) is marked DELETE; Ann (S1) changes name in the same file.
    const lines = fixture("valid-staff.csv").text.split("\n");
    const staff = [
      lines[0],
      lines[1].replace(",NEW,Ann Example,", ",UPDATE,Ann Changed,"),
      lines[2].replace(",NEW,", ",DELETE,"),
      lines[3],
      lines[4],
      "",
    ].join("\n");
    const second = await upload(client, org.id, [fixture("valid-workplace.csv"), { name: "staff.csv", text: staff }]);
    const bobRow = async () =>
      (
        await hub.deps.db
          .select()
          .from(staffRecords)
          .where(and(eq(staffRecords.orgId, org.id), eq(staffRecords.localRef, "S2")))
      )[0];
    const bob = await bobRow();
    // Before: the leaver was counted but not shown, and saved as "Reason not known".
    expect(second.json.import.preview.leavers).toEqual([
      { id: bob.id, workplaceRef: "HOME1", ref: "S2", displayId: "Bob Example" },
    ]);
    const commit = (body: unknown) => client.post(`/api/orgs/${org.id}/imports/${second.json.import.id}/commit`, body);
    const refused = await commit({ missing: { default: { action: "keep" } } });
    expect(refused.status).toBe(422);
    expect(refused.json.error).toMatchObject({
      code: "leaving_reason_needed",
      issues: [{ path: `deleted.byId.${bob.id}.reason`, message: expect.stringContaining("Bob Example") }],
    });
    // All or nothing: neither the leaver nor Ann's new name was saved.
    expect(await bobRow()).toMatchObject({ endDate: null, leavingReason: null });
    const names = await hub.deps.db
      .select({ d: staffRecords.displayId })
      .from(staffRecords)
      .where(eq(staffRecords.orgId, org.id));
    expect(names.map((n) => n.d)).not.toContain("Ann Changed");

    const done = await commit({
      missing: { default: { action: "keep" } },
      deleted: { byId: { [bob.id]: { reason: 2, leavingDate: "2026-06-20" } } },
    });
    expect(done.status).toBe(200);
    expect(done.json.import.summary.applied).toMatchObject({ leavers: 1, staffUpdated: 1 });
    expect(await bobRow()).toMatchObject({ endDate: "2026-06-20", leavingReason: 2, leavingDestination: "health" });
  });

  it("missing staff recorded as leavers need a reason too: none is made up", async () => {
    const { org, client } = await provider();
    const first = await upload(client, org.id, ["valid-workplace.csv", "valid-staff.csv"].map(fixture));
    await client.post(`/api/orgs/${org.id}/imports/${first.json.import.id}/commit`, {
      missing: { default: { action: "keep" } },
    });
    const lines = fixture("valid-staff.csv").text.split("\n");
    const second = await upload(client, org.id, [
      fixture("valid-workplace.csv"),
      { name: "staff.csv", text: [lines[0], lines[1], lines[2], lines[4], ""].join("\n") },
    ]);
    const refused = await client.post(`/api/orgs/${org.id}/imports/${second.json.import.id}/commit`, {
      missing: { default: { action: "leaver" } },
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error.issues).toEqual([{ path: "missing.reason", message: expect.stringContaining("reason") }]);
    const [cat] = await hub.deps.db
      .select()
      .from(staffRecords)
      .where(and(eq(staffRecords.orgId, org.id), eq(staffRecords.localRef, "S3")));
    expect(cat.endDate).toBeNull();
  });

  it("a retried upload with the same Idempotency-Key returns the first upload; the same key with other files is refused", async () => {
    const { org, client } = await provider();
    const files = ["valid-workplace.csv", "valid-staff.csv"].map(fixture);
    const first = await upload(client, org.id, files, "2026-06-30", "hr-sync-7");
    const retry = await upload(client, org.id, files, "2026-06-30", "hr-sync-7");
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.json.import.id).toBe(first.json.import.id);
    const listed = (await client.get(`/api/orgs/${org.id}/imports`)).json.imports;
    expect(listed).toHaveLength(1);
    const other = await upload(client, org.id, [fixture("valid-workplace.csv")], "2026-06-30", "hr-sync-7");
    expect(other.status).toBe(422);
    expect(other.json.error.code).toBe("idempotency_key_reused");
    // Another organisation's key space is its own: the same key there starts a new upload.
    const b = await provider();
    const elsewhere = await upload(b.client, b.org.id, files, "2026-06-30", "hr-sync-7");
    expect(elsewhere.json.import.id).not.toBe(first.json.import.id);
  });

  it("an upload can be cancelled before it is applied, and previews left unapplied are discarded after a fortnight", async () => {
    const { org, client } = await provider();
    const files = ["valid-workplace.csv", "valid-staff.csv", "valid-training.csv"].map(fixture);
    const counts = async (id: string) =>
      (
        await hub.deps.db.execute(
          sql`select (select count(*) from import_staff where stage_id = ${id})::int as staged, (select count(*) from import_files where import_id = ${id})::int as files`,
        )
      ).rows[0];
    const a = (await upload(client, org.id, files)).json.import;
    expect(await counts(a.id)).toEqual({ staged: 4, files: 3 });
    const cancelled = await client.request("DELETE", `/api/orgs/${org.id}/imports/${a.id}`);
    expect(cancelled.json.import).toMatchObject({ status: "discarded", preview: null });
    expect(await counts(a.id)).toEqual({ staged: 0, files: 0 });
    const late = await client.post(`/api/orgs/${org.id}/imports/${a.id}/commit`, {
      missing: { default: { action: "keep" } },
    });
    expect(late.status).toBe(409);
    expect(await hub.deps.db.select().from(staffRecords).where(eq(staffRecords.orgId, org.id))).toHaveLength(0);
    const [entry] = await hub.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, a.id), eq(auditLog.action, "delete")));
    expect(entry).toMatchObject({ entityType: "upload", before: { status: "ready" } });

    const old = (await upload(client, org.id, files)).json.import;
    const recent = (await upload(client, org.id, files)).json.import;
    const daysAgo = (d: number) => new Date(hub.clock.now.getTime() - d * 86_400_000).toISOString();
    await hub.deps.db.execute(
      sql`update imports set created_at = ${daysAgo(PREVIEW_KEPT_DAYS + 1)} where id = ${old.id}`,
    );
    await hub.deps.db.execute(
      sql`update imports set created_at = ${daysAgo(PREVIEW_KEPT_DAYS - 1)} where id = ${recent.id}`,
    );
    expect(await discardStaleImports(hub.deps)).toBeGreaterThanOrEqual(1);
    expect((await client.get(`/api/orgs/${org.id}/imports/${old.id}`)).json.import.status).toBe("discarded");
    expect(await counts(old.id)).toEqual({ staged: 0, files: 0 });
    const [audit] = (
      await hub.deps.db.execute(
        sql`select action, user_id, after from audit_log where entity_type = 'upload' and action = 'delete' and entity_id = ${old.id}`,
      )
    ).rows as {
      action: string;
      user_id: string | null;
      after: { reason: string };
    }[];
    expect(audit).toMatchObject({
      action: "delete",
      user_id: null,
      after: { reason: `not applied within ${PREVIEW_KEPT_DAYS} days` },
    });
    expect((await client.get(`/api/orgs/${org.id}/imports/${recent.id}`)).json.import.status).toBe("ready");
    expect(await counts(recent.id)).toEqual({ staged: 4, files: 3 });
    // A committed upload cannot be cancelled.
    await client.post(`/api/orgs/${org.id}/imports/${recent.id}/commit`, { missing: { default: { action: "keep" } } });
    expect((await client.request("DELETE", `/api/orgs/${org.id}/imports/${recent.id}`)).json.error.code).toBe(
      "already_committed",
    );
  });

  it("stages a preview's changes (identifiers encrypted) and checks the files again at commit when the records changed since", async () => {
    const { org, client } = await provider();
    const files = ["valid-workplace.csv", "valid-staff.csv", "valid-training.csv"].map(fixture);
    const a = (await upload(client, org.id, files)).json.import;
    const b = (await upload(client, org.id, files)).json.import;
    expect([a.preview.totals.new, b.preview.totals.new]).toEqual([4, 4]);
    const staged = async (id: string) =>
      (
        await hub.deps.db.execute(
          sql`select count(*)::int as n, coalesce(string_agg(t::text, '|'), '') as text from import_staff t where stage_id = ${id}`,
        )
      ).rows[0] as {
        n: number;
        text: string;
      };
    const stagedA = await staged(a.id);
    expect(stagedA.n).toBe(4);
    expect(stagedA.text).not.toContain("AB123456C"); // NI numbers are staged only encrypted and hashed

    const version = async () =>
      (await hub.deps.db.execute(sql`select version from org_data_versions where org_id = ${org.id}`)).rows[0] as
        | { version: number }
        | undefined;
    const before = Number((await version())?.version ?? 0);
    expect(
      (await client.post(`/api/orgs/${org.id}/imports/${a.id}/commit`, { missing: { default: { action: "keep" } } }))
        .json.import.summary.applied,
    ).toMatchObject({
      staffNew: 4,
    });
    expect(Number((await version())?.version)).toBeGreaterThan(before);
    expect((await staged(a.id)).n).toBe(0); // staged rows go with the commit

    // B was previewed before A was applied: applied as staged, it would add the four people again.
    const done = await client.post(`/api/orgs/${org.id}/imports/${b.id}/commit`, {
      missing: { default: { action: "keep" } },
    });
    expect(done.json.import).toMatchObject({
      status: "committed",
      summary: { applied: { staffNew: 0, staffUpdated: 0 } },
    });
    const rows = await hub.deps.db.select().from(staffRecords).where(eq(staffRecords.orgId, org.id));
    expect(rows).toHaveLength(4);

    // Any write to the records moves the version on, whichever path makes it.
    const v1 = Number((await version())?.version);
    await hub.deps.db.update(staffRecords).set({ payRate: 13.5 }).where(eq(staffRecords.id, rows[0].id));
    expect(Number((await version())?.version)).toBe(v1 + 1);
  });

  it("reports problems as CSV and XLSX without NI numbers or dates of birth", async () => {
    const { org, client } = await provider();
    const staff = fixture("valid-staff.csv").text.replace(",2,31,826,", ",7,31,826,").replace("HJ112233B", "HJ11223");
    const res = await upload(client, org.id, [fixture("valid-workplace.csv"), { name: "staff.csv", text: staff }]);
    expect(res.json.import).toMatchObject({ status: "invalid", preview: null });
    expect(res.json.import.problems.map((p: { code: string }) => p.code)).toEqual(
      expect.arrayContaining(["staff.GENDER.code", "staff.NINUMBER.format"]),
    );
    const csv = await client.get(`/api/orgs/${org.id}/imports/${res.json.import.id}/report?format=csv`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.text).toContain("staff.GENDER.code");
    const xlsxRes = await hub.app.request(`/api/orgs/${org.id}/imports/${res.json.import.id}/report?format=xlsx`, {
      headers: { cookie: client.cookie },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsxRes.arrayBuffer());
    const cells: string[] = [];
    book.getWorksheet("Problems")?.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells).toContain("staff.NINUMBER.format");
    for (const text of [csv.text, cells.join("|"), JSON.stringify(res.json)]) {
      for (const secret of ["AB123456C", "CE654321A", "HJ11223", "01/02/1980", "15/06/1961", "1980-02-01"])
        expect(text).not.toContain(secret);
    }
    expect(
      (
        await client.post(`/api/orgs/${org.id}/imports/${res.json.import.id}/commit`, {
          missing: { default: { action: "keep" } },
        })
      ).status,
    ).toBe(409);
  });

  it("downloads current data as ASC-WDS files; a viewer gets Admin in place of NI numbers and dates of birth", async () => {
    const { org, client } = await provider();
    const first = await upload(client, org.id, ["valid-workplace.csv", "valid-staff.csv"].map(fixture));
    await client.post(`/api/orgs/${org.id}/imports/${first.json.import.id}/commit`, {
      missing: { default: { action: "keep" } },
    });
    const staff = await client.get(`/api/orgs/${org.id}/ascwds/staff.csv`);
    expect(staff.headers.get("content-disposition")).toContain(`${org.slug}-staff.csv`);
    expect(staff.text).toContain("AB123456C");
    const viewer = await makeUser(hub, org, "provider_viewer");
    const viewed = await (await signedIn(hub, viewer.email)).get(`/api/orgs/${org.id}/ascwds/staff.csv`);
    expect(viewed.text).not.toContain("AB123456C");
    expect(viewed.text).not.toContain("01/02/1980");
    expect(viewed.text).toContain(",Admin,");
    expect(
      (
        await (
          await signedIn(hub, viewer.email)
        ).post(`/api/orgs/${org.id}/imports/${first.json.import.id}/commit`, {
          missing: { default: { action: "keep" } },
        })
      ).status,
    ).toBe(403);
  });

  it("checks and applies a large upload in the background; the result is there for whoever comes back", async () => {
    const { org, client } = await provider();
    const lines = fixture("valid-staff.csv").text.split("\n");
    const rows = [lines[0]];
    for (let i = 0; i < 9000; i++) rows.push(lines[1].replace("HOME1,S1,", `HOME1,B${i},`).replace("AB123456C", ""));
    const res = await upload(client, org.id, [
      fixture("valid-workplace.csv"),
      { name: "staff.csv", text: `${rows.join("\n")}\n` },
    ]);
    expect(res.status).toBe(202);
    expect(res.json.import).toMatchObject({ status: "validating", progress: 0 });
    while (await runOneJob(hub.deps, importJobs)) {}
    // A different session (the browser was closed) sees the finished check.
    const later = await (await signedIn(hub, (await makeUser(hub, org, "provider_viewer")).email)).get(
      `/api/orgs/${org.id}/imports/${res.json.import.id}`,
    );
    expect(later.json.import).toMatchObject({ status: "ready", progress: 100, preview: { totals: { new: 9000 } } });
    const commit = await client.post(`/api/orgs/${org.id}/imports/${res.json.import.id}/commit`, {
      missing: { default: { action: "keep" } },
    });
    expect(commit.status).toBe(202);
    expect(commit.json.import.status).toBe("committing");
    while (await runOneJob(hub.deps, importJobs)) {}
    const failed = hub.logLines.filter((l) => l.includes('"job failed"'));
    expect(failed).toEqual([]);
    const after = await client.get(`/api/orgs/${org.id}/imports/${res.json.import.id}`);
    expect(after.json.import).toMatchObject({ status: "committed", summary: { applied: { staffNew: 9000 } } });
  }, 60_000);

  it("refuses an upload with no files, and another organisation's user", async () => {
    const { org, client } = await provider();
    const none = await upload(client, org.id, []);
    expect(none.status).toBe(400);
    expect(none.json.error.code).toBe("no_files");
    const other = await provider();
    expect((await upload(other.client, org.id, [fixture("valid-staff.csv")])).status).toBe(404);
  });
});
