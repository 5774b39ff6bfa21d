import { PRICE_UNIT_LABELS, type PriceUnit, STANDARD_KINDS, type StandardKindKey } from "./commissioning";

// Commissioning's standards in words (issue 19): a threshold as a commissioner writes it in a
// contract ("0% paid below the Real Living Wage", "at least 90% of required training valid"), and
// money as a contract shows it. Shared by the pages and the server (which sends the words with
// each standard, so other pages and files say it the same way).

/** A share as a percentage: 0.1 → "10%", 0.125 → "12.5%". */
export function percent(share: number): string {
  const p = Math.round(share * 1000) / 10;
  return `${Number.isInteger(p) ? p.toFixed(0) : p.toFixed(1)}%`;
}

/** Pounds with pence: 0.5 → "£0.50", 1200000 → "£1,200,000.00". */
export function pounds(value: number): string {
  return `£${value.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** A unit price in words: "£24.50 per contact hour". */
export function priceInWords(price: number, unit: PriceUnit): string {
  return `${pounds(price)} ${PRICE_UNIT_LABELS[unit]}`;
}

/** The threshold a kind takes when none is given (its default), so words and evaluation agree. */
export function thresholdOf(kind: StandardKindKey, threshold: number | null | undefined): number | null {
  const k = STANDARD_KINDS[kind];
  if (k.unit === "none") return null;
  return threshold ?? k.defaultThreshold;
}

/** What a standard asks, with its threshold, in the words a contract would use. */
export function thresholdInWords(kind: StandardKindKey, threshold: number | null | undefined): string {
  const t = thresholdOf(kind, threshold) ?? 0;
  switch (kind) {
    case "rlw_floor":
      return t === 0
        ? "0% paid below the Real Living Wage"
        : `At most ${percent(t)} of care workers paid below the Real Living Wage`;
    case "senior_margin":
      return `Senior care workers' median pay at least ${pounds(t)} an hour above the Real Living Wage`;
    case "zero_hours_max":
      return `At most ${percent(t)} of staff on zero-hours contracts`;
    case "turnover_max":
      return `Staff turnover at most ${percent(t)} over 12 months`;
    case "vacancy_max":
      return `Vacancy rate at most ${percent(t)}`;
    case "training_min":
      return `At least ${percent(t)} of required training valid`;
    case "care_certificate_min":
      return `At least ${percent(t)} of care staff with the Care Certificate`;
    case "career_endorsed":
      return "Has endorsed the council's career framework";
    case "paid_travel":
      return "Travel time between visits paid, as declared in the contract-monitoring return";
    case "returns_on_time":
      return `Data return submitted on time and at least ${percent(t)} complete`;
  }
}

/** How a kind's threshold is typed on a page: a percentage, pounds, or not at all. */
export function thresholdPrompt(kind: StandardKindKey): { label: string; hint: string } | null {
  const k = STANDARD_KINDS[kind];
  if (k.unit === "none") return null;
  if (k.unit === "pounds") return { label: "Threshold, in pounds", hint: "For example, 0.50 for 50p an hour" };
  return {
    label: "Threshold, as a percentage",
    hint: k.comparison === "at_most" ? "The most allowed, 0 to 100" : "The least required, 0 to 100",
  };
}
