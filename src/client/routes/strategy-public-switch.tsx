import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useOrg } from "../lib/org";
import { strategyPublicApi, strategyPublicKeys, strategyPublicQueries } from "../queries/strategy-public";

/**
 * Publishes the council's strategy progress (the public and easy-read pages) or stops publishing
 * it, for those who manage the strategy; links to the pages while they are on.
 */
export function StrategyPublicSwitch({ orgId }: { orgId: string }): React.ReactNode {
  const org = useOrg(orgId);
  const allowed = org.data?.kind === "council" && org.data.permissions.includes("strategy.manage");
  const queryClient = useQueryClient();
  const setting = useQuery({ ...strategyPublicQueries.setting(orgId), enabled: allowed });
  const toggle = useMutation({
    mutationFn: (enabled: boolean) => strategyPublicApi.setPublic(orgId, { enabled }),
    onSuccess: (res) => queryClient.setQueryData(strategyPublicKeys.setting(orgId), res),
  });
  if (!allowed || !setting.data) return null;
  const { enabled, slug, hasApprovedStrategy } = setting.data;
  const live = enabled && hasApprovedStrategy;
  return (
    <div className="govuk-inset-text app-no-print">
      <p className="govuk-body">
        Public strategy progress: <strong>{enabled ? "on" : "off"}</strong>.{" "}
        {live ? (
          <>
            <Link className="govuk-link" to="/strategy/$councilSlug" params={{ councilSlug: slug }}>
              See the public progress page
            </Link>{" "}
            or{" "}
            <Link className="govuk-link" to="/strategy/$councilSlug/easy-read" params={{ councilSlug: slug }}>
              the easy-read version
            </Link>
            .
          </>
        ) : enabled ? (
          "Nothing is published until the board has approved the strategy."
        ) : (
          "When it is on, anyone can read your approved strategy and its progress every six months, in plain English and in easy read. No one is named, the risk register is not shown, and figures are protected as on the public workforce page."
        )}
      </p>
      {toggle.isError && (
        <p className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> We could not change the setting. Try again.
        </p>
      )}
      <button
        type="button"
        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
        disabled={toggle.isPending}
        onClick={() => toggle.mutate(!enabled)}
      >
        {enabled ? "Stop publishing strategy progress" : "Publish strategy progress"}
      </button>
    </div>
  );
}
