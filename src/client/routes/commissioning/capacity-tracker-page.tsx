import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { type DatePart, type DateParts, datePartsOf, parseDateParts } from "../../../shared/date-input";
import { longDate, todayIso } from "../../../shared/dates";
import { type CapacityRowView, STAFF_TYPE_LABELS, STAFF_TYPES } from "../../../shared/schemas/commissioning-monitoring";
import { DateInput } from "../../components/DateInput";
import { Button } from "../../components/forms";
import { Page } from "../../components/Page";
import { ScrollRegion } from "../../components/Table";
import { useOrg } from "../../lib/org";
import { monitoringFiles, monitoringQueries } from "../../queries/commissioning-monitoring";

// The NHS Capacity Tracker's workforce fields from the hub (issue 19 item 5): per workplace (with
// its CQC location id) and in total, headcounts by staff type, vacancies and sickness, for the
// provider to copy into the tracker or download; and links to its ASC-WDS files.

const route = getRouteApi("/orgs/$orgId/capacity-tracker");

function Counts({ id, title, row }: { id: string; title: string; row: CapacityRowView }): React.ReactNode {
  const groups = [
    ["employed", "Directly employed"],
    ["bank", "Bank or pool"],
    ["agency", "Agency"],
    ["vacancies", "Vacancies"],
  ] as const;
  return (
    <ScrollRegion labelledBy={`${id}-caption`}>
      <table className="govuk-table">
        <caption id={`${id}-caption`} className="govuk-table__caption govuk-table__caption--s">
          {title}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Staff type
            </th>
            {groups.map(([key, label]) => (
              <th scope="col" className="govuk-table__header govuk-table__header--numeric" key={key}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {[...STAFF_TYPES, "total" as const].map((t) => (
            <tr className="govuk-table__row" key={t}>
              <th scope="row" className="govuk-table__header">
                {t === "total" ? "Total" : STAFF_TYPE_LABELS[t]}
              </th>
              {groups.map(([key]) => (
                <td className="govuk-table__cell govuk-table__cell--numeric" key={key}>
                  {row[key][t].toLocaleString("en-GB")}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function Other({ row }: { row: CapacityRowView }): React.ReactNode {
  return (
    <dl className="govuk-summary-list govuk-summary-list--no-border">
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Filled posts</dt>
        <dd className="govuk-summary-list__value">
          {row.filledPosts.toLocaleString("en-GB")} (directly employed, bank and {row.otherContracts} on other
          contracts)
        </dd>
      </div>
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Sickness</dt>
        <dd className="govuk-summary-list__value">
          {row.sicknessDaysMean === null
            ? "No days sick recorded"
            : `${(Math.round(row.sicknessDaysMean * 10) / 10).toLocaleString("en-GB")} days per person in the last 12 months (${row.sicknessN} staff)`}
        </dd>
      </div>
    </dl>
  );
}

export function CapacityTrackerPage(): React.ReactNode {
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = useNavigate();
  const org = useOrg(orgId);
  const view = useQuery(monitoringQueries.capacity(orgId, search.at));
  const t = view.data;
  const [date, setDate] = useState<DateParts>(datePartsOf(search.at ?? todayIso()));
  const [problem, setProblem] = useState<{ message: string; parts: DatePart[] } | null>(null);
  return (
    <Page title="NHS Capacity Tracker: workforce" caption={org.data?.name}>
      <p className="govuk-body">
        These are the Capacity Tracker's workforce fields, worked out from your records on the hub: headcount of staff
        you employ directly (permanent and temporary contracts), bank or pool staff and agency workers in post, and open
        vacancies, each by staff type, for each of your locations. Copy them into the Capacity Tracker, or download them
        to keep with your return.
      </p>
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">How staff types are worked out</span>
        </summary>
        <div className="govuk-details__text">
          <p className="govuk-body">From each person's main job role in ASC-WDS:</p>
          <ul className="govuk-list govuk-list--bullet">
            <li>registered nurses: registered nurse</li>
            <li>
              care workers: the roles ASC-WDS counts as providing care (registered manager, supervisor, senior care
              worker, care worker, community support and outreach, other care-providing roles, team leader, support
              worker), with nursing associates and nursing assistants
            </li>
            <li>non-care staff: every other role</li>
          </ul>
          <p className="govuk-body">
            Vacancies from your ASC-WDS workplace file (where you keep no vacancies on the hub) carry no role, so they
            show as "role not recorded". Sickness is the days sick in the last 12 months recorded for directly employed
            staff: the hub does not hold who is absent today.
          </p>
        </div>
      </details>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = parseDateParts(date, "The date");
          if (!parsed.ok) {
            setProblem({ message: parsed.message, parts: parsed.parts });
            return;
          }
          setProblem(null);
          navigate({ to: "/orgs/$orgId/capacity-tracker", params: { orgId }, search: { at: parsed.iso } });
        }}
      >
        <DateInput
          id="at"
          legend="Figures as at"
          hint="Today, or an earlier date, for example 8 6 2026"
          value={date}
          onChange={setDate}
          error={problem?.message}
          errorParts={problem?.parts}
        />
        <Button secondary>Show</Button>
      </form>
      {view.error && (
        <div className="govuk-error-summary" role="alert">
          <div className="govuk-error-summary__body">{view.error.message}</div>
        </div>
      )}
      {t && (
        <>
          <ul className="govuk-list">
            <li>
              <a className="govuk-link" href={monitoringFiles.capacity(orgId, t.at)} download>
                Download as at {longDate(t.at)} as CSV
              </a>
            </li>
            <li>
              Your ASC-WDS files, ready to upload:{" "}
              <a className="govuk-link" href={monitoringFiles.ascwds(orgId, "workplace.csv")} download>
                workplace
              </a>
              ,{" "}
              <a className="govuk-link" href={monitoringFiles.ascwds(orgId, "staff.csv")} download>
                staff
              </a>{" "}
              and{" "}
              <a className="govuk-link" href={monitoringFiles.ascwds(orgId, "training.csv")} download>
                training
              </a>
            </li>
          </ul>
          <h2 className="govuk-heading-m">All your workplaces, as at {longDate(t.at)}</h2>
          <Counts id="total" title="All workplaces" row={t.total} />
          <Other row={t.total} />
          {t.workplaces.map((w) => (
            <section key={w.id} aria-labelledby={`w-${w.id}`}>
              <h2 className="govuk-heading-m" id={`w-${w.id}`}>
                {w.name}
              </h2>
              <p className="govuk-body">
                Reference {w.localRef}.{" "}
                {w.cqcLocationId ? `CQC location ID ${w.cqcLocationId}.` : "No CQC location ID held in the hub."}
              </p>
              <Counts id={`c-${w.id}`} title={`${w.name}: headcount and vacancies`} row={w} />
              <Other row={w} />
            </section>
          ))}
        </>
      )}
    </Page>
  );
}
