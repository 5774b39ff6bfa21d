import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { periodBounds, previousPeriod } from "../../../shared/commissioning";
import { longDate } from "../../../shared/dates";
import { Button, Select } from "../../components/forms";
import { Page } from "../../components/Page";
import { Table } from "../../components/Table";
import { useOrg } from "../../lib/org";
import { monitoringFiles, monitoringQueries } from "../../queries/commissioning-monitoring";
import { FigureList, MonitoringTag } from "./monitoring-common";

// The council's view of a quarter's contract-monitoring returns (issue 19 item 5): each provider
// holding one of its contracts, whether it has confirmed and when, travel time paid and units
// delivered, and the figures as confirmed; a CSV of the lot.

const route = getRouteApi("/orgs/$orgId/commissioning/monitoring-returns");

const quartersBack = (latest: string, n: number) => {
  const out = [latest];
  while (out.length < n) out.push(previousPeriod(out[out.length - 1]));
  return out;
};

export function CouncilMonitoringPage(): React.ReactNode {
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = useNavigate();
  const org = useOrg(orgId);
  const view = useQuery(monitoringQueries.council(orgId, search.period));
  const m = view.data;
  const [period, setPeriod] = useState(search.period ?? "");
  return (
    <Page title="Contract-monitoring returns" caption={org.data?.name}>
      <p className="govuk-body">
        Each quarter, providers holding your contracts confirm the workforce figures the hub holds for them, as at the
        quarter's last day, and declare travel time paid and the hours or bed weeks each contract delivered. To set a
        due date, ask for the return with a workforce return period.
      </p>
      {view.error && (
        <div className="govuk-error-summary" role="alert">
          <div className="govuk-error-summary__body">{view.error.message}</div>
        </div>
      )}
      {m && (
        <>
          <form
            className="app-filters"
            onSubmit={(e) => {
              e.preventDefault();
              navigate({
                to: "/orgs/$orgId/commissioning/monitoring-returns",
                params: { orgId },
                search: { period: period || undefined },
              });
            }}
          >
            <Select
              id="period"
              name="period"
              label="Quarter"
              value={period || m.period}
              onChange={setPeriod}
              options={quartersBack(m.latestPeriod, 8).map((q) => ({ value: q, label: periodBounds(q).label }))}
            />
            <Button>Show quarter</Button>
          </form>
          <h2 className="govuk-heading-m">{m.periodLabel}</h2>
          <p className="govuk-body">
            {m.confirmed} of {m.providers.length} {m.providers.length === 1 ? "provider has" : "providers have"}{" "}
            confirmed. Figures as at {longDate(m.asAt)}.{" "}
            {m.dueDate ? `Due by ${longDate(m.dueDate)}.` : "No return period asks for this quarter's return."}
          </p>
          <p className="govuk-body">
            <a className="govuk-link" href={monitoringFiles.council(orgId, m.period)} download>
              Download {m.periodLabel} as CSV
            </a>
          </p>
          {m.providers.length ? (
            <Table
              caption="Providers with your contracts"
              rows={m.providers}
              rowKey={(p) => p.provider.id}
              columns={[
                { header: "Provider", cell: (p) => p.provider.name, sortValue: (p) => p.provider.name },
                { header: "Status", cell: (p) => <MonitoringTag status={p.status} />, sortValue: (p) => p.status },
                { header: "Confirmed", cell: (p) => (p.confirmedAt ? longDate(p.confirmedAt) : "Not yet") },
                {
                  header: "Travel time paid",
                  cell: (p) => (p.paidTravel === null ? "Not declared" : p.paidTravel ? "Yes" : "No"),
                },
                {
                  header: "Units delivered",
                  cell: (p) =>
                    p.contracts
                      .map(
                        (c) =>
                          `${c.reference}: ${c.units === null ? "not given" : `${c.units.toLocaleString("en-GB")} ${c.unitLabel}`}`,
                      )
                      .join("; "),
                },
              ]}
            />
          ) : (
            <p className="govuk-body">None of your contracts ran in this quarter.</p>
          )}
          {m.providers
            .filter((p) => p.figures)
            .map((p) => (
              <details className="govuk-details" key={p.provider.id}>
                <summary className="govuk-details__summary">
                  <span className="govuk-details__summary-text">{p.provider.name}: the figures it confirmed</span>
                </summary>
                <div className="govuk-details__text">{p.figures && <FigureList figures={p.figures} />}</div>
              </details>
            ))}
        </>
      )}
    </Page>
  );
}
