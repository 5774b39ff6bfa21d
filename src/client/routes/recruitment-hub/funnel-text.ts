// The funnel's figures as people read them, withheld counts included (disclosure control,
// docs/metrics.md). Apart from the page so each wording is tested case by case.
import type { FunnelCount } from "../../queries/recruitment-hub";

/** A count as people read it: a number, or why there is none. */
export function countText(c: FunnelCount): string {
  if (c.count !== null) return c.count.toLocaleString("en-GB");
  if (c.reason === "not_enough_data") return "Not enough data";
  if (c.reason === "not_recorded") return "Not recorded";
  return "Fewer than 5";
}

const percent = (n: number) => `${Math.round(n * 100)}%`;

/**
 * One route's retention at a mark: the share still in post with its counts; when only the
 * number still in post is withheld, "Fewer than 5 of 14"; when the hires due are themselves
 * withheld there is nothing to say "of", so the cell says why once (not "Fewer than 5 of Fewer than 5").
 */
export function retentionText(m: { eligible: FunnelCount; retained: FunnelCount; rate: number | null }): string {
  if (m.eligible.count === 0) return "Not yet due";
  if (m.rate !== null && m.retained.count !== null && m.eligible.count !== null)
    return `${percent(m.rate)} (${m.retained.count} of ${m.eligible.count})`;
  if (m.eligible.count === null)
    return m.eligible.reason === "suppressed" || !m.eligible.reason
      ? "Withheld: fewer than 5 hires due"
      : countText(m.eligible);
  return `${countText(m.retained)} of ${countText(m.eligible)}`;
}
