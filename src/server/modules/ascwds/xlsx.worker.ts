/**
 * Reads a workbook's sheets in a worker thread, so that even a large legal workbook never stalls
 * the requests of other users, and a hostile one can only exhaust this thread's own heap (capped
 * by the parent's resourceLimits), never the hub's. Sheets are streamed row by row and reading
 * stops the moment a sheet passes the row cap or the workbook passes the cell cap.
 */
import { Readable } from "node:stream";
import { parentPort, workerData } from "node:worker_threads";
import { createInflateRaw } from "node:zlib";
import ExcelJS from "exceljs";
import type { CsvRow } from "./csv";
import { cellText } from "./xlsx-cells";
import { entryData, zipDirectory } from "./zip-directory";

export interface XlsxWorkerInput {
  bytes: Uint8Array;
  maxRows: number;
  maxCells: number;
  maxUnpackedBytes: number;
}
export type XlsxWorkerOutput =
  | { ok: true; sheets: { name: string; rows: CsvRow[] }[] }
  | { ok: false; reason: "rows"; sheet: string; rows: number }
  | { ok: false; reason: "cells"; cells: number }
  | { ok: false; reason: "unpacked"; bytes: number }
  | { ok: false; reason: "unreadable" };

type Model = { sheets?: { name: string; id: number; rId: string }[] };
type Rels = { Id: string; Target: string }[];

/** The sheet's name as the person named it: workbook.xml names it, the relationships file finds its part. */
function sheetName(reader: { model?: Model; workbookRels?: Rels }, id: string) {
  const rel = reader.workbookRels?.find((r) => r.Target.replace(/^\/?xl\//, "") === `worksheets/sheet${id}.xml`);
  return reader.model?.sheets?.find((s) => s.rId === rel?.Id)?.name ?? `Sheet${id}`;
}

/**
 * How many bytes the workbook really unpacks to, counted by inflating each entry and throwing the
 * output away: the ZIP's declared sizes, checked before, may lie. Stops as soon as it passes max.
 */
async function unpackedSize(bytes: Uint8Array, max: number): Promise<number> {
  let total = 0;
  for (const entry of zipDirectory(bytes)) {
    const data = entryData(bytes, entry);
    if (entry.method === 0) total += data.length;
    else {
      const inflate = createInflateRaw();
      const done = new Promise<void>((resolve, reject) => {
        inflate.on("data", (chunk: Buffer) => {
          total += chunk.length;
          if (total > max) inflate.destroy();
        });
        inflate.on("end", resolve);
        inflate.on("close", resolve);
        inflate.on("error", reject);
      });
      inflate.end(data);
      await done;
    }
    if (total > max) return total;
  }
  return total;
}

async function read({ bytes, maxRows, maxCells, maxUnpackedBytes }: XlsxWorkerInput): Promise<XlsxWorkerOutput> {
  const unpacked = await unpackedSize(bytes, maxUnpackedBytes);
  if (unpacked > maxUnpackedBytes) return { ok: false, reason: "unpacked", bytes: unpacked };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(
    Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]),
    {
      sharedStrings: "cache",
      styles: "cache",
      hyperlinks: "ignore",
      worksheets: "emit",
      entries: "ignore",
    },
  );
  const sheets: { name: string; rows: CsvRow[] }[] = [];
  let cells = 0;
  for await (const worksheet of reader) {
    const ws = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { id: string };
    const name = sheetName(reader as never, ws.id);
    const rows: CsvRow[] = [];
    let count = 0;
    for await (const row of ws) {
      // The header is a row too: a sheet may hold the header and maxRows records.
      if (++count > maxRows + 1) return { ok: false, reason: "rows", sheet: name, rows: count };
      cells += row.cellCount;
      if (cells > maxCells) return { ok: false, reason: "cells", cells };
      const values: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) values.push(cellText(row.getCell(c).value).trim());
      while (values.length && values[values.length - 1] === "") values.pop();
      if (values.length) rows.push({ line: row.number, cells: values });
    }
    if (rows.length) sheets.push({ name, rows });
  }
  return { ok: true, sheets };
}

read(workerData as XlsxWorkerInput).then(
  (out) => parentPort?.postMessage(out),
  () => parentPort?.postMessage({ ok: false, reason: "unreadable" } satisfies XlsxWorkerOutput),
);
