import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { makeSystem, testHub } from "../../../../test/harness";
import { main } from "../../../cli/main";
import { addAction, addPillar, approveStrategy, createStrategy } from "../strategy/plan.service";
import { addRisk } from "../strategy/risks.service";
import { recordUpdate } from "../strategy/updates.service";
import { generateBoardReport } from "./strategy-report.service";

// The board report reads the council's strategy from the strategy module (boardReportData): a
// plan made through its services shows in the report's progress, exceptions, completed actions,
// risks and background papers.

const hub = await testHub();
// The plan is made and updated in the fourth quarter of 2026; its report is made once it has ended.
hub.clock.now = new Date("2026-11-02T09:00:00Z");
const { council, provider, councilAdmin } = await makeSystem(hub);
const dir = mkdtempSync(join(tmpdir(), "board-report-plan-"));
const env = { ...process.env, DATA_DIR: dir, LOG_LEVEL: "warn", HUB_SECRET: "cli-test-secret-cli-test-secret-0123456" };
const cli = async (...args: string[]) => {
  let stderr = "";
  const code = await main(args, { stdout: () => {}, stderr: (t) => (stderr += t), env, database: hub.database });
  return { code, stderr };
};
const imported = await cli(
  "import",
  "--org",
  provider.slug,
  "--commit",
  "--as-at",
  "2026-06-30",
  "test/fixtures/ascwds/valid-workplace.csv",
  "test/fixtures/ascwds/valid-staff.csv",
);
if (imported.code !== 0) throw new Error(imported.stderr);

describe("the board report from the council's strategy", () => {
  it("reports the plan's progress, exceptions, completions, risks and approval from the strategy module", async () => {
    const ctx = {
      ...hub.ctx,
      actor: { userId: councilAdmin.id, isHubAdmin: false },
      org: { ...council, kind: "council" as const, isDemo: false },
      role: "council_admin" as const,
    };
    const strategy = await createStrategy(ctx, {
      title: "Care workforce strategy 2025 to 2028",
      periodStart: "2025-04-01",
      periodEnd: "2028-03-31",
      vision: "People choose care and stay.",
    });
    const pillar = await addPillar(ctx, strategy.id, {
      kind: "recommendation",
      number: 1,
      title: "Recruit locally, together",
      aims: ["Fill posts faster"],
    });
    const action = (n: number, title: string) =>
      addAction(ctx, strategy.id, {
        pillarId: pillar.id,
        number: n,
        title,
        phase: "foundations",
        partners: [],
        dueOn: "2026-12-31",
        measures: [{ metric: "vacancy_rate", target: 0.09, direction: "lower", byDate: "2028-03-31" }],
      });
    const jobsBoard = await action(1, "Launch one local care jobs board");
    const campaign = await action(2, "Run a recruitment campaign");
    await addRisk(ctx, strategy.id, {
      kind: "risk",
      title: "Market fragility",
      likelihood: 4,
      impact: 5,
      ownerName: "Director of Adult Social Care",
      mitigations: "Monthly market review",
    });
    await approveStrategy(ctx, strategy.id, {
      board: "Executive Board",
      approvedOn: "2025-03-12",
      minuteRef: "EB/2025/041",
      approvedBy: "Cllr Chair",
    });
    await recordUpdate(ctx, strategy.id, jobsBoard.id, "2026-Q4", {
      status: "off_track",
      narrative: "Three providers have not shared their vacancies.",
      reportedOn: "2026-11-02",
    });
    await recordUpdate(ctx, strategy.id, campaign.id, "2026-Q4", {
      status: "complete",
      narrative: "Campaign ran in May.",
      reportedOn: "2026-11-02",
    });

    hub.clock.now = new Date("2027-01-06T09:00:00Z");
    const report = await generateBoardReport(ctx, "2026-Q4", "docx");
    const zip = await JSZip.loadAsync(report.bytes);
    const text = ((await zip.file("word/document.xml")?.async("string")) ?? "")
      .replace(/<\/w:p>/g, "\n")
      .replace(/<[^>]+>/g, "")
      .replace(/&amp;/g, "&");
    expect(text).toContain("Care workforce strategy 2025 to 2028 was approved by Executive Board on 12 March 2025");
    expect(text).toContain("2 actions: 0 not started, 0 on track, 0 at risk, 1 off track, 1 complete");
    const exceptions = text.slice(text.indexOf("3.2 Exceptions"), text.indexOf("3.3 Actions completed"));
    expect(exceptions).toContain("R1.1 Launch one local care jobs board");
    expect(exceptions).toContain("Three providers have not shared their vacancies.");
    const completed = text.slice(text.indexOf("3.3 Actions completed"), text.indexOf("3.4 Workforce figures"));
    expect(completed).toContain("R1.2 Run a recruitment campaign");
    // The action's measure is the plan's target for the vacancy rate, rated on the figure.
    expect(text).toMatch(/Vacancy rate\n\d+\.\d%\n(.*\n){3}At most 9\.0% by 31 March 2028\nOff target/);
    expect(text).toContain("Market fragility");
    expect(text).toContain("Care workforce strategy 2025 to 2028, approved by Executive Board on 12 March 2025");
  });
});
