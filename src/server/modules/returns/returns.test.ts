import { readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeOrg, makeUser, signedIn, testHub } from "../../../../test/harness";
import type { OrgCtx } from "../../context";
import { outbox, returnPeriods, returnSubmissions, staffRecords, workplaces } from "../../db/schema";
import { applyUpload } from "../imports/imports.service";
import { commissionProvider } from "../orgs/orgs.service";
import { type CompletenessRow, completeness } from "./completeness";
import { returnStatusFigures, sendReturnReminders } from "./returns.service";

const hub = await testHub();
const FIX = new URL("../../../../test/fixtures/ascwds/", import.meta.url).pathname;
const files = ["valid-workplace.csv", "valid-staff.csv"].map((name) => ({
  name,
  bytes: new Uint8Array(readFileSync(FIX + name)),
}));

describe("completeness", () => {
  it("is the mean over the funding fields of the share of the workforce with each known; agency excluded; don't know is not known", () => {
    const full: CompletenessRow = {
      contractType: 1,
      gender: 2,
      dateOfBirth: "1980-01-01",
      nationality: 826,
      mainJobRole: 8,
      mainJobStartDate: "2020-01-01",
      recruitmentSource: 2,
      zeroHours: 2,
      contractedHours: 37.5,
      averageHours: null,
      payInterval: 3,
      payRate: 12.9,
      daysSick: 2,
      careCertificate: 1,
      socialCareQual: 1,
      socialCareQualLevel: 2,
      otherQual: 2,
      otherQualLevel: null,
    };
    const gaps: CompletenessRow = {
      ...full,
      gender: 3,
      dateOfBirth: null,
      nationality: 998,
      payInterval: 999,
      payRate: null,
    };
    const bank: CompletenessRow = {
      ...full,
      contractType: 3,
      daysSick: null,
      zeroHours: 1,
      contractedHours: null,
      averageHours: 10,
    };
    const agency: CompletenessRow = { ...full, contractType: 4, gender: null };
    const c = completeness([full, gaps, bank, agency]);
    expect(c.workforce).toBe(3);
    expect(c.byField.gender).toBeCloseTo(2 / 3);
    expect(c.byField.date_of_birth).toBeCloseTo(2 / 3);
    expect(c.byField.nationality).toBeCloseTo(2 / 3);
    expect(c.byField.pay).toBeCloseTo(2 / 3);
    expect(c.byField.days_sick).toBe(1); // asked of permanent and temporary staff only: both have it
    expect(c.byField.hours).toBe(1);
    // 14 fields: four at 2/3, ten at 1.
    expect(c.score).toBeCloseTo((4 * (2 / 3) + 10) / 14);
    expect(completeness([]).score).toBeNull();
  });
});

describe("returns", () => {
  async function system() {
    const council = await makeOrg(hub, "council");
    const a = await makeOrg(hub, "provider");
    const b = await makeOrg(hub, "provider");
    for (const p of [a, b])
      await commissionProvider(hub.ctx, { councilId: council.id, providerId: p.id, fromDate: "2020-01-01" });
    const councilClient = await signedIn(hub, (await makeUser(hub, council, "council_admin")).email);
    const aAdmin = await makeUser(hub, a, "provider_admin");
    const bAdmin = await makeUser(hub, b, "provider_admin");
    return {
      council,
      a,
      b,
      councilClient,
      aClient: await signedIn(hub, aAdmin.email),
      bClient: await signedIn(hub, bAdmin.email),
      aAdmin,
      bAdmin,
    };
  }

  it("a council sets a period; providers submit immutable snapshots; the council sees who has and has not, and who is late", async () => {
    const s = await system();
    const created = await s.councilClient.post(`/api/orgs/${s.council.id}/return-periods`, {
      name: "May 2026",
      periodEnd: "2026-05-31",
      dueDate: "2026-06-20",
    });
    expect(created.status).toBe(201);
    const periodId = created.json.period.id;
    expect(
      (
        await s.councilClient.post(`/api/orgs/${s.council.id}/return-periods`, {
          name: "Again",
          periodEnd: "2026-05-31",
          dueDate: "2026-06-20",
        })
      ).status,
    ).toBe(409);

    // Provider A sends data after the period is set: in progress. B has done nothing: not started.
    const aCtx: OrgCtx = {
      ...hub.ctx,
      org: { id: s.a.id, kind: "provider", name: s.a.name, slug: s.a.slug, isDemo: false },
      role: null,
    };
    hub.clock.now = new Date("2026-06-16T09:00:00Z");
    await applyUpload(aCtx, files, "2026-05-31", { missing: { default: { action: "keep" } } });
    let view = await s.councilClient.get(`/api/orgs/${s.council.id}/return-periods/${periodId}`);
    expect(
      Object.fromEntries(
        view.json.providers.map((p: { provider: { id: string }; status: string }) => [p.provider.id, p.status]),
      ),
    ).toEqual({
      [s.a.id]: "in_progress",
      [s.b.id]: "not_started",
    });

    const mine = await s.aClient.get(`/api/orgs/${s.a.id}/returns`);
    expect(mine.json.returns[0]).toMatchObject({ period: { id: periodId }, status: "in_progress" });
    const submitted = await s.aClient.post(`/api/orgs/${s.a.id}/returns/${periodId}/submit`);
    expect(submitted.status).toBe(201);
    expect(submitted.json.submission.status).toBe("submitted");
    expect(submitted.json.submission.completeness.workforce).toBe(4);
    expect(submitted.json.submission.completeness.score).toBeGreaterThan(0.5);
    expect((await s.aClient.post(`/api/orgs/${s.a.id}/returns/${periodId}/submit`)).status).toBe(409);
    await expect(
      hub.deps.db.execute(sql`update return_submissions set completeness = '{}' where period_id = ${periodId}`),
    ).rejects.toThrow();

    // After the due date, B is late; the council sees completeness, never records.
    hub.clock.now = new Date("2026-06-25T09:00:00Z");
    view = await s.councilClient.get(`/api/orgs/${s.council.id}/return-periods/${periodId}`);
    expect(view.json.byStatus).toEqual({ not_started: 0, in_progress: 0, submitted: 1, late: 1 });
    expect(JSON.stringify(view.json)).not.toMatch(/Ann Example|snapshot|AB123456C/);
    const late = await s.bClient.post(`/api/orgs/${s.b.id}/returns/${periodId}/submit`);
    expect(late.json.submission.status).toBe("late");
    hub.clock.now = new Date("2026-06-15T09:00:00Z");
  });

  it("a provider cannot submit for a council that does not commission it, and a provider cannot set periods", async () => {
    const s = await system();
    const other = await system();
    const period = (
      await other.councilClient.post(`/api/orgs/${other.council.id}/return-periods`, {
        name: "Q",
        periodEnd: "2026-03-31",
        dueDate: "2026-04-30",
      })
    ).json.period;
    expect((await s.aClient.post(`/api/orgs/${s.a.id}/returns/${period.id}/submit`)).status).toBe(404);
    expect(
      (
        await s.aClient.post(`/api/orgs/${s.a.id}/return-periods`, {
          name: "Q",
          periodEnd: "2026-03-31",
          dueDate: "2026-04-30",
        })
      ).status,
    ).toBe(403);
  });

  it("a provider sees a council's return only if the council commissions it on the period's end", async () => {
    const s = await system();
    const period = (
      await s.councilClient.post(`/api/orgs/${s.council.id}/return-periods`, {
        name: "Q1",
        periodEnd: "2026-03-31",
        dueDate: "2026-04-30",
      })
    ).json.period;
    const joinedAfter = await makeOrg(hub, "provider");
    const leftBefore = await makeOrg(hub, "provider");
    const lastDay = await makeOrg(hub, "provider");
    await commissionProvider(hub.ctx, { councilId: s.council.id, providerId: joinedAfter.id, fromDate: "2026-04-01" });
    await commissionProvider(hub.ctx, {
      councilId: s.council.id,
      providerId: leftBefore.id,
      fromDate: "2020-01-01",
      toDate: "2026-03-30",
    });
    await commissionProvider(hub.ctx, {
      councilId: s.council.id,
      providerId: lastDay.id,
      fromDate: "2020-01-01",
      toDate: "2026-03-31",
    });
    const seen = async (org: { id: string }) => {
      const client = await signedIn(hub, (await makeUser(hub, org, "provider_admin")).email);
      const periods = (await client.get(`/api/orgs/${org.id}/returns`)).json.returns.map(
        (r: { period: { id: string } }) => r.period.id,
      );
      const submit = (await client.post(`/api/orgs/${org.id}/returns/${period.id}/submit`)).status;
      return { listed: periods.includes(period.id), submit };
    };
    // What a provider is shown is what it may submit, and what the council counts it in.
    expect(await seen(joinedAfter)).toEqual({ listed: false, submit: 404 });
    expect(await seen(leftBefore)).toEqual({ listed: false, submit: 404 });
    expect(await seen(lastDay)).toEqual({ listed: true, submit: 201 });
    const view = await s.councilClient.get(`/api/orgs/${s.council.id}/return-periods/${period.id}`);
    expect(view.json.providers.map((p: { provider: { id: string } }) => p.provider.id).sort()).toEqual(
      [s.a.id, s.b.id, lastDay.id].sort(),
    );
  });

  it("reminds providers that have not submitted, once, in the week before the due date", async () => {
    const s = await system();
    const period = (
      await s.councilClient.post(`/api/orgs/${s.council.id}/return-periods`, {
        name: "Early June",
        periodEnd: "2026-06-05",
        dueDate: "2026-06-19",
      })
    ).json.period;
    await s.aClient.post(`/api/orgs/${s.a.id}/returns/${period.id}/submit`);
    await sendReturnReminders(hub.deps);
    await sendReturnReminders(hub.deps);
    const toB = await hub.deps.db.select().from(outbox).where(eq(outbox.toAddress, s.bAdmin.email));
    expect(toB.map((m) => m.template)).toEqual(["return-reminder"]);
    expect(toB[0].subject).toContain("due on 2026-06-19");
    expect(await hub.deps.db.select().from(outbox).where(eq(outbox.toAddress, s.aAdmin.email))).toEqual([]);
  });
});

describe("return_status through the metric engine", () => {
  it("counts each employer's status in its council's latest period as it stood at D", async () => {
    const council = await makeOrg(hub, "council");
    const other = await makeOrg(hub, "council");
    const [a, b] = [await makeOrg(hub, "provider"), await makeOrg(hub, "provider")];
    for (const p of [a, b])
      await commissionProvider(hub.ctx, { councilId: council.id, providerId: p.id, fromDate: "2020-01-01" });
    await commissionProvider(hub.ctx, { councilId: other.id, providerId: a.id, fromDate: "2020-01-01" });
    const places = await hub.deps.db
      .insert(workplaces)
      .values([a, b].map((p) => ({ orgId: p.id, localRef: `W-${p.id.slice(0, 6)}`, name: "Home", mainService: 2 })))
      .returning();
    const ids = places.map((w) => w.id);
    const [older, period] = await hub.deps.db
      .insert(returnPeriods)
      .values([
        {
          councilId: council.id,
          name: "Q4",
          periodEnd: "2025-12-31",
          dueDate: "2026-01-31",
          createdAt: new Date("2025-12-01T09:00:00Z"),
        },
        {
          councilId: council.id,
          name: "Q1",
          periodEnd: "2026-03-31",
          dueDate: "2026-04-30",
          createdAt: new Date("2026-03-01T09:00:00Z"),
        },
      ])
      .returning();
    const submit = (orgId: string, periodId: string, at: string) =>
      hub.deps.db
        .insert(returnSubmissions)
        .values({ periodId, orgId, submittedAt: new Date(at), completeness: {}, snapshot: {} });
    await submit(a.id, older.id, "2026-01-10T10:00:00Z");
    await submit(a.id, period.id, "2026-04-10T10:00:00Z");
    await submit(b.id, period.id, "2026-05-03T10:00:00Z"); // after the due date: late
    const status = async (at: string, councilId: string | null = council.id) =>
      Object.fromEntries(
        Object.entries(await returnStatusFigures(hub.deps.db, ids, at, councilId)).map(([k, f]) => [
          k.replace("return_status.", ""),
          f.value,
        ]),
      );

    // Before any period ended there is nothing to report.
    expect(await status("2025-12-30")).toEqual({ not_started: null, in_progress: null, submitted: null, late: null });
    // Q4: a submitted on time; b never did, and by D the due date has passed.
    expect(await status("2026-02-15")).toEqual({ not_started: 0, in_progress: 0, submitted: 1, late: 1 });
    // Q1 on 15 April: a has submitted; b has not, and is not yet due.
    expect(await status("2026-04-15")).toEqual({ not_started: 1, in_progress: 0, submitted: 1, late: 0 });
    // b changes its records: in progress.
    await hub.deps.db.insert(staffRecords).values({
      orgId: b.id,
      workplaceId: places[1].id,
      localRef: "x",
      displayId: "x",
      contractType: 1,
      mainJobRole: 8,
      startDate: "2020-01-01",
    });
    await hub.deps.db.execute(sql`update staff_records set updated_at = '2026-04-12T10:00:00Z' where org_id = ${b.id}`);
    expect(await status("2026-04-15")).toEqual({ not_started: 0, in_progress: 1, submitted: 1, late: 0 });
    // After the due date, b's late submission counts as late.
    expect(await status("2026-06-01")).toEqual({ not_started: 0, in_progress: 0, submitted: 1, late: 1 });
    // Without a council: every commissioning council's latest period (the other council has none).
    expect((await returnStatusFigures(hub.deps.db, ids, "2026-06-01", null))["return_status.submitted"]).toEqual({
      value: 1,
      n: 2,
    });
  });
});
