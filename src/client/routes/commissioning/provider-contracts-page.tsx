import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { SERVICE_TYPE_LABELS } from "../../../shared/commissioning";
import { longDate } from "../../../shared/dates";
import { ErrorSummary } from "../../components/forms";
import { Page } from "../../components/Page";
import { Table } from "../../components/Table";
import { useOrg, useOrgId } from "../../lib/org";
import { type ContractSummary, contractQueries } from "../../queries/commissioning-contracts";
import { ContractDetails, periodText, ResultTag, STATE_TEXT } from "./contract-page";

// A provider's own contracts (issue 19 item 1), with every council that holds one: the details,
// prices and workplaces, and the workforce standards each carries with what each asks, what it
// measures over and what to do about a "not met". The compliance page (another part) has the
// evidence and the challenge.

const detailRoute = getRouteApi("/orgs/$orgId/contracts/$contractId");

export function ProviderContractsPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const list = useQuery(contractQueries.providerContracts(orgId));
  const rows = list.data?.contracts ?? [];
  return (
    <Page title="Your contracts" caption={org.data?.name}>
      <p className="govuk-body">
        The contracts councils hold with you, and the workforce standards each one carries. Whether you meet them is
        worked out each quarter from what you keep in the hub: you do not need to send the figures.
      </p>
      <ErrorSummary error={list.error} />
      {!list.data && !list.error && <p className="govuk-body">Loading…</p>}
      {list.data && !rows.length && <p className="govuk-body">No council has recorded a contract with you yet.</p>}
      {rows.length > 0 && (
        <Table<ContractSummary>
          caption={`${rows.length} ${rows.length === 1 ? "contract" : "contracts"}`}
          rowKey={(c) => c.id}
          rows={rows}
          columns={[
            {
              header: "Contract",
              cell: (c) => (
                <>
                  <Link
                    to="/orgs/$orgId/contracts/$contractId"
                    params={{ orgId, contractId: c.id }}
                    className="govuk-link"
                  >
                    {c.name}
                  </Link>
                  <span className="govuk-hint govuk-!-margin-bottom-0">{c.reference}</span>
                </>
              ),
            },
            { header: "Council", cell: (c) => c.council.name },
            { header: "Service", cell: (c) => SERVICE_TYPE_LABELS[c.serviceType] },
            {
              header: "Runs",
              cell: (c) => (
                <>
                  {c.endDate ? `${longDate(c.startDate)} to ${longDate(c.endDate)}` : `From ${longDate(c.startDate)}`}
                  <span className="govuk-hint govuk-!-margin-bottom-0">{STATE_TEXT[c.state]}</span>
                </>
              ),
            },
            { header: "Standards", numeric: true, cell: (c) => c.standardCount },
          ]}
        />
      )}
    </Page>
  );
}

export function ProviderContractPage(): React.ReactNode {
  const { orgId, contractId } = detailRoute.useParams();
  const data = useQuery(contractQueries.providerContract(orgId, contractId));
  if (data.error) return <ErrorSummary error={data.error} />;
  if (!data.data) return <p className="govuk-body">Loading…</p>;
  const c = data.data.contract;
  const current = c.standards.filter((s) => s.untilPeriod === null);
  return (
    <Page title={c.name} caption={`Contract ${c.reference} with ${c.council.name}`}>
      <p className="govuk-body">
        <Link
          to="/orgs/$orgId/contracts/$contractId/compliance"
          params={{ orgId, contractId: c.id }}
          search={{}}
          className="govuk-link"
        >
          How you meet its standards, with the evidence
        </Link>
        {" · "}
        <Link to="/orgs/$orgId/contracts" params={{ orgId }} className="govuk-link">
          All your contracts
        </Link>
      </p>
      <ContractDetails contract={c} forProvider />
      <h2 className="govuk-heading-m">Workforce standards</h2>
      {!current.length && <p className="govuk-body">This contract carries no workforce standards.</p>}
      {current.map((s) => (
        <div className="govuk-summary-card" key={s.id}>
          <div className="govuk-summary-card__title-wrapper">
            <h3 className="govuk-summary-card__title">{s.name}</h3>
          </div>
          <div className="govuk-summary-card__content">
            <dl className="govuk-summary-list">
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">What it asks</dt>
                <dd className="govuk-summary-list__value">{s.thresholdText}</dd>
              </div>
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">What it means</dt>
                <dd className="govuk-summary-list__value">
                  {s.description}
                  {s.kindDescription !== s.description && (
                    <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">{s.kindDescription}</p>
                  )}
                </dd>
              </div>
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Measured</dt>
                <dd className="govuk-summary-list__value">
                  {s.measuredOver}, each quarter from {periodText(s.fromPeriod)}
                </dd>
              </div>
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Latest result</dt>
                <dd className="govuk-summary-list__value">
                  {s.latest ? (
                    <>
                      <ResultTag status={s.latest.status} /> for {periodText(s.latest.period)}
                    </>
                  ) : (
                    "None yet"
                  )}
                </dd>
              </div>
              {s.latest && s.latest.status !== "met" && (
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">What to do</dt>
                  <dd className="govuk-summary-list__value">{s.toFix}</dd>
                </div>
              )}
            </dl>
          </div>
        </div>
      ))}
    </Page>
  );
}
