// CSV files built in the browser from what a page shows (already protected by the server).

/** One cell: quoted when needed; text that a spreadsheet would run as a formula is defused. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvText(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

export const csvHref = (header: string[], rows: unknown[][]) => `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${csvText(header, rows)}`)}`;
