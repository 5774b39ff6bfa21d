import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { z } from "zod";
import { dateFromParts, datePartsOf } from "../../../shared/date-input";
import { longDate } from "../../../shared/dates";
import { UPTAKE_MEASURE_LABELS, UPTAKE_MEASURES } from "../../../shared/schemas/training-hub";
import { Button, DateField, Form, useSchemaForm } from "../../components/forms";
import { Page } from "../../components/Page";
import { Section } from "../../components/Section";
import { Table } from "../../components/Table";
import { useOrg } from "../../lib/org";
import { deliveryQueries } from "../../queries/training-delivery";
import { hubCountText, trainingHubQueries, type UptakeRow } from "../../queries/training-hub";

// Training uptake (issue 18 item 9): bookings, attendance, completions, did not attend, late
// cancellations and places unused, by provider, course and month. A council reads its area with
// small numbers withheld; a provider or training partner reads its own.

const route = getRouteApi("/orgs/$orgId/training/uptake");

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
          to: "/orgs/$orgId/training/uptake",
          params: { orgId },
          search: { from: v.from ?? undefined, to: v.to ?? undefined },
        })
      }
    >
      <DateField name="from" legend="From" hint="Sessions starting on or after this day, for example 1 4 2026" />
      <DateField name="to" legend="To" hint="and on or before this day" />
      <Button>Show uptake</Button>
    </Form>
  );
}

function UptakeTable({ caption, what, rows }: { caption: string; what: string; rows: UptakeRow[] }): React.ReactNode {
  if (!rows.length) return <p className="govuk-body">No sessions by {what} in this period.</p>;
  return (
    <Table
      caption={caption}
      rowKey={(r) => r.key}
      rows={rows}
      columns={[
        { header: what.charAt(0).toUpperCase() + what.slice(1), cell: (r) => r.label },
        ...UPTAKE_MEASURES.map((m) => ({
          header: UPTAKE_MEASURE_LABELS[m],
          numeric: true,
          cell: (r: UptakeRow) => hubCountText(r.counts[m]),
          sortValue: (r: UptakeRow) => r.counts[m].count,
        })),
      ]}
    />
  );
}

/** Where the area's care staff stand on their employers' mandatory training today (counts only). */
function MandatoryTrainingSummary(): React.ReactNode {
  const { orgId } = route.useParams();
  const summary = useQuery(deliveryQueries.matrixSummary(orgId));
  const cell = (n: number | null) => (n === null ? "Withheld" : n.toLocaleString("en-GB"));
  if (summary.error) return <p className="govuk-body">{(summary.error as Error).message}</p>;
  if (!summary.data) return null;
  return (
    <section aria-labelledby="mandatory-training">
      <h2 className="govuk-heading-m" id="mandatory-training">
        Mandatory training across providers on {longDate(summary.data.day)}
      </h2>
      <p className="govuk-body">
        From each provider's training matrix: the training its staff in post must hold, valid, expiring within 60 days,
        expired or missing. Counts of fewer than 5 people, and categories with fewer than 3 providers or 10 people
        behind them, are withheld.
      </p>
      <Table
        caption="Mandatory training by category"
        rowKey={(r) => String(r.category)}
        rows={summary.data.categories}
        columns={[
          { header: "Training", cell: (r) => r.label },
          { header: "Valid", numeric: true, cell: (r) => cell(r.valid) },
          { header: "Expiring", numeric: true, cell: (r) => cell(r.expiring) },
          { header: "Expired", numeric: true, cell: (r) => cell(r.expired) },
          { header: "Missing", numeric: true, cell: (r) => cell(r.missing) },
        ]}
      />
    </section>
  );
}

export function TrainingUptakePage(): React.ReactNode {
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const org = useOrg(orgId);
  const uptake = useQuery(trainingHubQueries.uptake(orgId, search));
  const u = uptake.data;
  return (
    <Page title="Training uptake" caption={org.data?.name}>
      <p className="govuk-body">
        {u?.view === "area"
          ? "Training booked across your area: how many places providers booked, how many of their staff attended and completed, did not attend or cancelled late, and how many places went unused. Counts of fewer than 5 people, and rows that add together fewer than 3 employers, are withheld so that no one can be picked out."
          : "Your training: places booked, attended and completed, did not attend, late cancellations and (for sessions you run) places unused."}
      </p>
      {uptake.error && (
        <div className="govuk-inset-text" role="alert">
          {(uptake.error as Error).message}
        </div>
      )}
      {!u && !uptake.error && <p className="govuk-body">Working out uptake…</p>}
      {u && (
        <>
          <p className="govuk-body">
            Sessions starting from {longDate(u.from)} to {longDate(u.to)}.
          </p>
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">Change the period</span>
            </summary>
            <div className="govuk-details__text">
              {u.view === "area" && (
                <p className="govuk-hint">
                  Councils see whole quarters that have ended, so that no small number can be worked out by comparing
                  periods: the dates you give are widened or shortened to them.
                </p>
              )}
              <PeriodForm key={`${u.from}-${u.to}`} from={u.from} to={u.to} />
            </div>
          </details>
          <dl className="govuk-summary-list">
            {UPTAKE_MEASURES.map((m) => (
              <div className="govuk-summary-list__row" key={m}>
                <dt className="govuk-summary-list__key">{UPTAKE_MEASURE_LABELS[m]}</dt>
                <dd className="govuk-summary-list__value">{hubCountText(u.total[m])}</dd>
              </div>
            ))}
          </dl>
          <Section id="by-provider" title="By provider">
            <UptakeTable caption="Uptake by provider" what="provider" rows={u.byProvider} />
          </Section>
          <Section id="by-course" title="By course">
            <UptakeTable caption="Uptake by course" what="course" rows={u.byCourse} />
          </Section>
          <Section id="by-month" title="By month">
            <UptakeTable caption="Uptake by month" what="month" rows={u.byMonth} />
          </Section>
          {u.view === "area" && org.data?.permissions.includes("metrics.view") && <MandatoryTrainingSummary />}
        </>
      )}
    </Page>
  );
}
