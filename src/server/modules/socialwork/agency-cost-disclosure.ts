import { type CostFacts, costBetween } from "../../../shared/sw-agency-rules";
import { MIN_EMPLOYERS } from "../metrics/disclosure";

// May this agency cost be shown? The one rule for every amount of agency spend the social work
// service gives (the monthly view, the spend page, their files): an amount resting on fewer than
// MIN_AGENCY_WORKERS agency workers is withheld from anyone who may not see all of their
// assignments, since it would show a person's pay (or let one of the few work out another's).

/**
 * The fewest agency workers an amount may rest on for a reader who cannot see their assignments:
 * the engine's threshold for a figure about other employers (MIN_EMPLOYERS, 3), a money figure's
 * usual minimum of contributors. Counts of people follow the figures' own base (SW_MIN_BASE, 5).
 */
export const MIN_AGENCY_WORKERS = MIN_EMPLOYERS;

/** The assignments an amount from `from` to `to` (both included) rests on: those that cost something in it. */
export const costsBehind = <T extends CostFacts>(assignments: readonly T[], from: string, to: string) =>
  assignments.filter((a) => costBetween(a, from, to) > 0);

/**
 * Whether an amount resting on `behind` may be shown to a reader who may see the pay of the
 * assignments in `payVisibleTeams` (null: every team's). Shown when it rests on nobody, on at
 * least MIN_AGENCY_WORKERS workers, or only on workers whose assignments the reader may see.
 */
export function mayShowAgencyCost(behind: readonly { teamId: string }[], payVisibleTeams: Set<string> | null) {
  if (payVisibleTeams === null || behind.length === 0 || behind.length >= MIN_AGENCY_WORKERS) return true;
  return behind.every((b) => payVisibleTeams.has(b.teamId));
}
