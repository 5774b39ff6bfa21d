// Reading the CSV files providers already make: tolerant of a UTF-8 byte order mark, CRLF line
// endings, quoted fields (with embedded commas, quotes and line breaks) and trailing blank lines;
// UTF-8 or Windows-1252 (what Excel on Windows saves as "CSV").

export type Encoding = "utf-8" | "windows-1252";

export interface DecodedText {
  text: string;
  encoding: Encoding;
}

/** Decodes bytes as UTF-8 when they are valid UTF-8, otherwise as Windows-1252. */
export function decode(bytes: Uint8Array): DecodedText {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(body), encoding: "windows-1252" };
  }
}

/** True when the bytes look like a binary file (a spreadsheet, a PDF, an image) rather than text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

export interface CsvRow {
  /** The line number in the file where the row starts (1 = the header line). */
  line: number;
  cells: string[];
  /** Cells that came defused (an apostrophe before =, +, -, @…) and were given back their value. */
  escaped?: Set<number>;
}

export class CsvSyntaxError extends Error {
  constructor(
    public line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Parses CSV text into an array of rows (see csvRows). */
export const parseCsv = (text: string): CsvRow[] => [...csvRows(text)];

/**
 * Reads CSV text row by row, keeping each row's starting line number. Blank lines are skipped
 * (so trailing blank lines do no harm); an unterminated quote is an error naming its line.
 * Row by row so that a large file's cells are never all held at once: each row is checked and
 * turned into a record, and its cells are garbage.
 */
export function* csvRows(text: string): Generator<CsvRow> {
  const len = text.length;
  let i = 0;
  let line = 1;
  while (i < len) {
    const rowLine = line;
    const cells: string[] = [];
    let atRowEnd = false;
    while (!atRowEnd) {
      let cell: string;
      if (text.charCodeAt(i) === 34 /* " */) {
        i++;
        let out = "";
        let from = i;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q === -1)
            throw new CsvSyntaxError(
              rowLine,
              `a quoted field that starts on line ${rowLine} is never closed: check for a missing closing quote (")`,
            );
          for (let k = i; k < q; k++) if (text.charCodeAt(k) === 10) line++;
          if (text.charCodeAt(q + 1) === 34) {
            out += text.slice(from, q + 1);
            i = q + 2;
            from = i;
            continue;
          }
          out += text.slice(from, q);
          i = q + 1;
          break;
        }
        cell = out;
        // Anything between the closing quote and the next separator is kept, as spreadsheets do.
        let j = i;
        while (j < len && text.charCodeAt(j) !== 44 && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
        if (j > i) cell += text.slice(i, j);
        i = j;
      } else {
        let j = i;
        while (j < len) {
          const c = text.charCodeAt(j);
          if (c === 44 || c === 10 || c === 13) break;
          j++;
        }
        cell = text.slice(i, j);
        i = j;
      }
      cells.push(cell);
      const c = text.charCodeAt(i);
      if (c === 44) {
        i++;
        if (i >= len) cells.push("");
      } else {
        atRowEnd = true;
        if (c === 13) i++;
        if (text.charCodeAt(i) === 10) i++;
        line++;
      }
    }
    if (!(cells.length === 1 && cells[0].trim() === "")) yield { line: rowLine, cells };
  }
}

// Writing: the shared CSV writer.
export { csvField, csvLine, csvLineDefused } from "../../../shared/csv";
