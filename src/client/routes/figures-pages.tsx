import { useQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { Page } from "../components/Page";
import { Table } from "../components/Table";
import { api } from "../lib/api";
import { useOrg } from "../lib/org";

interface Figure {
  value: number | null;
  n: number;
  reason?: "no_data" | "not_enough_data" | "suppressed";
}
interface Comparator {
  metric: string;
  publisher: "sfc" | "dfe";
  edition: string;
  period: string;
  coverage: string;
  value: number;
}

type Kind = "rate" | "money" | "count";
/** The headline figures (issue 4 list), in the order a council reads them. */
const HEADLINES: { name: string; label: string; kind: Kind; higherIsBetter?: boolean }[] = [
  { name: "filled_posts", label: "Filled posts", kind: "count" },
  { name: "vacancy_rate", label: "Vacancy rate", kind: "rate" },
  { name: "turnover_rate", label: "Turnover rate", kind: "rate" },
  { name: "starter_rate", label: "Starter rate", kind: "rate" },
  { name: "stability_index", label: "Stability index", kind: "rate" },
  { name: "system_retention", label: "Kept in the local system", kind: "rate" },
  { name: "agency_rate", label: "Agency rate", kind: "rate" },
  { name: "permanent_share", label: "Permanent contracts", kind: "rate" },
  { name: "zero_hours_share", label: "Zero-hours contracts", kind: "rate" },
  { name: "pay_median_hourly.care_worker", label: "Median hourly pay, care workers", kind: "money" },
  { name: "pay_median_hourly.senior_care_worker", label: "Median hourly pay, senior care workers", kind: "money" },
  { name: "below_rlw_share", label: "Paid below the Real Living Wage", kind: "rate" },
  { name: "age_55_plus_share", label: "Aged 55 and over", kind: "rate" },
  { name: "age_under_30_share", label: "Aged under 30", kind: "rate" },
  { name: "no_relevant_qual_share", label: "No relevant social care qualification", kind: "rate" },
  { name: "ethnicity_unknown_share", label: "Ethnicity not known", kind: "rate" },
  { name: "completeness_score", label: "Data completeness", kind: "rate" },
];
const REASONS = { no_data: "No data", not_enough_data: "Not enough data", suppressed: "Suppressed" };

const show = (f: Figure | undefined, kind: Kind) => {
  if (!f) return "–";
  if (f.value === null) return REASONS[f.reason ?? "no_data"];
  if (kind === "rate") return `${(f.value * 100).toFixed(1)}%`;
  if (kind === "money") return `£${f.value.toFixed(2)}`;
  return f.value.toLocaleString("en-GB");
};
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const quarterBefore = (d: string) => {
  const date = new Date(`${d}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - 3);
  return isoDate(date);
};

/** The latest national comparator for England for a figure, with its source and edition. */
function national(comparators: Comparator[], name: string): Comparator | undefined {
  const candidates = comparators.filter((c) => c.metric === name && (c.coverage === "england" || c.coverage === "england.independent_sector"));
  return candidates.sort((a, b) => b.period.localeCompare(a.period) || a.coverage.localeCompare(b.coverage))[0];
}

/** Headline workforce figures for the organisation's scope, against a quarter ago and England. */
export function FiguresPage() {
  const { orgId } = useParams({ strict: false }) as { orgId: string };
  const org = useOrg(orgId);
  const at = isoDate(new Date());
  const before = quarterBefore(at);
  const names = HEADLINES.map((h) => h.name).join(",");
  const now = useQuery({
    queryKey: ["metrics", orgId, at],
    queryFn: () => api<{ figures: Record<string, Figure> }>("GET", `/api/orgs/${orgId}/metrics?at=${at}&metrics=${names}`),
  });
  const then = useQuery({
    queryKey: ["metrics", orgId, before],
    queryFn: () => api<{ figures: Record<string, Figure> }>("GET", `/api/orgs/${orgId}/metrics?at=${before}&metrics=${names}`),
  });
  const provider = org.data?.kind === "provider";
  const group = useQuery({
    queryKey: ["metrics", orgId, at, "comparison"],
    queryFn: () => api<{ figures: Record<string, Figure> }>("GET", `/api/orgs/${orgId}/metrics?at=${at}&scope=comparison&metrics=${names}`),
    enabled: provider,
  });
  const reference = useQuery({ queryKey: ["reference"], queryFn: () => api<{ comparators: Comparator[] }>("GET", "/api/reference") });
  if (!org.data) return <p className="govuk-body">Loading…</p>;
  const council = org.data.kind === "council";
  return (
    <Page title="Workforce figures" caption={org.data.name}>
      <p className="govuk-body">
        {council
          ? "Your own services and the providers you commission, as at today, from the records providers keep in the hub."
          : "Your workplaces, as at today, from your records in the hub, beside similar providers nearby: other employers with your main type of service in the same council areas (never fewer than 3 employers and 10 workers)."}{" "}
        Rates cover the last 12 months where they are flows (turnover, starters). National figures are labelled with their source and edition.
      </p>
      {now.isError && <p className="govuk-body">{(now.error as Error).message}</p>}
      {now.data && (
        <Table
          caption={`Headline figures as at ${at}`}
          rows={HEADLINES}
          rowKey={(h) => h.name}
          columns={[
            { header: "Figure", cell: (h) => h.label },
            { header: "Now", numeric: true, cell: (h) => show(now.data.figures[h.name], h.kind) },
            { header: `A quarter ago (${before})`, numeric: true, cell: (h) => show(then.data?.figures[h.name], h.kind) },
            provider && {
              header: "Similar providers nearby",
              numeric: true,
              cell: (h) => show(group.data?.figures[h.name], h.kind),
            },
            {
              header: "England",
              numeric: true,
              cell: (h) => {
                const c = reference.data ? national(reference.data.comparators, h.name) : undefined;
                return c ? show({ value: c.value, n: 1 }, h.kind) : "–";
              },
            },
            {
              header: "National source",
              cell: (h) => {
                const c = reference.data ? national(reference.data.comparators, h.name) : undefined;
                return c
                  ? `${c.publisher === "sfc" ? "Skills for Care" : "DfE"}, ${c.period}${c.coverage === "england" ? "" : `, ${c.coverage.replace("england.", "").replace("_", " ")}`}`
                  : "";
              },
            },
          ]}
        />
      )}
      <p className="govuk-body govuk-!-font-size-16">
        How each figure is worked out:{" "}
        <a className="govuk-link" href="/api/docs">
          API documentation
        </a>{" "}
        and the definitions in the hub's metrics guide. "Not enough data" means fewer than 3 employers or 10 workers; "Suppressed" protects small groups of people.
      </p>
    </Page>
  );
}
