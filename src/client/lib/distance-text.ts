// How far a job is, as the board says it. Distances run between postcode districts' centres
// (shared/postcode.ts), so 0 means the job is in the searcher's own district, not on their
// doorstep: "0 miles away" would read as a mistake, and "under a mile" could be untrue.

/** "(2.6 miles away)", "(1 mile away)", or "(in your postcode area)" for the searcher's own district. */
export function distanceText(miles: number | null): string {
  if (miles === null) return "";
  if (miles < 0.05) return " (in your postcode area)";
  return ` (${miles} ${miles === 1 ? "mile" : "miles"} away)`;
}
