// Writing CSV, shared by the server (ASC-WDS files, error reports) and the browser (table
// downloads), so a field is quoted the same way everywhere.

import { defuseCell } from "./text";

type Value = string | number | boolean | null | undefined;

/**
 * One CSV field, quoted only when it must be. With `defuse`, text a spreadsheet would run as a
 * formula (starting =, +, -, @, tab or CR) gets a leading apostrophe (`defuseCell`, shared/text.ts):
 * every file the hub writes for people to open is defused, ASC-WDS downloads included; the
 * ASC-WDS reader takes the apostrophe off again, so a download uploads unchanged.
 */
export function csvField(value: Value, defuse = false): string {
  let s = value === null || value === undefined ? "" : String(value);
  if (defuse && typeof value === "string") s = defuseCell(s);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * One line, nothing defused: only for CSV the hub reads itself (the records API's JSON turned
 * into a file for the reader). One argument, so `rows.map(csvLine)` is safe.
 */
export const csvLine = (values: readonly Value[]) => values.map((v) => csvField(v)).join(",");

/** One line of a file people download: text that starts like a formula is defused. */
export const csvLineDefused = (values: readonly Value[]) => values.map((v) => csvField(v, true)).join(",");

/** A whole file for people to open: formulas defused, CRLF line ends. */
export const csvText = (header: readonly string[], rows: readonly Value[][]) =>
  `${[header, ...rows].map(csvLineDefused).join("\r\n")}\r\n`;
