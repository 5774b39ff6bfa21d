// Writing CSV, shared by the server (ASC-WDS files, error reports) and the browser (table
// downloads), so a field is quoted the same way everywhere.

type Value = string | number | boolean | null | undefined;

/**
 * One CSV field, quoted only when it must be. With `defuse`, text a spreadsheet would run as a
 * formula (starting =, +, -, @, tab or CR) gets a leading apostrophe: for files people open in
 * Excel. ASC-WDS files are written without it, so they read back exactly as written.
 */
export function csvField(value: Value, defuse = false): string {
  let s = value === null || value === undefined ? "" : String(value);
  if (defuse && typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One line as written in ASC-WDS files (nothing defused). One argument, so `rows.map(csvLine)` is safe. */
export const csvLine = (values: readonly Value[]) => values.map((v) => csvField(v)).join(",");

/** A whole file for people to open: formulas defused, CRLF line ends. */
export const csvText = (header: readonly string[], rows: readonly Value[][]) => `${[header, ...rows].map((r) => r.map((v) => csvField(v, true)).join(",")).join("\r\n")}\r\n`;
