import { describe, expect, it } from "vitest";
import { countText, retentionText } from "./funnel-text";

const n = (count: number) => ({ count });
const withheld = { count: null, reason: "suppressed" as const };

describe("the funnel's retention cells", () => {
  it("give the share with its counts when both are shown", () => {
    expect(retentionText({ eligible: n(26), retained: n(19), rate: 19 / 26 })).toBe("73% (19 of 26)");
  });

  it("say a mark not reached yet is not yet due", () => {
    expect(retentionText({ eligible: n(0), retained: n(0), rate: null })).toBe("Not yet due");
  });

  it("withhold the number still in post without saying it is fewer than 5 (it is also withheld when few left)", () => {
    // 12 of 14 still in post is withheld because it would name the 2 who left.
    const text = retentionText({ eligible: n(14), retained: withheld, rate: null });
    expect(text).toBe("Withheld (14 hires due)");
    expect(text).not.toMatch(/Fewer than 5/);
  });

  it("say once that a cell is withheld when the hires due are, not 'Fewer than 5 of Fewer than 5'", () => {
    const text = retentionText({ eligible: withheld, retained: withheld, rate: null });
    expect(text).toBe("Withheld");
    expect(countText(withheld)).toBe("Withheld");
  });

  it("name too few employers as not enough data", () => {
    const few = { count: null, reason: "not_enough_data" as const };
    expect(retentionText({ eligible: few, retained: few, rate: null })).toBe("Not enough data");
    expect(countText({ count: 1292 })).toBe("1,292");
  });
});
