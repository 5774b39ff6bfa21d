import { describe, expect, it } from "vitest";
import { isSweNumber, normaliseSweNumber } from "./sw-registration";
import { dateOfBirthProblem, latestLeavingDate } from "./sw-worker-details";

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

  it("reads an SWE number in lower case or with spaces as the register writes it", () => {
    expect(normaliseSweNumber(" sw 640 100 ")).toBe("SW640100");
    expect(isSweNumber("SW640100")).toBe(true);
    expect(isSweNumber("SW123")).toBe(false);
    expect(isSweNumber("640100")).toBe(false);
  });
});
