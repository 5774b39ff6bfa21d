import type { ReactNode } from "react";
import { COMPLIANCE_LABELS } from "../../../shared/commissioning";
import { pounds } from "../../../shared/qpp";
import type { QppLineView } from "../../queries/commissioning-qpp";

// Pieces the Quality Premium pages share: a line's working, and tags said in words.

const STATUS_TAG: Record<string, string> = {
  met: "govuk-tag govuk-tag--green",
  not_met: "govuk-tag govuk-tag--red",
  not_enough_data: "govuk-tag govuk-tag--yellow",
  no_result: "govuk-tag govuk-tag--grey",
};
const STATUS_WORDS: Record<string, string> = { ...COMPLIANCE_LABELS, no_result: "No result" };

export function ScheduleStatusTag({ status }: { status: "draft" | "approved" | "provisional" }): ReactNode {
  if (status === "approved") return <strong className="govuk-tag govuk-tag--green">Approved</strong>;
  return <strong className="govuk-tag govuk-tag--blue">{status === "draft" ? "Draft" : "Provisional"}</strong>;
}

/** One contract's line: each qualifying standard met or not and why, then the working. */
export function LineWorking({ line, children }: { line: QppLineView; children?: ReactNode }): ReactNode {
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">
          {line.providerName}: {line.contractReference}
        </h3>
        <p className="govuk-body govuk-!-margin-bottom-0">
          <strong>{pounds(line.amount)}</strong> payable
        </p>
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          {line.standards.map((s) => (
            <div className="govuk-summary-list__row" key={s.standardId}>
              <dt className="govuk-summary-list__key">
                {s.name}
                {line.standards.length > 1 ? ` (weight ${s.weight})` : ""}
              </dt>
              <dd className="govuk-summary-list__value">
                <strong className={STATUS_TAG[s.status]}>{STATUS_WORDS[s.status]}</strong>{" "}
                <span className="govuk-body-s">{s.reason}</span>
              </dd>
            </div>
          ))}
        </dl>
        <h4 className="govuk-heading-s">The working</h4>
        <ol className="govuk-list govuk-list--number">
          {line.working.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ol>
        {children}
      </div>
    </div>
  );
}
