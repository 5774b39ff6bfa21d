import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { type DatePart, type DateParts, datePartsOf, parseDateParts } from "../../shared/date-input";
import { longDate, todayIso } from "../../shared/dates";
import { monitoringQuarterOf } from "../../shared/schemas/commissioning-monitoring";
import { DateInput } from "../components/DateInput";
import { Button, ErrorSummary, fieldErrors, SuccessBanner, TextInput } from "../components/forms";
import { Page } from "../components/Page";
import { Table } from "../components/Table";
import { ApiError } from "../lib/api";
import { type OrgHome, useCurrentOrg } from "../lib/org";
import { returnApi, returnKeys, returnQueries, type ReturnStatus as Status } from "../queries/returns";

const STATUS: Record<Status, { label: string; tag: string }> = {
  submitted: { label: "Submitted", tag: "govuk-tag--green" },
  in_progress: { label: "In progress", tag: "govuk-tag--blue" },
  not_started: { label: "Not started", tag: "govuk-tag--grey" },
  late: { label: "Late", tag: "govuk-tag--red" },
};
const Tag = ({ status }: { status: Status }) => (
  <strong className={`govuk-tag ${STATUS[status].tag}`}>{STATUS[status].label}</strong>
);
const pct = (n: number | null | undefined) => (n === null || n === undefined ? "—" : `${Math.round(n * 100)}%`);

export function ReturnsPage(): React.ReactNode {
  const { org } = useCurrentOrg();
  if (!org.data) return <p className="govuk-body">Loading…</p>;
  return org.data.kind === "council" ? <CouncilReturns org={org.data} /> : <ProviderReturns org={org.data} />;
}

const DATES = {
  periodEnd: { id: "period-end", what: "Data as at date" },
  dueDate: { id: "period-due", what: "Due date" },
} as const;
type DateName = keyof typeof DATES;

function CouncilReturns({ org }: { org: OrgHome }) {
  const queryClient = useQueryClient();
  const periods = useQuery(returnQueries.periods(org.id));
  const [name, setName] = useState("");
  const [contractMonitoring, setContractMonitoring] = useState(false);
  const [dates, setDates] = useState<Record<DateName, DateParts>>({
    periodEnd: datePartsOf(null),
    dueDate: datePartsOf(null),
  });
  // The date boxes are read here before anything is sent: what is wrong with each, and which boxes.
  const [dateProblems, setDateProblems] = useState<{ error: ApiError; parts: Record<string, DatePart[]> } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: { name: string; periodEnd: string; dueDate: string; contractMonitoring: boolean }) =>
      returnApi.createPeriod(org.id, body),
    onSuccess: (_r, body) => {
      setDone(`${body.name} has been set. Providers will be reminded in the week before ${longDate(body.dueDate)}.`);
      queryClient.invalidateQueries({ queryKey: returnKeys.periods(org.id) });
    },
  });
  const error = dateProblems?.error ?? create.error;
  const errors = fieldErrors(error);
  const submit = () => {
    setDone(null);
    const parsed = (Object.keys(DATES) as DateName[]).map((k) => [k, parseDateParts(dates[k], DATES[k].what)] as const);
    const wrong = parsed.flatMap(([k, p]) => (p.ok ? [] : [{ path: k, message: p.message, parts: p.parts }]));
    if (wrong.length) {
      setDateProblems({
        error: new ApiError(422, "validation", "There is a problem", wrong),
        parts: Object.fromEntries(wrong.map((w) => [w.path, w.parts])),
      });
      return;
    }
    setDateProblems(null);
    const iso = Object.fromEntries(parsed.map(([k, p]) => [k, p.ok ? p.iso : ""])) as Record<DateName, string>;
    create.mutate({ name, ...iso, contractMonitoring });
  };
  const firstBox = (k: DateName) => `${DATES[k].id}-${dateProblems?.parts[k]?.[0] ?? "day"}`;
  return (
    <Page title="Workforce returns" caption={org.name}>
      {done && <SuccessBanner title={done} />}
      <ErrorSummary
        error={error}
        fields={{ name: "period-name", periodEnd: firstBox("periodEnd"), dueDate: firstBox("dueDate") }}
      />
      {periods.data && (
        <Table
          caption="Return periods"
          rows={periods.data.periods}
          rowKey={(p) => p.id}
          columns={[
            {
              header: "Period",
              cell: (p) => (
                <Link
                  className="govuk-link"
                  to="/orgs/$orgId/returns/$periodId"
                  params={{ orgId: org.id, periodId: p.id }}
                >
                  {p.name}
                </Link>
              ),
            },
            {
              header: "Contract monitoring",
              cell: (p) => (p.contractMonitoring ? "Asked for" : "Not asked for"),
            },
            { header: "Data as at", cell: (p) => longDate(p.periodEnd) },
            { header: "Due", cell: (p) => longDate(p.dueDate) },
            { header: "Submitted", numeric: true, cell: (p) => `${p.byStatus.submitted} of ${p.providers}` },
            { header: "Late", numeric: true, cell: (p) => p.byStatus.late },
          ]}
        />
      )}
      {org.permissions.includes("returns.manage") && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
          noValidate
        >
          <h2 className="govuk-heading-m">Set a return period</h2>
          <TextInput
            id="period-name"
            name="name"
            label="Name"
            hint="For example, Quarter 3 2026/27"
            value={name}
            onChange={setName}
            error={errors.name}
            width="govuk-input--width-30"
          />
          <DateInput
            id={DATES.periodEnd.id}
            legend="Data as at"
            hint="The end of the period, for example 31 12 2026"
            value={dates.periodEnd}
            onChange={(v) => setDates({ ...dates, periodEnd: v })}
            error={errors.periodEnd}
            errorParts={dateProblems?.parts.periodEnd}
          />
          <DateInput
            id={DATES.dueDate.id}
            legend="Due date"
            hint="For example, 31 1 2027"
            value={dates.dueDate}
            onChange={(v) => setDates({ ...dates, dueDate: v })}
            error={errors.dueDate}
            errorParts={dateProblems?.parts.dueDate}
          />
          <div className="govuk-form-group">
            <div className="govuk-checkboxes" data-module="govuk-checkboxes">
              <div className="govuk-checkboxes__item">
                <input
                  className="govuk-checkboxes__input"
                  id="contract-monitoring"
                  name="contractMonitoring"
                  type="checkbox"
                  checked={contractMonitoring}
                  onChange={(e) => setContractMonitoring(e.target.checked)}
                  aria-describedby="contract-monitoring-hint"
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor="contract-monitoring">
                  Also ask for the contract-monitoring return, pre-filled from the hub
                </label>
                <div id="contract-monitoring-hint" className="govuk-hint govuk-checkboxes__hint">
                  Providers holding one of your contracts confirm the hub's figures for the quarter this period ends (or
                  the last quarter ended by then) and declare only travel time paid and units delivered.
                </div>
              </div>
            </div>
          </div>
          <Button disabled={create.isPending}>Set period</Button>
        </form>
      )}
    </Page>
  );
}

export function ReturnPeriodPage(): React.ReactNode {
  const { orgId, periodId } = getRouteApi("/orgs/$orgId/returns/$periodId").useParams();
  const view = useQuery(returnQueries.period(orgId, periodId));
  if (!view.data) return <p className="govuk-body">Loading…</p>;
  const { period, byStatus, providers } = view.data;
  return (
    <Page title={period.name} caption={`Data as at ${longDate(period.periodEnd)}, due ${longDate(period.dueDate)}`}>
      <ul className="govuk-list">
        {(Object.keys(STATUS) as Status[]).map((s) => (
          <li key={s}>
            <Tag status={s} /> {byStatus[s]}
          </li>
        ))}
      </ul>
      <Table
        caption="Providers"
        rows={providers}
        rowKey={(p) => p.provider.id}
        columns={[
          { header: "Provider", cell: (p) => p.provider.name },
          { header: "Status", cell: (p) => <Tag status={p.status} /> },
          {
            header: "Submitted",
            cell: (p) => (p.submittedAt ? longDate(p.submittedAt) : "—"),
          },
          { header: "Completeness", numeric: true, cell: (p) => pct(p.completenessScore) },
        ]}
      />
    </Page>
  );
}

function ProviderReturns({ org }: { org: OrgHome }) {
  const queryClient = useQueryClient();
  const list = useQuery(returnQueries.returns(org.id));
  const submit = useMutation({
    mutationFn: (periodId: string) => returnApi.submit(org.id, periodId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: returnKeys.returns(org.id) }),
  });
  const today = todayIso();
  const canSubmit = org.permissions.includes("returns.submit");
  return (
    <Page title="Workforce returns" caption={org.name}>
      <p className="govuk-body">
        Submitting a return keeps a copy of your data as at the period's date for the council. Check your data first:
        upload your latest files if anything has changed.
      </p>
      <ErrorSummary error={submit.error} />
      {list.data && (
        <Table
          caption="Returns asked for"
          rows={list.data.returns}
          rowKey={(r) => r.period.id}
          columns={[
            {
              header: "Period",
              cell: (r) => (
                <>
                  {r.period.name} ({r.council})
                  {r.period.contractMonitoring && r.period.periodEnd < today && (
                    <>
                      <br />
                      <Link
                        className="govuk-link"
                        to="/orgs/$orgId/monitoring-returns/$councilId/$period"
                        params={{
                          orgId: org.id,
                          councilId: r.councilId,
                          period: monitoringQuarterOf(r.period.periodEnd),
                        }}
                      >
                        Confirm the contract-monitoring return
                        <span className="govuk-visually-hidden"> for {r.period.name}</span>
                      </Link>
                    </>
                  )}
                </>
              ),
            },
            { header: "Data as at", cell: (r) => longDate(r.period.periodEnd) },
            { header: "Due", cell: (r) => longDate(r.period.dueDate) },
            { header: "Status", cell: (r) => <Tag status={r.status} /> },
            { header: "Completeness", numeric: true, cell: (r) => pct(r.completeness?.score) },
            canSubmit && {
              header: "Actions",
              hiddenHeader: true,
              cell: (r) =>
                !r.submittedAt && r.period.periodEnd <= today ? (
                  <button
                    type="button"
                    className="govuk-button govuk-!-margin-bottom-0"
                    onClick={() => submit.mutate(r.period.id)}
                  >
                    Submit<span className="govuk-visually-hidden"> the return for {r.period.name}</span>
                  </button>
                ) : null,
            },
          ]}
        />
      )}
    </Page>
  );
}
