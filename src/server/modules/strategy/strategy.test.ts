import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  commissionedProvider,
  lastEmailTo,
  makeOrg,
  makeSystem,
  makeUser,
  signedIn,
  testHub,
} from "../../../../test/harness";
import { memberships, outbox } from "../../db/schema";
import { chaseOverdueUpdates } from "./updates.service";

const hub = await testHub();

/** A council with an approved strategy: one recommendation, a steering group and two actions. */
async function approvedPlan() {
  const sys = await makeSystem(hub);
  const admin = await signedIn(hub, sys.councilAdmin.email);
  const base = `/api/orgs/${sys.council.id}/strategies`;
  const strategy = (
    await admin.post(base, {
      title: "Halton care workforce strategy",
      periodStart: "2025-04-01",
      periodEnd: "2028-03-31",
    })
  ).json.strategy;
  const s = `${base}/${strategy.id}`;
  const pillar = (await admin.post(`${s}/pillars`, { kind: "recommendation", number: 1, title: "Joint recruitment" }))
    .json.pillar;
  const group = (await admin.post(`${s}/groups`, { kind: "steering", name: "Workforce steering group" })).json.group;
  // A provider's registered manager joins the steering group, and so reaches the council's strategy.
  const member = await makeUser(hub, sys.provider, "provider_editor");
  const joined = await admin.post(`${s}/groups/${group.id}/members`, { email: member.email, role: "member" });
  expect(joined.status).toBe(201);
  const owned = (
    await admin.post(`${s}/actions`, {
      pillarId: pillar.id,
      number: 1,
      title: "One job board for every local employer",
      phase: "foundations",
      owner: { groupId: group.id },
      measures: [{ metric: "vacancy_rate", target: 0.09, direction: "lower", byDate: "2028-03-31" }],
    })
  ).json.action;
  const other = (
    await admin.post(`${s}/actions`, {
      pillarId: pillar.id,
      number: 2,
      title: "A shared values-based interview",
      phase: "activation",
      owner: { userId: sys.councilAdmin.id },
    })
  ).json.action;
  const approved = await admin.post(`${s}/approve`, {
    board: "Executive Board",
    approvedOn: "2025-03-12",
    minuteRef: "EXB 94/25",
    approvedBy: "Executive Board",
  });
  expect(approved.status).toBe(200);
  return { ...sys, admin, s, strategy, pillar, group, member, owned, other };
}

const update = (status = "on_track") => ({
  status,
  narrative: "Board live with 12 employers",
  reportedOn: "2026-06-10",
});

describe("an approved plan through the API", () => {
  it("changes only with a reason, and keeps the change with who, why, before and after", async () => {
    const p = await approvedPlan();
    const refused = await p.admin.patch(`${p.s}/actions/${p.owned.id}`, { title: "Something else" });
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe("reason_needed");
    const changed = await p.admin.patch(`${p.s}/actions/${p.owned.id}`, {
      title: "One job board and a shared campaign",
      reason: "Steering group agreed to add the campaign (minute SG 12)",
    });
    expect(changed.status).toBe(200);
    expect(changed.json.action).toMatchObject({ ref: "R1.1", title: "One job board and a shared campaign" });
    const { changes } = (await p.admin.get(`${p.s}/changes`)).json;
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      reason: "Steering group agreed to add the campaign (minute SG 12)",
      entityType: "action",
      entityId: p.owned.id,
      before: { title: "One job board for every local employer" },
      after: { title: "One job board and a shared campaign" },
    });
    const plan = (await p.admin.get(p.s)).json;
    expect(plan.strategy).toMatchObject({ status: "approved", changes: 1, approval: { minuteRef: "EXB 94/25" } });
    expect(plan.pillars[0].actions.map((a: { ref: string }) => a.ref)).toEqual(["R1.1", "R1.2"]);
  });
});

describe("who may do what", () => {
  it("lets a provider's steering group member read the plan and update the actions their group owns, and no others", async () => {
    const p = await approvedPlan();
    const member = await signedIn(hub, p.member.email);
    const plan = await member.get(p.s);
    expect(plan.status).toBe(200);
    const byRef = Object.fromEntries(plan.json.pillars[0].actions.map((a: { ref: string }) => [a.ref, a]));
    expect(byRef["R1.1"].canUpdate).toBe(true);
    expect(byRef["R1.2"].canUpdate).toBe(false);
    const mine = await member.request("PUT", `${p.s}/actions/${p.owned.id}/updates/2026-Q2`, update());
    expect(mine.status).toBe(200);
    expect(mine.json.update).toMatchObject({ quarter: "2026-Q2", status: "on_track", reportedBy: { id: p.member.id } });
    const theirs = await member.request("PUT", `${p.s}/actions/${p.other.id}/updates/2026-Q2`, update());
    expect(theirs.status).toBe(403);
    // Nor may they edit the plan.
    expect((await member.patch(`${p.s}/actions/${p.owned.id}`, { title: "Mine now", reason: "x" })).status).toBe(403);
    // The board report is the council's paper to its board, with the council's own figures in it:
    // not for group members from outside the council (the board itself reads it).
    const reports = `/api/orgs/${p.council.id}/strategy/reports`;
    expect((await member.get(reports)).status).toBe(403);
    expect((await member.get(`${reports}/2026-Q1.pdf`)).status).toBe(403);
    const board = await signedIn(hub, (await makeUser(hub, p.council, "board_member")).email);
    expect((await board.get(reports)).status).toBe(200);
  });

  it("lets council staff record progress on the actions they own, and no others", async () => {
    const p = await approvedPlan();
    const analyst = await makeUser(hub, p.council, "council_analyst");
    const moved = await p.admin.patch(`${p.s}/actions/${p.other.id}`, {
      owner: { userId: analyst.id },
      reason: "The analyst leads the interview work now",
    });
    expect(moved.json.action.owner).toMatchObject({ kind: "user", id: analyst.id });
    const client = await signedIn(hub, analyst.email);
    expect((await client.request("PUT", `${p.s}/actions/${p.other.id}/updates/2026-Q2`, update())).status).toBe(200);
    expect((await client.request("PUT", `${p.s}/actions/${p.owned.id}/updates/2026-Q2`, update())).status).toBe(403);
  });

  it("answers 404 to a provider that is not in any group, even one the council commissions", async () => {
    const p = await approvedPlan();
    const outsider = await signedIn(hub, p.providerAdmin.email);
    expect((await outsider.get(p.s)).status).toBe(404);
    expect((await outsider.request("PUT", `${p.s}/actions/${p.owned.id}/updates/2026-Q2`, update())).status).toBe(404);
  });

  it("lets a board member read but not edit or record progress", async () => {
    const p = await approvedPlan();
    const board = await makeUser(hub, p.council, "board_member");
    const client = await signedIn(hub, board.email);
    expect((await client.get(p.s)).status).toBe(200);
    expect((await client.get(`${p.s}/risks`)).status).toBe(200);
    expect((await client.request("PUT", `${p.s}/actions/${p.owned.id}/updates/2026-Q2`, update())).status).toBe(403);
    expect((await client.post(`${p.s}/risks`, { kind: "risk", title: "x", likelihood: 3, impact: 3 })).status).toBe(
      403,
    );
  });

  it("ends a provider member's access when they leave their last group", async () => {
    const p = await approvedPlan();
    const member = await signedIn(hub, p.member.email);
    expect((await member.get(p.s)).status).toBe(200);
    const groups = (await p.admin.get(`${p.s}/groups`)).json.groups;
    const row = groups[0].members.find((m: { userId: string }) => m.userId === p.member.id);
    expect(row.org).toMatchObject({ id: p.provider.id, kind: "provider" });
    expect((await p.admin.delete(`${p.s}/groups/${p.group.id}/members/${row.id}`)).status).toBe(200);
    expect((await member.get(p.s)).status).toBe(404);
    const left = await hub.deps.db.select().from(memberships).where(eq(memberships.userId, p.member.id));
    expect(left.map((m) => m.orgId)).toEqual([p.provider.id]);
  });

  it("refuses to add someone from an organisation the council does not commission", async () => {
    const p = await approvedPlan();
    const elsewhere = await makeOrg(hub, "provider");
    const stranger = await makeUser(hub, elsewhere, "provider_admin");
    const res = await p.admin.post(`${p.s}/groups/${p.group.id}/members`, { email: stranger.email });
    expect(res.status).toBe(400);
    expect((await signedIn(hub, stranger.email).then((c) => c.get(p.s))).status).toBe(404);
  });
});

describe("progress against the figures", () => {
  it("shows a provider's steering group member no measure resting on fewer than 3 employers; the council sees it", async () => {
    const p = await approvedPlan();
    // One provider with records: the council-wide vacancy rate would be that provider's own.
    await commissionedProvider(hub, p.council.id, { workers: 18, open: 2, openedOn: "2026-05-01" });
    const reading = async (client: Awaited<ReturnType<typeof signedIn>>) => {
      const res = await client.get(`${p.s}/updates?quarter=2026-Q2`);
      expect(res.status, res.text).toBe(200);
      return res.json.actions.find((a: { actionId: string }) => a.actionId === p.owned.id).readings[0];
    };
    expect((await reading(p.admin)).value).toBeCloseTo(0.1, 10);
    const member = await signedIn(hub, p.member.email);
    expect((await reading(member)).value).toBeNull();
    const board = await signedIn(hub, (await makeUser(hub, p.council, "board_member")).email);
    expect((await reading(board)).value).toBeNull();
  });

  it("suggests a status from the linked measures at the quarter end, case by case", async () => {
    const p = await approvedPlan();
    // 18 in post and 2 vacancies on 30 June 2026: a vacancy rate of 10%.
    await commissionedProvider(hub, p.council.id, { workers: 18, open: 2, openedOn: "2026-05-01" });
    const suggestion = async (target: number, direction: "lower" | "higher") => {
      await p.admin.patch(`${p.s}/actions/${p.owned.id}`, {
        measures: [{ metric: "vacancy_rate", target, direction, byDate: "2028-03-31" }],
        reason: "Target reset by the board",
      });
      const res = await p.admin.get(`${p.s}/updates?quarter=2026-Q2`);
      const row = res.json.actions.find((a: { actionId: string }) => a.actionId === p.owned.id);
      expect(row.readings[0]).toMatchObject({ metric: "vacancy_rate", at: "2026-06-30" });
      expect(row.readings[0].value).toBeCloseTo(0.1, 10);
      return row.suggestion?.status ?? null;
    };
    expect(await suggestion(0.09, "lower")).toBe("off_track"); // misses by 1 point, over a tenth of 9%
    expect(await suggestion(0.095, "lower")).toBe("at_risk"); // misses by half a point, within a tenth
    expect(await suggestion(0.1, "lower")).toBe(null); // exactly on target
    expect(await suggestion(0.12, "lower")).toBe(null); // better than the target
    expect(await suggestion(0.12, "higher")).toBe("off_track"); // a figure meant to rise, below its target
  });

  it("emails the owners of actions with no update for the last quarter once, 14 days after it ended", async () => {
    const p = await approvedPlan();
    const member = await signedIn(hub, p.member.email);
    const before = hub.clock.now;
    try {
      hub.clock.now = new Date("2026-07-13T09:00:00Z");
      await chaseOverdueUpdates(hub.deps);
      expect(await lastEmailTo(hub, p.member.email)).toBeNull();
      hub.clock.now = new Date("2026-07-15T09:00:00Z");
      await chaseOverdueUpdates(hub.deps);
      const toMember = await lastEmailTo(hub, p.member.email);
      expect(toMember?.subject).toBe("Progress update overdue for April to June 2026: Halton care workforce strategy");
      expect(toMember?.body).toContain("R1.1 One job board for every local employer");
      expect(toMember?.body).not.toContain("R1.2");
      expect((await lastEmailTo(hub, p.councilAdmin.email))?.body).toContain("R1.2 A shared values-based interview");
      // Once only, and not for an action updated since.
      hub.clock.now = new Date("2026-07-16T09:00:00Z");
      await member.request("PUT", `${p.s}/actions/${p.owned.id}/updates/2026-Q2`, update());
      await chaseOverdueUpdates(hub.deps);
      const all = await hub.deps.db.select().from(outbox).where(eq(outbox.toAddress, p.member.email));
      expect(all.filter((m) => m.template === "strategy-update-overdue")).toHaveLength(1);
    } finally {
      hub.clock.now = before;
    }
  });
});

describe("the register", () => {
  it("keeps every change with who and when, and counts open risks per cell", async () => {
    const p = await approvedPlan();
    const created = await p.admin.post(`${p.s}/risks`, {
      kind: "risk",
      title: "Market fragility",
      likelihood: 4,
      impact: 5,
      mitigations: "Fee uplift; provider failure protocol",
    });
    expect(created.status).toBe(201);
    expect(created.json.risk).toMatchObject({ ref: "R1", score: 20, status: "open" });
    const risk = created.json.risk;
    await p.admin.patch(`${p.s}/risks/${risk.id}`, { likelihood: 3 });
    const assumption = await p.admin.post(`${p.s}/risks`, {
      kind: "assumption",
      title: "Providers willing to engage in co-production",
      likelihood: 2,
      impact: 4,
    });
    expect(assumption.json.risk).toMatchObject({ ref: "A1", status: "holding" });
    expect(
      (await p.admin.post(`${p.s}/risks`, { kind: "assumption", title: "x", likelihood: 1, impact: 1, status: "open" }))
        .status,
    ).toBe(400);
    const { history } = (await p.admin.get(`${p.s}/risks/${risk.id}/history`)).json;
    expect(history).toHaveLength(2);
    expect(history[1]).toMatchObject({ by: { id: p.councilAdmin.id }, changed: ["likelihood", "score"] });
    expect(history[1].before).toMatchObject({ likelihood: 4, score: 20 });
    // What the change did not name is left as it was.
    expect(history[1].after).toMatchObject({
      likelihood: 3,
      score: 15,
      mitigations: "Fee uplift; provider failure protocol",
    });
    const { heatMap } = (await p.admin.get(`${p.s}/risks`)).json;
    expect(heatMap).toHaveLength(25);
    const cell = (l: number, i: number) =>
      heatMap.find((c: { likelihood: number; impact: number }) => c.likelihood === l && c.impact === i).count;
    expect(cell(3, 5)).toBe(1);
    expect(cell(4, 5)).toBe(0);
    expect(cell(2, 4)).toBe(0); // assumptions are not risks on the map
  });
});

describe("the board report's data", () => {
  it("gives status counts, exceptions, completions, figures, risks and meetings for a quarter", async () => {
    const p = await approvedPlan();
    await commissionedProvider(hub, p.council.id, { workers: 18, open: 2, openedOn: "2026-05-01" });
    await p.admin.request("PUT", `${p.s}/actions/${p.owned.id}/updates/2026-Q1`, {
      ...update("on_track"),
      reportedOn: "2026-03-20",
    });
    await p.admin.request("PUT", `${p.s}/actions/${p.owned.id}/updates/2026-Q2`, update("complete"));
    await p.admin.request("PUT", `${p.s}/actions/${p.other.id}/updates/2026-Q2`, update("at_risk"));
    await p.admin.post(`${p.s}/groups/${p.group.id}/meetings`, {
      heldOn: "2026-05-14",
      agenda: ["Quarter 4 progress"],
      decisions: ["Launch the job board in June"],
      actionsArising: [
        { description: "Confirm employers signed up", planActionId: p.owned.id, owner: "Recruitment lead" },
      ],
    });
    await p.admin.post(`${p.s}/groups/${p.group.id}/meetings`, { heldOn: "2026-08-01", agenda: ["Next quarter"] });
    const res = await p.admin.get(`/api/orgs/${p.council.id}/strategy-board-data/2026-Q2`);
    expect(res.status).toBe(200);
    const d = res.json;
    expect(d).toMatchObject({
      quarter: "2026-Q2",
      quarterLabel: "April to June 2026",
      quarterEnd: "2026-06-30",
      previousQuarterEnd: "2026-03-31",
    });
    expect(d.pillars[0]).toMatchObject({ ref: "R1", counts: { complete: 1, at_risk: 1, on_track: 0 }, noUpdate: 0 });
    expect(d.totals).toMatchObject({ actions: 2, complete: 1, at_risk: 1, noUpdate: 0 });
    expect(d.exceptions.map((a: { ref: string }) => a.ref)).toEqual(["R1.2"]);
    expect(d.completed.map((a: { ref: string }) => a.ref)).toEqual(["R1.1"]);
    const vacancy = d.figures.find((f: { metric: string }) => f.metric === "vacancy_rate");
    expect(vacancy.value).toBeCloseTo(0.1, 10);
    expect(vacancy.source).toContain("30 June 2026");
    expect(d.trend.at(-1).at).toBe("2026-06-30");
    expect(d.meetings).toHaveLength(1);
    expect(d.meetings[0].actionsArising[0].planAction).toMatchObject({ ref: "R1.1" });
  });

  it("is refused to a provider outside the groups and to an unknown quarter", async () => {
    const p = await approvedPlan();
    expect(
      (await (await signedIn(hub, p.providerAdmin.email)).get(`/api/orgs/${p.council.id}/strategy-board-data/2026-Q2`))
        .status,
    ).toBe(404);
    expect((await p.admin.get(`/api/orgs/${p.council.id}/strategy-board-data/2026-Q5`)).status).toBe(404);
  });
});

describe("an attacker's ids", () => {
  it("finds nothing of council B through council A's URLs, alone or mixed with A's strategy, and changes nothing of B", async () => {
    const a = await approvedPlan();
    const b = await approvedPlan();
    const bRisk = (await b.admin.post(`${b.s}/risks`, { kind: "risk", title: "B's risk", likelihood: 2, impact: 2 }))
      .json.risk;
    const bForum = (await b.admin.post(`${b.s}/forum`, { youSaid: "B's forum", raisedOn: "2026-05-01" })).json.entry;
    const bGroups = (await b.admin.get(`${b.s}/groups`)).json.groups;
    const bMember = bGroups[0].members[0];
    await b.admin.post(`${b.s}/groups/${b.group.id}/meetings`, { heldOn: "2026-05-14", agenda: ["B only"] });
    const aBase = `/api/orgs/${a.council.id}/strategies`;
    const steering = await signedIn(hub, a.member.email);
    for (const client of [a.admin, steering]) {
      // B's strategy in A's URL.
      const bsInA = `${aBase}/${b.strategy.id}`;
      for (const path of [bsInA, `${bsInA}/risks`, `${bsInA}/groups`, `${bsInA}/meetings`, `${bsInA}/forum`])
        expect((await client.get(path)).status, path).toBe(404);
      // A's strategy with B's action, risk, group, member and forum entry.
      const mixed: [string, string, unknown][] = [
        ["GET", `${a.s}/actions/${b.owned.id}/updates`, undefined],
        ["PUT", `${a.s}/actions/${b.owned.id}/updates/2026-Q2`, update()],
        ["PATCH", `${a.s}/actions/${b.owned.id}`, { title: "Taken", reason: "x" }],
        ["PATCH", `${a.s}/pillars/${b.pillar.id}`, { title: "Taken", reason: "x" }],
        ["PATCH", `${a.s}/risks/${bRisk.id}`, { status: "closed" }],
        ["GET", `${a.s}/risks/${bRisk.id}/history`, undefined],
        ["POST", `${a.s}/groups/${b.group.id}/members`, { email: a.member.email, role: "member" }],
        ["DELETE", `${a.s}/groups/${b.group.id}/members/${bMember.id}`, undefined],
        ["DELETE", `${a.s}/groups/${a.group.id}/members/${bMember.id}`, undefined],
        ["POST", `${a.s}/groups/${b.group.id}/meetings`, { heldOn: "2026-06-01" }],
        ["PATCH", `${a.s}/forum/${bForum.id}`, { status: "done" }],
      ];
      for (const [method, path, body] of mixed) {
        const res = await client.request(method, path, body);
        // The council's editor meets 404; the steering member is stopped before (403) or meets 404.
        expect([403, 404], `${method} ${path}`).toContain(res.status);
        if (client === a.admin) expect(res.status, `${method} ${path}`).toBe(404);
      }
      // B's ids inside A's bodies: an action owned by B's group, a pillar of B, a meeting naming B's action.
      if (client === a.admin) {
        const bodies: [string, unknown][] = [
          [`${a.s}/actions`, { pillarId: b.pillar.id, number: 9, title: "x", phase: "foundations" }],
          [
            `${a.s}/actions`,
            { pillarId: a.pillar.id, number: 9, title: "x", phase: "foundations", owner: { groupId: b.group.id } },
          ],
          [
            `${a.s}/actions`,
            {
              pillarId: a.pillar.id,
              number: 9,
              title: "x",
              phase: "foundations",
              owner: { userId: b.councilAdmin.id },
            },
          ],
          [
            `${a.s}/groups/${a.group.id}/meetings`,
            { heldOn: "2026-06-01", actionsArising: [{ description: "x", planActionId: b.owned.id }] },
          ],
          [`${a.s}/forum`, { youSaid: "x", raisedOn: "2026-05-01", groupId: b.group.id }],
        ];
        for (const [path, body] of bodies) {
          const res = await client.post(path, { ...(body as object), reason: "Board agreed" });
          expect([400, 404], `${path} ${JSON.stringify(body)}`).toContain(res.status);
        }
      }
    }
    // B is as it was: its action has no update, its member is still there, its meeting is still its only one.
    expect((await b.admin.get(`${b.s}/actions/${b.owned.id}/updates`)).json.updates).toEqual([]);
    expect((await b.admin.get(`${b.s}/groups`)).json.groups[0].members.map((m: { id: string }) => m.id)).toContain(
      bMember.id,
    );
    expect((await b.admin.get(`${b.s}/meetings`)).json.meetings).toHaveLength(1);
    expect((await b.admin.get(`${b.s}/risks`)).json.risks[0].status).toBe("open");
  });
});

describe("a provider's steering group member trying for more", () => {
  it("cannot join another group, take an action, approve the plan, edit the narrative or the register; reads what the board reads", async () => {
    const p = await approvedPlan();
    const other = (await p.admin.post(`${p.s}/groups`, { kind: "task_and_finish", name: "Pay group" })).json.group;
    const member = await signedIn(hub, p.member.email);
    const refusals: [string, string, unknown][] = [
      ["POST", `${p.s}/groups/${other.id}/members`, { email: p.member.email, role: "chair" }],
      ["POST", `${p.s}/groups`, { kind: "steering", name: "Mine" }],
      ["PATCH", `${p.s}/actions/${p.other.id}`, { owner: { userId: p.member.id }, reason: "Mine now" }],
      ["POST", `${p.s}/approve`, { board: "B", approvedOn: "2026-01-01", minuteRef: "M", approvedBy: "B" }],
      ["PATCH", p.s, { title: "Mine", reason: "x" }],
      ["POST", `${p.s}/risks`, { kind: "risk", title: "x", likelihood: 3, impact: 3 }],
      ["POST", `${p.s}/forum`, { youSaid: "x", raisedOn: "2026-05-01" }],
      [
        "PUT",
        `/api/orgs/${p.council.id}/strategy/narratives/2026-Q2`,
        {
          title: "Mine",
          reportTo: "Board",
          meetingDate: null,
          reportingOfficer: "Me",
          purpose: "x",
          recommendations: ["x"],
        },
      ],
      ["PUT", `/api/orgs/${p.council.id}/strategy-public-page`, { enabled: true }],
      ["PUT", `${p.s}/actions/${p.other.id}/updates/2026-Q2`, update()],
    ];
    for (const [method, path, body] of refusals)
      expect((await member.request(method, path, body)).status, `${method} ${path}`).toBe(403);
    // Deliberately allowed: the register and the meetings, as the board reads them; the board
    // report (the council's figures, unprotected for its own board) is not theirs.
    expect((await member.get(`${p.s}/risks`)).status).toBe(200);
    expect((await member.get(`${p.s}/meetings`)).status).toBe(200);
    expect((await member.get(`/api/orgs/${p.council.id}/strategy/reports`)).status).toBe(403);
    // The council's other rooms stay shut to them: staff, figures, users.
    for (const path of ["staff", "metrics", "dashboard", "users", "audit"])
      expect([403, 404], path).toContain((await member.get(`/api/orgs/${p.council.id}/${path}`)).status);
    const groups = (await p.admin.get(`${p.s}/groups`)).json.groups;
    expect(groups.find((g: { id: string }) => g.id === other.id).members).toEqual([]);
  });

  it("loses access at once when taken out of their last group, with their session still open", async () => {
    const p = await approvedPlan();
    const member = await signedIn(hub, p.member.email);
    expect((await member.request("PUT", `${p.s}/actions/${p.owned.id}/updates/2026-Q2`, update())).status).toBe(200);
    const row = (await p.admin.get(`${p.s}/groups`)).json.groups[0].members.find(
      (m: { userId: string }) => m.userId === p.member.id,
    );
    await p.admin.delete(`${p.s}/groups/${p.group.id}/members/${row.id}`);
    expect((await member.request("PUT", `${p.s}/actions/${p.owned.id}/updates/2026-Q2`, update())).status).toBe(404);
    expect((await member.get(`/api/orgs/${p.council.id}/strategy/reports`)).status).toBe(404);
    expect((await member.get(`/api/orgs/${p.council.id}/strategy-board-data/2026-Q2`)).status).toBe(404);
  });

  it("reads the board report's figures as the public does: nothing resting on fewer than 3 employers", async () => {
    const p = await approvedPlan();
    await commissionedProvider(hub, p.council.id, { workers: 18, open: 2, openedOn: "2026-05-01" });
    const member = await signedIn(hub, p.member.email);
    const theirs = (await member.get(`/api/orgs/${p.council.id}/strategy-board-data/2026-Q2`)).json;
    const ours = (await p.admin.get(`/api/orgs/${p.council.id}/strategy-board-data/2026-Q2`)).json;
    const vacancy = (d: { figures: { metric: string; value: number | null }[] }) =>
      d.figures.find((f) => f.metric === "vacancy_rate")?.value;
    expect(vacancy(ours)).toBeCloseTo(0.1, 10);
    expect(vacancy(theirs)).toBeNull();
    for (const point of theirs.trend) expect(Object.values(point.values).every((v) => v === null)).toBe(true);
  });
});

describe("hostile words in progress updates", () => {
  it("refuses javascript: and other non-web evidence links, formula-leading narrative, and NUL or control characters", async () => {
    const p = await approvedPlan();
    const path = `${p.s}/actions/${p.owned.id}/updates/2026-Q2`;
    for (const evidence of [
      ["javascript:alert(1)"],
      ["JAVASCRIPT:alert(1)"],
      ["data:text/html,<script>alert(1)</script>"],
      ["https://x.test/\u0000"],
    ]) {
      const res = await p.admin.request("PUT", path, { ...update(), evidence });
      expect(res.status, JSON.stringify(evidence)).toBe(400);
    }
    for (const narrative of ['=HYPERLINK("https://evil.test")', "+cmd", "@SUM(A1)", "Done\u0000", "Done\u0001\u000b"]) {
      const res = await p.admin.request("PUT", path, { ...update(), narrative });
      expect(res.status, JSON.stringify(narrative)).toBe(400);
    }
    expect((await p.admin.get(`${p.s}/actions/${p.owned.id}/updates`)).json.updates).toEqual([]);
  });
});
