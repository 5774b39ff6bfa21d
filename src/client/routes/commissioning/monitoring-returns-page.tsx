import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { longDate } from "../../../shared/dates";
import { Page } from "../../components/Page";
import { Table } from "../../components/Table";
import { useCurrentOrg } from "../../lib/org";
import { monitoringQueries } from "../../queries/commissioning-monitoring";
import { MonitoringTag } from "./monitoring-common";

// A provider's contract-monitoring returns (issue 19 item 5): for each council it holds a contract
// with, the latest ended quarter and every quarter a council's return period asks for, with their
// status; each opens the pre-filled return to check and confirm.

export function MonitoringReturnsPage(): React.ReactNode {
  const { orgId, org } = useCurrentOrg();
  const list = useQuery(monitoringQueries.list(orgId));
  return (
    <Page title="Contract-monitoring returns" caption={org.data?.name}>
      <p className="govuk-body">
        The councils you hold contracts with ask for workforce figures each quarter. The hub fills them in from your
        records as at the quarter's last day: you check them, say whether travel time is paid and how many hours or bed
        weeks each contract delivered, and confirm. You never type a figure the hub already holds.
      </p>
      <p className="govuk-body">
        The same records give the{" "}
        <Link className="govuk-link" to="/orgs/$orgId/capacity-tracker" params={{ orgId }}>
          NHS Capacity Tracker's workforce fields
        </Link>{" "}
        and your ASC-WDS files.
      </p>
      {list.error && (
        <div className="govuk-error-summary" role="alert">
          <div className="govuk-error-summary__body">{list.error.message}</div>
        </div>
      )}
      {list.data &&
        (list.data.returns.length ? (
          <Table
            caption="Returns"
            rows={list.data.returns}
            rowKey={(r) => `${r.period}-${r.council.id}`}
            columns={[
              {
                header: "Quarter",
                cell: (r) => (
                  <Link
                    className="govuk-link"
                    to="/orgs/$orgId/monitoring-returns/$councilId/$period"
                    params={{ orgId, councilId: r.council.id, period: r.period }}
                  >
                    {r.periodLabel}
                    <span className="govuk-visually-hidden"> for {r.council.name}</span>
                  </Link>
                ),
              },
              { header: "Council", cell: (r) => r.council.name },
              { header: "Contracts", numeric: true, cell: (r) => r.contracts },
              { header: "Status", cell: (r) => <MonitoringTag status={r.status} /> },
              {
                header: "Due or confirmed",
                cell: (r) =>
                  r.confirmedAt
                    ? `Confirmed ${longDate(r.confirmedAt)}`
                    : r.dueDate
                      ? `Due ${longDate(r.dueDate)}`
                      : "Not asked for yet",
              },
            ]}
          />
        ) : (
          <p className="govuk-body">No council holds a contract with you in the hub yet, so no return is asked for.</p>
        ))}
    </Page>
  );
}
