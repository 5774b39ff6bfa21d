import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { pounds, QPP_METHOD_LABELS } from "../../../shared/qpp";
import { ErrorSummary } from "../../components/forms";
import { Page } from "../../components/Page";
import { Section } from "../../components/Section";
import { qppQueries } from "../../queries/commissioning-qpp";
import { LineWorking, ScheduleStatusTag } from "./qpp-common";

// A provider's Quality Premium Payment (issue 19 item 3): for each council scheme and period, its
// own contracts' entitlement and why (each qualifying standard met or not), provisional while the
// council's schedule is a draft, then as approved. Nothing of another provider is shown.

const route = getRouteApi("/orgs/$orgId/quality-premium");

export function ProviderQppPage(): ReactNode {
  const { orgId } = route.useParams();
  const q = useQuery(qppQueries.provider(orgId));
  if (q.isPending) return <p className="govuk-body">Loading…</p>;
  if (q.isError) return <ErrorSummary error={q.error} />;
  const rows = q.data.entitlements;
  return (
    <Page title="Quality Premium Payment">
      <p className="govuk-body">
        Councils pay a Quality Premium for meeting the workforce standards in your contracts, measured from the records
        you keep in the hub. A figure is provisional until the council approves the period's schedule; results you have
        challenged and the council accepted count as met at once. Not enough data never counts as met.
      </p>
      {rows.length === 0 && (
        <p className="govuk-body">None of your contracts is in a Quality Premium scheme for a period that has ended.</p>
      )}
      {rows.map((r) => (
        <Section
          key={`${r.schemeId}-${r.period}`}
          id={`qpp-${r.schemeId}-${r.period}`}
          title={`${r.schemeName}: ${r.periodLabel}`}
        >
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Status</dt>
              <dd className="govuk-summary-list__value">
                <ScheduleStatusTag status={r.status} />
              </dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Your entitlement</dt>
              <dd className="govuk-summary-list__value">
                <strong>{pounds(r.total)}</strong>
              </dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">How it pays</dt>
              <dd className="govuk-summary-list__value">
                {QPP_METHOD_LABELS[r.method]},{" "}
                {r.basis === "per_unit"
                  ? `${pounds(r.rate)} per ${r.unitName.replace(/s$/, "")}`
                  : `${pounds(r.rate)} per contract`}
                . {r.councilName}'s scheme.
              </dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Budget cap</dt>
              <dd className="govuk-summary-list__value">{r.capNote}</dd>
            </div>
          </dl>
          {r.lines.map((l) => (
            <LineWorking key={l.contractId} line={l} />
          ))}
        </Section>
      ))}
    </Page>
  );
}
