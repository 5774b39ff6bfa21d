import { ageOn } from "./sw-census";

// The bounds on a social worker's details as the service lead adds or edits them (fix round):
// an age that makes sense for someone starting a social work post and hours a contract can hold.

/** Ages at the start date the service accepts (the census itself accepts 20 to 75 on 30 September). */
export const WORKER_AGE_RANGE = [18, 80] as const;
/**
 * Contracted hours a week: above 0 (no contracted hours is a zero-hours contract, which the service's
 * posts are not) and at most the Working Time Regulations' 48-hour week; ASC-WDS's own bound (75)
 * is wider, so every value accepted here also goes into the ASC-WDS file.
 */
export const MAX_CONTRACTED_HOURS = 48;

/** Why a date of birth does not fit a worker starting on `startDate`, or null when it does. */
export function dateOfBirthProblem(dateOfBirth: string, startDate: string): string | null {
  const [min, max] = WORKER_AGE_RANGE;
  const age = ageOn(dateOfBirth, startDate);
  return age < min || age > max
    ? `Enter a date of birth that makes them aged ${min} to ${max} on the day they start: check the year`
    : null;
}
