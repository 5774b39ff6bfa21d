import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { contextOptions, expectAccessible, launch, screenshot, signIn } from "./browser";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("workforce figures in a real browser", () => {
  it("the council sees its system's headline figures against a quarter ago and England; a provider sees its own", async () => {
    const page = await browser.newPage(contextOptions);
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
    expect(cells[3]).toBe("7.0%"); // England, 2024/25
    expect(await page.getByRole("row").filter({ hasText: "Filled posts" }).getByRole("cell").nth(1).textContent()).toMatch(/^\d{1,3}(,\d{3})*$/);
    await expectAccessible(page, "council workforce figures");
    await screenshot(page, "council-figures");
    await page.close();

    const provider = await browser.newPage(contextOptions);
    await signIn(provider, baseUrl, "viewer@mersey-view.demo.test");
    await provider.waitForURL(/\/orgs\/[0-9a-f-]{36}$/);
    await provider.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workforce figures" }).click();
    await provider.getByRole("table", { name: /Headline figures as at/ }).waitFor();
    expect(await provider.textContent("main")).toContain("Your workplaces");
    // Its own figure beside the comparison group's: a figure, or a reason when the group is too small.
    const row = await provider.getByRole("row").filter({ hasText: "Turnover rate" }).getByRole("cell").allTextContents();
    expect(row[1]).toMatch(/^\d+\.\d%$/);
    await provider.getByRole("columnheader", { name: "Similar providers nearby" }).waitFor();
    const groupCell = async () => (await provider.getByRole("row").filter({ hasText: "Turnover rate" }).getByRole("cell").allTextContents())[3];
    await expect.poll(groupCell, { timeout: 10_000 }).toMatch(/^(\d+\.\d%|Not enough data)$/);
    await screenshot(provider, "provider-figures");
    await expectAccessible(provider, "provider workforce figures");
    await provider.close();
  });
});
