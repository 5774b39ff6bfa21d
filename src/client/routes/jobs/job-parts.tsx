import type { ReactNode } from "react";
import { useFormContext } from "react-hook-form";

// Pieces the job board's pages share.

/** Plain text as the advert was written: blank lines between paragraphs, "- " list items. */
export function PlainText({ text }: { text: string }): ReactNode {
  const blocks = text
    .split(/\n\s*\n/)
    .map((b) =>
      b
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .filter((b) => b.length);
  return blocks.map((lines) => {
    const key = lines.join("|");
    const items = lines.filter((l) => /^[-*•]\s+/.test(l));
    if (items.length === lines.length)
      return (
        <ul className="govuk-list govuk-list--bullet" key={key}>
          {items.map((l) => (
            <li key={l}>{l.replace(/^[-*•]\s+/, "")}</li>
          ))}
        </ul>
      );
    // Line breaks within a paragraph kept as the employer wrote them.
    return (
      <p className="govuk-body" key={key} style={{ whiteSpace: "pre-line" }}>
        {lines.join("\n")}
      </p>
    );
  });
}

/** One GOV.UK checkbox in a form (a yes/no filter). */
export function CheckboxField({ name, label, hint }: { name: string; label: string; hint?: string }): ReactNode {
  const { register } = useFormContext();
  return (
    <div className="govuk-checkboxes__item">
      <input
        className="govuk-checkboxes__input"
        id={name}
        type="checkbox"
        aria-describedby={hint ? `${name}-hint` : undefined}
        {...register(name)}
      />
      <label className="govuk-label govuk-checkboxes__label" htmlFor={name}>
        {label}
      </label>
      {hint && (
        <div id={`${name}-hint`} className="govuk-hint govuk-checkboxes__hint">
          {hint}
        </div>
      )}
    </div>
  );
}
