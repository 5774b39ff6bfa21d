import { Page } from "../../components/Page";

// Social work (issue 20): built by part E. A placeholder until then.

export function SwStartersLeaversPage() {
  return (
    <Page title="Starters, leavers and agency workers">
      <p className="govuk-body">This page is being built.</p>
    </Page>
  );
}
