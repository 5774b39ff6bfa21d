import { describe, expect, it } from "vitest";
import { SECTOR_VALUES, sectorValueLabel } from "./recruitment";

describe("a value's words", () => {
  it("are the value's label, never its key, for each of the seven values", () => {
    expect(sectorValueLabel("whole_person")).toBe("See the whole person");
    expect(sectorValueLabel("proud")).toBe("Proud and positive");
    for (const v of SECTOR_VALUES) expect(sectorValueLabel(v), v).not.toMatch(/_/);
  });

  it("leave a value outside the seven as the employer wrote it", () => {
    expect(sectorValueLabel("Punctual")).toBe("Punctual");
  });
});
