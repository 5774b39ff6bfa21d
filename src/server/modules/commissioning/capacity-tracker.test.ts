import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { commissioningArea } from "../../../../test/commissioning-fixtures";
import { testHub, uniq } from "../../../../test/harness";
import { declaredCounts, staffRecords, vacancies, workplaces } from "../../db/schema";
import { figuresAt } from "../metrics/engine";
import { listPayFloors } from "../reference/reference.repo";

// The NHS Capacity Tracker's workforce fields (issue 19 item 5), on hand-made data: counts by staff
// type per workplace by hand, and every total equal to the figures engine's for the same date.

const hub = await testHub();
const db = hub.deps.db;
const AT = "2026-05-01";
const NAMES = ["filled_posts", "employed_headcount", "vacancies", "agency_rate", "sickness_days_mean"];

async function provider() {
  const area = await commissioningArea(hub, { workers: 6 });
  const a = area.providerA.id;
  const home = area.workplaceA;
  const [north] = await db
    .insert(workplaces)
    .values({ orgId: a, localRef: `N${uniq()}`, name: "North", mainService: 8, cqcLocationId: "1-123456789" })
    .returning();
  // Its records begin after the date: nothing of it counts then (the engine's rule).
  const [later] = await db
    .insert(workplaces)
    .values({ orgId: a, localRef: `Z${uniq()}`, name: "Later", mainService: 8, recordsFrom: "2026-05-20" })
    .returning();
  const person = (workplaceId: string, ref: string, contractType: number, mainJobRole: number, extra = {}) => ({
    orgId: a,
    workplaceId,
    localRef: ref,
    displayId: ref,
    contractType,
    mainJobRole,
    startDate: "2022-01-01",
    ...extra,
  });
  await db
    .insert(staffRecords)
    .values([
      person(home.id, "RN", 1, 16, { daysSick: 3 }),
      person(home.id, "ADM", 2, 25, { daysSick: 1 }),
      person(home.id, "BANK", 3, 8),
      person(home.id, "AGRN", 4, 16),
      person(home.id, "AGCW", 4, 8),
      person(home.id, "VOL", 7, 26),
      person(home.id, "GONE", 1, 8, { endDate: "2026-02-01" }),
      person(home.id, "NEW", 1, 8, { startDate: "2026-05-02" }),
      person(north.id, "N1", 1, 8),
      person(north.id, "N2", 1, 52),
      person(later.id, "L1", 1, 8),
    ]);
  await db.insert(vacancies).values([
    { orgId: a, workplaceId: home.id, jobRole: 16, openedOn: "2026-03-01" },
    { orgId: a, workplaceId: home.id, jobRole: 25, openedOn: "2026-04-01" },
    { orgId: a, workplaceId: home.id, jobRole: 8, openedOn: "2026-01-01", closedOn: "2026-04-15" },
  ]);
  // North keeps no vacancy records: its ASC-WDS workplace file's count stands in (no role).
  await db
    .insert(declaredCounts)
    .values({ orgId: a, workplaceId: north.id, asAt: "2026-03-31", kind: "vacancies", count: 3 });
  return { area, home, north, later };
}

describe("the Capacity Tracker's workforce fields", () => {
  it("count each workplace's staff by type and contract, and every total is the engine's for the same date", async () => {
    const { area, home, north, later } = await provider();
    const res = await (await area.providerAClient()).get(`/api/orgs/${area.providerA.id}/capacity-tracker?at=${AT}`);
    expect(res.status, res.text).toBe(200);
    const t = res.json;
    expect(t.at).toBe(AT);
    const row = (id: string) => t.workplaces.find((w: { id: string }) => w.id === id);

    // By hand.
    expect(row(home.id).employed).toEqual({ registered_nurse: 1, care: 6, non_care: 1, not_recorded: 0, total: 8 });
    expect(row(home.id).bank).toEqual({ registered_nurse: 0, care: 1, non_care: 0, not_recorded: 0, total: 1 });
    expect(row(home.id).agency).toEqual({ registered_nurse: 1, care: 1, non_care: 0, not_recorded: 0, total: 2 });
    expect(row(home.id).vacancies).toEqual({ registered_nurse: 1, care: 0, non_care: 1, not_recorded: 0, total: 2 });
    expect(row(home.id).otherContracts).toBe(1);
    expect(row(north.id).cqcLocationId).toBe("1-123456789");
    expect(row(north.id).employed).toEqual({ registered_nurse: 0, care: 2, non_care: 0, not_recorded: 0, total: 2 });
    expect(row(north.id).vacancies).toEqual({ registered_nurse: 0, care: 0, non_care: 0, not_recorded: 3, total: 3 });
    expect(row(later.id).employed.total).toBe(0);

    // The engine's counts for the same date, per workplace and in total.
    const floors = await listPayFloors(db);
    const check = async (ids: string[], r: typeof t.total) => {
      const f = await figuresAt(db, ids, AT, floors, NAMES);
      const agency = Math.round((f.agency_rate.value ?? 0) * f.agency_rate.n);
      expect({
        employed: r.employed.total,
        filled: r.employed.total + r.bank.total + r.otherContracts,
        filledPosts: r.filledPosts,
        agency: r.agency.total,
        vacancies: r.vacancies.total,
        sickness: r.sicknessDaysMean,
      }).toEqual({
        employed: f.employed_headcount.value ?? 0,
        filled: f.filled_posts.value ?? 0,
        filledPosts: f.filled_posts.value ?? 0,
        agency,
        vacancies: f.vacancies.value ?? 0,
        sickness: f.sickness_days_mean.value,
      });
    };
    await check([home.id], row(home.id));
    await check([north.id], row(north.id));
    const all = (await db.select().from(workplaces).where(eq(workplaces.orgId, area.providerA.id))).map((w) => w.id);
    await check(all, t.total);
    expect(t.total.employed.total).toBe(10);
    expect(t.total.agency.total).toBe(2);
    expect(t.total.vacancies.total).toBe(5);
    expect(t.total.sicknessDaysMean).toBeCloseTo(2);
  });

  it("downloads as CSV with a line per workplace and a total; a future date is refused; another provider cannot read it", async () => {
    const { area } = await provider();
    const client = await area.providerAClient();
    const csv = await client.get(`/api/orgs/${area.providerA.id}/capacity-tracker.csv?at=${AT}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toContain(`capacity-tracker-${AT}.csv`);
    const lines = csv.text.trim().split("\r\n");
    expect(lines).toHaveLength(1 + 3 + 1);
    expect(lines[0]).toContain("Directly employed: Registered nurses");
    expect(csv.text).toContain("1-123456789");
    expect(lines.at(-1)).toMatch(/^All workplaces,/);

    const future = await client.get(`/api/orgs/${area.providerA.id}/capacity-tracker?at=2026-06-16`);
    expect(future.status).toBe(400);
    expect(future.json.error.issues[0].path).toBe("at");
    const bad = await client.get(`/api/orgs/${area.providerA.id}/capacity-tracker?at=1%20May`);
    expect(bad.status).toBe(400);

    const b = await area.providerBClient();
    expect((await b.get(`/api/orgs/${area.providerA.id}/capacity-tracker`)).status).toBe(404);
    const own = (await b.get(`/api/orgs/${area.providerB.id}/capacity-tracker`)).json;
    expect(own.total.employed.total).toBe(6);
    expect(JSON.stringify(own)).not.toContain(area.providerA.id);
  });
});
