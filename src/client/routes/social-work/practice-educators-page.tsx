import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { pounds } from "../../../shared/commissioning-words";
import { type DateParts, datePartsOf, parseDateParts } from "../../../shared/date-input";
import { longDate } from "../../../shared/dates";
import { PE_PAYMENT_GRACE_DAYS, PE_PAYMENT_STATUS_LABELS } from "../../../shared/sw-routes-in";
import { DateInput } from "../../components/DateInput";
import { Button, ErrorSummary, fieldErrors } from "../../components/forms";
import { Page } from "../../components/Page";
import { PlainForm } from "../../components/plain-form";
import { Table } from "../../components/Table";
import { ApiError } from "../../lib/api";
import { useOrg, useOrgId } from "../../lib/org";
import { type PePaymentView, routesInApi, routesInKeys, routesInQueries } from "../../queries/social-work-routes-in";
import { SwPageLinks } from "./common";

// Practice educators (issue 20 item 7): each worker with a practice educator stage, the students
// they supported this academic year and ever, and their payments (one per student, due when the
// placement ends, overdue unpaid 30 days after); the service lead marks a payment paid.

const tallyText = (t: { count: number; amount: number }) => (t.count ? `${t.count} (${pounds(t.amount)})` : "0");

function MarkPaid({ orgId, payment, today }: { orgId: string; payment: PePaymentView; today: string }) {
  const queryClient = useQueryClient();
  const [on, setOn] = useState<DateParts>(datePartsOf(today));
  const [open, setOpen] = useState(false);
  const save = useMutation({
    mutationFn: () => {
      const parsed = parseDateParts(on, "Date paid");
      if (!parsed.ok)
        throw new ApiError(400, "validation", parsed.message, [{ path: "paidOn", message: parsed.message }]);
      return routesInApi.markPaid(orgId, payment.id, { paidOn: parsed.iso });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: routesInKeys.all(orgId) }),
  });
  const id = `paid-${payment.id}`;
  if (!open)
    return (
      <button
        type="button"
        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
        onClick={() => setOpen(true)}
      >
        Mark paid<span className="govuk-visually-hidden"> for {payment.traineeName}</span>
      </button>
    );
  return (
    <PlainForm onSubmit={() => save.mutate()}>
      <ErrorSummary error={save.error} fields={{ paidOn: `${id}-day` }} />
      <DateInput
        id={id}
        legend={`Date ${payment.practiceEducatorName} was paid for ${payment.traineeName}`}
        value={on}
        onChange={setOn}
        error={fieldErrors(save.error).paidOn}
      />
      <Button disabled={save.isPending}>Save</Button>
    </PlainForm>
  );
}

export function SwPracticeEducatorsPage() {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const canManage = org.data?.permissions.includes("socialwork.manage") ?? false;
  const q = useQuery(routesInQueries.practiceEducators(orgId));
  const d = q.data;
  const [showPaid, setShowPaid] = useState(false);
  const payments = d ? d.payments.filter((p) => showPaid || p.status !== "paid") : [];
  return (
    <Page title="Practice educators" caption="Social work service">
      <SwPageLinks
        orgId={orgId}
        links={[
          ["/orgs/$orgId/social-work", "Social work service"],
          ["/orgs/$orgId/social-work/routes-in", "Routes into social work"],
        ]}
      />
      {q.isError && <ErrorSummary error={q.error} />}
      {d && (
        <>
          <p className="govuk-body">
            A practice educator is paid once for each student they support. The payment is made due when the placement
            is recorded, falls due the day the placement ends, and is overdue if unpaid {PE_PAYMENT_GRACE_DAYS} days
            after. Students this academic year ({d.academicYear}) are placements that overlap it.
          </p>
          <Table
            caption={`${d.practiceEducators.length} practice educators`}
            rowKey={(p) => p.staffRecordId}
            rows={d.practiceEducators}
            columns={[
              { header: "Name", sortValue: (p) => p.name, cell: (p) => `${p.name}${p.inPost ? "" : " (left)"}` },
              { header: "Team", sortValue: (p) => p.teamName, cell: (p) => p.teamName },
              { header: "Stage", cell: (p) => (p.peStage ? `Stage ${p.peStage}` : "None recorded") },
              {
                header: `Students ${d.academicYear}`,
                numeric: true,
                sortValue: (p) => p.studentsThisYear,
                cell: (p) => p.studentsThisYear,
              },
              { header: "Students ever", numeric: true, sortValue: (p) => p.studentsEver, cell: (p) => p.studentsEver },
              { header: "Not due yet", numeric: true, cell: (p) => tallyText(p.notDue) },
              { header: "Due", numeric: true, cell: (p) => tallyText(p.due) },
              {
                header: "Overdue",
                numeric: true,
                sortValue: (p) => p.overdue.count,
                cell: (p) => tallyText(p.overdue),
              },
              { header: "Paid", numeric: true, cell: (p) => tallyText(p.paid) },
            ]}
          />
          <div
            className="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-4"
            data-module="govuk-checkboxes"
          >
            <div className="govuk-checkboxes__item">
              <input
                className="govuk-checkboxes__input"
                id="show-paid"
                type="checkbox"
                checked={showPaid}
                onChange={(e) => setShowPaid(e.target.checked)}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor="show-paid">
                Show paid payments too
              </label>
            </div>
          </div>
          <Table
            caption={showPaid ? "Payments" : "Payments not yet paid"}
            rowKey={(p) => p.id}
            rows={payments}
            columns={[
              {
                header: "Student",
                cell: (p) => (
                  <Link
                    to="/orgs/$orgId/social-work/routes-in/$traineeId"
                    params={{ orgId, traineeId: p.traineeId }}
                    className="govuk-link"
                  >
                    {p.traineeName}
                  </Link>
                ),
              },
              { header: "Practice educator", cell: (p) => p.practiceEducatorName },
              { header: "Amount", numeric: true, cell: (p) => pounds(p.amount) },
              { header: "Due", cell: (p) => longDate(p.dueOn) },
              {
                header: "Status",
                cell: (p) =>
                  p.status === "paid" && p.paidOn ? (
                    `Paid ${longDate(p.paidOn)}`
                  ) : p.status === "overdue" ? (
                    <strong className="govuk-tag govuk-tag--red">Overdue</strong>
                  ) : (
                    PE_PAYMENT_STATUS_LABELS[p.status]
                  ),
              },
              canManage && {
                header: "Action",
                hiddenHeader: true,
                cell: (p) => (p.status === "paid" ? null : <MarkPaid orgId={orgId} payment={p} today={d.today} />),
              },
            ]}
          />
        </>
      )}
    </Page>
  );
}
