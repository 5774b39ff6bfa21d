import PDFDocument from "pdfkit";
import type { Framework } from "../../../shared/career/framework";

// The roadmap as a printable A3 poster: each pathway a column, its roles from entry to senior,
// each with what it needs and where it leads. Built with the standard PDF fonts, so nothing is
// fetched or embedded.

const GREEN = "#00703c";
const BLACK = "#0b0c0c";
const GREY = "#505a5f";

/** The poster as PDF bytes. `uncompressed` keeps the text readable in tests. */
export function posterPdf(
  f: Framework,
  opts: { council?: string | null; uncompressed?: boolean } = {},
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A3",
    layout: "landscape",
    margin: 36,
    compress: !opts.uncompressed,
    info: { Title: `${f.title}${opts.council ? `: ${opts.council}` : ""}` },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

  const items = new Map(f.catalogue.map((i) => [i.key, i.title]));
  const titles = new Map(f.roles.map((r) => [r.key, r.title]));
  doc
    .fillColor(BLACK)
    .font("Helvetica-Bold")
    .fontSize(26)
    .text("Careers in care and social work", { continued: false });
  doc
    .font("Helvetica")
    .fontSize(12)
    .fillColor(GREY)
    .text(
      `${opts.council ? `${opts.council}. ` : ""}Where you can start, where you can go, and what you need. ${f.title}.`,
    );
  const top = doc.y + 12;
  const columns = f.pathways.length;
  const gap = 12;
  const width = (doc.page.width - 72 - gap * (columns - 1)) / columns;
  f.pathways.forEach((p, i) => {
    const x = 36 + i * (width + gap);
    let y = top;
    doc.rect(x, y, width, 26).fill(GREEN);
    doc
      .fillColor("#ffffff")
      .font("Helvetica-Bold")
      .fontSize(11)
      .text(p.title, x + 6, y + 8, { width: width - 12 });
    y += 34;
    for (const r of f.roles.filter((role) => role.pathway === p.key)) {
      const needs = r.requirements
        .filter((q) => q.need === "required")
        .map((q) => q.anyOf.map((k) => items.get(k) ?? k).join(" or "));
      const onwards = f.routes.filter((rt) => rt.from === r.key).map((rt) => titles.get(rt.to) ?? rt.to);
      doc.fillColor(BLACK).font("Helvetica-Bold").fontSize(9.5).text(r.title, x, y, { width });
      doc.font("Helvetica").fontSize(7.5).fillColor(BLACK);
      doc.text(needs.length ? `Needs: ${needs.join("; ")}` : "No qualification needed to start", { width });
      if (onwards.length) doc.fillColor(GREY).text(`Leads to: ${onwards.join(", ")}`, { width });
      y = doc.y + 6;
    }
  });
  doc
    .fillColor(GREY)
    .fontSize(8)
    .text(
      "Sources: the Care Workforce Pathway (DHSC), the Professional Capabilities Framework (BASW), DfE social work roles, apprenticeship standards. See the online roadmap for each role's source.",
      36,
      doc.page.height - 48,
      {
        width: doc.page.width - 72,
      },
    );
  doc.end();
  return done;
}
