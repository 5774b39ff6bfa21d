// What the plan's forms share: the reason an approved plan's change asks for, the owner's choices,
// the linked measures' boxes (a target entered as the Targets page enters it: a rate as a
// percentage, pay and spend in pounds) and the form schemas built on the shared request schemas.
import { useQuery } from "@tanstack/react-query";
import { useFieldArray, useFormContext } from "react-hook-form";
import { z } from "zod";
import { dateFromParts, datePartsOf } from "../../../shared/date-input";
import { HEADLINES } from "../../../shared/metrics";
import {
  type ActionInput,
  actionInput,
  MEASURE_METRICS,
  measureDirection,
  pillarInput,
  updateStrategyInput,
} from "../../../shared/schemas/strategy";
import { GROUP_KIND_LABELS } from "../../../shared/strategy";
import { Button, DateField, SelectField, TextAreaField, TextField } from "../../components/forms";
import { type ActionView, type StrategyPlanResponse, strategyQueries } from "../../queries/strategy";

/** Text one item a line, as a list. */
export const splitLines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((t) => t.trim())
    .filter(Boolean);

/** Required once the plan is approved (the shared schema's rule), left out of a draft's change. */
export const reasonField = (approved: boolean): z.ZodType<string | undefined, string | undefined> =>
  approved
    ? updateStrategyInput.shape.reason.unwrap()
    : z
        .string()
        .optional()
        .transform(() => undefined);

/** Why an approved plan is changed: asked, and said to be kept. */
export function ReasonField({ approved }: { approved: boolean }): React.ReactNode {
  if (!approved) return null;
  return (
    <TextAreaField
      name="reason"
      label="Why is this being changed?"
      hint="The board approved this plan, so the change is recorded with your name, the date and this reason, and listed on the plan page."
      rows={2}
    />
  );
}

// ---- Recommendations and enablers ---------------------------------------------------------------

export const pillarForm = (approved: boolean) =>
  pillarInput.extend({
    aims: z.string().transform(splitLines).pipe(pillarInput.shape.aims.unwrap()),
    reason: reasonField(approved),
  });

// ---- Actions ------------------------------------------------------------------------------------

const kindOf = (metric: string) => HEADLINES.find((h) => h.name === metric)?.kind ?? "count";

/** A target as typed: a rate as a percentage, money in pounds. */
export function targetText(metric: string, target: number): string {
  return kindOf(metric) === "rate" ? String(Number((target * 100).toFixed(4))) : String(target);
}

const measureForm = z
  .object({
    metric: z.string().min(1, "Choose the figure"),
    target: z.string(),
    direction: measureDirection,
    byDate: dateFromParts("Date the target is for"),
  })
  .transform((m, ctx) => {
    const rate = kindOf(m.metric) === "rate";
    const text = m.target.trim().replace(/[%£,]/g, "");
    const n = Number(text);
    if (text === "" || !Number.isFinite(n)) {
      ctx.addIssue({
        code: "custom",
        path: ["target"],
        message: rate
          ? "Enter the target as a percentage, for example 9"
          : "Enter the target in pounds, for example 12.60",
        input: m.target,
      });
      return z.NEVER;
    }
    return {
      metric: m.metric,
      target: rate ? Number((n / 100).toFixed(6)) : n,
      direction: m.direction,
      byDate: m.byDate,
    };
  });

const ownerOf = (v: string): ActionInput["owner"] =>
  v.startsWith("user:") ? { userId: v.slice(5) } : v.startsWith("group:") ? { groupId: v.slice(6) } : null;

export const actionForm = (approved: boolean) =>
  z.object({
    pillarId: actionInput.shape.pillarId,
    number: actionInput.shape.number,
    title: actionInput.shape.title,
    phase: actionInput.shape.phase,
    owner: z.string().transform(ownerOf),
    partners: z.string().transform(splitLines).pipe(actionInput.shape.partners.unwrap()),
    startOn: dateFromParts("Start date", { optional: true }),
    dueOn: dateFromParts("Due date", { optional: true }),
    inputs: actionInput.shape.inputs,
    outputs: actionInput.shape.outputs,
    outcomes: actionInput.shape.outcomes,
    measures: z.array(measureForm).max(10, "Link at most 10 measures"),
    reason: reasonField(approved),
  });
export type ActionFormValues = z.input<ReturnType<typeof actionForm>>;

/** The form's boxes for an action (empty for a new one under `pillarId`). */
export function actionDefaults(a: ActionView | null, pillarId = ""): ActionFormValues {
  return {
    pillarId: a?.pillarId ?? pillarId,
    number: a?.number ?? (undefined as unknown as number),
    title: a?.title ?? "",
    phase: a?.phase ?? (undefined as unknown as ActionFormValues["phase"]),
    owner: a?.owner ? `${a.owner.kind}:${a.owner.id}` : "",
    partners: a?.partners.join("\n") ?? "",
    startOn: datePartsOf(a?.startOn),
    dueOn: datePartsOf(a?.dueOn),
    inputs: a?.inputs ?? "",
    outputs: a?.outputs ?? "",
    outcomes: a?.outcomes ?? "",
    measures: (a?.measures ?? []).map((m) => ({
      metric: m.metric,
      target: targetText(m.metric, m.target),
      direction: m.direction,
      byDate: datePartsOf(m.byDate),
    })),
    reason: "",
  };
}

/** Who can own an action: the strategy's groups, and the people in them or owning actions now. */
export function useOwnerChoices(orgId: string, strategyId: string, plan: StrategyPlanResponse) {
  const groups = useQuery(strategyQueries.groups(orgId, strategyId));
  // Null until the groups are known, so the select is drawn with its owner among the choices.
  if (!groups.data) return null;
  const people = new Map<string, string>();
  for (const g of groups.data?.groups ?? []) for (const m of g.members) people.set(m.userId, m.name);
  for (const a of plan.pillars.flatMap((p) => p.actions))
    if (a.owner?.kind === "user") people.set(a.owner.id, a.owner.name);
  return [
    { value: "", label: "No owner yet" },
    ...(groups.data?.groups ?? []).map((g) => ({
      value: `group:${g.id}`,
      label: `${g.name} (${GROUP_KIND_LABELS[g.kind].toLowerCase()})`,
    })),
    ...[...people.entries()]
      .sort((a, b) => a[1].localeCompare(b[1]))
      .map(([id, name]) => ({ value: `user:${id}`, label: name })),
  ];
}

const METRIC_CHOICES = [
  { value: "", label: "Choose the figure" },
  ...MEASURE_METRICS.map((name) => ({ value: name, label: HEADLINES.find((h) => h.name === name)?.label ?? name })),
];

/** The linked measures: one group of boxes each, added and taken away. */
export function MeasuresFields(): React.ReactNode {
  const { control, watch } = useFormContext<ActionFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: "measures" });
  return (
    <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Linked measures</legend>
      <p className="govuk-hint">The figures this action should move, with the target and the date it is for.</p>
      {fields.map((f, i) => {
        const metric = watch(`measures.${i}.metric`);
        const kind = kindOf(metric);
        return (
          <div key={f.id} className="app-measure govuk-!-margin-bottom-6">
            <h3 className="govuk-heading-s">Measure {i + 1}</h3>
            <SelectField
              name={`measures.${i}.metric`}
              id={`measure-${i}-metric`}
              label="Figure"
              choices={METRIC_CHOICES}
            />
            <TextField
              name={`measures.${i}.target`}
              id={`measure-${i}-target`}
              label="Target"
              hint={
                kind === "money"
                  ? "In pounds, for example 12.60"
                  : "For a rate, as a percentage, for example 9 for 9%; for pay or spend, in pounds"
              }
              width="govuk-input--width-10"
              inputMode="decimal"
              spellCheck={false}
            />
            <SelectField
              name={`measures.${i}.direction`}
              id={`measure-${i}-direction`}
              label="Met when the figure is"
              choices={[
                { value: "lower", label: "At the target or lower" },
                { value: "higher", label: "At the target or higher" },
              ]}
            />
            <DateField
              name={`measures.${i}.byDate`}
              id={`measure-${i}-by`}
              legend="Date the target is for"
              hint="For example, 31 3 2028"
            />
            <Button secondary type="button" onClick={() => remove(i)}>
              Remove measure {i + 1}
            </Button>
          </div>
        );
      })}
      {fields.length < 10 && (
        <Button
          secondary
          type="button"
          onClick={() =>
            append({ metric: "", target: "", direction: "lower", byDate: { day: "", month: "", year: "" } })
          }
        >
          {fields.length ? "Add another measure" : "Add a measure"}
        </Button>
      )}
    </fieldset>
  );
}
