import { Page } from "../../components/Page";

// Social work (issue 20): built by part C1. A placeholder until then.

export function SwAsyePage() {
  return (
    <Page title="ASYE">
      <p className="govuk-body">This page is being built.</p>
    </Page>
  );
}
