import { describe, expect, it } from "vitest";
import { signedIn, testHub } from "../../../../test/harness";
import { socialWorkArea } from "../../../../test/social-work-fixtures";

// Trainees, practice educators' payments and the grow-your-own share through the API, from
// hand-made records (the test clock: 2026-06-15).

const hub = await testHub();
const area = await socialWorkArea(hub);
const lead = await signedIn(hub, area.lead.email);
const base = `/api/orgs/${area.council.id}/social-work`;
const pe = await area.addWorker({ team: area.teams.childrenA, name: "Pat Educator", peStage: 2 });
const notPe = await area.addWorker({ team: area.teams.childrenA, name: "Nat Notpe" });
const otherWorker = await area.addWorker({ team: area.other.team, name: "Elsewhere" }, area.other.council.id);

const placement = {
  route: "placement",
  name: "Sam Student",
  teamId: area.teams.childrenA.id,
  university: "University of Chester",
  programme: "BA Social Work",
  startDate: "2026-01-05",
  endDate: "2026-05-29",
  placementDays: 100,
  skillsDays: 10,
  practiceEducatorStaffId: pe.id,
};

describe("recording a trainee", () => {
  it("refuses bad values with a message on each field", async () => {
    const res = await lead.post(`${base}/trainees`, {
      route: "placement",
      name: "",
      startDate: "2026-05-01",
      endDate: "2026-04-01",
      skillsDays: 31,
      esgAmount: -5,
      repaymentTerms: "pro_rata",
    });
    expect(res.status).toBe(400);
    const paths = Object.fromEntries(
      res.json.error.issues.map((i: { path: string; message: string }) => [i.path, i.message]),
    );
    expect(paths.name).toMatch(/name/);
    expect(paths.skillsDays).toBe("The skills days can be at most 30");
    expect(paths.esgAmount).toBe("The ESG amount cannot be negative");
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(["endDate", "placementDays", "commitmentMonths", "cost"]),
    );
    expect((await lead.get(`${base}/trainees`)).json.trainees).toEqual([]);
  });

  it("refuses a practice educator who has no PE stage, or is another council's", async () => {
    for (const id of [notPe.id, otherWorker.id]) {
      const res = await lead.post(`${base}/trainees`, { ...placement, practiceEducatorStaffId: id });
      expect(res.status).toBe(400);
      expect(res.json.error.issues[0].path).toBe("practiceEducatorStaffId");
    }
    expect((await lead.get(`${base}/trainees`)).json.trainees).toEqual([]);
  });

  it("refuses a practice educator whose end date is the placement's start: they have left by then", async () => {
    const gone = await area.addWorker({
      team: area.teams.childrenA,
      name: "Gwen Gone",
      peStage: 1,
      endDate: "2026-01-05",
    });
    const res = await lead.post(`${base}/trainees`, { ...placement, practiceEducatorStaffId: gone.id });
    expect(res.status).toBe(400);
    expect(res.json.error.issues).toEqual([
      {
        path: "practiceEducatorStaffId",
        message:
          "Gwen Gone left on 5 January 2026, so is not in post when the placement starts: choose a practice educator in post",
      },
    ]);
    expect((await lead.get(`${base}/trainees`)).json.trainees).toEqual([]);
  });

  it("records a placement, its ESG due and its practice educator's payment, due on the end date", async () => {
    const res = await lead.post(`${base}/trainees`, placement);
    expect(res.status).toBe(201);
    const t = res.json.trainee;
    // 100 × £20 + 10 × £10 at the default rates.
    expect(t.esgDue).toBe(2100);
    expect(t.practiceEducatorName).toBe("Pat Educator");
    expect(t.payments).toEqual([
      expect.objectContaining({
        practiceEducatorStaffId: pe.id,
        amount: 500,
        dueOn: "2026-05-29",
        overdueFrom: "2026-06-28",
        paidOn: null,
        status: "due",
      }),
    ]);
  });
});

describe("a trainee's outcome", () => {
  it("links the worker they became, who must be a social worker of this council", async () => {
    const made = (
      await lead.post(`${base}/trainees`, {
        route: "sponsored_masters",
        name: "Morgan Masters",
        teamId: area.teams.adults.id,
        university: "University of Liverpool",
        cohort: "2022",
        startDate: "2022-09-01",
        endDate: "2024-06-30",
        cost: 24_000,
        commitmentMonths: 24,
        repaymentTerms: "pro_rata",
      })
    ).json.trainee;
    const url = `${base}/trainees/${made.id}/outcome`;
    const assistant = await area.addWorker({
      team: area.teams.adults,
      role: "family_support_worker",
      startDate: "2024-09-01",
    });
    for (const staffRecordId of [otherWorker.id, assistant.id]) {
      const res = await lead.post(url, { outcome: "qualified", on: "2024-07-15", staffRecordId });
      expect(res.status).toBe(400);
      expect(res.json.error.issues[0].path).toBe("staffRecordId");
    }
    // Joined on 1 September 2024 and left after 9 whole months: 15 of 24 months unserved.
    const joined = await area.addWorker({
      team: area.teams.adults,
      name: "Morgan Masters",
      startDate: "2024-09-01",
      endDate: "2025-06-20",
      routeIn: "sponsored_masters",
    });
    const res = await lead.post(url, { outcome: "qualified", on: "2024-07-15", staffRecordId: joined.id });
    expect(res.status).toBe(200);
    expect(res.json.trainee).toMatchObject({
      status: "qualified",
      qualifiedOn: "2024-07-15",
      joined: true,
      joinedWorker: { staffRecordId: joined.id, startDate: "2024-09-01", endDate: "2025-06-20" },
      commitment: { state: "owed", monthsServed: 9, endsOn: "2026-09-01", owed: 15_000 },
    });
  });

  it("records a withdrawal on a day, which becomes the end date", async () => {
    const made = (
      await lead.post(`${base}/trainees`, { route: "apprentice", name: "Wyn Withdrawn", startDate: "2025-09-01" })
    ).json.trainee;
    const future = await lead.post(`${base}/trainees/${made.id}/outcome`, { outcome: "withdrawn", on: "2026-07-01" });
    expect(future.status).toBe(400);
    expect(future.json.error.issues[0].path).toBe("on");
    const res = await lead.post(`${base}/trainees/${made.id}/outcome`, { outcome: "withdrawn", on: "2026-02-01" });
    expect(res.json.trainee).toMatchObject({ status: "withdrawn", endDate: "2026-02-01", qualifiedOn: null });
  });
});

describe("practice educators' payments", () => {
  it("are due, overdue and paid as computed from their rows", async () => {
    // Ended 1 May: unpaid 30 days on (31 May) it is overdue by 15 June.
    const old = (
      await lead.post(`${base}/trainees`, {
        ...placement,
        name: "Olly Old",
        startDate: "2026-01-05",
        endDate: "2026-05-01",
        placementDays: 70,
      })
    ).json.trainee;
    // Ends in July: not due yet.
    await lead.post(`${base}/trainees`, {
      ...placement,
      name: "Fay Future",
      startDate: "2026-03-01",
      endDate: "2026-07-31",
    });
    const page = (await lead.get(`${base}/practice-educators`)).json;
    expect(page.academicYear).toBe("2025/26");
    const pat = page.practiceEducators.find((p: { staffRecordId: string }) => p.staffRecordId === pe.id);
    expect(pat).toMatchObject({
      peStage: 2,
      studentsThisYear: 3,
      studentsEver: 3,
      notDue: { count: 1, amount: 500 },
      due: { count: 1, amount: 500 },
      overdue: { count: 1, amount: 500 },
      paid: { count: 0, amount: 0 },
    });
    expect(page.payments.map((p: { status: string }) => p.status)).toEqual(["overdue", "due", "not_due"]);
    // Nat has no PE stage and no payment: not listed.
    expect(page.practiceEducators.some((p: { staffRecordId: string }) => p.staffRecordId === notPe.id)).toBe(false);

    const payment = page.payments[0];
    expect(payment.traineeId).toBe(old.id);
    const future = await lead.post(`${base}/pe-payments/${payment.id}/paid`, { paidOn: "2026-06-16" });
    expect(future.status).toBe(400);
    const paid = await lead.post(`${base}/pe-payments/${payment.id}/paid`, { paidOn: "2026-06-10" });
    expect(paid.json.payment).toMatchObject({ status: "paid", paidOn: "2026-06-10" });
    const after = (await lead.get(`${base}/practice-educators`)).json.practiceEducators.find(
      (p: { staffRecordId: string }) => p.staffRecordId === pe.id,
    );
    expect(after).toMatchObject({ overdue: { count: 0, amount: 0 }, paid: { count: 1, amount: 500 } });
  });

  it("move with an unpaid placement to a new practice educator, and stay with one already paid", async () => {
    const pe2 = await area.addWorker({ team: area.teams.childrenB, name: "Quinn Second", peStage: 1 });
    const made = (await lead.post(`${base}/trainees`, { ...placement, name: "Hana Handover" })).json.trainee;
    const moved = (
      await lead.request("PUT", `${base}/trainees/${made.id}`, {
        ...placement,
        name: "Hana Handover",
        practiceEducatorStaffId: pe2.id,
      })
    ).json.trainee;
    expect(moved.payments).toEqual([expect.objectContaining({ practiceEducatorStaffId: pe2.id, paidOn: null })]);
    await lead.post(`${base}/pe-payments/${moved.payments[0].id}/paid`, { paidOn: "2026-06-01" });
    const back = (await lead.request("PUT", `${base}/trainees/${made.id}`, { ...placement, name: "Hana Handover" }))
      .json.trainee;
    // The student had two practice educators, each with a payment.
    expect(
      back.payments.map((p: { practiceEducatorStaffId: string; status: string }) => [
        p.practiceEducatorStaffId,
        p.status,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [pe2.id, "paid"],
        [pe.id, "due"],
      ]),
    );
  });
});

describe("routes in at a glance", () => {
  it("computes the grow-your-own share from hand-made workers exactly", async () => {
    const hub2 = await testHub();
    const a = await socialWorkArea(hub2);
    const t = a.teams.childrenA;
    await a.addWorker({ team: t, routeIn: "apprentice" });
    await a.addWorker({ team: t, routeIn: "step_up", role: "team_manager" });
    await a.addWorker({ team: t, routeIn: "placement_student", role: "asye_social_worker" });
    await a.addWorker({ team: t, routeIn: "external" });
    await a.addWorker({ team: t, routeIn: "unknown" });
    await a.addWorker({ team: t, routeIn: "apprentice", role: "family_support_worker" });
    await a.addWorker({ team: t, routeIn: "apprentice", endDate: "2026-06-14" });
    await a.addWorker({ team: t, routeIn: "frontline", startDate: "2026-06-16" });
    const res = await (await signedIn(hub2, a.lead.email)).get(`/api/orgs/${a.council.id}/social-work/routes-in`);
    expect(res.status).toBe(200);
    expect(res.json.growYourOwn).toEqual({
      on: "2026-06-15",
      registeredInPost: 5,
      grownOwn: 3,
      routeUnknown: 1,
      share: 0.6,
    });
  });

  it("counts trainees by route and status, with cost, ESG and repayments owed", async () => {
    const res = (await lead.get(`${base}/routes-in`)).json;
    const byRoute = Object.fromEntries(res.byRoute.map((r: { route: string }) => [r.route, r]));
    expect(byRoute.placement).toMatchObject({ inTraining: 4, qualified: 0, withdrawn: 0, joined: 0 });
    expect(byRoute.sponsored_masters).toMatchObject({ qualified: 1, joined: 1, cost: 24_000, repaymentsOwed: 15_000 });
    expect(byRoute.apprentice).toMatchObject({ withdrawn: 1 });
    const masters = res.cohorts.find((c: { route: string }) => c.route === "sponsored_masters");
    expect(masters).toMatchObject({ cohort: "2022", started: 1, qualified: 1, joined: 1 });
    // Joined 1 September 2024, left 20 June 2025: eligible at 1 year, not still here.
    expect(masters.retention[0]).toEqual({ years: 1, eligible: 1, stayed: 0, rate: 0 });
  });
});
