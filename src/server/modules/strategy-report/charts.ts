// The report's charts, drawn as SVG here and turned into PNG by resvg (no browser, no canvas), so
// the Word document and the PDF embed the same pictures. Each says in words what it shows too
// (the caption and alt text, and the tables beside them).

import { Resvg } from "@resvg/resvg-js";
import { longDate } from "../../../shared/dates";
import { formatValue, type MetricKind } from "../../../shared/metrics";

const FONT = "Liberation Sans, Arial, Helvetica, DejaVu Sans, sans-serif";
const INK = "#0b0c0c";
const GREY = "#505a5f";
const RULE = "#b1b4b6";
/** Line colours distinguishable in greyscale too, each line also marked with its own shape. */
const SERIES = ["#1d70b8", "#d4351c", "#00703c", "#4c2c92"];

export interface Png {
  png: Uint8Array;
  width: number;
  height: number;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** SVG to PNG at twice its size, so it stays sharp when printed. */
export function rasterise(svg: string, width: number, height: number): Png {
  const r = new Resvg(svg, {
    fitTo: { mode: "width", value: width * 2 },
    background: "#ffffff",
    font: { loadSystemFonts: true, defaultFontFamily: "Liberation Sans" },
  });
  return { png: new Uint8Array(r.render().asPng()), width, height };
}

const short = (iso: string) => {
  const [d, m, y] = longDate(iso).split(" ");
  return `${d} ${m.slice(0, 3)} ${y.slice(2)}`;
};

export interface TrendSeries {
  label: string;
  kind: MetricKind;
  points: { at: string; value: number | null }[];
  target?: number | null;
  /** England's figure, drawn dotted. */
  england?: number | null;
}

/** Lines over the quarter ends, one per figure, each with its target as a dashed line of its colour. */
export function trendChartSvg(title: string, series: TrendSeries[]): { svg: string; width: number; height: number } {
  const width = 640;
  const height = 320;
  const left = 56;
  const right = 36;
  const top = 40;
  const bottom = 80;
  const dates = series[0]?.points.map((p) => p.at) ?? [];
  const values = series.flatMap((s) => [
    ...s.points.map((p) => p.value),
    ...(s.target !== null && s.target !== undefined ? [s.target] : []),
    ...(s.england !== null && s.england !== undefined ? [s.england] : []),
  ]);
  const known = values.filter((v): v is number => v !== null);
  const max = niceMax(Math.max(0.01, ...known));
  const x = (i: number) => left + (dates.length > 1 ? (i * (width - left - right)) / (dates.length - 1) : 0);
  const y = (v: number) => top + (1 - v / max) * (height - top - bottom);
  const parts: string[] = [
    `<text x="${left}" y="22" font-size="15" font-weight="bold" fill="${INK}">${esc(title)}</text>`,
  ];
  for (let k = 0; k <= 4; k++) {
    const v = (max * k) / 4;
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${y(v)}" y2="${y(v)}" stroke="${k ? "#e5e6e7" : RULE}"/>`,
      `<text x="${left - 6}" y="${y(v) + 4}" font-size="11" text-anchor="end" fill="${GREY}">${esc(formatValue(v, series[0]?.kind ?? "rate").replace(".0%", "%"))}</text>`,
    );
  }
  dates.forEach((d, i) => {
    parts.push(
      `<text x="${x(i)}" y="${height - bottom + 18}" font-size="11" text-anchor="middle" fill="${GREY}">${esc(short(d))}</text>`,
    );
  });
  series.forEach((s, n) => {
    const colour = SERIES[n % SERIES.length];
    if (s.target !== null && s.target !== undefined)
      parts.push(
        `<line x1="${left}" x2="${width - right}" y1="${y(s.target)}" y2="${y(s.target)}" stroke="${colour}" stroke-width="1.5" stroke-dasharray="6 4"/>`,
      );
    if (s.england !== null && s.england !== undefined)
      parts.push(
        `<line x1="${left}" x2="${width - right}" y1="${y(s.england)}" y2="${y(s.england)}" stroke="${colour}" stroke-opacity="0.7" stroke-width="1.5" stroke-dasharray="1.5 3"/>`,
      );
    let path = "";
    s.points.forEach((p, i) => {
      if (p.value === null) return;
      path += `${path && s.points[i - 1]?.value !== null ? "L" : "M"}${x(i).toFixed(1)},${y(p.value).toFixed(1)} `;
    });
    if (path) parts.push(`<path d="${path.trim()}" fill="none" stroke="${colour}" stroke-width="2.5"/>`);
    s.points.forEach((p, i) => {
      if (p.value === null) return;
      parts.push(
        n % 2
          ? `<rect x="${x(i) - 4}" y="${y(p.value) - 4}" width="8" height="8" fill="${colour}"/>`
          : `<circle cx="${x(i)}" cy="${y(p.value)}" r="4.5" fill="${colour}"/>`,
      );
    });
    const last = [...s.points].reverse().find((p) => p.value !== null);
    const legendY = height - bottom + 42 + n * 18;
    const legendX = left;
    const extras = [
      s.target !== null && s.target !== undefined ? `target ${formatValue(s.target, s.kind)} dashed` : "",
      s.england !== null && s.england !== undefined ? `England ${formatValue(s.england, s.kind)} dotted` : "",
    ].filter(Boolean);
    parts.push(
      `<line x1="${legendX}" x2="${legendX + 22}" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${colour}" stroke-width="2.5"/>`,
      `<text x="${legendX + 28}" y="${legendY}" font-size="12" fill="${INK}">${esc(
        `${s.label}${last ? ` (${formatValue(last.value as number, s.kind)} at ${short(last.at)})` : ""}${extras.length ? `; ${extras.join(", ")}` : ""}`,
      )}</text>`,
    );
  });
  const h = height + Math.max(0, series.length - 2) * 18;
  return { svg: svgOf(width, h, parts), width, height: h };
}

/** A tidy top for an axis: 1, 2, 2.5 or 5 times a power of ten, at or above the largest value. */
function niceMax(v: number) {
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v * 1.1) return m * p;
  return 10 * p;
}

export interface RagRow {
  label: string;
  value: string;
  target: string;
  rag: "green" | "amber" | "red" | null;
  ragText: string;
}

const RAG_COLOURS = {
  green: { fill: "#cce2d8", ink: "#005a30" },
  amber: { fill: "#fff7bf", ink: "#594d00" },
  red: { fill: "#f4cdc6", ink: "#942514" },
  none: { fill: "#e5e6e7", ink: INK },
};

/** The measures against their targets as a red/amber/green table, the status written in each cell. */
export function ragTableSvg(title: string, rows: RagRow[]): { svg: string; width: number; height: number } {
  const width = 640;
  const rowH = 30;
  const top = 62;
  const height = top + rows.length * rowH + 12;
  const cols = [16, 330, 430, 520];
  const parts: string[] = [
    `<text x="16" y="22" font-size="15" font-weight="bold" fill="${INK}">${esc(title)}</text>`,
    `<text x="${cols[0]}" y="50" font-size="12" font-weight="bold" fill="${INK}">Measure</text>`,
    `<text x="${cols[1]}" y="50" font-size="12" font-weight="bold" fill="${INK}">Now</text>`,
    `<text x="${cols[2]}" y="50" font-size="12" font-weight="bold" fill="${INK}">Target</text>`,
    `<text x="${cols[3]}" y="50" font-size="12" font-weight="bold" fill="${INK}">Status</text>`,
    `<line x1="16" x2="${width - 16}" y1="${top - 4}" y2="${top - 4}" stroke="${INK}"/>`,
  ];
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    const c = RAG_COLOURS[r.rag ?? "none"];
    parts.push(
      `<text x="${cols[0]}" y="${y + 19}" font-size="12" fill="${INK}">${esc(r.label)}</text>`,
      `<text x="${cols[1]}" y="${y + 19}" font-size="12" fill="${INK}">${esc(r.value)}</text>`,
      `<text x="${cols[2]}" y="${y + 19}" font-size="12" fill="${INK}">${esc(r.target)}</text>`,
      `<rect x="${cols[3] - 6}" y="${y + 4}" width="114" height="22" fill="${c.fill}"/>`,
      `<text x="${cols[3]}" y="${y + 19}" font-size="12" font-weight="bold" fill="${c.ink}">${esc(r.ragText)}</text>`,
      `<line x1="16" x2="${width - 16}" y1="${y + rowH - 0.5}" y2="${y + rowH - 0.5}" stroke="${RULE}"/>`,
    );
  });
  return { svg: svgOf(width, height, parts), width, height };
}

export interface StatusBar {
  label: string;
  counts: { label: string; count: number; colour: string }[];
}

/** One bar per recommendation: its actions by status, stacked, with the counts written on them. */
export function statusBarsSvg(title: string, bars: StatusBar[]): { svg: string; width: number; height: number } {
  const width = 640;
  const labelW = 300;
  const barH = 22;
  const gap = 10;
  const top = 40;
  const legendH = 40;
  const max = Math.max(1, ...bars.map((b) => b.counts.reduce((s, c) => s + c.count, 0)));
  const scale = (width - labelW - 40) / max;
  const parts: string[] = [`<text x="16" y="22" font-size="15" font-weight="bold" fill="${INK}">${esc(title)}</text>`];
  bars.forEach((b, i) => {
    const y = top + i * (barH + gap);
    parts.push(
      `<text x="${labelW - 8}" y="${y + 15}" font-size="12" text-anchor="end" fill="${INK}">${esc(clip(b.label, 46))}</text>`,
    );
    let x = labelW;
    for (const c of b.counts) {
      if (!c.count) continue;
      const w = c.count * scale;
      parts.push(`<rect x="${x}" y="${y}" width="${w}" height="${barH}" fill="${c.colour}"/>`);
      if (w >= 14)
        parts.push(
          `<text x="${x + w / 2}" y="${y + 15}" font-size="11" text-anchor="middle" fill="#ffffff" font-weight="bold">${c.count}</text>`,
        );
      x += w;
    }
  });
  const legendY = top + bars.length * (barH + gap) + 14;
  let lx = 16;
  for (const c of bars[0]?.counts ?? []) {
    parts.push(
      `<rect x="${lx}" y="${legendY - 10}" width="12" height="12" fill="${c.colour}"/>`,
      `<text x="${lx + 16}" y="${legendY}" font-size="12" fill="${INK}">${esc(c.label)}</text>`,
    );
    lx += 30 + c.label.length * 7;
  }
  const height = legendY + legendH - 20;
  return { svg: svgOf(width, height, parts), width, height };
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function svgOf(width: number, height: number, parts: string[]) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}"><rect width="${width}" height="${height}" fill="#ffffff"/>${parts.join("")}</svg>`;
}
