import { describe, expect, it } from "vitest";
import { makeSystem, signedIn, testHub } from "../../../test/harness";
import { LIMITS } from "../modules/ascwds/read-upload";
import { BODY_LIMITS } from "./body-limit";

const hub = await testHub();

/** A body that never ends on its own, counting how much of it the server pulled. */
function endlessBody(chunkBytes: number, prefix = "") {
  const pulled = { bytes: 0 };
  const chunk = new Uint8Array(chunkBytes).fill(0x20);
  let first = true;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const out = first ? new TextEncoder().encode(prefix) : chunk;
      first = false;
      pulled.bytes += out.length;
      controller.enqueue(out);
    },
  });
  return { stream, pulled };
}

async function send(path: string, body: ReadableStream<Uint8Array> | string, headers: Record<string, string>) {
  const request = new Request(`http://hub.test${path}`, {
    method: "POST",
    body,
    headers,
    duplex: "half",
  } as RequestInit);
  const res = await hub.app.fetch(request);
  return {
    status: res.status,
    json: (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null,
  };
}

describe("request body limits", () => {
  it("refuses an endless JSON body to sign-in with 413 after reading no more than the limit", async () => {
    const { stream, pulled } = endlessBody(64 * 1024, '{"email":"a@b.test","password":"');
    const res = await send("/api/auth/sign-in", stream, {
      "content-type": "application/json",
      "x-forwarded-for": "203.0.113.90",
    });
    expect(res.status).toBe(413);
    expect(res.json?.error?.code).toBe("too_large");
    expect(res.json?.error?.message).toContain("256 KB");
    expect(pulled.bytes).toBeLessThan(BODY_LIMITS.json + 2 * 64 * 1024);
  });

  it("refuses a declared Content-Length over the limit without reading the body", async () => {
    const { stream, pulled } = endlessBody(64 * 1024);
    const res = await send("/api/auth/sign-in", stream, {
      "content-type": "application/json",
      "content-length": String(300 * 1024 * 1024),
      "x-forwarded-for": "203.0.113.91",
    });
    expect(res.status).toBe(413);
    expect(pulled.bytes).toBeLessThanOrEqual(64 * 1024);
  });

  it("refuses an upload larger than three files at the file limit, but takes a large JSON framework draft", async () => {
    const { provider, providerAdmin, council, councilAdmin } = await makeSystem(hub);
    const client = await signedIn(hub, providerAdmin.email);
    const { stream, pulled } = endlessBody(
      1024 * 1024,
      '--b\r\ncontent-disposition: form-data; name="files"; filename="staff.csv"\r\n\r\n',
    );
    const res = await send(`/api/orgs/${provider.id}/imports`, stream, {
      "content-type": "multipart/form-data; boundary=b",
      cookie: client.cookie,
      "x-csrf-token": client.csrf,
      "x-forwarded-for": "203.0.113.92",
    });
    expect(res.status).toBe(413);
    expect(res.json?.error?.message).toMatch(/The upload is too large/);
    const limit = LIMITS.files * LIMITS.fileBytes + 1024 * 1024;
    expect(pulled.bytes).toBeGreaterThan(limit - 2 * 1024 * 1024);
    expect(pulled.bytes).toBeLessThan(limit + 2 * 1024 * 1024);

    // A route that declares a larger limit reads past the default: the 300 KB body reaches validation.
    const admin = await signedIn(hub, councilAdmin.email);
    const big = await admin.request("PUT", `/api/orgs/${council.id}/frameworks/draft`, {
      framework: { padding: "x".repeat(300 * 1024) },
    });
    expect(big.status).toBe(400);
    expect(big.json.error.code).toBe("validation");
  });

  it("answers ordinary requests after refusing large ones", async () => {
    const res = await hub.app.request("/api/health");
    expect(res.status).toBe(200);
  });
});
