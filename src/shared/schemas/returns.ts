import { z } from "zod";
import { freeText } from "./text";

export const createReturnPeriodInput = z.object({
  name: freeText(z.string().trim().min(1, "Name the period, for example Quarter 3 2026/27").max(100, "Name must be 100 characters or fewer"), "The period's name"),
  periodEnd: z.iso.date("Enter the period end as a real date"),
  dueDate: z.iso.date("Enter the due date as a real date"),
});
