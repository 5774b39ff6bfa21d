import type { ReactNode } from "react";
import { useFormContext } from "react-hook-form";

// Pieces the job board's pages share.

const ITEM = /^[-*•]\s+/;

/** Plain text as the advert was written: blank lines between paragraphs, "- " list items (as the JSON-LD reads it). */
export function PlainText({ text }: { text: string }): ReactNode {
  // Runs of lines: a paragraph's lines, or a list's items, in the order written.
  const runs: { list: boolean; lines: string[] }[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    let last: { list: boolean; lines: string[] } | undefined;
    for (const raw of block.split("\n")) {
      const line = raw.trim();
      if (!line) continue;
      const list = ITEM.test(line);
      if (!last || last.list !== list) {
        last = { list, lines: [] };
        runs.push(last);
      }
      last.lines.push(list ? line.replace(ITEM, "") : line);
    }
  }
  return runs.map((run) => {
    const key = `${run.list}:${run.lines.join("|")}`;
    return run.list ? (
      <ul className="govuk-list govuk-list--bullet" key={key}>
        {run.lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    ) : (
      // Line breaks within a paragraph kept as the employer wrote them.
      <p className="govuk-body" key={key} style={{ whiteSpace: "pre-line" }}>
        {run.lines.join("\n")}
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
