import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { pounds } from "../../../shared/commissioning-words";
import { type DateParts, datePartsOf, isBlankDate, parseDateParts } from "../../../shared/date-input";
import { longDate } from "../../../shared/dates";
import { TRAINEE_ROUTE_LABELS, TRAINEE_ROUTES, type TraineeRoute } from "../../../shared/social-work";
import {
  ESG_RATES_NOTE,
  PE_PAYMENT_STATUS_LABELS,
  PLACEMENT_DAYS,
  REPAYMENT_TERMS,
  REPAYMENT_TERMS_LABELS,
  type RepaymentTerms,
} from "../../../shared/sw-routes-in";
import { DateInput } from "../../components/DateInput";
import { Button, ErrorSummary, fieldErrors, Select, SuccessBanner, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { Table } from "../../components/Table";
import { ApiError } from "../../lib/api";
import { useOrg } from "../../lib/org";
import {
  type PePaymentView,
  routesInApi,
  routesInKeys,
  routesInQueries,
  type TraineeDetail,
  type TraineeInput,
} from "../../queries/social-work-routes-in";

// A trainee (issue 20 item 2): their record, the ESG their placement earns, the practice
// educators they had with the payments, their outcome and the worker they became, and their
// commitment to stay with any repayment owed. The service lead changes the record and records
// the outcome; the form is shared with the routes-in page, which records new trainees.

const route = getRouteApi("/orgs/$orgId/social-work/routes-in/$traineeId");

export const STATUS_TEXT = { in_training: "In training", qualified: "Qualified", withdrawn: "Withdrawn" } as const;

const COMMITMENT_TEXT = {
  no_commitment: "No commitment to repay",
  not_started: "Not started: it runs from the day they join the council",
  serving: "Serving the commitment",
  served: "Served in full: nothing to repay",
  owed: "Left before the commitment ended: a repayment is owed",
} as const;

type Values = {
  route: TraineeRoute;
  name: string;
  teamId: string;
  university: string;
  programme: string;
  cohort: string;
  start: DateParts;
  end: DateParts;
  placementDays: string;
  skillsDays: string;
  practiceEducatorStaffId: string;
  esgClaimed: DateParts;
  esgAmount: string;
  cost: string;
  commitmentMonths: string;
  repaymentTerms: RepaymentTerms;
};

const text = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));
const fromTrainee = (t?: TraineeDetail): Values => ({
  route: t?.route ?? "placement",
  name: t?.name ?? "",
  teamId: t?.teamId ?? "",
  university: t?.university ?? "",
  programme: t?.programme ?? "",
  cohort: t?.cohort ?? "",
  start: datePartsOf(t?.startDate),
  end: datePartsOf(t?.endDate),
  placementDays: text(t?.placementDays),
  skillsDays: text(t?.skillsDays),
  practiceEducatorStaffId: t?.practiceEducatorStaffId ?? "",
  esgClaimed: datePartsOf(t?.esgClaimedOn),
  esgAmount: text(t?.esgAmount),
  cost: text(t?.cost),
  commitmentMonths: text(t?.commitmentMonths),
  repaymentTerms: t?.repaymentTerms ?? "none",
});

/** A number typed in a box: empty is null; anything else not a number goes as typed, for the server to name. */
const num = (s: string): number | null => {
  const t = s.replace(/[£,\s]/g, "");
  if (t === "") return null;
  return Number.isFinite(Number(t)) ? Number(t) : (s as unknown as number);
};

function toInput(v: Values): { input: TraineeInput } | { error: ApiError } {
  const issues: { path: string; message: string }[] = [];
  const day = (parts: DateParts, what: string, path: string, required: boolean) => {
    if (!required && isBlankDate(parts)) return null;
    const parsed = parseDateParts(parts, what);
    if (!parsed.ok) {
      issues.push({ path, message: parsed.message });
      return null;
    }
    return parsed.iso;
  };
  const startDate = day(v.start, "Start date", "startDate", true);
  const endDate = day(v.end, "End date", "endDate", false);
  const esgClaimedOn = day(v.esgClaimed, "Date the ESG was claimed", "esgClaimedOn", false);
  if (issues.length) return { error: new ApiError(400, "validation", issues[0].message, issues) };
  return {
    input: {
      route: v.route,
      name: v.name,
      teamId: v.teamId || null,
      university: v.university,
      programme: v.programme,
      cohort: v.cohort,
      startDate: startDate ?? "",
      endDate,
      placementDays: num(v.placementDays),
      skillsDays: num(v.skillsDays),
      practiceEducatorStaffId: v.practiceEducatorStaffId || null,
      esgClaimedOn,
      esgAmount: num(v.esgAmount),
      cost: num(v.cost),
      commitmentMonths: num(v.commitmentMonths),
      repaymentTerms: v.repaymentTerms,
    },
  };
}

const FIELDS: Record<string, string> = {
  route: "route",
  name: "name",
  teamId: "teamId",
  university: "university",
  programme: "programme",
  cohort: "cohort",
  startDate: "startDate-day",
  endDate: "endDate-day",
  placementDays: "placementDays",
  skillsDays: "skillsDays",
  practiceEducatorStaffId: "practiceEducatorStaffId",
  esgClaimedOn: "esgClaimedOn-day",
  esgAmount: "esgAmount",
  cost: "cost",
  commitmentMonths: "commitmentMonths",
  repaymentTerms: "repaymentTerms",
};

/** Recording a new trainee (no `trainee`) or changing one. */
export function TraineeForm({ orgId, trainee }: { orgId: string; trainee?: TraineeDetail }): React.ReactNode {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const options = useQuery(routesInQueries.options(orgId));
  const [v, setV] = useState<Values>(() => fromTrainee(trainee));
  const [localError, setLocalError] = useState<ApiError | null>(null);
  const set =
    <K extends keyof Values>(k: K) =>
    (value: Values[K]) =>
      setV((old) => ({ ...old, [k]: value }));
  const save = useMutation({
    mutationFn: (input: TraineeInput) =>
      trainee ? routesInApi.updateTrainee(orgId, trainee.id, input) : routesInApi.createTrainee(orgId, input),
    onSuccess: (res) => {
      queryClient.invalidateQueries({ queryKey: routesInKeys.all(orgId) });
      navigate({
        to: "/orgs/$orgId/social-work/routes-in/$traineeId",
        params: { orgId, traineeId: res.trainee.id },
      });
    },
  });
  const error = localError ?? save.error;
  const errors = fieldErrors(error);
  const rates = options.data?.rates;
  const pes = options.data?.practiceEducators ?? [];
  const placement = v.route === "placement";
  const sponsored = v.route === "apprentice" || v.route === "sponsored_masters";
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const out = toInput(v);
        if ("error" in out) return setLocalError(out.error);
        setLocalError(null);
        save.mutate(out.input);
      }}
    >
      <ErrorSummary error={error} fields={FIELDS} />
      <Select
        id="route"
        name="route"
        label="Route"
        value={v.route}
        onChange={(r) => set("route")(r as TraineeRoute)}
        error={errors.route}
        options={TRAINEE_ROUTES.map((r) => ({ value: r, label: TRAINEE_ROUTE_LABELS[r] }))}
      />
      <TextInput id="name" name="name" label="Name" value={v.name} onChange={set("name")} error={errors.name} />
      <Select
        id="teamId"
        name="teamId"
        label="Team"
        hint="The team they are placed in or work in (a team manager sees their own teams' trainees)"
        value={v.teamId}
        onChange={set("teamId")}
        error={errors.teamId}
        options={[
          { value: "", label: "No team" },
          ...(options.data?.teams ?? []).map((t) => ({ value: t.id, label: t.name })),
        ]}
      />
      <TextInput
        id="university"
        name="university"
        label="University"
        value={v.university}
        onChange={set("university")}
        error={errors.university}
      />
      <TextInput
        id="programme"
        name="programme"
        label="Programme"
        value={v.programme}
        onChange={set("programme")}
        error={errors.programme}
      />
      <TextInput
        id="cohort"
        name="cohort"
        label="Cohort (optional)"
        hint="For example 2025 intake; left empty, the academic year they started is used"
        value={v.cohort}
        onChange={set("cohort")}
        error={errors.cohort}
        width="govuk-input--width-20"
      />
      <DateInput id="startDate" legend="Start date" value={v.start} onChange={set("start")} error={errors.startDate} />
      <DateInput
        id="endDate"
        legend="End date"
        hint="The expected end of the placement or programme; a practice educator's payment falls due on it"
        value={v.end}
        onChange={set("end")}
        error={errors.endDate}
      />
      {placement && (
        <>
          <TextInput
            id="placementDays"
            name="placementDays"
            label="Placement days"
            hint={`Usually ${PLACEMENT_DAYS.first} for a first placement and ${PLACEMENT_DAYS.final} for a final one, of the ${PLACEMENT_DAYS.total} days of practice learning`}
            value={v.placementDays}
            onChange={set("placementDays")}
            error={errors.placementDays}
            width="govuk-input--width-20"
          />
          <TextInput
            id="skillsDays"
            name="skillsDays"
            label="Skills days (optional)"
            hint={`Up to ${PLACEMENT_DAYS.skillsMax}`}
            value={v.skillsDays}
            onChange={set("skillsDays")}
            error={errors.skillsDays}
            width="govuk-input--width-20"
          />
        </>
      )}
      <Select
        id="practiceEducatorStaffId"
        name="practiceEducatorStaffId"
        label="Practice educator"
        hint={
          rates
            ? `A worker with a practice educator stage; they are paid ${pounds(rates.pePaymentPerStudent)} per student when the placement ends`
            : undefined
        }
        value={v.practiceEducatorStaffId}
        onChange={set("practiceEducatorStaffId")}
        error={errors.practiceEducatorStaffId}
        options={[
          { value: "", label: "None" },
          ...pes.map((p) => ({ value: p.staffRecordId, label: `${p.name} (${p.teamName}, stage ${p.peStage})` })),
          // A former practice educator the record still names stays choosable.
          ...(trainee?.practiceEducatorStaffId && !pes.some((p) => p.staffRecordId === trainee.practiceEducatorStaffId)
            ? [
                {
                  value: trainee.practiceEducatorStaffId,
                  label: trainee.practiceEducatorName ?? "Former practice educator",
                },
              ]
            : []),
        ]}
      />
      {placement && (
        <>
          <DateInput
            id="esgClaimedOn"
            legend="Education Support Grant claimed on (optional)"
            hint={ESG_RATES_NOTE}
            value={v.esgClaimed}
            onChange={set("esgClaimed")}
            error={errors.esgClaimedOn}
          />
          <TextInput
            id="esgAmount"
            name="esgAmount"
            label="ESG amount claimed, in pounds (optional)"
            value={v.esgAmount}
            onChange={set("esgAmount")}
            error={errors.esgAmount}
            width="govuk-input--width-20"
          />
        </>
      )}
      {!placement && (
        <TextInput
          id="cost"
          name="cost"
          label="Cost to the council, in pounds (optional)"
          hint="Fees and salary top-up over the programme"
          value={v.cost}
          onChange={set("cost")}
          error={errors.cost}
          width="govuk-input--width-20"
        />
      )}
      {sponsored && (
        <>
          <TextInput
            id="commitmentMonths"
            name="commitmentMonths"
            label="Months they committed to stay after qualifying (optional)"
            value={v.commitmentMonths}
            onChange={set("commitmentMonths")}
            error={errors.commitmentMonths}
            width="govuk-input--width-20"
          />
          <Select
            id="repaymentTerms"
            name="repaymentTerms"
            label="If they leave before the commitment ends"
            value={v.repaymentTerms}
            onChange={(t) => set("repaymentTerms")(t as RepaymentTerms)}
            error={errors.repaymentTerms}
            options={REPAYMENT_TERMS.map((t) => ({ value: t, label: REPAYMENT_TERMS_LABELS[t] }))}
          />
        </>
      )}
      <Button disabled={save.isPending}>{trainee ? "Save changes" : "Record trainee"}</Button>
    </form>
  );
}

function OutcomeForm({ orgId, trainee }: { orgId: string; trainee: TraineeDetail }): React.ReactNode {
  const queryClient = useQueryClient();
  const options = useQuery(routesInQueries.options(orgId));
  const [outcome, setOutcome] = useState<string>(trainee.status);
  const [on, setOn] = useState<DateParts>(
    datePartsOf(
      trainee.status === "qualified" ? trainee.qualifiedOn : trainee.status === "withdrawn" ? trainee.endDate : null,
    ),
  );
  const [staffRecordId, setStaffRecordId] = useState(trainee.staffRecordId ?? "");
  const [localError, setLocalError] = useState<ApiError | null>(null);
  const save = useMutation({
    mutationFn: () => {
      const parsed = isBlankDate(on) ? null : parseDateParts(on, "Date");
      if (parsed && !parsed.ok)
        throw new ApiError(400, "validation", parsed.message, [{ path: "on", message: parsed.message }]);
      return routesInApi.recordOutcome(orgId, trainee.id, {
        outcome: outcome as "in_training",
        on: parsed?.ok ? parsed.iso : null,
        staffRecordId: outcome === "qualified" ? staffRecordId || null : null,
      });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: routesInKeys.all(orgId) }),
  });
  const error = localError ?? save.error;
  const errors = fieldErrors(error);
  const workers = (options.data?.workers ?? []).filter((w) => w.startDate >= trainee.startDate);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setLocalError(null);
        save.mutate();
      }}
    >
      <ErrorSummary error={error} fields={{ outcome: "outcome", on: "on-day", staffRecordId: "staffRecordId" }} />
      {save.isSuccess && <SuccessBanner title="Outcome saved" />}
      <Select
        id="outcome"
        name="outcome"
        label="Outcome"
        value={outcome}
        onChange={setOutcome}
        error={errors.outcome}
        options={[
          { value: "in_training", label: "Still in training" },
          { value: "qualified", label: "Qualified" },
          { value: "withdrawn", label: "Withdrew" },
        ]}
      />
      {outcome !== "in_training" && (
        <DateInput
          id="on"
          legend={outcome === "qualified" ? "Date they qualified" : "Date they withdrew"}
          value={on}
          onChange={setOn}
          error={errors.on}
        />
      )}
      {outcome === "qualified" && (
        <Select
          id="staffRecordId"
          name="staffRecordId"
          label="Joined the council as (optional)"
          hint="The staff record of the social work job they took with the council, once they joined"
          value={staffRecordId}
          onChange={setStaffRecordId}
          error={errors.staffRecordId}
          options={[
            { value: "", label: "Not joined" },
            ...workers.map((w) => ({
              value: w.staffRecordId,
              label: `${w.name}, ${w.teamName}, from ${longDate(w.startDate)}`,
            })),
          ]}
        />
      )}
      <Button disabled={save.isPending}>Save outcome</Button>
    </form>
  );
}

export function PaymentsTable({ caption, payments }: { caption: string; payments: PePaymentView[] }) {
  return (
    <Table
      caption={caption}
      rowKey={(p) => p.id}
      rows={payments}
      columns={[
        { header: "Practice educator", cell: (p) => p.practiceEducatorName },
        { header: "Amount", numeric: true, cell: (p) => pounds(p.amount) },
        { header: "Due", cell: (p) => longDate(p.dueOn) },
        {
          header: "Status",
          cell: (p) =>
            p.status === "paid" && p.paidOn
              ? `Paid ${longDate(p.paidOn)}`
              : p.status === "due"
                ? `Due (overdue from ${longDate(p.overdueFrom)})`
                : PE_PAYMENT_STATUS_LABELS[p.status],
        },
      ]}
    />
  );
}

function Summary({ t }: { t: TraineeDetail }) {
  const rows: [string, React.ReactNode][] = [
    ["Route", t.routeLabel],
    ["Status", `${STATUS_TEXT[t.status]}${t.qualifiedOn ? ` on ${longDate(t.qualifiedOn)}` : ""}`],
    ["Team", t.teamName ?? "No team"],
    ["University", t.university || "Not recorded"],
    ["Programme", t.programme || "Not recorded"],
    ["Cohort", t.cohort || "Not recorded"],
    ["Dates", `${longDate(t.startDate)} to ${t.endDate ? longDate(t.endDate) : "not set"}`],
  ];
  if (t.route === "placement") {
    rows.push(["Placement days", `${t.placementDays ?? 0} placement days, ${t.skillsDays ?? 0} skills days`]);
    rows.push(["ESG the placement earns", pounds(t.esgDue)]);
    rows.push([
      "ESG claimed",
      t.esgClaimedOn && t.esgAmount !== null ? `${pounds(t.esgAmount)} on ${longDate(t.esgClaimedOn)}` : "Not claimed",
    ]);
  }
  rows.push(["Practice educator", t.practiceEducatorName ?? "None"]);
  if (t.cost !== null) rows.push(["Cost to the council", pounds(t.cost)]);
  if (t.commitmentMonths) {
    rows.push([
      "Commitment",
      `${t.commitmentMonths} months after joining. ${REPAYMENT_TERMS_LABELS[t.repaymentTerms]}`,
    ]);
    rows.push([
      "Commitment now",
      `${COMMITMENT_TEXT[t.commitment.state]}${t.commitment.endsOn ? ` (ends ${longDate(t.commitment.endsOn)})` : ""}${
        t.commitment.state === "owed"
          ? `: ${pounds(t.commitment.owed)}, ${t.commitment.monthsServed} months served`
          : ""
      }`,
    ]);
  }
  rows.push([
    "Joined the council",
    t.joinedWorker ? (
      <>
        {t.joinedWorker.name}, from {longDate(t.joinedWorker.startDate)}
        {t.joinedWorker.endDate ? `, left ${longDate(t.joinedWorker.endDate)}` : ", still in post"}
      </>
    ) : (
      "No"
    ),
  ]);
  return (
    <dl className="govuk-summary-list">
      {rows.map(([k, value]) => (
        <div className="govuk-summary-list__row" key={k}>
          <dt className="govuk-summary-list__key">{k}</dt>
          <dd className="govuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function SwTraineePage() {
  const { orgId, traineeId } = route.useParams();
  const org = useOrg(orgId);
  const canManage = org.data?.permissions.includes("socialwork.manage") ?? false;
  const q = useQuery(routesInQueries.trainee(orgId, traineeId));
  const [editing, setEditing] = useState(false);
  const t = q.data?.trainee;
  return (
    <Page title={t?.name ?? "Trainee"} caption="Routes into social work">
      <p className="govuk-body">
        <Link to="/orgs/$orgId/social-work/routes-in" params={{ orgId }} className="govuk-link">
          Back to routes into social work
        </Link>
      </p>
      {q.isPending && <p className="govuk-body">Loading…</p>}
      {q.isError && <ErrorSummary error={q.error} />}
      {t && (
        <>
          <Summary t={t} />
          {t.payments.length > 0 && (
            <PaymentsTable caption="Practice educators and their payments" payments={t.payments} />
          )}
          {canManage && (
            <>
              <h2 className="govuk-heading-m">Outcome</h2>
              <OutcomeForm key={`${t.id}-${t.status}`} orgId={orgId} trainee={t} />
              <h2 className="govuk-heading-m">Change the record</h2>
              {editing ? (
                <TraineeForm key={t.id} orgId={orgId} trainee={t} />
              ) : (
                <Button secondary type="button" onClick={() => setEditing(true)}>
                  Change the record
                </Button>
              )}
            </>
          )}
        </>
      )}
    </Page>
  );
}
