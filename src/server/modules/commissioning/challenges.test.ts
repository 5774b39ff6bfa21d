import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  type CommissioningArea,
  commissioningArea,
  contract,
  contractStandard,
  standard,
} from "../../../../test/commissioning-fixtures";
import { type Hub, testHub } from "../../../../test/harness";
import { auditLog, complianceResults, outbox, staffRecords } from "../../db/schema";

// Challenges (issue 19 item 2): a provider challenges its own not-met result; the commissioner
// accepts (the override wins, the note is kept, audited) or rejects (unchanged); a challenge is
// decided once; recompute keeps the override; another provider can neither see nor challenge it.

const hub: Hub = await testHub();
const Q = "2026-Q1";

/** Provider A's contract carrying the Real Living Wage floor, not met in 2026-Q1 (one worker on £12.00). */
async function failing() {
  const a = await commissioningArea(hub);
  const [first] = await a.staffOf(a.providerA.id);
  await hub.deps.db.update(staffRecords).set({ payRate: 12 }).where(eq(staffRecords.id, first.id));
  const s = await standard(hub, a, "rlw_floor");
  const c = await contract(hub, a);
  const cs = await contractStandard(hub, a, c, s);
  const pc = await a.providerAClient();
  const view = await pc.get(`/api/orgs/${a.providerA.id}/compliance?period=${Q}`);
  expect(view.status).toBe(200);
  const result = view.json.contracts[0].results[0];
  expect(result).toMatchObject({ contractStandardId: cs.id, status: "not_met", effectiveStatus: "not_met" });
  expect(result.toFix).toContain("Raise the pay");
  return { a, c, cs, result, pc, cc: await a.commissionerClient() };
}

const challenge = (
  x: { a: CommissioningArea; pc: Awaited<ReturnType<CommissioningArea["providerAClient"]>> },
  id: string,
  body: unknown,
) => x.pc.post(`/api/orgs/${x.a.providerA.id}/compliance/results/${id}/challenges`, body);

describe("a provider challenges a result and the commissioner decides", () => {
  it("accepted: the override wins with the note, the computed status stays, audited; one open challenge per result; decided once", async () => {
    const x = await failing();
    const raised = await challenge(x, x.result.id, {
      reason: "The worker on £12.00 is an apprentice under 19",
      evidence: "Apprenticeship agreement signed 4 January 2026",
    });
    expect(raised.status).toBe(201);
    expect(raised.json.challenge).toMatchObject({
      status: "open",
      reason: "The worker on £12.00 is an apprentice under 19",
    });
    expect((await challenge(x, x.result.id, { reason: "Again" })).status).toBe(409);
    expect((await challenge(x, x.result.id, { reason: "" })).status).toBe(400);

    const list = await x.cc.get(`/api/orgs/${x.a.councilId}/commissioning/challenges?status=open`);
    expect(list.status).toBe(200);
    expect(list.json.challenges).toHaveLength(1);
    const item = list.json.challenges[0];
    expect(item).toMatchObject({
      id: raised.json.challenge.id,
      evidence: "Apprenticeship agreement signed 4 January 2026",
      contract: { id: x.c.id, providerName: x.a.providerA.name },
      result: { id: x.result.id, status: "not_met" },
    });
    // The council's commissioners were emailed.
    const mail = await hub.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.toAddress, x.a.commissioner.email), eq(outbox.template, "compliance_challenge_raised")));
    expect(mail).toHaveLength(1);

    const noNote = await x.cc.post(`/api/orgs/${x.a.councilId}/commissioning/challenges/${item.id}/decision`, {
      decision: "accept",
    });
    expect(noNote.status).toBe(400);
    const accepted = await x.cc.post(`/api/orgs/${x.a.councilId}/commissioning/challenges/${item.id}/decision`, {
      decision: "accept",
      note: "Apprentice rate applies; agreement seen",
    });
    expect(accepted.status).toBe(200);
    expect(accepted.json.challenge).toMatchObject({
      status: "accepted",
      decisionNote: "Apprentice rate applies; agreement seen",
    });
    expect(accepted.json.result).toMatchObject({
      status: "not_met",
      effectiveStatus: "met",
      override: { status: "met", note: "Apprentice rate applies; agreement seen" },
      toFix: null,
    });
    const again = await x.cc.post(`/api/orgs/${x.a.councilId}/commissioning/challenges/${item.id}/decision`, {
      decision: "reject",
      note: "Changed my mind",
    });
    expect(again.status).toBe(409);

    // Both sides read the effective status and the note.
    const provider = await x.pc.get(`/api/orgs/${x.a.providerA.id}/contracts/${x.c.id}/compliance`);
    expect(provider.json.periods[0].results[0]).toMatchObject({
      effectiveStatus: "met",
      challenge: { status: "accepted", decisionNote: "Apprentice rate applies; agreement seen" },
    });
    const council = await x.cc.get(`/api/orgs/${x.a.councilId}/commissioning/compliance?period=${Q}`);
    expect(council.json.contracts[0].results[0]).toMatchObject({ status: "not_met", effectiveStatus: "met" });

    const audit = await hub.deps.db
      .select({ action: auditLog.action, entityType: auditLog.entityType, orgId: auditLog.orgId })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, x.result.id)))
      .orderBy(asc(auditLog.id));
    expect(audit).toEqual([
      { action: "challenge", entityType: "compliance_result", orgId: x.a.providerA.id },
      { action: "override", entityType: "compliance_result", orgId: x.a.councilId },
    ]);
    const decision = await hub.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, item.id));
    expect(decision).toEqual([{ action: "accept" }]);
    // The provider's admins were told.
    const told = await hub.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.toAddress, x.a.adminA.email), eq(outbox.template, "compliance_challenge_decided")));
    expect(told).toHaveLength(1);
    expect(told[0].body).toContain("Apprentice rate applies; agreement seen");

    // Recompute keeps the override (the computed status is still not met).
    const rc = await x.cc.post(`/api/orgs/${x.a.councilId}/commissioning/compliance/recompute`, { period: Q });
    expect(rc.status).toBe(200);
    const [row] = await hub.deps.db.select().from(complianceResults).where(eq(complianceResults.id, x.result.id));
    expect(row).toMatchObject({
      status: "not_met",
      overrideStatus: "met",
      overrideNote: "Apprentice rate applies; agreement seen",
    });
    // Met now, so nothing to challenge.
    expect((await challenge(x, x.result.id, { reason: "More" })).status).toBe(400);
  });

  it("accepted with another status: the commissioner can say not enough data instead of met", async () => {
    const x = await failing();
    const raised = await challenge(x, x.result.id, { reason: "Two of these workers left in February" });
    const res = await x.cc.post(
      `/api/orgs/${x.a.councilId}/commissioning/challenges/${raised.json.challenge.id}/decision`,
      { decision: "accept", note: "Records were out of date", status: "not_enough_data" },
    );
    expect(res.status).toBe(200);
    expect(res.json.result).toMatchObject({ effectiveStatus: "not_enough_data" });
  });

  it("rejected: the result is unchanged and can be challenged again with new evidence", async () => {
    const x = await failing();
    const raised = await challenge(x, x.result.id, { reason: "We disagree" });
    const res = await x.cc.post(
      `/api/orgs/${x.a.councilId}/commissioning/challenges/${raised.json.challenge.id}/decision`,
      { decision: "reject", note: "The payslip shows £12.00 for an adult care worker" },
    );
    expect(res.status).toBe(200);
    expect(res.json.challenge.status).toBe("rejected");
    expect(res.json.result).toMatchObject({ status: "not_met", effectiveStatus: "not_met", override: null });
    const [row] = await hub.deps.db.select().from(complianceResults).where(eq(complianceResults.id, x.result.id));
    expect(row.overrideStatus).toBeNull();
    const audit = await hub.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, raised.json.challenge.id));
    expect(audit).toEqual([{ action: "reject" }]);
    const rejected = await x.cc.get(`/api/orgs/${x.a.councilId}/commissioning/challenges?status=rejected`);
    expect(rejected.json.challenges.map((c: { id: string }) => c.id)).toEqual([raised.json.challenge.id]);
    expect((await challenge(x, x.result.id, { reason: "New evidence", evidence: "Payroll export" })).status).toBe(201);
  });

  it("provider B can neither see nor challenge provider A's results (404); another council cannot decide it", async () => {
    const x = await failing();
    const pb = await x.a.providerBClient();
    expect((await pb.get(`/api/orgs/${x.a.providerB.id}/contracts/${x.c.id}/compliance`)).status).toBe(404);
    const own = await pb.get(`/api/orgs/${x.a.providerB.id}/compliance?period=${Q}`);
    expect(own.status).toBe(200);
    expect(own.json.contracts).toEqual([]);
    const res = await pb.post(`/api/orgs/${x.a.providerB.id}/compliance/results/${x.result.id}/challenges`, {
      reason: "Intrude",
    });
    expect(res.status).toBe(404);
    // Nor through provider A's address.
    expect(
      (await pb.post(`/api/orgs/${x.a.providerA.id}/compliance/results/${x.result.id}/challenges`, { reason: "X" }))
        .status,
    ).toBe(404);
    // A council cannot decide another council's challenge.
    const raised = await challenge(x, x.result.id, { reason: "Ours" });
    const other = await commissioningArea(hub);
    const oc = await other.commissionerClient();
    const decide = await oc.post(
      `/api/orgs/${other.councilId}/commissioning/challenges/${raised.json.challenge.id}/decision`,
      { decision: "accept", note: "Not mine" },
    );
    expect(decide.status).toBe(404);
    expect((await oc.get(`/api/orgs/${other.councilId}/commissioning/challenges`)).json.challenges).toEqual([]);
  });
});
