import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeUser, signedIn, testHub } from "../../../../test/harness";
import { socialWorkArea } from "../../../../test/social-work-fixtures";
import { swStaff } from "../../db/schema";

// The home pages' social work alerts (issue 20 items 3, 4). The test clock is 2026-06-15.
// Team A (the manager's): Ann (no supervision since she started in 2022, registration renewing on
// 1 July with no CPD) and Nina (ASYE from 10 March: the 3-month review was due 10 June, overdue).
// Team B: Bob (no supervision) and Nell (ASYE from 25 March: 3-month review due 25 June, due soon).

const hub = await testHub();
const area = await socialWorkArea(hub);
const annUser = await makeUser(hub, null);
const ninaUser = await makeUser(hub, null);
const bystander = await makeUser(hub, null);
const ann = await area.addWorker({ team: area.teams.childrenA, name: "Ann Own", userId: annUser.id });
await area.addWorker({ team: area.teams.childrenB, name: "Bob Other" });
const nina = await area.addWorker({
  team: area.teams.childrenA,
  name: "Nina New",
  role: "asye_social_worker",
  startDate: "2026-03-10",
  qualifiedOn: "2026-01-15",
  userId: ninaUser.id,
});
const nell = await area.addWorker({
  team: area.teams.childrenB,
  name: "Nell New",
  role: "asye_social_worker",
  startDate: "2026-03-25",
  qualifiedOn: "2026-01-15",
});
await hub.deps.db
  .update(swStaff)
  .set({ sweRenewalDate: "2026-07-01", cpdRecordedOn: null })
  .where(eq(swStaff.staffRecordId, ann.id));
const base = `/api/orgs/${area.council.id}/social-work`;
const lead = await signedIn(hub, area.lead.email);
for (const [w, startDate] of [
  [nina, "2026-03-10"],
  [nell, "2026-03-25"],
] as const)
  expect((await lead.post(`${base}/asye`, { staffRecordId: w.id, startDate })).status).toBe(201);

type Item = {
  kind: string;
  sentence: string;
  count: number;
  path: string;
  examples: { name: string; detail: string }[];
};
const byKind = (items: Item[]) => Object.fromEntries(items.map((i) => [i.kind, i]));
const names = (i: Item | undefined) => (i?.examples ?? []).map((e) => e.name).sort();

describe("social work alerts for a team manager and the service lead", () => {
  it("a manager's counts are their team's only; the lead's the whole service", async () => {
    const m = await signedIn(hub, area.manager.email);
    const res = await m.get(`${base}/alerts`);
    expect(res.status).toBe(200);
    const mine = byKind(res.json.items);
    expect(mine.supervision_overdue.count).toBe(2);
    expect(names(mine.supervision_overdue)).toEqual(["Ann Own", "Nina New"]);
    expect(mine.supervision_overdue.sentence).toBe("2 workers are overdue for supervision");
    expect(mine.supervision_overdue.path).toBe("/social-work/supervision");
    expect(mine.asye_overdue).toMatchObject({
      count: 1,
      sentence: "1 ASYE review is overdue",
      path: "/social-work/asye",
    });
    expect(mine.asye_overdue.examples[0]).toMatchObject({
      name: "Nina New",
      detail: "3-month review, due 10 June 2026",
    });
    expect(mine.asye_due).toBeUndefined();
    expect(mine.registration_at_risk).toMatchObject({
      count: 1,
      sentence: "Registration at risk: renewal soon and no CPD recorded since the last renewal (1 worker)",
      path: "/social-work/teams#attention",
    });
    expect(JSON.stringify(res.json)).not.toContain("Bob Other");
    expect(JSON.stringify(res.json)).not.toContain("Nell New");

    const all = byKind((await lead.get(`${base}/alerts`)).json.items);
    expect(all.supervision_overdue.count).toBe(4);
    expect(names(all.supervision_overdue)).toHaveLength(3); // the first few; the page lists them all
    expect(all.asye_overdue.count).toBe(1);
    expect(all.asye_due).toMatchObject({ count: 1, sentence: "1 ASYE review is due within 14 days" });
    expect(all.asye_due.examples[0].detail).toBe("3-month review, due 25 June 2026");
  });

  it("recording a supervision removes the alert", async () => {
    const m = await signedIn(hub, area.manager.email);
    const made = await m.post(`${base}/supervisions`, {
      staffRecordId: ann.id,
      heldOn: "2026-06-12",
      type: "reflective",
      minutes: 90,
      actions: "",
    });
    expect(made.status).toBe(201);
    const after = byKind((await m.get(`${base}/alerts`)).json.items);
    expect(after.supervision_overdue.count).toBe(1);
    expect(names(after.supervision_overdue)).toEqual(["Nina New"]);
    const me = await signedIn(hub, annUser.email);
    const kinds = (await me.get("/api/me/social-work/alerts")).json.items.map((i: Item) => i.kind);
    expect(kinds).not.toContain("supervision_overdue");
    await m.delete(`${base}/supervisions/${made.json.id}`);
  });

  it("nothing needs attention: an empty list", async () => {
    const noTeam = await makeUser(hub, area.council, "sw_manager");
    const other = await signedIn(hub, area.other.lead.email);
    expect((await other.get(`/api/orgs/${area.other.council.id}/social-work/alerts`)).json.items).toEqual([]);
    // A manager of no team sees no one's alerts.
    const none = await signedIn(hub, noTeam.email);
    const res = await none.get(`${base}/alerts`);
    expect(res.status).toBe(200);
    expect(res.json.items).toEqual([]);
  });

  it("an analyst gets 403; another council's lead 404; a provider wrong_org_kind", async () => {
    const a = await signedIn(hub, area.analyst.email);
    expect((await a.get(`${base}/alerts`)).status).toBe(403);
    const other = await signedIn(hub, area.other.lead.email);
    expect((await other.get(`${base}/alerts`)).status).toBe(404);
    const p = await signedIn(hub, area.providerAdmin.email);
    const res = await p.get(`/api/orgs/${area.provider.id}/social-work/alerts`);
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("wrong_org_kind");
  });
});

describe("a worker's own alerts", () => {
  it("a worker sees their own overdue supervision and registration, not others'", async () => {
    const me = await signedIn(hub, annUser.email);
    const res = await me.get("/api/me/social-work/alerts");
    expect(res.status).toBe(200);
    const sentences = res.json.items.map((i: { sentence: string }) => i.sentence);
    expect(sentences).toEqual([
      "Your supervision is overdue: no supervision recorded, due 10 February 2022",
      "Your Social Work England registration renews on 1 July 2026 and no CPD has been recorded since your last renewal: record your CPD and tell your manager",
    ]);
    expect(res.json.items[0]).toMatchObject({
      kind: "supervision_overdue",
      dueOn: "2022-02-10",
      path: "/my-social-work",
      employer: { id: area.council.id },
    });
    expect(JSON.stringify(res.json)).not.toMatch(/Bob|Nina|Nell/);
  });

  it("a newly qualified worker sees their overdue ASYE review", async () => {
    const me = await signedIn(hub, ninaUser.email);
    const items = (await me.get("/api/me/social-work/alerts")).json.items;
    expect(items.map((i: Item) => i.sentence)).toContain(
      "Your ASYE 3-month review is overdue: it was due on 10 June 2026",
    );
  });

  it("someone with no social work record has nothing", async () => {
    const me = await signedIn(hub, bystander.email);
    expect((await me.get("/api/me/social-work/alerts")).json).toEqual({ at: "2026-06-15", items: [] });
  });
});
