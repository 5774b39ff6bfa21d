import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Client, commissionedProvider, makeOrg, makeUser, signedIn, testHub, uniq } from "../../../../test/harness";
import { auditLog, users } from "../../db/schema";
import { halfYearOf, lastEndedHalfYear } from "./public.service";

// A council's strategy progress for the public (issue 16 item 6). The test hub's clock is 15 June
// 2026: the latest half-year ended is October 2025 to March 2026 (2026-Q1), the one before it
// April to September 2025 (2025-Q3).

const hub = await testHub();

/**
 * A council with an approved strategy: one recommendation and one enabler; R1.1 owned by the
 * steering group, R1.2 by a provider's registered manager (a person), E1.1 by the council's
 * workforce lead. Measures: the vacancy rate and the share whose ethnicity is not known.
 */
async function publishedPlan(providers: { workers: number; open?: number }[]) {
  const council = await makeOrg(hub, "council");
  const adminUser = await makeUser(hub, council, "council_admin");
  const admin = await signedIn(hub, adminUser.email);
  const orgs = [];
  for (const p of providers)
    orgs.push(await commissionedProvider(hub, council.id, { workers: p.workers, open: p.open }));
  const base = `/api/orgs/${council.id}/strategies`;
  const strategy = (
    await admin.post(base, {
      title: "Care workforce strategy",
      periodStart: "2025-04-01",
      periodEnd: "2028-03-31",
      vision: "Care work is a career people choose and stay in.",
    })
  ).json.strategy;
  const s = `${base}/${strategy.id}`;
  const r1 = (
    await admin.post(`${s}/pillars`, {
      kind: "recommendation",
      number: 1,
      title: "Recruit together",
      aims: ["Fill posts faster"],
    })
  ).json.pillar;
  const e1 = (await admin.post(`${s}/pillars`, { kind: "enabler", number: 1, title: "A workforce hub" })).json.pillar;
  const group = (await admin.post(`${s}/groups`, { kind: "steering", name: "Workforce steering group" })).json.group;
  const manager = await makeUser(hub, orgs[0], "provider_editor", { email: `ruth.manager-${uniq()}@example.test` });
  expect((await admin.post(`${s}/groups/${group.id}/members`, { email: manager.email })).status).toBe(201);
  const lead = await makeUser(hub, council, "workforce_lead");
  const action = async (pillarId: string, number: number, title: string, owner: unknown, metric?: string) =>
    (
      await admin.post(`${s}/actions`, {
        pillarId,
        number,
        title,
        phase: "foundations",
        owner,
        measures: metric ? [{ metric, target: 0.09, direction: "lower", byDate: "2028-03-31" }] : [],
      })
    ).json.action;
  const board = await action(r1.id, 1, "One job board", { groupId: group.id }, "vacancy_rate");
  const interview = await action(r1.id, 2, "A shared interview", { userId: manager.id }, "ethnicity_unknown_share");
  const hubAction = await action(e1.id, 1, "Build the hub", { userId: lead.id });
  await admin.post(`${s}/risks`, {
    kind: "risk",
    title: "Secret market fragility",
    likelihood: 4,
    impact: 5,
    ownerName: "Ruth Manager",
  });
  expect(
    (
      await admin.post(`${s}/approve`, {
        board: "Executive Board",
        approvedOn: "2025-03-12",
        minuteRef: "EXB 94/25",
        approvedBy: "Executive Board",
      })
    ).status,
  ).toBe(200);
  const put = (a: { id: string }, quarter: string, status: string) =>
    admin.request("PUT", `${s}/actions/${a.id}/updates/${quarter}`, {
      status,
      narrative: "Said by Ruth Manager",
      reportedOn: "2026-04-10",
    });
  // 2025-Q3 (the earlier half-year): the board on track, the interview complete, the hub not started.
  for (const [a, st] of [
    [board, "on_track"],
    [interview, "complete"],
    [hubAction, "not_started"],
  ] as const)
    expect((await put(a, "2025-Q3", st)).status).toBe(200);
  // 2026-Q1: the board at risk, the hub on track; the interview has no update (it stays complete).
  await put(board, "2026-Q1", "at_risk");
  await put(hubAction, "2026-Q1", "on_track");
  // 2026-Q2 has not ended by the half-year: never shown.
  await put(board, "2026-Q2", "off_track");
  return { council, adminUser, admin, manager, lead, board, interview, hubAction };
}

const anyone = new Client(hub);
const page = (slug: string) => anyone.get(`/api/public/strategy/${slug}`);

describe("half-years", () => {
  it("are the council year's halves, to 30 September and 31 March", () => {
    expect(lastEndedHalfYear("2026-06-15")).toBe("2026-Q1");
    expect(lastEndedHalfYear("2026-10-01")).toBe("2026-Q3");
    expect(lastEndedHalfYear("2026-09-30")).toBe("2026-Q1");
    expect(lastEndedHalfYear("2027-01-05")).toBe("2026-Q3");
    expect(halfYearOf("2026-Q1")).toEqual({
      quarter: "2026-Q1",
      label: "October 2025 to March 2026",
      end: "2026-03-31",
    });
    expect(halfYearOf("2025-Q3")).toEqual({ quarter: "2025-Q3", label: "April to September 2025", end: "2025-09-30" });
  });
});

describe("a council's public strategy progress", () => {
  it("is not there until the council switches it on (nor for a council that does not exist); then shows the plan and its progress every six months", async () => {
    const p = await publishedPlan([{ workers: 23, open: 2 }, { workers: 31, open: 1 }, { workers: 14 }]);
    expect((await page(p.council.slug)).status).toBe(404);
    expect((await page("no-such-council")).status).toBe(404);
    const setting = `/api/orgs/${p.council.id}/strategy-public-page`;
    expect((await p.admin.get(setting)).json).toEqual({
      enabled: false,
      slug: p.council.slug,
      hasApprovedStrategy: true,
    });

    // Only those who manage the strategy switch it; the switch is audited.
    const analyst = await signedIn(hub, (await makeUser(hub, p.council, "council_analyst")).email);
    expect((await analyst.request("PUT", setting, { enabled: true })).status).toBe(403);
    expect((await p.admin.request("PUT", setting, { enabled: true })).json.enabled).toBe(true);
    const audited = await hub.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, p.council.id), eq(auditLog.entityType, "strategy_public_page")));
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ before: { enabled: false }, after: { enabled: true } });

    const res = await page(p.council.slug);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = res.json;
    expect(body.strategy).toEqual({
      title: "Care workforce strategy",
      periodStart: "2025-04-01",
      periodEnd: "2028-03-31",
      vision: "Care work is a career people choose and stay in.",
      approval: { board: "Executive Board", approvedOn: "2025-03-12" },
    });
    expect(body.latest).toEqual({ quarter: "2026-Q1", label: "October 2025 to March 2026", end: "2026-03-31" });
    expect(body.previous).toEqual({ quarter: "2025-Q3", label: "April to September 2025", end: "2025-09-30" });
    const [r1, e1] = body.pillars;
    expect(r1).toMatchObject({
      ref: "R1",
      kind: "recommendation",
      title: "Recruit together",
      aims: ["Fill posts faster"],
    });
    expect(e1).toMatchObject({ ref: "E1", kind: "enabler", title: "A workforce hub" });
    // The board at risk (not 2026-Q2's off track), the interview still complete.
    expect(r1.progress.latest).toEqual({
      not_started: 0,
      on_track: 0,
      at_risk: 1,
      off_track: 0,
      complete: 1,
      noUpdate: 0,
      actions: 2,
    });
    expect(r1.progress.previous).toMatchObject({ on_track: 1, complete: 1, at_risk: 0, actions: 2 });
    expect(e1.progress.latest).toMatchObject({ on_track: 1, not_started: 0 });
    expect(e1.progress.previous).toMatchObject({ not_started: 1 });
    expect(r1.completed).toEqual([
      {
        ref: "R1.2",
        title: "A shared interview",
        phase: "foundations",
        owner: { kind: "role", label: "A member of the strategy group" },
        quarter: "2025-Q3",
      },
    ]);

    // The vacancy rate at each half-year's end: 3 of 71 posts open on 31 March, none on 30 September.
    const vacancy = body.measures.find((m: { metric: string }) => m.metric === "vacancy_rate");
    expect(vacancy).toMatchObject({ target: 0.09, direction: "lower", actions: ["R1.1"] });
    expect(vacancy.latest).toEqual({ value: Math.round((3 / 71) * 1000) / 1000, n: 70 });
    expect(vacancy.previous.value).toBe(0);
    // No special category figure, whatever the plan links.
    expect(body.measures.map((m: { metric: string }) => m.metric)).toEqual(["vacancy_rate"]);

    await p.admin.request("PUT", setting, { enabled: false });
    expect((await page(p.council.slug)).status).toBe(404);
  });

  it("names no person: an action a provider's manager owns shows their role, and neither the register nor the updates' words appear", async () => {
    const p = await publishedPlan([{ workers: 20 }, { workers: 20 }, { workers: 20 }]);
    await p.admin.request("PUT", `/api/orgs/${p.council.id}/strategy-public-page`, { enabled: true });
    const res = await page(p.council.slug);
    expect(res.status).toBe(200);
    for (const secret of [p.manager.name, p.manager.email, p.lead.name, p.lead.email, p.adminUser.name, "Ruth Manager"])
      expect(res.text).not.toContain(secret);
    expect(res.text).not.toContain("Secret market fragility");
    expect(res.text).not.toMatch(/"risks?"/);
  });

  it("holds no user id, email or person's name anywhere in the answer, however deep", async () => {
    const p = await publishedPlan([{ workers: 20 }, { workers: 20 }, { workers: 20 }]);
    await p.admin.request("PUT", `/api/orgs/${p.council.id}/strategy-public-page`, { enabled: true });
    const body = (await page(p.council.slug)).json;
    const people = [p.manager, p.lead, p.adminUser];
    const secrets = people.flatMap((u) => [u.id, u.email, u.name].filter(Boolean) as string[]);
    const strings: string[] = [];
    const walk = (v: unknown) => {
      if (typeof v === "string") strings.push(v);
      else if (Array.isArray(v)) for (const x of v) walk(x);
      else if (v && typeof v === "object")
        for (const [k, x] of Object.entries(v)) {
          expect(k, "no field about a person").not.toMatch(/email|userId|reportedBy|recordedBy/i);
          walk(x);
        }
    };
    walk(body);
    expect(strings.length).toBeGreaterThan(10);
    for (const s of strings) for (const secret of secrets) expect(s.toLowerCase()).not.toContain(secret.toLowerCase());
    expect(strings.filter((s) => s.includes("@"))).toEqual([]);
  });

  it("answers 404 the same way for a provider's slug, a council switched off, a draft-only strategy and no such council", async () => {
    const p = await publishedPlan([{ workers: 20 }]);
    const provider = await makeOrg(hub, "provider");
    const draft = await makeOrg(hub, "council");
    const draftAdmin = await signedIn(hub, (await makeUser(hub, draft, "council_admin")).email);
    await draftAdmin.post(`/api/orgs/${draft.id}/strategies`, {
      title: "Draft",
      periodStart: "2025-04-01",
      periodEnd: "2028-03-31",
    });
    await draftAdmin.request("PUT", `/api/orgs/${draft.id}/strategy-public-page`, { enabled: true });
    const answers = [];
    for (const slug of [provider.slug, p.council.slug, draft.slug, `no-such-${uniq()}`, "..%2F..%2Fetc", "%00"]) {
      const res = await page(slug);
      answers.push({ status: res.status, body: res.json });
    }
    expect(answers[0].status).toBe(404);
    for (const a of answers.slice(1, 4)) expect(a).toEqual(answers[0]);
    for (const a of answers.slice(4)) expect([400, 404]).toContain(a.status);
  });

  it("withholds every figure of a system too small for the public: fewer than 3 employers", async () => {
    const p = await publishedPlan([
      { workers: 30, open: 3 },
      { workers: 30, open: 2 },
    ]);
    await p.admin.request("PUT", `/api/orgs/${p.council.id}/strategy-public-page`, { enabled: true });
    const body = (await page(p.council.slug)).json;
    const vacancy = body.measures.find((m: { metric: string }) => m.metric === "vacancy_rate");
    expect(vacancy.latest).toEqual({ value: null, reason: "not_enough_data", n: 0 });
    expect(vacancy.previous).toEqual({ value: null, reason: "not_enough_data", n: 0 });
  });

  it("is not published for a council whose strategy is still a draft, even switched on", async () => {
    const council = await makeOrg(hub, "council");
    const admin = await signedIn(hub, (await makeUser(hub, council, "council_admin")).email);
    await admin.post(`/api/orgs/${council.id}/strategies`, {
      title: "Draft strategy",
      periodStart: "2025-04-01",
      periodEnd: "2028-03-31",
    });
    const on = await admin.request("PUT", `/api/orgs/${council.id}/strategy-public-page`, { enabled: true });
    expect(on.json).toEqual({ enabled: true, slug: council.slug, hasApprovedStrategy: false });
    expect((await page(council.slug)).status).toBe(404);
  });
});

describe("the demo council", () => {
  it("publishes its strategy's progress: seven recommendations, three enablers, the latest half-year to September, and no demo person's name", async () => {
    const { seedDemoOnce } = await import("../../../../test/harness");
    await seedDemoOnce(hub);
    const was = hub.clock.now;
    hub.clock.now = new Date("2026-11-22T09:00:00Z");
    try {
      const res = await page("halton");
      expect(res.status).toBe(200);
      const body = res.json;
      expect(body.pillars.filter((p: { kind: string }) => p.kind === "recommendation")).toHaveLength(7);
      expect(body.pillars.filter((p: { kind: string }) => p.kind === "enabler")).toHaveLength(3);
      expect(body.latest.quarter).toBe("2026-Q3");
      expect(body.previous.quarter).toBe("2026-Q1");
      const counted = body.pillars.reduce(
        (n: number, p: { progress: { latest: { actions: number; noUpdate: number } } }) =>
          n + p.progress.latest.actions - p.progress.latest.noUpdate,
        0,
      );
      expect(counted).toBeGreaterThan(20);
      expect(body.measures.some((m: { metric: string }) => m.metric === "vacancy_rate")).toBe(true);
      const people = await hub.deps.db.select({ name: users.name }).from(users).where(like(users.email, "%demo.test"));
      expect(people.length).toBeGreaterThan(3);
      for (const { name } of people) if (name) expect(res.text).not.toContain(name);
    } finally {
      hub.clock.now = was;
    }
  }, 120_000);
});
