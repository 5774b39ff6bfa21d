import { describe, expect, inject, it } from "vitest";
import { browserForFile, expectAccessible, screenshot, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

describe("reference data in a real browser", () => {
  it("the hub admin sees pay floors and comparators with their sources and corrects one; the error summary names a bad value", async () => {
    const page = await browser.newPage();
    await signIn(page, baseUrl, "hub.admin@demo.test");
    await page.waitForURL(/\/(orgs|admin|no-organisation)/);
    await page.goto(`${baseUrl}/admin/reference`);
    await page.getByRole("heading", { level: 1, name: "Reference data" }).waitFor();
    await page.getByRole("table", { name: "National comparators" }).waitFor();
    const floors = await page.getByRole("table", { name: "Pay floors" }).textContent();
    expect(floors).toContain("£12.60");
    expect(floors).toContain("London");
    await expectAccessible(page, "reference data page");

    const row = page.getByRole("row").filter({ hasText: "vacancy_rate" }).filter({ hasText: "england, 2024/25" });
    await row.getByRole("button", { name: /Correct/ }).click();
    await page.getByLabel("Value").fill("seven per cent");
    await page.getByRole("button", { name: "Save correction" }).click();
    await page.locator(".govuk-error-summary").waitFor();
    expect(await page.locator(".govuk-error-summary").textContent()).toContain("fraction");
    await expectAccessible(page, "reference data correction with an error");
    await page.getByLabel("Value").fill("0.071");
    await page.getByRole("button", { name: "Save correction" }).click();
    await page.getByText("The figure has been corrected").waitFor();
    await row.getByText("7.1%").waitFor();
    await screenshot(page, "reference-data");
    await page.close();
  });

  it("the hub admin sees the whole hub's headline figures as the daily job last worked them out, with when", async () => {
    const page = await browser.newPage();
    await signIn(page, baseUrl, "hub.admin@demo.test");
    await page.waitForURL(/\/(orgs|admin|no-organisation)/);
    await page.getByRole("link", { name: "Whole hub figures" }).click();
    await page.getByRole("heading", { level: 1, name: "Figures for the whole hub" }).waitFor();
    // The job works them out when the hub starts; until then the page says so.
    for (let i = 0; i < 30 && !(await page.getByRole("table", { name: "Headline figures" }).count()); i++) {
      await page.waitForTimeout(2000);
      await page.reload();
      await page.getByRole("heading", { level: 1, name: "Figures for the whole hub" }).waitFor();
    }
    const table = page.getByRole("table", { name: "Headline figures" });
    expect(await table.getByRole("row", { name: /Filled posts/ }).textContent()).toMatch(/Filled posts[\d,]+/);
    expect((await page.locator("main").textContent()) ?? "").toMatch(/as at \d{1,2} [A-Z][a-z]+ \d{4}, worked out /);
    await expectAccessible(page, "whole hub figures");
    await page.close();
  });
});
