import { ragOf } from "../../../shared/metrics";
import type { MeasureReading, StatusSuggestion } from "../../../shared/schemas/strategy";
import type { MeasureDirection } from "../../../shared/strategy";

// The status the hub suggests for an action from its linked measures at a quarter end: none while
// every figure is on the right side of its target (or has no value); otherwise "off track" when a
// figure misses by more than the amber band of the dashboards (a tenth of the target,
// shared/metrics.ts), and "at risk" when every miss is within it.

/** A figure is off target when it is on the wrong side of the target by its direction. */
export function isOffTarget(value: number | null, target: number, direction: MeasureDirection): boolean {
  if (value === null) return false;
  return direction === "lower" ? value > target : value < target;
}

export function suggestStatus(readings: MeasureReading[]): StatusSuggestion | null {
  const off = readings.filter((r) => r.offTarget);
  if (!off.length) return null;
  const red = off.some((r) => ragOf(r.value, r.target, r.direction) === "red");
  return { status: red ? "off_track" : "at_risk", because: off };
}
