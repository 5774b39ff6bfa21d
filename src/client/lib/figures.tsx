// How figures from the metric engine are shown in the browser, shared by the signed-in
// dashboards and the public "state of the workforce" page so both say the same thing the same way.
import { formatValue, type Headline } from "../../shared/metrics";
import { Table } from "../components/Table";
import { csvHref } from "./csv";

export interface Figure {
  value: number | null;
  n: number;
  reason?: "no_data" | "not_enough_data" | "suppressed";
  /** Part of it is a count a provider declared in an ASC-WDS workplace file, not records. */
  declared?: true;
}
export type Figures = Record<string, Figure>;

/** Why a figure has no value, in words (the engine's reasons: docs/metrics.md). */
export const REASONS: Record<NonNullable<Figure["reason"]>, string> = {
  no_data: "No data",
  not_enough_data: "Not enough data",
  suppressed: "Withheld",
};

export const show = (f: Figure | undefined, kind: Headline["kind"]) => {
  if (!f) return "–";
  if (f.value === null) return REASONS[f.reason ?? "no_data"];
  const declared = f.declared && kind !== "money" ? " (declared)" : "";
  return `${formatValue(f.value, kind)}${declared}`;
};
/**
 * A figure in a CSV meant for people: a rate as a percentage to one decimal (the column's heading
 * says "%"), money in pounds and pence, a count as it is; a figure with no value says why in words.
 * The API keeps fractions: this is only for files people open in a spreadsheet.
 */
export function csvFigure(f: Figure | undefined, kind: Headline["kind"]): string | number {
  if (!f) return "";
  if (f.value === null) return REASONS[f.reason ?? "no_data"];
  if (kind === "rate") return Math.round(f.value * 1000) / 10;
  if (kind === "money") return Math.round(f.value * 100) / 100;
  return f.value;
}
/** What a CSV column's numbers are in, for its heading: "Vacancy rate (%)", "Median hourly pay, care workers (£)". */
export const csvUnit = (kind: Headline["kind"]) => (kind === "rate" ? "%" : kind === "money" ? "£" : "number");
export const csvHeading = (label: string, kind: Headline["kind"]) =>
  kind === "count" ? label : `${label} (${csvUnit(kind)})`;

export const showValue = (value: number | undefined, kind: Headline["kind"]) =>
  value === undefined ? "" : show({ value, n: 1 }, kind);

/** A CSV download of a table, named for screen reader users (several sit on one page). */
export function CsvLink({ name, header, rows }: { name: string; header: string[]; rows: unknown[][] }) {
  return (
    <p className="govuk-body app-no-print">
      <a className="govuk-link" href={csvHref(header, rows)} download={`${name}.csv`}>
        Download this table as CSV<span className="govuk-visually-hidden"> ({name})</span>
      </a>
    </p>
  );
}

export interface AgeBand {
  band: string;
  female: number;
  male: number;
  other: number;
}

/** The age pyramid as a table, with its CSV. */
export function AgeBandTable({ bands }: { bands: AgeBand[] }) {
  return (
    <>
      <Table
        caption="Workforce by age band and gender"
        rows={bands}
        rowKey={(b) => b.band}
        columns={[
          { header: "Age", cell: (b) => b.band },
          { header: "Female", numeric: true, cell: (b) => b.female.toLocaleString("en-GB") },
          { header: "Male", numeric: true, cell: (b) => b.male.toLocaleString("en-GB") },
          { header: "Other or not known", numeric: true, cell: (b) => b.other.toLocaleString("en-GB") },
        ]}
      />
      <CsvLink
        name="Workforce by age band and gender"
        header={["Age", "Female", "Male", "Other or not known"]}
        rows={bands.map((b) => [b.band, b.female, b.male, b.other])}
      />
    </>
  );
}
