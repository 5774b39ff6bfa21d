import type { ReasonGroup } from "../../../shared/schemas/exit-interviews";
import type { collate } from "./exit-reasons.service";

// A collated group as it leaves: the counts after disclosure control, nothing about anyone.

export const presentGroup = (g: ReturnType<typeof collate>): ReasonGroup => ({
  key: g.key,
  label: g.label,
  kind: g.kind,
  answered: g.answered,
  reasons: g.reasons.map(({ key, label, count, withheld }) => ({ key, label, count, withheld })),
  mainReasons: g.mainReasons.map(({ key, label, count, withheld }) => ({ key, label, count, withheld })),
  leavingReasons: g.leavingReasons.map(({ key, label, count, withheld }) => ({ key, label, count, withheld })),
});
