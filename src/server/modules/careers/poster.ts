import PDFDocument from "pdfkit";
import type { Framework } from "../../../shared/career/framework";
import { needsLine } from "../../../shared/career/requirements";

// The roadmap as a printable A3 poster: each pathway with its roles from entry to senior, each
// with what it needs (`needsLine`, as the roadmap and My career say it) and where it leads. The
// pathways flow down columns in order and the text is set at the largest size that fits one page,
// never below 10 pt, so the poster is full and readable from a step away. Built with the standard
// PDF fonts, so nothing is fetched or embedded.

const GREEN = "#00703c";
const BLACK = "#0b0c0c";
const GREY = "#505a5f";
const WHITE = "#ffffff";
/** The smallest text on the poster, in points. */
export const POSTER_MIN_PT = 10;
const MARGIN = 36;
const GUTTER = 14;

type Font = "Helvetica" | "Helvetica-Bold";
/** One piece of text as it is drawn: where, how big, and on what. */
export interface PosterRun {
  text: string;
  font: Font;
  size: number;
  color: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** A filled band behind the text (a pathway's heading). */
  band?: string;
}
export interface PosterLayout {
  page: { width: number; height: number };
  runs: PosterRun[];
  /** The body text size chosen, in points. */
  size: number;
  columns: number;
}

type Doc = InstanceType<typeof PDFDocument>;
type Piece = { text: string; font: Font; size: number; color: string; band?: string; after: number };

const newDoc = (f: Framework, opts: { council?: string | null; uncompressed?: boolean }) =>
  new PDFDocument({
    size: "A3",
    layout: "landscape",
    // No bottom margin for pdfkit: the layout keeps its own, and text near the foot never starts a second page.
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: 0 },
    compress: !opts.uncompressed,
    info: { Title: `${f.title}${opts.council ? `: ${opts.council}` : ""}` },
  });

/** The poster's blocks in reading order: a pathway's heading, then each of its roles. */
function blocks(f: Framework, size: number): Piece[][] {
  const titles = new Map(f.roles.map((r) => [r.key, r.title]));
  const out: Piece[][] = [];
  for (const p of f.pathways) {
    out.push([{ text: p.title, font: "Helvetica-Bold", size: size + 3, color: WHITE, band: GREEN, after: size * 0.6 }]);
    for (const r of f.roles.filter((role) => role.pathway === p.key)) {
      const onwards = f.routes.filter((rt) => rt.from === r.key).map((rt) => titles.get(rt.to) ?? rt.to);
      const role: Piece[] = [
        { text: r.title, font: "Helvetica-Bold", size: size + 1.5, color: BLACK, after: 1 },
        { text: needsLine(f, r), font: "Helvetica", size, color: BLACK, after: 1 },
      ];
      if (onwards.length)
        role.push({ text: `Leads to: ${onwards.join(", ")}`, font: "Helvetica", size, color: GREY, after: 0 });
      role[role.length - 1].after = size * 0.9;
      out.push(role);
    }
  }
  return out;
}

const BAND_PAD = 5;
function measure(doc: Doc, piece: Piece, width: number) {
  doc.font(piece.font).fontSize(piece.size);
  const inner = piece.band ? width - 2 * BAND_PAD : width;
  return doc.heightOfString(piece.text, { width: inner }) + (piece.band ? 2 * BAND_PAD : 0);
}

/**
 * Flows the blocks down `columns` columns from `top` to `bottom`; null when they do not fit. A
 * role is never split, and a pathway's heading is kept with its first role.
 */
function flow(doc: Doc, f: Framework, size: number, columns: number, top: number, bottom: number) {
  const width = (doc.page.width - 2 * MARGIN - GUTTER * (columns - 1)) / columns;
  const runs: PosterRun[] = [];
  const all = blocks(f, size);
  let column = 0;
  let y = top;
  for (let i = 0; i < all.length; i++) {
    const block = all[i];
    const heights = block.map((p) => measure(doc, p, width));
    let need = heights.reduce((s, h, j) => s + h + block[j].after, 0);
    // A heading goes with the role under it.
    if (block[0].band && all[i + 1]) need += all[i + 1].reduce((s, p) => s + measure(doc, p, width) + p.after, 0);
    if (y + need > bottom && y > top) {
      column++;
      y = top;
    }
    if (column >= columns) return null;
    const x = MARGIN + column * (width + GUTTER);
    block.forEach((p, j) => {
      runs.push({
        text: p.text,
        font: p.font,
        size: p.size,
        color: p.color,
        band: p.band,
        x,
        y,
        width,
        height: heights[j],
      });
      y += heights[j] + p.after;
    });
    if (y > bottom) return null;
  }
  return { runs, columns };
}

/**
 * Where every piece of the poster goes: the largest text size (in half points, from 16 down to
 * 10) at which the whole roadmap fits one page in 4, 5 or 6 columns.
 */
export function posterLayout(
  f: Framework,
  opts: { council?: string | null } = {},
  doc: Doc = newDoc(f, {}),
): PosterLayout {
  const page = { width: doc.page.width, height: doc.page.height };
  const runs: PosterRun[] = [];
  const head = (text: string, font: Font, size: number, color: string, y: number) => {
    doc.font(font).fontSize(size);
    const height = doc.heightOfString(text, { width: page.width - 2 * MARGIN });
    runs.push({ text, font, size, color, x: MARGIN, y, width: page.width - 2 * MARGIN, height });
    return y + height;
  };
  let y = head("Careers in care and social work", "Helvetica-Bold", 30, BLACK, MARGIN);
  y = head(
    `${opts.council ? `${opts.council}. ` : ""}Where you can start, where you can go, and what you need. ${f.title}.`,
    "Helvetica",
    15,
    GREY,
    y + 4,
  );
  const sources =
    "Sources: the Care Workforce Pathway (DHSC), the Professional Capabilities Framework (BASW), DfE social work roles, apprenticeship standards. See the online roadmap for each role's source.";
  doc.font("Helvetica").fontSize(POSTER_MIN_PT);
  const footHeight = doc.heightOfString(sources, { width: page.width - 2 * MARGIN });
  const foot: PosterRun = {
    text: sources,
    font: "Helvetica",
    size: POSTER_MIN_PT,
    color: GREY,
    x: MARGIN,
    y: page.height - MARGIN - footHeight,
    width: page.width - 2 * MARGIN,
    height: footHeight,
  };
  const bottom = foot.y - 10;
  for (let size = 16; size >= POSTER_MIN_PT; size -= 0.5)
    for (const columns of [4, 5, 6]) {
      const body = flow(doc, f, size, columns, y + 16, bottom);
      if (body) return { page, runs: [...runs, ...body.runs, foot], size, columns };
    }
  // Too much for one page even at the smallest size: the smallest size, over more columns.
  const body = flow(doc, f, POSTER_MIN_PT, 8, y + 16, Number.POSITIVE_INFINITY);
  return { page, runs: [...runs, ...(body?.runs ?? []), foot], size: POSTER_MIN_PT, columns: 8 };
}

/** The poster as PDF bytes. `uncompressed` keeps the text readable in tests. */
export function posterPdf(
  f: Framework,
  opts: { council?: string | null; uncompressed?: boolean } = {},
): Promise<Buffer> {
  const doc = newDoc(f, opts);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  for (const run of posterLayout(f, opts, doc).runs) {
    if (run.band) doc.rect(run.x, run.y, run.width, run.height).fill(run.band);
    const pad = run.band ? BAND_PAD : 0;
    doc
      .fillColor(run.color)
      .font(run.font)
      .fontSize(run.size)
      .text(run.text, run.x + pad, run.y + pad, { width: run.width - 2 * pad, lineBreak: true });
  }
  doc.end();
  return done;
}
