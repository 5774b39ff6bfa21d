// Shared training (issue 18): the words and rules the server and the client both use.
// Facts from shared/reference/recruitment-training.md §4–7.

export const TRAINING_DELIVERY = ["classroom", "online", "blended"] as const;
export type TrainingDelivery = (typeof TRAINING_DELIVERY)[number];
export const TRAINING_DELIVERY_LABELS: Record<TrainingDelivery, string> = {
  classroom: "Classroom",
  online: "Online",
  blended: "Blended (online and classroom)",
};

/** Who pays for a place. */
export const TRAINING_FUNDING = ["free_commissioned", "ldss", "levy", "charged"] as const;
export type TrainingFunding = (typeof TRAINING_FUNDING)[number];
export const TRAINING_FUNDING_LABELS: Record<TrainingFunding, string> = {
  free_commissioned: "Free to providers the council commissions",
  ldss: "Funded by the Learning and Development Support Scheme (the employer claims it back)",
  levy: "Funded from the apprenticeship levy",
  charged: "Charged to the employer",
};

/**
 * How the Learning and Development Support Scheme reimburses a completion: a training course at
 * 100% within 3 months of completion; a qualification 60% after it starts and paid for, and 40%
 * within 3 months of completion; Oliver McGowan training at 100% (reference §5).
 */
export const LDSS_KINDS = ["course", "qualification", "ommt"] as const;
export type LdssKind = (typeof LDSS_KINDS)[number];
export const LDSS_CLAIM_WINDOW_MONTHS = 3;
export const LDSS_FIRST_PART = 0.6;

export const TRAINING_AUDIENCES = ["staff", "pre_employment"] as const;
export type TrainingAudience = (typeof TRAINING_AUDIENCES)[number];

export const COURSE_STATUSES = ["draft", "published", "withdrawn"] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

/** How a session's places are shared: first come, a set quota per provider, or quotas by provider size. */
export const PLACE_ALLOCATION = ["open", "quota", "by_size"] as const;
export type PlaceAllocation = (typeof PLACE_ALLOCATION)[number];

export const BOOKING_STATUSES = ["booked", "waiting", "offered", "cancelled"] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
/** Hours a freed place offered from the waiting list is held before it goes to the next person. */
export const OFFER_HOLD_HOURS = 24;

export const TRAINING_OUTCOMES = ["completed", "not_yet_competent", "did_not_attend"] as const;
export type TrainingOutcome = (typeof TRAINING_OUTCOMES)[number];
export const TRAINING_OUTCOME_LABELS: Record<TrainingOutcome, string> = {
  completed: "Completed",
  not_yet_competent: "Not yet competent",
  did_not_attend: "Did not attend",
};

/** A training matrix cell: valid, expiring within EXPIRING_DAYS, expired, or missing. */
export const MATRIX_STATES = ["valid", "expiring", "expired", "missing"] as const;
export type MatrixState = (typeof MATRIX_STATES)[number];
export const EXPIRING_DAYS = 60;
/** Days before expiry that staff and their managers are reminded. */
export const EXPIRY_REMINDER_DAYS = [60, 30] as const;

export const APPRENTICESHIP_FUNDING = ["levy", "transfer", "co_investment", "fully_funded"] as const;
export type ApprenticeshipFunding = (typeof APPRENTICESHIP_FUNDING)[number];
export const APPRENTICESHIP_FUNDING_LABELS: Record<ApprenticeshipFunding, string> = {
  levy: "The employer's own levy",
  transfer: "A levy transfer",
  co_investment: "Co-investment (the employer pays 5%)",
  fully_funded: "Fully funded (a young apprentice at a small employer)",
};
export const APPRENTICESHIP_STATUSES = ["in_learning", "on_break", "completed", "withdrawn"] as const;
export type ApprenticeshipStatus = (typeof APPRENTICESHIP_STATUSES)[number];

/** A levy payer may transfer up to half of the previous year's levy (from April 2024; 25% before). */
export const LEVY_TRANSFER_SHARE = 0.5;
export const LEVY_REQUEST_STATUSES = ["pending", "approved", "rejected", "withdrawn"] as const;
export type LevyRequestStatus = (typeof LEVY_REQUEST_STATUSES)[number];

export const INTERVIEW_OUTCOMES = ["pending", "offered", "not_offered", "declined", "no_show"] as const;
export type InterviewOutcome = (typeof INTERVIEW_OUTCOMES)[number];
export const COHORT_LEARNER_STATUSES = ["enrolled", "completed", "withdrawn"] as const;
export type CohortLearnerStatus = (typeof COHORT_LEARNER_STATUSES)[number];

/** Money held in pence, shown in pounds ("£1,540.00"). */
export function formatPence(pence: number): string {
  return `£${(pence / 100).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
