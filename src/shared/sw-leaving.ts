import { addMonths } from "./apprenticeship-rules";
import { LEAVING_REASONS } from "./ascwds/codes";
import type { SwService } from "./social-work";
import { CENSUS_LEAVING_REASONS, leavingReasonOf } from "./sw-census";

// A social worker leaving (fix round): how far ahead a leaving date may be recorded (a resignation
// with notice; in post until the date, metrics.md) and the reasons in words that fit the service.

/** How far ahead a leaving date may be: notice periods of social workers run to 3 months, with room for more. */
export const LEAVING_NOTICE_MONTHS = 6;

/** The latest leaving date that may be recorded on `today`. */
export const latestLeavingDate = (today: string) => addMonths(today, LEAVING_NOTICE_MONTHS);

/**
 * A leaving reason in words for a worker of `service`. The stored code is ASC-WDS's (1-9), whose
 * words are adult social care's ("Moved to another adult social care employer"); a children's
 * worker's reason reads in the census's words, the ones the DfE file uses for the same code.
 */
export function swLeavingReasonLabel(code: number, service: SwService): string {
  const census = service === "children" ? leavingReasonOf(code) : null;
  return census ? CENSUS_LEAVING_REASONS[census] : (LEAVING_REASONS[code] ?? "Not known");
}

/** The reasons to choose from, codes as stored, in the service's words. */
export const swLeavingReasonOptions = (service: SwService) =>
  Object.keys(LEAVING_REASONS).map((code) => ({
    value: code,
    label: swLeavingReasonLabel(Number(code), service),
  }));
