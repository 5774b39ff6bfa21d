import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { longDate } from "../../../shared/dates";
import { SW_SERVICE_LABELS } from "../../../shared/social-work";
import { SW_FIGURE_INFO, SW_FIGURES, type SwFigure, type SwFigureName, showSwFigure } from "../../../shared/sw-figures";
import { Chart } from "../../components/Chart";
import { Select } from "../../components/forms";
import { Sparkline } from "../../components/Sparkline";
import { Table } from "../../components/Table";
import { type SwSeriesResponse, swFiguresQueries } from "../../queries/social-work-figures";
import { axisMonth, chartPoints, trendWords } from "./figures-trend";

// The social work figures month by month (GET …/social-work/figures/series): one figure at a time,
// a line per service with a table of the same values beside it (the chart is a picture of the
// table), then each team's line as a sparkline with its story in words. Withheld months are gaps.

type Months = 12 | 36;

export function SwFiguresTrend({ orgId }: { orgId: string }) {
  const [name, setName] = useState<SwFigureName>("vacancy_rate");
  const [months, setMonths] = useState<Months>(12);
  const series = useQuery(swFiguresQueries.series(orgId, months));
  const info = SW_FIGURE_INFO[name];
  return (
    <section aria-labelledby="sw-trend-heading">
      <h2 className="govuk-heading-m" id="sw-trend-heading">
        Month by month
      </h2>
      <p className="govuk-body">
        Each point is the figure at a month's last day (this month's at today), withheld as above. A gap in a line is a
        month with no value: withheld, or nothing to measure.
      </p>
      <div className="app-filters app-no-print">
        <Select
          id="sw-trend-figure"
          name="figure"
          label="Figure"
          value={name}
          onChange={(v) => setName(v as SwFigureName)}
          options={SW_FIGURES.map((f) => ({ value: f, label: SW_FIGURE_INFO[f].label }))}
        />
        <Select
          id="sw-trend-months"
          name="months"
          label="Period"
          value={String(months)}
          onChange={(v) => setMonths(Number(v) as Months)}
          options={[
            { value: "12", label: "The last 12 months" },
            { value: "36", label: "The last 36 months" },
          ]}
        />
      </div>
      {series.isPending && <p className="govuk-body">Loading the months…</p>}
      {series.isError && (
        <p className="govuk-error-message">The figures month by month could not be loaded: {series.error.message}</p>
      )}
      {series.data && <TrendBody data={series.data} name={name} kind={info.kind} />}
    </section>
  );
}

function TrendBody({ data, name, kind }: { data: SwSeriesResponse; name: SwFigureName; kind: "rate" | "number" }) {
  const label = SW_FIGURE_INFO[name].label;
  const option = useMemo(
    () => ({
      // No ECharts aria: it would write its own label over the Chart's, which points to the table.
      tooltip: {
        trigger: "axis",
        valueFormatter: (v: number | null | undefined) =>
          v === null || v === undefined || Number.isNaN(v) ? "No value" : kind === "rate" ? `${v}%` : String(v),
      },
      legend: { bottom: 0 },
      grid: { left: 48, right: 16, top: 24, bottom: 64 },
      xAxis: { type: "category", data: data.dates.map(axisMonth) },
      yAxis: { type: "value", name: kind === "rate" ? "%" : "", min: kind === "rate" ? 0 : undefined },
      series: data.services.map((s) => ({
        type: "line",
        name: SW_SERVICE_LABELS[s.service],
        data: chartPoints(name, s.series[name] as SwFigure[] | undefined, data.dates),
        // A gap, not a line drawn through a withheld month; a point alone between gaps still shows.
        connectNulls: false,
        showSymbol: true,
      })),
    }),
    [data, name, kind],
  );
  const from = longDate(data.dates[0]);
  const to = longDate(data.dates.at(-1));
  const figureOf = (set: Partial<Record<SwFigureName, SwFigure[]>>, i: number) => set[name]?.[i];
  return (
    <>
      <Chart option={option} label={`${label} at each month's end from ${from} to ${to}, by service`} />
      <Table
        caption={`${label} at each month's end`}
        rows={data.dates.map((date, i) => ({ date, i }))}
        rowKey={(r) => r.date}
        columns={[
          { header: "Month ending", cell: (r) => longDate(r.date) },
          ...data.services.map((s) => ({
            header: SW_SERVICE_LABELS[s.service],
            numeric: true,
            cell: (r: { i: number }) => showSwFigure(name, figureOf(s.series, r.i)),
          })),
        ]}
      />
      {data.services.map((s) => {
        const teams = data.teams.filter((t) => t.service === s.service);
        if (!teams.length) return null;
        return (
          <Table
            key={s.service}
            caption={`${SW_SERVICE_LABELS[s.service]}: ${label} by team, ${from} to ${to}`}
            rows={teams}
            rowKey={(t) => t.id}
            columns={[
              { header: "Team", cell: (t) => t.name },
              {
                header: "Now",
                numeric: true,
                cell: (t) => showSwFigure(name, figureOf(t.series, data.dates.length - 1)),
              },
              {
                header: "Month by month",
                cell: (t) => (
                  <Sparkline
                    values={chartPoints(name, t.series[name] as SwFigure[] | undefined, data.dates)}
                    description={trendWords(name, t.series[name] as SwFigure[] | undefined, data.dates)}
                  />
                ),
              },
            ]}
          />
        );
      })}
    </>
  );
}
