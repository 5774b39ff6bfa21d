// The funnel's figures as people read them, withheld counts included (disclosure control,
// docs/metrics.md). Apart from the page so each wording is tested case by case.
import type { FunnelCount } from "../../queries/recruitment-hub";

/**
 * A count as people read it: a number, or why there is none. A withheld count is "Withheld", as
 * on the workforce figures, not "Fewer than 5": a count is also withheld when the people it
 * leaves out are few (12 of 14 still in post names the 2 who left) or to protect another row
 * of the same table, so it may well be 5 or more.
 */
export function countText(c: FunnelCount): string {
  if (c.count !== null) return c.count.toLocaleString("en-GB");
  if (c.reason === "not_enough_data") return "Not enough data";
  if (c.reason === "not_recorded") return "Not recorded";
  return "Withheld";
}

const percent = (n: number) => `${Math.round(n * 100)}%`;

/**
 * One route's retention at a mark: the share still in post with its counts; when only the
 * number still in post is withheld, "Withheld (14 hires due)"; when the hires due are withheld
 * too, the cell says so once (not "Fewer than 5 of Fewer than 5").
 */
export function retentionText(m: { eligible: FunnelCount; retained: FunnelCount; rate: number | null }): string {
  if (m.eligible.count === 0) return "Not yet due";
  if (m.rate !== null && m.retained.count !== null && m.eligible.count !== null)
    return `${percent(m.rate)} (${m.retained.count} of ${m.eligible.count})`;
  if (m.eligible.count === null) return countText(m.eligible);
  return `${countText(m.retained)} (${m.eligible.count.toLocaleString("en-GB")} ${m.eligible.count === 1 ? "hire" : "hires"} due)`;
}
