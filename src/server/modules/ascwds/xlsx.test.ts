import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv";
import { ProblemList } from "./problems";
import { csvSheets, readUpload } from "./read-upload";
import { xlsxSheets } from "./xlsx";

const FIX = new URL("../../../../test/fixtures/ascwds/", import.meta.url).pathname;
const NAMES = ["valid-workplace.csv", "valid-staff.csv", "valid-training.csv"];
const ctx = {
  asAt: "2026-06-30",
  allowExampleNi: false,
  existingWorkplaces: new Set<string>(),
  existingStaff: new Set<string>(),
};

/** A workbook with one sheet per file, as someone working in Excel would make it (dates as dates). */
async function workbook() {
  const book = new ExcelJS.Workbook();
  for (const name of NAMES) {
    const sheet = book.addWorksheet(name.replace("valid-", "").replace(".csv", ""));
    for (const row of parseCsv(readFileSync(FIX + name, "utf8"))) {
      sheet.addRow(
        row.cells.map((c) => {
          const d = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(c);
          return d ? new Date(Date.UTC(Number(d[3]), Number(d[2]) - 1, Number(d[1]))) : c;
        }),
      );
    }
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe("XLSX workbooks", () => {
  it("read sheet by sheet give the same records as the CSV files", async () => {
    const fromCsv = readUpload(
      csvSheets(
        NAMES.map((name) => ({ name, bytes: new Uint8Array(readFileSync(FIX + name)) })),
        new ProblemList(),
      ),
      ctx,
    );
    const problems = new ProblemList();
    const sheets = await xlsxSheets({ name: "returns.xlsx", bytes: await workbook() }, problems);
    expect(sheets.map((s) => s.name)).toEqual([
      "returns.xlsx › workplace",
      "returns.xlsx › staff",
      "returns.xlsx › training",
    ]);
    const fromXlsx = readUpload(sheets, ctx, problems);
    expect(fromXlsx.errors).toBe(0);
    expect(fromXlsx.staff.map((s) => s.values)).toEqual(fromCsv.staff.map((s) => s.values));
    expect(fromXlsx.training.map((t) => t.values)).toEqual(fromCsv.training.map((t) => t.values));
    expect(fromXlsx.workplaces.map((w) => w.values)).toEqual(fromCsv.workplaces.map((w) => w.values));
  });

  it("refuses a file that is not a workbook, saying so", async () => {
    const problems = new ProblemList();
    expect(await xlsxSheets({ name: "broken.xlsx", bytes: new Uint8Array([0x50, 0x4b, 1, 2, 3]) }, problems)).toEqual(
      [],
    );
    expect(problems.items[0]).toMatchObject({ file: "broken.xlsx", code: "upload.file.not_xlsx", severity: "error" });
  });
});
