import { describe, expect, it } from "vitest";
import {
  ageOn,
  buildCensus,
  type CensusAgencyAssignment,
  type CensusEmployee,
  type CensusPost,
  censusYearBounds,
  ethnicGroupOf,
  lastEndedCensusYear,
  leavingReasonOf,
  sexOf,
  workerRows,
} from "./sw-census";

// The census items from hand-made records, each worked out by hand in the comments.

let n = 0;
const emp = (o: Partial<CensusEmployee> & { localRef: string }): CensusEmployee => ({
  staffRecordId: `id-${o.localRef}-${++n}`,
  teamId: "T1",
  teamName: "Team one",
  role: "social_worker",
  sweNumber: `SW${300000 + n}`,
  dateOfBirth: "1990-05-01",
  gender: 2,
  ethnicity: 31,
  startDate: "2020-01-01",
  endDate: null,
  leavingReason: null,
  contractedHours: 37,
  daysSick: 0,
  septemberCases: 10,
  ...o,
});
const agy = (o: Partial<CensusAgencyAssignment> & { workerName: string }): CensusAgencyAssignment => ({
  id: `ag-${o.workerName}`,
  agencyName: "Locum Co",
  teamName: "Team one",
  role: "social_worker",
  sweNumber: `SW${400000 + ++n}`,
  startDate: "2026-01-05",
  endDate: null,
  hourlyRate: 45,
  weeklyHours: 37,
  coversVacancy: true,
  ...o,
});

describe("census year and code mappings", () => {
  it("runs 1 October to 30 September; the last ended year turns on 1 October", () => {
    expect(censusYearBounds(2026)).toEqual({ start: "2025-10-01", end: "2026-09-30" });
    expect(lastEndedCensusYear("2026-09-30")).toBe(2025);
    expect(lastEndedCensusYear("2026-10-01")).toBe(2026);
    expect(lastEndedCensusYear("2026-11-22")).toBe(2026);
    expect(lastEndedCensusYear("2026-06-15")).toBe(2025);
  });
  it("maps ASC-WDS ethnicity codes to the DfE's broad groups", () => {
    expect([31, 32, 33, 34].map(ethnicGroupOf)).toEqual(["white", "white", "white", "white"]);
    expect([35, 36, 37, 38].map(ethnicGroupOf)).toEqual(["mixed", "mixed", "mixed", "mixed"]);
    expect([39, 40, 41, 42, 43].map(ethnicGroupOf)).toEqual(["asian", "asian", "asian", "asian", "asian"]);
    expect([44, 45, 46].map(ethnicGroupOf)).toEqual(["black", "black", "black"]);
    expect([47, 98].map(ethnicGroupOf)).toEqual(["other", "other"]);
    expect([99, null, 7].map(ethnicGroupOf)).toEqual(["not_known", "not_known", "not_known"]);
  });
  it("maps leaving reasons, sex, FTE and age", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(leavingReasonOf)).toEqual([
      "other_social_care_employer",
      "health",
      "outside_social_care",
      "other_role_same_council",
      "resigned",
      "retired",
      "dismissed",
      "other",
      "not_known",
    ]);
    expect(leavingReasonOf(null)).toBeNull();
    expect(leavingReasonOf(42)).toBeNull();
    expect([1, 2, 4, 3, null].map(sexOf)).toEqual(["Male", "Female", "Other", null, null]);
    expect(ageOn("1990-09-30", "2026-09-30")).toBe(36);
    expect(ageOn("1990-10-01", "2026-09-30")).toBe(35);
  });
});

describe("the census from hand-made records", () => {
  const employees = [
    // In post all year, full time, 18 cases.
    emp({ localRef: "A1", daysSick: 10, septemberCases: 18 }),
    // Part time: 22.5 ÷ 37 = 0.6081 FTE; ethnicity not known (a warning).
    emp({
      localRef: "B1",
      role: "senior_social_worker",
      contractedHours: 22.5,
      ethnicity: 99,
      daysSick: 5,
      septemberCases: 12,
    }),
    // Starter and leaver in the year.
    emp({
      localRef: "C1",
      teamId: "T2",
      startDate: "2025-11-01",
      endDate: "2026-03-31",
      leavingReason: 5,
      daysSick: 3,
    }),
    // Leaver on 30 September: a leaver, not in post. 30 ÷ 37 = 0.8108 FTE.
    emp({
      localRef: "D1",
      startDate: "2019-01-01",
      endDate: "2026-09-30",
      leavingReason: 6,
      contractedHours: 30,
      daysSick: 20,
      septemberCases: 15,
    }),
    // One person, two records (half time each): counted once, as the team manager.
    emp({
      localRef: "E1",
      teamId: "T2",
      sweNumber: "SW200005",
      contractedHours: 18.5,
      startDate: "2024-01-01",
      daysSick: 2,
      septemberCases: 5,
    }),
    emp({
      localRef: "E2",
      teamId: "T2",
      role: "team_manager",
      sweNumber: "sw200005",
      contractedHours: 18.5,
      startDate: "2025-12-01",
      daysSick: null,
      septemberCases: null,
    }),
    // Not a registered social worker: not counted.
    emp({ localRef: "F1", role: "family_support_worker", sweNumber: null }),
    // Left before the year: not counted.
    emp({ localRef: "G1", endDate: "2025-09-30", leavingReason: 5 }),
    // A team manager holds no cases (no caseload warning).
    emp({ localRef: "H1", teamId: "T2", role: "team_manager", septemberCases: null }),
  ];
  const agency = [
    agy({ workerName: "Agency One" }),
    agy({
      workerName: "Agency Two",
      role: "senior_social_worker",
      weeklyHours: 30,
      startDate: "2025-06-01",
      endDate: "2026-02-28",
      coversVacancy: false,
    }),
    agy({ workerName: "Agency Three", startDate: "2026-08-01", coversVacancy: false }),
    // Ended before the year.
    agy({ workerName: "Agency Zero", startDate: "2024-01-01", endDate: "2025-09-01" }),
  ];
  const establishment: CensusPost[] = [
    { teamId: "T1", role: "social_worker", fundedFte: 3, effectiveFrom: "2020-01-01" },
    // After 30 September: not yet in force.
    { teamId: "T1", role: "social_worker", fundedFte: 4, effectiveFrom: "2026-10-01" },
    { teamId: "T1", role: "senior_social_worker", fundedFte: 1, effectiveFrom: "2020-01-01" },
    { teamId: "T2", role: "social_worker", fundedFte: 2, effectiveFrom: "2020-01-01" },
    { teamId: "T2", role: "team_manager", fundedFte: 1, effectiveFrom: "2020-01-01" },
    // Not a social work role.
    { teamId: "T2", role: "family_support_worker", fundedFte: 2, effectiveFrom: "2020-01-01" },
  ];
  const c = buildCensus({ year: 2026, employees, agency, establishment });

  it("counts every item exactly", () => {
    // In post at 30 Sep: A 1 + B 0.6081 + E1 0.5 + E2 0.5 + H 1 = 3.6081 FTE; headcount A, B, E, H = 4.
    // Starters C 1 + E2 0.5; leavers C 1 + D 0.8108 = 1.8108. Turnover 1.8108 ÷ 3.6081 = 50.19%.
    // Agency at 30 Sep: One and Three, 2 FTE; rate 2 ÷ 5.6081 = 35.66%; covering vacancies: One, 1 FTE.
    // Funded 3 + 1 + 2 + 1 = 7. Vacancies: T1 sw 3 − 1 = 2, T1 senior 1 − 0.6081 = 0.3919, T2 sw 2 − 0.5
    // = 1.5, T2 manager 1 − 1.5 → 0: 3.8919; rate 3.8919 ÷ 7.5 = 51.89%; covered 1 ÷ 3.8919 = 25.69%.
    // Case holders A, B, E1 = 2.1081 FTE; cases 18 + 12 + 5 = 35; 16.60 per FTE.
    // Days lost (in post) 10 + 5 + 2 + 0 + 0 = 17; 17 ÷ (3.6081 × 253) = 1.86%.
    expect(c.aggregate).toEqual({
      inpost_fte: 3.6,
      inpost_headcount: 4,
      starters_fte: 1.5,
      starters_headcount: 2,
      leavers_fte: 1.8,
      leavers_headcount: 2,
      turnover_rate_fte: 50.2,
      turnover_rate_headcount: 50,
      agency_fte: 2,
      agency_headcount: 2,
      agency_rate_fte: 35.7,
      agency_rate_headcount: 33.3,
      agency_cover_fte: 1,
      agency_cover_rate_fte: 50,
      funded_fte: 7,
      vacancy_fte: 3.9,
      vacancy_rate_fte: 51.9,
      vacancy_agency_cover_rate_fte: 25.7,
      case_holders_fte: 2.1,
      cases: 35,
      caseload_fte: 16.6,
      working_days_lost: 17,
      absence_rate_fte: 1.9,
    });
    expect(c.counts).toEqual({ employees: 7, agency: 3, errors: 0, warnings: 2 });
  });

  it("gives each worker's row", () => {
    expect(c.workers.map((w) => w.reference)).toEqual([
      "A1",
      "B1",
      "C1",
      "D1",
      "E1",
      "E2",
      "H1",
      "Agency One (agency: Locum Co)",
      "Agency Three (agency: Locum Co)",
      "Agency Two (agency: Locum Co)",
    ]);
    const row = (ref: string) => c.workers.find((w) => w.reference === ref);
    expect(row("B1")).toMatchObject({
      row: 3,
      agency: false,
      ageAt30Sep: 36,
      sex: "Female",
      ethnicGroup: "Not known",
      role: "Senior social worker",
      fte: 0.61,
      casesAt30Sep: 12,
      starter: false,
      leaver: false,
      inPostAt30Sep: true,
      countedInHeadcount: true,
    });
    expect(row("C1")).toMatchObject({
      starter: true,
      leaver: true,
      leavingDate: "2026-03-31",
      leavingReason: "Resigned (destination not known)",
      inPostAt30Sep: false,
      casesAt30Sep: null,
    });
    expect(row("D1")).toMatchObject({ leaver: true, leavingReason: "Retired", inPostAt30Sep: false, fte: 0.81 });
    expect(row("E1")).toMatchObject({ countedInHeadcount: false, sweNumber: "SW200005" });
    expect(row("E2")).toMatchObject({ countedInHeadcount: true, sweNumber: "SW200005", role: "Team manager" });
    expect(row("Agency Two (agency: Locum Co)")).toMatchObject({
      row: 11,
      agency: true,
      fte: 0.81,
      leaver: true,
      leavingDate: "2026-02-28",
      inPostAt30Sep: false,
      coversVacancy: false,
    });
    const a1 = workerRows(c.workers)[0];
    expect(a1).toEqual([
      "A1",
      "No",
      expect.stringMatching(/^SW3\d{5}$/),
      "1990-05-01",
      36,
      "Female",
      "White",
      "Social worker",
      "Team one",
      "2020-01-01",
      null,
      null,
      1,
      10,
      18,
      "No",
      "No",
      "Yes",
      "Yes",
      null,
    ]);
  });

  it("warns of the unknown ethnicity and the shared SWE number (naming only its last 3 characters)", () => {
    expect(c.problems).toEqual([
      {
        row: 3,
        reference: "B1",
        staffRecordId: expect.stringMatching(/^id-B1-/),
        assignmentId: null,
        field: "Ethnicity",
        severity: "warning",
        problem: "Ethnicity is not known.",
        fix: expect.any(String),
      },
      {
        row: 7,
        reference: "E2",
        staffRecordId: expect.stringMatching(/^id-E2-/),
        assignmentId: null,
        field: "SWE number",
        severity: "warning",
        problem:
          "Shares the SWE number ending 005 with E1, and both were in post at once. The person is counted once in the headcount, in the more senior role.",
        fix: expect.any(String),
      },
    ]);
  });
});

describe("checks before download", () => {
  const one = (e: Partial<CensusEmployee>, agency: CensusAgencyAssignment[] = []) =>
    buildCensus({ year: 2026, employees: [emp({ localRef: "X1", ...e })], agency, establishment: [] }).problems.map(
      (p) => [p.field, p.severity, p.problem],
    );

  it("finds nothing wrong with a complete record", () => expect(one({})).toEqual([]));
  it("a missing or invalid SWE number is an error, never shown beyond its last 3 characters", () => {
    expect(one({ sweNumber: null })).toEqual([["SWE number", "error", "The SWE number is missing."]]);
    const bad = one({ sweNumber: "AB1234567" });
    expect(bad).toEqual([
      [
        "SWE number",
        "error",
        "The SWE number ending 567 is not a Social Work England number (SW followed by 4 to 7 digits).",
      ],
    ]);
    expect(JSON.stringify(bad)).not.toContain("AB1234");
  });
  it("a missing date of birth or an age outside 20 to 75 is an error", () => {
    expect(one({ dateOfBirth: null })).toEqual([["Date of birth", "error", "The date of birth is missing."]]);
    expect(one({ dateOfBirth: "2006-10-01" })).toEqual([
      ["Date of birth", "error", "The date of birth makes them 19 on 30 September 2026, outside 20 to 75."],
    ]);
    expect(one({ dateOfBirth: "2006-09-30" })).toEqual([]);
    expect(one({ dateOfBirth: "1950-09-30" })).toEqual([
      ["Date of birth", "error", "The date of birth makes them 76 on 30 September 2026, outside 20 to 75."],
    ]);
  });
  it("missing sex is an error; ethnicity not known a warning", () => {
    expect(one({ gender: 3 })).toEqual([["Sex", "error", "Sex is missing or not known."]]);
    expect(one({ gender: null, ethnicity: null })).toEqual([
      ["Sex", "error", "Sex is missing or not known."],
      ["Ethnicity", "warning", "Ethnicity is not known."],
    ]);
  });
  it("a leaver in the year without a reason is an error", () => {
    expect(one({ endDate: "2026-05-31", leavingReason: null })).toEqual([
      ["Reason for leaving", "error", "They left on 2026-05-31 with no reason for leaving recorded."],
    ]);
    expect(one({ endDate: "2026-05-31", leavingReason: 9 })).toEqual([]);
  });
  it("missing contracted hours or an FTE of 0 is an error", () => {
    expect(one({ contractedHours: null })).toEqual([
      ["Contracted hours", "error", "Contracted weekly hours are missing, so their FTE cannot be worked out."],
    ]);
    expect(one({ contractedHours: 0 })).toEqual([
      ["Contracted hours", "error", "Contracted weekly hours are 0, so their FTE is 0."],
    ]);
  });
  it("leaves a row's FTE empty when hours are missing, and counts them as full time (sw-fte.ts) in the items", () => {
    const c = buildCensus({
      year: 2026,
      employees: [emp({ localRef: "X1", contractedHours: null }), emp({ localRef: "X2", contractedHours: 18.5 })],
      agency: [],
      establishment: [],
    });
    expect(c.workers.map((w) => w.fte)).toEqual([null, 0.5]);
    expect(c.aggregate.inpost_fte).toBe(1.5);
  });
  it("more days sick than the year's 253 working days is an error", () => {
    expect(one({ daysSick: 253 })).toEqual([]);
    expect(one({ daysSick: 254 })).toEqual([
      ["Days sick", "error", "254 days sick is more than the 253 working days in the year."],
    ]);
  });
  it("a case holder in post at 30 September with no September caseload is a warning", () => {
    expect(one({ septemberCases: null })).toEqual([
      [
        "Cases at 30 September",
        "warning",
        "No caseload is recorded for September 2026, so they count as holding no cases.",
      ],
    ]);
    expect(one({ septemberCases: 0 })).toEqual([]);
    expect(one({ septemberCases: null, endDate: "2026-09-30", leavingReason: 5 })).toEqual([]);
  });
  it("an agency assignment missing its SWE number or rate is an error", () => {
    const problems = buildCensus({
      year: 2026,
      employees: [],
      agency: [agy({ workerName: "Nora", sweNumber: null, hourlyRate: 0 })],
      establishment: [],
    }).problems;
    expect(problems).toEqual([
      {
        row: 2,
        reference: "Nora (agency: Locum Co)",
        staffRecordId: null,
        assignmentId: "ag-Nora",
        field: "SWE number",
        severity: "error",
        problem: "The agency worker's SWE number is missing.",
        fix: expect.any(String),
      },
      {
        row: 2,
        reference: "Nora (agency: Locum Co)",
        staffRecordId: null,
        assignmentId: "ag-Nora",
        field: "Hourly rate",
        severity: "error",
        problem: "The hourly rate paid for the agency worker is missing.",
        fix: expect.any(String),
      },
    ]);
  });
  it("two records with one SWE number one after the other are not a problem", () => {
    const c = buildCensus({
      year: 2026,
      employees: [
        emp({ localRef: "P1", sweNumber: "SW123456", endDate: "2025-12-31", leavingReason: 4 }),
        emp({ localRef: "P2", sweNumber: "SW123456", startDate: "2026-01-01" }),
      ],
      agency: [],
      establishment: [],
    });
    expect(c.problems).toEqual([]);
    expect(c.aggregate.leavers_headcount).toBe(1);
    expect(c.aggregate.starters_headcount).toBe(1);
    expect(c.aggregate.inpost_headcount).toBe(1);
  });
  it("a newly qualified social worker fills a social worker's post; a post never goes below 0", () => {
    const c = buildCensus({
      year: 2026,
      employees: [
        emp({ localRef: "Q1", role: "asye_social_worker", startDate: "2025-10-06" }),
        emp({ localRef: "Q2", role: "senior_social_worker" }),
        emp({ localRef: "Q3", role: "senior_social_worker" }),
      ],
      agency: [],
      establishment: [
        { teamId: "T1", role: "social_worker", fundedFte: 2, effectiveFrom: "2020-01-01" },
        { teamId: "T1", role: "senior_social_worker", fundedFte: 1, effectiveFrom: "2020-01-01" },
      ],
    });
    // Social workers 2 − 1 (the NQSW) = 1; seniors 1 − 2 → 0 (the extra senior does not fill the other post).
    expect(c.aggregate.vacancy_fte).toBe(1);
    expect(c.aggregate.funded_fte).toBe(3);
    expect(c.aggregate.vacancy_rate_fte).toBe(25);
  });
  it("rates with nothing to divide by are null", () => {
    const c = buildCensus({ year: 2026, employees: [], agency: [], establishment: [] });
    expect(c.aggregate.turnover_rate_fte).toBeNull();
    expect(c.aggregate.caseload_fte).toBeNull();
    expect(c.aggregate.absence_rate_fte).toBeNull();
    expect(c.aggregate.vacancy_rate_fte).toBeNull();
  });
});
