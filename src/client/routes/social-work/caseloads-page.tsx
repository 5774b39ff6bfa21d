import { Page } from "../../components/Page";

// Social work (issue 20): built by part C2. A placeholder until then.

export function SwCaseloadsPage() {
  return (
    <Page title="Caseloads">
      <p className="govuk-body">This page is being built.</p>
    </Page>
  );
}
