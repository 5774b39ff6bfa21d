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

describe("careers in a real browser", () => {
  it("anyone can read the career roadmap, with what each role needs, how to get there and local vacancies", async () => {
    const page = await browser.newPage(contextOptions);
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
    const role = page.locator("#role-supervisor_leader");
    await role.locator("summary").click();
    await role.getByRole("heading", { name: "What you need" }).waitFor();
    const text = (await role.textContent()) ?? "";
    expect(text).toContain("Care Certificate");
    expect(text).toContain("Lead adult care worker apprenticeship");
    expect(text).toMatch(/\d+ vacanc(y|ies) open now with care employers in Halton/);
    await expectAccessible(page, "career roadmap");
    await screenshot(page, "careers-roadmap");
    await page.close();
  });

  it("a staff member finds their next step and what they still need for it", async () => {
    const page = await browser.newPage(contextOptions);
    await signIn(page, baseUrl, "care.worker@mersey-view.demo.test");
    await page.waitForURL(/\/orgs\/[0-9a-f-]{36}$/);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My career" }).click();
    await page.getByRole("heading", { level: 1, name: "My career" }).waitFor();
    await page.getByRole("heading", { level: 2, name: /^You are a / }).waitFor();
    const steps = page.locator("main section");
    expect(await steps.count()).toBeGreaterThan(0);
    const first = steps.first();
    expect(await first.getByRole("heading", { name: "You have" }).count()).toBe(1);
    expect(await first.getByRole("heading", { name: "You still need" }).count()).toBe(1);
    expect((await first.textContent()) ?? "").toContain("How:");
    await expectAccessible(page, "my career");
    await screenshot(page, "my-career");
    await page.close();
  });
});
