import { Link } from "@tanstack/react-router";
import type { CatalogueItem, Framework, Role } from "../../../shared/career/framework";
import { duration, experienceText, needsLine, recommendedOf, requiredOf } from "../../../shared/career/requirements";
import type { Roadmap, RolePay } from "../../queries/careers";

/** One role in the roadmap: what it is, what you need, how to get there and where it leads. */
export function RoleDetails({
  role,
  f,
  vacancies,
  pay,
  council,
  liveJobs,
  coursesFor,
}: {
  role: Role;
  f: Framework;
  vacancies: number;
  pay: RolePay | null;
  council: Roadmap["council"];
  /** Adverts for the role on the council's job board now (undefined while not known). */
  liveJobs?: number;
  /** Framework items some course in the council's training catalogue gives (issue 18): those link to the courses. */
  coursesFor?: ReadonlySet<string>;
}) {
  const items = new Map<string, CatalogueItem>(f.catalogue.map((i) => [i.key, i]));
  const titles = new Map(f.roles.map((r) => [r.key, r.title]));
  const into = f.routes.filter((rt) => rt.to === role.key);
  const onwards = f.routes.filter((rt) => rt.from === role.key);
  const required = requiredOf(role);
  const recommended = recommendedOf(role);
  // A plain link (not the router's): the public list is its own page, and this renders anywhere.
  const courses = (anyOf: string[]) =>
    council
      ? anyOf
          .filter((k) => coursesFor?.has(k))
          .map((k) => (
            <span key={k}>
              {" "}
              <a
                className="govuk-link"
                href={`/courses?council=${encodeURIComponent(council.slug)}&gives=${encodeURIComponent(k)}`}
              >
                Courses for {items.get(k)?.title ?? k}
              </a>
            </span>
          ))
      : null;
  return (
    <details className="govuk-details" id={`role-${role.key}`}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{role.title}</span>
      </summary>
      <div className="govuk-details__text">
        <p className="govuk-body">{role.summary}</p>
        {role.whatYouDo && <p className="govuk-body">{role.whatYouDo}</p>}
        <h4 className="govuk-heading-s">What you need</h4>
        {required.length > 0 || role.experience ? (
          <>
            <p className="govuk-body">
              {required.length + (role.experience ? 1 : 0) > 1 ? "All of these:" : "You need:"}
            </p>
            <ul className="govuk-list govuk-list--bullet">
              {required.map((q) => (
                <li key={q.anyOf.join()}>
                  {q.anyOf.map((k) => items.get(k)?.title ?? k).join(", or ")}
                  {q.note ? ` (${q.note})` : ""}
                  {courses(q.anyOf)}
                </li>
              ))}
              {role.experience && (
                <li>
                  {experienceText(role.experience)}
                  {role.experience.note ? ` (${role.experience.note})` : ""}
                </li>
              )}
            </ul>
          </>
        ) : (
          // Said the same way as on the poster and in My career.
          <p className="govuk-body">{needsLine(f, role)}.</p>
        )}
        {recommended.length > 0 && (
          <ul className="govuk-list govuk-list--bullet">
            {recommended.map((q) => (
              <li key={q.anyOf.join()}>
                Recommended: {q.anyOf.map((k) => items.get(k)?.title ?? k).join(", or ")}
                {q.note ? ` (${q.note})` : ""}
                {courses(q.anyOf)}
              </li>
            ))}
          </ul>
        )}
        {into.length > 0 && (
          <>
            <h4 className="govuk-heading-s">How to get there</h4>
            <ul className="govuk-list govuk-list--bullet">
              {into.map((rt) => (
                <li key={rt.from}>
                  From <a href={`#role-${rt.from}`}>{titles.get(rt.from)}</a>: {rt.how}
                  {rt.typicalMonths ? ` Typically ${duration(rt.typicalMonths)}.` : ""}
                </li>
              ))}
            </ul>
          </>
        )}
        {onwards.length > 0 && (
          <>
            <h4 className="govuk-heading-s">Where it can lead</h4>
            <ul className="govuk-list govuk-list--bullet">
              {onwards.map((rt) => (
                <li key={rt.to}>
                  <a href={`#role-${rt.to}`}>{titles.get(rt.to)}</a>
                </li>
              ))}
            </ul>
          </>
        )}
        {role.payGuidance && <p className="govuk-body">Pay: {role.payGuidance}</p>}
        {council &&
          (pay ? (
            <p className="govuk-body">
              Typical pay in {council.name}'s area: <strong>£{pay.medianHourly.toFixed(2)} an hour</strong> (about £
              {pay.fullTimeYear.toLocaleString("en-GB")} a year full time), the middle of what about {pay.people} people
              in this role are paid.
            </p>
          ) : (
            <p className="govuk-body">
              Typical pay in {council.name}'s area is not shown: too few employers or people in this role have told us
              their pay.
            </p>
          ))}
        {council && (
          <p className="govuk-body">
            <strong>{vacancies}</strong> {vacancies === 1 ? "vacancy" : "vacancies"} open now with care employers in{" "}
            {council.name}'s area.
          </p>
        )}
        {council && liveJobs !== undefined && liveJobs > 0 && (
          <p className="govuk-body">
            <Link className="govuk-link" to="/jobs" search={{ council: council.slug, role: role.key }}>
              {liveJobs} live {liveJobs === 1 ? "job" : "jobs"}
              <span className="govuk-visually-hidden"> as {role.title}</span> on the job board
            </Link>
          </p>
        )}
        <p className="govuk-body govuk-!-font-size-16">
          Source: {role.source.url ? <a href={role.source.url}>{role.source.title}</a> : role.source.title}
        </p>
      </div>
    </details>
  );
}
