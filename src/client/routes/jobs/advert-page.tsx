import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { longDate } from "../../../shared/dates";
import { sectorValueLabel } from "../../../shared/recruitment";
import { Page } from "../../components/Page";
import { jobsQueries } from "../../queries/jobs";
import { PlainText } from "./job-parts";

// One advert's page (issue 17 item 2): everything its JobPosting markup says, on the page, as
// Google requires, with the pay against the wage floors, where the role leads and how to apply.

const route = getRouteApi("/jobs/$advertId");

export function JobAdvertPage(): React.ReactNode {
  const { advertId } = route.useParams();
  const { source } = route.useSearch();
  const q = useQuery(jobsQueries.advert(advertId));
  const a = q.data;
  if (!a)
    return q.isError ? (
      <Page title="Job not found">
        <p className="govuk-body">
          We could not find that job. It may have closed or been filled. Jobs come off the board on the day after their
          closing date.
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/jobs">
            Search for care jobs
          </Link>
        </p>
      </Page>
    ) : (
      <Page title="Care job">
        <p className="govuk-body">Loading…</p>
      </Page>
    );
  const apply = `/jobs/${encodeURIComponent(a.id)}/apply${source ? `?source=${encodeURIComponent(source)}` : ""}`;
  const rows: [string, React.ReactNode][] = [
    ["Employer", a.employer.name],
    [
      "Where",
      [a.workplace.name, a.workplace.town, a.workplace.postcode].filter(Boolean).join(", ") || a.workplace.place,
    ],
    [
      "Pay",
      <>
        <strong>{a.pay.text}</strong>
        {a.pay.comparison.map((c) => (
          <span key={c} className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
            {c}
          </span>
        ))}
      </>,
    ],
    ["Hours", a.contract.hoursText],
    ["Contract", a.contract.label],
    ...(a.contract.shiftPattern ? [["Shifts", a.contract.shiftPattern] as [string, string]] : []),
    ["Experience", a.noExperienceNeeded ? "No experience needed: training is given" : "Experience asked for"],
    ["Driving", a.drivingRequired ? "You need to drive for this job" : "No driving needed"],
    ["Visa sponsorship", a.visaSponsorship ? "The employer can sponsor a visa" : "No visa sponsorship"],
    ["Closing date", longDate(a.closingDate)],
    ["Posted", longDate(a.publishedAt)],
    ...(a.reference ? [["Reference", a.reference] as [string, string]] : []),
  ];
  return (
    <Page title={a.title} caption={`${a.employer.name}, ${a.workplace.place}`}>
      <p className="govuk-body">
        <Link className="govuk-link" to="/jobs" search={{ council: a.council.slug, source }}>
          Care jobs in {a.council.name}
        </Link>
      </p>
      {a.summary && <p className="govuk-body-l">{a.summary}</p>}
      <dl className="govuk-summary-list">
        {rows.map(([key, value]) => (
          <div className="govuk-summary-list__row" key={key}>
            <dt className="govuk-summary-list__key">{key}</dt>
            <dd className="govuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
      <a className="govuk-button" data-module="govuk-button" href={apply}>
        Apply for this job
      </a>
      <h2 className="govuk-heading-m">About the job</h2>
      <PlainText text={a.description} />
      {a.offers && (
        <>
          <h2 className="govuk-heading-m">What the employer offers</h2>
          <PlainText text={a.offers} />
        </>
      )}
      {a.values.length > 0 && (
        <>
          <h2 className="govuk-heading-m">The values this role needs</h2>
          <ul className="govuk-list govuk-list--bullet">
            {a.values.map((v) => (
              <li key={v}>{sectorValueLabel(v)}</li>
            ))}
          </ul>
        </>
      )}
      <h2 className="govuk-heading-m">Pay</h2>
      <p className="govuk-body">
        {a.pay.text} ({a.pay.ageBandLabel.toLowerCase()}).
        {a.pay.nationalLivingWage &&
          ` The ${a.pay.nationalLivingWage.label} is £${a.pay.nationalLivingWage.hourlyRate.toFixed(2)} an hour.`}
        {a.pay.realLivingWage &&
          ` The Real Living Wage (${a.pay.realLivingWage.rateYear}), which some employers choose to pay, is £${a.pay.realLivingWage.hourlyRate.toFixed(2)} an hour.`}
      </p>
      {a.progression.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Where this job can lead</h2>
          <p className="govuk-body">
            From {a.role.framework?.title ?? "this role"}, {a.council.name}'s career framework shows these next steps:
          </p>
          <ul className="govuk-list govuk-list--bullet">
            {a.progression.map((p) => (
              <li key={p.to.key}>
                <strong>{p.to.title}</strong>: {p.how}
                {p.typicalMonths ? ` (typically ${p.typicalMonths} months)` : ""}
              </li>
            ))}
          </ul>
          <p className="govuk-body">
            <Link className="govuk-link" to="/careers" search={{ council: a.council.slug }}>
              See the whole career roadmap
            </Link>
          </p>
        </>
      )}
      <a className="govuk-button" data-module="govuk-button" href={apply}>
        Apply for this job
      </a>
    </Page>
  );
}
