/** ISO date (YYYY-MM-DD) of a Date, in UTC. */
export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);
export const addMinutes = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);
export const addHours = (d: Date, hours: number) => addMinutes(d, hours * 60);

/**
 * The same day `months` earlier; the last day of that month when the day does not exist in it
 * (as PostgreSQL's date - interval 'n months': 2024-02-29 less 12 months is 2023-02-28).
 */
export function monthsBefore(at: string, months: number): string {
  const d = new Date(`${at}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return isoDate(d);
}

/** Age in whole years on `at` of someone born on `born` (both YYYY-MM-DD), as PostgreSQL's age(). */
export function ageOn(at: string, born: string): number {
  const years = Number(at.slice(0, 4)) - Number(born.slice(0, 4));
  return at.slice(5) < born.slice(5) ? years - 1 : years;
}
