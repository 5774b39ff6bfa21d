// The one way to write a form: react-hook-form, checked by the same zod schema the server uses
// (src/shared/schemas), so a field's rule is written once. <Form> shows the GOV.UK error summary;
// the *Field components show each field's error inline. When the server still refuses (422 with
// field paths), its issues land on the same fields. The plain controls below (TextInput, Select)
// are for the few controls that are not a form to submit (a chart's figure, a map's pathway).

import { zodResolver } from "@hookform/resolvers/zod";
import { type ChangeEvent, createContext, type ReactNode, useContext, useEffect, useRef } from "react";
import {
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  FormProvider,
  type Path,
  type RegisterOptions,
  type UseFormReturn,
  useController,
  useForm,
  useFormContext,
} from "react-hook-form";
import type { z } from "zod";
import { JOB_ROLES } from "../../shared/ascwds/codes";
import { DATE_PARTS, type DatePart, type DateParts, parseDateParts, parseMonthParts } from "../../shared/date-input";
import { ApiError, type ApiIssue } from "../lib/api";
import { DateInput } from "./DateInput";
import { Fieldset } from "./Fieldset";

/** Field errors from an API error, keyed by field name. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.issues.map((i: ApiIssue) => [i.path, i.message]));
}

/** The GOV.UK error summary box: each problem, a link to its field when it has one. */
function SummaryBox({
  boxRef,
  problems,
}: {
  boxRef: React.RefObject<HTMLDivElement | null>;
  problems: { path: string; message: string; target?: string }[];
}) {
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={boxRef} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {problems.map((p) => (
              <li key={`${p.path}:${p.message}`}>{p.target ? <a href={`#${p.target}`}>{p.message}</a> : p.message}</li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/** GOV.UK error summary: focused when it appears, each problem linking to its field. */
export function ErrorSummary({ error, fields = {} }: { error: unknown; fields?: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const issues = apiError?.issues.length
    ? apiError.issues
    : [{ path: "", message: apiError?.message ?? "Something went wrong. Try again." }];
  return (
    <SummaryBox boxRef={ref} problems={issues.map((i) => ({ ...i, target: i.path ? fields[i.path] : undefined }))} />
  );
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
}

const describedBy = ({ id, hint, error }: FieldProps) =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;

/** GOV.UK form group: label, hint and error message around one control. */
function Field({ id, label, hint, error, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      {children}
    </div>
  );
}

interface InputProps extends FieldProps {
  name: string;
  type?: string;
  autoComplete?: string;
  value: string;
  onChange: (value: string) => void;
  width?: "govuk-input--width-20" | "govuk-input--width-30" | "";
  spellCheck?: boolean;
}

export function TextInput(props: InputProps) {
  const { id, name, error, type = "text", autoComplete, value, onChange, width = "", spellCheck } = props;
  return (
    <Field {...props}>
      <input
        className={`govuk-input ${width}${error ? " govuk-input--error" : ""}`}
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        spellCheck={spellCheck}
        aria-describedby={describedBy(props)}
        value={value}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
      />
    </Field>
  );
}

export function TextArea(props: FieldProps & { value: string; onChange: (value: string) => void; rows?: number }) {
  const { id, error, value, onChange, rows = 3 } = props;
  return (
    <Field {...props}>
      <textarea
        className={`govuk-textarea${error ? " govuk-textarea--error" : ""}`}
        id={id}
        name={id}
        rows={rows}
        aria-describedby={describedBy(props)}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

/** Every ASC-WDS main job role code, in alphabetical order of the role's name. */
export const ALL_JOB_ROLES = Object.keys(JOB_ROLES)
  .map(Number)
  .sort((a, b) => JOB_ROLES[a].localeCompare(JOB_ROLES[b]));

/**
 * Small GOV.UK checkboxes, one per ASC-WDS main job role offered, for choosing some of them
 * (the roles agency staff covered, the roles a training is mandatory for, the job roles a
 * framework role maps to).
 */
export function JobRoleCheckboxes({
  idPrefix,
  offered,
  chosen,
  onChange,
}: {
  idPrefix: string;
  offered: number[];
  chosen: number[];
  onChange: (roles: number[]) => void;
}) {
  return (
    <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
      {offered.map((r) => (
        <div className="govuk-checkboxes__item" key={r}>
          <input
            className="govuk-checkboxes__input"
            id={`${idPrefix}-${r}`}
            type="checkbox"
            checked={chosen.includes(r)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, r] : chosen.filter((x) => x !== r))}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={`${idPrefix}-${r}`}>
            {JOB_ROLES[r] ?? String(r)}
          </label>
        </div>
      ))}
    </div>
  );
}

export function Select(
  props: FieldProps & {
    name: string;
    value: string;
    onChange: (value: string) => void;
    options: { value: string; label: string }[];
  },
) {
  const { id, name, error, value, onChange, options } = props;
  return (
    <Field {...props}>
      <select
        className={`govuk-select${error ? " govuk-select--error" : ""}`}
        id={id}
        name={name}
        aria-describedby={describedBy(props)}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function Button({
  children,
  disabled,
  secondary,
  warning,
  type = "submit",
  onClick,
}: {
  children: ReactNode;
  disabled?: boolean;
  secondary?: boolean;
  warning?: boolean;
  type?: "submit" | "button";
  onClick?: () => void;
}) {
  const cls = `govuk-button${secondary ? " govuk-button--secondary" : ""}${warning ? " govuk-button--warning" : ""}`;
  return (
    <button
      type={type}
      className={cls}
      data-module="govuk-button"
      disabled={disabled}
      aria-disabled={disabled || undefined}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

export function SuccessBanner({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div
      className="govuk-notification-banner govuk-notification-banner--success"
      role="alert"
      aria-labelledby="success-title"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="success-title">
          Success
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{title}</p>
        {children}
      </div>
    </div>
  );
}

// ---- Forms checked by a shared zod schema -------------------------------------------------------

/**
 * A form checked by `schema` (a shared request schema, or one built from its fields). The values
 * the fields hold are the schema's input; `onSubmit` gets its output, as the server will read it.
 */
export function useSchemaForm<TSchema extends z.ZodType<FieldValues, FieldValues>>(
  schema: TSchema,
  defaultValues: DefaultValues<z.input<TSchema>>,
) {
  return useForm<z.input<TSchema>, unknown, z.output<TSchema>>({
    // zod 4 schemas, typed through the resolver's overload for them.
    resolver: zodResolver(schema as never) as never,
    defaultValues,
    // GOV.UK pattern: check on submit, then re-check a field as it is corrected.
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
}

/** Field ids by field name, so the error summary can link to each field. */
const FieldIds = createContext<Map<string, string> | null>(null);

/** Each error in a form's errors, with its field's path (`requiredTraining.0.roles`), in the fields' order. */
export function flattenErrors(errors: FieldErrors, prefix = ""): { path: string; message: string }[] {
  return Object.entries(errors).flatMap(([key, value]) => {
    if (!value || key === "ref") return [];
    const path = prefix ? `${prefix}.${key}` : key;
    const v = value as { message?: unknown; type?: unknown };
    if (typeof v.message === "string" && typeof v.type === "string") return [{ path, message: v.message }];
    return typeof value === "object" ? flattenErrors(value as FieldErrors, path) : [];
  });
}

/**
 * A GOV.UK form: the error summary (the client's checks and the server's answer, each linking to its
 * field), then the fields. `error` is the submission's error: its field issues are put on the fields.
 */
export function Form<T extends FieldValues, R>({
  form,
  onSubmit,
  error,
  children,
  className,
  summary = true,
}: {
  form: UseFormReturn<T, unknown, R>;
  onSubmit: (values: R) => void;
  error?: unknown;
  children: ReactNode;
  className?: string;
  /** False when the page shows the summary elsewhere (at the top, above the title). */
  summary?: boolean;
}) {
  const ids = useRef(new Map<string, string>()).current;
  const { setError, clearErrors } = form;
  useEffect(() => {
    if (!(error instanceof ApiError)) return;
    // The server's issues go on the fields it names; anything else is said in the summary.
    const general: string[] = [];
    for (const issue of error.issues) {
      if (issue.path && ids.has(issue.path))
        setError(issue.path as Path<T>, { type: "server", message: issue.message }, { shouldFocus: false });
      else general.push(issue.message);
    }
    if (!error.issues.length) general.push(error.message);
    if (general.length) setError("root.server" as Path<T>, { type: "server", message: general.join(" ") });
  }, [error, ids, setError]);
  return (
    <FormProvider {...form}>
      <FieldIds.Provider value={ids}>
        {summary && <FormErrorSummary />}
        <form
          className={className}
          noValidate
          onSubmit={(e) => {
            clearErrors("root.server" as Path<T>);
            form.handleSubmit(onSubmit)(e);
          }}
        >
          {children}
        </form>
      </FieldIds.Provider>
    </FormProvider>
  );
}

/** The GOV.UK error summary for the surrounding <Form>: focused after a submission with problems. */
export function FormErrorSummary() {
  const { formState } = useFormContext();
  const ids = useContext(FieldIds);
  const ref = useRef<HTMLDivElement>(null);
  const problems = flattenErrors(formState.errors);
  const shown = problems.length > 0;
  // Move focus to the summary when a submission (or the server's answer) brings problems.
  const submitCount = formState.submitCount;
  useEffect(() => {
    if (shown && submitCount >= 0) ref.current?.focus();
  }, [shown, submitCount]);
  if (!shown) return null;
  return <SummaryBox boxRef={ref} problems={problems.map((p) => ({ ...p, target: ids?.get(p.path) }))} />;
}

/** A field's error message and id, registering the id for the summary's link. */
function useFieldState(name: string, id: string) {
  const { formState, getFieldState } = useFormContext();
  const ids = useContext(FieldIds);
  ids?.set(name, id);
  return getFieldState(name, formState).error?.message;
}

/**
 * The GOV.UK date input in a form: its value is the boxes ({ day, month, year }, from datePartsOf or
 * monthPartsOf), and the form's schema reads them with dateFromParts (src/shared/date-input.ts), so
 * the form's output is the ISO day the API takes. Only the boxes at fault are highlighted (every box
 * for the server's refusal), and the error summary links to the first of them.
 */
export function DateField({
  name,
  id = name,
  legend,
  hint,
  parts = DATE_PARTS,
}: {
  name: string;
  id?: string;
  legend: string;
  hint?: string;
  /** DATE_PARTS, or MONTH_PARTS for a month. */
  parts?: DatePart[];
}) {
  const { field, fieldState } = useController({ name });
  const value = field.value as DateParts;
  const error = fieldState.error;
  const read = parts.includes("day") ? parseDateParts(value, legend) : parseMonthParts(value, legend);
  const errorParts = error && error.type !== "server" && !read.ok ? read.parts : parts;
  const message = useFieldState(name, `${id}-${errorParts[0]}`);
  return (
    <DateInput
      id={id}
      legend={legend}
      hint={hint}
      value={value}
      onChange={field.onChange}
      error={message}
      errorParts={errorParts}
      parts={parts}
    />
  );
}

type FieldBase = { name: string; id?: string; label: string; hint?: string };

export function TextField({
  name,
  id = name,
  label,
  hint,
  type = "text",
  autoComplete,
  width = "",
  spellCheck,
  inputMode,
  options,
}: FieldBase & {
  type?: string;
  autoComplete?: string;
  width?: "govuk-input--width-20" | "govuk-input--width-30" | "govuk-input--width-10" | "";
  spellCheck?: boolean;
  inputMode?: "decimal" | "numeric";
  /** How the text becomes the schema's value (for example a number, or null when empty). */
  options?: RegisterOptions;
}) {
  const { register } = useFormContext();
  const error = useFieldState(name, id);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        className={`govuk-input ${width}${error ? " govuk-input--error" : ""}`}
        id={id}
        type={type}
        autoComplete={autoComplete}
        spellCheck={spellCheck}
        inputMode={inputMode}
        aria-describedby={describedBy({ id, label, hint, error })}
        {...register(name, options)}
      />
    </Field>
  );
}

export function TextAreaField({ name, id = name, label, hint, rows = 3 }: FieldBase & { rows?: number }) {
  const { register } = useFormContext();
  const error = useFieldState(name, id);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <textarea
        className={`govuk-textarea${error ? " govuk-textarea--error" : ""}`}
        id={id}
        rows={rows}
        aria-describedby={describedBy({ id, label, hint, error })}
        {...register(name)}
      />
    </Field>
  );
}

export function SelectField({
  name,
  id = name,
  label,
  hint,
  choices,
  options,
}: FieldBase & { choices: { value: string; label: string }[]; options?: RegisterOptions }) {
  const { register } = useFormContext();
  const error = useFieldState(name, id);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select
        className={`govuk-select${error ? " govuk-select--error" : ""}`}
        id={id}
        aria-describedby={describedBy({ id, label, hint, error })}
        {...register(name, options)}
      >
        {choices.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** GOV.UK checkboxes for some of the ASC-WDS job roles offered, as a fieldset with its legend. */
export function JobRolesField({
  name,
  id = name,
  legend,
  offered,
}: {
  name: string;
  id?: string;
  legend: string;
  offered: number[];
}) {
  const { field } = useController({ name });
  const error = useFieldState(name, `${id}-${offered[0]}`);
  return (
    <Fieldset id={id} legend={legend} error={error}>
      <JobRoleCheckboxes
        idPrefix={id}
        offered={offered}
        chosen={(field.value as number[] | null) ?? []}
        onChange={field.onChange}
      />
    </Fieldset>
  );
}

/** How a text box's text becomes a number for the schema: empty is `empty`; text that is not a number stays text, for the schema to refuse in words. */
export const asNumber = (empty: null | undefined = undefined): RegisterOptions => ({
  setValueAs: (v: unknown) => {
    if (typeof v !== "string") return v;
    const text = v.trim().replace(/[£,]/g, "");
    if (text === "") return empty;
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  },
});

/** GOV.UK radios as a fieldset with its legend, one of `choices` (small radios with `small`). */
export function RadiosField({
  name,
  id = name,
  legend,
  hint,
  choices,
  small,
}: {
  name: string;
  id?: string;
  legend: string;
  hint?: string;
  choices: { value: string; label: string; hint?: string }[];
  small?: boolean;
}) {
  const { register } = useFormContext();
  const first = `${id}-${choices[0]?.value ?? ""}`;
  const error = useFieldState(name, first);
  return (
    <Fieldset id={id} legend={legend} hint={hint} error={error}>
      <div className={`govuk-radios${small ? " govuk-radios--small" : ""}`} data-module="govuk-radios">
        {choices.map((c) => (
          <div className="govuk-radios__item" key={c.value}>
            <input
              className="govuk-radios__input"
              id={`${id}-${c.value}`}
              type="radio"
              value={c.value}
              aria-describedby={c.hint ? `${id}-${c.value}-hint` : undefined}
              {...register(name)}
            />
            <label className="govuk-label govuk-radios__label" htmlFor={`${id}-${c.value}`}>
              {c.label}
            </label>
            {c.hint && (
              <div id={`${id}-${c.value}-hint`} className="govuk-hint govuk-radios__hint">
                {c.hint}
              </div>
            )}
          </div>
        ))}
      </div>
    </Fieldset>
  );
}
