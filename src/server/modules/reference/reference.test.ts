import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Client, makeOrg, makeUser, signedIn, testHub, uniq } from "../../../../test/harness";
import { applicableRlw, newestRlw, statutoryMinimum } from "./pay-floors";
import { ensureReferenceData, listPayFloors } from "./reference.repo";
import { SHIPPED_COMPARATORS, SHIPPED_PAY_FLOORS } from "./shipped";

const hub = await testHub();

describe("shipped reference data", () => {
  it("every pay floor and comparator is in the database with a source, and no series mixes editions", async () => {
    const { rows } = await hub.deps.db.execute(
      sql`select (select count(*) from pay_floors)::int as floors, (select count(*) from comparators)::int as comparators`,
    );
    const counts = rows[0] as { floors: number; comparators: number };
    expect(counts.floors).toBeGreaterThanOrEqual(SHIPPED_PAY_FLOORS.length);
    expect(counts.comparators).toBeGreaterThanOrEqual(SHIPPED_COMPARATORS.length);
    for (const f of SHIPPED_PAY_FLOORS)
      expect(f.source, `${f.kind} ${f.band} ${f.rateYear}`).toMatch(/^https?:\/\/|gov\.uk/);
    for (const c of SHIPPED_COMPARATORS) {
      expect(c.source).toMatch(/^https?:\/\//);
      // Rates are fractions between 0 and 1; pay and counts are not rates.
      if (/_rate|_share/.test(c.metric)) {
        expect(c.value).toBeGreaterThan(0);
        expect(c.value).toBeLessThan(1);
      }
    }
    // One figure per metric, coverage and period within an edition: a series never takes a figure
    // for the same year from two editions.
    const keys = SHIPPED_COMPARATORS.map((c) => `${c.metric}|${c.publisher}|${c.edition}|${c.period}|${c.coverage}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("which pay floor applies", () => {
  it("the Real Living Wage applies from its employer deadline, London separately; the newest announced rate is reported apart", async () => {
    const floors = await listPayFloors(hub.deps.db);
    expect(applicableRlw(floors, "2024-04-30", false)?.hourlyRate).toBe(10.9);
    expect(applicableRlw(floors, "2024-05-01", false)?.hourlyRate).toBe(12.0);
    expect(applicableRlw(floors, "2024-05-01", true)?.hourlyRate).toBe(13.15);
    expect(applicableRlw(floors, "2019-06-01", false)).toBeNull();
    // Announced in October 2025, payable from April 2026.
    expect(applicableRlw(floors, "2025-11-01", false)?.hourlyRate).toBe(12.6);
    expect(newestRlw(floors, "2025-11-01", false)?.hourlyRate).toBe(13.45);
  });

  it("the statutory minimum follows the age bands of the year, including the 2024 move of the NLW to 21 and the apprentice rate", async () => {
    const floors = await listPayFloors(hub.deps.db);
    expect(statutoryMinimum(floors, "2020-06-01", 24)?.hourlyRate).toBe(8.2);
    expect(statutoryMinimum(floors, "2020-06-01", 25)?.hourlyRate).toBe(8.72);
    expect(statutoryMinimum(floors, "2023-06-01", 22)?.hourlyRate).toBe(10.18);
    expect(statutoryMinimum(floors, "2024-03-31", 22)?.hourlyRate).toBe(10.18);
    expect(statutoryMinimum(floors, "2024-04-01", 22)?.hourlyRate).toBe(11.44);
    expect(statutoryMinimum(floors, "2026-04-01", 19)?.hourlyRate).toBe(10.85);
    expect(statutoryMinimum(floors, "2026-04-01", 17)?.hourlyRate).toBe(8.0);
    expect(statutoryMinimum(floors, "2026-04-01", 30, true)?.hourlyRate).toBe(8.0);
    expect(statutoryMinimum(floors, "2019-06-01", 30)).toBeNull();
  });
});

describe("reference data through the API", () => {
  it("anyone signed in reads it; only the hub admin corrects or adds figures, which are audited and survive a restart", async () => {
    const org = await makeOrg(hub, "council");
    const analyst = await signedIn(hub, (await makeUser(hub, org, "council_admin")).email);
    const admin = await signedIn(hub, (await makeUser(hub, null, undefined, { isHubAdmin: true })).email);
    expect((await new Client(hub).get("/api/reference")).status).toBe(401);

    const read = await analyst.get("/api/reference?metric=vacancy_rate");
    expect(read.status).toBe(200);
    const england = read.json.comparators.find(
      (c: { coverage: string; period: string }) => c.coverage === "england" && c.period === "2024/25",
    );
    expect(england).toMatchObject({ metric: "vacancy_rate", publisher: "sfc", value: 0.07 });
    expect(read.json.comparators.every((c: { metric: string }) => c.metric === "vacancy_rate")).toBe(true);
    expect(read.json.payFloors.length).toBeGreaterThan(20);

    expect((await analyst.patch(`/api/admin/reference/comparators/${england.id}`, { value: 0.071 })).status).toBe(403);
    const bad = await admin.patch(`/api/admin/reference/comparators/${england.id}`, { value: "7%" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].message).toContain("fractions");
    const fixed = await admin.patch(`/api/admin/reference/comparators/${england.id}`, {
      value: 0.071,
      note: "Corrected from the full report",
    });
    expect(fixed.json.comparator).toMatchObject({ value: 0.071, note: "Corrected from the full report" });
    const [entry] = (
      await hub.deps.db.execute(
        sql`select before, after from audit_log where entity_type = 'comparator' and entity_id = ${england.id}`,
      )
    ).rows as {
      before: Record<string, unknown>;
      after: Record<string, unknown>;
    }[];
    expect(entry).toMatchObject({ before: { value: 0.07, note: null }, after: { value: 0.071 } });

    // Start-up adds missing shipped figures but never overwrites an edit.
    await ensureReferenceData(hub.deps.db);
    const again = (await analyst.get("/api/reference?metric=vacancy_rate")).json.comparators.find(
      (c: { id: string }) => c.id === england.id,
    );
    expect(again.value).toBe(0.071);

    const year = `2099/${uniq().slice(0, 2)}`;
    const rlw = {
      kind: "rlw",
      band: "uk",
      minAge: 18,
      maxAge: null,
      rateYear: year,
      hourlyRate: 14.1,
      announcedOn: "2098-10-20",
      applicableFrom: "2099-04-20",
      source: "https://www.livingwage.org.uk/",
      note: null,
    };
    expect((await admin.post("/api/admin/reference/pay-floors", rlw)).status).toBe(201);
    const twice = await admin.post("/api/admin/reference/pay-floors", rlw);
    expect(twice.status).toBe(409);
    expect(twice.json.error.message).toContain("correct that one instead");
    expect(
      (await analyst.post("/api/admin/reference/pay-floors", { ...rlw, applicableFrom: "2099-05-01" })).status,
    ).toBe(403);
    const floors = await listPayFloors(hub.deps.db);
    expect(applicableRlw(floors, "2099-04-20", false)?.hourlyRate).toBe(14.1);
  });
});
