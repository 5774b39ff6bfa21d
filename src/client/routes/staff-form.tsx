import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { type FormEvent, useEffect, useState } from "react";
import { STAFF_FORM_FIELDS as FIELDS, WORKPLACE_FIELD } from "../../shared/ascwds/staff-form-fields";
import { type DateParts, datePartsOfDmy, dmyOf } from "../../shared/date-input";
import { DateInput } from "../components/DateInput";
import { Button, ErrorSummary, Select, SuccessBanner, TextInput } from "../components/forms";
import { Page } from "../components/Page";
import { ApiError } from "../lib/api";
import { checkDates, type DateProblems } from "../lib/date-checks";
import { useOrg, useOrgId, useWorkplaceOptions } from "../lib/org";
import { staffApi, staffQueries } from "../queries/staff";

/** The fields typed in date boxes (the record holds them as DD/MM/YYYY, as the files do). */
const DATE_COLUMNS = new Set(["STARTDATE", "DOB"]);
const datesOf = (record: Record<string, string>): Record<string, DateParts> =>
  Object.fromEntries([...DATE_COLUMNS].map((c) => [c, datePartsOfDmy(record[c])]));

// The form edits the main ASC-WDS staff columns; every other column of the record is sent back as
// it was loaded, so saving changes only what was changed. The same rules as an uploaded file apply;
// the server words their problems with these fields' labels (src/shared/ascwds/staff-form-fields.ts).
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
  // The date fields' boxes, by column; the record holds them as the files do (DD/MM/YYYY).
  const [dates, setDates] = useState<Record<string, DateParts>>(() => datesOf({}));
  const [dateProblems, setDateProblems] = useState<DateProblems | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (existing.data) {
      setRow({ ...existing.data.record, STATUS: "UPDATE" });
      setDates(datesOf(existing.data.record));
    }
  }, [existing.data]);

  const sensitive = org.data?.permissions.includes("staff.viewSensitive") ?? false;
  const shown = (f: (typeof FIELDS)[number]) => (!f.sensitive || sensitive) && (!f.newOnly || !staffId);
  const shownDateColumns = FIELDS.filter((f) => DATE_COLUMNS.has(f.column) && shown(f));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const read = checkDates(
      Object.fromEntries(
        shownDateColumns.map((f) => [f.column, { value: dates[f.column], what: f.label, optional: true }]),
      ),
    );
    if (!read.ok) {
      setDateProblems(read.problems);
      setProblems(read.problems.error.issues);
      return;
    }
    setDateProblems(null);
    const typed = Object.fromEntries(Object.entries(read.values).map(([c, iso]) => [c, iso ? dmyOf(iso) : ""]));
    setSaving(true);
    const res = await staffApi.saveRecords(orgId, { records: [{ ...row, ...typed }] });
    setSaving(false);
    if (res.status === 200) return setSaved(true);
    // The errors worded for this form, each on the field (column) it is about.
    const errors = res.json?.error?.issues ?? [];
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

  const byColumn = Object.fromEntries(problems.map((p) => [p.path, p.message]));
  const idOf = (column: string) => `field-${column.toLowerCase()}`;
  // A date's error links to its first box at fault.
  const linkOf = (column: string) =>
    DATE_COLUMNS.has(column) ? `${idOf(column)}-${dateProblems?.parts[column]?.[0] ?? "day"}` : idOf(column);
  const set = (column: string) => (v: string) => setRow({ ...row, [column]: v });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary
          error={problems.length ? new ApiError(422, "records_invalid", problems[0].message, problems) : null}
          fields={Object.fromEntries(["LOCALESTID", ...FIELDS.map((f) => f.column)].map((c) => [c, linkOf(c)]))}
        />
        <Page
          title={staffId ? `Edit ${row.DISPLAYID ?? "staff record"}` : "Add a staff record"}
          caption={org.data.name}
        >
          <form onSubmit={submit} noValidate>
            <Select
              id={idOf("LOCALESTID")}
              name="LOCALESTID"
              label={WORKPLACE_FIELD.label}
              value={row.LOCALESTID ?? ""}
              onChange={set("LOCALESTID")}
              error={byColumn.LOCALESTID}
              options={workplaceOptions}
            />
            {FIELDS.filter(shown).map((f) =>
              DATE_COLUMNS.has(f.column) ? (
                <DateInput
                  key={f.column}
                  id={idOf(f.column)}
                  legend={f.label}
                  hint={f.hint}
                  value={dates[f.column]}
                  onChange={(v) => setDates({ ...dates, [f.column]: v })}
                  error={byColumn[f.column]}
                  errorParts={dateProblems?.parts[f.column]}
                />
              ) : f.options ? (
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
