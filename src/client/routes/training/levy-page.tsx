import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { dateFromParts, datePartsOf } from "../../../shared/date-input";
import { longDate } from "../../../shared/dates";
import { formatPence } from "../../../shared/training";
import {
  asNumber,
  Button,
  DateField,
  ErrorSummary,
  Form,
  SelectField,
  TextAreaField,
  TextField,
  useSchemaForm,
} from "../../components/forms";
import { Page } from "../../components/Page";
import { Section } from "../../components/Section";
import { Table } from "../../components/Table";
import { useOrg, useOrgId } from "../../lib/org";
import {
  apprenticeshipApi,
  apprenticeshipKeys,
  apprenticeshipQueries,
  type MyLevyRequestView,
  type OpenPledgesResponse,
  type PledgeView,
} from "../../queries/training-apprenticeships";

// Levy transfer brokerage (issue 18 item 6). A levy payer (the council, an NHS partner) pledges
// part of its transfer allowance and decides requests; a provider sees open pledges, asks for
// part of one for named starts, and follows its requests.

const STATUS: Record<string, string> = {
  pending: "Waiting for a decision",
  approved: "Approved",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
};

const pledgeForm = z.object({
  levyPaid: z.number({ error: "Enter the levy paid last financial year in pounds" }).positive("Enter the levy paid"),
  amount: z.number({ error: "Enter the amount to pledge in pounds" }).positive("Enter the amount to pledge"),
  standards: z.string(),
  opensOn: dateFromParts("Opening date"),
  closesOn: dateFromParts("Closing date"),
  notes: z.string(),
});

function PledgeForm(): React.ReactNode {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  const form = useSchemaForm(pledgeForm, {
    levyPaid: undefined as unknown as number,
    amount: undefined as unknown as number,
    standards: "",
    opensOn: datePartsOf(null),
    closesOn: datePartsOf(null),
    notes: "",
  });
  const pledge = useMutation({
    mutationFn: (v: z.output<typeof pledgeForm>) =>
      apprenticeshipApi.pledge(orgId, {
        levyPaidPence: Math.round(v.levyPaid * 100),
        amountPence: Math.round(v.amount * 100),
        standards: v.standards
          .split(/[\s,]+/)
          .map((s) => s.trim().toUpperCase())
          .filter(Boolean),
        opensOn: v.opensOn,
        closesOn: v.closesOn,
        notes: v.notes,
      }),
    onSuccess: () => {
      form.reset();
      queryClient.invalidateQueries({ queryKey: apprenticeshipKeys.pledges(orgId) });
    },
  });
  return (
    <Form form={form} onSubmit={(v) => pledge.mutate(v)} error={pledge.error}>
      <TextField name="levyPaid" label="Levy paid last financial year (£)" options={asNumber()} />
      <TextField
        name="amount"
        label="Amount to pledge (£)"
        hint="With your other open pledges, at most half of the levy paid"
        options={asNumber()}
      />
      <TextField name="standards" label="Standards it funds" hint="For example ST0005, ST0006; leave empty for any" />
      <DateField name="opensOn" legend="Opens on" />
      <DateField name="closesOn" legend="Closes on" />
      <TextAreaField name="notes" label="Notes for providers" />
      <Button disabled={pledge.isPending}>Pledge</Button>
    </Form>
  );
}

function Pledger(): React.ReactNode {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  const pledges = useQuery(apprenticeshipQueries.pledges(orgId));
  const decide = useMutation({
    mutationFn: (v: { pledgeId: string; requestId: string; decision: "approve" | "reject" }) =>
      apprenticeshipApi.decide(orgId, v.pledgeId, v.requestId, { decision: v.decision, note: "" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apprenticeshipKeys.pledges(orgId) }),
  });
  const d = pledges.data;
  return (
    <>
      {pledges.error && <ErrorSummary error={pledges.error} />}
      {decide.error && <ErrorSummary error={decide.error} />}
      {d && (
        <>
          <Section id="allowance" title="Your transfer allowance">
            <dl className="govuk-summary-list">
              {(
                [
                  ["Allowance (half of last year's levy)", d.tracker.allowancePence],
                  ["Pledged (open pledges)", d.tracker.pledgedPence],
                  ["Approved (used)", d.tracker.approvedPence],
                  ["Left in pledges", d.tracker.leftInPledgesPence],
                  ["Not yet pledged", d.tracker.remainingPence],
                ] as const
              ).map(([k, v]) => (
                <div className="govuk-summary-list__row" key={k}>
                  <dt className="govuk-summary-list__key">{k}</dt>
                  <dd className="govuk-summary-list__value">{formatPence(v)}</dd>
                </div>
              ))}
            </dl>
            <div className="govuk-inset-text">{d.expiryNote}</div>
          </Section>
          {d.pledges.map((p: PledgeView) => (
            <Section key={p.id} id={`pledge-${p.id}`} title={`Pledge of ${formatPence(p.amountPence)}`}>
              <p className="govuk-body">
                Open {longDate(p.opensOn)} to {longDate(p.closesOn)}; {formatPence(p.leftPence)} left;{" "}
                {p.standards.length ? `for ${p.standards.join(", ")}` : "any standard"}.
              </p>
              <Table<PledgeView["requests"][number]>
                caption={`Requests for the pledge of ${formatPence(p.amountPence)}`}
                rowKey={(r) => r.id}
                rows={p.requests}
                columns={[
                  { header: "Provider", cell: (r) => r.requester },
                  { header: "Standard", cell: (r) => r.standard },
                  { header: "Amount", numeric: true, cell: (r) => formatPence(r.amountPence) },
                  { header: "Starts", numeric: true, cell: (r) => r.starts },
                  { header: "People", cell: (r) => r.people.join(", ") },
                  { header: "Status", cell: (r) => STATUS[r.status] },
                  {
                    header: "Decide",
                    hiddenHeader: true,
                    cell: (r) =>
                      r.status === "pending" ? (
                        <div className="govuk-button-group">
                          <Button
                            type="button"
                            onClick={() => decide.mutate({ pledgeId: p.id, requestId: r.id, decision: "approve" })}
                          >
                            Approve
                          </Button>
                          <Button
                            type="button"
                            secondary
                            onClick={() => decide.mutate({ pledgeId: p.id, requestId: r.id, decision: "reject" })}
                          >
                            Reject
                          </Button>
                        </div>
                      ) : null,
                  },
                ]}
              />
            </Section>
          ))}
        </>
      )}
      <Section id="new-pledge" title="Pledge levy">
        <PledgeForm />
      </Section>
    </>
  );
}

const requestForm = z.object({
  pledgeId: z.string().min(1, "Choose the pledge to ask for"),
  standard: z.string().trim().min(1, "Enter the standard, like ST0005"),
  amount: z.number({ error: "Enter the amount in pounds" }).positive("Enter the amount"),
  staffRecordIds: z.array(z.string()).min(1, "Choose at least one person"),
  reason: z.string(),
});

function RequestForm({ data }: { data: OpenPledgesResponse }): React.ReactNode {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  const form = useSchemaForm(requestForm, {
    pledgeId: data.pledges[0]?.id ?? "",
    standard: data.pledges[0]?.standards[0] ?? "ST0005",
    amount: undefined as unknown as number,
    staffRecordIds: [],
    reason: "",
  });
  const ask = useMutation({
    mutationFn: (v: z.output<typeof requestForm>) =>
      apprenticeshipApi.request(orgId, {
        pledgeId: v.pledgeId,
        standard: v.standard.toUpperCase(),
        amountPence: Math.round(v.amount * 100),
        staffRecordIds: v.staffRecordIds,
        reason: v.reason,
      }),
    onSuccess: () => {
      form.reset();
      queryClient.invalidateQueries({ queryKey: apprenticeshipKeys.open(orgId) });
    },
  });
  return (
    <Form form={form} onSubmit={(v) => ask.mutate(v)} error={ask.error}>
      <SelectField
        name="pledgeId"
        label="Pledge"
        choices={data.pledges.map((p) => ({ value: p.id, label: `${p.pledger}: ${formatPence(p.leftPence)} left` }))}
      />
      <TextField name="standard" label="Standard" hint="For example ST0005" />
      <TextField name="amount" label="Amount (£)" options={asNumber()} />
      <div className="govuk-form-group">
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">The people the starts are for</legend>
          <div className="govuk-hint">The pledger will see their names as you record them</div>
          <div className="govuk-checkboxes govuk-checkboxes--small">
            {data.staff.map((s) => (
              <div className="govuk-checkboxes__item" key={s.id}>
                <input
                  className="govuk-checkboxes__input"
                  id={`p-${s.id}`}
                  type="checkbox"
                  value={s.id}
                  {...form.register("staffRecordIds")}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={`p-${s.id}`}>
                  {s.name}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <TextAreaField name="reason" label="Why you are asking" />
      <Button disabled={ask.isPending}>Send the request</Button>
    </Form>
  );
}

function Requester(): React.ReactNode {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  const open = useQuery(apprenticeshipQueries.openPledges(orgId));
  const withdraw = useMutation({
    mutationFn: (id: string) => apprenticeshipApi.withdraw(orgId, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apprenticeshipKeys.open(orgId) }),
  });
  const d = open.data;
  return (
    <>
      {open.error && <ErrorSummary error={open.error} />}
      {withdraw.error && <ErrorSummary error={withdraw.error} />}
      {d && (
        <>
          <Section id="open" title="Open pledges in your area">
            {d.pledges.length === 0 ? (
              <p className="govuk-body">No pledges are open now.</p>
            ) : (
              <Table<OpenPledgesResponse["pledges"][number]>
                caption="Open pledges"
                rowKey={(p) => p.id}
                rows={d.pledges}
                columns={[
                  { header: "Pledged by", cell: (p) => p.pledger },
                  { header: "Left", numeric: true, cell: (p) => formatPence(p.leftPence) },
                  { header: "Standards", cell: (p) => (p.standards.length ? p.standards.join(", ") : "Any") },
                  { header: "Closes", cell: (p) => longDate(p.closesOn) },
                ]}
              />
            )}
          </Section>
          {d.pledges.length > 0 && (
            <Section id="ask" title="Ask for levy">
              <RequestForm data={d} />
            </Section>
          )}
          <Section id="mine" title="Your requests">
            <Table<MyLevyRequestView>
              caption="Your levy requests"
              rowKey={(r) => r.id}
              rows={d.requests}
              columns={[
                { header: "Pledged by", cell: (r) => r.pledger },
                { header: "Standard", cell: (r) => r.standard },
                { header: "Amount", numeric: true, cell: (r) => formatPence(r.amountPence) },
                { header: "People", cell: (r) => r.people.map((p) => p.name).join(", ") },
                { header: "Status", cell: (r) => `${STATUS[r.status]}${r.decisionNote ? `: ${r.decisionNote}` : ""}` },
                {
                  header: "Withdraw",
                  hiddenHeader: true,
                  cell: (r) =>
                    r.status === "pending" ? (
                      <Button type="button" secondary onClick={() => withdraw.mutate(r.id)}>
                        Withdraw
                      </Button>
                    ) : null,
                },
              ]}
            />
          </Section>
        </>
      )}
    </>
  );
}

export function LevyPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const kind = org.data?.kind;
  return (
    <Page title="Apprenticeship levy transfers" caption={org.data?.name}>
      <p className="govuk-body">
        Levy-paying employers may transfer up to half of last year's levy to other employers' apprenticeships. Transfers
        pay training and assessment up to the funding band, and the employer receiving them pays no co-investment.
      </p>
      {kind === "provider" ? <Requester /> : kind ? <Pledger /> : null}
    </Page>
  );
}
