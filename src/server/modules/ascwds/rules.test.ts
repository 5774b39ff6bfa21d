import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ProblemList } from "./problems";
import { csvSheets, LIMITS, readUpload, type UploadContext } from "./read-upload";

const FIX = new URL("../../../../test/fixtures/ascwds/", import.meta.url).pathname;
const file = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(FIX + name)) });
const ctx = (over: Partial<UploadContext> = {}): UploadContext => ({
  asAt: "2026-06-30",
  allowExampleNi: false,
  existingWorkplaces: new Set(),
  existingStaff: new Set(),
  ...over,
});

function check(names: string[], over: Partial<UploadContext> = {}) {
  const problems = new ProblemList();
  const parsed = readUpload(csvSheets(names.map(file), problems), ctx(over), problems);
  const brief = parsed.problems.map((p) => ({
    file: p.file,
    line: p.line,
    column: p.column,
    code: p.code,
    severity: p.severity,
  }));
  return { parsed, brief };
}

describe("ASC-WDS upload rules", () => {
  it("accepts a valid set of the three files (CRLF workplace file included) with nothing blocking", () => {
    const { parsed } = check(["valid-workplace.csv", "valid-staff.csv", "valid-training.csv"]);
    expect(parsed.errors).toBe(0);
    expect(parsed.files.map((f) => f.kind)).toEqual(["workplace", "staff", "training"]);
    expect(parsed.workplaces).toHaveLength(2);
    expect(parsed.staff).toHaveLength(4);
    expect(parsed.training).toHaveLength(3);
    const [s1] = parsed.staff;
    expect(s1).toMatchObject({ workplaceRef: "HOME1", localRef: "S1", ni: "AB123456C", dateOfBirth: "1980-02-01" });
    expect(s1.values).toMatchObject({
      gender: 2,
      contractType: 1,
      payInterval: 3,
      payRate: 12.9,
      contractedHours: 37.5,
      socialCareQual: 1,
      socialCareQualLevel: 2,
      mainJobStartDate: "2020-04-01",
    });
    expect(s1.qualifications).toEqual([{ position: 1, qualificationCode: 12, year: 2019, notes: null }]);
    // Expiry derived from validity when blank: 1 March + 12 months − 1 day.
    expect(parsed.training[0].values.expiresOn).toBe("2027-02-28");
    expect(parsed.workplaces[0].declared).toEqual(
      expect.arrayContaining([
        { kind: "vacancies", code: 8, count: 2 },
        { kind: "leaving_reason", code: 5, count: 1 },
      ]),
    );
  });

  it("codes and ranges: each fault has its own code, line and column", () => {
    const { brief, parsed } = check(["valid-workplace.csv", "staff-codes-and-ranges.csv"]);
    const errors = brief
      .filter((p) => p.severity === "error")
      .map(({ line, column, code }) => ({ line, column, code }));
    expect(errors).toEqual([
      { line: 2, column: "GENDER", code: "staff.GENDER.code" },
      { line: 3, column: "ETHNICITY", code: "staff.ETHNICITY.code" },
      { line: 4, column: "DAYSSICK", code: "staff.DAYSSICK.range" },
      { line: 5, column: "HOURLYRATE", code: "staff.HOURLYRATE.range" },
      { line: 6, column: "CONTHOURS", code: "staff.CONTHOURS.range" },
      { line: 7, column: "MAINJOBROLE", code: "staff.MAINJOBROLE.code" },
      { line: 8, column: "NINUMBER", code: "staff.NINUMBER.format" },
    ]);
    expect(
      parsed.problems.filter((p) => p.severity === "error").every((p) => p.file === "staff-codes-and-ranges.csv"),
    ).toBe(true);
    const niMessage = parsed.problems.find((p) => p.code === "staff.NINUMBER.format")?.message ?? "";
    expect(niMessage).not.toContain("NOTANI");
    expect(parsed.problems.find((p) => p.code === "staff.HOURLYRATE.range")?.message).toMatch(/£2.5 to £200/);
  });

  it("required fields and cross-field rules", () => {
    const { brief } = check(["valid-workplace.csv", "staff-required-and-cross-field.csv"]);
    const errors = brief
      .filter((p) => p.severity === "error")
      .map(({ line, column, code }) => ({ line, column, code }));
    expect(errors).toEqual([
      { line: 2, column: "DISPLAYID", code: "staff.DISPLAYID.missing" },
      { line: 3, column: "EMPLSTATUS", code: "staff.EMPLSTATUS.missing" },
      { line: 4, column: "CONTHOURS", code: "staff.CONTHOURS.zero_hours" },
      { line: 5, column: "HOURLYRATE", code: "staff.HOURLYRATE.with_salary" },
      { line: 5, column: "SALARY", code: "staff.SALARY.missing" },
      { line: 6, column: "MAINJRDESC", code: "staff.MAINJRDESC.missing" },
      { line: 7, column: "SCQUAL", code: "staff.SCQUAL.level_missing" },
      { line: 8, column: "STARTDATE", code: "staff.STARTDATE.date_format" },
    ]);
  });

  it("cross-file rules: duplicates, staff without a workplace, training without a staff record, plausible dates", () => {
    const { brief } = check(["valid-workplace.csv", "cross-file-staff.csv", "cross-file-training.csv"]);
    expect(brief.map(({ file, line, column, code, severity }) => ({ file, line, column, code, severity }))).toEqual(
      expect.arrayContaining([
        {
          file: "cross-file-staff.csv",
          line: 3,
          column: "UNIQUEWORKERID",
          code: "staff.UNIQUEWORKERID.duplicate",
          severity: "error",
        },
        {
          file: "cross-file-staff.csv",
          line: 4,
          column: "LOCALESTID",
          code: "staff.LOCALESTID.unknown_workplace",
          severity: "error",
        },
        {
          file: "cross-file-staff.csv",
          line: 5,
          column: "NINUMBER",
          code: "staff.NINUMBER.repeated",
          severity: "warning",
        },
        {
          file: "cross-file-training.csv",
          line: 3,
          column: "UNIQUEWORKERID",
          code: "training.UNIQUEWORKERID.unknown_staff",
          severity: "error",
        },
        {
          file: "cross-file-training.csv",
          line: 4,
          column: "EXPIRYDATE",
          code: "training.EXPIRYDATE.before_completed",
          severity: "error",
        },
        {
          file: "cross-file-training.csv",
          line: 5,
          column: "CATEGORY",
          code: "training.CATEGORY.code",
          severity: "error",
        },
      ]),
    );
    // A staff file may refer to a workplace the organisation already has, without a workplace file.
    const alone = check(["valid-staff.csv"], { existingWorkplaces: new Set(["HOME1", "HOME2"]) });
    expect(alone.parsed.errors).toBe(0);
  });

  it("moving staff between workplaces (TRANSFERSTAFFRECORD): where to, which record, and no clashing references", () => {
    const existingStaff = new Set([
      "HOME1\u0000S1",
      "HOME1\u0000S2",
      "HOME1\u0000S3",
      "HOME1\u0000H1",
      "HOME2\u0000H1",
      "HOME3\u0000S1",
    ]);
    const { brief, parsed } = check(["staff-transfers.csv"], {
      existingWorkplaces: new Set(["HOME1", "HOME2", "HOME3"]),
      existingStaff,
    });
    const errors = brief
      .filter((p) => p.severity === "error")
      .map(({ line, column, code }) => ({ line, column, code }));
    expect(errors).toEqual([
      { line: 3, column: "TRANSFERSTAFFRECORD", code: "staff.TRANSFERSTAFFRECORD.unknown_workplace" },
      { line: 4, column: "TRANSFERSTAFFRECORD", code: "staff.TRANSFERSTAFFRECORD.no_record" },
      { line: 5, column: "TRANSFERSTAFFRECORD", code: "staff.TRANSFERSTAFFRECORD.clash" },
      { line: 6, column: "TRANSFERSTAFFRECORD", code: "staff.TRANSFERSTAFFRECORD.status" },
      { line: 7, column: "TRANSFERSTAFFRECORD", code: "staff.TRANSFERSTAFFRECORD.duplicate" },
    ]);
    expect(parsed.staff.find((s) => s.localRef === "S1" && s.workplaceRef === "HOME1")?.transferTo).toBe("HOME2");
    // The same file again after the move: the record is at HOME2 now, and the row means it.
    const again = check(["staff-transfers.csv"], {
      existingWorkplaces: new Set(["HOME1", "HOME2"]),
      existingStaff: new Set(["HOME2\u0000S1"]),
    });
    expect(again.parsed.staff.find((s) => s.localRef === "S1")).toMatchObject({
      workplaceRef: "HOME2",
      transferTo: null,
    });
  });

  it("workplace rules", () => {
    const { brief } = check(["workplace-rules.csv"]);
    const errors = brief
      .filter((p) => p.severity === "error")
      .map(({ line, column, code }) => ({ line, column, code }));
    expect(errors).toEqual([
      { line: 2, column: "REGTYPE", code: "workplace.REGTYPE.main_service" },
      { line: 3, column: "ALLSERVICES", code: "workplace.ALLSERVICES.main_missing" },
      { line: 3, column: "REASONNOS", code: "workplace.REASONNOS.total" },
      { line: 4, column: "LOCALESTID", code: "workplace.LOCALESTID.duplicate" },
      { line: 5, column: "POSTCODE", code: "workplace.POSTCODE.format" },
      { line: 5, column: "VACANCIES", code: "workplace.VACANCIES.count" },
    ]);
  });

  it("refuses files that are not ASC-WDS CSVs, saying why", () => {
    const problems = new ProblemList();
    const sheets = csvSheets(
      [
        { name: "photo.png", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]) },
        { name: "notes.csv", bytes: new TextEncoder().encode("Name,Phone\nAnn,0123\n") },
        {
          name: "old-training.csv",
          bytes: new TextEncoder().encode(
            "LOCALESTID,UNIQUEWORKERID,CATEGORY,DESCRIPTION,DATECOMPLETED,EXPIRYDATE,ACCREDITED,NOTES\n",
          ),
        },
      ],
      problems,
    );
    const parsed = readUpload(sheets, ctx(), problems);
    expect(parsed.problems.map((p) => [p.file, p.code])).toEqual([
      ["photo.png", "upload.file.not_csv"],
      ["notes.csv", "upload.file.unrecognised"],
      ["old-training.csv", "upload.file.unrecognised"],
    ]);
    expect(parsed.problems[2].message).toContain("column 4 is DESCRIPTION where TRAININGNAME is expected");
  });

  it("keeps every code unique to one check (no shared codes for different checks)", () => {
    const { parsed } = check(["staff-codes-and-ranges.csv", "staff-required-and-cross-field.csv"], {
      existingWorkplaces: new Set(["HOME1"]),
    });
    const byCode = new Map<string, Set<string>>();
    for (const p of parsed.problems) byCode.set(p.code, (byCode.get(p.code) ?? new Set()).add(String(p.column)));
    for (const [code, columns] of byCode) expect(columns.size, code).toBe(1);
  });
});

describe("whole-file problems", () => {
  const enc = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
  const read = (files: { name: string; bytes: Uint8Array }[]) => {
    const problems = new ProblemList();
    return readUpload(csvSheets(files, problems), ctx(), problems);
  };
  const staffHeader = readFileSync(`${FIX}valid-staff.csv`, "utf8").split("\n")[0];

  it("names the file, the line and the fix for empty, unrecognised, repeated, binary and unreadable files", () => {
    const parsed = read([
      enc("blank.csv", "\r\n\r\n"),
      enc("notes.csv", "name,age\nAnn,40\n"),
      file("valid-workplace.csv"),
      file("valid-staff.csv"),
      enc("staff-copy.csv", readFileSync(`${FIX}valid-staff.csv`, "utf8")),
      { name: "photo.csv", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]) },
    ]);
    const codes = parsed.problems.map((p) => [p.file, p.line, p.code]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ["blank.csv", null, "upload.file.empty"],
        ["notes.csv", 1, "upload.file.unrecognised"],
        ["staff-copy.csv", null, "staff.file.duplicate_file"],
        ["photo.csv", null, "upload.file.not_csv"],
      ]),
    );
    expect(parsed.files.find((f) => f.name === "staff-copy.csv")).toMatchObject({ kind: "staff", rows: 4 });
    expect(parsed.staff).toHaveLength(4); // the first staff file is still read

    // A quote never closed: the line where it starts; the rows before it are still checked.
    const broken = read([file("valid-workplace.csv"), enc("staff.csv", `${staffHeader}\nHOME1,S1,NEW,"Ann Example\n`)]);
    expect(broken.problems).toContainEqual(
      expect.objectContaining({ file: "staff.csv", line: 2, code: "upload.file.csv_syntax", severity: "error" }),
    );
    expect(broken.errors).toBeGreaterThan(0);
  });

  it("counts every row of a file over the row limit and says by how much, without checking the rows past it", () => {
    const line = readFileSync(`${FIX}valid-staff.csv`, "utf8").split("\n")[1].replace(",S1,", ",X,");
    const rows = Array.from({ length: LIMITS.rows + 2 }, (_, i) => line.replace(",X,", `,S${i},`));
    const parsed = read([file("valid-workplace.csv"), enc("staff.csv", `${staffHeader}\n${rows.join("\n")}\n`)]);
    const limit = parsed.problems.find((p) => p.code === "staff.file.too_many_rows");
    expect(limit?.message).toContain(`${(LIMITS.rows + 2).toLocaleString("en-GB")} rows`);
    expect(parsed.files.find((f) => f.name === "staff.csv")?.rows).toBe(LIMITS.rows + 2);
    expect(parsed.staff).toHaveLength(LIMITS.rows);
    expect(parsed.errors).toBeGreaterThan(0);
  });
});
