import { describe, expect, it } from "vitest";
import { distanceText } from "./distance-text";

describe("a job's distance on the board", () => {
  it("says a job in the searcher's own postcode district is in their area, not '0 miles away'", () => {
    expect(distanceText(0)).toBe(" (in your postcode area)");
    expect(distanceText(0)).not.toContain("0 miles");
  });

  it("gives other distances in miles, one mile in the singular, and nothing without a postcode", () => {
    expect(distanceText(2.6)).toBe(" (2.6 miles away)");
    expect(distanceText(1)).toBe(" (1 mile away)");
    expect(distanceText(null)).toBe("");
  });
});
