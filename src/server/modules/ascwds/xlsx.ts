import ExcelJS from "exceljs";
import type { CsvRow } from "./csv";
import type { ProblemList } from "./problems";
import type { SheetInput, UploadFile } from "./read-upload";

const pad = (n: number) => String(n).padStart(2, "0");

/** A cell as the text a CSV export of it would hold (dates as DD/MM/YYYY). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    if ("error" in value) return "";
  }
  return String(value);
}

/** Each worksheet of a workbook becomes one "file", named "workbook.xlsx › Sheet". */
export async function xlsxSheets(file: UploadFile, problems: ProblemList): Promise<SheetInput[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file.bytes.buffer.slice(file.bytes.byteOffset, file.bytes.byteOffset + file.bytes.byteLength) as ArrayBuffer);
  } catch {
    problems.fileError(
      file.name,
      "upload",
      "not_xlsx",
      `${file.name} could not be opened as an Excel workbook (.xlsx). Save it again from Excel as "Excel Workbook", or upload the CSV files.`,
    );
    return [];
  }
  const sheets: SheetInput[] = [];
  workbook.eachSheet((sheet) => {
    const rows: CsvRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value).trim());
      while (cells.length && cells[cells.length - 1] === "") cells.pop();
      if (cells.length) rows.push({ line: rowNumber, cells });
    });
    if (rows.length) sheets.push({ name: `${file.name} › ${sheet.name}`, rows, encoding: "xlsx" });
  });
  if (!sheets.length) problems.fileError(file.name, "upload", "empty", `${file.name} has no sheets with data.`);
  return sheets;
}

/** A workbook with one sheet per table, for downloads (error reports, current data). */
export async function workbookOf(sheets: { name: string; header: string[]; rows: (string | number | null)[][] }[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name);
    sheet.addRow(s.header).font = { bold: true };
    for (const r of s.rows) sheet.addRow(r.map((v) => v ?? ""));
    sheet.columns.forEach((c) => {
      c.width = 18;
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
