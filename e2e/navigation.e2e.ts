import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { axeViolations, browserForFile, signIn } from "./browser";

// Every page in the navigation, for every demo role, on a phone: no sideways scrolling, no console
// errors, axe clean, and no date shown the way a computer writes it (2026-12-04). Each failure is
// collected (expect.soft), so one run lists every page that needs work, not just the first.

const baseUrl = inject("baseUrl");
const browser = browserForFile();

/** The demo sign-ins (src/server/modules/demo/seed.ts), one per role. */
const ROLES = [
  "hub.admin@demo.test",
  "council.admin@halton.demo.test",
  "analyst@halton.demo.test",
  "commissioner@halton.demo.test",
  "provider.admin@mersey-view.demo.test",
  "editor@mersey-view.demo.test",
  "viewer@mersey-view.demo.test",
  "trainer@riverside.demo.test",
  "care.worker@mersey-view.demo.test",
  "candidate@halton.demo.test",
];

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

/** Waits until the page has drawn what it loads: no request in flight and no "Loading…" left. */
async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => !/Loading|Checking your/.test(document.querySelector("main")?.textContent ?? ""), {
    timeout: 45_000,
  });
  await page.getByRole("heading", { level: 1 }).first().waitFor();
}

/** The addresses the main navigation offers (whether or not the phone menu is open). */
async function navLinks(page: Page): Promise<{ href: string; label: string }[]> {
  await page.locator(".app-service-nav nav").first().waitFor({ state: "attached" });
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLAnchorElement>(".app-service-nav nav a")).map((a) => ({
      href: new URL(a.href).pathname,
      label: a.textContent?.trim() ?? "",
    })),
  );
}

async function horizontalOverflow(page: Page) {
  // The phone's width is the layout viewport's (clientWidth). A phone browser widens
  // window.innerWidth to whatever the page needs and zooms out, so comparing with it passes a page
  // that is too wide (the dashboard was 733 px at 375 and passed).
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: document.documentElement.clientWidth,
    // What sticks out, to make a failure easy to fix.
    widest: Array.from(document.querySelectorAll<HTMLElement>("body *"))
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`.slice(0, 80)),
  }));
}

/** Visits one page and checks it, recording each problem softly. */
async function checkPage(page: Page, path: string, label: string, errors: string[]) {
  errors.length = 0;
  await page.goto(`${baseUrl}${path}`);
  await settle(page);
  const overflow = await horizontalOverflow(page);
  expect
    .soft(
      overflow.scrollWidth,
      `${label}: scrolls sideways at ${overflow.innerWidth} px (${overflow.widest.join(", ")})`,
    )
    .toBeLessThanOrEqual(overflow.innerWidth);
  await page.waitForTimeout(100);
  expect.soft([...errors], `${label}: console errors`).toEqual([]);
  // What people read: a JSON dump or code is for machines (none is left in the pages, but a <pre> may be).
  const text = await page.locator("main").evaluate((m) => {
    const copy = m.cloneNode(true) as HTMLElement;
    for (const el of Array.from(copy.querySelectorAll("pre, code, input, textarea, script"))) el.remove();
    return copy.textContent ?? "";
  });
  expect.soft(text.match(ISO_DATE)?.[0] ?? null, `${label}: a date written as YYYY-MM-DD`).toBeNull();
  await expectAccessibleSoftly(page, label);
}

async function expectAccessibleSoftly(page: Page, label: string) {
  const serious = (await axeViolations(page))
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.targets.join("; ")})`);
  expect.soft(serious, `${label}: axe`).toEqual([]);
}

async function phone(width: number, email: string) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await signIn(page, baseUrl, email);
  await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
  await settle(page);
  return { context, page, errors };
}

describe("every page in the navigation, for every demo role, at 375 px", () => {
  for (const email of ROLES) {
    it(`${email}`, { timeout: 600_000 }, async () => {
      const { context, page, errors } = await phone(375, email);
      const links = await navLinks(page);
      expect(links.length, "the navigation has pages").toBeGreaterThan(0);
      for (const { href, label } of links) await checkPage(page, href, `${email} → ${label} (${href})`, errors);
      await context.close();
    });
  }
});

describe("the widest lists at 320 px", () => {
  for (const email of ["council.admin@halton.demo.test", "provider.admin@mersey-view.demo.test"]) {
    it(`${email}: Staff, Users and Returns do not scroll sideways`, { timeout: 300_000 }, async () => {
      const { context, page, errors } = await phone(320, email);
      const links = (await navLinks(page)).filter((l) => ["Staff", "Users", "Returns"].includes(l.label));
      expect(links.length).toBeGreaterThanOrEqual(2);
      for (const { href, label } of links) await checkPage(page, href, `${email} → ${label} at 320 px`, errors);
      await context.close();
    });
  }
});

describe("the navigation on a phone", () => {
  it("collapses behind a Menu button, opens and marks the current page", async () => {
    const { context, page } = await phone(375, "council.admin@halton.demo.test");
    const nav = page.getByRole("navigation", { name: "Main" });
    const button = nav.getByRole("button", { name: "Menu" });
    await button.waitFor();
    expect(await button.getAttribute("aria-expanded")).toBe("false");
    expect(await nav.getByRole("link", { name: "Users" }).isVisible()).toBe(false);
    await button.click();
    expect(await button.getAttribute("aria-expanded")).toBe("true");
    await nav.getByRole("link", { name: "Users" }).click();
    await page.getByRole("heading", { level: 1, name: "Users" }).waitFor();
    // Choosing a page closes the menu; the current page is marked for screen readers.
    expect(await nav.getByRole("button", { name: "Menu" }).getAttribute("aria-expanded")).toBe("false");
    await nav.getByRole("button", { name: "Menu" }).click();
    expect(await nav.getByRole("link", { name: "Users" }).getAttribute("aria-current")).toBe("page");
    expect(await nav.getByRole("link", { name: "Home" }).getAttribute("aria-current")).toBeNull();
    await context.close();
  });

  it("shows every link without a Menu button on a wide screen", async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, baseUrl, "council.admin@halton.demo.test");
    await page.waitForURL(/\/orgs\//);
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Users" }).waitFor();
    expect(await nav.getByRole("button", { name: "Menu" }).isVisible()).toBe(false);
    expect(await nav.getByRole("link", { name: "Home" }).getAttribute("aria-current")).toBe("page");
    await page.close();
  });

  it("printing adds no web addresses after links", async () => {
    const page = await browser.newPage();
    await signIn(page, baseUrl, "council.admin@halton.demo.test");
    await page.waitForURL(/\/orgs\//);
    await page.locator("main a.govuk-link[href^='/']").first().waitFor();
    await page.emulateMedia({ media: "print" });
    const after = await page.evaluate(() =>
      Array.from(document.querySelectorAll("a[href]"))
        .map((a) => getComputedStyle(a, "::after").content)
        .filter((c) => c !== "none" && c !== "normal" && c !== '""'),
    );
    expect(after).toEqual([]);
    await page.close();
  });

  it("framework edits that are not saved are not lost without a warning", async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, baseUrl, "council.admin@halton.demo.test");
    await page.waitForURL(/\/orgs\/[0-9a-f-]{36}$/);
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Career framework" }).click();
    await page.getByRole("button", { name: "Add a role" }).waitFor();
    // Nothing changed yet: leaving asks nothing.
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      // Stay the first time, leave the second.
      void (dialogs.length === 1 ? d.dismiss() : d.accept());
    });
    await nav.getByRole("link", { name: "Users" }).click();
    await page.getByRole("heading", { level: 1, name: "Users" }).waitFor();
    expect(dialogs).toEqual([]);
    await page.goBack();
    await page.getByRole("button", { name: "Change Social work student or apprentice" }).click();
    await page.getByLabel("Pay guidance").fill("Grade 6");
    // The tab's own warning before it is closed or reloaded.
    expect(
      await page.evaluate(() => !window.dispatchEvent(new Event("beforeunload", { cancelable: true }))),
      "beforeunload is stopped",
    ).toBe(true);
    await nav.getByRole("link", { name: "Users" }).click();
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toContain("You have changes that are not saved");
    expect(new URL(page.url()).pathname).toMatch(/career-framework$/);
    expect(await page.getByLabel("Pay guidance").inputValue()).toBe("Grade 6");
    await nav.getByRole("link", { name: "Users" }).click();
    await page.getByRole("heading", { level: 1, name: "Users" }).waitFor();
    expect(dialogs).toHaveLength(2);
    await page.close();
  });

  it("the sign-in page of the demo says where its sign-ins are", async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    const notice = page.locator("#demo-sign-ins");
    await notice.waitFor();
    expect(await notice.textContent()).toContain("demo sign-in for each role");
    expect(await notice.textContent()).toContain("README");
    await page.close();
  });

  it("home pages offer each role its tasks, and the API-token link only to organisation admins", async () => {
    const tasksOf = async (email: string) => {
      const page = await browser.newPage();
      await signIn(page, baseUrl, email);
      await page.waitForURL(/\/orgs\/[0-9a-f-]{36}$/);
      await page.getByRole("heading", { level: 2, name: "What you can do" }).waitFor();
      const tasks = await page.locator("main ul li > a").allTextContents();
      await page.close();
      return tasks;
    };
    const admin = await tasksOf("provider.admin@mersey-view.demo.test");
    expect(admin).toContain("Connect another system through the API");
    expect(admin).toContain("Send your workforce return");
    const viewer = await tasksOf("viewer@mersey-view.demo.test");
    expect(viewer).not.toContain("Connect another system through the API");
    expect(viewer).not.toContain("Upload your ASC-WDS files");
    expect(viewer).toContain("See your staff records");
  });
});
