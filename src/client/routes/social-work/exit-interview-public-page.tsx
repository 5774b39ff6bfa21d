import { Page } from "../../components/Page";

// Social work (issue 20): built by part D. A placeholder until then.

export function ExitInterviewPublicPage() {
  return (
    <Page title="Exit interview">
      <p className="govuk-body">This page is being built.</p>
    </Page>
  );
}
