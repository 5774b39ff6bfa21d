import { z } from "zod";

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
  reason: z.number({ error: "Choose a reason for leaving" }).int().min(1, "Choose a reason for leaving").max(9, "Choose a reason for leaving"),
});

/** An employer's workforce settings: its standard week (for FTE) and mandatory training by job role. */
export const workforceSettingsInput = z.object({
  standardWeeklyHours: z
    .number({ error: "Enter the hours in a full-time week as a number, for example 37.5" })
    .min(16, "A full-time week is at least 16 hours")
    .max(60, "A full-time week is at most 60 hours")
    .multipleOf(0.5, "Enter the hours to the nearest half hour")
    .nullable(),
  requiredTraining: z
    .array(
      z.object({
        category: z.number().int(),
        /** The job roles (MAINJOBROLE codes) that must hold it; null for every job role. */
        roles: z.array(z.number().int()).min(1, "Choose at least one job role, or every job role").nullable(),
      }),
    )
    .max(60),
});
export type WorkforceSettingsInput = z.infer<typeof workforceSettingsInput>;
