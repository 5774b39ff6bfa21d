import type { ApprenticeshipView } from "../../../shared/schemas/training-apprenticeships";
import type { ApprenticeshipFunding, ApprenticeshipStatus } from "../../../shared/training";
import type { apprenticeships } from "../../db/schema";

// What leaves the server of an apprenticeship: the record's display id as its name, never the
// staff record's other details.

export const presentApprenticeship = ({
  a,
  name,
}: {
  a: typeof apprenticeships.$inferSelect;
  name: string;
}): ApprenticeshipView => ({
  id: a.id,
  staffRecordId: a.staffRecordId,
  name,
  standard: a.standard,
  standardTitle: a.standardTitle,
  level: a.level,
  startOn: a.startOn,
  plannedEndOn: a.plannedEndOn,
  trainingProviderName: a.trainingProviderName,
  funding: a.funding as ApprenticeshipFunding,
  levyRequestId: a.levyRequestId,
  pricePence: Number(a.pricePence),
  status: a.status as ApprenticeshipStatus,
  progressPercent: a.progressPercent,
  lastReviewOn: a.lastReviewOn,
  endOn: a.endOn,
  result: (a.result as "achieved" | "not_achieved" | null) ?? null,
});
