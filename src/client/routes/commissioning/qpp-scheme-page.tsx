import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, type ReactNode, useState } from "react";
import { periodBounds, SERVICE_TYPE_LABELS } from "../../../shared/commissioning";
import { longDate } from "../../../shared/dates";
import { percent, pounds, QPP_BASIS_LABELS, QPP_METHOD_LABELS } from "../../../shared/qpp";
import { Button, ErrorSummary, fieldErrors } from "../../components/forms";
import { Page } from "../../components/Page";
import { Section } from "../../components/Section";
import { Table } from "../../components/Table";
import { useOrg } from "../../lib/org";
import {
  type QppLineView,
  type QppScheduleView,
  type QppSchemeView,
  qppApi,
  qppKeys,
  qppQueries,
} from "../../queries/commissioning-qpp";
import { LineWorking, ScheduleStatusTag } from "./qpp-common";

// One Quality Premium scheme (issue 19 item 3): its summary, a period picker, the schedule with the
// working per line, the cap and its scaling said plainly, delivered units editable while a draft,
// Approve (with a confirmation) once the period has ended, and the finance downloads once approved.

const route = getRouteApi("/orgs/$orgId/commissioning/quality-premium/$schemeId");

function Row({ k, children }: { k: string; children: ReactNode }): ReactNode {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{k}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

function SchemeSummary({ s }: { s: QppSchemeView }): ReactNode {
  return (
    <dl className="govuk-summary-list">
      <Row k="Contracts">{s.serviceType ? SERVICE_TYPE_LABELS[s.serviceType] : "All services"}</Row>
      <Row k="Qualifying standards">
        <ul className="govuk-list">
          {s.standards.map((x) => (
            <li key={x.standardId}>
              {x.name} (weight {x.weight})
            </li>
          ))}
        </ul>
      </Row>
      <Row k="How it pays">
        {QPP_METHOD_LABELS[s.method]}
        {s.method === "tiered" && s.tiers && (
          <ul className="govuk-list govuk-list--bullet">
            {s.tiers.map((t) => (
              <li key={t.minShare}>
                {percent(t.minShare)} of standards met pays {percent(t.payShare)}
              </li>
            ))}
          </ul>
        )}
      </Row>
      <Row k="Rate">
        {QPP_BASIS_LABELS[s.basis]}:{" "}
        {s.basis === "per_unit" ? `${pounds(s.rate)} per ${s.unitName.replace(/s$/, "")}` : pounds(s.rate)}
      </Row>
      <Row k="Budget cap">{s.budgetCap === null ? "None" : `${pounds(s.budgetCap)} a period`}</Row>
      <Row k="Periods">
        {s.fromPeriod} to {s.untilPeriod ?? "ongoing"}
      </Row>
    </dl>
  );
}

function UnitsForm({ orgId, period, line }: { orgId: string; period: string; line: QppLineView }): ReactNode {
  const qc = useQueryClient();
  const [units, setUnits] = useState(line.units === null ? "" : String(line.units));
  const save = useMutation({
    mutationFn: () =>
      qppApi.deliver(orgId, line.contractId, period, { units: units.trim() === "" ? Number.NaN : Number(units) }),
    onSuccess: () => qc.invalidateQueries({ queryKey: qppKeys.all(orgId) }),
  });
  const id = `units-${line.contractId}`;
  const error = fieldErrors(save.error).units ?? (save.error ? save.error.message : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label" htmlFor={id}>
          Units delivered in {period} ({line.contractReference})
        </label>
        <div className="govuk-hint" id={`${id}-hint`}>
          {line.unitsSource === "provider_return"
            ? "From the provider's confirmed monitoring return; what you enter replaces it."
            : line.unitsSource === "council"
              ? "Recorded by the council."
              : "None recorded: the contract is paid nothing until they are."}
        </div>
        {error && (
          <p className="govuk-error-message" id={`${id}-error`}>
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        )}
        <input
          className={`govuk-input govuk-input--width-10${error ? " govuk-input--error" : ""}`}
          id={id}
          inputMode="decimal"
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          value={units}
          onChange={(e) => setUnits(e.target.value)}
        />
      </div>
      <Button secondary disabled={save.isPending}>
        Save units<span className="govuk-visually-hidden"> for {line.contractReference}</span>
      </Button>
    </form>
  );
}

function Approve({
  orgId,
  schemeId,
  period,
  total,
}: {
  orgId: string;
  schemeId: string;
  period: string;
  total: number;
}): ReactNode {
  const qc = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const approve = useMutation({
    mutationFn: () => qppApi.approve(orgId, schemeId, period),
    onSuccess: () => qc.invalidateQueries({ queryKey: qppKeys.all(orgId) }),
  });
  if (!confirming)
    return (
      <Button type="button" onClick={() => setConfirming(true)}>
        Approve this schedule
      </Button>
    );
  return (
    <div className="govuk-warning-text">
      <ErrorSummary error={approve.error} />
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        Approve {pounds(total)} for {periodBounds(period).label}? The lines are then frozen: later results, challenges
        or units do not change them, and finance can download the schedule.
      </strong>
      <div className="govuk-button-group govuk-!-margin-top-4">
        <Button type="button" disabled={approve.isPending} onClick={() => approve.mutate()}>
          Yes, approve the schedule
        </Button>
        <Button type="button" secondary onClick={() => setConfirming(false)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

function Schedule({ orgId, s, canManage }: { orgId: string; s: QppScheduleView; canManage: boolean }): ReactNode {
  const draft = s.status === "draft";
  return (
    <>
      <dl className="govuk-summary-list">
        <Row k="Status">
          <ScheduleStatusTag status={s.status} />{" "}
          {s.approvedAt
            ? `Approved on ${longDate(s.approvedAt)}${s.approvedBy ? ` by ${s.approvedBy}` : ""}.`
            : "Computed now from the compliance results: a decision on a challenge changes it at once."}
        </Row>
        <Row k="Total before the cap">{pounds(s.totalBeforeCap)}</Row>
        <Row k="Total payable">
          <strong>{pounds(s.total)}</strong>
        </Row>
        <Row k="Budget cap">
          {s.scaled && <strong className="govuk-tag govuk-tag--yellow govuk-!-margin-right-2">Scaled</strong>}
          {s.capNote}
        </Row>
      </dl>
      {s.lines.length === 0 ? (
        <p className="govuk-body">No contract of the scheme's service type was in force in this period.</p>
      ) : (
        <Table
          caption={`Schedule, ${s.periodLabel}`}
          rowKey={(l) => l.contractId}
          rows={s.lines}
          columns={[
            { header: "Provider", cell: (l) => l.providerName, sortValue: (l) => l.providerName },
            { header: "Contract", cell: (l) => l.contractReference },
            { header: "Standards met", cell: (l) => `${l.standardsMet} of ${l.standardsTotal}` },
            {
              header: "Units",
              numeric: true,
              cell: (l) => (l.units === null ? "None recorded" : l.units.toLocaleString("en-GB")),
            },
            { header: "Before cap", numeric: true, cell: (l) => pounds(l.amountBeforeCap) },
            { header: "Payable", numeric: true, cell: (l) => pounds(l.amount), sortValue: (l) => l.amount },
          ]}
        />
      )}
      {draft && s.ended && canManage && s.lines.length > 0 && (
        <Approve orgId={orgId} schemeId={s.schemeId} period={s.period} total={s.total} />
      )}
      {draft && !s.ended && (
        <p className="govuk-body">This quarter has not ended: its schedule can be approved once it has.</p>
      )}
      {!draft && (
        <p className="govuk-body">
          Download for finance:{" "}
          <a className="govuk-link" href={qppApi.fileUrl(orgId, s.schemeId, s.period, "csv")} download>
            CSV
          </a>{" "}
          or{" "}
          <a className="govuk-link" href={qppApi.fileUrl(orgId, s.schemeId, s.period, "xlsx")} download>
            Excel (XLSX)
          </a>
        </p>
      )}
      <h2 className="govuk-heading-m">The working, contract by contract</h2>
      {s.lines.map((l) => (
        <LineWorking key={l.contractId} line={l}>
          {draft && canManage && <UnitsForm orgId={orgId} period={s.period} line={l} />}
        </LineWorking>
      ))}
    </>
  );
}

export function QppSchemePage(): ReactNode {
  const { orgId, schemeId } = route.useParams();
  const search = route.useSearch();
  const navigate = useNavigate();
  const org = useOrg(orgId);
  const scheme = useQuery(qppQueries.scheme(orgId, schemeId));
  const periods = scheme.data?.periods ?? [];
  const period = search.period && periods.some((p) => p.period === search.period) ? search.period : periods[0]?.period;
  const schedule = useQuery({ ...qppQueries.schedule(orgId, schemeId, period ?? ""), enabled: Boolean(period) });
  const [choice, setChoice] = useState<string | undefined>(undefined);
  if (scheme.isPending) return <p className="govuk-body">Loading…</p>;
  if (scheme.isError) return <ErrorSummary error={scheme.error} />;
  const canManage = org.data?.permissions.includes("commissioning.manage") ?? false;
  const s = scheme.data.scheme;
  const choose = (e: FormEvent) => {
    e.preventDefault();
    navigate({
      to: "/orgs/$orgId/commissioning/quality-premium/$schemeId",
      params: { orgId, schemeId },
      search: { period: choice ?? period },
    });
  };
  return (
    <Page title={s.name} caption="Quality Premium Payment">
      <p className="govuk-body">
        <Link to="/orgs/$orgId/commissioning/quality-premium" params={{ orgId }}>
          All schemes
        </Link>
      </p>
      <SchemeSummary s={s} />
      {!period ? (
        <p className="govuk-body">No period the scheme covers has ended yet.</p>
      ) : (
        <>
          <form onSubmit={choose} className="govuk-!-margin-bottom-6">
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="period">
                Period
              </label>
              <select
                className="govuk-select"
                id="period"
                value={choice ?? period}
                onChange={(e) => setChoice(e.target.value)}
              >
                {periods.map((p) => (
                  <option key={p.period} value={p.period}>
                    {p.periodLabel} ({p.status === "approved" ? "approved" : "draft"})
                  </option>
                ))}
              </select>
            </div>
            <Button secondary>Show this period</Button>
          </form>
          {schedule.isPending && <p className="govuk-body">Loading…</p>}
          {schedule.isError && <ErrorSummary error={schedule.error} />}
          {schedule.data && (
            <Section id="schedule" title={`Schedule, ${schedule.data.schedule.periodLabel}`}>
              <Schedule orgId={orgId} s={schedule.data.schedule} canManage={canManage} />
            </Section>
          )}
        </>
      )}
    </Page>
  );
}
