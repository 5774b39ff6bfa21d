import { MIN_SPECIAL_CELL } from "../metrics/disclosure";

// May a month's starters, leavers and agency workers in post be shown? The one rule for those
// counts however they are reached: the board report's social work section (figures-series.service.ts
// monthlyFlows) and the monthly starters, leavers and agency view (starters-leavers.service.ts).
// With few staff in post, a count of one or two starters or leavers points at a person.

/**
 * The fewest staff in post at the month's end for a service's counts to be shown to a reader who
 * cannot see its records: the engine's smallest published count of people (MIN_SPECIAL_CELL, 5),
 * the same as the social work figures' base (SW_MIN_BASE).
 */
export const MIN_FLOW_BASE = MIN_SPECIAL_CELL;

/**
 * Whether a group's counts for a month may be shown: always to a reader who may see every record
 * behind them (a lead, a team manager for their own team), otherwise only with at least
 * MIN_FLOW_BASE staff in post at the month's end.
 */
export const mayShowFlowCounts = (inPostAtMonthEnd: number, readerSeesRecords: boolean) =>
  readerSeesRecords || inPostAtMonthEnd >= MIN_FLOW_BASE;
