import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { signedIn, testHub } from "../../../../test/harness";
import { socialWorkArea } from "../../../../test/social-work-fixtures";
import { staffRecords, swAgencyAssignments, swCaseloads, swEstablishment } from "../../db/schema";

// The census through the API on hand-made records: the summary, the 422 while there are errors,
// and the files' columns once they are corrected. The test clock is 2026-06-15, so the last
// ended census year is 2025 (1 October 2024 to 30 September 2025).

const hub = await testHub();
const area = await socialWorkArea(hub);
const { childrenA, childrenB, adults } = area.teams;
const url = (year: string | number, file = "") =>
  `/api/orgs/${area.council.id}/social-work/census/${year}${file ? `/${file}` : ""}`;

const a = await area.addWorker({ team: childrenA, name: "Amal", daysSick: 4 });
const b = await area.addWorker({
  team: childrenB,
  role: "senior_social_worker",
  contractedHours: 18.5,
  startDate: "2024-11-01",
  daysSick: 2,
});
// A leaver in the year with no reason: an error until the reason is recorded.
const leaver = await area.addWorker({
  team: childrenA,
  name: "Lee Leaver",
  endDate: "2025-03-31",
  leavingReason: null,
});
// Not counted: an adults' social worker, a children's family support worker, another council's.
await area.addWorker({ team: adults });
await area.addWorker({ team: childrenA, role: "family_support_worker" });
await area.addWorker({ team: area.other.team }, area.other.council.id);
await hub.deps.db.insert(swCaseloads).values([
  { orgId: area.council.id, staffRecordId: a.id, month: "2025-09-01", openCases: 16 },
  { orgId: area.council.id, staffRecordId: b.id, month: "2025-09-01", openCases: 6 },
]);
await hub.deps.db.insert(swEstablishment).values([
  { orgId: area.council.id, teamId: childrenA.id, role: "social_worker", fundedFte: 3, effectiveFrom: "2020-01-01" },
  { orgId: area.council.id, teamId: adults.id, role: "social_worker", fundedFte: 9, effectiveFrom: "2020-01-01" },
]);
await hub.deps.db.insert(swAgencyAssignments).values({
  orgId: area.council.id,
  teamId: childrenA.id,
  role: "social_worker",
  workerName: "Lou Locum",
  sweNumber: "SW555123",
  agencyName: "Locum Co",
  startDate: "2025-06-01",
  hourlyRate: 42,
  weeklyHours: 37,
});

describe("the census routes", async () => {
  const lead = await signedIn(hub, area.lead.email);

  it("gives the summary: aggregate items, problems and counts", async () => {
    const res = await lead.get(url(2025));
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({
      year: 2025,
      start: "2024-10-01",
      end: "2025-09-30",
      ended: true,
      lastEndedYear: 2025,
    });
    // In post at 30 Sep 2025: Amal 1 + b 0.5 = 1.5 FTE, 2 people; leaver 1 FTE; agency 1 FTE covering a vacancy.
    // Funded (children's only) 3; vacancies 3 − 1 = 2 (b's role has no establishment row); cases 22 over 1.5 FTE.
    expect(res.json.aggregate).toMatchObject({
      inpost_fte: 1.5,
      inpost_headcount: 2,
      starters_fte: 0.5,
      leavers_fte: 1,
      leavers_headcount: 1,
      turnover_rate_fte: 66.7,
      agency_fte: 1,
      agency_headcount: 1,
      agency_rate_fte: 40,
      funded_fte: 3,
      vacancy_fte: 2,
      vacancy_rate_fte: 57.1,
      cases: 22,
      caseload_fte: 14.7,
      working_days_lost: 6,
    });
    expect(res.json.items[0]).toEqual({
      key: "inpost_fte",
      label: "Social workers in post, FTE",
      definition: expect.any(String),
      value: 1.5,
    });
    expect(res.json.counts).toEqual({ employees: 3, agency: 1, errors: 1, warnings: 0 });
    const [leaverRecord] = await hub.deps.db.select().from(staffRecords).where(eq(staffRecords.id, leaver.id));
    expect(res.json.problems).toEqual([
      {
        row: expect.any(Number),
        reference: leaverRecord.localRef,
        // Named and linked for the lead, who may see every worker, to the page to correct it on.
        worker: {
          name: "Lee Leaver",
          staffRecordId: leaver.id,
          href: `/orgs/${area.council.id}/social-work/workers/${leaver.id}`,
        },
        field: "Reason for leaving",
        severity: "error",
        problem: "They left on 2025-03-31 with no reason for leaving recorded.",
        fix: expect.any(String),
      },
    ]);
    // The summary never carries the worker rows (SWE numbers, dates of birth).
    expect(res.text).not.toContain("SW555123");
    expect(res.text).not.toContain("1990-05-01");
  });

  it("refuses every download while there are errors (422 naming the row and field)", async () => {
    for (const file of ["workers.csv", "aggregate.csv", "census.xlsx"]) {
      const res = await lead.get(url(2025, file));
      expect(res.status, file).toBe(422);
      expect(res.json.error.code).toBe("census_has_errors");
      expect(res.json.error.issues).toEqual([
        {
          path: expect.stringMatching(/^workers\.csv row \d+ \(.+\): Reason for leaving$/),
          message: expect.stringContaining("no reason for leaving recorded"),
        },
      ]);
    }
  });

  it("gives the files once the errors are corrected", async () => {
    await hub.deps.db.update(staffRecords).set({ leavingReason: 5 }).where(eq(staffRecords.id, leaver.id));
    const workers = await lead.get(url(2025, "workers.csv"));
    expect(workers.status, workers.text).toBe(200);
    expect(workers.headers.get("content-disposition")).toContain("csww-census-2025-workers.csv");
    const lines = workers.text
      .replace(/^\ufeff/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "Local reference,Agency worker,SWE number,Date of birth,Age at 30 September,Sex,Ethnic group,Role,Team,Start date,Leaving date,Reason for leaving,FTE,Days sick,Cases at 30 September,Starter,Leaver,In post at 30 September,Counted in headcount,Covers a vacancy",
    );
    expect(lines).toHaveLength(5);
    expect(lines).toContain(
      "Lou Locum (agency: Locum Co),Yes,SW555123,,,,,Social worker,Assessment,2025-06-01,,,1,,,Yes,No,Yes,Yes,Yes",
    );
    expect(lines.filter((l) => l.includes("Resigned (destination not known)"))).toHaveLength(1);

    const aggregate = await lead.get(url(2025, "aggregate.csv"));
    expect(aggregate.status).toBe(200);
    const rows = aggregate.text
      .replace(/^\ufeff/, "")
      .trim()
      .split("\r\n");
    expect(rows[0]).toBe("Item,Description,Value,Definition");
    expect(rows[1]).toMatch(/^inpost_fte,"?Social workers in post, FTE"?,1.5,/);
    expect(rows).toHaveLength(24);

    const xlsx = await lead.get(url(2025, "census.xlsx"));
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    expect(xlsx.text.slice(0, 2)).toBe("PK");

    // The page names the workers; the files never do (their local references only).
    const res = await hub.app.request(url(2025, "census.xlsx"), { headers: { cookie: lead.cookie } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const cells = book.worksheets.flatMap((sheet) =>
      sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : [])),
    );
    expect(cells.length).toBeGreaterThan(20);
    for (const name of ["Lee Leaver", "Amal"]) {
      expect(workers.text).not.toContain(name);
      expect(cells.filter((c) => c.includes(name))).toEqual([]);
    }
    const [record] = await hub.deps.db.select().from(staffRecords).where(eq(staffRecords.id, leaver.id));
    expect(cells).toContain(record.localRef);
  });

  it("refuses a year that is not a census year, naming the range", async () => {
    for (const y of ["2016", "2027", "20x5", "99999"]) {
      const res = await lead.get(url(y));
      expect(res.status, y).toBe(400);
      expect(res.json.error.message).toContain("a year from 2017 to 2026");
    }
  });
});
