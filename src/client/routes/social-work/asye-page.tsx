import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { type DateParts, datePartsOf, isBlankDate, parseDateParts } from "../../../shared/date-input";
import { longDate } from "../../../shared/dates";
import { ASYE_STAGE_LABELS, SW_SERVICE_LABELS } from "../../../shared/social-work";
import { ASYE_GRACE_DAYS, ASYE_STAGE_STATE_LABELS, ASYE_STATUS_LABELS } from "../../../shared/sw-asye";
import { DateInput } from "../../components/DateInput";
import { Button, ErrorSummary, fieldErrors, Select, SuccessBanner, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { Table } from "../../components/Table";
import { useOrg } from "../../lib/org";
import {
  type AsyeDueView,
  type AsyeQualityMeasures,
  type AsyeSummaryView,
  asyeApi,
  asyeKeys,
  asyeQueries,
} from "../../queries/social-work-asye";
import { BACK_TO_SERVICE, SwPageLinks } from "./common";

// The ASYE programme (issue 20 item 3): the reviews due within 14 days or overdue at the top (this
// list shrinks as reviews are recorded), the cohort with each worker's next review, and for the
// service lead the register form and the programme's quality view.

const route = getRouteApi("/orgs/$orgId/social-work/asye");

const stateTag = (state: string) => {
  const colour =
    state === "overdue"
      ? "govuk-tag--red"
      : state === "due"
        ? "govuk-tag--yellow"
        : state === "done_late"
          ? "govuk-tag--orange"
          : "govuk-tag--grey";
  return (
    <strong className={`govuk-tag ${colour}`}>
      {ASYE_STAGE_STATE_LABELS[state as keyof typeof ASYE_STAGE_STATE_LABELS]}
    </strong>
  );
};
const pct = (s: { count: number; of: number; share: number | null }) =>
  s.share === null ? "None yet" : `${Math.round(s.share * 100)}% (${s.count} of ${s.of})`;

export function SwAsyePage() {
  const { orgId } = route.useParams();
  const org = useOrg(orgId);
  const [show, setShow] = useState<"current" | "all">("current");
  const list = useQuery(asyeQueries.list(orgId, show));
  const manage = org.data?.permissions.includes("socialwork.manage") ?? false;
  const link = (id: string, name: string) => (
    <Link className="govuk-link" to="/orgs/$orgId/social-work/asye/$asyeId" params={{ orgId, asyeId: id }}>
      {name}
    </Link>
  );
  return (
    <Page title="ASYE: newly qualified social workers" caption="Social work service">
      <p className="govuk-body">
        The Assessed and Supported Year in Employment: reviews at 3, 6 and 9 months and the final assessment at 12. A
        review held up to {ASYE_GRACE_DAYS} days after its due date counts as on time. A 9-month review is usual but not
        a confirmed national requirement (UNCONFIRMED).
      </p>
      <SwPageLinks orgId={orgId} links={[BACK_TO_SERVICE]} />
      {list.isError && <ErrorSummary error={list.error} />}
      {list.data && (
        <>
          <h2 className="govuk-heading-m">Reviews due and overdue</h2>
          {list.data.due.length === 0 ? (
            <p className="govuk-body">No reviews are due in the next 14 days or overdue.</p>
          ) : (
            <Table<AsyeDueView>
              caption={`${list.data.due.length} ${list.data.due.length === 1 ? "review" : "reviews"} due or overdue on ${longDate(list.data.at)}`}
              rowKey={(d) => `${d.asyeId}-${d.stage}`}
              rows={list.data.due}
              columns={[
                { header: "Worker", cell: (d) => link(d.asyeId, d.worker.name) },
                { header: "Team", cell: (d) => d.team.name },
                { header: "Review", cell: (d) => ASYE_STAGE_LABELS[d.stage] },
                { header: "Due", cell: (d) => longDate(d.due), sortValue: (d) => d.due },
                { header: "State", cell: (d) => stateTag(d.state) },
              ]}
            />
          )}
          <Select
            id="asye-show"
            name="show"
            label="Show"
            value={show}
            onChange={(v) => setShow(v as "current" | "all")}
            options={[
              { value: "current", label: "ASYEs running now" },
              { value: "all", label: "Every ASYE, ended ones too" },
            ]}
          />
          <Table<AsyeSummaryView>
            caption={show === "current" ? "The cohort" : "Every ASYE"}
            rowKey={(a) => a.id}
            rows={list.data.asyes}
            columns={[
              { header: "Worker", cell: (a) => link(a.id, a.worker.name), sortValue: (a) => a.worker.name },
              { header: "Team", cell: (a) => a.team.name, sortValue: (a) => a.team.name },
              { header: "Started", cell: (a) => longDate(a.startDate), sortValue: (a) => a.startDate },
              {
                header: "Next review",
                cell: (a) =>
                  a.next ? (
                    <>
                      {ASYE_STAGE_LABELS[a.next.stage]}, {longDate(a.next.due)} {stateTag(a.next.state)}
                    </>
                  ) : (
                    ASYE_STATUS_LABELS[a.status]
                  ),
                sortValue: (a) => a.next?.due ?? null,
              },
              {
                header: "Protected caseload",
                numeric: true,
                cell: (a) =>
                  `${a.protectedCaseload}${a.latestCaseload ? ` (holds ${a.latestCaseload.openCases})` : ""}`,
              },
            ]}
          />
          {list.data.asyes.length === 0 && <p className="govuk-body">No ASYEs to show.</p>}
        </>
      )}
      {manage && <RegisterForm orgId={orgId} />}
      {manage && <Quality orgId={orgId} />}
    </Page>
  );
}

function RegisterForm({ orgId }: { orgId: string }) {
  const queryClient = useQueryClient();
  const options = useQuery(asyeQueries.options(orgId));
  const [worker, setWorker] = useState("");
  const [assessor, setAssessor] = useState("");
  const [start, setStart] = useState<DateParts>(datePartsOf(null));
  const [target, setTarget] = useState("");
  const [dateError, setDateError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const register = useMutation({
    mutationFn: (startDate: string) =>
      asyeApi.register(orgId, {
        staffRecordId: worker,
        startDate,
        assessorStaffId: assessor || null,
        protectedCaseloadTarget: target.trim() === "" ? null : Number(target),
      }),
    onSuccess: (res) => {
      setDone(`${res.asye.worker.name}'s ASYE is registered.`);
      setWorker("");
      setAssessor("");
      setTarget("");
      setStart(datePartsOf(null));
      queryClient.invalidateQueries({ queryKey: asyeKeys.all(orgId) });
    },
  });
  const errors = fieldErrors(register.error);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setDone(null);
    const parsed = parseDateParts(start, "Start date");
    if (!parsed.ok && !isBlankDate(start)) return setDateError(parsed.message);
    setDateError(undefined);
    register.mutate(parsed.ok ? parsed.iso : "");
  };
  const d = options.data;
  return (
    <>
      <h2 className="govuk-heading-m">Register a newly qualified social worker</h2>
      {done && <SuccessBanner title={done} />}
      <ErrorSummary
        error={register.error}
        fields={{
          staffRecordId: "asye-worker",
          startDate: "asye-start-day",
          assessorStaffId: "asye-assessor",
          protectedCaseloadTarget: "asye-target",
        }}
      />
      <form onSubmit={submit} noValidate>
        <Select
          id="asye-worker"
          name="staffRecordId"
          label="Newly qualified social worker"
          value={worker}
          onChange={setWorker}
          error={errors.staffRecordId}
          options={[
            { value: "", label: "Choose a worker" },
            ...(d?.workers ?? []).map((w) => ({
              value: w.staffRecordId,
              label: `${w.name} (${w.team}${w.newlyQualified ? ", newly qualified" : ""})`,
            })),
          ]}
        />
        <DateInput
          id="asye-start"
          legend="Start of the ASYE"
          hint="Usually the day they started, for example 1 9 2026"
          value={start}
          onChange={setStart}
          error={dateError ?? errors.startDate}
        />
        <Select
          id="asye-assessor"
          name="assessorStaffId"
          label="Assessor (optional)"
          value={assessor}
          onChange={setAssessor}
          error={errors.assessorStaffId}
          options={[
            { value: "", label: "Not chosen yet" },
            ...(d?.assessors ?? []).map((p) => ({
              value: p.staffRecordId,
              label: `${p.name}: ${p.detail}, ${p.team}`,
            })),
          ]}
        />
        <TextInput
          id="asye-target"
          name="protectedCaseloadTarget"
          label="Protected caseload (optional)"
          hint={
            d
              ? `The most open cases while protected. Left empty: ${d.defaultTarget.children} in children's and ${d.defaultTarget.adults} in adults' services.`
              : undefined
          }
          value={target}
          onChange={setTarget}
          error={errors.protectedCaseloadTarget}
          width="govuk-input--width-20"
        />
        <Button disabled={register.isPending}>Register the ASYE</Button>
      </form>
    </>
  );
}

function Quality({ orgId }: { orgId: string }) {
  const quality = useQuery(asyeQueries.quality(orgId));
  const q = quality.data;
  if (!q) return null;
  const rows: [string, (m: AsyeQualityMeasures) => string][] = [
    ["ASYEs running now", (m) => String(m.current)],
    ["Reviews held on time", (m) => pct(m.reviewsOnTime)],
    ["Caseload months within protection", (m) => pct(m.caseloadWithinProtection)],
    ["Pass rate (of those decided)", (m) => pct(m.passRate)],
    ["Still in post 12 months after starting", (m) => pct(m.retention12)],
    ["Still in post 24 months after starting", (m) => pct(m.retention24)],
  ];
  return (
    <>
      <h2 className="govuk-heading-m">The programme's quality</h2>
      <p className="govuk-body">
        Counted from every ASYE recorded, on {longDate(q.at)}. Small numbers are shown as they are: this view is for the
        service lead, who may see each worker's records.
      </p>
      <Table<(typeof rows)[number]>
        caption="Quality measures"
        rowKey={(r) => r[0]}
        rows={rows}
        columns={[
          { header: "Measure", cell: (r) => r[0] },
          { header: "All", cell: (r) => r[1](q.all) },
          { header: SW_SERVICE_LABELS.children, cell: (r) => r[1](q.byService.children) },
          { header: SW_SERVICE_LABELS.adults, cell: (r) => r[1](q.byService.adults) },
        ]}
      />
      <Table<(typeof q.grant)[number]>
        caption="The ASYE grant: by service and financial year of the start"
        rowKey={(g) => `${g.service}-${g.year}`}
        rows={q.grant}
        columns={[
          { header: "Service", cell: (g) => SW_SERVICE_LABELS[g.service] },
          { header: "Year", cell: (g) => g.year },
          { header: "Started", numeric: true, cell: (g) => g.started },
          { header: "Grant claimed", numeric: true, cell: (g) => g.grantClaimed },
          { header: "Passed", numeric: true, cell: (g) => g.passed },
          { header: "Withdrawn", numeric: true, cell: (g) => g.withdrawn },
        ]}
      />
    </>
  );
}
