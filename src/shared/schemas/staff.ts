import { z } from "zod";
import { JOB_ROLES, TRAINING_CATEGORIES } from "../ascwds/codes";
import { codeLabel, day, timestamp } from "./common";

export const staffListQuery = z.object({
  q: z.string().trim().max(100, "Search for at most 100 characters").optional(),
  workplace: z.uuid("Choose a workplace from the list").optional(),
  role: z.coerce.number().int().positive().optional(),
  contract: z.coerce.number().int().positive().optional(),
  status: z.enum(["current", "left", "all"], { error: "status is current, left or all" }).default("current"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export const recordLeaverInput = z.object({
  leavingDate: z.iso.date("Enter the leaving date as a real date"),
  reason: z
    .number({ error: "Choose a reason for leaving" })
    .int()
    .min(1, "Choose a reason for leaving")
    .max(9, "Choose a reason for leaving"),
});

/** An employer's workforce settings: its standard week (for FTE) and mandatory training by job role. */
export const workforceSettingsInput = z
  .object({
    standardWeeklyHours: z
      .number({ error: "Enter the hours in a full-time week as a number, for example 37.5" })
      .min(16, "A full-time week is at least 16 hours")
      .max(60, "A full-time week is at most 60 hours")
      .multipleOf(0.5, "Enter the hours to the nearest half hour")
      .nullable(),
    requiredTraining: z
      .array(
        z.object({
          category: z
            .number()
            .int()
            .refine((c) => TRAINING_CATEGORIES.has(c), {
              error: (i) => `${i.input} is not an ASC-WDS training category`,
            }),
          /** The job roles (MAINJOBROLE codes) that must hold it; null for every job role. */
          // Checked as a whole, so the problem is on the field the form shows (roles), naming the codes.
          roles: z
            .array(z.number().int())
            .min(1, "Choose at least one job role, or every job role")
            .refine((roles) => roles.every((r) => r in JOB_ROLES), {
              error: (i) =>
                `${(i.input as number[]).filter((r) => !(r in JOB_ROLES)).join(", ")}: not an ASC-WDS main job role`,
            })
            .nullable(),
        }),
      )
      .max(60),
  })
  .superRefine((v, ctx) => {
    const seen = v.requiredTraining.map((r) => r.category);
    seen.forEach((c, i) => {
      if (seen.indexOf(c) !== i)
        ctx.addIssue({
          code: "custom",
          path: ["requiredTraining", i, "category"],
          message: "This training is listed twice: give it once, with all the job roles that need it",
        });
    });
  });
export type WorkforceSettingsInput = z.infer<typeof workforceSettingsInput>;

// Answers.

export const staffRowView = z.object({
  id: z.string(),
  reference: z.string(),
  name: z.string(),
  role: codeLabel,
  contract: codeLabel,
  workplace: z.object({ id: z.string(), name: z.string() }),
  startDate: day,
  endDate: day.nullable(),
  leavingReason: z.string().nullable(),
});
export type StaffRowView = z.infer<typeof staffRowView>;
export const staffListResponse = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  staff: z.array(staffRowView),
});
export type StaffListResponse = z.infer<typeof staffListResponse>;
/** One person's record as ASC-WDS staff-file fields (sensitive ones only with staff.viewSensitive). */
export const staffRecordResponse = z.object({ id: z.string(), record: z.record(z.string(), z.string()) });
export type StaffRecordResponse = z.infer<typeof staffRecordResponse>;
export const workplaceView = z.object({
  id: z.string(),
  name: z.string(),
  localRef: z.string(),
  mainService: z.number(),
});
export type WorkplaceView = z.infer<typeof workplaceView>;
export const workplacesResponse = z.object({ workplaces: z.array(workplaceView) });
export type WorkplacesResponse = z.infer<typeof workplacesResponse>;
export const leaverResponse = z.object({ id: z.string(), endDate: day, leavingReason: z.number() });
export type LeaverResponse = z.infer<typeof leaverResponse>;
export const workforceSettingsResponse = z.object({
  /** The employer's own full-time week; null for the default. */
  standardWeeklyHours: z.number().nullable(),
  defaultWeeklyHours: z.number(),
  requiredTraining: z.array(z.object({ category: z.number(), roles: z.array(z.number()).nullable() })),
  /** Null until the employer first saves its own. */
  updatedAt: timestamp.nullable(),
});
export type WorkforceSettingsResponse = z.infer<typeof workforceSettingsResponse>;
