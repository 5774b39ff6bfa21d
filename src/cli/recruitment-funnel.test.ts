import { describe, expect, it } from "vitest";
import { runHub } from "../../test/cli";
import { makeSystem, testHub } from "../../test/harness";
import { funnelFixtures } from "../../test/hub-fixtures";

// `hub recruitment funnel`: the page's funnel in the shape the issue names, counts withheld as
// the page withholds them (null with the reason).

const hub = await testHub();
const { employer, advert, apply, FULL } = funnelFixtures(hub);
const env = { ...process.env, LOG_LEVEL: "warn", HUB_SECRET: "cli-test-secret-cli-test-secret-0123456" };

const cli = (...args: string[]) => runHub(args, { env, database: hub.database });

/** `hub recruitment funnel` for an organisation over December 2025, the month the applications came in. */
const december = (org: string, ...more: string[]) =>
  cli("recruitment", "funnel", "--org", org, "--from", "2025-12-01", "--to", "2025-12-31", ...more);
/** A council sees whole quarters that have ended: from October 2025 to June 2026, its marks taken on 2026-06-30. */
const quarters = (org: string, ...more: string[]) =>
  cli("recruitment", "funnel", "--org", org, "--from", "2025-10-01", "--to", "2026-06-30", ...more);

describe("hub recruitment funnel", async () => {
  const { council } = await makeSystem(hub);
  const orgs = [
    await employer(council.id, "Ash"),
    await employer(council.id, "Beech"),
    await employer(council.id, "Cherry"),
  ];
  // Each employer: 6 applications, 2 starts in January 2026; one of Cherry's left in February.
  for (const org of orgs) {
    const ad = await advert(org, council.id);
    await apply(ad, "2025-12-01", FULL, { start: "2026-01-05" });
    await apply(ad, "2025-12-01", FULL, { start: "2026-01-05", end: org === orgs[2] ? "2026-02-01" : undefined });
    for (let i = 0; i < 4; i++) await apply(ad, "2025-12-02", ["screened", "rejected"]);
  }

  it("prints the stages and retention by route for a council, as the page gives them", async () => {
    // A council's retention marks are taken at the period's end: the 3-month marks (April 2026) have passed by it.
    const out = await quarters(council.slug, "--format", "json");
    expect(out.code, out.stdout + out.stderr).toBe(0);
    const data = out.json();
    expect(data.stages).toEqual([
      { stage: "views", count: 0 },
      { stage: "applied", count: 18 },
      { stage: "screened", count: 18 },
      { stage: "interview", count: 6 },
      { stage: "offer", count: 6 },
      { stage: "started", count: 6 },
    ]);
    const board = data.byRoute.find((r: { route: string }) => r.route === "Job board");
    // 5 of 6 still in post: shown, as the page shows it (a leaver is not special category data).
    expect(board).toMatchObject({ hires: 6, eligible3m: 6, retained3m: 5 });
    expect(board.reasons).toBeUndefined();
    expect(data.byRoute.map((r: { route: string }) => r.route)).toEqual(["Job board", "all"]);
  });

  it("prints an employer's own funnel unwithheld, and text for people", async () => {
    const own = await december(orgs[2].id, "--format", "json");
    expect(own.json().byRoute[0]).toMatchObject({ route: "Job board", hires: 2, eligible3m: 2, retained3m: 1 });
    expect(own.json().byRoute[0].reasons).toBeUndefined();
    const text = await quarters(council.slug);
    expect(text.stdout).toContain("recruitment funnel 2025-10-01 to 2026-06-30");
    expect(text.stdout).toContain("started    6");
    expect(text.stdout).toContain("All routes: 6 hires; 3 months 5 of 6");
  });

  it("gives a council the whole quarter its days fall in, and says so", async () => {
    const out = await december(council.slug);
    expect(out.code, out.stdout + out.stderr).toBe(0);
    expect(out.stdout).toContain("recruitment funnel 2025-10-01 to 2025-12-31");
  });

  it("refuses an unknown organisation and a bad date with a usage message", async () => {
    const unknown = await cli("recruitment", "funnel", "--org", "no-such-org", "--format", "json");
    expect(unknown.code).toBe(2);
    expect(unknown.json().error.message).toContain("--org");
    const bad = await cli("recruitment", "funnel", "--org", council.slug, "--from", "2025-13-01");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--from");
  });
});
