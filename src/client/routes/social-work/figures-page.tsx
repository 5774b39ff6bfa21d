import { Page } from "../../components/Page";

// Social work (issue 20): built by part G. A placeholder until then.

export function SwFiguresPage() {
  return (
    <Page title="Social work figures">
      <p className="govuk-body">This page is being built.</p>
    </Page>
  );
}
