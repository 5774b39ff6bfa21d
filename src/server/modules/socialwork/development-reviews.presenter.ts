import type { DevelopmentReviewView } from "../../../shared/schemas/social-work-progression";
import type { ReviewRow } from "./development-reviews.repo";

// What leaves the server about a development review.

export const presentReview = (r: ReviewRow): DevelopmentReviewView => ({
  id: r.review.id,
  heldOn: r.review.heldOn,
  reviewerStaffId: r.review.reviewerStaffId,
  reviewerName: r.reviewerName,
  objectives: r.review.objectives,
  trainingNeeds: r.review.trainingNeeds,
  readyForProgression: r.review.readyForProgression,
});
