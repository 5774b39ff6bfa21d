import { longMonth } from "../../../shared/dates";
import { SW_FIGURE_INFO, type SwFigure, type SwFigureName, showSwFigure } from "../../../shared/sw-figures";

// The social work figures month by month as the figures page draws them: the points a chart plots
// and the words that say the same to a screen reader. A withheld month (or one with nothing behind
// it) is null, a gap in the line: drawn as 0 it would tell a small team's story the disclosure
// control is there to hide, and say "no vacancies" of a month we know nothing about.

/** A figure's values to plot, one a date: rates in per cent, averages as they are, null where there is no value. */
export function chartPoints(name: SwFigureName, figures: SwFigure[] | undefined, dates: string[]): (number | null)[] {
  const scale = SW_FIGURE_INFO[name].kind === "rate" ? 100 : 1;
  return dates.map((_, i) => {
    const value = figures?.[i]?.value;
    return value === null || value === undefined ? null : Math.round(value * scale * 10) / 10;
  });
}

/** A line's story in words: where it started and ended among the months with a value, and how many months have none. */
export function trendWords(name: SwFigureName, figures: SwFigure[] | undefined, dates: string[]): string {
  const known = dates.flatMap((d, i) => {
    const f = figures?.[i];
    return f && f.value !== null ? [{ date: d, f }] : [];
  });
  const missing = dates.length - known.length;
  if (!known.length) return `No value in any of the ${dates.length} months (withheld or no data)`;
  const first = known[0];
  const last = known[known.length - 1];
  const words =
    known.length === 1
      ? `${showSwFigure(name, first.f)} in ${longMonth(first.date)} only`
      : `${showSwFigure(name, first.f)} in ${longMonth(first.date)}, ${showSwFigure(name, last.f)} in ${longMonth(last.date)}`;
  return missing ? `${words}; no value in ${missing} of ${dates.length} months (withheld or no data)` : words;
}

/** A date on the chart's axis, short enough for twelve on a phone: "Sep 2026". */
export const axisMonth = (iso: string) => longMonth(iso).replace(/^(\w{3})\w*/, "$1");
