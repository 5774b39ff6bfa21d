// The headline figures of a dashboard: now, a quarter ago, England, targets, and a small trend line each.
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { longDate, todayIso } from "../../../shared/dates";
import { HEADLINES, type Headline, type Rag } from "../../../shared/metrics";
import { Select } from "../../components/forms";
import { Section } from "../../components/Section";
import { Sparkline } from "../../components/Sparkline";
import { Table } from "../../components/Table";
import { CsvLink, csvFigure, csvUnit, type Figures, show } from "../../lib/figures";
import { type Comparator, figureQueries, type TrendPoint } from "../../queries/figures";

export const headline = (name: string) => HEADLINES.find((h) => h.name === name) as Headline;

/** The latest national comparator for England for a figure, with its source and edition. */
function national(comparators: Comparator[] | undefined, name: string): Comparator | undefined {
  const candidates = (comparators ?? []).filter(
    (c) => c.metric === name && (c.coverage === "england" || c.coverage === "england.independent_sector"),
  );
  return candidates.sort((a, b) => b.period.localeCompare(a.period) || a.coverage.localeCompare(b.coverage))[0];
}
const sourceOf = (c: Comparator | undefined) =>
  c
    ? `${c.publisher === "sfc" ? "Skills for Care" : "DfE"}, ${c.period}${c.coverage === "england" ? "" : `, ${c.coverage.replace("england.", "").replace("_", " ")}`}`
    : "";

export const RAG_TEXT: Record<Rag, { text: string; colour: string }> = {
  green: { text: "On target", colour: "green" },
  amber: { text: "Near target", colour: "yellow" },
  red: { text: "Off target", colour: "red" },
};
/** A red/amber/green tag that says what it means in words, not only in colour. */
export function RagTag({ rag }: { rag: Rag | null }) {
  if (!rag) return null;
  return <strong className={`govuk-tag govuk-tag--${RAG_TEXT[rag].colour}`}>{RAG_TEXT[rag].text}</strong>;
}

export const useReference = () => useQuery(figureQueries.reference());

/** A column of the headline table: what the page shows, and what its CSV holds (see csvFigure). */
export type HeadlineColumn = { header: string; cell: (h: Headline) => React.ReactNode; csv: (h: Headline) => unknown };
export interface Headlines {
  at: string;
  previousAt: string;
  now: Figures;
  previous: Figures;
  trend: TrendPoint[];
}

/** "rose from 8.1% to 9.4%", in words, for the small trend line's screen reader text. */
function trendWords(h: Headline, trend: TrendPoint[]) {
  const known = trend.filter((p) => p.figures[h.name]?.value != null);
  const first = known[0];
  const last = known.at(-1);
  if (!first || !last || first === last) return "No trend yet";
  const from = first.figures[h.name];
  const to = last.figures[h.name];
  return `${show(from, h.kind)} at ${longDate(first.at)}, ${show(to, h.kind)} at ${longDate(last.at)}`;
}

/**
 * The headline figures of a dashboard as a table with its CSV: now, a quarter ago, the view's own
 * columns (`before` England's figure, and `after` it), and the national figure's source last.
 */
export function HeadlineSection({
  d,
  before = [],
  after = [],
  comparators,
  children,
}: {
  d: Headlines;
  before?: HeadlineColumn[];
  after?: HeadlineColumn[];
  comparators?: Comparator[];
  children?: React.ReactNode;
}) {
  const england = (h: Headline) => national(comparators, h.name);
  const columns: HeadlineColumn[] = [
    { header: "Now", cell: (h) => show(d.now[h.name], h.kind), csv: (h) => csvFigure(d.now[h.name], h.kind) },
    {
      header: `A quarter ago (${longDate(d.previousAt)})`,
      cell: (h) => show(d.previous[h.name], h.kind),
      csv: (h) => csvFigure(d.previous[h.name], h.kind),
    },
    ...before,
    {
      header: "England",
      cell: (h) => {
        const c = england(h);
        return c ? show({ value: c.value, n: 1 }, h.kind) : "–";
      },
      csv: (h) => {
        const c = england(h);
        return c ? csvFigure({ value: c.value, n: 1 }, h.kind) : "";
      },
    },
    ...after,
  ];
  const caption = `Headline figures as at ${longDate(d.at)}`;
  return (
    <Section id="headlines" title="Headline figures">
      <Table
        caption={caption}
        rows={HEADLINES}
        rowKey={(h) => h.name}
        columns={[
          { header: "Figure", cell: (h) => h.label },
          ...columns.map((c) => ({ header: c.header, numeric: true, cell: c.cell })),
          {
            header: "Last two years",
            cell: (h) => (
              <Sparkline
                values={d.trend.map((p) => p.figures[h.name]?.value ?? null)}
                description={trendWords(h, d.trend)}
              />
            ),
          },
          { header: "National source", cell: (h) => sourceOf(england(h)) },
        ]}
      />
      <CsvLink
        name={caption}
        header={["Figure", "Unit", ...columns.map((c) => c.header), "National source"]}
        rows={HEADLINES.map((h) => [h.label, csvUnit(h.kind), ...columns.map((c) => c.csv(h)), sourceOf(england(h))])}
      />
      {HEADLINES.some((h) => d.now[h.name]?.declared || d.previous[h.name]?.declared) && (
        <p className="govuk-body-s">
          "(declared)": part of the figure is a count a provider gave in its ASC-WDS workplace file (vacancies or
          leavers), used for workplaces with no records of their own.
        </p>
      )}
      <p className="govuk-body-s">
        Mandatory training in date is measured against the training each employer requires for each job role, which it
        sets on its "Working week and training" page.
      </p>
      {children}
    </Section>
  );
}

/** Which date the figures are as at: today or one of the last eight quarter ends. */
export function AsAtPicker({ at, onChange }: { at: string; onChange: (at: string) => void }) {
  const options = useMemo(() => {
    const today = todayIso();
    const ends: string[] = [];
    const d = new Date(`${today}T00:00:00Z`);
    for (let i = 0; ends.length < 8 && i < 40; i++) {
      const end = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - i, 0)).toISOString().slice(0, 10);
      if (["03-31", "06-30", "09-30", "12-31"].includes(end.slice(5))) ends.push(end);
    }
    return [
      { value: today, label: `Today (${longDate(today)})` },
      ...ends.map((e) => ({ value: e, label: `Quarter ending ${longDate(e)}` })),
    ];
  }, []);
  return (
    <div className="app-no-print">
      <Select id="as-at" name="as-at" label="Figures as at" value={at} onChange={onChange} options={options} />
    </div>
  );
}
