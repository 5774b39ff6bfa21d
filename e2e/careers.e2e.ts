import { describe, expect, inject, it } from "vitest";
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
    // The map is drawn, one node per role.
    await page.locator(".app-chart svg").waitFor();
    expect(await page.locator(".app-chart").getAttribute("aria-label")).toMatch(
      /^Career roadmap: \d+ roles in 6 pathways/,
    );
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

  it("on a phone the map shows one pathway at a time, top to bottom", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/careers?council=halton`);
    await page.getByRole("heading", { level: 1, name: "Careers in care and social work" }).waitFor();
    const chooser = page.getByLabel("Show the map for");
    await page.locator(".app-chart svg").waitFor();
    expect(await page.locator(".app-chart").getAttribute("aria-label")).toContain(
      "Career roadmap for Adult social care",
    );
    expect(await page.locator(".app-chart svg").textContent()).toContain("Registered manager");
    await chooser.selectOption({ label: "Adult social work" });
    await page.waitForFunction(() =>
      document.querySelector(".app-chart")?.getAttribute("aria-label")?.includes("Adult social work"),
    );
    await page.locator(".app-chart svg").waitFor();
    const drawn = (await page.locator(".app-chart svg").textContent()) ?? "";
    expect(drawn).toContain("Principal social worker");
    expect(drawn).not.toContain("Registered manager");
    // Nothing is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(page, "career roadmap on a phone");
    await screenshot(page, "careers-roadmap-phone");
    await context.close();
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
    await page.getByLabel("By (optional)").fill("2027-03-31");
    await page.getByRole("button", { name: "Add goal" }).click();
    await page
      .getByRole("table", { name: "My goals" })
      .getByRole("cell", { name: "Complete the Level 2 Adult Social Care Certificate", exact: true })
      .waitFor();
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
