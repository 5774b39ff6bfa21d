import { describe, expect, it } from "vitest";
import { supervisionInput, supervisionPatch } from "./social-work-supervision";

// A supervision's length (issue 20 item 4, fix round): a supervision of 0 minutes or less is not
// one held; the field may be left empty when the length was not noted.

const base = {
  staffRecordId: "5b0c3f56-3f7e-4a4c-9a55-6a4ea2f0a001",
  heldOn: "2026-06-01",
  type: "reflective",
};

const minutesIssue = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.find((i) => i.path[0] === "minutes")?.message;

describe("a supervision's minutes", () => {
  it.each([0, -30])("refuses %i minutes, on recording and on changing, naming the field", (minutes) => {
    for (const r of [supervisionInput.safeParse({ ...base, minutes }), supervisionPatch.safeParse({ minutes })]) {
      expect(r.success).toBe(false);
      expect(minutesIssue(r)).toBe(
        "Enter the minutes the supervision lasted as 1 or more, or leave it empty if not noted",
      );
    }
  });

  it("accepts 1 to 600 minutes or none, and refuses more or part minutes", () => {
    for (const minutes of [1, 90, 600, null]) {
      expect(supervisionInput.safeParse({ ...base, minutes }).success).toBe(true);
      expect(supervisionPatch.safeParse({ minutes }).success).toBe(true);
    }
    expect(minutesIssue(supervisionInput.safeParse({ ...base, minutes: 601 }))).toMatch(/600 or less/);
    expect(minutesIssue(supervisionInput.safeParse({ ...base, minutes: 1.5 }))).toMatch(/whole number/);
  });
});
