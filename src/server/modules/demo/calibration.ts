/**
 * The demo system's calibration: Halton's workforce strategy figures (see issues 2 and 15). The
 * generator hits the anchor date's figures exactly by quota, and shapes three years of history
 * so that the trends tell the strategy's story: vacancies rising, the workforce shrinking,
 * permanent contracts falling and agency spend climbing. Tests check them back through the
 * figures engine.
 */
export const CALIBRATION = {
  workforce: 3000, // in post at the anchor date, excluding agency
  age55PlusShare: 0.33,
  ageUnder30Share: 0.09,
  femaleShare: 0.78,
  permanentShare: 0.7,
  zeroHoursShare: 0.26, // above the national 21%
  noRelevantQualShare: 0.43,
  ethnicityUnknownShare: 0.407,
  experience21yPlusShare: 0.19,
  turnoverRate: 0.134,
  vacancyRate: 0.113,
  agencyShare: 0.04,
  /** Independent-sector care workers paid below the Real Living Wage (£13.45 in force in 2026). */
  careWorkersBelowRlwShare: 0.62,
  history: {
    /** How many years of history the trends cover (the figures at the anchor and each year before). */
    years: 3,
    /** Filled posts at the start of the history: the workforce shrinks to `workforce` since. */
    filledPostsAtStart: 3250,
    /** The vacancy rate at the start of the history: it rises to `vacancyRate` since. */
    vacancyRateAtStart: 0.085,
    /** Halton's strategy: 88% of staff on permanent contracts (2023), 70% a year later. */
    permanentShareAtStart: 0.88,
    /** Turnover in each year before the anchor's (most recent first), and the year before the history. */
    pastTurnover: [0.141, 0.152, 0.158],
    /** Agency workers as a share of the workforce at the start of the history (`agencyShare` at the anchor). */
    agencyShareAtStart: 0.025,
    /** Agency spend in the history's first and last years (one council's rose from £760k to £1.2m). */
    agencySpendFirstYear: 760_000,
    agencySpendLastYear: 1_200_000,
  },
} as const;

/** The statutory National Living Wage (21 and over) from each 1 April (reference-data.md §4.2). */
export const NLW_FROM: readonly (readonly [string, number])[] = [
  ["2020-04-01", 8.72],
  ["2021-04-01", 8.91],
  ["2022-04-01", 9.5],
  ["2023-04-01", 10.42],
  ["2024-04-01", 11.44],
  ["2025-04-01", 12.21],
  ["2026-04-01", 12.71],
];
export const NLW_2026 = 12.71;
export const RLW_2025_26 = 13.45;

/** The National Living Wage in force on a date (the latest rate known after April 2026). */
export function nlwOn(date: string): number {
  let rate = NLW_FROM[0][1];
  for (const [from, r] of NLW_FROM) if (from <= date) rate = r;
  return rate;
}

/**
 * England's median care worker pay in the independent sector (Skills for Care 2024/25: £12.00 in
 * March 2025, 56p above the £11.44 National Living Wage then in force), scaled to the National
 * Living Wage the demo's pay is set against. The demo's independent sector pays below it, as
 * Halton's strategy says its providers pay below neighbouring areas; the council pays above it.
 */
export const ENGLAND_CARE_WORKER_MEDIAN = { value: 12.0, nlwThen: 11.44 } as const;
export const englandCareWorkerMedianScaled = () =>
  Math.round(((ENGLAND_CARE_WORKER_MEDIAN.value * NLW_2026) / ENGLAND_CARE_WORKER_MEDIAN.nlwThen) * 100) / 100;
