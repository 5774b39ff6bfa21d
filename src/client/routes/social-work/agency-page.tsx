import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { periodOf, previousPeriod } from "../../../shared/commissioning";
import { type DateParts, datePartsOf, isBlankDate, parseDateParts } from "../../../shared/date-input";
import { longDate } from "../../../shared/dates";
import { AGENCY_ROLE_TYPE_LABELS, AGENCY_ROLE_TYPES, SW_ROLE_KEYS, SW_ROLES } from "../../../shared/social-work";
import { DateInput } from "../../components/DateInput";
import { Button, ErrorSummary, fieldErrors, Select, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { PlainForm, useTextFields } from "../../components/plain-form";
import { Table } from "../../components/Table";
import { ApiError } from "../../lib/api";
import { useOrg, useOrgId } from "../../lib/org";
import {
  type AgencyAssignmentView,
  agencyReturnUrl,
  createAssignment,
  endAssignment,
  setPriceCap,
  swAgencyKeys,
  swAgencyQueries,
} from "../../queries/social-work-agency";
import { BACK_TO_SERVICE, SwPageLinks } from "./common";

// Agency social workers (issue 20 item 8): the spend year on year, the assignments with the DfE
// agency rules' flags (children's only), the regional price caps, and the quarterly DfE agency
// return checked before download. The rules are shared/sw-agency-rules.ts.

const pounds = (n: number) => `£${n.toLocaleString("en-GB", { minimumFractionDigits: 0, maximumFractionDigits: 0 })}`;
/** An amount withheld from a reader of figures only (fewer than 3 agency workers behind it) says so. */
const spent = (n: number | null) => (n === null ? "withheld" : pounds(n));
const rate = (n: number) => `£${n.toFixed(2)}`;
const today = () => new Date().toISOString().slice(0, 10);
const dateOrThrow = (parts: DateParts, what: string, path: string) => {
  const parsed = parseDateParts(parts, what);
  if (!parsed.ok) throw new ApiError(400, "validation", parsed.message, [{ path, message: parsed.message }]);
  return parsed.iso;
};

function Spend({ orgId }: { orgId: string }) {
  const q = useQuery(swAgencyQueries.spend(orgId));
  const s = q.data;
  if (!s) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Agency spend</h2>
      <p className="govuk-body">
        {spent(s.last.total)} in the year to {longDate(s.last.to)}, against {spent(s.previous.total)} in the year before
        {s.change !== null && ` (${s.change >= 0 ? "up" : "down"} ${Math.abs(Math.round(s.change * 100))}%)`}. Cost is
        weekly hours × (hourly rate + agency fee) × days in post ÷ 7.
      </p>
      {(s.last.total === null || s.previous.total === null) && (
        <p className="govuk-body">
          An amount with fewer than 3 agency workers behind it is withheld, and any total it could be worked out from:
          it would show a person's pay.
        </p>
      )}
      <Table
        caption="Agency spend by service"
        rowKey={(r) => r.key}
        rows={s.byTeam ? [...s.byService, ...s.byTeam] : s.byService}
        columns={[
          { header: "Service or team", cell: (r) => r.label },
          { header: "Year to date", numeric: true, cell: (r) => spent(r.last), sortValue: (r) => r.last ?? -1 },
          { header: "Year before", numeric: true, cell: (r) => spent(r.previous), sortValue: (r) => r.previous ?? -1 },
        ]}
      />
    </>
  );
}

function EndForm({ orgId, a }: { orgId: string; a: AgencyAssignmentView }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [on, setOn] = useState<DateParts>(datePartsOf(today()));
  const save = useMutation({
    mutationFn: () => endAssignment(orgId, a.id, dateOrThrow(on, "End date", "endDate")),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: swAgencyKeys.all(orgId) }),
  });
  if (!open)
    return (
      <button
        type="button"
        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
        onClick={() => setOpen(true)}
      >
        End<span className="govuk-visually-hidden"> {a.workerName}'s assignment</span>
      </button>
    );
  const id = `end-${a.id}`;
  return (
    <PlainForm onSubmit={() => save.mutate()}>
      <ErrorSummary error={save.error} fields={{ endDate: `${id}-day` }} />
      <DateInput
        id={id}
        legend={`End date of ${a.workerName}'s assignment`}
        hint="The first day they no longer work for the council (the day after their last day): the cost counts up to the day before"
        value={on}
        onChange={setOn}
        error={fieldErrors(save.error).endDate}
      />
      <Button disabled={save.isPending}>Save</Button>
    </PlainForm>
  );
}

function Flags({ a }: { a: AgencyAssignmentView }) {
  if (!a.rulesApply)
    return (
      <span className="govuk-hint">{a.service === "adults" ? "Adults': rules do not apply" : "Before the rules"}</span>
    );
  if (!a.flags.length) return <strong className="govuk-tag govuk-tag--green">Meets the rules</strong>;
  return (
    <ul className="govuk-list">
      {a.flags.map((f) => (
        <li key={f.rule}>
          <strong
            className={`govuk-tag ${f.level === "breach" ? "govuk-tag--red" : f.level === "report" ? "govuk-tag--orange" : "govuk-tag--grey"}`}
          >
            {f.level === "breach" ? "Not allowed" : f.level === "report" ? "Report" : "Check"}
          </strong>{" "}
          {f.text}
        </li>
      ))}
    </ul>
  );
}

const yesNo = [
  { value: "", label: "Not recorded" },
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

function NewAssignment({ orgId, teams }: { orgId: string; teams: { id: string; name: string }[] }) {
  const queryClient = useQueryClient();
  const { values: f, field } = useTextFields({
    teamId: teams[0]?.id ?? "",
    role: "social_worker",
    workerName: "",
    sweNumber: "",
    agencyName: "",
    hourlyRate: "",
    agencyFee: "0",
    weeklyHours: "37",
    noticeWeeks: "4",
    pqeYears: "",
    asyeCompleted: "",
    referenceReceived: "",
    coversVacancy: "yes",
    projectTeam: "no",
    capBreachSignedOffBy: "",
  });
  const [start, setStart] = useState<DateParts>(datePartsOf(today()));
  const [left, setLeft] = useState<DateParts>(datePartsOf(null));
  const num = (v: string) => (v.trim() === "" ? null : Number(v));
  const save = useMutation({
    // The server checks the DfE agency rules (shared/sw-agency-rules.ts) and refuses a breaking
    // assignment (422, agency_rules_broken) until it is sent again with acknowledgedFlags.
    mutationFn: (acknowledgedFlags: boolean) =>
      createAssignment(orgId, {
        acknowledgedFlags,
        teamId: f.teamId,
        role: f.role,
        workerName: f.workerName,
        sweNumber: f.sweNumber.trim() || null,
        agencyName: f.agencyName,
        startDate: dateOrThrow(start, "Start date", "startDate"),
        hourlyRate: num(f.hourlyRate) as number,
        agencyFee: num(f.agencyFee) ?? 0,
        weeklyHours: num(f.weeklyHours) ?? 37,
        noticeWeeks: num(f.noticeWeeks),
        pqeYears: num(f.pqeYears),
        asyeCompleted: f.asyeCompleted === "" ? null : f.asyeCompleted === "yes",
        referenceReceived: f.referenceReceived === "yes",
        coversVacancy: f.coversVacancy === "yes",
        projectTeam: f.projectTeam === "yes",
        leftSubstantiveOn: isBlankDate(left)
          ? null
          : dateOrThrow(left, "Date they left a substantive role", "leftSubstantiveOn"),
        capBreachSignedOffBy: f.capBreachSignedOffBy.trim() || null,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: swAgencyKeys.all(orgId) }),
  });
  const broken = save.error instanceof ApiError && save.error.code === "agency_rules_broken" ? save.error : null;
  // The warning takes the focus when it appears, as an error summary does.
  useEffect(() => {
    if (broken) document.getElementById("ag-flags")?.focus();
  }, [broken]);
  const errors = fieldErrors(broken ? null : save.error);
  const bound = field(errors);
  const narrow = "govuk-input--width-20";
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Record an agency assignment</span>
      </summary>
      <div className="govuk-details__text">
        <PlainForm onSubmit={() => save.mutate(false)}>
          <ErrorSummary
            error={broken ? null : save.error}
            fields={{ startDate: "ag-start-day", leftSubstantiveOn: "ag-left-day" }}
          />
          {broken && (
            <div className="govuk-warning-text" id="ag-flags" tabIndex={-1}>
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <div className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                This assignment would break {broken.issues.length === 1 ? "this" : "these"} DfE agency{" "}
                {broken.issues.length === 1 ? "rule" : "rules"}:
                <ul className="govuk-list govuk-list--bullet govuk-!-margin-top-2">
                  {broken.issues.map((i) => (
                    <li key={i.path} className="govuk-!-font-weight-regular">
                      {i.message}
                    </li>
                  ))}
                </ul>
                <div className="govuk-button-group">
                  <button
                    type="button"
                    className="govuk-button govuk-button--warning"
                    disabled={save.isPending}
                    onClick={() => save.mutate(true)}
                  >
                    Save with these flags
                  </button>
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary"
                    onClick={() => {
                      save.reset();
                      document.getElementById("ag-team")?.focus();
                    }}
                  >
                    Change the details
                  </button>
                </div>
              </div>
            </div>
          )}
          {save.isSuccess && <p className="govuk-body govuk-!-font-weight-bold">Assignment recorded.</p>}
          <Select
            {...bound("teamId", "ag-team")}
            label="Team"
            options={teams.map((t) => ({ value: t.id, label: t.name }))}
          />
          <Select
            {...bound("role", "ag-role")}
            label="Role"
            hint="Its DfE job type follows from it"
            options={SW_ROLE_KEYS.filter((r) => SW_ROLES[r].agencyRoleType).map((r) => ({
              value: r,
              label: SW_ROLES[r].label,
            }))}
          />
          <TextInput {...bound("workerName", "ag-name")} label="Worker's name" />
          <TextInput
            {...bound("sweNumber", "ag-swe")}
            label="Social Work England number"
            hint="Like SW123456: the DfE return asks for it"
            width={narrow}
          />
          <TextInput {...bound("agencyName", "ag-agency")} label="Agency" />
          <DateInput id="ag-start" legend="Start date" value={start} onChange={setStart} error={errors.startDate} />
          <TextInput
            {...bound("hourlyRate", "ag-rate")}
            label="Hourly rate the council pays (£)"
            hint="Pay, employer's National Insurance and holiday pay: what the price cap measures"
            width={narrow}
          />
          <TextInput {...bound("agencyFee", "ag-fee")} label="Agency fee per hour (£)" width={narrow} />
          <TextInput {...bound("weeklyHours", "ag-hours")} label="Hours a week" width={narrow} />
          <TextInput {...bound("noticeWeeks", "ag-notice")} label="Notice period (weeks)" width={narrow} />
          <TextInput {...bound("pqeYears", "ag-pqe")} label="Years of post-qualifying experience" width={narrow} />
          <Select {...bound("asyeCompleted", "ag-asye")} label="ASYE completed" options={yesNo} />
          <Select {...bound("referenceReceived", "ag-ref")} label="Practice-based reference received" options={yesNo} />
          <Select {...bound("coversVacancy", "ag-vacancy")} label="Covers a vacancy" options={yesNo.slice(1)} />
          <Select
            {...bound("projectTeam", "ag-project")}
            label="Part of a project team or packaged model"
            options={yesNo.slice(1)}
          />
          <DateInput
            id="ag-left"
            legend="Left a substantive role in a council of the same region on (if they did)"
            hint="For the 3 months' cooling off. Leave blank if not"
            value={left}
            onChange={setLeft}
            error={errors.leftSubstantiveOn}
          />
          <TextInput
            {...bound("capBreachSignedOffBy", "ag-signed")}
            label="Paying above the cap signed off by (if it is above)"
          />
          <Button disabled={save.isPending}>Record assignment</Button>
        </PlainForm>
      </div>
    </details>
  );
}

function Caps({ orgId, canManage }: { orgId: string; canManage: boolean }) {
  const queryClient = useQueryClient();
  const q = useQuery(swAgencyQueries.caps(orgId));
  const [roleType, setRoleType] = useState<string>(AGENCY_ROLE_TYPES[0]);
  const [cap, setCap] = useState("");
  const [from, setFrom] = useState<DateParts>(datePartsOf(today()));
  const save = useMutation({
    mutationFn: () =>
      setPriceCap(orgId, {
        roleType: roleType as (typeof AGENCY_ROLE_TYPES)[number],
        hourlyCap: cap.trim() === "" ? (undefined as unknown as number) : Number(cap),
        fromDate: dateOrThrow(from, "Date the cap applies from", "fromDate"),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: swAgencyKeys.all(orgId) }),
  });
  const errors = fieldErrors(save.error);
  return (
    <>
      <h2 className="govuk-heading-m">Regional price caps</h2>
      <div className="govuk-inset-text">
        Caps are agreed in each region (through its Regional Improvement and Innovation Alliance) for DfE's five job
        types, and apply to new assignments from 1 October 2025. The hourly values are the council's to enter: the real
        regional figures are unconfirmed here, and the demo's are illustrative only.
      </div>
      {q.data && (
        <Table
          caption="Price caps"
          rowKey={(c) => c.id}
          rows={q.data.caps}
          columns={[
            { header: "Job type", cell: (c) => c.roleTypeLabel },
            { header: "Cap per hour", numeric: true, cell: (c) => rate(c.hourlyCap) },
            { header: "From", cell: (c) => longDate(c.fromDate) },
          ]}
        />
      )}
      {canManage && (
        <PlainForm onSubmit={() => save.mutate()}>
          <ErrorSummary error={save.error} fields={{ fromDate: "cap-from-day" }} />
          <Select
            id="cap-type"
            name="roleType"
            label="Job type"
            value={roleType}
            onChange={setRoleType}
            error={errors.roleType}
            options={AGENCY_ROLE_TYPES.map((t) => ({ value: t, label: AGENCY_ROLE_TYPE_LABELS[t] }))}
          />
          <TextInput
            id="cap-value"
            name="hourlyCap"
            label="Cap per hour (£)"
            value={cap}
            onChange={setCap}
            error={errors.hourlyCap}
            width="govuk-input--width-20"
          />
          <DateInput id="cap-from" legend="Applies from" value={from} onChange={setFrom} error={errors.fromDate} />
          <Button disabled={save.isPending}>Set cap</Button>
        </PlainForm>
      )}
    </>
  );
}

function DfeReturn({ orgId }: { orgId: string }) {
  const quarters: string[] = [];
  let p = previousPeriod(periodOf(today()));
  for (let i = 0; i < 8; i++) {
    quarters.push(p);
    p = previousPeriod(p);
  }
  const [period, setPeriod] = useState(quarters[0]);
  const q = useQuery(swAgencyQueries.agencyReturn(orgId, period));
  const r = q.data;
  return (
    <>
      <h2 className="govuk-heading-m">DfE agency return</h2>
      <p className="govuk-body">
        Every quarter the council returns its children's agency social workers to the Department for Education: each
        assignment (job type, hourly rate, start, end, Social Work England number, project team) and the council's
        compliance with each rule, cap breaches and who signed them off, the agencies whose assignments were flagged,
        and the monthly cost. DfE's exact field names are unconfirmed here, so the columns say plainly what they hold.
      </p>
      <Select
        id="return-period"
        name="period"
        label="Quarter"
        value={period}
        onChange={setPeriod}
        options={quarters.map((x) => ({ value: x, label: x }))}
      />
      {r && (
        <>
          <p className="govuk-body">
            {longDate(r.from)} to {longDate(r.to)}: {r.rows.length} assignments, costing {pounds(r.totalCost)}.
          </p>
          {r.problems.length ? (
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                {r.problems.length} {r.problems.length === 1 ? "problem" : "problems"} to correct before you send it:
              </strong>
            </div>
          ) : (
            <p className="govuk-body">No problems found in the rows.</p>
          )}
          {r.problems.length > 0 && (
            <ul className="govuk-list govuk-list--bullet">
              {r.problems.map((x) => (
                <li key={`${x.assignmentId}-${x.field}`}>
                  Row {x.row} ({x.workerName}): {x.message}
                </li>
              ))}
            </ul>
          )}
          <Table
            caption={`Compliance with each rule, ${r.period}`}
            rowKey={(c) => c.rule}
            rows={r.compliance}
            columns={[
              { header: "Rule", cell: (c) => c.label },
              { header: "In scope", numeric: true, cell: (c) => c.inScope },
              { header: "Compliant", numeric: true, cell: (c) => c.compliant },
              { header: "Not compliant", numeric: true, cell: (c) => c.notCompliant },
              { header: "To check", numeric: true, cell: (c) => c.toCheck },
            ]}
          />
          <ul className="govuk-list">
            <li>
              <a className="govuk-link" href={agencyReturnUrl(orgId, r.period, "csv")} download>
                Download the assignment rows (CSV)
              </a>
            </li>
            <li>
              <a className="govuk-link" href={agencyReturnUrl(orgId, r.period, "xlsx")} download>
                Download the whole return (XLSX)
              </a>
            </li>
          </ul>
        </>
      )}
    </>
  );
}

export function SwAgencyPage() {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const perms = org.data?.permissions ?? [];
  const canView = perms.includes("socialwork.view");
  const canManage = perms.includes("socialwork.manage");
  const [status, setStatus] = useState("current");
  const list = useQuery({ ...swAgencyQueries.assignments(orgId, status), enabled: canView });
  return (
    <Page title="Agency social workers" caption={org.data?.name}>
      <p className="govuk-body">
        The DfE agency rules cover child and family social workers only (none apply to adults' services). They apply to
        new assignments from 31 October 2024 and to every assignment from 1 October 2025: at least 3 years'
        post-qualifying experience, pay within the regional price cap (a breach signed off and reported to the region
        and DfE), a notice period of at least 4 weeks, 3 months' cooling off after leaving a substantive role in a
        council of the same region, a practice-based reference, and in a project team every worker approved with their
        cost shown.
      </p>
      <SwPageLinks
        orgId={orgId}
        links={[
          BACK_TO_SERVICE,
          ["/orgs/$orgId/social-work/starters-leavers", "Starters, leavers and agency workers by month"],
        ]}
      />
      <Spend orgId={orgId} />
      {canView && (
        <>
          <h2 className="govuk-heading-m">Assignments</h2>
          {canManage && list.data && <NewAssignment orgId={orgId} teams={list.data.teams} />}
          <Select
            id="ag-status"
            name="status"
            label="Show"
            value={status}
            onChange={setStatus}
            options={[
              { value: "current", label: "Current assignments" },
              { value: "ended", label: "Ended assignments" },
              { value: "all", label: "All assignments" },
            ]}
          />
          {list.data && (
            <Table
              caption="Agency assignments"
              rowKey={(a) => a.id}
              rows={list.data.assignments}
              columns={[
                { header: "Worker", cell: (a) => a.workerName, sortValue: (a) => a.workerName },
                { header: "Team", cell: (a) => a.teamName, sortValue: (a) => a.teamName },
                { header: "Job type", cell: (a) => a.jobTypeLabel ?? a.roleLabel },
                { header: "Agency", cell: (a) => a.agencyName },
                { header: "Start", cell: (a) => longDate(a.startDate), sortValue: (a) => a.startDate },
                { header: "End", cell: (a) => (a.endDate ? longDate(a.endDate) : "Running") },
                {
                  header: "Rate",
                  numeric: true,
                  cell: (a) => `${rate(a.hourlyRate)} + ${rate(a.agencyFee)}`,
                  sortValue: (a) => a.hourlyRate,
                },
                { header: "DfE rules", cell: (a) => <Flags a={a} /> },
                canManage && {
                  header: "Action",
                  hiddenHeader: true,
                  cell: (a) => (a.endDate ? null : <EndForm orgId={orgId} a={a} />),
                },
              ]}
            />
          )}
          <Caps orgId={orgId} canManage={canManage} />
        </>
      )}
      {canManage && <DfeReturn orgId={orgId} />}
    </Page>
  );
}
