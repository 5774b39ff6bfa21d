import { Page } from "../../components/Page";

// The council's commissioning page (issue 19 item 6).
export function CommissioningOverviewPage(): React.ReactNode {
  return <Page title="Commissioning">{null}</Page>;
}
