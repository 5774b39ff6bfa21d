import { Page } from "../../components/Page";

// Social work (issue 20): built by part E. A placeholder until then.

export function SwAgencyPage() {
  return (
    <Page title="Agency social workers">
      <p className="govuk-body">This page is being built.</p>
    </Page>
  );
}
