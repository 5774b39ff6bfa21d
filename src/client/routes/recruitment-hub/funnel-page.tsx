import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { z } from "zod";
import { dateFromParts, datePartsOf } from "../../../shared/date-input";
import { longDate } from "../../../shared/dates";
import { FUNNEL_STAGE_LABELS, FUNNEL_STAGES, RETENTION_MONTHS } from "../../../shared/recruitment";
import { Button, DateField, Form, useSchemaForm } from "../../components/forms";
import { Page } from "../../components/Page";
import { Section } from "../../components/Section";
import { Table } from "../../components/Table";
import { useOrg } from "../../lib/org";
import { type FunnelCount, type FunnelRow, hubQueries, type RetentionRow } from "../../queries/recruitment-hub";
import { countText, retentionText } from "./funnel-text";

// The recruitment funnel (issue 17 item 8): for a council, every employer on its job board; for
// an employer, its own adverts. Definitions and what is withheld: docs/metrics.md.

const route = getRouteApi("/orgs/$orgId/recruitment/funnel");

const percent = (n: number | null) => (n === null ? "–" : `${Math.round(n * 100)}%`);

const periodForm = z.object({
  from: dateFromParts("Start date", { optional: true }),
  to: dateFromParts("End date", { optional: true }),
});

function PeriodForm({ from, to }: { from: string; to: string }): React.ReactNode {
  const navigate = useNavigate();
  const { orgId } = route.useParams();
  const form = useSchemaForm(periodForm, { from: datePartsOf(from), to: datePartsOf(to) });
  return (
    <Form
      form={form}
      onSubmit={(v) =>
        navigate({
          to: "/orgs/$orgId/recruitment/funnel",
          params: { orgId },
          search: { from: v.from ?? undefined, to: v.to ?? undefined },
        })
      }
    >
      <DateField name="from" legend="From" hint="Applications made on or after this day, for example 1 4 2026" />
      <DateField name="to" legend="To" hint="and on or before this day" />
      <Button>Show the funnel</Button>
    </Form>
  );
}

// A plain bar beside the number (the number says it without the bar), narrow enough for a phone.
const BAR = { display: "flex", alignItems: "center", gap: "0.5rem", minWidth: "8rem" } as const;
const FILL = { display: "inline-block", height: "1rem", background: "#1d70b8" } as const;

/** The stages as a table, each with a bar as long as its share of the applications. */
function StagesTable({ stages }: { stages: Record<string, FunnelCount> }): React.ReactNode {
  const applied = stages.applied.count;
  return (
    <Table
      caption="From advert to start"
      rowKey={(s) => s}
      rows={[...FUNNEL_STAGES]}
      columns={[
        { header: "Stage", cell: (s) => FUNNEL_STAGE_LABELS[s] },
        { header: "Count", numeric: true, cell: (s) => countText(stages[s]) },
        {
          header: "Share of applications",
          cell: (s) => {
            const n = stages[s].count;
            if (s === "views" || n === null || !applied) return "–";
            const share = n / applied;
            return (
              <span style={BAR}>
                <span aria-hidden="true" style={{ ...FILL, width: `${Math.min(100, share * 100) * 0.7}%` }} />
                <span>{percent(share)}</span>
              </span>
            );
          },
        },
      ]}
    />
  );
}

function BreakdownTable({
  caption,
  rows,
  what,
}: {
  caption: string;
  rows: FunnelRow[];
  what: string;
}): React.ReactNode {
  if (!rows.length) return <p className="govuk-body">No applications by {what} in this period.</p>;
  return (
    <Table
      caption={caption}
      rowKey={(r) => r.key}
      rows={rows}
      columns={[
        { header: what.charAt(0).toUpperCase() + what.slice(1), cell: (r) => r.label },
        ...FUNNEL_STAGES.map((s) => ({
          header: FUNNEL_STAGE_LABELS[s],
          numeric: true,
          cell: (r: FunnelRow) => countText(r.stages[s]),
          sortValue: (r: FunnelRow) => r.stages[s].count,
        })),
      ]}
    />
  );
}

function RetentionTable({ rows }: { rows: RetentionRow[] }): React.ReactNode {
  return (
    <Table
      caption="Retention of hires by recruitment route"
      rowKey={(r) => r.key}
      rows={rows}
      columns={[
        { header: "Route", cell: (r) => r.label },
        { header: "Hires", numeric: true, cell: (r) => countText(r.hires) },
        ...RETENTION_MONTHS.map((months, i) => ({
          header: `Still in post at ${months} months`,
          numeric: true,
          cell: (r: RetentionRow) => retentionText(r.marks[i]),
        })),
      ]}
    />
  );
}

export function RecruitmentFunnelPage(): React.ReactNode {
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const org = useOrg(orgId);
  const funnel = useQuery(hubQueries.funnel(orgId, search));
  const f = funnel.data;
  return (
    <Page title="Recruitment funnel" caption={org.data?.name}>
      <p className="govuk-body">
        {f?.view === "board"
          ? "Every employer on your job board: how many people saw the adverts, applied, and got as far as each stage, and how many of those who started are still in post. Counts of fewer than 5 people, and rows that add together fewer than 3 employers, are withheld so that no one can be picked out."
          : "Your adverts: how many people saw them, applied and got as far as each stage, and how many of those who started are still in post."}{" "}
        <Link className="govuk-link" to="/orgs/$orgId/figures" params={{ orgId }}>
          Back to the workforce figures
        </Link>
      </p>
      {funnel.error && (
        <div className="govuk-inset-text" role="alert">
          {(funnel.error as Error).message}
        </div>
      )}
      {!f && !funnel.error && <p className="govuk-body">Working out the funnel…</p>}
      {f && (
        <>
          <p className="govuk-body">
            Applications made from {longDate(f.from)} to {longDate(f.to)}.
          </p>
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">Change the period</span>
            </summary>
            <div className="govuk-details__text">
              {f.view === "board" && (
                <p className="govuk-hint">
                  Councils see whole quarters that have ended, so that no small number can be worked out by comparing
                  periods: the dates you give are widened or shortened to them. Who is still in post is counted on the
                  last day of the period.
                </p>
              )}
              <PeriodForm key={`${f.from}-${f.to}`} from={f.from} to={f.to} />
            </div>
          </details>
          <StagesTable stages={f.stages} />
          <Section id="time-to-hire" title="Time to hire">
            <p className="govuk-body">
              {f.timeToHire.medianDays === null
                ? f.timeToHire.hires === 0
                  ? "Nobody who applied in this period has started yet."
                  : "Withheld: it would rest on fewer than 5 starts."
                : `Half of those who started did so within ${f.timeToHire.medianDays} days of applying (the median of ${f.timeToHire.hires} starts).`}
            </p>
          </Section>
          <Section id="retention" title="Retention of hires">
            <p className="govuk-body">
              Of the hires whose 3, 6 or 12 months have passed, how many were still with the employer that hired them. A
              route is the campaign a hire came through, or else where they found the advert.
            </p>
            <RetentionTable rows={[...f.retention, f.retentionAll]} />
          </Section>
          <Section id="breakdowns" title="Breakdowns">
            {f.view === "board" && <BreakdownTable caption="By employer" rows={f.byEmployer} what="employer" />}
            <BreakdownTable caption="By job role" rows={f.byRole} what="job role" />
            <BreakdownTable caption="By campaign" rows={f.byCampaign} what="campaign" />
            <BreakdownTable caption="By source" rows={f.bySource} what="source" />
          </Section>
        </>
      )}
    </Page>
  );
}
