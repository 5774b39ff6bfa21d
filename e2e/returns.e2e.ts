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

  it("a provider sees its returns and submits one that is due: its status turns to Submitted", async () => {
    // The demo provider has submitted every past quarter, and the open quarter has not ended, so
    // the council first sets a period that has ended (mid-month: never a demo quarter's end).
    const now = new Date();
    const periodEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15)).toISOString().slice(0, 10);
    const dueDate = new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    const name = `Spot check ${periodEnd}`;
    const council = await browser.newPage();
    await signIn(council, baseUrl, "council.admin@halton.demo.test");
    await council.getByRole("heading", { level: 1, name: "Halton Borough Council (demo)" }).waitFor();
    await council.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Returns" }).click();
    await council.getByLabel("Name").fill(name);
    await council.getByLabel("Data as at").fill(periodEnd);
    await council.getByLabel("Due date").fill(dueDate);
    await council.getByRole("button", { name: "Set period" }).click();
    await council.getByRole("link", { name }).waitFor();
    await council.close();

    const page = await browser.newPage();
    await signIn(page, baseUrl, "provider.admin@mersey-view.demo.test");
    await page.getByRole("heading", { level: 1, name: "Mersey View Care (demo)" }).waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Returns" }).click();
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
