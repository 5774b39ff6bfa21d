import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeUser, signedIn, testHub } from "../../../../test/harness";
import { socialWorkArea } from "../../../../test/social-work-fixtures";
import { staffRecords, swAsye, swAsyeReviews } from "../../db/schema";

// Who sees and records which ASYEs (issue 20 item 3): a team manager only their teams', the
// service lead every one, the council's analyst (figures only) none, another council's lead and a
// provider nothing, and a worker their own through /api/me. Writes by the wrong role change nothing.

const hub = await testHub();

async function setUp() {
  const a = await socialWorkArea(hub);
  const own = await a.addWorker({
    team: a.teams.childrenA,
    role: "asye_social_worker",
    startDate: "2026-02-02",
    name: "Mine",
  });
  const notMine = await a.addWorker({
    team: a.teams.childrenB,
    role: "asye_social_worker",
    startDate: "2026-02-02",
    name: "Theirs",
  });
  const insert = async (staffRecordId: string) =>
    (
      await hub.deps.db
        .insert(swAsye)
        .values({ orgId: a.council.id, staffRecordId, service: "children", startDate: "2026-02-02" })
        .returning()
    )[0];
  const mine = await insert(own.id);
  const theirs = await insert(notMine.id);
  const url = (rest = "") => `/api/orgs/${a.council.id}/social-work${rest}`;
  return { ...a, own, notMine, mine, theirs, url };
}

const review = { stage: "3_month", heldOn: "2026-05-05", progress: "on_track" };
const reviewsOf = async (asyeId: string) =>
  hub.deps.db.select().from(swAsyeReviews).where(eq(swAsyeReviews.asyeId, asyeId));

describe("ASYE access", () => {
  it("a team manager sees and records only their team's NQSWs (404 for others)", async () => {
    const a = await setUp();
    const m = await signedIn(hub, a.manager.email);
    const list = await m.get(a.url("/asye"));
    expect(list.status).toBe(200);
    expect(list.json.asyes.map((x: { id: string }) => x.id)).toEqual([a.mine.id]);
    expect(list.json.due.map((x: { asyeId: string }) => x.asyeId)).toEqual([a.mine.id]);
    expect((await m.get(a.url(`/asye/${a.theirs.id}`))).status).toBe(404);
    expect((await m.get(a.url(`/workers/${a.notMine.id}/asye`))).status).toBe(404);
    expect((await m.get(a.url(`/asye?teamId=${a.teams.childrenB.id}`))).status).toBe(404);
    const refused = await m.post(a.url(`/asye/${a.theirs.id}/reviews`), review);
    expect(refused.status).toBe(404);
    expect(await reviewsOf(a.theirs.id)).toEqual([]);
    // Their own team's: seen and recorded.
    expect((await m.get(a.url(`/workers/${a.own.id}/asye`))).json.asye.id).toBe(a.mine.id);
    expect((await m.post(a.url(`/asye/${a.mine.id}/reviews`), review)).status).toBe(201);
    // Registering, changing, withdrawing and the quality view are the lead's (403), and change nothing.
    expect((await m.post(a.url("/asye"), { staffRecordId: a.own.id, startDate: "2026-02-02" })).status).toBe(403);
    expect((await m.request("PUT", a.url(`/asye/${a.mine.id}`), { startDate: "2026-02-03" })).status).toBe(403);
    expect((await m.post(a.url(`/asye/${a.mine.id}/withdraw`), { withdrawnOn: "2026-05-01" })).status).toBe(403);
    expect((await m.get(a.url("/asye-quality"))).status).toBe(403);
    const [row] = await hub.deps.db.select().from(swAsye).where(eq(swAsye.id, a.mine.id));
    expect(row).toMatchObject({ startDate: "2026-02-02", status: "in_progress" });
  });

  it("the service lead sees every team's; the council's analyst gets 403 on records", async () => {
    const a = await setUp();
    const lead = await signedIn(hub, a.lead.email);
    const all = await lead.get(a.url("/asye"));
    expect(all.json.asyes.map((x: { id: string }) => x.id).sort()).toEqual([a.mine.id, a.theirs.id].sort());
    expect((await lead.get(a.url("/asye-quality"))).status).toBe(200);
    const analyst = await signedIn(hub, a.analyst.email);
    for (const path of ["/asye", `/asye/${a.mine.id}`, `/workers/${a.own.id}/asye`, "/asye-quality", "/asye-options"])
      expect((await analyst.get(a.url(path))).status, path).toBe(403);
    expect((await analyst.post(a.url(`/asye/${a.mine.id}/reviews`), review)).status).toBe(403);
    expect(await reviewsOf(a.mine.id)).toEqual([]);
  });

  it("another council's lead gets 404 and a provider 403 wrong_org_kind", async () => {
    const a = await setUp();
    const other = await signedIn(hub, a.other.lead.email);
    expect((await other.get(a.url("/asye"))).status).toBe(404);
    expect((await other.get(a.url(`/asye/${a.mine.id}`))).status).toBe(404);
    expect((await other.post(a.url(`/asye/${a.mine.id}/reviews`), review)).status).toBe(404);
    // Through their own council's URL, this council's ASYE is not found either.
    expect((await other.get(`/api/orgs/${a.other.council.id}/social-work/asye/${a.mine.id}`)).status).toBe(404);
    expect(
      (await other.post(`/api/orgs/${a.other.council.id}/social-work/asye/${a.mine.id}/reviews`, review)).status,
    ).toBe(404);
    expect(await reviewsOf(a.mine.id)).toEqual([]);
    const provider = await signedIn(hub, a.providerAdmin.email);
    const res = await provider.get(`/api/orgs/${a.provider.id}/social-work/asye`);
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("wrong_org_kind");
  });

  it("a worker sees only their own ASYE through /api/me", async () => {
    const a = await setUp();
    const me = await makeUser(hub, a.council, "staff_member");
    await hub.deps.db.update(staffRecords).set({ userId: me.id }).where(eq(staffRecords.id, a.own.id));
    const client = await signedIn(hub, me.email);
    const res = await client.get("/api/me/social-work/asye");
    expect(res.status).toBe(200);
    expect(res.json.asyes.map((x: { id: string }) => x.id)).toEqual([a.mine.id]);
    expect(res.json.asyes[0]).toMatchObject({
      organisation: { id: a.council.id },
      stages: [{ stage: "3_month", due: "2026-05-02", state: "overdue" }, {}, {}, {}],
    });
    // Not through the council's routes.
    expect((await client.get(a.url(`/asye/${a.mine.id}`))).status).toBe(403);
    // Someone without a record has none.
    const stranger = await makeUser(hub, a.council, "staff_member");
    expect((await (await signedIn(hub, stranger.email)).get("/api/me/social-work/asye")).json.asyes).toEqual([]);
  });
});
