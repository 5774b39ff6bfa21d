import { useQuery } from "@tanstack/react-query";
import { longDate } from "../../../shared/dates";
import { SW_SERVICE_LABELS } from "../../../shared/social-work";
import { ErrorSummary } from "../../components/forms";
import { Page } from "../../components/Page";
import { swServiceQueries } from "../../queries/social-work-service";
import { MyAlertsPanel } from "./alerts-panel";
import { AlertList } from "./teams-page";
import { ProfileSummary } from "./worker-page";
import { AsyeSection } from "./worker-sections/asye-section";
import { CaseloadSection } from "./worker-sections/caseload-section";
import { ProgressionSection } from "./worker-sections/progression-section";
import { SupervisionSection } from "./worker-sections/supervision-section";

// A worker's own social work records (issue 20): for each staff record of theirs with a social
// work profile, the employer, team, role, registration and warrants with alerts, and then their
// ASYE, supervision, caseload and progression (the sections read /api/me themselves).

export function MySocialWorkPage() {
  const me = useQuery(swServiceQueries.me());
  const records = me.data?.records ?? [];
  return (
    <Page title="My social work">
      {me.isError && <ErrorSummary error={me.error} />}
      <MyAlertsPanel onMyPage />
      {me.data && !records.length && (
        <p className="govuk-body">You have no social work record with an employer on the hub.</p>
      )}
      {records.map((r) => (
        <section key={r.staffRecordId}>
          <h2 className="govuk-heading-m">
            {r.roleLabel}, {r.teamName}
          </h2>
          <p className="govuk-body">
            {r.employer.name}, {SW_SERVICE_LABELS[r.service]}. Since {longDate(r.startDate)}
            {r.endDate ? `, until ${longDate(r.endDate)}` : ""}.
          </p>
          <h3 className="govuk-heading-s">Alerts</h3>
          <AlertList alerts={r.alerts} />
          <ProfileSummary profile={r.profile} />
        </section>
      ))}
      {records.length > 0 && (
        <>
          <AsyeSection source={{ kind: "self" }} />
          <SupervisionSection source={{ kind: "self" }} />
          <CaseloadSection source={{ kind: "self" }} />
          <ProgressionSection source={{ kind: "self" }} />
        </>
      )}
    </Page>
  );
}
