import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { FLOW_LABELS, HEADLINES, type Headline, type Rag, ragOf } from "../../shared/metrics";
import { Chart } from "../components/Chart";
import { Button, ErrorSummary, fieldErrors, Select, SuccessBanner } from "../components/forms";
import { Page } from "../components/Page";
import { Section } from "../components/Section";
import { Table } from "../components/Table";
import { AgeBandTable, CsvLink, type Figures, show, showValue } from "../lib/figures";
import { useOrg, useOrgId } from "../lib/org";
import {
  type Breakdown,
  type CareerFigures,
  type Comparator,
  type Distributions,
  figureApi,
  figureKeys,
  figureQueries,
  type TrendPoint,
} from "../queries/figures";

const headline = (name: string) => HEADLINES.find((h) => h.name === name) as Headline;

/** The latest national comparator for England for a figure, with its source and edition. */
function national(comparators: Comparator[] | undefined, name: string): Comparator | undefined {
  const candidates = (comparators ?? []).filter(
    (c) => c.metric === name && (c.coverage === "england" || c.coverage === "england.independent_sector"),
  );
  return candidates.sort((a, b) => b.period.localeCompare(a.period) || a.coverage.localeCompare(b.coverage))[0];
}
const sourceOf = (c: Comparator | undefined) =>
  c
    ? `${c.publisher === "sfc" ? "Skills for Care" : "DfE"}, ${c.period}${c.coverage === "england" ? "" : `, ${c.coverage.replace("england.", "").replace("_", " ")}`}`
    : "";

const RAG_TEXT: Record<Rag, { text: string; colour: string }> = {
  green: { text: "On target", colour: "green" },
  amber: { text: "Near target", colour: "yellow" },
  red: { text: "Off target", colour: "red" },
};
/** A red/amber/green tag that says what it means in words, not only in colour. */
function RagTag({ rag }: { rag: Rag | null }) {
  if (!rag) return null;
  return <strong className={`govuk-tag govuk-tag--${RAG_TEXT[rag].colour}`}>{RAG_TEXT[rag].text}</strong>;
}

const useReference = () => useQuery(figureQueries.reference());
const todayIso = () => new Date().toISOString().slice(0, 10);

/** The workforce figures page: a council's dashboard or a provider's, by the organisation's kind. */
export function FiguresPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  if (!org.data) return <p className="govuk-body">Loading…</p>;
  return org.data.kind === "council" ? (
    <CouncilDashboardView
      orgId={orgId}
      orgName={org.data.name}
      canManage={org.data.permissions.includes("metrics.manage")}
    />
  ) : (
    <ProviderDashboardView orgId={orgId} orgName={org.data.name} />
  );
}

/** A council looking at one provider it commissions. */
export function ProviderFiguresPage(): React.ReactNode {
  const { orgId, providerId } = getRouteApi("/orgs/$orgId/figures/providers/$providerId").useParams();
  const org = useOrg(orgId);
  if (!org.data) return <p className="govuk-body">Loading…</p>;
  return <CouncilDashboardView orgId={orgId} orgName={org.data.name} canManage={false} providerId={providerId} />;
}

type HeadlineColumn = { header: string; cell: (h: Headline) => React.ReactNode; csv: (h: Headline) => unknown };
interface Headlines {
  at: string;
  previousAt: string;
  now: Figures;
  previous: Figures;
}

/**
 * The headline figures of a dashboard as a table with its CSV: now, a quarter ago, the view's own
 * columns (`before` England's figure, and `after` it), and the national figure's source last.
 */
function HeadlineSection({
  d,
  before = [],
  after = [],
  comparators,
  children,
}: {
  d: Headlines;
  before?: HeadlineColumn[];
  after?: HeadlineColumn[];
  comparators?: Comparator[];
  children?: React.ReactNode;
}) {
  const england = (h: Headline) => national(comparators, h.name);
  const columns: HeadlineColumn[] = [
    { header: "Now", cell: (h) => show(d.now[h.name], h.kind), csv: (h) => d.now[h.name]?.value },
    {
      header: `A quarter ago (${d.previousAt})`,
      cell: (h) => show(d.previous[h.name], h.kind),
      csv: (h) => d.previous[h.name]?.value,
    },
    ...before,
    {
      header: "England",
      cell: (h) => {
        const c = england(h);
        return c ? show({ value: c.value, n: 1 }, h.kind) : "–";
      },
      csv: (h) => england(h)?.value,
    },
    ...after,
    { header: "National source", cell: (h) => sourceOf(england(h)), csv: (h) => sourceOf(england(h)) },
  ];
  const caption = `Headline figures as at ${d.at}`;
  return (
    <Section id="headlines" title="Headline figures">
      <Table
        caption={caption}
        rows={HEADLINES}
        rowKey={(h) => h.name}
        columns={[
          { header: "Figure", cell: (h) => h.label },
          ...columns.map((c, i) => ({ header: c.header, numeric: i < columns.length - 1 || undefined, cell: c.cell })),
        ]}
      />
      <CsvLink
        name={caption}
        header={["Figure", "Name", ...columns.map((c) => c.header)]}
        rows={HEADLINES.map((h) => [h.label, h.name, ...columns.map((c) => c.csv(h))])}
      />
      {HEADLINES.some((h) => d.now[h.name]?.declared || d.previous[h.name]?.declared) && (
        <p className="govuk-body-s">
          "(declared)": part of the figure is a count a provider gave in its ASC-WDS workplace file (vacancies or
          leavers), used for workplaces with no records of their own.
        </p>
      )}
      <p className="govuk-body-s">
        Mandatory training in date is measured against the training each employer requires for each job role, which it
        sets on its "Working week and training" page.
      </p>
      {children}
    </Section>
  );
}

function CouncilDashboardView({
  orgId,
  orgName,
  canManage,
  providerId,
}: {
  orgId: string;
  orgName: string;
  canManage: boolean;
  providerId?: string;
}) {
  const [at, setAt] = useState(todayIso());
  const dashboard = useQuery(figureQueries.councilDashboard(orgId, at, providerId));
  const reference = useReference();
  const d = dashboard.data;
  const title = providerId ? (d?.scope.name ?? "Provider") : "Workforce figures";
  return (
    <Page title={title} caption={providerId ? `${orgName}: a provider you commission` : orgName}>
      {providerId && (
        <p className="govuk-body app-no-print">
          <Link className="govuk-back-link" to="/orgs/$orgId/figures" params={{ orgId }}>
            Back to all providers
          </Link>
        </p>
      )}
      <p className="govuk-body">
        {providerId
          ? "This provider's figures from its records in the hub: aggregates only, never its staff records."
          : "The providers you commission and your own services, from the records providers keep in the hub."}{" "}
        Rates cover the last 12 months where they are flows (turnover, starters). National figures are labelled with
        their source and edition.
      </p>
      <AsAtPicker at={at} onChange={setAt} />
      {dashboard.isError && <p className="govuk-body">{(dashboard.error as Error).message}</p>}
      {!d && !dashboard.isError && <p className="govuk-body">Working out the figures…</p>}
      {d && (
        <>
          <HeadlineSection
            d={d}
            comparators={reference.data?.comparators}
            after={[
              { header: "Target", cell: (h) => showValue(d.targets[h.name], h.kind), csv: (h) => d.targets[h.name] },
              {
                header: "Against target",
                cell: (h) => <RagTag rag={ragOf(d.now[h.name]?.value ?? null, d.targets[h.name], h.better)} />,
                csv: (h) => ragOf(d.now[h.name]?.value ?? null, d.targets[h.name], h.better) ?? "",
              },
            ]}
          >
            {canManage && !providerId && (
              <p className="govuk-body app-no-print">
                <Link className="govuk-link" to="/orgs/$orgId/figures/targets" params={{ orgId }}>
                  Set targets
                </Link>
              </p>
            )}
            {canManage && !providerId && <PublicPageSwitch orgId={orgId} />}
          </HeadlineSection>
          {!providerId && (
            <>
              <BreakdownSection
                id="by-provider"
                title="By provider"
                caption={`Figures by provider as at ${d.at}`}
                firstHeader="Provider"
                rows={d.byProvider}
                targets={d.targets}
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
              <BreakdownSection
                id="by-service"
                title="By type of service"
                caption={`Figures by main service of the workplace as at ${d.at}`}
                firstHeader="Type of service"
                rows={d.byService}
                targets={d.targets}
                label={(r) => r.label}
              />
            </>
          )}
          <TrendSection trend={d.trend} targets={d.targets} />
          <DistributionSections d={d.distributions} />
          <CareerSection c={d.careers} />
        </>
      )}
      <Notes />
    </Page>
  );
}

function AsAtPicker({ at, onChange }: { at: string; onChange: (at: string) => void }) {
  const options = useMemo(() => {
    const today = todayIso();
    const ends: string[] = [];
    const d = new Date(`${today}T00:00:00Z`);
    for (let i = 0; ends.length < 8 && i < 40; i++) {
      const end = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - i, 0)).toISOString().slice(0, 10);
      if (["03-31", "06-30", "09-30", "12-31"].includes(end.slice(5))) ends.push(end);
    }
    return [
      { value: today, label: `Today (${today})` },
      ...ends.map((e) => ({ value: e, label: `Quarter ending ${e}` })),
    ];
  }, []);
  return (
    <div className="app-no-print">
      <Select id="as-at" name="as-at" label="Figures as at" value={at} onChange={onChange} options={options} />
    </div>
  );
}

/** The figures a breakdown shows, one column each. */
const BREAKDOWN_FIGURES = [
  "filled_posts",
  "vacancy_rate",
  "turnover_rate",
  "agency_rate",
  "below_rlw_share",
  "pay_median_hourly.care_worker",
  "completeness_score",
].map(headline);

function BreakdownSection({
  id,
  title,
  caption,
  firstHeader,
  rows,
  targets,
  label,
}: {
  id: string;
  title: string;
  caption: string;
  firstHeader: string;
  rows: Breakdown[];
  targets: Record<string, number>;
  label: (r: Breakdown) => React.ReactNode;
}) {
  return (
    <Section id={id} title={title}>
      <p className="govuk-body">Select a column heading to sort by it. Tags compare each figure with your target.</p>
      <Table
        caption={caption}
        rows={rows}
        rowKey={(r) => r.key}
        columns={[
          { header: firstHeader, cell: label, sortValue: (r) => r.label },
          ...BREAKDOWN_FIGURES.map((h) => ({
            header: h.label,
            numeric: true,
            sortValue: (r: Breakdown) => r.figures[h.name]?.value ?? null,
            cell: (r: Breakdown) => {
              const rag = ragOf(r.figures[h.name]?.value ?? null, targets[h.name], h.better);
              return (
                <>
                  {show(r.figures[h.name], h.kind)}
                  {rag && (
                    <>
                      <br />
                      <RagTag rag={rag} />
                    </>
                  )}
                </>
              );
            },
          })),
        ]}
      />
      <CsvLink
        name={caption}
        header={[firstHeader, ...BREAKDOWN_FIGURES.map((h) => h.name)]}
        rows={rows.map((r) => [r.label, ...BREAKDOWN_FIGURES.map((h) => r.figures[h.name]?.value ?? "")])}
      />
    </Section>
  );
}

function TrendSection({
  trend,
  targets,
  comparison,
}: {
  trend: TrendPoint[];
  targets?: Record<string, number>;
  comparison?: string;
}) {
  const [name, setName] = useState("vacancy_rate");
  const h = headline(name);
  const scale = h.kind === "rate" ? 100 : 1;
  const target = targets?.[name];
  const option = useMemo(
    () => ({
      aria: { enabled: true },
      tooltip: { trigger: "axis" },
      grid: { left: 56, right: 24, top: 24, bottom: 40 },
      xAxis: { type: "category", data: trend.map((p) => p.at) },
      yAxis: {
        type: "value",
        name: h.kind === "rate" ? "%" : h.kind === "money" ? "£" : "",
        min: h.kind === "rate" ? 0 : undefined,
      },
      series: [
        {
          type: "line",
          name: h.label,
          data: trend.map((p) =>
            p.figures[name]?.value === null || p.figures[name]?.value === undefined
              ? null
              : (p.figures[name].value as number) * scale,
          ),
          connectNulls: false,
          markLine:
            target !== undefined
              ? {
                  symbol: "none",
                  label: { formatter: "Target" },
                  data: [{ yAxis: target * scale }],
                  lineStyle: { type: "dashed", color: "#505a5f" },
                }
              : undefined,
        },
      ],
    }),
    [trend, h, name, target, scale],
  );
  return (
    <Section id="trend" title="Quarter by quarter">
      <div className="app-no-print">
        <Select
          id="trend-figure"
          name="trend-figure"
          label="Figure to show"
          value={name}
          onChange={setName}
          options={HEADLINES.map((x) => ({ value: x.name, label: x.label }))}
        />
      </div>
      <Chart
        option={option}
        label={`${h.label} at each quarter end from ${trend[0]?.at} to ${trend.at(-1)?.at}${comparison ?? ""}`}
      />
      <Table
        caption={`${h.label} at each quarter end`}
        rows={trend}
        rowKey={(p) => p.at}
        columns={[
          { header: "Quarter ending", cell: (p) => p.at },
          { header: h.label, numeric: true, cell: (p) => show(p.figures[name], h.kind) },
        ]}
      />
      <CsvLink
        name={`${h.label} by quarter`}
        header={["Quarter ending", name]}
        rows={trend.map((p) => [p.at, p.figures[name]?.value ?? ""])}
      />
    </Section>
  );
}

function ProviderDashboardView({ orgId, orgName }: { orgId: string; orgName: string }) {
  const [at, setAt] = useState(todayIso());
  const dashboard = useQuery(figureQueries.providerDashboard(orgId, at));
  const reference = useReference();
  const d = dashboard.data;
  return (
    <Page title="Workforce figures" caption={orgName}>
      <p className="govuk-body">
        Your workplaces, from your records in the hub, beside similar providers nearby: other employers with your main
        type of service in the same council areas (never fewer than 3 employers and 10 workers). Your rank is your place
        among those employers, 1 being the best; no other employer's figures are shown.
      </p>
      <AsAtPicker at={at} onChange={setAt} />
      {dashboard.isError && <p className="govuk-body">{(dashboard.error as Error).message}</p>}
      {!d && !dashboard.isError && <p className="govuk-body">Working out the figures…</p>}
      {d && (
        <>
          {(d.quality.belowNlw.value ?? 0) > 0 && (
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                {d.quality.belowNlw.value === 1 ? "1 worker is" : `${d.quality.belowNlw.value} workers are`} recorded as
                paid below the legal minimum wage for their age. Check the pay recorded for them: if it is right, it is
                a breach of the law.
              </strong>
            </div>
          )}
          <HeadlineSection
            d={d}
            comparators={reference.data?.comparators}
            before={[
              {
                header: "Similar providers nearby",
                cell: (h) => show(d.comparison[h.name], h.kind),
                csv: (h) => d.comparison[h.name]?.value,
              },
              {
                header: "Your rank",
                cell: (h) => (d.rank[h.name] ? `${d.rank[h.name]?.rank} of ${d.rank[h.name]?.of}` : "–"),
                csv: (h) => (d.rank[h.name] ? `${d.rank[h.name]?.rank}/${d.rank[h.name]?.of}` : ""),
              },
            ]}
          />
          <QualitySection completeness={d.quality.completeness} />
          <TrendSection trend={d.trend} />
          <DistributionSections d={d.distributions} />
          <CareerSection c={d.careers} />
        </>
      )}
      <Notes />
    </Page>
  );
}

/** The workforce across the career framework's roles, and who moved up a route. */
function CareerSection({ c }: { c: CareerFigures }) {
  const rows = c.roles.filter((r) => r.count > 0);
  return (
    <Section id="careers" title="Career framework">
      <p className="govuk-body">
        {c.movedUp.value === null
          ? "No employed staff to measure progression."
          : `${(c.movedUp.value * 100).toFixed(1)}% of employed staff (${c.movedUp.count} of ${c.movedUp.n.toLocaleString("en-GB")}) moved up a route of the framework in the last 12 months, by a new employment here after one in a role the routes lead on from.`}{" "}
        {c.unmapped > 0 &&
          `${c.unmapped.toLocaleString("en-GB")} people are in job roles the framework does not cover.`}
      </p>
      <Table
        caption="Workforce by framework role"
        rows={rows}
        rowKey={(r) => r.key}
        columns={[
          { header: "Role", cell: (r) => r.title },
          { header: "People", numeric: true, cell: (r) => r.count.toLocaleString("en-GB"), sortValue: (r) => r.count },
        ]}
      />
      <CsvLink
        name="Workforce by framework role"
        header={["Role", "People"]}
        rows={rows.map((r) => [r.title, r.count])}
      />
    </Section>
  );
}

const money = (n: number) => `£${n.toFixed(2)}`;
const payBand = (b: { from: number; to: number | null }) =>
  b.to === null ? `${money(b.from)} and over` : `${money(b.from)} to ${money(b.to - 0.01)}`;

/** The age pyramid, pay distribution and leavers: each chart with its table and CSV. */
function DistributionSections({ d }: { d: Distributions }) {
  const pyramid = useMemo(
    () => ({
      aria: { enabled: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { bottom: 0 },
      grid: { left: 90, right: 24, top: 16, bottom: 48 },
      // Men to the left (drawn as negative numbers, labelled as positive), women to the right.
      xAxis: { type: "value", axisLabel: { formatter: (v: number) => String(Math.abs(v)) } },
      yAxis: { type: "category", data: d.agePyramid.map((b) => b.band) },
      series: [
        { name: "Male", type: "bar", stack: "people", data: d.agePyramid.map((b) => -b.male) },
        { name: "Female", type: "bar", stack: "people", data: d.agePyramid.map((b) => b.female) },
        { name: "Other or not known", type: "bar", stack: "people", data: d.agePyramid.map((b) => b.other) },
      ],
    }),
    [d],
  );
  const pay = useMemo(
    () => ({
      aria: { enabled: true },
      tooltip: { trigger: "axis" },
      grid: { left: 48, right: 24, top: 40, bottom: 64 },
      xAxis: { type: "category", data: d.pay.map((b) => money(b.from)), axisLabel: { rotate: 45 } },
      yAxis: { type: "value", name: "Workers" },
      series: [
        {
          name: "Workers",
          type: "bar",
          data: d.pay.map((b) => b.count),
          markLine: {
            symbol: "none",
            // A line sits on the band its rate falls in.
            data: d.payLines.map((l) => ({
              xAxis: money(d.pay.find((b) => b.to === null || l.hourlyRate < b.to)?.from ?? l.hourlyRate),
              label: { formatter: l.label, position: "end" },
            })),
            lineStyle: { type: "dashed", color: "#d4351c" },
          },
        },
      ],
    }),
    [d],
  );
  const flow = useMemo(
    () => ({
      aria: { enabled: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 200, right: 24, top: 16, bottom: 32 },
      xAxis: { type: "value" },
      yAxis: { type: "category", data: d.leaversFlow.map((f) => FLOW_LABELS[f.destination]), inverse: true },
      series: [{ name: "Leavers", type: "bar", data: d.leaversFlow.map((f) => f.count) }],
    }),
    [d],
  );
  const leavers = d.leaversByReason.reduce((s, r) => s + r.count, 0);
  return (
    <>
      <Section id="ages" title="Ages">
        <Chart option={pyramid} label="Age pyramid of the workforce by gender" />
        <AgeBandTable bands={d.agePyramid} />
      </Section>
      <Section id="pay" title="Pay of care-providing staff">
        <p className="govuk-body">
          Hourly pay of staff in care-providing roles aged 18 or over, in 50p bands, against{" "}
          {d.payLines.map((l) => `the ${l.label} of ${money(l.hourlyRate)}`).join(" and ") ||
            "the pay floors (none recorded for this date)"}
          .
        </p>
        {d.pay.length ? (
          <>
            <Chart option={pay} label="Hourly pay of care-providing staff in 50p bands, with the pay floors marked" />
            <Table
              caption="Care-providing staff by hourly pay"
              rows={d.pay}
              rowKey={(b) => b.from}
              columns={[
                { header: "Hourly pay", cell: payBand },
                { header: "Workers", numeric: true, cell: (b) => b.count.toLocaleString("en-GB") },
              ]}
            />
            <CsvLink
              name="Care-providing staff by hourly pay"
              header={["From", "To", "Workers"]}
              rows={d.pay.map((b) => [b.from, b.to ?? "", b.count])}
            />
          </>
        ) : (
          <p className="govuk-body">No pay is recorded for these staff yet.</p>
        )}
      </Section>
      <Section id="leavers" title="Leavers in the last 12 months">
        <p className="govuk-body">
          {leavers.toLocaleString("en-GB")} permanent and temporary staff left. Someone found working for another
          provider in this area afterwards stayed in the local system, whatever reason was recorded.
        </p>
        <Chart option={flow} label="Where leavers went" />
        <Table
          caption="Where leavers went"
          rows={d.leaversFlow}
          rowKey={(f) => f.destination}
          columns={[
            { header: "Went to", cell: (f) => FLOW_LABELS[f.destination] },
            { header: "Leavers", numeric: true, cell: (f) => f.count.toLocaleString("en-GB") },
          ]}
        />
        <CsvLink
          name="Where leavers went"
          header={["Went to", "Leavers"]}
          rows={d.leaversFlow.map((f) => [FLOW_LABELS[f.destination], f.count])}
        />
        <Table
          caption="Leavers by reason for leaving"
          rows={d.leaversByReason}
          rowKey={(r) => r.reason}
          columns={[
            { header: "Reason", cell: (r) => r.label },
            { header: "Leavers", numeric: true, cell: (r) => r.count.toLocaleString("en-GB") },
          ]}
        />
        <CsvLink
          name="Leavers by reason for leaving"
          header={["Reason", "Leavers"]}
          rows={d.leaversByReason.map((r) => [r.label, r.count])}
        />
      </Section>
    </>
  );
}

const FIELD_LABELS: Record<string, string> = {
  gender: "Gender",
  date_of_birth: "Date of birth",
  nationality: "Nationality",
  main_job_role: "Main job role",
  main_job_start_date: "Start date in main job",
  recruitment_source: "Recruitment source",
  contract_type: "Contract type",
  zero_hours: "Zero-hours contract",
  hours: "Hours",
  pay: "Pay",
  days_sick: "Days sick",
  care_certificate: "Care Certificate",
  social_care_qualification: "Social care qualification",
  other_qualifications: "Other qualifications",
};

function QualitySection({ completeness }: { completeness: Figures }) {
  const rows = Object.entries(completeness)
    .filter(([k]) => k.startsWith("completeness."))
    .map(([k, f]) => ({ field: k.slice("completeness.".length), f }))
    .sort((a, b) => (a.f.value ?? 0) - (b.f.value ?? 0));
  return (
    <Section id="quality" title="Data quality">
      <p className="govuk-body">
        Completeness is the share of your workforce with each field recorded; the score is their mean (
        {show(completeness.completeness_score, "rate")}). The least complete come first.
      </p>
      <Table
        caption="Completeness by field"
        rows={rows}
        rowKey={(r) => r.field}
        columns={[
          { header: "Field", cell: (r) => FIELD_LABELS[r.field] ?? r.field },
          { header: "Recorded for", numeric: true, cell: (r) => show(r.f, "rate") },
        ]}
      />
      <CsvLink
        name="Completeness by field"
        header={["Field", "Completeness"]}
        rows={rows.map((r) => [FIELD_LABELS[r.field] ?? r.field, r.f.value ?? ""])}
      />
    </Section>
  );
}

function Notes() {
  return (
    <p className="govuk-body govuk-!-font-size-16">
      How each figure is worked out: the hub's metrics guide and the{" "}
      <a className="govuk-link" href="/api/docs">
        API documentation
      </a>
      . "Not enough data" means fewer than 3 employers or 10 workers; "Withheld" protects small groups of people. Tags:
      on target; near target (missing it by no more than a tenth of the target); off target.
    </p>
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

/** A council sets targets for its headline figures: rates entered as percentages, pay in pounds. */
export function TargetsPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const queryClient = useQueryClient();
  const targets = useQuery(figureQueries.targets(orgId));
  const [edits, setEdits] = useState<Record<string, string>>({});
  const withTarget = HEADLINES.filter((h) => h.better);
  const shown = (h: Headline) => {
    if (h.name in edits) return edits[h.name];
    const t = targets.data?.targets[h.name];
    return t === undefined ? "" : h.kind === "rate" ? String(Math.round(t * 1000) / 10) : String(t);
  };
  const save = useMutation({
    mutationFn: () => {
      const body: Record<string, number | null> = {};
      for (const h of withTarget) {
        if (!(h.name in edits)) continue;
        const text = edits[h.name].trim().replace(/[%£,]/g, "");
        const number = Number(text);
        // Text that is not a number goes as it is, for the server to refuse with a clear message.
        body[h.name] =
          text === ""
            ? null
            : !Number.isFinite(number)
              ? (text as unknown as number)
              : h.kind === "rate"
                ? number / 100
                : number;
      }
      return figureApi.saveTargets(orgId, { targets: body });
    },
    onSuccess: (res) => {
      queryClient.setQueryData(figureKeys.targets(orgId), res);
      queryClient.invalidateQueries({ queryKey: figureKeys.dashboard(orgId) });
      setEdits({});
    },
  });
  const errors = Object.fromEntries(
    Object.entries(fieldErrors(save.error)).map(([k, v]) => [k.replace(/^targets\./, ""), v]),
  );
  return (
    <Page title="Targets" caption={org.data?.name}>
      <p className="govuk-body">
        Set the level you are aiming for on each figure. The dashboard shows each figure as on target, near target
        (missing it by no more than a tenth of the target) or off target. Leave a box empty to have no target.
      </p>
      {save.isSuccess && <SuccessBanner title="Targets saved" />}
      <ErrorSummary
        error={save.error}
        fields={Object.fromEntries(withTarget.map((h) => [`targets.${h.name}`, `target-${h.name}`]))}
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
        noValidate
      >
        {withTarget.map((h) => (
          <div key={h.name} className={`govuk-form-group${errors[h.name] ? " govuk-form-group--error" : ""}`}>
            <label className="govuk-label" htmlFor={`target-${h.name}`}>
              {h.label}
            </label>
            <div className="govuk-hint" id={`target-${h.name}-hint`}>
              {h.kind === "rate" ? "As a percentage, for example 8.5" : "In pounds, for example 12.60"};{" "}
              {h.better === "lower" ? "lower is better" : "higher is better"}
            </div>
            {errors[h.name] && (
              <p className="govuk-error-message" id={`target-${h.name}-error`}>
                <span className="govuk-visually-hidden">Error:</span> {errors[h.name]}
              </p>
            )}
            <div className="govuk-input__wrapper">
              {h.kind === "money" && (
                <div className="govuk-input__prefix" aria-hidden="true">
                  £
                </div>
              )}
              <input
                className={`govuk-input govuk-input--width-5${errors[h.name] ? " govuk-input--error" : ""}`}
                id={`target-${h.name}`}
                name={h.name}
                inputMode="decimal"
                spellCheck={false}
                aria-describedby={`target-${h.name}-hint${errors[h.name] ? ` target-${h.name}-error` : ""}`}
                value={shown(h)}
                onChange={(e) => setEdits({ ...edits, [h.name]: e.target.value })}
              />
              {h.kind === "rate" && (
                <div className="govuk-input__suffix" aria-hidden="true">
                  %
                </div>
              )}
            </div>
          </div>
        ))}
        <div className="govuk-button-group">
          <Button disabled={save.isPending}>{save.isPending ? "Saving…" : "Save targets"}</Button>
          <Link className="govuk-link" to="/orgs/$orgId/figures" params={{ orgId }}>
            Back to the figures
          </Link>
        </div>
      </form>
    </Page>
  );
}
