import type { StandardsResponse } from "../../../shared/schemas/social-work-supervision";
import { type effectiveStandards, intervalLabel } from "../../../shared/sw-supervision";

// The standards as the page shows them: each target with its interval in words.

export const presentStandards = (list: ReturnType<typeof effectiveStandards>): StandardsResponse => ({
  standards: list.map((s) => ({
    appliesTo: s.appliesTo,
    label: s.label,
    every: s.every,
    unit: s.unit,
    minMinutes: s.minMinutes,
    source: s.source,
    set: s.set,
    interval: intervalLabel(s),
  })),
});
