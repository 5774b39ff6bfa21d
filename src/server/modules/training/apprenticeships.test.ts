import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { commissionedProvider, testHub } from "../../../../test/harness";
import { booking, course, session, trainingArea } from "../../../../test/training-fixtures";
import { auditLog, fundingClaims, staffRecords } from "../../db/schema";

const hub = await testHub();

async function area() {
  const a = await trainingArea(hub, { workers: 3 });
  return { ...a, pc: await a.providerClient(), cc: await a.councilClient() };
}
const start = (staffRecordId: string, over: Record<string, unknown> = {}) => ({
  staffRecordId,
  standard: "ST0005",
  startOn: "2026-06-01",
  plannedEndOn: "2027-02-01",
  trainingProviderName: "Riverside College",
  funding: "co_investment",
  pricePence: 400_000,
  ...over,
});

describe("apprenticeship starts", () => {
  it("records a start against a framework standard, lists it with the form's choices, audits it", async () => {
    const a = await area();
    const made = await a.pc.post(`/api/orgs/${a.provider.id}/apprenticeships`, start(a.staff[0].id));
    expect(made.status).toBe(201);
    expect(made.json.apprenticeship).toMatchObject({
      name: "S0",
      standard: "ST0005",
      standardTitle: "Adult care worker apprenticeship",
      level: 2,
      status: "in_learning",
      progressPercent: 0,
    });
    const list = await a.pc.get(`/api/orgs/${a.provider.id}/apprenticeships`);
    expect(list.json.apprenticeships).toHaveLength(1);
    expect(list.json.standards.map((s: { standard: string }) => s.standard)).toContain("ST0008");
    expect(list.json.standards.find((s: { standard: string }) => s.standard === "ST0005").fundingBandPence).toBe(
      400_000,
    );
    expect(list.json.staff.map((s: { name: string }) => s.name)).toEqual(["S0", "S1", "S2"]);
    const audit = await hub.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, a.provider.id), eq(auditLog.entityType, "apprenticeship")));
    expect(audit).toHaveLength(1);
  });

  it("refuses, case by case, with the field to fix", async () => {
    const a = await area();
    const other = await commissionedProvider(hub, a.councilId, { workers: 1 });
    const [foreign] = await hub.deps.db.select().from(staffRecords).where(eq(staffRecords.orgId, other.id));
    const refused = async (body: Record<string, unknown>) => {
      const res = await a.pc.post(`/api/orgs/${a.provider.id}/apprenticeships`, body);
      expect(res.status).toBe(400);
      return res.json.error.issues.map((i: { path: string }) => i.path);
    };
    expect(await refused(start(foreign.id))).toEqual(["staffRecordId"]);
    expect(await refused(start(a.staff[0].id, { startOn: "2019-06-01", plannedEndOn: "2020-06-01" }))).toEqual([
      "startOn",
    ]);
    expect(await refused(start(a.staff[0].id, { standard: "ST9999" }))).toEqual(["standard"]);
    expect(await refused(start(a.staff[0].id, { standard: "5" }))).toEqual(["standard"]);
    expect(await refused(start(a.staff[0].id, { plannedEndOn: "2027-01-31" }))).toEqual(["plannedEndOn"]);
    expect(await refused(start(a.staff[0].id, { pricePence: 400_001 }))).toEqual(["pricePence"]);
    expect(await refused(start(a.staff[0].id, { funding: "transfer" }))).toEqual(["levyRequestId"]);
    expect(
      await refused(
        start(a.staff[0].id, { funding: "transfer", levyRequestId: "00000000-0000-4000-8000-000000000000" }),
      ),
    ).toEqual(["levyRequestId"]);
  });

  it("a transfer draws on an approved request naming the person until the request's amount is used", async () => {
    const a = await area();
    const pledge = await a.cc.post(`/api/orgs/${a.councilId}/levy/pledges`, {
      levyPaidPence: 10_000_000,
      amountPence: 1_000_000,
      opensOn: "2026-06-01",
      closesOn: "2026-12-31",
    });
    const req = await a.pc.post(`/api/orgs/${a.provider.id}/levy/requests`, {
      pledgeId: pledge.json.pledge.id,
      standard: "ST0005",
      amountPence: 600_000,
      staffRecordIds: [a.staff[0].id, a.staff[1].id],
    });
    const id = req.json.request.id;
    const pending = await a.pc.post(
      `/api/orgs/${a.provider.id}/apprenticeships`,
      start(a.staff[0].id, { funding: "transfer", levyRequestId: id }),
    );
    expect(pending.json.error.issues[0].message).toContain("not approved yet");
    await a.cc.post(`/api/orgs/${a.councilId}/levy/pledges/${pledge.json.pledge.id}/requests/${id}/decision`, {
      decision: "approve",
    });
    const first = await a.pc.post(
      `/api/orgs/${a.provider.id}/apprenticeships`,
      start(a.staff[0].id, { funding: "transfer", levyRequestId: id }),
    );
    expect(first.status).toBe(201);
    const list = await a.pc.get(`/api/orgs/${a.provider.id}/apprenticeships`);
    expect(list.json.levyRequests).toEqual([{ id, standard: "ST0005", leftPence: 200_000, pledger: a.council.name }]);
    const unnamed = await a.pc.post(
      `/api/orgs/${a.provider.id}/apprenticeships`,
      start(a.staff[2].id, { funding: "transfer", levyRequestId: id, pricePence: 100_000 }),
    );
    expect(unnamed.json.error.issues[0].message).toContain("does not name this person");
    const over = await a.pc.post(
      `/api/orgs/${a.provider.id}/apprenticeships`,
      start(a.staff[1].id, { funding: "transfer", levyRequestId: id }),
    );
    expect(over.json.error.issues).toEqual([
      {
        path: "pricePence",
        message: "The levy request has £2,000.00 left, less than the price: lower the price or use other funding",
      },
    ]);
  });

  it("updates progress and ends it: completed needs an end date and a result; withdrawn has no result", async () => {
    const a = await area();
    const id = (await a.pc.post(`/api/orgs/${a.provider.id}/apprenticeships`, start(a.staff[0].id))).json.apprenticeship
      .id;
    const url = `/api/orgs/${a.provider.id}/apprenticeships/${id}`;
    expect(
      (await a.pc.patch(url, { progressPercent: 40, lastReviewOn: "2026-06-10" })).json.apprenticeship,
    ).toMatchObject({
      progressPercent: 40,
      lastReviewOn: "2026-06-10",
    });
    expect((await a.pc.patch(url, { status: "completed" })).json.error.issues[0].path).toBe("endOn");
    expect((await a.pc.patch(url, { status: "completed", endOn: "2026-06-14" })).json.error.issues[0].path).toBe(
      "result",
    );
    expect((await a.pc.patch(url, { status: "completed", endOn: "2026-07-01", result: "achieved" })).status).toBe(400);
    expect((await a.pc.patch(url, { progressPercent: 101 })).status).toBe(400);
    const done = await a.pc.patch(url, { status: "completed", endOn: "2026-06-14", result: "achieved" });
    expect(done.json.apprenticeship).toMatchObject({ status: "completed", result: "achieved", progressPercent: 100 });
    // Another provider cannot touch it.
    const b = await area();
    expect((await b.pc.patch(`/api/orgs/${b.provider.id}/apprenticeships/${id}`, { progressPercent: 1 })).status).toBe(
      404,
    );
  });
});

describe("LDSS funding claims", () => {
  it("lists claims by course then learner with amounts and deadlines, marks parts claimed, exports CSV and XLSX", async () => {
    const a = await area();
    const ommt = await course(hub, a, {
      title: "Oliver McGowan Tier 1",
      funding: "ldss",
      ldssKind: "ommt",
      ldssPence: 5_000,
    });
    const dip = await course(hub, a, {
      title: "Level 3 Diploma in Adult Care",
      funding: "ldss",
      ldssKind: "qualification",
      ldssPence: 100_000,
    });
    const free = await course(hub, a, { title: "Free course" });
    const past = { startsAt: new Date("2026-05-01T09:00:00Z"), endsAt: new Date("2026-05-01T16:00:00Z") };
    const sO = await session(hub, ommt, past);
    const sD = await session(hub, dip, past);
    const sF = await session(hub, free, past);
    const done = { outcome: "completed", outcomeAt: new Date("2026-05-01T16:00:00Z") };
    const b0 = await booking(hub, sO, a.provider.id, a.staff[0].id, done);
    await booking(hub, sO, a.provider.id, a.staff[1].id, { outcome: "did_not_attend", outcomeAt: done.outcomeAt });
    const b2 = await booking(hub, sD, a.provider.id, a.staff[2].id, { outcome: null });
    await booking(hub, sF, a.provider.id, a.staff[0].id, done);
    // A registered nurse's place is excluded.
    await hub.deps.db.update(staffRecords).set({ mainJobRole: 16 }).where(eq(staffRecords.id, a.staff[1].id));
    await booking(hub, sD, a.provider.id, a.staff[1].id, done);

    const res = await a.pc.get(`/api/orgs/${a.provider.id}/training/funding-claims`);
    expect(res.status).toBe(200);
    expect(res.json.courses.map((c: { title: string }) => c.title)).toEqual([
      "Level 3 Diploma in Adult Care",
      "Oliver McGowan Tier 1",
    ]);
    const [diploma, oliver] = res.json.courses;
    expect(
      diploma.learners.map((l: { name: string; eligible: boolean; note: string }) => [l.name, l.eligible, l.note]),
    ).toEqual([
      ["S1", false, "The learner's main job role is a regulated profession, which the scheme excludes"],
      ["S2", true, ""],
    ]);
    expect(diploma.learners[1].parts).toEqual([
      { part: "first", amountPence: 60_000, from: "2026-05-01", deadline: "2026-08-01", state: "claimable", note: "" },
      {
        part: "final",
        amountPence: 40_000,
        from: null,
        deadline: null,
        state: "not_yet",
        note: "Claimable once the learner completes",
      },
    ]);
    expect(oliver.learners.map((l: { name: string; eligible: boolean }) => [l.name, l.eligible])).toEqual([
      ["S0", true],
      ["S1", false],
    ]);
    expect(res.json.totals).toEqual({ claimablePence: 65_000, claimedPence: 0 });

    const mark = await a.pc.post(`/api/orgs/${a.provider.id}/training/funding-claims/mark`, {
      claims: [
        { bookingId: b0.id, part: "full" },
        { bookingId: b2.id, part: "first" },
      ],
    });
    expect(mark.json).toEqual({ marked: 2 });
    const notYet = await a.pc.post(`/api/orgs/${a.provider.id}/training/funding-claims/mark`, {
      claims: [{ bookingId: b2.id, part: "final" }],
    });
    expect(notYet.status).toBe(400);
    expect(notYet.json.error.message).toContain("claimable once the learner completes");
    const again = await a.pc.get(`/api/orgs/${a.provider.id}/training/funding-claims`);
    expect(again.json.totals).toEqual({ claimablePence: 0, claimedPence: 65_000 });
    const rows = await hub.deps.db.select().from(fundingClaims).where(eq(fundingClaims.orgId, a.provider.id));
    expect(rows.map((r) => r.amountPence).sort()).toEqual([5_000, 60_000]);

    // Another provider cannot mark this provider's claims.
    const b = await area();
    const stolen = await b.pc.post(`/api/orgs/${b.provider.id}/training/funding-claims/mark`, {
      claims: [{ bookingId: b2.id, part: "final" }],
    });
    expect(stolen.status).toBe(400);

    const csv = await a.pc.get(`/api/orgs/${a.provider.id}/training/funding-claims.csv`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = csv.text
      .replace(/^\ufeff/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Learner,Course,Scheme part,Started,Completed,Amount (£),Claim by,State");
    expect(lines.slice(1)).toEqual([
      "S2,Level 3 Diploma in Adult Care,First part (60%),2026-05-01,,600.00,2026-08-01,Claimed",
      "S0,Oliver McGowan Tier 1,Full claim (100%),2026-05-01,2026-05-01,50.00,2026-08-01,Claimed",
    ]);
    expect(csv.text).not.toMatch(/QQ\d{6}/);

    const xlsx = await hub.app.request(`/api/orgs/${a.provider.id}/training/funding-claims.xlsx`, {
      headers: { cookie: a.pc.cookie },
    });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.getWorksheet("LDSS claims");
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      "Learner",
      "Course",
      "Scheme part",
      "Started",
      "Completed",
      "Amount (£)",
      "Claim by",
      "State",
    ]);
    expect(sheet?.getRow(3).getCell(2).value).toBe("Oliver McGowan Tier 1");
    expect(sheet?.rowCount).toBe(3);
  });

  it("a second completion of the same course by the same person is a repeat the scheme does not fund", async () => {
    const a = await area();
    const c = await course(hub, a, {
      title: "Dementia awareness",
      funding: "ldss",
      ldssKind: "course",
      ldssPence: 8_000,
    });
    const first = await session(hub, c, {
      startsAt: new Date("2026-03-02T09:00:00Z"),
      endsAt: new Date("2026-03-02T16:00:00Z"),
    });
    const second = await session(hub, c, {
      startsAt: new Date("2026-05-04T09:00:00Z"),
      endsAt: new Date("2026-05-04T16:00:00Z"),
    });
    await booking(hub, first, a.provider.id, a.staff[0].id, {
      outcome: "completed",
      outcomeAt: new Date("2026-03-02T16:00:00Z"),
    });
    await booking(hub, second, a.provider.id, a.staff[0].id, {
      outcome: "completed",
      outcomeAt: new Date("2026-05-04T16:00:00Z"),
    });
    const res = await a.pc.get(`/api/orgs/${a.provider.id}/training/funding-claims`);
    const learners = res.json.courses[0].learners;
    expect(
      learners.map((l: { startedOn: string; eligible: boolean; note: string }) => [l.startedOn, l.eligible, l.note]),
    ).toEqual([
      ["2026-03-02", true, ""],
      ["2026-05-04", false, "A repeat of a course the learner already completed, which the scheme does not fund"],
    ]);
    // The first completion's 3 months ran out on 2 June (the clock reads 15 June).
    expect(learners[0].parts[0]).toMatchObject({
      part: "full",
      amountPence: 8_000,
      deadline: "2026-06-02",
      state: "expired",
    });
  });
});
