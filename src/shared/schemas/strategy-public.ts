import { z } from "zod";
import { day } from "./common";
import { figureView } from "./metrics";
import { phaseValue, pillarKind } from "./strategy";

// A council's strategy progress for the public (issue 16 item 6): the plain and easy-read pages,
// shown only while the council has switched them on. Progress every six months (the council
// year's halves, to 30 September and 31 March); figures protected as the public workforce page's
// are; no person named, no risk register.

export const strategyPublicInput = z.object({ enabled: z.boolean("Choose whether to publish progress") });
export type StrategyPublicInput = z.infer<typeof strategyPublicInput>;

export const strategyPublicSettingResponse = z.object({
  enabled: z.boolean(),
  slug: z.string(),
  /** The pages show the council's approved strategy: none yet, and they stay unpublished. */
  hasApprovedStrategy: z.boolean(),
});
export type StrategyPublicSettingResponse = z.infer<typeof strategyPublicSettingResponse>;

/** How many actions had each status in a half-year's last quarter, and how many had no update. */
export const publicStatusCounts = z.object({
  not_started: z.number(),
  on_track: z.number(),
  at_risk: z.number(),
  off_track: z.number(),
  complete: z.number(),
  noUpdate: z.number(),
  actions: z.number(),
});
export type PublicStatusCounts = z.infer<typeof publicStatusCounts>;

/** Who leads an action, for the public: a group's name or a role, never a person. */
export const publicOwner = z.object({ kind: z.enum(["group", "role"]), label: z.string() });
export type PublicOwner = z.infer<typeof publicOwner>;

export const publicHalfYear = z.object({
  /** The quarter the half-year ends with ("2026-Q3"). */
  quarter: z.string(),
  /** "April to September 2026". */
  label: z.string(),
  end: day,
});
export type PublicHalfYear = z.infer<typeof publicHalfYear>;

export const publicStrategyResponse = z.object({
  council: z.object({ name: z.string(), slug: z.string(), isDemo: z.boolean() }),
  strategy: z.object({
    title: z.string(),
    periodStart: day,
    periodEnd: day,
    vision: z.string(),
    approval: z.object({ board: z.string(), approvedOn: day }).nullable(),
  }),
  /** The latest half-year with progress reported, and the one before it; null before any. */
  latest: publicHalfYear.nullable(),
  previous: publicHalfYear.nullable(),
  roundedTo: z.number(),
  pillars: z.array(
    z.object({
      ref: z.string(),
      kind: pillarKind,
      title: z.string(),
      aims: z.array(z.string()),
      progress: z.object({ latest: publicStatusCounts.nullable(), previous: publicStatusCounts.nullable() }),
      completed: z.array(
        z.object({
          ref: z.string(),
          title: z.string(),
          phase: phaseValue,
          owner: publicOwner.nullable(),
          /** The quarter its first "complete" update is for. */
          quarter: z.string(),
        }),
      ),
    }),
  ),
  /** The figures the actions are meant to move, at each half-year's end, protected for the public. */
  measures: z.array(
    z.object({
      metric: z.string(),
      label: z.string(),
      kind: z.enum(["rate", "money", "count"]),
      target: z.number(),
      direction: z.enum(["higher", "lower"]),
      byDate: day,
      latest: figureView.nullable(),
      previous: figureView.nullable(),
      /** The actions that name it (R1.2). */
      actions: z.array(z.string()),
    }),
  ),
});
export type PublicStrategyResponse = z.infer<typeof publicStrategyResponse>;
