import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { longDate } from "../src/shared/dates";
import { browserForFile, expectAccessible, screenshot, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

describe("returns in a browser", () => {
  it("the council sees who has and has not submitted each quarter", async () => {
    const page = await browser.newPage();
    await signIn(page, baseUrl, "council.admin@halton.demo.test");
    await page.getByRole("heading", { level: 1, name: "Halton Borough Council (demo)" }).waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Returns", exact: true }).click();
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

  const isoParts = (iso: string) => ({ day: iso.slice(8), month: iso.slice(5, 7), year: iso.slice(0, 4) });
  const fillDate = async (page: Page, id: string, parts: { day: string; month: string; year: string }) => {
    for (const [part, value] of Object.entries(parts)) await page.locator(`#${id}-${part}`).fill(value);
  };

  it("a provider sees its returns and submits one that is due: its status turns to Submitted", async () => {
    // The demo provider has submitted every past quarter, and the open quarter has not ended, so
    // the council first sets a period that has ended (mid-month: never a demo quarter's end).
    const now = new Date();
    const periodEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15)).toISOString().slice(0, 10);
    const dueDate = new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    const name = `Spot check ${longDate(periodEnd)}`;
    const council = await browser.newPage();
    await signIn(council, baseUrl, "council.admin@halton.demo.test");
    await council.getByRole("heading", { level: 1, name: "Halton Borough Council (demo)" }).waitFor();
    await council.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Returns", exact: true }).click();
    await council.getByLabel("Name").fill(name);
    // The GOV.UK date input: a date that does not exist and one left out are refused, in its words.
    await fillDate(council, "period-end", { day: "31", month: "2", year: periodEnd.slice(0, 4) });
    await council.getByRole("button", { name: "Set period" }).click();
    const summary = council.locator(".govuk-error-summary");
    await summary.waitFor();
    expect(await summary.getByRole("link").allTextContents()).toEqual([
      "Data as at date must be a real date",
      "Enter the due date",
    ]);
    expect(await summary.getByRole("link").first().getAttribute("href")).toBe("#period-end-day");
    expect(await council.locator("#period-end-month").getAttribute("class")).not.toContain("govuk-input--error");
    await expectAccessible(council, "setting a return period with errors");
    await fillDate(council, "period-end", isoParts(periodEnd));
    await fillDate(council, "period-due", isoParts(dueDate));
    await council.getByRole("button", { name: "Set period" }).click();
    await council.getByRole("link", { name }).waitFor();
    await council.close();

    const page = await browser.newPage();
    await signIn(page, baseUrl, "provider.admin@mersey-view.demo.test");
    await page.getByRole("heading", { level: 1, name: "Mersey View Care (demo)" }).waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Returns", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Workforce returns" }).waitFor();
    await page.getByRole("table").waitFor();
    expect(await page.locator("tbody tr").count()).toBe(6);
    await expectAccessible(page, "provider returns");
    const row = page.getByRole("row").filter({ hasText: name });
    await expect.poll(() => row.locator(".govuk-tag").textContent()).toBe("Not started");
    await row.getByRole("button", { name: `Submit the return for ${name}` }).click();
    // The list is read again from the hub after the submission: the status is the hub's.
    await expect.poll(() => row.locator(".govuk-tag").textContent(), { timeout: 15_000 }).toBe("Submitted");
    await expect.poll(() => row.getByRole("button").count()).toBe(0);
    await page.reload();
    await page.getByRole("table").waitFor();
    expect(await page.getByRole("row").filter({ hasText: name }).locator(".govuk-tag").textContent()).toBe("Submitted");
    await page.close();
  });
});
