import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { type DateParts, datePartsOf, isBlankDate, parseDateParts } from "../../../shared/date-input";
import { longDate, todayIso } from "../../../shared/dates";
import {
  PCF_LEVEL_LABELS,
  type PcfLevel,
  ROUTE_IN_LABELS,
  type RouteIn,
  SW_SERVICE_LABELS,
  SW_SPECIALISM_LABELS,
  type SwSpecialism,
} from "../../../shared/social-work";
import { LEAVING_NOTICE_MONTHS, swLeavingReasonOptions } from "../../../shared/sw-leaving";
import { DateInput } from "../../components/DateInput";
import { Button, ErrorSummary, fieldErrors, Select, SuccessBanner, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { PlainForm, useDateBoxes, useTextFields } from "../../components/plain-form";
import { SummaryList, SummaryRow } from "../../components/SummaryList";
import { useOrg } from "../../lib/org";
import {
  swServiceKeys,
  swServiceMutations,
  swServiceQueries,
  type WorkerDetail,
} from "../../queries/social-work-service";
import { fte, PCF_OPTIONS } from "./common";
import { AlertList } from "./teams-page";
import { AsyeSection } from "./worker-sections/asye-section";
import { CaseloadSection } from "./worker-sections/caseload-section";
import { ProgressionSection } from "./worker-sections/progression-section";
import { SupervisionSection } from "./worker-sections/supervision-section";

// A social worker (issue 20 item 1): the profile (registration, PCF level, grade, specialisms,
// warrants, route in) with its alerts, the service lead's edits and leaver form, and the sections
// other parts build (ASYE, supervision, caseload, progression) for this worker.

const route = getRouteApi("/orgs/$orgId/social-work/workers/$staffId");
const when = (d: string | null) => (d ? longDate(d) : "Not recorded");

/** The profile as a summary list: shared with a worker's own page. */
export function ProfileSummary({ profile: p }: { profile: WorkerDetail["profile"] }) {
  return (
    <SummaryList>
      <SummaryRow label="Social Work England number">{p.sweNumber ?? "Not recorded"}</SummaryRow>
      <SummaryRow label="Registration renewal">{when(p.sweRenewalDate)}</SummaryRow>
      <SummaryRow label="CPD last recorded">{when(p.cpdRecordedOn)}</SummaryRow>
      <SummaryRow label="PCF level">
        {p.pcfLevel ? PCF_LEVEL_LABELS[p.pcfLevel as PcfLevel] : "Not recorded"}
      </SummaryRow>
      <SummaryRow label="Grade">{p.grade ?? "Not recorded"}</SummaryRow>
      <SummaryRow label="Qualified">{when(p.qualifiedOn)}</SummaryRow>
      <SummaryRow label="Route in">{ROUTE_IN_LABELS[p.routeIn as RouteIn] ?? p.routeIn}</SummaryRow>
      <SummaryRow label="Specialisms">
        {p.specialisms.length
          ? p.specialisms.map((s) => SW_SPECIALISM_LABELS[s as SwSpecialism] ?? s).join(", ")
          : "None"}
      </SummaryRow>
      <SummaryRow label="AMHP approval ends">
        {p.amhpApprovedUntil ? longDate(p.amhpApprovedUntil) : "Not an AMHP"}
      </SummaryRow>
      <SummaryRow label="BIA">
        {p.biaQualifiedOn
          ? `Qualified ${longDate(p.biaQualifiedOn)}; latest further training ${when(p.biaTrainingOn)}`
          : "Not a BIA"}
      </SummaryRow>
      <SummaryRow label="Practice educator">{p.peStage ? `Stage ${p.peStage}` : "No"}</SummaryRow>
    </SummaryList>
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
  const { values: v, field } = useTextFields({
    pcfLevel: p.pcfLevel ?? "",
    grade: p.grade ?? "",
    sweNumber: p.sweNumber ?? "",
    peStage: p.peStage ? String(p.peStage) : "",
  });
  const [dates, setDates] = useState<Record<DateField, DateParts>>(
    Object.fromEntries(DATE_FIELDS.map(([k]) => [k, datePartsOf(p[k])])) as Record<DateField, DateParts>,
  );
  const [dateErrors, setDateErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (parsed: Record<DateField, string | null>) =>
      swServiceMutations.updateProfile(orgId, worker.id, {
        pcfLevel: (v.pcfLevel || null) as PcfLevel | null,
        grade: v.grade.trim() || null,
        sweNumber: v.sweNumber.trim() || null,
        peStage: v.peStage ? (Number(v.peStage) as 1 | 2) : null,
        ...parsed,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: swServiceKeys.all(orgId) }),
  });
  const errors = { ...fieldErrors(save.error), ...dateErrors };
  const bound = field(errors);
  const submit = () => {
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
  };
  return (
    <PlainForm onSubmit={submit}>
      <h2 className="govuk-heading-m">Change the profile</h2>
      <ErrorSummary error={save.error} />
      <Select {...bound("pcfLevel")} label="PCF level" options={PCF_OPTIONS} />
      <TextInput {...bound("grade")} label="Grade" />
      <TextInput
        {...bound("sweNumber")}
        label="Social Work England number"
        hint="SW followed by 4 to 7 digits, like SW640100"
      />
      <Select
        {...bound("peStage")}
        label="Practice educator stage"
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
    </PlainForm>
  );
}

function Leaver({
  orgId,
  worker,
  onRecorded,
}: {
  orgId: string;
  worker: WorkerDetail;
  onRecorded: (leavingDate: string) => void;
}) {
  const client = useQueryClient();
  const date = useDateBoxes();
  const [reason, setReason] = useState("");
  const save = useMutation({
    mutationFn: (leavingDate: string) =>
      swServiceMutations.recordLeaver(orgId, worker.id, { leavingDate, reason: reason ? Number(reason) : Number.NaN }),
    onSuccess: (res) => {
      if (res.worker.endDate) onRecorded(res.worker.endDate);
      return client.invalidateQueries({ queryKey: swServiceKeys.all(orgId) });
    },
  });
  const errors = fieldErrors(save.error);
  return (
    <PlainForm
      onSubmit={() => {
        const iso = date.read("Leaving date");
        if (iso) save.mutate(iso);
      }}
    >
      <h2 className="govuk-heading-m">Record that {worker.name} left</h2>
      <ErrorSummary error={save.error} />
      <DateInput
        id="leavingDate"
        legend="Leaving date"
        hint={`The day they leave (from that day they are no longer in post). For someone working their notice, up to ${LEAVING_NOTICE_MONTHS} months ahead: they stay in post until then`}
        value={date.value}
        onChange={date.onChange}
        error={date.error ?? errors.leavingDate}
      />
      <Select
        id="reason"
        name="reason"
        label="Reason for leaving"
        value={reason}
        onChange={setReason}
        error={errors.reason}
        options={[{ value: "", label: "Choose a reason" }, ...swLeavingReasonOptions(worker.service)]}
      />
      <Button warning disabled={save.isPending}>
        Record the leaver
      </Button>
    </PlainForm>
  );
}

export function SwWorkerPage() {
  const { orgId, staffId } = route.useParams();
  const org = useOrg(orgId);
  const canManage = org.data?.permissions.includes("socialwork.manage") ?? false;
  const worker = useQuery(swServiceQueries.worker(orgId, staffId));
  const w = worker.data?.worker;
  const source = { kind: "worker" as const, orgId, staffId };
  const [recorded, setRecorded] = useState<string | null>(null);
  // In post while the end date is after the day (metrics.md): a later end date is notice being worked.
  const leftOn = w?.endDate && w.endDate <= todayIso() ? w.endDate : null;
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
          {recorded && (
            <SuccessBanner title={`${w.name}'s leaving date, ${longDate(recorded)}, is recorded`}>
              <p className="govuk-body">
                Next, offer them an exit interview from the{" "}
                <Link to="/orgs/$orgId/exit-interviews" params={{ orgId }} className="govuk-notification-banner__link">
                  exit interviews page
                </Link>
                : what they say helps keep the people who stay.
              </p>
            </SuccessBanner>
          )}
          {leftOn ? (
            <div className="govuk-inset-text" data-testid="worker-left">
              {w.name} left on {longDate(leftOn)}. Nothing is due for them now: no supervision, reviews or alerts after
              the day they left.
            </div>
          ) : (
            w.endDate && (
              <div className="govuk-inset-text" data-testid="worker-leaving">
                {w.name} is working their notice and leaves on {longDate(w.endDate)}.
              </div>
            )
          )}
          <p className="govuk-body">
            {SW_SERVICE_LABELS[w.service]}. {w.startDate > todayIso() ? "Starts on" : "Started"} {longDate(w.startDate)}
            {w.endDate ? `, ${leftOn ? "left" : "leaves"} ${longDate(w.endDate)}` : ""}. {fte(w.fte)} full-time
            equivalent.
          </p>
          <h2 className="govuk-heading-m">Alerts</h2>
          <AlertList alerts={w.alerts} />
          <h2 className="govuk-heading-m">Registration and warrants</h2>
          <ProfileSummary profile={w.profile} />
          <AsyeSection source={source} />
          <SupervisionSection source={source} />
          <CaseloadSection source={source} />
          <ProgressionSection source={source} leftOn={leftOn} />
          {canManage && <EditProfile key={JSON.stringify(w.profile)} orgId={orgId} worker={w} />}
          {canManage && !w.endDate && <Leaver orgId={orgId} worker={w} onRecorded={setRecorded} />}
        </>
      )}
    </Page>
  );
}
