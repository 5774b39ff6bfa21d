import { describe, expect, inject, it } from "vitest";
import { browserForFile, expectAccessible, screenshot, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

describe("workforce figures in a real browser", () => {
  it("the council sees its system's headline figures against a quarter ago and England; a provider sees its own", async () => {
    const page = await browser.newPage();
    await signIn(page, baseUrl, "analyst@halton.demo.test");
    await page.waitForURL(/\/orgs\/[0-9a-f-]{36}$/);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workforce figures" }).click();
    await page.getByRole("heading", { level: 1, name: "Workforce figures" }).waitFor();
    const table = page.getByRole("table", { name: /Headline figures as at/ });
    await table.waitFor();
    const vacancy = page.getByRole("row").filter({ hasText: "Vacancy rate" });
    await vacancy.getByText("Skills for Care, 2024/25").waitFor();
    const cells = await vacancy.getByRole("cell").allTextContents();
    expect(cells[1]).toMatch(/^\d+\.\d%$/); // now
    // England's latest published figure (the reference browser test may publish a newer one first).
    expect(cells[3]).toMatch(/^\d+\.\d%$/);
    expect(
      await page.getByRole("row").filter({ hasText: "Filled posts" }).getByRole("cell").nth(1).textContent(),
    ).toMatch(/^\d{1,3}(,\d{3})*$/);
    await expectAccessible(page, "council workforce figures");
    await screenshot(page, "council-figures");

    // The dashboard opens with what needs attention, each item linked to its detail, and a small
    // trend line for every headline figure; the long breakdowns are on pages of their own.
    const attention = page.getByRole("region", { name: "What needs attention" });
    await attention.waitFor();
    expect(await attention.getByRole("listitem").count()).toBeGreaterThan(0);
    expect(await attention.getByRole("link").count()).toBe(await attention.getByRole("listitem").count());
    expect(await table.locator(".app-sparkline svg").count()).toBeGreaterThan(10);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(5000); // was 14,000 px of tables
    await screenshot(page, "council-dashboard");
    const csv = decodeURIComponent(
      (await page.getByRole("link", { name: /Download this table as CSV.*Headline figures/ }).getAttribute("href")) ??
        "",
    );
    // A CSV for people: percentages to one decimal with the unit in its own column, words for no value.
    const vacancyLine = csv.split("\r\n").find((l) => l.startsWith("Vacancy rate,")) ?? "";
    expect(vacancyLine).toMatch(/^Vacancy rate,%,\d+\.\d,/);
    expect(csv.split("\r\n")[0]).toContain("Figure,Unit,Now,A quarter ago");

    // Quarter by quarter: the trend is drawn (SVG) with its table beside it; the figure is in the address.
    await page.getByRole("link", { name: "Quarter by quarter" }).click();
    await page.getByRole("heading", { level: 1, name: "Quarter by quarter" }).waitFor();
    await page.locator(".app-chart svg").first().waitFor();
    expect(await page.getByRole("table", { name: "Vacancy rate at each quarter end" }).getByRole("row").count()).toBe(
      9,
    );
    await page.getByLabel("Figure to show").selectOption("turnover_rate");
    await page.getByRole("table", { name: "Turnover rate at each quarter end" }).waitFor();
    expect(page.url()).toContain("figure=turnover_rate");
    await expectAccessible(page, "quarter by quarter");
    await page.getByRole("link", { name: "Back to the workforce figures" }).click();

    // The age pyramid, pay against the pay floors, and where leavers went: each drawn, with its table.
    await page.getByRole("link", { name: "Ages, pay, leavers and careers" }).click();
    await page.getByRole("heading", { level: 1, name: "Ages, pay, leavers and careers" }).waitFor();
    await page.getByRole("table", { name: "Workforce by age band and gender" }).waitFor();
    expect(await page.getByRole("table", { name: "Workforce by age band and gender" }).getByRole("row").count()).toBe(
      12,
    );
    expect(
      await page.getByRole("table", { name: "Care-providing staff by hourly pay" }).getByRole("row").count(),
    ).toBeGreaterThan(3);
    expect(
      await page.getByText(/against the National Living Wage \(\d{4}\) of £\d+\.\d\d and the Real Living Wage/).count(),
    ).toBe(1);
    const went = await page
      .getByRole("table", { name: "Where leavers went" })
      .getByRole("row")
      .filter({ hasText: "Another provider in this area" })
      .getByRole("cell")
      .allTextContents();
    expect(Number(went[1].replace(/,/g, ""))).toBeGreaterThanOrEqual(0);
    await expect.poll(() => page.locator(".app-chart svg").count(), { timeout: 10_000 }).toBe(3);
    // The workforce across the career framework's roles.
    expect(
      await page
        .getByRole("table", { name: "Workforce by framework role" })
        .getByRole("row")
        .filter({ hasText: "Care or support worker" })
        .count(),
    ).toBe(1);
    expect(await page.getByText(/moved up a route of the framework in the last 12 months/).count()).toBe(1);
    await expectAccessible(page, "the workforce's ages, pay and leavers");
    await page.getByRole("link", { name: "Back to the workforce figures" }).click();

    // Providers sort by a column; a provider's name drills down to its own figures.
    await page.getByRole("link", { name: "By provider" }).click();
    const byProvider = page.getByRole("table", { name: /Figures by provider/ });
    const vacancyHeader = byProvider.getByRole("columnheader", { name: "Vacancy rate" });
    await vacancyHeader.getByRole("button").click();
    expect(await vacancyHeader.getAttribute("aria-sort")).toBe("ascending");
    const rates = (await byProvider.locator("tbody tr td:nth-child(3)").allTextContents()).map((t) =>
      Number.parseFloat(t),
    );
    expect(rates.filter((r) => !Number.isNaN(r))).toEqual(
      [...rates.filter((r) => !Number.isNaN(r))].sort((a, b) => a - b),
    );
    await vacancyHeader.getByRole("button").click();
    expect(await vacancyHeader.getAttribute("aria-sort")).toBe("descending");
    const first = byProvider.locator("tbody tr").first().getByRole("link");
    const providerName = (await first.textContent()) ?? "";
    await first.click();
    await page.getByRole("heading", { level: 1, name: providerName }).waitFor();
    await page.getByRole("table", { name: /Headline figures as at/ }).waitFor();
    await expectAccessible(page, "one provider's figures");
    await page.getByRole("link", { name: "Back to all providers" }).click();
    await page.getByRole("heading", { level: 1, name: "By provider" }).waitFor();
    await page.close();

    // The council admin sets a vacancy rate target; the dashboard then says how each figure stands.
    const admin = await browser.newPage();
    await signIn(admin, baseUrl, "council.admin@halton.demo.test");
    await admin.waitForURL(/\/orgs\/[0-9a-f-]{36}$/);
    await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workforce figures" }).click();
    await admin.getByRole("link", { name: "Set targets" }).click();
    await admin.getByRole("heading", { level: 1, name: "Targets" }).waitFor();
    await admin.getByLabel("Vacancy rate").fill("lots");
    await admin.getByRole("button", { name: "Save targets" }).click();
    await admin.getByRole("link", { name: /Enter each target as a number/ }).waitFor();
    await expectAccessible(admin, "targets with an error");
    await admin.getByLabel("Vacancy rate").fill("0.1");
    await admin.getByRole("button", { name: "Save targets" }).click();
    await admin.getByText("Targets saved").waitFor();
    await admin.getByRole("link", { name: "Back to the figures" }).click();
    // Off target now, so the dashboard opens with it, linked to its trend.
    await admin
      .getByRole("region", { name: "What needs attention" })
      .getByText(/Vacancy rate is \d+\.\d%, off its target of 0\.1%/)
      .waitFor();
    const vacancyRow = admin
      .getByRole("table", { name: /Headline figures as at/ })
      .getByRole("row")
      .filter({ hasText: "Vacancy rate" });
    await vacancyRow.getByText("0.1%").waitFor();
    expect(await vacancyRow.getByText("Off target").count()).toBe(1);

    // The council publishes its public page; anyone can read it without signing in.
    await admin.getByRole("button", { name: "Switch the public page on" }).click();
    const publicHref = await admin.getByRole("link", { name: "See the public page" }).getAttribute("href");
    expect(publicHref).toBe("/state-of-the-workforce/halton");
    await admin.close();
    const visitor = await browser.newPage();
    await visitor.goto(`${baseUrl}${publicHref}`);
    await visitor.getByRole("heading", { level: 1, name: "The state of the care workforce" }).waitFor();
    const filled = await visitor
      .getByRole("row")
      .filter({ hasText: "Filled posts" })
      .getByRole("cell")
      .nth(1)
      .textContent();
    expect(Number((filled ?? "").replace(/,/g, "")) % 5).toBe(0); // counts rounded to the nearest 5
    expect(await visitor.getByText("Download these figures as CSV").count()).toBe(1);
    await expectAccessible(visitor, "public workforce page");
    await screenshot(visitor, "public-workforce-page");
    await visitor.close();

    const provider = await browser.newPage();
    await signIn(provider, baseUrl, "viewer@mersey-view.demo.test");
    await provider.waitForURL(/\/orgs\/[0-9a-f-]{36}$/);
    // The provider's home page: a few of its own figures, and what it must do next.
    await provider.getByRole("heading", { level: 2, name: "Your figures today" }).waitFor();
    expect(await provider.locator(".app-figure").filter({ hasText: "vacancy rate (a quarter ago:" }).count()).toBe(1);
    await provider.getByRole("region", { name: "What to do next" }).waitFor();
    await screenshot(provider, "provider-home");
    await provider.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workforce figures" }).click();
    await provider.getByRole("table", { name: /Headline figures as at/ }).waitFor();
    expect(await provider.textContent("main")).toContain("Your workplaces");
    // Its own figure beside the comparison group's: a figure, or a reason when the group is too small.
    const row = await provider
      .getByRole("row")
      .filter({ hasText: "Turnover rate" })
      .getByRole("cell")
      .allTextContents();
    expect(row[1]).toMatch(/^\d+\.\d%$/);
    await provider.getByRole("columnheader", { name: "Similar providers nearby" }).waitFor();
    const groupCell = async () =>
      (await provider.getByRole("row").filter({ hasText: "Turnover rate" }).getByRole("cell").allTextContents())[3];
    await expect.poll(groupCell, { timeout: 10_000 }).toMatch(/^(\d+\.\d%|Not enough data)$/);
    await provider.getByRole("columnheader", { name: "Your rank" }).waitFor();
    await provider.getByRole("table", { name: "Completeness by field" }).waitFor();
    await provider.getByRole("region", { name: "What needs attention" }).waitFor();
    await screenshot(provider, "provider-figures");
    await expectAccessible(provider, "provider workforce figures");
    await provider.close();
  });

  it("the dashboard fits a phone: its wide tables scroll inside themselves, the page does not", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await signIn(page, baseUrl, "council.admin@halton.demo.test");
    await page.waitForURL(/\/orgs\/[0-9a-f-]{36}$/);
    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Menu" }).click();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workforce figures" }).click();
    await page.getByRole("table", { name: /Headline figures as at/ }).waitFor();
    // The hidden words beside each small trend line sat outside the table's scroll box and
    // stretched the page to 733 px: a phone then zooms out and taps land on the wrong thing.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // A tap on a button below the wide table reaches the button.
    const toggle = page.getByRole("button", { name: /^Switch the public page (on|off)$/ });
    const before = await toggle.textContent();
    await toggle.click();
    await expect.poll(() => toggle.textContent()).not.toBe(before);
    await toggle.click(); // as it was
    await screenshot(page, "council-dashboard-375");
    await context.close();
  });
});
