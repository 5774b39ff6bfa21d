import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Client, signedIn, testHub } from "../../../../test/harness";
import { socialWorkArea, type WorkerInput } from "../../../../test/social-work-fixtures";
import { exitInterviews } from "../../db/schema";

// Exit interviews attacked from outside (issue 20 item 9): guessed, expired and used links all
// answer the same 404; an answer is taken once; oversized bodies 413; NUL and formula characters
// refused; another employer can neither see nor offer for your leavers; comments are not shared
// without consent; small counts are withheld.

const hub = await testHub();
const T = (team: { id: string; workplaceId: string; service: string }) => team as WorkerInput["team"];
const valid = {
  reasons: ["pay", "caseload"],
  mainReason: "pay",
  wouldReturn: "no",
  wouldRecommend: "maybe",
  comments: "",
  shareWithEmployer: false,
};

async function offered() {
  const a = await socialWorkArea(hub);
  const lead = await signedIn(hub, a.lead.email);
  const leaver = await a.addWorker({ team: T(a.teams.childrenA), endDate: "2026-06-01", name: "Leaver" });
  const res = await lead.post(`/api/orgs/${a.council.id}/exit-interviews`, { staffRecordId: leaver.id });
  expect(res.status).toBe(201);
  return { a, lead, leaver, token: res.json.link.split("/exit-interview/")[1] as string };
}

describe("links", () => {
  it("guessed, malformed, expired and used links all 404 with the same answer; answering twice is refused", async () => {
    const { leaver, token } = await offered();
    const anon = () => new Client(hub);
    const guessed = await anon().get(`/api/exit-interviews/${"A".repeat(43)}`);
    const malformed = await anon().get("/api/exit-interviews/'%20or%201=1");
    expect(guessed.status).toBe(404);
    expect(malformed.text).toBe(guessed.text);
    expect((await anon().post(`/api/exit-interviews/${"B".repeat(43)}`, valid)).text).toBe(guessed.text);

    expect((await anon().post(`/api/exit-interviews/${token}`, valid)).status).toBe(200);
    const used = await anon().get(`/api/exit-interviews/${token}`);
    expect(used.status).toBe(404);
    expect(used.text).toBe(guessed.text);
    const twice = await anon().post(`/api/exit-interviews/${token}`, { ...valid, mainReason: "caseload" });
    expect(twice.status).toBe(409);
    expect((await anon().post(`/api/exit-interviews/${token}/decline`)).status).toBe(409);
    const [row] = await hub.deps.db.select().from(exitInterviews).where(eq(exitInterviews.staffRecordId, leaver.id));
    expect(row.mainReason).toBe("pay");

    const other = await offered();
    await hub.deps.db
      .update(exitInterviews)
      .set({ expiresOn: "2026-06-14" })
      .where(eq(exitInterviews.staffRecordId, other.leaver.id));
    const expired = await anon().get(`/api/exit-interviews/${other.token}`);
    expect(expired.status).toBe(404);
    expect(expired.text).toBe(guessed.text);
    expect((await anon().post(`/api/exit-interviews/${other.token}`, valid)).status).toBe(404);
  });

  it("throttles one address after 30 requests an hour", async () => {
    const c = new Client(hub);
    for (let i = 0; i < 30; i++) expect((await c.get(`/api/exit-interviews/${"C".repeat(43)}`)).status).toBe(404);
    expect((await c.get(`/api/exit-interviews/${"C".repeat(43)}`)).status).toBe(429);
  });
});

describe("hostile answers", () => {
  it("refuses oversized bodies, NUL and formula characters, unknown reasons and a main reason not chosen; saves nothing", async () => {
    const { leaver, token } = await offered();
    const post = (body: unknown) => new Client(hub).post(`/api/exit-interviews/${token}`, body);
    expect((await post({ ...valid, comments: "x".repeat(20_000) })).status).toBe(413);
    expect((await post({ ...valid, comments: "x".repeat(2001) })).json.error.issues[0].path).toBe("comments");
    expect((await post({ ...valid, comments: "bad\u0000byte" })).status).toBe(400);
    const formula = await post({ ...valid, comments: '=HYPERLINK("http://evil")' });
    expect(formula.status).toBe(400);
    expect(formula.json.error.issues[0].path).toBe("comments");
    expect((await post({ ...valid, reasons: ["constructor"] })).json.error.issues[0].path).toMatch(/^reasons/);
    expect((await post({ ...valid, reasons: [] })).json.error.issues[0].path).toBe("reasons");
    expect((await post({ ...valid, mainReason: "travel" })).json.error.issues[0].path).toBe("mainReason");
    expect((await post({ ...valid, wouldReturn: "perhaps" })).json.error.issues[0].path).toBe("wouldReturn");
    const [row] = await hub.deps.db.select().from(exitInterviews).where(eq(exitInterviews.staffRecordId, leaver.id));
    expect(row.completedOn).toBeNull();
  });
});

describe("other employers", () => {
  it("cannot see or offer for your leavers; an analyst cannot offer; comments stay private without consent", async () => {
    const { a, lead, leaver, token } = await offered();
    const provider = await signedIn(hub, a.providerAdmin.email);
    const offer = await provider.post(`/api/orgs/${a.provider.id}/exit-interviews`, { staffRecordId: leaver.id });
    expect(offer.status).toBe(404);
    const theirs = await provider.get(`/api/orgs/${a.provider.id}/exit-interviews/leavers`);
    expect(theirs.json.leavers).toEqual([]);
    expect((await provider.get(`/api/orgs/${a.council.id}/exit-interviews/leavers`)).status).toBe(404);
    const otherLead = await signedIn(hub, a.other.lead.email);
    expect((await otherLead.get(`/api/orgs/${a.council.id}/exit-interviews/leavers`)).status).toBe(404);
    expect(
      (await otherLead.post(`/api/orgs/${a.other.council.id}/exit-interviews`, { staffRecordId: leaver.id })).status,
    ).toBe(404);
    const analyst = await signedIn(hub, a.analyst.email);
    expect((await analyst.post(`/api/orgs/${a.council.id}/exit-interviews/recent`)).status).toBe(403);

    await new Client(hub).post(`/api/exit-interviews/${token}`, { ...valid, comments: "My manager was unkind" });
    const list = await lead.get(`/api/orgs/${a.council.id}/exit-interviews/leavers`);
    expect(list.text).not.toContain("unkind");
    const reasons = await lead.get(`/api/orgs/${a.council.id}/exit-interviews/reasons?from=2026-01-01`);
    expect(reasons.text).not.toContain("unkind");
    // One answer: below the threshold, so nothing is shown.
    expect(reasons.json.groups.find((g: { key: string }) => g.key === "all").answered).toBeNull();
    expect(
      reasons.json.groups
        .flatMap((g: { reasons: { count: number | null }[] }) => g.reasons)
        .every((c: { count: number | null }) => !c.count),
    ).toBe(true);
  });
});
