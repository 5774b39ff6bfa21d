import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "./browser";

// The quarterly board report of the demo council for its latest quarter, as downloaded from the
// hub that `npm start` runs: the Word file opens in LibreOffice (converted to PDF by soffice,
// installed by .ci/run), both files hold the committee report's sections and the quarter's
// turnover and vacancy rate as the figures engine gives them, and the PDF's pages are drawn to
// test-results/board-report-*.png (poppler) for people to look at.

const baseUrl = inject("baseUrl");
const dir = mkdtempSync(join(tmpdir(), "board-report-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The last calendar quarter that has ended (the demo's figures run to today). */
function lastEndedQuarter(today = new Date()) {
  const q = Math.floor(today.getUTCMonth() / 3); // this quarter, 0-based
  const year = q === 0 ? today.getUTCFullYear() - 1 : today.getUTCFullYear();
  const last = q === 0 ? 4 : q;
  const end = new Date(Date.UTC(year, last * 3, 0)).toISOString().slice(0, 10);
  return { quarter: `${year}-Q${last}`, end };
}

async function signInApi(email: string) {
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.77" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = /hub_session=[^;]*/.exec(res.headers.get("set-cookie") ?? "")?.[0] ?? "";
  return { cookie, me: await res.json() };
}

const SECTIONS = [
  "Report to",
  "Date of meeting",
  "Reporting officer",
  "1. Purpose of the report",
  "2. Recommendations",
  "3. Supporting information",
  "3.1 Progress by recommendation",
  "3.2 Exceptions",
  "3.3 Actions completed this quarter",
  "3.4 Workforce figures",
  "3.5 Risks",
  "4. Implications",
  "4.1 Financial implications",
  "4.2 Policy implications",
  "4.3 Equality implications",
  "4.4 Risk implications",
  "5. Background papers",
  "Appendix A: all actions",
];

/** pdftotext's text with its line breaks and runs of spaces made single spaces. */
const pdfText = (file: string) => execFileSync("pdftotext", [file, "-"]).toString().replace(/\s+/g, " ");

describe("the quarterly board report of the demo council", () => {
  it("downloads as Word that LibreOffice opens and as PDF, each with the sections, the charts and the quarter's turnover and vacancy rate", async () => {
    const { cookie, me } = await signInApi("council.admin@halton.demo.test");
    // A board member reads the report (and nothing else of the council's figures).
    const board = await signInApi("board.member@halton.demo.test");
    const council = (me.memberships as { id: string; slug: string }[]).find((m) => m.slug === "halton");
    expect(council).toBeTruthy();
    const orgId = council?.id as string;
    const { quarter, end } = lastEndedQuarter();

    // The figures as the engine gives them for the council at the quarter end (the same function
    // as `hub metrics --org halton --at <end>`), as a board reads them: percentages to one decimal.
    const metrics = await (
      await fetch(`${baseUrl}/api/orgs/${orgId}/metrics?at=${end}&metrics=turnover_rate,vacancy_rate`, {
        headers: { cookie },
      })
    ).json();
    const pct = (name: string) => `${(metrics.figures[name].value * 100).toFixed(1)}%`;
    const turnover = pct("turnover_rate");
    const vacancy = pct("vacancy_rate");

    for (const format of ["docx", "pdf"] as const) {
      const res = await fetch(`${baseUrl}/api/orgs/${orgId}/strategy/reports/${quarter}.${format}`, {
        headers: { cookie: board.cookie },
      });
      expect(res.status, await res.clone().text()).toBe(200);
      writeFileSync(join(dir, `report.${format}`), Buffer.from(await res.arrayBuffer()));
    }

    // The Word file: at least two charts as pictures, and it opens in LibreOffice.
    const zip = await JSZip.loadAsync(readFileSync(join(dir, "report.docx")));
    expect(Object.keys(zip.files).filter((f) => f.startsWith("word/media/")).length).toBeGreaterThanOrEqual(2);
    mkdirSync(join(dir, "lo"));
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        join(dir, "lo"),
        join(dir, "report.docx"),
      ],
      { timeout: 120_000 },
    );
    const fromWord = pdfText(join(dir, "lo", "report.pdf"));
    const pdf = pdfText(join(dir, "report.pdf"));
    const endWords = new Date(`${end}T00:00:00Z`).toLocaleDateString("en-GB", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    for (const [name, text] of [
      ["Word as LibreOffice reads it", fromWord],
      ["PDF", pdf],
    ] as const) {
      for (const section of SECTIONS) expect(text, `${name}: ${section}`).toContain(section);
      expect(text, name).toContain(`Source: Care Workforce Hub, figures as at ${endWords}`);
      expect(text, name).toMatch(new RegExp(`Turnover rate ${turnover.replace(".", "\\.")} `));
      expect(text, name).toMatch(new RegExp(`Vacancy rate ${vacancy.replace(".", "\\.")} `));
      // The demo's strategy: its recommendations and enablers, and the risk the board is told of.
      expect(text, name).toContain("Halton adult social care workforce strategy was approved by Executive Board");
      expect(text, name).toMatch(/R1 Joint recruitment across local employers/);
      expect(text, name).toMatch(/E3 System governance/);
      expect(text, name).toContain("R1 Market fragility");
    }

    // The PDF's pages as pictures, for people to look at: A4 pages of a council report.
    expect(execFileSync("pdfinfo", [join(dir, "report.pdf")]).toString()).toMatch(/Page size:\s+595\.28 x 841\.89 pts/);
    execFileSync("pdftoppm", ["-png", "-r", "60", join(dir, "report.pdf"), join(dir, "page")]);
    mkdirSync("test-results", { recursive: true });
    for (const old of readdirSync("test-results").filter((f) => f.startsWith("board-report-")))
      rmSync(join("test-results", old));
    const pages = readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const p of pages) copyFileSync(join(dir, p), join("test-results", `board-report-${p.replace("page-", "")}`));
  }, 240_000);
});
