import { advertHoursText, advertPayText } from "../../../shared/advert-text";
import { JOB_ROLES } from "../../../shared/ascwds/codes";
import { CONTRACT_LABELS, PAY_AGE_BAND_LABELS, type PayAgeBand, sectorValueLabel } from "../../../shared/recruitment";
import type { JobAdvertResponse, JobListItem } from "../../../shared/schemas/jobs";
import type { AdvertPageRow, BoardRow } from "./board.repo";

// What the public board shows of an advert: the advert's own words, its employer's name and
// where the job is. Nothing about the employer's other records, and no one's personal details.

/** "£12.60 an hour", "£24,000 to £26,500 a year" (shared/advert-text.ts, in pounds). */
export const payText = (unit: "hour" | "year", minPence: number, maxPence: number | null): string =>
  advertPayText({ payUnit: unit, payMin: minPence / 100, payMax: maxPence === null ? null : maxPence / 100 });

/** The hours said plainly (shared/advert-text.ts): a zero hours contract is named as such, never hidden behind "flexible". */
export const hoursText = (row: { zero_hours: boolean; contract_type: string; hours_per_week: number | null }) =>
  advertHoursText({ zeroHours: row.zero_hours, hoursPerWeek: row.hours_per_week, contractType: row.contract_type });

const iso = (v: string | Date) => (v instanceof Date ? v : new Date(v)).toISOString();

const contractOf = (row: BoardRow | AdvertPageRow) => ({
  type: row.contract_type,
  label: CONTRACT_LABELS[row.contract_type],
  zeroHours: row.zero_hours,
  hoursPerWeek: row.hours_per_week,
  hoursText: hoursText(row),
});

const payOf = (row: BoardRow | AdvertPageRow) => ({
  unit: row.pay_unit,
  minPence: row.pay_min_pence,
  maxPence: row.pay_max_pence,
  text: payText(row.pay_unit, row.pay_min_pence, row.pay_max_pence),
});

export const placeOf = (row: { town: string | null; place: string | null; outward: string | null }) =>
  row.town?.trim() || row.place || row.outward || "";

export function presentListItem(row: BoardRow): JobListItem {
  return {
    id: row.id,
    title: row.title,
    employer: { name: row.employer_name },
    place: placeOf(row),
    outward: row.outward,
    summary: row.summary,
    pay: payOf(row),
    contract: contractOf(row),
    noExperienceNeeded: row.no_experience_needed,
    drivingRequired: row.driving_required,
    visaSponsorship: row.visa_sponsorship,
    closingDate: row.closing_date,
    publishedAt: iso(row.published_at),
    distanceMiles: row.distance === null ? null : Math.round(row.distance * 10) / 10,
  };
}

export function presentAdvert(
  row: AdvertPageRow,
  extra: {
    framework: { key: string; title: string } | null;
    pay: Pick<JobAdvertResponse["pay"], "hourlyPence" | "nationalLivingWage" | "realLivingWage" | "comparison">;
    progression: JobAdvertResponse["progression"];
  },
): JobAdvertResponse {
  const band = row.pay_age_band as PayAgeBand;
  return {
    id: row.id,
    council: { name: row.council_name, slug: row.council_slug },
    title: row.title,
    reference: row.reference,
    summary: row.summary,
    description: row.description,
    employer: { name: row.employer_name },
    workplace: {
      name: row.workplace_name,
      town: row.town,
      postcode: row.postcode,
      outward: row.outward,
      place: placeOf(row),
    },
    role: {
      jobRole: { code: row.job_role, label: JOB_ROLES[row.job_role] ?? String(row.job_role) },
      framework: extra.framework,
    },
    pay: { ...payOf(row), ageBand: band, ageBandLabel: PAY_AGE_BAND_LABELS[band] ?? band, ...extra.pay },
    contract: { ...contractOf(row), shiftPattern: row.shift_pattern },
    noExperienceNeeded: row.no_experience_needed,
    drivingRequired: row.driving_required,
    visaSponsorship: row.visa_sponsorship,
    offers: row.offers,
    // In words, whether the advert holds the framework's words or a sector value's key.
    values: (row.values ?? []).map(sectorValueLabel),
    progression: extra.progression,
    closingDate: row.closing_date,
    publishedAt: iso(row.published_at),
  };
}
