import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import { LEAVING_REASONS } from "../../../shared/ascwds/codes";
import { type DateParts, datePartsOf, isBlankDate, parseDateParts } from "../../../shared/date-input";
import { longDate } from "../../../shared/dates";
import {
  PCF_LEVEL_LABELS,
  PCF_LEVELS,
  type PcfLevel,
  ROUTE_IN_LABELS,
  type RouteIn,
  SW_SERVICE_LABELS,
  SW_SPECIALISM_LABELS,
  type SwSpecialism,
} from "../../../shared/social-work";
import { DateInput } from "../../components/DateInput";
import { Button, ErrorSummary, fieldErrors, Select, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { useOrg } from "../../lib/org";
import {
  swServiceKeys,
  swServiceMutations,
  swServiceQueries,
  type WorkerDetail,
} from "../../queries/social-work-service";
import { AlertList, fte } from "./teams-page";
import { AsyeSection } from "./worker-sections/asye-section";
import { CaseloadSection } from "./worker-sections/caseload-section";
import { ProgressionSection } from "./worker-sections/progression-section";
import { SupervisionSection } from "./worker-sections/supervision-section";

// A social worker (issue 20 item 1): the profile (registration, PCF level, grade, specialisms,
// warrants, route in) with its alerts, the service lead's edits and leaver form, and the sections
// other parts build (ASYE, supervision, caseload, progression) for this worker.

const route = getRouteApi("/orgs/$orgId/social-work/workers/$staffId");
const when = (d: string | null) => (d ? longDate(d) : "Not recorded");

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

/** The profile as a summary list: shared with a worker's own page. */
export function ProfileSummary({ profile: p }: { profile: WorkerDetail["profile"] }) {
  return (
    <dl className="govuk-summary-list">
      <Row label="Social Work England number">{p.sweNumber ?? "Not recorded"}</Row>
      <Row label="Registration renewal">{when(p.sweRenewalDate)}</Row>
      <Row label="CPD last recorded">{when(p.cpdRecordedOn)}</Row>
      <Row label="PCF level">{p.pcfLevel ? PCF_LEVEL_LABELS[p.pcfLevel as PcfLevel] : "Not recorded"}</Row>
      <Row label="Grade">{p.grade ?? "Not recorded"}</Row>
      <Row label="Qualified">{when(p.qualifiedOn)}</Row>
      <Row label="Route in">{ROUTE_IN_LABELS[p.routeIn as RouteIn] ?? p.routeIn}</Row>
      <Row label="Specialisms">
        {p.specialisms.length
          ? p.specialisms.map((s) => SW_SPECIALISM_LABELS[s as SwSpecialism] ?? s).join(", ")
          : "None"}
      </Row>
      <Row label="AMHP approval ends">{p.amhpApprovedUntil ? longDate(p.amhpApprovedUntil) : "Not an AMHP"}</Row>
      <Row label="BIA">
        {p.biaQualifiedOn
          ? `Qualified ${longDate(p.biaQualifiedOn)}; latest further training ${when(p.biaTrainingOn)}`
          : "Not a BIA"}
      </Row>
      <Row label="Practice educator">{p.peStage ? `Stage ${p.peStage}` : "No"}</Row>
    </dl>
  );
}

const DATE_FIELDS = [
  ["sweRenewalDate", "Registration renewal date"],
  ["cpdRecordedOn", "Date CPD was last recorded"],
  ["qualifiedOn", "Date they qualified"],
  ["amhpApprovedUntil", "Date the AMHP approval ends"],
  ["biaQualifiedOn", "Date they qualified as a BIA"],
  ["biaTrainingOn", "Date of the latest BIA further training"],
] as const;
type DateField = (typeof DATE_FIELDS)[number][0];

function EditProfile({ orgId, worker }: { orgId: string; worker: WorkerDetail }) {
  const client = useQueryClient();
  const p = worker.profile;
  const [pcfLevel, setPcf] = useState(p.pcfLevel ?? "");
  const [grade, setGrade] = useState(p.grade ?? "");
  const [sweNumber, setSwe] = useState(p.sweNumber ?? "");
  const [peStage, setPe] = useState(p.peStage ? String(p.peStage) : "");
  const [dates, setDates] = useState<Record<DateField, DateParts>>(
    Object.fromEntries(DATE_FIELDS.map(([k]) => [k, datePartsOf(p[k])])) as Record<DateField, DateParts>,
  );
  const [dateErrors, setDateErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (parsed: Record<DateField, string | null>) =>
      swServiceMutations.updateProfile(orgId, worker.id, {
        pcfLevel: (pcfLevel || null) as PcfLevel | null,
        grade: grade.trim() || null,
        sweNumber: sweNumber.trim() || null,
        peStage: peStage ? (Number(peStage) as 1 | 2) : null,
        ...parsed,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: swServiceKeys.all(orgId) }),
  });
  const errors = { ...fieldErrors(save.error), ...dateErrors };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = {} as Record<DateField, string | null>;
        const problems: Record<string, string> = {};
        for (const [k, label] of DATE_FIELDS) {
          if (isBlankDate(dates[k])) parsed[k] = null;
          else {
            const r = parseDateParts(dates[k], label);
            if (r.ok) parsed[k] = r.iso;
            else problems[k] = r.message;
          }
        }
        setDateErrors(problems);
        if (!Object.keys(problems).length) save.mutate(parsed);
      }}
    >
      <h2 className="govuk-heading-m">Change the profile</h2>
      <ErrorSummary error={save.error} />
      <Select
        id="pcfLevel"
        name="pcfLevel"
        label="PCF level"
        value={pcfLevel}
        onChange={setPcf}
        error={errors.pcfLevel}
        options={[
          { value: "", label: "Not recorded" },
          ...PCF_LEVELS.map((l) => ({ value: l, label: PCF_LEVEL_LABELS[l] })),
        ]}
      />
      <TextInput id="grade" name="grade" label="Grade" value={grade} onChange={setGrade} error={errors.grade} />
      <TextInput
        id="sweNumber"
        name="sweNumber"
        label="Social Work England number"
        hint="SW followed by digits, like SW123456"
        value={sweNumber}
        onChange={setSwe}
        error={errors.sweNumber}
      />
      <Select
        id="peStage"
        name="peStage"
        label="Practice educator stage"
        value={peStage}
        onChange={setPe}
        error={errors.peStage}
        options={[
          { value: "", label: "Not a practice educator" },
          { value: "1", label: "Stage 1" },
          { value: "2", label: "Stage 2" },
        ]}
      />
      {DATE_FIELDS.map(([k, label]) => (
        <DateInput
          key={k}
          id={k}
          legend={label}
          hint="Leave empty if it does not apply"
          value={dates[k]}
          onChange={(v) => setDates((d) => ({ ...d, [k]: v }))}
          error={errors[k]}
        />
      ))}
      <Button disabled={save.isPending}>Save the profile</Button>
    </form>
  );
}

function Leaver({ orgId, worker }: { orgId: string; worker: WorkerDetail }) {
  const client = useQueryClient();
  const [date, setDate] = useState<DateParts>(datePartsOf(null));
  const [reason, setReason] = useState("");
  const [dateError, setDateError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: (leavingDate: string) =>
      swServiceMutations.recordLeaver(orgId, worker.id, { leavingDate, reason: reason ? Number(reason) : Number.NaN }),
    onSuccess: () => client.invalidateQueries({ queryKey: swServiceKeys.all(orgId) }),
  });
  const errors = fieldErrors(save.error);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = parseDateParts(date, "Leaving date");
        if (!parsed.ok) return setDateError(parsed.message);
        setDateError(undefined);
        save.mutate(parsed.iso);
      }}
    >
      <h2 className="govuk-heading-m">Record that {worker.name} left</h2>
      <ErrorSummary error={save.error} />
      <DateInput
        id="leavingDate"
        legend="Leaving date"
        value={date}
        onChange={setDate}
        error={dateError ?? errors.leavingDate}
      />
      <Select
        id="reason"
        name="reason"
        label="Reason for leaving"
        value={reason}
        onChange={setReason}
        error={errors.reason}
        options={[
          { value: "", label: "Choose a reason" },
          ...Object.entries(LEAVING_REASONS).map(([code, label]) => ({ value: code, label })),
        ]}
      />
      <Button warning disabled={save.isPending}>
        Record the leaver
      </Button>
    </form>
  );
}

export function SwWorkerPage() {
  const { orgId, staffId } = route.useParams();
  const org = useOrg(orgId);
  const canManage = org.data?.permissions.includes("socialwork.manage") ?? false;
  const worker = useQuery(swServiceQueries.worker(orgId, staffId));
  const w = worker.data?.worker;
  const source = { kind: "worker" as const, orgId, staffId };
  return (
    <Page title={w?.name ?? "Social worker"} caption={w ? `${w.roleLabel}, ${w.teamName}` : undefined}>
      {worker.isError && <ErrorSummary error={worker.error} />}
      {w && (
        <>
          <p className="govuk-body">
            <Link
              to="/orgs/$orgId/social-work/teams/$teamId"
              params={{ orgId, teamId: w.teamId }}
              className="govuk-link"
            >
              Back to {w.teamName}
            </Link>
          </p>
          <p className="govuk-body">
            {SW_SERVICE_LABELS[w.service]}. Started {longDate(w.startDate)}
            {w.endDate ? `, left ${longDate(w.endDate)}` : ""}. {fte(w.fte)} full-time equivalent.
          </p>
          <h2 className="govuk-heading-m">Alerts</h2>
          <AlertList alerts={w.alerts} />
          <h2 className="govuk-heading-m">Registration and warrants</h2>
          <ProfileSummary profile={w.profile} />
          <AsyeSection source={source} />
          <SupervisionSection source={source} />
          <CaseloadSection source={source} />
          <ProgressionSection source={source} />
          {canManage && <EditProfile key={JSON.stringify(w.profile)} orgId={orgId} worker={w} />}
          {canManage && !w.endDate && <Leaver orgId={orgId} worker={w} />}
        </>
      )}
    </Page>
  );
}
