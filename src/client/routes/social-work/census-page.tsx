import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { longDate } from "../../../shared/dates";
import {
  CENSUS_ETHNIC_GROUPS,
  CENSUS_LEAVING_REASONS,
  CENSUS_WORKER_COLUMNS,
  CENSUS_WORKING_DAYS,
  lastEndedCensusYear,
} from "../../../shared/sw-census";
import { Button, Select } from "../../components/forms";
import { Page } from "../../components/Page";
import { Table } from "../../components/Table";
import { useOrg } from "../../lib/org";
import { type CensusProblemView, censusFileUrl, censusQueries } from "../../queries/social-work-census";
import { BACK_TO_SERVICE, SwPageLinks } from "./common";

// The DfE children's social work workforce census (issue 20 item 10): the service lead chooses a
// census year (the last ended one by default), sees the aggregate items and the problems found in
// the records, and downloads the files once there are no errors. The rule is shared/sw-census.ts.

const route = getRouteApi("/orgs/$orgId/social-work/census");
const FIRST_YEAR = 2017;

const show = (v: number | null, percent = false) =>
  v === null ? "Not applicable" : `${v.toLocaleString("en-GB")}${percent ? "%" : ""}`;

export function SwCensusPage() {
  const { orgId } = route.useParams();
  const org = useOrg(orgId);
  const lastEnded = lastEndedCensusYear(new Date().toISOString().slice(0, 10));
  const [year, setYear] = useState(lastEnded);
  const [choice, setChoice] = useState(String(lastEnded));
  const view = useQuery(censusQueries.year(orgId, year));
  const c = view.data;
  const years: number[] = [];
  for (let y = lastEnded + 1; y >= FIRST_YEAR; y--) years.push(y);
  // A team manager typing the address gets one plain answer, not the census's intro and a bare refusal.
  if (org.data && !(org.data.permissions as string[]).includes("socialwork.manage"))
    return (
      <Page title="Children's social work workforce census" caption={org.data.name}>
        <p className="govuk-body">
          The census is prepared by the social work service lead. Ask them if you need its figures or its problems.
        </p>
        <SwPageLinks orgId={orgId} links={[BACK_TO_SERVICE]} />
      </Page>
    );
  return (
    <Page title="Children's social work workforce census" caption={org.data?.name}>
      <p className="govuk-body">
        Each year the council returns its children's social workers to the Department for Education (DfE) through
        COLLECT. The census year runs from 1 October to 30 September; who is in post, agency workers, vacancies and
        caseloads are counted on 30 September. The hub produces it from your records: check the problems, correct them
        in the records, then download the files.
      </p>
      <SwPageLinks orgId={orgId} links={[BACK_TO_SERVICE]} />
      <form
        className="app-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setYear(Number(choice));
        }}
      >
        <Select
          id="census-year"
          name="year"
          label="Census year"
          hint="The year ending 30 September: 2026 runs from 1 October 2025 to 30 September 2026"
          value={choice}
          onChange={setChoice}
          options={years.map((y) => ({
            value: String(y),
            label: `${y}${y > lastEnded ? " (in progress)" : ""}`,
          }))}
        />
        <Button>Show census</Button>
      </form>
      {view.error && (
        <div className="govuk-error-summary" role="alert">
          <div className="govuk-error-summary__body">{view.error.message}</div>
        </div>
      )}
      {c && (
        <>
          <h2 className="govuk-heading-m">
            {c.year} census: {longDate(c.start)} to {longDate(c.end)}
          </h2>
          {!c.ended && (
            <div className="govuk-inset-text">
              This census year has not ended: the figures are as the records stand.
            </div>
          )}
          <p className="govuk-body">
            {c.counts.employees} directly employed {c.counts.employees === 1 ? "record" : "records"} and{" "}
            {c.counts.agency} agency {c.counts.agency === 1 ? "assignment" : "assignments"} in the year.{" "}
            {c.counts.errors} {c.counts.errors === 1 ? "error" : "errors"}, {c.counts.warnings}{" "}
            {c.counts.warnings === 1 ? "warning" : "warnings"}.
          </p>

          <h2 className="govuk-heading-m">Download</h2>
          {c.counts.errors ? (
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                Correct the {c.counts.errors === 1 ? "error" : `${c.counts.errors} errors`} below before you can
                download the census.
              </strong>
            </div>
          ) : (
            <ul className="govuk-list">
              <li>
                <a className="govuk-link" href={censusFileUrl(orgId, c.year, "census.xlsx")} download>
                  Download the {c.year} census as an Excel workbook (both sheets)
                </a>
              </li>
              <li>
                <a className="govuk-link" href={censusFileUrl(orgId, c.year, "workers.csv")} download>
                  Download the workers as CSV
                </a>
              </li>
              <li>
                <a className="govuk-link" href={censusFileUrl(orgId, c.year, "aggregate.csv")} download>
                  Download the aggregate items as CSV
                </a>
              </li>
            </ul>
          )}

          {c.problems.length > 0 ? (
            <Table<CensusProblemView & { key: number }>
              caption="Problems to check"
              rows={c.problems.map((p, i) => ({ ...p, key: i }))}
              rowKey={(p) => p.key}
              columns={[
                { header: "Row", numeric: true, cell: (p) => p.row, sortValue: (p) => p.row },
                {
                  header: "Worker",
                  cell: (p) => <ProblemWorker orgId={orgId} problem={p} />,
                  sortValue: (p) => p.worker?.name ?? p.reference,
                },
                { header: "Field", cell: (p) => p.field, sortValue: (p) => p.field },
                {
                  header: "Problem",
                  cell: (p) => (
                    <>
                      <strong className={`govuk-tag govuk-tag--${p.severity === "error" ? "red" : "yellow"}`}>
                        {p.severity === "error" ? "Error" : "Warning"}
                      </strong>{" "}
                      {p.problem}
                    </>
                  ),
                  sortValue: (p) => p.severity,
                },
                {
                  header: "How to fix",
                  cell: (p) => (
                    <>
                      {p.fix}
                      {p.worker ? (
                        <>
                          {" "}
                          Change {p.field.toLowerCase()} on{" "}
                          {p.worker.staffRecordId ? "their worker page" : "their assignment on the agency page"}.
                        </>
                      ) : null}
                    </>
                  ),
                },
              ]}
            />
          ) : (
            <p className="govuk-body">No problems found in the records.</p>
          )}

          <Table
            caption="Aggregate items"
            rows={c.items}
            rowKey={(i) => i.key}
            columns={[
              { header: "Item", cell: (i) => i.label },
              {
                header: "Value",
                numeric: true,
                cell: (i) => show(i.value, i.key.includes("rate")),
              },
              { header: "How it is worked out", cell: (i) => i.definition },
            ]}
          />
        </>
      )}

      <h2 className="govuk-heading-m">About the files</h2>
      <p className="govuk-body">
        The DfE's own item names and code lists for COLLECT could not be confirmed, so the hub's files use plain names
        and words. Check them against COLLECT's current specification before you key or load the return.
      </p>
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Who is counted</span>
        </summary>
        <div className="govuk-details__text">
          <p className="govuk-body">
            Registered social workers in your children's social work workplace employed directly by the council (their
            staff records), in post at any time in the year; and agency social workers with your children's teams, who
            are not de-duplicated. Headcount is one per person by SWE number, in the more senior role where they hold
            two. FTE is contracted weekly hours ÷ 37, at most 1, and is not de-duplicated. Someone leaving on 30
            September is a leaver and not in post. Absence uses {CENSUS_WORKING_DAYS} working days in the year (the
            DfE's exact day count is not confirmed).
          </p>
        </div>
      </details>
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">The workers file, column by column</span>
        </summary>
        <div className="govuk-details__text">
          <dl className="govuk-summary-list">
            {CENSUS_WORKER_COLUMNS.map((col) => (
              <div className="govuk-summary-list__row" key={col.header}>
                <dt className="govuk-summary-list__key">{col.header}</dt>
                <dd className="govuk-summary-list__value">{col.help}</dd>
              </div>
            ))}
          </dl>
          <p className="govuk-body">
            Ethnic groups: {Object.values(CENSUS_ETHNIC_GROUPS).join("; ")}. Reasons for leaving:{" "}
            {Object.values(CENSUS_LEAVING_REASONS).join("; ")}.
          </p>
        </div>
      </details>
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">The aggregate file</span>
        </summary>
        <div className="govuk-details__text">
          <p className="govuk-body">
            One row per item: Item (named as the DfE's published indicator columns, such as inpost_fte), Description,
            Value (rates in per cent, blank when there is nothing to divide by) and Definition, as in the table above.
          </p>
        </div>
      </details>
    </Page>
  );
}

/**
 * Who a census problem is about: their name linking to the page where the record is corrected
 * (the worker's page, or the agency page for an agency worker), with the files' reference and row
 * under it so the two can be matched. Without a name (not for this user), the reference alone.
 */
function ProblemWorker({ orgId, problem }: { orgId: string; problem: CensusProblemView }) {
  const w = problem.worker;
  const ref = (
    <span className="govuk-hint govuk-!-margin-bottom-0">
      {problem.reference}, row {problem.row}
    </span>
  );
  if (!w) return ref;
  return (
    <>
      {w.staffRecordId ? (
        <Link
          className="govuk-link"
          to="/orgs/$orgId/social-work/workers/$staffId"
          params={{ orgId, staffId: w.staffRecordId }}
        >
          {w.name}
        </Link>
      ) : (
        <Link className="govuk-link" to="/orgs/$orgId/social-work/agency" params={{ orgId }}>
          {w.name}
        </Link>
      )}
      {ref}
    </>
  );
}
