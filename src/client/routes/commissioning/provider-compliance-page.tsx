import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import type { z } from "zod";
import { longDate } from "../../../shared/dates";
import { challengeInput } from "../../../shared/schemas/commissioning-compliance";
import { Button, ErrorSummary, Form, SuccessBanner, TextAreaField, useSchemaForm } from "../../components/forms";
import { Page } from "../../components/Page";
import { Section } from "../../components/Section";
import { useOrg } from "../../lib/org";
import {
  complianceApi,
  complianceKeys,
  complianceQueries,
  type ResultView,
} from "../../queries/commissioning-compliance";
import { HistoryTable, PeriodPicker, ResultCard } from "./compliance-common";

// A provider's view of one of its contracts (issue 19 item 2): each standard's result for a quarter
// with its evidence and what to fix, a "Challenge this result" form (reason and evidence), the
// challenge's status and the commissioner's note, and the history over every ended quarter.

const route = getRouteApi("/orgs/$orgId/contracts/$contractId/compliance");

function ChallengeForm({ orgId, r }: { orgId: string; r: ResultView }): ReactNode {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const form = useSchemaForm(challengeInput, { reason: "", evidence: "" });
  const raise = useMutation({
    mutationFn: (v: z.output<typeof challengeInput>) => complianceApi.challenge(orgId, r.id, v),
    onSuccess: () => qc.invalidateQueries({ queryKey: complianceKeys.all(orgId) }),
  });
  const p = `r${r.id.slice(0, 8)}`;
  if (raise.isSuccess)
    // Kept after the refetch that shows the result's open challenge, so the provider sees it went.
    return (
      <SuccessBanner title="Challenge sent">
        The commissioner has been told and will accept or reject it with a note.
      </SuccessBanner>
    );
  if (r.challenge?.status === "open") return null;
  if (!open)
    return (
      <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setOpen(true)}>
        Challenge this result<span className="govuk-visually-hidden">: {r.name}</span>
      </button>
    );
  return (
    <Form form={form} onSubmit={(v) => raise.mutate(v)} error={raise.error}>
      <h4 className="govuk-heading-s">Challenge this result</h4>
      <TextAreaField
        name="reason"
        id={`${p}-reason`}
        label="Why the result is wrong"
        hint="For example, a worker's pay or role is out of date in the hub, or an apprentice rate applies"
      />
      <TextAreaField
        name="evidence"
        id={`${p}-evidence`}
        label="Evidence (optional)"
        hint="What the commissioner can check: payroll dates, documents you can share. Do not include National Insurance numbers or health details."
        rows={4}
      />
      <Button disabled={raise.isPending}>Send the challenge</Button>
    </Form>
  );
}

export function ProviderCompliancePage(): ReactNode {
  const { orgId, contractId } = route.useParams();
  const search = route.useSearch();
  const navigate = useNavigate();
  const org = useOrg(orgId);
  const history = useQuery(complianceQueries.providerContract(orgId, contractId));
  if (history.isPending) return <p className="govuk-body">Loading…</p>;
  if (history.isError) return <ErrorSummary error={history.error} />;
  const h = history.data;
  const periods = h.periods.map((p) => p.period);
  const period = search.period && periods.includes(search.period) ? search.period : periods[0];
  const current = h.periods.find((p) => p.period === period);
  const canRespond = org.data?.permissions.includes("commissioning.respond") ?? false;
  return (
    <Page title={`Compliance: ${h.contract.name}`} caption={`Contract ${h.contract.reference}`}>
      <p className="govuk-body">
        Your council measures the standards in this contract from the records you keep in the hub, for each quarter that
        has ended. Not enough data never counts as met: keep your records up to date. Contract from{" "}
        {longDate(h.contract.startDate)}
        {h.contract.endDate ? ` to ${longDate(h.contract.endDate)}` : ""}.
      </p>
      {!period || !current ? (
        <p className="govuk-body">No quarter has ended since the contract's first standard applies.</p>
      ) : (
        <>
          <PeriodPicker
            current={period}
            options={periods}
            onChoose={(p) =>
              navigate({
                to: "/orgs/$orgId/contracts/$contractId/compliance",
                params: { orgId, contractId },
                search: { period: p === periods[0] ? undefined : p },
              })
            }
          />
          <Section id="results" title={`Results, ${current.label}`}>
            {current.results.map((r) => (
              <ResultCard key={r.id} r={r} showToFix>
                {canRespond && r.effectiveStatus !== "met" && <ChallengeForm orgId={orgId} r={r} />}
              </ResultCard>
            ))}
          </Section>
        </>
      )}
      <Section id="history" title="Every quarter">
        <HistoryTable history={h} />
      </Section>
    </Page>
  );
}

const listRoute = getRouteApi("/orgs/$orgId/compliance");

/** A provider's results over all its contracts for a quarter, with what to fix and a link to each contract. */
export function ProviderComplianceListPage(): ReactNode {
  const { orgId } = listRoute.useParams();
  const search = listRoute.useSearch();
  const navigate = useNavigate();
  const list = useQuery(complianceQueries.provider(orgId, search.period));
  if (list.isPending) return <p className="govuk-body">Loading…</p>;
  if (list.isError) return <ErrorSummary error={list.error} />;
  const x = list.data;
  return (
    <Page title="Your contracts' standards" caption={x.periodLabel}>
      <p className="govuk-body">
        Councils measure the workforce standards in your contracts from the records you keep in the hub, for each
        quarter that has ended. Not enough data never counts as met. Open a contract to see its history or to challenge
        a result.
      </p>
      <PeriodPicker
        current={x.period}
        options={x.periods.map((p) => p.period)}
        onChoose={(p) =>
          navigate({
            to: "/orgs/$orgId/compliance",
            params: { orgId },
            search: { period: p === x.periods[0]?.period ? undefined : p },
          })
        }
      />
      {!x.contracts.length && <p className="govuk-body">You have no contract with standards active in this quarter.</p>}
      {x.contracts.map((c) => (
        <Section key={c.id} id={`contract-${c.id}`} title={`${c.reference}: ${c.name}`}>
          <p className="govuk-body">
            <Link
              to="/orgs/$orgId/contracts/$contractId/compliance"
              params={{ orgId, contractId: c.id }}
              search={{ period: x.period }}
              className="govuk-link"
            >
              Open this contract's results<span className="govuk-visually-hidden"> ({c.reference})</span>
            </Link>
          </p>
          {!c.results.length && <p className="govuk-body">No standard of this contract applies in this quarter.</p>}
          {c.results.map((r) => (
            <ResultCard key={r.id} r={r} showToFix />
          ))}
        </Section>
      ))}
    </Page>
  );
}
