// What an organisation's home page shows of its figures: what needs attention, and for a provider
// a few of its own headline figures with the way each moved since a quarter ago.
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { todayIso } from "../../../shared/dates";
import { show } from "../../lib/figures";
import { figureQueries } from "../../queries/figures";
import { AttentionList } from "./attention-list";
import { headline } from "./headlines";

/** The few figures a provider's home page shows. */
const HOME_FIGURES = ["filled_posts", "vacancy_rate", "turnover_rate", "training_compliance"].map(headline);

export function HomeFigures({ orgId, kind }: { orgId: string; kind: "council" | "provider" }) {
  const today = todayIso();
  const council = useQuery({ ...figureQueries.councilDashboard(orgId, today), enabled: kind === "council" });
  const provider = useQuery({ ...figureQueries.providerDashboard(orgId, today), enabled: kind === "provider" });
  const d = kind === "council" ? council.data : provider.data;
  if (!d) return null;
  return (
    <>
      {d.kind === "provider" && (
        <>
          <h2 className="govuk-heading-m">Your figures today</h2>
          <div className="app-figures">
            {HOME_FIGURES.map((h) => (
              <div className="app-figure" key={h.name}>
                <span className="app-figure__value">{show(d.now[h.name], h.kind)}</span>
                <span className="govuk-body">
                  {h.label.toLowerCase()} (a quarter ago: {show(d.previous[h.name], h.kind)})
                </span>
              </div>
            ))}
          </div>
        </>
      )}
      <AttentionList
        items={d.attention}
        orgId={orgId}
        kind={kind}
        title={kind === "provider" ? "What to do next" : "What needs attention"}
      />
      <p className="govuk-body">
        <Link className="govuk-link" to="/orgs/$orgId/figures" params={{ orgId }}>
          See all your workforce figures
        </Link>
      </p>
    </>
  );
}
