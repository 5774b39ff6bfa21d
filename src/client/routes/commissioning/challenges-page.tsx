import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import type { z } from "zod";
import { COMPLIANCE_LABELS, COMPLIANCE_STATUSES, periodBounds } from "../../../shared/commissioning";
import { longDate } from "../../../shared/dates";
import { CHALLENGE_LABELS, CHALLENGE_STATUSES, decisionInput } from "../../../shared/schemas/commissioning-compliance";
import {
  Button,
  ErrorSummary,
  Form,
  RadiosField,
  SelectField,
  TextAreaField,
  useSchemaForm,
} from "../../components/forms";
import { Page } from "../../components/Page";
import { useOrg } from "../../lib/org";
import {
  type ChallengeItem,
  complianceApi,
  complianceKeys,
  complianceQueries,
} from "../../queries/commissioning-compliance";
import { ResultCard } from "./compliance-common";

// The council's challenges (issue 19 item 2): open ones first, each with the result it is about,
// the provider's reason and evidence, and for the commissioner Accept (the result takes the status
// chosen, with the note) or Reject (the result stays), with a note the provider reads.

const route = getRouteApi("/orgs/$orgId/commissioning/challenges");

function Decide({ orgId, item }: { orgId: string; item: ChallengeItem }): ReactNode {
  const qc = useQueryClient();
  const form = useSchemaForm(decisionInput, { decision: undefined as never, note: "", status: "met" });
  const decide = useMutation({
    mutationFn: (v: z.output<typeof decisionInput>) =>
      complianceApi.decide(orgId, item.id, v.decision === "accept" ? v : { decision: v.decision, note: v.note }),
    onSuccess: () => qc.invalidateQueries({ queryKey: complianceKeys.all(orgId) }),
  });
  const p = `c${item.id.slice(0, 8)}`;
  return (
    <Form form={form} onSubmit={(v) => decide.mutate(v)} error={decide.error}>
      <RadiosField
        name="decision"
        id={`${p}-decision`}
        legend="Your decision"
        small
        choices={[
          { value: "accept", label: "Accept", hint: "The result takes the status you choose below, with your note" },
          { value: "reject", label: "Reject", hint: "The result stays as computed" },
        ]}
      />
      <SelectField
        name="status"
        id={`${p}-status`}
        label="If you accept, the result becomes"
        choices={COMPLIANCE_STATUSES.map((s) => ({ value: s, label: COMPLIANCE_LABELS[s] }))}
      />
      <TextAreaField
        name="note"
        id={`${p}-note`}
        label="Note to the provider"
        hint="Say why: the provider reads it, and it is kept with the result"
      />
      <Button disabled={decide.isPending}>Record the decision</Button>
    </Form>
  );
}

export function ChallengesPage(): ReactNode {
  const { orgId } = route.useParams();
  const { status } = route.useSearch();
  const org = useOrg(orgId);
  const list = useQuery(complianceQueries.challenges(orgId, status));
  const canManage = org.data?.permissions.includes("commissioning.manage") ?? false;
  return (
    <Page title="Challenges to compliance results" caption="Commissioning">
      <p className="govuk-body">
        Providers challenge a result with a reason and evidence. Accepting changes the result the contract's reports and
        the Quality Premium use; rejecting leaves it as computed. Either way your note is kept and the provider is told.
      </p>
      <nav aria-label="Filter challenges">
        <ul className="govuk-list">
          <li>
            {status ? (
              <Link to="/orgs/$orgId/commissioning/challenges" params={{ orgId }} search={{}} className="govuk-link">
                All
              </Link>
            ) : (
              <strong>All</strong>
            )}
          </li>
          {CHALLENGE_STATUSES.map((s) => (
            <li key={s}>
              {status === s ? (
                <strong>{CHALLENGE_LABELS[s]}</strong>
              ) : (
                <Link
                  to="/orgs/$orgId/commissioning/challenges"
                  params={{ orgId }}
                  search={{ status: s }}
                  className="govuk-link"
                >
                  {CHALLENGE_LABELS[s]}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {list.isPending && <p className="govuk-body">Loading…</p>}
      {list.isError && <ErrorSummary error={list.error} />}
      {list.data && !list.data.challenges.length && <p className="govuk-body">No challenges here.</p>}
      {list.data?.challenges.map((item) => (
        <section key={item.id} className="govuk-!-margin-bottom-8" aria-labelledby={`h-${item.id}`}>
          <h2 className="govuk-heading-m" id={`h-${item.id}`}>
            {item.contract.providerName}: {item.result.name}, {periodBounds(item.result.period).label}
          </h2>
          <p className="govuk-body">
            <strong className="govuk-tag govuk-tag--blue">{CHALLENGE_LABELS[item.status]}</strong> Contract{" "}
            <Link
              to="/orgs/$orgId/commissioning/contracts/$contractId/compliance"
              params={{ orgId, contractId: item.contract.id }}
              search={{ period: item.result.period }}
              className="govuk-link"
            >
              {item.contract.reference}, {item.contract.name}
            </Link>
            . Raised {longDate(item.raisedAt)}.
          </p>
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">The provider's reason</dt>
              <dd className="govuk-summary-list__value">{item.reason}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Their evidence</dt>
              <dd className="govuk-summary-list__value" style={{ whiteSpace: "pre-wrap" }}>
                {item.evidence || "None given"}
              </dd>
            </div>
            {item.decisionNote && (
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Your note</dt>
                <dd className="govuk-summary-list__value">
                  {item.decisionNote}
                  {item.decidedAt ? ` (${longDate(item.decidedAt)})` : ""}
                </dd>
              </div>
            )}
          </dl>
          <ResultCard r={{ ...item.result, challenge: null }} />
          {item.status === "open" && canManage && <Decide orgId={orgId} item={item} />}
        </section>
      ))}
    </Page>
  );
}
