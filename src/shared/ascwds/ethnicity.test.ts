import { describe, expect, it } from "vitest";
import { ETHNICITY_CODES, ETHNICITY_OPTIONS, ETHNICITY_UNKNOWN } from "./codes";

// The forms' ethnicity choices and the codes the upload and the API accept come from one list, so a
// choice the form offers is never refused and a code the API takes is never missing from the form.
describe("ASC-WDS ethnicity codes", () => {
  it("offers exactly the codes that are accepted, in the reference's order", () => {
    expect(ETHNICITY_OPTIONS.map((o) => Number(o.value))).toEqual([...ETHNICITY_CODES]);
    expect([...ETHNICITY_CODES]).toEqual([31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 98, 99]);
  });

  it("names each code in words", () => {
    expect(ETHNICITY_OPTIONS[0]).toEqual({
      value: "31",
      label: "White: English, Welsh, Scottish, Northern Irish or British",
    });
    expect(ETHNICITY_OPTIONS.find((o) => o.value === String(ETHNICITY_UNKNOWN))?.label).toBe("Don't know");
    expect(ETHNICITY_OPTIONS.every((o) => o.label.trim().length > 0)).toBe(true);
  });
});
