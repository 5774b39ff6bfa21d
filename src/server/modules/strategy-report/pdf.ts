// The board report as a PDF (pdfkit), from the same blocks as the Word document: A4, the PDF's
// standard Helvetica (nothing fetched or embedded), tables that break across pages with their
// header row repeated, the charts as pictures, and the title and page number in the footer.

import PDFDocument from "pdfkit";
import { type Block, type Cell, cellText, FILLS } from "./blocks";

type Doc = InstanceType<typeof PDFDocument>;
const MARGIN = 56.7; // 2 cm
const INK = "#0b0c0c";
const GREY = "#505a5f";
const RULE = "#b1b4b6";

/** Helvetica's encoding (WinAnsi) lacks a few characters the text may hold: their nearest. */
const plain = (s: string) => s.replace(/−/g, "-").replace(/≤/g, "<=").replace(/≥/g, ">=");

export async function reportPdf(blocks: Block[], meta: { title: string; council: string }): Promise<Buffer> {
  const doc: Doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: meta.title, Author: meta.council, Creator: "Care Workforce Hub" },
    lang: "en-GB",
    displayTitle: true,
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - 20;
  const ensure = (h: number) => {
    if (doc.y + h > bottom()) doc.addPage();
  };
  const text = (s: string, font: string, size: number, color = INK, opts: PDFKit.Mixins.TextOptions = {}) => {
    doc.font(font).fontSize(size).fillColor(color);
    ensure(doc.heightOfString(plain(s), { width, ...opts }));
    doc.text(plain(s), MARGIN, doc.y, { width, ...opts });
  };

  for (const b of blocks) {
    switch (b.kind) {
      case "title":
        text(b.text, "Helvetica-Bold", 22);
        doc.moveDown(0.6);
        break;
      case "meta":
        drawTable(
          doc,
          { header: null, rows: b.rows.map(([l, v]) => [{ text: l, bold: true }, v]), widths: [30, 70] },
          width,
          bottom,
        );
        doc.moveDown(0.8);
        break;
      case "heading":
        ensure(b.level === 1 ? 150 : 130); // keep a heading with the start of what follows it
        doc.moveDown(b.level === 1 ? 0.8 : 0.5);
        text(b.text, "Helvetica-Bold", b.level === 1 ? 16 : 13);
        doc.moveDown(0.3);
        break;
      case "para":
        if (b.style === "prompt") text(b.text, "Helvetica-Bold", 10.5, "#942514");
        else if (b.style === "source") text(b.text, "Helvetica-Oblique", 8.5, GREY);
        else if (b.style === "lead") text(b.text, "Helvetica-Bold", 14);
        else text(b.text, "Helvetica", 10.5);
        doc.moveDown(0.5);
        break;
      case "list":
        b.items.forEach((item, i) => {
          doc.font("Helvetica").fontSize(10.5).fillColor(INK);
          const bullet = b.numbered ? `${i + 1}.` : "•";
          const h = doc.heightOfString(plain(item), { width: width - 20 });
          ensure(h);
          const y = doc.y;
          doc.text(bullet, MARGIN, y, { width: 18 });
          doc.text(plain(item), MARGIN + 20, y, { width: width - 20 });
          doc.moveDown(0.3);
        });
        doc.moveDown(0.3);
        break;
      case "table":
        drawTable(doc, { header: b.header, rows: b.rows, widths: b.widths }, width, bottom);
        doc.moveDown(0.8);
        break;
      case "image": {
        const w = Math.min(width, b.width * 0.75);
        const h = (b.height * w) / b.width;
        doc.font("Helvetica-Oblique").fontSize(8.5);
        ensure(h + doc.heightOfString(plain(b.caption), { width }) + 6);
        doc.image(Buffer.from(b.png), MARGIN, doc.y, { width: w, height: h });
        doc.y += h + 4;
        text(b.caption, "Helvetica-Oblique", 8.5, GREY);
        doc.moveDown(0.8);
        break;
      }
      case "pageBreak":
        doc.addPage();
        break;
    }
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.font("Helvetica").fontSize(8).fillColor(GREY);
    doc.text(plain(`${meta.title}, page ${i + 1} of ${range.count}`), MARGIN, doc.page.height - MARGIN + 10, {
      width,
      align: "center",
      lineBreak: false,
      height: 12,
    });
  }
  doc.end();
  return done;
}

function drawTable(
  doc: Doc,
  t: { header: string[] | null; rows: Cell[][]; widths?: number[] },
  width: number,
  bottom: () => number,
) {
  const n = t.header?.length ?? t.rows[0]?.length ?? 1;
  const weights = t.widths ?? Array.from({ length: n }, () => 1);
  const sum = weights.reduce((s, w) => s + w, 0);
  const widths = weights.map((w) => (w / sum) * width);
  const pad = 4;
  const size = 8.5;
  const rowHeight = (cells: Cell[], header: boolean) =>
    Math.max(
      ...cells.map((c, i) => {
        doc
          .font(header || (typeof c !== "string" && (c.bold || c.fill)) ? "Helvetica-Bold" : "Helvetica")
          .fontSize(size);
        return doc.heightOfString(plain(cellText(c)), { width: widths[i] - 2 * pad });
      }),
    ) +
    2 * pad;
  const drawRow = (cells: Cell[], header: boolean) => {
    const h = rowHeight(cells, header);
    let x = MARGIN;
    const y = doc.y;
    cells.forEach((c, i) => {
      const fill = typeof c === "string" ? undefined : c.fill;
      const colours = fill ? FILLS[fill] : undefined;
      if (header || colours) doc.rect(x, y, widths[i], h).fill(header ? "#f3f2f1" : `#${colours?.fill}`);
      doc.rect(x, y, widths[i], h).lineWidth(0.5).stroke(RULE);
      doc
        .font(header || (typeof c !== "string" && (c.bold || fill)) ? "Helvetica-Bold" : "Helvetica")
        .fontSize(size)
        .fillColor(colours ? `#${colours.text}` : INK)
        .text(plain(cellText(c)), x + pad, y + pad, { width: widths[i] - 2 * pad });
      x += widths[i];
    });
    doc.x = MARGIN;
    doc.y = y + h;
  };
  if (t.header) {
    if (doc.y + rowHeight(t.header, true) + (t.rows[0] ? rowHeight(t.rows[0], false) : 0) > bottom()) doc.addPage();
    drawRow(t.header, true);
  }
  for (const r of t.rows) {
    if (doc.y + rowHeight(r, false) > bottom()) {
      doc.addPage();
      if (t.header) drawRow(t.header, true);
    }
    drawRow(r, false);
  }
}
