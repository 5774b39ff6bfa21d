import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { LEAVING_REASONS, leavingDestinationLabel } from "../../shared/ascwds/codes";
import { fieldList, STAFF_FIELD_LABELS, WORKPLACE_FIELD_LABELS } from "../../shared/ascwds/field-labels";
import { type DateParts, datePartsOf } from "../../shared/date-input";
import { longDate } from "../../shared/dates";
import { plural } from "../../shared/text";
import { DateInput } from "../components/DateInput";
import { Button, ErrorSummary, fieldErrors, Select } from "../components/forms";
import { Page } from "../components/Page";
import { Table } from "../components/Table";
import { ApiError, type ApiIssue } from "../lib/api";
import { checkDates, type DateProblems, firstBox } from "../lib/date-checks";
import { type PreviewWorkplace, type Upload, uploadApi, uploadKeys } from "../queries/uploads";

// The preview of a checked upload: what will change, the warnings, and the questions only the
// person uploading can answer (why each leaver left; what happens to staff left out of the file).
// Nothing is saved until every leaver has a reason: none is filled in for them.

const REASON_OPTIONS = [
  { value: "", label: "Choose a reason" },
  ...Object.entries(LEAVING_REASONS).map(([value, label]) => ({ value, label })),
];
const reasonPath = (id: string) => `deleted.byId.${id}.reason`;
const reasonId = (id: string) => `reason-${id}`;

function workplaceChange(w: PreviewWorkplace): string {
  if (w.action === "new") return "New workplace";
  if (w.action === "unchanged") return "No change";
  if (w.action === "not in workplace file") return "Not in the workplace file";
  return `Changes to ${fieldList(WORKPLACE_FIELD_LABELS, w.changed)}`;
}

export function UploadPreview({
  orgId,
  importId,
  upload: u,
  warningsTable,
}: {
  orgId: string;
  importId: string;
  upload: Upload;
  warningsTable: React.ReactNode;
}): React.ReactNode {
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<"keep" | "leaver">("keep");
  const [leavingDate, setLeavingDate] = useState<DateParts>(datePartsOf(null));
  const [missingReason, setMissingReason] = useState("");
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [overrides, setOverrides] = useState<Record<string, "keep" | "leaver" | "">>({});
  const [checked, setChecked] = useState<ApiError | null>(null);
  const [dateProblems, setDateProblems] = useState<DateProblems | null>(null);
  const p = u.preview;
  const missing = p?.missing ?? [];
  const leavers = p?.leavers ?? [];
  const missingAction = (id: string) => overrides[id] || choice;

  /** What the server would refuse, said before sending: every leaver needs a reason. */
  function problems(): ApiIssue[] {
    const issues = leavers
      .filter((l) => !reasons[l.id])
      .map((l) => ({ path: reasonPath(l.id), message: `Choose why ${l.displayId} left` }));
    if (!missingReason && missing.some((m) => missingAction(m.id) === "leaver"))
      issues.push({ path: "missing.reason", message: "Choose a reason for leaving for the staff not in your file" });
    return issues;
  }
  const commit = useMutation({
    mutationFn: (date: string) => {
      const decision = (action: "keep" | "leaver") =>
        action === "leaver" ? { action, leavingDate: date, reason: Number(missingReason) } : { action };
      const byId = Object.fromEntries(
        Object.entries(overrides)
          .filter(([, a]) => a)
          .map(([id, a]) => [id, decision(a as "keep" | "leaver")]),
      );
      return uploadApi.commit(orgId, importId, {
        missing: { default: decision(choice), byId },
        deleted: {
          byId: Object.fromEntries(leavers.map((l) => [l.id, { leavingDate: date, reason: Number(reasons[l.id]) }])),
        },
      });
    },
    onSuccess: (res) => queryClient.setQueryData(uploadKeys.upload(orgId, importId), res),
  });
  const cancel = useMutation({
    mutationFn: () => uploadApi.discard(orgId, importId),
    onSuccess: (res) => queryClient.setQueryData(uploadKeys.upload(orgId, importId), res),
  });
  const error = checked ?? commit.error ?? cancel.error;
  const errors = fieldErrors(error);
  const fields: Record<string, string> = {
    "missing.reason": "leaving-reason",
    leavingDate: firstBox("leaving-date", dateProblems, "leavingDate"),
    ...Object.fromEntries(leavers.map((l) => [reasonPath(l.id), reasonId(l.id)])),
  };
  const submit = () => {
    // Left blank, the leaving date is the date the files are checked as at.
    const dates = checkDates({ leavingDate: { value: leavingDate, what: "Leaving date", optional: true } });
    const issues = [...problems(), ...(dates.ok ? [] : dates.problems.error.issues)];
    setDateProblems(dates.ok ? null : dates.problems);
    if (issues.length || !dates.ok) {
      setChecked(new ApiError(422, "leaving_reason_needed", issues[0].message, issues));
      return;
    }
    setChecked(null);
    commit.mutate(dates.values.leavingDate ?? u.asAt);
  };

  return (
    <Page title="Check the changes before you save them">
      <ErrorSummary error={error} fields={fields} />
      {u.error && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            We could not save these changes last time: {u.error}. Nothing was changed. You can try again or cancel this
            upload.
          </strong>
        </div>
      )}
      <p className="govuk-body">
        Files checked as at {longDate(u.asAt)}: {u.files.map((f) => `${f.name} (${plural(f.rows, "row")})`).join(", ")}.
        Nothing has changed yet.
      </p>
      {p && (
        <Table
          caption="What will change, by workplace"
          rows={p.workplaces}
          rowKey={(w) => w.ref}
          columns={[
            { header: "Workplace", cell: (w) => `${w.name} (${w.ref})` },
            { header: "Workplace details", cell: workplaceChange },
            { header: "New staff", numeric: true, cell: (w) => w.staff.new },
            { header: "Updated", numeric: true, cell: (w) => w.staff.updated },
            { header: "Unchanged", numeric: true, cell: (w) => w.staff.unchanged },
            { header: "Leaving", numeric: true, cell: (w) => w.staff.leaving },
            { header: "Not in file", numeric: true, cell: (w) => w.staff.missing },
          ]}
        />
      )}
      {p?.workplaces.some((w) => w.updates.length) && (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">What changes for updated staff</span>
          </summary>
          <div className="govuk-details__text">
            <ul className="govuk-list">
              {p.workplaces.flatMap((w) =>
                w.updates.map((x) => (
                  <li key={`${w.ref}-${x.ref}`}>{`${w.ref} / ${x.ref}: ${fieldList(STAFF_FIELD_LABELS, x.fields)}`}</li>
                )),
              )}
            </ul>
          </div>
        </details>
      )}
      {warningsTable}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        {leavers.length > 0 && (
          <>
            <h2 className="govuk-heading-m">
              {leavers.length === 1
                ? "1 person is marked as leaving in your staff file"
                : `${plural(leavers.length, "person", "people")} are marked as leaving in your staff file`}
            </h2>
            <p className="govuk-body">
              The staff file says they have left (STATUS DELETE) but not why. Choose a reason for each: it also says
              where they went.
            </p>
            {leavers.map((l) => {
              const reason = reasons[l.id];
              return (
                <Select
                  key={l.id}
                  id={reasonId(l.id)}
                  name={reasonId(l.id)}
                  label={`Why did ${l.displayId} (${l.workplaceRef} / ${l.ref}) leave?`}
                  hint={reason ? `Where they went: ${leavingDestinationLabel(Number(reason))}` : undefined}
                  value={reason ?? ""}
                  onChange={(v) => setReasons({ ...reasons, [l.id]: v })}
                  error={errors[reasonPath(l.id)]}
                  options={REASON_OPTIONS}
                />
              );
            })}
          </>
        )}
        {missing.length > 0 && (
          <>
            <h2 className="govuk-heading-m">
              {missing.length === 1
                ? "1 member of staff is not in your staff file"
                : `${plural(missing.length, "member", "members")} of staff are not in your staff file`}
            </h2>
            <div className="govuk-form-group">
              <fieldset className="govuk-fieldset">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                  What should happen to them?
                </legend>
                <div className="govuk-radios" data-module="govuk-radios">
                  <div className="govuk-radios__item">
                    <input
                      className="govuk-radios__input"
                      id="missing-keep"
                      name="missing"
                      type="radio"
                      checked={choice === "keep"}
                      onChange={() => setChoice("keep")}
                    />
                    <label className="govuk-label govuk-radios__label" htmlFor="missing-keep">
                      Keep them as they are
                    </label>
                  </div>
                  <div className="govuk-radios__item">
                    <input
                      className="govuk-radios__input"
                      id="missing-leaver"
                      name="missing"
                      type="radio"
                      checked={choice === "leaver"}
                      onChange={() => setChoice("leaver")}
                    />
                    <label className="govuk-label govuk-radios__label" htmlFor="missing-leaver">
                      Record them as leavers
                    </label>
                  </div>
                </div>
              </fieldset>
            </div>
            <Select
              id="leaving-reason"
              name="leaving-reason"
              label="Reason for leaving (for anyone not in the file you record as a leaver)"
              hint={missingReason ? `Where they went: ${leavingDestinationLabel(Number(missingReason))}` : undefined}
              value={missingReason}
              onChange={setMissingReason}
              error={errors["missing.reason"]}
              options={REASON_OPTIONS}
            />
            <Table
              caption="Or choose for each person"
              rows={missing}
              rowKey={(m) => m.id}
              columns={[
                { header: "Name or ID", cell: (m) => m.displayId },
                { header: "Reference", cell: (m) => `${m.workplaceRef} / ${m.ref}` },
                {
                  header: "What happens",
                  cell: (m) => (
                    <>
                      <label className="govuk-visually-hidden" htmlFor={`missing-${m.id}`}>
                        What happens to {m.displayId}
                      </label>
                      <select
                        id={`missing-${m.id}`}
                        className="govuk-select"
                        value={overrides[m.id] ?? ""}
                        onChange={(e) =>
                          setOverrides({ ...overrides, [m.id]: e.target.value as "keep" | "leaver" | "" })
                        }
                      >
                        <option value="">As chosen above</option>
                        <option value="keep">Keep</option>
                        <option value="leaver">Record as leaver</option>
                      </select>
                    </>
                  ),
                },
              ]}
            />
          </>
        )}
        {(leavers.length > 0 || missing.length > 0) && (
          <DateInput
            id="leaving-date"
            legend="Leaving date (for everyone recorded as leaving)"
            hint={`Leave blank to use ${longDate(u.asAt)}, the date the files are checked as at.`}
            value={leavingDate}
            onChange={setLeavingDate}
            error={errors.leavingDate}
            errorParts={dateProblems?.parts.leavingDate}
          />
        )}
        <div className="govuk-button-group">
          <Button disabled={commit.isPending || cancel.isPending}>
            {commit.isPending ? "Saving…" : "Save these changes"}
          </Button>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            data-module="govuk-button"
            disabled={commit.isPending || cancel.isPending}
            onClick={() => cancel.mutate()}
          >
            Cancel this upload
          </button>
        </div>
      </form>
    </Page>
  );
}
