import { useMutation, useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { z } from "zod";
import { longDate } from "../../../shared/dates";
import { outwardCode } from "../../../shared/postcode";
import { CONTRACT_LABELS, CONTRACT_TYPES } from "../../../shared/recruitment";
import {
  DEFAULT_RADIUS,
  HOURS_FILTER_LABELS,
  HOURS_FILTERS,
  jobAlertInput,
  POSTCODE_MESSAGE,
  RADIUS_CHOICES,
} from "../../../shared/schemas/jobs";
import {
  asNumber,
  Button,
  ErrorSummary,
  Form,
  RadiosField,
  SelectField,
  SuccessBanner,
  TextField,
  useSchemaForm,
} from "../../components/forms";
import { Page } from "../../components/Page";
import { ApiError } from "../../lib/api";
import { distanceText } from "../../lib/distance-text";
import {
  type JobListItem,
  type JobsSearch,
  jobBoardsQuery,
  jobsApi,
  jobsQueries,
  jobsQueryString,
} from "../../queries/jobs";
import { CheckboxField } from "./job-parts";
import { roleChoices } from "./role-choices";

// The public job board's search (issue 17 item 2): the GOV.UK filter pattern (the filters beside
// the results on a wide screen, above them on a phone), the results with what a list needs,
// paging, and a job alert for the same search.

const route = getRouteApi("/jobs");

/** The filters as typed: checked here with the API's own messages, then put in the address. */
const filterForm = z.object({
  q: z.string().trim().max(100, "Search for at most 100 characters"),
  postcode: z
    .string()
    .trim()
    .max(12, POSTCODE_MESSAGE)
    .refine((v) => !v || outwardCode(v) !== null, POSTCODE_MESSAGE),
  radius: z.string(),
  role: z.string(),
  payMin: z
    .number({ error: "Enter the lowest pay as pounds an hour, like 12.50" })
    .min(0, "The lowest pay cannot be negative")
    .max(200, "Enter the lowest pay as pounds an hour, like 12.50")
    .optional(),
  hours: z.string(),
  contract: z.string(),
  noExperience: z.boolean(),
  noDriving: z.boolean(),
  sponsorship: z.boolean(),
});

export function JobsSearchPage(): React.ReactNode {
  const search = route.useSearch();
  const results = useQuery(jobsQueries.search(search));
  const counts = useQuery({ ...jobsQueries.counts(search.council ?? ""), enabled: Boolean(search.council) });
  if (!search.council) return <ChooseBoard source={search.source} />;
  const d = results.data;
  const notFound = results.error instanceof ApiError && results.error.status === 404;
  if (notFound)
    return (
      <Page title="Job board not found">
        <p className="govuk-body">There is no council's job board at this address.</p>
      </Page>
    );
  // The council's name from the counts too, so a refused search still says whose board it is.
  const council = d?.council.name ?? counts.data?.council.name;
  return (
    <Page title={council ? `Care jobs in ${council}` : "Care jobs"}>
      <ErrorSummary error={results.error} fields={{ postcode: "postcode", radius: "radius", role: "role" }} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third-from-desktop">
          <JobFilters
            key={JSON.stringify(search)}
            search={search}
            roles={counts.data?.roles ?? []}
            error={results.error}
          />
        </div>
        <div className="govuk-grid-column-two-thirds-from-desktop">
          {!d ? (
            !results.error && <p className="govuk-body">Loading…</p>
          ) : (
            <Results search={search} total={d.total} page={d.page} pages={d.pages} jobs={d.jobs} origin={d.origin} />
          )}
          <JobAlertForm search={search} />
        </div>
      </div>
    </Page>
  );
}

function JobFilters({
  search,
  roles,
  error,
}: {
  search: JobsSearch;
  roles: { key: string; title: string; count: number }[];
  error: unknown;
}): React.ReactNode {
  const navigate = route.useNavigate();
  const form = useSchemaForm(filterForm, {
    q: search.q ?? "",
    postcode: search.postcode ?? "",
    radius: String(search.radius ?? DEFAULT_RADIUS),
    role: search.role ?? "",
    payMin: search.payMin,
    hours: search.hours ?? "",
    contract: search.contract ?? "",
    noExperience: search.noExperience === true,
    noDriving: search.driving === false,
    sponsorship: search.sponsorship === true,
  });
  return (
    // Open beside the results on a wide screen; on a phone closed above them, so the jobs come first.
    <details className="govuk-details app-job-filters" open={wideScreen() || Boolean(error)}>
      <summary className="govuk-details__summary">
        <h2 className="govuk-details__summary-text govuk-!-margin-0 govuk-!-font-size-24">Filter jobs</h2>
      </summary>
      <Form
        form={form}
        error={error}
        summary={false}
        onSubmit={(v) =>
          navigate({
            to: "/jobs",
            search: {
              council: search.council,
              source: search.source,
              q: v.q || undefined,
              postcode: v.postcode || undefined,
              radius: v.postcode ? Number(v.radius) : undefined,
              role: v.role || undefined,
              payMin: v.payMin,
              hours: (HOURS_FILTERS as readonly string[]).includes(v.hours)
                ? (v.hours as JobsSearch["hours"])
                : undefined,
              contract: (CONTRACT_TYPES as readonly string[]).includes(v.contract)
                ? (v.contract as JobsSearch["contract"])
                : undefined,
              noExperience: v.noExperience || undefined,
              driving: v.noDriving ? false : undefined,
              sponsorship: v.sponsorship || undefined,
            },
          })
        }
      >
        <TextField name="q" label="Job title or keywords" hint="For example, nights or dementia" />
        <TextField
          name="postcode"
          label="Postcode"
          hint="For example, WA7 1AB"
          autoComplete="postal-code"
          width="govuk-input--width-10"
        />
        <SelectField
          name="radius"
          label="Distance"
          choices={RADIUS_CHOICES.map((r) => ({
            value: String(r),
            label: `Within ${r} ${r === 1 ? "mile" : "miles"}`,
          }))}
        />
        <SelectField name="role" label="Role" choices={roleChoices(roles, search.role)} />
        <TextField
          name="payMin"
          label="Lowest pay, in pounds an hour"
          hint="Yearly pay is counted at its hours"
          inputMode="decimal"
          width="govuk-input--width-10"
          options={asNumber()}
        />
        <RadiosField
          name="hours"
          legend="Hours"
          small
          choices={[
            { value: "", label: "Any hours" },
            ...HOURS_FILTERS.map((h) => ({ value: h, label: HOURS_FILTER_LABELS[h] })),
          ]}
        />
        <SelectField
          name="contract"
          label="Contract"
          choices={[
            { value: "", label: "Any contract" },
            ...CONTRACT_TYPES.map((c) => ({ value: c, label: CONTRACT_LABELS[c] })),
          ]}
        />
        <div className="govuk-form-group">
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Only show jobs</legend>
            <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
              <CheckboxField name="noExperience" label="No experience needed" />
              <CheckboxField name="noDriving" label="No driving needed" />
              <CheckboxField name="sponsorship" label="With visa sponsorship" />
            </div>
          </fieldset>
        </div>
        <Button>Apply filters</Button>
        <p className="govuk-body">
          <Link className="govuk-link" to="/jobs" search={{ council: search.council, source: search.source }}>
            Clear filters
          </Link>
        </p>
      </Form>
    </details>
  );
}

/** The GOV.UK tablet breakpoint and wider. */
const wideScreen = () => typeof window !== "undefined" && window.matchMedia("(min-width: 40.0625em)").matches;

function Results({
  search,
  total,
  page,
  pages,
  jobs,
  origin,
}: {
  search: JobsSearch;
  total: number;
  page: number;
  pages: number;
  jobs: JobListItem[];
  origin: { outward: string; place: string; radius: number } | null;
}): React.ReactNode {
  return (
    <>
      <p className="govuk-body" role="status">
        <strong>{total.toLocaleString("en-GB")}</strong> {total === 1 ? "job" : "jobs"}
        {origin &&
          ` within ${origin.radius} ${origin.radius === 1 ? "mile" : "miles"} of ${origin.outward} (${origin.place})`}
        {pages > 1 && `, page ${page} of ${pages}`}
      </p>
      {total === 0 && <p className="govuk-body">Try fewer filters, or a wider distance.</p>}
      <ul className="govuk-list app-job-list">
        {jobs.map((j) => (
          <li key={j.id} className="govuk-!-margin-bottom-6">
            <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
              <Link
                className="govuk-link"
                to="/jobs/$advertId"
                params={{ advertId: j.id }}
                search={search.source ? { source: search.source } : {}}
              >
                {j.title}
              </Link>
            </h2>
            <p className="govuk-body govuk-!-margin-bottom-1">
              {j.employer.name}, {j.place}
              {distanceText(j.distanceMiles)}
            </p>
            <p className="govuk-body govuk-!-margin-bottom-1">
              <strong>{j.pay.text}</strong> · {j.contract.hoursText} · {j.contract.label}
            </p>
            {(j.noExperienceNeeded || j.drivingRequired || j.visaSponsorship) && (
              <p className="govuk-body-s govuk-!-margin-bottom-1">
                {[
                  j.noExperienceNeeded && "No experience needed",
                  j.drivingRequired && "Driving needed",
                  j.visaSponsorship && "Visa sponsorship",
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
            )}
            <p className="govuk-body-s govuk-!-margin-bottom-0">Closing date: {longDate(j.closingDate)}</p>
          </li>
        ))}
      </ul>
      {pages > 1 && (
        <nav className="govuk-pagination" aria-label="Pages of jobs">
          {page > 1 && (
            <div className="govuk-pagination__prev">
              <Link className="govuk-link govuk-pagination__link" to="/jobs" search={{ ...search, page: page - 1 }}>
                <span className="govuk-pagination__link-title">Previous page</span>
              </Link>
            </div>
          )}
          {page < pages && (
            <div className="govuk-pagination__next">
              <Link className="govuk-link govuk-pagination__link" to="/jobs" search={{ ...search, page: page + 1 }}>
                <span className="govuk-pagination__link-title">Next page</span>
              </Link>
            </div>
          )}
        </nav>
      )}
    </>
  );
}

const alertForm = z.object({ email: jobAlertInput.shape.email });

/** A job alert for the search on screen: a link to confirm it is emailed first. */
function JobAlertForm({ search }: { search: JobsSearch }): React.ReactNode {
  const form = useSchemaForm(alertForm, { email: "" });
  const criteria = Object.fromEntries(
    new URLSearchParams(jobsQueryString({ ...search, council: undefined, page: undefined })).entries(),
  );
  const create = useMutation({
    mutationFn: (email: string) => jobsApi.createAlert({ council: search.council ?? "", email, criteria }),
  });
  return (
    <section aria-labelledby="job-alert" className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m" id="job-alert">
        Get new jobs like these by email
      </h2>
      {create.data ? (
        <SuccessBanner title="Check your email">
          <p className="govuk-body">{create.data.message}</p>
        </SuccessBanner>
      ) : (
        <Form form={form} error={create.error} onSubmit={(v) => create.mutate(v.email)}>
          <p className="govuk-body">
            We will email you, at most once a day, when new jobs matching this search are published. You can stop at any
            time.
          </p>
          <TextField name="email" label="Email address" type="email" autoComplete="email" spellCheck={false} />
          <Button secondary disabled={create.isPending}>
            Get job alerts
          </Button>
        </Form>
      )}
    </section>
  );
}

/** /jobs without a council: each council's board, with its live jobs. */
function ChooseBoard({ source }: { source: string | undefined }): React.ReactNode {
  const boards = useQuery(jobBoardsQuery);
  return (
    <Page title="Care jobs">
      <p className="govuk-body">Each council's job board lists the care jobs with employers in its area.</p>
      {boards.data ? (
        <ul className="govuk-list">
          {boards.data.boards.map((b) => (
            <li key={b.slug}>
              <Link className="govuk-link" to="/jobs" search={{ council: b.slug, source }}>
                Care jobs in {b.name}
              </Link>{" "}
              ({b.live.toLocaleString("en-GB")} {b.live === 1 ? "job" : "jobs"})
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">Loading…</p>
      )}
    </Page>
  );
}
