import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type DateParts, datePartsOf, parseDateParts } from "../../../../shared/date-input";
import { longDate } from "../../../../shared/dates";
import type { SupervisionView } from "../../../../shared/schemas/social-work-supervision";
import { SUPERVISION_TYPE_LABELS, SUPERVISION_TYPES } from "../../../../shared/social-work";
import { SUPERVISION_STATE_LABELS } from "../../../../shared/sw-supervision";
import { DateInput } from "../../../components/DateInput";
import {
  Button,
  ErrorSummary,
  fieldErrors,
  Select,
  SuccessBanner,
  TextArea,
  TextInput,
} from "../../../components/forms";
import { Table } from "../../../components/Table";
import { ApiError } from "../../../lib/api";
import {
  changeSupervision,
  deleteSupervision,
  swSupervisionKeys,
  swSupervisionQueries,
} from "../../../queries/social-work-supervision";
import type { WorkerSource } from "./source";

// A worker's supervision (issue 20 item 4), on their page and on "My social work": when the next is
// due under the standard in force for their stage, and the supervisions recorded. On a worker's
// page, one who may change a supervision (who recorded it, or the service lead) changes or deletes
// it here (deleting after a confirmation step).

export function SupervisionSection({ source }: { source: WorkerSource }) {
  const q = useQuery(swSupervisionQueries.worker(source));
  const [editing, setEditing] = useState<string | null>(null);
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
            ...(source.kind === "worker" && d.supervisions.some((r) => r.canChange)
              ? [
                  {
                    header: "Change",
                    cell: (r: SupervisionView) =>
                      r.canChange ? (
                        <button
                          type="button"
                          className="app-link-button govuk-link"
                          onClick={() => {
                            setEditing(r.id);
                            // The form opens below the table: take the keyboard's focus there.
                            requestAnimationFrame(() => document.getElementById("change-supervision")?.focus());
                          }}
                        >
                          Change<span className="govuk-visually-hidden"> the supervision on {longDate(r.heldOn)}</span>
                        </button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      ) : (
        <p className="govuk-body">No supervisions recorded.</p>
      )}
      {source.kind === "worker" &&
        (() => {
          const row = d.supervisions.find((r) => r.id === editing);
          return row ? (
            <ChangeSupervision key={row.id} orgId={source.orgId} row={row} onDone={() => setEditing(null)} />
          ) : null;
        })()}
    </section>
  );
}

/** Changing or deleting one recorded supervision (the server says who may: who recorded it, or the lead). */
function ChangeSupervision({ orgId, row, onDone }: { orgId: string; row: SupervisionView; onDone: () => void }) {
  const qc = useQueryClient();
  const overview = useQuery(swSupervisionQueries.overview(orgId));
  const [held, setHeld] = useState<DateParts>(datePartsOf(row.heldOn));
  const [supervisor, setSupervisor] = useState(row.supervisorStaffId ?? "");
  const [type, setType] = useState(row.type);
  const [minutes, setMinutes] = useState(row.minutes === null ? "" : String(row.minutes));
  const [actions, setActions] = useState(row.actions);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: swSupervisionKeys.all(orgId) });
  const save = useMutation({
    mutationFn: async () => {
      const parsed = parseDateParts(held, "the date held");
      if (!parsed.ok)
        throw new ApiError(400, "validation", parsed.message, [{ path: "heldOn", message: parsed.message }]);
      const m = minutes.trim() === "" ? null : Number(minutes);
      if (m !== null && !Number.isInteger(m))
        throw new ApiError(400, "validation", "Enter the minutes as a whole number, like 90", [
          { path: "minutes", message: "Enter the minutes as a whole number, like 90" },
        ]);
      return changeSupervision(orgId, row.id, {
        heldOn: parsed.iso,
        supervisorStaffId: supervisor || null,
        type: type as (typeof SUPERVISION_TYPES)[number],
        minutes: m,
        actions,
      });
    },
    onSuccess: async (saved) => {
      setDone(`The supervision on ${longDate(saved.heldOn)} is changed`);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteSupervision(orgId, row.id),
    onSuccess: async () => {
      await refresh();
      onDone();
    },
  });
  const errors = fieldErrors(save.error);
  const supervisors = overview.data?.supervisors ?? [];
  // The supervisor named may be out of today's choices (left since): keep them offered.
  const named =
    row.supervisorStaffId && !supervisors.some((s) => s.id === row.supervisorStaffId)
      ? [{ id: row.supervisorStaffId, name: row.supervisorName ?? "The supervisor recorded" }]
      : [];
  return (
    <>
      <h3 className="govuk-heading-s" id="change-supervision" tabIndex={-1}>
        Change the supervision on {longDate(row.heldOn)}
      </h3>
      {done && <SuccessBanner title={done} />}
      <ErrorSummary
        error={save.error ?? remove.error}
        fields={{
          heldOn: "svc-held-day",
          supervisorStaffId: "svc-supervisor",
          type: "svc-type",
          minutes: "svc-minutes",
          actions: "svc-actions",
        }}
      />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setDone(null);
          save.mutate();
        }}
      >
        <DateInput id="svc-held" legend="Date held" value={held} onChange={setHeld} error={errors.heldOn} />
        <Select
          id="svc-supervisor"
          name="supervisorStaffId"
          label="Supervisor (optional)"
          value={supervisor}
          onChange={setSupervisor}
          error={errors.supervisorStaffId}
          options={[
            { value: "", label: "Not recorded" },
            ...[...named, ...supervisors].map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
        <Select
          id="svc-type"
          name="type"
          label="Type of supervision"
          value={type}
          onChange={setType}
          error={errors.type}
          options={SUPERVISION_TYPES.map((t) => ({ value: t, label: SUPERVISION_TYPE_LABELS[t] }))}
        />
        <TextInput
          id="svc-minutes"
          name="minutes"
          label="Minutes"
          hint="How long it lasted, 1 or more; leave empty if not noted."
          width=""
          value={minutes}
          onChange={setMinutes}
          error={errors.minutes}
        />
        <TextArea
          id="svc-actions"
          label="Actions agreed (optional)"
          value={actions}
          onChange={setActions}
          error={errors.actions}
        />
        <div className="govuk-button-group">
          <Button disabled={save.isPending}>Save the change</Button>
          <Button secondary type="button" onClick={onDone}>
            Cancel
          </Button>
        </div>
      </form>
      {confirming ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            Delete the supervision on {longDate(row.heldOn)}? It is removed from the worker's record.
          </strong>
          <div className="govuk-button-group govuk-!-margin-top-2">
            <Button warning type="button" disabled={remove.isPending} onClick={() => remove.mutate()}>
              Yes, delete it
            </Button>
            <Button secondary type="button" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <Button warning type="button" onClick={() => setConfirming(true)}>
          Delete this supervision
        </Button>
      )}
    </>
  );
}
