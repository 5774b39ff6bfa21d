import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { z } from "zod";
import { longDate } from "../../../shared/dates";
import {
  ROUTE_IN_LABELS,
  ROUTES_IN,
  SW_ROLE_KEYS,
  SW_SERVICE_LABELS,
  SW_SERVICES,
  swRoleLabel,
} from "../../../shared/social-work";
import { Button, ErrorSummary, Form, SelectField, useSchemaForm } from "../../components/forms";
import { Page } from "../../components/Page";
import { Table } from "../../components/Table";
import { swServiceQueries, type TeamView } from "../../queries/social-work-service";
import { AlertList } from "./teams-page";
import { pageOf, type SwWorkersSearch } from "./workers-search";

// The social work service's workers (GET …/social-work/workers): whom the user may see (the lead
// everyone, a team manager their teams' workers; the API decides, and says so when it refuses),
// filtered by service, team, role, route in, registration or warrant alerts, and leavers, with the filters in
// the address so a list can be shared. The API sends the whole list; the page shows 50 at a time.

const route = getRouteApi("/orgs/$orgId/social-work/workers");

export function SwWorkersPage() {
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const { page: _page, ...filter } = search;
  const workers = useQuery(swServiceQueries.workers(orgId, filter));
  const teams = useQuery(swServiceQueries.teams(orgId));
  const shown = workers.data ? pageOf(workers.data.workers, search.page) : null;
  const total = workers.data?.workers.length ?? 0;
  const filtered = Object.values(filter).some((v) => v !== undefined);
  return (
    <Page title="Social workers">
      <p className="govuk-body">
        <Link to="/orgs/$orgId/social-work" params={{ orgId }} className="govuk-link">
          Back to the social work service
        </Link>
      </p>
      {workers.isError ? (
        <ErrorSummary error={workers.error} />
      ) : (
        // Keyed by the address, so going back to an earlier filter shows that filter in the form; drawn
        // once the teams are in, or a linked team would show as "All your teams" (its option not there yet).
        !teams.isPending && (
          <WorkerFilters key={JSON.stringify(filter)} orgId={orgId} search={search} teams={teams.data?.teams ?? []} />
        )
      )}
      {workers.isPending && <p className="govuk-body">Loading the workers…</p>}
      {shown && total === 0 && (
        <>
          <h2 className="govuk-heading-m">No workers found</h2>
          <p className="govuk-body">
            {filtered ? "No one you may see matches these filters. " : "You may see no workers yet. "}
            {filtered && (
              <Link to="/orgs/$orgId/social-work/workers" params={{ orgId }} className="govuk-link">
                Clear the filters
              </Link>
            )}
          </p>
        </>
      )}
      {shown && total > 0 && (
        <>
          <Table
            caption={`${total.toLocaleString("en-GB")} worker${total === 1 ? "" : "s"}${shown.pages > 1 ? ` (page ${shown.page} of ${shown.pages})` : ""}`}
            rowKey={(w) => w.id}
            rows={shown.rows}
            columns={[
              {
                header: "Name",
                sortValue: (w) => w.name,
                cell: (w) => (
                  <Link
                    to="/orgs/$orgId/social-work/workers/$staffId"
                    params={{ orgId, staffId: w.id }}
                    className="govuk-link"
                  >
                    {w.name}
                  </Link>
                ),
              },
              { header: "Team", sortValue: (w) => w.teamName, cell: (w) => w.teamName },
              { header: "Role", sortValue: (w) => w.roleLabel, cell: (w) => w.roleLabel },
              { header: "Grade", cell: (w) => w.grade ?? "Not recorded" },
              { header: "Started", sortValue: (w) => w.startDate, cell: (w) => longDate(w.startDate) },
              search.leavers === "true" && {
                header: "Left",
                sortValue: (w) => w.endDate,
                cell: (w) => (w.endDate ? longDate(w.endDate) : "In post"),
              },
              { header: "Alerts", sortValue: (w) => w.alerts.length, cell: (w) => <AlertList alerts={w.alerts} /> },
            ]}
          />
          {shown.pages > 1 && (
            <nav className="govuk-pagination" aria-label="Pages of workers">
              {shown.page > 1 && (
                <div className="govuk-pagination__prev">
                  <Link
                    className="govuk-link govuk-pagination__link"
                    to="/orgs/$orgId/social-work/workers"
                    params={{ orgId }}
                    search={{ ...search, page: shown.page - 1 }}
                  >
                    <span className="govuk-pagination__link-title">Previous page</span>
                  </Link>
                </div>
              )}
              {shown.page < shown.pages && (
                <div className="govuk-pagination__next">
                  <Link
                    className="govuk-link govuk-pagination__link"
                    to="/orgs/$orgId/social-work/workers"
                    params={{ orgId }}
                    search={{ ...search, page: shown.page + 1 }}
                  >
                    <span className="govuk-pagination__link-title">Next page</span>
                  </Link>
                </div>
              )}
            </nav>
          )}
        </>
      )}
    </Page>
  );
}

/** The form's fields: each a choice from a list, "" for all. */
const filterForm = z.object({
  service: z.string(),
  teamId: z.string(),
  role: z.string(),
  routeIn: z.string(),
  attention: z.string(),
  leavers: z.string(),
});

/** The filters: applying them puts them in the address (page 1), which the list follows. */
function WorkerFilters({ orgId, search, teams }: { orgId: string; search: SwWorkersSearch; teams: TeamView[] }) {
  const navigate = route.useNavigate();
  const form = useSchemaForm(filterForm, {
    service: search.service ?? "",
    teamId: search.teamId ?? "",
    role: search.role ?? "",
    routeIn: search.routeIn ?? "",
    attention: search.attention ?? "",
    leavers: search.leavers ?? "",
  });
  // Only the services the user has teams in (a team manager's one service needs no choice).
  const services = SW_SERVICES.filter((s) => teams.some((t) => t.service === s));
  const byName = [...teams].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <Form
      form={form}
      className="govuk-!-margin-bottom-6"
      onSubmit={(v) =>
        navigate({
          to: "/orgs/$orgId/social-work/workers",
          params: { orgId },
          search: {
            service: (v.service || undefined) as SwWorkersSearch["service"],
            teamId: v.teamId || undefined,
            role: (v.role || undefined) as SwWorkersSearch["role"],
            routeIn: (v.routeIn || undefined) as SwWorkersSearch["routeIn"],
            attention: v.attention === "true" ? "true" : undefined,
            leavers: v.leavers === "true" ? "true" : undefined,
            page: undefined,
          },
        })
      }
    >
      <div className="govuk-grid-row">
        {services.length > 1 && (
          <div className="govuk-grid-column-one-third">
            <SelectField
              name="service"
              id="sw-workers-service"
              label="Service"
              choices={[
                { value: "", label: "Both services" },
                ...services.map((s) => ({ value: s, label: SW_SERVICE_LABELS[s] })),
              ]}
            />
          </div>
        )}
        <div className="govuk-grid-column-one-third">
          <SelectField
            name="teamId"
            id="sw-workers-team"
            label="Team"
            choices={[
              { value: "", label: "All your teams" },
              ...byName.map((t) => ({ value: t.id, label: t.archivedAt ? `${t.name} (closed)` : t.name })),
            ]}
          />
        </div>
        <div className="govuk-grid-column-one-third">
          <SelectField
            name="role"
            id="sw-workers-role"
            label="Role"
            choices={[
              { value: "", label: "All roles" },
              ...SW_ROLE_KEYS.map((r) => ({ value: r, label: swRoleLabel(r) })),
            ]}
          />
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <SelectField
            name="routeIn"
            id="sw-workers-route-in"
            label="Route in"
            choices={[
              { value: "", label: "All routes" },
              ...ROUTES_IN.map((r) => ({ value: r, label: ROUTE_IN_LABELS[r] })),
            ]}
          />
        </div>
        <div className="govuk-grid-column-one-third">
          <SelectField
            name="attention"
            id="sw-workers-attention"
            label="Alerts"
            hint="Registration at risk or lapsed, AMHP approval ending or ended, BIA training due, or a practice educator with less than 2 years' experience"
            choices={[
              { value: "", label: "Everyone" },
              { value: "true", label: "Only workers with an alert" },
            ]}
          />
        </div>
        <div className="govuk-grid-column-one-third">
          <SelectField
            name="leavers"
            id="sw-workers-leavers"
            label="Status"
            choices={[
              { value: "", label: "In post" },
              { value: "true", label: "In post and leavers" },
            ]}
          />
        </div>
      </div>
      <Button secondary>Apply filters</Button>
    </Form>
  );
}
