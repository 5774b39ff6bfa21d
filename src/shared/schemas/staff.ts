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
