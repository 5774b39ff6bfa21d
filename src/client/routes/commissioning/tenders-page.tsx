import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { SERVICE_TYPE_LABELS, SERVICE_TYPES, type ServiceType } from "../../../shared/commissioning";
import { type DateParts, datePartsOf, isBlankDate, parseDateParts } from "../../../shared/date-input";
import { longDate } from "../../../shared/dates";
import { DateInput } from "../../components/DateInput";
import { Button, ErrorSummary, fieldErrors, Select, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { Table } from "../../components/Table";
import { ApiError } from "../../lib/api";
import { useOrg, useOrgId } from "../../lib/org";
import { priceApi, priceKeys, priceQueries, type TenderSummary } from "../../queries/commissioning-price";

// The council's tenders (issue 19 item 4): each with how many bids it has and how many are below
// the minimum price floor; a form to record a new one.

function TenderForm({ orgId }: { orgId: string }): React.ReactNode {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [serviceType, setServiceType] = useState<ServiceType>("home_care");
  const [year, setYear] = useState("2026-27");
  const [closes, setCloses] = useState<DateParts>(datePartsOf(null));
  const save = useMutation({
    mutationFn: () => {
      let closesOn: string | null = null;
      if (!isBlankDate(closes)) {
        const parsed = parseDateParts(closes, "closing date");
        if (!parsed.ok)
          throw new ApiError(400, "validation", parsed.message, [{ path: "closesOn", message: parsed.message }]);
        closesOn = parsed.iso;
      }
      return priceApi.addTender(orgId, { name, serviceType, year, closesOn });
    },
    onSuccess: (t) => {
      queryClient.invalidateQueries({ queryKey: priceKeys.all(orgId) });
      navigate({ to: "/orgs/$orgId/commissioning/tenders/$tenderId", params: { orgId, tenderId: t.id } });
    },
  });
  const errors = fieldErrors(save.error);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2 className="govuk-heading-m">Record a tender</h2>
      <ErrorSummary
        error={save.error}
        fields={{
          name: "tender-name",
          serviceType: "tender-service",
          year: "tender-year",
          closesOn: "tender-closes-day",
        }}
      />
      <TextInput id="tender-name" name="name" label="Name" value={name} onChange={setName} error={errors.name} />
      <Select
        id="tender-service"
        name="serviceType"
        label="Service"
        hint="Home care bids are checked per contact hour, care home bids per bed per week"
        value={serviceType}
        onChange={(s) => setServiceType(s as ServiceType)}
        error={errors.serviceType}
        options={SERVICE_TYPES.map((s) => ({ value: s, label: SERVICE_TYPE_LABELS[s] }))}
      />
      <TextInput
        id="tender-year"
        name="year"
        label="Financial year the prices are for"
        hint="For example, 2026-27"
        value={year}
        onChange={setYear}
        error={errors.year}
        width="govuk-input--width-20"
      />
      <DateInput
        id="tender-closes"
        legend="Closing date (optional)"
        hint="For example, 31 7 2026"
        value={closes}
        onChange={setCloses}
        error={errors.closesOn}
      />
      <Button disabled={save.isPending}>Record tender</Button>
    </form>
  );
}

export function TendersPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const canManage = org.data?.permissions.includes("commissioning.manage") ?? false;
  const list = useQuery(priceQueries.tenders(orgId));
  const rows = list.data?.tenders ?? [];
  return (
    <Page title="Tenders against the price floor" caption={org.data?.name}>
      <p className="govuk-body">
        The bids you receive, each checked against the{" "}
        <Link to="/orgs/$orgId/commissioning/price-floor" params={{ orgId }} search={{}} className="govuk-link">
          minimum price floor
        </Link>{" "}
        for the tender's year. A bid below the floor cannot pay the wage floor for all working time and still cover its
        costs: it is flagged with the lines it cannot cover.
      </p>
      <ErrorSummary error={list.error} />
      {!list.data && !list.error && <p className="govuk-body">Loading…</p>}
      {list.data && !rows.length && <p className="govuk-body">You have not recorded a tender yet.</p>}
      {rows.length > 0 && (
        <Table<TenderSummary>
          caption="Your tenders"
          rowKey={(t) => t.id}
          rows={rows}
          columns={[
            {
              header: "Tender",
              cell: (t) => (
                <Link
                  to="/orgs/$orgId/commissioning/tenders/$tenderId"
                  params={{ orgId, tenderId: t.id }}
                  className="govuk-link"
                >
                  {t.name}
                </Link>
              ),
            },
            { header: "Service", cell: (t) => SERVICE_TYPE_LABELS[t.serviceType] },
            { header: "Year", cell: (t) => t.year },
            { header: "Closes", cell: (t) => (t.closesOn ? longDate(t.closesOn) : "Not set") },
            { header: "Bids", numeric: true, cell: (t) => t.bids },
            {
              header: "Below the floor",
              cell: (t) =>
                t.belowFloor > 0 ? (
                  <strong className="govuk-tag govuk-tag--red">
                    {t.belowFloor} {t.belowFloor === 1 ? "bid" : "bids"} below
                  </strong>
                ) : (
                  <strong className="govuk-tag govuk-tag--grey">None below</strong>
                ),
            },
          ]}
        />
      )}
      {canManage && <TenderForm orgId={orgId} />}
    </Page>
  );
}
