import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type DateParts, datePartsOf, parseDateParts } from "../../../shared/date-input";
import { longDate } from "../../../shared/dates";
import { SUPERVISION_TYPE_LABELS, SUPERVISION_TYPES } from "../../../shared/social-work";
import { percent } from "../../../shared/sw-supervision";
import { DateInput } from "../../components/DateInput";
import { Button, ErrorSummary, fieldErrors, Select, SuccessBanner, TextArea, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { PlainForm } from "../../components/plain-form";
import { Table } from "../../components/Table";
import { ApiError } from "../../lib/api";
import { useOrg, useOrgId } from "../../lib/org";
import {
  recordSupervision,
  type StandardsResponse,
  saveStandards,
  swSupervisionKeys,
  swSupervisionQueries,
} from "../../queries/social-work-supervision";
import { SwPageLinks, WorkerLink } from "./common";

// Supervision (issue 20 item 4): who is overdue or due soon in the teams one sees, each team's
// compliance, recording a supervision, and the council's frequency standard. The rules are
// shared/sw-supervision.ts (LGA Employer Standard 5 by default).

function RecordForm({ orgId }: { orgId: string }) {
  const qc = useQueryClient();
  const overview = useQuery(swSupervisionQueries.overview(orgId));
  const [worker, setWorker] = useState("");
  const [held, setHeld] = useState<DateParts>(datePartsOf(null));
  const [supervisor, setSupervisor] = useState("");
  const [type, setType] = useState("reflective");
  const [minutes, setMinutes] = useState("90");
  const [actions, setActions] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async () => {
      const parsed = parseDateParts(held, "the date held");
      if (!parsed.ok)
        throw new ApiError(400, "validation", parsed.message, [{ path: "heldOn", message: parsed.message }]);
      if (!worker)
        throw new ApiError(400, "validation", "Choose the worker supervised", [
          { path: "staffRecordId", message: "Choose the worker supervised" },
        ]);
      const m = minutes.trim() === "" ? null : Number(minutes);
      if (m !== null && !Number.isInteger(m))
        throw new ApiError(400, "validation", "Enter the minutes as a whole number, like 90", [
          { path: "minutes", message: "Enter the minutes as a whole number, like 90" },
        ]);
      return recordSupervision(orgId, {
        staffRecordId: worker,
        heldOn: parsed.iso,
        supervisorStaffId: supervisor || null,
        type: type as (typeof SUPERVISION_TYPES)[number],
        minutes: m,
        actions,
      });
    },
    onSuccess: async (row) => {
      const name = overview.data?.workers.find((w) => w.id === row.staffRecordId)?.name ?? "the worker";
      setDone(`Supervision with ${name} on ${longDate(row.heldOn)} recorded`);
      setWorker("");
      setActions("");
      await qc.invalidateQueries({ queryKey: swSupervisionKeys.all(orgId) });
    },
  });
  const errors = fieldErrors(save.error);
  const workers = overview.data?.workers ?? [];
  return (
    <>
      <h2 className="govuk-heading-m" id="record">
        Record a supervision
      </h2>
      {done && <SuccessBanner title={done} />}
      <ErrorSummary
        error={save.error}
        fields={{
          staffRecordId: "sv-worker",
          heldOn: "sv-held-day",
          supervisorStaffId: "sv-supervisor",
          type: "sv-type",
          minutes: "sv-minutes",
          actions: "sv-actions",
        }}
      />
      <PlainForm
        onSubmit={() => {
          setDone(null);
          save.mutate();
        }}
      >
        <Select
          id="sv-worker"
          name="staffRecordId"
          label="Worker supervised"
          value={worker}
          onChange={setWorker}
          error={errors.staffRecordId}
          options={[
            { value: "", label: "Choose a worker" },
            ...workers.map((w) => ({ value: w.id, label: `${w.name} (${w.teamName})` })),
          ]}
        />
        <DateInput
          id="sv-held"
          legend="Date held"
          hint="For example, 27 3 2026. Not in the future."
          value={held}
          onChange={setHeld}
          error={errors.heldOn}
        />
        <Select
          id="sv-supervisor"
          name="supervisorStaffId"
          label="Supervisor (optional)"
          value={supervisor}
          onChange={setSupervisor}
          error={errors.supervisorStaffId}
          options={[
            { value: "", label: "Not recorded" },
            ...(overview.data?.supervisors ?? []).map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
        <Select
          id="sv-type"
          name="type"
          label="Type of supervision"
          value={type}
          onChange={setType}
          error={errors.type}
          options={SUPERVISION_TYPES.map((t) => ({ value: t, label: SUPERVISION_TYPE_LABELS[t] }))}
        />
        <TextInput
          id="sv-minutes"
          name="minutes"
          label="Minutes"
          hint="The standard asks for at least 90 minutes, uninterrupted."
          width=""
          value={minutes}
          onChange={setMinutes}
          error={errors.minutes}
        />
        <TextArea
          id="sv-actions"
          label="Actions agreed (optional)"
          value={actions}
          onChange={setActions}
          error={errors.actions}
        />
        <Button disabled={save.isPending}>Record supervision</Button>
      </PlainForm>
    </>
  );
}

const CHOICES = [
  { value: "", label: "Follow the default" },
  { value: "1-week", label: "Weekly" },
  { value: "2-week", label: "Every 2 weeks" },
  { value: "3-week", label: "Every 3 weeks" },
  { value: "4-week", label: "Every 4 weeks" },
  { value: "1-month", label: "Monthly" },
  { value: "6-week", label: "Every 6 weeks" },
  { value: "2-month", label: "Every 2 months" },
  { value: "3-month", label: "Every 3 months" },
];

function Standards({ orgId, canManage }: { orgId: string; canManage: boolean }) {
  const qc = useQueryClient();
  const q = useQuery(swSupervisionQueries.standards(orgId));
  const [edit, setEdit] = useState<Record<string, { choice: string; minutes: string }> | null>(null);
  const save = useMutation({
    mutationFn: (rows: StandardsResponse["standards"]) => {
      if (!edit) return Promise.resolve({ standards: rows });
      const standards = rows
        .filter((s) => edit[s.appliesTo]?.choice)
        .map((s) => {
          const [every, unit] = edit[s.appliesTo].choice.split("-");
          return {
            appliesTo: s.appliesTo,
            every: Number(every),
            unit: unit as "week" | "month",
            minMinutes: Number(edit[s.appliesTo].minutes),
          };
        });
      return saveStandards(orgId, { standards });
    },
    onSuccess: async () => {
      setEdit(null);
      await qc.invalidateQueries({ queryKey: swSupervisionKeys.all(orgId) });
    },
  });
  const rows = q.data?.standards ?? [];
  return (
    <>
      <h2 className="govuk-heading-m">The supervision standard</h2>
      <p className="govuk-body">
        By default, LGA Employer Standard 5: every social worker at least monthly, for at least an hour and a half; a
        newly qualified social worker in their ASYE weekly for the first 6 weeks, fortnightly to 6 months and monthly
        after. A role's own setting beats everyone's; occupational therapists and family support workers follow
        everyone's unless set. Students on placement are supervised as agreed with their university and are not counted
        here.
      </p>
      {edit === null ? (
        <>
          <Table
            caption="How often each group is supervised"
            rowKey={(r) => r.appliesTo}
            rows={rows}
            columns={[
              { header: "Who", cell: (r) => r.label },
              { header: "How often", cell: (r) => r.interval },
              { header: "Least minutes", numeric: true, cell: (r) => r.minMinutes },
              {
                header: "Set by",
                cell: (r) =>
                  r.set ? "The council" : r.source === "all" && r.appliesTo !== "all" ? "Everyone's" : "Default",
              },
            ]}
          />
          {canManage && (
            <Button
              secondary
              type="button"
              onClick={() =>
                setEdit(
                  Object.fromEntries(
                    rows.map((r) => [
                      r.appliesTo,
                      { choice: r.set ? `${r.every}-${r.unit}` : "", minutes: String(r.minMinutes) },
                    ]),
                  ),
                )
              }
            >
              Change the standard
            </Button>
          )}
        </>
      ) : (
        <PlainForm onSubmit={() => save.mutate(rows)}>
          <ErrorSummary error={save.error} />
          {rows.map((r) => (
            <fieldset className="govuk-fieldset govuk-!-margin-bottom-4" key={r.appliesTo}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{r.label}</legend>
              <Select
                id={`std-${r.appliesTo}`}
                name={`std-${r.appliesTo}`}
                label="How often"
                value={edit[r.appliesTo]?.choice ?? ""}
                onChange={(v) => setEdit({ ...edit, [r.appliesTo]: { ...edit[r.appliesTo], choice: v } })}
                options={CHOICES}
              />
              {edit[r.appliesTo]?.choice && (
                <TextInput
                  id={`std-min-${r.appliesTo}`}
                  name={`std-min-${r.appliesTo}`}
                  label="Least minutes"
                  value={edit[r.appliesTo].minutes}
                  onChange={(v) => setEdit({ ...edit, [r.appliesTo]: { ...edit[r.appliesTo], minutes: v } })}
                />
              )}
            </fieldset>
          ))}
          <div className="govuk-button-group">
            <Button disabled={save.isPending}>Save the standard</Button>
            <Button secondary type="button" onClick={() => setEdit(null)}>
              Cancel
            </Button>
          </div>
        </PlainForm>
      )}
    </>
  );
}

export function SwSupervisionPage() {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const perms = org.data?.permissions ?? [];
  const q = useQuery(swSupervisionQueries.overview(orgId));
  const o = q.data;
  return (
    <Page title="Supervision" caption="Social work">
      <SwPageLinks
        orgId={orgId}
        links={[
          ["/orgs/$orgId/social-work", "Social work overview"],
          ["/orgs/$orgId/social-work/caseloads", "Caseloads"],
        ]}
      />
      {q.error && <ErrorSummary error={q.error} />}
      {o && (
        <>
          <p className="govuk-body">
            As at {longDate(o.today)}. A supervision is overdue once the day it was due has passed, and due soon within
            7 days of it.
          </p>
          {o.overdue.length === 0 ? (
            <>
              <h2 className="govuk-heading-m">Overdue supervision</h2>
              <p className="govuk-body">No one in your teams is overdue.</p>
            </>
          ) : (
            <Table
              caption="Overdue supervision"
              rowKey={(r) => r.staffRecordId}
              rows={o.overdue}
              columns={[
                {
                  header: "Worker",
                  cell: (r) => <WorkerLink orgId={orgId} staffId={r.staffRecordId} name={r.name} />,
                  sortValue: (r) => r.name,
                },
                { header: "Team", cell: (r) => r.teamName, sortValue: (r) => r.teamName },
                { header: "Last held", cell: (r) => (r.lastHeld ? longDate(r.lastHeld) : "None recorded") },
                { header: "Due on", cell: (r) => longDate(r.dueOn), sortValue: (r) => r.dueOn },
                { header: "Days overdue", numeric: true, cell: (r) => r.daysOverdue, sortValue: (r) => r.daysOverdue },
              ]}
            />
          )}
          {o.dueSoon.length > 0 && (
            <Table
              caption="Due in the next 7 days"
              rowKey={(r) => r.staffRecordId}
              rows={o.dueSoon}
              columns={[
                { header: "Worker", cell: (r) => <WorkerLink orgId={orgId} staffId={r.staffRecordId} name={r.name} /> },
                { header: "Team", cell: (r) => r.teamName },
                { header: "Last held", cell: (r) => (r.lastHeld ? longDate(r.lastHeld) : "None recorded") },
                { header: "Due on", cell: (r) => longDate(r.dueOn) },
              ]}
            />
          )}
          <Table
            caption="Compliance by team"
            rowKey={(r) => r.teamId}
            rows={o.teams}
            columns={[
              { header: "Team", cell: (r) => r.name, sortValue: (r) => r.name },
              { header: "In post", numeric: true, cell: (r) => r.inPost },
              { header: "Overdue", numeric: true, cell: (r) => r.overdue, sortValue: (r) => r.overdue },
              {
                header: "Not overdue now",
                numeric: true,
                cell: (r) => percent(r.complianceNow),
                sortValue: (r) => r.complianceNow,
              },
              {
                header: "Last 12 months",
                numeric: true,
                cell: (r) => percent(r.compliance12Months),
                sortValue: (r) => r.compliance12Months,
              },
            ]}
          />
          <p className="govuk-body-s">
            Compliance is the share of a team's workers in post who are not overdue. Over 12 months it is the average of
            that share at each month's end (this month's: today).
          </p>
        </>
      )}
      {perms.includes("socialwork.supervise") && <RecordForm orgId={orgId} />}
      <Standards orgId={orgId} canManage={perms.includes("socialwork.manage")} />
    </Page>
  );
}
