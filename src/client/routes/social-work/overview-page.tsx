import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { longDate } from "../../../shared/dates";
import { REGISTRATION_ALERT_LABELS, REGISTRATION_ALERTS } from "../../../shared/sw-registration";
import { ErrorSummary } from "../../components/forms";
import { Page } from "../../components/Page";
import { Table } from "../../components/Table";
import { useOrg } from "../../lib/org";
import { swServiceQueries } from "../../queries/social-work-service";
import { TeamAlertsPanel } from "./alerts-panel";
import { fte } from "./common";

// The social work service at a glance (issue 20 item 7): per service, the posts (funded, filled,
// vacant, covered by agency workers, in full-time equivalents) and how many workers need attention,
// and a link to every section the user may open. Someone who sees figures only (an analyst) gets
// the service totals (counts of 1 to 4 withheld) and the Figures link.

const route = getRouteApi("/orgs/$orgId/social-work");

/** Every section, and the permission that opens it. */
const SECTIONS = [
  { to: "/orgs/$orgId/social-work/teams", label: "Teams and posts", permission: "socialwork.view" },
  { to: "/orgs/$orgId/social-work/workers", label: "Workers", permission: "socialwork.view" },
  { to: "/orgs/$orgId/social-work/routes-in", label: "Routes in", permission: "socialwork.view" },
  { to: "/orgs/$orgId/social-work/practice-educators", label: "Practice educators", permission: "socialwork.view" },
  { to: "/orgs/$orgId/social-work/asye", label: "ASYE", permission: "socialwork.view" },
  { to: "/orgs/$orgId/social-work/supervision", label: "Supervision", permission: "socialwork.view" },
  { to: "/orgs/$orgId/social-work/caseloads", label: "Caseloads", permission: "socialwork.view" },
  { to: "/orgs/$orgId/social-work/progression", label: "Progression", permission: "socialwork.view" },
  { to: "/orgs/$orgId/social-work/agency", label: "Agency", permission: "socialwork.view" },
  { to: "/orgs/$orgId/social-work/starters-leavers", label: "Starters and leavers", permission: "socialwork.view" },
  { to: "/orgs/$orgId/social-work/census", label: "Census", permission: "socialwork.manage" },
  { to: "/orgs/$orgId/social-work/figures", label: "Figures", permission: "socialwork.figures" },
  { to: "/orgs/$orgId/social-work/settings", label: "Settings", permission: "socialwork.view" },
] as const;

export function SocialWorkOverviewPage() {
  const { orgId } = route.useParams();
  const org = useOrg(orgId);
  const overview = useQuery(swServiceQueries.overview(orgId));
  const permissions = org.data?.permissions ?? [];
  const sections = SECTIONS.filter((s) => (permissions as string[]).includes(s.permission));
  const mayView = (permissions as string[]).includes("socialwork.view");
  // Someone outside the service (a provider, or a social worker without a manager's access) is
  // told plainly what this part is and where their own records are, not shown a failed table.
  if (org.data && !sections.length)
    return (
      <Page title="Social work service">
        <p className="govuk-body">
          This part of the hub is for the council's social work service: its leads, team managers and analysts.
        </p>
        <p className="govuk-body">
          If you are one of its social workers, your own registration, supervision and ASYE are in{" "}
          <Link to="/orgs/$orgId/my-social-work" params={{ orgId }} className="govuk-link">
            My social work
          </Link>
          .
        </p>
      </Page>
    );
  return (
    <Page title="Social work service">
      {mayView && <TeamAlertsPanel orgId={orgId} />}
      {overview.isError && <ErrorSummary error={overview.error} />}
      {overview.data && (
        <>
          <p className="govuk-body">
            Posts on {longDate(overview.data.at)}, in full-time equivalents (37 hours a week).
          </p>
          {overview.data.services.length ? (
            <Table
              caption="The service at a glance"
              rowKey={(s) => s.service}
              rows={overview.data.services}
              columns={[
                { header: "Service", cell: (s) => s.label },
                { header: "Teams", numeric: true, cell: (s) => s.teams },
                { header: "Workers in post", numeric: true, cell: (s) => s.workers },
                { header: "Funded posts", numeric: true, cell: (s) => fte(s.posts.funded) },
                { header: "Filled", numeric: true, cell: (s) => fte(s.posts.filled) },
                { header: "Vacant", numeric: true, cell: (s) => fte(s.posts.vacant) },
                { header: "Covered by agency", numeric: true, cell: (s) => fte(s.posts.agencyCover) },
              ]}
            />
          ) : (
            <p className="govuk-body">The council has no social work teams yet.</p>
          )}
          {overview.data.services.map((s) => (
            <div key={s.service}>
              <h2 className="govuk-heading-s">{s.label}: needs attention</h2>
              <ul className="govuk-list govuk-list--bullet">
                {REGISTRATION_ALERTS.map((kind) => (
                  <li key={kind}>
                    {REGISTRATION_ALERT_LABELS[kind]}:{" "}
                    {s.attention[kind] === null ? "fewer than 5" : (s.attention[kind] ?? 0)}
                  </li>
                ))}
              </ul>
            </div>
          ))}
          {mayView && (
            <p className="govuk-body">
              <Link
                to="/orgs/$orgId/social-work/workers"
                params={{ orgId }}
                search={{ attention: "true" }}
                className="govuk-link"
              >
                Workers who need attention
              </Link>
            </p>
          )}
        </>
      )}
      <h2 className="govuk-heading-m">Sections</h2>
      <ul className="govuk-list">
        {sections.map((s) => (
          <li key={s.to}>
            <Link to={s.to} params={{ orgId }} className="govuk-link">
              {s.label}
            </Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}
