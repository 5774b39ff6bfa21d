import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { ETHNICITY_OPTIONS } from "../../../shared/ascwds/codes";
import { STAFF_FORM_FIELDS } from "../../../shared/ascwds/staff-form-fields";
import { type DateParts, datePartsOf } from "../../../shared/date-input";
import { longDate } from "../../../shared/dates";
import type { AddWorkerInput } from "../../../shared/schemas/social-work-service";
import { ROUTE_IN_LABELS, ROUTES_IN, SW_ROLE_KEYS, SW_SERVICE_LABELS, swRoleLabel } from "../../../shared/social-work";
import { MAX_CONTRACTED_HOURS, WORKER_AGE_RANGE } from "../../../shared/sw-worker-details";
import { DateInput } from "../../components/DateInput";
import { Button, ErrorSummary, fieldErrors, Select, SuccessBanner, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { PlainForm, useDateBoxes, useTextFields } from "../../components/plain-form";
import { SummaryList, SummaryRow } from "../../components/SummaryList";
import { Table } from "../../components/Table";
import { checkDates, type DateProblems, firstBox } from "../../lib/date-checks";
import { useOrg } from "../../lib/org";
import { swServiceKeys, swServiceMutations, swServiceQueries } from "../../queries/social-work-service";
import { fte, PCF_OPTIONS, SwPageLinks, WorkerLink } from "./common";
import { AlertList } from "./teams-page";

// A team (issue 20 item 1): its posts by role on the day (funded, filled, vacant, agency cover),
// the funded posts' history, its workers with their alerts; the service lead sets a role's funded
// posts from a date and archives a team with nobody in post.

const route = getRouteApi("/orgs/$orgId/social-work/teams/$teamId");

function SetFunded({ orgId, teamId }: { orgId: string; teamId: string }) {
  const client = useQueryClient();
  const { values: v, field } = useTextFields({ role: "social_worker", fundedFte: "" });
  const from = useDateBoxes();
  const save = useMutation({
    mutationFn: (effectiveFrom: string) =>
      swServiceMutations.setEstablishment(orgId, teamId, {
        role: v.role as (typeof SW_ROLE_KEYS)[number],
        fundedFte: v.fundedFte.trim() === "" ? Number.NaN : Number(v.fundedFte),
        effectiveFrom,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: swServiceKeys.all(orgId) }),
  });
  const errors = fieldErrors(save.error);
  const bound = field(errors);
  return (
    <PlainForm
      onSubmit={() => {
        const iso = from.read("Date the funding starts");
        if (iso) save.mutate(iso);
      }}
    >
      <h2 className="govuk-heading-m">Set funded posts</h2>
      <ErrorSummary error={save.error} />
      <Select {...bound("role")} label="Role" options={ROLE_OPTIONS} />
      <TextInput {...bound("fundedFte")} label="Funded posts (full-time equivalents)" hint="For example, 4.5" />
      <DateInput
        id="effectiveFrom"
        legend="Date the funding starts"
        hint="Earlier figures are kept as history"
        value={from.value}
        onChange={from.onChange}
        error={from.error ?? errors.effectiveFrom}
      />
      <Button disabled={save.isPending}>Save funded posts</Button>
    </PlainForm>
  );
}

const ROLE_OPTIONS = SW_ROLE_KEYS.map((r) => ({ value: r, label: swRoleLabel(r) }));

// The staff form's ASC-WDS gender options (Female, Male, Other, Don't know), reused as they are.
const SEX_OPTIONS = Object.entries(STAFF_FORM_FIELDS.find((f) => f.column === "GENDER")?.options ?? {}).map(
  ([value, label]) => ({ value, label }),
);

/** The field each problem is about → the id of its box, which the error summary links to. */
const ADD_IDS = {
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

const emptyAdd: Record<keyof typeof ADD_IDS, string> = {
  name: "",
  localRef: "",
  role: "social_worker",
  contractedHours: "",
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
  const { values: v, field, reset } = useTextFields(emptyAdd);
  const [start, setStart] = useState<DateParts>(datePartsOf(null));
  const [dob, setDob] = useState<DateParts>(datePartsOf(null));
  const [qualified, setQualified] = useState<DateParts>(datePartsOf(null));
  const [dateProblems, setDateProblems] = useState<DateProblems | null>(null);
  const [added, setAdded] = useState<{ id: string; name: string } | null>(null);
  const add = useMutation({
    mutationFn: (body: AddWorkerInput) => swServiceMutations.addWorker(orgId, body),
    onSuccess: (res) => {
      setAdded({ id: res.worker.id, name: res.worker.name });
      reset();
      setStart(datePartsOf(null));
      setDob(datePartsOf(null));
      setQualified(datePartsOf(null));
      client.invalidateQueries({ queryKey: swServiceKeys.all(orgId) });
    },
  });
  const submit = () => {
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
      contractedHours: v.contractedHours.trim() === "" ? Number.NaN : Number(v.contractedHours),
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
  const bound = (name: keyof typeof ADD_IDS) => field(errors)(name, ADD_IDS[name]);
  /** A date's boxes: its value, setter, error and the boxes at fault. */
  const date = (id: string, key: keyof AddWorkerInput, value: DateParts, onChange: (v: DateParts) => void) => ({
    id,
    value,
    onChange,
    error: errors[key],
    errorParts: dateProblems?.parts[key],
  });
  const narrow = "govuk-input--width-20";
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
      <PlainForm onSubmit={submit}>
        <TextInput
          {...bound("name")}
          label="Name or staff reference"
          hint="How the service knows them"
          width="govuk-input--width-30"
        />
        <TextInput
          {...bound("localRef")}
          label="Staff reference (optional)"
          hint="For example a payroll number"
          width={narrow}
        />
        <Select {...bound("role")} label="Role" options={ROLE_OPTIONS} />
        <DateInput
          {...date("add-start", "startDate", start, setStart)}
          legend="Start date"
          hint="The day they started in this role, for example 1 9 2026"
        />
        <TextInput
          {...bound("contractedHours")}
          label="Contracted hours a week"
          hint={`More than 0 and at most ${MAX_CONTRACTED_HOURS}, for example 37 for full time or 18.5 for half time`}
          width={narrow}
        />
        <DateInput
          {...date("add-dob", "dateOfBirth", dob, setDob)}
          legend="Date of birth (optional)"
          hint={`They must be aged ${WORKER_AGE_RANGE[0]} to ${WORKER_AGE_RANGE[1]} on their start date. For example, 27 3 1990`}
        />
        <Select {...bound("gender")} label="Sex (optional)" options={[NOT_ANSWERED, ...SEX_OPTIONS]} />
        <Select {...bound("ethnicity")} label="Ethnicity (optional)" options={[NOT_ANSWERED, ...ETHNICITY_OPTIONS]} />
        <TextInput
          {...bound("sweNumber")}
          label="Social Work England number (optional)"
          hint="SW followed by 4 to 7 digits, for example SW640100"
          width={narrow}
          spellCheck={false}
        />
        <DateInput
          {...date("add-qualified", "qualifiedOn", qualified, setQualified)}
          legend="Date they qualified (optional)"
          hint="When they qualified as a social worker, for example 30 6 2024"
        />
        <Select
          {...bound("routeIn")}
          label="How they came into social work"
          hint="The grow-your-own figures count the council's own routes"
          options={ROUTES_IN.map((r) => ({ value: r, label: ROUTE_IN_LABELS[r] }))}
        />
        <Select
          {...bound("pcfLevel")}
          label="PCF level (optional)"
          hint="Their level in the Professional Capabilities Framework"
          options={PCF_OPTIONS}
        />
        <TextInput
          {...bound("grade")}
          label="Grade (optional)"
          hint="The council's pay grade, for example Grade 8"
          width={narrow}
        />
        <Button disabled={add.isPending}>{add.isPending ? "Adding…" : "Add the worker"}</Button>
      </PlainForm>
    </>
  );
}

const NOT_ANSWERED = { value: "", label: "Not answered" };

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
      <SwPageLinks orgId={orgId} links={[["/orgs/$orgId/social-work/teams", "Back to teams and posts"]]} />
      {team.isError && <ErrorSummary error={team.error} />}
      {d && (
        <>
          <SummaryList>
            <SummaryRow label="Service">{SW_SERVICE_LABELS[d.team.service]}</SummaryRow>
            <SummaryRow label="Service area">{d.team.serviceArea || "Not recorded"}</SummaryRow>
            <SummaryRow label="Manager">{d.team.manager?.name ?? "None"}</SummaryRow>
            <SummaryRow label="Caseload threshold">
              {d.team.caseloadThreshold === null
                ? "The service's (see settings)"
                : `${d.team.caseloadThreshold} open cases`}
            </SummaryRow>
            {d.team.archivedAt && <SummaryRow label="Archived">{longDate(d.team.archivedAt)}</SummaryRow>}
          </SummaryList>
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
                cell: (w) => <WorkerLink orgId={orgId} staffId={w.id} name={w.name} />,
              },
              { header: "Role", cell: (w) => w.roleLabel },
              { header: "FTE", numeric: true, cell: (w) => fte(w.fte) },
              {
                header: "Started",
                // Someone starting later is listed, so the team can plan: marked so nobody counts them in post yet.
                cell: (w) =>
                  w.startDate > d.at ? (
                    <strong className="govuk-tag govuk-tag--blue">Starts on {longDate(w.startDate)}</strong>
                  ) : (
                    longDate(w.startDate)
                  ),
              },
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
