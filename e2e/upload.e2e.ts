import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { browserForFile, expectAccessible, screenshot, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const FIX = new URL("../test/fixtures/ascwds/", import.meta.url).pathname;
const browser = browserForFile();

describe("uploading ASC-WDS files in a browser", () => {
  it("upload → preview → choose what happens to missing staff → commit", async () => {
    const page = await browser.newPage();
    await signIn(page, baseUrl, "provider.admin@mersey-view.demo.test");
    await page.getByRole("heading", { level: 1, name: "Mersey View Care (demo)" }).waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Upload data" }).click();
    await page.getByRole("heading", { level: 1, name: "Upload workforce data" }).waitFor();
    await expectAccessible(page, "upload page");

    // First upload: two new workplaces and their staff.
    await page.setInputFiles(
      "#files",
      ["valid-workplace.csv", "valid-staff.csv", "valid-training.csv"].map((f) => FIX + f),
    );
    await page.getByLabel("Day").first().fill("30");
    await page.getByLabel("Month").first().fill("6");
    // A date left incomplete is said before the files are sent, and only its empty box is highlighted.
    await page.getByLabel("Year").first().fill("");
    await page.getByRole("button", { name: "Check the files" }).click();
    await page.getByRole("link", { name: "Date the counts refer to must include a year" }).waitFor();
    expect(await page.locator("#as-at .govuk-input--error").evaluateAll((els) => els.map((e) => e.id))).toEqual([
      "as-at-year",
    ]);
    await page.getByLabel("Year").first().fill("2026");
    await page.getByRole("button", { name: "Check the files" }).click();
    await page.getByRole("heading", { level: 1, name: "Check the changes before you save them" }).waitFor();
    expect(await page.textContent("main")).toContain("Riverside House (HOME1)");
    await expectAccessible(page, "preview page");
    await page.getByRole("button", { name: "Save these changes" }).click();
    await page.getByRole("heading", { level: 1, name: "Upload complete" }).waitFor();
    expect(await page.textContent("main")).toContain("4 staff records added");

    // Second upload: Cat (S3) is missing from the staff file.
    const lines = readFileSync(`${FIX}valid-staff.csv`, "utf8").split("\n");
    const dir = mkdtempSync(join(tmpdir(), "hub-e2e-upload-"));
    writeFileSync(join(dir, "staff.csv"), [lines[0], lines[1], lines[2], lines[4], ""].join("\n"));
    await page.getByRole("link", { name: "Upload more files" }).click();
    await page.setInputFiles("#files", [`${FIX}valid-workplace.csv`, join(dir, "staff.csv")]);
    await page.getByLabel("Day").first().fill("30");
    await page.getByLabel("Month").first().fill("6");
    await page.getByLabel("Year").first().fill("2026");
    await page.getByRole("button", { name: "Check the files" }).click();
    await page.getByRole("heading", { name: "1 member of staff is not in your staff file" }).waitFor();
    expect(await page.getByRole("cell", { name: "Cat Example", exact: true }).count()).toBe(1);
    await page.getByLabel("Record them as leavers").check();
    await page.getByLabel("Reason for leaving").selectOption({ label: "Retired" });
    await expectAccessible(page, "preview with missing staff");
    await screenshot(page, "upload-preview-missing-staff");
    await page.getByRole("button", { name: "Save these changes" }).click();
    await page.getByRole("heading", { level: 1, name: "Upload complete" }).waitFor();
    expect(await page.textContent("main")).toContain("1 person recorded as leaving");
    await expectAccessible(page, "upload complete page");

    // A third upload, cancelled at the preview: nothing changes.
    await page.getByRole("link", { name: "Upload more files" }).click();
    await page.setInputFiles("#files", [`${FIX}valid-workplace.csv`, `${FIX}valid-staff.csv`]);
    await page.getByRole("button", { name: "Check the files" }).click();
    await page.getByRole("heading", { level: 1, name: "Check the changes before you save them" }).waitFor();
    await page.getByRole("button", { name: "Cancel this upload" }).click();
    await page.getByRole("heading", { level: 1, name: "Upload cancelled" }).waitFor();
    expect(await page.textContent("main")).toContain("Nothing was changed");

    // A fourth: Bob (S2) is marked DELETE and Ann's (S1) hourly rate changes. Bob is shown and
    // nothing can be saved until someone says why he left; the changed field is named in words.
    writeFileSync(
      join(dir, "staff-leaver.csv"),
      [lines[0], lines[1].replace(",12.90,", ",13.50,"), lines[2].replace(",NEW,", ",DELETE,"), lines[4], ""].join(
        "\n",
      ),
    );
    await page.getByRole("link", { name: "Upload files" }).click();
    await page.setInputFiles("#files", [`${FIX}valid-workplace.csv`, join(dir, "staff-leaver.csv")]);
    await page.getByLabel("Day").first().fill("30");
    await page.getByLabel("Month").first().fill("6");
    await page.getByLabel("Year").first().fill("2026");
    await page.getByRole("button", { name: "Check the files" }).click();
    await page.getByRole("heading", { name: "1 person is marked as leaving in your staff file" }).waitFor();
    await page.getByText("What changes for updated staff").click();
    const preview = (await page.textContent("main")) ?? "";
    expect(preview).toContain("HOME1 / S1: pay rate");
    expect(preview).not.toContain("payRate");
    expect(preview).toContain("30 June 2026");
    const why = page.getByLabel("Why did Bob Example (HOME1 / S2) leave?");
    expect(await why.inputValue()).toBe("");
    await page.getByRole("button", { name: "Save these changes" }).click();
    await page.getByRole("link", { name: "Choose why Bob Example left" }).waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Check the changes before you save them");
    await expectAccessible(page, "preview with a leaver whose reason is missing");
    await screenshot(page, "upload-preview-leaver-reason");
    await page.getByRole("link", { name: "Choose why Bob Example left" }).click();
    await why.selectOption({ label: "Moved to the health sector" });
    expect(await page.textContent("main")).toContain("Where they went: The health sector");
    await page.getByRole("button", { name: "Save these changes" }).click();
    await page.getByRole("heading", { level: 1, name: "Upload complete" }).waitFor();
    const done = (await page.textContent("main")) ?? "";
    expect(done).toContain("1 staff record updated");
    expect(done).toContain("1 person recorded as leaving");
    await page.goto(`${page.url().replace(/\/uploads\/.*$/, "")}/staff?status=left&q=Bob`);
    await page.getByRole("cell", { name: /Moved to the health sector/ }).waitFor();
    await page.close();
  });

  it("shows each problem with file, line and column, and offers the report", async () => {
    const page = await browser.newPage();
    await signIn(page, baseUrl, "provider.admin@mersey-view.demo.test");
    await page.getByRole("heading", { level: 1, name: "Mersey View Care (demo)" }).waitFor();
    await page.goto(`${page.url()}/upload`);
    await page.setInputFiles("#files", [`${FIX}valid-workplace.csv`, `${FIX}staff-codes-and-ranges.csv`]);
    await page.getByRole("button", { name: "Check the files" }).click();
    await page.getByRole("heading", { level: 1, name: "Your files need correcting" }).waitFor();
    const text = (await page.textContent("main")) ?? "";
    expect(text).toContain("There are 7 errors to fix");
    expect(text).toContain("staff.GENDER.code");
    expect(await page.getByRole("link", { name: "Excel" }).count()).toBe(1);
    await expectAccessible(page, "upload errors page");
    await page.close();
  });
});
