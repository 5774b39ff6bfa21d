import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { type DateParts, datePartsOf } from "../../shared/date-input";
import { todayIso } from "../../shared/dates";
import { plural } from "../../shared/text";
import { DateInput } from "../components/DateInput";
import { Button, ErrorSummary, fieldErrors, SuccessBanner } from "../components/forms";
import { Page } from "../components/Page";
import { Table } from "../components/Table";
import { checkDates, type DateProblems, firstBox } from "../lib/date-checks";
import { useOrg, useOrgId } from "../lib/org";
import { type UploadProblem as Problem, uploadApi, uploadKeys, uploadQueries } from "../queries/uploads";
import { UploadPreview } from "./upload-preview";

export function UploadPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const navigate = useNavigate();
  const [files, setFiles] = useState<FileList | null>(null);
  const [asAt, setAsAt] = useState<DateParts>(datePartsOf(todayIso()));
  const [dateProblems, setDateProblems] = useState<DateProblems | null>(null);
  const upload = useMutation({
    mutationFn: (asAt: string) => {
      const form = new FormData();
      for (const f of Array.from(files ?? [])) form.append("files", f);
      form.append("asAt", asAt);
      return uploadApi.upload(orgId, form);
    },
    onSuccess: (res) => navigate({ to: "/orgs/$orgId/uploads/$importId", params: { orgId, importId: res.import.id } }),
  });
  const error = dateProblems?.error ?? upload.error;
  const errors = fieldErrors(error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const dates = checkDates({ asAt: { value: asAt, what: "Date the counts refer to" } });
    setDateProblems(dates.ok ? null : dates.problems);
    if (dates.ok) upload.mutate(dates.values.asAt ?? "");
  };
  if (!org.data) return <p className="govuk-body">Loading…</p>;
  const canEdit = org.data.permissions.includes("staff.edit");
  return (
    <Page title="Upload workforce data" caption={org.data.name}>
      <ErrorSummary
        error={error}
        fields={{ files: "files", asAt: firstBox("as-at", dateProblems, "asAt"), no_files: "files" }}
      />
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
            errorParts={dateProblems?.parts.asAt}
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
    const n = (k: string) => a[k] ?? 0;
    const lines = [
      n("staffNew") > 0 && `${plural(n("staffNew"), "staff record")} added`,
      n("staffUpdated") > 0 && `${plural(n("staffUpdated"), "staff record")} updated`,
      n("leavers") > 0 && `${plural(n("leavers"), "person", "people")} recorded as leaving`,
      n("missingKept") > 0 && `${plural(n("missingKept"), "person", "people")} not in the staff file kept as they are`,
      n("workplacesNew") > 0 && `${plural(n("workplacesNew"), "workplace")} added`,
      n("workplacesUpdated") > 0 && `${plural(n("workplacesUpdated"), "workplace")} updated`,
      n("trainingRecords") > 0 && `${plural(n("trainingRecords"), "training record")} saved`,
    ].filter((l): l is string => Boolean(l));
    return (
      <Page title="Upload complete">
        <SuccessBanner title="Your changes have been saved.">
          {lines.length ? (
            <ul className="govuk-list govuk-list--bullet">
              {lines.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">Nothing needed to change: the files match your records.</p>
          )}
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
  return (
    <UploadPreview
      orgId={orgId}
      importId={importId}
      upload={u}
      warningsTable={
        warnings.length > 0 && (
          <>
            {reportLinks}
            <ProblemsTable
              problems={warnings}
              caption={`Warnings (${warnings.length}): these do not stop the upload`}
            />
          </>
        )
      }
    />
  );
}
