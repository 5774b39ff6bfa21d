import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, type ReactNode, useState } from "react";
import { lastEndedPeriod, SERVICE_TYPE_LABELS, SERVICE_TYPES } from "../../../shared/commissioning";
import { todayIso } from "../../../shared/dates";
import {
  pounds,
  QPP_BASES,
  QPP_BASIS_LABELS,
  QPP_METHOD_LABELS,
  QPP_METHODS,
  type QppBasis,
  type QppMethod,
} from "../../../shared/qpp";
import type { QppSchemeInput } from "../../../shared/schemas/commissioning-qpp";
import { Button, ErrorSummary, fieldErrors, Select, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { Section } from "../../components/Section";
import { Table } from "../../components/Table";
import { useOrg } from "../../lib/org";
import { type QppSchemeView, qppApi, qppKeys, qppQueries } from "../../queries/commissioning-qpp";

// The council's Quality Premium schemes (issue 19 item 3): the list, and a new scheme: qualifying
// standards from the library with weights, how it pays (all met, weighted, tiered), per unit
// delivered or per contract, the rate, an optional budget cap and the periods it covers.

const route = getRouteApi("/orgs/$orgId/commissioning/quality-premium");

const FIELDS: Record<string, string> = {
  name: "name",
  serviceType: "serviceType",
  standards: "standards",
  method: "method",
  tiers: "tier-0-min",
  basis: "basis",
  rate: "rate",
  budgetCap: "budgetCap",
  fromPeriod: "fromPeriod",
  untilPeriod: "untilPeriod",
};

const num = (v: string) => (v.trim() === "" ? Number.NaN : Number(v));

function NewScheme({ orgId, library }: { orgId: string; library: { id: string; name: string }[] }): ReactNode {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [serviceType, setServiceType] = useState("home_care");
  const [weights, setWeights] = useState<Record<string, string>>({});
  const [method, setMethod] = useState<QppMethod>("weighted");
  const [tiers, setTiers] = useState([
    { key: "t1", min: "50", pay: "50" },
    { key: "t2", min: "75", pay: "75" },
    { key: "t3", min: "100", pay: "100" },
  ]);
  const [basis, setBasis] = useState<QppBasis>("per_unit");
  const [rate, setRate] = useState("");
  const [cap, setCap] = useState("");
  const [from, setFrom] = useState(lastEndedPeriod(todayIso()));
  const [until, setUntil] = useState("");
  const create = useMutation({
    mutationFn: (body: QppSchemeInput) => qppApi.create(orgId, body),
    onSuccess: (x) => {
      qc.invalidateQueries({ queryKey: qppKeys.all(orgId) });
      navigate({
        to: "/orgs/$orgId/commissioning/quality-premium/$schemeId",
        params: { orgId, schemeId: x.scheme.id },
      });
    },
  });
  const errors = fieldErrors(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({
      name: name.trim(),
      serviceType: serviceType === "" ? null : (serviceType as QppSchemeInput["serviceType"]),
      standards: Object.entries(weights)
        .filter(([, w]) => w !== "")
        .map(([standardId, w]) => ({ standardId, weight: num(w) })),
      method,
      tiers:
        method === "tiered"
          ? tiers.filter((t) => t.min !== "").map((t) => ({ minShare: num(t.min) / 100, payShare: num(t.pay) / 100 }))
          : null,
      basis,
      rate: num(rate),
      budgetCap: cap.trim() === "" ? null : num(cap),
      fromPeriod: from.trim(),
      untilPeriod: until.trim() === "" ? null : until.trim(),
    });
  };
  const standardsError = Object.entries(errors).find(([k]) => k.startsWith("standards"))?.[1];
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary error={create.error} fields={FIELDS} />
      <TextInput id="name" name="name" label="Scheme name" value={name} onChange={setName} error={errors.name} />
      <Select
        id="serviceType"
        name="serviceType"
        label="Contracts that take part"
        value={serviceType}
        onChange={setServiceType}
        error={errors.serviceType}
        options={[
          ...SERVICE_TYPES.map((s) => ({ value: s, label: SERVICE_TYPE_LABELS[s] })),
          { value: "", label: "All services" },
        ]}
      />
      <div className={`govuk-form-group${standardsError ? " govuk-form-group--error" : ""}`} id="standards">
        <fieldset className="govuk-fieldset" aria-describedby="standards-hint">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Qualifying standards and weights</legend>
          <div id="standards-hint" className="govuk-hint">
            Give each standard that qualifies a weight (1 if they count equally); leave the others empty. A standard a
            contract does not carry, or has no result for, counts as not met.
          </div>
          {standardsError && (
            <p className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {standardsError}
            </p>
          )}
          {library.length === 0 && (
            <p className="govuk-body">
              Your library has no standards yet:{" "}
              <Link to="/orgs/$orgId/commissioning/standards" params={{ orgId }}>
                add some
              </Link>{" "}
              first.
            </p>
          )}
          {library.map((s) => (
            <div className="govuk-form-group" key={s.id}>
              <label className="govuk-label" htmlFor={`weight-${s.id}`}>
                {s.name}: weight
              </label>
              <input
                className="govuk-input govuk-input--width-4"
                id={`weight-${s.id}`}
                inputMode="decimal"
                value={weights[s.id] ?? ""}
                onChange={(e) => setWeights({ ...weights, [s.id]: e.target.value })}
              />
            </div>
          ))}
        </fieldset>
      </div>
      <Select
        id="method"
        name="method"
        label="How it pays"
        value={method}
        onChange={(v) => setMethod(v as QppMethod)}
        error={errors.method}
        options={QPP_METHODS.map((m) => ({ value: m, label: QPP_METHOD_LABELS[m] }))}
      />
      {method === "tiered" && (
        <fieldset className={`govuk-fieldset govuk-form-group${errors.tiers ? " govuk-form-group--error" : ""}`}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Tiers</legend>
          <div className="govuk-hint">
            The highest tier whose minimum the weighted share of standards met reaches pays its share of the rate. Leave
            a tier's minimum empty to drop it.
          </div>
          {errors.tiers && (
            <p className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {errors.tiers}
            </p>
          )}
          {tiers.map((t, i) => (
            <div key={t.key} className="govuk-!-margin-bottom-4">
              <label className="govuk-label" htmlFor={`tier-${i}-min`}>
                Tier {i + 1}: standards met at least (%)
              </label>
              <input
                className="govuk-input govuk-input--width-4"
                id={`tier-${i}-min`}
                inputMode="decimal"
                value={t.min}
                onChange={(e) => setTiers(tiers.map((x, j) => (j === i ? { ...x, min: e.target.value } : x)))}
              />
              <label className="govuk-label" htmlFor={`tier-${i}-pay`}>
                Tier {i + 1}: pays (% of the rate)
              </label>
              <input
                className="govuk-input govuk-input--width-4"
                id={`tier-${i}-pay`}
                inputMode="decimal"
                value={t.pay}
                onChange={(e) => setTiers(tiers.map((x, j) => (j === i ? { ...x, pay: e.target.value } : x)))}
              />
            </div>
          ))}
        </fieldset>
      )}
      <Select
        id="basis"
        name="basis"
        label="What it pays on"
        value={basis}
        onChange={(v) => setBasis(v as QppBasis)}
        error={errors.basis}
        options={QPP_BASES.map((b) => ({ value: b, label: QPP_BASIS_LABELS[b] }))}
      />
      <TextInput
        id="rate"
        name="rate"
        label={basis === "per_unit" ? "Rate per unit delivered (£)" : "Amount per contract per period (£)"}
        hint={basis === "per_unit" ? "For example 0.40 per contact hour" : undefined}
        value={rate}
        onChange={setRate}
        error={errors.rate}
        width=""
      />
      <TextInput
        id="budgetCap"
        name="budgetCap"
        label="Budget cap per period (£, optional)"
        hint="Over the cap, every entitlement is scaled down by the same factor so the total is exactly the cap"
        value={cap}
        onChange={setCap}
        error={errors.budgetCap}
      />
      <TextInput
        id="fromPeriod"
        name="fromPeriod"
        label="First period"
        hint="A quarter, like 2026-Q1"
        value={from}
        onChange={setFrom}
        error={errors.fromPeriod}
      />
      <TextInput
        id="untilPeriod"
        name="untilPeriod"
        label="Last period (optional)"
        hint="The last quarter it pays for; leave empty while it runs"
        value={until}
        onChange={setUntil}
        error={errors.untilPeriod}
      />
      <Button disabled={create.isPending}>Create the scheme</Button>
    </form>
  );
}

const paysOn = (s: QppSchemeView) =>
  s.basis === "per_unit" ? `${pounds(s.rate)} per ${s.unitName.replace(/s$/, "")}` : `${pounds(s.rate)} per contract`;

export function QppSchemesPage(): ReactNode {
  const { orgId } = route.useParams();
  const org = useOrg(orgId);
  const q = useQuery(qppQueries.schemes(orgId));
  if (q.isPending) return <p className="govuk-body">Loading…</p>;
  if (q.isError) return <ErrorSummary error={q.error} />;
  const canManage = org.data?.permissions.includes("commissioning.manage") ?? false;
  return (
    <Page title="Quality Premium Payment" caption="Commissioning">
      <p className="govuk-body">
        A Quality Premium pays providers for meeting the workforce standards in their contracts. The hub works out each
        contract's entitlement from its compliance results for the period, shows the working, scales to the budget cap,
        and gives finance the schedule once you approve it.
      </p>
      <Section id="schemes" title="Schemes">
        {q.data.schemes.length === 0 ? (
          <p className="govuk-body">No scheme yet.</p>
        ) : (
          <Table
            caption="Your schemes"
            rowKey={(s) => s.id}
            rows={q.data.schemes}
            columns={[
              {
                header: "Scheme",
                cell: (s) => (
                  <Link to="/orgs/$orgId/commissioning/quality-premium/$schemeId" params={{ orgId, schemeId: s.id }}>
                    {s.name}
                  </Link>
                ),
              },
              { header: "Service", cell: (s) => (s.serviceType ? SERVICE_TYPE_LABELS[s.serviceType] : "All services") },
              { header: "Pays", cell: paysOn },
              { header: "Budget cap", cell: (s) => (s.budgetCap === null ? "None" : pounds(s.budgetCap)) },
              { header: "Periods", cell: (s) => `${s.fromPeriod} to ${s.untilPeriod ?? "ongoing"}` },
            ]}
          />
        )}
      </Section>
      {canManage && (
        <Section id="new" title="New scheme">
          <NewScheme orgId={orgId} library={q.data.library} />
        </Section>
      )}
    </Page>
  );
}
