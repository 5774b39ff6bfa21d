import type { ReasonGroup } from "../../../shared/schemas/exit-interviews";

// A collated group as it leaves: the counts after disclosure control, nothing about anyone. It
// takes any group of the response's shape (the service's tallies carry more, which stays here).

export const presentGroup = (g: ReasonGroup): ReasonGroup => ({
  key: g.key,
  label: g.label,
  kind: g.kind,
  answered: g.answered,
  reasons: g.reasons.map(({ key, label, count, withheld }) => ({ key, label, count, withheld })),
  mainReasons: g.mainReasons.map(({ key, label, count, withheld }) => ({ key, label, count, withheld })),
  leavingReasons: g.leavingReasons.map(({ key, label, count, withheld }) => ({ key, label, count, withheld })),
});
