// The Learning and Development Support Scheme's claim rule (issue 18 item 7): for one booking,
// whether the employer may claim, which parts, how much and by when. Pure and tested case by
// case. Facts: shared/reference/recruitment-training.md §5.
//
// Training courses and Oliver McGowan training: 100% within 3 months of completion.
// Qualifications: 60% within 3 months of the start (the hub knows the session's start, not the
// payment date, so the start stands for "the later of payment and start"), 40% within 3 months of
// completion; the 40% is lost if the person moves employer or does not complete, and is still
// paid when the course was completed but not passed (not yet competent). Excluded: regulated
// professions, apprenticeship training (courses funded by the levy are not LDSS courses) and repeats.

import { addMonths } from "./apprenticeship-rules";
import { LDSS_CLAIM_WINDOW_MONTHS, LDSS_FIRST_PART, type LdssKind } from "./training";

/**
 * ASC-WDS main job roles that are regulated professions the scheme excludes: social worker (6,
 * Social Work England), occupational therapist (15), registered nurse (16), allied health
 * professional (17) and nursing associate (37, NMC).
 */
export const REGULATED_JOB_ROLES: readonly number[] = [6, 15, 16, 17, 37];

export const CLAIM_PARTS = ["full", "first", "final"] as const;
export type ClaimPart = (typeof CLAIM_PARTS)[number];
export const CLAIM_PART_LABELS: Record<ClaimPart, string> = {
  full: "Full claim (100%)",
  first: "First part (60%)",
  final: "Final part (40%)",
};

export const INELIGIBLE_REASONS = ["not_ldss", "regulated_role", "repeat", "not_completed"] as const;
export type IneligibleReason = (typeof INELIGIBLE_REASONS)[number];
export const INELIGIBLE_LABELS: Record<IneligibleReason, string> = {
  not_ldss: "The course is not funded by the scheme",
  regulated_role: "The learner's main job role is a regulated profession, which the scheme excludes",
  repeat: "A repeat of a course the learner already completed, which the scheme does not fund",
  not_completed: "The learner has not completed the course",
};

export const PART_STATES = ["claimable", "not_yet", "claimed", "expired", "lost"] as const;
export type PartState = (typeof PART_STATES)[number];

export type ClaimPartView = {
  part: ClaimPart;
  amountPence: number;
  /** From when it may be claimed (null: not yet known, the course is not complete). */
  from: string | null;
  /** The last day to claim it. */
  deadline: string | null;
  state: PartState;
  /** Why it cannot be claimed, in words, when it cannot. */
  note: string;
};

export type LdssInput = {
  course: { funding: string; ldssKind: LdssKind | string | null; ldssPence: number | null };
  /** The learner's main job role (ASC-WDS code). */
  jobRole: number;
  /** The session's first day. */
  startedOn: string;
  /** The booking's outcome: completed, not_yet_competent, did_not_attend, or null when not marked. */
  outcome: string | null;
  /** The day the outcome was marked (the completion date). */
  completedOn: string | null;
  /** The learner already completed this course before (an earlier booking). */
  repeat: boolean;
  /** The learner left the employer (their employment's end day), or null. */
  leftOn: string | null;
  /** Parts already marked as claimed. */
  claimed: readonly ClaimPart[];
  today: string;
};

export type LdssResult =
  | { eligible: false; reason: IneligibleReason; note: string; parts: [] }
  | { eligible: true; kind: LdssKind; parts: ClaimPartView[] };

const deadlineOf = (day: string) => addMonths(day, LDSS_CLAIM_WINDOW_MONTHS);

function windowed(
  part: ClaimPart,
  amountPence: number,
  from: string,
  today: string,
  claimed: readonly ClaimPart[],
): ClaimPartView {
  const deadline = deadlineOf(from);
  if (claimed.includes(part)) return { part, amountPence, from, deadline, state: "claimed", note: "" };
  if (today < from)
    return { part, amountPence, from, deadline, state: "not_yet", note: "Not claimable until it starts" };
  if (today > deadline)
    return { part, amountPence, from, deadline, state: "expired", note: "Outside the 3-month window to claim" };
  return { part, amountPence, from, deadline, state: "claimable", note: "" };
}

const KINDS: readonly string[] = ["course", "qualification", "ommt"];

/** The claim rule for one booking. */
export function ldssClaim(i: LdssInput): LdssResult {
  const no = (reason: IneligibleReason): LdssResult => ({
    eligible: false,
    reason,
    note: INELIGIBLE_LABELS[reason],
    parts: [],
  });
  const { course } = i;
  if (course.funding !== "ldss" || !course.ldssKind || !KINDS.includes(course.ldssKind) || !course.ldssPence)
    return no("not_ldss");
  if (REGULATED_JOB_ROLES.includes(i.jobRole)) return no("regulated_role");
  if (i.repeat) return no("repeat");
  const kind = course.ldssKind as LdssKind;
  const amount = course.ldssPence;
  // A completion counts when marked completed or not yet competent (completed, not passed).
  const completed = (i.outcome === "completed" || i.outcome === "not_yet_competent") && i.completedOn !== null;
  if (kind !== "qualification") {
    if (!completed || !i.completedOn) return no("not_completed");
    return { eligible: true, kind, parts: [windowed("full", amount, i.completedOn, i.today, i.claimed)] };
  }
  const firstAmount = Math.round(amount * LDSS_FIRST_PART);
  const first = windowed("first", firstAmount, i.startedOn, i.today, i.claimed);
  const finalAmount = amount - firstAmount;
  let final: ClaimPartView;
  if (i.claimed.includes("final"))
    final = {
      part: "final",
      amountPence: finalAmount,
      from: i.completedOn,
      deadline: i.completedOn && deadlineOf(i.completedOn),
      state: "claimed",
      note: "",
    };
  else if (i.outcome === "did_not_attend")
    final = {
      part: "final",
      amountPence: finalAmount,
      from: null,
      deadline: null,
      state: "lost",
      note: "Lost: the learner did not complete",
    };
  else if (i.leftOn !== null && (!completed || (i.completedOn !== null && i.leftOn <= i.completedOn)))
    final = {
      part: "final",
      amountPence: finalAmount,
      from: null,
      deadline: null,
      state: "lost",
      note: "Lost: the learner left the employer before completing",
    };
  else if (!completed || !i.completedOn)
    final = {
      part: "final",
      amountPence: finalAmount,
      from: null,
      deadline: null,
      state: "not_yet",
      note: "Claimable once the learner completes",
    };
  else final = windowed("final", finalAmount, i.completedOn, i.today, i.claimed);
  return { eligible: true, kind, parts: [first, final] };
}
