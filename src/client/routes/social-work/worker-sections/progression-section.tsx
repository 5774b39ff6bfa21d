import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type DateParts, datePartsOf, isBlankDate, parseDateParts } from "../../../../shared/date-input";
import { longDate, todayIso } from "../../../../shared/dates";
import type { WorkerProgressionResponse } from "../../../../shared/schemas/social-work-progression";
import { DateInput } from "../../../components/DateInput";
import { Button, ErrorSummary, fieldErrors, SuccessBanner, TextArea } from "../../../components/forms";
import { useOrg } from "../../../lib/org";
import {
  CASE_STATUS_LABELS,
  linesOf,
  progressionQueries,
  recordReview,
} from "../../../queries/social-work-progression";
import type { WorkerSource } from "./source";

// A social worker's progression (issue 20 item 6): grade, next step, eligibility with the reasons
// not met, cases, last development review and when the next is due. On a worker's page, a team
// manager or the lead (socialwork.supervise) records a development review.

const REVIEW: Record<string, string> = {
  never: "No development review recorded",
  overdue: "Overdue",
  due: "Due soon",
  up_to_date: "Up to date",
};

/** `leftOn`: the day a leaver left; nothing is due for them, so no review status or due date. */
function Glance({ p, leftOn }: { p: WorkerProgressionResponse; leftOn?: string | null }) {
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
            {leftOn ? (p.lastReview ? "Last held" : "None recorded") : REVIEW[p.review.status]}
            {p.lastReview &&
              `${leftOn ? " " : " (last "}${longDate(p.lastReview.heldOn)}${p.lastReview.readyForProgression ? ", ready for progression" : ""}${leftOn ? "" : ")"}`}
            {!leftOn && p.review.dueOn && `; next due ${longDate(p.review.dueOn)}`}
          </dd>
        </div>
      </dl>
      {p.cases.length > 0 && (
        <ul className="govuk-list">
          {p.cases.map((c) => (
            <li key={c.id}>
              {c.stepName}: {CASE_STATUS_LABELS[c.status]}
              {c.decidedOn ? ` on ${longDate(c.decidedOn)}` : c.panelDate ? `, panel ${longDate(c.panelDate)}` : ""}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function WorkerProgression({ orgId, staffId, leftOn }: { orgId: string; staffId: string; leftOn?: string | null }) {
  const q = useQuery(progressionQueries.worker(orgId, staffId));
  const org = useOrg(orgId);
  const supervise = org.data?.permissions.includes("socialwork.supervise") ?? false;
  if (!q.data) return null;
  return (
    <>
      <Glance p={q.data} leftOn={leftOn} />
      {supervise && !leftOn && <RecordReview orgId={orgId} staffId={staffId} />}
    </>
  );
}

/** Objectives are one text; training needs one a line; ready for progression a yes or no. */
function RecordReview({ orgId, staffId }: { orgId: string; staffId: string }) {
  const qc = useQueryClient();
  const [heldOn, setHeldOn] = useState<DateParts>(datePartsOf(todayIso()));
  const [objectives, setObjectives] = useState("");
  const [needs, setNeeds] = useState("");
  const [ready, setReady] = useState(false);
  const [dateError, setDateError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const record = useMutation({
    mutationFn: (held: string) =>
      recordReview(orgId, staffId, {
        heldOn: held,
        objectives,
        trainingNeeds: linesOf(needs),
        readyForProgression: ready,
      }),
    onSuccess: (res) => {
      setDone(`The development review held on ${longDate(res.review.heldOn)} is recorded.`);
      setObjectives("");
      setNeeds("");
      setReady(false);
      qc.invalidateQueries({ queryKey: progressionQueries.all(orgId) });
    },
  });
  const errors = fieldErrors(record.error);
  const needsError =
    errors.trainingNeeds ??
    Object.entries(errors)
      .filter(([path]) => path.startsWith("trainingNeeds."))
      .map(([path, message]) => `Line ${Number(path.slice("trainingNeeds.".length)) + 1}: ${message}`)[0];
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Record a development review</span>
      </summary>
      <div className="govuk-details__text">
        {done && <SuccessBanner title={done} />}
        <ErrorSummary
          error={record.error}
          fields={{
            heldOn: "devreview-held-on-day",
            objectives: "devreview-objectives",
            trainingNeeds: "devreview-needs",
            ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`trainingNeeds.${i}`, "devreview-needs"])),
            readyForProgression: "devreview-ready",
          }}
        />
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setDone(null);
            const parsed = parseDateParts(heldOn, "Date the review was held");
            // A blank date goes to the server, which asks for it; a part-typed one is refused here.
            if (!parsed.ok && !isBlankDate(heldOn)) return setDateError(parsed.message);
            setDateError(undefined);
            record.mutate(parsed.ok ? parsed.iso : "");
          }}
          noValidate
        >
          <DateInput
            id="devreview-held-on"
            legend="Date the review was held"
            hint="For example 20 11 2026. The next is due a year after it"
            value={heldOn}
            onChange={setHeldOn}
            error={dateError ?? errors.heldOn}
          />
          <TextArea
            id="devreview-objectives"
            label="Objectives (optional)"
            hint="What the worker will work on in the coming year"
            value={objectives}
            onChange={setObjectives}
            error={errors.objectives}
            rows={4}
          />
          <TextArea
            id="devreview-needs"
            label="Training needs (optional)"
            hint="One a line, at most 20"
            value={needs}
            onChange={setNeeds}
            error={needsError}
            rows={3}
          />
          <div className={`govuk-form-group${errors.readyForProgression ? " govuk-form-group--error" : ""}`}>
            {errors.readyForProgression && (
              <p id="devreview-ready-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {errors.readyForProgression}
              </p>
            )}
            <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
              <div className="govuk-checkboxes__item">
                <input
                  className="govuk-checkboxes__input"
                  id="devreview-ready"
                  name="readyForProgression"
                  type="checkbox"
                  checked={ready}
                  onChange={(e) => setReady(e.target.checked)}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor="devreview-ready">
                  Ready for progression to the next step
                </label>
              </div>
            </div>
          </div>
          <Button disabled={record.isPending}>Record the review</Button>
        </form>
      </div>
    </details>
  );
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

/** `leftOn`: the day the worker left, when they have (a leaver's page prompts nothing). */
export function ProgressionSection({ source, leftOn }: { source: WorkerSource; leftOn?: string | null }) {
  return (
    <section>
      <h2 className="govuk-heading-m">Progression</h2>
      {source.kind === "worker" ? (
        <WorkerProgression orgId={source.orgId} staffId={source.staffId} leftOn={leftOn} />
      ) : (
        <MyProgression />
      )}
    </section>
  );
}
