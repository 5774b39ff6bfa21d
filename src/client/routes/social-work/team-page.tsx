import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { STAFF_FORM_FIELDS } from "../../../shared/ascwds/staff-form-fields";
import { type DateParts, datePartsOf, parseDateParts } from "../../../shared/date-input";
import { longDate } from "../../../shared/dates";
import type { AddWorkerInput } from "../../../shared/schemas/social-work-service";
import {
  PCF_LEVEL_LABELS,
  PCF_LEVELS,
  ROUTE_IN_LABELS,
  ROUTES_IN,
  SW_ROLE_KEYS,
  SW_SERVICE_LABELS,
  swRoleLabel,
} from "../../../shared/social-work";
import { DateInput } from "../../components/DateInput";
import { Button, ErrorSummary, fieldErrors, Select, SuccessBanner, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { Table } from "../../components/Table";
import { checkDates, type DateProblems, firstBox } from "../../lib/date-checks";
import { useOrg } from "../../lib/org";
import { swServiceKeys, swServiceMutations, swServiceQueries } from "../../queries/social-work-service";
import { AlertList, fte } from "./teams-page";

// A team (issue 20 item 1): its posts by role on the day (funded, filled, vacant, agency cover),
// the funded posts' history, its workers with their alerts; the service lead sets a role's funded
// posts from a date and archives a team with nobody in post.

const route = getRouteApi("/orgs/$orgId/social-work/teams/$teamId");

function SetFunded({ orgId, teamId }: { orgId: string; teamId: string }) {
  const client = useQueryClient();
  const [role, setRole] = useState<string>("social_worker");
  const [funded, setFunded] = useState("");
  const [from, setFrom] = useState<DateParts>(datePartsOf(null));
  const [dateError, setDateError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: (effectiveFrom: string) =>
      swServiceMutations.setEstablishment(orgId, teamId, {
        role: role as (typeof SW_ROLE_KEYS)[number],
        fundedFte: funded.trim() === "" ? Number.NaN : Number(funded),
        effectiveFrom,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: swServiceKeys.all(orgId) }),
  });
  const errors = fieldErrors(save.error);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = parseDateParts(from, "Date the funding starts");
        if (!parsed.ok) return setDateError(parsed.message);
        setDateError(undefined);
        save.mutate(parsed.iso);
      }}
    >
      <h2 className="govuk-heading-m">Set funded posts</h2>
      <ErrorSummary error={save.error} />
      <Select
        id="role"
        name="role"
        label="Role"
        value={role}
        onChange={setRole}
        error={errors.role}
        options={SW_ROLE_KEYS.map((r) => ({ value: r, label: swRoleLabel(r) }))}
      />
      <TextInput
        id="fundedFte"
        name="fundedFte"
        label="Funded posts (full-time equivalents)"
        hint="For example, 4.5"
        value={funded}
        onChange={setFunded}
        error={errors.fundedFte}
      />
      <DateInput
        id="effectiveFrom"
        legend="Date the funding starts"
        hint="Earlier figures are kept as history"
        value={from}
        onChange={setFrom}
        error={dateError ?? errors.effectiveFrom}
      />
      <Button disabled={save.isPending}>Save funded posts</Button>
    </form>
  );
}

// ASC-WDS ethnicity codes (ETHNICITY_CODES in shared/ascwds/codes.ts; the ONS 2011 groups, as the
// ASC-WDS reference lists them). The staff form has no list of them to reuse.
const ETHNICITY_OPTIONS: { value: string; label: string }[] = [
  [31, "White: English, Welsh, Scottish, Northern Irish or British"],
  [32, "White: Irish"],
  [33, "White: Gypsy or Irish Traveller"],
  [34, "White: any other White background"],
  [35, "Mixed: White and Black Caribbean"],
  [36, "Mixed: White and Black African"],
  [37, "Mixed: White and Asian"],
  [38, "Mixed: any other mixed or multiple background"],
  [39, "Asian or Asian British: Indian"],
  [40, "Asian or Asian British: Pakistani"],
  [41, "Asian or Asian British: Bangladeshi"],
  [42, "Asian or Asian British: Chinese"],
  [43, "Asian or Asian British: any other Asian background"],
  [44, "Black or Black British: African"],
  [45, "Black or Black British: Caribbean"],
  [46, "Black or Black British: any other Black background"],
  [47, "Other ethnic group: Arab"],
  [98, "Other ethnic group: any other"],
  [99, "Don't know"],
].map(([value, label]) => ({ value: String(value), label: String(label) }));

// The staff form's ASC-WDS gender options (Female, Male, Other, Don't know), reused as they are.
const SEX_OPTIONS = Object.entries(STAFF_FORM_FIELDS.find((f) => f.column === "GENDER")?.options ?? {}).map(
  ([value, label]) => ({ value, label }),
);

/** The field each problem is about → the id the error summary links to. */
const ADD_IDS: Record<string, string> = {
  name: "add-name",
  localRef: "add-local-ref",
  role: "add-role",
  contractedHours: "add-hours",
  gender: "add-sex",
  ethnicity: "add-ethnicity",
  pcfLevel: "add-pcf",
  grade: "add-grade",
  sweNumber: "add-swe",
  routeIn: "add-route",
};

const emptyAdd = {
  name: "",
  localRef: "",
  role: "social_worker",
  hours: "",
  gender: "",
  ethnicity: "",
  pcfLevel: "",
  grade: "",
  sweNumber: "",
  routeIn: "unknown",
};

// Adds a worker to this team: a staff record at the service's workplace and their social work
// profile (POST .../social-work/workers). Only the service lead (socialwork.manage) sees it.
function AddWorker({ orgId, teamId, teamName }: { orgId: string; teamId: string; teamName: string }) {
  const client = useQueryClient();
  const [v, setV] = useState(emptyAdd);
  const [start, setStart] = useState<DateParts>(datePartsOf(null));
  const [dob, setDob] = useState<DateParts>(datePartsOf(null));
  const [qualified, setQualified] = useState<DateParts>(datePartsOf(null));
  const [dateProblems, setDateProblems] = useState<DateProblems | null>(null);
  const [added, setAdded] = useState<{ id: string; name: string } | null>(null);
  const set = (k: keyof typeof emptyAdd) => (value: string) => setV({ ...v, [k]: value });
  const add = useMutation({
    mutationFn: (body: AddWorkerInput) => swServiceMutations.addWorker(orgId, body),
    onSuccess: (res) => {
      setAdded({ id: res.worker.id, name: res.worker.name });
      setV(emptyAdd);
      setStart(datePartsOf(null));
      setDob(datePartsOf(null));
      setQualified(datePartsOf(null));
      client.invalidateQueries({ queryKey: swServiceKeys.all(orgId) });
    },
  });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setAdded(null);
    const read = checkDates({
      startDate: { value: start, what: "Start date" },
      dateOfBirth: { value: dob, what: "Date of birth", optional: true },
      qualifiedOn: { value: qualified, what: "Date they qualified", optional: true },
    });
    if (!read.ok) {
      add.reset();
      return setDateProblems(read.problems);
    }
    setDateProblems(null);
    const text = (s: string) => (s.trim() === "" ? null : s.trim());
    const code = (s: string) => (s === "" ? null : Number(s));
    add.mutate({
      name: v.name,
      localRef: text(v.localRef) ?? undefined,
      teamId,
      role: v.role as AddWorkerInput["role"],
      startDate: read.values.startDate ?? "",
      // Not a number (or empty) is sent as such, so the server says what to enter.
      contractedHours: v.hours.trim() === "" ? Number.NaN : Number(v.hours),
      dateOfBirth: read.values.dateOfBirth,
      gender: code(v.gender),
      ethnicity: code(v.ethnicity),
      pcfLevel: (text(v.pcfLevel) as AddWorkerInput["pcfLevel"]) ?? null,
      grade: text(v.grade),
      sweNumber: text(v.sweNumber),
      qualifiedOn: read.values.qualifiedOn,
      routeIn: v.routeIn as AddWorkerInput["routeIn"],
    });
  };
  const error = dateProblems?.error ?? add.error;
  const errors = fieldErrors(error);
  return (
    <>
      <h2 className="govuk-heading-m">Add a worker</h2>
      {added && (
        <SuccessBanner title={`${added.name} has been added to ${teamName}.`}>
          <p className="govuk-body">
            <Link
              to="/orgs/$orgId/social-work/workers/$staffId"
              params={{ orgId, staffId: added.id }}
              className="govuk-notification-banner__link"
            >
              View {added.name}'s record
            </Link>
          </p>
        </SuccessBanner>
      )}
      <ErrorSummary
        error={error}
        fields={{
          ...ADD_IDS,
          startDate: firstBox("add-start", dateProblems, "startDate"),
          dateOfBirth: firstBox("add-dob", dateProblems, "dateOfBirth"),
          qualifiedOn: firstBox("add-qualified", dateProblems, "qualifiedOn"),
        }}
      />
      <p className="govuk-body">
        This adds a staff record at the service's workplace and their social work profile, in this team.
      </p>
      <form onSubmit={submit} noValidate>
        <TextInput
          id="add-name"
          name="name"
          label="Name or staff reference"
          hint="How the service knows them"
          value={v.name}
          onChange={set("name")}
          error={errors.name}
          width="govuk-input--width-30"
        />
        <TextInput
          id="add-local-ref"
          name="localRef"
          label="Staff reference (optional)"
          hint="For example a payroll number"
          value={v.localRef}
          onChange={set("localRef")}
          error={errors.localRef}
          width="govuk-input--width-20"
        />
        <Select
          id="add-role"
          name="role"
          label="Role"
          value={v.role}
          onChange={set("role")}
          error={errors.role}
          options={SW_ROLE_KEYS.map((r) => ({ value: r, label: swRoleLabel(r) }))}
        />
        <DateInput
          id="add-start"
          legend="Start date"
          hint="The day they started in this role, for example 1 9 2026"
          value={start}
          onChange={setStart}
          error={errors.startDate}
          errorParts={dateProblems?.parts.startDate}
        />
        <TextInput
          id="add-hours"
          name="contractedHours"
          label="Contracted hours a week"
          hint="For example, 37 for full time or 18.5 for half time"
          value={v.hours}
          onChange={set("hours")}
          error={errors.contractedHours}
          width="govuk-input--width-20"
        />
        <DateInput
          id="add-dob"
          legend="Date of birth (optional)"
          hint="For example, 27 3 1990"
          value={dob}
          onChange={setDob}
          error={errors.dateOfBirth}
          errorParts={dateProblems?.parts.dateOfBirth}
        />
        <Select
          id="add-sex"
          name="gender"
          label="Sex (optional)"
          value={v.gender}
          onChange={set("gender")}
          error={errors.gender}
          options={[{ value: "", label: "Not answered" }, ...SEX_OPTIONS]}
        />
        <Select
          id="add-ethnicity"
          name="ethnicity"
          label="Ethnicity (optional)"
          value={v.ethnicity}
          onChange={set("ethnicity")}
          error={errors.ethnicity}
          options={[{ value: "", label: "Not answered" }, ...ETHNICITY_OPTIONS]}
        />
        <TextInput
          id="add-swe"
          name="sweNumber"
          label="Social Work England number (optional)"
          hint="SW followed by digits, for example SW123456"
          value={v.sweNumber}
          onChange={set("sweNumber")}
          error={errors.sweNumber}
          width="govuk-input--width-20"
          spellCheck={false}
        />
        <DateInput
          id="add-qualified"
          legend="Date they qualified (optional)"
          hint="When they qualified as a social worker, for example 30 6 2024"
          value={qualified}
          onChange={setQualified}
          error={errors.qualifiedOn}
          errorParts={dateProblems?.parts.qualifiedOn}
        />
        <Select
          id="add-route"
          name="routeIn"
          label="How they came into social work"
          hint="The grow-your-own figures count the council's own routes"
          value={v.routeIn}
          onChange={set("routeIn")}
          error={errors.routeIn}
          options={ROUTES_IN.map((r) => ({ value: r, label: ROUTE_IN_LABELS[r] }))}
        />
        <Select
          id="add-pcf"
          name="pcfLevel"
          label="PCF level (optional)"
          hint="Their level in the Professional Capabilities Framework"
          value={v.pcfLevel}
          onChange={set("pcfLevel")}
          error={errors.pcfLevel}
          options={[
            { value: "", label: "Not recorded" },
            ...PCF_LEVELS.map((l) => ({ value: l, label: PCF_LEVEL_LABELS[l] })),
          ]}
        />
        <TextInput
          id="add-grade"
          name="grade"
          label="Grade (optional)"
          hint="The council's pay grade, for example Grade 8"
          value={v.grade}
          onChange={set("grade")}
          error={errors.grade}
          width="govuk-input--width-20"
        />
        <Button disabled={add.isPending}>{add.isPending ? "Adding…" : "Add the worker"}</Button>
      </form>
    </>
  );
}

export function SwTeamPage() {
  const { orgId, teamId } = route.useParams();
  const org = useOrg(orgId);
  const canManage = org.data?.permissions.includes("socialwork.manage") ?? false;
  const client = useQueryClient();
  const team = useQuery(swServiceQueries.team(orgId, teamId));
  const archive = useMutation({
    mutationFn: () => swServiceMutations.archiveTeam(orgId, teamId),
    onSuccess: () => client.invalidateQueries({ queryKey: swServiceKeys.all(orgId) }),
  });
  const d = team.data;
  return (
    <Page title={d ? d.team.name : "Team"}>
      <p className="govuk-body">
        <Link to="/orgs/$orgId/social-work/teams" params={{ orgId }} className="govuk-link">
          Back to teams and posts
        </Link>
      </p>
      {team.isError && <ErrorSummary error={team.error} />}
      {d && (
        <>
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Service</dt>
              <dd className="govuk-summary-list__value">{SW_SERVICE_LABELS[d.team.service]}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Service area</dt>
              <dd className="govuk-summary-list__value">{d.team.serviceArea || "Not recorded"}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Manager</dt>
              <dd className="govuk-summary-list__value">{d.team.manager?.name ?? "None"}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Caseload threshold</dt>
              <dd className="govuk-summary-list__value">
                {d.team.caseloadThreshold === null
                  ? "The service's (see settings)"
                  : `${d.team.caseloadThreshold} open cases`}
              </dd>
            </div>
            {d.team.archivedAt && (
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Archived</dt>
                <dd className="govuk-summary-list__value">{longDate(d.team.archivedAt)}</dd>
              </div>
            )}
          </dl>
          {d.establishment.rows.length ? (
            <Table
              caption={`Posts on ${longDate(d.at)} (full-time equivalents)`}
              rowKey={(r) => r.role}
              rows={[
                ...d.establishment.rows,
                { ...d.establishment.totals, role: "total" as never, roleLabel: "Total" },
              ]}
              columns={[
                { header: "Role", cell: (r) => r.roleLabel },
                { header: "Funded", numeric: true, cell: (r) => fte(r.funded) },
                { header: "Filled", numeric: true, cell: (r) => fte(r.filled) },
                { header: "Vacant", numeric: true, cell: (r) => fte(r.vacant) },
                { header: "Covered by agency", numeric: true, cell: (r) => fte(r.agencyCover) },
              ]}
            />
          ) : (
            <p className="govuk-body">No posts are funded and nobody is in post.</p>
          )}
          <Table
            caption="Workers"
            rowKey={(w) => w.id}
            rows={d.workers}
            columns={[
              {
                header: "Worker",
                sortValue: (w) => w.name,
                cell: (w) => (
                  <Link
                    to="/orgs/$orgId/social-work/workers/$staffId"
                    params={{ orgId, staffId: w.id }}
                    className="govuk-link"
                  >
                    {w.name}
                  </Link>
                ),
              },
              { header: "Role", cell: (w) => w.roleLabel },
              { header: "FTE", numeric: true, cell: (w) => fte(w.fte) },
              { header: "Started", cell: (w) => longDate(w.startDate) },
              { header: "Alerts", cell: (w) => <AlertList alerts={w.alerts} /> },
            ]}
          />
          {d.history.length > 0 && (
            <Table
              caption="Funded posts over time"
              rowKey={(h) => `${h.role}-${h.effectiveFrom}`}
              rows={d.history}
              columns={[
                { header: "Role", cell: (h) => swRoleLabel(h.role) },
                { header: "From", cell: (h) => longDate(h.effectiveFrom) },
                { header: "Funded", numeric: true, cell: (h) => fte(h.fundedFte) },
              ]}
            />
          )}
          {canManage && !d.team.archivedAt && (
            <>
              <AddWorker orgId={orgId} teamId={teamId} teamName={d.team.name} />
              <SetFunded orgId={orgId} teamId={teamId} />
              <h2 className="govuk-heading-m">Archive the team</h2>
              <ErrorSummary error={archive.error} />
              <p className="govuk-body">A team can be archived once nobody is in post in it.</p>
              <Button warning type="button" disabled={archive.isPending} onClick={() => archive.mutate()}>
                Archive {d.team.name}
              </Button>
            </>
          )}
        </>
      )}
    </Page>
  );
}
