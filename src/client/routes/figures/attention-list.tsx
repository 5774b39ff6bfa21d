import { Link } from "@tanstack/react-router";
import type { AttentionItem } from "../../../shared/schemas/metrics";
import { Section } from "../../components/Section";

/** Where an item's detail is, for a council (its drill-down, returns and trends) or a provider (its own pages). */
function DetailLink({ item, orgId, kind }: { item: AttentionItem; orgId: string; kind: "council" | "provider" }) {
  if (kind === "provider" && item.kind === "standard_not_met")
    return (
      <Link className="govuk-link" to={`/orgs/${orgId}/contracts` as string}>
        See your contracts
      </Link>
    );
  if (item.kind in COMMISSIONING)
    return (
      <Link className="govuk-link" to="/orgs/$orgId/commissioning" params={{ orgId }} hash={COMMISSIONING[item.kind]}>
        See commissioning
      </Link>
    );
  if (item.figure)
    return (
      <Link className="govuk-link" to="/orgs/$orgId/figures/trends" params={{ orgId }} search={{ figure: item.figure }}>
        See the trend
      </Link>
    );
  if (item.periodId)
    return kind === "council" ? (
      <Link className="govuk-link" to="/orgs/$orgId/returns/$periodId" params={{ orgId, periodId: item.periodId }}>
        See the return
      </Link>
    ) : (
      <Link className="govuk-link" to="/orgs/$orgId/returns" params={{ orgId }}>
        Go to your returns
      </Link>
    );
  if (kind === "council" && item.providerId && item.providerId !== orgId)
    return (
      <Link
        className="govuk-link"
        to="/orgs/$orgId/figures/providers/$providerId"
        params={{ orgId, providerId: item.providerId }}
      >
        See their figures
      </Link>
    );
  if (kind === "council" && (!item.providerId || item.providerId === orgId))
    return (
      <Link className="govuk-link" to="/orgs/$orgId/figures/by-provider" params={{ orgId }}>
        See all providers
      </Link>
    );
  if (kind === "provider")
    return (
      <Link className="govuk-link" to="/orgs/$orgId/staff" params={{ orgId }}>
        Check your staff records
      </Link>
    );
  return null;
}

/** What a dashboard opens with: the few things to act on, each linked to its detail, or a plain "nothing". */
export function AttentionList({
  items,
  orgId,
  kind,
  title = "What needs attention",
}: {
  items: AttentionItem[];
  orgId: string;
  kind: "council" | "provider";
  title?: string;
}) {
  return (
    <Section id="attention" title={title}>
      {items.length === 0 ? (
        <p className="govuk-body">
          Nothing needs attention: no figure is off target or moved the wrong way in the last quarter
          {kind === "council" ? ", every provider has sent its last return" : ", your returns are sent"}, nobody is
          recorded as paid below the legal minimum, and the data is complete enough to trust.
        </p>
      ) : (
        <ul className="govuk-list govuk-list--spaced app-attention">
          {items.map((item) => (
            <li key={`${item.kind}-${item.figure ?? item.providerId ?? item.periodId ?? item.text}`}>
              <strong className={`govuk-tag govuk-tag--${TAG[item.kind].colour}`}>{TAG[item.kind].text}</strong>{" "}
              {item.text} <DetailLink item={item} orgId={orgId} kind={kind} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** A council's commissioning items link to the part of its commissioning page with the detail. */
const COMMISSIONING: Partial<Record<AttentionItem["kind"], string>> = {
  standard_not_met: "compliance",
  challenge_open: "compliance",
  qpp_approval: "quality-premium",
  below_price_floor: "price-floor",
};

const TAG: Record<AttentionItem["kind"], { text: string; colour: string }> = {
  return_late: { text: "Late return", colour: "red" },
  return_due: { text: "Return due", colour: "yellow" },
  below_nlw: { text: "Pay below the law", colour: "red" },
  off_target: { text: "Off target", colour: "red" },
  wrong_way: { text: "Getting worse", colour: "orange" },
  incomplete_data: { text: "Incomplete data", colour: "grey" },
  standard_not_met: { text: "Contract standard not met", colour: "red" },
  challenge_open: { text: "Challenge to decide", colour: "yellow" },
  qpp_approval: { text: "Approval due", colour: "yellow" },
  below_price_floor: { text: "Below the price floor", colour: "orange" },
};
