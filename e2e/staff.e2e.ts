import { describe, expect, inject, it } from "vitest";
import { browserForFile, expectAccessible, screenshot, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

describe("staff records in a browser", () => {
  it("a provider admin finds staff by filter and records a leaver", async () => {
    const page = await browser.newPage();
    await signIn(page, baseUrl, "provider.admin@mersey-view.demo.test");
    await page.getByRole("heading", { level: 1, name: "Mersey View Care (demo)" }).waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Staff", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Staff" }).waitFor();
    await page
      .getByText(/staff records? \(page 1 of|^\d+ staff records?$/)
      .first()
      .waitFor();
    await expectAccessible(page, "staff list");

    await page.getByLabel("Main job role").selectOption({ label: "Senior care worker" });
    await page.getByRole("button", { name: "Apply filters" }).click();
    // Wait for the filtered rows (the table is briefly empty while they load).
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll("tbody tr td:nth-child(3)")];
      return cells.length > 0 && cells.every((td) => td.textContent === "Senior care worker");
    });
    const rowsBefore = await page.locator("tbody tr").count();
    expect(rowsBefore).toBeGreaterThan(0);
    const name = (await page.locator("tbody tr td").first().textContent()) ?? "";

    await page
      .locator("tbody tr")
      .first()
      .getByRole("link", { name: /Record as leaver/ })
      .click();
    await page.getByRole("heading", { level: 1, name: "Record a leaver" }).waitFor();
    // The GOV.UK date input, today in its boxes; a box left empty is named and only it is highlighted.
    const month = await page.locator("#leaving-date-month").inputValue();
    expect(month).toMatch(/^\d{1,2}$/);
    await page.locator("#leaving-date-month").fill("");
    await page.getByRole("button", { name: "Record leaver" }).click();
    await page.locator(".govuk-error-summary").waitFor();
    const summary = (await page.textContent(".govuk-error-summary")) ?? "";
    expect(summary).toContain("Choose a reason for leaving");
    expect(summary).toContain("Leaving date must include a month");
    expect(await page.locator("#leaving-date-error").textContent()).toContain("Leaving date must include a month");
    expect(await page.locator("#leaving-date .govuk-input--error").evaluateAll((els) => els.map((e) => e.id))).toEqual([
      "leaving-date-month",
    ]);
    expect(await page.getByRole("link", { name: "Leaving date must include a month" }).getAttribute("href")).toBe(
      "#leaving-date-month",
    );
    await expectAccessible(page, "record a leaver with an error");
    await page.locator("#leaving-date-month").fill(month);
    await page.getByLabel("Reason for leaving").selectOption({ label: "Moved to the health sector" });
    await page.getByRole("button", { name: "Record leaver" }).click();
    await page.getByRole("heading", { level: 1, name: "Leaver recorded" }).waitFor();

    await page.getByRole("button", { name: "Back to staff" }).click();
    await page.getByLabel("Status").selectOption({ label: "Left" });
    await page.getByLabel("Name or reference").fill(name);
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page
      .getByRole("cell", { name: /Moved to the health sector/ })
      .first()
      .waitFor();
    await page.close();
  });

  it("a provider admin opens and closes a vacancy and records a month of agency use", async () => {
    const page = await browser.newPage();
    await signIn(page, baseUrl, "provider.admin@mersey-view.demo.test");
    await page.getByRole("heading", { level: 1, name: "Mersey View Care (demo)" }).waitFor();
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Vacancies" }).click();
    await page.getByRole("heading", { level: 1, name: "Vacancies" }).waitFor();
    const caption = page.locator("caption", { hasText: "Open vacancies" });
    await caption.waitFor();
    const before = Number(/\((\d+)\)/.exec((await caption.textContent()) ?? "")?.[1]);
    await expectAccessible(page, "vacancies page");
    await page.getByLabel("Workplace").selectOption({ index: 1 });
    await page.getByLabel("Job role").selectOption({ label: "Senior care worker" });
    await page.getByLabel("Number of posts").fill("2");
    await page.getByRole("button", { name: "Open vacancy" }).click();
    await page.getByText("2 vacancies opened.").waitFor();
    await page.locator("caption", { hasText: `Open vacancies (${before + 2})` }).waitFor();
    await page
      .getByRole("button", { name: /^Close/ })
      .first()
      .click();
    await page.locator("caption", { hasText: `Open vacancies (${before + 1})` }).waitFor();

    await nav.getByRole("link", { name: "Agency use" }).click();
    await page.getByRole("heading", { level: 1, name: "Agency use" }).waitFor();
    await page.getByLabel("Workplace").selectOption({ index: 1 });
    // A month is typed in month and year boxes; one left empty is named and only it is highlighted.
    expect(await page.locator("#agency-month-day").count()).toBe(0);
    await page.locator("#agency-month-month").fill("4");
    await page.locator("#agency-month-year").fill("");
    await page.getByLabel("Agency hours").fill("120");
    await page.getByLabel("Spend in pounds").fill("3,250.00");
    await page.getByLabel("Care worker", { exact: true }).check();
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("link", { name: "Month must include a year" }).waitFor();
    expect(await page.locator("#agency-month .govuk-input--error").evaluateAll((els) => els.map((e) => e.id))).toEqual([
      "agency-month-year",
    ]);
    await expectAccessible(page, "agency use with a month left out");
    await page.locator("#agency-month-year").fill("2026");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Agency use for April 2026 saved.").waitFor();
    await page.getByRole("cell", { name: "£3,250.00" }).waitFor();
    await page.getByRole("cell", { name: "April 2026" }).first().waitFor();
    await expectAccessible(page, "agency use page");
    await page.close();
  });

  it("a provider admin adds a staff record, with the ASC-WDS rules' messages in the form's words, then edits it", async () => {
    const page = await browser.newPage();
    await signIn(page, baseUrl, "provider.admin@mersey-view.demo.test");
    await page.getByRole("heading", { level: 1, name: "Mersey View Care (demo)" }).waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Staff", exact: true }).click();
    await page.getByRole("link", { name: "Add a staff record" }).click();
    await page.getByRole("heading", { level: 1, name: "Add a staff record" }).waitFor();
    await page.getByLabel("Workplace").selectOption({ index: 1 });
    await page.getByLabel("Your reference for this person").fill("E2E-NEW-1");
    await page.getByLabel("Hourly rate (£)").fill("12.95");
    await page.getByLabel("Contracted weekly hours").fill("30");
    await page.getByRole("button", { name: "Save" }).click();
    await page.locator(".govuk-error-summary").waitFor();
    const summary = (await page.textContent(".govuk-error-summary")) ?? "";
    // In the form's words, not the file's column codes ("DISPLAYID is blank").
    expect(summary).toContain("Enter their name or an ID your team knows them by");
    expect(summary).not.toContain("DISPLAYID");
    expect(await page.locator("#field-displayid-error").textContent()).toContain("Enter their name");
    await expectAccessible(page, "add a staff record with an error");
    await page.getByLabel("Name or ID").fill("Erin Example");
    // The start date in GOV.UK date boxes: a day that does not exist is refused before anything is sent.
    await page.locator("#field-startdate-day").fill("31");
    await page.locator("#field-startdate-month").fill("9");
    await page.locator("#field-startdate-year").fill("2026");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("link", { name: "Start date in main job must be a real date" }).waitFor();
    expect(
      await page.locator("#field-startdate .govuk-input--error").evaluateAll((els) => els.map((e) => e.id)),
    ).toEqual(["field-startdate-day"]);
    await page.locator("#field-startdate-day").fill("1");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("heading", { level: 1, name: "Record added" }).waitFor();

    await page.getByRole("link", { name: "Back to staff" }).click();
    await page.getByLabel("Name or reference").fill("Erin Example");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.getByRole("link", { name: "Erin Example", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Edit Erin Example" }).waitFor();
    expect(await page.getByLabel("Hourly rate (£)").inputValue()).toBe("12.95");
    // The date saved as the files write it (01/09/2026) comes back in its boxes.
    expect(
      await Promise.all(["day", "month", "year"].map((p) => page.locator(`#field-startdate-${p}`).inputValue())),
    ).toEqual(["1", "9", "2026"]);
    await page.getByLabel("Hourly rate (£)").fill("13.20");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("heading", { level: 1, name: "Record updated" }).waitFor();
    await page.close();
  });

  it("a provider admin sets the working week and mandatory training, and sees training compliance on the dashboard", async () => {
    const page = await browser.newPage();
    await signIn(page, baseUrl, "provider.admin@mersey-view.demo.test");
    await page.getByRole("heading", { level: 1, name: "Mersey View Care (demo)" }).waitFor();
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Working week and training" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Working week and mandatory training" }).waitFor();
    // The demo's mandatory training: seven categories, one line each.
    const trainings = page.locator(".govuk-summary-list__row");
    expect(await trainings.count()).toBe(7);
    expect(await trainings.first().locator("dt").textContent()).toBe("Safeguarding adults");
    await expectAccessible(page, "working week and training");

    // It fits on a screen (it was about 10,000 px, 40 job-role boxes for each training), also with
    // a training open at its job roles, and never scrolls sideways on a 320 px phone.
    const size = () =>
      page.evaluate(() => ({
        height: document.documentElement.scrollHeight,
        width: document.documentElement.scrollWidth,
        viewport: document.documentElement.clientWidth,
      }));
    await page.setViewportSize({ width: 1280, height: 800 });
    expect((await size()).height).toBeLessThan(3000);
    await page.getByRole("button", { name: "Change Medication management" }).click();
    const editor = page.getByRole("group", { name: "Training 7: Medication management" });
    expect(await editor.getByLabel("Only some job roles").isChecked()).toBe(true);
    expect(await editor.getByRole("checkbox").count()).toBe(37);
    expect(await editor.getByLabel("Team leader", { exact: true }).isChecked()).toBe(true);
    await screenshot(page, "working-week-training-1280");
    expect((await size()).height).toBeLessThan(3000);
    await page.setViewportSize({ width: 320, height: 640 });
    const phone = await size();
    expect(phone.width).toBeLessThanOrEqual(phone.viewport);
    await expectAccessible(page, "working week and training at 320 px, a training open");
    await screenshot(page, "working-week-training-320");
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole("button", { name: "Done with Medication management" }).click();

    await page.getByLabel("Hours in a full-time week").fill("70");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.locator(".govuk-error-summary").waitFor();
    expect(await page.textContent(".govuk-error-summary")).toContain("A full-time week is at most 60 hours");
    await expectAccessible(page, "working week with an error");

    await page.getByLabel("Hours in a full-time week").fill("39");
    await page.getByRole("button", { name: "Add training" }).click();
    const added = page.getByRole("group", { name: /^Training 8: / });
    await added.getByLabel("Training category").selectOption({ label: "Autism" });
    await added.getByLabel("Only some job roles").check();
    await added.getByLabel("Care worker", { exact: true }).check();
    await added.getByLabel("Registered nurse", { exact: true }).check();
    await added.getByRole("button", { name: "Tick all managerial and supervisory roles" }).click();
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Settings saved").waitFor();
    const autism = page.locator(".govuk-summary-list__row", { hasText: "Autism" });
    expect(await autism.locator(".govuk-summary-list__value").textContent()).toBe(
      "All managerial and supervisory roles, Care worker and Registered nurse",
    );
    await page.reload();
    await page.locator(".govuk-summary-list__row", { hasText: "Autism" }).waitFor();
    expect(await trainings.count()).toBe(8);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workforce figures" }).click();
    const row = page.getByRole("row", { name: /Mandatory training in date/ }).first();
    await row.waitFor();
    expect(await row.textContent()).toMatch(/\d+\.\d%/);
  });
});
