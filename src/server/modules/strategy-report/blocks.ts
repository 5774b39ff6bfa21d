// The board report as a list of blocks that both writers draw (docx.ts and pdf.ts): the content
// is decided once, here and in content.ts, so the Word document and the PDF cannot say different
// things. A block knows nothing of pages or fonts.

/** How a piece of text reads: a marked prompt for the council to complete, or a figure's source. */
export type TextStyle = "normal" | "prompt" | "source" | "lead";

/** A table cell: plain text, or text with a red/amber/green fill (the words say it too). */
export type Cell = string | { text: string; fill?: "green" | "amber" | "red" | "grey"; bold?: boolean };

export type Block =
  | { kind: "title"; text: string }
  | { kind: "meta"; rows: [label: string, value: string][] }
  | { kind: "heading"; level: 1 | 2; text: string }
  | { kind: "para"; text: string; style?: TextStyle }
  | { kind: "list"; items: string[]; numbered?: boolean }
  | {
      kind: "table";
      header: string[];
      rows: Cell[][];
      /** Relative column widths (they are scaled to the page). */
      widths?: number[];
      caption?: string;
    }
  | { kind: "image"; png: Uint8Array; width: number; height: number; alt: string; caption: string }
  | { kind: "pageBreak" };

export const cellText = (c: Cell) => (typeof c === "string" ? c : c.text);

/** The fills of a red/amber/green cell, as hex without '#': the GOV.UK tag colours' backgrounds. */
export const FILLS: Record<"green" | "amber" | "red" | "grey", { fill: string; text: string }> = {
  green: { fill: "CCE2D8", text: "005A30" },
  amber: { fill: "FFF7BF", text: "594D00" },
  red: { fill: "F4CDC6", text: "942514" },
  grey: { fill: "E5E6E7", text: "0B0C0C" },
};

/** Every piece of text a report holds, in order: what a reader of either file must find. */
export function textOf(blocks: Block[]): string {
  return blocks
    .flatMap((b) => {
      switch (b.kind) {
        case "title":
        case "heading":
        case "para":
          return [b.text];
        case "meta":
          return b.rows.map(([l, v]) => `${l}: ${v}`);
        case "list":
          return b.items;
        case "table":
          return [b.header.join(" | "), ...b.rows.map((r) => r.map(cellText).join(" | ")), b.caption ?? ""];
        case "image":
          return [b.caption];
        default:
          return [];
      }
    })
    .join("\n");
}
