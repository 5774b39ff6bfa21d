import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { browserForFile, councilPhone, expectAccessible, expectNoSidewaysScroll, screenshot, settle } from "./browser";

// Changing the council's workforce strategy in the browser (issue 16), on the demo, whose plan the
// board has approved: the workforce lead changes an action's due date, is asked why (the change is
// refused without a reason), and sees the change with its reason on the plan; then records a
// meeting of the steering group with an action arising linked to the plan and sees it listed. Both
// forms at 375 px, with no sideways scrolling and axe clean. (The demo council's plan is approved,
// so starting and approving a draft is not shown here.)

const baseUrl = inject("baseUrl");
const browser = browserForFile();

/** A row's value in the action page's summary list. */
const summaryValue = (page: Page, key: string) =>
  page
    .locator(".govuk-summary-list__row")
    .filter({ has: page.locator("dt", { hasText: new RegExp(`^${key}$`) }) })
    .locator("dd");

describe("changing the approved strategy", () => {
  it("the workforce lead changes an action's due date giving a reason, and the plan lists the change", async () => {
    const { context, page, errors, orgId } = await councilPhone(
      browser,
      baseUrl,
      "workforce.lead@halton.demo.test",
      /status of 400/,
    );
    await page.goto(`${baseUrl}/orgs/${orgId}/strategy`);
    await settle(page);
    const link = page.locator("main tbody a[href*='/strategy/actions/']").first();
    const actionTitle = (await link.innerText()).trim();
    await link.click();
    await settle(page);
    await page.getByRole("link", { name: "Change this action" }).click();
    await settle(page);
    await page.getByRole("heading", { level: 1, name: `Change ${actionTitle}` }).waitFor();
    // The plan is approved: the form asks why, and says the change is recorded.
    await page.getByText("the change is recorded with your name, the date and this reason").waitFor();
    const due = page.getByRole("group", { name: "Due date (optional)" });
    await due.getByLabel("Day").fill("30");
    await due.getByLabel("Month").fill("6");
    await due.getByLabel("Year").fill("2028");

    // Without a reason, nothing is saved.
    await page.getByRole("button", { name: "Save changes" }).click();
    const summary = page.locator(".govuk-error-summary");
    await summary.waitFor();
    expect(await summary.innerText()).toContain("Enter the reason for the change");
    await summary.getByRole("link", { name: "Enter the reason for the change" }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("reason");
    await expectNoSidewaysScroll(page, "the action's change form");
    await expectAccessible(page, "the action's change form, with its error");
    await screenshot(page, "strategy-action-edit-375");

    const reason = `Moved to June 2028 after the steering group's review ${Date.now()}`;
    await page.getByLabel("Why is this being changed?").fill(reason);
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("The change has been recorded, with your reason.").waitFor();
    await settle(page);
    expect(await summaryValue(page, "Due").innerText()).toBe("30 June 2028");

    await page.getByRole("navigation", { name: "Strategy" }).getByRole("link", { name: "The plan" }).click();
    await settle(page);
    await page.getByText("Changes since approval").click();
    await expect.poll(() => page.getByTestId("approval").innerText()).toContain(reason);
    expect(await page.getByTestId("approval").innerText()).toContain("Wendy Workforce-Lead");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the workforce lead records a steering group meeting and sees it listed", async () => {
    const { context, page, errors, orgId } = await councilPhone(
      browser,
      baseUrl,
      "workforce.lead@halton.demo.test",
      /status of 400/,
    );
    await page.goto(`${baseUrl}/orgs/${orgId}/strategy/governance`);
    await settle(page);
    await page
      .getByRole("link", { name: /^Record a meeting of the .*steering/i })
      .first()
      .click();
    await settle(page);
    const title = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
    const group = title.replace(/^Record a meeting of the /, "");
    const held = page.getByRole("group", { name: "Date of the meeting" });
    await held.getByLabel("Day").fill("2");
    await held.getByLabel("Month").fill("12");
    await held.getByLabel("Year").fill("2026");
    await page.getByLabel("Agenda (optional)").fill("Quarter's progress\nRecruitment campaign");
    await page.getByLabel("Decisions (optional)").fill("Extend the recruitment campaign to March");
    await page.getByRole("button", { name: "Add an action arising" }).click();
    await page.getByLabel("What is to be done").fill("Write to providers about the campaign's extension");
    const plan = page.getByLabel("Action in the plan it is for (optional)");
    const linked = (await plan.locator("option").nth(1).innerText()).trim();
    await plan.selectOption({ index: 1 });
    await page.getByLabel("Who will do it (optional)").fill("Workforce lead");
    await expectNoSidewaysScroll(page, "the meeting form");
    await expectAccessible(page, "the meeting form");
    await screenshot(page, "strategy-meeting-new-375");
    await page.getByRole("button", { name: "Record the meeting" }).click();

    await page.getByText(`The ${group} meeting on 2 December 2026 has been recorded.`).waitFor();
    await settle(page);
    const meeting = page.locator("details").filter({ hasText: `${group}, 2 December 2026` });
    await meeting.locator("summary").click();
    const text = await meeting.innerText();
    expect(text).toContain("Recruitment campaign");
    expect(text).toContain("Extend the recruitment campaign to March");
    expect(text).toContain("Write to providers about the campaign's extension");
    expect(await meeting.getByRole("link", { name: linked }).count()).toBe(1);
    await expectNoSidewaysScroll(page, "the governance page");
    await expectAccessible(page, "the governance page after a meeting");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("every form for changing the strategy at 375 px: no sideways scrolling, axe clean", {
    timeout: 180_000,
  }, async () => {
    const { context, page, errors, orgId } = await councilPhone(
      browser,
      baseUrl,
      "workforce.lead@halton.demo.test",
      /status of 400/,
    );
    const visit = async (path: string, name: string) => {
      await page.goto(`${baseUrl}/orgs/${orgId}${path}`);
      await settle(page);
      await expectNoSidewaysScroll(page, name);
      await expectAccessible(page, name);
      await screenshot(page, `strategy-${name}-375`);
    };
    await visit("/strategy/edit", "edit");
    expect(await page.getByLabel("Why is this being changed?").count()).toBe(1);
    await visit("/strategy/pillars/new", "pillar-new");
    await visit("/strategy/actions/new", "action-new");
    await page.getByRole("button", { name: "Add a measure" }).click();
    await expectNoSidewaysScroll(page, "a new action with a measure");
    await expectAccessible(page, "a new action with a measure");
    await visit("/strategy/approve", "approve");
    expect(await page.locator("main").innerText()).toContain("approved this plan");
    await visit("/strategy/governance/groups/new", "group-new");
    await visit("/strategy/governance", "governance");
    const group = await page.locator("main h3 a[href*='/governance/groups/']").first().getAttribute("href");
    await visit(`/strategy/governance/groups/${group?.split("/").pop()}`, "group");
    expect(await page.getByRole("button", { name: /^Remove / }).count()).toBeGreaterThan(0);
    // Each member's Remove is on the screen of a phone, not off the side of a table.
    const remove = await page
      .getByRole("button", { name: /^Remove / })
      .first()
      .boundingBox();
    expect((remove?.x ?? 999) + (remove?.width ?? 0)).toBeLessThanOrEqual(375);
    await visit("/strategy/governance/forum/new", "forum-new");
    await visit("/strategy/governance", "governance");
    const entry = await page.locator("main a[href*='/governance/forum/']").first().getAttribute("href");
    await visit(entry?.replace(`/orgs/${orgId}`, "") ?? "", "forum-edit");
    expect(errors).toEqual([]);
    await context.close();
  });
});
