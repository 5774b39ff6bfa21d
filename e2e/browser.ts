import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const DEMO_PASSWORD = "demo-password-2026";

/** Pages are opened with the CSP bypassed only so axe can be injected; the app's own CSP stays strict. */
export const contextOptions = { bypassCSP: true } as const;

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Chromium for one test file: launched before its tests, closed after them; pages open with contextOptions. */
export function browserForFile() {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const launched = () => {
    if (!browser) throw new Error("The browser is launched in beforeAll: open pages inside tests.");
    return browser;
  };
  return {
    newPage: () => launched().newPage(contextOptions),
    newContext: (options: BrowserContextOptions) => launched().newContext({ ...contextOptions, ...options }),
  };
}

/** Runs axe on the page and fails on any serious or critical violation, listing them. */
export async function expectAccessible(page: Page, label: string) {
  const result = await axeViolations(page);
  const serious = result.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious, `axe on ${label}`).toEqual([]);
  return result;
}

/** Every axe violation on the page, with its rule, impact and the first few elements at fault. */
export async function axeViolations(page: Page) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    const r = await (
      window as unknown as {
        axe: {
          run: (
            o: unknown,
          ) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe.run({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 3),
    }));
  });
  return result;
}

export async function screenshot(page: Page, name: string) {
  mkdirSync("test-results", { recursive: true });
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
}

let nextAddress = 1;

/**
 * Signs in through the form. Each page comes from its own address (the test server trusts
 * X-Forwarded-For, as behind a proxy), so the per-address sign-in throttle (20 in 10 minutes)
 * does not couple one test file's sign-ins to another's, as a real office of users would not be.
 */
export async function signIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD) {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${nextAddress++ % 250}` });
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Waits until the page has drawn what it loads: no request in flight and no "Loading…" left. */
export async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => !/Loading/.test(document.querySelector("main")?.textContent ?? ""), {
    timeout: 45_000,
  });
  await page.getByRole("heading", { level: 1 }).first().waitFor();
}

/**
 * Fails when the page scrolls sideways. Measured against the phone's width, the layout viewport
 * (clientWidth): a phone browser widens window.innerWidth to whatever the page needs and zooms out,
 * so a page too wide would pass a check against it. Tables scroll inside their own box.
 */
export async function expectNoSidewaysScroll(page: Page, label: string) {
  const o = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
    widest: Array.from(document.querySelectorAll<HTMLElement>("body *"))
      .filter(
        (el) =>
          el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !el.closest(".app-table-wrap"),
      )
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
  }));
  expect(o.scrollWidth, `${label} scrolls sideways (${o.widest.join(", ")})`).toBeLessThanOrEqual(o.width);
}

/**
 * A 375 px phone signed in as `email`, collecting console and page errors (`ignore` drops the
 * ones a test provokes on purpose), with the id of the council the person reaches.
 */
export async function councilPhone(
  browser: ReturnType<typeof browserForFile>,
  baseUrl: string,
  email: string,
  ignore?: RegExp,
) {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && !ignore?.test(m.text())) errors.push(m.text());
  });
  await signIn(page, baseUrl, email);
  await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
  await settle(page);
  const me = await page.evaluate(() => fetch("/api/auth/me").then((r) => r.json()));
  const council = (me.memberships as { id: string; kind: string }[]).find((m) => m.kind === "council");
  if (!council) throw new Error(`${email} is in no council`);
  return { context, page, errors, orgId: council.id };
}
