import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type CommissioningArea, commissioningArea, contract } from "../../../../test/commissioning-fixtures";
import { makeOrg, makeUser, signedIn, testHub, uniq } from "../../../../test/harness";
import { RETURN_FIGURE_NAMES } from "../../../shared/schemas/commissioning-monitoring";
import {
  auditLog,
  contractDeliveries,
  contractWorkplaces,
  monitoringReturns,
  returnPeriods,
  staffRecords,
  vacancies,
  workplaces,
} from "../../db/schema";
import { figuresAt } from "../metrics/engine";
import { commissionProvider } from "../orgs/orgs.service";
import { listPayFloors } from "../reference/reference.repo";
import { returnFiguresByProvider } from "./monitoring.service";

// The contract-monitoring return (issue 19 item 5), case by case on hand-made data. The test clock
// is 2026-06-15: 2026-Q1 (to 31 March 2026) is the latest ended quarter.

const hub = await testHub();
const db = hub.deps.db;
const Q = "2026-Q1";
const AS_AT = "2026-03-31";
const path = (area: CommissioningArea, orgId: string, period = Q, councilId = area.councilId) =>
  `/api/orgs/${orgId}/monitoring-returns/${councilId}/${period}`;

/** Provider A with more than care workers: a second workplace, leavers, agency, bank, zero hours, a senior, a vacancy. */
async function varied(area: CommissioningArea) {
  const a = area.providerA.id;
  const [second] = await db
    .insert(workplaces)
    .values({ orgId: a, councilId: area.councilId, localRef: `W2${uniq()}`, name: "North", mainService: 8 })
    .returning();
  const base = { orgId: a, startDate: "2021-05-01", dateOfBirth: "1985-06-01", payInterval: 3 };
  await db.insert(staffRecords).values([
    {
      ...base,
      workplaceId: second.id,
      localRef: "N1",
      displayId: "N1",
      contractType: 1,
      mainJobRole: 7,
      payRate: 13.4,
    },
    {
      ...base,
      workplaceId: second.id,
      localRef: "N2",
      displayId: "N2",
      contractType: 1,
      mainJobRole: 7,
      payRate: 13.1,
    },
    {
      ...base,
      workplaceId: second.id,
      localRef: "N3",
      displayId: "N3",
      contractType: 2,
      mainJobRole: 8,
      payRate: 11.9,
    },
    { ...base, workplaceId: second.id, localRef: "N4", displayId: "N4", contractType: 3, mainJobRole: 8, zeroHours: 1 },
    { ...base, workplaceId: second.id, localRef: "N5", displayId: "N5", contractType: 4, mainJobRole: 8 },
    // Left in the 12 months to the quarter end, and after it (still in post on 31 March).
    {
      ...base,
      workplaceId: second.id,
      localRef: "N6",
      displayId: "N6",
      contractType: 1,
      mainJobRole: 8,
      endDate: "2025-11-30",
    },
    {
      ...base,
      workplaceId: second.id,
      localRef: "N7",
      displayId: "N7",
      contractType: 1,
      mainJobRole: 25,
      endDate: "2026-05-01",
      daysSick: 4,
    },
    // Started after the quarter end: not in its figures.
    {
      ...base,
      workplaceId: second.id,
      localRef: "N8",
      displayId: "N8",
      contractType: 1,
      mainJobRole: 8,
      startDate: "2026-04-02",
    },
  ]);
  await db.insert(vacancies).values([
    { orgId: a, workplaceId: second.id, jobRole: 8, openedOn: "2026-02-01" },
    { orgId: a, workplaceId: second.id, jobRole: 8, openedOn: "2026-01-01", closedOn: "2026-03-01" },
  ]);
  return second;
}

describe("the pre-filled contract-monitoring return", () => {
  it("holds exactly the engine's figures for the provider as at the quarter end, and per contract over its workplaces", async () => {
    const area = await commissioningArea(hub);
    const second = await varied(area);
    const whole = await contract(hub, area, { name: "Home care, all" });
    const north = await contract(hub, area, { name: "Home care, north", serviceType: "care_home" });
    await db
      .insert(contractWorkplaces)
      .values({ contractId: north.id, workplaceId: second.id, councilId: area.councilId });
    const res = await (await area.providerAClient()).get(path(area, area.providerA.id));
    expect(res.status, res.text).toBe(200);
    const ret = res.json.return;
    expect(ret.asAt).toBe(AS_AT);
    expect(ret.status).toBe("open");
    expect(ret.paidTravel).toBeNull();

    const floors = await listPayFloors(db);
    const ids = (await db.select().from(workplaces).where(eq(workplaces.orgId, area.providerA.id))).map((w) => w.id);
    const engine = await figuresAt(db, ids, AS_AT, floors, RETURN_FIGURE_NAMES);
    expect(ret.figures.map((f: { name: string }) => f.name)).toEqual(RETURN_FIGURE_NAMES);
    for (const f of ret.figures) {
      expect({ name: f.name, value: f.value, n: f.n }).toEqual({
        name: f.name,
        value: engine[f.name].value,
        n: engine[f.name].n,
      });
    }
    // The data is varied enough that the figures say something (not all zero or empty).
    const byName = Object.fromEntries(ret.figures.map((f: { name: string; value: number }) => [f.name, f.value]));
    // Six care workers, three employed and one bank at North, and N7 still in post on 31 March.
    expect(byName.filled_posts).toBe(6 + 5);
    expect(byName.leavers_12m).toBe(1);
    expect(byName.vacancies).toBe(1);
    expect(byName.agency_rate).toBeGreaterThan(0);

    // The contract naming a workplace has the same figures over that workplace alone.
    const own = await figuresAt(db, [second.id], AS_AT, floors, RETURN_FIGURE_NAMES);
    const northView = ret.contracts.find((c: { id: string }) => c.id === north.id);
    expect(northView.unitLabel).toBe("bed weeks");
    expect(northView.workplaces).toBe(1);
    for (const f of northView.figures)
      expect([f.name, f.value, f.n]).toEqual([f.name, own[f.name].value, own[f.name].n]);
    const wholeView = ret.contracts.find((c: { id: string }) => c.id === whole.id);
    expect(wholeView).toMatchObject({ unitLabel: "hours delivered", workplaces: 0, figures: null, units: null });
  });

  it("worked out for many providers at once (the demo's way), gives each provider's own figures", async () => {
    const area = await commissioningArea(hub);
    await varied(area);
    const floors = await listPayFloors(db);
    const many = await returnFiguresByProvider(hub.ctx, [area.providerA.id, area.providerB.id], AS_AT);
    for (const org of [area.providerA, area.providerB]) {
      const ids = (await db.select().from(workplaces).where(eq(workplaces.orgId, org.id))).map((w) => w.id);
      const one = await figuresAt(db, ids, AS_AT, floors, RETURN_FIGURE_NAMES);
      for (const name of RETURN_FIGURE_NAMES)
        expect([name, many.get(org.id)?.[name].value, many.get(org.id)?.[name].n]).toEqual([
          name,
          one[name].value,
          one[name].n,
        ]);
    }
  });

  it("is for ended quarters only: the current and a future quarter are 400, a badly written one too", async () => {
    const area = await commissioningArea(hub);
    await contract(hub, area);
    const client = await area.providerAClient();
    for (const period of ["2026-Q2", "2026-Q4", "2027-Q1"]) {
      const res = await client.get(path(area, area.providerA.id, period));
      expect(res.status, period).toBe(400);
      expect(res.json.error.message).toContain("has not ended yet");
      const post = await client.post(`${path(area, area.providerA.id, period)}/confirm`, { paidTravel: true });
      expect(post.status, period).toBe(400);
    }
    const bad = await client.get(path(area, area.providerA.id, "2026Q1"));
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain("2026-Q1");
    expect(
      await db.select().from(monitoringReturns).where(eq(monitoringReturns.providerId, area.providerA.id)),
    ).toEqual([]);
  });
});

describe("confirming a return", () => {
  it("stores the figures as shown and the declarations, writes declared units as deliveries, and never over the council's own", async () => {
    const area = await commissioningArea(hub);
    const kept = await contract(hub, area, { name: "Home care, south" });
    const fresh = await contract(hub, area, { name: "Home care, east" });
    const none = await contract(hub, area, { name: "Home care, west" });
    await db
      .insert(contractDeliveries)
      .values({ contractId: kept.id, councilId: area.councilId, period: Q, units: 500, source: "council" });
    const client = await area.providerAClient();
    const shown = (await client.get(path(area, area.providerA.id))).json.return;

    const missing = await client.post(`${path(area, area.providerA.id)}/confirm`, { deliveries: [] });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.json.error)).toContain("paidTravel");
    const stranger = await client.post(`${path(area, area.providerA.id)}/confirm`, {
      paidTravel: true,
      deliveries: [{ contractId: "00000000-0000-4000-8000-000000000000", units: 3 }],
    });
    expect(stranger.status).toBe(400);
    expect(stranger.json.error.issues[0].path).toBe("deliveries.0.contractId");

    const res = await client.post(`${path(area, area.providerA.id)}/confirm`, {
      paidTravel: false,
      deliveries: [
        { contractId: kept.id, units: 620 },
        { contractId: fresh.id, units: 712.5 },
        { contractId: none.id, units: null },
      ],
      fingerprint: shown.fingerprint,
    });
    expect(res.status, res.text).toBe(201);
    expect(res.json.return.status).toBe("confirmed");
    expect(res.json.return.paidTravel).toBe(false);
    expect(res.json.return.figures).toEqual(shown.figures);

    const [row] = await db
      .select()
      .from(monitoringReturns)
      .where(and(eq(monitoringReturns.providerId, area.providerA.id), eq(monitoringReturns.councilId, area.councilId)));
    expect(row.period).toBe(Q);
    expect(row.asAt).toBe(AS_AT);
    expect(row.confirmedBy).toBe(area.adminA.id);
    const declarations = row.declarations as {
      paidTravel: boolean;
      deliveries: { contractId: string; units: number }[];
    };
    expect(declarations.paidTravel).toBe(false);
    expect(Object.fromEntries(declarations.deliveries.map((d) => [d.contractId, d.units]))).toEqual({
      [kept.id]: 620,
      [fresh.id]: 712.5,
      [none.id]: null,
    });

    const deliveries = await db
      .select()
      .from(contractDeliveries)
      .where(eq(contractDeliveries.councilId, area.councilId))
      .orderBy(asc(contractDeliveries.units));
    expect(deliveries.map((d) => [d.contractId, d.units, d.source])).toEqual([
      [kept.id, 500, "council"],
      [fresh.id, 712.5, "provider_return"],
    ]);
    const audit = await db.select().from(auditLog).where(eq(auditLog.orgId, area.providerA.id));
    const ours = audit.filter((a) => a.entityType === "monitoring_return" || a.entityType === "contract_delivery");
    expect(ours.map((a) => `${a.action} ${a.entityType}`).sort()).toEqual([
      "confirm monitoring_return",
      "create contract_delivery",
    ]);

    // Confirmed once: again is a conflict, and the stored return reads back as confirmed.
    const again = await client.post(`${path(area, area.providerA.id)}/confirm`, { paidTravel: true });
    expect(again.status).toBe(409);
    const read = (await client.get(path(area, area.providerA.id))).json.return;
    expect(read.figures).toEqual(shown.figures);
    expect(read.contracts.find((c: { id: string }) => c.id === kept.id)).toMatchObject({
      units: 620,
      councilUnits: 500,
    });
  });

  it("refuses figures that changed since the provider looked, and a viewer cannot confirm", async () => {
    const area = await commissioningArea(hub);
    await contract(hub, area);
    const client = await area.providerAClient();
    const shown = (await client.get(path(area, area.providerA.id))).json.return;
    await db.insert(staffRecords).values({
      orgId: area.providerA.id,
      workplaceId: area.workplaceA.id,
      localRef: "LATE",
      displayId: "LATE",
      contractType: 1,
      mainJobRole: 8,
      startDate: "2025-01-01",
    });
    const stale = await client.post(`${path(area, area.providerA.id)}/confirm`, {
      paidTravel: true,
      fingerprint: shown.fingerprint,
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe("figures_changed");

    const viewer = await makeUser(hub, area.providerA, "provider_viewer");
    const asViewer = await signedIn(hub, viewer.email);
    expect((await asViewer.get(path(area, area.providerA.id))).status).toBe(200);
    expect((await asViewer.post(`${path(area, area.providerA.id)}/confirm`, { paidTravel: true })).status).toBe(403);
  });
});

describe("who sees a return", () => {
  it("provider B cannot read or confirm A's return, nor one to a council it holds no contract with", async () => {
    const area = await commissioningArea(hub);
    await contract(hub, area);
    const b = await area.providerBClient();
    // A's organisation is not B's: 404, as for any organisation it does not belong to.
    expect((await b.get(path(area, area.providerA.id))).status).toBe(404);
    expect((await b.get(`${path(area, area.providerA.id)}/monitoring-return.csv`)).status).toBe(404);
    expect((await b.post(`${path(area, area.providerA.id)}/confirm`, { paidTravel: true })).status).toBe(404);
    // In its own organisation, B holds no contract with the council: no return to read or confirm.
    expect((await b.get(path(area, area.providerB.id))).status).toBe(404);
    expect((await b.post(`${path(area, area.providerB.id)}/confirm`, { paidTravel: true })).status).toBe(404);
    expect((await b.get(`/api/orgs/${area.providerB.id}/monitoring-returns`)).json.returns).toEqual([]);
    const a = (await (await area.providerAClient()).get(`/api/orgs/${area.providerA.id}/monitoring-returns`)).json;
    expect(a.returns.map((r: { council: { id: string }; period: string }) => [r.council.id, r.period])).toEqual([
      [area.councilId, Q],
    ]);
  });

  it("a council sees only its own contracts' providers and the returns made to it", async () => {
    const area = await commissioningArea(hub);
    const other = await makeOrg(hub, "council");
    const otherAdmin = await makeUser(hub, other, "council_admin");
    await commissionProvider(hub.ctx, { councilId: other.id, providerId: area.providerA.id, fromDate: "2020-01-01" });
    await contract(hub, area, { name: "Ours with A" });
    await contract(hub, area, { name: "Ours with B", providerId: area.providerB.id });
    await contract(hub, area, { councilId: other.id, name: "Theirs with A" });
    const a = await area.providerAClient();
    expect((await a.post(`${path(area, area.providerA.id, Q, other.id)}/confirm`, { paidTravel: true })).status).toBe(
      201,
    );

    const ours = (
      await (
        await area.commissionerClient()
      ).get(`/api/orgs/${area.councilId}/commissioning/monitoring-returns?period=${Q}`)
    ).json;
    expect(
      ours.providers.map((p: { provider: { id: string }; status: string }) => [p.provider.id, p.status]).sort(),
    ).toEqual(
      [
        [area.providerA.id, "open"],
        [area.providerB.id, "open"],
      ].sort(),
    );
    expect(ours.confirmed).toBe(0);
    expect(JSON.stringify(ours)).not.toContain("Theirs with A");

    const theirs = (
      await (await signedIn(hub, otherAdmin.email)).get(`/api/orgs/${other.id}/commissioning/monitoring-returns`)
    ).json;
    expect(theirs.period).toBe(Q);
    expect(theirs.providers).toHaveLength(1);
    expect(theirs.providers[0]).toMatchObject({
      provider: { id: area.providerA.id },
      status: "confirmed",
      paidTravel: true,
    });
    expect(theirs.providers[0].figures).toHaveLength(RETURN_FIGURE_NAMES.length);
    expect(JSON.stringify(theirs)).not.toContain(area.providerB.id);
    // Its CSV is the same list.
    const csv = await (await signedIn(hub, otherAdmin.email)).get(
      `/api/orgs/${other.id}/commissioning/monitoring-returns.csv?period=${Q}`,
    );
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(area.providerA.name);
    expect(csv.text).not.toContain(area.providerB.name);
    // A future quarter is refused for councils too.
    const future = await (await area.commissionerClient()).get(
      `/api/orgs/${area.councilId}/commissioning/monitoring-returns?period=2026-Q3`,
    );
    expect(future.status).toBe(400);
  });
});

describe("a council's return period asking for the return", () => {
  it("lists the quarter as due by the period's due date, overdue after it, and links the return to the period", async () => {
    const area = await commissioningArea(hub);
    await contract(hub, area);
    const [asked] = await db
      .insert(returnPeriods)
      .values({
        councilId: area.councilId,
        name: "Q4 2025/26",
        periodEnd: AS_AT,
        dueDate: "2026-06-30",
        contractMonitoring: true,
      })
      .returning();
    await db.insert(returnPeriods).values({
      councilId: area.councilId,
      name: "Q3 2025/26",
      periodEnd: "2025-12-31",
      dueDate: "2026-01-31",
      contractMonitoring: true,
    });
    const client = await area.providerAClient();
    const list = (await client.get(`/api/orgs/${area.providerA.id}/monitoring-returns`)).json.returns;
    expect(
      list.map((r: { period: string; status: string; dueDate: string }) => [r.period, r.status, r.dueDate]),
    ).toEqual([
      [Q, "due", "2026-06-30"],
      ["2025-Q4", "overdue", "2026-01-31"],
    ]);
    expect((await client.post(`${path(area, area.providerA.id)}/confirm`, { paidTravel: true })).status).toBe(201);
    const [row] = await db.select().from(monitoringReturns).where(eq(monitoringReturns.providerId, area.providerA.id));
    expect(row.returnPeriodId).toBe(asked.id);
    const after = (await client.get(`/api/orgs/${area.providerA.id}/monitoring-returns`)).json.returns;
    expect(after[0]).toMatchObject({ period: Q, status: "confirmed" });
  });
});

describe("asking for the return with a workforce return period", () => {
  it("a council's new period can ask for it (off unless said), and the provider's returns list links to the council", async () => {
    const area = await commissioningArea(hub);
    await contract(hub, area);
    const council = await area.councilClient();
    const plain = await council.post(`/api/orgs/${area.councilId}/return-periods`, {
      name: "Quarter 3 2025/26",
      periodEnd: "2025-12-31",
      dueDate: "2026-01-31",
    });
    expect(plain.status, plain.text).toBe(201);
    expect(plain.json.period.contractMonitoring).toBe(false);
    const asked = await council.post(`/api/orgs/${area.councilId}/return-periods`, {
      name: "Quarter 4 2025/26",
      periodEnd: AS_AT,
      dueDate: "2026-06-30",
      contractMonitoring: true,
    });
    expect(asked.status, asked.text).toBe(201);
    expect(asked.json.period.contractMonitoring).toBe(true);
    const periods = (await council.get(`/api/orgs/${area.councilId}/return-periods`)).json.periods;
    expect(periods.map((p: { name: string; contractMonitoring: boolean }) => [p.name, p.contractMonitoring])).toEqual([
      ["Quarter 4 2025/26", true],
      ["Quarter 3 2025/26", false],
    ]);
    const a = await area.providerAClient();
    const owed = (await a.get(`/api/orgs/${area.providerA.id}/returns`)).json.returns;
    expect(owed[0]).toMatchObject({ councilId: area.councilId, period: { contractMonitoring: true } });
    // Only the period that asks makes the quarter due; the older one is not asked for.
    const list = (await a.get(`/api/orgs/${area.providerA.id}/monitoring-returns`)).json.returns;
    expect(list.map((r: { period: string; status: string }) => [r.period, r.status])).toEqual([[Q, "due"]]);
  });
});

describe("the return as a file", () => {
  it("downloads as CSV and XLSX with the figures and the contracts, text defused", async () => {
    const area = await commissioningArea(hub);
    await contract(hub, area, { name: "=HYPERLINK(1)" });
    const client = await area.providerAClient();
    const csv = await client.get(`${path(area, area.providerA.id)}/monitoring-return.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.text).toContain("Filled posts");
    expect(csv.text).toContain("'=HYPERLINK(1)");
    expect(csv.text).not.toMatch(/(^|,)=HYPERLINK/m);
    const xlsx = await client.get(`${path(area, area.providerA.id)}/monitoring-return.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
  });
});
