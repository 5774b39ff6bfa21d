import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { Button, ErrorSummary, fieldErrors, SuccessBanner, TextInput } from "../components/forms";
import { Page } from "../components/Page";
import { Table } from "../components/Table";
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

function CouncilReturns({ org }: { org: OrgHome }) {
  const queryClient = useQueryClient();
  const periods = useQuery(returnQueries.periods(org.id));
  const [form, setForm] = useState({ name: "", periodEnd: "", dueDate: "" });
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => returnApi.createPeriod(org.id, form),
    onSuccess: () => {
      setDone(`${form.name} has been set. Providers will be reminded in the week before ${form.dueDate}.`);
      queryClient.invalidateQueries({ queryKey: returnKeys.periods(org.id) });
    },
  });
  const errors = fieldErrors(create.error);
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  return (
    <Page title="Workforce returns" caption={org.name}>
      {done && <SuccessBanner title={done} />}
      <ErrorSummary
        error={create.error}
        fields={{ name: "period-name", periodEnd: "period-end", dueDate: "period-due" }}
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
            { header: "Data as at", cell: (p) => p.periodEnd },
            { header: "Due", cell: (p) => p.dueDate },
            { header: "Submitted", numeric: true, cell: (p) => `${p.byStatus.submitted} of ${p.providers}` },
            { header: "Late", numeric: true, cell: (p) => p.byStatus.late },
          ]}
        />
      )}
      {org.permissions.includes("returns.manage") && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setDone(null);
            create.mutate();
          }}
          noValidate
        >
          <h2 className="govuk-heading-m">Set a return period</h2>
          <TextInput
            id="period-name"
            name="name"
            label="Name"
            hint="For example, Quarter 3 2026/27"
            value={form.name}
            onChange={set("name")}
            error={errors.name}
            width="govuk-input--width-30"
          />
          <TextInput
            id="period-end"
            name="periodEnd"
            label="Data as at"
            hint="The period end, as YYYY-MM-DD"
            value={form.periodEnd}
            onChange={set("periodEnd")}
            error={errors.periodEnd}
            width="govuk-input--width-20"
          />
          <TextInput
            id="period-due"
            name="dueDate"
            label="Due date"
            hint="As YYYY-MM-DD"
            value={form.dueDate}
            onChange={set("dueDate")}
            error={errors.dueDate}
            width="govuk-input--width-20"
          />
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
    <Page title={period.name} caption={`Data as at ${period.periodEnd}, due ${period.dueDate}`}>
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
            cell: (p) => (p.submittedAt ? new Date(p.submittedAt).toLocaleDateString("en-GB") : "—"),
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
  const today = new Date().toISOString().slice(0, 10);
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
            { header: "Period", cell: (r) => `${r.period.name} (${r.council})` },
            { header: "Data as at", cell: (r) => r.period.periodEnd },
            { header: "Due", cell: (r) => r.period.dueDate },
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
