import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import {
  PRICE_UNIT_LABELS,
  PRICE_UNITS,
  type PriceUnit,
  SERVICE_TYPE_LABELS,
  SERVICE_TYPES,
  type ServiceType,
} from "../../../shared/commissioning";
import { type DateParts, datePartsOf, isBlankDate, parseDateParts } from "../../../shared/date-input";
import { DateInput } from "../../components/DateInput";
import { Fieldset } from "../../components/Fieldset";
import { Button, ErrorSummary, fieldErrors, Select, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { ApiError } from "../../lib/api";
import { useOrgId } from "../../lib/org";
import {
  type ContractDetail,
  type ContractInput,
  contractApi,
  contractKeys,
  contractQueries,
} from "../../queries/commissioning-contracts";

// Adding or changing a contract (issue 19 item 1): the provider (one the council commissions at
// the start), reference, service, lot and framework, dates, value, unit prices as repeatable rows
// and the provider's workplaces it covers. The server checks everything and names the field;
// dates are read from the GOV.UK date boxes here first, with the pattern's messages.

const editRoute = getRouteApi("/orgs/$orgId/commissioning/contracts/$contractId/edit");

type PriceRow = { key: number; band: string; unit: PriceUnit; price: string; weeklyVolume: string };
type Values = {
  providerId: string;
  reference: string;
  name: string;
  serviceType: ServiceType;
  lot: string;
  framework: string;
  start: DateParts;
  end: DateParts;
  annualValue: string;
  prices: PriceRow[];
  workplaceIds: string[];
};

let nextKey = 1;
const defaultUnit = (s: ServiceType): PriceUnit => (s === "care_home" || s === "nursing_home" ? "week" : "hour");
const emptyRow = (unit: PriceUnit): PriceRow => ({ key: nextKey++, band: "", unit, price: "", weeklyVolume: "" });

const fromContract = (c?: ContractDetail): Values => ({
  providerId: c?.provider.id ?? "",
  reference: c?.reference ?? "",
  name: c?.name ?? "",
  serviceType: c?.serviceType ?? "home_care",
  lot: c?.lot ?? "",
  framework: c?.framework ?? "",
  start: datePartsOf(c?.startDate),
  end: datePartsOf(c?.endDate),
  annualValue: c?.annualValue === null || c?.annualValue === undefined ? "" : String(c.annualValue),
  prices: c?.prices.length
    ? c.prices.map((p) => ({
        key: nextKey++,
        band: p.band,
        unit: p.unit,
        price: p.price.toFixed(2),
        weeklyVolume: p.weeklyVolume === null ? "" : String(p.weeklyVolume),
      }))
    : [emptyRow("hour")],
  workplaceIds: c?.workplaces.map((w) => w.id) ?? [],
});

/**
 * A number typed in a box: empty is null; text that is not a number goes as typed, so the server
 * refuses it naming the field (rather than JSON turning NaN into an empty value).
 */
const num = (s: string): number | null => {
  const t = s.replace(/[£,\s]/g, "");
  if (t === "") return null;
  return Number.isFinite(Number(t)) ? Number(t) : (s as unknown as number);
};

/** The form as the API reads it, or the date boxes' problems. */
function toInput(v: Values): { input: ContractInput } | { error: ApiError } {
  const issues: { path: string; message: string }[] = [];
  const start = parseDateParts(v.start, "Start date");
  if (!start.ok) issues.push({ path: "startDate", message: start.message });
  const end = isBlankDate(v.end) ? null : parseDateParts(v.end, "End date");
  if (end && !end.ok) issues.push({ path: "endDate", message: end.message });
  if (issues.length) return { error: new ApiError(400, "validation", issues[0].message, issues) };
  return {
    input: {
      providerId: v.providerId,
      reference: v.reference,
      name: v.name,
      serviceType: v.serviceType,
      lot: v.lot,
      framework: v.framework,
      startDate: start.ok ? start.iso : "",
      endDate: end?.ok ? end.iso : null,
      annualValue: num(v.annualValue),
      // Rows left wholly empty are dropped; anything typed is sent for the server to check.
      prices: v.prices
        .filter((p) => p.band.trim() || p.price.trim() || p.weeklyVolume.trim())
        .map((p) => ({
          band: p.band,
          unit: p.unit,
          price: num(p.price) ?? (p.price as unknown as number),
          weeklyVolume: num(p.weeklyVolume),
        })),
      workplaceIds: v.workplaceIds,
    },
  };
}

function ContractForm({ orgId, contract }: { orgId: string; contract?: ContractDetail }): React.ReactNode {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const options = useQuery(contractQueries.options(orgId));
  const [v, setV] = useState<Values>(() => fromContract(contract));
  const [localError, setLocalError] = useState<ApiError | null>(null);
  const set =
    <K extends keyof Values>(k: K) =>
    (value: Values[K]) =>
      setV((old) => ({ ...old, [k]: value }));
  const setRow = (key: number, change: Partial<PriceRow>) =>
    setV((old) => ({ ...old, prices: old.prices.map((p) => (p.key === key ? { ...p, ...change } : p)) }));
  const save = useMutation({
    mutationFn: (input: ContractInput) =>
      contract ? contractApi.updateContract(orgId, contract.id, input) : contractApi.createContract(orgId, input),
    onSuccess: (res) => {
      queryClient.invalidateQueries({ queryKey: contractKeys.all(orgId) });
      navigate({
        to: "/orgs/$orgId/commissioning/contracts/$contractId",
        params: { orgId, contractId: res.contract.id },
      });
    },
  });
  const error = localError ?? save.error;
  const errors = fieldErrors(error);
  const providers = options.data?.providers ?? [];
  const provider = providers.find((p) => p.id === v.providerId);
  // Each problem's field, for the error summary's links (a price row's box by its index).
  const fields: Record<string, string> = {
    providerId: "providerId",
    reference: "reference",
    name: "name",
    serviceType: "serviceType",
    lot: "lot",
    framework: "framework",
    startDate: "startDate-day",
    endDate: "endDate-day",
    annualValue: "annualValue",
    prices: "prices",
    workplaceIds: "workplaceIds",
  };
  v.prices.forEach((_, i) => {
    for (const f of ["band", "unit", "price", "weeklyVolume"]) fields[`prices.${i}.${f}`] = `prices-${i}-${f}`;
  });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const out = toInput(v);
        if ("error" in out) {
          setLocalError(out.error);
          return;
        }
        setLocalError(null);
        save.mutate(out.input);
      }}
    >
      <ErrorSummary error={error} fields={fields} />
      <Select
        id="providerId"
        name="providerId"
        label="Provider"
        hint="A provider your council commissions on the contract's start date"
        value={v.providerId}
        onChange={(id) => setV((old) => ({ ...old, providerId: id, workplaceIds: [] }))}
        error={errors.providerId}
        options={[{ value: "", label: "Choose a provider" }, ...providers.map((p) => ({ value: p.id, label: p.name }))]}
      />
      <TextInput
        id="reference"
        name="reference"
        label="Contract reference"
        hint="Your council's own reference, for example HC-2025-014; each contract has its own"
        value={v.reference}
        onChange={set("reference")}
        error={errors.reference}
        width="govuk-input--width-20"
      />
      <TextInput
        id="name"
        name="name"
        label="Contract name"
        value={v.name}
        onChange={set("name")}
        error={errors.name}
      />
      <Select
        id="serviceType"
        name="serviceType"
        label="Service type"
        value={v.serviceType}
        onChange={(s) => set("serviceType")(s as ServiceType)}
        error={errors.serviceType}
        options={SERVICE_TYPES.map((s) => ({ value: s, label: SERVICE_TYPE_LABELS[s] }))}
      />
      <TextInput
        id="framework"
        name="framework"
        label="Framework (optional)"
        value={v.framework}
        onChange={set("framework")}
        error={errors.framework}
      />
      <TextInput
        id="lot"
        name="lot"
        label="Lot (optional)"
        hint="For example, Lot 1: Runcorn"
        value={v.lot}
        onChange={set("lot")}
        error={errors.lot}
      />
      <DateInput
        id="startDate"
        legend="Start date"
        hint="For example, 1 4 2026"
        value={v.start}
        onChange={set("start")}
        error={errors.startDate}
      />
      <DateInput
        id="endDate"
        legend="End date (optional)"
        hint="Leave empty if it has no end date"
        value={v.end}
        onChange={set("end")}
        error={errors.endDate}
      />
      <TextInput
        id="annualValue"
        name="annualValue"
        label="Estimated value a year, in pounds (optional)"
        value={v.annualValue}
        onChange={set("annualValue")}
        error={errors.annualValue}
        width="govuk-input--width-20"
      />
      <h2 className="govuk-heading-m" id="prices">
        Unit prices
      </h2>
      <p className="govuk-body">
        One row a band: for home care, a visit length; for a care home, a level of need. The planned volume is how many
        units a week (hours, beds or nights) you expect to buy.
      </p>
      {errors.prices && (
        <p className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {errors.prices}
        </p>
      )}
      {v.prices.map((p, i) => (
        <Fieldset key={p.key} id={`price-row-${i}`} legend={`Price band ${i + 1}`}>
          <TextInput
            id={`prices-${i}-band`}
            name={`prices-${i}-band`}
            label="Band"
            hint="For example, Visits of 30 minutes"
            value={p.band}
            onChange={(band) => setRow(p.key, { band })}
            error={errors[`prices.${i}.band`]}
          />
          <Select
            id={`prices-${i}-unit`}
            name={`prices-${i}-unit`}
            label="Price is"
            value={p.unit}
            onChange={(unit) => setRow(p.key, { unit: unit as PriceUnit })}
            error={errors[`prices.${i}.unit`]}
            options={PRICE_UNITS.map((u) => ({ value: u, label: PRICE_UNIT_LABELS[u] }))}
          />
          <TextInput
            id={`prices-${i}-price`}
            name={`prices-${i}-price`}
            label="Price, in pounds"
            value={p.price}
            onChange={(price) => setRow(p.key, { price })}
            error={errors[`prices.${i}.price`]}
            width="govuk-input--width-20"
          />
          <TextInput
            id={`prices-${i}-weeklyVolume`}
            name={`prices-${i}-weeklyVolume`}
            label="Planned volume a week (optional)"
            value={p.weeklyVolume}
            onChange={(weeklyVolume) => setRow(p.key, { weeklyVolume })}
            error={errors[`prices.${i}.weeklyVolume`]}
            width="govuk-input--width-20"
          />
          {v.prices.length > 1 && (
            <Button
              type="button"
              secondary
              onClick={() => setV((old) => ({ ...old, prices: old.prices.filter((x) => x.key !== p.key) }))}
            >
              Remove band {i + 1}
            </Button>
          )}
        </Fieldset>
      ))}
      <Button
        type="button"
        secondary
        onClick={() => setV((old) => ({ ...old, prices: [...old.prices, emptyRow(defaultUnit(old.serviceType))] }))}
      >
        Add another band
      </Button>
      <Fieldset
        id="workplaceIds"
        legend="Workplaces the contract covers"
        hint="Choose none if it covers all the provider's workplaces"
        error={errors.workplaceIds}
      >
        {!provider ? (
          <p className="govuk-body">Choose the provider first.</p>
        ) : !provider.workplaces.length ? (
          <p className="govuk-body">{provider.name} has no workplaces in the hub yet.</p>
        ) : (
          <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
            {provider.workplaces.map((w) => (
              <div className="govuk-checkboxes__item" key={w.id}>
                <input
                  className="govuk-checkboxes__input"
                  id={`workplace-${w.id}`}
                  type="checkbox"
                  checked={v.workplaceIds.includes(w.id)}
                  onChange={(e) =>
                    setV((old) => ({
                      ...old,
                      workplaceIds: e.target.checked
                        ? [...old.workplaceIds, w.id]
                        : old.workplaceIds.filter((x) => x !== w.id),
                    }))
                  }
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={`workplace-${w.id}`}>
                  {w.name} ({w.localRef})
                </label>
              </div>
            ))}
          </div>
        )}
      </Fieldset>
      <div className="govuk-button-group">
        <Button disabled={save.isPending}>{contract ? "Save changes" : "Add contract"}</Button>
        {contract ? (
          <Link
            to="/orgs/$orgId/commissioning/contracts/$contractId"
            params={{ orgId, contractId: contract.id }}
            className="govuk-link"
          >
            Cancel
          </Link>
        ) : (
          <Link to="/orgs/$orgId/commissioning/contracts" params={{ orgId }} search={{}} className="govuk-link">
            Cancel
          </Link>
        )}
      </div>
    </form>
  );
}

export function NewContractPage(): React.ReactNode {
  const orgId = useOrgId();
  return (
    <Page title="Add a contract">
      <ContractForm orgId={orgId} />
    </Page>
  );
}

export function EditContractPage(): React.ReactNode {
  const { orgId, contractId } = editRoute.useParams();
  const data = useQuery(contractQueries.contract(orgId, contractId));
  if (data.error) return <ErrorSummary error={data.error} />;
  if (!data.data) return <p className="govuk-body">Loading…</p>;
  return (
    <Page title={`Change ${data.data.contract.name}`} caption={`Contract ${data.data.contract.reference}`}>
      <ContractForm orgId={orgId} contract={data.data.contract} />
    </Page>
  );
}
