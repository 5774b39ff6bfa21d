import { useQuery } from "@tanstack/react-query";
import { longDate } from "../../../../shared/dates";
import type { WorkerProgressionResponse } from "../../../../shared/schemas/social-work-progression";
import { progressionQueries } from "../../../queries/social-work-progression";
import type { WorkerSource } from "./source";

// A social worker's progression (issue 20 item 6): grade, next step, eligibility with the reasons
// not met, cases, last development review and when the next is due.

const REVIEW: Record<string, string> = {
  never: "No development review recorded",
  overdue: "Overdue",
  due: "Due soon",
  up_to_date: "Up to date",
};

function Glance({ p }: { p: WorkerProgressionResponse }) {
  return (
    <>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Grade</dt>
          <dd className="govuk-summary-list__value">
            {p.grade ?? "Not recorded"} (since {longDate(p.gradeSince)})
          </dd>
        </div>
        {p.frameworkRole && (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Career framework role</dt>
            <dd className="govuk-summary-list__value">
              <a className="govuk-link" href="/careers">
                {p.frameworkRole.title}
              </a>
            </dd>
          </div>
        )}
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Next step</dt>
          <dd className="govuk-summary-list__value">
            {p.nextStep ? `${p.nextStep.name}: ${p.nextStep.fromGrade} to ${p.nextStep.toGrade}` : "None in the scheme"}
            {p.eligibility &&
              (p.eligibility.eligible ? (
                <p className="govuk-body govuk-!-margin-0">Meets the step's criteria today.</p>
              ) : (
                <ul className="govuk-list govuk-list--bullet">
                  {p.eligibility.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              ))}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Development review</dt>
          <dd className="govuk-summary-list__value">
            {REVIEW[p.review.status]}
            {p.lastReview &&
              ` (last ${longDate(p.lastReview.heldOn)}${p.lastReview.readyForProgression ? ", ready for progression" : ""})`}
            {p.review.dueOn && `; next due ${longDate(p.review.dueOn)}`}
          </dd>
        </div>
      </dl>
      {p.cases.length > 0 && (
        <ul className="govuk-list">
          {p.cases.map((c) => (
            <li key={c.id}>
              {c.stepName}: {c.status}
              {c.decidedOn ? ` on ${longDate(c.decidedOn)}` : c.panelDate ? `, panel ${longDate(c.panelDate)}` : ""}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function WorkerProgression({ orgId, staffId }: { orgId: string; staffId: string }) {
  const q = useQuery(progressionQueries.worker(orgId, staffId));
  return q.data ? <Glance p={q.data} /> : null;
}

function MyProgression() {
  const q = useQuery(progressionQueries.mine());
  return (
    <>
      {q.data?.records.map((p) => (
        <Glance key={p.staffRecordId} p={p} />
      ))}
    </>
  );
}

export function ProgressionSection({ source }: { source: WorkerSource }) {
  return (
    <section>
      <h2 className="govuk-heading-m">Progression</h2>
      {source.kind === "worker" ? (
        <WorkerProgression orgId={source.orgId} staffId={source.staffId} />
      ) : (
        <MyProgression />
      )}
    </section>
  );
}
