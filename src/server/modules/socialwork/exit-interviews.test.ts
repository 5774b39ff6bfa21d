import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Client, signedIn, testHub } from "../../../../test/harness";
import { socialWorkArea, type WorkerInput } from "../../../../test/social-work-fixtures";
import { auditLog, exitInterviews } from "../../db/schema";
import { collate, protectPartition } from "./exit-reasons.service";

// Exit interviews (issue 20 item 9): offering one leaver or all recent ones (links shown once,
// only hashes kept), the leaver answering on the public route, the leavers' list with statuses
// and comments only where shared, and the reasons collated from hand-made answers with small
// counts withheld. Clock: 2026-06-15.

const hub = await testHub();
const T = (team: { id: string; workplaceId: string; service: string }) => team as WorkerInput["team"];
const tokenOf = (link: string) => link.split("/exit-interview/")[1];
const answer = (link: string, body: unknown) => new Client(hub).post(`/api/exit-interviews/${tokenOf(link)}`, body);

describe("offering and answering", () => {
  it("offers one leaver and all recent ones; keeps only the hash; lists statuses; shares comments only with consent", async () => {
    const a = await socialWorkArea(hub);
    const lead = await signedIn(hub, a.lead.email);
    const base = `/api/orgs/${a.council.id}/exit-interviews`;
    const inPost = await a.addWorker({ team: T(a.teams.childrenA) });
    const old = await a.addWorker({ team: T(a.teams.childrenA), name: "Old leaver", endDate: "2025-01-10" });
    const r1 = await a.addWorker({ team: T(a.teams.childrenA), name: "Recent one", endDate: "2026-05-01" });
    const r2 = await a.addWorker({ team: T(a.teams.adults), name: "Recent two", endDate: "2026-06-01" });

    const notLeaver = await lead.post(base, { staffRecordId: inPost.id });
    expect(notLeaver.status).toBe(400);
    expect(notLeaver.json.error.issues[0].path).toBe("staffRecordId");
    const one = await lead.post(base, { staffRecordId: old.id });
    expect(one.status).toBe(201);
    expect(one.json.link).toMatch(/\/exit-interview\/[A-Za-z0-9_-]{43}$/);
    expect(one.json.expiresOn).toBe("2026-08-14");
    expect((await lead.post(base, { staffRecordId: old.id })).status).toBe(409);
    const [stored] = await hub.deps.db.select().from(exitInterviews).where(eq(exitInterviews.staffRecordId, old.id));
    expect(stored.tokenHash).toHaveLength(64);
    expect(stored.tokenHash).not.toContain(tokenOf(one.json.link));

    const recent = await lead.post(`${base}/recent`);
    expect(recent.status).toBe(201);
    expect(recent.json.offers.map((o: { name: string }) => o.name).sort()).toEqual(["Recent one", "Recent two"]);
    expect((await lead.post(`${base}/recent`)).json.offers).toEqual([]);

    const pick = (n: string) => recent.json.offers.find((o: { name: string }) => o.name === n);
    const [o1, o2] = [pick("Recent one"), pick("Recent two")];
    const q = await new Client(hub).get(`/api/exit-interviews/${tokenOf(o1.link)}`);
    expect(q.status).toBe(200);
    expect(q.json.employerName).toBe(a.council.name);
    expect(q.json.reasons.length).toBeGreaterThan(10);
    const ok = await answer(o1.link, {
      reasons: ["caseload", "workload"],
      mainReason: "caseload",
      wouldReturn: "maybe",
      wouldRecommend: "no",
      comments: "Forty cases is too many",
      shareWithEmployer: true,
    });
    expect(ok.status).toBe(200);
    await answer(o2.link, {
      reasons: ["pay"],
      mainReason: "pay",
      wouldReturn: "yes",
      wouldRecommend: "yes",
      comments: "Private remark",
    });
    const declined = await new Client(hub).post(`/api/exit-interviews/${tokenOf(one.json.link)}/decline`);
    expect(declined.status).toBe(200);

    const list = (await lead.get(`${base}/leavers`)).json.leavers as {
      name: string;
      status: string;
      sharedComments: string | null;
      group: string;
    }[];
    const by = Object.fromEntries(list.map((l) => [l.name, l]));
    expect(by["Recent one"]).toMatchObject({
      status: "answered",
      sharedComments: "Forty cases is too many",
      group: "Assessment",
    });
    expect(by["Recent two"]).toMatchObject({ status: "answered", sharedComments: null });
    expect(by["Old leaver"].status).toBe("declined");
    expect(list.some((l) => l.name === inPost.displayId)).toBe(false);
    const audits = JSON.stringify(
      await hub.deps.db.select().from(auditLog).where(eq(auditLog.entityType, "exit_interview")),
    );
    expect(audits).not.toContain("Forty cases");
    expect(audits).not.toContain(tokenOf(o1.link));
    void r1;
    void r2;
  });
});

describe("collated reasons", () => {
  const row = (over: Partial<Parameters<typeof collate>[0]["rows"][number]> = {}) => ({
    orgId: "o",
    reasons: ["caseload"],
    mainReason: "caseload",
    leavingReason: 5,
    teamId: "t",
    teamName: "Team",
    service: "children",
    ...over,
  });
  it("withholds counts of 1 to 4 and, in a partition, the next smallest; a group under 5 shows nothing", () => {
    const rows = [...Array.from({ length: 6 }, () => row()), row({ reasons: ["caseload", "pay"], mainReason: "pay" })];
    const g = collate({ key: "all", label: "All", kind: "all", rows, employers: 1 });
    const find = (cells: { key: string; count: number | null }[], k: string) => cells.find((c) => c.key === k)?.count;
    expect(g.answered).toBe(7);
    expect(find(g.reasons, "caseload")).toBe(7);
    expect(find(g.reasons, "pay")).toBeNull();
    expect(find(g.reasons, "travel")).toBe(0);
    // Main reasons add up to 7: pay (1) withheld, so caseload (6) is withheld too.
    expect(find(g.mainReasons, "pay")).toBeNull();
    expect(find(g.mainReasons, "caseload")).toBeNull();
    expect(find(g.leavingReasons, "5")).toBe(7);
    const small = collate({ key: "t", label: "T", kind: "team", rows: rows.slice(0, 4), employers: 1 });
    expect(small.answered).toBeNull();
    expect(small.reasons.every((c) => c.count === null)).toBe(true);
    const providers = collate({ key: "p", label: "P", kind: "providers", rows, employers: 2 });
    expect(providers.answered).toBeNull();
    expect(collate({ key: "p", label: "P", kind: "providers", rows, employers: 3 }).answered).toBe(7);
  });
  it("secondary suppression only when exactly one is withheld", () => {
    const cells = (counts: number[]) =>
      counts.map((n, i) => ({ key: String(i), count: n < 5 && n > 0 ? null : n, withheld: n < 5 && n > 0 }));
    expect(protectPartition(cells([6, 7, 2])).map((c) => c.count)).toEqual([null, 7, null]);
    expect(protectPartition(cells([6, 3, 2])).map((c) => c.count)).toEqual([6, null, null]);
    expect(protectPartition(cells([6, 7, 0])).map((c) => c.count)).toEqual([6, 7, 0]);
  });

  it("through the API: by team, with the team under the threshold withheld, and the council's providers together", async () => {
    const a = await socialWorkArea(hub);
    const lead = await signedIn(hub, a.lead.email);
    const base = `/api/orgs/${a.council.id}/exit-interviews`;
    for (let i = 0; i < 6; i++)
      await a.addWorker({ team: T(a.teams.childrenA), endDate: "2026-05-01", leavingReason: 5 });
    for (let i = 0; i < 2; i++)
      await a.addWorker({ team: T(a.teams.childrenB), endDate: "2026-05-02", leavingReason: 1 });
    const offers = (await lead.post(`${base}/recent`)).json.offers as { link: string }[];
    expect(offers).toHaveLength(8);
    for (const o of offers)
      expect(
        (
          await answer(o.link, {
            reasons: ["caseload", "workload"],
            mainReason: "caseload",
            wouldReturn: "no",
            wouldRecommend: "maybe",
            comments: "Never in a report",
            shareWithEmployer: true,
          })
        ).status,
      ).toBe(200);
    const res = await lead.get(`${base}/reasons?from=2026-01-01&to=2026-06-15`);
    expect(res.status).toBe(200);
    expect(res.text).not.toContain("Never in a report");
    const g = Object.fromEntries(res.json.groups.map((x: { key: string }) => [x.key, x]));
    expect(g.all.answered).toBe(8);
    expect(g.all.mainReasons.find((c: { key: string }) => c.key === "caseload").count).toBe(8);
    // Recorded leaving reasons: 6 chose to leave, 2 moved to another employer (withheld, and so the 6).
    expect(g.all.leavingReasons.find((c: { key: string }) => c.key === "5").count).toBeNull();
    expect(g[`team:${a.teams.childrenA.id}`].answered).toBe(6);
    expect(g[`team:${a.teams.childrenB.id}`].answered).toBeNull();
    expect(g["service:children"].answered).toBe(8);
    expect(g.providers.answered).toBeNull();
    expect((await lead.get(`${base}/reasons?from=2026-06-01&to=2026-01-01`)).status).toBe(400);
  });
});
