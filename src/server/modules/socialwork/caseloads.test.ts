import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedIn, testHub } from "../../../../test/harness";
import { socialWorkArea } from "../../../../test/social-work-fixtures";
import { auditLog } from "../../db/schema";

// Correcting a team's month of caseloads through the API: a split by case type that no longer adds
// up is refused on the types (naming the worker), and an entry can be removed (open cases null),
// all or nothing and audited. The test clock is 2026-06-15.

const hub = await testHub();
const area = await socialWorkArea(hub);
const A = area.teams.childrenA;
const ann = await area.addWorker({ team: A, name: "Ann Adams" });
const bea = await area.addWorker({ team: A, name: "Bea Brown" });
const cal = await area.addWorker({ team: A, name: "Cal Cole" });
const other = await area.addWorker({ team: area.teams.childrenB, name: "Oli Other" });
const base = `/api/orgs/${area.council.id}/social-work`;
const m = await signedIn(hub, area.manager.email);
const lead = await signedIn(hub, area.lead.email);
const put = (month: string, entries: unknown[]) =>
  m.request("PUT", `${base}/teams/${A.id}/caseloads/${month}`, { entries });
const openCases = async (month: string) =>
  Object.fromEntries(
    (await m.get(`${base}/teams/${A.id}/caseloads?month=${month}`)).json.workers.map(
      (w: { name: string; openCases: number | null }) => [w.name, w.openCases],
    ),
  );
const lastAudit = async () =>
  (
    await hub.deps.db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, area.council.id), eq(auditLog.entityType, "sw_caseloads")))
      .orderBy(desc(auditLog.id))
      .limit(1)
  )[0]?.after;

describe("a split by case type that no longer adds up", () => {
  it("is refused on the worker's types, naming the worker and both figures", async () => {
    const first = await put("2026-04", [
      { staffRecordId: ann.id, openCases: 17, byType: { child_in_need: 10, child_protection: 7 } },
    ]);
    expect(first.status).toBe(200);
    const res = await put("2026-04", [
      { staffRecordId: ann.id, openCases: 10, byType: { child_in_need: 10, child_protection: 7 } },
    ]);
    expect(res.status).toBe(400);
    // The issue points at the types (the client links it to the first type's box and opens them).
    expect(res.json.error.issues).toEqual([
      {
        path: "entries.0.byType",
        message:
          "Ann Adams: the cases by type add up to 17, not the 10 open cases: correct the cases by type, or clear them",
      },
    ]);
    expect((await openCases("2026-04"))["Ann Adams"]).toBe(17);
  });

  it("a month not yet started is named as a month", async () => {
    const res = await put("2026-07", [{ staffRecordId: ann.id, openCases: 3 }]);
    expect(res.status).toBe(400);
    expect(res.json.error.message).toBe("Caseloads are entered for this month or earlier: July 2026 has not started");
  });
});

describe("removing a worker's entry for the month", () => {
  it("removes the entries sent with no open cases, says how many, and audits it", async () => {
    expect(
      (
        await put("2026-05", [
          { staffRecordId: ann.id, openCases: 12 },
          { staffRecordId: bea.id, openCases: 9, byType: { child_in_need: 9 } },
          { staffRecordId: cal.id, openCases: 4 },
        ])
      ).status,
    ).toBe(200);
    const res = await put("2026-05", [
      { staffRecordId: ann.id, openCases: null },
      { staffRecordId: bea.id, openCases: null },
      { staffRecordId: cal.id, openCases: 5 },
    ]);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ saved: 1, removed: 2 });
    expect(await openCases("2026-05")).toEqual({ "Ann Adams": null, "Bea Brown": null, "Cal Cole": 5 });
    expect(await lastAudit()).toEqual({ month: "2026-05-01", workers: 1, openCases: 5, removed: 2 });
    // Removing an entry that is not there removes nothing (and says so).
    const again = await put("2026-05", [{ staffRecordId: ann.id, openCases: null }]);
    expect(again.json).toEqual({ saved: 0, removed: 0 });
  });

  it("is all or nothing: with another entry wrong, nothing is removed", async () => {
    await put("2026-03", [
      { staffRecordId: ann.id, openCases: 12 },
      { staffRecordId: bea.id, openCases: 9 },
    ]);
    const res = await put("2026-03", [
      { staffRecordId: ann.id, openCases: null },
      { staffRecordId: bea.id, openCases: 5, byType: { child_in_need: 9 } },
    ]);
    expect(res.status).toBe(400);
    expect(await openCases("2026-03")).toMatchObject({ "Ann Adams": 12, "Bea Brown": 9 });
  });

  it("refuses cases by type sent with no open cases, naming the worker", async () => {
    const res = await put("2026-03", [{ staffRecordId: ann.id, openCases: null, byType: { child_in_need: 2 } }]);
    expect(res.status).toBe(400);
    expect(res.json.error.issues[0]).toEqual({
      path: "entries.0.byType",
      message: "Ann Adams: the open cases are blank, so the entry is removed: clear the cases by type too",
    });
    expect((await openCases("2026-03"))["Ann Adams"]).toBe(12);
  });

  it("cannot remove another team's worker's month through the manager's own team", async () => {
    const B = area.teams.childrenB;
    const saved = await lead.request("PUT", `${base}/teams/${B.id}/caseloads/2026-02`, {
      entries: [{ staffRecordId: other.id, openCases: 8 }],
    });
    expect(saved.status).toBe(200);
    const res = await put("2026-02", [{ staffRecordId: other.id, openCases: null }]);
    expect(res.status).toBe(400);
    expect(res.json.error.issues[0].path).toBe("entries.0.staffRecordId");
    const still = (await lead.get(`${base}/teams/${B.id}/caseloads?month=2026-02`)).json.workers;
    expect(still.find((w: { staffRecordId: string }) => w.staffRecordId === other.id).openCases).toBe(8);
  });
});
