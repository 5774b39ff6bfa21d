import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useId } from "react";
import { COMPLIANCE_LABELS, type ComplianceStatus, periodBounds, previousPeriod } from "../../../shared/commissioning";
import { longDate } from "../../../shared/dates";
import { Page } from "../../components/Page";
import { Section } from "../../components/Section";
import { ScrollRegion, Table } from "../../components/Table";
import {
  commissioningOverviewQueries,
  complianceCsvUrl,
  type OverviewResponse,
} from "../../queries/commissioning-overview";
import { PeriodPicker } from "./compliance-common";

// The council's commissioning page (issue 19 item 6): what needs attention, links to each part,
// contracts in numbers, compliance across providers for a quarter (standards × providers, each
// cell in words), the trend over four quarters, Quality Premium totals, and prices below the floor.

const route = getRouteApi("/orgs/$orgId/commissioning");

type Overview = OverviewResponse;
type CellStatus = Overview["compliance"]["providers"][number]["cells"][number]["status"];
type Item = Overview["attention"][number];

const pounds = (n: number) => `£${n.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const wholePounds = (n: number) => `£${Math.round(n).toLocaleString("en-GB")}`;
const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** Each part of commissioning, with what it is for. */
const PARTS = [
  {
    to: "/orgs/$orgId/commissioning/contracts",
    label: "Contracts",
    hint: "Each contract's prices, workplaces and the standards it carries.",
  },
  {
    to: "/orgs/$orgId/commissioning/standards",
    label: "Standards library",
    hint: "The workforce standards you write into contracts.",
  },
  {
    to: "/orgs/$orgId/commissioning/challenges",
    label: "Challenges",
    hint: "Providers' challenges to their results, to accept or reject.",
  },
  {
    to: "/orgs/$orgId/commissioning/quality-premium",
    label: "Quality Premium Payment",
    hint: "Schemes, each provider's entitlement, and schedules to approve for finance.",
  },
  {
    to: "/orgs/$orgId/commissioning/price-floor",
    label: "Price floor",
    hint: "The lowest lawful price per contact hour, line by line.",
  },
  {
    to: "/orgs/$orgId/commissioning/fee-rates",
    label: "Fee rates",
    hint: "Your published rates against the price floor.",
  },
  { to: "/orgs/$orgId/commissioning/tenders", label: "Tenders", hint: "Bids checked against the price floor." },
  {
    to: "/orgs/$orgId/commissioning/monitoring-returns",
    label: "Contract-monitoring returns",
    hint: "Returns providers confirm from the figures the hub already holds.",
  },
] as const;

const STATUS_TAG: Record<CellStatus, { text: string; className: string }> = {
  met: { text: COMPLIANCE_LABELS.met, className: "govuk-tag govuk-tag--green" },
  not_met: { text: COMPLIANCE_LABELS.not_met, className: "govuk-tag govuk-tag--red" },
  not_enough_data: { text: COMPLIANCE_LABELS.not_enough_data, className: "govuk-tag govuk-tag--grey" },
  no_result: { text: "No result yet", className: "govuk-tag govuk-tag--yellow" },
  not_carried: { text: "Not in contract", className: "" },
};

const ATTENTION_TAG: Partial<Record<Item["kind"], { text: string; colour: string }>> = {
  standard_not_met: { text: "Contract standard not met", colour: "red" },
  challenge_open: { text: "Challenge to decide", colour: "yellow" },
  qpp_approval: { text: "Approval due", colour: "yellow" },
  below_price_floor: { text: "Below the price floor", colour: "orange" },
};

function StatusTag({ status }: { status: CellStatus }): React.ReactNode {
  const tag = STATUS_TAG[status];
  if (!tag.className) return <span className="govuk-body-s">{tag.text}</span>;
  return <strong className={tag.className}>{tag.text}</strong>;
}

function PeriodChooser({ current, lastEnded }: { current: string; lastEnded: string }): React.ReactNode {
  const { orgId } = route.useParams();
  const navigate = useNavigate();
  const options = [lastEnded];
  while (options.length < 8) options.push(previousPeriod(options[options.length - 1]));
  return (
    <PeriodPicker
      current={current}
      options={options}
      hint="Compliance, the trend and the Quality Premium are shown for quarters that have ended."
      onChoose={(choice) =>
        navigate({
          to: "/orgs/$orgId/commissioning",
          params: { orgId },
          search: { period: choice === lastEnded ? undefined : choice },
        })
      }
    />
  );
}

function Attention({ o }: { o: Overview }): React.ReactNode {
  if (!o.attention.length)
    return (
      <p className="govuk-body">
        Nothing needs attention: every provider met the standards of its contracts in{" "}
        {periodBounds(o.lastEndedPeriod).label} (or has no result yet), no challenge awaits your decision, every Quality
        Premium schedule for that quarter is approved, and no home care price or fee rate is below the price floor.
      </p>
    );
  return (
    <ul className="govuk-list govuk-list--spaced">
      {o.attention.map((item, i) => {
        const tag = ATTENTION_TAG[item.kind];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: items have no id and are not reordered
          <li key={`${item.kind}-${i}`}>
            {tag && <strong className={`govuk-tag govuk-tag--${tag.colour}`}>{tag.text}</strong>} {item.text}
          </li>
        );
      })}
    </ul>
  );
}

function Parts({ orgId }: { orgId: string }): React.ReactNode {
  return (
    <ul className="govuk-list govuk-list--spaced">
      {PARTS.map((p) => (
        <li key={p.to}>
          <Link className="govuk-link govuk-!-font-weight-bold" to={p.to} params={{ orgId }}>
            {p.label}
          </Link>
          <br />
          <span className="govuk-body-s">{p.hint}</span>
        </li>
      ))}
    </ul>
  );
}

function Contracts({ o }: { o: Overview }): React.ReactNode {
  const c = o.contracts;
  return (
    <>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Contracts in force in the quarter</dt>
          <dd className="govuk-summary-list__value">{c.count.toLocaleString("en-GB")}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Their value a year</dt>
          <dd className="govuk-summary-list__value">{wholePounds(c.annualValue)}</dd>
        </div>
      </dl>
      {c.byServiceType.length > 0 && (
        <Table
          caption="Contracts by service type"
          rowKey={(r) => r.serviceType}
          rows={c.byServiceType}
          columns={[
            { header: "Service type", cell: (r) => r.label },
            { header: "Contracts", numeric: true, cell: (r) => r.count.toLocaleString("en-GB") },
            { header: "Value a year", numeric: true, cell: (r) => wholePounds(r.annualValue) },
          ]}
        />
      )}
    </>
  );
}

/** Standards × providers: each provider's worst result over its contracts, in words, linked to each contract. */
function ComplianceMatrix({ o, orgId }: { o: Overview; orgId: string }): React.ReactNode {
  const captionId = useId();
  const { standards, providers } = o.compliance;
  if (!providers.length)
    return (
      <p className="govuk-body">
        No contract in force in {o.periodLabel} carries a workforce standard yet. Add standards to a contract on its
        page.
      </p>
    );
  return (
    <>
      <p className="govuk-body">
        Each provider's result for each standard its contracts carry, after any challenge you accepted. Where a provider
        holds several contracts carrying a standard, the worst result shows: not met, then not enough data, then met.
        Not enough data is never counted as met. Each contract links to its results and evidence.
      </p>
      <ScrollRegion labelledBy={captionId}>
        <table className="govuk-table">
          <caption id={captionId} className="govuk-table__caption govuk-table__caption--s">
            Compliance with contract standards, {o.periodLabel}
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Provider
              </th>
              {standards.map((s) => (
                <th scope="col" className="govuk-table__header" key={s.id}>
                  {s.name}
                </th>
              ))}
              <th scope="col" className="govuk-table__header">
                Meets all its standards
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {providers.map((p) => (
              <tr className="govuk-table__row" key={p.id}>
                <th scope="row" className="govuk-table__header">
                  {p.name}
                </th>
                {p.cells.map((cell) => (
                  <td className="govuk-table__cell" key={cell.standardId}>
                    <StatusTag status={cell.status} />
                    {cell.contracts.length > 0 && (
                      <ul className="govuk-list govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">
                        {cell.contracts.map((c) => (
                          <li key={c.contractId}>
                            <Link
                              className="govuk-link"
                              to="/orgs/$orgId/commissioning/contracts/$contractId/compliance"
                              params={{ orgId, contractId: c.contractId }}
                            >
                              {c.reference}
                            </Link>
                            {cell.contracts.length > 1 &&
                              `: ${c.status ? COMPLIANCE_LABELS[c.status as ComplianceStatus] : "no result yet"}`}
                            {c.overridden && " (changed on challenge)"}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                ))}
                <td className="govuk-table__cell">{p.allMet ? "Yes" : "No"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="govuk-body">
        <a className="govuk-link" href={complianceCsvUrl(orgId, o.period)} download>
          Download this quarter's compliance as CSV
        </a>{" "}
        (a line for each standard each contract carries, with the contract's own result).
      </p>
    </>
  );
}

function Trend({ o }: { o: Overview }): React.ReactNode {
  return (
    <Table
      caption="Results met and providers meeting all their standards, by quarter"
      rowKey={(r) => r.period}
      rows={o.trend}
      columns={[
        { header: "Quarter", cell: (r) => r.periodLabel },
        { header: "Results", numeric: true, cell: (r) => r.results.toLocaleString("en-GB") },
        {
          header: "Met",
          numeric: true,
          cell: (r) => (r.metShare === null ? "No results" : `${r.met} (${percent(r.metShare)})`),
        },
        {
          header: "Providers meeting all",
          numeric: true,
          cell: (r) => (r.providers ? `${r.providersAllMet} of ${r.providers}` : "No results"),
        },
      ]}
    />
  );
}

function QualityPremium({ o, orgId }: { o: Overview; orgId: string }): React.ReactNode {
  if (!o.qualityPremium.length) return <p className="govuk-body">No Quality Premium scheme runs in these quarters.</p>;
  return (
    <>
      {o.qualityPremium.map((s) => (
        <div key={s.schemeId}>
          <Table
            caption={s.name}
            rowKey={(r) => r.period}
            rows={s.periods}
            columns={[
              { header: "Quarter", cell: (r) => r.periodLabel },
              {
                header: "Schedule",
                cell: (r) =>
                  r.status === "approved" ? (
                    <>
                      <strong className="govuk-tag govuk-tag--green">Approved</strong>
                      {r.approvedAt && <span className="govuk-body-s"> on {longDate(r.approvedAt)}</span>}
                    </>
                  ) : r.status === "draft" ? (
                    <strong className="govuk-tag govuk-tag--yellow">Draft: not yet approved</strong>
                  ) : (
                    "Not yet computed"
                  ),
              },
              { header: "Total", numeric: true, cell: (r) => (r.total === null ? "None yet" : pounds(r.total)) },
            ]}
          />
          <p className="govuk-body">
            <Link
              className="govuk-link"
              to="/orgs/$orgId/commissioning/quality-premium/$schemeId"
              params={{ orgId, schemeId: s.schemeId }}
            >
              See the working and schedules of {s.name}
            </Link>
          </p>
        </div>
      ))}
    </>
  );
}

function PriceFloor({ o, orgId }: { o: Overview; orgId: string }): React.ReactNode {
  const f = o.priceFloor;
  if (!f.available || f.floor === null)
    return (
      <p className="govuk-body">
        The price floor calculator has no edition for {f.year} yet, so prices are not compared with it.
      </p>
    );
  return (
    <>
      <p className="govuk-body">
        Home care prices per contact hour in contracts in force today, and your fee rates for {f.year}, against the
        price floor for {f.year}: <strong>{pounds(f.floor)}</strong> per contact hour
        {f.visitMinutes ? ` with visits of ${f.visitMinutes} minutes` : ""}, the lowest price that pays care workers at
        least the wage floor for all their working time with its on-costs.
      </p>
      {f.prices.length === 0 ? (
        <p className="govuk-body">No home care price in a contract is below the floor.</p>
      ) : (
        <Table
          caption="Contract prices below the price floor"
          rowKey={(r) => `${r.contractId}-${r.band}`}
          rows={f.prices}
          columns={[
            { header: "Provider", cell: (r) => r.providerName },
            {
              header: "Contract",
              cell: (r) => (
                <Link
                  className="govuk-link"
                  to="/orgs/$orgId/commissioning/contracts/$contractId"
                  params={{ orgId, contractId: r.contractId }}
                >
                  {r.reference}
                </Link>
              ),
            },
            { header: "Band", cell: (r) => r.band },
            { header: "Price", numeric: true, cell: (r) => pounds(r.price) },
            { header: "Below the floor by", numeric: true, cell: (r) => pounds(r.gap) },
          ]}
        />
      )}
      {f.feeRates.length === 0 ? (
        <p className="govuk-body">None of your home care fee rates for {f.year} is below the floor.</p>
      ) : (
        <Table
          caption={`Fee rates for ${f.year} below the price floor`}
          rowKey={(r) => r.id}
          rows={f.feeRates}
          columns={[
            { header: "Band", cell: (r) => r.band },
            { header: "Rate", numeric: true, cell: (r) => pounds(r.rate) },
            { header: "Below the floor by", numeric: true, cell: (r) => pounds(r.gap) },
          ]}
        />
      )}
    </>
  );
}

export function CommissioningOverviewPage(): React.ReactNode {
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const overview = useQuery(commissioningOverviewQueries.overview(orgId, search));
  const o = overview.data;
  return (
    <Page title="Commissioning" caption={o?.council.name}>
      <p className="govuk-body">
        Your contracts with providers, whether providers meet the workforce standards in them, the Quality Premium
        Payment and prices against the minimum price floor.
      </p>
      {overview.error && (
        <div className="govuk-inset-text" role="alert">
          {(overview.error as Error).message}
        </div>
      )}
      {!o && !overview.error && <p className="govuk-body">Loading commissioning…</p>}
      {o && (
        <>
          <Section id="attention" title="What needs attention">
            <Attention o={o} />
          </Section>
          <Section id="parts" title="Commissioning pages">
            <Parts orgId={orgId} />
          </Section>
          <PeriodChooser key={o.period} current={o.period} lastEnded={o.lastEndedPeriod} />
          <Section id="contracts" title={`Contracts, ${o.periodLabel}`}>
            <Contracts o={o} />
          </Section>
          <Section id="compliance" title={`Compliance, ${o.periodLabel}`}>
            <ComplianceMatrix o={o} orgId={orgId} />
          </Section>
          <Section id="trend" title="Trend over four quarters">
            <Trend o={o} />
          </Section>
          <Section id="quality-premium" title="Quality Premium Payment">
            <QualityPremium o={o} orgId={orgId} />
          </Section>
          <Section id="price-floor" title="Prices below the price floor">
            <PriceFloor o={o} orgId={orgId} />
          </Section>
        </>
      )}
    </Page>
  );
}
