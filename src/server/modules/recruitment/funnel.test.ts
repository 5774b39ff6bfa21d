import { describe, expect, it } from "vitest";
import { makeSystem, makeUser, signedIn, testHub, uniq } from "../../../../test/harness";
import { funnelFixtures } from "../../../../test/hub-fixtures";
import { advertViewDays, campaigns } from "../../db/schema";
import { addMonths, protectPartitions } from "./funnel";

// The funnel, case by case, with expectations worked out by hand. The test clock is
// 2026-06-15, so a hire's 3-month mark has passed when they started on or before 2026-03-15.

const hub = await testHub();
const db = hub.deps.db;
const { employer, advert, apply, FULL } = funnelFixtures(hub);

const counts = (stages: Record<string, { count: number | null }>) =>
  Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, v.count]));
const row = (
  rows: { label: string; stages: Record<string, { count: number | null; reason?: string }> }[],
  label: string,
) => rows.find((r) => r.label.startsWith(label))?.stages;

describe("the recruitment funnel: one employer's own", async () => {
  const { council, provider } = await makeSystem(hub);
  const admin = await makeUser(hub, provider, "provider_admin");
  const client = await signedIn(hub, admin.email);
  const [campaign] = await db
    .insert(campaigns)
    .values({
      councilId: council.id,
      name: "Young carers",
      kind: "social_media",
      audience: "young_people",
      code: `Y${uniq()}`,
      startsOn: "2025-01-01",
    })
    .returning();
  const care = await advert(provider, council.id, 8);
  const senior = await advert(provider, council.id, 7);
  await db.insert(advertViewDays).values([
    { advertId: care.id, orgId: provider.id, day: "2026-02-01", views: 100 },
    { advertId: care.id, orgId: provider.id, day: "2025-12-15", views: 50 },
    { advertId: senior.id, orgId: provider.id, day: "2026-03-01", views: 20 },
  ]);
  // In the period 2026-01-01 to 2026-06-15:
  await apply(care, "2026-01-02", []); // a1: applied only
  await apply(care, "2026-01-03", ["screened", "rejected"]); // a2
  await apply(care, "2026-01-10", FULL, { start: "2026-02-09" }); // a3: 30 days, in post
  await apply(care, "2026-01-04", ["interview", "withdrawn"], { source: "campaign", campaignId: campaign.id }); // a4: skipped screening
  await apply(care, "2026-01-05", FULL, {
    source: "campaign",
    campaignId: campaign.id,
    start: "2026-01-25",
    end: "2026-04-01",
  }); // a5: 20 days, left before 3 months
  await apply(senior, "2026-05-01", FULL, { start: "2026-05-31" }); // a7: 30 days, 3-month mark not reached
  // In 2025:
  await apply(care, "2025-12-01", FULL, { source: "pool_invitation", start: "2025-12-20" }); // a6
  await apply(care, "2025-03-01", FULL, { start: "2025-04-01", end: "2025-12-01" }); // a8: left after 6, before 12 months
  await apply(care, "2025-02-01", FULL, { start: "2025-03-01", end: "2025-06-01" }); // a9: left on the day of the 3-month mark

  const base = `/api/orgs/${provider.id}/recruitment/funnel`;

  it("counts views and each stage reached, by role and by source, over the period", async () => {
    const res = await client.get(`${base}?from=2026-01-01&to=2026-06-15`);
    expect(res.status).toBe(200);
    expect(res.json.view).toBe("employer");
    expect(counts(res.json.stages)).toEqual({
      views: 120,
      applied: 6,
      screened: 5,
      interview: 4,
      offer: 3,
      started: 3,
    });
    expect(counts(row(res.json.byRole, "Care worker") ?? {})).toEqual({
      views: 100,
      applied: 5,
      screened: 4,
      interview: 3,
      offer: 2,
      started: 2,
    });
    expect(counts(row(res.json.byRole, "Senior care worker") ?? {})).toEqual({
      views: 20,
      applied: 1,
      screened: 1,
      interview: 1,
      offer: 1,
      started: 1,
    });
    expect(counts(row(res.json.bySource, "Job board") ?? {})).toEqual({
      views: null,
      applied: 4,
      screened: 3,
      interview: 2,
      offer: 2,
      started: 2,
    });
    expect(row(res.json.bySource, "Job board")?.views.reason).toBe("not_recorded");
    expect(counts(row(res.json.byCampaign, "Young carers") ?? {})).toMatchObject({
      applied: 2,
      screened: 2,
      interview: 2,
      offer: 1,
      started: 1,
    });
    expect(res.json.byEmployer).toHaveLength(1);
    expect(res.json.timeToHire).toEqual({ medianDays: 30, hires: 3 });
  });

  it("follows hires to 3 months by route, leaving out those whose mark has not come", async () => {
    const res = await client.get(`${base}?from=2026-01-01&to=2026-06-15`);
    const byRoute = Object.fromEntries(
      res.json.retention.map(
        (r: {
          label: string;
          hires: { count: number };
          marks: { eligible: { count: number }; retained: { count: number } }[];
        }) => [r.label, [r.hires.count, ...r.marks.map((m) => [m.eligible.count, m.retained.count])]],
      ),
    );
    expect(byRoute).toEqual({
      "Job board": [2, [1, 1], [0, 0], [0, 0]], // a3 in post at 3 months; a7 not yet due
      "Young carers": [1, [1, 0], [0, 0], [0, 0]], // a5 left before the mark
    });
    expect(res.json.retentionAll.marks[0]).toEqual({
      months: 3,
      eligible: { count: 2 },
      retained: { count: 1 },
      rate: 0.5,
    });
  });

  it("counts a leaver on the day of the mark as retained, and one before it as gone, at 3, 6 and 12 months", async () => {
    const res = await client.get(`${base}?from=2025-01-01&to=2025-12-31`);
    const board = res.json.retention.find((r: { source: string }) => r.source === "board");
    expect(board.hires.count).toBe(2);
    expect(
      board.marks.map((m: { eligible: { count: number }; retained: { count: number } }) => [
        m.eligible.count,
        m.retained.count,
      ]),
    ).toEqual([
      [2, 2], // a9 left on 2025-06-01, its 3-month mark
      [2, 1],
      [2, 0],
    ]);
    const pool = res.json.retention.find((r: { source: string }) => r.source === "pool_invitation");
    expect(pool.marks.map((m: { eligible: { count: number } }) => m.eligible.count)).toEqual([1, 0, 0]); // 6 months is 2026-06-20
    expect(res.json.timeToHire).toEqual({ medianDays: 28, hires: 3 }); // 19, 31 and 28 days
  });

  it("defaults to the twelve months to today and refuses a period that ends before it starts", async () => {
    const res = await client.get(base);
    expect([res.json.from, res.json.to]).toEqual(["2025-06-16", "2026-06-15"]);
    expect(res.json.stages.applied.count).toBe(7); // the six of 2026 and a6
    const bad = await client.get(`${base}?from=2026-06-01&to=2026-01-01`);
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("to");
  });
});

describe("the recruitment funnel: a council across the employers on its board", async () => {
  const { council, councilAdmin } = await makeSystem(hub);
  const client = await signedIn(hub, councilAdmin.email);
  const alder = await employer(council.id, "Alder Care");
  const birch = await employer(council.id, "Birch Care");
  const cedar = await employer(council.id, "Cedar Care");
  const damson = await employer(council.id, "Damson Nursing");
  // Applications: Alder 6 care + 2 senior, Birch 7 + 2, Cedar 8 + 2, Damson 2 nurse (only it hires nurses).
  for (const [org, n] of [
    [alder, 6],
    [birch, 7],
    [cedar, 8],
  ] as const) {
    const care = await advert(org, council.id, 8);
    const senior = await advert(org, council.id, 7);
    // Two starts each, in October 2025 (3-month marks in January 2026, before the period ends).
    await apply(care, "2025-10-02", FULL, { start: "2025-10-12" });
    await apply(care, "2025-10-02", FULL, { start: "2025-10-12", end: org === cedar ? "2025-11-01" : undefined });
    for (let i = 2; i < n; i++) await apply(care, "2025-10-03", []);
    for (let i = 0; i < 2; i++) await apply(senior, "2025-10-03", []);
  }
  const nurse = await advert(damson, council.id, 16);
  for (let i = 0; i < 2; i++) await apply(nurse, "2025-10-03", []);
  // Another council's board is not counted.
  const elsewhere = await makeSystem(hub);
  await apply(await advert(alder, elsewhere.council.id, 8), "2025-10-03", []);

  const res = await client.get(`/api/orgs/${council.id}/recruitment/funnel?from=2025-10-01&to=2026-03-31`);

  it("gives the board's totals", () => {
    expect(res.status).toBe(200);
    expect(res.json.view).toBe("board");
    expect(counts(res.json.stages)).toEqual({ views: 0, applied: 29, screened: 6, interview: 6, offer: 6, started: 6 });
  });

  it("shows each employer's row but suppresses small counts, and one more so the total does not give them away", () => {
    const applied = Object.fromEntries(
      res.json.byEmployer.map((r: { label: string; stages: { applied: unknown } }) => [
        r.label.split(" ")[0],
        r.stages.applied,
      ]),
    );
    expect(applied).toEqual({
      Alder: { count: null, reason: "suppressed" }, // 8, the smallest other row: 29 less the rest would give Damson's 2
      Birch: { count: 9 },
      Cedar: { count: 10 },
      Damson: { count: null, reason: "suppressed" }, // 2 people
    });
    // Two starts at each employer are few; Damson's none is not withheld.
    expect(
      res.json.byEmployer.map((r: { stages: { started: { count: number | null } } }) => r.stages.started.count),
    ).toEqual([null, null, null, 0]);
  });

  it("gives rows that add employers together only where at least 3 employers are behind them", () => {
    expect(row(res.json.byRole, "Registered nurse")?.applied).toEqual({ count: null, reason: "not_enough_data" });
    expect(row(res.json.byRole, "Senior care worker")?.applied).toEqual({ count: null, reason: "suppressed" }); // 6: the total less care workers would give the nurses
    expect(row(res.json.byRole, "Care worker")?.applied).toEqual({ count: 21 });
    // A nurse row of no starts says nothing about anyone: the care worker starts stay shown.
    expect(row(res.json.byRole, "Care worker")?.started).toEqual({ count: 6 });
  });

  it("shows a retained count of 5 or more however few left (leavers are not special category data)", () => {
    expect(res.json.retentionAll.hires).toEqual({ count: 6 });
    expect(res.json.retentionAll.marks[0]).toEqual({
      months: 3,
      eligible: { count: 6 },
      retained: { count: 5 }, // 5 in post, 1 left
      rate: 5 / 6,
    });
    expect(res.json.timeToHire).toEqual({ medianDays: 10, hires: 6 });
  });

  it("lets an employer on the board read only its own funnel, unprotected", async () => {
    const admin = await makeUser(hub, alder, "provider_admin");
    const own = await (await signedIn(hub, admin.email)).get(
      `/api/orgs/${alder.id}/recruitment/funnel?from=2025-10-01&to=2026-06-15`,
    );
    expect(counts(own.json.stages)).toMatchObject({ applied: 9, started: 2 }); // both boards
    expect(own.json.byEmployer.map((r: { label: string }) => r.label)).toEqual([alder.name]);
    expect(own.json.retentionAll.marks[0]).toMatchObject({ eligible: { count: 2 }, retained: { count: 2 }, rate: 1 });
  });
});

describe("the recruitment funnel: a start is withheld in every table that shows it", async () => {
  const { council, councilAdmin } = await makeSystem(hub);
  const client = await signedIn(hub, councilAdmin.email);
  const [campaign] = await db
    .insert(campaigns)
    .values({
      councilId: council.id,
      name: "Men who care",
      kind: "event",
      audience: "men",
      code: `M${uniq()}`,
      startsOn: "2025-01-01",
    })
    .returning();
  // Three employers: 2 campaign starts and 7 board starts each; the first also 2 starts from a job alert.
  for (const [i, name] of ["Elm", "Fir", "Gorse"].entries()) {
    const ad = await advert(await employer(council.id, name), council.id);
    for (let k = 0; k < 2; k++)
      await apply(ad, "2025-10-05", FULL, { source: "campaign", campaignId: campaign.id, start: "2025-11-01" });
    for (let k = 0; k < 7; k++) await apply(ad, "2025-10-05", FULL, { start: "2025-11-01" });
    if (i === 0)
      for (let k = 0; k < 2; k++) await apply(ad, "2025-10-05", FULL, { source: "alert", start: "2025-11-01" });
  }
  const res = await client.get(`/api/orgs/${council.id}/recruitment/funnel?from=2025-10-01&to=2025-12-31`);

  it("withholds the campaign's starts in the campaign table when its hires are withheld in the retention table", () => {
    const route = (label: string) => res.json.retention.find((r: { label: string }) => r.label === label);
    // The job alert's 2 hires (one employer) are withheld, so the smallest other route is too...
    expect(route("Job alert").hires.count).toBeNull();
    expect(route("Men who care").hires).toEqual({ count: null, reason: "suppressed" });
    expect(route("Job board").hires).toEqual({ count: 21 });
    // ...and the campaign's 6 starts are not given away by the campaign table or the source table.
    expect(row(res.json.byCampaign, "Men who care")?.started.count).toBeNull();
    expect(row(res.json.bySource, "Campaign")?.started.count).toBeNull();
    expect(res.json.stages.started).toEqual({ count: 29 });
  });
});

describe("the recruitment funnel: a council sees whole quarters that have ended", async () => {
  const { council, councilAdmin } = await makeSystem(hub);
  const client = await signedIn(hub, councilAdmin.email);
  const oak = await employer(council.id, "Oak Care");
  const oakAd = await advert(oak, council.id);
  // Oak: 5 starts in the last quarter of 2025, 2 in the first of 2026 (their 3-month mark is
  // 2026-06-16, the day after the test clock's today) and 1 on 2026-05-06, in a quarter not ended.
  for (let i = 0; i < 5; i++) await apply(oakAd, "2025-10-02", FULL, { start: "2025-10-20" });
  for (let i = 0; i < 2; i++) await apply(oakAd, "2026-03-01", FULL, { start: "2026-03-16" });
  await apply(oakAd, "2026-05-06", FULL, { start: "2026-05-20" });
  for (const name of ["Pine Care", "Rowan Care"]) {
    const ad = await advert(await employer(council.id, name), council.id);
    for (let i = 0; i < 6; i++) await apply(ad, "2025-10-02", FULL, { start: "2025-10-20" });
  }
  const base = `/api/orgs/${council.id}/recruitment/funnel`;
  const started = (res: { json: { byEmployer: { label: string; stages: { started: unknown } }[] } }) =>
    res.json.byEmployer.find((r) => r.label === oak.name)?.stages.started;

  it("gives the same answer for periods a day apart, so one day's start cannot be worked out", async () => {
    const withDay = await client.get(`${base}?from=2025-10-01&to=2026-05-06`);
    const without = await client.get(`${base}?from=2025-10-01&to=2026-05-05`);
    expect(withDay.status).toBe(200);
    expect([withDay.json.from, withDay.json.to]).toEqual(["2025-10-01", "2026-03-31"]);
    expect(withDay.json).toEqual(without.json);
    // A start date inside a quarter is taken back to the quarter's first day.
    const mid = await client.get(`${base}?from=2025-11-15&to=2026-03-31`);
    expect(mid.json).toEqual(withDay.json);
  });

  it("withholds a count in a longer period when a quarter in it withholds it, though the period's is 5 or more", async () => {
    const q4 = await client.get(`${base}?from=2025-10-01&to=2025-12-31`);
    expect(started(q4)).toEqual({ count: 5 });
    const both = await client.get(`${base}?from=2025-10-01&to=2026-03-31`);
    // 7 starts in the two quarters, but 2 in the first of 2026: 7 less 5 would give them away.
    expect(started(both)).toEqual({ count: null, reason: "suppressed" });
  });

  it("takes retention marks at the period's end, so asking the next day says nothing new", async () => {
    const today = hub.clock.now;
    try {
      const first = await client.get(`${base}?from=2025-10-01&to=2026-03-31`);
      hub.clock.now = new Date("2026-06-16T09:00:00Z");
      const next = await client.get(`${base}?from=2025-10-01&to=2026-03-31`);
      expect(next.json.retention).toEqual(first.json.retention);
      expect(next.json.retentionAll).toEqual(first.json.retentionAll);
      // Taken at today, the two 2026 hires would join those due at 3 months on the second day.
      expect(first.json.retention).toHaveLength(1);
    } finally {
      hub.clock.now = today;
    }
  });

  it("defaults to the four quarters to the last that ended, and names the field of a period it cannot give", async () => {
    const res = await client.get(base);
    expect([res.json.from, res.json.to]).toEqual(["2025-04-01", "2026-03-31"]);
    const none = await client.get(`${base}?from=2026-04-01&to=2026-05-05`);
    expect(none.status).toBe(400);
    expect(none.json.error.issues[0].path).toBe("to");
    const long = await client.get(`${base}?from=2023-01-01&to=2026-03-31`);
    expect(long.status).toBe(400);
    expect(long.json.error.issues[0].path).toBe("from");
    expect((await client.get(`${base}?from=2023-04-01&to=2026-03-31`)).status).toBe(200); // 12 quarters
  });

  it("still gives an employer its own funnel for any days", async () => {
    const admin = await makeUser(hub, oak, "provider_admin");
    const own = await (await signedIn(hub, admin.email)).get(
      `/api/orgs/${oak.id}/recruitment/funnel?from=2026-05-06&to=2026-05-06`,
    );
    expect([own.json.from, own.json.to]).toEqual(["2026-05-06", "2026-05-06"]);
    expect(counts(own.json.stages)).toMatchObject({ applied: 1, started: 1 });
  });
});

describe("funnel rules", () => {
  it("adds months as the calendar does", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2025-11-30", 3)).toBe("2026-02-28");
    expect(addMonths("2025-06-15", 12)).toBe("2026-06-15");
  });

  it("withholds a second cell only when exactly one is withheld, and leaves a withheld zero alone", () => {
    const cell = (value: number, withheld = false) => ({
      value,
      shown: withheld ? { count: null, reason: "suppressed" as const } : { count: value },
    });
    const one = [cell(3, true), cell(9), cell(7)];
    protectPartitions([{ rows: one, total: cell(19) }]);
    expect(one.map((c) => c.shown.count)).toEqual([null, 9, null]);
    const two = [cell(3, true), cell(2, true), cell(7)];
    protectPartitions([{ rows: two, total: cell(12) }]);
    expect(two[2].shown.count).toBe(7);
    const zero = [cell(0, true), cell(7)];
    protectPartitions([{ rows: zero, total: cell(7) }]);
    expect(zero[1].shown.count).toBe(7);
    const alone = [cell(6, true), cell(0)];
    const total = cell(6);
    protectPartitions([{ rows: alone, total }]);
    expect(total.shown.count).toBeNull();
  });
});
