import { Worker } from "node:worker_threads";
import ExcelJS from "exceljs";
import { defuseCell } from "../../../shared/text";
import type { ProblemList } from "./problems";
import { LIMITS, type SheetInput, type UploadFile } from "./read-upload";
import type { XlsxWorkerInput, XlsxWorkerOutput } from "./xlsx.worker";
import { type ZipEntry, ZipFormatError, zipDirectory } from "./zip-directory";

/**
 * What a workbook may hold. Checked on the ZIP's declared sizes before anything is unpacked, then
 * again while the sheets are streamed (declared sizes can lie). A workbook's sheets stay in memory
 * once read, so the caps also bound the memory one upload can take.
 */
export const XLSX_LIMITS = {
  entries: 1000,
  sheets: 5,
  unpackedBytes: 256 * 1024 * 1024,
  cells: 6_000_000,
  /** The reading thread's own heap: a workbook that needs more fails alone, the hub carries on. */
  workerHeapMb: 1024,
  workerTimeoutMs: 120_000,
};

const notXlsx = (name: string) =>
  `${name} could not be opened as an Excel workbook (.xlsx): it is damaged or not a workbook. Save it again from Excel as "Excel Workbook", or upload the CSV files.`;
const mb = (bytes: number) => Math.ceil(bytes / 1048576).toLocaleString("en-GB");

/** A workbook by its name or its first bytes (a ZIP archive); anything else is read as CSV. */
export const isWorkbook = (f: UploadFile) =>
  f.name.toLowerCase().endsWith(".xlsx") || (f.bytes[0] === 0x50 && f.bytes[1] === 0x4b);

/**
 * What the ZIP directory alone shows to be wrong with a workbook (not a readable ZIP, or too much
 * in it), or null. Cheap (nothing is unpacked), so the upload route asks it before storing anything.
 */
export function workbookDirectoryProblem(
  file: UploadFile,
): { code: "not_xlsx" | "too_many_sheets" | "too_large_unpacked"; message: string } | null {
  let entries: ZipEntry[];
  try {
    entries = zipDirectory(file.bytes);
  } catch (err) {
    if (err instanceof ZipFormatError) return { code: "not_xlsx", message: notXlsx(file.name) };
    throw err;
  }
  const sheets = entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name)).length;
  const unpacked = entries.reduce((s, e) => s + e.unpackedBytes, 0);
  if (entries.length > XLSX_LIMITS.entries || sheets > XLSX_LIMITS.sheets)
    return {
      code: "too_many_sheets",
      message: `${file.name} has ${(sheets > XLSX_LIMITS.sheets ? sheets : entries.length).toLocaleString("en-GB")} ${sheets > XLSX_LIMITS.sheets ? "sheets" : "parts"}: a workbook can hold at most ${XLSX_LIMITS.sheets} sheets (the workplace, staff and training files, one sheet each). Remove the other sheets, or upload the CSV files.`,
    };
  if (unpacked > XLSX_LIMITS.unpackedBytes)
    return {
      code: "too_large_unpacked",
      message: `${file.name} unpacks to ${mb(unpacked)} MB, more than the ${mb(XLSX_LIMITS.unpackedBytes)} MB a workbook can hold. Save each sheet as a CSV file and upload those instead.`,
    };
  return null;
}

// One workbook is read at a time: the other core stays free for everyone else's requests.
let reading: Promise<unknown> = Promise.resolve();

function readInWorker(input: XlsxWorkerInput): Promise<XlsxWorkerOutput | { ok: false; reason: "too_big" }> {
  const run = () =>
    new Promise<XlsxWorkerOutput | { ok: false; reason: "too_big" }>((resolve) => {
      const worker = new Worker(new URL("./xlsx.worker.boot.mjs", import.meta.url), {
        workerData: input,
        resourceLimits: { maxOldGenerationSizeMb: XLSX_LIMITS.workerHeapMb },
      });
      const timer = setTimeout(() => {
        void worker.terminate();
        resolve({ ok: false, reason: "too_big" });
      }, XLSX_LIMITS.workerTimeoutMs);
      worker.once("message", (out: XlsxWorkerOutput) => {
        clearTimeout(timer);
        resolve(out);
        void worker.terminate();
      });
      // Out of its heap (ERR_WORKER_OUT_OF_MEMORY) or any other crash: the workbook is too much to read.
      worker.once("error", () => {
        clearTimeout(timer);
        resolve({ ok: false, reason: "too_big" });
      });
      worker.once("exit", () => {
        clearTimeout(timer);
        resolve({ ok: false, reason: "too_big" });
      });
    });
  const result = reading.then(run, run);
  reading = result;
  return result;
}

/** Each worksheet of a workbook becomes one "file", named "workbook.xlsx › Sheet". */
export async function xlsxSheets(file: UploadFile, problems: ProblemList): Promise<SheetInput[]> {
  const limit = workbookDirectoryProblem(file);
  if (limit) {
    problems.fileError(file.name, "upload", limit.code, limit.message);
    return [];
  }
  const out = await readInWorker({
    bytes: file.bytes,
    maxRows: LIMITS.rows,
    maxCells: XLSX_LIMITS.cells,
    maxUnpackedBytes: XLSX_LIMITS.unpackedBytes,
  });
  if (!out.ok) {
    const message =
      out.reason === "rows"
        ? `${file.name} › ${out.sheet} has more than ${LIMITS.rows.toLocaleString("en-GB")} rows: at most ${LIMITS.rows.toLocaleString("en-GB")} can be uploaded at once. Split it by workplace.`
        : out.reason === "cells"
          ? `${file.name} has more than ${XLSX_LIMITS.cells.toLocaleString("en-GB")} filled cells, more than a workbook can hold. Save each sheet as a CSV file and upload those instead.`
          : out.reason === "unpacked"
            ? `${file.name} unpacks to more than ${mb(XLSX_LIMITS.unpackedBytes)} MB, more than a workbook can hold. Save each sheet as a CSV file and upload those instead.`
            : out.reason === "too_big"
              ? `${file.name} is too large or too complex to read as a workbook. Save each sheet as a CSV file and upload those instead.`
              : notXlsx(file.name);
    problems.fileError(file.name, "upload", out.reason === "unreadable" ? "not_xlsx" : "too_large_unpacked", message);
    return [];
  }
  const sheets = out.sheets.map((s) => ({ name: `${file.name} › ${s.name}`, rows: s.rows, encoding: "xlsx" }));
  if (!sheets.length) problems.fileError(file.name, "upload", "empty", `${file.name} has no sheets with data.`);
  return sheets;
}

/** A workbook with one sheet per table, for downloads (error reports, current data). */
export async function workbookOf(
  sheets: { name: string; header: string[]; rows: (string | number | null)[][] }[],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name);
    sheet.addRow(s.header).font = { bold: true };
    // Text that starts like a formula is defused, as in CSV downloads (shared/text.ts).
    for (const r of s.rows) sheet.addRow(r.map((v) => (typeof v === "string" ? defuseCell(v) : (v ?? ""))));
    sheet.columns.forEach((c) => {
      c.width = 18;
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
