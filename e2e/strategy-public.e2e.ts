import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { axeViolations, browserForFile, screenshot, signIn } from "./browser";

// The demo council's published strategy progress (issue 16 item 6), plain and easy read, on a
// phone with no sign-in: no sideways scrolling, axe clean, no console errors, the recommendations
// and a progress count on the page, and no date written the way a computer writes it.

const baseUrl = inject("baseUrl");
const browser = browserForFile();

async function open(width: number, path: string) {
  const context = await browser.newContext({ viewport: { width, height: 812 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${baseUrl}${path}`);
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => !/Loading/.test(document.querySelector("main")?.textContent ?? ""), {
    timeout: 45_000,
  });
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  return { context, page, errors };
}

async function expectFits(page: Page, label: string) {
  const o = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: document.documentElement.clientWidth,
    widest: Array.from(document.querySelectorAll<HTMLElement>("body *"))
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`.slice(0, 80)),
  }));
  expect(o.scrollWidth, `${label} scrolls sideways at ${o.innerWidth} px (${o.widest.join(", ")})`).toBeLessThanOrEqual(
    o.innerWidth,
  );
  // Nothing sticks out, tables included: a phone reads the page without scrolling any part of it.
  expect(o.widest, `${label}: what sticks out`).toEqual([]);
}

async function expectClean(page: Page, errors: string[], label: string) {
  await expectFits(page, label);
  const serious = (await axeViolations(page))
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.targets.join("; ")})`);
  expect(serious, `${label}: axe`).toEqual([]);
  expect(errors, `${label}: console errors`).toEqual([]);
  const text = (await page.locator("main").textContent()) ?? "";
  expect(text.match(/\b\d{4}-\d{2}-\d{2}\b/)?.[0] ?? null, `${label}: a date written as YYYY-MM-DD`).toBeNull();
  return text;
}

describe("the demo council's public strategy progress", () => {
  it("plain English at 375 px: the recommendations, their progress and the figures, axe clean", async () => {
    const { context, page, errors } = await open(375, "/strategy/halton");
    await page.getByRole("heading", { level: 2, name: /^Recommendation 1: Joint recruitment/ }).waitFor();
    const text = await expectClean(page, errors, "public strategy at 375 px");
    expect(text).toContain("Halton");
    expect(await page.getByRole("heading", { level: 2, name: /^Recommendation \d+:/ }).count()).toBe(7);
    expect(await page.getByRole("heading", { level: 2, name: /^Enabler \d+:/ }).count()).toBe(3);
    // A progress count: the first recommendation's table, with a number of actions on track now.
    const table = page.locator("table").first();
    await expect
      .poll(() => table.locator("caption").textContent())
      .toMatch(/Progress of its \d+ actions at the end of each half-year/);
    const onTrack = table.getByRole("row", { name: /^On track/ });
    expect(((await onTrack.textContent()) ?? "").match(/\d+/)).not.toBeNull();
    expect(text).toContain("We report progress every six months");
    expect(text).toContain("The figures we are watching");
    expect(text).toContain("Vacancy rate");
    await screenshot(page, "strategy-public-375");
    await page.getByRole("link", { name: "Read this in easy read" }).click();
    await page.getByRole("heading", { level: 1, name: "Our plan for care workers: easy read" }).waitFor();
    await context.close();
  });

  it("easy read at 375 px: short lines in large text, an icon with words for each section, axe clean", async () => {
    const { context, page, errors } = await open(375, "/strategy/halton/easy-read");
    await page.getByRole("heading", { level: 2, name: "How we are doing" }).waitFor();
    const text = await expectClean(page, errors, "easy-read strategy at 375 px");
    expect(text).toContain("Joint recruitment across local employers.");
    expect(text).toMatch(/We will do 7 big things\./);
    expect(text).toMatch(/\d+ jobs? (is|are) going well\./);
    // Each section has a picture with words for those who cannot see it.
    const icons = page.locator("main svg[role=img]");
    expect(await icons.count()).toBeGreaterThanOrEqual(4);
    for (const icon of await icons.all())
      expect(((await icon.getAttribute("aria-label")) ?? "").length).toBeGreaterThan(3);
    // Large text: the lines are 24 px on a phone too.
    const size = await page
      .locator("main p.govuk-body-l")
      .first()
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(22);
    await screenshot(page, "strategy-easy-read-375");
    await context.close();
  });

  for (const path of ["/strategy/halton", "/strategy/halton/easy-read"])
    it(`${path} at 320 px does not scroll sideways`, async () => {
      const { context, page, errors } = await open(320, path);
      await page.getByRole("heading", { level: 2 }).first().waitFor();
      await expectClean(page, errors, `${path} at 320 px`);
      await context.close();
    });

  it("a council that does not publish, or does not exist, has no page", async () => {
    const { context, page } = await open(375, "/strategy/no-such-council");
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    await context.close();
  });

  it("the council admin stops publishing from the figures dashboard, and the page is gone until they publish again", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, baseUrl, "council.admin@halton.demo.test");
    await page.waitForURL((u) => u.pathname.startsWith("/orgs/"));
    const orgId = new URL(page.url()).pathname.split("/")[2];
    await page.goto(`${baseUrl}/orgs/${orgId}/figures`);
    await page.getByText("Public strategy progress:").waitFor({ timeout: 45_000 });
    // The dashboard draws its figures after the switch: click once nothing moves any more.
    await page.waitForLoadState("networkidle");
    await page.waitForFunction(() => !/Loading/.test(document.querySelector("main")?.textContent ?? ""), {
      timeout: 45_000,
    });
    await page.getByRole("button", { name: "Stop publishing strategy progress" }).click();
    await page.getByRole("button", { name: "Publish strategy progress" }).waitFor();
    const anyone = await browser.newContext({ viewport: { width: 375, height: 812 } });
    const reader = await anyone.newPage();
    await reader.goto(`${baseUrl}/strategy/halton`);
    await reader.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    await page.getByRole("button", { name: "Publish strategy progress" }).click();
    await page.getByRole("link", { name: "See the public progress page" }).waitFor();
    await reader.goto(`${baseUrl}/strategy/halton`);
    await reader.getByRole("heading", { level: 2, name: /^Recommendation 1:/ }).waitFor();
    await anyone.close();
    await context.close();
  });
});
