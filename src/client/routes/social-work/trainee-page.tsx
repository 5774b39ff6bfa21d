import { Page } from "../../components/Page";

// Social work (issue 20): built by part B. A placeholder until then.

export function SwTraineePage() {
  return (
    <Page title="Trainee">
      <p className="govuk-body">This page is being built.</p>
    </Page>
  );
}
