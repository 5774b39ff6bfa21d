// The board report as a Word document (docx), from the same blocks as the PDF: headings with
// Word's heading styles (so the navigation pane and a screen reader find the sections), real
// tables with header rows that repeat across pages, and the charts as pictures with alt text.

import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { type Block, type Cell, FILLS } from "./blocks";

const FONT = "Arial";
/** A4 less 2 cm margins, in twentieths of a point. */
const PAGE_WIDTH_TWIPS = 11906 - 2 * 1134;
const PAGE_WIDTH_PX = 640;

const run = (text: string, opts: { bold?: boolean; italics?: boolean; color?: string; size?: number } = {}) =>
  new TextRun({ text, font: FONT, size: opts.size ?? 22, bold: opts.bold, italics: opts.italics, color: opts.color });

function cell(c: Cell, header: boolean, width: number) {
  const text = typeof c === "string" ? c : c.text;
  const fill = typeof c === "string" ? undefined : c.fill;
  const colours = fill ? FILLS[fill] : undefined;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    shading: header
      ? { type: ShadingType.CLEAR, color: "auto", fill: "F3F2F1" }
      : colours
        ? { type: ShadingType.CLEAR, color: "auto", fill: colours.fill }
        : undefined,
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    children: [
      new Paragraph({
        children: [
          run(text, {
            bold: header || (typeof c !== "string" && (c.bold || Boolean(fill))),
            color: colours?.text,
            size: 18,
          }),
        ],
      }),
    ],
  });
}

function table(b: Extract<Block, { kind: "table" }>) {
  const weights = b.widths ?? b.header.map(() => 1);
  const sum = weights.reduce((s, w) => s + w, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * PAGE_WIDTH_TWIPS));
  const border = { style: BorderStyle.SINGLE, size: 4, color: "B1B4B6" };
  return new Table({
    width: { size: PAGE_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: [
      new TableRow({ tableHeader: true, children: b.header.map((h, i) => cell(h, true, widths[i])) }),
      ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, false, widths[i])) })),
    ],
  });
}

function paragraphs(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case "title":
      return [
        new Paragraph({
          heading: HeadingLevel.TITLE,
          spacing: { after: 240 },
          children: [run(b.text, { bold: true, size: 40 })],
        }),
      ];
    case "meta": {
      const widths = [Math.floor(PAGE_WIDTH_TWIPS * 0.3), Math.ceil(PAGE_WIDTH_TWIPS * 0.7)];
      return [
        new Table({
          width: { size: PAGE_WIDTH_TWIPS, type: WidthType.DXA },
          columnWidths: widths,
          rows: b.rows.map(
            ([label, value]) =>
              new TableRow({
                children: [cell({ text: label, bold: true }, false, widths[0]), cell(value, false, widths[1])],
              }),
          ),
        }),
      ];
    }
    case "heading":
      return [
        new Paragraph({
          heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          spacing: { before: b.level === 1 ? 360 : 240, after: 120 },
          keepNext: true,
          children: [run(b.text, { bold: true, size: b.level === 1 ? 32 : 26 })],
        }),
      ];
    case "para":
      return [
        new Paragraph({
          spacing: { after: 160 },
          children: [
            run(b.text, {
              italics: b.style === "source",
              bold: b.style === "prompt" || b.style === "lead",
              color: b.style === "prompt" ? "942514" : b.style === "source" ? "505A5F" : undefined,
              size: b.style === "source" ? 18 : b.style === "lead" ? 28 : 22,
            }),
          ],
        }),
      ];
    case "list":
      return b.items.map(
        (item) =>
          new Paragraph({
            spacing: { after: 80 },
            numbering: { reference: b.numbered ? "numbered" : "bullets", level: 0 },
            children: [run(item)],
          }),
      );
    case "table":
      return [table(b), new Paragraph({ spacing: { after: 120 }, children: [] })];
    case "image": {
      const width = Math.round(Math.min(b.width, PAGE_WIDTH_PX));
      const height = Math.round((b.height * width) / b.width);
      return [
        new Paragraph({
          keepNext: true,
          children: [
            new ImageRun({
              type: "png",
              data: b.png,
              transformation: { width, height },
              altText: { name: b.caption.slice(0, 60), title: b.caption.slice(0, 120), description: b.alt },
            }),
          ],
        }),
        new Paragraph({
          spacing: { after: 200 },
          children: [run(b.caption, { italics: true, size: 18, color: "505A5F" })],
        }),
      ];
    }
    case "pageBreak":
      return [new Paragraph({ pageBreakBefore: true, children: [] })];
  }
}

/** The report's blocks as a .docx file. */
export async function reportDocx(blocks: Block[], meta: { title: string; council: string }): Promise<Buffer> {
  const doc = new Document({
    creator: `${meta.council} (Care Workforce Hub)`,
    title: meta.title,
    description: meta.title,
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    numbering: {
      config: [
        {
          reference: "numbered",
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START }],
        },
        {
          reference: "bullets",
          levels: [{ level: 0, format: LevelFormat.BULLET, text: "•", alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  run(`${meta.title}, page `, { size: 16, color: "505A5F" }),
                  new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 16, color: "505A5F" }),
                ],
              }),
            ],
          }),
        },
        children: blocks.flatMap(paragraphs),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
