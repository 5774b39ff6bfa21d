import { describe, expect, it } from "vitest";
import { escapeHtml, roadmapTooltip } from "./chart-text";

describe("text that charts put into HTML", () => {
  it("escapes every character that could start markup or leave an attribute", () => {
    expect(escapeHtml(`<img src=x onerror="alert('x')">&`)).toBe(
      "&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;",
    );
    expect(escapeHtml(null)).toBe("");
    expect(escapeHtml("Senior care worker")).toBe("Senior care worker");
  });

  it("the roadmap tooltip shows a role title a council typed as text, never as HTML", () => {
    const html = roadmapTooltip({ dataType: "node", name: '<img src=x onerror="fetch(`/api/auth/me`)">Team leader' });
    expect(html).toBe("&lt;img src=x onerror=&quot;fetch(`/api/auth/me`)&quot;&gt;Team leader: choose to read more");
    expect(html).not.toContain("<");
    expect(roadmapTooltip({ dataType: "edge", name: "<b>x</b>" })).toBe("");
  });
});
