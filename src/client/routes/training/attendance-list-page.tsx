import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { longDateTime } from "../../../shared/dates";
import { Page } from "../../components/Page";
import { Table } from "../../components/Table";
import { useOrg } from "../../lib/org";
import { type DeliverySessionView, deliveryQueries } from "../../queries/training-delivery";

// A trainer's sessions (issue 18 item 4): what the organisation runs, upcoming and past, with
// how many are booked and how many have an outcome marked.

const route = getRouteApi("/orgs/$orgId/training/delivery");

function SessionTable({ caption, rows }: { caption: string; rows: DeliverySessionView[] }): React.ReactNode {
  const { orgId } = route.useParams();
  if (!rows.length) return <p className="govuk-body">None.</p>;
  return (
    <Table
      caption={caption}
      rowKey={(s) => s.id}
      rows={rows}
      columns={[
        {
          header: "Course",
          cell: (s) => (
            <Link
              className="govuk-link"
              to="/orgs/$orgId/training/delivery/$sessionId"
              params={{ orgId, sessionId: s.id }}
            >
              {s.courseTitle}
            </Link>
          ),
        },
        { header: "When", cell: (s) => longDateTime(s.startsAt) },
        { header: "Where", cell: (s) => s.venue || "Online" },
        { header: "Booked", numeric: true, cell: (s) => s.booked },
        { header: "Waiting", numeric: true, cell: (s) => s.waiting },
        {
          header: "Attendance",
          cell: (s) =>
            s.status === "cancelled" ? (
              <strong className="govuk-tag govuk-tag--grey">Cancelled</strong>
            ) : !s.started ? (
              <strong className="govuk-tag govuk-tag--blue">Not started</strong>
            ) : s.booked > 0 && s.marked === s.booked ? (
              <strong className="govuk-tag govuk-tag--green">Marked</strong>
            ) : (
              <strong className="govuk-tag govuk-tag--yellow">
                {s.marked} of {s.booked} marked
              </strong>
            ),
        },
      ]}
    />
  );
}

export function AttendanceListPage(): React.ReactNode {
  const { orgId } = route.useParams();
  const org = useOrg(orgId);
  const sessions = useQuery(deliveryQueries.sessions(orgId));
  const all = sessions.data?.sessions ?? [];
  const upcoming = all.filter((s) => !s.started).reverse();
  const past = all.filter((s) => s.started);
  return (
    <Page title="Your sessions" caption={org.data?.name}>
      <p className="govuk-body">
        Mark who attended once a session has started. A completion goes on the person's training record at once.
      </p>
      {sessions.error && <p className="govuk-error-message">{sessions.error.message}</p>}
      {sessions.data && (
        <>
          <SessionTable caption="Sessions that have started" rows={past} />
          <SessionTable caption="Upcoming sessions" rows={upcoming} />
        </>
      )}
    </Page>
  );
}
