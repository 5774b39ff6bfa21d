import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { longDate } from "../../../shared/dates";
import { SW_SERVICE_LABELS, SW_SERVICES } from "../../../shared/social-work";
import { Button, ErrorSummary, fieldErrors, Select, SuccessBanner, TextArea, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { PlainForm, useTextFields } from "../../components/plain-form";
import { Table } from "../../components/Table";
import { useOrg } from "../../lib/org";
import {
  archiveStep,
  CASE_STATUS_LABELS,
  createStep,
  linesOf,
  openCase,
  type ProgressionStepInput,
  type ProgressionStepsResponse,
  type ProgressionStepView,
  progressionQueries,
  restoreStep,
  updateStep,
} from "../../queries/social-work-progression";
import { swServiceQueries } from "../../queries/social-work-service";
import { BACK_TO_SERVICE, SwPageLinks, WorkerLink } from "./common";

// Progression (issue 20 item 6): the council's scheme, cases and who is due a development review.
// The service lead (socialwork.manage) adds, changes and archives steps; a team manager or the lead
// (socialwork.supervise) opens a case for a worker they can see.

const route = getRouteApi("/orgs/$orgId/social-work/progression");
const DUE: Record<string, string> = {
  never: "Never held",
  overdue: "Overdue",
  due: "Due soon",
  up_to_date: "Up to date",
};
const serviceLabel = (s: ProgressionStepView["service"]) => (s ? SW_SERVICE_LABELS[s] : "Both services");

export function SwProgressionPage() {
  const { orgId } = route.useParams();
  const org = useOrg(orgId);
  const perms = org.data?.permissions ?? [];
  const steps = useQuery(progressionQueries.steps(orgId));
  const cases = useQuery(progressionQueries.cases(orgId));
  const due = useQuery(progressionQueries.due(orgId));
  return (
    <Page title="Progression" caption="Social work">
      <p className="govuk-body">
        There is no national progression scheme: each council sets its own steps between grades, usually automatic on
        passing the ASYE and by a panel after that.
      </p>
      <SwPageLinks orgId={orgId} links={[BACK_TO_SERVICE]} />
      {steps.isError && <ErrorSummary error={steps.error} />}
      {steps.data && (
        <Table
          caption="The scheme"
          rows={steps.data.steps.filter((s) => !s.archived)}
          rowKey={(s) => s.id}
          columns={[
            { header: "Step", cell: (s) => s.name },
            { header: "Service", cell: (s) => serviceLabel(s.service) },
            { header: "Grades", cell: (s) => `${s.fromGrade} to ${s.toGrade}` },
            { header: "Decided", cell: (s) => (s.automatic ? "Automatic on passing the ASYE" : "By panel") },
            { header: "Minimum months in grade", numeric: true, cell: (s) => s.minMonthsInGrade ?? "" },
          ]}
        />
      )}
      {steps.data && perms.includes("socialwork.manage") && (
        <>
          <AddStep orgId={orgId} scheme={steps.data} />
          <ChangeStep orgId={orgId} scheme={steps.data} />
        </>
      )}
      {cases.data && (
        <Table
          caption="Cases"
          rows={cases.data.cases}
          rowKey={(c) => c.id}
          columns={[
            {
              header: "Worker",
              cell: (c) => (
                <Link
                  to="/orgs/$orgId/social-work/progression/$caseId"
                  params={{ orgId, caseId: c.id }}
                  className="govuk-link"
                >
                  {c.workerName}
                </Link>
              ),
              sortValue: (c) => c.workerName,
            },
            { header: "Team", cell: (c) => c.teamName },
            { header: "Step", cell: (c) => c.stepName },
            { header: "Status", cell: (c) => CASE_STATUS_LABELS[c.status], sortValue: (c) => c.status },
            { header: "Panel", cell: (c) => (c.panelDate ? longDate(c.panelDate) : "") },
          ]}
        />
      )}
      {cases.data?.cases.length === 0 && <p className="govuk-body">No progression cases yet.</p>}
      {steps.data && perms.includes("socialwork.supervise") && <OpenCase orgId={orgId} scheme={steps.data} />}
      {due.data && (
        <Table
          caption="Development reviews due"
          rows={due.data.workers}
          rowKey={(w) => w.staffRecordId}
          columns={[
            {
              header: "Worker",
              cell: (w) => <WorkerLink orgId={orgId} staffId={w.staffRecordId} name={w.name} />,
            },
            { header: "Team", cell: (w) => w.teamName },
            { header: "Last review", cell: (w) => (w.lastHeldOn ? longDate(w.lastHeldOn) : "None") },
            { header: "Status", cell: (w) => DUE[w.status] },
          ]}
        />
      )}
    </Page>
  );
}

/**
 * A whole number typed in a box: empty is null; anything not a number is sent as typed so the
 * server refuses it with the field's own message (Number("ten") would be NaN, which JSON sends as
 * null: the entry would be silently dropped).
 */
const wholeNumberOf = (text: string): number | null => {
  const t = text.trim();
  if (t === "") return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : (t as unknown as number);
};

/** An error on a list's item (criteria.3) shown on the list's one text area, saying which line. */
const listError = (errors: Record<string, string>, field: string): string | undefined => {
  if (errors[field]) return errors[field];
  const hit = Object.entries(errors).find(([path]) => path.startsWith(`${field}.`));
  return hit ? `Line ${Number(hit[0].slice(field.length + 1)) + 1}: ${hit[1]}` : undefined;
};
/** The error summary's links: every item of a list goes to the list's text area. */
const listFields = (field: string, id: string) =>
  Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`${field}.${i}`, id]));

function AddStep({ orgId, scheme }: { orgId: string; scheme: ProgressionStepsResponse }) {
  const [done, setDone] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  return (
    <>
      <h2 className="govuk-heading-m">Add a step</h2>
      {done && <SuccessBanner title={done} />}
      <StepForm
        key={formKey}
        idPrefix="new-step"
        orgId={orgId}
        scheme={scheme}
        onSaved={(name) => {
          setDone(`The step "${name}" is added to the scheme.`);
          setFormKey((k) => k + 1);
        }}
        onEdit={() => setDone(null)}
      />
    </>
  );
}

function ChangeStep({ orgId, scheme }: { orgId: string; scheme: ProgressionStepsResponse }) {
  const queryClient = useQueryClient();
  const [stepId, setStepId] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const step = scheme.steps.find((s) => s.id === stepId);
  const archive = useMutation({
    mutationFn: (s: ProgressionStepView) => (s.archived ? restoreStep(orgId, s.id) : archiveStep(orgId, s.id)),
    onSuccess: (res) => {
      setDone(
        res.step.archived
          ? `"${res.step.name}" is archived: its cases stay, and no new case can be opened on it.`
          : `"${res.step.name}" is back in the scheme.`,
      );
      queryClient.invalidateQueries({ queryKey: progressionQueries.all(orgId) });
    },
  });
  if (scheme.steps.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Change or archive a step</h2>
      {done && <SuccessBanner title={done} />}
      <ErrorSummary error={archive.error} />
      <Select
        id="change-step"
        name="stepId"
        label="Step"
        value={stepId}
        onChange={(v) => {
          setStepId(v);
          setDone(null);
          archive.reset();
        }}
        options={[
          { value: "", label: "Choose a step" },
          ...scheme.steps.map((s) => ({ value: s.id, label: `${s.name}${s.archived ? " (archived)" : ""}` })),
        ]}
      />
      {step && (
        <>
          <StepForm
            key={step.id}
            idPrefix="edit-step"
            orgId={orgId}
            scheme={scheme}
            step={step}
            onSaved={(name) => setDone(`The step "${name}" is changed.`)}
            onEdit={() => setDone(null)}
          />
          <Button
            type="button"
            secondary={step.archived}
            warning={!step.archived}
            disabled={archive.isPending}
            onClick={() => archive.mutate(step)}
          >
            {step.archived ? "Bring the step back" : "Archive the step"}
          </Button>
        </>
      )}
    </>
  );
}

/** The form for a step of the scheme: empty to add one, filled from `step` to change it. */
/** The form for a step of the scheme: empty to add one, filled from `step` to change it. */
function StepForm({
  idPrefix,
  orgId,
  scheme,
  step,
  onSaved,
  onEdit,
}: {
  idPrefix: string;
  orgId: string;
  scheme: ProgressionStepsResponse;
  step?: ProgressionStepView;
  onSaved: (name: string) => void;
  onEdit: () => void;
}) {
  const queryClient = useQueryClient();
  const { values: v, field } = useTextFields(
    {
      service: step?.service ?? "",
      name: step?.name ?? "",
      fromGrade: step?.fromGrade ?? "",
      toGrade: step?.toGrade ?? "",
      fromFrameworkRole: step?.fromFrameworkRole ?? "",
      toFrameworkRole: step?.toFrameworkRole ?? "",
      criteria: step?.criteria.join("\n") ?? "",
      evidence: step?.evidence.join("\n") ?? "",
      automatic: step ? (step.automatic ? "yes" : "no") : "",
      minMonthsInGrade: step?.minMonthsInGrade?.toString() ?? "",
      position: step?.position.toString() ?? "",
    },
    onEdit,
  );
  const save = useMutation({
    mutationFn: (body: ProgressionStepInput) => (step ? updateStep(orgId, step.id, body) : createStep(orgId, body)),
    onSuccess: (res) => {
      queryClient.invalidateQueries({ queryKey: progressionQueries.all(orgId) });
      onSaved(res.step.name);
    },
  });
  const errors = fieldErrors(save.error);
  const id = (name: string) => `${idPrefix}-${name}`;
  /** A field of this form, its id under the form's prefix. */
  const bound = (name: keyof typeof v, idName: string) => field(errors)(name, id(idName));
  /** A list's text area: its error is its own, or the first of its lines' with the line's number. */
  const list = (name: "criteria" | "evidence") => ({ ...bound(name, name), error: listError(errors, name), rows: 4 });
  const roles = [{ value: "", label: "None" }, ...scheme.frameworkRoles.map((r) => ({ value: r.key, label: r.title }))];
  const submit = () =>
    save.mutate({
      service: v.service === "" ? null : (v.service as (typeof SW_SERVICES)[number]),
      name: v.name,
      fromGrade: v.fromGrade,
      toGrade: v.toGrade,
      fromFrameworkRole: v.fromFrameworkRole || null,
      toFrameworkRole: v.toFrameworkRole || null,
      criteria: linesOf(v.criteria),
      evidence: linesOf(v.evidence),
      // Left unchosen: sent as missing so the server asks for it.
      automatic: v.automatic === "" ? (undefined as unknown as boolean) : v.automatic === "yes",
      minMonthsInGrade: wholeNumberOf(v.minMonthsInGrade),
      position: wholeNumberOf(v.position) ?? undefined,
    });
  const grade = "govuk-input--width-20";
  return (
    <>
      <ErrorSummary
        error={save.error}
        fields={{
          service: id("service"),
          name: id("name"),
          fromGrade: id("from-grade"),
          toGrade: id("to-grade"),
          fromFrameworkRole: id("from-role"),
          toFrameworkRole: id("to-role"),
          criteria: id("criteria"),
          ...listFields("criteria", id("criteria")),
          evidence: id("evidence"),
          ...listFields("evidence", id("evidence")),
          automatic: id("automatic"),
          minMonthsInGrade: id("min-months"),
          position: id("position"),
        }}
      />
      <PlainForm onSubmit={submit}>
        <TextInput
          {...bound("name", "name")}
          label="Name of the step"
          hint="For example, Social worker to experienced social worker"
        />
        <Select
          {...bound("service", "service")}
          label="Service"
          options={[{ value: "", label: "Both services" }, ...SERVICE_OPTIONS]}
        />
        <TextInput
          {...bound("fromGrade", "from-grade")}
          label="Grade the step starts from"
          hint="As the council's pay scale names it, for example Grade 7"
          width={grade}
        />
        <TextInput {...bound("toGrade", "to-grade")} label="Grade the step moves to" width={grade} />
        <Select
          {...bound("fromFrameworkRole", "from-role")}
          label="Career framework role it starts from (optional)"
          options={roles}
        />
        <Select
          {...bound("toFrameworkRole", "to-role")}
          label="Career framework role it moves to (optional)"
          hint="Approving a case moves the worker to this role"
          options={roles}
        />
        <Select {...bound("automatic", "automatic")} label="How the step is decided" options={DECIDED_OPTIONS} />
        <TextArea
          {...list("criteria")}
          label="Criteria (optional)"
          hint="One a line, at most 30: what the worker must show, for example Holds a complex caseload"
        />
        <TextArea
          {...list("evidence")}
          label="Evidence asked for (optional)"
          hint="One a line, at most 30. A case on a step asking for evidence needs evidence notes before it is submitted"
        />
        <TextInput
          {...bound("minMonthsInGrade", "min-months")}
          label="Minimum months in grade (optional)"
          hint="A whole number from 0 to 240"
          width={grade}
        />
        <TextInput
          {...bound("position", "position")}
          label="Place in the scheme (optional)"
          hint="Steps are listed lowest first; left empty, 0"
          width={grade}
        />
        <Button disabled={save.isPending}>{step ? "Save the step" : "Add the step"}</Button>
      </PlainForm>
    </>
  );
}

const SERVICE_OPTIONS = SW_SERVICES.map((s) => ({ value: s, label: SW_SERVICE_LABELS[s] }));
const DECIDED_OPTIONS = [
  { value: "", label: "Choose how" },
  { value: "yes", label: "Automatic on passing the ASYE" },
  { value: "no", label: "By a panel" },
];

function OpenCase({ orgId, scheme }: { orgId: string; scheme: ProgressionStepsResponse }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const workers = useQuery(swServiceQueries.workers(orgId, {}));
  const [worker, setWorker] = useState("");
  const [stepId, setStepId] = useState("");
  const [notes, setNotes] = useState("");
  const chosen = workers.data?.workers.find((w) => w.id === worker);
  // A step is for the worker's service or both; archived steps take no new cases.
  const steps = scheme.steps.filter(
    (s) => !s.archived && (!chosen || s.service === null || s.service === chosen.service),
  );
  const open = useMutation({
    mutationFn: () => openCase(orgId, { staffRecordId: worker, stepId, evidenceNotes: notes }),
    onSuccess: (res) => {
      queryClient.invalidateQueries({ queryKey: progressionQueries.all(orgId) });
      navigate({ to: "/orgs/$orgId/social-work/progression/$caseId", params: { orgId, caseId: res.case.id } });
    },
  });
  const errors = fieldErrors(open.error);
  return (
    <>
      <h2 className="govuk-heading-m">Open a case</h2>
      <p className="govuk-body">For a worker in a team you can see, on a step of their service.</p>
      <ErrorSummary
        error={open.error}
        fields={{ staffRecordId: "case-worker", stepId: "case-step", evidenceNotes: "case-evidence" }}
      />
      <PlainForm onSubmit={() => open.mutate()}>
        <Select
          id="case-worker"
          name="staffRecordId"
          label="Worker"
          value={worker}
          onChange={(v) => {
            setWorker(v);
            setStepId("");
          }}
          error={errors.staffRecordId}
          options={[
            { value: "", label: "Choose a worker" },
            ...(workers.data?.workers ?? []).map((w) => ({
              value: w.id,
              label: `${w.name} (${w.teamName}${w.grade ? `, ${w.grade}` : ""})`,
            })),
          ]}
        />
        <Select
          id="case-step"
          name="stepId"
          label="Step"
          value={stepId}
          onChange={setStepId}
          error={errors.stepId}
          options={[
            { value: "", label: "Choose a step" },
            ...steps.map((s) => ({ value: s.id, label: `${s.name}: ${s.fromGrade} to ${s.toGrade}` })),
          ]}
        />
        <TextArea
          id="case-evidence"
          label="Evidence notes (optional)"
          hint="You can add to these on the case's page before submitting it to the panel"
          value={notes}
          onChange={setNotes}
          error={errors.evidenceNotes}
          rows={4}
        />
        <Button disabled={open.isPending}>Open the case</Button>
      </PlainForm>
    </>
  );
}
