import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { longDate } from "../../../shared/dates";
import { Page } from "../../components/Page";
import { Table } from "../../components/Table";
import { progressionQueries } from "../../queries/social-work-progression";

// Progression (issue 20 item 6): the council's scheme, cases and who is due a development review.

const route = getRouteApi("/orgs/$orgId/social-work/progression");
const DUE: Record<string, string> = {
  never: "Never held",
  overdue: "Overdue",
  due: "Due soon",
  up_to_date: "Up to date",
};

export function SwProgressionPage() {
  const { orgId } = route.useParams();
  const steps = useQuery(progressionQueries.steps(orgId));
  const cases = useQuery(progressionQueries.cases(orgId));
  const due = useQuery(progressionQueries.due(orgId));
  return (
    <Page title="Progression" caption="Social work">
      <p className="govuk-body">
        There is no national progression scheme: each council sets its own steps between grades, usually automatic on
        passing the ASYE and by a panel after that.
      </p>
      {steps.data && (
        <Table
          caption="The scheme"
          rows={steps.data.steps.filter((s) => !s.archived)}
          rowKey={(s) => s.id}
          columns={[
            { header: "Step", cell: (s) => s.name },
            { header: "Service", cell: (s) => s.service ?? "Both" },
            { header: "Grades", cell: (s) => `${s.fromGrade} to ${s.toGrade}` },
            { header: "Decided", cell: (s) => (s.automatic ? "Automatic on passing the ASYE" : "By panel") },
            { header: "Minimum months in grade", numeric: true, cell: (s) => s.minMonthsInGrade ?? "" },
          ]}
        />
      )}
      {cases.data && (
        <Table
          caption="Cases"
          rows={cases.data.cases}
          rowKey={(c) => c.id}
          columns={[
            {
              header: "Worker",
              cell: (c) => (
                <Link
                  to="/orgs/$orgId/social-work/progression/$caseId"
                  params={{ orgId, caseId: c.id }}
                  className="govuk-link"
                >
                  {c.workerName}
                </Link>
              ),
              sortValue: (c) => c.workerName,
            },
            { header: "Team", cell: (c) => c.teamName },
            { header: "Step", cell: (c) => c.stepName },
            { header: "Status", cell: (c) => c.status, sortValue: (c) => c.status },
            { header: "Panel", cell: (c) => (c.panelDate ? longDate(c.panelDate) : "") },
          ]}
        />
      )}
      {due.data && (
        <Table
          caption="Development reviews due"
          rows={due.data.workers}
          rowKey={(w) => w.staffRecordId}
          columns={[
            {
              header: "Worker",
              cell: (w) => (
                <Link
                  to="/orgs/$orgId/social-work/workers/$staffId"
                  params={{ orgId, staffId: w.staffRecordId }}
                  className="govuk-link"
                >
                  {w.name}
                </Link>
              ),
            },
            { header: "Team", cell: (w) => w.teamName },
            { header: "Last review", cell: (w) => (w.lastHeldOn ? longDate(w.lastHeldOn) : "None") },
            { header: "Status", cell: (w) => DUE[w.status] },
          ]}
        />
      )}
    </Page>
  );
}
