import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { longDate } from "../../../shared/dates";
import { Button } from "../../components/forms";
import { Page } from "../../components/Page";
import { useOrgId } from "../../lib/org";
import { type MyCohortView, trainingHubApi, trainingHubKeys, trainingHubQueries } from "../../queries/training-hub";
import { CandidateNav } from "./parts";

// The candidate's pre-employment course places (issue 18 item 8): what is shared with which
// employers, and the choice to share or stop sharing, which they can change at any time.

const STATUS: Record<MyCohortView["status"], string> = {
  enrolled: "On the course",
  completed: "Completed",
  withdrawn: "Left the course",
};

function CohortCard({ c }: { c: MyCohortView }): React.ReactNode {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  const consent = useMutation({
    mutationFn: (share: boolean) => trainingHubApi.consent(orgId, c.learnerId, { share }),
    onSuccess: (data) => queryClient.setQueryData(trainingHubKeys.mine(orgId), data),
  });
  const sharing = c.sharedAt !== null;
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby={`cohort-${c.learnerId}`}>
      <h2 className="govuk-heading-m" id={`cohort-${c.learnerId}`}>
        {c.courseTitle}
      </h2>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Cohort</dt>
          <dd className="govuk-summary-list__value">
            {c.cohortName}, with {c.partner}, {longDate(c.startsOn)} to {longDate(c.endsOn)}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Status</dt>
          <dd className="govuk-summary-list__value">
            {STATUS[c.status]}
            {c.completedOn ? ` on ${longDate(c.completedOn)}` : ""}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Employers guaranteeing an interview</dt>
          <dd className="govuk-summary-list__value">{c.employers.join(", ") || "None yet"}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Sharing your details</dt>
          <dd className="govuk-summary-list__value">
            {sharing ? `Yes, since ${longDate(c.sharedAt)}` : "No: the employers cannot see you"}
          </dd>
        </div>
      </dl>
      <p className="govuk-body">While you share your details, these employers see:</p>
      <ul className="govuk-list govuk-list--bullet">
        {c.shared.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      {consent.error && (
        <div className="govuk-error-summary" role="alert">
          <p className="govuk-body">{(consent.error as Error).message}</p>
        </div>
      )}
      {sharing ? (
        <Button secondary type="button" disabled={consent.isPending} onClick={() => consent.mutate(false)}>
          Stop sharing my details
        </Button>
      ) : (
        <Button type="button" disabled={consent.isPending} onClick={() => consent.mutate(true)}>
          Share my details with these employers
        </Button>
      )}
    </section>
  );
}

export function CandidateCohortsPage(): React.ReactNode {
  const orgId = useOrgId();
  const mine = useQuery(trainingHubQueries.mine(orgId));
  return (
    <Page title="My courses">
      <CandidateNav orgId={orgId} current="/orgs/$orgId/candidate/cohorts" />
      <p className="govuk-body">
        The course for people new to care ends with a guaranteed interview with each employer taking part. They see you
        only if you choose to share your details, and you can stop at any time: they will not see you from then on.
      </p>
      {mine.error && (
        <div className="govuk-inset-text" role="alert">
          {(mine.error as Error).message}
        </div>
      )}
      {mine.data && mine.data.cohorts.length === 0 && <p className="govuk-body">You are not on a course.</p>}
      {mine.data?.cohorts.map((c) => (
        <CohortCard key={c.learnerId} c={c} />
      ))}
    </Page>
  );
}
