import { Page } from "../../components/Page";

// Social work (issue 20): built by part D. A placeholder until then.

export function SwProgressionPage() {
  return (
    <Page title="Progression">
      <p className="govuk-body">This page is being built.</p>
    </Page>
  );
}
