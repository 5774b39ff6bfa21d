// The long parts of a dashboard, each a section with its table and CSV: by provider or service,
// quarter by quarter, the workforce's ages, pay and leavers, the career framework, data quality.
import { useMemo, useState } from "react";
import { longDate, longMonth } from "../../../shared/dates";
import { FLOW_LABELS, HEADLINES, ragOf } from "../../../shared/metrics";
import { Chart } from "../../components/Chart";
import { Select } from "../../components/forms";
import { Section } from "../../components/Section";
import { Table } from "../../components/Table";
import { AgeBandTable, CsvLink, csvFigure, csvHeading, type Figures, show } from "../../lib/figures";
import type { Breakdown, CareerFigures, Distributions, TrendPoint } from "../../queries/figures";
import { headline, RAG_TEXT, RagTag } from "./headlines";

/** The figures a breakdown shows, one column each. */
const BREAKDOWN_FIGURES = [
  "filled_posts",
  "vacancy_rate",
  "turnover_rate",
  "agency_rate",
  "below_rlw_share",
  "pay_median_hourly.care_worker",
  "completeness_score",
].map(headline);

export function BreakdownSection({
  id,
  title,
  caption,
  firstHeader,
  rows,
  targets,
  label,
}: {
  id: string;
  title: string;
  caption: string;
  firstHeader: string;
  rows: Breakdown[];
  targets: Record<string, number>;
  label: (r: Breakdown) => React.ReactNode;
}) {
  return (
    <Section id={id} title={title}>
      <p className="govuk-body">Select a column heading to sort by it. Tags compare each figure with your target.</p>
      <Table
        caption={caption}
        rows={rows}
        rowKey={(r) => r.key}
        columns={[
          { header: firstHeader, cell: label, sortValue: (r) => r.label },
          ...BREAKDOWN_FIGURES.map((h) => ({
            header: h.label,
            numeric: true,
            sortValue: (r: Breakdown) => r.figures[h.name]?.value ?? null,
            cell: (r: Breakdown) => {
              const rag = ragOf(r.figures[h.name]?.value ?? null, targets[h.name], h.better);
              return (
                <>
                  {show(r.figures[h.name], h.kind)}
                  {rag && (
                    <>
                      <br />
                      <RagTag rag={rag} />
                    </>
                  )}
                </>
              );
            },
          })),
        ]}
      />
      <CsvLink
        name={caption}
        header={[
          firstHeader,
          ...BREAKDOWN_FIGURES.flatMap((h) =>
            targets[h.name] === undefined
              ? [csvHeading(h.label, h.kind)]
              : [csvHeading(h.label, h.kind), `${h.label}: against target`],
          ),
        ]}
        rows={rows.map((r) => [
          r.label,
          ...BREAKDOWN_FIGURES.flatMap((h) => {
            const value = csvFigure(r.figures[h.name], h.kind);
            if (targets[h.name] === undefined) return [value];
            const rag = ragOf(r.figures[h.name]?.value ?? null, targets[h.name], h.better);
            return [value, rag ? RAG_TEXT[rag].text : ""];
          }),
        ])}
      />
    </Section>
  );
}

/** A quarter end on a chart's axis, short enough for eight of them on a phone: "Sep 2026". */
const shortDate = (iso: string) => longMonth(iso).replace(/^(\w{3})\w*/, "$1");

/** One headline figure quarter by quarter: a chart, its table and CSV; the figure is chosen from a list (kept in the address when `onFigure` is given). */
export function TrendSection({
  trend,
  targets,
  comparison,
  figure,
  onFigure,
}: {
  trend: TrendPoint[];
  targets?: Record<string, number>;
  comparison?: string;
  figure?: string;
  onFigure?: (name: string) => void;
}) {
  const [chosen, setChosen] = useState("vacancy_rate");
  const name = figure && HEADLINES.some((x) => x.name === figure) ? figure : chosen;
  const setName = onFigure ?? setChosen;
  const h = headline(name);
  const scale = h.kind === "rate" ? 100 : 1;
  const target = targets?.[name];
  const option = useMemo(
    () => ({
      aria: { enabled: true },
      tooltip: { trigger: "axis" },
      grid: { left: 56, right: 24, top: 24, bottom: 40 },
      xAxis: { type: "category", data: trend.map((p) => shortDate(p.at)) },
      yAxis: {
        type: "value",
        name: h.kind === "rate" ? "%" : h.kind === "money" ? "£" : "",
        min: h.kind === "rate" ? 0 : undefined,
      },
      series: [
        {
          type: "line",
          name: h.label,
          data: trend.map((p) =>
            p.figures[name]?.value === null || p.figures[name]?.value === undefined
              ? null
              : (p.figures[name].value as number) * scale,
          ),
          connectNulls: false,
          markLine:
            target !== undefined
              ? {
                  symbol: "none",
                  label: { formatter: "Target" },
                  data: [{ yAxis: target * scale }],
                  lineStyle: { type: "dashed", color: "#505a5f" },
                }
              : undefined,
        },
      ],
    }),
    [trend, h, name, target, scale],
  );
  return (
    <Section id="trend" title="Quarter by quarter">
      <div className="app-no-print">
        <Select
          id="trend-figure"
          name="trend-figure"
          label="Figure to show"
          value={name}
          onChange={setName}
          options={HEADLINES.map((x) => ({ value: x.name, label: x.label }))}
        />
      </div>
      <Chart
        option={option}
        label={`${h.label} at each quarter end from ${longDate(trend[0]?.at)} to ${longDate(trend.at(-1)?.at)}${comparison ?? ""}`}
      />
      <Table
        caption={`${h.label} at each quarter end`}
        rows={trend}
        rowKey={(p) => p.at}
        columns={[
          { header: "Quarter ending", cell: (p) => longDate(p.at) },
          { header: h.label, numeric: true, cell: (p) => show(p.figures[name], h.kind) },
        ]}
      />
      <CsvLink
        name={`${h.label} by quarter`}
        header={["Quarter ending", csvHeading(h.label, h.kind)]}
        rows={trend.map((p) => [p.at, csvFigure(p.figures[name], h.kind)])}
      />
    </Section>
  );
}

/** The workforce across the career framework's roles, and who moved up a route. */
export function CareerSection({ c }: { c: CareerFigures }) {
  const rows = c.roles.filter((r) => r.count > 0);
  return (
    <Section id="careers" title="Career framework">
      <p className="govuk-body">
        {c.movedUp.value === null
          ? "No employed staff to measure progression."
          : `${(c.movedUp.value * 100).toFixed(1)}% of employed staff (${c.movedUp.count} of ${c.movedUp.n.toLocaleString("en-GB")}) moved up a route of the framework in the last 12 months, by a new employment here after one in a role the routes lead on from.`}{" "}
        {c.unmapped > 0 &&
          `${c.unmapped.toLocaleString("en-GB")} people are in job roles the framework does not cover.`}
      </p>
      <Table
        caption="Workforce by framework role"
        rows={rows}
        rowKey={(r) => r.key}
        columns={[
          { header: "Role", cell: (r) => r.title },
          { header: "People", numeric: true, cell: (r) => r.count.toLocaleString("en-GB"), sortValue: (r) => r.count },
        ]}
      />
      <CsvLink
        name="Workforce by framework role"
        header={["Role", "People"]}
        rows={rows.map((r) => [r.title, r.count])}
      />
    </Section>
  );
}

const money = (n: number) => `£${n.toFixed(2)}`;
const payBand = (b: { from: number; to: number | null }) =>
  b.to === null ? `${money(b.from)} and over` : `${money(b.from)} to ${money(b.to - 0.01)}`;

/** The age pyramid, pay distribution and leavers: each chart with its table and CSV. */
export function DistributionSections({ d }: { d: Distributions }) {
  const pyramid = useMemo(
    () => ({
      aria: { enabled: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { bottom: 0 },
      grid: { left: 90, right: 24, top: 16, bottom: 48 },
      // Men to the left (drawn as negative numbers, labelled as positive), women to the right.
      xAxis: { type: "value", axisLabel: { formatter: (v: number) => String(Math.abs(v)) } },
      yAxis: { type: "category", data: d.agePyramid.map((b) => b.band) },
      series: [
        { name: "Male", type: "bar", stack: "people", data: d.agePyramid.map((b) => -b.male) },
        { name: "Female", type: "bar", stack: "people", data: d.agePyramid.map((b) => b.female) },
        { name: "Other or not known", type: "bar", stack: "people", data: d.agePyramid.map((b) => b.other) },
      ],
    }),
    [d],
  );
  const pay = useMemo(
    () => ({
      aria: { enabled: true },
      tooltip: { trigger: "axis" },
      grid: { left: 48, right: 24, top: 40, bottom: 64 },
      xAxis: { type: "category", data: d.pay.map((b) => money(b.from)), axisLabel: { rotate: 45 } },
      yAxis: { type: "value", name: "Workers" },
      series: [
        {
          name: "Workers",
          type: "bar",
          data: d.pay.map((b) => b.count),
          markLine: {
            symbol: "none",
            // A line sits on the band its rate falls in.
            data: d.payLines.map((l) => ({
              xAxis: money(d.pay.find((b) => b.to === null || l.hourlyRate < b.to)?.from ?? l.hourlyRate),
              label: { formatter: l.label, position: "end" },
            })),
            lineStyle: { type: "dashed", color: "#d4351c" },
          },
        },
      ],
    }),
    [d],
  );
  const flow = useMemo(
    () => ({
      aria: { enabled: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 200, right: 24, top: 16, bottom: 32 },
      xAxis: { type: "value" },
      yAxis: { type: "category", data: d.leaversFlow.map((f) => FLOW_LABELS[f.destination]), inverse: true },
      series: [{ name: "Leavers", type: "bar", data: d.leaversFlow.map((f) => f.count) }],
    }),
    [d],
  );
  const leavers = d.leaversByReason.reduce((s, r) => s + r.count, 0);
  return (
    <>
      <Section id="ages" title="Ages">
        <Chart option={pyramid} label="Age pyramid of the workforce by gender" />
        <AgeBandTable bands={d.agePyramid} />
      </Section>
      <Section id="pay" title="Pay of care-providing staff">
        <p className="govuk-body">
          Hourly pay of staff in care-providing roles aged 18 or over, in 50p bands, against{" "}
          {d.payLines.map((l) => `the ${l.label} of ${money(l.hourlyRate)}`).join(" and ") ||
            "the pay floors (none recorded for this date)"}
          .
        </p>
        {d.pay.length ? (
          <>
            <Chart option={pay} label="Hourly pay of care-providing staff in 50p bands, with the pay floors marked" />
            <Table
              caption="Care-providing staff by hourly pay"
              rows={d.pay}
              rowKey={(b) => b.from}
              columns={[
                { header: "Hourly pay", cell: payBand },
                { header: "Workers", numeric: true, cell: (b) => b.count.toLocaleString("en-GB") },
              ]}
            />
            <CsvLink
              name="Care-providing staff by hourly pay"
              header={["From", "To", "Workers"]}
              rows={d.pay.map((b) => [b.from, b.to ?? "", b.count])}
            />
          </>
        ) : (
          <p className="govuk-body">No pay is recorded for these staff yet.</p>
        )}
      </Section>
      <Section id="leavers" title="Leavers in the last 12 months">
        <p className="govuk-body">
          {leavers.toLocaleString("en-GB")} permanent and temporary staff left. Someone found working for another
          provider in this area afterwards stayed in the local system, whatever reason was recorded.
        </p>
        <Chart option={flow} label="Where leavers went" />
        <Table
          caption="Where leavers went"
          rows={d.leaversFlow}
          rowKey={(f) => f.destination}
          columns={[
            { header: "Went to", cell: (f) => FLOW_LABELS[f.destination] },
            { header: "Leavers", numeric: true, cell: (f) => f.count.toLocaleString("en-GB") },
          ]}
        />
        <CsvLink
          name="Where leavers went"
          header={["Went to", "Leavers"]}
          rows={d.leaversFlow.map((f) => [FLOW_LABELS[f.destination], f.count])}
        />
        <Table
          caption="Leavers by reason for leaving"
          rows={d.leaversByReason}
          rowKey={(r) => r.reason}
          columns={[
            { header: "Reason", cell: (r) => r.label },
            { header: "Leavers", numeric: true, cell: (r) => r.count.toLocaleString("en-GB") },
          ]}
        />
        <CsvLink
          name="Leavers by reason for leaving"
          header={["Reason", "Leavers"]}
          rows={d.leaversByReason.map((r) => [r.label, r.count])}
        />
      </Section>
    </>
  );
}

const FIELD_LABELS: Record<string, string> = {
  gender: "Gender",
  date_of_birth: "Date of birth",
  nationality: "Nationality",
  main_job_role: "Main job role",
  main_job_start_date: "Start date in main job",
  recruitment_source: "Recruitment source",
  contract_type: "Contract type",
  zero_hours: "Zero-hours contract",
  hours: "Hours",
  pay: "Pay",
  days_sick: "Days sick",
  care_certificate: "Care Certificate",
  social_care_qualification: "Social care qualification",
  other_qualifications: "Other qualifications",
};

export function QualitySection({ completeness }: { completeness: Figures }) {
  const rows = Object.entries(completeness)
    .filter(([k]) => k.startsWith("completeness."))
    .map(([k, f]) => ({ field: k.slice("completeness.".length), f }))
    .sort((a, b) => (a.f.value ?? 0) - (b.f.value ?? 0));
  return (
    <Section id="quality" title="Data quality">
      <p className="govuk-body">
        Completeness is the share of your workforce with each field recorded; the score is their mean (
        {show(completeness.completeness_score, "rate")}). The least complete come first.
      </p>
      <Table
        caption="Completeness by field"
        rows={rows}
        rowKey={(r) => r.field}
        columns={[
          { header: "Field", cell: (r) => FIELD_LABELS[r.field] ?? r.field },
          { header: "Recorded for", numeric: true, cell: (r) => show(r.f, "rate") },
        ]}
      />
      <CsvLink
        name="Completeness by field"
        header={["Field", csvHeading("Recorded for", "rate")]}
        rows={rows.map((r) => [FIELD_LABELS[r.field] ?? r.field, csvFigure(r.f, "rate")])}
      />
    </Section>
  );
}

export function Notes() {
  return (
    <p className="govuk-body govuk-!-font-size-16">
      How each figure is worked out: the hub's metrics guide and the{" "}
      <a className="govuk-link" href="/api/docs">
        API documentation
      </a>
      . "Not enough data" means fewer than 3 employers or 10 workers; "Withheld" protects small groups of people. Tags:
      on target; near target (missing it by no more than a tenth of the target); off target.
    </p>
  );
}
