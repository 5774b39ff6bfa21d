import { describe, expect, it } from "vitest";
import { csvText } from "./csv";

describe("CSV built in the browser", () => {
  it("quotes cells with commas and quotes, and defuses text a spreadsheet would run as a formula", () => {
    expect(
      csvText(
        ["Provider", "Vacancy rate"],
        [
          ["Smith, Jones & Co", 0.083],
          ['The "Oaks"', null],
          ["=HYPERLINK(1)", -1],
        ],
      ),
    ).toBe('Provider,Vacancy rate\r\n"Smith, Jones & Co",0.083\r\n"The ""Oaks""",\r\n\'=HYPERLINK(1),-1\r\n');
  });
});
