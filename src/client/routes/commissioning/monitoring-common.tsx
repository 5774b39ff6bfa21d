import {
  formatFigure,
  MONITORING_STATUS_LABELS,
  type MonitoringStatus,
  type ReturnFigureView,
} from "../../../shared/schemas/commissioning-monitoring";

// Pieces the contract-monitoring pages share: a status as a tag with words, and figures as a
// GOV.UK summary list saying where each comes from.

const TAG: Record<MonitoringStatus, string> = {
  confirmed: "govuk-tag--green",
  overdue: "govuk-tag--red",
  due: "govuk-tag--yellow",
  open: "govuk-tag--grey",
};

export function MonitoringTag({ status }: { status: MonitoringStatus }): React.ReactNode {
  return <strong className={`govuk-tag ${TAG[status]}`}>{MONITORING_STATUS_LABELS[status]}</strong>;
}

const records = (n: number) => `${n.toLocaleString("en-GB")} ${n === 1 ? "record" : "records"}`;

export function FigureList({ figures }: { figures: ReturnFigureView[] }): React.ReactNode {
  return (
    <dl className="govuk-summary-list">
      {figures.map((f) => (
        <div className="govuk-summary-list__row" key={f.name}>
          <dt className="govuk-summary-list__key">{f.label}</dt>
          <dd className="govuk-summary-list__value">
            <span className="govuk-!-font-weight-bold">{formatFigure(f.value, f.format, f.reason)}</span>
            {f.value !== null && f.format !== "count" && <span className="govuk-body-s"> ({records(f.n)})</span>}
            <br />
            <span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0">
              {f.source}
              {f.declared ? " (includes a count from your ASC-WDS workplace file)" : ""}
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
