import type { ReactNode } from "react";

/** A titled section of a long page (dashboards, the roadmap): its heading names it for screen readers. */
export function Section({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section className="app-dashboard-section" aria-labelledby={id}>
      <h2 className="govuk-heading-m" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}
