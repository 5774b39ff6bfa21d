import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { Fieldset } from "../../components/Fieldset";

// Pieces the candidate pages share: checkboxes for choosing some of a list (qualifications, roles,
// employers, more jobs), and the links between the candidate's pages.

/** GOV.UK small checkboxes, one per option, inside a fieldset with its legend. */
export function Checkboxes({
  id,
  legend,
  hint,
  error,
  options,
  chosen,
  onChange,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: { value: string; label: string; hint?: string }[];
  chosen: string[];
  onChange: (chosen: string[]) => void;
}) {
  return (
    <Fieldset id={id} legend={legend} hint={hint} error={error}>
      <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
        {options.map((o, i) => {
          const boxId = i === 0 ? id : `${id}-${i}`;
          return (
            <div className="govuk-checkboxes__item" key={o.value}>
              <input
                className="govuk-checkboxes__input"
                id={boxId}
                type="checkbox"
                value={o.value}
                checked={chosen.includes(o.value)}
                aria-describedby={o.hint ? `${boxId}-hint` : undefined}
                onChange={(e) =>
                  onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value))
                }
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={boxId}>
                {o.label}
              </label>
              {o.hint && (
                <div id={`${boxId}-hint`} className="govuk-hint govuk-checkboxes__hint">
                  {o.hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}

/** The candidate's own pages. Deleting the account is not one: it is a link at the foot of the profile page. */
export const CANDIDATE_PAGES = [
  { to: "/orgs/$orgId/candidate/applications", label: "My applications" },
  { to: "/orgs/$orgId/candidate/profile", label: "My profile" },
  { to: "/orgs/$orgId/candidate/pool", label: "Talent pool" },
  { to: "/orgs/$orgId/candidate/invitations", label: "Invitations" },
  { to: "/orgs/$orgId/candidate/cohorts", label: "My courses" },
] as const;
const PAGES = CANDIDATE_PAGES;

/** Links between the candidate's own pages (the current one, if any, is plain text). */
export function CandidateNav({ orgId, current }: { orgId: string; current?: (typeof PAGES)[number]["to"] }) {
  return (
    <nav aria-label="Your account" className="govuk-!-margin-bottom-6">
      <ul className="govuk-list">
        {PAGES.map((p) => (
          <li key={p.to} className="govuk-!-display-inline-block govuk-!-margin-right-4">
            {p.to === current ? (
              <strong aria-current="page">{p.label}</strong>
            ) : (
              <Link className="govuk-link" to={p.to} params={{ orgId }}>
                {p.label}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

export const RIGHT_TO_WORK_LABELS = {
  yes: "Yes, I have the right to work in the UK",
  needs_sponsorship: "No, I would need a visa sponsored by the employer",
  not_sure: "I am not sure",
} as const;
