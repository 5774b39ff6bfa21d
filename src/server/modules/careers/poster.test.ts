import { describe, expect, it } from "vitest";
import { SHIPPED_FRAMEWORK } from "../frameworks/shipped-framework";
import { POSTER_MIN_PT, posterLayout, posterPdf } from "./poster";

// The A3 poster fills its page with text no smaller than 10 pt (issue 15 item 11), read from the
// PDF itself: the sizes its text operators set, and where its lines are drawn.

describe("the A3 poster", () => {
  it("sets no text below 10 pt and draws it over most of the page", async () => {
    const pdf = (await posterPdf(SHIPPED_FRAMEWORK, { council: "Halton", uncompressed: true })).toString("latin1");
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(1);
    // Every size a text operator sets (pdfkit writes "/F1 12 Tf").
    const sizes = [...pdf.matchAll(/\/F\d+ ([\d.]+) Tf/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(30);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10);
    // Where each line is drawn: pdfkit places it with "1 0 0 1 x y Tm" (y from the page's foot).
    const at = [...pdf.matchAll(/1 0 0 1 ([\d.]+) ([\d.]+) Tm/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
    const [width, height] = [1190.55, 841.89];
    const xs = at.map((p) => p.x);
    const ys = at.map((p) => p.y);
    // From the top margin to the foot, and from the left margin across to the last column.
    expect(Math.max(...ys)).toBeGreaterThan(height * 0.9);
    expect(Math.min(...ys)).toBeLessThan(height * 0.1);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(width * 0.7);
  });

  it("fills its columns: the roadmap's text takes most of the room between the heading and the sources", () => {
    const layout = posterLayout(SHIPPED_FRAMEWORK, { council: "Halton" });
    expect(layout.size).toBeGreaterThanOrEqual(POSTER_MIN_PT);
    expect(Math.min(...layout.runs.map((r) => r.size))).toBeGreaterThanOrEqual(POSTER_MIN_PT);
    const body = layout.runs.slice(2, -1);
    const top = Math.min(...body.map((r) => r.y));
    const bottom = layout.runs[layout.runs.length - 1].y - 10;
    const used = body.reduce((s, r) => s + r.height, 0);
    // Three quarters of the height of the columns, at least, holds text.
    expect(used / ((bottom - top) * layout.columns)).toBeGreaterThan(0.75);
    // No two pieces overlap.
    for (const [i, a] of body.entries())
      for (const b of body.slice(i + 1))
        expect(
          a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height,
          `${a.text} / ${b.text}`,
        ).toBe(false);
  });
});
