import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { runHub } from "../../test/cli";
import { commissionedProvider, testHub } from "../../test/harness";
import { booking, course, session, trainingArea } from "../../test/training-fixtures";
import { staffRecords } from "../server/db/schema";

// `hub training uptake`: the page's uptake in JSON, counts withheld as the page withholds them
// (null with the reason). The CLI runs on the real clock: the fixture's quarter (July to
// September 2026) has ended by the time this runs.

const hub = await testHub();
const env = { ...process.env, LOG_LEVEL: "warn", HUB_SECRET: "cli-test-secret-cli-test-secret-0123456" };
const cli = (...args: string[]) => runHub(args, { env, database: hub.database });

describe("hub training uptake", async () => {
  const area = await trainingArea(hub, { workers: 5 });
  const second = await commissionedProvider(hub, area.councilId, { workers: 5 });
  const third = await commissionedProvider(hub, area.councilId, { workers: 2 });
  const c = await course(hub, area, { title: "Moving and handling" });
  const s = await session(hub, c, {
    startsAt: new Date("2026-08-04T09:30:00Z"),
    endsAt: new Date("2026-08-04T16:00:00Z"),
    capacity: 15,
  });
  for (const org of [area.provider, second, third]) {
    const staff = await hub.deps.db.select().from(staffRecords).where(eq(staffRecords.orgId, org.id));
    for (const st of staff) await booking(hub, s, org.id, st.id, { outcome: "completed" });
  }

  it("prints the council's uptake as JSON, with small counts null and their reason", async () => {
    const slug = (area.council as { slug: string }).slug;
    const out = await cli(
      "training",
      "uptake",
      "--org",
      slug,
      "--from",
      "2026-07-01",
      "--to",
      "2026-09-30",
      "--format",
      "json",
    );
    expect(out.code, out.stdout + out.stderr).toBe(0);
    const data = out.json();
    expect([data.from, data.to, data.view]).toEqual(["2026-07-01", "2026-09-30", "area"]);
    expect(data.total.bookings).toEqual({ count: 12 });
    expect(data.total.placesUnused).toEqual({ count: 3 });
    const third2 = data.byProvider.find((r: { key: string }) => r.key === third.id);
    expect(third2.counts.bookings).toEqual({ count: null, reason: "suppressed" });
    expect(data.byCourse.map((r: { label: string }) => r.label)).toEqual(["Moving and handling"]);
    expect(data.byMonth.map((r: { label: string }) => r.label)).toEqual(["August 2026"]);
  });

  it("prints a provider's own uptake unwithheld, and refuses an unknown organisation", async () => {
    const own = await cli(
      "training",
      "uptake",
      "--org",
      third.id,
      "--from",
      "2026-08-01",
      "--to",
      "2026-08-31",
      "--format",
      "json",
    );
    expect(own.json().total.bookings).toEqual({ count: 2 });
    const text = await cli("training", "uptake", "--org", third.id, "--from", "2026-08-01", "--to", "2026-08-31");
    expect(text.stdout).toContain("bookings 2");
    const none = await cli("training", "uptake", "--org", "no-such-council");
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain("--org");
  });
});
