import { describe, expect, it } from "vitest";
import { escapeHtml } from "./chart-text";

describe("text that charts put into HTML", () => {
  it("escapes every character that could start markup or leave an attribute", () => {
    expect(escapeHtml(`<img src=x onerror="alert('x')">&`)).toBe(
      "&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;",
    );
    expect(escapeHtml(null)).toBe("");
    expect(escapeHtml("Senior care worker")).toBe("Senior care worker");
  });
});
