import {
  type DevelopmentReviewInput,
  developmentReviewInput,
  type ReviewsDueResponse,
} from "../../../shared/schemas/social-work-progression";
import { reviewDue } from "../../../shared/sw-progression";
import { inTransaction, type OrgCtx } from "../../context";
import { badRequest } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { mayName, visibleTeamIds, visibleWorker } from "./access";
import { presentReview } from "./development-reviews.presenter";
import * as repo from "./development-reviews.repo";

// Annual development reviews (issue 20 item 6): recorded by the worker's manager or the service
// lead; one is due when none was held in the last 12 months (shared/sw-progression.ts reviewDue),
// and a review marking the worker ready is what a panel step's eligibility asks for.

export async function recordReview(ctx: OrgCtx, staffRecordId: string, raw: DevelopmentReviewInput) {
  const input = developmentReviewInput.parse(raw);
  await visibleWorker(ctx, staffRecordId);
  if (input.heldOn > isoDate(ctx.deps.now()))
    throw badRequest("invalid_date", "The review's date cannot be in the future", [
      { path: "heldOn", message: "Enter the date the review was held, today or earlier" },
    ]);
  // The reviewer is named as a supervisor is (access.ts mayName), with one answer for every refusal.
  if (input.reviewerStaffId && !(await mayName(ctx, input.reviewerStaffId, input.heldOn)))
    throw badRequest("invalid_reviewer", "Choose the reviewer from the service's staff", [
      { path: "reviewerStaffId", message: "Choose the reviewer from the service's staff" },
    ]);
  return inTransaction(ctx, async (tx) => {
    const row = await repo.insertReview(tx.db, { orgId: ctx.org.id, staffRecordId, ...input });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "create",
      entityType: "sw_development_review",
      entityId: row.id,
      // Objectives are free text: not in the audit trail.
      after: { staffRecordId, heldOn: input.heldOn, readyForProgression: input.readyForProgression },
    });
    const [saved] = (await repo.listReviews(tx.db, ctx.org.id, staffRecordId)).filter((r) => r.review.id === row.id);
    return presentReview(saved);
  });
}

/** In-post workers of the visible teams whose review is due, overdue or never held, most urgent first. */
export async function reviewsDue(ctx: OrgCtx): Promise<ReviewsDueResponse> {
  const on = isoDate(ctx.deps.now());
  const rows = await repo.inPostWithLastReview(ctx.db, ctx.org.id, await visibleTeamIds(ctx), on);
  const order = { never: 0, overdue: 1, due: 2, up_to_date: 3 };
  const workers = rows
    .map((r) => ({ ...r, lastHeldOn: r.lastHeldOn ?? null, ...reviewDue(r.lastHeldOn ?? null, on) }))
    .filter((r) => r.status !== "up_to_date")
    .sort((a, b) => order[a.status] - order[b.status] || (a.dueOn ?? "").localeCompare(b.dueOn ?? ""));
  return { workers };
}
