import { type ChangeEvent, type ReactNode, useEffect, useRef } from "react";
import { JOB_ROLES } from "../../shared/ascwds/codes";
import { ApiError, type ApiIssue } from "../lib/api";

/** Field errors from an API error, keyed by field name. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.issues.map((i: ApiIssue) => [i.path, i.message]));
}

/** GOV.UK error summary: focused when it appears, each problem linking to its field. */
export function ErrorSummary({ error, fields = {} }: { error: unknown; fields?: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const issues = apiError?.issues.length ? apiError.issues : [{ path: "", message: apiError?.message ?? "Something went wrong. Try again." }];
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {issues.map((i) => (
              <li key={`${i.path}:${i.message}`}>{i.path && fields[i.path] ? <a href={`#${fields[i.path]}`}>{i.message}</a> : i.message}</li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
}

const describedBy = ({ id, hint, error }: FieldProps) => [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;

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
export function JobRoleCheckboxes({ idPrefix, offered, chosen, onChange }: { idPrefix: string; offered: number[]; chosen: number[]; onChange: (roles: number[]) => void }) {
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

export function Select(props: FieldProps & { name: string; value: string; onChange: (value: string) => void; options: { value: string; label: string }[] }) {
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
    <button type={type} className={cls} data-module="govuk-button" disabled={disabled} aria-disabled={disabled || undefined} onClick={onClick}>
      {children}
    </button>
  );
}

export function SuccessBanner({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="success-title">
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
