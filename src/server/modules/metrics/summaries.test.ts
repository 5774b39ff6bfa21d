import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeOrg, makeSystem, makeUser, signedIn, testHub, uniq } from "../../../../test/harness";
import { systemActor } from "../../context";
import { agencyUse, staffRecords, vacancies, workplaces } from "../../db/schema";
import { isoDate } from "../../lib/time";
import { commissionProvider } from "../orgs/orgs.service";
import { councilDashboard } from "./dashboard.service";
import { cellKey } from "./engine";
import { figuresGrid, nationalHeadlines } from "./metrics.service";
import { refreshSummaries } from "./refresh";
import { pruneSummaries } from "./summaries";

const hub = await testHub();
const D = "2026-06-30";
const ctx = { db: hub.deps.db, deps: hub.deps, actor: systemActor, log: hub.deps.log };
const summaryCount = async () =>
  ((await hub.deps.db.execute(sql`select count(*)::int as n from figure_summaries`)).rows[0] as { n: number }).n;

async function provider() {
  const org = await makeOrg(hub, "provider");
  const [w] = await hub.deps.db
    .insert(workplaces)
    .values({ orgId: org.id, localRef: `W${uniq()}`, name: "Home", mainService: 2 })
    .returning();
  await hub.deps.db.insert(staffRecords).values(
    ["a", "b", "c", "d"].map((ref) => ({
      orgId: org.id,
      workplaceId: w.id,
      localRef: ref,
      displayId: ref,
      contractType: 1,
      mainJobRole: 8,
      startDate: "2024-01-01",
    })),
  );
  return { org, w };
}
const figuresAt = async (ids: string[], at = D) =>
  (await figuresGrid(ctx, ids, [{ at, by: "all" }])).get(cellKey({ at, by: "all" }))?.get("all");

describe("summaries of figures (ADR 0009)", () => {
  it("keeps the engine's figures and reads them back while the data is unchanged", async () => {
    const { w } = await provider();
    const before = await summaryCount();
    const first = await figuresAt([w.id]);
    expect(first?.filled_posts.value).toBe(4);
    expect(await summaryCount()).toBe(before + 1);
    // Read back, not computed again: a summary altered behind the engine's back is what comes out.
    await hub.deps.db.execute(
      sql`update figure_summaries set value = jsonb_set(value, '{all,filled_posts,value}', '99') where computed_at = (select max(computed_at) from figure_summaries)`,
    );
    expect((await figuresAt([w.id]))?.filled_posts.value).toBe(99);
    expect(await summaryCount()).toBe(before + 1);
  });

  it("computes again after any write to the records the figures rest on: staff, vacancies, agency use", async () => {
    const { org, w } = await provider();
    expect((await figuresAt([w.id]))?.filled_posts.value).toBe(4);

    await hub.deps.db.update(staffRecords).set({ endDate: "2026-05-01" }).where(eq(staffRecords.localRef, "a"));
    const afterLeaver = await figuresAt([w.id]);
    expect(afterLeaver?.filled_posts.value).toBe(3);
    expect(afterLeaver?.leavers_12m.value).toBe(1);

    await hub.deps.db
      .insert(vacancies)
      .values({ orgId: org.id, workplaceId: w.id, jobRole: 8, openedOn: "2026-06-01" });
    expect((await figuresAt([w.id]))?.vacancies.value).toBe(1);

    await hub.deps.db.insert(agencyUse).values({ orgId: org.id, workplaceId: w.id, month: "2026-06-01", spend: 1500 });
    expect((await figuresAt([w.id]))?.agency_spend.value).toBe(1500);
  });

  it("keeps one summary per set of workplaces and date; another provider's write leaves it valid", async () => {
    const one = await provider();
    const two = await provider();
    const both = await figuresAt([one.w.id, two.w.id]);
    expect(both?.filled_posts.value).toBe(8);
    expect((await figuresAt([one.w.id], "2025-06-30"))?.filled_posts.value).toBe(4);
    const alone = await figuresAt([one.w.id]);
    expect(alone?.filled_posts.value).toBe(4);
    const latest = async () =>
      (
        (await hub.deps.db.execute(sql`select max(computed_at)::text as t from figure_summaries`)).rows[0] as {
          t: string;
        }
      ).t;
    const mark = await latest();
    // A write at another organisation leaves these summaries valid: nothing is computed again.
    const other = await provider();
    await hub.deps.db.update(staffRecords).set({ endDate: "2026-01-01" }).where(eq(staffRecords.orgId, other.org.id));
    expect((await figuresAt([one.w.id]))?.filled_posts.value).toBe(4);
    expect(await latest()).toBe(mark);
    // A write at the organisation itself does.
    await hub.deps.db.update(staffRecords).set({ endDate: "2026-01-01" }).where(eq(staffRecords.localRef, "b"));
    expect((await figuresAt([one.w.id, two.w.id]))?.filled_posts.value).toBeLessThan(8);
    expect(await latest()).not.toBe(mark);
  });

  it("the refresh job works out every council's dashboard ahead of its readers", async () => {
    const { council } = await makeSystem(hub);
    const { org } = await provider();
    await commissionProvider(ctx, { councilId: council.id, providerId: org.id, fromDate: "2020-01-01" });
    const councilCtx = {
      ...ctx,
      org: { id: council.id, kind: "council" as const, name: council.name, slug: council.slug, isDemo: false },
      role: null,
    };
    const today = isoDate(hub.deps.now());
    const result = await refreshSummaries(hub.deps, true);
    expect(result.councils).toBeGreaterThan(0);
    // The whole hub's headlines are kept with their date, for the hub admin, and refused to others.
    const admin = await signedIn(hub, (await makeUser(hub, null, undefined, { isHubAdmin: true })).email);
    const national = (await admin.get("/api/admin/hub-figures")).json.national;
    expect(national.at).toBe(today);
    expect(national.figures.filled_posts.value).toBe((await nationalHeadlines(ctx, today)).filled_posts.value);
    expect(Date.parse(national.computedAt)).toBeLessThanOrEqual(Date.now());
    const notAdmin = await signedIn(hub, (await makeUser(hub, council, "council_admin")).email);
    expect((await notAdmin.get("/api/admin/hub-figures")).status).toBe(403);
    const latest = async () =>
      (
        (await hub.deps.db.execute(sql`select max(computed_at)::text as t from figure_summaries`)).rows[0] as {
          t: string;
        }
      ).t;
    const mark = await latest();
    // Reading the dashboard now computes nothing: every figure, distribution and career figure is summarised.
    const dashboard = await councilDashboard(councilCtx, today);
    expect(dashboard.now.filled_posts.value).toBeGreaterThanOrEqual(4);
    expect(await latest()).toBe(mark);
    // Nothing changed: the next run computes nothing.
    expect((await refreshSummaries(hub.deps)).councils).toBe(0);
    // A provider's write: the next run computes the dashboard of the council commissioning it, and only that.
    await hub.deps.db
      .update(staffRecords)
      .set({ endDate: "2025-01-01" })
      .where(and(eq(staffRecords.orgId, org.id), eq(staffRecords.localRef, "a")));
    expect((await refreshSummaries(hub.deps)).councils).toBe(1);
    const after = await latest();
    expect(after).not.toBe(mark);
    expect((await councilDashboard(councilCtx, today)).now.filled_posts.value).toBe(
      (dashboard.now.filled_posts.value ?? 0) - 1,
    );
    expect(await latest()).toBe(after);
  });

  it("deletes summaries not computed for 35 days", async () => {
    const { w } = await provider();
    await figuresAt([w.id]);
    const n = await summaryCount();
    await pruneSummaries(hub.deps.db, new Date(Date.now() + 36 * 86_400_000));
    expect(await summaryCount()).toBeLessThan(n);
    expect(await summaryCount()).toBe(0);
  });
});
