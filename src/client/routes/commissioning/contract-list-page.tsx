import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { SERVICE_TYPE_LABELS, SERVICE_TYPES, type ServiceType } from "../../../shared/commissioning";
import { pounds } from "../../../shared/commissioning-words";
import { type DateParts, datePartsOf, isBlankDate, parseDateParts } from "../../../shared/date-input";
import { longDate } from "../../../shared/dates";
import { DateInput } from "../../components/DateInput";
import { Button, ErrorSummary, Select } from "../../components/forms";
import { Page } from "../../components/Page";
import { Table } from "../../components/Table";
import { useOrg } from "../../lib/org";
import { type ContractSummary, contractQueries } from "../../queries/commissioning-contracts";
import { STATE_TEXT } from "./contract-page";

// The council's contracts (issue 19 item 1), filtered by service type, provider and a date they
// are active on (the filters are the address, so a view can be bookmarked).

const route = getRouteApi("/orgs/$orgId/commissioning/contracts");

function Filters(): React.ReactNode {
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = useNavigate();
  const options = useQuery(contractQueries.options(orgId));
  const [serviceType, setServiceType] = useState<string>(search.serviceType ?? "");
  const [providerId, setProviderId] = useState<string>(search.providerId ?? "");
  const [activeOn, setActiveOn] = useState<DateParts>(datePartsOf(search.activeOn));
  const [dateError, setDateError] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        let day: string | undefined;
        if (!isBlankDate(activeOn)) {
          const parsed = parseDateParts(activeOn, "Date active on");
          if (!parsed.ok) return setDateError(parsed.message);
          day = parsed.iso;
        }
        setDateError(null);
        navigate({
          to: "/orgs/$orgId/commissioning/contracts",
          params: { orgId },
          search: {
            serviceType: (serviceType || undefined) as ServiceType | undefined,
            providerId: providerId || undefined,
            activeOn: day,
          },
        });
      }}
    >
      {dateError && (
        <div className="govuk-error-summary" role="alert">
          <h2 className="govuk-error-summary__title">There is a problem</h2>
          <div className="govuk-error-summary__body">
            <ul className="govuk-list govuk-error-summary__list">
              <li>
                <a href="#activeOn-day">{dateError}</a>
              </li>
            </ul>
          </div>
        </div>
      )}
      <Select
        id="serviceType"
        name="serviceType"
        label="Service type"
        value={serviceType}
        onChange={setServiceType}
        options={[
          { value: "", label: "All services" },
          ...SERVICE_TYPES.map((s) => ({ value: s, label: SERVICE_TYPE_LABELS[s] })),
        ]}
      />
      <Select
        id="providerId"
        name="providerId"
        label="Provider"
        value={providerId}
        onChange={setProviderId}
        options={[
          { value: "", label: "All providers" },
          ...(options.data?.providers ?? []).map((p) => ({ value: p.id, label: p.name })),
        ]}
      />
      <DateInput
        id="activeOn"
        legend="Active on (optional)"
        hint="Contracts running on this day, for example 1 4 2026"
        value={activeOn}
        onChange={setActiveOn}
        error={dateError ?? undefined}
      />
      <Button secondary>Show contracts</Button>
    </form>
  );
}

export function ContractListPage(): React.ReactNode {
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const org = useOrg(orgId);
  const canManage = org.data?.permissions.includes("commissioning.manage") ?? false;
  const list = useQuery(contractQueries.contracts(orgId, search));
  const rows = list.data?.contracts ?? [];
  const filtered = !!(search.serviceType || search.providerId || search.activeOn);
  return (
    <Page title="Contracts" caption={org.data?.name}>
      <p className="govuk-body">
        Your contracts with providers, the unit prices you pay and the workforce standards each carries.{" "}
        <Link to="/orgs/$orgId/commissioning/standards" params={{ orgId }} className="govuk-link">
          Your library of standards
        </Link>
        .
      </p>
      {canManage && (
        <Link
          to="/orgs/$orgId/commissioning/contracts/new"
          params={{ orgId }}
          className="govuk-button"
          role="button"
          draggable={false}
        >
          Add a contract
        </Link>
      )}
      <details className="govuk-details" open={filtered}>
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Filter contracts</span>
        </summary>
        <div className="govuk-details__text">
          <Filters />
        </div>
      </details>
      <ErrorSummary error={list.error} />
      {!list.data && !list.error && <p className="govuk-body">Loading…</p>}
      {list.data && !rows.length && (
        <p className="govuk-body">{filtered ? "No contracts match these filters." : "No contracts recorded yet."}</p>
      )}
      {rows.length > 0 && (
        <Table<ContractSummary>
          caption={`${rows.length} ${rows.length === 1 ? "contract" : "contracts"}${search.activeOn ? ` active on ${longDate(search.activeOn)}` : ""}`}
          rowKey={(c) => c.id}
          rows={rows}
          columns={[
            {
              header: "Contract",
              sortValue: (c) => c.reference,
              cell: (c) => (
                <>
                  <Link
                    to="/orgs/$orgId/commissioning/contracts/$contractId"
                    params={{ orgId, contractId: c.id }}
                    className="govuk-link"
                  >
                    {c.name}
                  </Link>
                  <span className="govuk-hint govuk-!-margin-bottom-0">{c.reference}</span>
                </>
              ),
            },
            { header: "Provider", sortValue: (c) => c.provider.name, cell: (c) => c.provider.name },
            {
              header: "Service",
              cell: (c) => (
                <>
                  {SERVICE_TYPE_LABELS[c.serviceType]}
                  {c.lot && <span className="govuk-hint govuk-!-margin-bottom-0">{c.lot}</span>}
                </>
              ),
            },
            {
              header: "Runs",
              sortValue: (c) => c.startDate,
              cell: (c) => (
                <>
                  {c.endDate ? `${longDate(c.startDate)} to ${longDate(c.endDate)}` : `From ${longDate(c.startDate)}`}
                  <span className="govuk-hint govuk-!-margin-bottom-0">{STATE_TEXT[c.state]}</span>
                </>
              ),
            },
            {
              header: "Value a year",
              numeric: true,
              sortValue: (c) => c.annualValue,
              cell: (c) => (c.annualValue === null ? "Not recorded" : pounds(c.annualValue)),
            },
            { header: "Standards", numeric: true, sortValue: (c) => c.standardCount, cell: (c) => c.standardCount },
          ]}
        />
      )}
    </Page>
  );
}
