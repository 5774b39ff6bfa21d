// What every strategy page shares: the council's current strategy, the pages' own navigation,
// status tags in words, and a clear answer when the API says no.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useRouterState } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { formatValue, HEADLINES } from "../../../shared/metrics";
import type { MeasureReading } from "../../../shared/schemas/strategy";
import { UPDATE_STATUS_LABELS, type UpdateStatus } from "../../../shared/strategy";
import { ApiError } from "../../lib/api";
import { setFlash } from "../../lib/flash";
import { useOrg } from "../../lib/org";
import { strategyKeys, strategyQueries } from "../../queries/strategy";

/** Each status in words, on a tag whose colour only repeats what the words say. */
const STATUS_COLOURS: Record<UpdateStatus, string> = {
  not_started: "grey",
  on_track: "green",
  at_risk: "yellow",
  off_track: "red",
  complete: "blue",
};

export function StatusTag({ status }: { status: UpdateStatus | null }): React.ReactNode {
  if (!status) return <strong className="govuk-tag govuk-tag--grey">No update</strong>;
  return (
    <strong className={`govuk-tag govuk-tag--${STATUS_COLOURS[status]}`} data-status={status}>
      {UPDATE_STATUS_LABELS[status]}
    </strong>
  );
}

/** A linked measure's figure in its unit (a rate as a percentage), or "No data". */
export function measureValue(metric: string, value: number | null): string {
  if (value === null) return "No data";
  const kind = HEADLINES.find((h) => h.name === metric)?.kind ?? "count";
  return formatValue(value, kind);
}

/** "9.0% or lower by 31 March 2028" */
export function measureTarget(m: Pick<MeasureReading, "metric" | "target" | "direction">): string {
  return `${measureValue(m.metric, m.target)} or ${m.direction === "lower" ? "lower" : "higher"}`;
}

/** Why a page cannot be shown, in words: the API's own message for a refusal. */
export function Problem({ error }: { error: unknown }): React.ReactNode {
  const message =
    error instanceof ApiError
      ? error.status === 403
        ? `You cannot see this. ${error.message}`
        : error.status === 404
          ? "We could not find that. It may have been removed, or the link may be wrong."
          : error.message
      : "Something went wrong. Try again.";
  return (
    <div className="govuk-inset-text" role="alert">
      {message}
    </div>
  );
}

/** The council's current strategy (the latest approved, else the latest), with its id. */
export function useCurrentStrategy(orgId: string) {
  const list = useQuery(strategyQueries.list(orgId));
  const strategyId = list.data?.currentId ?? null;
  const strategy = list.data?.strategies.find((s) => s.id === strategyId) ?? null;
  return { list, strategyId, strategy };
}

/**
 * Renders the page once the current strategy is known: loading, a refusal or "no strategy yet"
 * otherwise.
 */
export function WithStrategy({
  orgId,
  children,
}: {
  orgId: string;
  children: (strategyId: string) => ReactNode;
}): React.ReactNode {
  const { list, strategyId } = useCurrentStrategy(orgId);
  if (list.isError) return <Problem error={list.error} />;
  if (!list.data) return <p className="govuk-body">Loading…</p>;
  if (!strategyId) return <p className="govuk-body">The council has not set up a workforce strategy in the hub yet.</p>;
  return children(strategyId);
}

const SECTIONS = [
  { to: "/orgs/$orgId/strategy", label: "The plan" },
  { to: "/orgs/$orgId/strategy/risks", label: "Risks" },
  { to: "/orgs/$orgId/strategy/governance", label: "Governance" },
  { to: "/orgs/$orgId/strategy/report", label: "Board report", permission: "strategy.reports" },
] as const;

/** The strategy's own pages, as a short list of links (the current one marked). */
export function StrategyNav({ orgId }: { orgId: string }): React.ReactNode {
  const pathname = useRouterState({ select: (s) => s.location.pathname }).replace(/\/+$/, "");
  const home = `/orgs/${orgId}/strategy`;
  const permissions = useOrg(orgId).data?.permissions ?? [];
  return (
    <nav aria-label="Strategy" className="govuk-!-margin-bottom-6">
      <ul className="govuk-list app-strategy-nav">
        {SECTIONS.filter((s) => !("permission" in s) || permissions.includes(s.permission)).map((s) => {
          const href = s.to.replace("$orgId", orgId);
          const current =
            href === home
              ? pathname === home || /^\/(actions|pillars|edit|approve|new)(\/|$)/.test(pathname.slice(home.length))
              : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={s.to} className="govuk-!-display-inline-block govuk-!-margin-right-4">
              <Link
                className="govuk-link govuk-link--no-visited-state"
                to={s.to}
                params={{ orgId }}
                aria-current={current ? "page" : undefined}
              >
                {current ? <strong>{s.label}</strong> : s.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/**
 * After a save: the strategy's queries read again (the pages not on screen too, so the page it
 * returns to shows what was just saved, not what it held before), then back to `path` with the
 * message.
 */
export function useSaved(orgId: string) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return async (path: string, message: string) => {
    setFlash(path, message);
    await queryClient.invalidateQueries({ queryKey: strategyKeys.all(orgId), refetchType: "all" });
    navigate({ to: path });
  };
}
