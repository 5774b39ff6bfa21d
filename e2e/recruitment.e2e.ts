import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { browserForFile, expectAccessible, expectNoSidewaysScroll, settle, signIn } from "./browser";

// Joint recruitment end to end (issue 17, "Must show"): a job seeker on a phone searches the
// council's job board, applies to two adverts with one profile and books an interview time; the
// employer, on a laptop, offers the time, moves the application on to started; the staff record
// exists; the employer's funnel counts the start. Axe and sideways scrolling at 375 and 1280 px.

const baseUrl = inject("baseUrl");
const browser = browserForFile();

type Json = Record<string, unknown>;
const api = async (page: Page, path: string): Promise<Json> => {
  const res = await page.request.get(`${baseUrl}${path}`);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as Json;
};

async function open(width: number, email: string, kind: "provider" | "council") {
  const mobile = width < 600;
  const context = await browser.newContext({ viewport: { width, height: 860 }, isMobile: mobile, hasTouch: mobile });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await signIn(page, baseUrl, email);
  await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
  await settle(page);
  const me = (await api(page, "/api/auth/me")) as { memberships: { id: string; kind: string }[] };
  // The manager is also in the council's strategy group: their own organisation is the provider.
  const org = me.memberships.find((m) => m.kind === kind);
  if (!org) throw new Error(`${email} is in no ${kind}`);
  return { context, page, errors, orgId: org.id };
}

async function check(page: Page, label: string) {
  await settle(page);
  await expectNoSidewaysScroll(page, label);
  await expectAccessible(page, label);
}

/** The employer's own funnel: its counts are not withheld from it. */
const started = (f: Json) => (f.stages as Record<string, { count: number | null }>).started.count as number;

describe("joint recruitment", () => {
  it("a job seeker applies to two jobs with one profile and books an interview; the employer starts them; the staff record exists and the funnel counts it", async () => {
    const employer = await open(1280, "manager@mersey-view.demo.test", "provider");
    const seeker = await open(375, "candidate@halton.demo.test", "council");
    const ep = employer.page;
    const sp = seeker.page;

    // The employer's live adverts, and the ones the job seeker has not applied for yet.
    const own = (await api(ep, `/api/orgs/${employer.orgId}/recruitment/adverts`)) as {
      adverts: { id: string; title: string; status: string }[];
    };
    const mine = (await api(sp, `/api/orgs/${seeker.orgId}/candidate/applications`)) as {
      applications: { advert: { id: string } }[];
    };
    const applied = new Set(mine.applications.map((a) => a.advert.id));
    const advert = own.adverts.find((a) => a.status === "published" && !applied.has(a.id));
    expect(advert, "the demo employer has a live advert the job seeker has not applied for").toBeTruthy();
    if (!advert) return;
    const funnelBefore = await api(ep, `/api/orgs/${employer.orgId}/recruitment/funnel`);

    // The employer offers an interview time tomorrow.
    await ep.goto(`${baseUrl}/orgs/${employer.orgId}/recruitment/adverts/${advert.id}`);
    await check(ep, "the employer's advert (1280 px)");
    const tomorrow = new Date(Date.now() + 86_400_000);
    await ep.getByRole("group", { name: "Date" }).getByLabel("Day").fill(String(tomorrow.getUTCDate()));
    await ep
      .getByRole("group", { name: "Date" })
      .getByLabel("Month")
      .fill(String(tomorrow.getUTCMonth() + 1));
    await ep.getByRole("group", { name: "Date" }).getByLabel("Year").fill(String(tomorrow.getUTCFullYear()));
    await ep.getByLabel("Starts at").fill("10:00");
    await ep.getByLabel("Ends at").fill("10:45");
    await ep.getByLabel("Where (optional)").fill("Mersey View office, Runcorn");
    await ep.getByRole("button", { name: "Add the time" }).click();
    await ep.getByText("Mersey View office, Runcorn").first().waitFor();

    // The board and the advert on a wide screen too.
    await ep.goto(`${baseUrl}/jobs?council=halton`);
    await check(ep, "the job board (1280 px)");
    await ep.goto(`${baseUrl}/jobs/${advert.id}`);
    await check(ep, "the advert (1280 px)");

    // The job seeker, on a phone, searches the board and opens the job.
    await sp.goto(`${baseUrl}/jobs?council=halton`);
    await check(sp, "the job board (375 px)");
    const filters = sp.getByText("Filter jobs");
    if (await filters.isVisible()) await filters.click();
    await sp.getByLabel("Job title or keywords").fill(advert.title);
    await sp.getByRole("button", { name: "Apply filters" }).click();
    await settle(sp);
    // Many jobs share a title: page through the results to this employer's.
    const link = sp.locator(`main a[href^="/jobs/${advert.id}"]`);
    for (let i = 0; i < 15 && !(await link.count()); i++) {
      await sp.getByRole("link", { name: /Next page/ }).click();
      await settle(sp);
    }
    await link.first().click();
    await sp.waitForURL((u) => u.pathname === `/jobs/${advert.id}`);
    await check(sp, "the advert (375 px)");
    await sp
      .getByRole("link", { name: /Apply for this job/ })
      .first()
      .click();
    await check(sp, "applying (375 px)");

    // One profile, two applications: this job and one more chosen on the same page.
    await sp.getByText("Apply for more jobs at the same time").click();
    const more = sp.getByRole("group", { name: "Other jobs open on this board" }).getByRole("checkbox");
    const count = await more.count();
    let second = -1;
    for (let i = 0; i < count && second < 0; i++) {
      const value = await more.nth(i).getAttribute("value");
      if (value && !applied.has(value)) second = i;
    }
    expect(second, "another job the job seeker has not applied for").toBeGreaterThanOrEqual(0);
    await more.nth(second).check();
    // The second employer may ask questions of its own: answer every box once the questions for
    // both jobs are on the page (filling again any that a reload of the questions emptied).
    await sp.waitForLoadState("networkidle");
    await expect
      .poll(async () => {
        const boxes = await sp.locator("main textarea").all();
        for (const box of boxes)
          if (!(await box.inputValue())) await box.fill("I cared for my father for three years.");
        await sp.waitForLoadState("networkidle");
        const values = await Promise.all(boxes.map((b) => b.inputValue()));
        return (
          boxes.length > 0 && values.every(Boolean) && (await sp.locator("main textarea").count()) === boxes.length
        );
      })
      .toBe(true);
    await sp.getByRole("button", { name: "Send 2 applications" }).click();
    await sp
      .getByRole("heading", { name: "Applications sent" })
      .or(sp.locator(".govuk-error-summary"))
      .first()
      .waitFor();
    expect(await sp.locator(".govuk-error-summary").allInnerTexts(), "errors on applying").toEqual([]);
    await expectAccessible(sp, "applications sent (375 px)");
    const after = (await api(sp, `/api/orgs/${seeker.orgId}/candidate/applications`)) as {
      applications: { id: string; advert: { id: string } }[];
    };
    expect(after.applications.length).toBe(mine.applications.length + 2);
    const application = after.applications.find((a) => a.advert.id === advert.id);
    expect(application).toBeTruthy();
    if (!application) return;

    // The employer invites them to interview.
    const applicationPage = `${baseUrl}/orgs/${employer.orgId}/recruitment/applications/${application.id}`;
    const moveTo = async (stage: string) => {
      await ep.goto(applicationPage);
      await settle(ep);
      await ep.getByLabel("To", { exact: true }).selectOption({ label: stage });
    };
    await moveTo("Interview");
    await check(ep, "an application (1280 px)");
    await ep.getByRole("button", { name: "Move", exact: true }).click();
    await expect
      .poll(
        async () =>
          (await api(ep, `/api/orgs/${employer.orgId}/recruitment/applications/${application.id}`)).application,
      )
      .toMatchObject({ stage: "interview" });

    // The job seeker books the time from their applications.
    await sp.goto(`${baseUrl}/orgs/${seeker.orgId}/candidate/applications`);
    await check(sp, "my applications (375 px)");
    await sp.locator(`a[href$="/candidate/applications/${application.id}/interview"]`).click();
    await check(sp, "booking an interview (375 px)");
    await sp
      .getByLabel(/Mersey View office, Runcorn/)
      .first()
      .check();
    await sp.getByRole("button", { name: "Book this time" }).click();
    await sp.waitForURL((u) => u.pathname.endsWith("/candidate/applications"));
    const booked = (await api(sp, `/api/orgs/${seeker.orgId}/candidate/applications`)) as {
      applications: { id: string; interview: { place: string } | null }[];
    };
    expect(booked.applications.find((a) => a.id === application.id)?.interview?.place).toBe(
      "Mersey View office, Runcorn",
    );

    // The employer makes an offer, then starts them.
    await moveTo("Offer made");
    await ep.getByRole("button", { name: "Move", exact: true }).click();
    await expect
      .poll(
        async () =>
          (await api(ep, `/api/orgs/${employer.orgId}/recruitment/applications/${application.id}`)).application,
      )
      .toMatchObject({ stage: "offer" });
    await moveTo("Started");
    const override = ep.getByLabel("They start before every pre-employment check is complete");
    if (await override.count()) await override.check();
    await check(ep, "starting a candidate (1280 px)");
    await ep.getByRole("button", { name: "Move", exact: true }).click();
    await expect
      .poll(
        async () =>
          (await api(ep, `/api/orgs/${employer.orgId}/recruitment/applications/${application.id}`)).application,
      )
      .toMatchObject({ stage: "started" });

    // The staff record exists, under the name they applied with.
    await ep.goto(`${baseUrl}/orgs/${employer.orgId}/staff?q=Cara`);
    await settle(ep);
    await ep
      .getByRole("link", { name: /Cara Candidate/ })
      .first()
      .waitFor();

    // The employer's funnel counts the start.
    const funnelAfter = await api(ep, `/api/orgs/${employer.orgId}/recruitment/funnel`);
    expect(started(funnelAfter)).toBe(started(funnelBefore) + 1);
    await ep.goto(`${baseUrl}/orgs/${employer.orgId}/recruitment/funnel`);
    await check(ep, "the employer's funnel (1280 px)");
    await ep.setViewportSize({ width: 375, height: 860 });
    await check(ep, "the employer's funnel (375 px)");

    expect(employer.errors, "console errors (employer)").toEqual([]);
    expect(seeker.errors, "console errors (job seeker)").toEqual([]);
    await employer.context.close();
    await seeker.context.close();
  }, 240_000);
});
