import { describe, expect, it } from "vitest";
import { recordDate } from "./common";
import { endAssignmentInput } from "./social-work-agency";

const messages = (value: unknown) => {
  const r = recordDate("start date").safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe("recordDate: a date someone records", () => {
  it("takes a real date from 1900 to 2099", () => {
    expect(messages("2026-12-05")).toEqual([]);
    expect(messages("1900-01-01")).toEqual([]);
    expect(messages("2099-12-31")).toEqual([]);
  });

  it("gives one message for an empty, missing or impossible date", () => {
    expect(messages("")).toEqual(["Enter the start date as a real date"]);
    expect(messages(undefined)).toEqual(["Enter the start date as a real date"]);
    expect(messages("2026-02-30")).toEqual(["Enter the start date as a real date"]);
  });

  it("refuses a year outside 1900 to 2099 (a slip like 9999 or 1026)", () => {
    expect(messages("9999-12-31")).toEqual(["Enter the start date between 1900 and 2099"]);
    expect(messages("1899-12-31")).toEqual(["Enter the start date between 1900 and 2099"]);
  });

  it("is what the social work forms use: an agency assignment ending in 9999 is refused", () => {
    const r = endAssignmentInput.safeParse({ endDate: "9999-12-31" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({
      path: ["endDate"],
      message: "Enter the end date between 1900 and 2099",
    });
  });
});
