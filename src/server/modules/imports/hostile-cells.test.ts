import { readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { makeOrg, makeUser, signedIn, testHub } from "../../../../test/harness";
import { csvText } from "../../../shared/csv";
import { freeText } from "../../../shared/schemas/text";
import { defuseCell, undefuseCell } from "../../../shared/text";
import type { OrgCtx } from "../../context";
import { staffRecords, trainingRecords, workplaces } from "../../db/schema";
import { workbookOf } from "../ascwds/xlsx";
import { exportAscwds } from "./export.service";
import { applyUpload, validateUpload } from "./imports.service";

// Spreadsheet formula injection (OWASP "CSV injection") and NUL characters in uploaded cells.

const hub = await testHub();
const FIX = new URL("../../../../test/fixtures/ascwds/", import.meta.url).pathname;
const text = (name: string) => readFileSync(FIX + name, "utf8");
const enc = (name: string, body: string) => ({ name, bytes: new TextEncoder().encode(body) });
const AS_AT = "2026-06-30";
const KEEP = { missing: { default: { action: "keep" as const } } };
const ATTACKS = [
  "=cmd|' /C calc'!A0",
  '+HYPERLINK("http://evil.test","x")',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
];

async function providerCtx(): Promise<OrgCtx> {
  const org = await makeOrg(hub, "provider");
  const user = await makeUser(hub, org, "provider_admin");
  return {
    ...hub.ctx,
    actor: { userId: user.id, isHubAdmin: false },
    org: { id: org.id, kind: "provider", name: org.name, slug: org.slug, isDemo: false },
    role: "provider_admin",
  };
}

/** The staff file with Ann's name holding a NUL, on the last line, past the first 4 KB (where a NUL makes a file binary). */
function staffWithNulLate() {
  const [header, ann, ...rest] = staffWith("DISPLAYID", "Ann\u0000Example").split("\n");
  const padding = Array.from(
    { length: 150 },
    (_, i) => `HOME1,P${i},NEW,Person ${i},,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,`,
  );
  const lines = [header, ...rest.filter(Boolean), ...padding, ann];
  return { body: lines.join("\n"), line: lines.length };
}

/** The staff fixture with one cell of Ann's row (S1) replaced. */
function staffWith(column: string, value: string) {
  const [header, ...rows] = text("valid-staff.csv").split("\n");
  const at = header.split(",").indexOf(column);
  const cells = rows[0].split(",");
  cells[at] = value.includes(",") || value.includes('"') ? `"${value.replace(/"/g, '""')}"` : value;
  return [header, cells.join(","), ...rows.slice(1)].join("\n");
}

describe("defusing formulas in every file the hub writes", () => {
  it("prefixes text that starts like a formula with an apostrophe, leaves numbers alone, and reads back exactly", () => {
    for (const v of [...ATTACKS, "\tx", "\r=x"]) expect(defuseCell(v), v).toBe(`'${v}`);
    for (const v of ["-1", "-12.50", "+44", "Ann", "", "O'Neill", "'quoted'"]) expect(defuseCell(v), v).toBe(v);
    // An apostrophe already in front of such a character is kept by adding one more.
    expect(defuseCell("'=x")).toBe("''=x");
    for (const v of [...ATTACKS, "'=x", "''", "'-", "-1", "Ann", "'", "\t=x"])
      expect(undefuseCell(defuseCell(v)), v).toBe(v);
    expect(
      csvText(
        ["A", "B"],
        [
          ["=1+1", -1],
          ["-1", "@x"],
        ],
      ),
    ).toBe("A,B\r\n'=1+1,-1\r\n-1,'@x\r\n");
  });

  it("XLSX downloads (the upload problem report) hold defused text, never a formula", async () => {
    const bytes = await workbookOf([
      { name: "Problems", header: ["File", "Message"], rows: [["=cmd|' /C calc'!A0.csv", "@SUM(1)"]] },
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer as ArrayBuffer);
    const row = book.getWorksheet("Problems")?.getRow(2);
    expect(row?.getCell(1).value).toBe("'=cmd|' /C calc'!A0.csv");
    expect(row?.getCell(2).value).toBe("'@SUM(1)");
    expect(row?.getCell(1).formula).toBeUndefined();
  });

  it("ASC-WDS downloads defuse data stored before the door check, and uploading the download again changes nothing", async () => {
    const ctx = await providerCtx();
    await applyUpload(
      ctx,
      ["valid-workplace.csv", "valid-staff.csv", "valid-training.csv"].map((n) => enc(n, text(n))),
      AS_AT,
      KEEP,
    );
    // As if stored before free text was checked at the door.
    await hub.deps.db
      .update(staffRecords)
      .set({ displayId: ATTACKS[0] })
      .where(and(eq(staffRecords.orgId, ctx.org.id), eq(staffRecords.localRef, "S1")));
    await hub.deps.db
      .update(staffRecords)
      .set({ displayId: ATTACKS[1] })
      .where(and(eq(staffRecords.orgId, ctx.org.id), eq(staffRecords.localRef, "S2")));
    await hub.deps.db
      .update(workplaces)
      .set({ name: ATTACKS[2] })
      .where(and(eq(workplaces.orgId, ctx.org.id), eq(workplaces.localRef, "HOME1")));
    await hub.deps.db.update(trainingRecords).set({ notes: ATTACKS[3] }).where(eq(trainingRecords.orgId, ctx.org.id));

    const files = await exportAscwds(ctx);
    const all = `${files.workplace}${files.staff}${files.training}`;
    for (const attack of ATTACKS) expect(all).toContain(`'${attack.replace(/"/g, '""')}`);
    // No cell of any file starts with a formula character (a cell starts the line or follows a comma or quote).
    expect(all).not.toMatch(/(^|[\n,"])[=+@]/m);

    const v = await validateUpload(
      ctx,
      [enc("w.csv", files.workplace), enc("s.csv", files.staff), enc("t.csv", files.training)],
      AS_AT,
    );
    expect(v.parsed.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(v.preview?.totals).toMatchObject({ new: 0, updated: 0, missing: 0, workplacesUpdated: 0 });
    expect(v.preview?.training).toMatchObject({ replaced: 0 });

    // Over HTTP too: the download a person gets is the defused file.
    const admin = await signedIn(hub, (await makeUser(hub, { id: ctx.org.id }, "provider_admin")).email);
    const res = await admin.get(`/api/orgs/${ctx.org.id}/ascwds/staff.csv`);
    expect(res.status).toBe(200);
    expect(res.text).toContain(`,'${ATTACKS[0]},`);
  });
});

describe("refusing formulas at the door", () => {
  it("a free-text cell of an upload that starts with = + or @ is an error naming the file, line and column", async () => {
    const ctx = await providerCtx();
    const workplace = enc("workplace.csv", text("valid-workplace.csv"));
    for (const [column, value] of [
      ["DISPLAYID", ATTACKS[0]],
      ["MAINJRDESC", ATTACKS[1]],
      ["QUALACH01NOTES", ATTACKS[2]],
    ]) {
      const v = await validateUpload(ctx, [workplace, enc("staff.csv", staffWith(column, value))], AS_AT);
      const errors = v.parsed.problems.filter((p) => p.severity === "error");
      expect(errors, column).toEqual([
        expect.objectContaining({ file: "staff.csv", line: 2, column, code: `staff.${column}.formula` }),
      ]);
      expect(errors[0].message).toContain(`${column} cannot start with =, +, @`);
    }
    const training = text("valid-training.csv").replace("Safeguarding adults", "=1+1");
    const t = await validateUpload(
      ctx,
      [workplace, enc("staff.csv", text("valid-staff.csv")), enc("training.csv", training)],
      AS_AT,
    );
    expect(t.parsed.problems.filter((p) => p.severity === "error")).toEqual([
      expect.objectContaining({
        file: "training.csv",
        line: 2,
        column: "TRAININGNAME",
        code: "training.TRAININGNAME.formula",
      }),
    ]);
    const estname = text("valid-workplace.csv").replace("Riverside House", "@Riverside");
    const w = await validateUpload(ctx, [enc("workplace.csv", estname)], AS_AT);
    expect(w.parsed.problems.filter((p) => p.severity === "error")).toEqual([
      expect.objectContaining({ line: 2, column: "ESTNAME", code: "workplace.ESTNAME.formula" }),
    ]);
  });

  it("leaves numbers and codes alone: a minus sign in a numeric column is checked as a number, not as a formula", async () => {
    const ctx = await providerCtx();
    const v = await validateUpload(
      ctx,
      [enc("workplace.csv", text("valid-workplace.csv")), enc("staff.csv", staffWith("CONTHOURS", "-5"))],
      AS_AT,
    );
    expect(v.parsed.problems.filter((p) => p.severity === "error").map((p) => p.code)).toEqual([
      "staff.CONTHOURS.range",
    ]);
    // Ordinary writing that starts with a dash is allowed in free text.
    const dash = await validateUpload(
      ctx,
      [enc("workplace.csv", text("valid-workplace.csv")), enc("staff.csv", staffWith("MAINJRDESC", "- night cover"))],
      AS_AT,
    );
    expect(dash.parsed.errors).toBe(0);
  });

  it("the records API refuses a formula in a free-text field with the same problem", async () => {
    const org = await makeOrg(hub, "provider");
    const admin = await signedIn(hub, (await makeUser(hub, org, "provider_admin")).email);
    const [header, first] = text("valid-workplace.csv").split("\n");
    const record = Object.fromEntries(header.split(",").map((c, i) => [c.trim(), first.split(",")[i]?.trim() ?? ""]));
    const res = await admin.post(`/api/orgs/${org.id}/records/workplaces`, {
      asAt: AS_AT,
      records: [{ ...record, ESTNAME: "=HYPERLINK(1)" }],
    });
    expect(res.status).toBe(422); // the records API's answer for records with problems
    expect(JSON.stringify(res.json)).toContain("workplace.ESTNAME.formula");
    expect((await hub.deps.db.select().from(workplaces).where(eq(workplaces.orgId, org.id))).length).toBe(0);
  });

  it("web forms and the JSON API refuse free text that starts like a formula, with the field's name", async () => {
    const org = await makeOrg(hub, "provider");
    const admin = await signedIn(hub, (await makeUser(hub, org, "provider_admin")).email);
    for (const name of ATTACKS.slice(0, 3)) {
      const res = await admin.post(`/api/orgs/${org.id}/api-tokens`, { name, scope: "read" });
      expect(res.status, name).toBe(400);
      expect(res.json.error.message).toContain("cannot start with =, +, @");
      expect(res.json.error.issues[0].path).toBe("name");
    }
    const schema = freeText((await import("zod")).z.string().trim(), "The name");
    expect(schema.safeParse("-5 Street").success).toBe(true);
    expect(schema.safeParse("\t=1").success).toBe(false);
  });
});

describe("NUL characters in uploaded cells", () => {
  it("are a problem on their cell (file, line, column), never a 500, wherever they are in the file", async () => {
    const ctx = await providerCtx();
    const staff = staffWithNulLate();
    expect(staff.body.indexOf("\u0000")).toBeGreaterThan(4096);
    const v = await validateUpload(
      ctx,
      [enc("workplace.csv", text("valid-workplace.csv")), enc("staff.csv", staff.body)],
      AS_AT,
    );
    const nul = v.parsed.problems.filter((p) => p.code === "upload.cell.nul");
    expect(nul).toEqual([
      expect.objectContaining({ file: "staff.csv", line: staff.line, column: "DISPLAYID", severity: "error" }),
    ]);
    expect(nul[0].message).toContain("NUL");
    expect(JSON.stringify(v.parsed.problems)).not.toContain("\u0000");
  });

  it("over HTTP an upload with a NUL in a cell gets its problems listed, and nothing is stored", async () => {
    const org = await makeOrg(hub, "provider");
    const admin = await signedIn(hub, (await makeUser(hub, org, "provider_admin")).email);
    const form = new FormData();
    form.append("files", new File([text("valid-workplace.csv")], "workplace.csv", { type: "text/csv" }));
    form.append("files", new File([staffWithNulLate().body], "staff.csv", { type: "text/csv" }));
    form.append("asAt", AS_AT);
    const res = await hub.app.request(`/api/orgs/${org.id}/imports`, {
      method: "POST",
      body: form,
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf },
    });
    expect(res.status).toBeLessThan(500);
    const body = (await res.json()) as { import: { problems?: { code: string }[] } };
    expect(JSON.stringify(body)).toContain("upload.cell.nul");
    expect((await hub.deps.db.select().from(workplaces).where(eq(workplaces.orgId, org.id))).length).toBe(0);
  });
});
