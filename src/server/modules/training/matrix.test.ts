import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { commissionedProvider, testHub } from "../../../../test/harness";
import { course, session, trainingArea } from "../../../../test/training-fixtures";
import { staffRecords, trainingRecords, workforceSettings } from "../../db/schema";

// The training matrix through the API (issue 18 item 5). The test clock is 2026-06-15.

const hub = await testHub();
const db = hub.deps.db;

const a = await trainingArea(hub, { workers: 3 });
const [s0, s1, s2] = a.staff;
await db.insert(workforceSettings).values({
  orgId: a.provider.id,
  requiredTraining: [
    { category: 20, roles: null },
    { category: 13, roles: [7] },
  ],
});
await db.update(staffRecords).set({ mainJobRole: 7 }).where(eq(staffRecords.id, s2.id));
const rec = (staffRecordId: string, category: number, completedOn: string, expiresOn: string | null) => ({
  orgId: a.provider.id,
  staffRecordId,
  category,
  completedOn,
  expiresOn,
});
await db.insert(trainingRecords).values([
  rec(s0.id, 20, "2025-07-02", "2026-07-01"), // expiring in 16 days
  rec(s1.id, 20, "2024-06-02", "2025-06-01"), // expired
  rec(s1.id, 20, "2023-06-02", "2024-06-01"), // an older one, also expired
  rec(s2.id, 13, "2024-01-01", null), // no expiry: valid; s2 has no safeguarding: missing
]);
const safeguarding = await course(hub, a);
const next = await session(hub, safeguarding);
const provider = await a.providerClient();
const base = `/api/orgs/${a.provider.id}/training/matrix`;
type Row = { name: string; cells: { category: number; state: string | null; expiresOn: string | null }[] };
const byName = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.name, r.cells]));

describe("the training matrix", () => {
  it("gives each person's required categories their state, and not-required as null", async () => {
    const res = await provider.get(base);
    expect(res.status).toBe(200);
    expect(res.json.day).toBe("2026-06-15");
    expect(res.json.categories).toEqual([
      { category: 20, label: "Safeguarding adults" },
      { category: 13, label: "Medication management" },
    ]);
    expect(byName(res.json.rows)).toEqual({
      [s0.displayId]: [
        { category: 20, state: "expiring", expiresOn: "2026-07-01" },
        { category: 13, state: null, expiresOn: null },
      ],
      [s1.displayId]: [
        { category: 20, state: "expired", expiresOn: "2025-06-01" },
        { category: 13, state: null, expiresOn: null },
      ],
      [s2.displayId]: [
        { category: 20, state: "missing", expiresOn: null },
        { category: 13, state: "valid", expiresOn: null },
      ],
    });
    expect(res.json.counts).toEqual({ valid: 1, expiring: 1, expired: 1, missing: 1 });
  });

  it("suggests the next session with places for a category someone lacks", async () => {
    const res = await provider.get(base);
    expect(res.json.suggestions).toEqual([
      {
        category: 20,
        sessionId: next.id,
        courseTitle: "Safeguarding adults",
        startsAt: "2026-06-22T09:30:00.000Z",
        venue: next.venue,
        freePlaces: 12,
      },
    ]);
  });

  it("filters by state, role and workplace, and names a workplace that is not theirs", async () => {
    expect((await provider.get(`${base}?state=expired`)).json.rows.map((r: Row) => r.name)).toEqual([s1.displayId]);
    expect((await provider.get(`${base}?role=7`)).json.rows.map((r: Row) => r.name)).toEqual([s2.displayId]);
    expect((await provider.get(`${base}?workplaceId=${s0.workplaceId}`)).json.rows).toHaveLength(3);
    const bad = await provider.get(`${base}?workplaceId=00000000-0000-4000-8000-000000000000`);
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain("workplaceId");
    const state = await provider.get(`${base}?state=overdue`);
    expect(state.status).toBe(400);
    expect(JSON.stringify(state.json.error)).toContain("valid, expiring, expired or missing");
  });

  it("exports the same table as CSV and XLSX", async () => {
    const csv = await provider.get(`${base}.csv?state=expired`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = csv.text
      .replace(/^\ufeff/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "Name,Workplace,Main job role,Safeguarding adults,Safeguarding adults: expires,Medication management,Medication management: expires",
    );
    expect(lines.slice(1)).toEqual([`${s1.displayId},Home,Care worker,Expired,2025-06-01,Not required,`]);

    const res = await hub.app.request(`${base}.xlsx`, { headers: { cookie: provider.cookie } });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet("Training matrix");
    if (!sheet) throw new Error("no Training matrix sheet");
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(sheet.rowCount).toBe(4);
    expect(values(1)[3]).toBe("Safeguarding adults");
    expect(values(2)).toEqual([s0.displayId, "Home", "Care worker", "Expiring", "2026-07-01", "Not required", ""]);
    expect(values(4)).toEqual([s2.displayId, "Home", expect.any(String), "Missing", "", "Valid", ""]);
  });

  it("is not for a trainer", async () => {
    const trainer = await a.trainerClient();
    expect((await trainer.get(`/api/orgs/${a.partner.id}/training/matrix`)).status).toBe(403);
  });
});

describe("the council's summary of its providers' matrices", () => {
  it("withholds a category with fewer than 3 employers behind it, then gives counts (one to four people withheld) and never a person", async () => {
    const council = await a.councilClient();
    const url = `/api/orgs/${a.councilId}/training/matrix-summary`;
    const one = await council.get(url);
    expect(one.status).toBe(200);
    expect(one.json.categories.find((c: { category: number }) => c.category === 20)).toEqual({
      category: 20,
      label: "Safeguarding adults",
      valid: null,
      expiring: null,
      expired: null,
      missing: null,
      reason: "not_enough_data",
    });
    for (const _ of [1, 2]) {
      const p = await commissionedProvider(hub, a.councilId, { workers: 4 });
      await db.insert(workforceSettings).values({ orgId: p.id, requiredTraining: [{ category: 20, roles: null }] });
    }
    const three = await council.get(url);
    // 3 + 4 + 4 people need safeguarding: one expiring, one expired (counts of one person, withheld
    // as every figure's are), the other nine missing.
    expect(three.json.categories.find((c: { category: number }) => c.category === 20)).toEqual({
      category: 20,
      label: "Safeguarding adults",
      valid: 0,
      expiring: null,
      expired: null,
      missing: 9,
      reason: "suppressed",
    });
    // Medication management: only one employer requires it.
    expect(three.json.categories.find((c: { category: number }) => c.category === 13).reason).toBe("not_enough_data");
    expect(three.text).not.toContain(s0.displayId);
  });
});
