import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { periodBounds } from "../../../shared/commissioning";
import { longDate } from "../../../shared/dates";
import { ErrorSummary, SuccessBanner } from "../../components/forms";
import { Page } from "../../components/Page";
import { Section } from "../../components/Section";
import { useOrg } from "../../lib/org";
import { complianceApi, complianceKeys, complianceQueries } from "../../queries/commissioning-compliance";
import { HistoryTable, PeriodPicker, ResultCard } from "./compliance-common";

// The council's view of one contract's compliance (issue 19 item 2): for a quarter, each standard's
// result in words with its evidence, n and date; the history over every ended quarter; Recompute.

const route = getRouteApi("/orgs/$orgId/commissioning/contracts/$contractId/compliance");

export function ContractCompliancePage(): ReactNode {
  const { orgId, contractId } = route.useParams();
  const search = route.useSearch();
  const navigate = useNavigate();
  const org = useOrg(orgId);
  const qc = useQueryClient();
  const history = useQuery(complianceQueries.contract(orgId, contractId));
  const recompute = useMutation({
    mutationFn: (period: string) => complianceApi.recompute(orgId, { period, contractId }),
    onSuccess: () => qc.invalidateQueries({ queryKey: complianceKeys.all(orgId) }),
  });
  if (history.isPending) return <p className="govuk-body">Loading…</p>;
  if (history.isError) return <ErrorSummary error={history.error} />;
  const h = history.data;
  const periods = h.periods.map((p) => p.period);
  const period = search.period && periods.includes(search.period) ? search.period : periods[0];
  const current = h.periods.find((p) => p.period === period);
  const canManage = org.data?.permissions.includes("commissioning.manage") ?? false;
  return (
    <Page title={`Compliance: ${h.contract.name}`} caption={`${h.contract.reference}, ${h.contract.providerName}`}>
      <p className="govuk-body">
        Each standard the contract carries is measured from the provider's records in the hub for every quarter that has
        ended. Not enough data never counts as met. Contract from {longDate(h.contract.startDate)}
        {h.contract.endDate ? ` to ${longDate(h.contract.endDate)}` : ""}.
      </p>
      <p className="govuk-body">
        <Link to="/orgs/$orgId/commissioning/challenges" params={{ orgId }} className="govuk-link">
          Challenges from providers
        </Link>
      </p>
      {recompute.isSuccess && (
        <SuccessBanner title="Recomputed">
          {recompute.data.recomputed} results for {periodBounds(recompute.data.period).label} were worked out again from
          today's records. Decisions on challenges were kept.
        </SuccessBanner>
      )}
      {recompute.isError && <ErrorSummary error={recompute.error} />}
      {!period || !current ? (
        <p className="govuk-body">
          No quarter has ended since the contract's first standard applies, so there are no results yet.
        </p>
      ) : (
        <>
          <PeriodPicker
            current={period}
            options={periods}
            onChoose={(p) =>
              navigate({
                to: "/orgs/$orgId/commissioning/contracts/$contractId/compliance",
                params: { orgId, contractId },
                search: { period: p === periods[0] ? undefined : p },
              })
            }
          />
          <Section id="results" title={`Results, ${current.label}`}>
            {current.results.map((r) => (
              <ResultCard key={r.id} r={r} />
            ))}
            {canManage && (
              <>
                <p className="govuk-body">
                  Results are stored when first read. If the provider's records have changed since, work them out again:
                  any challenge you accepted keeps its decision.
                </p>
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary"
                  disabled={recompute.isPending}
                  onClick={() => recompute.mutate(period)}
                >
                  Recompute {current.label}
                </button>
              </>
            )}
          </Section>
        </>
      )}
      <Section id="history" title="Every quarter">
        <HistoryTable history={h} />
      </Section>
    </Page>
  );
}
