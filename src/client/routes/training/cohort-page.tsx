import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import type { z } from "zod";
import { longDate, todayIso } from "../../../shared/dates";
import { learnerInput } from "../../../shared/schemas/training-hub";
import { Button, Form, TextField, useSchemaForm } from "../../components/forms";
import { Page } from "../../components/Page";
import { Section } from "../../components/Section";
import { Table } from "../../components/Table";
import { useOrgId } from "../../lib/org";
import { type LearnerView, trainingHubApi, trainingHubKeys, trainingHubQueries } from "../../queries/training-hub";

// One cohort of the pre-employment course: its learners, enrolling a candidate by email, and
// recording completion (which opens the guaranteed interviews) or withdrawal.

const route = getRouteApi("/orgs/$orgId/training/cohorts/$cohortId");

const STATUS: Record<LearnerView["status"], string> = {
  enrolled: "On the course",
  completed: "Completed",
  withdrawn: "Left",
};

function EnrolForm({ cohortId }: { cohortId: string }): React.ReactNode {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  const form = useSchemaForm(learnerInput, { email: "" });
  const enrol = useMutation({
    mutationFn: (v: z.output<typeof learnerInput>) => trainingHubApi.enrol(orgId, cohortId, v),
    onSuccess: () => {
      form.reset();
      queryClient.invalidateQueries({ queryKey: trainingHubKeys.cohorts(orgId) });
    },
  });
  return (
    <Form form={form} onSubmit={(v) => enrol.mutate(v)} error={enrol.error}>
      <TextField
        name="email"
        label="Candidate's email address"
        hint="They must have signed up as a candidate on your job board. We email them to ask whether to share their details with the employers."
        type="email"
        autoComplete="off"
        spellCheck={false}
      />
      <Button>Enrol</Button>
    </Form>
  );
}

function LearnerActions({ cohortId, learner }: { cohortId: string; learner: LearnerView }): React.ReactNode {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  const done = () => queryClient.invalidateQueries({ queryKey: trainingHubKeys.cohorts(orgId) });
  const complete = useMutation({
    mutationFn: () => trainingHubApi.complete(orgId, cohortId, learner.id, { completedOn: todayIso() }),
    onSuccess: done,
  });
  const withdraw = useMutation({
    mutationFn: () => trainingHubApi.withdraw(orgId, cohortId, learner.id),
    onSuccess: done,
  });
  if (learner.status !== "enrolled") return null;
  const error = complete.error ?? withdraw.error;
  return (
    <div className="govuk-button-group">
      <Button type="button" secondary onClick={() => complete.mutate()} disabled={complete.isPending}>
        Completed today<span className="govuk-visually-hidden">: {learner.name}</span>
      </Button>
      <Button type="button" warning onClick={() => withdraw.mutate()} disabled={withdraw.isPending}>
        Left the course<span className="govuk-visually-hidden">: {learner.name}</span>
      </Button>
      {error && (
        <p className="govuk-error-message" role="alert">
          {(error as Error).message}
        </p>
      )}
    </div>
  );
}

export function CohortPage(): React.ReactNode {
  const orgId = useOrgId();
  const { cohortId } = route.useParams();
  const q = useQuery(trainingHubQueries.cohort(orgId, cohortId));
  const c = q.data?.cohort;
  return (
    <Page title={c?.name ?? "Cohort"} caption="Pre-employment course">
      <p className="govuk-body">
        <Link className="govuk-link" to="/orgs/$orgId/training/cohorts" params={{ orgId }}>
          All cohorts
        </Link>
      </p>
      {q.error && (
        <div className="govuk-inset-text" role="alert">
          {(q.error as Error).message}
        </div>
      )}
      {c && q.data && (
        <>
          {c.warnings.map((w) => (
            <div className="govuk-warning-text" key={w}>
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">{w}</strong>
            </div>
          ))}
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Course</dt>
              <dd className="govuk-summary-list__value">{c.courseTitle}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">With</dt>
              <dd className="govuk-summary-list__value">{c.partner}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Dates</dt>
              <dd className="govuk-summary-list__value">
                {longDate(c.startsOn)} to {longDate(c.endsOn)}
              </dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Employers guaranteeing an interview</dt>
              <dd className="govuk-summary-list__value">{c.employers.map((e) => e.name).join(", ")}</dd>
            </div>
          </dl>
          <Section id="learners" title="Learners">
            {q.data.learners.length === 0 ? (
              <p className="govuk-body">Nobody is enrolled yet.</p>
            ) : (
              <Table
                caption="Learners"
                rowKey={(l: LearnerView) => l.id}
                rows={q.data.learners}
                columns={[
                  { header: "Name", cell: (l) => l.name },
                  { header: "Email", cell: (l) => l.email },
                  {
                    header: "Status",
                    cell: (l) => `${STATUS[l.status]}${l.completedOn ? ` on ${longDate(l.completedOn)}` : ""}`,
                  },
                  { header: "Sharing details", cell: (l) => (l.sharedAt ? "Yes" : "No") },
                  {
                    header: "Actions",
                    hiddenHeader: true,
                    cell: (l) => <LearnerActions cohortId={c.id} learner={l} />,
                  },
                ]}
              />
            )}
          </Section>
          <Section id="enrol" title="Enrol a candidate">
            <EnrolForm cohortId={c.id} />
          </Section>
        </>
      )}
    </Page>
  );
}
