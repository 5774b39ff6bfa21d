import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { type FormEvent, useEffect, useState } from "react";
import { CONTRACT_LABELS, JOB_ROLES } from "../../shared/ascwds/codes";
import { Button, ErrorSummary, Select, SuccessBanner, TextInput } from "../components/forms";
import { Page } from "../components/Page";
import { ApiError } from "../lib/api";
import { useOrg, useOrgId, useWorkplaceOptions } from "../lib/org";
import { type RecordProblem, staffApi, staffQueries } from "../queries/staff";

// The form edits the main ASC-WDS staff columns; every other column of the record is sent back as
// it was loaded, so saving changes only what was changed. The same rules as an uploaded file apply.
const FIELDS: {
  column: string;
  label: string;
  hint?: string;
  options?: Record<string, string>;
  sensitive?: boolean;
  newOnly?: boolean;
}[] = [
  {
    column: "UNIQUEWORKERID",
    label: "Your reference for this person",
    hint: "For example a payroll number",
    newOnly: true,
  },
  { column: "DISPLAYID", label: "Name or ID", hint: "How your team knows them" },
  { column: "MAINJOBROLE", label: "Main job role", options: JOB_ROLES },
  { column: "EMPLSTATUS", label: "Contract", options: CONTRACT_LABELS },
  { column: "STARTDATE", label: "Start date in main job", hint: "DD/MM/YYYY" },
  { column: "ZEROHRCONT", label: "Zero-hours contract", options: { 1: "Yes", 2: "No", 999: "Don't know" } },
  { column: "CONTHOURS", label: "Contracted weekly hours", hint: "Leave blank for zero-hours contracts" },
  { column: "AVGHOURS", label: "Average weekly hours", hint: "For zero-hours, bank and agency staff" },
  {
    column: "SALARYINT",
    label: "How they are paid",
    options: { 3: "Hourly rate", 1: "Annual salary", 999: "Don't know" },
  },
  { column: "HOURLYRATE", label: "Hourly rate (£)", hint: "If paid hourly, for example 12.90" },
  { column: "SALARY", label: "Annual salary (£)", hint: "If paid a salary" },
  { column: "GENDER", label: "Gender", options: { 2: "Female", 1: "Male", 4: "Other", 3: "Don't know" } },
  {
    column: "NINUMBER",
    label: "National Insurance number",
    hint: "Links the person across employers without showing who they are",
    sensitive: true,
  },
  { column: "DOB", label: "Date of birth", hint: "DD/MM/YYYY", sensitive: true },
];

export function StaffFormPage(): React.ReactNode {
  const orgId = useOrgId();
  // Shared by "new" (no staffId) and ".../$staffId/edit".
  const { staffId } = useParams({ strict: false });
  const org = useOrg(orgId);
  const workplaceOptions = useWorkplaceOptions(orgId, "localRef");
  const existing = useQuery({ ...staffQueries.record(orgId, staffId ?? ""), enabled: Boolean(staffId) });
  const [row, setRow] = useState<Record<string, string>>({
    STATUS: "NEW",
    ZEROHRCONT: "2",
    SALARYINT: "3",
    EMPLSTATUS: "1",
    MAINJOBROLE: "8",
  });
  const [problems, setProblems] = useState<{ path: string; message: string }[]>([]);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (existing.data) setRow({ ...existing.data.record, STATUS: "UPDATE" });
  }, [existing.data]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    const res = await staffApi.saveRecords(orgId, { records: [row] });
    setSaving(false);
    if (res.status === 200) return setSaved(true);
    const errors = (res.json?.problems ?? [])
      .filter((p: RecordProblem) => p.severity === "error")
      .map((p) => ({ path: p.column ?? "", message: p.message }));
    setProblems(
      errors.length
        ? errors
        : [{ path: "", message: res.json?.error?.message ?? "The record could not be saved. Try again." }],
    );
  };

  if (!org.data || (staffId && existing.isPending)) return <p className="govuk-body">Loading…</p>;
  if (existing.isError) return <Page title="You cannot edit this record">{existing.error.message}</Page>;
  if (saved)
    return (
      <Page title={staffId ? "Record updated" : "Record added"}>
        <SuccessBanner title={`${row.DISPLAYID} has been saved.`} />
        <Link className="govuk-link" to="/orgs/$orgId/staff" params={{ orgId }}>
          Back to staff
        </Link>
      </Page>
    );
  const sensitive = org.data.permissions.includes("staff.viewSensitive");
  const byColumn = Object.fromEntries(problems.map((p) => [p.path, p.message]));
  const idOf = (column: string) => `field-${column.toLowerCase()}`;
  const set = (column: string) => (v: string) => setRow({ ...row, [column]: v });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary
          error={problems.length ? new ApiError(422, "records_invalid", problems[0].message, problems) : null}
          fields={Object.fromEntries(["LOCALESTID", ...FIELDS.map((f) => f.column)].map((c) => [c, idOf(c)]))}
        />
        <Page
          title={staffId ? `Edit ${row.DISPLAYID ?? "staff record"}` : "Add a staff record"}
          caption={org.data.name}
        >
          <form onSubmit={submit} noValidate>
            <Select
              id={idOf("LOCALESTID")}
              name="LOCALESTID"
              label="Workplace"
              value={row.LOCALESTID ?? ""}
              onChange={set("LOCALESTID")}
              error={byColumn.LOCALESTID}
              options={workplaceOptions}
            />
            {FIELDS.filter((f) => (!f.sensitive || sensitive) && (!f.newOnly || !staffId)).map((f) =>
              f.options ? (
                <Select
                  key={f.column}
                  id={idOf(f.column)}
                  name={f.column}
                  label={f.label}
                  hint={f.hint}
                  value={row[f.column] ?? ""}
                  onChange={set(f.column)}
                  error={byColumn[f.column]}
                  options={[
                    { value: "", label: "Not answered" },
                    ...Object.entries(f.options).map(([value, label]) => ({ value, label })),
                  ]}
                />
              ) : (
                <TextInput
                  key={f.column}
                  id={idOf(f.column)}
                  name={f.column}
                  label={f.label}
                  hint={f.hint}
                  value={row[f.column] ?? ""}
                  onChange={set(f.column)}
                  error={byColumn[f.column]}
                  width="govuk-input--width-20"
                />
              ),
            )}
            <Button disabled={saving}>{saving ? "Saving…" : "Save"}</Button>
          </form>
        </Page>
      </div>
    </div>
  );
}
