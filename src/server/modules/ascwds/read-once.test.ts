// Pins what the staff file reader gives now that each file's columns are resolved once and each
// row's cells are trimmed once and read by position: padded, blank, repeated and shifted cells
// give the same records and problems as before, and records share nothing they could change.
import { describe, expect, it } from "vitest";
import { STAFF_COLUMNS } from "./headers";
import { ProblemList } from "./problems";
import { csvSheets, readUpload } from "./read-upload";

const BASE: Record<string, string> = {
  LOCALESTID: "W1",
  UNIQUEWORKERID: "S1",
  STATUS: "NEW",
  DISPLAYID: "Ann",
  NINUMBER: "AB123456C",
  DOB: "1/2/1980",
  GENDER: "2",
  ETHNICITY: "31",
  NATIONALITY: "826",
  DISABLED: "0",
  CARECERT: "1",
  RECSOURCE: "2",
  STARTDATE: "01/04/2020",
  STARTINSECT: "999",
  APPRENTICE: "2",
  EMPLSTATUS: "1",
  ZEROHRCONT: "2",
  SALARYINT: "3",
  HOURLYRATE: "12.50",
  MAINJOBROLE: "8",
  CONTHOURS: "37.5",
  SCQUAL: "1;2",
  NONSCQUAL: "2",
  CWPCATEGORY: "2",
};

function read(rows: Record<string, string>[], extraColumns: string[] = []) {
  const columns = [...STAFF_COLUMNS.slice(0, 2), ...extraColumns, ...STAFF_COLUMNS.slice(2)];
  const text = [columns.join(","), ...rows.map((r) => columns.map((c) => r[c] ?? "").join(","))].join("\n");
  const problems = new ProblemList();
  const parsed = readUpload(
    csvSheets([{ name: "staff.csv", bytes: new TextEncoder().encode(text) }], problems),
    { asAt: "2026-06-30", allowExampleNi: false, existingWorkplaces: new Set(["W1", "W2"]), existingStaff: new Set() },
    problems,
  );
  const brief = parsed.problems.map((p) => `${p.line} ${p.code}${p.staff ? ` ${p.staff}` : ""}`);
  return { parsed, brief };
}

describe("reading each staff cell once", () => {
  it("reads cells padded with spaces and tabs as the same values, and quotes them trimmed", () => {
    const plain = read([BASE]).parsed.staff[0];
    const padded = read([Object.fromEntries(Object.entries(BASE).map(([k, v]) => [k, ` \t${v} `]))]);
    expect(padded.brief).toEqual([]);
    expect(padded.parsed.staff[0]).toEqual(plain);
    const bad = read([{ ...BASE, GENDER: "  9 ", STATUS: " new " }]);
    expect(bad.brief).toEqual(["2 staff.GENDER.code S1"]);
    expect(bad.parsed.problems[0].message).toContain('GENDER "9" is not one of the allowed codes');
  });

  it("treats a cell of spaces as blank, and a repeated reference as a duplicate of the first line", () => {
    const { brief, parsed } = read([
      BASE,
      { ...BASE, DISPLAYID: "Bo" },
      { ...BASE, UNIQUEWORKERID: "   ", EMPLSTATUS: " " },
      { ...BASE, UNIQUEWORKERID: "S2" },
    ]);
    expect(brief).toEqual([
      "3 staff.UNIQUEWORKERID.duplicate S1",
      "4 staff.UNIQUEWORKERID.missing",
      "4 staff.EMPLSTATUS.missing",
      "5 staff.NINUMBER.repeated S2",
    ]);
    expect(parsed.problems[0].message).toContain("is also on line 2");
    expect(parsed.staff.map((s) => s.localRef)).toEqual(["S1", "S2"]);
  });

  it("finds the columns where this file has them, with the optional columns before STATUS", () => {
    const { brief, parsed } = read(
      [
        { ...BASE, CHGUNIQUEWRKID: "S9", GENDER: "7" },
        { ...BASE, UNIQUEWORKERID: "S2", NINUMBER: "", TRANSFERSTAFFRECORD: "W1", DOB: "31/02/1980" },
      ],
      ["CHGUNIQUEWRKID", "TRANSFERSTAFFRECORD"],
    );
    expect(brief).toEqual(["2 staff.GENDER.code S1", "3 staff.DOB.date_format S2"]);
    // A bad date of birth is not quoted back, and moving to the workplace it is at is no move.
    expect(parsed.problems[1].message).not.toContain("31/02/1980");
    expect(parsed.staff).toHaveLength(1);
    expect(parsed.staff[0]).toMatchObject({ localRef: "S2", transferTo: null, newLocalRef: null, dateOfBirth: null });
  });

  it("reports a formula in free text without dropping the record, as before", () => {
    const { brief, parsed } = read([{ ...BASE, DISPLAYID: "=1+1" }]);
    expect(brief).toEqual(["2 staff.DISPLAYID.formula"]);
    expect(parsed.staff).toHaveLength(1);
  });

  it("gives each record its own kept fields and qualifications, never another record's", () => {
    const { parsed } = read([
      { ...BASE, ETHNICITY: "admin", DOB: "Admin", NINUMBER: "ad min" },
      { ...BASE, UNIQUEWORKERID: "S2", NINUMBER: "" },
      { ...BASE, UNIQUEWORKERID: "S3", NINUMBER: "", DISABLED: "ADMIN", QUALACH01: "12;2019" },
    ]);
    const [a, b, c] = parsed.staff;
    expect(a).toMatchObject({ kept: ["ethnicity"], dateOfBirth: "keep", ni: "keep", qualifications: [] });
    expect(b).toMatchObject({ kept: [], qualifications: [] });
    expect(c).toMatchObject({
      kept: ["disabled"],
      qualifications: [{ position: 1, qualificationCode: 12, year: 2019, notes: null }],
    });
    expect(() => b.kept.push("disabled")).toThrow();
    expect(a.values.mainJobStartDate).toBe("2020-04-01");
  });
});
