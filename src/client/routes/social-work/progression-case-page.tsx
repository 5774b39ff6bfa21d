import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { longDate } from "../../../shared/dates";
import { Button, ErrorSummary } from "../../components/forms";
import { Page } from "../../components/Page";
import { progressionQueries, submitCase } from "../../queries/social-work-progression";

// A progression case (issue 20 item 6): the step, the worker's eligibility with the reasons not
// met, evidence, panel date and decision.

const route = getRouteApi("/orgs/$orgId/social-work/progression/$caseId");

export function SwProgressionCasePage() {
  const { orgId, caseId } = route.useParams();
  const qc = useQueryClient();
  const q = useQuery(progressionQueries.case(orgId, caseId));
  const submit = useMutation({
    mutationFn: () => submitCase(orgId, caseId),
    onSuccess: () => qc.invalidateQueries({ queryKey: progressionQueries.all(orgId) }),
  });
  const d = q.data;
  return (
    <Page title={d ? `${d.case.workerName}: ${d.case.stepName}` : "Progression case"} caption="Social work progression">
      <ErrorSummary error={submit.error} />
      <p className="govuk-body">
        <Link to="/orgs/$orgId/social-work/progression" params={{ orgId }} className="govuk-link">
          All cases
        </Link>
      </p>
      {d && (
        <>
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Step</dt>
              <dd className="govuk-summary-list__value">
                {d.step.fromGrade} to {d.step.toGrade} (
                {d.step.automatic ? "automatic on passing the ASYE" : "by panel"})
              </dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Status</dt>
              <dd className="govuk-summary-list__value">
                {d.case.status}
                {d.case.decidedOn && ` on ${longDate(d.case.decidedOn)}`}
                {d.case.panelDate && `; panel ${longDate(d.case.panelDate)}`}
              </dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Eligibility today</dt>
              <dd className="govuk-summary-list__value">
                {d.eligibility.eligible ? "Meets the step's criteria" : d.eligibility.reasons.join(" ")}
              </dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Evidence asked for</dt>
              <dd className="govuk-summary-list__value">{d.step.evidence.join("; ") || "None"}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Evidence notes</dt>
              <dd className="govuk-summary-list__value" style={{ whiteSpace: "pre-wrap" }}>
                {d.case.evidenceNotes || "None yet"}
              </dd>
            </div>
            {d.case.decisionNotes && (
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Decision notes</dt>
                <dd className="govuk-summary-list__value">{d.case.decisionNotes}</dd>
              </div>
            )}
          </dl>
          {d.case.status === "preparing" && (
            <Button type="button" disabled={submit.isPending} onClick={() => submit.mutate()}>
              Submit to the panel
            </Button>
          )}
        </>
      )}
    </Page>
  );
}
