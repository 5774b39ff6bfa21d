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

  it("withhold the number still in post against the hires due", () => {
    expect(retentionText({ eligible: n(14), retained: withheld, rate: null })).toBe("Fewer than 5 of 14");
  });

  it("say once why a cell is withheld when the hires due are few, not 'Fewer than 5 of Fewer than 5'", () => {
    const text = retentionText({ eligible: withheld, retained: withheld, rate: null });
    expect(text).toBe("Withheld: fewer than 5 hires due");
    expect(text).not.toMatch(/of Fewer/);
  });

  it("name too few employers as not enough data", () => {
    const few = { count: null, reason: "not_enough_data" as const };
    expect(retentionText({ eligible: few, retained: few, rate: null })).toBe("Not enough data");
    expect(countText({ count: 1292 })).toBe("1,292");
  });
});
