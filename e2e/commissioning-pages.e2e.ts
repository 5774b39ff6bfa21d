import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { lastEndedPeriod } from "../src/shared/commissioning";
import { browserForFile, expectAccessible, expectNoSidewaysScroll, settle, signIn } from "./browser";

// Commissioning's pages (issue 19), the council's and a provider's, each on a 320 px phone with the
// demo's data: no sideways scrolling, axe clean, no console errors, no date written 2026-12-04.
// (The navigation test covers the pages the menu lists; this covers the ones reached from them.)

const baseUrl = inject("baseUrl");
const browser = browserForFile();
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

async function phone(email: string, kind: string, name?: RegExp) {
  const context = await browser.newContext({ viewport: { width: 320, height: 720 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await signIn(page, baseUrl, email);
  await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
  await settle(page);
  const me = await get<{ memberships: { id: string; kind: string; name: string }[] }>(page, "/api/auth/me");
  const orgId = me.memberships.find((m) => m.kind === kind && (!name || name.test(m.name)))?.id ?? "";
  expect(orgId, `${email} is in a ${kind}`).not.toBe("");
  return { context, page, errors, orgId };
}

async function get<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${baseUrl}${path}`);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

async function visit(page: Page, path: string, heading: RegExp) {
  await page.goto(`${baseUrl}${path}`);
  await settle(page);
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  await expectNoSidewaysScroll(page, path);
  await expectAccessible(page, path);
  const text = (await page.locator("main").textContent()) ?? "";
  expect.soft(ISO_DATE.exec(text)?.[0], `${path} shows a date as a computer writes it`).toBeUndefined();
}

/** A heading that contains this text exactly (names hold brackets and colons). */
const literal = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));

const period = lastEndedPeriod(new Date().toISOString().slice(0, 10));

describe("commissioning's pages at 320 px", () => {
  it("the commissioner: contracts, a contract and its compliance, the library, challenges, the Quality Premium, the price floor, fee rates, tenders, monitoring returns", async () => {
    const c = await phone("commissioner@halton.demo.test", "council");
    const api = `/api/orgs/${c.orgId}/commissioning`;
    const org = `/orgs/${c.orgId}/commissioning`;
    const { contracts } = await get<{ contracts: { id: string; name: string }[] }>(c.page, `${api}/contracts`);
    const { schemes } = await get<{ schemes: { id: string; name: string }[] }>(c.page, `${api}/qpp/schemes`);
    const { tenders } = await get<{ tenders: { id: string; name: string }[] }>(c.page, `${api}/tenders`);
    expect(contracts.length).toBeGreaterThan(15);
    expect(schemes.length).toBeGreaterThan(0);
    expect(tenders.length).toBeGreaterThan(0);
    const pages: [string, RegExp][] = [
      [org, /Commissioning/],
      [`${org}/contracts`, /Contracts/],
      [`${org}/contracts/new`, /Add a contract/],
      [`${org}/contracts/${contracts[0].id}`, literal(contracts[0].name)],
      [`${org}/contracts/${contracts[0].id}/edit`, /^Change /],
      [`${org}/contracts/${contracts[0].id}/compliance`, /Compliance/],
      [`${org}/standards`, /Workforce standards/],
      [`${org}/challenges`, /Challenges/],
      [`${org}/quality-premium`, /Quality Premium/],
      [`${org}/quality-premium/${schemes[0].id}?period=${period}`, literal(schemes[0].name)],
      [`${org}/price-floor`, /price/i],
      [`${org}/fee-rates`, /Fee rates/i],
      [`${org}/tenders`, /Tenders/i],
      [`${org}/tenders/${tenders[0].id}`, literal(tenders[0].name)],
      [`${org}/monitoring-returns`, /monitoring/i],
    ];
    for (const [path, heading] of pages) await visit(c.page, path, heading);
    expect(c.errors).toEqual([]);
    await c.context.close();
  }, 300_000);

  it("a provider's manager: its contracts, their compliance, its monitoring return, the Capacity Tracker fields, its Quality Premium, the price floor", async () => {
    const p = await phone("provider.admin@mersey-view.demo.test", "provider", /Mersey View/);
    const org = `/orgs/${p.orgId}`;
    const { contracts } = await get<{ contracts: { id: string; name: string; council: { id: string } }[] }>(
      p.page,
      `/api/orgs/${p.orgId}/contracts`,
    );
    expect(contracts.length).toBeGreaterThan(0);
    const pages: [string, RegExp][] = [
      [`${org}/contracts`, /contracts/i],
      [`${org}/contracts/${contracts[0].id}`, literal(contracts[0].name)],
      [`${org}/contracts/${contracts[0].id}/compliance`, /Compliance/],
      [`${org}/compliance`, /standards/i],
      [`${org}/monitoring-returns`, /monitoring/i],
      [`${org}/monitoring-returns/${contracts[0].council.id}/${period}`, /monitoring/i],
      [`${org}/capacity-tracker`, /Capacity Tracker/],
      [`${org}/quality-premium`, /Quality Premium/],
      [`/orgs/${p.orgId}/commissioning/price-floor`, /price/i],
    ];
    for (const [path, heading] of pages) await visit(p.page, path, heading);
    expect(p.errors).toEqual([]);
    await p.context.close();
  }, 300_000);
});
