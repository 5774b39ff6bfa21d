import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { longDate } from "../../../shared/dates";
import { SW_SERVICE_LABELS } from "../../../shared/social-work";
import { SW_FIGURE_INFO, SW_FIGURES, type SwFigure, showSwFigure } from "../../../shared/sw-figures";
import { Page } from "../../components/Page";
import { ScrollRegion } from "../../components/Table";
import { swFiguresQueries, swSeriesCsvUrl } from "../../queries/social-work-figures";
import { SwFiguresTrend } from "./figures-chart";

// The social work dashboard (issue 20 item 11): each service's headline figures with their
// definitions, a table per service of its teams, the monthly series as charts with their tables
// (figures-chart.tsx) and as a file. Withheld values say why ("fewer than 5 behind it", or withheld
// to protect a small team), and are gaps in the charts.

const route = getRouteApi("/orgs/$orgId/social-work/figures");

export function SwFiguresPage() {
  const { orgId } = route.useParams();
  const view = useQuery(swFiguresQueries.headline(orgId));
  const f = view.data;
  return (
    <Page title="Social work figures">
      <p className="govuk-body">
        <Link className="govuk-link" to="/orgs/$orgId/social-work" params={{ orgId }}>
          Back to the social work service
        </Link>
      </p>
      {view.isPending && <p className="govuk-body">Loading the figures…</p>}
      {view.isError && <p className="govuk-error-message">The figures could not be loaded. Try again later.</p>}
      {f && (
        <>
          <p className="govuk-body">
            As at {longDate(f.at)}. Aggregates only: a team's figure resting on fewer than 5 people (or FTE) is
            withheld, and so is another team's where the service total would give it away.
          </p>
          <p className="govuk-body">
            Download the monthly figures:{" "}
            <a className="govuk-link" href={swSeriesCsvUrl(orgId, 12)}>
              12 months (CSV)
            </a>{" "}
            or{" "}
            <a className="govuk-link" href={swSeriesCsvUrl(orgId, 36)}>
              36 months (CSV)
            </a>
          </p>
          {f.services.map((s) => (
            <section key={s.service}>
              <h2 className="govuk-heading-m">{SW_SERVICE_LABELS[s.service]}</h2>
              <dl className="govuk-summary-list">
                {SW_FIGURES.map((name) => (
                  <div className="govuk-summary-list__row" key={name}>
                    <dt className="govuk-summary-list__key">{SW_FIGURE_INFO[name].label}</dt>
                    <dd className="govuk-summary-list__value">
                      <strong>{showSwFigure(name, s.figures[name] as SwFigure | undefined)}</strong>
                      <span className="govuk-hint govuk-!-margin-bottom-0">{SW_FIGURE_INFO[name].definition}</span>
                    </dd>
                  </div>
                ))}
              </dl>
              <ScrollRegion label={`${SW_SERVICE_LABELS[s.service]}: by team`}>
                <table className="govuk-table">
                  <caption className="govuk-table__caption govuk-table__caption--s">
                    {SW_SERVICE_LABELS[s.service]}: by team
                  </caption>
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      <th scope="col" className="govuk-table__header">
                        Team
                      </th>
                      {SW_FIGURES.map((name) => (
                        <th scope="col" className="govuk-table__header" key={name}>
                          {SW_FIGURE_INFO[name].label}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="govuk-table__body">
                    {f.teams
                      .filter((t) => t.service === s.service)
                      .map((t) => (
                        <tr className="govuk-table__row" key={t.id}>
                          <th scope="row" className="govuk-table__header">
                            {t.name}
                          </th>
                          {SW_FIGURES.map((name) => (
                            <td className="govuk-table__cell" key={name}>
                              {showSwFigure(name, t.figures[name] as SwFigure | undefined)}
                            </td>
                          ))}
                        </tr>
                      ))}
                  </tbody>
                </table>
              </ScrollRegion>
            </section>
          ))}
          <SwFiguresTrend orgId={orgId} />
        </>
      )}
    </Page>
  );
}
