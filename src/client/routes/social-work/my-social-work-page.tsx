import { Page } from "../../components/Page";

// Social work (issue 20): built by part A. A placeholder until then.

export function MySocialWorkPage() {
  return (
    <Page title="My social work">
      <p className="govuk-body">This page is being built.</p>
    </Page>
  );
}
