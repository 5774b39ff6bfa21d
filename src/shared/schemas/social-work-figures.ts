import { z } from "zod";
import { SW_SERVICES } from "../social-work";
import { SW_FIGURES } from "../sw-figures";
import { day } from "./common";

// The social work service's figures (issue 20 item 11): aggregates per service and team at a
// date, and monthly series; withheld values are null with the reason (shared/sw-figures.ts).

const service = z.enum(SW_SERVICES, { error: "service must be adults or children" });

export const swFiguresQuery = z.object({
  at: day
    .refine((d) => d >= "1900-01-01", { error: "at must be a date from 1900 on, for example 2026-06-30" })
    .optional(),
  service: service.optional(),
});
export type SwFiguresQuery = z.infer<typeof swFiguresQuery>;

export const swSeriesQuery = z.object({
  months: z
    .enum(["12", "36"], { error: "months must be 12 or 36" })
    .default("12")
    .transform((m) => Number(m)),
  service: service.optional(),
});
export type SwSeriesQuery = z.infer<typeof swSeriesQuery>;

export const swFigure = z.object({
  value: z.number().nullable(),
  /** The figure's base (SW_FIGURE_INFO[].base): 0 when withheld. */
  n: z.number(),
  reason: z.enum(["no_data", "small_base", "complement", "not_available"]).optional(),
});
export type SwFigureOut = z.infer<typeof swFigure>;

const figureSet = z.partialRecord(z.enum(SW_FIGURES), swFigure);
const seriesSet = z.partialRecord(z.enum(SW_FIGURES), z.array(swFigure));

export const swFiguresResponse = z.object({
  at: z.string(),
  services: z.array(z.object({ service, figures: figureSet })),
  teams: z.array(z.object({ id: z.string(), name: z.string(), service, figures: figureSet })),
});
export type SwFiguresResponse = z.infer<typeof swFiguresResponse>;

export const swSeriesResponse = z.object({
  at: z.string(),
  months: z.number(),
  /** Each point's date: a month's last day, the last at today. */
  dates: z.array(z.string()),
  services: z.array(z.object({ service, series: seriesSet })),
  teams: z.array(z.object({ id: z.string(), name: z.string(), service, series: seriesSet })),
});
export type SwSeriesResponse = z.infer<typeof swSeriesResponse>;
