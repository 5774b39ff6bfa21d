import { describe, expect, it } from "vitest";
import { makeOrg, testHub, uniq } from "../../../../test/harness";
import type { OrgCtx } from "../../context";
import { staffRecords, workplaces } from "../../db/schema";
import { commissionProvider } from "../orgs/orgs.service";
import { type LinkedCell, protect, withholdLinked } from "./disclosure";
import { metricsFor } from "./metrics.service";

const hub = await testHub();
const D = "2026-06-30";

async function provider(
  councilId: string,
  workers: number,
  opts: { mainService?: number; unknownEthnicity?: number } = {},
) {
  const org = await makeOrg(hub, "provider");
  await commissionProvider(hub.ctx, { councilId, providerId: org.id, fromDate: "2020-01-01" });
  const [w] = await hub.deps.db
    .insert(workplaces)
    .values({ orgId: org.id, councilId, localRef: `W${uniq()}`, name: "Home", mainService: opts.mainService ?? 2 })
    .returning();
  if (workers)
    await hub.deps.db.insert(staffRecords).values(
      Array.from({ length: workers }, (_, i) => ({
        orgId: org.id,
        workplaceId: w.id,
        localRef: `S${i}`,
        displayId: `S${i}`,
        contractType: 1,
        mainJobRole: 8,
        startDate: "2020-01-01",
        ethnicity: i < (opts.unknownEthnicity ?? 0) ? 99 : 31,
      })),
    );
  return org;
}
const ctxOf = (org: { id: string; name: string; slug: string }, kind: "provider" | "council"): OrgCtx => ({
  ...hub.ctx,
  org: { id: org.id, kind, name: org.name, slug: org.slug, isDemo: false },
  role: kind === "council" ? "council_analyst" : "provider_admin",
});

describe("disclosure control inside the engine", () => {
  it("a provider's comparison group needs 3 other employers and 10 workers, and never includes the provider itself", async () => {
    const council = await makeOrg(hub, "council");
    const me = await provider(council.id, 20);
    await provider(council.id, 6);
    await provider(council.id, 6);
    await provider(council.id, 50, { mainService: 8 }); // another service type: not in the group
    const two = await metricsFor(ctxOf(me, "provider"), "comparison", D);
    expect(two.figures.filled_posts).toEqual({ value: null, reason: "not_enough_data", n: 0 });
    expect(Object.values(two.figures).every((f) => f.value === null && f.reason === "not_enough_data")).toBe(true);

    await provider(council.id, 1);
    const three = await metricsFor(ctxOf(me, "provider"), "comparison", D);
    expect(three.figures.filled_posts.value).toBe(13); // 6 + 6 + 1: not my 20, not the other service's 50
    expect(three.figures.employed_headcount.value).toBe(13);
  });

  it("three employers with 9 workers between them are still not enough", async () => {
    const council = await makeOrg(hub, "council");
    const me = await provider(council.id, 5);
    for (let i = 0; i < 3; i++) await provider(council.id, 3);
    const f = (await metricsFor(ctxOf(me, "provider"), "comparison", D)).figures;
    expect(f.turnover_rate).toEqual({ value: null, reason: "not_enough_data", n: 0 });
  });

  it("a council gets its providers' aggregates, with special category shares suppressed when they, or their complement, count fewer than 5 people", async () => {
    const council = await makeOrg(hub, "council");
    await provider(council.id, 12, { unknownEthnicity: 3 });
    const few = (await metricsFor(ctxOf(council, "council"), "council", D)).figures;
    expect(few.employed_headcount.value).toBe(12);
    expect(few.ethnicity_unknown_share).toEqual({ value: null, reason: "suppressed", n: 0 });

    const council2 = await makeOrg(hub, "council");
    await provider(council2.id, 12, { unknownEthnicity: 9 }); // 3 known: recoverable by subtraction
    expect((await metricsFor(ctxOf(council2, "council"), "council", D)).figures.ethnicity_unknown_share.reason).toBe(
      "suppressed",
    );

    const council3 = await makeOrg(hub, "council");
    await provider(council3.id, 12, { unknownEthnicity: 6 });
    expect((await metricsFor(ctxOf(council3, "council"), "council", D)).figures.ethnicity_unknown_share.value).toBe(
      0.5,
    );
  });

  it("a provider sees its own small cells: they are its own staff", async () => {
    const council = await makeOrg(hub, "council");
    const me = await provider(council.id, 12, { unknownEthnicity: 3 });
    expect((await metricsFor(ctxOf(me, "provider"), "employer", D)).figures.ethnicity_unknown_share.value).toBe(3 / 12);
  });
});

describe("secondary suppression among ethnic groups", () => {
  it("when one group is too small to show, the next smallest is withheld too, so the rest cannot give it away", () => {
    const share = (people: number, n: number) => ({ value: people / n, n });
    const out = protect(
      {
        "ethnicity_share.white": share(40, 60),
        "ethnicity_share.asian": share(3, 60), // primary: fewer than 5
        "ethnicity_share.black": share(7, 60), // secondary: the smallest of the rest
        "ethnicity_share.mixed": share(0, 60),
        "ethnicity_share.other": share(0, 60),
        "ethnicity_share.unknown": share(10, 60),
        ethnicity_unknown_share: share(10, 60),
      },
      { employers: 5, workers: 60 },
      { needsGroupSize: false },
    );
    expect(out["ethnicity_share.asian"].reason).toBe("suppressed");
    expect(out["ethnicity_share.black"].reason).toBe("suppressed");
    expect(out["ethnicity_share.white"].value).toBe(40 / 60);
    expect(out.ethnicity_unknown_share.value).toBe(10 / 60);
  });
});

describe("suppression across linked tables (withholdLinked)", () => {
  const shares = (counts: Record<string, number>) => {
    const n = Object.values(counts).reduce((a, b) => a + b, 0);
    return Object.fromEntries(
      ["white", "mixed", "asian", "black", "other", "unknown"].map((g) => [
        `ethnicity_share.${g}`,
        { value: (counts[g] ?? 0) / n, n },
      ]),
    );
  };
  const row = (key: string, counts: Record<string, number>, own = false): LinkedCell => ({
    key,
    kind: "row",
    atoms: [key],
    figures: shares(counts),
    own,
  });
  const total = (rows: LinkedCell[]): LinkedCell => {
    const sum: Record<string, number> = {};
    for (const r of rows)
      for (const [name, f] of Object.entries(r.figures))
        sum[name.slice("ethnicity_share.".length)] =
          (sum[name.slice("ethnicity_share.".length)] ?? 0) + Math.round((f.value ?? 0) * f.n);
    return { key: "total", kind: "total", atoms: rows.flatMap((r) => r.atoms), figures: shares(sum) };
  };

  it("the cover for a withheld row is withheld in both its groups, so neither the total nor its own n gives it away", () => {
    const rows = [
      row("a", { white: 10, unknown: 2 }),
      row("b", { white: 6, unknown: 6 }),
      row("c", { white: 30, unknown: 10 }),
    ];
    const out = withholdLinked([...rows, total(rows)]);
    expect([...(out.get("a") ?? [])].sort()).toEqual([
      "ethnicity_share.unknown",
      "ethnicity_share.white",
      "ethnicity_unknown_share",
    ]);
    // b is the cover: its unknown count, and its White count (its n less the White would be the unknown).
    expect([...(out.get("b") ?? [])].sort()).toEqual([
      "ethnicity_share.unknown",
      "ethnicity_share.white",
      "ethnicity_unknown_share",
    ]);
    expect(out.get("c")?.size).toBe(0);
    expect(out.get("total")?.size).toBe(0);
  });

  it("the reader's own row is no cover: it knows it, so another provider's is withheld", () => {
    const rows = [
      row("a", { white: 10, unknown: 2 }),
      row("mine", { white: 6, unknown: 6 }, true),
      row("c", { white: 30, unknown: 10 }),
      row("d", { white: 22, unknown: 8 }),
    ];
    const out = withholdLinked([...rows, total(rows)]);
    expect(out.get("mine")?.size).toBe(0);
    expect(out.get("a")?.has("ethnicity_share.unknown")).toBe(true);
    expect(out.get("d")?.has("ethnicity_share.unknown")).toBe(true); // the next fewest people after mine
  });
});
