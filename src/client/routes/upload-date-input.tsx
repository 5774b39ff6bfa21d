// The date boxes of the upload pages (the as-at date, leaving dates), holding the date as YYYY-MM-DD.

/** GOV.UK date input (day, month, year) for a YYYY-MM-DD value; empty boxes give "--". */
export function DateInput({
  id,
  legend,
  hint,
  value,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  hint?: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const [y, m, d] = value.split("-");
  const set = (part: 0 | 1 | 2, v: string) => {
    const parts = [y ?? "", m ?? "", d ?? ""];
    parts[part] = v;
    onChange(`${parts[0]}-${parts[1].padStart(parts[1] ? 2 : 0, "0")}-${parts[2].padStart(parts[2] ? 2 : 0, "0")}`);
  };
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={hint ? `${id}-hint` : undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint && (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        )}
        {error && (
          <p className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        )}
        <div className="govuk-date-input" id={id}>
          {(
            [
              ["day", "Day", d, 2, 2],
              ["month", "Month", m, 1, 2],
              ["year", "Year", y, 0, 4],
            ] as const
          ).map(([name, label, v, part, width]) => (
            <div className="govuk-date-input__item" key={name}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${name}`}>
                  {label}
                </label>
                <input
                  className={`govuk-input govuk-date-input__input govuk-input--width-${width}${error ? " govuk-input--error" : ""}`}
                  id={`${id}-${name}`}
                  name={`${id}-${name}`}
                  type="text"
                  inputMode="numeric"
                  value={v ?? ""}
                  onChange={(e) => set(part, e.target.value.replace(/\D/g, ""))}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
