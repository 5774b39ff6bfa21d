// Writing and changing the plan (issue 16), for those who manage the strategy: start a strategy,
// change its details, add and change recommendations, enablers and actions (with owners, dates and
// linked measures), and record the board's approval. Once approved, every change asks why and is
// recorded (ADR 0018).
import { useMutation, useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useMemo } from "react";
import type { z } from "zod";
import { dateFromParts, datePartsOf } from "../../../shared/date-input";
import { approveStrategyInput, createStrategyInput } from "../../../shared/schemas/strategy";
import { PHASE_LABELS, PHASES, PILLAR_KIND_LABELS, PILLAR_KINDS } from "../../../shared/strategy";
import {
  asNumber,
  Button,
  DateField,
  Form,
  RadiosField,
  SelectField,
  TextAreaField,
  TextField,
  useSchemaForm,
} from "../../components/forms";
import { Page } from "../../components/Page";
import { useOrg, useOrgId } from "../../lib/org";
import {
  type ActionView,
  type StrategyPlanResponse,
  type StrategyView,
  strategyApi,
  strategyQueries,
} from "../../queries/strategy";
import { Problem, useCurrentStrategy, useSaved } from "./common";
import {
  actionDefaults,
  actionForm,
  MeasuresFields,
  pillarForm,
  ReasonField,
  reasonField,
  useOwnerChoices,
} from "./plan-edit-forms";

const editPillarRoute = getRouteApi("/orgs/$orgId/strategy/pillars/$pillarId/edit");
const newActionRoute = getRouteApi("/orgs/$orgId/strategy/actions/new");
const editActionRoute = getRouteApi("/orgs/$orgId/strategy/actions/$actionId/edit");

const homePath = (orgId: string) => `/orgs/${orgId}/strategy`;

/** A form page's frame: two thirds wide, with a link back to the plan. */
function FormColumn({ orgId, children }: { orgId: string; children: React.ReactNode }): React.ReactNode {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to="/orgs/$orgId/strategy" params={{ orgId }}>
          Back to the plan
        </Link>
        {children}
      </div>
    </div>
  );
}

/** The current strategy's plan, for a page that changes it; loading, a refusal or none otherwise. */
function WithPlan({
  orgId,
  children,
}: {
  orgId: string;
  children: (plan: StrategyPlanResponse) => React.ReactNode;
}): React.ReactNode {
  const { list, strategyId } = useCurrentStrategy(orgId);
  const plan = useQuery({ ...strategyQueries.plan(orgId, strategyId ?? ""), enabled: !!strategyId });
  const error = list.error ?? plan.error;
  if (error) return <Problem error={error} />;
  if (list.data && !strategyId)
    return <p className="govuk-body">The council has not set up a workforce strategy in the hub yet.</p>;
  if (!plan.data) return <p className="govuk-body">Loading…</p>;
  if (!plan.data.can.manage)
    return (
      <div className="govuk-inset-text" role="alert">
        Only the council's strategy team (a council admin or the workforce lead) can change the plan.
      </div>
    );
  return children(plan.data);
}

const changeWord = (s: StrategyView) =>
  s.status === "approved" ? "The change has been recorded, with your reason." : "The plan has been saved.";

// ---- The strategy -------------------------------------------------------------------------------

const newStrategyForm = createStrategyInput.extend({
  periodStart: dateFromParts("Start of the period"),
  periodEnd: dateFromParts("End of the period"),
});

export function NewStrategyPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const { list, strategy } = useCurrentStrategy(orgId);
  const saved = useSaved(orgId);
  const form = useSchemaForm(newStrategyForm, {
    title: "",
    periodStart: datePartsOf(null),
    periodEnd: datePartsOf(null),
    vision: "",
  });
  const create = useMutation({
    mutationFn: (body: z.output<typeof newStrategyForm>) => strategyApi.createStrategy(orgId, body),
    onSuccess: () =>
      saved(
        homePath(orgId),
        "The strategy has been started as a draft. Add its recommendations, enablers and actions.",
      ),
  });
  if (list.error) return <Problem error={list.error} />;
  if (!list.data || !org.data) return <p className="govuk-body">Loading…</p>;
  if (!org.data.permissions.includes("strategy.manage"))
    return (
      <Page title="Start a workforce strategy">
        <p className="govuk-body">
          Only the council's strategy team (a council admin or the workforce lead) can do this.
        </p>
      </Page>
    );
  return (
    <FormColumn orgId={orgId}>
      <Form form={form} onSubmit={(v) => create.mutate(v)} error={create.error}>
        <Page title="Start a workforce strategy" caption="Workforce strategy">
          {strategy && (
            <p className="govuk-inset-text">
              The council already has {strategy.title}. A new strategy starts as a draft beside it.
            </p>
          )}
          <TextField name="title" label="Title" hint="For example, Halton care workforce strategy 2026 to 2029" />
          <DateField name="periodStart" id="period-start" legend="Start of the period" hint="For example, 1 4 2026" />
          <DateField name="periodEnd" id="period-end" legend="End of the period" hint="For example, 31 3 2029" />
          <TextAreaField
            name="vision"
            label="Vision (optional)"
            hint="What the strategy sets out to achieve"
            rows={4}
          />
          <Button disabled={create.isPending}>Start the strategy</Button>
        </Page>
      </Form>
    </FormColumn>
  );
}

const strategyForm = (approved: boolean) =>
  newStrategyForm.extend({ vision: createStrategyInput.shape.vision, reason: reasonField(approved) });

export function EditStrategyPage(): React.ReactNode {
  const orgId = useOrgId();
  return (
    <FormColumn orgId={orgId}>
      <WithPlan orgId={orgId}>{(plan) => <EditStrategyForm orgId={orgId} strategy={plan.strategy} />}</WithPlan>
    </FormColumn>
  );
}

function EditStrategyForm({ orgId, strategy }: { orgId: string; strategy: StrategyView }): React.ReactNode {
  const approved = strategy.status === "approved";
  const schema = useMemo(() => strategyForm(approved), [approved]);
  const saved = useSaved(orgId);
  const form = useSchemaForm(schema, {
    title: strategy.title,
    periodStart: datePartsOf(strategy.periodStart),
    periodEnd: datePartsOf(strategy.periodEnd),
    vision: strategy.vision,
    reason: "",
  });
  const change = useMutation({
    mutationFn: (body: z.output<typeof schema>) => strategyApi.changeStrategy(orgId, strategy.id, body),
    onSuccess: () => saved(homePath(orgId), changeWord(strategy)),
  });
  return (
    <Form form={form} onSubmit={(v) => change.mutate(v)} error={change.error}>
      <Page title="Change the strategy's details" caption="Workforce strategy">
        <TextField name="title" label="Title" />
        <DateField name="periodStart" id="period-start" legend="Start of the period" />
        <DateField name="periodEnd" id="period-end" legend="End of the period" />
        <TextAreaField name="vision" label="Vision (optional)" rows={4} />
        <ReasonField approved={approved} />
        <Button disabled={change.isPending}>Save changes</Button>
      </Page>
    </Form>
  );
}

const approveForm = approveStrategyInput.extend({ approvedOn: dateFromParts("Date of approval") });

export function ApproveStrategyPage(): React.ReactNode {
  const orgId = useOrgId();
  return (
    <FormColumn orgId={orgId}>
      <WithPlan orgId={orgId}>
        {(plan) =>
          plan.strategy.status === "approved" ? (
            <Page title="The plan is approved">
              <p className="govuk-body">
                The {plan.strategy.approval?.board} approved this plan. Changes to it are recorded with a reason.
              </p>
            </Page>
          ) : (
            <ApproveForm orgId={orgId} strategy={plan.strategy} />
          )
        }
      </WithPlan>
    </FormColumn>
  );
}

function ApproveForm({ orgId, strategy }: { orgId: string; strategy: StrategyView }): React.ReactNode {
  const saved = useSaved(orgId);
  const form = useSchemaForm(approveForm, { board: "", approvedOn: datePartsOf(null), minuteRef: "", approvedBy: "" });
  const approve = useMutation({
    mutationFn: (body: z.output<typeof approveForm>) => strategyApi.approve(orgId, strategy.id, body),
    onSuccess: () =>
      saved(homePath(orgId), "The board's approval has been recorded. From now on, changes to the plan are recorded."),
  });
  return (
    <Form form={form} onSubmit={(v) => approve.mutate(v)} error={approve.error}>
      <Page title="Record the board's approval" caption={strategy.title}>
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            After this, the plan is kept as approved: every change asks why, and is recorded with who made it.
          </strong>
        </div>
        <TextField name="board" label="Board" hint="For example, Executive Board" />
        <DateField name="approvedOn" id="approved-on" legend="Date of approval" hint="For example, 12 3 2026" />
        <TextField
          name="minuteRef"
          label="Minute reference"
          hint="For example, EXB 112"
          width="govuk-input--width-20"
        />
        <TextField name="approvedBy" label="Approved by" hint="Who approved it, for example the chair of the board" />
        <Button disabled={approve.isPending}>Record the approval</Button>
      </Page>
    </Form>
  );
}

// ---- Recommendations and enablers ---------------------------------------------------------------

export function NewPillarPage(): React.ReactNode {
  const orgId = useOrgId();
  return (
    <FormColumn orgId={orgId}>
      <WithPlan orgId={orgId}>{(plan) => <PillarForm orgId={orgId} plan={plan} pillarId={null} />}</WithPlan>
    </FormColumn>
  );
}

export function EditPillarPage(): React.ReactNode {
  const { orgId, pillarId } = editPillarRoute.useParams();
  return (
    <FormColumn orgId={orgId}>
      <WithPlan orgId={orgId}>{(plan) => <PillarForm orgId={orgId} plan={plan} pillarId={pillarId} />}</WithPlan>
    </FormColumn>
  );
}

function PillarForm({
  orgId,
  plan,
  pillarId,
}: {
  orgId: string;
  plan: StrategyPlanResponse;
  pillarId: string | null;
}): React.ReactNode {
  const { strategy } = plan;
  const pillar = plan.pillars.find((p) => p.id === pillarId) ?? null;
  const approved = strategy.status === "approved";
  const schema = useMemo(() => pillarForm(approved), [approved]);
  const saved = useSaved(orgId);
  const nextNumber = (kind: string) =>
    Math.max(0, ...plan.pillars.filter((p) => p.kind === kind).map((p) => p.number)) + 1;
  const form = useSchemaForm(schema, {
    kind: pillar?.kind ?? "recommendation",
    number: pillar?.number ?? nextNumber("recommendation"),
    title: pillar?.title ?? "",
    aims: pillar?.aims.join("\n") ?? "",
    reason: "",
  });
  const save = useMutation({
    mutationFn: (body: z.output<typeof schema>) =>
      pillar
        ? strategyApi.changePillar(orgId, strategy.id, pillar.id, body)
        : strategyApi.addPillar(orgId, strategy.id, body),
    onSuccess: () => saved(homePath(orgId), changeWord(strategy)),
  });
  if (pillarId && !pillar) return <p className="govuk-body">We could not find that recommendation or enabler.</p>;
  return (
    <Form form={form} onSubmit={(v) => save.mutate(v)} error={save.error}>
      <Page
        title={pillar ? `Change ${pillar.ref} ${pillar.title}` : "Add a recommendation or enabler"}
        caption={strategy.title}
      >
        <RadiosField
          name="kind"
          legend="Is it a recommendation or an enabler?"
          choices={PILLAR_KINDS.map((k) => ({
            value: k,
            label: PILLAR_KIND_LABELS[k],
            hint: k === "enabler" ? "Cuts across the recommendations, for example a workforce hub" : undefined,
          }))}
        />
        <TextField
          name="number"
          label="Number"
          hint="R1 is recommendation 1"
          width="govuk-input--width-10"
          inputMode="numeric"
          options={asNumber()}
        />
        <TextField name="title" label="Title" />
        <TextAreaField name="aims" label="Aims (optional)" hint="One aim on each line" rows={4} />
        <ReasonField approved={approved} />
        <Button disabled={save.isPending}>{pillar ? "Save changes" : "Add it to the plan"}</Button>
      </Page>
    </Form>
  );
}

// ---- Actions ------------------------------------------------------------------------------------

export function NewActionPage(): React.ReactNode {
  const orgId = useOrgId();
  const { pillar } = newActionRoute.useSearch();
  return (
    <FormColumn orgId={orgId}>
      <WithPlan orgId={orgId}>
        {(plan) =>
          plan.pillars.length === 0 ? (
            <p className="govuk-body">Add a recommendation or enabler first: every action sits under one.</p>
          ) : (
            <ActionForm orgId={orgId} plan={plan} action={null} pillarId={pillar ?? plan.pillars[0].id} />
          )
        }
      </WithPlan>
    </FormColumn>
  );
}

export function EditActionPage(): React.ReactNode {
  const { orgId, actionId } = editActionRoute.useParams();
  return (
    <FormColumn orgId={orgId}>
      <WithPlan orgId={orgId}>
        {(plan) => {
          const action = plan.pillars.flatMap((p) => p.actions).find((a) => a.id === actionId);
          return action ? (
            <ActionForm orgId={orgId} plan={plan} action={action} pillarId={action.pillarId} />
          ) : (
            <p className="govuk-body">We could not find that action in the plan.</p>
          );
        }}
      </WithPlan>
    </FormColumn>
  );
}

function ActionForm({
  orgId,
  plan,
  action,
  pillarId,
}: {
  orgId: string;
  plan: StrategyPlanResponse;
  action: ActionView | null;
  pillarId: string;
}): React.ReactNode {
  const { strategy } = plan;
  const approved = strategy.status === "approved";
  const schema = useMemo(() => actionForm(approved), [approved]);
  const saved = useSaved(orgId);
  const owners = useOwnerChoices(orgId, strategy.id, plan);
  const defaults = useMemo(() => {
    const siblings = plan.pillars.find((p) => p.id === pillarId)?.actions ?? [];
    const values = actionDefaults(action, pillarId);
    return action ? values : { ...values, number: Math.max(0, ...siblings.map((a) => a.number)) + 1 };
  }, [action, pillarId, plan]);
  const form = useSchemaForm(schema, defaults);
  const save = useMutation({
    mutationFn: (body: z.output<typeof schema>) => {
      if (!action) return strategyApi.addAction(orgId, strategy.id, body);
      // Measures are sent only when they change, so a change of date does not rewrite them.
      const original = schema.shape.measures.parse(defaults.measures);
      const { measures, ...rest } = body;
      const changed = JSON.stringify(measures) !== JSON.stringify(original);
      return strategyApi.changeAction(orgId, strategy.id, action.id, changed ? body : rest);
    },
    onSuccess: ({ action: a }) =>
      saved(`/orgs/${orgId}/strategy/actions/${a.id}`, action ? changeWord(strategy) : "The action has been added."),
  });
  if (!owners) return <p className="govuk-body">Loading…</p>;
  return (
    <Form form={form} onSubmit={(v) => save.mutate(v)} error={save.error}>
      <Page title={action ? `Change ${action.ref} ${action.title}` : "Add an action"} caption={strategy.title}>
        <SelectField
          name="pillarId"
          label="Recommendation or enabler"
          choices={plan.pillars.map((p) => ({ value: p.id, label: `${p.ref} ${p.title}` }))}
        />
        <TextField
          name="number"
          label="Number"
          hint="R1.2 is action 2 under R1"
          width="govuk-input--width-10"
          inputMode="numeric"
          options={asNumber()}
        />
        <TextField name="title" label="Title" />
        <RadiosField name="phase" legend="Phase" choices={PHASES.map((p) => ({ value: p, label: PHASE_LABELS[p] }))} />
        <SelectField name="owner" label="Owner" hint="A person or a group" choices={owners} />
        <TextAreaField name="partners" label="Partners (optional)" hint="One on each line" rows={3} />
        <DateField name="startOn" id="start-on" legend="Start date (optional)" hint="For example, 1 4 2026" />
        <DateField name="dueOn" id="due-on" legend="Due date (optional)" hint="For example, 31 3 2027" />
        <TextAreaField name="inputs" label="Inputs (optional)" hint="What it needs: people, money, data" />
        <TextAreaField name="outputs" label="Outputs (optional)" hint="What it will produce" />
        <TextAreaField
          name="outcomes"
          label="Expected outcomes (optional)"
          hint="What will be different because of it"
        />
        <MeasuresFields />
        <ReasonField approved={approved} />
        <Button disabled={save.isPending}>{action ? "Save changes" : "Add the action"}</Button>
      </Page>
    </Form>
  );
}
