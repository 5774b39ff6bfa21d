import { describe, expect, it } from "vitest";
import { MIN_FLOW_BASE, mayShowFlowCounts } from "./flow-disclosure";

describe("may a month's starters, leavers and agency counts be shown", () => {
  it("to a reader of figures only: from 5 staff in post, not 4 or none", () => {
    expect(MIN_FLOW_BASE).toBe(5);
    expect(mayShowFlowCounts(5, false)).toBe(true);
    expect(mayShowFlowCounts(4, false)).toBe(false);
    expect(mayShowFlowCounts(0, false)).toBe(false);
  });
  it("to a reader who may see the records behind them, whatever the number", () => {
    expect(mayShowFlowCounts(1, true)).toBe(true);
  });
});
