import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeSystem, signedIn, testHub } from "../../../../test/harness";
import { deflatedRepeat, inlineRow, workbookParts, zipOf } from "../../../../test/zip";
import { imports } from "../../db/schema";

const hub = await testHub();

describe("a workbook that unpacks to too much", () => {
  it("is refused at the door with 413 and a message, stores nothing, and the hub answers on", async () => {
    const { provider, providerAdmin } = await makeSystem(hub);
    const client = await signedIn(hub, providerAdmin.email);
    const row = inlineRow(1, ["x", "y", "z"]);
    const payload = deflatedRepeat(
      '<?xml version="1.0"?><worksheet><sheetData>',
      row,
      Math.ceil((300 * 1024 * 1024) / row.length),
      "</sheetData></worksheet>",
    );
    const bytes = zipOf(workbookParts([{ name: "staff", deflated: payload }]));
    const form = new FormData();
    form.append("files", new File([bytes as BlobPart], "returns.xlsx"));
    form.append("asAt", "2026-06-30");
    const res = await hub.app.request(`/api/orgs/${provider.id}/imports`, {
      method: "POST",
      body: form,
      headers: { cookie: client.cookie, "x-csrf-token": client.csrf },
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("too_large_unpacked");
    expect(body.error.message).toMatch(/^returns\.xlsx unpacks to 3\d\d MB, more than the 256 MB a workbook can hold/);
    const [stored] = await hub.deps.db.select({ n: count() }).from(imports).where(eq(imports.orgId, provider.id));
    expect(stored.n).toBe(0);
    expect((await hub.app.request("/api/health")).status).toBe(200);
  });
});
