import { describe, expect, it } from "vitest";
import { datePartsOf, parseDateParts } from "./date-input";

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
});
