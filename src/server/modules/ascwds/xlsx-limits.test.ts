import { describe, expect, it } from "vitest";
import { columnLetters, deflatedRepeat, inlineRow, sheetXml, workbookParts, zipOf } from "../../../../test/zip";
import { ProblemList } from "./problems";
import { LIMITS } from "./read-upload";
import { XLSX_LIMITS, xlsxSheets } from "./xlsx";

const HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const FOOT = "</sheetData></worksheet>";
/** About 300 MB of one repeated row: more than a workbook may unpack to. */
const bomb = () =>
  deflatedRepeat(
    HEAD,
    inlineRow(1, ["x", "y", "z"]),
    Math.ceil((300 * 1024 * 1024) / inlineRow(1, ["x", "y", "z"]).length),
    FOOT,
  );

async function read(bytes: Uint8Array) {
  const problems = new ProblemList();
  const sheets = await xlsxSheets({ name: "bomb.xlsx", bytes }, problems);
  return { sheets, problems: problems.items };
}

describe("hostile workbooks", () => {
  it("refuse a sheet that unpacks past the limit on its declared size, before unpacking it", async () => {
    const payload = bomb();
    expect(payload.size).toBeGreaterThan(XLSX_LIMITS.unpackedBytes);
    const { sheets, problems } = await read(zipOf(workbookParts([{ name: "staff", deflated: payload }])));
    expect(sheets).toEqual([]);
    expect(problems).toMatchObject([{ file: "bomb.xlsx", code: "upload.file.too_large_unpacked", severity: "error" }]);
    expect(problems[0].message).toMatch(
      /bomb\.xlsx unpacks to 3\d\d MB, more than the 256 MB a workbook can hold\. Save each sheet as a CSV file/,
    );
  });

  it("refuse a sheet whose ZIP headers lie about its size, by counting what it really unpacks to", async () => {
    const { sheets, problems } = await read(
      zipOf(workbookParts([{ name: "staff", deflated: bomb(), declaredSize: 1000 }])),
    );
    expect(sheets).toEqual([]);
    expect(problems).toMatchObject([{ code: "upload.file.too_large_unpacked" }]);
    expect(problems[0].message).toContain("unpacks to more than 256 MB");
  });

  it("refuse more sheets than a return has files", async () => {
    const six = Array.from({ length: XLSX_LIMITS.sheets + 1 }, (_, i) => ({
      name: `S${i}`,
      xml: sheetXml(inlineRow(1, ["a"])),
    }));
    const { problems } = await read(zipOf(workbookParts(six)));
    expect(problems).toMatchObject([{ code: "upload.file.too_many_sheets" }]);
    expect(problems[0].message).toContain("has 6 sheets: a workbook can hold at most 5");
  });

  it("stop reading a sheet at the row limit", async () => {
    const rows = LIMITS.rows + 2;
    const payload = deflatedRepeat(HEAD, inlineRow(7, ["a"]), rows, FOOT);
    const { sheets, problems } = await read(zipOf(workbookParts([{ name: "staff", deflated: payload }])));
    expect(sheets).toEqual([]);
    expect(problems[0].message).toBe(
      "bomb.xlsx › staff has more than 250,000 rows: at most 250,000 can be uploaded at once. Split it by workplace.",
    );
  });

  it("stop reading at the cell limit", async () => {
    // 100,000 rows of 61 cells: under the row limit, over the 6 million cells.
    const cells = Array.from({ length: 61 }, () => "1");
    const payload = deflatedRepeat(
      HEAD,
      `<row r="3">${cells.map((c, i) => `<c r="${columnLetters(i + 1)}3"><v>${c}</v></c>`).join("")}</row>`,
      100_000,
      FOOT,
    );
    const { problems } = await read(zipOf(workbookParts([{ name: "staff", deflated: payload }])));
    expect(problems[0].message).toContain("has more than 6,000,000 filled cells");
  });

  it("still read an ordinary workbook made by hand, sheet names and all", async () => {
    const { sheets, problems } = await read(
      zipOf(
        workbookParts([
          {
            name: "Staff list",
            xml: sheetXml(inlineRow(1, ["LOCALESTID", "UNIQUEWORKERID"]) + inlineRow(2, ["W1", "S1"])),
          },
        ]),
      ),
    );
    expect(problems).toEqual([]);
    expect(sheets).toMatchObject([
      {
        name: "bomb.xlsx › Staff list",
        rows: [
          { line: 1, cells: ["LOCALESTID", "UNIQUEWORKERID"] },
          { line: 2, cells: ["W1", "S1"] },
        ],
      },
    ]);
  });
});
