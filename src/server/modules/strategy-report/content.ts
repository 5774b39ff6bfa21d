// What the quarterly board report says, in the shape of a council committee report: the cover
// (report to, date, reporting officer, title), purpose, recommendations, supporting information
// (progress by recommendation, exceptions, completed actions, the workforce figures with charts,
// risks), implications, background papers and an appendix of every action. Both files are drawn
// from these blocks (docx.ts, pdf.ts).

import { longDate } from "../../../shared/dates";
import { formatValue, HEADLINES, type Headline, type Rag, ragOf } from "../../../shared/metrics";
import { quarterLabel } from "../../../shared/strategy";
import type { Figure } from "../metrics/figure-types";
import type { Block, Cell } from "./blocks";
import { ragTableSvg, rasterise, statusBarsSvg, trendChartSvg } from "./charts";
import { socialWorkBlocks } from "./social-work-section";
import { ACTION_STATUSES, type ActionStatus, type BoardReportInput, STATUS_LABELS } from "./types";

/** The headline figures a board reads, in this order, before any the plan's measures add. */
export const REPORT_FIGURES = [
  "filled_posts",
  "vacancy_rate",
  "turnover_rate",
  "stability_index",
  "system_retention",
  "agency_rate",
  "pay_median_hourly.care_worker",
  "below_rlw_share",
  "no_relevant_qual_share",
  "training_compliance",
  "age_55_plus_share",
];

export const RAG_WORDS: Record<Rag, string> = { green: "On target", amber: "Near target", red: "Off target" };
const STATUS_FILL: Record<ActionStatus, "green" | "amber" | "red" | "grey"> = {
  complete: "green",
  on_track: "green",
  at_risk: "amber",
  off_track: "red",
  not_started: "grey",
};
const STATUS_COLOURS: Record<ActionStatus | "none", string> = {
  complete: "#1d70b8",
  on_track: "#00703c",
  at_risk: "#b58840",
  off_track: "#d4351c",
  not_started: "#505a5f",
  none: "#b1b4b6",
};

const headlineOf = (name: string) => HEADLINES.find((h) => h.name === name) as Headline | undefined;

/** A figure as people read it: rates as percentages to one decimal; no value says why. */
export function show(f: Figure | undefined, kind: Headline["kind"]): string {
  if (!f || f.value === null) return f?.reason === "suppressed" ? "Withheld (small numbers)" : "No data";
  return formatValue(f.value, kind);
}

/** How a figure moved between two dates, in its unit: percentage points for rates. */
function change(now: Figure | undefined, before: Figure | undefined, kind: Headline["kind"]): string {
  if (now?.value == null || before?.value == null) return "Not known";
  const d = now.value - before.value;
  const sign = d > 0 ? "+" : d < 0 ? "−" : "";
  if (kind === "rate") {
    const pts = Math.abs(d * 100).toFixed(1);
    return pts === "0.0" ? "No change" : `${sign}${pts} points`;
  }
  if (kind === "money") return Math.abs(d) < 0.005 ? "No change" : `${sign}£${Math.abs(d).toFixed(2)}`;
  return d === 0 ? "No change" : `${sign}${Math.abs(d).toLocaleString("en-GB")}`;
}

const prompt = (what: string) => `[To complete: ${what}]`;

/** The measures the report rates: the plan's linked measures, then the council's own targets. */
function measuresOf(input: BoardReportInput) {
  const out = new Map<string, { target: number; better: "higher" | "lower"; by: string | null }>();
  for (const m of input.plan.measures)
    if (headlineOf(m.metric)) out.set(m.metric, { target: m.target, better: m.direction, by: m.by });
  for (const [metric, target] of Object.entries(input.figures.targets)) {
    const h = headlineOf(metric);
    if (target !== null && h?.better && !out.has(metric)) out.set(metric, { target, better: h.better, by: null });
  }
  return out;
}

/** The blocks of the report, and the charts drawn for it. */
const UPTAKE_ROWS: [key: string, label: string][] = [
  ["bookings", "Places booked"],
  ["attended", "Attended"],
  ["completions", "Completed"],
  ["didNotAttend", "Did not attend"],
  ["lateCancellations", "Late cancellations"],
  ["placesUnused", "Places unused"],
];
const UPTAKE_REASONS: Record<string, string> = {
  suppressed: "Withheld (a small number of people)",
  not_enough_data: "Not enough data (fewer than 3 employers)",
};

/** The shared training sessions of the quarter: what providers booked and how it was used. */
export function uptakeBlocks(u: NonNullable<BoardReportInput["trainingUptake"]>): Block[] {
  return [
    {
      kind: "para",
      text: `Training uptake: shared training sessions across the area from ${longDate(u.from)} to ${longDate(u.to)}. Counts of fewer than 5 people are withheld.`,
    },
    {
      kind: "table",
      header: ["Training uptake", "Count"],
      widths: [60, 40],
      rows: UPTAKE_ROWS.map(([k, label]) => {
        const c = u.total[k];
        return [
          label,
          c?.count != null ? c.count.toLocaleString("en-GB") : (UPTAKE_REASONS[c?.reason ?? ""] ?? "None"),
        ];
      }),
    },
  ];
}

export function reportBlocks(input: BoardReportInput): Block[] {
  const { council, plan, narrative, figures } = input;
  const q = { months: quarterLabel(input.quarter) };
  const at = longDate(figures.at);
  const measures = measuresOf(input);
  const source = `Source: Care Workforce Hub, figures as at ${at} for the providers ${council.name} commissions on that date and its own services, from their ASC-WDS returns and records. England: the latest national figure held (source in each row).`;
  const blocks: Block[] = [];

  // Cover
  blocks.push(
    { kind: "para", text: council.name, style: "lead" },
    { kind: "title", text: narrative.title },
    {
      kind: "meta",
      rows: [
        ["Report to", narrative.reportTo],
        [
          "Date of meeting",
          narrative.meetingDate ? longDate(narrative.meetingDate) : prompt("the date of the meeting"),
        ],
        ["Reporting officer", narrative.reportingOfficer || prompt("the reporting officer's name and title")],
        ["Title", narrative.title],
        ["Strategy", `${plan.strategy.title} (${plan.strategy.period})`],
        ["Period covered", `${q.months} (${input.quarter})`],
        ["Figures as at", at],
      ],
    },
  );

  // 1 Purpose, 2 Recommendations
  blocks.push(
    { kind: "heading", level: 1, text: "1. Purpose of the report" },
    { kind: "para", text: narrative.purpose || prompt("why this report comes to the board") },
    { kind: "heading", level: 1, text: "2. Recommendations" },
    { kind: "para", text: "The board is recommended to:" },
    narrative.recommendations.length
      ? { kind: "list", numbered: true, items: narrative.recommendations }
      : { kind: "para", text: prompt("what the board is asked to decide or note"), style: "prompt" },
  );

  // 3 Supporting information
  blocks.push({ kind: "heading", level: 1, text: "3. Supporting information" });
  if (plan.strategy.approvedBy || plan.strategy.approvedOn)
    blocks.push({
      kind: "para",
      text: `${plan.strategy.title} was approved by ${plan.strategy.approvedBy ?? "the board"}${
        plan.strategy.approvedOn ? ` on ${longDate(plan.strategy.approvedOn)}` : ""
      }${plan.strategy.minuteRef ? ` (minute ${plan.strategy.minuteRef})` : ""}. This report sets out progress in ${q.months}.`,
    });
  if (plan.strategy.vision) blocks.push({ kind: "para", text: `Vision: ${plan.strategy.vision}` });

  // 3.1 Progress by recommendation
  const statusOf = (s: ActionStatus | null) => s ?? "none";
  const counts = plan.recommendations.map((r) => {
    const actions = plan.actions.filter((a) => a.recommendationRef === r.ref);
    const by = (s: ActionStatus | "none") => actions.filter((a) => statusOf(a.status) === s).length;
    return { r, actions, by };
  });
  const all = plan.actions;
  const total = (s: ActionStatus | "none") => all.filter((a) => statusOf(a.status) === s).length;
  blocks.push(
    { kind: "heading", level: 2, text: "3.1 Progress by recommendation" },
    {
      kind: "para",
      text: `${all.length} actions: ${ACTION_STATUSES.map((s) => `${total(s)} ${STATUS_LABELS[s].toLowerCase()}`).join(", ")}${
        total("none") ? `, ${total("none")} with no update this quarter` : ""
      }.`,
    },
    {
      kind: "table",
      header: ["Recommendation", "Actions", ...ACTION_STATUSES.map((s) => STATUS_LABELS[s]), "No update"],
      widths: [28, 8, 9, 9, 9, 9, 11, 10],
      rows: [
        ...counts.map(({ r, actions, by }) => [
          `${r.ref} ${r.title}`,
          String(actions.length),
          ...ACTION_STATUSES.map((s) => String(by(s))),
          String(by("none")),
        ]),
        [
          { text: "All", bold: true },
          { text: String(all.length), bold: true },
          ...ACTION_STATUSES.map((s) => ({ text: String(total(s)), bold: true })),
          { text: String(total("none")), bold: true },
        ],
      ],
    },
  );
  if (counts.length) {
    const bars = rasterise(
      ...svgArgs(
        statusBarsSvg(
          `Actions by status, ${q.months}`,
          counts.map(({ r, by }) => ({
            label: `${r.ref} ${r.title}`,
            counts: [...ACTION_STATUSES, "none" as const].map((s) => ({
              label: s === "none" ? "No update" : STATUS_LABELS[s],
              count: by(s),
              colour: STATUS_COLOURS[s],
            })),
          })),
        ),
      ),
    );
    blocks.push({
      kind: "image",
      ...bars,
      alt: `Bar chart of each recommendation's actions by status; the same counts are in the table above.`,
      caption: `Figure 1: actions by status for each recommendation and enabler, ${q.months}.`,
    });
  } else
    blocks.push({
      kind: "para",
      text: prompt("the strategy's recommendations and actions: the hub holds no plan for this council yet"),
      style: "prompt",
    });

  // 3.2 Exceptions
  const exceptions = all.filter((a) => a.status === "at_risk" || a.status === "off_track");
  blocks.push({ kind: "heading", level: 2, text: "3.2 Exceptions: actions at risk or off track" });
  if (exceptions.length)
    blocks.push({
      kind: "table",
      header: ["Action", "Owner", "Due", "Status", "Update"],
      widths: [28, 15, 12, 11, 34],
      rows: exceptions.map((a) => [
        `${a.ref} ${a.title}`,
        a.owner,
        a.dueDate ? longDate(a.dueDate) : "",
        { text: STATUS_LABELS[a.status as ActionStatus], fill: STATUS_FILL[a.status as ActionStatus] },
        [a.narrative || "No update recorded", a.suggestion].filter(Boolean).join(" "),
      ]),
    });
  else blocks.push({ kind: "para", text: "No action is at risk or off track this quarter." });

  // 3.3 Completed
  const completed = all.filter((a) => a.completedThisQuarter);
  blocks.push({ kind: "heading", level: 2, text: "3.3 Actions completed this quarter" });
  if (completed.length)
    blocks.push({
      kind: "table",
      header: ["Action", "Owner", "Completed", "Update"],
      widths: [34, 18, 14, 34],
      rows: completed.map((a) => [
        `${a.ref} ${a.title}`,
        a.owner,
        a.updatedOn ? longDate(a.updatedOn) : "",
        a.narrative ?? "",
      ]),
    });
  else blocks.push({ kind: "para", text: "No action was completed this quarter." });

  // 3.4 Workforce figures
  const names = [...new Set([...REPORT_FIGURES, ...measures.keys()])].filter((n) => headlineOf(n));
  const prevAt = longDate(figures.previousAt);
  blocks.push(
    { kind: "heading", level: 2, text: "3.4 Workforce figures" },
    {
      kind: "para",
      text: `The headline workforce figures as at ${at}, against ${prevAt}, England and the targets in the plan. Rates are percentages to one decimal place.`,
    },
    {
      kind: "table",
      header: ["Figure", at, prevAt, "Change", "England", "Target", "Status"],
      widths: [24, 12, 12, 12, 14, 12, 14],
      rows: names.map((n) => {
        const h = headlineOf(n) as Headline;
        const m = measures.get(n);
        const rag = m ? ragOf(figures.now[n]?.value ?? null, m.target, m.better) : null;
        const e = figures.england[n];
        const cells: Cell[] = [
          h.label,
          show(figures.now[n], h.kind),
          show(figures.previous[n], h.kind),
          change(figures.now[n], figures.previous[n], h.kind),
          e ? `${formatValue(e.value, h.kind)} (${e.source})` : "Not published",
          m
            ? `${m.better === "lower" ? "At most" : "At least"} ${formatValue(m.target, h.kind)}${m.by ? ` by ${longDate(m.by)}` : ""}`
            : "None set",
          rag ? { text: RAG_WORDS[rag], fill: rag } : m ? { text: "No data", fill: "grey" } : "",
        ];
        return cells;
      }),
    },
    { kind: "para", text: source, style: "source" },
  );
  const trendNames = ["vacancy_rate", "turnover_rate"];
  const trend = rasterise(
    ...svgArgs(
      trendChartSvg(
        `Vacancy and turnover rates, ${longDate(figures.trend[0]?.at)} to ${at}`,
        trendNames.map((n) => ({
          label: (headlineOf(n) as Headline).label,
          kind: "rate" as const,
          points: figures.trend.map((p) => ({ at: p.at, value: p.figures[n]?.value ?? null })),
          target: measures.get(n)?.target ?? null,
          england: figures.england[n]?.value ?? null,
        })),
      ),
    ),
  );
  const trendWords = trendNames
    .map((n) => {
      const h = headlineOf(n) as Headline;
      const first = figures.trend.find((p) => p.figures[n]?.value != null);
      const last = [...figures.trend].reverse().find((p) => p.figures[n]?.value != null);
      return first && last
        ? `${h.label} ${show(first.figures[n], h.kind)} at ${longDate(first.at)}, ${show(last.figures[n], h.kind)} at ${longDate(last.at)}`
        : `${h.label}: no data`;
    })
    .join("; ");
  blocks.push({
    kind: "image",
    ...trend,
    alt: `Line chart of the vacancy and turnover rates at each quarter end: ${trendWords}.`,
    caption: `Figure 2: vacancy and turnover rates at each quarter end (${trendWords}). Source: Care Workforce Hub, figures as at each date.`,
  });
  const ragRows = names
    .filter((n) => headlineOf(n)?.better)
    .map((n) => {
      const h = headlineOf(n) as Headline;
      const m = measures.get(n);
      const rag = m ? ragOf(figures.now[n]?.value ?? null, m.target, m.better) : null;
      return {
        label: h.label,
        value: show(figures.now[n], h.kind),
        target: m ? `${m.better === "lower" ? "≤" : "≥"} ${formatValue(m.target, h.kind)}` : "None set",
        rag,
        ragText: rag ? RAG_WORDS[rag] : m ? "No data" : "No target",
      };
    });
  const ragPng = rasterise(...svgArgs(ragTableSvg(`Figures against targets as at ${at}`, ragRows)));
  blocks.push({
    kind: "image",
    ...ragPng,
    alt: `Red, amber and green table of the figures against their targets: ${ragRows.map((r) => `${r.label} ${r.value}, target ${r.target}, ${r.ragText}`).join("; ")}.`,
    caption: `Figure 3: the figures against the plan's targets as at ${at} (on target: meets it; near target: within a tenth of it; off target: further). Source: Care Workforce Hub, figures as at ${at}.`,
  });
  if (!measures.size)
    blocks.push({
      kind: "para",
      text: prompt("targets for these figures: neither the plan's measures nor the council's dashboard set any"),
      style: "prompt",
    });

  // Training uptake in the quarter (issue 18 item 9), as the uptake page gives it to the council.
  if (input.trainingUptake) blocks.push(...uptakeBlocks(input.trainingUptake));
  // The council's own social work service (issue 20 item 11), when it has one.
  if (input.socialWork) blocks.push(...socialWorkBlocks(input.socialWork));

  // 3.5 Risks
  const risks = [...plan.risks].sort(
    (a, b) => b.likelihood * b.impact - a.likelihood * a.impact || a.ref.localeCompare(b.ref),
  );
  blocks.push({ kind: "heading", level: 2, text: "3.5 Risks" });
  if (risks.length) {
    const fill = (score: number) => (score >= 15 ? "red" : score >= 8 ? "amber" : "green");
    blocks.push(
      {
        kind: "para",
        text: `The top ${Math.min(5, risks.length)} of ${risks.length} risks on the register by score (likelihood × impact, each 1 to 5), and how each changed since last quarter.`,
      },
      {
        kind: "table",
        header: ["Risk", "Owner", "Likelihood", "Impact", "Score", "Since last quarter", "Mitigation"],
        widths: [24, 13, 11, 9, 8, 11, 24],
        rows: risks.slice(0, 5).map((r) => {
          const score = r.likelihood * r.impact;
          return [
            `${r.ref} ${r.title}`,
            r.owner,
            String(r.likelihood),
            String(r.impact),
            { text: String(score), fill: fill(score) },
            r.previousScore === null
              ? "New"
              : score > r.previousScore
                ? `Up from ${r.previousScore}`
                : score < r.previousScore
                  ? `Down from ${r.previousScore}`
                  : "No change",
            r.mitigation ?? prompt("mitigation"),
          ];
        }),
      },
    );
    const changed = risks.filter((r) => r.previousScore !== r.likelihood * r.impact);
    blocks.push({
      kind: "para",
      text: changed.length
        ? `Changes since last quarter: ${changed
            .map((r) =>
              r.previousScore === null
                ? `${r.ref} ${r.title} added (score ${r.likelihood * r.impact})`
                : `${r.ref} ${r.title} from ${r.previousScore} to ${r.likelihood * r.impact}`,
            )
            .join("; ")}.`
        : "No risk's score changed since last quarter.",
    });
  } else blocks.push({ kind: "para", text: prompt("the strategy's risks: the register holds none"), style: "prompt" });

  if (plan.assumptions.length)
    blocks.push(
      { kind: "para", text: "The plan's assumptions, and whether each still holds:" },
      {
        kind: "table",
        header: ["Assumption", "Status"],
        widths: [80, 20],
        rows: plan.assumptions.map((a) => [
          `${a.ref} ${a.title}`,
          { text: a.status, fill: a.status === "Failed" ? "red" : "green" },
        ]),
      },
    );

  // 4 Implications
  const imp = plan.implications;
  blocks.push({ kind: "heading", level: 1, text: "4. Implications" });
  for (const [title, text, what] of [
    ["4.1 Financial implications", imp.financial, "the financial implications, agreed with finance"],
    ["4.2 Policy implications", imp.policy, "the policy implications"],
    [
      "4.3 Equality implications",
      imp.equality,
      "the equality implications and whether an equality impact assessment is needed",
    ],
    ["4.4 Risk implications", imp.risk, "the risk implications beyond the register above"],
  ] as const)
    blocks.push(
      { kind: "heading", level: 2, text: title },
      text ? { kind: "para", text } : { kind: "para", text: prompt(what), style: "prompt" },
    );

  // 5 Background papers
  blocks.push({ kind: "heading", level: 1, text: "5. Background papers" });
  blocks.push(
    plan.backgroundPapers.length
      ? { kind: "list", items: plan.backgroundPapers }
      : { kind: "para", text: prompt("the background papers, or 'None'"), style: "prompt" },
  );

  // Appendix A
  blocks.push(
    { kind: "pageBreak" },
    { kind: "heading", level: 1, text: "Appendix A: all actions" },
    {
      kind: "table",
      header: ["Action", "Phase", "Owner", "Due", "Status", "Update"],
      widths: [26, 13, 14, 11, 10, 26],
      rows: plan.actions.map((a) => [
        `${a.ref} ${a.title}`,
        a.phase,
        a.owner,
        a.dueDate ? longDate(a.dueDate) : "",
        a.status ? { text: STATUS_LABELS[a.status], fill: STATUS_FILL[a.status] } : "No update",
        a.narrative ?? "",
      ]),
    },
    { kind: "para", text: source, style: "source" },
  );
  return blocks;
}

const svgArgs = (c: { svg: string; width: number; height: number }) => [c.svg, c.width, c.height] as const;
