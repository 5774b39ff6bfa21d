import { z } from "zod";
import { codeLabel, day } from "./common";

const date = z.iso.date("Enter a real date as YYYY-MM-DD");

export const vacancyListQuery = z.object({
  status: z.enum(["open", "closed", "all"], { error: "status is open, closed or all" }).default("open"),
});

export const openVacancyInput = z.object({
  workplaceId: z.uuid("Choose a workplace"),
  jobRole: z.number({ error: "Choose a job role" }).int().positive("Choose a job role"),
  openedOn: date,
  posts: z.number().int().min(1, "Open at least 1 post").max(100, "Open at most 100 posts at once").default(1),
});

export const closeVacancyInput = z.object({ closedOn: date });

export const agencyUseInput = z.object({
  workplaceId: z.uuid("Choose a workplace"),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Enter the month as YYYY-MM"),
  hours: z
    .number({ error: "Enter the agency hours as a number" })
    .min(0, "Hours cannot be negative")
    .max(100_000, "Enter at most 100,000 hours"),
  spend: z
    .number({ error: "Enter the amount spent in pounds" })
    .min(0, "Spend cannot be negative")
    .max(10_000_000, "Enter at most £10,000,000"),
  roles: z.array(z.number().int().positive()).max(20).default([]),
});

export const agencyListQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

// Answers.

export const vacancyView = z.object({
  id: z.string(),
  workplace: z.object({ id: z.string(), name: z.string().optional() }),
  role: codeLabel,
  openedOn: day,
  closedOn: day.nullable(),
});
export type VacancyView = z.infer<typeof vacancyView>;
/** The open posts: opening several posts at once answers with each. */
export const vacanciesResponse = z.object({ vacancies: z.array(vacancyView) });
export type VacanciesResponse = z.infer<typeof vacanciesResponse>;
export const vacancyResponse = z.object({ vacancy: vacancyView });
export type VacancyResponse = z.infer<typeof vacancyResponse>;

export const agencyUseView = z.object({
  id: z.string(),
  workplace: z.object({ id: z.string(), name: z.string().optional() }),
  /** YYYY-MM. */
  month: z.string(),
  hours: z.number().nullable(),
  spend: z.number().nullable(),
  roles: z.array(z.number()),
});
export type AgencyUseView = z.infer<typeof agencyUseView>;
export const agencyUseListResponse = z.object({ agencyUse: z.array(agencyUseView) });
export type AgencyUseListResponse = z.infer<typeof agencyUseListResponse>;
export const agencyUseResponse = z.object({ agencyUse: agencyUseView });
export type AgencyUseResponse = z.infer<typeof agencyUseResponse>;
