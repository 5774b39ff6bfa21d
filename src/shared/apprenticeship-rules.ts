// Apprenticeships and levy transfers (issue 18 item 6): the rules a start is checked by and the
// arithmetic of a levy payer's transfer allowance. Pure, shared by the server (which refuses by
// them) and the pages (which show the allowance). Facts: shared/reference/recruitment-training.md §6
// and reference-data.md §2.

import { LEVY_TRANSFER_SHARE } from "./training";

/**
 * Maximum funding bands we know (pence), dated: reference-data §2 (ST0005 and ST0006 raised to
 * £4,000 ahead of 2023/24; ST0007 and ST0008 £7,000 at approval). A price above the band is
 * refused because transfers and co-investment pay only up to it; other standards are not checked.
 */
export const FUNDING_BANDS_PENCE: Readonly<Record<string, number>> = {
  ST0005: 400_000,
  ST0006: 400_000,
  ST0007: 700_000,
  ST0008: 700_000,
};

/** Starts from this day need at least 8 months (2025/26 funding rules); earlier ones 12. */
export const SHORTER_MINIMUM_FROM = "2025-08-01";
export const minimumMonths = (startOn: string) => (startOn >= SHORTER_MINIMUM_FROM ? 8 : 12);

/** An ISO day plus whole months, clamped to the month's end (31 January + 1 month = 28 February). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

export const STANDARD_PATTERN = /^ST\d{4}$/;

export type Issue = { path: string; message: string };

export type StartCheck = {
  /** The staff record, when it is the employer's: its employment's dates. */
  staff: { startDate: string; endDate: string | null } | null;
  standard: string;
  /** The standards the council's career framework lists (the choices offered). */
  knownStandards: readonly string[];
  startOn: string;
  plannedEndOn: string;
  pricePence: number;
  funding: string;
  /** For transfer funding: the employer's levy request named, if it is the employer's. */
  levyRequest: {
    status: string;
    standard: string;
    staffRecordIds: readonly string[];
    /** What the approved request has left after the starts already funded by it. */
    leftPence: number;
  } | null;
  staffRecordId: string;
};

const pounds = (pence: number) =>
  `£${(pence / 100).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** Everything wrong with an apprenticeship start, each on the field to fix; empty when it may be recorded. */
export function checkApprenticeshipStart(s: StartCheck): Issue[] {
  const issues: Issue[] = [];
  if (!s.staff) issues.push({ path: "staffRecordId", message: "Choose a member of your own staff" });
  else if (s.staff.startDate > s.startOn || (s.staff.endDate !== null && s.staff.endDate <= s.startOn))
    issues.push({
      path: "startOn",
      message: "The apprentice must be in post with you on the start date: check the start date or the staff record",
    });
  if (!STANDARD_PATTERN.test(s.standard))
    issues.push({
      path: "standard",
      message: "Enter the standard's reference as ST followed by four digits, like ST0005",
    });
  else if (s.knownStandards.length > 0 && !s.knownStandards.includes(s.standard))
    issues.push({
      path: "standard",
      message: `Choose one of the area's apprenticeship standards (${s.knownStandards.join(", ")})`,
    });
  const months = minimumMonths(s.startOn);
  if (s.plannedEndOn < addMonths(s.startOn, months))
    issues.push({
      path: "plannedEndOn",
      message: `An apprenticeship starting on this day must last at least ${months} months: plan the end on or after ${addMonths(s.startOn, months)}`,
    });
  const band = FUNDING_BANDS_PENCE[s.standard];
  if (band !== undefined && s.pricePence > band)
    issues.push({
      path: "pricePence",
      message: `The price is above the funding band for ${s.standard} (${pounds(band)}): funding pays training and assessment only up to the band`,
    });
  if (s.funding === "transfer") {
    const r = s.levyRequest;
    if (!r)
      issues.push({ path: "levyRequestId", message: "A transfer needs one of your approved levy requests: choose it" });
    else if (r.status !== "approved")
      issues.push({
        path: "levyRequestId",
        message: "That levy request is not approved yet: only approved requests fund starts",
      });
    else {
      if (r.standard !== s.standard)
        issues.push({
          path: "levyRequestId",
          message: `That levy request was approved for ${r.standard}, not ${s.standard}`,
        });
      if (!r.staffRecordIds.includes(s.staffRecordId))
        issues.push({
          path: "levyRequestId",
          message: "That levy request does not name this person: use a request made for them",
        });
      if (s.pricePence > r.leftPence)
        issues.push({
          path: "pricePence",
          message: `The levy request has ${pounds(r.leftPence)} left, less than the price: lower the price or use other funding`,
        });
    }
  } else if (s.levyRequest)
    issues.push({
      path: "levyRequestId",
      message: "Only a transfer is paid from a levy request: choose transfer funding, or no request",
    });
  return issues;
}

/** The transfer allowance: half of the previous financial year's levy (from April 2024). */
export const transferAllowancePence = (levyPaidPence: number) => Math.floor(levyPaidPence * LEVY_TRANSFER_SHARE);

/**
 * Whether a new pledge fits: with the pledger's other open pledges it may not pass the allowance
 * worked out from the levy paid it declares. `left` is what it could still pledge before this one.
 */
export function pledgeFits(levyPaidPence: number, otherOpenPledgedPence: number, amountPence: number) {
  const allowance = transferAllowancePence(levyPaidPence);
  const left = Math.max(0, allowance - otherOpenPledgedPence);
  return { ok: amountPence <= left, allowance, left };
}

/** What is left of a pledge to approve: its amount less the requests already approved. */
export const pledgeLeftPence = (amountPence: number, approvedPence: number) => Math.max(0, amountPence - approvedPence);

/** A pledger's allowance tracker over its open pledges. */
export function allowanceTracker(levyPaidPence: number, pledges: { amountPence: number; approvedPence: number }[]) {
  const allowance = transferAllowancePence(levyPaidPence);
  const pledged = pledges.reduce((t, p) => t + p.amountPence, 0);
  const approved = pledges.reduce((t, p) => t + p.approvedPence, 0);
  return {
    allowancePence: allowance,
    pledgedPence: pledged,
    approvedPence: approved,
    /** Pledged but not yet approved to anyone. */
    leftInPledgesPence: Math.max(0, pledged - approved),
    /** Allowance not yet pledged. */
    remainingPence: Math.max(0, allowance - pledged),
  };
}

export const LEVY_EXPIRY_NOTE =
  "Levy funds entering an account from August 2026 expire after 12 months (24 months before): transfers should be approved and used within the year.";
