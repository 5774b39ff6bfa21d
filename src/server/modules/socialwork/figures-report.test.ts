import { describe, expect, it } from "vitest";
import { makeOrg, testHub } from "../../../../test/harness";
import { socialWorkArea, type WorkerInput } from "../../../../test/social-work-fixtures";
import { swEstablishment } from "../../db/schema";
import { textOf } from "../strategy-report/blocks";
import { socialWorkBlocks, socialWorkReportFigures } from "../strategy-report/social-work-section";

// The board report's social work section: present with the quarter end's figures and the change on
// the quarter before for a council with a service, absent for one without; months withheld alike.

const hub = await testHub();
const area = await socialWorkArea(hub);
const team = (t: { id: string; service: string; workplaceId: string }) => t as WorkerInput["team"];
const ctxOf = (org: { id: string; name: string; slug: string }) => ({
  ...hub.ctx,
  org: { id: org.id, kind: "council" as const, name: org.name, slug: org.slug, isDemo: false },
  role: null,
});
await hub.deps.db.insert(swEstablishment).values({
  orgId: area.council.id,
  teamId: area.teams.adults.id,
  role: "social_worker",
  fundedFte: 10,
  effectiveFrom: "2020-01-01",
});
for (let i = 0; i < 8; i++) await area.addWorker({ team: team(area.teams.adults) });
// A starter in May 2026 and a leaver in April 2026.
await area.addWorker({ team: team(area.teams.adults), startDate: "2026-05-11" });
await area.addWorker({ team: team(area.teams.adults), endDate: "2026-04-20" });

describe("board report: social work service", () => {
  it("gives each service's figures at the quarter end and the quarter before, and the monthly flows", async () => {
    const sw = await socialWorkReportFigures(ctxOf(area.council), "2026-03-31");
    expect(sw).not.toBeNull();
    const adults = sw?.services.find((s) => s.service === "adults");
    // 31 March: 9 in post (8 and the April leaver) of 10 funded.
    expect(adults?.now.vacancy_rate).toEqual({ value: 0.1, n: 10 });
    expect(sw?.previousAt).toBe("2025-12-31");
    const text = textOf(socialWorkBlocks(sw as NonNullable<typeof sw>));
    expect(text).toContain("Social work service");
    expect(text).toContain("Vacancy rate | 10.0% | 10.0% | No change");
    // The children's service has nobody: its months are withheld, not shown as 0.
    expect(text).toContain("Withheld (fewer than 5 in post)");
    const june = await socialWorkReportFigures(ctxOf(area.council), "2026-06-30");
    const flows = june?.flows.find((f) => f.service === "adults")?.months ?? [];
    expect(flows).toHaveLength(12);
    expect(flows.find((m) => m.month === "2026-05")).toEqual({
      month: "2026-05",
      starters: 1,
      leavers: 0,
      agencyInPost: 0,
    });
    expect(flows.find((m) => m.month === "2026-04")).toEqual({
      month: "2026-04",
      starters: 0,
      leavers: 1,
      agencyInPost: 0,
    });
  });

  it("is absent for a council without a social work service", async () => {
    const council = await makeOrg(hub, "council");
    expect(await socialWorkReportFigures(ctxOf(council), "2026-03-31")).toBeNull();
  });
});
