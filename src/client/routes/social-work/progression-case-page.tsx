import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { longDate, todayIso } from "../../../shared/dates";
import { CASE_DECISIONS, type CaseDecision } from "../../../shared/sw-progression";
import { DateInput } from "../../components/DateInput";
import { Button, ErrorSummary, fieldErrors, Select, SuccessBanner, TextArea } from "../../components/forms";
import { Page } from "../../components/Page";
import { PlainForm, useDateBoxes } from "../../components/plain-form";
import { SummaryList, SummaryRow } from "../../components/SummaryList";
import { useOrg } from "../../lib/org";
import {
  CASE_STATUS_LABELS,
  decideCase,
  type ProgressionCaseResponse,
  progressionQueries,
  submitCase,
  updateCase,
} from "../../queries/social-work-progression";
import { WorkerLink } from "./common";

// A progression case (issue 20 item 6): the step, the worker's eligibility with the reasons not
// met, evidence, panel date and decision. A team manager or the lead (socialwork.supervise) adds
// evidence notes, sets the panel date and submits; the service lead (socialwork.manage) records
// the panel's decision once the case is submitted.

const route = getRouteApi("/orgs/$orgId/social-work/progression/$caseId");
const DECISION_LABELS: Record<CaseDecision, string> = {
  approved: "Approved: the worker moves to the new grade",
  deferred: "Deferred: to come back to the panel later",
  declined: "Declined",
};

export function SwProgressionCasePage() {
  const { orgId, caseId } = route.useParams();
  const org = useOrg(orgId);
  const perms = org.data?.permissions ?? [];
  const qc = useQueryClient();
  const q = useQuery(progressionQueries.case(orgId, caseId));
  const [done, setDone] = useState<string | null>(null);
  const submit = useMutation({
    mutationFn: () => submitCase(orgId, caseId),
    onSuccess: () => {
      setDone("The case is submitted to the panel.");
      qc.invalidateQueries({ queryKey: progressionQueries.all(orgId) });
    },
  });
  const d = q.data;
  const open = d && (d.case.status === "preparing" || d.case.status === "submitted");
  return (
    <Page title={d ? `${d.case.workerName}: ${d.case.stepName}` : "Progression case"} caption="Social work progression">
      {done && <SuccessBanner title={done} />}
      {q.isError && <ErrorSummary error={q.error} />}
      <ErrorSummary error={submit.error} />
      <p className="govuk-body">
        <Link to="/orgs/$orgId/social-work/progression" params={{ orgId }} className="govuk-link">
          All cases
        </Link>
        {d && (
          <>
            {" · "}
            <WorkerLink orgId={orgId} staffId={d.case.staffRecordId} name={`${d.case.workerName}'s records`} />
          </>
        )}
      </p>
      {d && (
        <>
          <SummaryList>
            <SummaryRow label="Step">
              {d.step.fromGrade} to {d.step.toGrade} ({d.step.automatic ? "automatic on passing the ASYE" : "by panel"})
            </SummaryRow>
            <SummaryRow label="Team">{d.case.teamName}</SummaryRow>
            <SummaryRow label="Status">
              {CASE_STATUS_LABELS[d.case.status]}
              {d.case.decidedOn && ` on ${longDate(d.case.decidedOn)}`}
              {d.case.panelDate && `; panel ${longDate(d.case.panelDate)}`}
            </SummaryRow>
            <SummaryRow label="Eligibility today">
              {d.eligibility.eligible ? (
                "Meets the step's criteria"
              ) : (
                <ul className="govuk-list govuk-list--bullet">
                  {d.eligibility.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              )}
            </SummaryRow>
            {d.step.criteria.length > 0 && <SummaryRow label="Criteria">{d.step.criteria.join("; ")}</SummaryRow>}
            <SummaryRow label="Evidence asked for">{d.step.evidence.join("; ") || "None"}</SummaryRow>
            <SummaryRow label="Evidence notes" preWrap>
              {d.case.evidenceNotes || "None yet"}
            </SummaryRow>
            {d.case.decisionNotes && (
              <SummaryRow label="Decision notes" preWrap>
                {d.case.decisionNotes}
              </SummaryRow>
            )}
          </SummaryList>
          {perms.includes("socialwork.supervise") && open && (
            <CaseDetails key={`${d.case.evidenceNotes}|${d.case.panelDate}`} orgId={orgId} d={d} onSaved={setDone} />
          )}
          {perms.includes("socialwork.supervise") && d.case.status === "preparing" && (
            <>
              <h2 className="govuk-heading-m">Submit to the panel</h2>
              <p className="govuk-body">
                {d.step.evidence.length > 0
                  ? "This step asks for evidence: add evidence notes before submitting."
                  : "Once submitted, the service lead records the panel's decision."}
              </p>
              <Button
                type="button"
                disabled={submit.isPending}
                onClick={() => {
                  setDone(null);
                  submit.mutate();
                }}
              >
                Submit to the panel
              </Button>
            </>
          )}
          {perms.includes("socialwork.manage") && d.case.status === "submitted" && (
            <Decide orgId={orgId} d={d} onSaved={setDone} />
          )}
        </>
      )}
    </Page>
  );
}

/** Evidence notes and the panel date, while the case is open. */
function CaseDetails({
  orgId,
  d,
  onSaved,
}: {
  orgId: string;
  d: ProgressionCaseResponse;
  onSaved: (message: string | null) => void;
}) {
  const qc = useQueryClient();
  const [notes, setNotes] = useState(d.case.evidenceNotes);
  const panel = useDateBoxes(d.case.panelDate);
  const save = useMutation({
    mutationFn: (panelDate: string | null) => updateCase(orgId, d.case.id, { evidenceNotes: notes, panelDate }),
    onSuccess: () => {
      onSaved("The case is saved.");
      qc.invalidateQueries({ queryKey: progressionQueries.all(orgId) });
    },
  });
  const errors = fieldErrors(save.error);
  return (
    <>
      <h2 className="govuk-heading-m">Evidence and panel date</h2>
      <ErrorSummary error={save.error} fields={{ evidenceNotes: "case-notes", panelDate: "case-panel-day" }} />
      <PlainForm
        onSubmit={() => {
          onSaved(null);
          // An empty date clears the panel date; a part-typed one is refused, not dropped.
          const panelDate = panel.read("Panel date", null);
          if (panelDate !== undefined) save.mutate(panelDate);
        }}
      >
        <TextArea
          id="case-notes"
          label="Evidence notes"
          hint={
            d.step.evidence.length > 0
              ? `The step asks for: ${d.step.evidence.join("; ")}`
              : "What shows the worker meets the step"
          }
          value={notes}
          onChange={setNotes}
          error={errors.evidenceNotes}
          rows={6}
        />
        <DateInput
          id="case-panel"
          legend="Panel date (optional)"
          hint="For example 14 1 2027. Leave empty if not yet set"
          value={panel.value}
          onChange={panel.onChange}
          error={panel.error ?? errors.panelDate}
        />
        <Button disabled={save.isPending} secondary>
          Save the case
        </Button>
      </PlainForm>
    </>
  );
}

/** The panel's decision, once, for the service lead. */
function Decide({
  orgId,
  d,
  onSaved,
}: {
  orgId: string;
  d: ProgressionCaseResponse;
  onSaved: (message: string | null) => void;
}) {
  const qc = useQueryClient();
  const [decision, setDecision] = useState("");
  const on = useDateBoxes(d.case.panelDate ?? todayIso());
  const [notes, setNotes] = useState("");
  const decide = useMutation({
    mutationFn: (decidedOn: string) =>
      decideCase(orgId, d.case.id, { decision: decision as CaseDecision, decidedOn, notes }),
    onSuccess: (res) => {
      onSaved(
        res.case.status === "approved"
          ? `Approved: ${res.case.workerName} moves to ${res.step.toGrade}.`
          : `The decision is recorded: ${CASE_STATUS_LABELS[res.case.status].toLowerCase()}.`,
      );
      qc.invalidateQueries({ queryKey: progressionQueries.all(orgId) });
    },
  });
  const errors = fieldErrors(decide.error);
  return (
    <>
      <h2 className="govuk-heading-m">Record the panel's decision</h2>
      <p className="govuk-body">A decision is recorded once. Approving moves the worker to {d.step.toGrade}.</p>
      <ErrorSummary
        error={decide.error}
        fields={{ decision: "decision", decidedOn: "decision-on-day", notes: "decision-notes" }}
      />
      <PlainForm
        onSubmit={() => {
          onSaved(null);
          // A blank date goes to the server, which asks for it; a part-typed one is refused here.
          const decidedOn = on.read("Date of the decision", "");
          if (decidedOn !== undefined) decide.mutate(decidedOn);
        }}
      >
        <Select
          id="decision"
          name="decision"
          label="Decision"
          value={decision}
          onChange={setDecision}
          error={errors.decision}
          options={[
            { value: "", label: "Choose the decision" },
            ...CASE_DECISIONS.map((c) => ({ value: c, label: DECISION_LABELS[c] })),
          ]}
        />
        <DateInput
          id="decision-on"
          legend="Date of the decision"
          hint="For example 14 1 2027"
          value={on.value}
          onChange={on.onChange}
          error={on.error ?? errors.decidedOn}
        />
        <TextArea
          id="decision-notes"
          label="Decision notes (optional)"
          hint="The panel's reasons, and for a deferral what to bring back"
          value={notes}
          onChange={setNotes}
          error={errors.notes}
          rows={4}
        />
        <Button disabled={decide.isPending}>Record the decision</Button>
      </PlainForm>
    </>
  );
}
