import { DATE_PARTS, type DatePart, type DateParts } from "../../shared/date-input";
import { Fieldset } from "./Fieldset";

const LABELS: Record<DatePart, string> = { day: "Day", month: "Month", year: "Year" };
const WIDTHS: Record<DatePart, number> = { day: 2, month: 2, year: 4 };

/**
 * The GOV.UK date input: day, month and year boxes in a fieldset (`parts={MONTH_PARTS}` for a month:
 * month and year). Read what is typed with parseDateParts or parseMonthParts (src/shared/date-input.ts),
 * which give the message and the boxes to highlight. An error summary links to `${id}-day` (or the
 * first box in error). In a react-hook-form form, use DateField (components/forms.tsx).
 */
export function DateInput({
  id,
  legend,
  hint,
  value,
  onChange,
  error,
  errorParts,
  parts = DATE_PARTS,
}: {
  id: string;
  legend: string;
  hint?: string;
  value: DateParts;
  onChange: (value: DateParts) => void;
  error?: string;
  /** The boxes in error (every box when not given). */
  errorParts?: DatePart[];
  /** The boxes shown: DATE_PARTS, or MONTH_PARTS for a month. */
  parts?: DatePart[];
}) {
  const highlighted = errorParts ?? parts;
  return (
    <Fieldset id={id} legend={legend} hint={hint} error={error}>
      <div className="govuk-date-input" id={id}>
        {parts.map((part) => (
          <div className="govuk-date-input__item" key={part}>
            <div className="govuk-form-group">
              <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${part}`}>
                {LABELS[part]}
              </label>
              <input
                className={`govuk-input govuk-date-input__input govuk-input--width-${WIDTHS[part]}${
                  error && highlighted.includes(part) ? " govuk-input--error" : ""
                }`}
                id={`${id}-${part}`}
                name={`${id}-${part}`}
                type="text"
                inputMode={part === "month" ? undefined : "numeric"}
                autoComplete="off"
                value={value[part]}
                onChange={(e) => onChange({ ...value, [part]: e.target.value })}
              />
            </div>
          </div>
        ))}
      </div>
    </Fieldset>
  );
}
