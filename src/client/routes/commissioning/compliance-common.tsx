import { type FormEvent, type ReactNode, useState } from "react";
import { COMPLIANCE_LABELS, type ComplianceStatus, periodBounds } from "../../../shared/commissioning";
import { longDate } from "../../../shared/dates";
import { CHALLENGE_LABELS } from "../../../shared/schemas/commissioning-compliance";
import { Table } from "../../components/Table";
import type { ContractComplianceResponse, ResultView } from "../../queries/commissioning-compliance";

// What the compliance pages share (issue 19 item 2): a result's status as a tag in words, a result
// with its evidence as a summary list, the quarter picker and the history table.

const TAG: Record<ComplianceStatus, string> = {
  met: "govuk-tag govuk-tag--green",
  not_met: "govuk-tag govuk-tag--red",
  not_enough_data: "govuk-tag govuk-tag--grey",
};

export function StatusTag({ status }: { status: ComplianceStatus }): ReactNode {
  return <strong className={TAG[status]}>{COMPLIANCE_LABELS[status]}</strong>;
}

function Row({ k, children }: { k: string; children: ReactNode }): ReactNode {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{k}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

/** One standard's result: the tag, the evidence sentence, the threshold, n and the date, any override and challenge. */
export function ResultCard({
  r,
  showToFix,
  children,
}: {
  r: ResultView;
  showToFix?: boolean;
  children?: ReactNode;
}): ReactNode {
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">{r.name}</h3>
        <div className="govuk-summary-card__actions">
          <StatusTag status={r.effectiveStatus} />
        </div>
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          <Row k="Result">
            {COMPLIANCE_LABELS[r.effectiveStatus]}
            {r.override && r.override.status !== r.status && (
              <> (computed: {COMPLIANCE_LABELS[r.status].toLowerCase()}, changed after a challenge)</>
            )}
          </Row>
          <Row k="Evidence">{r.sentence}</Row>
          <Row k="The contract asks for">{r.thresholdText}</Row>
          <Row k="Records behind it">{r.n.toLocaleString("en-GB")}</Row>
          <Row k="As at">
            {longDate(r.asAt)}, {r.measuredOver}
          </Row>
          {r.override && (
            <Row k="Commissioner's override">
              {COMPLIANCE_LABELS[r.override.status]}
              {r.override.at ? ` on ${longDate(r.override.at)}` : ""}: {r.override.note}
            </Row>
          )}
          {r.challenge && (
            <Row k="Challenge">
              <strong className="govuk-tag govuk-tag--blue">{CHALLENGE_LABELS[r.challenge.status]}</strong> raised{" "}
              {longDate(r.challenge.raisedAt)}: {r.challenge.reason}
              {r.challenge.decisionNote && (
                <>
                  <br />
                  Commissioner's note{r.challenge.decidedAt ? ` (${longDate(r.challenge.decidedAt)})` : ""}:{" "}
                  {r.challenge.decisionNote}
                </>
              )}
            </Row>
          )}
          {showToFix && r.toFix && <Row k="What to fix">{r.toFix}</Row>}
        </dl>
        {children}
      </div>
    </div>
  );
}

/** Pick a quarter from those offered (ended ones), newest first. */
export function PeriodPicker({
  current,
  options,
  onChoose,
  hint = "Compliance is measured for quarters that have ended.",
}: {
  current: string;
  options: string[];
  onChoose: (period: string) => void;
  hint?: string;
}): ReactNode {
  const [choice, setChoice] = useState(current);
  const all = options.includes(current) ? options : [current, ...options];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChoose(choice);
  };
  return (
    <form onSubmit={submit} className="govuk-!-margin-bottom-6">
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="period">
          Quarter
        </label>
        <div className="govuk-hint" id="period-hint">
          {hint}
        </div>
        <select
          className="govuk-select"
          id="period"
          name="period"
          aria-describedby="period-hint"
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
        >
          {all.map((p) => (
            <option key={p} value={p}>
              {periodBounds(p).label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary">
        Show this quarter
      </button>
    </form>
  );
}

type HistoryRow = { period: string; label: string; r: ResultView };

/** Every quarter's result of every standard, newest first. */
export function HistoryTable({ history }: { history: ContractComplianceResponse }): ReactNode {
  const rows: HistoryRow[] = history.periods.flatMap((p) =>
    p.results.map((r) => ({ period: p.period, label: p.label, r })),
  );
  if (!rows.length) return <p className="govuk-body">No quarter with a standard has ended yet.</p>;
  return (
    <Table
      caption="History"
      rowKey={(x) => x.r.id}
      rows={rows}
      columns={[
        { header: "Quarter", cell: (x) => x.label },
        { header: "Standard", cell: (x) => x.r.name },
        { header: "Result", cell: (x) => <StatusTag status={x.r.effectiveStatus} /> },
        { header: "Evidence", cell: (x) => x.r.sentence },
      ]}
    />
  );
}
