import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useFormContext } from "react-hook-form";
import { advertPayText } from "../../../shared/advert-text";
import { Fieldset } from "../../components/Fieldset";

// Pieces the employer's recruitment pages share: status tags, pay in words, summary lists, and
// the checkbox fields a <Form> needs (one yes/no box, or several values).

export const ADVERT_STATUS: Record<string, { label: string; tag: string }> = {
  draft: { label: "Draft", tag: "govuk-tag--grey" },
  published: { label: "On the job board", tag: "govuk-tag--green" },
  closed: { label: "Closed", tag: "govuk-tag--blue" },
  refused: { label: "Sent back by the council", tag: "govuk-tag--red" },
};

export const CLOSED_REASONS: Record<string, string> = {
  filled: "filled",
  closing_date: "closing date passed",
  withdrawn: "withdrawn",
};

export function StatusTag({ status }: { status: string }) {
  const s = ADVERT_STATUS[status] ?? { label: status, tag: "govuk-tag--grey" };
  return <strong className={`govuk-tag ${s.tag}`}>{s.label}</strong>;
}

export const pounds = (n: number) =>
  n.toLocaleString("en-GB", { style: "currency", currency: "GBP", minimumFractionDigits: n % 1 ? 2 : 0 });

/** An advert's pay as the public job board says it (advert-text.ts). */
export const payText = advertPayText;

export function SummaryList({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="govuk-summary-list">
      {rows.map(([key, value]) => (
        <div className="govuk-summary-list__row" key={key}>
          <dt className="govuk-summary-list__key">{key}</dt>
          <dd className="govuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Links between the employer's recruitment pages. */
export function RecruitmentLinks({ orgId }: { orgId: string }) {
  return (
    <nav aria-label="Recruitment" className="govuk-!-margin-bottom-6">
      <ul className="govuk-list app-inline-list">
        <li>
          <Link className="govuk-link" to="/orgs/$orgId/recruitment" params={{ orgId }}>
            Job adverts
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/orgs/$orgId/recruitment/applications" params={{ orgId }}>
            Applications
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/orgs/$orgId/recruitment/emails" params={{ orgId }}>
            Emails to candidates
          </Link>
        </li>
      </ul>
    </nav>
  );
}

/** One GOV.UK checkbox for a yes/no field of the surrounding <Form>. */
export function CheckboxField({ name, label, hint }: { name: string; label: string; hint?: string }) {
  const { register } = useFormContext();
  const id = name.replace(/\./g, "-");
  return (
    <div className="govuk-form-group">
      <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
        <div className="govuk-checkboxes__item">
          <input
            className="govuk-checkboxes__input"
            id={id}
            type="checkbox"
            aria-describedby={hint ? `${id}-hint` : undefined}
            {...register(name)}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
          {hint && (
            <div id={`${id}-hint`} className="govuk-hint govuk-checkboxes__hint">
              {hint}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

/** GOV.UK checkboxes choosing several of `choices` for a list field of the surrounding <Form>. */
export function CheckboxesField({
  name,
  legend,
  hint,
  choices,
}: {
  name: string;
  legend: string;
  hint?: string;
  choices: { value: string; label: string }[];
}) {
  const { register, getFieldState, formState } = useFormContext();
  // A list's error is on the list, or on one of its items (values.0).
  const error = getFieldState(name, formState).error as unknown as
    | { message?: string }
    | ({ message?: string } | undefined)[]
    | undefined;
  const message = Array.isArray(error) ? error.find((e) => e?.message)?.message : error?.message;
  return (
    <Fieldset id={name} legend={legend} hint={hint} error={typeof message === "string" ? message : undefined}>
      <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
        {choices.map((c, i) => (
          <div className="govuk-checkboxes__item" key={c.value}>
            <input
              className="govuk-checkboxes__input"
              id={`${name}-${i}`}
              type="checkbox"
              value={c.value}
              {...register(name)}
            />
            <label className="govuk-label govuk-checkboxes__label" htmlFor={`${name}-${i}`}>
              {c.label}
            </label>
          </div>
        ))}
      </div>
    </Fieldset>
  );
}
