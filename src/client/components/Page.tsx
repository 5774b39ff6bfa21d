import { type ReactNode, useEffect } from "react";

/** A page: sets the document title (read first by screen readers) and the one h1. */
export function Page({ title, caption, children }: { title: string; caption?: string; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} – Care Workforce Hub`;
  }, [title]);
  return (
    <>
      {caption && <span className="govuk-caption-l">{caption}</span>}
      <h1 className="govuk-heading-l">{title}</h1>
      {children}
    </>
  );
}
