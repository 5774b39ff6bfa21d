import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { browserForFile, expectAccessible, expectNoSidewaysScroll, settle, signIn } from "./browser";

// Shared training's pages that the navigation does not list (the navigation test covers those):
// reached from the training home page, a course, a cohort or the public roadmap. Each on a 320 px
// phone: no sideways scrolling, axe clean, no console errors, no date written 2026-12-04.

const baseUrl = inject("baseUrl");
const browser = browserForFile();
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

async function phone(email: string | null, kind?: string, name?: RegExp) {
  const context = await browser.newContext({ viewport: { width: 320, height: 720 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  let orgId = "";
  if (email) {
    await signIn(page, baseUrl, email);
    await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
    await settle(page);
    const res = await page.request.get(`${baseUrl}/api/auth/me`);
    const me = (await res.json()) as { memberships: { id: string; kind: string; name: string }[] };
    orgId = me.memberships.find((m) => m.kind === kind && (!name || name.test(m.name)))?.id ?? "";
    expect(orgId, `${email} is in a ${kind}`).not.toBe("");
  }
  return { context, page, errors, orgId };
}

async function visit(page: Page, path: string) {
  await page.goto(`${baseUrl}${path}`);
  await settle(page);
  await expectNoSidewaysScroll(page, path);
  await expectAccessible(page, path);
  const text = (await page.locator("main").textContent()) ?? "";
  expect.soft(ISO_DATE.exec(text)?.[0], `${path} shows a date as a computer writes it`).toBeUndefined();
}

const get = async <T>(page: Page, path: string): Promise<T> =>
  (await (await page.request.get(`${baseUrl}${path}`)).json()) as T;

describe("shared training's other pages at 320 px", () => {
  it("a provider's manager: a course, booking staff, apprenticeships, levy transfers, funding claims, uptake", async () => {
    const p = await phone("provider.admin@mersey-view.demo.test", "provider", /Mersey View/);
    const org = `/orgs/${p.orgId}`;
    const { courses } = await get<{ courses: { id: string; upcomingSessions: number }[] }>(
      p.page,
      `/api/orgs/${p.orgId}/training/courses`,
    );
    const course = courses.find((c) => c.upcomingSessions > 0);
    expect(course, "a course with sessions to come").toBeTruthy();
    const { sessions } = await get<{ sessions: { id: string; courseId: string; status: string }[] }>(
      p.page,
      `/api/orgs/${p.orgId}/training/sessions`,
    );
    const session = sessions.find((s) => s.status === "scheduled");
    for (const path of [
      `${org}/training/courses/${course?.id}`,
      `${org}/training/sessions/${session?.id}/book`,
      `${org}/apprenticeships`,
      `${org}/levy`,
      `${org}/training/funding-claims`,
      `${org}/training/uptake`,
    ])
      await visit(p.page, path);
    expect(p.errors).toEqual([]);
    await p.context.close();
  }, 240_000);

  it("the council: a cohort of the pre-employment course, its levy pledge, uptake, apprenticeships, a new course", async () => {
    const c = await phone("council.admin@halton.demo.test", "council");
    const org = `/orgs/${c.orgId}`;
    const { cohorts } = await get<{ cohorts: { id: string }[] }>(c.page, `/api/orgs/${c.orgId}/training/cohorts`);
    for (const path of [
      `${org}/training/cohorts/${cohorts[0]?.id}`,
      `${org}/levy`,
      `${org}/training/uptake`,
      `${org}/apprenticeships`,
      `${org}/training/courses/new`,
    ])
      await visit(c.page, path);
    // The council sees its providers' matrices only as counts, on the uptake page.
    await visit(c.page, `${org}/training/uptake`);
    await c.page.getByRole("heading", { name: /Mandatory training across providers/ }).waitFor();
    expect(await c.page.getByRole("table", { name: "Mandatory training by category" }).textContent()).toContain(
      "Safeguarding adults",
    );
    expect(c.errors).toEqual([]);
    await c.context.close();
  }, 240_000);

  it("anyone: the area's courses and the certificate check; the job seeker's courses", async () => {
    const v = await phone(null);
    for (const path of ["/courses?council=halton", "/certificates/check"]) await visit(v.page, path);
    expect(v.errors).toEqual([]);
    await v.context.close();
    const j = await phone("candidate@halton.demo.test", "council");
    await visit(j.page, `/orgs/${j.orgId}/candidate/cohorts`);
    expect(j.errors).toEqual([]);
    await j.context.close();
  }, 240_000);
});
