import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { percent, pounds } from "../../../shared/commissioning-words";
import { longDate } from "../../../shared/dates";
import { TRAINEE_ROUTE_LABELS, TRAINEE_ROUTES } from "../../../shared/social-work";
import { ESG_RATES_NOTE } from "../../../shared/sw-routes-in";
import { ErrorSummary, Select } from "../../components/forms";
import { Page } from "../../components/Page";
import { Table } from "../../components/Table";
import { useOrg, useOrgId } from "../../lib/org";
import { routesInQueries, type TraineeSummary } from "../../queries/social-work-routes-in";
import { SwPageLinks } from "./common";
import { STATUS_TEXT, TraineeForm } from "./trainee-page";

// Routes into social work (issue 20 item 2): the grow-your-own share, trainees by route and
// status with cost and ESG, each route's cohorts (started, qualified, withdrew, joined, still here
// 1, 2 and 3 years after joining), and every trainee, with a form to record a new one.

type Retention = { years: number; eligible: number; stayed: number; rate: number | null };
const stayedText = (r: Retention | undefined) =>
  !r || r.eligible === 0 ? "Too soon" : `${r.stayed} of ${r.eligible} (${percent(r.rate ?? 0)})`;

function Trainees({ orgId, trainees }: { orgId: string; trainees: TraineeSummary[] }) {
  const [routeFilter, setRouteFilter] = useState("");
  const [status, setStatus] = useState("in_training");
  const rows = trainees.filter((t) => (!routeFilter || t.route === routeFilter) && (!status || t.status === status));
  return (
    <>
      <h2 className="govuk-heading-m">Trainees</h2>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <Select
            id="filter-route"
            name="filter-route"
            label="Route"
            value={routeFilter}
            onChange={setRouteFilter}
            options={[
              { value: "", label: "All routes" },
              ...TRAINEE_ROUTES.map((r) => ({ value: r, label: TRAINEE_ROUTE_LABELS[r] })),
            ]}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <Select
            id="filter-status"
            name="filter-status"
            label="Status"
            value={status}
            onChange={setStatus}
            options={[
              { value: "", label: "All" },
              { value: "in_training", label: STATUS_TEXT.in_training },
              { value: "qualified", label: STATUS_TEXT.qualified },
              { value: "withdrawn", label: STATUS_TEXT.withdrawn },
            ]}
          />
        </div>
      </div>
      <Table
        caption={`${rows.length} ${rows.length === 1 ? "trainee" : "trainees"}`}
        rowKey={(t) => t.id}
        rows={rows}
        columns={[
          {
            header: "Name",
            sortValue: (t) => t.name,
            cell: (t) => (
              <Link
                to="/orgs/$orgId/social-work/routes-in/$traineeId"
                params={{ orgId, traineeId: t.id }}
                className="govuk-link"
              >
                {t.name}
              </Link>
            ),
          },
          { header: "Route", sortValue: (t) => t.routeLabel, cell: (t) => t.routeLabel },
          { header: "Team", cell: (t) => t.teamName ?? "No team" },
          { header: "Started", sortValue: (t) => t.startDate, cell: (t) => longDate(t.startDate) },
          { header: "Ends", sortValue: (t) => t.endDate, cell: (t) => (t.endDate ? longDate(t.endDate) : "Not set") },
          {
            header: "Status",
            cell: (t) =>
              `${STATUS_TEXT[t.status]}${t.qualifiedOn ? ` ${longDate(t.qualifiedOn)}` : ""}${t.joined ? ", joined" : ""}`,
          },
          { header: "Practice educator", cell: (t) => t.practiceEducatorName ?? "" },
        ]}
      />
    </>
  );
}

export function SwRoutesInPage() {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const canManage = org.data?.permissions.includes("socialwork.manage") ?? false;
  const summary = useQuery(routesInQueries.summary(orgId));
  const trainees = useQuery(routesInQueries.trainees(orgId));
  const s = summary.data;
  const gyo = s?.growYourOwn;
  return (
    <Page title="Routes into social work" caption="Social work service">
      <SwPageLinks
        orgId={orgId}
        links={[
          ["/orgs/$orgId/social-work", "Social work service"],
          ["/orgs/$orgId/social-work/practice-educators", "Practice educators"],
        ]}
      />
      {summary.isError && <ErrorSummary error={summary.error} />}
      {gyo && (
        <div className="govuk-inset-text">
          <p className="govuk-body govuk-!-font-size-36 govuk-!-font-weight-bold govuk-!-margin-bottom-1">
            {gyo.share === null ? "No social workers in post" : percent(gyo.share)}
          </p>
          <p className="govuk-body">
            Grow your own on {longDate(gyo.on)}: {gyo.grownOwn} of the {gyo.registeredInPost} registered social workers
            in post (every registered social work role, managers included, counted by head) came in through an
            apprenticeship, a sponsored master's, Step Up, Frontline, Think Ahead or a student placement with the
            council. {gyo.routeUnknown > 0 && `${gyo.routeUnknown} have no route recorded and count as not grown.`}
          </p>
        </div>
      )}
      {s && (
        <>
          <Table
            caption="Trainees by route"
            rowKey={(r) => r.route}
            rows={s.byRoute}
            columns={[
              { header: "Route", cell: (r) => r.label },
              { header: "In training", numeric: true, cell: (r) => r.inTraining },
              { header: "Qualified", numeric: true, cell: (r) => r.qualified },
              { header: "Withdrew", numeric: true, cell: (r) => r.withdrawn },
              { header: "Joined the council", numeric: true, cell: (r) => r.joined },
              { header: "Cost", numeric: true, cell: (r) => pounds(r.cost) },
              { header: "ESG earned", numeric: true, cell: (r) => pounds(r.esgDue) },
              { header: "ESG claimed", numeric: true, cell: (r) => pounds(r.esgClaimed) },
              { header: "Repayments owed", numeric: true, cell: (r) => pounds(r.repaymentsOwed) },
            ]}
          />
          <p className="govuk-hint">
            ESG earned is placement days × {pounds(s.rates.esgDailyRate)} plus skills days ×{" "}
            {pounds(s.rates.esgSkillsDayRate)} (the service's settings). {ESG_RATES_NOTE} A repayment is owed when a
            sponsored trainee leaves before their commitment ends: by pro rata terms, the cost × the months not served ÷
            the months committed; a trainee who withdrew served none.
          </p>
          <Table
            caption="Cohorts: who qualified, joined and stayed"
            rowKey={(c) => `${c.route}:${c.cohort}`}
            rows={s.cohorts}
            columns={[
              { header: "Route", cell: (c) => c.label },
              { header: "Cohort", cell: (c) => c.cohort },
              { header: "Started", numeric: true, cell: (c) => c.started },
              { header: "Qualified", numeric: true, cell: (c) => c.qualified },
              { header: "Withdrew", numeric: true, cell: (c) => c.withdrawn },
              { header: "Joined", numeric: true, cell: (c) => c.joined },
              { header: "Here after 1 year", cell: (c) => stayedText(c.retention[0]) },
              { header: "After 2 years", cell: (c) => stayedText(c.retention[1]) },
              { header: "After 3 years", cell: (c) => stayedText(c.retention[2]) },
            ]}
          />
          <p className="govuk-hint">
            Still here after a year counts only those who joined at least a year ago (and so on for 2 and 3 years).
            Across every route:{" "}
            {s.retention.map((r) => `${r.years} year${r.years > 1 ? "s" : ""}, ${stayedText(r)}`).join("; ")}.
          </p>
        </>
      )}
      {trainees.data && <Trainees orgId={orgId} trainees={trainees.data.trainees} />}
      {canManage && (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Record a trainee</span>
          </summary>
          <div className="govuk-details__text">
            <TraineeForm orgId={orgId} />
          </div>
        </details>
      )}
    </Page>
  );
}
