import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { browserForFile, councilPhone, expectAccessible, expectNoSidewaysScroll, screenshot, settle } from "./browser";

// The council's workforce strategy screens (issue 16) in the browser, on the demo: a provider's
// registered manager in the steering group records this quarter's update on an action they own and
// sees its status change on the plan; the workforce lead writes the board report's narrative and
// downloads the report as Word and PDF (then finds both among the kept versions); and every
// strategy page on a 375 px phone, with no sideways scrolling, axe clean, and a screenshot in
// test-results/strategy-*.png.

const baseUrl = inject("baseUrl");
const browser = browserForFile();

/** The status tag in an action's row on the plan page. */
const rowStatus = (page: Page, ref: string) =>
  page
    .locator("main tr")
    .filter({ has: page.getByRole("link", { name: new RegExp(`^${ref.replace(".", "\\.")} `) }) })
    .locator("td")
    .nth(4);

describe("the strategy screens", () => {
  it("a provider's manager in the steering group records an update as Off track and the plan shows it", async () => {
    const { context, page, errors, orgId } = await councilPhone(browser, baseUrl, "manager@mersey-view.demo.test");
    // Their own actions, by the owner filter (kept in the address).
    await page.goto(`${baseUrl}/orgs/${orgId}/strategy`);
    await settle(page);
    await page.getByLabel("Owner").selectOption({ label: "Rita Registered-Manager" });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL((u) => u.searchParams.has("owner"));
    await settle(page);
    // One of their actions that is not off track this quarter.
    const rows = page.locator("main tbody tr").filter({ has: page.locator("a[href*='/strategy/actions/']") });
    let ref = "";
    for (let i = 0; i < (await rows.count()); i++) {
      const status = (await rows.nth(i).locator("td").nth(4).innerText()).trim();
      if (status !== "Off track") {
        ref = (await rows.nth(i).locator("a").first().innerText()).split(" ")[0];
        break;
      }
    }
    expect(ref, "an action the manager owns that is not off track").not.toBe("");
    await expect.poll(() => rowStatus(page, ref).innerText()).not.toBe("Off track");
    await expectAccessible(page, "the plan, filtered by owner");

    await page.getByRole("link", { name: new RegExp(`^${ref.replace(".", "\\.")} `) }).click();
    await settle(page);
    await page.getByLabel("Off track").check();
    await page.getByLabel("What has happened this quarter").fill("Two providers left the joint campaign.");
    await page.getByLabel("Evidence links (optional)").fill("https://example.org/minutes");
    await page.getByRole("button", { name: "Save update" }).click();
    await page.getByText("The update has been recorded.").waitFor();
    await expect
      .poll(() => page.locator("#history").locator("..").innerText())
      .toContain("Two providers left the joint campaign.");
    await expectAccessible(page, "an action after its update");
    await screenshot(page, "strategy-action-375");

    await page.getByRole("navigation", { name: "Strategy" }).getByRole("link", { name: "The plan" }).click();
    await settle(page);
    await expect.poll(() => rowStatus(page, ref).innerText()).toBe("Off track");
    expect(await rowStatus(page, ref).locator(".govuk-tag--red").count()).toBe(1);

    // An action someone else owns: no form, as the API would refuse it.
    await page.goto(`${baseUrl}/orgs/${orgId}/strategy`);
    await settle(page);
    const other = page
      .locator("main tbody tr")
      .filter({ hasNot: page.getByText("Rita Registered-Manager") })
      .filter({ hasNot: page.getByText(/task and finish group|steering group/) })
      .locator("a[href*='/strategy/actions/']")
      .first();
    await other.click();
    await settle(page);
    expect(await page.getByRole("button", { name: "Save update" }).count()).toBe(0);
    await page.getByText("Progress on this action is recorded by its owner").waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the workforce lead saves the narrative and downloads the board report as Word and PDF, each kept", async () => {
    const { context, page, errors, orgId } = await councilPhone(browser, baseUrl, "workforce.lead@halton.demo.test");
    await page.goto(`${baseUrl}/orgs/${orgId}/strategy/report`);
    await settle(page);
    await page.getByLabel("Title of the report").fill("Workforce strategy: progress this quarter");
    // The hub suggests the rest of the narrative; the reporting officer is the council's to name.
    await page.getByLabel("Reporting officer").fill("Wendy Workforce-Lead, Workforce Lead");
    await page.getByRole("button", { name: "Save the narrative" }).click();
    await page.getByText("The narrative has been saved.").waitFor();

    const sizes: Record<string, number> = {};
    for (const [name, magic] of [
      ["Word", "PK"],
      ["PDF", "%PDF"],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: 60_000 }),
        page.getByRole("link", { name: new RegExp(`^Download the report for .* as ${name}`) }).click(),
      ]);
      const stream = await download.createReadStream();
      const chunks: Buffer[] = [];
      for await (const c of stream) chunks.push(c as Buffer);
      const bytes = Buffer.concat(chunks);
      expect(bytes.length, `${name} file size`).toBeGreaterThan(10_000);
      expect(bytes.subarray(0, magic.length).toString("latin1")).toBe(magic);
      expect(download.suggestedFilename()).toMatch(name === "Word" ? /\.docx$/ : /\.pdf$/);
      if (name === "Word") expect(bytes.includes(Buffer.from("word/document.xml"))).toBe(true);
      sizes[name] = bytes.length;
    }
    // Both versions are kept, with who made them.
    await page.reload();
    await settle(page);
    const kept = page.locator("#kept").locator("..");
    await expect.poll(() => kept.locator("tbody tr").count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    const keptText = await kept.innerText();
    expect(keptText).toContain("Word, made");
    expect(keptText).toContain("PDF, made");
    expect(keptText).toContain("Wendy Workforce-Lead");
    await expectAccessible(page, "the board report page");
    await expectNoSidewaysScroll(page, "the board report page");
    await screenshot(page, "strategy-report-375");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("every strategy page at 375 px: no sideways scrolling, axe clean, screenshots", { timeout: 300_000 }, async () => {
    const { context, page, errors, orgId } = await councilPhone(browser, baseUrl, "workforce.lead@halton.demo.test");
    const visit = async (path: string, name: string) => {
      await page.goto(`${baseUrl}/orgs/${orgId}${path}`);
      await settle(page);
      await expectNoSidewaysScroll(page, name);
      await expectAccessible(page, name);
      await screenshot(page, `strategy-${name}-375`);
    };
    await visit("/strategy", "plan");
    const plan = page.locator("main");
    expect(await plan.innerText()).toContain("This is the approved plan: changes are recorded");
    // The statuses are in words (the tag's colour only repeats them).
    expect(await page.locator("main .govuk-tag").allInnerTexts()).toEqual(
      expect.arrayContaining(["On track", "At risk", "Off track", "Not started"]),
    );
    const action = await page.locator("main tbody a[href*='/strategy/actions/']").first().getAttribute("href");
    await visit(`/strategy/actions/${action?.split("/").pop()}`, "action");
    await visit("/strategy/risks", "risks");
    // The heat map: every cell's count with its band in words.
    const heat = page.locator("table").filter({ hasText: "by likelihood" });
    expect(await heat.locator("tbody td").count()).toBe(25);
    expect(await heat.locator("tbody tr").first().locator("td").last().innerText()).toMatch(/^\d+ Very high$/);
    const risk = await page
      .locator("main a[href*='/strategy/risks/']")
      .filter({ hasText: "Market fragility" })
      .getAttribute("href");
    const riskId = risk?.split("/").pop();
    await visit(`/strategy/risks/${riskId}`, "risk");
    expect(await page.locator("#history").locator("..").innerText()).toContain("Score: 15 to 20");
    await visit(`/strategy/risks/${riskId}/edit`, "risk-edit");
    await visit("/strategy/risks/new", "risk-new");
    await visit("/strategy/governance", "governance");
    expect(await page.locator("main").innerText()).toContain("You said, we did");
    await visit("/strategy/report", "report");
    expect(errors).toEqual([]);
    await context.close();
  });
});
