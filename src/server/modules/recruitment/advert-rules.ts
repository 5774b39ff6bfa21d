import { longDate } from "../../../shared/dates";
import type { PayAgeBand, PayUnit } from "../../../shared/recruitment";
import { applicableRlw, type PayFloor, statutoryMinimum } from "../reference/pay-floors";

// The rules an advert must meet before it goes on the board (issue 17 item 1), as pure
// functions over the reference pay floors, so each refusal is tested case by case
// (advert-rules.test.ts) and the form shows the same floors the server checks against.

export interface Issue {
  path: string;
  message: string;
}

/** Weeks in a year (365 / 7): annual pay is turned into an hourly rate over every week of the year. */
export const WEEKS_A_YEAR = 365 / 7;

/** The age each band is checked at (the youngest the band covers), and the apprentice flag. */
const BAND_AGE: Record<PayAgeBand, { age: number; apprentice: boolean; who: string }> = {
  "21_plus": { age: 21, apprentice: false, who: "people aged 21 and over" },
  "18_20": { age: 18, apprentice: false, who: "people aged 18 to 20" },
  under_18: { age: 16, apprentice: false, who: "people under 18" },
  apprentice: { age: 16, apprentice: true, who: "apprentices" },
};

/**
 * An advert is open (on the board, taking applications) when published and its closing date has
 * not passed: the periodic close catches up later. The same condition in SQL: adverts.repo.ts openAdvert.
 */
export const isOpenAdvert = (a: { status: string; closingDate: string }, today: string) =>
  a.status === "published" && a.closingDate >= today;

export const pounds = (pence: number) => `£${(pence / 100).toFixed(2)}`;

/** The statutory minimum (National Living Wage or Minimum Wage band) for an advert's age band on a date. */
export function legalFloor(floors: PayFloor[], band: PayAgeBand, on: string): PayFloor | null {
  const b = BAND_AGE[band];
  return statutoryMinimum(floors, on, b.age, b.apprentice);
}

export interface PayInput {
  payUnit: PayUnit;
  payMinPence: number;
  payMaxPence: number | null;
  payAgeBand: PayAgeBand;
  hoursPerWeek: number | null;
  zeroHours: boolean;
}

/**
 * The lowest pay an hour, in pence, or null when it cannot be worked out (annual pay with no
 * contracted hours: zero hours or bank).
 */
export function hourlyPence(p: Pick<PayInput, "payUnit" | "payMinPence" | "hoursPerWeek" | "zeroHours">) {
  if (p.payUnit === "hour") return p.payMinPence;
  if (p.zeroHours || !p.hoursPerWeek) return null;
  return p.payMinPence / (p.hoursPerWeek * WEEKS_A_YEAR);
}

/** What the form shows against the pay: the legal floor and the Real Living Wage in force on the date. */
export function payGuide(floors: PayFloor[], band: PayAgeBand, on: string, london = false) {
  const nlw = legalFloor(floors, band, on);
  const rlw = applicableRlw(floors, on, london);
  return {
    legalMinimum: nlw
      ? { hourly: nlw.hourlyRate, from: nlw.applicableFrom, who: BAND_AGE[band].who, band: nlw.band }
      : null,
    realLivingWage: rlw ? { hourly: rlw.hourlyRate, from: rlw.applicableFrom } : null,
  };
}

/** Refusals about pay and hours, each naming its field; empty when the pay may be published on `on`. */
export function payProblems(floors: PayFloor[], p: PayInput, on: string): Issue[] {
  const issues: Issue[] = [];
  if (p.payMaxPence !== null && p.payMaxPence < p.payMinPence)
    issues.push({ path: "payMax", message: "The highest pay must be the same as or more than the lowest pay" });
  if (!p.zeroHours && p.hoursPerWeek === null && p.payUnit === "year")
    issues.push({ path: "hoursPerWeek", message: "Enter the hours a week, or say it is zero hours" });
  if (p.zeroHours && p.hoursPerWeek !== null)
    issues.push({
      path: "hoursPerWeek",
      message: "A zero-hours job has no contracted hours: leave hours a week empty",
    });
  if (p.payUnit === "year" && p.zeroHours) {
    issues.push({
      path: "payUnit",
      message: "Give zero-hours pay as an hourly rate: a yearly salary cannot be checked without contracted hours",
    });
    return issues;
  }
  const floor = legalFloor(floors, p.payAgeBand, on);
  const hourly = hourlyPence(p);
  if (floor && hourly !== null && hourly + 1e-9 < Math.round(floor.hourlyRate * 100)) {
    const rate = `£${floor.hourlyRate.toFixed(2)}`;
    const law = floor.band === "21_plus" ? "the National Living Wage" : "the National Minimum Wage";
    const annual =
      p.payUnit === "year" && p.hoursPerWeek
        ? ` (at ${p.hoursPerWeek} hours a week that is at least £${Math.ceil(floor.hourlyRate * p.hoursPerWeek * WEEKS_A_YEAR).toLocaleString("en-GB")} a year)`
        : "";
    issues.push({
      path: "payMin",
      message: `Pay must be at least ${rate} an hour, ${law} for ${BAND_AGE[p.payAgeBand].who} from ${longDate(floor.applicableFrom)}${annual}`,
    });
  }
  return issues;
}

/** The closing date must not be in the past (today is allowed: it closes at the end of the day). */
export function closingDateProblems(closingDate: string, today: string): Issue[] {
  return closingDate < today
    ? [{ path: "closingDate", message: `The closing date must be today (${longDate(today)}) or later` }]
    : [];
}
