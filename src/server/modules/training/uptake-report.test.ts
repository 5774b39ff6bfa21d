import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { commissionedProvider, testHub } from "../../../../test/harness";
import { booking, course, session, trainingArea } from "../../../../test/training-fixtures";
import type { OrgCtx } from "../../context";
import { staffRecords } from "../../db/schema";
import { textOf } from "../strategy-report/blocks";
import { reportBlocks } from "../strategy-report/content";
import { boardReportInput } from "../strategy-report/strategy-report.service";

// Training uptake in the board report's figures (issue 18 item 9): the quarter's uptake is kept
// with the report's inputs, withheld as the uptake page withholds it, and printed in the report.

const hub = await testHub();

describe("training uptake in the board report", () => {
  it("holds the quarter's uptake, small counts withheld, and prints it", async () => {
    const area = await trainingArea(hub, { workers: 6 });
    const second = await commissionedProvider(hub, area.councilId, { workers: 6 });
    const third = await commissionedProvider(hub, area.councilId, { workers: 6 });
    const c = await course(hub, area);
    const s = await session(hub, c, {
      startsAt: new Date("2026-02-10T09:30:00Z"),
      endsAt: new Date("2026-02-10T16:00:00Z"),
      capacity: 20,
    });
    for (const org of [area.provider, second, third]) {
      const staff = await hub.deps.db.select().from(staffRecords).where(eq(staffRecords.orgId, org.id));
      for (const [i, st] of staff.entries())
        await booking(hub, s, org.id, st.id, { outcome: i === 0 && org === third ? "did_not_attend" : "completed" });
    }
    const ctx: OrgCtx = {
      ...hub.ctx,
      org: { id: area.councilId, kind: "council", name: area.council.name, slug: area.council.slug, isDemo: false },
      role: "council_admin",
    };
    const input = await boardReportInput(ctx, "2026-Q1");
    expect(input.trainingUptake).toEqual({
      from: "2026-01-01",
      to: "2026-03-31",
      total: {
        bookings: { count: 18 },
        attended: { count: 17 },
        completions: { count: 17 },
        didNotAttend: { count: null, reason: "suppressed" },
        lateCancellations: { count: 0 },
        placesUnused: { count: 3 },
      },
    });
    const text = textOf(reportBlocks(input));
    expect(text).toContain(
      "Training uptake: shared training sessions across the area from 1 January 2026 to 31 March 2026",
    );
    expect(text).toContain("Places booked | 18");
    expect(text).toContain("Did not attend | Withheld (a small number of people)");
    expect(text).toContain("Places unused | 3");
  });
});
