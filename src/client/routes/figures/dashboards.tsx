// The workforce figures: a dashboard that opens with what needs attention and the headline
// figures, and the long parts (breakdowns, trends, the workforce's profile) on pages of their own.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate, useSearch } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { longDate, todayIso } from "../../../shared/dates";
import { ragOf } from "../../../shared/metrics";
import { Page } from "../../components/Page";
import { csvFigure, show, showValue } from "../../lib/figures";
import { useOrg, useOrgId } from "../../lib/org";
import {
  type CouncilDashboard,
  type FiguresSearch,
  figureApi,
  figureKeys,
  figureQueries,
  type ProviderDashboard,
} from "../../queries/figures";
import { StrategyPublicSwitch } from "../strategy-public-switch";
import { AttentionList } from "./attention-list";
import { AsAtPicker, HeadlineSection, RAG_TEXT, RagTag, useReference } from "./headlines";
import { BreakdownSection, CareerSection, DistributionSections, Notes, QualitySection, TrendSection } from "./sections";

/** The date the figures are as at, and the trend's figure, kept in the address so a page can be shared. */
function useFiguresSearch() {
  const search = useSearch({ strict: false }) as FiguresSearch;
  const navigate = useNavigate();
  const at = search.at ?? todayIso();
  const set = (next: FiguresSearch) =>
    navigate({ to: ".", search: ((prev: FiguresSearch) => ({ ...prev, ...next })) as never, replace: true });
  return {
    at,
    figure: search.figure,
    setAt: (day: string) => set({ at: day === todayIso() ? undefined : day }),
    setFigure: (figure: string) => set({ figure }),
    /** The search to keep on links between the figures pages. */
    keep: search.at ? { at: search.at } : {},
  };
}

/** A council's dashboard or a provider's, by the organisation's kind, as at the date in the address. */
function useDashboard(orgId: string, kind: "council" | "provider" | undefined, at: string) {
  const council = useQuery({ ...figureQueries.councilDashboard(orgId, at), enabled: kind === "council" });
  const provider = useQuery({ ...figureQueries.providerDashboard(orgId, at), enabled: kind === "provider" });
  return kind === "council" ? council : provider;
}

/** What the figures pages show while the dashboard is on its way or could not be had. */
function Waiting({ error }: { error: unknown }) {
  return <p className="govuk-body">{error ? (error as Error).message : "Working out the figures…"}</p>;
}

/** The figures that have pages of their own, by who reads them. */
const PARTS = {
  "by-provider": { title: "By provider", for: ["council"] },
  "by-service": { title: "By type of service", for: ["council"] },
  trends: { title: "Quarter by quarter", for: ["council", "provider"] },
  workforce: { title: "Ages, pay, leavers and careers", for: ["council", "provider"] },
} as const;
export type FiguresPart = keyof typeof PARTS;

function MoreFigures({ orgId, kind, keep }: { orgId: string; kind: "council" | "provider"; keep: FiguresSearch }) {
  const parts = (Object.keys(PARTS) as FiguresPart[]).filter((p) => (PARTS[p].for as readonly string[]).includes(kind));
  return (
    <nav aria-labelledby="more-figures" className="app-no-print">
      <h2 className="govuk-heading-m" id="more-figures">
        More figures
      </h2>
      <ul className="govuk-list govuk-list--spaced">
        {parts.map((p) => (
          <li key={p}>
            <Link className="govuk-link" to={`/orgs/$orgId/figures/${p}`} params={{ orgId }} search={keep}>
              {PARTS[p].title}
            </Link>
          </li>
        ))}
        <li>
          <Link className="govuk-link" to="/orgs/$orgId/recruitment/funnel" params={{ orgId }}>
            Recruitment funnel and retention of hires
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/orgs/$orgId/training/uptake" params={{ orgId }}>
            Training uptake: bookings, attendance, completions and places unused
          </Link>
        </li>
        {kind === "council" && (
          <li>
            <Link className="govuk-link" to="/orgs/$orgId/training/cohorts" params={{ orgId }}>
              Pre-employment course: from completion to still employed at 6 months
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** The workforce figures page: a council's dashboard or a provider's, by the organisation's kind. */
export function FiguresPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const search = useFiguresSearch();
  const dashboard = useDashboard(
    orgId,
    org.data?.kind === "council" ? "council" : org.data ? "provider" : undefined,
    search.at,
  );
  const reference = useReference();
  if (!org.data) return <p className="govuk-body">Loading…</p>;
  const d = dashboard.data;
  const council = d?.kind === "council" ? d : undefined;
  const provider = d?.kind === "provider" ? d : undefined;
  const canManage = org.data.permissions.includes("metrics.manage");
  return (
    <Page title="Workforce figures" caption={org.data.name}>
      <p className="govuk-body">
        {org.data.kind === "council"
          ? "The providers you commission and your own services, from the records providers keep in the hub."
          : "Your workplaces, from your records in the hub, beside similar providers nearby: other employers with your main type of service in the same council areas (never fewer than 3 employers and 10 workers). Your rank is your place among those employers, 1 being the best; no other employer's figures are shown."}{" "}
        Rates cover the last 12 months where they are flows (turnover, starters).
      </p>
      <AsAtPicker at={search.at} onChange={search.setAt} />
      {!d && <Waiting error={dashboard.error} />}
      {council && (
        <>
          <AttentionList items={council.attention} orgId={orgId} kind="council" />
          <CouncilHeadlines d={council} comparators={reference.data?.comparators}>
            {canManage && (
              <p className="govuk-body app-no-print">
                <Link className="govuk-link" to="/orgs/$orgId/figures/targets" params={{ orgId }}>
                  Set targets
                </Link>
              </p>
            )}
            {canManage && <PublicPageSwitch orgId={orgId} />}
            <StrategyPublicSwitch orgId={orgId} />
          </CouncilHeadlines>
        </>
      )}
      {provider && (
        <>
          <AttentionList items={provider.attention} orgId={orgId} kind="provider" />
          <ProviderHeadlines d={provider} comparators={reference.data?.comparators} />
          <QualitySection completeness={provider.quality.completeness} />
        </>
      )}
      {d && <MoreFigures orgId={orgId} kind={d.kind} keep={search.keep} />}
      <Notes />
    </Page>
  );
}

function CouncilHeadlines({
  d,
  comparators,
  children,
}: {
  d: CouncilDashboard;
  comparators: Parameters<typeof HeadlineSection>[0]["comparators"];
  children?: ReactNode;
}) {
  return (
    <HeadlineSection
      d={d}
      comparators={comparators}
      after={[
        {
          header: "Target",
          cell: (h) => showValue(d.targets[h.name], h.kind),
          csv: (h) => (d.targets[h.name] === undefined ? "" : csvFigure({ value: d.targets[h.name], n: 1 }, h.kind)),
        },
        {
          header: "Against target",
          cell: (h) => <RagTag rag={ragOf(d.now[h.name]?.value ?? null, d.targets[h.name], h.better)} />,
          csv: (h) => {
            const rag = ragOf(d.now[h.name]?.value ?? null, d.targets[h.name], h.better);
            return rag ? RAG_TEXT[rag].text : "";
          },
        },
      ]}
    >
      {children}
    </HeadlineSection>
  );
}

function ProviderHeadlines({
  d,
  comparators,
}: {
  d: ProviderDashboard;
  comparators: Parameters<typeof HeadlineSection>[0]["comparators"];
}) {
  return (
    <HeadlineSection
      d={d}
      comparators={comparators}
      before={[
        {
          header: "Similar providers nearby",
          cell: (h) => show(d.comparison[h.name], h.kind),
          csv: (h) => csvFigure(d.comparison[h.name], h.kind),
        },
        {
          header: "Your rank",
          cell: (h) => (d.rank[h.name] ? `${d.rank[h.name]?.rank} of ${d.rank[h.name]?.of}` : "–"),
          csv: (h) => (d.rank[h.name] ? `${d.rank[h.name]?.rank} of ${d.rank[h.name]?.of}` : ""),
        },
      ]}
    />
  );
}

/** One part of the figures on a page of its own: by provider, by service, quarter by quarter, the workforce. */
export function figuresPartPage(part: FiguresPart) {
  return function FiguresPartPage(): React.ReactNode {
    const orgId = useOrgId();
    const org = useOrg(orgId);
    const search = useFiguresSearch();
    const kind = org.data?.kind === "council" ? "council" : org.data ? "provider" : undefined;
    const dashboard = useDashboard(orgId, kind, search.at);
    if (!org.data) return <p className="govuk-body">Loading…</p>;
    const d = dashboard.data;
    const council = d?.kind === "council" ? d : undefined;
    return (
      <Page title={PARTS[part].title} caption={`${org.data.name}: workforce figures`}>
        <p className="govuk-body app-no-print">
          <Link className="govuk-back-link" to="/orgs/$orgId/figures" params={{ orgId }} search={search.keep}>
            Back to the workforce figures
          </Link>
        </p>
        <AsAtPicker at={search.at} onChange={search.setAt} />
        {!d && <Waiting error={dashboard.error} />}
        {part === "by-provider" && council && (
          <BreakdownSection
            id="by-provider"
            title="Figures by provider"
            caption={`Figures by provider as at ${longDate(council.at)}`}
            firstHeader="Provider"
            rows={council.byProvider}
            targets={council.targets}
            label={(r) =>
              r.key === orgId ? (
                `${r.label} (your own services)`
              ) : (
                <Link
                  className="govuk-link"
                  to="/orgs/$orgId/figures/providers/$providerId"
                  params={{ orgId, providerId: r.key }}
                >
                  {r.label}
                </Link>
              )
            }
          />
        )}
        {part === "by-service" && council && (
          <BreakdownSection
            id="by-service"
            title="Figures by type of service"
            caption={`Figures by main service of the workplace as at ${longDate(council.at)}`}
            firstHeader="Type of service"
            rows={council.byService}
            targets={council.targets}
            label={(r) => r.label}
          />
        )}
        {(part === "by-provider" || part === "by-service") && d?.kind === "provider" && (
          <p className="govuk-body">These figures are for councils.</p>
        )}
        {part === "trends" && d && (
          <TrendSection trend={d.trend} targets={council?.targets} figure={search.figure} onFigure={search.setFigure} />
        )}
        {part === "workforce" && d && (
          <>
            <DistributionSections d={d.distributions} />
            <CareerSection c={d.careers} />
          </>
        )}
        <Notes />
      </Page>
    );
  };
}

/** A council looking at one provider it commissions: what needs attention, its headlines, trend and workforce. */
export function ProviderFiguresPage(): React.ReactNode {
  const { orgId, providerId } = getRouteApi("/orgs/$orgId/figures/providers/$providerId").useParams();
  const org = useOrg(orgId);
  const search = useFiguresSearch();
  const dashboard = useQuery(figureQueries.councilDashboard(orgId, search.at, providerId));
  const reference = useReference();
  const d = dashboard.data;
  if (!org.data) return <p className="govuk-body">Loading…</p>;
  return (
    <Page title={d?.scope.name ?? "Provider"} caption={`${org.data.name}: a provider you commission`}>
      <p className="govuk-body app-no-print">
        <Link className="govuk-back-link" to="/orgs/$orgId/figures/by-provider" params={{ orgId }} search={search.keep}>
          Back to all providers
        </Link>
      </p>
      <p className="govuk-body">
        This provider's figures from its records in the hub: aggregates only, never its staff records.
      </p>
      <AsAtPicker at={search.at} onChange={search.setAt} />
      {!d && <Waiting error={dashboard.error} />}
      {d && (
        <>
          <AttentionList items={d.attention} orgId={orgId} kind="council" />
          <CouncilHeadlines d={d} comparators={reference.data?.comparators} />
          <TrendSection trend={d.trend} targets={d.targets} />
          <DistributionSections d={d.distributions} />
          <CareerSection c={d.careers} />
        </>
      )}
      <Notes />
    </Page>
  );
}

/** Switches the council's public page on or off, and links to it when it is on. */
function PublicPageSwitch({ orgId }: { orgId: string }) {
  const queryClient = useQueryClient();
  const setting = useQuery(figureQueries.publicPage(orgId));
  const toggle = useMutation({
    mutationFn: (enabled: boolean) => figureApi.setPublicPage(orgId, { enabled }),
    onSuccess: (res) => queryClient.setQueryData(figureKeys.publicPage(orgId), res),
  });
  if (!setting.data) return null;
  const { enabled, slug } = setting.data;
  return (
    <div className="govuk-inset-text app-no-print">
      <p className="govuk-body">
        Public "state of the workforce" page: <strong>{enabled ? "on" : "off"}</strong>.{" "}
        {enabled ? (
          <a className="govuk-link" href={`/state-of-the-workforce/${slug}`}>
            See the public page
          </a>
        ) : (
          "When it is on, anyone can see your system's headline figures, with counts rounded to the nearest 5 and nothing resting on fewer than 3 employers or 10 workers."
        )}
      </p>
      <button
        type="button"
        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
        disabled={toggle.isPending}
        onClick={() => toggle.mutate(!enabled)}
      >
        {enabled ? "Switch the public page off" : "Switch the public page on"}
      </button>
    </div>
  );
}
