import { longDate } from "../../../shared/dates";
import { SW_SERVICE_LABELS, type SwService } from "../../../shared/social-work";
import { SW_FIGURE_INFO, SW_FIGURES, SW_MIN_BASE, type SwFigure, showSwFigure } from "../../../shared/sw-figures";
import type { OrgCtx } from "../../context";
import { quarterAgo } from "../metrics/dates";
import { loadFacts, protectedAt } from "../socialwork/figures.service";
import { type FlowMonth, monthlyFlows } from "../socialwork/figures-series.service";
import type { Block, Cell } from "./blocks";

// The board report's "Social work service" section (issue 20 item 11), only for a council with a
// social work service: each service's headline figures at the quarter end with the change on the
// quarter before, protected as the dashboard protects them (figures.service.ts), and the monthly
// starters, leavers and agency workers in post over the 12 months to the quarter end.

export interface SocialWorkReportFigures {
  at: string;
  previousAt: string;
  services: { service: SwService; now: Record<string, SwFigure>; previous: Record<string, SwFigure> }[];
  flows: { service: SwService; months: FlowMonth[] }[];
}

/** The section's figures for a quarter ending `at`, or null when the council has no social work service. */
export async function socialWorkReportFigures(ctx: OrgCtx, at: string): Promise<SocialWorkReportFigures | null> {
  const facts = await loadFacts(ctx, at);
  if (!facts.teams.length) return null;
  const previousAt = quarterAgo(at);
  const [now, previous] = [protectedAt(facts, at), protectedAt(facts, previousAt)];
  const services = (["adults", "children"] as const).filter((s) => facts.teams.some((t) => t.service === s));
  return {
    at,
    previousAt,
    services: services.map((s) => ({
      service: s,
      now: (now.services[s] ?? {}) as Record<string, SwFigure>,
      previous: (previous.services[s] ?? {}) as Record<string, SwFigure>,
    })),
    flows: await monthlyFlows(ctx, at, 12),
  };
}

function change(name: (typeof SW_FIGURES)[number], now?: SwFigure, before?: SwFigure): string {
  if (now?.value == null || before?.value == null) return "Not known";
  const d = now.value - before.value;
  const sign = d > 0 ? "+" : d < 0 ? "−" : "";
  const size = SW_FIGURE_INFO[name].kind === "rate" ? Math.abs(d * 100).toFixed(1) : Math.abs(d).toFixed(1);
  if (size === "0.0") return "No change";
  return SW_FIGURE_INFO[name].kind === "rate" ? `${sign}${size} points` : `${sign}${size}`;
}

const count = (n: number | null) => (n === null ? `Withheld (fewer than ${SW_MIN_BASE} in post)` : String(n));
const monthName = (month: string) => longDate(`${month}-01`).replace(/^1 /, "");

export function socialWorkBlocks(sw: SocialWorkReportFigures): Block[] {
  const blocks: Block[] = [
    { kind: "heading", level: 2, text: "Social work service" },
    {
      kind: "para",
      text: `The council's own social work teams as at ${longDate(sw.at)}, with the change since ${longDate(sw.previousAt)}. The vacancy and agency rates count registered social workers only, by FTE, as the DfE children's social work workforce census does (at 30 September the children's rates are the census's); the other figures count everyone in the teams, family support workers and occupational therapists included. A figure resting on fewer than ${SW_MIN_BASE} people (or FTE) is withheld. Definitions: the social work figures page.`,
    },
  ];
  for (const s of sw.services) {
    const rows: Cell[][] = SW_FIGURES.map((name) => [
      SW_FIGURE_INFO[name].label,
      showSwFigure(name, s.now[name]),
      showSwFigure(name, s.previous[name]),
      change(name, s.now[name], s.previous[name]),
    ]);
    blocks.push({
      kind: "table",
      header: [SW_SERVICE_LABELS[s.service], "Quarter end", "Quarter before", "Change"],
      widths: [34, 22, 22, 22],
      rows,
    });
  }
  for (const f of sw.flows)
    blocks.push({
      kind: "table",
      header: ["Month", "Starters", "Leavers", "Agency in post at month end"],
      widths: [28, 24, 24, 24],
      caption: `${SW_SERVICE_LABELS[f.service]}: starters, leavers and agency workers in post by month`,
      rows: f.months.map((m) => [monthName(m.month), count(m.starters), count(m.leavers), count(m.agencyInPost)]),
    });
  return blocks;
}
