import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useEffect, useMemo, useState } from "react";
import { longDate } from "../../../shared/dates";
import {
  fieldsFor,
  PRICE_FLOOR_CARE_TYPE_LABELS,
  PRICE_FLOOR_CARE_TYPES,
  PRICE_FLOOR_YEARS,
  type PriceFloorCareType,
  type PriceFloorYear,
  priceFloor,
  validateAssumptions,
} from "../../../shared/price-floor";
import { Button, ErrorSummary, fieldErrors, Select, SuccessBanner, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { ScrollRegion } from "../../components/Table";
import { useOrg, useOrgId } from "../../lib/org";
import { type PriceFloorResponse, pounds, priceApi, priceKeys, priceQueries } from "../../queries/commissioning-price";

// The minimum price floor calculator (issue 19 item 4): every cost line with its basis in words,
// worked out in the browser as the assumptions change (the same calculator as the server's), and
// saved as the council's assumptions for the year and care type. Shares are typed as percentages.

const route = getRouteApi("/orgs/$orgId/commissioning/price-floor");

type Values = Record<string, string>;

const toBox = (kind: string, v: number) => (kind === "share" ? String(Math.round(v * 100_000) / 1000) : String(v));
const fromBox = (kind: string, s: string) => {
  const t = s.replace(/[£%,p\s]/g, "");
  if (t === "") return Number.NaN;
  const n = Number(t);
  return kind === "share" ? n / 100 : n;
};

/** A share's label says it is typed as a percentage. */
const shareLabel = (label: string, kind: string) =>
  kind !== "share" ? label : /\(share of /.test(label) ? label.replace("(share of ", "(% of ") : `${label} (%)`;

function valuesOf(careType: PriceFloorCareType, a: Record<string, number>): Values {
  return Object.fromEntries(Object.entries(fieldsFor(careType)).map(([k, f]) => [k, toBox(f.kind, a[k])]));
}

function numbersOf(careType: PriceFloorCareType, v: Values): Record<string, number> {
  return Object.fromEntries(Object.entries(fieldsFor(careType)).map(([k, f]) => [k, fromBox(f.kind, v[k] ?? "")]));
}

/** Shares are shown as percentages here, so their limits are said in percent too. */
const boxMessage = (careType: PriceFloorCareType, key: string, message: string) =>
  fieldsFor(careType)[key]?.kind === "share"
    ? message
        .replace(" (write a share as a fraction, for example 0.12 for 12%)", "")
        .replace(/it is ([\d.-]+)\.$/, (_m, n) => `it is ${Math.round(Number(n) * 100_000) / 1000}%.`)
    : message;

function Calculator({
  orgId,
  data,
  canSave,
}: {
  orgId: string;
  data: PriceFloorResponse;
  canSave: boolean;
}): React.ReactNode {
  const queryClient = useQueryClient();
  const year = data.year as PriceFloorYear;
  const careType = data.careType as PriceFloorCareType;
  const fields = fieldsFor(careType);
  const [values, setValues] = useState<Values>(() => valuesOf(careType, data.assumptions));
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => setValues(valuesOf(careType, data.assumptions)), [careType, data.assumptions]);
  const numbers = useMemo(() => numbersOf(careType, values), [careType, values]);
  const problems = useMemo(
    () =>
      validateAssumptions(careType, numbers).map((i) => ({
        field: i.field,
        message: boxMessage(careType, i.field, i.message),
      })),
    [careType, numbers],
  );
  const result = problems.length ? null : priceFloor(year, careType, numbers);
  const changed = Object.keys(fields).filter((k) => numbers[k] !== data.defaults[k]);
  const save = useMutation({
    mutationFn: () => priceApi.save(orgId, year, careType, numbers),
    onSuccess: (res) => {
      queryClient.invalidateQueries({ queryKey: priceKeys.all(orgId) });
      setDone(
        `Saved as your council's assumptions for ${year}: the floor is ${pounds(res.total)} ${res.unit === "hour" ? "per contact hour" : "per bed per week"}`,
      );
    },
  });
  const reset = useMutation({
    mutationFn: () => priceApi.reset(orgId, year, careType),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: priceKeys.all(orgId) });
      setDone(`Back to the default assumptions for ${year}`);
    },
  });
  const serverErrors = fieldErrors(save.error);
  const per = careType === "home_care" ? "per contact hour" : "per bed per week";
  return (
    <>
      {done && <SuccessBanner title={done} />}
      <ErrorSummary
        error={save.error ?? reset.error}
        fields={Object.fromEntries(Object.keys(fields).map((k) => [k, `a-${k}`]))}
      />
      {problems.length > 0 && (
        <div className="govuk-error-summary" tabIndex={-1}>
          <div role="alert">
            <h2 className="govuk-error-summary__title">Check these assumptions</h2>
            <div className="govuk-error-summary__body">
              <ul className="govuk-list govuk-error-summary__list">
                {problems.map((p) => (
                  <li key={p.field}>
                    <a href={`#a-${p.field}`}>{p.message}</a>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </div>
      )}

      <h2 className="govuk-heading-l" aria-live="polite">
        {result ? `${pounds(result.total)} ${per}` : "Fix the assumptions to see the floor"}
      </h2>
      {result && (
        <>
          <p className="govuk-body">
            The lowest price at which a provider can pay {pounds(result.assumptions.wage)} an hour for all working time
            and meet its costs.{" "}
            {data.source === "council" ? "From your council's saved assumptions" : "From the default assumptions"}
            {changed.length > 0 ? `, with ${changed.length} changed from the defaults` : ""}.
            {data.headline &&
              ` The defaults reproduce the Homecare Association's minimum price for ${year}, ${pounds(data.headline.price)} at ${pounds(data.headline.wage)}${data.headline.secondary ? " (a figure seen only in secondary sources)" : ""}.`}
          </p>
          <ScrollRegion label="Cost lines">
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m">Cost lines {per}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Line
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Amount
                  </th>
                  <th scope="col" className="govuk-table__header">
                    How it is worked out
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {result.lines.map((l) => (
                  <tr className="govuk-table__row" key={l.key}>
                    <th scope="row" className="govuk-table__header">
                      {l.name}
                    </th>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{pounds(l.amount)}</td>
                    <td className="govuk-table__cell">{l.basis}</td>
                  </tr>
                ))}
                <tr className="govuk-table__row">
                  <th scope="row" className="govuk-table__header">
                    Total
                  </th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">
                    <strong>{pounds(result.total)}</strong>
                  </td>
                  <td className="govuk-table__cell">The lines add up to the total, to the penny.</td>
                </tr>
              </tbody>
            </table>
          </ScrollRegion>
          <p className="govuk-body">
            A penny more on the wage adds £{(0.01 * result.wageSensitivity).toFixed(4)} {per}: there are{" "}
            {result.loadedPaidHours.toFixed(3)} paid hours, loaded with National Insurance and pension, in each{" "}
            {careType === "home_care" ? "contact hour" : "bed-week"}.
          </p>
        </>
      )}

      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!problems.length) save.mutate();
        }}
      >
        <h2 className="govuk-heading-m">Assumptions</h2>
        <p className="govuk-body">Percentages are of working time. Change any value and the floor above follows.</p>
        {Object.entries(fields).map(([key, f]) => (
          <TextInput
            key={key}
            id={`a-${key}`}
            name={key}
            label={shareLabel(f.label, f.kind)}
            hint={`${f.hint} Default ${toBox(f.kind, data.defaults[key])}${f.kind === "share" ? "%" : ""}.`}
            value={values[key] ?? ""}
            onChange={(v) => setValues((old) => ({ ...old, [key]: v }))}
            error={problems.find((p) => p.field === key)?.message ?? serverErrors[key]}
            width="govuk-input--width-20"
          />
        ))}
        <div className="govuk-button-group">
          {canSave && (
            <Button disabled={save.isPending || problems.length > 0}>Save as our assumptions for {year}</Button>
          )}
          <Button type="button" secondary onClick={() => setValues(valuesOf(careType, data.defaults))}>
            Use the defaults
          </Button>
          {canSave && data.saved && (
            <Button type="button" secondary disabled={reset.isPending} onClick={() => reset.mutate()}>
              Forget our saved assumptions
            </Button>
          )}
        </div>
        {data.saved && (
          <p className="govuk-body-s">
            Your council's assumptions were last saved on {longDate(data.saved.updatedAt)}.
          </p>
        )}
      </form>
    </>
  );
}

export function PriceFloorPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const search = route.useSearch();
  const navigate = useNavigate();
  const careType = search.careType ?? "home_care";
  const floor = useQuery(priceQueries.floor(orgId, search.year, careType));
  const isCouncil = org.data?.kind === "council";
  const go = (next: { year?: string; careType?: string }) =>
    navigate({
      to: "/orgs/$orgId/commissioning/price-floor",
      params: { orgId },
      search: {
        year: (next.year ?? floor.data?.year) as PriceFloorYear,
        careType: (next.careType ?? careType) as PriceFloorCareType,
      },
    });
  return (
    <Page title="Minimum price floor" caption={org.data?.name}>
      <p className="govuk-body">
        The lowest lawful price of {careType === "home_care" ? "an hour of home care" : "a week in a care home bed"}:
        pay at the wage floor for all working time{careType === "home_care" ? " including travel" : ""}, holiday,
        training time and sick pay, employer National Insurance and pension{careType === "home_care" ? ", mileage" : ""}
        , running costs and a return. Below it, a provider cannot pay the wage floor and stay in business.
        {isCouncil && (
          <>
            {" "}
            See{" "}
            <Link to="/orgs/$orgId/commissioning/fee-rates" params={{ orgId }} className="govuk-link">
              your fee rates against the floor
            </Link>{" "}
            and{" "}
            <Link to="/orgs/$orgId/commissioning/tenders" params={{ orgId }} className="govuk-link">
              tenders
            </Link>
            .
          </>
        )}
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <Select
            id="year"
            name="year"
            label="Year"
            value={floor.data?.year ?? search.year ?? ""}
            onChange={(year) => go({ year })}
            options={PRICE_FLOOR_YEARS.map((y) => ({ value: y, label: y }))}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <Select
            id="careType"
            name="careType"
            label="Care"
            value={careType}
            onChange={(c) => go({ careType: c })}
            options={PRICE_FLOOR_CARE_TYPES.map((c) => ({ value: c, label: PRICE_FLOOR_CARE_TYPE_LABELS[c] }))}
          />
        </div>
      </div>
      <ErrorSummary error={floor.error} />
      {!floor.data && !floor.error && <p className="govuk-body">Loading…</p>}
      {floor.data && (
        <Calculator
          key={`${floor.data.year}/${floor.data.careType}`}
          orgId={orgId}
          data={floor.data}
          canSave={floor.data.canSave}
        />
      )}
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Where the defaults come from</span>
        </summary>
        <div className="govuk-details__text">
          <p className="govuk-body">
            Home care: the wage is the National Living Wage of the year; employer National Insurance is 13.8% above £175
            a week in 2024-25 and 15% above £96 a week from April 2025; pension is 3% above £120 a week. Holiday is 5.6
            weeks' leave (12.07% of time worked). Visits of 30 minutes with 9 minutes' travel and 2.5 miles each at 45p
            a mile, training 3% and sickness 2% of working time, and 30 paid hours a week are our own assumptions.
          </p>
          <p className="govuk-body">
            The Homecare Association publishes its minimum price (£28.53 an hour for 2024-25, £32.14 for 2025-26) but
            not, in the sources we could read, its running-cost and surplus assumptions: those are unconfirmed. We set
            running costs and the surplus, in pounds per contact hour, so that the defaults reproduce each published
            figure (the surplus is about 3% of the price, as in the Association's 2014 split). The 2026-27 figure of
            £34.42 comes from secondary sources only.
          </p>
          <p className="govuk-body">
            Care homes: care staff hours per resident per week at the wage, with on-costs; the other lines start from
            one council's (Brighton & Hove's) 2022 Fair Cost of Care medians, staff lines uplifted by the rise in the
            National Living Wage since 2021-22 and the rest by about 20 to 27% for prices. They are a starting point:
            put in your own.
          </p>
        </div>
      </details>
    </Page>
  );
}
