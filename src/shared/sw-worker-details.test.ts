import { describe, expect, it } from "vitest";
import { latestLeavingDate, swLeavingReasonLabel, swLeavingReasonOptions } from "./sw-leaving";
import { isSweNumber, normaliseSweNumber } from "./sw-registration";
import { dateOfBirthProblem } from "./sw-worker-details";

describe("a worker's details", () => {
  it("takes ages 18 to 80 on the start date, counted in whole years", () => {
    expect(dateOfBirthProblem("2008-05-01", "2026-05-01")).toBeNull();
    expect(dateOfBirthProblem("2008-05-02", "2026-05-01")).toMatch(/aged 18 to 80/);
    expect(dateOfBirthProblem("1945-05-02", "2026-05-01")).toBeNull();
    expect(dateOfBirthProblem("1945-05-01", "2026-05-01")).toMatch(/aged 18 to 80/);
    expect(dateOfBirthProblem("2030-01-01", "2026-05-01")).toMatch(/aged 18 to 80/);
  });

  it("lets a leaving date run 6 months ahead, to the month's last day when shorter", () => {
    expect(latestLeavingDate("2026-06-15")).toBe("2026-12-15");
    expect(latestLeavingDate("2026-08-31")).toBe("2027-02-28");
  });

  it("words a children's worker's leaving reason as the census does, keeping the stored codes", () => {
    expect(swLeavingReasonLabel(1, "children")).toBe("Moved to another social care or social work employer");
    expect(swLeavingReasonLabel(1, "adults")).toBe("Moved to another adult social care employer");
    const children = swLeavingReasonOptions("children");
    expect(children.map((o) => o.value)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect(children.some((o) => /adult/i.test(o.label))).toBe(false);
  });

  it("reads an SWE number in lower case or with spaces as the register writes it", () => {
    expect(normaliseSweNumber(" sw 640 100 ")).toBe("SW640100");
    expect(isSweNumber("SW640100")).toBe(true);
    expect(isSweNumber("SW123")).toBe(false);
    expect(isSweNumber("640100")).toBe(false);
  });
});
