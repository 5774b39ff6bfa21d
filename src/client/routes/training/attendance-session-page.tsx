import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { longDateTimeRange } from "../../../shared/dates";
import { TRAINING_OUTCOME_LABELS, TRAINING_OUTCOMES, type TrainingOutcome } from "../../../shared/training";
import { Fieldset } from "../../components/Fieldset";
import { Button, ErrorSummary, SuccessBanner } from "../../components/forms";
import { Page } from "../../components/Page";
import { useOrg } from "../../lib/org";
import { deliveryApi, deliveryKeys, deliveryQueries } from "../../queries/training-delivery";

// Marking a session's attendance (issue 18 item 4): one GOV.UK radio group per person booked,
// named by the employer's reference for them and the employer, nothing else of their record.

const route = getRouteApi("/orgs/$orgId/training/delivery/$sessionId");

const OUTCOME_HINTS: Record<TrainingOutcome, string> = {
  completed: "Goes on their training record, with a certificate",
  not_yet_competent: "Attended, but not yet competent: no record or certificate",
  did_not_attend: "Their employer is told by email",
};

export function AttendanceSessionPage(): React.ReactNode {
  const { orgId, sessionId } = route.useParams();
  const org = useOrg(orgId);
  const qc = useQueryClient();
  const found = useQuery(deliveryQueries.session(orgId, sessionId));
  const [chosen, setChosen] = useState<Record<string, TrainingOutcome>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const save = useMutation({
    mutationFn: (outcomes: { bookingId: string; outcome: TrainingOutcome }[]) =>
      deliveryApi.markOutcomes(orgId, sessionId, { outcomes }),
    onSuccess: (data) => {
      qc.setQueryData(deliveryKeys.session(orgId, sessionId), data);
      qc.invalidateQueries({ queryKey: deliveryKeys.sessions(orgId) });
      setChosen({});
    },
  });
  const s = found.data?.session;
  const people = found.data?.people ?? [];
  const outcomeOf = (id: string, saved: TrainingOutcome | null) => chosen[id] ?? saved ?? "";
  return (
    <Page title={s ? s.courseTitle : "Session"} caption={org.data?.name}>
      <p className="govuk-body">
        <Link className="govuk-link" to="/orgs/$orgId/training/delivery" params={{ orgId }}>
          Back to your sessions
        </Link>
      </p>
      {found.error && <p className="govuk-error-message">{found.error.message}</p>}
      {s && (
        <>
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">When</dt>
              <dd className="govuk-summary-list__value">{longDateTimeRange(s.startsAt, s.endsAt)}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Where</dt>
              <dd className="govuk-summary-list__value">{s.venue || "Online"}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Booked</dt>
              <dd className="govuk-summary-list__value">
                {s.booked} booked, {s.waiting} waiting, {s.cancelled} cancelled
              </dd>
            </div>
          </dl>
          {missing.length > 0 && (
            <div className="govuk-error-summary" role="alert" tabIndex={-1}>
              <h2 className="govuk-error-summary__title">There is a problem</h2>
              <div className="govuk-error-summary__body">
                <ul className="govuk-list govuk-error-summary__list">
                  {missing.map((id) => (
                    <li key={id}>
                      <a href={`#outcome-${id}`}>
                        Choose an outcome for {people.find((p) => p.bookingId === id)?.name ?? "this person"}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          )}
          {save.error && <ErrorSummary error={save.error} />}
          {save.isSuccess && <SuccessBanner title="Attendance saved" />}
          {!people.length ? (
            <p className="govuk-body">No one is booked on this session.</p>
          ) : !s.started ? (
            <p className="govuk-body">
              {people.length} {people.length === 1 ? "person is" : "people are"} booked. You can mark attendance once
              the session has started.
            </p>
          ) : (
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                const unset = people.filter((p) => !outcomeOf(p.bookingId, p.outcome)).map((p) => p.bookingId);
                setMissing(unset);
                if (unset.length) return;
                const changed = people
                  .filter((p) => chosen[p.bookingId] && chosen[p.bookingId] !== p.outcome)
                  .map((p) => ({ bookingId: p.bookingId, outcome: chosen[p.bookingId] }));
                if (changed.length) save.mutate(changed);
              }}
            >
              {people.map((p) => {
                const error = missing.includes(p.bookingId) ? `Choose an outcome for ${p.name}` : undefined;
                return (
                  <Fieldset
                    key={p.bookingId}
                    id={`outcome-${p.bookingId}`}
                    legend={`${p.name} (${p.employer})`}
                    error={error}
                  >
                    <div className="govuk-radios govuk-radios--small" data-module="govuk-radios">
                      {TRAINING_OUTCOMES.map((o) => (
                        <div className="govuk-radios__item" key={o}>
                          <input
                            className="govuk-radios__input"
                            id={o === "completed" ? `outcome-${p.bookingId}` : `outcome-${p.bookingId}-${o}`}
                            name={`outcome-${p.bookingId}`}
                            type="radio"
                            value={o}
                            checked={outcomeOf(p.bookingId, p.outcome) === o}
                            onChange={() => setChosen((c) => ({ ...c, [p.bookingId]: o }))}
                            aria-describedby={`outcome-${p.bookingId}-${o}-hint`}
                          />
                          <label
                            className="govuk-label govuk-radios__label"
                            htmlFor={o === "completed" ? `outcome-${p.bookingId}` : `outcome-${p.bookingId}-${o}`}
                          >
                            {TRAINING_OUTCOME_LABELS[o]}
                          </label>
                          <div id={`outcome-${p.bookingId}-${o}-hint`} className="govuk-hint govuk-radios__hint">
                            {OUTCOME_HINTS[o]}
                          </div>
                        </div>
                      ))}
                    </div>
                  </Fieldset>
                );
              })}
              <Button disabled={save.isPending}>Save attendance</Button>
            </form>
          )}
        </>
      )}
    </Page>
  );
}
