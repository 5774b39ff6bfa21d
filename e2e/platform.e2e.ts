import { get } from "node:http";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { browserForFile, expectAccessible, screenshot, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const browser = browserForFile();
let page: Page;

describe("platform in a real browser", () => {
  it("the sign-in page is accessible, and a wrong password shows a GOV.UK error summary", async () => {
    page = await browser.newPage();
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/sign-in/);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Sign in");
    await expectAccessible(page, "sign-in page");
    await signIn(page, baseUrl, "council.admin@halton.demo.test", "not the right password");
    const summary = page.locator(".govuk-error-summary");
    await summary.waitFor();
    expect(await summary.textContent()).toContain("Enter a correct email address and password");
    await expectAccessible(page, "sign-in page with an error");
    await page.close();
  });

  it("the council admin signs in and sees the council home page, then manages users", async () => {
    page = await browser.newPage();
    await signIn(page, baseUrl, "council.admin@halton.demo.test");
    await page.waitForURL(/\/orgs\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { level: 1, name: "Halton Borough Council (demo)" }).waitFor();
    const body = await page.textContent("main");
    expect(body).toContain("commissioned providers");
    // 40 care providers and the 2 training partners whose courses are in the area's catalogue.
    expect(body).toMatch(/42\s*commissioned providers/);
    expect(await page.textContent(".govuk-phase-banner")).toContain("demonstration");
    await expectAccessible(page, "council home page");
    await screenshot(page, "council-home");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
    await page.getByRole("heading", { level: 1, name: "Users" }).waitFor();
    await page.getByRole("table").first().waitFor();
    expect(await page.textContent("main")).toContain("council.admin@halton.demo.test");
    await expectAccessible(page, "user management page");

    // Invite someone, with a validation error first.
    await page.getByRole("button", { name: "Send invitation" }).click();
    await page.locator(".govuk-error-summary").waitFor();
    await expectAccessible(page, "user management page with errors");
    await page.getByLabel("Email address").fill("new.analyst@example.test");
    await page.getByLabel("Role", { exact: true }).selectOption("council_analyst");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await page.getByText("We have emailed an invitation to new.analyst@example.test").waitFor();
    await page.getByRole("cell", { name: "new.analyst@example.test", exact: true }).waitFor();
    await screenshot(page, "council-users");

    // An API token for the council's own services: the secret is shown once.
    await page.getByLabel("Token name").fill("Council HR system");
    await page.getByRole("button", { name: "Create token" }).click();
    await page.getByText("Copy the token now").waitFor();
    expect(await page.locator(".govuk-panel code").textContent()).toMatch(/^hub_/);
    await page.getByRole("cell", { name: "Council HR system", exact: true }).waitFor();
    await expectAccessible(page, "user management page with an API token");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Providers" }).click();
    await page.getByRole("heading", { level: 1, name: "Providers" }).waitFor();
    await page.getByText("Providers you commission (42)").waitFor();
    expect(await page.getByRole("row").count()).toBe(43);
    await expectAccessible(page, "providers page");
    await page.close();
  });

  it("works on a phone: no sideways scrolling on sign-in and home", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await signIn(page, baseUrl, "provider.admin@mersey-view.demo.test");
    await page.getByRole("heading", { level: 1, name: /Mersey View Care/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(page, "provider home on a phone");
    await screenshot(page, "provider-home-phone");
    await context.close();
  });

  it("sends its scripts compressed, as the build wrote them", async () => {
    const html = await (await fetch(`${baseUrl}/sign-in`)).text();
    const main = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] ?? "";
    expect(main).not.toBe("");
    // The bytes on the wire (fetch would undo the compression).
    const raw = (encoding: string) =>
      new Promise<{ encoding: string | undefined; bytes: number }>((resolve, reject) => {
        get(`${baseUrl}${main}`, { headers: { "accept-encoding": encoding } }, (res) => {
          let bytes = 0;
          res.on("data", (chunk: Buffer) => (bytes += chunk.length));
          res.on("end", () => resolve({ encoding: res.headers["content-encoding"], bytes }));
        }).on("error", reject);
      });
    const [br, gzip, plain] = await Promise.all([raw("br, gzip"), raw("gzip"), raw("identity")]);
    expect(br.encoding).toBe("br");
    expect(gzip.encoding).toBe("gzip");
    expect(plain.encoding).toBeUndefined();
    expect(br.bytes).toBeLessThan(plain.bytes / 2.5);
  });

  it("someone in two organisations switches between them from the header", async () => {
    page = await browser.newPage();
    await signIn(page, baseUrl, "provider.admin@mersey-view.demo.test");
    await page.getByRole("heading", { level: 1, name: "Mersey View Care (demo)" }).waitFor();
    await page
      .getByLabel("Organisation", { exact: true })
      .selectOption({ label: "Runcorn Home Care (demo) (Organisation admin)" });
    await page.getByRole("button", { name: "Switch" }).click();
    await page.getByRole("heading", { level: 1, name: "Runcorn Home Care (demo)" }).waitFor();
    expect(await page.textContent("header")).toContain("Runcorn Home Care (demo)");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
    await page.getByRole("heading", { level: 1, name: "Users" }).waitFor();
    expect(await page.textContent(".govuk-caption-l")).toBe("Runcorn Home Care (demo)");
    await page.close();
  });

  it("an unknown page shows a helpful 404", async () => {
    page = await browser.newPage();
    await page.goto(`${baseUrl}/no/such/page`);
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    await expectAccessible(page, "404 page");
    await page.close();
  });
});
