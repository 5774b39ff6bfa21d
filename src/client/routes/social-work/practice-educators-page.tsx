import { Page } from "../../components/Page";

// Social work (issue 20): built by part B. A placeholder until then.

export function SwPracticeEducatorsPage() {
  return (
    <Page title="Practice educators">
      <p className="govuk-body">This page is being built.</p>
    </Page>
  );
}
