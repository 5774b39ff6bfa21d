import { describe, expect, it } from "vitest";
import { Client, makeOrg, makeUser, signedIn, testHub, uniq } from "../../../../test/harness";
import type { OrgCtx } from "../../context";
import { staffRecords, workplaces } from "../../db/schema";
import { commissionProvider } from "../orgs/orgs.service";
import type { Figure } from "./engine";
import { metricsFor } from "./metrics.service";
import { refreshSummaries } from "./refresh";

// Issue 13, item 7: a cell withheld in a council's breakdown by provider must be withheld on every
// path the council can read that provider's figure for that date, and no sum or difference of
// everything it can read may give a withheld count back.

const hub = await testHub();
const D = "2026-06-30";
/** The dates a council dashboard as at D shows: D, a quarter before, and 8 quarter ends. */
const TREND = [
  "2024-09-30",
  "2024-12-31",
  "2025-03-31",
  "2025-06-30",
  "2025-09-30",
  "2025-12-31",
  "2026-03-31",
  "2026-06-30",
];

type Org = Awaited<ReturnType<typeof makeOrg>>;

/** A provider with one workplace of `service`: `unknown` staff of unknown ethnicity, the rest White. */
async function provider(
  councilId: string,
  workers: number,
  unknown: number,
  opts: { service?: number; from?: string } = {},
) {
  const org = await makeOrg(hub, "provider");
  await commissionProvider(hub.ctx, { councilId, providerId: org.id, fromDate: opts.from ?? "2020-01-01" });
  const [w] = await hub.deps.db
    .insert(workplaces)
    .values({ orgId: org.id, councilId, localRef: `W${uniq()}`, name: "Home", mainService: opts.service ?? 2 })
    .returning();
  await hub.deps.db.insert(staffRecords).values(
    Array.from({ length: workers }, (_, i) => ({
      orgId: org.id,
      workplaceId: w.id,
      localRef: `S${i}`,
      displayId: `S${i}`,
      contractType: 1,
      mainJobRole: 8,
      startDate: "2020-01-01",
      ethnicity: i < unknown ? 99 : 31,
    })),
  );
  return org;
}

/** One special category count a reader was given: about which providers, which group, as at when. */
interface Seen {
  where: string;
  providers: string[];
  at: string;
  group: string;
  people: number;
  n: number;
}
const groupOf = (name: string) =>
  name === "ethnicity_unknown_share"
    ? "unknown"
    : name.startsWith("ethnicity_share.")
      ? name.slice("ethnicity_share.".length)
      : null;

/** Everything special category in a set of figures, as counts (value × n). */
function harvest(seen: Seen[], where: string, providers: string[], at: string, figures: Record<string, Figure>) {
  for (const [name, f] of Object.entries(figures)) {
    const group = groupOf(name);
    if (group && f.value !== null)
      seen.push({ where, providers, at, group, people: Math.round(f.value * f.n), n: f.n });
  }
}

/** Everything the council can read about these providers, on every path, as at D and the dates its dashboards show. */
async function readEverything(council: Org, providers: Org[], dashboardDates: string[]) {
  const analyst = await makeUser(hub, council, "council_analyst");
  const client = await signedIn(hub, analyst.email);
  const all = providers.map((p) => p.id);
  const seen: Seen[] = [];
  const answers: Record<string, unknown> = {};
  const read = async () => {
    for (const at of dashboardDates) {
      const d = (await client.get(`/api/orgs/${council.id}/dashboard?at=${at}`)).json;
      answers[`dashboard ${at}`] = d;
      const asAt = await commissionedAt(council, providers, at);
      harvest(seen, `dashboard ${at} now`, asAt, at, d.now);
      harvest(seen, `dashboard ${at} previous`, asAt, d.previousAt, d.previous);
      for (const t of d.trend) harvest(seen, `dashboard ${at} trend`, asAt, t.at, t.figures);
      for (const r of d.byProvider) harvest(seen, `dashboard ${at} byProvider`, [r.key], at, r.figures);
      for (const r of d.byService)
        harvest(seen, `dashboard ${at} byService ${r.key}`, await ofService(asAt, Number(r.key)), at, r.figures);
      for (const p of asAt) {
        const drill = (await client.get(`/api/orgs/${council.id}/dashboard?at=${at}&provider=${p}`)).json;
        answers[`drill ${at} ${p}`] = drill;
        harvest(seen, `drill ${at} now`, [p], at, drill.now);
        harvest(seen, `drill ${at} previous`, [p], drill.previousAt, drill.previous);
        for (const t of drill.trend) harvest(seen, `drill ${at} trend`, [p], t.at, t.figures);
      }
    }
    // The metrics API (every figure, not only the headlines) and the CLI (`hub metrics` calls
    // metricsFor as the organisation with no role), for the whole council and each provider.
    const cli: OrgCtx = {
      ...hub.ctx,
      org: { id: council.id, kind: "council", name: council.name, slug: council.slug, isDemo: false },
      role: null,
    };
    for (const at of [D, ...TREND]) {
      const asAt = await commissionedAt(council, providers, at);
      const api = (await client.get(`/api/orgs/${council.id}/metrics?scope=council&at=${at}`)).json;
      harvest(seen, "api council", asAt, at, api.figures);
      harvest(seen, "cli council", asAt, at, (await metricsFor(cli, "council", at)).figures);
      for (const p of asAt) {
        const one = await client.get(`/api/orgs/${council.id}/metrics?scope=provider:${p}&at=${at}`);
        answers[`api ${at} ${p}`] = one.json;
        harvest(seen, "api provider", [p], at, one.json.figures);
        harvest(seen, "cli provider", [p], at, (await metricsFor(cli, `provider:${p}`, at)).figures);
      }
    }
  };
  await read();
  // The same again once the refresh job has summarised everything (ADR 0009): summaries hold the
  // engine's output, protected on the way out like anything else.
  await refreshSummaries(hub.deps, true);
  await read();
  return { seen, answers, all, client };
}

async function commissionedAt(_council: Org, providers: Org[], at: string) {
  const { commissioning } = await import("../../db/schema");
  const rows = await hub.deps.db.select().from(commissioning);
  return providers
    .filter((p) => rows.some((r) => r.providerId === p.id && r.fromDate <= at && (r.toDate === null || r.toDate >= at)))
    .map((p) => p.id);
}
let serviceOf = new Map<string, number>();
async function ofService(ids: string[], service: number) {
  return ids.filter((id) => serviceOf.get(id) === service);
}

/**
 * Whether a count can be worked out from what was read: the providers' true counts (unknown and
 * White, everyone else none) are one assignment consistent with every count read; if another
 * assignment, with the same workforce per provider, is consistent with every count read too but
 * gives `target` a different count, no arithmetic over the answers can tell which is true.
 * Searches every assignment of unknown counts to providers (White = workforce − unknown).
 */
function otherValues(
  seen: Seen[],
  workforce: Map<string, number>,
  target: string,
  truth: Map<string, number>,
  at: string,
) {
  const ids = [...workforce.keys()];
  const facts = seen.filter((s) => s.at === at && (s.group === "unknown" || s.group === "white"));
  const ok = (u: Map<string, number>) =>
    facts.every((s) => {
      const sum = s.providers.reduce(
        (t, p) => t + (s.group === "unknown" ? (u.get(p) ?? 0) : (workforce.get(p) ?? 0) - (u.get(p) ?? 0)),
        0,
      );
      return sum === s.people;
    });
  // Each provider's candidates: the counts consistent with what was read about it alone.
  const options = ids.map((p) => {
    const own = facts.filter((s) => s.providers.length === 1 && s.providers[0] === p);
    return Array.from({ length: (workforce.get(p) ?? 0) + 1 }, (_, u) => u).filter((u) =>
      own.every((s) => (s.group === "unknown" ? u : (workforce.get(p) ?? 0) - u) === s.people),
    );
  });
  expect(ok(truth), "the true counts are consistent with what was read").toBe(true);
  const values = new Set<number>();
  const walk = (i: number, u: Map<string, number>) => {
    if (i === ids.length) {
      if (ok(u)) values.add(u.get(target) as number);
      return;
    }
    for (const v of options[i]) walk(i + 1, new Map(u).set(ids[i], v));
  };
  walk(0, new Map());
  return values;
}

describe("a council cannot recover a withheld cell by combining requests", () => {
  it("the attack of issue 13: unknown ethnicity 2, 6, 10 and 8 at four providers; the second's cell is withheld everywhere and nothing gives back the first's 2", async () => {
    const council = await makeOrg(hub, "council");
    const first = await provider(council.id, 12, 2);
    const second = await provider(council.id, 12, 6);
    const third = await provider(council.id, 40, 10);
    const fourth = await provider(council.id, 30, 8);
    const providers = [first, second, third, fourth];
    serviceOf = new Map(providers.map((p) => [p.id, 2]));
    const { seen, answers } = await readEverything(council, providers, [D, "2026-03-31"]);

    // The second provider's cell, and the first's, are withheld on every path, at every date shown.
    const withheld = { value: null, reason: "suppressed", n: 0 };
    for (const p of [first, second]) {
      const d = answers[`dashboard ${D}`] as { byProvider: { key: string; figures: Record<string, Figure> }[] };
      expect(d.byProvider.find((r) => r.key === p.id)?.figures.ethnicity_unknown_share).toEqual(withheld);
      const drill = answers[`drill ${D} ${p.id}`] as {
        now: Record<string, Figure>;
        previous: Record<string, Figure>;
        trend: { figures: Record<string, Figure> }[];
      };
      expect(drill.now.ethnicity_unknown_share).toEqual(withheld);
      expect(drill.previous.ethnicity_unknown_share).toEqual(withheld);
      for (const t of drill.trend) expect(t.figures.ethnicity_unknown_share).toEqual(withheld);
      const api = answers[`api ${D} ${p.id}`] as {
        values: Record<string, number | null>;
        figures: Record<string, Figure>;
      };
      expect(api.figures.ethnicity_unknown_share).toEqual(withheld);
      expect(api.figures["ethnicity_share.unknown"]).toEqual(withheld);
      // Not its complement either: 12 less the White share's count would be the unknown count.
      expect(api.figures["ethnicity_share.white"]).toEqual(withheld);
      expect(api.values.ethnicity_unknown_share).toBeNull();
      expect(
        seen.some(
          (s) => s.providers.length === 1 && s.providers[0] === p.id && (s.group === "unknown" || s.group === "white"),
        ),
      ).toBe(false);
    }
    // The other two and the council's total are still there.
    const d = answers[`dashboard ${D}`] as {
      now: Record<string, Figure>;
      byProvider: { key: string; figures: Record<string, Figure> }[];
    };
    expect(d.byProvider.find((r) => r.key === third.id)?.figures.ethnicity_unknown_share.value).toBe(10 / 40);
    expect(d.now.ethnicity_unknown_share.value).toBe(26 / 94);

    // 26 − 10 − 8 − 6 = 2 no longer works: with everything read, on every path, at every date, the
    // first provider's count could as well be anything from 0 to 8.
    const workforce = new Map(providers.map((p) => [p.id, p === third ? 40 : p === fourth ? 30 : 12]));
    const truth = new Map([
      [first.id, 2],
      [second.id, 6],
      [third.id, 10],
      [fourth.id, 8],
    ]);
    for (const at of [D, ...TREND, "2026-03-30"]) {
      const values = otherValues(seen, workforce, first.id, truth, at);
      expect(values.has(2)).toBe(true);
      expect(values.size, `as at ${at} the first provider's count is one of ${[...values]}`).toBeGreaterThan(1);
    }
  });

  it("a provider of another service type is not a cover: the service type's row less its other provider would give the cell away", async () => {
    const council = await makeOrg(hub, "council");
    const first = await provider(council.id, 12, 2, { service: 8 });
    const second = await provider(council.id, 12, 6, { service: 2 });
    const third = await provider(council.id, 40, 10, { service: 8 });
    const fourth = await provider(council.id, 30, 8, { service: 2 });
    const providers = [first, second, third, fourth];
    serviceOf = new Map(providers.map((p, i) => [p.id, i % 2 === 0 ? 8 : 2]));
    const { seen } = await readEverything(council, providers, [D]);
    const workforce = new Map(providers.map((p) => [p.id, p === third ? 40 : p === fourth ? 30 : 12]));
    const truth = new Map(providers.map((p, i) => [p.id, [2, 6, 10, 8][i]]));
    expect(otherValues(seen, workforce, first.id, truth, D).size).toBeGreaterThan(1);
  });

  it("a provider commissioned later is not given away by the difference between two dashboards' totals for the same date", async () => {
    const council = await makeOrg(hub, "council");
    const providers = [
      await provider(council.id, 20, 6),
      await provider(council.id, 30, 8),
      await provider(council.id, 25, 7),
    ];
    // Commissioned from July: the September dashboard's trend counts it at 30 June, the June one does not.
    const late = await provider(council.id, 12, 3, { from: "2026-07-01" });
    serviceOf = new Map([...providers, late].map((p) => [p.id, 2]));
    const { seen } = await readEverything(council, [...providers, late], [D, "2026-09-30"]);
    const workforce = new Map([...providers, late].map((p, i) => [p.id, [20, 30, 25, 12][i]]));
    const truth = new Map([...providers, late].map((p, i) => [p.id, [6, 8, 7, 3][i]]));
    expect(otherValues(seen, workforce, late.id, truth, D).size).toBeGreaterThan(1);
  });

  it("what is withheld is summarised, and worked out again when a provider's records or the council's commissioning change", async () => {
    const council = await makeOrg(hub, "council");
    const a = await provider(council.id, 12, 6);
    const b = await provider(council.id, 40, 10);
    const c = await provider(council.id, 30, 8);
    const analyst = await signedIn(hub, (await makeUser(hub, council, "council_analyst")).email);
    const rows = async () => {
      const d = (await analyst.get(`/api/orgs/${council.id}/dashboard?at=${D}`)).json;
      return Object.fromEntries(
        d.byProvider.map((r: { key: string; figures: Record<string, Figure> }) => [
          r.key,
          r.figures.ethnicity_unknown_share.value,
        ]),
      );
    };
    expect(await rows()).toEqual({ [a.id]: 0.5, [b.id]: 0.25, [c.id]: 8 / 30 });
    expect(await rows()).toEqual({ [a.id]: 0.5, [b.id]: 0.25, [c.id]: 8 / 30 }); // read from the summaries
    // Four of a's unknown become White: 2 of 12, withheld, with its cover.
    const { and, eq, inArray } = await import("drizzle-orm");
    await hub.deps.db
      .update(staffRecords)
      .set({ ethnicity: 31 })
      .where(and(eq(staffRecords.orgId, a.id), inArray(staffRecords.localRef, ["S2", "S3", "S4", "S5"])));
    expect(await rows()).toEqual({ [a.id]: null, [b.id]: 0.25, [c.id]: null });
    // A provider commissioned later with a small cell of its own: withheld from the first read.
    const late = await provider(council.id, 12, 3);
    const after = await rows();
    expect(after[late.id]).toBeNull();
    expect(Object.keys(after)).toHaveLength(4);
  });

  it("a provider still sees its own small cells, and a council is not offered a comparison group cut across its breakdowns", async () => {
    const council = await makeOrg(hub, "council");
    const first = await provider(council.id, 12, 2);
    await provider(council.id, 12, 6);
    await provider(council.id, 40, 10);
    const admin = await makeUser(hub, first, "provider_admin");
    const own = await signedIn(hub, admin.email);
    const d = (await own.get(`/api/orgs/${first.id}/dashboard?at=${D}`)).json;
    expect(d.now.ethnicity_unknown_share.value).toBe(2 / 12);
    const m = (await own.get(`/api/orgs/${first.id}/metrics?scope=employer&at=${D}`)).json;
    expect(m.figures.ethnicity_unknown_share.value).toBe(2 / 12);
    expect(m.figures["ethnicity_share.white"].value).toBe(10 / 12);

    const analyst = await signedIn(hub, (await makeUser(hub, council, "council_analyst")).email);
    const refused = await analyst.get(`/api/orgs/${council.id}/metrics?scope=comparison&at=${D}`);
    expect(refused.status).toBe(400);
    expect(refused.json.error.message).toContain("scope=comparison is for providers");
  });

  it("the public page shows no special category figure at all", async () => {
    const council = await makeOrg(hub, "council");
    for (const [w, u] of [
      [12, 2],
      [12, 6],
      [40, 10],
    ])
      await provider(council.id, w, u);
    const admin = await signedIn(hub, (await makeUser(hub, council, "council_admin")).email);
    await admin.request("PUT", `/api/orgs/${council.id}/public-page`, { enabled: true });
    const page = (await new Client(hub).get(`/api/public/workforce/${council.slug}`)).json;
    expect(Object.keys(page.now).length).toBeGreaterThan(0);
    expect(Object.keys(page.now).filter((n) => groupOf(n) !== null)).toEqual([]);
    for (const t of page.trend) expect(Object.keys(t.figures).filter((n) => groupOf(n) !== null)).toEqual([]);
  });
});
