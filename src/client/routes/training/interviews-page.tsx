import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { dateFromParts, datePartsOf } from "../../../shared/date-input";
import { longDate } from "../../../shared/dates";
import { INTERVIEW_OUTCOMES, type InterviewOutcome } from "../../../shared/training";
import {
  Button,
  DateField,
  Form,
  RadiosField,
  SelectField,
  SuccessBanner,
  useSchemaForm,
} from "../../components/forms";
import { Page } from "../../components/Page";
import { useOrg, useOrgId } from "../../lib/org";
import { staffQueries } from "../../queries/staff";
import {
  type GuaranteedInterviewView,
  trainingHubApi,
  trainingHubKeys,
  trainingHubQueries,
} from "../../queries/training-hub";

// An employer's guaranteed interviews (issue 18 item 8): learners who completed the council's
// pre-employment course and chose to share their details with the employers taking part. The
// employer records the interview, the offer and the start (linking the staff record it made).

export const OUTCOME_LABELS: Record<InterviewOutcome, string> = {
  pending: "Not decided yet",
  offered: "Offered a job",
  not_offered: "Not offered a job",
  declined: "Offered, but they turned it down",
  no_show: "Did not come to the interview",
};

const recordForm = z.object({
  interviewOn: dateFromParts("Interview date", { optional: true }),
  outcome: z.enum(INTERVIEW_OUTCOMES, { error: "Choose the interview's outcome" }),
  offeredOn: dateFromParts("Date of the offer", { optional: true }),
  startedOn: dateFromParts("Start date", { optional: true }),
  staffRecordId: z.string().transform((v) => v || null),
});

function RecordForm({ interview }: { interview: GuaranteedInterviewView }): React.ReactNode {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  const staff = useQuery(staffQueries.list(orgId, { status: "current" }));
  const form = useSchemaForm(recordForm, {
    interviewOn: datePartsOf(interview.interviewOn),
    outcome: interview.outcome,
    offeredOn: datePartsOf(interview.offeredOn),
    startedOn: datePartsOf(interview.startedOn),
    staffRecordId: interview.staffRecordId ?? "",
  });
  const save = useMutation({
    mutationFn: (v: z.output<typeof recordForm>) => trainingHubApi.recordInterview(orgId, interview.id, v),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trainingHubKeys.interviews(orgId) }),
  });
  const newest = [...(staff.data?.staff ?? [])].sort((a, b) => b.startDate.localeCompare(a.startDate)).slice(0, 50);
  return (
    <Form form={form} onSubmit={(v) => save.mutate(v)} error={save.error}>
      {save.isSuccess && <SuccessBanner title="Interview saved" />}
      <DateField name="interviewOn" legend="Interview date" hint="For example 14 12 2026" />
      <RadiosField
        name="outcome"
        legend="Outcome"
        small
        choices={INTERVIEW_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))}
      />
      <DateField name="offeredOn" legend="Date of the offer" hint="Only when you offered a job" />
      <DateField name="startedOn" legend="Start date" hint="Only when they took up the offer and started" />
      <SelectField
        name="staffRecordId"
        label="Their staff record"
        hint="Add them to your staff first; this links the start so the council can see who is still in post at six months"
        choices={[
          { value: "", label: "Not linked" },
          ...newest.map((s) => ({ value: s.id, label: `${s.name || s.reference} (started ${longDate(s.startDate)})` })),
        ]}
      />
      <Button>Save the interview</Button>
    </Form>
  );
}

export function GuaranteedInterviewsPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const list = useQuery(trainingHubQueries.interviews(orgId));
  const rows = list.data?.interviews ?? [];
  return (
    <Page title="Guaranteed interviews" caption={org.data?.name}>
      <p className="govuk-body">
        People who completed the council's pre-employment course. Your organisation guarantees each an interview. You
        see only those who chose to share their details with you; if someone stops sharing, an interview you recorded
        stays, without their details.
      </p>
      {list.error && (
        <div className="govuk-inset-text" role="alert">
          {(list.error as Error).message}
        </div>
      )}
      {list.data && rows.length === 0 && <p className="govuk-body">Nobody is waiting for a guaranteed interview.</p>}
      {rows.map((i) => (
        <section key={i.id} className="govuk-!-margin-bottom-8" aria-labelledby={`interview-${i.id}`}>
          <h2 className="govuk-heading-m" id={`interview-${i.id}`}>
            {i.learner?.name ?? "A learner who stopped sharing their details"}
          </h2>
          <dl className="govuk-summary-list">
            <Row label="Course">{`${i.cohortName}, with ${i.partner}`}</Row>
            <Row label="Completed">{longDate(i.completedOn) || "Not yet"}</Row>
            {i.learner && (
              <>
                <Row label="Email">{i.learner.email}</Row>
                <Row label="Phone">{i.learner.phone || "Not given"}</Row>
                <Row label="Experience">{i.learner.experience || "Not given"}</Row>
                <Row label="Availability">{i.learner.availability || "Not given"}</Row>
                <Row label="Areas">{i.learner.areas.join(", ") || "Not given"}</Row>
              </>
            )}
            <Row label="Outcome">
              <strong className="govuk-tag">{OUTCOME_LABELS[i.outcome]}</strong>
            </Row>
          </dl>
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">Record the interview</span>
            </summary>
            <div className="govuk-details__text">
              <RecordForm interview={i} />
            </div>
          </details>
        </section>
      ))}
    </Page>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }): React.ReactNode {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}
