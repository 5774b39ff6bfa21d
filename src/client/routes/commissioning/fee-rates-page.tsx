import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import {
  PRICE_UNIT_LABELS,
  PRICE_UNITS,
  type PriceUnit,
  SERVICE_TYPE_LABELS,
  SERVICE_TYPES,
  type ServiceType,
} from "../../../shared/commissioning";
import { Button, ErrorSummary, fieldErrors, Select, SuccessBanner, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { Table } from "../../components/Table";
import { useOrg, useOrgId } from "../../lib/org";
import {
  type FeeRateView,
  type FloorCheck,
  pounds,
  priceApi,
  priceKeys,
  priceQueries,
} from "../../queries/commissioning-price";

// The council's fee rates against the minimum price floor (issue 19 item 4): each rate, the floor
// for its year (from the council's assumptions), below or not said in words, the gap in pounds and
// the cost lines the rate does not cover.

/** Below or at-or-above the floor, in words (the tag's colour only repeats them). */
export function FloorTag({ check }: { check: FloorCheck }): React.ReactNode {
  return check.belowFloor ? (
    <strong className="govuk-tag govuk-tag--red">Below the floor by {pounds(check.gap)}</strong>
  ) : (
    <strong className="govuk-tag govuk-tag--green">At or above the floor</strong>
  );
}

/** The lines a price does not cover, in cost order. */
export function NotCovered({ check }: { check: FloorCheck }): React.ReactNode {
  if (!check.notCovered.length) return null;
  return (
    <ul className="govuk-list govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">
      {check.notCovered.map((l) => (
        <li key={l.key}>
          {l.name}:{" "}
          {l.uncovered === l.amount
            ? `none of ${pounds(l.amount)}`
            : `${pounds(l.uncovered)} of ${pounds(l.amount)} short`}
        </li>
      ))}
    </ul>
  );
}

type Values = { year: string; serviceType: ServiceType | ""; band: string; unit: PriceUnit | ""; rate: string };
const thisYear = () => {
  const d = new Date();
  const start = d.getMonth() >= 3 ? d.getFullYear() : d.getFullYear() - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
};
const emptyValues = (): Values => ({ year: thisYear(), serviceType: "home_care", band: "", unit: "hour", rate: "" });

function RateForm({
  orgId,
  editing,
  onDone,
}: {
  orgId: string;
  editing: FeeRateView | null;
  onDone: (m: string) => void;
}) {
  const queryClient = useQueryClient();
  const [v, setV] = useState<Values>(
    editing
      ? {
          year: editing.year,
          serviceType: editing.serviceType,
          band: editing.band,
          unit: editing.unit,
          rate: editing.rate.toFixed(2),
        }
      : emptyValues(),
  );
  const save = useMutation({
    mutationFn: () => {
      const body = {
        year: v.year,
        serviceType: v.serviceType as ServiceType,
        band: v.band,
        unit: v.unit as PriceUnit,
        rate: v.rate.trim() === "" ? Number.NaN : Number(v.rate.replace(/[£,\s]/g, "")),
      };
      return editing ? priceApi.changeRate(orgId, editing.id, body) : priceApi.addRate(orgId, body);
    },
    onSuccess: (r) => {
      queryClient.invalidateQueries({ queryKey: priceKeys.all(orgId) });
      const against = r.check
        ? r.check.belowFloor
          ? `below the floor of ${pounds(r.check.floor)} by ${pounds(r.check.gap)}`
          : `at or above the floor of ${pounds(r.check.floor)}`
        : "not compared with a floor";
      onDone(`${r.band} ${r.year}: ${pounds(r.rate)} ${PRICE_UNIT_LABELS[r.unit]}, ${against}`);
      if (!editing) setV(emptyValues());
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
      <h2 className="govuk-heading-m">{editing ? `Change ${editing.band}` : "Add a fee rate"}</h2>
      <ErrorSummary
        error={save.error}
        fields={{
          year: "rate-year",
          serviceType: "rate-service",
          band: "rate-band",
          unit: "rate-unit",
          rate: "rate-rate",
        }}
      />
      <TextInput
        id="rate-year"
        name="year"
        label="Financial year"
        hint="For example, 2025-26"
        value={v.year}
        onChange={(year) => setV((o) => ({ ...o, year }))}
        error={errors.year}
        width="govuk-input--width-20"
      />
      <Select
        id="rate-service"
        name="serviceType"
        label="Service"
        value={v.serviceType}
        onChange={(s) =>
          setV((o) => ({
            ...o,
            serviceType: s as ServiceType,
            unit: s === "home_care" ? "hour" : s === "care_home" || s === "nursing_home" ? "week" : o.unit,
          }))
        }
        error={errors.serviceType}
        options={SERVICE_TYPES.map((s) => ({ value: s, label: SERVICE_TYPE_LABELS[s] }))}
      />
      <TextInput
        id="rate-band"
        name="band"
        label="Band"
        hint="As your rates schedule names it, for example Standard, Rural or Complex needs"
        value={v.band}
        onChange={(band) => setV((o) => ({ ...o, band }))}
        error={errors.band}
      />
      <Select
        id="rate-unit"
        name="unit"
        label="The rate is"
        value={v.unit}
        onChange={(u) => setV((o) => ({ ...o, unit: u as PriceUnit }))}
        error={errors.unit}
        options={PRICE_UNITS.map((u) => ({ value: u, label: PRICE_UNIT_LABELS[u] }))}
      />
      <TextInput
        id="rate-rate"
        name="rate"
        label="Rate (£)"
        value={v.rate}
        onChange={(rate) => setV((o) => ({ ...o, rate }))}
        error={errors.rate}
        width="govuk-input--width-20"
      />
      <div className="govuk-button-group">
        <Button disabled={save.isPending}>{editing ? "Save changes" : "Add rate"}</Button>
        {editing && (
          <button type="button" className="govuk-link app-link-button" onClick={() => onDone("")}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

export function FeeRatesPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const queryClient = useQueryClient();
  const canManage = org.data?.permissions.includes("commissioning.manage") ?? false;
  const list = useQuery(priceQueries.feeRates(orgId));
  const [editing, setEditing] = useState<FeeRateView | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const remove = useMutation({
    mutationFn: (r: FeeRateView) => priceApi.removeRate(orgId, r.id),
    onSuccess: (_res, r) => {
      queryClient.invalidateQueries({ queryKey: priceKeys.all(orgId) });
      setDone(`${r.band} ${r.year} removed`);
    },
  });
  const rows = list.data?.rates ?? [];
  const below = rows.filter((r) => r.check?.belowFloor).length;
  return (
    <Page title="Fee rates against the price floor" caption={org.data?.name}>
      <p className="govuk-body">
        Each of your fee rates against the minimum price floor for its year, worked out from{" "}
        <Link to="/orgs/$orgId/commissioning/price-floor" params={{ orgId }} search={{}} className="govuk-link">
          your price-floor assumptions
        </Link>
        . Home care rates are compared per contact hour at your assumed visit length; care home rates per bed per week.
        A rate below the floor lists the cost lines it runs out before, paying the wage first and the surplus last.
      </p>
      {done && <SuccessBanner title={done} />}
      <ErrorSummary error={list.error ?? remove.error} />
      {!list.data && !list.error && <p className="govuk-body">Loading…</p>}
      {list.data && !rows.length && <p className="govuk-body">You have no fee rates yet.</p>}
      {rows.length > 0 && (
        <>
          <p className="govuk-body">
            {below === 0
              ? "None of your rates is below the floor."
              : `${below} of your ${rows.length} rates ${below === 1 ? "is" : "are"} below the floor.`}
          </p>
          <Table<FeeRateView>
            caption="Your fee rates"
            rowKey={(r) => r.id}
            rows={rows}
            columns={[
              { header: "Year", cell: (r) => r.year, sortValue: (r) => r.year },
              {
                header: "Service and band",
                cell: (r) => (
                  <>
                    {SERVICE_TYPE_LABELS[r.serviceType]}
                    <span className="govuk-hint govuk-!-margin-bottom-0">{r.band}</span>
                  </>
                ),
              },
              {
                header: "Rate",
                numeric: true,
                cell: (r) => (
                  <>
                    {pounds(r.rate)}
                    <span className="govuk-hint govuk-!-margin-bottom-0">{PRICE_UNIT_LABELS[r.unit]}</span>
                  </>
                ),
                sortValue: (r) => r.rate,
              },
              {
                header: "Floor",
                numeric: true,
                cell: (r) =>
                  r.check ? (
                    <>
                      {pounds(r.check.floor)}
                      {r.check.visitMinutes && (
                        <span className="govuk-hint govuk-!-margin-bottom-0">{r.check.visitMinutes}-minute visits</span>
                      )}
                    </>
                  ) : (
                    "None"
                  ),
              },
              {
                header: "Against the floor",
                cell: (r) =>
                  r.check ? (
                    <>
                      <FloorTag check={r.check} />
                      <NotCovered check={r.check} />
                    </>
                  ) : (
                    <span className="govuk-body-s">{r.noCheck}</span>
                  ),
                sortValue: (r) => (r.check ? -r.check.gap : null),
              },
              canManage && {
                header: "Actions",
                hiddenHeader: true,
                cell: (r: FeeRateView) => (
                  <div className="govuk-button-group govuk-!-margin-bottom-0">
                    <button
                      type="button"
                      className="govuk-link app-link-button"
                      onClick={() => {
                        setEditing(r);
                        setDone(null);
                      }}
                    >
                      Change
                      <span className="govuk-visually-hidden">
                        {" "}
                        {r.band} {r.year}
                      </span>
                    </button>
                    <button
                      type="button"
                      className="govuk-link app-link-button"
                      disabled={remove.isPending}
                      onClick={() => remove.mutate(r)}
                    >
                      Remove
                      <span className="govuk-visually-hidden">
                        {" "}
                        {r.band} {r.year}
                      </span>
                    </button>
                  </div>
                ),
              },
            ]}
          />
        </>
      )}
      {canManage && (
        <RateForm
          key={`${editing?.id ?? "new"}-${formKey}`}
          orgId={orgId}
          editing={editing}
          onDone={(m) => {
            setEditing(null);
            setFormKey((k) => k + 1);
            setDone(m || null);
          }}
        />
      )}
    </Page>
  );
}
