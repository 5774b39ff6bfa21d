import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { browserForFile, expectAccessible, expectNoSidewaysScroll, settle, signIn } from "./browser";

// The social work service end to end (issue 20, "Must show"): the Assessment Team's manager records
// a supervision for a worker on the overdue list and the 3-month review of the team's newly
// qualified social worker, and sees both lists shrink; the service lead downloads the children's
// social work workforce census, which has no errors. Axe and sideways scrolling on every page, the
// manager on a phone.

const baseUrl = inject("baseUrl");
const browser = browserForFile();

type Json = Record<string, unknown>;
const api = async <T = Json>(page: Page, path: string): Promise<T> => {
  const res = await page.request.get(`${baseUrl}${path}`);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
};

async function open(width: number, email: string) {
  const mobile = width < 600;
  const context = await browser.newContext({ viewport: { width, height: 860 }, isMobile: mobile, hasTouch: mobile });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && !/status of 4\d\d/.test(m.text())) errors.push(m.text());
  });
  await signIn(page, baseUrl, email);
  await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
  await settle(page);
  const me = await api<{ memberships: { id: string; kind: string }[] }>(page, "/api/auth/me");
  const org = me.memberships.find((m) => m.kind === "council");
  if (!org) throw new Error(`${email} is in no council`);
  return { context, page, errors, orgId: org.id };
}

async function check(page: Page, label: string) {
  await settle(page);
  await expectNoSidewaysScroll(page, label);
  await expectAccessible(page, label);
}

/** Fills a GOV.UK date input (`<id>-day`, `-month`, `-year`) with an ISO date. */
async function fillDate(page: Page, id: string, iso: string) {
  const [y, m, d] = iso.split("-");
  await page.locator(`#${id}-day`).fill(String(Number(d)));
  await page.locator(`#${id}-month`).fill(String(Number(m)));
  await page.locator(`#${id}-year`).fill(y);
}

const today = () => new Date().toISOString().slice(0, 10);

/** Room for a page's lists to load: expect.poll's default second is too short on a busy machine. */
const POLL = { timeout: 20_000 };

type Overview = { overdue: { staffRecordId: string; name: string; teamName: string }[] };
type AsyeList = { due: { asyeId: string; stage: string; state: string; worker: { name: string } }[] };

describe("social work", () => {
  it("a team manager records a supervision and an ASYE 3-month review and sees the overdue lists shrink", async () => {
    const { context, page, errors, orgId } = await open(320, "sw.manager@halton.demo.test");
    const base = `${baseUrl}/orgs/${orgId}/social-work`;

    // Supervision: the manager's overdue list (the Assessment Team only) is not empty.
    const before = await api<Overview>(page, `/api/orgs/${orgId}/social-work/supervision`);
    expect(before.overdue.length).toBeGreaterThan(0);
    expect(new Set(before.overdue.map((o) => o.teamName))).toEqual(new Set(["Assessment Team"]));
    const worker = before.overdue[0];
    await page.goto(`${base}/supervision`);
    await settle(page);
    const overdueTable = page.locator("table", { has: page.locator("caption", { hasText: "Overdue supervision" }) });
    await expect.poll(() => overdueTable.locator("tbody tr").count(), POLL).toBe(before.overdue.length);
    await check(page, "supervision page");

    await page.getByLabel("Worker supervised").selectOption(worker.staffRecordId);
    await fillDate(page, "sv-held", today());
    await page.getByLabel("Type of supervision").selectOption("reflective");
    await page.getByLabel("Minutes").fill("90");
    await page.getByLabel("Actions agreed (optional)").fill("Review the safety plan with the family by Friday");
    await page.getByRole("button", { name: "Record supervision" }).click();
    await expect
      .poll(async () => (await api<Overview>(page, `/api/orgs/${orgId}/social-work/supervision`)).overdue.length, POLL)
      .toBe(before.overdue.length - 1);
    // The list on the page shrinks too, and no longer names the worker.
    const left = before.overdue.length - 1;
    if (left === 0) await page.getByText("No one in your teams is overdue.").waitFor();
    else await expect.poll(() => overdueTable.locator("tbody tr").count(), POLL).toBe(left);
    expect(await overdueTable.getByRole("link", { name: worker.name, exact: true }).count()).toBe(0);
    await check(page, "supervision page after recording");

    // ASYE: the team's newly qualified social worker's 3-month review is overdue.
    const due = await api<AsyeList>(page, `/api/orgs/${orgId}/social-work/asye`);
    const review = due.due.find((d) => d.stage === "3_month" && d.state === "overdue");
    if (!review) throw new Error(`no overdue 3-month review: ${JSON.stringify(due.due)}`);
    await page.goto(`${base}/asye`);
    await settle(page);
    const dueRows = due.due.length;
    const dueTable = page.locator("table", { has: page.locator("caption", { hasText: "due or overdue" }) });
    await expect.poll(() => dueTable.locator("tbody tr").count(), POLL).toBe(dueRows);
    await check(page, "ASYE page");

    await dueTable.getByRole("link", { name: review.worker.name }).first().click();
    await page.getByRole("heading", { name: `ASYE: ${review.worker.name}` }).waitFor();
    await check(page, "ASYE detail page");
    await page.getByLabel("Review", { exact: true }).selectOption("3_month");
    await fillDate(page, "review-held", today());
    await page.getByLabel("Progress").selectOption("on_track");
    await page.getByLabel("Evidence notes (optional)").fill("Two direct observations and the reflective log");
    await page.getByRole("button", { name: "Record the review" }).click();
    await expect
      .poll(async () => (await api<AsyeList>(page, `/api/orgs/${orgId}/social-work/asye`)).due.length, POLL)
      .toBe(dueRows - 1);
    await check(page, "ASYE detail page after recording");

    await page.goto(`${base}/asye`);
    await settle(page);
    if (dueRows - 1 === 0) await page.getByText("No reviews are due in the next 14 days or overdue.").waitFor();
    else await expect.poll(() => dueTable.locator("tbody tr").count(), POLL).toBe(dueRows - 1);

    expect(errors).toEqual([]);
    await context.close();
  });

  it("the service lead downloads the children's social work workforce census with no errors", async () => {
    const { context, page, errors, orgId } = await open(1280, "sw.lead@halton.demo.test");
    await page.goto(`${baseUrl}/orgs/${orgId}/social-work`);
    await settle(page);
    await check(page, "social work overview");
    await page
      .getByRole("link", { name: /census/i })
      .first()
      .click();
    await page.getByRole("heading", { name: "Children's social work workforce census" }).waitFor();
    await settle(page);
    await check(page, "census page");
    await page.getByRole("heading", { name: "Download" }).waitFor();
    expect(await page.getByText(/before you can download the census/).count()).toBe(0);

    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.getByRole("link", { name: /Download the workers as CSV/ }).click(),
    ]);
    const chunks: Buffer[] = [];
    for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toContain("SWE number");
    expect(lines.length).toBeGreaterThan(100);

    const [xlsx] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.getByRole("link", { name: /as an Excel workbook/ }).click(),
    ]);
    const bytes: Buffer[] = [];
    for await (const c of await xlsx.createReadStream()) bytes.push(c as Buffer);
    expect(Buffer.concat(bytes).subarray(0, 2).toString("latin1")).toBe("PK");
    expect(errors).toEqual([]);
    await context.close();
  });
  it("every social work page reads well on a phone for the service lead, the analyst and a social worker", async () => {
    const lead = await open(320, "sw.lead@halton.demo.test");
    const { page, orgId } = lead;
    const base = `${baseUrl}/orgs/${orgId}`;
    const sw = `/api/orgs/${orgId}/social-work`;
    const teams = await api<{ teams: { id: string }[] }>(page, `${sw}/teams`);
    const workers = await api<{ workers: { id: string }[] }>(page, `${sw}/workers`);
    const trainees = await api<{ trainees: { id: string }[] }>(page, `${sw}/trainees`);
    const asyes = await api<{ asyes: { id: string }[] }>(page, `${sw}/asye?show=all`);
    const cases = await api<{ cases: { id: string }[] }>(page, `${sw}/progression/cases`);
    expect(teams.teams.length).toBe(18);
    const pages = [
      "social-work",
      "social-work/teams",
      `social-work/teams/${teams.teams[0].id}`,
      "social-work/workers",
      "social-work/workers?attention=true&leavers=true",
      `social-work/workers/${workers.workers[0].id}`,
      "social-work/settings",
      "social-work/routes-in",
      `social-work/routes-in/${trainees.trainees[0].id}`,
      "social-work/practice-educators",
      "social-work/asye",
      `social-work/asye/${asyes.asyes[0].id}`,
      "social-work/supervision",
      "social-work/caseloads",
      "social-work/progression",
      ...(cases.cases.length ? [`social-work/progression/${cases.cases[0].id}`] : []),
      "social-work/agency",
      "social-work/starters-leavers",
      "social-work/census",
      "social-work/figures",
      "exit-interviews",
    ];
    for (const path of pages) {
      await page.goto(`${base}/${path}`);
      await page.locator("h1").first().waitFor();
      await check(page, `lead: ${path}`);
      expect(await page.getByText("This page is being built.").count(), path).toBe(0);
    }
    expect(lead.errors).toEqual([]);
    await lead.context.close();

    // The analyst reads the figures, not people: the overview and the figures, and a worker is refused.
    const analyst = await open(320, "analyst@halton.demo.test");
    for (const path of ["social-work", "social-work/figures"]) {
      await analyst.page.goto(`${baseUrl}/orgs/${analyst.orgId}/${path}`);
      await analyst.page.locator("h1").first().waitFor();
      await check(analyst.page, `analyst: ${path}`);
    }
    // The workers list is refused by the API, and the page says what it said (and offers no filters).
    await analyst.page.goto(`${baseUrl}/orgs/${analyst.orgId}/social-work/workers`);
    await analyst.page.getByText("You do not have permission to do that.").waitFor();
    expect(await analyst.page.getByLabel("Team", { exact: true }).count()).toBe(0);
    await check(analyst.page, "analyst: social-work/workers");
    const refused = await analyst.page.request.get(
      `${baseUrl}/api/orgs/${analyst.orgId}/social-work/workers/${workers.workers[0].id}`,
    );
    expect(refused.status()).toBe(403);
    expect(analyst.errors).toEqual([]);
    await analyst.context.close();

    // A social worker sees her own supervision, caseload and ASYE.
    const worker = await open(320, "social.worker@halton.demo.test");
    await worker.page.goto(`${baseUrl}/orgs/${worker.orgId}/my-social-work`);
    await worker.page.getByRole("heading", { name: "My social work" }).waitFor();
    await settle(worker.page);
    await check(worker.page, "my social work");
    expect(await worker.page.getByText(/ASYE/).count()).toBeGreaterThan(0);
    // The service's own overview is not hers: she is told so and pointed to her records.
    await worker.page.goto(`${baseUrl}/orgs/${worker.orgId}/social-work`);
    await worker.page.getByRole("link", { name: "My social work" }).waitFor(POLL);
    await check(worker.page, "social worker on the service overview");
    expect(worker.errors).toEqual([]);
    await worker.context.close();
  }, 400_000);

  it("the service lead filters the workers by a team and sees only that team's, and charts a figure over 36 months", async () => {
    const { context, page, errors, orgId } = await open(320, "sw.lead@halton.demo.test");
    const sw = `/api/orgs/${orgId}/social-work`;
    const all = await api<{ workers: { id: string; name: string; teamId: string; teamName: string }[] }>(
      page,
      `${sw}/workers`,
    );
    // A team with workers, though not all of them (so the filter has something to leave out).
    const team = all.workers.find((w) => all.workers.some((o) => o.teamId !== w.teamId));
    if (!team) throw new Error("the demo's workers are all in one team");
    const theirs = all.workers.filter((w) => w.teamId === team.teamId);

    await page.goto(`${baseUrl}/orgs/${orgId}/social-work`);
    await settle(page);
    await page.getByRole("link", { name: "Workers", exact: true }).click();
    await page.getByRole("heading", { name: "Social workers" }).waitFor();
    await settle(page);
    const table = page.locator("table").first();
    await expect.poll(() => table.locator("caption").innerText(), POLL).toContain(`${all.workers.length} workers`);
    await check(page, "workers list");

    await page.getByLabel("Team", { exact: true }).selectOption(team.teamId);
    await page.getByRole("button", { name: "Apply filters" }).click();
    // The filter is in the address, so the list can be shared.
    await page.waitForURL((u) => u.searchParams.get("teamId") === team.teamId);
    await expect
      .poll(() => table.locator("caption").innerText(), POLL)
      .toBe(`${theirs.length} worker${theirs.length === 1 ? "" : "s"}`);
    const teamCells = await table.locator("tbody tr td:nth-child(2)").allInnerTexts();
    expect(teamCells.length).toBe(theirs.length);
    expect(new Set(teamCells)).toEqual(new Set([team.teamName]));
    const names = await table.locator("tbody tr td:first-child").allInnerTexts();
    expect(names.sort()).toEqual(theirs.map((w) => w.name).sort());
    await check(page, "workers list filtered by a team");

    // The address alone gives the same list (a shared link), and each name opens the worker's page.
    await page.reload();
    await expect.poll(() => table.locator("tbody tr").count(), POLL).toBe(theirs.length);
    await expect.poll(() => page.getByLabel("Team", { exact: true }).inputValue(), POLL).toBe(team.teamId);
    await table.getByRole("link", { name: theirs[0].name, exact: true }).first().click();
    await page.waitForURL((u) => u.pathname.endsWith(`/social-work/workers/${theirs[0].id}`));
    await page.locator("h1").first().waitFor();

    // The figures month by month: the agency rate over 36 months, a chart and a row a month.
    await page.goto(`${baseUrl}/orgs/${orgId}/social-work/figures`);
    await page.getByRole("heading", { name: "Month by month" }).waitFor();
    await page.getByLabel("Figure", { exact: true }).selectOption("agency_rate");
    await page.getByLabel("Period").selectOption("36");
    const months = page.locator("table", {
      has: page.locator("caption", { hasText: "Agency rate at each month's end" }),
    });
    await expect.poll(() => months.locator("tbody tr").count(), { timeout: 30_000 }).toBe(36);
    await page.locator(".app-chart svg").first().waitFor();
    await check(page, "figures month by month, 36 months");

    expect(errors).toEqual([]);
    await context.close();
  }, 200_000);

  it("a leaver answers the exit interview their employer offered through the link, once", async () => {
    const lead = await open(1280, "sw.lead@halton.demo.test");
    await lead.page.goto(`${baseUrl}/orgs/${lead.orgId}/exit-interviews`);
    await lead.page.getByRole("heading", { name: "Exit interviews" }).waitFor();
    await settle(lead.page);
    await check(lead.page, "exit interviews");
    await lead.page.getByRole("button", { name: "Offer", exact: true }).first().click();
    const panel = lead.page.locator(".govuk-notification-banner--success");
    await panel.waitFor();
    // The one-time links are readable (axe found the old panel's list failing colour contrast).
    await check(lead.page, "exit interview link shown once");
    const link = /https?:\/\/\S+\/exit-interview\/[A-Za-z0-9_-]+/.exec(await panel.innerText())?.[0];
    if (!link) throw new Error(`no link in ${await panel.innerText()}`);
    expect(lead.errors).toEqual([]);
    await lead.context.close();

    // A team manager typing the address is told they may not, not shown an empty list with an offer button.
    const manager = await open(320, "sw.manager@halton.demo.test");
    await manager.page.goto(`${baseUrl}/orgs/${manager.orgId}/exit-interviews`);
    await manager.page.locator(".govuk-error-summary").waitFor();
    expect(await manager.page.getByRole("button", { name: /Offer/ }).count()).toBe(0);
    // The census is the lead's: the manager is told so, without its form.
    await manager.page.goto(`${baseUrl}/orgs/${manager.orgId}/social-work/census`);
    await manager.page.getByText("The census is prepared by the social work service lead").waitFor(POLL);
    expect(await manager.page.getByLabel("Census year").count()).toBe(0);
    await check(manager.page, "census as a team manager");
    await manager.context.close();

    // The leaver has no account: a fresh browser on a phone.
    const context = await browser.newContext({ viewport: { width: 320, height: 860 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(link);
    await page.getByRole("button", { name: "Send my answers" }).waitFor();
    await check(page, "public exit interview");
    await page.locator("#reasons-caseload").check();
    await page.locator("#reasons-pay").check();
    await page.locator("#mainReason").selectOption("caseload");
    await page.locator("#wouldReturn-maybe").check();
    await page.locator("#wouldRecommend-yes").check();
    await page.getByRole("button", { name: "Send my answers" }).click();
    await page.getByRole("heading", { name: "Thank you" }).waitFor();
    await check(page, "exit interview answered");
    // The link works once.
    await page.goto(link);
    await page.locator("h1").first().waitFor();
    await settle(page);
    expect(await page.getByRole("button", { name: "Send my answers" }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a team manager correcting a month's caseloads on a phone is led to the cases by type that no longer add up", async () => {
    const { context, page, errors, orgId } = await open(320, "sw.manager@halton.demo.test");
    await page.goto(`${baseUrl}/orgs/${orgId}/social-work/caseloads`);
    // One team: its form is there without choosing it from a list.
    await page.getByRole("heading", { name: "Enter Assessment Team's month" }).waitFor(POLL);
    expect(await page.locator("#cl-team").count()).toBe(0);
    const openBox = page.getByLabel("Open cases").first();
    await openBox.waitFor(POLL);
    const worker = (await openBox.getAttribute("id"))?.replace(/^open-/, "") ?? "";
    const openCases = Number(await openBox.inputValue());
    const details = page.locator("fieldset", { has: page.locator(`[id="open-${worker}"]`) }).locator("details");
    // Change one type so the split no longer adds up, close the section, and save.
    await details.locator("summary").click();
    const firstType = details.locator("input").first();
    await firstType.fill(String(Number(await firstType.inputValue()) + 1));
    await details.locator("summary").click();
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await page.getByRole("button", { name: /^Save Assessment Team's caseloads/ }).click();
    const link = page.locator(".govuk-error-summary a").first();
    await link.waitFor(POLL);
    expect(await link.innerText()).toContain(`not the ${openCases} open cases`);
    const target = await firstType.getAttribute("id");
    expect(target).toMatch(new RegExp(`^type-${worker}-`));
    expect(await link.getAttribute("href")).toBe(`#${target}`);
    // The section holding the field at fault is opened, and the link takes the person to it.
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await link.click();
    expect(await firstType.isVisible()).toBe(true);
    await check(page, "caseloads: by type not adding up");
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
  it("the service lead adds a worker starting later, who is marked on the team's list with the day they start", async () => {
    const { context, page, errors, orgId } = await open(320, "sw.lead@halton.demo.test");
    const sw = `/api/orgs/${orgId}/social-work`;
    const long = (iso: string) =>
      new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", {
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      });
    const all = await api<{ workers: { id: string; name: string; teamId: string; teamName: string; role: string }[] }>(
      page,
      `${sw}/workers`,
    );
    // Not the Assessment Team, which other steps use.
    const member = all.workers.find((w) => w.teamName === "Care Leavers" && w.role === "social_worker");
    if (!member) throw new Error("the demo's Care Leavers team has no social worker");

    const start = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    await page.goto(`${baseUrl}/orgs/${orgId}/social-work/teams/${member.teamId}`);
    await page.getByRole("heading", { name: "Add a worker" }).waitFor(POLL);
    await page.locator("#add-name").fill("Future Starter");
    await fillDate(page, "add-start", start);
    await page.locator("#add-hours").fill("37");
    await page.getByRole("button", { name: "Add the worker" }).click();
    await page.getByText("Future Starter has been added").waitFor(POLL);
    await expect.poll(() => page.getByText(`Starts on ${long(start)}`).count(), POLL).toBe(1);
    await check(page, "team with a future starter");

    // Another of the team's social workers resigns with a month's notice: the page confirms it, points
    // to the exit interview, and says when they leave.
    const leaver = all.workers.find((w) => w.teamId === member.teamId && w.id !== member.id);
    if (!leaver) throw new Error("the Care Leavers team has one worker");
    const leaving = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await page.goto(`${baseUrl}/orgs/${orgId}/social-work/workers/${leaver.id}`);
    await page.getByRole("heading", { name: `Record that ${leaver.name} left` }).waitFor(POLL);
    await fillDate(page, "leavingDate", leaving);
    await page.locator("#reason").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Record the leaver" }).click();
    await page.locator(".govuk-notification-banner--success").getByText("exit interviews page").waitFor(POLL);
    await page
      .getByText(`leaves on ${long(leaving)}`)
      .first()
      .waitFor(POLL);
    expect(await page.getByRole("button", { name: "Record the leaver" }).count()).toBe(0);
    await check(page, "worker working their notice");

    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
