import { Page } from "../../components/Page";

// Social work (issue 20): built by part A. A placeholder until then.

export function SwWorkerPage() {
  return (
    <Page title="Social worker">
      <p className="govuk-body">This page is being built.</p>
    </Page>
  );
}
