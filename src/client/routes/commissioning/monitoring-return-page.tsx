import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { longDate } from "../../../shared/dates";
import type { MonitoringReturnView } from "../../../shared/schemas/commissioning-monitoring";
import { Button, ErrorSummary, fieldErrors, SuccessBanner } from "../../components/forms";
import { Page } from "../../components/Page";
import { ApiError } from "../../lib/api";
import { useOrg } from "../../lib/org";
import {
  monitoringApi,
  monitoringFiles,
  monitoringKeys,
  monitoringQueries,
} from "../../queries/commissioning-monitoring";
import { FigureList, MonitoringTag } from "./monitoring-common";

// One quarter's contract-monitoring return (issue 19 item 5): the hub's figures as at the quarter's
// last day, each saying where it comes from; the two things only the provider can say (travel time
// paid, units delivered per contract) as a form; Confirm. Once confirmed it reads as confirmed.

const route = getRouteApi("/orgs/$orgId/monitoring-returns/$councilId/$period");

function Downloads({ orgId, r }: { orgId: string; r: MonitoringReturnView }): React.ReactNode {
  return (
    <ul className="govuk-list">
      <li>
        <a className="govuk-link" href={monitoringFiles.returnFile(orgId, r.council.id, r.period, "xlsx")} download>
          Download this return as XLSX (Excel)
        </a>
      </li>
      <li>
        <a className="govuk-link" href={monitoringFiles.returnFile(orgId, r.council.id, r.period, "csv")} download>
          Download this return as CSV
        </a>
      </li>
    </ul>
  );
}

function Declarations({ r }: { r: MonitoringReturnView }): React.ReactNode {
  return (
    <dl className="govuk-summary-list">
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Travel time paid</dt>
        <dd className="govuk-summary-list__value">{r.paidTravel ? "Yes" : "No"}</dd>
      </div>
      {r.contracts.map((c) => (
        <div className="govuk-summary-list__row" key={c.id}>
          <dt className="govuk-summary-list__key">
            {c.reference} {c.name}: {c.unitLabel}
          </dt>
          <dd className="govuk-summary-list__value">
            {c.units === null ? "None given" : c.units.toLocaleString("en-GB")}
            {c.councilUnits !== null && (
              <span className="govuk-hint govuk-!-margin-bottom-0">
                The council recorded {c.councilUnits.toLocaleString("en-GB")}: its figure stands.
              </span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function ConfirmForm({ orgId, r }: { orgId: string; r: MonitoringReturnView }): React.ReactNode {
  const queryClient = useQueryClient();
  const [paidTravel, setPaidTravel] = useState<"yes" | "no" | "">("");
  const [units, setUnits] = useState<Record<string, string>>({});
  const [local, setLocal] = useState<ApiError | null>(null);
  const confirm = useMutation({
    mutationFn: (body: Parameters<typeof monitoringApi.confirm>[3]) =>
      monitoringApi.confirm(orgId, r.council.id, r.period, body),
    onSuccess: (data) => {
      queryClient.setQueryData(monitoringKeys.one(orgId, r.council.id, r.period), data);
      queryClient.invalidateQueries({ queryKey: monitoringKeys.all(orgId) });
    },
  });
  const error = local ?? confirm.error;
  const errors = fieldErrors(error);
  const fields: Record<string, string> = { paidTravel: "paid-travel-yes" };
  r.contracts.forEach((c, i) => {
    fields[`deliveries.${i}.units`] = `units-${c.id}`;
  });
  const submit = () => {
    const problems: { path: string; message: string }[] = [];
    if (!paidTravel)
      problems.push({
        path: "paidTravel",
        message: "Say whether care workers are paid for travel time between visits",
      });
    const deliveries = r.contracts.map((c, i) => {
      const text = (units[c.id] ?? "").replace(/,/g, "").trim();
      const n = text === "" ? null : Number(text);
      if (n !== null && (!Number.isFinite(n) || n < 0))
        problems.push({
          path: `deliveries.${i}.units`,
          message: `Enter the ${c.unitLabel} for ${c.reference} as a number of 0 or more, or leave it empty`,
        });
      return { contractId: c.id, units: n };
    });
    if (problems.length) {
      setLocal(new ApiError(422, "validation", "There is a problem", problems));
      return;
    }
    setLocal(null);
    confirm.mutate({ paidTravel: paidTravel === "yes", deliveries, fingerprint: r.fingerprint });
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <ErrorSummary error={error} fields={fields} />
      <h2 className="govuk-heading-m">What only you can tell the council</h2>
      <div className={`govuk-form-group${errors.paidTravel ? " govuk-form-group--error" : ""}`}>
        <fieldset className="govuk-fieldset" aria-describedby={errors.paidTravel ? "paid-travel-error" : undefined}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
            Are care workers paid for their travel time between visits?
          </legend>
          {errors.paidTravel && (
            <p id="paid-travel-error" className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {errors.paidTravel}
            </p>
          )}
          <div className="govuk-radios govuk-radios--inline" data-module="govuk-radios">
            {(["yes", "no"] as const).map((v) => (
              <div className="govuk-radios__item" key={v}>
                <input
                  className="govuk-radios__input"
                  id={`paid-travel-${v}`}
                  name="paidTravel"
                  type="radio"
                  value={v}
                  checked={paidTravel === v}
                  onChange={() => setPaidTravel(v)}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={`paid-travel-${v}`}>
                  {v === "yes" ? "Yes" : "No"}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      {r.contracts.map((c, i) => {
        const id = `units-${c.id}`;
        const err = errors[`deliveries.${i}.units`];
        return (
          <div className={`govuk-form-group${err ? " govuk-form-group--error" : ""}`} key={c.id}>
            <label className="govuk-label" htmlFor={id}>
              {c.reference} {c.name}: {c.unitLabel} in {r.periodLabel} (optional)
            </label>
            <div id={`${id}-hint`} className="govuk-hint">
              {c.councilUnits !== null
                ? `The council has recorded ${c.councilUnits.toLocaleString("en-GB")}: its figure stands whatever you enter.`
                : "Leave it empty if you do not know."}
            </div>
            {err && (
              <p id={`${id}-error`} className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {err}
              </p>
            )}
            <input
              className={`govuk-input govuk-input--width-10${err ? " govuk-input--error" : ""}`}
              id={id}
              name={id}
              inputMode="decimal"
              spellCheck={false}
              value={units[c.id] ?? ""}
              onChange={(e) => setUnits({ ...units, [c.id]: e.target.value })}
              aria-describedby={`${id}-hint${err ? ` ${id}-error` : ""}`}
            />
          </div>
        );
      })}
      <p className="govuk-body">
        Confirming sends the council the figures above exactly as shown, with your answers. You cannot change a return
        once it is confirmed.
      </p>
      <Button disabled={confirm.isPending}>Confirm the return</Button>
    </form>
  );
}

export function MonitoringReturnPage(): React.ReactNode {
  const { orgId, councilId, period } = route.useParams();
  const org = useOrg(orgId);
  const view = useQuery(monitoringQueries.one(orgId, councilId, period));
  const r = view.data?.return;
  const canConfirm = org.data?.permissions.includes("commissioning.respond") ?? false;
  if (view.error)
    return (
      <Page title="Contract-monitoring return" caption={org.data?.name}>
        <div className="govuk-error-summary" role="alert">
          <div className="govuk-error-summary__body">{view.error.message}</div>
        </div>
        <Link className="govuk-link" to="/orgs/$orgId/monitoring-returns" params={{ orgId }}>
          Back to your returns
        </Link>
      </Page>
    );
  if (!r) return <p className="govuk-body">Loading…</p>;
  return (
    <Page title={`Contract-monitoring return: ${r.periodLabel}`} caption={`${r.provider.name} to ${r.council.name}`}>
      {r.confirmedAt && <SuccessBanner title={`You confirmed this return on ${longDate(r.confirmedAt)}`} />}
      <p className="govuk-body">
        <MonitoringTag status={r.status} />{" "}
        {r.confirmedAt ? "" : r.dueDate ? `Due by ${longDate(r.dueDate)}.` : "The council has not set a due date."}
      </p>
      <Downloads orgId={orgId} r={r} />
      <h2 className="govuk-heading-m">From the hub, as at {longDate(r.asAt)}</h2>
      <p className="govuk-body">
        {r.confirmedAt
          ? "These are the figures as you confirmed them."
          : "These are worked out from your records on the hub: if one looks wrong, correct your records (or upload your latest ASC-WDS files) and come back."}
      </p>
      <FigureList figures={r.figures} />
      {r.contracts
        .filter((c) => c.figures)
        .map((c) => (
          <details className="govuk-details" key={c.id}>
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">
                {c.reference} {c.name}: the same figures over its {c.workplaces}{" "}
                {c.workplaces === 1 ? "workplace" : "workplaces"}
              </span>
            </summary>
            <div className="govuk-details__text">{c.figures && <FigureList figures={c.figures} />}</div>
          </details>
        ))}
      {r.confirmedAt ? (
        <>
          <h2 className="govuk-heading-m">What you told the council</h2>
          <Declarations r={r} />
        </>
      ) : canConfirm ? (
        <ConfirmForm orgId={orgId} r={r} />
      ) : (
        <p className="govuk-body">An admin or editor of your organisation confirms this return.</p>
      )}
      <p className="govuk-body">
        <Link className="govuk-link" to="/orgs/$orgId/monitoring-returns" params={{ orgId }}>
          Back to your returns
        </Link>
      </p>
    </Page>
  );
}
