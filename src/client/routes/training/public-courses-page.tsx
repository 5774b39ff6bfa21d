import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ErrorSummary } from "../../components/forms";
import { Page } from "../../components/Page";
import { catalogueQueries, type PublicCoursesResponse } from "../../queries/training-catalogue";
import { costText, deliveryText, refreshText, whenText } from "./catalogue-common";

// The public list of a council's training courses (issue 18): anyone sees the courses for the
// care workforce and the sessions to come with free places; the careers roadmap links here for
// the courses that give a role's requirement (gives=<item key>).

const route = getRouteApi("/courses");

type PublicCourse = PublicCoursesResponse["courses"][number];

function CourseCard({ course: c }: { course: PublicCourse }): React.ReactNode {
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby={`course-${c.id}`}>
      <h2 className="govuk-heading-m" id={`course-${c.id}`}>
        {c.title}
      </h2>
      {c.summary && <p className="govuk-body">{c.summary}</p>}
      <dl className="govuk-summary-list govuk-summary-list--no-border">
        {(
          [
            ["Run by", c.offeredBy],
            ["Delivery", `${deliveryText(c.delivery)}, ${c.hours} hours`],
            ["Gives", c.frameworkItem?.title ?? ""],
            ["Refresh", refreshText(c.refreshMonths)],
            ["Cost", costText(c)],
            ["Prerequisites", c.prerequisites],
          ] as [string, string][]
        )
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div className="govuk-summary-list__row" key={k}>
              <dt className="govuk-summary-list__key">{k}</dt>
              <dd className="govuk-summary-list__value">{v}</dd>
            </div>
          ))}
      </dl>
      {c.sessions.length ? (
        <ul className="govuk-list govuk-list--bullet">
          {c.sessions.map((s) => (
            <li key={s.id}>
              {whenText(s)}, {s.place}:{" "}
              {s.freePlaces ? (
                <strong className="govuk-tag govuk-tag--green">
                  {s.freePlaces} {s.freePlaces === 1 ? "place" : "places"} free
                </strong>
              ) : (
                <strong className="govuk-tag govuk-tag--grey">Full</strong>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">No sessions planned yet.</p>
      )}
    </section>
  );
}

export function PublicCoursesPage(): React.ReactNode {
  const { council, gives } = route.useSearch();
  const list = useQuery({ ...catalogueQueries.public(council ?? "", gives), enabled: !!council });
  if (!council)
    return (
      <Page title="Training courses">
        <p className="govuk-body">Choose a council's careers page to see the training courses in its area.</p>
      </Page>
    );
  if (list.error) return <ErrorSummary error={list.error} />;
  if (!list.data) return <p className="govuk-body">Loading…</p>;
  const { courses } = list.data;
  const item = gives ? courses.find((c) => c.frameworkItem?.key === gives)?.frameworkItem?.title : undefined;
  return (
    <Page title={item ? `Courses for ${item}` : "Training courses"} caption={list.data.council.name}>
      <p className="govuk-body">
        Training for people working in care in the area, from the council and its training partners. Ask your employer
        to book you a place.
      </p>
      {gives && (
        <p className="govuk-body">
          <Link to="/courses" search={{ council }} className="govuk-link">
            See all courses
          </Link>
        </p>
      )}
      {courses.length === 0 && <p className="govuk-body">There are no courses to show.</p>}
      {courses.map((c) => (
        <CourseCard key={c.id} course={c} />
      ))}
    </Page>
  );
}
