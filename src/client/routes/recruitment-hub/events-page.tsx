import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { longDateTimeRange } from "../../../shared/dates";
import { Page } from "../../components/Page";
import { ApiError } from "../../lib/api";
import { hubQueries } from "../../queries/recruitment-hub";

// A council's recruitment events for job seekers (issue 17 item 7): jobs fairs, and courses that
// end in a guaranteed interview, from today on. In the job board's part of the site.

const route = getRouteApi("/jobs/events");

export function RecruitmentEventsPage(): React.ReactNode {
  const { council } = route.useSearch();
  const events = useQuery({ ...hubQueries.publicEvents(council ?? ""), enabled: !!council });
  const notFound = events.error instanceof ApiError && events.error.status === 404;
  return (
    <Page title="Recruitment events" caption={events.data?.council.name}>
      {!council || notFound ? (
        <p className="govuk-body">We could not find that council's events. Check the link you followed.</p>
      ) : events.error ? (
        <div className="govuk-inset-text" role="alert">
          {(events.error as Error).message}
        </div>
      ) : !events.data ? (
        <p className="govuk-body">Loading…</p>
      ) : events.data.events.length === 0 ? (
        <p className="govuk-body">There are no recruitment events coming up. Look again soon.</p>
      ) : (
        <>
          <p className="govuk-body">
            Come and meet employers, or join a course that ends with a guaranteed job interview. You do not need
            experience in care.
          </p>
          <ul className="govuk-list">
            {events.data.events.map((e) => (
              <li key={e.id} className="govuk-!-margin-bottom-6">
                <h2 className="govuk-heading-m govuk-!-margin-bottom-1">{e.title}</h2>
                <dl className="govuk-summary-list govuk-summary-list--no-border govuk-!-margin-bottom-2">
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">When</dt>
                    <dd className="govuk-summary-list__value">{longDateTimeRange(e.startsAt, e.endsAt)}</dd>
                  </div>
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">Where</dt>
                    <dd className="govuk-summary-list__value">{e.place}</dd>
                  </div>
                </dl>
                {e.description && (
                  <p className="govuk-body" style={{ whiteSpace: "pre-line" }}>
                    {e.description}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
