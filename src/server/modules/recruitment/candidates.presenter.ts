import {
  type ApplicationStage,
  CLOSED_STAGES,
  REJECTION_REASONS,
  type RejectionReason,
  STAGE_LABELS,
} from "../../../shared/recruitment";
import type { CandidateApplicationView, PooledCandidateView } from "../../../shared/schemas/candidate";
import type { ProfileRow } from "./candidates.repo";

// What leaves the server about candidates: to themselves, and to employers searching the pool.

type Slot = { id: string | null; startsAt: Date | null; endsAt: Date | null; place: string | null } | null;

export const presentSlot = (s: { id: string; startsAt: Date; endsAt: Date; place: string }) => ({
  id: s.id,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  place: s.place,
});

/** The status a candidate reads: the stage's label, and a kind word with the reason when not taken forward. */
export function presentCandidateApplication(row: {
  application: { id: string; advertId: string; stage: string; rejectionReason: string | null; submittedAt: Date };
  title: string;
  employer: string;
  slot: Slot;
}): CandidateApplicationView {
  const stage = row.application.stage as ApplicationStage;
  const reasonLabel = row.application.rejectionReason
    ? (REJECTION_REASONS[row.application.rejectionReason as RejectionReason] ?? null)
    : null;
  const slot = row.slot;
  return {
    id: row.application.id,
    advert: { id: row.application.advertId, title: row.title, employer: row.employer },
    submittedAt: row.application.submittedAt.toISOString(),
    stage,
    status: STAGE_LABELS[stage],
    reason:
      stage === "rejected"
        ? `Thank you for applying. ${row.employer} decided not to take your application forward this time${reasonLabel ? ` (${reasonLabel.toLowerCase()})` : ""}. You can still apply for other jobs on the board.`
        : null,
    canWithdraw: !CLOSED_STAGES.includes(stage),
    canBook: stage === "interview",
    interview:
      slot?.id && slot.startsAt && slot.endsAt
        ? presentSlot({ id: slot.id, startsAt: slot.startsAt, endsAt: slot.endsAt, place: slot.place ?? "" })
        : null,
  };
}

export function presentProfile(row: {
  profile: ProfileRow;
  user: { name: string; email: string; emailVerifiedAt: Date | null };
}) {
  const p = row.profile;
  return {
    name: row.user.name,
    email: row.user.email,
    emailVerified: Boolean(row.user.emailVerifiedAt),
    phone: p.phone,
    postcode: p.postcode,
    experience: p.experience,
    qualifications: p.qualifications,
    rightToWork: p.rightToWork as "yes" | "needs_sponsorship" | "not_sure",
    drivingLicence: p.drivingLicence,
    availability: p.availability,
    preferredRoles: p.preferredRoles,
    preferredAreas: p.preferredAreas,
  };
}

/** "Amira Khan" → "Amira K.": an employer sees the first name and last initial, never contact details. */
export function poolName(name: string) {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length < 2) return parts[0] ?? "Candidate";
  return `${parts[0]} ${parts[parts.length - 1][0].toUpperCase()}.`;
}

/** Only what the candidate shared with the pool: no email, phone, full postcode or surname. */
export function presentPooledCandidate(
  row: { profile: ProfileRow; name: string },
  titles: { roles: Map<string, string>; qualifications: Map<string, string> },
): PooledCandidateView {
  const p = row.profile;
  const areas = [...new Set([p.outward, ...p.preferredAreas].filter((a): a is string => Boolean(a)))];
  return {
    id: p.userId,
    name: poolName(row.name),
    area: areas.length ? areas.join(", ") : null,
    roles: p.preferredRoles.map((key) => ({ key, title: titles.roles.get(key) ?? key })),
    experience: p.experience,
    qualifications: p.qualifications.map((key) => ({ key, title: titles.qualifications.get(key) ?? key })),
    availability: p.availability,
    drivingLicence: p.drivingLicence,
    rightToWork: p.rightToWork as "yes" | "needs_sponsorship" | "not_sure",
  };
}
