import type { ApplicationStage } from "../../../shared/recruitment";
import { type Deps, inTransaction, type OrgCtx } from "../../context";
import { verifyPassword } from "../../lib/crypto";
import { badRequest } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { withdrawForDeletion } from "./apply.service";
import * as repo from "./candidates.repo";
import { candidateOf } from "./candidates.service";

// Deleting a candidate's account and what the employers keep (ADR 0019).

/** Months an employer keeps an unsuccessful or withdrawn application after its last decision. */
export const RETAIN_UNSUCCESSFUL_MONTHS = 6;
/** Years an employer keeps the application of someone it hired, after the start. */
export const RETAIN_HIRED_YEARS = 6;

function addMonths(day: string, months: number) {
  const d = new Date(`${day}T00:00:00Z`);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return isoDate(target);
}

/**
 * Until when the employer keeps a deleted candidate's application (ADR 0019): a hire's for
 * 6 years after the start (it is part of their employment record), anything else for 6 months
 * after the last decision on it (the stage it was last moved to).
 */
export function retainUntilFor(app: { stage: string; stageChangedAt: Date; startedOn?: string | null }) {
  if ((app.stage as ApplicationStage) === "started")
    return addMonths(app.startedOn ?? isoDate(app.stageChangedAt), RETAIN_HIRED_YEARS * 12);
  return addMonths(isoDate(app.stageChangedAt), RETAIN_UNSUCCESSFUL_MONTHS);
}

/**
 * Deletes the candidate's account at once: the profile, pool visibility and chosen employers go
 * (the next pool search cannot find them), consents stay as the record but no longer name them,
 * every session ends, applications in progress are withdrawn, and the user is deleted (unless
 * they also belong to an organisation on the hub). Employers keep each application's snapshot
 * until its retain_until, when the periodic job erases the personal details.
 */
export async function deleteCandidateAccount(ctx: OrgCtx, password: string) {
  const { profile, user } = await candidateOf(ctx);
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password)))
    throw badRequest("validation", "Enter your password to confirm that you want to delete your account.", [
      { path: "password", message: "Enter your correct password" },
    ]);
  return inTransaction(ctx, async (tx) => {
    const now = tx.deps.now();
    const apps = await repo.listUserApplications(tx.db, profile.userId);
    for (const app of apps) {
      const current = await withdrawForDeletion(tx, app, now);
      await repo.markApplicationDeleted(tx.db, app.id, now, retainUntilFor({ ...current, startedOn: app.startedOn }));
    }
    await repo.deleteCandidateData(tx.db, profile.userId, tx.org.id, now);
    const keepsUser = (await repo.countMemberships(tx.db, profile.userId)) > 0;
    if (!keepsUser) await repo.deleteUser(tx.db, profile.userId);
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "delete",
      entityType: "candidate",
      entityId: profile.userId,
      before: { poolVisibility: profile.poolVisibility, applications: apps.length },
      after: { userDeleted: !keepsUser },
    });
    return { applicationsKept: apps.length };
  });
}

/** The periodic job: erases the personal details of deleted candidates' applications past retain_until. */
export async function eraseExpiredCandidateData(deps: Deps) {
  return { erased: await repo.eraseExpiredApplications(deps.db, isoDate(deps.now())) };
}
