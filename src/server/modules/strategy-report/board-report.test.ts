import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { runHub } from "../../../../test/cli";
import { makeOrg, makeSystem, makeUser, signedIn, testHub } from "../../../../test/harness";
import { sha256 } from "../../lib/crypto";
import { NARRATIVE_FIXTURE, PLAN_FIXTURE } from "./plan.fixture";
import { boardReportInput, renderBoardReport } from "./strategy-report.service";

// The quarterly board report from real figures: a council whose one provider sent its ASC-WDS
// files as at 30 June 2026 (the end of 2026-Q2). What needs LibreOffice and poppler (the DOCX
// opening in LibreOffice, the PDF's text and pages) is in e2e/board-report.e2e.ts.

const hub = await testHub();
// After the end of 2026-Q2, whose report these tests make.
hub.clock.now = new Date("2026-08-01T09:00:00Z");
const { council, provider, councilAdmin } = await makeSystem(hub);
const dir = mkdtempSync(join(tmpdir(), "board-report-"));
const env = { ...process.env, DATA_DIR: dir, LOG_LEVEL: "warn", HUB_SECRET: "cli-test-secret-cli-test-secret-0123456" };

const hubCli = (...args: string[]) => runHub(args, { env, database: hub.database });

const imported = await hubCli(
  "import",
  "--org",
  provider.slug,
  "--commit",
  "--as-at",
  "2026-06-30",
  "test/fixtures/ascwds/valid-workplace.csv",
  "test/fixtures/ascwds/valid-staff.csv",
);
if (imported.code !== 0) throw new Error(imported.stderr || imported.stdout);

/** The figures `hub metrics --at 2026-06-30` gives the council, as a board reads them: one decimal. */
async function cliPercent(name: string) {
  const r = await hubCli("metrics", "--org", council.slug, "--at", "2026-06-30", "--format", "json");
  const value = JSON.parse(r.stdout)[name] as number;
  expect(typeof value).toBe("number");
  return `${(value * 100).toFixed(1)}%`;
}

async function docxParts(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const media = Object.keys(zip.files).filter((f) => f.startsWith("word/media/"));
  const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  // The document's text, paragraph by paragraph, as Word would show it.
  const text = xml
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"');
  return { media, text };
}

describe("the quarterly board report", () => {
  it("hub report board writes a DOCX committee report with two charts or more and the quarter's turnover and vacancy rate as hub metrics gives them", async () => {
    const out = join(dir, "report.docx");
    const r = await hubCli("report", "board", "--org", council.slug, "--quarter", "2026-Q2", "--out", out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Wrote ${out}`);
    const { media, text } = await docxParts(readFileSync(out));
    expect(media.length).toBeGreaterThanOrEqual(2);
    for (const section of [
      "Report to",
      "Date of meeting",
      "Reporting officer",
      "1. Purpose of the report",
      "2. Recommendations",
      "3. Supporting information",
      "3.1 Progress by recommendation",
      "3.4 Workforce figures",
      "3.5 Risks",
      "4.1 Financial implications",
      "4.2 Policy implications",
      "4.3 Equality implications",
      "4.4 Risk implications",
      "5. Background papers",
      "Appendix A: all actions",
    ])
      expect(text).toContain(section);
    const turnover = await cliPercent("turnover_rate");
    const vacancy = await cliPercent("vacancy_rate");
    // The fixture: 1 leaver of the 3 employed; 6 vacancies.
    expect([turnover, vacancy]).toEqual(["33.3%", "66.7%"]);
    expect(text).toMatch(new RegExp(`Turnover rate\n${turnover.replace(".", "\\.")}`));
    expect(text).toMatch(new RegExp(`Vacancy rate\n${vacancy.replace(".", "\\.")}`));
    expect(text).toContain("Source: Care Workforce Hub, figures as at 30 June 2026");
    // Against the quarter end before (31 March, not the same day three months before).
    expect(text).toContain("as at 30 June 2026, against 31 March 2026");
    // With no strategy in the hub, each part of the plan is a marked prompt, not left out.
    expect(text).toContain("[To complete: the policy implications]");
  });

  it("fills the plan's sections from the plan: progress by recommendation, exceptions, completed actions, risks and their changes, implications it holds", async () => {
    const ctx = { ...hub.ctx, org: { ...council, kind: "council" as const, isDemo: false }, role: null };
    const input = { ...(await boardReportInput(ctx, "2026-Q2")), plan: PLAN_FIXTURE, narrative: NARRATIVE_FIXTURE };
    const docx = await docxParts((await renderBoardReport(input, "docx")).bytes);
    const { text } = docx;
    expect(docx.media.length).toBe(3); // status bars, trend lines, red/amber/green table
    expect(text).toContain("Jo Bloggs, Director of Adult Social Care");
    expect(text).toContain("12 November 2026");
    expect(text).toContain("Agree the revised launch date for the local care jobs board.");
    expect(text).toContain(
      "8 actions: 1 not started, 2 on track, 1 at risk, 1 off track, 2 complete, 1 with no update",
    );
    // Exceptions: the two at risk or off track; completed this quarter: only the one newly complete.
    const exceptions = text.slice(text.indexOf("3.2 Exceptions"), text.indexOf("3.3 Actions completed"));
    expect(exceptions).toContain("R1.2 Agree a fair cost of care uplift");
    expect(exceptions).toContain("R2.1 Launch one local care jobs board");
    expect(exceptions).not.toContain("R2.2");
    const completed = text.slice(text.indexOf("3.3 Actions completed"), text.indexOf("3.4 Workforce figures"));
    expect(completed).toContain("R1.1 Pay the Real Living Wage");
    expect(completed).not.toContain("R3.1");
    expect(text).toContain("K1 Market fragility: providers leave the market or hand back contracts from 16 to 20");
    expect(text).toContain("K3 Data infrastructure not available when needed added (score 9)");
    expect(text).toMatch(/A2 Data infrastructure is available\nFailed/);
    expect(text).toContain("approved workforce budget of £1.2 million");
    expect(text).toContain("[To complete: the equality implications");
    // The plan's measure rated against its target: 66.7% vacancies against at most 9.0%.
    expect(text).toMatch(/Vacancy rate\n66\.7%\n(.*\n){3}At most 9\.0% by 31 March 2028\nOff target/);
    // The PDF is drawn from the same blocks (its text is checked with pdftotext in e2e/board-report.e2e.ts).
    const pdf = await renderBoardReport(input, "pdf");
    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString()).toBe("%PDF-");
  });

  it("refuses an unknown council, a quarter with no figures and a file that is neither .docx nor .pdf, saying why", async () => {
    const unknown = await hubCli(
      "report",
      "board",
      "--org",
      "no-such-council",
      "--quarter",
      "2026-Q2",
      "--out",
      "x.docx",
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--org: no council with id or short name "no-such-council"');
    const notCouncil = await hubCli(
      "report",
      "board",
      "--org",
      provider.slug,
      "--quarter",
      "2026-Q2",
      "--out",
      "x.docx",
    );
    expect(notCouncil.code).toBe(2);
    const empty = await hubCli(
      "report",
      "board",
      "--org",
      council.slug,
      "--quarter",
      "2019-Q1",
      "--out",
      join(dir, "x.pdf"),
    );
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain("has no workforce figures for January to March 2019");
    const badQuarter = await hubCli("report", "board", "--org", council.slug, "--quarter", "2026-3", "--out", "x.pdf");
    expect(badQuarter.code).toBe(2);
    expect(badQuarter.stderr).toContain("--quarter: Give the quarter as 2026-Q3");
    const badOut = await hubCli("report", "board", "--org", council.slug, "--quarter", "2026-Q2", "--out", "x.odt");
    expect(badOut.code).toBe(2);
    expect(badOut.stderr).toContain('--out must name a .docx or .pdf file, not "x.odt"');
  });

  it("downloads from the API for board members, keeps every version as generated, and uses the narrative the council saved", async () => {
    const board = await signedIn(hub, (await makeUser(hub, council, "board_member")).email);
    const admin = await signedIn(hub, councilAdmin.email);
    const base = `/api/orgs/${council.id}/strategy`;

    const first = await hub.app.request(`${base}/reports/2026-Q2.pdf`, { headers: { cookie: board.cookie } });
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/pdf");
    expect(first.headers.get("content-disposition")).toContain(`${council.slug}-board-report-2026-Q2.pdf`);
    const firstBytes = new Uint8Array(await first.arrayBuffer());
    // Reading it again, with nothing changed, hands out the same kept file and keeps no copy.
    const keptBefore = (await board.get(`${base}/reports`)).json.reports.length;
    const again = await hub.app.request(`${base}/reports/2026-Q2.pdf`, { headers: { cookie: board.cookie } });
    expect(sha256(new Uint8Array(await again.arrayBuffer()))).toBe(sha256(firstBytes));
    expect((await board.get(`${base}/reports`)).json.reports).toHaveLength(keptBefore);

    // A board member reads; the council writes the narrative.
    const narrative = {
      ...NARRATIVE_FIXTURE,
      purpose: "To tell the board how the strategy went in the spring.",
    };
    expect((await board.request("PUT", `${base}/narratives/2026-Q2`, narrative)).status).toBe(403);
    const saved = await admin.request("PUT", `${base}/narratives/2026-Q2`, narrative);
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json).toMatchObject({
      saved: true,
      narrative: { reportingOfficer: NARRATIVE_FIXTURE.reportingOfficer },
    });

    const second = await hub.app.request(`${base}/reports/2026-Q2.docx`, { headers: { cookie: admin.cookie } });
    expect(second.status).toBe(200);
    const { text } = await docxParts(new Uint8Array(await second.arrayBuffer()));
    expect(text).toContain("To tell the board how the strategy went in the spring.");

    const list = await board.get(`${base}/reports`);
    expect(list.status).toBe(200);
    const versions = list.json.reports as { id: string; format: string; sha256: string }[];
    expect(versions.map((v) => v.format).slice(0, 2)).toEqual(["docx", "pdf"]);
    // The first version is kept exactly as it was handed out.
    const pdfVersion = versions[1];
    expect(pdfVersion.sha256).toBe(sha256(firstBytes));
    const kept = await hub.app.request(`${base}/reports/kept/${pdfVersion.id}`, { headers: { cookie: board.cookie } });
    expect(sha256(new Uint8Array(await kept.arrayBuffer()))).toBe(pdfVersion.sha256);

    // A quarter not yet over, and an address that is not a report.
    expect((await board.get(`${base}/reports/2026-Q3.pdf`)).json.error.code).toBe("quarter_not_ended");
    expect((await board.get(`${base}/reports/2026-Q2.odt`)).status).toBe(404);

    // Kept means kept: the database refuses to change or remove a generated report.
    const refusal = (q: Promise<unknown>) =>
      q.then(
        () => "allowed",
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      );
    expect(
      await refusal(hub.deps.db.execute(sql`update board_reports set size = 0 where id = ${pdfVersion.id}`)),
    ).toMatch(/keeps every generated report: UPDATE/);
    expect(await refusal(hub.deps.db.execute(sql`delete from board_reports where id = ${pdfVersion.id}`))).toMatch(
      /keeps every generated report: DELETE/,
    );
  });

  it("answers 404 to any file name but a quarter's .docx or .pdf, and writes hostile narrative as text in the Word file", async () => {
    const admin = await signedIn(hub, councilAdmin.email);
    const base = `/api/orgs/${council.id}/strategy`;
    const keptBefore = (await admin.get(`${base}/reports`)).json.reports.length;
    for (const file of [
      "2026-Q2.docx%2F..%2Fx",
      "..%2F..%2Fpackage.json",
      "2026-Q2.docx%00",
      "2026-Q2.pdf.exe",
      "%2E%2E",
      "2026-Q2.DOCX",
      "2026-q2.pdf",
    ]) {
      const res = await admin.get(`${base}/reports/${file}`);
      expect(res.status, file).toBeGreaterThanOrEqual(400);
      expect(res.status, file).toBeLessThan(500);
      expect(res.headers.get("content-disposition"), file).toBeNull();
    }
    expect((await admin.get(`${base}/reports/2026-Q2.docx/../x`)).status).toBe(404);
    expect((await admin.get(`${base}/reports`)).json.reports).toHaveLength(keptBefore);

    const hostile = "Costs <b>& ]]> </w:t></w:r></w:p><w:p><w:r><w:t>injected";
    const saved = await admin.request("PUT", `${base}/narratives/2026-Q2`, { ...NARRATIVE_FIXTURE, purpose: hostile });
    expect(saved.status, saved.text).toBe(200);
    const res = await hub.app.request(`${base}/reports/2026-Q2.docx`, { headers: { cookie: admin.cookie } });
    expect(res.status).toBe(200);
    const zip = await JSZip.loadAsync(new Uint8Array(await res.arrayBuffer()));
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    // The words are escaped text in one run, not markup: no extra paragraph, no raw "<b>" or "]]>".
    expect(xml).toContain("Costs &lt;b&gt;&amp; ]]&gt; &lt;/w:t&gt;");
    expect(xml).not.toContain("<w:t>injected");
    const pdf = await hub.app.request(`${base}/reports/2026-Q2.pdf`, { headers: { cookie: admin.cookie } });
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });

  it("is the council's own: another council's members get 404", async () => {
    const other = await makeOrg(hub, "council");
    const outsider = await signedIn(hub, (await makeUser(hub, other, "council_admin")).email);
    expect((await outsider.get(`/api/orgs/${council.id}/strategy/reports`)).status).toBe(404);
  });
});
