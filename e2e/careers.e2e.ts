import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { posterLayout } from "../src/server/modules/careers/poster";
import { SHIPPED_FRAMEWORK } from "../src/server/modules/frameworks/shipped-framework";
import { browserForFile, expectAccessible, screenshot, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

describe("careers in a real browser", () => {
  it("anyone can read the career roadmap, with what each role needs, how to get there and local vacancies", async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/careers?council=halton`);
    await page.getByRole("heading", { level: 1, name: "Careers in care and social work" }).waitFor();
    for (const pathway of [
      "Adult social care",
      "Adult social work",
      "Children's social work",
      "Occupational therapy",
      "Nursing associate and nursing",
      "Leadership and management",
    ])
      expect(await page.getByRole("heading", { level: 2, name: pathway }).count(), pathway).toBe(1);
    // The roadmap at a glance: a box per role, each a link to the role below.
    expect(await page.locator(".app-roadmap__role").count()).toBeGreaterThan(30);
    const role = page.locator("#role-supervisor_leader");
    await role.locator("summary").click();
    await role.getByRole("heading", { name: "What you need" }).waitFor();
    const text = (await role.textContent()) ?? "";
    expect(text).toContain("Care Certificate");
    expect(text).toContain("Lead adult care worker apprenticeship");
    expect(text).toMatch(/\d+ vacanc(y|ies) open now with care employers in Halton/);
    // Typical local pay, from the demo's records (enough employers and people for a care worker).
    const careWorker = page.locator("#role-care_support_worker");
    await careWorker.locator("summary").click();
    expect((await careWorker.textContent()) ?? "").toMatch(
      /Typical pay in Halton.*: £\d+\.\d{2} an hour \(about £[\d,]+ a year full time\)/,
    );
    await expectAccessible(page, "career roadmap");
    await screenshot(page, "careers-roadmap");
    // The poster is a PDF of the council's roadmap.
    const poster = await page
      .getByRole("link", { name: "Print the roadmap as a poster (PDF, A3)" })
      .getAttribute("href");
    expect(poster).toBe("/api/public/careers/poster.pdf?council=halton");
    const pdf = await page.request.get(`${baseUrl}${poster}`);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    // The easy read version: every kind of work, social work included, a heading per job.
    await page.getByRole("link", { name: "Jobs in care and social work: easy read version" }).click();
    await page.getByRole("heading", { level: 1, name: "Jobs in care and social work: easy read" }).waitFor();
    expect(await page.locator("main").getByRole("heading", { level: 2 }).count()).toBe(6);
    await page.getByRole("heading", { level: 3, name: /^Approved mental health professional/ }).waitFor();
    expect((await page.locator("main").textContent()) ?? "").toContain("You help children to be safe and well.");
    await expectAccessible(page, "easy read careers");
    await page.close();
  });

  for (const width of [375, 1280])
    it(`at ${width} px the roadmap's lanes of boxes fit the screen without overlapping, and load no chart library`, async () => {
      const context = await browser.newContext(
        width < 641
          ? { viewport: { width, height: 812 }, isMobile: true, hasTouch: true }
          : { viewport: { width, height: 900 } },
      );
      const page = await context.newPage();
      const scripts: string[] = [];
      page.on("request", (r) => {
        if (r.resourceType() === "script") scripts.push(r.url());
      });
      await page.goto(`${baseUrl}/careers?council=halton`);
      await page.getByRole("heading", { level: 2, name: "The roadmap at a glance" }).waitFor();
      const boxes = await page.locator(".app-roadmap__role").evaluateAll((els) =>
        els.map((el) => {
          const b = el.getBoundingClientRect();
          return {
            role: (el as HTMLElement).dataset.role ?? "",
            x: b.x,
            y: b.y + window.scrollY,
            w: b.width,
            h: b.height,
            font: Number.parseFloat(getComputedStyle(el).fontSize),
          };
        }),
      );
      expect(boxes.length).toBeGreaterThan(30);
      for (const [i, a] of boxes.entries()) {
        // On the screen, big enough to read and to tap.
        expect(a.x, a.role).toBeGreaterThanOrEqual(0);
        expect(a.x + a.w, a.role).toBeLessThanOrEqual(width);
        expect(a.w, a.role).toBeGreaterThan(100);
        expect(a.h, a.role).toBeGreaterThanOrEqual(44);
        expect(a.font, a.role).toBeGreaterThanOrEqual(14);
        for (const b of boxes.slice(i + 1)) {
          const overlap =
            Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 0.5 &&
            Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 0.5;
          expect(overlap, `${a.role} and ${b.role} overlap`).toBe(false);
        }
      }
      // Where people start comes first in its lane: left on a wide screen, at the top on a phone.
      const at = (k: string) => boxes.find((b) => b.role === k) as (typeof boxes)[number];
      if (width < 641) expect(at("new_to_care").y).toBeLessThan(at("care_support_worker").y);
      else expect(at("new_to_care").x).toBeLessThan(at("care_support_worker").x);
      expect(at("cf_student").y).toBeLessThan(at("cf_head_of_service").y + (width < 641 ? 0 : 1));
      // New to care counts the care worker posts people new to care can take.
      const newToCare = (await page.locator('[data-role="new_to_care"]').textContent()) ?? "";
      expect(newToCare).toContain("Start here");
      expect(Number(/(\d+) vacanc/.exec(newToCare)?.[1])).toBeGreaterThan(0);
      expect(newToCare).toContain(
        ((await page.locator('[data-role="care_support_worker"]').textContent()) ?? "").match(/\d+ vacanc\w+/)?.[0],
      );
      // Nothing wider than the screen, and no chart library on this page.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(scripts.filter((u) => /\/assets\/(charts|components|renderers|core)-/.test(u))).toEqual([]);
      await expectAccessible(page, `career roadmap at ${width} px`);
      // The whole roadmap at a glance, every lane.
      await page.locator(".app-roadmap").screenshot({ path: `test-results/roadmap-${width}.png` });
      // A box opens its role below, which says what it needs.
      await page.locator('[data-role="cf_head_of_service"]').click();
      const head = page.locator("#role-cf_head_of_service");
      await head.getByRole("heading", { name: "What you need" }).waitFor();
      expect((await head.textContent()) ?? "").toContain(
        "No set qualification: needs experience as Service manager (children and families)",
      );
      await context.close();
    });

  it("the A3 poster fills its page with text no smaller than 10 pt", async () => {
    const res = await fetch(`${baseUrl}/api/public/careers/poster.pdf?council=halton`);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const layout = posterLayout(SHIPPED_FRAMEWORK, { council: "Halton" });
    expect(Math.min(...layout.runs.map((r) => r.size))).toBeGreaterThanOrEqual(10);
    // The PDF itself drawn as an image by poppler (installed by .ci/run), for people to look at.
    const dir = mkdtempSync(join(tmpdir(), "poster-"));
    writeFileSync(join(dir, "poster.pdf"), Buffer.from(await res.arrayBuffer()));
    execFileSync("pdftoppm", ["-png", "-r", "50", "-singlefile", join(dir, "poster.pdf"), join(dir, "poster")]);
    mkdirSync("test-results", { recursive: true });
    copyFileSync(join(dir, "poster.png"), "test-results/poster.png");
    const info = execFileSync("pdfinfo", [join(dir, "poster.pdf")]).toString();
    expect(info).toMatch(/Page size:\s+841\.89 x 1190\.55 pts|Page size:\s+1190\.55 x 841\.89 pts/); // A3
    const text = execFileSync("pdftotext", ["-layout", join(dir, "poster.pdf"), "-"]).toString();
    expect(text).toContain("Halton");
    rmSync(dir, { recursive: true, force: true });
  });

  it("a staff member finds their next step and what they still need for it", async () => {
    const page = await browser.newPage();
    await signIn(page, baseUrl, "care.worker@mersey-view.demo.test");
    await page.waitForURL(/\/orgs\/[0-9a-f-]{36}$/);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My career" }).click();
    await page.getByRole("heading", { level: 1, name: "My career" }).waitFor();
    await page.getByRole("heading", { level: 2, name: /^You are a / }).waitFor();
    const steps = page.locator('main section:not([aria-labelledby="plan"])');
    expect(await steps.count()).toBeGreaterThan(0);
    const first = steps.first();
    expect(await first.getByRole("heading", { name: "You have" }).count()).toBe(1);
    expect(await first.getByRole("heading", { name: "You still need" }).count()).toBe(1);
    expect((await first.textContent()) ?? "").toContain("How:");
    // A goal in the development plan, shared with the managers.
    await page.getByLabel("A goal").fill("Complete the Level 2 Adult Social Care Certificate");
    await page.locator("#goal-due-day").fill("31");
    await page.locator("#goal-due-month").fill("3");
    await page.locator("#goal-due-year").fill("2027");
    await page.getByRole("button", { name: "Add goal" }).click();
    const goals = page.getByRole("table", { name: "My goals" });
    await goals
      .getByRole("cell", { name: "Complete the Level 2 Adult Social Care Certificate", exact: true })
      .waitFor();
    await goals.getByRole("cell", { name: "31 March 2027", exact: true }).first().waitFor();
    await page.getByRole("button", { name: "Share with my managers" }).click();
    await page.getByText("Your managers can see this plan.").waitFor();
    await expectAccessible(page, "my career");
    await screenshot(page, "my-career");
    await page.close();

    const manager = await browser.newPage();
    await signIn(manager, baseUrl, "provider.admin@mersey-view.demo.test");
    await manager.waitForURL(/\/orgs\/[0-9a-f-]{36}$/);
    await manager.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Development plans" }).click();
    await manager.getByText("Complete the Level 2 Adult Social Care Certificate").first().waitFor();
    await expectAccessible(manager, "staff development plans");
    await manager.close();
  });

  it("the council publishes its framework, a provider endorses it, and the council sees who has not", async () => {
    const council = await browser.newPage();
    await signIn(council, baseUrl, "council.admin@halton.demo.test");
    await council.waitForURL(/\/orgs\/[0-9a-f-]{36}$/);
    await council.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Career framework" }).click();
    await council.getByRole("heading", { level: 1, name: "Career framework" }).waitFor();
    // Pay guidance on a shipped role.
    await council.getByRole("button", { name: "Change Social work student or apprentice" }).click();
    await council.getByLabel("Pay guidance").fill("Grade 6, moving to grade 7 after job evaluation");
    await council.getByRole("button", { name: "Back to all roles" }).click();
    // A role of the council's own: left without a route onwards, the save is refused and says why.
    await council.getByRole("button", { name: "Add a role" }).click();
    await council.getByLabel("Title", { exact: true }).fill("Night care worker");
    await council.getByLabel("What the role is").fill("Supports people through the night in a care home.");
    await council.getByLabel(/^A top role/).uncheck();
    await expectAccessible(council, "role editor");
    await council.getByRole("button", { name: "Back to all roles" }).click();
    await council.getByRole("button", { name: "Save draft" }).click();
    await council.locator(".govuk-error-summary").waitFor();
    expect(await council.textContent(".govuk-error-summary")).toContain('("Night care worker") is a dead end');
    await council.getByRole("button", { name: "Change Night care worker" }).click();
    await council.getByLabel("Add a route to").selectOption({ label: "Supervisor or leader" });
    await council.getByLabel("How to get there").fill("Lead the night team after a year, with the Level 3 diploma.");
    await council.getByRole("button", { name: "Add the route" }).click();
    await council.getByText("Supervisor or leader: Lead the night team").waitFor();
    await council.getByRole("button", { name: "Back to all roles" }).click();
    await council.getByRole("button", { name: "Save draft" }).click();
    await council.getByText("Draft saved").waitFor();
    await council.getByRole("button", { name: /^Publish as version \d+$/ }).click();
    await council.getByText(/^Version \d+ published$/).waitFor();
    await expectAccessible(council, "council career framework");
    // The public roadmap shows the council's new role and its route.
    const roadmap = await browser.newPage();
    await roadmap.goto(`${baseUrl}/careers?council=halton`);
    const night = roadmap.locator("#role-new_role");
    await night.locator("summary").click();
    expect((await night.textContent()) ?? "").toContain("Night care worker");
    expect((await night.textContent()) ?? "").toContain("Supervisor or leader");
    await roadmap.close();

    const provider = await browser.newPage();
    await signIn(provider, baseUrl, "provider.admin@mersey-view.demo.test");
    await provider.waitForURL(/\/orgs\/[0-9a-f-]{36}$/);
    await provider.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Career framework" }).click();
    // The link to read it opens the council's version, with the council's own role.
    const read = provider.getByRole("link", { name: /^Read Halton.*'s version on the public roadmap$/ }).first();
    expect(await read.getAttribute("href")).toBe("/careers?council=halton");
    await read.click();
    await provider.getByRole("heading", { level: 1, name: "Careers in care and social work" }).waitFor();
    await provider.locator('[data-role="new_role"]').waitFor();
    expect(await provider.locator('[data-role="new_role"]').textContent()).toContain("Night care worker");
    await provider.goBack();
    await provider
      .getByRole("button", { name: /^Endorse version \d+$/ })
      .first()
      .click();
    await provider.getByText("Endorsed", { exact: true }).first().waitFor();
    await expectAccessible(provider, "provider career framework");
    await provider.close();

    await council.reload();
    const latest = council
      .getByRole("table", { name: "Published versions and who has endorsed them" })
      .getByRole("row")
      .nth(1);
    await latest.getByText(/^1 of \d+ providers$/).waitFor();
    const notYet = (await latest.getByRole("cell").nth(3).textContent()) ?? "";
    expect(notYet).not.toContain("Mersey View Care");
    expect(notYet.length).toBeGreaterThan(0);
    await screenshot(council, "career-framework-endorsements");
    await council.close();
  });
});
