import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { longDate } from "../../shared/dates";
import { HEADLINES } from "../../shared/metrics";
import { Page } from "../components/Page";
import { Table } from "../components/Table";
import { csvHref } from "../lib/csv";
import { AgeBandTable, csvFigure, csvUnit, show } from "../lib/figures";
import { figureQueries } from "../queries/figures";

/** A council's public "state of the workforce" page: no sign-in, counts rounded. */
export function PublicWorkforcePage(): React.ReactNode {
  const { slug } = getRouteApi("/state-of-the-workforce/$slug").useParams();
  const page = useQuery(figureQueries.publicWorkforce(slug));
  if (page.isError)
    return (
      <Page title="Page not found">
        <p className="govuk-body">
          There is no public workforce page at this address. The council may not have published one.
        </p>
      </Page>
    );
  const d = page.data;
  if (!d) return <p className="govuk-body">Loading…</p>;
  const headlines = HEADLINES.filter((h) => h.name in d.now);
  return (
    <Page title="The state of the care workforce" caption={d.council.name}>
      <p className="govuk-body-l">
        The adult social care workforce of the providers {d.council.name} commissions and its own services, as at{" "}
        {longDate(d.at)}, from the records providers keep in the Care Workforce Hub.
      </p>
      <div className="govuk-inset-text">
        Counts are rounded to the nearest {d.roundedTo}. A figure that would rest on fewer than 3 employers or 10
        workers is not shown. Turnover and starters cover the last 12 months.
      </div>
      <Table
        caption={`Headline figures as at ${longDate(d.at)}`}
        rows={headlines}
        rowKey={(h) => h.name}
        columns={[
          { header: "Figure", cell: (h) => h.label },
          { header: "Now", numeric: true, cell: (h) => show(d.now[h.name], h.kind) },
          {
            header: `A quarter ago (${longDate(d.previousAt)})`,
            numeric: true,
            cell: (h) => show(d.previous[h.name], h.kind),
          },
        ]}
      />
      <p className="govuk-body app-no-print">
        <a
          className="govuk-link"
          href={csvHref(
            ["Figure", "Unit", "Now", `A quarter ago (${longDate(d.previousAt)})`],
            headlines.map((h) => [
              h.label,
              csvUnit(h.kind),
              csvFigure(d.now[h.name], h.kind),
              csvFigure(d.previous[h.name], h.kind),
            ]),
          )}
          download="state-of-the-workforce.csv"
        >
          Download these figures as CSV
        </a>
      </p>
      <AgeBandTable bands={d.agePyramid} />
    </Page>
  );
}
