import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { longDate, longMonth } from "../../shared/dates";
import { formatValue } from "../../shared/metrics";
import type { PublicStatusCounts } from "../../shared/schemas/strategy-public";
import { quarterLabel, UPDATE_STATUS_LABELS, type UpdateStatus } from "../../shared/strategy";
import { Page } from "../components/Page";
import { Section } from "../components/Section";
import { Table } from "../components/Table";
import { REASONS } from "../lib/figures";
import { type PublicStrategyResponse, strategyPublicQueries } from "../queries/strategy-public";

// A council's workforce strategy and its progress for anyone (issue 16 item 6): in plain English,
// and in easy read (short sentences, one idea a line, large text, an icon per section). Both are
// there only while the council publishes them; figures come protected from the server.

type Data = PublicStrategyResponse;
type Measure = Data["measures"][number];

const publicRoute = getRouteApi("/strategy/$councilSlug");
const easyReadRoute = getRouteApi("/strategy/$councilSlug/easy-read");

function usePublicStrategy(slug: string) {
  return useQuery(strategyPublicQueries.page(slug));
}

function Pending({ error, title }: { error: boolean; title: string }): React.ReactNode {
  if (error)
    return (
      <Page title="Page not found">
        <p className="govuk-body">
          There is no published strategy at this address. The council may not have published its progress.
        </p>
      </Page>
    );
  return (
    <Page title={title}>
      <p className="govuk-body">Loading…</p>
    </Page>
  );
}

const ORDER: UpdateStatus[] = ["complete", "on_track", "at_risk", "off_track", "not_started"];
const pillarName = (p: Data["pillars"][number]) =>
  `${p.kind === "recommendation" ? "Recommendation" : "Enabler"} ${p.ref.slice(1)}: ${p.title}`;
const period = (d: Data) => `${longMonth(d.strategy.periodStart)} to ${longMonth(d.strategy.periodEnd)}`;

/** A figure as the public reads it: its value, or why it is not shown. */
function figureText(f: Measure["latest"], kind: Measure["kind"]): string {
  if (!f) return "Not yet available";
  if (f.value === null) return REASONS[f.reason ?? "no_data"];
  return formatValue(f.value, kind);
}
/** The recommendations and enablers whose actions name a figure: "Recommendation 1, Enabler 2". */
const partOf = (refs: string[]) =>
  [...new Set(refs.map((r) => r.split(".")[0]))]
    .map((p) => `${p.startsWith("R") ? "Recommendation" : "Enabler"} ${p.slice(1)}`)
    .join(", ");
const targetText = (m: Measure) =>
  `${formatValue(m.target, m.kind)} or ${m.direction === "lower" ? "lower" : "higher"} by ${longDate(m.byDate)}`;

/** The plain-English page: the strategy, progress by recommendation every six months, and its figures. */
export function PublicStrategyPage(): React.ReactNode {
  const { councilSlug } = publicRoute.useParams();
  const q = usePublicStrategy(councilSlug);
  const d = q.data;
  if (!d) return <Pending error={q.isError} title="Workforce strategy" />;
  const { latest, previous } = d;
  return (
    <Page title={d.strategy.title} caption={d.council.name}>
      {d.strategy.vision && <p className="govuk-body-l">{d.strategy.vision}</p>}
      <p className="govuk-body">
        {d.council.name}'s plan for the adult social care workforce runs from {period(d)}.
        {d.strategy.approval &&
          ` It was agreed by the ${d.strategy.approval.board} on ${longDate(d.strategy.approval.approvedOn)}.`}
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/strategy/$councilSlug/easy-read" params={{ councilSlug }}>
          Read this in easy read
        </Link>
      </p>
      <div className="govuk-inset-text">
        {latest && previous
          ? `We report progress every six months. This page shows the actions' progress at the end of ${latest.label} and of ${previous.label}.`
          : "We report progress every six months. No progress has been reported yet."}{" "}
        Figures are for the care providers the council pays for and its own services. Counts are rounded to the nearest{" "}
        {d.roundedTo}, and a figure that would rest on fewer than 3 employers or 10 workers is not shown.
      </div>

      {d.pillars.map((p) => {
        const id = `pillar-${p.ref.toLowerCase()}`;
        const now = p.progress.latest;
        const before = p.progress.previous;
        const rows: { label: string; now: number; before: number | null }[] = now
          ? [
              ...ORDER.map((s) => ({ label: UPDATE_STATUS_LABELS[s], now: now[s], before: before?.[s] ?? null })),
              ...(now.noUpdate || before?.noUpdate
                ? [{ label: "No update given", now: now.noUpdate, before: before?.noUpdate ?? null }]
                : []),
            ]
          : [];
        return (
          <Section key={p.ref} id={id} title={pillarName(p)}>
            {p.aims.length > 0 && (
              <>
                <p className="govuk-body">What we want to achieve:</p>
                <ul className="govuk-list govuk-list--bullet">
                  {p.aims.map((a) => (
                    <li key={a}>{a}</li>
                  ))}
                </ul>
              </>
            )}
            {now && latest && previous ? (
              <Table
                caption={`Progress of its ${now.actions} ${now.actions === 1 ? "action" : "actions"} at the end of each half-year`}
                rows={rows}
                rowKey={(r) => r.label}
                columns={[
                  { header: "Status", cell: (r) => r.label },
                  { header: longMonth(latest.end), numeric: true, cell: (r) => r.now },
                  { header: longMonth(previous.end), numeric: true, cell: (r) => r.before ?? "–" },
                ]}
              />
            ) : (
              <p className="govuk-body">No progress has been reported yet.</p>
            )}
            {p.completed.length > 0 && (
              <>
                <h3 className="govuk-heading-s">Actions completed</h3>
                <ul className="govuk-list govuk-list--bullet">
                  {p.completed.map((a) => (
                    <li key={a.ref}>
                      {a.title}: completed in {quarterLabel(a.quarter)}.{a.owner ? ` Led by: ${a.owner.label}.` : ""}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Section>
        );
      })}

      <Section id="figures" title="The figures we are watching">
        {d.measures.length === 0 ? (
          <p className="govuk-body">The plan's actions do not name figures that can be published.</p>
        ) : (
          <>
            <p className="govuk-body">
              The actions are meant to move these figures. Each is shown at the end of the last two half-years.
            </p>
            {d.measures.map((m) => (
              <div key={`${m.metric}-${m.target}-${m.byDate}`}>
                <h3 className="govuk-heading-s">{m.label}</h3>
                <dl className="govuk-summary-list">
                  <Row label="Target" value={targetText(m)} />
                  {latest && <Row label={longDate(latest.end)} value={figureText(m.latest, m.kind)} />}
                  {previous && <Row label={longDate(previous.end)} value={figureText(m.previous, m.kind)} />}
                  <Row label="Part of" value={partOf(m.actions)} />
                </dl>
              </div>
            ))}
          </>
        )}
      </Section>
    </Page>
  );
}

function Row({ label, value }: { label: string; value: string }): React.ReactNode {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{value}</dd>
    </div>
  );
}

// Easy read.

const ICON_PATHS = {
  plan: (
    <>
      <rect x="12" y="6" width="40" height="52" rx="4" fill="#fff" stroke="currentColor" strokeWidth="4" />
      <path d="M20 20h24M20 30h24M20 40h16" stroke="currentColor" strokeWidth="4" strokeLinecap="round" />
    </>
  ),
  doing: (
    <>
      <circle cx="24" cy="20" r="9" fill="none" stroke="currentColor" strokeWidth="4" />
      <circle cx="44" cy="24" r="7" fill="none" stroke="currentColor" strokeWidth="4" />
      <path
        d="M8 54c0-10 7-18 16-18s16 8 16 18M36 54c1-8 4-14 8-14 6 0 12 6 12 14"
        fill="none"
        stroke="currentColor"
        strokeWidth="4"
        strokeLinecap="round"
      />
    </>
  ),
  progress: (
    <>
      <path d="M8 56h48" stroke="currentColor" strokeWidth="4" strokeLinecap="round" />
      <rect x="12" y="36" width="10" height="16" fill="currentColor" />
      <rect x="27" y="24" width="10" height="28" fill="currentColor" />
      <rect x="42" y="12" width="10" height="40" fill="currentColor" />
    </>
  ),
  done: (
    <>
      <circle cx="32" cy="32" r="26" fill="none" stroke="currentColor" strokeWidth="4" />
      <path
        d="M20 33l8 8 16-18"
        fill="none"
        stroke="currentColor"
        strokeWidth="5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </>
  ),
  numbers: (
    <>
      <circle cx="28" cy="28" r="16" fill="none" stroke="currentColor" strokeWidth="4" />
      <path d="M40 40l14 14" stroke="currentColor" strokeWidth="5" strokeLinecap="round" />
      <path d="M22 30l5-6 5 4 5-7" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </>
  ),
};

/** A section's picture: an inline SVG with its words for people who cannot see it. */
function Icon({ name, alt }: { name: keyof typeof ICON_PATHS; alt: string }): React.ReactNode {
  return (
    <svg
      viewBox="0 0 64 64"
      width="64"
      height="64"
      role="img"
      aria-label={alt}
      style={{ flex: "0 0 64px", color: "#1d70b8" }}
      focusable="false"
    >
      <title>{alt}</title>
      {ICON_PATHS[name]}
    </svg>
  );
}

function EasySection({
  id,
  icon,
  alt,
  title,
  children,
}: {
  id: string;
  icon: keyof typeof ICON_PATHS;
  alt: string;
  title: string;
  children: React.ReactNode;
}): React.ReactNode {
  return (
    <section aria-labelledby={id} className="govuk-!-margin-bottom-8">
      <div style={{ display: "flex", alignItems: "center", gap: "16px" }} className="govuk-!-margin-bottom-4">
        <Icon name={icon} alt={alt} />
        <h2 className="govuk-heading-l govuk-!-margin-bottom-0" id={id}>
          {title}
        </h2>
      </div>
      {children}
    </section>
  );
}

/** Lists as large as the lines around them. */
const EASY_TEXT = { fontSize: "1.5rem", lineHeight: 1.35 } as const;

/** One idea a line, in large text. */
function Lines({ lines }: { lines: string[] }): React.ReactNode {
  return (
    <>
      {lines.map((l) => (
        <p key={l} className="govuk-body-l govuk-!-margin-bottom-3" style={EASY_TEXT}>
          {l}
        </p>
      ))}
    </>
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const sum = (counts: (PublicStatusCounts | null)[]) =>
  counts.reduce(
    (t, c) => ({
      done: t.done + (c?.complete ?? 0),
      well: t.well + (c?.on_track ?? 0),
      behind: t.behind + (c?.at_risk ?? 0) + (c?.off_track ?? 0),
      notStarted: t.notStarted + (c?.not_started ?? 0),
      noUpdate: t.noUpdate + (c?.noUpdate ?? 0),
      all: t.all + (c?.actions ?? 0),
    }),
    { done: 0, well: 0, behind: 0, notStarted: 0, noUpdate: 0, all: 0 },
  );

function easyNumber(m: Measure): string[] {
  const f = m.latest;
  const better = m.direction === "lower" ? "lower" : "higher";
  const want = `We want it to be ${formatValue(m.target, m.kind)} or ${better}.`;
  if (!f || f.value === null) return [`${m.label}.`, "We cannot show this number yet.", want];
  return [`${m.label}: ${formatValue(f.value, m.kind)}.`, want];
}

/** The easy-read page: short sentences, one idea a line, large text, an icon for each section. */
export function PublicStrategyEasyReadPage(): React.ReactNode {
  const { councilSlug } = easyReadRoute.useParams();
  const q = usePublicStrategy(councilSlug);
  const d = q.data;
  if (!d) return <Pending error={q.isError} title="Our plan for care workers: easy read" />;
  const recommendations = d.pillars.filter((p) => p.kind === "recommendation");
  const enablers = d.pillars.filter((p) => p.kind === "enabler");
  const total = sum(d.pillars.map((p) => p.progress.latest));
  const completed = d.pillars.flatMap((p) => p.completed);
  return (
    <Page title="Our plan for care workers: easy read" caption={d.council.name}>
      <EasySection id="easy-plan" icon="plan" alt="A page of a plan" title="Our plan">
        <Lines
          lines={[
            `This is ${d.council.name}'s plan for people who work in care.`,
            `The plan is called ${d.strategy.title}.`,
            `It runs from ${period(d)}.`,
          ]}
        />
        {d.strategy.vision && <Lines lines={[`What we want: ${d.strategy.vision}`]} />}
      </EasySection>

      <EasySection id="easy-doing" icon="doing" alt="People working together" title="What we will do">
        <Lines lines={[`We will do ${plural(recommendations.length, "big thing", "big things")}.`]} />
        <ol className="govuk-list govuk-list--number" style={EASY_TEXT}>
          {recommendations.map((p) => (
            <li key={p.ref} className="govuk-!-margin-bottom-3">
              {p.title}.
            </li>
          ))}
        </ol>
        {enablers.length > 0 && (
          <>
            <Lines lines={["These things will help:"]} />
            <ul className="govuk-list govuk-list--bullet" style={EASY_TEXT}>
              {enablers.map((p) => (
                <li key={p.ref} className="govuk-!-margin-bottom-3">
                  {p.title}.
                </li>
              ))}
            </ul>
          </>
        )}
      </EasySection>

      <EasySection id="easy-progress" icon="progress" alt="A bar chart going up" title="How we are doing">
        <Lines lines={["We check how we are doing every 6 months."]} />
        {d.latest ? (
          <Lines
            lines={[
              `This is how things were at the end of ${d.latest.label}.`,
              `We have ${plural(total.all, "job", "jobs")} to do.`,
              `${plural(total.done, "job is", "jobs are")} done.`,
              `${plural(total.well, "job is", "jobs are")} going well.`,
              `${plural(total.behind, "job is", "jobs are")} behind.`,
              `${plural(total.notStarted, "job has", "jobs have")} not started yet.`,
              ...(total.noUpdate ? [`We did not hear about ${plural(total.noUpdate, "job", "jobs")}.`] : []),
            ]}
          />
        ) : (
          <Lines lines={["We have not checked yet."]} />
        )}
      </EasySection>

      {completed.length > 0 && (
        <EasySection id="easy-done" icon="done" alt="A tick" title="What we have finished">
          <ul className="govuk-list govuk-list--bullet" style={EASY_TEXT}>
            {completed.map((a) => (
              <li key={a.ref} className="govuk-!-margin-bottom-3">
                {a.title}.
              </li>
            ))}
          </ul>
        </EasySection>
      )}

      {d.measures.length > 0 && (
        <EasySection id="easy-numbers" icon="numbers" alt="A magnifying glass over a chart" title="Numbers we watch">
          {d.latest && <Lines lines={[`These numbers are from ${longDate(d.latest.end)}.`]} />}
          {d.measures.map((m) => (
            <div key={`${m.metric}-${m.target}-${m.byDate}`} className="govuk-!-margin-bottom-6">
              <Lines lines={easyNumber(m)} />
            </div>
          ))}
          <Lines lines={["We do not show a number when it counts too few people."]} />
        </EasySection>
      )}

      <p className="govuk-body-l">
        <Link className="govuk-link" to="/strategy/$councilSlug" params={{ councilSlug }}>
          Read the full version
        </Link>
      </p>
    </Page>
  );
}
