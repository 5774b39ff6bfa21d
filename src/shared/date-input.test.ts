import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  dateFromParts,
  datePartsOf,
  datePartsOfDmy,
  dmyOf,
  monthPartsOf,
  parseDateParts,
  parseMonthParts,
} from "./date-input";

const parts = (day: string, month: string, year: string) => ({ day, month, year });

describe("the GOV.UK date input", () => {
  it("reads a date typed in the three boxes as an ISO day, with or without leading zeros or a month's name", () => {
    expect(parseDateParts(parts("4", "12", "2026"), "Leaving date")).toEqual({ ok: true, iso: "2026-12-04" });
    expect(parseDateParts(parts(" 04 ", "03", "2027"), "Leaving date")).toEqual({ ok: true, iso: "2027-03-04" });
    expect(parseDateParts(parts("29", "Feb", "2028"), "Leaving date")).toEqual({ ok: true, iso: "2028-02-29" });
    expect(parseDateParts(parts("1", "september", "2026"), "Leaving date")).toEqual({ ok: true, iso: "2026-09-01" });
  });

  it("says what is missing, in the pattern's words, and which boxes to highlight", () => {
    expect(parseDateParts(parts("", "", ""), "Leaving date")).toEqual({
      ok: false,
      message: "Enter the leaving date",
      parts: ["day", "month", "year"],
    });
    expect(parseDateParts(parts("4", "", "2026"), "Leaving date")).toEqual({
      ok: false,
      message: "Leaving date must include a month",
      parts: ["month"],
    });
    expect(parseDateParts(parts("", "", "2026"), "Due date")).toEqual({
      ok: false,
      message: "Due date must include a day and a month",
      parts: ["day", "month"],
    });
  });

  it("refuses dates that do not exist and years that are not 4 numbers", () => {
    expect(parseDateParts(parts("29", "2", "2027"), "Due date")).toEqual({
      ok: false,
      message: "Due date must be a real date",
      parts: ["day"],
    });
    expect(parseDateParts(parts("31", "13", "2027"), "Due date")).toEqual({
      ok: false,
      message: "Due date must be a real date",
      parts: ["month"],
    });
    expect(parseDateParts(parts("x", "4", "2027"), "Due date")).toMatchObject({ ok: false, parts: ["day"] });
    expect(parseDateParts(parts("1", "4", "27"), "Due date")).toEqual({
      ok: false,
      message: "Year must include 4 numbers",
      parts: ["year"],
    });
  });

  it("fills the boxes from an ISO day", () => {
    expect(datePartsOf("2026-12-04")).toEqual(parts("4", "12", "2026"));
    expect(datePartsOf(null)).toEqual(parts("", "", ""));
  });

  it("reads a month from its month and year boxes as YYYY-MM, with the pattern's messages", () => {
    const month = (m: string, y: string) => ({ day: "", month: m, year: y });
    expect(parseMonthParts(month("4", "2026"), "Month")).toEqual({ ok: true, iso: "2026-04" });
    expect(parseMonthParts(month("december", "2026"), "Month")).toEqual({ ok: true, iso: "2026-12" });
    expect(parseMonthParts(month("", ""), "Month")).toEqual({
      ok: false,
      message: "Enter the month",
      parts: ["month", "year"],
    });
    expect(parseMonthParts(month("4", ""), "Month")).toEqual({
      ok: false,
      message: "Month must include a year",
      parts: ["year"],
    });
    expect(parseMonthParts(month("13", "2026"), "Month")).toEqual({
      ok: false,
      message: "Month must be a real date",
      parts: ["month"],
    });
    expect(monthPartsOf("2026-04")).toEqual(month("4", "2026"));
    expect(monthPartsOf(null)).toEqual(month("", ""));
  });

  it("fills the boxes from a date as the ASC-WDS files write it, and writes one back", () => {
    expect(datePartsOfDmy("01/09/2026")).toEqual(parts("1", "9", "2026"));
    expect(datePartsOfDmy("4/12/1980")).toEqual(parts("4", "12", "1980"));
    expect(datePartsOfDmy("")).toEqual(parts("", "", ""));
    expect(datePartsOfDmy("2026-09-01")).toEqual(parts("1", "9", "2026"));
    expect(dmyOf("2026-09-01")).toBe("01/09/2026");
  });

  it("is a schema field for a form: the boxes in, the ISO day out, or the pattern's message at the field", () => {
    const schema = z.object({ leavingDate: dateFromParts("Leaving date") });
    expect(schema.parse({ leavingDate: parts("31", "5", "2026") })).toEqual({ leavingDate: "2026-05-31" });
    const refused = schema.safeParse({ leavingDate: parts("31", "", "2026") });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["leavingDate", "Leaving date must include a month"],
    ]);
    const optional = z.object({ dueOn: dateFromParts("Date", { optional: true }) });
    expect(optional.parse({ dueOn: parts("", " ", "") })).toEqual({ dueOn: null });
    expect(optional.safeParse({ dueOn: parts("1", "2", "") }).error?.issues[0].message).toBe(
      "Date must include a year",
    );
    const month = z.object({ month: dateFromParts("Month", { month: true }) });
    expect(month.parse({ month: { day: "", month: "4", year: "2026" } })).toEqual({ month: "2026-04" });
  });
});
