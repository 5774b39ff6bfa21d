import { Page } from "../../components/Page";

// Social work (issue 20): built by part F. A placeholder until then.

export function SwCensusPage() {
  return (
    <Page title="Children's social work workforce census">
      <p className="govuk-body">This page is being built.</p>
    </Page>
  );
}
