import { describe, expect, inject, it } from "vitest";
import { browserForFile, expectAccessible, screenshot, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

describe("returns in a browser", () => {
  it("the council sees who has and has not submitted each quarter", async () => {
    const page = await browser.newPage();
    await signIn(page, baseUrl, "council.admin@halton.demo.test");
    await page.getByRole("heading", { level: 1, name: "Halton Borough Council (demo)" }).waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Returns" }).click();
    await page.getByRole("heading", { level: 1, name: "Workforce returns" }).waitFor();
    await page.getByRole("table").waitFor();
    expect(await page.locator("tbody tr").count()).toBe(5);
    await expectAccessible(page, "council returns");
    await page.locator("tbody tr").nth(1).getByRole("link").click();
    await page.getByRole("table", { name: "Providers" }).waitFor();
    expect(await page.locator("tbody tr").count()).toBe(40);
    expect(await page.locator(".govuk-tag--green").count()).toBeGreaterThan(20);
    await expectAccessible(page, "a return period");
    await screenshot(page, "council-return-period");
    await page.close();
  });

  it("a provider sees its returns and can submit one that is due", async () => {
    const page = await browser.newPage();
    await signIn(page, baseUrl, "provider.admin@mersey-view.demo.test");
    await page.getByRole("heading", { level: 1, name: "Mersey View Care (demo)" }).waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Returns" }).click();
    await page.getByRole("heading", { level: 1, name: "Workforce returns" }).waitFor();
    await page.getByRole("table").waitFor();
    expect(await page.locator("tbody tr").count()).toBe(5);
    await expectAccessible(page, "provider returns");
    const submit = page.getByRole("button", { name: /^Submit/ });
    if ((await submit.count()) > 0) {
      const before = await page.locator(".govuk-tag--red").count();
      await submit.first().click();
      await page.waitForFunction((n) => document.querySelectorAll(".govuk-tag--red").length === n, before);
    }
    await page.close();
  });
});
