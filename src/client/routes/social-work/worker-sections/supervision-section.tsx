import { useQuery } from "@tanstack/react-query";
import { longDate } from "../../../../shared/dates";
import { SUPERVISION_STATE_LABELS } from "../../../../shared/sw-supervision";
import { Table } from "../../../components/Table";
import { swSupervisionQueries } from "../../../queries/social-work-supervision";
import type { WorkerSource } from "./source";

// A worker's supervision (issue 20 item 4), on their page and on "My social work": when the next is
// due under the standard in force for their stage, and the supervisions recorded.

export function SupervisionSection({ source }: { source: WorkerSource }) {
  const q = useQuery(swSupervisionQueries.worker(source));
  const d = q.data;
  const self = source.kind === "self";
  if (!d) return null;
  const s = d.status;
  return (
    <section aria-labelledby="supervision-heading">
      <h2 className="govuk-heading-m" id="supervision-heading">
        Supervision
      </h2>
      {s ? (
        <>
          {s.state === "overdue" && (
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                {self ? "Your supervision is overdue" : "Supervision is overdue"}: it was due on {longDate(s.dueOn)} (
                {s.daysOverdue} {s.daysOverdue === 1 ? "day" : "days"} ago).
              </strong>
            </div>
          )}
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Standard</dt>
              <dd className="govuk-summary-list__value">
                {s.interval} ({s.stageLabel}), at least {s.minMinutes} minutes
              </dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Last held</dt>
              <dd className="govuk-summary-list__value">{s.lastHeld ? longDate(s.lastHeld) : "None recorded"}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Next due</dt>
              <dd className="govuk-summary-list__value">
                {longDate(s.dueOn)} ({SUPERVISION_STATE_LABELS[s.state]})
              </dd>
            </div>
          </dl>
        </>
      ) : (
        <p className="govuk-body">
          {self ? "You have no social work post in a council's service now." : "Not in post today."}
        </p>
      )}
      {d.supervisions.length > 0 ? (
        <Table
          caption="Supervisions recorded"
          rowKey={(r) => r.id}
          rows={d.supervisions.slice(0, 24)}
          columns={[
            { header: "Date", cell: (r) => longDate(r.heldOn) },
            { header: "Type", cell: (r) => r.typeLabel },
            {
              header: "Minutes",
              numeric: true,
              cell: (r) => (r.minutes === null ? "Not recorded" : `${r.minutes}${r.short ? " (short)" : ""}`),
            },
            { header: "Supervisor", cell: (r) => r.supervisorName ?? "Not recorded" },
            { header: "Actions agreed", cell: (r) => r.actions || "None recorded" },
          ]}
        />
      ) : (
        <p className="govuk-body">No supervisions recorded.</p>
      )}
    </section>
  );
}
