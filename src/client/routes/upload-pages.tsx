import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { LEAVING_REASONS } from "../../shared/ascwds/codes";
import { Button, ErrorSummary, fieldErrors, SuccessBanner } from "../components/forms";
import { Page } from "../components/Page";
import { Table } from "../components/Table";
import { useOrg, useOrgId } from "../lib/org";
import { type UploadProblem as Problem, uploadApi, uploadKeys, uploadQueries } from "../queries/uploads";

const today = () => new Date().toISOString().slice(0, 10);
const REASON_OPTIONS = Object.entries(LEAVING_REASONS).map(([value, label]) => ({ value, label }));

function DateInput({
  id,
  legend,
  hint,
  value,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  hint?: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const [y, m, d] = value.split("-");
  const set = (part: 0 | 1 | 2, v: string) => {
    const parts = [y ?? "", m ?? "", d ?? ""];
    parts[part] = v;
    onChange(`${parts[0]}-${parts[1].padStart(parts[1] ? 2 : 0, "0")}-${parts[2].padStart(parts[2] ? 2 : 0, "0")}`);
  };
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={hint ? `${id}-hint` : undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint && (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        )}
        {error && (
          <p className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        )}
        <div className="govuk-date-input" id={id}>
          {(
            [
              ["day", "Day", d, 2, 2],
              ["month", "Month", m, 1, 2],
              ["year", "Year", y, 0, 4],
            ] as const
          ).map(([name, label, v, part, width]) => (
            <div className="govuk-date-input__item" key={name}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${name}`}>
                  {label}
                </label>
                <input
                  className={`govuk-input govuk-date-input__input govuk-input--width-${width}${error ? " govuk-input--error" : ""}`}
                  id={`${id}-${name}`}
                  name={`${id}-${name}`}
                  type="text"
                  inputMode="numeric"
                  value={v ?? ""}
                  onChange={(e) => set(part, e.target.value.replace(/\D/g, ""))}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function UploadPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const navigate = useNavigate();
  const [files, setFiles] = useState<FileList | null>(null);
  const [asAt, setAsAt] = useState(today());
  const upload = useMutation({
    mutationFn: () => {
      const form = new FormData();
      for (const f of Array.from(files ?? [])) form.append("files", f);
      form.append("asAt", asAt);
      return uploadApi.upload(orgId, form);
    },
    onSuccess: (res) => navigate({ to: "/orgs/$orgId/uploads/$importId", params: { orgId, importId: res.import.id } }),
  });
  const errors = fieldErrors(upload.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    upload.mutate();
  };
  if (!org.data) return <p className="govuk-body">Loading…</p>;
  const canEdit = org.data.permissions.includes("staff.edit");
  return (
    <Page title="Upload workforce data" caption={org.data.name}>
      <ErrorSummary error={upload.error} fields={{ files: "files", asAt: "as-at-day", no_files: "files" }} />
      <p className="govuk-body">
        Upload the files you make for the Adult Social Care Workforce Data Set (ASC-WDS): the workplace file, the staff
        file and, if you have it, the training file. An Excel workbook with one sheet per file works too. Nothing
        changes until you have seen what will change and confirmed it.
      </p>
      <div className="govuk-inset-text">
        Staff you leave out of a staff file are never deleted. You choose whether to keep them or record them as
        leavers.
      </div>
      {canEdit && (
        <form onSubmit={submit} noValidate>
          <div className={`govuk-form-group${errors.files ? " govuk-form-group--error" : ""}`}>
            <label className="govuk-label govuk-label--s" htmlFor="files">
              Files
            </label>
            <div id="files-hint" className="govuk-hint">
              CSV files or one .xlsx workbook, up to 50 MB each
            </div>
            <input
              className="govuk-file-upload"
              id="files"
              name="files"
              type="file"
              multiple
              accept=".csv,.xlsx,text/csv"
              aria-describedby="files-hint"
              onChange={(e) => setFiles(e.target.files)}
            />
          </div>
          <DateInput
            id="as-at"
            legend="What date do the vacancy, starter and leaver counts refer to?"
            hint="For example, 31 3 2026. Usually today."
            value={asAt}
            onChange={setAsAt}
            error={errors.asAt}
          />
          <Button disabled={upload.isPending}>{upload.isPending ? "Checking…" : "Check the files"}</Button>
        </form>
      )}
      <h2 className="govuk-heading-m">Download your current data</h2>
      <p className="govuk-body">In the ASC-WDS format. Uploading these files again changes nothing.</p>
      <ul className="govuk-list">
        {["workplace", "staff", "training"].map((f) => (
          <li key={f}>
            <a className="govuk-link" href={`/api/orgs/${orgId}/ascwds/${f}.csv`} download>
              {f[0].toUpperCase() + f.slice(1)} file (CSV)
            </a>
          </li>
        ))}
      </ul>
    </Page>
  );
}

function ProblemsTable({ problems, caption }: { problems: Problem[]; caption: string }) {
  return (
    <Table
      caption={caption}
      rows={problems}
      rowKey={(p) => `${p.file}:${p.line}:${p.code}`}
      columns={[
        { header: "File", cell: (p) => p.file },
        { header: "Line", numeric: true, cell: (p) => p.line ?? "" },
        { header: "Column", cell: (p) => p.column ?? "" },
        { header: "What to fix", cell: (p) => p.message },
        { header: "Code", cell: (p) => <code>{p.code}</code> },
      ]}
    />
  );
}

export function UploadResultPage(): React.ReactNode {
  const { orgId, importId } = getRouteApi("/orgs/$orgId/uploads/$importId").useParams();
  const queryClient = useQueryClient();
  const query = useQuery(uploadQueries.upload(orgId, importId));
  const [choice, setChoice] = useState<"keep" | "leaver">("keep");
  const [leavingDate, setLeavingDate] = useState("");
  const [reason, setReason] = useState("9");
  const [overrides, setOverrides] = useState<Record<string, "keep" | "leaver" | "">>({});
  const commit = useMutation({
    mutationFn: () => {
      const date = leavingDate || query.data?.import.asAt;
      const decision = (action: "keep" | "leaver") =>
        action === "leaver" ? { action, leavingDate: date, reason: Number(reason) } : { action };
      const byId = Object.fromEntries(
        Object.entries(overrides)
          .filter(([, a]) => a)
          .map(([id, a]) => [id, decision(a as "keep" | "leaver")]),
      );
      return uploadApi.commit(orgId, importId, { missing: { default: decision(choice), byId } });
    },
    onSuccess: (res) => queryClient.setQueryData(uploadKeys.upload(orgId, importId), res),
  });
  const cancel = useMutation({
    mutationFn: () => uploadApi.discard(orgId, importId),
    onSuccess: (res) => queryClient.setQueryData(uploadKeys.upload(orgId, importId), res),
  });
  const u = query.data?.import;
  if (!u) return <p className="govuk-body">Loading…</p>;
  const reportLinks = (
    <p className="govuk-body">
      Download the report:{" "}
      <a className="govuk-link" href={`/api/orgs/${orgId}/imports/${importId}/report?format=csv`} download>
        CSV
      </a>{" "}
      or{" "}
      <a className="govuk-link" href={`/api/orgs/${orgId}/imports/${importId}/report?format=xlsx`} download>
        Excel
      </a>
    </p>
  );
  const warnings = u.problems.filter((p) => p.severity === "warning");
  if (u.status === "validating" || u.status === "committing") {
    return (
      <Page title={u.status === "validating" ? "Checking your files" : "Applying your changes"}>
        <p className="govuk-body">
          This can take a minute for a large file. You can close this page and come back: the result will be here.
        </p>
        <label className="govuk-label" htmlFor="progress">
          Progress
        </label>
        <progress id="progress" max={100} value={u.progress} style={{ width: "100%", height: "1.5rem" }}>
          {u.progress}%
        </progress>
      </Page>
    );
  }
  if (u.status === "failed") {
    // The check failed for good (the job's attempts are used up): say so, rather than poll for ever.
    return (
      <Page title="We could not check your files">
        <div className="govuk-error-summary" tabIndex={-1}>
          <div role="alert">
            <h2 className="govuk-error-summary__title">Nothing has been changed</h2>
            <div className="govuk-error-summary__body">
              <p className="govuk-body">
                We could not check your files: {u.error ?? "something went wrong on our side"}. Upload them again or
                contact the hub's administrator, quoting this reason.
              </p>
            </div>
          </div>
        </div>
        <div className="govuk-button-group">
          <Link className="govuk-button" to="/orgs/$orgId/upload" params={{ orgId }}>
            Upload the files again
          </Link>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            data-module="govuk-button"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate()}
          >
            Remove this upload
          </button>
        </div>
      </Page>
    );
  }
  if (u.status === "invalid") {
    const errors = u.problems.filter((p) => p.severity === "error");
    return (
      <Page title="Your files need correcting">
        <div className="govuk-error-summary" tabIndex={-1}>
          <div role="alert">
            <h2 className="govuk-error-summary__title">
              There {u.summary?.errors === 1 ? "is 1 error" : `are ${u.summary?.errors} errors`} to fix
            </h2>
            <div className="govuk-error-summary__body">
              <p className="govuk-body">
                Nothing has been changed. Correct the files and upload them again. Warnings do not stop an upload.
              </p>
            </div>
          </div>
        </div>
        {reportLinks}
        <ProblemsTable
          problems={errors}
          caption={`Errors${u.problemCount > u.problems.length ? ` (first ${errors.length}; the report has them all)` : ""}`}
        />
        {warnings.length > 0 && <ProblemsTable problems={warnings} caption="Warnings" />}
        <Link className="govuk-button govuk-button--secondary" to="/orgs/$orgId/upload" params={{ orgId }}>
          Upload corrected files
        </Link>
      </Page>
    );
  }
  if (u.status === "committed") {
    const a = u.summary?.applied ?? {};
    return (
      <Page title="Upload complete">
        <SuccessBanner title="Your changes have been saved.">
          <p className="govuk-body">
            {a.staffNew ?? 0} staff records added, {a.staffUpdated ?? 0} updated, {a.leavers ?? 0} recorded as leavers,{" "}
            {a.missingKept ?? 0} kept; {a.workplacesNew ?? 0} workplaces added and {a.workplacesUpdated ?? 0} updated;{" "}
            {a.trainingRecords ?? 0} training records saved.
          </p>
        </SuccessBanner>
        <Link className="govuk-link" to="/orgs/$orgId/upload" params={{ orgId }}>
          Upload more files
        </Link>
      </Page>
    );
  }
  if (u.status === "discarded") {
    return (
      <Page title="Upload cancelled">
        <p className="govuk-body">
          Nothing was changed. The files and their preview have been removed from the hub (previews not saved within 14
          days are removed too).
        </p>
        <Link className="govuk-button" to="/orgs/$orgId/upload" params={{ orgId }}>
          Upload files
        </Link>
      </Page>
    );
  }
  const p = u.preview;
  const missing = p?.missing ?? [];
  return (
    <Page title="Check the changes before you save them">
      <ErrorSummary error={commit.error ?? cancel.error} fields={{}} />
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
        Files checked as at {u.asAt}: {u.files.map((f) => `${f.name} (${f.rows} rows)`).join(", ")}. Nothing has changed
        yet.
      </p>
      {p && (
        <Table
          caption="What will change, by workplace"
          rows={p.workplaces}
          rowKey={(w) => w.ref}
          columns={[
            { header: "Workplace", cell: (w) => `${w.name} (${w.ref})` },
            {
              header: "Workplace details",
              cell: (w) => (w.action === "update" ? `update: ${w.changed.join(", ")}` : w.action),
            },
            { header: "New staff", numeric: true, cell: (w) => w.staff.new },
            { header: "Updated", numeric: true, cell: (w) => w.staff.updated },
            { header: "Unchanged", numeric: true, cell: (w) => w.staff.unchanged },
            { header: "Not in file", numeric: true, cell: (w) => w.staff.missing },
          ]}
        />
      )}
      {p?.workplaces.some((w) => w.updates.length) && (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Which fields change for updated staff</span>
          </summary>
          <div className="govuk-details__text">
            <ul className="govuk-list">
              {p.workplaces.flatMap((w) =>
                w.updates.map((x) => (
                  <li key={`${w.ref}-${x.ref}`}>{`${w.ref} / ${x.ref}: ${x.fields.join(", ")}`}</li>
                )),
              )}
            </ul>
          </div>
        </details>
      )}
      {warnings.length > 0 && (
        <>
          {reportLinks}
          <ProblemsTable problems={warnings} caption={`Warnings (${warnings.length}): these do not stop the upload`} />
        </>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          commit.mutate();
        }}
        noValidate
      >
        {missing.length > 0 && (
          <>
            <h2 className="govuk-heading-m">
              {missing.length === 1 ? "1 member of staff is" : `${missing.length} staff are`} not in your staff file
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
            <DateInput
              id="leaving-date"
              legend="Leaving date (for anyone recorded as a leaver)"
              hint={`Leave blank to use ${u.asAt}.`}
              value={leavingDate}
              onChange={setLeavingDate}
            />
            <div className="govuk-form-group">
              <label className="govuk-label govuk-label--s" htmlFor="leaving-reason">
                Reason for leaving
              </label>
              <select
                className="govuk-select"
                id="leaving-reason"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              >
                {REASON_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
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
