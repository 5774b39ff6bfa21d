import { csvText } from "../../../shared/csv";
import type { SwSeriesResponse } from "../../../shared/schemas/social-work-figures";
import { SW_SERVICE_LABELS } from "../../../shared/social-work";
import { SW_FIGURE_INFO, SW_FIGURES, SW_REASON_TEXT, type SwFigure } from "../../../shared/sw-figures";
import { presentFigure } from "./figures.presenter";
import type { socialWorkSeries } from "./figures-series.service";

// The monthly series as it leaves: JSON for the page's charts, and a CSV file with one line per
// month, service or team, and figure, in the words the page uses (a withheld value says why).

type Series = Awaited<ReturnType<typeof socialWorkSeries>>;
const presentSeries = (set: Record<string, SwFigure[]>) =>
  Object.fromEntries(Object.entries(set).map(([k, fs]) => [k, fs.map(presentFigure)]));

export function presentSeriesResponse(x: Series): SwSeriesResponse {
  return {
    at: x.at,
    months: x.months,
    dates: x.dates,
    services: x.services.map((s) => ({ service: s.service, series: presentSeries(s.series) })),
    teams: x.teams.map((t) => ({ id: t.id, name: t.name, service: t.service, series: presentSeries(t.series) })),
  };
}

const HEADER = ["Date", "Service", "Team", "Figure", "Value", "Base", "Base counts", "Note"];

/** The series as a CSV file: rates as fractions (0.125), caseloads as open cases per FTE. */
export function seriesCsv(x: Series): string {
  const rows: (string | number | null)[][] = [];
  const line = (date: string, service: string, team: string, name: (typeof SW_FIGURES)[number], f: SwFigure) => {
    const out = presentFigure(f);
    rows.push([
      date,
      SW_SERVICE_LABELS[service as keyof typeof SW_SERVICE_LABELS] ?? service,
      team,
      SW_FIGURE_INFO[name].label,
      out.value === null ? "" : Math.round(out.value * 10000) / 10000,
      out.value === null ? "" : out.n,
      SW_FIGURE_INFO[name].base,
      out.value === null ? SW_REASON_TEXT[out.reason ?? "no_data"] : "",
    ]);
  };
  x.dates.forEach((date, i) => {
    for (const s of x.services) for (const f of SW_FIGURES) line(date, s.service, "All teams", f, s.series[f][i]);
    for (const t of x.teams) for (const f of SW_FIGURES) line(date, t.service, t.name, f, t.series[f][i]);
  });
  return `\uFEFF${csvText(HEADER, rows)}`;
}
