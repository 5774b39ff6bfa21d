import type { openApiDocument } from "./openapi";

const esc = (s: unknown) => String(s ?? "").replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A plain, accessible HTML rendering of the OpenAPI document (no scripts, nothing fetched). */
export function renderApiDocs(doc: ReturnType<typeof openApiDocument>): string {
  const byTag = new Map<string, string[]>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops) as [
      string,
      {
        summary: string;
        description: string;
        tags: string[];
        requestBody?: { content: Record<string, { schema: unknown }> };
        parameters?: { name: string; in: string; required: boolean }[];
      },
    ][]) {
      const [type, content] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
      const body = content
        ? `<details><summary>Request body (${type === "application/json" ? "JSON" : esc(type)}; JSON Schema)</summary><pre>${esc(JSON.stringify(content.schema, null, 2))}</pre></details>`
        : "";
      const params = op.parameters?.length
        ? `<p>Parameters: ${op.parameters.map((p) => `<code>${esc(p.name)}</code> (${esc(p.in)}${p.required ? ", required" : ""})`).join(", ")}</p>`
        : "";
      const item = `<section class="op"><h3><span class="m m-${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3><p>${esc(op.summary)}</p><p class="access">${esc(op.description)}</p>${params}${body}</section>`;
      const tag = op.tags[0];
      byTag.set(tag, [...(byTag.get(tag) ?? []), item]);
    }
  }
  const sections = [...byTag]
    .map(([tag, items]) => `<h2 id="${esc(tag.toLowerCase())}">${esc(tag)}</h2>${items.join("")}`)
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>API – Care Workforce Hub</title>
<style>body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#0b0c0c;line-height:1.4}
h1{font-size:2rem}code,pre{font-family:ui-monospace,Menlo,Consolas,monospace}pre{background:#f3f2f1;padding:.75rem;overflow:auto}.op{border-top:1px solid #b1b4b6;padding:.5rem 0}
.m{display:inline-block;min-width:4.5rem;font-weight:700}.m-get{color:#005a30}.m-post{color:#1d70b8}.m-patch,.m-put{color:#6f3c00}.m-delete{color:#942514}.access{color:#484949}a{color:#1d70b8}</style></head>
<body><main><h1>Care Workforce Hub API</h1><p>${esc(doc.info.description)}</p><p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${esc(doc.openapi)}).</p>${sections}</main></body></html>`;
}
