import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { commissionedProvider, makeOrg, makeUser, signedIn, testHub } from "../../../../test/harness";
import { trainingArea } from "../../../../test/training-fixtures";
import { auditLog, outbox, staffRecords } from "../../db/schema";
import { commissionProvider } from "../orgs/orgs.service";

const hub = await testHub();

async function area() {
  const a = await trainingArea(hub, { workers: 3 });
  const council = await a.councilClient();
  const provider = await a.providerClient();
  const pledge = (body: Record<string, unknown>) =>
    council.post(`/api/orgs/${a.councilId}/levy/pledges`, {
      levyPaidPence: 25_000_000,
      amountPence: 6_000_000,
      standards: ["ST0005", "ST0006"],
      opensOn: "2026-06-01",
      closesOn: "2026-12-31",
      notes: "For small providers",
      ...body,
    });
  return { ...a, cc: council, pc: provider, pledge };
}

describe("a levy payer's pledges and the 50% transfer allowance", () => {
  it("refuses a pledge that with the other open pledges passes half of last year's levy, saying what is left", async () => {
    const a = await area();
    expect((await a.pledge({})).status).toBe(201);
    expect((await a.pledge({ amountPence: 6_500_000 })).status).toBe(201);
    const over = await a.pledge({ amountPence: 1 });
    expect(over.status).toBe(400);
    expect(over.json.error.message).toBe(
      "Your transfer allowance is £125,000.00 (half of the £250,000.00 levy paid last year). Your other open pledges take £125,000.00, so £0.00 is left to pledge.",
    );
    expect(over.json.error.issues).toEqual([
      { path: "amountPence", message: "Pledge at most £0.00, what is left of your allowance" },
    ]);
    const list = await a.cc.get(`/api/orgs/${a.councilId}/levy/pledges`);
    expect(list.json.tracker).toEqual({
      allowancePence: 12_500_000,
      pledgedPence: 12_500_000,
      approvedPence: 0,
      leftInPledgesPence: 12_500_000,
      remainingPence: 0,
    });
    expect(list.json.expiryNote).toContain("12 months");
  });

  it("a closed (past) pledge no longer counts against the allowance", async () => {
    const a = await area();
    expect((await a.pledge({ amountPence: 12_500_000, opensOn: "2025-06-01", closesOn: "2026-05-31" })).status).toBe(
      201,
    );
    expect((await a.pledge({ amountPence: 12_500_000 })).status).toBe(201);
  });

  it("an NHS partner pledges too; a provider may not", async () => {
    const a = await area();
    const nhs = await makeOrg(hub, "nhs_partner");
    await commissionProvider(hub.ctx, { councilId: a.councilId, providerId: nhs.id, fromDate: "2020-01-01" });
    const admin = await makeUser(hub, nhs, "provider_admin");
    const client = await signedIn(hub, admin.email);
    const made = await client.post(`/api/orgs/${nhs.id}/levy/pledges`, {
      levyPaidPence: 10_000_000,
      amountPence: 2_000_000,
      opensOn: "2026-06-01",
      closesOn: "2026-09-30",
    });
    expect(made.status).toBe(201);
    const open = await a.pc.get(`/api/orgs/${a.provider.id}/levy/open-pledges`);
    const refused = await a.pc.post(`/api/orgs/${a.provider.id}/levy/pledges`, {});
    expect(refused.status).toBe(403);
    expect(open.status).toBe(200);
  });
});

describe("providers' requests and the pledger's decisions", () => {
  it("a provider sees the area's open pledges and what is left, requests for named staff, and the pledger decides", async () => {
    const a = await area();
    const pledgeId = (await a.pledge({})).json.pledge.id;
    const other = await commissionedProvider(hub, a.councilId, { workers: 2 });
    const otherAdmin = await makeUser(hub, other, "provider_admin");
    const otherClient = await signedIn(hub, otherAdmin.email);
    const otherStaff = await hub.deps.db
      .select()
      .from(staffRecords)
      .where(eq(staffRecords.orgId, other.id))
      .orderBy(asc(staffRecords.localRef));

    const open = await a.pc.get(`/api/orgs/${a.provider.id}/levy/open-pledges`);
    expect(open.json.pledges).toEqual([
      {
        id: pledgeId,
        pledger: a.council.name,
        leftPence: 6_000_000,
        standards: ["ST0005", "ST0006"],
        opensOn: "2026-06-01",
        closesOn: "2026-12-31",
        notes: "For small providers",
      },
    ]);
    const ask = (client: typeof a.pc, orgId: string, body: Record<string, unknown>) =>
      client.post(`/api/orgs/${orgId}/levy/requests`, {
        pledgeId,
        standard: "ST0005",
        reason: "Two new starters",
        ...body,
      });

    // Someone else's staff: refused, and nothing is written.
    const foreign = await ask(a.pc, a.provider.id, { amountPence: 800_000, staffRecordIds: [otherStaff[0].id] });
    expect(foreign.status).toBe(400);
    expect(foreign.json.error.issues[0].path).toBe("staffRecordIds");
    // A standard the pledge does not fund.
    const std = await ask(a.pc, a.provider.id, { standard: "ST0008", amountPence: 1, staffRecordIds: [a.staff[0].id] });
    expect(std.json.error.issues[0].path).toBe("standard");
    // More than the pledge holds.
    const much = await ask(a.pc, a.provider.id, { amountPence: 6_000_001, staffRecordIds: [a.staff[0].id] });
    expect(much.json.error.message).toBe("The pledge has £60,000.00 left: ask for that or less.");

    const mine = await ask(a.pc, a.provider.id, {
      amountPence: 4_000_000,
      staffRecordIds: [a.staff[0].id, a.staff[1].id],
    });
    expect(mine.status).toBe(201);
    expect(mine.json.request).toMatchObject({ status: "pending", people: [{ name: "S0" }, { name: "S1" }] });
    const theirs = await ask(otherClient, other.id, { amountPence: 3_000_000, staffRecordIds: [otherStaff[0].id] });
    expect(theirs.status).toBe(201);
    // The pledger was emailed.
    const mails = await hub.deps.db.select().from(outbox).where(eq(outbox.template, "levy-request"));
    expect(mails.filter((m) => m.toAddress === a.councilAdmin.email)).toHaveLength(2);

    // The other provider sees its own request, not ours.
    const otherView = await otherClient.get(`/api/orgs/${other.id}/levy/open-pledges`);
    expect(otherView.json.requests.map((r: { id: string }) => r.id)).toEqual([theirs.json.request.id]);
    expect(JSON.stringify(otherView.json)).not.toContain(a.provider.name);

    // The pledger sees requester, standard, amount, starts and the people's names, nothing else.
    const list = await a.cc.get(`/api/orgs/${a.councilId}/levy/pledges`);
    const req = list.json.pledges[0].requests.find((r: { id: string }) => r.id === mine.json.request.id);
    expect(req).toMatchObject({
      requester: a.provider.name,
      standard: "ST0005",
      amountPence: 4_000_000,
      starts: 2,
      people: ["S0", "S1"],
    });

    const decide = (id: string, decision: string) =>
      a.cc.post(`/api/orgs/${a.councilId}/levy/pledges/${pledgeId}/requests/${id}/decision`, { decision, note: "" });
    expect((await decide(mine.json.request.id, "approve")).status).toBe(200);
    // £20,000 is left: approving £30,000 is refused.
    const beyond = await decide(theirs.json.request.id, "approve");
    expect(beyond.status).toBe(400);
    expect(beyond.json.error.message).toContain("the pledge has £20,000.00 left");
    expect((await decide(theirs.json.request.id, "reject")).status).toBe(200);
    expect((await decide(theirs.json.request.id, "approve")).status).toBe(409);
    const after = await a.cc.get(`/api/orgs/${a.councilId}/levy/pledges`);
    expect(after.json.pledges[0]).toMatchObject({ approvedPence: 4_000_000, leftPence: 2_000_000 });
    expect(after.json.tracker).toMatchObject({ approvedPence: 4_000_000, leftInPledgesPence: 2_000_000 });
    // The provider sees the amount left fall, and its request approved; it was emailed.
    const seen = await a.pc.get(`/api/orgs/${a.provider.id}/levy/open-pledges`);
    expect(seen.json.pledges[0].leftPence).toBe(2_000_000);
    expect(seen.json.requests[0].status).toBe("approved");
    const decided = await hub.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.template, "levy-decision"), eq(outbox.toAddress, a.providerAdmin.email)));
    expect(decided).toHaveLength(1);
    const audited = await hub.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "levy_request"), eq(auditLog.orgId, a.councilId)));
    expect(audited).toHaveLength(2);
  });

  it("withdraws a pending request, not a decided one; another pledger cannot decide it", async () => {
    const a = await area();
    const pledgeId = (await a.pledge({})).json.pledge.id;
    const made = await a.pc.post(`/api/orgs/${a.provider.id}/levy/requests`, {
      pledgeId,
      standard: "ST0005",
      amountPence: 100_000,
      staffRecordIds: [a.staff[2].id],
    });
    const id = made.json.request.id;
    const b = await area();
    const stranger = await b.cc.post(`/api/orgs/${b.councilId}/levy/pledges/${pledgeId}/requests/${id}/decision`, {
      decision: "approve",
    });
    expect(stranger.status).toBe(404);
    const w = await a.pc.post(`/api/orgs/${a.provider.id}/levy/requests/${id}/withdraw`);
    expect(w.json.request.status).toBe("withdrawn");
    expect((await a.pc.post(`/api/orgs/${a.provider.id}/levy/requests/${id}/withdraw`)).status).toBe(409);
    // A provider of another area sees none of this area's pledges.
    const far = await b.pc.get(`/api/orgs/${b.provider.id}/levy/open-pledges`);
    expect(far.json.pledges.map((p: { id: string }) => p.id)).not.toContain(pledgeId);
  });
});
