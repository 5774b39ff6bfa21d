import { describe, expect, it } from "vitest";
import { CsvSyntaxError, csvLine, decode, looksBinary, parseCsv } from "./csv";
import { isRealDate, yearsBetween } from "./row-reader";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("CSV reading", () => {
  it("strips a UTF-8 byte order mark and reads UTF-8", () => {
    const d = decode(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes("A,B\nZoë,Ł")]));
    expect(d.encoding).toBe("utf-8");
    expect(parseCsv(d.text)).toEqual([
      { line: 1, cells: ["A", "B"] },
      { line: 2, cells: ["Zoë", "Ł"] },
    ]);
  });

  it("falls back to Windows-1252 for bytes that are not UTF-8 (Excel's CSV on Windows)", () => {
    // "Chloë £12" in Windows-1252: ë = 0xEB, £ = 0xA3
    const d = decode(new Uint8Array([0x43, 0x68, 0x6c, 0x6f, 0xeb, 0x2c, 0xa3, 0x31, 0x32]));
    expect(d.encoding).toBe("windows-1252");
    expect(parseCsv(d.text)[0].cells).toEqual(["Chloë", "£12"]);
  });

  it("handles CRLF, quoted fields with commas, quotes and line breaks, empty fields and trailing blank lines", () => {
    const rows = parseCsv('A,B,C\r\n"x, y","say ""hi""",\r\n"two\r\nlines",2,3\r\n\r\n\r\n');
    expect(rows).toEqual([
      { line: 1, cells: ["A", "B", "C"] },
      { line: 2, cells: ["x, y", 'say "hi"', ""] },
      { line: 3, cells: ["two\r\nlines", "2", "3"] },
    ]);
  });

  it("keeps line numbers right after a quoted line break", () => {
    const rows = parseCsv('H\n"a\nb"\nc\n');
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it("names the line of an unclosed quote", () => {
    expect(() => parseCsv('H\nok\n"broken,1\n')).toThrow(CsvSyntaxError);
    try {
      parseCsv('H\nok\n"broken,1\n');
    } catch (e) {
      expect((e as CsvSyntaxError).line).toBe(3);
    }
  });

  it("spots binary files and writes fields that read back the same", () => {
    expect(looksBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00]))).toBe(true);
    expect(looksBinary(bytes("A,B\n1,2"))).toBe(false);
    const line = csvLine(["a,b", 'q"q', null, 3, "multi\nline"]);
    expect(parseCsv(line)[0].cells).toEqual(["a,b", 'q"q', "", "3", "multi\nline"]);
    // ASC-WDS files keep values exactly (a leading minus or equals sign is data, not a formula),
    // even when lines are written with rows.map(csvLine).
    expect([["x"], ["-1", "=A"]].map(csvLine)).toEqual(["x", "-1,=A"]);
  });
});

describe("dates", () => {
  it("knows real calendar dates, leap years included", () => {
    for (const d of ["2024-02-29", "2000-02-29", "2026-12-31", "1999-01-01"]) expect(isRealDate(d), d).toBe(true);
    for (const d of ["2025-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-1-01", "abcd-ef-gh"])
      expect(isRealDate(d), d).toBe(false);
  });
  it("counts whole years, including across a leap day", () => {
    expect(yearsBetween("1980-02-01", "2026-01-31")).toBe(45);
    expect(yearsBetween("1980-02-01", "2026-02-01")).toBe(46);
    expect(yearsBetween("2004-02-29", "2026-02-28")).toBe(21);
    expect(yearsBetween("2004-02-29", "2026-03-01")).toBe(22);
  });
});
