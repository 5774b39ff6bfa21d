import type { ReactNode } from "react";

/** A GOV.UK summary list: write its rows as <SummaryRow>s, leaving out a row with `&&`. */
export function SummaryList({ children }: { children: ReactNode }) {
  return <dl className="govuk-summary-list">{children}</dl>;
}

/** One row of a summary list: what it is and its value (`preWrap` keeps a note's line breaks). */
export function SummaryRow({ label, preWrap, children }: { label: ReactNode; preWrap?: boolean; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value" style={preWrap ? { whiteSpace: "pre-wrap" } : undefined}>
        {children}
      </dd>
    </div>
  );
}
