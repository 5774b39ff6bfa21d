import { Page } from "../../components/Page";

// Social work (issue 20): built by part B. A placeholder until then.

export function SwRoutesInPage() {
  return (
    <Page title="Routes into social work">
      <p className="govuk-body">This page is being built.</p>
    </Page>
  );
}
