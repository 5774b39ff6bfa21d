import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { lastEndedPeriod } from "../src/shared/commissioning";
import { browserForFile, expectAccessible, expectNoSidewaysScroll, settle, signIn } from "./browser";

// Commissioning end to end (issue 19, "Must show"): the commissioner adds a standard to a
// provider's contract (all mandatory training valid, which the demo provider does not reach), sees
// the provider fail it, and a Quality Premium scheme paying on that standard pays the contract
// nothing; the provider challenges the result on its own page; the commissioner accepts; the
// scheme's draft schedule now pays the contract. Axe and sideways scrolling on every page, the
// provider on a phone.

const baseUrl = inject("baseUrl");
const browser = browserForFile();

type Json = Record<string, unknown>;
const api = async <T = Json>(page: Page, path: string): Promise<T> => {
  const res = await page.request.get(`${baseUrl}${path}`);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
};

async function open(width: number, email: string, kind: string, name?: RegExp) {
  const mobile = width < 600;
  const context = await browser.newContext({ viewport: { width, height: 860 }, isMobile: mobile, hasTouch: mobile });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    // A 4xx the page shows as an error summary is the browser's console noise, not a fault.
    if (m.type() === "error" && !/status of 4\d\d/.test(m.text())) errors.push(m.text());
  });
  await signIn(page, baseUrl, email);
  await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
  await settle(page);
  const me = await api<{ memberships: { id: string; kind: string; name: string }[] }>(page, "/api/auth/me");
  const org = me.memberships.find((m) => m.kind === kind && (!name || name.test(m.name)));
  if (!org) throw new Error(`${email} is in no ${kind}`);
  return { context, page, errors, orgId: org.id };
}

async function check(page: Page, label: string) {
  await settle(page);
  await expectNoSidewaysScroll(page, label);
  await expectAccessible(page, label);
}

type Schedule = { schedule: { lines: { contractId: string; amount: number }[]; total: number } };
type Contracts = { contracts: { id: string; name: string; provider: { id: string; name: string } }[] };

describe("commissioning", () => {
  it("a standard added to a contract fails, the provider challenges, the commissioner accepts, the Quality Premium schedule pays", async () => {
    const council = await open(1280, "commissioner@halton.demo.test", "council");
    const provider = await open(320, "provider.admin@mersey-view.demo.test", "provider", /Mersey View/);
    const cp = council.page;
    const pp = provider.page;
    const c = council.orgId;
    const period = lastEndedPeriod(new Date().toISOString().slice(0, 10));
    const standardName = `All mandatory training valid ${Date.now()}`;

    // 1. The commissioner adds a standard to the library: every required training item valid.
    await cp.goto(`${baseUrl}/orgs/${c}/commissioning/standards`);
    await settle(cp);
    await cp.getByLabel("Kind of standard").selectOption({ label: "Mandatory training up to date" });
    await cp.getByLabel("Name", { exact: true }).fill(standardName);
    await cp.locator("#threshold").fill("100");
    await cp.getByRole("button", { name: "Add standard" }).click();
    await expect.poll(() => cp.getByRole("cell", { name: standardName }).count()).toBeGreaterThan(0);
    await check(cp, "standards library");

    // 2. A Quality Premium scheme pays £500 a contract a quarter when that standard is met.
    const { contracts } = await api<Contracts>(cp, `/api/orgs/${c}/commissioning/contracts`);
    const contract = contracts.find((x) => x.provider.id === provider.orgId);
    if (!contract) throw new Error("The demo provider has no contract");
    const detail = await api<{ contract: { serviceType: string } }>(
      cp,
      `/api/orgs/${c}/commissioning/contracts/${contract.id}`,
    );
    await cp.goto(`${baseUrl}/orgs/${c}/commissioning/quality-premium`);
    await settle(cp);
    await cp.getByLabel("Scheme name").fill(`Training premium ${Date.now()}`);
    await cp.getByLabel("Contracts that take part").selectOption(detail.contract.serviceType);
    await cp.getByLabel(`${standardName}: weight`).fill("1");
    await cp.getByLabel("How it pays").selectOption("all_met");
    await cp.getByLabel("What it pays on").selectOption("per_contract");
    await cp.getByLabel("Amount per contract per period (£)").fill("500");
    await cp.getByLabel("First period").fill(period);
    await cp.getByRole("button", { name: "Create the scheme" }).click();
    await cp.waitForURL(/\/quality-premium\/[0-9a-f-]{36}/);
    const schemeId = /quality-premium\/([0-9a-f-]{36})/.exec(cp.url())?.[1] as string;
    await settle(cp);
    await check(cp, "Quality Premium scheme");
    const before = await api<Schedule>(cp, `/api/orgs/${c}/commissioning/qpp/schemes/${schemeId}/schedules/${period}`);
    expect(before.schedule.lines.find((l) => l.contractId === contract.id)?.amount).toBe(0);

    // 3. The commissioner adds the standard to the provider's contract and sees it not met.
    await cp.goto(`${baseUrl}/orgs/${c}/commissioning/contracts/${contract.id}`);
    await settle(cp);
    const option = cp.locator("#standardId option", { hasText: standardName });
    await cp.getByLabel("Standard from your library").selectOption((await option.getAttribute("value")) as string);
    await cp.getByRole("button", { name: "Add standard" }).click();
    await expect.poll(() => cp.getByText(`${standardName} added`).count()).toBeGreaterThan(0);
    await check(cp, "contract with the new standard");
    await cp.goto(`${baseUrl}/orgs/${c}/commissioning/contracts/${contract.id}/compliance?period=${period}`);
    await settle(cp);
    const councilCard = cp.locator(".govuk-summary-card").filter({ hasText: standardName }).first();
    await expect.poll(() => councilCard.locator(".govuk-summary-card__actions").textContent()).toContain("Not met");
    await check(cp, "contract compliance");

    // 4. The provider, on a phone, challenges the result with a reason.
    await pp.goto(`${baseUrl}/orgs/${provider.orgId}/contracts/${contract.id}/compliance?period=${period}`);
    await settle(pp);
    await check(pp, "provider's contract compliance at 320 px");
    await pp.getByRole("button", { name: new RegExp(`^Challenge this result\\W+${standardName}$`) }).click();
    await pp
      .getByLabel("Why the result is wrong")
      .last()
      .fill("Three expired certificates were renewed before the quarter end; the records were uploaded late.");
    await pp.getByRole("button", { name: "Send the challenge" }).click();
    await expect.poll(() => pp.getByText("Challenge sent").count()).toBeGreaterThan(0);
    await check(pp, "challenge sent");

    // 5. The commissioner accepts it with a note.
    await cp.goto(`${baseUrl}/orgs/${c}/commissioning/challenges`);
    await settle(cp);
    await check(cp, "challenges");
    // The demo has an open challenge of its own: decide the one this provider just raised.
    const item = cp.locator("section").filter({ hasText: "Three expired certificates" });
    expect(await item.count()).toBe(1);
    await item.getByLabel("Accept", { exact: true }).check();
    await item.getByLabel("Note to the provider").fill("Renewals checked against the training provider's register.");
    await item.getByRole("button", { name: "Record the decision" }).click();
    await settle(cp);

    // 6. The draft schedule now pays the contract, on the page and through the API.
    await expect
      .poll(async () => {
        const after = await api<Schedule>(
          cp,
          `/api/orgs/${c}/commissioning/qpp/schemes/${schemeId}/schedules/${period}`,
        );
        return after.schedule.lines.find((l) => l.contractId === contract.id)?.amount;
      })
      .toBe(500);
    await cp.goto(`${baseUrl}/orgs/${c}/commissioning/quality-premium/${schemeId}?period=${period}`);
    await settle(cp);
    await expect.poll(() => cp.getByText("£500.00").count()).toBeGreaterThan(0);
    await check(cp, "schedule after the challenge");

    expect(council.errors).toEqual([]);
    expect(provider.errors).toEqual([]);
    await council.context.close();
    await provider.context.close();
  });
});
